// Review fixes for http.client: each case asserts the exact result CPython 3.14's
// http.client gives (checked against the oracle by hand).
import assert from "node:assert/strict";
import { HTTPConnection, RemoteDisconnected } from "../../http/client.ts";
import { BufferedReader } from "../../_util/stream.ts";

const str = (b: Uint8Array): string => String.fromCharCode(...b);

Deno.test("RemoteDisconnected.line is repr('') like CPython", () => {
  const e = new RemoteDisconnected("x");
  assert.equal(e.line, "''");
});

Deno.test("putheader rejects non-int, non-string values like CPython", () => {
  const c = new HTTPConnection("a", 80);
  c.putrequest("GET", "/");
  const bad: [unknown, string][] = [
    [1.5, "float"],
    [new Map(), "dict"],
    [null, "NoneType"],
    [[1], "list"],
  ];
  for (const [v, name] of bad) {
    assert.throws(
      () => c.putheader("X", v as string),
      (e: Error) =>
        e instanceof TypeError && e.message === `expected string or bytes-like object, got '${name}'`,
    );
  }
  c.putheader("X", 1);
  c.putheader("X", true as unknown as number);
  c.putheader("X", 1e21);
  assert.deepEqual(c._buffer.slice(-3).map(str), ["X: 1", "X: True", "X: 1000000000000000000000"]);
});

Deno.test("text blocks from a readable body get the plain latin-1 codec error", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const accepted = (async () => {
    const s = await listener.accept();
    try {
      const buf = new Uint8Array(65536);
      while ((await s.read(buf)) !== null);
    } catch { /* closed */ }
    s.close();
  })();
  const conn = new HTTPConnection("127.0.0.1", (listener.addr as Deno.NetAddr).port);
  const blocks = ["a\u20ac", ""];
  try {
    await assert.rejects(
      conn.request("POST", "/", { read: () => blocks.shift()! }),
      (e: Error) =>
        e.name === "UnicodeEncodeError" &&
        e.message ===
          "'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not in range(256)",
    );
  } finally {
    conn.close();
    listener.close();
    await accepted;
  }
});

Deno.test("putrequest takes the absolute URL's netloc from urlsplit", () => {
  const cases: [string, string][] = [
    ["http://[zzz]/x", "'zzz' does not appear to be an IPv4 or IPv6 address"],
    ["http://a]b[/x", "Invalid IPv6 URL"],
  ];
  for (const [url, message] of cases) {
    const c = new HTTPConnection("a", 80);
    assert.throws(
      () => c.putrequest("GET", url),
      (e: Error) => e.name === "ValueError" && e.message === message,
    );
  }
  const c = new HTTPConnection("a", 80);
  c.putrequest("GET", "http://[::1%eth0]:8/x");
  assert.deepEqual(c._buffer.map(str), [
    "GET http://[::1%eth0]:8/x HTTP/1.1",
    "Host: [::1]",
    "Accept-Encoding: identity",
  ]);
});

Deno.test("BufferedReader.peek does one source read only when nothing is buffered", async () => {
  const blocks = ["abc", "defgh"].map((s) => Uint8Array.from(s, (c) => c.charCodeAt(0)));
  const f = new BufferedReader({
    read(p: Uint8Array): Promise<number | null> {
      const b = blocks.shift();
      if (!b) return Promise.resolve(null);
      p.set(b);
      return Promise.resolve(b.length);
    },
  });
  const got = [
    await f.peek(10),
    await f.read(1),
    await f.peek(10),
    await f.read(2),
    await f.peek(1),
    await f.peek(100),
    await f.read(),
  ].map(str);
  assert.deepEqual(got, ["abc", "a", "bc", "bc", "defgh", "defgh", "defgh"]);
});

Deno.test("a non-ASCII host goes through idna label by label", () => {
  const cases: [string, string][] = [
    ["bücher.de@x", "xn--bcher-kva.de@x"],
    ["BÜCHER.DE", "xn--bcher-kva.DE"],
    ["ABC.bücher.de", "ABC.xn--bcher-kva.de"],
    ["bü@cher.de", "xn--b@cher-3ya.de"],
    ["bü/x.de", "xn--b/x-hoa.de"],
    ["bü?x.de", "xn--b?x-hoa.de"],
    ["bü#x", "xn--b#x-hoa"],
    ["münchen-straße.例え.テスト", "xn--mnchen-strasse-gsb.xn--r8jz45g.xn--zckzah"],
  ];
  for (const [host, want] of cases) {
    const c = new HTTPConnection(host, 80);
    c.putrequest("GET", "/");
    assert.equal(str(c._buffer[1]), `Host: ${want}`, host);
  }
});
