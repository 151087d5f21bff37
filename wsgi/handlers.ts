/**
 * Base classes for WSGI servers and gateways, Python's `wsgiref.handlers`.
 *
 * A handler runs one request through a WSGI application: it builds the
 * environ, gives the application `start_response`, writes the status line,
 * headers and body, and answers `500` when the application fails.
 *
 * ```python
 * from wsgiref.handlers import CGIHandler
 * def app(environ, start_response):
 *     start_response("200 OK", [("Content-Type", "text/plain")])
 *     return [b"Hello from CGI"]
 * CGIHandler().run(app)
 * ```
 *
 * ```ts ignore
 * import { CGIHandler } from "@pyweb/std/wsgi/handlers";
 * import { b } from "@pyweb/std";
 * import type { StartResponse, WSGIEnvironment } from "@pyweb/std/wsgi/types";
 * function app(_environ: WSGIEnvironment, start_response: StartResponse) {
 *   start_response("200 OK", [["Content-Type", "text/plain"]]);
 *   return [b`Hello from CGI`];
 * }
 * await new CGIHandler().run(app);
 * ```
 *
 * `run()` returns a Promise (the application may be `async`, and writing
 * waits on the output). Python's class attributes (`origin_server`,
 * `error_status`, `os_environ`, …) are read from the class
 * (`BaseHandler.origin_server`), overridden by a subclass (`static override`)
 * or set on the class or on one handler, as in Python.
 *
 * @module
 */

import { b, type Bytes, encodeNarrow } from "../_util/bytes.ts";
import {
  AssertionError,
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionResetError,
  NotImplementedError,
  TypeError,
  ValueError,
} from "../_util/exceptions.ts";
import { repr, type Tuple, tuple } from "../_util/repr.ts";
import { type Keywords, Signature } from "../_util/signature.ts";
import { classAttrs } from "../_util/classattrs.ts";
import { iter, len } from "../_util/builtins.ts";
import { BufferedReader, BufferedWriter } from "../_util/stream.ts";
import { Headers } from "./headers.ts";
import { FileWrapper, guess_scheme, isHopByHop } from "./util.ts";
import { formatException, nameDisallowed, stderr as sysStderr, unpack2 } from "./_py.ts";
import { DeprecationWarning, warn } from "../warnings.ts";
import type {
  ErrorStream,
  ExcInfo,
  HeaderPair,
  InputStream,
  StartResponse,
  WriteCallable,
  WSGIApplication,
  WSGIBody,
  WSGIEnvironment,
} from "./types.ts";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad2 = (n: number) => String(n).padStart(2, "0");

const FORMAT_DATE_TIME = new Signature<{ timestamp: number }>("format_date_time", ["timestamp"]);

/**
 * An HTTP date (RFC 7231 IMF-fixdate) for a Unix timestamp in seconds.
 *
 * @param timestamp seconds since the epoch
 * @returns e.g. `"Thu, 01 Jan 1970 00:00:00 GMT"`
 * @example
 * ```ts
 * import { format_date_time } from "@pyweb/std/wsgi/handlers";
 * import assert from "node:assert/strict";
 * assert.equal(format_date_time(0), "Thu, 01 Jan 1970 00:00:00 GMT");
 * ```
 */
export function format_date_time(timestamp: number): string;
/** `format_date_time(timestamp=t)` with keywords. */
export function format_date_time(kwargs: { timestamp: number }): string;
export function format_date_time(...args: unknown[]): string {
  return formatDateTime(FORMAT_DATE_TIME.bind(args).timestamp);
}

function formatDateTime(timestamp: number): string {
  const d = new Date(Math.floor(timestamp) * 1000);
  const wd = (d.getUTCDay() + 6) % 7;
  return `${WEEKDAYS[wd]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${
    String(d.getUTCFullYear()).padStart(4, " ")
  } ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} GMT`;
}

let dateSecond = -1;
let dateText = "";
/** `format_date_time(time.time())`, computed once per second. */
function currentDate(): string {
  const now = Math.floor(Date.now() / 1000);
  if (now !== dateSecond) {
    dateSecond = now;
    dateText = formatDateTime(now);
  }
  return dateText;
}

const REQUEST_VARS = new Set([
  "SCRIPT_NAME",
  "PATH_INFO",
  "QUERY_STRING",
  "REQUEST_METHOD",
  "AUTH_TYPE",
  "CONTENT_TYPE",
  "CONTENT_LENGTH",
  "HTTPS",
  "REMOTE_USER",
  "REMOTE_IDENT",
]);

