// Interop and robustness tests of http.server: the my_httpserver tutorial byte for byte against CPython,
// keep-alive, async handlers, graceful shutdown, slowloris, oversized requests, Range, HTTPS, logging,
// handle_error and the command line.
import { freePort } from "../_oracle.ts";
import assert from "node:assert/strict";
import {
  BaseHTTPRequestHandler,
  CGIHTTPRequestHandler,
  DEFAULT_ERROR_MESSAGE,
  HTTPServer,
  HTTPSServer,
  nobody_uid,
  SimpleHTTPRequestHandler,
  test,
  ThreadingHTTPServer,
} from "../../http/server.ts";
import { SSLError } from "../../http/_ssl.ts";
import { FileNotFoundError, OSError } from "../../_util/exceptions.ts";
import type { ServerAddress } from "../../socketserver.ts";
import { CPYTHON314, findPython } from "../_oracle.ts";
import {
  fromLatin1,
  have,
  inCI,
  needOracle,
  PEERS,
  rawExchange,
  TUTORIAL,
  waitForPort,
  withServer,
} from "./peers/_helpers.ts";

const ROOT = decodeURIComponent(new URL("../../", import.meta.url).pathname);
const enc = new TextEncoder();

function spawnOut(cmd: string, args: string[]): Deno.ChildProcess {
  return new Deno.Command(cmd, {
    args,
    env: { PYTHONPATH: CPYTHON314, PYTHONUNBUFFERED: "1" },
    stdout: "piped",
    stderr: "piped",
    stdin: "null",
  }).spawn();
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let s = "";
  for await (const c of stream.pipeThrough(new TextDecoderStream())) s += c;
  return s;
}

Deno.test("my_httpserver.ts sends the same bytes as my_httpserver.py", async () => {
  if (!needOracle()) return;
  const py = findPython()!;
  const pyPort = freePort(), ourPort = freePort();
  const pyChild = spawnOut(py, [TUTORIAL + "my_httpserver.py", String(pyPort)]);
  const ourChild = spawnOut(Deno.execPath(), [
    "run",
    "-A",
    ROOT + "examples/my_httpserver.ts",
    String(ourPort),
  ]);
  try {
    await waitForPort(pyPort);
    await waitForPort(ourPort);
    const requests = [
      "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /\r\n",
      "GET /anything?x=1 HTTP/1.0\r\n\r\n",
      "HEAD / HTTP/1.0\r\n\r\n",
      "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
      "GET / HTTP/2.0\r\n\r\n",
      "BAD\r\n\r\n",
    ];
    for (const req of requests) {
      const [a, b] = await Promise.all([rawExchange(pyPort, [req]), rawExchange(ourPort, [req])]);
      const norm = (t: string) => t.replace(/^Date: .*$/gm, "Date: D").replace(/^Server: .*$/gm, "Server: S");
      assert.equal(norm(fromLatin1(b.data)), norm(fromLatin1(a.data)), JSON.stringify(req));
      assert.equal(b.end, a.end);
    }
    const get = await rawExchange(ourPort, ["GET / HTTP/1.1\r\nHost: x\r\n\r\n"]);
    assert.equal(fromLatin1(get.data), "Hello World!");
  } finally {
    pyChild.kill("SIGINT");
    ourChild.kill("SIGTERM");
    const [pyOut, ourOut] = await Promise.all([readAll(pyChild.stdout), readAll(ourChild.stdout)]);
    await Promise.all([readAll(pyChild.stderr), readAll(ourChild.stderr)]);
    await pyChild.status;
    await ourChild.status;
    assert.equal(
      ourOut.replace(String(ourPort), "P"),
      pyOut.replace(String(pyPort), "P"),
    );
  }
});

class Hello extends BaseHTTPRequestHandler {
  override protocol_version = "HTTP/1.1";
  async do_GET(): Promise<void> {
    await new Promise((r) => setTimeout(r, 1));
    const body = enc.encode(`hello ${this.path}`);
    this.send_response(200);
    this.send_header("Content-Length", String(body.length));
    this.end_headers();
    this.wfile.write(body);
  }
  override log_message(): void {}
}

Deno.test("keep-alive: one connection, many requests; an idle connection does not block others", async () => {
  await withServer(new HTTPServer(["127.0.0.1", 0], Hello), async (port) => {
    const idle = await Deno.connect({ hostname: "127.0.0.1", port });
    await idle.write(enc.encode("GET /idle HTTP/1.1\r\n\r\n"));
    const r = await rawExchange(port, [
      "GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\nGET /3 HTTP/1.1\r\nConnection: close\r\n\r\n",
    ]);
    const text = fromLatin1(r.data);
    assert.equal(text.match(/HTTP\/1.1 200 OK/g)?.length, 3);
    assert.ok(text.endsWith("hello /3"));
    assert.equal(r.end, "closed");
    const buf = new Uint8Array(1024);
    const n = await idle.read(buf);
    assert.ok(fromLatin1(buf.subarray(0, n!)).endsWith("hello /idle"));
    idle.close();
  });
});

