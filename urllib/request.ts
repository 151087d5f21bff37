/**
 * Python's `urllib.request`: open URLs (`http:`, `https:`, `file:`, `data:`)
 * through a chain of handlers — redirects, cookies, proxies, Basic and
 * Digest authentication — with Python's names and behaviour. Add `await`
 * where Python blocks: `await urlopen(url)`, `await resp.read()`.
 *
 * ```python
 * import urllib.request
 * with urllib.request.urlopen("http://127.0.0.1:8000/") as f:
 *     print(f.status, f.read(100).decode("utf-8"))
 * ```
 *
 * ```ts ignore
 * import { urlopen } from "@pyweb/std/urllib/request";
 * await using f = await urlopen("http://127.0.0.1:8000/");
 * console.log(f.status, (await f.read(100)).decode("utf-8"));
 * ```
 *
 * @module
 */

import { UserWarning, warn } from "../warnings.ts";
import type { Bytes } from "../_util/bytes.ts";
import { encode } from "../_util/codecs.ts";
import {
  fromDenoError,
  gaierror,
  IndexError,
  IsADirectoryError,
  OSError,
  TypeError,
  ValueError,
} from "../_util/exceptions.ts";
import { deleteOwnAttribute, truthy } from "../_util/builtins.ts";
import { classAttrs } from "../_util/classattrs.ts";
import { isKeywords, isMarkedKeywords, type Keywords, kw, Signature } from "../_util/signature.ts";
import { HTTPMessage, parseHeaderBlock } from "../_util/message.ts";
import { pyrepr, repr, showAsRepr, type Tuple, tuple } from "../_util/repr.ts";
import { BufferedReader, type ByteSource } from "../_util/stream.ts";
import { findRealms, hexdigest, urandom } from "./_request_auth.ts";
import { addressesOf, hostname } from "./_request_host.ts";
import {
  splithost,
  splitpasswd,
  splitport,
  splittag,
  splittype,
  splituser,
  unquoteToBytes,
  urlsplitRaw,
} from "./_request_url.ts";
import { ContentTooShortError, HTTPError, URLError } from "./error.ts";
import { addinfourl, objectId, type ReadableFile } from "./response.ts";
import { guess_file_type } from "../_util/mimetypes.ts";
import { normpath } from "../_util/posixpath.ts";
import { HTTPConnection, HTTPSConnection } from "../http/client.ts";
import { quote, unquote, unwrap, urljoin, urlparse, urlunparse } from "./parse.ts";
import { CookieJar } from "../http/cookiejar.ts";
import { BinasciiError, decodeBase64 } from "../_util/base64.ts";

export { ContentTooShortError, HTTPError, URLError };
// Names CPython's urllib.request imports into its namespace, so `from urllib.request import quote` ports too.
export { addclosehook, addinfourl } from "./response.ts";
export {
  quote,
  unquote,
  unquote_to_bytes,
  unwrap,
  urljoin,
  urlparse,
  urlsplit,
  urlunparse,
} from "./parse.ts";

/** The `User-agent` our openers send (CPython sends `Python-urllib/3.14`). */
export const __version__: string = "Deno/" + (globalThis.Deno?.version?.deno ?? "2");

/** Request body types: bytes, a file-like object with `read()`, or an iterable of byte chunks. */
export type RequestData =
  | Uint8Array
  | { read(n?: number): unknown }
  | Iterable<Uint8Array>
  | AsyncIterable<Uint8Array>;

/** Header mappings accepted by {@link Request}: a plain object, a `Map` or a list of pairs. */
export type HeadersInit = Record<string, string> | Map<string, string> | Iterable<readonly [string, string]>;

function entriesOf(h: HeadersInit | null | undefined): [string, string][] {
  if (h == null) return [];
  if (h instanceof Map) return [...h];
  if (typeof (h as Iterable<unknown>)[Symbol.iterator] === "function") {
    return [...(h as Iterable<readonly [string, string]>)].map(([k, v]) => [k, v]);
  }
  return Object.entries(h as Record<string, string>);
}

function capitalize(s: string): string {
  // Python's str.capitalize(): first character upper-cased, the rest lower-cased.
  if (!s) return s;
  const first = String.fromCodePoint(s.codePointAt(0)!);
  return first.toUpperCase() + s.slice(first.length).toLowerCase();
}

function bytesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const REQUEST_HOST = new Signature<{ request: Request }>("request_host", ["request"]);

/**
 * Python's `request_host(request)`: the request's host, lower-cased, without a port.
 * @param request the request
 * @returns its host
 */
export function request_host(request: Request): string;
/** Python's `request_host`, with keyword arguments. */
export function request_host(kwargs: { request: Request }): string;
export function request_host(...args: unknown[]): string {
  return requestHost(REQUEST_HOST.bind(args).request);
}

function requestHost(request: Request): string {
  const url = request.full_url;
  let host = urlsplitRaw(url)[1] ?? "";
  if (host === "") host = String(request.get_header("Host", "") ?? "");
  return host.replace(/:[0-9]+$/, "").toLowerCase();
}

/** Keyword arguments of {@link Request}. */
export interface RequestOptions {
  /** The body. */
  data?: RequestData | null;
  /** Headers to add (names are `capitalize()`d). */
  headers?: HeadersInit;
  /** The origin's host (RFC 2965). */
  origin_req_host?: string | null;
  /** Not approved by the user (RFC 2965). */
  unverifiable?: boolean;
  /** The HTTP method. */
  method?: string | null;
}

const REQUEST_INIT = new Signature<
  {
    url: string;
    data: RequestData | null;
    headers: HeadersInit;
    origin_req_host: string | null;
    unverifiable: boolean;
    method: string | null;
  }
>(
  "Request.__init__",
  ["self", "url", "data", "headers", "origin_req_host", "unverifiable", "method"],
  { data: null, headers: {}, origin_req_host: null, unverifiable: false, method: null },
  ["headers"],
);
const REQUEST_SET_PROXY = new Signature<{ host: string; type: string }>(
  "Request.set_proxy",
  ["self", "host", "type"],
);
const REQUEST_ADD_HEADER = new Signature<{ key: string; val: string }>(
  "Request.add_header",
  ["self", "key", "val"],
);
const REQUEST_ADD_UNREDIRECTED_HEADER = new Signature<{ key: string; val: string }>(
  "Request.add_unredirected_header",
  ["self", "key", "val"],
);
const REQUEST_HAS_HEADER = new Signature<{ header_name: string }>(
  "Request.has_header",
  ["self", "header_name"],
);
const REQUEST_GET_HEADER = new Signature<{ header_name: string; default: unknown }>(
  "Request.get_header",
  ["self", "header_name", "default"],
  { default: null },
);
const REQUEST_REMOVE_HEADER = new Signature<{ header_name: string }>(
  "Request.remove_header",
  ["self", "header_name"],
);

/**
 * Python's `urllib.request.Request(url, data=None, headers={}, origin_req_host=None, unverifiable=False, method=None)`.
 *
 * @example
 * ```ts
 * import { Request } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const req = new Request("http://example.com/a#frag", { data: new TextEncoder().encode("q=1") });
 * req.add_header("content-TYPE", "text/plain");
 * assert.equal(req.get_method(), "POST");
 * assert.equal(req.full_url, "http://example.com/a#frag");
 * assert.equal(req.selector, "/a");
 * assert.deepEqual([...req.header_items()[0]], ["Content-type", "text/plain"]);
 * ```
 *
 * `Request(url, data, headers=h)` ports as `new Request(url, data, kw({ headers: h }))` (a plain object
 * in the headers position is the headers dict); `del req.data` as `delattr(req, "data")`.
 */
export class Request {
  /**
   * The HTTP method for requests of this class (`null`: GET, or POST with data). A subclass may set
   * `static override method = "PUT"`; a `method` given to the constructor wins.
   */
  static method: string | null = null;
  #fullUrl: string | null = null;
  /** The fragment of the URL, or `null`. */
  fragment: string | null = null;
  /** The URL scheme (`http`, `file`, …). */
  type!: string;
  /** The host (and port), or the proxy after `set_proxy`. */
  host: string | null = null;
  /** The path sent in the request line. */
  selector = "";
  /** Headers sent also on redirects (names capitalized). */
  headers: Record<string, string> = Object.create(null);
  /** Headers not copied to redirected requests. */
  unredirected_hdrs: Record<string, string> = Object.create(null);
  #data: RequestData | null = null;
  /** The host to tunnel to through an HTTPS proxy. */
  _tunnel_host: string | null = null;
  /** The origin's host (RFC 2965). */
  origin_req_host: string;
  /** True when the request was not approved by the user (redirects). */
  unverifiable: boolean;
  /** The HTTP method given to the constructor, else the class's `method`. */
  declare method: string | null;
  /** Seconds to wait on the network, or `null`; set by `OpenerDirector.open`. */
  timeout: number | null = null;
  /** Redirects seen so far (set by `HTTPRedirectHandler`). */
  redirect_dict?: Map<string, number>;

  /**
   * Create the object, with Python's constructor arguments.
   * @param url the URL
   * @param data the body, or keyword arguments
   * @param headers headers to add
   * @param origin_req_host the origin's host
   * @param unverifiable whether the user approved the request
   * @param method the HTTP method
   */
  constructor(url: string, options?: RequestOptions);
  /** Create the object, all arguments by keyword. */
  constructor(options: RequestOptions & { url: string });
  /** Create the object, with Python's constructor arguments (a trailing `kw({...})` for the rest). */
  constructor(
    url: string,
    data?: RequestData | null,
    headers?: HeadersInit | RequestOptions,
    origin_req_host?: string | null | RequestOptions,
    unverifiable?: boolean | RequestOptions,
    method?: string | null | RequestOptions,
  );
  constructor(...args: unknown[]) {
    const { url, data, headers, origin_req_host, unverifiable, method } = REQUEST_INIT.bind(args);
    this.full_url = url;
    this.data = data;
    for (const [k, v] of entriesOf(headers)) this.#addHeader(k, v);
    this.origin_req_host = origin_req_host ?? requestHost(this);
    this.unverifiable = unverifiable;
    if (truthy(method)) this.method = method;
  }

  /**
   * Python's `del req.attr`, as `delattr(req, name)`: deleting `full_url` clears the URL, fragment
   * and selector; deleting `data` sets it to `null` (dropping `Content-length`), as CPython's deleters.
   * @param name the attribute
   */
  __delattr__(name: string): void {
    if (name === "full_url") {
      this.#fullUrl = null;
      this.fragment = null;
      this.selector = "";
      return;
    }
    if (name === "data") {
      this.data = null;
      return;
    }
    deleteOwnAttribute(this, name);
  }

  /** The URL, fragment included (settable, as in Python; `null` after `delattr(req, "full_url")`). */
  get full_url(): string {
    if (this.fragment) return `${this.#fullUrl}#${this.fragment}`;
    return this.#fullUrl as string;
  }
  set full_url(url: string) {
    if (typeof url !== "string") {
      throw new TypeError(`expected string or bytes-like object, got '${typeof url}'`);
    }
    [this.#fullUrl, this.fragment] = splittag(unwrap(url));
    this.#parse();
  }

  /** The body; setting it drops a `Content-length` header, as Python does. */
  get data(): RequestData | null {
    return this.#data;
  }
  set data(data: RequestData | null) {
    if (!bytesEqual(data, this.#data)) {
      this.#data = data ?? null;
      if (this.has_header("Content-length")) this.remove_header("Content-length");
    }
  }

  #parse(): void {
    const [type, rest] = splittype(this.#fullUrl ?? "");
    if (type === null) throw new ValueError(`unknown url type: ${repr(this.full_url)}`);
    this.type = type;
    [this.host, this.selector] = splithost(rest);
    if (this.host) this.host = unquote(this.host);
  }

  /**
   * Python's `get_method()`.
   * @returns the method: the one given, or POST with data, else GET
   */
  get_method(): string {
    return this.method ?? (this.data !== null ? "POST" : "GET");
  }

  /**
   * Python's `get_full_url()`.
   * @returns the URL with its fragment
   */
  get_full_url(): string {
    return this.full_url;
  }

  /**
   * Python's `set_proxy(host, type)`: send the request through a proxy.
   * @param host the proxy's host:port
   * @param type the proxy's scheme
   */
  set_proxy(host: string, type: string): void;
  /** Python's `set_proxy`, with keyword arguments. */
  set_proxy(kwargs: { host: string; type: string }): void;
  /** Python's `set_proxy`, with keyword arguments after the host. */
  set_proxy(host: string, kwargs: { type: string }): void;
  set_proxy(...args: unknown[]): void {
    const { host, type } = REQUEST_SET_PROXY.bind(args);
    if (this.type === "https" && !this._tunnel_host) {
      this._tunnel_host = this.host;
    } else {
      this.type = type;
      this.selector = this.full_url;
    }
    this.host = host;
  }

  /**
   * Python's `has_proxy()`.
   * @returns true when the selector is the full URL (a plain proxy)
   */
  has_proxy(): boolean {
    return this.selector === this.full_url;
  }

  /**
   * Python's `add_header(key, val)`; the name is `capitalize()`d.
   * @param key the header name
   * @param val its value
   */
  add_header(key: string, val: string): void;
  /** Python's `add_header`, with keyword arguments. */
  add_header(kwargs: { key: string; val: string }): void;
  /** Python's `add_header`, with keyword arguments after the key. */
  add_header(key: string, kwargs: { val: string }): void;
  add_header(...args: unknown[]): void {
    const { key, val } = REQUEST_ADD_HEADER.bind(args);
    this.#addHeader(key, val);
  }

  #addHeader(key: string, val: string): void {
    this.headers[capitalize(key)] = val;
  }

  /**
   * Python's `add_unredirected_header(key, val)`.
   * @param key the header name
   * @param val its value
   */
  add_unredirected_header(key: string, val: string): void;
  /** Python's `add_unredirected_header`, with keyword arguments. */
  add_unredirected_header(kwargs: { key: string; val: string }): void;
  /** Python's `add_unredirected_header`, with keyword arguments after the key. */
  add_unredirected_header(key: string, kwargs: { val: string }): void;
  add_unredirected_header(...args: unknown[]): void {
    const { key, val } = REQUEST_ADD_UNREDIRECTED_HEADER.bind(args);
    this.unredirected_hdrs[capitalize(key)] = val;
  }

  /**
   * Python's `has_header(name)` (exact, capitalized name).
   * @param header_name the header name
   * @returns true if set
   */
  has_header(header_name: string): boolean;
  /** Python's `has_header`, with keyword arguments. */
  has_header(kwargs: { header_name: string }): boolean;
  has_header(...args: unknown[]): boolean {
    const { header_name } = REQUEST_HAS_HEADER.bind(args);
    return Object.hasOwn(this.headers, header_name) || Object.hasOwn(this.unredirected_hdrs, header_name);
  }

  /**
   * Python's `get_header(name, default=None)`.
   * @param header_name the header name
   * @param default the value when absent
   * @returns the value
   */
  get_header<T = null>(header_name: string, _default?: T | null): string | T | null;
  /** Python's `get_header`, with keyword arguments. */
  get_header<T = null>(kwargs: { header_name: string; default?: T | null }): string | T | null;
  /** Python's `get_header`, with keyword arguments after the name. */
  get_header<T = null>(header_name: string, kwargs: { default?: T | null }): string | T | null;
  get_header(...args: unknown[]): unknown {
    const { header_name, default: _default } = REQUEST_GET_HEADER.bind(args);
    if (Object.hasOwn(this.headers, header_name)) return this.headers[header_name];
    if (Object.hasOwn(this.unredirected_hdrs, header_name)) return this.unredirected_hdrs[header_name];
    return _default;
  }

  /**
   * Python's `remove_header(name)`.
   * @param header_name the header name
   */
  remove_header(header_name: string): void;
  /** Python's `remove_header`, with keyword arguments. */
  remove_header(kwargs: { header_name: string }): void;
  remove_header(...args: unknown[]): void {
    const { header_name } = REQUEST_REMOVE_HEADER.bind(args);
    delete this.headers[header_name];
    delete this.unredirected_hdrs[header_name];
  }

  /**
   * Python's `header_items()`.
   * @returns `(name, value)` pairs, unredirected ones first
   */
  header_items(): (Tuple<string> & [string, string])[] {
    const all: Record<string, string> = Object.create(null);
    Object.assign(all, this.unredirected_hdrs, this.headers);
    return Object.entries(all).map(([k, v]) => tuple(k, v) as Tuple<string> & [string, string]);
  }

  /** Python's repr, with a stable id in place of the address. */
  [pyrepr](): string {
    return `<urllib.request.Request object at ${objectId(this)}>`;
  }
}
classAttrs(Request, ["method"]);
showAsRepr(Request);

// ---------------------------------------------------------------------------
// OpenerDirector and handlers

/** A handler method: may return a value or a Promise; `null`/`undefined` passes. */
// deno-lint-ignore no-explicit-any
type HandlerMethod = (...args: any[]) => unknown;

const SKIP_METHODS = new Set(["redirect_request", "do_open", "proxy_open", "constructor"]);

function methodNames(obj: object): string[] {
  const names = new Set<string>();
  let p: object | null = obj;
  while (p && p !== Object.prototype) {
    for (const n of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, n);
      if (d && typeof d.value === "function") names.add(n);
    }
    p = Object.getPrototypeOf(p);
  }
  return [...names].sort();
}

