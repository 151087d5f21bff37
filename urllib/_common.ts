/**
 * Small helpers shared by `urllib.parse`'s public wrappers: the fast path
 * that lets a call made only of positional arguments skip its signature
 * table, and the Python builtins it uses (re-exported from their one home,
 * `_util/builtins.ts`).
 *
 * @module
 */

import { isKeywords, isMarkedKeywords, type Signature } from "../_util/signature.ts";

export { isDict, iter, len, truthy, typeName, unpack } from "../_util/builtins.ts";

/**
 * Would the signature table bind `args` as they are? True when there are
 * `min` to `max` arguments, none `undefined` and the last not a keywords
 * object: then no `TypeError` is possible and argument `i` is parameter `i`.
 * The public wrappers use it to go straight to their implementation.
 *
 * @param args the call's arguments
 * @param min the number of required positional parameters
 * @param max the number of positional parameters
 * @returns whether the arguments can be used positionally as they are
 */
export function plainCall(args: ArrayLike<unknown>, min: number, max: number): boolean {
  const n = args.length;
  if (n < min || n > max) return false;
  for (let i = 0; i < n; i++) if (args[i] === undefined) return false;
  return n === 0 || !isKeywords(args[n - 1]);
}

/**
 * A call-site-friendly executor of one {@link Signature} table, for the hot
 * functions of `urllib.parse`.
 *
 * `Signature.bind` is shared by every table of the package, so once a
 * program uses a few of them its property stores go megamorphic and a bind
 * with keywords costs 100–200 ns, more than many of our parses. This binds
 * the common shapes — positional arguments, then optionally one trailing
 * keywords object — into an array by parameter position, reading its names
 * and defaults from the table; anything else (an unknown or repeated
 * keyword, too many or too few arguments, a positional `undefined`, a
 * mapping position) goes to the table itself, which raises CPython's error.
 */
export class FastBind {
  readonly #table: Signature<object>;
  readonly #index = new Map<string, number>();
  readonly #defaults: unknown[];
  readonly #min: number;
  readonly #max: number;
  readonly #names: readonly string[];
  readonly #mapping: number;

  /**
   * Prepare the fast binding of one table.
   *
   * @param table the callable's signature table
   * @param min its number of required positional parameters (they come first)
   * @param max its number of positional parameters (keyword-only ones follow)
   * @param mapping the position of a parameter where a plain object is a dict, or -1
   */
  constructor(table: Signature<object>, min: number, max: number, mapping = -1) {
    this.#mapping = mapping;
    this.#table = table;
    this.#names = table.names;
    this.#names.forEach((name, i) => this.#index.set(name, i));
    const bound = table.bind(Array(min).fill(null)) as Record<string, unknown>;
    this.#defaults = this.#names.map((name, i) => (i < min ? undefined : bound[name]));
    this.#min = min;
    this.#max = max;
  }

  /**
   * Bind one call.
   *
   * @param args the call's arguments
   * @returns the value of each parameter, by position in the table
   */
  bind(args: ArrayLike<unknown>): unknown[] {
    const n = args.length;
    const out = this.#defaults.slice();
    const last = n ? args[n - 1] : undefined;
    const keywords = isKeywords(last) && (n - 1 !== this.#mapping || isMarkedKeywords(last));
    const np = keywords ? n - 1 : n;
    if (np > this.#max) return this.#slow(args);
    for (let i = 0; i < np; i++) {
      const v = args[i];
      if (v === undefined) return this.#slow(args);
      out[i] = v;
    }
    if (keywords) {
      const kw = last as Record<string, unknown>;
      for (const name in kw) {
        const i = this.#index.get(name);
        if (i === undefined || i < np) return this.#slow(args);
        const v = kw[name];
        if (v !== undefined) out[i] = v;
      }
    }
    for (let i = 0; i < this.#min; i++) if (out[i] === undefined) return this.#slow(args);
    return out;
  }

  #slow(args: ArrayLike<unknown>): unknown[] {
    const bound = this.#table.bind(args) as Record<string, unknown>;
    return this.#names.map((name) => bound[name]);
  }
}
