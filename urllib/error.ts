/**
 * Python's `urllib.error`: `URLError`, `HTTPError` and `ContentTooShortError`.
 *
 * ```python
 * try:
 *     urllib.request.urlopen("http://127.0.0.1:8000/missing")
 * except urllib.error.HTTPError as e:
 *     print(e.code, e.reason, e.read())
 * ```
 *
 * ```ts ignore
 * import { urlopen } from "@pyweb/std/urllib/request";
 * import { HTTPError } from "@pyweb/std/urllib/error";
 * try {
 *   await urlopen("http://127.0.0.1:8000/missing");
 * } catch (e) {
 *   if (!(e instanceof HTTPError)) throw e;
 *   console.log(e.code, e.reason, await e.read());
 * }
 * ```
 *
 * @module
 */

import { Bytes } from "../_util/bytes.ts";
import { OSError } from "../_util/exceptions.ts";
import type { HTTPMessage } from "../_util/message.ts";
import { pyrepr, pystr, repr, str } from "../_util/repr.ts";
import { type Keywords, Signature } from "../_util/signature.ts";
import { addinfourl, objectId, type ReadableFile } from "./response.ts";

const URLERROR_INIT = new Signature<{ reason: unknown; filename: unknown }>(
  "URLError.__init__",
  ["self", "reason", "filename"],
  { filename: null },
);

/**
 * Python's `URLError(reason, filename=None)`; `str()` is `<urlopen error reason>`.
 *
 * @example
 * ```ts
 * import { URLError } from "@pyweb/std/urllib/error";
 * import assert from "node:assert/strict";
 * const e = new URLError("unknown url type: foo");
 * assert.equal(String(e), "<urlopen error unknown url type: foo>");
 * assert.equal(e.reason, "unknown url type: foo");
 * ```
 */
export class URLError extends OSError {
  declare private _reason: unknown;
  /**
   * Create the object, with Python's constructor arguments.
   * @param reason a message or the exception that caused it
   * @param filename the file or URL involved
   */
  constructor(reason: unknown, filename?: unknown);
  /** Create the object, with keyword arguments. */
  constructor(kwargs: { reason: unknown; filename?: unknown });
  constructor(...args: unknown[]) {
    const { reason, filename } = URLERROR_INIT.bind(args);
    super(reason);
    this._reason = reason;
    this.args = [reason];
    if (filename !== null && filename !== undefined) this.filename = filename;
    this.message = this[pystr]();
  }
  /** Why the URL could not be opened: a string or the underlying exception. */
  get reason(): unknown {
    return this._reason;
  }
  set reason(v: unknown) {
    this._reason = v;
  }
  /** Python's `str(e)`. */
  override [pystr](): string {
    return `<urlopen error ${str(this.reason)}>`;
  }
}

/** The `io.BytesIO()` CPython gives an `HTTPError` made with `fp=None` (gh-98778). */
class EmptyFile implements ReadableFile {
  closed = false;
  [pyrepr](): string {
    return `<_io.BytesIO object at ${objectId(this)}>`;
  }
  read(): Promise<Uint8Array> {
    return Promise.resolve(new Bytes(0));
  }
  readline(): Promise<Uint8Array> {
    return Promise.resolve(new Bytes(0));
  }
  close(): void {
    this.closed = true;
  }
}

const HTTPERROR_INIT = new Signature<
  { url: string; code: number; msg: string; hdrs: HTTPMessage | null; fp: ReadableFile | null }
>("HTTPError.__init__", ["self", "url", "code", "msg", "hdrs", "fp"], {}, ["hdrs"]);

/**
 * Python's `HTTPError(url, code, msg, hdrs, fp)`: raised for non-2xx
 * responses, and itself a response (`read()`, `headers`, `status`).
 *
 * @example
 * ```ts
 * import { HTTPError } from "@pyweb/std/urllib/error";
 * import assert from "node:assert/strict";
 * const e = new HTTPError("http://x/", 404, "Not Found", null, null);
 * assert.equal(String(e), "HTTP Error 404: Not Found");
 * assert.equal(e.reason, "Not Found");
 * assert.equal(e.status, 404);
 * assert.equal((await e.read()).length, 0);
 * ```
 */
export class HTTPError extends URLError implements AsyncIterable<Bytes> {
  /** The HTTP status code. */
  code: number;
  /** The reason phrase. */
  msg: string;
  /** The response headers. */
  hdrs: HTTPMessage;
  /** The response body file (an empty one when made with `fp=null`, as CPython's gh-98778). */
  fp: ReadableFile;
  #resp: addinfourl;

