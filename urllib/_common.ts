/**
 * Small Python-semantics helpers shared by `urllib.parse`: truthiness,
 * type names for messages, argument binding, and latin-1 string/bytes
 * views.
 *
 * @module
 */

import { TypeError } from "../_util/exceptions.ts";
import { isKwargs } from "../_util/kwargs.ts";

export { isDict, truthy, typeName, unpack } from "../_util/builtins.ts";

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
