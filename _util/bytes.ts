/**
 * Python's `bytes`: a `Uint8Array` subclass with `.decode()`, a Python
 * repr, and the `b` tagged template for literals.
 *
 * @module
 */

import { decode, encode } from "./codecs.ts";
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

/**
 * ISO-8859-1 text of `b[start:end]`: one UTF-16 code unit per byte, as
 * `bytes.decode("latin-1")` gives. Short runs (header lines) are built from
 * one array of codes, long ones from 8 KiB slices: never a string per byte.
 */
export function latin1Decode(b: Uint8Array, start = 0, end: number = b.length): string {
  const n = end - start;
  if (n <= 256) {
    const codes = new Array<number>(n);
    for (let i = 0; i < n; i++) codes[i] = b[start + i];
    return String.fromCharCode.apply(null, codes);
  }
  let s = "";
  for (let i = start; i < end; i += 8192) {
    s += String.fromCharCode.apply(null, b.subarray(i, Math.min(i + 8192, end)) as unknown as number[]);
  }
  return s;
}

/** The {@link Bytes} whose values are the code units of `s`, which the caller knows are all below 256. */
export function latin1Bytes(s: string): Bytes {
  const out = new Bytes(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * `s.encode(encoding)` for `"ascii"` or a Latin-1 name: a direct copy when
 * every code unit fits, otherwise the codec itself, for Python's exact
 * `UnicodeEncodeError`.
 */
export function encodeNarrow(s: string, encoding: string): Uint8Array {
  const max = encoding === "ascii" ? 0x7f : 0xff;
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > max) return encode(s, encoding);
    out[i] = c;
  }
  return out;
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