function needsTranscode(k: string): boolean {
  return REQUEST_VARS.has(k) || k.startsWith("HTTP_") || k.startsWith("SSL_") ||
    (k.startsWith("REDIRECT_") && needsTranscode(k.slice(9)));
}

function utf8AsLatin1(v: string): string {
  const bytes = new TextEncoder().encode(v);
  let out = "";
  for (const c of bytes) out += String.fromCharCode(c);
  return out;
}

function envReadable(): boolean {
  try {
    return Deno.permissions.querySync({ name: "env" }).state === "granted";
  } catch {
    return false;
  }
}

/**
 * The process environment as a WSGI gateway sees it: the variables that
 * carry request data (`PATH_INFO`, `QUERY_STRING`, `HTTP_*`, …) are turned
 * back into bytes-as-latin-1 strings, as PEP 3333 wants. Without
 * `--allow-env` the result is empty.
 *
 * @returns a new plain object of the variables
 * @example
 * ```ts
 * import { read_environ } from "@pyweb/std/wsgi/handlers";
 * import assert from "node:assert/strict";
 * assert.equal(typeof read_environ(), "object");
 * ```
 */
export function read_environ(): Record<string, string> {
  const environ: Record<string, string> = {};
  if (!envReadable()) return environ;
  for (const [k, v] of Object.entries(Deno.env.toObject())) {
    environ[k] = needsTranscode(k) ? utf8AsLatin1(v) : v;
  }
  // Built key by key, V8 keeps it as a hash table, which a spread copies key by key (~5 µs for 40 keys);
  // its spread copy is a fast object, which the spread in setup_environ() clones in one step per request.
  return { ...environ };
}

/** Python's `sys.exc_info()` for a caught value. */
function excInfoOf(err: unknown): Tuple<unknown> {
  const ctor = err !== null && typeof err === "object" ? (err as object).constructor : null;
  return tuple(ctor, err, null);
}

function excValue(info: ExcInfo): unknown {
  return info instanceof Error ? info : info[1];
}

function hasClose(v: unknown): v is { close(): unknown } {
  return v !== null && (typeof v === "object" || typeof v === "function") &&
    typeof (v as { close?: unknown }).close === "function";
}

function isGenerator(v: unknown): v is { return(value?: unknown): unknown } {
  return v !== null && typeof v === "object" && typeof (v as { next?: unknown }).next === "function" &&
    typeof (v as { return?: unknown }).return === "function";
}

/** Close a response body the way PEP 3333 asks: its `close()`, or a generator's `return()`. */
async function closeResult(result: unknown): Promise<void> {
  if (hasClose(result)) await result.close();
  else if (isGenerator(result)) await result.return(undefined);
}

/** Queued bytes above which `write()` waits for the socket. */
const FLUSH_THRESHOLD = 256 * 1024;

const isDisconnect = (e: unknown) =>
  e instanceof ConnectionAbortedError || e instanceof BrokenPipeError || e instanceof ConnectionResetError;

const WSGI_VERSION: Tuple<number> = tuple(1, 0);
const BASE_HANDLER_RUN = new Signature<{ application: WSGIApplication }>("BaseHandler.run", [
  "self",
  "application",
]);
const BASE_HANDLER_START_RESPONSE = new Signature<
  { status: string; headers: HeaderPair[]; exc_info: ExcInfo | null }
>("BaseHandler.start_response", ["self", "status", "headers", "exc_info"], { exc_info: null });
const BASE_HANDLER_WRITE = new Signature<{ data: Uint8Array }>("BaseHandler.write", ["self", "data"]);
const BASE_HANDLER_LOG_EXCEPTION = new Signature<{ exc_info: ExcInfo | null }>(
  "BaseHandler.log_exception",
  ["self", "exc_info"],
);
const BASE_HANDLER_ERROR_OUTPUT = new Signature<{ environ: WSGIEnvironment; start_response: StartResponse }>(
  "BaseHandler.error_output",
  ["self", "environ", "start_response"],
  {},
  ["environ"],
);
const ERROR_BODY: Bytes = b`A server error occurred.  Please contact the administrator.`;

/** The key of the handlers' `self._write(text.encode('iso-8859-1'))` (status line and headers). */
const writeText: unique symbol = Symbol("writeText");

