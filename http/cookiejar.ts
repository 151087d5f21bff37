/**
 * Python's `http.cookiejar`: client-side cookie handling — `CookieJar`,
 * the `DefaultCookiePolicy` rules for Netscape, RFC 2109 and RFC 2965
 * cookies, `MozillaCookieJar` and `LWPCookieJar` files (byte-compatible with
 * CPython's), and the date and header helpers (`http2time`, `iso2time`,
 * `split_header_words`, …), with CPython 3.14's behaviour and its security
 * fixes (domain and path matching, linear-time date parsing).
 *
 * ```python
 * import urllib.request
 * from http.cookiejar import MozillaCookieJar, DefaultCookiePolicy
 * jar = MozillaCookieJar("cookies.txt", policy=DefaultCookiePolicy(blocked_domains=[".ads.example"]))
 * opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
 * opener.open("http://127.0.0.1:8000/cookie")   # Set-Cookie → jar, jar → Cookie
 * jar.save(ignore_discard=True)
 * ```
 *
 * ```ts
 * import { DefaultCookiePolicy, MozillaCookieJar } from "@pyweb/std/http/cookiejar";
 * import { Request } from "@pyweb/std/urllib/request";
 * import { HTTPMessage } from "@pyweb/std/http/client";
 * import assert from "node:assert/strict";
 * const path = await Deno.makeTempFile();
 * const jar = new MozillaCookieJar(path, { policy: new DefaultCookiePolicy({ blocked_domains: [".ads.example"] }) });
 * const headers = new HTTPMessage();
 * headers.set("Set-Cookie", "visits=1; Path=/");
 * jar.extract_cookies({ info: () => headers }, new Request("http://127.0.0.1:8000/cookie"));
 * const next = new Request("http://127.0.0.1:8000/cookie");
 * jar.add_cookie_header(next);
 * assert.equal(next.get_header("Cookie"), "visits=1");
 * await jar.save({ ignore_discard: true });
 * assert.ok((await Deno.readTextFile(path)).endsWith("127.0.0.1\tFALSE\t/\tFALSE\t\tvisits\t1\n"));
 * await Deno.remove(path);
 * ```
 *
 * The jar works with any request object shaped like `urllib.request.Request`
 * ({@link CookieRequest}) and any response whose `info()` returns an
 * `HTTPMessage` ({@link CookieResponse}). File I/O is async:
 * `await jar.save(filename, { ignore_discard: true })`, `await jar.load()`.
 *
 * @module
 */

import { warn } from "../warnings.ts";
import { formatException } from "../_util/traceback.ts";
import { urlsplit } from "../urllib/parse.ts";
import {
  AssertionError,
  AttributeError,
  Exception,
  fromDenoError,
  KeyError,
  NotImplementedError as NotImplementedErrorClass,
  OSError,
  TypeError as TypeErrorPy,
  ValueError,
} from "../_util/exceptions.ts";
import { isMarkedKeywords, type Keywords, Signature } from "../_util/signature.ts";
import { isDict, iter, truthy, typeName } from "../_util/builtins.ts";
import { classAttrs } from "../_util/classattrs.ts";
import { decode, encode } from "../_util/codecs.ts";
import { pyrepr, pystr, repr, showAsRepr, str, Tuple, tuple } from "../_util/repr.ts";
import {
  cutPort,
  DAYS,
  domain_match,
  domain_matchImpl,
  endsLikeIPv4,
  escape_path,
  escape_pathImpl,
  http2time,
  is_HDN,
  iso2time,
  iso2timeImpl,
  join_header_words,
  join_header_wordsImpl,
  liberal_is_HDN,
  MONTHS,
  MONTHS_LOWER,
  offset_from_tz_string,
  pair,
  parse_ns_headers,
  parse_ns_headersImpl,
  pyFloat,
  pyInt,
  pySpace,
  pyStrip,
  reach,
  reachImpl,
  split_header_words,
  split_header_wordsImpl,
  STRICT_DATE_RE,
  strip_quotes,
  time2isoz,
  time2isozImpl,
  time2netscape,
  user_domain_match,
  user_domain_matchImpl,
} from "./_cookiejar_util.ts";

/**
 * CPython's `_warn_unhandled_exception()`: a catch-all `except:` of this module
 * warns "http.cookiejar bug!" with the traceback (a `UserWarning`, stacklevel 2).
 */
function warnUnhandledException(e: unknown): void {
  warn(`http.cookiejar bug!\n${formatException(e)}`, null, 2);
}

export {
  domain_match,
  escape_path,
  http2time,
  is_HDN,
  iso2time,
  join_header_words,
  liberal_is_HDN,
  offset_from_tz_string,
  parse_ns_headers,
  reach,
  split_header_words,
  strip_quotes,
  time2isoz,
  time2netscape,
  user_domain_match,
};
export type { HeaderPair, NsPair } from "./_cookiejar_util.ts";
export { DAYS, MONTHS, MONTHS_LOWER, STRICT_DATE_RE };

// ---------------------------------------------------------------------------
// Module constants (CPython's names). The `*_RE` patterns are JavaScript
// RegExps of CPython's patterns (`$` also before a final newline, as Python's);
// the jar itself parses with linear-time scanners that pick the same matches.

/** `http.cookiejar.HTTPONLY_ATTR`: the non-standard attribute MozillaCookieJar writes as `#HttpOnly_`. */
export const HTTPONLY_ATTR = "HTTPOnly";
/** `http.cookiejar.HTTPONLY_PREFIX`: the `cookies.txt` line prefix of an HttpOnly cookie. */
export const HTTPONLY_PREFIX = "#HttpOnly_";
/** `http.cookiejar.DEFAULT_HTTP_PORT`: `str(http.client.HTTP_PORT)`. */
export const DEFAULT_HTTP_PORT = "80";
/** `http.cookiejar.NETSCAPE_MAGIC_RGX`: the first line of a `cookies.txt` file (matched at its start). */
export const NETSCAPE_MAGIC_RGX: RegExp = /#( Netscape)? HTTP Cookie File/;
/** `http.cookiejar.MISSING_FILENAME_TEXT`: the ValueError when no file name is known. */
export const MISSING_FILENAME_TEXT =
  "a filename was not supplied (nor was the CookieJar instance initialised with one)";
/** `http.cookiejar.NETSCAPE_HEADER_TEXT`: the head of a saved `cookies.txt`. */
export const NETSCAPE_HEADER_TEXT: string = "# Netscape HTTP Cookie File\n" +
  "# http://curl.haxx.se/rfc/cookie_spec.html\n" +
  "# This is a generated file!  Do not edit.\n\n";
