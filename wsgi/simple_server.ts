/**
 * A WSGI server on `http.server` (PEP 3333), Python's
 * `wsgiref.simple_server`.
 *
 * ```python
 * from wsgiref.simple_server import make_server
 * def app(environ, start_response):
 *     start_response("200 OK", [("Content-Type", "text/plain")])
 *     return [b"Hello"]
 * make_server("", 8000, app).serve_forever()
 * ```
 *
 * ```ts ignore
 * import { make_server } from "@pyweb/std/wsgi/simple_server";
 * import { b } from "@pyweb/std";
 * import type { StartResponse, WSGIEnvironment } from "@pyweb/std/wsgi/types";
 * function app(_environ: WSGIEnvironment, start_response: StartResponse) {
 *   start_response("200 OK", [["Content-Type", "text/plain"]]);
 *   return [b`Hello`];
 * }
 * await make_server("", 8000, app).serve_forever();
 * ```
 *
 * Applications may be `async` and may return arrays, generators or async
 * generators of bytes. Each connection serves one request (HTTP/1.0, as in
 * CPython); connections are served concurrently. Running this file as a
 * program serves {@link demo_app} on port 8000 for one request, as
 * `python -m wsgiref.simple_server` does (without opening a browser).
 *
 * @module
 */

import { BaseHTTPRequestHandler, HTTPServer } from "../http/server.ts";
import { readRequestLine } from "../http/_server_util.ts";
import type { ServerAddress } from "../socketserver.ts";
import { repr } from "../_util/repr.ts";
import { unquote } from "../urllib/parse.ts";
import { SimpleHandler } from "./handlers.ts";
import { type Keywords, Signature } from "../_util/signature.ts";
import { classAttrs } from "../_util/classattrs.ts";
import { stderr } from "./_py.ts";
import type { ErrorStream, StartResponse, WSGIApplication, WSGIBody, WSGIEnvironment } from "./types.ts";

/** The version of this module, `"0.2"` as in CPython. */
export const __version__ = "0.2";
/** `"WSGIServer/0.2"`. */
export const server_version: string = "WSGIServer/" + __version__;
/** The runtime: `Deno/<version>` (CPython's `CPython/3.14.x`). */
export const sys_version: string = `Deno/${Deno.version.deno}`;
/** The `Server` header: `"WSGIServer/0.2 Deno/<version>"`. */
export const software_version: string = server_version + " " + sys_version;

/**
 * The handler `WSGIRequestHandler` runs applications with: a
 * {@link SimpleHandler} that logs the request when it is done.
 *
 * @example
 * ```ts
 * import { ServerHandler, software_version } from "@pyweb/std/wsgi/simple_server";
 * import { BytesIO } from "@pyweb/std/cgi";
 * import assert from "node:assert/strict";
 * const errors = { write() {}, flush() {}, writelines() {} };
 * const h = new ServerHandler(new BytesIO(), { write: (d: Uint8Array) => d.length }, errors, {});
 * assert.equal(h.server_software, software_version);
 * ```
 */
export class ServerHandler extends SimpleHandler {
  /** The `Server` header: {@link software_version}. */
  static override server_software: string | null = software_version;
  /** The request handler that created this one (for logging). */
  request_handler: WSGIRequestHandler | null = null;

  /** Log the request (`"GET / HTTP/1.1" 200 5`), then close as `SimpleHandler` does. */
  override async close(): Promise<void> {
    try {
      this.request_handler?.log_request(String(this.status).split(" ", 1)[0], this.bytes_sent);
    } finally {
      await super.close();
    }
  }
}

const WSGI_SERVER_SET_APP = new Signature<{ application: WSGIApplication | null }>("WSGIServer.set_app", [
  "self",
  "application",
]);

/**
 * An `HTTPServer` that runs a WSGI application: Python's `WSGIServer`.
 * `base_environ` holds the CGI variables every request shares.
 *
 * @example
 * ```ts
 * import { WSGIRequestHandler, WSGIServer } from "@pyweb/std/wsgi/simple_server";
 * import assert from "node:assert/strict";
 * await using server = new WSGIServer(["127.0.0.1", 0], WSGIRequestHandler);
 * assert.equal(server.base_environ.GATEWAY_INTERFACE, "CGI/1.1");
 * assert.equal(server.base_environ.SERVER_PORT, String(server.server_port));
 * assert.equal(server.get_app(), null);
 * ```
 */
export class WSGIServer extends HTTPServer {
  /** The application (`null` until `set_app`). */
  static application: WSGIApplication | null = null;
  /** The application (`null` until `set_app`). */
  declare application: WSGIApplication | null;
  /** The CGI variables shared by every request (set when binding). */
  declare base_environ: Record<string, string>;