Deno.test("shutdown() lets in-flight responses finish and closes idle keep-alive connections", async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => release = r);
  let started!: () => void;
  const inHandler = new Promise<void>((r) => started = r);
  class Slow extends BaseHTTPRequestHandler {
    override protocol_version = "HTTP/1.1";
    async do_GET(): Promise<void> {
      started();
      await gate;
      this.send_response(200);
      this.send_header("Content-Length", "4");
      this.end_headers();
      this.wfile.write(enc.encode("done"));
    }
    override log_message(): void {}
  }
  const server = new HTTPServer(["127.0.0.1", 0], Slow);
  const serving = server.serve_forever(0.05);
  const port = server.server_address[1];
  const idle = await Deno.connect({ hostname: "127.0.0.1", port });
  const busy = rawExchange(port, ["GET /slow HTTP/1.1\r\n\r\n"], 2000);
  await inHandler;
  let shutDown = false;
  const stopping = server.shutdown().then(() => shutDown = true);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(shutDown, false, "shutdown() must wait for the in-flight response");
  release();
  await stopping;
  await serving;
  const res = await busy;
  assert.ok(fromLatin1(res.data).endsWith("done"));
  assert.equal(res.end, "closed");
  assert.equal(await idle.read(new Uint8Array(10)), null, "idle connection closed by shutdown");
  idle.close();
  await server.server_close();
});

Deno.test("slowloris and oversized requests are contained; others keep being served", async () => {
  await withServer(new ThreadingHTTPServer(["127.0.0.1", 0], Hello), async (port) => {
    // A client dribbling a header never blocks anyone.
    const slow = await Deno.connect({ hostname: "127.0.0.1", port });
    await slow.write(enc.encode("GET /slow HTTP/1.1\r\nX-Slow: "));
    const dribble = (async () => {
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => setTimeout(r, 20));
        try {
          await slow.write(enc.encode("a"));
        } catch {
          return;
        }
      }
    })();
    // Many slow connections at once.
    const many = await Promise.all(
      Array.from({ length: 50 }, () => Deno.connect({ hostname: "127.0.0.1", port })),
    );
    for (const c of many) await c.write(enc.encode("GET / HTTP/1.1\r\n"));
    const ok = await rawExchange(port, ["GET /fine HTTP/1.1\r\nConnection: close\r\n\r\n"]);
    assert.ok(fromLatin1(ok.data).endsWith("hello /fine"));
    // A 1 MB request line: 414, connection closed.
    const long = await rawExchange(port, ["GET /" + "a".repeat(1 << 20) + " HTTP/1.1\r\n\r\n"]);
    assert.match(fromLatin1(long.data), /^HTTP\/1.1 414 URI Too Long/);
    assert.notEqual(long.end, "open");
    // 10 000 headers: 431 after the 100th line.
    const flood = await rawExchange(port, [
      "GET / HTTP/1.1\r\n" + "X: y\r\n".repeat(10000) + "\r\n",
    ]);
    assert.match(fromLatin1(flood.data), /^HTTP\/1.1 431 Too many headers/);
    // A header line of 1 MB: 431 Line too long.
    const big = await rawExchange(port, ["GET / HTTP/1.1\r\nX: " + "b".repeat(1 << 20) + "\r\n\r\n"]);
    assert.match(fromLatin1(big.data), /^HTTP\/1.1 431 Line too long/);
    // Still serving.
    const again = await rawExchange(port, ["GET /again HTTP/1.0\r\n\r\n"]);
    assert.ok(fromLatin1(again.data).endsWith("hello /again"));
    await dribble;
    slow.close();
    for (const c of many) c.close();
  });
});

