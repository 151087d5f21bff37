// http.client unit and differential tests: offline validation (constructor, putrequest,
// putheader, set_tunnel, Content-Length rules) against the oracle on generated inputs; the exact
// set_debuglevel output against CPython's; CONNECT tunnels through a proxy against CPython's
// bytes; body sources Python does not have (Deno.FsFile, ReadableStream, async iterables).
import assert from "node:assert/strict";
import {
  CannotSendRequest,
  HTTPConnection,
  HTTPException,
  HTTPMessage,
  HTTPResponse,
  HTTPSConnection,
  type HTTPSocket,
  IncompleteRead,
  NotConnected,
  RemoteDisconnected,
  type RequestBody,
  ResponseNotReady,
} from "../../http/client.ts";
import { BadStatusLine } from "../../http/_exceptions.ts";
import {
  ConnectionRefusedError,
  ConnectionResetError,
  NotImplementedError,
  RuntimeError,
} from "../../_util/exceptions.ts";
import { repr } from "../../_util/repr.ts";
import { capture, CPYTHON314, findPython, oracle, oracleTest, type Outcome } from "../_oracle.ts";
import { freePort, needs, PEERS, peerTest, startPythonPeer } from "./_peers.ts";

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);

// ---------------------------------------------------------------------------------------------
// Offline validation, differential against CPython 3.14 on generated inputs.

const CTRL = [...Array(0x21).keys(), 0x7f].map((c) => String.fromCharCode(c));

interface OfflineCase {
  kind: string;
  [k: string]: unknown;
}

function offlineCases(): OfflineCase[] {
  const cases: OfflineCase[] = [];
  const hosts = [
    "example.com",
    "example.com:8080",
    "example.com:",
    "example.com:x",
    "example.com:80x",
    "example.com: 81",
    "example.com:+82",
    "example.com:8_3",
    "example.com:-1",
    "[::1]",
    "[::1]:81",
    "::1",
    "[fe80::1%eth0]:81",
    "a b",
    "a\nb",
    "a\x7f",
    "",
    ":",
    "]:1",
    "[x]y:2",
  ];
  for (const host of hosts) {
    for (const port of [null, 81]) cases.push({ kind: "ctor", host, port });
  }
  for (const c of CTRL) {
    cases.push({ kind: "putrequest", method: `GE${c}T`, url: "/" });
    cases.push({ kind: "putrequest", method: "GET", url: `/a${c}b` });
    cases.push({ kind: "ctor", host: `h${c}x`, port: 80 });
  }
  for (
    const url of [
      "",
      "/",
      "*",
      "/\u00e9",
      "/\u2603",
      "http://example.com/x",
      "http://example.com:80/x",
      "http://Example.COM:8080",
      "http://[::1]/",
      "http://[::1]:8000/",
      "http://[fe80::1%25en0]:8000/",
      "http://u:p@h:1/",
      "http:///x",
      "http:/x",
      "httpbin/x",
      "https://x.y/",
      "http://[::1/",
      "http://caf\u00e9.example/",
    ]
  ) {
    for (const skip_host of [false, true]) cases.push({ kind: "putrequest", method: "GET", url, skip_host });
  }
  for (
    const [host, port] of [["example.com", 80], ["example.com", 8080], ["::1", 80], ["::1", 81], [
      "fe80::1%eth0",
      80,
    ]]
  ) {
    cases.push({ kind: "putrequest", method: "GET", url: "/", host, port });
  }
  const names = [
    "X-A",
    "x",
    "X A",
    " X",
    "X\t",
    "\tX",
    "X:",
    ":X",
    "X\r",
    "X\n",
    "X\x00",
    "X\u00e9",
    "",
    "X\x0bY",
    "\x0bX",
  ];
  for (const name of names) cases.push({ kind: "putheader", name, values: ["v"] });
  const values = [
    "v",
    "",
    "a\r\n b",
    "a\r\n\tb",
    "a\r\nb",
    "a\nb",
    "a\n b",
    "a\rb",
    "a\r b",
    "a\r\n",
    "\r\n",
    "a\n",
    "caf\u00e9",
    "\u2603",
    "\x00\x7f",
    { int: 42 },
    { bytes: "b\xff\r\n c" },
    { bytes: "b\rc" },
  ];
  for (const v of values) cases.push({ kind: "putheader", name: "X", values: [v] });
  cases.push({ kind: "putheader", name: "X", values: ["a", "b", { int: 3 }, { bytes: "d" }] });
  cases.push({ kind: "putheader", name: "X", values: [] });
  cases.push({ kind: "putheader", name: { bytes: "X-Bytes" }, values: ["1"] });
  for (const method of ["GET", "POST", "PUT", "PATCH", "post", "DELETE", "HEAD"]) {
    for (
      const body of [null, { str: "" }, { str: "abc" }, { str: "\u00e9\u00e9" }, { bytes: "xyz" }, {
        chunks: ["a"],
      }, {
        file: "abc",
      }]
    ) cases.push({ kind: "content_length", method, body });
  }
  for (
    const t of [
      { host: "proxy.example", port: null, headers: null },
      { host: "proxy.example:3128", port: null, headers: null },
      { host: "proxy.example", port: 8443, headers: [["Proxy-Authorization", "Basic x"]] },
      { host: "proxy.example", port: 1, headers: [["host", "other:2"]] },
      { host: "[::1]:443", port: null, headers: null },
      { host: "p:x", port: null, headers: null },
    ]
  ) cases.push({ kind: "set_tunnel", ...t });
  for (const body of ["plain", "caf\u00e9", "snow\u2603man", "\u2603\u2603\u2603", "a\ud83d\ude00b"]) {
    cases.push({ kind: "body_encode", body });
  }
  return cases;
}

