// Port of CPython 3.14's Lib/test/test_urllib2_localnet.py (RustPython/RustPython cc1e55e), line by line.
// The loopback servers run in this process on 127.0.0.1 (CPython: a thread each), always shut down; add `await`
// where Python blocks. A RequestHandlerClass may be a factory function (`new` on it returns the handler it
// builds), as CPython passes functions.
// deno-lint-ignore-file no-explicit-any
import { certdata_file } from "./_certdata.ts";
import { createHash } from "node:crypto";
import { b, bytes, encode, kw, len } from "@pyweb/std";
import * as urllib_request from "@pyweb/std/urllib/request";
import * as urllib_error from "@pyweb/std/urllib/error";
import * as urllib_parse from "@pyweb/std/urllib/parse";
import * as http_server from "@pyweb/std/http/server";
import * as http_client from "@pyweb/std/http/client";
import {
  assertEqual,
  assertIn,
  assertIsInstance,
  assertNotIn,
  assertRaisesAsync,
  assertTrue,
  TestFailure,
  withEnviron,
} from "./_unittest.ts";

/** `hashlib.md5(data).hexdigest()`. */
function md5hex(data: Uint8Array): string {
  return createHash("md5").update(data).digest("hex");
}

/** `self.assertHasAttr(obj, name)`. */
function assertHasAttr(obj: any, name: string): void {
  if (!(name in obj)) throw new TestFailure(`object has no attribute '${name}'`);
}

// Self-signed cert file for 'localhost'
const CERT_localhost = certdata_file("keycert.pem");

// Loopback http server infrastructure

/** HTTP server w/ a few modifications that make it useful for loopback testing purposes. */
class LoopbackHttpServer extends http_server.HTTPServer {
  constructor(server_address: [string, number], RequestHandlerClass: any) {
    super(server_address, RequestHandlerClass);

    // Set the timeout of our listening socket really low so that we can stop the server easily.
    // (A Deno listener has no timeout: handle_request() waits at most `timeout` seconds, the same effect.)
    this.timeout = 0.1;
  }
  // get_request(): CPython sets a 10 s timeout on each accepted socket; a Deno connection has none to set.
}

/** Stoppable "thread" that runs a loopback http server. */
class LoopbackHttpServerThread {
  _stop_server = false;
  httpd: LoopbackHttpServer;
  port: number;
  #running: Promise<void> | null = null;

  constructor(request_handler: any) {
    this._stop_server = false;
    request_handler.protocol_version = "HTTP/1.0";
    this.httpd = new LoopbackHttpServer(["127.0.0.1", 0], request_handler);
    this.port = this.httpd.server_port;
  }

  start(): void {
    this.#running = this.run();
  }

  /** Stops the webserver if it's currently running. */
  async stop(): Promise<void> {
    this._stop_server = true;

    await this.#running; // self.join()
    await this.httpd.server_close();
  }

  async run(): Promise<void> {
    while (!this._stop_server) await this.httpd.handle_request();
  }
}

// Authentication infrastructure

/** Handler for performing digest authentication. */
class DigestAuthHandler {
  _request_num = 0;
  _nonces: string[] = [];
  _users: Record<string, string> = {};
  _realm_name = "Test Realm";
  _qop = "auth";

  set_qop(qop: string): void {
    this._qop = qop;
  }

  set_users(users: Record<string, string>): void {
    if (typeof users !== "object") throw new TestFailure("assert isinstance(users, dict)");
    this._users = users;
  }

  set_realm(realm: string): void {
    this._realm_name = realm;
  }

  _generate_nonce(): string {
    this._request_num += 1;
    const nonce = md5hex(encode(String(this._request_num), "ascii"));
    this._nonces.push(nonce);
    return nonce;
  }

  _create_auth_dict(auth_str: string): Record<string, string> {
    const first_space_index = auth_str.indexOf(" ");
    auth_str = auth_str.slice(first_space_index + 1);

    const parts = auth_str.split(",");

    const auth_dict: Record<string, string> = {};
    for (const part of parts) {
      const pair = part.split("=");
      if (pair.length !== 2) throw new TestFailure(`ValueError: cannot unpack ${JSON.stringify(part)}`);
      let [name, value] = pair;
      name = name.trim();
      if (value[0] === '"' && value[value.length - 1] === '"') value = value.slice(1, -1);
      else value = value.trim();
      auth_dict[name] = value;
    }
    return auth_dict;
  }