/** `http.cookiejar.EPOCH_YEAR`. */
export const EPOCH_YEAR = 1970;
/** `http.cookiejar.UTC_ZONES`: the zone names read as UTC (a dict of `None`s). */
export const UTC_ZONES: Record<string, null> = Object.assign(Object.create(null), {
  GMT: null,
  UTC: null,
  UT: null,
  Z: null,
});
/** `http.cookiejar.TIMEZONE_RE`. */
export const TIMEZONE_RE: RegExp = /^([-+])?(\d\d?):?(\d\d)?\n?$/;
/** `http.cookiejar.WEEKDAY_RE` (case-insensitive). */
export const WEEKDAY_RE: RegExp = /^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*,?\s*/i;
/** `http.cookiejar.LOOSE_HTTP_DATE_RE`. */
export const LOOSE_HTTP_DATE_RE: RegExp = new RegExp(
  String.raw`^(\d\d?)(?:\s+|[-\/])(\w+)(?:\s+|[-\/])(\d+)(?:(?:\s+|:)(\d\d?):(\d\d)(?::(\d\d))?)?\s*` +
    String.raw`(?:([-+]?\d{2,4}|(?![APap][Mm]\b)[A-Za-z]+)\s*)?(?:\(\w+\)\s*)?\n?$`,
);
/** `http.cookiejar.ISO_DATE_RE`. */
export const ISO_DATE_RE: RegExp = new RegExp(
  String.raw`^(\d{4})[-\/]?(\d\d?)[-\/]?(\d\d?)(?:(?:\s+|[-:Tt])(\d\d?):?(\d\d)(?::?(\d\d(?:\.\d*)?))?)?\s*` +
    String.raw`(?:([-+]?\d\d?:?(:?\d\d)?|Z|z)\s*)?\n?$`,
);
/** `http.cookiejar.HEADER_TOKEN_RE`. */
export const HEADER_TOKEN_RE: RegExp = /^\s*([^=\s;,]+)/;
/** `http.cookiejar.HEADER_QUOTED_VALUE_RE`. */
export const HEADER_QUOTED_VALUE_RE: RegExp = /^\s*=\s*"([^"\\]*(?:\\.[^"\\]*)*)"/;
/** `http.cookiejar.HEADER_VALUE_RE`. */
export const HEADER_VALUE_RE: RegExp = /^\s*=\s*([^\s;,]*)/;
/** `http.cookiejar.HEADER_ESCAPE_RE`. */
export const HEADER_ESCAPE_RE: RegExp = /\\(.)/;
/** `http.cookiejar.HEADER_JOIN_TOKEN_RE`. */
export const HEADER_JOIN_TOKEN_RE: RegExp = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;
/** `http.cookiejar.HEADER_JOIN_ESCAPE_RE`. */
export const HEADER_JOIN_ESCAPE_RE: RegExp = /(["\\])/;
/** `http.cookiejar.IPV4_RE`: a host ending like an IPv4 address. */
export const IPV4_RE: RegExp = /\.\d+\n?$/;
/** `http.cookiejar.cut_port_re`. */
export const cut_port_re: RegExp = /:\d+\n?$/;
/** `http.cookiejar.HTTP_PATH_SAFE`: what `escape_path` leaves unquoted. */
export const HTTP_PATH_SAFE = "%/;:@&=+$,!~*'()";
/** `http.cookiejar.ESCAPED_CHAR_RE`. */
export const ESCAPED_CHAR_RE: RegExp = /%([0-9a-fA-F][0-9a-fA-F])/;

const TIMEGM = new Signature<{ tuple: ArrayLike<number> }>("timegm", ["tuple"]);

/**
 * `calendar.timegm(tuple)`, which CPython's `http.cookiejar` imports: the
 * seconds since the epoch of a UTC `(year, month, day, hour, minute, second)`.
 *
 * @param tuple the time tuple (items past the sixth are ignored)
 * @returns the POSIX timestamp
 * @example
 * ```ts
 * import { timegm } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(timegm([2020, 2, 30, 0, 0, 0]), 1583020800);
 * ```
 */
export function timegm(tuple: ArrayLike<number>): number;
/** The same call, with Python's keyword arguments in a trailing object. */
export function timegm(kwargs: { tuple: ArrayLike<number> }): number;
export function timegm(...args: unknown[]): number {
  const { tuple: tt } = TIMEGM.bind(args);
  const items = Array.from(tt);
  if (items.length < 6) throw new ValueError(`not enough values to unpack (expected 6, got ${items.length})`);
  const [year, month, day, hour, minute, second] = items;
  if (!(month >= 1 && month <= 12)) throw new ValueError("month must be in 1..12");
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, 1);
  const days = Math.round(d.getTime() / 86400000) + day - 1;
  return ((days * 24 + hour) * 60 + minute) * 60 + second;
}

const UNMATCHED = new Signature<{ match: RegExpExecArray }>("unmatched", ["match"]);

/**
 * Python's `http.cookiejar.unmatched(match)`: the matched string without the
 * matched part.
 *
 * @param match a match (`RegExp.prototype.exec`'s result)
 * @returns `match.string[:start] + match.string[end:]`
 * @example
 * ```ts
 * import { unmatched } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(unmatched(/b+/.exec("abbc")!), "ac");
 * ```
 */
export function unmatched(match: RegExpExecArray): string;
/** The same call, with Python's keyword arguments in a trailing object. */
export function unmatched(kwargs: { match: RegExpExecArray }): string;
export function unmatched(...args: unknown[]): string {
  const { match } = UNMATCHED.bind(args);
  const start = match.index;
  return match.input.slice(0, start) + match.input.slice(start + match[0].length);
}

const UPPERCASE_ESCAPED_CHAR = new Signature<{ match: RegExpExecArray }>("uppercase_escaped_char", ["match"]);

/**
 * Python's `http.cookiejar.uppercase_escaped_char(match)`: `%` and the
 * match's first group upper-cased (`escape_path`'s replacement).
 *
 * @param match a match of {@link ESCAPED_CHAR_RE}
 * @returns the upper-cased escape
 * @example
 * ```ts
 * import { ESCAPED_CHAR_RE, uppercase_escaped_char } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.equal(uppercase_escaped_char(ESCAPED_CHAR_RE.exec("a%7ec")!), "%7E");
 * ```
 */
export function uppercase_escaped_char(match: RegExpExecArray): string;
/** The same call, with Python's keyword arguments in a trailing object. */
export function uppercase_escaped_char(kwargs: { match: RegExpExecArray }): string;
export function uppercase_escaped_char(...args: unknown[]): string {
  const { match } = UPPERCASE_ESCAPED_CHAR.bind(args);
  return "%" + match[1].toUpperCase();
}

// ---------------------------------------------------------------------------
// The request and response shapes the jar uses

/**
 * What the jar needs of a request: the `urllib.request.Request` interface
 * (our `Request` satisfies it; so does any object with these members).
 */
export interface CookieRequest {
  /** The absolute URL (`Request.full_url`). */
  get_full_url(): string;
  /** `host[:port]` of the URL (`Request.host`); `null` counts as no port. */
  readonly host: string | null;
  /** The URL scheme, e.g. `"https"` (`Request.type`). */
  readonly type: string;
  /** Whether the user did not ask for this request (RFC 2965 unverifiable). */
  readonly unverifiable: boolean;
  /** Host of the originating request (RFC 2965 request-host of the origin). */
  readonly origin_req_host: string;
  /** Whether the request has a header (normal or unredirected). */
  has_header(header_name: string): boolean;
  /** A header's value, or `default_` (the jar asks for `"Host"` when the URL has none). */
  get_header(header_name: string, default_?: string | null): string | null;
  /** The request's headers as pairs (not used by the jar; part of the Request shape). */
  header_items?(): Iterable<readonly string[]>;
  /** Add a header that is not passed on to redirects (`Cookie`, `Cookie2`). */
  add_unredirected_header(key: string, val: string): void;
}

/** The headers object a {@link CookieResponse} returns: an `HTTPMessage` or anything with `get_all`. */
export interface CookieHeaders {
  /** Every value of a header, or `failobj` when there is none. */
  get_all(name: string, failobj: string[]): string[] | null;
}

/** What the jar needs of a response: `info()` returning its headers (an `HTTPMessage`). */
export interface CookieResponse {
  /** The response headers. */
  info(): CookieHeaders;
}

// ---------------------------------------------------------------------------
// Request helpers

const REQUEST_HOST = new Signature<{ request: CookieRequest }>("request_host", ["request"], {}, ["request"]);

/**
 * Python's `http.cookiejar.request_host(request)`: the lower-cased host of
 * the request URL (or its `Host` header), without the port.
 *
 * @param request the request
 * @returns the request-host
 * @example
 * ```ts
 * import { eff_request_host, is_third_party, request_host, request_path, request_port } from "@pyweb/std/http/cookiejar";
 * import { Request } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const req = new Request("http://WWW.Example.com:8080/a b/c?q=1");
 * assert.equal(request_host(req), "www.example.com");
 * ```
 */
export function request_host(request: CookieRequest): string;
/** The same call, with Python's keyword arguments in a trailing object. */
export function request_host(kwargs: { request: CookieRequest }): string;
export function request_host(...args: unknown[]): string {
  const { request } = REQUEST_HOST.bind(args);
  return request_hostImpl(request);
}

/** The body of {@link request_host}, for internal callers. */
function request_hostImpl(request: CookieRequest): string {
  const url = request.get_full_url();
  let host = urlsplit(url).netloc;
  if (host === "") host = request.get_header("Host", "") ?? "";
  return cutPort(host).toLowerCase();
}

const EFF_REQUEST_HOST = new Signature<{ request: CookieRequest }>("eff_request_host", ["request"], {}, [
  "request",
]);

/**
 * Python's `http.cookiejar.eff_request_host(request)`: `[req_host, erhn]`,
 * where a host without a dot gets `.local` appended.
 *
 * @param request the request
 * @returns the request-host and the effective request-host name
 * @example
 * ```ts
 * import { eff_request_host } from "@pyweb/std/http/cookiejar";
 * import { Request } from "@pyweb/std/urllib/request";
 * import { repr } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(repr(eff_request_host(new Request("http://intranet/"))), "('intranet', 'intranet.local')");
 * ```
 */
export function eff_request_host(request: CookieRequest): Tuple<string> & [string, string];
/** The same call, with Python's keyword arguments in a trailing object. */
export function eff_request_host(kwargs: { request: CookieRequest }): Tuple<string> & [string, string];
export function eff_request_host(...args: unknown[]): Tuple<string> & [string, string] {
  const { request } = EFF_REQUEST_HOST.bind(args);
  return eff_request_hostImpl(request);
}

/** The body of {@link eff_request_host}, for internal callers. */
function eff_request_hostImpl(request: CookieRequest): Tuple<string> & [string, string] {
  const req = request_hostImpl(request);
  return pair(req, req.includes(".") ? req : req + ".local");
}

const REQUEST_PATH = new Signature<{ request: CookieRequest }>("request_path", ["request"], {}, ["request"]);

/**
 * Python's `http.cookiejar.request_path(request)`: the escaped path of the
 * request URL, always starting with `/`.
 *
 * @param request the request
 * @returns the path
 * @example
 * ```ts
 * import { request_path } from "@pyweb/std/http/cookiejar";
 * import { Request } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.equal(request_path(new Request("http://example.com/a b/%7ec?q=1")), "/a%20b/%7Ec");
 * ```
 */
export function request_path(request: CookieRequest): string;
/** The same call, with Python's keyword arguments in a trailing object. */
export function request_path(kwargs: { request: CookieRequest }): string;
export function request_path(...args: unknown[]): string {
  const { request } = REQUEST_PATH.bind(args);
  return request_pathImpl(request);
}

/** The body of {@link request_path}, for internal callers. */
function request_pathImpl(request: CookieRequest): string {
  let path = escape_pathImpl(urlsplit(request.get_full_url()).path);
  if (!path.startsWith("/")) path = "/" + path;
  return path;
}

const REQUEST_PORT = new Signature<{ request: CookieRequest }>("request_port", ["request"], {}, ["request"]);

/**
 * Python's `http.cookiejar.request_port(request)`: the port of
 * `request.host` as a string, `"80"` when absent, `null` when not numeric.
 *
 * @param request the request
 * @returns the port
 * @example
 * ```ts
 * import { request_port } from "@pyweb/std/http/cookiejar";
 * import { Request } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.equal(request_port(new Request("http://example.com:8080/")), "8080");
 * assert.equal(request_port(new Request("http://example.com/")), "80");
 * ```
 */
export function request_port(request: CookieRequest): string | null;
/** The same call, with Python's keyword arguments in a trailing object. */
export function request_port(kwargs: { request: CookieRequest }): string | null;
export function request_port(...args: unknown[]): string | null {
  const { request } = REQUEST_PORT.bind(args);
  return request_portImpl(request);
}

/** The body of {@link request_port}, for internal callers. */
function request_portImpl(request: CookieRequest): string | null {
  const host = request.host ?? "";
  const i = host.indexOf(":");
  if (i < 0) return "80";
  const port = host.slice(i + 1);
  try {
    pyInt(port);
  } catch (e) {
    if (e instanceof ValueError) return null;
    throw e;
  }
  return port;
}

const IS_THIRD_PARTY = new Signature<{ request: CookieRequest }>("is_third_party", ["request"], {}, [
  "request",
]);

/**
 * Python's `http.cookiejar.is_third_party(request)` (RFC 2965 section 3.3.6).
 *
 * @param request the request
 * @returns whether the request-host does not domain-match the origin's reach
 * @example
 * ```ts
 * import { is_third_party } from "@pyweb/std/http/cookiejar";
 * import { Request } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const img = new Request("http://ads.example.net/pixel.gif", { origin_req_host: "www.example.com", unverifiable: true });
 * assert.equal(is_third_party(img), true);
 * ```
 */
export function is_third_party(request: CookieRequest): boolean;
/** The same call, with Python's keyword arguments in a trailing object. */
export function is_third_party(kwargs: { request: CookieRequest }): boolean;
export function is_third_party(...args: unknown[]): boolean {
  const { request } = IS_THIRD_PARTY.bind(args);
  return is_third_partyImpl(request);
}

/** The body of {@link is_third_party}, for internal callers. */
function is_third_partyImpl(request: CookieRequest): boolean {
  return !domain_matchImpl(request_hostImpl(request), reachImpl(request.origin_req_host));
}

// ---------------------------------------------------------------------------
// Cookie

/** The keyword form of the {@link Cookie} constructor. */
export interface CookieInit {
  /** 0 for Netscape cookies, 1 for RFC 2965 (and RFC 2109) cookies; a string is converted with `int()`. */
  version: number | string | null;
  /** The cookie name. */
  name: string;
  /** The cookie value (`null` for `Set-Cookie: name`). */
  value: string | null;
  /** The port list, e.g. `"80,8080"`, or `null`. */
  port: string | null;
  /** Whether the server gave the port explicitly. */
  port_specified: boolean;
  /** The domain (stored lower-cased). */
  domain: string;
  /** Whether the server gave the domain explicitly. */
  domain_specified: boolean;
  /** Whether the server-given domain started with a dot. */
  domain_initial_dot: boolean;
  /** The path. */
  path: string;
  /** Whether the server gave the path explicitly. */
  path_specified: boolean;
  /** Send only over secure protocols. */
  secure: boolean | string;
  /** Expiry in seconds since the epoch (converted with `int(float())`), or `null`. */
  expires: number | string | null;
  /** A session cookie (dropped at the end of the session). */
  discard: boolean | string;
  /** The `Comment` attribute. */
  comment: string | null;
  /** The `CommentURL` attribute. */
  comment_url: string | null;
  /** Non-standard attributes (e.g. `HttpOnly`). */
  rest: Record<string, unknown> | Map<string, unknown>;
  /** Whether it came as an RFC 2109 cookie (default false). */
  rfc2109?: boolean;
}

const COOKIE_FIELDS = [
  "version",
  "name",
  "value",
  "port",
  "port_specified",
  "domain",
  "domain_specified",
  "domain_initial_dot",
  "path",
  "path_specified",
  "secure",
  "expires",
  "discard",
  "comment",
  "comment_url",
] as const;

const COOKIE_INIT = new Signature<Required<CookieInit>>(
  "Cookie.__init__",
  ["self", ...COOKIE_FIELDS, "rest", "rfc2109"],
  { rfc2109: false },
  ["rest"],
);
const COOKIE_HAS_NONSTANDARD_ATTR = new Signature<{ name: string }>("Cookie.has_nonstandard_attr", [
  "self",
  "name",
]);
const COOKIE_GET_NONSTANDARD_ATTR = new Signature<{ name: string; default: unknown }>(
  "Cookie.get_nonstandard_attr",
  ["self", "name", "default"],
  { default: null },
  ["default"],
);
const COOKIE_SET_NONSTANDARD_ATTR = new Signature<{ name: string; value: unknown }>(
  "Cookie.set_nonstandard_attr",
  ["self", "name", "value"],
  {},
  ["value"],
);
const COOKIE_IS_EXPIRED = new Signature<{ now: number | null }>("Cookie.is_expired", ["self", "now"], {
  now: null,
});

/**
 * Python's `http.cookiejar.Cookie`: one cookie and its attributes (the jar
 * makes these; you rarely construct one). Positional arguments are in
 * Python's order; a single object gives them by name.
 *
 * @example
 * ```ts
 * import { Cookie } from "@pyweb/std/http/cookiejar";
 * import { repr } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * const c = new Cookie({
 *   version: 0, name: "sid", value: "1", port: null, port_specified: false,
 *   domain: "Example.com", domain_specified: false, domain_initial_dot: false,
 *   path: "/", path_specified: true, secure: false, expires: null, discard: true,
 *   comment: null, comment_url: null, rest: { HttpOnly: null },
 * });
 * assert.equal(c.domain, "example.com");
 * assert.equal(String(c), "<Cookie sid=1 for example.com/>");
 * assert.ok(c.has_nonstandard_attr("HttpOnly"));
 * assert.ok(repr(c).startsWith("Cookie(version=0, name='sid', value='1'"));
 * ```
 */
export class Cookie {
  /** 0 (Netscape) or 1 (RFC 2965), or `null`. */
  version: number | null;
  /** The cookie name. */
  name: string;
  /** The value, or `null`. */
  value: string | null;
  /** The port list, or `null`. */
  port: string | null;
  /** Whether the port was given. */
  port_specified: boolean;
  /** The domain, lower-cased. */
  domain: string;
  /** Whether the domain was given. */
  domain_specified: boolean;
  /** Whether the given domain started with a dot. */
  domain_initial_dot: boolean;
  /** The path. */
  path: string;
  /** Whether the path was given. */
  path_specified: boolean;
  /** Send only over secure protocols. */
  secure: boolean | string;
  /** Expiry in seconds since the epoch, or `null`. */
  expires: number | null;
  /** A session cookie. */
  discard: boolean | string;
  /** The `Comment` attribute. */
  comment: string | null;
  /** The `CommentURL` attribute. */
  comment_url: string | null;
  /** Whether it came as an RFC 2109 cookie. */
  rfc2109: boolean;
  /** The non-standard attributes (Python's `_rest` dict). */
  _rest: Map<string, unknown>;

  /** Build a cookie from its attributes by name. */
  constructor(init: CookieInit);
  /** Build a cookie from Python's positional arguments. */
  constructor(
    version: number | string | null,
    name: string,
    value: string | null,
    port: string | null,
    port_specified: boolean,
    domain: string,
    domain_specified: boolean,
    domain_initial_dot: boolean,
    path: string,
    path_specified: boolean,
    secure: boolean | string,
    expires: number | string | null,
    discard: boolean | string,
    comment: string | null,
    comment_url: string | null,
    rest: Record<string, unknown> | Map<string, unknown>,
    rfc2109_or_kwargs?: boolean | { rfc2109?: boolean },
  );
  constructor(...args: unknown[]) {
    const a = COOKIE_INIT.bind(args);
    const version = a.version == null ? null : pyInt(a.version);
    const expires = a.expires == null ? null : pyInt(pyFloat(a.expires));
    if (a.port == null && a.port_specified === true) {
      throw new ValueError("if port is None, port_specified must be false");
    }
    this.version = version;
    this.name = a.name;
    this.value = a.value ?? null;
    this.port = a.port ?? null;
    this.port_specified = a.port_specified;
    this.domain = a.domain.toLowerCase();
    this.domain_specified = a.domain_specified;
    this.domain_initial_dot = a.domain_initial_dot;
    this.path = a.path;
    this.path_specified = a.path_specified;
    this.secure = a.secure;
    this.expires = expires;
    this.discard = a.discard;
    this.comment = a.comment ?? null;
    this.comment_url = a.comment_url ?? null;
    this.rfc2109 = a.rfc2109;
    this._rest = a.rest instanceof Map ? new Map(a.rest) : new Map(Object.entries(a.rest ?? {}));
  }

  /**
   * Python's `has_nonstandard_attr(name)`.
   *
   * @param name the attribute name
   * @returns whether the cookie has it
   */
  has_nonstandard_attr(name: string): boolean;
  /** The same call, with Python's keyword arguments in a trailing object. */
  has_nonstandard_attr(kwargs: { name: string }): boolean;
  has_nonstandard_attr(...args: unknown[]): boolean {
    const { name } = COOKIE_HAS_NONSTANDARD_ATTR.bind(args);
    return this._rest.has(name);
  }

  /**
   * Python's `get_nonstandard_attr(name, default=None)`.
   *
   * @param name the attribute name
   * @param default_ returned when absent
   * @returns the attribute's value
   */
  get_nonstandard_attr(name: string, default_?: unknown): unknown;
  /** The same call, with Python's keyword arguments in a trailing object. */
  get_nonstandard_attr(name: string, kwargs: Keywords<{ default?: unknown }>): unknown;
  /** The same call, with Python's keyword arguments in a trailing object. */
  get_nonstandard_attr(kwargs: { name: string; default?: unknown }): unknown;
  get_nonstandard_attr(...args: unknown[]): unknown {
    const { name, default: default_ } = COOKIE_GET_NONSTANDARD_ATTR.bind(args);
    return this._rest.has(name) ? this._rest.get(name) : default_;
  }

  /**
   * Python's `set_nonstandard_attr(name, value)`.
   *
   * @param name the attribute name
   * @param value its value
   */
  set_nonstandard_attr(name: string, value: unknown): void;
  /** The same call, with Python's keyword arguments in a trailing object. */
  set_nonstandard_attr(name: string, kwargs: Keywords<{ value: unknown }>): void;
  /** The same call, with Python's keyword arguments in a trailing object. */
  set_nonstandard_attr(kwargs: { name: string; value: unknown }): void;
  set_nonstandard_attr(...args: unknown[]): void {
    const { name, value } = COOKIE_SET_NONSTANDARD_ATTR.bind(args);
    this._rest.set(name, value);
  }

  /**
   * Python's `is_expired(now=None)`.
   *
   * @param now seconds since the epoch (default: now)
   * @returns whether the cookie has an expiry at or before `now`
   */
  is_expired(now?: number | null): boolean;
  /** The same call, with Python's keyword arguments in a trailing object. */
  is_expired(kwargs: { now?: number | null }): boolean;
  is_expired(...args: unknown[]): boolean {
    const { now } = COOKIE_IS_EXPIRED.bind(args);
    const t = now ?? Date.now() / 1000;
    return this.expires !== null && this.expires <= t;
  }

  /** Python's `str(cookie)`: `<Cookie name=value for domain[:port]/path>`. */
  [pystr](): string {
    const p = this.port === null ? "" : ":" + this.port;
    const limit = this.domain + p + this.path;
    const nv = this.value !== null ? `${this.name}=${this.value}` : this.name;
    return `<Cookie ${nv} for ${limit}>`;
  }

  /** Python's `str(cookie)`. */
  toString(): string {
    return this[pystr]();
  }

  /** Python's `repr(cookie)`: every attribute by name. */
  [pyrepr](): string {
    const self = this as unknown as Record<string, unknown>;
    const args = COOKIE_FIELDS.map((f) => `${f}=${repr(self[f])}`);
    args.push(`rest=${repr(this._rest)}`, `rfc2109=${repr(this.rfc2109)}`);
    return `${this.constructor.name}(${args.join(", ")})`;
  }
}
showAsRepr(Cookie);

// ---------------------------------------------------------------------------
// Policies

const COOKIEPOLICY_SET_OK = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "CookiePolicy.set_ok",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const COOKIEPOLICY_RETURN_OK = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "CookiePolicy.return_ok",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const COOKIEPOLICY_DOMAIN_RETURN_OK = new Signature<{ domain: string; request: CookieRequest }>(
  "CookiePolicy.domain_return_ok",
  ["self", "domain", "request"],
  {},
  ["request"],
);
const COOKIEPOLICY_PATH_RETURN_OK = new Signature<{ path: string; request: CookieRequest }>(
  "CookiePolicy.path_return_ok",
  ["self", "path", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_IS_BLOCKED = new Signature<{ domain: string }>("DefaultCookiePolicy.is_blocked", [
  "self",
  "domain",
]);
const DEFAULTCOOKIEPOLICY_IS_NOT_ALLOWED = new Signature<{ domain: string }>(
  "DefaultCookiePolicy.is_not_allowed",
  ["self", "domain"],
);
const DEFAULTCOOKIEPOLICY_SET_OK = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.set_ok",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_SET_OK_VERSION = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.set_ok_version",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_SET_OK_VERIFIABILITY = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.set_ok_verifiability",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_SET_OK_NAME = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.set_ok_name",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_SET_OK_PATH = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.set_ok_path",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_SET_OK_DOMAIN = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.set_ok_domain",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_SET_OK_PORT = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.set_ok_port",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_RETURN_OK = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.return_ok",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_RETURN_OK_VERSION = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.return_ok_version",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_RETURN_OK_VERIFIABILITY = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.return_ok_verifiability",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_RETURN_OK_SECURE = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.return_ok_secure",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_RETURN_OK_EXPIRES = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.return_ok_expires",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_RETURN_OK_PORT = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.return_ok_port",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_RETURN_OK_DOMAIN = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "DefaultCookiePolicy.return_ok_domain",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_DOMAIN_RETURN_OK = new Signature<{ domain: string; request: CookieRequest }>(
  "DefaultCookiePolicy.domain_return_ok",
  ["self", "domain", "request"],
  {},
  ["request"],
);
const DEFAULTCOOKIEPOLICY_PATH_RETURN_OK = new Signature<{ path: string; request: CookieRequest }>(
  "DefaultCookiePolicy.path_return_ok",
  ["self", "path", "request"],
  {},
  ["request"],
);

/**
 * Python's `http.cookiejar.CookiePolicy`: decides which cookies are
 * accepted from and returned to servers. Subclasses implement `set_ok` and
 * `return_ok`.
 * @example
 * ```ts
 * import { type Cookie, CookieJar, CookiePolicy, type CookieRequest } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * class NoCookies extends CookiePolicy {
 *   override set_ok(_c: Cookie, _r: CookieRequest): boolean {
 *     return false;
 *   }
 *   override return_ok(_c: Cookie, _r: CookieRequest): boolean {
 *     return false;
 *   }
 * }
 * assert.equal(new CookieJar(new NoCookies()).size, 0);
 * ```
 */
export class CookiePolicy {
  /** Whether RFC 2965 cookies are handled. */
  rfc2965: boolean = false;
  /** Whether Netscape cookies are handled. */
  netscape: boolean = true;
  /** Whether to hide the `Cookie2` header. */
  hide_cookie2: boolean = false;
  /** The jar's notion of "now" during a call (set by the jar). */
  _now: number | null = null;

  /**
   * Should the server's cookie be accepted?
   *
   * @param _cookie the cookie
   * @param _request the request it answers
   * @returns whether to accept it
   */
  set_ok(_cookie: Cookie, _request: CookieRequest): boolean {
    COOKIEPOLICY_SET_OK.bind(arguments);
    throw new NotImplementedErrorClass();
  }

  /**
   * Should the cookie be sent to the server?
   *
   * @param _cookie the cookie
   * @param _request the request
   * @returns whether to send it
   */
  return_ok(_cookie: Cookie, _request: CookieRequest): boolean {
    COOKIEPOLICY_RETURN_OK.bind(arguments);
    throw new NotImplementedErrorClass();
  }

  /**
   * Quick pre-check by the cookie's domain (default: true).
   *
   * @param _domain the cookie domain
   * @param _request the request
   * @returns false when no cookie of the domain can be returned
   */
  domain_return_ok(_domain: string, _request: CookieRequest): boolean {
    COOKIEPOLICY_DOMAIN_RETURN_OK.bind(arguments);
    return true;
  }

  /**
   * Quick pre-check by the cookie's path (default: true).
   *
   * @param _path the cookie path
   * @param _request the request
   * @returns false when no cookie of the path can be returned
   */
  path_return_ok(_path: string, _request: CookieRequest): boolean {
    COOKIEPOLICY_PATH_RETURN_OK.bind(arguments);
    return true;
  }
}

/** The keyword arguments of {@link DefaultCookiePolicy}. */
export interface DefaultCookiePolicyOptions {
  /** Domains never to accept cookies from or return them to. */
  blocked_domains?: Iterable<string> | null;
  /** When given, the only domains to accept cookies from or return them to. */
  allowed_domains?: Iterable<string> | null;
  /** Accept Netscape cookies (default true). */
  netscape?: boolean;
  /** Accept RFC 2965 cookies (default false). */
  rfc2965?: boolean;
  /** Treat RFC 2109 cookies as Netscape ones (default: `!rfc2965`). */
  rfc2109_as_netscape?: boolean | null;
  /** Do not send the `Cookie2` header (default false). */
  hide_cookie2?: boolean;
  /** Refuse `.co.uk`-style domains (default false). */
  strict_domain?: boolean;
  /** Refuse third-party RFC 2965 cookies on unverifiable requests (default true). */
  strict_rfc2965_unverifiable?: boolean;
  /** Refuse third-party Netscape cookies on unverifiable requests (default false). */
  strict_ns_unverifiable?: boolean;
  /** The `Domain*` flags for Netscape cookies (default `DomainLiberal`). */
  strict_ns_domain?: number;
  /** Refuse Netscape cookies whose name starts with `$` (default false). */
  strict_ns_set_initial_dollar?: boolean;
  /** Refuse Netscape cookies whose path does not path-match the request (default false). */
  strict_ns_set_path?: boolean;
  /** Schemes secure cookies may be sent over (default `["https", "wss"]`). */
  secure_protocols?: readonly string[] | string;
}

const STRICT_SLDS = new Set([
  "co",
  "ac",
  "com",
  "edu",
  "org",
  "net",
  "gov",
  "mil",
  "int",
  "aero",
  "biz",
  "cat",
  "coop",
  "info",
  "jobs",
  "mobi",
  "museum",
  "name",
  "pro",
  "travel",
  "eu",
]);

const DEFAULTCOOKIEPOLICY_INIT = new Signature<Required<DefaultCookiePolicyOptions>>(
  "DefaultCookiePolicy.__init__",
  [
    "self",
    "blocked_domains",
    "allowed_domains",
    "netscape",
    "rfc2965",
    "rfc2109_as_netscape",
    "hide_cookie2",
    "strict_domain",
    "strict_rfc2965_unverifiable",
    "strict_ns_unverifiable",
    "strict_ns_domain",
    "strict_ns_set_initial_dollar",
    "strict_ns_set_path",
    "secure_protocols",
  ],
  {
    blocked_domains: null,
    allowed_domains: null,
    netscape: true,
    rfc2965: false,
    rfc2109_as_netscape: null,
    hide_cookie2: false,
    strict_domain: false,
    strict_rfc2965_unverifiable: true,
    strict_ns_unverifiable: false,
    strict_ns_domain: 0,
    strict_ns_set_initial_dollar: false,
    strict_ns_set_path: false,
    secure_protocols: tuple("https", "wss") as unknown as readonly string[],
  },
);
const DEFAULTCOOKIEPOLICY_BLOCKED_DOMAINS = new Signature<object>("DefaultCookiePolicy.blocked_domains", [
  "self",
]);
const DEFAULTCOOKIEPOLICY_ALLOWED_DOMAINS = new Signature<object>("DefaultCookiePolicy.allowed_domains", [
  "self",
]);
const DEFAULTCOOKIEPOLICY_SET_BLOCKED_DOMAINS = new Signature<{ blocked_domains: Iterable<string> }>(
  "DefaultCookiePolicy.set_blocked_domains",
  ["self", "blocked_domains"],
);
const DEFAULTCOOKIEPOLICY_SET_ALLOWED_DOMAINS = new Signature<{ allowed_domains: Iterable<string> | null }>(
  "DefaultCookiePolicy.set_allowed_domains",
  ["self", "allowed_domains"],
);

/**
 * Python's `http.cookiejar.DefaultCookiePolicy`: the standard rules for
 * Netscape and RFC 2965 cookies, with all of CPython's switches.
 *
 * @example
 * ```ts
 * import { DefaultCookiePolicy } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * const p = new DefaultCookiePolicy({ blocked_domains: [".evil.example"], strict_ns_domain: DefaultCookiePolicy.DomainStrict });
 * assert.ok(p.is_blocked("www.evil.example"));
 * assert.equal(p.strict_ns_domain, 3);
 * ```
 */
export class DefaultCookiePolicy extends CookiePolicy {
  /** Netscape cookies: refuse a domain cookie for a host with dots before the domain. */
  static DomainStrictNoDots: number = 1;
  /** Python's class attribute `DomainStrictNoDots`: the class's value unless this instance set its own. */
  declare DomainStrictNoDots: number;
  /** Netscape cookies: return non-domain cookies only to the exact host. */
  static DomainStrictNonDomain: number = 2;
  /** Python's class attribute `DomainStrictNonDomain`: the class's value unless this instance set its own. */
  declare DomainStrictNonDomain: number;
  /** Netscape cookies: use RFC 2965 domain-matching. */
  static DomainRFC2965Match: number = 4;
  /** Python's class attribute `DomainRFC2965Match`: the class's value unless this instance set its own. */
  declare DomainRFC2965Match: number;
  /** No extra Netscape domain strictness. */
  static DomainLiberal: number = 0;
  /** Python's class attribute `DomainLiberal`: the class's value unless this instance set its own. */
  declare DomainLiberal: number;
  /** `DomainStrictNoDots | DomainStrictNonDomain`. */
  static DomainStrict: number = 3;
  /** Python's class attribute `DomainStrict`: the class's value unless this instance set its own. */
  declare DomainStrict: number;

  /** Treat RFC 2109 cookies as Netscape cookies (`null`: when RFC 2965 is off). */
  rfc2109_as_netscape: boolean | null;
  /** Refuse `.co.uk`-style domains. */
  strict_domain: boolean;
  /** Refuse third-party RFC 2965 cookies on unverifiable requests. */
  strict_rfc2965_unverifiable: boolean;
  /** Refuse third-party Netscape cookies on unverifiable requests. */
  strict_ns_unverifiable: boolean;
  /** The `Domain*` flags for Netscape cookies. */
  strict_ns_domain: number;
  /** Refuse Netscape cookies whose name starts with `$`. */
  strict_ns_set_initial_dollar: boolean;
  /** Refuse Netscape cookies whose path does not match the request. */
  strict_ns_set_path: boolean;
  /** Schemes secure cookies may be sent over. */
  secure_protocols: readonly string[] | string;
  /** Python's `_blocked_domains`: the blocked domains, as a tuple. */
  _blocked_domains: Tuple<string>;
  /** Python's `_allowed_domains`: the allowed domains as a tuple, or `null` for all. */
  _allowed_domains: Tuple<string> | null;

  /**
   * Python's `DefaultCookiePolicy(blocked_domains=None, allowed_domains=None, netscape=True, ...)`:
   * every parameter by keyword (`new DefaultCookiePolicy({ blocked_domains, strict_ns_domain })`),
   * positionally in Python's order, or both.
   *
   * @param blocked_domains the blocked domains, or the keywords
   * @param allowed_domains the allowed domains
   * @param kwargs the other keywords
   */
  constructor(kwargs?: DefaultCookiePolicyOptions);
  /** The same call, with Python's keyword arguments in a trailing object. */
  constructor(blocked_domains: Iterable<string> | null, kwargs?: DefaultCookiePolicyOptions);
  /** The same call, with Python's keyword arguments in a trailing object. */
  constructor(
    blocked_domains: Iterable<string> | null,
    allowed_domains: Iterable<string> | null,
    kwargs?: DefaultCookiePolicyOptions,
  );
  /** The same call, with Python's keyword arguments in a trailing object. */
  constructor(
    blocked_domains: Iterable<string> | null,
    allowed_domains: Iterable<string> | null,
    netscape?: boolean,
    rfc2965?: boolean,
    rfc2109_as_netscape?: boolean | null,
    hide_cookie2?: boolean,
    strict_domain?: boolean,
    strict_rfc2965_unverifiable?: boolean,
    strict_ns_unverifiable?: boolean,
    strict_ns_domain?: number,
    strict_ns_set_initial_dollar?: boolean,
    strict_ns_set_path?: boolean,
    secure_protocols?: readonly string[] | string,
  );
  constructor(...args: unknown[]) {
    const o = DEFAULTCOOKIEPOLICY_INIT.bind(args);
    super();
    this.netscape = o.netscape;
    this.rfc2965 = o.rfc2965;
    this.rfc2109_as_netscape = o.rfc2109_as_netscape;
    this.hide_cookie2 = o.hide_cookie2;
    this.strict_domain = o.strict_domain;
    this.strict_rfc2965_unverifiable = o.strict_rfc2965_unverifiable;
    this.strict_ns_unverifiable = o.strict_ns_unverifiable;
    this.strict_ns_domain = o.strict_ns_domain;
    this.strict_ns_set_initial_dollar = o.strict_ns_set_initial_dollar;
    this.strict_ns_set_path = o.strict_ns_set_path;
    this.secure_protocols = o.secure_protocols;
    this._blocked_domains = o.blocked_domains != null ? toTuple(o.blocked_domains) : new Tuple<string>();
    this._allowed_domains = o.allowed_domains != null ? toTuple(o.allowed_domains) : null;
  }

  /** Python's `blocked_domains()`: the blocked domains, as a tuple. */
  blocked_domains(): Tuple<string> {
    DEFAULTCOOKIEPOLICY_BLOCKED_DOMAINS.bind(arguments);
    return this._blocked_domains;
  }

  /** Python's `set_blocked_domains(blocked_domains)`. */
  set_blocked_domains(blocked_domains: Iterable<string>): void;
  /** The same call, with Python's keyword arguments in a trailing object. */
  set_blocked_domains(kwargs: { blocked_domains: Iterable<string> }): void;
  set_blocked_domains(...args: unknown[]): void {
    const { blocked_domains } = DEFAULTCOOKIEPOLICY_SET_BLOCKED_DOMAINS.bind(args);
    this._blocked_domains = toTuple(blocked_domains);
  }

  /** Python's `is_blocked(domain)`: does `domain` match a blocked domain? */
  is_blocked(domain: string): boolean {
    ({ domain } = DEFAULTCOOKIEPOLICY_IS_BLOCKED.bind(arguments));
    return this._blocked_domains.some((b) => user_domain_matchImpl(domain, b));
  }

  /** Python's `allowed_domains()`: the allowed domains as a tuple, or `null` for all. */
  allowed_domains(): Tuple<string> | null {
    DEFAULTCOOKIEPOLICY_ALLOWED_DOMAINS.bind(arguments);
    return this._allowed_domains;
  }

  /** Python's `set_allowed_domains(allowed_domains)`. */
  set_allowed_domains(allowed_domains: Iterable<string> | null): void;
  /** The same call, with Python's keyword arguments in a trailing object. */
  set_allowed_domains(kwargs: { allowed_domains: Iterable<string> | null }): void;
  set_allowed_domains(...args: unknown[]): void {
    const { allowed_domains } = DEFAULTCOOKIEPOLICY_SET_ALLOWED_DOMAINS.bind(args);
    this._allowed_domains = allowed_domains == null ? null : toTuple(allowed_domains);
  }

  /** Python's `is_not_allowed(domain)`. */
  is_not_allowed(domain: string): boolean {
    ({ domain } = DEFAULTCOOKIEPOLICY_IS_NOT_ALLOWED.bind(arguments));
    if (this._allowed_domains === null) return false;
    return !this._allowed_domains.some((a) => user_domain_matchImpl(domain, a));
  }

  /**
   * Python's `set_ok(cookie, request)`: the `set_ok_*` checks in order.
   *
   * @param cookie the cookie from the server
   * @param request the request it answers
   * @returns whether to accept it
   */
  override set_ok(cookie: Cookie, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie, request } = DEFAULTCOOKIEPOLICY_SET_OK.bind(arguments));
    }
    return this.set_ok_version(cookie, request) && this.set_ok_verifiability(cookie, request) &&
      this.set_ok_name(cookie, request) && this.set_ok_path(cookie, request) &&
      this.set_ok_domain(cookie, request) && this.set_ok_port(cookie, request);
  }

  /** Python's `set_ok_version`. */
  set_ok_version(cookie: Cookie, _request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie } = DEFAULTCOOKIEPOLICY_SET_OK_VERSION.bind(arguments));
    }
    if (cookie.version === null) return false;
    if (cookie.version > 0 && !this.rfc2965) return false;
    if (cookie.version === 0 && !this.netscape) return false;
    return true;
  }

  /** Python's `set_ok_verifiability`. */
  set_ok_verifiability(cookie: Cookie, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie, request } = DEFAULTCOOKIEPOLICY_SET_OK_VERIFIABILITY.bind(arguments));
    }
    return this.#verifiable(cookie, request);
  }

  #verifiable(cookie: Cookie, request: CookieRequest): boolean {
    if (request.unverifiable && is_third_partyImpl(request)) {
      const v = cookie.version ?? 0;
      if (v > 0 && this.strict_rfc2965_unverifiable) return false;
      if (v === 0 && this.strict_ns_unverifiable) return false;
    }
    return true;
  }

  /** Python's `set_ok_name`. */
  set_ok_name(cookie: Cookie, _request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie } = DEFAULTCOOKIEPOLICY_SET_OK_NAME.bind(arguments));
    }
    return !(cookie.version === 0 && this.strict_ns_set_initial_dollar && cookie.name.startsWith("$"));
  }

  /** Python's `set_ok_path`. */
  set_ok_path(cookie: Cookie, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie, request } = DEFAULTCOOKIEPOLICY_SET_OK_PATH.bind(arguments));
    }
    if (cookie.path_specified) {
      request_pathImpl(request);
      const v = cookie.version ?? 0;
      if ((v > 0 || (v === 0 && this.strict_ns_set_path)) && !this.path_return_ok(cookie.path, request)) {
        return false;
      }
    }
    return true;
  }

  /** Python's `set_ok_domain`. */
  set_ok_domain(cookie: Cookie, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie, request } = DEFAULTCOOKIEPOLICY_SET_OK_DOMAIN.bind(arguments));
    }
    if (this.is_blocked(cookie.domain)) return false;
    if (this.is_not_allowed(cookie.domain)) return false;
    if (cookie.domain_specified) {
      const [reqHost, erhn] = eff_request_hostImpl(request);
      const domain = cookie.domain;
      const v = cookie.version ?? 0;
      if (this.strict_domain && domain.split(".").length - 1 >= 2) {
        const i = domain.lastIndexOf(".");
        const j = domain.lastIndexOf(".", i - 1);
        if (j === 0) {
          const tld = domain.slice(i + 1);
          const sld = domain.slice(j + 1, i);
          if (STRICT_SLDS.has(sld.toLowerCase()) && [...tld].length === 2) return false;
        }
      }
      const undotted = domain.startsWith(".") ? domain.slice(1) : domain;
      const embeddedDots = undotted.includes(".");
      if (!embeddedDots && !erhn.endsWith(".local")) return false;
      if (v === 0) {
        if (
          !(erhn.endsWith(domain) || erhn.endsWith(`${undotted}.local`)) &&
          (!erhn.startsWith(".") && !("." + erhn).endsWith(domain))
        ) return false;
      }
      if (v > 0 || (this.strict_ns_domain & DefaultCookiePolicy.DomainRFC2965Match)) {
        if (!domain_matchImpl(erhn, domain)) return false;
      }
      if (v > 0 || (this.strict_ns_domain & DefaultCookiePolicy.DomainStrictNoDots)) {
        const hostPrefix = pySliceToNeg(reqHost, domain.length);
        if (hostPrefix.includes(".") && !endsLikeIPv4(reqHost)) return false;
      }
    }
    return true;
  }

  /** Python's `set_ok_port`. */
  set_ok_port(cookie: Cookie, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie, request } = DEFAULTCOOKIEPOLICY_SET_OK_PORT.bind(arguments));
    }
    if (cookie.port_specified) {
      const reqPort = request_portImpl(request) ?? "80";
      for (const p of (cookie.port ?? "").split(",")) {
        try {
          pyInt(p);
        } catch (e) {
          if (e instanceof ValueError) return false;
          throw e;
        }
        if (p === reqPort) return true;
      }
      return false;
    }
    return true;
  }

  /**
   * Python's `return_ok(cookie, request)`: the `return_ok_*` checks in order.
   *
   * @param cookie a cookie in the jar
   * @param request the request about to be sent
   * @returns whether to send the cookie
   */
  override return_ok(cookie: Cookie, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie, request } = DEFAULTCOOKIEPOLICY_RETURN_OK.bind(arguments));
    }
    return this.return_ok_version(cookie, request) && this.return_ok_verifiability(cookie, request) &&
      this.return_ok_secure(cookie, request) && this.return_ok_expires(cookie, request) &&
      this.return_ok_port(cookie, request) && this.return_ok_domain(cookie, request);
  }

  /** Python's `return_ok_version`. */
  return_ok_version(cookie: Cookie, _request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie } = DEFAULTCOOKIEPOLICY_RETURN_OK_VERSION.bind(arguments));
    }
    const v = cookie.version ?? 0;
    if (v > 0 && !this.rfc2965) return false;
    if (v === 0 && !this.netscape) return false;
    return true;
  }

  /** Python's `return_ok_verifiability`. */
  return_ok_verifiability(cookie: Cookie, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie, request } = DEFAULTCOOKIEPOLICY_RETURN_OK_VERIFIABILITY.bind(arguments));
    }
    return this.#verifiable(cookie, request);
  }

  /** Python's `return_ok_secure`: secure cookies only over `secure_protocols`. */
  return_ok_secure(cookie: Cookie, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie, request } = DEFAULTCOOKIEPOLICY_RETURN_OK_SECURE.bind(arguments));
    }
    if (cookie.secure && !this.secure_protocols.includes(request.type)) return false;
    return true;
  }

  /** Python's `return_ok_expires`. */
  return_ok_expires(cookie: Cookie, _request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie } = DEFAULTCOOKIEPOLICY_RETURN_OK_EXPIRES.bind(arguments));
    }
    return !cookie.is_expired(this._now);
  }

  /** Python's `return_ok_port`. */
  return_ok_port(cookie: Cookie, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie, request } = DEFAULTCOOKIEPOLICY_RETURN_OK_PORT.bind(arguments));
    }
    if (cookie.port) {
      const reqPort = request_portImpl(request) ?? "80";
      return cookie.port.split(",").includes(reqPort);
    }
    return true;
  }

  /** Python's `return_ok_domain`. */
  return_ok_domain(cookie: Cookie, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie, request } = DEFAULTCOOKIEPOLICY_RETURN_OK_DOMAIN.bind(arguments));
    }
    const [, erhn] = eff_request_hostImpl(request);
    const domain = cookie.domain;
    const dotdomain = domain && !domain.startsWith(".") ? "." + domain : domain;
    const v = cookie.version ?? 0;
    if (
      v === 0 && (this.strict_ns_domain & DefaultCookiePolicy.DomainStrictNonDomain) &&
      !cookie.domain_specified && domain !== erhn
    ) return false;
    if (v > 0 && !domain_matchImpl(erhn, domain)) return false;
    if (v === 0 && !("." + erhn).endsWith(dotdomain)) return false;
    return true;
  }

  /** Python's `domain_return_ok(domain, request)`: dotted-suffix check (CVE-2018-20852) and block/allow lists. */
  override domain_return_ok(domain: string, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ domain, request } = DEFAULTCOOKIEPOLICY_DOMAIN_RETURN_OK.bind(arguments));
    }
    let [reqHost, erhn] = eff_request_hostImpl(request);
    if (!reqHost.startsWith(".")) reqHost = "." + reqHost;
    if (!erhn.startsWith(".")) erhn = "." + erhn;
    const dotdomain = domain && !domain.startsWith(".") ? "." + domain : domain;
    if (!(reqHost.endsWith(dotdomain) || erhn.endsWith(dotdomain))) return false;
    if (this.is_blocked(domain)) return false;
    if (this.is_not_allowed(domain)) return false;
    return true;
  }

  /** Python's `path_return_ok(path, request)`: prefix match on a `/` boundary (bpo-35647). */
  override path_return_ok(path: string, request: CookieRequest): boolean {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ path, request } = DEFAULTCOOKIEPOLICY_PATH_RETURN_OK.bind(arguments));
    }
    const reqPath = request_pathImpl(request);
    if (reqPath === path) return true;
    if (
      reqPath.startsWith(path) && (path.endsWith("/") || reqPath.slice(path.length, path.length + 1) === "/")
    ) {
      return true;
    }
    return false;
  }
}

