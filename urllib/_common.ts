/**
 * Small Python-semantics helpers shared by `urllib.parse`: truthiness,
 * type names for messages, argument binding, and latin-1 string/bytes
 * views.
 *
 * @module
 */

import { NamedTuple } from "../_util/namedtuple.ts";
import { Tuple } from "../_util/repr.ts";
import { TypeError, ValueError } from "../_util/exceptions.ts";
import { isKwargs } from "../_util/kwargs.ts";

/** Python's `bool(x)`. */
export function truthy(x: unknown): boolean {
  if (x === null || x === undefined) return false;
  switch (typeof x) {
    case "string":
      return x.length > 0;
    case "number":
      return x !== 0 && !Number.isNaN(x);
    case "boolean":
      return x;
    case "bigint":
      return x !== 0n;
    case "object":
      if (x instanceof Uint8Array || Array.isArray(x)) return x.length > 0;
      if (x instanceof NamedTuple) return x.length > 0;
      if (x instanceof Map || x instanceof Set) return x.size > 0;
      if (isDict(x)) return Object.keys(x).length > 0;
      return true;
  }
  return true;
}

/** A plain or null-prototype object: what stands for a Python dict. */
export function isDict(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== "object" || Array.isArray(x)) return false;
  const p = Object.getPrototypeOf(x);
  return p === null || p === Object.prototype;
}

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

/**
 * Bind `(positional..., {keywords})` to Python parameter names.
 *
 * @param fn function name for messages
 * @param rest the arguments after the fixed first ones
 * @param names the parameter names `rest` maps to
 * @param defaults their defaults
 * @param first how many positional parameters precede `rest` (for messages)
 */
export function bind(
  fn: string,
  rest: unknown[],
  names: readonly string[],
  defaults: readonly unknown[],
  first = 1,
): unknown[] {
  const out = defaults.slice();
  let n = rest.length;
  let kw: Record<string, unknown> | undefined;
  if (n && isKwargs(rest[n - 1])) kw = rest[--n] as Record<string, unknown>;
  if (n > names.length) {
    const max = names.length + first;
    throw new TypeError(
      `${fn}() takes from ${first} to ${max} positional arguments but ${n + first} were given`,
    );
  }
  for (let i = 0; i < n; i++) if (rest[i] !== undefined) out[i] = rest[i];
  if (kw) {
    for (const k of Object.keys(kw)) {
      const idx = names.indexOf(k);
      if (idx < 0) throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'`);
      if (idx < n) throw new TypeError(`${fn}() got multiple values for argument '${k}'`);
      if (kw[k] !== undefined) out[idx] = kw[k];
    }
  }
  return out;
}

/** Python's iterable unpacking of `v` into exactly `n` items. */
export function unpack(v: unknown, n: number): unknown[] {
  let items: unknown[];
  if (typeof v === "string") items = [...v];
  else if (v instanceof Uint8Array) items = [...v];
  else if (Array.isArray(v) || v instanceof NamedTuple) items = [...(v as Iterable<unknown>)];
  else if (v instanceof Map || v instanceof Set) items = [...v.keys()];
  else if (isDict(v)) items = Object.keys(v);
  else if (v !== null && typeof v === "object" && Symbol.iterator in v) {
    items = [...(v as Iterable<unknown>)];
  } else throw new TypeError(`cannot unpack non-iterable ${typeName(v)} object`);
  if (items.length < n) {
    throw new ValueError(`not enough values to unpack (expected ${n}, got ${items.length})`);
  }
  if (items.length > n) throw new ValueError(`too many values to unpack (expected ${n})`);
  return items;
}
