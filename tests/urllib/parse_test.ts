/**
 * urllib.parse: the live differential test against CPython 3.14 (20,000+
 * generated URLs through every function, several argument combinations,
 * str and bytes), reprs, hostile 1 MB inputs, and unit vectors from
 * CPython's test_urlparse.
 */
import assert from "node:assert/strict";
import { capture, oracle, oracleTest, type Outcome, SHARED } from "../_oracle.ts";
import { b, Bytes, kw, repr } from "../../mod.ts";
import { TypeError as PyTypeError, ValueError } from "../../_util/exceptions.ts";
import * as P from "../../urllib/parse.ts";
import { Signature } from "../../_util/signature.ts";
import { catch_warnings, DeprecationWarning } from "../../warnings.ts";
import { type Case, casesFor, Gen } from "./_url_gen.ts";

const PY = `
import urllib.parse as P
import re as _re
# The oracle is python3.13 running 3.14's parse.py, whose IPvFuture check
# uses the regex anchor \\z (new in 3.14). 3.13's \\Z means the same thing.
class _Re3_14:
    def __getattr__(self, name):
        return getattr(_re, name)
    def match(self, pattern, string, flags=0):
        return _re.match(pattern.replace("\\\\z", "\\\\Z"), string, flags)
P.re = _Re3_14()
RESULTS = (P.SplitResult, P.ParseResult, P.SplitResultBytes, P.ParseResultBytes)
DEFRAG = (P.DefragResult, P.DefragResultBytes)
def _props(r):
    out = []
    for name in ("hostname", "port", "username", "password"):
        try:
            out.append({"ok": _enc(getattr(r, name))})
        except Exception as e:
            out.append({"error": type(e).__name__, "message": str(e)})
    out.append(r.geturl())
    out.append(repr(r))
    return out
def _call(c):
    f = c["f"]; a = list(c.get("a", [])); k = dict(c.get("k", {}))
    if f == "urlencode":
        if isinstance(a[0], list):
            a[0] = [tuple(x) if isinstance(x, list) else x for x in a[0]]
            if c.get("asdict"):
                a[0] = dict(a[0])
        if c.get("qv") == "quote":
            k["quote_via"] = P.quote
    if f == "result_encode":
        return P.urlsplit(a[0]).encode(*a[1:]) if c.get("split") else P.urlparse(a[0]).encode(*a[1:])
    if f == "result_decode":
        return P.urlsplit(a[0]).decode(*a[1:]) if c.get("split") else P.urlparse(a[0]).decode(*a[1:])
    if f == "defrag_encode":
        return P.urldefrag(a[0]).encode(*a[1:])
    if f == "replace":
        return P.urlparse(a[0])._replace(**k)
    return getattr(P, f)(*a, **k)
def run(c):
    r = _call(c)
    if isinstance(r, RESULTS):
        return [list(r), _props(r)]
    if isinstance(r, DEFRAG):
        return [list(r), r.geturl(), repr(r)]
    if c["f"] in ("parse_qs", "parse_qsl"):
        return [r, repr(r)]
    return r
`;

type Fn = (...args: unknown[]) => unknown;
const FNS = P as unknown as Record<string, Fn>;

function callOurs(c: Case): unknown {
  const a = [...c.a];
  const k: Record<string, unknown> = { ...(c.k ?? {}) };
  if (c.f === "urlencode") {
    if (c.qv === "quote") k.quote_via = P.quote;
    if ((c as { asdict?: boolean }).asdict) a[0] = new Map(a[0] as [unknown, unknown][]);
  }
  if (c.f === "result_encode") {
    const r = (c as { split?: boolean }).split ? P.urlsplit(a[0] as string) : P.urlparse(a[0] as string);
    return r.encode(...(a.slice(1) as [string, string]));
  }
  if (c.f === "result_decode") {
    const r = (c as { split?: boolean }).split
      ? P.urlsplit(a[0] as Uint8Array)
      : P.urlparse(a[0] as Uint8Array);
    return r.decode(...(a.slice(1) as [string, string]));
  }
  if (c.f === "defrag_encode") return P.urldefrag(a[0] as string).encode(...(a.slice(1) as [string, string]));
  if (c.f === "replace") return P.urlparse(a[0] as string)._replace(k);
  const fn = FNS[c.f];
  return Object.keys(k).length ? fn(...a, k) : fn(...a);
}

function ours(c: Case): Outcome {
  return capture(() => {
    const r = callOurs(c);
    if (
      r instanceof P.SplitResult || r instanceof P.ParseResult || r instanceof P.SplitResultBytes ||
      r instanceof P.ParseResultBytes
    ) {
      const props = ["hostname", "port", "username", "password"].map((name) => {
        const o = capture(() => (r as unknown as Record<string, unknown>)[name]);
        return o;
      });
      return [r, [...props, r.geturl(), repr(r)]];
    }
    if (r instanceof P.DefragResult || r instanceof P.DefragResultBytes) return [r, r.geturl(), repr(r)];
    if (c.f === "parse_qs" || c.f === "parse_qsl") return [r, repr(r)];
    return r;
  });
}