function insort(list: BaseHandler[], h: BaseHandler): void {
  let i = list.length;
  while (i > 0 && h.handler_order < list[i - 1].handler_order) i--;
  list.splice(i, 0, h);
}

/** The kind of value `open()` resolves to: an HTTP response or an `addinfourl`. */
// deno-lint-ignore no-explicit-any
export type Response = any;

const BASEHANDLER_ADD_PARENT = new Signature<{ parent: OpenerDirector }>(
  "BaseHandler.add_parent",
  ["self", "parent"],
);

/**
 * Python's `urllib.request.BaseHandler`. Subclasses define methods named
 * `<proto>_open`, `<proto>_request`, `<proto>_response`, `http_error_<code>`
 * or `http_error_default`; the opener finds them by name.
 *
 * @example
 * ```ts
 * import { BaseHandler, build_opener, Request } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * class Echo extends BaseHandler {
 *   echo_open(req: Request) {
 *     return req.selector;
 *   }
 * }
 * const opener = build_opener(new Echo());
 * assert.equal(await opener.open("echo://host/path"), "/path");
 * ```
 */
export class BaseHandler {
  /** Sort key: lower runs first (a class attribute, as in CPython). */
  static handler_order: number = 500;
  /** This handler's sort key: its own value, else its class's. */
  declare handler_order: number;
  /** The opener this handler was added to. */
  parent!: OpenerDirector;
  /**
   * Python's `add_parent(parent)`.
   * @param parent the opener
   */
  add_parent(parent: OpenerDirector): void;
  /** Python's `add_parent`, with keyword arguments. */
  add_parent(kwargs: { parent: OpenerDirector }): void;
  add_parent(...args: unknown[]): void {
    this.parent = BASEHANDLER_ADD_PARENT.bind(args).parent;
  }
  /** Python's `close()`. */
  close(): void {}
}
classAttrs(BaseHandler, ["handler_order"]);

/** Keyword arguments of `open()` and `urlopen()`. */
export interface OpenOptions {
  /** The body. */
  data?: RequestData | null;
  /** Seconds to wait on the network. */
  timeout?: number | null;
}

/** `socket._GLOBAL_DEFAULT_TIMEOUT`: the default of `timeout`, meaning "no timeout of our own". */
class GlobalDefaultTimeout {
  /** Python's repr of the sentinel. */
  [pyrepr](): string {
    return "<object object>";
  }
}
const GLOBAL_DEFAULT_TIMEOUT = new GlobalDefaultTimeout();

function timeoutOf(t: unknown): number | null {
  return t === GLOBAL_DEFAULT_TIMEOUT || t === undefined ? null : t as number | null;
}

const OPENERDIRECTOR_ADD_HANDLER = new Signature<{ handler: BaseHandler }>(
  "OpenerDirector.add_handler",
  ["self", "handler"],
);
const OPENERDIRECTOR_OPEN = new Signature<
  { fullurl: string | Request; data: RequestData | null; timeout: number | null | GlobalDefaultTimeout }
>("OpenerDirector.open", ["self", "fullurl", "data", "timeout"], {
  data: null,
  timeout: GLOBAL_DEFAULT_TIMEOUT,
});
const OPENERDIRECTOR_ERROR = new Signature<{ proto: string; args: unknown[] }>(
  "OpenerDirector.error",
  ["self", "proto", "*args"],
);

/**
 * Python's `urllib.request.OpenerDirector`: runs requests through its handlers.
 *
 * @example
 * ```ts
 * import { build_opener } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const opener = build_opener();
 * assert.equal(opener.addheaders[0][0], "User-agent");
 * const f = await opener.open("data:,hi");
 * assert.equal((await f.read()).decode(), "hi");
 * f.close();
 * ```
 */
export class OpenerDirector {
  /** Headers added to every request that lacks them. */
  addheaders: [string, string][] = [["User-agent", __version__]];
  /** The handlers, sorted by `handler_order`. */
  handlers: BaseHandler[] = [];
  /** `<proto>_open` handlers by protocol. */
  handle_open: Map<string, BaseHandler[]> = new Map();
  /** Error handlers by protocol, then code. */
  handle_error: Map<string, Map<string | number, BaseHandler[]>> = new Map();
  /** `<proto>_response` processors. */
  process_response: Map<string, BaseHandler[]> = new Map();
  /** `<proto>_request` processors. */
  process_request: Map<string, BaseHandler[]> = new Map();

  /**
   * Python's `add_handler(handler)`.
   * @param handler a `BaseHandler`
   */
  add_handler(handler: BaseHandler): void;
  /** Python's `add_handler`, with keyword arguments. */
  add_handler(kwargs: { handler: BaseHandler }): void;
  add_handler(...args: unknown[]): void {
    const { handler } = OPENERDIRECTOR_ADD_HANDLER.bind(args);
    if (!handler || typeof (handler as BaseHandler).add_parent !== "function") {
      throw new TypeError(`expected BaseHandler instance, got ${repr(handler)}`);
    }
    let added = false;
    for (const meth of methodNames(handler)) {
      if (SKIP_METHODS.has(meth)) continue;
      const i = meth.indexOf("_");
      if (i < 0) continue;
      const protocol = meth.slice(0, i);
      const condition = meth.slice(i + 1);
      let lookup: Map<string | number, BaseHandler[]>;
      let kind: string | number;
      if (condition.startsWith("error")) {
        const j = condition.indexOf("_") + i + 1;
        const k = meth.slice(j + 1);
        kind = /^[+-]?\d+$/.test(k.trim()) ? Number(k) : k;
        if (!this.handle_error.has(protocol)) this.handle_error.set(protocol, new Map());
        lookup = this.handle_error.get(protocol)!;
      } else if (condition === "open") {
        kind = protocol;
        lookup = this.handle_open as Map<string | number, BaseHandler[]>;
      } else if (condition === "response") {
        kind = protocol;
        lookup = this.process_response as Map<string | number, BaseHandler[]>;
      } else if (condition === "request") {
        kind = protocol;
        lookup = this.process_request as Map<string | number, BaseHandler[]>;
      } else continue;
      if (!lookup.has(kind)) lookup.set(kind, []);
      const list = lookup.get(kind)!;
      if (!list.includes(handler)) insort(list, handler);
      added = true;
    }
    if (added) {
      if (!this.handlers.includes(handler)) insort(this.handlers, handler);
      handler.add_parent(this);
    }
  }

  /** Python's `close()`. */
  close(): void {}

  async #callChain(
    chain: Map<string | number, BaseHandler[]> | undefined,
    kind: string | number,
    methName: string,
    ...args: unknown[]
  ): Promise<unknown> {
    for (const handler of chain?.get(kind) ?? []) {
      const func = (handler as unknown as Record<string, HandlerMethod>)[methName];
      const result = await func.apply(handler, args);
      if (result !== null && result !== undefined) return result;
    }
    return null;
  }

  /**
   * Python's `open(fullurl, data=None, timeout=…)`.
   * @param fullurl a URL or a `Request`
   * @param data the body, or keyword arguments `{ data, timeout }`
   * @param timeout seconds to wait on the network (`null`: no limit)
   * @returns the response
   */
  open(fullurl: string | Request, options?: OpenOptions): Promise<Response>;
  /** Python's `open`, all arguments by keyword. */
  open(options: OpenOptions & { fullurl: string | Request }): Promise<Response>;
  /** Python's `open`. */
  open(
    fullurl: string | Request,
    data?: RequestData | null,
    timeout?: number | null | OpenOptions,
  ): Promise<Response>;
  open(...args: unknown[]): Promise<Response> {
    const { fullurl, data, timeout } = OPENERDIRECTOR_OPEN.bind(args);
    return this.#openImpl(fullurl, data, timeoutOf(timeout));
  }

  async #openImpl(
    fullurl: string | Request,
    data: RequestData | null,
    timeout: number | null,
  ): Promise<Response> {
    let req: Request;
    if (typeof fullurl === "string") {
      req = new Request(fullurl, data);
    } else {
      req = fullurl;
      if (data !== null) req.data = data;
    }
    req.timeout = timeout;
    const protocol = req.type;
    const reqName = protocol + "_request";
    for (const p of this.process_request.get(protocol) ?? []) {
      req = await (p as unknown as Record<string, HandlerMethod>)[reqName].call(p, req) as Request;
    }
    let response = await this.#open(req);
    const respName = protocol + "_response";
    for (const p of this.process_response.get(protocol) ?? []) {
      response = await (p as unknown as Record<string, HandlerMethod>)[respName].call(p, req, response);
    }
    return response;
  }

  async #open(req: Request): Promise<Response> {
    const open = this.handle_open as Map<string | number, BaseHandler[]>;
    let result = await this.#callChain(open, "default", "default_open", req);
    if (result) return result;
    const protocol = req.type;
    result = await this.#callChain(open, protocol, protocol + "_open", req);
    if (result) return result;
    return await this.#callChain(open, "unknown", "unknown_open", req);
  }

  /**
   * Python's `error(proto, *args)`: run the error handlers.
   * @param proto `http`, `https` or another protocol
   * @param args for HTTP: `req, fp, code, msg, hdrs`
   * @returns what a handler returned, or `null`
   */
  error(proto: string, ...args: unknown[]): Promise<Response>;
  error(...all: unknown[]): Promise<Response> {
    // The handler arguments end with the headers, which may be a plain dict: only kw() marks keywords.
    const last = all[all.length - 1];
    const { proto, args } = OPENERDIRECTOR_ERROR.bind(
      last !== null && typeof last === "object" && isKeywords(last) && !isMarkedKeywords(last)
        ? [...all, kw({})]
        : all,
    );
    return this.#error(proto, args);
  }

  async #error(proto: string, args: unknown[]): Promise<Response> {
    if (proto === "http" || proto === "https") {
      const dict = this.handle_error.get("http");
      const code = args[2] as number;
      const result = await this.#callChain(dict, code, `http_error_${code}`, ...args);
      if (result) return result;
      return await this.#callChain(dict, "default", "http_error_default", ...args);
    }
    const result = await this.#callChain(
      this.handle_error as unknown as Map<string | number, BaseHandler[]>,
      proto,
      proto + "_error",
      ...args,
    );
    return result || null;
  }
}

/** A handler class that `build_opener` instantiates. */
export type HandlerClass = new () => BaseHandler;

/**
 * Python's `build_opener(*handlers)`: an opener with the default handlers,
 * minus those replaced by the given handlers (classes or instances).
 * @param handlers handlers (instances or classes) to add
 * @returns the opener
 * @example
 * ```ts
 * import { build_opener, HTTPRedirectHandler } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * class NoRedirect extends HTTPRedirectHandler {
 *   override max_redirections = 0;
 * }
 * const opener = build_opener(NoRedirect);
 * assert.ok(opener.handlers.some((h) => h instanceof NoRedirect));
 * ```
 */
export function build_opener(...handlers: (BaseHandler | HandlerClass)[]): OpenerDirector {
  const opener = new OpenerDirector();
  let defaults: HandlerClass[] = [
    ProxyHandler,
    UnknownHandler,
    HTTPHandler,
    HTTPDefaultErrorHandler,
    HTTPRedirectHandler,
    FileHandler,
    HTTPErrorProcessor,
    DataHandler,
    HTTPSHandler,
  ];
  const skip = new Set<HandlerClass>();
  for (const klass of defaults) {
    for (const check of handlers) {
      if (typeof check === "function") {
        if (check === klass || check.prototype instanceof klass) skip.add(klass);
      } else if (check instanceof klass) skip.add(klass);
    }
  }
  defaults = defaults.filter((k) => !skip.has(k));
  for (const klass of defaults) opener.add_handler(new klass());
  for (const h of handlers) opener.add_handler(typeof h === "function" ? new h() : h);
  return opener;
}

let _opener: OpenerDirector | null = null;

const INSTALL_OPENER = new Signature<{ opener: OpenerDirector | null }>("install_opener", ["opener"]);

/**
 * Python's `install_opener(opener)`: make `urlopen` use it.
 * @param opener the opener (or `null` for the default)
 * @example
 * ```ts
 * import { build_opener, install_opener } from "@pyweb/std/urllib/request";
 * install_opener(build_opener());
 * install_opener(null);
 * ```
 */
export function install_opener(opener: OpenerDirector | null): void;
/** Python's `install_opener`, with keyword arguments. */
export function install_opener(kwargs: { opener: OpenerDirector | null }): void;
export function install_opener(...args: unknown[]): void {
  _opener = INSTALL_OPENER.bind(args).opener;
}

/** Keyword arguments of {@link urlopen}. */
export interface UrlopenOptions extends OpenOptions {
  /** TLS options for `https:` (passed to `HTTPSHandler`). */
  context?: unknown;
}

const URLOPEN = new Signature<
  {
    url: string | Request;
    data: RequestData | null;
    timeout: number | null | GlobalDefaultTimeout;
    context: unknown;
  }
>("urlopen", ["url", "data", "timeout", "*", "context"], {
  data: null,
  timeout: GLOBAL_DEFAULT_TIMEOUT,
  context: null,
});

/**
 * Python's `urlopen(url, data=None, timeout=…, *, context=None)`.
 * @param url a URL or a `Request`
 * @param data the body, or keyword arguments `{ data, timeout, context }`
 * @param timeout seconds to wait on the network
 * @param options `{ context }`
 * @returns the response (an `HTTPResponse` for http/https, an `addinfourl` otherwise)
 * @example
 * ```ts
 * import { urlopen } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * await using f = await urlopen("data:text/plain;base64,SGVsbG8=");
 * assert.equal((await f.read()).decode(), "Hello");
 * assert.equal(f.info().get_content_type(), "text/plain");
 * ```
 */
export function urlopen(url: string | Request, options?: UrlopenOptions): Promise<Response>;
/** Python's `urlopen`, all arguments by keyword. */
export function urlopen(options: UrlopenOptions & { url: string | Request }): Promise<Response>;
/** Python's `urlopen`. */
export function urlopen(
  url: string | Request,
  data?: RequestData | null,
  timeout?: number | null | UrlopenOptions,
  options?: { context?: unknown },
): Promise<Response>;
export function urlopen(...args: unknown[]): Promise<Response> {
  const { url, data, timeout, context } = URLOPEN.bind(args);
  let opener: OpenerDirector;
  if (truthy(context)) opener = build_opener(new HTTPSHandler(null, context));
  else if (_opener === null) opener = _opener = build_opener();
  else opener = _opener;
  return opener.open(url, data, timeout as number | null);
}