  _validate_auth(auth_dict: Record<string, string>, password: string, method: string, uri: string): boolean {
    const final_dict: Record<string, string> = {};
    Object.assign(final_dict, auth_dict);
    final_dict["password"] = password;
    final_dict["method"] = method;
    final_dict["uri"] = uri;
    const HA1_str = `${final_dict.username}:${final_dict.realm}:${final_dict.password}`;
    const HA1 = md5hex(encode(HA1_str, "ascii"));
    const HA2_str = `${final_dict.method}:${final_dict.uri}`;
    const HA2 = md5hex(encode(HA2_str, "ascii"));
    final_dict["HA1"] = HA1;
    final_dict["HA2"] = HA2;
    const response_str = `${final_dict.HA1}:${final_dict.nonce}:${final_dict.nc}:` +
      `${final_dict.cnonce}:${final_dict.qop}:${final_dict.HA2}`;
    const response = md5hex(encode(response_str, "ascii"));

    return response === auth_dict["response"];
  }

  _return_auth_challenge(request_handler: any): boolean {
    request_handler.send_response(407, "Proxy Authentication Required");
    request_handler.send_header("Content-Type", "text/html");
    request_handler.send_header(
      "Proxy-Authenticate",
      `Digest realm="${this._realm_name}", ` +
        `qop="${this._qop}",` +
        `nonce="${this._generate_nonce()}", `,
    );
    // XXX: Not sure if we're supposed to add this next header or not.
    // request_handler.send_header('Connection', 'close')
    request_handler.end_headers();
    request_handler.wfile.write(b`Proxy Authentication Required.`);
    return false;
  }

  /**
   * Performs digest authentication on the given HTTP request handler.  Returns True if authentication was
   * successful, False otherwise.
   *
   * If no users have been set, then digest auth is effectively disabled and this method will always return
   * True.
   */
  handle_request(request_handler: any): boolean {
    if (Object.keys(this._users).length === 0) return true;

    if (!request_handler.headers.has("Proxy-Authorization")) {
      return this._return_auth_challenge(request_handler);
    } else {
      const auth_dict = this._create_auth_dict(request_handler.headers.get("Proxy-Authorization"));
      let password: string;
      if (Object.hasOwn(this._users, auth_dict["username"])) {
        password = this._users[auth_dict["username"]];
      } else {
        return this._return_auth_challenge(request_handler);
      }
      if (!this._nonces.includes(auth_dict["nonce"])) {
        return this._return_auth_challenge(request_handler);
      } else {
        this._nonces.splice(this._nonces.indexOf(auth_dict["nonce"]), 1);
      }

      let auth_validated = false;

      // MSIE uses short_path in its validation, but Python's urllib.request uses the full path, so we're
      // going to see if either of them works here.

      for (const path of [request_handler.path, request_handler.short_path]) {
        if (this._validate_auth(auth_dict, password, request_handler.command, path)) auth_validated = true;
      }

      if (!auth_validated) return this._return_auth_challenge(request_handler);
      return true;
    }
  }
}

/** Handler for performing basic authentication. */
class BasicAuthHandler extends http_server.BaseHTTPRequestHandler {
  // Server side values
  static USER = "testUser";
  static PASSWD = "testPass";
  static REALM = "Test";
  static USER_PASSWD = `${BasicAuthHandler.USER}:${BasicAuthHandler.PASSWD}`;
  static ENCODED_AUTH = btoa(BasicAuthHandler.USER_PASSWD);

  constructor(...args: any[]) {
    super(...args);
  }

  override log_message(_format: string, ..._args: unknown[]): void {
    // Suppress console log message
  }

  do_HEAD(): void {
    this.send_response(200);
    this.send_header("Content-type", "text/html");
    this.end_headers();
  }

  do_AUTHHEAD(): void {
    this.send_response(401);
    this.send_header("WWW-Authenticate", `Basic realm="${BasicAuthHandler.REALM}"`);
    this.send_header("Content-type", "text/html");
    this.end_headers();
  }

  do_GET(): void {
    if (!this.headers.get("Authorization", "")) {
      this.do_AUTHHEAD();
      this.wfile.write(b`No Auth header received`);
    } else if (this.headers.get("Authorization", "") === "Basic " + BasicAuthHandler.ENCODED_AUTH) {
      this.send_response(200);
      this.end_headers();
      this.wfile.write(b`It works`);
    } else {
      // Request Unauthorized
      this.do_AUTHHEAD();
    }
  }
}

// Proxy test infrastructure

