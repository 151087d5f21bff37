/**
 * Python's `urllib.parse`: split URLs into parts and put them back
 * together, resolve relative URLs, parse and build query strings, and
 * percent-quote text — with CPython 3.14's results, exceptions and reprs.
 *
 * ```python
 * from urllib.parse import urlparse, parse_qs, urlencode
 * r = urlparse("http://www.python.org:80/guido/python.html;philosophy?overall=3#n10")
 * print(r.hostname, r.port, parse_qs(r.query))
 * print(urlencode({"q": "a b", "n": 1}, doseq=True))
 * ```
 *
 * ```ts
 * import { print } from "@pyweb/std";
 * import { parse_qs, urlencode, urlparse } from "@pyweb/std/urllib/parse";
 * const r = urlparse("http://www.python.org:80/guido/python.html;philosophy?overall=3#n10");
 * print(r.hostname, r.port, parse_qs(r.query));
 * print(urlencode({ q: "a b", n: 1 }, { doseq: true }));
 * ```
 *
 * Bytes in gives bytes out: pass a `Uint8Array` (for example ``b`http://x/` ``)
 * and the results are `SplitResultBytes`, `ParseResultBytes`, … holding
 * {@link Bytes}.
 *
 * @module
 */

import { isPySpace } from "../_util/builtins.ts";
import { DeprecationWarning, warn } from "../warnings.ts";
import {
  allocBytes,
  Bytes,
  type BytesCopy,
  copyAsciiBytes,
  copyBytes,
  EMPTY_BYTES,
  isAsciiBytes,
  latin1Bytes,
  latin1Decode,
} from "../_util/bytes.ts";
import { decode, encode, lookup } from "../_util/codecs.ts";
import { AttributeError, TypeError, ValueError } from "../_util/exceptions.ts";
import { NamedTuple, namedTuple } from "../_util/namedtuple.ts";
import { reprBytes, reprStr, str as pyStr, Tuple } from "../_util/repr.ts";
import { isKeywords, isMarkedKeywords, Signature } from "../_util/signature.ts";
import { isIPv4, isIPv6 } from "./_ip.ts";
import { isDict, iter, len, plainCall, truthy, typeName, unpack } from "./_common.ts";

export type { Bytes };
export type { NamedTuple };
export type { Tuple };

// ---------------------------------------------------------------------------
// Scheme classification (module data, mutable as in Python)

/**
 * Schemes whose URLs `urljoin` resolves relative references against.
 *
 * @example
 * ```ts
 * import { uses_relative } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.ok(uses_relative.includes("https"));
 * ```
 */
export const uses_relative: string[] = [
  "",
  "ftp",
  "http",
  "gopher",
  "nntp",
  "imap",
  "wais",
  "file",
  "https",
  "shttp",
  "mms",
  "prospero",
  "rtsp",
  "rtsps",
  "rtspu",
  "sftp",
  "svn",
  "svn+ssh",
  "ws",
  "wss",
];

/**
 * Schemes that have a network location (`//netloc`).
 *
 * @example
 * ```ts
 * import { uses_netloc } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.ok(uses_netloc.includes("git+ssh"));
 * ```
 */
export const uses_netloc: string[] = [
  "",
  "ftp",
  "http",
  "gopher",
  "nntp",
  "telnet",
  "imap",
  "wais",
  "file",
  "mms",
  "https",
  "shttp",
  "snews",
  "prospero",
  "rtsp",
  "rtsps",
  "rtspu",
  "rsync",
  "svn",
  "svn+ssh",
  "sftp",
  "nfs",
  "git",
  "git+ssh",
  "ws",
  "wss",
  "itms-services",
];

/**
 * Schemes whose last path segment may carry `;params` (`urlparse` splits them).
 *
 * @example
 * ```ts
 * import { uses_params } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.ok(uses_params.includes("sip"));
 * ```
 */
export const uses_params: string[] = [
  "",
  "ftp",
  "hdl",
  "prospero",
  "http",
  "imap",
  "https",
  "shttp",
  "rtsp",
  "rtsps",
  "rtspu",
  "sip",
  "sips",
  "mms",
  "sftp",
  "tel",
];

/**
 * Kept for compatibility, as in Python; no function uses it.
 *
 * @example
 * ```ts
 * import { non_hierarchical } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.ok(non_hierarchical.includes("mailto"));
 * ```
 */
export const non_hierarchical: string[] = [
  "gopher",
  "hdl",
  "mailto",
  "news",
  "telnet",
  "wais",
  "imap",
  "snews",
  "sip",
  "sips",
];

/**
 * Kept for compatibility, as in Python; no function uses it.
 *
 * @example
 * ```ts
 * import { uses_query } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.ok(uses_query.includes("http"));
 * ```
 */
export const uses_query: string[] = [
  "",
  "http",
  "wais",
  "imap",
  "https",
  "shttp",
  "mms",
  "gopher",
  "rtsp",
  "rtsps",
  "rtspu",
  "sip",
  "sips",
];

/**
 * Kept for compatibility, as in Python; no function uses it.
 *
 * @example
 * ```ts
 * import { uses_fragment } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.ok(uses_fragment.includes("file"));
 * ```
 */
export const uses_fragment: string[] = [
  "",
  "ftp",
  "hdl",
  "http",
  "gopher",
  "news",
  "nntp",
  "wais",
  "https",
  "shttp",
  "snews",
  "file",
  "prospero",
];

/**
 * The characters allowed in a scheme name.
 *
 * @example
 * ```ts
 * import { scheme_chars } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.ok(scheme_chars.endsWith("+-."));
 * ```
 */
export const scheme_chars: string = "abcdefghijklmnopqrstuvwxyz" +
  "ABCDEFGHIJKLMNOPQRSTUVWXYZ" +
  "0123456789" +
  "+-.";

// ---------------------------------------------------------------------------
// Character classes

const SCHEME_CHAR = new Uint8Array(128);
for (let i = 0; i < scheme_chars.length; i++) SCHEME_CHAR[scheme_chars.charCodeAt(i)] = 1;

function isUnsafe(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0d;
}

// The characters _urlsplit removes anywhere: one search for the three (a character class: no backtracking)
// rather than three.
const UNSAFE_RE = /[\t\n\r]/;

/** Python's `url.lstrip(C0 or space)` followed by removing every tab, CR and LF. */
function cleanUrl(url: string): string {
  if (url.charCodeAt(0) > 0x20 && !UNSAFE_RE.test(url)) return url;
  const n = url.length;
  let start = 0;
  while (start < n && url.charCodeAt(start) <= 0x20) start++;
  let i = start;
  while (i < n && !isUnsafe(url.charCodeAt(i))) i++;
  if (i === n) return start ? url.slice(start) : url;
  let out = url.slice(start, i);
  let last = i + 1;
  for (i = last; i < n; i++) {
    if (isUnsafe(url.charCodeAt(i))) {
      out += url.slice(last, i);
      last = i + 1;
    }
  }
  return out + url.slice(last);
}

/** Python's `scheme.strip(C0 or space)` followed by removing every tab, CR and LF. */
function cleanScheme(scheme: string): string {
  // A scheme is short: one loop finds whether any character needs stripping or removing (all are <= " ").
  let i = 0;
  while (i < scheme.length && scheme.charCodeAt(i) > 0x20) i++;
  if (i === scheme.length) return scheme;
  let end = scheme.length;
  while (end > 0 && scheme.charCodeAt(end - 1) <= 0x20) end--;
  return cleanUrl(scheme.slice(0, end));
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

// ---------------------------------------------------------------------------
// str / bytes coercion (Python's _coerce_args)

const MIX = "Cannot mix str and non-str arguments";

function decodeArg(x: unknown): string {
  if (!truthy(x)) return "";
  // ASCII bytes decode the same as UTF-8, and TextDecoder is the fastest way to a string here.
  if (x instanceof Uint8Array) return isAsciiBytes(x) ? asciiDecoder.decode(x) : decode(x, "ascii", "strict");
  throw new AttributeError(`'${typeName(x)}' object has no attribute 'decode'`);
}

/** Coerce `args` to strings; returns whether the input was bytes. */
function coerce(args: unknown[]): boolean {
  const strInput = typeof args[0] === "string";
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (truthy(a) && (typeof a === "string") !== strInput) throw new TypeError(MIX);
  }
  if (strInput) return false;
  for (let i = 0; i < args.length; i++) args[i] = decodeArg(args[i]);
  return true;
}

/** In a str call, the value Python would see for an optional str argument. */
function optStr(x: unknown): string | null {
  if (typeof x === "string") return x;
  return null;
}

// ---------------------------------------------------------------------------
// Netloc checks (security fixes)

function checkNetloc(netloc: string | null): void {
  if (!netloc || isAscii(netloc)) return;
  let n = "";
  for (let i = 0; i < netloc.length; i++) {
    const c = netloc.charCodeAt(i);
    if (c !== 0x40 && c !== 0x3a && c !== 0x23 && c !== 0x3f) n += netloc[i];
  }
  const n2 = n.normalize("NFKC");
  if (n === n2) return;
  for (const c of "/?#@:") {
    if (n2.includes(c)) {
      throw new ValueError(
        "netloc '" + netloc + "' contains invalid " + "characters under NFKC normalization",
      );
    }
  }
}

// The last bracketed host found valid: the same host again (one server's URLs) is not checked again.
const validBracketed = { host: "" };

function checkBracketedHost(hostname: string): void {
  if (hostname === validBracketed.host && hostname !== "") return;
  checkBracketedHostOnce(hostname);
  validBracketed.host = hostname;
}

function checkBracketedHostOnce(hostname: string): void {
  if (hostname.charCodeAt(0) === 0x76 /* v */) {
    // \Av[a-fA-F0-9]+\..+\z  (no DOTALL: "." excludes "\n")
    let i = 1;
    const n = hostname.length;
    while (i < n) {
      const c = hostname.charCodeAt(i) | 0x20;
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66)) i++;
      else break;
    }
    let ok = i > 1 && i < n && hostname.charCodeAt(i) === 0x2e && i + 1 < n;
    if (ok) {
      for (let k = i + 1; k < n; k++) {
        if (hostname.charCodeAt(k) === 0x0a) {
          ok = false;
          break;
        }
      }
    }
    if (!ok) throw new ValueError("IPvFuture address is invalid");
    return;
  }
  if (isIPv4(hostname)) throw new ValueError("An IPv4 address cannot be in brackets");
  if (!isIPv6(hostname)) {
    throw new ValueError(`${reprStr(hostname)} does not appear to be an IPv4 or IPv6 address`);
  }
}

function checkBracketedNetloc(netloc: string): void {
  const hostAndPort = netloc.indexOf("@") < 0 ? netloc : netloc.slice(netloc.lastIndexOf("@") + 1);
  const ob = hostAndPort.indexOf("[");
  let hostname: string;
  if (ob >= 0) {
    if (ob > 0) throw new ValueError("Invalid IPv6 URL");
    const cb = hostAndPort.indexOf("]", 1);
    if (cb < 0) hostname = hostAndPort.slice(1);
    else {
      hostname = hostAndPort.slice(1, cb);
      if (cb + 1 < hostAndPort.length && hostAndPort.charCodeAt(cb + 1) !== 0x3a) {
        throw new ValueError("Invalid IPv6 URL");
      }
    }
  } else {
    const c = hostAndPort.indexOf(":");
    hostname = c < 0 ? hostAndPort : hostAndPort.slice(0, c);
  }
  checkBracketedHost(hostname);
}

// ---------------------------------------------------------------------------
// The splitter (Python's _urlsplit), on str; null marks an absent part

// Where the last splitAt() found each part of the URL it returns (absent parts at -1). Callers read them right
// after the call, before another split: the str forms slice the parts from the URL, the bytes forms cut views
// of the same runs from a copy of the input, so no part is made twice. One object's fields (not module
// variables, whose every use checks that the binding is initialised).
const split = {
  /** The scheme as the result holds it (lower-cased, or the default), or null when absent. */
  scheme: null as string | null,
  /** Where the URL's own "scheme:" ends (the index after its colon), or 0 when the scheme is not the URL's. */
  schemeEnd: 0,
  /** Whether the URL spells its scheme as the result holds it (no upper-case letter to lower). */
  schemeAsIs: true,
  /** The netloc is url[netloc:path], after "//"; -1 when absent. */
  netloc: -1,
  /** The path is url[path:pathEnd]. */
  path: 0,
  pathEnd: 0,
  /** The query is url[query:queryEnd], after "?"; -1 when absent. */
  query: -1,
  queryEnd: 0,
  /** The fragment is url[fragment:], after "#"; -1 when absent. */
  fragment: -1,
};

/**
 * Python's `_urlsplit` as positions: splits `url` and records where each part is (the fields of `split`
 * above); returns the URL it split (cleanUrl's result, `url` itself unless it had characters to remove).
 */
function splitAt(url: string, scheme: string | null, allowFragments: boolean): string {
  const u = cleanUrl(url);
  if (scheme !== null) scheme = cleanScheme(scheme);
  const n = u.length;
  let pos = 0;
  let asIs = true;
  const colon = u.indexOf(":");
  if (colon > 0) {
    const c0 = u.charCodeAt(0);
    let upper = c0 >= 0x41 && c0 <= 0x5a;
    if (upper || (c0 >= 0x61 && c0 <= 0x7a)) {
      let i = 1;
      while (i < colon) {
        const c = u.charCodeAt(i);
        if (c >= 128 || !SCHEME_CHAR[c]) break;
        if (c >= 0x41 && c <= 0x5a) upper = true;
        i++;
      }
      if (i === colon) {
        scheme = upper ? u.slice(0, colon).toLowerCase() : u.slice(0, colon);
        asIs = !upper;
        pos = colon + 1;
      }
    }
  }
  split.scheme = scheme;
  split.schemeEnd = pos;
  split.schemeAsIs = asIs;
  let nonAscii = false;
  let netloc = -1;
  if (u.charCodeAt(pos) === 0x2f && u.charCodeAt(pos + 1) === 0x2f) {
    let delim = pos + 2;
    let open = false, close = false;
    for (; delim < n; delim++) {
      const c = u.charCodeAt(delim);
      if (c === 0x2f || c === 0x3f || c === 0x23) break;
      if (c === 0x5b) open = true;
      else if (c === 0x5d) close = true;
      else if (c >= 0x80) nonAscii = true;
    }
    netloc = pos + 2;
    if (open !== close) throw new ValueError("Invalid IPv6 URL");
    if (open) checkBracketedNetloc(u.slice(netloc, delim));
    if (nonAscii) checkNetloc(u.slice(netloc, delim));
    pos = delim;
  }
  split.netloc = netloc;
  split.path = pos;
  let end = n;
  split.fragment = -1;
  if (allowFragments) {
    const h = u.indexOf("#", pos);
    if (h >= 0) {
      split.fragment = h + 1;
      end = h;
    }
  }
  const q = u.indexOf("?", pos);
  if (q >= 0 && q < end) {
    split.query = q + 1;
    split.queryEnd = end;
    split.pathEnd = q;
  } else {
    split.query = -1;
    split.pathEnd = end;
  }
  return u;
}

/** The netloc of the last splitAt() of `u`, or null. */
function splitNetlocOf(u: string): string | null {
  return split.netloc < 0 ? null : u.slice(split.netloc, split.path);
}

/** The query of the last splitAt() of `u`, or null. */
function splitQueryOf(u: string): string | null {
  return split.query < 0 ? null : u.slice(split.query, split.queryEnd);
}

/** The fragment of the last splitAt() of `u`, or null. */
function splitFragmentOf(u: string): string | null {
  return split.fragment < 0 ? null : u.slice(split.fragment);
}

/** The last splitAt() of `u` as a str result. */
function splitResultOf(u: string): SplitResult {
  return new SplitResult(
    split.scheme || "",
    splitNetlocOf(u) ?? "",
    u.slice(split.path, split.pathEnd),
    splitQueryOf(u) ?? "",
    splitFragmentOf(u) ?? "",
  );
}

function unsplitStr(
  scheme: string | null,
  netloc: string | null,
  url: string,
  query: string | null,
  fragment: string | null,
): string {
  if (netloc !== null) {
    if (url && url.charCodeAt(0) !== 0x2f) url = "/" + url;
    url = "//" + netloc + url;
  } else if (url.startsWith("//")) {
    url = "//" + url;
  }
  if (scheme) url = scheme + ":" + url;
  if (query !== null) url = url + "?" + query;
  if (fragment !== null) url = url + "#" + fragment;
  return url;
}

// ---------------------------------------------------------------------------
// Result types

function userinfoOf(netloc: string): [string | null, string | null] {
  const at = netloc.lastIndexOf("@");
  if (at < 0) return [null, null];
  const ui = netloc.slice(0, at);
  const c = ui.indexOf(":");
  return c < 0 ? [ui, null] : [ui.slice(0, c), ui.slice(c + 1)];
}

// Python's `_hostinfo` as bounds into the netloc, so that hostname and port slice only what they return.
// Set by hostinfo(), read right after by its two callers; kept for the last netloc seen. `stop` is the first
// character of the host that hostname cannot return as it is ("%": a zone follows; an upper-case letter,
// non-ASCII ones included), or -1.
const host = { start: 0, end: 0, portStart: 0, stop: -1, netloc: null as string | null };

