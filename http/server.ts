/**
 * Python's `http.server` over raw TCP (`Deno.listen` / `Deno.listenTls`):
 * `HTTPServer`, `ThreadingHTTPServer`, `HTTPSServer`,
 * `ThreadingHTTPSServer`, `BaseHTTPRequestHandler`,
 * `SimpleHTTPRequestHandler` and `CGIHTTPRequestHandler`, with the
 * `python -m http.server` command line.
 *
 * Python:
 * ```python
 * from http.server import HTTPServer, BaseHTTPRequestHandler
 *
 * class MyHandler(BaseHTTPRequestHandler):
 *     def do_GET(self):
 *         self.send_response(200)
 *         self.send_header("Content-Type", "text/plain")
 *         self.end_headers()
 *         self.wfile.write(b"Hello World!")
 *
 * HTTPServer(("", 8000), MyHandler).serve_forever()
 * ```
 *
 * TypeScript:
 * ```ts
 * import { BaseHTTPRequestHandler, HTTPServer } from "@pyweb/std/http/server";
 * import assert from "node:assert/strict";
 *
 * class MyHandler extends BaseHTTPRequestHandler {
 *   do_GET() {
 *     this.send_response(200);
 *     this.send_header("Content-Type", "text/plain");
 *     this.end_headers();
 *     this.wfile.write(new TextEncoder().encode("Hello World!"));
 *   }
 *   override log_message() {}
 * }
 *
 * const server = new HTTPServer(["127.0.0.1", 0], MyHandler);
 * const serving = server.serve_forever();
 * const res = await fetch(`http://127.0.0.1:${server.server_address[1]}/`);
 * assert.equal(await res.text(), "Hello World!");
 * await server.shutdown();
 * await serving;
 * await server.server_close();
 * ```
 *
 * Command line: `deno run -A jsr:@pyweb/std/http/server [port] [-b ADDR]
 * [-d DIR] [-p VERSION] [--cgi] [--tls-cert F --tls-key F
 * [--tls-password-file F]] [-H NAME VALUE] [--content-type TYPE]`.
 *
 * @module
 */

import { DeprecationWarning, warn } from "../warnings.ts";
import {
  type Request,
  type RequestHandlerClass,
  type ServerAddress,
  StreamRequestHandler,
  TCPServer,
  ThreadingMixIn,
  type ThreadingServer,
} from "../socketserver.ts";
import { kw, NO_MORE, Signature } from "../_util/signature.ts";
import { classAttrs } from "../_util/classattrs.ts";
import { truthy } from "../_util/builtins.ts";
import { SSLError } from "./_ssl.ts";
import { HTTPMessage, readHeaders, readHeadersBuffered } from "../_util/message.ts";
import { HTTPException, LineTooLong, MAXHEADERS, MAXLINE } from "./_exceptions.ts";
import { reprStr, type Tuple, tuple } from "../_util/repr.ts";
import { type Bytes, encodeNarrow, latin1Bytes, latin1Decode } from "../_util/bytes.ts";
import { BinasciiError, decodeBase64 } from "../_util/base64.ts";
import { encode } from "../_util/codecs.ts";
import {
  fromDenoError,
  IndexError,
  TimeoutError,
  TypeError as PyTypeError,
  UnicodeDecodeError,
} from "../_util/exceptions.ts";
import {
  escapeHtml,
  escapeLog,
  formatdate,
  parsedateToEpoch,
  pyFormat,
  pySplit,
  pySplitBounds,
  readRequestLine,
} from "./_server_util.ts";
import { writeStderr } from "../_util/stdio.ts";
import { quote, unquote } from "../urllib/parse.ts";
import { compareCodePoints } from "../_util/pystr.ts";
import { guess_file_type } from "../_util/mimetypes.ts";
import { normpath, splitext } from "../_util/posixpath.ts";
import { RESPONSES } from "./_server_data.ts";

export type { Request, RequestHandlerClass, ServerAddress } from "../socketserver.ts";
export type { HTTPMessage, LineReader, MessageDefect, ParamValue, Rfc2231Value } from "../_util/message.ts";
export type { Bytes } from "../_util/bytes.ts";
export type { Tuple } from "../_util/repr.ts";
export type { BufferedReader, BufferedWriter } from "../_util/stream.ts";
import { BufferedReader, BufferedWriter, FALSE, RESOLVED, TRUE } from "../_util/stream.ts";

/** `http.server.__version__`. */
export const __version__ = "0.6";

/** Python's `DEFAULT_ERROR_MESSAGE`: the `send_error()` page template (`%(code)d`, `%(message)s`, `%(explain)s`). */
export const DEFAULT_ERROR_MESSAGE: string = `<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <style type="text/css">
            :root {
                color-scheme: light dark;
            }
        </style>
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: %(code)d</p>
        <p>Message: %(message)s.</p>
        <p>Error code explanation: %(code)s - %(explain)s.</p>
    </body>
</html>
`;

/** Python's `DEFAULT_ERROR_CONTENT_TYPE`. */
export const DEFAULT_ERROR_CONTENT_TYPE = "text/html;charset=utf-8";

/** An HTTP status: a number or anything with a numeric `value` (an `HTTPStatus` member). */
export type StatusCode = number | { value: number };

function toCode(code: StatusCode): number {
  return typeof code === "number" ? code : Number(code.value);
}

function fqdn(host: string): string {
  if (host === "" || host === "0.0.0.0" || host === "::") {
    try {
      return Deno.hostname();
    } catch {
      return "localhost";
    }
  }
  if (host === "127.0.0.1" || host === "::1") return "localhost";
  return host;
}

/**
 * Python's `http.server.HTTPServer`: a `TCPServer` that records
 * `server_name` and `server_port`. Connections are served concurrently.
 *
 * @example
 * ```ts
 * import { BaseHTTPRequestHandler, HTTPServer } from "@pyweb/std/http/server";
 * import assert from "node:assert/strict";
 *
 * await using server = new HTTPServer(["127.0.0.1", 0], BaseHTTPRequestHandler);
 * assert.equal(server.server_port, server.server_address[1]);
 * ```
 */
export class HTTPServer extends TCPServer {
  /** Python's `allow_reuse_address`: true for HTTP servers. */
  static override allow_reuse_address: boolean = true;
  // `declare`: server_bind() runs inside TCPServer's constructor, before field initializers here would.
  /** Python's `server_name`: the host name of the bound address. */
  declare server_name: string;
  /** Python's `server_port`. */
  declare server_port: number;

  /** Python's `server_bind()`: bind, then store `server_name` and `server_port`. */
  override server_bind(): void {
    super.server_bind();
    const [host, port] = this.server_address;
    this.server_name = fqdn(host);
    this.server_port = port;
  }
}

/** `ThreadingMixIn`'s methods and class attributes, mixed into a class defined with its statics. */
function mixThreading(cls: { prototype: object }): void {
  const methods = Object.getOwnPropertyDescriptors(ThreadingMixIn.prototype);
  Reflect.deleteProperty(methods, "constructor");
  Object.defineProperties(cls.prototype, methods);
  classAttrs(cls as typeof ThreadingHTTPServer, ["daemon_threads", "block_on_close"]);
}

/**
 * Python's `http.server.ThreadingHTTPServer` (`ThreadingMixIn, HTTPServer`,
 * `daemon_threads = True`).
 *
 * @example
 * ```ts
 * import { SimpleHTTPRequestHandler, ThreadingHTTPServer } from "@pyweb/std/http/server";
 * import assert from "node:assert/strict";
 *
 * await using server = new ThreadingHTTPServer(["127.0.0.1", 0], SimpleHTTPRequestHandler);
 * assert.equal(server.daemon_threads, true);
 * ```
 */
export class ThreadingHTTPServer extends HTTPServer implements ThreadingServer {
  /** Python's `daemon_threads` (true: `server_close()` does not wait for connections). */
  static daemon_threads: boolean = true;
  /** Python's `daemon_threads` (true: `server_close()` does not wait for connections). */
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
mixThreading(ThreadingHTTPServer);

/** Keyword arguments of {@link HTTPSServer}. */
export interface HTTPSServerOptions {
  /** Path of the PEM certificate chain (required). */
  certfile: string;
  /** Path of the PEM private key; `null` reads it from `certfile`. */
  keyfile?: string | null;
  /** The password of an encrypted key (a string, bytes, or a function returning one). */
  password?: string | Uint8Array | (() => string | Uint8Array) | null;
  /** ALPN protocols, default `["http/1.1"]`. */
  alpn_protocols?: string[] | null;
  /** Python's `bind_and_activate`. */
  bind_and_activate?: boolean;
}

const HTTPS_SERVER_INIT = new Signature<{
  server_address: [string, number];
  RequestHandlerClass: RequestHandlerClass;
  bind_and_activate: unknown;
  certfile: string;
  keyfile: string | null;
  password: string | null;
  alpn_protocols: string[] | null;
}>(
  "HTTPSServer.__init__",
  [
    "self",
    "server_address",
    "RequestHandlerClass",
    "bind_and_activate",
    "*",
    "certfile",
    "keyfile",
    "password",
    "alpn_protocols",
  ],
  { bind_and_activate: true, keyfile: null, password: null, alpn_protocols: null },
);

/**
 * Python's `http.server.HTTPSServer` (3.14): an `HTTPServer` on
 * `Deno.listenTls`. A certificate or key that cannot be loaded raises
 * `ssl.SSLError` (a missing file `FileNotFoundError`), as in CPython.
 *
 * @example
 * ```ts
 * import { BaseHTTPRequestHandler, HTTPSServer } from "@pyweb/std/http/server";
 * import assert from "node:assert/strict";
 *
 * assert.throws(
 *   () => new HTTPSServer(["127.0.0.1", 0], BaseHTTPRequestHandler, { certfile: "/nonexistent.pem" }),
 * );
 * ```
 */
export class HTTPSServer extends HTTPServer {
  /** Python's `certfile`. */
  certfile: string;
  /** Python's `keyfile`. */
  keyfile: string | null;
  /** Python's `password`. */
  password: string | null;
  /** Python's `alpn_protocols`. */
  alpn_protocols: string[];