  /**
   * Create the object, with Python's constructor arguments.
   * @param url the URL that failed
   * @param code the status code
   * @param msg the reason phrase
   * @param hdrs the response headers
   * @param fp the response body (or `null`)
   */
  constructor(url: string, code: number, msg: string, hdrs: HTTPMessage | null, fp: ReadableFile | null);
  /** Create the object, with keyword arguments after some positional ones (`kw()`: hdrs may be a dict). */
  constructor(
    url: string,
    code: number,
    msg: string,
    kwargs: Keywords<{ hdrs: HTTPMessage | null; fp: ReadableFile | null }>,
  );
  /** Create the object, with keyword arguments. */
  constructor(
    kwargs: { url: string; code: number; msg: string; hdrs: HTTPMessage | null; fp: ReadableFile | null },
  );
  constructor(...args: unknown[]) {
    const { url, code, msg, hdrs, fp } = HTTPERROR_INIT.bind(args);
    super(msg);
    this.code = code;
    this.msg = msg;
    this.hdrs = hdrs as HTTPMessage;
    this.fp = fp ?? new EmptyFile();
    this.filename = url;
    // CPython's HTTPError.__init__ does not call URLError's, so its args stay ().
    this.args = [];
    this.#resp = new addinfourl(this.fp, hdrs as HTTPMessage, url, code);
    this.message = this[pystr]();
  }
  /** The reason phrase (Python's `reason` property). */
  override get reason(): string {
    return this.msg;
  }
  override set reason(v: unknown) {
    this.msg = v as string;
  }
  /** The response headers. */
  get headers(): HTTPMessage {
    return this.hdrs;
  }
  set headers(h: HTTPMessage) {
    this.hdrs = h;
  }
  /** The status code. */
  get status(): number {
    return this.code;
  }
  /** The URL. */
  get url(): string {
    return String(this.filename);
  }
  /**
   * Python's `getcode()`.
   * @returns the status code
   */
  getcode(): number {
    return this.code;
  }
  /**
   * Python's `geturl()`.
   * @returns the URL
   */
  geturl(): string {
    return this.url;
  }
  /**
   * Python's `info()`.
   * @returns the response headers
   */
  info(): HTTPMessage {
    return this.hdrs;
  }
  /**
   * Read the error body.
   * @param n how many bytes at most; all when negative
   * @returns the bytes
   */
  read(n: number = -1): Promise<Bytes> {
    return this.#resp.read(n);
  }
  /**
   * Read one line of the error body.
   * @param limit the longest line; no limit when negative
   * @returns the line
   */
  readline(limit: number = -1): Promise<Bytes> {
    return this.#resp.readline(limit);
  }
  /**
   * Read the remaining lines of the error body.
   * @returns the lines
   */
  readlines(): Promise<Bytes[]> {
    return this.#resp.readlines();
  }
  /** Iterate over the lines of the body. */
  [Symbol.asyncIterator](): AsyncGenerator<Bytes> {
    return this.#resp[Symbol.asyncIterator]();
  }
  /** Close the body. */
  close(): void {
    this.#resp.close();
  }
  /** True once the body is closed. */
  get closed(): boolean {
    return this.#resp.closed;
  }
  /** `await using e = …` closes the body. */
  [Symbol.asyncDispose](): Promise<void> {
    this.close();
    return Promise.resolve();
  }
  /** Python's `str(e)`: `HTTP Error 404: Not Found`. */
  override [pystr](): string {
    return `HTTP Error ${str(this.code)}: ${str(this.msg)}`;
  }
  /** Python's `repr(e)`: `<HTTPError 404: 'Not Found'>`. */
  override [pyrepr](): string {
    return `<HTTPError ${str(this.code)}: ${repr(this.msg)}>`;
  }
}

const CONTENTTOOSHORTERROR_INIT = new Signature<{ message: string; content: unknown }>(
  "ContentTooShortError.__init__",
  ["self", "message", "content"],
);

/**
 * Python's `ContentTooShortError(message, content)`, raised by `urlretrieve()`
 * when fewer bytes arrive than `Content-Length` announced.
 *
 * @example
 * ```ts
 * import { ContentTooShortError, URLError } from "@pyweb/std/urllib/error";
 * import assert from "node:assert/strict";
 * const e = new ContentTooShortError("retrieval incomplete", ["f", null]);
 * assert.ok(e instanceof URLError);
 * assert.equal(String(e), "<urlopen error retrieval incomplete>");
 * ```
 */
export class ContentTooShortError extends URLError {
  /** What was downloaded: `(filename, headers)` for `urlretrieve`. */
  content: unknown;
  /**
   * Create the object, with Python's constructor arguments.
   * @param message the explanation
   * @param content the partial result
   */
  constructor(message: string, content: unknown);
  /** Create the object, with keyword arguments. */
  constructor(kwargs: { message: string; content: unknown });
  constructor(...args: unknown[]) {
    const { message, content } = CONTENTTOOSHORTERROR_INIT.bind(args);
    super(message);
    this.content = content;
  }
}