Deno.test("handlers may be sync or async; unknown methods get 501; HEAD of an error has no body", async () => {
  class Mixed extends BaseHTTPRequestHandler {
    do_GET(): void {
      this.send_response(200, "Fine");
      this.send_header("X-Sync", "1");
      this.end_headers();
      this.wfile.write(enc.encode("sync"));
    }
    async do_PUT(): Promise<void> {
      const body = await this.rfile.read(parseInt(this.headers.get("Content-Length") ?? "0", 10));
      this.send_response(201);
      this.end_headers();
      this.wfile.write(body);
    }
    do_HEAD(): void {
      this.send_error(404);
    }
    override log_message(): void {}
  }
  await withServer(new HTTPServer(["127.0.0.1", 0], Mixed), async (port) => {
    const a = fromLatin1((await rawExchange(port, ["GET / HTTP/1.0\r\n\r\n"])).data);
    assert.match(
      a,
      /^HTTP\/1.0 200 Fine\r\nServer: BaseHTTP\/0.6 Deno\/[\d.]+\r\nDate: .* GMT\r\nX-Sync: 1\r\n\r\nsync$/,
    );
    const b = fromLatin1((await rawExchange(port, ["PUT /x HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc"])).data);
    assert.ok(b.startsWith("HTTP/1.0 201 Created\r\n") && b.endsWith("\r\n\r\nabc"));
    const c = fromLatin1((await rawExchange(port, ["DELETE / HTTP/1.0\r\n\r\n"])).data);
    assert.match(c, /^HTTP\/1.0 501 Unsupported method \('DELETE'\)/);
    const d = fromLatin1((await rawExchange(port, ["HEAD / HTTP/1.0\r\n\r\n"])).data);
    assert.match(d, /^HTTP\/1.0 404 Not Found\r\n/);
    assert.ok(d.endsWith("\r\n\r\n"), "HEAD error responses carry no body");
  });
});

Deno.test("handle_expect_100 can refuse a request", async () => {
  class Refuse extends BaseHTTPRequestHandler {
    override protocol_version = "HTTP/1.1";
    override handle_expect_100(): boolean {
      this.send_error(417);
      return false;
    }
    do_POST(): void {
      throw new Error("not reached");
    }
    override log_message(): void {}
  }
  await withServer(new HTTPServer(["127.0.0.1", 0], Refuse), async (port) => {
    const r = await rawExchange(port, [
      "POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n",
    ]);
    assert.match(fromLatin1(r.data), /^HTTP\/1.1 417 Expectation Failed\r\n/);
    assert.notEqual(r.end, "open");
  });
});

