/**
 * Python's calling convention, in one place: a signature table per callable.
 *
 * A public function, method or constructor declares its Python `def` line once
 * as a {@link Signature} and binds `[...positional, keywords?]` through it. The
 * table raises CPython's `TypeError` messages (unexpected keyword, multiple
 * values, too many positional arguments, missing arguments), keeps CPython's
 * `__qualname__` in them, and knows where a plain object is a mapping rather
 * than keywords. {@link kw} marks an object as keywords explicitly.
 *
 * ```python
 * def urljoin(base, url, allow_fragments=True): ...
 * ```
 * ```ts
 * const URLJOIN = new Signature<{ base: string; url: string; allow_fragments: boolean }>(
 *   "urljoin", ["base", "url", "allow_fragments"], { allow_fragments: true });
 * export function urljoin(...args: unknown[]) {
 *   const { base, url, allow_fragments } = URLJOIN.bind(args);
 * }
 * ```
 *
 * @module
 */

import { TypeError } from "./exceptions.ts";

const KEYWORDS: unique symbol = Symbol.for("pyweb.kw");

/** An object marked by {@link kw} (at run time): keywords, wherever it is passed. */
export type Keywords<T extends object = Record<string, unknown>> = T;

/**
 * Mark an object as keyword arguments, for the positions where a plain object
 * would be a mapping (urlencode's query, Request's headers, an environ).
 *
 * `Request(url, data, headers=h)` ports as `new Request(url, data, kw({ headers: h }))`.
 *
 * @param keywords the keyword arguments by Python name
 * @returns a copy of `keywords` that every pyweb callable takes as keywords
 *
 * @example
 * ```ts
 * import { kw } from "@pyweb/std";
 * import { urlencode } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(urlencode(kw({ query: { a: [1, 2] }, doseq: true })), "a=1&a=2");
 * ```
 */
export function kw<T extends object>(keywords: T): Keywords<T> {
  return Object.assign(Object.create(KEYWORDS_PROTO), keywords);
}

// The mark lives on the prototype, so kw() is one allocation and a copy.
const KEYWORDS_PROTO: object = Object.create(Object.prototype, { [KEYWORDS]: { value: true } });

/** Is `v` an object marked by {@link kw}? */
export function isMarkedKeywords(v: unknown): boolean {
  if (v === null || typeof v !== "object") return false;
  // Our own kw() objects by their prototype; the symbol also finds those of another copy of this module.
  return Object.getPrototypeOf(v) === KEYWORDS_PROTO || (v as Record<symbol, unknown>)[KEYWORDS] === true;
}

/**
 * Is `v` a keywords object: marked by {@link kw}, or a plain object (an
 * object literal: its `constructor` is `Object`, or its prototype is
 * `Object.prototype`)? Dicts we return have a null prototype, and `Map`s,
 * bytes, arrays and class instances are not plain, so they never count.
 */
export function isKeywords(v: unknown): v is Record<string, unknown> {
  // An object literal or a kw() object is told by its `constructor`: a load V8 caches per shape, where
  // Object.getPrototypeOf is a builtin call wherever the shapes vary (the binder sees every table's). So an
  // object whose `constructor` resolves to Object counts as plain. Then the prototype; then bytes (the usual
  // other object argument) are turned away before a symbol lookup walks the prototype chain of whatever a
  // call passes.
  if (v === null || typeof v !== "object") return false;
  if ((v as { constructor?: unknown }).constructor === Object) return true;
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === KEYWORDS_PROTO) return true;
  return !ArrayBuffer.isView(v) && !Array.isArray(v) && (v as Record<symbol, unknown>)[KEYWORDS] === true;
}

const enum Kind {
  PositionalOnly,
  PositionalOrKeyword,
  VarPositional,
  KeywordOnly,
  VarKeyword,
}

interface Param {
  readonly name: string;
  readonly kind: Kind;
  readonly required: boolean;
  readonly mapping: boolean;
}

/** No arguments beyond a table's parameters: what a method passes to {@link Signature.valuesOf} on a plain call. */
export const NO_MORE: readonly unknown[] = Object.freeze([]);

/** Every table built, by CPython qualname (several modules may share one): what the generated test walks. */
export const SIGNATURES: Map<string, Signature<object>[]> = new Map();

/**
 * One callable's Python signature, checked once, bound on every call.
 *
 * `params` is the `def` line in order: `"self"` first for methods, `"/"` and
 * `"*"` markers, `"*args"` and `"**kwargs"` for the variadic ones. A name in
 * `defaults` is optional; other names are required. A name in `mappings` is a
 * parameter that can be a dict, where a plain object is that dict and only
 * {@link kw} marks keywords.
 */
