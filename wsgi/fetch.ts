/**
 * A WSGI application as a `fetch` handler, to serve it on `Deno.serve` (keep-alive, HTTP/2,
 * `deno serve --parallel`, Deno Deploy) where Python would use `wsgiref.simple_server` or gunicorn.
 *
 * ```python
 * from wsgiref.simple_server import make_server
 * def app(environ, start_response):
 *     start_response("200 OK", [("Content-Type", "text/plain")])
 *     return [b"Hello"]
 * make_server("", 8000, app).serve_forever()
 * ```
 *
 * ```ts ignore
 * import { serve } from "@pyweb/std/wsgi/fetch";
 * import { b } from "@pyweb/std";
 * import type { StartResponse, WSGIEnvironment } from "@pyweb/std/wsgi/types";
 * function app(_environ: WSGIEnvironment, start_response: StartResponse) {
 *   start_response("200 OK", [["Content-Type", "text/plain"]]);
 *   return [b`Hello`];
 * }
 * serve(app, { port: 8000 });
 * ```
 *
 * As a module's default export, `deno serve --parallel app.ts` runs the application on every core
 * (and Deno Deploy runs it as it is):
 *
 * ```ts ignore
 * export default { fetch: fetch_handler(app) };
 * ```
 *
 * The environ is the one PEP 3333 and our `wsgiref` build (CGI variables, `HTTP_*`, `wsgi.*`);
 * `wsgi.input` streams the request body. Bodies are sent as they are produced, `close()` is called
 * when the response is done or the client went away, a `Deno.FsFile` in `wsgi.file_wrapper` is sent
 * by Deno without passing through JavaScript, and an application that fails before its headers are
 * out is answered with wsgiref's 500 page and logged to `wsgi.errors`.
 *
 * @module
 */

import { b, concatBytes } from "../_util/bytes.ts";
import { AssertionError, BrokenPipeError, TypeError, ValueError } from "../_util/exceptions.ts";
import { repr, type Tuple, tuple } from "../_util/repr.ts";
import { Signature } from "../_util/signature.ts";
import { unquote } from "../urllib/parse.ts";
import { FileWrapper, isHopByHop } from "./util.ts";
import { formatException, nameDisallowed, stderr } from "./_py.ts";
import { typeName, unpack } from "../_util/builtins.ts";
import { RequestInput } from "./_fetch_input.ts";
import { RESOLVED } from "../_util/stream.ts";
import type {
  ErrorStream,
  ExcInfo,
  HeaderPair,
  StartResponse,
  WriteCallable,
  WSGIApplication,
  WSGIEnvironment,
} from "./types.ts";

export type { ErrorStream, FileWrapper, WSGIApplication };
export type { Bytes } from "../_util/bytes.ts";
export type {
  ExcInfo,
  HeaderPair,
  Readable,
  StartResponse,
  WriteCallable,
  WSGIBody,
  WSGIEnvironment,
} from "./types.ts";

/** A `fetch` handler: what `Deno.serve`, `deno serve` and Deno Deploy call for each request. */
export type FetchHandler = (request: Request, info?: Deno.ServeHandlerInfo) => Promise<Response>;

/** Keyword arguments of {@link fetch_handler}. */
export interface FetchHandlerOptions {
  /**
   * The mount point: `SCRIPT_NAME`, with the rest of the path in `PATH_INFO`. Requests outside it
   * are answered `404 Not Found` without calling the application.
   * @default {""}
   */
  script_name?: string;
  /**
   * `wsgi.multiprocess`: true where other copies of the application run at the same time
   * (`deno serve --parallel`, Deno Deploy).
   * @default {true}
   */
  multiprocess?: boolean;
  /**
   * `wsgi.errors`, where failures are logged.
   * @default {sys.stderr}
   */
  errors?: ErrorStream | null;
  /**
   * Variables copied into every environ first (`read_environ()` from `wsgi/handlers` gives the
   * process environment, as wsgiref's handlers copy `os.environ`).
   * @default {{}}
   */
  environ?: Record<string, unknown> | null;
  /**
   * The largest request body the application may read, in bytes: a larger `Content-Length` is
   * answered `413` without calling the application, and reading past it raises `ValueError`.
   * @default {null (no limit)}
   */
  max_body?: number | null;
  /**
   * `SERVER_SOFTWARE`.
   * @default {"Deno/<version>"}
   */
  server_software?: string | null;
  /**
   * `wsgi.file_wrapper`; `null` leaves it out of the environ.
   * @default {FileWrapper}
   */
  file_wrapper?: typeof FileWrapper | null;
}

