/**
 * WSGI conformance checking middleware, Python's `wsgiref.validate`.
 *
 * `validator(app)` wraps an application; every request through the
 * wrapper checks the environ, the `start_response` call, the headers, the
 * body and the use of `wsgi.input` / `wsgi.errors`, raising
 * `AssertionError` with CPython's messages, or issuing a {@link WSGIWarning}
 * where CPython warns.
 *
 * ```python
 * from wsgiref.validate import validator
 * from wsgiref.simple_server import make_server
 * def app(environ, start_response):
 *     start_response("200 OK", [("Content-Type", "text/plain")])
 *     return [b"ok"]
 * make_server("", 8000, validator(app)).serve_forever()
 * ```
 *
 * ```ts ignore
 * import { validator } from "@pyweb/std/wsgi/validate";
 * import { make_server } from "@pyweb/std/wsgi/simple_server";
 * import { b } from "@pyweb/std";
 * import type { StartResponse } from "@pyweb/std/wsgi/types";
 * function app(_environ: Record<string, unknown>, start_response: StartResponse) {
 *   start_response("200 OK", [["Content-Type", "text/plain"]]);
 *   return [b`ok`];
 * }
 * await make_server("", 8000, validator(app)).serve_forever();
 * ```
 *
 * The checks always run (CPython's run only without `-O`). Python's tuples
 * are JavaScript arrays here, except `wsgi.version`, which must be a
 * `tuple(1, 0)` as in Python.
 *
 * @module
 */

import { AssertionError, IndexError, KeyError, TypeError, ValueError } from "../_util/exceptions.ts";
import { repr, Tuple, tuple } from "../_util/repr.ts";
import { pyTypeRepr } from "./_py.ts";
import * as warnings from "../warnings.ts";
import { isDict, typeName } from "../_util/builtins.ts";
import { Signature } from "../_util/signature.ts";
import type {
  ErrorStream,
  HeaderPair,
  InputStream,
  StartResponse,
  WriteCallable,
  WSGIApplication,
  WSGIBody,
  WSGIEnvironment,
} from "./types.ts";

/** Header names the validator accepts (Python's `header_re`). */
export const header_re: RegExp = /^[a-zA-Z][a-zA-Z0-9\-_]*$/;
/** Header value characters the validator rejects (Python's `bad_header_value_re`). */
// deno-lint-ignore no-control-regex
export const bad_header_value_re: RegExp = /[\x00-\x1f]/;

/**
 * Raised (or printed) for WSGI usage that is suspicious but legal.
 *
 * @example
 * ```ts
 * import { WSGIWarning } from "@pyweb/std/wsgi/validate";
 * import assert from "node:assert/strict";
 * assert.equal(new WSGIWarning("x").name, "WSGIWarning");
 * ```
 */
export class WSGIWarning extends warnings.Warning {}

function warn(message: string): void {
  warnings.warn(message, WSGIWarning);
}

const ASSERT_ = new Signature<{ cond: unknown; args: unknown[] }>("assert_", ["cond", "*args"]);

/**
 * Raise `AssertionError(...args)` unless `cond` is truthy.
 *
 * @param cond the condition
 * @param args the error's arguments
 */
export function assert_(cond: unknown, ...args: unknown[]): asserts cond {
  ({ cond, args } = ASSERT_.bind(arguments));
  assertImpl(cond, ...args);
}

/** `assert_` without argument binding, for this module's own checks. */
function assertImpl(cond: unknown, ...args: unknown[]): asserts cond {
  if (!cond) throw new AssertionError(...args);
}

const CHECK_STRING_TYPE = new Signature<{ value: unknown; title: string }>("check_string_type", [
  "value",
  "title",
]);

/**
 * Assert `value` is a string; return it.
 *
 * @param value the value
 * @param title what it is, for the message
 * @returns the string
 */
export function check_string_type(value: unknown, title?: string): string {
  ({ value, title } = CHECK_STRING_TYPE.bind(arguments));
  return checkStringType(value, title!);
}

