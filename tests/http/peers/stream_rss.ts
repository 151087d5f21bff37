// Child process for client_stream_test.ts: stream each path from 127.0.0.1:<port> through
// HTTPResponse.read(65536) and print one JSON line per path with the byte count and the resident set
// size before and at most during the stream. It runs alone, so nothing else in the test runner
// shares its memory figures.
import { HTTPConnection } from "../../../http/client.ts";

const [port, ...paths] = Deno.args;
for (const path of paths) {
  const baseRss = Deno.memoryUsage().rss;
  const conn = new HTTPConnection("127.0.0.1", Number(port), { timeout: 60 });
  await conn.request("GET", path);
  const r = await conn.getresponse();
  let total = 0, maxRss = baseRss, n = 0, maxPiece = 0;
  for (;;) {
    const piece = await r.read(65536);
    if (!piece.length) break;
    total += piece.length;
    maxPiece = Math.max(maxPiece, piece.length);
    if ((++n & 63) === 0) maxRss = Math.max(maxRss, Deno.memoryUsage().rss);
  }
  console.log(
    JSON.stringify({ path, status: r.status, closed: r.isclosed(), total, maxPiece, baseRss, maxRss }),
  );
  conn.close();
}
