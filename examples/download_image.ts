// Seed: "http.client 모듈 예제" (download_image.py) — find the images of a page and download them.
// usage: download_image.ts [host:port]
import { print } from "@pyweb/std";
import { HTTPConnection } from "@pyweb/std/http/client";
import { urljoin, urlunparse } from "@pyweb/std/urllib/parse";
import { urlretrieve } from "@pyweb/std/urllib/request";
import { HTMLParser } from "@pyweb/std/html/parser";

class ImageParser extends HTMLParser {
  result?: string[];
  override handle_starttag(tag: string, attrs: [string, string | null][]): void {
    if (tag !== "img") return;
    if (this.result === undefined) this.result = [];
    for (const [name, value] of attrs) {
      if (name === "src") this.result.push(value!);
    }
  }
}

async function download_image(url: string, data: string): Promise<void> {
  await Deno.mkdir("DOWNLOAD", { recursive: true });

  const parser = new ImageParser();
  parser.feed(data);
  const dataSet = new Set(parser.result);

  for (const x of [...dataSet].sort()) {
    const imageUrl = urljoin(url, x);
    const basename = imageUrl.slice(imageUrl.lastIndexOf("/") + 1);
    const targetFile = "DOWNLOAD/" + basename;
    print("Downloading...", imageUrl);
    await urlretrieve(imageUrl, targetFile);
  }
}

async function main(): Promise<void> {
  const host = Deno.args.length > 0 ? Deno.args[0] : "127.0.0.1:8000";
  const conn = new HTTPConnection(host);
  await conn.request("GET", "/");
  const resp = await conn.getresponse();

  const charset = resp.msg!.get_param("charset") || "utf-8";
  const data = (await resp.read()).decode(String(charset));
  conn.close();

  print("\n>>>>>>>>> Download Images from", host);
  const url = urlunparse(["http", host, "/", "", "", ""]);
  await download_image(url, data);
}

if (import.meta.main) await main();
