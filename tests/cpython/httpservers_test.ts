// Port of CPython 3.14's Lib/test/test_httpservers.py (RustPython/RustPython's copy), line by line.
// The server thread (TestServerThread) becomes a server on localhost in this process: setUp starts
// `serve_forever(0.05)` as a task and tearDown awaits `shutdown()`, that task and `server_close()`.
// Each concrete TestCase registers its methods as unittest collects them.
import { b, Bytes, encode, repr, str } from "@pyweb/std";
import { HTTPStatus } from "@pyweb/std/http";
import { HTTPConnection, type HTTPResponse } from "@pyweb/std/http/client";
import * as server from "@pyweb/std/http/server";
import { BaseHTTPRequestHandler, HTTPServer } from "@pyweb/std/http/server";
import { assertEqual, assertIn, assertTrue } from "./_unittest.ts";

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

void str;
void assertStartsWith;
void assertNotStartsWith;
void assertEndsWith;
void DummyRequestHandler;
