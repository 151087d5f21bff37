// wsgi/fetch: differential test against CPython 3.14's wsgiref. The same WSGI applications
// (tests/wsgi/_apps.ts and tests/wsgi/peers/wsgi_apps.py) are served by serve() and by
// wsgiref.simple_server; one fetch() client asks both and compares status, headers and body.
// Allowed differences (docs/divergences.md, wsgi.fetch): HTTP/1.1 framing and keep-alive
// (Transfer-Encoding, Connection, Keep-Alive), Date and Server; in the environ, the values that name
// the server (SERVER_NAME, SERVER_PORT, SERVER_SOFTWARE, HTTP_HOST).

import assert from "node:assert/strict";
import { serve } from "../../wsgi/fetch.ts";
import { StringIO } from "../../io.ts";
import { app } from "./_apps.ts";
import { ORACLE_PATH, oraclePython, peerTest } from "./_helpers.ts";

const PEER = new URL("./peers/wsgi_apps.py", import.meta.url).pathname;
const HINT = "CPython 3.13 (pyenv) with ../shared/cpython314 beside the repo";

async function startPeer(python: string): Promise<{ port: number; child: Deno.ChildProcess }> {
  const child = new Deno.Command(python, {
    args: ["-u", "-c", `import runpy; runpy.run_path(${JSON.stringify(PEER)}, run_name="__main__")`],
    clearEnv: true,
    env: {
      PYTHONPATH: ORACLE_PATH,
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      PYTHONIOENCODING: "utf-8",
    },
    stdout: "piped",
    stderr: "null",
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
  return { port: Number(text.trim()), child };
}

/** Framing and per-server headers, which may differ. */
const IGNORED = new Set(["date", "server", "connection", "keep-alive", "transfer-encoding"]);

interface Answer {
  status: number;
  reason: string;
  headers: [string, string][];
  body: Uint8Array;
}

async function ask(port: number, path: string, init: RequestInit = {}): Promise<Answer> {
  const resp = await fetch(`http://127.0.0.1:${port}${path}`, init);
  const body = new Uint8Array(await resp.arrayBuffer());
  const headers = [...resp.headers].filter(([k]) => !IGNORED.has(k));
  return { status: resp.status, reason: resp.statusText, headers, body };
}

const CASES: [string, string, RequestInit?][] = [
  ["hello", "/hello"],
  ["streaming (generator)", "/stream"],
  ["write()", "/write"],
  ["write() then iterable", "/write_then_iter"],
  ["raise before start_response", "/raise_before"],
  ["raise after start_response", "/raise_after"],
  ["HEAD", "/hello", { method: "HEAD" }],
  ["large body, 16 chunks", "/large"],
  ["large body, one chunk", "/large_one"],
  ["file wrapper", "/file"],
  ["exc_info replaces the response", "/exc_info"],
  ["hop-by-hop header refused", "/hop"],
  ["str body refused", "/str_body"],
  ["None body", "/none"],
  ["start_response twice", "/double_start"],
  ["app's Content-Length", "/content_length"],
  ["204, empty", "/empty"],
  ["many headers", "/headers"],
  ["validator on top, clean", "/validated"],
  ["validator on top, rejecting", "/validated_bad"],
  ["404 with a quoted path", "/caf%C3%A9%20x"],
  ["POST body echoed", "/echo", { method: "POST", body: "b".repeat(100_000) }],
];

/** Environ values that name the server or its software, and so differ by design. */
const SERVER_KEYS = new Set(["SERVER_NAME", "SERVER_PORT", "SERVER_SOFTWARE", "HTTP_HOST"]);

const ENVIRON_CASES: [string, string, RequestInit?][] = [
  ["plain GET", "/environ"],
  ["query and headers", "/environ/x?a=1&b=%20", {
    headers: { "X-Custom": "v", "User-Agent": "t/1", Cookie: "a=1; b=2", Accept: "  spaced  " },
  }],
  ["POST with type and length", "/environ/caf%C3%A9%2Fx", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "a=1",
  }],
  ["latin-1 path bytes", "/environ/%E9t%E9;p=1"],
];

peerTest(
  "wsgi.fetch: responses and environ match CPython's wsgiref, framing, Date and Server aside",
  oraclePython,
  HINT,
  async (python) => {
    const peer = await startPeer(python);
    const errors = new StringIO();
    const server = serve(app, { hostname: "127.0.0.1", port: 0, errors, onListen() {} });
    const ours = server.addr.port;
    const failures: string[] = [];
    try {
      assert.ok(peer.port > 0, "the Python peer did not start");
      for (const [name, path, init] of CASES) {
        const py = await ask(peer.port, path, init);
        const ts = await ask(ours, path, init);
        // Deno never sends Content-Length with a 204 (RFC 9110 §8.6 forbids it); wsgiref sends 0.
        if (py.status === 204) py.headers = py.headers.filter(([k]) => k !== "content-length");
        try {
          assert.equal(ts.status, py.status);
          assert.equal(ts.reason, py.reason);
          assert.deepEqual(ts.headers, py.headers);
          assert.deepEqual(ts.body, py.body);
        } catch (e) {
          failures.push(`${name}: ${(e as Error).message.slice(0, 600)}`);
        }
      }
      for (const [name, path, init] of ENVIRON_CASES) {
        const py = JSON.parse(new TextDecoder().decode((await ask(peer.port, path, init)).body));
        const ts = JSON.parse(new TextDecoder().decode((await ask(ours, path, init)).body));
        const onlyPy = Object.keys(py).filter((k) => !(k in ts));
        if (onlyPy.length) failures.push(`environ ${name}: we lack ${onlyPy.join(", ")}`);
        for (const k of Object.keys(py)) {
          if (!(k in ts) || SERVER_KEYS.has(k)) continue;
          if (JSON.stringify(ts[k]) !== JSON.stringify(py[k])) {
            failures.push(
              `environ ${name}: ${k} is ${JSON.stringify(ts[k])}, wsgiref ${JSON.stringify(py[k])}`,
            );
          }
        }
        assert.equal(ts.SERVER_PORT, String(ours));
        assert.equal(ts.HTTP_HOST, `127.0.0.1:${ours}`);
      }
    } finally {
      await server.shutdown();
      peer.child.kill();
      await peer.child.status;
    }
    assert.deepEqual(failures, []);
    const log = errors.getvalue();
    for (const msg of ["ValueError: before start_response", "ValueError: after start_response"]) {
      assert.ok(log.includes(msg), `not logged: ${msg}`);
    }
  },
);
