// socketserver: the request loop, handler lifecycle, errors, timeouts and shutdown, over loopback TCP.
import { freePort } from "./_oracle.ts";
import assert from "node:assert/strict";
import {
  BaseRequestHandler,
  BaseServer,
  type Request,
  type ServerAddress,
  StreamRequestHandler,
  TCPServer,
  ThreadingMixIn,
  ThreadingTCPServer,
} from "../socketserver.ts";
import {
  BaseException,
  Exception,
  KeyboardInterrupt,
  OSError,
  OverflowError,
  SystemExit,
  TimeoutError,
  TypeError as PyTypeError,
  ValueError,
} from "../_util/exceptions.ts";
import { repr } from "../_util/repr.ts";

const enc = new TextEncoder(), dec = new TextDecoder();

class Echo extends StreamRequestHandler {
  override async handle(): Promise<void> {
    for (;;) {
      const line = await this.rfile.readline();
      if (!line.length) return;
      this.wfile.write(line);
    }
  }
}

async function talk(port: number, text: string): Promise<string> {
  const c = await Deno.connect({ hostname: "127.0.0.1", port });
  await c.write(enc.encode(text));
  await c.closeWrite();
  let out = "";
  const buf = new Uint8Array(4096);
  for (;;) {
    const n = await c.read(buf);
    if (n === null) break;
    out += dec.decode(buf.subarray(0, n));
  }
  c.close();
  return out;
}

Deno.test("TCPServer binds port 0 to a real port; server_address is a tuple", async () => {
  await using server = new TCPServer(["127.0.0.1", 0], Echo);
  assert.ok(server.server_address[1] > 0);
  assert.equal(repr(server.server_address), `('127.0.0.1', ${server.server_address[1]})`);
  assert.equal(server.socket_type, "SOCK_STREAM");
  assert.throws(() => new TCPServer(["127.0.0.1", server.server_address[1]], Echo), OSError);
});

Deno.test("serve_forever serves clients concurrently and resolves after shutdown(); it can run again", async () => {
  const server = new ThreadingTCPServer(["127.0.0.1", 0], Echo);
  const port = server.server_address[1];
  let serving = server.serve_forever(0.05);
  const held = await Deno.connect({ hostname: "127.0.0.1", port }); // an open client does not block others
  const answers = await Promise.all([1, 2, 3, 4, 5].map((i) => talk(port, `line ${i}\nmore ${i}\n`)));
  assert.deepEqual(answers, [1, 2, 3, 4, 5].map((i) => `line ${i}\nmore ${i}\n`));
  await server.shutdown();
  await serving;
  serving = server.serve_forever(0.05);
  assert.equal(await talk(port, "again\n"), "again\n");
  held.close();
  await server.shutdown();
  await serving;
  await server.server_close();
});

Deno.test("handle_request() handles one connection; timeout calls handle_timeout()", async () => {
  let timeouts = 0;
  class Timed extends TCPServer {
    override handle_timeout(): void {
      timeouts++;
    }
  }
  await using server = new Timed(["127.0.0.1", 0], Echo);
  server.timeout = 0.05;
  await server.handle_request();
  assert.equal(timeouts, 1);
  server.timeout = null;
  const [answer] = await Promise.all([talk(server.server_address[1], "one\n"), server.handle_request()]);
  assert.equal(answer, "one\n");
});

Deno.test("verify_request() can refuse; handle_error() sees the exception in exc_info; the server keeps going", async () => {
  const errors: unknown[] = [];
  class Picky extends ThreadingTCPServer {
    refuse = true;
    override verify_request(_r: Request, _a: ServerAddress): boolean {
      const ok = !this.refuse;
      this.refuse = false;
      return ok;
    }
    override handle_error(_r: Request, _a: ServerAddress): void {
      errors.push(this.exc_info?.[1]);
    }
  }
  class Fails extends StreamRequestHandler {
    override async handle(): Promise<void> {
      const line = await this.rfile.readline();
      if (line.length && line[0] === 0x21) throw new TypeError("bang");
      this.wfile.write(line);
    }
  }
  const server = new Picky(["127.0.0.1", 0], Fails);
  const serving = server.serve_forever(0.05);
  const port = server.server_address[1];
  try {
    assert.equal(await talk(port, "refused\n"), "");
    assert.equal(await talk(port, "!boom\n"), "");
    assert.equal(await talk(port, "fine\n"), "fine\n");
    assert.equal(errors.length, 1);
    assert.ok(errors[0] instanceof TypeError && errors[0].message === "bang");
  } finally {
    await server.shutdown();
    await serving;
    await server.server_close();
  }
});