/** Hand-picked calls: type errors, odd arguments, result methods. */
function specialCases(): Case[] {
  const cs: Case[] = [
    { f: "urlsplit", a: ["http://x", b`http`] },
    { f: "urlsplit", a: [b`http://x`, "http"] },
    { f: "urlsplit", a: [b`http://x`, ""] },
    { f: "urlsplit", a: [null] },
    { f: "urlsplit", a: [[]] },
    { f: "urlsplit", a: [["a"]] },
    { f: "urlsplit", a: ["x", "", []] },
    { f: "urlparse", a: [[]] },
    { f: "urlsplit", a: [b`http://\xff/`] },
    { f: "urlsplit", a: [b`\xef\xbb\xbfhttp://x/`] }, // a UTF-8 BOM is not ASCII (TextDecoder would drop it)
    { f: "urljoin", a: [b`http://a/b`, b`\xef\xbb\xbf../c`] },
    { f: "urlparse", a: [b`http://h/p;x?q#f`, b`ftp`, false] },
    // bytes fields cut from a copy of the input where they are runs of it, copied where they are not
    { f: "urlsplit", a: [b`HTTP://h/p?q#f`] },
    { f: "urlsplit", a: [b`//h/p#`, b`ftp`] },
    { f: "urlparse", a: [b` \thttp://h/a;b?q`] },
    { f: "urlparse", a: [b`http://h/p;`] },
    { f: "urlparse", a: [b`Http:/a/b;c#d`, b``, false] },
    // ";params" is searched from the path's last "/" only, inside the path's bounds
    { f: "urlparse", a: [b`http://h;x/a;b/c;d;e?q;r#s;t`] },
    { f: "urlparse", a: ["http://h;x/a;b/c?q;r#s;t"] },
    { f: "urlparse", a: ["http://h/a/b;c#d;e", "", false] },
    { f: "urlparse", a: ["http:a;b/c"] },
    { f: "urlparse", a: [b`x;y`, b`http`] },
    { f: "urldefrag", a: [" \thttp://h/p?q#f"] },
    { f: "urldefrag", a: [b`http://h/p?#`] },
    { f: "urljoin", a: [b`http://a/b?q#f`, b`#g`] },
    { f: "urljoin", a: ["http://u@a:1/b/c?q#f", "?y"] },
    { f: "urljoin", a: ["a", b`b`] },
    { f: "urljoin", a: [b`http://a/b`, b`../c`] },
    { f: "urljoin", a: ["", b`b`] },
    { f: "urljoin", a: [b`x`, ""] },
    { f: "urlunsplit", a: [["http", b`x`, "", "", ""]] },
    { f: "urlunsplit", a: [["a", "b"]] },
    { f: "urlunsplit", a: [["a", "b", "c", "d", "e", "f"]] },
    { f: "urlunparse", a: [["a", "b", "c", "d", "e"]] },
    { f: "urlunsplit", a: [[b`http`, b`h`, b`/p`, b``, b`f`]] },
    { f: "urldefrag", a: [b`http://x/#y`] },
    { f: "urldefrag", a: ["http://x/?#"] },
    { f: "urldefrag", a: ["#"] },
    { f: "urlencode", a: ["abc"] },
    { f: "urlencode", a: [""] },
    { f: "urlencode", a: [5] },
    { f: "urlencode", a: [["a"]] },
    { f: "urlencode", a: [null] },
    { f: "urlencode", a: [[]] },
    { f: "urlencode", a: [[["a", "1", "2"]]] },
    { f: "urlencode", a: [[["a", "1"], ["b"]]] },
    { f: "urlencode", a: [[["a", "x y"], ["b", ["1", "2"]]]], k: { doseq: true, quote_via: undefined } },
    { f: "quote", a: [5] },
    { f: "quote", a: [null] },
    { f: "quote", a: [b`x`], k: { encoding: "utf-8" } },
    { f: "quote", a: [b`x`], k: { errors: "strict" } },
    { f: "quote", a: [""], k: { encoding: "bogus" } },
    { f: "quote", a: ["é"], k: { encoding: "bogus" } },
    { f: "quote", a: ["a"], k: { encoding: "bogus" } },
    { f: "quote", a: ["\ud800x"] },
    { f: "quote", a: ["\ud800x"], k: { errors: "surrogatepass" } },
    { f: "quote", a: ["ab\udc80"], k: { errors: "surrogateescape" } },
    { f: "quote", a: ["€"], k: { encoding: "latin-1" } },
    { f: "quote", a: ["€x"], k: { encoding: "ascii", errors: "xmlcharrefreplace" } },
    { f: "quote", a: ["a b"], k: { safe: b` ` } },
    { f: "quote_plus", a: ["a b+c"], k: { safe: b`+` } },
    { f: "quote_plus", a: [b`a b`], k: { safe: "/" } },
    { f: "quote_plus", a: [5] },
    { f: "quote_from_bytes", a: ["x"] },
    { f: "quote_from_bytes", a: [b``] },
    { f: "parse_qsl", a: ["a=1"], k: { separator: "" } },
    { f: "parse_qsl", a: ["a=1"], k: { separator: null } },
    { f: "parse_qsl", a: ["a=1"], k: { separator: 5 } },
    { f: "parse_qsl", a: ["a=1;b=2"], k: { separator: b`;` } },
    { f: "parse_qsl", a: [b`a=1;b=2`], k: { separator: ";" } },
    { f: "parse_qsl", a: [b`a=1`], k: { separator: "é" } },
    { f: "parse_qsl", a: ["a=1"], k: { separator: b`\xff` } },
    { f: "parse_qsl", a: [null] },
    { f: "parse_qsl", a: [0] },
    { f: "parse_qsl", a: [[]] },
    { f: "parse_qsl", a: [5] },
    { f: "parse_qsl", a: [""], k: { strict_parsing: true } },
    { f: "parse_qsl", a: ["a&&b=1"], k: { strict_parsing: true } },
    { f: "parse_qsl", a: ["&"], k: { strict_parsing: true, keep_blank_values: true } },
    { f: "parse_qsl", a: ["a=1&b=2&c=3"], k: { max_num_fields: 2 } },
    { f: "parse_qsl", a: ["a=1&b=2"], k: { max_num_fields: 2 } },
    { f: "parse_qsl", a: ["a=%e9"], k: { encoding: "latin-1" } },
    { f: "parse_qsl", a: ["a=%e9"], k: { encoding: "bogus" } },
    { f: "parse_qsl", a: ["a=%e9"], k: { errors: "strict" } },
    { f: "parse_qs", a: ["__proto__=1&constructor=2&__proto__=3&toString=4"] },
    { f: "parse_qs", a: [b`a=1&a=2&b=%41+`] },
    { f: "parse_qs", a: [b`a=1&b&c=`], k: { keep_blank_values: true } },
    { f: "unquote", a: [null] },
    { f: "unquote", a: [5] },
    { f: "unquote", a: [b`%41%e9`] },
    { f: "unquote", a: [b`%41%e9`], k: { encoding: "latin-1" } },
    { f: "unquote", a: ["%41%e9"], k: { errors: "strict" } },
    { f: "unquote", a: ["%41"], k: { encoding: "bogus" } },
    { f: "unquote", a: ["abc"], k: { encoding: "bogus" } },
    { f: "unquote", a: ["%e9é%e9"], k: { encoding: "latin-1" } },
    { f: "unquote", a: ["%C3é%A9"] },
    { f: "unquote", a: ["%00%ff%FF%Fg%f%"] },
    { f: "unquote", a: ["a%41"], k: { encoding: "utf-16-le" } },
    { f: "unquote_plus", a: [b`a+b`] },
    { f: "unquote_plus", a: [null] },
    { f: "unquote_to_bytes", a: [null] },
    { f: "unquote_to_bytes", a: [""] },
    { f: "unquote_to_bytes", a: [5] },
    { f: "unquote_to_bytes", a: ["\ud800%41"] },
    { f: "unquote_to_bytes", a: ["é%41%"] },
    { f: "unwrap", a: ["<URL:type://host/path>"] },
    { f: "unwrap", a: ["  <  URL:  x  >  "] },
    { f: "unwrap", a: ["<>"] },
    { f: "unwrap", a: ["<"] },
    { f: "unwrap", a: ["\u3000<URL:\x1cx\x85>\ufeff"] },
    { f: "unwrap", a: [b`<URL:x>`] },
    { f: "result_encode", a: ["http://h/é", "ascii"], split: true } as Case,
    { f: "result_encode", a: ["http://h/é", "utf-8"] },
    { f: "result_encode", a: ["http://h/é"], k: { encoding: "latin-1" } } as Case,
    { f: "result_encode", a: ["http://h/é", "ascii", "replace"] },
    { f: "result_decode", a: [b`http://h:80/p;x?q#f`], split: true } as Case,
    { f: "result_decode", a: [b`http://h/\xe9`, "latin-1"] },
    { f: "result_decode", a: [b`http://h/\xe9`] },
    { f: "defrag_encode", a: ["http://x/#é", "utf-8"] },
    { f: "replace", a: ["http://a/b"], k: { scheme: "https", fragment: "x" } },
    { f: "replace", a: ["http://a/b"], k: { bogus: "x" } },
  ];
  // bracketed hosts: IPv6 (Python's ipaddress rules), IPvFuture, IPv4 refused
  for (
    const h of [
      "::ffff:1.2.3.4%x",
      "1::2:3:4:5:6:7",
      "1:2:3:4:5:6:7::",
      "::1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8::",
      ":1::2",
      "1::",
      "::",
      ":::",
      "1:2:3:4:5:6:1.2.3.4",
      "::1.2.3.4",
      "1::1.2.3.04",
      "1:2:3:4:5:6:7:1.2.3.4",
      "fe80::1%",
      "fe80::1%%",
      "fe80::1%25eth0",
      "FFFF::abcd",
      "12345::",
      "1:2:3:4:5:6:7:8",
      "1:2:3:4:5:6:7:8:9",
      "1.2.3.4",
      "01.2.3.4",
      "v1.x",
      "V1.x",
      "v.x",
      "vg.x",
      "v1.",
      "v1.\u00e9",
      "",
      "::1/64",
    ]
  ) cs.push({ f: "urlsplit", a: [`http://u@[${h}]:80/p`] });
  // netlocs for _hostinfo's single pass: "@" resetting what came before it, "[" and ":" in either order,
  // stop characters ("%", upper case, non-ASCII) before and after the port's ":"
  for (
    const n of [
      "a@b@C:1",
      "[::1]:80@h",
      "H:1@[::1]:2",
      "u:P@[V1.X]x:5",
      "h:1:2",
      "H%25x:8",
      "h:8%",
      "h:8A",
      "xn--Ü:8",
      "ÜBER.example",
      "a.b-c.d09",
      "@",
      ":",
      "[",
      "a[b:1",
      "a:[b]:1",
      "Ab%zz@c",
      "@H%2:1",
      "\u212a.com",
    ]
  ) {
    cs.push({ f: "urlsplit", a: [`http://${n}/p`] }, {
      f: "urlsplit",
      a: [new TextEncoder().encode(`http://${n}/p`)],
    });
  }
  // long inputs take the buffered paths
  const long = "é a/%~+😀".repeat(700);
  cs.push({ f: "quote", a: [long] }, { f: "quote_plus", a: [long] }, {
    f: "quote",
    a: [long],
    k: { safe: "" },
  });
  cs.push({ f: "quote", a: ["x".repeat(5000) + "\ud800"] });
  cs.push({ f: "quote", a: [new TextEncoder().encode(long)] }, { f: "unquote", a: [P.quote(long)] });
  cs.push({ f: "unquote", a: ["%C3%A9%zz%e9".repeat(1000)] }, {
    f: "unquote_plus",
    a: ["%C3%A9+" + "%F0%9F%98%80".repeat(900)],
  });
  cs.push({ f: "parse_qsl", a: ["a=%C3%A9&".repeat(2000)] });
  // urlencode of plain objects (Python dicts)
  cs.push({ f: "urlencode", a: [{ a: "1 2", "é": ["x", "y"], n: 5, t: true, z: null }], k: { doseq: true } });
  cs.push({ f: "urlencode", a: [{ a: "1 2", "é": ["x", "y"], n: 5, ["__proto__"]: "p" }] });
  cs.push({ f: "urlencode", a: [{}] }, { f: "urlencode", a: [{ "a&b": "c=d" }], k: { safe: "&=" } });
  // urlencode with dict-like queries and assorted values
  cs.push(
    {
      f: "urlencode",
      a: [[["@number", 1234], ["@type", "issue"], ["@action", "show"]]],
      asdict: true,
    } as Case,
  );
  cs.push({ f: "urlencode", a: [[["a", [1, 2]], ["b", "c d"], [1, true], ["n", null]]], k: { doseq: true } });
  cs.push({ f: "urlencode", a: [[["a", [1, 2]], ["b", []]]], k: { doseq: false } });
  cs.push({ f: "urlencode", a: [[["é", "ü"]]], k: { encoding: "latin-1" } });
  cs.push({ f: "urlencode", a: [[["é", "€"]]], k: { encoding: "latin-1", errors: "xmlcharrefreplace" } });
  cs.push({ f: "urlencode", a: [[["é", "€"]]], k: { encoding: "ascii" } });
  return cs;
}