Deno.test("SimpleHTTPRequestHandler: Range requests (206, 416), Accept-Ranges, If-Range", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/f.txt`, "0123456789");
  const big = new Uint8Array(600_000).map((_, i) => i % 251);
  await Deno.writeFile(`${dir}/big.bin`, big);
  class Files extends SimpleHTTPRequestHandler {
    constructor(r: Deno.Conn, a: ServerAddress, s: HTTPServer) {
      super(r, a, s, { directory: dir, extra_response_headers: [["X-Extra", "yes"]] });
    }
    override log_message(): void {}
  }
  try {
    await withServer(new ThreadingHTTPServer(["127.0.0.1", 0], Files), async (port) => {
      const get = async (range: string, extra = "") => {
        const r = await rawExchange(port, [`GET /f.txt HTTP/1.0\r\nRange: ${range}\r\n${extra}\r\n`]);
        return fromLatin1(r.data);
      };
      let t = await get("bytes=2-4");
      assert.match(t, /^HTTP\/1.0 206 Partial Content\r\n/);
      assert.match(t, /\r\nContent-Range: bytes 2-4\/10\r\n/);
      assert.match(t, /\r\nContent-Length: 3\r\n/);
      assert.match(t, /\r\nX-Extra: yes\r\n/);
      assert.ok(t.endsWith("\r\n\r\n234"));
      t = await get("bytes=7-");
      assert.ok(t.endsWith("789"));
      t = await get("bytes=-2");
      assert.ok(t.endsWith("\r\n\r\n89"));
      t = await get("bytes=5-100");
      assert.ok(t.endsWith("\r\n\r\n56789"));
      t = await get("bytes=10-");
      assert.match(t, /^HTTP\/1.0 416 Range Not Satisfiable\r\n/);
      assert.match(t, /\r\nContent-Range: bytes \*\/10\r\n/);
      t = await get("bytes=0-1,3-4");
      assert.match(t, /^HTTP\/1.0 200 OK\r\n/);
      assert.match(t, /\r\nAccept-Ranges: bytes\r\n/);
      t = await get("bytes=0-1", "If-Range: Sat, 01 Jan 2000 00:00:00 GMT\r\n");
      assert.match(t, /^HTTP\/1.0 200 OK\r\n/);
      const r = await rawExchange(port, ["GET /big.bin HTTP/1.0\r\nRange: bytes=500000-500009\r\n\r\n"]);
      const body = r.data.subarray(r.data.length - 10);
      assert.deepEqual([...body], [...big.subarray(500000, 500010)]);
      const full = await rawExchange(port, ["GET /big.bin HTTP/1.0\r\n\r\n"]);
      const hdrEnd = fromLatin1(full.data.subarray(0, 400)).indexOf("\r\n\r\n") + 4;
      assert.equal(full.data.length - hdrEnd, big.length);
      assert.deepEqual(full.data.subarray(hdrEnd, hdrEnd + 1000), big.subarray(0, 1000));
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("HTTPSServer serves over TLS (curl with a per-run CA)", async () => {
  if (!have("openssl") || !have("curl")) {
    if (inCI) throw new Error("openssl and curl are needed: apt-get install openssl curl");
    return;
  }
  const dir = await Deno.makeTempDir();
  try {
    const run = (args: string[]) =>
      new Deno.Command("openssl", { args, cwd: dir, stdout: "null", stderr: "null" }).output();
    await run([
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "ca.key",
      "-out",
      "ca.pem",
      "-days",
      "2",
      "-subj",
      "/CN=pyweb test CA",
    ]);
    await run([
      "req",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "leaf.key",
      "-out",
      "leaf.csr",
      "-subj",
      "/CN=localhost",
    ]);
    await Deno.writeTextFile(`${dir}/ext.cnf`, "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    await run([
      "x509",
      "-req",
      "-in",
      "leaf.csr",
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      "leaf.pem",
      "-days",
      "2",
      "-extfile",
      "ext.cnf",
    ]);
    const server = new HTTPSServer(["127.0.0.1", 0], Hello, {
      certfile: `${dir}/leaf.pem`,
      keyfile: `${dir}/leaf.key`,
    });
    assert.deepEqual(server.alpn_protocols, ["http/1.1"]);
    await withServer(server, async (port) => {
      const out = await new Deno.Command("curl", {
        args: [
          "-s",
          "--cacert",
          `${dir}/ca.pem`,
          `https://127.0.0.1:${port}/tls`,
          `https://127.0.0.1:${port}/again`,
        ],
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.equal(new TextDecoder().decode(out.stdout), "hello /tlshello /again");
      // A plain-HTTP client on the TLS port is dropped; the server goes on.
      const plain = await rawExchange(port, ["GET / HTTP/1.0\r\n\r\n"]);
      assert.notEqual(plain.end, "open");
      const again = await new Deno.Command("curl", {
        args: ["-s", "--cacert", `${dir}/ca.pem`, `https://127.0.0.1:${port}/after`],
        stdout: "piped",
      }).output();
      assert.equal(new TextDecoder().decode(again.stdout), "hello /after");
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("log lines, control-character escaping (gh-100001) and handle_error's traceback block", async () => {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", PEERS + "error_server.ts"],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let line = "";
  while (!line.includes("\n")) line += (await reader.read()).value ?? "";
  const port = Number(line.trim().split(" ")[1]);
  const a = await rawExchange(port, ["GET /ok HTTP/1.0\r\n\r\n"]);
  assert.ok(fromLatin1(a.data).endsWith("ok"));
  const b = await rawExchange(port, ["GET /boom HTTP/1.0\r\n\r\n"]);
  assert.equal(b.data.length, 0);
  const c = await rawExchange(port, ["GET /ok\x7f\x1b[31m\\ HTTP/1.0\r\n\r\n"]);
  assert.ok(fromLatin1(c.data).endsWith("\r\n\r\nok"), "control characters reach the handler");
  const err = await readAll(child.stderr);
  await reader.cancel();
  await child.status;
  const lines = err.split("\n");
  assert.match(
    lines[0],
    /^127\.0\.0\.1 - - \[\d\d\/[A-Z][a-z]{2}\/\d{4} \d\d:\d\d:\d\d\] "GET \/ok HTTP\/1.0" 200 -$/,
  );
  assert.match(err, /\] custom text 42 "quote'd"\n/);
  assert.ok(err.includes('] "GET /ok\\x7f\\x1b[31m\\\\ HTTP/1.0" 200 -\n'), err);
  const block = err.slice(err.indexOf("-".repeat(40)));
  assert.match(
    block,
    /^-{40}\nException occurred during processing of request from \('127\.0\.0\.1', \d+\)\nTraceback \(most recent call last\):\n( {2}File ".*", line \d+, in .*\n)+TypeError: boom\n-{40}\n/,
  );
});

