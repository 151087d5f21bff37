// http.client's keyword calls and class attributes, as a line-by-line port writes them:
// `resp.getheader(name, default=42)`, `conn.set_tunnel(host, port=…, headers=…)`, headers given as a
// plain object, and `HTTPConnection.debuglevel = 6`, `conn._http_vsn_str = "HTTP/1.0"`, `default_port`,
// `response_class` and `auto_open` read from the class, set on it, overridden and beaten by instances.
import assert from "node:assert/strict";
import {
  create_default_context,
  HTTPConnection,
  HTTPMessage,
  HTTPResponse,
  HTTPSConnection,
  IncompleteRead,
  LineTooLong,
  NotConnected,
  parse_headers,
  RemoteDisconnected,
} from "../../http/client.ts";
import { kw } from "../../_util/signature.ts";
import { delattr } from "../../_util/builtins.ts";
import { TypeError as PyTypeError } from "../../_util/exceptions.ts";

const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);

/** A one-connection server that records each request head and answers with `reply`. */
function recorder(reply = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Two: a\r\nX-Two: b\r\n\r\nok") {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const heads: string[] = [];
  const done = (async () => {
    for await (const conn of listener) {
      (async () => {
        const buf = new Uint8Array(65536);
        let text = "";
        try {
          for (;;) {
            const n = await conn.read(buf);
            if (n === null) break;
            text += latin1(buf.subarray(0, n));
            let end: number;
            while ((end = text.indexOf("\r\n\r\n")) >= 0) {
              const head = text.slice(0, end + 4);
              text = text.slice(end + 4);
              const m = /content-length: (\d+)/i.exec(head);
              let bodyLen = m ? Number(m[1]) : 0;
              if (/transfer-encoding: chunked/i.test(head)) {
                while (!text.includes("0\r\n\r\n")) {
                  const k = await conn.read(buf);
                  if (k === null) break;
                  text += latin1(buf.subarray(0, k));
                }
                bodyLen = text.indexOf("0\r\n\r\n") + 5;
              }
              while (text.length < bodyLen) {
                const k = await conn.read(buf);
                if (k === null) break;
                text += latin1(buf.subarray(0, k));
              }
              heads.push(head + text.slice(0, bodyLen));
              text = text.slice(bodyLen);
              await conn.write(new TextEncoder().encode(reply));
            }
          }
        } catch { /* closed */ }
        try {
          conn.close();
        } catch { /* closed */ }
      })();
    }
  })();
  return {
    port: (listener.addr as Deno.NetAddr).port,
    heads,
    async close() {
      listener.close();
      await done.catch(() => {});
    },
  };
}

Deno.test("getheader(name, { default }) returns the default, as getheader(name, default=42) does", async () => {
  const srv = recorder();
  const conn = new HTTPConnection("127.0.0.1", srv.port, { timeout: 5 });
  try {
    await conn.request("GET", "/");
    const r = await conn.getresponse();
    assert.equal(r.getheader("X-Missing", { default: 42 }), 42);
    assert.equal(r.getheader("X-Missing", 42), 42);
    assert.equal(r.getheader({ name: "x-missing", default: "d" }), "d");
    assert.equal(r.getheader("X-Missing"), null);
    // A non-string iterable default is joined, as CPython's `', '.join(default)`.
    assert.equal(r.getheader("X-Missing", { default: ["a", "b"] }), "a, b");
    assert.equal(r.getheader("x-two", { default: 42 }), "a, b");
    assert.throws(
      () => r.getheader("X", { bogus: 1 } as never),
      (e: Error) =>
        e instanceof PyTypeError &&
        e.message === "HTTPResponse.getheader() got an unexpected keyword argument 'bogus'",
    );
    assert.equal(latin1(await r.read({ amt: 1 })), "o");
    assert.equal(latin1(await r.read()), "k");
  } finally {
    conn.close();
    await srv.close();
  }
});

