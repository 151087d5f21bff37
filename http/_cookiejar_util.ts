/**
 * Helpers of http.cookiejar: Python's `int()`/`float()`/`str.strip()`
 * semantics, the date parsers (`http2time`, `iso2time`, written as linear
 * scanners that pick the same match CPython's regular expressions pick), the
 * header-word parsers, and the few `urllib.parse` pieces the jar needs.
 *
 * @module
 */

import { OverflowError, TypeError, ValueError } from "../_util/exceptions.ts";
import { encode } from "../_util/codecs.ts";
import { repr, Tuple } from "../_util/repr.ts";
import { latin1Decode } from "../_util/bytes.ts";
import { Signature } from "../_util/signature.ts";

/** A 2-tuple (built directly: much faster than the variadic `tuple()` in hot loops). */
export function pair<A, B>(a: A, b: B): Tuple<A | B> & [A, B] {
  // An array literal given Tuple's prototype: a real array, twice as fast to make as `new Tuple()`.
  return Object.setPrototypeOf([a, b], Tuple.prototype);
}

// ---------------------------------------------------------------------------
// Python string and number semantics

// Python's `str.isspace()` and `str.strip()`: the project's one copy, under the names this module uses.
export { isPySpace as pySpace, pyStrip } from "../_util/builtins.ts";
import { isPySpace as pySpace, pyStrip } from "../_util/builtins.ts";

/** `\s` of an ASCII-flagged Python pattern. */
export function asciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Python's `s.lstrip()`. */
export function pyLstrip(s: string): string {
  let a = 0;
  while (a < s.length && pySpace(s.charCodeAt(a))) a++;
  return s.slice(a);
}

/** Python's `s.rstrip()`. */
export function pyRstrip(s: string): string {
  let b = s.length;
  while (b > 0 && pySpace(s.charCodeAt(b - 1))) b--;
  return s.slice(0, b);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const MAX_STR_DIGITS = 4300;

/**
 * Python's `int(x)` for a string (ASCII digits, `_` between digits, sign and
 * surrounding whitespace) or a number; `None` raises TypeError.
 */
export function pyInt(v: unknown): number {
  if (typeof v === "number") {
    if (Number.isNaN(v)) throw new ValueError("cannot convert float NaN to integer");
    if (!Number.isFinite(v)) throw new OverflowError("cannot convert float infinity to integer");
    return Math.trunc(v);
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v !== "string") {
    const t = v === null || v === undefined ? "NoneType" : typeof v;
    throw new TypeError(
      `int() argument must be a string, a bytes-like object or a real number, not '${t}'`,
    );
  }
  const s = pyStrip(v);
  let i = 0;
  const neg = s[0] === "-";
  if (s[0] === "+" || s[0] === "-") i = 1;
  let count = 0;
  let ok = i < s.length;
  let underscores = false;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (isDigit(c)) count++;
    else if (
      c === 0x5f && j > i && j + 1 < s.length && isDigit(s.charCodeAt(j - 1)) && isDigit(s.charCodeAt(j + 1))
    ) {
      underscores = true;
    } else {
      ok = false;
      break;
    }
  }
  if (!ok || count === 0) {
    // CPython formats the value with %.200R: its repr cut to 200 characters.
    throw new ValueError(`invalid literal for int() with base 10: ${repr200(v)}`);
  }
  if (count > MAX_STR_DIGITS) {
    throw new ValueError(
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${count} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  let digits = s.slice(i);
  if (underscores) digits = digits.replaceAll("_", "");
  const n = Number(digits);
  return neg ? -n : n;
}

/** `%.200R`: the repr cut to 200 characters, without escaping all of a huge string first. */
function repr200(v: string): string {
  if (v.length <= 200) return repr(v);
  // Keep the quote CPython picks for the whole string: `"` only when it has `'` and no `"`.
  const hasSingle = v.includes("'"), hasDouble = v.includes('"');
  const head = Array.from(v.slice(0, 402)).slice(0, 201).join("");
  const probe = head + (hasSingle && !hasDouble ? "'" : '"');
  return Array.from(repr(probe)).slice(0, 200).join("");
}

const FLOAT_RE =
  /^[+-]?(?:(?:\d(?:_?\d)*)?(?:\.(?:\d(?:_?\d)*)?)?(?:[eE][+-]?\d(?:_?\d)*)?|inf|infinity|nan)$/i;

/** Python's `float(x)` for a string or a number. */
export function pyFloat(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v !== "string") {
    const t = v === null || v === undefined ? "NoneType" : typeof v;
    throw new TypeError(`float() argument must be a string or a real number, not '${t}'`);
  }
  const s = pyStrip(v);
  const m = FLOAT_RE.exec(s);
  const hasDigit = /\d/.test(s) || /inf|nan/i.test(s);
  if (!m || !hasDigit || /^[+-]?\.?(?:[eE]|$)/.test(s)) {
    throw new ValueError(`could not convert string to float: ${repr(v)}`);
  }
  const body = s.replace(/_/g, "").toLowerCase();
  if (body.endsWith("nan")) return NaN;
  if (body.endsWith("inf") || body.endsWith("infinity")) return body[0] === "-" ? -Infinity : Infinity;
  return Number(body);
}

// ---------------------------------------------------------------------------
// Times

/** CPython's `DAYS`: the weekday abbreviations, Monday first. */
export const DAYS: string[] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/** CPython's `MONTHS`: the month abbreviations, January first. */
export const MONTHS: string[] = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];
/** CPython's `MONTHS_LOWER`: {@link MONTHS} in lower case. */
export const MONTHS_LOWER: string[] = MONTHS.map((m) => m.toLowerCase());
const MAXYEAR = 9999;