  /**
   * Create the server: Python's `WSGIServer(server_address,
   * RequestHandlerClass, bind_and_activate=True)`.
   *
   * @param server_address `(host, port)`
   * @param RequestHandlerClass the request handler class
   * @param bind_and_activate bind and listen now (default true)
   */
  constructor(
    server_address: [string, number],
    RequestHandlerClass: typeof WSGIRequestHandler,
    bind_and_activate: boolean | { bind_and_activate?: boolean } = true,
  ) {
    super(server_address, RequestHandlerClass, bind_and_activate);
  }

  /** Bind, then build `base_environ`. */
  override server_bind(): void {
    super.server_bind();
    this.setup_environ();
  }

  /** Build `base_environ`: `SERVER_NAME`, `GATEWAY_INTERFACE`, `SERVER_PORT`, … */
  setup_environ(): void {
    this.base_environ = {
      SERVER_NAME: this.server_name,
      GATEWAY_INTERFACE: "CGI/1.1",
      SERVER_PORT: String(this.server_port),
      REMOTE_HOST: "",
      CONTENT_LENGTH: "",
      SCRIPT_NAME: "",
    };
  }

  /** The application. @returns it, or `null` */
  get_app(): WSGIApplication | null {
    return this.application;
  }

  /**
   * Set the application.
   *
   * @param application the WSGI application
   */
  set_app(application: WSGIApplication | null | { application: WSGIApplication | null }): void {
    ({ application } = WSGI_SERVER_SET_APP.bind(arguments));
    this.application = application;
  }
}
classAttrs(WSGIServer, ["application"]);

/**
 * The request handler of {@link WSGIServer}: parses one request with
 * `BaseHTTPRequestHandler`, builds the environ and runs the application
 * through a {@link ServerHandler}.
 *
 * @example
 * ```ts
 * import { WSGIRequestHandler } from "@pyweb/std/wsgi/simple_server";
 * import assert from "node:assert/strict";
 * assert.equal(WSGIRequestHandler.server_version, "WSGIServer/0.2");
 * ```
 */
export class WSGIRequestHandler extends BaseHTTPRequestHandler {
  /** The `Server` header's first word and `SERVER_SOFTWARE`: `"WSGIServer/0.2"`. */
  static override server_version: string = "WSGIServer/" + __version__;
  /** The server (a {@link WSGIServer}). */
  declare server: WSGIServer;

  /** The environ of this request: `base_environ`, the request line, `HTTP_*` headers. */
  get_environ(): WSGIEnvironment {
    const env: WSGIEnvironment = { ...this.server.base_environ };
    env["SERVER_PROTOCOL"] = this.request_version;
    env["SERVER_SOFTWARE"] = this.server_version;
    env["REQUEST_METHOD"] = this.command;
    const q = this.path.indexOf("?");
    const path = q >= 0 ? this.path.slice(0, q) : this.path;
    const query = q >= 0 ? this.path.slice(q + 1) : "";
    env["PATH_INFO"] = unquote(path, "iso-8859-1");
    env["QUERY_STRING"] = query;
    env["REMOTE_ADDR"] = String(this.client_address[0]);
    const ctype = this.headers.get("content-type");
    env["CONTENT_TYPE"] = ctype === null ? this.headers.get_content_type() : ctype;
    const length = this.headers.get("content-length");
    if (length) env["CONTENT_LENGTH"] = length;
    for (const [name, value] of this.headers.items()) {
      const k = name.replaceAll("-", "_").toUpperCase();
      const v = value.trim();
      if (k in env) continue;
      if ("HTTP_" + k in env) env["HTTP_" + k] += "," + v;
      else env["HTTP_" + k] = v;
    }
    return env;
  }

  /** `wsgi.errors`: the process's stderr. @returns the stream */
  get_stderr(): ErrorStream {
    return stderr;
  }

  /** Handle a single request (the connection closes after it). */
  override async handle(): Promise<void> {
    if (this.markIdle(true)) return;
    const length = await this[readRequestLine]();
    this.markIdle(false);
    if (length > 65536) {
      this.requestline = "";
      this.request_version = "";
      this.command = "";
      this.send_error(414);
      return;
    }
    if (!(await this.parse_request())) return;
    const handler = new ServerHandler(
      this.rfile,
      this.wfile,
      this.get_stderr(),
      this.get_environ(),
      { multithread: false },
    );
    handler.request_handler = this;
    await handler.run(this.server.get_app()!);
  }
}
classAttrs(WSGIRequestHandler, ["server_version"]);