classAttrs(DefaultCookiePolicy, [
  "DomainStrictNoDots",
  "DomainStrictNonDomain",
  "DomainRFC2965Match",
  "DomainLiberal",
  "DomainStrict",
]);

/** Is an argument `undefined` (which binding reports as missing)? */
function anyUndefined(args: IArguments): boolean {
  for (let i = 0; i < args.length; i++) if (args[i] === undefined) return true;
  return false;
}

/** Python's `tuple(iterable)` of domain names. */
function toTuple(domains: unknown): Tuple<string> {
  const t = new Tuple<string>();
  for (const d of iter(domains)) t.push(d as string);
  return t;
}

/** Python's `s[:-n]`. */
function pySliceToNeg(s: string, n: number): string {
  if (n === 0) return "";
  return n >= s.length ? "" : s.slice(0, s.length - n);
}

// ---------------------------------------------------------------------------
// CookieJar

const DEEPVALUES = new Signature<{ mapping: unknown }>("deepvalues", ["mapping"], {}, ["mapping"]);

/**
 * Python's `http.cookiejar.deepvalues(mapping)`: the values of a nested
 * mapping, depth-first (a value that is a mapping is descended into).
 *
 * @param mapping a `Map`, a dict, or an object with `values()`
 * @returns the leaf values, in insertion order
 * @example
 * ```ts
 * import { deepvalues } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.deepEqual([...deepvalues({ a: { x: 1, y: 2 }, b: 3 })], [1, 2, 3]);
 * ```
 */