function checkStringType(value: unknown, title: string): string {
  if (typeof value === "string") return value;
  throw new AssertionError(`${title} must be of type str (got ${repr(value)})`);
}

/** Python's `int(s)` for a string. */
function pyInt(s: string): number {
  const t = s.trim();
  if (!/^[+-]?[0-9]+(?:_[0-9]+)*$/.test(t)) {
    throw new ValueError(`invalid literal for int() with base 10: ${repr(s)}`);
  }
  return Number(t.replaceAll("_", ""));
}

/** Python's `s.split(None, 1)[0]`. */
function firstWord(s: string): string {
  if (!s.trim()) throw new IndexError("list index out of range");
  return s.trim().split(/\s+/)[0];
}

function headersRepr(headers: unknown): string {
  if (!Array.isArray(headers)) return repr(headers);
  const items = headers.map((h) => (Array.isArray(h) ? tuple(...h) : h));
  return repr(headers instanceof Tuple ? tuple(...items) : items);
}

const CHECK_ENVIRON = new Signature<{ environ: unknown }>("check_environ", ["environ"], {}, ["environ"]);

/**
 * Check a WSGI environ (the keys, the types, `wsgi.input`, `wsgi.errors`).
 *
 * @param environ the environ to check
 */
export function check_environ(environ: unknown): void {
  ({ environ } = CHECK_ENVIRON.bind(arguments));
  checkEnviron(environ);
}

function checkEnviron(environ: unknown): void {
  assertImpl(
    isDict(environ),
    `Environment is not of the right type: ${pyTypeRepr(environ)} (environment: ${repr(environ)})`,
  );
  const env = environ as WSGIEnvironment;
  for (
    const key of [
      "REQUEST_METHOD",
      "SERVER_NAME",
      "SERVER_PORT",
      "wsgi.version",
      "wsgi.input",
      "wsgi.errors",
      "wsgi.multithread",
      "wsgi.multiprocess",
      "wsgi.run_once",
    ]
  ) {
    assertImpl(key in env, `Environment missing required key: ${repr(key)}`);
  }
  for (const key of ["HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"]) {
    assertImpl(!(key in env), `Environment should not have the key: ${key} (use ${key.slice(5)} instead)`);
  }
  if (!("QUERY_STRING" in env)) {
    warn(
      "QUERY_STRING is not in the WSGI environment; the cgi module will use sys.argv when this variable is missing, so application errors are more likely",
    );
  }
  for (const key of Object.keys(env)) {
    if (key.includes(".")) continue;
    assertImpl(
      typeof env[key] === "string",
      `Environmental variable ${key} is not a string: ${pyTypeRepr(env[key])} (value: ${repr(env[key])})`,
    );
  }
  assertImpl(
    env["wsgi.version"] instanceof Tuple,
    `wsgi.version should be a tuple (${repr(env["wsgi.version"])})`,
  );
  if (!("wsgi.url_scheme" in env)) throw new KeyError("wsgi.url_scheme");
  assertImpl(
    env["wsgi.url_scheme"] === "http" || env["wsgi.url_scheme"] === "https",
    `wsgi.url_scheme unknown: ${repr(env["wsgi.url_scheme"])}`,
  );
  checkInput(env["wsgi.input"]);
  checkErrors(env["wsgi.errors"]);
  const method = env["REQUEST_METHOD"];
  if (!["GET", "HEAD", "POST", "OPTIONS", "PATCH", "PUT", "DELETE", "TRACE"].includes(method as string)) {
    warn(`Unknown REQUEST_METHOD: ${repr(method)}`);
  }
  // CPython formats these messages eagerly (`% environ['SCRIPT_NAME']`), so a missing
  // SCRIPT_NAME or PATH_INFO raises KeyError there, whatever the condition.
  if (!("SCRIPT_NAME" in env)) throw new KeyError("SCRIPT_NAME");
  const script = env["SCRIPT_NAME"] as string | undefined;
  if (!("PATH_INFO" in env)) throw new KeyError("PATH_INFO");
  const path = env["PATH_INFO"] as string | undefined;
  assertImpl(!script || script.startsWith("/"), `SCRIPT_NAME doesn't start with /: ${repr(script)}`);
  assertImpl(!path || path.startsWith("/"), `PATH_INFO doesn't start with /: ${repr(path)}`);
  if (env["CONTENT_LENGTH"]) {
    assertImpl(
      pyInt(env["CONTENT_LENGTH"] as string) >= 0,
      `Invalid CONTENT_LENGTH: ${repr(env["CONTENT_LENGTH"])}`,
    );
  }
  if (!script) {
    assertImpl(
      "PATH_INFO" in env,
      "One of SCRIPT_NAME or PATH_INFO are required (PATH_INFO should at least be '/' if SCRIPT_NAME is empty)",
    );
  }
  assertImpl(
    script !== "/",
    "SCRIPT_NAME cannot be '/'; it should instead be '', and PATH_INFO should be '/'",
  );
}