/**
 * This is a 'fake proxy' that makes it look like the entire internet has gone down due to a sudden zombie
 * invasion.  It main utility is in providing us with authentication support for testing.
 */
class FakeProxyHandler extends http_server.BaseHTTPRequestHandler {
  digest_auth_handler: DigestAuthHandler;
  declare short_path: string;
  constructor(digest_auth_handler: DigestAuthHandler, ...args: any[]) {
    // CPython sets this before calling the parent's __init__(), which handles the request; ours handles it
    // on the next microtask, after this constructor.
    super(...args);
    this.digest_auth_handler = digest_auth_handler;
  }

  override log_message(_format: string, ..._args: unknown[]): void {
    // Uncomment the next line for debugging.
    // sys.stderr.write(format % args)
  }

  do_GET(): void {
    const [_scm, _netloc, path, _params, _query, _fragment] = urllib_parse.urlparse(this.path, "http");
    this.short_path = path as string;
    if (this.digest_auth_handler.handle_request(this)) {
      this.send_response(200, "OK");
      this.send_header("Content-Type", "text/html");
      this.end_headers();
      this.wfile.write(bytes(`You've reached ${this.path}!<BR>`, "ascii"));
      this.wfile.write(b`Our apologies, but our server is down due to a sudden zombie invasion.`);
    }
  }
}

// Test cases

const BasicAuthTests = {
  USER: "testUser",
  PASSWD: "testPass",
  INCORRECT_PASSWD: "Incorrect",
  REALM: "Test",
};

function basicAuthTest(name: string, fn: (self: { server_url: string }) => Promise<void>): void {
  Deno.test(`BasicAuthTests.${name}`, async () => {
    // With Basic Authentication
    function http_server_with_basic_auth_handler(...args: any[]) {
      return new BasicAuthHandler(...args);
    }
    const server = new LoopbackHttpServerThread(http_server_with_basic_auth_handler);
    try {
      const server_url = `http://127.0.0.1:${server.port}`;
      server.start();
      await fn({ server_url });
    } finally {
      await server.stop();
      // (install_opener's global opener is left as CPython leaves it)
    }
  });
}

basicAuthTest("test_basic_auth_success", async (self) => {
  const ah = new urllib_request.HTTPBasicAuthHandler();
  ah.add_password(BasicAuthTests.REALM, self.server_url, BasicAuthTests.USER, BasicAuthTests.PASSWD);
  urllib_request.install_opener(urllib_request.build_opener(ah));
  try {
    const f = await urllib_request.urlopen(self.server_url);
    assertTrue(f);
    await f.close();
  } catch (e) {
    if (e instanceof urllib_error.HTTPError) {
      throw new TestFailure(`Basic auth failed for the url: ${self.server_url}`);
    }
    throw e;
  }
});

basicAuthTest("test_basic_auth_httperror", async (self) => {
  const ah = new urllib_request.HTTPBasicAuthHandler();
  ah.add_password(
    BasicAuthTests.REALM,
    self.server_url,
    BasicAuthTests.USER,
    BasicAuthTests.INCORRECT_PASSWD,
  );
  urllib_request.install_opener(urllib_request.build_opener(ah));
  const exception = await assertRaisesAsync(
    urllib_error.HTTPError,
    () => urllib_request.urlopen(self.server_url),
  );
  exception.close();
});

interface ProxyAuthSelf {
  URL: string;
  USER: string;
  PASSWD: string;
  REALM: string;
  digest_auth_handler: DigestAuthHandler;
  proxy_digest_handler: urllib_request.ProxyDigestAuthHandler;
  opener: urllib_request.OpenerDirector;
}

function proxyAuthTest(name: string, fn: (self: ProxyAuthSelf) => Promise<void>): void {
  Deno.test(`ProxyAuthTests.${name}`, async () => {
    // Ignore proxy bypass settings in the environment.
    await withEnviron({ NO_PROXY: "", no_proxy: "" }, async () => {
      const self = {
        URL: "http://localhost",
        USER: "tester",
        PASSWD: "test123",
        REALM: "TestRealm",
      } as ProxyAuthSelf;
      self.digest_auth_handler = new DigestAuthHandler();
      self.digest_auth_handler.set_users({ [self.USER]: self.PASSWD });
      self.digest_auth_handler.set_realm(self.REALM);
      // With Digest Authentication.
      function create_fake_proxy_handler(...args: any[]) {
        return new FakeProxyHandler(self.digest_auth_handler, ...args);
      }

      const server = new LoopbackHttpServerThread(create_fake_proxy_handler);
      try {
        server.start();
        const proxy_url = `http://127.0.0.1:${server.port}`;
        const handler = new urllib_request.ProxyHandler({ "http": proxy_url });
        self.proxy_digest_handler = new urllib_request.ProxyDigestAuthHandler();
        self.opener = urllib_request.build_opener(handler, self.proxy_digest_handler);
        await fn(self);
      } finally {
        await server.stop();
      }
    });
  });
}