function generated(count: number, seed: number): Case[] {
  const g = new Gen(seed);
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    for (const c of casesFor(g, g.url())) {
      if (c.f === "urlencode" && g.chance(0.3)) {
        const pairs = c.a[0] as [unknown, unknown][];
        if (pairs.every(([k]) => !(k instanceof Uint8Array))) (c as { asdict?: boolean }).asdict = true;
      }
      cases.push(c);
    }
  }
  return cases;
}

function diff(cases: Case[], theirs: Outcome[]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < cases.length; i++) {
    const mine = ours(cases[i]);
    const a = JSON.stringify(mine), e = JSON.stringify(theirs[i]);
    if (a !== e) bad.push(`${JSON.stringify(cases[i])}\n  ours:   ${a}\n  python: ${e}`);
  }
  return bad;
}

const GENERATED_URLS = 20_000;

oracleTest("urllib.parse: differential vs CPython 3.14 (special cases)", async () => {
  const cases = specialCases();
  const bad = diff(cases, await oracle(PY, cases));
  assert.deepEqual(bad, [], `${bad.length} of ${cases.length} differ`);
  console.log(`urllib.parse differential: ${cases.length} hand-picked cases, all agree`);
});

oracleTest(`urllib.parse: differential vs CPython 3.14 (${GENERATED_URLS} generated URLs)`, async () => {
  const cases = generated(GENERATED_URLS, 0x5eed_2026);
  const bad = diff(cases, await oracle(PY, cases));
  assert.deepEqual(bad.slice(0, 10), [], `${bad.length} of ${cases.length} differ`);
  console.log(`urllib.parse differential: ${cases.length} cases from ${GENERATED_URLS} URLs, all agree`);
});

oracleTest("urllib.parse: differential vs CPython 3.14 (every corpus URL, all functions)", async () => {
  // The web-platform-tests inputs of shared/corpora/url_inputs.jsonl, through the
  // same calls and argument combinations as the generated URLs.
  const inputs = Deno.readTextFileSync(SHARED + "corpora/url_inputs.jsonl").trim().split("\n")
    .map((l) => JSON.parse(l) as string);
  const g = new Gen(0xc0_2b05);
  const cases = inputs.flatMap((u) => casesFor(g, u));
  const bad = diff(cases, await oracle(PY, cases));
  assert.deepEqual(bad.slice(0, 10), [], `${bad.length} of ${cases.length} differ`);
  console.log(
    `urllib.parse differential: ${cases.length} cases from ${inputs.length} corpus URLs, all agree`,
  );
});

/**
 * Query strings, quoting and the small helpers from a tiny alphabet, so that separators, escapes, "+",
 * repeated and colliding names (parse_qs's name cache), odd `safe` values and Python whitespace meet often.
 */
