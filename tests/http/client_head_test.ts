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
