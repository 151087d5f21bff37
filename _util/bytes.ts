/**
 * Python's `bytes`: a `Uint8Array` subclass with `.decode()`, a Python
 * repr, and the `b` tagged template for literals.
 *
 * @module
 */

import { decode, encode as encodeImpl } from "./codecs.ts";
import { TypeError, ValueError } from "./exceptions.ts";
import { pyrepr, reprBytes, showAsRepr, type Tuple, tuple } from "./repr.ts";
import { index, truthy, typeName } from "./builtins.ts";
import { Signature } from "./signature.ts";

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

  // ------------------------------------------------------------ searching

  /**
   * Python's `bytes.startswith(prefix, start=None, end=None)`; `prefix` may be an array of prefixes (a tuple).
   *
   * @param prefix the bytes, or a list of candidates
   * @param start where the slice starts (negative counts from the end)
   * @param end where the slice ends
   * @returns whether `self[start:end]` starts with it
   */
  startswith(
    prefix: Uint8Array | readonly Uint8Array[],
    start?: number | null,
    end?: number | null,
  ): boolean {
    return this.#tail("startswith", prefix, start, end, -1);
  }
  /**
   * Python's `bytes.endswith(suffix, start=None, end=None)`; `suffix` may be an array of suffixes.
   *
   * @param suffix the bytes, or a list of candidates
   * @param start where the slice starts
   * @param end where the slice ends
   * @returns whether `self[start:end]` ends with it
   */
  endswith(suffix: Uint8Array | readonly Uint8Array[], start?: number | null, end?: number | null): boolean {
    return this.#tail("endswith", suffix, start, end, 1);
  }
  #tail(name: string, sub: unknown, start: unknown, end: unknown, direction: number): boolean {
    const [s, e] = sliceIndices(start, end, this.length);
    if (Array.isArray(sub)) {
      for (const item of sub) {
        if (tailmatch(this, bytesArg(item), s, e, direction)) return true;
      }
      return false;
    }
    if (!isBytesLike(sub)) {
      throw new TypeError(`${name} first arg must be bytes or a tuple of bytes, not ${typeName(sub)}`);
    }
    return tailmatch(this, bytesArg(sub), s, e, direction);
  }
  /**
   * Python's `bytes.find(sub, start=None, end=None)`: the lowest index of
   * `sub` (bytes or a byte value), or -1. Called with a function, it is
   * `Uint8Array.prototype.find`.
   *
   * @param sub the bytes or byte value to look for
   * @param start where to start
   * @param end where to stop
   * @returns the index, or -1
   */
  override find(
    predicate: (value: number, index: number, obj: this) => unknown,
    thisArg?: unknown,
  ): number | undefined;
  /** Python's `bytes.find(sub, start=None, end=None)`. */
  override find(sub: Uint8Array | number, start?: number | null, end?: number | null): number;
  override find(...args: unknown[]): number | undefined {
    if (typeof args[0] === "function") {
      return Uint8Array.prototype.find.apply(this, args as Parameters<Uint8Array["find"]>);
    }
    return findImpl(this, args[0], args[1], args[2], 1);
  }
  /**
   * Python's `bytes.rfind(sub, start=None, end=None)`: the highest index, or -1.
   *
   * @param sub the bytes or byte value to look for
   * @param start where to start
   * @param end where to stop
   * @returns the index, or -1
   */
  rfind(sub: Uint8Array | number, start?: number | null, end?: number | null): number {
    return findImpl(this, sub, start, end, -1);
  }
  /**
   * Python's `bytes.index(sub, start=None, end=None)`: like {@link find}, but raises `ValueError`.
   *
   * @param sub the bytes or byte value to look for
   * @param start where to start
   * @param end where to stop
   * @returns the index
   */
  index(sub: Uint8Array | number, start?: number | null, end?: number | null): number {
    const i = findImpl(this, sub, start, end, 1);
    if (i < 0) throw new ValueError("subsection not found");
    return i;
  }
  /**
   * Python's `bytes.rindex(sub, start=None, end=None)`: like {@link rfind}, but raises `ValueError`.
   *
   * @param sub the bytes or byte value to look for
   * @param start where to start
   * @param end where to stop
   * @returns the index
   */
  rindex(sub: Uint8Array | number, start?: number | null, end?: number | null): number {
    const i = findImpl(this, sub, start, end, -1);
    if (i < 0) throw new ValueError("subsection not found");
    return i;
  }
  /**
   * Python's `bytes.count(sub, start=None, end=None)`: non-overlapping occurrences.
   *
   * @param sub the bytes or byte value
   * @param start where to start
   * @param end where to stop
   * @returns how many
   */
  count(sub: Uint8Array | number, start?: number | null, end?: number | null): number {
    const needle = needleArg(sub);
    const [s, e] = sliceIndices(start, end, this.length);
    if (e - s < needle.length) return 0;
    if (needle.length === 0) return e - s + 1;
    let n = 0;
    for (let i = indexOf(this, needle, s, e); i >= 0; i = indexOf(this, needle, i + needle.length, e)) n++;
    return n;
  }

  // ------------------------------------------------------------ splitting

  /**
   * Python's `bytes.split(sep=None, maxsplit=-1)`: without `sep`, split on
   * runs of ASCII whitespace and drop empty pieces.
   *
   * @param sep the separator, or `null` for whitespace
   * @param maxsplit at most this many splits (-1: no limit)
   * @returns the pieces
   */
  split(sep?: Uint8Array | null, maxsplit?: number): Bytes[];
  /** `split` with keyword arguments. */
  split(kwargs: { sep?: Uint8Array | null; maxsplit?: number }): Bytes[];
  split(...args: unknown[]): Bytes[] {
    const { sep, maxsplit } = SPLIT.bind(args);
    const max = intArg(maxsplit);
    const limit = max < 0 ? Infinity : max;
    const out: Bytes[] = [];
    if (sep === null || sep === undefined) {
      let i = 0;
      const n = this.length;
      while (true) {
        while (i < n && isSpace(this[i])) i++;
        if (i >= n) break;
        if (out.length >= limit) {
          out.push(copyOf(this, i, n)); // the rest, trailing whitespace kept
          break;
        }
        let j = i;
        while (j < n && !isSpace(this[j])) j++;
        out.push(copyOf(this, i, j));
        i = j;
      }
      return out;
    }
    const needle = bytesArg(sep);
    if (needle.length === 0) throw new ValueError("empty separator");
    let from = 0;
    while (out.length < limit) {
      const i = indexOf(this, needle, from, this.length);
      if (i < 0) break;
      out.push(copyOf(this, from, i));
      from = i + needle.length;
    }
    out.push(copyOf(this, from, this.length));
    return out;
  }
  /**
   * Python's `bytes.rsplit(sep=None, maxsplit=-1)`: like {@link split}, from the right.
   *
   * @param sep the separator, or `null` for whitespace
   * @param maxsplit at most this many splits
   * @returns the pieces, in order
   */
  rsplit(sep?: Uint8Array | null, maxsplit?: number): Bytes[];
  /** `rsplit` with keyword arguments. */
  rsplit(kwargs: { sep?: Uint8Array | null; maxsplit?: number }): Bytes[];
  rsplit(...args: unknown[]): Bytes[] {
    const { sep, maxsplit } = RSPLIT.bind(args);
    const max = intArg(maxsplit);
    const limit = max < 0 ? Infinity : max;
    const out: Bytes[] = [];
    if (sep === null || sep === undefined) {
      let j = this.length;
      while (true) {
        while (j > 0 && isSpace(this[j - 1])) j--;
        if (j <= 0) break;
        if (out.length >= limit) {
          out.push(copyOf(this, 0, j)); // the rest, leading whitespace kept
          break;
        }
        let i = j;
        while (i > 0 && !isSpace(this[i - 1])) i--;
        out.push(copyOf(this, i, j));
        j = i;
      }
      return out.reverse();
    }
    const needle = bytesArg(sep);
    if (needle.length === 0) throw new ValueError("empty separator");
    let to = this.length;
    while (out.length < limit) {
      const i = lastIndexOf(this, needle, 0, to);
      if (i < 0) break;
      out.push(copyOf(this, i + needle.length, to));
      to = i;
    }
    out.push(copyOf(this, 0, to));
    return out.reverse();
  }
  /**
   * Python's `bytes.splitlines(keepends=False)`: split at `\n`, `\r\n` and `\r`.
   *
   * @param keepends keep the line ends
   * @returns the lines
   */
  splitlines(keepends?: boolean): Bytes[];
  /** `splitlines` with keyword arguments. */
  splitlines(kwargs: { keepends?: boolean }): Bytes[];
  splitlines(...args: unknown[]): Bytes[] {
    const keep = truthy(SPLITLINES.bind(args).keepends);
    const out: Bytes[] = [];
    const n = this.length;
    let i = 0;
    while (i < n) {
      let j = i;
      while (j < n && this[j] !== 10 && this[j] !== 13) j++;
      let eol = j;
      if (j < n) eol = this[j] === 13 && this[j + 1] === 10 ? j + 2 : j + 1;
      out.push(copyOf(this, i, keep ? eol : j));
      i = eol;
    }
    return out;
  }
  /**
   * Python's `bytes.partition(sep)`: `(before, sep, after)` at the first `sep`.
   *
   * @param sep the separator
   * @returns the three parts, as a tuple
   */
  partition(sep: Uint8Array): Tuple<Bytes> {
    const needle = bytesArg(sep);
    if (needle.length === 0) throw new ValueError("empty separator");
    const i = indexOf(this, needle, 0, this.length);
    if (i < 0) return tuple(copyOf(this, 0, this.length), new Bytes(0), new Bytes(0));
    return tuple(
      copyOf(this, 0, i),
      copyOf(needle, 0, needle.length),
      copyOf(this, i + needle.length, this.length),
    );
  }
  /**
   * Python's `bytes.rpartition(sep)`: `(before, sep, after)` at the last `sep`.
   *
   * @param sep the separator
   * @returns the three parts, as a tuple
   */
  rpartition(sep: Uint8Array): Tuple<Bytes> {
    const needle = bytesArg(sep);
    if (needle.length === 0) throw new ValueError("empty separator");
    const i = lastIndexOf(this, needle, 0, this.length);
    if (i < 0) return tuple(new Bytes(0), new Bytes(0), copyOf(this, 0, this.length));
    return tuple(
      copyOf(this, 0, i),
      copyOf(needle, 0, needle.length),
      copyOf(this, i + needle.length, this.length),
    );
  }

  // ------------------------------------------------------------- trimming

  /**
   * Python's `bytes.strip(chars=None)`: drop leading and trailing bytes in
   * `chars` (ASCII whitespace by default).
   *
   * @param chars the bytes to drop
   * @returns the stripped bytes
   */
  strip(chars?: Uint8Array | null): Bytes {
    return this.#strip(chars, true, true);
  }
  /**
   * Python's `bytes.lstrip(chars=None)`.
   *
   * @param chars the bytes to drop
   * @returns the stripped bytes
   */
  lstrip(chars?: Uint8Array | null): Bytes {
    return this.#strip(chars, true, false);
  }
  /**
   * Python's `bytes.rstrip(chars=None)`.
   *
   * @param chars the bytes to drop
   * @returns the stripped bytes
   */
  rstrip(chars?: Uint8Array | null): Bytes {
    return this.#strip(chars, false, true);
  }
  #strip(chars: unknown, left: boolean, right: boolean): Bytes {
    let test: (c: number) => boolean = isSpace;
    if (chars !== null && chars !== undefined) {
      const set = new Uint8Array(256);
      for (const c of bytesArg(chars)) set[c] = 1;
      test = (c) => set[c] === 1;
    }
    let i = 0;
    let j = this.length;
    if (left) { while (i < j && test(this[i])) i++; }
    if (right) { while (j > i && test(this[j - 1])) j--; }
    return copyOf(this, i, j);
  }
  /**
   * Python's `bytes.removeprefix(prefix)`.
   *
   * @param prefix the bytes to remove from the start, if there
   * @returns the rest
   */
  removeprefix(prefix: Uint8Array): Bytes {
    const p = bytesArg(prefix);
    return tailmatch(this, p, 0, this.length, -1)
      ? copyOf(this, p.length, this.length)
      : copyOf(this, 0, this.length);
  }
  /**
   * Python's `bytes.removesuffix(suffix)`.
   *
   * @param suffix the bytes to remove from the end, if there
   * @returns the rest
   */
  removesuffix(suffix: Uint8Array): Bytes {
    const p = bytesArg(suffix);
    return p.length && tailmatch(this, p, 0, this.length, 1)
      ? copyOf(this, 0, this.length - p.length)
      : copyOf(this, 0, this.length);
  }

  // ------------------------------------------------------------- building

  /**
   * Python's `bytes.replace(old, new, count=-1)`.
   *
   * @param old what to replace
   * @param replacement what to put instead (Python's `new`)
   * @param count at most this many (-1: all)
   * @returns the new bytes
   */
  replace(old: Uint8Array, replacement: Uint8Array, count: number = -1): Bytes {
    const from = bytesArg(old);
    const to = bytesArg(replacement);
    const max = intArg(count);
    const limit = max < 0 ? Infinity : max;
    const parts: Uint8Array[] = [];
    let n = 0;
    if (from.length === 0) {
      let i = 0;
      for (; i <= this.length && n < limit; i++, n++) {
        parts.push(to);
        if (i < this.length) parts.push(this.subarray(i, i + 1));
      }
      if (i <= this.length) parts.push(this.subarray(i));
      return concatBytes(parts);
    }
    let pos = 0;
    while (n < limit) {
      const i = indexOf(this, from, pos, this.length);
      if (i < 0) break;
      parts.push(this.subarray(pos, i), to);
      pos = i + from.length;
      n++;
    }
    parts.push(this.subarray(pos));
    return concatBytes(parts);
  }
  /**
   * Python's `sep.join(iterable)`: the items (bytes-like) with this between
   * them. Called with a string or nothing, it is `Uint8Array.prototype.join`.
   *
   * @param iterable the byte strings to join
   * @returns the joined bytes
   */
  override join(separator?: string): string;
  /** Python's `sep.join(iterable)`. */
  override join(iterable: Iterable<Uint8Array>): Bytes;
  override join(arg?: unknown): string | Bytes {
    if (arg === undefined || typeof arg === "string") return Uint8Array.prototype.join.call(this, arg);
    const parts: Uint8Array[] = [];
    let i = 0;
    for (const item of arg as Iterable<unknown>) {
      if (!isBytesLike(item)) {
        throw new TypeError(`sequence item ${i}: expected a bytes-like object, ${typeName(item)} found`);
      }
      if (i > 0) parts.push(this);
      parts.push(bytesArg(item));
      i++;
    }
    return concatBytes(parts);
  }
  /**
   * Python's `b1 + b2 + ...`.
   *
   * @param others the bytes to append
   * @returns the concatenation
   */
  concat(...others: Uint8Array[]): Bytes {
    return concatBytes([this, ...others.map((o) => bytesArg(o))]);
  }
  /**
   * Python's `b * n`.
   *
   * @param n how many copies (0 or less: empty)
   * @returns the repeated bytes
   */
  repeat(n: number): Bytes {
    const k = Math.max(0, index(n));
    const out = new Bytes(this.length * k);
    for (let i = 0; i < k; i++) out.set(this, i * this.length);
    return out;
  }
  /** Python's `bytes.upper()` (ASCII letters only). @returns the new bytes */
  upper(): Bytes {
    return this.#map((c) => (c >= 97 && c <= 122 ? c - 32 : c));
  }
  /** Python's `bytes.lower()` (ASCII letters only). @returns the new bytes */
  lower(): Bytes {
    return this.#map((c) => (c >= 65 && c <= 90 ? c + 32 : c));
  }
  /** Python's `bytes.swapcase()`. @returns the new bytes */
  swapcase(): Bytes {
    return this.#map((c) => (c >= 97 && c <= 122 ? c - 32 : c >= 65 && c <= 90 ? c + 32 : c));
  }
  /** Python's `bytes.capitalize()`: first byte upper, the rest lower. @returns the new bytes */
  capitalize(): Bytes {
    return this.#map((c, i) =>
      i === 0 ? (c >= 97 && c <= 122 ? c - 32 : c) : (c >= 65 && c <= 90 ? c + 32 : c)
    );
  }
  /** Python's `bytes.title()`: each word's first letter upper, the rest lower. @returns the new bytes */
  title(): Bytes {
    let prevCased = false;
    return this.#map((c) => {
      const lower = c >= 97 && c <= 122;
      const upper = c >= 65 && c <= 90;
      let r = c;
      if (lower && !prevCased) r = c - 32;
      else if (upper && prevCased) r = c + 32;
      prevCased = lower || upper;
      return r;
    });
  }
  #map(f: (c: number, i: number) => number): Bytes {
    const out = new Bytes(this.length);
    for (let i = 0; i < this.length; i++) out[i] = f(this[i], i);
    return out;
  }

  // -------------------------------------------------------------- testing

  /** Python's `bytes.isdigit()`. @returns whether non-empty and all ASCII digits */
  isdigit(): boolean {
    return this.#all((c) => c >= 48 && c <= 57);
  }
  /** Python's `bytes.isalpha()`. @returns whether non-empty and all ASCII letters */
  isalpha(): boolean {
    return this.#all(isAlpha);
  }
  /** Python's `bytes.isalnum()`. @returns whether non-empty and all ASCII letters or digits */
  isalnum(): boolean {
    return this.#all((c) => isAlpha(c) || (c >= 48 && c <= 57));
  }
  /** Python's `bytes.isspace()`. @returns whether non-empty and all ASCII whitespace */
  isspace(): boolean {
    return this.#all(isSpace);
  }
  /** Python's `bytes.isascii()`. @returns whether every byte is below 128 (true when empty) */
  isascii(): boolean {
    for (const c of this) if (c > 127) return false;
    return true;
  }
  /** Python's `bytes.isupper()`. @returns whether there is a cased byte and none is lower case */
  isupper(): boolean {
    let cased = false;
    for (const c of this) {
      if (c >= 97 && c <= 122) return false;
      if (c >= 65 && c <= 90) cased = true;
    }
    return cased;
  }
  /** Python's `bytes.islower()`. @returns whether there is a cased byte and none is upper case */
  islower(): boolean {
    let cased = false;
    for (const c of this) {
      if (c >= 65 && c <= 90) return false;
      if (c >= 97 && c <= 122) cased = true;
    }
    return cased;
  }
  #all(f: (c: number) => boolean): boolean {
    if (this.length === 0) return false;
    for (const c of this) if (!f(c)) return false;
    return true;
  }

  // ------------------------------------------------------------------ hex

  /**
   * Python's `bytes.hex(sep=None, bytes_per_sep=1)`.
   *
   * @param sep a one-character separator between groups
   * @param bytes_per_sep group size; positive counts groups from the right, negative from the left
   * @returns the hex digits
   */
  hex(sep?: string | Uint8Array | null, bytes_per_sep: number = 1): string {
    const digits = "0123456789abcdef";
    let sepStr: string | null = null;
    if (sep !== null && sep !== undefined) {
      if (typeof sep !== "string" && !(sep instanceof Uint8Array)) {
        throw new TypeError(`object of type '${typeName(sep)}' has no len()`);
      }
      if (sep.length !== 1) throw new ValueError("sep must be length 1.");
      sepStr = typeof sep === "string" ? sep : String.fromCharCode(sep[0]);
      if (sepStr.charCodeAt(0) > 127) throw new ValueError("sep must be ASCII.");
    }
    const per = index(bytes_per_sep);
    let out = "";
    const n = this.length;
    const group = Math.abs(per);
    for (let i = 0; i < n; i++) {
      if (sepStr !== null && group > 0 && i > 0) {
        const boundary = per > 0 ? (n - i) % group === 0 : i % group === 0;
        if (boundary) out += sepStr;
      }
      out += digits[this[i] >> 4] + digits[this[i] & 15];
    }
    return out;
  }
  /**
   * Python's `bytes.fromhex(string)`: pairs of hex digits, whitespace allowed between pairs.
   *
   * @param string the hex text
   * @returns the bytes
   */
  static fromhex(string: string): Bytes {
    if (typeof string !== "string") {
      throw new TypeError(`fromhex() argument must be str, not ${typeName(string)}`);
    }
    const out: number[] = [];
    const n = string.length;
    let i = 0;
    while (i < n) {
      const c = string.charCodeAt(i);
      if (c === 32 || (c >= 9 && c <= 13)) {
        i++;
        continue;
      }
      const hi = hexValue(c);
      if (hi < 0) throw new ValueError(`non-hexadecimal number found in fromhex() arg at position ${i}`);
      const lo = i + 1 < n ? hexValue(string.charCodeAt(i + 1)) : -1;
      if (lo < 0) throw new ValueError(`non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
      out.push(hi * 16 + lo);
      i += 2;
    }
    return Bytes.from(out) as Bytes;
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

// Small Bytes are views into a shared slab, as Node's Buffer pool does: in Deno a typed array with its own
// buffer costs about 250 ns to allocate, a view about 20 ns. A slab is never reused, so a view is zero-filled
// and no two views overlap; only `.buffer` (which Python has no counterpart for) shows the sharing.
const POOL_SIZE = 8192;
// The slab (and one array over all of it, to copy into), and the next free byte, as one object's fields (a
// module-level let checks its initialisation on every use).
const pool = { slab: new ArrayBuffer(0), all: new Uint8Array(0), words: new Uint32Array(0), offset: 0 };

/** Start a new slab, with its byte and word views. */
function newSlab(): void {
  pool.slab = new ArrayBuffer(POOL_SIZE);
  pool.all = new Uint8Array(pool.slab);
  pool.words = new Uint32Array(pool.slab);
  pool.offset = 0;
}
newSlab();

/** The pool's offset for `n` more bytes, on a new slab when the current one has no room. */
function poolTake(n: number): number {
  if (pool.offset + n > POOL_SIZE) newSlab();
  const offset = pool.offset;
  pool.offset = offset + n;
  return offset;
}

/**
 * A new zero-filled {@link Bytes} of length `n`: a view into a shared slab when
 * small, its own buffer otherwise. Use it for results built in a hot path.
 */
export function allocBytes(n: number): Bytes {
  if (n > 256) return new Bytes(n);
  const offset = poolTake(n);
  return new Bytes(pool.slab, offset, n);
}

/** Python's empty bytes, one shared object as in CPython (`b'' is b''`); frozen, and no element to write. */
export const EMPTY_BYTES: Bytes = Object.freeze(new Bytes(0)) as Bytes;

/**
 * A copy of some bytes made by {@link copyBytes}, to cut results from: a result that is a run of its input
 * costs a view, not a copy of its own, and the copy itself is no array object.
 */
export class BytesCopy {
  /**
   * @param buffer the memory holding the copy
   * @param offset where in `buffer` the copy starts
   */
  constructor(readonly buffer: ArrayBuffer, readonly offset: number) {}
  /**
   * `copy[start:end]` as a {@link Bytes} sharing the copy's memory ({@link EMPTY_BYTES} when empty).
   *
   * @param start the first byte
   * @param end the byte after the last
   * @returns the view
   */
  view(start: number, end: number): Bytes {
    return start === end ? EMPTY_BYTES : new Bytes(this.buffer, this.offset + start, end - start);
  }
}

/** Are all of `b`'s bytes ASCII (Python's `b.isascii()`)? */
export function isAsciiBytes(b: Uint8Array): boolean {
  // OR four bytes a step and test once: no branch per byte (nothing to gain stopping early on short input).
  const n = b.length;
  let acc = 0, i = 0;
  for (; i + 4 <= n; i += 4) acc |= b[i] | b[i + 1] | b[i + 2] | b[i + 3];
  for (; i < n; i++) acc |= b[i];
  return acc < 0x80;
}

/**
 * {@link copyBytes} of bytes that must be ASCII (Python's `.decode('ascii')` of them would succeed), or null
 * when one is not. A pooled copy is checked through the slab's 32-bit view, four bytes a load, which costs
 * less than {@link isAsciiBytes} over `src`.
 */
export function copyAsciiBytes(src: Uint8Array): BytesCopy | null {
  const copy = copyBytes(src);
  if (copy.buffer !== pool.slab) return isAsciiBytes(src) ? copy : null; // its own buffer (over 256 bytes)
  const all = pool.all, offset = copy.offset, end = offset + src.length;
  let acc = 0, i = offset;
  while (i < end && (i & 3) !== 0) acc |= all[i++];
  const words = pool.words;
  const lastWord = end >> 2;
  for (let w = i >> 2; w < lastWord; w++) acc |= words[w];
  for (i = Math.max(i, lastWord << 2); i < end; i++) acc |= all[i];
  return (acc & 0x80808080) === 0 ? copy : null;
}

/** A copy of `src` (one block copy into the pool when small) to cut results from with `view()`. */
export function copyBytes(src: Uint8Array): BytesCopy {
  const n = src.length;
  if (n > 256) return new BytesCopy(new Uint8Array(src).buffer, 0);
  const offset = poolTake(n);
  pool.all.set(src, offset);
  return new BytesCopy(pool.slab, offset);
}

/**
 * `b[start:end]` as a {@link Bytes} sharing `b`'s memory. Cut results only from memory of our own, never
 * from a caller's array, so that a result never aliases memory anyone writes.
 */
export function viewBytes(b: Uint8Array, start: number, end: number): Bytes {
  return new Bytes(b.buffer as ArrayBuffer, b.byteOffset + start, end - start);
}

/**
 * The {@link Bytes} whose values are the code units of `s`, which the caller knows are all below 256;
 * `pooled` takes a small one from {@link allocBytes} (for results built in a hot path, which nobody
 * reuses as a write buffer or compares by `.buffer`).
 */
export function latin1Bytes(s: string, pooled = false): Bytes {
  const out = pooled ? allocBytes(s.length) : new Bytes(s.length);
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
    if (c > max) return encodeImpl(s, encoding);
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

// ------------------------------------------------------------------ helpers

const SPLIT = new Signature<{ sep: unknown; maxsplit: unknown }>(
  "bytes.split",
  ["self", "sep", "maxsplit"],
  { sep: null, maxsplit: -1 },
);
const RSPLIT = new Signature<{ sep: unknown; maxsplit: unknown }>(
  "bytes.rsplit",
  ["self", "sep", "maxsplit"],
  { sep: null, maxsplit: -1 },
);
const SPLITLINES = new Signature<{ keepends: unknown }>("bytes.splitlines", ["self", "keepends"], {
  keepends: false,
});

function isBytesLike(v: unknown): boolean {
  return v instanceof Uint8Array || ArrayBuffer.isView(v) || v instanceof ArrayBuffer;
}

function bytesArg(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  throw new TypeError(`a bytes-like object is required, not '${typeName(v)}'`);
}

function needleArg(v: unknown): Uint8Array {
  if (typeof v === "number" && Number.isInteger(v)) {
    if (v < 0 || v > 255) throw new ValueError("byte must be in range(0, 256)");
    return Uint8Array.of(v);
  }
  if (typeof v === "boolean") return Uint8Array.of(v ? 1 : 0);
  if (!isBytesLike(v)) {
    throw new TypeError(`argument should be integer or bytes-like object, not '${typeName(v)}'`);
  }
  return bytesArg(v);
}

function intArg(v: unknown): number {
  return index(v);
}

/** Python's slice-index conversion and `ADJUST_INDICES`. */
function sliceIndices(start: unknown, end: unknown, len: number): [number, number] {
  const conv = (v: unknown, dflt: number) => {
    if (v === null || v === undefined) return dflt;
    if (typeof v === "boolean") return v ? 1 : 0;
    if (typeof v !== "number" || !Number.isInteger(v)) {
      throw new TypeError("slice indices must be integers or None or have an __index__ method");
    }
    return v;
  };
  let s = conv(start, 0);
  let e = conv(end, len);
  if (e > len) e = len;
  else if (e < 0) {
    e += len;
    if (e < 0) e = 0;
  }
  if (s < 0) {
    s += len;
    if (s < 0) s = 0;
  }
  return [s, e];
}

/** CPython's `tailmatch`: direction -1 for startswith, 1 for endswith. */
function tailmatch(
  self: Uint8Array,
  sub: Uint8Array,
  start: number,
  end: number,
  direction: number,
): boolean {
  const len = self.length;
  const slen = sub.length;
  if (direction < 0) {
    if (start > len - slen) return false;
  } else {
    if (end - start < slen || start > len) return false;
    if (end - slen > start) start = end - slen;
  }
  if (end - start < slen) return false;
  for (let i = 0; i < slen; i++) if (self[start + i] !== sub[i]) return false;
  return true;
}

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const m = needle.length;
  if (m === 1) {
    const i = hay.indexOf(needle[0], from);
    return i >= 0 && i < to ? i : -1;
  }
  const first = needle[0];
  outer: for (let i = hay.indexOf(first, from); i >= 0 && i + m <= to; i = hay.indexOf(first, i + 1)) {
    for (let k = 1; k < m; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const m = needle.length;
  outer: for (let i = to - m; i >= from; i--) {
    for (let k = 0; k < m; k++) if (hay[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

function findImpl(self: Uint8Array, sub: unknown, start: unknown, end: unknown, direction: number): number {
  const needle = needleArg(sub);
  const [s, e] = sliceIndices(start, end, self.length);
  if (e - s < needle.length) return -1;
  if (needle.length === 0) return direction > 0 ? s : e;
  return direction > 0 ? indexOf(self, needle, s, e) : lastIndexOf(self, needle, s, e);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function copyOf(b: Uint8Array, start: number, end: number): Bytes {
  const out = new Bytes(Math.max(0, end - start));
  out.set(b.subarray(start, end));
  return out;
}

const BYTES = new Signature<{ source: unknown; encoding: unknown; errors: unknown }>(
  "bytes",
  ["source", "encoding", "errors"],
  { source: undefined, encoding: undefined, errors: undefined },
);

/**
 * Python's `bytes()` constructor: `bytes()` (empty), `bytes(n)` (n zero
 * bytes), `bytes(iterable_of_ints)`, `bytes(b)` (a copy), and
 * `bytes(s, encoding, errors="strict")`.
 *
 * @param source a size, an iterable of byte values, bytes, or a string
 * @param encoding the codec, required with a string
 * @param errors the error handler
 * @returns the new bytes
 *
 * @example
 * ```ts
 * // Python: bytes(3), bytes([104, 105]), bytes("é", "latin-1")
 * import { b, bytes } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.deepEqual(bytes(3), b`\x00\x00\x00`);
 * assert.deepEqual(bytes([104, 105]), b`hi`);
 * assert.deepEqual(bytes("é", "latin-1"), b`\xe9`);
 * ```
 */
export function bytes(source?: number | Iterable<number> | Uint8Array | ArrayBuffer): Bytes;
/** `bytes(s, encoding, errors)`: the encoded string. */
export function bytes(source: string, encoding: string, errors?: string): Bytes;
export function bytes(...args: unknown[]): Bytes {
  const { source, encoding, errors } = BYTES.bind(args);
  if (typeof source === "string") {
    if (encoding === undefined) throw new TypeError("string argument without an encoding");
    return asBytes(encodeImpl(source, encoding as string, (errors ?? "strict") as string));
  }
  if (encoding !== undefined) throw new TypeError("encoding without a string argument");
  if (errors !== undefined) throw new TypeError("errors without a string argument");
  if (source === undefined) return new Bytes(0);
  if (typeof source === "number" || typeof source === "boolean") {
    const n = index(source);
    if (n < 0) throw new ValueError("negative count");
    return new Bytes(n);
  }
  if (isBytesLike(source)) return copyOf(bytesArg(source), 0, bytesArg(source).length);
  if (source === null || typeof (source as Iterable<unknown>)[Symbol.iterator] !== "function") {
    throw new TypeError(`cannot convert '${typeName(source)}' object to bytes`);
  }
  const out: number[] = [];
  for (const v of source as Iterable<unknown>) {
    const c = index(v);
    if (c < 0 || c > 255) throw new ValueError("bytes must be in range(0, 256)");
    out.push(c);
  }
  return Bytes.from(out) as Bytes;
}

const ENCODE = new Signature<{ s: unknown; encoding: unknown; errors: unknown }>(
  "encode",
  ["s", "encoding", "errors"],
  { encoding: "utf-8", errors: "strict" },
);

/**
 * Python's `s.encode(encoding="utf-8", errors="strict")` as a function:
 * `s.encode("latin-1")` ports as `encode(s, "latin-1")`.
 *
 * @param s the text
 * @param encoding a Python codec name
 * @param errors a Python error handler name
 * @returns the encoded bytes
 *
 * @example
 * ```ts
 * // Python: "café".encode("latin-1")
 * import { encode } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.deepEqual([...encode("café", "latin-1")], [99, 97, 102, 0xe9]);
 * ```
 */
export function encode(s: string, encoding?: string, errors?: string): Bytes;
/** `encode` with keyword arguments. */
export function encode(s: string, kwargs: { encoding?: string; errors?: string }): Bytes;
export function encode(...args: unknown[]): Bytes {
  const a = ENCODE.bind(args);
  if (typeof a.s !== "string") {
    throw new TypeError(
      `descriptor 'encode' for 'str' objects doesn't apply to a '${typeName(a.s)}' object`,
    );
  }
  return asBytes(encodeImpl(a.s, a.encoding as string, a.errors as string));
}