export class Signature<P extends object> {
  readonly #params: readonly Param[];
  readonly #byName: Map<string, number> = new Map();
  readonly #positional: number; // positional slots, self excluded
  readonly #takes: number; // positional slots before *args
  readonly #required: boolean;
  readonly #method: boolean;
  readonly #varPositional: number; // index of *args or -1
  readonly #varKeyword: string | null;
  readonly #defaults: Record<string, unknown>;
  readonly #names: readonly string[];
  // The array form of bind(): a plain def line (no /, *args or **kwargs) binds without building an object.
  readonly #simple: boolean;
  readonly #defaultValues: unknown[];
  readonly #requiredIndex: readonly number[];
  readonly #mapping: boolean; // some parameter can be a mapping

  /**
   * @param qualname CPython's `__qualname__` (`"HTTPConnection.putrequest"`, `"Request.__init__"`)
   * @param params the parameters in order, with `"self"`, `"/"`, `"*"`, `"*name"`, `"**name"`
   * @param defaults the default of each optional parameter
   * @param mappings the parameters where a plain object is a mapping, not keywords
   */
  constructor(
    readonly qualname: string,
    params: readonly string[],
    defaults: Partial<P> = {},
    mappings: readonly string[] = [],
  ) {
    const out: Param[] = [];
    let kind = Kind.PositionalOrKeyword;
    let method = false;
    let varPos = -1;
    let varKw: string | null = null;
    const slash = params.indexOf("/");
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      if (i === 0 && p === "self") {
        method = true;
        continue;
      }
      if (p === "/") continue;
      if (p === "*") {
        kind = Kind.KeywordOnly;
        continue;
      }
      if (p.startsWith("**")) {
        varKw = p.slice(2);
        out.push({ name: varKw, kind: Kind.VarKeyword, required: false, mapping: false });
        continue;
      }
      if (p.startsWith("*")) {
        varPos = out.length;
        out.push({ name: p.slice(1), kind: Kind.VarPositional, required: false, mapping: false });
        kind = Kind.KeywordOnly;
        continue;
      }
      const k = kind === Kind.PositionalOrKeyword && i < slash ? Kind.PositionalOnly : kind;
      out.push({ name: p, kind: k, required: !(p in defaults), mapping: mappings.includes(p) });
    }
    this.#params = out;
    out.forEach((p, i) => this.#byName.set(p.name, i));
    this.#positional = out.filter((p) => p.kind <= Kind.PositionalOrKeyword).length;
    this.#takes = varPos >= 0 ? varPos : this.#positional;
    this.#required = out.some((p) => p.required);
    this.#method = method;
    this.#varPositional = varPos;
    this.#varKeyword = varKw;
    const base: Record<string, unknown> = {};
    for (const p of out) {
      base[p.name] = p.kind === Kind.VarPositional
        ? undefined
        : p.kind === Kind.VarKeyword
        ? undefined
        : (defaults as Record<string, unknown>)[p.name];
    }
    this.#defaults = base;
    this.#names = out.map((p) => p.name);
    this.#simple = out.every((p) => p.kind === Kind.PositionalOrKeyword || p.kind === Kind.KeywordOnly);
    this.#defaultValues = out.map((p) => base[p.name]);
    this.#requiredIndex = out.flatMap((p, i) => (p.required ? [i] : []));
    this.#mapping = out.some((p) => p.mapping);
    const same = SIGNATURES.get(qualname);
    if (same) same.push(this as unknown as Signature<object>);
    else SIGNATURES.set(qualname, [this as unknown as Signature<object>]);
  }

  /** The parameter names in order, `self` and markers left out. */
  get names(): readonly string[] {
    return this.#names;
  }