function hasAttr(obj: unknown, attr: string | symbol): boolean {
  if (obj === null || obj === undefined) return false;
  return (obj as Record<string | symbol, unknown>)[attr] !== undefined;
}

const CHECK_INPUT = new Signature<{ wsgi_input: unknown }>("check_input", ["wsgi_input"], {}, ["wsgi_input"]);

/**
 * Check that `wsgi.input` has `read`, `readline`, `readlines` and async iteration.
 *
 * @param wsgi_input the stream
 */
export function check_input(wsgi_input: unknown): void {
  ({ wsgi_input } = CHECK_INPUT.bind(arguments));
  checkInput(wsgi_input);
}

function checkInput(wsgi_input: unknown): void {
  for (const attr of ["read", "readline", "readlines", "__iter__"]) {
    const ok = attr === "__iter__"
      ? hasAttr(wsgi_input, Symbol.asyncIterator) || hasAttr(wsgi_input, Symbol.iterator)
      : hasAttr(wsgi_input, attr);
    assertImpl(ok, `wsgi.input (${repr(wsgi_input)}) doesn't have the attribute ${attr}`);
  }
}

const CHECK_ERRORS = new Signature<{ wsgi_errors: unknown }>("check_errors", ["wsgi_errors"], {}, [
  "wsgi_errors",
]);

/**
 * Check that `wsgi.errors` has `flush`, `write` and `writelines`.
 *
 * @param wsgi_errors the stream
 */
export function check_errors(wsgi_errors: unknown): void {
  ({ wsgi_errors } = CHECK_ERRORS.bind(arguments));
  checkErrors(wsgi_errors);
}

function checkErrors(wsgi_errors: unknown): void {
  for (const attr of ["flush", "write", "writelines"]) {
    assertImpl(
      hasAttr(wsgi_errors, attr),
      `wsgi.errors (${repr(wsgi_errors)}) doesn't have the attribute ${attr}`,
    );
  }
}

const CHECK_STATUS = new Signature<{ status: unknown }>("check_status", ["status"]);

/**
 * Check a status string: three digits, a code of at least 100.
 *
 * @param status the status
 */
export function check_status(status: unknown): void {
  ({ status } = CHECK_STATUS.bind(arguments));
  checkStatus(status);
}

function checkStatus(status: unknown): void {
  const s = checkStringType(status, "Status");
  const code = firstWord(s);
  assertImpl([...code].length === 3, `Status codes must be three characters: ${repr(code)}`);
  const n = pyInt(code);
  assertImpl(n >= 100, `Status code is invalid: ${n}`);
  const chars = [...s];
  if (chars.length < 4 || chars[3] !== " ") {
    warn(
      `The status string (${
        repr(s)
      }) should be a three-digit integer followed by a single space and a status explanation`,
    );
  }
}

const CHECK_HEADERS = new Signature<{ headers: unknown }>("check_headers", ["headers"]);

