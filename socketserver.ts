/**
 * Python's `socketserver`: the server classes `http.server` and
 * `wsgiref.simple_server` stand on, over `Deno.listen` TCP sockets.
 *
 * Python:
 * ```python
 * import socketserver
 *
 * class Echo(socketserver.StreamRequestHandler):
 *     def handle(self):
 *         self.wfile.write(self.rfile.readline().upper())
 *
 * with socketserver.ThreadingTCPServer(("127.0.0.1", 9999), Echo) as server:
 *     server.serve_forever()
 * ```
 *
 * TypeScript:
 * ```ts
 * import { StreamRequestHandler, ThreadingTCPServer } from "@pyweb/std/socketserver";
 * import assert from "node:assert/strict";
 *
 * class Echo extends StreamRequestHandler {
 *   override async handle() {
 *     this.wfile.write((await this.rfile.readline()).map((c) => c >= 97 && c <= 122 ? c - 32 : c));
 *   }
 * }
 *
 * await using server = new ThreadingTCPServer(["127.0.0.1", 0], Echo);
 * const serving = server.serve_forever();
 * const conn = await Deno.connect({ hostname: "127.0.0.1", port: server.server_address[1] });
 * await conn.write(new TextEncoder().encode("hello\n"));
 * const buf = new Uint8Array(16);
 * const n = await conn.read(buf);
 * assert.equal(new TextDecoder().decode(buf.subarray(0, n!)), "HELLO\n");
 * conn.close();
 * await server.shutdown();
 * await serving;
 * ```
 *
 * Every connection is its own async task, so a plain `TCPServer` already
 * serves clients concurrently (Python's `ThreadingMixIn` behaviour);
 * `serve_forever()` resolves after `shutdown()`, and `shutdown()` lets
 * in-flight HTTP responses finish. UDP and Unix sockets are not provided.
 *
 * @module
 */

import { writeStderr } from "./_util/stdio.ts";
import { formatException } from "./_util/traceback.ts";
import { BufferedReader, BufferedWriter, socketFileno, withTimeout } from "./_util/stream.ts";
import { repr, type Tuple, tuple } from "./_util/repr.ts";
import { fromDenoError, isException, OverflowError, TimeoutError, TypeError } from "./_util/exceptions.ts";
import { Signature } from "./_util/signature.ts";
import { classAttrs } from "./_util/classattrs.ts";
import { truthy, typeName } from "./_util/builtins.ts";

export type { BufferedReader, BufferedWriter } from "./_util/stream.ts";
export type { Tuple } from "./_util/repr.ts";

/** A server address as Python gives it: `(host, port)`. */
export type ServerAddress = Tuple<string | number> & [string, number];

/**
 * The connection a handler serves: a TCP (or TLS) connection. Connections a `TCPServer` accepts also have
 * Python's `fileno()`.
 */
export type Request = Deno.Conn & { fileno?(): number };

/** A request handler class: Python's `RequestHandlerClass`. */
export interface RequestHandlerClass {
  /** Construct a handler; it starts handling the request on the next microtask. */
  // deno-lint-ignore no-explicit-any
  new (request: Request, client_address: ServerAddress, server: any, ...rest: any[]): BaseRequestHandler;
}

/** What the server knows about each open connection. */
interface ConnState {
  tasks: Set<Promise<void>>;
  /** True while an HTTP handler waits for the next request line. */
  idle: boolean;
  /** True once a handler said it takes part in graceful shutdown. */
  graceful: boolean;
}

const handling = new WeakMap<Request, Promise<void>[]>();
const states = new WeakMap<Request, ConnState>();
const serversOf = new WeakMap<Request, BaseServer>();

const BASE_SERVER_INIT = new Signature<
  { server_address: [string, number]; RequestHandlerClass: RequestHandlerClass }
>(
  "BaseServer.__init__",
  ["self", "server_address", "RequestHandlerClass"],
);
const SERVE_FOREVER = new Signature<{ poll_interval: number | null }>(
  "BaseServer.serve_forever",
  ["self", "poll_interval"],
  { poll_interval: 0.5 },
);
type RequestArgs = { request: Request; client_address: ServerAddress };
const VERIFY_REQUEST = new Signature<RequestArgs>("BaseServer.verify_request", [
  "self",
  "request",
  "client_address",
]);
const PROCESS_REQUEST = new Signature<RequestArgs>("BaseServer.process_request", [
  "self",
  "request",
  "client_address",
]);
const FINISH_REQUEST = new Signature<RequestArgs>("BaseServer.finish_request", [
  "self",
  "request",
  "client_address",
]);
const BASE_SHUTDOWN_REQUEST = new Signature<{ request: Request }>("BaseServer.shutdown_request", [
  "self",
  "request",
]);
const BASE_CLOSE_REQUEST = new Signature<{ request: Request }>("BaseServer.close_request", [
  "self",
  "request",
]);
const HANDLE_ERROR = new Signature<RequestArgs>("BaseServer.handle_error", [
  "self",
  "request",
  "client_address",
]);

/** The exceptions being handled by each server's `handle_error()` (Python's `sys.exc_info()` there). */
const handlingError = new WeakMap<BaseServer, unknown[]>();

/**
 * Python's `socketserver.BaseServer`: the request loop without the socket.
 *
 * Subclasses provide `get_request()`; `TCPServer` does.
 */