const PY_OFFLINE = `
import http.client, io
def V(v):
    if isinstance(v, dict):
        if "int" in v: return v["int"]
        if "bytes" in v: return v["bytes"].encode("latin-1")
    return v
def B(spec):
    if spec is None: return None
    k, v = next(iter(spec.items()))
    if k == "str": return v
    if k == "bytes": return v.encode("latin-1")
    if k == "chunks": return [x.encode("latin-1") for x in v]
    if k == "file": return io.BytesIO(v.encode("latin-1"))
def run(c):
    k = c["kind"]
    if k == "ctor":
        conn = http.client.HTTPConnection(c["host"], c["port"])
        return [conn.host, conn.port]
    if k == "putrequest":
        conn = http.client.HTTPConnection(c.get("host", "h.example"), c.get("port", 8000))
        conn.putrequest(c["method"], c["url"], skip_host=c.get("skip_host", False))
        return list(conn._buffer)
    if k == "putheader":
        conn = http.client.HTTPConnection("h.example")
        conn.putrequest("GET", "/", skip_host=True, skip_accept_encoding=True)
        conn.putheader(V(c["name"]), *[V(v) for v in c["values"]])
        return list(conn._buffer)
    if k == "content_length":
        return http.client.HTTPConnection._get_content_length(B(c["body"]), c["method"])
    if k == "set_tunnel":
        conn = http.client.HTTPConnection("h.example")
        conn.set_tunnel(c["host"], c["port"], dict(c["headers"]) if c["headers"] else None)
        return [conn._tunnel_host, conn._tunnel_port, list(conn._tunnel_headers.items())]
    if k == "body_encode":
        conn = http.client.HTTPConnection("h.example")
        try:
            conn.request("POST", "/", c["body"])
        except ConnectionRefusedError:
            return "sent"
        except OSError:
            return "sent"
`;

function V(v: unknown): string | number | Uint8Array {
  if (v !== null && typeof v === "object") {
    if ("int" in v) return (v as { int: number }).int;
    if ("bytes" in v) return enc((v as { bytes: string }).bytes);
  }
  return v as string;
}

function B(spec: unknown): RequestBody {
  if (spec === null) return null;
  const [k, v] = Object.entries(spec as Record<string, unknown>)[0];
  if (k === "str") return v as string;
  if (k === "bytes") return enc(v as string);
  if (k === "chunks") return (v as string[]).map(enc);
  if (k === "file") {
    let done = false;
    return { read: () => (done ? new Uint8Array(0) : (done = true, enc(v as string))) };
  }
  throw new Error(k);
}

class NoNetConnection extends HTTPConnection {
  // "Connecting" fails at once, as CPython does against a closed port on h.example.
  override _create_connection(): Promise<Deno.TcpConn> {
    return Promise.reject(new ConnectionRefusedError(111, "Connection refused"));
  }
}