/**
 * Check the header list: an array of `[name, value]` string pairs with
 * valid names and values, and no `Status` header.
 *
 * @param headers the headers
 */
export function check_headers(headers: unknown): void {
  ({ headers } = CHECK_HEADERS.bind(arguments));
  checkHeaders(headers);
}

function checkHeaders(headers: unknown): void {
  assertImpl(
    Array.isArray(headers) && !(headers instanceof Tuple),
    `Headers (${headersRepr(headers)}) must be of type list: ${pyTypeRepr(headers)}`,
  );
  for (const item of headers as unknown[]) {
    assertImpl(
      Array.isArray(item),
      `Individual headers (${repr(item)}) must be of type tuple: ${pyTypeRepr(item)}`,
    );
    assertImpl(item.length === 2);
    const name = checkStringType(item[0], "Header name");
    const value = checkStringType(item[1], "Header value");
    assertImpl(
      name.toLowerCase() !== "status",
      `The Status header cannot be used; it conflicts with CGI script, and HTTP status is not given through headers (value: ${
        repr(value)
      }).`,
    );
    assertImpl(
      !name.includes("\n") && !name.includes(":"),
      `Header names may not contain ':' or '\\n': ${repr(name)}`,
    );
    assertImpl(
      header_re.test(name.endsWith("\n") ? name.slice(0, -1) : name),
      `Bad header name: ${repr(name)}`,
    );
    assertImpl(!name.endsWith("-") && !name.endsWith("_"), `Names may not end in '-' or '_': ${repr(name)}`);
    const bad = bad_header_value_re.exec(value);
    if (bad) assertImpl(0, `Bad header value: ${repr(value)} (bad char: ${repr(bad[0])})`);
  }
}

const CHECK_CONTENT_TYPE = new Signature<{ status: unknown; headers: HeaderPair[] }>("check_content_type", [
  "status",
  "headers",
]);

/**
 * Check that `Content-Type` is given unless the status is 204 or 304 (and
 * absent for those).
 *
 * @param status the status
 * @param headers the headers
 */
export function check_content_type(status: unknown, headers: HeaderPair[]): void {
  ({ status, headers } = CHECK_CONTENT_TYPE.bind(arguments));
  checkContentType(status, headers);
}

function checkContentType(status: unknown, headers: HeaderPair[]): void {
  const s = checkStringType(status, "Status");
  const code = pyInt(firstWord(s));
  const noBody = code === 204 || code === 304;
  for (const [n] of headers) {
    const name = checkStringType(n, "Header name");
    if (name.toLowerCase() === "content-type") {
      if (!noBody) return;
      assertImpl(0, `Content-Type header found in a ${code} response, which must not return content.`);
    }
  }
  if (!noBody) assertImpl(0, `No Content-Type header found in headers (${headersRepr(headers)})`);
}

const CHECK_EXC_INFO = new Signature<{ exc_info: unknown }>("check_exc_info", ["exc_info"]);

/**
 * Check `exc_info`: `null`, an array (Python's tuple) or an `Error`.
 *
 * @param exc_info the value given to `start_response`
 */
export function check_exc_info(exc_info: unknown): void {
  ({ exc_info } = CHECK_EXC_INFO.bind(arguments));
  checkExcInfo(exc_info);
}

function checkExcInfo(exc_info: unknown): void {
  assertImpl(
    exc_info === null || exc_info === undefined || Array.isArray(exc_info) || exc_info instanceof Error,
    `exc_info (${repr(exc_info)}) is not a tuple: ${pyTypeRepr(exc_info)}`,
  );
}

const CHECK_ITERATOR = new Signature<{ iterator: unknown }>("check_iterator", ["iterator"], {}, ["iterator"]);

/**
 * Check that the body is not a string or bytes (it must be an iterable of byte chunks).
 *
 * @param iterator the application's return value
 */