  /**
   * Python's `HTTPSServer(server_address, RequestHandlerClass, bind_and_activate=True, *, certfile, …)`.
   *
   * @param server_address `(host, port)`
   * @param RequestHandlerClass the handler class
   * @param bind_and_activate bind now
   * @param options `certfile`, `keyfile`, `password`, `alpn_protocols`
   */
  /** The same call with every argument by keyword. */
  constructor(
    kwargs: HTTPSServerOptions & {
      server_address: [string, number];
      RequestHandlerClass: RequestHandlerClass;
    },
  );
  /** The same call with the keyword-only arguments (and `bind_and_activate`) by keyword. */
  constructor(
    server_address: [string, number],
    RequestHandlerClass: RequestHandlerClass,
    options: HTTPSServerOptions,
  );
  /** The same call with some or all arguments by keyword, as Python allows. */
  constructor(
    server_address: [string, number],
    RequestHandlerClass: RequestHandlerClass,
    bind_and_activate: boolean,
    options: HTTPSServerOptions,
  );
  constructor(...args: unknown[]) {
    const a = HTTPS_SERVER_INIT.bind(args);
    super(a.server_address, a.RequestHandlerClass, false);
    this.certfile = a.certfile;
    this.keyfile = a.keyfile ?? null;
    this.password = a.password ?? null;
    this.alpn_protocols = a.alpn_protocols ?? ["http/1.1"];
    if (truthy(a.bind_and_activate)) {
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
   * Listen with TLS, loading `certfile`/`keyfile`.
   *
   * @param hostname the address to bind
   * @param port the port
   * @returns the TLS listener
   * @throws `FileNotFoundError` for a missing file, `ssl.SSLError` for one that is not a usable PEM certificate or key
   */
  protected override listen(hostname: string, port: number): Deno.Listener {
    let cert: string, key: string;
    try {
      cert = Deno.readTextFileSync(this.certfile);
      key = Deno.readTextFileSync(this.keyfile ?? this.certfile);
    } catch (e) {
      throw fromDenoError(e);
    }
    // CPython's load_cert_chain(): `ssl.SSLError(524297, '[SSL] PEM lib (_ssl.c:3916)')`.
    const pemError = (e: unknown) =>
      Object.assign(new SSLError(524297, "[SSL] PEM lib (_ssl.c:3916)"), {
        library: "SSL",
        reason: null,
        cause: e,
      });
    if (key.includes("ENCRYPTED") && this.password !== null && this.password !== undefined) {
      // Deno.listenTls takes clear keys only: decrypt with the password as OpenSSL's load_cert_chain does.
      key = decryptKey(key, this.password, pemError);
    }
    try {
      return Deno.listenTls({ hostname, port, cert, key, alpnProtocols: this.alpn_protocols });
    } catch (e) {
      if (e instanceof Deno.errors.AddrInUse || e instanceof Deno.errors.AddrNotAvailable) {
        throw fromDenoError(e);
      }
      if (e instanceof Deno.errors.PermissionDenied || e instanceof Deno.errors.NotCapable) {
        throw fromDenoError(e);
      }
      throw pemError(e);
    }
  }
}

/**
 * `node:crypto`, loaded only when an encrypted key needs it: importing it costs every program that imports
 * http.server some 50 ms of start-up, and only a password-protected certificate key needs it.
 */
function nodeCrypto(): typeof import("node:crypto") {
  const proc = (globalThis as unknown as { process: { getBuiltinModule(id: string): unknown } }).process;
  return proc.getBuiltinModule("node:crypto") as typeof import("node:crypto");
}

/**
 * The clear PKCS#8 PEM of the first private key in `pem`, decrypted with `password` (a string, bytes, or a
 * function returning one, as `load_cert_chain` takes); a wrong password raises `pemError`'s error.
 */
function decryptKey(pem: string, password: unknown, pemError: (e: unknown) => Error): string {
  const block = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/.exec(pem);
  if (!block) return pem;
  let pw = typeof password === "function" ? password() : password;
  if (pw instanceof Uint8Array) pw = latin1Decode(pw);
  if (typeof pw !== "string") {
    throw new PyTypeError("password callback must return a string");
  }
  try {
    const k = nodeCrypto().createPrivateKey({ key: block[0], format: "pem", passphrase: pw });
    return k.export({ type: "pkcs8", format: "pem" }) as string;
  } catch (e) {
    throw pemError(e);
  }
}

/**
 * Python's `http.server.ThreadingHTTPSServer`.
 *
 * @example
 * ```ts
 * import { ThreadingHTTPSServer } from "@pyweb/std/http/server";
 * import assert from "node:assert/strict";
 * assert.equal(ThreadingHTTPSServer.daemon_threads, true);
 * ```
 */
export class ThreadingHTTPSServer extends HTTPSServer implements ThreadingServer {
  /** Python's `daemon_threads`. */
  static daemon_threads: boolean = true;
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
mixThreading(ThreadingHTTPSServer);

const RESPONSES_TABLE: Record<number, Tuple<string> & [string, string]> = Object.create(null);
for (const [code, phrase, desc] of RESPONSES) {
  RESPONSES_TABLE[code] = tuple(phrase, desc) as Tuple<string> & [string, string];
}

// deno-lint-ignore no-control-regex
const NOT_LATIN1 = /[^\x00-\xff]/;

// Status and header lines as send_response_only() and send_header() buffer them, remembered by what they are
// made of: a server sends the same few lines on every response (`HTTP/1.1 200 OK`, `Server: …`, the `Date`
// of this second, its `Content-Type`), and a remembered line costs no new string. Direct-mapped slots, short
// lines only; a line that is not Latin-1 raises (as CPython's encode does) before it could be kept.
class LineMemo {
  #a: unknown[];
  #b: unknown[];
  #c: unknown[];
  #lines: string[];
  #mask: number;
  constructor(slots: number) {
    this.#a = new Array(slots).fill(null);
    this.#b = new Array(slots).fill(null);
    this.#c = new Array(slots).fill(null);
    this.#lines = new Array(slots).fill("");
    this.#mask = slots - 1;
  }
  /** The line made of `a`, `b` and `c` (slot `hash`), from `make` unless remembered. */
  get(
    hash: number,
    a: unknown,
    b: unknown,
    c: unknown,
    make: (a: never, b: never, c: never) => string,
  ): string {
    const slot = hash & this.#mask;
    if (this.#a[slot] === a && this.#b[slot] === b && this.#c[slot] === c) return this.#lines[slot];
    const line = make(a as never, b as never, c as never);
    if (NOT_LATIN1.test(line)) encode(line, "latin-1"); // CPython encodes as it buffers: raise now
    if (line.length <= 320) {
      this.#a[slot] = a;
      this.#b[slot] = b;
      this.#c[slot] = c;
      this.#lines[slot] = line;
    }
    return line;
  }
}
const statusLines = new LineMemo(16);
let lastServerVersion: unknown = null, lastSysVersion: unknown = null, lastVersionString = "";
/** `server_version + ' ' + sys_version`, the same string again while both stay the same (as they do). */
function versionString(server_version: string, sys_version: string): string {
  if (server_version !== lastServerVersion || sys_version !== lastSysVersion) {
    lastVersionString = server_version + " " + sys_version;
    lastServerVersion = server_version;
    lastSysVersion = sys_version;
  }
  return lastVersionString;
}
const headerLines = new LineMemo(64);
const makeStatusLine = (version: string, code: number, message: string) =>
  `${version} ${code} ${message}\r\n`;
const makeHeaderLine = (keyword: string, value: string) => `${keyword}: ${value}\r\n`;

function isAsciiDigits(s: string): boolean {
  if (!s.length) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

// str.isdigit() over Latin-1 also accepts the superscripts ², ³ and ¹ (int() then rejects them).
function isPyDigits(s: string): boolean {
  if (!s.length) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || c === 0xb2 || c === 0xb3 || c === 0xb9)) return false;
  }
  return true;
}

type CodeMessage = { code: StatusCode; message: string | null };
const SEND_ERROR = new Signature<CodeMessage & { explain: string | null }>(
  "BaseHTTPRequestHandler.send_error",
  ["self", "code", "message", "explain"],
  { message: null, explain: null },
);
const SEND_RESPONSE = new Signature<CodeMessage>(
  "BaseHTTPRequestHandler.send_response",
  ["self", "code", "message"],
  { message: null },
);
const SEND_RESPONSE_ONLY = new Signature<CodeMessage>(
  "BaseHTTPRequestHandler.send_response_only",
  ["self", "code", "message"],
  { message: null },
);
const SEND_HEADER = new Signature<{ keyword: string; value: string | number }>(
  "BaseHTTPRequestHandler.send_header",
  ["self", "keyword", "value"],
);
const LOG_REQUEST = new Signature<{ code: StatusCode | string; size: number | string }>(
  "BaseHTTPRequestHandler.log_request",
  ["self", "code", "size"],
  { code: "-", size: "-" },
);
const LOG_ERROR = new Signature<{ format: string; args: unknown[] }>(
  "BaseHTTPRequestHandler.log_error",
  ["self", "format", "*args"],
);
const LOG_MESSAGE = new Signature<{ format: string; args: unknown[] }>(
  "BaseHTTPRequestHandler.log_message",
  ["self", "format", "*args"],
);
const DATE_TIME_STRING = new Signature<{ timestamp: number | null }>(
  "BaseHTTPRequestHandler.date_time_string",
  ["self", "timestamp"],
  { timestamp: null },
);

const HTTP11: [number, number] = [1, 1];
const HTTP10: [number, number] = [1, 0];

const headerLimits = {
  maxLine: MAXLINE,
  maxHeaders: MAXHEADERS,
  lineTooLong: () => new LineTooLong("header line"),
  tooMany: () => new HTTPException(`got more than ${MAXHEADERS} headers`),
};

/**
 * Python's `http.server.BaseHTTPRequestHandler`: parses each request on the
 * connection and calls `do_<COMMAND>()`, which may be sync or async.
 *
 * Handlers write the response with `send_response()`, `send_header()`,
 * `end_headers()` and `this.wfile.write(body)` (no `await` needed), and
 * read a body with `await this.rfile.read(n)`.
 *
 * @example
 * ```ts
 * import { BaseHTTPRequestHandler, HTTPServer } from "@pyweb/std/http/server";
 * import assert from "node:assert/strict";
 *
 * class Echo extends BaseHTTPRequestHandler {
 *   override protocol_version = "HTTP/1.1";
 *   async do_POST() {
 *     const body = await this.rfile.read(Number(this.headers.get("Content-Length") ?? 0));
 *     this.send_response(200);
 *     this.send_header("Content-Length", String(body.length));
 *     this.end_headers();
 *     this.wfile.write(body);
 *   }
 *   override log_message() {}
 * }
 *
 * await using server = new HTTPServer(["127.0.0.1", 0], Echo);
 * const serving = server.serve_forever();
 * const res = await fetch(`http://127.0.0.1:${server.server_port}/`, { method: "POST", body: "ping" });
 * assert.equal(await res.text(), "ping");
 * await server.shutdown();
 * await serving;
 * ```
 */
export class BaseHTTPRequestHandler extends StreamRequestHandler {
  /** Python's `sys_version`: here `Deno/<version>`. */
  static sys_version: string = `Deno/${Deno.version.deno}`;
  /** Python's `sys_version`: here `Deno/<version>`. */
  declare sys_version: string;
  /** Python's `server_version`: `BaseHTTP/0.6`. */
  static server_version: string = "BaseHTTP/" + __version__;
  /** Python's `server_version`: `BaseHTTP/0.6`. */
  declare server_version: string;
  /** Python's `error_message_format`. */
  static error_message_format: string = DEFAULT_ERROR_MESSAGE;
  /** Python's `error_message_format`. */
  declare error_message_format: string;
  /** Python's `error_content_type`. */
  static error_content_type: string = DEFAULT_ERROR_CONTENT_TYPE;
  /** Python's `error_content_type`. */
  declare error_content_type: string;
  /** Python's `default_request_version`: `HTTP/0.9`. */
  static default_request_version: string = "HTTP/0.9";
  /** Python's `default_request_version`: `HTTP/0.9`. */
  declare default_request_version: string;
  /** Python's `protocol_version`: `HTTP/1.0`; set `HTTP/1.1` for keep-alive. */
  static protocol_version: string = "HTTP/1.0";
  /** Python's `protocol_version`: `HTTP/1.0`; set `HTTP/1.1` for keep-alive. */
  declare protocol_version: string;
  /** Python's `MessageClass`: the class headers are parsed into. */
  static MessageClass: new () => HTTPMessage = HTTPMessage;
  /** Python's `MessageClass`: the class headers are parsed into. */
  declare MessageClass: new () => HTTPMessage;
  /** Python's `responses`: code → `(phrase, description)`. */
  static responses: Record<number, Tuple<string> & [string, string]> = RESPONSES_TABLE;
  /** Python's `responses`: code → `(phrase, description)`. */
  declare responses: Record<number, Tuple<string> & [string, string]>;
  /** Python's `weekdayname`. */
  static weekdayname: string[] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  /** Python's `weekdayname`. */
  declare weekdayname: string[];
  /** Python's `monthname` (index 0 is `null`). */
  static monthname: (string | null)[] = [
    null,
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  /** Python's `monthname` (index 0 is `null`). */
  declare monthname: (string | null)[];

  // The request line as read: text until someone asks for `raw_requestline`'s bytes.
  #rawText: string | null = "";
  #rawBytes: Bytes | null = null;
  /** Python's `raw_requestline`: the request line as received. */
  get raw_requestline(): Bytes {
    return this.#rawBytes ??= latin1Bytes(this.#rawText ?? "");
  }
  set raw_requestline(line: Bytes) {
    this.#rawBytes = line;
    this.#rawText = null;
  }
  /**
   * Read the next request line into `raw_requestline` (as text, decoded when its bytes are asked for).
   *
   * @returns its length in bytes (at once when the line is already buffered)
   */
  [readRequestLine](): number | Promise<number> {
    const rfile = this.rfile;
    if (rfile instanceof BufferedReader) {
      const line = rfile.readlineLatin1Buffered(65537);
      return line !== null
        ? this.#gotRequestLine(line)
        : rfile.readlineLatin1(65537).then(this.#gotRequestLine);
    }
    // A file put in by hand (a test's BytesIO): its readline(), awaited in case it is async.
    return Promise.resolve((rfile as { readline(n: number): Bytes | Promise<Bytes> }).readline(65537)).then(
      (line) => (this.raw_requestline = line).length,
    );
  }

  #gotRequestLine = (line: string): number => {
    this.#rawText = line;
    this.#rawBytes = null;
    return line.length;
  };
  /** Python's `requestline`: the request line without CRLF. */
  requestline = "";
  /** Python's `command`: the method, `null` before a request line was understood. */
  command: string | null = null;
  /** Python's `path`: the request target. */
  path = "";
  /** Python's `request_version`. */
  request_version = "";
  /** Python's `headers`: the request headers. */
  headers: HTTPMessage = new HTTPMessage();
  /** Python's `close_connection`: true when this is the last request on the connection. */
  close_connection = true;
  /** Python's `_headers_buffer`: the status line and headers not yet written. */
  _headers_buffer: string[] = [];
  #served = 0;

  /**
   * Python's `parse_request()`: parse `raw_requestline` and the headers
   * into `command`, `path`, `request_version` and `headers`.
   *
   * @returns true on success; false after an error response was sent
   */
  parse_request(): Promise<boolean> {
    try {
      const line = this.#parseRequestLine();
      if (line !== null) return line ? TRUE : FALSE;
      // The usual case, the whole head in the buffer: parsed without a Promise.
      const rfile = this.rfile;
      const headers = rfile instanceof BufferedReader
        ? readHeadersBuffered(rfile, headerLimits, this.MessageClass)
        : null;
      if (headers === null) return this.#parseHeadersSlow();
      this.headers = headers;
      const done = this.#afterHeaders();
      return typeof done === "boolean" ? (done ? TRUE : FALSE) : done;
    } catch (e) {
      return Promise.reject(e);
    }
  }

  // The last request line read and its text without the line end: a keep-alive client repeating its request
  // (our reader then hands back the same string) costs no new string.
  #lastRaw = "";
  #lastLine = "";

  /** The request line: false after an error response, true for HTTP/0.9 (no headers), null to read headers. */
  #parseRequestLine(): boolean | null {
    let is_http_0_9 = false;
    this.command = null;
    let version = this.default_request_version;
    this.request_version = version;
    this.close_connection = true;
    const raw = this.#rawText ?? latin1Decode(this.raw_requestline);
    let requestline: string;
    if (raw === this.#lastRaw) requestline = this.#lastLine; // the reader's remembered line: stripped before
    else {
      let end = raw.length;
      while (end > 0 && (raw.charCodeAt(end - 1) === 10 || raw.charCodeAt(end - 1) === 13)) end--;
      requestline = raw.slice(0, end);
      this.#lastRaw = raw;
      this.#lastLine = requestline;
    }
    this.requestline = requestline;
    // The words as positions: the usual request line then costs no array and no string per word.
    const count = pySplitBounds(requestline, WORDS);
    if (count === 0) return false;

    if (count >= 3) {
      version = knownWord(requestline, WORDS[4], WORDS[5], USUAL_VERSIONS);
      let nums: [number, number] | null = null;
      if (version === "HTTP/1.1") nums = HTTP11;
      else if (version === "HTTP/1.0") nums = HTTP10;
      else if (version.startsWith("HTTP/")) {
        const base = version.slice(5);
        const parts = base.split(".");
        if (
          parts.length === 2 && parts.every(isPyDigits) && parts.every((p) => p.length <= 10) &&
          parts.every(isAsciiDigits)
        ) {
          nums = [parseInt(parts[0], 10), parseInt(parts[1], 10)];
        }
      }
      if (!nums) {
        this.send_error(400, `Bad request version (${reprStr(version)})`);
        return false;
      }
      if ((nums[0] > 1 || (nums[0] === 1 && nums[1] >= 1)) && this.protocol_version >= "HTTP/1.1") {
        this.close_connection = false;
      }
      if (nums[0] >= 2) {
        this.send_error(505, `Invalid HTTP version (${version.slice(5)})`);
        return false;
      }
      this.request_version = version;
    }

    if (!(count >= 2 && count <= 3)) {
      this.send_error(400, `Bad request syntax (${reprStr(requestline)})`);
      return false;
    }
    const command = knownWord(requestline, WORDS[0], WORDS[1], USUAL_METHODS);
    const path = requestline.slice(WORDS[2], WORDS[3]);
    if (count === 2) {
      this.close_connection = true;
      if (command !== "GET") {
        this.send_error(400, `Bad HTTP/0.9 request type (${reprStr(command)})`);
        return false;
      }
      is_http_0_9 = true;
    }
    this.command = command;
    this.path = path;
    // gh-87389: a leading '//' would be an absolute URI without scheme (open redirect).
    if (this.path.startsWith("//")) this.path = "/" + this.path.replace(/^\/+/, "");

    if (is_http_0_9) {
      this.headers = new this.MessageClass();
      return true;
    }
    return null;
  }

  async #parseHeadersSlow(): Promise<boolean> {
    try {
      this.headers = await readHeaders(this.rfile, headerLimits, this.MessageClass);
    } catch (err) {
      if (err instanceof LineTooLong) {
        this.send_error(431, "Line too long", String(err.message));
        return false;
      }
      if (err instanceof HTTPException) {
        this.send_error(431, "Too many headers", String(err.message));
        return false;
      }
      throw err;
    }
    return await this.#afterHeaders();
  }

  /** `Connection` and `Expect` of the parsed headers. */
  #afterHeaders(): boolean | Promise<boolean> {
    const conntype = (this.headers.get("Connection") ?? "").toLowerCase();
    if (conntype === "close") this.close_connection = true;
    else if (conntype === "keep-alive" && this.protocol_version >= "HTTP/1.1") this.close_connection = false;
    const expect = (this.headers.get("Expect") ?? "").toLowerCase();
    if (
      expect === "100-continue" && this.protocol_version >= "HTTP/1.1" && this.request_version >= "HTTP/1.1"
    ) {
      const go = this.handle_expect_100();
      return go instanceof Promise ? go.then(truthy) : truthy(go);
    }
    return true;
  }

  /**
   * Python's `handle_expect_100()`: send `100 Continue` and go on. Override
   * to refuse (send an error and return false).
   *
   * @returns true to read the body and call the handler
   */
  handle_expect_100(): boolean | Promise<boolean> {
    this.send_response_only(100);
    this.end_headers();
    return true;
  }

  /**
   * Python's `handle_one_request()`: read and dispatch one request.
   *
   * @returns a Promise that resolves when the response was written
   */
  handle_one_request(): Promise<void> {
    // Written as steps rather than as an async function: a request whose head is already buffered is
    // read, parsed and dispatched synchronously, and only waits on the response's flush, so a request
    // costs no frame of ours (under many keep-alive connections that is what the young generation holds).
    let length: number | Promise<number>;
    try {
      if (this.markIdle(true)) {
        this.close_connection = true;
        return RESOLVED;
      }
      length = this[readRequestLine]();
    } catch (e) {
      return this.#lineFailed(e);
    }
    if (typeof length === "number") return this.#gotLine(length);
    return length.then(this.#gotLine, this.#lineFailed);
  }

  /** The request line could not be read. */
  #lineFailed = (e: unknown): Promise<void> => {
    // A failed TLS handshake surfaces on the first read; CPython's HTTPSServer drops such a connection
    // silently in accept().
    if (!this.#served && !(e instanceof TimeoutError) && "handshake" in this.request) {
      this.close_connection = true;
      return RESOLVED;
    }
    return this.#requestFailed(e);
  };

  /** The request line (`length` bytes) is in `raw_requestline`: parse the request and dispatch it. */
  #gotLine = (length: number): Promise<void> => {
    try {
      this.#served++;
      if (length > 65536) {
        this.markIdle(false);
        this.requestline = "";
        this.request_version = "";
        this.command = "";
        this.send_error(414);
        return RESOLVED;
      }
      if (!length) {
        this.close_connection = true;
        return RESOLVED;
      }
      // Until the headers are in, shutdown() may close this connection as idle (a slow client).
      const parsed: boolean | Promise<boolean> = this.parse_request();
      // Our parse_request() settles the usual case at once (TRUE/FALSE); an override may return a boolean.
      if (parsed === TRUE) return this.#dispatch(true);
      if (parsed === FALSE) return this.#dispatch(false);
      if (typeof parsed === "boolean") return this.#dispatch(parsed);
      return parsed.then(this.#dispatch, this.#requestFailed);
    } catch (e) {
      return this.#requestFailed(e);
    }
  };

  /** After `parse_request()`: call `do_<command>`, then flush the response. */
  #dispatch = (parsed: boolean): Promise<void> => {
    try {
      if (this.markIdle(false) && this.rfile.atEOF) {
        this.close_connection = true;
        return RESOLVED;
      }
      if (!parsed) return RESOLVED;
      const mname = methodName(this.command!);
      // deno-lint-ignore no-explicit-any
      const method = (this as any)[mname];
      if (typeof method !== "function") {
        this.send_error(501, `Unsupported method (${reprStr(this.command!)})`);
        return RESOLVED;
      }
      // Our wfile is corked while a handler runs synchronously: its writes then go out with the flush right
      // after, without a microtask hop scheduled per response; an async handler's writes drain as usual.
      const wfile = this.wfile;
      const corked = wfile instanceof BufferedWriter;
      if (corked) wfile.cork();
      let done: unknown;
      try {
        done = method.call(this);
      } catch (e) {
        if (corked) wfile.uncork();
        throw e;
      }
      if (done instanceof Promise) {
        if (corked) wfile.uncork();
        return done.then(this.#flushResponse, this.#requestFailed);
      }
      return this.#flushResponse();
    } catch (e) {
      return this.#requestFailed(e);
    }
  };

  #flushResponse = (): Promise<void> => {
    try {
      // Our wfile's flush() is a Promise; a file put in by hand (a test's BytesIO) may flush at once. (A write
      // never times out, so its errors pass on as they are; once the server is shutting down, the next
      // handle_one_request() closes the connection.)
      const flushed: unknown = this.wfile.flush();
      return flushed instanceof Promise ? flushed : RESOLVED;
    } catch (e) {
      return this.#requestFailed(e);
    }
  };

