/**
 * Python's `http.client`: `HTTPConnection` / `HTTPSConnection` and
 * `HTTPResponse` over raw TCP (`Deno.connect`) and TLS (`Deno.connectTls`,
 * `Deno.startTls`), writing byte-exact HTTP/1.1 requests as CPython does and
 * reading responses with CPython's rules and limits.
 *
 * ```python
 * from http.client import HTTPConnection
 * conn = HTTPConnection("127.0.0.1", 8000)
 * conn.request("GET", "/index.html")
 * r1 = conn.getresponse()
 * print(r1.status, r1.reason)
 * data1 = r1.read()
 * conn.close()
 * ```
 *
 * ```ts ignore
 * import { HTTPConnection } from "@pyweb/std/http/client";
 * import { print } from "@pyweb/std";
 * const conn = new HTTPConnection("127.0.0.1", 8000);
 * await conn.request("GET", "/index.html");
 * const r1 = await conn.getresponse();
 * print(r1.status, r1.reason);
 * const data1 = await r1.read();
 * conn.close();
 * ```
 *
 * Add `await` where Python blocks: `connect`, `request`, `endheaders`,
 * `send`, `getresponse` and every response read. `putrequest`, `putheader`,
 * `set_tunnel`, `set_debuglevel` and `close` stay synchronous.
 *
 * As in CPython's own tests, a fake socket plugs in through `conn.sock` (or
 * what `_create_connection()` returns): any object with `sendall(data)`,
 * `makefile("rb")` (the file `HTTPResponse(sock)` reads, e.g. an
 * `io.BytesIO`) and `close()`.
 *
 * @module
 */

import {
  asBytes,
  Bytes,
  concatBytes,
  encodeNarrow,
  latin1Bytes,
  latin1Decode,
  viewBytes,
} from "../_util/bytes.ts";
import { encode } from "../_util/codecs.ts";
import { urlsplit } from "../urllib/parse.ts";
import {
  ConnectionError,
  fromDenoError,
  NotImplementedError,
  OSError,
  RuntimeError,
  TimeoutError,
  TypeError,
  UnicodeEncodeError,
  ValueError,
} from "../_util/exceptions.ts";
import { type Keywords, kw, Signature } from "../_util/signature.ts";
import { classAttrs } from "../_util/classattrs.ts";
import { pyStrip, pyWordEnd, pyWordStart, truthy, typeName } from "../_util/builtins.ts";
import {
  HTTPMessage,
  type LineReader,
  parseHeaderBlock,
  parseHeaderLines,
  readHeaderLines,
  readHeaders,
} from "../_util/message.ts";
export type { LineReader, MessageDefect, ParamValue, Rfc2231Value } from "../_util/message.ts";
export type { BufferedReader, BufferedWriter, ByteSink, ByteSource } from "../_util/stream.ts";
export type { PySocket, ResponseFile } from "./_client_socket.ts";
import { print, pyrepr, repr, showAsRepr, type Tuple } from "../_util/repr.ts";
import { BufferedReader, RESOLVED, withTimeout } from "../_util/stream.ts";
import {
  BadStatusLine,
  CannotSendHeader,
  CannotSendRequest,
  HTTPException,
  ImproperConnectionState,
  IncompleteRead,
  InvalidURL,
  LineTooLong,
  MAXHEADERS,
  MAXLINE,
  NotConnected,
  RemoteDisconnected,
  ResponseNotReady,
  UnimplementedFileMode,
  UnknownProtocol,
  UnknownTransferEncoding,
} from "./_exceptions.ts";
import { HTTPStatus } from "./mod.ts";
import { HTTPSocket, isPySocket, type PySocket, type ResponseFile } from "./_client_socket.ts";
import {
  disallowedMethodChar,
  disallowedUrlChar,
  isIllegalHeaderValue,
  isLegalHeaderName,
  pyInt,
} from "./_client_util.ts";
import {
  CERT_NONE,
  CERT_OPTIONAL,
  CERT_REQUIRED,
  create_default_context,
  Purpose,
  SSLCertVerificationError,
  SSLContext,
  type SSLContextOptions,
  SSLError,
  tlsError,
  toContext,
} from "./_ssl.ts";

export {
  BadStatusLine,
  CannotSendHeader,
  CannotSendRequest,
  HTTPException,
  HTTPException as error,
  HTTPMessage,
  HTTPSocket,
  ImproperConnectionState,
  IncompleteRead,
  InvalidURL,
  LineTooLong,
  NotConnected,
  RemoteDisconnected,
  ResponseNotReady,
  UnimplementedFileMode,
  UnknownProtocol,
  UnknownTransferEncoding,
};
export {
  CERT_NONE,
  CERT_OPTIONAL,
  CERT_REQUIRED,
  create_default_context,
  Purpose,
  SSLCertVerificationError,
  SSLContext,
  type SSLContextOptions,
  SSLError,
};
export { HTTPStatus };
/** `http.client.urlsplit`: CPython's module imports it from `urllib.parse`; the same function. */
export { urlsplit };

/** `http.client.HTTP_PORT`. */
export const HTTP_PORT = 80;
/** `http.client.HTTPS_PORT`. */
export const HTTPS_PORT = 443;
/** `http.client._MAXLINE`: the longest status, header, chunk-size or trailer line. */
export const _MAXLINE: number = MAXLINE;
/** `http.client._MAXHEADERS`: the most header lines (and trailer lines) in one block. */
export const _MAXHEADERS: number = MAXHEADERS;
/** The most `100 Continue` responses skipped before one final response (gh-150743). */
export const _MAXINTERIMRESPONSES = 100;
/** `http.client._MIN_READ_BUF_SIZE`: bodies of known length are read in pieces growing from this. */
export const _MIN_READ_BUF_SIZE: number = 1 << 20;

const UNKNOWN = "UNKNOWN";
const CS_IDLE = "Idle";
const CS_REQ_STARTED = "Request-started";
const CS_REQ_SENT = "Request-sent";
const METHODS_EXPECTING_BODY = new Set(["PATCH", "POST", "PUT"]);
const CRLF = new Uint8Array([13, 10]);
const EMPTY = new Bytes(0);

/**
 * `http.client.responses`: status code → reason phrase.
 *
 * @example
 * ```ts
 * import { responses } from "@pyweb/std/http/client";
 * import assert from "node:assert/strict";
 * assert.equal(responses[404], "Not Found");
 * ```
 */
export const responses: Record<number, string> = (() => {
  const out: Record<number, string> = Object.create(null);
  for (const m of HTTPStatus) out[m.value] = m.phrase;
  return out;
})();

/** `http.client._encode`: Latin-1, with Python's hint in the error. */
function encodeBody(data: string, name = "body"): Bytes {
  try {
    return asBytes(encode(data, "latin-1"));
  } catch (err) {
    if (!(err instanceof UnicodeEncodeError)) throw err;
    const cps = Array.from(err.object);
    const bad = cps.slice(err.start, err.end).join("");
    const shown = repr(bad).slice(0, 20);
    const title = name[0].toUpperCase() + name.slice(1).toLowerCase();
    throw new UnicodeEncodeError(
      err.encoding,
      err.object,
      err.start,
      err.end,
      `${title} (${shown}) is not valid Latin-1. Use ${name}.encode('utf-8') if you want to send it encoded in UTF-8.`,
    );
  }
}

function stripIpv6Iface(enc: Uint8Array): Uint8Array {
  const i = enc.indexOf(0x25);
  if (i < 0) return enc;
  return concatBytes([enc.subarray(0, i), new Uint8Array([0x5d])]);
}

function hostToAscii(host: string): Uint8Array {
  // deno-lint-ignore no-control-regex
  if (/^[\x00-\x7f]*$/.test(host)) return latin1Bytes(host);
  // Python falls back to the idna codec, label by label: ASCII labels are kept as they are.
  const labels = host.split(".").map((label) =>
    // deno-lint-ignore no-control-regex
    /^[\x00-\x7f]*$/.test(label) ? label : idnaLabel(host, label)
  );
  return latin1Bytes(labels.join("."));
}

/** One non-ASCII label through the idna codec: nameprep (approximated), then punycode. */
function idnaLabel(host: string, label: string): string {
  // Nameprep: drop the map-to-nothing characters, case-fold (ß -> ss), NFKC.
  const prepped = label.replace(
    /[\u00ad\u034f\u1806\u180b-\u180d\u200b-\u200d\u2060\ufe00-\ufe0f\ufeff]/g,
    "",
  )
    .toUpperCase().toLowerCase().normalize("NFKC");
  // deno-lint-ignore no-control-regex
  if (/^[\x00-\x7f]*$/.test(prepped)) return prepped;
  const out = "xn--" + punycode(prepped);
  if (out.length > 63) throw new UnicodeEncodeError("idna", host, 0, host.length, "label too long");
  return out;
}

/** RFC 3492 punycode of `input` (Python's `punycode` codec). */
function punycode(input: string): string {
  const base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
  const cps = Array.from(input, (c) => c.codePointAt(0)!);
  let out = cps.filter((c) => c < 128).map((c) => String.fromCharCode(c)).join("");
  const b = out.length;
  if (b > 0) out += "-";
  const digit = (d: number): string => String.fromCharCode(d < 26 ? 97 + d : 22 + d);
  const adapt = (delta: number, points: number, first: boolean): number => {
    delta = first ? Math.floor(delta / damp) : delta >> 1;
    delta += Math.floor(delta / points);
    let k = 0;
    while (delta > ((base - tmin) * tmax) >> 1) {
      delta = Math.floor(delta / (base - tmin));
      k += base;
    }
    return k + Math.floor(((base - tmin + 1) * delta) / (delta + skew));
  };
  let n = 128, delta = 0, bias = 72, h = b;
  while (h < cps.length) {
    const m = Math.min(...cps.filter((c) => c >= n));
    delta += (m - n) * (h + 1);
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = base;; k += base) {
        const t = k <= bias ? tmin : k >= bias + tmax ? tmax : k - bias;
        if (q < t) break;
        out += digit(t + ((q - t) % (base - t)));
        q = Math.floor((q - t) / (base - t));
      }
      out += digit(q);
      bias = adapt(delta, h + 1, h === b);
      delta = 0;
      h++;
    }
    delta++;
    n++;
  }
  return out;
}

/** A Python-style readable: `read(size)` returns bytes (or text, sent as Latin-1). */
export interface PyReadable {
  /** Read up to `size` bytes; empty at the end. */
  read(size: number): Promise<Uint8Array | string> | Uint8Array | string;
}

/** A Deno-style readable, such as `Deno.FsFile`: `read(p)` fills `p`. */
export interface DenoReadable {
  /** Fill `p`; the count, or `null` at the end. */
  read(p: Uint8Array): Promise<number | null>;
  /** Deno readers also expose a web stream; its presence marks the Deno protocol. */
  readonly readable: ReadableStream<Uint8Array>;
}

/** What a request body may be, as in Python: text, bytes, a file, or an iterable of bytes. */
export type RequestBody =
  | string
  | Uint8Array
  | ArrayBuffer
  | ArrayBufferView
  | PyReadable
  | DenoReadable
  | ReadableStream<Uint8Array>
  | Iterable<Uint8Array | string>
  | AsyncIterable<Uint8Array | string>
  | null
  | undefined;

/** A header value as `putheader` takes it: text (sent as Latin-1), bytes or an integer. */
export type HeaderValue = string | Uint8Array | number;

/** Request headers: a plain object, a `Map`, pairs, or anything with Python's `items()`. */
export type RequestHeaders =
  | Record<string, HeaderValue>
  | Map<string, HeaderValue>
  | Iterable<readonly [string, HeaderValue]>
  | { items(): Iterable<readonly [string, HeaderValue]> };

function headerPairs(headers: RequestHeaders | null | undefined): [string, HeaderValue][] {
  if (headers == null) return [];
  if (headers instanceof Map) return [...headers];
  const h = headers as { items?: unknown };
  if (typeof h.items === "function") {
    return [...(h.items as () => Iterable<[string, HeaderValue]>)()].map(([k, v]) => [k, v]);
  }
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === "function") {
    return [...(headers as Iterable<[string, HeaderValue]>)].map(([k, v]) => [k, v]);
  }
  return Object.entries(headers as Record<string, HeaderValue>);
}

function isDenoReadable(v: unknown): v is DenoReadable {
  if (typeof Deno !== "undefined" && v instanceof Deno.FsFile) return true;
  const r = (v as { readable?: unknown }).readable;
  return typeof ReadableStream !== "undefined" && r instanceof ReadableStream;
}

function isReadable(v: unknown): v is PyReadable | DenoReadable {
  return v !== null && typeof v === "object" && typeof (v as { read?: unknown }).read === "function";
}

function asByteView(v: unknown): Uint8Array | null {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return null;
}

/** One chunk of a body iterable, checked as Python's `sendall` would. */
function chunkBytes(chunk: unknown, chunked: boolean): Uint8Array {
  const b = asByteView(chunk);
  if (b) return b;
  if (typeof chunk === "string") {
    throw new TypeError(chunked ? "can't concat str to bytes" : "a bytes-like object is required, not 'str'");
  }
  throw new TypeError(`a bytes-like object is required, not '${typeName(chunk)}'`);
}