Deno.test("handler lifecycle: setup, handle, finish (even on error), async, subclass fields ready", async () => {
  const calls: string[] = [];
  class Life extends BaseRequestHandler {
    greeting = "hi";
    override async setup(): Promise<void> {
      await Promise.resolve();
      calls.push("setup:" + this.greeting);
    }
    override handle(): void {
      calls.push("handle");
      throw new Error("x");
    }
    override finish(): void {
      calls.push("finish");
      this.request.close();
    }
  }
  let seen: unknown = null;
  class Quiet extends TCPServer {
    override handle_error(_r: Request, _a: ServerAddress): void {
      seen = this.exc_info?.[1];
    }
    override shutdown_request(_request: Request): void {}
  }
  await using server = new Quiet(["127.0.0.1", 0], Life);
  const [, answer] = await Promise.all([server.handle_request(), talk(server.server_address[1], "")]);
  assert.equal(answer, "");
  assert.deepEqual(calls, ["setup:hi", "handle", "finish"]);
  assert.ok(seen instanceof Error);
});

Deno.test("a finish_request override that constructs the handler with extra arguments is awaited", async () => {
  class WithArg extends StreamRequestHandler {
    constructor(r: Request, a: ServerAddress, s: TCPServer, readonly word: string) {
      super(r, a, s);
    }
    override async handle(): Promise<void> {
      await new Promise((r) => setTimeout(r, 20));
      this.wfile.write(enc.encode(this.word));
    }
  }
  class Mixin extends TCPServer {
    override finish_request(request: Request, client_address: ServerAddress): Promise<void> {
      new WithArg(request, client_address, this, "late");
      return Promise.resolve();
    }
  }
  await using server = new Mixin(["127.0.0.1", 0], WithArg);
  const [answer] = await Promise.all([talk(server.server_address[1], ""), server.handle_request()]);
  assert.equal(answer, "late");
});

Deno.test("StreamRequestHandler.timeout raises TimeoutError('timed out') in the handler", async () => {
  let caught: unknown = null;
  class Slow extends StreamRequestHandler {
    override async handle(): Promise<void> {
      try {
        await this.rfile.readline();
      } catch (e) {
        caught = e;
      }
    }
  }
  Slow.prototype.timeout = 0.05;
  await using server = new TCPServer(["127.0.0.1", 0], Slow);
  const c = await Deno.connect({ hostname: "127.0.0.1", port: server.server_address[1] });
  await server.handle_request();
  c.close();
  assert.ok(caught instanceof TimeoutError);
  assert.equal((caught as Error).message, "timed out");
});

Deno.test("ThreadingMixIn(TCPServer): server_close() waits for busy connections (block_on_close)", async () => {
  let finished = false;
  class Busy extends StreamRequestHandler {
    override async handle(): Promise<void> {
      await new Promise((r) => setTimeout(r, 50));
      finished = true;
    }
  }
  class MyServer extends ThreadingMixIn(TCPServer) {}
  const server = new MyServer(["127.0.0.1", 0], Busy);
  const c = await Deno.connect({ hostname: "127.0.0.1", port: server.server_address[1] });
  await server.handle_request(); // returns at once: the connection is its own task
  assert.equal(finished, false);
  await server.server_close();
  assert.equal(finished, true);
  c.close();
});

