// wsgi/fetch: fetch_handler() and serve() — the environ, wsgi.input, streaming, write(), exc_info,
// close() (also when clients vanish), the file wrapper, the validator on top, keyword binding, and
// an application run by `deno serve --parallel` on more than one worker.

import assert from "node:assert/strict";
import { fetch_handler, serve } from "../../wsgi/fetch.ts";
import { validator } from "../../wsgi/validate.ts";
import { simplefilter } from "../../warnings.ts";
import { FileWrapper } from "../../wsgi/util.ts";
import { StringIO } from "../../io.ts";
import { Tuple, tuple } from "../../_util/repr.ts";
import { RuntimeError, ValueError } from "../../_util/exceptions.ts";
import type { InputStream, StartResponse, WSGIApplication, WSGIEnvironment } from "../../wsgi/types.ts";
import { freePort } from "./_helpers.ts";

const enc = new TextEncoder();
const dec = new TextDecoder();
const INFO = {
  remoteAddr: { transport: "tcp", hostname: "10.1.2.3", port: 4567 },
  completed: Promise.resolve(),
} as Deno.ServeHandlerInfo<Deno.NetAddr>;

function deferred<T = void>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const hello: WSGIApplication = (_env, start_response) => {
  start_response("200 OK", [["Content-Type", "text/plain"]]);
  return [enc.encode("Hello")];
};

function captureEnviron(): { app: WSGIApplication; seen: WSGIEnvironment[] } {
  const seen: WSGIEnvironment[] = [];
  return {
    seen,
    app: (environ, start_response) => {
      seen.push(environ);
      start_response("200 OK", []);
      return [];
    },
  };
}

Deno.test("wsgi.fetch: the environ carries CGI variables, HTTP_* headers and wsgi.* (PEP 3333)", async () => {
  const { app, seen } = captureEnviron();
  const handler = fetch_handler(app);
  const resp = await handler(
    new Request("https://example.com:8443/a%20b/c?x=1&y=%20", {
      headers: { "X-Custom": "v", "Content-Type": "text/csv", "Content-Length": "0", "User-Agent": "t/1" },
    }),
    INFO,
  );
  assert.equal(resp.status, 200);
  const env = seen[0];
  assert.equal(env.REQUEST_METHOD, "GET");
  assert.equal(env.SCRIPT_NAME, "");
  assert.equal(env.PATH_INFO, "/a b/c");
  assert.equal(env.QUERY_STRING, "x=1&y=%20");
  assert.equal(env.CONTENT_TYPE, "text/csv");
  assert.equal(env.CONTENT_LENGTH, "0");
  assert.equal(env.SERVER_NAME, "example.com");
  assert.equal(env.SERVER_PORT, "8443");
  assert.equal(env.SERVER_PROTOCOL, "HTTP/1.1");
  assert.equal(env.GATEWAY_INTERFACE, "CGI/1.1");
  assert.equal(env.REMOTE_ADDR, "10.1.2.3");
  assert.equal(env.HTTP_X_CUSTOM, "v");
  assert.equal(env.HTTP_USER_AGENT, "t/1");
  assert.equal(env.HTTP_HOST, "example.com:8443");
  assert.ok(!("HTTP_CONTENT_TYPE" in env) && !("HTTP_CONTENT_LENGTH" in env));
  assert.ok(env["wsgi.version"] instanceof Tuple);
  assert.deepEqual([...env["wsgi.version"] as Tuple<number>], [1, 0]);
  assert.equal(env["wsgi.url_scheme"], "https");
  assert.equal(env["wsgi.multithread"], false);
  assert.equal(env["wsgi.multiprocess"], true, "a fetch handler may run in several workers");
  assert.equal(env["wsgi.run_once"], false);
  assert.equal(env["wsgi.file_wrapper"], FileWrapper);
  assert.equal(Object.getPrototypeOf(env), Object.prototype);
});

Deno.test("wsgi.fetch: without a Content-Type wsgiref's text/plain; without info REMOTE_ADDR is empty", async () => {
  const { app, seen } = captureEnviron();
  await fetch_handler(app)(new Request("http://localhost/"));
  assert.equal(seen[0].CONTENT_TYPE, "text/plain");
  assert.equal(seen[0].CONTENT_LENGTH, "");
  assert.equal(seen[0].REMOTE_ADDR, "");
  assert.equal(seen[0].SERVER_PORT, "80");
  assert.equal(seen[0]["wsgi.url_scheme"], "http");
});

