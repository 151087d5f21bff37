/**
 * Miscellaneous WSGI utilities, Python's `wsgiref.util`.
 *
 * ```python
 * from wsgiref.util import setup_testing_defaults, request_uri
 * env = {}
 * setup_testing_defaults(env)
 * print(request_uri(env))   # http://127.0.0.1/
 * ```
 *
 * ```ts
 * import { request_uri, setup_testing_defaults } from "@pyweb/std/wsgi/util";
 * const env = {};
 * setup_testing_defaults(env);
 * console.log(request_uri(env)); // http://127.0.0.1/
 * ```
 *
 * @module
 */

import { Bytes } from "../_util/bytes.ts";
import { IndexError, KeyError } from "../_util/exceptions.ts";
import { tuple } from "../_util/repr.ts";
import { BytesIO, StringIO } from "../io.ts";
import { quote } from "../urllib/parse.ts";
import { normpath } from "../_util/posixpath.ts";
import type { Readable, WSGIEnvironment } from "./types.ts";
import { type Keywords, Signature } from "../_util/signature.ts";
import { truthy } from "../_util/builtins.ts";
import { TypeError } from "../_util/exceptions.ts";

type EnvironArg = { environ: WSGIEnvironment };

const FILE_WRAPPER_INIT = new Signature<{ filelike: Readable | Deno.FsFile; blksize: number }>(
  "FileWrapper.__init__",
  ["self", "filelike", "blksize"],
  { blksize: 8192 },
  ["filelike"],
);

/**
 * Wrap a file-like object as a response body that reads it in blocks of
 * `blksize`: Python's `FileWrapper`. `filelike` is anything with a
 * Python-style `read(n)` (sync or async) or a `Deno.FsFile`; its `close()`
 * becomes the wrapper's `close()`, which the server calls after sending.
 *
 * As in CPython the wrapper is its own iterator (`w[Symbol.iterator]() === w`,
 * `[...w]`, `w.next()`), yielding what `read()` returns (bytes, or the `str`
 * chunks of a text file) until it returns something empty. A `read()` that
 * returns a Promise (and a `Deno.FsFile`, read without blocking) is iterated
 * with `for await`, which servers use.
 *
 * @example
 * ```ts
 * import { FileWrapper } from "@pyweb/std/wsgi/util";
 * import assert from "node:assert/strict";
 * let data = new TextEncoder().encode("abcdef");
 * const file = { read(n: number) { const c = data.subarray(0, n); data = data.subarray(n); return c; } };
 * const w = new FileWrapper(file, 4);
 * assert.equal(w[Symbol.iterator](), w);
 * assert.deepEqual([...w].map((c) => new TextDecoder().decode(c)), ["abcd", "ef"]);
 * ```
 */
export class FileWrapper implements Iterator<Bytes>, Iterable<Bytes>, AsyncIterable<Bytes> {
  /** The wrapped file. */
  filelike: Readable | Deno.FsFile;
  /** Bytes (or characters) per read. */
  blksize: number;
  /** The file's `close()`, when it has one. */
  declare close?: () => unknown;

  /**
   * Wrap `filelike`: Python's `FileWrapper(filelike, blksize=8192)`.
   * @param filelike the file to stream
   * @param blksize bytes per read (default 8192)
   */
  constructor(filelike: Readable | Deno.FsFile, blksize?: number);
  /** `FileWrapper(filelike, blksize=n)` with keywords. */
  constructor(filelike: Readable | Deno.FsFile, kwargs: { blksize?: number });
  /** `FileWrapper(filelike=f, blksize=n)`: keywords marked by `kw()`. */
  constructor(kwargs: Keywords<{ filelike: Readable | Deno.FsFile; blksize?: number }>);
  constructor(...args: unknown[]) {
    const { filelike, blksize } = FILE_WRAPPER_INIT.bind(args);
    this.filelike = filelike;
    this.blksize = blksize;
    const f = filelike as { close?: () => unknown };
    if (f !== null && f !== undefined && typeof f.close === "function") this.close = f.close.bind(filelike);
  }