/**
 * Runs a WSGI application: Python's `wsgiref.handlers.BaseHandler`.
 * Subclasses supply `_write`, `_flush`, `get_stdin`, `get_stderr` and
 * `add_cgi_vars`; {@link SimpleHandler} does so over given streams.
 *
 * @example
 * ```ts
 * import { BaseHandler } from "@pyweb/std/wsgi/handlers";
 * import { setup_testing_defaults } from "@pyweb/std/wsgi/util";
 * import { b } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * class Collect extends BaseHandler {
 *   out: Uint8Array[] = [];
 *   override _write(data: Uint8Array) { this.out.push(data); }
 *   override _flush() {}
 *   override get_stdin() { return this.environ!["wsgi.input"] as never; }
 *   override get_stderr() { return this.environ!["wsgi.errors"] as never; }
 *   override add_cgi_vars() { setup_testing_defaults(this.environ!); }
 * }
 * const h = new Collect();
 * h.origin_server = false;
 * await h.run((_env, start_response) => {
 *   start_response("200 OK", [["Content-Type", "text/plain"]]);
 *   return [b`hi`];
 * });
 * const text = new TextDecoder().decode(new Uint8Array(h.out.flatMap((c) => [...c])));
 * assert.equal(text, "Status: 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi");
 * ```
 */
export class BaseHandler {
  /** `wsgi.version`: `(1, 0)`. */
  static wsgi_version: Tuple<number> = WSGI_VERSION;
  /** `wsgi.version`: `(1, 0)`. */
  declare wsgi_version: Tuple<number>;
  /** `wsgi.multithread`. */
  static wsgi_multithread: boolean = true;
  /** `wsgi.multithread`. */
  declare wsgi_multithread: boolean;
  /** `wsgi.multiprocess`. */
  static wsgi_multiprocess: boolean = true;
  /** `wsgi.multiprocess`. */
  declare wsgi_multiprocess: boolean;
  /** `wsgi.run_once`. */
  static wsgi_run_once: boolean = false;
  /** `wsgi.run_once`. */
  declare wsgi_run_once: boolean;
  /** True when talking to the client directly (a status line), false for CGI (`Status:`). */
  static origin_server: boolean = true;
  /** True when talking to the client directly (a status line), false for CGI (`Status:`). */
  declare origin_server: boolean;
  /** The HTTP version of the response line. */
  static http_version: string = "1.0";
  /** The HTTP version of the response line. */
  declare http_version: string;
  /** The `Server` header and `SERVER_SOFTWARE`, if any. */
  static server_software: string | null = null;
  /** The `Server` header and `SERVER_SOFTWARE`, if any. */
  declare server_software: string | null;
  /** Variables copied into every environ: the process environment at import ({@link read_environ}). */
  static os_environ: Record<string, unknown> = read_environ();
  /** Variables copied into every environ: the process environment at import ({@link read_environ}). */
  declare os_environ: Record<string, unknown>;
  /** `wsgi.file_wrapper`; `null` disables it. */
  static wsgi_file_wrapper: typeof FileWrapper | null = FileWrapper;
  /** `wsgi.file_wrapper`; `null` disables it. */
  declare wsgi_file_wrapper: typeof FileWrapper | null;
  /** The class of `this.headers`. */
  static headers_class: typeof Headers = Headers;
  /** The class of `this.headers`. */
  declare headers_class: typeof Headers;
  /** Frames to print in logged tracebacks (`null`: all). */
  static traceback_limit: number | null = null;
  /** Frames to print in logged tracebacks (`null`: all). */
  declare traceback_limit: number | null;
  /** Status of the error page. */
  static error_status: string = "500 Internal Server Error";
  /** Status of the error page. */
  declare error_status: string;
  /** Headers of the error page. */
  static error_headers: HeaderPair[] = [["Content-Type", "text/plain"]];
  /** Headers of the error page. */
  declare error_headers: HeaderPair[];
  /** Body of the error page. */
  static error_body: Bytes = ERROR_BODY;
  /** Body of the error page. */
  declare error_body: Bytes;

  /** The status given to `start_response`. */
  static status: string | null = null;
  /** The status given to `start_response`. */
  status: string | null = null;
  /** What the application returned. */
  static result: WSGIBody | null = null;
  /** What the application returned. */
  result: WSGIBody | null = null;
  /** True once the status line and headers were written. */
  static headers_sent: boolean = false;
  /** True once the status line and headers were written. */
  headers_sent: boolean = false;
  /** The response headers given to `start_response`. */
  static headers: Headers | null = null;
  /** The response headers given to `start_response`. */
  headers: Headers | null = null;
  /** Body bytes written so far. */
  static bytes_sent: number = 0;
  /** Body bytes written so far. */
  bytes_sent: number = 0;
  /** The environ of the current request. */
  environ: WSGIEnvironment | null = null;
  /** The error being handled, as `sys.exc_info()` gives it (set during `handle_error`). */
  exc_info: Tuple<unknown> | null = null;