/** Keyword arguments of {@link serve}: where to listen, and those of {@link fetch_handler}. */
export interface ServeOptions extends FetchHandlerOptions {
  /**
   * The address to listen on.
   * @default {"0.0.0.0"}
   */
  hostname?: string;
  /**
   * The port (0: a free one).
   * @default {8000}
   */
  port?: number;
  /** Aborting it shuts the server down. */
  signal?: AbortSignal | null;
  /** Called once listening (Deno's default prints the address). */
  onListen?: ((localAddr: Deno.NetAddr) => void) | null;
  /**
   * Share the port with other processes (Linux `SO_REUSEPORT`).
   * @default {false}
   */
  reusePort?: boolean;
  /** A PEM certificate chain, to serve HTTPS (with `key`). */
  cert?: string | null;
  /** The PEM private key of `cert`. */
  key?: string | null;
}

type FetchParams = { app: WSGIApplication } & Required<FetchHandlerOptions>;
type ServeParams = { app: WSGIApplication } & Required<ServeOptions>;

const HANDLER_DEFAULTS = {
  script_name: "",
  multiprocess: true,
  errors: null,
  environ: null,
  max_body: null,
  server_software: null,
  file_wrapper: FileWrapper,
};
const HANDLER_PARAMS = [
  "script_name",
  "multiprocess",
  "errors",
  "environ",
  "max_body",
  "server_software",
  "file_wrapper",
] as const;

const FETCH_HANDLER = new Signature<FetchParams>(
  "fetch_handler",
  ["app", "*", ...HANDLER_PARAMS],
  HANDLER_DEFAULTS,
);

const SERVE = new Signature<ServeParams>(
  "serve",
  ["app", "*", "hostname", "port", "signal", "onListen", "reusePort", "cert", "key", ...HANDLER_PARAMS],
  {
    hostname: "0.0.0.0",
    port: 8000,
    signal: null,
    onListen: null,
    reusePort: false,
    cert: null,
    key: null,
    ...HANDLER_DEFAULTS,
    multiprocess: false,
  },
);

const WSGI_VERSION: Tuple<number> = tuple(1, 0);
const ERROR_STATUS = 500;
const ERROR_BODY = b`A server error occurred.  Please contact the administrator.`;
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/** Queued `write()` bytes above which its Promise waits for the client. */
const HIGH_WATER = 256 * 1024;
/** A list body up to this size is sent in one piece (with `Content-Length`), not chunk by chunk. */
const JOIN_LIMIT = 64 * 1024;
const SOFTWARE = typeof Deno !== "undefined" ? `Deno/${Deno.version.deno}` : "Deno";

/** The CGI variables every environ has: a header with one of these names is skipped, as wsgiref does. */
const CGI_VARS = new Set([
  "REQUEST_METHOD",
  "SCRIPT_NAME",
  "PATH_INFO",
  "QUERY_STRING",
  "CONTENT_TYPE",
  "CONTENT_LENGTH",
  "SERVER_NAME",
  "SERVER_PORT",
  "SERVER_PROTOCOL",
  "SERVER_SOFTWARE",
  "GATEWAY_INTERFACE",
  "REMOTE_ADDR",
  "REMOTE_HOST",
]);

/** A header name as environ keys: `user-agent` -> `USER_AGENT`, `HTTP_USER_AGENT` (or "" to skip). */
interface HeaderKey {
  readonly cgi: string;
  readonly http: string;
}
const KEYS = new Map<string, HeaderKey>();
function headerKey(name: string): HeaderKey {
  let k = KEYS.get(name);
  if (k === undefined) {
    const cgi = name.replaceAll("-", "_").toUpperCase();
    k = { cgi, http: CGI_VARS.has(cgi) ? "" : "HTTP_" + cgi };
    if (KEYS.size < 1000) KEYS.set(name, k);
  }
  return k;
}