Deno.test("set_tunnel(host, { port, headers }) takes keywords; a plain object at headers' place is the headers", () => {
  const a = new HTTPConnection("proxy", 3128);
  a.set_tunnel("target.example", { port: 8443, headers: { "Proxy-Authorization": "Basic x" } });
  assert.equal(a._tunnel_host, "target.example");
  assert.equal(a._tunnel_port, 8443);
  assert.deepEqual([...a._tunnel_headers], [["Proxy-Authorization", "Basic x"], [
    "Host",
    "target.example:8443",
  ]]);

  const b = new HTTPConnection("proxy", 3128);
  b.set_tunnel("target.example", 8080, { "X-A": "1" });
  assert.equal(b._tunnel_port, 8080);
  assert.deepEqual([...b._tunnel_headers], [["X-A", "1"], ["Host", "target.example:8080"]]);

  const c = new HTTPConnection("proxy", 3128);
  c.set_tunnel("target.example", 8080, kw({ headers: { "X-B": "2" } }));
  assert.deepEqual([...c._tunnel_headers], [["X-B", "2"], ["Host", "target.example:8080"]]);

  const d = new HTTPConnection("proxy");
  d.set_tunnel({ host: "t.example:99" });
  assert.equal(d._tunnel_port, 99);
  assert.throws(
    () => d.set_tunnel("t", { prot: 1 } as never),
    (e: Error) => e.message === "HTTPConnection.set_tunnel() got an unexpected keyword argument 'prot'",
  );
  assert.throws(
    () => (d.set_tunnel as (...a: unknown[]) => void)("t", 1, 2, 3),
    (e: Error) =>
      e.message === "HTTPConnection.set_tunnel() takes from 2 to 4 positional arguments but 5 were given",
  );
});

Deno.test("request(): headers as a plain object, keywords after the URL, kw() after a body", async () => {
  const srv = recorder();
  const conn = new HTTPConnection("127.0.0.1", srv.port, { timeout: 5 });
  try {
    const send = async (f: () => Promise<void>) => {
      await f();
      await (await conn.getresponse()).read();
    };
    await send(() => conn.request("POST", "/a", "hi", { "X-Plain": "1" }));
    await send(() => conn.request("POST", "/b", { body: "yo", headers: { "X-Kw": "2" } }));
    await send(() => conn.request("POST", "/c", "zz", kw({ headers: { "X-Marked": "3" } })));
    await send(() => conn.request({ method: "GET", url: "/d" }));
    await send(() =>
      conn.request("PUT", "/e", [new TextEncoder().encode("ab")], { encode_chunked: false } as never)
    );
    const h = srv.heads;
    assert.match(h[0], /^POST \/a HTTP\/1.1\r\n[^]*X-Plain: 1\r\n\r\nhi$/);
    assert.match(h[1], /^POST \/b HTTP\/1.1\r\n[^]*Content-Length: 2\r\nX-Kw: 2\r\n\r\nyo$/);
    assert.match(h[2], /^POST \/c HTTP\/1.1\r\n[^]*X-Marked: 3\r\n\r\nzz$/);
    assert.match(h[3], /^GET \/d HTTP\/1.1\r\n/);
    // `{ encode_chunked: false }` at headers' place is a headers mapping (as in Python, a dict there),
    // so it is sent as a header.
    assert.match(h[4], /encode_chunked: False\r\n/);
    await assert.rejects(
      conn.request("GET", "/", kw({ bogus: 1 }) as never),
      (e: Error) => e.message === "HTTPConnection.request() got an unexpected keyword argument 'bogus'",
    );
  } finally {
    conn.close();
    await srv.close();
  }
});

Deno.test("putrequest/putheader/endheaders take their keywords", async () => {
  const srv = recorder();
  const conn = new HTTPConnection({ host: "127.0.0.1", port: srv.port, timeout: 5 });
  try {
    conn.putrequest("POST", "/x", { skip_host: true, skip_accept_encoding: true });
    conn.putheader({ header: "X-Empty" });
    conn.putheader("Content-Length", 3);
    await conn.endheaders({ message_body: new TextEncoder().encode("abc") });
    await (await conn.getresponse()).read();
    assert.equal(srv.heads[0], "POST /x HTTP/1.1\r\nX-Empty: \r\nContent-Length: 3\r\n\r\nabc");
    assert.throws(
      () => conn.putrequest("GET", "/", { bogus: 1 } as never),
      (e: Error) => e.message === "HTTPConnection.putrequest() got an unexpected keyword argument 'bogus'",
    );
  } finally {
    conn.close();
    await srv.close();
  }
});

Deno.test("a file-like object literal is a body, not keywords", async () => {
  const srv = recorder();
  const conn = new HTTPConnection("127.0.0.1", srv.port, { timeout: 5 });
  try {
    const blocks = [new TextEncoder().encode("abc"), new Uint8Array(0)];
    await conn.request("POST", "/", { read: () => blocks.shift()! });
    await (await conn.getresponse()).read();
    assert.match(srv.heads[0], /Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n$/);
  } finally {
    conn.close();
    await srv.close();
  }
});