  /** A handler with the default settings. */
  constructor() {
    this.start_response = this.start_response.bind(this);
    this.write = this.write.bind(this);
  }

  /**
   * Run `application` for this request: Python's `run()`. A client that
   * went away ends it quietly; other errors are logged and answered with
   * {@link error_output} when no headers were sent yet.
   *
   * @param application the WSGI application
   */
  async run(application: WSGIApplication | { application: WSGIApplication }): Promise<void> {
    ({ application } = BASE_HANDLER_RUN.bind(arguments));
    try {
      this.setup_environ();
      this.result = await application(this.environ!, this.start_response);
      await this.finish_response();
    } catch (e) {
      if (isDisconnect(e)) return;
      this.exc_info = excInfoOf(e);
      try {
        await this.handle_error();
      } catch (e2) {
        await this.close();
        throw e2;
      } finally {
        this.exc_info = null;
      }
    }
  }

  /** Build `this.environ` for one request. */
  setup_environ(): void {
    const env: WSGIEnvironment = this.environ = { ...this.os_environ };
    this.add_cgi_vars();
    env["wsgi.input"] = this.get_stdin();
    env["wsgi.errors"] = this.get_stderr();
    env["wsgi.version"] = this.wsgi_version;
    env["wsgi.run_once"] = this.wsgi_run_once;
    env["wsgi.url_scheme"] = this.get_scheme();
    env["wsgi.multithread"] = this.wsgi_multithread;
    env["wsgi.multiprocess"] = this.wsgi_multiprocess;
    if (this.wsgi_file_wrapper !== null) env["wsgi.file_wrapper"] = this.wsgi_file_wrapper;
    if (this.origin_server && this.server_software && !("SERVER_SOFTWARE" in env)) {
      env["SERVER_SOFTWARE"] = this.server_software;
    }
  }

  /** Send the body (iterating the result), then close the result and reset the handler. */
  async finish_response(): Promise<void> {
    try {
      if (!this.result_is_file() || !(await this.sendfile())) {
        const result = this.result as unknown;
        if (result !== null && typeof result === "object" && Symbol.asyncIterator in result) {
          for await (const data of result as AsyncIterable<Uint8Array>) await this.write(data);
        } else {
          // Python's `for data in self.result`: a class's own `__iter__` counts (iter() raises TypeError).
          for (const data of iter(result) as Iterable<Uint8Array>) await this.write(data);
        }
        await this.finish_content();
      }
    } catch (e) {
      await closeResult(this.result);
      throw e;
    }
    await this.close();
  }

  /** `"https"` or `"http"`, from the environ. */
  get_scheme(): string {
    return guess_scheme(this.environ!);
  }

  /** Set `Content-Length` when `len(result)` is 1 (a one-item array, or a class whose `__len__` says so). */
  set_content_length(): void {
    let blocks: number;
    try {
      blocks = len(this.result);
    } catch (e) {
      if (e instanceof TypeError || e instanceof NotImplementedError) return;
      throw e;
    }
    if (blocks === 1) {
      this.headers!.set("Content-Length", String(this.bytes_sent));
    }
  }

  /** Default header changes before sending: `Content-Length` when it can be known. */
  cleanup_headers(): void {
    if (!this.headers!.has("Content-Length")) this.set_content_length();
  }

  /**
   * PEP 3333's `start_response(status, headers, exc_info)`; returns `write`.
   *
   * @param status e.g. `"200 OK"`
   * @param headers `[name, value]` pairs
   * @param exc_info given when replacing a response after an error; if
   *   headers were already sent, its error is raised again
   * @returns the `write(data)` callable
   */
  start_response(
    status: string | { status: string; headers: HeaderPair[]; exc_info?: ExcInfo | null },
    headers?: HeaderPair[] | { headers: HeaderPair[]; exc_info?: ExcInfo | null },
    exc_info?: ExcInfo | null | { exc_info?: ExcInfo | null },
  ): WriteCallable {
    ({ status, headers, exc_info } = BASE_HANDLER_START_RESPONSE.bind(arguments));
    if (exc_info) {
      if (this.headers_sent) throw excValue(exc_info);
    } else if (this.headers !== null) {
      throw new AssertionError("Headers already set!");
    }
    this.status = status;
    this.headers = new this.headers_class(headers as [string, string][]);
    status = this._convert_string_type(status, "Status");
    this._validate_status(status);
    for (const item of headers) {
      const [n, v] = unpack2(item);
      const name = this._convert_string_type(n, "Header name");
      const val = this._convert_string_type(v, "Header value");
      if (isHopByHop(name)) {
        throw new AssertionError(`Hop-by-hop header, '${name}: ${val}', not allowed`);
      }
    }
    return this.write;
  }