proxyAuthTest("test_proxy_with_bad_password_raises_httperror", async (self) => {
  self.proxy_digest_handler.add_password(self.REALM, self.URL, self.USER, self.PASSWD + "bad");
  self.digest_auth_handler.set_qop("auth");
  const exception = await assertRaisesAsync(urllib_error.HTTPError, () => self.opener.open(self.URL));
  exception.close();
});

proxyAuthTest("test_proxy_with_no_password_raises_httperror", async (self) => {
  self.digest_auth_handler.set_qop("auth");
  const exception = await assertRaisesAsync(urllib_error.HTTPError, () => self.opener.open(self.URL));
  exception.close();
});

proxyAuthTest("test_proxy_qop_auth_works", async (self) => {
  self.proxy_digest_handler.add_password(self.REALM, self.URL, self.USER, self.PASSWD);
  self.digest_auth_handler.set_qop("auth");
  {
    await using result = await self.opener.open(self.URL);
    while (len(await result.read())) {
      // pass
    }
  }
});

proxyAuthTest("test_proxy_qop_auth_int_works_or_throws_urlerror", async (self) => {
  self.proxy_digest_handler.add_password(self.REALM, self.URL, self.USER, self.PASSWD);
  self.digest_auth_handler.set_qop("auth-int");
  let result;
  try {
    result = await self.opener.open(self.URL);
  } catch (e) {
    // It's okay if we don't support auth-int, but we certainly shouldn't receive any kind of exception here
    // other than a URLError.
    if (!(e instanceof urllib_error.URLError)) throw e;
    return;
  }
  {
    await using _ = result;
    while (len(await result.read())) {
      // pass
    }
  }
});

type Responses = [number, [string, string][], Uint8Array | string][];

interface FakeHTTPRequestHandlerClass {
  new (...args: any[]): http_server.BaseHTTPRequestHandler;
  requests: unknown[];
  headers_received: http_client.HTTPMessage;
  port: number;
}

function GetRequestHandler(responses: Responses): FakeHTTPRequestHandlerClass {
  class FakeHTTPRequestHandler extends http_server.BaseHTTPRequestHandler {
    static override server_version = "TestHTTP/";
    static requests: unknown[] = [];
    static headers_received: http_client.HTTPMessage;
    static port = 80;

    get requests(): unknown[] {
      return FakeHTTPRequestHandler.requests;
    }

    do_GET(): void {
      let body = this.send_head();
      while (body && len(body)) {
        const done = this.wfile.write(body);
        body = body.slice(done);
      }
    }

    async do_POST(): Promise<void> {
      const content_length = this.headers.get("Content-Length")!;
      const post_data = await this.rfile.read(parseInt(content_length, 10));
      this.do_GET();
      this.requests.push(post_data);
    }

    send_head(): Uint8Array | null {
      FakeHTTPRequestHandler.headers_received = this.headers;
      this.requests.push(this.path);
      const [response_code, headers, body] = responses.shift()!;

      this.send_response(response_code);

      for (const [header, value] of headers) {
        this.send_header(header, value.replaceAll("%(port)s", String(FakeHTTPRequestHandler.port)));
      }
      if (len(body)) {
        this.send_header("Content-type", "text/plain");
        this.end_headers();
        return body as Uint8Array;
      }
      this.end_headers();
      return null;
    }

    override log_message(..._args: unknown[]): void {}
  }

  return FakeHTTPRequestHandler;
}

/**
 * Tests urllib.request.urlopen using the network.
 *
 * These tests are not exhaustive.  Assuming that testing using files does a good job overall of some of the
 * basic interface features.  There are no tests exercising the optional 'data' and 'proxies' arguments.  No
 * tests for transparent redirection have been written.
 */
class TestUrlopen {
  server: LoopbackHttpServerThread | null = null;
  cleanups: (() => Promise<void>)[] = [];