export function deepvalues(mapping: unknown): Generator<unknown, void, undefined>;
/** The same call, with Python's keyword arguments in a trailing object. */
export function deepvalues(kwargs: Keywords<{ mapping: unknown }>): Generator<unknown, void, undefined>;
export function deepvalues(...args: unknown[]): Generator<unknown, void, undefined> {
  const { mapping } = DEEPVALUES.bind(args);
  return deepvaluesImpl(mapping);
}

function* deepvaluesImpl(mapping: unknown): Generator<unknown, void, undefined> {
  for (const obj of [...valuesOf(mapping)]) {
    if (isMapping(obj)) yield* deepvaluesImpl(obj);
    else yield obj;
  }
}

/** Has `obj` an `items` attribute, as Python's `deepvalues` asks: a Map, a dict, or a mapping object. */
function isMapping(obj: unknown): boolean {
  if (obj instanceof Map || isDict(obj)) return true;
  return obj !== null && typeof obj === "object" && "items" in obj;
}

function valuesOf(mapping: unknown): Iterable<unknown> {
  if (mapping instanceof Map) return mapping.values();
  if (isDict(mapping)) return Object.values(mapping);
  const v = mapping !== null && typeof mapping === "object"
    ? (mapping as { values?: unknown }).values
    : undefined;
  if (typeof v !== "function") {
    throw new AttributeError(`'${typeName(mapping)}' object has no attribute 'values'`);
  }
  return v.call(mapping) as Iterable<unknown>;
}

