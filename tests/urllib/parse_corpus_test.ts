/**
 * The shared URL corpus (web-platform-tests inputs) against CPython 3.14's
 * answers in ../shared/corpora/url_expected.jsonl. The keys of each answer
 * name the calls that were made; error entries carry the class only.
 */
import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { capture, SHARED } from "../_oracle.ts";
import {
  parse_qs,
  parse_qsl,
  quote,
  quote_plus,
  unquote,
  unquote_plus,
  urldefrag,
  urlencode,
  urljoin,
  urlparse,
  urlsplit,
  urlunparse,
  urlunsplit,
} from "../../urllib/parse.ts";

const BASES = [
  "http://www.example.com/a/b/c.html?q=1#f",
  "https://user:pw@host:8080/dir/",
  "file:///srv/x/y",
];

function ours(input: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (k: string, fn: () => unknown) => {
    const r = capture(fn);
    out[k] = "ok" in r ? r.ok : { error: r.error };
  };
  put("urlsplit", () => urlsplit(input));
  put("urlparse", () => urlparse(input));
  put("unsplit", () => urlunsplit(urlsplit(input)));
  put("unparse", () => urlunparse(urlparse(input)));
  put("defrag", () => urldefrag(input));
  out.join = BASES.map((b) => {
    const r = capture(() => urljoin(b, input));
    return "ok" in r ? r.ok : { error: r.error };
  });
  put("join_rev", () => urljoin(input, "../x?y#z"));
  put("parts", () => {
    const r = urlsplit(input);
    return [r.hostname, r.username, r.password];
  });
  put("port", () => urlsplit(input).port);
  put("quote", () => quote(input));
  put("quote_plus", () => quote_plus(input));
  put("quote_safe", () => quote(input, { safe: ":/?&=" }));
  put("unquote", () => unquote(input));
  put("unquote_plus", () => unquote_plus(input));
  try {
    const q = urlsplit(input).query;
    put("qs", () => parse_qs(q));
    put("qsl", () => parse_qsl(q, { keep_blank_values: true }));
    put("encode", () => urlencode(parse_qsl(q, { keep_blank_values: true })));
  } catch { /* no query keys when the split fails */ }
  return out;
}

function plain(v: unknown): unknown {
  // The corpus stores dicts as JSON objects; ours come back as {$d: pairs}.
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("$d" in o) return Object.fromEntries((o.$d as [string, unknown][]).map(([k, x]) => [k, plain(x)]));
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

Deno.test("urllib.parse: url corpus matches CPython 3.14 (url_expected.jsonl)", () => {
  const inputs = Deno.readTextFileSync(SHARED + "corpora/url_inputs.jsonl").trim().split("\n").map((l) =>
    JSON.parse(l) as string
  );
  const expected = Deno.readTextFileSync(SHARED + "corpora/url_expected.jsonl").trim().split("\n").map((l) =>
    JSON.parse(l) as Record<string, unknown>
  );
  assertEquals(inputs.length, expected.length);
  const bad: string[] = [];
  let checked = 0;
  for (let i = 0; i < inputs.length; i++) {
    const exp = { ...expected[i] };
    delete exp.input;
    const got = plain(ours(inputs[i])) as Record<string, unknown>;
    for (const k of Object.keys(exp)) {
      checked++;
      if (JSON.stringify(got[k]) !== JSON.stringify(exp[k])) {
        bad.push(
          `${JSON.stringify(inputs[i])} ${k}: got ${JSON.stringify(got[k])} want ${JSON.stringify(exp[k])}`,
        );
      }
    }
    for (const k of Object.keys(got)) if (!(k in exp)) bad.push(`${JSON.stringify(inputs[i])} extra ${k}`);
  }
  assertEquals(bad.slice(0, 20), [], `${bad.length} mismatches of ${checked}`);
});