export function check_iterator(iterator: unknown): void {
  ({ iterator } = CHECK_ITERATOR.bind(arguments));
  checkIterator(iterator);
}

function checkIterator(iterator: unknown): void {
  assertImpl(
    typeof iterator !== "string" && !(iterator instanceof Uint8Array),
    "You should not return a string as your application iterator, instead return a single-item list containing a bytestring.",
  );
}

const INPUT_WRAPPER_INIT = new Signature<{ wsgi_input: InputStream }>(
  "InputWrapper.__init__",
  ["self", "wsgi_input"],
  {},
  ["wsgi_input"],
);

/**
 * `wsgi.input` as the validator hands it to the application: every read
 * is checked.
 */
export class InputWrapper implements InputStream {
  /** The checked stream. */
  input: InputStream;
  /**
   * Wrap `wsgi.input`.
   * @param wsgi_input the stream to check
   */
  constructor(wsgi_input: InputStream | { wsgi_input: InputStream }) {
    ({ wsgi_input } = INPUT_WRAPPER_INIT.bind(arguments));
    this.input = wsgi_input;
  }
  /** `read(size)`: exactly one argument; bytes back. */
  async read(...args: number[]): Promise<Uint8Array> {
    assertImpl(args.length === 1);
    const v = await this.input.read(...args);
    assertImpl(v instanceof Uint8Array);
    return v;
  }
  /** `readline([size])`: bytes back. */
  async readline(...args: number[]): Promise<Uint8Array> {
    assertImpl(args.length <= 1);
    const v = await this.input.readline(...args);
    assertImpl(v instanceof Uint8Array);
    return v;
  }
  /** `readlines([hint])`: an array of bytes. */
  async readlines(...args: number[]): Promise<Uint8Array[]> {
    assertImpl(args.length <= 1);
    const lines = await this.input.readlines(...args);
    assertImpl(Array.isArray(lines));
    for (const line of lines) assertImpl(line instanceof Uint8Array);
    return lines;
  }
  /** Iterate lines. */
  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (let line = await this.readline(); line.length; line = await this.readline()) yield line;
  }
  /** Not allowed: raises AssertionError. */
  close(): never {
    throw new AssertionError("input.close() must not be called");
  }
}

const ERROR_WRAPPER_INIT = new Signature<{ wsgi_errors: ErrorStream }>(
  "ErrorWrapper.__init__",
  ["self", "wsgi_errors"],
  {},
  ["wsgi_errors"],
);
const ERROR_WRAPPER_WRITE = new Signature<{ s: string }>("ErrorWrapper.write", ["self", "s"]);
const ERROR_WRAPPER_WRITELINES = new Signature<{ seq: Iterable<string> }>("ErrorWrapper.writelines", [
  "self",
  "seq",
]);

/** `wsgi.errors` as the validator hands it to the application. */
export class ErrorWrapper implements ErrorStream {
  /** The checked stream. */
  errors: ErrorStream;
  /**
   * Wrap `wsgi.errors`.
   * @param wsgi_errors the stream to check
   */
  constructor(wsgi_errors: ErrorStream | { wsgi_errors: ErrorStream }) {
    ({ wsgi_errors } = ERROR_WRAPPER_INIT.bind(arguments));
    this.errors = wsgi_errors;
  }
  /** Write a string (anything else fails). */
  write(s: string | { s: string }): void {
    ({ s } = ERROR_WRAPPER_WRITE.bind(arguments));
    assertImpl(typeof s === "string");
    this.errors.write(s);
  }
  /** Flush the stream. */
  flush(): void {
    this.errors.flush();
  }
  /** Write every string. */
  writelines(seq: Iterable<string> | { seq: Iterable<string> }): void {
    ({ seq } = ERROR_WRAPPER_WRITELINES.bind(arguments));
    for (const line of seq) this.write(line);
  }
  /** Not allowed: raises AssertionError. */
  close(): never {
    throw new AssertionError("errors.close() must not be called");
  }
}

