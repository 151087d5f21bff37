// Port of CPython 3.14's Lib/test/test_httpservers.py (RustPython/RustPython's copy), line by line.
// The server thread (TestServerThread) becomes a server on localhost in this process: setUp starts
// `serve_forever(0.05)` as a task and tearDown awaits `shutdown()`, that task and `server_close()`.
// Each concrete TestCase registers its methods as unittest collects them.
import { b, Bytes, encode, repr, str } from "@pyweb/std";
import { HTTPStatus } from "@pyweb/std/http";
import { HTTPConnection, type HTTPResponse } from "@pyweb/std/http/client";
import * as server from "@pyweb/std/http/server";
import { BaseHTTPRequestHandler, HTTPServer } from "@pyweb/std/http/server";
import { escape as html_escape } from "@pyweb/std/html";
import { quote } from "@pyweb/std/urllib/parse";
import { sys } from "@pyweb/std/sys";
import { StringIO } from "@pyweb/std/io";
import { assertEqual, assertIn, assertIsNotNone, assertTrue, subTest } from "./_unittest.ts";

// deno-lint-ignore no-explicit-any
type AnyClass = abstract new (...args: any[]) => any;
// deno-lint-ignore no-explicit-any
type Ctor = new (...args: any[]) => any;

/** `class X(NoLogRequestHandler, Base)`: the mixin's `log_message` and `read` come first. */
function NoLogRequestHandler<T extends AnyClass>(Base: T) {
  abstract class NoLog extends Base {
    // don't write log messages to stderr
    log_message(..._args: unknown[]): void {}

    read(_n: number | null = null): string {
      return "";
    }
  }
  return NoLog;
}

const DummyRequestHandler = class DummyRequestHandler
  extends NoLogRequestHandler(server.SimpleHTTPRequestHandler) {};

/** `self.assertStartsWith` / `assertEndsWith` / `assertNotStartsWith` (3.14's unittest). */
function startsWith(s: string | Uint8Array, prefix: string | Uint8Array): boolean {
  if (typeof s === "string") return s.startsWith(prefix as string);
  const p = prefix as Uint8Array;
  return s.length >= p.length && p.every((x, i) => s[i] === x);
}
function assertStartsWith(s: string | Uint8Array, prefix: string | Uint8Array) {
  assertTrue(startsWith(s, prefix), `${repr(s)} doesn't start with ${repr(prefix)}`);
}
function assertNotStartsWith(s: string, prefix: string) {
  assertTrue(!s.startsWith(prefix), `${repr(s)} starts with ${repr(prefix)}`);
}
function assertEndsWith(s: string, suffix: string) {
  assertTrue(s.endsWith(suffix), `${repr(s)} doesn't end with ${repr(suffix)}`);
}