  #chunk(data: unknown): IteratorResult<Bytes> {
    if (!truthy(data)) return { done: true, value: undefined };
    if (data instanceof Uint8Array && !(data instanceof Bytes)) data = new Bytes(data);
    return { done: false, value: data as Bytes };
  }

  /** Python's `__next__`: the next block; `done` once `read()` returns something empty. */
  next(): IteratorResult<Bytes> {
    const f = this.filelike;
    if (typeof Deno !== "undefined" && f instanceof Deno.FsFile) {
      const buf = new Bytes(this.blksize);
      const n = f.readSync(buf);
      return this.#chunk(n === null ? null : buf.subarray(0, n));
    }
    const data = (f as Readable).read(this.blksize);
    if (data instanceof Promise) {
      throw new TypeError("FileWrapper: filelike.read() returned a Promise; iterate with for await");
    }
    return this.#chunk(data);
  }

  /** Python's `__iter__`: the wrapper itself. */
  [Symbol.iterator](): this {
    return this;
  }

  /** Python's `__iter__`. */
  __iter__(): this {
    return this;
  }

  /** The next block, or an empty `Bytes` at end of file (Python's `StopIteration`); awaits an async `read()`. */
  async read_block(): Promise<Bytes> {
    const f = this.filelike;
    if (typeof Deno !== "undefined" && f instanceof Deno.FsFile) {
      const buf = new Bytes(this.blksize);
      const n = await f.read(buf);
      return n === null ? new Bytes(0) : buf.subarray(0, n) as Bytes;
    }
    const r = this.#chunk(await (f as Readable).read(this.blksize));
    return r.done ? new Bytes(0) : r.value;
  }

  /** Iterate the blocks of the file until it is exhausted, awaiting an async `read()`. */
  async *[Symbol.asyncIterator](): AsyncIterator<Bytes> {
    for (;;) {
      const data = await this.read_block();
      if (!data.length) return;
      yield data;
    }
  }
}

const GUESS_SCHEME = new Signature<EnvironArg>("guess_scheme", ["environ"], {}, ["environ"]);

/**
 * Guess `wsgi.url_scheme`: `"https"` when `HTTPS` is `yes`, `on` or `1`.
 *
 * @param environ the WSGI environ
 * @returns `"http"` or `"https"`
 * @example
 * ```ts
 * import { guess_scheme } from "@pyweb/std/wsgi/util";
 * import assert from "node:assert/strict";
 * assert.equal(guess_scheme({ HTTPS: "on" }), "https");
 * ```
 */
export function guess_scheme(environ: WSGIEnvironment): string;
/** `guess_scheme(environ=env)`: keywords marked by `kw()`. */
export function guess_scheme(kwargs: Keywords<{ environ: WSGIEnvironment }>): string;
export function guess_scheme(...args: unknown[]): string {
  return guessScheme(GUESS_SCHEME.bind(args).environ);
}

function guessScheme(environ: WSGIEnvironment): string {
  const v = environ["HTTPS"];
  return v === "yes" || v === "on" || v === "1" ? "https" : "http";
}

function need(environ: WSGIEnvironment, key: string): string {
  if (!(key in environ)) throw new KeyError(key);
  return environ[key] as string;
}

const APPLICATION_URI = new Signature<EnvironArg>("application_uri", ["environ"], {}, ["environ"]);

/**
 * The application's base URI, without `PATH_INFO` or `QUERY_STRING`.
 *
 * @param environ the WSGI environ
 * @returns e.g. `"http://127.0.0.1/"`
 * @example
 * ```ts
 * import { application_uri } from "@pyweb/std/wsgi/util";
 * import assert from "node:assert/strict";
 * const env = { "wsgi.url_scheme": "http", SERVER_NAME: "h", SERVER_PORT: "8080", SCRIPT_NAME: "/app" };
 * assert.equal(application_uri(env), "http://h:8080/app");
 * ```
 */
export function application_uri(environ: WSGIEnvironment): string;
/** `application_uri(environ=env)`: keywords marked by `kw()`. */
export function application_uri(kwargs: Keywords<{ environ: WSGIEnvironment }>): string;
export function application_uri(...args: unknown[]): string {
  return applicationUri(APPLICATION_URI.bind(args).environ);
}