Deno.test("await using closes the listener; service_actions() runs while serving", async () => {
  let actions = 0;
  let port = 0;
  {
    class Acting extends TCPServer {
      override service_actions(): void {
        actions++;
      }
    }
    await using server = new Acting(["127.0.0.1", 0], Echo);
    port = server.server_address[1];
    const serving = server.serve_forever(0.01);
    await new Promise((r) => setTimeout(r, 80));
    await server.shutdown();
    await serving;
  }
  assert.ok(actions >= 2, `service_actions ran ${actions} times`);
  await assert.rejects(Deno.connect({ hostname: "127.0.0.1", port }));
});

Deno.test("serve_forever keeps nothing of the connections it has served (no per-connection growth)", async () => {
  // A long-running server must not keep a reference per served connection. The serve loop once
  // raced every accept against a promise pending for the server's whole life, which kept each
  // accepted connection (and its handler and buffers) reachable: a steady leak under load.
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--v8-flags=--expose-gc",
      new URL("./peers/served_retention.ts", import.meta.url).pathname,
      "400",
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(out.success, dec.decode(out.stderr));
  const got = JSON.parse(dec.decode(out.stdout).trim());
  assert.equal(got.served, 400);
  assert.ok(got.conns <= 2, `${got.conns} of 400 served connections are still reachable`);
  assert.ok(got.handlers <= 2, `${got.handlers} of 400 handlers are still reachable`);
});

