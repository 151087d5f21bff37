/**
 * Python's `http.cookies`: `SimpleCookie`, `BaseCookie`, `Morsel` and
 * `CookieError`, with CPython 3.14's parsing, quoting and output, and its
 * control-character checks (CVE-2026-0672, CVE-2026-3644).
 *
 * ```python
 * from http.cookies import SimpleCookie
 * C = SimpleCookie()
 * C["fig"] = "newton"
 * C["fig"]["path"] = "/"
 * print(C)                       # Set-Cookie: fig=newton; Path=/
 * C.load("chips=ahoy; vienna=finger")
 * print(C["chips"].value)        # ahoy
 * ```
 *
 * ```ts
 * import { SimpleCookie } from "@pyweb/std/http/cookies";
 * import assert from "node:assert/strict";
 * const C = new SimpleCookie();
 * C.set("fig", "newton");
 * C.get("fig")!.set("path", "/");
 * assert.equal(String(C), "Set-Cookie: fig=newton; Path=/");
 * C.load("chips=ahoy; vienna=finger");
 * assert.equal(C.get("chips")!.value, "ahoy");
 * ```
 *
 * Mappings follow the Map protocol: `C["k"]` is `C.get("k")`, `C["k"] = v`
 * is `C.set("k", v)`, `"k" in C` is `C.has("k")`, `len(C)` is `C.size`.
 * A `Morsel` is a mapping of its attributes too, so `M.set(attr, value)`
 * with two arguments is Python's `M[attr] = value`, while `M.set(key, val,
 * coded_val)` with three is Python's `Morsel.set`.
 *
 * @module
 */

import { compareCodePoints } from "../_util/pystr.ts";
import {
  AttributeError,
  Exception,
  KeyError,
  OverflowError,
  TypeError,
  ValueError,
} from "../_util/exceptions.ts";
import { isKeywords, isMarkedKeywords, type Keywords, Signature } from "../_util/signature.ts";
import { contains, eq, isDict, iter, NotImplemented, truthy, typeName } from "../_util/builtins.ts";
import { classAttrs } from "../_util/classattrs.ts";
import { pyrepr, pystr, repr, showAsRepr, str, type Tuple, tuple } from "../_util/repr.ts";
import { encode } from "../_util/codecs.ts";

/**
 * Python's `http.cookies.CookieError`: an illegal cookie name, an unknown
 * attribute, or control characters in a cookie.
 *
 * @example
 * ```ts
 * import { CookieError, SimpleCookie } from "@pyweb/std/http/cookies";
 * import assert from "node:assert/strict";
 * const C = new SimpleCookie();
 * assert.throws(() => C.set("a b", "1"), CookieError);
 * assert.throws(() => C.set("sid", "x\r\nSet-Cookie: evil=1"), CookieError);
 * ```
 */
export class CookieError extends Exception {}

// ---------------------------------------------------------------------------
// Character classes (ASCII tables; Python's patterns are re.ASCII)

function table(chars: string, words = true): Uint8Array {
  const t = new Uint8Array(128);
  if (words) {
    for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
    for (let c = 0x41; c <= 0x5a; c++) t[c] = 1;
    for (let c = 0x61; c <= 0x7a; c++) t[c] = 1;
    t[0x5f] = 1;
  }
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/** `_LegalChars`: what a cookie name (and an unquoted value) may hold. */
const LEGAL = table("!#$%&'*+-.^_`|~:");
/** `_UnescapedChars`: kept as they are inside a quoted value. */
const UNESCAPED = table("!#$%&'*+-.^_`|~: ()/<=>?@[]{}");
/** `_LegalKeyChars` of the parser. */
const KEY_CHARS = table("!#%&'~_`><@,:/$*+-.^|)(?}{=");
/** `_LegalValueChars` of the parser. */
const VALUE_CHARS = table("!#%&'~_`><@,:/$*+-.^|)(?}{=[]");

function inTable(t: Uint8Array, c: number): boolean {
  return c < 128 && t[c] === 1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function isWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f;
}

function isLegalKey(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!inTable(LEGAL, s.charCodeAt(i))) return false;
  return true;
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Python's `_has_control_character(*val)`: tests `str(v)` of each value. */
function anyControl(...vals: unknown[]): boolean {
  return vals.some((v) => hasControl(str(v)));
}

// ---------------------------------------------------------------------------
// Quoting

/**
 * Python's `http.cookies._quote`: the value itself when it is a legal token,
 * else double-quoted with `"` and `\` backslash-escaped and other characters
 * below U+0100 outside `_UnescapedChars` as `\ooo` octal escapes.
 */
function _quote(s: string | null): string | null {
  if (s === null || isLegalKey(s)) return s;
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 256 || inTable(UNESCAPED, c)) continue;
    out += s.slice(run, i);
    run = i + 1;
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else out += "\\" + c.toString(8).padStart(3, "0");
  }
  return out + s.slice(run) + '"';
}

/**
 * Python's `http.cookies._unquote`: strips the double quotes of a quoted
 * value and decodes `\ooo` (first digit 0–3) and `\c` escapes, in one pass.
 */
function _unquote(s: string | null): string | null {
  if (s === null || s.length < 2) return s;
  if (s.charCodeAt(0) !== 0x22 || s.charCodeAt(s.length - 1) !== 0x22) return s;
  const body = s.slice(1, -1);
  let out = "";
  let run = 0;
  const n = body.length;
  for (let i = 0; i < n; i++) {
    if (body.charCodeAt(i) !== 0x5c || i + 1 >= n) continue;
    const a = body.charCodeAt(i + 1);
    if (
      a >= 0x30 && a <= 0x33 && i + 3 < n && isOct(body.charCodeAt(i + 2)) &&
      isOct(body.charCodeAt(i + 3))
    ) {
      out += body.slice(run, i) +
        String.fromCharCode(
          (a - 0x30) * 64 + (body.charCodeAt(i + 2) - 0x30) * 8 + body.charCodeAt(i + 3) - 0x30,
        );
      i += 3;
      run = i + 1;
    } else if (a !== 0x0a) {
      // `\\(.)`: any character but a newline; astral characters keep both halves.
      out += body.slice(run, i);
      run = i + 1;
      i += 1;
      if (a >= 0xd800 && a <= 0xdbff && i + 1 < n) {
        const b = body.charCodeAt(i + 1);
        if (b >= 0xdc00 && b <= 0xdfff) i += 1;
      }
    }
  }
  return out + body.slice(run);
}

