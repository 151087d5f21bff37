/**
 * Python's `io` module, the in-memory part: `BytesIO`, `StringIO`, and a
 * `TextIOWrapper` over a binary file.
 *
 * ```python
 * import io
 * buf = io.BytesIO()
 * buf.write(b"GIF89a")
 * buf.seek(0)
 * print(buf.read(3), buf.tell())
 * ```
 *
 * ```ts
 * import { BytesIO } from "@pyweb/std/io";
 * import { b, print } from "@pyweb/std";
 * const buf = new BytesIO();
 * buf.write(b`GIF89a`);
 * buf.seek(0);
 * print(buf.read(3), buf.tell()); // b'GIF' 3
 * ```
 *
 * Every method is synchronous, as in Python. `with io.BytesIO() as f:`
 * ports as `using f = new BytesIO();`. For code written against our older
 * async readers, `await f.read()` works too (awaiting a value gives the
 * value), and `for await (const line of f)` iterates the lines.
 *
 * @module
 */

import { asBytes, Bytes } from "./_util/bytes.ts";
import { decode, encode, lookup } from "./_util/codecs.ts";
import { Exception, OSError, TypeError, UnsupportedOperation, ValueError } from "./_util/exceptions.ts";
import { index, typeName } from "./_util/builtins.ts";
import { repr } from "./_util/repr.ts";
import { kw, Signature } from "./_util/signature.ts";

/** Python's `io.DEFAULT_BUFFER_SIZE`. */
export const DEFAULT_BUFFER_SIZE = 8192;
/** Python's `io.SEEK_SET`: seek from the start. */
export const SEEK_SET = 0;
/** Python's `io.SEEK_CUR`: seek from the current position. */
export const SEEK_CUR = 1;
/** Python's `io.SEEK_END`: seek from the end. */
export const SEEK_END = 2;

export { UnsupportedOperation };

/** Python's `BufferError`: a buffer with live views cannot be resized. */
export class BufferError extends Exception {}

/** `size` as Python's `_Py_convert_optional_to_ssize_t`: an int, or None meaning -1. */
function optSize(v: unknown): number {
  if (v === null || v === undefined) return -1;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new TypeError(`argument should be integer or None, not '${typeName(v)}'`);
  }
  return v;
}

function bytesLike(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError(`a bytes-like object is required, not '${typeName(data)}'`);
}

// ------------------------------------------------------------------ BytesIO

const BYTESIO_INIT = new Signature<{ initial_bytes: unknown }>(
  "BytesIO.__init__",
  ["self", "initial_bytes"],
  { initial_bytes: null },
);

/**
 * A view of a {@link BytesIO}'s contents from {@link BytesIO.getbuffer}:
 * writes through it change the buffer. While a view is not released, the
 * `BytesIO` cannot be resized, written or closed (`BufferError`), as in Python.
 */
export class BytesIOView extends Bytes implements Disposable {
  #release: (() => void) | null = null;
  /** @internal */
  static _make(owner: Uint8Array, length: number, release: () => void): BytesIOView {
    const v = new BytesIOView(owner.buffer as ArrayBuffer, owner.byteOffset, length);
    v.#release = release;
    return v;
  }
  /** Python's `memoryview.release()`. */
  release(): void {
    if (this.#release) this.#release();
    this.#release = null;
  }
  /** `with buf.getbuffer() as view:` */
  [Symbol.dispose](): void {
    this.release();
  }
}

/**
 * Python's `io.BytesIO(initial_bytes=b'')`: a binary file in memory.
 *
 * @example
 * ```ts
 * // Python: f = io.BytesIO(b"a\nb\n"); f.readline(); f.seek(0, 2); f.write(b"c")
 * import { BytesIO } from "@pyweb/std/io";
 * import { b } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * const f = new BytesIO(b`a\nb\n`);
 * assert.deepEqual(f.readline(), b`a\n`);
 * f.seek(0, 2);
 * f.write(b`c`);
 * assert.deepEqual(f.getvalue(), b`a\nb\nc`);
 * ```
 */
export class BytesIO implements Disposable, Iterable<Bytes> {
  #buf: Uint8Array;
  #len: number;
  #pos = 0;
  #closed = false;
  #exports = 0;

  /**
   * A BytesIO holding a copy of `initial_bytes`.
   * @param initial_bytes the starting contents (copied); the position starts at 0
   */
  constructor(initial_bytes?: Uint8Array | ArrayBuffer | null);
  /** A BytesIO, with keyword arguments. */
  constructor(kwargs: { initial_bytes?: Uint8Array | ArrayBuffer | null });
  constructor(...args: unknown[]) {
    const { initial_bytes } = BYTESIO_INIT.bind(args);
    if (initial_bytes === null || initial_bytes === undefined) {
      this.#buf = new Uint8Array(0);
      this.#len = 0;
    } else {
      const src = bytesLike(initial_bytes);
      this.#buf = src.slice();
      this.#len = src.length;
    }
  }