  /** A request timed out (logged, the connection closes), or failed with another error (passed on). */
  #requestFailed = (e: unknown): Promise<void> => {
    if (e instanceof TimeoutError) {
      this.log_error("Request timed out: %r", e);
      this.close_connection = true;
      return RESOLVED;
    }
    return Promise.reject(e);
  };

  /** Python's `handle()`: serve requests until `close_connection`. */
  override async handle(): Promise<void> {
    this.close_connection = true;
    await this.handle_one_request();
    while (!this.close_connection) {
      const rfile = this.rfile;
      if (
        this.handle_one_request === ownHandleOneRequest && rfile instanceof BufferedReader &&
        rfile.timeout === null && !this.markIdle(true)
      ) {
        // Wait for the next request's first bytes here, idle as handle_one_request() would be: a
        // keep-alive connection then holds only its pending read between requests, not a request's
        // frames, which is what lets the young generation stay small under many connections.
        await rfile.fillIfEmpty();
      }
      await this.handle_one_request();
    }
  }

  /**
   * Python's `send_error(code, message=None, explain=None)`: log, send the
   * status with `Connection: close` and an HTML page (escaped), except for
   * HEAD, 1xx, 204, 205 and 304.
   *
   * @param code the status code
   * @param message the reason phrase (default: the standard one)
   * @param explain the longer explanation in the page
   */
  send_error(code: StatusCode, message?: string | null, explain?: string | null): void;
  /** The same call with some or all arguments by keyword, as Python allows. */
  send_error(code: StatusCode, kwargs: { message?: string | null; explain?: string | null }): void;
  /** The same call with some or all arguments by keyword, as Python allows. */
  send_error(kwargs: { code: StatusCode; message?: string | null; explain?: string | null }): void;
  send_error(...args: unknown[]): void {
    let { code, message, explain } = SEND_ERROR.bind(args);
    const c = toCode(code);
    const entry = this.responses[c];
    const [shortmsg, longmsg] = entry ? entry : ["???", "???"];
    if (message === null || message === undefined) message = shortmsg;
    if (explain === null || explain === undefined) explain = longmsg;
    this.log_error("code %d, message %s", c, message);
    this.send_response(c, message);
    this.send_header("Connection", "close");
    let body: Uint8Array | null = null;
    if (c >= 200 && c !== 204 && c !== 205 && c !== 304) {
      const content = formatError(this.error_message_format, c, escapeHtml(message), escapeHtml(explain));
      body = encode(content, "utf-8", "replace");
      this.send_header("Content-Type", this.error_content_type);
      this.send_header("Content-Length", String(body.length));
    }
    this.end_headers();
    if (this.command !== "HEAD" && body && body.length) this.wfile.write(body);
  }