// From the host's start, the first character of note: ":" or "[" (where _hostinfo cuts) or a stop character.
// One search (a character class: no backtracking) settles the usual netloc.
const HOST_SCAN_RE = /[:[%A-Z\u0080-\uffff]/g;
// The stop characters alone, searched for from a bracketed host's start.
const HOST_STOP_RE = /[%A-Z\u0080-\uffff]/g;

/** Python's `_hostinfo`: the host is netloc[host.start:host.end], the port netloc[host.portStart:] (if any). */
function hostinfo(netloc: string): void {
  if (netloc === host.netloc) return; // .hostname then .port: one parse
  host.netloc = netloc;
  const n = netloc.length;
  // lastIndexOf is a C++ builtin in V8 (~18 ns against indexOf's ~6): most netlocs have no "@", which
  // indexOf tells first.
  const h = netloc.indexOf("@") < 0 ? 0 : netloc.lastIndexOf("@") + 1;
  HOST_SCAN_RE.lastIndex = h;
  const p = HOST_SCAN_RE.test(netloc) ? HOST_SCAN_RE.lastIndex - 1 : n;
  const c = p < n ? netloc.charCodeAt(p) : 0;
  // hostinfo.partition('[') looks at the whole hostinfo, so a "[" after the first ":" still counts.
  const ob = c === 0x5b ? p : p < n ? netloc.indexOf("[", p + 1) : -1;
  if (ob >= 0) {
    // bracketed.partition(']'), then port.partition(':').
    const cb = netloc.indexOf("]", ob + 1);
    host.start = ob + 1;
    if (cb < 0) {
      host.end = host.portStart = n;
    } else {
      host.end = cb;
      const colon = netloc.indexOf(":", cb + 1);
      host.portStart = colon < 0 ? n : colon + 1;
    }
    HOST_STOP_RE.lastIndex = host.start;
    host.stop = HOST_STOP_RE.test(netloc) ? HOST_STOP_RE.lastIndex - 1 : -1;
    return;
  }
  // hostinfo.partition(':'): p is the ":" itself, or a stop character before it.
  const colon = c === 0x3a ? p : p < n ? netloc.indexOf(":", p + 1) : -1;
  host.start = h;
  host.end = colon < 0 ? n : colon;
  host.portStart = colon < 0 ? n : colon + 1;
  host.stop = p < n && c !== 0x3a ? p : -1;
}

function asciiLower(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c | 0x20) : s[i];
  }
  return out;
}

function hostnameOf(netloc: string, bytes: boolean): string | null {
  hostinfo(netloc);
  const start = host.start, end = host.end, p = host.stop;
  if (start === end) return null;
  if (p < 0 || p >= end) return start === 0 && end === netloc.length ? netloc : netloc.slice(start, end);
  // hostname.lower() + percent + zone: only the part before the first "%" is lower-cased.
  const pct = netloc.indexOf("%", p);
  const stop = pct < 0 || pct > end ? end : pct;
  const head = netloc.slice(start, stop);
  const lower = bytes ? asciiLower(head) : head.toLowerCase();
  return stop === end ? lower : lower + netloc.slice(stop, end);
}

function portOf(netloc: string, bytes: boolean): number | null {
  hostinfo(netloc);
  const start = host.portStart, end = netloc.length;
  if (start === end) return null;
  // port.isdigit() and port.isascii(), then int(port) in 0..65535 (the value saturates past that).
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = netloc.charCodeAt(i);
    if (c < 0x30 || c > 0x39) {
      const port = netloc.slice(start, end);
      const shown = bytes ? reprBytes(latin1Bytes(port)) : reprStr(port);
      throw new ValueError(`Port could not be cast to integer value as ${shown}`);
    }
    value = Math.min(value * 10 + (c - 0x30), 65536);
  }
  if (value > 65535) throw new ValueError("Port out of range 0-65535");
  return value;
}

function fieldStr(v: unknown): string {
  return typeof v === "string" ? v : v instanceof Uint8Array ? latin1Decode(v) : String(v);
}

/** Keyword arguments of the results' `encode()` and `decode()`. */
export interface CodecOptions {
  /** The codec (default `'ascii'`). */
  encoding?: string;
  /** The error handler (default `'strict'`). */
  errors?: string;
}

const ENCODE = new Signature<{ encoding: string; errors: string }>(
  "_ResultMixinStr.encode",
  ["self", "encoding", "errors"],
  { encoding: "ascii", errors: "strict" },
);
const DECODE = new Signature<{ encoding: string; errors: string }>(
  "_ResultMixinBytes.decode",
  ["self", "encoding", "errors"],
  { encoding: "ascii", errors: "strict" },
);

function encodeFields(t: NamedTuple, args: unknown[]): Bytes[] {
  const { encoding, errors } = ENCODE.bind(args);
  return [...t].map((x) => toBytes(encode(x as string, encoding, errors)));
}

function decodeFields(t: NamedTuple, args: unknown[]): string[] {
  const { encoding, errors } = DECODE.bind(args);
  return [...t].map((x) => decode(x as Uint8Array, encoding, errors));
}

function toBytes(u8: Uint8Array): Bytes {
  return u8 instanceof Bytes ? u8 : new Bytes(u8.buffer as ArrayBuffer, u8.byteOffset, u8.byteLength);
}

/** A result class's fields bound by its `__new__` table, in order. */
function fieldsOf(table: Signature<object>, args: ArrayLike<unknown>): unknown[] {
  const bound = table.bind(args) as Record<string, unknown>;
  return table.names.map((name) => bound[name]);
}

// The named tuples' `__new__(_cls, ...)`, with `self` standing for `_cls`.
const DEFRAG_NEW = new Signature<object>("_DefragResultBase.__new__", ["self", "url", "fragment"]);
const SPLIT_NEW = new Signature<object>("_SplitResultBase.__new__", [
  "self",
  "scheme",
  "netloc",
  "path",
  "query",
  "fragment",
]);
const PARSE_NEW = new Signature<object>("_ParseResultBase.__new__", [
  "self",
  "scheme",
  "netloc",
  "path",
  "params",
  "query",
  "fragment",
]);

/**
 * `urldefrag()`'s result for str input: `DefragResult(url, fragment)`.
 *
 * @example
 * ```ts
 * import { DefragResult, urldefrag } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * const r = urldefrag("http://x/a#top");
 * assert.ok(r instanceof DefragResult);
 * assert.equal(String(r), "DefragResult(url='http://x/a', fragment='top')");
 * assert.equal(r.geturl(), "http://x/a#top");
 * ```
 */
export class DefragResult extends NamedTuple {
  /** The URL without its fragment. */
  declare readonly url: string;
  /** The fragment (without `#`), or `''`. */
  declare readonly fragment: string;
  /**
   * Build the tuple from its fields, in order.
   *
   * @param url the URL without fragment
   * @param fragment the fragment
   */
  constructor(url: string, fragment: string);
  /** Every field by keyword. */
  constructor(kwargs: { url: string; fragment: string });
  /** The first field by position, the others by keyword. */
  constructor(url: string, kwargs: { fragment?: string });
  constructor(url: unknown, fragment?: unknown) {
    if (arguments.length !== 2 || fragment === undefined || isKeywords(fragment)) {
      [url, fragment] = fieldsOf(DEFRAG_NEW, arguments);
    }
    super();
    this.url = url as string;
    this.fragment = fragment as string;
  }

  /**
   * The URL with its fragment put back.
   *
   * @returns `url + '#' + fragment`, or `url` when the fragment is empty
   */
  geturl(): string {
    return this.fragment ? this.url + "#" + this.fragment : this.url;
  }
  /**
   * Python's `encode(encoding='ascii', errors='strict')`.
   *
   * @param encoding the codec (default `'ascii'`); or, here or after it, the keywords `{ encoding, errors }`
   * @param errors the error handler (default `'strict'`)
   * @returns the same result as bytes
   */
  encode(encoding?: string, errors?: string): DefragResultBytes;
  /** Both parameters by keyword. */
  encode(kwargs: CodecOptions): DefragResultBytes;
  /** The encoding, then `errors` by keyword. */
  encode(encoding: string | undefined, kwargs: Pick<CodecOptions, "errors">): DefragResultBytes;
  encode(...args: unknown[]): DefragResultBytes {
    const [a, b] = encodeFields(this, args);
    return new DefragResultBytes(a, b);
  }
}
namedTuple(DefragResult as unknown as typeof NamedTuple, ["url", "fragment"]);

/**
 * `urldefrag()`'s result for bytes input.
 *
 * @example
 * ```ts
 * import { b } from "@pyweb/std";
 * import { urldefrag } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(String(urldefrag(b`/a#x`)), "DefragResultBytes(url=b'/a', fragment=b'x')");
 * ```
 */
export class DefragResultBytes extends NamedTuple {
  /** The URL without its fragment. */
  declare readonly url: Bytes;
  /** The fragment, or empty bytes. */
  declare readonly fragment: Bytes;
  /**
   * Build the tuple from its fields, in order.
   *
   * @param url the URL without fragment
   * @param fragment the fragment
   */
  constructor(url: Bytes, fragment: Bytes);
  /** Every field by keyword. */
  constructor(kwargs: { url: Bytes; fragment: Bytes });
  /** The first field by position, the others by keyword. */
  constructor(url: Bytes, kwargs: { fragment?: Bytes });
  constructor(url: unknown, fragment?: unknown) {
    if (
      arguments.length !== 2 || fragment === undefined ||
      (!(fragment instanceof Uint8Array) && isKeywords(fragment))
    ) {
      [url, fragment] = fieldsOf(DEFRAG_NEW, arguments);
    }
    super();
    this.url = url as Bytes;
    this.fragment = fragment as Bytes;
  }

  /**
   * The URL with its fragment put back.
   *
   * @returns the bytes URL
   */
  geturl(): Bytes {
    if (!this.fragment.length) return this.url;
    return latin1Bytes(fieldStr(this.url) + "#" + fieldStr(this.fragment));
  }
  /**
   * Python's `decode(encoding='ascii', errors='strict')`.
   *
   * @param encoding the codec (default `'ascii'`); or, here or after it, the keywords `{ encoding, errors }`
   * @param errors the error handler (default `'strict'`)
   * @returns the same result as str
   */
  decode(encoding?: string, errors?: string): DefragResult;
  /** Both parameters by keyword. */
  decode(kwargs: CodecOptions): DefragResult;
  /** The encoding, then `errors` by keyword. */
  decode(encoding: string | undefined, kwargs: Pick<CodecOptions, "errors">): DefragResult;
  decode(...args: unknown[]): DefragResult {
    const [a, b] = decodeFields(this, args);
    return new DefragResult(a, b);
  }
}
namedTuple(DefragResultBytes as unknown as typeof NamedTuple, ["url", "fragment"]);

/**
 * `urlsplit()`'s result for str input: a 5-tuple with `hostname`, `port`,
 * `username` and `password` properties.
 *
 * @example
 * ```ts
 * import { urlsplit } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * const r = urlsplit("https://User:pw@Example.COM:8080/p?q#f");
 * assert.equal(r.hostname, "example.com");
 * assert.equal(r.port, 8080);
 * assert.equal(r.username, "User");
 * const [scheme, netloc] = r;
 * assert.equal(scheme + " " + netloc, "https User:pw@Example.COM:8080");
 * ```
 */
export class SplitResult extends NamedTuple {
  /** The scheme, lower-cased. */
  declare readonly scheme: string;
  /** The network location (`user:pass@host:port`). */
  declare readonly netloc: string;
  /** The path. */
  declare readonly path: string;
  /** The query, without `?`. */
  declare readonly query: string;
  /** The fragment, without `#`. */
  declare readonly fragment: string;
  /**
   * Build the tuple from its fields, in order.
   *
   * @param scheme the scheme
   * @param netloc the network location
   * @param path the path
   * @param query the query
   * @param fragment the fragment
   */
  constructor(scheme: string, netloc: string, path: string, query: string, fragment: string);
  /** Every field by keyword. */
  constructor(kwargs: { scheme: string; netloc: string; path: string; query: string; fragment: string });
  /** The first field by position, the others by keyword. */
  constructor(scheme: string, kwargs: { netloc?: string; path?: string; query?: string; fragment?: string });
  constructor(scheme: unknown, netloc?: unknown, path?: unknown, query?: unknown, fragment?: unknown) {
    if (arguments.length !== 5 || fragment === undefined || isKeywords(fragment)) {
      [scheme, netloc, path, query, fragment] = fieldsOf(SPLIT_NEW, arguments);
    }
    super();
    this.scheme = scheme as string;
    this.netloc = netloc as string;
    this.path = path as string;
    this.query = query as string;
    this.fragment = fragment as string;
  }

  /** The user name of the netloc, or `null`. */
  get username(): string | null {
    return userinfoOf(this.netloc)[0];
  }
  /** The password of the netloc, or `null`. */
  get password(): string | null {
    return userinfoOf(this.netloc)[1];
  }
  /** The host, lower-cased and without IPv6 brackets, or `null`. */
  get hostname(): string | null {
    return hostnameOf(this.netloc, false);
  }
  /**
   * The port as a number, or `null`.
   *
   * @throws ValueError when the port is not a number or not in 0–65535
   */
  get port(): number | null {
    return portOf(this.netloc, false);
  }
  /**
   * The URL put back together (`urlunsplit(this)`).
   *
   * @returns the URL
   */
  geturl(): string {
    return urlunsplitImpl(this) as string;
  }
  /**
   * Python's `encode(encoding='ascii', errors='strict')`.
   *
   * @param encoding the codec (default `'ascii'`); or, here or after it, the keywords `{ encoding, errors }`
   * @param errors the error handler (default `'strict'`)
   * @returns the same result as bytes
   */
  encode(encoding?: string, errors?: string): SplitResultBytes;
  /** Both parameters by keyword. */
  encode(kwargs: CodecOptions): SplitResultBytes;
  /** The encoding, then `errors` by keyword. */
  encode(encoding: string | undefined, kwargs: Pick<CodecOptions, "errors">): SplitResultBytes;
  encode(...args: unknown[]): SplitResultBytes {
    const [a, b, c, d, e] = encodeFields(this, args);
    return new SplitResultBytes(a, b, c, d, e);
  }
}
namedTuple(SplitResult as unknown as typeof NamedTuple, ["scheme", "netloc", "path", "query", "fragment"]);

/**
 * `urlsplit()`'s result for bytes input.
 *
 * @example
 * ```ts
 * import { b } from "@pyweb/std";
 * import { urlsplit } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * const r = urlsplit(b`http://h:81/p`);
 * assert.equal(r.port, 81);
 * assert.equal(r.hostname?.decode(), "h");
 * ```
 */
export class SplitResultBytes extends NamedTuple {
  /** The scheme, lower-cased. */
  declare readonly scheme: Bytes;
  /** The network location. */
  declare readonly netloc: Bytes;
  /** The path. */
  declare readonly path: Bytes;
  /** The query. */
  declare readonly query: Bytes;
  /** The fragment. */
  declare readonly fragment: Bytes;
  /**
   * Build the tuple from its fields, in order.
   *
   * @param scheme the scheme
   * @param netloc the network location
   * @param path the path
   * @param query the query
   * @param fragment the fragment
   */
  constructor(scheme: Bytes, netloc: Bytes, path: Bytes, query: Bytes, fragment: Bytes);
  /** Every field by keyword. */
  constructor(kwargs: { scheme: Bytes; netloc: Bytes; path: Bytes; query: Bytes; fragment: Bytes });
  /** The first field by position, the others by keyword. */
  constructor(scheme: Bytes, kwargs: { netloc?: Bytes; path?: Bytes; query?: Bytes; fragment?: Bytes });
  constructor(scheme: unknown, netloc?: unknown, path?: unknown, query?: unknown, fragment?: unknown) {
    if (
      arguments.length !== 5 || fragment === undefined ||
      (!(fragment instanceof Uint8Array) && isKeywords(fragment))
    ) {
      [scheme, netloc, path, query, fragment] = fieldsOf(SPLIT_NEW, arguments);
    }
    super();
    this.scheme = scheme as Bytes;
    this.netloc = netloc as Bytes;
    this.path = path as Bytes;
    this.query = query as Bytes;
    this.fragment = fragment as Bytes;
  }

  /** The user name of the netloc, or `null`. */
  get username(): Bytes | null {
    const u = userinfoOf(fieldStr(this.netloc))[0];
    return u === null ? null : latin1Bytes(u);
  }
  /** The password of the netloc, or `null`. */
  get password(): Bytes | null {
    const p = userinfoOf(fieldStr(this.netloc))[1];
    return p === null ? null : latin1Bytes(p);
  }
  /** The host, ASCII lower-cased and without IPv6 brackets, or `null`. */
  get hostname(): Bytes | null {
    const h = hostnameOf(fieldStr(this.netloc), true);
    return h === null ? null : latin1Bytes(h);
  }
  /**
   * The port as a number, or `null`.
   *
   * @throws ValueError when the port is not a number or not in 0–65535
   */
  get port(): number | null {
    return portOf(fieldStr(this.netloc), true);
  }
  /**
   * The URL put back together.
   *
   * @returns the URL
   */
  geturl(): Bytes {
    return urlunsplitImpl(this) as Bytes;
  }
  /**
   * Python's `decode(encoding='ascii', errors='strict')`.
   *
   * @param encoding the codec (default `'ascii'`); or, here or after it, the keywords `{ encoding, errors }`
   * @param errors the error handler (default `'strict'`)
   * @returns the same result as str
   */
  decode(encoding?: string, errors?: string): SplitResult;
  /** Both parameters by keyword. */
  decode(kwargs: CodecOptions): SplitResult;
  /** The encoding, then `errors` by keyword. */
  decode(encoding: string | undefined, kwargs: Pick<CodecOptions, "errors">): SplitResult;
  decode(...args: unknown[]): SplitResult {
    const [a, b, c, d, e] = decodeFields(this, args);
    return new SplitResult(a, b, c, d, e);
  }
}
namedTuple(SplitResultBytes as unknown as typeof NamedTuple, [
  "scheme",
  "netloc",
  "path",
  "query",
  "fragment",
]);

