/**
 * Python's `repr()`, `str()` and `print()`, and the tuple type.
 *
 * Objects take part by defining methods under the {@link pyrepr} and
 * {@link pystr} symbols; named tuples, bytes, exceptions and our classes do.
 *
 * @module
 */

import { current, writeAllSync } from "./stdio.ts";

/** Key of the method that returns an object's Python `repr()`. */
export const pyrepr: unique symbol = Symbol.for("pyweb.repr");
/** Key of the method that returns an object's Python `str()`, when it differs from its repr. */
export const pystr: unique symbol = Symbol.for("pyweb.str");

const INSPECT = Symbol.for("Deno.customInspect");
const NODE_INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * Make `console.log` (Deno's and Node's inspect) show a class's Python repr.
 * Call it once per class: `showAsRepr(MyClass)`.
 */
export function showAsRepr(cls: { prototype: object }): void {
  const show = function (this: unknown): string {
    return repr(this);
  };
  for (const key of [INSPECT, NODE_INSPECT]) {
    Object.defineProperty(cls.prototype, key, {
      value: show,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
}

/**
 * A Python tuple: an array that prints with parentheses, `('a', 'b')`.
 * Functions that return a Python tuple return one of these.
 */
export class Tuple<T = unknown> extends Array<T> {
  /** Derived arrays (`map`, `filter`, …) are plain arrays. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  /** Python's `repr()` of the tuple. */
  [pyrepr](): string {
    if (this.length === 1) return `(${repr(this[0])},)`;
    return `(${Array.prototype.map.call(this, (x) => repr(x)).join(", ")})`;
  }
}
showAsRepr(Tuple);

/**
 * Build a {@link Tuple} from its items: `tuple("a", 1)` is Python's `('a', 1)`.
 *
 * @example
 * ```ts
 * import { repr, tuple } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(repr(tuple("a", 1)), "('a', 1)");
 * ```
 */
export function tuple<T extends unknown[]>(...items: T): Tuple<T[number]> & T {
  // Array(n) with one number would make n holes, so one item is pushed; more are passed through.
  if (items.length === 1) {
    const t = new Tuple<T[number]>();
    t.push(items[0]);
    return t as Tuple<T[number]> & T;
  }
  return Reflect.construct(Array, items, Tuple) as Tuple<T[number]> & T;
}

// Python's str.isprintable(): everything but categories Cc, Cf, Cs, Co, Cn,
// Zl, Zp and Zs other than the ASCII space.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function escapeChar(cp: number): string {
  if (cp < 0x100) return "\\x" + cp.toString(16).padStart(2, "0");
  if (cp < 0x10000) return "\\u" + cp.toString(16).padStart(4, "0");
  return "\\U" + cp.toString(16).padStart(8, "0");
}

/** Python's `repr()` of a `str`: quotes chosen and characters escaped as CPython does. */
export function reprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (c === 0x5c) out += "\\\\";
      else if (c === 0x27 && quote === "'") out += "\\'";
      else out += s[i];
      continue;
    }
    if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += escapeChar(c);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const ch = s.slice(i, i + 2);
        out += NON_PRINTABLE.test(ch) ? escapeChar(ch.codePointAt(0)!) : ch;
        i++;
      } else out += escapeChar(c);
    } else if (c >= 0xd800 && c <= 0xdfff) out += escapeChar(c);
    else {
      const ch = s[i];
      out += NON_PRINTABLE.test(ch) ? escapeChar(c) : ch;
    }
  }
  return out + quote;
}