  /**
   * Python's `send_response(code, message=None)`: log the request, then
   * buffer the status line and the `Server` and `Date` headers.
   *
   * @param code the status code
   * @param message the reason phrase (default: the standard one)
   */
  send_response(code: StatusCode, message?: string | null): void;
  /** The same call with some or all arguments by keyword, as Python allows. */
  send_response(code: StatusCode, kwargs: { message?: string | null }): void;
  /** The same call with some or all arguments by keyword, as Python allows. */
  send_response(kwargs: { code: StatusCode; message?: string | null }): void;
  send_response(a?: unknown, b?: unknown): void {
    const more = arguments.length > 2 ? Array.prototype.slice.call(arguments, 2) : NO_MORE;
    // valuesOf(): the table's binding and errors, without an argument array or an object per response.
    const [code, message] = SEND_RESPONSE.valuesOf(more, a, b) as [StatusCode, string | null];
    this.log_request(code);
    this.send_response_only(code, message);
    this.send_header("Server", this.version_string());
    this.send_header("Date", this.date_time_string());
  }

  /**
   * Python's `send_response_only(code, message=None)`: buffer the status
   * line only (nothing for HTTP/0.9).
   *
   * @param code the status code
   * @param message the reason phrase
   */
  send_response_only(code: StatusCode, message?: string | null): void;
  /** The same call with some or all arguments by keyword, as Python allows. */
  send_response_only(code: StatusCode, kwargs: { message?: string | null }): void;
  /** The same call with some or all arguments by keyword, as Python allows. */
  send_response_only(kwargs: { code: StatusCode; message?: string | null }): void;
  send_response_only(a?: unknown, b?: unknown): void {
    const more = arguments.length > 2 ? Array.prototype.slice.call(arguments, 2) : NO_MORE;
    let [code, message] = SEND_RESPONSE_ONLY.valuesOf(more, a, b) as [StatusCode, string | null];
    if (this.request_version !== "HTTP/0.9") {
      const c = typeof code === "number" ? code : toCode(code);
      if (message === null || message === undefined) message = this.responses[c]?.[0] ?? "";
      this._headers_buffer.push(statusLines.get(c, this.protocol_version, c, message, makeStatusLine));
    }
  }

  /**
   * Python's `send_header(keyword, value)`: buffer a header line (not
   * validated, as in Python); `Connection: close/keep-alive` sets
   * `close_connection`.
   *
   * @param keyword the header name
   * @param value the header value
   */
  send_header(keyword: string, value: string | number): void;
  /** The same call with some or all arguments by keyword, as Python allows. */
  send_header(keyword: string, kwargs: { value: string | number }): void;
  /** The same call with some or all arguments by keyword, as Python allows. */
  send_header(kwargs: { keyword: string; value: string | number }): void;
  send_header(a?: unknown, b?: unknown): void {
    const more = arguments.length > 2 ? Array.prototype.slice.call(arguments, 2) : NO_MORE;
    const [keyword, value] = SEND_HEADER.valuesOf(more, a, b) as [string, string | number];
    const v = typeof value === "string" ? value : String(value);
    if (this.request_version !== "HTTP/0.9") {
      this._headers_buffer.push(
        headerLines.get(keyword.length * 31 + v.length, keyword, v, null, makeHeaderLine),
      );
    }
    if (keyword.length === 10 && keyword.toLowerCase() === "connection") {
      const lv = v.toLowerCase();
      if (lv === "close") this.close_connection = true;
      else if (lv === "keep-alive") this.close_connection = false;
    }
  }

  /** Python's `end_headers()`: add the blank line and write the buffered headers. */
  end_headers(): void {
    if (this.request_version !== "HTTP/0.9") {
      this._headers_buffer.push("\r\n");
      this.flush_headers();
    }
  }

  /**
   * Python's `flush_headers()`: write the buffered status line and headers
   * as one new bytes object (a `wfile` may keep what it is given).
   */
  flush_headers(): void {
    const lines = this._headers_buffer;
    if (lines.length) {
      const wfile: { write(b: Uint8Array): unknown } = this.wfile;
      // Our own wfile copies what it is given: the lines go straight into its buffer.
      if (!(wfile instanceof BufferedWriter && wfile.writeLatin1(lines))) {
        const text = lines.join("");
        wfile.write(NOT_LATIN1.test(text) ? encodeNarrow(text, "latin-1") : latin1Bytes(text));
      }
      // Written: emptied for the next response, as CPython's `self._headers_buffer = []` does, but in place and
      // by pop(), which keeps the list's storage (a new list, or `length = 0`, makes V8 allocate it again).
      while (lines.length) lines.pop();
    }
  }

  /**
   * Python's `log_request(code='-', size='-')`.
   *
   * @param code the status code
   * @param size the response size
   */
  log_request(code?: StatusCode | string, size?: number | string): void;
  /** The same call with some or all arguments by keyword, as Python allows. */
  log_request(kwargs: { code?: StatusCode | string; size?: number | string }): void;
  /** The same call with some or all arguments by keyword, as Python allows. */
  log_request(code: StatusCode | string, kwargs: { size?: number | string }): void;
  log_request(a?: unknown, b?: unknown): void {
    const more = arguments.length > 2 ? Array.prototype.slice.call(arguments, 2) : NO_MORE;
    const [code, size] = LOG_REQUEST.valuesOf(more, a, b) as [StatusCode | string, number | string];
    const c = typeof code === "object" ? toCode(code) : code;
    this.log_message('"%s" %s %s', this.requestline, String(c), String(size));
  }

  /**
   * Python's `log_error(format, *args)`: passes on to `log_message`.
   *
   * @param format a `%` format
   * @param args its arguments
   */
  log_error(format: string, ...args: unknown[]): void;
  log_error(...all: unknown[]): void {
    const { format, args } = LOG_ERROR.bind(all);
    this.log_message(format, ...args);
  }

  /**
   * Python's `log_message(format, *args)`: write
   * `host - - [date] message` to stderr, control characters escaped.
   *
   * @param format a `%` format (`%s`, `%d`, `%r`)
   * @param args its arguments
   */
  log_message(format: string, ...args: unknown[]): void;
  log_message(...all: unknown[]): void {
    const { format, args } = LOG_MESSAGE.bind(all);
    const message = pyFormat(format, args);
    writeStderr(`${this.address_string()} - - [${this.log_date_time_string()}] ${escapeLog(message)}\n`);
  }

  /** Python's `version_string()`: `server_version + ' ' + sys_version`. @returns the Server header value */
  version_string(): string {
    return versionString(this.server_version, this.sys_version);
  }

  /**
   * Python's `date_time_string(timestamp=None)`: an HTTP date.
   *
   * @param timestamp seconds since the epoch (default: now)
   * @returns e.g. `Sun, 06 Nov 1994 08:49:37 GMT`
   */
  date_time_string(timestamp?: number | null): string;
  /** The same call with some or all arguments by keyword, as Python allows. */
  date_time_string(kwargs: { timestamp?: number | null }): string;
  date_time_string(a?: unknown): string {
    const more = arguments.length > 1 ? Array.prototype.slice.call(arguments, 1) : NO_MORE;
    const [timestamp] = DATE_TIME_STRING.valuesOf(more, a) as [number | null];
    return formatdate(timestamp);
  }

  /** Python's `log_date_time_string()`: local time as `23/Nov/2026 19:05:55`. @returns the log date */
  log_date_time_string(): string {
    const d = new Date();
    const p = (n: number, w = 2) => String(n).padStart(w, "0");
    return `${p(d.getDate())}/${this.monthname[d.getMonth() + 1]}/${p(d.getFullYear(), 4)} ${
      p(d.getHours())
    }:${p(d.getMinutes())}:${p(d.getSeconds())}`;
  }

  /** Python's `address_string()`: the client's host. @returns the client address */
  address_string(): string {
    return String(this.client_address[0]);
  }
}
const ownHandleOneRequest = BaseHTTPRequestHandler.prototype.handle_one_request;
classAttrs(BaseHTTPRequestHandler, [
  "sys_version",
  "server_version",
  "error_message_format",
  "error_content_type",
  "default_request_version",
  "protocol_version",
  "MessageClass",
  "responses",
  "weekdayname",
  "monthname",
]);