  /** Check the status text (control characters, `"NNN "` prefix). */
  _validate_status(status: string): void {
    if (nameDisallowed(status)) throw new ValueError("Control characters are not allowed in status");
    if ([...status].length < 4) throw new AssertionError("Status must be at least 4 characters");
    if (!/^\p{Nd}{3}/u.test(status)) throw new AssertionError("Status message must begin w/3-digit code");
    if ([...status][3] !== " ") throw new AssertionError("Status message must have a space after code");
  }

  /** Assert `value` is a string. */
  _convert_string_type(value: unknown, title: string): string {
    if (typeof value === "string") return value;
    throw new AssertionError(`${title} must be of type str (got ${repr(value)})`);
  }

  /** `self._write(text.encode('iso-8859-1'))`. */
  [writeText](text: string): void {
    this._write(encodeNarrow(text, "iso-8859-1"));
  }

  /** Write the status line (or CGI `Status:`), `Date` and `Server`. */
  send_preamble(): void {
    if (this.origin_server) {
      if (this.client_is_modern()) {
        let pre = `HTTP/${this.http_version} ${this.status}\r\n`;
        if (!this.headers!.has("Date")) pre += `Date: ${currentDate()}\r\n`;
        if (this.server_software && !this.headers!.has("Server")) {
          pre += `Server: ${this.server_software}\r\n`;
        }
        this[writeText](pre);
      }
    } else {
      this[writeText](`Status: ${this.status}\r\n`);
    }
  }

  /**
   * PEP 3333's `write(data)`: send body bytes (the headers first, on the
   * first call). The data is queued at once; the Promise settles when it
   * was flushed (await it for backpressure, or ignore it as in Python).
   *
   * @param data body bytes
   * @returns a Promise that settles once the data was flushed
   */
  write(data: Uint8Array | { data: Uint8Array }): Promise<void> {
    ({ data } = BASE_HANDLER_WRITE.bind(arguments));
    if (!(data instanceof Uint8Array)) {
      throw new AssertionError("write() argument must be a bytes instance");
    }
    if (!this.status) throw new AssertionError("write() before start_response()");
    if (!this.headers_sent) {
      this.bytes_sent = data.length;
      this.send_headers();
    } else {
      this.bytes_sent += data.length;
    }
    this._write(data);
    const p = Promise.resolve(this._flush());
    p.catch(() => {}); // an ignored write() must never become an unhandled rejection
    return p;
  }

  /** Platform file transmission: return true if the file was sent (default: not supported). */
  sendfile(): boolean | Promise<boolean> {
    return false;
  }

  /** Make sure headers went out (`Content-Length: 0` when nothing was written). */
  async finish_content(): Promise<void> {
    if (!this.headers_sent) {
      this.headers!.setdefault("Content-Length", "0");
      this.send_headers();
      await this._flush();
    }
  }

  /** Close the result (its `close()`, or a generator's `return()`) and reset the per-request state. */
  async close(): Promise<void> {
    try {
      await closeResult(this.result);
    } finally {
      this.result =
        this.headers =
        this.status =
        this.environ =
          null;
      this.bytes_sent = 0;
      this.headers_sent = false;
    }
  }

  /** Write the status line and headers. */
  send_headers(): void {
    this.cleanup_headers();
    this.headers_sent = true;
    if (!this.origin_server || this.client_is_modern()) {
      this.send_preamble();
      this[writeText](String(this.headers));
    }
  }

  /** Is the result an instance of `wsgi_file_wrapper`? */
  result_is_file(): boolean {
    const wrapper = this.wsgi_file_wrapper;
    return wrapper !== null && this.result instanceof wrapper;
  }

  /** False for HTTP/0.9 clients, which get no status line or headers. */
  client_is_modern(): boolean {
    return String(this.environ!["SERVER_PROTOCOL"]).toUpperCase() !== "HTTP/0.9";
  }

  /**
   * Log an error to `get_stderr()` as a traceback.
   *
   * @param exc_info `[class, error, traceback]`
   */
  log_exception(exc_info: ExcInfo | null | { exc_info: ExcInfo | null }): void {
    ({ exc_info } = BASE_HANDLER_LOG_EXCEPTION.bind(arguments));
    const err = exc_info ? excValue(exc_info) : null;
    const stream = this.get_stderr();
    const text = formatException(err, this.traceback_limit);
    stream.write(text);
    stream.flush();
  }

