/**
 * Python's `io.BytesIO` (reading side) with the async stream interface.
 *
 * @module
 */

import { Bytes } from "./bytes.ts";

const enc = new TextEncoder();

/**
 * Python's `io.BytesIO` for reading: bytes in memory behind the async
 * `read(n)` / `readline(limit)` / `readlines()` interface our streams share,
 * so it can stand where a socket or stdin is read (`wsgi.input`, a
 * `FieldStorage`'s `fp`).
 *
 * @example
 * ```ts
 * import { BytesIO } from "@pyweb/std/cgi";
 * import assert from "node:assert/strict";
 * const f = new BytesIO(new TextEncoder().encode("a\nb"));
 * assert.equal(new TextDecoder().decode(await f.readline()), "a\n");
 * assert.equal(new TextDecoder().decode(await f.read()), "b");
 * ```
 */
export class BytesIO {
  #data: Uint8Array;
  #pos = 0;
  /** Wrap `data` (copied by reference). */
  constructor(data: Uint8Array | string = new Uint8Array(0)) {
    this.#data = typeof data === "string" ? enc.encode(data) : data;
  }
  #take(n: number): Bytes {
    const out = new Bytes(this.#data.subarray(this.#pos, this.#pos + n));
    this.#pos += out.length;
    return out;
  }
  /** Read up to `size` bytes, or everything left. */
  read(size: number | null = -1): Promise<Bytes> {
    const left = this.#data.length - this.#pos;
    return Promise.resolve(this.#take(size === null || size < 0 ? left : Math.min(size, left)));
  }
  /** Read one line, at most `size` bytes. */
  readline(size: number | null = -1): Promise<Bytes> {
    const nl = this.#data.indexOf(10, this.#pos);
    let n = (nl < 0 ? this.#data.length : nl + 1) - this.#pos;
    if (size !== null && size >= 0) n = Math.min(n, size);
    return Promise.resolve(this.#take(n));
  }
  /** Every remaining line. */
  async readlines(_hint?: number): Promise<Bytes[]> {
    const out: Bytes[] = [];
    for (let line = await this.readline(); line.length; line = await this.readline()) out.push(line);
    return out;
  }
  /** Iterate over lines. */
  async *[Symbol.asyncIterator](): AsyncIterator<Bytes> {
    for (let line = await this.readline(); line.length; line = await this.readline()) yield line;
  }
  /** Python's `getvalue()`. */
  getvalue(): Bytes {
    return new Bytes(this.#data);
  }
}