Deno.test("command line: banner, directory listing and Ctrl-C like python -m http.server", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/a.txt`, "A");
  await Deno.writeTextFile(`${dir}/README`, "R");
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      ROOT + "http/server.ts",
      String(port),
      "-b",
      "127.0.0.1",
      "-d",
      dir,
      "-H",
      "X-Test",
      "1",
      "--content-type",
      "text/plain; charset=utf-8",
    ],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  try {
    await waitForPort(port);
    const r = fromLatin1((await rawExchange(port, ["GET /a.txt HTTP/1.0\r\n\r\n"])).data);
    assert.match(r, /^HTTP\/1.0 200 OK\r\nServer: SimpleHTTP\/0.6 Deno\/[\d.]+\r\n/);
    assert.match(r, /\r\nX-Test: 1\r\n/);
    assert.ok(r.endsWith("A"));
    const readme = fromLatin1((await rawExchange(port, ["GET /README HTTP/1.0\r\n\r\n"])).data);
    assert.match(
      readme,
      /\r\nContent-type: text\/plain; charset=utf-8\r\n/,
      "--content-type for unknown types",
    );
  } finally {
    child.kill("SIGINT");
    const [out, err] = await Promise.all([readAll(child.stdout), readAll(child.stderr)]);
    const status = await child.status;
    await Deno.remove(dir, { recursive: true });
    assert.equal(
      out,
      `Serving HTTP on 127.0.0.1 port ${port} (http://127.0.0.1:${port}/) ...\n\nKeyboard interrupt received, exiting.\n`,
    );
    assert.match(err, /"GET \/a.txt HTTP\/1.0" 200 -/);
    assert.match(err, /"GET \/README HTTP\/1.0" 200 -/);
    assert.equal(status.code, 0);
  }
});