/**
 * `urlparse()`'s result for str input: a 6-tuple (with `params`) with
 * `hostname`, `port`, `username` and `password` properties.
 *
 * @example
 * ```ts
 * import { urlparse } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * const r = urlparse("http://www.python.org:80/guido/python.html;philosophy?overall=3#n10");
 * assert.equal(
 *   String(r),
 *   "ParseResult(scheme='http', netloc='www.python.org:80', path='/guido/python.html', " +
 *     "params='philosophy', query='overall=3', fragment='n10')",
 * );
 * assert.equal(r._replace({ fragment: "" }).geturl(), "http://www.python.org:80/guido/python.html;philosophy?overall=3");
 * ```
 */
export class ParseResult extends NamedTuple {
  /** The scheme, lower-cased. */
  declare readonly scheme: string;
  /** The network location. */
  declare readonly netloc: string;
  /** The path, without params. */
  declare readonly path: string;
  /** The `;params` of the last path segment, without `;`. */
  declare readonly params: string;
  /** The query. */
  declare readonly query: string;
  /** The fragment. */
  declare readonly fragment: string;
  /**
   * Build the tuple from its fields, in order.
   *
   * @param scheme the scheme
   * @param netloc the network location
   * @param path the path
   * @param params the params
   * @param query the query
   * @param fragment the fragment
   */
  constructor(scheme: string, netloc: string, path: string, params: string, query: string, fragment: string);
  /** Every field by keyword. */
  constructor(
    kwargs: { scheme: string; netloc: string; path: string; params: string; query: string; fragment: string },
  );
  /** The first field by position, the others by keyword. */
  constructor(
    scheme: string,
    kwargs: { netloc?: string; path?: string; params?: string; query?: string; fragment?: string },
  );
  constructor(
    scheme: unknown,
    netloc?: unknown,
    path?: unknown,
    params?: unknown,
    query?: unknown,
    fragment?: unknown,
  ) {
    if (arguments.length !== 6 || fragment === undefined || isKeywords(fragment)) {
      [scheme, netloc, path, params, query, fragment] = fieldsOf(PARSE_NEW, arguments);
    }
    super();
    this.scheme = scheme as string;
    this.netloc = netloc as string;
    this.path = path as string;
    this.params = params as string;
    this.query = query as string;
    this.fragment = fragment as string;
  }

  /** The user name of the netloc, or `null`. */
  get username(): string | null {
    return userinfoOf(this.netloc)[0];
  }
  /** The password of the netloc, or `null`. */
  get password(): string | null {
    return userinfoOf(this.netloc)[1];
  }
  /** The host, lower-cased and without IPv6 brackets, or `null`. */
  get hostname(): string | null {
    return hostnameOf(this.netloc, false);
  }
  /**
   * The port as a number, or `null`.
   *
   * @throws ValueError when the port is not a number or not in 0–65535
   */
  get port(): number | null {
    return portOf(this.netloc, false);
  }
  /**
   * The URL put back together (`urlunparse(this)`).
   *
   * @returns the URL
   */
  geturl(): string {
    return urlunparseImpl(this) as string;
  }
  /**
   * Python's `encode(encoding='ascii', errors='strict')`.
   *
   * @param encoding the codec (default `'ascii'`); or, here or after it, the keywords `{ encoding, errors }`
   * @param errors the error handler (default `'strict'`)
   * @returns the same result as bytes
   */
  encode(encoding?: string, errors?: string): ParseResultBytes;
  /** Both parameters by keyword. */
  encode(kwargs: CodecOptions): ParseResultBytes;
  /** The encoding, then `errors` by keyword. */
  encode(encoding: string | undefined, kwargs: Pick<CodecOptions, "errors">): ParseResultBytes;
  encode(...args: unknown[]): ParseResultBytes {
    const [a, b, c, d, e, f] = encodeFields(this, args);
    return new ParseResultBytes(a, b, c, d, e, f);
  }
}
namedTuple(ParseResult as unknown as typeof NamedTuple, [
  "scheme",
  "netloc",
  "path",
  "params",
  "query",
  "fragment",
]);

/**
 * `urlparse()`'s result for bytes input.
 *
 * @example
 * ```ts
 * import { b } from "@pyweb/std";
 * import { urlparse } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * const r = urlparse(b`http://h/p;x`);
 * assert.equal(r.params.decode(), "x");
 * assert.equal(r.decode().geturl(), "http://h/p;x");
 * ```
 */
export class ParseResultBytes extends NamedTuple {
  /** The scheme. */
  declare readonly scheme: Bytes;
  /** The network location. */
  declare readonly netloc: Bytes;
  /** The path. */
  declare readonly path: Bytes;
  /** The params. */
  declare readonly params: Bytes;
  /** The query. */
  declare readonly query: Bytes;
  /** The fragment. */
  declare readonly fragment: Bytes;
  /**
   * Build the tuple from its fields, in order.
   *
   * @param scheme the scheme
   * @param netloc the network location
   * @param path the path
   * @param params the params
   * @param query the query
   * @param fragment the fragment
   */
  constructor(scheme: Bytes, netloc: Bytes, path: Bytes, params: Bytes, query: Bytes, fragment: Bytes);
  /** Every field by keyword. */
  constructor(
    kwargs: { scheme: Bytes; netloc: Bytes; path: Bytes; params: Bytes; query: Bytes; fragment: Bytes },
  );
  /** The first field by position, the others by keyword. */
  constructor(
    scheme: Bytes,
    kwargs: { netloc?: Bytes; path?: Bytes; params?: Bytes; query?: Bytes; fragment?: Bytes },
  );
  constructor(
    scheme: unknown,
    netloc?: unknown,
    path?: unknown,
    params?: unknown,
    query?: unknown,
    fragment?: unknown,
  ) {
    if (
      arguments.length !== 6 || fragment === undefined ||
      (!(fragment instanceof Uint8Array) && isKeywords(fragment))
    ) {
      [scheme, netloc, path, params, query, fragment] = fieldsOf(PARSE_NEW, arguments);
    }
    super();
    this.scheme = scheme as Bytes;
    this.netloc = netloc as Bytes;
    this.path = path as Bytes;
    this.params = params as Bytes;
    this.query = query as Bytes;
    this.fragment = fragment as Bytes;
  }

  /** The user name of the netloc, or `null`. */
  get username(): Bytes | null {
    const u = userinfoOf(fieldStr(this.netloc))[0];
    return u === null ? null : latin1Bytes(u);
  }
  /** The password of the netloc, or `null`. */
  get password(): Bytes | null {
    const p = userinfoOf(fieldStr(this.netloc))[1];
    return p === null ? null : latin1Bytes(p);
  }
  /** The host, ASCII lower-cased and without IPv6 brackets, or `null`. */
  get hostname(): Bytes | null {
    const h = hostnameOf(fieldStr(this.netloc), true);
    return h === null ? null : latin1Bytes(h);
  }
  /**
   * The port as a number, or `null`.
   *
   * @throws ValueError when the port is not a number or not in 0–65535
   */
  get port(): number | null {
    return portOf(fieldStr(this.netloc), true);
  }
  /**
   * The URL put back together.
   *
   * @returns the URL
   */
  geturl(): Bytes {
    return urlunparseImpl(this) as Bytes;
  }
  /**
   * Python's `decode(encoding='ascii', errors='strict')`.
   *
   * @param encoding the codec (default `'ascii'`); or, here or after it, the keywords `{ encoding, errors }`
   * @param errors the error handler (default `'strict'`)
   * @returns the same result as str
   */
  decode(encoding?: string, errors?: string): ParseResult;
  /** Both parameters by keyword. */
  decode(kwargs: CodecOptions): ParseResult;
  /** The encoding, then `errors` by keyword. */
  decode(encoding: string | undefined, kwargs: Pick<CodecOptions, "errors">): ParseResult;
  decode(...args: unknown[]): ParseResult {
    const [a, b, c, d, e, f] = decodeFields(this, args);
    return new ParseResult(a, b, c, d, e, f);
  }
}
namedTuple(ParseResultBytes as unknown as typeof NamedTuple, [
  "scheme",
  "netloc",
  "path",
  "params",
  "query",
  "fragment",
]);

// Python's _fix_result_transcoding(): each str result class names its bytes counterpart, and back.
for (
  const [decoded, encoded] of [
    [DefragResult, DefragResultBytes],
    [SplitResult, SplitResultBytes],
    [ParseResult, ParseResultBytes],
  ] as const
) {
  Object.defineProperty(decoded, "_encoded_counterpart", {
    value: encoded,
    writable: true,
    configurable: true,
  });
  Object.defineProperty(encoded, "_decoded_counterpart", {
    value: decoded,
    writable: true,
    configurable: true,
  });
}

// ---------------------------------------------------------------------------
// urlsplit / urlparse / urlunsplit / urlunparse / urljoin / urldefrag

/** Keyword arguments of {@link urlsplit} and {@link urlparse} after the URL. */
export interface UrlsplitOptions {
  /** Default scheme when the URL has none (default `''`). */
  scheme?: string | Uint8Array | null;
  /** Split off the `#fragment` (default `true`; any value, by Python truth). */
  allow_fragments?: unknown;
}

/** Every parameter of {@link urlsplit} and {@link urlparse} by keyword. */
export interface UrlsplitKeywords<U extends string | Uint8Array = string | Uint8Array>
  extends UrlsplitOptions {
  /** The URL. */
  url: U;
}

type SplitParams = { url: unknown; scheme: unknown; allow_fragments: unknown };

const URLSPLIT = new Signature<SplitParams>("urlsplit", ["url", "scheme", "allow_fragments"], {
  scheme: "",
  allow_fragments: true,
});
const URLPARSE = new Signature<SplitParams>("urlparse", ["url", "scheme", "allow_fragments"], {
  scheme: "",
  allow_fragments: true,
});

/** Python's `_coerce_args(url, scheme)` and the split; the result is bytes unless `url` is a str. */
function splitArgs(url: unknown, scheme: unknown, allow: unknown): string {
  if (typeof url === "string" && typeof scheme === "string") return splitAt(url, scheme, truthy(allow));
  const args = [url, scheme];
  const bytes = coerce(args);
  if (!bytes && scheme !== null && scheme !== undefined && typeof scheme !== "string") {
    if (scheme instanceof Uint8Array) throw new TypeError("a bytes-like object is required, not 'str'");
    throw new AttributeError(`'${typeName(scheme)}' object has no attribute 'strip'`);
  }
  return splitAt(args[0] as string, optStr(args[1]), truthy(allow));
}

/** Would CPython's `lru_cache` refuse `a` as a key? */
function unhashable(a: unknown): boolean {
  if (a === null || typeof a !== "object" || ArrayBuffer.isView(a)) return false; // str, bytes, bool, None
  return (Array.isArray(a) && !(a instanceof Tuple)) || a instanceof Map || a instanceof Set || isDict(a);
}

function urlsplitImpl(url: unknown, scheme: unknown, allow: unknown): SplitResult | SplitResultBytes {
  if (typeof url === "string" && typeof scheme === "string" && (allow === true || allow === false)) {
    return splitResultOf(splitAt(url, scheme, allow));
  }
  // CPython's urlsplit is lru_cached: its arguments must be hashable.
  if (unhashable(url) || unhashable(scheme) || unhashable(allow)) {
    const bad = unhashable(url) ? url : unhashable(scheme) ? scheme : allow;
    throw new TypeError(`unhashable type: '${typeName(bad)}'`);
  }
  return resultOf(url, scheme, allow, false) as SplitResult | SplitResultBytes;
}

/**
 * urlsplit() (or with `parse`, urlparse()) past their fast paths: `_coerce_args`, the split, and the result
 * as str or bytes parts.
 */
function resultOf(
  url: unknown,
  scheme: unknown,
  allow: unknown,
  parse: boolean,
): SplitResult | SplitResultBytes | ParseResult | ParseResultBytes {
  // Bytes with the default scheme: '' is falsy, so _coerce_args neither checks nor decodes it.
  if (scheme === "" && url instanceof Uint8Array) return splitBytesUrl(url, truthy(allow), parse);
  const u = splitArgs(url, scheme, allow);
  if (typeof url === "string") return parse ? parseResultOf(u) : splitResultOf(u);
  return bytesResult(copyOf(url, u), u, parse);
}

/** A copy of the bytes URL `url` to cut the parts from, when `u` (its split text) matches it unit for unit. */
function copyOf(url: unknown, u: string): BytesCopy | null {
  return url instanceof Uint8Array && u.length === url.length ? copyBytes(url) : null;
}

/**
 * urlsplit() or urlparse() of bytes with the default scheme: Python's `url.decode('ascii')`, the split, and
 * the parts as views of one copy of the bytes; the copy is made first, and checked for ASCII as it is.
 */
function splitBytesUrl(url: Uint8Array, allow: boolean, parse: boolean): SplitResultBytes | ParseResultBytes {
  // _coerce_args decodes `url if url else ''`.
  if (!truthy(url)) return bytesResult(null, splitAt("", "", allow), parse);
  const copy = copyAsciiBytes(url);
  const u = splitAt(copy === null ? decode(url, "ascii", "strict") : asciiDecoder.decode(url), "", allow);
  return bytesResult(u.length === url.length ? copy : null, u, parse);
}

/**
 * The bytes result of the last splitAt() of `u`, the decode of the bytes URL argument: a
 * {@link ParseResultBytes} with `parse`, else a {@link SplitResultBytes}. `copy` is a copy of those bytes when
 * `u` matches them unit for unit (ASCII, and cleanUrl removed nothing): each part is then a view of a run of
 * it, at the positions the split found. A default or lower-cased scheme, and every part of a cleaned URL, is
 * copied from its text.
 */
function bytesResult(copy: BytesCopy | null, u: string, parse: boolean): SplitResultBytes | ParseResultBytes {
  const semi = parse ? paramsAt(u) : -1;
  let scheme: Bytes, netloc: Bytes, path: Bytes, params: Bytes | null = null, query: Bytes, fragment: Bytes;
  if (copy !== null) {
    const n = u.length;
    scheme = split.schemeEnd > 0 && split.schemeAsIs
      ? copy.view(0, split.schemeEnd - 1)
      : latin1Bytes(split.scheme || "", true);
    netloc = split.netloc < 0 ? EMPTY_BYTES : copy.view(split.netloc, split.path);
    path = copy.view(split.path, semi < 0 ? split.pathEnd : semi);
    if (parse) params = semi < 0 ? EMPTY_BYTES : copy.view(semi + 1, split.pathEnd);
    query = split.query < 0 ? EMPTY_BYTES : copy.view(split.query, split.queryEnd);
    fragment = split.fragment < 0 ? EMPTY_BYTES : copy.view(split.fragment, n);
  } else {
    scheme = latin1Bytes(split.scheme || "", true);
    netloc = latin1Bytes(splitNetlocOf(u) || "", true);
    path = latin1Bytes(u.slice(split.path, semi < 0 ? split.pathEnd : semi), true);
    if (parse) params = latin1Bytes(semi < 0 ? "" : u.slice(semi + 1, split.pathEnd), true);
    query = latin1Bytes(splitQueryOf(u) || "", true);
    fragment = latin1Bytes(splitFragmentOf(u) || "", true);
  }
  return params === null
    ? new SplitResultBytes(scheme, netloc, path, query, fragment)
    : new ParseResultBytes(scheme, netloc, path, params, query, fragment);
}

/**
 * Python's `urlsplit(url, scheme='', allow_fragments=True)`: split a URL
 * into `scheme://netloc/path?query#fragment`.
 *
 * Leading C0 controls and spaces are stripped, tabs and newlines removed,
 * bracketed hosts must be valid IPv6 or IPvFuture, and a netloc that NFKC
 * normalises into URL delimiters is refused — as CPython does.
 *
 * @param url the URL (str or bytes)
 * @param scheme the default scheme (default `''`); or, here or later, the keywords `{ scheme, allow_fragments }`
 * @param allow_fragments split off the fragment (default `true`)
 * @returns a {@link SplitResult} (or {@link SplitResultBytes} for bytes)
 * @throws ValueError for invalid bracketed hosts or NFKC hazards
 *
 * @example
 * ```ts
 * import { urlsplit } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.deepEqual([...urlsplit("http://[::1]:80/a?b#c")], ["http", "[::1]:80", "/a", "b", "c"]);
 * assert.equal(urlsplit("x/y#z", { allow_fragments: false }).path, "x/y#z");
 * assert.equal(urlsplit({ url: "//h/p", scheme: "https" }).scheme, "https");
 * assert.throws(() => urlsplit("http://[::1].evil/"), /Invalid IPv6 URL/);
 * ```
 */