function generatedQueries(count: number, seed: number): Case[] {
  const g = new Gen(seed);
  const PIECES = [
    "a",
    "b",
    "K",
    "id",
    "é",
    "&",
    "&",
    ";",
    "=",
    "=",
    "%",
    "%4",
    "%41",
    "%e9",
    "%C3%A9",
    "%2B",
    "+",
    " ",
    "/",
    "~",
    "__proto__",
    "constructor",
    "utm_source",
    "q",
    "😀",
    "\ud800",
  ];
  const text = () => {
    let t = "";
    for (let n = g.int(8); n > 0; n--) t += g.pick(PIECES);
    return t;
  };
  const latin1 = (t: string) => Uint8Array.from([...t].map((c) => c.charCodeAt(0) & 0xff));
  const SEPS: unknown[] = ["&", "&", ";", "&&", "=", "+", "%", "ab", b`;`];
  const SAFES: unknown[] = ["", "/", " ", "/ ", "é/", ":@&=+", b`/`, b` `, b``];
  const SPACES = [" ", "\t", "\x1c", "\x85", "\u3000", "\u200b", ""];
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const q = text();
    const k: Record<string, unknown> = {};
    if (g.chance(0.4)) k.keep_blank_values = g.chance(0.5);
    if (g.chance(0.15)) k.strict_parsing = true;
    if (g.chance(0.3)) k.separator = g.pick(SEPS);
    if (g.chance(0.3)) k.max_num_fields = g.pick([null, 1, 2, 3, 100]);
    if (g.chance(0.1)) k.errors = "strict";
    // "%" as separator makes names like "41", which a JS object (parse_qs's str result) orders first.
    const f = k.separator === "%" ? "parse_qsl" : g.pick(["parse_qs", "parse_qsl"]);
    cases.push({ f, a: [q], k }, { f, a: [g.chance(0.5) ? latin1(q) : new TextEncoder().encode(q)], k });
    const safe = g.pick(SAFES);
    cases.push({ f: "quote_plus", a: [q], k: { safe } }, { f: "quote_plus", a: [latin1(q), safe] });
    cases.push({ f: "quote", a: [q, safe] }, { f: "quote_from_bytes", a: [latin1(q)], k: { safe } });
    cases.push({ f: "unquote_to_bytes", a: [q] }, { f: "unquote_to_bytes", a: [latin1(q)] });
    cases.push({ f: "unquote_plus", a: [q] });
    const sp = () => g.pick(SPACES);
    const wrapped = sp() + (g.chance(0.5) ? "<" + sp() : "") + (g.chance(0.5) ? "URL:" + sp() : "") + q +
      sp() +
      (g.chance(0.5) ? ">" : "") + sp();
    cases.push({ f: "unwrap", a: [wrapped] });
    cases.push({ f: "urlencode", a: [[[q, text()], ["k", q]]], qv: g.chance(0.5) ? "quote" : undefined });
    const parts = [
      g.pick(["", "http", "mailto"]),
      g.pick(["", "h", "u@h:1"]),
      g.pick(["", "p", "/p", "//p"]),
    ];
    cases.push({ f: "urlunsplit", a: [[...parts, q, text()]] });
    cases.push({ f: "urlunparse", a: [[...parts, text(), q, text()]] });
  }
  return cases;
}

oracleTest("urllib.parse: differential vs CPython 3.14 (generated query strings and quoting)", async () => {
  const cases = generatedQueries(3000, 0x9e_2026);
  const bad = diff(cases, await oracle(PY, cases));
  assert.deepEqual(bad.slice(0, 10), [], `${bad.length} of ${cases.length} differ`);
  console.log(`urllib.parse differential: ${cases.length} query and quoting cases, all agree`);
});

oracleTest("urllib.parse: console.log shows Python's repr for every result type", async () => {
  const url = "http://www.python.org:80/guido/python.html;philosophy?overall=3#n10";
  const code = `
import urllib.parse as P
def run(c):
    return [repr(x) for x in (P.urlparse(c), P.urlsplit(c), P.urldefrag(c), P.urlparse(c.encode()),
            P.urlsplit(c.encode()), P.urldefrag(c.encode()), P.parse_qsl(P.urlsplit(c).query),
            P.parse_qs(P.urlsplit(c).query), P.parse_qs(P.urlsplit(c.encode()).query))]
`;
  const inputs = [url, "HTTP://U:P@[::1]:8080/a'b\"c?x=1&x=2#", "//h/\x7f?a=%41&b=\\"];
  const theirs = await oracle(code, inputs);
  inputs.forEach((c, i) => {
    const values = [
      P.urlparse(c),
      P.urlsplit(c),
      P.urldefrag(c),
      P.urlparse(new TextEncoder().encode(c)),
      P.urlsplit(new TextEncoder().encode(c)),
      P.urldefrag(new TextEncoder().encode(c)),
      P.parse_qsl(P.urlsplit(c).query),
      P.parse_qs(P.urlsplit(c).query),
      P.parse_qs(P.urlsplit(new TextEncoder().encode(c)).query),
    ];
    const expected = (theirs[i] as { ok: string[] }).ok;
    assert.deepEqual(values.map((v) => repr(v)), expected);
    // Deno's console.log goes through Deno.inspect: named tuples show the same text.
    assert.deepEqual(values.slice(0, 6).map((v) => Deno.inspect(v)), expected.slice(0, 6));
  });
});

Deno.test("urllib.parse: the README example prints CPython's repr", () => {
  const r = P.urlparse("http://www.python.org:80/guido/python.html;philosophy?overall=3#n10");
  assert.equal(
    Deno.inspect(r),
    "ParseResult(scheme='http', netloc='www.python.org:80', path='/guido/python.html', params='philosophy', query='overall=3', fragment='n10')",
  );
  assert.equal(repr(P.parse_qs(r.query)), "{'overall': ['3']}");
});

Deno.test("urllib.parse: parse_qs dicts have a null prototype", () => {
  const d = P.parse_qs("__proto__=1&constructor=2");
  assert.equal(Object.getPrototypeOf(d), null);
  assert.deepEqual(Object.keys(d), ["__proto__", "constructor"]);
  assert.deepEqual(d["__proto__"], ["1"]);
  assert.equal(({} as Record<string, unknown>).constructor, Object);
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, "1"), false);
});