  /**
   * Bind the arguments of one call: `[...positional, keywords?]`.
   *
   * A positional or keyword `undefined` counts as not given. Raises CPython's
   * `TypeError` for too many positional arguments, an unknown keyword, a value
   * given twice, or a missing required one.
   *
   * @param args the call's arguments, as the JS function received them
   * @returns each parameter by name, defaults filled in
   */
  bind(args: ArrayLike<unknown>): P {
    let n = args.length;
    while (n > 0 && args[n - 1] === undefined) n--;
    let keywords: Record<string, unknown> | undefined;
    if (n > 0) {
      const last = args[n - 1];
      if (last !== null && typeof last === "object" && isKeywords(last)) {
        const at = n - 1;
        const slot = at < this.#takes ? this.#params[at] : undefined;
        if (isMarkedKeywords(last) || slot === undefined || !slot.mapping) {
          keywords = last;
          n--;
        }
      }
    }
    const out: Record<string, unknown> = { ...this.#defaults };
    const params = this.#params;
    const takes = this.#takes;
    const direct = Math.min(n, takes);
    for (let i = 0; i < direct; i++) {
      const v = args[i];
      if (v !== undefined) out[params[i].name] = v;
    }
    if (this.#varPositional >= 0) {
      const rest: unknown[] = [];
      for (let i = takes; i < n; i++) rest.push(args[i]);
      out[params[this.#varPositional].name] = rest;
    }
    let extra: Record<string, unknown> | undefined;
    if (this.#varKeyword !== null) extra = out[this.#varKeyword] = Object.create(null);
    let kwonlyGiven = 0;
    if (keywords) {
      for (const name of Object.keys(keywords)) {
        const v = keywords[name];
        const idx = this.#byName.get(name);
        const p = idx === undefined ? undefined : params[idx];
        if (p === undefined || p.kind === Kind.VarPositional || p.kind === Kind.VarKeyword) {
          if (extra) {
            extra[name] = v;
            continue;
          }
          throw this.#unexpected(name);
        }
        if (p.kind === Kind.PositionalOnly) {
          if (extra) {
            extra[name] = v;
            continue;
          }
          throw new TypeError(
            `${this.qualname}() got some positional-only arguments passed as keyword arguments: '${name}'`,
          );
        }
        if (idx! < direct && args[idx!] !== undefined) {
          throw new TypeError(`${this.qualname}() got multiple values for argument '${name}'`);
        }
        if (p.kind === Kind.KeywordOnly) kwonlyGiven++;
        if (v !== undefined) out[name] = v;
      }
    }
    if (n > takes && this.#varPositional < 0) this.#tooMany(n, kwonlyGiven);
    if (this.#required) {
      let missing: string[] | undefined;
      for (const p of params) {
        if (p.required && p.kind <= Kind.PositionalOrKeyword && out[p.name] === undefined) {
          (missing ??= []).push(p.name);
        }
      }
      if (missing) this.#missing(missing, "positional");
      for (const p of params) {
        if (p.required && p.kind === Kind.KeywordOnly && out[p.name] === undefined) {
          (missing ??= []).push(p.name);
        }
      }
      if (missing) this.#missing(missing, "keyword-only");
    }
    return out as P;
  }

  /**
   * {@link Signature.bind} for hot paths: the same binding and the same errors, as an array of the values in
   * {@link Signature.names} order. A plain call (positional values and at most one trailing keywords object,
   * no undefined holes) that passes its rest parameter allocates nothing: that array (new for each call)
   * becomes the result, the keywords object's slot and any missing ones overwritten with the defaults and the
   * keywords' values. So pass a rest parameter, not an array you keep. An array-like (`arguments`) is copied;
   * anything else goes through `bind()`, with `args` as it came.
   *
   * @param args the call's arguments, as the JS function received them
   * @returns each parameter's value, in the table's order
   */
  values(args: ArrayLike<unknown>): unknown[] {
    if (!this.#simple) return this.#valuesSlow(args);
    const n = args.length;
    const last = n ? args[n - 1] : undefined;
    let np = n;
    if (last !== null && typeof last === "object" && isKeywords(last)) {
      if (!this.#mapping) np = n - 1;
      else {
        const slot = n - 1 < this.#positional ? this.#params[n - 1] : undefined;
        if (slot === undefined || !slot.mapping || isMarkedKeywords(last)) np = n - 1;
      }
    }
    if (np > this.#positional) return this.#valuesSlow(args);
    for (let i = 0; i < np; i++) if (args[i] === undefined) return this.#valuesSlow(args);
    const defaults = this.#defaultValues;
    const total = defaults.length;
    let out: unknown[];
    if (n === total && Array.isArray(args)) {
      // The call's own rest array, as long as the result: past the positional values, the defaults.
      out = args as unknown[];
      for (let i = np; i < total; i++) out[i] = defaults[i];
    } else {
      // A literal of the table's size allocates faster than slice() (3 or 4 parameters: most tables).
      const d = defaults;
      out = total === 3 ? [d[0], d[1], d[2]] : total === 4 ? [d[0], d[1], d[2], d[3]] : d.slice();
      for (let i = 0; i < np; i++) out[i] = args[i];
    }
    if (np < n) {
      const kw = last as Record<string, unknown>;
      // A signature names a few parameters: a scan compares interned strings by address, faster than a Map.
      const names = this.#names;
      for (const name in kw) {
        let i = np;
        while (i < total && names[i] !== name) i++;
        if (i === total) return this.#restoreSlow(args, out, n, last);
        const v = kw[name];
        if (v !== undefined) out[i] = v;
      }
    }
    const required = this.#requiredIndex;
    for (let k = 0; k < required.length; k++) {
      if (out[required[k]] === undefined) return this.#restoreSlow(args, out, n, last);
    }
    return out;
  }

  /** The slow path after values() began to fill the caller's rest array: put the call back as it came. */
  #restoreSlow(args: ArrayLike<unknown>, out: unknown[], n: number, last: unknown): unknown[] {
    if (out === args) {
      out.length = n;
      if (n) out[n - 1] = last;
    }
    return this.#valuesSlow(args);
  }

  #valuesSlow(args: ArrayLike<unknown>): unknown[] {
    const bound = this.bind(args) as Record<string, unknown>;
    return this.#names.map((name) => bound[name]);
  }

  /** CPython's message, with its "Did you mean" suggestion (Python/suggestions.c) among the nameable parameters. */
  #unexpected(name: string): TypeError {
    const candidates = this.#params.filter((p) =>
      p.kind === Kind.PositionalOrKeyword || p.kind === Kind.KeywordOnly
    )
      .map((p) => p.name);
    if (this.#method) candidates.unshift("self");
    const hint = suggestion(name, candidates);
    return new TypeError(
      `${this.qualname}() got an unexpected keyword argument '${name}'` +
        (hint === null ? "" : `. Did you mean '${hint}'?`),
    );
  }

  #tooMany(n: number, kwonlyGiven: number): never {
    const self = this.#method ? 1 : 0;
    let min = self;
    for (const p of this.#params) if (p.required && p.kind <= Kind.PositionalOrKeyword) min++;
    const max = this.#positional + self;
    const takes = min === max
      ? `${max} positional argument${max === 1 ? "" : "s"}`
      : `from ${min} to ${max} positional arguments`;
    const got = n + self;
    const given = kwonlyGiven
      ? `${got} positional argument${got === 1 ? "" : "s"} (and ${kwonlyGiven} keyword-only argument${
        kwonlyGiven === 1 ? "" : "s"
      }) were given`
      : `${got} ${got === 1 ? "was" : "were"} given`;
    throw new TypeError(`${this.qualname}() takes ${takes} but ${given}`);
  }

  #missing(names: string[], kind: string): never {
    const q = names.map((n) => `'${n}'`);
    const list = q.length === 1
      ? q[0]
      : q.length === 2
      ? `${q[0]} and ${q[1]}`
      : `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}`;
    throw new TypeError(
      `${this.qualname}() missing ${names.length} required ${kind} argument${
        names.length === 1 ? "" : "s"
      }: ${list}`,
    );
  }

  /**
   * The parameter list as `inspect.signature` prints it, defaults as their
   * Python repr: `(self, method, url, skip_host=False, skip_accept_encoding=False)`.
   */
  toString(reprOf: (v: unknown) => string = String): string {
    const parts: string[] = this.#method ? ["self"] : [];
    let star = false;
    let slashDone = false;
    const params = this.#params;
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      if (
        !slashDone && p.kind !== Kind.PositionalOnly && i > 0 && params[i - 1].kind === Kind.PositionalOnly
      ) {
        parts.push("/");
        slashDone = true;
      }
      if (p.kind === Kind.VarPositional) {
        parts.push(`*${p.name}`);
        star = true;
        continue;
      }
      if (p.kind === Kind.VarKeyword) {
        parts.push(`**${p.name}`);
        continue;
      }
      if (p.kind === Kind.KeywordOnly && !star) {
        parts.push("*");
        star = true;
      }
      parts.push(p.required ? p.name : `${p.name}=${reprOf(this.#defaults[p.name])}`);
    }
    if (!slashDone && params.length && params[params.length - 1].kind === Kind.PositionalOnly) {
      parts.push("/");
    }
    return `(${parts.join(", ")})`;
  }

  // valuesOf()'s result, reused from call to call.
  #scratch: unknown[] | null = null;

  /**
   * {@link Signature.values} for a method that declares the table's parameters in order
   * (`send_header(keyword?: unknown, value?: unknown)`) and passes any arguments beyond them as `more`:
   * `arguments.length > 2 ? Array.prototype.slice.call(arguments, 2) : NO_MORE`. A plain call then makes no
   * argument array: V8 allocates a rest parameter on every call, even an empty one, while an `arguments`
   * object that is only read for its length, and sliced on a branch the call does not take, is never made.
   * A call of positional values only is bound here; any other (a keywords object, more arguments than
   * parameters, a missing one) goes through `values()` with the same arguments, so the binding and its
   * errors are the table's either way. `undefined` counts as not given, as everywhere in this table. The
   * result is an array this table reuses: destructure it at once, on the method's first line.
   *
   * @param more the call's arguments beyond the table's parameters ({@link NO_MORE} when there are none)
   * @param a the first parameter's value (then `b`, `c`: at most three parameters)
   * @returns each parameter's value, in the table's order
   */
  valuesOf(more: readonly unknown[], a?: unknown, b?: unknown, c?: unknown): readonly unknown[] {
    const defaults = this.#defaultValues;
    const total = defaults.length;
    if (!this.#simple || total > 3 || total > this.#positional) {
      throw new Error(`${this.qualname}: valuesOf() serves tables of at most three positional parameters`);
    }
    // The call's arguments: a, b, c (as many as the table has) then `more`, trailing undefined dropped.
    const n = more.length
      ? total + more.length
      : c !== undefined
      ? 3
      : b !== undefined
      ? 2
      : a !== undefined
      ? 1
      : 0;
    const last = n === 1 ? a : n === 2 ? b : n === 3 ? c : undefined;
    if (
      n > total || (last !== null && typeof last === "object" && isKeywords(last)) ||
      (n > 1 && a === undefined) || (n > 2 && b === undefined)
    ) {
      return this.values([a, b, c].slice(0, Math.min(n, total)).concat(more));
    }
    const out = this.#scratch ??= defaults.slice();
    for (let i = 0; i < total; i++) out[i] = defaults[i];
    if (n > 0) out[0] = a;
    if (n > 1) out[1] = b;
    if (n > 2) out[2] = c;
    const required = this.#requiredIndex;
    for (let k = 0; k < required.length; k++) {
      if (out[required[k]] === undefined) return this.values([a, b, c].slice(0, n)); // raises the table's error
    }
    return out;
  }
}

const MOVE_COST = 2;
const CASE_COST = 1;
const MAX_STRING_SIZE = 40;

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  if (a >= 65 && a <= 90) a += 32;
  if (b >= 65 && b <= 90) b += 32;
  return a === b ? CASE_COST : MOVE_COST;
}

/** CPython's bounded Levenshtein distance (Python/suggestions.c), case changes costing half a move. */
function levenshtein(a: string, b: string, maxCost: number): number {
  if (a === b) return 0;
  let aStart = 0;
  let bStart = 0;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aStart < aEnd && bStart < bEnd && a.charCodeAt(aStart) === b.charCodeAt(bStart)) aStart++, bStart++;
  while (aEnd > aStart && bEnd > bStart && a.charCodeAt(aEnd - 1) === b.charCodeAt(bEnd - 1)) aEnd--, bEnd--;
  let x = a.slice(aStart, aEnd);
  let y = b.slice(bStart, bEnd);
  if (!x.length || !y.length) return (x.length + y.length) * MOVE_COST;
  if (x.length > MAX_STRING_SIZE || y.length > MAX_STRING_SIZE) return maxCost + 1;
  if (y.length < x.length) [x, y] = [y, x];
  if ((y.length - x.length) * MOVE_COST > maxCost) return maxCost + 1;
  const row: number[] = [];
  for (let i = 0; i < x.length; i++) row.push((i + 1) * MOVE_COST);
  let result = 0;
  for (let j = 0; j < y.length; j++) {
    const code = y.charCodeAt(j);
    let distance = result = j * MOVE_COST;
    let minimum = Infinity;
    for (let i = 0; i < x.length; i++) {
      const substitute = distance + substitutionCost(code, x.charCodeAt(i));
      distance = row[i];
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** CPython's closest name to `name` among `candidates`, or null when none is close enough. */
function suggestion(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of candidates) {
    if (item === name) continue;
    const maxDistance = Math.min(
      Math.floor((name.length + item.length + 3) * MOVE_COST / 6),
      bestDistance - 1,
    );
    const d = levenshtein(name, item, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}