export function urlsplit(url: string, scheme?: string | null, allow_fragments?: unknown): SplitResult;
/** The URL, then the other parameters by keyword. */
export function urlsplit(url: string, kwargs: UrlsplitOptions): SplitResult;
/** The URL and scheme, then `allow_fragments` by keyword. */
export function urlsplit(
  url: string,
  scheme: string | null | undefined,
  kwargs: Pick<UrlsplitOptions, "allow_fragments">,
): SplitResult;
/** Every parameter by keyword. */
export function urlsplit(kwargs: UrlsplitKeywords<string>): SplitResult;
/** The bytes form: bytes in, {@link Bytes} out. */
export function urlsplit(
  url: Uint8Array,
  scheme?: Uint8Array | string | null,
  allow_fragments?: unknown,
): SplitResultBytes;
/** The bytes URL, then the other parameters by keyword. */
export function urlsplit(url: Uint8Array, kwargs: UrlsplitOptions): SplitResultBytes;
/** Every parameter by keyword, the URL bytes. */
export function urlsplit(kwargs: UrlsplitKeywords<Uint8Array>): SplitResultBytes;
/** Either form, for arguments whose types are only known at run time. */
export function urlsplit(...args: unknown[]): SplitResult | SplitResultBytes;
export function urlsplit(...args: unknown[]): SplitResult | SplitResultBytes {
  const u = args[0];
  if (args.length === 1) {
    if (typeof u === "string") return splitResultOf(splitAt(u, "", true));
    if (u instanceof Uint8Array) return splitBytesUrl(u, true, false) as SplitResultBytes;
  }
  const a = URLSPLIT.values(args);
  return urlsplitImpl(a[0], a[1], a[2]);
}

/**
 * Where the last splitAt() of `u` puts urlparse's ";params" (Python's `_splitparams`: the first ";" of the
 * path's last segment, for the schemes in {@link uses_params}), or -1.
 */
function paramsAt(u: string): number {
  const end = split.pathEnd;
  let semi = u.indexOf(";", split.path);
  if (semi < 0 || semi >= end || !uses_params.includes(split.scheme || "")) return -1;
  const slash = u.lastIndexOf("/", end - 1);
  if (slash > semi) semi = u.indexOf(";", slash);
  return semi < end ? semi : -1;
}

/** The last splitAt() of `u` as a str {@link ParseResult}. */
function parseResultOf(u: string): ParseResult {
  const semi = paramsAt(u);
  return new ParseResult(
    split.scheme || "",
    splitNetlocOf(u) ?? "",
    u.slice(split.path, semi < 0 ? split.pathEnd : semi),
    semi < 0 ? "" : u.slice(semi + 1, split.pathEnd),
    splitQueryOf(u) ?? "",
    splitFragmentOf(u) ?? "",
  );
}

function urlparseImpl(url: unknown, scheme: unknown, allow: unknown): ParseResult | ParseResultBytes {
  return resultOf(url, scheme, allow, true) as ParseResult | ParseResultBytes;
}

/**
 * Python's `urlparse(url, scheme='', allow_fragments=True)`: like
 * {@link urlsplit}, and also splits `;params` off the last path segment for
 * schemes in {@link uses_params}.
 *
 * @param url the URL (str or bytes)
 * @param scheme the default scheme (default `''`); or, here or later, the keywords `{ scheme, allow_fragments }`
 * @param allow_fragments split off the fragment (default `true`)
 * @returns a {@link ParseResult} (or {@link ParseResultBytes} for bytes)
 * @throws ValueError for invalid bracketed hosts or NFKC hazards
 *
 * @example
 * ```ts
 * import { urlparse } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * const r = urlparse("http://www.python.org:80/guido/python.html;philosophy?overall=3#n10");
 * assert.equal(r.params, "philosophy");
 * assert.equal(r.port, 80);
 * assert.equal(urlparse("//h/p", "https").scheme, "https");
 * assert.equal(urlparse("//h/p#f", { allow_fragments: false }).path, "/p#f");
 * ```
 */
export function urlparse(url: string, scheme?: string | null, allow_fragments?: unknown): ParseResult;
/** The URL, then the other parameters by keyword. */
export function urlparse(url: string, kwargs: UrlsplitOptions): ParseResult;
/** The URL and scheme, then `allow_fragments` by keyword. */
export function urlparse(
  url: string,
  scheme: string | null | undefined,
  kwargs: Pick<UrlsplitOptions, "allow_fragments">,
): ParseResult;
/** Every parameter by keyword. */
export function urlparse(kwargs: UrlsplitKeywords<string>): ParseResult;
/** The bytes form: bytes in, {@link Bytes} out. */
export function urlparse(
  url: Uint8Array,
  scheme?: Uint8Array | string | null,
  allow_fragments?: unknown,
): ParseResultBytes;
/** The bytes URL, then the other parameters by keyword. */
export function urlparse(url: Uint8Array, kwargs: UrlsplitOptions): ParseResultBytes;
/** Every parameter by keyword, the URL bytes. */
export function urlparse(kwargs: UrlsplitKeywords<Uint8Array>): ParseResultBytes;
/** Either form, for arguments whose types are only known at run time. */
export function urlparse(...args: unknown[]): ParseResult | ParseResultBytes;
export function urlparse(...args: unknown[]): ParseResult | ParseResultBytes {
  const u = args[0];
  if (args.length === 1) {
    if (typeof u === "string") return parseResultOf(splitAt(u, "", true));
    if (u instanceof Uint8Array) return splitBytesUrl(u, true, true) as ParseResultBytes;
  }
  const a = URLPARSE.values(args);
  return urlparseImpl(a[0], a[1], a[2]);
}

function componentsOf(components: unknown, n: number): [string[], boolean] {
  // The common case, a list or tuple of n str: nothing to coerce.
  if (Array.isArray(components) && components.length === n && allStr(components, n)) {
    return [components, false];
  }
  let items: unknown[];
  if (Array.isArray(components) || components instanceof NamedTuple) items = [...components];
  else if (typeof components === "string") items = [...components];
  else if (components instanceof Uint8Array) items = [...components];
  else if (
    components !== null && typeof components === "object" &&
    (Symbol.iterator in components || typeof (components as { __iter__?: unknown }).__iter__ === "function")
  ) {
    items = [...iter(components)];
  } else {
    throw new TypeError(
      `urllib.parse._coerce_args() argument after * must be an iterable, not ${typeName(components)}`,
    );
  }
  const bytes = items.length ? coerce(items) : false;
  if (items.length < n) {
    throw new ValueError(`not enough values to unpack (expected ${n + 1}, got ${items.length + 1})`);
  }
  if (items.length > n) throw new ValueError(`too many values to unpack (expected ${n + 1})`);
  const out = items.map((x) => (typeof x === "string" ? x : ""));
  return [out, bytes];
}

function allStr(items: readonly unknown[], n: number): items is string[] {
  for (let i = 0; i < n; i++) if (typeof items[i] !== "string") return false;
  return true;
}

function unsplitParts(
  scheme: string,
  netloc: string,
  url: string,
  query: string,
  fragment: string,
  params = "",
): string {
  let nl: string | null = netloc;
  if (!netloc) {
    nl = scheme && uses_netloc.includes(scheme) && (!url || url.charCodeAt(0) === 0x2f) ? "" : null;
  }
  if (params) url = url + ";" + params;
  return unsplitStr(scheme || null, nl, url, query || null, fragment || null);
}

/**
 * Python's `urlunsplit(components)`: put a 5-item split back together.
 *
 * @param components `[scheme, netloc, path, query, fragment]` (str or bytes), or a {@link SplitResult}
 * @returns the URL
 *
 * @example
 * ```ts
 * import { urlunsplit } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(urlunsplit(["http", "h", "a", "q", ""]), "http://h/a?q");
 * ```
 */
export function urlunsplit(components: SplitResult | readonly string[]): string;
/** The bytes form: bytes in, {@link Bytes} out. */
export function urlunsplit(components: SplitResultBytes | readonly Uint8Array[]): Bytes;
/** The components by keyword. */
export function urlunsplit(kwargs: { components: SplitResult | readonly string[] }): string;
/** The bytes components by keyword. */
export function urlunsplit(kwargs: { components: SplitResultBytes | readonly Uint8Array[] }): Bytes;
/** Either form, for an argument whose type is only known at run time. */
export function urlunsplit(...args: unknown[]): string | Bytes;
export function urlunsplit(...args: unknown[]): string | Bytes {
  const { components } = args.length === 1 && !isKeywords(args[0])
    ? { components: args[0] }
    : URLUNSPLIT.bind(args);
  return urlunsplitImpl(components);
}

const URLUNSPLIT = new Signature<{ components: unknown }>("urlunsplit", ["components"]);

function urlunsplitImpl(components: unknown): string | Bytes {
  // Our own str result (not a subclass, which may iterate otherwise): its fields, without iterating.
  if (components instanceof SplitResult && components.constructor === SplitResult) {
    const { scheme, netloc, path, query, fragment } = components;
    if (allStr([scheme, netloc, path, query, fragment], 5)) {
      return unsplitParts(scheme, netloc, path, query, fragment);
    }
  }
  const [[s, n, p, q, f], bytes] = componentsOf(components, 5);
  const r = unsplitParts(s, n, p, q, f);
  return bytes ? latin1Bytes(r, true) : r;
}

/**
 * Python's `urlunparse(components)`: put a 6-item parse back together.
 *
 * @param components `[scheme, netloc, path, params, query, fragment]`, or a {@link ParseResult}
 * @returns the URL
 *
 * @example
 * ```ts
 * import { urlunparse } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(urlunparse(["http", "www.example.com", "", "", "", ""]), "http://www.example.com");
 * ```
 */
export function urlunparse(components: ParseResult | readonly string[]): string;
/** The bytes form: bytes in, {@link Bytes} out. */
export function urlunparse(components: ParseResultBytes | readonly Uint8Array[]): Bytes;
/** The components by keyword. */
export function urlunparse(kwargs: { components: ParseResult | readonly string[] }): string;
/** The bytes components by keyword. */
export function urlunparse(kwargs: { components: ParseResultBytes | readonly Uint8Array[] }): Bytes;
/** Either form, for an argument whose type is only known at run time. */
export function urlunparse(...args: unknown[]): string | Bytes;
export function urlunparse(...args: unknown[]): string | Bytes {
  const { components } = args.length === 1 && !isKeywords(args[0])
    ? { components: args[0] }
    : URLUNPARSE.bind(args);
  return urlunparseImpl(components);
}

function urlunparseImpl(components: unknown): string | Bytes {
  if (components instanceof ParseResult && components.constructor === ParseResult) {
    const { scheme, netloc, path, params, query, fragment } = components;
    if (allStr([scheme, netloc, path, params, query, fragment], 6)) {
      return unsplitParts(scheme, netloc, path, query, fragment, params);
    }
  }
  const [[s, n, p, params, q, f], bytes] = componentsOf(components, 6);
  const r = unsplitParts(s, n, p, q, f, params);
  return bytes ? latin1Bytes(r, true) : r;
}

const URLUNPARSE = new Signature<{ components: unknown }>("urlunparse", ["components"]);

/** Keyword arguments of {@link urljoin} after `base` and `url`. */
export interface UrljoinOptions {
  /** Resolve fragments (default `true`; any value, by Python truth). */
  allow_fragments?: unknown;
}

/** Every parameter of {@link urljoin} by keyword. */
export interface UrljoinKeywords<U extends string | Uint8Array = string | Uint8Array> extends UrljoinOptions {
  /** The base URL. */
  base: U;
  /** The possibly relative URL. */
  url: U;
}

const URLJOIN = new Signature<{ base: unknown; url: unknown; allow_fragments: unknown }>(
  "urljoin",
  ["base", "url", "allow_fragments"],
  { allow_fragments: true },
);

/** Does the path have a "." or ".." segment? */
function hasDotSegment(p: string): boolean {
  let i = p.indexOf(".");
  while (i >= 0) {
    if (i === 0 || p.charCodeAt(i - 1) === 0x2f) {
      let j = i + 1;
      if (p.charCodeAt(j) === 0x2e) j++;
      if (j === p.length || p.charCodeAt(j) === 0x2f) return true;
    }
    i = p.indexOf(".", i + 1);
  }
  return false;
}

function joinStr(base: string, url: string, allow: boolean): string {
  // The base's parts are sliced only where the join uses them.
  const b = splitAt(base, null, allow);
  const bscheme = split.scheme, bnetloc = split.netloc, bpathAt = split.path, bpathEnd = split.pathEnd;
  const bquery = split.query, bqueryEnd = split.queryEnd, bfragment = split.fragment;
  const u = splitAt(url, null, allow);
  let scheme = split.scheme;
  let netloc = splitNetlocOf(u);
  let path = u.slice(split.path, split.pathEnd);
  let query = splitQueryOf(u), fragment = splitFragmentOf(u);
  if (scheme === null) scheme = bscheme;
  if (scheme !== bscheme || (scheme && !uses_relative.includes(scheme))) return url;
  if (!scheme || uses_netloc.includes(scheme)) {
    if (netloc) return unsplitStr(scheme, netloc, path, query, fragment);
    netloc = bnetloc < 0 ? null : b.slice(bnetloc, bpathAt);
  }
  const bpath = b.slice(bpathAt, bpathEnd);
  if (!path) {
    path = bpath;
    if (query === null) {
      query = bquery < 0 ? null : b.slice(bquery, bqueryEnd);
      if (fragment === null) fragment = bfragment < 0 ? null : b.slice(bfragment);
    }
    return unsplitStr(scheme, netloc, path, query, fragment);
  }
  // Fast path: no dot segments and no empty segment in the middle, so the
  // merge is plain concatenation.
  if (path.charCodeAt(0) === 0x2f) {
    if (!hasDotSegment(path)) return unsplitStr(scheme, netloc, path, query, fragment);
  } else if (!hasDotSegment(path)) {
    const merged = (bpath === "" ? "/" : bpath.slice(0, lastSlash(bpath) + 1)) + path;
    if (merged.indexOf("//") < 0 && !hasDotSegment(merged)) {
      return unsplitStr(scheme, netloc, merged, query, fragment);
    }
  }
  return unsplitStr(scheme, netloc, resolvePath(bpath, path), query, fragment);
}

/**
 * `s.lastIndexOf("/")`, by a backward scan: String.prototype.lastIndexOf is a C++ builtin in V8 (~18 ns a
 * call), and a path's last segment is short.
 */
function lastSlash(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && s.charCodeAt(i) !== 0x2f) i--;
  return i;
}

/** The merged and dot-resolved path of `path` against `bpath` (the slow path of urljoin). */
function resolvePath(bpath: string, path: string): string {
  // RFC 3986 §5.2.4 as CPython does it: the base path minus its last
  // segment, then the reference's segments (empty ones in between dropped),
  // with "." and ".." resolved. Streamed over the strings, no arrays of parts.
  const resolved: string[] = [];
  const filter = path.charCodeAt(0) !== 0x2f;
  let first = true;
  for (let phase = filter ? 0 : 1; phase < 2; phase++) {
    const str = phase === 0 ? bpath : path;
    let s = 0;
    while (true) {
      const e = str.indexOf("/", s);
      let seg: string, last = false;
      if (e >= 0) seg = str.slice(s, e);
      else if (phase === 1) {
        seg = str.slice(s);
        last = true;
      } else if (s === str.length) seg = "";
      else break; // the base's last segment is not part of the merge
      if (!filter || first || last || seg !== "") {
        first = false;
        if (seg === "..") resolved.pop();
        else if (seg !== ".") resolved.push(seg);
      }
      if (e < 0) {
        if (last && (seg === "." || seg === "..")) resolved.push("");
        break;
      }
      s = e + 1;
    }
  }
  // '/'.join(resolved_path) or '/', concatenated: Array.prototype.join costs more than a few segments.
  let out = resolved.length ? resolved[0] : "";
  for (let i = 1; i < resolved.length; i++) out += "/" + resolved[i];
  return out || "/";
}

/**
 * Python's `urljoin(base, url, allow_fragments=True)`: resolve `url`
 * against `base` (RFC 3986 §5.2 for the schemes in {@link uses_relative}).
 *
 * @param base the base URL
 * @param url the possibly relative URL
 * @param allow_fragments resolve fragments (default `true`); any parameter may instead come in a trailing
 *   keywords object: `urljoin(base, { url, allow_fragments })`
 * @returns the absolute URL
 *
 * @example
 * ```ts
 * import { urljoin } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(urljoin("http://a/b/c/d;p?q", "../g"), "http://a/b/g");
 * assert.equal(urljoin("http://a/b", "?"), "http://a/b?");
 * assert.equal(urljoin("http://a/b/c", { url: "d", allow_fragments: false }), "http://a/b/d");
 * ```
 */
export function urljoin(base: string, url: string, allow_fragments?: unknown): string;
/** The base, then the other parameters by keyword. */
export function urljoin(base: string, kwargs: { url: string; allow_fragments?: unknown }): string;
/** The base and URL, then `allow_fragments` by keyword. */
export function urljoin(base: string, url: string, kwargs: UrljoinOptions): string;
/** Every parameter by keyword. */
export function urljoin(kwargs: UrljoinKeywords<string>): string;
/** The bytes form: bytes in, {@link Bytes} out. */
export function urljoin(base: Uint8Array, url: Uint8Array, allow_fragments?: unknown): Bytes;
/** The bytes form with keywords after the base URL. */
export function urljoin(base: Uint8Array, kwargs: { url: Uint8Array; allow_fragments?: unknown }): Bytes;
/** The bytes form with `allow_fragments` by keyword. */
export function urljoin(base: Uint8Array, url: Uint8Array, kwargs: UrljoinOptions): Bytes;
/** The bytes form, every parameter by keyword. */
export function urljoin(kwargs: UrljoinKeywords<Uint8Array>): Bytes;
/** Either form, for arguments whose types are only known at run time. */
export function urljoin(...args: unknown[]): unknown;
export function urljoin(...args: unknown[]): unknown {
  const b = args[0], u = args[1];
  if (args.length === 2 && typeof b === "string" && typeof u === "string") {
    return b ? (u ? joinStr(b, u, true) : b) : u;
  }
  const a = URLJOIN.values(args);
  return urljoinImpl(a[0], a[1], a[2]);
}