Deno.test("urllib.parse: CPython test_urlparse vectors", () => {
  // RFC 3986 §5.4 examples (test_RFC3986) with 3.14's rules.
  const base = "http://a/b/c/d;p?q";
  const vectors: [string, string][] = [
    ["g:h", "g:h"],
    ["g", "http://a/b/c/g"],
    ["./g", "http://a/b/c/g"],
    ["g/", "http://a/b/c/g/"],
    ["/g", "http://a/g"],
    ["//g", "http://g"],
    ["?y", "http://a/b/c/d;p?y"],
    ["g?y", "http://a/b/c/g?y"],
    ["#s", "http://a/b/c/d;p?q#s"],
    ["g#s", "http://a/b/c/g#s"],
    ["g?y#s", "http://a/b/c/g?y#s"],
    [";x", "http://a/b/c/;x"],
    ["g;x", "http://a/b/c/g;x"],
    ["g;x?y#s", "http://a/b/c/g;x?y#s"],
    ["", "http://a/b/c/d;p?q"],
    [".", "http://a/b/c/"],
    ["./", "http://a/b/c/"],
    ["..", "http://a/b/"],
    ["../", "http://a/b/"],
    ["../g", "http://a/b/g"],
    ["../..", "http://a/"],
    ["../../", "http://a/"],
    ["../../g", "http://a/g"],
    ["../../../g", "http://a/g"],
    ["../../../../g", "http://a/g"],
    ["/./g", "http://a/g"],
    ["/../g", "http://a/g"],
    ["g.", "http://a/b/c/g."],
    [".g", "http://a/b/c/.g"],
    ["g..", "http://a/b/c/g.."],
    ["..g", "http://a/b/c/..g"],
    ["./../g", "http://a/b/g"],
    ["./g/.", "http://a/b/c/g/"],
    ["g/./h", "http://a/b/c/g/h"],
    ["g/../h", "http://a/b/c/h"],
    ["g;x=1/./y", "http://a/b/c/g;x=1/y"],
    ["g;x=1/../y", "http://a/b/c/y"],
    ["g?y/./x", "http://a/b/c/g?y/./x"],
    ["g?y/../x", "http://a/b/c/g?y/../x"],
    ["g#s/./x", "http://a/b/c/g#s/./x"],
    ["g#s/../x", "http://a/b/c/g#s/../x"],
    ["http:g", "http://a/b/c/g"],
    ["?", "http://a/b/c/d;p?"],
    ["#", "http://a/b/c/d;p?q#"],
  ];
  for (const [rel, want] of vectors) assert.equal(P.urljoin(base, rel), want, rel);
  // test_urlsplit_remove_unsafe_bytes / test_urlsplit_strip_url
  assert.deepEqual([
    ...P.urlsplit(
      "h\nttp://www.python\n.org/java\nscript:\talert('msg\r\n')/?query\n=\tsomething#frag\nment",
    ),
  ], [
    "http",
    "www.python.org",
    "/javascript:alert('msg')/",
    "query=something",
    "fragment",
  ]);
  assert.deepEqual([...P.urlsplit("\x00\x1f https://www.python.org/")], [
    "https",
    "www.python.org",
    "/",
    "",
    "",
  ]);
  // test_urlsplit_normalization (CVE-2019-9636 / -10160)
  for (const c of "/?#@:") {
    const ch = { "/": "\u2100", "?": "\uff1f", "#": "\uff03", "@": "\uff20", ":": "\uff1a" }[c];
    assert.throws(() => P.urlsplit(`http://www${ch}python.org`), ValueError);
  }
  assert.throws(() => P.urlsplit("http://user:pass@www\u2100python.org"), /contains invalid characters/);
  // test_invalid_bracketed_hosts / test_splitting_bracketed_hosts
  for (
    const bad of [
      "Scheme://user@[192.0.2.146]/Path?Query",
      "Scheme://user@[important.com:8000]/Path?Query",
      "Scheme://user@[v123r.IP]/Path?Query",
      "Scheme://user@[v12ae]/Path?Query",
      "Scheme://user@[v.IP]/Path?Query",
      "Scheme://user@[v123.]/Path?Query",
      "Scheme://user@[v]/Path?Query",
      "Scheme://user@[0439:23af::2309::fae7:1234]/Path?Query",
      "Scheme://user@[0439:23af:2309::fae7:1234:2342:438e:192.0.2.146]/Path?Query",
      "Scheme://user@]v6a.ip[/Path",
      "scheme://prefix.[v6a.ip]",
      "scheme://[v6a.ip].suffix",
      "scheme://prefix.[::1]",
      "scheme://[::1].suffix",
      "scheme://[::1]x",
    ]
  ) assert.throws(() => P.urlsplit(bad), ValueError, bad);
  const p1 = P.urlsplit("scheme://user@[v6a.ip]:1234/path?query");
  assert.equal(p1.hostname, "v6a.ip");
  assert.equal(p1.username, "user");
  assert.equal(p1.port, 1234);
  const p2 = P.urlsplit("scheme://user@[0439:23af:2309::fae7%test]/path?query");
  assert.equal(p2.hostname, "0439:23af:2309::fae7%test");
  const p3 = P.urlsplit("scheme://user@[0439:23af:2309::fae7:1234:192.0.2.146%test]/path?query");
  assert.equal(p3.hostname, "0439:23af:2309::fae7:1234:192.0.2.146%test");
  // ports
  assert.throws(() => P.urlsplit("http://h:65536").port, {
    name: "ValueError",
    message: "Port out of range 0-65535",
  });
  assert.throws(() => P.urlsplit("http://h:x").port, {
    message: "Port could not be cast to integer value as 'x'",
  });
  assert.throws(() => P.urlsplit(b`http://h:x`).port, {
    message: "Port could not be cast to integer value as b'x'",
  });
  // parse_qs separator (CVE-2021-23336)
  assert.equal(repr(P.parse_qsl("a=1;b=2")), "[('a', '1;b=2')]");
  assert.equal(repr(P.parse_qsl("a=1;b=2", { separator: ";" })), "[('a', '1'), ('b', '2')]");
  assert.throws(() => P.parse_qsl("a=1", { separator: "" }), ValueError);
  assert.throws(() => P.parse_qs("a=1&b=2", { max_num_fields: 1 }), {
    message: "Max number of fields exceeded",
  });
  // types
  assert.throws(() => P.urljoin("a", b`b` as unknown as string), PyTypeError);
  assert.throws(() => P.quote(5 as unknown as string), { message: "quote_from_bytes() expected bytes" });
  assert.ok(P.urlsplit(b`http://x/`).scheme instanceof Bytes);
});

Deno.test("urllib.parse: bytes results never share memory with the input", () => {
  const url = new TextEncoder().encode("http://h/p;x?q=1#f");
  const s = P.urlsplit(url), p = P.urlparse(url);
  const qs = new TextEncoder().encode("a=1&b=x+y");
  const pairs = P.parse_qsl(qs);
  url.fill(0x5a);
  qs.fill(0x5a);
  assert.equal(
    repr(s),
    "SplitResultBytes(scheme=b'http', netloc=b'h', path=b'/p;x', query=b'q=1', fragment=b'f')",
  );
  assert.equal(
    repr(p),
    "ParseResultBytes(scheme=b'http', netloc=b'h', path=b'/p', params=b'x', query=b'q=1', fragment=b'f')",
  );
  assert.equal(repr(pairs), "[(b'a', b'1'), (b'b', b'x y')]");
  // Nor do two fields with each other.
  s.path.fill(0x21);
  assert.equal(repr(s.netloc), "b'h'");
  assert.equal(repr(s.query), "b'q=1'");
});

Deno.test("urllib.parse: keyword arguments are checked like Python's", () => {
  assert.throws(() => P.urlsplit("x", { bogus: 1 } as never), {
    message: "urlsplit() got an unexpected keyword argument 'bogus'",
  });
  assert.throws(() => P.quote("x", "/", { safe: "" } as never), {
    message: "quote() got multiple values for argument 'safe'",
  });
  assert.equal(P.quote("a b/c", { safe: "" }), "a%20b%2Fc");
  assert.equal(P.urlencode({ a: "1 2" }, { quote_via: P.quote }), "a=1%202");
});

