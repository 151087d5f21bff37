/**
 * `deno bench bench/urllib_parse_bench.ts`: pyweb's urllib.parse on 1,000
 * real-looking inputs per iteration (see bench/urllib_parse_compare.ts for
 * the side-by-side with CPython).
 */
import * as P from "../urllib/parse.ts";
import { benchData } from "./_urllib_parse_data.ts";

const data = benchData(1000);
const dicts = data.forms.map((f) => Object.fromEntries(f));
let sink = 0;

Deno.bench("urlsplit ×1000", { group: "split" }, () => {
  for (const u of data.urls) sink += P.urlsplit(u).netloc.length;
});
Deno.bench("urlparse ×1000", { group: "split" }, () => {
  for (const u of data.urls) sink += P.urlparse(u).path.length;
});
Deno.bench("urldefrag ×1000", { group: "split" }, () => {
  for (const u of data.urls) sink += P.urldefrag(u).url.length;
});
Deno.bench("urljoin ×1000", { group: "join" }, () => {
  for (let i = 0; i < data.urls.length; i++) sink += P.urljoin(data.urls[i], data.relative[i]).length;
});
Deno.bench("urlunsplit(urlsplit()) ×1000", { group: "join" }, () => {
  for (const u of data.urls) sink += P.urlunsplit(P.urlsplit(u)).length;
});
Deno.bench("parse_qsl ×1000", { group: "query" }, () => {
  for (const q of data.queries) sink += P.parse_qsl(q).length;
});
Deno.bench("parse_qs ×1000", { group: "query" }, () => {
  for (const q of data.queries) sink += Object.keys(P.parse_qs(q)).length;
});
Deno.bench("urlencode pairs ×1000", { group: "query" }, () => {
  for (const f of data.forms) sink += P.urlencode(f).length;
});
Deno.bench("urlencode dict doseq ×1000", { group: "query" }, () => {
  for (const d of dicts) sink += P.urlencode(d, { doseq: true }).length;
});
Deno.bench("quote ×1000", { group: "quote" }, () => {
  for (const t of data.texts) sink += P.quote(t).length;
});
Deno.bench("quote_plus ×1000", { group: "quote" }, () => {
  for (const t of data.texts) sink += P.quote_plus(t).length;
});
Deno.bench("unquote ×1000", { group: "quote" }, () => {
  for (const t of data.quoted) sink += P.unquote(t).length;
});
Deno.bench("unquote_plus ×1000", { group: "quote" }, () => {
  for (const t of data.quoted) sink += P.unquote_plus(t).length;
});
const splits = data.urls.map((u) => P.urlsplit(u));
const btexts = data.texts.map((t) => new TextEncoder().encode(t));
Deno.bench("urlunparse(parse result) ×1000", { group: "join" }, () => {
  for (const u of data.urls) sink += P.urlunparse(P.urlparse(u)).length;
});
Deno.bench("SplitResult .hostname .port ×1000", { group: "split" }, () => {
  for (const s of splits) sink += (s.hostname?.length ?? 0) + (s.port ?? 0);
});
Deno.bench("quote_from_bytes ×1000", { group: "quote" }, () => {
  for (const b of btexts) sink += P.quote_from_bytes(b).length;
});
Deno.bench("unquote_to_bytes ×1000", { group: "quote" }, () => {
  for (const t of data.quoted) sink += P.unquote_to_bytes(t).length;
});
Deno.bench("unwrap ×1000", { group: "quote" }, () => {
  for (const u of data.urls) sink += P.unwrap("<URL:" + u + ">").length;
});
Deno.bench("urlsplit of a 1 MB hostile URL", { group: "hostile" }, () => {
  try {
    P.urlsplit("http://" + "[".repeat(1 << 20));
  } catch {
    sink++;
  }
});
Deno.bench("quote of 1 MB", { group: "hostile" }, () => {
  sink += P.quote("%".repeat(1 << 20)).length;
});

globalThis.addEventListener("unload", () => {
  if (sink === -1) console.log(sink);
});