interface Config {
  app: WSGIApplication;
  script: string;
  multiprocess: boolean;
  errors: ErrorStream;
  base: Record<string, unknown> | null;
  max: number;
  software: string;
  wrapper: typeof FileWrapper | null;
  /** Give the Response the status line's reason (fetch_handler); Deno.serve sends the code's own (serve). */
  statusText: boolean;
}

/**
 * Turn a WSGI application into a `fetch` handler, `(request, info?) => Promise<Response>`, for
 * `Deno.serve(handler)`, `export default { fetch: handler }` under `deno serve` (add `--parallel`
 * for one worker per core) or any platform that runs `fetch` handlers.
 *
 * `REMOTE_ADDR` comes from `info` (Deno.serve's second argument); without it it is empty.
 *
 * @param app the WSGI application
 * @param options `script_name`, `multiprocess`, `errors`, `environ`, `max_body`,
 *   `server_software`, `file_wrapper` ({@link FetchHandlerOptions})
 * @returns the handler
 * @example
 * ```ts
 * import { fetch_handler } from "@pyweb/std/wsgi/fetch";
 * import { b } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * const handler = fetch_handler((environ, start_response) => {
 *   start_response("200 OK", [["Content-Type", "text/plain"]]);
 *   return [b`Hello ${String(environ.PATH_INFO)}`];
 * }, { script_name: "/app" });
 * const resp = await handler(new Request("http://localhost/app/x"));
 * assert.equal(resp.status, 200);
 * assert.equal(await resp.text(), "Hello /x");
 * ```
 */
export function fetch_handler(app: WSGIApplication, options?: FetchHandlerOptions): FetchHandler;
/**
 * {@link fetch_handler} with every argument by keyword.
 * @param kwargs `app` and the {@link FetchHandlerOptions}
 * @returns the handler
 */
export function fetch_handler(kwargs: { app: WSGIApplication } & FetchHandlerOptions): FetchHandler;
export function fetch_handler(...args: unknown[]): FetchHandler {
  const cfg = makeConfig(FETCH_HANDLER.bind(args), true);
  return (request: Request, info?: Deno.ServeHandlerInfo) => Promise.resolve(handle(cfg, request, info));
}

function makeConfig(p: FetchParams, statusText: boolean): Config {
  if (typeof p.app !== "function") {
    throw new TypeError(`'${typeName(p.app)}' object is not callable`);
  }
  let script = p.script_name ?? "";
  if (script.endsWith("/")) script = script.slice(0, -1);
  if (script && !script.startsWith("/")) {
    throw new ValueError(`script_name must start with '/': ${repr(script)}`);
  }
  const base = p.environ && Object.keys(p.environ).length ? p.environ : null;
  const cfg: Config = {
    app: p.app,
    script,
    multiprocess: Boolean(p.multiprocess),
    errors: p.errors ?? stderr,
    base,
    max: p.max_body ?? Infinity,
    software: p.server_software ?? SOFTWARE,
    wrapper: p.file_wrapper,
    statusText,
  };
  return cfg;
}

/**
 * Serve a WSGI application on `Deno.serve`: HTTP/1.1 keep-alive (and HTTP/2 over TLS), concurrent
 * requests. Where Python calls `make_server(host, port, app).serve_forever()`. Abort `signal` or
 * call the server's `shutdown()` to stop it; `await server.finished` waits for that.
 *
 * @param app the WSGI application
 * @param options `hostname`, `port`, `signal`, `onListen`, `reusePort`, `cert`, `key`, and the
 *   options of {@link fetch_handler} ({@link ServeOptions}); `multiprocess` defaults to false here
 * @returns the running `Deno.HttpServer`
 * @example
 * ```ts
 * import { serve } from "@pyweb/std/wsgi/fetch";
 * import { b } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * const server = serve((_environ, start_response) => {
 *   start_response("200 OK", [["Content-Type", "text/plain"]]);
 *   return [b`Hello`];
 * }, { hostname: "127.0.0.1", port: 0, onListen() {} });
 * const resp = await fetch(`http://127.0.0.1:${server.addr.port}/`);
 * assert.equal(await resp.text(), "Hello");
 * await server.shutdown();
 * ```
 */
