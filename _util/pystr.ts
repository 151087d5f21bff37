/**
 * Python `str` semantics that JavaScript strings do not share.
 *
 * @module
 */

/** Compare strings by code point, as Python sorts `str` (JavaScript compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!, y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