Deno.test("urllib.parse: module data and clear_cache", () => {
  assert.ok(P.uses_netloc.includes("itms-services"));
  assert.equal(P.scheme_chars.length, 65);
  P.clear_cache();
  assert.equal(P.quote("a:b", ":"), "a:b");
});

Deno.test("urllib.parse: hostile 1 MB inputs finish (linear time)", () => {
  const MB = 1 << 20;
  for (const ch of ["%", "[", "]", "&", ":", "@", "/", "=", "#", ";", "\t", "%4", "é", "+", "."]) {
    const s = ch.repeat(Math.ceil(MB / ch.length));
    for (const fn of [P.urlsplit, P.urlparse, P.urldefrag]) {
      for (const u of ["http://" + s, "//" + s + "/"]) {
        try {
          fn(u);
        } catch (e) {
          assert.ok(e instanceof ValueError);
        }
      }
    }
    try {
      P.urljoin("http://h/" + s, "../" + s);
    } catch (e) {
      assert.ok(e instanceof ValueError);
    }
    assert.equal(typeof P.quote(s), "string");
    assert.equal(typeof P.quote_plus(s, { safe: ch }), "string");
    assert.equal(typeof P.unquote(s), "string");
    assert.equal(typeof P.unquote_plus(s), "string");
    assert.ok(P.unquote_to_bytes(s) instanceof Uint8Array);
    P.parse_qsl(s, { keep_blank_values: true });
    P.parse_qs(s);
    if (ch.charCodeAt(0) < 0x80) {
      // The error message holds the repr of the whole field, as Python's does.
      try {
        P.parse_qsl(s, { strict_parsing: true });
      } catch (e) {
        assert.ok(e instanceof ValueError);
      }
    }
    P.urlencode([[s, s]]);
    const r = P.urlsplit("http://u@h:1/");
    P.urlunsplit([r.scheme, s, s, s, s]);
  }
  assert.throws(() => P.parse_qsl("&".repeat(MB), { max_num_fields: 10 }), ValueError);
  // fields without "=" before one far away: no rescans
  assert.equal(P.parse_qsl("&a".repeat(MB / 2) + "=", { keep_blank_values: true }).length, MB / 2);
  assert.equal(P.parse_qsl(b`${"&a".repeat(MB / 2)}=`, { keep_blank_values: true }).length, MB / 2);
  assert.equal(P.unquote("é%41".repeat(MB / 4) + "%").length, MB / 2 + 1);
  const nested = "[".repeat(MB / 2) + "]".repeat(MB / 2);
  assert.throws(() => P.urlsplit("http://" + nested), ValueError);
  assert.throws(() => P.urlsplit("http://[" + "1:".repeat(MB / 2) + "]"), ValueError);
  assert.throws(() => P.urlsplit("http://[v1." + "x".repeat(MB) + "\n"), ValueError);
  assert.equal(P.urlsplit("http://" + "@".repeat(MB) + "h").hostname, "h");
  assert.equal(P.urlsplit("http://h:" + "0".repeat(MB) + "80").port, 80);
  assert.equal(P.urljoin("http://a/" + "b/".repeat(MB / 2), "../".repeat(MB / 3) + "g").length > 0, true);
  assert.equal(P.quote(new Uint8Array(MB).fill(0xff)).length, 3 * MB);
});

// ---------------------------------------------------------------------------
// The keyword contract's effect: every public function gives the same result whether its arguments come
// by position, by keyword or mixed, and that result is CPython's (reprs from the oracle, CPython 3.14).

type FormCase = [fn: string, args: Record<string, unknown>, cpython: string];
const FORM_CASES: FormCase[] = [
  [
    "urlparse",
    { url: "//h/p;x?q#f", scheme: "https", allow_fragments: false },
    "ParseResult(scheme='https', netloc='h', path='/p', params='x', query='q#f', fragment='')",
  ],
  [
    "urlparse",
    { url: b`http://x/a;p#b`, scheme: b``, allow_fragments: true },
    "ParseResultBytes(scheme=b'http', netloc=b'x', path=b'/a', params=b'p', query=b'', fragment=b'b')",
  ],
  [
    "urlsplit",
    { url: "//h/p;x?q#f", scheme: "https", allow_fragments: false },
    "SplitResult(scheme='https', netloc='h', path='/p;x', query='q#f', fragment='')",
  ],
  [
    "urlsplit",
    { url: "a#b", scheme: "", allow_fragments: NaN },
    "SplitResult(scheme='', netloc='', path='a', query='', fragment='b')",
  ],
  ["urlunsplit", { components: ["http", "h", "/p", "q", "f"] }, "'http://h/p?q#f'"],
  ["urlunparse", { components: ["http", "h", "/p", "x", "q", "f"] }, "'http://h/p;x?q#f'"],
  ["urljoin", { base: "http://a/b/c", url: "../d#e", allow_fragments: false }, "'http://a/d#e'"],
  ["urljoin", { base: b`http://a/b/c#x`, url: b`#y`, allow_fragments: true }, "b'http://a/b/c#y'"],
  ["urldefrag", { url: "http://x/a#b" }, "DefragResult(url='http://x/a', fragment='b')"],
  ["unquote_to_bytes", { string: "a%20b%E9" }, "b'a b\\xe9'"],
  ["unquote", { string: "caf%E9+", encoding: "latin-1", errors: "strict" }, "'café+'"],
  ["unquote", { string: "%ff%41", encoding: "utf-8", errors: "ignore" }, "'A'"],
  ["unquote_plus", { string: "a+b%E9", encoding: "latin-1", errors: "strict" }, "'a bé'"],
  ["quote_from_bytes", { bs: b`a b/c`, safe: "" }, "'a%20b%2Fc'"],
  ["quote", { string: "é /x", safe: "", encoding: "latin-1", errors: "strict" }, "'%E9%20%2Fx'"],
  ["quote_plus", { string: "é /x", safe: "/", encoding: "utf-8", errors: "strict" }, "'%C3%A9+/x'"],
  [
    "parse_qsl",
    {
      qs: "a=1;b=;c=%E9",
      keep_blank_values: true,
      strict_parsing: false,
      encoding: "latin-1",
      errors: "strict",
      max_num_fields: 10,
      separator: ";",
    },
    "[('a', '1'), ('b', ''), ('c', 'é')]",
  ],
  [
    "parse_qs",
    {
      qs: "a=1;b=;a=%E9",
      keep_blank_values: true,
      strict_parsing: false,
      encoding: "latin-1",
      errors: "strict",
      max_num_fields: 10,
      separator: ";",
    },
    "{'a': ['1', 'é'], 'b': ['']}",
  ],
  [
    "urlencode",
    {
      query: { a: ["é", "x y"], "b/c": 1 },
      doseq: true,
      safe: "/",
      encoding: "latin-1",
      errors: "strict",
      quote_via: P.quote,
    },
    "'a=%E9&a=x%20y&b/c=1'",
  ],
  ["unwrap", { url: "<URL:http://x/>" }, "'http://x/'"],
  // The helpers deprecated since 3.8 (their DeprecationWarning is silenced below).
  ["splitattr", { url: "/p;a=1;b" }, "('/p', ['a=1', 'b'])"],
  ["splithost", { url: "//h:1/p" }, "('h:1', '/p')"],
  ["splitnport", { host: "h:x", defport: 5 }, "('h', None)"],
  ["splitnport", { host: "h", defport: 5 }, "('h', 5)"],
  ["splitpasswd", { user: "u:p:q" }, "('u', 'p:q')"],
  ["splitport", { host: "[::1]:8" }, "('[::1]', '8')"],
  ["splitquery", { url: "/a?b?c" }, "('/a?b', 'c')"],
  ["splittag", { url: "/a#b#c" }, "('/a#b', 'c')"],
  ["splittype", { url: "HTTP://x" }, "('http', '//x')"],
  ["splituser", { host: "u@v@h" }, "('u@v', 'h')"],
  ["splitvalue", { attr: "a=b=c" }, "('a', 'b=c')"],
  ["to_bytes", { url: "http://x/" }, "'http://x/'"],
];