function applicationUri(environ: WSGIEnvironment): string {
  const scheme = need(environ, "wsgi.url_scheme");
  let url = scheme + "://";
  if (environ["HTTP_HOST"]) {
    url += environ["HTTP_HOST"];
  } else {
    url += need(environ, "SERVER_NAME");
    const port = need(environ, "SERVER_PORT");
    if (scheme === "https") {
      if (port !== "443") url += ":" + port;
    } else if (port !== "80") url += ":" + port;
  }
  url += quote((environ["SCRIPT_NAME"] as string) || "/", { encoding: "latin1" });
  return url;
}

const REQUEST_URI = new Signature<{ environ: WSGIEnvironment; include_query: unknown }>(
  "request_uri",
  ["environ", "include_query"],
  { include_query: true },
  ["environ"],
);

/**
 * The full request URI, optionally with the query string.
 *
 * @param environ the WSGI environ
 * @param include_query add `?QUERY_STRING` when there is one (default true)
 * @returns the URI
 * @example
 * ```ts
 * import { request_uri, setup_testing_defaults } from "@pyweb/std/wsgi/util";
 * import assert from "node:assert/strict";
 * const env: Record<string, unknown> = { PATH_INFO: "/a b", QUERY_STRING: "x=1" };
 * setup_testing_defaults(env);
 * assert.equal(request_uri(env), "http://127.0.0.1/a%20b?x=1");
 * assert.equal(request_uri(env, false), "http://127.0.0.1/a%20b");
 * ```
 */
export function request_uri(environ: WSGIEnvironment, include_query?: unknown): string;
/** `request_uri(environ, include_query=False)` with keywords. */
export function request_uri(environ: WSGIEnvironment, kwargs: Keywords<{ include_query?: unknown }>): string;
/** `request_uri(environ=env, include_query=False)`: keywords marked by `kw()`. */
export function request_uri(kwargs: Keywords<{ environ: WSGIEnvironment; include_query?: unknown }>): string;
export function request_uri(...args: unknown[]): string {
  const { environ, include_query } = REQUEST_URI.bind(args);
  let url = applicationUri(environ);
  const pathInfo = quote((environ["PATH_INFO"] as string) ?? "", { safe: "/;=,", encoding: "latin1" });
  url += environ["SCRIPT_NAME"] ? pathInfo : pathInfo.slice(1);
  if (truthy(include_query) && environ["QUERY_STRING"]) url += "?" + environ["QUERY_STRING"];
  return url;
}

const SHIFT_PATH_INFO = new Signature<EnvironArg>("shift_path_info", ["environ"], {}, ["environ"]);

/**
 * Move one name from `PATH_INFO` to `SCRIPT_NAME` and return it (`null`
 * when `PATH_INFO` is empty). Modifies `environ` in place.
 *
 * @param environ the WSGI environ
 * @returns the shifted path segment, or `null`
 * @example
 * ```ts
 * import { shift_path_info } from "@pyweb/std/wsgi/util";
 * import assert from "node:assert/strict";
 * const env = { SCRIPT_NAME: "/a", PATH_INFO: "/b/c" };
 * assert.equal(shift_path_info(env), "b");
 * assert.deepEqual(env, { SCRIPT_NAME: "/a/b", PATH_INFO: "/c" });
 * ```
 */
export function shift_path_info(environ: WSGIEnvironment): string | null;
/** `shift_path_info(environ=env)`: keywords marked by `kw()`. */
export function shift_path_info(kwargs: Keywords<{ environ: WSGIEnvironment }>): string | null;
export function shift_path_info(...args: unknown[]): string | null {
  const { environ } = SHIFT_PATH_INFO.bind(args);
  const pathInfo = (environ["PATH_INFO"] as string) ?? "";
  if (!pathInfo) return null;
  const parts = pathInfo.split("/");
  if (parts.length < 2) throw new IndexError("list index out of range");
  const middle = parts.slice(1, -1).filter((p) => p && p !== ".");
  const rebuilt = [parts[0], ...middle, parts[parts.length - 1]];
  let name: string | null = rebuilt[1];
  rebuilt.splice(1, 1);
  let scriptName = normpath(((environ["SCRIPT_NAME"] as string) ?? "") + "/" + name);
  if (scriptName.endsWith("/")) scriptName = scriptName.slice(0, -1);
  if (!name && !scriptName.endsWith("/")) scriptName += "/";
  environ["SCRIPT_NAME"] = scriptName;
  environ["PATH_INFO"] = rebuilt.join("/");
  if (name === ".") name = null;
  return name;
}