function urljoinImpl(base: unknown, url: unknown, allow: unknown): unknown {
  if (typeof base === "string" && typeof url === "string") {
    return base ? (url ? joinStr(base, url, typeof allow === "boolean" ? allow : truthy(allow)) : base) : url;
  }
  if (!truthy(base)) return url;
  if (!truthy(url)) return base;
  const args = [base, url];
  const bytes = coerce(args);
  const r = joinStr(args[0] as string, args[1] as string, truthy(allow));
  return bytes ? latin1Bytes(r, true) : r;
}

/**
 * Python's `urldefrag(url)`: split off the fragment.
 *
 * @param url the URL (str or bytes)
 * @returns a {@link DefragResult} (or {@link DefragResultBytes})
 *
 * @example
 * ```ts
 * import { urldefrag } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * const { url, fragment } = urldefrag("http://x/a?q#top");
 * assert.equal(url, "http://x/a?q");
 * assert.equal(fragment, "top");
 * assert.equal(urldefrag("http://x/a?#").url, "http://x/a?");
 * ```
 */
export function urldefrag(url: string): DefragResult;
/** The bytes form: bytes in, {@link Bytes} out. */
export function urldefrag(url: Uint8Array): DefragResultBytes;
/** The URL by keyword. */
export function urldefrag(kwargs: { url: string }): DefragResult;
/** The bytes URL by keyword. */
export function urldefrag(kwargs: { url: Uint8Array }): DefragResultBytes;
/** Either form, for an argument whose type is only known at run time. */
export function urldefrag(...args: unknown[]): DefragResult | DefragResultBytes;
export function urldefrag(...args: unknown[]): DefragResult | DefragResultBytes {
  const u = args[0];
  if (args.length === 1 && typeof u === "string") {
    if (u.indexOf("#") < 0) return new DefragResult(u, "");
    const [defrag, frag] = defragStr(u);
    return new DefragResult(defrag, frag);
  }
  const { url } = args.length === 1 && !isKeywords(u) ? { url: u } : URLDEFRAG.bind(args);
  return urldefragImpl(url);
}

const URLDEFRAG = new Signature<{ url: unknown }>("urldefrag", ["url"]);

/** Python's urldefrag of a str: `u` put back together without its fragment, and the fragment. */
function defragStr(u: string): [string, string] {
  const v = splitAt(u, null, true);
  const frag = splitFragmentOf(v) || "";
  return [
    unsplitStr(split.scheme, splitNetlocOf(v), v.slice(split.path, split.pathEnd), splitQueryOf(v), null),
    frag,
  ];
}

function urldefragImpl(url: unknown): DefragResult | DefragResultBytes {
  if (typeof url === "string") return urldefrag(url);
  const args = [url];
  const bytes = coerce(args);
  const u = args[0] as string;
  let defrag = u, frag = "";
  if (u.includes("#")) [defrag, frag] = defragStr(u);
  if (!bytes) return new DefragResult(defrag, frag);
  return new DefragResultBytes(latin1Bytes(defrag, true), latin1Bytes(frag, true));
}

// ---------------------------------------------------------------------------
// Unquoting

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x57;
  return -1;
}

/** Percent-decode bytes (Python's unquote_to_bytes on bytes: a bytes object without `%` comes back as it is). */
function unquoteBytes(b: Uint8Array): Bytes {
  const n = b.length;
  const first = b.indexOf(0x25);
  if (first < 0 && b instanceof Bytes) return b;
  // Count the valid escapes first, so that the result is allocated once at its size.
  let escapes = 0;
  for (let i = first; i >= 0 && i + 2 < n; i = b.indexOf(0x25, i + 1)) {
    if (hexVal(b[i + 1]) >= 0 && hexVal(b[i + 2]) >= 0) {
      escapes++;
      i += 2;
    }
  }
  const out = allocBytes(n - 2 * escapes);
  let o = 0;
  for (let i = 0; i < n;) {
    const c = b[i];
    if (c === 0x25 && i + 2 < n) {
      const h = hexVal(b[i + 1]), l = hexVal(b[i + 2]);
      if (h >= 0 && l >= 0) {
        out[o++] = (h << 4) | l;
        i += 3;
        continue;
      }
    }
    out[o++] = c;
    i++;
  }
  return out;
}

/**
 * Python's `unquote_to_bytes(string)`: `%xx` escapes to bytes. A str is
 * UTF-8 encoded first; bad escapes are kept as they are.
 *
 * @param string str or bytes
 * @returns the bytes
 *
 * @example
 * ```ts
 * import { unquote_to_bytes } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.deepEqual([...unquote_to_bytes("a%20b%zz")], [97, 32, 98, 37, 122, 122]);
 * ```
 */
export function unquote_to_bytes(string: string | Uint8Array): Bytes;
/** The argument by keyword. */
export function unquote_to_bytes(kwargs: { string: string | Uint8Array }): Bytes;
export function unquote_to_bytes(...args: unknown[]): Bytes {
  const string = args.length === 1 && !isKeywords(args[0]) ? args[0] : UNQUOTE_TO_BYTES.bind(args).string;
  return unquoteToBytesImpl(string);
}

const UNQUOTE_TO_BYTES = new Signature<{ string: unknown }>("unquote_to_bytes", ["string"]);

function unquoteToBytesImpl(string: unknown): Bytes {
  if (!truthy(string)) {
    if (typeof string !== "string" && !(string instanceof Uint8Array)) {
      throw new AttributeError(`'${typeName(string)}' object has no attribute 'split'`);
    }
    return allocBytes(0);
  }
  if (typeof string === "string") {
    // An ASCII str is its own UTF-8: decode the escapes straight from the code units.
    return unquoteUnits(string, 0, string.length, 5) ?? unquoteBytes(encode(string, "utf-8", "strict"));
  }
  if (string instanceof Uint8Array) return unquoteBytes(string);
  throw new AttributeError(`'${typeName(string)}' object has no attribute 'split'`);
}

const IDENTITY_ASCII = new Set(["utf-8", "ascii", "latin-1"]);

/**
 * Python's `unquote(string, encoding='utf-8', errors='replace')`: replace
 * `%xx` escapes by the characters they encode.
 *
 * @param string str (or bytes)
 * @param encoding how to decode the escaped bytes (default `'utf-8'`)
 * @param errors the decoding error handler (default `'replace'`); any parameter may instead come in a
 *   trailing keywords object: `unquote(s, { encoding })`
 * @returns the text
 *
 * @example
 * ```ts
 * import { unquote } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(unquote("%ED%8C%8C%EC%9D%B4%EC%8D%AC"), "파이썬");
 * assert.equal(unquote("caf%E9", { encoding: "latin-1" }), "café");
 * assert.equal(unquote("%zz%ff"), "%zz\ufffd");
 * ```
 */
export function unquote(
  string: string | Uint8Array,
  encoding?: string | null,
  errors?: string | null,
): string;
/** The string, then the other parameters by keyword. */
export function unquote(string: string | Uint8Array, kwargs: UnquoteOptions): string;
/** The string and encoding, then `errors` by keyword. */
export function unquote(
  string: string | Uint8Array,
  encoding: string | null | undefined,
  kwargs: Pick<UnquoteOptions, "errors">,
): string;
/** Every parameter by keyword. */
export function unquote(kwargs: UnquoteKeywords): string;
export function unquote(...args: unknown[]): string {
  const s = args[0];
  if (args.length === 1 && typeof s === "string") {
    return s.indexOf("%") < 0 ? s : unquoteImpl(s, "utf-8", "replace");
  }
  const a = UNQUOTE.values(args);
  return unquoteImpl(a[0], a[1], a[2]);
}

/** Keyword arguments of {@link unquote} and {@link unquote_plus} after the string. */
export interface UnquoteOptions {
  /** How to decode the escaped bytes (default `'utf-8'`). */
  encoding?: string | null;
  /** The decoding error handler (default `'replace'`). */
  errors?: string | null;
}

/** Every parameter of {@link unquote} and {@link unquote_plus} by keyword. */
export interface UnquoteKeywords extends UnquoteOptions {
  /** The text to unquote. */
  string: string | Uint8Array;
}

type UnquoteParams = { string: unknown; encoding: unknown; errors: unknown };
const UNQUOTE = new Signature<UnquoteParams>("unquote", ["string", "encoding", "errors"], {
  encoding: "utf-8",
  errors: "replace",
});
const UNQUOTE_PLUS = new Signature<UnquoteParams>("unquote_plus", ["string", "encoding", "errors"], {
  encoding: "utf-8",
  errors: "replace",
});

function unquoteImpl(string: unknown, encoding: unknown, errors: unknown): string {
  if (string instanceof Uint8Array) {
    if (typeof encoding !== "string") {
      throw new TypeError(`decode() argument 'encoding' must be str, not ${typeName(encoding)}`);
    }
    if (typeof errors !== "string") {
      throw new TypeError(`decode() argument 'errors' must be str, not ${typeName(errors)}`);
    }
    return decode(unquoteBytes(string), encoding, errors);
  }
  if (typeof string !== "string") {
    if (Array.isArray(string)) {
      if (!string.includes("%")) {
        throw new AttributeError(`'${typeName(string)}' object has no attribute 'split'`);
      }
      throw new AttributeError(`'${typeName(string)}' object has no attribute 'encode'`);
    }
    throw new TypeError(`argument of type '${typeName(string)}' is not iterable`);
  }
  const s = string;
  if (s.indexOf("%") < 0) return s;
  const enc = encoding === null || encoding === undefined ? "utf-8" : String(encoding);
  const err = errors === null || errors === undefined ? "replace" : String(errors);
  const kind = lookup(enc).name;
  const identity = IDENTITY_ASCII.has(kind);
  const fast = kind === "utf-8" ? 1 : kind === "latin-1" ? 2 : 0;
  const n = s.length;
  let out = "";
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && s.charCodeAt(j) >= 0x80) j++;
    if (j > i) out += s.slice(i, j);
    if (j >= n) break;
    let k = j, pct = false;
    for (; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c >= 0x80) break;
      if (c === 0x25) pct = true;
    }
    if (!pct && identity) out += s.slice(j, k);
    else {
      const quick = fast ? unquoteRunFast(s, j, k, fast === 1) : null;
      out += quick ?? decode(unquoteUnits(s, j, k, 1)!, enc, err);
    }
    i = k;
  }
  return out;
}

let scratch = new Uint8Array(256);

/**
 * Unquote the ASCII run `s[start:end]` for UTF-8 or Latin-1 without
 * building bytes: escape groups are decoded on their own (an ASCII byte
 * always ends a UTF-8 sequence). Returns null when a group is not valid
 * UTF-8, so the caller decodes the whole run with the codec and its error
 * handler, exactly as Python does.
 */
function unquoteRunFast(s: string, start: number, end: number, utf8: boolean): string | null {
  let out = "";
  let last = start;
  let i = s.indexOf("%", start);
  while (i >= 0 && i < end) {
    let p = i, m = 0;
    while (p + 2 < end && s.charCodeAt(p) === 0x25) {
      const h = hexVal(s.charCodeAt(p + 1)), l = hexVal(s.charCodeAt(p + 2));
      if (h < 0 || l < 0) break;
      if (m === scratch.length) {
        const bigger = new Uint8Array(m * 2);
        bigger.set(scratch);
        scratch = bigger;
      }
      scratch[m++] = (h << 4) | l;
      p += 3;
    }
    if (m === 0) {
      i = s.indexOf("%", i + 1);
      continue;
    }
    const text = utf8 ? utf8Fast(scratch, m) : latin1Decode(scratch, 0, m);
    if (text === null) return null;
    out += s.slice(last, i) + text;
    last = p;
    i = s.indexOf("%", p);
  }
  return out + s.slice(last, end);
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Strict UTF-8 decoding of `b[0:n]`, or null if it is not valid UTF-8. */
function utf8Fast(b: Uint8Array, n: number): string | null {
  if (n > 64) {
    try {
      return utf8Strict.decode(b.subarray(0, n));
    } catch {
      return null;
    }
  }
  let out = "";
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
    } else if (c >= 0xc2 && c <= 0xdf) {
      if (i + 1 >= n) return null;
      const c1 = b[i + 1];
      if ((c1 & 0xc0) !== 0x80) return null;
      out += String.fromCharCode(((c & 0x1f) << 6) | (c1 & 0x3f));
      i += 2;
    } else if (c >= 0xe0 && c <= 0xef) {
      if (i + 2 >= n) return null;
      const c1 = b[i + 1], c2 = b[i + 2];
      const lo = c === 0xe0 ? 0xa0 : 0x80, hi = c === 0xed ? 0x9f : 0xbf;
      if (c1 < lo || c1 > hi || (c2 & 0xc0) !== 0x80) return null;
      out += String.fromCharCode(((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f));
      i += 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
      if (i + 3 >= n) return null;
      const c1 = b[i + 1], c2 = b[i + 2], c3 = b[i + 3];
      const lo = c === 0xf0 ? 0x90 : 0x80, hi = c === 0xf4 ? 0x8f : 0xbf;
      if (c1 < lo || c1 > hi || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return null;
      out += String.fromCodePoint(
        ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f),
      );
      i += 4;
    } else return null;
  }
  return out;
}

/**
 * Python's `unquote_plus(string, encoding='utf-8', errors='replace')`:
 * {@link unquote}, with `+` meaning space (HTML form values).
 *
 * @param string str
 * @param encoding how to decode the escaped bytes (default `'utf-8'`)
 * @param errors the decoding error handler (default `'replace'`); any parameter may instead come in a
 *   trailing keywords object
 * @returns the text
 *
 * @example
 * ```ts
 * import { unquote_plus } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(unquote_plus("%7e/abc+def"), "~/abc def");
 * ```
 */
export function unquote_plus(string: string, encoding?: string | null, errors?: string | null): string;
/** The string, then the other parameters by keyword. */
export function unquote_plus(string: string, kwargs: UnquoteOptions): string;
/** The string and encoding, then `errors` by keyword. */
export function unquote_plus(
  string: string,
  encoding: string | null | undefined,
  kwargs: Pick<UnquoteOptions, "errors">,
): string;
/** Every parameter by keyword. */
export function unquote_plus(kwargs: UnquoteKeywords & { string: string }): string;
export function unquote_plus(...args: unknown[]): string {
  const a = UNQUOTE_PLUS.values(args);
  return unquotePlusImpl(a[0], a[1], a[2]);
}

function unquotePlusImpl(string: unknown, encoding: unknown, errors: unknown): string {
  if (typeof string !== "string") {
    if (string instanceof Uint8Array) throw new TypeError("a bytes-like object is required, not 'str'");
    throw new AttributeError(`'${typeName(string)}' object has no attribute 'replace'`);
  }
  return unquoteImpl(string.indexOf("+") < 0 ? string : string.replaceAll("+", " "), encoding, errors);
}

// ---------------------------------------------------------------------------
// Quoting

const ALWAYS_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~";
const HEXU = "0123456789ABCDEF";
const HEX_CODES = new Uint8Array(16);
for (let i = 0; i < 16; i++) HEX_CODES[i] = HEXU.charCodeAt(i);

const strTables = new Map<string, Uint8Array>();
const byteTables = new Map<string, Uint8Array>();
const DEFAULT_TABLE = makeTable("/");
const EMPTY_TABLE = makeTable("");
/** quote_plus's tables: `safe`'s table with space safe and written as "+" (marked 2), by base table. */
const plusTables = new WeakMap<Uint8Array, Uint8Array>();
/** quote_plus's default (safe=''), without a WeakMap lookup. */
const PLUS_TABLE = EMPTY_TABLE.slice();
PLUS_TABLE[0x20] = 2;

function plusTable(table: Uint8Array): Uint8Array {
  if (table === EMPTY_TABLE) return PLUS_TABLE;
  let t = plusTables.get(table);
  if (!t) {
    t = table.slice();
    t[0x20] = 2;
    plusTables.set(table, t);
  }
  return t;
}

function makeTable(safeAscii: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < ALWAYS_SAFE.length; i++) t[ALWAYS_SAFE.charCodeAt(i)] = 1;
  for (let i = 0; i < safeAscii.length; i++) {
    const c = safeAscii.charCodeAt(i);
    if (c < 128) t[c] = 1;
  }
  return t;
}

function safeTable(safe: unknown): Uint8Array {
  if (safe === "/") return DEFAULT_TABLE;
  if (safe === "") return EMPTY_TABLE;
  if (typeof safe === "string") {
    let t = strTables.get(safe);
    if (!t) {
      if (strTables.size > 256) strTables.clear();
      t = makeTable(safe);
      strTables.set(safe, t);
    }
    return t;
  }
  if (safe instanceof Uint8Array) {
    const key = latin1Decode(safe);
    let t = byteTables.get(key);
    if (!t) {
      if (byteTables.size > 256) byteTables.clear();
      t = makeTable(key);
      byteTables.set(key, t);
    }
    return t;
  }
  if (Array.isArray(safe)) {
    let key = "";
    for (const c of safe) {
      if (typeof c !== "number") {
        throw new TypeError(`'<' not supported between instances of '${typeName(c)}' and 'int'`);
      }
      if (c < 128) key += String.fromCharCode(c);
    }
    return makeTable(key);
  }
  throw new TypeError(`'${typeName(safe)}' object is not iterable`);
}

const asciiDecoder = new TextDecoder();
const utf8Encoder = new TextEncoder();