async function ourOffline(c: OfflineCase): Promise<Outcome> {
  if (c.kind === "body_encode") {
    try {
      const conn = new NoNetConnection("h.example");
      await conn.request("POST", "/", c.body as string);
      return { ok: "sent" };
    } catch (e) {
      if (e instanceof ConnectionRefusedError) return { ok: "sent" };
      return { error: (e as Error).name, message: (e as Error).message };
    }
  }
  return capture(() => {
    switch (c.kind) {
      case "ctor": {
        const conn = new HTTPConnection(c.host as string, c.port as number | null);
        return [conn.host, conn.port];
      }
      case "putrequest": {
        const conn = new HTTPConnection((c.host as string) ?? "h.example", (c.port as number) ?? 8000);
        conn.putrequest(c.method as string, c.url as string, { skip_host: !!c.skip_host });
        return conn._buffer;
      }
      case "putheader": {
        const conn = new HTTPConnection("h.example");
        conn.putrequest("GET", "/", true, true);
        conn.putheader(V(c.name) as string, ...(c.values as unknown[]).map(V));
        return conn._buffer;
      }
      case "content_length":
        return HTTPConnection._get_content_length(B(c.body), c.method as string);
      case "set_tunnel": {
        const conn = new HTTPConnection("h.example");
        conn.set_tunnel(c.host as string, c.port as number | null, c.headers as [string, string][] | null);
        return [conn._tunnel_host, conn._tunnel_port, [...conn._tunnel_headers]];
      }
    }
    throw new Error(c.kind);
  });
}

oracleTest(
  "http.client offline validation: constructor, putrequest, putheader, set_tunnel, lengths vs CPython",
  async () => {
    const cases = offlineCases();
    const expected = await oracle(PY_OFFLINE, cases);
    const bad: string[] = [];
    for (let i = 0; i < cases.length; i++) {
      const ours = await ourOffline(cases[i]);
      try {
        assert.deepStrictEqual(ours, expected[i]);
      } catch {
        bad.push(
          `${JSON.stringify(cases[i])}\n  cpython: ${JSON.stringify(expected[i])}\n  pyweb:   ${
            JSON.stringify(ours)
          }`,
        );
      }
    }
    console.log(`offline validation: ${cases.length - bad.length}/${cases.length} cases agree`);
    if (bad.length) throw new Error(bad.slice(0, 12).join("\n"));
  },
);

// ---------------------------------------------------------------------------------------------
// set_debuglevel output, byte for byte against CPython.