async function* readableChunks(
  readable: PyReadable | DenoReadable,
  blocksize: number,
  debuglevel: number,
): AsyncGenerator<Uint8Array> {
  if (isDenoReadable(readable)) {
    for (;;) {
      const buf = new Uint8Array(blocksize);
      const n = await readable.read(buf);
      if (n === null || n === 0) return;
      yield buf.subarray(0, n);
    }
  }
  let announced = false;
  for (;;) {
    const block = await (readable as PyReadable).read(blocksize);
    if (typeof block === "string") {
      if (!announced && debuglevel > 0) print("encoding file using iso-8859-1");
      announced = true;
      if (!block.length) return;
      // Python's `_read_readable` uses a plain `.encode("iso-8859-1")`, without `_encode`'s hint.
      yield asBytes(encode(block, "iso-8859-1"));
      continue;
    }
    if (!block || !block.length) return;
    yield block;
  }
}

async function* iterChunks(body: unknown): AsyncGenerator<unknown> {
  if (body instanceof ReadableStream) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  const o = body as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown };
  if (typeof o[Symbol.asyncIterator] === "function") {
    for await (const c of body as AsyncIterable<unknown>) yield c;
    return;
  }
  for (const c of body as Iterable<unknown>) yield c;
}

function isIterable(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === "string") return true;
  if (typeof v !== "object" && typeof v !== "function") return false;
  const o = v as { [Symbol.asyncIterator]?: unknown; [Symbol.iterator]?: unknown };
  return v instanceof ReadableStream || typeof o[Symbol.asyncIterator] === "function" ||
    typeof o[Symbol.iterator] === "function";
}

const HEADER_LIMITS = {
  maxLine: MAXLINE,
  maxHeaders: MAXHEADERS,
  lineTooLong: (): Error => new LineTooLong("header line"),
  tooMany: (): Error => new HTTPException(`got more than ${MAXHEADERS} headers`),
};

/**
 * Python's `http.client.parse_headers(fp, _class=HTTPMessage)`: read a header
 * block (up to the blank line) from a buffered reader and parse it.
 *
 * @param fp anything with Python's `readline(limit)` returning a Promise of bytes
 * @param _class the message class to build
 * @returns the parsed headers
 * @example
 * ```ts
 * import { parse_headers } from "@pyweb/std/http/client";
 * import assert from "node:assert/strict";
 * const lines = ["Content-Type: text/html; charset=utf-8\r\n", "X-A: 1\r\n", "\r\n", "body"];
 * const fp = {
 *   readline: (_limit?: number) => Promise.resolve(new TextEncoder().encode(lines.shift() ?? "")),
 * };
 * const msg = await parse_headers(fp);
 * assert.equal(msg.get_param("charset"), "utf-8");
 * assert.equal(msg.get("x-a"), "1");
 * ```
 */
export async function parse_headers<M extends HTTPMessage = HTTPMessage>(
  fp: LineReader,
  _class?: new () => M,
): Promise<M>;
/** `parse_headers(fp, { _class })`. */
export async function parse_headers<M extends HTTPMessage = HTTPMessage>(
  fp: LineReader,
  kwargs: { _class?: new () => M },
): Promise<M>;
/** `parse_headers({ fp, _class })`. */
export async function parse_headers<M extends HTTPMessage = HTTPMessage>(
  kwargs: { fp: LineReader; _class?: new () => M },
): Promise<M>;
export async function parse_headers(...args: unknown[]): Promise<HTTPMessage> {
  const { fp, _class } = PARSE_HEADERS.bind(fileArgs(args, 0, "readline"));
  return await readHeaders(fp, HEADER_LIMITS, _class);
}
/** No keywords, marked as keywords: appended so that a file-like object literal stays positional. */
const NO_KEYWORDS = kw({});

/**
 * `args` with a file-like object literal (`{ read() {…} }`, `{ readline() {…} }`) at `at`, the last
 * argument, kept as a positional value: a plain object there would otherwise be read as keywords.
 * Python passes such an object as a body or a file; none of these callables has a keyword named
 * `read` or `readline`.
 */
function fileArgs(args: unknown[], at: number, method: "read" | "readline"): unknown[] {
  if (args.length !== at + 1) return args;
  const last = args[at] as Record<string, unknown> | null;
  if (last === null || typeof last !== "object" || typeof last[method] !== "function") return args;
  return [...args, NO_KEYWORDS];
}

const PARSE_HEADERS = new Signature<{ fp: LineReader; _class: new () => HTTPMessage }>(
  "parse_headers",
  ["fp", "_class"],
  { _class: HTTPMessage },
);

const HTTP_RESPONSE_INIT = new Signature<
  { sock: HTTPSocket | PySocket; debuglevel: number; method: string | null; url: string | null }
>("HTTPResponse.__init__", ["self", "sock", "debuglevel", "method", "url"], {
  debuglevel: 0,
  method: null,
  url: null,
});
const RESPONSE_READ = new Signature<{ amt: number | null }>("HTTPResponse.read", ["self", "amt"], {
  amt: null,
});
const RESPONSE_READINTO = new Signature<{ b: Uint8Array }>("HTTPResponse.readinto", ["self", "b"]);
const RESPONSE_READ1 = new Signature<{ n: number }>("HTTPResponse.read1", ["self", "n"], { n: -1 });
const RESPONSE_PEEK = new Signature<{ n: number }>("HTTPResponse.peek", ["self", "n"], { n: -1 });
const RESPONSE_READLINE = new Signature<{ limit: number }>("HTTPResponse.readline", ["self", "limit"], {
  limit: -1,
});
const RESPONSE_READLINES = new Signature<{ hint: number | null }>(
  "HTTPResponse.readlines",
  ["self", "hint"],
  {
    hint: -1,
  },
);
const RESPONSE_GETHEADER = new Signature<{ name: string; default: unknown }>(
  "HTTPResponse.getheader",
  ["self", "name", "default"],
  { default: null },
);

/**
 * Python's `http.client.HTTPResponse`: the status line, the headers and a
 * readable body. Made by {@link HTTPConnection.getresponse}; reading methods
 * return Promises.
 *
 * Fields follow Python: `status`/`code`, `reason`, `version` (10 or 11),
 * `msg`/`headers` (an {@link HTTPMessage}), `will_close`, `length` (bytes
 * left, or `null`), `chunked`, `chunk_left`, `url`, `debuglevel`.
 */
