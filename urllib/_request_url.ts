// Private URL helpers for urllib.request and urllib.robotparser: Python's
// private `urllib.parse._split*` family and byte-level quoting.

import { Bytes } from "../_util/bytes.ts";
import { encode } from "../_util/codecs.ts";
import { ValueError } from "../_util/exceptions.ts";

const HEX = "0123456789ABCDEF";

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Percent-decode bytes (`%XX` with two hex digits; anything else stays). */
export function percentDecode(b: Uint8Array): Bytes {
  const out = new Bytes(b.length);
  let j = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 37 && i + 2 < b.length) {
      const h = hexVal(b[i + 1]), l = hexVal(b[i + 2]);
      if (h >= 0 && l >= 0) {
        out[j++] = h * 16 + l;
        i += 2;
        continue;
      }
    }
    out[j++] = c;
  }
  return out.subarray(0, j) as Bytes;
}

/** Python's `unquote_to_bytes(s)` for a str argument. */
export function unquoteToBytes(s: string): Bytes {
  return percentDecode(encode(s, "utf-8", "strict"));
}

function isAlwaysSafe(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 ||
    c === 45 || c === 126;
}

/** Python's `quote_from_bytes(b, safe)`. */
export function quoteBytes(b: Uint8Array, safe = "/"): string {
  let out = "";
  for (const c of b) {
    if (isAlwaysSafe(c) || (c < 128 && safe.includes(String.fromCharCode(c)))) out += String.fromCharCode(c);
    else out += "%" + HEX[c >> 4] + HEX[c & 15];
  }
  return out;
}

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+\-.]*$/;

/** Python's `_splittype('type:opaquestring')` → `[type, rest]`, type lower-cased. */
export function splittype(url: string): [string | null, string] {
  const i = url.indexOf(":");
  if (i > 0 && /^[^/:]+$/.test(url.slice(0, i))) return [url.slice(0, i).toLowerCase(), url.slice(i + 1)];
  return [null, url];
}

/** Python's `_splithost('//host[:port]/path')` → `[host, path]`. */
export function splithost(url: string): [string | null, string] {
  // Python: re.compile('//([^/#?]*)(.*)', re.DOTALL) with .match
  if (!url.startsWith("//")) return [null, url];
  let i = 2;
  while (i < url.length && !"/#?".includes(url[i])) i++;
  const host = url.slice(2, i);
  let path = url.slice(i);
  if (path && path[0] !== "/") path = "/" + path;
  return [host, path];
}

/** Python's `_splittag(url)` → `[url, fragment | null]`. */
export function splittag(url: string): [string, string | null] {
  const i = url.lastIndexOf("#");
  return i < 0 ? [url, null] : [url.slice(0, i), url.slice(i + 1)];
}

/** Python's `_splitport('host:port')` → `[host, port | null]` (port all digits). */
export function splitport(host: string): [string, string | null] {
  const i = host.lastIndexOf(":");
  if (i >= 0) {
    const port = host.slice(i + 1);
    if (/^[0-9]*$/.test(port)) return [host.slice(0, i), port === "" ? null : port];
  }
  return [host, null];
}

/** Python's `_splituser('user[:passwd]@host[:port]')`. */
export function splituser(host: string): [string | null, string] {
  const i = host.lastIndexOf("@");
  return i < 0 ? [null, host] : [host.slice(0, i), host.slice(i + 1)];
}

/** Python's `_splitpasswd('user:passwd')`. */
export function splitpasswd(user: string): [string, string | null] {
  const i = user.indexOf(":");
  return i < 0 ? [user, null] : [user.slice(0, i), user.slice(i + 1)];
}

/** The five parts of Python's private `_urlsplit`, with `null` for absent parts. */
export type SplitParts = [string | null, string | null, string, string | null, string | null];

function isWhatwgC0OrSpace(c: number): boolean {
  return c <= 32;
}

/** Python's private `urllib.parse._urlsplit(url, scheme=None)` (absent parts are `null`). */
export function urlsplitRaw(url: string, defaultScheme: string | null = null): SplitParts {
  let i = 0;
  while (i < url.length && isWhatwgC0OrSpace(url.charCodeAt(i))) i++;
  url = url.slice(i);
  if (url.includes("\t") || url.includes("\r") || url.includes("\n")) url = url.replace(/[\t\r\n]/g, "");
  let scheme = defaultScheme;
  let netloc: string | null = null, query: string | null = null, fragment: string | null = null;
  const c = url.indexOf(":");
  if (c > 0 && SCHEME_CHARS.test(url.slice(0, c))) {
    scheme = url.slice(0, c).toLowerCase();
    url = url.slice(c + 1);
  }
  if (url.startsWith("//")) {
    let end = url.length;
    for (const d of "/?#") {
      const k = url.indexOf(d, 2);
      if (k >= 0 && k < end) end = k;
    }
    netloc = url.slice(2, end);
    url = url.slice(end);
    if (netloc.includes("[") !== netloc.includes("]")) throw new ValueError("Invalid IPv6 URL");
  }
  const h = url.indexOf("#");
  if (h >= 0) {
    fragment = url.slice(h + 1);
    url = url.slice(0, h);
  }
  const q = url.indexOf("?");
  if (q >= 0) {
    query = url.slice(q + 1);
    url = url.slice(0, q);
  }
  return [scheme, netloc, url, query, fragment];
}