function p2(n: number): string {
  return String(n).padStart(2, "0");
}

function utcParts(t: number | null | undefined): Date {
  let ms: number;
  if (t === null || t === undefined) ms = Date.now();
  else {
    // datetime.fromtimestamp rounds to microseconds, then fields are floored.
    const us = Math.round(t * 1e6);
    ms = Math.floor(us / 1000);
  }
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || y < 1 || y > MAXYEAR) {
    throw new ValueError(`year ${Number.isNaN(y) ? "is" : y} is out of range`);
  }
  return d;
}

const TIME2ISOZ = new Signature<{ t: number | null }>("time2isoz", ["t"], { t: null });

/**
 * Python's `http.cookiejar.time2isoz(t=None)`: `YYYY-MM-DD hh:mm:ssZ` in UTC.
 *
 * @param t seconds since the epoch (default: now)
 * @returns the time as text
 * @example
 * ```ts
 * import { time2isoz } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(time2isoz(0), "1970-01-01 00:00:00Z");
 * ```
 */
export function time2isoz(t?: number | null): string;
/** The same call, with Python's keyword arguments in a trailing object. */
export function time2isoz(kwargs: { t?: number | null }): string;
export function time2isoz(...args: unknown[]): string {
  const { t } = TIME2ISOZ.bind(args);
  return time2isozImpl(t);
}