export class HTTPResponse implements AsyncIterable<Bytes>, AsyncDisposable {
  /**
   * The buffered reader over the socket (Python's `fp`): the socket's `makefile("rb")` for a
   * Python-style socket object; `null` once the body is done.
   */
  fp: ResponseFile | null;
  /** Print the status line and headers when above 0. */
  debuglevel: number;
  /** The URL this response is for (set by `urllib`). */
  url: string | null;
  /** The response headers (`null` before `begin()`). */
  headers: HTTPMessage | null = null;
  /** The response headers, Python's older name. */
  msg: HTTPMessage | null = null;
  /** `10` for HTTP/1.0 (and 0.9), `11` for HTTP/1.x (`'UNKNOWN'` before `begin()`). */
  version: number = UNKNOWN as unknown as number;
  /** The status code (`'UNKNOWN'` before `begin()`). */
  status: number = UNKNOWN as unknown as number;
  /** The status code, as urllib names it. */
  code: number = UNKNOWN as unknown as number;
  /** The reason phrase, stripped. */
  reason: string = UNKNOWN;
  /** Whether the body uses chunked transfer coding. */
  chunked: boolean = UNKNOWN as unknown as boolean;
  /** Bytes left in the current chunk, or `null` between chunks. */
  chunk_left: number | null = UNKNOWN as unknown as number;
  /** Bytes left in the body, or `null` if unknown. */
  length: number | null = UNKNOWN as unknown as number;
  /** Whether the connection closes after this response. */
  will_close: boolean = UNKNOWN as unknown as boolean;
  #sock: HTTPSocket | null;
  /** `fp` for reading: our BufferedReader, or a socket file with the same methods (results awaited). */
  get #fp(): BufferedReader {
    return this.fp as BufferedReader;
  }
  #method: string | null;
  #closed = false;

  /**
   * Python's `HTTPResponse(sock, debuglevel=0, method=None, url=None)`.
   *
   * @param sock the connection's socket (`conn.sock`)
   * @param debuglevel print what is read when above 0
   * @param method the request method (`"HEAD"` means no body)
   * @param url the URL, kept for `geturl()`
   */
  constructor(sock: HTTPSocket | PySocket, debuglevel?: number, method?: string | null, url?: string | null);
  /** `new HTTPResponse(sock, { debuglevel, method, url })`, keywords after any positional ones. */
  constructor(
    sock: HTTPSocket | PySocket,
    kwargs: { debuglevel?: number; method?: string | null; url?: string | null },
  );
  /** `new HTTPResponse(sock, debuglevel, { method, url })`. */
  constructor(
    sock: HTTPSocket | PySocket,
    debuglevel: number,
    kwargs: { method?: string | null; url?: string | null },
  );
  /** `new HTTPResponse({ sock, debuglevel, method, url })`. */
  constructor(
    kwargs: { sock: HTTPSocket | PySocket; debuglevel?: number; method?: string | null; url?: string | null },
  );
  constructor(...args: unknown[]) {
    const [sock, debuglevel, method, url] = HTTP_RESPONSE_INIT.values(args) as [
      HTTPSocket | PySocket,
      number,
      string | null,
      string | null,
    ];
    if (sock instanceof HTTPSocket) {
      this.#sock = sock.ref();
      this.fp = sock.reader;
    } else {
      // Python: `self.fp = sock.makefile("rb")`, which a fake socket implements.
      this.#sock = null;
      this.fp = sock.makefile("rb");
    }
    this.debuglevel = debuglevel;
    this.#method = method === null ? null : String(method);
    this.url = url;
  }

  /** The status line, decoded as ISO-8859-1: at once when it is buffered. */
  #statusLine(): string | Promise<string> {
    const fp = this.#fp;
    if (typeof fp.readlineLatin1Buffered === "function") {
      return fp.readlineLatin1Buffered(MAXLINE + 1) ?? fp.readlineLatin1(MAXLINE + 1);
    }
    // A socket's own makefile() (an io.BytesIO under CPython's FakeSocket): bytes, maybe at once.
    const raw = fp.readline(MAXLINE + 1);
    return raw instanceof Uint8Array ? latin1Decode(raw) : Promise.resolve(raw).then((b) => latin1Decode(b));
  }

  /** `_read_status()`: read and parse a status line; the code, with `#statusVersion`/`#statusReason` set. */
  async #readStatus(): Promise<number> {
    const got = this.#statusLine();
    const line = typeof got === "string" ? got : await got;
    return this.#parseStatus(line, line.length);
  }

  /** The version and the reason (unstripped, as CPython's `_read_status()` returns it) of the last status line. */
  #statusVersion = "";
  #statusReason = "";

  /**
   * `_read_status()` once the line `text[0:end]` is read: the status code, the version and reason kept in
   * `#statusVersion`/`#statusReason`. Split in place as Python's `line.split(None, 2)` (or `split(None, 1)`
   * for two words) splits it.
   */
  #parseStatus(text: string, end: number): number {
    if (end > MAXLINE) throw new LineTooLong("status line");
    if (this.debuglevel > 0) print("reply:", repr(text.slice(0, end)));
    if (!end) throw new RemoteDisconnected("Remote end closed connection without response");
    // The words' bounds: [a1, b1), [a2, b2), and the rest from a3.
    const a1 = pyWordStart(text, 0, end), b1 = pyWordEnd(text, a1, end);
    const a2 = pyWordStart(text, b1, end), b2 = pyWordEnd(text, a2, end);
    const a3 = pyWordStart(text, b2, end);
    // One word (or none) leaves `version` empty, which is refused.
    if (a2 === end || !text.startsWith("HTTP/", a1)) {
      this._close_conn();
      throw new BadStatusLine(text.slice(0, end));
    }
    // Two words: `split(None, 1)` keeps the second one's trailing blanks, which int() ignores.
    const statusEnd = a3 === end ? end : b2;
    let code: number | null = 0;
    for (let k = a2; k < statusEnd && code !== null; k++) {
      const d = text.charCodeAt(k) - 0x30;
      code = d >= 0 && d <= 9 ? code * 10 + d : null;
    }
    if (code === null) code = pyInt(text.slice(a2, statusEnd), 10); // signs, underscores, blanks: int()'s rules
    if (code === null || code < 100 || code > 999) throw new BadStatusLine(text.slice(0, end));
    this.#statusVersion = text.slice(a1, b1);
    this.#statusReason = a3 === end ? "" : text.slice(a3, end);
    return code;
  }

  /** Internal: the status line as `(version, status, reason)`, for the CONNECT tunnel. */
  async _read_status(): Promise<[string, number, string]> {
    const status = await this.#readStatus();
    return [this.#statusVersion, status, this.#statusReason];
  }

  /** Python's `begin()`: read the status line and headers (skipping `100 Continue`). */
  begin(): Promise<void> {
    if (this.headers !== null) return RESOLVED;
    // Not async: with our reader, a head that arrives in one read is parsed in the read's callback, and no
    // frame of ours waits for it.
    try {
      const fp = this.fp;
      if (!(fp instanceof BufferedReader)) return this.#beginSlow(-1);
      if (!fp.buffered) return fp.fillIfEmpty().then(() => this.#headArrived());
      return this.#headArrived() ?? RESOLVED;
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * `begin()` once bytes are buffered: a status line and head that are all there are decoded as one string
   * and parsed from it (the headers stay in it, see HTTPMessage); anything else goes line by line.
   */
  #headArrived(): Promise<void> | undefined {
    const fp = this.#fp;
    const text = fp.peekHead(MAXLINE, MAXHEADERS, true);
    if (text === null) return this.#beginSlow(-1);
    const eol = text.indexOf("\n") + 1;
    fp.skip(eol); // the status line alone, as CPython has read it when the line is refused
    const status = this.#parseStatus(text, eol);
    if (status === 100) return this.#beginSlow(status);
    fp.skip(text.length - eol);
    this.#setStatus(status);
    this.#gotHeaders(parseHeaderBlock(text, new HTTPMessage(), eol), status);
    return undefined;
  }

  /**
   * CPython's `begin()` line by line: the first status line (unless its code `first` was read already),
   * interim responses skipped, then the headers.
   */
  async #beginSlow(first: number): Promise<void> {
    let status = first < 0 ? await this.#readStatus() : first;
    for (let interim = 0; status === 100;) {
      if (++interim > _MAXINTERIMRESPONSES) {
        throw new HTTPException(`got more than ${_MAXINTERIMRESPONSES} interim responses`);
      }
      const skipped = await readHeaderLines(this.#fp, HEADER_LIMITS);
      if (this.debuglevel > 0) print("headers:", skipped.map(asBytes));
      status = await this.#readStatus();
    }
    this.#setStatus(status);
    // Python calls parse_headers(self.fp).
    this.#gotHeaders(await readHeaders(this.#fp, HEADER_LIMITS, HTTPMessage), status);
  }

  /** `begin()`'s fields from the final status line. */
  #setStatus(status: number): void {
    this.code = this.status = status;
    this.reason = pyStrip(this.#statusReason);
    const version = this.#statusVersion;
    if (version === "HTTP/1.0" || version === "HTTP/0.9") this.version = 10;
    else if (version.startsWith("HTTP/1.")) this.version = 11;
    else throw new UnknownProtocol(version);
  }

  #gotHeaders(headers: HTTPMessage, status: number): void {
    this.headers = this.msg = headers;
    if (this.debuglevel > 0) {
      for (const [hdr, val] of this.headers.items()) print("header:", hdr + ":", val);
    }
    const trEnc = this.headers.get("transfer-encoding");
    if (trEnc && trEnc.toLowerCase() === "chunked") {
      this.chunked = true;
      this.chunk_left = null;
    } else this.chunked = false;
    this.will_close = this.#checkClose();

    this.length = null;
    const length = this.headers.get("content-length");
    if (length && !this.chunked) {
      const n = pyInt(length, 10);
      this.length = n === null || n < 0 ? null : n;
    }
    if (status === 204 || status === 304 || (status >= 100 && status < 200) || this.#method === "HEAD") {
      this.length = 0;
    }
    if (!this.will_close && !this.chunked && this.length === null) this.will_close = true;
  }

  #checkClose(): boolean {
    const conn = this.headers!.get("connection");
    if (this.version === 11) return !!conn && conn.toLowerCase().includes("close");
    if (this.headers!.get("keep-alive")) return false;
    if (conn && conn.toLowerCase().includes("keep-alive")) return false;
    const pconn = this.headers!.get("proxy-connection");
    if (pconn && pconn.toLowerCase().includes("keep-alive")) return false;
    return true;
  }

  /**
   * Python's `_close_conn()`: let go of the connection once the body is read. Internal, but CPython's
   * tests replace it on a response to keep its reader (`response.fp`) open, so it stays a method.
   */
  _close_conn(): void {
    const sock = this.#sock;
    const fp = this.fp;
    this.fp = null;
    this.#sock = null;
    sock?.unref();
    // Python closes `self.fp`; our socket's shared reader stays open for the next response.
    if (fp && fp !== sock?.reader) fp.close?.();
  }

  /** Python's `close()`: release the connection and mark the response closed. */
  close(): void {
    this.#closed = true;
    if (this.fp) this._close_conn();
  }

  /** Python's `closed` (set by `close()` only, as `io.IOBase` does). */
  get closed(): boolean {
    return this.#closed;
  }

  /** Python's `isclosed()`: true once the body was read to its end or the response closed. */
  isclosed(): boolean {
    return this.fp === null;
  }

  /** Python's `flush()`: nothing to do for a response. */
  flush(): void {}

  /** Python's `readable()`: always true. */
  readable(): boolean {
    return true;
  }

  /**
   * Python's `read(amt=None)`: the whole body, or up to `amt` bytes.
   *
   * @param amt how many bytes at most; `null`/omitted reads to the end
   * @returns the bytes (empty at the end)
   * @throws IncompleteRead when a body of known length or a chunk ends early
   */
  async read(amt?: number | null): Promise<Bytes>;
  /** `read({ amt })`. */
  async read(kwargs: { amt?: number | null }): Promise<Bytes>;
  read(...args: unknown[]): Promise<Bytes> {
    try {
      const amt = args.length ? RESPONSE_READ.bind(args).amt : null;
      if (amt === null || amt === undefined) {
        // The usual small body, already in the buffer behind the head: taken without a Promise chain.
        const length = this.length, fp = this.fp;
        if (length !== null && !this.chunked && this.#method !== "HEAD" && fp instanceof BufferedReader) {
          const s = length === 0 ? EMPTY : fp.takeBuffered(length);
          if (s !== null) {
            this.length = 0;
            this._close_conn();
            return Promise.resolve(s);
          }
        }
      }
      return this.#read(amt);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  async #read(amt: number | null): Promise<Bytes> {
    if (this.fp === null) return EMPTY;
    if (this.#method === "HEAD") {
      this._close_conn();
      return EMPTY;
    }
    if (this.chunked) return await this.#readChunked(amt);
    if (amt !== null && amt !== undefined && amt >= 0) {
      if (this.length !== null && amt > this.length) amt = this.length;
      const s = await this.#fp.read(amt);
      if (!s.length && amt) this._close_conn();
      else if (this.length !== null) {
        this.length -= s.length;
        if (!this.length) this._close_conn();
      }
      return s;
    }
    let s: Bytes;
    if (this.length === null) s = await this.#fp.read();
    else {
      try {
        s = await this.#safeRead(this.length);
      } catch (e) {
        if (e instanceof IncompleteRead) this._close_conn();
        throw e;
      }
      this.length = 0;
    }
    this._close_conn();
    return s;
  }

  /**
   * Python's `readinto(b)`: read into `b`, return the count.
   *
   * @param b the buffer to fill
   * @returns the number of bytes read (0 at the end)
   */
  async readinto(b: Uint8Array): Promise<number>;
  /** `readinto({ b })`. */
  async readinto(kwargs: { b: Uint8Array }): Promise<number>;
  async readinto(...args: unknown[]): Promise<number> {
    let { b } = RESPONSE_READINTO.bind(args);
    if (this.fp === null) return 0;
    if (this.#method === "HEAD") {
      this._close_conn();
      return 0;
    }
    if (this.chunked) return await this.#readintoChunked(b);
    if (this.length !== null && b.length > this.length) b = b.subarray(0, this.length);
    const n = await this.#fp.readinto(b);
    if (!n && b.length) this._close_conn();
    else if (this.length !== null) {
      this.length -= n;
      if (!this.length) this._close_conn();
    }
    return n;
  }

  async #readNextChunkSize(): Promise<number> {
    const line = await this.#fp.readline(MAXLINE + 1);
    if (line.length > MAXLINE) throw new LineTooLong("chunk size");
    let end = line.indexOf(0x3b);
    if (end < 0) end = line.length;
    const n = pyInt(latin1Decode(line.subarray(0, end)), 16, true);
    if (n === null) {
      this._close_conn();
      throw new ValueError(`invalid literal for int() with base 16: ${repr(asBytes(line.subarray(0, end)))}`);
    }
    return n;
  }

  async #readAndDiscardTrailer(): Promise<void> {
    let count = 0;
    for (;;) {
      const line = await this.#fp.readline(MAXLINE + 1);
      if (line.length > MAXLINE) throw new LineTooLong("trailer line");
      if (!line.length) break;
      if ((line.length === 1 && line[0] === 10) || (line.length === 2 && line[0] === 13 && line[1] === 10)) {
        break;
      }
      if (++count > MAXHEADERS) throw new HTTPException(`got more than ${MAXHEADERS} trailer lines`);
    }
  }

  async #getChunkLeft(): Promise<number | null> {
    let chunkLeft = this.chunk_left;
    if (!chunkLeft) {
      if (chunkLeft !== null) await this.#safeRead(2);
      try {
        chunkLeft = await this.#readNextChunkSize();
      } catch (e) {
        if (e instanceof ValueError) throw new IncompleteRead(EMPTY);
        throw e;
      }
      if (chunkLeft === 0) {
        await this.#readAndDiscardTrailer();
        this._close_conn();
        chunkLeft = null;
      }
      this.chunk_left = chunkLeft;
    }
    return chunkLeft;
  }

  async #readChunked(amt: number | null): Promise<Bytes> {
    if (amt !== null && amt !== undefined && amt < 0) amt = null;
    const value: Uint8Array[] = [];
    try {
      let chunkLeft: number | null;
      while ((chunkLeft = await this.#getChunkLeft()) !== null) {
        if (amt !== null && amt !== undefined && amt <= chunkLeft) {
          value.push(await this.#safeRead(amt));
          this.chunk_left = chunkLeft - amt;
          break;
        }
        value.push(await this.#safeRead(chunkLeft));
        if (amt !== null && amt !== undefined) amt -= chunkLeft;
        this.chunk_left = 0;
      }
      return value.length === 1 ? asBytes(value[0]) : concatBytes(value);
    } catch (e) {
      if (e instanceof IncompleteRead) throw new IncompleteRead(concatBytes(value));
      throw e;
    }
  }

  async #readintoChunked(b: Uint8Array): Promise<number> {
    let total = 0;
    let mvb = b;
    try {
      for (;;) {
        const chunkLeft = await this.#getChunkLeft();
        if (chunkLeft === null) return total;
        if (mvb.length <= chunkLeft) {
          const n = await this.#safeReadinto(mvb);
          this.chunk_left = chunkLeft - n;
          return total + n;
        }
        const n = await this.#safeReadinto(mvb.subarray(0, chunkLeft));
        mvb = mvb.subarray(n);
        total += n;
        this.chunk_left = 0;
      }
    } catch (e) {
      if (e instanceof IncompleteRead) throw new IncompleteRead(new Bytes(b.subarray(0, total)));
      throw e;
    }
  }

  /**
   * `_safe_read(amt)`: exactly `amt` bytes or `IncompleteRead`. The buffer
   * grows with the data received (the reader reads in growing pieces), so a
   * huge declared length alone allocates nothing.
   */
  async #safeRead(amt: number): Promise<Bytes> {
    if (amt <= 0) return amt === 0 ? EMPTY : await this.#fp.read();
    const data = await this.#fp.read(amt);
    if (data.length < amt) throw new IncompleteRead(data, amt - data.length);
    return data;
  }

  async #safeReadinto(b: Uint8Array): Promise<number> {
    const n = await this.#fp.readinto(b);
    if (n < b.length) throw new IncompleteRead(new Bytes(b.subarray(0, n)), b.length - n);
    return n;
  }

  /**
   * Python's `read1(n=-1)`: at most one read from the socket.
   *
   * @param n the most bytes to return; negative for whatever is available
   * @returns the bytes
   */
  async read1(n?: number): Promise<Bytes>;
  /** `read1({ n })`. */
  async read1(kwargs: { n?: number }): Promise<Bytes>;
  async read1(...args: unknown[]): Promise<Bytes> {
    let { n } = RESPONSE_READ1.bind(args);
    if (this.fp === null || this.#method === "HEAD") return EMPTY;
    if (this.chunked) {
      const chunkLeft = await this.#getChunkLeft();
      if (chunkLeft === null || n === 0) return EMPTY;
      if (!(n >= 0 && n <= chunkLeft)) n = chunkLeft;
      const got = await this.#fp.read1(n);
      this.chunk_left = (this.chunk_left ?? 0) - got.length;
      if (!got.length) throw new IncompleteRead(EMPTY);
      return got;
    }
    if (this.length !== null && (n < 0 || n > this.length)) n = this.length;
    const result = await this.#fp.read1(n);
    if (!result.length && n) this._close_conn();
    else if (this.length !== null) {
      this.length -= result.length;
      if (!this.length) this._close_conn();
    }
    return result;
  }

  /**
   * Python's `peek(n=-1)`: buffered body bytes without consuming them.
   *
   * @param n a hint, as in Python (what is buffered is returned)
   * @returns the bytes
   */
  async peek(n?: number): Promise<Bytes>;
  /** `peek({ n })`. */
  async peek(kwargs: { n?: number }): Promise<Bytes>;
  async peek(...args: unknown[]): Promise<Bytes> {
    const { n } = RESPONSE_PEEK.bind(args);
    return await this.#peek(n);
  }

  async #peek(n: number): Promise<Bytes> {
    if (this.fp === null || this.#method === "HEAD") return EMPTY;
    if (this.chunked) {
      let chunkLeft: number | null;
      try {
        chunkLeft = await this.#getChunkLeft();
      } catch (e) {
        if (e instanceof IncompleteRead) return EMPTY;
        throw e;
      }
      if (chunkLeft === null) return EMPTY;
      // Python: `self.fp.peek(chunk_left)[:chunk_left]`.
      const got = await this.#fp.peek(chunkLeft);
      return got.length > chunkLeft ? new Bytes(got.subarray(0, chunkLeft)) : got;
    }
    return await this.#fp.peek(n);
  }

  /**
   * Python's `readline(limit=-1)`: one line of the body.
   *
   * @param limit the most bytes to return; negative for no limit
   * @returns the line, `\n` included (empty at the end)
   */
  async readline(limit?: number): Promise<Bytes>;
  /** `readline({ limit })`. */
  async readline(kwargs: { limit?: number }): Promise<Bytes>;
  async readline(...args: unknown[]): Promise<Bytes> {
    const { limit } = RESPONSE_READLINE.bind(args);
    return await this.#readline(limit);
  }

  async #readline(limit: number): Promise<Bytes> {
    if (this.fp === null || this.#method === "HEAD") return EMPTY;
    if (this.chunked) return await this.#ioReadline(limit);
    if (this.length !== null && (limit < 0 || limit > this.length)) limit = this.length;
    const result = await this.#fp.readline(limit);
    if (!result.length && limit) this._close_conn();
    else if (this.length !== null) {
      this.length -= result.length;
      if (!this.length) this._close_conn();
    }
    return result;
  }

  /** `io.IOBase.readline` over `peek`/`read`, which chunked bodies use. */
  async #ioReadline(limit: number): Promise<Bytes> {
    const parts: Uint8Array[] = [];
    let size = 0;
    while (limit < 0 || size < limit) {
      let nreadahead = 1;
      const ahead = await this.#peek(1);
      if (ahead.length) {
        let n = 0;
        for (;;) {
          if (n >= ahead.length || (limit >= 0 && n >= limit)) break;
          if (ahead[n++] === 10) break;
        }
        nreadahead = n;
      }
      const b = await this.#read(nreadahead);
      if (!b.length) break;
      parts.push(b);
      size += b.length;
      if (b[b.length - 1] === 10) break;
    }
    return concatBytes(parts);
  }

  /**
   * Python's `readlines(hint=-1)`: the remaining lines of the body, stopping once `hint` bytes
   * (when positive) were read, as `io.IOBase.readlines` does.
   *
   * @param hint stop after the line that reaches this many bytes; `-1`/`null` reads every line
   * @returns the lines
   */
  async readlines(hint?: number | null): Promise<Bytes[]>;
  /** `readlines({ hint })`. */
  async readlines(kwargs: { hint?: number | null }): Promise<Bytes[]>;
  async readlines(...args: unknown[]): Promise<Bytes[]> {
    const { hint } = RESPONSE_READLINES.bind(args);
    const out: Bytes[] = [];
    let n = 0;
    for await (const line of this) {
      out.push(line);
      n += line.length;
      if (hint !== null && hint > 0 && n >= hint) break;
    }
    return out;
  }

  /**
   * Python's `fileno()`: a number standing for the socket. Deno exposes no
   * OS descriptors, so it is pyweb's own socket number (see docs/divergences.md).
   */
  fileno(): number {
    if (this.#sock) return this.#sock.id;
    if (this.fp?.fileno) return this.fp.fileno();
    throw new ValueError("I/O operation on closed file");
  }

  /**
   * Python's `getheader(name, default=None)`: every value of `name` joined by `", "`.
   *
   * @param name the header name (any case)
   * @param default_ what to return when absent (a list or other non-string iterable is joined by `", "`)
   * @returns the value, or the default
   */
  getheader<T = null>(name: string, default_?: T): string | T;
  /** `getheader(name, { default })`. */
  getheader<T = null>(name: string, kwargs: { default?: T }): string | T;
  /** `getheader({ name, default })`. */
  getheader<T = null>(kwargs: { name: string; default?: T }): string | T;
  getheader(...args: unknown[]): unknown {
    const { name, default: dflt } = RESPONSE_GETHEADER.bind(args);
    if (this.headers === null) throw new ResponseNotReady();
    const all = this.headers.get_all(name);
    if (all === null || all.length === 0) {
      // Python: a str or a non-iterable default comes back as it is; another iterable is joined.
      if (typeof dflt === "string" || dflt === null || typeof dflt !== "object") return dflt;
      if (typeof (dflt as Iterable<unknown>)[Symbol.iterator] !== "function") return dflt;
      return [...(dflt as Iterable<string>)].join(", ");
    }
    return all.join(", ");
  }

  /** Python's `getheaders()`: the `(name, value)` tuples in order. */
  getheaders(): Tuple<string>[] {
    if (this.headers === null) throw new ResponseNotReady();
    return this.headers.items();
  }

  /** Python's `info()`: the headers. */
  info(): HTTPMessage {
    return this.headers!;
  }

  /** Python's `geturl()`: the URL (set by urllib). */
  geturl(): string | null {
    return this.url;
  }

  /** Python's `getcode()`: the status. */
  getcode(): number {
    return this.status;
  }

  /** Python's `for line in response`: the body line by line. */
  async *[Symbol.asyncIterator](): AsyncIterator<Bytes> {
    for (;;) {
      const line = await this.#readline(-1);
      if (!line.length) return;
      yield line;
    }
  }

  /** `with response:` — `await using r = await conn.getresponse()` closes it. */
  [Symbol.asyncDispose](): Promise<void> {
    this.close();
    return Promise.resolve();
  }

  /** `with response:`, sync form. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** `<http.client.HTTPResponse object>`. */
  [pyrepr](): string {
    return "<http.client.HTTPResponse object>";
  }
}
showAsRepr(HTTPResponse);