const DEMO_APP = new Signature<{ environ: WSGIEnvironment; start_response: StartResponse }>(
  "demo_app",
  ["environ", "start_response"],
  {},
  ["environ"],
);

/**
 * The demo application: "Hello world!" and the sorted environ.
 *
 * @param environ the request environ
 * @param start_response the server's `start_response`
 * @returns the body
 * @example
 * ```ts
 * import { demo_app } from "@pyweb/std/wsgi/simple_server";
 * import { setup_testing_defaults } from "@pyweb/std/wsgi/util";
 * import assert from "node:assert/strict";
 * const env: Record<string, unknown> = {};
 * setup_testing_defaults(env);
 * let status = "";
 * const [body] = demo_app(env, (s) => { status = s; return () => {}; }) as Uint8Array[];
 * assert.equal(status, "200 OK");
 * assert.ok(new TextDecoder().decode(body).startsWith("Hello world!\n\n"));
 * ```
 */
export function demo_app(environ: WSGIEnvironment, start_response: StartResponse): WSGIBody;
/** `demo_app(environ, start_response=f)` with keywords. */
export function demo_app(environ: WSGIEnvironment, kwargs: { start_response: StartResponse }): WSGIBody;
/** `demo_app(environ=e, start_response=f)`: keywords marked by `kw()`. */
export function demo_app(
  kwargs: Keywords<{ environ: WSGIEnvironment; start_response: StartResponse }>,
): WSGIBody;
export function demo_app(...args: unknown[]): WSGIBody {
  const { environ, start_response } = DEMO_APP.bind(args);
  let out = "Hello world!\n\n";
  const keys = Object.keys(environ).sort();
  for (const k of keys) out += `${k} = ${repr(environ[k])}\n`;
  start_response("200 OK", [["Content-Type", "text/plain; charset=utf-8"]]);
  return [new TextEncoder().encode(out)];
}

const MAKE_SERVER = new Signature<{
  host: string;
  port: number;
  app: WSGIApplication;
  server_class: typeof WSGIServer;
  handler_class: typeof WSGIRequestHandler;
}>(
  "make_server",
  ["host", "port", "app", "server_class", "handler_class"],
  { server_class: WSGIServer, handler_class: WSGIRequestHandler },
);

/** Keyword arguments of {@link make_server}. */
export interface MakeServerOptions {
  /** The server class (default {@link WSGIServer}). */
  server_class?: typeof WSGIServer;
  /** The request handler class (default {@link WSGIRequestHandler}). */
  handler_class?: typeof WSGIRequestHandler;
}

/**
 * Create a WSGI server listening on `host` and `port` for `app`.
 *
 * @param host the address to bind (`""`: every interface)
 * @param port the port (0: a free one)
 * @param app the WSGI application
 * @param server_class the server class, or the keyword object
 * @param handler_class the request handler class
 * @returns the server, bound and listening
 * @example
 * ```ts
 * import { make_server } from "@pyweb/std/wsgi/simple_server";
 * import { b } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * await using server = make_server("127.0.0.1", 0, (_env, start_response) => {
 *   start_response("200 OK", [["Content-Type", "text/plain"]]);
 *   return [b`Hello`];
 * });
 * const serving = server.serve_forever(0.05);
 * const resp = await fetch(`http://127.0.0.1:${server.server_port}/`);
 * assert.equal(await resp.text(), "Hello");
 * await server.shutdown();
 * await serving;
 * ```
 */
export function make_server(
  host: string,
  port: number,
  app: WSGIApplication,
  server_class?: typeof WSGIServer,
  handler_class?: typeof WSGIRequestHandler,
): WSGIServer;
/** `make_server(host, port, app, server_class=…, handler_class=…)` with keywords. */
export function make_server(
  host: string,
  port: number,
  app: WSGIApplication,
  kwargs: MakeServerOptions,
): WSGIServer;
/** Every argument by keyword. */
export function make_server(
  kwargs: { host: string; port: number; app: WSGIApplication } & MakeServerOptions,
): WSGIServer;
export function make_server(...args: unknown[]): WSGIServer {
  const { host, port, app, server_class, handler_class } = MAKE_SERVER.bind(args);
  const server = new server_class([host, port], handler_class);
  server.set_app(app);
  return server;
}

/** The peer address type, re-exported for handler subclasses. */
export type { ServerAddress };

if (import.meta.main) {
  await using httpd = make_server("", 8000, demo_app);
  const sa = httpd.server_address;
  console.log("Serving HTTP on", sa[0], "port", sa[1], "...");
  await httpd.handle_request();
}