/**
 * Python's `http.cookiejar.Absent`: a marker class (`dict.get(key, Absent)`
 * tells an absent key from a `None` value).
 */
export class Absent {}

type Standard = Map<string, unknown>;
type CookieTuple = [string, string | null, Standard, Map<string, unknown>];

const BOOLEAN_ATTRS = ["discard", "secure"];
const VALUE_ATTRS = ["version", "expires", "max-age", "domain", "path", "port", "comment", "commenturl"];

function nowInt(): number {
  return Math.floor(Date.now() / 1000);
}

const COOKIEJAR_INIT = new Signature<{ policy: CookiePolicy | null }>("CookieJar.__init__", [
  "self",
  "policy",
], {
  policy: null,
});
const COOKIEJAR_SET_POLICY = new Signature<{ policy: CookiePolicy }>("CookieJar.set_policy", [
  "self",
  "policy",
]);
const COOKIEJAR_ADD_COOKIE_HEADER = new Signature<{ request: CookieRequest }>(
  "CookieJar.add_cookie_header",
  [
    "self",
    "request",
  ],
  {},
  ["request"],
);
const COOKIEJAR_MAKE_COOKIES = new Signature<{ response: CookieResponse; request: CookieRequest }>(
  "CookieJar.make_cookies",
  ["self", "response", "request"],
  {},
  ["response", "request"],
);
const COOKIEJAR_SET_COOKIE_IF_OK = new Signature<{ cookie: Cookie; request: CookieRequest }>(
  "CookieJar.set_cookie_if_ok",
  ["self", "cookie", "request"],
  {},
  ["request"],
);
const COOKIEJAR_SET_COOKIE = new Signature<{ cookie: Cookie }>("CookieJar.set_cookie", ["self", "cookie"]);
const COOKIEJAR_EXTRACT_COOKIES = new Signature<{ response: CookieResponse; request: CookieRequest }>(
  "CookieJar.extract_cookies",
  ["self", "response", "request"],
  {},
  ["response", "request"],
);
const COOKIEJAR_CLEAR = new Signature<{ domain: string | null; path: string | null; name: string | null }>(
  "CookieJar.clear",
  ["self", "domain", "path", "name"],
  { domain: null, path: null, name: null },
);
const COOKIEJAR_CLEAR_SESSION_COOKIES = new Signature<object>("CookieJar.clear_session_cookies", ["self"]);
const COOKIEJAR_CLEAR_EXPIRED_COOKIES = new Signature<object>("CookieJar.clear_expired_cookies", ["self"]);

/** `lookup` key of a cookie by domain, path and name. */
function dpn(c: Cookie): string {
  return JSON.stringify([c.domain, c.path, c.name]);
}

/**
 * Python's `http.cookiejar.CookieJar`: holds cookies, takes them from
 * responses (`extract_cookies`) and adds the `Cookie` header to requests
 * (`add_cookie_header`), as its policy allows. Iterating yields the cookies;
 * `jar.size` is Python's `len(jar)`.
 *
 * @example
 * ```ts
 * import { CookieJar, type CookieRequest } from "@pyweb/std/http/cookiejar";
 * import { HTTPMessage } from "@pyweb/std/http/client";
 * import assert from "node:assert/strict";
 * const headers: Record<string, string> = {};
 * const request = (url: string): CookieRequest => ({
 *   get_full_url: () => url, host: new URL(url).host, type: new URL(url).protocol.slice(0, -1),
 *   unverifiable: false, origin_req_host: new URL(url).hostname,
 *   has_header: (k) => k in headers, get_header: (k, d = null) => headers[k] ?? d,
 *   add_unredirected_header: (k, v) => void (headers[k] = v),
 * });
 * const msg = new HTTPMessage();
 * msg.set("Set-Cookie", "sid=abc; Path=/");
 * const jar = new CookieJar();
 * jar.extract_cookies({ info: () => msg }, request("http://www.example.com/login"));
 * assert.equal(jar.size, 1);
 * jar.add_cookie_header(request("http://www.example.com/home"));
 * assert.equal(headers["Cookie"], "sid=abc");
 * ```
 */