  /** Log the current error and send the error page when headers were not sent yet. */
  async handle_error(): Promise<void> {
    this.log_exception(this.exc_info);
    if (!this.headers_sent) {
      this.result = await this.error_output(this.environ!, this.start_response);
      await this.finish_response();
    }
  }

  /**
   * The WSGI mini-application that produces the error page from
   * `error_status`, `error_headers` and `error_body`.
   *
   * @param _environ the request environ
   * @param start_response the handler's `start_response`
   * @returns the body
   */
  error_output(
    _environ: WSGIEnvironment,
    start_response?: StartResponse | { start_response: StartResponse },
  ): WSGIBody | Promise<WSGIBody> {
    ({ start_response } = BASE_HANDLER_ERROR_OUTPUT.bind(arguments));
    start_response(this.error_status, this.error_headers.slice(), this.exc_info ?? tuple(null, null, null));
    return [this.error_body];
  }

  /** Queue bytes for the client (subclasses implement it). */
  _write(_data: Uint8Array): void {
    throw new NotImplementedError();
  }

  /** Push queued bytes out (subclasses implement it). */
  _flush(): void | Promise<void> {
    throw new NotImplementedError();
  }

  /** The `wsgi.input` stream (subclasses implement it). */
  get_stdin(): InputStream {
    throw new NotImplementedError();
  }

  /** The `wsgi.errors` stream (subclasses implement it). */
  get_stderr(): ErrorStream {
    throw new NotImplementedError();
  }

  /** Add the CGI variables of the request to `this.environ` (subclasses implement it). */
  add_cgi_vars(): void {
    throw new NotImplementedError();
  }
}

classAttrs(BaseHandler, [
  "wsgi_version",
  "wsgi_multithread",
  "wsgi_multiprocess",
  "wsgi_run_once",
  "origin_server",
  "http_version",
  "server_software",
  "os_environ",
  "wsgi_file_wrapper",
  "headers_class",
  "traceback_limit",
  "error_status",
  "error_headers",
  "error_body",
]);
// The state variables (status, result, headers_sent, headers, bytes_sent) are class attributes in CPython too,
// readable from the class here; each handler starts with its own copy (one shape, no setter per request).

/** A Python-style output stream: `write(data)` (sync or async) and optional `flush()`. */
export interface OutputStream {
  /** Write bytes; may return the count written or a Promise. */
  write(data: Uint8Array): unknown;
  /** Flush what was written. */
  flush?(): unknown;
}

/** Keyword arguments of {@link SimpleHandler}. */
export interface SimpleHandlerOptions {
  /** `wsgi.multithread` (default true). */
  multithread?: boolean;
  /** `wsgi.multiprocess` (default false). */
  multiprocess?: boolean;
}

const SIMPLE_HANDLER_INIT = new Signature<{
  stdin: InputStream;
  stdout: OutputStream;
  stderr: ErrorStream;
  environ: Record<string, unknown>;
  multithread: boolean;
  multiprocess: boolean;
}>(
  "SimpleHandler.__init__",
  ["self", "stdin", "stdout", "stderr", "environ", "multithread", "multiprocess"],
  { multithread: true, multiprocess: false },
  ["environ"],
);

/**
 * A handler over given streams and a base environ: Python's
 * `SimpleHandler(stdin, stdout, stderr, environ, multithread=True,
 * multiprocess=False)`. `stdout` is anything with `write()` (a
 * `BufferedWriter`, an array collector, …) and optionally `flush()`.
 *
 * @example
 * ```ts
 * import { SimpleHandler } from "@pyweb/std/wsgi/handlers";
 * import { b } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * const out: Uint8Array[] = [];
 * const stdout = { write(d: Uint8Array) { out.push(d.slice()); return d.length; } };
 * const errors = { write(_s: string) {}, flush() {}, writelines(_s: Iterable<string>) {} };
 * const input = { read: async () => new Uint8Array(0), readline: async () => new Uint8Array(0),
 *   readlines: async () => [], async *[Symbol.asyncIterator]() {} };
 * const h = new SimpleHandler(input, stdout, errors, { SERVER_PROTOCOL: "HTTP/1.0" }, { multithread: false });
 * await h.run((_env, start_response) => {
 *   start_response("404 Not Found", [["Content-Type", "text/plain"], ["Date", "x"]]);
 *   return [b`no`];
 * });
 * const text = new TextDecoder().decode(new Uint8Array(out.flatMap((c) => [...c])));
 * assert.equal(text, "HTTP/1.0 404 Not Found\r\nContent-Type: text/plain\r\nDate: x\r\nContent-Length: 2\r\n\r\nno");
 * ```
 */