export function serve(app: WSGIApplication, options?: ServeOptions): Deno.HttpServer<Deno.NetAddr>;
/**
 * {@link serve} with every argument by keyword.
 * @param kwargs `app` and the {@link ServeOptions}
 * @returns the running server
 */
export function serve(kwargs: { app: WSGIApplication } & ServeOptions): Deno.HttpServer<Deno.NetAddr>;
export function serve(...args: unknown[]): Deno.HttpServer<Deno.NetAddr> {
  const p = SERVE.bind(args);
  const cfg = makeConfig(p, false);
  // Deno.serve takes a Response as it is: the usual synchronous answer costs no Promise.
  const handler = (request: Request, info: Deno.ServeHandlerInfo<Deno.NetAddr>) => handle(cfg, request, info);
  const opts: Deno.ServeTcpOptions & Partial<Deno.TlsCertifiedKeyPem> = {
    hostname: p.hostname,
    port: p.port,
    reusePort: p.reusePort,
  };
  if (p.signal) opts.signal = p.signal;
  if (p.onListen) opts.onListen = p.onListen;
  if (p.cert) opts.cert = p.cert;
  if (p.key) opts.key = p.key;
  return Deno.serve(
    { ...opts, handler } as Deno.ServeTcpOptions & { handler: Deno.ServeHandler<Deno.NetAddr> },
  );
}

// ---------------------------------------------------------------------------------------------
// One request.

function splitHost(host: string, scheme: string): [string, string] {
  const defaultPort = scheme === "https" ? "443" : "80";
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    const rest = host.slice(end + 1);
    return [host.slice(1, end), rest.startsWith(":") ? rest.slice(1) : defaultPort];
  }
  const c = host.lastIndexOf(":");
  return c < 0 ? [host, defaultPort] : [host.slice(0, c), host.slice(c + 1)];
}

function buildEnviron(cfg: Config, request: Request, info: Deno.ServeHandlerInfo | undefined, path: string) {
  const url = request.url;
  const s = url.indexOf("://");
  const scheme = url.slice(0, s);
  const p = url.indexOf("/", s + 3);
  const host = url.slice(s + 3, p < 0 ? url.length : p);
  const rest = p < 0 ? "" : url.slice(p);
  const q = rest.indexOf("?");
  const h = rest.indexOf("#");
  const query = q < 0 ? "" : rest.slice(q + 1, h > q ? h : rest.length);
  const [serverName, serverPort] = splitHost(host, scheme);
  const headers = request.headers;
  const ctype = headers.get("content-type");
  const clen = headers.get("content-length");
  const addr = info?.remoteAddr as Deno.NetAddr | undefined;
  let limit = Infinity;
  if (clen !== null) {
    const n = Number(clen);
    if (Number.isInteger(n) && n >= 0) limit = n;
  }
  // One literal for the fixed keys: V8 gives them in-object slots, so a request's environ is one
  // allocation that stays a fast object as the HTTP_* keys join it.
  const fixed: WSGIEnvironment = {
    REQUEST_METHOD: request.method,
    SCRIPT_NAME: cfg.script,
    PATH_INFO: path,
    QUERY_STRING: query,
    CONTENT_TYPE: ctype === null ? "text/plain" : ctype,
    CONTENT_LENGTH: clen === null ? "" : clen,
    SERVER_NAME: serverName,
    SERVER_PORT: serverPort,
    SERVER_PROTOCOL: "HTTP/1.1",
    SERVER_SOFTWARE: cfg.software,
    GATEWAY_INTERFACE: "CGI/1.1",
    REMOTE_ADDR: addr?.hostname ?? "",
    REMOTE_HOST: "",
    "wsgi.version": WSGI_VERSION,
    "wsgi.url_scheme": scheme === "https" ? "https" : "http",
    "wsgi.input": new RequestInput(request, limit, cfg.max),
    "wsgi.errors": cfg.errors,
    "wsgi.multithread": false,
    "wsgi.multiprocess": cfg.multiprocess,
    "wsgi.run_once": false,
  };
  const base = cfg.base;
  const env = base === null ? fixed : Object.assign({ ...base }, fixed);
  // forEach: several times cheaper than Deno's Headers iterator.
  headers.forEach((value, name) => {
    const k = headerKey(name);
    const key = k.http;
    // CONTENT_TYPE, CONTENT_LENGTH (and any name wsgiref skips the same way: `if k in env: continue`)
    if (key === "" || (base !== null && k.cgi in base)) return;
    const prev = env[key];
    env[key] = prev === undefined ? value : prev + "," + value;
  });
  if (env.HTTP_HOST === undefined) env.HTTP_HOST = host;
  if (cfg.wrapper !== null) env["wsgi.file_wrapper"] = cfg.wrapper;
  return env;
}

