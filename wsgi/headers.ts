/**
 * Response headers for WSGI applications, Python's `wsgiref.headers`.
 *
 * ```python
 * from wsgiref.headers import Headers
 * h = Headers([("Content-Type", "text/plain")])
 * h["X-Count"] = "1"
 * h.add_header("Content-Disposition", "attachment", filename="a.txt")
 * print(str(h))
 * ```
 *
 * ```ts
 * import { Headers } from "@pyweb/std/wsgi/headers";
 * const h = new Headers([["Content-Type", "text/plain"]]);
 * h.set("X-Count", "1");
 * h.add_header("Content-Disposition", "attachment", { filename: "a.txt" });
 * console.log(String(h));
 * ```
 *
 * Python's operators map to the `Map` protocol: `h[k]` is `h.get(k)`,
 * `h[k] = v` is `h.set(k, v)`, `k in h` is `h.has(k)`, `del h[k]` is
 * `h.delete(k)`, `len(h)` is `h.size`; `bytes(h)` is `h.__bytes__()`.
 * Header names and values holding control characters raise `ValueError`
 * (CVE-2026-0865), always.
 *
 * @module
 */

import { Bytes } from "../_util/bytes.ts";
import { encode } from "../_util/codecs.ts";
import { AssertionError, AttributeError, TypeError, ValueError } from "../_util/exceptions.ts";
import { pyrepr, pystr, repr, showAsRepr, type Tuple, tuple } from "../_util/repr.ts";
import { nameDisallowed, unpack2 } from "./_py.ts";
import { typeName } from "../_util/builtins.ts";
import { Signature } from "../_util/signature.ts";

/** Characters that force a parameter value to be quoted (Python's `tspecials`). */
export const tspecials: RegExp = /[ \(\)<>@,;:\\"/\[\]\?=]/;

function valueDisallowed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}

