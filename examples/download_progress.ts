// urlretrieve with a progress bar: starts a local server that serves a large
// file, downloads it in 8 KiB blocks to a temporary file (memory stays flat),
// and redraws a bar from reporthook(blocknum, blocksize, totalsize).
// usage: download_progress.ts [megabytes]
import { urlcleanup, urlretrieve } from "@pyweb/std/urllib/request";

const megabytes = Deno.args.length > 0 ? parseFloat(Deno.args[0]) : 32;
const total = Math.floor(megabytes * 1024 * 1024);

const chunk = new Uint8Array(64 * 1024).map((_, i) => i % 251);
const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () => {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk.length, total - sent);
      controller.enqueue(chunk.slice(0, n));
      sent += n;
    },
  });
  return new Response(body, {
    headers: { "Content-Length": String(total), "Content-Type": "application/octet-stream" },
  });
});

const enc = new TextEncoder();
let lastDrawn = -1;
function reporthook(blocknum: number, bs: number, size: number): void {
  const done = Math.min(blocknum * bs, size);
  const percent = size > 0 ? Math.floor((done * 100) / size) : 0;
  if (percent === lastDrawn) return;
  lastDrawn = percent;
  const width = 40;
  const filled = Math.round((percent / 100) * width);
  const bar = "#".repeat(filled) + "-".repeat(width - filled);
  Deno.stdout.writeSync(enc.encode(`\r[${bar}] ${String(percent).padStart(3)}% ${done}/${size} bytes`));
}

try {
  const url = `http://127.0.0.1:${server.addr.port}/big.bin`;
  const [filename, headers] = await urlretrieve(url, null, reporthook);
  const size = (await Deno.stat(filename)).size;
  console.log(`\nsaved ${size} bytes (${headers.get("Content-Type")}) to ${filename}`);
} finally {
  urlcleanup();
  await server.shutdown();
}