/** The raw path of `request.url`, `%`-decoded as latin-1 (wsgiref's `unquote(path, 'iso-8859-1')`). */
function pathOf(url: string): string {
  const s = url.indexOf("://");
  const p = url.indexOf("/", s + 3);
  if (p < 0) return "/";
  let end = url.length;
  for (let i = p; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 63 /* ? */ || c === 35 /* # */) {
      end = i;
      break;
    }
  }
  const raw = url.slice(p, end);
  return raw.includes("%") ? unquote(raw, "iso-8859-1") : raw;
}

function excValue(info: ExcInfo): unknown {
  return info instanceof Error ? info : info[1];
}

function checkString(value: unknown, title: string): string {
  if (typeof value === "string") return value;
  throw new AssertionError(`${title} must be of type str (got ${repr(value)})`);
}

function validateStatus(status: string): void {
  // The common case, "200 OK": three ASCII digits, a space, printable ASCII.
  if (status.length >= 4 && status.charCodeAt(3) === 32) {
    let ok = true;
    for (let i = 0; i < status.length; i++) {
      const c = status.charCodeAt(i);
      if (i < 3 ? c < 48 || c > 57 : c < 32 || c > 126) {
        ok = false;
        break;
      }
    }
    if (ok) return;
  }
  if (nameDisallowed(status)) throw new ValueError("Control characters are not allowed in status");
  if ([...status].length < 4) throw new AssertionError("Status must be at least 4 characters");
  if (!/^\p{Nd}{3}/u.test(status)) throw new AssertionError("Status message must begin w/3-digit code");
  if ([...status][3] !== " ") throw new AssertionError("Status message must have a space after code");
}

type AnyIterator = Iterator<unknown> | AsyncIterator<unknown>;