/** Every way to pass `args`: the first k by position and the rest by keyword, for each k. */
function forms(fn: string, args: Record<string, unknown>): [string, unknown[]][] {
  const names = Object.keys(args);
  const out: [string, unknown[]][] = [];
  for (let k = 0; k <= names.length; k++) {
    const positional = names.slice(0, k).map((n) => args[n]);
    const rest = Object.fromEntries(names.slice(k).map((n) => [n, args[n]]));
    if (k === names.length) out.push([`${fn}(${k} positional)`, positional]);
    // urlencode's query is a mapping position: there only kw() marks keywords.
    else if (k === 0 && fn === "urlencode") out.push([`${fn}(kw)`, [kw(rest)]]);
    else out.push([`${fn}(${k} positional, keywords)`, [...positional, rest]]);
    if (k > 0 && k < names.length) out.push([`${fn}(${k} positional, kw())`, [...positional, kw(rest)]]);
  }
  return out;
}

Deno.test("urllib.parse: every function gives CPython's result by position, by keyword and mixed", () => {
  const fns = P as unknown as Record<string, (...a: unknown[]) => unknown>;
  using _w = catch_warnings({ action: "ignore", category: DeprecationWarning });
  const covered = new Set<string>();
  for (const [fn, args, cpython] of FORM_CASES) {
    covered.add(fn);
    for (const [label, call] of forms(fn, args)) assert.equal(repr(fns[fn](...call)), cpython, label);
  }
  // Each public function that takes an argument is covered.
  for (const name of Object.keys(P)) {
    const f = fns[name];
    if (typeof f === "function" && !/^[A-Z]/.test(name) && f.length === 0 && name !== "clear_cache") {
      assert.ok(covered.has(name), `${name} has no form case`);
    }
  }
});

Deno.test("urllib.parse: the results' encode() and decode() take keywords", () => {
  const r = P.urlsplit("http://h/é");
  const want = repr(r.encode("utf-8", "strict"));
  assert.equal(repr(r.encode({ encoding: "utf-8", errors: "strict" })), want);
  assert.equal(repr(r.encode("utf-8", { errors: "strict" })), want);
  assert.equal(repr(r.encode({ encoding: "utf-8" })), want);
  const bytes = P.urlparse(b`http://h/a`);
  assert.equal(repr(bytes.decode({ encoding: "latin-1" })), repr(bytes.decode("latin-1")));
  assert.throws(() => r.encode({ codec: "utf-8" } as never), {
    message: "_ResultMixinStr.encode() got an unexpected keyword argument 'codec'",
  });
  assert.throws(() => (bytes.decode as (...a: unknown[]) => unknown)("a", "b", "c"), {
    message: "_ResultMixinBytes.decode() takes from 1 to 3 positional arguments but 4 were given",
  });
});

Deno.test("urllib.parse: keyword TypeErrors are CPython's on the fast paths too", () => {
  const cases: [() => unknown, string][] = [
    [() => P.urljoin("a" as never), "urljoin() missing 1 required positional argument: 'url'"],
    [
      () => P.urljoin("a", "b", true, 1 as never),
      "urljoin() takes from 2 to 3 positional arguments but 4 were given",
    ],
    [() => P.urljoin("a", { base: "b" } as never), "urljoin() got multiple values for argument 'base'"],
    [() => P.quote(undefined as never), "quote() missing 1 required positional argument: 'string'"],
    [() => P.urlsplit("a", { url: "b" } as never), "urlsplit() got multiple values for argument 'url'"],
    [
      () => P.urlencode({ a: 1 }, { query: {} } as never),
      "urlencode() got multiple values for argument 'query'",
    ],
    [
      () => P.parse_qs("a=1", { _stacklevel: 2 } as never),
      "parse_qs() got an unexpected keyword argument '_stacklevel'",
    ],
    [() => P.unquote("a", { string: "b" } as never), "unquote() got multiple values for argument 'string'"],
  ];
  for (const [call, message] of cases) assert.throws(call, { name: "TypeError", message });
  // parse_qsl has CPython's keyword-only _stacklevel.
  assert.deepEqual(P.parse_qsl("a=1", { _stacklevel: 2 } as never).length, 1);
});

Deno.test("urllib.parse: urlencode's plain object is the query; kw() marks keywords", () => {
  assert.equal(P.urlencode({ doseq: "x" }), "doseq=x");
  assert.equal(P.urlencode(kw({ query: { a: [1, 2] }, doseq: true })), "a=1&a=2");
  assert.equal(P.urlencode({ a: [1, 2] }, { doseq: true }), "a=1&a=2");
  assert.equal(P.urlencode({ a: [1, 2] }, true, { safe: "" }), "a=1&a=2");
});

Deno.test("urllib.parse: urlencode calls __str__ and toString as CPython calls str()", () => {
  class Trivial {
    __str__(): string {
      return "trivial";
    }
  }
  class Own {
    toString(): string {
      return "own";
    }
  }
  assert.equal(P.urlencode({ a: new Trivial() }), "a=trivial");
  assert.equal(P.urlencode([[new Own(), new Trivial()]]), "own=trivial");
  assert.equal(P.urlencode({ a: [new Trivial()] }, { doseq: true }), "a=trivial");
});

Deno.test("urllib.parse: urlencode's doseq uses len() and iteration, and items() makes a mapping", () => {
  // CPython: a value with __len__ is a sequence under doseq; str() otherwise.
  class Seq {
    __len__(): number {
      return 2;
    }
    *[Symbol.iterator](): Iterator<string> {
      yield "x";
      yield "y";
    }
    __str__(): string {
      return "S";
    }
  }
  assert.equal(P.urlencode({ a: new Seq() }, { doseq: true }), "a=x&a=y");
  assert.equal(P.urlencode({ a: new Seq() }), "a=S");
  // hasattr(query, "items"): the pairs come from items().
  class Mapping {
    items(): [string, string][] {
      return [["k", "v"]];
    }
  }
  assert.equal(P.urlencode(new Mapping()), "k=v");
});