Deno.test("serve_forever({ poll_interval }) takes the keyword: service_actions() is polled at that interval", async () => {
  const delays: number[] = [];
  const realSetTimeout = globalThis.setTimeout;
  // Record the poll timer's delay instead of timing it: 0.01 s must become 10 ms, not NaN.
  globalThis.setTimeout = ((fn: () => void, ms?: number) => {
    delays.push(ms as number);
    return realSetTimeout(fn, ms);
  }) as typeof setTimeout;
  let polls = 0;
  class Polled extends TCPServer {
    override service_actions(): void {
      if (++polls === 3) void this.shutdown();
    }
  }
  await using server = new Polled(["127.0.0.1", 0], Echo);
  try {
    await server.serve_forever({ poll_interval: 0.01 });
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
  assert.equal(polls, 3);
  assert.ok(delays.includes(10), `poll timer delays: ${delays}`);
  assert.ok(!delays.some(Number.isNaN));
  assert.throws(
    () => server.serve_forever({ poll_interval: 0.01, bogus: 1 } as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "BaseServer.serve_forever() got an unexpected keyword argument 'bogus'",
  );
});

Deno.test("shutdown() before serve_forever() is not lost: serve_forever() returns at once (bpo-2302)", async () => {
  let polls = 0;
  class Counting extends TCPServer {
    override service_actions(): void {
      polls++;
    }
  }
  await using server = new Counting(["127.0.0.1", 0], Echo);
  await server.shutdown();
  await server.serve_forever(0.01);
  assert.equal(polls, 0);
  // The request was consumed: the next serve_forever() serves until the next shutdown().
  const serving = server.serve_forever(0.01);
  assert.equal(await talk(server.server_address[1], "after\n"), "after\n");
  await server.shutdown();
  await serving;
});

Deno.test("a port outside 0-65535 raises OverflowError, a non-integer port TypeError (CPython's messages)", () => {
  for (const port of [-1, 65536]) {
    assert.throws(
      () => new TCPServer(["127.0.0.1", port], Echo),
      (e: Error) => e instanceof OverflowError && e.message === "bind(): port must be 0-65535.",
    );
  }
  assert.throws(
    () => new TCPServer(["127.0.0.1", "x" as unknown as number], Echo),
    (e: Error) =>
      e instanceof PyTypeError && e.message === "'str' object cannot be interpreted as an integer",
  );
});

Deno.test("server.fileno() is a stable non-negative number while open, -1 after server_close()", async () => {
  const server = new TCPServer(["127.0.0.1", 0], Echo);
  const fd = server.fileno();
  assert.ok(Number.isInteger(fd) && fd >= 0, String(fd));
  assert.equal(server.fileno(), fd);
  await server.server_close();
  assert.equal(server.fileno(), -1);
});

Deno.test("rfile.fileno() and wfile.fileno() give the connection's descriptor", async () => {
  const seen: number[] = [];
  class Numbers extends StreamRequestHandler {
    override handle(): void {
      seen.push(this.rfile.fileno(), this.wfile.fileno());
      this.wfile.write(enc.encode(`${seen[1]}\n`));
    }
  }
  await using server = new TCPServer(["127.0.0.1", 0], Numbers);
  const [, answer] = await Promise.all([server.handle_request(), talk(server.server_address[1], "")]);
  assert.equal(seen.length, 2);
  assert.ok(seen.every((n) => Number.isInteger(n) && n >= 0), String(seen));
  assert.equal(seen[0], seen[1]);
  assert.equal(answer, `${seen[1]}\n`);
});

Deno.test("SystemExit and KeyboardInterrupt are BaseExceptions, not Exceptions; SystemExit.code is Python's", () => {
  for (const E of [SystemExit, KeyboardInterrupt]) {
    const e = new E();
    assert.ok(e instanceof BaseException && !(e instanceof Exception));
  }
  assert.ok(new ValueError("x") instanceof BaseException);
  assert.equal(new SystemExit().code, null);
  assert.equal(new SystemExit(3).code, 3);
  assert.deepEqual(new SystemExit(1, 2).code, [1, 2]);
  assert.equal(repr(new SystemExit(3)), "SystemExit(3)");
});

for (const Raised of [SystemExit, KeyboardInterrupt]) {
  Deno.test(`a handler's ${Raised.name} leaves serve_forever() (not handle_error), after shutdown_request()`, async () => {
    const errors: unknown[] = [];
    const shut: Request[] = [];
    class Strict extends TCPServer {
      override handle_error(_r: Request, _a: ServerAddress): void {
        errors.push(this.exc_info?.[1]);
      }
      override shutdown_request(request: Request): void {
        shut.push(request);
        super.shutdown_request(request);
      }
    }
    class Exits extends StreamRequestHandler {
      override handle(): void {
        throw new Raised(0);
      }
    }
    await using server = new Strict(["127.0.0.1", 0], Exits);
    const serving = server.serve_forever(0.05);
    const answer = talk(server.server_address[1], "bye\n");
    await assert.rejects(serving, (e: Error) => e instanceof Raised);
    assert.equal(await answer, "");
    assert.deepEqual(errors, []);
    assert.equal(shut.length, 1);
  });
}

Deno.test("ThreadingTCPServer: a handler's SystemExit ends that connection only, without handle_error()", async () => {
  const errors: unknown[] = [];
  class Quiet extends ThreadingTCPServer {
    override handle_error(_r: Request, _a: ServerAddress): void {
      errors.push(this.exc_info?.[1]);
    }
  }
  class MaybeExits extends StreamRequestHandler {
    override async handle(): Promise<void> {
      const line = await this.rfile.readline();
      if (dec.decode(line) === "exit\n") throw new SystemExit(1);
      if (dec.decode(line) === "fail\n") throw new ValueError("bad");
      this.wfile.write(line);
    }
  }
  const server = new Quiet(["127.0.0.1", 0], MaybeExits);
  const serving = server.serve_forever(0.05);
  const port = server.server_address[1];
  try {
    assert.equal(await talk(port, "exit\n"), "");
    assert.equal(await talk(port, "fail\n"), "");
    assert.equal(await talk(port, "still here\n"), "still here\n");
    assert.equal(errors.length, 1);
    assert.ok(errors[0] instanceof ValueError);
  } finally {
    await server.shutdown();
    await serving;
    await server.server_close();
  }
});

Deno.test("class attributes: read from the class, overridden by static or field, set at run time", async () => {
  assert.equal(BaseServer.timeout, null);
  assert.equal(TCPServer.address_family, "AF_INET");
  assert.equal(TCPServer.socket_type, "SOCK_STREAM");
  assert.equal(TCPServer.request_queue_size, 5);
  assert.equal(TCPServer.allow_reuse_address, false);
  assert.equal(TCPServer.allow_reuse_port, false);
  assert.equal(ThreadingTCPServer.daemon_threads, false);
  assert.equal(ThreadingTCPServer.block_on_close, true);
  assert.equal(StreamRequestHandler.rbufsize, -1);
  assert.equal(StreamRequestHandler.wbufsize, 0);
  assert.equal(StreamRequestHandler.timeout, null);
  assert.equal(StreamRequestHandler.disable_nagle_algorithm, false);
  // A subclass's static is read while the constructor binds: with --unstable-net two listeners share a
  // port (SO_REUSEPORT); without it the attribute is ignored, as CPython does where SO_REUSEPORT is missing.
  class Shared extends TCPServer {
    static override allow_reuse_port = true;
  }
  await using a = new Shared(["127.0.0.1", 0], Echo);
  assert.equal(a.allow_reuse_port, true);
  if (typeof (Deno as { listenDatagram?: unknown }).listenDatagram === "function") {
    await using b = new Shared(["127.0.0.1", a.server_address[1]], Echo);
    assert.equal(b.server_address[1], a.server_address[1]);
  } else {
    assert.throws(() => new Shared(["127.0.0.1", a.server_address[1]], Echo), OSError);
  }
  // Set on the class at run time: instances without their own value follow; an instance value wins.
  class Timed extends TCPServer {}
  await using t = new Timed(["127.0.0.1", 0], Echo);
  Timed.timeout = 2;
  assert.equal(t.timeout, 2);
  t.timeout = 3;
  assert.equal(t.timeout, 3);
  assert.equal(Timed.timeout, 2);
  assert.equal(TCPServer.timeout, null);
});

Deno.test("keyword forms: TCPServer(server_address, RequestHandlerClass, { bind_and_activate: false })", async () => {
  const server = new TCPServer(["127.0.0.1", 0], Echo, { bind_and_activate: false });
  assert.equal(server.socket, null);
  assert.equal(server.fileno(), -1);
  server.server_bind();
  assert.ok(server.server_address[1] > 0);
  await server.server_close();
  assert.throws(
    () => new TCPServer(["127.0.0.1", 0], Echo, { bogus: 1 } as never),
    (e: Error) =>
      e instanceof PyTypeError &&
      e.message === "TCPServer.__init__() got an unexpected keyword argument 'bogus'",
  );
});

Deno.test("socketserver: two processes of one HTTPServer program with allow_reuse_port share a port", async () => {
  const port = freePort();
  const script = new URL("./peers/reuse_port_server.ts", import.meta.url).pathname;
  const children = [0, 1].map(() =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--unstable-net", script, String(port)],
      stdout: "piped",
      stderr: "inherit",
    }).spawn()
  );
  try {
    // Both bound the same port: each says "ready" (a second bind without SO_REUSEPORT fails).
    for (const child of children) {
      const reader = child.stdout.getReader();
      const { value } = await reader.read();
      assert.equal(new TextDecoder().decode(value).trim(), "ready");
      reader.releaseLock();
    }
    const pids = new Set<string>();
    for (let i = 0; i < 200 && pids.size < 2; i++) {
      const conn = await Deno.connect({ hostname: "127.0.0.1", port });
      await conn.write(new TextEncoder().encode("GET / HTTP/1.0\r\n\r\n"));
      const chunks: Uint8Array[] = [];
      const buf = new Uint8Array(4096);
      for (let n; (n = await conn.read(buf)) !== null;) chunks.push(buf.slice(0, n));
      conn.close();
      const text = new TextDecoder().decode(new Uint8Array(chunks.flatMap((c) => [...c])));
      pids.add(text.slice(text.indexOf("\r\n\r\n") + 4));
    }
    assert.deepEqual(pids, new Set(children.map((c) => String(c.pid))), "both processes answered");
  } finally {
    for (const child of children) {
      child.kill("SIGTERM");
      await child.stdout.cancel().catch(() => {});
      await child.status;
    }
  }
});
