// Port of CPython 3.14's Lib/test/test_socketserver.py (RustPython/RustPython's copy), line by line.
// Servers in threads become servers on 127.0.0.1 in this process; `serve_forever()` runs as a task and
// `t.join()` awaits it. The Unix-socket, datagram and forking servers are not provided (docs/divergences.md,
// "http.server, socketserver"): their tests are registered as ignored with that reason.
import { OverflowError, SystemExit, tuple, ValueError } from "@pyweb/std";
import * as socketserver from "@pyweb/std/socketserver";
import type { Request, ServerAddress } from "@pyweb/std/socketserver";
import { assertEqual, assertRaises, assertRaisesAsync, assertTrue } from "./_unittest.ts";

const enc = new TextEncoder();

const TEST_STR = enc.encode("hello world\n");
const HOST = "127.0.0.1";
const SHORT_TIMEOUT = 30;
const SOCK_MAX_SIZE = 16 * 1024 * 1024; // test.support.SOCK_MAX_SIZE

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** `receive(sock, n, timeout)`: one `recv(n)`, or RuntimeError after `timeout` seconds. */
async function receive(sock: Deno.Conn, n: number, timeout = SHORT_TIMEOUT): Promise<Uint8Array> {
  const buf = new Uint8Array(n);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const got = await Promise.race([
    sock.read(buf),
    new Promise<"timeout">((r) => timer = setTimeout(() => r("timeout"), timeout * 1000)),
  ]);
  clearTimeout(timer);
  if (got === "timeout") throw new Error(`RuntimeError: timed out on ${sock}`);
  return buf.slice(0, got ?? 0);
}

