// Seed: "urllib.request 모듈 예제" — list the images of a page with urlopen and HTMLParser.
//
// Port of shared/tutorial/image_list.py. Until this example moves to urlopen, the page comes from
// a file path or an http(s) URL read with fetch (default: the tutorial site's index.html).
import { print } from "../mod.ts";
import { type Attr, HTMLParser } from "../html/parser.ts";

export class ImageParser extends HTMLParser {
  result?: (string | null)[];
  override handle_starttag(tag: string, attrs: Attr[]): void {
    if (tag !== "img") {
      return;
    }
    if (this.result === undefined) {
      this.result = [];
    }
    for (const [name, value] of attrs) {
      if (name === "src") {
        this.result.push(value);
      }
    }
  }
}

export function parse_image(data: string): Set<string | null> {
  const parser = new ImageParser();
  parser.feed(data);
  const dataSet = new Set(parser.result!.map((x) => x));
  return dataSet;
}

async function readPage(url: string): Promise<string> {
  if (/^https?:/i.test(url)) {
    const f = await fetch(url);
    const charset = /charset=([^;\s]+)/i.exec(f.headers.get("content-type") ?? "")?.[1] ?? "utf-8";
    return new TextDecoder(charset).decode(await f.arrayBuffer());
  }
  return await Deno.readTextFile(url.startsWith("file:") ? new URL(url) : url);
}

export async function main(args: string[] = Deno.args): Promise<void> {
  const url = args.length > 0
    ? args[0]
    : decodeURIComponent(new URL("../../shared/tutorial/site/index.html", import.meta.url).pathname);
  const data = await readPage(url);
  const dataSet = parse_image(data);
  print("\n>>>>>>>>> Fetch Images from", url);
  print([...dataSet].sort().join("\n"));
}

if (import.meta.main) {
  await main();
}