// A request line's word positions (see pySplitBounds), filled and read within one #parseRequestLine().
const WORDS = new Int32Array(6);

const USUAL_METHODS = ["GET", "POST", "HEAD"];
const USUAL_VERSIONS = ["HTTP/1.1", "HTTP/1.0"];

/**
 * `line.slice(start, end)`, or the one of `usual` it equals: the usual methods and versions are then our
 * constant strings rather than new ones, which a handler would keep until its next request.
 */
function knownWord(line: string, start: number, end: number, usual: readonly string[]): string {
  for (const word of usual) if (end - start === word.length && line.startsWith(word, start)) return word;
  return line.slice(start, end);
}

// "do_" + command, kept for the usual commands so that looking the method up costs no new string.
const METHOD_NAMES = new Map<string, string>();
function methodName(command: string): string {
  // A fresh string from the request line has no hash yet: compare the usual ones before a Map lookup.
  if (command === "GET") return "do_GET";
  if (command === "POST") return "do_POST";
  if (command === "HEAD") return "do_HEAD";
  let name = METHOD_NAMES.get(command);
  if (name === undefined) {
    name = "do_" + command;
    if (METHOD_NAMES.size < 64) METHOD_NAMES.set(command, name);
  }
  return name;
}

/** `error_message_format % {'code': …, 'message': …, 'explain': …}`. */
function formatError(format: string, code: number, message: string, explain: string): string {
  return format.replace(/%\((code|message|explain)\)([sd])|%%/g, (m, key) => {
    if (m === "%%") return "%";
    return key === "code" ? String(code) : key === "message" ? message : explain;
  });
}

/** What `send_head()` returns: a readable, closable body source (a file or a buffer). */
export interface BodyFile {
  /** Read up to `n` bytes (all when `n < 0`); empty at the end. */
  read(n?: number): Promise<Uint8Array>;
  /** Release the file. */
  close(): void;
}

/** An in-memory {@link BodyFile} (Python's `io.BytesIO`). */
class BytesFile implements BodyFile {
  #data: Uint8Array;
  #pos = 0;
  constructor(data: Uint8Array) {
    this.#data = data;
  }
  read(n = -1): Promise<Uint8Array> {
    const end = n < 0 ? this.#data.length : Math.min(this.#data.length, this.#pos + n);
    const out = this.#data.subarray(this.#pos, end);
    this.#pos = end;
    return Promise.resolve(out);
  }
  close(): void {}
}

/** A {@link BodyFile} over an open file, limited to `length` bytes. */
class DiskFile implements BodyFile {
  #file: Deno.FsFile;
  #left: number;
  #closed = false;
  constructor(file: Deno.FsFile, length: number) {
    this.#file = file;
    this.#left = length;
  }
  async read(n = -1): Promise<Uint8Array> {
    // All that is left when n < 0 (Python's f.read()), at most n bytes otherwise.
    const buf = new Uint8Array(n < 0 ? Math.max(this.#left, 0) : Math.min(n, Math.max(this.#left, 0)));
    return buf.subarray(0, await this.readInto(buf));
  }
  /** Fill `buf` from the file (within the length left); the count read, 0 at the end. */
  async readInto(buf: Uint8Array): Promise<number> {
    if (this.#left <= 0 || this.#closed) return 0;
    const want = Math.min(buf.length, this.#left);
    let got = 0;
    while (got < want) {
      const r = await this.#file.read(buf.subarray(got, want));
      if (r === null) break;
      got += r;
    }
    this.#left = got < want ? 0 : this.#left - got;
    return got;
  }
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#file.close();
    } catch { /* already closed */ }
  }
}

const SMALL_FILE = 256 * 1024;
const CACHED_FILE = 64 * 1024;
const CACHE_BYTES = 16 * 1024 * 1024;

interface CachedFile {
  mtime: number;
  ctime: number;
  size: number;
  ino: number | null;
  data: Uint8Array;
}
const fileCache = new Map<string, CachedFile>();
let cachedBytes = 0;

/**
 * Read a small file, reusing the bytes of a previous read while the file's
 * size, inode, mtime and ctime are unchanged (ctime moves on every write).
 */
function readSmallFile(path: string, st: Deno.FileInfo): Uint8Array {
  const mtime = st.mtime?.getTime() ?? -1, ctime = st.ctime?.getTime() ?? -1;
  const hit = fileCache.get(path);
  if (
    hit && hit.size === st.size && hit.mtime === mtime && hit.ctime === ctime && hit.ino === st.ino &&
    mtime >= 0 && ctime >= 0
  ) {
    return hit.data;
  }
  const data = Deno.readFileSync(path);
  if (hit) {
    fileCache.delete(path);
    cachedBytes -= hit.data.length;
  }
  if (
    data.length <= CACHED_FILE && data.length === st.size && mtime >= 0 && ctime >= 0 &&
    Date.now() - mtime > 1000
  ) {
    while (cachedBytes + data.length > CACHE_BYTES && fileCache.size) {
      const [oldest, entry] = fileCache.entries().next().value!;
      fileCache.delete(oldest);
      cachedBytes -= entry.data.length;
    }
    fileCache.set(path, { mtime, ctime, size: st.size, ino: st.ino, data });
    cachedBytes += data.length;
  }
  return data;
}

/** Keyword arguments of {@link SimpleHTTPRequestHandler}. */
export interface SimpleHTTPRequestHandlerOptions {
  /** The directory to serve (default: the current directory). */
  directory?: string | null;
  /** Extra headers for successful responses (3.15's `extra_response_headers`, CLI `-H`). */
  extra_response_headers?: Iterable<[string, string]> | null;
}

// Local metadata and small reads are done synchronously, as CPython does: a thread-pool round
// trip per stat costs more than the stat itself.
function statOrNull(path: string): Deno.FileInfo | null {
  try {
    return Deno.statSync(path);
  } catch {
    return null;
  }
}

function splitPathQuery(
  url: string,
): { prefix: string; path: string; query: string | null; fragment: string | null } {
  let rest = url;
  let fragment: string | null = null;
  const h = rest.indexOf("#");
  if (h >= 0) {
    fragment = rest.slice(h + 1);
    rest = rest.slice(0, h);
  }
  let query: string | null = null;
  const q = rest.indexOf("?");
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  let prefix = "";
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:)(\/\/[^/]*)?/.exec(rest);
  if (m) {
    prefix = m[0];
    rest = rest.slice(m[0].length);
  }
  return { prefix, path: rest, query, fragment };
}

const SIMPLE_HANDLER_INIT = new Signature<{
  args: unknown[];
  directory: string | null;
  kwargs: { extra_response_headers?: Iterable<[string, string]> | null } & Record<string, unknown>;
}>("SimpleHTTPRequestHandler.__init__", ["self", "*args", "*", "directory", "**kwargs"], { directory: null });
type PathArg = { path: string };
const LIST_DIRECTORY = new Signature<PathArg>("SimpleHTTPRequestHandler.list_directory", ["self", "path"]);
const TRANSLATE_PATH = new Signature<PathArg>("SimpleHTTPRequestHandler.translate_path", ["self", "path"]);
const COPYFILE = new Signature<{ source: BodyFile; outputfile: OutputFile }>(
  "SimpleHTTPRequestHandler.copyfile",
  ["self", "source", "outputfile"],
);
const GUESS_TYPE = new Signature<PathArg>("SimpleHTTPRequestHandler.guess_type", ["self", "path"]);

/** Where `copyfile()` writes: `wfile`, or anything with `write()` (and `flush()` for backpressure). */
export interface OutputFile {
  /** Write (queue) the bytes. */
  write(b: Uint8Array): unknown;
  /** Wait until the bytes are written. */
  flush?(): unknown;
  /** Bytes queued and not yet written. */
  readonly pending?: number;
}

/**
 * Python's `http.server.SimpleHTTPRequestHandler`: serves files and
 * directory listings from `directory`, with `If-Modified-Since` (304),
 * `Last-Modified`, a 301 for directories without a trailing slash, and —
 * beyond CPython — single `Range` requests (206/416) and `Accept-Ranges`.
 *
 * @example
 * ```ts
 * import { SimpleHTTPRequestHandler, ThreadingHTTPServer } from "@pyweb/std/http/server";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/hello.txt`, "hello");
 * class Quiet extends SimpleHTTPRequestHandler {
 *   constructor(...args: ConstructorParameters<typeof SimpleHTTPRequestHandler>) {
 *     super(args[0], args[1], args[2], { directory: dir });
 *   }
 *   override log_message() {}
 * }
 * await using server = new ThreadingHTTPServer(["127.0.0.1", 0], Quiet);
 * const serving = server.serve_forever();
 * const res = await fetch(`http://127.0.0.1:${server.server_port}/hello.txt`);
 * assert.equal(res.headers.get("content-type"), "text/plain");
 * assert.equal(await res.text(), "hello");
 * await server.shutdown();
 * await serving;
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export class SimpleHTTPRequestHandler extends BaseHTTPRequestHandler {
  /** Python's `server_version`: `SimpleHTTP/0.6`. */
  static override server_version: string = "SimpleHTTP/" + __version__;
  /** Python's `index_pages`. */
  static index_pages: string[] = ["index.html", "index.htm"];
  /** Python's `index_pages`. */
  declare index_pages: string[];
  /** Python's `extensions_map`: extension → type, consulted before the mimetypes table. */
  static extensions_map: Record<string, string> = Object.assign(Object.create(null), {
    ".gz": "application/gzip",
    ".Z": "application/octet-stream",
    ".bz2": "application/x-bzip2",
    ".xz": "application/x-xz",
  });
  /** Python's `extensions_map`: extension → type, consulted before the mimetypes table. */
  declare extensions_map: Record<string, string>;
  /** 3.15's `default_content_type` (CLI `--content-type`): the type of unknown files. */
  static default_content_type: string = "application/octet-stream";
  /** 3.15's `default_content_type` (CLI `--content-type`): the type of unknown files. */
  declare default_content_type: string;
  /** Python's `directory`. */
  directory: string;
  /** 3.15's `extra_response_headers`. */
  extra_response_headers: [string, string][] | null;

  /**
   * Python's `SimpleHTTPRequestHandler(*args, directory=None, **kwargs)`:
   * `(request, client_address, server)` and the keywords.
   *
   * @param request the connection
   * @param client_address the peer's `(host, port)`
   * @param server the server
   * @param options `directory`, `extra_response_headers`
   */
  constructor(
    request: Request,
    client_address: ServerAddress,
    // deno-lint-ignore no-explicit-any
    server: any,
    options?: SimpleHTTPRequestHandlerOptions,
  );
  /** What a subclass's constructor passes on with `super(...args)`: positional and keyword forms alike. */
  constructor(...args: unknown[]);
  constructor(...all: unknown[]) {
    const { args, directory, kwargs } = SIMPLE_HANDLER_INIT.bind(all);
    const { extra_response_headers, ...rest } = kwargs;
    // The other keywords go on to BaseRequestHandler.__init__, as CPython's **kwargs do.
    const passOn = Object.keys(rest).length ? [...args, kw(rest)] : args;
    super(...(passOn as [Request, ServerAddress, unknown]));
    this.directory = directory ?? Deno.cwd();
    this.extra_response_headers = extra_response_headers
      ? [...extra_response_headers as Iterable<[string, string]>]
      : null;
  }

