/**
 * Python's built-in protocols, in one home: `bool()`, `len()`, `in`, `==`,
 * `type(x).__name__`, iterable unpacking and `del obj.attr`.
 *
 * A user's class takes part under Python's dunder names (`__bool__`,
 * `__len__`, `__contains__`, `__eq__`, `__iter__`, `__delattr__`), so a ported
 * class keeps its methods as they were written.
 *
 * @module
 */

import { NamedTuple } from "./namedtuple.ts";
import { Tuple } from "./repr.ts";
import { CLASS_ATTR_GETTERS } from "./classattrs.ts";
import { AttributeError, TypeError, ValueError } from "./exceptions.ts";

type Dunders = {
  __bool__?: () => unknown;
  __len__?: () => unknown;
  __contains__?: (x: unknown) => unknown;
  __eq__?: (x: unknown) => unknown;
  __iter__?: () => Iterator<unknown>;
  __delattr__?: (name: string) => void;
};

/** A plain or null-prototype object: what stands for a Python dict. */
export function isDict(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  const p = Object.getPrototypeOf(x);
  return p === null || p === Object.prototype;
}

/** Python's `bool(x)`: `__bool__`, then `__len__`, then the built-in rules (NaN is true). */
export function truthy(x: unknown): boolean {
  if (x === null || x === undefined) return false;
  switch (typeof x) {
    case "string":
      return x.length > 0;
    case "number":
      return x !== 0;
    case "boolean":
      return x;
    case "bigint":
      return x !== 0n;
    case "object": {
      const o = x as Dunders;
      if (typeof o.__bool__ === "function") {
        const r = o.__bool__();
        if (typeof r !== "boolean") {
          throw new TypeError(`__bool__ should return bool, returned ${typeName(r)}`);
        }
        return r;
      }
      if (typeof o.__len__ === "function") return len(x) > 0;
      if (x instanceof Uint8Array || Array.isArray(x)) return x.length > 0;
      if (x instanceof NamedTuple) return x.length > 0;
      if (x instanceof Map || x instanceof Set) return x.size > 0;
      if (isDict(x)) return Object.keys(x).length > 0;
      return true;
    }
  }
  return true;
}

/** Python's `len(x)`: `__len__`, then strings (code points), arrays, bytes, Maps, Sets and dicts. */
export function len(x: unknown): number {
  if (typeof x === "string") {
    let n = 0;
    for (const _ of x) n++;
    return n;
  }
  if (x !== null && typeof x === "object") {
    const o = x as Dunders & { size?: unknown; length?: unknown };
    if (typeof o.__len__ === "function") {
      const n = o.__len__();
      if (typeof n !== "number" || !Number.isInteger(n)) {
        throw new TypeError(`'${typeName(n)}' object cannot be interpreted as an integer`);
      }
      if (n < 0) throw new ValueError("__len__() should return >= 0");
      return n;
    }
    if (x instanceof Map || x instanceof Set) return x.size;
    if (Array.isArray(x) || x instanceof Uint8Array || x instanceof NamedTuple) return x.length;
    if (isDict(x)) return Object.keys(x).length;
    if (typeof o.size === "number") return o.size;
  }
  throw new TypeError(`object of type '${typeName(x)}' has no len()`);
}

/** Python's `item in container`: `__contains__`, `has()`, then iteration with `==`. */
export function contains(container: unknown, item: unknown): boolean {
  if (typeof container === "string") {
    if (typeof item !== "string") {
      throw new TypeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    }
    return container.includes(item);
  }
  if (container instanceof Uint8Array && item instanceof Uint8Array) {
    // `b"ab" in b"xaby"`: a subsequence, as for str.
    const n = item.length;
    outer: for (let i = 0; i + n <= container.length; i++) {
      for (let j = 0; j < n; j++) if (container[i + j] !== item[j]) continue outer;
      return true;
    }
    return false;
  }
  if (container !== null && typeof container === "object") {
    const o = container as Dunders & { has?: (x: unknown) => boolean };
    if (typeof o.__contains__ === "function") return truthy(o.__contains__(item));
    if (typeof o.has === "function") return o.has(item);
    if (isDict(container)) return typeof item === "string" && Object.hasOwn(container, item);
    for (const x of iter(container)) if (eq(x, item)) return true;
    return false;
  }
  throw new TypeError(`argument of type '${typeName(container)}' is not a container or iterable`);
}