Deno.test("traversal and open redirect are contained (no oracle needed)", async () => {
  const root = await Deno.makeTempDir();
  const www = `${root}/www`;
  await Deno.mkdir(`${www}/evil.com`, { recursive: true });
  await Deno.mkdir(`${www}/sub`);
  await Deno.writeTextFile(`${www}/ok.txt`, "ok");
  await Deno.writeTextFile(`${root}/secret.txt`, "TOP SECRET");
  class Files extends SimpleHTTPRequestHandler {
    constructor(r: Deno.Conn, a: ServerAddress, s: HTTPServer) {
      super(r, a, s, { directory: www });
    }
    override log_message(): void {}
  }
  try {
    await withServer(new ThreadingHTTPServer(["127.0.0.1", 0], Files), async (port) => {
      const attacks = [
        "/../secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e/secret.txt",
        "/%252e%252e/secret.txt",
        "/..%252fsecret.txt",
        "/..\\secret.txt",
        "/..%5csecret.txt",
        "/c:/secret.txt",
        "/C:..\\secret.txt",
        "/sub/../../secret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt",
        "/%00/../secret.txt",
        `/${"../".repeat(50)}secret.txt`,
        "//../secret.txt",
      ];
      for (const p of attacks) {
        const t = fromLatin1((await rawExchange(port, [`GET ${p} HTTP/1.0\r\n\r\n`])).data);
        assert.ok(!t.includes("TOP SECRET"), p);
        assert.match(t, /^HTTP\/1.0 404 /, p);
      }
      // CVE-2021-28861: the redirect for a directory must not point at another host.
      for (const p of ["//evil.com/%2e%2e", "//evil.com", "///evil.com", "/\\evil.com"]) {
        const t = fromLatin1((await rawExchange(port, [`GET ${p} HTTP/1.0\r\n\r\n`])).data);
        const loc = /\r\nLocation: ([^\r]*)/.exec(t)?.[1];
        if (loc !== undefined) assert.ok(loc.startsWith("/") && !loc.startsWith("//"), `${p} -> ${loc}`);
      }
      const ok = fromLatin1((await rawExchange(port, ["GET /ok.txt HTTP/1.0\r\n\r\n"])).data);
      assert.ok(ok.endsWith("\r\n\r\nok"));
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("hostile Range and If-Modified-Since headers are handled in linear time", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/f.txt`, "0123456789");
  class Files extends SimpleHTTPRequestHandler {
    constructor(r: Deno.Conn, a: ServerAddress, s: HTTPServer) {
      super(r, a, s, { directory: dir });
    }
    override log_message(): void {}
  }
  try {
    await withServer(new ThreadingHTTPServer(["127.0.0.1", 0], Files), async (port) => {
      for (
        const h of [
          "Range: bytes=" + " ".repeat(60000) + "x",
          "Range: bytes=" + "1".repeat(60000) + "-" + " ".repeat(1000) + "x",
          "If-Modified-Since: " + "Mon, ".repeat(12000),
          "If-Modified-Since: " + "1:".repeat(30000),
        ]
      ) {
        const t = fromLatin1((await rawExchange(port, [`GET /f.txt HTTP/1.0\r\n${h}\r\n\r\n`], 2000)).data);
        assert.match(t, /^HTTP\/1.0 200 OK\r\n/);
        assert.ok(t.endsWith("0123456789"));
      }
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("send_head()'s file: read() with no argument returns the whole file, read(n) at most n", async () => {
  // Python's f.read() reads to the end; a handler that copies the file itself must get all of it.
  const dir = await Deno.makeTempDir();
  const big = new Uint8Array(3_000_000).map((_, i) => (i * 7) % 256);
  await Deno.writeFile(`${dir}/big.bin`, big);
  class WholeRead extends SimpleHTTPRequestHandler {
    constructor(r: Deno.Conn, a: ServerAddress, s: HTTPServer) {
      super(r, a, s, { directory: dir });
    }
    override log_message(): void {}
    override async do_GET(): Promise<void> {
      const f = await this.send_head();
      if (!f) return;
      const first = await f.read(10);
      const rest = await f.read();
      assert.equal(first.length, 10);
      assert.equal((await f.read()).length, 0, "nothing is left after read()");
      this.wfile.write(first);
      this.wfile.write(rest);
      f.close();
    }
  }
  try {
    await withServer(new HTTPServer(["127.0.0.1", 0], WholeRead), async (port) => {
      const body = new Uint8Array(await (await fetch(`http://127.0.0.1:${port}/big.bin`)).arrayBuffer());
      assert.equal(body.length, big.length);
      assert.deepEqual(body, big);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** One request on a fresh connection; the whole answer as Latin-1 text. */
async function ask(port: number, request: string): Promise<string> {
  return fromLatin1((await rawExchange(port, [request])).data);
}

Deno.test("class attributes: BaseHTTPRequestHandler's are read from the class and overridden by static or field", async () => {
  assert.equal(BaseHTTPRequestHandler.protocol_version, "HTTP/1.0");
  assert.equal(BaseHTTPRequestHandler.server_version, "BaseHTTP/0.6");
  assert.ok(BaseHTTPRequestHandler.sys_version.startsWith("Deno/"));
  assert.equal(BaseHTTPRequestHandler.error_message_format, DEFAULT_ERROR_MESSAGE);
  assert.equal(BaseHTTPRequestHandler.error_content_type, "text/html;charset=utf-8");
  assert.equal(BaseHTTPRequestHandler.default_request_version, "HTTP/0.9");
  assert.deepEqual([...BaseHTTPRequestHandler.responses[404]], [
    "Not Found",
    "Nothing matches the given URI",
  ]);
  assert.equal(typeof BaseHTTPRequestHandler.MessageClass, "function");
  assert.equal(BaseHTTPRequestHandler.weekdayname[0], "Mon");
  assert.equal(BaseHTTPRequestHandler.monthname[12], "Dec");
  assert.equal(SimpleHTTPRequestHandler.server_version, "SimpleHTTP/0.6");
  assert.deepEqual(SimpleHTTPRequestHandler.index_pages, ["index.html", "index.htm"]);
  assert.equal(SimpleHTTPRequestHandler.extensions_map[".gz"], "application/gzip");
  assert.deepEqual(CGIHTTPRequestHandler.cgi_directories, ["/cgi-bin", "/htbin"]);
  assert.equal(CGIHTTPRequestHandler.have_fork, true);
  assert.equal(CGIHTTPRequestHandler.rbufsize, 0);
  assert.equal(HTTPServer.allow_reuse_address, true);
  assert.equal(ThreadingHTTPServer.daemon_threads, true);

  class Static11 extends BaseHTTPRequestHandler {
    static override protocol_version = "HTTP/1.1";
    static override server_version = "Mine/1";
    do_GET() {
      this.send_response(200);
      this.send_header("Content-Length", "0");
      this.end_headers();
    }
    override log_message() {}
  }
  class Field11 extends Static11 {
    override protocol_version = "HTTP/1.0";
  }
  for (const [Handler, version] of [[Static11, "HTTP/1.1"], [Field11, "HTTP/1.0"]] as const) {
    await withServer(new HTTPServer(["127.0.0.1", 0], Handler), async (port) => {
      const raw = await ask(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
      assert.ok(raw.startsWith(`${version} 200 OK\r\nServer: Mine/1 Deno/`), raw);
    });
  }
  // Set on the class at run time: handlers without their own value follow.
  Static11.server_version = "Changed/2";
  await withServer(new HTTPServer(["127.0.0.1", 0], Static11), async (port) => {
    const raw = await ask(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert.match(raw, /\r\nServer: Changed\/2 Deno\//);
  });
  assert.equal(BaseHTTPRequestHandler.server_version, "BaseHTTP/0.6");
});

Deno.test("flush_headers() hands wfile.write() new bytes each time (a wfile may keep what it is given)", () => {
  const kept: Uint8Array[] = [];
  const h = Object.create(BaseHTTPRequestHandler.prototype) as BaseHTTPRequestHandler;
  h._headers_buffer = [];
  h.request_version = "HTTP/1.0";
  (h as { wfile: unknown }).wfile = { write: (b: Uint8Array) => kept.push(b) };
  h.send_response_only(200);
  h.send_header("X-First", "1");
  h.end_headers();
  h.send_response_only(404);
  h.send_header("X-Second", "2");
  h.end_headers();
  assert.deepEqual(kept.map((b) => fromLatin1(b)), [
    "HTTP/1.0 200 OK\r\nX-First: 1\r\n\r\n",
    "HTTP/1.0 404 Not Found\r\nX-Second: 2\r\n\r\n",
  ]);
  assert.notEqual(kept[0].buffer, kept[1].buffer);
});

Deno.test("send_response/send_header bind every call through their tables: an undefined value is not given", () => {
  const h = Object.create(BaseHTTPRequestHandler.prototype) as BaseHTTPRequestHandler;
  h._headers_buffer = [];
  h.request_version = "HTTP/1.0";
  const call = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
    return "ok";
  };
  assert.equal(
    call(() => h.send_header("X", undefined as unknown as string)),
    "TypeError: BaseHTTPRequestHandler.send_header() missing 1 required positional argument: 'value'",
  );
  assert.equal(
    call(() => h.send_response_only(undefined as unknown as number)),
    "TypeError: BaseHTTPRequestHandler.send_response_only() missing 1 required positional argument: 'code'",
  );
  h.send_response_only(200, undefined);
  h.send_header("X", 5);
  assert.deepEqual(h._headers_buffer, ["HTTP/1.0 200 OK\r\n", "X: 5\r\n"]);
});

Deno.test("keyword forms of the handler's methods: send_error(code, { explain }), send_header({ keyword, value })", async () => {
  const logged: unknown[][] = [];
  class Kw extends BaseHTTPRequestHandler {
    do_GET() {
      if (this.path === "/err") {
        this.send_error(404, { explain: "not here" });
        return;
      }
      this.send_response({ code: 200, message: "Fine" });
      this.send_header({ keyword: "X-Kw", value: "yes" });
      this.send_header("Content-Length", { value: "0" });
      this.end_headers();
    }
    override log_message(format: string, ...args: unknown[]) {
      logged.push([format, ...args]);
    }
  }
  await withServer(new HTTPServer(["127.0.0.1", 0], Kw), async (port) => {
    const ok = await ask(port, "GET / HTTP/1.0\r\n\r\n");
    assert.ok(ok.startsWith("HTTP/1.0 200 Fine\r\n"), ok);
    assert.match(ok, /\r\nX-Kw: yes\r\n/);
    const err = await ask(port, "GET /err HTTP/1.0\r\n\r\n");
    assert.ok(err.startsWith("HTTP/1.0 404 Not Found\r\n"), err);
    assert.match(err, /Error code explanation: 404 - not here\./);
  });
  assert.ok(logged.some((l) => l[0] === "code %d, message %s" && l[1] === 404));
  const h = Object.create(BaseHTTPRequestHandler.prototype) as BaseHTTPRequestHandler;
  assert.equal(h.date_time_string({ timestamp: 0 }), "Thu, 01 Jan 1970 00:00:00 GMT");
  assert.throws(
    () => (h.send_header as (...a: unknown[]) => void)("A", "1", { bogus: 1 }),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "BaseHTTPRequestHandler.send_header() got an unexpected keyword argument 'bogus'",
  );
  // The methods take exactly their parameters (no rest parameter): more arguments still raise CPython's
  // TypeError, and a trailing undefined is still not given.
  const tooMany: [string, unknown[], string][] = [
    ["send_header", ["A", "1", "x"], "send_header() takes 3 positional arguments but 4 were given"],
    [
      "send_response",
      [200, "OK", "x"],
      "send_response() takes from 2 to 3 positional arguments but 4 were given",
    ],
    [
      "send_response_only",
      [200, "OK", "x"],
      "send_response_only() takes from 2 to 3 positional arguments but 4 were given",
    ],
    [
      "date_time_string",
      [0, 1],
      "date_time_string() takes from 1 to 2 positional arguments but 3 were given",
    ],
    ["log_request", [200, 0, 1], "log_request() takes from 1 to 3 positional arguments but 4 were given"],
  ];
  for (const [name, args, message] of tooMany) {
    const method = (h as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
    assert.throws(
      () => method.apply(h, args),
      (e: Error) => e instanceof TypeError && e.message === `BaseHTTPRequestHandler.${message}`,
    );
  }
  assert.equal(
    (h.date_time_string as (...a: unknown[]) => string).call(h, 0, undefined),
    "Thu, 01 Jan 1970 00:00:00 GMT",
  );
});

Deno.test("HTTPSServer: an unreadable certificate raises ssl.SSLError, a missing one FileNotFoundError", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/bad.pem`, "not a certificate\n");
    assert.throws(
      () => new HTTPSServer(["127.0.0.1", 0], BaseHTTPRequestHandler, { certfile: `${dir}/bad.pem` }),
      (e: Error) =>
        e instanceof SSLError && e instanceof OSError && (e as SSLError).errno === 524297 &&
        e.message === "[Errno 524297] [SSL] PEM lib (_ssl.c:3916)",
    );
    assert.throws(
      () => new HTTPSServer(["127.0.0.1", 0], BaseHTTPRequestHandler, { certfile: `${dir}/missing.pem` }),
      FileNotFoundError,
    );
    assert.throws(
      () => Reflect.construct(HTTPSServer, [["127.0.0.1", 0], BaseHTTPRequestHandler]),
      (e: Error) =>
        e instanceof TypeError &&
        e.message === "HTTPSServer.__init__() missing 1 required keyword-only argument: 'certfile'",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("test() sets ServerClass.address_family from the bind address and HandlerClass.protocol_version", async () => {
  for (const [bind, family] of [["::1", "AF_INET6"], ["127.0.0.1", "AF_INET"]] as const) {
    let seen: [string, string, number] | null = null;
    class OneShot extends ThreadingHTTPServer {
      override server_activate(): void {
        seen = [this.address_family, this.server_address[0], this.server_port];
        void this.shutdown(); // test()'s serve_forever() returns at once
      }
    }
    class Handler extends BaseHTTPRequestHandler {}
    const log = console.log;
    const printed: string[] = [];
    console.log = (...a: unknown[]) => printed.push(a.join(" "));
    try {
      await test({ HandlerClass: Handler, ServerClass: OneShot, protocol: "HTTP/1.1", port: 0, bind });
    } finally {
      console.log = log;
    }
    assert.equal(OneShot.address_family, family);
    assert.equal(Handler.protocol_version, "HTTP/1.1");
    assert.equal(BaseHTTPRequestHandler.protocol_version, "HTTP/1.0");
    assert.ok(seen);
    const [fam, host, port] = seen as [string, string, number];
    assert.equal(fam, family);
    assert.equal(host, bind);
    const urlHost = bind.includes(":") ? `[${bind}]` : bind;
    assert.deepEqual(printed, [`Serving HTTP on ${bind} port ${port} (http://${urlHost}:${port}/) ...`]);
  }
});

Deno.test("CGI scripts run as user nobody when the server runs as root (nobody_uid())", async () => {
  const passwd = Deno.readTextFileSync("/etc/passwd");
  const entry = passwd.split("\n").find((l) => l.startsWith("nobody:"));
  const expectedNobody = entry ? Number(entry.split(":")[2]) : null;
  if (expectedNobody !== null) assert.equal(nobody_uid(), expectedNobody);
  const dir = await Deno.makeTempDir({ prefix: "pyweb_cgi_uid_" });
  try {
    await Deno.mkdir(`${dir}/cgi-bin`);
    await Deno.writeTextFile(
      `${dir}/cgi-bin/uid.sh`,
      "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\n'\nid -u\n",
    );
    await Deno.chmod(`${dir}/cgi-bin/uid.sh`, 0o755);
    for (const d of ["", "/cgi-bin"]) await Deno.chmod(dir + d, 0o755); // nobody must reach the script
    class Cgi extends CGIHTTPRequestHandler {
      constructor(...args: ConstructorParameters<typeof CGIHTTPRequestHandler>) {
        super(args[0], args[1], args[2], { directory: dir });
      }
      override log_message() {}
    }
    await Deno.writeTextFile(`${dir}/cgi-bin/broken.sh`, "#!/nonexistent/interpreter\n");
    await Deno.chmod(`${dir}/cgi-bin/broken.sh`, 0o755);
    const errors: unknown[] = [];
    class Recording extends HTTPServer {
      override handle_error(_r: unknown, _a: unknown): void {
        errors.push(this.exc_info?.[1]);
      }
    }
    await withServer(new Recording(["127.0.0.1", 0], Cgi), async (port) => {
      // A script that cannot be executed goes to handle_error(), with the error in exc_info.
      const broken = await ask(port, "GET /cgi-bin/broken.sh HTTP/1.0\r\n\r\n");
      assert.ok(broken.startsWith("HTTP/1.0 200 Script output follows\r\n"), broken);
      assert.equal(errors.length, 1);
      assert.ok(errors[0] instanceof Error, String(errors[0]));
      const raw = await ask(port, "GET /cgi-bin/uid.sh HTTP/1.0\r\n\r\n");
      assert.ok(raw.startsWith("HTTP/1.0 200 Script output follows\r\n"), raw);
      const uid = Number(raw.slice(raw.indexOf("\r\n\r\n", raw.indexOf("Content-Type")) + 4).trim());
      assert.equal(uid, Deno.uid() === 0 ? nobody_uid() : Deno.uid());
      if (Deno.uid() === 0) assert.notEqual(uid, 0);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