  /** Python's `do_GET()`: send the headers and the file. */
  async do_GET(): Promise<void> {
    const f = await this.send_head();
    if (f) {
      try {
        await this.copyfile(f, this.wfile);
      } finally {
        f.close();
      }
    }
  }

  /** Python's `do_HEAD()`: the headers only. */
  async do_HEAD(): Promise<void> {
    const f = await this.send_head();
    if (f) f.close();
  }

  /** Send the `extra_response_headers`. */
  protected send_extra_response_headers(): void {
    if (this.extra_response_headers) {
      for (const [k, v] of this.extra_response_headers) this.send_header(k, v);
    }
  }

  /**
   * Python's `send_head()`: send the status and headers for a GET or HEAD.
   *
   * @returns the body to copy (the caller closes it), or `null` when done
   */
  async send_head(): Promise<BodyFile | null> {
    let path = this.translate_path(this.path);
    let st = statOrNull(path);
    if (st?.isDirectory) {
      const parts = splitPathQuery(this.path);
      const p = parts.path;
      if (!(p.endsWith("/") || p.endsWith("%2f") || p.endsWith("%2F"))) {
        this.send_response(301);
        const loc = parts.prefix + p + "/" + (parts.query ? "?" + parts.query : "") +
          (parts.fragment ? "#" + parts.fragment : "");
        this.send_header("Location", loc);
        this.send_header("Content-Length", "0");
        this.end_headers();
        return null;
      }
      let found = false;
      for (const index of this.index_pages) {
        const candidate = joinPath(path, index);
        const ist = statOrNull(candidate);
        if (ist?.isFile) {
          path = candidate;
          st = ist;
          found = true;
          break;
        }
      }
      if (!found) return await this.list_directory(path);
    }
    const ctype = this.guess_type(path);
    if (path.endsWith("/")) {
      this.send_error(404, "File not found");
      return null;
    }
    if (!st || !st.isFile) {
      this.send_error(404, "File not found");
      return null;
    }
    let data: Uint8Array | null = null;
    let file: Deno.FsFile | null = null;
    let size = st.size;
    let mtime = st.mtime;
    try {
      if (size <= SMALL_FILE) {
        data = readSmallFile(path, st);
        size = data.length;
      } else {
        file = await Deno.open(path, { read: true });
        const fst = await file.stat();
        size = fst.size;
        mtime = fst.mtime;
      }
    } catch {
      this.send_error(404, "File not found");
      return null;
    }
    const mtimeSec = mtime ? Math.floor(mtime.getTime() / 1000) : 0;
    if (this.headers.has("If-Modified-Since") && !this.headers.has("If-None-Match")) {
      const ims = parsedateToEpoch(this.headers.get("If-Modified-Since")!);
      if (ims && (ims.offset === null || ims.offset === 0) && mtimeSec <= ims.epoch) {
        this.send_response(304);
        this.end_headers();
        file?.close();
        return null;
      }
    }
    const lastModified = this.date_time_string(mtimeSec);
    const range = this.#range(size, lastModified);
    if (range === "unsatisfiable") {
      file?.close();
      this.send_response(416);
      this.send_header("Content-Range", `bytes */${size}`);
      this.send_header("Content-Length", "0");
      this.end_headers();
      return null;
    }
    const [start, endIncl] = range ?? [0, size - 1];
    const length = Math.max(0, endIncl - start + 1);
    this.send_response(range ? 206 : 200);
    this.send_header("Content-type", ctype);
    this.send_header("Content-Length", String(length));
    if (range) this.send_header("Content-Range", `bytes ${start}-${endIncl}/${size}`);
    this.send_header("Last-Modified", lastModified);
    this.send_header("Accept-Ranges", "bytes");
    this.send_extra_response_headers();
    this.end_headers();
    if (data) return new BytesFile(range ? data.subarray(start, endIncl + 1) : data);
    if (start > 0) await file!.seek(start, Deno.SeekMode.Start);
    return new DiskFile(file!, length);
  }

  /** A single satisfiable `Range: bytes=…` as `[start, end]`, `"unsatisfiable"`, or `null` to send everything. */
  #range(size: number, lastModified: string): [number, number] | "unsatisfiable" | null {
    const header = this.headers.get("Range");
    if (header === null || this.command !== "GET") return null;
    const ifRange = this.headers.get("If-Range");
    if (ifRange !== null && ifRange.trim() !== lastModified) return null;
    // Drop blanks first (linear), then match an unambiguous pattern: no backtracking on hostile input.
    const m = /^bytes=(\d*)-(\d*)$/i.exec(header.replace(/[ \t]+/g, ""));
    if (!m || (m[1] === "" && m[2] === "")) return null;
    let start: number, end: number;
    if (m[1] === "") {
      const suffix = parseInt(m[2], 10);
      if (suffix === 0) return "unsatisfiable";
      start = Math.max(0, size - suffix);
      end = size - 1;
    } else {
      start = parseInt(m[1], 10);
      end = m[2] === "" ? size - 1 : Math.min(parseInt(m[2], 10), size - 1);
      if (m[2] !== "" && parseInt(m[2], 10) < start) return null;
    }
    if (start >= size || size === 0) return "unsatisfiable";
    return [start, end];
  }

  /**
   * Python's `list_directory(path)`: send an HTML listing (Python's exact
   * markup) of the directory.
   *
   * @param path the filesystem path of the directory
   * @returns the page body, or `null` after a 404
   */
  list_directory(path: string): Promise<BodyFile | null>;
  async list_directory(...args: unknown[]): Promise<BodyFile | null> {
    const { path } = LIST_DIRECTORY.bind(args);
    let names: string[];
    const kinds = new Map<string, { dir: boolean; link: boolean }>();
    try {
      names = [];
      for await (const e of Deno.readDir(path)) {
        names.push(e.name);
        kinds.set(e.name, { dir: e.isDirectory, link: e.isSymlink });
      }
    } catch {
      this.send_error(404, "No permission to list directory");
      return null;
    }
    for (const [name, k] of kinds) {
      if (k.link) k.dir = (statOrNull(joinPath(path, name)))?.isDirectory ?? false;
    }
    names.sort((a, b) => compareCodePoints(a.toLowerCase(), b.toLowerCase()));
    let displaypath = this.path.split("#", 1)[0].split("?", 1)[0];
    displaypath = escapeHtml(unquoteSurrogatepass(displaypath));
    const enc = "utf-8";
    const title = `Directory listing for ${displaypath}`;
    const r: string[] = [
      "<!DOCTYPE HTML>",
      '<html lang="en">',
      "<head>",
      `<meta charset="${enc}">`,
      '<style type="text/css">\n:root {\ncolor-scheme: light dark;\n}\n</style>',
      `<title>${title}</title>\n</head>`,
      `<body>\n<h1>${title}</h1>`,
      "<hr>\n<ul>",
    ];
    for (const name of names) {
      const k = kinds.get(name)!;
      let displayname = name, linkname = name;
      if (k.dir) {
        displayname = name + "/";
        linkname = name + "/";
      }
      if (k.link) displayname = name + "@";
      r.push(
        `<li><a href="${quote(linkname, { errors: "surrogatepass" })}">${escapeHtml(displayname)}</a></li>`,
      );
    }
    r.push("</ul>\n<hr>\n</body>\n</html>\n");
    const encoded = new TextEncoder().encode(r.join("\n"));
    this.send_response(200);
    this.send_header("Content-type", `text/html; charset=${enc}`);
    this.send_header("Content-Length", String(encoded.length));
    this.send_extra_response_headers();
    this.end_headers();
    return new BytesFile(encoded);
  }

  /**
   * Python's `translate_path(path)`: map a URL path to a file under
   * `directory`; query, fragment, `.` and `..` components are dropped.
   *
   * @param path the URL path
   * @returns the filesystem path
   */
  translate_path(path: string): string;
  translate_path(...args: unknown[]): string {
    let { path } = TRANSLATE_PATH.bind(args);
    path = path.split("#", 1)[0].split("?", 1)[0];
    path = unquoteSurrogatepass(path);
    const trailing = path.endsWith("/");
    path = normpath(path);
    let out = this.directory;
    for (const word of path.split("/")) {
      if (!word || word === "." || word === "..") continue;
      out = joinPath(out, word);
    }
    if (trailing) out += "/";
    return out;
  }

  /**
   * Python's `copyfile(source, outputfile)`: copy the body to `wfile`,
   * waiting for the socket between chunks (bounded memory).
   *
   * @param source the body
   * @param outputfile the destination (`this.wfile`)
   */
  copyfile(source: BodyFile, outputfile: OutputFile): Promise<void>;
  async copyfile(...args: unknown[]): Promise<void> {
    const { source, outputfile } = COPYFILE.bind(args);
    if (source instanceof DiskFile) {
      // Read into one buffer for the whole file (wfile.write copies, into a buffer it reuses too),
      // so serving a large file makes no garbage and memory stays flat.
      const buf = new Uint8Array(1 << 20);
      for (;;) {
        const n = await source.readInto(buf);
        if (!n) break;
        outputfile.write(buf.subarray(0, n));
        if ((outputfile.pending ?? Infinity) >= 1 << 16) await outputfile.flush?.();
      }
      return;
    }
    for (;;) {
      const chunk = await source.read(1 << 20);
      if (!chunk.length) break;
      outputfile.write(chunk);
      // Backpressure: wait for the socket once a chunk's worth is queued (small bodies go out with
      // the headers in one write, flushed by handle_one_request()).
      if ((outputfile.pending ?? Infinity) >= 1 << 16) await outputfile.flush?.();
    }
  }

  /**
   * Python's `guess_type(path)`: `extensions_map` (exact, then lower-case
   * extension), then CPython's built-in mimetypes table, then
   * `default_content_type` (`application/octet-stream`).
   *
   * @param path a file path
   * @returns a MIME type
   */
  guess_type(path: string): string;
  guess_type(...args: unknown[]): string {
    const { path } = GUESS_TYPE.bind(args);
    const ext = splitext(path)[1];
    if (Object.hasOwn(this.extensions_map, ext)) return this.extensions_map[ext];
    const lower = ext.toLowerCase();
    if (Object.hasOwn(this.extensions_map, lower)) return this.extensions_map[lower];
    return guess_file_type(path) ?? this.default_content_type;
  }
}
classAttrs(SimpleHTTPRequestHandler, ["index_pages", "extensions_map", "default_content_type"]);

function joinPath(a: string, b: string): string {
  if (b.startsWith("/")) return b;
  return a.endsWith("/") || a === "" ? a + b : a + "/" + b;
}

/**
 * `urllib.parse.unquote(s, errors='surrogatepass')`, falling back to the
 * default `errors='replace'` on bytes that are not UTF-8, as http.server's
 * `translate_path` and `list_directory` do.
 */
function unquoteSurrogatepass(s: string): string {
  try {
    return unquote(s, { errors: "surrogatepass" });
  } catch (e) {
    if (e instanceof UnicodeDecodeError) return unquote(s);
    throw e;
  }
}

/**
 * Python's `_url_collapse_path(path)`: collapse `.`/`..` and duplicate
 * slashes of a URL path (the query is kept).
 *
 * @throws `IndexError` ("pop from empty list") when `..` climbs above the root, as in CPython
 */