export class SimpleHandler extends BaseHandler {
  /** `wsgi.input`. */
  stdin: InputStream;
  /** Where the response goes. */
  stdout: OutputStream;
  /** `wsgi.errors`. */
  stderr: ErrorStream;
  /** CGI variables added to every environ. */
  base_env: Record<string, unknown>;
  #chain: Promise<unknown> | null = null;

  /**
   * Build a handler over the given streams.
   * @param stdin the request body stream
   * @param stdout the response stream
   * @param stderr the error stream
   * @param environ the request's CGI variables
   * @param multithread `wsgi.multithread` (default true), or the keyword object
   * @param multiprocess `wsgi.multiprocess` (default false)
   */
  constructor(
    stdin: InputStream,
    stdout: OutputStream,
    stderr: ErrorStream,
    environ: Record<string, unknown>,
    multithread?: boolean,
    multiprocess?: boolean,
  );
  /** `SimpleHandler(stdin, stdout, stderr, environ, multithread=…, multiprocess=…)` with keywords. */
  constructor(
    stdin: InputStream,
    stdout: OutputStream,
    stderr: ErrorStream,
    environ: Record<string, unknown>,
    kwargs: SimpleHandlerOptions,
  );
  /** Every argument by keyword, marked by `kw()`. */
  constructor(
    kwargs: Keywords<
      & { stdin: InputStream; stdout: OutputStream; stderr: ErrorStream; environ: Record<string, unknown> }
      & SimpleHandlerOptions
    >,
  );
  constructor(...args: unknown[]) {
    const { stdin, stdout, stderr, environ, multithread, multiprocess } = SIMPLE_HANDLER_INIT.bind(args);
    super();
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.base_env = environ;
    this.wsgi_multithread = multithread;
    this.wsgi_multiprocess = multiprocess;
  }

  // Instance attributes, as CPython's __init__ sets them: own fields, so the constructor's assignments are
  // plain stores rather than the class-attribute setter's defineProperty.
  /** Python's `wsgi_multithread`, from the constructor. */
  override wsgi_multithread: boolean = true;
  /** Python's `wsgi_multiprocess`, from the constructor. */
  override wsgi_multiprocess: boolean = true;

  /** The `stdin` given to the constructor. */
  override get_stdin(): InputStream {
    return this.stdin;
  }

  /** The `stderr` given to the constructor. */
  override get_stderr(): ErrorStream {
    return this.stderr;
  }

  /** Copy `base_env` into the environ. */
  override add_cgi_vars(): void {
    // A key loop: on the fresh copy of os.environ, V8 runs it several times faster than Object.assign.
    const env = this.environ!, base = this.base_env;
    for (const k of Object.keys(base)) env[k] = base[k];
  }

  /** Text for our own writer (a socket's `wfile`) goes straight into its buffer, when `_write` is ours. */
  override [writeText](text: string): void {
    const out = this.stdout;
    if (!(out instanceof BufferedWriter && this._write === ownWrite && out.writeLatin1(text))) {
      super[writeText](text); // not ours, or not Latin-1: encodeNarrow raises CPython's UnicodeEncodeError
    }
  }

  /**
   * Write to `stdout`. A partial write (a count short of the data) warns
   * `DeprecationWarning: SimpleHandler.stdout.write() should not do partial
   * writes`, then the rest is written, as CPython 3.14 does.
   */
  override _write(data: Uint8Array): void {
    let result = this.stdout.write(data);
    if (result instanceof Promise) {
      // An async writer: keep the writes in order and wait for them in _flush().
      const prev = this.#chain;
      const next = prev ? prev.then(() => result) : result;
      next.catch(() => {});
      this.#chain = next;
      return;
    }
    if (typeof result !== "number" || result === data.length) return; // None or the whole length
    warn("SimpleHandler.stdout.write() should not do partial writes", DeprecationWarning);
    // CPython: `while data := data[result:]: result = self.stdout.write(data)`; a writer that makes no
    // progress (0 or None) would loop forever there, so stop instead.
    while ((data = data.subarray(result as number)).length) {
      result = this.stdout.write(data);
      if (typeof result !== "number" || result <= 0) break;
    }
  }

  /** Wait for pending writes and call `stdout.flush()`. */
  override async _flush(): Promise<void> {
    if (this.#chain) {
      const c = this.#chain;
      this.#chain = null;
      await c;
    }
    // A queueing writer (BufferedWriter) sends by itself: wait for the socket only when much is
    // queued (backpressure). The server's finish() flushes the rest, as CGIHandler.run() does.
    const pending = (this.stdout as { pending?: unknown }).pending;
    if (typeof pending === "number" && pending < FLUSH_THRESHOLD) return;
    if (typeof this.stdout.flush === "function") await this.stdout.flush();
  }
}
const ownWrite = SimpleHandler.prototype._write;