/** The checked `write()` callable: a function with the original in `.writer`. */
export type WriteWrapper = WriteCallable & {
  /** The checked callable. */
  writer: WriteCallable;
};

const WRITE_WRAPPER_INIT = new Signature<{ wsgi_writer: WriteCallable }>("WriteWrapper.__init__", [
  "self",
  "wsgi_writer",
]);

/**
 * Wrap a `write()` callable so it accepts bytes only.
 *
 * @param wsgi_writer the callable to check
 * @returns the checking callable
 */
export function WriteWrapper(wsgi_writer: WriteCallable | { wsgi_writer: WriteCallable }): WriteWrapper {
  ({ wsgi_writer } = WRITE_WRAPPER_INIT.bind(arguments));
  return writeWrapper(wsgi_writer);
}

function writeWrapper(wsgi_writer: WriteCallable): WriteWrapper {
  const fn = ((s: Uint8Array) => {
    assertImpl(s instanceof Uint8Array);
    return wsgi_writer(s);
  }) as WriteWrapper;
  fn.writer = wsgi_writer;
  return fn;
}

function iterOf(v: unknown): Iterator<unknown> | AsyncIterator<unknown> {
  if (v !== null && v !== undefined) {
    const o = v as Record<symbol, unknown>;
    if (typeof o[Symbol.asyncIterator] === "function") {
      return (o[Symbol.asyncIterator] as () => AsyncIterator<unknown>).call(v);
    }
    if (typeof o[Symbol.iterator] === "function") {
      return (o[Symbol.iterator] as () => Iterator<unknown>).call(v);
    }
  }
  throw new TypeError(`'${typeName(v)}' object is not iterable`);
}

/** The flag the validator shares between `start_response` and the body: has `start_response` been called? */
export interface Started {
  /** True once `start_response` was called. */
  called: boolean;
}

const ITERATOR_WRAPPER_INIT = new Signature<{ wsgi_iterator: unknown; check_start_response: Started | null }>(
  "IteratorWrapper.__init__",
  ["self", "wsgi_iterator", "check_start_response"],
  {},
  ["check_start_response"], // a plain object there is the shared flag
);

/**
 * The body as the validator hands it to the server: each chunk must be
 * bytes, iteration must not start before `start_response`, and not go on
 * after `close()`.
 */
export class IteratorWrapper implements AsyncIterable<Uint8Array> {
  /** The application's body. */
  original_iterator: unknown;
  /** Its iterator. */
  iterator: Iterator<unknown> | AsyncIterator<unknown>;
  /** True once `close()` was called. */
  closed: boolean = false;
  /** The start_response flag to check on the first chunk (`null` once checked). */
  check_start_response: Started | null;

  /**
   * Wrap the application's body.
   * @param wsgi_iterator the body
   * @param check_start_response the flag set by `start_response`, or `null`
   */
  constructor(
    wsgi_iterator: unknown,
    check_start_response?: Started | null | { check_start_response: Started | null },
  ) {
    ({ wsgi_iterator, check_start_response } = ITERATOR_WRAPPER_INIT.bind(arguments));
    this.original_iterator = wsgi_iterator;
    this.iterator = iterOf(wsgi_iterator);
    this.check_start_response = check_start_response;
  }

  /** The next chunk (`done` at the end), checked. */
  async next(): Promise<IteratorResult<Uint8Array>> {
    assertImpl(!this.closed, "Iterator read after closed");
    const r = await this.iterator.next();
    if (r.done) return { done: true, value: undefined };
    const v = r.value;
    if (!(v instanceof Uint8Array)) assertImpl(false, `Iterator yielded non-bytestring (${repr(v)})`);
    if (this.check_start_response !== null) {
      assertImpl(
        this.check_start_response.called,
        "The application returns and we started iterating over its body, but start_response has not yet been called",
      );
      this.check_start_response = null;
    }
    return { done: false, value: v };
  }

