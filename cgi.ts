/**
 * Form parsing for CGI scripts and WSGI applications, Python 3.12's `cgi`
 * module (removed from Python in 3.13; ported because tutorials use it).
 *
 * ```python
 * import cgi
 * form = cgi.FieldStorage()
 * print("Content-type: text/plain\r\n")
 * print("language is", form.getvalue("language"))
 * ```
 *
 * ```ts
 * import * as cgi from "@pyweb/std/cgi";
 * import { print } from "@pyweb/std";
 * const form = await cgi.FieldStorage.create();
 * print("Content-type: text/plain\r\n");
 * print("language is", form.getvalue("language"));
 * ```
 *
 * Reading the request is asynchronous, so a `FieldStorage` is built with
 * `await FieldStorage.create(...)` (same arguments as Python's constructor,
 * keywords in a trailing object). It reads the CGI variables from the
 * process environment and the body from stdin by default. `form[name]` is
 * `form.get(name)`, `name in form` is `form.has(name)`. Multipart bodies are
 * read line by line with bounded memory: parts over 1000 bytes go to a
 * temporary file that is deleted at once (Python's `make_file`).
 *
 * @module
 */

import { BytesIO, StringIO } from "./io.ts";
import { Bytes, concatBytes } from "./_util/bytes.ts";
import { decode, encode } from "./_util/codecs.ts";
import { KeyError, TypeError, ValueError } from "./_util/exceptions.ts";
import { type Keywords, Signature } from "./_util/signature.ts";
import { pyFormat } from "./http/_server_util.ts";
import { DeprecationWarning, warn } from "./warnings.ts";
import { formatException } from "./wsgi/_py.ts";
import { pyStrip, truthy } from "./_util/builtins.ts";
import { HTTPMessage, parseHeaderBlock } from "./_util/message.ts";
import { escape as htmlEscape } from "./html/mod.ts";
import { pyrepr, repr, showAsRepr, type Tuple, tuple } from "./_util/repr.ts";
import { BufferedReader } from "./_util/stream.ts";
import { parse_qs, parse_qsl } from "./urllib/parse.ts";

// Python 3.11's cgi: warnings._deprecated(__name__, remove=(3, 13)) when the module is imported.
warn("'cgi' is deprecated and slated for removal in Python 3.13", DeprecationWarning, 2);

export type { Bytes, Tuple };

/** The names `from cgi import *` gives in Python 3.11 (the module's `__all__`). */
export const __all__: string[] = [
  "MiniFieldStorage",
  "FieldStorage",
  "parse",
  "parse_multipart",
  "parse_header",
  "test",
  "print_exception",
  "print_environ",
  "print_form",
  "print_directory",
  "print_arguments",
  "print_environ_usage",
];

const enc = new TextEncoder();

// Longest part header block accepted in a multipart body (bytes); longer ones raise `ValueError`. Not exported:
// Python's cgi has no such name, and test_cgi's check__all__ wants every public name in `__all__`.
const MAX_PART_HEADER_BYTES = 64 * 1024;

function envReadable(): boolean {
  try {
    return Deno.permissions.querySync({ name: "env" }).state === "granted";
  } catch {
    return false;
  }
}

function osEnviron(): Record<string, string> {
  return envReadable() ? Deno.env.toObject() : {};
}

function argv1(): string | undefined {
  try {
    return Deno.args[0];
  } catch {
    return undefined;
  }
}

let stdinReader: BufferedReader | null = null;
function stdinBuffer(): BufferedReader {
  return stdinReader ??= new BufferedReader(Deno.stdin);
}

/** Something FieldStorage can read: Python-style `read(n)` and `readline(limit)` returning bytes. */
export interface BinaryReader {
  /** Read `n` bytes (all with `-1`). */
  read(n?: number): Uint8Array | Promise<Uint8Array>;
  /** Read one line, at most `limit` bytes. */
  readline(limit?: number): Uint8Array | Promise<Uint8Array>;
}

/** The storage of a field's data: Python's `BytesIO`/`StringIO`/`TemporaryFile` subset. */
export interface FieldFile {
  /** Read `n` units (bytes or characters), or all with no argument. */
  read(n?: number): Bytes | string;
  /** Read one line. */
  readline(): Bytes | string;
  /** Append data. */
  write(data: Uint8Array | string): number;
  /** Move to `offset`; the new position. */
  seek(offset: number, whence?: number): number;
  /** The current position. */
  tell(): number;
  /** Release the storage. */
  close(): void;
  /** True once closed. */
  closed: boolean;
}

function typeCheck(binary: boolean, data: Uint8Array | string): void {
  if (binary && typeof data === "string") {
    throw new TypeError("a bytes-like object is required, not 'str'");
  }
  if (!binary && typeof data !== "string") {
    throw new TypeError(`write() argument must be str, not bytes`);
  }
}

/**
 * A temporary file, deleted from the file system as soon as it is opened
 * (Python's `tempfile.TemporaryFile`). Binary files hold bytes; text files
 * hold the text as UTF-8 and read back strings.
 */