const HTTPERRORPROCESSOR_HTTP_RESPONSE = new Signature<{ request: Request; response: Response }>(
  "HTTPErrorProcessor.http_response",
  ["self", "request", "response"],
);

/** Python's `HTTPErrorProcessor`: turns non-2xx responses into `parent.error(...)`. */
export class HTTPErrorProcessor extends BaseHandler {
  /** Sort key among the handlers: after all other processing. */
  static override handler_order = 1000;
  /**
   * Python's `http_response`.
   * @param request the request
   * @param response the response
   * @returns the response, or what the error handlers made of it
   */
  http_response(request: Request, response: Response): Promise<Response>;
  /** Python's `http_response`, with keyword arguments. */
  http_response(kwargs: { request: Request; response: Response }): Promise<Response>;
  async http_response(...args: unknown[]): Promise<Response> {
    let { request, response } = HTTPERRORPROCESSOR_HTTP_RESPONSE.bind(args);
    const code = response.code ?? response.status, msg = response.msg, hdrs = response.info();
    if (!(200 <= code && code < 300)) {
      response = await this.parent.error("http", request, response, code, msg, hdrs);
    }
    return response;
  }
  /** Same as `http_response` (the same function, as in CPython). */
  declare https_response: HTTPErrorProcessor["http_response"];
}
HTTPErrorProcessor.prototype.https_response = HTTPErrorProcessor.prototype.http_response;

const HTTPDEFAULTERRORHANDLER_HTTP_ERROR_DEFAULT = new Signature<
  { req: Request; fp: ReadableFile; code: number; msg: string; hdrs: HTTPMessage }
>("HTTPDefaultErrorHandler.http_error_default", ["self", "req", "fp", "code", "msg", "hdrs"], {}, ["hdrs"]);

/** Python's `HTTPDefaultErrorHandler`: raises `HTTPError`. */
export class HTTPDefaultErrorHandler extends BaseHandler {
  /**
   * Python's `http_error_default`.
   * @param req the request
   * @param fp the response
   * @param code the status
   * @param msg the reason
   * @param hdrs the headers
   * @throws {HTTPError} always
   */
  http_error_default(req: Request, fp: ReadableFile, code: number, msg: string, hdrs: HTTPMessage): never;
  /** Python's `http_error_default`, with keyword arguments. */
  http_error_default(
    kwargs: { req: Request; fp: ReadableFile; code: number; msg: string; hdrs: HTTPMessage },
  ): never;
  http_error_default(...args: unknown[]): never {
    const { req, fp, code, msg, hdrs } = HTTPDEFAULTERRORHANDLER_HTTP_ERROR_DEFAULT.bind(args);
    throw new HTTPError(req.full_url, code, msg, hdrs, fp);
  }
}

/** The keyword arguments of an `http_error_<code>` handler. */
export interface ErrorHandlerArgs {
  /** The request. */
  req: Request;
  /** The response. */
  fp: ReadableFile;
  /** The status. */
  code: number;
  /** The reason. */
  msg: string;
  /** The headers. */
  headers: HTTPMessage;
}

/** One table for an `http_error_<code>(req, fp, code, msg, headers)` method. */
function errorHandlerSignature(qualname: string): Signature<ErrorHandlerArgs> {
  return new Signature<ErrorHandlerArgs>(qualname, ["self", "req", "fp", "code", "msg", "headers"], {}, [
    "headers",
  ]);
}

const HTTPREDIRECTHANDLER_REDIRECT_REQUEST = new Signature<ErrorHandlerArgs & { newurl: string }>(
  "HTTPRedirectHandler.redirect_request",
  ["self", "req", "fp", "code", "msg", "headers", "newurl"],
  {},
  ["headers"],
);
const HTTPREDIRECTHANDLER_HTTP_ERROR_302 = errorHandlerSignature("HTTPRedirectHandler.http_error_302");

const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/**
 * Python's `HTTPRedirectHandler`: follows 301, 302, 303, 307 and 308 with
 * Python's rules (`max_repeats = 4`, `max_redirections = 10`).
 */
export class HTTPRedirectHandler extends BaseHandler {
  /** How often the same URL may be visited (a class attribute, as in CPython). */
  static max_repeats: number = 4;
  /** How often the same URL may be visited by this handler. */
  declare max_repeats: number;
  /** How many redirects in all (a class attribute, as in CPython). */
  static max_redirections: number = 10;
  /** How many redirects in all for this handler. */
  declare max_redirections: number;
  /** The message prefix of the loop error (a class attribute). */
  static inf_msg: string =
    "The HTTP server returned a redirect error that would lead to an infinite loop.\n" +
    "The last 30x error message was:\n";
  /** The message prefix of the loop error. */
  declare inf_msg: string;

  /**
   * Python's `redirect_request(...)`: the new `Request`, or raise `HTTPError`.
   * @param req the request
   * @param fp the response
   * @param code the status
   * @param msg the reason
   * @param headers the headers
   * @param newurl the target URL
   * @returns the new request
   */
  redirect_request(
    req: Request,
    fp: ReadableFile,
    code: number,
    msg: string,
    headers: HTTPMessage,
    newurl: string,
  ): Request | null;
  /** Python's `redirect_request`, with keyword arguments. */
  redirect_request(
    kwargs: {
      req: Request;
      fp: ReadableFile;
      code: number;
      msg: string;
      headers: HTTPMessage;
      newurl: string;
    },
  ): Request | null;
  redirect_request(...args: unknown[]): Request | null {
    const bound = HTTPREDIRECTHANDLER_REDIRECT_REQUEST.bind(args);
    const { req, fp, code, msg, headers } = bound;
    let { newurl } = bound;
    const m = req.get_method();
    if (
      !([301, 302, 303, 307, 308].includes(code) && (m === "GET" || m === "HEAD") ||
        [301, 302, 303].includes(code) && m === "POST")
    ) {
      throw new HTTPError(req.full_url, code, msg, headers, fp);
    }
    newurl = newurl.replaceAll(" ", "%20");
    const newheaders: [string, string][] = Object.entries(req.headers).filter(([k]) =>
      !["content-length", "content-type"].includes(k.toLowerCase())
    );
    return new Request(newurl, {
      method: m === "HEAD" ? "HEAD" : "GET",
      headers: newheaders,
      origin_req_host: req.origin_req_host,
      unverifiable: true,
    });
  }

  /**
   * Follow the redirect (Python's `http_error_302`, also used for 301/303/307/308).
   * @param req the request
   * @param fp the response
   * @param code the status
   * @param msg the reason
   * @param headers the headers
   * @returns the response of the new request, or `null`
   */
  http_error_302(
    req: Request,
    fp: ReadableFile,
    code: number,
    msg: string,
    headers: HTTPMessage,
  ): Promise<Response>;
  /** Python's `http_error_302`, with keyword arguments. */
  http_error_302(kwargs: ErrorHandlerArgs): Promise<Response>;
  async http_error_302(...args: unknown[]): Promise<Response> {
    const { req, fp, code, msg, headers } = HTTPREDIRECTHANDLER_HTTP_ERROR_302.bind(args);
    let newurl: string;
    if (headers.has("location")) newurl = headers.get("location")!;
    else if (headers.has("uri")) newurl = headers.get("uri")!;
    else return null;
    const parts = urlparse(newurl);
    if (!["http", "https", "ftp", ""].includes(parts.scheme)) {
      throw new HTTPError(
        newurl,
        code,
        `${msg} - Redirection to url '${newurl}' is not allowed`,
        headers,
        fp,
      );
    }
    let list: string[] = [...parts] as string[];
    if (!parts.path && parts.netloc) {
      list = [...list];
      list[2] = "/";
    }
    newurl = urlunparse(list);
    newurl = quote(newurl, PUNCTUATION, "iso-8859-1", "strict");
    newurl = urljoin(req.full_url, newurl);
    const neu = this.redirect_request(req, fp, code, msg, headers, newurl);
    if (neu === null || neu === undefined) return null;
    let visited: Map<string, number>;
    if (req.redirect_dict) {
      visited = neu.redirect_dict = req.redirect_dict;
      if ((visited.get(newurl) ?? 0) >= this.max_repeats || visited.size >= this.max_redirections) {
        throw new HTTPError(req.full_url, code, this.inf_msg + msg, headers, fp);
      }
    } else {
      visited = neu.redirect_dict = req.redirect_dict = new Map();
    }
    visited.set(newurl, (visited.get(newurl) ?? 0) + 1);
    await fp.read();
    await fp.close();
    return await this.parent.open(neu, null, req.timeout);
  }
  /** Same as `http_error_302` (the same function, as in CPython). */
  declare http_error_301: HTTPRedirectHandler["http_error_302"];
  /** Same as `http_error_302`. */
  declare http_error_303: HTTPRedirectHandler["http_error_302"];
  /** Same as `http_error_302`. */
  declare http_error_307: HTTPRedirectHandler["http_error_302"];
  /** Same as `http_error_302`. */
  declare http_error_308: HTTPRedirectHandler["http_error_302"];
}
classAttrs(HTTPRedirectHandler, ["max_repeats", "max_redirections", "inf_msg"]);
for (const code of [301, 303, 307, 308] as const) {
  HTTPRedirectHandler.prototype[`http_error_${code}`] = HTTPRedirectHandler.prototype.http_error_302;
}

/**
 * Python's `_parse_proxy(proxy)`: `(scheme, user, password, hostport)`.
 * @param proxy a proxy URL or authority
 * @returns the four parts, a tuple as in Python
 */
export function _parse_proxy(
  proxy: string,
): Tuple<string | null> & [string | null, string | null, string | null, string] {
  let [scheme, rScheme] = splittype(proxy);
  let authority: string;
  if (!rScheme.startsWith("/")) {
    scheme = null;
    authority = proxy;
  } else {
    if (!rScheme.startsWith("//")) throw new ValueError(`proxy URL with no authority: ${repr(proxy)}`);
    let end: number;
    if (rScheme.includes("@")) end = rScheme.indexOf("/", rScheme.indexOf("@"));
    else end = rScheme.indexOf("/", 2);
    authority = end === -1 ? rScheme.slice(2) : rScheme.slice(2, end);
  }
  const [userinfo, hostport] = splituser(authority);
  let user: string | null = null, password: string | null = null;
  if (userinfo !== null) [user, password] = splitpasswd(userinfo);
  return tuple(scheme, user, password, hostport);
}

function b64(s: string): string {
  const bytes = encode(s, "utf-8");
  let bin = "";
  for (const c of bytes) bin += String.fromCharCode(c);
  return btoa(bin);
}

const PROXYHANDLER_INIT = new Signature<{ proxies: Record<string, string> | Map<string, string> | null }>(
  "ProxyHandler.__init__",
  ["self", "proxies"],
  { proxies: null },
  ["proxies"],
);
const PROXYHANDLER_PROXY_OPEN = new Signature<{ req: Request; proxy: string; type: string }>(
  "ProxyHandler.proxy_open",
  ["self", "req", "proxy", "type"],
);

/**
 * Python's `ProxyHandler(proxies=None)`: send requests through proxies
 * (`{scheme: url}`; by default from the `*_proxy` environment variables).
 *
 * @example
 * ```ts
 * import { ProxyHandler } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const h = new ProxyHandler({ http: "http://proxy:3128" });
 * assert.equal(typeof (h as unknown as Record<string, unknown>).http_open, "function");
 * ```
 */
export class ProxyHandler extends BaseHandler {
  /** Sort key among the handlers: proxies go first. */
  static override handler_order = 100;
  /** Scheme → proxy URL. */
  proxies: Record<string, string>;
  /**
   * Create the object, with Python's constructor arguments.
   * @param proxies scheme → proxy URL; `getproxies()` when left out
   */
  constructor(proxies?: Record<string, string> | Map<string, string> | null);
  /** Create the object, with keyword arguments (`kw({ proxies })`). */
  constructor(kwargs: Keywords<{ proxies?: Record<string, string> | Map<string, string> | null }>);
  constructor(...args: unknown[]) {
    const { proxies } = PROXYHANDLER_INIT.bind(args);
    super();
    const map: Record<string, string> = Object.create(null);
    for (const [k, v] of entriesOf(proxies ?? getproxies())) map[k] = v;
    this.proxies = map;
    for (const [t, url] of Object.entries(map)) {
      const type = t.toLowerCase();
      Object.defineProperty(this, `${type}_open`, {
        value: (r: Request) => this.proxy_open(r, url, type),
        enumerable: false,
        configurable: true,
        writable: true,
      });
    }
  }

  /**
   * Python's `proxy_open(req, proxy, type)`.
   * @param req the request
   * @param proxy the proxy URL
   * @param type the request's scheme
   * @returns `null` to let the next handler open it, or a response
   */
  proxy_open(req: Request, proxy: string, type: string): Promise<Response>;
  /** Python's `proxy_open`, with keyword arguments. */
  proxy_open(kwargs: { req: Request; proxy: string; type: string }): Promise<Response>;
  async proxy_open(...args: unknown[]): Promise<Response> {
    const { req, proxy } = PROXYHANDLER_PROXY_OPEN.bind(args);
    const origType = req.type;
    let [proxyType, user, password, hostport] = _parse_proxy(proxy);
    if (proxyType === null) proxyType = origType;
    if (req.host && proxyBypassEnvironment(req.host, null)) return null;
    if (user && password) {
      const creds = b64(`${unquote(user)}:${unquote(password)}`);
      req.add_header("Proxy-authorization", "Basic " + creds);
    }
    hostport = unquote(hostport);
    req.set_proxy(hostport, proxyType);
    if (origType === proxyType || origType === "https") return null;
    return await this.parent.open(req, null, req.timeout);
  }
}

function environ(): Record<string, string> {
  try {
    return Deno.env.toObject();
  } catch {
    return {};
  }
}

/**
 * Python's `getproxies_environment()`: `{scheme: url}` from `<scheme>_proxy`
 * variables (lower case wins; `HTTP_PROXY` ignored under CGI — httpoxy).
 * @returns the proxies
 * @example
 * ```ts
 * import { getproxies_environment } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.equal(typeof getproxies_environment(), "object");
 * ```
 */
export function getproxies_environment(): Record<string, string> {
  const env = environ();
  const proxies: Record<string, string> = Object.create(null);
  const seen: [string, string, string][] = [];
  for (const [name, value] of Object.entries(env)) {
    if (name.length > 5 && name[name.length - 6] === "_" && name.slice(-5).toLowerCase() === "proxy") {
      const proxyName = name.slice(0, -6).toLowerCase();
      seen.push([name, value, proxyName]);
      if (value) proxies[proxyName] = value;
    }
  }
  if ("REQUEST_METHOD" in env) delete proxies["http"];
  for (const [name, value, proxyName] of seen) {
    if (name.slice(-6) === "_proxy") {
      if (value) proxies[proxyName] = value;
      else delete proxies[proxyName];
    }
  }
  return proxies;
}

/**
 * Python's `getproxies()` (the environment on every platform here).
 * @returns `{scheme: url}`
 */
export function getproxies(): Record<string, string> {
  return getproxies_environment();
}

const PROXY_BYPASS_ENVIRONMENT = new Signature<{ host: string; proxies: Record<string, string> | null }>(
  "proxy_bypass_environment",
  ["host", "proxies"],
  { proxies: null },
  ["proxies"],
);