/** Keyword arguments of the {@link HTTPConnection} constructor. */
export interface HTTPConnectionOptions {
  /** The port (Python's second positional parameter). */
  port?: number | null;
  /** Seconds to wait for connect and each read/write; `null` waits forever. */
  timeout?: number | null;
  /** Python's `(host, port)` to bind locally; only `null` (or an any-address, port 0) is supported. */
  source_address?: readonly [string, number] | null;
  /** Bytes per read when sending a file body (default 8192). */
  blocksize?: number;
}

/** Keyword arguments of the {@link HTTPSConnection} constructor. */
export interface HTTPSConnectionOptions extends HTTPConnectionOptions {
  /** TLS settings: an {@link SSLContext} or `{cafile, cadata, check_hostname, verify_mode}`. */
  context?: SSLContext | SSLContextOptions | null;
}

/** Keywords of `request()` and `endheaders()`. */
export interface EncodeChunkedOption {
  /** Send the body with chunked transfer coding (the caller set Transfer-Encoding). */
  encode_chunked?: boolean;
}

/** Keywords of `putrequest()`. */
export interface PutRequestOptions {
  /** Do not add the Host header. */
  skip_host?: boolean;
  /** Do not add `Accept-Encoding: identity`. */
  skip_accept_encoding?: boolean;
}

/** Python's `socket._GLOBAL_DEFAULT_TIMEOUT`: the default `timeout`, meaning the socket default (none). */
export const _GLOBAL_DEFAULT_TIMEOUT: object = Object.freeze(
  new (class GlobalDefaultTimeout {
    [pyrepr](): string {
      return "<object object>";
    }
  })(),
);
const GLOBAL_DEFAULT_TIMEOUT = _GLOBAL_DEFAULT_TIMEOUT;

const HTTP_CONNECTION_INIT = new Signature<{
  host: string;
  port: number | null;
  timeout: number | null | object;
  source_address: readonly [string, number] | null;
  blocksize: number;
}>("HTTPConnection.__init__", ["self", "host", "port", "timeout", "source_address", "blocksize"], {
  port: null,
  timeout: GLOBAL_DEFAULT_TIMEOUT,
  source_address: null,
  blocksize: 8192,
});
const HTTPS_CONNECTION_INIT = new Signature<{
  host: string;
  port: number | null;
  timeout: number | null | object;
  source_address: readonly [string, number] | null;
  context: SSLContext | SSLContextOptions | null;
  blocksize: number;
}>("HTTPSConnection.__init__", [
  "self",
  "host",
  "port",
  "*",
  "timeout",
  "source_address",
  "context",
  "blocksize",
], {
  port: null,
  timeout: GLOBAL_DEFAULT_TIMEOUT,
  source_address: null,
  context: null,
  blocksize: 8192,
});
const SET_TUNNEL = new Signature<{ host: string; port: number | null; headers: RequestHeaders | null }>(
  "HTTPConnection.set_tunnel",
  ["self", "host", "port", "headers"],
  { port: null, headers: null },
  ["headers"],
);
const SET_DEBUGLEVEL = new Signature<{ level: number }>("HTTPConnection.set_debuglevel", ["self", "level"]);
const SEND = new Signature<{ data: RequestBody }>("HTTPConnection.send", ["self", "data"]);
const PUTREQUEST = new Signature<
  { method: string; url: string; skip_host: unknown; skip_accept_encoding: unknown }
>(
  "HTTPConnection.putrequest",
  ["self", "method", "url", "skip_host", "skip_accept_encoding"],
  { skip_host: false, skip_accept_encoding: false },
);
const PUTHEADER = new Signature<{ header: string | Uint8Array; values: HeaderValue[] }>(
  "HTTPConnection.putheader",
  ["self", "header", "*values"],
);
const ENDHEADERS = new Signature<{ message_body: RequestBody; encode_chunked: unknown }>(
  "HTTPConnection.endheaders",
  ["self", "message_body", "*", "encode_chunked"],
  { message_body: null, encode_chunked: false },
);
const REQUEST = new Signature<{
  method: string;
  url: string;
  body: RequestBody;
  headers: RequestHeaders;
  encode_chunked: unknown;
}>("HTTPConnection.request", ["self", "method", "url", "body", "headers", "*", "encode_chunked"], {
  body: null,
  headers: {},
  encode_chunked: false,
}, ["headers"]);

/**
 * Python's `http.client.HTTPConnection`: one HTTP/1.1 connection that sends
 * requests and reads responses in turn, reconnecting on the next request
 * after the server closed (Python's `auto_open`).
 *
 * @example
 * ```ts
 * import { HTTPConnection } from "@pyweb/std/http/client";
 * import assert from "node:assert/strict";
 * // A tiny server for the example.
 * const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
 * const served = (async () => {
 *   const c = await listener.accept();
 *   const buf = new Uint8Array(4096);
 *   await c.read(buf);
 *   await c.write(new TextEncoder().encode("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));
 *   c.close();
 * })();
 * const conn = new HTTPConnection("127.0.0.1", listener.addr.port, { timeout: 5 });
 * await conn.request("GET", "/");
 * const r = await conn.getresponse();
 * assert.equal(r.status, 200);
 * assert.equal((await r.read()).decode(), "hello");
 * conn.close();
 * await served;
 * listener.close();
 * ```
 */
export class HTTPConnection implements AsyncDisposable, Disposable {
  /** `11`: the HTTP version this class speaks (a class attribute, as in Python). */
  static _http_vsn: number = 11;
  /** `'HTTP/1.1'`: the version written in the request line. */
  static _http_vsn_str: string = "HTTP/1.1";
  /** The class `getresponse()` builds (Python's `response_class`). */
  static response_class: typeof HTTPResponse = HTTPResponse;
  /** Port used when none is given: 80. */
  static default_port: number = HTTP_PORT;
  /** Connect on the first send when not connected (Python's `auto_open`). */
  static auto_open: number = 1;
  /** The debug level of connections that set none (`HTTPConnection.debuglevel = 1` reaches them all). */
  static debuglevel: number = 0;

  /** This connection's HTTP version (`11`), or the class's. */
  declare _http_vsn: number;
  /** This connection's request-line version (`'HTTP/1.1'`), or the class's. */
  declare _http_vsn_str: string;
  /** The class `getresponse()` builds, this connection's or the class's. */
  declare response_class: typeof HTTPResponse;
  /** The port used when none is given. */
  declare default_port: number;
  /** Connect on first send when not connected. */
  declare auto_open: number;
  /** The debug level (see {@link HTTPConnection.set_debuglevel}); the class's until set. */
  declare debuglevel: number;

  /** Seconds for connect and each read/write, or `null`. */
  timeout: number | null;
  /** The local address to bind, or `null`. */
  source_address: readonly [string, number] | null;
  /** Bytes per read when sending a file body. */
  blocksize: number;
  /**
   * The socket, or `null` when not connected: ours, or any object with Python's socket methods
   * (`sendall`, `makefile`, `close`) set here or returned by `_create_connection()`.
   */
  sock: HTTPSocket | PySocket | null = null;
  /** The server host (IPv6 without brackets). */
  host: string;
  /** The server port. */
  port: number;
  /** The host of a CONNECT tunnel, or `null`. */
  _tunnel_host: string | null = null;
  /** The port of a CONNECT tunnel, or `null`. */
  _tunnel_port: number | null = null;
  /** Extra headers of the CONNECT request. */
  _tunnel_headers: Map<string, string> = new Map();
  #rawProxyHeaders: Uint8Array[] | null = null;
  /**
   * Where the request head is built: the lines back to back, CRLF after each, so that `endheaders()` sends
   * the head without joining (a fresh typed array costs about a microsecond in Deno). Reused for the next
   * request when nothing else can still see it; see {@link HTTPConnection.#recycleHead}.
   */
  #head: Uint8Array = new Uint8Array(1024);
  /** Bytes of `#head` in use. */
  #headLen = 0;
  /** Where the line being written started. */
  #lineStart = 0;
  /**
   * Python's `_buffer` once it was read or replaced, else `null`. Until then the buffered lines are only in
   * `#head`, from its start, and where each ends (before its CRLF) is in `#lineEnds`: no object per line.
   * Once `_buffer` is out, each line is appended to it as a view of `#head` as it is finished, and `#head`
   * is never rewritten (those views may be held anywhere).
   */
  #buffer: Bytes[] | null = null;
  /** Where each line buffered in `#head` ends, while `_buffer` was never read or replaced (reused). */
  #lineEnds: number[] = [];
  /** How many of `#lineEnds` are in use (the array keeps its room from request to request). */
  #lines = 0;
  /** The Host header value last computed, and what it was computed from. */
  #hostFor: unknown[] = [];
  #hostValue: Uint8Array | string = "";
  #response: HTTPResponse | null = null;
  #state: string = CS_IDLE;
  /** The method of the current request. */
  _method: string | null = null;