export class CookieJar implements Iterable<Cookie> {
  /** Python's `CookieJar.non_word_re` (`\W` of a Unicode pattern: not a letter, digit or `_`). */
  static non_word_re: RegExp = /[^\p{L}\p{N}_]/u;
  /** Python's class attribute `non_word_re`: the class's value unless this instance set its own. */
  declare non_word_re: RegExp;
  /** Python's `CookieJar.quote_re`: what is backslash-escaped in an RFC 2965 value. */
  static quote_re: RegExp = /(["\\])/;
  /** Python's class attribute `quote_re`: the class's value unless this instance set its own. */
  declare quote_re: RegExp;
  /** Python's `CookieJar.strict_domain_re`. */
  static strict_domain_re: RegExp = /\.?[^.]*/;
  /** Python's class attribute `strict_domain_re`: the class's value unless this instance set its own. */
  declare strict_domain_re: RegExp;
  /** Python's `CookieJar.domain_re`. */
  static domain_re: RegExp = /[^.]*/;
  /** Python's class attribute `domain_re`: the class's value unless this instance set its own. */
  declare domain_re: RegExp;
  /** Python's `CookieJar.dots_re`. */
  static dots_re: RegExp = /^\.+/;
  /** Python's class attribute `dots_re`: the class's value unless this instance set its own. */
  declare dots_re: RegExp;
  /** Python's `CookieJar.magic_re`: the first line of an LWP cookies file. */
  static magic_re: RegExp = /^#LWP-Cookies-(\d+\.\d+)/;
  /** Python's class attribute `magic_re`: the class's value unless this instance set its own. */
  declare magic_re: RegExp;

  /** The policy in use. */
  _policy: CookiePolicy;
  /** The cookies by domain, then path, then name (Python's `_cookies`). */
  _cookies: Map<string, Map<string, Map<string, Cookie>>> = new Map();
  /** "Now" (whole seconds) during the current call. */
  _now: number = 0;

  /**
   * Python's `CookieJar(policy=None)`.
   *
   * @param policy the policy (default: a new {@link DefaultCookiePolicy})
   */
  constructor(policy?: CookiePolicy | null);
  /** The same call, with Python's keyword arguments in a trailing object. */
  constructor(kwargs: { policy?: CookiePolicy | null });
  constructor(...args: unknown[]) {
    const { policy } = COOKIEJAR_INIT.bind(args);
    this._policy = policy ?? new DefaultCookiePolicy();
  }

  /** Python's `set_policy(policy)`. */
  set_policy(policy: CookiePolicy): void;
  /** The same call, with Python's keyword arguments in a trailing object. */
  set_policy(kwargs: { policy: CookiePolicy }): void;
  set_policy(...args: unknown[]): void {
    const { policy } = COOKIEJAR_SET_POLICY.bind(args);
    this._policy = policy;
  }

  #cookiesForDomain(domain: string, request: CookieRequest): Cookie[] {
    const out: Cookie[] = [];
    if (!this._policy.domain_return_ok(domain, request)) return out;
    const byPath = this._cookies.get(domain)!;
    for (const [path, byName] of byPath) {
      if (!this._policy.path_return_ok(path, request)) continue;
      for (const cookie of byName.values()) {
        if (!this._policy.return_ok(cookie, request)) continue;
        out.push(cookie);
      }
    }
    return out;
  }

  #cookiesForRequest(request: CookieRequest): Cookie[] {
    const out: Cookie[] = [];
    for (const domain of [...this._cookies.keys()]) out.push(...this.#cookiesForDomain(domain, request));
    return out;
  }

  #cookieAttrs(cookies: Cookie[]): string[] {
    cookies.sort((a, b) => [...b.path].length - [...a.path].length);
    let versionSet = false;
    const attrs: string[] = [];
    for (const cookie of cookies) {
      const version = cookie.version ?? 0;
      if (!versionSet) {
        versionSet = true;
        if (version > 0) attrs.push(`$Version=${version}`);
      }
      let value = cookie.value;
      if (value !== null && this.non_word_re.test(value) && version > 0) {
        value = value.replace(new RegExp(this.quote_re.source, "g"), "\\$1");
      }
      if (cookie.value === null) attrs.push(cookie.name);
      else attrs.push(`${cookie.name}=${value}`);
      if (version > 0) {
        if (cookie.path_specified) attrs.push(`$Path="${cookie.path}"`);
        if (cookie.domain.startsWith(".")) {
          let domain = cookie.domain;
          if (!cookie.domain_initial_dot && domain.startsWith(".")) domain = domain.slice(1);
          attrs.push(`$Domain="${domain}"`);
        }
        if (cookie.port !== null) {
          let p = "$Port";
          if (cookie.port_specified) p += `="${cookie.port}"`;
          attrs.push(p);
        }
      }
    }
    return attrs;
  }

  /**
   * Python's `add_cookie_header(request)`: add the `Cookie` header (and
   * `Cookie2` when RFC 2965 is on) for the cookies the policy returns.
   *
   * @param request the request about to be sent
   */
  add_cookie_header(request: CookieRequest): void {
    if (arguments.length !== 1 || isMarkedKeywords(arguments[0]) || anyUndefined(arguments)) {
      ({ request } = COOKIEJAR_ADD_COOKIE_HEADER.bind(arguments));
    }
    this._policy._now = this._now = nowInt();
    const cookies = this.#cookiesForRequest(request);
    const attrs = this.#cookieAttrs(cookies);
    if (attrs.length && !request.has_header("Cookie")) {
      request.add_unredirected_header("Cookie", attrs.join("; "));
    }
    if (this._policy.rfc2965 && !this._policy.hide_cookie2 && !request.has_header("Cookie2")) {
      if (cookies.some((c) => c.version !== 1)) request.add_unredirected_header("Cookie2", '$Version="1"');
    }
    this.clear_expired_cookies();
  }

  #normalizedCookieTuples(attrsSet: (readonly [string, unknown])[][]): CookieTuple[] {
    const tuples: CookieTuple[] = [];
    for (const cookieAttrs of attrsSet) {
      const [name, value] = cookieAttrs[0] as [string, string | null];
      let maxAgeSet = false;
      let bad = false;
      const standard: Standard = new Map();
      const rest = new Map<string, unknown>();
      for (let [k, v] of cookieAttrs.slice(1)) {
        const lc = k.toLowerCase();
        if (VALUE_ATTRS.includes(lc) || BOOLEAN_ATTRS.includes(lc)) k = lc;
        if (BOOLEAN_ATTRS.includes(k) && v === null) v = true;
        if (standard.has(k)) continue;
        if (k === "domain") {
          if (v === null) {
            bad = true;
            break;
          }
          v = (v as string).toLowerCase();
        }
        if (k === "expires") {
          if (maxAgeSet) continue;
          if (v === null) continue;
        }
        if (k === "max-age") {
          maxAgeSet = true;
          try {
            v = pyInt(v); // None raises TypeError, which make_cookies swallows as CPython does
          } catch (e) {
            if (e instanceof ValueError) {
              bad = true;
              break;
            }
            throw e;
          }
          k = "expires";
          v = this._now + (v as number);
        }
        if (VALUE_ATTRS.includes(k) || BOOLEAN_ATTRS.includes(k)) {
          if (v === null && !["port", "comment", "commenturl"].includes(k)) {
            bad = true;
            break;
          }
          standard.set(k, v);
        } else rest.set(k, v);
      }
      if (bad) continue;
      tuples.push([name, value, standard, rest]);
    }
    return tuples;
  }

  #cookieFromTuple(tup: CookieTuple, request: CookieRequest): Cookie | null {
    const [name, value, standard, rest] = tup;
    const has = (k: string) => standard.has(k);
    let version: unknown = standard.has("version") ? standard.get("version") : null;
    if (version !== null) {
      try {
        version = pyInt(version);
      } catch (e) {
        if (e instanceof ValueError) return null;
        throw e;
      }
    }
    const secure = (has("secure") ? standard.get("secure") : false) as boolean | string;
    let discard = (has("discard") ? standard.get("discard") : false) as boolean | string;
    const comment = (has("comment") ? standard.get("comment") : null) as string | null;
    const commentUrl = (has("commenturl") ? standard.get("commenturl") : null) as string | null;

    let path: string;
    let pathSpecified: boolean;
    if (has("path") && standard.get("path") !== "") {
      pathSpecified = true;
      path = escape_pathImpl(standard.get("path") as string);
    } else {
      pathSpecified = false;
      path = request_pathImpl(request);
      const i = path.lastIndexOf("/");
      if (i !== -1) path = version === 0 ? path.slice(0, i) : path.slice(0, i + 1);
      if (path.length === 0) path = "/";
    }

    const domainSpecified = has("domain");
    let domainInitialDot = false;
    let domain: string;
    if (domainSpecified) {
      domain = standard.get("domain") as string;
      domainInitialDot = domain.startsWith(".");
      if (!domain.startsWith(".")) domain = "." + domain;
    } else domain = eff_request_hostImpl(request)[1];

    let portSpecified = false;
    let port: string | null;
    if (has("port")) {
      const p = standard.get("port") as string | null;
      if (p === null) port = request_portImpl(request);
      else {
        portSpecified = true;
        port = [...p].filter((ch) => !pySpace(ch.charCodeAt(0))).join("");
      }
    } else port = null;

    let expires: unknown = has("expires") ? standard.get("expires") : undefined;
    if (expires === undefined) {
      expires = null;
      discard = true;
    } else {
      if (typeof expires === "string") {
        throw new TypeErrorPy("'<=' not supported between instances of 'str' and 'int'");
      }
      if (typeof expires === "boolean") expires = expires ? 1 : 0;
      if ((expires as number) <= this._now) {
        try {
          this.clear(domain, path, name);
        } catch (e) {
          if (!(e instanceof KeyError)) throw e;
        }
        return null;
      }
    }
    return new Cookie(
      version as number | null,
      name,
      value,
      port,
      portSpecified,
      domain,
      domainSpecified,
      domainInitialDot,
      path,
      pathSpecified,
      secure,
      expires as number | null,
      discard,
      comment,
      commentUrl,
      rest,
    );
  }

  #cookiesFromAttrsSet(attrsSet: (readonly [string, unknown])[][], request: CookieRequest): Cookie[] {
    const out: Cookie[] = [];
    for (const tup of this.#normalizedCookieTuples(attrsSet)) {
      const c = this.#cookieFromTuple(tup, request);
      if (c) out.push(c);
    }
    return out;
  }

  #processRfc2109(cookies: Cookie[]): void {
    const p = this._policy as CookiePolicy & { rfc2109_as_netscape?: boolean | null };
    let asNs = p.rfc2109_as_netscape ?? null;
    if (asNs === null) asNs = !this._policy.rfc2965;
    for (const c of cookies) {
      if (c.version === 1) {
        c.rfc2109 = true;
        if (asNs) c.version = 0;
      }
    }
  }

  /**
   * Python's `make_cookies(response, request)`: the cookies of a response's
   * `Set-Cookie` and `Set-Cookie2` headers, before the policy's `set_ok`.
   *
   * @param response the response (its `info()` gives the headers)
   * @param request the request it answers
   * @returns the cookies
   */
  make_cookies(response: CookieResponse, request: CookieRequest): Cookie[] {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ response, request } = COOKIEJAR_MAKE_COOKIES.bind(arguments));
    }
    const headers = response.info();
    const rfc2965Hdrs = headers.get_all("Set-Cookie2", []) ?? [];
    const nsHdrs = headers.get_all("Set-Cookie", []) ?? [];
    this._policy._now = this._now = nowInt();
    const rfc2965 = this._policy.rfc2965, netscape = this._policy.netscape;
    if (
      (!rfc2965Hdrs.length && !nsHdrs.length) || (!nsHdrs.length && !rfc2965) ||
      (!rfc2965Hdrs.length && !netscape) || (!netscape && !rfc2965)
    ) return [];
    let cookies: Cookie[];
    try {
      cookies = this.#cookiesFromAttrsSet(split_header_wordsImpl(rfc2965Hdrs), request);
    } catch (e) {
      warnUnhandledException(e);
      cookies = [];
    }
    if (nsHdrs.length && netscape) {
      let ns: Cookie[];
      try {
        ns = this.#cookiesFromAttrsSet(parse_ns_headersImpl(nsHdrs), request);
      } catch (e) {
        warnUnhandledException(e);
        ns = [];
      }
      this.#processRfc2109(ns);
      if (rfc2965) {
        const lookup = new Set(cookies.map(dpn));
        ns = ns.filter((c) => !lookup.has(dpn(c)));
      }
      cookies.push(...ns);
    }
    return cookies;
  }

  /**
   * Python's `set_cookie_if_ok(cookie, request)`.
   *
   * @param cookie the cookie
   * @param request the request the cookie came with
   */
  set_cookie_if_ok(cookie: Cookie, request: CookieRequest): void {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ cookie, request } = COOKIEJAR_SET_COOKIE_IF_OK.bind(arguments));
    }
    this._policy._now = this._now = nowInt();
    if (this._policy.set_ok(cookie, request)) this.set_cookie(cookie);
  }

  /**
   * Python's `set_cookie(cookie)`: store it without asking the policy.
   *
   * @param cookie the cookie
   */
  set_cookie(cookie: Cookie): void {
    ({ cookie } = COOKIEJAR_SET_COOKIE.bind(arguments));
    let byPath = this._cookies.get(cookie.domain);
    if (!byPath) this._cookies.set(cookie.domain, byPath = new Map());
    let byName = byPath.get(cookie.path);
    if (!byName) byPath.set(cookie.path, byName = new Map());
    byName.set(cookie.name, cookie);
  }

  /**
   * Python's `extract_cookies(response, request)`: store the response's
   * cookies that the policy accepts.
   *
   * @param response the response
   * @param request the request it answers
   */
  extract_cookies(response: CookieResponse, request: CookieRequest): void {
    if (arguments.length !== 2 || isMarkedKeywords(arguments[1]) || anyUndefined(arguments)) {
      ({ response, request } = COOKIEJAR_EXTRACT_COOKIES.bind(arguments));
    }
    for (const cookie of this.make_cookies(response, request)) {
      if (this._policy.set_ok(cookie, request)) this.set_cookie(cookie);
    }
  }

  /**
   * Python's `clear(domain=None, path=None, name=None)`: remove all cookies,
   * a domain's, a domain and path's, or one cookie.
   *
   * @param domain the domain
   * @param path the path (needs a domain)
   * @param name the name (needs a domain and path)
   * @throws KeyError when there is no such cookie; ValueError for missing arguments
   */
  clear(domain?: string | null, path?: string | null, name?: string | null): void;
  /** The same call, with Python's keyword arguments in a trailing object. */
  clear(domain: string | null, path: string | null, kwargs: { name?: string | null }): void;
  /** The same call, with Python's keyword arguments in a trailing object. */
  clear(domain: string | null, kwargs: { path?: string | null; name?: string | null }): void;
  /** The same call, with Python's keyword arguments in a trailing object. */
  clear(kwargs: { domain?: string | null; path?: string | null; name?: string | null }): void;
  clear(...args: unknown[]): void {
    const { domain, path, name } = COOKIEJAR_CLEAR.bind(args);
    if (name !== null) {
      if (domain === null || path === null) {
        throw new ValueError("domain and path must be given to remove a cookie by name");
      }
      const byPath = this._cookies.get(domain);
      if (!byPath) throw new KeyError(domain);
      const byName = byPath.get(path);
      if (!byName) throw new KeyError(path);
      if (!byName.delete(name)) throw new KeyError(name);
    } else if (path !== null) {
      if (domain === null) throw new ValueError("domain must be given to remove cookies by path");
      const byPath = this._cookies.get(domain);
      if (!byPath) throw new KeyError(domain);
      if (!byPath.delete(path)) throw new KeyError(path);
    } else if (domain !== null) {
      if (!this._cookies.delete(domain)) throw new KeyError(domain);
    } else this._cookies = new Map();
  }

  /** Python's `clear_session_cookies()`: remove every cookie with `discard` set. */
  clear_session_cookies(): void {
    COOKIEJAR_CLEAR_SESSION_COOKIES.bind(arguments);
    for (const c of this) if (c.discard) this.clear(c.domain, c.path, c.name);
  }

  /** Python's `clear_expired_cookies()`. */
  clear_expired_cookies(): void {
    COOKIEJAR_CLEAR_EXPIRED_COOKIES.bind(arguments);
    const now = Date.now() / 1000;
    for (const c of this) if (c.is_expired(now)) this.clear(c.domain, c.path, c.name);
  }

  /** Iterate over the cookies (domain, then path, then name order of insertion). */
  *[Symbol.iterator](): Iterator<Cookie> {
    for (const byPath of [...this._cookies.values()]) {
      for (const byName of [...byPath.values()]) {
        for (const c of [...byName.values()]) yield c;
      }
    }
  }

  /** Python's `len(jar)`: the number of cookies. */
  get size(): number {
    let n = 0;
    for (const _ of this) n++;
    return n;
  }

  /** Python's `len(jar)`. */
  __len__(): number {
    return this.size;
  }

  /** Python's `repr(jar)`: `<CookieJar[Cookie(...), ...]>`. */
  [pyrepr](): string {
    return `<${this.constructor.name}[${[...this].map((c) => repr(c)).join(", ")}]>`;
  }

  /** Python's `str(jar)`: `<CookieJar[<Cookie a=b for x/>, ...]>`. */
  [pystr](): string {
    return `<${this.constructor.name}[${[...this].map((c) => str(c)).join(", ")}]>`;
  }

  /** Python's `str(jar)`. */
  toString(): string {
    return this[pystr]();
  }
}
classAttrs(CookieJar, ["non_word_re", "quote_re", "strict_domain_re", "domain_re", "dots_re", "magic_re"]);
showAsRepr(CookieJar);