/**
 * Python's `proxy_bypass_environment(host, proxies=None)`: does `no_proxy` exclude `host`?
 * @param host the host (maybe with a port)
 * @param proxies the proxies (`no` is the `no_proxy` list)
 * @returns true to bypass the proxy
 * @example
 * ```ts
 * import { proxy_bypass_environment } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.equal(proxy_bypass_environment("www.example.com", { no: ".example.com" }), true);
 * assert.equal(proxy_bypass_environment("example.org", { no: "example.com" }), false);
 * ```
 */
export function proxy_bypass_environment(host: string, proxies?: Record<string, string> | null): boolean;
/** Python's `proxy_bypass_environment`, with keyword arguments (`kw({ host, proxies })`). */
export function proxy_bypass_environment(
  kwargs: Keywords<{ host: string; proxies?: Record<string, string> | null }>,
): boolean;
export function proxy_bypass_environment(...args: unknown[]): boolean {
  const { host, proxies } = PROXY_BYPASS_ENVIRONMENT.bind(args);
  return proxyBypassEnvironment(host, proxies);
}

function proxyBypassEnvironment(host: string, proxies: Record<string, string> | null): boolean {
  proxies ??= getproxies_environment();
  if (!Object.hasOwn(proxies, "no")) return false;
  const noProxy = proxies["no"];
  if (noProxy === "*") return true;
  host = host.toLowerCase();
  const [hostonly] = splitport(host);
  for (let name of noProxy.split(",")) {
    name = name.trim();
    if (!name) continue;
    name = name.replace(/^\.+/, "").toLowerCase();
    if (hostonly === name || host === name) return true;
    name = "." + name;
    if (hostonly.endsWith(name) || host.endsWith(name)) return true;
  }
  return false;
}

/**
 * Python's `proxy_bypass(host)`: `proxy_bypass_environment` on this platform (the same function, as
 * CPython's on POSIX other than macOS).
 * @param host the host
 * @returns true to bypass the proxy
 */
export const proxy_bypass: typeof proxy_bypass_environment = proxy_bypass_environment;

// ---------------------------------------------------------------------------
// Password managers

/** A reduced URI: `(authority, path)`. */
export type Reduced = [string, string];

/** The keyword arguments of `add_password`. */
export interface AddPasswordArgs {
  /** The realm (`null` for any, with `...WithDefaultRealm`). */
  realm: string | null;
  /** A URI or list of URIs. */
  uri: string | string[];
  /** The user name. */
  user: string;
  /** The password. */
  passwd: string;
}

const HTTPPASSWORDMGR_ADD_PASSWORD = new Signature<AddPasswordArgs>(
  "HTTPPasswordMgr.add_password",
  ["self", "realm", "uri", "user", "passwd"],
);
const HTTPPASSWORDMGR_FIND_USER_PASSWORD = new Signature<{ realm: string | null; authuri: string }>(
  "HTTPPasswordMgr.find_user_password",
  ["self", "realm", "authuri"],
);
const HTTPPASSWORDMGR_REDUCE_URI = new Signature<{ uri: string; default_port: unknown }>(
  "HTTPPasswordMgr.reduce_uri",
  ["self", "uri", "default_port"],
  { default_port: true },
);
const HTTPPASSWORDMGR_IS_SUBURI = new Signature<{ base: readonly string[]; test: readonly string[] }>(
  "HTTPPasswordMgr.is_suburi",
  ["self", "base", "test"],
);
const HTTPPASSWORDMGRWITHDEFAULTREALM_FIND_USER_PASSWORD = new Signature<
  { realm: string | null; authuri: string }
>("HTTPPasswordMgrWithDefaultRealm.find_user_password", ["self", "realm", "authuri"]);
const HTTPPASSWORDMGRWITHPRIORAUTH_ADD_PASSWORD = new Signature<
  AddPasswordArgs & { is_authenticated: boolean }
>(
  "HTTPPasswordMgrWithPriorAuth.add_password",
  ["self", "realm", "uri", "user", "passwd", "is_authenticated"],
  { is_authenticated: false },
);
const HTTPPASSWORDMGRWITHPRIORAUTH_UPDATE_AUTHENTICATED = new Signature<
  { uri: string | string[]; is_authenticated: boolean }
>("HTTPPasswordMgrWithPriorAuth.update_authenticated", ["self", "uri", "is_authenticated"], {
  is_authenticated: false,
});
const HTTPPASSWORDMGRWITHPRIORAUTH_IS_AUTHENTICATED = new Signature<{ authuri: string }>(
  "HTTPPasswordMgrWithPriorAuth.is_authenticated",
  ["self", "authuri"],
);

/**
 * Python's `HTTPPasswordMgr`: `(user, password)` by realm and URI. Credentials
 * stored for a URI with a scheme are only given to that scheme (the
 * CVE-2026-15806 fix); a URI without a scheme matches any.
 *
 * @example
 * ```ts
 * import { HTTPPasswordMgr } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const mgr = new HTTPPasswordMgr();
 * mgr.add_password("realm", "http://example.com/a/", "joe", "pw");
 * assert.deepEqual([...mgr.find_user_password("realm", "http://example.com/a/b")], ["joe", "pw"]);
 * assert.deepEqual([...mgr.find_user_password("realm", "http://example.com/c")], [null, null]);
 * ```
 */
export class HTTPPasswordMgr {
  /** realm → list of (URIs, scheme-scoped, user, password). */
  passwd: Map<string | null, { uris: [string | null, Reduced][]; user: string; passwd: string }[]> =
    new Map();

  /**
   * Python's `add_password(realm, uri, user, passwd)`.
   * @param realm the realm (`null` for any, with `...WithDefaultRealm`)
   * @param uri a URI or list of URIs
   * @param user the user name
   * @param passwd the password
   */
  add_password(realm: string | null, uri: string | string[], user: string, passwd: string): void;
  /** Python's `add_password`, all arguments by keyword (as in Python's docs). */
  add_password(kwargs: AddPasswordArgs): void;
  /** Python's `add_password`, with keyword arguments after some positional ones. */
  add_password(realm: string | null, kwargs: Omit<AddPasswordArgs, "realm">): void;
  add_password(...args: unknown[]): void {
    const { realm, uri, user, passwd } = HTTPPASSWORDMGR_ADD_PASSWORD.bind(args);
    this.#add(realm, uri, user, passwd);
  }

  #add(realm: string | null, uri: string | string[], user: string, passwd: string): void {
    const uris = typeof uri === "string" ? [uri] : [...uri];
    if (!this.passwd.has(realm)) this.passwd.set(realm, []);
    const list = this.passwd.get(realm)!;
    for (const defaultPort of [true, false]) {
      const reduced = uris.map((u) =>
        [schemeOf(u), [...this.reduce_uri(u, defaultPort)] as Reduced] as [string | null, Reduced]
      );
      const key = JSON.stringify(reduced);
      const i = list.findIndex((e) => JSON.stringify(e.uris) === key);
      const entry = { uris: reduced, user, passwd };
      if (i >= 0) list[i] = entry;
      else list.push(entry);
    }
  }

  /**
   * Python's `find_user_password(realm, authuri)`.
   * @param realm the realm
   * @param authuri the URI (or authority) being opened
   * @returns `(user, password)`, or `(null, null)`
   */
  find_user_password(realm: string | null, authuri: string): Tuple<string | null>;
  /** Python's `find_user_password`, with keyword arguments. */
  find_user_password(kwargs: { realm: string | null; authuri: string }): Tuple<string | null>;
  find_user_password(...args: unknown[]): Tuple<string | null> {
    const { realm, authuri } = HTTPPASSWORDMGR_FIND_USER_PASSWORD.bind(args);
    const domains = this.passwd.get(realm) ?? [];
    const scheme = schemeOf(authuri);
    for (const defaultPort of [true, false]) {
      const reduced = this.reduce_uri(authuri, defaultPort);
      for (const { uris, user, passwd } of domains) {
        for (const [s, uri] of uris) {
          if (s !== null && scheme !== null && s !== scheme) continue;
          if (this.is_suburi(uri, reduced)) return tuple(user, passwd);
        }
      }
    }
    return tuple(null, null);
  }

  /**
   * Python's `reduce_uri(uri, default_port=True)`: `(authority, path)`.
   * @param uri a URI or authority
   * @param default_port add `:80`/`:443` when the port is missing
   * @returns the reduced form
   */
  reduce_uri(uri: string, default_port?: boolean): Tuple<string>;
  /** Python's `reduce_uri`, with keyword arguments. */
  reduce_uri(kwargs: { uri: string; default_port?: boolean }): Tuple<string>;
  /** Python's `reduce_uri`, with keyword arguments after the URI. */
  reduce_uri(uri: string, kwargs: { default_port?: boolean }): Tuple<string>;
  reduce_uri(...args: unknown[]): Tuple<string> {
    const { uri, default_port } = HTTPPASSWORDMGR_REDUCE_URI.bind(args);
    const parts = urlsplitRaw(uri, "");
    let scheme: string | null, authority: string, path: string;
    if (parts[1]) {
      scheme = parts[0];
      authority = parts[1];
      path = parts[2] || "/";
    } else {
      scheme = null;
      authority = uri;
      path = "/";
    }
    const [host, port] = splitport(authority);
    if (truthy(default_port) && port === null && scheme !== null) {
      const dport = scheme === "http" ? 80 : scheme === "https" ? 443 : null;
      if (dport !== null) authority = `${host}:${dport}`;
    }
    return tuple(authority, path);
  }

  /**
   * Python's `is_suburi(base, test)`: is `test` at or below `base`?
   * @param base a reduced URI
   * @param test a reduced URI
   * @returns true when below
   */
  is_suburi(base: readonly string[], test: readonly string[]): boolean;
  /** Python's `is_suburi`, with keyword arguments. */
  is_suburi(kwargs: { base: readonly string[]; test: readonly string[] }): boolean;
  is_suburi(...args: unknown[]): boolean {
    const { base, test } = HTTPPASSWORDMGR_IS_SUBURI.bind(args);
    if (base[0] === test[0] && base[1] === test[1]) return true;
    if (base[0] !== test[0]) return false;
    let prefix = base[1];
    if (!prefix.endsWith("/")) prefix += "/";
    return test[1].startsWith(prefix);
  }
}

function schemeOf(uri: string): string | null {
  const parts = urlsplitRaw(uri, "");
  return parts[1] ? parts[0] || null : null;
}

/**
 * Python's `HTTPPasswordMgrWithDefaultRealm`: falls back to realm `null`.
 * @example
 * ```ts
 * import { HTTPPasswordMgrWithDefaultRealm } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const mgr = new HTTPPasswordMgrWithDefaultRealm();
 * mgr.add_password(null, "http://example.com/", "joe", "pw");
 * assert.deepEqual([...mgr.find_user_password("any", "http://example.com/x")], ["joe", "pw"]);
 * ```
 */
export class HTTPPasswordMgrWithDefaultRealm extends HTTPPasswordMgr {
  /** Python's `find_user_password`: the realm's credentials, else those stored for realm `null`. */
  override find_user_password(realm: string | null, authuri: string): Tuple<string | null>;
  /** Python's `find_user_password`, with keyword arguments. */
  override find_user_password(kwargs: { realm: string | null; authuri: string }): Tuple<string | null>;
  override find_user_password(...args: unknown[]): Tuple<string | null> {
    const { realm, authuri } = HTTPPASSWORDMGRWITHDEFAULTREALM_FIND_USER_PASSWORD.bind(args);
    const found = super.find_user_password(realm, authuri);
    if (found[0] !== null) return found;
    return super.find_user_password(null, authuri);
  }
}

/**
 * Python's `HTTPPasswordMgrWithPriorAuth`: remembers which URIs take
 * credentials up front (sent without waiting for a 401).
 * @example
 * ```ts
 * import { HTTPPasswordMgrWithPriorAuth } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const mgr = new HTTPPasswordMgrWithPriorAuth();
 * mgr.add_password(null, "http://example.com/", "joe", "pw", true);
 * assert.equal(mgr.is_authenticated("http://example.com/x"), true);
 * ```
 */
export class HTTPPasswordMgrWithPriorAuth extends HTTPPasswordMgrWithDefaultRealm {
  /** Reduced URI (as JSON) → authenticated. */
  authenticated: Map<string, boolean> = new Map();

  /**
   * Python's `add_password`.
   * @param realm the realm
   * @param uri a URI or list of URIs
   * @param user the user name
   * @param passwd the password
   * @param is_authenticated send credentials without waiting for a 401
   */
  override add_password(
    realm: string | null,
    uri: string | string[],
    user: string,
    passwd: string,
    is_authenticated?: boolean,
  ): void;
  /** Python's `add_password`, all arguments by keyword. */
  override add_password(kwargs: AddPasswordArgs & { is_authenticated?: boolean }): void;
  /** Python's `add_password`, with keyword arguments after some positional ones. */
  override add_password(
    realm: string | null,
    uri: string | string[],
    user: string,
    passwd: string,
    kwargs: { is_authenticated?: boolean },
  ): void;
  /** Python's `add_password`, with keyword arguments after the realm. */
  override add_password(
    realm: string | null,
    kwargs: Omit<AddPasswordArgs, "realm"> & { is_authenticated?: boolean },
  ): void;
  override add_password(...args: unknown[]): void {
    const { realm, uri, user, passwd, is_authenticated } = HTTPPASSWORDMGRWITHPRIORAUTH_ADD_PASSWORD.bind(
      args,
    );
    this.update_authenticated(uri, is_authenticated);
    if (realm !== null) super.add_password(null, uri, user, passwd);
    super.add_password(realm, uri, user, passwd);
  }

  /**
   * Python's `update_authenticated(uri, is_authenticated=False)`.
   * @param uri a URI or list of URIs
   * @param is_authenticated the new state
   */
  update_authenticated(uri: string | string[], is_authenticated?: boolean): void;
  /** Python's `update_authenticated`, with keyword arguments. */
  update_authenticated(kwargs: { uri: string | string[]; is_authenticated?: boolean }): void;
  /** Python's `update_authenticated`, with keyword arguments after the URI. */
  update_authenticated(uri: string | string[], kwargs: { is_authenticated?: boolean }): void;
  update_authenticated(...args: unknown[]): void {
    const { uri, is_authenticated } = HTTPPASSWORDMGRWITHPRIORAUTH_UPDATE_AUTHENTICATED.bind(args);
    const uris = typeof uri === "string" ? [uri] : uri;
    for (const defaultPort of [true, false]) {
      for (const u of uris) {
        this.authenticated.set(JSON.stringify([...this.reduce_uri(u, defaultPort)]), is_authenticated);
      }
    }
  }

  /**
   * Python's `is_authenticated(authuri)`.
   * @param authuri the URI
   * @returns the state, or `null` when unknown
   */
  is_authenticated(authuri: string): boolean | null;
  /** Python's `is_authenticated`, with keyword arguments. */
  is_authenticated(kwargs: { authuri: string }): boolean | null;
  is_authenticated(...args: unknown[]): unknown {
    const { authuri } = HTTPPASSWORDMGRWITHPRIORAUTH_IS_AUTHENTICATED.bind(args);
    for (const defaultPort of [true, false]) {
      const reduced = this.reduce_uri(authuri, defaultPort);
      for (const [key, value] of this.authenticated) {
        if (this.is_suburi(JSON.parse(key), reduced)) return value;
      }
    }
    return null;
  }
}

// ---------------------------------------------------------------------------
// Authentication handlers

/** What the auth handlers need from a password manager. */
export interface PasswordManager {
  /** Store credentials for a realm and URI(s). */
  add_password(
    realm: string | null,
    uri: string | string[],
    user: string,
    passwd: string,
    ...rest: unknown[]
  ): void;
  /** Store credentials, all arguments by keyword. */
  add_password(kwargs: AddPasswordArgs & { is_authenticated?: boolean }): void;
  /** `(user, password)` for a realm and URI, or `(null, null)`. */
  find_user_password(realm: string | null, authuri: string): readonly (string | null)[];
  /** `HTTPPasswordMgrWithPriorAuth`: send credentials up front? */
  is_authenticated?(authuri: string): boolean | null;
  /** `HTTPPasswordMgrWithPriorAuth`: record the outcome. */
  update_authenticated?(uri: string | string[], is_authenticated?: boolean): void;
}