  /** `new HTTPConnection(host, port?, timeout?, source_address?, blocksize?)`. */
  constructor(
    host: string,
    port?: number | null,
    timeout?: number | null,
    source_address?: readonly [string, number] | null,
    blocksize?: number,
  );
  /** `new HTTPConnection(host, port, {timeout, source_address, blocksize})`. */
  constructor(host: string, port: number | null | undefined, options: HTTPConnectionOptions);
  /** `new HTTPConnection(host, {port, timeout, source_address, blocksize})`. */
  constructor(host: string, options: HTTPConnectionOptions);
  /** `new HTTPConnection({host, port, timeout, source_address, blocksize})`. */
  constructor(options: HTTPConnectionOptions & { host: string });
  constructor(...args: unknown[]) {
    const { host, port, timeout, source_address, blocksize } = HTTP_CONNECTION_INIT.bind(args);
    this.timeout = timeout === GLOBAL_DEFAULT_TIMEOUT ? null : timeout as number | null;
    this.source_address = source_address;
    this.blocksize = blocksize;
    [this.host, this.port] = this._get_hostport(host, port);
    this._validate_host(this.host);
  }

  /** The request lines buffered by `putrequest`/`putheader` and not yet sent (Python's `_buffer`). */
  get _buffer(): Uint8Array[] {
    if (this.#buffer === null) {
      // The lines so far become views of #head; from now on each line is appended as it is finished.
      const head = this.#head;
      const list: Bytes[] = [];
      let start = 0;
      for (let i = 0; i < this.#lines; i++) {
        const end = this.#lineEnds[i];
        list.push(viewBytes(head, start, end));
        start = end + 2;
      }
      this.#lines = 0;
      this.#buffer = list;
    }
    return this.#buffer;
  }
  /**
   * Replace the buffer with a list of your own, as CPython's tests do; each line goes through its
   * `append(line)` when it has one (a subclass of `list` in Python), else `push`.
   */
  set _buffer(list: Bytes[]) {
    if (this.#buffer === null) this.#lines = 0; // Python drops the old list's lines with it
    this.#buffer = list;
  }

  /** `_get_hostport(host, port)`: split `host:port`, unbracket IPv6. */
  _get_hostport(host: string, port: number | null | undefined): [string, number] {
    if (port === null || port === undefined) {
      const i = host.lastIndexOf(":");
      const j = host.lastIndexOf("]");
      if (i > j) {
        const p = pyInt(host.slice(i + 1), 10);
        if (p === null) {
          if (host.slice(i + 1) === "") port = this.default_port;
          else throw new InvalidURL(`nonnumeric port: '${host.slice(i + 1)}'`);
        } else port = p;
        host = host.slice(0, i);
      } else port = this.default_port;
    }
    if (host && host[0] === "[" && host[host.length - 1] === "]") host = host.slice(1, -1);
    return [host, port];
  }

  /**
   * Python's `_encode_request(request)`: the request line as bytes (ASCII). A subclass may override it to
   * send another encoding (bpo-36274).
   *
   * @param request the request line, without CRLF
   * @returns its bytes
   */
  _encode_request(request: string): Uint8Array {
    return encodeNarrow(request, "ascii");
  }

  /** `_validate_host`: no control characters or spaces (CVE-2019-18348). */
  _validate_host(host: string): void {
    const bad = disallowedUrlChar(host);
    if (bad !== null) {
      throw new InvalidURL(
        `URL can't contain control characters. ${repr(host)} (found at least ${repr(bad)})`,
      );
    }
  }

  /** `_validate_path`: no control characters or spaces in the URL (CVE-2019-9740). */
  _validate_path(url: string): void {
    const bad = disallowedUrlChar(url);
    if (bad !== null) {
      throw new InvalidURL(
        `URL can't contain control characters. ${repr(url)} (found at least ${repr(bad)})`,
      );
    }
  }

  /** `_validate_method`: no control characters (CVE-2020-26116). */
  _validate_method(method: string): void {
    const bad = disallowedMethodChar(method);
    if (bad !== null) {
      throw new ValueError(
        `method can't contain control characters. ${repr(method)} (found at least ${repr(bad)})`,
      );
    }
  }

  /**
   * Python's `set_tunnel(host, port=None, headers=None)`: send requests
   * through this connection's host as a proxy, via `CONNECT host:port`.
   *
   * @param host the target host (may hold `:port`)
   * @param port the target port
   * @param headers extra headers for the CONNECT request
   */
  set_tunnel(host: string, port?: number | null, headers?: RequestHeaders | null): void;
  /** `set_tunnel(host, { port, headers })`. */
  set_tunnel(host: string, kwargs: { port?: number | null; headers?: RequestHeaders | null }): void;
  /** `set_tunnel(host, port, kw({ headers }))`. */
  set_tunnel(host: string, port: number | null, kwargs: Keywords<{ headers?: RequestHeaders | null }>): void;
  /** `set_tunnel({ host, port, headers })`. */
  set_tunnel(kwargs: { host: string; port?: number | null; headers?: RequestHeaders | null }): void;
  set_tunnel(...args: unknown[]): void {
    const { host, port, headers } = SET_TUNNEL.bind(args);
    if (this.sock) throw new RuntimeError("Can't set up tunnel for established connection");
    [this._tunnel_host, this._tunnel_port] = this._get_hostport(host, port);
    const pairs = headerPairs(headers);
    this._tunnel_headers = new Map();
    for (const [k, v] of pairs) this._tunnel_headers.set(k, String(v));
    if (![...this._tunnel_headers.keys()].some((h) => h.toLowerCase() === "host")) {
      const enc = latin1Decode(hostToAscii(this._tunnel_host));
      this._tunnel_headers.set("Host", `${enc}:${this._tunnel_port}`);
    }
  }

  /** Python's `set_debuglevel(level)`: print what is sent and received when above 0. */
  set_debuglevel(level: number): void;
  /** `set_debuglevel({ level })`. */
  set_debuglevel(kwargs: { level: number }): void;
  set_debuglevel(...args: unknown[]): void {
    const { level } = SET_DEBUGLEVEL.bind(args);
    this.debuglevel = level;
  }

  #wrapIpv6(ip: Uint8Array): Uint8Array {
    if (ip.includes(0x3a) && ip[0] !== 0x5b) {
      return concatBytes([new Uint8Array([0x5b]), ip, new Uint8Array([0x5d])]);
    }
    return ip;
  }

  /** Python's `_tunnel()`: send CONNECT and read the proxy's answer (`connect()` calls it). */
  _tunnel(): Promise<void> {
    return this.#tunnel();
  }

  async #tunnel(): Promise<void> {
    const th = this._tunnel_host!;
    if (disallowedUrlChar(th) !== null) {
      throw new ValueError(`Tunnel host can't contain control characters ${repr(th)}`);
    }
    const parts: Uint8Array[] = [
      concatBytes([
        latin1Bytes("CONNECT "),
        this.#wrapIpv6(hostToAscii(th)),
        latin1Bytes(`:${this._tunnel_port} HTTP/1.1\r\n`),
      ]),
    ];
    for (const [header, value] of this._tunnel_headers) {
      const hb = encode(header, "latin-1");
      const vb = encode(value, "latin-1");
      if (!isLegalHeaderName(hb)) throw new ValueError(`Invalid header name ${repr(asBytes(hb))}`);
      if (isIllegalHeaderValue(vb)) throw new ValueError(`Invalid header value ${repr(asBytes(vb))}`);
      parts.push(concatBytes([hb, latin1Bytes(": "), vb, CRLF]));
    }
    parts.push(CRLF);
    await this.#sendVia(concatBytes(parts));
    const response = new this.response_class(this.sock!, 0, this._method);
    try {
      const [, code, message] = await response._read_status();
      this.#rawProxyHeaders = await readHeaderLines(response.fp as LineReader, HEADER_LIMITS);
      if (this.debuglevel > 0) {
        for (const header of this.#rawProxyHeaders) print("header:", new TextDecoder().decode(header));
      }
      if (code !== 200) {
        this.close();
        throw new OSError(`Tunnel connection failed: ${code} ${pyStrip(message)}`);
      }
    } finally {
      response.close();
    }
  }

  /**
   * Python's `get_proxy_response_headers()`: the headers of the proxy's
   * answer to CONNECT, or `null` if no tunnel was set up.
   */
  get_proxy_response_headers(): HTTPMessage | null {
    return this.#rawProxyHeaders === null ? null : parseHeaderLines(this.#rawProxyHeaders, HTTPMessage);
  }

  /**
   * Python's `_create_connection(address, timeout, source_address)` (`socket.create_connection`):
   * open the TCP connection (no tunnel, no TLS). An override, or an instance attribute as CPython's
   * tests set, may return a Python-style socket object instead, which becomes `sock` as it is.
   *
   * @param address `[host, port]`
   * @param timeout seconds to wait, or `null`
   * @param source_address the local address, or `null`
   * @returns the connection
   */
  async _create_connection(
    address: readonly [string, number],
    timeout: number | null,
    source_address: readonly [string, number] | null,
  ): Promise<Deno.TcpConn | PySocket> {
    const [hostname, port] = address;
    const sa = source_address;
    if (sa && !((sa[0] === "" || sa[0] === "0.0.0.0" || sa[0] === "::") && !sa[1])) {
      throw new NotImplementedError(
        "source_address: Deno cannot bind the local end of an outgoing connection",
      );
    }
    const signal = timeout !== null && Number.isFinite(timeout)
      ? AbortSignal.timeout(Math.max(1, timeout * 1000))
      : undefined;
    try {
      const conn = await Deno.connect({ hostname, port, transport: "tcp", signal });
      conn.setNoDelay(true);
      return conn;
    } catch (e) {
      if (signal?.aborted) throw new TimeoutError("timed out");
      throw fromDenoError(e);
    }
  }

  /** Python's `connect()`: open the connection (and the tunnel, if set). */
  async connect(): Promise<void> {
    const conn = await this._create_connection([this.host, this.port], this.timeout, this.source_address);
    this.sock = isPySocket(conn) ? conn : new HTTPSocket(conn as Deno.TcpConn, this.timeout);
    if (this._tunnel_host) await this.#tunnel();
  }

  /** Python's `close()`: close the connection (a response still being read keeps its socket). */
  close(): void {
    this.#state = CS_IDLE;
    try {
      const sock = this.sock;
      if (sock) {
        this.sock = null;
        if (sock instanceof HTTPSocket) sock.release();
        else sock.close?.();
      }
    } finally {
      const response = this.#response;
      if (response) {
        this.#response = null;
        response.close();
      }
    }
  }

  /**
   * Python's `send(data)`: send bytes, a file-like object or an iterable of
   * bytes, connecting first if needed.
   *
   * @param data what to send
   */
  async send(data: RequestBody): Promise<void>;
  /** `send({ data })`. */
  async send(kwargs: { data: RequestBody }): Promise<void>;
  async send(...args: unknown[]): Promise<void> {
    const { data } = SEND.bind(fileArgs(args, 0, "read"));
    await this.#send(data);
  }