Deno.test("wsgi.fetch: script_name mounts the application; other paths are 404", async () => {
  const { app, seen } = captureEnviron();
  const handler = fetch_handler(app, { script_name: "/app/" });
  assert.equal((await handler(new Request("http://h/app/x/y"))).status, 200);
  assert.equal((await handler(new Request("http://h/app"))).status, 200);
  const outside = await handler(new Request("http://h/application"));
  assert.equal(outside.status, 404);
  await outside.body?.cancel();
  assert.deepEqual(seen.map((e) => [e.SCRIPT_NAME, e.PATH_INFO]), [["/app", "/x/y"], ["/app", ""]]);
});

Deno.test("wsgi.fetch: environ and multiprocess options; the base environ comes first", async () => {
  const { app, seen } = captureEnviron();
  await fetch_handler(app, { environ: { EXTRA: "1", REQUEST_METHOD: "ignored" }, multiprocess: false })(
    new Request("http://h/", { method: "POST", body: "" }),
  );
  assert.equal(seen[0].EXTRA, "1");
  assert.equal(seen[0].REQUEST_METHOD, "POST");
  assert.equal(seen[0]["wsgi.multiprocess"], false);
});

Deno.test("wsgi.fetch: keyword arguments are bound by the Signature table, with Python's errors", () => {
  assert.throws(
    () => fetch_handler(hello, { bogus: 1 } as never),
    /fetch_handler\(\) got an unexpected keyword argument 'bogus'/,
  );
  assert.throws(
    () => serve(hello, { nope: 1 } as never),
    /serve\(\) got an unexpected keyword argument 'nope'/,
  );
  assert.throws(
    () => (fetch_handler as () => unknown)(),
    /fetch_handler\(\) missing 1 required positional argument: 'app'/,
  );
  assert.throws(
    () => (fetch_handler as (...a: unknown[]) => unknown)(hello, 1),
    /takes 1 positional argument but 2/,
  );
  assert.equal(typeof fetch_handler({ app: hello }), "function");
});

Deno.test("wsgi.fetch: wsgi.input streams the body, bounded by Content-Length", async () => {
  const lines: string[] = [];
  let rest = "";
  const app: WSGIApplication = async (environ, start_response) => {
    const input = environ["wsgi.input"] as InputStream;
    lines.push(dec.decode(await input.readline()));
    lines.push(dec.decode(await input.read(3)));
    for await (const line of input) lines.push(dec.decode(line));
    rest = dec.decode(await input.read());
    start_response("200 OK", []);
    return [];
  };
  // The stream holds more than Content-Length announces: the application sees only the announced part.
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(enc.encode("first\nabc"));
      c.enqueue(enc.encode("second\nthird\nEXTRA"));
      c.close();
    },
  });
  const resp = await fetch_handler(app)(
    new Request("http://h/", { method: "POST", body, headers: { "Content-Length": "22" } }),
  );
  assert.equal(resp.status, 200);
  assert.deepEqual(lines, ["first\n", "abc", "second\n", "third\n"]);
  assert.equal(rest, "");
});

Deno.test("wsgi.fetch: max_body answers 413 to a larger Content-Length and stops a longer stream", async () => {
  let called = 0;
  const app: WSGIApplication = async (environ, start_response) => {
    called++;
    const data = await (environ["wsgi.input"] as InputStream).read();
    start_response("200 OK", []);
    return [data];
  };
  const errors = new StringIO();
  const handler = fetch_handler(app, { max_body: 10, errors });
  const big = await handler(
    new Request("http://h/", { method: "POST", body: "x".repeat(11), headers: { "Content-Length": "11" } }),
  );
  assert.equal(big.status, 413);
  await big.body?.cancel();
  assert.equal(called, 0);
  const ok = await handler(new Request("http://h/", { method: "POST", body: "x".repeat(10) }));
  assert.equal(await ok.text(), "x".repeat(10));
  const chunked = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(enc.encode("x".repeat(8)));
      c.enqueue(enc.encode("x".repeat(8)));
      c.close();
    },
  });
  const over = await handler(new Request("http://h/", { method: "POST", body: chunked }));
  assert.equal(over.status, 500);
  await over.body?.cancel();
  assert.match(errors.getvalue(), /ValueError: request body larger than max_body \(10 bytes\)/);
});