Deno.test("urllib.parse: allow_fragments and other flags follow Python truth (NaN is true)", () => {
  assert.equal(P.urlsplit("a#b", { allow_fragments: NaN }).fragment, "b");
  assert.equal(P.urlsplit("a#b", "", NaN).fragment, "b");
  assert.equal(P.urlsplit("a#b", { allow_fragments: 0 }).fragment, "");
  assert.equal(P.urlparse("a#b", { allow_fragments: [] }).path, "a#b");
  assert.equal(P.urljoin("http://a/b#x", "#y", NaN), "http://a/b#y");
  assert.equal(P.urljoin("http://a/b#x", "#y", 0), "http://a/#y");
  assert.deepEqual(P.parse_qsl("a=", { keep_blank_values: NaN }).length, 1);
});

Deno.test("urllib.parse: urlunsplit iterates __iter__ and names CPython's error otherwise", () => {
  class Parts {
    __iter__(): Iterator<string> {
      return ["http", "h", "/p", "", ""][Symbol.iterator]();
    }
  }
  assert.equal(P.urlunsplit(new Parts() as never), "http://h/p");
  assert.throws(() => P.urlunsplit(5 as never), {
    name: "TypeError",
    message: "urllib.parse._coerce_args() argument after * must be an iterable, not int",
  });
});

Deno.test("Signature.values binds exactly as Signature.bind does (random calls on parse-like tables)", () => {
  const tables: [Signature<object>, number, number, number][] = [
    [
      new Signature("values_test.split", ["url", "scheme", "allow_fragments"], {
        scheme: "",
        allow_fragments: true,
      }),
      1,
      3,
      -1,
    ],
    [
      new Signature("values_test.join", ["base", "url", "allow_fragments"], { allow_fragments: true }),
      2,
      3,
      -1,
    ],
    [
      new Signature("values_test.qsl", ["qs", "keep", "strict", "*", "_stacklevel"], {
        keep: false,
        strict: false,
        _stacklevel: 1,
      }),
      1,
      3,
      -1,
    ],
    [
      new Signature("values_test.encode", ["query", "doseq", "safe"], { doseq: false, safe: "" }, [
        "query",
      ]),
      1,
      3,
      0,
    ],
  ];
  const rand = (() => {
    let x = 12345;
    return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  })();
  const values = (names: readonly string[]): unknown[] => [
    undefined,
    null,
    "s",
    0,
    NaN,
    b`x`,
    [],
    {},
    { bogus: 1 },
    { [names[0]]: "k0" },
    { [names[names.length - 1]]: "kl" },
    { [names[1] ?? "x"]: undefined },
    kw({ [names[0]]: "m0" }),
    kw({ [names[1] ?? "x"]: "m1", [names[names.length - 1]]: "ml" }),
    new Map(),
    // marked by hand, Object.prototype's names and an own "__proto__" key
    { [Symbol.for("pyweb.kw")]: true, [names[0]]: "sym" },
    { toString: "t" },
    JSON.parse('{"__proto__": 1}'),
    Object.create(null),
  ];
  const outcome = (f: () => unknown): string => {
    try {
      return repr(f());
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
  };
  let checked = 0;
  for (const [table] of tables) {
    const pool = values(table.names);
    for (let trial = 0; trial < 3000; trial++) {
      const n = Math.floor(rand() * 6);
      const args = Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]);
      const want = outcome(() => {
        const b = table.bind(args) as Record<string, unknown>;
        return table.names.map((name) => b[name]);
      });
      // values() may fill the rest array it is given: pass a copy, as a call's own rest array.
      const mine = [...args];
      const got = outcome(() => table.values(mine));
      assert.equal(got, want, `${table.qualname}${repr(args)}`);
      // A call the fast path gave up on reached bind() as it came (the errors name what was passed).
      if (want.includes("Error: ")) assert.deepEqual(mine, args, `${table.qualname}${repr(args)} restored`);
      checked++;
    }
  }
  assert.equal(checked, 12000);
});

Deno.test("urllib.parse: result classes take their fields by keyword and raise __new__'s TypeErrors", () => {
  // CPython 3.14: SplitResult(scheme=..., ...), ParseResult("http", netloc=..., ...) and the errors below.
  const fields = { scheme: "http", netloc: "h", path: "/p", query: "q", fragment: "f" };
  assert.equal(
    repr(new P.SplitResult(fields)),
    "SplitResult(scheme='http', netloc='h', path='/p', query='q', fragment='f')",
  );
  assert.equal(
    new P.SplitResult("http", { netloc: "h", path: "/p", query: "q", fragment: "f" }).geturl(),
    "http://h/p?q#f",
  );
  assert.equal(
    new P.ParseResult(kw({ scheme: "http", netloc: "h", path: "/", params: "x", query: "", fragment: "" }))
      .geturl(),
    "http://h/;x",
  );
  assert.equal(
    repr(new P.DefragResultBytes({ url: b`/a`, fragment: b`` })),
    "DefragResultBytes(url=b'/a', fragment=b'')",
  );
  const ctor = (C: unknown, ...a: unknown[]) => () => new (C as new (...x: unknown[]) => unknown)(...a);
  const cases: [() => unknown, string][] = [
    [
      ctor(P.SplitResult, "a"),
      "_SplitResultBase.__new__() missing 4 required positional arguments: 'netloc', 'path', 'query', and 'fragment'",
    ],
    [
      ctor(P.SplitResult, "a", "b", "c", "d", "e", "f"),
      "_SplitResultBase.__new__() takes 6 positional arguments but 7 were given",
    ],
    [
      ctor(P.DefragResult, { url: "a", bogus: 1 }),
      "_DefragResultBase.__new__() got an unexpected keyword argument 'bogus'",
    ],
    [
      ctor(P.ParseResultBytes, b`x`, { scheme: b`y` }),
      "_ParseResultBase.__new__() got multiple values for argument 'scheme'",
    ],
  ];
  for (const [call, message] of cases) assert.throws(call, { name: "TypeError", message });
});

Deno.test("urllib.parse: a bracketed host is checked every time, whatever host was valid just before", () => {
  // urlsplit remembers the last bracketed host it found valid; every other host is still checked.
  const ok = ["http://[::1]/", "http://[::1]:80/", "http://u@[v1.x]/", "http://[::1]/"];
  const bad: [string, string][] = [
    ["http://[::1x]/", "'::1x' does not appear to be an IPv4 or IPv6 address"],
    ["http://[1.2.3.4]/", "An IPv4 address cannot be in brackets"],
    ["http://[v1.]/", "IPvFuture address is invalid"],
    ["http://[]/", "'' does not appear to be an IPv4 or IPv6 address"],
  ];
  for (let round = 0; round < 2; round++) {
    for (const u of ok) {
      assert.equal(P.urlsplit(u).netloc, u.slice(7, u.indexOf("/", 7)));
      for (const [b, message] of bad) {
        assert.throws(() => P.urlsplit(b), (e: Error) => e instanceof ValueError && e.message === message);
        assert.throws(() => P.urljoin(b, "x"), ValueError);
      }
    }
  }
});