function isOct(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

// ---------------------------------------------------------------------------
// Dates

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function pad(n: number, width: number, fill = "0"): string {
  const s = String(Math.abs(n));
  return (n < 0 ? "-" : "") + s.padStart(width - (n < 0 ? 1 : 0), fill);
}

/**
 * Python's `http.cookies._getdate(future=0)`: the time `future` seconds from
 * now as `Wdy, DD Mon YYYY HH:MM:SS GMT`.
 */
function _getdate(future = 0): string {
  const t = Math.floor(Date.now() / 1000 + future);
  const d = new Date(t * 1000);
  if (!Number.isFinite(t) || Number.isNaN(d.getTime())) {
    throw new OverflowError("timestamp out of range for platform time_t");
  }
  const wd = (d.getUTCDay() + 6) % 7;
  const year = d.getUTCFullYear();
  const yearStr = String(year).padStart(4, " ");
  return `${WEEKDAYS[wd]}, ${pad(d.getUTCDate(), 2)} ${MONTHS[d.getUTCMonth()]} ${yearStr} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)} GMT`;
}

// ---------------------------------------------------------------------------
// Small Python semantics

/** Python's `isinstance(v, int)` for our values (`true`/`false` are ints in Python). */
function isInt(v: unknown): v is number | boolean {
  return typeof v === "boolean" || (typeof v === "number" && Number.isInteger(v)) ||
    typeof v === "bigint";
}

function intOf(v: number | boolean | bigint): number {
  return typeof v === "boolean" ? (v ? 1 : 0) : Number(v);
}

/** Anything Python's `dict(values)` accepts: a mapping or pairs. */
export type MappingLike<V = unknown> =
  | Map<string, V>
  | Record<string, V>
  | Iterable<readonly [string, V]>
  | { items(): Iterable<readonly [string, V]> };

/**
 * Python's `dict(values).items()`: a Map, a dict, an object with `items()`
 * (a Morsel, a cookie), or an iterable of pairs, with CPython's errors.
 */
function dictItems(values: unknown): [unknown, unknown][] {
  if (values instanceof Map) return [...values];
  if (isDict(values)) return Object.entries(values);
  if (values !== null && typeof values === "object" && !Array.isArray(values)) {
    const o = values as { items?: unknown };
    if (typeof o.items === "function") {
      return [...(o.items as () => Iterable<readonly unknown[]>)()].map((p) => [p[0], p[1]]);
    }
  }
  const out: [unknown, unknown][] = [];
  let i = 0;
  for (const el of iter(values)) {
    let seq: unknown[];
    if (typeof el === "string" || el instanceof Uint8Array || Array.isArray(el)) seq = [...el];
    else if (el !== null && typeof el === "object" && (Symbol.iterator in el || "__iter__" in el)) {
      seq = [...iter(el)];
    } else throw new TypeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
    if (seq.length !== 2) {
      throw new ValueError(
        `dictionary update sequence element #${i} has length ${seq.length}; 2 is required`,
      );
    }
    out.push([seq[0], seq[1]]);
    i++;
  }
  return out;
}

/** Python's `key.lower()` of a dict key. */
function lower(key: unknown): string {
  if (typeof key !== "string") throw new AttributeError(`'${typeName(key)}' object has no attribute 'lower'`);
  return key.toLowerCase();
}

// ---------------------------------------------------------------------------
// Morsel

const RESERVED: Record<string, string> = Object.assign(Object.create(null), {
  "expires": "expires",
  "path": "Path",
  "comment": "Comment",
  "domain": "Domain",
  "max-age": "Max-Age",
  "secure": "Secure",
  "httponly": "HttpOnly",
  "version": "Version",
  "samesite": "SameSite",
  "partitioned": "Partitioned",
});
const RESERVED_DEFAULTS: Record<string, unknown> = Object.assign(
  Object.create(null),
  Object.fromEntries(Object.keys(RESERVED).map((k) => [k, ""])),
);
/** `Object.entries(RESERVED_DEFAULTS)`, once: a null-prototype object's entries are slow to list. */
const DEFAULT_ENTRIES: [string, unknown][] = Object.entries(RESERVED_DEFAULTS);
const FLAGS = new Set(["secure", "httponly", "partitioned"]);

/** Python's `AttributeError` for assigning a read-only property. */
function noSetter(self: object, name: string): AttributeError {
  return new AttributeError(`property '${name}' of '${typeName(self)}' object has no setter`);
}

/** The items of a mapping `==` compares as a dict: a dict, a `Map`, a Morsel or a cookie; else null. */
function mappingOf(x: unknown): Map<unknown, unknown> | null {
  if (x instanceof Map) return x;
  if (isDict(x)) return new Map(Object.entries(x));
  if (x instanceof Morsel || x instanceof BaseCookie) {
    return new Map(x.items() as unknown as [unknown, unknown][]);
  }
  return null;
}

/** Python's `dict.__eq__`: the same keys, and `==` values. */
function dictEq(a: Map<unknown, unknown>, b: Map<unknown, unknown>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!b.has(k) || !eq(v, b.get(k))) return false;
  return true;
}

/** Python's `key in reserved`, quick for the default `Morsel._reserved`. */
function isIn(reserved: unknown, key: string): boolean {
  return reserved === RESERVED ? Object.hasOwn(RESERVED, key) : contains(reserved, key);
}

/** `Morsel.set(key, val, coded_val)` after binding (BaseCookie calls it directly). */
function morselSet(m: Morsel, key: unknown, val: unknown, coded_val: unknown): void {
  if (isIn(m._reserved, lower(key))) {
    throw new CookieError(`Attempt to set a reserved key ${repr(key)}`);
  }
  if (!isLegalKey(key as string)) throw new CookieError(`Illegal key ${repr(key)}`);
  if (anyControl(key, val, coded_val)) {
    throw new CookieError(
      `Control characters are not allowed in cookies ${repr(key)} ${repr(val)} ${repr(coded_val)}`,
    );
  }
  m._key = key as string;
  m._value = val;
  m._coded_value = coded_val;
}