/** The body of {@link time2isoz}, for internal callers. */
export function time2isozImpl(t: number | null = null): string {
  const d = utcParts(t);
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}Z`;
}

const TIME2NETSCAPE = new Signature<{ t: number | null }>("time2netscape", ["t"], { t: null });

/**
 * Python's `http.cookiejar.time2netscape(t=None)`: `Wdy, DD-Mon-YYYY HH:MM:SS GMT`.
 *
 * @param t seconds since the epoch (default: now)
 * @returns the time as text
 * @example
 * ```ts
 * import { time2netscape } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(time2netscape(0), "Thu, 01-Jan-1970 00:00:00 GMT");
 * ```
 */
export function time2netscape(t?: number | null): string;
/** The same call, with Python's keyword arguments in a trailing object. */
export function time2netscape(kwargs: { t?: number | null }): string;
export function time2netscape(...args: unknown[]): string {
  const { t } = TIME2NETSCAPE.bind(args);
  return time2netscapeImpl(t);
}

/** The body of {@link time2netscape}, for internal callers. */
export function time2netscapeImpl(t: number | null = null): string {
  const d = utcParts(t);
  return `${DAYS[(d.getUTCDay() + 6) % 7]}, ${p2(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-` +
    `${String(d.getUTCFullYear()).padStart(4, "0")} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:` +
    `${p2(d.getUTCSeconds())} GMT`;
}

/** `calendar.timegm` restricted as `http.cookiejar._timegm` does. */
function timegm(
  year: number,
  month: number,
  mday: number,
  hour: number,
  min: number,
  sec: number,
): number | null {
  if (
    year >= 1970 && month >= 1 && month <= 12 && mday >= 1 && mday <= 31 && hour >= 0 && hour <= 24 &&
    min >= 0 && min <= 59 && sec >= 0 && sec <= 61
  ) {
    if (year > MAXYEAR) throw new ValueError(`year ${year} is out of range`);
    const days = Date.UTC(year, month - 1, 1) / 86400000 + mday - 1;
    return ((days * 24 + hour) * 60 + min) * 60 + sec;
  }
  return null;
}

const OFFSET_FROM_TZ_STRING = new Signature<{ tz: string }>("offset_from_tz_string", ["tz"]);

/**
 * Python's `http.cookiejar.offset_from_tz_string(tz)`: a zone's offset from UTC in seconds.
 *
 * @param tz `GMT`, `UTC`, `UT`, `Z` or `[-+]hh[:]mm`
 * @returns the offset, or `null` for an unknown zone
 * @example
 * ```ts
 * import { offset_from_tz_string } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(offset_from_tz_string("-0800"), -28800);
 * assert.equal(offset_from_tz_string("GMT"), 0);
 * assert.equal(offset_from_tz_string("PST"), null);
 * ```
 */
export function offset_from_tz_string(tz: string): number | null;
/** The same call, with Python's keyword arguments in a trailing object. */
export function offset_from_tz_string(kwargs: { tz: string }): number | null;
export function offset_from_tz_string(...args: unknown[]): number | null {
  const { tz } = OFFSET_FROM_TZ_STRING.bind(args);
  return offset_from_tz_stringImpl(tz);
}

/** The body of {@link offset_from_tz_string}, for internal callers. */
export function offset_from_tz_stringImpl(tz: string): number | null {
  if (tz === "GMT" || tz === "UTC" || tz === "UT" || tz === "Z") return 0;
  // TIMEZONE_RE: ^([-+])?(\d\d?):?(\d\d)?$, tried in the regex's backtracking order.
  let i = 0;
  const sign = tz[0] === "+" || tz[0] === "-" ? tz[0] : "";
  if (sign) i = 1;
  for (const hl of [2, 1]) {
    let ok = true;
    for (let k = 0; k < hl; k++) if (!isDigit(tz.charCodeAt(i + k))) ok = false;
    if (!ok) continue;
    const h = i + hl;
    for (const colon of [1, 0]) {
      if (colon && tz.charCodeAt(h) !== 0x3a) continue;
      const m = h + colon;
      let min: string | null = null;
      if (isDigit(tz.charCodeAt(m)) && isDigit(tz.charCodeAt(m + 1)) && atEnd(tz, m + 2)) {
        min = tz.slice(m, m + 2);
      } else if (!atEnd(tz, m)) continue;
      let off = 3600 * Number(tz.slice(i, h));
      if (min) off += 60 * Number(min);
      return sign === "-" ? -off : off;
    }
  }
  return null;
}

function localYear(): number {
  return new Date(Date.now()).getFullYear();
}

function str2time(
  day: string,
  mon: string,
  yrText: string,
  hr: string | null,
  min: string | null,
  sec: string | null,
  tz: string | null,
): number | null {
  let yr = pyInt(yrText);
  if (yr > MAXYEAR) return null;
  let month = MONTHS_LOWER.indexOf(mon.toLowerCase()) + 1;
  if (month === 0) {
    let imon: number;
    try {
      imon = pyInt(mon);
    } catch (e) {
      if (e instanceof ValueError) return null;
      throw e;
    }
    if (imon >= 1 && imon <= 12) month = imon;
    else return null;
  }
  const d = pyInt(day), h = pyInt(hr ?? "0"), mi = pyInt(min ?? "0"), s = pyInt(sec ?? "0");
  if (yr < 1000) {
    const cur = localYear();
    let m = cur % 100;
    const tmp = yr;
    yr = yr + cur - m;
    m = m - tmp;
    if (Math.abs(m) > 50) yr = m > 0 ? yr + 100 : yr - 100;
  }
  let t = timegm(yr, month, d, h, mi, s);
  if (t !== null) {
    const off = offset_from_tz_stringImpl((tz ?? "UTC").toUpperCase());
    if (off === null) return null;
    t = t - off;
  }
  return t;
}

function wordChar(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function letter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** `$` of a Python pattern: the end, or just before a final newline. */
function atEnd(s: string, i: number): boolean {
  return i === s.length || (i === s.length - 1 && s.charCodeAt(i) === 0x0a);
}

function run(s: string, i: number, pred: (c: number) => boolean): number {
  while (i < s.length && pred(s.charCodeAt(i))) i++;
  return i;
}

// STRICT_DATE_RE: ^[SMTWF][a-z][a-z], (\d\d) ([JFMASOND][a-z][a-z]) (\d\d\d\d) (\d\d):(\d\d):(\d\d) GMT$
/** CPython's `STRICT_DATE_RE`: the strict HTTP date of `http2time`'s fast path. */
export const STRICT_DATE_RE: RegExp =
  /^[SMTWF][a-z][a-z], (\d\d) ([JFMASOND][a-z][a-z]) (\d\d\d\d) (\d\d):(\d\d):(\d\d) GMT\n?$/;

function skipWeekday(text: string): string {
  // WEEKDAY_RE: ^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*,?\s*  (re.I | re.ASCII)
  const head = text.slice(0, 3).toLowerCase();
  if (!["sun", "mon", "tue", "wed", "thu", "fri", "sat"].includes(head) || text.length < 3) return text;
  let i = run(text, 3, letter);
  if (text.charCodeAt(i) === 0x2c) i++;
  i = run(text, i, asciiSpace);
  return text.slice(i);
}

/** The tail of LOOSE_HTTP_DATE_RE from `i`: `\s*(tz\s*)?(\(\w+\)\s*)?$`. Returns tz or false. */
function looseTail(s: string, i: number): string | null | false {
  const w = run(s, i, asciiSpace);
  const parenEnd = (j: number): boolean => {
    if (atEnd(s, j)) return true;
    if (s.charCodeAt(j) !== 0x28) return false;
    const k = run(s, j + 1, wordChar);
    if (k === j + 1 || s.charCodeAt(k) !== 0x29) return false;
    return atEnd(s, run(s, k + 1, asciiSpace));
  };
  // timezone: [-+]?\d{2,4} | (?![APap][Mm]\b)[A-Za-z]+
  const c = s.charCodeAt(w);
  if (c === 0x2b || c === 0x2d || isDigit(c)) {
    const ds = c === 0x2b || c === 0x2d ? w + 1 : w;
    const de = run(s, ds, isDigit);
    for (let len = Math.min(4, de - ds); len >= 2; len--) {
      if (parenEnd(run(s, ds + len, asciiSpace))) return s.slice(w, ds + len);
    }
  } else if (letter(c)) {
    const ampm = (c === 0x41 || c === 0x61 || c === 0x50 || c === 0x70) &&
      (s.charCodeAt(w + 1) === 0x4d || s.charCodeAt(w + 1) === 0x6d) &&
      !(w + 2 < s.length && wordChar(s.charCodeAt(w + 2)));
    if (!ampm) {
      const e = run(s, w, letter);
      if (parenEnd(run(s, e, asciiSpace))) return s.slice(w, e);
    }
  }
  return parenEnd(w) ? null : false;
}

const HTTP2TIME = new Signature<{ text: string }>("http2time", ["text"]);

/**
 * Python's `http.cookiejar.http2time(text)`: seconds since the epoch for
 * an HTTP date in any of the loose formats servers send, or `null`.
 * Linear time on any input (CPython's bpo-38804 ReDoS fix).
 *
 * @param text the date
 * @returns seconds since the epoch, or `null`
 * @example
 * ```ts
 * import { http2time } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(http2time("Wed, 09 Feb 1994 22:23:32 GMT"), 760832612);
 * assert.equal(http2time("08-Feb-94 14:15:29 GMT"), 760716929);
 * assert.equal(http2time("not a date"), null);
 * ```
 */
export function http2time(text: string): number | null;
/** The same call, with Python's keyword arguments in a trailing object. */
export function http2time(kwargs: { text: string }): number | null;
export function http2time(...args: unknown[]): number | null {
  const { text } = HTTP2TIME.bind(args);
  return http2timeImpl(text);
}

/** The body of {@link http2time}, for internal callers. */
export function http2timeImpl(text: string): number | null {
  const m = STRICT_DATE_RE.exec(text);
  if (m) {
    const mon = MONTHS_LOWER.indexOf(m[2].toLowerCase()) + 1;
    if (mon === 0) throw new ValueError(`${repr(m[2].toLowerCase())} is not in list`);
    return timegm(Number(m[3]), mon, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  }
  const s = skipWeekday(pyLstrip(text));
  // ^(\d\d?)(?:\s+|[-\/])(\w+)(?:\s+|[-\/])(\d+)(?:(?:\s+|:)(\d\d?):(\d\d)(?::(\d\d))?)? + tail
  const sep = (i: number): number => {
    const c = s.charCodeAt(i);
    if (asciiSpace(c)) return run(s, i, asciiSpace);
    if (c === 0x2d || c === 0x2f) return i + 1;
    return -1;
  };
  const dEnd = run(s, 0, isDigit);
  for (const dl of [2, 1]) {
    if (dEnd < dl) continue;
    const a = sep(dl);
    if (a < 0) continue;
    const monEnd = run(s, a, wordChar);
    if (monEnd === a) continue;
    const b = sep(monEnd);
    if (b < 0) continue;
    const yEnd = run(s, b, isDigit);
    if (yEnd === b) continue;
    const day = s.slice(0, dl), mon = s.slice(a, monEnd), yr = s.slice(b, yEnd);
    // The optional clock.
    let c = -1;
    const cc = s.charCodeAt(yEnd);
    if (asciiSpace(cc)) c = run(s, yEnd, asciiSpace);
    else if (cc === 0x3a) c = yEnd + 1;
    if (c >= 0) {
      const hEnd = run(s, c, isDigit);
      for (const hl of [2, 1]) {
        if (hEnd - c < hl || s.charCodeAt(c + hl) !== 0x3a) continue;
        const mi = c + hl + 1;
        if (!(isDigit(s.charCodeAt(mi)) && isDigit(s.charCodeAt(mi + 1)))) continue;
        const hr = s.slice(c, c + hl), min = s.slice(mi, mi + 2);
        let after = mi + 2;
        if (
          s.charCodeAt(after) === 0x3a && isDigit(s.charCodeAt(after + 1)) && isDigit(s.charCodeAt(after + 2))
        ) {
          const tz = looseTail(s, after + 3);
          if (tz !== false) return str2time(day, mon, yr, hr, min, s.slice(after + 1, after + 3), tz);
        }
        after = mi + 2;
        const tz = looseTail(s, after);
        if (tz !== false) return str2time(day, mon, yr, hr, min, null, tz);
      }
    }
    const tz = looseTail(s, yEnd);
    if (tz !== false) return str2time(day, mon, yr, null, null, null, tz);
  }
  return null;
}

/** The tail of ISO_DATE_RE from `i`: `\s*(tz\s*)?$`. Returns tz, null (none) or false. */
function isoTail(s: string, i: number, spaceRun: (i: number) => number): string | null | false {
  const w = spaceRun(i);
  const endOk = (j: number) => atEnd(s, spaceRun(j));
  const c = s.charCodeAt(w);
  // ([-+]?\d\d?:?(:?\d\d)?|Z|z)
  const ds = c === 0x2b || c === 0x2d ? w + 1 : w;
  for (const hl of [2, 1]) {
    let ok = true;
    for (let k = 0; k < hl; k++) if (!isDigit(s.charCodeAt(ds + k))) ok = false;
    if (!ok) continue;
    const h = ds + hl;
    for (const colon of [1, 0]) {
      if (colon && s.charCodeAt(h) !== 0x3a) continue;
      const g = h + colon;
      // (:?\d\d)? present
      for (const c2 of [1, 0]) {
        if (c2 && s.charCodeAt(g) !== 0x3a) continue;
        const q = g + c2;
        if (isDigit(s.charCodeAt(q)) && isDigit(s.charCodeAt(q + 1)) && endOk(q + 2)) {
          return s.slice(w, q + 2);
        }
      }
      if (endOk(g)) return s.slice(w, g);
    }
  }
  if ((c === 0x5a || c === 0x7a) && endOk(w + 1)) return s[w];
  return atEnd(s, w) ? null : false;
}

const ISO2TIME = new Signature<{ text: string }>("iso2time", ["text"]);

/**
 * Python's `http.cookiejar.iso2time(text)`: seconds since the epoch for an
 * ISO 8601 date (`1994-02-03 14:15:29 -0100`, `19940203T141529Z`, …), or
 * `null`. Linear time on any input.
 *
 * @param text the date
 * @returns seconds since the epoch, or `null`
 * @example
 * ```ts
 * import { iso2time } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(iso2time("1994-02-03 14:15:29 -0100"), 760288529);
 * assert.equal(iso2time("19940203T141529Z"), 760284929);
 * ```
 */
export function iso2time(text: string): number | null;
/** The same call, with Python's keyword arguments in a trailing object. */
export function iso2time(kwargs: { text: string }): number | null;
export function iso2time(...args: unknown[]): number | null {
  const { text } = ISO2TIME.bind(args);
  return iso2timeImpl(text);
}

/** The body of {@link iso2time}, for internal callers. */
export function iso2timeImpl(text: string): number | null {
  const s = pyLstrip(text);
  const digitRuns = new Map<number, number>();
  const digitRun = (i: number): number => {
    let e = digitRuns.get(i);
    if (e === undefined) digitRuns.set(i, e = run(s, i, isDigit));
    return e;
  };
  const spaceRuns = new Map<number, number>();
  const spaceRun = (i: number): number => {
    let e = spaceRuns.get(i);
    if (e === undefined) spaceRuns.set(i, e = run(s, i, asciiSpace));
    return e;
  };
  // ^(\d{4})[-\/]?(\d\d?)[-\/]?(\d\d?)(?:(?:\s+|[-:Tt])(\d\d?):?(\d\d)(?::?(\d\d(?:\.\d*)?))?)? + tail
  for (let k = 0; k < 4; k++) if (!isDigit(s.charCodeAt(k))) return null;
  const yr = s.slice(0, 4);
  const isSep = (c: number) => c === 0x2d || c === 0x2f;
  const nDigits = (i: number, n: number) => {
    for (let k = 0; k < n; k++) if (!isDigit(s.charCodeAt(i + k))) return false;
    return true;
  };
  for (const s1 of [1, 0]) {
    if (s1 && !isSep(s.charCodeAt(4))) continue;
    const p1 = 4 + s1;
    for (const ml of [2, 1]) {
      if (!nDigits(p1, ml)) continue;
      const p2 = p1 + ml;
      for (const s2 of [1, 0]) {
        if (s2 && !isSep(s.charCodeAt(p2))) continue;
        const p3 = p2 + s2;
        for (const dl of [2, 1]) {
          if (!nDigits(p3, dl)) continue;
          const p4 = p3 + dl;
          const mon = s.slice(p1, p2), day = s.slice(p3, p4);
          // Optional clock.
          const c = s.charCodeAt(p4);
          let h0 = -1;
          if (asciiSpace(c)) h0 = spaceRun(p4);
          else if (c === 0x2d || c === 0x3a || c === 0x54 || c === 0x74) h0 = p4 + 1;
          if (h0 >= 0) {
            for (const hl of [2, 1]) {
              if (!nDigits(h0, hl)) continue;
              const hEnd = h0 + hl;
              for (const colon of [1, 0]) {
                if (colon && s.charCodeAt(hEnd) !== 0x3a) continue;
                const m0 = hEnd + colon;
                if (!nDigits(m0, 2)) continue;
                const mEnd = m0 + 2;
                const hr = s.slice(h0, hEnd), min = s.slice(m0, mEnd);
                // Optional seconds: :?(\d\d(?:\.\d*)?)
                for (const c2 of [1, 0]) {
                  if (c2 && s.charCodeAt(mEnd) !== 0x3a) continue;
                  const s0 = mEnd + c2;
                  if (!nDigits(s0, 2)) continue;
                  const sEnd = s0 + 2;
                  if (s.charCodeAt(sEnd) === 0x2e) {
                    const fEnd = digitRun(sEnd + 1);
                    // Only the last few positions can leave a valid tail (a zone has at most 4 digits).
                    for (let e = fEnd; e >= sEnd + 1; e--) {
                      if (fEnd - e > 5) break;
                      const tz = isoTail(s, e, spaceRun);
                      if (tz !== false) return str2time(day, mon, yr, hr, min, s.slice(s0, e), tz);
                    }
                  }
                  const tz = isoTail(s, sEnd, spaceRun);
                  if (tz !== false) return str2time(day, mon, yr, hr, min, s.slice(s0, sEnd), tz);
                }
                const tz = isoTail(s, mEnd, spaceRun);
                if (tz !== false) return str2time(day, mon, yr, hr, min, null, tz);
              }
            }
          }
          const tz = isoTail(s, p4, spaceRun);
          if (tz !== false) return str2time(day, mon, yr, null, null, null, tz);
        }
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Header words

/** One `(name, value)` pair of {@link split_header_words}; `value` is `null` for a bare token. */
export type HeaderPair = Tuple<string | null> & [string, string | null];

const SPLIT_HEADER_WORDS = new Signature<{ header_values: Iterable<string> }>("split_header_words", [
  "header_values",
]);

/**
 * Python's `http.cookiejar.split_header_words(header_values)`: parse
 * `Set-Cookie2`-style header values into lists of `(name, value)` pairs.
 *
 * @param header_values the header values (a list, never a single string)
 * @returns one list of pairs per comma-separated header
 * @example
 * ```ts
 * import { split_header_words } from "@pyweb/std/http/cookiejar";
 * import { repr } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(
 *   repr(split_header_words(['foo="bar"; port="80,81"; discard, bar=baz'])),
 *   "[[('foo', 'bar'), ('port', '80,81'), ('discard', None)], [('bar', 'baz')]]",
 * );
 * ```
 */
export function split_header_words(header_values: Iterable<string>): HeaderPair[][];
/** The same call, with Python's keyword arguments in a trailing object. */
export function split_header_words(kwargs: { header_values: Iterable<string> }): HeaderPair[][];
export function split_header_words(...args: unknown[]): HeaderPair[][] {
  const { header_values } = SPLIT_HEADER_WORDS.bind(args);
  return split_header_wordsImpl(header_values);
}

/** The body of {@link split_header_words}, for internal callers. */
export function split_header_wordsImpl(header_values: Iterable<string>): HeaderPair[][] {
  if (typeof header_values === "string") throw new TypeError("header_values must not be a str");
  const result: HeaderPair[][] = [];
  for (const text of header_values) {
    let pairs: HeaderPair[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      // HEADER_TOKEN_RE: ^\s*([^=\s;,]+)
      const t0 = run(text, i, pySpace);
      const t1 = run(text, t0, (c) => c !== 0x3d && c !== 0x3b && c !== 0x2c && !pySpace(c));
      if (t1 > t0) {
        const name = text.slice(t0, t1);
        i = t1;
        let value: string | null = null;
        // HEADER_QUOTED_VALUE_RE: ^\s*=\s*"([^"\\]*(?:\\.[^"\\]*)*)"
        const e0 = run(text, i, pySpace);
        if (text.charCodeAt(e0) === 0x3d) {
          const q = run(text, e0 + 1, pySpace);
          let done = false;
          if (text.charCodeAt(q) === 0x22) {
            let j = q + 1;
            let out = "";
            let seg = j;
            while (j < n) {
              const c = text.charCodeAt(j);
              if (c === 0x22) break;
              if (c === 0x5c) {
                if (j + 1 >= n || text.charCodeAt(j + 1) === 0x0a) {
                  j = n;
                  break;
                }
                out += text.slice(seg, j);
                seg = j + 1;
                j += 2;
              } else j++;
            }
            if (j < n) {
              value = out + text.slice(seg, j);
              i = j + 1;
              done = true;
            }
          }
          if (!done) {
            // HEADER_VALUE_RE: ^\s*=\s*([^\s;,]*)
            const v1 = run(text, q, (c) => c !== 0x3b && c !== 0x2c && !pySpace(c));
            value = pyRstrip(text.slice(q, v1));
            i = v1;
          }
        }
        pairs.push(pair(name, value) as HeaderPair);
      } else if (text.charCodeAt(t0) === 0x2c) {
        i = t0 + 1;
        if (pairs.length) result.push(pairs);
        pairs = [];
      } else {
        // skip junk: ^[=\s;]*
        i = run(text, i, (c) => c === 0x3d || c === 0x3b || pySpace(c));
      }
    }
    if (pairs.length) result.push(pairs);
  }
  return result;
}

function isJoinToken(v: string): boolean {
  if (v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!(wordChar(c) && c !== 0x5f) && !"!#$%&'*+-.^_`|~".includes(v[i])) return false;
  }
  return true;
}

