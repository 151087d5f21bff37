/**
 * pyweb: Python's web standard library for Deno.
 *
 * The root exports the porting aids every program uses (`print`, `repr`,
 * `str`, the `b` bytes literal, `tuple`) and Python's built-in exception
 * classes. Each Python module is its own entry point, `@pyweb/std/urllib/parse`
 * for `urllib.parse` and so on.
 *
 * ```python
 * from urllib.parse import urlparse
 * print(urlparse("http://www.python.org:80/a;p?q=1#f"))
 * ```
 *
 * ```ts
 * import { print } from "@pyweb/std";
 * import { urlparse } from "@pyweb/std/urllib/parse";
 * print(urlparse("http://www.python.org:80/a;p?q=1#f"));
 * ```
 *
 * @module
 */

export { print, type PrintOptions, repr, str, Tuple, tuple } from "./_util/repr.ts";
export { b, Bytes, bytes, encode } from "./_util/bytes.ts";
export { type Keywords, kw } from "./_util/signature.ts";
export { contains, delattr, eq, len, NotImplemented, truthy } from "./_util/builtins.ts";
export {
  AssertionError,
  AttributeError,
  BaseException,
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
  EOFError,
  Exception,
  FileExistsError,
  FileNotFoundError,
  IndexError,
  IsADirectoryError,
  KeyboardInterrupt,
  KeyError,
  LookupError,
  NotADirectoryError,
  NotImplementedError,
  OSError,
  OverflowError,
  PermissionError,
  RuntimeError,
  SystemExit,
  TimeoutError,
  TypeError,
  UnicodeDecodeError,
  UnicodeEncodeError,
  UnicodeError,
  ValueError,
} from "./_util/exceptions.ts";
export {
  BytesWarning,
  DeprecationWarning,
  EncodingWarning,
  FutureWarning,
  ImportWarning,
  PendingDeprecationWarning,
  ResourceWarning,
  RuntimeWarning,
  SyntaxWarning,
  UnicodeWarning,
  UserWarning,
  Warning,
} from "./warnings.ts";

import * as _urllib_parse from "./urllib/parse.ts";
import * as _urllib_request from "./urllib/request.ts";
import * as _urllib_error from "./urllib/error.ts";
import * as _urllib_response from "./urllib/response.ts";
import * as _urllib_robotparser from "./urllib/robotparser.ts";
import * as _http from "./http/mod.ts";
import * as _http_client from "./http/client.ts";
import * as _http_server from "./http/server.ts";
import * as _http_cookies from "./http/cookies.ts";
import * as _http_cookiejar from "./http/cookiejar.ts";
import * as _html from "./html/mod.ts";
import * as _html_parser from "./html/parser.ts";
import * as _html_entities from "./html/entities.ts";
import * as _wsgi_simple_server from "./wsgi/simple_server.ts";
import * as _wsgi_handlers from "./wsgi/handlers.ts";
import * as _wsgi_util from "./wsgi/util.ts";
import * as _wsgi_headers from "./wsgi/headers.ts";
import * as _wsgi_validate from "./wsgi/validate.ts";
import * as _wsgi_types from "./wsgi/types.ts";
import * as _cgi from "./cgi.ts";
import * as _socketserver from "./socketserver.ts";
import * as _io from "./io.ts";
import * as _warnings from "./warnings.ts";
import { type Sys, sys as _sys } from "./sys.ts";

/**
 * Python's `urllib` package as a namespace: `urllib.parse`, `urllib.request`,
 * `urllib.error`, `urllib.response`, `urllib.robotparser`.
 *
 * @example
 * ```ts
 * import { urllib } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(urllib.parse.urlsplit("http://a/b?c").query, "c");
 * ```
 */
export const urllib: {
  parse: typeof _urllib_parse;
  request: typeof _urllib_request;
  error: typeof _urllib_error;
  response: typeof _urllib_response;
  robotparser: typeof _urllib_robotparser;
} = {
  parse: _urllib_parse,
  request: _urllib_request,
  error: _urllib_error,
  response: _urllib_response,
  robotparser: _urllib_robotparser,
};