  async #send(data: RequestBody): Promise<void> {
    if (this.sock === null) {
      if (this.auto_open) await this.connect();
      else throw new NotConnected();
    }
    const sock = this.sock!;
    if (this.debuglevel > 0) print("send:", repr(asByteView(data) ? asBytes(asByteView(data)!) : data));
    if (!(sock instanceof HTTPSocket)) return await sendPy(sock, data, this.blocksize, this.debuglevel);
    if (isReadable(data)) {
      if (this.debuglevel > 0) print("sending a readable");
      for await (const block of readableChunks(data, this.blocksize, this.debuglevel)) {
        await sock.sendall(block);
      }
      await sock.flush();
      return;
    }
    const bytes = asByteView(data);
    if (bytes) {
      sock.queue(bytes);
      await sock.flush();
      return;
    }
    if (typeof data === "string") throw new TypeError("a bytes-like object is required, not 'str'");
    if (isIterable(data)) {
      for await (const d of iterChunks(data)) await sock.sendall(chunkBytes(d, false));
      await sock.flush();
      return;
    }
    throw new TypeError(
      `data should be a bytes-like object or an iterable, got <class '${typeName(data)}'>`,
    );
  }

  /** Append a finished line to the `_buffer` that was read or replaced. */
  #output(list: Bytes[], s: Bytes): void {
    const l = list as Bytes[] & { append?(item: Bytes): unknown };
    if (typeof l.append === "function") l.append(s);
    else l.push(s);
  }

  /** Make room for `n` more bytes in `#head` (and CRLF CRLF), moving what must move to a bigger array. */
  #reserve(n: number): void {
    if (this.#headLen + n + 4 <= this.#head.length) return;
    // Lines in `_buffer` keep their views of the old array and only the current line moves; lines that
    // are only in #head move with it.
    const from = this.#buffer === null ? 0 : this.#lineStart;
    const kept = this.#head.subarray(from, this.#headLen);
    const bigger = new Uint8Array(Math.max(this.#head.length * 2, kept.length + n + 1024));
    bigger.set(kept);
    this.#head = bigger;
    this.#lineStart -= from;
    this.#headLen = kept.length;
  }

  /** Append `s` to the line being written, encoded as `encoding` (Python's exact error when it cannot be). */
  #writeText(s: string, encoding: "ascii" | "latin-1"): void {
    const max = encoding === "ascii" ? 0x7f : 0xff;
    const n = s.length;
    this.#reserve(n);
    const head = this.#head;
    let at = this.#headLen;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > max) return this.#writeBytes(encodeNarrow(s, encoding)); // raises UnicodeEncodeError
      head[at++] = c;
    }
    this.#headLen = at;
  }

  /** Append bytes to the line being written. */
  #writeBytes(b: Uint8Array): void {
    this.#reserve(b.length);
    this.#head.set(b, this.#headLen);
    this.#headLen += b.length;
  }

  /** A copy of the line being written from its byte `from` (to name it in an error). */
  #lineSoFar(from: number): Bytes {
    return new Bytes(this.#head.subarray(this.#lineStart + from, this.#headLen));
  }

  /** Finish the line being written: CRLF after it in `#head`, and into `_buffer` (see {@link #buffer}). */
  #endLine(): void {
    const head = this.#head;
    const start = this.#lineStart, end = this.#headLen;
    head[end] = 13; // #reserve always leaves room for CRLF CRLF
    head[end + 1] = 10;
    this.#lineStart = this.#headLen = end + 2;
    const list = this.#buffer;
    if (list === null) this.#lineEnds[this.#lines++] = end;
    else this.#output(list, viewBytes(head, start, end));
  }

  /** Drop the line being written (its name or a value was refused). */
  #abandonLine(): void {
    this.#headLen = this.#lineStart;
  }

  /**
   * The head as it lies in `#head`, plus the final CRLF: the bytes from the first line to the last one's
   * CRLF, when `_buffer` is still only there or every `_buffer` line is still the view `#endLine` made, in
   * order; `null` when the list was replaced or changed.
   */
  #headInPlace(): Uint8Array | null {
    const list = this.#buffer;
    const head = this.#head;
    if (list === null) {
      const end = this.#headLen;
      head[end] = 13;
      head[end + 1] = 10;
      return head.subarray(0, end + 2);
    }
    if (!list.length || !(list instanceof Array) || Object.getPrototypeOf(list) !== Array.prototype) {
      return null;
    }
    const first = list[0];
    if (!(first instanceof Uint8Array) || first.buffer !== head.buffer) return null;
    let at = first.byteOffset;
    const start = at - head.byteOffset;
    for (let i = 0; i < list.length; i++) {
      const line = list[i];
      if (!(line instanceof Uint8Array) || line.buffer !== head.buffer || line.byteOffset !== at) return null;
      at += line.length + 2;
    }
    if (at - head.byteOffset !== this.#headLen || this.#lineStart !== this.#headLen) return null;
    head[this.#headLen] = 13;
    head[this.#headLen + 1] = 10;
    return head.subarray(start, this.#headLen + 2);
  }

  /**
   * After the head was handed to the socket: write the next request's head over this one when nothing can
   * hold its bytes any more (our socket's writer copies what it is given; a Python-style socket, a replaced
   * `send()` or a `_buffer` read from outside may keep them, so then the next head gets a fresh array).
   */
  #recycleHead(): void {
    // Lines of another request buffered meanwhile?
    if (this.#buffer === null ? this.#lines : this.#buffer.length) return;
    if (this.#buffer !== null || this.send !== SEND_METHOD || !(this.sock instanceof HTTPSocket)) {
      this.#head = new Uint8Array(this.#head.length);
    }
    this.#headLen = this.#lineStart = 0;
  }

  #sendOutput(messageBody: RequestBody, encodeChunked: boolean): Promise<void> {
    let msg = this.#headInPlace();
    const list = this.#buffer;
    if (msg === null) {
      const parts: Uint8Array[] = [];
      for (const b of list!) parts.push(b, CRLF);
      parts.push(CRLF);
      msg = concatBytes(parts);
    }
    if (list === null) this.#lines = 0;
    else list.length = 0; // Python's `del self._buffer[:]`: the same list object
    if (messageBody === null || messageBody === undefined) {
      const sock = this.sock;
      // What #sendVia() would do for our socket, three promise levels shorter: the writer copies the head
      // as it queues it, so the head array can be reused at once.
      if (sock instanceof HTTPSocket && this.send === SEND_METHOD && !(this.debuglevel > 0)) {
        try {
          return sock.queueAndFlush(msg);
        } finally {
          this.#recycleHead();
        }
      }
      return this.#sendVia(msg).finally(() => this.#recycleHead());
    }
    return this.#sendOutputBody(msg, messageBody, encodeChunked);
  }

  async #sendOutputBody(msg: Uint8Array, messageBody: RequestBody, encodeChunked: boolean): Promise<void> {
    // Queue the header block without waiting so a small body joins it in one socket write.
    try {
      await this.#sendQueued(msg);
    } finally {
      this.#recycleHead();
    }
    const chunked = encodeChunked && this._http_vsn === 11;
    let chunks: AsyncIterable<unknown> | Iterable<unknown>;
    if (isReadable(messageBody)) {
      if (this.debuglevel > 0) print("reading a readable");
      chunks = readableChunks(messageBody, this.blocksize, this.debuglevel);
    } else {
      const view = asByteView(messageBody);
      if (view) chunks = [view];
      else if (isIterable(messageBody)) chunks = iterChunks(messageBody);
      else {
        throw new TypeError(
          `message_body should be a bytes-like object or an iterable, got <class '${typeName(messageBody)}'>`,
        );
      }
    }
    for await (const chunk of chunks as AsyncIterable<unknown>) {
      const empty = chunk === null || chunk === undefined || chunk === "" ||
        (asByteView(chunk)?.length === 0);
      if (empty) {
        if (this.debuglevel > 0) print("Zero length chunk ignored");
        continue;
      }
      let data = chunkBytes(chunk, chunked);
      if (chunked) {
        data = concatBytes([latin1Bytes(`${data.length.toString(16).toUpperCase()}\r\n`), data, CRLF]);
      }
      await this.#sendQueued(data);
    }
    if (chunked) await this.#sendQueued(latin1Bytes("0\r\n\r\n"));
    if (this.sock instanceof HTTPSocket) await this.sock.flush();
  }

  async #sendVia(data: Uint8Array): Promise<void> {
    if (this.send !== SEND_METHOD) await this.send(asBytes(data)); // a replaced `send()` sees every block
    else await this.#send(data);
  }

  /** `send()` for whole byte strings, without waiting for small ones to reach the socket. */
  async #sendQueued(data: Uint8Array): Promise<void> {
    if (this.send !== SEND_METHOD) {
      await this.send(asBytes(data)); // Python calls `self.send()`, which a subclass or a mock may replace
      return;
    }
    if (this.sock === null) {
      if (this.auto_open) await this.connect();
      else throw new NotConnected();
    }
    if (this.debuglevel > 0) print("send:", repr(asBytes(data)));
    const sock = this.sock!;
    if (sock instanceof HTTPSocket) await sock.sendall(data);
    else await sock.sendall(asBytes(data));
  }

  /**
   * Python's `putrequest(method, url, skip_host=False, skip_accept_encoding=False)`:
   * start a request (buffered until `endheaders`), adding `Host` and
   * `Accept-Encoding: identity`. Validates synchronously.
   *
   * @param method the method, e.g. `"GET"`
   * @param url the request target, e.g. `"/index.html"`
   * @param skip_host do not add Host (or keywords `{skip_host, skip_accept_encoding}`)
   * @param skip_accept_encoding do not add Accept-Encoding
   */
  putrequest(method: string, url: string, skip_host?: boolean, skip_accept_encoding?: boolean): void;
  /** `putrequest(method, url, { skip_host, skip_accept_encoding })`. */
  putrequest(method: string, url: string, kwargs: PutRequestOptions): void;
  /** `putrequest({ method, url, skip_host, skip_accept_encoding })`. */
  putrequest(kwargs: PutRequestOptions & { method: string; url: string }): void;
  putrequest(...args: unknown[]): void {
    const { method, url, skip_host, skip_accept_encoding } = PUTREQUEST.bind(args);
    this.#putrequest(method, url, truthy(skip_host), truthy(skip_accept_encoding));
  }

  #putrequest(method: string, url: string, skip_host: boolean, skip_accept_encoding: boolean): void {
    method = String(method);
    if (this.#response && this.#response.isclosed()) this.#response = null;
    if (this.#state === CS_IDLE) this.#state = CS_REQ_STARTED;
    else throw new CannotSendRequest(this.#state);
    this._validate_method(method);
    this._method = method;
    url = url || "/";
    this._validate_path(url);
    const request = `${method} ${url} ${this._http_vsn_str}`;
    if (this._encode_request === ENCODE_REQUEST_METHOD) this.#writeText(request, "ascii");
    else this.#writeBytes(this._encode_request(request));
    this.#endLine();
    if (this._http_vsn === 11) {
      if (!skip_host) {
        let netloc = "";
        if (url.startsWith("http")) {
          netloc = urlsplit(url).netloc;
        }
        if (netloc) this.#header("Host", stripIpv6Iface(hostToAscii(netloc)));
        else this.#header("Host", this.#hostHeader());
      }
      if (!skip_accept_encoding) this.#header("Accept-Encoding", "identity");
    }
  }

  /** The Host value for a request without a netloc: `host` (bytes) at the default port, else `host:port`. */
  #hostHeader(): Uint8Array | string {
    const host = this._tunnel_host ?? this.host;
    const port = this._tunnel_host ? this._tunnel_port : this.port;
    const key = this.#hostFor;
    // The same connection asks again and again: reuse the value while nothing it depends on changed.
    // A putheader() of a subclass gets a value of its own, as it may keep or change it.
    const mine = this.putheader === PUTHEADER_METHOD;
    if (mine && key[0] === host && key[1] === port && key[2] === this.default_port) return this.#hostValue;
    let hostEnc = this.#wrapIpv6(hostToAscii(host));
    if (host.includes(":")) hostEnc = stripIpv6Iface(hostEnc);
    const value = port === this.default_port ? hostEnc : `${latin1Decode(hostEnc)}:${port}`;
    if (mine) {
      this.#hostFor = [host, port, this.default_port];
      this.#hostValue = value;
    }
    return value;
  }

  /**
   * Python's `putheader(header, *values)`: add a header line (buffered).
   * Validates the name and values synchronously (CVE-2016-5699).
   *
   * @param header the name
   * @param values the values, joined with `\r\n\t`
   */
  putheader(header: string | Uint8Array, ...values: HeaderValue[]): void;
  /** `putheader({ header })`: a header with no values. */
  putheader(kwargs: { header: string | Uint8Array }): void;
  putheader(...args: unknown[]): void {
    const { header, values } = PUTHEADER.bind(args);
    this.#putheader(header, values);
  }

  /** `self.putheader(header, value)` from inside: a subclass's override is honoured, ours is called directly. */
  #header(header: string | Uint8Array, value: HeaderValue): void {
    if (this.putheader === PUTHEADER_METHOD) this.#putheader(header, [value]);
    else this.putheader(header, value);
  }

  #putheader(header: string | Uint8Array, values: HeaderValue[]): void {
    if (this.#state !== CS_REQ_STARTED) throw new CannotSendHeader();
    // The line is written straight into the head: `name: v1\r\n\tv2`, each part checked where it lies.
    try {
      if (typeof header === "string") this.#writeText(header, "ascii");
      else this.#writeBytes(header);
      if (!isLegalHeaderName(this.#head, this.#lineStart, this.#headLen)) {
        throw new ValueError(`Invalid header name ${repr(this.#lineSoFar(0))}`);
      }
      this.#writeText(": ", "ascii");
      for (let i = 0; i < values.length; i++) {
        if (i) this.#writeText("\r\n\t", "ascii");
        const from = this.#headLen - this.#lineStart;
        const v = values[i];
        if (typeof v === "string") this.#writeText(v, "latin-1");
        else if (typeof v === "number" && Number.isInteger(v)) this.#writeText(BigInt(v).toString(), "ascii");
        else if (typeof v === "boolean") this.#writeText(v ? "True" : "False", "ascii");
        else if (v instanceof Uint8Array) this.#writeBytes(v);
        else if ((v as unknown) instanceof HTTPStatus) {
          this.#writeText(String((v as unknown as number).valueOf()), "ascii");
        } else {
          // Python hands the unconverted value to the header-value regex, which rejects it.
          throw new TypeError(`expected string or bytes-like object, got '${typeName(v)}'`);
        }
        if (isIllegalHeaderValue(this.#head, this.#lineStart + from, this.#headLen)) {
          throw new ValueError(`Invalid header value ${repr(this.#lineSoFar(from))}`);
        }
      }
    } catch (e) {
      this.#abandonLine();
      throw e;
    }
    this.#endLine();
  }

  /**
   * Python's `endheaders(message_body=None, *, encode_chunked=False)`: send
   * the request head and the body.
   *
   * @param message_body the body, if any
   * @param options `{encode_chunked}`
   */
  async endheaders(message_body?: RequestBody, options?: EncodeChunkedOption): Promise<void>;
  /** `endheaders({ message_body, encode_chunked })`. */
  async endheaders(kwargs: EncodeChunkedOption & { message_body?: RequestBody }): Promise<void>;
  async endheaders(...args: unknown[]): Promise<void> {
    const { message_body, encode_chunked } = ENDHEADERS.bind(fileArgs(args, 0, "read"));
    await this.#endheaders(message_body, truthy(encode_chunked));
  }

  #endheaders(message_body: RequestBody, encode_chunked: boolean): Promise<void> {
    if (this.#state === CS_REQ_STARTED) this.#state = CS_REQ_SENT;
    else throw new CannotSendHeader();
    return this.#sendOutput(message_body, encode_chunked);
  }

  /** `_get_content_length(body, method)`. */
  static _get_content_length(body: RequestBody, method: string): number | null {
    if (body === null || body === undefined) {
      return METHODS_EXPECTING_BODY.has(method.toUpperCase()) ? 0 : null;
    }
    if (isReadable(body)) return null;
    const view = asByteView(body);
    if (view) return view.byteLength;
    if (typeof body === "string") return Array.from(body).length;
    return null;
  }

  /** `request(method, url, { body, headers, encode_chunked })`: keywords where a body would be. */
  async request(
    method: string,
    url: string,
    kwargs: EncodeChunkedOption & { body?: RequestBody; headers?: RequestHeaders },
  ): Promise<void>;
  /** `request(method, url, body, kw({ headers, encode_chunked }))`: a plain object there is the headers. */
  async request(
    method: string,
    url: string,
    body: RequestBody,
    kwargs: Keywords<EncodeChunkedOption & { headers?: RequestHeaders }>,
  ): Promise<void>;
  /** `request({ method, url, body, headers, encode_chunked })`. */
  async request(
    kwargs: EncodeChunkedOption & {
      method: string;
      url: string;
      body?: RequestBody;
      headers?: RequestHeaders;
    },
  ): Promise<void>;
  /**
   * Python's `request(method, url, body=None, headers={}, *, encode_chunked=False)`:
   * send a whole request. Content-Length is set for text and bytes bodies,
   * chunked coding used for files and iterables of unknown length.
   *
   * @param method the method
   * @param url the request target
   * @param body text (sent as Latin-1), bytes, a file or an iterable of bytes
   * @param headers extra headers, in order
   * @param options `{encode_chunked}`
   */
  async request(
    method: string,
    url: string,
    body?: RequestBody,
    headers?: RequestHeaders,
    options?: EncodeChunkedOption,
  ): Promise<void>;
  request(...args: unknown[]): Promise<void> {
    // Not async: the usual request is queued synchronously and this returns the socket's flush, with no
    // frame of its own (errors still come back as a rejected Promise).
    try {
      const [method, url, body, headers, encode_chunked] = REQUEST.values(fileArgs(args, 2, "read")) as [
        string,
        string,
        RequestBody,
        RequestHeaders,
        unknown,
      ];
      return this._send_request(method, url, body, headers, truthy(encode_chunked));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** Python's `_send_request(method, url, body, headers, encode_chunked)`. */
  _send_request(
    method: string,
    url: string,
    body: RequestBody,
    headers: RequestHeaders,
    encode_chunked: boolean,
  ): Promise<void> {
    try {
      let encodeChunked = encode_chunked;
      const pairs = headerPairs(headers);
      // Python: `header_names = frozenset(k.lower() for k in headers)`, asked about four names.
      let host = false, acceptEncoding = false, contentLength = false, transferEncoding = false;
      for (let i = 0; i < pairs.length; i++) {
        const k = String(pairs[i][0]).toLowerCase();
        if (k === "host") host = true;
        else if (k === "accept-encoding") acceptEncoding = true;
        else if (k === "content-length") contentLength = true;
        else if (k === "transfer-encoding") transferEncoding = true;
      }
      if (this.putrequest === PUTREQUEST_METHOD) this.#putrequest(String(method), url, host, acceptEncoding);
      else this.putrequest(method, url, host, acceptEncoding);
      if (!contentLength) {
        if (!transferEncoding) {
          encodeChunked = false;
          const contentLength = HTTPConnection._get_content_length(body, String(method));
          if (contentLength === null) {
            if (body !== null && body !== undefined) {
              if (this.debuglevel > 0) print(`Unable to determine size of ${repr(body)}`);
              encodeChunked = true;
              this.#header("Transfer-Encoding", "chunked");
            }
          } else this.#header("Content-Length", String(contentLength));
        }
      } else encodeChunked = false;
      for (const [hdr, value] of pairs) this.#header(hdr, value);
      if (typeof body === "string") body = encodeBody(body, "body");
      if (this.endheaders === ENDHEADERS_METHOD) return this.#endheaders(body, encodeChunked);
      return Promise.resolve(this.endheaders(body, kw({ encode_chunked: encodeChunked })));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Python's `getresponse()`: read the response to the request just sent.
   *
   * @returns the response, headers read, body ready to read
   * @throws ResponseNotReady when no request was sent or the previous response is unread
   * @throws RemoteDisconnected when the server closed without answering
   */
  getresponse(): Promise<HTTPResponse> {
    // Not async: the response's begin() Promise and two callbacks made once per connection, no frame of ours
    // waiting for the reply.
    let response: HTTPResponse;
    try {
      if (this.#response && this.#response.isclosed()) this.#response = null;
      // A second getresponse() while the first still reads the head (Python's would block until then) is
      // refused: both would read the same socket.
      if (this.#state !== CS_REQ_SENT || this.#response || this.#opening) {
        throw new ResponseNotReady(this.#state);
      }
      if (this.sock === null) throw new ResponseNotReady(this.#state);
      const debuglevel = this.debuglevel;
      response = new this.response_class(this.sock, debuglevel > 0 ? debuglevel : 0, this._method);
    } catch (e) {
      return Promise.reject(e);
    }
    this.#opening = response;
    // A head usually arrives in one read: wait for it here, so that begin() finds it buffered and parses it
    // at once, with no Promise or closure of its own.
    const sock = this.sock;
    if (sock instanceof HTTPSocket && !sock.reader.buffered) {
      return sock.reader.fillIfEmpty().then(this.#begin, this.#notOpened);
    }
    try {
      return Promise.resolve(this.#begin());
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** The response whose head `getresponse()` is reading, until its `begin()` settles. */
  #opening: HTTPResponse | null = null;

  /** `getresponse()`'s `response.begin()`: the response at once when the head was parsed at once. */
  #begin = (): HTTPResponse | Promise<HTTPResponse> => {
    let began: Promise<void>;
    try {
      began = Promise.resolve(this.#opening!.begin());
    } catch (e) {
      return this.#notOpened(e);
    }
    return began === RESOLVED ? this.#opened() : began.then(this.#opened, this.#notOpened);
  };

  /** `getresponse()` once the head is read. */
  #opened = (): HTTPResponse => {
    const response = this.#opening!;
    this.#opening = null;
    try {
      this.#state = CS_IDLE;
      if (response.will_close) this.close();
      else this.#response = response;
      return response;
    } catch (e) {
      response.close();
      throw e;
    }
  };

  /** `getresponse()` when `begin()` failed. */
  #notOpened = (e: unknown): never => {
    const response = this.#opening!;
    this.#opening = null;
    try {
      if (e instanceof ConnectionError) this.close();
    } finally {
      response.close();
    }
    throw e;
  };

  /** `with HTTPConnection(...) as conn:` — `await using conn = new HTTPConnection(...)`. */
  [Symbol.asyncDispose](): Promise<void> {
    this.close();
    return Promise.resolve();
  }

  /** `with` in its sync form: `using conn = ...` closes it. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** `<http.client.HTTPConnection object>`. */
  [pyrepr](): string {
    return `<http.client.${this.constructor.name} object>`;
  }
}
showAsRepr(HTTPConnection);
classAttrs(HTTPConnection, [
  "_http_vsn",
  "_http_vsn_str",
  "response_class",
  "default_port",
  "auto_open",
  "debuglevel",
]);

/**
 * Python's `http.client.HTTPSConnection(host, port=None, *, timeout, source_address, context, blocksize)`:
 * HTTP over TLS. `context` is an {@link SSLContext} or a plain
 * `{cafile, cadata, capath, check_hostname, verify_mode}`; by default the
 * certificate chain and host name are verified against Deno's roots.
 *
 * @example
 * ```ts
 * import { HTTPSConnection } from "@pyweb/std/http/client";
 * import assert from "node:assert/strict";
 * const conn = new HTTPSConnection("example.org", { context: { check_hostname: true } });
 * assert.equal(conn.port, 443);
 * conn.close();
 * ```
 */
export class HTTPSConnection extends HTTPConnection {
  /** Port used when none is given: 443. */
  static override default_port: number = HTTPS_PORT;
  /** The TLS settings. */
  declare _context: SSLContext;

  /** `new HTTPSConnection(host, port?, {timeout, source_address, context, blocksize})`. */
  constructor(host: string, port?: number | null, options?: HTTPSConnectionOptions);
  /** `new HTTPSConnection(host, {port, timeout, source_address, context, blocksize})`. */
  constructor(host: string, options: HTTPSConnectionOptions);
  /** `new HTTPSConnection({host, port, timeout, source_address, context, blocksize})`. */
  constructor(options: HTTPSConnectionOptions & { host: string });
  constructor(...args: unknown[]) {
    const { host, port, timeout, source_address, context, blocksize } = HTTPS_CONNECTION_INIT.bind(args);
    super(host, port, timeout as number | null, source_address, blocksize);
    // As in Python, only a context we create ourselves announces ALPN "http/1.1", and only for HTTP/1.1.
    const ctx = toContext(context);
    if (!(context instanceof SSLContext) && this._http_vsn === 11) ctx.set_alpn_protocols(["http/1.1"]);
    this._context = ctx;
  }

  /** Python's `connect()`: TCP, the tunnel if set, then the TLS handshake. */
  override async connect(): Promise<void> {
    await super.connect();
    const serverHostname = this._tunnel_host ?? this.host;
    const plain = this.sock!;
    if (!(plain instanceof HTTPSocket)) {
      // CPython would hand it to `context.wrap_socket()`; a fake socket has no TLS to start.
      throw new TypeError(`cannot start TLS over a ${typeName(plain)} object`);
    }
    const tcp = plain.conn as Deno.TcpConn;
    const opts = this._context.denoOptions(serverHostname);
    let tls: Deno.TlsConn;
    try {
      tls = await Deno.startTls(tcp, opts);
    } catch (e) {
      plain.forceClose();
      this.sock = null;
      throw tlsError(e, serverHostname);
    }
    try {
      await withTimeout(tls.handshake(), this.timeout);
    } catch (e) {
      try {
        tls.close();
      } catch { /* already closed */ }
      this.sock = null;
      if (e instanceof TimeoutError) throw e;
      throw tlsError(e, serverHostname);
    }
    this.sock = new HTTPSocket(tls, this.timeout);
  }
}

/** `send(data)` over a Python-style socket object: one `sendall` per block, as CPython's `send()`. */
async function sendPy(
  sock: PySocket,
  data: RequestBody,
  blocksize: number,
  debuglevel: number,
): Promise<void> {
  if (isReadable(data)) {
    if (debuglevel > 0) print("sending a readable");
    for await (const block of readableChunks(data, blocksize, debuglevel)) await sock.sendall(asBytes(block));
    return;
  }
  const bytes = asByteView(data);
  if (bytes) {
    await sock.sendall(asBytes(bytes));
    return;
  }
  if (typeof data === "string") throw new TypeError("a bytes-like object is required, not 'str'");
  if (isIterable(data)) {
    for await (const d of iterChunks(data)) await sock.sendall(asBytes(chunkBytes(d, false)));
    return;
  }
  throw new TypeError(
    `data should be a bytes-like object or an iterable, got <class '${typeName(data)}'>`,
  );
}

const SEND_METHOD = HTTPConnection.prototype.send;
const ENCODE_REQUEST_METHOD = HTTPConnection.prototype._encode_request;
const PUTREQUEST_METHOD = HTTPConnection.prototype.putrequest;
const PUTHEADER_METHOD = HTTPConnection.prototype.putheader;
const ENDHEADERS_METHOD = HTTPConnection.prototype.endheaders;

/** `http.client.CONTINUE`: `HTTPStatus.CONTINUE` (100). */
export const CONTINUE: HTTPStatus = HTTPStatus.CONTINUE;
/** `http.client.SWITCHING_PROTOCOLS`: `HTTPStatus.SWITCHING_PROTOCOLS` (101). */
export const SWITCHING_PROTOCOLS: HTTPStatus = HTTPStatus.SWITCHING_PROTOCOLS;
/** `http.client.PROCESSING`: `HTTPStatus.PROCESSING` (102). */
export const PROCESSING: HTTPStatus = HTTPStatus.PROCESSING;
/** `http.client.EARLY_HINTS`: `HTTPStatus.EARLY_HINTS` (103). */
export const EARLY_HINTS: HTTPStatus = HTTPStatus.EARLY_HINTS;
/** `http.client.OK`: `HTTPStatus.OK` (200). */
export const OK: HTTPStatus = HTTPStatus.OK;
/** `http.client.CREATED`: `HTTPStatus.CREATED` (201). */
export const CREATED: HTTPStatus = HTTPStatus.CREATED;
/** `http.client.ACCEPTED`: `HTTPStatus.ACCEPTED` (202). */
export const ACCEPTED: HTTPStatus = HTTPStatus.ACCEPTED;
/** `http.client.NON_AUTHORITATIVE_INFORMATION`: `HTTPStatus.NON_AUTHORITATIVE_INFORMATION` (203). */
export const NON_AUTHORITATIVE_INFORMATION: HTTPStatus = HTTPStatus.NON_AUTHORITATIVE_INFORMATION;
/** `http.client.NO_CONTENT`: `HTTPStatus.NO_CONTENT` (204). */
export const NO_CONTENT: HTTPStatus = HTTPStatus.NO_CONTENT;
/** `http.client.RESET_CONTENT`: `HTTPStatus.RESET_CONTENT` (205). */
export const RESET_CONTENT: HTTPStatus = HTTPStatus.RESET_CONTENT;
/** `http.client.PARTIAL_CONTENT`: `HTTPStatus.PARTIAL_CONTENT` (206). */
export const PARTIAL_CONTENT: HTTPStatus = HTTPStatus.PARTIAL_CONTENT;
/** `http.client.MULTI_STATUS`: `HTTPStatus.MULTI_STATUS` (207). */
export const MULTI_STATUS: HTTPStatus = HTTPStatus.MULTI_STATUS;
/** `http.client.ALREADY_REPORTED`: `HTTPStatus.ALREADY_REPORTED` (208). */
export const ALREADY_REPORTED: HTTPStatus = HTTPStatus.ALREADY_REPORTED;
/** `http.client.IM_USED`: `HTTPStatus.IM_USED` (226). */
export const IM_USED: HTTPStatus = HTTPStatus.IM_USED;
/** `http.client.MULTIPLE_CHOICES`: `HTTPStatus.MULTIPLE_CHOICES` (300). */
export const MULTIPLE_CHOICES: HTTPStatus = HTTPStatus.MULTIPLE_CHOICES;
/** `http.client.MOVED_PERMANENTLY`: `HTTPStatus.MOVED_PERMANENTLY` (301). */
export const MOVED_PERMANENTLY: HTTPStatus = HTTPStatus.MOVED_PERMANENTLY;
/** `http.client.FOUND`: `HTTPStatus.FOUND` (302). */
export const FOUND: HTTPStatus = HTTPStatus.FOUND;
/** `http.client.SEE_OTHER`: `HTTPStatus.SEE_OTHER` (303). */
export const SEE_OTHER: HTTPStatus = HTTPStatus.SEE_OTHER;
/** `http.client.NOT_MODIFIED`: `HTTPStatus.NOT_MODIFIED` (304). */
export const NOT_MODIFIED: HTTPStatus = HTTPStatus.NOT_MODIFIED;
/** `http.client.USE_PROXY`: `HTTPStatus.USE_PROXY` (305). */
export const USE_PROXY: HTTPStatus = HTTPStatus.USE_PROXY;
/** `http.client.TEMPORARY_REDIRECT`: `HTTPStatus.TEMPORARY_REDIRECT` (307). */
export const TEMPORARY_REDIRECT: HTTPStatus = HTTPStatus.TEMPORARY_REDIRECT;
/** `http.client.PERMANENT_REDIRECT`: `HTTPStatus.PERMANENT_REDIRECT` (308). */
export const PERMANENT_REDIRECT: HTTPStatus = HTTPStatus.PERMANENT_REDIRECT;
/** `http.client.BAD_REQUEST`: `HTTPStatus.BAD_REQUEST` (400). */
export const BAD_REQUEST: HTTPStatus = HTTPStatus.BAD_REQUEST;
/** `http.client.UNAUTHORIZED`: `HTTPStatus.UNAUTHORIZED` (401). */
export const UNAUTHORIZED: HTTPStatus = HTTPStatus.UNAUTHORIZED;
/** `http.client.PAYMENT_REQUIRED`: `HTTPStatus.PAYMENT_REQUIRED` (402). */
export const PAYMENT_REQUIRED: HTTPStatus = HTTPStatus.PAYMENT_REQUIRED;
/** `http.client.FORBIDDEN`: `HTTPStatus.FORBIDDEN` (403). */
export const FORBIDDEN: HTTPStatus = HTTPStatus.FORBIDDEN;
/** `http.client.NOT_FOUND`: `HTTPStatus.NOT_FOUND` (404). */
export const NOT_FOUND: HTTPStatus = HTTPStatus.NOT_FOUND;
/** `http.client.METHOD_NOT_ALLOWED`: `HTTPStatus.METHOD_NOT_ALLOWED` (405). */
export const METHOD_NOT_ALLOWED: HTTPStatus = HTTPStatus.METHOD_NOT_ALLOWED;
/** `http.client.NOT_ACCEPTABLE`: `HTTPStatus.NOT_ACCEPTABLE` (406). */
export const NOT_ACCEPTABLE: HTTPStatus = HTTPStatus.NOT_ACCEPTABLE;
/** `http.client.PROXY_AUTHENTICATION_REQUIRED`: `HTTPStatus.PROXY_AUTHENTICATION_REQUIRED` (407). */
export const PROXY_AUTHENTICATION_REQUIRED: HTTPStatus = HTTPStatus.PROXY_AUTHENTICATION_REQUIRED;
/** `http.client.REQUEST_TIMEOUT`: `HTTPStatus.REQUEST_TIMEOUT` (408). */
export const REQUEST_TIMEOUT: HTTPStatus = HTTPStatus.REQUEST_TIMEOUT;
/** `http.client.CONFLICT`: `HTTPStatus.CONFLICT` (409). */
export const CONFLICT: HTTPStatus = HTTPStatus.CONFLICT;
/** `http.client.GONE`: `HTTPStatus.GONE` (410). */
export const GONE: HTTPStatus = HTTPStatus.GONE;
/** `http.client.LENGTH_REQUIRED`: `HTTPStatus.LENGTH_REQUIRED` (411). */
export const LENGTH_REQUIRED: HTTPStatus = HTTPStatus.LENGTH_REQUIRED;
/** `http.client.PRECONDITION_FAILED`: `HTTPStatus.PRECONDITION_FAILED` (412). */
export const PRECONDITION_FAILED: HTTPStatus = HTTPStatus.PRECONDITION_FAILED;
/** `http.client.CONTENT_TOO_LARGE`: `HTTPStatus.CONTENT_TOO_LARGE` (413). */
export const CONTENT_TOO_LARGE: HTTPStatus = HTTPStatus.CONTENT_TOO_LARGE;
/** `http.client.REQUEST_ENTITY_TOO_LARGE`: `HTTPStatus.REQUEST_ENTITY_TOO_LARGE` (413). */
export const REQUEST_ENTITY_TOO_LARGE: HTTPStatus = HTTPStatus.REQUEST_ENTITY_TOO_LARGE;
/** `http.client.URI_TOO_LONG`: `HTTPStatus.URI_TOO_LONG` (414). */
export const URI_TOO_LONG: HTTPStatus = HTTPStatus.URI_TOO_LONG;
/** `http.client.REQUEST_URI_TOO_LONG`: `HTTPStatus.REQUEST_URI_TOO_LONG` (414). */
export const REQUEST_URI_TOO_LONG: HTTPStatus = HTTPStatus.REQUEST_URI_TOO_LONG;
/** `http.client.UNSUPPORTED_MEDIA_TYPE`: `HTTPStatus.UNSUPPORTED_MEDIA_TYPE` (415). */
export const UNSUPPORTED_MEDIA_TYPE: HTTPStatus = HTTPStatus.UNSUPPORTED_MEDIA_TYPE;
/** `http.client.RANGE_NOT_SATISFIABLE`: `HTTPStatus.RANGE_NOT_SATISFIABLE` (416). */
export const RANGE_NOT_SATISFIABLE: HTTPStatus = HTTPStatus.RANGE_NOT_SATISFIABLE;
/** `http.client.REQUESTED_RANGE_NOT_SATISFIABLE`: `HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE` (416). */
export const REQUESTED_RANGE_NOT_SATISFIABLE: HTTPStatus = HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
/** `http.client.EXPECTATION_FAILED`: `HTTPStatus.EXPECTATION_FAILED` (417). */
export const EXPECTATION_FAILED: HTTPStatus = HTTPStatus.EXPECTATION_FAILED;
/** `http.client.IM_A_TEAPOT`: `HTTPStatus.IM_A_TEAPOT` (418). */
export const IM_A_TEAPOT: HTTPStatus = HTTPStatus.IM_A_TEAPOT;
/** `http.client.MISDIRECTED_REQUEST`: `HTTPStatus.MISDIRECTED_REQUEST` (421). */
export const MISDIRECTED_REQUEST: HTTPStatus = HTTPStatus.MISDIRECTED_REQUEST;
/** `http.client.UNPROCESSABLE_CONTENT`: `HTTPStatus.UNPROCESSABLE_CONTENT` (422). */
export const UNPROCESSABLE_CONTENT: HTTPStatus = HTTPStatus.UNPROCESSABLE_CONTENT;
/** `http.client.UNPROCESSABLE_ENTITY`: `HTTPStatus.UNPROCESSABLE_ENTITY` (422). */
export const UNPROCESSABLE_ENTITY: HTTPStatus = HTTPStatus.UNPROCESSABLE_ENTITY;
/** `http.client.LOCKED`: `HTTPStatus.LOCKED` (423). */
export const LOCKED: HTTPStatus = HTTPStatus.LOCKED;
/** `http.client.FAILED_DEPENDENCY`: `HTTPStatus.FAILED_DEPENDENCY` (424). */
export const FAILED_DEPENDENCY: HTTPStatus = HTTPStatus.FAILED_DEPENDENCY;
/** `http.client.TOO_EARLY`: `HTTPStatus.TOO_EARLY` (425). */
export const TOO_EARLY: HTTPStatus = HTTPStatus.TOO_EARLY;
/** `http.client.UPGRADE_REQUIRED`: `HTTPStatus.UPGRADE_REQUIRED` (426). */
export const UPGRADE_REQUIRED: HTTPStatus = HTTPStatus.UPGRADE_REQUIRED;
/** `http.client.PRECONDITION_REQUIRED`: `HTTPStatus.PRECONDITION_REQUIRED` (428). */
export const PRECONDITION_REQUIRED: HTTPStatus = HTTPStatus.PRECONDITION_REQUIRED;
/** `http.client.TOO_MANY_REQUESTS`: `HTTPStatus.TOO_MANY_REQUESTS` (429). */
export const TOO_MANY_REQUESTS: HTTPStatus = HTTPStatus.TOO_MANY_REQUESTS;
/** `http.client.REQUEST_HEADER_FIELDS_TOO_LARGE`: `HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE` (431). */
export const REQUEST_HEADER_FIELDS_TOO_LARGE: HTTPStatus = HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
/** `http.client.UNAVAILABLE_FOR_LEGAL_REASONS`: `HTTPStatus.UNAVAILABLE_FOR_LEGAL_REASONS` (451). */
export const UNAVAILABLE_FOR_LEGAL_REASONS: HTTPStatus = HTTPStatus.UNAVAILABLE_FOR_LEGAL_REASONS;
/** `http.client.INTERNAL_SERVER_ERROR`: `HTTPStatus.INTERNAL_SERVER_ERROR` (500). */
export const INTERNAL_SERVER_ERROR: HTTPStatus = HTTPStatus.INTERNAL_SERVER_ERROR;
/** `http.client.NOT_IMPLEMENTED`: `HTTPStatus.NOT_IMPLEMENTED` (501). */
export const NOT_IMPLEMENTED: HTTPStatus = HTTPStatus.NOT_IMPLEMENTED;
/** `http.client.BAD_GATEWAY`: `HTTPStatus.BAD_GATEWAY` (502). */
export const BAD_GATEWAY: HTTPStatus = HTTPStatus.BAD_GATEWAY;
/** `http.client.SERVICE_UNAVAILABLE`: `HTTPStatus.SERVICE_UNAVAILABLE` (503). */
export const SERVICE_UNAVAILABLE: HTTPStatus = HTTPStatus.SERVICE_UNAVAILABLE;
/** `http.client.GATEWAY_TIMEOUT`: `HTTPStatus.GATEWAY_TIMEOUT` (504). */
export const GATEWAY_TIMEOUT: HTTPStatus = HTTPStatus.GATEWAY_TIMEOUT;
/** `http.client.HTTP_VERSION_NOT_SUPPORTED`: `HTTPStatus.HTTP_VERSION_NOT_SUPPORTED` (505). */
export const HTTP_VERSION_NOT_SUPPORTED: HTTPStatus = HTTPStatus.HTTP_VERSION_NOT_SUPPORTED;
/** `http.client.VARIANT_ALSO_NEGOTIATES`: `HTTPStatus.VARIANT_ALSO_NEGOTIATES` (506). */
export const VARIANT_ALSO_NEGOTIATES: HTTPStatus = HTTPStatus.VARIANT_ALSO_NEGOTIATES;
/** `http.client.INSUFFICIENT_STORAGE`: `HTTPStatus.INSUFFICIENT_STORAGE` (507). */
export const INSUFFICIENT_STORAGE: HTTPStatus = HTTPStatus.INSUFFICIENT_STORAGE;
/** `http.client.LOOP_DETECTED`: `HTTPStatus.LOOP_DETECTED` (508). */
export const LOOP_DETECTED: HTTPStatus = HTTPStatus.LOOP_DETECTED;
/** `http.client.NOT_EXTENDED`: `HTTPStatus.NOT_EXTENDED` (510). */
export const NOT_EXTENDED: HTTPStatus = HTTPStatus.NOT_EXTENDED;
/** `http.client.NETWORK_AUTHENTICATION_REQUIRED`: `HTTPStatus.NETWORK_AUTHENTICATION_REQUIRED` (511). */
export const NETWORK_AUTHENTICATION_REQUIRED: HTTPStatus = HTTPStatus.NETWORK_AUTHENTICATION_REQUIRED;
