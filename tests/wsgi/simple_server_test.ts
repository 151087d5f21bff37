// wsgi.simple_server: differential test against CPython 3.14's
// wsgiref.simple_server (the same applications written in Python and in
// TypeScript, raw responses compared byte for byte, Date/Server aside),
// the environ compared key by key, and error logging.

import assert from "node:assert/strict";
import {
  make_server,
  ServerHandler,
  software_version,
  WSGIRequestHandler,
  WSGIServer,
} from "../../wsgi/simple_server.ts";
import { StringIO } from "../../io.ts";
import type { ErrorStream, WSGIApplication } from "../../wsgi/types.ts";
import { app } from "./_apps.ts";
import { exchange, fromLatin1, latin1, ORACLE_PATH, oraclePython, peerTest } from "./_helpers.ts";

const PEER = new URL("./peers/wsgi_apps.py", import.meta.url).pathname;
const HINT = "CPython 3.13 (pyenv) with ../shared/cpython314 beside the repo";

const errors = new StringIO();
const accessLog: string[] = [];

class QuietHandler extends WSGIRequestHandler {
  override get_stderr(): ErrorStream {
    return errors;
  }
  override log_message(format: string, ...args: unknown[]): void {
    accessLog.push(format + " " + args.join(" "));
  }
}

function normalize(raw: Uint8Array, port: number): string {
  return latin1(raw)
    .replace(/^Date: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\r$/m, "Date: <date>\r")
    .replace(/^Server: (WSGIServer|BaseHTTP)\/[\d.]+ \S+\r$/m, "Server: <server>\r")
    .replaceAll(String(port), "<port>");
}

function splitResponse(text: string): [string, string] {
  const i = text.indexOf("\r\n\r\n");
  return i < 0 ? [text, ""] : [text.slice(0, i), text.slice(i + 4)];
}

const enc = new TextEncoder();
const bigBody = "b".repeat(100_000);

const REQUESTS: [string, string][] = [
  ["hello 1.0", "GET /hello HTTP/1.0\r\n\r\n"],
  ["hello 1.1", "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"],
  ["head", "HEAD /hello HTTP/1.0\r\n\r\n"],
  ["http/0.9", "GET /hello\r\n"],
  ["stream (generator)", "GET /stream HTTP/1.0\r\n\r\n"],
  ["write()", "GET /write HTTP/1.0\r\n\r\n"],
  ["write() then iterable", "GET /write_then_iter HTTP/1.0\r\n\r\n"],
  ["raise before start_response", "GET /raise_before HTTP/1.0\r\n\r\n"],
  ["raise after start_response", "GET /raise_after HTTP/1.0\r\n\r\n"],
  ["raise after headers sent", "GET /raise_in_iter HTTP/1.0\r\n\r\n"],
  ["large body, 16 chunks", "GET /large HTTP/1.0\r\n\r\n"],
  ["large body, one chunk", "GET /large_one HTTP/1.0\r\n\r\n"],
  ["file wrapper", "GET /file HTTP/1.0\r\n\r\n"],
  ["bad status (short)", "GET /bad_status HTTP/1.0\r\n\r\n"],
  ["bad status (digits)", "GET /bad_status_digits HTTP/1.0\r\n\r\n"],
  ["bad status (control chars)", "GET /bad_status_ctrl HTTP/1.0\r\n\r\n"],
  ["bad header value", "GET /bad_header_value HTTP/1.0\r\n\r\n"],
  ["bad header type", "GET /bad_header_type HTTP/1.0\r\n\r\n"],
  ["hop-by-hop header", "GET /hop HTTP/1.0\r\n\r\n"],
  ["str body", "GET /str_body HTTP/1.0\r\n\r\n"],
  ["no start_response", "GET /no_start HTTP/1.0\r\n\r\n"],
  ["None body", "GET /none HTTP/1.0\r\n\r\n"],
  ["app Content-Length", "GET /content_length HTTP/1.0\r\n\r\n"],
  ["204 empty", "GET /empty HTTP/1.0\r\n\r\n"],
  ["two chunks", "GET /two_chunks HTTP/1.0\r\n\r\n"],
  ["echo POST body", `POST /echo HTTP/1.0\r\nContent-Length: ${bigBody.length}\r\n\r\n${bigBody}`],
  ["exc_info replaces", "GET /exc_info HTTP/1.0\r\n\r\n"],
  ["double start_response", "GET /double_start HTTP/1.0\r\n\r\n"],
  ["many headers", "GET /headers HTTP/1.0\r\n\r\n"],
  ["validator ok", "GET /validated HTTP/1.0\r\n\r\n"],
  ["validator rejects", "GET /validated_bad HTTP/1.0\r\n\r\n"],
  ["404 quoted path", "GET /caf%C3%A9%20x HTTP/1.0\r\n\r\n"],
  ["bad request line", "BOGUS\r\n\r\n"],
  ["bad version", "GET /hello HTTP/x.y\r\n\r\n"],
  ["HTTP/2.0", "GET /hello HTTP/2.0\r\n\r\n"],
  ["request line too long", `GET /${"a".repeat(70000)} HTTP/1.0\r\n\r\n`],
  ["empty request", ""],
  ["too many headers", "GET /hello HTTP/1.0\r\n" + "X-H: 1\r\n".repeat(120) + "\r\n"],
];

