// wsgi.handlers unit tests: close() is always called on the body (success, application error,
// error after the headers, client gone), async applications and async bodies, write() ordering,
// HEAD, large bodies streamed through the real server with backpressure.

import { catch_warnings, simplefilter } from "../../warnings.ts";
import { str } from "../../_util/repr.ts";
import assert from "node:assert/strict";
import { b } from "../../_util/bytes.ts";
import { BrokenPipeError } from "../../_util/exceptions.ts";
import {
  BaseCGIHandler,
  BaseHandler,
  CGIHandler,
  format_date_time,
  SimpleHandler,
} from "../../wsgi/handlers.ts";
import {
  make_server,
  ServerHandler,
  software_version,
  WSGIRequestHandler,
} from "../../wsgi/simple_server.ts";
import { BytesIO, StringIO } from "../../io.ts";
import { FileWrapper } from "../../wsgi/util.ts";
import { Headers } from "../../wsgi/headers.ts";
import { kw } from "../../_util/signature.ts";
import { delattr } from "../../_util/builtins.ts";
import type { ErrorStream, StartResponse, WSGIApplication } from "../../wsgi/types.ts";
import { exchange, latin1 } from "./_helpers.ts";

function collect() {
  const chunks: Uint8Array[] = [];
  return {
    chunks,
    stdout: { write: (d: Uint8Array) => (chunks.push(d.slice()), d.length) },
    text: () => chunks.map((c) => latin1(c)).join(""),
  };
}

async function runApp(app: WSGIApplication, stdout?: { write(d: Uint8Array): unknown }) {
  const out = collect();
  const errors = new StringIO();
  const h = new SimpleHandler(new BytesIO(), stdout ?? out.stdout, errors, {
    SERVER_PROTOCOL: "HTTP/1.0",
  });
  h.os_environ = {};
  await h.run(app);
  return { text: out.text(), errors: errors.getvalue() };
}

class Body implements Iterable<Uint8Array> {
  closed = 0;
  constructor(private parts: Uint8Array[], private failAt = -1) {}
  *[Symbol.iterator](): Iterator<Uint8Array> {
    for (let i = 0; i < this.parts.length; i++) {
      if (i === this.failAt) throw new Error("body failed");
      yield this.parts[i];
    }
  }
  close(): void {
    this.closed++;
  }
}

Deno.test("wsgi.handlers: close() is called once on success and on errors", async () => {
  const ok = new Body([b`a`, b`b`]);
  let r = await runApp((_e, s) => (s("200 OK", [["Content-Type", "text/plain"]]), ok));
  assert.equal(ok.closed, 1);
  assert.ok(r.text.endsWith("\r\n\r\nab"));

  const failing = new Body([b`a`, b`b`], 1);
  r = await runApp((_e, s) => (s("200 OK", [["Content-Type", "text/plain"]]), failing));
  assert.equal(failing.closed, 1);
  assert.ok(r.errors.includes("Error: body failed"));
  assert.ok(r.text.endsWith("\r\n\r\na"), "partial body, then the connection ends");

  const gone = new Body([b`a`, b`b`]);
  let n = 0;
  const brokenOut = {
    write(d: Uint8Array) {
      if (++n > 1) throw new BrokenPipeError(32, "Broken pipe");
      return d.length;
    },
  };
  r = await runApp((_e, s) => (s("200 OK", [["Content-Type", "text/plain"]]), gone), brokenOut);
  assert.equal(gone.closed, 1);
  assert.equal(r.errors, "", "a vanished client is not an error");
});

Deno.test("wsgi.handlers: generators get return() (their finally runs)", async () => {
  let finalized = false;
  function* gen() {
    try {
      yield b`one`;
      throw new Error("stop");
    } finally {
      finalized = true;
    }
  }
  const r = await runApp((_e, s) => (s("200 OK", [["Content-Type", "text/plain"]]), gen()));
  assert.equal(finalized, true);
  assert.ok(r.errors.includes("Error: stop"));
});

Deno.test("wsgi.handlers: async applications, async bodies and write() keep order", async () => {
  const r = await runApp(async (_e, s) => {
    await new Promise((res) => setTimeout(res, 1));
    const write = s("200 OK", [["Content-Type", "text/plain"]]);
    write(b`1`);
    await write(b`2`);
    return (async function* () {
      yield b`3`;
      await new Promise((res) => setTimeout(res, 1));
      yield b`4`;
    })();
  });
  assert.ok(r.text.endsWith("\r\n\r\n1234"), r.text);
  assert.ok(!r.text.includes("Content-Length"));
});