function urlCollapsePath(path: string): string {
  const qi = path.indexOf("?");
  const query = qi >= 0 ? path.slice(qi + 1) : "";
  path = unquote(qi >= 0 ? path.slice(0, qi) : path);
  const parts = path.split("/");
  const head: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (part === "..") {
      if (!head.length) throw new IndexError("pop from empty list");
      head.pop();
    } else if (part && part !== ".") head.push(part);
  }
  let tail = parts[parts.length - 1];
  if (tail === "..") {
    if (!head.length) throw new IndexError("pop from empty list");
    head.pop();
    tail = "";
  } else if (tail === ".") tail = "";
  if (query) tail = tail + "?" + query;
  return "/" + head.join("/") + "/" + tail;
}

const EXECUTABLE = new Signature<{ path: string }>("executable", ["path"]);

/** Python's `http.server.nobody`: the cached result of {@link nobody_uid}, `null` before it ran. */
export let nobody: number | null = null;
/** `nobody`'s group (from its passwd entry), used with its uid when scripts are switched to it. */
let nobodyGid: number | null = null;

/**
 * Python's `nobody_uid()`: the uid CGI scripts run as when the server runs
 * as root: `nobody`'s from `/etc/passwd`, else 1 + the largest uid there;
 * -1 where there is no passwd database.
 *
 * @returns the uid
 */
export function nobody_uid(): number {
  if (nobody) return nobody;
  let text: string;
  try {
    text = Deno.readTextFileSync("/etc/passwd");
  } catch {
    return -1;
  }
  let max = -1;
  for (const line of text.split("\n")) {
    const f = line.split(":");
    if (f.length < 4) continue;
    const uid = Number(f[2]);
    if (!Number.isInteger(uid)) continue;
    if (f[0] === "nobody") {
      nobody = uid;
      const gid = Number(f[3]);
      nobodyGid = Number.isInteger(gid) ? gid : null;
      return nobody;
    }
    if (uid > max) max = uid;
  }
  nobody = max + 1;
  return nobody;
}

/** The uid (and gid) a CGI script is switched to: `nobody`'s when we run as root, else none. */
function cgiUser(): { uid?: number; gid?: number } {
  let uid: number | null;
  try {
    uid = Deno.uid();
  } catch {
    return {};
  }
  if (uid !== 0) return {}; // CPython's os.setuid(nobody) fails (and is ignored) unless we are root
  const target = nobody_uid();
  if (target < 0) return {};
  return nobodyGid !== null ? { uid: target, gid: nobodyGid } : { uid: target };
}

/**
 * Python's `executable(path)`: is the file executable by us?
 *
 * @param path a file path
 * @returns true if any execute bit is set
 */