/** Python's `repr()` of a `bytes` value: `b'...'`. */
export function reprBytes(b: Uint8Array): string {
  let hasSingle = false, hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = "b" + quote;
  for (const c of b) {
    if (c === 0x5c) out += "\\\\";
    else if (c === 0x27 && quote === "'") out += "\\'";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

function reprNumber(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  if (Object.is(n, -0)) return "-0.0";
  const s = String(n);
  // JS writes 1e21 where Python writes 1e+21 (same) but 1e-7 vs 1e-07.
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

function isDictLike(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype;
}

/**
 * Python's `repr()` of a value: `None`, `True`, `'text'`, `b'bytes'`,
 * `[1, 2]`, `('a',)`, `{'k': ['v']}`, and the repr of our own classes.
 *
 * @example
 * ```ts
 * import { repr } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(repr({ a: ["1"], b: null }), "{'a': ['1'], 'b': None}");
 * ```
 */
export function repr(value: unknown): string {
  return reprIn(value, new Set());
}

function reprIn(v: unknown, seen: Set<object>): string {
  switch (typeof v) {
    case "string":
      return reprStr(v);
    case "number":
      return reprNumber(v);
    case "bigint":
      return v.toString();
    case "boolean":
      return v ? "True" : "False";
    case "undefined":
      return "None";
    case "symbol":
      return v.toString();
    case "function":
      return `<function ${v.name || "<lambda>"}>`;
  }
  if (v === null) return "None";
  const o = v as Record<PropertyKey, unknown>;
  if (typeof o[pyrepr] === "function") return (o[pyrepr] as () => string).call(o);
  if (typeof o.__repr__ === "function") return pyString(o.__repr__(), "__repr__");
  if (seen.has(o)) return Array.isArray(o) ? "[...]" : "{...}";
  seen.add(o);
  try {
    if (o instanceof Uint8Array) return reprBytes(o);
    if (Array.isArray(o)) return "[" + o.map((x) => reprIn(x, seen)).join(", ") + "]";
    if (o instanceof Map) {
      return "{" + [...o].map(([k, x]) => `${reprIn(k, seen)}: ${reprIn(x, seen)}`).join(", ") + "}";
    }
    if (o instanceof Set) {
      return o.size ? "{" + [...o].map((x) => reprIn(x, seen)).join(", ") + "}" : "set()";
    }
    if (o instanceof Error) return `${o.name}(${reprStr(o.message)})`;
    if (isDictLike(o)) {
      return "{" + Object.keys(o).map((k) => `${reprStr(k)}: ${reprIn(o[k], seen)}`).join(", ") + "}";
    }
    return `<${o.constructor?.name ?? "object"} object>`;
  } finally {
    seen.delete(o);
  }
}

/**
 * Python's `str()` of a value: strings as they are, everything else as
 * its repr unless its class defines a separate `str()`.
 */
export function str(value: unknown): string {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object") {
    const o = value as Record<PropertyKey, unknown>;
    if (typeof o[pystr] === "function") return (o[pystr] as () => string).call(o);
    if (typeof o.__str__ === "function") return pyString(o.__str__(), "__str__");
    if (typeof o[pyrepr] !== "function" && typeof o.__repr__ !== "function" && hasOwnToString(o)) {
      return String(o);
    }
  }
  return repr(value);
}

/** Does a user's class define its own `toString()` (Python's `__str__`)? */
function hasOwnToString(o: object): boolean {
  const f = (o as { toString?: unknown }).toString;
  return typeof f === "function" && !BUILTIN_TO_STRING.has(f);
}

const BUILTIN_TO_STRING: Set<unknown> = new Set([
  Object.prototype.toString,
  Array.prototype.toString,
  Error.prototype.toString,
  Uint8Array.prototype.toString,
  Date.prototype.toString,
  RegExp.prototype.toString,
  Function.prototype.toString,
]);

/**
 * How repr.ts raises Python's `TypeError`: exceptions.ts (which imports this module, so this one cannot import
 * it back) puts its class here when it loads.
 */
export const errors: { TypeError: new (message: string) => Error } = { TypeError: globalThis.TypeError };

function pyString(v: unknown, method: string): string {
  if (typeof v !== "string") {
    const t = v === null || v === undefined
      ? "NoneType"
      : typeof v === "number"
      ? Number.isInteger(v) ? "int" : "float"
      : typeof v === "boolean"
      ? "bool"
      : (v as object).constructor?.name ?? typeof v;
    throw new errors.TypeError(`${method} returned non-string (type ${t})`);
  }
  return v;
}

/** Keyword arguments of {@link print}. */
export interface PrintOptions {
  /** Put between values; default `" "`. */
  sep?: string | null;
  /** Put after the last value; default `"\n"`. */
  end?: string | null;
  /**
   * Where to write: a Python-style text file (anything with `write(str)`: a
   * `StringIO`, `sys.stderr`), or a Deno stream (anything with `writeSync`).
   * Default: the current `sys.stdout`.
   */
  file?: { write(s: string): unknown } | { writeSync(p: Uint8Array): number } | null;
  /** Accepted for Python compatibility; output is written synchronously anyway. */
  flush?: boolean;
}

const PRINT_KEYS = new Set(["sep", "end", "file", "flush"]);

function isPrintOptions(v: unknown): v is PrintOptions {
  if (v === null || typeof v !== "object" || Object.getPrototypeOf(v) !== Object.prototype) {
    return false;
  }
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => PRINT_KEYS.has(k));
}

/**
 * Python's `print(*values, sep=' ', end='\n', file=sys.stdout)`.
 *
 * Values are formatted with {@link str}. A trailing plain object whose keys
 * are only `sep`, `end`, `file` or `flush` is taken as the keywords (dicts we
 * return have a null prototype, so they always print as values).
 *
 * @example
 * ```ts
 * import { print } from "@pyweb/std";
 * print("a", 1, null, { sep: "-" }); // a-1-None
 * ```
 */
export function print(...values: unknown[]): void {
  let opts: PrintOptions = {};
  if (values.length && isPrintOptions(values[values.length - 1])) {
    opts = values.pop() as PrintOptions;
  }
  const sep = opts.sep ?? " ";
  const end = opts.end ?? "\n";
  const text = values.map((v) => str(v)).join(sep) + end;
  const file = opts.file ?? current.stdout;
  if (file === null || file === undefined) {
    writeAllSync(Deno.stdout, text);
  } else if (typeof (file as { writeSync?: unknown }).writeSync === "function") {
    writeAllSync(file as { writeSync(p: Uint8Array): number }, text); // a Deno stream (its write is async)
  } else {
    (file as { write(s: string): unknown }).write(text);
    if (opts.flush) (file as { flush?(): unknown }).flush?.();
  }
}