const ABSTRACTBASICAUTHHANDLER_INIT = new Signature<{ password_mgr: PasswordManager | null }>(
  "AbstractBasicAuthHandler.__init__",
  ["self", "password_mgr"],
  { password_mgr: null },
);
const ABSTRACTBASICAUTHHANDLER_HTTP_ERROR_AUTH_REQED = new Signature<
  { authreq: string; host: string; req: Request; headers: HTTPMessage }
>("AbstractBasicAuthHandler.http_error_auth_reqed", ["self", "authreq", "host", "req", "headers"], {}, [
  "headers",
]);
const ABSTRACTBASICAUTHHANDLER_RETRY_HTTP_BASIC_AUTH = new Signature<
  { host: string; req: Request; realm: string }
>(
  "AbstractBasicAuthHandler.retry_http_basic_auth",
  ["self", "host", "req", "realm"],
);
const ABSTRACTBASICAUTHHANDLER_HTTP_REQUEST = new Signature<{ req: Request }>(
  "AbstractBasicAuthHandler.http_request",
  ["self", "req"],
);
const ABSTRACTBASICAUTHHANDLER_HTTP_RESPONSE = new Signature<{ req: Request; response: Response }>(
  "AbstractBasicAuthHandler.http_response",
  ["self", "req", "response"],
);

/** Python's `AbstractBasicAuthHandler(password_mgr=None)`. */
export class AbstractBasicAuthHandler extends BaseHandler {
  /** The password manager. */
  passwd: PasswordManager;
  /** The header to send: `Authorization` (a class attribute; `Proxy-authorization` for proxies). */
  static auth_header: string = "Authorization";
  /** The header this handler sends. */
  declare auth_header: string;
  /** `passwd.add_password`, bound. */
  add_password: PasswordManager["add_password"];

  /**
   * Create the object, with Python's constructor arguments.
   * @param password_mgr the password manager (a new `HTTPPasswordMgr` by default)
   */
  constructor(password_mgr?: PasswordManager | null);
  /** Create the object, with keyword arguments. */
  constructor(kwargs: { password_mgr?: PasswordManager | null });
  constructor(...args: unknown[]) {
    const { password_mgr } = ABSTRACTBASICAUTHHANDLER_INIT.bind(args);
    super();
    this.passwd = password_mgr ?? new HTTPPasswordMgr();
    this.add_password = this.passwd.add_password.bind(this.passwd);
  }

  #parseRealm(header: string): [string, string | null][] {
    const out: [string, string | null][] = [];
    for (const m of findRealms(header)) {
      if (m.quote !== '"' && m.quote !== "'") {
        warn("Basic Auth Realm was unquoted", UserWarning, 3);
      }
      out.push([m.scheme, m.realm]);
    }
    if (!out.length) out.push([header ? (header.trim().split(/\s+/)[0] ?? "") : "", null]);
    return out;
  }

  /**
   * Python's `http_error_auth_reqed(authreq, host, req, headers)`.
   * @param authreq the challenge header name
   * @param host the host or URL to find credentials for
   * @param req the request
   * @param headers the response headers
   * @returns the retried response, or `null`
   */
  http_error_auth_reqed(authreq: string, host: string, req: Request, headers: HTTPMessage): Promise<Response>;
  /** Python's `http_error_auth_reqed`, with keyword arguments. */
  http_error_auth_reqed(
    kwargs: { authreq: string; host: string; req: Request; headers: HTTPMessage },
  ): Promise<Response>;
  async http_error_auth_reqed(...args: unknown[]): Promise<Response> {
    const { authreq, host, req, headers } = ABSTRACTBASICAUTHHANDLER_HTTP_ERROR_AUTH_REQED.bind(args);
    const values = headers.get_all(authreq);
    if (!values || !values.length) return null;
    let unsupported: string | null = null;
    let scheme = "";
    for (const header of values) {
      for (const [s, realm] of this.#parseRealm(String(header))) {
        scheme = s;
        if (s.toLowerCase() !== "basic") {
          unsupported = s;
          continue;
        }
        if (realm !== null) return await this.retry_http_basic_auth(host, req, realm);
      }
    }
    if (unsupported !== null) {
      throw new ValueError(`AbstractBasicAuthHandler does not support the following scheme: ${repr(scheme)}`);
    }
    return null;
  }

  /**
   * Python's `retry_http_basic_auth(host, req, realm)`.
   * @param host the host or URL
   * @param req the request
   * @param realm the realm
   * @returns the retried response, or `null`
   */
  retry_http_basic_auth(host: string, req: Request, realm: string): Promise<Response>;
  /** Python's `retry_http_basic_auth`, with keyword arguments. */
  retry_http_basic_auth(kwargs: { host: string; req: Request; realm: string }): Promise<Response>;
  async retry_http_basic_auth(...args: unknown[]): Promise<Response> {
    const { host, req, realm } = ABSTRACTBASICAUTHHANDLER_RETRY_HTTP_BASIC_AUTH.bind(args);
    const [user, pw] = this.passwd.find_user_password(realm, host);
    if (pw === null || pw === undefined) return null;
    const auth = "Basic " + b64(`${user}:${pw}`);
    if (req.get_header(this.auth_header, null) === auth) return null;
    req.add_unredirected_header(this.auth_header, auth);
    return await this.parent.open(req, null, req.timeout);
  }

  /**
   * Send credentials up front when the manager says the URI is authenticated.
   * @param req the request
   * @returns the request
   */
  http_request(req: Request): Request;
  /** Same, with keyword arguments. */
  http_request(kwargs: { req: Request }): Request;
  http_request(...args: unknown[]): Request {
    const { req } = ABSTRACTBASICAUTHHANDLER_HTTP_REQUEST.bind(args);
    if (typeof this.passwd.is_authenticated !== "function" || !this.passwd.is_authenticated(req.full_url)) {
      return req;
    }
    if (!req.has_header("Authorization")) {
      const [user, passwd] = this.passwd.find_user_password(null, req.full_url);
      req.add_unredirected_header("Authorization", "Basic " + b64(`${user}:${passwd}`).trim());
    }
    return req;
  }

  /**
   * Record whether the URI is authenticated.
   * @param req the request
   * @param response the response
   * @returns the response
   */
  http_response(req: Request, response: Response): Response;
  /** Same, with keyword arguments. */
  http_response(kwargs: { req: Request; response: Response }): Response;
  http_response(...args: unknown[]): Response {
    const { req, response } = ABSTRACTBASICAUTHHANDLER_HTTP_RESPONSE.bind(args);
    if (typeof this.passwd.update_authenticated === "function") {
      const code = response.code ?? response.status;
      this.passwd.update_authenticated(req.full_url, 200 <= code && code < 300);
    }
    return response;
  }
  /** Same as `http_request` (the same function, as in CPython). */
  declare https_request: AbstractBasicAuthHandler["http_request"];
  /** Same as `http_response` (the same function, as in CPython). */
  declare https_response: AbstractBasicAuthHandler["http_response"];
}
AbstractBasicAuthHandler.prototype.https_request = AbstractBasicAuthHandler.prototype.http_request;
AbstractBasicAuthHandler.prototype.https_response = AbstractBasicAuthHandler.prototype.http_response;
classAttrs(AbstractBasicAuthHandler, ["auth_header"]);

const HTTPBASICAUTHHANDLER_HTTP_ERROR_401 = errorHandlerSignature("HTTPBasicAuthHandler.http_error_401");
const PROXYBASICAUTHHANDLER_HTTP_ERROR_407 = errorHandlerSignature("ProxyBasicAuthHandler.http_error_407");

/**
 * Python's `HTTPBasicAuthHandler`: answers `401` with Basic credentials.
 * @example
 * ```ts
 * import { HTTPBasicAuthHandler } from "@pyweb/std/urllib/request";
 * const h = new HTTPBasicAuthHandler();
 * h.add_password("PDQ Application", "http://127.0.0.1:8000/", "lowell", "secret");
 * ```
 */
export class HTTPBasicAuthHandler extends AbstractBasicAuthHandler {
  /** The header the credentials go in. */
  static override auth_header = "Authorization";
  /**
   * Python's `http_error_401`.
   * @param req the request
   * @param fp the response
   * @param code the status
   * @param msg the reason
   * @param headers the headers
   * @returns the retried response, or `null`
   */
  http_error_401(
    req: Request,
    fp: unknown,
    code: number,
    msg: string,
    headers: HTTPMessage,
  ): Promise<Response>;
  /** Python's `http_error_401`, with keyword arguments. */
  http_error_401(kwargs: ErrorHandlerArgs): Promise<Response>;
  http_error_401(...args: unknown[]): Promise<Response> {
    const { req, headers } = HTTPBASICAUTHHANDLER_HTTP_ERROR_401.bind(args);
    return this.http_error_auth_reqed("www-authenticate", req.full_url, req, headers);
  }
}

/**
 * Python's `ProxyBasicAuthHandler`: answers `407` with Basic proxy credentials.
 * @example
 * ```ts
 * import { ProxyBasicAuthHandler } from "@pyweb/std/urllib/request";
 * const h = new ProxyBasicAuthHandler();
 * h.add_password("proxy", "127.0.0.1:3128", "username", "password");
 * ```
 */
export class ProxyBasicAuthHandler extends AbstractBasicAuthHandler {
  /** The header the credentials go in. */
  static override auth_header = "Proxy-authorization";
  /**
   * Python's `http_error_407`.
   * @param req the request
   * @param fp the response
   * @param code the status
   * @param msg the reason
   * @param headers the headers
   * @returns the retried response, or `null`
   */
  http_error_407(
    req: Request,
    fp: unknown,
    code: number,
    msg: string,
    headers: HTTPMessage,
  ): Promise<Response>;
  /** Python's `http_error_407`, with keyword arguments. */
  http_error_407(kwargs: ErrorHandlerArgs): Promise<Response>;
  http_error_407(...args: unknown[]): Promise<Response> {
    const { req, headers } = PROXYBASICAUTHHANDLER_HTTP_ERROR_407.bind(args);
    return this.http_error_auth_reqed("proxy-authenticate", req.host ?? "", req, headers);
  }
}

const PARSE_HTTP_LIST = new Signature<{ s: string }>("parse_http_list", ["s"]);
const PARSE_KEQV_LIST = new Signature<{ l: Iterable<string> }>("parse_keqv_list", ["l"]);

/**
 * Python's `parse_http_list(s)`: split a comma list, keeping quoted strings whole.
 * @param s the header value
 * @returns the stripped elements
 * @example
 * ```ts
 * import { parse_http_list } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.deepEqual(parse_http_list('a, b="c, d", e'), ["a", 'b="c, d"', "e"]);
 * ```
 */
export function parse_http_list(s: string): string[];
/** Python's `parse_http_list`, with keyword arguments. */
export function parse_http_list(kwargs: { s: string }): string[];
export function parse_http_list(...args: unknown[]): string[] {
  return parseHttpList(PARSE_HTTP_LIST.bind(args).s);
}

function parseHttpList(s: string): string[] {
  const res: string[] = [];
  let part = "";
  let escape = false, inQuote = false;
  for (const cur of s) {
    if (escape) {
      part += cur;
      escape = false;
      continue;
    }
    if (inQuote) {
      if (cur === "\\") {
        escape = true;
        continue;
      } else if (cur === '"') inQuote = false;
      part += cur;
      continue;
    }
    if (cur === ",") {
      res.push(part);
      part = "";
      continue;
    }
    if (cur === '"') inQuote = true;
    part += cur;
  }
  if (part) res.push(part);
  return res.map((p) => p.trim());
}

/**
 * Python's `parse_keqv_list(l)`: `key=value` strings to a dict (quotes removed).
 * @param l the elements
 * @returns the dict
 * @example
 * ```ts
 * import { parse_keqv_list } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.equal(parse_keqv_list(['realm="x"', "nonce=1"]).realm, "x");
 * ```
 */
export function parse_keqv_list(l: Iterable<string>): Record<string, string>;
/** Python's `parse_keqv_list`, with keyword arguments. */
export function parse_keqv_list(kwargs: { l: Iterable<string> }): Record<string, string>;
export function parse_keqv_list(...args: unknown[]): Record<string, string> {
  return parseKeqvList(PARSE_KEQV_LIST.bind(args).l);
}

function parseKeqvList(l: Iterable<string>): Record<string, string> {
  const parsed: Record<string, string> = Object.create(null);
  for (const elt of l) {
    const i = elt.indexOf("=");
    if (i < 0) throw new ValueError("not enough values to unpack (expected 2, got 1)");
    const k = elt.slice(0, i);
    let v = elt.slice(i + 1);
    if (v.length === 0) throw new IndexError("string index out of range");
    if (v[0] === '"' && v[v.length - 1] === '"') v = v.slice(1, -1);
    parsed[k] = v;
  }
  return parsed;
}