function quoteBytesWith(bs: Uint8Array, table: Uint8Array): string {
  const n = bs.length;
  if (n < 4096) {
    let out = "";
    for (let i = 0; i < n; i++) {
      const c = bs[i];
      if (c < 128) {
        const t = table[c];
        if (t === 1 && i + 1 < n) {
          // Two safe bytes in a row: one cached two-character piece, half the concatenations.
          const d = bs[i + 1];
          if (d < 128 && table[d] === 1) {
            const k = (c << 7) | d;
            out += PAIRS.get(k) ?? PAIRS.set(k, CHR[c] + CHR[d]);
            i++;
            continue;
          }
        }
        out += t ? (t === 1 ? CHR[c] : "+") : PCT[c];
      } else if (c >= 0xc2 && c <= 0xef && i + 1 < n && (bs[i + 1] & 0xc0) === 0x80) {
        // A UTF-8 sequence of a BMP character is all escapes: its bytes' escapes in one cached string.
        const c1 = bs[i + 1];
        if (c < 0xe0) {
          out += PCT_UNIT.get(((c & 0x1f) << 6) | (c1 & 0x3f)) ?? pctUnit(((c & 0x1f) << 6) | (c1 & 0x3f));
          i++;
        } else if (
          i + 2 < n && (bs[i + 2] & 0xc0) === 0x80 && (c !== 0xe0 || c1 >= 0xa0) && (c !== 0xed || c1 < 0xa0)
        ) {
          const u = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (bs[i + 2] & 0x3f);
          out += PCT_UNIT.get(u) ?? pctUnit(u);
          i += 2;
        } else out += PCT[c];
      } else out += PCT[c];
    }
    return out;
  }
  let i = 0;
  while (i < n) {
    const c = bs[i];
    if (c >= 128 || table[c] !== 1) break;
    i++;
  }
  if (i === n) return asciiDecoder.decode(bs);
  const out = new Uint8Array(i + (n - i) * 3);
  out.set(bs.subarray(0, i));
  let o = i;
  for (; i < n; i++) {
    const c = bs[i];
    if (c < 128 && table[c]) out[o++] = table[c] === 1 ? c : 0x2b;
    else {
      out[o++] = 0x25;
      out[o++] = HEX_CODES[c >> 4];
      out[o++] = HEX_CODES[c & 15];
    }
  }
  return asciiDecoder.decode(out.subarray(0, o));
}

/**
 * Strings cached by a code below 2^16, filled as quoting meets them. A plain array written at scattered
 * indices turns into a dictionary (a hash lookup on every read: ~15 ns a quoted character); this keeps dense
 * pages of 256 slots, each made when first written.
 */
class PieceCache {
  readonly #pages: ((string | undefined)[] | null)[];
  constructor(size: number) {
    this.#pages = new Array((size + 255) >> 8).fill(null);
  }
  get(code: number): string | undefined {
    const page = this.#pages[code >> 8];
    return page === null ? undefined : page[code & 255];
  }
  set(code: number, piece: string): string {
    (this.#pages[code >> 8] ??= new Array(256).fill(undefined))[code & 255] = piece;
    return piece;
  }
}

/** Two safe ASCII characters c and d as one piece, by `c << 7 | d`: a run of safe bytes in half the appends. */
const PAIRS = new PieceCache(1 << 14);
const CHR: string[] = [];
for (let c = 0; c < 128; c++) CHR.push(String.fromCharCode(c));

/**
 * Python's `quote_from_bytes(bs, safe='/')`: percent-encode bytes.
 *
 * @param bs the bytes
 * @param safe characters not to quote (str or bytes; ASCII only counts; default `'/'`), or the
 *   keywords `{ safe }`
 * @returns an ASCII str
 * @throws TypeError when `bs` is not bytes
 *
 * @example
 * ```ts
 * import { b } from "@pyweb/std";
 * import { quote_from_bytes } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(quote_from_bytes(b`abc def\x3f`), "abc%20def%3F");
 * ```
 */
export function quote_from_bytes(bs: Uint8Array, safe?: string | Uint8Array): string;
/** The bytes, then `safe` by keyword. */
export function quote_from_bytes(bs: Uint8Array, kwargs: { safe?: string | Uint8Array }): string;
/** Every parameter by keyword. */
export function quote_from_bytes(kwargs: { bs: Uint8Array; safe?: string | Uint8Array }): string;
export function quote_from_bytes(...args: unknown[]): string {
  if (args.length === 1 && args[0] instanceof Uint8Array) return quoteFromBytesImpl(args[0], "/");
  const a = QUOTE_FROM_BYTES.values(args);
  return quoteFromBytesImpl(a[0], a[1]);
}

const QUOTE_FROM_BYTES = new Signature<{ bs: unknown; safe: unknown }>("quote_from_bytes", ["bs", "safe"], {
  safe: "/",
});

function quoteFromBytesImpl(bs: unknown, safe: unknown): string {
  if (!(bs instanceof Uint8Array)) throw new TypeError("quote_from_bytes() expected bytes");
  if (!bs.length) return "";
  return quoteBytesWith(bs, safeTable(safe));
}

/** Keyword arguments of {@link quote} and {@link quote_plus}. */
export interface QuoteOptions {
  /** Characters not to quote besides `A-Za-z0-9_.-~` (default `'/'` for quote, `''` for quote_plus). */
  safe?: string | Uint8Array;
  /** How to encode str input (default `'utf-8'`); not allowed for bytes. */
  encoding?: string | null;
  /** The encoding error handler (default `'strict'`); not allowed for bytes. */
  errors?: string | null;
}

/** Every parameter of {@link quote} and {@link quote_plus} by keyword. */
export interface QuoteKeywords extends QuoteOptions {
  /** The text (str) or bytes to quote. */
  string: string | Uint8Array;
}

function quoteStr(s: string, table: Uint8Array, encoding: unknown, errors: unknown): string {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 128 || table[c] !== 1) break;
    i++;
  }
  if (i === n) {
    // Python encodes before it looks at the bytes: an unknown codec still raises.
    if (encoding !== null && encoding !== undefined) lookup(String(encoding));
    return s;
  }
  const enc = encoding === null || encoding === undefined ? "utf-8" : String(encoding);
  const err = errors === null || errors === undefined ? "strict" : String(errors);
  if (enc === "utf-8" || enc === "utf8" || lookup(enc).name === "utf-8") {
    // Long text: encode natively and quote the bytes into one buffer.
    if (n > 4096 && s.isWellFormed()) return quoteBytesWith(utf8Encoder.encode(s), table);
    const quick = quoteUtf8From(s, i, table);
    if (quick !== null) return quick;
  }
  return quoteBytesWith(encode(s, enc, err), table);
}

/** PCT[b] is `%XX` for byte b. */
const PCT: string[] = [];
for (let b = 0; b < 256; b++) PCT.push("%" + HEXU[b >> 4] + HEXU[b & 15]);

/** The UTF-8 escapes of each BMP code unit (not a surrogate), filled as text meets them. */
const PCT_UNIT = new PieceCache(1 << 16);

function pctUnit(c: number): string {
  const e = c < 0x800
    ? PCT[0xc0 | (c >> 6)] + PCT[0x80 | (c & 63)]
    : PCT[0xe0 | (c >> 12)] + PCT[0x80 | ((c >> 6) & 63)] + PCT[0x80 | (c & 63)];
  return PCT_UNIT.set(c, e);
}

/**
 * Quote `s` as UTF-8 straight from its code units, `s[0:i]` being known
 * safe; null on a lone surrogate (the codec then raises or applies its
 * error handler).
 */
function quoteUtf8From(s: string, i: number, table: Uint8Array): string | null {
  const n = s.length;
  let out = "";
  let last = 0;
  for (; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      const t = table[c];
      if (t === 1) continue;
      out += s.slice(last, i) + (t ? "+" : PCT[c]);
      last = i + 1;
      continue;
    }
    out += s.slice(last, i);
    if (c < 0xd800 || c > 0xdfff) out += PCT_UNIT.get(c) ?? pctUnit(c);
    else {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) return null;
      c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      out += PCT[0xf0 | (c >> 18)] + PCT[0x80 | ((c >> 12) & 63)] + PCT[0x80 | ((c >> 6) & 63)] +
        PCT[0x80 | (c & 63)];
      i++;
    }
    last = i + 1;
  }
  return out + s.slice(last);
}

/** quote(); with `plus`, quote_plus() of a string with a space (`safe + ' '`, then spaces as "+"). */
function quoteImpl(string: unknown, safe: unknown, encoding: unknown, errors: unknown, plus = false): string {
  if (typeof string === "string") {
    if (!string) return string;
    return quoteStr(string, plus ? plusTable(safeTable(safe)) : safeTable(safe), encoding, errors);
  }
  if (encoding !== null && encoding !== undefined) {
    throw new TypeError("quote() doesn't support 'encoding' for bytes");
  }
  if (errors !== null && errors !== undefined) {
    throw new TypeError("quote() doesn't support 'errors' for bytes");
  }
  if (!(string instanceof Uint8Array)) throw new TypeError("quote_from_bytes() expected bytes");
  if (!string.length) return "";
  return quoteBytesWith(string, plus ? plusTable(safeTable(safe)) : safeTable(safe));
}

/**
 * Python's `quote(string, safe='/', encoding=None, errors=None)`:
 * percent-encode everything but `A-Za-z0-9_.-~` and `safe`.
 *
 * @param string str or bytes
 * @param safe characters not to quote besides `A-Za-z0-9_.-~` (default `'/'`)
 * @param encoding how to encode str input (default `'utf-8'`; not for bytes)
 * @param errors the encoding error handler (default `'strict'`; not for bytes); any parameter may
 *   instead come in a trailing keywords object: `quote(s, { safe: "" })`
 * @returns the quoted str
 * @throws TypeError for other types, or for `encoding`/`errors` with bytes
 *
 * @example
 * ```ts
 * import { quote } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(quote("파이썬 웹/프로그래밍").slice(0, 9), "%ED%8C%8C");
 * assert.equal(quote("/a b?", { safe: "" }), "%2Fa%20b%3F");
 * assert.equal(quote("é", "/", "latin-1"), "%E9");
 * ```
 */
export function quote(
  string: string | Uint8Array,
  safe?: string | Uint8Array,
  encoding?: string | null,
  errors?: string | null,
): string;
/** The string, then the other parameters by keyword. */
export function quote(string: string | Uint8Array, kwargs: QuoteOptions): string;
/** The string and `safe`, then `encoding` and `errors` by keyword. */
export function quote(
  string: string | Uint8Array,
  safe: string | Uint8Array | undefined,
  kwargs: Omit<QuoteOptions, "safe">,
): string;
/** Every parameter by keyword. */
export function quote(kwargs: QuoteKeywords): string;
export function quote(...args: unknown[]): string {
  const s = args[0];
  if (args.length === 1) {
    if (typeof s === "string") return s ? quoteStr(s, DEFAULT_TABLE, null, null) : s;
    if (s instanceof Uint8Array) return quoteImpl(s, "/", null, null);
  }
  const a = QUOTE.values(args);
  return quoteImpl(a[0], a[1], a[2], a[3]);
}

type QuoteParams = { string: unknown; safe: unknown; encoding: unknown; errors: unknown };
const QUOTE = new Signature<QuoteParams>("quote", ["string", "safe", "encoding", "errors"], {
  safe: "/",
  encoding: null,
  errors: null,
});
const QUOTE_PLUS = new Signature<QuoteParams>("quote_plus", ["string", "safe", "encoding", "errors"], {
  safe: "",
  encoding: null,
  errors: null,
});

/**
 * Python's `quote_plus(string, safe='', encoding=None, errors=None)`:
 * {@link quote} for HTML form values — space becomes `+`, `/` is quoted.
 *
 * @param string str or bytes
 * @param safe characters not to quote (default `''`)
 * @param encoding how to encode str input (default `'utf-8'`)
 * @param errors the encoding error handler (default `'strict'`); any parameter may instead come in a
 *   trailing keywords object
 * @returns the quoted str
 *
 * @example
 * ```ts
 * import { quote_plus } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(quote_plus("a b/c+d"), "a+b%2Fc%2Bd");
 * assert.equal(quote_plus("a b/c", { safe: "/" }), "a+b/c");
 * ```
 */
export function quote_plus(
  string: string | Uint8Array,
  safe?: string | Uint8Array,
  encoding?: string | null,
  errors?: string | null,
): string;
/** The string, then the other parameters by keyword. */
export function quote_plus(string: string | Uint8Array, kwargs: QuoteOptions): string;
/** The string and `safe`, then `encoding` and `errors` by keyword. */
export function quote_plus(
  string: string | Uint8Array,
  safe: string | Uint8Array | undefined,
  kwargs: Omit<QuoteOptions, "safe">,
): string;
/** Every parameter by keyword. */
export function quote_plus(kwargs: QuoteKeywords): string;
export function quote_plus(...args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === "string") return quotePlusImpl(args[0], "", null, null);
  const a = QUOTE_PLUS.values(args);
  return quotePlusImpl(a[0], a[1], a[2], a[3]);
}

function quotePlusImpl(string: unknown, safe: unknown, encoding: unknown, errors: unknown): string {
  if (
    (typeof string === "string" && string.indexOf(" ") < 0) ||
    (string instanceof Uint8Array && string.indexOf(0x20) < 0)
  ) {
    return quoteImpl(string, safe, encoding, errors);
  }
  // Python quotes with `safe + ' '` and then replaces " " by "+": one pass with a table that writes space as "+".
  if (typeof safe !== "string" && !(safe instanceof Uint8Array)) {
    throw new TypeError(`unsupported operand type(s) for +: '${typeName(safe)}' and 'bytes'`);
  }
  return quoteImpl(string, safe, encoding, errors, true);
}

// ---------------------------------------------------------------------------
// Query strings

/** Keyword arguments of {@link parse_qs} and {@link parse_qsl}. */
export interface ParseQsOptions {
  /** Keep `a=` and `a` as empty values (default `false`). */
  keep_blank_values?: boolean;
  /** Raise `ValueError` on a field without `=` (default `false`). */
  strict_parsing?: boolean;
  /** How to decode escapes (default `'utf-8'`). */
  encoding?: string;
  /** Decoding error handler (default `'replace'`). */
  errors?: string;
  /** Raise `ValueError` when there are more fields than this. */
  max_num_fields?: number | null;
  /** The field separator (default `'&'`). */
  separator?: string | Uint8Array;
}

const QS_NAMES = [
  "keep_blank_values",
  "strict_parsing",
  "encoding",
  "errors",
  "max_num_fields",
  "separator",
] as const;

/** Every parameter of {@link parse_qs} and {@link parse_qsl} by keyword. */
export interface ParseQsKeywords<Q extends string | Uint8Array | null = string | Uint8Array | null>
  extends ParseQsOptions {
  /** The query. */
  qs: Q;
}

type QsParams = {
  qs: unknown;
  keep_blank_values: unknown;
  strict_parsing: unknown;
  encoding: unknown;
  errors: unknown;
  max_num_fields: unknown;
  separator: unknown;
  _stacklevel: unknown;
};
const QS_DEFAULT_VALUES = {
  keep_blank_values: false,
  strict_parsing: false,
  encoding: "utf-8",
  errors: "replace",
  max_num_fields: null,
  separator: "&",
};
const PARSE_QS = new Signature<QsParams>("parse_qs", ["qs", ...QS_NAMES], QS_DEFAULT_VALUES);
const PARSE_QSL = new Signature<QsParams>("parse_qsl", ["qs", ...QS_NAMES, "*", "_stacklevel"], {
  ...QS_DEFAULT_VALUES,
  _stacklevel: 1,
});

function countOf(s: string, sep: string): number {
  let count = 0;
  if (sep.length === 1) {
    const c = sep.charCodeAt(0);
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === c) count++;
    return count;
  }
  let i = s.indexOf(sep);
  while (i >= 0) {
    count++;
    i = s.indexOf(sep, i + sep.length);
  }
  return count;
}

/**
 * Python's field loop over `qs.split(sep)`, straight into `dict` (parse_qs of a str) or `list` (pairs).
 * Bytes input comes as its Latin-1 text and `src`, a pooled copy of the bytes, and gives pairs of
 * {@link Bytes}: a name or value without "%" or "+" is a view of `src`, the others are decoded.
 */