/** `os.environ = os_helper.EnvironmentVarGuard()` … `os.environ.__exit__()`. */
class EnvironmentVarGuard {
  #saved = Deno.env.toObject();
  exit() {
    const now = Deno.env.toObject();
    for (const k of Object.keys(now)) if (!(k in this.#saved)) Deno.env.delete(k);
    for (const [k, v] of Object.entries(this.#saved)) if (now[k] !== v) Deno.env.set(k, v);
  }
}

class BaseTestCase {
  // Optional tuple (certfile, keyfile, password) to use for HTTPS servers.
  static tls: [string, string | null, string | null] | null = null;
  static request_handler: Ctor;

  HOST = "";
  PORT = 0;
  server!: HTTPServer;
  #serving: Promise<void> | null = null;
  #environ: EnvironmentVarGuard | null = null;
  connection: HTTPConnection | null = null;
  connections: HTTPConnection[] = [];

  get cls() {
    return this.constructor as typeof BaseTestCase;
  }

  /** TestServerThread.run(), up to `server_started.set()`. */
  makeServer(): HTTPServer {
    return new HTTPServer(["localhost", 0], this.cls.request_handler);
  }

  async setUp() {
    this.#environ = new EnvironmentVarGuard();
    this.server = this.makeServer();
    const addr = this.server.socket!.addr as Deno.NetAddr;
    [this.HOST, this.PORT] = [addr.hostname, addr.port];
    this.#serving = this.server.serve_forever(0.05);
    await Promise.resolve();
  }

  async tearDown() {
    for (const c of this.connections) c.close();
    await this.server.shutdown();
    try {
      await this.#serving;
    } finally {
      await this.server.server_close();
    }
    this.#environ?.exit();
  }

  /** A client connection to the test server (closed by tearDown). */
  newConnection(): HTTPConnection {
    const c = new HTTPConnection(this.HOST, this.PORT);
    this.connections.push(c);
    return c;
  }

  async request(
    uri: string,
    method = "GET",
    body: string | Uint8Array | null = null,
    headers: unknown = {},
  ): Promise<HTTPResponse> {
    this.connection = this.newConnection();
    // deno-lint-ignore no-explicit-any
    await this.connection.request(method, uri, body, headers as any);
    return await this.connection.getresponse();
  }
}

/** Register each test method of a concrete TestCase, as unittest collects them. */
function register(
  name: string,
  cls: new () => { setUp(): unknown; tearDown(): unknown },
  methods: string[],
  ignored: Record<string, string> = {},
) {
  for (const m of methods) {
    if (ignored[m]) {
      Deno.test({ name: `${name}.${m} (ignored: ${ignored[m]})`, ignore: true, fn() {} });
      continue;
    }
    Deno.test({
      name: `${name}.${m}`,
      // CPython's tests leave responses unread and connections open; tearDown closes what it knows.
      sanitizeResources: false,
      sanitizeOps: false,
      async fn() {
        const t = new cls();
        await t.setUp();
        try {
          // deno-lint-ignore no-explicit-any
          await (t as any)[m]();
        } finally {
          await t.tearDown();
        }
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// TestSSLDisabled

Deno.test({
  name: "TestSSLDisabled.test_https_server_raises_runtime_error (ignored: hides the ssl module through " +
    "sys.modules (import_helper.isolated_modules); TLS is built into Deno and cannot be removed)",
  ignore: true,
  fn() {},
});

// ---------------------------------------------------------------------------------------------------------
// BaseHTTPServerTestCase

class BaseHTTPServerTestCase extends BaseTestCase {
  static override request_handler = class request_handler
    extends NoLogRequestHandler(BaseHTTPRequestHandler) {
    static override protocol_version = "HTTP/1.1";
    static override default_request_version = "HTTP/1.1";

    do_TEST() {
      this.send_response(HTTPStatus.NO_CONTENT);
      this.send_header("Content-Type", "text/html");
      this.send_header("Connection", "close");
      this.end_headers();
    }

    do_KEEP() {
      this.send_response(HTTPStatus.NO_CONTENT);
      this.send_header("Content-Type", "text/html");
      this.send_header("Connection", "keep-alive");
      this.end_headers();
    }

    do_KEYERROR() {
      this.send_error(999);
    }

    do_NOTFOUND() {
      this.send_error(HTTPStatus.NOT_FOUND);
    }

    do_EXPLAINERROR() {
      this.send_error(999, "Short Message", "This is a long \n explanation");
    }

    do_CUSTOM() {
      this.send_response(999);
      this.send_header("Content-Type", "text/html");
      this.send_header("Connection", "close");
      this.end_headers();
    }

    do_LATINONEHEADER() {
      this.send_response(999);
      this.send_header("X-Special", "Dängerous Mind");
      this.send_header("Connection", "close");
      this.end_headers();
      const body = encode(this.headers.get("x-special-incoming") as string, "utf-8");
      this.wfile.write(body);
    }

    do_SEND_ERROR() {
      this.send_error(parseInt(this.path.slice(1)));
    }

    do_HEAD() {
      this.send_error(parseInt(this.path.slice(1)));
    }
  };

  con!: HTTPConnection;

  override async setUp() {
    await super.setUp();
    this.con = this.newConnection();
    await this.con.connect();
  }

  async test_command() {
    await this.con.request("GET", "/");
    const res = await this.con.getresponse();
    assertEqual(res.status, HTTPStatus.NOT_IMPLEMENTED);
  }

  async test_request_line_trimming() {
    this.con._http_vsn_str = "HTTP/1.1\n";
    this.con.putrequest("XYZBOGUS", "/");
    await this.con.endheaders();
    const res = await this.con.getresponse();
    assertEqual(res.status, HTTPStatus.NOT_IMPLEMENTED);
  }

  async versionCase(vsn: string, method: string, status: number) {
    this.con._http_vsn_str = vsn;
    this.con.putrequest(method, "/");
    await this.con.endheaders();
    const res = await this.con.getresponse();
    assertEqual(res.status, status);
  }

  async test_version_bogus() {
    await this.versionCase("FUBAR", "GET", HTTPStatus.BAD_REQUEST);
  }

  async test_version_digits() {
    await this.versionCase("HTTP/9.9.9", "GET", HTTPStatus.BAD_REQUEST);
  }

  async test_version_signs_and_underscores() {
    await this.versionCase("HTTP/-9_9_9.+9_9_9", "GET", HTTPStatus.BAD_REQUEST);
  }

  async test_major_version_number_too_long() {
    await this.versionCase("HTTP/909876543210.0", "GET", HTTPStatus.BAD_REQUEST);
  }

  async test_minor_version_number_too_long() {
    await this.versionCase("HTTP/1.909876543210", "GET", HTTPStatus.BAD_REQUEST);
  }

  async test_version_none_get() {
    await this.versionCase("", "GET", HTTPStatus.NOT_IMPLEMENTED);
  }

  async test_version_none() {
    // Test that a valid method is rejected when not HTTP/1.x
    await this.versionCase("", "CUSTOM", HTTPStatus.BAD_REQUEST);
  }

  async test_version_invalid() {
    this.con._http_vsn = 99;
    await this.versionCase("HTTP/9.9", "GET", HTTPStatus.HTTP_VERSION_NOT_SUPPORTED);
  }

  async test_send_blank() {
    this.con._http_vsn_str = "";
    this.con.putrequest("", "");
    await this.con.endheaders();
    const res = await this.con.getresponse();
    assertEqual(res.status, HTTPStatus.BAD_REQUEST);
  }

  async test_header_close() {
    this.con.putrequest("GET", "/");
    this.con.putheader("Connection", "close");
    await this.con.endheaders();
    const res = await this.con.getresponse();
    assertEqual(res.status, HTTPStatus.NOT_IMPLEMENTED);
  }

  async test_header_keep_alive() {
    this.con._http_vsn_str = "HTTP/1.1";
    this.con.putrequest("GET", "/");
    this.con.putheader("Connection", "keep-alive");
    await this.con.endheaders();
    const res = await this.con.getresponse();
    assertEqual(res.status, HTTPStatus.NOT_IMPLEMENTED);
  }

  async test_handler() {
    await this.con.request("TEST", "/");
    const res = await this.con.getresponse();
    assertEqual(res.status, HTTPStatus.NO_CONTENT);
  }

  async test_return_header_keep_alive() {
    await this.con.request("KEEP", "/");
    const res = await this.con.getresponse();
    assertEqual(res.getheader("Connection"), "keep-alive");
    await this.con.request("TEST", "/");
    this.con.close(); // self.addCleanup(self.con.close)
  }

  async test_internal_key_error() {
    await this.con.request("KEYERROR", "/");
    const res = await this.con.getresponse();
    assertEqual(res.status, 999);
  }

  async test_return_custom_status() {
    await this.con.request("CUSTOM", "/");
    const res = await this.con.getresponse();
    assertEqual(res.status, 999);
  }

  async test_return_explain_error() {
    await this.con.request("EXPLAINERROR", "/");
    const res = await this.con.getresponse();
    assertEqual(res.status, 999);
    assertTrue(parseInt(res.getheader("Content-Length") as string));
  }

  async test_latin1_header() {
    await this.con.request("LATINONEHEADER", "/", null, {
      "X-Special-Incoming": "Ärger mit Unicode",
    });
    const res = await this.con.getresponse();
    assertEqual(res.getheader("X-Special"), "Dängerous Mind");
    assertEqual(await res.read(), encode("Ärger mit Unicode", "utf-8"));
  }

  async test_error_content_length() {
    // Issue #16088: standard error responses should have a content-length
    await this.con.request("NOTFOUND", "/");
    const res = await this.con.getresponse();
    assertEqual(res.status, HTTPStatus.NOT_FOUND);

    const data = await res.read();
    assertEqual(parseInt(res.getheader("Content-Length") as string), data.length);
  }

  async test_send_error() {
    const allow_transfer_encoding_codes = [HTTPStatus.NOT_MODIFIED, HTTPStatus.RESET_CONTENT];
    for (
      const code of [
        HTTPStatus.NO_CONTENT,
        HTTPStatus.NOT_MODIFIED,
        HTTPStatus.PROCESSING,
        HTTPStatus.RESET_CONTENT,
        HTTPStatus.SWITCHING_PROTOCOLS,
      ]
    ) {
      await this.con.request("SEND_ERROR", `/${code}`);
      const res = await this.con.getresponse();
      assertEqual(code, res.status);
      assertEqual(null, res.getheader("Content-Length"));
      assertEqual(null, res.getheader("Content-Type"));
      if (!allow_transfer_encoding_codes.includes(code)) {
        assertEqual(null, res.getheader("Transfer-Encoding"));
      }

      const data = await res.read();
      assertEqual(b``, data);
    }
  }

  async test_head_via_send_error() {
    const allow_transfer_encoding_codes = [HTTPStatus.NOT_MODIFIED, HTTPStatus.RESET_CONTENT];
    for (
      const code of [
        HTTPStatus.OK,
        HTTPStatus.NO_CONTENT,
        HTTPStatus.NOT_MODIFIED,
        HTTPStatus.RESET_CONTENT,
        HTTPStatus.SWITCHING_PROTOCOLS,
      ]
    ) {
      await this.con.request("HEAD", `/${code}`);
      const res = await this.con.getresponse();
      assertEqual(code, res.status);
      if (code == HTTPStatus.OK) {
        assertTrue(parseInt(res.getheader("Content-Length") as string) > 0);
        assertIn("text/html", res.getheader("Content-Type"));
      } else {
        assertEqual(null, res.getheader("Content-Length"));
        assertEqual(null, res.getheader("Content-Type"));
      }
      if (!allow_transfer_encoding_codes.includes(code)) {
        assertEqual(null, res.getheader("Transfer-Encoding"));
      }

      const data = await res.read();
      assertEqual(b``, data);
    }
  }
}

register("BaseHTTPServerTestCase", BaseHTTPServerTestCase, [
  "test_command",
  "test_request_line_trimming",
  "test_version_bogus",
  "test_version_digits",
  "test_version_signs_and_underscores",
  "test_major_version_number_too_long",
  "test_minor_version_number_too_long",
  "test_version_none_get",
  "test_version_none",
  "test_version_invalid",
  "test_send_blank",
  "test_header_close",
  "test_header_keep_alive",
  "test_handler",
  "test_return_header_keep_alive",
  "test_internal_key_error",
  "test_return_custom_status",
  "test_return_explain_error",
  "test_latin1_header",
  "test_error_content_length",
  "test_send_error",
  "test_head_via_send_error",
]);

// ---------------------------------------------------------------------------------------------------------
// HTTP09ServerTestCase

class HTTP09ServerTestCase extends BaseTestCase {
  static override request_handler = class request_handler
    extends NoLogRequestHandler(BaseHTTPRequestHandler) {
    // Request handler for HTTP/0.9 server.
    do_GET() {
      this.wfile.write(encode(`OK: here is ${this.path}\r\n`));
    }
  };

  sock!: Deno.Conn;

  override async setUp() {
    await super.setUp();
    this.sock = await Deno.connect({ hostname: this.HOST, port: this.PORT });
  }

  override async tearDown() {
    try {
      this.sock.close();
    } catch { /* closed */ }
    await super.tearDown();
  }

  async recv(n: number): Promise<Uint8Array> {
    const buf = new Uint8Array(n);
    const got = await this.sock.read(buf);
    return new Bytes(buf.subarray(0, got ?? 0));
  }

  async test_simple_get() {
    await this.sock.write(b`GET /index.html\r\n`);
    const res = await this.recv(1024);
    assertEqual(res, b`OK: here is /index.html\r\n`);
  }

  async test_invalid_request() {
    await this.sock.write(b`POST /index.html\r\n`);
    const res = await this.recv(1024);
    assertIn(b`Bad HTTP/0.9 request type ('POST')`, res);
  }

  async test_single_request() {
    await this.sock.write(b`GET /foo.html\r\n`);
    let res = await this.recv(1024);
    assertEqual(res, b`OK: here is /foo.html\r\n`);

    // Ignore errors if the connection is already closed, as this is the expected behavior of HTTP/0.9.
    try {
      await this.sock.write(b`GET /bar.html\r\n`);
      res = await this.recv(1024);
      // The server should not process our request.
      assertEqual(res, b``);
    } catch (e) {
      if (!(e instanceof Deno.errors.ConnectionReset || e instanceof Deno.errors.BrokenPipe)) throw e;
    }
  }
}

register("HTTP09ServerTestCase", HTTP09ServerTestCase, [
  "test_simple_get",
  "test_invalid_request",
  "test_single_request",
]);

// ---------------------------------------------------------------------------------------------------------
// RequestHandlerLoggingTestCase

/** `with support.captured_stderr() as err:` */
async function captured_stderr(fn: (err: StringIO) => Promise<void>): Promise<StringIO> {
  const saved = sys.stderr;
  const err = new StringIO();
  // deno-lint-ignore no-explicit-any
  sys.stderr = err as any;
  try {
    await fn(err);
  } finally {
    sys.stderr = saved;
  }
  return err;
}

class RequestHandlerLoggingTestCase extends BaseTestCase {
  static override request_handler = class request_handler extends BaseHTTPRequestHandler {
    static override protocol_version = "HTTP/1.1";
    static override default_request_version = "HTTP/1.1";

    do_GET() {
      this.send_response(HTTPStatus.OK);
      this.end_headers();
    }

    do_ERROR() {
      this.send_error(HTTPStatus.NOT_FOUND, "File not found");
    }
  };

  con!: HTTPConnection;

  async test_get() {
    this.con = this.newConnection();
    await this.con.connect();

    const err = await captured_stderr(async () => {
      await this.con.request("GET", "/");
      await this.con.getresponse();
    });

    assertEndsWith(err.getvalue(), '"GET / HTTP/1.1" 200 -\n');
  }

  async test_err() {
    this.con = this.newConnection();
    await this.con.connect();

    const err = await captured_stderr(async () => {
      await this.con.request("ERROR", "/");
      await this.con.getresponse();
    });

    const lines = err.getvalue().split("\n");
    assertEndsWith(lines[0], "code 404, message File not found");
    assertEndsWith(lines[1], '"ERROR / HTTP/1.1" 404 -');
  }
}

register("RequestHandlerLoggingTestCase", RequestHandlerLoggingTestCase, ["test_get", "test_err"]);

// ---------------------------------------------------------------------------------------------------------
// SimpleHTTPServerTestCase

/** Python's `ascii(s)`: `repr(s)` with non-ASCII characters escaped. */
function ascii(s: string): string {
  return repr(s).replace(/[\u0080-\u{10ffff}]/gu, (c) => {
    const cp = c.codePointAt(0)!;
    if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, "0")}`;
    if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, "0")}`;
    return `\\U${cp.toString(16).padStart(8, "0")}`;
  });
}

/** `os.path.join`. */
function join(...parts: string[]): string {
  let out = "";
  for (const p of parts) out = p.startsWith("/") || !out ? p : out.endsWith("/") ? out + p : `${out}/${p}`;
  return out;
}

/** `email.utils.formatdate(t, usegmt=True)` / `format_datetime(dt, usegmt=True)`. */
function formatdate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** `os_helper.TESTFN_NONASCII` on a UTF-8 file system. */
const TESTFN_NONASCII = `@test_${Deno.pid}_tmp\xe6`;

class SimpleHTTPServerTestCase extends BaseTestCase {
  static override request_handler = class request_handler
    extends NoLogRequestHandler(server.SimpleHTTPRequestHandler) {};

  cwd = "";
  data = b`We are the knights who say Ni!`;
  tempdir = "";
  tempdir_name = "";
  base_url = "";
  last_modif_datetime = 0; // ms since the epoch, microseconds dropped
  last_modif_header = "";

  override async setUp() {
    await super.setUp();
    this.cwd = Deno.cwd();
    const basetempdir = Deno.env.get("TMPDIR") || "/tmp";
    Deno.chdir(basetempdir);
    this.data = b`We are the knights who say Ni!`;
    this.tempdir = Deno.makeTempDirSync({ dir: basetempdir });
    this.tempdir_name = this.tempdir.split("/").pop()!;
    this.base_url = "/" + this.tempdir_name;
    const tempname = join(this.tempdir, "test");
    Deno.writeFileSync(tempname, this.data);
    const mtime = Deno.statSync(tempname).mtime!.getTime();
    // compute last modification datetime for browser cache tests
    this.last_modif_datetime = Math.floor(mtime / 1000) * 1000;
    this.last_modif_header = formatdate(mtime);
  }

  override async tearDown() {
    try {
      Deno.chdir(this.cwd);
      try {
        Deno.removeSync(this.tempdir, { recursive: true });
      } catch { /* pass */ }
    } finally {
      await super.tearDown();
    }
  }

  async check_status_and_reason(response: HTTPResponse, status: number, data: Uint8Array | null = null) {
    let reader: { read(n: number): Promise<Uint8Array> | Uint8Array; close(): unknown } | null = null;
    // Don't close reader yet so we can check if there was leftover buffered input
    const close_conn = () => {
      // deno-lint-ignore no-explicit-any
      reader = response.fp as any;
      response.fp = null;
    };
    response._close_conn = close_conn;

    const body = await response.read();
    assertTrue(response);
    assertEqual(response.status, status);
    assertIsNotNone(response.reason);
    if (data && data.length) {
      assertEqual(data, body);
    }
    // Ensure the server has not set up a persistent connection, and has not sent any extra data
    assertEqual(response.version, 10);
    assertEqual(response.msg!.get("Connection", "close"), "close");
    const r = reader as unknown as { read(n: number): Promise<Uint8Array> | Uint8Array; close(): unknown };
    assertEqual(await r.read(30), b``, "Connection should be closed");

    r.close();
    return body;
  }

  async check_list_dir_dirname(dirname: string, quotedname: string | null = null) {
    Deno.mkdirSync(join(this.tempdir, dirname));

    if (quotedname === null) {
      quotedname = quote(dirname, { errors: "surrogatepass" });
    }
    const response = await this.request(this.base_url + "/" + quotedname + "/");
    const body = await this.check_status_and_reason(response, HTTPStatus.OK);
    const displaypath = html_escape(`${this.base_url}/${dirname}/`, { quote: false });
    const enc = "utf-8"; // sys.getfilesystemencoding()
    const prefix = encode(`listing for ${displaypath}</`, enc, "surrogateescape");
    assertIn(prefix.concat(b`title>`), body);
    assertIn(prefix.concat(b`h1>`), body);
  }

  async check_list_dir_filename(filename: string) {
    const fullpath = join(this.tempdir, filename);
    const content = encode(ascii(fullpath)).concat(b`\xff`);
    Deno.writeFileSync(fullpath, content);

    let response = await this.request(this.base_url + "/");
    const body = await this.check_status_and_reason(response, HTTPStatus.OK);
    const quotedname = quote(filename, { errors: "surrogatepass" });
    const enc = response.headers!.get_content_charset();
    assertIsNotNone(enc);
    assertIn(encode(`href="${quotedname}"`, "ascii"), body);
    const displayname = html_escape(filename, { quote: false });
    assertIn(encode(`>${displayname}<`, enc as string, "surrogateescape"), body);

    response = await this.request(this.base_url + "/" + quotedname);
    await this.check_status_and_reason(response, HTTPStatus.OK, content);
  }

  async test_list_dir_nonascii_dirname() {
    const dirname = TESTFN_NONASCII + ".dir";
    await this.check_list_dir_dirname(dirname);
  }

  async test_list_dir_nonascii_filename() {
    const filename = TESTFN_NONASCII + ".txt";
    await this.check_list_dir_filename(filename);
  }

  async test_list_dir_undecodable_dirname2() {
    const dirname = "\ufffd.dir";
    await this.check_list_dir_dirname(dirname, "%ff.dir");
  }

  async test_list_dir_escape_dirname() {
    // Characters that need special treating in URL or HTML.
    for (const name of ["q?", "f#", "&amp;", "&amp", "<i>", '"dq"', "'sq'", "%A4", "%E2%82%AC"]) {
      await subTestAsync({ name }, async () => {
        const dirname = name + ".dir";
        await this.check_list_dir_dirname(dirname, quote(dirname, { safe: "&<>'\"" }));
      });
    }
  }

  async test_list_dir_escape_filename() {
    // Characters that need special treating in URL or HTML.
    for (const name of ["q?", "f#", "&amp;", "&amp", "<i>", '"dq"', "'sq'", "%A4", "%E2%82%AC"]) {
      await subTestAsync({ name }, async () => {
        const filename = name + ".txt";
        await this.check_list_dir_filename(filename);
        try {
          Deno.removeSync(join(this.tempdir, filename));
        } catch { /* os_helper.unlink */ }
      });
    }
  }

  async test_list_dir_with_query_and_fragment() {
    const prefix = encode(`listing for ${this.base_url}/</`, "latin1");
    let response = await (await this.request(this.base_url + "/#123")).read();
    assertIn(prefix.concat(b`title>`), response);
    assertIn(prefix.concat(b`h1>`), response);
    response = await (await this.request(this.base_url + "/?x=123")).read();
    assertIn(prefix.concat(b`title>`), response);
    assertIn(prefix.concat(b`h1>`), response);
  }

  async test_get_dir_redirect_location_domain_injection_bug() {
    // Ensure //evil.co/..%2f../../X does not put //evil.co/ in Location.
    // //netloc/ in a Location header is a redirect to a new host. https://github.com/python/cpython/issues/87389
    // This checks that a path resolving to a directory on our server cannot resolve into a redirect to
    // another server.
    Deno.mkdirSync(join(this.tempdir, "existing_directory"));
    const url = `/python.org/..%2f..%2f..%2f..%2f..%2f../%0a%0d/../${this.tempdir_name}/existing_directory`;
    const expected_location = `${url}/`; // /python.org.../ single slash single prefix, trailing slash
    // Canonicalizes to /tmp/tempdir_name/existing_directory which does exist and is a dir, triggering the
    // 301 redirect logic.
    let response = await this.request(url);
    await this.check_status_and_reason(response, HTTPStatus.MOVED_PERMANENTLY);
    let location = response.getheader("Location") as string;
    assertEqual(location, expected_location, "non-attack failed!");

    // //python.org... multi-slash prefix, no trailing slash
    const attack_url = `/${url}`;
    response = await this.request(attack_url);
    await this.check_status_and_reason(response, HTTPStatus.MOVED_PERMANENTLY);
    location = response.getheader("Location") as string;
    assertNotStartsWith(location, "//");
    assertEqual(
      location,
      expected_location,
      "Expected Location header to start with a single / and end with a / as this is a directory redirect.",
    );

    // ///python.org... triple-slash prefix, no trailing slash
    const attack3_url = `//${url}`;
    response = await this.request(attack3_url);
    await this.check_status_and_reason(response, HTTPStatus.MOVED_PERMANENTLY);
    assertEqual(response.getheader("Location"), expected_location);

    // If the second word in the http request (Request-URI for the http method) is a full URI, we don't
    // worry about it, as that'll be parsed and reassembled as a full URI within
    // BaseHTTPRequestHandler.send_head so no errant scheme-less //netloc//evil.co/ domain mixup can happen.
    const attack_scheme_netloc_2slash_url = `https://pypi.org/${url}`;
    const _expected_scheme_netloc_location = `${attack_scheme_netloc_2slash_url}/`;
    response = await this.request(attack_scheme_netloc_2slash_url);
    await this.check_status_and_reason(response, HTTPStatus.MOVED_PERMANENTLY);
    location = response.getheader("Location") as string;
    // We're just ensuring that the scheme and domain make it through, if there are or aren't multiple
    // slashes at the start of the path that follows that isn't important in this Location: header.
    assertStartsWith(location, "https://pypi.org/");
  }

  async test_get() {
    // constructs the path relative to the root directory of the HTTPServer
    let response = await this.request(this.base_url + "/test");
    await this.check_status_and_reason(response, HTTPStatus.OK, this.data);
    // check for trailing "/" which should return 404. See Issue17324
    response = await this.request(this.base_url + "/test/");
    await this.check_status_and_reason(response, HTTPStatus.NOT_FOUND);
    response = await this.request(this.base_url + "/test%2f");
    await this.check_status_and_reason(response, HTTPStatus.NOT_FOUND);
    response = await this.request(this.base_url + "/test%2F");
    await this.check_status_and_reason(response, HTTPStatus.NOT_FOUND);
    response = await this.request(this.base_url + "/");
    await this.check_status_and_reason(response, HTTPStatus.OK);
    response = await this.request(this.base_url + "%2f");
    await this.check_status_and_reason(response, HTTPStatus.OK);
    response = await this.request(this.base_url + "%2F");
    await this.check_status_and_reason(response, HTTPStatus.OK);
    response = await this.request(this.base_url);
    await this.check_status_and_reason(response, HTTPStatus.MOVED_PERMANENTLY);
    assertEqual(response.getheader("Location"), this.base_url + "/");
    assertEqual(response.getheader("Content-Length"), "0");
    response = await this.request(this.base_url + "/?hi=2");
    await this.check_status_and_reason(response, HTTPStatus.OK);
    response = await this.request(this.base_url + "?hi=1");
    await this.check_status_and_reason(response, HTTPStatus.MOVED_PERMANENTLY);
    assertEqual(response.getheader("Location"), this.base_url + "/?hi=1");
    response = await this.request("/ThisDoesNotExist");
    await this.check_status_and_reason(response, HTTPStatus.NOT_FOUND);
    response = await this.request("/" + "ThisDoesNotExist" + "/");
    await this.check_status_and_reason(response, HTTPStatus.NOT_FOUND);
    Deno.mkdirSync(join(this.tempdir, "spam", "index.html"), { recursive: true });
    response = await this.request(this.base_url + "/spam/");
    await this.check_status_and_reason(response, HTTPStatus.OK);

    const data = b`Dummy index file\r\n`;
    Deno.writeFileSync(join(this.tempdir_name, "index.html"), data);
    response = await this.request(this.base_url + "/");
    await this.check_status_and_reason(response, HTTPStatus.OK, data);

    // chmod() doesn't work as expected on Windows, and filesystem permissions are ignored by root on Unix.
    if (Deno.build.os !== "windows" && Deno.uid() !== 0) {
      Deno.chmodSync(this.tempdir, 0);
      try {
        response = await this.request(this.base_url + "/");
        await this.check_status_and_reason(response, HTTPStatus.NOT_FOUND);
      } finally {
        Deno.chmodSync(this.tempdir, 0o755);
      }
    }
  }

  async test_head() {
    const response = await this.request(this.base_url + "/test", "HEAD");
    await this.check_status_and_reason(response, HTTPStatus.OK);
    assertEqual(response.getheader("content-length"), str(this.data.length));
    assertEqual(response.getheader("content-type"), "application/octet-stream");
  }

  async test_browser_cache() {
    // Check that when a request to /test is sent with the request header If-Modified-Since set to date of
    // last modification, the server returns status code 304, not 200
    let headers: Record<string, string> = {};
    headers["If-Modified-Since"] = this.last_modif_header;
    let response = await this.request(this.base_url + "/test", "GET", null, headers);
    await this.check_status_and_reason(response, HTTPStatus.NOT_MODIFIED);

    // one hour after last modification : must return 304
    const new_dt = this.last_modif_datetime + 3600 * 1000;
    headers = {};
    headers["If-Modified-Since"] = formatdate(new_dt);
    response = await this.request(this.base_url + "/test", "GET", null, headers);
    await this.check_status_and_reason(response, HTTPStatus.NOT_MODIFIED);
  }

  async test_browser_cache_file_changed() {
    // with If-Modified-Since earlier than Last-Modified, must return 200
    const dt = this.last_modif_datetime;
    // build datetime object : 365 days before last modification
    const old_dt = dt - 365 * 24 * 3600 * 1000;
    const headers: Record<string, string> = {};
    headers["If-Modified-Since"] = formatdate(old_dt);
    const response = await this.request(this.base_url + "/test", "GET", null, headers);
    await this.check_status_and_reason(response, HTTPStatus.OK);
  }

  async test_browser_cache_with_If_None_Match_header() {
    // if If-None-Match header is present, ignore If-Modified-Since
    const headers: Record<string, string> = {};
    headers["If-Modified-Since"] = this.last_modif_header;
    headers["If-None-Match"] = "*";
    const response = await this.request(this.base_url + "/test", "GET", null, headers);
    await this.check_status_and_reason(response, HTTPStatus.OK);
  }

  async test_invalid_requests() {
    let response = await this.request("/", "FOO");
    await this.check_status_and_reason(response, HTTPStatus.NOT_IMPLEMENTED);
    // requests must be case sensitive,so this should fail too
    response = await this.request("/", "custom");
    await this.check_status_and_reason(response, HTTPStatus.NOT_IMPLEMENTED);
    response = await this.request("/", "GETs");
    await this.check_status_and_reason(response, HTTPStatus.NOT_IMPLEMENTED);
  }

  async test_last_modified() {
    // Checks that the datetime returned in Last-Modified response header is the actual datetime of last
    // modification, rounded to the second
    const response = await this.request(this.base_url + "/test");
    await this.check_status_and_reason(response, HTTPStatus.OK, this.data);
    const last_modif_header = response.headers!.get("Last-modified");
    assertEqual(last_modif_header, this.last_modif_header);
  }

  async test_path_without_leading_slash() {
    let response = await this.request(this.tempdir_name + "/test");
    await this.check_status_and_reason(response, HTTPStatus.OK, this.data);
    response = await this.request(this.tempdir_name + "/test/");
    await this.check_status_and_reason(response, HTTPStatus.NOT_FOUND);
    response = await this.request(this.tempdir_name + "/");
    await this.check_status_and_reason(response, HTTPStatus.OK);
    response = await this.request(this.tempdir_name);
    await this.check_status_and_reason(response, HTTPStatus.MOVED_PERMANENTLY);
    assertEqual(response.getheader("Location"), this.tempdir_name + "/");
    response = await this.request(this.tempdir_name + "/?hi=2");
    await this.check_status_and_reason(response, HTTPStatus.OK);
    response = await this.request(this.tempdir_name + "?hi=1");
    await this.check_status_and_reason(response, HTTPStatus.MOVED_PERMANENTLY);
    assertEqual(response.getheader("Location"), this.tempdir_name + "/?hi=1");
  }
}

/** `with self.subTest(**params):` around awaited work. */
async function subTestAsync(params: Record<string, unknown>, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    subTest(params, () => {
      throw e;
    });
  }
}

const UNDECODABLE = "file names that are not valid UTF-8 (os_helper.TESTFN_UNDECODABLE): Deno's file APIs " +
  "take Unicode paths only (docs/divergences.md, File names)";
const UNENCODABLE = "file names with lone surrogates (os_helper.TESTFN_UNENCODABLE): Deno's file APIs " +
  "take Unicode paths only (docs/divergences.md, File names)";

register("SimpleHTTPServerTestCase", SimpleHTTPServerTestCase, [
  "test_list_dir_nonascii_dirname",
  "test_list_dir_nonascii_filename",
  "test_list_dir_undecodable_dirname",
  "test_list_dir_undecodable_filename",
  "test_list_dir_undecodable_dirname2",
  "test_list_dir_unencodable_dirname",
  "test_list_dir_unencodable_filename",
  "test_list_dir_escape_dirname",
  "test_list_dir_escape_filename",
  "test_list_dir_with_query_and_fragment",
  "test_get_dir_redirect_location_domain_injection_bug",
  "test_get",
  "test_head",
  "test_browser_cache",
  "test_browser_cache_file_changed",
  "test_browser_cache_with_If_None_Match_header",
  "test_invalid_requests",
  "test_last_modified",
  "test_path_without_leading_slash",
], {
  test_list_dir_undecodable_dirname: UNDECODABLE,
  test_list_dir_undecodable_filename: UNDECODABLE,
  test_list_dir_unencodable_dirname: UNENCODABLE,
  test_list_dir_unencodable_filename: UNENCODABLE,
});
void DummyRequestHandler; // used by BaseHTTPSServerTestCase