const ENVIRON_REQUESTS: [string, string][] = [
  ["plain GET", "GET /environ HTTP/1.0\r\n\r\n"],
  [
    "headers and query",
    "GET /environ/x?a=1&b=%20 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Custom: v\r\nX-Custom: w\r\nUser-Agent: t/1\r\n" +
    "X_Under: u\r\nCookie: a=1; b=2\r\nAccept:  spaced  \r\nConnection: close\r\n\r\n",
  ],
  [
    "POST with type and length",
    "POST /environ/caf%C3%A9%2Fx%ZZ HTTP/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=1",
  ],
  ["latin-1 path bytes", "GET /environ/%E9t%E9;p=1 HTTP/1.0\r\nContent-Length: 0\r\n\r\n"],
  ["https-ish header", "GET /environ HTTP/1.1\r\nHost: example.com:8080\r\nX-Forwarded-Proto: https\r\n\r\n"],
];

async function startPeer(
  python: string,
): Promise<{ port: number; child: Deno.ChildProcess; stderr: Promise<string> }> {
  const child = new Deno.Command(python, {
    args: ["-u", PEER],
    clearEnv: true,
    env: {
      PYTHONPATH: ORACLE_PATH,
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      PYTHONIOENCODING: "utf-8",
    },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const reader = child.stdout.getReader();
  let text = "";
  const deadline = Date.now() + 15_000;
  while (!text.includes("\n") && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  void child.stdout.cancel();
  const stderr = new Response(child.stderr).text();
  return { port: Number(text.trim()), child, stderr };
}

peerTest(
  "wsgi.simple_server: raw responses and environ match CPython's wsgiref",
  oraclePython,
  HINT,
  async (python) => {
    const peer = await startPeer(python);
    const server = make_server("127.0.0.1", 0, app, { handler_class: QuietHandler });
    const serving = server.serve_forever(0.05);
    const ours = server.server_port;
    let agree = 0, diverged = 0;
    const failures: string[] = [];
    try {
      assert.ok(peer.port > 0, "the Python peer did not start");
      for (const [name, req] of REQUESTS) {
        const data = enc.encode(req);
        const [py, ts] = await Promise.all([exchange(peer.port, data), exchange(ours, data)]);
        const a = normalize(py, peer.port), b = normalize(ts, ours);
        if (name === "http/0.9") {
          // Divergence (docs/divergences.md): CPython's get_environ() fails on an HTTP/0.9
          // request (its headers are a dict without get_content_type) and sends nothing;
          // we answer with the bare body, as HTTP/0.9 wants.
          assert.equal(a, "");
          assert.equal(b, "Hello world");
          diverged++;
          continue;
        }
        if (a === b) agree++;
        else {failures.push(
            `${name}:\n  py: ${JSON.stringify(a.slice(0, 400))}\n  ts: ${JSON.stringify(b.slice(0, 400))}`,
          );}
      }
      for (const [name, req] of ENVIRON_REQUESTS) {
        const data = enc.encode(req);
        const [py, ts] = await Promise.all([exchange(peer.port, data), exchange(ours, data)]);
        const [ha, ba] = splitResponse(normalize(py, peer.port));
        const [hb, bb] = splitResponse(normalize(ts, ours));
        const strip = (h: string) => h.replace(/\r\nContent-Length: \d+/, "");
        try {
          assert.equal(strip(hb), strip(ha));
          const utf8 = (t: string) => new TextDecoder().decode(fromLatin1(t));
          assert.deepEqual(JSON.parse(utf8(bb)), JSON.parse(utf8(ba)));
          agree++;
        } catch (e) {
          failures.push(`environ ${name}: ${(e as Error).message.slice(0, 1500)}`);
        }
      }
    } finally {
      await server.shutdown();
      await serving;
      await server.server_close();
      peer.child.kill();
      await peer.child.status;
      await peer.stderr;
    }
    const total = REQUESTS.length + ENVIRON_REQUESTS.length;
    console.log(
      `wsgiref differential: ${agree}/${total} exchanges identical, ${diverged} documented divergence`,
    );
    assert.deepEqual(failures, []);
    // Broken applications were answered with 500 and logged, as wsgiref does.
    const log = errors.getvalue();
    for (
      const msg of [
        "ValueError: before start_response",
        "ValueError: after start_response",
        "ValueError: in the body",
      ]
    ) {
      assert.ok(log.includes(msg), `not logged: ${msg}`);
    }
    assert.ok(log.includes("Traceback (most recent call last):"));
    assert.ok(accessLog.some((l) => l.includes("GET /hello HTTP/1.0") && l.includes("200")));
  },
);

Deno.test("wsgi.simple_server: WSGIServer environment and app", async () => {
  await using server = new WSGIServer(["127.0.0.1", 0], WSGIRequestHandler);
  assert.equal(server.server_name, "localhost");
  assert.deepEqual({ ...server.base_environ }, {
    SERVER_NAME: "localhost",
    GATEWAY_INTERFACE: "CGI/1.1",
    SERVER_PORT: String(server.server_port),
    REMOTE_HOST: "",
    CONTENT_LENGTH: "",
    SCRIPT_NAME: "",
  });
  server.set_app(app);
  assert.equal(server.get_app(), app);
});

Deno.test("wsgi.simple_server: class attributes (server_version, application, server_software) and make_server keywords", async () => {
  assert.equal(WSGIRequestHandler.server_version, "WSGIServer/0.2");
  assert.equal(WSGIServer.application, null);
  assert.equal(ServerHandler.server_software, software_version);
  class Versioned extends WSGIRequestHandler {
    static override server_version = "Mine/1.0";
  }
  const hello: WSGIApplication = (environ, sr) => {
    sr("200 OK", [["Content-Type", "text/plain"]]);
    return [new TextEncoder().encode(String(environ["SERVER_SOFTWARE"]))];
  };
  await using server = make_server("127.0.0.1", 0, hello, { handler_class: Versioned });
  assert.equal(server.get_app(), hello);
  const proto = Object.create(WSGIServer.prototype) as WSGIServer;
  assert.equal(proto.application, null, "an instance reads the class attribute");
  server.set_app({ application: hello });
  const serving = server.serve_forever(0.05);
  const resp = await fetch(`http://127.0.0.1:${server.server_port}/`);
  assert.equal(await resp.text(), "Mine/1.0", "a subclass's static server_version is SERVER_SOFTWARE");
  await server.shutdown();
  await serving;
  assert.throws(() => make_server("127.0.0.1", 0, hello, { bogus: 1 } as never), {
    name: "TypeError",
    message: "make_server() got an unexpected keyword argument 'bogus'",
  });
});