function qslFields(
  qs: string,
  sep: string,
  keepBlank: boolean,
  strict: boolean,
  src: BytesCopy | null,
  encoding: unknown,
  errors: unknown,
  list: unknown[],
  dict: Record<string, string[]> | null,
): void {
  const n = qs.length;
  const sc = sep.length === 1 ? sep.charCodeAt(0) : -1;
  let start = 0;
  while (start <= n) {
    // One scan to the end of the field: its first "=", and whether the name and the value hold "%"
    // (bit 1) or "+" (bit 2), so that plain parts are sliced and nothing more; and a hash of the name.
    let limit = n;
    if (sc < 0) {
      limit = qs.indexOf(sep, start);
      if (limit < 0) limit = n;
    }
    let end = start, eq = -1, nameFlags = 0, valueFlags = 0, hash = 0;
    for (; end < limit; end++) {
      const c = qs.charCodeAt(end);
      if (c === sc || c === 0x3d) break;
      if (c === 0x25) nameFlags |= 1;
      else if (c === 0x2b) nameFlags |= 2;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (end < limit && qs.charCodeAt(end) !== sc) {
      eq = end;
      for (end++; end < limit; end++) {
        const c = qs.charCodeAt(end);
        if (c === sc) break;
        if (c === 0x25) valueFlags |= 1;
        else if (c === 0x2b) valueFlags |= 2;
      }
    }
    if (end > start || strict) {
      const hasEq = eq >= 0;
      if (!hasEq && strict) {
        const field = qs.slice(start, end);
        throw new ValueError(`bad query field: ${src ? reprBytes(latin1Bytes(field)) : reprStr(field)}`);
      }
      const nameEnd = hasEq ? eq : end;
      const valueStart = hasEq ? eq + 1 : end;
      if (valueStart < end || keepBlank) {
        if (src) {
          // Latin-1 text without bit 4: never null.
          const name = nameFlags ? unquoteUnits(qs, start, nameEnd, nameFlags)! : src.view(start, nameEnd);
          list.push(
            new Pair(
              name,
              valueFlags ? unquoteUnits(qs, valueStart, end, valueFlags)! : src.view(valueStart, end),
            ),
          );
        } else {
          const name = dict !== null && nameFlags === 0
            ? knownName(qs, start, nameEnd, hash)
            : unquoteField(qs.slice(start, nameEnd), nameFlags, encoding, errors);
          const value = unquoteField(qs.slice(valueStart, end), valueFlags, encoding, errors);
          if (dict === null) list.push(new Pair(name, value));
          else {
            const l = dict[name];
            if (l) l.push(value);
            else dict[name] = [value];
          }
        }
      }
    }
    if (end === n) break;
    start = end + sep.length;
  }
}

// parse_qs's names, by a hash of their text: a name seen before is taken from here, neither sliced again nor
// made into a property key again (V8 interns a fresh string used as a key, ~35 ns a name). Short names only.
const NAMES: string[] = new Array(256).fill("");

/** `qs.slice(start, end)`, a plain name whose `hash` the field scan computed, from {@link NAMES} when there. */
function knownName(qs: string, start: number, end: number, hash: number): string {
  const len = end - start;
  if (len > 64) return qs.slice(start, end);
  const slot = (hash ^ len) & 255;
  const seen = NAMES[slot];
  if (seen.length === len && qs.startsWith(seen, start)) return seen;
  return NAMES[slot] = qs.slice(start, end);
}

/** unquote_plus of a query's name or value, `flags` telling whether it holds "%" (1) or "+" (2). */
function unquoteField(s: string, flags: number, encoding: unknown, errors: unknown): string {
  if (flags === 0) return s;
  const t = flags & 2 ? s.replaceAll("+", " ") : s;
  return flags & 1 ? unquoteImpl(t, encoding, errors) : t;
}

/**
 * unquote_to_bytes of the bytes whose Latin-1 text is `s[start:end]`, in one exact-size allocation;
 * `flags` as for {@link unquoteField}: bit 1 decodes `%xx` escapes, bit 2 makes "+" a space first;
 * with bit 4 the text must be ASCII (it is then its own UTF-8), and null says it is not.
 */
function unquoteUnits(s: string, start: number, end: number, flags: number): Bytes | null {
  let escapes = 0;
  if (flags & 5) {
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 && flags & 4) return null;
      if (c === 0x25 && i + 2 < end && hexVal(s.charCodeAt(i + 1)) >= 0 && hexVal(s.charCodeAt(i + 2)) >= 0) {
        escapes++;
        i += 2;
      }
    }
  }
  const out = allocBytes(end - start - 2 * escapes);
  let o = 0;
  for (let i = start; i < end;) {
    const c = s.charCodeAt(i);
    if (c === 0x25 && i + 2 < end) {
      const h = hexVal(s.charCodeAt(i + 1)), l = hexVal(s.charCodeAt(i + 2));
      if (h >= 0 && l >= 0) {
        out[o++] = (h << 4) | l;
        i += 3;
        continue;
      }
    }
    out[o++] = c === 0x2b && flags & 2 ? 0x20 : c;
    i++;
  }
  return out;
}

/** A 2-tuple built without `push` (fast to construct; prints as a tuple). */
class Pair<T> extends Tuple<T> {
  constructor(a: T, b: T) {
    super(2);
    this[0] = a;
    this[1] = b;
  }
}

/**
 * Parse `qs` into `dict` (str input, when given) or `list` (pairs; always for bytes input);
 * returns whether the input was bytes.
 */
function qslImpl(
  qs: unknown,
  keepBlank: unknown,
  strict: unknown,
  encoding: unknown,
  errors: unknown,
  maxNum: unknown,
  separator: unknown,
  list: unknown[],
  dict: Record<string, string[]> | null,
): boolean {
  if (!truthy(separator) || !(typeof separator === "string" || separator instanceof Uint8Array)) {
    throw new ValueError("Separator must be of type string or bytes.");
  }
  let sep: string;
  let isStr: boolean;
  let text: string;
  if (typeof qs === "string") {
    isStr = true;
    sep = typeof separator === "string" ? separator : decode(separator as Uint8Array, "ascii", "strict");
    text = qs;
  } else if (qs === null || qs === undefined) {
    return false;
  } else if (qs instanceof Uint8Array) {
    isStr = false;
    // bytes(separator, 'ascii'), kept as its Latin-1 text; an ASCII str is that text already.
    sep = typeof separator === "string"
      ? isAscii(separator) ? separator : latin1Decode(encode(separator, "ascii", "strict"))
      : latin1Decode(separator as Uint8Array);
    text = latin1Decode(qs);
  } else {
    if (!truthy(qs)) {
      warn(
        `Accepting ${
          typeName(qs)
        } objects with false value in urllib.parse.parse_qsl() is deprecated as of 3.14`,
        DeprecationWarning,
        3, // the caller of parse_qsl() or parse_qs(), as CPython's _stacklevel + 1
      );
      return false;
    }
    throw new TypeError(`memoryview: a bytes-like object is required, not '${typeName(qs)}'`);
  }
  if (!text) return !isStr;
  // A text of n characters has at most n / len(sep) separators: count them only when that could be too many.
  if (maxNum !== null && maxNum !== undefined && !((maxNum as number) >= 1 + text.length / sep.length)) {
    if ((maxNum as number) < 1 + countOf(text, sep)) throw new ValueError("Max number of fields exceeded");
  }
  const src = isStr ? null : copyBytes(qs as Uint8Array);
  qslFields(text, sep, truthy(keepBlank), truthy(strict), src, encoding, errors, list, dict);
  return !isStr;
}

/**
 * Python's `parse_qsl(qs, keep_blank_values=False, strict_parsing=False,
 * encoding='utf-8', errors='replace', max_num_fields=None, separator='&')`:
 * a query string as a list of `(name, value)` tuples, in order.
 *
 * @param qs the query (str or bytes; `null` gives `[]`)
 * @param keep_blank_values keep `a=` and `a` as empty values (default false)
 * @param strict_parsing raise `ValueError` on a field without `=` (default false)
 * @param encoding how to decode escapes (default `'utf-8'`)
 * @param errors the decoding error handler (default `'replace'`)
 * @param max_num_fields the most fields allowed (default `null`: no limit)
 * @param separator the field separator (default `'&'`); any parameter may instead come in a trailing
 *   keywords object, alone or after some positional ones
 * @returns the pairs (bytes pairs for bytes input)
 * @throws ValueError for a bad separator, too many fields, or (strict) a field without `=`
 *
 * @example
 * ```ts
 * import { repr } from "@pyweb/std";
 * import { parse_qsl } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(repr(parse_qsl("a=1&b=x+y&c")), "[('a', '1'), ('b', 'x y')]");
 * assert.equal(repr(parse_qsl("c&d=", { keep_blank_values: true })), "[('c', ''), ('d', '')]");
 * ```
 */
export function parse_qsl(
  qs: string | null,
  keep_blank_values?: unknown,
  strict_parsing?: unknown,
  encoding?: string,
  errors?: string,
  max_num_fields?: number | null,
  separator?: string | Uint8Array,
): [string, string][];
/** The query, then the other parameters by keyword. */
export function parse_qsl(qs: string | null, kwargs: ParseQsOptions): [string, string][];
/** Some parameters by position, the rest by keyword. */
export function parse_qsl(qs: string | null, ...rest: [...unknown[], ParseQsOptions]): [string, string][];
/** Every parameter by keyword. */
export function parse_qsl(kwargs: ParseQsKeywords<string | null>): [string, string][];
/** The bytes form: bytes in, {@link Bytes} out. */
export function parse_qsl(qs: Uint8Array, ...rest: unknown[]): [Bytes, Bytes][];
/** The bytes form, every parameter by keyword. */
export function parse_qsl(kwargs: ParseQsKeywords<Uint8Array>): [Bytes, Bytes][];
/** Either form, for arguments whose types are only known at run time. */
export function parse_qsl(...args: unknown[]): [string, string][] | [Bytes, Bytes][];
export function parse_qsl(...args: unknown[]): [string, string][] | [Bytes, Bytes][] {
  const out: unknown[] = [];
  if (args.length === 1 && (typeof args[0] === "string" || args[0] instanceof Uint8Array)) {
    qslImpl(args[0], false, false, "utf-8", "replace", null, "&", out, null);
  } else {
    const a = PARSE_QSL.values(args);
    qslImpl(a[0], a[1], a[2], a[3], a[4], a[5], a[6], out, null);
  }
  return out as [string, string][];
}

/**
 * Python's `parse_qs(...)` (same arguments as {@link parse_qsl}): a query
 * string as a dict from name to the list of its values.
 *
 * The dict is a null-prototype object in first-seen order, so `__proto__`
 * and `constructor` are ordinary keys. For bytes input the result is a
 * `Map` from {@link Bytes} (one key object per distinct name) to lists of
 * bytes, since bytes cannot be object keys.
 *
 * @param qs the query (str or bytes)
 * @param keep_blank_values keep `a=` and `a` as empty values (default false)
 * @param strict_parsing raise `ValueError` on a field without `=` (default false)
 * @param encoding how to decode escapes (default `'utf-8'`)
 * @param errors the decoding error handler (default `'replace'`)
 * @param max_num_fields the most fields allowed (default `null`: no limit)
 * @param separator the field separator (default `'&'`); any parameter may instead come in a trailing
 *   keywords object, alone or after some positional ones
 * @returns the dict
 *
 * @example
 * ```ts
 * import { repr } from "@pyweb/std";
 * import { parse_qs } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * const d = parse_qs("category=2&kind=patents&kind=x");
 * assert.deepEqual(d["kind"], ["patents", "x"]);
 * assert.equal(repr(d), "{'category': ['2'], 'kind': ['patents', 'x']}");
 * ```
 */
export function parse_qs(
  qs: string | null,
  keep_blank_values?: unknown,
  strict_parsing?: unknown,
  encoding?: string,
  errors?: string,
  max_num_fields?: number | null,
  separator?: string | Uint8Array,
): Record<string, string[]>;
/** The query, then the other parameters by keyword. */
export function parse_qs(qs: string | null, kwargs: ParseQsOptions): Record<string, string[]>;
/** Some parameters by position, the rest by keyword. */
export function parse_qs(
  qs: string | null,
  ...rest: [...unknown[], ParseQsOptions]
): Record<string, string[]>;
/** Every parameter by keyword. */
export function parse_qs(kwargs: ParseQsKeywords<string | null>): Record<string, string[]>;
/** The bytes form: bytes in, {@link Bytes} out. */
export function parse_qs(qs: Uint8Array, ...rest: unknown[]): Map<Bytes, Bytes[]>;
/** The bytes form, every parameter by keyword. */
export function parse_qs(kwargs: ParseQsKeywords<Uint8Array>): Map<Bytes, Bytes[]>;
/** Either form, for arguments whose types are only known at run time. */
export function parse_qs(...args: unknown[]): Record<string, string[]> | Map<Bytes, Bytes[]>;
export function parse_qs(...args: unknown[]): Record<string, string[]> | Map<Bytes, Bytes[]> {
  const dict: Record<string, string[]> = Object.create(null);
  const pairs: Pair<Bytes>[] = [];
  let bytes: boolean;
  if (args.length === 1 && (typeof args[0] === "string" || args[0] instanceof Uint8Array)) {
    bytes = qslImpl(args[0], false, false, "utf-8", "replace", null, "&", pairs, dict);
  } else {
    const a = PARSE_QS.values(args);
    bytes = qslImpl(a[0], a[1], a[2], a[3], a[4], a[5], a[6], pairs, dict);
  }
  if (!bytes) return dict;
  // Bytes keys: one key object per distinct name, in first-seen order.
  const map = new Map<Bytes, Bytes[]>();
  const byName = new Map<string, Bytes[]>();
  for (const [k, v] of pairs) {
    const name = latin1Decode(k);
    const l = byName.get(name);
    if (l) l.push(v);
    else {
      const nl = [v];
      byName.set(name, nl);
      map.set(k, nl);
    }
  }
  return map;
}

/** Keyword arguments of {@link urlencode}. */
export interface UrlencodeOptions {
  /** Expand sequence values into one field each (default `false`). */
  doseq?: boolean;
  /** Passed to `quote_via` (default `''`). */
  safe?: string | Uint8Array;
  /** Passed to `quote_via` for str parts. */
  encoding?: string | null;
  /** Passed to `quote_via` for str parts. */
  errors?: string | null;
  /** The quoting function (default {@link quote_plus}; {@link quote} keeps spaces as `%20`). */
  quote_via?: (...args: never[]) => string;
}

const NOT_SEQ = "not a valid non-string sequence or mapping object";

/** Python's `len(v)` succeeds: doseq's test for a sequence (str and bytes are handled before). */
function isSized(v: unknown): boolean {
  if (v === null || typeof v !== "object") return false;
  if (Array.isArray(v) || v instanceof NamedTuple || v instanceof Set || v instanceof Map || isDict(v)) {
    return true;
  }
  try {
    len(v);
    return true;
  } catch (e) {
    if (e instanceof TypeError) return false;
    throw e;
  }
}

function iterValues(v: unknown): Iterable<unknown> {
  if (v instanceof Map) return v.keys();
  return iter(v);
}

/** Is `x` a tuple to Python (`isinstance(query[0], tuple)`); arrays count, as pairs. */
function isPairLike(x: unknown): boolean {
  return Array.isArray(x) || x instanceof NamedTuple;
}

/** Every parameter of {@link urlencode} by keyword (pass it through `kw()`). */
export interface UrlencodeKeywords extends UrlencodeOptions {
  /** The dict or the sequence of pairs. */
  query: unknown;
}

const URLENCODE = new Signature<{
  query: unknown;
  doseq: unknown;
  safe: unknown;
  encoding: unknown;
  errors: unknown;
  quote_via: unknown;
}>(
  "urlencode",
  ["query", "doseq", "safe", "encoding", "errors", "quote_via"],
  { doseq: false, safe: "", encoding: null, errors: null, quote_via: quote_plus },
  ["query"],
);

/**
 * Python's `urlencode(query, doseq=False, safe='', encoding=None,
 * errors=None, quote_via=quote_plus)`: a dict (object or `Map`) or a list
 * of pairs as a query string.
 *
 * @param query an object, a `Map`, or an array of `[key, value]` pairs
 * @param doseq expand sequence values into one field each (default false)
 * @param safe passed to `quote_via` (default `''`)
 * @param encoding passed to `quote_via` for str parts (default `null`)
 * @param errors passed to `quote_via` for str parts (default `null`)
 * @param quote_via the quoting function (default {@link quote_plus}); the parameters after `query` may come
 *   in a trailing keywords object (`urlencode(q, { doseq: true })`); all of them by keyword need
 *   `kw()`, since a plain object alone is the query
 * @returns the query string
 * @throws TypeError when `query` is neither a mapping nor a sequence of pairs
 *
 * @example
 * ```ts
 * import { kw } from "@pyweb/std";
 * import { quote, urlencode } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(urlencode({ "@number": 1234, "@type": "issue" }), "%40number=1234&%40type=issue");
 * assert.equal(urlencode([["a", ["1", "2"]]], { doseq: true }), "a=1&a=2");
 * assert.equal(urlencode({ q: "a b" }, { quote_via: quote }), "q=a%20b");
 * assert.equal(urlencode(kw({ query: { a: [1, 2] }, doseq: true })), "a=1&a=2");
 * ```
 */
export function urlencode(
  query: unknown,
  doseq?: unknown,
  safe?: string | Uint8Array,
  encoding?: string | null,
  errors?: string | null,
  quote_via?: UrlencodeOptions["quote_via"],
): string;
/** The query, then the other parameters by keyword. */
export function urlencode(query: unknown, kwargs: UrlencodeOptions): string;
/** Some parameters by position, the rest by keyword. */
export function urlencode(query: unknown, ...rest: [...unknown[], UrlencodeOptions]): string;
export function urlencode(...args: unknown[]): string {
  const q = args[0];
  if (args.length === 1 && q !== undefined && !isMarkedKeywords(q)) {
    return urlencodeImpl(q, false, "", null, null, quote_plus);
  }
  const a = URLENCODE.values(args);
  return urlencodeImpl(a[0], a[1], a[2], a[3], a[4], a[5]);
}

/** urlencode's `quote_via(str(x), safe, encoding, errors)` (bytes: `quote_via(x, safe)`). */
function quotePart(x: unknown, quoteVia: unknown, safe: unknown, encoding: unknown, errors: unknown): string {
  // Our own quote_plus and quote are called without binding their arguments again.
  if (quoteVia === quote_plus || quoteVia === quote) {
    const plus = quoteVia === quote_plus;
    if (x instanceof Uint8Array) {
      return plus ? quotePlusImpl(x, safe, null, null) : quoteImpl(x, safe, null, null);
    }
    const s = typeof x === "string" ? x : pyStr(x);
    return plus ? quotePlusImpl(s, safe, encoding, errors) : quoteImpl(s, safe, encoding, errors);
  }
  const qv = quoteVia as (...a: unknown[]) => string;
  return x instanceof Uint8Array ? qv(x, safe) : qv(pyStr(x), safe, encoding, errors);
}