/**
 * A CGI-style handler over given streams: output starts with a `Status:`
 * line instead of an HTTP status line (`origin_server` is false). For
 * FastCGI-like gateways.
 *
 * @example
 * ```ts
 * import { BaseCGIHandler } from "@pyweb/std/wsgi/handlers";
 * import assert from "node:assert/strict";
 * const out: number[] = [];
 * const h = new BaseCGIHandler(
 *   { read: async () => new Uint8Array(0), readline: async () => new Uint8Array(0), readlines: async () => [],
 *     async *[Symbol.asyncIterator]() {} },
 *   { write(d: Uint8Array) { out.push(...d); return d.length; } },
 *   { write() {}, flush() {}, writelines() {} },
 *   { SERVER_PROTOCOL: "HTTP/1.0" },
 * );
 * await h.run((_e, sr) => { sr("204 No Content", []); return []; });
 * assert.equal(new TextDecoder().decode(new Uint8Array(out)), "Status: 204 No Content\r\nContent-Length: 0\r\n\r\n");
 * ```
 */
export class BaseCGIHandler extends SimpleHandler {
  /** CGI output: a `Status:` line, not an HTTP status line. */
  static override origin_server: boolean = false;
}

/**
 * Run a WSGI application as a CGI script: stdin, stdout, stderr and the
 * process environment. `wsgi.run_once` is true, `wsgi.multithread` false,
 * `wsgi.multiprocess` true. Use it at the end of a script run by a CGI
 * server (such as `CGIHTTPRequestHandler`): `await new CGIHandler().run(app)`.
 *
 * @example
 * ```ts
 * import { CGIHandler } from "@pyweb/std/wsgi/handlers";
 * import assert from "node:assert/strict";
 * const h = new CGIHandler();
 * assert.equal(h.wsgi_run_once, true);
 * assert.equal(h.origin_server, false);
 * ```
 */
export class CGIHandler extends BaseCGIHandler {
  /** A CGI script serves one request. */
  static override wsgi_run_once: boolean = true;
  /** Empty: the request's variables come from {@link read_environ}. */
  static override os_environ: Record<string, unknown> = {};

  /**
   * Run `application`, then flush stdout (Python flushes it at exit).
   *
   * @param application the WSGI application
   */
  override async run(...args: Parameters<BaseHandler["run"]>): Promise<void> {
    try {
      await super.run(...args);
    } finally {
      try {
        await (this.stdout as BufferedWriter).flush();
      } catch { /* the server went away */ }
    }
  }
  /** Use the process's stdin, stdout, stderr and environment. */
  constructor() {
    super(
      new BufferedReader(Deno.stdin),
      new BufferedWriter(Deno.stdout),
      sysStderr,
      read_environ(),
      false,
      true,
    );
  }
}

/**
 * {@link CGIHandler} for IIS, which repeats `SCRIPT_NAME` at the start of
 * `PATH_INFO`: the duplicate is removed.
 *
 * @example
 * ```ts
 * import { IISCGIHandler } from "@pyweb/std/wsgi/handlers";
 * import assert from "node:assert/strict";
 * assert.equal(new IISCGIHandler().wsgi_run_once, true);
 * ```
 */
export class IISCGIHandler extends BaseCGIHandler {
  /** A CGI script serves one request. */
  static override wsgi_run_once: boolean = true;
  /** Empty: the request's variables come from {@link read_environ}. */
  static override os_environ: Record<string, unknown> = {};

  /**
   * Run `application`, then flush stdout (Python flushes it at exit).
   *
   * @param application the WSGI application
   */
  override async run(...args: Parameters<BaseHandler["run"]>): Promise<void> {
    try {
      await super.run(...args);
    } finally {
      try {
        await (this.stdout as BufferedWriter).flush();
      } catch { /* the server went away */ }
    }
  }
  /** Use the process's stdin, stdout, stderr and environment (with `PATH_INFO` fixed). */
  constructor() {
    const environ = read_environ();
    const path = environ["PATH_INFO"] ?? "";
    const script = environ["SCRIPT_NAME"] ?? "";
    if ((path + "/").startsWith(script + "/")) environ["PATH_INFO"] = path.slice(script.length);
    super(
      new BufferedReader(Deno.stdin),
      new BufferedWriter(Deno.stdout),
      sysStderr,
      environ,
      false,
      true,
    );
  }
}