/** `s.makefile('rb')` over a client connection: `readline()`, `read(n)` and `read()`. */
class Reader {
  #buf = new Uint8Array(0);
  #eof = false;
  constructor(readonly sock: Deno.Conn) {}
  async #fill(): Promise<boolean> {
    if (this.#eof) return false;
    const chunk = new Uint8Array(65536);
    const n = await this.sock.read(chunk);
    if (n === null) {
      this.#eof = true;
      return false;
    }
    this.#buf = concat(this.#buf, chunk.subarray(0, n));
    return true;
  }
  #take(n: number): Uint8Array {
    const out = this.#buf.slice(0, n);
    this.#buf = this.#buf.slice(n);
    return out;
  }
  async readline(): Promise<Uint8Array> {
    for (;;) {
      const i = this.#buf.indexOf(10);
      if (i >= 0) return this.#take(i + 1);
      if (!(await this.#fill())) return this.#take(this.#buf.length);
    }
  }
  async read(n = -1): Promise<Uint8Array> {
    while ((n < 0 || this.#buf.length < n) && await this.#fill()) { /* keep reading */ }
    return this.#take(n < 0 ? this.#buf.length : n);
  }
}

type ServerCls =
  // deno-lint-ignore no-explicit-any
  & (new (...args: any[]) => socketserver.BaseServer & { fileno(): number; socket: Deno.Listener })
  & { address_family: string };
type HandlerCls = typeof socketserver.StreamRequestHandler;

class SocketServerTest {
  port_seed = 0;
  test_files: string[] = [];

  setUp() {
    this.port_seed = 0;
    this.test_files = [];
  }

  tearDown() {
    for (const fn of this.test_files) {
      try {
        Deno.removeSync(fn);
      } catch { /* OSError */ }
    }
    this.test_files.length = 0;
  }

  pickaddr(_proto: string): [string, number] {
    return tuple(HOST, 0) as unknown as [string, number];
  }

  make_server(addr: [string, number], svrcls: ServerCls, hdlrbase: HandlerCls) {
    class MyServer extends svrcls {
      override handle_error(_request: Request, _client_address: ServerAddress): void {
        this.close_request(_request);
        throw this.exc_info![1];
      }
    }

    class MyHandler extends hdlrbase {
      override async handle() {
        const line = await this.rfile.readline();
        this.wfile.write(line);
      }
    }

    const server = new MyServer(addr, MyHandler);
    const sock = server.socket.addr as Deno.NetAddr;
    assertEqual(server.server_address, tuple(sock.hostname, sock.port));
    return server;
  }

  async run_server(
    svrcls: ServerCls,
    hdlrbase: HandlerCls,
    testfunc: (proto: string, addr: ServerAddress) => Promise<void>,
  ) {
    const server = this.make_server(this.pickaddr(svrcls.address_family), svrcls, hdlrbase);
    // We had the OS pick a port, so pull the real address out of the server.
    const addr = server.server_address;
    // Short poll interval to make the test finish quickly.
    const t = server.serve_forever({ poll_interval: 0.01 });
    for (let i = 0; i < 3; i++) {
      await testfunc(svrcls.address_family, addr);
    }
    await server.shutdown();
    await t;
    await server.server_close();
    // `server.socket.fileno()`: a Deno listener has no fileno(); the server's is the socket's.
    assertEqual(-1, server.fileno());
  }

  async stream_examine(_proto: string, addr: ServerAddress) {
    using s = await Deno.connect({ hostname: addr[0], port: addr[1] });
    await s.write(TEST_STR);
    let data = await receive(s, 100);
    let buf = data;
    while (data.length && !buf.includes(10)) {
      data = await receive(s, 100);
      buf = concat(buf, data);
    }
    assertEqual(buf, TEST_STR);
  }

  async test_TCPServer() {
    await this.run_server(
      socketserver.TCPServer as ServerCls,
      socketserver.StreamRequestHandler,
      this.stream_examine.bind(this),
    );
  }

  async test_ThreadingTCPServer() {
    await this.run_server(
      socketserver.ThreadingTCPServer as ServerCls,
      socketserver.StreamRequestHandler,
      this.stream_examine.bind(this),
    );
  }

  async test_shutdown() {
    // Issue #2302: shutdown() should always succeed in making an other thread leave serve_forever().
    class MyServer extends socketserver.TCPServer {}

    class MyHandler extends socketserver.StreamRequestHandler {}

    const threads: [() => Promise<void>, MyServer][] = [];
    const started: Promise<void>[] = [];
    for (let i = 0; i < 20; i++) {
      const s = new MyServer([HOST, 0], MyHandler);
      const t = () => s.serve_forever({ poll_interval: 0.01 });
      threads.push([t, s]);
    }
    for (const [t, s] of threads) {
      started.push(t());
      await s.shutdown();
    }
    for (const [i, [, s]] of threads.entries()) {
      await started[i];
      await s.server_close();
    }
  }

  async test_close_immediately() {
    class MyServer extends socketserver.ThreadingMixIn(socketserver.TCPServer) {}

    // deno-lint-ignore no-explicit-any
    const server = new MyServer([HOST, 0], (() => null) as any);
    await server.server_close();
  }

  test_tcpserver_bind_leak() {
    // Issue #22435: the server socket wouldn't be closed if bind()/listen() failed.
    // Create many servers for which bind() will fail, to see if this result in FD exhaustion.
    for (let i = 0; i < 1024; i++) {
      assertRaises(
        OverflowError,
        () => new socketserver.TCPServer([HOST, -1], socketserver.StreamRequestHandler),
      );
    }
  }

  async test_context_manager() {
    let server: socketserver.TCPServer;
    {
      await using s = new socketserver.TCPServer([HOST, 0], socketserver.StreamRequestHandler);
      server = s;
    }
    assertEqual(-1, server.fileno());
  }
}

const IGNORED_SERVERS: Record<string, string> = {
  test_ForkingTCPServer: "fork: ForkingTCPServer is not provided, Deno has no fork()",
  test_UnixStreamServer: "Unix sockets: UnixStreamServer is not provided (docs/divergences.md)",
  test_ThreadingUnixStreamServer:
    "Unix sockets: ThreadingUnixStreamServer is not provided (docs/divergences.md)",
  test_ForkingUnixStreamServer: "fork and Unix sockets: ForkingUnixStreamServer is not provided",
  test_UDPServer: "datagrams: UDPServer is not provided (docs/divergences.md)",
  test_ThreadingUDPServer: "datagrams: ThreadingUDPServer is not provided (docs/divergences.md)",
  test_ForkingUDPServer: "fork and datagrams: ForkingUDPServer is not provided",
  test_UnixDatagramServer: "Unix datagram sockets: UnixDatagramServer is not provided (docs/divergences.md)",
  test_ThreadingUnixDatagramServer:
    "Unix datagram sockets: ThreadingUnixDatagramServer is not provided (docs/divergences.md)",
  test_ForkingUnixDatagramServer: "fork and Unix datagram sockets: ForkingUnixDatagramServer is not provided",
};

const SOCKET_SERVER_TESTS = [
  "test_TCPServer",
  "test_ThreadingTCPServer",
  "test_ForkingTCPServer",
  "test_UnixStreamServer",
  "test_ThreadingUnixStreamServer",
  "test_ForkingUnixStreamServer",
  "test_UDPServer",
  "test_ThreadingUDPServer",
  "test_ForkingUDPServer",
  "test_UnixDatagramServer",
  "test_ThreadingUnixDatagramServer",
  "test_ForkingUnixDatagramServer",
  "test_shutdown",
  "test_close_immediately",
  "test_tcpserver_bind_leak",
  "test_context_manager",
] as const;

for (const name of SOCKET_SERVER_TESTS) {
  const reason = IGNORED_SERVERS[name];
  if (reason) {
    Deno.test({ name: `SocketServerTest.${name} (ignored: ${reason})`, ignore: true, fn() {} });
    continue;
  }
  Deno.test(`SocketServerTest.${name}`, async () => {
    const t = new SocketServerTest();
    t.setUp();
    try {
      // deno-lint-ignore no-explicit-any
      await (t as any)[name]();
    } finally {
      t.tearDown();
    }
  });
}

// ErrorHandlerTest: the handler and handle_error() append to a log file (os_helper.TESTFN).
let TESTFN = "";

/** `open(TESTFN, 'a').write(text)`. */
function appendLog(text: string) {
  Deno.writeTextFileSync(TESTFN, text, { append: true });
}

class BaseErrorTestServer extends socketserver.TCPServer {
  exception: new (msg: string) => Error;

  // Python's __init__ connects and handles one request; a constructor cannot await, so `init()` does that.
  constructor(exception: new (msg: string) => Error) {
    super([HOST, 0], BadHandler);
    this.exception = exception;
  }

  async init(): Promise<this> {
    (await Deno.connect({ hostname: this.server_address[0], port: this.server_address[1] })).close();
    try {
      await this.handle_request();
    } finally {
      await this.server_close();
    }
    await this.wait_done();
    return this;
  }

  override handle_error(_request: Request, _client_address: ServerAddress): void {
    appendLog("Error handled\n");
  }

  wait_done(): void | Promise<void> {}
}

class BadHandler extends socketserver.BaseRequestHandler {
  override handle() {
    appendLog("Handler called\n");
    throw new this.server.exception("Test error");
  }
}

class ThreadingErrorTestServer extends socketserver.ThreadingMixIn(BaseErrorTestServer) {
  done = Promise.withResolvers<void>();

  override shutdown_request(request: Request) {
    super.shutdown_request(request);
    this.done.resolve();
  }

  override async wait_done() {
    await this.done.promise;
  }
}

class ErrorHandlerTest {
  setUp() {
    TESTFN = Deno.makeTempFileSync({ prefix: "socketserver_test_" });
    Deno.removeSync(TESTFN);
  }

  tearDown() {
    try {
      Deno.removeSync(TESTFN);
    } catch { /* os_helper.unlink ignores a missing file */ }
  }

  async test_sync_handled() {
    await new BaseErrorTestServer(ValueError).init();
    this.check_result(true);
  }

  async test_sync_not_handled() {
    await assertRaisesAsync(SystemExit, () => new BaseErrorTestServer(SystemExit).init());
    this.check_result(false);
  }

  async test_threading_handled() {
    await new ThreadingErrorTestServer(ValueError).init();
    this.check_result(true);
  }

  check_result(handled: boolean) {
    const log = Deno.readTextFileSync(TESTFN);
    const expected = "Handler called\n" + "Error handled\n".repeat(handled ? 1 : 0);
    assertEqual(log, expected);
  }
}

const ERROR_HANDLER_TESTS: Record<string, string | null> = {
  test_sync_handled: null,
  test_sync_not_handled: null,
  test_threading_handled: null,
  test_threading_not_handled:
    "threading.excepthook (catch_threading_exception): no threads, a task's SystemExit ends it silently " +
    "as the default hook does, and there is no hook to observe it",
  test_forking_handled: "fork: ForkingMixIn is not provided, Deno has no fork()",
  test_forking_not_handled: "fork: ForkingMixIn is not provided, Deno has no fork()",
};

for (const [name, reason] of Object.entries(ERROR_HANDLER_TESTS)) {
  if (reason) {
    Deno.test({ name: `ErrorHandlerTest.${name} (ignored: ${reason})`, ignore: true, fn() {} });
    continue;
  }
  Deno.test(`ErrorHandlerTest.${name}`, async () => {
    const t = new ErrorHandlerTest();
    t.setUp();
    try {
      // deno-lint-ignore no-explicit-any
      await (t as any)[name]();
    } finally {
      t.tearDown();
    }
  });
}

/** `isinstance(f, io.BufferedIOBase)`: we have no such class, so its methods a writer has. */
function isBufferedIOBase(f: unknown): boolean {
  const o = f as Record<string, unknown>;
  return ["write", "flush", "close", "fileno"].every((m) => typeof o[m] === "function");
}

Deno.test("SocketWriterTest.test_basics", async () => {
  // deno-lint-ignore no-explicit-any
  type Srv = socketserver.TCPServer & Record<string, any>;
  class Handler extends socketserver.StreamRequestHandler {
    override handle() {
      const server = this.server as Srv;
      server.wfile = this.wfile;
      server.wfile_fileno = this.wfile.fileno();
      server.request_fileno = this.request.fileno!();
    }
  }

  const server = new socketserver.TCPServer([HOST, 0], Handler) as Srv;
  try {
    {
      using _s = await Deno.connect({ hostname: server.server_address[0], port: server.server_address[1] });
    }
    await server.handle_request();
    assertTrue(isBufferedIOBase(server.wfile));
    assertEqual(server.wfile_fileno, server.request_fileno);
  } finally {
    await server.server_close();
  }
});

Deno.test("SocketWriterTest.test_write", async () => {
  // Test that wfile.write() sends data immediately, and that it does not truncate sends when interrupted
  // by a Unix signal.
  // deno-lint-ignore no-explicit-any
  type Srv = socketserver.TCPServer & Record<string, any>;
  class Handler extends socketserver.StreamRequestHandler {
    override async handle() {
      const server = this.server as Srv;
      server.sent1 = this.wfile.write(enc.encode("write data\n"));
      // Should be sent immediately, without requiring flush()
      server.received = await this.rfile.readline();
      const big_chunk = new Uint8Array(SOCK_MAX_SIZE);
      server.sent2 = this.wfile.write(big_chunk);
    }
  }

  const server = new socketserver.TCPServer([HOST, 0], Handler) as Srv;
  const cleanups: (() => unknown)[] = [() => server.server_close()];
  try {
    let interrupted = Promise.withResolvers<void>();
    let isSet = false;
    const signal_handler = () => {
      isSet = true;
      interrupted.resolve();
    };
    Deno.addSignalListener("SIGUSR1", signal_handler);
    cleanups.push(() => Deno.removeSignalListener("SIGUSR1", signal_handler));
    let response1: Uint8Array | null = null;
    let received2: number | null = null;

    const run_client = async () => {
      using s = await Deno.connect({ hostname: server.server_address[0], port: server.server_address[1] });
      const reader = new Reader(s);
      response1 = await reader.readline();
      await s.write(enc.encode("client response\n"));

      await reader.read(100);
      // The main thread should now be blocking in a send() syscall. But in theory, it could get
      // interrupted by other signals, and then retried. So keep sending the signal in a loop.
      while (true) {
        Deno.kill(Deno.pid, "SIGUSR1");
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([interrupted.promise, new Promise((r) => timer = setTimeout(r, 1000))]);
        clearTimeout(timer);
        if (isSet) break;
        interrupted = Promise.withResolvers<void>();
      }
      received2 = (await reader.read()).length;
    };

    const background = run_client();
    await server.handle_request();
    await background;
    assertEqual(server.sent1, response1!.length);
    assertEqual(response1, enc.encode("write data\n"));
    assertEqual(server.received, enc.encode("client response\n"));
    assertEqual(server.sent2, SOCK_MAX_SIZE);
    assertEqual(received2, SOCK_MAX_SIZE - 100);
  } finally {
    for (const c of cleanups.reverse()) await c();
  }
});

Deno.test("MiscTestCase.test_all", () => {
  // objects defined in the module should be in __all__: the module's runtime exports are CPython's
  // `socketserver.__all__`, less the classes docs/divergences.md lists as not provided.
  const cpython_all = [
    "BaseServer",
    "TCPServer",
    "UDPServer",
    "ThreadingUDPServer",
    "ThreadingTCPServer",
    "BaseRequestHandler",
    "StreamRequestHandler",
    "DatagramRequestHandler",
    "ThreadingMixIn",
    "ForkingUDPServer",
    "ForkingTCPServer",
    "ForkingMixIn",
    "UnixStreamServer",
    "UnixDatagramServer",
    "ThreadingUnixStreamServer",
    "ThreadingUnixDatagramServer",
    "ForkingUnixStreamServer",
    "ForkingUnixDatagramServer",
  ];
  const notProvided = /UDP|Unix|Forking|Datagram/;
  const expected = Object.keys(socketserver).sort();
  assertEqual(cpython_all.filter((n) => !notProvided.test(n)).sort(), expected);
});

Deno.test("MiscTestCase.test_shutdown_request_called_if_verify_request_false", async () => {
  // Issue #26309: BaseServer should call shutdown_request even if verify_request is False
  class MyServer extends socketserver.TCPServer {
    override verify_request(_request: Request, _client_address: ServerAddress) {
      return false;
    }

    static shutdown_called = 0;
    shutdown_called = MyServer.shutdown_called;
    override shutdown_request(request: Request) {
      this.shutdown_called += 1;
      socketserver.TCPServer.prototype.shutdown_request.call(this, request);
    }
  }

  const server = new MyServer([HOST, 0], socketserver.StreamRequestHandler);
  const s = await Deno.connect({ hostname: server.server_address[0], port: server.server_address[1] });
  s.close();
  await server.handle_request();
  assertEqual(server.shutdown_called, 1);
  await server.server_close();
});

Deno.test({
  name: "MiscTestCase.test_threads_reaped (ignored: reads server._threads, a CPython-private attribute)",
  ignore: true,
  fn() {},
});