function urlencodeImpl(
  query: unknown,
  doseq: unknown,
  safe: unknown,
  encoding: unknown,
  errors: unknown,
  quoteVia: unknown,
): string {
  let items: unknown[];
  let dictKeys: string[] | null = null;
  let itemsOf: unknown;
  if (Array.isArray(query)) {
    if (query.length && !isPairLike(query[0])) throw new TypeError(NOT_SEQ);
    items = query;
  } else if (isDict(query)) {
    dictKeys = Object.keys(query);
    items = dictKeys;
  } else if (query instanceof Map) items = [...query.entries()];
  else if (typeof (itemsOf = (query as { items?: unknown } | null)?.items) === "function") {
    // hasattr(query, "items"): a mapping class of ours or the user's.
    items = [...iter(itemsOf.call(query))];
  } else if (typeof query === "string" || query instanceof Uint8Array) {
    if (query.length) throw new TypeError(NOT_SEQ);
    items = [];
  } else if (query instanceof NamedTuple) {
    items = [...query];
    if (items.length && !isPairLike(items[0])) throw new TypeError(NOT_SEQ);
  } else if (query instanceof Set) {
    if (query.size) throw new TypeError(NOT_SEQ);
    items = [];
  } else if (
    query !== null && typeof query === "object" &&
    typeof (query as Record<string, unknown>).__len__ === "function"
  ) {
    // A user's sequence: len(query), then query[0] must be a tuple.
    if (len(query) === 0) items = [];
    else {
      items = [...iter(query)];
      if (!isPairLike(items[0])) throw new TypeError(NOT_SEQ);
    }
  } else throw new TypeError(NOT_SEQ);
  const doSeq = truthy(doseq);
  let out = "";
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let k0: unknown, v: unknown;
    if (dictKeys !== null) {
      k0 = item;
      v = (query as Record<string, unknown>)[item as string];
    } else if (Array.isArray(item) && item.length === 2) {
      k0 = item[0];
      v = item[1];
    } else [k0, v] = unpack(item, 2);
    const k = quotePart(k0, quoteVia, safe, encoding, errors);
    if (!doSeq || typeof v === "string" || v instanceof Uint8Array || !isSized(v)) {
      out += (out ? "&" : "") + k + "=" + quotePart(v, quoteVia, safe, encoding, errors);
    } else {
      for (const elt of iterValues(v)) {
        out += (out ? "&" : "") + k + "=" + quotePart(elt, quoteVia, safe, encoding, errors);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Miscellany

const UNWRAP = new Signature<{ url: unknown }>("unwrap", ["url"]);

/**
 * Python's `unwrap(url)`: `'<URL:scheme://host/path>'` → `'scheme://host/path'`.
 *
 * @param url the possibly wrapped URL
 * @returns the URL without `<`, `>` and `URL:`
 *
 * @example
 * ```ts
 * import { unwrap } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * assert.equal(unwrap("<URL:type://host/path>"), "type://host/path");
 * ```
 */
export function unwrap(url: unknown): string;
/** The URL by keyword. */
export function unwrap(kwargs: { url: unknown }): string;
export function unwrap(first?: unknown): string {
  // A lone str skips plainCall()'s keywords test: it is the call unwrap() almost always gets, and then no
  // argument array is made (V8 makes a rest parameter on every call unless the call is inlined).
  let url = first;
  if (arguments.length !== 1 || typeof first !== "string") {
    const args = Array.prototype.slice.call(arguments);
    if (!plainCall(args, 1, 1)) url = UNWRAP.bind(args).url;
  }
  const u = typeof url === "string" ? url : pyStr(url);
  // url.strip(), then url[1:-1].strip() and url[4:].strip() as bounds into u, sliced once.
  let a = 0, b = u.length;
  while (a < b && isPySpace(u.charCodeAt(a))) a++;
  while (b > a && isPySpace(u.charCodeAt(b - 1))) b--;
  if (b - a >= 2 && u.charCodeAt(a) === 0x3c && u.charCodeAt(b - 1) === 0x3e) {
    a++, b--;
    while (a < b && isPySpace(u.charCodeAt(a))) a++;
    while (b > a && isPySpace(u.charCodeAt(b - 1))) b--;
  }
  if (
    b - a >= 4 && u.charCodeAt(a) === 0x55 && u.charCodeAt(a + 1) === 0x52 && u.charCodeAt(a + 2) === 0x4c &&
    u.charCodeAt(a + 3) === 0x3a
  ) {
    a += 4;
    while (a < b && isPySpace(u.charCodeAt(a))) a++;
  }
  return a === 0 && b === u.length ? u : u.slice(a, b);
}

/**
 * Python's `clear_cache()`: drop the internal caches (here, the quoting
 * tables built for custom `safe` values).
 *
 * @example
 * ```ts
 * import { clear_cache, quote } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * quote("a:b", ":");
 * clear_cache();
 * assert.equal(quote("a:b", ":"), "a:b");
 * ```
 */
export function clear_cache(): void {
  strTables.clear();
  byteTables.clear();
}

// ---------------------------------------------------------------------------
// The helpers deprecated since 3.8: each warns, then calls CPython's private `_split*` (exported too, as
// CPython's tests and urllib.request use them).

import {
  _splitattr,
  _splithost,
  _splitnport,
  _splitpasswd,
  _splitport,
  _splitquery,
  _splittag,
  _splittype,
  _splituser,
  _splitvalue,
  _to_bytes,
} from "./_split.ts";

export {
  _splitattr,
  _splithost,
  _splitnport,
  _splitpasswd,
  _splitport,
  _splitquery,
  _splittag,
  _splittype,
  _splituser,
  _splitvalue,
  _to_bytes,
};

/** Warn as CPython's deprecated helpers do, blaming the caller of the public function. */
function deprecated(name: string, instead: string | null = "urllib.parse.urlparse()"): void {
  warn(
    `urllib.parse.${name}() is deprecated as of 3.8` + (instead ? `, use ${instead} instead` : ""),
    DeprecationWarning,
    3,
  );
}

const SPLIT_URL = (name: string) => new Signature<{ url: string }>(name, ["url"]);
const SPLITTYPE = SPLIT_URL("splittype");
const SPLITHOST = SPLIT_URL("splithost");
const SPLITQUERY = SPLIT_URL("splitquery");
const SPLITTAG = SPLIT_URL("splittag");
const SPLITATTR = SPLIT_URL("splitattr");
const TO_BYTES = SPLIT_URL("to_bytes");
const SPLITUSER = new Signature<{ host: string }>("splituser", ["host"]);
const SPLITPORT = new Signature<{ host: string }>("splitport", ["host"]);
const SPLITNPORT = new Signature<{ host: string; defport: number | null }>(
  "splitnport",
  ["host", "defport"],
  {
    defport: -1,
  },
);
const SPLITPASSWD = new Signature<{ user: string }>("splitpasswd", ["user"]);
const SPLITVALUE = new Signature<{ attr: string }>("splitvalue", ["attr"]);

/**
 * Python's deprecated `splittype(url)`: `'type:opaquestring'` → `('type', 'opaquestring')`. Warns
 * `DeprecationWarning`; use {@link urlparse}.
 *
 * @param url the URL
 * @returns the lower-cased scheme (or `null`) and the rest
 *
 * @example
 * ```ts
 * import { catch_warnings } from "@pyweb/std/warnings";
 * import { splittype } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * using _w = catch_warnings({ action: "ignore" });
 * assert.deepEqual([...splittype("HTTP:x")], ["http", "x"]);
 * ```
 */
export function splittype(url: string): Tuple<string | null>;
/** The URL by keyword. */
export function splittype(kwargs: { url: string }): Tuple<string | null>;
export function splittype(...args: unknown[]): Tuple<string | null> {
  const { url } = SPLITTYPE.bind(args);
  deprecated("splittype");
  return _splittype(url);
}

/**
 * Python's deprecated `splithost(url)`: `'//host[:port]/path'` → `('host[:port]', '/path')`. Warns
 * `DeprecationWarning`; use {@link urlparse}.
 *
 * @param url the URL after its scheme
 * @returns the host (or `null`) and the path
 *
 * @example
 * ```ts
 * import { catch_warnings } from "@pyweb/std/warnings";
 * import { splithost } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * using _w = catch_warnings({ action: "ignore" });
 * assert.deepEqual([...splithost("//h:80/p")], ["h:80", "/p"]);
 * ```
 */
export function splithost(url: string): Tuple<string | null>;
/** The URL by keyword. */
export function splithost(kwargs: { url: string }): Tuple<string | null>;
export function splithost(...args: unknown[]): Tuple<string | null> {
  const { url } = SPLITHOST.bind(args);
  deprecated("splithost");
  return _splithost(url);
}

/**
 * Python's deprecated `splituser(host)`: `'user:pw@host'` → `('user:pw', 'host')`. Warns
 * `DeprecationWarning`; use {@link urlparse}.
 *
 * @param host the network location
 * @returns the user info (or `null`) and the host
 *
 * @example
 * ```ts
 * import { catch_warnings } from "@pyweb/std/warnings";
 * import { splituser } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * using _w = catch_warnings({ action: "ignore" });
 * assert.deepEqual([...splituser("u:p@h")], ["u:p", "h"]);
 * ```
 */
export function splituser(host: string): Tuple<string | null>;
/** The host by keyword. */
export function splituser(kwargs: { host: string }): Tuple<string | null>;
export function splituser(...args: unknown[]): Tuple<string | null> {
  const { host } = SPLITUSER.bind(args);
  deprecated("splituser");
  return _splituser(host);
}

/**
 * Python's deprecated `splitpasswd(user)`: `'user:passwd'` → `('user', 'passwd')`. Warns
 * `DeprecationWarning`; use {@link urlparse}.
 *
 * @param user the user info
 * @returns the user and the password (or `null`)
 *
 * @example
 * ```ts
 * import { catch_warnings } from "@pyweb/std/warnings";
 * import { splitpasswd } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * using _w = catch_warnings({ action: "ignore" });
 * assert.deepEqual([...splitpasswd("u:p")], ["u", "p"]);
 * ```
 */
export function splitpasswd(user: string): Tuple<string | null>;
/** The user by keyword. */
export function splitpasswd(kwargs: { user: string }): Tuple<string | null>;
export function splitpasswd(...args: unknown[]): Tuple<string | null> {
  const { user } = SPLITPASSWD.bind(args);
  deprecated("splitpasswd");
  return _splitpasswd(user);
}

/**
 * Python's deprecated `splitport(host)`: `'host:port'` → `('host', 'port')`. Warns `DeprecationWarning`;
 * use {@link urlparse}.
 *
 * @param host the host and port
 * @returns the host and the port string (or `null`)
 *
 * @example
 * ```ts
 * import { catch_warnings } from "@pyweb/std/warnings";
 * import { splitport } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * using _w = catch_warnings({ action: "ignore" });
 * assert.deepEqual([...splitport("h:80")], ["h", "80"]);
 * ```
 */
export function splitport(host: string): Tuple<string | null>;
/** The host by keyword. */
export function splitport(kwargs: { host: string }): Tuple<string | null>;
export function splitport(...args: unknown[]): Tuple<string | null> {
  const { host } = SPLITPORT.bind(args);
  deprecated("splitport");
  return _splitport(host);
}

/**
 * Python's deprecated `splitnport(host, defport=-1)`: `'host:port'` → `('host', port)` with a numeric port.
 * Warns `DeprecationWarning`; use {@link urlparse}.
 *
 * @param host the host and port
 * @param defport the port when there is none (default -1)
 * @returns the host and the port (`null` when it is not a number)
 *
 * @example
 * ```ts
 * import { catch_warnings } from "@pyweb/std/warnings";
 * import { splitnport } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * using _w = catch_warnings({ action: "ignore" });
 * assert.deepEqual([...splitnport("h:80")], ["h", 80]);
 * ```
 */
export function splitnport(host: string, defport?: number | null): Tuple<string | number | null>;
/** Some arguments by keyword. */
export function splitnport(host: string, kwargs: { defport?: number | null }): Tuple<string | number | null>;
/** Every argument by keyword. */
export function splitnport(kwargs: { host: string; defport?: number | null }): Tuple<string | number | null>;
export function splitnport(...args: unknown[]): Tuple<string | number | null> {
  const { host, defport } = SPLITNPORT.bind(args);
  deprecated("splitnport");
  return _splitnport(host, defport);
}

/**
 * Python's deprecated `splitquery(url)`: `'/path?query'` → `('/path', 'query')`. Warns
 * `DeprecationWarning`; use {@link urlparse}.
 *
 * @param url the URL
 * @returns the URL before the last `?` and the query (or `null`)
 *
 * @example
 * ```ts
 * import { catch_warnings } from "@pyweb/std/warnings";
 * import { splitquery } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * using _w = catch_warnings({ action: "ignore" });
 * assert.deepEqual([...splitquery("/p?q")], ["/p", "q"]);
 * ```
 */
export function splitquery(url: string): Tuple<string | null>;
/** The URL by keyword. */
export function splitquery(kwargs: { url: string }): Tuple<string | null>;
export function splitquery(...args: unknown[]): Tuple<string | null> {
  const { url } = SPLITQUERY.bind(args);
  deprecated("splitquery");
  return _splitquery(url);
}

/**
 * Python's deprecated `splittag(url)`: `'/path#tag'` → `('/path', 'tag')`. Warns `DeprecationWarning`;
 * use {@link urlparse}.
 *
 * @param url the URL
 * @returns the URL before the last `#` and the fragment (or `null`)
 *
 * @example
 * ```ts
 * import { catch_warnings } from "@pyweb/std/warnings";
 * import { splittag } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * using _w = catch_warnings({ action: "ignore" });
 * assert.deepEqual([...splittag("/p#t")], ["/p", "t"]);
 * ```
 */
export function splittag(url: string): Tuple<string | null>;
/** The URL by keyword. */
export function splittag(kwargs: { url: string }): Tuple<string | null>;
export function splittag(...args: unknown[]): Tuple<string | null> {
  const { url } = SPLITTAG.bind(args);
  deprecated("splittag");
  return _splittag(url);
}

/**
 * Python's deprecated `splitattr(url)`: `'/path;a=1;b=2'` → `('/path', ['a=1', 'b=2'])`. Warns
 * `DeprecationWarning`; use {@link urlparse}.
 *
 * @param url the URL
 * @returns the part before the first `;` and the list of the others
 *
 * @example
 * ```ts
 * import { catch_warnings } from "@pyweb/std/warnings";
 * import { splitattr } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * using _w = catch_warnings({ action: "ignore" });
 * assert.deepEqual([...splitattr("/p;a=1")], ["/p", ["a=1"]]);
 * ```
 */
export function splitattr(url: string): Tuple<string | string[]>;
/** The URL by keyword. */
export function splitattr(kwargs: { url: string }): Tuple<string | string[]>;
export function splitattr(...args: unknown[]): Tuple<string | string[]> {
  const { url } = SPLITATTR.bind(args);
  deprecated("splitattr");
  return _splitattr(url);
}

/**
 * Python's deprecated `splitvalue(attr)`: `'attr=value'` → `('attr', 'value')`. Warns
 * `DeprecationWarning`; use {@link parse_qsl}.
 *
 * @param attr the attribute
 * @returns the name and the value (or `null`)
 *
 * @example
 * ```ts
 * import { catch_warnings } from "@pyweb/std/warnings";
 * import { splitvalue } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * using _w = catch_warnings({ action: "ignore" });
 * assert.deepEqual([...splitvalue("a=1")], ["a", "1"]);
 * ```
 */
export function splitvalue(attr: string): Tuple<string | null>;
/** The attribute by keyword. */
export function splitvalue(kwargs: { attr: string }): Tuple<string | null>;
export function splitvalue(...args: unknown[]): Tuple<string | null> {
  const { attr } = SPLITVALUE.bind(args);
  deprecated("splitvalue", "urllib.parse.parse_qsl()");
  return _splitvalue(attr);
}

/**
 * Python's deprecated `to_bytes(url)`: a str URL is returned as it is if it is ASCII, else `UnicodeError`.
 * Warns `DeprecationWarning`.
 *
 * @param url the URL
 * @returns the same URL
 *
 * @example
 * ```ts
 * import { catch_warnings } from "@pyweb/std/warnings";
 * import { to_bytes } from "@pyweb/std/urllib/parse";
 * import assert from "node:assert/strict";
 * using _w = catch_warnings({ action: "ignore" });
 * assert.equal(to_bytes("http://x/"), "http://x/");
 * ```
 */
export function to_bytes<T>(url: T): T;
/** The URL by keyword. */
export function to_bytes<T>(kwargs: { url: T }): T;
export function to_bytes(...args: unknown[]): unknown {
  const { url } = TO_BYTES.bind(args);
  deprecated("to_bytes", null);
  return _to_bytes(url);
}

/** Python's `urllib.parse.__all__`: the names `from urllib.parse import *` imports. */
export const __all__: string[] = [
  "urlparse",
  "urlunparse",
  "urljoin",
  "urldefrag",
  "urlsplit",
  "urlunsplit",
  "urlencode",
  "parse_qs",
  "parse_qsl",
  "quote",
  "quote_plus",
  "quote_from_bytes",
  "unquote",
  "unquote_plus",
  "unquote_to_bytes",
  "DefragResult",
  "ParseResult",
  "SplitResult",
  "DefragResultBytes",
  "ParseResultBytes",
  "SplitResultBytes",
];
