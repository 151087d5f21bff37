// deno bench -A bench/html_parser_bench.ts
// html.parser and html.unescape on the committed real pages; see
// bench/html_parser_compare.ts for the side-by-side run with CPython and htmlparser2.
import { Parser } from "npm:htmlparser2@9.1.0";
import { escape, unescape } from "../html/mod.ts";
import { type Attr, HTMLParser } from "../html/parser.ts";

const dir = decodeURIComponent(new URL("../tests/vectors/html_pages/", import.meta.url).pathname);
const pages = [...Deno.readDirSync(dir)].filter((e) => e.name.endsWith(".html")).map((e) =>
  Deno.readTextFileSync(dir + e.name)
);
const page = pages.join("\n");
const text = page.replace(/<[^>]*>/g, "");

class Recorder extends HTMLParser {
  n = 0;
  override handle_starttag(_tag: string, attrs: Attr[]): void {
    this.n += attrs.length + 1;
  }
  override handle_endtag(): void {
    this.n++;
  }
  override handle_data(): void {
    this.n++;
  }
}

Deno.bench("HTMLParser.feed, whole pages, convert_charrefs", { group: "parse", baseline: true }, () => {
  const p = new Recorder();
  p.feed(page);
  p.close();
});
Deno.bench("HTMLParser.feed, whole pages, convert_charrefs=false", { group: "parse" }, () => {
  const p = new Recorder({ convert_charrefs: false });
  p.feed(page);
  p.close();
});
Deno.bench("htmlparser2, whole pages", { group: "parse" }, () => {
  let n = 0;
  const p = new Parser({
    onopentag: () => n++,
    onclosetag: () => n++,
    ontext: () => n++,
  }, { decodeEntities: true });
  p.write(page);
  p.end();
});
Deno.bench("HTMLParser.feed, 512-character chunks", { group: "chunks" }, () => {
  const p = new Recorder();
  for (let k = 0; k < page.length; k += 512) p.feed(page.slice(k, k + 512));
  p.close();
});
Deno.bench("html.unescape, page text", { group: "text" }, () => {
  unescape(text);
});
Deno.bench("html.escape, page", { group: "text" }, () => {
  escape(page);
});
