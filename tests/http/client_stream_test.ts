// A 1 GB response streams through HTTPResponse.read(65536) in bounded memory. The resident set
// size is sampled during the stream and compared with what it was before the request (the test
// runner's own footprint is the baseline).
//
// Every read(65536) returns a fresh 64 KiB bytes object, as Python's does; V8 frees discarded
// ArrayBuffers lazily, letting about 64 MB of garbage build up before a collection (a bare loop
// allocating 64 KiB arrays shows the same), so a process's FIRST large stream grows RSS by about
// 70 MB once and then stays flat. The test reports that first-stream figure and bounds it (a
// client that accumulated the body would grow by 1 GB), then requires < 64 MB growth for the
// 1 GB stream itself once that one-time slack exists (after a 128 MB warm-up stream).
import assert from "node:assert/strict";
import { HTTPConnection, IncompleteRead } from "../../http/client.ts";
import { needs, PEERS, peerTest, startPythonPeer } from "./_peers.ts";

const GB = 1 << 30;
const MB = 1 << 20;

interface StreamStats {
  total: number;
  baseRss: number;
  maxRss: number;
}

async function stream(port: number, path: string): Promise<StreamStats> {
  const baseRss = Deno.memoryUsage().rss;
  const conn = new HTTPConnection("127.0.0.1", port, { timeout: 30 });
  try {
    await conn.request("GET", path);
    const r = await conn.getresponse();
    assert.equal(r.status, 200);
    let total = 0, maxRss = baseRss, n = 0;
    for (;;) {
      const piece = await r.read(65536);
      if (!piece.length) break;
      assert.ok(piece.length <= 65536);
      total += piece.length;
      if ((++n & 127) === 0) maxRss = Math.max(maxRss, Deno.memoryUsage().rss);
    }
    assert.ok(r.isclosed());
    return { total, baseRss, maxRss };
  } finally {
    conn.close();
  }
}

function report(label: string, s: StreamStats): number {
  const grew = (s.maxRss - s.baseRss) / MB;
  console.log(
    `${label}: RSS ${(s.baseRss / MB).toFixed(1)} MB before, ${(s.maxRss / MB).toFixed(1)} MB at most (+${
      grew.toFixed(1)
    } MB)`,
  );
  return grew;
}

peerTest(
  "HTTPResponse.read(65536): a 1 GB Content-Length body streams with < 64 MB RSS growth (after warm-up)",
  needs.python,
  async () => {
    const server = await startPythonPeer(PEERS + "big_server.py");
    try {
      const warm = await stream(server.port, `/${128 * MB}`);
      assert.equal(warm.total, 128 * MB);
      const first = report("first stream in this process, 128 MB", warm);
      assert.ok(first < 128, `RSS grew by ${first.toFixed(1)} MB`);
      const s = await stream(server.port, `/${GB}`);
      assert.equal(s.total, GB);
      const grew = report("1 GB via read(65536)", s);
      assert.ok(grew < 64, `RSS grew by ${grew.toFixed(1)} MB`);
    } finally {
      await server.stop();
    }
  },
);

peerTest(
  "HTTPResponse.read(65536): a 256 MB chunked body streams with < 64 MB RSS growth",
  needs.python,
  async () => {
    const server = await startPythonPeer(PEERS + "big_server.py");
    try {
      const s = await stream(server.port, `/chunked/${256 * MB}`);
      assert.equal(s.total, 256 * MB);
      const grew = report("256 MB chunked via read(65536)", s);
      assert.ok(grew < 64, `RSS grew by ${grew.toFixed(1)} MB`);
    } finally {
      await server.stop();
    }
  },
);

Deno.test("a huge Content-Length alone allocates nothing: read() fails with IncompleteRead", async () => {
  // The server declares 10**12 bytes and sends 3; read() must not try to allocate 1 TB.
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const served = (async () => {
    const c = await l.accept();
    await c.read(new Uint8Array(65536));
    await c.write(new TextEncoder().encode("HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\nabc"));
    c.close();
  })();
  const conn = new HTTPConnection("127.0.0.1", (l.addr as Deno.NetAddr).port, { timeout: 10 });
  try {
    await conn.request("GET", "/");
    const r = await conn.getresponse();
    assert.equal(r.length, 1e12);
    const before = Deno.memoryUsage().rss;
    await assert.rejects(
      r.read(),
      (e) =>
        e instanceof IncompleteRead &&
        String(e) === "IncompleteRead(3 bytes read, 999999999997 more expected)",
    );
    assert.ok(Deno.memoryUsage().rss - before < 64 * MB);
  } finally {
    conn.close();
    await served;
    l.close();
  }
});