const JOIN_HEADER_WORDS = new Signature<{ lists: Iterable<Iterable<readonly [string, string | null]>> }>(
  "join_header_words",
  ["lists"],
);

/**
 * Python's `http.cookiejar.join_header_words(lists)`: the inverse (almost)
 * of {@link split_header_words}; values that are not tokens are quoted.
 *
 * @param lists lists of `(name, value)` pairs
 * @returns the header value
 * @example
 * ```ts
 * import { join_header_words } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(join_header_words([[["text/plain", null], ["charset", "iso-8859/1"]]]), 'text/plain; charset="iso-8859/1"');
 * ```
 */
export function join_header_words(lists: Iterable<Iterable<readonly [string, string | null]>>): string;
/** The same call, with Python's keyword arguments in a trailing object. */
export function join_header_words(
  kwargs: { lists: Iterable<Iterable<readonly [string, string | null]>> },
): string;
export function join_header_words(...args: unknown[]): string {
  const { lists } = JOIN_HEADER_WORDS.bind(args);
  return join_header_wordsImpl(lists);
}

/** The body of {@link join_header_words}, for internal callers. */
export function join_header_wordsImpl(lists: Iterable<Iterable<readonly [string, string | null]>>): string {
  const headers: string[] = [];
  for (const pairs of lists) {
    const attr: string[] = [];
    for (const [k, v0] of pairs) {
      let item = k;
      if (v0 !== null && v0 !== undefined) {
        let v = v0;
        if (!isJoinToken(v)) v = '"' + v.replace(/["\\]/g, "\\$&") + '"';
        item = `${k}=${v}`;
      }
      attr.push(item);
    }
    if (attr.length) headers.push(attr.join("; "));
  }
  return headers.join(", ");
}

const STRIP_QUOTES = new Signature<{ text: string }>("strip_quotes", ["text"]);

/** Python's `http.cookiejar.strip_quotes(text)`. * @example
 * ```ts
 * import { strip_quotes } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(strip_quotes('"1"'), "1");
 * ```
 */
export function strip_quotes(text: string): string;
/** The same call, with Python's keyword arguments in a trailing object. */
export function strip_quotes(kwargs: { text: string }): string;
export function strip_quotes(...args: unknown[]): string {
  const { text } = STRIP_QUOTES.bind(args);
  return strip_quotesImpl(text);
}

/** The body of {@link strip_quotes}, for internal callers. */
export function strip_quotesImpl(text: string): string {
  if (text.startsWith('"')) text = text.slice(1);
  if (text.endsWith('"')) text = text.slice(0, -1);
  return text;
}

const KNOWN_ATTRS = ["expires", "domain", "path", "secure", "version", "port", "max-age"];

/** One `(name, value)` pair of {@link parse_ns_headers}: `expires` is a number (or null). */
export type NsPair = Tuple<string | number | null> & [string, string | number | null];

const PARSE_NS_HEADERS = new Signature<{ ns_headers: Iterable<string> }>("parse_ns_headers", ["ns_headers"]);

/**
 * Python's `http.cookiejar.parse_ns_headers(ns_headers)`: the ad-hoc parser
 * of Netscape `Set-Cookie` values (an unquoted `,` may sit in `expires`).
 *
 * @param ns_headers the header values
 * @returns one list of pairs per header, `("version", "0")` added when absent
 * @example
 * ```ts
 * import { parse_ns_headers } from "@pyweb/std/http/cookiejar";
 * import { repr } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(
 *   repr(parse_ns_headers(["foo=bar; expires=Wednesday, 09-Feb-94 22:23:32 GMT; Path=/"])),
 *   "[[('foo', 'bar'), ('expires', 760832612), ('path', '/'), ('version', '0')]]",
 * );
 * ```
 */
export function parse_ns_headers(ns_headers: Iterable<string>): NsPair[][];
/** The same call, with Python's keyword arguments in a trailing object. */
export function parse_ns_headers(kwargs: { ns_headers: Iterable<string> }): NsPair[][];
export function parse_ns_headers(...args: unknown[]): NsPair[][] {
  const { ns_headers } = PARSE_NS_HEADERS.bind(args);
  return parse_ns_headersImpl(ns_headers);
}

/** The body of {@link parse_ns_headers}, for internal callers. */
export function parse_ns_headersImpl(ns_headers: Iterable<string>): NsPair[][] {
  const result: NsPair[][] = [];
  for (const header of ns_headers) {
    const pairs: NsPair[] = [];
    let versionSet = false;
    const params = header.split(";");
    for (let ii = 0; ii < params.length; ii++) {
      const param = pyStrip(params[ii]);
      const eq = param.indexOf("=");
      let key = pyStrip(eq < 0 ? param : param.slice(0, eq));
      if (!key) {
        if (ii === 0) break;
        continue;
      }
      let val: string | number | null = eq < 0 ? null : pyStrip(param.slice(eq + 1));
      if (ii !== 0) {
        const lc = key.toLowerCase();
        if (KNOWN_ATTRS.includes(lc)) key = lc;
        if (key === "version") {
          if (val !== null) val = strip_quotesImpl(val as string);
          versionSet = true;
        } else if (key === "expires") {
          if (val !== null) val = http2timeImpl(strip_quotesImpl(val as string));
        }
      }
      pairs.push(pair(key, val) as NsPair);
    }
    if (pairs.length) {
      if (!versionSet) pairs.push(pair("version", "0") as NsPair);
      result.push(pairs);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// Domains and URLs

/** `IPV4_RE.search(text)`: ends in `.digits` (before an optional final newline). */
export function endsLikeIPv4(text: string): boolean {
  let e = text.length;
  if (text.endsWith("\n")) e--;
  let i = e;
  while (i > 0 && isDigit(text.charCodeAt(i - 1))) i--;
  if (i === e) return false;
  return i > 0 && text.charCodeAt(i - 1) === 0x2e;
}

const IS_HDN = new Signature<{ text: string }>("is_HDN", ["text"]);

/**
 * Python's `http.cookiejar.is_HDN(text)`: is `text` a host domain name (not
 * an IPv4 address, not empty, no leading or trailing dot)?
 * @example
 * ```ts
 * import { is_HDN } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(is_HDN("www.example.com"), true);
 * assert.equal(is_HDN("192.168.1.1"), false);
 * ```
 */
export function is_HDN(text: string): boolean;
/** The same call, with Python's keyword arguments in a trailing object. */
export function is_HDN(kwargs: { text: string }): boolean;
export function is_HDN(...args: unknown[]): boolean {
  const { text } = IS_HDN.bind(args);
  return is_HDNImpl(text);
}

/** The body of {@link is_HDN}, for internal callers. */
export function is_HDNImpl(text: string): boolean {
  if (endsLikeIPv4(text)) return false;
  if (text === "") return false;
  if (text[0] === "." || text[text.length - 1] === ".") return false;
  return true;
}

const DOMAIN_MATCH = new Signature<{ A: string; B: string }>("domain_match", ["A", "B"]);

/** Python's `http.cookiejar.domain_match(A, B)` (RFC 2965 domain-match). * @example
 * ```ts
 * import { domain_match } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(domain_match("x.y.com", ".Y.com"), true);
 * assert.equal(domain_match("x.y.com", "Y.com"), false);
 * ```
 */
export function domain_match(A: string, B: string): boolean;
/** The same call, with Python's keyword arguments in a trailing object. */
export function domain_match(A: string, kwargs: { B: string }): boolean;
/** The same call, with Python's keyword arguments in a trailing object. */
export function domain_match(kwargs: { A: string; B: string }): boolean;
export function domain_match(...args: unknown[]): boolean {
  const { A, B } = DOMAIN_MATCH.bind(args);
  return domain_matchImpl(A, B);
}

/** The body of {@link domain_match}, for internal callers. */
export function domain_matchImpl(A: string, B: string): boolean {
  A = A.toLowerCase();
  B = B.toLowerCase();
  if (A === B) return true;
  if (!is_HDNImpl(A)) return false;
  const i = A.lastIndexOf(B);
  if (i === -1 || i === 0) return false;
  if (!B.startsWith(".")) return false;
  if (!is_HDNImpl(B.slice(1))) return false;
  return true;
}

const LIBERAL_IS_HDN = new Signature<{ text: string }>("liberal_is_HDN", ["text"]);

/** Python's `http.cookiejar.liberal_is_HDN(text)`. * @example
 * ```ts
 * import { liberal_is_HDN } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(liberal_is_HDN(".example.com"), true);
 * ```
 */
export function liberal_is_HDN(text: string): boolean;
/** The same call, with Python's keyword arguments in a trailing object. */
export function liberal_is_HDN(kwargs: { text: string }): boolean;
export function liberal_is_HDN(...args: unknown[]): boolean {
  const { text } = LIBERAL_IS_HDN.bind(args);
  return liberal_is_HDNImpl(text);
}

/** The body of {@link liberal_is_HDN}, for internal callers. */
export function liberal_is_HDNImpl(text: string): boolean {
  return !endsLikeIPv4(text);
}

const USER_DOMAIN_MATCH = new Signature<{ A: string; B: string }>("user_domain_match", ["A", "B"]);

/** Python's `http.cookiejar.user_domain_match(A, B)` (for block and allow lists). * @example
 * ```ts
 * import { user_domain_match } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(user_domain_match("www.evil.example", ".evil.example"), true);
 * assert.equal(user_domain_match("notevil.example", ".evil.example"), false);
 * ```
 */
export function user_domain_match(A: string, B: string): boolean;
/** The same call, with Python's keyword arguments in a trailing object. */
export function user_domain_match(A: string, kwargs: { B: string }): boolean;
/** The same call, with Python's keyword arguments in a trailing object. */
export function user_domain_match(kwargs: { A: string; B: string }): boolean;
export function user_domain_match(...args: unknown[]): boolean {
  const { A, B } = USER_DOMAIN_MATCH.bind(args);
  return user_domain_matchImpl(A, B);
}

/** The body of {@link user_domain_match}, for internal callers. */
export function user_domain_matchImpl(A: string, B: string): boolean {
  A = A.toLowerCase();
  B = B.toLowerCase();
  if (!(liberal_is_HDNImpl(A) && liberal_is_HDNImpl(B))) return A === B;
  const initialDot = B.startsWith(".");
  if (initialDot && A.endsWith(B)) return true;
  if (!initialDot && A === B) return true;
  return false;
}

const PATH_SAFE = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~%/;:@&=+$,!~*'()") {
  PATH_SAFE[c.charCodeAt(0)] = 1;
}

function hexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

const ESCAPE_PATH = new Signature<{ path: string }>("escape_path", ["path"]);

/**
 * Python's `http.cookiejar.escape_path(path)`: percent-encode characters
 * not allowed in an HTTP path (as UTF-8) and upper-case every `%xx` escape.
 * @example
 * ```ts
 * import { escape_path } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(escape_path("/foo%2f/bar ü"), "/foo%2F/bar%20%C3%BC");
 * ```
 */
export function escape_path(path: string): string;
/** The same call, with Python's keyword arguments in a trailing object. */
export function escape_path(kwargs: { path: string }): string;
export function escape_path(...args: unknown[]): string {
  const { path } = ESCAPE_PATH.bind(args);
  return escape_pathImpl(path);
}

/** The body of {@link escape_path}, for internal callers. */
export function escape_pathImpl(path: string): string {
  const bytes = encode(path, "utf-8", "strict");
  const parts: string[] = [];
  let start = 0;
  const n = bytes.length;
  // Unsafe bytes become %XX; existing %xx escapes are upper-cased (ESCAPED_CHAR_RE).
  const flush = (end: number) => {
    if (end > start) parts.push(latin1Decode(bytes, start, end));
  };
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0x25) {
      if (i + 2 < n && isHexLower(bytes[i + 1], bytes[i + 2])) {
        flush(i);
        parts.push("%" + String.fromCharCode(bytes[i + 1], bytes[i + 2]).toUpperCase());
        start = i + 3;
        i += 2;
      }
    } else if (!(b < 128 && PATH_SAFE[b])) {
      flush(i);
      parts.push("%" + b.toString(16).toUpperCase().padStart(2, "0"));
      start = i + 1;
    }
  }
  flush(n);
  return parts.join("");
}

/** Both bytes are hex digits and at least one is a lower-case letter. */
function isHexLower(a: number, b: number): boolean {
  return hexDigit(a) && hexDigit(b) && (a >= 0x61 || b >= 0x61);
}

/** `cut_port_re.sub("", host, 1)`: drop a trailing `:digits`. */
export function cutPort(host: string): string {
  let e = host.length;
  const nl = host.endsWith("\n");
  if (nl) e--;
  let i = e;
  while (i > 0 && isDigit(host.charCodeAt(i - 1))) i--;
  if (i < e && i > 0 && host.charCodeAt(i - 1) === 0x3a) return host.slice(0, i - 1) + host.slice(e);
  return host;
}

const REACH = new Signature<{ h: string }>("reach", ["h"]);

/**
 * Python's `http.cookiejar.reach(h)` (RFC 2965 section 1).
 *
 * @param h a host name
 * @returns `.B` for a host `A.B` where B has an embedded dot or is `local`, else `h`
 * @example
 * ```ts
 * import { reach } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(reach("www.acme.com"), ".acme.com");
 * assert.equal(reach("acme.local"), ".local");
 * ```
 */
export function reach(h: string): string;
/** The same call, with Python's keyword arguments in a trailing object. */
export function reach(kwargs: { h: string }): string;
export function reach(...args: unknown[]): string {
  const { h } = REACH.bind(args);
  return reachImpl(h);
}

/** The body of {@link reach}, for internal callers. */
export function reachImpl(h: string): string {
  const i = h.indexOf(".");
  if (i >= 0) {
    const b = h.slice(i + 1);
    if (is_HDNImpl(h) && (b.indexOf(".") >= 0 || b === "local")) return "." + b;
  }
  return h;
}
