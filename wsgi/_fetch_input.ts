/**
 * `wsgi.input` for {@link fetch_handler}: the body of a fetch `Request` as a
 * Python-style byte stream (`read`, `readline`, `readlines`, iteration),
 * read from the network as the application asks for it, never past
 * `CONTENT_LENGTH` and never past `max_body`.
 *
 * @module
 */

import { Bytes } from "../_util/bytes.ts";
import { BufferedReader, type ByteSource, iterLines, readLines } from "../_util/stream.ts";
import { ValueError } from "../_util/exceptions.ts";
import type { InputStream } from "./types.ts";

const EMPTY = new Bytes(0);

/** A `ByteSource` over a body stream, ending after `limit` bytes. */
class BodySource implements ByteSource {
  #reader: ReadableStreamDefaultReader<Uint8Array>;
  #chunk: Uint8Array = EMPTY;
  #remaining: number;
  #max: number;
  #seen = 0;

  constructor(body: ReadableStream<Uint8Array>, limit: number, max: number) {
    this.#reader = body.getReader();
    this.#remaining = limit;
    this.#max = max;
  }

  async read(p: Uint8Array): Promise<number | null> {
    if (this.#remaining <= 0) return null;
    if (this.#chunk.length === 0) {
      const { value, done } = await this.#reader.read();
      if (done || value === undefined) return null;
      this.#chunk = value;
      this.#seen += value.length;
      if (this.#seen > this.#max) {
        void this.#reader.cancel().catch(() => {});
        throw new ValueError(`request body larger than max_body (${this.#max} bytes)`);
      }
    }
    const n = Math.min(p.length, this.#chunk.length, this.#remaining);
    p.set(this.#chunk.subarray(0, n));
    this.#chunk = this.#chunk.subarray(n);
    this.#remaining -= n;
    return n;
  }
}

/**
 * The request body as `wsgi.input`. Nothing is read (or allocated) until the
 * application reads; reads stop at `limit` bytes (the `Content-Length`, or
 * everything when it is absent) and fail past `max` bytes.
 */
export class RequestInput implements InputStream {
  #request: Request;
  #limit: number;
  #max: number;
  #reader: BufferedReader | null = null;

  constructor(request: Request, limit: number, max: number) {
    this.#request = request;
    this.#limit = limit;
    this.#max = max;
  }

  #buffered(): BufferedReader | null {
    if (this.#reader === null) {
      const body = this.#request.body; // taken on the first read only
      if (body === null) return null;
      this.#reader = new BufferedReader(new BodySource(body, this.#limit, this.#max), 16384);
    }
    return this.#reader;
  }

  /** Read up to `size` bytes (all that is left when `size` is negative or absent). */
  read(size: number = -1): Promise<Uint8Array> {
    const r = this.#buffered();
    return r === null ? Promise.resolve(EMPTY) : r.read(size ?? -1);
  }

  /** Read one line (with its `\n`), at most `size` bytes. */
  readline(size: number = -1): Promise<Uint8Array> {
    const r = this.#buffered();
    return r === null ? Promise.resolve(EMPTY) : r.readline(size ?? -1);
  }

  /** Read the remaining lines; stop once `hint` bytes were read (when given and positive). */
  readlines(hint: number = -1): Promise<Uint8Array[]> {
    return readLines(() => this.readline(), hint);
  }

  /** `for await (const line of environ["wsgi.input"])`. */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return iterLines(() => this.readline());
  }
}
