// SimpleHTTPRequestHandler serves a 1 GB file in flat memory: the server process (its own, so
// nothing else shares the figure) stays under 64 MB resident at its peak, read from /proc.
import assert from "node:assert/strict";
import { HTTPConnection } from "../../http/client.ts";

const PEER = decodeURIComponent(new URL("./peers/file_server.ts", import.meta.url).pathname);

function peakRssMB(pid: number): number {
  const status = Deno.readTextFileSync(`/proc/${pid}/status`);
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

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
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", PEER, dir],
      stdout: "piped",
      stderr: "inherit",
    }).spawn();
    const reader = child.stdout.getReader();
    try {
      const { value } = await reader.read();
      const port = Number(new TextDecoder().decode(value).trim());
      const before = peakRssMB(child.pid);
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
      const peak = peakRssMB(child.pid);
      console.log(`server RSS: ${before.toFixed(1)} MB before, ${peak.toFixed(1)} MB at its peak`);
      assert.ok(peak < 64, `server peak RSS ${peak.toFixed(1)} MB`);
    } finally {
      child.kill("SIGTERM");
      reader.releaseLock();
      await child.stdout.cancel().catch(() => {});
      await child.status;
      await Deno.remove(dir, { recursive: true });
    }
  },
});
