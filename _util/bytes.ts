/**
 * Python's `bytes`: a `Uint8Array` subclass with `.decode()`, a Python
 * repr, and the `b` tagged template for literals.
 *
 * @module
 */

import { decode } from "./codecs.ts";
import { TypeError } from "./exceptions.ts";
import { pyrepr, reprBytes, showAsRepr } from "./repr.ts";

/**
 * Bytes as our APIs return them: a `Uint8Array` that also has Python's
 * `decode()`, and prints as `b'...'`.
 *
 * @example
 * ```ts
 * import { Bytes } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * const data = new Bytes([0x68, 0x69]);
 * assert.equal(data.decode(), "hi");
 * ```
 */
export class Bytes extends Uint8Array {
  /**
   * Python's `bytes.decode(encoding='utf-8', errors='strict')`.
   *
   * @param encoding a Python codec name
   * @param errors a Python error handler name
   * @returns the decoded text
   */
  decode(encoding: string = "utf-8", errors: string = "strict"): string {
    return decode(this, encoding, errors);
  }
  /** Python's `repr()`: `b'...'`. */
  [pyrepr](): string {
    return reprBytes(this);
  }
  /** The same as Python's `str(b)`: its repr. */
  override toString(): string {
    return reprBytes(this);
  }
}
showAsRepr(Bytes);

/** View any byte array as {@link Bytes} without copying. */
export function asBytes(data: Uint8Array): Bytes {
  if (data instanceof Bytes) return data;
  return new Bytes(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
}

const enc = new TextEncoder();

/** Join byte arrays into one {@link Bytes}. */
export function concatBytes(parts: readonly Uint8Array[]): Bytes {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Bytes(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/**
 * The bytes literal: ``b`Hello` `` is Python's `b"Hello"`.
 *
 * Escapes work as in Python literals (``b`\x00\r\n` ``). A literal may only
 * hold ASCII characters (Python's rule); interpolated values may be bytes
 * (inserted as they are), numbers, or strings (UTF-8 encoded).
 *
 * @example
 * ```ts
 * import { b } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.deepEqual([...b`Hi\x00`], [72, 105, 0]);
 * assert.equal(b`Hello`.decode(), "Hello");
 * ```
 */
export function b(strings: TemplateStringsArray, ...values: unknown[]): Bytes {
  const parts: Uint8Array[] = [];
  strings.forEach((cooked, i) => {
    const raw = strings.raw[i];
    for (let k = 0; k < raw.length; k++) {
      if (raw.charCodeAt(k) > 0x7f) {
        throw new TypeError("bytes can only contain ASCII literal characters");
      }
    }
    if (cooked === undefined) throw new TypeError("invalid escape in bytes literal");
    const chunk = new Uint8Array(cooked.length);
    for (let k = 0; k < cooked.length; k++) {
      const c = cooked.charCodeAt(k);
      if (c > 0xff) throw new TypeError("bytes can only contain ASCII literal characters");
      chunk[k] = c;
    }
    parts.push(chunk);
    if (i < values.length) {
      const v = values[i];
      if (v instanceof Uint8Array) parts.push(v);
      else parts.push(enc.encode(String(v)));
    }
  });
  return concatBytes(parts);
}