  async urlopen(url: string, data: Uint8Array | null = null, kwargs: Record<string, unknown> = {}) {
    const l: Uint8Array[] = [];
    const f = await urllib_request.urlopen(url, data as any, kwargs);
    try {
      // Exercise various methods
      l.push(...await f.readlines(200));
      l.push(await f.readline());
      l.push(await f.read(1024));
      l.push(await f.read());
    } finally {
      f.close();
    }
    return b``.join(l);
  }

  async stop_server(): Promise<void> {
    await this.server!.stop();
    this.server = null;
  }

  /** test.ssl_servers.make_https_server: an HTTPS server on 127.0.0.1 with the certificate of `certfile`. */
  start_https_server(responses: Responses | null = null): FakeHTTPRequestHandlerClass {
    if (responses === null) responses = [[200, [], b`we care a bit`]];
    const handler = GetRequestHandler(responses);
    const httpd = new http_server.HTTPSServer(["127.0.0.1", 0], handler, { certfile: CERT_localhost });
    const serving = httpd.serve_forever({ poll_interval: 0.1 });
    this.cleanups.push(async () => {
      await httpd.shutdown();
      await serving;
      await httpd.server_close();
    });
    handler.port = httpd.server_port;
    return handler;
  }

  start_server(responses: Responses | null = null): FakeHTTPRequestHandlerClass {
    if (responses === null) responses = [[200, [], b`we don't care`]];
    const handler = GetRequestHandler(responses);

    this.server = new LoopbackHttpServerThread(handler);
    this.server.start();
    const port = this.server.port;
    handler.port = port;
    return handler;
  }
}

function urlopenTest(name: string, fn: (self: TestUrlopen) => Promise<void>): void {
  Deno.test(`TestUrlopen.${name}`, async () => {
    // Ignore proxies for localhost tests.
    await withEnviron({ NO_PROXY: "*", no_proxy: "*" }, async () => {
      const self = new TestUrlopen();
      try {
        await fn(self);
      } finally {
        if (self.server) await self.stop_server();
        for (const cleanup of self.cleanups.reverse()) await cleanup();
        // clear _opener global variable
        urllib_request.urlcleanup();
      }
    });
  });
}

urlopenTest("test_redirection", async (self) => {
  const expected_response = b`We got here...`;
  const responses: Responses = [
    [302, [["Location", "http://localhost:%(port)s/somewhere_else"]], ""],
    [200, [], expected_response],
  ];

  const handler = self.start_server(responses);
  const data = await self.urlopen(`http://localhost:${handler.port}/`);
  assertEqual(data, expected_response);
  assertEqual(handler.requests, ["/", "/somewhere_else"]);
});

urlopenTest("test_chunked", async (self) => {
  const expected_response = b`hello world`;
  const chunked_start = b`a\r\n`.concat(
    b`hello worl\r\n`,
    b`1\r\n`,
    b`d\r\n`,
    b`0\r\n`,
  );
  const response: Responses = [[200, [["Transfer-Encoding", "chunked"]], chunked_start]];
  const handler = self.start_server(response);
  const data = await self.urlopen(`http://localhost:${handler.port}/`);
  assertEqual(data, expected_response);
});

urlopenTest("test_404", async (self) => {
  const expected_response = b`Bad bad bad...`;
  const handler = self.start_server([[404, [], expected_response]]);

  let data;
  try {
    await self.urlopen(`http://localhost:${handler.port}/weeble`);
  } catch (f) {
    if (!(f instanceof urllib_error.URLError)) throw f;
    data = await (f as urllib_error.HTTPError).read();
    (f as urllib_error.HTTPError).close();
  }
  if (data === undefined) throw new TestFailure("404 should raise URLError");

  assertEqual(data, expected_response);
  assertEqual(handler.requests, ["/weeble"]);
});

urlopenTest("test_200", async (self) => {
  const expected_response = b`pycon 2008...`;
  const handler = self.start_server([[200, [], expected_response]]);
  const data = await self.urlopen(`http://localhost:${handler.port}/bizarre`);
  assertEqual(data, expected_response);
  assertEqual(handler.requests, ["/bizarre"]);
});

urlopenTest("test_200_with_parameters", async (self) => {
  const expected_response = b`pycon 2008...`;
  const handler = self.start_server([[200, [], expected_response]]);
  const data = await self.urlopen(`http://localhost:${handler.port}/bizarre`, b`get=with_feeling`);
  assertEqual(data, expected_response);
  assertEqual(handler.requests, ["/bizarre", b`get=with_feeling`]);
});

