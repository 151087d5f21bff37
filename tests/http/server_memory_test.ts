// SimpleHTTPRequestHandler serves a 1 GB file in flat memory: the server process (its own, so
// nothing else shares the figure) stays under 64 MB resident at its peak, read from /proc.
import assert from "node:assert/strict";
import { HTTPConnection } from "../../http/client.ts";
import { peakRssMB, withDenoPeer } from "./peers/_helpers.ts";

const PEER = decodeURIComponent(new URL("./peers/file_server.ts", import.meta.url).pathname);

Deno.test({
  name: "SimpleHTTPRequestHandler serves a 1 GB file with the server under 64 MB resident",
  ignore: Deno.build.os !== "linux",
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "pyweb-bigfile-" });
    const GB = 1 << 30;
    // A sparse file: 1 GB to serve, almost nothing on disk.
    const f = await Deno.open(`${dir}/big.bin`, { create: true, write: true });
    await f.truncate(GB);
    f.close();
    try {
      await withDenoPeer([PEER, dir], (out) => Number(out.trim()), async (port, pid) => {
        const before = peakRssMB(pid);
        const conn = new HTTPConnection("127.0.0.1", port, { timeout: 60 });
        let total = 0;
        try {
          await conn.request("GET", "/big.bin");
          const r = await conn.getresponse();
          assert.equal(r.status, 200);
          assert.equal(r.getheader("Content-Length"), String(GB));
          for (;;) {
            const piece = await r.read(1 << 20);
            if (!piece.length) break;
            total += piece.length;
          }
        } finally {
          conn.close();
        }
        assert.equal(total, GB);
        const peak = peakRssMB(pid);
        console.log(`server RSS: ${before.toFixed(1)} MB before, ${peak.toFixed(1)} MB at its peak`);
        assert.ok(peak < 64, `server peak RSS ${peak.toFixed(1)} MB`);
      });
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