class TemporaryFile implements FieldFile {
  #file: Deno.FsFile;
  #binary: boolean;
  #buf = new Uint8Array(1 << 20);
  #used = 0;
  closed = false;
  constructor(binary: boolean) {
    const path = Deno.makeTempFileSync({ prefix: "pyweb-cgi-" });
    this.#file = Deno.openSync(path, { read: true, write: true });
    try {
      Deno.removeSync(path);
    } catch { /* the file is still usable; it goes when the process ends */ }
    this.#binary = binary;
  }
  /**
   * The error of a closed `TemporaryFile`: a binary one (BufferedRandom)
   * names the operation, a text one (TextIOWrapper) does not.
   */
  #checkOpen(binaryMessage: string): void {
    if (this.closed) throw new ValueError(this.#binary ? binaryMessage : "I/O operation on closed file.");
  }
  #flushPending(): void {
    if (!this.#used) return;
    const data = this.#buf.subarray(0, this.#used);
    this.#used = 0;
    let off = 0;
    while (off < data.length) off += this.#file.writeSync(data.subarray(off));
  }
  write(data: Uint8Array | string): number {
    this.#checkOpen("write to closed file");
    typeCheck(this.#binary, data);
    const bytes = typeof data === "string" ? enc.encode(data) : data;
    if (this.#used + bytes.length > this.#buf.length) this.#flushPending();
    if (bytes.length >= this.#buf.length) {
      let off = 0;
      while (off < bytes.length) off += this.#file.writeSync(bytes.subarray(off));
    } else {
      this.#buf.set(bytes, this.#used);
      this.#used += bytes.length;
    }
    return data.length;
  }
  #readBytes(n: number): Bytes {
    this.#flushPending();
    if (n < 0) {
      const parts: Uint8Array[] = [];
      for (;;) {
        const buf = new Uint8Array(1 << 20);
        const got = this.#file.readSync(buf);
        if (got === null || got === 0) break;
        parts.push(buf.subarray(0, got));
      }
      return concatBytes(parts);
    }
    const buf = new Bytes(n);
    let got = 0;
    while (got < n) {
      const r = this.#file.readSync(buf.subarray(got));
      if (r === null || r === 0) break;
      got += r;
    }
    return buf.subarray(0, got) as Bytes;
  }
  read(n = -1): Bytes | string {
    this.#checkOpen("read of closed file");
    if (this.#binary) return this.#readBytes(n);
    if (n < 0) return decode(this.#readBytes(-1), "utf-8", "strict");
    // Read whole code points: count UTF-8 lead bytes (not 0b10xxxxxx) in
    // bounded chunks and give back what follows the n-th code point.
    const parts: Uint8Array[] = [];
    let total = 0;
    let chars = 0;
    let end = -1;
    while (end < 0) {
      const chunk = this.#readBytes(Math.min(Math.max((n - chars) * 4, 1), 1 << 20));
      if (chunk.length === 0) break;
      for (let i = 0; i < chunk.length; i++) {
        if ((chunk[i] & 0xc0) !== 0x80 && chars++ === n) {
          end = total + i;
          break;
        }
      }
      parts.push(chunk);
      total += chunk.length;
    }
    const all = concatBytes(parts);
    if (end < 0) end = total;
    else this.#file.seekSync(end - total, Deno.SeekMode.Current);
    return decode(all.subarray(0, end), "utf-8", "strict");
  }
  readline(): Bytes | string {
    this.#checkOpen("readline of closed file");
    // Read 8 KiB chunks until a newline or EOF, then give back what follows it.
    const parts: Uint8Array[] = [];
    let total = 0;
    let end = -1;
    while (end < 0) {
      const chunk = this.#readBytes(8192);
      if (chunk.length === 0) break;
      const nl = chunk.indexOf(10);
      if (nl >= 0) end = total + nl + 1;
      parts.push(chunk);
      total += chunk.length;
    }
    if (end < 0) end = total;
    else if (end < total) this.#file.seekSync(end - total, Deno.SeekMode.Current);
    const line = concatBytes(parts).subarray(0, end);
    return this.#binary ? new Bytes(line) : decode(line, "utf-8", "strict");
  }
  seek(offset: number, whence = 0): number {
    this.#checkOpen("seek of closed file");
    this.#flushPending();
    const mode = whence === 1
      ? Deno.SeekMode.Current
      : whence === 2
      ? Deno.SeekMode.End
      : Deno.SeekMode.Start;
    return this.#file.seekSync(offset, mode);
  }
  tell(): number {
    this.#checkOpen("I/O operation on closed file");
    this.#flushPending();
    return this.#file.seekSync(0, Deno.SeekMode.Current);
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.#used = 0;
    try {
      this.#file.close();
    } catch { /* already closed */ }
  }
}

/**
 * Python's `cgi._parseparam`, in linear time: a `;` ends a parameter when the
 * number of `"` before it that are not preceded by a backslash is even.
 */
function* parseparam(line: string): Generator<string> {
  let pos = 0;
  const n = line.length;
  while (pos < n && line[pos] === ";") {
    pos++;
    let unescaped = 0;
    let end = -1;
    for (let i = pos; i < n; i++) {
      const c = line.charCodeAt(i);
      if (c === 34 /* " */ && !(i > pos && line.charCodeAt(i - 1) === 92)) unescaped++;
      else if (c === 59 /* ; */ && (i === pos || unescaped % 2 === 0)) {
        end = i;
        break;
      }
    }
    if (end < 0) end = n;
    yield pyStrip(line.slice(pos, end));
    pos = end;
  }
}

const PARSE_HEADER = new Signature<{ line: string }>("parse_header", ["line"]);

/**
 * Parse a `Content-Type`-like header: the main value and a dict of its
 * parameters (names lower-cased, quotes removed).
 *
 * @param line the header value
 * @returns `(key, pdict)`
 * @example
 * ```ts
 * import { parse_header } from "@pyweb/std/cgi";
 * import assert from "node:assert/strict";
 * const [key, pdict] = parse_header('form-data; name="file"; filename="a b.txt"');
 * assert.equal(key, "form-data");
 * assert.deepEqual({ ...pdict }, { name: "file", filename: "a b.txt" });
 * ```
 */
export function parse_header(line: string): ParsedHeader;
/** `parse_header(line=l)` with keywords. */
export function parse_header(kwargs: { line: string }): ParsedHeader;
export function parse_header(...args: unknown[]): ParsedHeader {
  return parseHeader(PARSE_HEADER.bind(args).line);
}

/** `parse_header`'s result: `(key, pdict)`. */
export type ParsedHeader = Tuple<string | Record<string, string>> & [string, Record<string, string>];

function parseHeader(line: string): ParsedHeader {
  const parts = parseparam(";" + line);
  const key = parts.next().value ?? "";
  const pdict: Record<string, string> = Object.create(null);
  for (const p of parts) {
    const i = p.indexOf("=");
    if (i >= 0) {
      const name = pyStrip(p.slice(0, i)).toLowerCase();
      let value = pyStrip(p.slice(i + 1));
      if (value.length >= 2 && value[0] === '"' && value[value.length - 1] === '"') {
        value = value.slice(1, -1).replaceAll("\\\\", "\\").replaceAll('\\"', '"');
      }
      pdict[name] = value;
    }
  }
  return tuple(key, pdict) as Tuple<string | Record<string, string>> & [string, Record<string, string>];
}

const VALID_BOUNDARY = new Signature<{ s: string | Uint8Array }>("valid_boundary", ["s"]);

/**
 * Is `s` a valid multipart boundary (1–201 printable ASCII characters, not
 * ending in a space)?
 *
 * @param s the boundary
 * @returns true when valid
 * @example
 * ```ts
 * import { valid_boundary } from "@pyweb/std/cgi";
 * import assert from "node:assert/strict";
 * assert.equal(valid_boundary("----abc"), true);
 * assert.equal(valid_boundary(""), false);
 * ```
 */
export function valid_boundary(s: string | Uint8Array): boolean;
/** `valid_boundary(s=b)` with keywords. */
export function valid_boundary(kwargs: { s: string | Uint8Array }): boolean;
export function valid_boundary(...args: unknown[]): boolean {
  return validBoundary(VALID_BOUNDARY.bind(args).s);
}

function validBoundary(s: string | Uint8Array): boolean {
  let codes: number[] = typeof s === "string" ? [...s].map((c) => c.codePointAt(0)!) : [...s];
  if (codes.length && codes[codes.length - 1] === 10) codes = codes.slice(0, -1); // `$` allows a final \n
  if (codes.length < 1 || codes.length > 201) return false;
  for (const c of codes) if (c < 0x20 || c > 0x7e) return false;
  return codes[codes.length - 1] !== 0x20;
}

/** Options of {@link FieldStorage.create} (Python's keyword arguments). */
export interface FieldStorageOptions {
  /** Where the body is read from (default: stdin). */
  fp?: BinaryReader | null;
  /** The request headers (default: built from `environ`). */
  headers?: HeadersLike | null;
  /** For internal use: the boundary that ends this part. */
  outerboundary?: Uint8Array;
  /** The CGI variables (default: the process environment). */
  environ?: Record<string, string>;
  /** Keep blank values in url-encoded forms. */
  keep_blank_values?: boolean | number;
  /** Raise `ValueError` on malformed url-encoded fields. */
  strict_parsing?: boolean | number;
  /** For internal use: bytes left to read. */
  limit?: number | null;
  /** How to decode names and text values (default `"utf-8"`). */
  encoding?: string;
  /** Decoding error handler (default `"replace"`). */
  errors?: string;
  /** Raise `ValueError` when there are more fields than this. */
  max_num_fields?: number | null;
  /** The url-encoded field separator (default `"&"`). */
  separator?: string;
}

/** Headers given to FieldStorage: a plain object, a `Map`, or an `HTTPMessage`. */
export type HeadersLike = Record<string, string> | Map<string, string> | MessageLike;

/** A case-insensitive header mapping such as `HTTPMessage` (what parts get). */
export interface MessageLike {
  /** The first value of `name`, or `null`. */
  get(name: string): string | null;
  /** Is `name` present? */
  has(name: string): boolean;
  /** Remove every `name` field. */
  delete(name: string): boolean;
}

/** Python's `os.environ` as a default argument: the process environment, read at call time. */
const OS_ENVIRON: Record<string, string> = Object.freeze(Object.create(
  Object.defineProperty({}, "toString", { value: () => "os.environ" }),
));

const FIELD_STORAGE_INIT = new Signature<FieldStorageOptions>(
  "FieldStorage.__init__",
  [
    "self",
    "fp",
    "headers",
    "outerboundary",
    "environ",
    "keep_blank_values",
    "strict_parsing",
    "limit",
    "encoding",
    "errors",
    "max_num_fields",
    "separator",
  ],
  {
    fp: null,
    headers: null,
    outerboundary: new Bytes(0),
    environ: OS_ENVIRON,
    keep_blank_values: 0,
    strict_parsing: 0,
    limit: null,
    encoding: "utf-8",
    errors: "replace",
    max_num_fields: null,
    separator: "&",
  },
  ["headers", "environ"],
);

function isMessage(h: HeadersLike): h is MessageLike {
  return !(h instanceof Map) && typeof (h as { get?: unknown }).get === "function";
}

function hget(h: HeadersLike, key: string): string | undefined {
  if (isMessage(h)) return h.get(key) ?? undefined;
  if (h instanceof Map) return h.get(key);
  return Object.prototype.hasOwnProperty.call(h, key) ? h[key] : undefined;
}

function hhas(h: HeadersLike, key: string): boolean {
  if (h instanceof Map || isMessage(h)) return h.has(key);
  return Object.prototype.hasOwnProperty.call(h, key);
}

/** Python's `int(s)` for a Content-Length, `null` when it is not a number. */
function toInt(s: string): number | null {
  const t = s.trim();
  return /^[+-]?[0-9]+(?:_[0-9]+)*$/.test(t) ? Number(t.replaceAll("_", "")) : null;
}

function isWhitespaceOnly(b: Uint8Array): boolean {
  for (const c of b) if (!(c === 32 || (c >= 9 && c <= 13))) return false;
  return true;
}

function stripBytes(b: Uint8Array, left: boolean): Uint8Array {
  let s = 0, e = b.length;
  const ws = (c: number) => c === 32 || (c >= 9 && c <= 13);
  if (left) { while (s < e && ws(b[s])) s++; }
  while (e > s && ws(b[e - 1])) e--;
  return b.subarray(s, e);
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function startsWithDashes(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 45 && b[1] === 45;
}

function endsWith(b: Uint8Array, ...tail: number[]): boolean {
  if (b.length < tail.length) return false;
  for (let i = 0; i < tail.length; i++) if (b[b.length - tail.length + i] !== tail[i]) return false;
  return true;
}

const FIELD_STORAGE_GETVALUE = new Signature<{ key: string; default: unknown }>(
  "FieldStorage.getvalue",
  ["self", "key", "default"],
  { default: null },
  ["default"],
);
const FIELD_STORAGE_GETFIRST = new Signature<{ key: string; default: unknown }>(
  "FieldStorage.getfirst",
  ["self", "key", "default"],
  { default: null },
  ["default"],
);
const FIELD_STORAGE_GETLIST = new Signature<{ key: string }>("FieldStorage.getlist", ["self", "key"]);
const FIELD_STORAGE_READ_MULTI = new Signature<
  { environ: Record<string, string>; keep_blank_values: boolean | number; strict_parsing: boolean | number }
>("FieldStorage.read_multi", ["self", "environ", "keep_blank_values", "strict_parsing"], {}, ["environ"]);
const MINI_FIELD_STORAGE_INIT = new Signature<{ name: string; value: string }>("MiniFieldStorage.__init__", [
  "self",
  "name",
  "value",
]);

/** A form field without file data: a name and a string value (Python's `MiniFieldStorage`). */
export class MiniFieldStorage {
  /** The field name. */
  name: string;
  /** The field value. */
  value: string;
  /** Always `null`. */
  filename: null = null;
  /** Always `null`. */
  list: null = null;
  /** Always `null`. */
  type: null = null;
  /** Always `null`. */
  file: null = null;
  /** Always empty. */
  type_options: Record<string, string> = Object.create(null);
  /** Always `null`. */
  disposition: null = null;
  /** Always empty. */
  disposition_options: Record<string, string> = Object.create(null);
  /** Always empty. */
  headers: Record<string, string> = Object.create(null);

  /**
   * A field from its name and value.
   *
   * @param name the field name
   * @param value the field value
   * @example
   * ```ts
   * import { MiniFieldStorage } from "@pyweb/std/cgi";
   * import { repr } from "@pyweb/std";
   * import assert from "node:assert/strict";
   * assert.equal(repr(new MiniFieldStorage("a", "1")), "MiniFieldStorage('a', '1')");
   * ```
   */
  constructor(name: string | { name: string; value: string }, value?: string) {
    ({ name, value } = MINI_FIELD_STORAGE_INIT.bind(arguments));
    this.name = name;
    this.value = value;
  }

  /** Python's repr: `MiniFieldStorage('name', 'value')`. */
  [pyrepr](): string {
    return `MiniFieldStorage(${repr(this.name)}, ${repr(this.value)})`;
  }
}
showAsRepr(MiniFieldStorage);

/** What `form.get(name)` gives: one field or, for repeated names, an array of them. */
export type FieldItem = FieldStorage | MiniFieldStorage;

/**
 * A parsed form: Python's `cgi.FieldStorage`. Build it with
 * `await FieldStorage.create(...)`.
 *
 * At the top level it is a mapping from field names to fields: `form[k]` is
 * `form.get(k)` (a field, or an array when the name repeats), `k in form` is
 * `form.has(k)`, and `getvalue`, `getfirst`, `getlist`, `keys` work as in
 * Python. A file upload has `.filename`, `.file` and `.value` (bytes).
 *
 * @example
 * ```ts
 * import { FieldStorage } from "@pyweb/std/cgi";
 * import assert from "node:assert/strict";
 * const form = await FieldStorage.create({
 *   environ: { REQUEST_METHOD: "GET", QUERY_STRING: "a=1&b=2&a=3" },
 * });
 * assert.deepEqual(form.getvalue("a"), ["1", "3"]);
 * assert.equal(form.getfirst("b"), "2");
 * assert.equal(form.has("c"), false);
 * ```
 */
export class FieldStorage implements Iterable<string | null> {
  /** Largest body accepted (`0`: no limit); Python's module-level `cgi.maxlen`. */
  static maxlen: number = 0;
  /** I/O block size used when copying a body to a file. */
  bufsize: number = 8 * 1024;
  /** The class used for parts (default: this class). */
  FieldStorageClass: typeof FieldStorage | null = null;

  /** Keep blank values in url-encoded data. */
  keep_blank_values: boolean | number = 0;
  /** Raise on malformed url-encoded data. */
  strict_parsing: boolean | number = 0;
  /** The field limit. */
  max_num_fields: number | null = null;
  /** The url-encoded separator. */
  separator: string = "&";
  /** The query string that came with a POST. */
  qs_on_post: string | null = null;
  /** The headers of the request or part. */
  headers: HeadersLike = Object.create(null);
  /** The stream the body is read from. */
  fp: BinaryReader | null = null;
  /** Text encoding. */
  encoding: string = "utf-8";
  /** Decoding error handler. */
  errors: string = "replace";
  /** The boundary that ends this part (empty at the top level). */
  outerboundary: Uint8Array = new Uint8Array(0);
  /** Bytes read so far. */
  bytes_read: number = 0;
  /** Bytes this storage may read, or `null`. */
  limit: number | null = null;
  /** The `Content-Disposition` main value. */
  disposition: string = "";
  /** The `Content-Disposition` parameters. */
  disposition_options: Record<string, string> = Object.create(null);
  /** The field name, or `null`. */
  name: string | null = null;
  /** The uploaded file's name, or `null`. */
  filename: string | null = null;
  /** The content type. */
  type: string = "";
  /** The content type's parameters. */
  type_options: Record<string, string> = Object.create(null);
  /** The multipart boundary of this body, as bytes. */
  innerboundary: Uint8Array = new Uint8Array(0);
  /** The Content-Length, or -1. */
  length: number = -1;
  /** The fields (url-encoded or multipart data), or `null` for a single part. */
  list: FieldItem[] | null = null;
  /** The data of a single part, or `null`. */
  file: FieldFile | null = null;
  /** 1 after the last boundary, -1 at end of input, 0 otherwise. */
  done: number = 0;
  #binaryFile = false;
  #memFile: BytesIO | StringIO | null = null;

  /**
   * Parse a form: Python's `FieldStorage(fp=None, headers=None,
   * outerboundary=b'', environ=os.environ, keep_blank_values=0,
   * strict_parsing=0, limit=None, encoding='utf-8', errors='replace',
   * max_num_fields=None, separator='&')`, positionally or as keywords.
   *
   * @param args Python's arguments; a trailing plain object gives keywords
   * @returns the parsed form
   * @throws ValueError for invalid boundaries, too many fields, too long part headers
   * @example
   * ```ts
   * import { BytesIO, FieldStorage } from "@pyweb/std/cgi";
   * import assert from "node:assert/strict";
   * const body = new TextEncoder().encode(
   *   '--X\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nhello\r\n--X--\r\n',
   * );
   * const form = await FieldStorage.create({
   *   fp: new BytesIO(body),
   *   environ: {
   *     REQUEST_METHOD: "POST",
   *     CONTENT_TYPE: "multipart/form-data; boundary=X",
   *     CONTENT_LENGTH: String(body.length),
   *   },
   * });
   * const f = form.get("f") as FieldStorage;
   * assert.equal(f.filename, "a.txt");
   * assert.equal(new TextDecoder().decode(f.value as Uint8Array), "hello");
   * ```
   */
  static async create<T extends FieldStorage>(
    this: new (...args: unknown[]) => T,
    ...args: (unknown | FieldStorageOptions)[]
  ): Promise<T> {
    const fs = new this(...args);
    const opts = (fs as FieldStorage).#args ?? {};
    (fs as FieldStorage).#args = null;
    await fs._init(opts);
    return fs;
  }

  #args: FieldStorageOptions | null = null;

  /**
   * Check Python's arguments: `FieldStorage(fp=None, headers=None,
   * outerboundary=b'', environ=os.environ, …)`. The parsing itself is
   * asynchronous: build a form with {@link FieldStorage.create}, which takes
   * the same arguments.
   *
   * @param args Python's arguments; a trailing plain object gives keywords
   */
  constructor(...args: unknown[]) {
    this.#args = FIELD_STORAGE_INIT.bind(args);
  }

  /** The constructor work of Python's `__init__` (called by {@link FieldStorage.create}). */
  async _init(o: FieldStorageOptions): Promise<void> {
    const environ = o.environ === undefined || o.environ === OS_ENVIRON ? osEnviron() : o.environ;
    let fp: BinaryReader | null | undefined = o.fp;
    let headers: HeadersLike | null | undefined = o.headers;
    const outerboundary = o.outerboundary ?? new Uint8Array(0);
    let method = "GET";
    this.keep_blank_values = o.keep_blank_values ?? 0;
    this.strict_parsing = o.strict_parsing ?? 0;
    this.max_num_fields = o.max_num_fields ?? null;
    this.separator = o.separator ?? "&";
    if ("REQUEST_METHOD" in environ) method = String(environ["REQUEST_METHOD"]).toUpperCase();
    this.qs_on_post = null;
    if (method === "GET" || method === "HEAD") {
      let qs: string;
      if ("QUERY_STRING" in environ) qs = environ["QUERY_STRING"];
      else qs = argv1() ?? "";
      fp = new BytesIO(enc.encode(qs));
      if (headers == null) headers = { "content-type": "application/x-www-form-urlencoded" };
    }
    if (headers == null) {
      const h: Record<string, string> = {};
      if (method === "POST") h["content-type"] = "application/x-www-form-urlencoded";
      if ("CONTENT_TYPE" in environ) h["content-type"] = environ["CONTENT_TYPE"];
      if ("QUERY_STRING" in environ) this.qs_on_post = environ["QUERY_STRING"];
      if ("CONTENT_LENGTH" in environ) h["content-length"] = environ["CONTENT_LENGTH"];
      headers = h;
    } else if (typeof headers !== "object") {
      throw new TypeError("headers must be mapping or an instance of email.message.Message");
    }
    this.headers = headers;
    if (fp == null) {
      this.fp = stdinBuffer();
    } else {
      const f = fp as unknown as Record<string, unknown>;
      if (typeof f.read !== "function" || typeof f.readline !== "function") {
        throw new TypeError("fp must be file pointer");
      }
      this.fp = fp;
    }
    this.encoding = o.encoding ?? "utf-8";
    this.errors = o.errors ?? "replace";
    if (!(outerboundary instanceof Uint8Array)) {
      throw new TypeError(
        `outerboundary must be bytes, not ${
          typeof outerboundary === "string" ? "str" : typeof outerboundary
        }`,
      );
    }
    this.outerboundary = outerboundary;
    this.bytes_read = 0;
    this.limit = o.limit ?? null;

    let cdisp = "", pdict: Record<string, string> = Object.create(null);
    if (hhas(this.headers, "content-disposition")) {
      [cdisp, pdict] = parseHeader(hget(this.headers, "content-disposition")!);
    }
    this.disposition = cdisp;
    this.disposition_options = pdict;
    this.name = "name" in pdict ? pdict["name"] : null;
    this.filename = "filename" in pdict ? pdict["filename"] : null;
    this.#binaryFile = this.filename !== null;

    let ctype: string;
    if (hhas(this.headers, "content-type")) {
      [ctype, pdict] = parseHeader(hget(this.headers, "content-type")!);
    } else if (this.outerboundary.length || method !== "POST") {
      [ctype, pdict] = ["text/plain", Object.create(null)];
    } else {
      [ctype, pdict] = ["application/x-www-form-urlencoded", Object.create(null)];
    }
    this.type = ctype;
    this.type_options = pdict;
    this.innerboundary = "boundary" in pdict
      ? encode(pdict["boundary"], this.encoding, this.errors)
      : new Uint8Array(0);

    let clen = -1;
    if (hhas(this.headers, "content-length")) {
      const n = toInt(hget(this.headers, "content-length")!);
      if (n !== null) clen = n;
      if (FieldStorage.maxlen && clen > FieldStorage.maxlen) {
        throw new ValueError("Maximum content length exceeded");
      }
    }
    this.length = clen;
    if (this.limit === null && clen >= 0) this.limit = clen;

    this.list = this.file = null;
    this.done = 0;
    if (ctype === "application/x-www-form-urlencoded") await this.read_urlencoded();
    else if (ctype.slice(0, 10) === "multipart/") {
      await this.read_multi(environ, this.keep_blank_values, this.strict_parsing);
    } else await this.read_single();
  }

  /** Python's `repr()`: `FieldStorage(name, filename, value)`. */
  [pyrepr](): string {
    return `FieldStorage(${repr(this.name)}, ${repr(this.filename)}, ${repr(this.value)})`;
  }

  /** Iterate the field names. */
  [Symbol.iterator](): Iterator<string | null> {
    return this.keys()[Symbol.iterator]();
  }

  /** The data: bytes of a file upload, the text of a text part, the field list of a form, or `null`. */
  get value(): Bytes | string | FieldItem[] | null {
    if (this.file) {
      this.file.seek(0);
      const v = this.file.read();
      this.file.seek(0);
      return v;
    }
    if (this.list !== null) return this.list;
    return null;
  }

  #items(): FieldItem[] {
    if (this.list === null) throw new TypeError("not indexable");
    return this.list;
  }

  /**
   * Python's `form[key]`: the field named `key`, or an array of them when
   * the name repeats.
   *
   * @param key the field name
   * @returns the field(s)
   * @throws KeyError when absent; TypeError when this is not a form
   */
  get(key: string): FieldItem | FieldItem[] {
    const found = this.#items().filter((item) => item.name === key);
    if (!found.length) throw new KeyError(key);
    return found.length === 1 ? found[0] : found;
  }

  /**
   * The value of `key` (an array for repeated names), or `default`.
   *
   * @param key the field name
   * @param defaultValue returned when absent (default `null`)
   * @returns the value(s)
   */
  getvalue<D = null>(key: string, defaultValue?: D): unknown;
  /** `getvalue(key, default=d)` with keywords. */
  getvalue<D = null>(key: string, kwargs: Keywords<{ default?: D }>): unknown;
  /** `getvalue(key=k, default=d)` with keywords. */
  getvalue<D = null>(kwargs: { key: string; default?: D }): unknown;
  getvalue(...args: unknown[]): unknown {
    const { key, default: defaultValue } = FIELD_STORAGE_GETVALUE.bind(args);
    if (!this.has(key)) return defaultValue;
    const value = this.get(key);
    return Array.isArray(value) ? value.map((x) => x.value) : value.value;
  }

  /**
   * The first value of `key`, or `default`.
   *
   * @param key the field name
   * @param defaultValue returned when absent (default `null`)
   * @returns the first value
   */
  getfirst<D = null>(key: string, defaultValue?: D): unknown;
  /** `getfirst(key, default=d)` with keywords. */
  getfirst<D = null>(key: string, kwargs: Keywords<{ default?: D }>): unknown;
  /** `getfirst(key=k, default=d)` with keywords. */
  getfirst<D = null>(kwargs: { key: string; default?: D }): unknown;
  getfirst(...args: unknown[]): unknown {
    const { key, default: defaultValue } = FIELD_STORAGE_GETFIRST.bind(args);
    if (!this.has(key)) return defaultValue;
    const value = this.get(key);
    return Array.isArray(value) ? value[0].value : value.value;
  }

  /**
   * Every value of `key` (empty when absent).
   *
   * @param key the field name
   * @returns the values
   */
  getlist(key: string): unknown[];
  /** `getlist(key=k)` with keywords. */
  getlist(kwargs: { key: string }): unknown[];
  getlist(...args: unknown[]): unknown[] {
    const { key } = FIELD_STORAGE_GETLIST.bind(args);
    if (!this.has(key)) return [];
    const value = this.get(key);
    return Array.isArray(value) ? value.map((x) => x.value) : [value.value];
  }

  /** The distinct field names (first-seen order). */
  keys(): (string | null)[] {
    return [...new Set(this.#items().map((item) => item.name))];
  }

  /**
   * Python's `key in form`.
   *
   * @param key the field name
   * @returns true when present
   */
  has(key: string): boolean {
    return this.#items().some((item) => item.name === key);
  }

  /** Python's `len(form)`: the number of distinct names. */
  get size(): number {
    return this.keys().length;
  }

  /** Python's `len(form)`. */
  __len__(): number {
    return this.keys().length;
  }

  /** Python's `bool(form)`: true when there are fields. */
  __bool__(): boolean {
    if (this.list === null) throw new TypeError("Cannot be converted to bool.");
    return this.list.length > 0;
  }

  async #readline(limit?: number): Promise<Uint8Array> {
    const line = await this.fp!.readline(limit);
    if (!(line instanceof Uint8Array)) {
      throw new ValueError(
        `${repr(this.fp)} should return bytes, got ${typeof line === "string" ? "str" : typeof line}`,
      );
    }
    return line;
  }

  /** `urllib.parse.parse_qsl` with this form's parsing options. */
  #parseQsl(qs: string): [string, string][] {
    return parse_qsl(qs, {
      keep_blank_values: truthy(this.keep_blank_values),
      strict_parsing: truthy(this.strict_parsing),
      encoding: this.encoding,
      errors: this.errors,
      max_num_fields: this.max_num_fields,
      separator: this.separator,
    });
  }

  #boundaryFor: Uint8Array | null = null;
  #boundaries: [Uint8Array, Uint8Array] = [new Uint8Array(0), new Uint8Array(0)];
  /** `b"--" + outerboundary` and that plus `b"--"`, computed once per boundary. */
  #outerBoundaries(): [Uint8Array, Uint8Array] {
    if (this.#boundaryFor !== this.outerboundary) {
      const next = concatBytes([enc.encode("--"), this.outerboundary]);
      this.#boundaries = [next, concatBytes([next, enc.encode("--")])];
      this.#boundaryFor = this.outerboundary;
    }
    return this.#boundaries;
  }

  /** Read url-encoded data into `list`. */
  async read_urlencoded(): Promise<void> {
    const data = await this.fp!.read(this.length);
    if (!(data instanceof Uint8Array)) {
      throw new ValueError(
        `${repr(this.fp)} should return bytes, got ${typeof data === "string" ? "str" : typeof data}`,
      );
    }
    let qs = decode(data, this.encoding, this.errors);
    if (this.qs_on_post) qs += "&" + this.qs_on_post;
    const query = this.#parseQsl(qs);
    this.list = query.map(([k, v]) => new MiniFieldStorage(k, v));
    await this.skip_lines();
  }

  /** Read a multipart body into `list`. */
  async read_multi(
    environ: Record<string, string>,
    keep_blank_values?: boolean | number,
    strict_parsing?: boolean | number,
  ): Promise<void> {
    ({ environ, keep_blank_values, strict_parsing } = FIELD_STORAGE_READ_MULTI.bind(arguments));
    const ib = this.innerboundary;
    if (!validBoundary(ib)) {
      throw new ValueError(`Invalid boundary in multipart form: ${repr(new Bytes(ib))}`);
    }
    this.list = [];
    if (this.qs_on_post) {
      const query = this.#parseQsl(this.qs_on_post);
      for (const [k, v] of query) this.list.push(new MiniFieldStorage(k, v));
    }
    const klass = (this.FieldStorageClass ?? this.constructor) as typeof FieldStorage;
    const dashIb = concatBytes([enc.encode("--"), ib]);
    let firstLine = await this.#readline(1 << 16);
    this.bytes_read += firstLine.length;
    while (!bytesEqual(stripBytes(firstLine, true), dashIb) && firstLine.length) {
      firstLine = await this.#readline(1 << 16);
      this.bytes_read += firstLine.length;
    }
    let maxNumFields = this.max_num_fields;
    if (maxNumFields !== null) maxNumFields -= this.list.length;

    for (;;) {
      const hdrParts: Uint8Array[] = [];
      let hdrLen = 0;
      for (;;) {
        const data = await this.#readline(MAX_PART_HEADER_BYTES + 1);
        hdrParts.push(data);
        hdrLen += data.length;
        if (hdrLen > MAX_PART_HEADER_BYTES) {
          throw new ValueError(`Multipart part headers exceed ${MAX_PART_HEADER_BYTES} bytes`);
        }
        if (isWhitespaceOnly(data)) break;
      }
      if (!hdrLen) break;
      this.bytes_read += hdrLen;
      const headers = parseHeaderBlock(
        decode(concatBytes(hdrParts), this.encoding, this.errors),
        new HTTPMessage(),
      );
      if (headers.has("content-length")) headers.delete("content-length");
      const limit = this.limit === null ? null : this.limit - this.bytes_read;
      const part = await klass.create(
        this.fp,
        headers,
        ib,
        environ,
        keep_blank_values,
        strict_parsing,
        limit,
        this.encoding,
        this.errors,
        maxNumFields,
        this.separator,
      );
      if (maxNumFields !== null) {
        maxNumFields -= 1;
        if (part.list) maxNumFields -= part.list.length;
        if (maxNumFields < 0) throw new ValueError("Max number of fields exceeded");
      }
      this.bytes_read += part.bytes_read;
      this.list.push(part);
      if (part.done || (this.bytes_read >= this.length && this.length > 0)) break;
    }
    await this.skip_lines();
  }

  /** Read a single (non-form) part. */
  async read_single(): Promise<void> {
    if (this.length >= 0) {
      await this.read_binary();
      await this.skip_lines();
    } else {
      await this.read_lines();
    }
    this.file!.seek(0);
  }

  /** Copy exactly `length` bytes to `file`. */
  async read_binary(): Promise<void> {
    this.file = this.make_file();
    let todo = this.length;
    while (todo > 0) {
      const data = await this.fp!.read(Math.min(todo, this.bufsize));
      if (!(data instanceof Uint8Array)) {
        throw new ValueError(
          `${repr(this.fp)} should return bytes, got ${typeof data === "string" ? "str" : typeof data}`,
        );
      }
      this.bytes_read += data.length;
      if (!data.length) {
        this.done = -1;
        break;
      }
      this.file.write(data);
      todo -= data.length;
    }
  }

  /** Read lines until EOF or the outer boundary into `file`. */
  async read_lines(): Promise<void> {
    // CPython: self.file = self.__file = BytesIO() (or StringIO() for a text field).
    this.#memFile = this.#binaryFile ? new BytesIO() : new StringIO();
    this.file = this.#memFile as unknown as FieldFile;
    if (this.outerboundary.length) await this.read_lines_to_outerboundary();
    else await this.read_lines_to_eof();
  }

  #write(line: Uint8Array): void {
    if (this.#memFile !== null) {
      if (this.#memFile.tell() + line.length > 1000) {
        this.file = this.make_file();
        this.file.write(this.#memFile.getvalue() as Uint8Array | string);
        this.#memFile = null;
      }
    }
    if (this.#binaryFile) this.file!.write(line);
    else this.file!.write(decode(line, this.encoding, this.errors));
  }

  /** Read lines to the end of input. */
  async read_lines_to_eof(): Promise<void> {
    for (;;) {
      const line = await this.#readline(1 << 16);
      this.bytes_read += line.length;
      if (!line.length) {
        this.done = -1;
        break;
      }
      this.#write(line);
    }
  }

  /** Read lines up to the outer boundary (the line end before it is not data). */
  async read_lines_to_outerboundary(): Promise<void> {
    const [nextBoundary, lastBoundary] = this.#outerBoundaries();
    let delim: Uint8Array = new Uint8Array(0);
    let lastLineLfend = true;
    let read = 0;
    for (;;) {
      if (this.limit !== null && 0 <= this.limit && this.limit <= read) break;
      let line = await this.#readline(1 << 16);
      this.bytes_read += line.length;
      read += line.length;
      if (!line.length) {
        this.done = -1;
        break;
      }
      if (delim.length === 1 && delim[0] === 13) {
        line = concatBytes([delim, line]);
        delim = new Uint8Array(0);
      }
      if (startsWithDashes(line) && lastLineLfend) {
        const stripped = stripBytes(line, false);
        if (bytesEqual(stripped, nextBoundary)) break;
        if (bytesEqual(stripped, lastBoundary)) {
          this.done = 1;
          break;
        }
      }
      const odelim = delim;
      if (endsWith(line, 13, 10)) {
        delim = CRLF;
        line = line.subarray(0, -2);
        lastLineLfend = true;
      } else if (endsWith(line, 10)) {
        delim = LF;
        line = line.subarray(0, -1);
        lastLineLfend = true;
      } else if (endsWith(line, 13)) {
        delim = CR;
        line = line.subarray(0, -1);
        lastLineLfend = false;
      } else {
        delim = new Uint8Array(0);
        lastLineLfend = false;
      }
      if (odelim.length) this.#write(odelim);
      this.#write(line);
    }
  }

  /** Skip lines up to the outer boundary. */
  async skip_lines(): Promise<void> {
    if (!this.outerboundary.length || this.done) return;
    const [nextBoundary, lastBoundary] = this.#outerBoundaries();
    let lastLineLfend = true;
    for (;;) {
      const line = await this.#readline(1 << 16);
      this.bytes_read += line.length;
      if (!line.length) {
        this.done = -1;
        break;
      }
      if (endsWith(line, 45, 45) && lastLineLfend) {
        const stripped = stripBytes(line, true);
        if (bytesEqual(stripped, nextBoundary)) break;
        if (bytesEqual(stripped, lastBoundary)) {
          this.done = 1;
          break;
        }
      }
      lastLineLfend = endsWith(line, 10);
    }
  }

  /**
   * Overridable: a new readable and writable file for a large part. The
   * default is a temporary file deleted from disk at once (binary for file
   * uploads, text otherwise).
   *
   * @returns the file
   */
  make_file(): FieldFile {
    return new TemporaryFile(this.#binaryFile);
  }

  /** Close the part's file (Python's `with FieldStorage(...)` exit). */
  [Symbol.dispose](): void {
    this.file?.close();
  }

  /** Close every file this form holds (parts included). */
  close(): void {
    this.file?.close();
    for (const item of this.list ?? []) if (item instanceof FieldStorage) item.close();
  }
}
showAsRepr(FieldStorage);

const CRLF = new Uint8Array([13, 10]);
const LF = new Uint8Array([10]);
const CR = new Uint8Array([13]);

/** Keyword arguments of {@link parse}. */
export interface ParseOptions {
  /** Where a POST body is read from (default: stdin). */
  fp?: BinaryReader | null;
  /** The CGI variables (default: the process environment); `QUERY_STRING` is set in it, as in Python. */
  environ?: Record<string, string>;
  /** Keep blank values. */
  keep_blank_values?: boolean | number;
  /** Raise on malformed fields. */
  strict_parsing?: boolean | number;
  /** The field separator (default `"&"`). */
  separator?: string;
}

const PARSE = new Signature<Required<ParseOptions>>(
  "parse",
  ["fp", "environ", "keep_blank_values", "strict_parsing", "separator"],
  { fp: null, environ: OS_ENVIRON, keep_blank_values: 0, strict_parsing: 0, separator: "&" },
  ["environ"],
);

/**
 * Parse the query of a CGI request (the query string, or a url-encoded or
 * multipart POST body): Python's `cgi.parse()`.
 *
 * @param fp the body stream, or the keyword object
 * @param environ the CGI variables
 * @param keep_blank_values keep blank values
 * @param strict_parsing raise on malformed fields
 * @param separator the field separator
 * @returns a dict from names to lists of values
 * @example
 * ```ts
 * import { parse } from "@pyweb/std/cgi";
 * import assert from "node:assert/strict";
 * const q = await parse({ environ: { REQUEST_METHOD: "GET", QUERY_STRING: "a=1&a=2&b=" }, keep_blank_values: true });
 * assert.deepEqual({ ...q }, { a: ["1", "2"], b: [""] });
 * ```
 */
export async function parse(
  fp?: BinaryReader | null,
  environ?: Record<string, string>,
  keep_blank_values?: boolean | number,
  strict_parsing?: boolean | number,
  separator?: string,
): Promise<Record<string, unknown[]>>;
/** `parse(fp, environ, keep_blank_values=…, strict_parsing=…, separator=…)` with keywords. */
export async function parse(
  fp: BinaryReader | null,
  environ: Record<string, string>,
  kwargs: Omit<ParseOptions, "fp" | "environ">,
): Promise<Record<string, unknown[]>>;
/** `parse(fp, keep_blank_values=…)` with keywords. */
export async function parse(
  fp: BinaryReader | null,
  kwargs: Omit<ParseOptions, "fp">,
): Promise<Record<string, unknown[]>>;
/** `parse(fp=…, environ=…, …)` with keywords. */
export async function parse(kwargs: ParseOptions): Promise<Record<string, unknown[]>>;
export async function parse(...args: unknown[]): Promise<Record<string, unknown[]>> {
  const { fp, environ, keep_blank_values, strict_parsing, separator } = PARSE.bind(args);
  let reader = fp as BinaryReader | null;
  let encoding = "latin-1";
  if (reader === null) {
    reader = stdinBuffer();
    encoding = "utf-8";
  } else if (typeof (reader as { encoding?: unknown }).encoding === "string") {
    encoding = (reader as unknown as { encoding: string }).encoding;
  }
  const env = environ === OS_ENVIRON ? osEnviron() : environ;
  if (!("REQUEST_METHOD" in env)) env["REQUEST_METHOD"] = "GET";
  let qs: string;
  if (env["REQUEST_METHOD"] === "POST") {
    if (!("CONTENT_TYPE" in env)) throw new KeyError("CONTENT_TYPE");
    const [ctype, pdict] = parseHeader(env["CONTENT_TYPE"]);
    if (ctype === "multipart/form-data") {
      return parseMultipart(reader, pdict, "utf-8", "replace", separator);
    } else if (ctype === "application/x-www-form-urlencoded") {
      if (!("CONTENT_LENGTH" in env)) throw new KeyError("CONTENT_LENGTH");
      const clength = toInt(env["CONTENT_LENGTH"]);
      if (clength === null) {
        throw new ValueError(`invalid literal for int() with base 10: ${repr(env["CONTENT_LENGTH"])}`);
      }
      if (FieldStorage.maxlen && clength > FieldStorage.maxlen) {
        throw new ValueError("Maximum content length exceeded");
      }
      qs = decode(await reader.read(clength), encoding);
    } else {
      qs = "";
    }
    if ("QUERY_STRING" in env) {
      if (qs) qs += "&";
      qs += env["QUERY_STRING"];
    } else if (argv1() !== undefined) {
      if (qs) qs += "&";
      qs += argv1();
    }
    env["QUERY_STRING"] = qs;
  } else if ("QUERY_STRING" in env) {
    qs = env["QUERY_STRING"];
  } else {
    qs = argv1() ?? "";
    env["QUERY_STRING"] = qs;
  }
  return parse_qs(qs, {
    keep_blank_values: truthy(keep_blank_values),
    strict_parsing: truthy(strict_parsing),
    encoding,
    separator,
  }) as Record<string, unknown[]>;
}

/** Keyword arguments of {@link parse_multipart}. */
export interface ParseMultipartOptions {
  /** How to decode names and text values (default `"utf-8"`). */
  encoding?: string;
  /** Decoding error handler (default `"replace"`). */
  errors?: string;
  /** The url-encoded separator (default `"&"`). */
  separator?: string;
}

const PARSE_MULTIPART = new Signature<
  { fp: BinaryReader; pdict: Record<string, string | Uint8Array> } & Required<ParseMultipartOptions>
>(
  "parse_multipart",
  ["fp", "pdict", "encoding", "errors", "separator"],
  { encoding: "utf-8", errors: "replace", separator: "&" },
  ["pdict"],
);

/**
 * Parse a `multipart/form-data` body: Python's `cgi.parse_multipart(fp,
 * pdict)`. `pdict` holds the `boundary` (bytes, or a string) and optionally
 * `CONTENT-LENGTH`. File parts give bytes, other parts strings.
 *
 * @param fp the body stream
 * @param pdict the Content-Type parameters
 * @param encoding how to decode names and text values (default `"utf-8"`)
 * @param errors the decoding error handler (default `"replace"`)
 * @param separator the url-encoded separator (default `"&"`)
 * @returns a dict from names to lists of values
 * @example
 * ```ts
 * import { BytesIO, parse_multipart } from "@pyweb/std/cgi";
 * import assert from "node:assert/strict";
 * const body = new TextEncoder().encode('--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B--\r\n');
 * const r = await parse_multipart(new BytesIO(body), { boundary: new TextEncoder().encode("B") });
 * assert.deepEqual({ ...r }, { a: ["1"] });
 * ```
 */
export async function parse_multipart(
  fp: BinaryReader,
  pdict: Record<string, string | Uint8Array>,
  encoding?: string,
  errors?: string,
  separator?: string,
): Promise<Record<string, unknown[]>>;
/** `parse_multipart(fp, pdict, encoding=…, errors=…, separator=…)` with keywords. */
export async function parse_multipart(
  fp: BinaryReader,
  pdict: Record<string, string | Uint8Array>,
  kwargs: ParseMultipartOptions,
): Promise<Record<string, unknown[]>>;
/** Every argument by keyword. */
export async function parse_multipart(
  kwargs: { fp: BinaryReader; pdict: Record<string, string | Uint8Array> } & ParseMultipartOptions,
): Promise<Record<string, unknown[]>>;
export async function parse_multipart(...args: unknown[]): Promise<Record<string, unknown[]>> {
  const { fp, pdict, encoding, errors, separator } = PARSE_MULTIPART.bind(args);
  return await parseMultipart(fp, pdict, encoding, errors, separator);
}

async function parseMultipart(
  fp: BinaryReader,
  pdict: Record<string, string | Uint8Array>,
  encoding: string,
  errors: string,
  separator: string,
): Promise<Record<string, unknown[]>> {
  const raw = pdict["boundary"];
  if (raw === undefined) throw new KeyError("boundary");
  const boundary = typeof raw === "string" ? raw : decode(raw, "ascii");
  const ctype = `multipart/form-data; boundary=${boundary}`;
  // email.message.Message.set_type() accepts exactly one "/" in the type.
  if (ctype.split("/").length !== 2) throw new ValueError();
  const headers = new HTTPMessage();
  headers.set("Content-Type", ctype);
  if ("CONTENT-LENGTH" in pdict) headers.set("Content-Length", String(pdict["CONTENT-LENGTH"]));
  const fs = new FieldStorage();
  await fs._init({ fp, headers, encoding, errors, environ: { REQUEST_METHOD: "POST" }, separator });
  const out: Record<string, unknown[]> = Object.create(null);
  for (const k of fs.keys()) out[k as string] = fs.getlist(k as string);
  return out;
}

function out(text: string): void {
  const data = enc.encode(text);
  let off = 0;
  while (off < data.length) off += Deno.stdout.writeSync(data.subarray(off));
}

const PRINT_ENVIRON = new Signature<{ environ: Record<string, string> }>(
  "print_environ",
  ["environ"],
  { environ: OS_ENVIRON },
  ["environ"],
);

/**
 * Dump the environment as HTML on stdout.
 *
 * @param environ the variables (default: the process environment)
 */
export function print_environ(environ?: Record<string, string>): void;
/** `print_environ(environ=e)`: keywords marked by `kw()`. */
export function print_environ(kwargs: Keywords<{ environ?: Record<string, string> }>): void;
export function print_environ(...args: unknown[]): void {
  printEnviron(PRINT_ENVIRON.bind(args).environ);
}

function printEnviron(environ: Record<string, string>): void {
  if (environ === OS_ENVIRON) environ = osEnviron();
  let s = "\n<H3>Shell Environment:</H3>\n<DL>\n";
  for (const key of Object.keys(environ).sort()) {
    s += `<DT> ${htmlEscape(key)} <DD> ${htmlEscape(environ[key])}\n`;
  }
  out(s + "</DL>\n\n");
}

const PRINT_FORM = new Signature<{ form: FieldStorage }>("print_form", ["form"]);

/**
 * Dump a form's fields as HTML on stdout.
 *
 * @param form the parsed form
 */
export function print_form(form: FieldStorage): void;
/** `print_form(form=f)` with keywords. */
export function print_form(kwargs: { form: FieldStorage }): void;
export function print_form(...args: unknown[]): void {
  printForm(PRINT_FORM.bind(args).form);
}

function printForm(form: FieldStorage): void {
  const keys = (form.keys() as string[]).sort();
  let s = "\n<H3>Form Contents:</H3>\n";
  if (!keys.length) s += "<P>No form fields.\n";
  s += "<DL>\n";
  for (const key of keys) {
    const value = form.get(key);
    const type = Array.isArray(value)
      ? "list"
      : value instanceof FieldStorage
      ? "cgi.FieldStorage"
      : "cgi.MiniFieldStorage";
    s += `<DT>${htmlEscape(key)}: <i>${htmlEscape(`<class '${type}'>`)}</i>\n<DD>${
      htmlEscape(repr(value))
    }\n`;
  }
  out(s + "</DL>\n\n");
}

/** Print the current directory as HTML on stdout. */
export function print_directory(): void {
  let s = "\n<H3>Current Working Directory:</H3>\n";
  try {
    s += htmlEscape(Deno.cwd()) + "\n";
  } catch (e) {
    s += `OSError: ${htmlEscape(String((e as Error).message))}\n`;
  }
  out(s + "\n");
}

/** Print the command line arguments as HTML on stdout. */
export function print_arguments(): void {
  out(`\n<H3>Command Line Arguments:</H3>\n\n${repr([Deno.mainModule, ...Deno.args])}\n\n`);
}

/** Print the list of CGI environment variables as HTML on stdout. */
export function print_environ_usage(): void {
  const vars = [
    "AUTH_TYPE",
    "CONTENT_LENGTH",
    "CONTENT_TYPE",
    "DATE_GMT",
    "DATE_LOCAL",
    "DOCUMENT_NAME",
    "DOCUMENT_ROOT",
    "DOCUMENT_URI",
    "GATEWAY_INTERFACE",
    "LAST_MODIFIED",
    "PATH",
    "PATH_INFO",
    "PATH_TRANSLATED",
    "QUERY_STRING",
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "REMOTE_IDENT",
    "REMOTE_USER",
    "REQUEST_METHOD",
    "SCRIPT_NAME",
    "SERVER_NAME",
    "SERVER_PORT",
    "SERVER_PROTOCOL",
    "SERVER_ROOT",
    "SERVER_SOFTWARE",
  ];
  const http = [
    "HTTP_ACCEPT",
    "HTTP_CONNECTION",
    "HTTP_HOST",
    "HTTP_PRAGMA",
    "HTTP_REFERER",
    "HTTP_USER_AGENT",
  ];
  out(
    "\n<H3>These environment variables could have been set:</H3>\n<UL>\n" +
      vars.map((v) => `<LI>${v}\n`).join("") +
      "</UL>\nIn addition, HTTP headers sent by the server may be passed in the\nenvironment as well.  Here are some common variable names:\n<UL>\n" +
      http.map((v) => `<LI>${v}\n`).join("") + "</UL>\n\n",
  );
}

const PRINT_EXCEPTION = new Signature<{ type: unknown; value: unknown; tb: unknown; limit: number | null }>(
  "print_exception",
  ["type", "value", "tb", "limit"],
  { type: null, value: null, tb: null, limit: null },
);

/**
 * Print an error's traceback as HTML on stdout. JavaScript has no
 * `sys.exc_info()`, so pass the error: `print_exception(null, err)` (or the
 * error alone as `type`); without one it prints `NoneType: None` as CPython
 * does outside an `except` block.
 *
 * @param type the error's class (or the error itself)
 * @param value the error
 * @param tb unused: JavaScript errors carry their own stack
 * @param limit how many frames to print (`null`: all)
 */
export function print_exception(type?: unknown, value?: unknown, tb?: unknown, limit?: number | null): void;
/** `print_exception(value=e, limit=n)` with keywords. */
export function print_exception(
  kwargs: { type?: unknown; value?: unknown; tb?: unknown; limit?: number | null },
): void;
export function print_exception(...args: unknown[]): void {
  const { type, value, limit } = PRINT_EXCEPTION.bind(args);
  printException(value ?? (type instanceof Error ? type : null), limit);
}

function printException(err: unknown, limit: number | null = null): void {
  let text: string;
  if (err === null || err === undefined) text = "NoneType: None\n";
  else {
    const full = formatException(err, limit);
    text = full.startsWith("Traceback (most recent call last):\n")
      ? full.slice("Traceback (most recent call last):\n".length)
      : full;
  }
  const lines = text.replace(/\n$/, "").split("\n");
  const last = lines.pop()! + "\n";
  const frames = lines.length ? lines.join("\n") + "\n" : "";
  out(
    `\n<H3>Traceback (most recent call last):</H3>\n<PRE>${htmlEscape(frames)}<B>${
      htmlEscape(last)
    }</B></PRE>\n`,
  );
}

const TEST = new Signature<{ environ: Record<string, string> }>(
  "test",
  ["environ"],
  { environ: OS_ENVIRON },
  [
    "environ",
  ],
);

/**
 * The robust test CGI script: print the form, the environment and a test
 * traceback as HTML on stdout, then try again with `maxlen` set to 50
 * (which stays set, as in CPython).
 *
 * @param environ the variables to print (default: the process environment)
 */
export async function test(environ?: Record<string, string>): Promise<void>;
/** `test(environ=e)`: keywords marked by `kw()`. */
export async function test(kwargs: Keywords<{ environ?: Record<string, string> }>): Promise<void>;
export async function test(...args: unknown[]): Promise<void> {
  let { environ } = TEST.bind(args);
  if (environ === OS_ENVIRON) environ = osEnviron();
  out("Content-type: text/html\n\n");
  try {
    const form = await FieldStorage.create();
    print_directory();
    print_arguments();
    printForm(form);
    printEnviron(environ);
    print_environ_usage();
    const f = () => {
      throw new SyntaxError("invalid syntax"); // CPython: exec("testing print_exception() -- <I>italics?</I>")
    };
    const g = (fn = f) => fn();
    out("<H3>What follows is a test, not an actual exception:</H3>\n");
    g();
  } catch (e) {
    printException(e);
  }
  out("<H1>Second try with a small maxlen...</H1>\n");
  FieldStorage.maxlen = 50;
  try {
    const form = await FieldStorage.create();
    print_directory();
    print_arguments();
    printForm(form);
    printEnviron(environ);
  } catch (e) {
    printException(e);
  }
}

// Logging (deprecated in Python 3.10, as in 3.11's cgi).

/** What {@link log} holds: {@link initlog}, {@link dolog}, {@link nolog} or a user's function. */
export type LogFunction = (...allargs: unknown[]) => void;

/** A file `dolog` writes to: anything with Python's `write(str)`. */
export interface LogFile {
  /** Write text. */
  write(s: string): unknown;
  /** Close the file. */
  close?(): unknown;
}

/**
 * Filename to log to, if not empty (deprecated). Assign it on the module
 * object: `cgi.logfile = path` with `import cgi from "@pyweb/std/cgi"`.
 */
export let logfile: string = "";
/** File object to log to, if not `null` (deprecated); assign it as `cgi.logfp = f` on the module object. */
export let logfp: LogFile | null = null;

/** A log file opened for appending, as Python's `open(logfile, "a", encoding="locale")`. */
function openLogfile(path: string): LogFile {
  const file = Deno.openSync(path, { append: true, create: true });
  return {
    write(s: string): number {
      const data = enc.encode(s);
      let off = 0;
      while (off < data.length) off += file.writeSync(data.subarray(off));
      return s.length;
    },
    close(): void {
      file.close();
    },
  };
}

/**
 * Write a log message, if there is a log file (deprecated): the first call
 * of {@link log}. It warns `DeprecationWarning: cgi.log() is deprecated as
 * of 3.10. Use logging instead`, opens {@link logfile} for appending unless
 * {@link logfp} is set, and makes `log` {@link dolog} (a file) or
 * {@link nolog} (none) before logging `allargs`.
 *
 * @param allargs a `%` format and its arguments
 */
export function initlog(...allargs: unknown[]): void {
  warn("cgi.log() is deprecated as of 3.10. Use logging instead", DeprecationWarning, 2);
  if (logfile && !logfp) {
    try {
      logfp = openLogfile(logfile);
    } catch { /* Python ignores an OSError here */ }
  }
  log = logfp ? dolog as LogFunction : nolog;
  log(...allargs);
}

const DOLOG = new Signature<{ fmt: string; args: unknown[] }>("dolog", ["fmt", "*args"]);

/**
 * Write a log message to the log file: `logfp.write(fmt % args + "\n")` (deprecated).
 *
 * @param fmt a `%` format (`%s`, `%d`, `%r`)
 * @param args its arguments
 */
export function dolog(fmt: string, ...args: unknown[]): void {
  ({ fmt, args } = DOLOG.bind(arguments));
  logfp!.write(pyFormat(fmt, args) + "\n");
}

/**
 * Dummy function, assigned to {@link log} when logging is disabled (deprecated).
 *
 * @param _allargs ignored
 */
export function nolog(..._allargs: unknown[]): void {}

/** Close the log file (deprecated): `logfile` becomes empty, `logfp` `null`, `log` {@link initlog} again. */
export function closelog(): void {
  logfile = "";
  if (logfp) {
    logfp.close?.();
    logfp = null;
  }
  log = initlog;
}

/** The current logging function (deprecated): {@link initlog} until the first call. */
export let log: LogFunction = initlog;

/** The type of the module object (the default export): every public function and class, and the variables. */
export interface CgiModule {
  /** {@link parse}. */
  parse: typeof parse;
  /** {@link parse_multipart}. */
  parse_multipart: typeof parse_multipart;
  /** {@link parse_header}. */
  parse_header: typeof parse_header;
  /** {@link valid_boundary}. */
  valid_boundary: typeof valid_boundary;
  /** {@link FieldStorage}. */
  FieldStorage: typeof FieldStorage;
  /** {@link MiniFieldStorage}. */
  MiniFieldStorage: typeof MiniFieldStorage;
  /** {@link print_environ}. */
  print_environ: typeof print_environ;
  /** {@link print_form}. */
  print_form: typeof print_form;
  /** {@link print_directory}. */
  print_directory: typeof print_directory;
  /** {@link print_arguments}. */
  print_arguments: typeof print_arguments;
  /** {@link print_environ_usage}. */
  print_environ_usage: typeof print_environ_usage;
  /** {@link print_exception}. */
  print_exception: typeof print_exception;
  /** {@link test}. */
  test: typeof test;
  /** {@link initlog}. */
  initlog: typeof initlog;
  /** {@link dolog}. */
  dolog: typeof dolog;
  /** {@link nolog}. */
  nolog: typeof nolog;
  /** {@link closelog}. */
  closelog: typeof closelog;
  /** `io.BytesIO`. */
  BytesIO: typeof BytesIO;
  /** The current logging function. */
  log: LogFunction;
  /** Filename to log to, if not empty. */
  logfile: string;
  /** File object to log to, if not `null`. */
  logfp: LogFile | null;
  /** Largest body accepted (`0`: no limit): `FieldStorage.maxlen`. */
  maxlen: number;
}

/**
 * The module as an object, for Python's module-variable assignments:
 * `import cgi from "@pyweb/std/cgi"` then `cgi.logfp = f`, `cgi.logfile =
 * path`, `cgi.log = fn` or `cgi.maxlen = n` (which is
 * `FieldStorage.maxlen`). Named imports of `logfile`, `logfp` and `log` are
 * live, read-only views of the same variables.
 *
 * @example
 * ```ts
 * import cgi from "@pyweb/std/cgi";
 * import assert from "node:assert/strict";
 * const lines: string[] = [];
 * cgi.logfp = { write: (s: string) => lines.push(s) };
 * cgi.dolog("%s=%d", "a", 1);
 * cgi.closelog();
 * assert.deepEqual(lines, ["a=1\n"]);
 * ```
 */
const cgi: CgiModule = {
  parse,
  parse_multipart,
  parse_header,
  valid_boundary,
  FieldStorage,
  MiniFieldStorage,
  print_environ,
  print_form,
  print_directory,
  print_arguments,
  print_environ_usage,
  print_exception,
  test,
  initlog,
  dolog,
  nolog,
  closelog,
  BytesIO,
  /** The current logging function. */
  get log(): LogFunction {
    return log;
  },
  set log(fn: LogFunction) {
    log = fn;
  },
  /** Filename to log to, if not empty. */
  get logfile(): string {
    return logfile;
  },
  set logfile(path: string) {
    logfile = path;
  },
  /** File object to log to, if not `null`. */
  get logfp(): LogFile | null {
    return logfp;
  },
  set logfp(f: LogFile | null) {
    logfp = f;
  },
  /** Largest body accepted (`0`: no limit): `FieldStorage.maxlen`. */
  get maxlen(): number {
    return FieldStorage.maxlen;
  },
  set maxlen(n: number) {
    FieldStorage.maxlen = n;
  },
};
export default cgi;

export { BytesIO };
