/**
 * The types of a WSGI application (PEP 3333), Python's `wsgiref.types`.
 *
 * ```python
 * from wsgiref.types import WSGIEnvironment, StartResponse
 * def app(environ: WSGIEnvironment, start_response: StartResponse):
 *     start_response("200 OK", [("Content-Type", "text/plain")])
 *     return [b"hello"]
 * ```
 *
 * ```ts
 * import type { StartResponse, WSGIEnvironment } from "@pyweb/std/wsgi/types";
 * import { b } from "@pyweb/std";
 * function app(environ: WSGIEnvironment, start_response: StartResponse) {
 *   start_response("200 OK", [["Content-Type", "text/plain"]]);
 *   return [b`hello`];
 * }
 * ```
 *
 * An application may be synchronous or `async`, and may return an array, a
 * generator, or an async iterable (an `async function*`) of byte chunks.
 * Reading the request body is `await environ["wsgi.input"].read(n)`.
 *
 * @example
 * ```ts
 * import type { WSGIApplication } from "@pyweb/std/wsgi/types";
 * import assert from "node:assert/strict";
 * const app: WSGIApplication = async function* (_environ, start_response) {
 *   start_response("200 OK", [["Content-Type", "text/plain"]]);
 *   yield new TextEncoder().encode("streamed");
 * };
 * assert.equal(typeof app, "function");
 * ```
 *
 * @module
 */

/**
 * `sys.exc_info()`-style triple given to `start_response` when an error
 * page replaces a response: `[ErrorClass, error, traceback]`. A bare
 * `Error` is accepted too.
 */
export type ExcInfo = readonly unknown[] | Error;

/** One response header: `[name, value]`, Python's `(name, value)` tuple. */
export type HeaderPair = [string, string] | readonly [string, string];

/**
 * The `write(data)` callable `start_response` returns. It queues `data`
 * at once (call it without `await` as in Python); the returned Promise
 * settles once the data reached the socket, for backpressure.
 */
export type WriteCallable = (data: Uint8Array) => void | Promise<void>;

/** The `start_response(status, headers, exc_info)` callable of PEP 3333. */
export type StartResponse = (
  status: string,
  headers: HeaderPair[],
  exc_info?: ExcInfo | null,
) => WriteCallable;

/** `wsgi.input`: the request body. Reads may return Promises (add `await`); an `io.BytesIO` reads synchronously. */
export interface InputStream {
  /** Read up to `size` bytes (everything to EOF without `size`). */
  read(size?: number): Uint8Array | Promise<Uint8Array>;
  /** Read one line, at most `size` bytes. */
  readline(size?: number): Uint8Array | Promise<Uint8Array>;
  /** Read all remaining lines. */
  readlines(hint?: number): Uint8Array[] | Promise<Uint8Array[]>;
  /** `for await (const line of environ["wsgi.input"])`. */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array>;
}

/** `wsgi.errors`: a text stream for error output. */
export interface ErrorStream {
  /** Flush buffered output. */
  flush(): unknown;
  /** Write a string. */
  write(s: string): unknown;
  /** Write every string of `seq`. */
  writelines(seq: Iterable<string>): unknown;
}

/** The WSGI environ: a plain object of CGI variables and `wsgi.*` entries. */
export type WSGIEnvironment = Record<string, unknown>;

/** A response body: any iterable or async iterable of byte chunks. */
export type WSGIBody = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * A WSGI application: `(environ, start_response)` returning a body, or a
 * Promise of one (an `async` application).
 */
export type WSGIApplication = (
  environ: WSGIEnvironment,
  start_response: StartResponse,
) => WSGIBody | Promise<WSGIBody>;

/** Something with a Python-style `read(size)` (sync or async) or a Deno file. */
export interface Readable {
  /** Read up to `size` bytes (or characters: a text file such as `io.StringIO` gives `str` chunks). */
  read(size: number): Uint8Array | string | null | Promise<Uint8Array | string | null>;
  /** Optional: release the file. */
  close?(): unknown;
}

/** `wsgi.file_wrapper`: builds a body from a file-like object. */
export type FileWrapper = new (file: Readable | Deno.FsFile, block_size?: number) => WSGIBody;