export class BaseServer {
  /** Python's `timeout`: seconds `handle_request()` waits, `null` forever. */
  static timeout: number | null = null;
  /** Python's `timeout`: seconds `handle_request()` waits, `null` forever. */
  declare timeout: number | null;
  /** Python's `server_address`: `(host, port)`, the real port after binding. */
  server_address: ServerAddress;
  /** Python's `RequestHandlerClass`. */
  RequestHandlerClass: RequestHandlerClass;
  #shutdownRequest = false;
  #serving: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #pendingGet: Promise<[Request, ServerAddress] | null> | null = null;
  /** Open connections and their tasks. */
  protected readonly connections: Set<Request> = new Set();
  #shuttingDown = false;

  /**
   * Python's `BaseServer(server_address, RequestHandlerClass)`.
   *
   * @param server_address `(host, port)`; `""` binds every interface
   * @param RequestHandlerClass the handler class instantiated per connection
   */
  constructor(kwargs: { server_address: [string, number]; RequestHandlerClass: RequestHandlerClass });
  /** The same call with some or all arguments by keyword, as Python allows. */
  constructor(
    server_address: [string, number],
    kwargs: { RequestHandlerClass: RequestHandlerClass },
  );
  /** The same call with some or all arguments by keyword, as Python allows. */
  constructor(server_address: [string, number], RequestHandlerClass: RequestHandlerClass);
  constructor(...args: unknown[]) {
    const { server_address, RequestHandlerClass } = BASE_SERVER_INIT.bind(args);
    this.server_address = tuple(server_address[0], server_address[1]) as ServerAddress;
    this.RequestHandlerClass = RequestHandlerClass;
  }

  /** True while `shutdown()` is draining connections (handlers stop keep-alive). */
  get shutting_down(): boolean {
    return this.#shuttingDown;
  }

  /** Python's `server_activate()`: called by the constructor after binding. */
  server_activate(): void {}

  /**
   * Python's `get_request()`: wait for the next connection.
   *
   * @returns `[request, client_address]`, or `null` once the server is closed
   */
  get_request(): Promise<[Request, ServerAddress] | null> {
    return Promise.resolve(null);
  }