const MORSEL_INIT = new Signature<object>("Morsel.__init__", ["self"]);
const MORSEL_SET = new Signature<{ key: unknown; val: unknown; coded_val: unknown }>(
  "Morsel.set",
  ["self", "key", "val", "coded_val"],
);
const MORSEL_SETDEFAULT = new Signature<{ key: unknown; val: unknown }>(
  "Morsel.setdefault",
  ["self", "key", "val"],
  { val: null },
);
const MORSEL_UPDATE = new Signature<{ values: unknown }>("Morsel.update", ["self", "values"], {}, ["values"]);
const MORSEL_ISRESERVEDKEY = new Signature<{ K: unknown }>("Morsel.isReservedKey", ["self", "K"]);
const MORSEL_OUTPUT = new Signature<{ attrs: Attrs; header: string }>(
  "Morsel.output",
  ["self", "attrs", "header"],
  { attrs: null, header: "Set-Cookie:" },
);
const MORSEL_JS_OUTPUT = new Signature<{ attrs: Attrs }>("Morsel.js_output", ["self", "attrs"], {
  attrs: null,
});
const MORSEL_OUTPUTSTRING = new Signature<{ attrs: Attrs }>(
  "Morsel.OutputString",
  ["self", "attrs"],
  { attrs: null },
);

/** Which attributes the output methods include: Python's `attrs` argument (`None` = all). */
export type Attrs = readonly string[] | ReadonlySet<string> | string | null | undefined;

/** Keyword arguments of {@link Morsel.output}. */
export interface MorselOutputKwargs {
  /** Attributes to include (default: all). */
  attrs?: Attrs;
  /** The header name written first (default `"Set-Cookie:"`). */
  header?: string;
}

/** Keyword arguments of {@link BaseCookie.output}. */
export interface CookieOutputKwargs extends MorselOutputKwargs {
  /** Put between the morsels' lines (default `"\r\n"`). */
  sep?: string;
}

const JS_TEMPLATE_HEAD = '\n        <script type="text/javascript">\n        <!-- begin hiding\n' +
  '        document.cookie = decodeURIComponent("';
const JS_TEMPLATE_TAIL = '");\n        // end hiding -->\n        </script>\n        ';

const ALWAYS_SAFE = table("_.-~");