urlopenTest("test_https", async (self) => {
  const handler = self.start_https_server();
  const context = http_client.create_default_context({ cafile: CERT_localhost });
  const data = await self.urlopen(`https://localhost:${handler.port}/bizarre`, null, { context });
  assertEqual(data, b`we care a bit`);
});

Deno.test({
  name: "TestUrlopen.test_https_sni (ignored: ssl.SSLContext.set_servername_callback, Deno's TLS listener " +
    "does not expose the client's server name)",
  ignore: true,
  fn() {},
});

urlopenTest("test_sending_headers", async (self) => {
  const handler = self.start_server();
  const req = new urllib_request.Request(
    `http://localhost:${handler.port}/`,
    kw({ headers: { "Range": "bytes=20-39" } }),
  );
  {
    await using _ = await urllib_request.urlopen(req);
  }
  assertEqual(handler.headers_received.get("Range"), "bytes=20-39");
});

urlopenTest("test_sending_headers_camel", async (self) => {
  const handler = self.start_server();
  const req = new urllib_request.Request(
    `http://localhost:${handler.port}/`,
    kw({ headers: { "X-SoMe-hEader": "foobar" } }),
  );
  {
    await using _ = await urllib_request.urlopen(req);
  }
  assertIn("X-Some-Header", handler.headers_received.keys());
  assertNotIn("X-SoMe-hEader", handler.headers_received.keys());
});

urlopenTest("test_basic", async (self) => {
  const handler = self.start_server();
  {
    await using open_url = await urllib_request.urlopen(`http://localhost:${handler.port}`);
    for (const attr of ["read", "close", "info", "geturl"]) assertHasAttr(open_url, attr);
    assertTrue(await open_url.read(), "calling 'read' failed");
  }
});

urlopenTest("test_info", async (self) => {
  const handler = self.start_server();
  const open_url = await urllib_request.urlopen(`http://localhost:${handler.port}`);
  let info_obj;
  {
    await using _ = open_url;
    info_obj = open_url.info();
  }
  // email.message.Message: http.client.HTTPMessage is its subclass in CPython, and our message class.
  assertIsInstance(
    info_obj,
    http_client.HTTPMessage,
    "object returned by 'info' is not an instance of email.message.Message",
  );
  assertEqual(info_obj.get_content_subtype(), "plain");
});

urlopenTest("test_geturl", async (self) => {
  // Make sure same URL as opened is returned by geturl.
  const handler = self.start_server();
  const open_url = await urllib_request.urlopen(`http://localhost:${handler.port}`);
  let url;
  {
    await using _ = open_url;
    url = open_url.geturl();
  }
  assertEqual(url, `http://localhost:${handler.port}`);
});

urlopenTest("test_iteration", async (self) => {
  const expected_response = b`pycon 2008...`;
  const handler = self.start_server([[200, [], expected_response]]);
  const data = await urllib_request.urlopen(`http://localhost:${handler.port}`);
  for await (const line of data) assertEqual(line, expected_response);
  await data.close(); // CPython leaves it to the garbage collector
});

urlopenTest("test_line_iteration", async (self) => {
  const lines = [b`We\n`, b`got\n`, b`here\n`, b`verylong `.repeat(8192).concat(b`\n`)];
  const expected_response = b``.join(lines);
  const handler = self.start_server([[200, [], expected_response]]);
  const data = await urllib_request.urlopen(`http://localhost:${handler.port}`);
  let index = -1;
  for await (const line of data) {
    index++;
    assertEqual(
      line,
      lines[index],
      `Fetched line number ${index} doesn't match expected:\n` +
        `    Expected length was ${len(lines[index])}, got ${len(line)}`,
    );
  }
  assertEqual(index + 1, len(lines));
  await data.close(); // CPython leaves it to the garbage collector
});

urlopenTest("test_issue16464", async (self) => {
  // See https://bugs.python.org/issue16464
  // and https://bugs.python.org/issue46648
  const handler = self.start_server([
    [200, [], b`any`],
    [200, [], b`any`],
  ]);
  const opener = urllib_request.build_opener();
  const request = new urllib_request.Request(`http://localhost:${handler.port}`);
  assertEqual(null, request.data);

  let r = await opener.open(request, encode("1", "us-ascii"));
  assertEqual(b`1`, request.data);
  assertEqual("1", request.get_header("Content-length"));
  await r.close(); // CPython leaves it to the garbage collector

  r = await opener.open(request, encode("1234567890", "us-ascii"));
  assertEqual(b`1234567890`, request.data);
  assertEqual("10", request.get_header("Content-length"));
  await r.close();
});