  #check(): void {
    if (this.#closed) throw new ValueError("I/O operation on closed file.");
  }
  #checkExports(): void {
    if (this.#exports > 0) throw new BufferError("Existing exports of data: object cannot be re-sized");
  }
  #take(n: number): Bytes {
    const end = Math.min(this.#pos + Math.max(n, 0), this.#len);
    const start = Math.min(this.#pos, this.#len);
    const out = new Bytes(end - start);
    out.set(this.#buf.subarray(start, end));
    this.#pos = Math.max(this.#pos, end);
    return out;
  }
  #lineEnd(limit: number): number {
    const start = Math.min(this.#pos, this.#len);
    const stop = limit >= 0 ? Math.min(this.#len, start + limit) : this.#len;
    const nl = this.#buf.subarray(0, stop).indexOf(10, start);
    return nl < 0 ? stop : nl + 1;
  }

  /** Python's `closed`: true after {@link close}. */
  get closed(): boolean {
    return this.#closed;
  }
  /** Python's `readable()`: true (an open BytesIO). */
  readable(): boolean {
    this.#check();
    return true;
  }
  /** Python's `writable()`: true. */
  writable(): boolean {
    this.#check();
    return true;
  }
  /** Python's `seekable()`: true. */
  seekable(): boolean {
    this.#check();
    return true;
  }
  /** Python's `isatty()`: false. */
  isatty(): boolean {
    this.#check();
    return false;
  }
  /** Python's `flush()`: nothing to do. */
  flush(): void {
    this.#check();
  }
  /** Python's `fileno()`: raises {@link UnsupportedOperation}. */
  fileno(): number {
    throw new UnsupportedOperation("fileno");
  }

  /**
   * Python's `read(size=-1)`: up to `size` bytes from the position, all with -1 or `null`.
   *
   * @param size how many bytes at most
   * @returns the bytes read (empty at the end)
   */
  read(size: number | null = -1): Bytes {
    const n = optSize(size);
    this.#check();
    return this.#take(n < 0 ? this.#len : n);
  }
  /** Python's `read1(size=-1)`: the same as {@link read} for a BytesIO. */
  read1(size: number | null = -1): Bytes {
    return this.read(size);
  }
  /**
   * Python's `readline(size=-1)`: up to and including the next `\n`, at most `size` bytes.
   *
   * @param size how many bytes at most; -1 or `null` for no limit
   * @returns the line (empty at the end)
   */
  readline(size: number | null = -1): Bytes {
    const n = optSize(size);
    this.#check();
    return this.#take(this.#lineEnd(n) - this.#pos);
  }
  /**
   * Python's `readlines(hint=-1)`: the remaining lines, stopping once `hint` bytes were read.
   *
   * @param hint stop after this many bytes in total; 0, -1 or `null` for all
   * @returns the lines
   */
  readlines(hint: number | null = -1): Bytes[] {
    this.#check();
    if (hint !== null && hint !== undefined && (typeof hint !== "number" || !Number.isInteger(hint))) {
      throw new TypeError(`integer argument expected, got '${typeName(hint)}'`);
    }
    const h = hint ?? -1;
    const out: Bytes[] = [];
    let total = 0;
    for (;;) {
      const line = this.#take(this.#lineEnd(-1) - this.#pos);
      if (line.length === 0) break;
      out.push(line);
      total += line.length;
      if (h > 0 && total >= h) break;
    }
    return out;
  }
  /**
   * Python's `readinto(buffer)`: read into `buffer`, returning the count.
   *
   * @param buffer where to put the bytes
   * @returns how many bytes were read
   */
  readinto(buffer: Uint8Array): number {
    if (!(buffer instanceof Uint8Array)) {
      throw new TypeError(
        `readinto() argument must be read-write bytes-like object, not ${typeName(buffer)}`,
      );
    }
    this.#check();
    const dst = buffer;
    const got = this.#take(dst.length);
    dst.set(got);
    return got.length;
  }
  /**
   * Python's `write(b)`: write at the position (past the end, the gap is zeros).
   *
   * @param b a bytes-like object
   * @returns the number of bytes written
   */
  write(b: Uint8Array | ArrayBuffer | ArrayBufferView): number {
    this.#check();
    const data = bytesLike(b);
    this.#checkExports();
    const n = data.length;
    if (n === 0) return 0;
    const end = this.#pos + n;
    if (end > this.#buf.length) {
      const grown = new Uint8Array(Math.max(end, this.#buf.length * 2, 64));
      grown.set(this.#buf.subarray(0, this.#len));
      this.#buf = grown;
    }
    if (this.#pos > this.#len) this.#buf.fill(0, this.#len, this.#pos);
    this.#buf.set(data, this.#pos);
    this.#pos = end;
    if (end > this.#len) this.#len = end;
    return n;
  }
  /**
   * Python's `writelines(lines)`: write every item.
   *
   * @param lines bytes-like items
   */
  writelines(lines: Iterable<Uint8Array>): void {
    this.#check();
    for (const line of lines) this.write(line);
  }
  /**
   * Python's `seek(pos, whence=0)`: move the position (from the start, the
   * current position, or the end).
   *
   * @param pos the offset
   * @param whence 0 ({@link SEEK_SET}), 1 ({@link SEEK_CUR}) or 2 ({@link SEEK_END})
   * @returns the new position
   */
  seek(pos: number, whence: number = 0): number {
    pos = index(pos);
    whence = index(whence);
    this.#check();
    if (whence === 0) {
      if (pos < 0) throw new ValueError(`negative seek value ${pos}`);
    } else if (whence === 1) {
      pos = Math.max(0, this.#pos + pos);
    } else if (whence === 2) {
      pos = Math.max(0, this.#len + pos);
    } else {
      throw new ValueError(`invalid whence (${whence}, should be 0, 1 or 2)`);
    }
    this.#pos = pos;
    return pos;
  }
  /** Python's `tell()`: the current position. */
  tell(): number {
    this.#check();
    return this.#pos;
  }
  /**
   * Python's `truncate(size=None)`: cut the contents to `size` bytes (default
   * the position); the position does not move.
   *
   * @param size the new length
   * @returns the new length
   */
  truncate(size: number | null = null): number {
    const given = optSize(size);
    this.#check();
    this.#checkExports();
    let n: number;
    if (size === null || size === undefined) n = this.#pos;
    else {
      n = given;
      if (n < 0) throw new ValueError(`negative size value ${n}`);
    }
    if (n < this.#len) this.#len = n;
    return n;
  }
  /** Python's `getvalue()`: a copy of the whole contents. */
  getvalue(): Bytes {
    this.#check();
    const out = new Bytes(this.#len);
    out.set(this.#buf.subarray(0, this.#len));
    return out;
  }
  /**
   * Python's `getbuffer()`: a view of the contents without copying (writes
   * through it change the BytesIO). Release it (`view.release()` or `using`)
   * before resizing the BytesIO again.
   *
   * @returns the view
   */
  getbuffer(): BytesIOView {
    this.#check();
    this.#exports++;
    let live = true;
    return BytesIOView._make(this.#buf, this.#len, () => {
      if (live) this.#exports--;
      live = false;
    });
  }
  /** Python's `close()`: free the buffer; later calls raise `ValueError`. */
  close(): void {
    this.#checkExports();
    this.#closed = true;
    this.#buf = new Uint8Array(0);
    this.#len = 0;
  }
  /** `with io.BytesIO() as f:` ports as `using f = new BytesIO()`. */
  [Symbol.dispose](): void {
    this.close();
  }
  /** Python's `__iter__`: the lines. */
  *[Symbol.iterator](): Iterator<Bytes> {
    for (;;) {
      this.#check();
      const line = this.readline();
      if (line.length === 0) return;
      yield line;
    }
  }
  /** `for await (const line of f)`, for code that reads any of our streams. */
  async *[Symbol.asyncIterator](): AsyncIterator<Bytes> {
    for (const line of this) yield line;
  }
  /** Python's `repr()`. */
  toString(): string {
    return "<_io.BytesIO object>";
  }
}

// ----------------------------------------------------------------- StringIO

const NEWLINES = new Set(["", "\n", "\r", "\r\n"]);

/** Code-point helpers over a JS string: Python's str indexes code points. */
function hasAstral(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) return true;
  }
  return false;
}
function cpLength(s: string, astral: boolean): number {
  if (!astral) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
/** The code unit offset of code point `cp`. */
function unitOf(s: string, cp: number, astral: boolean): number {
  if (!astral) return Math.min(cp, s.length);
  let i = 0;
  for (let n = 0; n < cp && i < s.length; n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else i++;
  }
  return i;
}

/** Where the line starting at `from` ends (exclusive, code units), for a newline mode. */
function lineEndIn(s: string, from: number, newline: string | null): number {
  if (newline === null || newline === "\n") {
    const i = s.indexOf("\n", from);
    return i < 0 ? s.length : i + 1;
  }
  if (newline === "") {
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) return i + 1;
      if (c === 13) return s.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    }
    return s.length;
  }
  const i = s.indexOf(newline, from);
  return i < 0 ? s.length : i + newline.length;
}

const STRINGIO_INIT = new Signature<{ initial_value: unknown; newline: unknown }>(
  "StringIO.__init__",
  ["self", "initial_value", "newline"],
  { initial_value: "", newline: "\n" },
);

/**
 * Python's `io.StringIO(initial_value='', newline='\n')`: a text file in
 * memory. Positions count code points, as Python's do.
 *
 * @example
 * ```ts
 * // Python: err = io.StringIO(); print("oops", file=err); err.getvalue()
 * import { StringIO } from "@pyweb/std/io";
 * import { print } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * const err = new StringIO();
 * print("oops", { file: err });
 * assert.equal(err.getvalue(), "oops\n");
 * ```
 */
export class StringIO implements Disposable, Iterable<string> {
  #s = "";
  #astral = false;
  #pos = 0; // code points
  #closed = false;
  #newline: string | null;
  #seen = 0; // newline kinds seen while translating (1: \r, 2: \n, 4: \r\n)

  /**
   * A StringIO holding `initial_value`.
   * @param initial_value the starting text; the position starts at 0
   * @param newline `"\n"` (default: no translation), `null` (universal newlines: `\r\n` and `\r` become
   * `\n` on write), `""` (lines end at any of them, untranslated), `"\r"` or `"\r\n"` (`\n` is written as it)
   */
  constructor(initial_value?: string | null, newline?: string | null);
  /** A StringIO, `newline` as a keyword. */
  constructor(initial_value: string | null | undefined, kwargs: { newline?: string | null });
  /** A StringIO, with keyword arguments. */
  constructor(kwargs: { initial_value?: string | null; newline?: string | null });
  constructor(...args: unknown[]) {
    const { initial_value, newline } = STRINGIO_INIT.bind(args);
    if (newline !== null && typeof newline !== "string") {
      throw new TypeError(`newline must be str or None, not ${typeName(newline)}`);
    }
    if (newline !== null && !NEWLINES.has(newline)) {
      throw new ValueError(`illegal newline value: ${repr(newline)}`);
    }
    if (initial_value !== null && typeof initial_value !== "string") {
      throw new TypeError(`initial_value must be str or None, not ${typeName(initial_value)}`);
    }
    this.#newline = newline as string | null;
    if (initial_value) {
      this.#writeImpl(initial_value);
      this.#pos = 0;
    }
  }

  #check(): void {
    if (this.#closed) throw new ValueError("I/O operation on closed file");
  }
  #translate(s: string): string {
    const nl = this.#newline;
    if (nl === null) {
      if (s.includes("\r")) {
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          if (c === 13) {
            if (s.charCodeAt(i + 1) === 10) {
              this.#seen |= 4;
              i++;
            } else this.#seen |= 1;
          } else if (c === 10) this.#seen |= 2;
        }
        return s.replace(/\r\n?/g, "\n");
      }
      if (s.includes("\n")) this.#seen |= 2;
      return s;
    }
    if (nl === "\r" || nl === "\r\n") return s.replaceAll("\n", nl);
    return s;
  }
  #writeImpl(text: string): void {
    const s = this.#translate(text);
    if (s.length === 0) return;
    const astral = this.#astral || hasAstral(s);
    const len = cpLength(this.#s, this.#astral);
    let cur = this.#s;
    if (this.#pos > len) cur += "\0".repeat(this.#pos - len);
    const at = unitOf(cur, this.#pos, astral);
    const n = cpLength(s, astral);
    const endUnit = unitOf(cur, this.#pos + n, astral);
    this.#s = cur.slice(0, at) + s + cur.slice(endUnit);
    this.#astral = astral;
    this.#pos += n;
  }
  #take(endUnit: number): string {
    const at = unitOf(this.#s, this.#pos, this.#astral);
    if (at >= this.#s.length || endUnit <= at) return "";
    const out = this.#s.slice(at, endUnit);
    this.#pos += cpLength(out, this.#astral);
    return out;
  }

  /** Python's `closed`. */
  get closed(): boolean {
    return this.#closed;
  }
  /** Python's `line_buffering`: false. */
  get line_buffering(): boolean {
    return false;
  }
  /** Python's `encoding`: `null` for a StringIO. */
  get encoding(): null {
    return null;
  }
  /** Python's `errors`: `null` for a StringIO. */
  get errors(): null {
    return null;
  }
  /** Python's `newlines`: the newline kinds translated so far (universal mode only). */
  get newlines(): string | string[] | null {
    this.#check();
    const kinds = [["\r", 1], ["\n", 2], ["\r\n", 4]].filter(([, bit]) => this.#seen & (bit as number)).map((
      [k],
    ) => k as string);
    if (this.#newline !== null || kinds.length === 0) return null;
    return kinds.length === 1 ? kinds[0] : kinds;
  }
  /** Python's `readable()`: true. */
  readable(): boolean {
    this.#check();
    return true;
  }
  /** Python's `writable()`: true. */
  writable(): boolean {
    this.#check();
    return true;
  }
  /** Python's `seekable()`: true. */
  seekable(): boolean {
    this.#check();
    return true;
  }
  /** Python's `isatty()`: false. */
  isatty(): boolean {
    if (this.#closed) throw new ValueError("I/O operation on closed file.");
    return false;
  }
  /** Python's `flush()`: nothing to do. */
  flush(): void {}
  /** Python's `fileno()`: raises {@link UnsupportedOperation}. */
  fileno(): number {
    throw new UnsupportedOperation("fileno");
  }

  /**
   * Python's `write(s)`: write at the position (past the end, the gap is `\0`s).
   *
   * @param s the text
   * @returns the number of characters (code points) of `s`
   */
  write(s: string): number {
    if (typeof s !== "string") throw new TypeError(`string argument expected, got '${typeName(s)}'`);
    this.#check();
    this.#writeImpl(s);
    return cpLength(s, hasAstral(s));
  }
  /**
   * Python's `writelines(lines)`.
   *
   * @param lines the strings to write
   */
  writelines(lines: Iterable<string>): void {
    if (this.#closed) throw new ValueError("I/O operation on closed file.");
    for (const line of lines) this.write(line);
  }
  /**
   * Python's `read(size=-1)`.
   *
   * @param size how many characters at most; -1 or `null` for all
   * @returns the text read
   */
  read(size: number | null = -1): string {
    const n = optSize(size);
    this.#check();
    if (n < 0) return this.#take(this.#s.length);
    return this.#take(unitOf(this.#s, this.#pos + n, this.#astral));
  }
  /**
   * Python's `readline(size=-1)`.
   *
   * @param size how many characters at most; -1 or `null` for no limit
   * @returns the line, with its newline (empty at the end)
   */
  readline(size: number | null = -1): string {
    const n = optSize(size);
    this.#check();
    const at = unitOf(this.#s, this.#pos, this.#astral);
    let end = lineEndIn(this.#s, at, this.#newline);
    if (n >= 0) end = Math.min(end, unitOf(this.#s, this.#pos + n, this.#astral));
    return this.#take(end);
  }
  /**
   * Python's `readlines(hint=-1)`.
   *
   * @param hint stop once this many characters were read; 0, -1 or `null` for all
   * @returns the lines
   */
  readlines(hint: number | null = -1): string[] {
    const h = optSize(hint);
    if (this.#closed) throw new ValueError("I/O operation on closed file.");
    const out: string[] = [];
    let total = 0;
    for (;;) {
      const line = this.readline();
      if (line === "") break;
      out.push(line);
      total += cpLength(line, this.#astral);
      if (h > 0 && total > h) break; // IOBase.readlines: stop once past the hint
    }
    return out;
  }
  /**
   * Python's `seek(pos, whence=0)`: only `seek(n)`, `seek(0, 1)` and `seek(0, 2)`, as in Python.
   *
   * @param pos the position (code points)
   * @param whence 0, 1 or 2
   * @returns the new position
   */
  seek(pos: number, whence: number = 0): number {
    pos = index(pos);
    whence = index(whence);
    this.#check();
    if (whence !== 0 && whence !== 1 && whence !== 2) {
      throw new ValueError(`Invalid whence (${whence}, should be 0, 1 or 2)`);
    }
    if (pos < 0 && whence === 0) throw new ValueError(`Negative seek position ${pos}`);
    if (whence !== 0 && pos !== 0) throw new OSError("Can't do nonzero cur-relative seeks");
    if (whence === 1) pos = this.#pos;
    else if (whence === 2) pos = cpLength(this.#s, this.#astral);
    this.#pos = pos;
    return pos;
  }
  /** Python's `tell()`. */
  tell(): number {
    this.#check();
    return this.#pos;
  }
  /**
   * Python's `truncate(size=None)`: cut to `size` characters (default the position); the position stays.
   *
   * @param size the new length
   * @returns the new length
   */
  truncate(size: number | null = null): number {
    const given = optSize(size);
    this.#check();
    let n: number;
    if (size === null || size === undefined) n = this.#pos;
    else {
      n = given;
      if (n < 0) throw new ValueError(`Negative size value ${n}`);
    }
    if (n < cpLength(this.#s, this.#astral)) this.#s = this.#s.slice(0, unitOf(this.#s, n, this.#astral));
    return n;
  }
  /** Python's `getvalue()`: the whole text. */
  getvalue(): string {
    this.#check();
    return this.#s;
  }
  /** Python's `close()`. */
  close(): void {
    this.#closed = true;
    this.#s = "";
  }
  /** `with io.StringIO() as f:` ports as `using f = new StringIO()`. */
  [Symbol.dispose](): void {
    this.close();
  }
  /** Python's `__iter__`: the lines. */
  *[Symbol.iterator](): Iterator<string> {
    for (;;) {
      if (this.#closed) throw new ValueError("I/O operation on closed file.");
      const line = this.readline();
      if (line === "") return;
      yield line;
    }
  }
  /** Python's `repr()`. */
  toString(): string {
    return "<_io.StringIO object>";
  }
}

// ------------------------------------------------------------ BufferedReader

/** The raw file a {@link BufferedReader} reads: Python's `RawIOBase` as far as it is used (`readinto`, or `read`). */
export interface RawFile {
  /** Read into `b`; the count (0 at the end), or `null` when nothing is available yet. */
  readinto?(b: Uint8Array): number | null;
  /** Read up to `size` bytes. */
  read?(size?: number): Uint8Array | null;
  /** Close. */
  close?(): unknown;
  /** Whether closed. */
  readonly closed?: boolean;
  /** The descriptor. */
  fileno?(): number;
}

const EMPTY = new Bytes(0);

const BUFFEREDREADER_INIT = new Signature<{ raw: RawFile; buffer_size: number }>(
  "BufferedReader.__init__",
  ["self", "raw", "buffer_size"],
  { buffer_size: DEFAULT_BUFFER_SIZE },
);

/**
 * Python's `io.BufferedReader(raw, buffer_size=DEFAULT_BUFFER_SIZE)`: a read buffer over a raw file
 * (or a `BytesIO`), with `peek`, `read1`, `readline` and `readinto`. Each raw read asks `raw.readinto`
 * for up to `buffer_size` bytes.
 *
 * @example
 * ```ts
 * // Python: r = io.BufferedReader(io.BytesIO(b"ab\ncd")); r.peek(1); r.readline()
 * import { BufferedReader, BytesIO } from "@pyweb/std/io";
 * import assert from "node:assert/strict";
 * const r = new BufferedReader(new BytesIO(new TextEncoder().encode("ab\ncd")));
 * assert.equal(r.peek(1).decode(), "ab\ncd");
 * assert.equal(r.readline().decode(), "ab\n");
 * assert.equal(r.read().decode(), "cd");
 * ```
 */
export class BufferedReader implements Disposable, Iterable<Bytes> {
  /** The raw file underneath. */
  readonly raw: RawFile;
  /** Bytes asked of the raw file per read. */
  readonly buffer_size: number;
  #buf: Uint8Array = EMPTY;
  #pos = 0;
  #closed = false;

  /**
   * A buffer over `raw`.
   * @param raw the raw file (anything with `readinto`, or `read`)
   * @param buffer_size bytes per raw read
   */
  constructor(raw: RawFile, buffer_size?: number);
  /** `new BufferedReader(raw, { buffer_size })` or `new BufferedReader({ raw, buffer_size })`. */
  constructor(raw: RawFile, kwargs: { buffer_size?: number });
  /** `new BufferedReader({ raw, buffer_size })`. */
  constructor(kwargs: { raw: RawFile; buffer_size?: number });
  constructor(...args: unknown[]) {
    // A raw file written as an object literal (`{ readinto(b) {…} }`) is the file, not keywords.
    const only = args.length === 1 ? args[0] as Record<string, unknown> : null;
    const fileLiteral = only !== null && typeof only === "object" && !("raw" in only) &&
      (typeof only.readinto === "function" || typeof only.read === "function");
    const { raw, buffer_size } = BUFFEREDREADER_INIT.bind(fileLiteral ? [...args, kw({})] : args);
    if (!(buffer_size > 0)) throw new ValueError("buffer size must be strictly positive");
    this.raw = raw;
    this.buffer_size = buffer_size;
  }

  /** Python's `closed`: the raw file's. */
  get closed(): boolean {
    const c = this.raw.closed;
    return typeof c === "boolean" ? c : this.#closed;
  }

  #check(): void {
    if (this.closed) throw new ValueError("read of closed file");
  }

  #rawRead(n: number): Uint8Array {
    if (typeof this.raw.readinto === "function") {
      const b = new Uint8Array(n);
      const got = this.raw.readinto(b);
      return got ? b.subarray(0, got) : EMPTY;
    }
    return this.raw.read?.(n) ?? EMPTY;
  }

  /** Refill an empty buffer with one raw read; the number of bytes now buffered. */
  #fill(): number {
    if (this.#pos < this.#buf.length) return this.#buf.length - this.#pos;
    this.#buf = this.#rawRead(this.buffer_size);
    this.#pos = 0;
    return this.#buf.length;
  }

  #take(n: number): Bytes {
    const out = new Bytes(this.#buf.subarray(this.#pos, this.#pos + n));
    this.#pos += out.length;
    return out;
  }

  /**
   * Python's `peek(size=0)`: the buffered bytes without consuming them (one raw read if none).
   * @param _size a hint, as in Python
   * @returns the bytes
   */
  peek(_size: number = 0): Bytes {
    this.#check();
    this.#fill();
    return new Bytes(this.#buf.subarray(this.#pos));
  }

  /**
   * Python's `read(size=-1)`: `size` bytes, fewer at the end; all of them with -1.
   * @param size how many bytes at most
   * @returns the bytes
   */
  read(size: number | null = -1): Bytes {
    this.#check();
    const parts: Uint8Array[] = [];
    let need = size === null || size < 0 ? Infinity : size;
    while (need > 0) {
      const avail = this.#fill();
      if (!avail) break;
      const got = this.#take(Math.min(avail, need));
      parts.push(got);
      need -= got.length;
    }
    return parts.length === 1 ? parts[0] as Bytes : new Bytes(concat(parts));
  }

  /**
   * Python's `read1(size=-1)`: the buffered bytes, or one raw read's.
   * @param size how many bytes at most; -1 for what one read gives
   * @returns the bytes
   */
  read1(size: number | null = -1): Bytes {
    this.#check();
    if (size === 0) return EMPTY;
    const avail = this.#fill();
    return this.#take(size === null || size < 0 ? avail : Math.min(size, avail));
  }

  /**
   * Python's `readline(size=-1)`: up to and including `\n`, at most `size` bytes.
   * @param size how many bytes at most; -1 for no limit
   * @returns the line
   */
  readline(size: number | null = -1): Bytes {
    this.#check();
    const parts: Uint8Array[] = [];
    let need = size === null || size < 0 ? Infinity : size;
    while (need > 0) {
      const avail = this.#fill();
      if (!avail) break;
      const nl = this.#buf.subarray(this.#pos).indexOf(10);
      const got = this.#take(Math.min(nl < 0 ? avail : nl + 1, need));
      parts.push(got);
      need -= got.length;
      if (nl >= 0 && got[got.length - 1] === 10) break;
    }
    return parts.length === 1 ? parts[0] as Bytes : new Bytes(concat(parts));
  }

  /**
   * Python's `readinto(b)`: fill `b` as far as the data goes.
   * @param b where to put the bytes
   * @returns how many bytes were read
   */
  readinto(b: Uint8Array): number {
    const data = this.read(b.length);
    b.set(data);
    return data.length;
  }

  /** Python's `readable()`. */
  readable(): boolean {
    return true;
  }

  /** Python's `fileno()`: the raw file's. */
  fileno(): number {
    if (typeof this.raw.fileno !== "function") throw new UnsupportedOperation("fileno");
    return this.raw.fileno();
  }

  /** Python's `close()`: close the raw file. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.raw.close?.();
  }

  /** `with io.BufferedReader(raw) as f:` ports as `using f = …`. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** Python's `__iter__`: the lines. */
  *[Symbol.iterator](): Iterator<Bytes> {
    for (;;) {
      const line = this.readline();
      if (!line.length) return;
      yield line;
    }
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

// ------------------------------------------------------------ TextIOWrapper

/** A binary file a {@link TextIOWrapper} can stand on: Python's buffered file protocol, the parts used. */
export interface BinaryFile {
  /** Read up to `size` bytes (all with -1). */
  read?(size?: number): Uint8Array;
  /** Read one line of bytes. */
  readline?(size?: number): Uint8Array;
  /** Write bytes. */
  write?(b: Uint8Array): unknown;
  /** Flush. */
  flush?(): unknown;
  /** Close. */
  close?(): unknown;
  /** Whether closed. */
  readonly closed?: boolean;
}

const TEXTIOWRAPPER_INIT = new Signature<{
  buffer: BinaryFile;
  encoding: string | null;
  errors: string | null;
  newline: string | null;
  line_buffering: boolean;
  write_through: boolean;
}>(
  "TextIOWrapper.__init__",
  ["self", "buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
  { encoding: null, errors: null, newline: null, line_buffering: false, write_through: false },
);

/** Keyword arguments of {@link TextIOWrapper}. */
export interface TextIOWrapperOptions {
  /** The codec; default `"utf-8"` (Python: the locale's, UTF-8 here). */
  encoding?: string | null;
  /** The error handler; default `"strict"`. */
  errors?: string | null;
  /** Newline mode, as {@link StringIO}'s; default `null` (universal newlines). */
  newline?: string | null;
  /** Flush when a write contains a newline. */
  line_buffering?: boolean;
  /** Pass writes straight to the buffer. */
  write_through?: boolean;
}

/**
 * Python's `io.TextIOWrapper(buffer, encoding=None, errors=None, newline=None, ...)`:
 * text over a binary file (a {@link BytesIO}, or `sys.stdout.buffer`).
 *
 * Reading decodes what is left of the buffer; writing encodes, translates
 * `\n` as `newline` says, and writes through to the buffer at once.
 *
 * @example
 * ```ts
 * // Python: t = io.TextIOWrapper(io.BytesIO(), encoding="latin-1"); t.write("é"); t.flush()
 * import { BytesIO, TextIOWrapper } from "@pyweb/std/io";
 * import assert from "node:assert/strict";
 * const raw = new BytesIO();
 * const t = new TextIOWrapper(raw, { encoding: "latin-1" });
 * t.write("é\n");
 * t.flush();
 * assert.deepEqual([...raw.getvalue()], [0xe9, 0x0a]);
 * ```
 */
export class TextIOWrapper implements Disposable, Iterable<string> {
  #buffer: BinaryFile;
  #encoding: string;
  #errors: string;
  #newline: string | null;
  #line_buffering: boolean;
  #pending = ""; // decoded text not yet returned
  #eof = false;
  #closed = false;
  #detached = false;

  /**
   * Text over `buffer`.
   * @param buffer the binary file underneath
   * @param encoding the codec (default UTF-8)
   * @param errors the error handler (default strict)
   * @param newline the newline mode
   * @param line_buffering flush on every newline
   * @param write_through accepted; writes always go through
   */
  constructor(
    buffer: BinaryFile,
    encoding?: string | null,
    errors?: string | null,
    newline?: string | null,
    line_buffering?: boolean,
    write_through?: boolean,
  );
  /** Text over `buffer`, with keyword arguments. */
  constructor(buffer: BinaryFile, kwargs: TextIOWrapperOptions);
  constructor(...args: unknown[]) {
    const a = TEXTIOWRAPPER_INIT.bind(args);
    if (a.encoding !== null && typeof a.encoding !== "string") {
      throw new TypeError(
        `TextIOWrapper() argument 'encoding' must be str or None, not ${typeName(a.encoding)}`,
      );
    }
    const encoding = a.encoding ?? "utf-8";
    lookup(encoding);
    if (a.newline !== null && (typeof a.newline !== "string" || !NEWLINES.has(a.newline))) {
      throw new ValueError(`illegal newline value: ${a.newline}`);
    }
    this.#buffer = a.buffer;
    this.#encoding = encoding;
    this.#errors = a.errors ?? "strict";
    this.#newline = a.newline;
    this.#line_buffering = Boolean(a.line_buffering);
  }

  #check(): void {
    if (this.#detached) throw new ValueError("underlying buffer has been detached");
    if (this.closed) throw new ValueError("I/O operation on closed file.");
  }
  #fill(): void {
    if (this.#eof) return;
    const read = this.#buffer.read;
    if (typeof read !== "function") throw new UnsupportedOperation("not readable");
    const data = read.call(this.#buffer, -1) as Uint8Array;
    this.#eof = true;
    this.#push(data);
  }
  /** Read lines from the buffer until one is complete (stdin stays interactive). */
  #fillLine(): void {
    const readline = this.#buffer.readline;
    if (typeof readline !== "function") return this.#fill();
    while (!this.#eof && !/[\r\n]/.test(this.#pending)) {
      const data = readline.call(this.#buffer, -1) as Uint8Array;
      if (data.length === 0) this.#eof = true;
      else this.#push(data);
    }
  }
  #push(data: Uint8Array): void {
    let text = decode(data, this.#encoding, this.#errors);
    if (this.#newline === null) text = text.replace(/\r\n?/g, "\n");
    this.#pending += text;
  }

  /** The binary file underneath (Python's `buffer`). */
  get buffer(): BinaryFile {
    if (this.#detached) throw new ValueError("underlying buffer has been detached");
    return this.#buffer;
  }
  /** The codec name as given. */
  get encoding(): string {
    return this.#encoding;
  }
  /** The error handler. */
  get errors(): string {
    return this.#errors;
  }
  /** Whether writes with a newline flush. */
  get line_buffering(): boolean {
    return this.#line_buffering;
  }
  /** Python's `closed`: the buffer's. */
  get closed(): boolean {
    return this.#closed || Boolean(this.#buffer.closed);
  }
  /** Python's `readable()`. */
  readable(): boolean {
    this.#check();
    return typeof this.#buffer.read === "function";
  }
  /** Python's `writable()`. */
  writable(): boolean {
    this.#check();
    return typeof this.#buffer.write === "function";
  }
  /** Python's `seekable()`: false (this wrapper does not seek). */
  seekable(): boolean {
    this.#check();
    return false;
  }
  /** Python's `isatty()`. */
  isatty(): boolean {
    this.#check();
    return false;
  }

  /**
   * Python's `write(s)`: encode and write to the buffer.
   *
   * @param s the text
   * @returns the number of characters written
   */
  write(s: string): number {
    this.#check();
    if (typeof s !== "string") throw new TypeError(`write() argument must be str, not ${typeName(s)}`);
    const w = this.#buffer.write;
    if (typeof w !== "function") throw new UnsupportedOperation("not writable");
    let text = s;
    if (this.#newline !== null && this.#newline !== "" && this.#newline !== "\n") {
      text = text.replaceAll("\n", this.#newline);
    }
    w.call(this.#buffer, asBytes(encode(text, this.#encoding, this.#errors)));
    if (this.#line_buffering && (s.includes("\n") || s.includes("\r"))) this.flush();
    return cpLength(s, hasAstral(s));
  }
  /**
   * Python's `writelines(lines)`.
   *
   * @param lines the strings to write
   */
  writelines(lines: Iterable<string>): void {
    for (const line of lines) this.write(line);
  }
  /** Python's `flush()`: flush the buffer. */
  flush(): void {
    this.#check();
    this.#buffer.flush?.();
  }
  /**
   * Python's `read(size=-1)`.
   *
   * @param size how many characters at most; -1 or `null` for all
   * @returns the text
   */
  read(size: number | null = -1): string {
    this.#check();
    const n = optSize(size);
    this.#fill();
    const cut = n < 0 ? this.#pending.length : unitOf(this.#pending, n, hasAstral(this.#pending));
    const out = this.#pending.slice(0, cut);
    this.#pending = this.#pending.slice(cut);
    return out;
  }
  /**
   * Python's `readline(size=-1)`.
   *
   * @param size how many characters at most
   * @returns the line
   */
  readline(size: number | null = -1): string {
    this.#check();
    const n = optSize(size);
    this.#fillLine();
    let end = lineEndIn(this.#pending, 0, this.#newline);
    if (n >= 0) end = Math.min(end, unitOf(this.#pending, n, hasAstral(this.#pending)));
    const out = this.#pending.slice(0, end);
    this.#pending = this.#pending.slice(end);
    return out;
  }
  /**
   * Python's `readlines(hint=-1)`.
   *
   * @param hint stop once this many characters were read
   * @returns the lines
   */
  readlines(hint: number | null = -1): string[] {
    const h = optSize(hint);
    const out: string[] = [];
    let total = 0;
    for (let line = this.readline(); line; line = this.readline()) {
      out.push(line);
      total += cpLength(line, hasAstral(line));
      if (h > 0 && total > h) break;
    }
    return out;
  }
  /** Python's `detach()`: the buffer, leaving this wrapper unusable. */
  detach(): BinaryFile {
    this.#check();
    this.flush();
    this.#detached = true;
    return this.#buffer;
  }
  /** Python's `close()`: flush and close the buffer. */
  close(): void {
    if (this.#detached || this.closed) return;
    try {
      this.flush();
    } finally {
      this.#closed = true;
      this.#buffer.close?.();
    }
  }
  /** `using t = new TextIOWrapper(...)`. */
  [Symbol.dispose](): void {
    this.close();
  }
  /** Python's `__iter__`: the lines. */
  *[Symbol.iterator](): Iterator<string> {
    for (let line = this.readline(); line; line = this.readline()) yield line;
  }
  /** Python's `repr()`. */
  toString(): string {
    return `<_io.TextIOWrapper encoding=${repr(this.#encoding)}>`;
  }
}