function iteratorOf(result: unknown): AnyIterator {
  if (result !== null && typeof result === "object" && Symbol.asyncIterator in result) {
    return (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  }
  if (
    result !== null && result !== undefined &&
    typeof (result as Iterable<unknown>)[Symbol.iterator] === "function"
  ) {
    return (result as Iterable<unknown>)[Symbol.iterator]();
  }
  throw new TypeError(`'${typeName(result)}' object is not iterable`);
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && typeof v === "object" && typeof (v as { then?: unknown }).then === "function";
}

function needsClose(result: unknown): boolean {
  if (result === null || (typeof result !== "object" && typeof result !== "function")) return false;
  const r = result as { close?: unknown; next?: unknown; return?: unknown };
  return typeof r.close === "function" || (typeof r.next === "function" && typeof r.return === "function");
}

function notBytes(): AssertionError {
  return new AssertionError("write() argument must be a bytes instance");
}

/** The state of one request: PEP 3333's `start_response`/`write` and the response body. */
class Exchange {
  status: string | null = null;
  headers: HeaderPair[] | null = null;
  headersSent = false;
  /** `write()` data not yet handed to the response stream. */
  queue: Uint8Array[] = [];
  queued = 0;
  result: unknown = undefined;
  iterator: AnyIterator | null = null;
  appPending = false;
  appError: unknown = undefined;
  hasAppError = false;
  closed = false;
  closeWanted = false;
  /** The client went away: `write()` raises `BrokenPipeError`, waiting writers are released. */
  gone = false;
  /** HEAD: `write()` data is dropped. */
  discard = false;
  #wake: (() => void) | null = null;
  #drained: (() => void)[] = [];
  readonly start_response: StartResponse;
  readonly write: WriteCallable;

  constructor(readonly cfg: Config) {
    this.start_response = (status, headers, exc_info = null) => this.startResponse(status, headers, exc_info);
    this.write = (data) => this.writeData(data);
  }

  startResponse(status: string, headers: HeaderPair[], exc_info: ExcInfo | null | undefined): WriteCallable {
    if (exc_info) {
      if (this.headersSent) throw excValue(exc_info);
    } else if (this.headers !== null) {
      throw new AssertionError("Headers already set!");
    }
    this.status = status;
    this.headers = headers;
    status = checkString(status, "Status");
    validateStatus(status);
    const list: readonly unknown[] = Array.isArray(headers) ? headers : [...(headers as Iterable<unknown>)];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      const [n, v] = Array.isArray(item) && item.length === 2 ? item : unpack(item, 2);
      const name = checkString(n, "Header name");
      const val = checkString(v, "Header value");
      if (isHopByHop(name)) {
        throw new AssertionError(`Hop-by-hop header, '${name}: ${val}', not allowed`);
      }
    }
    return this.write;
  }

  writeData(data: Uint8Array): Promise<void> {
    if (!(data instanceof Uint8Array)) throw notBytes();
    if (!this.status) throw new AssertionError("write() before start_response()");
    if (this.gone) throw new BrokenPipeError(32, "Broken pipe");
    this.headersSent = true;
    if (this.discard) return RESOLVED; // HEAD: the body is not sent
    this.queue.push(data);
    this.queued += data.length;
    this.wakeUp();
    if (this.queued <= HIGH_WATER) return RESOLVED;
    return new Promise((resolve) => this.#drained.push(resolve));
  }

  /** The response is over (sent, failed or abandoned by the client). */
  markGone(): void {
    this.gone = true;
    this.takeQueue();
    this.wakeUp();
  }

  wakeUp(): void {
    const w = this.#wake;
    if (w !== null) {
      this.#wake = null;
      w();
    }
  }

  /** Wait for a `write()` or the application's end. */
  signal(): Promise<void> {
    return new Promise((resolve) => (this.#wake = resolve));
  }

  /** Take the queued `write()` data. */
  takeQueue(): Uint8Array[] {
    const q = this.queue;
    this.queue = [];
    this.queued = 0;
    const d = this.#drained;
    if (d.length) {
      this.#drained = [];
      for (const r of d) r();
    }
    return q;
  }

  /** Wait for what the application returned (an async one: until it returns or first calls `write()`). */
  async settle(r: unknown): Promise<void> {
    if (!isThenable(r)) {
      this.result = r;
      return;
    }
    this.appPending = true;
    Promise.resolve(r).then(
      (v) => {
        this.result = v;
        this.appPending = false;
        this.wakeUp();
        if (this.closeWanted) void this.close();
      },
      (e) => {
        this.appError = e;
        this.hasAppError = true;
        this.appPending = false;
        this.wakeUp();
      },
    );
    while (this.appPending && !this.headersSent) await this.signal();
    if (this.hasAppError && !this.headersSent) {
      this.hasAppError = false;
      throw this.appError;
    }
  }

  /**
   * The next piece of body: queued `write()` data first, then the result's next non-empty chunk;
   * `null` at the end. Waits for an application still running after a `write()`.
   */
  async next(): Promise<Uint8Array[] | null> {
    for (;;) {
      if (this.queue.length) return this.takeQueue();
      if (this.hasAppError) {
        this.hasAppError = false;
        throw this.appError;
      }
      if (this.appPending) {
        await this.signal();
        continue;
      }
      if (this.iterator === null) this.iterator = iteratorOf(this.result);
      let step = this.iterator.next();
      if (isThenable(step)) step = await step;
      if (step.done) return null;
      const chunk = step.value;
      if (!(chunk instanceof Uint8Array)) throw notBytes();
      if (!this.status) throw new AssertionError("write() before start_response()");
      if (chunk.length) {
        this.headersSent = true; // PEP 3333: the headers go with the first non-empty chunk
        return [chunk];
      }
    }
  }

  /** Call the result's `close()` (a generator's `return()`) once; failures are logged. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.appPending) {
      this.closeWanted = true; // the application still runs: close what it returns
      return;
    }
    this.closed = true;
    const result = this.result as {
      close?: () => unknown;
      next?: unknown;
      return?: (v?: unknown) => unknown;
    };
    try {
      if (result === null || result === undefined) return;
      if (typeof result.close === "function") await result.close();
      else if (typeof result.next === "function" && typeof result.return === "function") {
        await result.return(undefined);
      }
    } catch (e) {
      logError(this.cfg, e);
    }
  }

  /** Close when Deno says the response is done or failed (the client went away). */
  closeWhenDone(info: Deno.ServeHandlerInfo | undefined): void {
    if (info === undefined || (!this.appPending && !needsClose(this.result))) return;
    const done = () => {
      this.markGone();
      void this.close();
    };
    info.completed.then(done, done);
  }

  /** The Response for the status and headers set now, with `body`. */
  response(body: BodyInit | Uint8Array | null): Response {
    const status = this.status!;
    const code = Number(status.slice(0, 3));
    const init: ResponseInit = this.cfg.statusText
      ? { status: code, statusText: status.slice(4), headers: this.headers as [string, string][] }
      : { status: code, headers: this.headers as [string, string][] };
    return new Response(NULL_BODY.has(code) ? null : body as BodyInit | null, init);
  }
}

function logError(cfg: Config, err: unknown): void {
  try {
    cfg.errors.write(formatException(err));
    cfg.errors.flush();
  } catch { /* nowhere to log */ }
}

function errorResponse(cfg: Config, err: unknown): Response {
  logError(cfg, err);
  return new Response(ERROR_BODY, {
    status: ERROR_STATUS,
    statusText: "Internal Server Error",
    headers: [["Content-Type", "text/plain"]],
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: [["Content-Type", "text/plain"]] });
}

/** A list body of bytes, no `write()`: the whole Response at once, or `null` when it is not that case. */
function listResponse(ex: Exchange): Response | null {
  const result = ex.result;
  if (ex.headersSent || !Array.isArray(result) || ex.status === null || ex.queue.length !== 0) return null;
  const n = result.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = result[i];
    if (!(c instanceof Uint8Array)) return null;
    total += c.length;
  }
  if (n > 1 && total > JOIN_LIMIT) return null;
  const body = n === 0 ? null : n === 1 ? result[0] as Uint8Array : concatBytes(result as Uint8Array[]);
  const headers = ex.headers!;
  let resp: Response;
  if (n === 0 && !headers.some(([k]) => k.toLowerCase() === "content-length")) {
    ex.headers = [...headers, ["Content-Length", "0"]];
    resp = ex.response(null);
  } else {
    resp = ex.response(body);
  }
  ex.headersSent = true;
  return resp;
}

function handle(
  cfg: Config,
  request: Request,
  info: Deno.ServeHandlerInfo | undefined,
): Response | Promise<Response> {
  let path = pathOf(request.url);
  if (cfg.script) {
    if (path === cfg.script) path = "";
    else if (path.startsWith(cfg.script + "/")) path = path.slice(cfg.script.length);
    else return plain(404, "Not Found");
  }
  if (cfg.max !== Infinity) {
    const n = Number(request.headers.get("content-length") ?? 0);
    if (n > cfg.max) return plain(413, "Content Too Large");
  }
  const ex = new Exchange(cfg);
  let r: unknown;
  try {
    r = cfg.app(buildEnviron(cfg, request, info, path), ex.start_response);
  } catch (e) {
    return errorResponse(cfg, e);
  }
  // The common case, synchronous and without a Promise in between: a list of bytes, nothing to close.
  if (!isThenable(r) && !needsClose(r)) {
    ex.result = r;
    try {
      const resp = listResponse(ex);
      if (resp !== null) return resp;
    } catch (e) {
      return errorResponse(cfg, e);
    }
  }
  return finish(cfg, request, info, ex, r);
}

async function finish(
  cfg: Config,
  request: Request,
  info: Deno.ServeHandlerInfo | undefined,
  ex: Exchange,
  r: unknown,
): Promise<Response> {
  let first: Uint8Array[] | null = null;
  let pending: unknown = undefined;
  let failed = false;
  try {
    await ex.settle(r);
    const result = ex.result;
    // A list of bytes and no write(); sent as one piece.
    const whole = listResponse(ex);
    if (whole !== null) {
      if (needsClose(result)) await ex.close();
      return whole;
    }
    // Zero-copy file: a Deno.FsFile in wsgi.file_wrapper, when Deno tells us when it is sent.
    const wrapper = cfg.wrapper;
    if (
      !ex.headersSent && wrapper !== null && result instanceof wrapper && info !== undefined &&
      typeof Deno !== "undefined" && (result as FileWrapper).filelike instanceof Deno.FsFile &&
      ex.status !== null
    ) {
      const file = (result as FileWrapper).filelike as Deno.FsFile;
      const resp = ex.response(request.method === "HEAD" ? null : file.readable);
      ex.headersSent = true;
      const done = () => {
        ex.markGone();
        void ex.close().catch(() => {});
      };
      // The readable stream closes the file at its end; the wrapper's close() may then find it closed.
      const close = (result as FileWrapper).close;
      if (close) {
        (result as FileWrapper).close = () => {
          try {
            return close();
          } catch { /* already closed by the stream */ }
          return undefined;
        };
      }
      if (request.method === "HEAD") await ex.close();
      else info.completed.then(done, done);
      return resp;
    }
    // Stream: wait for the first non-empty chunk (PEP 3333: headers go with it, or with write()).
    first = await ex.next();
  } catch (e) {
    if (!ex.headersSent) {
      await ex.close();
      if (ex.gone) return plain(500, "");
      return errorResponse(cfg, e);
    }
    failed = true;
    pending = e;
  }
  if (first === null && !failed) {
    // The body ended: nothing more to stream.
    await ex.close();
    if (ex.status === null) return errorResponse(cfg, new AssertionError("write() before start_response()"));
    try {
      if (!ex.headersSent) {
        const headers = ex.headers!;
        if (!headers.some(([k]) => k.toLowerCase() === "content-length")) {
          ex.headers = [...headers, ["Content-Length", "0"]];
        }
      }
      return ex.response(null);
    } catch (e) {
      return errorResponse(cfg, e);
    }
  }
  if (request.method === "HEAD") {
    // Headers only; an empty stream keeps Deno from announcing `Content-Length: 0`.
    ex.discard = true;
    ex.takeQueue();
    await ex.close();
    try {
      return ex.response(new ReadableStream({ start: (c) => c.close() }));
    } catch (e) {
      return errorResponse(cfg, e);
    }
  }
  const stream = new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      try {
        if (failed) {
          failed = false;
          throw pending;
        }
        const chunks = first ?? (await ex.next());
        first = null;
        if (chunks === null) {
          await ex.close();
          controller.close();
          return;
        }
        for (const c of chunks) controller.enqueue(c);
      } catch (e) {
        logError(cfg, e);
        ex.markGone();
        await ex.close();
        controller.error(e);
      }
    },
    cancel: async () => {
      ex.markGone();
      await ex.close();
    },
  }, { highWaterMark: 0 });
  let resp: Response;
  try {
    resp = ex.response(stream);
  } catch (e) {
    await stream.cancel();
    return errorResponse(cfg, e);
  }
  ex.closeWhenDone(info);
  return resp;
}
