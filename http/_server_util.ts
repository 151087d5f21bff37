/**
 * Private helpers of `http.server`: Python's `%` formatting, `str.split()`,
 * `html.escape`, `urllib.parse.quote`/`unquote`, `posixpath.normpath`,
 * `email.utils` dates, log escaping and the mimetypes table.
 *
 * @module
 */

import { pyWordEnd, pyWordStart } from "../_util/builtins.ts";
import { repr } from "../_util/repr.ts";
import { pyInt as pyIntText } from "./_client_util.ts";

/** Python's `format % args` for the conversions log formats use: `%s %d %i %r %x %#x %%`. */
export function pyFormat(format: string, args: readonly unknown[]): string {
  let out = "";
  let k = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    let j = i + 1;
    let alt = false;
    if (format[j] === "#") {
      alt = true;
      j++;
    }
    const conv = format[j];
    i = j;
    if (conv === "%") {
      out += "%";
      continue;
    }
    const v = args[k++];
    switch (conv) {
      case "s":
        out += pyStr(v);
        break;
      case "r":
        out += repr(v);
        break;
      case "d":
      case "i":
        out += String(Math.trunc(Number(v)));
        break;
      case "x":
        out += (alt ? "0x" : "") + Math.trunc(Number(v)).toString(16);
        break;
      default:
        out += "%" + (alt ? "#" : "") + (conv ?? "");
    }
  }
  return out;
}

function pyStr(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return String(v);
  if (v instanceof Uint8Array) return repr(v);
  return String(v);
}

/** Python's `s.split()` (no argument): split on runs of whitespace, no empty words. */
export function pySplit(s: string): string[] {
  const words: string[] = [];
  for (let i = pyWordStart(s, 0); i < s.length; i = pyWordStart(s, i)) {
    const end = pyWordEnd(s, i);
    words.push(s.slice(i, end));
    i = end;
  }
  return words;
}

/**
 * {@link pySplit} as positions, making no strings: `bounds` receives the start and end of the first word,
 * of the second and of the last (a request line's command, path and version).
 *
 * @returns the number of words
 */
export function pySplitBounds(s: string, bounds: Int32Array): number {
  let n = 0;
  for (let i = pyWordStart(s, 0); i < s.length; i = pyWordStart(s, i)) {
    const end = pyWordEnd(s, i);
    if (n < 2) {
      bounds[2 * n] = i;
      bounds[2 * n + 1] = end;
    }
    bounds[4] = i;
    bounds[5] = end;
    n++;
    i = end;
  }
  return n;
}

/**
 * The key of `BaseHTTPRequestHandler`'s method that reads the next request line into `raw_requestline`
 * (kept as text until someone reads the bytes) and returns its length; `WSGIRequestHandler` uses it too.
 */
export const readRequestLine: unique symbol = Symbol("readRequestLine");

/** Python's `html.escape(s, quote=False)`. */
export function escapeHtml(s: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const rep = c === 0x26 ? "&amp;" : c === 0x3c ? "&lt;" : c === 0x3e ? "&gt;" : null;
    if (rep) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

let cachedSecond = -1;
let cachedDate = "";
/** `email.utils.formatdate(timestamp, usegmt=True)`: `Mon, 23 Nov 2026 19:05:55 GMT`. */
export function formatdate(timestamp?: number | null): string {
  if (timestamp === undefined || timestamp === null) {
    const sec = Math.floor(Date.now() / 1000);
    if (sec !== cachedSecond) {
      cachedSecond = sec;
      cachedDate = new Date(sec * 1000).toUTCString();
    }
    return cachedDate;
  }
  const sec = Math.floor(timestamp);
  if (sec !== lastStampSecond) {
    lastStampSecond = sec;
    lastStamp = new Date(sec * 1000).toUTCString();
  }
  return lastStamp;
}
let lastStampSecond = NaN;
let lastStamp = "";

const MONTHNAMES = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const DAYNAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const TIMEZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  AST: -400,
  ADT: -300,
  EST: -500,
  EDT: -400,
  CST: -600,
  CDT: -500,
  MST: -700,
  MDT: -600,
  PST: -800,
  PDT: -700,
};

