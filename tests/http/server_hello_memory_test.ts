// Issue 17's memory figure, guarded with a generous bound: a keep-alive hello server on our HTTPServer under
// 32 connections (wrk for 7 s, as bench/http_server_compare.ts loads it, or our own client when wrk is not
// installed) stays within 1.9× the peak resident memory of Deno.serve under the same load, each server in
// its own process, measured in this run. It is about 1.3–1.6× today; a leak, or per-request garbage that
// grows V8's young generation much faster, shows as a failure here.
import assert from "node:assert/strict";
import { peakRssMB, withDenoPeer } from "./peers/_helpers.ts";

// The servers are bench/http_server_compare.ts's own (`--serve=ours`, `--serve=deno`), which print `PORT n`.
const BENCH = decodeURIComponent(new URL("../../bench/http_server_compare.ts", import.meta.url).pathname);
const CONNECTIONS = 32;
const REQUESTS = 60_000;
const WRK_SECONDS = 7;

/** `REQUESTS` GETs over `CONNECTIONS` keep-alive connections; every response checked. */
async function load(port: number): Promise<void> {
  const request = new TextEncoder().encode(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  let left = REQUESTS;
  const one = async () => {
    const conn = await Deno.connect({ hostname: "127.0.0.1", port });
    const buf = new Uint8Array(4096);
    try {
      while (left-- > 0) {
        await conn.write(request);
        let have = 0;
        // Each response ends with the 12-byte body after its blank line.
        for (;;) {
          const n = await conn.read(buf.subarray(have));
          assert.ok(n !== null, "server closed the connection");
          have += n;
          const text = new TextDecoder().decode(buf.subarray(0, have));
          const end = text.indexOf("\r\n\r\n");
          if (end >= 0 && have >= end + 4 + 12) {
            assert.ok(text.startsWith("HTTP/1.1 200 "), text);
            assert.ok(text.endsWith("Hello World!"), text);
            break;
          }
        }
      }
    } finally {
      conn.close();
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, one));
}

/** wrk's keep-alive load (as bench/http_server_compare.ts gives it), or false when wrk is not installed. */
async function wrk(port: number): Promise<boolean> {
  try {
    const out = await new Deno.Command("wrk", {
      args: ["-t1", `-c${CONNECTIONS}`, `-d${WRK_SECONDS}s`, `http://127.0.0.1:${port}/`],
      stdout: "piped",
      stderr: "null",
    }).output();
    const text = new TextDecoder().decode(out.stdout);
    assert.ok(!/Non-2xx|Socket errors: connect/.test(text), text);
    assert.ok(Number(/(\d+) requests in/.exec(text)?.[1]) > 1000, text);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  }
}

async function peakUnderLoad(kind: "ours" | "deno"): Promise<number> {
  return await withDenoPeer(
    [BENCH, `--serve=${kind}`, "/"],
    (out) => Number(/PORT (\d+)/.exec(out)![1]),
    async (port, pid) => {
      if (!(await wrk(port))) await load(port);
      return peakRssMB(pid);
    },
    "null",
  );
}

Deno.test({
  name: "a keep-alive hello server on HTTPServer stays within 1.9× Deno.serve's peak resident memory",
  ignore: Deno.build.os !== "linux",
  async fn() {
    const deno = await peakUnderLoad("deno");
    const ours = await peakUnderLoad("ours");
    console.log(
      `peak RSS after ${REQUESTS} requests on ${CONNECTIONS} connections: ours ${ours.toFixed(1)} MB, ` +
        `Deno.serve ${deno.toFixed(1)} MB (${(ours / deno).toFixed(2)}×)`,
    );
    assert.ok(ours < 1.9 * deno, `ours ${ours.toFixed(1)} MB against Deno.serve's ${deno.toFixed(1)} MB`);
  },
});