function formatparam(param: string, value: string | null): string {
  if (value !== null && value.length > 0) {
    return `${param}="${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  }
  return param;
}

const HEADERS_INIT = new Signature<{ headers: HeaderItem[] | null }>(
  "Headers.__init__",
  ["self", "headers"],
  { headers: null },
);
const HEADERS_GET_ALL = new Signature<{ name: string }>("Headers.get_all", ["self", "name"]);
const HEADERS_GET = new Signature<{ name: string; default: unknown }>(
  "Headers.get",
  ["self", "name", "default"],
  { default: null },
  ["default"],
);
const HEADERS_SETDEFAULT = new Signature<{ name: string; value: string }>(
  "Headers.setdefault",
  ["self", "name", "value"],
);
const HEADERS_ADD_HEADER = new Signature<
  { _name: string; _value: string | null; _params: Record<string, string | null> }
>("Headers.add_header", ["self", "_name", "_value", "**_params"]);

/** A header as stored: a `(name, value)` pair. */
export type HeaderItem = [string, string] | Tuple<string>;

/**
 * A list of response headers with dict-like access: Python's
 * `wsgiref.headers.Headers`. The list given to the constructor is used (and
 * changed) in place, as in Python.
 *
 * @example
 * ```ts
 * import { Headers } from "@pyweb/std/wsgi/headers";
 * import assert from "node:assert/strict";
 * const h = new Headers([["Content-Type", "text/plain"]]);
 * h.set("X-Count", "1");
 * h.add_header("Content-Disposition", "attachment", { filename: "a.txt" });
 * assert.equal(h.get("content-type"), "text/plain");
 * assert.equal(h.size, 3);
 * assert.equal(
 *   String(h),
 *   'Content-Type: text/plain\r\nX-Count: 1\r\nContent-Disposition: attachment; filename="a.txt"\r\n\r\n',
 * );
 * assert.throws(() => h.set("X-Bad", "a\r\nb"), /Control characters not allowed in headers/);
 * ```
 */
export class Headers implements Iterable<string> {
  /** The underlying list of `[name, value]` pairs. */
  _headers: HeaderItem[];

  /**
   * Wrap `headers` (used in place, not copied).
   * @param headers a list of `[name, value]` pairs (default empty)
   * @throws TypeError when `headers` is not an array; AssertionError for
   *   non-string names or values; ValueError for control characters
   */
  constructor(headers?: HeaderItem[] | null);
  /** `Headers(headers=list)` with keywords. */
  constructor(kwargs: { headers?: HeaderItem[] | null });
  constructor(...args: unknown[]) {
    const { headers } = HEADERS_INIT.bind(args);
    const list = headers ?? [];
    if (!Array.isArray(list)) throw new TypeError("Headers must be a list of name/value tuples");
    this._headers = list;
    for (const item of list) {
      const [k, v] = unpack2(item);
      this._convert_string_type(k, true);
      this._convert_string_type(v, false);
    }
  }

  /** Check a name or value: a string without forbidden control characters. */
  _convert_string_type(value: unknown, name: boolean): string {
    if (typeof value === "string") {
      if (name ? nameDisallowed(value) : valueDisallowed(value)) {
        throw new ValueError("Control characters not allowed in headers");
      }
      return value;
    }
    throw new AssertionError(`Header names/values must be of type str (got ${repr(value)})`);
  }

  #lower(name: unknown): string {
    if (typeof name !== "string") {
      throw new AttributeError(`'${typeName(name)}' object has no attribute 'lower'`);
    }
    return this._convert_string_type(name.toLowerCase(), true);
  }

  /** Python's `len(h)`: the number of headers, duplicates included. */
  get size(): number {
    return this._headers.length;
  }

  /** Python's `len(h)`. */
  __len__(): number {
    return this._headers.length;
  }

  /**
   * Python's `h[name] = val`: replace every `name` header by one.
   *
   * @param name the header name
   * @param val its value
   * @returns this headers object
   */
  set(name: string, val: string): this {
    this.delete(name);
    this._headers.push(tuple(this._convert_string_type(name, true), this._convert_string_type(val, false)));
    return this;
  }

  /**
   * Python's `del h[name]`: remove every `name` header (no error if absent).
   *
   * @param name the header name, any case
   * @returns true if something was removed
   */
  delete(name: string): boolean {
    const lower = this.#lower(name);
    const before = this._headers.length;
    const kept = this._headers.filter((kv) => String(kv[0]).toLowerCase() !== lower);
    this._headers.splice(0, this._headers.length, ...kept);
    return kept.length !== before;
  }

  /**
   * Python's `name in h`.
   *
   * @param name the header name, any case
   * @returns true if present
   */
  has(name: string): boolean {
    return this.#get(name, null) != null;
  }

  /**
   * All values of the header `name`, in order (empty if absent).
   *
   * @param name the header name, any case
   * @returns the values
   */
  get_all(name: string): string[];
  /** `get_all(name=n)` with keywords. */
  get_all(kwargs: { name: string }): string[];
  get_all(...args: unknown[]): string[] {
    const { name } = HEADERS_GET_ALL.bind(args);
    const lower = this.#lower(name);
    return this._headers.filter((kv) => String(kv[0]).toLowerCase() === lower).map((kv) => kv[1]);
  }

  /**
   * Python's `h[name]` / `h.get(name, default)`: the first value, or
   * `default` (`null`).
   *
   * @param name the header name, any case
   * @param defaultValue returned when the header is missing
   * @returns the value or the default
   */
  get(name: string): string | null;
  /** `h.get(name, default)`: the first value of `name`, or `defaultValue`. */
  get<D>(name: string, defaultValue: D): string | D;
  /** `h.get(name, default=d)` with keywords. */
  get<D>(name: string, kwargs: { default?: D }): string | D;
  /** `h.get(name=n, default=d)` with keywords. */
  get<D>(kwargs: { name: string; default?: D }): string | D;
  get(...args: unknown[]): unknown {
    const b = HEADERS_GET.bind(args);
    return this.#get(b.name, b.default);
  }

  #get(name: string, defaultValue: unknown): unknown {
    const lower = this.#lower(name);
    for (const [k, v] of this._headers) {
      if (String(k).toLowerCase() === lower) return v;
    }
    return defaultValue;
  }

  /** Every header name, in order, duplicates included. */
  keys(): string[] {
    return this._headers.map((kv) => kv[0]);
  }

  /** Every header value, in order. */
  values(): string[] {
    return this._headers.map((kv) => kv[1]);
  }

  /** A copy of the `(name, value)` pairs. */
  items(): Tuple<string>[] {
    return this._headers.map((kv) => tuple(kv[0], kv[1]));
  }

  /** Iterate the header names (duplicates included). */
  *[Symbol.iterator](): Iterator<string> {
    for (const kv of this._headers) yield kv[0];
  }

  /** Python's `repr(h)`: `Headers([('Content-Type', 'text/plain')])`. */
  [pyrepr](): string {
    return `${this.constructor.name}(${repr(this.items())})`;
  }

  /** The headers as sent: `Name: value\r\n` lines and a blank line. */
  [pystr](): string {
    return this._headers.map((kv) => `${kv[0]}: ${kv[1]}\r\n`).join("") + "\r\n";
  }

  /** Python's `str(h)`. */
  toString(): string {
    return this[pystr]();
  }

  /** Python's `bytes(h)`: `str(h)` encoded as ISO-8859-1. */
  __bytes__(): Bytes {
    return new Bytes(encode(this[pystr](), "iso-8859-1"));
  }

  /**
   * The first value of `name`; when absent, add `name: value` and return `value`.
   *
   * @param name the header name
   * @param value the value to add when missing
   * @returns the existing or added value
   */
  setdefault(name: string, value: string): string;
  /** `setdefault(name=n, value=v)` with keywords. */
  setdefault(name: string, kwargs: { value: string }): string;
  /** `setdefault(name=n, value=v)` with keywords. */
  setdefault(kwargs: { name: string; value: string }): string;
  setdefault(...args: unknown[]): string {
    const { name, value } = HEADERS_SETDEFAULT.bind(args);
    const result = this.#get(name, null) as string | null;
    if (result == null) {
      this._headers.push(
        tuple(this._convert_string_type(name, true), this._convert_string_type(value, false)),
      );
      return value;
    }
    return result;
  }

  /**
   * Add a header with parameters: `add_header("Content-Disposition",
   * "attachment", { filename: "a.gif" })`. Underscores in parameter names
   * become dashes; a `null` parameter value adds the bare name.
   *
   * @param _name the header name
   * @param _value the main value, or `null`
   * @param _params parameters (Python's keyword arguments)
   */
  add_header(_name: string, _value: string | null, _params?: Record<string, string | null>): void;
  /** `add_header(_name=n, _value=v, **params)` with keywords. */
  add_header(kwargs: { _name: string; _value: string | null; [param: string]: string | null }): void;
  add_header(...args: unknown[]): void {
    const { _name, _value, _params } = HEADERS_ADD_HEADER.bind(args);
    const parts: string[] = [];
    if (_value !== null && _value !== undefined) parts.push(this._convert_string_type(_value, false));
    for (const [k, v] of Object.entries(_params)) {
      this._convert_string_type(k, true);
      if (v === null || v === undefined) parts.push(k.replaceAll("_", "-"));
      else parts.push(formatparam(k.replaceAll("_", "-"), this._convert_string_type(v, false)));
    }
    this._headers.push(tuple(this._convert_string_type(_name, true), parts.join("; ")));
  }
}
showAsRepr(Headers);