/** Python's `int(s)` on a date field (underscores only between digits), `null` where it raises. */
function pyInt(s: string | number): number | null {
  return typeof s === "number" ? s : pyIntText(s, 10);
}

/**
 * `email.utils.parsedate_to_datetime(data)` reduced to what http.server
 * needs: the UTC epoch seconds and the zone offset (`null` for a naive
 * value); `null` when Python raises.
 */
export function parsedateToEpoch(data: string): { epoch: number; offset: number | null } | null {
  if (!data) return null;
  let parts = pySplit(data);
  if (!parts.length) return null;
  if (parts[0].endsWith(",") || DAYNAMES.includes(parts[0].toLowerCase())) parts.shift();
  else {
    const i = parts[0].lastIndexOf(",");
    if (i >= 0) parts[0] = parts[0].slice(i + 1);
  }
  if (parts.length === 3) {
    const stuff = parts[0].split("-");
    if (stuff.length === 3) parts = [...stuff, ...parts.slice(1)];
  }
  if (parts.length === 4) {
    const s = parts[3];
    let i = s.indexOf("+");
    if (i === -1) i = s.indexOf("-");
    if (i > 0) parts.splice(3, 1, s.slice(0, i), s.slice(i));
    else parts.push("");
  }
  if (parts.length < 5) return null;
  let [dd, mm, yy, tm, tz] = parts.slice(0, 5);
  if (!(dd && mm && yy)) return null;
  mm = mm.toLowerCase();
  if (!MONTHNAMES.includes(mm)) {
    [dd, mm] = [mm, dd.toLowerCase()];
    if (!MONTHNAMES.includes(mm)) return null;
  }
  let month = MONTHNAMES.indexOf(mm) + 1;
  if (month > 12) month -= 12;
  if (dd.endsWith(",")) dd = dd.slice(0, -1);
  if (yy.indexOf(":") > 0) [yy, tm] = [tm, yy];
  if (yy.endsWith(",")) {
    yy = yy.slice(0, -1);
    if (!yy) return null;
  }
  if (!/^[0-9]/.test(yy)) [yy, tz] = [tz, yy];
  if (tm.endsWith(",")) tm = tm.slice(0, -1);
  let t = tm.split(":");
  let thh: string, tmm: string, tss: string;
  if (t.length === 2) [thh, tmm, tss] = [t[0], t[1], "0"];
  else if (t.length === 3) [thh, tmm, tss] = t;
  else if (t.length === 1 && t[0].includes(".")) {
    t = t[0].split(".");
    if (t.length === 2) [thh, tmm, tss] = [t[0], t[1], "0"];
    else if (t.length === 3) [thh, tmm, tss] = t;
    else return null;
  } else return null;
  const nums = [yy, dd, thh, tmm, tss].map(pyInt);
  if (nums.some((n) => n === null)) return null;
  let [y, d, hh, mi, ss] = nums as number[];
  if (y < 100) y += y > 68 ? 1900 : 2000;
  let offset: number | null = null;
  const tzu = tz.toUpperCase();
  if (Object.hasOwn(TIMEZONES, tzu)) offset = TIMEZONES[tzu];
  else {
    offset = pyInt(tzu);
    if (offset === 0 && tzu.startsWith("-")) offset = null;
  }
  if (offset) {
    const sign = offset < 0 ? -1 : 1;
    const o = Math.abs(offset);
    offset = sign * (Math.floor(o / 100) * 3600 + (o % 100) * 60);
  }
  // datetime() validation: out-of-range fields raise ValueError in Python.
  const daysIn = new Date(Date.UTC(y, month, 0)).getUTCDate();
  if (
    y < 1 || y > 9999 || d < 1 || d > daysIn || hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59
  ) {
    return null;
  }
  if (offset !== null && Math.abs(offset) >= 86400) return null;
  const date = new Date(0);
  date.setUTCFullYear(y, month - 1, d);
  date.setUTCHours(hh, mi, ss, 0);
  return { epoch: date.getTime() / 1000 - (offset ?? 0), offset };
}

/** gh-100001: log lines escape C0, DEL and C1 controls as `\xNN` and `\` as `\\`. */
export function escapeLog(s: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0x5c) {
      out += s.slice(last, i) + (c === 0x5c ? "\\\\" : "\\x" + c.toString(16).padStart(2, "0"));
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}
