// html.unescape's engine, shared by html/mod.ts and html/parser.ts.

import { HTML5_MAP } from "./_tables.ts";

// https://html.spec.whatwg.org/multipage/parsing.html#numeric-character-reference-end-state
const INVALID_CHARREFS: Map<number, string> = new Map([
  [0x00, "\ufffd"],
  [0x0d, "\r"],
  [0x80, "\u20ac"],
  [0x81, "\x81"],
  [0x82, "\u201a"],
  [0x83, "\u0192"],
  [0x84, "\u201e"],
  [0x85, "\u2026"],
  [0x86, "\u2020"],
  [0x87, "\u2021"],
  [0x88, "\u02c6"],
  [0x89, "\u2030"],
  [0x8a, "\u0160"],
  [0x8b, "\u2039"],
  [0x8c, "\u0152"],
  [0x8d, "\x8d"],
  [0x8e, "\u017d"],
  [0x8f, "\x8f"],
  [0x90, "\x90"],
  [0x91, "\u2018"],
  [0x92, "\u2019"],
  [0x93, "\u201c"],
  [0x94, "\u201d"],
  [0x95, "\u2022"],
  [0x96, "\u2013"],
  [0x97, "\u2014"],
  [0x98, "\u02dc"],
  [0x99, "\u2122"],
  [0x9a, "\u0161"],
  [0x9b, "\u203a"],
  [0x9c, "\u0153"],
  [0x9d, "\x9d"],
  [0x9e, "\u017e"],
  [0x9f, "\u0178"],
]);

/** Python's `_invalid_codepoints`: references to these expand to nothing. */
function isInvalidCodepoint(n: number): boolean {
  return (n >= 0x1 && n <= 0x8) || n === 0xb || (n >= 0xe && n <= 0x1f) ||
    (n >= 0x7f && n <= 0x9f) || (n >= 0xfdd0 && n <= 0xfdef) || (n & 0xfffe) === 0xfffe;
}

/** The text a numeric reference stands for (`num` may be huge or Infinity). */
export function numericCharref(num: number): string {
  const mapped = INVALID_CHARREFS.get(num);
  if (mapped !== undefined) return mapped;
  if ((num >= 0xd800 && num <= 0xdfff) || num > 0x10ffff) return "\ufffd";
  if (isInvalidCodepoint(num)) return "";
  return String.fromCodePoint(num);
}

// Longest html5 name without ';' (the legacy forms such as "amp", "frac12").
let LEGACY_MAX = 0;
for (const k of HTML5_MAP.keys()) {
  if (!k.endsWith(";") && k.length > LEGACY_MAX) LEGACY_MAX = k.length;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

/**
 * Expand the one reference at `s[amp]` (an `&`) as Python's `unescape` regex
 * would: returns the end of the match and its replacement, or -1 when no
 * reference starts there.
 */
function expandAt(s: string, amp: number, n: number): [number, string] | -1 {
  let p = amp + 1;
  if (p >= n) return -1;
  let c = s.charCodeAt(p);
  if (c === 0x23 /* # */) {
    p++;
    c = p < n ? s.charCodeAt(p) : -1;
    let num: number;
    if (isDigit(c)) {
      const start = p;
      while (p < n && isDigit(s.charCodeAt(p))) p++;
      num = parseInt(s.slice(start, p), 10);
    } else if ((c | 0x20) === 0x78 && p + 1 < n && isHex(s.charCodeAt(p + 1))) {
      const start = ++p;
      while (p < n && isHex(s.charCodeAt(p))) p++;
      num = parseInt(s.slice(start, p), 16);
    } else return -1;
    if (p < n && s.charCodeAt(p) === 0x3b) p++;
    return [p, numericCharref(num)];
  }
  // [^\t\n\f <&#;]{1,32};?  (32 code points)
  let count = 0;
  while (p < n && count < 32) {
    c = s.charCodeAt(p);
    if (
      c === 0x09 || c === 0x0a || c === 0x0c || c === 0x20 || c === 0x3c || c === 0x26 || c === 0x23 ||
      c === 0x3b
    ) {
      break;
    }
    if (c >= 0xd800 && c <= 0xdbff && p + 1 < n) {
      const d = s.charCodeAt(p + 1);
      if (d >= 0xdc00 && d <= 0xdfff) p++;
    }
    p++;
    count++;
  }
  if (count === 0) return -1;
  if (p < n && s.charCodeAt(p) === 0x3b) p++;
  const name = s.slice(amp + 1, p);
  const whole = HTML5_MAP.get(name);
  if (whole !== undefined) return [p, whole];
  // the longest prefix (of at least 2 characters) that is a name
  for (let x = Math.min(name.length - 1, LEGACY_MAX); x > 1; x--) {
    const v = HTML5_MAP.get(name.slice(0, x));
    if (v !== undefined) return [p, v + name.slice(x)];
  }
  return [p, "&" + name];
}

/** Python's `html.unescape`. */
export function unescapeText(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  const n = s.length;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const r = expandAt(s, amp, n);
    if (r === -1) {
      amp = s.indexOf("&", amp + 1);
      continue;
    }
    out += s.slice(last, amp) + r[1];
    last = r[0];
    amp = s.indexOf("&", last);
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * html.parser's `_unescape_attrvalue`: numeric references always expand;
 * a named one only when it is an exact html5 name not followed by `=`.
 */
export function unescapeAttr(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  const n = s.length;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    let p = amp + 1;
    let rep: string | null = null;
    let c = p < n ? s.charCodeAt(p) : -1;
    if (c === 0x23 /* # */) {
      p++;
      c = p < n ? s.charCodeAt(p) : -1;
      let num = -1;
      if (isDigit(c)) {
        const start = p;
        while (p < n && isDigit(s.charCodeAt(p))) p++;
        num = parseInt(s.slice(start, p), 10);
      } else if ((c | 0x20) === 0x78 && p + 1 < n && isHex(s.charCodeAt(p + 1))) {
        const start = ++p;
        while (p < n && isHex(s.charCodeAt(p))) p++;
        num = parseInt(s.slice(start, p), 16);
      }
      if (num >= 0) {
        rep = numericCharref(num);
        if (p < n) {
          c = s.charCodeAt(p);
          if (c === 0x3b) p++;
          else if (c === 0x3d) {
            p++;
            rep += "=";
          }
        }
      }
    } else if (c >= 0 && ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) {
      p++;
      while (p < n) {
        c = s.charCodeAt(p);
        if (isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) p++;
        else break;
      }
      let eq = false;
      if (p < n) {
        c = s.charCodeAt(p);
        if (c === 0x3b) p++;
        else if (c === 0x3d) {
          p++;
          eq = true;
        }
      }
      if (!eq) {
        const v = HTML5_MAP.get(s.slice(amp + 1, p));
        if (v !== undefined) rep = v;
      }
    }
    if (rep === null) {
      // no reference here (or one left as is): go on after what was matched
      amp = s.indexOf("&", p > amp + 1 ? p : amp + 1);
      continue;
    }
    out += s.slice(last, amp) + rep;
    last = p;
    amp = s.indexOf("&", p);
  }
  return last === 0 ? s : out + s.slice(last);
}
