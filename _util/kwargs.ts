/**
 * Python's keyword arguments: a trailing plain object of named options.
 *
 * @module
 */

import { TypeError } from "./exceptions.ts";

/**
 * Is `v` a keyword-arguments object: a plain (`Object.prototype`) object?
 * Dicts we return have a null prototype and `Map`s are not plain, so a
 * mapping argument is never mistaken for keywords.
 */
export function isKwargs(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) &&
    Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * Check the keyword names a function accepts, raising Python's TypeError
 * (`f() got an unexpected keyword argument 'x'`) for others.
 *
 * @param fn the function name for the message
 * @param kw the keywords given (or undefined)
 * @param names the accepted names
 * @returns `kw` itself, typed, or an empty object
 */
export function checkKwargs<T extends object>(
  fn: string,
  kw: T | undefined | null,
  names: readonly string[],
): Partial<T> {
  if (kw == null) return {};
  for (const k of Object.keys(kw)) {
    if (!names.includes(k)) throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'`);
  }
  return kw;
}