Deno.test("wsgi.handlers: write() rejects str and writes before start_response", async () => {
  const r = await runApp((_e, s) => {
    const write = s("200 OK", [["Content-Type", "text/plain"]]);
    assert.throws(() => write("text" as never), {
      name: "AssertionError",
      message: "write() argument must be a bytes instance",
    });
    return [b`ok`];
  });
  assert.ok(r.text.endsWith("ok"));
  const r2 = await runApp(() => [b`x`]);
  assert.ok(r2.text.startsWith("HTTP/1.0 500 Internal Server Error"));
  assert.ok(r2.errors.includes("AssertionError: write() before start_response()"));
});

class Quiet extends WSGIRequestHandler {
  static errors = new StringIO();
  override get_stderr(): ErrorStream {
    return Quiet.errors;
  }
  override log_message(): void {}
}

Deno.test("wsgi.simple_server: a 32 MB streamed body and a 4 MB upload go through with backpressure", async () => {
  const chunk = new Uint8Array(1 << 20).fill(97);
  await using server = make_server("127.0.0.1", 0, async (environ, s) => {
    if (environ["REQUEST_METHOD"] === "POST") {
      const input = environ["wsgi.input"] as BytesIO;
      let total = 0;
      for (let left = Number(environ["CONTENT_LENGTH"]); left > 0;) {
        const part = await input.read(Math.min(left, 65536));
        if (!part.length) break;
        total += part.length;
        left -= part.length;
      }
      s("200 OK", [["Content-Type", "text/plain"]]);
      return [new TextEncoder().encode(String(total))];
    }
    s("200 OK", [["Content-Type", "application/octet-stream"], ["Content-Length", String(32 << 20)]]);
    return (function* () {
      for (let i = 0; i < 32; i++) yield chunk;
    })();
  }, { handler_class: Quiet });
  const serving = server.serve_forever(0.05);
  try {
    const resp = await fetch(`http://127.0.0.1:${server.server_port}/`);
    let n = 0;
    for await (const part of resp.body!) n += part.length;
    assert.equal(n, 32 << 20);
    const up = await fetch(`http://127.0.0.1:${server.server_port}/`, {
      method: "POST",
      body: new Uint8Array(4 << 20),
    });
    assert.equal(await up.text(), String(4 << 20));
    // HEAD: wsgiref sends the body anyway; the client ignores it.
    const head = await exchange(server.server_port, new TextEncoder().encode("HEAD / HTTP/1.0\r\n\r\n"));
    assert.ok(latin1(head.subarray(0, 200)).startsWith("HTTP/1.0 200 OK\r\n"));
  } finally {
    await server.shutdown();
    await serving;
  }
});

/** Run `fn` recording every warning (Python's `catch_warnings(record=True)` + `simplefilter("always")`). */
async function capturingWarnings(fn: () => unknown): Promise<string[]> {
  using w = catch_warnings({ record: true });
  simplefilter("always");
  await fn();
  return w.map((m) => `${m.category.name}: ${str(m.message)}`);
}

Deno.test("wsgi.handlers: SimpleHandler warns about partial writes and completes them, as CPython 3.14", async () => {
  // CPython 3.14: three DeprecationWarnings (status line, headers, body), the whole response written.
  const app: WSGIApplication = (_e, sr) => {
    sr("200 OK", [["Content-Type", "text/plain"], ["Date", "x"]]);
    return [b`hello world`];
  };
  const chunks: Uint8Array[] = [];
  const partial = { write: (d: Uint8Array) => (chunks.push(d.slice(0, 5)), Math.min(d.length, 5)) };
  const warned = await capturingWarnings(() =>
    new SimpleHandler(new BytesIO(), partial, new StringIO(), { SERVER_PROTOCOL: "HTTP/1.0" }, {
      multithread: false,
    }).run(app)
  );
  assert.equal(
    chunks.map((c) => latin1(c)).join(""),
    "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nDate: x\r\nContent-Length: 11\r\n\r\nhello world",
  );
  assert.deepEqual(
    warned,
    Array(3).fill("DeprecationWarning: SimpleHandler.stdout.write() should not do partial writes"),
  );
  // Whole writes, and writers that return None (undefined), do not warn.
  for (const write of [(d: Uint8Array) => d.length, (_d: Uint8Array) => undefined]) {
    const quiet = await capturingWarnings(() =>
      new SimpleHandler(new BytesIO(), { write }, new StringIO(), { SERVER_PROTOCOL: "HTTP/1.0" }).run(
        app,
      )
    );
    assert.deepEqual(quiet, []);
  }
});