Deno.test("constructors take keywords: HTTPConnection, HTTPSConnection (keyword-only), exceptions", () => {
  const c = new HTTPConnection({ host: "h", port: 81, timeout: 2, blocksize: 10 });
  assert.deepEqual([c.host, c.port, c.timeout, c.blocksize], ["h", 81, 2, 10]);
  assert.equal(new HTTPConnection("h").timeout, null);
  const s = new HTTPSConnection("h", { port: 8443, timeout: 3 });
  assert.deepEqual([s.port, s.timeout], [8443, 3]);
  assert.throws(
    () => new HTTPSConnection("h", 1, 2 as never),
    (e: Error) =>
      e.message === "HTTPSConnection.__init__() takes from 2 to 3 positional arguments but 4 were given",
  );
  class Mine extends HTTPConnection {}
  assert.throws(
    () => new Mine("h", { bogus: 1 } as never),
    (e: Error) => e.message === "HTTPConnection.__init__() got an unexpected keyword argument 'bogus'",
  );
  assert.equal(new IncompleteRead(new Uint8Array(3), { expected: 2 }).expected, 2);
  assert.equal(
    new LineTooLong({ line_type: "header line" }).message,
    "got more than 65536 bytes when reading header line",
  );
  assert.throws(
    () => new RemoteDisconnected("x", kw({ foo: 1 })),
    (e: Error) => e.message === "RemoteDisconnected() takes no keyword arguments",
  );
});

Deno.test("class attributes: read from the class, CPython's values", () => {
  assert.equal(HTTPConnection._http_vsn, 11);
  assert.equal(HTTPConnection._http_vsn_str, "HTTP/1.1");
  assert.equal(HTTPConnection.response_class, HTTPResponse);
  assert.equal(HTTPConnection.default_port, 80);
  assert.equal(HTTPConnection.auto_open, 1);
  assert.equal(HTTPConnection.debuglevel, 0);
  assert.equal(HTTPSConnection.default_port, 443);
  const c = new HTTPConnection("h");
  assert.deepEqual(
    [c._http_vsn, c._http_vsn_str, c.response_class, c.default_port, c.auto_open, c.debuglevel],
    [11, "HTTP/1.1", HTTPResponse, 80, 1, 0],
  );
  assert.equal(new HTTPSConnection("h").default_port, 443);
});

Deno.test("HTTPConnection.debuglevel = 6 reaches existing and new connections; an instance value wins", async () => {
  const srv = recorder();
  const before = new HTTPConnection("127.0.0.1", srv.port, { timeout: 5 });
  const own = new HTTPConnection("127.0.0.1", srv.port, { timeout: 5 });
  own.set_debuglevel(0);
  // `print` writes to Deno.stdout; record what it writes.
  const write = Deno.stdout.writeSync;
  const printed: string[] = [];
  Deno.stdout.writeSync = (p: Uint8Array) => {
    printed.push(...new TextDecoder().decode(p).split("\n").filter(Boolean));
    return p.length;
  };
  try {
    HTTPConnection.debuglevel = 6;
    const after = new HTTPConnection("127.0.0.1", srv.port, { timeout: 5 });
    assert.equal(before.debuglevel, 6);
    assert.equal(after.debuglevel, 6);
    assert.equal(new HTTPSConnection("h").debuglevel, 6, "a subclass without its own value inherits it");
    assert.equal(own.debuglevel, 0, "set_debuglevel gave this connection its own value");
    await before.request("GET", "/");
    const r = await before.getresponse();
    assert.equal(r.debuglevel, 6, "the response is built with the connection's level");
    await r.read();
    assert.ok(printed.some((l) => l.startsWith("send: b'GET / HTTP/1.1")), printed.join("\n"));
    const n = printed.length;
    await own.request("GET", "/");
    await (await own.getresponse()).read();
    assert.equal(printed.length, n, "a connection with its own level 0 prints nothing");
    delattr(own, "debuglevel");
    assert.equal(own.debuglevel, 6, "deleting the instance value brings back the class's");
    after.close();
  } finally {
    HTTPConnection.debuglevel = 0;
    Deno.stdout.writeSync = write;
    before.close();
    own.close();
    await srv.close();
  }
  assert.equal(before.debuglevel, 0);
});