/**
 * Python's `http` package as a namespace: `HTTPStatus` and `HTTPMethod`, and
 * `http.client`, `http.server`, `http.cookies`, `http.cookiejar`.
 *
 * @example
 * ```ts
 * import { http } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(http.HTTPStatus.NOT_FOUND.phrase, "Not Found");
 * assert.equal(http.client.HTTP_PORT, 80);
 * ```
 */
export const http: typeof _http & {
  client: typeof _http_client;
  server: typeof _http_server;
  cookies: typeof _http_cookies;
  cookiejar: typeof _http_cookiejar;
} = {
  ..._http,
  client: _http_client,
  server: _http_server,
  cookies: _http_cookies,
  cookiejar: _http_cookiejar,
};

/**
 * Python's `html` package as a namespace: `escape`, `unescape`, and
 * `html.parser`, `html.entities`.
 *
 * @example
 * ```ts
 * import { html } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(html.escape("<a & b>"), "&lt;a &amp; b&gt;");
 * assert.equal(html.entities.name2codepoint["amp"], 38);
 * ```
 */
export const html: typeof _html & {
  parser: typeof _html_parser;
  entities: typeof _html_entities;
} = { ..._html, parser: _html_parser, entities: _html_entities };

/**
 * Python's `wsgiref` package as a namespace (our folder `wsgi/`):
 * `wsgiref.simple_server`, `.handlers`, `.util`, `.headers`, `.validate`, `.types`.
 *
 * @example
 * ```ts
 * import { wsgiref } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(wsgiref.util.is_hop_by_hop("Connection"), true);
 * ```
 */
export const wsgiref: {
  simple_server: typeof _wsgi_simple_server;
  handlers: typeof _wsgi_handlers;
  util: typeof _wsgi_util;
  headers: typeof _wsgi_headers;
  validate: typeof _wsgi_validate;
  types: typeof _wsgi_types;
} = {
  simple_server: _wsgi_simple_server,
  handlers: _wsgi_handlers,
  util: _wsgi_util,
  headers: _wsgi_headers,
  validate: _wsgi_validate,
  types: _wsgi_types,
};

/**
 * The old `cgi` module's form helpers (`FieldStorage`, `parse_header`, …) as a namespace.
 *
 * @example
 * ```ts
 * import { cgi } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(cgi.parse_header("text/html; charset=utf-8")[0], "text/html");
 * ```
 */
export const cgi: typeof _cgi = _cgi;

/**
 * Python's `socketserver` module (what `http.server` stands on) as a namespace.
 *
 * @example
 * ```ts
 * import { socketserver } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(typeof socketserver.TCPServer, "function");
 * ```
 */
export const socketserver: typeof _socketserver = _socketserver;

/**
 * Python's `io` module (`BytesIO`, `StringIO`, `TextIOWrapper`) as a namespace.
 *
 * @example
 * ```ts
 * // Python: buf = io.BytesIO(); buf.write(b"PNG"); buf.getvalue()
 * import { b, io } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * const buf = new io.BytesIO();
 * buf.write(b`PNG`);
 * assert.deepEqual(buf.getvalue(), b`PNG`);
 * ```
 */
export const io: typeof _io = _io;

/**
 * Python's `warnings` module as a namespace.
 *
 * @example
 * ```ts
 * // Python: with warnings.catch_warnings(record=True) as w: warnings.warn("x")
 * import { warnings } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * using w = warnings.catch_warnings({ record: true, action: "always" });
 * warnings.warn("x");
 * assert.equal(w.length, 1);
 * ```
 */
export const warnings: typeof _warnings = _warnings;

/**
 * Python's `sys`: the one object whose attributes can be replaced
 * (`sys.stderr = new io.StringIO()`), with `argv`, `exit`, `version_info`, ….
 *
 * @example
 * ```ts
 * // Python: sys.argv[1:], sys.platform
 * import { sys } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.deepEqual(sys.argv.slice(1), Deno.args);
 * assert.equal(typeof sys.platform, "string");
 * ```
 */
export const sys: Sys = _sys;
