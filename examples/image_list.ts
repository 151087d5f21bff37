// Seed: "urllib.request 모듈 예제" — list the images of a page with urlopen and HTMLParser.
//
// Port of shared/tutorial/image_list.py. usage: image_list.ts [url]
import { print } from "@pyweb/std";
import { type Attr, HTMLParser } from "@pyweb/std/html/parser";
import { urlopen } from "@pyweb/std/urllib/request";

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

export async function main(args: string[] = Deno.args): Promise<void> {
  const url = args.length > 0 ? args[0] : "http://127.0.0.1:8000/";
  const f = await urlopen(url);
  const charset = f.info().get_param("charset") || "utf-8";
  const data = (await f.read()).decode(String(charset));
  f.close();
  const dataSet = parse_image(data);
  print("\n>>>>>>>>> Fetch Images from", url);
  print([...dataSet].sort().join("\n"));
}

if (import.meta.main) {
  await main();
}
