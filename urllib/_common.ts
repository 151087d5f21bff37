/**
 * Small helpers shared by `urllib.parse`'s public wrappers: the check that
 * lets a call made only of positional arguments skip its signature table,
 * and the Python builtins it uses (re-exported from their one home,
 * `_util/builtins.ts`).
 *
 * @module
 */

import { isKeywords } from "../_util/signature.ts";

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