function setdefault(env: WSGIEnvironment, key: string, value: unknown): void {
  if (!(key in env)) env[key] = value;
}

const SETUP_TESTING_DEFAULTS = new Signature<EnvironArg>("setup_testing_defaults", ["environ"], {}, [
  "environ",
]);

/**
 * Fill `environ` with placeholder values for testing: `SERVER_NAME`,
 * `HTTP_HOST`, `REQUEST_METHOD`, `PATH_INFO`, every `wsgi.*` entry, …
 * Existing values are kept.
 *
 * @param environ the environ to complete in place
 * @example
 * ```ts
 * import { setup_testing_defaults } from "@pyweb/std/wsgi/util";
 * import assert from "node:assert/strict";
 * const env: Record<string, unknown> = {};
 * setup_testing_defaults(env);
 * assert.equal(env.SERVER_PORT, "80");
 * assert.equal(env.PATH_INFO, "/");
 * ```
 */
export function setup_testing_defaults(environ: WSGIEnvironment): void;
/** `setup_testing_defaults(environ=env)`: keywords marked by `kw()`. */
export function setup_testing_defaults(kwargs: Keywords<{ environ: WSGIEnvironment }>): void;
export function setup_testing_defaults(...args: unknown[]): void {
  const { environ } = SETUP_TESTING_DEFAULTS.bind(args);
  setdefault(environ, "SERVER_NAME", "127.0.0.1");
  setdefault(environ, "SERVER_PROTOCOL", "HTTP/1.0");
  setdefault(environ, "HTTP_HOST", environ["SERVER_NAME"]);
  setdefault(environ, "REQUEST_METHOD", "GET");
  if (!("SCRIPT_NAME" in environ) && !("PATH_INFO" in environ)) {
    setdefault(environ, "SCRIPT_NAME", "");
    setdefault(environ, "PATH_INFO", "/");
  }
  setdefault(environ, "wsgi.version", tuple(1, 0));
  setdefault(environ, "wsgi.run_once", 0);
  setdefault(environ, "wsgi.multithread", 0);
  setdefault(environ, "wsgi.multiprocess", 0);
  setdefault(environ, "wsgi.input", new BytesIO());
  setdefault(environ, "wsgi.errors", new StringIO());
  setdefault(environ, "wsgi.url_scheme", guessScheme(environ));
  if (environ["wsgi.url_scheme"] === "http") setdefault(environ, "SERVER_PORT", "80");
  else if (environ["wsgi.url_scheme"] === "https") setdefault(environ, "SERVER_PORT", "443");
}

const HOPPISH = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailers",
  "transfer-encoding",
  "upgrade",
]);

const IS_HOP_BY_HOP = new Signature<{ header_name: string }>("is_hop_by_hop", ["header_name"]);

/**
 * Is `header_name` an HTTP/1.1 hop-by-hop header (`Connection`,
 * `Keep-Alive`, `Transfer-Encoding`, …)?
 *
 * @param header_name the header name, any case
 * @returns true for hop-by-hop headers
 * @example
 * ```ts
 * import { is_hop_by_hop } from "@pyweb/std/wsgi/util";
 * import assert from "node:assert/strict";
 * assert.equal(is_hop_by_hop("Connection"), true);
 * assert.equal(is_hop_by_hop("Content-Type"), false);
 * ```
 */
export function is_hop_by_hop(header_name: string): boolean;
/** `is_hop_by_hop(header_name=name)` with keywords. */
export function is_hop_by_hop(kwargs: { header_name: string }): boolean;
export function is_hop_by_hop(...args: unknown[]): boolean {
  return isHopByHop(IS_HOP_BY_HOP.bind(args).header_name);
}

/** `is_hop_by_hop` without argument binding, for the handlers. */
export function isHopByHop(header_name: string): boolean {
  return HOPPISH.has(header_name.toLowerCase());
}
