/**
 * Small byte and text helpers of `http.client`: Python's `int()` parsing, the
 * header-name and header-value checks, and the control-character searches
 * behind the injection guards.
 *
 * @module
 */

import { isPySpace } from "../_util/builtins.ts";

/** Python's `bytes.isspace()` (ASCII whitespace only). */
function isByteSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return 99;
}

/**
 * Python's `int(text, base)` for base 10 or 16: surrounding whitespace, a
 * sign, a `0x` prefix (base 16), single underscores between digits.
 * Returns `null` where Python raises `ValueError`.
 */
export function pyInt(text: string, base: 10 | 16, bytesMode = false): number | null {
  const space = bytesMode ? isByteSpace : isPySpace;
  let i = 0, j = text.length;
  while (i < j && space(text.charCodeAt(i))) i++;
  while (j > i && space(text.charCodeAt(j - 1))) j--;
  let sign = 1;
  if (i < j && (text[i] === "+" || text[i] === "-")) {
    if (text[i] === "-") sign = -1;
    i++;
  }
  let afterPrefix = false;
  if (base === 16 && j - i >= 2 && text[i] === "0" && (text[i + 1] === "x" || text[i + 1] === "X")) {
    i += 2;
    afterPrefix = true;
  }
  if (i >= j) return null;
  let value = 0;
  let prevUnderscore = false;
  let digits = 0;
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x5f) {
      if (prevUnderscore || (digits === 0 && !afterPrefix)) return null;
      prevUnderscore = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return null;
    value = value * base + d;
    digits++;
    prevUnderscore = false;
  }
  if (prevUnderscore || digits === 0) return null;
  return sign * value;
}

/** `_is_legal_header_name`: `[^:\s][^:\r\n]*` must match the whole name (`b[start:end]`). */
export function isLegalHeaderName(b: Uint8Array, start = 0, end: number = b.length): boolean {
  if (end <= start) return false;
  if (b[start] === 0x3a || isByteSpace(b[start])) return false;
  for (let i = start + 1; i < end; i++) {
    const c = b[i];
    if (c === 0x3a || c === 0x0d || c === 0x0a) return false;
  }
  return true;
}

/**
 * `_is_illegal_header_value` of `b[start:end]`: a `\n` not followed by SP/HT, or a `\r` not followed by
 * SP/HT/LF (the value's last byte is followed by nothing).
 */
export function isIllegalHeaderValue(b: Uint8Array, start = 0, end: number = b.length): boolean {
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c !== 0x0a && c !== 0x0d) continue;
    const d = i + 1 < end ? b[i + 1] : -1;
    if (d === 0x20 || d === 0x09 || (c === 0x0d && d === 0x0a)) continue;
    return true;
  }
  return false;
}

/** The first character in `[\x00-\x20\x7f]` (`_contains_disallowed_url_pchar_re`), or `null`. */
export function disallowedUrlChar(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return s[i];
  }
  return null;
}

/** The first character in `[\x00-\x1f]` (`_contains_disallowed_method_pchar_re`), or `null`. */
export function disallowedMethodChar(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) <= 0x1f) return s[i];
  }
  return null;
}