  #nextRequest(): Promise<[Request, ServerAddress] | null> {
    if (!this.#pendingGet) {
      const p = this.get_request().catch(() => null);
      this.#pendingGet = p;
    }
    return this.#pendingGet;
  }

  /** Close a connection accepted while nobody was serving (on `server_close`). */
  protected discardPending(): void {
    const p = this.#pendingGet;
    this.#pendingGet = null;
    p?.then((r) => {
      if (r) {
        try {
          r[0].close();
        } catch { /* already closed */ }
      }
    });
  }

  /**
   * Python's `serve_forever(poll_interval=0.5)`: accept and handle
   * connections until `shutdown()`; resolves then. Each connection is
   * served concurrently. `service_actions()` runs at least every
   * `poll_interval` seconds (`null`: only when a connection arrives).
   * A `shutdown()` made before the loop started ends it at once (bpo-2302).
   * A `SystemExit` or `KeyboardInterrupt` raised by a request (one that
   * `process_request()` lets through) rejects the returned Promise, as it
   * leaves CPython's loop.
   *
   * @param poll_interval seconds between `service_actions()` calls when idle
   * @returns a Promise that resolves after `shutdown()`
   */
  serve_forever(poll_interval?: number | null): Promise<void>;
  /** The same call with some or all arguments by keyword, as Python allows. */
  serve_forever(kwargs: { poll_interval?: number | null }): Promise<void>;
  serve_forever(...args: unknown[]): Promise<void> {
    const { poll_interval } = SERVE_FOREVER.bind(args);
    // selector.select(timeout) polls without waiting for a timeout <= 0, and waits forever for None.
    const interval = poll_interval === null ? null : Math.max(0, Number(poll_interval) || 0);
    if (!this.#shutdownRequest) this.#shuttingDown = false;
    const loop = async () => {
      // A wait ends through `wake`, called by whichever comes first: the pending accept
      // (watched once, however many waits it spans), the poll timer (one timer, re-armed only
      // after it fired, not one per connection) or shutdown(). Nothing that lives as long as
      // the server gets a reaction per wait, so nothing keeps served connections reachable.
      let wake: (() => void) | null = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let watched: Promise<[Request, ServerAddress] | null> | null = null;
      let arrived: { got: [Request, ServerAddress] | null } | null = null;
      const fatal: { error: unknown }[] = []; // what a request let through (SystemExit, KeyboardInterrupt)
      const onFatal = (error: unknown) => {
        fatal.push({ error });
        wake?.();
      };
      try {
        while (!this.#shutdownRequest) {
          if (interval !== null) {
            timer ??= setTimeout(() => {
              timer = undefined;
              wake?.();
            }, interval * 1000);
          }
          const next = this.#nextRequest();
          if (next !== watched) {
            watched = next;
            arrived = null;
            next.then((got) => {
              if (watched !== next) return;
              arrived = { got };
              wake?.();
            });
          }
          if (!arrived && !fatal.length) {
            await new Promise<void>((resolve) => wake = this.#wake = resolve);
            wake = this.#wake = null;
          }
          if (fatal.length) throw fatal[0].error;
          if (this.#shutdownRequest) break; // bpo-35017: shutdown() during the wait ends the loop at once
          if (arrived) {
            const { got } = arrived;
            arrived = watched = this.#pendingGet = null;
            if (got === null) break; // the listener was closed
            this.#startTask(got[0], got[1]).catch(onFatal);
          }
          this.service_actions();
        }
      } finally {
        clearTimeout(timer);
        this.#shutdownRequest = false;
        this.#serving = null;
      }
    };
    this.#serving = loop();
    return this.#serving;
  }

  #startTask(request: Request, client_address: ServerAddress): Promise<void> {
    const state: ConnState = { tasks: new Set(), idle: false, graceful: false };
    states.set(request, state);
    serversOf.set(request, this);
    return this.track(request, this.#handleOne(request, client_address));
  }

  /** Python's `_handle_request_noblock()` after `get_request()`: verify, process, report. */
  async #handleOne(request: Request, client_address: ServerAddress): Promise<void> {
    let ok = false;
    try {
      ok = await this.verify_request(request, client_address);
    } catch (e) {
      if (!isException(e)) {
        this.shutdown_request(request);
        throw e;
      }
      this.reportError(request, client_address, e);
    }
    if (!ok) {
      this.shutdown_request(request);
      return;
    }
    try {
      await this.process_request(request, client_address);
    } catch (e) {
      if (isException(e)) this.reportError(request, client_address, e);
      this.shutdown_request(request);
      if (!isException(e)) throw e; // `except: self.shutdown_request(request); raise`
    }
  }

  /**
   * Call `handle_error(request, client_address)` with `error` as the
   * exception being handled (what {@link exc_info} gives there).
   *
   * @param request the connection
   * @param client_address the peer's `(host, port)`
   * @param error the exception
   */
  protected reportError(request: Request, client_address: ServerAddress, error: unknown): void {
    let stack = handlingError.get(this);
    if (!stack) handlingError.set(this, stack = []);
    stack.push(error);
    try {
      this.handle_error(request, client_address);
    } finally {
      stack.pop();
    }
  }

  /**
   * The exception `handle_error()` is handling, as Python's
   * `sys.exc_info()` gives it there: `(type, value, traceback)` with
   * `traceback` `null`; `null` outside `handle_error()`.
   */
  get exc_info(): Tuple<unknown> | null {
    const stack = handlingError.get(this);
    if (!stack?.length) return null;
    const e = stack[stack.length - 1];
    const ctor = e !== null && typeof e === "object" ? (e as object).constructor : null;
    return tuple(ctor, e, null);
  }

  /**
   * Python's `shutdown()`: stop `serve_forever()`. Resolves when the loop
   * has ended and every HTTP request being handled has had its response
   * written; idle keep-alive connections are closed. Called before
   * `serve_forever()`, it resolves at once and the next `serve_forever()`
   * returns at once (bpo-2302).
   *
   * @returns a Promise that resolves once the server is quiet
   */
  async shutdown(): Promise<void> {
    this.#shutdownRequest = true;
    this.#shuttingDown = true;
    this.#wake?.();
    this.#wake = null;
    const serving = this.#serving;
    this.closeIdle();
    const waits: Promise<void>[] = [];
    for (const c of this.connections) {
      const s = states.get(c);
      if (s?.graceful) waits.push(...s.tasks);
    }
    await Promise.allSettled(waits);
    if (serving) await serving.catch(() => {});
  }

  /** Close the connections whose handler waits for a next request. */
  protected closeIdle(): void {
    for (const c of this.connections) {
      const s = states.get(c);
      if (s?.idle) {
        try {
          c.close();
        } catch { /* already closed */ }
      }
    }
  }

  /** Python's `service_actions()`: called by the `serve_forever()` loop. */
  service_actions(): void {}

  /**
   * Python's `handle_request()`: wait for one connection (at most `timeout`
   * seconds, then `handle_timeout()`) and handle it.
   *
   * @returns a Promise that resolves when the request was handled
   */
  async handle_request(): Promise<void> {
    const timeout = this.timeout;
    let got: [Request, ServerAddress] | null;
    try {
      got = await withTimeout(this.#nextRequest(), timeout);
      this.#pendingGet = null;
    } catch (e) {
      if (e instanceof TimeoutError) this.handle_timeout();
      return;
    }
    if (got) await this.#startTask(got[0], got[1]);
  }

  /** Python's `handle_timeout()`: called when `handle_request()` times out. */
  handle_timeout(): void {}

  /**
   * Python's `verify_request(request, client_address)`: return false to
   * refuse the connection.
   *
   * @param request the connection
   * @param client_address the peer's `(host, port)`
   * @returns whether to serve it
   */
  verify_request(request: Request, client_address: ServerAddress): boolean | Promise<boolean>;
  verify_request(...args: unknown[]): boolean | Promise<boolean> {
    VERIFY_REQUEST.bind(args);
    return true;
  }

  /**
   * Python's `process_request(request, client_address)`: finish the request
   * and close the connection.
   *
   * @param request the connection
   * @param client_address the peer's `(host, port)`
   * @returns a Promise that resolves when the connection is done
   */
  process_request(request: Request, client_address: ServerAddress): Promise<void>;
  async process_request(...args: unknown[]): Promise<void> {
    const { request, client_address } = PROCESS_REQUEST.bind(args);
    await this.finishAndWait(request, client_address);
    this.shutdown_request(request);
  }

  /**
   * Python's `finish_request(request, client_address)`: instantiate
   * `RequestHandlerClass`, which handles the request.
   *
   * @param request the connection
   * @param client_address the peer's `(host, port)`
   * @returns a Promise that resolves when the handler is done
   */
  finish_request(request: Request, client_address: ServerAddress): Promise<void>;
  async finish_request(...args: unknown[]): Promise<void> {
    const { request, client_address } = FINISH_REQUEST.bind(args);
    new this.RequestHandlerClass(request, client_address, this);
    await handlersDone(request);
  }

  /**
   * Python's `server_close()`: close the listening socket. The returned
   * Promise resolves when the connections still being served are done
   * (`ThreadingMixIn.block_on_close`); with `daemon_threads` they are
   * closed instead.
   *
   * @returns a Promise that resolves when the server is closed
   */
  async server_close(): Promise<void> {}

  /**
   * Python's `shutdown_request(request)`: here, `close_request(request)`
   * (`TCPServer` shuts down writing first).
   *
   * @param request the connection
   */
  shutdown_request(request: Request): void;
  shutdown_request(...args: unknown[]): void {
    const { request } = BASE_SHUTDOWN_REQUEST.bind(args);
    this.close_request(request);
  }

  /**
   * Python's `close_request(request)`: nothing here (`TCPServer` closes
   * the connection).
   *
   * @param request the connection
   */
  close_request(request: Request): void;
  close_request(...args: unknown[]): void {
    BASE_CLOSE_REQUEST.bind(args);
  }

  /**
   * Python's `handle_error(request, client_address)`: print the traceback
   * block of the exception being handled ({@link exc_info}) to
   * stderr and go on serving. Called for `Exception`s only: a `SystemExit`
   * or `KeyboardInterrupt` leaves the loop instead.
   *
   * @param request the connection
   * @param client_address the peer's `(host, port)`
   */
  handle_error(request: Request, client_address: ServerAddress): void;
  handle_error(...args: unknown[]): void {
    const { client_address } = HANDLE_ERROR.bind(args);
    const lines = [
      "-".repeat(40),
      `Exception occurred during processing of request from ${repr(client_address)}`,
      formatException(this.exc_info?.[1]).trimEnd(),
      "-".repeat(40),
    ];
    writeStderr(lines.join("\n") + "\n");
  }

  /**
   * Count `task` as work on `request`'s connection: the connection stays
   * open for `shutdown()`/`server_close()` until every such task settled.
   *
   * @param request the connection
   * @param task the work
   * @returns `task`, settled the same way
   */
  protected track(request: Request, task: Promise<void>): Promise<void> {
    const s = states.get(request);
    if (!s) return task;
    this.connections.add(request);
    s.tasks.add(task);
    const done = task.finally(() => {
      s.tasks.delete(task);
      if (!s.tasks.size) this.connections.delete(request);
    });
    done.catch(() => {});
    return done;
  }

  /**
   * `finish_request()` and then wait for every handler constructed for
   * the request, even when an override of `finish_request` did not return
   * the handler's work.
   *
   * @param request the connection
   * @param client_address the peer's `(host, port)`
   * @returns a Promise that resolves when the handlers are done
   */
  protected async finishAndWait(request: Request, client_address: ServerAddress): Promise<void> {
    await this.finish_request(request, client_address);
    await handlersDone(request);
  }

  /** Wait for the tasks of open connections (used by `server_close`). */
  protected async drain(force: boolean): Promise<void> {
    this.closeIdle();
    if (force) {
      for (const c of this.connections) {
        try {
          c.close();
        } catch { /* already closed */ }
      }
    }
    const tasks: Promise<void>[] = [];
    for (const c of this.connections) {
      const s = states.get(c);
      if (s) tasks.push(...s.tasks);
    }
    await Promise.allSettled(tasks);
  }

  /** `with server:` → `await using server = …`: `server_close()` on exit. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.server_close();
  }
}
classAttrs(BaseServer, ["timeout"]);

/** Wait for every handler constructed for `request` (errors propagate). */
async function handlersDone(request: Request): Promise<void> {
  // Handlers start on a microtask; let the constructor's caller finish first.
  await Promise.resolve();
  for (;;) {
    const list = handling.get(request);
    if (!list || !list.length) return;
    handling.delete(request);
    for (const p of list) await p;
  }
}

/** Is Deno's `--unstable-net` on (it adds `Deno.listenDatagram`)? */
const UNSTABLE_NET = typeof (Deno as { listenDatagram?: unknown }).listenDatagram === "function";

/** Options of {@link TCPServer}'s constructor beyond Python's positional ones. */
export interface TCPServerOptions {
  /** Python's `bind_and_activate` (default true). */
  bind_and_activate?: boolean;
}

const TCP_SERVER_INIT = new Signature<{
  server_address: [string, number];
  RequestHandlerClass: RequestHandlerClass;
  bind_and_activate: unknown;
}>(
  "TCPServer.__init__",
  ["self", "server_address", "RequestHandlerClass", "bind_and_activate"],
  { bind_and_activate: true },
);
const TCP_SHUTDOWN_REQUEST = new Signature<{ request: Request }>("TCPServer.shutdown_request", [
  "self",
  "request",
]);
const TCP_CLOSE_REQUEST = new Signature<{ request: Request }>("TCPServer.close_request", ["self", "request"]);

/**
 * Python's `socketserver.TCPServer`: a `BaseServer` on a listening TCP
 * socket (`Deno.listen`). Binding happens in the constructor, so
 * `server_address` holds the real port right away.
 *
 * @example
 * ```ts
 * import { BaseRequestHandler, TCPServer } from "@pyweb/std/socketserver";
 * import assert from "node:assert/strict";
 *
 * const server = new TCPServer(["127.0.0.1", 0], BaseRequestHandler);
 * assert.equal(server.server_address[0], "127.0.0.1");
 * assert.ok(server.server_address[1] > 0);
 * await server.server_close();
 * ```
 */
export class TCPServer extends BaseServer {
  /** Python's `address_family`: `"AF_INET"` or `"AF_INET6"`. */
  static address_family: string = "AF_INET";
  /** Python's `address_family`: `"AF_INET"` or `"AF_INET6"`. */
  declare address_family: string;
  /** Python's `socket_type` (always `"SOCK_STREAM"`). */
  static socket_type: string = "SOCK_STREAM";
  /** Python's `socket_type` (always `"SOCK_STREAM"`). */
  declare socket_type: string;
  /** Python's `request_queue_size` (the OS backlog is Deno's). */
  static request_queue_size: number = 5;
  /** Python's `request_queue_size` (the OS backlog is Deno's). */
  declare request_queue_size: number;
  /** Python's `allow_reuse_address` (Deno sets `SO_REUSEADDR` on Unix listeners anyway). */
  static allow_reuse_address: boolean = false;
  /** Python's `allow_reuse_address` (Deno sets `SO_REUSEADDR` on Unix listeners anyway). */
  declare allow_reuse_address: boolean;
  /** Python's `allow_reuse_port`: binds with `reusePort` (with `--unstable-net`; ignored without). */
  static allow_reuse_port: boolean = false;
  /** Python's `allow_reuse_port`: binds with `reusePort`. */
  declare allow_reuse_port: boolean;
  /** Python's `socket`: the listener, `null` before `server_bind()` or after `server_close()`. */
  socket: Deno.Listener | null = null;
  #closed = false;

  /**
   * Python's `TCPServer(server_address, RequestHandlerClass, bind_and_activate=True)`.
   *
   * @param server_address `(host, port)`; `""` binds every interface, port 0 picks a free port
   * @param RequestHandlerClass the handler class
   * @param bind_and_activate bind and listen now (Python's default)
   */
  constructor(
    kwargs: {
      server_address: [string, number];
      RequestHandlerClass: RequestHandlerClass;
      bind_and_activate?: boolean;
    },
  );
  /** The same call with some or all arguments by keyword, as Python allows. */
  constructor(
    server_address: [string, number],
    kwargs: { RequestHandlerClass: RequestHandlerClass; bind_and_activate?: boolean },
  );
  /** The same call with some or all arguments by keyword, as Python allows. */
  constructor(
    server_address: [string, number],
    RequestHandlerClass: RequestHandlerClass,
    bind_and_activate?: boolean | TCPServerOptions,
  );
  constructor(...args: unknown[]) {
    const { server_address, RequestHandlerClass, bind_and_activate } = TCP_SERVER_INIT.bind(args);
    super(server_address, RequestHandlerClass);
    if (truthy(bind_and_activate)) {
      try {
        this.server_bind();
        this.server_activate();
      } catch (e) {
        void this.server_close();
        throw e;
      }
    }
  }

  /**
   * Python's `server_bind()`: bind (and, with Deno, listen) on `server_address`.
   *
   * @throws `OverflowError` for a port outside 0-65535, `TypeError` for one that is not an integer
   */
  server_bind(): void {
    const [host, port] = this.server_address;
    if (typeof port !== "number" || !Number.isInteger(port)) {
      throw new TypeError(`'${typeName(port)}' object cannot be interpreted as an integer`);
    }
    if (port < 0 || port > 65535) throw new OverflowError("bind(): port must be 0-65535.");
    this.socket = this.listen(host === "" ? "0.0.0.0" : host, port);
    const addr = this.socket.addr as Deno.NetAddr;
    this.server_address = tuple(addr.hostname, addr.port) as ServerAddress;
  }

  /**
   * Open the listening socket (`HTTPSServer` overrides this for TLS).
   *
   * @param hostname the address to bind
   * @param port the port (0 for any free one)
   * @returns the listener
   */
  protected listen(hostname: string, port: number): Deno.Listener {
    if (hostname.includes(":")) this.address_family = "AF_INET6";
    try {
      const opts: Deno.TcpListenOptions = { hostname, port };
      // SO_REUSEPORT is Deno's unstable `reusePort` (without --unstable-net, using it ends the
      // process): without the flag, it is ignored as on a platform without SO_REUSEPORT in CPython.
      if (this.allow_reuse_port && UNSTABLE_NET) (opts as { reusePort?: boolean }).reusePort = true;
      return Deno.listen(opts);
    } catch (e) {
      throw fromDenoError(e);
    }
  }

  /** Python's `server_activate()`: `Deno.listen` already listens. */
  override server_activate(): void {}

  /**
   * Python's `fileno()`: the listening socket's number, `-1` once closed.
   * Deno does not expose a listener's OS descriptor, so this is its
   * resource id (a stable positive number for the listener's life).
   *
   * @returns the listener's id, or -1
   */
  fileno(): number {
    if (!this.socket || this.#closed) return -1;
    return socketFileno(this.socket);
  }

  /**
   * Python's `get_request()`: accept the next connection.
   *
   * @returns `[request, client_address]`, or `null` once closed
   */
  override get_request(): Promise<[Request, ServerAddress] | null> {
    const listener = this.socket;
    if (!listener || this.#closed) return Promise.resolve(null);
    return this.#acceptOne(listener);
  }

  async #acceptOne(listener: Deno.Listener): Promise<[Request, ServerAddress] | null> {
    for (;;) {
      try {
        const conn = await listener.accept();
        // Python's `request.fileno()`: the same number as the handler's `rfile`/`wfile.fileno()`.
        Object.defineProperty(conn, "fileno", {
          value: () => socketFileno(conn),
          configurable: true,
          writable: true,
        });
        const a = conn.remoteAddr as Deno.NetAddr;
        return [conn, tuple(a.hostname, a.port) as ServerAddress];
      } catch (e) {
        if (this.#closed || e instanceof Deno.errors.BadResource || e instanceof Deno.errors.Interrupted) {
          return null;
        }
        // A failed accept (EMFILE, aborted handshake) must not stop the server.
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  }

  /**
   * Python's `server_close()`: close the listening socket; resolves after
   * the connections still open are done.
   *
   * @returns a Promise that resolves when everything is closed
   */
  override async server_close(): Promise<void> {
    this.#closed = true;
    if (this.socket) {
      try {
        this.socket.close();
      } catch { /* already closed */ }
    }
    this.discardPending();
    // deno-lint-ignore no-explicit-any
    const self = this as any;
    await this.drain(Boolean(self.daemon_threads) || self.block_on_close === false);
  }

  /**
   * Python's `shutdown_request(request)`: shut down writing, then
   * `close_request(request)`. A plain Deno TCP connection is just closed:
   * its `close()` sends the FIN at once (CPython shuts down first because a
   * Python socket stays open while its `makefile()` objects live), which
   * saves a system call per connection; a TLS connection still sends its
   * close_notify through `closeWrite()`.
   *
   * @param request the connection
   */
  override shutdown_request(request: Request): void;
  override shutdown_request(...args: unknown[]): void {
    const { request } = TCP_SHUTDOWN_REQUEST.bind(args);
    // deno-lint-ignore no-explicit-any
    const r = request as any;
    if (typeof r.setNoDelay === "function" && typeof r.handshake !== "function") {
      this.close_request(request);
      return;
    }
    try {
      // deno-lint-ignore no-explicit-any
      const done = (request as any).closeWrite?.();
      if (done && typeof done.catch === "function") done.catch(() => {});
    } catch { /* ENOTCONN and friends */ }
    this.close_request(request);
  }

  /**
   * Python's `close_request(request)`: close the connection.
   *
   * @param request the connection
   */
  override close_request(request: Request): void;
  override close_request(...args: unknown[]): void {
    const { request } = TCP_CLOSE_REQUEST.bind(args);
    try {
      request.close();
    } catch { /* already closed */ }
  }

  /** `with server:` in a sync block → `using server = …`: closes the listener. */
  [Symbol.dispose](): void {
    void this.server_close();
  }
}
classAttrs(TCPServer, [
  "address_family",
  "socket_type",
  "request_queue_size",
  "allow_reuse_address",
  "allow_reuse_port",
]);

/** A class that `ThreadingMixIn` can extend. */
// deno-lint-ignore no-explicit-any
export type ServerClass = abstract new (...args: any[]) => BaseServer;

/** What `ThreadingMixIn(Base)` returns: `Base`'s constructor making instances with the threading members. */
export type ThreadingClass<T extends ServerClass> = new (
  ...args: ConstructorParameters<T>
) => InstanceType<T> & ThreadingServer;

/** The members `ThreadingMixIn` adds. */
export interface ThreadingServer {
  /** Python's `daemon_threads`: `server_close()` closes busy connections instead of waiting. */
  daemon_threads: boolean;
  /** Python's `block_on_close`: `server_close()` waits for busy connections. */
  block_on_close: boolean;
  /** Python's `process_request_thread`: finish, report errors, close. */
  process_request_thread(request: Request, client_address: ServerAddress): Promise<void>;
}

const PROCESS_REQUEST_THREAD = new Signature<RequestArgs>("ThreadingMixIn.process_request_thread", [
  "self",
  "request",
  "client_address",
]);
const THREADING_PROCESS_REQUEST = new Signature<RequestArgs>("ThreadingMixIn.process_request", [
  "self",
  "request",
  "client_address",
]);

/** What the mixin's methods use of the server they are mixed into. */
interface ThreadingHost {
  finishAndWait(request: Request, client_address: ServerAddress): Promise<void>;
  reportError(request: Request, client_address: ServerAddress, error: unknown): void;
  shutdown_request(request: Request): void;
  track(request: Request, task: Promise<void>): Promise<void>;
  process_request_thread(request: Request, client_address: ServerAddress): Promise<void>;
}

/**
 * Python's `ThreadingMixIn.process_request_thread(request, client_address)`:
 * finish the request, report an `Exception` through `handle_error()`, then
 * `shutdown_request()`. A `SystemExit` ends the task, as it ends a thread.
 */
async function processRequestThread(this: ThreadingHost, ...args: unknown[]): Promise<void> {
  const { request, client_address } = PROCESS_REQUEST_THREAD.bind(args);
  try {
    await this.finishAndWait(request, client_address);
  } catch (e) {
    if (!isException(e)) throw e;
    this.reportError(request, client_address, e);
  } finally {
    this.shutdown_request(request);
  }
}

/** Python's `ThreadingMixIn.process_request(request, client_address)`: serve as its own task. */
function threadingProcessRequest(this: ThreadingHost, ...args: unknown[]): Promise<void> {
  let a: RequestArgs;
  try {
    a = THREADING_PROCESS_REQUEST.bind(args);
  } catch (e) {
    return Promise.reject(e);
  }
  void this.track(a.request, this.process_request_thread(a.request, a.client_address));
  return Promise.resolve();
}

const MIXIN_METHODS: PropertyDescriptorMap = {
  process_request_thread: { value: processRequestThread, writable: true, configurable: true },
  process_request: { value: threadingProcessRequest, writable: true, configurable: true },
};

/**
 * Python's `socketserver.ThreadingMixIn` as a class factory:
 * `class ThreadingHTTPServer(ThreadingMixIn, HTTPServer)` ports as
 * `class ThreadingHTTPServer extends ThreadingMixIn(HTTPServer) {}`.
 * `process_request()` returns at once (the connection is served as its own
 * task, like a thread); errors go to `handle_error()`. The mixin's methods
 * are also on `ThreadingMixIn.prototype`, as on Python's mixin class.
 *
 * @param Base the server class to extend
 * @returns the mixed class
 *
 * @example
 * ```ts
 * import { BaseRequestHandler, TCPServer, ThreadingMixIn } from "@pyweb/std/socketserver";
 * import assert from "node:assert/strict";
 *
 * class MyServer extends ThreadingMixIn(TCPServer) {}
 * const server = new MyServer(["127.0.0.1", 0], BaseRequestHandler);
 * assert.equal(server.daemon_threads, false);
 * await server.server_close();
 * ```
 */
export function ThreadingMixIn<T extends ServerClass>(Base: T): ThreadingClass<T> {
  abstract class Threading extends Base {
    static daemon_threads = false;
    static block_on_close = true;
  }
  threadingAttrs(Threading);
  return Threading as unknown as ThreadingClass<T>;
}
Object.defineProperties(ThreadingMixIn.prototype, MIXIN_METHODS);

/**
 * Give a server class `ThreadingMixIn`'s methods and make its
 * `daemon_threads`/`block_on_close` statics Python class attributes.
 *
 * @param cls the server class (with `static daemon_threads` and `static block_on_close`)
 */
function threadingAttrs(cls: { prototype: object }): void {
  Object.defineProperties(cls.prototype, MIXIN_METHODS);
  classAttrs(
    cls as unknown as typeof ThreadingTCPServer,
    ["daemon_threads", "block_on_close"] as ("daemon_threads" | "block_on_close")[],
  );
}

/**
 * Python's `socketserver.ThreadingTCPServer` (`ThreadingMixIn, TCPServer`).
 *
 * @example
 * ```ts
 * import { BaseRequestHandler, ThreadingTCPServer } from "@pyweb/std/socketserver";
 * import assert from "node:assert/strict";
 *
 * await using server = new ThreadingTCPServer(["127.0.0.1", 0], BaseRequestHandler);
 * assert.equal(server.block_on_close, true);
 * ```
 */
export class ThreadingTCPServer extends TCPServer implements ThreadingServer {
  /** Python's `daemon_threads`. */
  static daemon_threads: boolean = false;
  /** Python's `daemon_threads`. */
  declare daemon_threads: boolean;
  /** Python's `block_on_close`. */
  static block_on_close: boolean = true;
  /** Python's `block_on_close`. */
  declare block_on_close: boolean;
  /**
   * Python's `ThreadingMixIn.process_request_thread(request, client_address)`.
   *
   * @param request the connection
   * @param client_address the peer's `(host, port)`
   * @returns a Promise that resolves when the connection is done
   */
  declare process_request_thread: (request: Request, client_address: ServerAddress) => Promise<void>;
}
threadingAttrs(ThreadingTCPServer);

const BASE_REQUEST_HANDLER_INIT = new Signature<{
  request: Request;
  client_address: ServerAddress;
  // deno-lint-ignore no-explicit-any
  server: any;
}>("BaseRequestHandler.__init__", ["self", "request", "client_address", "server"]);

/**
 * Python's `socketserver.BaseRequestHandler`. Constructing one starts
 * handling on the next microtask — `setup()`, `handle()`, `finish()`, each
 * of which may be async — after the subclass constructor has finished, so
 * subclass fields and constructor arguments (`directory`) are in place.
 *
 * @example
 * ```ts
 * import { BaseRequestHandler, TCPServer } from "@pyweb/std/socketserver";
 * import assert from "node:assert/strict";
 *
 * class Hello extends BaseRequestHandler {
 *   override async handle() {
 *     await this.request.write(new TextEncoder().encode("hi\n"));
 *   }
 * }
 * await using server = new TCPServer(["127.0.0.1", 0], Hello);
 * const handled = server.handle_request();
 * const conn = await Deno.connect({ hostname: "127.0.0.1", port: server.server_address[1] });
 * await handled;
 * const buf = new Uint8Array(8);
 * assert.equal(await conn.read(buf), 3);
 * conn.close();
 * ```
 */
export class BaseRequestHandler {
  /** Python's `request`: the connection. */
  request: Request;
  /** Python's `client_address`: `(host, port)`. */
  client_address: ServerAddress;
  /** Python's `server`. */
  // deno-lint-ignore no-explicit-any
  server: any;

  /**
   * Python's `BaseRequestHandler(request, client_address, server)`: store
   * the arguments and start handling on the next microtask.
   *
   * @param request the connection
   * @param client_address the peer's `(host, port)`
   * @param server the server
   */
  // deno-lint-ignore no-explicit-any
  constructor(kwargs: { request: Request; client_address: ServerAddress; server: any });
  /** The same call with some or all arguments by keyword, as Python allows. */
  // deno-lint-ignore no-explicit-any
  constructor(request: Request, client_address: ServerAddress, kwargs: { server: any });
  /** The same call with some or all arguments by keyword, as Python allows. */
  // deno-lint-ignore no-explicit-any
  constructor(request: Request, client_address: ServerAddress, server: any);
  /** What a subclass's constructor passes on with `super(...args)`: positional and keyword forms alike. */
  constructor(...args: unknown[]);
  constructor(...args: unknown[]) {
    const { request, client_address, server } = BASE_REQUEST_HANDLER_INIT.bind(args);
    this.request = request;
    this.client_address = client_address;
    this.server = server;
    const done = Promise.resolve().then(() => this.#lifecycle());
    done.catch(() => {});
    let list = handling.get(request);
    if (!list) handling.set(request, list = []);
    list.push(done);
  }

  async #lifecycle(): Promise<void> {
    await this.setup();
    try {
      await this.handle();
    } finally {
      await this.finish();
    }
  }

  /** Python's `setup()`: called before `handle()`. */
  setup(): void | Promise<void> {}
  /** Python's `handle()`: serve the request. */
  handle(): void | Promise<void> {}
  /** Python's `finish()`: called after `handle()`, even when it raised. */
  finish(): void | Promise<void> {}

  /**
   * Tell the server whether this connection waits for a new request (an
   * idle keep-alive connection that `shutdown()` may close) or is busy
   * with one (which `shutdown()` lets finish).
   *
   * @param idle true while waiting for the next request
   * @returns true if the server is shutting down
   */
  protected markIdle(idle: boolean): boolean {
    const s = states.get(this.request);
    if (s) {
      s.idle = idle;
      s.graceful = true;
    }
    return serversOf.get(this.request)?.shutting_down ?? false;
  }
}

/**
 * Python's `socketserver.StreamRequestHandler`: `rfile` and `wfile` over
 * the connection. `rfile` is a buffered reader (`await this.rfile.read(n)`,
 * `await this.rfile.readline()`); `wfile.write(b)` queues without `await`
 * and coalesces writes made in the same tick into one socket write.
 *
 * @example
 * ```ts
 * import { StreamRequestHandler } from "@pyweb/std/socketserver";
 * import assert from "node:assert/strict";
 * assert.equal(StreamRequestHandler.rbufsize, -1);
 * ```
 */
export class StreamRequestHandler extends BaseRequestHandler {
  /** Python's `rbufsize` (-1: default buffer size). */
  static rbufsize: number = -1;
  /** Python's `rbufsize` (-1: default buffer size). */
  declare rbufsize: number;
  /** Python's `wbufsize` (accepted; writes are always queued and coalesced). */
  static wbufsize: number = 0;
  /** Python's `wbufsize` (accepted; writes are always queued and coalesced). */
  declare wbufsize: number;
  /** Python's `timeout`: seconds a read may wait, `null` forever. */
  static timeout: number | null = null;
  /** Python's `timeout`: seconds a read may wait, `null` forever. */
  declare timeout: number | null;
  /** Python's `disable_nagle_algorithm`: TCP_NODELAY at once; otherwise before the connection's second socket write. */
  static disable_nagle_algorithm: boolean = false;
  /** Python's `disable_nagle_algorithm`: TCP_NODELAY at once; otherwise before the connection's second socket write. */
  declare disable_nagle_algorithm: boolean;
  /** Python's `connection`: the same object as `request`. */
  connection!: Request;
  /** Python's `rfile`: the buffered request stream. */
  rfile!: BufferedReader;
  /** Python's `wfile`: the response stream. */
  wfile!: BufferedWriter;

  /** Python's `setup()`: make `rfile`/`wfile`, apply `timeout`. */
  override setup(): void {
    const conn = this.connection = this.request;
    // TCP_NODELAY before the connection's second socket write (writes are coalesced, so a
    // response answered in one write needs no system call for it); at once when the class asks.
    const setNoDelay = () => {
      try {
        // deno-lint-ignore no-explicit-any
        (conn as any).setNoDelay?.(true);
      } catch { /* not TCP, or already closed */ }
    };
    if (this.disable_nagle_algorithm) setNoDelay();
    // 8 KiB like io.DEFAULT_BUFFER_SIZE (it grows for long lines): idle connections stay cheap.
    this.rfile = new BufferedReader(conn, this.rbufsize > 0 ? this.rbufsize : 8192);
    this.rfile.timeout = this.timeout;
    this.wfile = new BufferedWriter(conn, this.disable_nagle_algorithm ? null : setNoDelay);
  }

  /** Python's `finish()`: flush `wfile` (ignoring a vanished peer), close both files. */
  override async finish(): Promise<void> {
    if (!this.wfile.closed) {
      try {
        await this.wfile.flush();
      } catch { /* the peer went away */ }
    }
    await this.wfile.close();
    this.rfile.close();
  }
}
classAttrs(StreamRequestHandler, ["rbufsize", "wbufsize", "timeout", "disable_nagle_algorithm"]);