  /** Iterate the checked chunks. */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return { next: () => this.next() };
  }

  /** Close the application's body (its `close()`, or a generator's `return()`). */
  async close(): Promise<void> {
    this.closed = true;
    const o = this.original_iterator as { close?: () => unknown; return?: () => unknown; next?: unknown };
    if (o && typeof o.close === "function") await o.close();
    else if (o && typeof o.next === "function" && typeof o.return === "function") await o.return();
  }
}

const PARTIAL_ITERATOR_WRAPPER_INIT = new Signature<{ wsgi_iterator: unknown }>(
  "PartialIteratorWrapper.__init__",
  ["self", "wsgi_iterator"],
  {},
  ["wsgi_iterator"],
);

/** Python's `PartialIteratorWrapper`: iteration starts an unchecked {@link IteratorWrapper}. */
export class PartialIteratorWrapper implements AsyncIterable<Uint8Array> {
  /** The body. */
  iterator: unknown;
  /**
   * Wrap a body.
   * @param wsgi_iterator the body
   */
  constructor(wsgi_iterator: unknown) {
    ({ wsgi_iterator } = PARTIAL_ITERATOR_WRAPPER_INIT.bind(arguments));
    this.iterator = wsgi_iterator;
  }
  /** Iterate through a new {@link IteratorWrapper}. */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return new IteratorWrapper(this.iterator, null)[Symbol.asyncIterator]();
  }
}

const VALIDATOR = new Signature<{ application: WSGIApplication }>("validator", ["application"]);

/**
 * Wrap `application` with WSGI conformance checks. The wrapper raises
 * `AssertionError` (CPython's messages) on any misuse by the server or the
 * application; a server answers such errors with 500.
 *
 * @param application the application to check
 * @returns the checking application
 * @example
 * ```ts
 * import { validator } from "@pyweb/std/wsgi/validate";
 * import { setup_testing_defaults } from "@pyweb/std/wsgi/util";
 * import assert from "node:assert/strict";
 * const env: Record<string, unknown> = { QUERY_STRING: "" };
 * setup_testing_defaults(env);
 * const app = validator((_e, start_response) => {
 *   start_response("200 OK", [["Content-Type", "text/plain"]]);
 *   return "not bytes" as never;
 * });
 * assert.throws(() => app(env, () => () => {}), /You should not return a string/);
 * ```
 */
export function validator(application: WSGIApplication | { application: WSGIApplication }): WSGIApplication {
  ({ application } = VALIDATOR.bind(arguments));
  const app = application;
  return function lint_app(...args: unknown[]): WSGIBody | Promise<WSGIBody> {
    assertImpl(args.length === 2, "Two arguments required");
    const [environ, start_response] = args as [WSGIEnvironment, StartResponse];
    checkEnviron(environ);
    const started: Started = { called: false };
    const start_response_wrapper = function (...a: unknown[]): WriteCallable {
      assertImpl(a.length === 2 || a.length === 3, `Invalid number of arguments: ${repr(tuple(...a))}`);
      const [status, headers] = a as [string, HeaderPair[]];
      const exc_info = a.length === 3 ? a[2] : null;
      checkStatus(status);
      checkHeaders(headers);
      checkContentType(status, headers);
      checkExcInfo(exc_info);
      started.called = true;
      return writeWrapper((start_response as (...x: unknown[]) => WriteCallable)(...a));
    } as StartResponse;
    environ["wsgi.input"] = new InputWrapper(environ["wsgi.input"] as InputStream);
    environ["wsgi.errors"] = new ErrorWrapper(environ["wsgi.errors"] as ErrorStream);
    const finish = (iterator: unknown): WSGIBody => {
      assertImpl(
        iterator !== null && iterator !== undefined && iterator !== false && iterator !== 0,
        "The application must return an iterator, if only an empty list",
      );
      checkIterator(iterator);
      return new IteratorWrapper(iterator, started);
    };
    const result = app(environ, start_response_wrapper);
    if (result instanceof Promise) return result.then(finish);
    return finish(result);
  };
}