Deno.test("wsgi.fetch: a write() response starts before the application returns", async () => {
  const release = deferred();
  let finished = false;
  const app: WSGIApplication = async (_env, start_response) => {
    const write = start_response("200 OK", [["Content-Type", "text/plain"]]);
    await write(enc.encode("early "));
    await release.promise;
    write(enc.encode("late"));
    finished = true;
    return [enc.encode("!")];
  };
  const resp = await fetch_handler(app)(new Request("http://h/"));
  assert.equal(resp.status, 200);
  assert.equal(finished, false);
  const reader = resp.body!.getReader();
  assert.equal(dec.decode((await reader.read()).value), "early ");
  release.resolve();
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += dec.decode(value);
  }
  assert.equal(text, "late!");
  assert.equal(finished, true);
});

Deno.test("wsgi.fetch: write() waits for the client, and raises BrokenPipeError once it went away", async () => {
  const ended = deferred<unknown>();
  let writes = 0;
  const app: WSGIApplication = async (_env, start_response) => {
    const write = start_response("200 OK", []);
    const big = new Uint8Array(300 * 1024);
    try {
      for (;;) {
        await write(big); // over the high-water mark: waits until the client reads
        writes++;
      }
    } catch (e) {
      ended.resolve(e);
      throw e;
    }
  };
  const resp = await fetch_handler(app, { errors: new StringIO() })(new Request("http://h/"));
  const reader = resp.body!.getReader();
  await reader.read();
  await reader.read();
  await reader.cancel();
  const err = await ended.promise;
  assert.equal((err as Error).constructor.name, "BrokenPipeError");
  assert.ok(writes >= 1 && writes < 10, `writes went on without a reader: ${writes}`);
});

