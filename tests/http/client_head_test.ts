// The request head is built in place and its array reused for the next request: these check that the
// bytes on the wire are CPython's and that nothing handed out (the `_buffer` lines, what a replaced
// `send()` received) changes afterwards.
import assert from "node:assert/strict";
import { HTTPConnection, HTTPSocket } from "../../http/client.ts";

const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);
const RESPONSE = new TextEncoder().encode("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

/** A connection to an in-process fake peer that records each write and answers every request at once. */
function fakeConnection(): { conn: HTTPConnection; written: string[] } {
  const written: string[] = [];
  let pending = 0;
  const fake = {
    write(p: Uint8Array) {
      written.push(latin1(p));
      pending++;
      return Promise.resolve(p.length);
    },
    read(p: Uint8Array) {
      if (!pending) return new Promise<number | null>(() => {});
      pending--;
      p.set(RESPONSE);
      return Promise.resolve(RESPONSE.length);
    },
    close() {},
  };
  const conn = new HTTPConnection("example.org", 8080);
  conn.sock = new HTTPSocket(fake as unknown as Deno.Conn, null);
  return { conn, written };
}

async function roundTrip(conn: HTTPConnection): Promise<void> {
  const r = await conn.getresponse();
  assert.equal((await r.read()).decode(), "ok");
}

Deno.test("request heads are CPython's bytes, request after request, short and long", async () => {
  const { conn, written } = fakeConnection();
  const long = "v".repeat(3000);
  const cases: [Record<string, string>, string][] = [
    [{}, ""],
    [{ "X-Long": long, "X-After": "1" }, `X-Long: ${long}\r\nX-After: 1\r\n`],
    [{ A: "b" }, "A: b\r\n"],
    [{ "X-Long": long + long }, `X-Long: ${long}${long}\r\n`],
    [{}, ""],
  ];
  for (const [headers, extra] of cases) {
    await conn.request("GET", "/p", null, headers);
    await roundTrip(conn);
    assert.equal(
      written.pop(),
      `GET /p HTTP/1.1\r\nHost: example.org:8080\r\nAccept-Encoding: identity\r\n${extra}\r\n`,
    );
  }
  // A long line that starts near the end of the array moves as a whole.
  conn.putrequest("GET", "/q");
  conn.putheader("X-Fill", "f".repeat(900));
  conn.putheader("X-Next", long, "second");
  await conn.endheaders();
  await roundTrip(conn);
  assert.equal(
    written.pop(),
    `GET /q HTTP/1.1\r\nHost: example.org:8080\r\nAccept-Encoding: identity\r\nX-Fill: ${
      "f".repeat(900)
    }\r\n` +
      `X-Next: ${long}\r\n\tsecond\r\n\r\n`,
  );
  conn.close();
});

Deno.test("a refused header leaves nothing behind in the head", async () => {
  const { conn, written } = fakeConnection();
  conn.putrequest("GET", "/");
  assert.throws(() => conn.putheader("X", "ok", "bad\nvalue"), /Invalid header value b'bad\\nvalue'/);
  assert.throws(() => conn.putheader("Bad:Name", "v"), /Invalid header name b'Bad:Name'/);
  assert.throws(() => conn.putheader("X", "\u20ac"), (e: Error) => e.name === "UnicodeEncodeError");
  assert.throws(() => conn.putheader("X", 1.5), /expected string or bytes-like object, got 'float'/);
  conn.putheader("Y", "1");
  await conn.endheaders();
  await roundTrip(conn);
  assert.equal(
    written.pop(),
    "GET / HTTP/1.1\r\nHost: example.org:8080\r\nAccept-Encoding: identity\r\nY: 1\r\n\r\n",
  );
  conn.close();
});

Deno.test("lines read from _buffer stay as they were after later requests", async () => {
  const { conn, written } = fakeConnection();
  conn.putrequest("GET", "/first");
  conn.putheader("X-First", "1");
  const lines = [...conn._buffer];
  await conn.endheaders();
  await roundTrip(conn);
  for (let i = 0; i < 3; i++) {
    await conn.request("GET", "/later-and-longer", null, { "X-Later": "2" });
    await roundTrip(conn);
  }
  assert.deepEqual(lines.map(latin1), [
    "GET /first HTTP/1.1",
    "Host: example.org:8080",
    "Accept-Encoding: identity",
    "X-First: 1",
  ]);
  assert.equal(written.length, 4);
  conn.close();
});

Deno.test("what a replaced send() received stays as it was after later requests", async () => {
  const { conn } = fakeConnection();
  const got: Uint8Array[] = [];
  const send = conn.send.bind(conn);
  conn.send = (data: unknown) => {
    got.push(data as Uint8Array);
    return send(data as Uint8Array);
  };
  await conn.request("GET", "/one");
  await roundTrip(conn);
  await conn.request("GET", "/two-longer", null, { A: "b" });
  await roundTrip(conn);
  assert.deepEqual(got.map(latin1), [
    "GET /one HTTP/1.1\r\nHost: example.org:8080\r\nAccept-Encoding: identity\r\n\r\n",
    "GET /two-longer HTTP/1.1\r\nHost: example.org:8080\r\nAccept-Encoding: identity\r\nA: b\r\n\r\n",
  ]);
  conn.close();
});

Deno.test("a head read at once parses as the same head read a byte at a time", async () => {
  const { readHeaders } = await import("../../_util/message.ts");
  const { BufferedReader } = await import("../../_util/stream.ts");
  const { HTTPMessage } = await import("../../http/client.ts");
  const limits = {
    maxLine: 40,
    maxHeaders: 5,
    lineTooLong: () => new Error("line too long"),
    tooMany: () => new Error("too many"),
  };
  const blocks = [
    "A: 1\r\nB:2\r\n\r\nbody",
    "A: 1\n\n",
    "A:  folded\r\n  more\r\n\tand more\r\nB: x\r\n\r\n",
    " leading continuation\r\nA: 1\r\n\r\n",
    "From someone\r\nA: 1\r\n\r\n",
    "A: 1\r\nFrom middle\r\nB: 2\r\n\r\n",
    ": no name\r\nA: 1\r\n\r\n",
    "A: 1\r\nnot a header\r\nB: 2\r\n\r\n",
    "A: bare\rcarriage return\r\nB: 2\r\n\r\n",
    "A: caf\xe9 \x85\x9f\r\n\r\n",
    "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n",
    "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n",
    `A: ${"x".repeat(34)}\r\n\r\n`,
    `A: ${"x".repeat(35)}\r\n\r\n`,
    "A: 1\r\nB: eof",
  ];
  const show = (m: InstanceType<typeof HTTPMessage>) =>
    JSON.stringify([m.items().map((t) => [...t]), m.defects, m.get_payload(), m.get_unixfrom()]);
  const parse = async (text: string, piece: number) => {
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    let at = 0;
    const src = {
      read(p: Uint8Array) {
        if (at >= bytes.length) return Promise.resolve(null);
        const n = Math.min(piece, p.length, bytes.length - at);
        p.set(bytes.subarray(at, at + n));
        at += n;
        return Promise.resolve(n);
      },
    };
    const reader = new BufferedReader(src);
    try {
      const m = await readHeaders(reader, limits, HTTPMessage);
      return show(m) + JSON.stringify([...await reader.read()]);
    } catch (e) {
      return (e as Error).message;
    }
  };
  for (const text of blocks) {
    const atOnce = await parse(text, 1 << 16);
    assert.equal(atOnce, await parse(text, 1), text);
    assert.equal(atOnce, await parse(text, 7), text);
  }
});

Deno.test("a closed reader's buffer goes to the next reader only when nothing can see it", async () => {
  const { BufferedReader } = await import("../../_util/stream.ts");
  const source = (text: string) => {
    let data: Uint8Array | null = new TextEncoder().encode(text);
    return {
      read(p: Uint8Array) {
        const d = data;
        data = null;
        if (!d) return Promise.resolve(null);
        p.set(d);
        return Promise.resolve(d.length);
      },
    };
  };
  // A peek() view stays as it was after its reader closed and other readers reused buffers.
  const a = new BufferedReader(source("peeked bytes\n"), 65536);
  const view = await a.peek();
  assert.equal((await a.read()).length, 13);
  a.close();
  for (let i = 0; i < 10; i++) {
    const b = new BufferedReader(source("x".repeat(100) + "\n"), 65536);
    assert.equal((await b.readline()).length, 101);
    b.close();
  }
  assert.equal(view.decode(), "peeked bytes\n");
  // Unread bytes stay readable after close(), and a reader that gave its buffer away still reads.
  const c = new BufferedReader(source("one\ntwo\n"), 65536);
  assert.equal((await c.readline()).decode(), "one\n");
  c.close();
  assert.equal((await c.readline()).decode(), "two\n");
  const d = new BufferedReader(source("first\n"), 65536);
  assert.equal((await d.readline()).decode(), "first\n");
  d.close();
  assert.equal((await d.readline()).length, 0);
});

Deno.test("a second getresponse() while the first reads the head is refused, and the first still answers", async () => {
  const { ResponseNotReady } = await import("../../http/client.ts");
  const { conn } = fakeConnection();
  await conn.request("GET", "/");
  const first = conn.getresponse();
  await assert.rejects(conn.getresponse(), ResponseNotReady);
  const r = await first;
  assert.equal(r.status, 200);
  assert.equal((await r.read()).decode(), "ok");
  // The connection goes on as usual.
  await conn.request("GET", "/again");
  await roundTrip(conn);
  conn.close();
});