/** `urllib.parse.quote(s, safe='', encoding='utf-8')`. */
function quoteAll(s: string): string {
  const bytes = encode(s, "utf-8", "strict");
  let out = "";
  for (const c of bytes) {
    if (inTable(ALWAYS_SAFE, c)) out += String.fromCharCode(c);
    else out += "%" + c.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/**
 * Python's `http.cookies.Morsel`: one cookie (`key`, `value`,
 * `coded_value`) and its attributes, which it holds as a mapping whose keys
 * are the reserved attribute names (`expires`, `path`, `comment`, `domain`,
 * `max-age`, `secure`, `httponly`, `version`, `samesite`, `partitioned`).
 *
 * `M["path"] = "/"` ports as `M.set("path", "/")` (two arguments);
 * Python's `M.set(key, value, coded_value)` keeps its three arguments.
 *
 * @example
 * ```ts
 * import { Morsel } from "@pyweb/std/http/cookies";
 * import assert from "node:assert/strict";
 * const M = new Morsel();
 * M.set("sid", "a b", '"a b"');
 * M.set("path", "/");
 * M.set("httponly", true);
 * assert.equal(M.OutputString(), 'sid="a b"; HttpOnly; Path=/');
 * assert.equal(String(M), 'Set-Cookie: sid="a b"; HttpOnly; Path=/');
 * ```
 */
export class Morsel implements Iterable<string> {
  /** Python's `Morsel._reserved`: each attribute's lower-case name → its name in a header. */
  static _reserved: Record<string, string> = RESERVED;
  /** Python's class attribute `_reserved`: the class's value unless this instance set its own. */
  declare _reserved: Record<string, string>;
  /** Python's `Morsel._reserved_defaults`: every attribute with `""`. */
  static _reserved_defaults: Record<string, unknown> = RESERVED_DEFAULTS;
  /** Python's class attribute `_reserved_defaults`: the class's value unless this instance set its own. */
  declare _reserved_defaults: Record<string, unknown>;
  /** Python's `Morsel._flags`: the attributes written as a bare name when true. */
  static _flags: Set<string> = FLAGS;
  /** Python's class attribute `_flags`: the class's value unless this instance set its own. */
  declare _flags: Set<string>;

  #attrs: Map<string, unknown> = new Map();
  /** Python's `_key` (read it as {@link Morsel.key}). */
  _key: string | null = null;
  /** Python's `_value` (read it as {@link Morsel.value}). */
  _value: unknown = null;
  /** Python's `_coded_value` (read it as {@link Morsel.coded_value}). */
  _coded_value: unknown = null;

  /** A morsel with no key and every reserved attribute set to `""`. */
  constructor(...args: unknown[]) {
    if (args.length) MORSEL_INIT.bind(args);
    const defaults = this._reserved_defaults;
    for (const [k, v] of defaults === RESERVED_DEFAULTS ? DEFAULT_ENTRIES : Object.entries(defaults)) {
      this.#attrs.set(k, v);
    }
  }

  /** The cookie's name (`None` until {@link Morsel.set} is called). */
  get key(): string | null {
    return this._key;
  }
  /** Read-only, as in Python: assigning raises `AttributeError`. */
  set key(_value: unknown) {
    throw noSetter(this, "key");
  }

  /** The cookie's decoded value. */
  get value(): string | null {
    return this._value as string | null;
  }
  /** Read-only, as in Python: assigning raises `AttributeError`. */
  set value(_value: unknown) {
    throw noSetter(this, "value");
  }

  /** The cookie's value as it is sent (quoted when needed). */
  get coded_value(): string | null {
    return this._coded_value as string | null;
  }
  /** Read-only, as in Python: assigning raises `AttributeError`. */
  set coded_value(_value: unknown) {
    throw noSetter(this, "coded_value");
  }

  /** Python's `len(M)`: the number of attributes. */
  get size(): number {
    return this.#attrs.size;
  }

  /** Python's `len(M)`. */
  __len__(): number {
    return this.#attrs.size;
  }

  /** Iterate over the attribute names (Python's `iter(M)`). */
  [Symbol.iterator](): Iterator<string> {
    return this.#attrs.keys();
  }

  /**
   * Python's `M.get(attr, default=None)` (case-sensitive, as a dict is).
   *
   * @param K the attribute name
   * @param failobj what to return when absent
   * @returns the attribute's value
   */
  get(K: string, failobj: unknown = null): unknown {
    return this.#attrs.has(K) ? this.#attrs.get(K) : failobj;
  }

  /**
   * Python's `M[K] = V` (two arguments) or `M.set(key, val, coded_val)`
   * (three arguments, or keywords).
   *
   * @param key an attribute name (two arguments) or the cookie name (three)
   * @param val the attribute's value, or the cookie's value
   * @param coded_val the cookie's coded value (three-argument form)
   * @returns the morsel
   * @throws CookieError for a non-reserved attribute, a reserved or illegal
   *   cookie name, or control characters
   */
  set(key: string, val: unknown, coded_val: unknown): this;
  /** Python's `M[K] = V`. */
  set(K: string, V: unknown): this;
  /** Python's `M.set(key, **kwargs)` and `M.set(**kwargs)`. */
  set(key: string, kwargs: { val?: unknown; coded_val?: unknown }): this;
  /** The same call, with Python's keyword arguments in a trailing object. */
  set(kwargs: { key: string; val: unknown; coded_val: unknown }): this;
  set(...args: unknown[]): this {
    if (args.length === 2 && !isKeywords(args[1])) {
      const K = lower(args[0]);
      const V = args[1];
      if (!isIn(this._reserved, K)) throw new CookieError(`Invalid attribute ${repr(K)}`);
      if (anyControl(K, V)) {
        throw new CookieError(`Control characters are not allowed in cookies ${repr(K)} ${repr(V)}`);
      }
      this.#attrs.set(K, V);
      return this;
    }
    const { key, val, coded_val } = MORSEL_SET.bind(args);
    morselSet(this, key, val, coded_val);
    return this;
  }

  /** Python's `K in M`. */
  has(K: string): boolean {
    return this.#attrs.has(K);
  }

  /** Python's `del M[K]`; false (where Python raises KeyError) when absent. */
  delete(K: string): boolean {
    return this.#attrs.delete(K);
  }

  /**
   * Python's `M.pop(K[, default])`.
   *
   * @param K the attribute name
   * @param failobj returned when absent (without it, KeyError)
   * @returns the removed value
   */
  pop(K: string, ...failobj: unknown[]): unknown {
    if (this.#attrs.has(K)) {
      const v = this.#attrs.get(K);
      this.#attrs.delete(K);
      return v;
    }
    if (failobj.length) return failobj[0];
    throw new KeyError(K);
  }

  /** Python's `M.clear()`: removes every attribute. */
  clear(): void {
    this.#attrs.clear();
  }

  /** Python's `M.keys()`. */
  keys(): string[] {
    return [...this.#attrs.keys()];
  }

  /** Python's `M.values()`. */
  values(): unknown[] {
    return [...this.#attrs.values()];
  }

  /** Python's `M.items()`: `(attribute, value)` tuples. */
  items(): Tuple<unknown>[] {
    return [...this.#attrs].map(([k, v]) => tuple(k, v));
  }

  /**
   * Python's `M.setdefault(key, val=None)`.
   *
   * @param key a reserved attribute name (any case)
   * @param val the value to store when absent
   * @returns the attribute's value
   * @throws CookieError for an unknown attribute or control characters
   */
  setdefault(key: string, val?: unknown): unknown;
  /** The keyword form. */
  setdefault(key: string, kwargs: { val?: unknown }): unknown;
  /** The same call, with Python's keyword arguments in a trailing object. */
  setdefault(kwargs: { key: string; val?: unknown }): unknown;
  setdefault(...args: unknown[]): unknown {
    const { key, val } = MORSEL_SETDEFAULT.bind(args);
    const K = lower(key);
    if (!isIn(this._reserved, K)) throw new CookieError(`Invalid attribute ${repr(K)}`);
    if (anyControl(K, val)) {
      throw new CookieError(`Control characters are not allowed in cookies ${repr(K)} ${repr(val)}`);
    }
    if (!this.#attrs.has(K)) this.#attrs.set(K, val);
    return this.#attrs.get(K);
  }

  /**
   * Python's `M.update(values)` (and `M |= values`): validates every
   * attribute first, then stores them all. A plain object is the mapping;
   * `kw({ values })` passes it by keyword.
   *
   * @param values a mapping or pairs of attribute names and values
   * @throws CookieError for an unknown attribute or control characters
   * @throws TypeError / ValueError as Python's `dict(values)` does
   */
  update(values: MappingLike): void;
  /** The same call, with Python's keyword arguments in a trailing object. */
  update(kwargs: Keywords<{ values: MappingLike }>): void;
  update(...args: unknown[]): void {
    const { values } = MORSEL_UPDATE.bind(args);
    const data: [string, unknown][] = [];
    for (const [key, val] of dictItems(values)) {
      const K = lower(key);
      if (!isIn(this._reserved, K)) throw new CookieError(`Invalid attribute ${repr(K)}`);
      if (anyControl(K, val)) {
        throw new CookieError(`Control characters are not allowed in cookies ${repr(K)} ${repr(val)}`);
      }
      data.push([K, val]);
    }
    for (const [k, v] of data) this.#attrs.set(k, v);
  }

  /**
   * Python's `M == other`: another Morsel compares attributes, key, value
   * and coded value; a dict, `Map` or cookie compares as dicts do (so
   * `morsel == dict(morsel)` is true). Anything else is `NotImplemented`.
   *
   * @param other what to compare with
   * @returns whether they are equal, or `NotImplemented`
   */
  __eq__(other: unknown): boolean | typeof NotImplemented {
    if (other instanceof Morsel) {
      return dictEq(this.#attrs, other.#attrs) && eq(this._value, other._value) &&
        eq(this._key, other._key) && eq(this._coded_value, other._coded_value);
    }
    const theirs = mappingOf(other);
    return theirs === null ? NotImplemented : dictEq(this.#attrs, theirs);
  }

  /**
   * Python's `M |= values`: {@link Morsel.update} in place, returning the morsel.
   *
   * @param values a dict, `Map` or pairs of reserved attributes
   * @returns this morsel
   */
  __ior__(values: MappingLike): this {
    this.update(values);
    return this;
  }

  /** Python's `M.__getstate__()`: the key, value and coded value, as pickle saves them. */
  __getstate__(): { key: string | null; value: unknown; coded_value: unknown } {
    return { key: this._key, value: this._value, coded_value: this._coded_value };
  }

  /**
   * Python's `M.__setstate__(state)`: restore key, value and coded value, refusing control characters as
   * CPython 3.14 does.
   *
   * @param state `{ key, value, coded_value }`
   */
  __setstate__(state: { key: string | null; value: unknown; coded_value: unknown }): void {
    const { key, value, coded_value } = state;
    if (anyControl(key, value, coded_value)) {
      throw new CookieError(
        `Control characters are not allowed in cookies ${repr(key)} ${repr(value)} ${repr(coded_value)}`,
      );
    }
    this._key = key;
    this._value = value;
    this._coded_value = coded_value;
  }

  /** Python's `M.copy()`: a new Morsel with the same attributes and value. */
  copy(): Morsel {
    const m = new Morsel();
    m.#attrs = new Map(this.#attrs);
    for (const k of Object.keys(this)) {
      (m as unknown as Record<string, unknown>)[k] = (this as unknown as Record<string, unknown>)[k];
    }
    return m;
  }

  /** Python's `M.isReservedKey(K)`: is `K` (any case) an attribute name? */
  isReservedKey(K: string): boolean;
  /** The same call, with Python's keyword arguments in a trailing object. */
  isReservedKey(kwargs: { K: string }): boolean;
  isReservedKey(...args: unknown[]): boolean {
    const { K } = MORSEL_ISRESERVEDKEY.bind(args);
    return isIn(this._reserved, lower(K));
  }

  /**
   * Python's `M.output(attrs=None, header="Set-Cookie:")`.
   *
   * @param attrs the attributes to include (default all), or the keywords
   * @param header the header name
   * @returns `header + " " + M.OutputString(attrs)`
   */
  output(attrs?: Attrs, header?: string): string;
  /** The same call, with Python's keyword arguments in a trailing object. */
  output(attrs: Attrs, kwargs: { header?: string }): string;
  /** The same call, with Python's keyword arguments in a trailing object. */
  output(kwargs: MorselOutputKwargs): string;
  output(...args: unknown[]): string {
    const { attrs, header } = MORSEL_OUTPUT.bind(args);
    return `${str(header)} ${this.OutputString(attrs)}`;
  }

  /**
   * Python's `M.js_output(attrs=None)`: a `<script>` that sets
   * `document.cookie`, the cookie URL-quoted (CPython 3.14's CVE-2026-3644 form).
   *
   * @param attrs the attributes to include (default all)
   * @returns the script block
   * @throws CookieError when the cookie text holds control characters
   */
  js_output(attrs?: Attrs): string;
  /** The same call, with Python's keyword arguments in a trailing object. */
  js_output(kwargs: { attrs?: Attrs }): string;
  js_output(...args: unknown[]): string {
    const { attrs } = MORSEL_JS_OUTPUT.bind(args);
    const s = this.OutputString(attrs);
    if (hasControl(s)) throw new CookieError("Control characters are not allowed in cookies");
    return JS_TEMPLATE_HEAD + quoteAll(s) + JS_TEMPLATE_TAIL;
  }

  /**
   * Python's `M.OutputString(attrs=None)`: `key=coded_value` and the
   * non-empty attributes in sorted order (`expires` given as a number of
   * seconds becomes a date from now; flags print their name when true).
   *
   * @param attrs the attributes to include (default all)
   * @returns the `Set-Cookie` value
   */
  OutputString(attrs?: Attrs): string;
  /** The same call, with Python's keyword arguments in a trailing object. */
  OutputString(kwargs: { attrs?: Attrs }): string;
  OutputString(...args: unknown[]): string {
    const { attrs } = MORSEL_OUTPUTSTRING.bind(args);
    const reserved = this._reserved;
    const a = attrs ?? reserved;
    const flags = this._flags;
    const result = [`${str(this.key)}=${str(this.coded_value)}`];
    const keys = [...this.#attrs.keys()].sort(compareCodePoints);
    for (const key of keys) {
      const value = this.#attrs.get(key);
      if (value === "" || (typeof value === "object" && value !== null && eq(value, ""))) continue;
      if (!isIn(a, key)) continue;
      const name = reserved[key];
      if (key === "expires" && isInt(value)) result.push(`${name}=${_getdate(intOf(value))}`);
      else if (key === "max-age" && isInt(value)) result.push(`${name}=${intOf(value)}`);
      else if (key === "comment" && typeof value === "string") result.push(`${name}=${_quote(value)}`);
      else if (flags === FLAGS ? FLAGS.has(key) : contains(flags, key)) {
        if (truthy(value)) result.push(str(name));
      } else result.push(`${name}=${str(value)}`);
    }
    return result.join("; ");
  }

  /** Python's `repr(M)`: `<Morsel: key=value; attrs>`. */
  [pyrepr](): string {
    return `<${this.constructor.name}: ${this.OutputString()}>`;
  }

  /** Python's `str(M)`: `M.output()`. */
  [pystr](): string {
    return this.output();
  }

  /** Python's `str(M)`: `M.output()`. */
  toString(): string {
    return this.output();
  }
}
classAttrs(Morsel, ["_reserved", "_reserved_defaults", "_flags"]);
showAsRepr(Morsel);

// ---------------------------------------------------------------------------
// The parser: CPython's `_CookiePattern`, matched without backtracking.

const DATE_RE =
  /(?:[A-Za-z0-9_]{3,6}day|[A-Za-z0-9_]{3}),[ \t\n\r\f\v][A-Za-z0-9_ \t\n\r\f\v-]{9,11}[ \t\n\r\f\v][0-9:]{8}[ \t\n\r\f\v]GMT/y;

interface PatternMatch {
  key: string;
  val: string | null;
  end: number;
}

/**
 * `_CookiePattern.match(s, i)`: the same key/value and end position
 * Python's backtracking regex finds, computed in time linear in the match.
 */
function matchCookie(s: string, i: number): PatternMatch | null {
  const n = s.length;
  let p = i;
  while (p < n && isSpace(s.charCodeAt(p))) p++;
  let kEnd = p;
  while (kEnd < n && inTable(KEY_CHARS, s.charCodeAt(kEnd))) kEnd++;
  if (kEnd === p) return null;

  // `\s*(\s+|;|$)` after position v: its end, or -1.
  const rest = (v: number): number => {
    let w = v;
    while (w < n && isSpace(s.charCodeAt(w))) w++;
    if (w < n && s.charCodeAt(w) === 0x3b) return w + 1;
    if (w === n || w > v) return w;
    return -1;
  };
  // End of the run of value characters from x (shared by all x in the key run).
  let runFromKey = -1;
  const valueRun = (x: number): number => {
    if (x >= p && x < kEnd) {
      if (runFromKey < 0) {
        runFromKey = kEnd;
        while (runFromKey < n && inTable(VALUE_CHARS, s.charCodeAt(runFromKey))) runFromKey++;
      }
      return runFromKey;
    }
    let e = x;
    while (e < n && inTable(VALUE_CHARS, s.charCodeAt(e))) e++;
    return e;
  };
  // The value alternatives at x, in the regex's order: quoted, date, plain.
  const tryValue = (x: number): [string, number] | null => {
    if (x < n && s.charCodeAt(x) === 0x22) {
      let j = x + 1;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c === 0x5c) {
          if (j + 1 < n && s.charCodeAt(j + 1) !== 0x0a) j += 2;
          else break;
        } else if (c === 0x22) {
          const e = rest(j + 1);
          if (e >= 0) return [s.slice(x, j + 1), e];
          break;
        } else j++;
      }
    }
    if (x < n && isWord(s.charCodeAt(x))) {
      DATE_RE.lastIndex = x;
      const m = DATE_RE.exec(s);
      if (m) {
        const e = rest(x + m[0].length);
        if (e >= 0) return [m[0], e];
      }
    }
    const v = valueRun(x);
    const e = rest(v);
    return e >= 0 ? [s.slice(x, v), e] : null;
  };

  for (let k = p + 1; k <= kEnd; k++) {
    let q = k;
    while (q < n && isSpace(s.charCodeAt(q))) q++;
    if (q < n && s.charCodeAt(q) === 0x3d) {
      let r = q + 1;
      while (r < n && isSpace(s.charCodeAt(r))) r++;
      const got = tryValue(r);
      if (got) return { key: s.slice(p, k), val: got[0], end: got[1] };
      // Giving back one space after "=" leaves an empty value ended by it.
      if (r > q + 1) return { key: s.slice(p, k), val: "", end: rest(r - 1) };
    }
    const e = rest(k);
    if (e >= 0) return { key: s.slice(p, k), val: null, end: e };
  }
  return null;
}

// ---------------------------------------------------------------------------
// BaseCookie / SimpleCookie

/** What {@link BaseCookie.load} and the constructor take: a header string or a mapping. */
export type CookieInput = string | MappingLike<unknown> | BaseCookie;

const BASECOOKIE_INIT = new Signature<{ input: unknown }>(
  "BaseCookie.__init__",
  ["self", "input"],
  { input: null },
  ["input"],
);
const BASECOOKIE_VALUE_DECODE = new Signature<{ val: string }>("BaseCookie.value_decode", ["self", "val"]);
// `val` can be any value, a dict included: only kw() marks keywords there.
const BASECOOKIE_VALUE_ENCODE = new Signature<{ val: unknown }>(
  "BaseCookie.value_encode",
  ["self", "val"],
  {},
  [
    "val",
  ],
);
const BASECOOKIE_OUTPUT = new Signature<{ attrs: Attrs; header: string; sep: string }>(
  "BaseCookie.output",
  ["self", "attrs", "header", "sep"],
  { attrs: null, header: "Set-Cookie:", sep: "\r\n" },
);
const BASECOOKIE_JS_OUTPUT = new Signature<{ attrs: Attrs }>(
  "BaseCookie.js_output",
  ["self", "attrs"],
  { attrs: null },
);
const BASECOOKIE_LOAD = new Signature<{ rawdata: unknown }>("BaseCookie.load", ["self", "rawdata"], {}, [
  "rawdata",
]);
const SIMPLECOOKIE_VALUE_DECODE = new Signature<{ val: string }>("SimpleCookie.value_decode", [
  "self",
  "val",
]);
const SIMPLECOOKIE_VALUE_ENCODE = new Signature<{ val: unknown }>(
  "SimpleCookie.value_encode",
  ["self", "val"],
  {},
  ["val"],
);

/**
 * Python's `http.cookies.BaseCookie`: a mapping of cookie names to
 * {@link Morsel}s. Subclasses override {@link BaseCookie.value_decode} and
 * {@link BaseCookie.value_encode}; the base class keeps values as given.
 *
 * @example
 * ```ts
 * import { BaseCookie } from "@pyweb/std/http/cookies";
 * import assert from "node:assert/strict";
 * const C = new BaseCookie('a="x y"');
 * assert.equal(C.get("a")!.value, '"x y"');
 * ```
 */
export class BaseCookie implements Iterable<string> {
  #morsels: Map<string, Morsel> = new Map();

  /**
   * Python's `BaseCookie(input=None)`: loads `input` when it is given and
   * not empty.
   *
   * @param input a `Cookie:` header value or a mapping of names to values
   */
  constructor(input?: CookieInput | null);
  /** `BaseCookie(input=...)` by keyword: `new SimpleCookie(kw({ input }))`. */
  constructor(kwargs: Keywords<{ input?: CookieInput | null }>);
  constructor(...args: unknown[]) {
    const { input } = BASECOOKIE_INIT.bind(args);
    if (truthy(input)) this.load(input as CookieInput);
  }

  /**
   * Python's `value_decode(val)`: `(real_value, coded_value)` for a value
   * read from a header. The base class returns `(val, val)`.
   *
   * @param val the value as it appeared in the header
   * @returns the real and coded values
   */
  value_decode(val: string): [string, string] {
    if (arguments.length !== 1 || isKeywords(val)) ({ val } = BASECOOKIE_VALUE_DECODE.bind(arguments));
    return tuple(val, val) as unknown as [string, string];
  }

  /**
   * Python's `value_encode(val)`: `(real_value, coded_value)` for a value
   * assigned in code. The base class returns `(str(val), str(val))`.
   *
   * @param val the assigned value
   * @returns the real and coded values
   */
  value_encode(val: unknown): [string, string] {
    if (arguments.length !== 1 || isMarkedKeywords(val)) ({ val } = BASECOOKIE_VALUE_ENCODE.bind(arguments));
    const s = str(val);
    return tuple(s, s) as unknown as [string, string];
  }

  #set(key: string, real: unknown, coded: unknown): void {
    const M = this.#morsels.get(key) ?? new Morsel();
    morselSet(M, key, real, coded);
    this.#morsels.set(key, M);
  }

  /** Python's `len(C)`. */
  get size(): number {
    return this.#morsels.size;
  }

  /** Python's `len(C)`. */
  __len__(): number {
    return this.#morsels.size;
  }

  /**
   * Python's `C == other`, as dicts compare: the same names, and Morsels
   * that are `==` (a dict or `Map` of Morsels compares too).
   *
   * @param other what to compare with
   * @returns whether they are equal, or `NotImplemented`
   */
  __eq__(other: unknown): boolean | typeof NotImplemented {
    const theirs = mappingOf(other);
    return theirs === null ? NotImplemented : dictEq(this.#morsels, theirs);
  }

  /** Iterate over the cookie names (Python's `iter(C)`). */
  [Symbol.iterator](): Iterator<string> {
    return this.#morsels.keys();
  }

  /**
   * Python's `C[key] = value`: a {@link Morsel} is stored as it is; any other
   * value goes through {@link BaseCookie.value_encode} into the key's Morsel.
   *
   * @param key the cookie name
   * @param value the value, or a Morsel
   * @returns the cookie
   * @throws CookieError for an illegal or reserved name or control characters
   */
  set(key: string, value: unknown): this {
    if (value instanceof Morsel) {
      this.#morsels.set(key, value);
    } else {
      const [rval, cval] = this.value_encode(value);
      this.#set(key, rval, cval);
    }
    return this;
  }

  /**
   * Python's `C.get(key, default=None)` (and `C[key]`): the key's Morsel.
   *
   * @param key the cookie name
   * @returns the Morsel, or `null`
   */
  get(key: string): Morsel | null;
  /** Python's `C.get(key, default)`. */
  get<T>(key: string, failobj: T): Morsel | T;
  get<T>(key: string, failobj: T | null = null): Morsel | T | null {
    return this.#morsels.get(key) ?? failobj;
  }

  /** Python's `key in C`. */
  has(key: string): boolean {
    return this.#morsels.has(key);
  }

  /** Python's `del C[key]`; false (where Python raises KeyError) when absent. */
  delete(key: string): boolean {
    return this.#morsels.delete(key);
  }

  /**
   * Python's `C.pop(key[, default])`.
   *
   * @param key the cookie name
   * @param failobj returned when absent (without it, KeyError)
   * @returns the removed Morsel
   */
  pop(key: string, ...failobj: unknown[]): unknown {
    const m = this.#morsels.get(key);
    if (m !== undefined) {
      this.#morsels.delete(key);
      return m;
    }
    if (failobj.length) return failobj[0];
    throw new KeyError(key);
  }

  /** Python's `C.clear()`. */
  clear(): void {
    this.#morsels.clear();
  }

  /**
   * `C.update(values)`: sets every item as `C[key] = value` does (strings
   * become Morsels; CPython's inherited `dict.update` would store them raw).
   *
   * @param values a mapping or pairs of names and values (or Morsels)
   */
  update(values: MappingLike<unknown>): void {
    for (const [k, v] of dictItems(values)) this.set(k as string, v);
  }

  /**
   * `C.setdefault(key, default)`: the key's Morsel, set from `default` first
   * when absent (as `C[key] = default` does).
   *
   * @param key the cookie name
   * @param value the value (or Morsel) to set when absent
   * @returns the key's Morsel
   */
  setdefault(key: string, value: unknown = null): Morsel {
    if (!this.#morsels.has(key)) this.set(key, value);
    return this.#morsels.get(key)!;
  }

  /** Python's `C.keys()`. */
  keys(): string[] {
    return [...this.#morsels.keys()];
  }

  /** Python's `C.values()`: the Morsels. */
  values(): Morsel[] {
    return [...this.#morsels.values()];
  }

  /** Python's `C.items()`: `(name, Morsel)` tuples. */
  items(): Tuple<string | Morsel>[] {
    return [...this.#morsels].map(([k, v]) => tuple(k, v));
  }

  #sorted(): [string, Morsel][] {
    return [...this.#morsels].sort((a, b) => compareCodePoints(a[0], b[0]));
  }

  /**
   * Python's `C.output(attrs=None, header="Set-Cookie:", sep="\r\n")`: one
   * header line per cookie, sorted by name.
   *
   * @param attrs the attributes to include (default all), or the keywords
   * @param header the header name
   * @param sep what joins the lines
   * @returns the header lines
   * @throws CookieError when a line holds control characters
   */
  output(attrs?: Attrs, header?: string, sep?: string): string;
  /** The same call, with Python's keyword arguments in a trailing object. */
  output(attrs: Attrs, kwargs: { header?: string; sep?: string }): string;
  /** The same call, with Python's keyword arguments in a trailing object. */
  output(attrs: Attrs, header: string, kwargs: { sep?: string }): string;
  /** The same call, with Python's keyword arguments in a trailing object. */
  output(kwargs: CookieOutputKwargs): string;
  output(...args: unknown[]): string {
    const { attrs, header, sep } = BASECOOKIE_OUTPUT.bind(args);
    const result: string[] = [];
    for (const [, m] of this.#sorted()) {
      const line = m.output(attrs, header);
      if (hasControl(line)) throw new CookieError("Control characters are not allowed in cookies");
      result.push(line);
    }
    return result.join(str(sep));
  }

  /**
   * Python's `C.js_output(attrs=None)`: the Morsels' scripts, sorted by name.
   *
   * @param attrs the attributes to include (default all)
   * @returns the script blocks
   */
  js_output(attrs?: Attrs): string;
  /** The same call, with Python's keyword arguments in a trailing object. */
  js_output(kwargs: { attrs?: Attrs }): string;
  js_output(...args: unknown[]): string {
    const { attrs } = BASECOOKIE_JS_OUTPUT.bind(args);
    return this.#sorted().map(([, m]) => m.js_output(attrs)).join("");
  }

  /**
   * Python's `C.load(rawdata)`: parse a `Cookie:` header value (a string),
   * or set every item of a mapping. A string with an invalid part loads
   * nothing; parsing stops quietly where the pattern no longer matches.
   *
   * @param rawdata a header value or a mapping
   * @throws CookieError for bad names, attributes or control characters
   */
  load(rawdata: CookieInput): void;
  /** The same call, with Python's keyword arguments in a trailing object. */
  load(kwargs: Keywords<{ rawdata: CookieInput }>): void;
  load(...args: unknown[]): void {
    const { rawdata } = BASECOOKIE_LOAD.bind(args);
    if (typeof rawdata === "string") {
      this.#parse(rawdata);
      return;
    }
    for (const [k, v] of mappingItems(rawdata)) this.set(k as string, v);
  }

  #parse(s: string): void {
    const n = s.length;
    let i = 0;
    let morselSeen = false;
    // [isAttribute, key, value]
    const parsed: [boolean, string, unknown][] = [];
    while (i < n) {
      const m = matchCookie(s, i);
      if (!m) break;
      const { key, val } = m;
      i = m.end;
      if (key.charCodeAt(0) === 0x24) {
        if (!morselSeen) continue;
        parsed.push([true, key.slice(1), val]);
      } else if (isIn(Morsel._reserved, key.toLowerCase())) {
        if (!morselSeen) return;
        if (val === null) {
          if (contains(Morsel._flags, key.toLowerCase())) parsed.push([true, key, true]);
          else return;
        } else parsed.push([true, key, _unquote(val)]);
      } else if (val !== null) {
        parsed.push([false, key, this.value_decode(val)]);
        morselSeen = true;
      } else return;
    }
    let M: Morsel | null = null;
    for (const [attr, key, value] of parsed) {
      if (attr) M!.set(key, value);
      else {
        const [rval, cval] = value as [unknown, unknown];
        this.#set(key, rval, cval);
        M = this.#morsels.get(key)!;
      }
    }
  }

  /** Python's `repr(C)`: `<SimpleCookie: name='value' ...>`. */
  [pyrepr](): string {
    const parts = this.#sorted().map(([k, m]) => `${k}=${repr(m.value)}`);
    return `<${this.constructor.name}: ${parts.join(" ")}>`;
  }

  /** Python's `str(C)`: `C.output()`. */
  [pystr](): string {
    return this.output();
  }

  /** Python's `str(C)`: `C.output()`. */
  toString(): string {
    return this.output();
  }
}
showAsRepr(BaseCookie);

/** `rawdata.items()` of a mapping given to {@link BaseCookie.load} (pairs too, as `dict()` takes). */
function mappingItems(rawdata: unknown): [unknown, unknown][] {
  if (rawdata === null || rawdata === undefined || typeof rawdata !== "object") {
    throw new AttributeError(`'${typeName(rawdata)}' object has no attribute 'items'`);
  }
  return dictItems(rawdata);
}

/**
 * Python's `http.cookies.SimpleCookie`: values are strings, quoted with
 * `_quote` on the way out and unquoted (octal escapes decoded) on the way in.
 *
 * @example
 * ```ts
 * import { SimpleCookie } from "@pyweb/std/http/cookies";
 * import { repr } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * const C = new SimpleCookie();
 * C.load('keebler="E=everybody; L=\\"Loves\\"; fudge=;";');
 * assert.equal(C.get("keebler")!.value, 'E=everybody; L="Loves"; fudge=;');
 * assert.equal(String(C), 'Set-Cookie: keebler="E=everybody; L=\\"Loves\\"; fudge=;"');
 * C.set("twix", "none for you");
 * assert.equal(repr(C), `<SimpleCookie: keebler='E=everybody; L="Loves"; fudge=;' twix='none for you'>`);
 * ```
 */
export class SimpleCookie extends BaseCookie {
  /**
   * `(_unquote(val), val)`.
   *
   * @param val the value as it appeared in the header
   * @returns the unquoted and the original value
   */
  override value_decode(val: string): [string, string] {
    if (arguments.length !== 1 || isKeywords(val)) ({ val } = SIMPLECOOKIE_VALUE_DECODE.bind(arguments));
    return tuple(_unquote(val)!, val) as unknown as [string, string];
  }

  /**
   * `(str(val), _quote(str(val)))`.
   *
   * @param val the assigned value
   * @returns the string and its quoted form
   */
  override value_encode(val: unknown): [string, string] {
    if (arguments.length !== 1 || isMarkedKeywords(val)) {
      ({ val } = SIMPLECOOKIE_VALUE_ENCODE.bind(arguments));
    }
    const s = str(val);
    return tuple(s, _quote(s)!) as unknown as [string, string];
  }
}