Deno.test("wsgi.fetch: HEAD drops write() data and does not wait for a reader", async () => {
  let done = false;
  const app: WSGIApplication = async (_env, start_response) => {
    const write = start_response("200 OK", [["Content-Type", "text/plain"]]);
    for (let i = 0; i < 20; i++) await write(new Uint8Array(100 * 1024));
    done = true;
    return [];
  };
  const resp = await fetch_handler(app)(new Request("http://h/", { method: "HEAD" }));
  assert.equal(resp.status, 200);
  assert.equal(await resp.text(), "");
  for (let i = 0; i < 50 && !done; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(done, true);
});

Deno.test("wsgi.fetch: an async iterable body is sent as it is produced", async () => {
  const next = deferred();
  const app: WSGIApplication = (_env, start_response) => {
    start_response("200 OK", []);
    return (async function* () {
      yield enc.encode("one");
      await next.promise;
      yield enc.encode("two");
    })();
  };
  const resp = await fetch_handler(app)(new Request("http://h/"));
  const reader = resp.body!.getReader();
  assert.equal(dec.decode((await reader.read()).value), "one");
  next.resolve();
  assert.equal(dec.decode((await reader.read()).value), "two");
  assert.equal((await reader.read()).done, true);
});

Deno.test("wsgi.fetch: empty chunks do not send the headers, so exc_info may still replace them", async () => {
  const app: WSGIApplication = (_env, start_response) => {
    start_response("200 OK", [["X-First", "1"]]);
    return (function* () {
      yield new Uint8Array(0);
      try {
        throw new RuntimeError("late");
      } catch (e) {
        start_response("503 Later", [["X-Second", "2"]], tuple(RuntimeError, e, null));
      }
      yield enc.encode("replaced");
    })();
  };
  const resp = await fetch_handler(app)(new Request("http://h/"));
  assert.equal(resp.status, 503);
  assert.equal(resp.statusText, "Later");
  assert.equal(resp.headers.get("x-first"), null);
  assert.equal(await resp.text(), "replaced");
});

Deno.test("wsgi.fetch: exc_info after the headers went out re-raises; the error is logged, the body cut", async () => {
  const errors = new StringIO();
  let closed = 0;
  const app: WSGIApplication = (_env, start_response) => {
    start_response("200 OK", []);
    const gen = (function* () {
      yield enc.encode("partial");
      start_response("500 Oops", [], tuple(ValueError, new ValueError("boom"), null));
      yield enc.encode("never");
    })();
    return Object.assign(gen, { close: () => void closed++ });
  };
  const resp = await fetch_handler(app, { errors })(new Request("http://h/"));
  assert.equal(resp.status, 200);
  await assert.rejects(() => resp.text());
  assert.match(errors.getvalue(), /ValueError: boom/);
  assert.equal(closed, 1);
});

Deno.test("wsgi.fetch: close() is called once: after the body, after an error, and on cancel", async () => {
  const calls: string[] = [];
  const make = (name: string, fail: boolean): WSGIApplication => (_env, start_response) => {
    start_response("200 OK", []);
    const body = [enc.encode("a"), enc.encode("b")];
    return {
      *[Symbol.iterator]() {
        yield body[0];
        if (fail) throw new ValueError("fail");
        yield body[1];
        yield* Array.from({ length: 100 }, () => enc.encode("more"));
      },
      close: () => void calls.push(name),
    };
  };
  const errors = new StringIO();
  assert.equal(
    await (await fetch_handler(make("done", false))(new Request("http://h/"))).text(),
    "ab" + "more".repeat(100),
  );
  await assert.rejects(async () =>
    await (await fetch_handler(make("fail", true), { errors })(new Request("http://h/"))).text()
  );
  const resp = await fetch_handler(make("cancel", false))(new Request("http://h/"));
  const reader = resp.body!.getReader();
  await reader.read();
  await reader.cancel();
  assert.deepEqual(calls, ["done", "fail", "cancel"]);
  // A list body with close(), and a generator's return() on a 500.
  const listCalls: string[] = [];
  await fetch_handler((_e, sr) => {
    sr("200 OK", []);
    return Object.assign([enc.encode("x")], { close: () => void listCalls.push("list") });
  })(new Request("http://h/"));
  let finalized = false;
  const r500 = await fetch_handler((_e, sr) => {
    return (function* () {
      try {
        sr("200 OK", [["Connection", "close"]]); // hop-by-hop: refused
        yield enc.encode("x");
      } finally {
        finalized = true;
      }
    })();
  }, { errors })(new Request("http://h/"));
  assert.equal(r500.status, 500);
  await r500.body?.cancel();
  assert.deepEqual(listCalls, ["list"]);
  assert.equal(finalized, true);
  assert.match(errors.getvalue(), /AssertionError: Hop-by-hop header, 'Connection: close', not allowed/);
});

Deno.test("wsgi.fetch: errors before the headers answer wsgiref's 500 page and are logged", async () => {
  const errors = new StringIO();
  const resp = await fetch_handler(() => {
    throw new ValueError("broken");
  }, { errors })(new Request("http://h/"));
  assert.equal(resp.status, 500);
  assert.equal(resp.statusText, "Internal Server Error");
  assert.equal(resp.headers.get("content-type"), "text/plain");
  assert.equal(await resp.text(), "A server error occurred.  Please contact the administrator.");
  assert.match(errors.getvalue(), /^Traceback \(most recent call last\):\n[\s\S]*ValueError: broken\n$/);
});

Deno.test("wsgi.fetch: HEAD sends the headers of GET and no body", async () => {
  const server = serve(hello, { hostname: "127.0.0.1", port: 0, onListen() {} });
  try {
    const resp = await fetch(`http://127.0.0.1:${server.addr.port}/`, { method: "HEAD" });
    assert.equal(resp.status, 200);
    assert.equal(resp.headers.get("content-length"), "5");
    assert.equal(resp.headers.get("content-type"), "text/plain");
    assert.equal(await resp.text(), "");
  } finally {
    await server.shutdown();
  }
});

Deno.test("wsgi.fetch: serve() over TLS speaks HTTP/2 and the environ says https", async () => {
  const dir = await Deno.makeTempDir();
  let made = false;
  try {
    // A self-signed end-entity certificate for localhost (not a CA, which rustls refuses as a server's).
    await Deno.writeTextFile(
      `${dir}/openssl.cnf`,
      "[req]\ndistinguished_name=dn\nx509_extensions=ext\nprompt=no\n[dn]\nCN=localhost\n[ext]\n" +
        "subjectAltName=DNS:localhost\nbasicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\n",
    );
    made = (await new Deno.Command("openssl", {
      args: [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-config",
        `${dir}/openssl.cnf`,
        "-keyout",
        `${dir}/key.pem`,
        "-out",
        `${dir}/cert.pem`,
      ],
      stdout: "null",
      stderr: "null",
    }).output()).success;
  } catch { /* no openssl */ }
  if (!made) {
    await Deno.remove(dir, { recursive: true });
    console.log("openssl missing: skipped");
    return;
  }
  const cert = await Deno.readTextFile(`${dir}/cert.pem`);
  const key = await Deno.readTextFile(`${dir}/key.pem`);
  const { app, seen } = captureEnviron();
  const server = serve(app, { hostname: "127.0.0.1", port: 0, cert, key, onListen() {} });
  const client = Deno.createHttpClient({ caCerts: [cert], http1: false, http2: true });
  try {
    const resp = await fetch(`https://localhost:${server.addr.port}/tls?x=1`, { client });
    assert.equal(resp.status, 200);
    await resp.body?.cancel();
    assert.equal(seen[0]["wsgi.url_scheme"], "https");
    assert.equal(seen[0].PATH_INFO, "/tls");
    assert.equal(seen[0].QUERY_STRING, "x=1");
    assert.equal(seen[0].SERVER_PORT, String(server.addr.port));
    assert.equal(seen[0].HTTP_HOST, `localhost:${server.addr.port}`);
  } finally {
    client.close();
    await server.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("wsgi.fetch: a Deno.FsFile in wsgi.file_wrapper is sent whole and closed", async () => {
  const path = await Deno.makeTempFile();
  const data = new Uint8Array(300_000).map((_, i) => i % 253);
  await Deno.writeFile(path, data);
  let closed = 0;
  const app: WSGIApplication = async (environ, start_response: StartResponse) => {
    start_response("200 OK", [["Content-Type", "application/octet-stream"]]);
    const Wrapper = environ["wsgi.file_wrapper"] as typeof FileWrapper;
    const w = new Wrapper(await Deno.open(path));
    const close = w.close!;
    w.close = () => {
      closed++;
      return close();
    };
    return w;
  };
  const server = serve(app, { hostname: "127.0.0.1", port: 0, onListen() {} });
  try {
    for (let i = 0; i < 3; i++) {
      const resp = await fetch(`http://127.0.0.1:${server.addr.port}/`);
      assert.deepEqual(new Uint8Array(await resp.arrayBuffer()), data);
    }
    for (let i = 0; i < 50 && closed < 3; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(closed, 3);
  } finally {
    await server.shutdown();
    await Deno.remove(path);
  }
});

Deno.test("wsgi.fetch: wsgiref's validator runs on top without a warning or an error", async () => {
  simplefilter("error");
  const errors = new StringIO();
  const inner: WSGIApplication = async (environ, start_response) => {
    const path = environ.PATH_INFO as string;
    if (path === "/echo") {
      const data = await (environ["wsgi.input"] as InputStream).read(Number(environ.CONTENT_LENGTH));
      start_response("200 OK", [["Content-Type", "application/octet-stream"]]);
      return [data];
    }
    if (path === "/write") {
      const write = start_response("200 OK", [["Content-Type", "text/plain"]]);
      write(enc.encode("w"));
      return [enc.encode("x")];
    }
    if (path === "/stream") {
      start_response("200 OK", [["Content-Type", "text/plain"]]);
      return (function* () {
        yield enc.encode("s1");
        yield enc.encode("s2");
      })();
    }
    start_response("200 OK", [["Content-Type", "text/plain"]]);
    return [enc.encode("ok")];
  };
  const server = serve(validator(inner), { hostname: "127.0.0.1", port: 0, errors, onListen() {} });
  try {
    const base = `http://127.0.0.1:${server.addr.port}`;
    assert.equal(await (await fetch(`${base}/`)).text(), "ok");
    assert.equal(await (await fetch(`${base}/write`)).text(), "wx");
    assert.equal(await (await fetch(`${base}/stream?q=1`)).text(), "s1s2");
    assert.equal(await (await fetch(`${base}/echo`, { method: "POST", body: "data" })).text(), "data");
    assert.equal((await fetch(`${base}/`, { method: "HEAD" })).status, 200);
  } finally {
    await server.shutdown();
    simplefilter("default");
  }
  assert.equal(errors.getvalue(), "");
});

Deno.test("wsgi.fetch: every response is closed when clients vanish mid-response or mid-request", async () => {
  let started = 0, closed = 0;
  const chunk = new Uint8Array(16 * 1024).fill(120);
  const app: WSGIApplication = async (environ, start_response) => {
    started++;
    if (environ.PATH_INFO === "/upload") await (environ["wsgi.input"] as InputStream).read();
    start_response("200 OK", [["Content-Type", "application/octet-stream"]]);
    const gen = (function* () {
      for (let i = 0; i < 100_000; i++) yield chunk; // far more than a client reads
    })();
    return Object.assign(gen, { close: () => void closed++ });
  };
  const errors = new StringIO();
  const server = serve(app, { hostname: "127.0.0.1", port: 0, errors, onListen() {} });
  const port = server.addr.port;
  const CLIENTS = 40;
  try {
    for (let round = 0; round < CLIENTS / 10; round++) {
      await Promise.all(Array.from({ length: 10 }, async (_, i) => {
        const conn = await Deno.connect({ hostname: "127.0.0.1", port });
        if (i % 2 === 0) {
          await conn.write(enc.encode("GET /download HTTP/1.1\r\nHost: x\r\n\r\n"));
          const buf = new Uint8Array(32 * 1024);
          await conn.read(buf); // the response is under way: vanish
        } else {
          // Announce a body, send a part, vanish while the application waits for the rest.
          await conn.write(
            enc.encode("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nabc"),
          );
          for (let t = 0; t < 100 && started < round * 10 + i + 1; t++) {
            await new Promise((r) => setTimeout(r, 5));
          }
        }
        conn.close();
      }));
    }
    const before = Deno.memoryUsage().heapUsed;
    for (let t = 0; t < 200 && closed < started; t++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(started, CLIENTS);
    assert.equal(closed, started, `close() called ${closed} times for ${started} responses`);
    console.log(`close() ${closed}/${started}; heap ${(before / 1e6).toFixed(1)} MB`);
  } finally {
    await server.shutdown();
  }
});

Deno.test("wsgi.fetch: deno serve --parallel answers from more than one worker", async () => {
  const root = new URL("../../", import.meta.url);
  const dir = await Deno.makeTempDir();
  const file = `${dir}/parallel_app.ts`;
  // The ported random-normal application, with a header naming the worker (one id per isolate).
  await Deno.writeTextFile(
    file,
    `import { fetch_handler } from ${JSON.stringify(new URL("wsgi/fetch.ts", root).href)};
import { application } from ${JSON.stringify(new URL("examples/random_normal.ts", root).href)};
const WORKER = crypto.randomUUID();
const app = (environ, start_response) =>
  application(environ, (status, headers, exc) => start_response(status, [...headers, ["X-Worker", WORKER]], exc));
export default { fetch: fetch_handler(app) };
`,
  );
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "serve",
      "-A",
      "--parallel",
      "--config",
      new URL("deno.json", root).pathname,
      "--port",
      String(port),
      file,
    ],
    env: { DENO_JOBS: "2", NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const workers = new Set<string>();
  let ok = 0;
  try {
    for (let attempt = 0; attempt < 300 && workers.size < 2; attempt++) {
      try {
        const batch = await Promise.all(
          Array.from(
            { length: 8 },
            () => fetch(`http://127.0.0.1:${port}/fig/3_1`, { signal: AbortSignal.timeout(5000) }),
          ),
        );
        for (const r of batch) {
          if (r.status === 200 && r.headers.get("content-type") === "image/svg+xml") ok++;
          workers.add(r.headers.get("x-worker") ?? "");
          await r.body?.cancel();
        }
      } catch {
        await new Promise((r) => setTimeout(r, 100)); // not listening yet
      }
    }
  } finally {
    child.kill("SIGTERM");
    await child.status;
    await child.stdout.cancel();
    await child.stderr.cancel();
    await Deno.remove(dir, { recursive: true });
  }
  workers.delete("");
  assert.ok(ok > 0, "no answer from the ported application");
  assert.ok(workers.size >= 2, `answered by ${workers.size} worker(s)`);
});
