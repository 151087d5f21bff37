// socketserver: the request loop, handler lifecycle, errors, timeouts and shutdown, over loopback TCP.
import assert from "node:assert/strict";
import {
  BaseRequestHandler,
  type Request,
  type ServerAddress,
  StreamRequestHandler,
  TCPServer,
  ThreadingMixIn,
  ThreadingTCPServer,
} from "../socketserver.ts";
import { OSError, TimeoutError } from "../_util/exceptions.ts";
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