function ctime(): string {
  const d = new Date();
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getDay()]} ${months[d.getMonth()]} ${String(d.getDate()).padStart(2, " ")} ` +
    `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} ${d.getFullYear()}`;
}

const ABSTRACTDIGESTAUTHHANDLER_INIT = new Signature<{ passwd: PasswordManager | null }>(
  "AbstractDigestAuthHandler.__init__",
  ["self", "passwd"],
  { passwd: null },
);
const ABSTRACTDIGESTAUTHHANDLER_HTTP_ERROR_AUTH_REQED = new Signature<
  { auth_header: string; host: string; req: Request; headers: HTTPMessage }
>("AbstractDigestAuthHandler.http_error_auth_reqed", ["self", "auth_header", "host", "req", "headers"], {}, [
  "headers",
]);
const ABSTRACTDIGESTAUTHHANDLER_RETRY_HTTP_DIGEST_AUTH = new Signature<{ req: Request; auth: string }>(
  "AbstractDigestAuthHandler.retry_http_digest_auth",
  ["self", "req", "auth"],
);
const ABSTRACTDIGESTAUTHHANDLER_GET_CNONCE = new Signature<{ nonce: string }>(
  "AbstractDigestAuthHandler.get_cnonce",
  ["self", "nonce"],
);
const ABSTRACTDIGESTAUTHHANDLER_GET_AUTHORIZATION = new Signature<
  { req: Request; chal: Record<string, string> }
>(
  "AbstractDigestAuthHandler.get_authorization",
  ["self", "req", "chal"],
  {},
  ["chal"],
);
const ABSTRACTDIGESTAUTHHANDLER_GET_ALGORITHM_IMPLS = new Signature<{ algorithm: string }>(
  "AbstractDigestAuthHandler.get_algorithm_impls",
  ["self", "algorithm"],
);
const ABSTRACTDIGESTAUTHHANDLER_GET_ENTITY_DIGEST = new Signature<
  { data: unknown; chal: Record<string, string> }
>(
  "AbstractDigestAuthHandler.get_entity_digest",
  ["self", "data", "chal"],
  {},
  ["chal"],
);

/** Python's `AbstractDigestAuthHandler(passwd=None)`: RFC 2617/7616 Digest (MD5, SHA, SHA-256). */
export class AbstractDigestAuthHandler extends BaseHandler {
  /** The password manager. */
  passwd: PasswordManager;
  /** `passwd.add_password`, bound. */
  add_password: PasswordManager["add_password"];
  /** Retries so far. */
  retried = 0;
  /** The nonce count (`nc`). */
  nonce_count = 0;
  /** The last server nonce. */
  last_nonce: string | null = null;
  /** The header to send (a class attribute: `Proxy-Authorization` for proxies). */
  static auth_header: string = "Authorization";
  /** The header this handler sends. */
  declare auth_header: string;

  /**
   * Create the object, with Python's constructor arguments.
   * @param passwd the password manager
   */
  constructor(passwd?: PasswordManager | null);
  /** Create the object, with keyword arguments. */
  constructor(kwargs: { passwd?: PasswordManager | null });
  constructor(...args: unknown[]) {
    const { passwd } = ABSTRACTDIGESTAUTHHANDLER_INIT.bind(args);
    super();
    this.passwd = passwd ?? new HTTPPasswordMgr();
    this.add_password = this.passwd.add_password.bind(this.passwd);
  }

  /** Python's `reset_retry_count()`. */
  reset_retry_count(): void {
    this.retried = 0;
  }

  /**
   * Python's `http_error_auth_reqed(auth_header, host, req, headers)`.
   * @param auth_header the challenge header name
   * @param host the host
   * @param req the request
   * @param headers the response headers
   * @returns the retried response, or `null`
   */
  http_error_auth_reqed(
    auth_header: string,
    host: string,
    req: Request,
    headers: HTTPMessage,
  ): Promise<Response>;
  /** Python's `http_error_auth_reqed`, with keyword arguments. */
  http_error_auth_reqed(
    kwargs: { auth_header: string; host: string; req: Request; headers: HTTPMessage },
  ): Promise<Response>;
  async http_error_auth_reqed(...args: unknown[]): Promise<Response> {
    const { auth_header, req, headers } = ABSTRACTDIGESTAUTHHANDLER_HTTP_ERROR_AUTH_REQED.bind(args);
    const authreq = headers.get(auth_header, null);
    if (this.retried > 5) throw new HTTPError(req.full_url, 401, "digest auth failed", headers, null);
    this.retried += 1;
    if (authreq) {
      const scheme = authreq.trim().split(/\s+/)[0];
      if (scheme.toLowerCase() === "digest") return await this.retry_http_digest_auth(req, authreq);
      if (scheme.toLowerCase() !== "basic") {
        throw new ValueError(`AbstractDigestAuthHandler does not support the following scheme: '${scheme}'`);
      }
    }
    return null;
  }

  /**
   * Python's `retry_http_digest_auth(req, auth)`.
   * @param req the request
   * @param auth the challenge
   * @returns the retried response, or `null`
   */
  retry_http_digest_auth(req: Request, auth: string): Promise<Response>;
  /** Python's `retry_http_digest_auth`, with keyword arguments. */
  retry_http_digest_auth(kwargs: { req: Request; auth: string }): Promise<Response>;
  async retry_http_digest_auth(...args: unknown[]): Promise<Response> {
    const { req, auth } = ABSTRACTDIGESTAUTHHANDLER_RETRY_HTTP_DIGEST_AUTH.bind(args);
    const sp = auth.indexOf(" ");
    const challenge = auth.slice(sp + 1);
    const chal = parseKeqvList(parseHttpList(challenge).filter((x) => x));
    const a = this.get_authorization(req, chal);
    if (!a) return null;
    const authVal = `Digest ${a}`;
    if (req.headers[this.auth_header] === authVal) return null;
    req.add_unredirected_header(this.auth_header, authVal);
    return await this.parent.open(req, null, req.timeout);
  }

  /**
   * Python's `get_cnonce(nonce)`.
   * @param nonce the server nonce
   * @returns a 16-hex-digit client nonce
   */
  get_cnonce(nonce: string): string;
  /** Python's `get_cnonce`, with keyword arguments. */
  get_cnonce(kwargs: { nonce: string }): string;
  get_cnonce(...args: unknown[]): string {
    const { nonce } = ABSTRACTDIGESTAUTHHANDLER_GET_CNONCE.bind(args);
    const s = encode(`${this.nonce_count}:${nonce}:${ctime()}:`, "ascii");
    const b = new Uint8Array(s.length + 8);
    b.set(s);
    b.set(urandom(8), s.length);
    return hexdigest("sha1", b).slice(0, 16);
  }

  /**
   * Python's `get_authorization(req, chal)`: the `Digest` header value.
   * @param req the request
   * @param chal the parsed challenge
   * @returns the value, or `null`
   */
  get_authorization(req: Request, chal: Record<string, string>): string | null;
  /** Python's `get_authorization`, with keyword arguments (`kw({ req, chal })`). */
  get_authorization(kwargs: Keywords<{ req: Request; chal: Record<string, string> }>): string | null;
  get_authorization(...args: unknown[]): string | null {
    const { req, chal } = ABSTRACTDIGESTAUTHHANDLER_GET_AUTHORIZATION.bind(args);
    if (!("realm" in chal) || !("nonce" in chal)) return null;
    const realm = chal.realm, nonce = chal.nonce;
    const qop = chal.qop ?? null;
    const algorithm = chal.algorithm ?? "MD5";
    const opaque = chal.opaque ?? null;
    const [H, KD] = this.get_algorithm_impls(algorithm);
    const [user, pw] = this.passwd.find_user_password(realm, req.full_url);
    if (user === null || user === undefined) return null;
    const entdig = req.data !== null ? this.get_entity_digest(req.data, chal) : null;
    const A1 = `${user}:${realm}:${pw}`;
    const A2 = `${req.get_method()}:${req.selector}`;
    let respdig: string;
    let ncvalue = "", cnonce = "";
    if (qop === null) {
      respdig = KD(H(A1), `${nonce}:${H(A2)}`);
    } else if (qop.split(",").includes("auth")) {
      if (nonce === this.last_nonce) this.nonce_count += 1;
      else {
        this.nonce_count = 1;
        this.last_nonce = nonce;
      }
      ncvalue = this.nonce_count.toString(16).padStart(8, "0");
      cnonce = this.get_cnonce(nonce);
      respdig = KD(H(A1), `${nonce}:${ncvalue}:${cnonce}:auth:${H(A2)}`);
    } else {
      throw new URLError(`qop '${qop}' is not supported.`);
    }
    let base = `username="${user}", realm="${realm}", nonce="${nonce}", uri="${req.selector}", ` +
      `response="${respdig}"`;
    if (opaque) base += `, opaque="${opaque}"`;
    if (entdig) base += `, digest="${entdig}"`;
    base += `, algorithm="${algorithm}"`;
    if (qop) base += `, qop=auth, nc=${ncvalue}, cnonce="${cnonce}"`;
    return base;
  }

  /**
   * Python's `get_algorithm_impls(algorithm)`: the `H` and `KD` functions.
   * @param algorithm `MD5`, `SHA` or `SHA-256`
   * @returns `[H, KD]`
   */
  get_algorithm_impls(algorithm: string): [(x: string) => string, (s: string, d: string) => string];
  /** Python's `get_algorithm_impls`, with keyword arguments. */
  get_algorithm_impls(
    kwargs: { algorithm: string },
  ): [(x: string) => string, (s: string, d: string) => string];
  get_algorithm_impls(...args: unknown[]): [(x: string) => string, (s: string, d: string) => string] {
    const { algorithm } = ABSTRACTDIGESTAUTHHANDLER_GET_ALGORITHM_IMPLS.bind(args);
    const name = algorithm === "MD5"
      ? "md5"
      : algorithm === "SHA"
      ? "sha1"
      : algorithm === "SHA-256"
      ? "sha256"
      : null;
    if (name === null) throw new ValueError(`Unsupported digest authentication algorithm ${repr(algorithm)}`);
    const H = (x: string) => hexdigest(name, encode(x, "ascii"));
    return [H, (s: string, d: string) => H(`${s}:${d}`)];
  }

  /**
   * Python's `get_entity_digest(data, chal)` (always `null`, as in Python).
   * @param data the body
   * @param chal the challenge
   * @returns `null`
   */
  get_entity_digest(data: unknown, chal: Record<string, string>): string | null;
  /** Python's `get_entity_digest`, with keyword arguments (`kw({ data, chal })`). */
  get_entity_digest(kwargs: Keywords<{ data: unknown; chal: Record<string, string> }>): string | null;
  get_entity_digest(...args: unknown[]): string | null {
    ABSTRACTDIGESTAUTHHANDLER_GET_ENTITY_DIGEST.bind(args);
    return null;
  }
}
classAttrs(AbstractDigestAuthHandler, ["auth_header"]);

const HTTPDIGESTAUTHHANDLER_HTTP_ERROR_401 = errorHandlerSignature("HTTPDigestAuthHandler.http_error_401");
const PROXYDIGESTAUTHHANDLER_HTTP_ERROR_407 = errorHandlerSignature("ProxyDigestAuthHandler.http_error_407");

/**
 * Python's `HTTPDigestAuthHandler`: answers `401` with Digest credentials.
 * @example
 * ```ts
 * import { HTTPDigestAuthHandler } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const h = new HTTPDigestAuthHandler();
 * assert.equal(h.handler_order, 490);
 * ```
 */
export class HTTPDigestAuthHandler extends AbstractDigestAuthHandler {
  /** The header the credentials go in. */
  static override auth_header = "Authorization";
  /** Sort key among the handlers: before Basic auth. */
  static override handler_order = 490;
  /**
   * Python's `http_error_401`.
   * @param req the request
   * @param fp the response
   * @param code the status
   * @param msg the reason
   * @param headers the headers
   * @returns the retried response, or `null`
   */
  http_error_401(
    req: Request,
    fp: unknown,
    code: number,
    msg: string,
    headers: HTTPMessage,
  ): Promise<Response>;
  /** Python's `http_error_401`, with keyword arguments. */
  http_error_401(kwargs: ErrorHandlerArgs): Promise<Response>;
  async http_error_401(...args: unknown[]): Promise<Response> {
    const { req, headers } = HTTPDIGESTAUTHHANDLER_HTTP_ERROR_401.bind(args);
    const host = urlsplitRaw(req.full_url)[1] ?? "";
    const retry = await this.http_error_auth_reqed("www-authenticate", host, req, headers);
    this.reset_retry_count();
    return retry;
  }
}

/**
 * Python's `ProxyDigestAuthHandler`: answers `407` with Digest proxy credentials.
 * @example
 * ```ts
 * import { ProxyDigestAuthHandler } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.equal(new ProxyDigestAuthHandler().auth_header, "Proxy-Authorization");
 * ```
 */
export class ProxyDigestAuthHandler extends AbstractDigestAuthHandler {
  /** The header the credentials go in. */
  static override auth_header = "Proxy-Authorization";
  /** Sort key among the handlers: before Basic auth. */
  static override handler_order = 490;
  /**
   * Python's `http_error_407`.
   * @param req the request
   * @param fp the response
   * @param code the status
   * @param msg the reason
   * @param headers the headers
   * @returns the retried response, or `null`
   */
  http_error_407(
    req: Request,
    fp: unknown,
    code: number,
    msg: string,
    headers: HTTPMessage,
  ): Promise<Response>;
  /** Python's `http_error_407`, with keyword arguments. */
  http_error_407(kwargs: ErrorHandlerArgs): Promise<Response>;
  async http_error_407(...args: unknown[]): Promise<Response> {
    const { req, headers } = PROXYDIGESTAUTHHANDLER_HTTP_ERROR_407.bind(args);
    const retry = await this.http_error_auth_reqed("proxy-authenticate", req.host ?? "", req, headers);
    this.reset_retry_count();
    return retry;
  }
}

// ---------------------------------------------------------------------------
// HTTP handlers

/** What `do_open` needs from an `http.client.HTTPConnection`-like class. */
export interface HTTPConnectionLike {
  /** Python's `set_debuglevel(level)`. */
  set_debuglevel?(level: number): void;
  /** Python's `set_tunnel(host, port=None, headers=None)`. */
  set_tunnel?(host: string, port?: number | null, headers?: Record<string, string>): void;
  /** Python's `request(method, url, body, headers, *, encode_chunked)`. */
  request(
    method: string,
    url: string,
    body: unknown,
    headers: Record<string, string>,
    options?: { encode_chunked?: boolean },
  ): Promise<void>;
  /** Python's `getresponse()`. */
  getresponse(): Promise<Response>;
  /** Python's `close()`. */
  close(): unknown;
  /** The connection's socket, released once the response owns it. */
  sock?: { release?(): void } | null;
}

/** A class like `http.client.HTTPConnection`: `new C(host, { timeout, ... })`. */
export type HTTPConnectionClass = new (host: string, options?: Record<string, unknown>) => HTTPConnectionLike;

function titleCase(s: string): string {
  // Python's str.title(): upper-case a letter after a non-letter, lower-case the others.
  if (isAsciiTitle(s)) return s; // "Host", "User-Agent", "Connection": already so
  let out = "";
  let prevLetter = false;
  for (const ch of s) {
    const isLetter = ch.toLowerCase() !== ch.toUpperCase();
    out += isLetter ? (prevLetter ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    prevLetter = isLetter;
  }
  return out;
}

/** True when `s` is ASCII and `s.title()` would not change it. */
function isAsciiTitle(s: string): boolean {
  let prevLetter = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return false;
    const upper = c >= 0x41 && c <= 0x5a;
    const lower = c >= 0x61 && c <= 0x7a;
    if (prevLetter ? upper : lower) return false;
    prevLetter = upper || lower;
  }
  return true;
}

const METHODS_EXPECTING_BODY = new Set(["PATCH", "POST", "PUT"]);

function contentLength(body: unknown, method: string): number | null {
  if (body === null || body === undefined) return METHODS_EXPECTING_BODY.has(method.toUpperCase()) ? 0 : null;
  if (typeof (body as { read?: unknown }).read === "function") return null;
  if (body instanceof Uint8Array) return body.length;
  if (ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (typeof body === "string") return body.length;
  return null;
}

const ABSTRACTHTTPHANDLER_INIT = new Signature<{ debuglevel: number | null }>(
  "AbstractHTTPHandler.__init__",
  ["self", "debuglevel"],
  { debuglevel: null },
);
const ABSTRACTHTTPHANDLER_SET_HTTP_DEBUGLEVEL = new Signature<{ level: number }>(
  "AbstractHTTPHandler.set_http_debuglevel",
  ["self", "level"],
);
const ABSTRACTHTTPHANDLER_DO_REQUEST_ = new Signature<{ request: Request }>(
  "AbstractHTTPHandler.do_request_",
  ["self", "request"],
);
const ABSTRACTHTTPHANDLER_DO_OPEN = new Signature<
  { http_class: HTTPConnectionClass; req: Request; http_conn_args: Record<string, unknown> }
>("AbstractHTTPHandler.do_open", ["self", "http_class", "req", "**http_conn_args"]);

/** Python's `AbstractHTTPHandler(debuglevel=None)`: the shared `do_request_` and `do_open`. */
export class AbstractHTTPHandler extends BaseHandler {
  /** The debug level given to each connection. */
  _debuglevel: number;
  /**
   * Create the object, with Python's constructor arguments.
   * @param debuglevel the connection debug level (`null`: `HTTPConnection.debuglevel`)
   */
  constructor(debuglevel?: number | null);
  /** Create the object, with keyword arguments. */
  constructor(kwargs: { debuglevel?: number | null });
  constructor(...args: unknown[]) {
    const { debuglevel } = ABSTRACTHTTPHANDLER_INIT.bind(args);
    super();
    this._debuglevel = debuglevel ?? HTTPConnection.debuglevel;
  }

  /**
   * Python's `set_http_debuglevel(level)`.
   * @param level the level
   */
  set_http_debuglevel(level: number): void;
  /** Python's `set_http_debuglevel`, with keyword arguments. */
  set_http_debuglevel(kwargs: { level: number }): void;
  set_http_debuglevel(...args: unknown[]): void {
    this._debuglevel = ABSTRACTHTTPHANDLER_SET_HTTP_DEBUGLEVEL.bind(args).level;
  }

  /**
   * Python's `do_request_(request)`: fill in `Content-type`, `Content-length`, `Host`, `User-agent`.
   * @param request the request
   * @returns the request
   */
  do_request_(request: Request): Request;
  /** Python's `do_request_`, with keyword arguments. */
  do_request_(kwargs: { request: Request }): Request;
  do_request_(...args: unknown[]): Request {
    const { request } = ABSTRACTHTTPHANDLER_DO_REQUEST_.bind(args);
    const host = request.host;
    if (!host) throw new URLError("no host given");
    if (request.data !== null) {
      const data = request.data;
      if (typeof data === "string") {
        throw new TypeError(
          "POST data should be bytes, an iterable of bytes, or a file object. It cannot be of type str.",
        );
      }
      if (!request.has_header("Content-type")) {
        request.add_unredirected_header("Content-type", "application/x-www-form-urlencoded");
      }
      if (!request.has_header("Content-length") && !request.has_header("Transfer-encoding")) {
        const n = contentLength(request.data, request.get_method());
        if (n !== null) request.add_unredirected_header("Content-length", String(n));
        else request.add_unredirected_header("Transfer-encoding", "chunked");
      }
    }
    let selHost = host;
    if (request.has_proxy()) {
      const [, sel] = splittype(request.selector);
      selHost = splithost(sel)[0] ?? "";
    }
    if (!request.has_header("Host")) request.add_unredirected_header("Host", selHost);
    for (const [n, value] of this.parent.addheaders) {
      const name = capitalize(n);
      if (!request.has_header(name)) request.add_unredirected_header(name, value);
    }
    return request;
  }

  /**
   * Python's `do_open(http_class, req, **http_conn_args)`: send the request, return the response.
   * @param http_class an `HTTPConnection`-like class
   * @param req the request
   * @param http_conn_args more constructor keywords (`context`), as a trailing object
   * @returns the `HTTPResponse`, with `url` set and `msg` = reason
   */
  do_open(
    http_class: HTTPConnectionClass,
    req: Request,
    http_conn_args?: Record<string, unknown>,
  ): Promise<Response>;
  /** Python's `do_open`, with keyword arguments. */
  do_open(
    kwargs: { http_class: HTTPConnectionClass; req: Request; [arg: string]: unknown },
  ): Promise<Response>;
  async do_open(...args: unknown[]): Promise<Response> {
    const { http_class, req, http_conn_args } = ABSTRACTHTTPHANDLER_DO_OPEN.bind(args);
    const host = req.host;
    if (!host) throw new URLError("no host given");
    const h = new http_class(host, kw({ timeout: req.timeout, ...http_conn_args }));
    h.set_debuglevel?.(this._debuglevel);
    const merged: Record<string, string> = Object.create(null);
    Object.assign(merged, req.unredirected_hdrs);
    for (const [k, v] of Object.entries(req.headers)) if (!Object.hasOwn(merged, k)) merged[k] = v;
    merged["Connection"] = "close";
    const headers: Record<string, string> = Object.create(null);
    for (const [k, v] of Object.entries(merged)) headers[titleCase(k)] = v;
    if (req._tunnel_host) {
      const tunnelHeaders: Record<string, string> = Object.create(null);
      if (Object.hasOwn(headers, "Proxy-Authorization")) {
        tunnelHeaders["Proxy-Authorization"] = headers["Proxy-Authorization"];
        delete headers["Proxy-Authorization"];
      }
      h.set_tunnel?.(req._tunnel_host, null, tunnelHeaders);
    }
    let r: Response;
    try {
      try {
        await h.request(req.get_method(), req.selector, req.data, headers, {
          encode_chunked: req.has_header("Transfer-encoding"),
        });
      } catch (err) {
        if (err instanceof OSError) throw new URLError(err);
        throw err;
      }
      r = await h.getresponse();
    } catch (e) {
      try {
        await h.close();
      } catch {
        // the original error matters more
      }
      throw e;
    }
    if (h.sock) {
      h.sock.release?.();
      h.sock = null;
    }
    r.url = req.get_full_url();
    r.msg = r.reason;
    return r;
  }
}

const HTTPHANDLER_HTTP_OPEN = new Signature<{ req: Request }>("HTTPHandler.http_open", ["self", "req"]);
const HTTPSHANDLER_INIT = new Signature<
  { debuglevel: number | null; context: unknown; check_hostname: unknown }
>(
  "HTTPSHandler.__init__",
  ["self", "debuglevel", "context", "check_hostname"],
  { debuglevel: null, context: null, check_hostname: null },
  ["context"],
);
const HTTPSHANDLER_HTTPS_OPEN = new Signature<{ req: Request }>("HTTPSHandler.https_open", ["self", "req"]);

/**
 * Python's `HTTPHandler`: opens `http:` URLs with `http.client.HTTPConnection`.
 * @example
 * ```ts
 * import { HTTPHandler } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.equal(typeof new HTTPHandler().http_open, "function");
 * ```
 */
export class HTTPHandler extends AbstractHTTPHandler {
  /**
   * Python's `http_open`.
   * @param req the request
   * @returns the response
   */
  http_open(req: Request): Promise<Response>;
  /** Python's `http_open`, with keyword arguments. */
  http_open(kwargs: { req: Request }): Promise<Response>;
  http_open(...args: unknown[]): Promise<Response> {
    const { req } = HTTPHANDLER_HTTP_OPEN.bind(args);
    return this.do_open(HTTPConnection as unknown as HTTPConnectionClass, req);
  }
  /** `AbstractHTTPHandler.do_request_` (the same function, as in CPython). */
  declare http_request: AbstractHTTPHandler["do_request_"];
}
HTTPHandler.prototype.http_request = AbstractHTTPHandler.prototype.do_request_;

/**
 * Python's `HTTPSHandler(debuglevel=None, context=None, check_hostname=None)`.
 * @example
 * ```ts
 * import { HTTPSHandler } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.equal(typeof new HTTPSHandler().https_open, "function");
 * ```
 */
export class HTTPSHandler extends AbstractHTTPHandler {
  /** The TLS context passed to `HTTPSConnection`. */
  _context: unknown;
  /** Overrides the context's `check_hostname` when not `null`. */
  _check_hostname: boolean | null;
  /**
   * Create the object, with Python's constructor arguments.
   * @param debuglevel the connection debug level
   * @param context TLS options for `HTTPSConnection`
   * @param check_hostname verify the host name
   */
  constructor(debuglevel?: number | null, context?: unknown, check_hostname?: boolean | null);
  /** Create the object, with keyword arguments (a plain object in the context position is the context). */
  constructor(kwargs: { debuglevel?: number | null; context?: unknown; check_hostname?: boolean | null });
  /** Create the object, with keyword arguments after the debug level. */
  constructor(
    debuglevel: number | null,
    kwargs: Keywords<{ context?: unknown; check_hostname?: boolean | null }>,
  );
  constructor(...args: unknown[]) {
    const bound = HTTPSHANDLER_INIT.bind(args);
    let { context } = bound;
    const check_hostname = bound.check_hostname as boolean | null;
    super(bound.debuglevel ?? HTTPSConnection.debuglevel);
    if (check_hostname !== null) {
      if (!context) context = { check_hostname };
      else (context as { check_hostname?: boolean }).check_hostname = check_hostname;
    }
    this._context = context;
    this._check_hostname = check_hostname;
  }
  /**
   * Python's `https_open`.
   * @param req the request
   * @returns the response
   */
  https_open(req: Request): Promise<Response>;
  /** Python's `https_open`, with keyword arguments. */
  https_open(kwargs: { req: Request }): Promise<Response>;
  https_open(...args: unknown[]): Promise<Response> {
    const { req } = HTTPSHANDLER_HTTPS_OPEN.bind(args);
    return this.do_open(
      HTTPSConnection as unknown as HTTPConnectionClass,
      req,
      kw({ context: this._context }),
    );
  }
  /** `AbstractHTTPHandler.do_request_` (the same function, as in CPython). */
  declare https_request: AbstractHTTPHandler["do_request_"];
}
HTTPSHandler.prototype.https_request = AbstractHTTPHandler.prototype.do_request_;

/** What `HTTPCookieProcessor` needs from a cookie jar. */
export interface CookieJarLike {
  /** Add a `Cookie` header for the request. */
  add_cookie_header(request: Request): unknown;
  /** Store the cookies the response sets. */
  extract_cookies(response: unknown, request: Request): unknown;
}

const HTTPCOOKIEPROCESSOR_INIT = new Signature<{ cookiejar: CookieJar | null }>(
  "HTTPCookieProcessor.__init__",
  ["self", "cookiejar"],
  { cookiejar: null },
);
const HTTPCOOKIEPROCESSOR_HTTP_REQUEST = new Signature<{ request: Request }>(
  "HTTPCookieProcessor.http_request",
  ["self", "request"],
);
const HTTPCOOKIEPROCESSOR_HTTP_RESPONSE = new Signature<{ request: Request; response: Response }>(
  "HTTPCookieProcessor.http_response",
  ["self", "request", "response"],
);
const UNKNOWNHANDLER_UNKNOWN_OPEN = new Signature<{ req: Request }>("UnknownHandler.unknown_open", [
  "self",
  "req",
]);

/**
 * Python's `HTTPCookieProcessor(cookiejar=None)`: sends and stores cookies.
 * @example
 * ```ts
 * import { HTTPCookieProcessor } from "@pyweb/std/urllib/request";
 * import { CookieJar } from "@pyweb/std/http/cookiejar";
 * import assert from "node:assert/strict";
 * assert.ok(new HTTPCookieProcessor().cookiejar instanceof CookieJar);
 * ```
 */
export class HTTPCookieProcessor extends BaseHandler {
  /** The cookie jar (an `http.cookiejar.CookieJar` by default). */
  cookiejar: CookieJar;
  /**
   * Create the object, with Python's constructor arguments.
   * @param cookiejar the jar (a new `http.cookiejar.CookieJar` by default)
   */
  constructor(cookiejar?: CookieJar | null);
  /** Create the object, with keyword arguments. */
  constructor(kwargs: { cookiejar?: CookieJar | null });
  constructor(...args: unknown[]) {
    const { cookiejar } = HTTPCOOKIEPROCESSOR_INIT.bind(args);
    super();
    this.cookiejar = cookiejar ?? new CookieJar();
  }
  /**
   * Python's `http_request`.
   * @param request the request
   * @returns the request, with a `Cookie` header when cookies apply
   */
  http_request(request: Request): Promise<Request>;
  /** Python's `http_request`, with keyword arguments. */
  http_request(kwargs: { request: Request }): Promise<Request>;
  async http_request(...args: unknown[]): Promise<Request> {
    const { request } = HTTPCOOKIEPROCESSOR_HTTP_REQUEST.bind(args);
    await this.cookiejar.add_cookie_header(request);
    return request;
  }
  /**
   * Python's `http_response`.
   * @param request the request
   * @param response the response
   * @returns the response, its cookies stored
   */
  http_response(request: Request, response: Response): Promise<Response>;
  /** Python's `http_response`, with keyword arguments. */
  http_response(kwargs: { request: Request; response: Response }): Promise<Response>;
  async http_response(...args: unknown[]): Promise<Response> {
    const { request, response } = HTTPCOOKIEPROCESSOR_HTTP_RESPONSE.bind(args);
    await this.cookiejar.extract_cookies(response, request);
    return response;
  }
  /** Same as `http_request` (the same function, as in CPython). */
  declare https_request: HTTPCookieProcessor["http_request"];
  /** Same as `http_response` (the same function, as in CPython). */
  declare https_response: HTTPCookieProcessor["http_response"];
}
HTTPCookieProcessor.prototype.https_request = HTTPCookieProcessor.prototype.http_request;
HTTPCookieProcessor.prototype.https_response = HTTPCookieProcessor.prototype.http_response;

/** Python's `UnknownHandler`: raises `URLError('unknown url type: ...')`. */
export class UnknownHandler extends BaseHandler {
  /**
   * Python's `unknown_open`.
   * @param req the request
   * @throws {URLError} always
   */
  unknown_open(req: Request): never;
  /** Python's `unknown_open`, with keyword arguments. */
  unknown_open(kwargs: { req: Request }): never;
  unknown_open(...args: unknown[]): never {
    const { req } = UNKNOWNHANDLER_UNKNOWN_OPEN.bind(args);
    throw new URLError(`unknown url type: ${req.type}`);
  }
}

// ---------------------------------------------------------------------------
// file: and data:

class MemoryFile implements ByteSource {
  #data: Uint8Array;
  #pos = 0;
  constructor(data: Uint8Array) {
    this.#data = data;
  }
  read(p: Uint8Array): Promise<number | null> {
    if (this.#pos >= this.#data.length) return Promise.resolve(null);
    const n = Math.min(p.length, this.#data.length - this.#pos);
    p.set(this.#data.subarray(this.#pos, this.#pos + n));
    this.#pos += n;
    return Promise.resolve(n);
  }
}

/** A binary file over a byte source: Python's `io.BufferedReader` / `io.BytesIO` for our wrappers. */
class SourceFile implements ReadableFile {
  #reader: BufferedReader;
  #onClose: (() => void) | null;
  #name: string;
  #fd: number | null;
  closed = false;
  constructor(src: ByteSource, name: string, onClose: (() => void) | null = null, fd: number | null = null) {
    this.#reader = new BufferedReader(src, 65536);
    this.#onClose = onClose;
    this.#name = name;
    this.#fd = fd;
  }
  fileno(): number {
    if (this.closed) throw new ValueError("I/O operation on closed file");
    if (this.#fd === null) throw new OSError("fileno");
    return this.#fd;
  }
  read(n = -1): Promise<Bytes> {
    return this.#reader.read(n);
  }
  readline(limit = -1): Promise<Bytes> {
    return this.#reader.readline(limit);
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.#reader.close();
    const f = this.#onClose;
    this.#onClose = null;
    if (f) f();
  }
  [pyrepr](): string {
    return this.#name;
  }
}

function messageFrom(text: string): HTTPMessage {
  return parseHeaderBlock(text, new HTTPMessage());
}

function formatdateGMT(seconds: number): string {
  const d = new Date(seconds * 1000);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

function isLocalAuthority(authority: string, resolve: boolean): boolean {
  if (!authority || authority === "localhost") return true;
  if (authority === hostname()) return true;
  if (!resolve) return false;
  // gethostbyname() without DNS: loopback addresses are this machine.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(authority);
}

/** Keyword arguments of {@link url2pathname}. */
export interface Url2pathnameOptions {
  /** The URL starts with `file:`. */
  require_scheme?: boolean;
  /** Treat loopback addresses as this machine. */
  resolve_host?: boolean;
}

const URL2PATHNAME = new Signature<{ url: string; require_scheme: unknown; resolve_host: unknown }>(
  "url2pathname",
  ["url", "*", "require_scheme", "resolve_host"],
  { require_scheme: false, resolve_host: false },
);
const PATHNAME2URL = new Signature<{ pathname: string; add_scheme: unknown }>(
  "pathname2url",
  ["pathname", "*", "add_scheme"],
  { add_scheme: false },
);

/**
 * Python's `url2pathname(url, *, require_scheme=False, resolve_host=False)` (POSIX).
 * @param url the path part of a `file:` URL (or the whole URL with `require_scheme`)
 * @param options `{ require_scheme, resolve_host }`
 * @returns the local path
 * @example
 * ```ts
 * import { url2pathname } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.equal(url2pathname("/a%20b/c"), "/a b/c");
 * assert.equal(url2pathname("file://localhost/etc/hosts", { require_scheme: true }), "/etc/hosts");
 * ```
 */
export function url2pathname(url: string, options?: Url2pathnameOptions): string;
/** Python's `url2pathname`, all arguments by keyword. */
export function url2pathname(options: Url2pathnameOptions & { url: string }): string;
export function url2pathname(...args: unknown[]): string {
  const { url, require_scheme, resolve_host } = URL2PATHNAME.bind(args);
  return url2pathnameImpl(url, truthy(require_scheme), truthy(resolve_host));
}

function url2pathnameImpl(url: string, require_scheme: boolean, resolve_host: boolean): string {
  if (!require_scheme) url = "file:" + url;
  const [scheme, authority, path] = urlsplitRaw(url, "");
  if (scheme !== "file") throw new URLError("URL is missing a 'file:' scheme");
  if (!isLocalAuthority(authority ?? "", resolve_host)) {
    throw new URLError("file:// scheme is supported only on localhost");
  }
  return unquote(path, "utf-8", "surrogateescape");
}

/** Keyword arguments of {@link pathname2url}. */
export interface Pathname2urlOptions {
  /** Prefix the result with `file:`. */
  add_scheme?: boolean;
}

/**
 * Python's `pathname2url(pathname, *, add_scheme=False)` (POSIX).
 * @param pathname a local path
 * @param options `{ add_scheme }`
 * @returns the URL path (or `file:` URL)
 * @example
 * ```ts
 * import { pathname2url } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.equal(pathname2url("/a b/c"), "///a%20b/c");
 * assert.equal(pathname2url("/etc/hosts", { add_scheme: true }), "file:///etc/hosts");
 * ```
 */
export function pathname2url(pathname: string, options?: Pathname2urlOptions): string;
/** Python's `pathname2url`, all arguments by keyword. */
export function pathname2url(options: Pathname2urlOptions & { pathname: string }): string;
export function pathname2url(...args: unknown[]): string {
  const { pathname, add_scheme } = PATHNAME2URL.bind(args);
  return pathname2urlImpl(pathname, truthy(add_scheme));
}

function pathname2urlImpl(pathname: string, add_scheme: boolean): string {
  const scheme = add_scheme ? "file:" : "";
  let root = "", tail = pathname;
  if (pathname[0] === "/") {
    if (pathname[1] !== "/" || pathname[2] === "/") {
      root = "/";
      tail = pathname.slice(1);
    } else {
      root = "//";
      tail = pathname.slice(2);
    }
  }
  if (root) root = "//" + root;
  return scheme + root + quote(tail, "/", "utf-8", "surrogateescape");
}

let _localhost: string | null = null;

/**
 * Python's `localhost()`: the IP address of the name `localhost` (looked up once).
 * Add `await`: the lookup may ask DNS, where Python blocks.
 * @returns the address
 * @example
 * ```ts
 * import { localhost } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.match(await localhost(), /^\d+\.\d+\.\d+\.\d+$/);
 * ```
 */
export async function localhost(): Promise<string> {
  if (_localhost === null) _localhost = (await addressesOf("localhost"))[0];
  return _localhost;
}

let _noheaders: HTTPMessage | null = null;

/**
 * Python's `noheaders()`: an empty header message (the same object each time).
 * @returns the empty `HTTPMessage`
 * @example
 * ```ts
 * import { noheaders } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * assert.equal(noheaders().size, 0);
 * ```
 */
export function noheaders(): HTTPMessage {
  return _noheaders ??= new HTTPMessage();
}

let _thishost: Tuple<string> | null = null;

/**
 * Python's `thishost()`: the IP addresses of this machine, a tuple from
 * `gethostbyname_ex(gethostname())` (those of `localhost` when the host name does not resolve),
 * looked up once. Add `await`: the lookup may ask DNS, where Python blocks.
 * @returns the addresses
 * @example
 * ```ts
 * import { thishost } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const addrs = await thishost();
 * assert.ok(addrs.length >= 1);
 * ```
 */
export async function thishost(): Promise<Tuple<string>> {
  if (_thishost === null) {
    let addrs: string[];
    try {
      addrs = await addressesOf(hostname() ?? "localhost");
    } catch (e) {
      if (!(e instanceof gaierror)) throw e;
      addrs = await addressesOf("localhost");
    }
    _thishost = tuple(...addrs);
  }
  return _thishost;
}

const FILEHANDLER_OPEN_LOCAL_FILE = new Signature<{ req: Request }>(
  "FileHandler.open_local_file",
  ["self", "req"],
);
const DATAHANDLER_DATA_OPEN = new Signature<{ req: Request }>("DataHandler.data_open", ["self", "req"]);

/** Deno's resource id of an open file: what our `fileno()` gives (Deno exposes no OS descriptors). */
function resourceId(file: Deno.FsFile): number | null {
  for (const sym of Object.getOwnPropertySymbols(file)) {
    if (sym.description !== "Deno.internal.rid") continue;
    const rid = (file as unknown as Record<symbol, unknown>)[sym];
    if (typeof rid === "number") return rid;
  }
  return null;
}

/**
 * Python's `FileHandler`: opens `file:` URLs on this machine.
 * @example
 * ```ts
 * import { urlopen, pathname2url } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const path = await Deno.makeTempFile({ suffix: ".txt" });
 * await Deno.writeTextFile(path, "hello");
 * await using f = await urlopen(pathname2url(path, { add_scheme: true }));
 * assert.equal(f.info().get("Content-type"), "text/plain");
 * assert.equal((await f.read()).decode(), "hello");
 * await Deno.remove(path);
 * ```
 */
export class FileHandler extends BaseHandler {
  /** The addresses of this machine, once looked up (a class attribute, as in CPython). */
  static names: Tuple<string> | null = null;
  /** The addresses of this machine (the class's unless this handler set its own). */
  declare names: Tuple<string> | null;

  /**
   * Python's `get_names()`: the addresses of `localhost` and of this host, looked up once and kept
   * on the class (`FileHandler.names`), as CPython does. Add `await`: the lookup may ask DNS.
   * @returns the addresses
   */
  async get_names(): Promise<Tuple<string>> {
    if (FileHandler.names === null) {
      try {
        FileHandler.names = tuple(...await addressesOf("localhost"), ...await addressesOf(hostname() ?? ""));
      } catch (e) {
        if (!(e instanceof gaierror)) throw e;
        FileHandler.names = tuple((await addressesOf("localhost"))[0]);
      }
    }
    return FileHandler.names;
  }

  /**
   * Python's `open_local_file(req)`.
   * @param req the request
   * @returns an `addinfourl` over the file
   */
  open_local_file(req: Request): Promise<addinfourl>;
  /** Python's `open_local_file`, with keyword arguments. */
  open_local_file(kwargs: { req: Request }): Promise<addinfourl>;
  async open_local_file(...args: unknown[]): Promise<addinfourl> {
    const { req } = FILEHANDLER_OPEN_LOCAL_FILE.bind(args);
    const localfile = url2pathnameImpl(req.full_url, true, true);
    try {
      let st: Deno.FileInfo;
      try {
        st = await Deno.stat(localfile);
      } catch (e) {
        throw fromDenoError(e, localfile);
      }
      const mtype = guess_file_type(localfile);
      const modified = formatdateGMT(Math.floor((st.mtime?.getTime() ?? 0) / 1000));
      const headers = messageFrom(
        `Content-type: ${mtype ?? "text/plain"}\nContent-length: ${st.size}\nLast-modified: ${modified}\n`,
      );
      const origurl = pathname2urlImpl(localfile, true);
      if (st.isDirectory) {
        throw new IsADirectoryError(21, "Is a directory", localfile);
      }
      let file: Deno.FsFile;
      try {
        file = await Deno.open(localfile, { read: true });
      } catch (e) {
        throw fromDenoError(e, localfile);
      }
      const fp = new SourceFile(
        file,
        `<_io.BufferedReader name=${repr(localfile)}>`,
        () => {
          try {
            file.close();
          } catch {
            // already closed
          }
        },
        resourceId(file),
      );
      return new addinfourl(fp, headers, origurl);
    } catch (exp) {
      if (exp instanceof OSError) throw new URLError(exp, exp.filename);
      throw exp;
    }
  }
  /** Same as `open_local_file` (the same function, as in CPython). */
  declare file_open: FileHandler["open_local_file"];
}
FileHandler.prototype.file_open = FileHandler.prototype.open_local_file;
classAttrs(FileHandler, ["names"]);

/**
 * Python's `DataHandler`: opens RFC 2397 `data:` URLs.
 * @example
 * ```ts
 * import { urlopen } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * await using f = await urlopen("data:;base64,aGk=");
 * assert.equal(f.info().get("Content-type"), "text/plain;charset=US-ASCII");
 * assert.equal((await f.read()).decode(), "hi");
 * ```
 */
export class DataHandler extends BaseHandler {
  /**
   * Python's `data_open`.
   * @param req the request
   * @returns an `addinfourl` over the decoded data
   */
  data_open(req: Request): addinfourl;
  /** Python's `data_open`, with keyword arguments. */
  data_open(kwargs: { req: Request }): addinfourl;
  data_open(...args: unknown[]): addinfourl {
    const { req } = DATAHANDLER_DATA_OPEN.bind(args);
    const url = req.full_url;
    const c = url.indexOf(":");
    const rest = url.slice(c + 1);
    const comma = rest.indexOf(",");
    if (comma < 0) throw new ValueError("not enough values to unpack (expected 2, got 1)");
    let mediatype = rest.slice(0, comma);
    if ([...mediatype].some((ch) => ch.charCodeAt(0) < 0x20 || ch === "\x7f")) {
      throw new ValueError("Control characters not allowed in data: mediatype");
    }
    let data: Bytes = unquoteToBytes(rest.slice(comma + 1));
    if (mediatype.endsWith(";base64")) {
      data = decodeBase64(data);
      mediatype = mediatype.slice(0, -7);
    }
    if (!mediatype) mediatype = "text/plain;charset=US-ASCII";
    const headers = messageFrom(`Content-type: ${mediatype}\nContent-length: ${data.length}\n`);
    return new addinfourl(new SourceFile(new MemoryFile(data), "<_io.BytesIO object>"), headers, url);
  }
}

// ---------------------------------------------------------------------------
// urlretrieve

const urlTempfiles: string[] = [];

/** A `reporthook(blocknum, blocksize, totalsize)` for {@link urlretrieve}. */
export type ReportHook = (blocknum: number, bs: number, size: number) => unknown;

const URLRETRIEVE = new Signature<
  { url: string; filename: string | null; reporthook: ReportHook | null; data: RequestData | null }
>("urlretrieve", ["url", "filename", "reporthook", "data"], { filename: null, reporthook: null, data: null });

/**
 * Python's `urlretrieve(url, filename=None, reporthook=None, data=None)`:
 * download to a file, streaming in 8 KiB blocks, calling
 * `reporthook(blocknum, 8192, size)` before the first and after each block.
 * @param url the URL
 * @param filename where to write (a temporary file when `null`)
 * @param reporthook progress callback
 * @param data a body to POST
 * @returns `(filename, headers)`
 * @throws {ContentTooShortError} when fewer bytes arrive than `Content-Length` said
 * @example
 * ```ts
 * import { urlretrieve, urlcleanup } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const calls: number[][] = [];
 * const [filename, headers] = await urlretrieve("data:,hello", null, (...a: number[]) => calls.push(a));
 * assert.equal(await Deno.readTextFile(filename), "hello");
 * assert.equal(headers.get("Content-length"), "5");
 * assert.deepEqual(calls, [[0, 8192, 5], [1, 8192, 5]]);
 * urlcleanup();
 * ```
 */
export function urlretrieve(
  url: string,
  filename?: string | null,
  reporthook?: ReportHook | null,
  data?: RequestData | null,
): Promise<Tuple<string | HTTPMessage> & [string, HTTPMessage]>;
/** Python's `urlretrieve`, with keyword arguments after the URL: `urlretrieve(url, { reporthook })`. */
export function urlretrieve(
  url: string,
  kwargs: { filename?: string | null; reporthook?: ReportHook | null; data?: RequestData | null },
): Promise<Tuple<string | HTTPMessage> & [string, HTTPMessage]>;
/** Python's `urlretrieve`, with keyword arguments after the URL and file name. */
export function urlretrieve(
  url: string,
  filename: string | null,
  kwargs: { reporthook?: ReportHook | null; data?: RequestData | null },
): Promise<Tuple<string | HTTPMessage> & [string, HTTPMessage]>;
/** Python's `urlretrieve`, all arguments by keyword. */
export function urlretrieve(
  kwargs: {
    url: string;
    filename?: string | null;
    reporthook?: ReportHook | null;
    data?: RequestData | null;
  },
): Promise<Tuple<string | HTTPMessage> & [string, HTTPMessage]>;
export async function urlretrieve(
  ...args: unknown[]
): Promise<Tuple<string | HTTPMessage> & [string, HTTPMessage]> {
  const bound = URLRETRIEVE.bind(args);
  const { url, reporthook, data } = bound;
  let { filename } = bound;
  const [urlType, path] = splittype(url);
  const fp = await urlopen(url, data);
  let result: [string, HTTPMessage];
  let size = -1, read = 0;
  try {
    const headers: HTTPMessage = fp.info();
    if (urlType === "file" && !filename) {
      return tuple(normpath(path), headers) as Tuple<string | HTTPMessage> & [string, HTTPMessage];
    }
    let tfp: Deno.FsFile;
    if (filename) {
      try {
        tfp = await Deno.open(filename, { write: true, create: true, truncate: true });
      } catch (e) {
        throw fromDenoError(e, filename);
      }
    } else {
      filename = await Deno.makeTempFile();
      urlTempfiles.push(filename);
      tfp = await Deno.open(filename, { write: true, truncate: true });
    }
    try {
      result = [filename, headers];
      const bs = 1024 * 8;
      let blocknum = 0;
      if (headers.has("content-length")) size = pyIntStrict(headers.get("Content-Length")!);
      if (reporthook) await reporthook(blocknum, bs, size);
      // Blocks are gathered into a 256 KiB buffer before each disk write: memory stays
      // bounded and the file sees far fewer (slow, async) write calls.
      const pending = new Uint8Array(256 * 1024);
      let used = 0;
      const flush = async () => {
        let off = 0;
        while (off < used) off += await tfp.write(pending.subarray(off, used));
        used = 0;
      };
      for (;;) {
        const block: Uint8Array = await fp.read(bs);
        if (!block.length) break;
        read += block.length;
        if (used + block.length > pending.length) await flush();
        if (block.length > pending.length) {
          let off = 0;
          while (off < block.length) off += await tfp.write(block.subarray(off));
        } else {
          pending.set(block, used);
          used += block.length;
        }
        blocknum += 1;
        if (reporthook) await reporthook(blocknum, bs, size);
      }
      await flush();
    } finally {
      tfp.close();
    }
  } finally {
    await fp.close();
  }
  if (size >= 0 && read < size) {
    throw new ContentTooShortError(
      `retrieval incomplete: got only ${read} out of ${size} bytes`,
      tuple(...result),
    );
  }
  return tuple(...result) as Tuple<string | HTTPMessage> & [string, HTTPMessage];
}

function pyIntStrict(s: string): number {
  const t = s.trim().replaceAll("_", "");
  if (!/^[+-]?\d+$/.test(t)) throw new ValueError(`invalid literal for int() with base 10: ${repr(s)}`);
  return Number(t);
}

/**
 * Python's `urlcleanup()`: delete `urlretrieve`'s temporary files and forget the installed opener.
 * @example
 * ```ts
 * import { urlcleanup } from "@pyweb/std/urllib/request";
 * urlcleanup();
 * ```
 */
export function urlcleanup(): void {
  for (const f of urlTempfiles) {
    try {
      Deno.removeSync(f);
    } catch {
      // already gone
    }
  }
  urlTempfiles.length = 0;
  _opener = null;
}

export { BinasciiError };