Deno.test("conn._http_vsn_str = 'HTTP/1.0' on one connection is what that connection sends", async () => {
  const srv = recorder("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok");
  const old = new HTTPConnection("127.0.0.1", srv.port, { timeout: 5 });
  const other = new HTTPConnection("127.0.0.1", srv.port, { timeout: 5 });
  old._http_vsn_str = "HTTP/1.0";
  try {
    await old.request("GET", "/old");
    await (await old.getresponse()).read();
    await other.request("GET", "/new");
    await (await other.getresponse()).read();
    const heads = [...srv.heads].sort();
    assert.match(heads[0], /^GET \/new HTTP\/1.1\r\n/);
    assert.match(heads[1], /^GET \/old HTTP\/1.0\r\nHost: /);
    assert.equal(HTTPConnection._http_vsn_str, "HTTP/1.1", "the class keeps its value");
    // `_http_vsn = 10` on an instance drops the HTTP/1.1 headers, as CPython's putrequest does.
    const ten = new HTTPConnection("h");
    ten._http_vsn = 10;
    ten._http_vsn_str = "HTTP/1.0";
    ten.putrequest("GET", "/");
    assert.deepEqual(ten._buffer.map(latin1), ["GET / HTTP/1.0"]);
  } finally {
    old.close();
    other.close();
    await srv.close();
  }
});

Deno.test("default_port: set on the class at run time, overridden by HTTPSConnection, beaten by a port argument", () => {
  try {
    HTTPConnection.default_port = 8080;
    assert.equal(new HTTPConnection("h").port, 8080);
    assert.equal(new HTTPConnection("h:").port, 8080);
    assert.equal(new HTTPConnection("h", 81).port, 81, "the constructor argument wins");
    assert.equal(new HTTPConnection("h:82").port, 82);
    assert.equal(new HTTPSConnection("h").port, 443, "HTTPSConnection's own class attribute");
    class Custom extends HTTPConnection {
      static override default_port = 9000;
    }
    assert.equal(new Custom("h").port, 9000);
    const c = new HTTPConnection("h", 8080);
    c.putrequest("GET", "/");
    assert.equal(latin1(c._buffer[1]), "Host: h", "the Host header leaves out the default port");
  } finally {
    HTTPConnection.default_port = 80;
  }
  assert.equal(new HTTPConnection("h").port, 80);
});

Deno.test("response_class and auto_open: a subclass's static, a field, an instance value", async () => {
  const srv = recorder();
  class MyResponse extends HTTPResponse {}
  class MyConnection extends HTTPConnection {
    static override response_class = MyResponse;
  }
  const a = new MyConnection("127.0.0.1", srv.port, { timeout: 5 });
  const b = new HTTPConnection("127.0.0.1", srv.port, { timeout: 5 });
  b.response_class = MyResponse;
  class Field extends HTTPConnection {
    override auto_open = 0;
  }
  try {
    await a.request("GET", "/");
    assert.ok((await a.getresponse()) instanceof MyResponse);
    await b.request("GET", "/");
    assert.ok((await b.getresponse()) instanceof MyResponse);
    assert.equal(HTTPConnection.response_class, HTTPResponse);
    const f = new Field("127.0.0.1", srv.port);
    await assert.rejects(f.request("GET", "/"), NotConnected);
    const g = new HTTPConnection("127.0.0.1", srv.port);
    g.auto_open = 0;
    await assert.rejects(g.send(new Uint8Array(1)), NotConnected);
  } finally {
    a.close();
    b.close();
    await srv.close();
  }
});

Deno.test("parse_headers: a file-like object literal is fp; keywords name fp and _class", async () => {
  const lines = () => {
    const queue = ["X-A: 1\r\n", "\r\n"];
    return { readline: (_limit?: number) => Promise.resolve(new TextEncoder().encode(queue.shift() ?? "")) };
  };
  assert.equal((await parse_headers(lines())).get("x-a"), "1");
  class Mine extends HTTPMessage {}
  const m = await parse_headers({ fp: lines(), _class: Mine });
  assert.ok(m instanceof Mine);
  assert.equal((await parse_headers(lines(), { _class: Mine })).get("X-A"), "1");
  await assert.rejects(
    parse_headers(lines(), { klass: Mine } as never),
    (e: Error) =>
      e.message === "parse_headers() got an unexpected keyword argument 'klass'. Did you mean '_class'?",
  );
});

Deno.test("HTTPSConnection announces ALPN http/1.1 only from its own context and only for _http_vsn 11", () => {
  assert.deepEqual(new HTTPSConnection("h")._context.alpn_protocols, ["http/1.1"]);
  class Ten extends HTTPSConnection {
    static override _http_vsn = 10;
    static override _http_vsn_str = "HTTP/1.0";
  }
  assert.equal(new Ten("h")._context.alpn_protocols, null);
  const mine = create_default_context();
  assert.equal(new HTTPSConnection("h", { context: mine })._context.alpn_protocols, null);
});