/** Python's `iter(x)`: `__iter__`, then `Symbol.iterator`; a dict iterates its keys. */
export function iter(x: unknown): Iterable<unknown> {
  if (x !== null && typeof x === "object") {
    const o = x as Dunders;
    if (typeof o.__iter__ === "function") return { [Symbol.iterator]: () => o.__iter__!() };
    if (Symbol.iterator in x) return x as Iterable<unknown>;
    if (isDict(x)) return Object.keys(x);
  }
  if (typeof x === "string") return x;
  throw new TypeError(`'${typeName(x)}' object is not iterable`);
}

/**
 * Python's `a == b`: `__eq__` on either side, then values: numbers, strings,
 * bytes, sequences, dicts (plain objects and `Map`s compare alike) and sets.
 */
export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null || b === null) return a === b;
  if (typeof a === "object") {
    const f = (a as Dunders).__eq__;
    if (typeof f === "function") {
      const r = f.call(a, b);
      if (r !== NotImplemented) return truthy(r);
    }
  }
  if (typeof b === "object") {
    const f = (b as Dunders).__eq__;
    if (typeof f === "function") {
      const r = f.call(b, a);
      if (r !== NotImplemented) return truthy(r);
    }
  }
  if (typeof a === "boolean") a = a ? 1 : 0;
  if (typeof b === "boolean") b = b ? 1 : 0;
  if (typeof a !== "object" || typeof b !== "object") return a === b;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  const seqA = Array.isArray(a) || a instanceof NamedTuple;
  const seqB = Array.isArray(b) || b instanceof NamedTuple;
  if (seqA || seqB) {
    if (!seqA || !seqB) return false;
    // A tuple never equals a list in Python.
    const tupA = a instanceof Tuple || a instanceof NamedTuple;
    const tupB = b instanceof Tuple || b instanceof NamedTuple;
    if (tupA !== tupB) return false; // a named tuple is a tuple too
    const xa = [...(a as Iterable<unknown>)];
    const xb = [...(b as Iterable<unknown>)];
    return xa.length === xb.length && xa.every((x, i) => eq(x, xb[i]));
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    for (const x of a) if (!contains(b, x)) return false;
    return true;
  }
  const ma = mappingEntries(a as object);
  const mb = mappingEntries(b as object);
  if (ma && mb) {
    if (ma.size !== mb.size) return false;
    for (const [k, v] of ma) {
      if (mb.has(k)) {
        if (!eq(v, mb.get(k))) return false;
        continue;
      }
      // A key object (bytes, a tuple) matches an equal key, as a Python dict's hash lookup does.
      if (k === null || typeof k !== "object") return false;
      let found = false;
      for (const [k2, v2] of mb) {
        if (eq(k, k2)) {
          if (!eq(v, v2)) return false;
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  return false;
}

function mappingEntries(x: object): Map<unknown, unknown> | null {
  if (x instanceof Map) return x;
  if (isDict(x)) return new Map(Object.entries(x));
  return null;
}

/** Python's `NotImplemented`, for an `__eq__` that declines. */
export const NotImplemented: unique symbol = Symbol.for("pyweb.NotImplemented");

/** Python's `type(x).__name__` for the values that can reach us. */
export function typeName(x: unknown): string {
  if (x === null || x === undefined) return "NoneType";
  switch (typeof x) {
    case "string":
      return "str";
    case "number":
      return Number.isInteger(x) ? "int" : "float";
    case "bigint":
      return "int";
    case "boolean":
      return "bool";
    case "function":
      return "function";
  }
  if (x instanceof Uint8Array) return "bytes";
  if (x instanceof Tuple) return "tuple";
  if (Array.isArray(x)) return "list";
  if (x instanceof Map || isDict(x)) return "dict";
  if (x instanceof Set) return "set";
  return (x as object).constructor?.name ?? "object";
}

/** Python's `operator.index(v)`: an int (a bool counts as 0 or 1), else CPython's TypeError. */
export function index(v: unknown): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new TypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
  }
  return v;
}

/** Python's iterable unpacking of `v` into exactly `n` items. */
export function unpack(v: unknown, n: number): unknown[] {
  let items: unknown[];
  if (typeof v === "string") items = [...v];
  else if (v instanceof Uint8Array) items = [...v];
  else if (Array.isArray(v) || v instanceof NamedTuple) items = [...(v as Iterable<unknown>)];
  else if (v instanceof Map || v instanceof Set) items = [...v.keys()];
  else if (isDict(v)) items = Object.keys(v);
  else if (v !== null && typeof v === "object" && (Symbol.iterator in v || "__iter__" in v)) {
    items = [...iter(v)];
  } else throw new TypeError(`cannot unpack non-iterable ${typeName(v)} object`);
  if (items.length < n) {
    throw new ValueError(`not enough values to unpack (expected ${n}, got ${items.length})`);
  }
  if (items.length > n) throw new ValueError(`too many values to unpack (expected ${n})`);
  return items;
}

/**
 * Python's `del obj.attr`, as `delattr(obj, "attr")`.
 *
 * Runs the object's `__delattr__` when it has one (our `Request` uses it for
 * `full_url` and `data`), else removes the instance's own value, which brings
 * back a class attribute's value. Raises `AttributeError` as CPython does.
 *
 * @param obj the object
 * @param name the attribute's name
 *
 * @example
 * ```ts
 * import { delattr } from "@pyweb/std";
 * import { Request } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const req = new Request("http://example.com/", new Uint8Array([1]));
 * delattr(req, "data");
 * assert.equal(req.data, null);
 * ```
 */
export function delattr(obj: object, name: string): void {
  const o = obj as Dunders;
  if (typeof o.__delattr__ === "function") {
    o.__delattr__(name);
    return;
  }
  deleteOwnAttribute(obj, name);
}

/** Remove `obj`'s own `name`: `object.__delattr__`, for a `__delattr__` to fall back on. */
export function deleteOwnAttribute(obj: object, name: string): void {
  if (Object.hasOwn(obj, name)) {
    if (!Reflect.deleteProperty(obj, name)) {
      throw new AttributeError(`'${typeName(obj)}' object attribute '${name}' is read-only`);
    }
    return;
  }
  let proto = Object.getPrototypeOf(obj);
  while (proto && proto !== Object.prototype) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (d?.get && CLASS_ATTR_GETTERS.has(d.get)) break;
    if (d?.get || d?.set) {
      throw new AttributeError(`property '${name}' of '${typeName(obj)}' object has no deleter`);
    }
    if (d) break;
    proto = Object.getPrototypeOf(proto);
  }
  throw new AttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
}

/** Python's `str.isspace()` for one UTF-16 code unit (every Python whitespace character is in the BMP). */
export function isPySpace(c: number): boolean {
  if (c <= 0x20) return (c >= 0x09 && c <= 0x0d) || c >= 0x1c;
  if (c < 0x85) return false; // the usual character: one more test
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Where the next word of `s[from:end]` starts (Python's `str.split()` words: runs of non-whitespace), or `end`. */
export function pyWordStart(s: string, from: number, end: number = s.length): number {
  let i = from;
  while (i < end && isPySpace(s.charCodeAt(i))) i++;
  return i;
}

/** Where the word of `s[:end]` that starts at `from` ends: the next Python whitespace, or `end`. */
export function pyWordEnd(s: string, from: number, end: number = s.length): number {
  let i = from;
  while (i < end && !isPySpace(s.charCodeAt(i))) i++;
  return i;
}

/** Python's `str.strip()` with no argument. */
export function pyStrip(s: string): string {
  let i = 0, j = s.length;
  while (i < j && isPySpace(s.charCodeAt(i))) i++;
  while (j > i && isPySpace(s.charCodeAt(j - 1))) j--;
  return s.slice(i, j);
}