Deno.test("wsgi.handlers: class attributes are read from the class, overridden, set at run time, beaten by instances", () => {
  assert.equal(BaseHandler.origin_server, true);
  assert.equal(BaseCGIHandler.origin_server, false);
  assert.equal(BaseHandler.http_version, "1.0");
  assert.equal(BaseHandler.error_status, "500 Internal Server Error");
  assert.deepEqual(BaseHandler.error_headers, [["Content-Type", "text/plain"]]);
  assert.equal(latin1(BaseHandler.error_body), "A server error occurred.  Please contact the administrator.");
  assert.deepEqual([...BaseHandler.wsgi_version], [1, 0]);
  assert.equal(BaseHandler.wsgi_multithread, true);
  assert.equal(BaseHandler.wsgi_multiprocess, true);
  assert.equal(BaseHandler.wsgi_run_once, false);
  assert.equal(BaseHandler.server_software, null);
  assert.equal(BaseHandler.wsgi_file_wrapper, FileWrapper);
  assert.equal(BaseHandler.headers_class, Headers);
  assert.equal(BaseHandler.traceback_limit, null);
  assert.equal(typeof BaseHandler.os_environ, "object");
  assert.equal(BaseHandler.status, null);
  assert.equal(BaseHandler.headers, null);
  assert.equal(BaseHandler.headers_sent, false);
  assert.equal(BaseHandler.bytes_sent, 0);
  assert.equal(CGIHandler.wsgi_run_once, true);
  assert.deepEqual(CGIHandler.os_environ, {});
  assert.equal(ServerHandler.server_software, software_version);

  const env = { SERVER_PROTOCOL: "HTTP/1.0" };
  const h = new SimpleHandler(
    new BytesIO(),
    { write: (d: Uint8Array) => d.length },
    new StringIO(),
    env,
    false,
  );
  assert.equal(h.wsgi_multithread, false, "the constructor argument wins over the class attribute");
  assert.equal(h.wsgi_multiprocess, false);
  assert.equal(h.origin_server, true);
  class Status extends SimpleHandler {
    static override error_status = "503 Service Unavailable";
  }
  const s = new Status(new BytesIO(), { write: (d: Uint8Array) => d.length }, new StringIO(), env);
  assert.equal(s.error_status, "503 Service Unavailable");
  const before = BaseHandler.http_version;
  try {
    BaseHandler.http_version = "1.1";
    assert.equal(h.http_version, "1.1", "a value set on the class reaches existing instances");
    h.http_version = "0.9";
    assert.equal(h.http_version, "0.9", "the instance's own value wins");
    assert.equal(s.http_version, "1.1");
    delattr(h, "http_version");
    assert.equal(h.http_version, "1.1");
  } finally {
    BaseHandler.http_version = before;
  }
});

Deno.test("wsgi.handlers: keywords are read by the tables (SimpleHandler, start_response, format_date_time)", async () => {
  const out: Uint8Array[] = [];
  const h = new SimpleHandler(
    kw({
      stdin: new BytesIO(),
      stdout: { write: (d: Uint8Array) => (out.push(d.slice()), d.length) },
      stderr: new StringIO(),
      environ: { SERVER_PROTOCOL: "HTTP/1.0" },
      multiprocess: true,
    }),
  );
  assert.equal(h.wsgi_multiprocess, true);
  assert.equal(h.wsgi_multithread, true);
  await h.run({
    application: (_e: unknown, sr: StartResponse) => {
      // start_response is the handler's bound method: its table reads keywords too.
      (sr as BaseHandler["start_response"])({ status: "204 No Content", headers: [["Date", "x"]] });
      return [];
    },
  });
  assert.equal(
    out.map((c) => latin1(c)).join(""),
    "HTTP/1.0 204 No Content\r\nDate: x\r\nContent-Length: 0\r\n\r\n",
  );
  assert.equal(format_date_time({ timestamp: 0 }), "Thu, 01 Jan 1970 00:00:00 GMT");
  assert.throws(() => h.start_response("200 OK", [], kw({ exc_info: null, bogus: 1 }) as never), {
    name: "TypeError",
    message: "BaseHandler.start_response() got an unexpected keyword argument 'bogus'",
  });
});