// ---------------------------------------------------------------------------
// Files

/**
 * Python's `http.cookiejar.LoadError` (an `OSError`): a cookie file is not in the expected format.
 *
 * @example
 * ```ts
 * import { LoadError, MozillaCookieJar } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * const path = await Deno.makeTempFile();
 * await Deno.writeTextFile(path, "not a cookie file\n");
 * await assert.rejects(() => new MozillaCookieJar().load(path), LoadError);
 * await Deno.remove(path);
 * ```
 */
export class LoadError extends OSError {}

/** A file name: a string, bytes, or an object with `__fspath__()` (Python's path-like). */
export type PathLike = string | Uint8Array | { __fspath__(): string | Uint8Array };

/** The keyword arguments of {@link FileCookieJar.save}, `load` and `revert`. */
export interface FileCookieJarIOKwargs {
  /** The file (default: the jar's `filename`). */
  filename?: PathLike | null;
  /** Also save/load session cookies. */
  ignore_discard?: boolean;
  /** Also save/load expired cookies. */
  ignore_expires?: boolean;
}

/** The keyword arguments of the {@link FileCookieJar} constructor. */
export interface FileCookieJarKwargs {
  /** The default file for `save`/`load`/`revert`. */
  filename?: PathLike | null;
  /** Kept for compatibility (CPython never loads lazily either). */
  delayload?: boolean;
  /** The policy. */
  policy?: CookiePolicy | null;
}

type IOParams = { filename: PathLike | null; ignore_discard: unknown; ignore_expires: unknown };
const IO_PARAMS = ["self", "filename", "ignore_discard", "ignore_expires"];
const IO_DEFAULTS = { filename: null, ignore_discard: false, ignore_expires: false };
const FILECOOKIEJAR_INIT = new Signature<Required<FileCookieJarKwargs>>(
  "FileCookieJar.__init__",
  ["self", "filename", "delayload", "policy"],
  { filename: null, delayload: false, policy: null },
);
const FILECOOKIEJAR_SAVE = new Signature<IOParams>("FileCookieJar.save", IO_PARAMS, IO_DEFAULTS);
const FILECOOKIEJAR_LOAD = new Signature<IOParams>("FileCookieJar.load", IO_PARAMS, IO_DEFAULTS);
const FILECOOKIEJAR_REVERT = new Signature<IOParams>("FileCookieJar.revert", IO_PARAMS, IO_DEFAULTS);
const LWPCOOKIEJAR_SAVE = new Signature<IOParams>("LWPCookieJar.save", IO_PARAMS, IO_DEFAULTS);
const MOZILLACOOKIEJAR_SAVE = new Signature<IOParams>("MozillaCookieJar.save", IO_PARAMS, IO_DEFAULTS);
const LWPCOOKIEJAR_AS_LWP_STR = new Signature<{ ignore_discard: unknown; ignore_expires: unknown }>(
  "LWPCookieJar.as_lwp_str",
  ["self", "ignore_discard", "ignore_expires"],
  { ignore_discard: true, ignore_expires: true },
);

/**
 * Python's `os.fspath(path)`: a string or bytes as it is, else the result of
 * `__fspath__()`; anything else raises CPython's `TypeError`.
 */
function fspath(path: unknown): string | Uint8Array {
  if (typeof path === "string" || path instanceof Uint8Array) return path;
  const f = path !== null && typeof path === "object"
    ? (path as { __fspath__?: unknown }).__fspath__
    : undefined;
  if (typeof f !== "function") {
    throw new TypeErrorPy(`expected str, bytes or os.PathLike object, not ${typeName(path)}`);
  }
  const r = f.call(path);
  if (typeof r === "string" || r instanceof Uint8Array) return r;
  throw new TypeErrorPy(
    `expected ${typeName(path)}.__fspath__() to return str or bytes, not ${typeName(r)}`,
  );
}

/** The file name Deno opens for a Python file name (bytes are UTF-8). */
function osPath(path: string | Uint8Array): string {
  return typeof path === "string" ? path : decode(path, "utf-8", "strict");
}

/** The file Deno opens: `filename`, else the jar's, else CPython's ValueError. */
function jarFile(jar: FileCookieJar, filename: unknown): string {
  if (filename !== null) return osPath(fspath(filename));
  if (jar.filename !== null) return osPath(jar.filename);
  throw new ValueError(MISSING_FILENAME_TEXT);
}

/** Write `jar._save_text(...)` to `path` (mode 0o600, as CPython's `os.open`). */
async function saveJar(
  jar: FileCookieJar,
  path: string,
  ignore_discard: unknown,
  ignore_expires: unknown,
): Promise<void> {
  const text = jar._save_text(truthy(ignore_discard), truthy(ignore_expires));
  const data = encode(text, "utf-8", "strict");
  try {
    await Deno.writeFile(path, data, { mode: 0o600 });
  } catch (err) {
    throw fromDenoError(err, path);
  }
}

/** Lines of a text file as Python's universal-newline `readline()` gives them. */
function textLines(text: string): string[] {
  const t = text.replace(/\r\n?/g, "\n");
  const lines: string[] = [];
  let i = 0;
  while (i < t.length) {
    const j = t.indexOf("\n", i);
    if (j < 0) {
      lines.push(t.slice(i));
      break;
    }
    lines.push(t.slice(i, j + 1));
    i = j + 1;
  }
  return lines;
}

/**
 * Python's `http.cookiejar.FileCookieJar`: a jar that can be saved to and
 * loaded from a file (`await jar.save()`, `await jar.load()`, `await jar.revert()`).
 * Use {@link MozillaCookieJar} or {@link LWPCookieJar}.
 * @example
 * ```ts
 * import { FileCookieJar, LWPCookieJar } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * const jar: FileCookieJar = new LWPCookieJar("cookies.lwp");
 * assert.equal(jar.filename, "cookies.lwp");
 * ```
 */
export class FileCookieJar extends CookieJar {
  /** The default file name (a string or bytes, as given), or `null`. */
  filename: string | Uint8Array | null;
  /** Python's `delayload` flag (stored only). */
  delayload: boolean;

  /**
   * Python's `FileCookieJar(filename=None, delayload=False, policy=None)`.
   *
   * @param filename the default file (a path-like), or the keywords
   * @param delayload stored only
   * @param policy the policy
   * @throws TypeError when `filename` is not a str, bytes or path-like
   */
  constructor(filename?: PathLike | null, delayload?: boolean, policy?: CookiePolicy | null);
  /** The same call, with Python's keyword arguments in a trailing object. */
  constructor(filename: PathLike | null, delayload: boolean, kwargs: { policy?: CookiePolicy | null });
  /** The same call, with Python's keyword arguments in a trailing object. */
  constructor(filename: PathLike | null, kwargs: { delayload?: boolean; policy?: CookiePolicy | null });
  /** The same call, with Python's keyword arguments in a trailing object. */
  constructor(kwargs: FileCookieJarKwargs);
  constructor(...args: unknown[]) {
    const { filename, delayload, policy } = FILECOOKIEJAR_INIT.bind(args);
    super(policy);
    this.filename = filename !== null ? fspath(filename) : null;
    this.delayload = truthy(delayload);
  }

  /** `repr(filename)` for LoadError messages. */
  #name(filename: unknown): string | Uint8Array {
    return filename !== null ? fspath(filename) : this.filename!;
  }

  /**
   * Python's `save(filename=None, ignore_discard=False, ignore_expires=False)`.
   *
   * @param filename the file (default: `this.filename`), or the keywords
   * @param ignore_discard also save session cookies (or the keywords)
   * @param ignore_expires also save expired cookies
   */
  save(
    filename?: PathLike | null | FileCookieJarIOKwargs,
    ignore_discard?: boolean | FileCookieJarIOKwargs,
    ignore_expires?: boolean | FileCookieJarIOKwargs,
  ): Promise<void>;
  async save(): Promise<void> {
    const a = FILECOOKIEJAR_SAVE.bind(arguments);
    await saveJar(this, jarFile(this, a.filename), a.ignore_discard, a.ignore_expires);
  }

  /**
   * The file's text (implemented by subclasses; CPython's `save` raises
   * NotImplementedError here).
   *
   * @param _ignore_discard also include session cookies
   * @param _ignore_expires also include expired cookies
   * @returns the file content
   */
  _save_text(_ignore_discard: boolean, _ignore_expires: boolean): string {
    throw new NotImplementedErrorClass();
  }

  /**
   * Python's `load(filename=None, ignore_discard=False, ignore_expires=False)`:
   * add the file's cookies to the jar.
   *
   * @param filename the file (default: `this.filename`), or the keywords
   * @param ignore_discard also load session cookies
   * @param ignore_expires also load expired cookies
   * @throws LoadError for a malformed file; OSError subclasses from the file system
   */
  load(
    filename?: PathLike | null | FileCookieJarIOKwargs,
    ignore_discard?: boolean | FileCookieJarIOKwargs,
    ignore_expires?: boolean | FileCookieJarIOKwargs,
  ): Promise<void>;
  async load(): Promise<void> {
    const { filename, ignore_discard: d, ignore_expires: e } = FILECOOKIEJAR_LOAD.bind(arguments);
    const path = jarFile(this, filename);
    let data: Uint8Array;
    try {
      data = await Deno.readFile(path);
    } catch (err) {
      throw fromDenoError(err, path);
    }
    this._really_load(textLines(decode(data, "utf-8", "strict")), this.#name(filename), truthy(d), truthy(e));
  }

  /**
   * Parse the file's lines into the jar (implemented by subclasses).
   *
   * @param _lines the lines, each with its `\n`
   * @param _filename the file name, for messages
   * @param _ignore_discard also load session cookies
   * @param _ignore_expires also load expired cookies
   */
  _really_load(
    _lines: string[],
    _filename: string | Uint8Array,
    _ignore_discard: boolean,
    _ignore_expires: boolean,
  ): void {
    throw new NotImplementedErrorClass();
  }

  /**
   * Python's `revert(filename=None, ...)`: clear the jar and reload the
   * file; on an OSError (LoadError included) the jar is left as it was.
   *
   * @param filename the file (default: `this.filename`), or the keywords
   * @param ignore_discard also load session cookies
   * @param ignore_expires also load expired cookies
   */
  revert(
    filename?: PathLike | null | FileCookieJarIOKwargs,
    ignore_discard?: boolean | FileCookieJarIOKwargs,
    ignore_expires?: boolean | FileCookieJarIOKwargs,
  ): Promise<void>;
  async revert(): Promise<void> {
    const { filename, ignore_discard: d, ignore_expires: e } = FILECOOKIEJAR_REVERT.bind(arguments);
    jarFile(this, filename);
    const name = this.#name(filename);
    const old = this._cookies;
    this._cookies = new Map();
    try {
      await this.load(name, d as boolean, e as boolean);
    } catch (err) {
      if (err instanceof OSError) this._cookies = old;
      throw err;
    }
  }
}