export function executable(path: string): boolean;
/** The same call with some or all arguments by keyword, as Python allows. */
export function executable(kwargs: { path: string }): boolean;
export function executable(...args: unknown[]): boolean {
  const { path } = EXECUTABLE.bind(args);
  try {
    const st = Deno.statSync(path);
    return st.mode !== null && (st.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

const CGI_HANDLER_INIT = new Signature<{ args: unknown[]; kwargs: Record<string, unknown> }>(
  "CGIHTTPRequestHandler.__init__",
  ["self", "*args", "**kwargs"],
);
const IS_EXECUTABLE = new Signature<{ path: string }>("CGIHTTPRequestHandler.is_executable", [
  "self",
  "path",
]);
const IS_PYTHON = new Signature<{ path: string }>("CGIHTTPRequestHandler.is_python", ["self", "path"]);

/**
 * Python's `http.server.CGIHTTPRequestHandler` (kept although CPython 3.15
 * removes it): runs executables under `cgi_directories` with the CGI
 * environment through `Deno.Command`; the request body goes to the
 * script's stdin and its output follows the status line.
 *
 * @example
 * ```ts
 * import { CGIHTTPRequestHandler } from "@pyweb/std/http/server";
 * import assert from "node:assert/strict";
 * assert.deepEqual(CGIHTTPRequestHandler.cgi_directories, ["/cgi-bin", "/htbin"]);
 * ```
 */
export class CGIHTTPRequestHandler extends SimpleHTTPRequestHandler {
  /** Python's `cgi_directories`. */
  static cgi_directories: string[] = ["/cgi-bin", "/htbin"];
  /** Python's `cgi_directories`. */
  declare cgi_directories: string[];
  /** Python's `have_fork`: scripts run directly (they must be executable), as with fork. */
  static have_fork: boolean = true;
  /** Python's `have_fork`: scripts run directly (they must be executable), as with fork. */
  declare have_fork: boolean;
  /** Python's `rbufsize`: 0, unbuffered (the body goes to the script). */
  static override rbufsize: number = 0;
  /** Python's `cgi_info`: `(dir, rest)` set by `is_cgi()`. */
  cgi_info: [string, string] = ["", ""];

  /**
   * Python's `CGIHTTPRequestHandler(*args, **kwargs)`: as
   * {@link SimpleHTTPRequestHandler}'s.
   *
   * @param request the connection
   * @param client_address the peer's `(host, port)`
   * @param server the server
   * @param options `directory`, `extra_response_headers`
   */
  constructor(
    request: Request,
    client_address: ServerAddress,
    // deno-lint-ignore no-explicit-any
    server: any,
    options?: SimpleHTTPRequestHandlerOptions,
  );
  constructor(...all: unknown[]) {
    const { args, kwargs } = CGI_HANDLER_INIT.bind(all);
    // warnings._deprecated("http.server.CGIHTTPRequestHandler", remove=(3, 15)), as CPython 3.14's __init__.
    warn(
      "'http.server.CGIHTTPRequestHandler' is deprecated and slated for removal in Python 3.15",
      DeprecationWarning,
      3,
    );
    const passOn = Object.keys(kwargs).length ? [...args, kw(kwargs)] : args;
    super(...(passOn as [Request, ServerAddress, unknown]));
  }

  /** Python's `do_POST()`: only for CGI scripts (501 otherwise). */
  async do_POST(): Promise<void> {
    if (this.is_cgi()) await this.run_cgi();
    else this.send_error(501, "Can only POST to CGI scripts");
  }

  /**
   * Python's `send_head()` with CGI: run the script or serve the file.
   *
   * @returns the body to copy, or `null`
   */
  override async send_head(): Promise<BodyFile | null> {
    if (this.is_cgi()) {
      await this.run_cgi();
      return null;
    }
    return await super.send_head();
  }

  /**
   * Python's `is_cgi()`: does the collapsed path start with a CGI directory?
   * Sets `cgi_info`.
   *
   * @returns true for a CGI request
   */
  is_cgi(): boolean {
    // A path that climbs above the root raises IndexError, as in CPython: the request fails
    // (logged, connection closed) instead of falling through to serving the script as a file.
    const collapsed = urlCollapsePath(this.path);
    let sep = collapsed.indexOf("/", 1);
    while (sep > 0 && !this.cgi_directories.includes(collapsed.slice(0, sep))) {
      sep = collapsed.indexOf("/", sep + 1);
    }
    if (sep > 0) {
      this.cgi_info = [collapsed.slice(0, sep), collapsed.slice(sep + 1)];
      return true;
    }
    return false;
  }

  /**
   * Python's `is_executable(path)`.
   *
   * @param path a file path
   * @returns true if executable
   */
  is_executable(path: string): boolean;
  is_executable(...args: unknown[]): boolean {
    const { path } = IS_EXECUTABLE.bind(args);
    return executable(path);
  }

  /**
   * Python's `is_python(path)`: ends in `.py` or `.pyw`.
   *
   * @param path a file path
   * @returns true for a Python script
   */
  is_python(path: string): boolean;
  is_python(...args: unknown[]): boolean {
    const { path } = IS_PYTHON.bind(args);
    const ext = splitext(path)[1].toLowerCase();
    return ext === ".py" || ext === ".pyw";
  }

  /** Python's `run_cgi()`: execute the script and pass its output through. */
  async run_cgi(): Promise<void> {
    let [dir, rest] = this.cgi_info;
    const path = dir + "/" + rest;
    let i = path.indexOf("/", dir.length + 1);
    while (i >= 0) {
      const nextdir = path.slice(0, i);
      const nextrest = path.slice(i + 1);
      const scriptdir = this.translate_path(nextdir);
      if ((statOrNull(scriptdir))?.isDirectory) {
        dir = nextdir;
        rest = nextrest;
        i = path.indexOf("/", dir.length + 1);
      } else break;
    }
    const qi = rest.indexOf("?");
    const query = qi >= 0 ? rest.slice(qi + 1) : "";
    if (qi >= 0) rest = rest.slice(0, qi);
    let script: string;
    const si = rest.indexOf("/");
    if (si >= 0) {
      script = rest.slice(0, si);
      rest = rest.slice(si);
    } else {
      script = rest;
      rest = "";
    }
    const scriptname = dir + "/" + script;
    const scriptfile = this.translate_path(scriptname);
    const st = statOrNull(scriptfile);
    if (!st) {
      this.send_error(404, `No such CGI script (${reprStr(scriptname)})`);
      return;
    }
    if (!st.isFile) {
      this.send_error(403, `CGI script is not a plain file (${reprStr(scriptname)})`);
      return;
    }
    if (!this.is_executable(scriptfile)) {
      this.send_error(403, `CGI script is not executable (${reprStr(scriptname)})`);
      return;
    }
    const env: Record<string, string> = {};
    env["SERVER_SOFTWARE"] = this.version_string();
    env["SERVER_NAME"] = String(this.server?.server_name ?? "");
    env["GATEWAY_INTERFACE"] = "CGI/1.1";
    env["SERVER_PROTOCOL"] = this.protocol_version;
    env["SERVER_PORT"] = String(this.server?.server_port ?? "");
    env["REQUEST_METHOD"] = this.command ?? "";
    const uqrest = unquote(rest);
    env["PATH_INFO"] = uqrest;
    env["PATH_TRANSLATED"] = this.translate_path(uqrest);
    env["SCRIPT_NAME"] = scriptname;
    env["QUERY_STRING"] = query;
    env["REMOTE_ADDR"] = String(this.client_address[0]);
    const authorization = this.headers.get("authorization");
    if (authorization) {
      const parts = pySplit(authorization);
      if (parts.length === 2) {
        env["AUTH_TYPE"] = parts[0];
        if (parts[0].toLowerCase() === "basic") {
          // authorization[1].encode("ascii"), base64.decodebytes, .decode("ascii"): any failure
          // (UnicodeError, binascii.Error) leaves REMOTE_USER unset.
          const token = parts[1];
          // deno-lint-ignore no-control-regex
          const ascii = /^[\x00-\x7f]*$/;
          if (ascii.test(token)) {
            let decoded: string | null = null;
            try {
              decoded = latin1Decode(decodeBase64(latin1Bytes(token)));
            } catch (e) {
              if (!(e instanceof BinasciiError)) throw e;
            }
            if (decoded !== null && ascii.test(decoded)) {
              const up = decoded.split(":");
              if (up.length === 2) env["REMOTE_USER"] = up[0];
            }
          }
        }
      }
    }
    env["CONTENT_TYPE"] = this.headers.get("content-type") ?? this.headers.get_content_type();
    const length = this.headers.get("content-length");
    if (length) env["CONTENT_LENGTH"] = length;
    const referer = this.headers.get("referer");
    if (referer) env["HTTP_REFERER"] = referer;
    env["HTTP_ACCEPT"] = (this.headers.get_all("accept") ?? []).join(",");
    const ua = this.headers.get("user-agent");
    if (ua) env["HTTP_USER_AGENT"] = ua;
    const cookie = (this.headers.get_all("cookie") ?? []).filter(Boolean).join(", ");
    if (cookie) env["HTTP_COOKIE"] = cookie;
    for (
      const k of [
        "QUERY_STRING",
        "REMOTE_HOST",
        "CONTENT_LENGTH",
        "HTTP_USER_AGENT",
        "HTTP_COOKIE",
        "HTTP_REFERER",
      ]
    ) {
      if (!(k in env)) env[k] = Deno.env.get(k) ?? "";
    }
    this.send_response(200, "Script output follows");
    this.flush_headers();
    const decoded_query = query.replace(/\+/g, " ");
    const args = decoded_query.includes("=") ? [] : [decoded_query];
    let nbytes = 0;
    if (length && /^\s*[+-]?\d+\s*$/.test(length)) nbytes = Math.max(0, parseInt(length, 10));
    let child: Deno.ChildProcess;
    try {
      child = new Deno.Command(scriptfile, {
        args,
        env,
        ...cgiUser(), // CPython: os.setuid(nobody_uid()) in the child
        stdin: "piped",
        stdout: "piped",
        stderr: "inherit",
      }).spawn();
    } catch (e) {
      // CPython's child: self.server.handle_error(self.request, self.client_address), then exit 127.
      if (typeof this.server?.reportError === "function") {
        this.server.reportError(this.request, this.client_address, e);
      } else this.server?.handle_error?.(this.request, this.client_address);
      this.log_error("CGI script exit code %d", 127);
      return;
    }
    const feed = (async () => {
      const w = child.stdin.getWriter();
      try {
        let left = nbytes;
        while (left > 0) {
          const chunk = await this.rfile.read(Math.min(left, 1 << 16));
          if (!chunk.length) break;
          left -= chunk.length;
          await w.write(chunk);
        }
      } catch { /* the script stopped reading, or the client went away */ }
      try {
        await w.close();
      } catch { /* already closed */ }
    })();
    const reader = child.stdout.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (!this.wfile.error) {
          this.wfile.write(value);
          await this.wfile.flush().catch(() => {});
        }
      }
    } finally {
      reader.releaseLock();
    }
    await feed;
    const status = await child.status;
    if (status.code) this.log_error(`CGI script exit code ${status.code}`);
  }
}
classAttrs(CGIHTTPRequestHandler, ["cgi_directories", "have_fork"]);

/** Keyword arguments of {@link test}. */
export interface TestOptions {
  /** The handler class (default `BaseHTTPRequestHandler`). */
  HandlerClass?: RequestHandlerClass;
  /** The server class (default `ThreadingHTTPServer`). */
  // deno-lint-ignore no-explicit-any
  ServerClass?: new (...args: any[]) => HTTPServer;
  /** `protocol_version` for the handler (default `HTTP/1.0`). */
  protocol?: string;
  /** Port (default 8000). */
  port?: number;
  /** Address to bind (default all interfaces). */
  bind?: string | null;
  /** TLS certificate chain file. */
  tls_cert?: string | null;
  /** TLS key file. */
  tls_key?: string | null;
  /** TLS key password. */
  tls_password?: string | null;
}

const TEST = new Signature<Required<TestOptions>>(
  "test",
  ["HandlerClass", "ServerClass", "protocol", "port", "bind", "tls_cert", "tls_key", "tls_password"],
  {
    HandlerClass: BaseHTTPRequestHandler,
    ServerClass: ThreadingHTTPServer,
    protocol: "HTTP/1.0",
    port: 8000,
    bind: null,
    tls_cert: null,
    tls_key: null,
    tls_password: null,
  },
);

/**
 * Python's `http.server.test(...)`: serve until Ctrl-C, printing Python's
 * banner ("Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...")
 * and, on Ctrl-C, "Keyboard interrupt received, exiting.". As CPython's,
 * it sets `ServerClass.address_family` from the bind address (`AF_INET6`
 * when it contains `:`) and `HandlerClass.protocol_version` to `protocol`.
 *
 * @param HandlerClass the handler class
 * @param ServerClass the server class
 * @param protocol `protocol_version` for the handler
 * @param port the port
 * @param bind the address to bind (default all interfaces)
 * @param tls_cert TLS certificate chain file
 * @param tls_key TLS key file
 * @param tls_password TLS key password
 * @returns a Promise that resolves when the server stops
 *
 * @example
 * ```ts
 * import { BaseHTTPRequestHandler, test, ThreadingHTTPServer } from "@pyweb/std/http/server";
 * import assert from "node:assert/strict";
 *
 * let port = 0;
 * class OneShot extends ThreadingHTTPServer {
 *   override server_activate() {
 *     port = this.server_port;
 *     void this.shutdown(); // serve_forever() will return at once
 *   }
 * }
 * await test({ HandlerClass: BaseHTTPRequestHandler, ServerClass: OneShot, port: 0, bind: "127.0.0.1" });
 * assert.ok(port > 0);
 * ```
 */
export function test(
  HandlerClass?: RequestHandlerClass,
  ServerClass?: TestOptions["ServerClass"],
  protocol?: string,
  port?: number,
  bind?: string | null,
  tls_cert?: string | null,
  tls_key?: string | null,
  tls_password?: string | null,
): Promise<void>;
/**
 * `test()` with keywords, alone or after some positional arguments.
 *
 * @param kwargs the arguments by name
 * @returns a Promise that resolves when the server stops
 */
export function test(kwargs: TestOptions): Promise<void>;
/** The same call with some or all arguments by keyword, as Python allows. */
export function test(HandlerClass: RequestHandlerClass, kwargs: TestOptions): Promise<void>;
export async function test(...args: unknown[]): Promise<void> {
  const { HandlerClass, ServerClass, protocol, port, bind, tls_cert, tls_key, tls_password } = TEST.bind(
    args,
  );
  // CPython: ServerClass.address_family, addr = _get_best_family(bind, port)
  const host = bind ?? "0.0.0.0";
  (ServerClass as unknown as { address_family: string }).address_family = host.includes(":")
    ? "AF_INET6"
    : "AF_INET";
  (HandlerClass as unknown as { protocol_version: string }).protocol_version = protocol;
  const addr: [string, number] = [host, port];
  // deno-lint-ignore no-explicit-any
  const Server = ServerClass as new (...args: any[]) => HTTPServer;
  const server = tls_cert
    ? new Server(addr, HandlerClass, { certfile: tls_cert, keyfile: tls_key, password: tls_password })
    : new Server(addr, HandlerClass);
  const [boundHost, boundPort] = server.server_address;
  const urlHost = boundHost.includes(":") ? `[${boundHost}]` : boundHost;
  const scheme = tls_cert ? "HTTPS" : "HTTP";
  console.log(
    `Serving ${scheme} on ${boundHost} port ${boundPort} (${scheme.toLowerCase()}://${urlHost}:${boundPort}/) ...`,
  );
  const onSignal = () => {
    console.log("\nKeyboard interrupt received, exiting.");
    Deno.exit(0);
  };
  let listening = false;
  try {
    Deno.addSignalListener("SIGINT", onSignal);
    listening = true;
  } catch { /* no signals here */ }
  try {
    await server.serve_forever();
  } finally {
    if (listening) {
      try {
        Deno.removeSignalListener("SIGINT", onSignal);
      } catch { /* no signals here */ }
    }
    await server.server_close();
  }
}

const USAGE = "usage: server.ts [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [--tls-cert PATH]\n" +
  "                 [--tls-key PATH] [--tls-password-file PATH] [-H HEADER VALUE]\n" +
  "                 [--content-type TYPE] [port]\n";

function usageError(msg: string): never {
  writeStderr(USAGE + `server.ts: error: ${msg}\n`);
  Deno.exit(2);
}

/**
 * The `python -m http.server` command line (`deno run -A http/server.ts`). Not exported: CPython's
 * `__main__` block is no name of the module either (test_httpservers' `MiscTestCase.test_all`).
 *
 * @param argv the arguments (without the program name)
 * @returns a Promise that resolves when the server stops
 */
async function main(argv: string[]): Promise<void> {
  let cgi = false;
  let bind: string | null = null;
  let directory = Deno.cwd();
  let protocol = "HTTP/1.0";
  let tlsCert: string | null = null, tlsKey: string | null = null, tlsPasswordFile: string | null = null;
  let port = 8000;
  let contentType: string | null = null;
  const headers: [string, string][] = [];
  let sawPort = false;
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | null = null;
    if (a.startsWith("--") && a.includes("=")) {
      inline = a.slice(a.indexOf("=") + 1);
      a = a.slice(0, a.indexOf("="));
    }
    const value = (): string => {
      if (inline !== null) return inline;
      if (i + 1 >= argv.length) usageError(`argument ${a}: expected one argument`);
      return argv[++i];
    };
    switch (a) {
      case "-h":
      case "--help":
        console.log(USAGE.trimEnd());
        return;
      case "--cgi":
        cgi = true;
        break;
      case "-b":
      case "--bind":
        bind = value();
        break;
      case "-d":
      case "--directory":
        directory = value();
        break;
      case "-p":
      case "--protocol":
        protocol = value();
        break;
      case "--tls-cert":
        tlsCert = value();
        break;
      case "--tls-key":
        tlsKey = value();
        break;
      case "--tls-password-file":
        tlsPasswordFile = value();
        break;
      case "--content-type":
        contentType = value();
        break;
      case "-H":
      case "--header": {
        if (i + 2 >= argv.length) usageError(`argument ${a}: expected 2 arguments`);
        headers.push([argv[i + 1], argv[i + 2]]);
        i += 2;
        break;
      }
      default:
        if (/^\d+$/.test(a) && !sawPort) {
          port = parseInt(a, 10);
          sawPort = true;
        } else if (a.startsWith("-")) usageError(`unrecognized arguments: ${a}`);
        else usageError(`argument port: invalid int value: ${reprStr(a)}`);
    }
  }
  if (!tlsCert && tlsKey) usageError("--tls-key requires --tls-cert to be set");
  let password: string | null = null;
  if (tlsPasswordFile) {
    if (!tlsCert) usageError("--tls-password-file requires --tls-cert to be set");
    try {
      password = Deno.readTextFileSync(tlsPasswordFile).trim();
    } catch (e) {
      usageError(`Failed to read TLS password file: ${e instanceof Error ? e.message : e}`);
    }
  }
  const Base = cgi ? CGIHTTPRequestHandler : SimpleHTTPRequestHandler;
  class Handler extends Base {
    constructor(request: Request, client_address: ServerAddress, server: HTTPServer) {
      super(request, client_address, server, { directory, extra_response_headers: headers });
    }
  }
  if (contentType) Handler.default_content_type = contentType;
  await test({
    HandlerClass: Handler,
    ServerClass: tlsCert ? ThreadingHTTPSServer : ThreadingHTTPServer,
    port,
    bind,
    protocol,
    tls_cert: tlsCert,
    tls_key: tlsKey,
    tls_password: password,
  });
}

if (import.meta.main) {
  await main(Deno.args);
}