peerTest("set_debuglevel(1) prints exactly what CPython prints", needs.python, async () => {
  const server = await startPythonPeer(PEERS + "scripted_server.py");
  try {
    const py = await new Deno.Command(findPython()!, {
      args: [PEERS + "debug_client.py", String(server.port)],
      env: { PYTHONPATH: CPYTHON314, PYTHONIOENCODING: "utf-8" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(py.success, new TextDecoder().decode(py.stderr));
    const ours = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", PEERS + "debug_client.ts", String(server.port)],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(ours.success, new TextDecoder().decode(ours.stderr));
    const expected = new TextDecoder().decode(py.stdout);
    assert.ok(expected.includes("send: b'GET /k/ok HTTP/1.1\\r\\n"));
    assert.equal(new TextDecoder().decode(ours.stdout), expected);
  } finally {
    await server.stop();
  }
});

// ---------------------------------------------------------------------------------------------
// CONNECT tunnels: the CONNECT request bytes and the proxy's headers, against CPython.

const PY_TUNNEL = `
import http.client, sys, json, base64
proxy, target = int(sys.argv[1]), int(sys.argv[2])
out = []
for host, port, headers in [("127.0.0.1", target, None), ("127.0.0.1:%d" % target, None, {"Proxy-Authorization": "Basic eA=="}),
                            ("deny.example", 80, None)]:
    conn = http.client.HTTPConnection("127.0.0.1", proxy, timeout=5)
    conn.set_tunnel(host, port, headers)
    try:
        conn.request("GET", "/echo")
        r = conn.getresponse()
        hdrs = conn.get_proxy_response_headers()
        out.append({"status": r.status, "body": r.read().decode("latin-1"),
                    "connect": base64.b64decode(hdrs["X-Connect-Request"]).decode("latin-1"),
                    "proxy_headers": [list(x) for x in hdrs.items()][:1]})
    except Exception as e:
        out.append({"error": type(e).__name__, "message": str(e)})
    conn.close()
print(json.dumps(out))
`;

peerTest(
  "set_tunnel: CONNECT bytes, proxy headers and the tunnelled request match CPython",
  needs.python,
  async () => {
    const proxy = await startPythonPeer(PEERS + "connect_proxy.py");
    const target = await startPythonPeer(PEERS + "scripted_server.py");
    try {
      const py = await new Deno.Command(findPython()!, {
        args: ["-c", PY_TUNNEL, String(proxy.port), String(target.port)],
        env: { PYTHONPATH: CPYTHON314 },
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.ok(py.success, new TextDecoder().decode(py.stderr));
      const expected = JSON.parse(new TextDecoder().decode(py.stdout));
      const ours: unknown[] = [];
      for (
        const [host, port, headers] of [
          ["127.0.0.1", target.port, null],
          [`127.0.0.1:${target.port}`, null, { "Proxy-Authorization": "Basic eA==" }],
          ["deny.example", 80, null],
        ] as const
      ) {
        const conn = new HTTPConnection("127.0.0.1", proxy.port, { timeout: 5 });
        conn.set_tunnel(host, port, headers);
        try {
          await conn.request("GET", "/echo");
          const r = await conn.getresponse();
          const hdrs = conn.get_proxy_response_headers()!;
          ours.push({
            status: r.status,
            body: latin1(await r.read()),
            connect: atob(hdrs.get("X-Connect-Request")!),
            proxy_headers: hdrs.items().map((t) => [...t]).slice(0, 1),
          });
        } catch (e) {
          ours.push({ error: (e as Error).name, message: (e as Error).message });
        }
        conn.close();
      }
      assert.deepStrictEqual(ours, expected);
      assert.match(
        (expected[0] as { connect: string }).connect,
        /^CONNECT 127\.0\.0\.1:\d+ HTTP\/1\.1\r\nHost: /,
      );
      assert.equal((expected[2] as { error: string }).error, "OSError");
    } finally {
      await proxy.stop();
      await target.stop();
    }
  },
);

// ---------------------------------------------------------------------------------------------
// A capture server in this process: answers each request with the exact bytes it received.

async function withEcho(fn: (port: number) => Promise<void>): Promise<void> {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const conns: Promise<void>[] = [];
  const serve = async (c: Deno.Conn) => {
    let buf = new Uint8Array(0);
    const more = async (): Promise<boolean> => {
      const chunk = new Uint8Array(65536);
      const n = await c.read(chunk);
      if (n === null) return false;
      const next = new Uint8Array(buf.length + n);
      next.set(buf);
      next.set(chunk.subarray(0, n), buf.length);
      buf = next;
      return true;
    };
    try {
      for (;;) {
        let end: number;
        while ((end = latin1(buf).indexOf("\r\n\r\n")) < 0) if (!(await more())) return;
        const head = latin1(buf.subarray(0, end));
        let pos = end + 4;
        if (/transfer-encoding: chunked/i.test(head)) {
          for (;;) {
            let nl: number;
            while ((nl = latin1(buf.subarray(pos)).indexOf("\r\n")) < 0) if (!(await more())) return;
            const size = parseInt(latin1(buf.subarray(pos, pos + nl)), 16);
            while (buf.length < pos + nl + 2 + size + 2) if (!(await more())) return;
            pos += nl + 2 + size + 2;
            if (size === 0) break;
          }
        } else {
          const m = /content-length: (\d+)/i.exec(head);
          const n = m ? Number(m[1]) : 0;
          while (buf.length < pos + n) if (!(await more())) return;
          pos += n;
        }
        const raw = buf.slice(0, pos);
        buf = buf.slice(pos);
        const resp = new Uint8Array([
          ...enc(`HTTP/1.1 200 OK\r\nContent-Length: ${raw.length}\r\n\r\n`),
          ...raw,
        ]);
        await c.write(resp);
      }
    } catch {
      /* the client went away */
    } finally {
      c.close();
    }
  };
  const accepting = (async () => {
    for await (const c of l) conns.push(serve(c));
  })();
  try {
    await fn((l.addr as Deno.NetAddr).port);
  } finally {
    l.close();
    await accepting.catch(() => {});
    await Promise.all(conns);
  }
}

async function roundTrip(
  port: number,
  body: RequestBody,
  headers: Record<string, string> = {},
): Promise<string> {
  const conn = new HTTPConnection("127.0.0.1", port, { timeout: 5 });
  try {
    await conn.request("POST", "/", body, headers);
    const r = await conn.getresponse();
    return latin1(await r.read());
  } finally {
    conn.close();
  }
}

Deno.test("bodies from Deno.FsFile, ReadableStream, async iterables, ArrayBuffer and DataView", async () => {
  const file = await Deno.makeTempFile();
  const content = "0123456789".repeat(2000);
  await Deno.writeTextFile(file, content);
  try {
    await withEcho(async (port) => {
      const head = (te: string) =>
        `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept-Encoding: identity\r\n${te}\r\n`;
      // A file is sent chunked in blocksize (8192) pieces, as Python sends a file object.
      const f = await Deno.open(file);
      try {
        const got = await roundTrip(port, f);
        const expected = head("Transfer-Encoding: chunked\r\n") + "2000\r\n" + content.slice(0, 8192) +
          "\r\n" +
          "2000\r\n" + content.slice(8192, 16384) + "\r\n" + "E20\r\n" + content.slice(16384) +
          "\r\n0\r\n\r\n";
        assert.equal(got, expected);
      } finally {
        f.close();
      }
      const stream = ReadableStream.from([enc("ab"), enc("cde")]);
      assert.equal(
        await roundTrip(port, stream),
        head("Transfer-Encoding: chunked\r\n") + "2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n",
      );
      async function* gen() {
        yield enc("x");
        yield new Uint8Array(0);
        yield enc("yz");
      }
      assert.equal(
        await roundTrip(port, gen()),
        head("Transfer-Encoding: chunked\r\n") + "1\r\nx\r\n2\r\nyz\r\n0\r\n\r\n",
      );
      assert.equal(
        await roundTrip(port, enc("abc").buffer as ArrayBuffer),
        head("Content-Length: 3\r\n") + "abc",
      );
      assert.equal(
        await roundTrip(port, new DataView(enc("abcd").buffer, 1, 2)),
        head("Content-Length: 2\r\n") + "bc",
      );
      // A file with an explicit Content-Length goes out as it is.
      const f2 = await Deno.open(file);
      try {
        const got = await roundTrip(port, f2, { "Content-Length": String(content.length) });
        assert.equal(got, head(`Content-Length: ${content.length}\r\n`) + content);
      } finally {
        f2.close();
      }
    });
  } finally {
    await Deno.remove(file);
  }
});

Deno.test("keep-alive: one socket serves many requests; a new one only after the server closes", async () => {
  let accepted = 0;
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const served = (async () => {
    for (let k = 0; k < 2; k++) {
      const c = await l.accept();
      accepted++;
      const buf = new Uint8Array(65536);
      for (let i = 0; i < 3; i++) {
        if (await c.read(buf) === null) break;
        const close = k === 0 && i === 2;
        await c.write(
          enc(`HTTP/1.1 200 OK\r\nContent-Length: 2\r\n${close ? "Connection: close\r\n" : ""}\r\nk${k}`),
        );
        if (close) break;
      }
      c.close();
    }
  })();
  const conn = new HTTPConnection("127.0.0.1", (l.addr as Deno.NetAddr).port, { timeout: 5 });
  try {
    const bodies: string[] = [];
    for (let i = 0; i < 5; i++) {
      await conn.request("GET", "/");
      const r = await conn.getresponse();
      bodies.push(latin1(await r.read()));
    }
    assert.deepEqual(bodies, ["k0", "k0", "k0", "k1", "k1"]);
    assert.equal(accepted, 2);
  } finally {
    conn.close();
    await served;
    l.close();
  }
});

Deno.test("a keep-alive socket the server dropped gives RemoteDisconnected, then the next request reconnects", async () => {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const served = (async () => {
    const buf = new Uint8Array(65536);
    const c1 = await l.accept();
    await c1.read(buf);
    await c1.write(enc("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na"));
    await c1.read(buf); // the second request arrives; close without answering
    c1.close();
    const c2 = await l.accept();
    await c2.read(buf);
    await c2.write(enc("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb"));
    c2.close();
  })();
  const conn = new HTTPConnection("127.0.0.1", (l.addr as Deno.NetAddr).port, { timeout: 5 });
  try {
    await conn.request("GET", "/");
    assert.equal(latin1(await (await conn.getresponse()).read()), "a");
    await conn.request("GET", "/");
    const err = await conn.getresponse().then(() => null, (e) => e);
    assert.ok(err instanceof RemoteDisconnected);
    assert.ok(
      err instanceof ConnectionResetError && err instanceof BadStatusLine && err instanceof HTTPException,
    );
    assert.equal(err.message, "Remote end closed connection without response");
    assert.equal(conn.sock, null);
    await conn.request("GET", "/");
    assert.equal(latin1(await (await conn.getresponse()).read()), "b");
  } finally {
    conn.close();
    await served;
    l.close();
  }
});

Deno.test("state machine, auto_open, set_tunnel after connect, source_address, refused connections", async () => {
  const conn = new HTTPConnection("127.0.0.1", freePort(), { timeout: 5 });
  await assert.rejects(conn.getresponse(), ResponseNotReady);
  conn.putrequest("GET", "/");
  assert.throws(
    () => conn.putrequest("GET", "/"),
    (e) => e instanceof CannotSendRequest && e.message === "Request-started",
  );
  conn.close();
  await assert.rejects(
    conn.request("GET", "/"),
    (e) => e instanceof ConnectionRefusedError && e.errno === 111,
  );
  conn.close();
  const manual = new HTTPConnection("127.0.0.1", 1);
  manual.auto_open = 0;
  await assert.rejects(manual.send(enc("x")), NotConnected);
  const src = new HTTPConnection("127.0.0.1", 1, { source_address: ["127.0.0.2", 0] });
  await assert.rejects(src.connect(), NotImplementedError);
  await withEcho(async (port) => {
    const c = new HTTPConnection("127.0.0.1", port);
    await c.connect();
    assert.throws(() => c.set_tunnel("x"), (e) => e instanceof RuntimeError);
    c.close();
  });
  assert.throws(
    () => new HTTPConnection("h", 1, { timeout: 1, nope: 1 } as never),
    (e) =>
      e instanceof TypeError &&
      e.message === "HTTPConnection.__init__() got an unexpected keyword argument 'nope'",
  );
  const kw = new HTTPConnection("h.example", { port: 81, timeout: 3, blocksize: 100 });
  assert.deepEqual([kw.host, kw.port, kw.timeout, kw.blocksize], ["h.example", 81, 3, 100]);
  const pos = new HTTPConnection("h.example", 82, 4, null, 200);
  assert.deepEqual([pos.port, pos.timeout, pos.blocksize], [82, 4, 200]);
  const tls = new HTTPSConnection("h.example", { timeout: 2 });
  assert.equal(tls.port, 443);
  assert.equal(repr(tls), "<http.client.HTTPSConnection object>");
});

Deno.test("HTTPResponse: accessors, async iteration, disposal, fileno, closed", async () => {
  await withEcho(async (port) => {
    await using conn = new HTTPConnection("127.0.0.1", port, { timeout: 5 });
    await conn.request("POST", "/p", "l1\nl2\nl3", { "X-Multi": "a" });
    {
      await using r = await conn.getresponse();
      assert.ok(r instanceof HTTPResponse);
      assert.ok(r.msg instanceof HTTPMessage && r.headers === r.msg && r.info() === r.msg);
      assert.equal(r.getcode(), 200);
      assert.equal(r.getheader("content-length"), String(r.length));
      assert.equal(r.getheader("missing", "dflt"), "dflt");
      assert.equal(r.getheader("missing", ["a", "b"] as unknown as string), "a, b");
      assert.equal(r.geturl(), null);
      assert.equal(typeof r.fileno(), "number");
      assert.equal(repr(r), "<http.client.HTTPResponse object>");
      const lines: string[] = [];
      for await (const line of r) lines.push(latin1(line));
      assert.equal(lines.at(-1), "l3");
      assert.ok(lines[0].startsWith("POST /p HTTP/1.1"));
      assert.ok(r.isclosed());
      assert.equal(r.closed, false);
    }
    await conn.request("GET", "/again");
    const r2 = await conn.getresponse();
    r2.close();
    assert.ok(r2.closed && r2.isclosed());
    assert.throws(() => r2.fileno());
    assert.equal((await r2.read()).length, 0);
  });
});

Deno.test("IncompleteRead keeps the partial bytes and the expected count", async () => {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const served = (async () => {
    const c = await l.accept();
    await c.read(new Uint8Array(4096));
    await c.write(enc("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello"));
    c.close();
  })();
  const conn = new HTTPConnection("127.0.0.1", (l.addr as Deno.NetAddr).port, { timeout: 5 });
  try {
    await conn.request("GET", "/");
    const r = await conn.getresponse();
    const e = await r.read().then(() => null, (x) => x);
    assert.ok(e instanceof IncompleteRead);
    assert.equal(latin1(e.partial), "hello");
    assert.equal(e.expected, 5);
    assert.equal(repr(e), "IncompleteRead(5 bytes read, 5 more expected)");
    assert.ok(r.isclosed());
  } finally {
    conn.close();
    await served;
    l.close();
  }
});

Deno.test("timeout: a silent server gives TimeoutError('timed out')", async () => {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  let held: Deno.Conn | null = null;
  const accepted = l.accept().then((c) => (held = c));
  const conn = new HTTPConnection("127.0.0.1", (l.addr as Deno.NetAddr).port, { timeout: 0.2 });
  try {
    await conn.request("GET", "/");
    const e = await conn.getresponse().then(() => null, (x) => x);
    assert.equal(e?.name, "TimeoutError");
    assert.equal(e?.message, "timed out");
  } finally {
    conn.close();
    await accepted;
    (held as Deno.Conn | null)?.close();
    l.close();
  }
});

Deno.test("IPv6: HTTPConnection('[::1]:port') connects to ::1 and sends Host: [::1]:port", async () => {
  let l: Deno.Listener;
  try {
    l = Deno.listen({ hostname: "::1", port: 0 });
  } catch {
    console.log("no IPv6 loopback here; skipped");
    return;
  }
  const port = (l.addr as Deno.NetAddr).port;
  let request = "";
  const served = (async () => {
    const c = await l.accept();
    const b = new Uint8Array(4096);
    const n = await c.read(b);
    request = latin1(b.subarray(0, n ?? 0));
    await c.write(enc("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nv6"));
    c.close();
  })();
  const conn = new HTTPConnection(`[::1]:${port}`, { timeout: 5 });
  try {
    assert.equal(conn.host, "::1");
    await conn.request("GET", "/");
    const r = await conn.getresponse();
    assert.equal(latin1(await r.read()), "v6");
    assert.equal(request, `GET / HTTP/1.1\r\nHost: [::1]:${port}\r\nAccept-Encoding: identity\r\n\r\n`);
  } finally {
    conn.close();
    await served;
    l.close();
  }
});

Deno.test("urllib's pattern: closing conn.sock leaves the response readable (Python's makefile refcount)", async () => {
  await withEcho(async (port) => {
    const conn = new HTTPConnection("127.0.0.1", port, { timeout: 5 });
    await conn.request("POST", "/", "x".repeat(1000));
    const r = await conn.getresponse();
    const sock = conn.sock as HTTPSocket; // ours (a Python-style fake socket may be set too)
    sock.close();
    sock.close(); // idempotent, like socket.close()
    conn.sock = null;
    assert.equal(sock.closed, false, "the response still holds the connection");
    const body = latin1(await r.read());
    assert.ok(body.endsWith("x".repeat(1000)));
    assert.equal(sock.closed, true, "closed once the body was read");
  });
});

Deno.test("gh-150743: at most 100 interim (1xx) responses are skipped, the 101st raises HTTPException", async () => {
  for (const [interim, ok] of [[100, true], [101, false]] as const) {
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const served = (async () => {
      const conn = await listener.accept();
      await conn.read(new Uint8Array(4096));
      const reply = "HTTP/1.1 100 Continue\r\nX-Interim: 1\r\n\r\n".repeat(interim) +
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
      await conn.write(new TextEncoder().encode(reply));
      conn.close();
    })();
    const conn = new HTTPConnection("127.0.0.1", (listener.addr as Deno.NetAddr).port);
    try {
      await conn.request("GET", "/");
      if (ok) {
        const r = await conn.getresponse();
        assert.equal(r.status, 200);
        assert.equal(new TextDecoder().decode(await r.read()), "ok");
      } else {
        await assert.rejects(
          () => conn.getresponse(),
          (e: Error) => e instanceof HTTPException && e.message === "got more than 100 interim responses",
        );
      }
    } finally {
      conn.close();
      await served;
      listener.close();
    }
  }
});