const LWP_COOKIE_STR = new Signature<{ cookie: Cookie }>("lwp_cookie_str", ["cookie"]);

/**
 * Python's `http.cookiejar.lwp_cookie_str(cookie)`: the cookie as a
 * `Set-Cookie3` value of libwww-perl's format.
 *
 * @param cookie the cookie
 * @returns the header value
 * @example
 * ```ts
 * import { Cookie, lwp_cookie_str } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * const c = new Cookie(0, "a", "b c", null, false, ".example.com", true, true, "/", true, false, 0, false, null, null, {});
 * assert.equal(lwp_cookie_str(c), 'a="b c"; path="/"; domain=.example.com; path_spec; domain_dot; version=0');
 * ```
 */
export function lwp_cookie_str(cookie: Cookie): string;
/** The same call, with Python's keyword arguments in a trailing object. */
export function lwp_cookie_str(kwargs: { cookie: Cookie }): string;
export function lwp_cookie_str(...args: unknown[]): string {
  const { cookie } = LWP_COOKIE_STR.bind(args);
  return lwp_cookie_strImpl(cookie);
}

/** The body of {@link lwp_cookie_str}, for internal callers. */
function lwp_cookie_strImpl(cookie: Cookie): string {
  const h: [string, string | null][] = [[cookie.name, cookie.value], ["path", cookie.path], [
    "domain",
    cookie.domain,
  ]];
  if (cookie.port !== null) h.push(["port", cookie.port]);
  if (cookie.path_specified) h.push(["path_spec", null]);
  if (cookie.port_specified) h.push(["port_spec", null]);
  if (cookie.domain_initial_dot) h.push(["domain_dot", null]);
  if (cookie.secure) h.push(["secure", null]);
  if (cookie.expires) h.push(["expires", time2isozImpl(cookie.expires)]);
  if (cookie.discard) h.push(["discard", null]);
  if (cookie.comment) h.push(["comment", cookie.comment]);
  if (cookie.comment_url) h.push(["commenturl", cookie.comment_url]);
  for (const k of [...cookie._rest.keys()].sort(cmpCodePoints)) h.push([k, str(cookie._rest.get(k))]);
  h.push(["version", str(cookie.version)]);
  return join_header_wordsImpl([h]);
}

function cmpCodePoints(a: string, b: string): number {
  const x = [...a], y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

/**
 * Python's `http.cookiejar.LWPCookieJar`: saves `Set-Cookie3` lines
 * (libwww-perl's format, which keeps every RFC 2965 attribute).
 *
 * @example
 * ```ts
 * import { Cookie, LWPCookieJar } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * const jar = new LWPCookieJar();
 * jar.set_cookie(new Cookie(0, "a", "b", null, false, "example.com", false, false, "/", false, false, 2000000000, false, null, null, {}));
 * assert.equal(jar.as_lwp_str(), 'Set-Cookie3: a=b; path="/"; domain=example.com; expires="2033-05-18 03:33:20Z"; version=0\n');
 * ```
 */
export class LWPCookieJar extends FileCookieJar {
  /**
   * Python's `as_lwp_str(ignore_discard=True, ignore_expires=True)`.
   *
   * @param ignore_discard include session cookies
   * @param ignore_expires include expired cookies
   * @returns `Set-Cookie3: ...` lines, each ending in `\n`
   */
  as_lwp_str(ignore_discard?: boolean, ignore_expires?: boolean): string;
  /** The same call, with Python's keyword arguments in a trailing object. */
  as_lwp_str(ignore_discard: boolean, kwargs: { ignore_expires?: boolean }): string;
  /** The same call, with Python's keyword arguments in a trailing object. */
  as_lwp_str(kwargs: { ignore_discard?: boolean; ignore_expires?: boolean }): string;
  as_lwp_str(...args: unknown[]): string {
    const a = LWPCOOKIEJAR_AS_LWP_STR.bind(args);
    const ignore_discard = truthy(a.ignore_discard), ignore_expires = truthy(a.ignore_expires);
    const now = Date.now() / 1000;
    const r: string[] = [];
    for (const c of this) {
      if (!ignore_discard && c.discard) continue;
      if (!ignore_expires && c.is_expired(now)) continue;
      r.push(`Set-Cookie3: ${lwp_cookie_strImpl(c)}`);
    }
    return [...r, ""].join("\n");
  }

  /**
   * Python's `save(filename=None, ignore_discard=False, ignore_expires=False)`:
   * write `#LWP-Cookies-2.0` and the `Set-Cookie3` lines.
   *
   * @param filename the file (default: `this.filename`), or the keywords
   * @param ignore_discard also save session cookies
   * @param ignore_expires also save expired cookies
   */
  override save(
    filename?: PathLike | null | FileCookieJarIOKwargs,
    ignore_discard?: boolean | FileCookieJarIOKwargs,
    ignore_expires?: boolean | FileCookieJarIOKwargs,
  ): Promise<void>;
  override async save(): Promise<void> {
    const a = LWPCOOKIEJAR_SAVE.bind(arguments);
    await saveJar(this, jarFile(this, a.filename), a.ignore_discard, a.ignore_expires);
  }

  /** The `#LWP-Cookies-2.0` file text. */
  override _save_text(ignore_discard: boolean, ignore_expires: boolean): string {
    return "#LWP-Cookies-2.0\n" + this.as_lwp_str(ignore_discard, ignore_expires);
  }

  /** Parse `Set-Cookie3` lines. */
  override _really_load(
    lines: string[],
    filename: string | Uint8Array,
    ignore_discard: boolean,
    ignore_expires: boolean,
  ): void {
    const magic = lines[0] ?? "";
    if (!this.magic_re.test(magic)) {
      throw new LoadError(`${repr(filename)} does not look like a Set-Cookie3 (LWP) format file`);
    }
    const now = Date.now() / 1000;
    const header = "Set-Cookie3:";
    const booleanAttrs = ["port_spec", "path_spec", "domain_dot", "secure", "discard"];
    const valueAttrs = ["version", "port", "path", "domain", "expires", "comment", "commenturl"];
    let line = "";
    try {
      for (let li = 1; li < lines.length; li++) {
        line = lines[li];
        if (!line.startsWith(header)) continue;
        line = pyStrip(line.slice(header.length));
        for (const data of split_header_wordsImpl([line])) {
          const [name, value] = data[0];
          const standard = new Map<string, unknown>();
          const rest = new Map<string, unknown>();
          for (const k of booleanAttrs) standard.set(k, false);
          for (let [k, v] of data.slice(1) as [string, unknown][]) {
            const lc = k.toLowerCase();
            if (valueAttrs.includes(lc) || booleanAttrs.includes(lc)) k = lc;
            if (booleanAttrs.includes(k)) {
              if (v === null) v = true;
              standard.set(k, v);
            } else if (valueAttrs.includes(k)) standard.set(k, v);
            else rest.set(k, v);
          }
          const h = (k: string) => standard.has(k) ? standard.get(k) : null;
          let expires: unknown = h("expires");
          let discard = h("discard") as boolean | string;
          if (expires !== null) expires = iso2timeImpl(expires as string);
          if (expires === null) discard = true;
          const domain = h("domain");
          if (typeof domain !== "string") {
            throw new Exception(`'NoneType' object has no attribute 'startswith'`);
          }
          const c = new Cookie(
            h("version") as string | null,
            name,
            value,
            h("port") as string | null,
            h("port_spec") as boolean,
            domain,
            domain.startsWith("."),
            h("domain_dot") as boolean,
            h("path") as string,
            h("path_spec") as boolean,
            h("secure") as boolean,
            expires as number | null,
            discard,
            h("comment") as string | null,
            h("commenturl") as string | null,
            rest,
          );
          if (!ignore_discard && c.discard) continue;
          if (!ignore_expires && c.is_expired(now)) continue;
          this.set_cookie(c);
        }
      }
    } catch (e) {
      if (e instanceof OSError) throw e;
      warnUnhandledException(e);
      throw new LoadError(`invalid Set-Cookie3 format file ${repr(filename)}: ${repr(line)}`);
    }
  }
}

/**
 * Python's `http.cookiejar.MozillaCookieJar`: the Netscape/Mozilla
 * `cookies.txt` format (also read and written by curl and wget).
 *
 * @example
 * ```ts
 * import { Cookie, MozillaCookieJar } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * const jar = new MozillaCookieJar();
 * jar.set_cookie(new Cookie(0, "a", "b", null, false, ".example.com", true, true, "/", true, true, 2000000000, false, null, null, {}));
 * const path = await Deno.makeTempFile();
 * await jar.save(path);
 * const copy = new MozillaCookieJar(path);
 * await copy.load();
 * assert.equal([...copy][0].value, "b");
 * await Deno.remove(path);
 * ```
 */
export class MozillaCookieJar extends FileCookieJar {
  /**
   * Python's `save(filename=None, ignore_discard=False, ignore_expires=False)`:
   * write the `cookies.txt` file.
   *
   * @param filename the file (default: `this.filename`), or the keywords
   * @param ignore_discard also save session cookies
   * @param ignore_expires also save expired cookies
   */
  override save(
    filename?: PathLike | null | FileCookieJarIOKwargs,
    ignore_discard?: boolean | FileCookieJarIOKwargs,
    ignore_expires?: boolean | FileCookieJarIOKwargs,
  ): Promise<void>;
  override async save(): Promise<void> {
    const a = MOZILLACOOKIEJAR_SAVE.bind(arguments);
    await saveJar(this, jarFile(this, a.filename), a.ignore_discard, a.ignore_expires);
  }

  /** The `cookies.txt` text. */
  override _save_text(ignore_discard: boolean, ignore_expires: boolean): string {
    let out = NETSCAPE_HEADER_TEXT;
    const now = Date.now() / 1000;
    for (const c of this) {
      let domain = c.domain;
      if (!ignore_discard && c.discard) continue;
      if (!ignore_expires && c.is_expired(now)) continue;
      const secure = c.secure ? "TRUE" : "FALSE";
      const initialDot = domain.startsWith(".") ? "TRUE" : "FALSE";
      const expires = c.expires !== null ? String(c.expires) : "";
      let name: string, value: string;
      if (c.value === null) {
        name = "";
        value = c.name;
      } else {
        name = c.name;
        value = c.value;
      }
      if (c.has_nonstandard_attr(HTTPONLY_ATTR)) domain = HTTPONLY_PREFIX + domain;
      out += [domain, initialDot, c.path, secure, expires, name, value].join("\t") + "\n";
    }
    return out;
  }

  /** Parse `cookies.txt` lines. */
  override _really_load(
    lines: string[],
    filename: string | Uint8Array,
    ignore_discard: boolean,
    ignore_expires: boolean,
  ): void {
    const now = Date.now() / 1000;
    if (NETSCAPE_MAGIC_RGX.exec(lines[0] ?? "")?.index !== 0) {
      throw new LoadError(`${repr(filename)} does not look like a Netscape format cookies file`);
    }
    let line = "";
    try {
      for (let li = 1; li < lines.length; li++) {
        line = lines[li];
        const rest = new Map<string, unknown>();
        if (line.startsWith(HTTPONLY_PREFIX)) {
          rest.set(HTTPONLY_ATTR, "");
          line = line.slice(HTTPONLY_PREFIX.length);
        }
        if (line.endsWith("\n")) line = line.slice(0, -1);
        const stripped = pyStrip(line);
        if (stripped.startsWith("#") || stripped.startsWith("$") || stripped === "") continue;
        const fields = line.split("\t");
        if (fields.length !== 7) {
          throw new ValueError(
            fields.length > 7
              ? "too many values to unpack (expected 7)"
              : `not enough values to unpack (expected 7, got ${fields.length})`,
          );
        }
        const [domain, domSpec, path, secureText, expiresText, name0, value0] = fields;
        const secure = secureText === "TRUE";
        const domainSpecified = domSpec === "TRUE";
        let name = name0, value: string | null = value0;
        if (name === "") {
          name = value0;
          value = null;
        }
        const initialDot = domain.startsWith(".");
        if (domainSpecified !== initialDot) throw new AssertionError();
        let discard = false;
        let expires: string | null = expiresText;
        if (expires === "") {
          expires = null;
          discard = true;
        }
        const c = new Cookie(
          0,
          name,
          value,
          null,
          false,
          domain,
          domainSpecified,
          initialDot,
          path,
          false,
          secure,
          expires,
          discard,
          null,
          null,
          rest,
        );
        if (!ignore_discard && c.discard) continue;
        if (!ignore_expires && c.is_expired(now)) continue;
        this.set_cookie(c);
      }
    } catch (e) {
      if (e instanceof OSError) throw e;
      warnUnhandledException(e);
      throw new LoadError(`invalid Netscape format cookies file ${repr(filename)}: ${repr(line)}`);
    }
  }
}
