// Port of CPython 3.14's Lib/test/test_urllib.py (RustPython/RustPython cc1e55e), line by line.
//
// - Each TestCase is a class with setUp/tearDown, addCleanup and enterContext; `register()` runs every `test*`
//   method as unittest does (setUp, the test, tearDown, then the cleanups).
// - `fakehttp()` keeps CPython's FakeSocket (a BytesIO with `sendall`) and FakeHTTPConnection, whose `connect()`
//   sets `this.sock`. Our HTTPConnection's socket is `HTTPSocket` (it also plays Python's `makefile()` objects and
//   counts their references), so `connect()` wraps the FakeSocket in one (`socketOver`: Deno's read/write/close).
//   FakeHTTPMixin cannot assign `http.client.HTTPConnection` (a module's exports are read-only): it installs an
//   opener whose HTTPHandler opens with the fake class (`do_open(FakeHTTPConnection, req)`, urllib.request's own
//   hook), and `unfakehttp()` goes back to the default opener.
// - `os.environ` is `Deno.env`; email.message.Message is http.client.HTTPMessage; os_helper.TESTFN is a file in
//   the working directory, as in CPython. Add `await` where Python blocks (urlopen, reads, urlretrieve, thishost).
import {
  AttributeError,
  b,
  type Bytes,
  bytes,
  encode,
  kw,
  OSError,
  repr,
  str,
  Tuple,
  tuple,
  TypeError,
  UnicodeEncodeError,
  ValueError,
} from "@pyweb/std";
import * as urllib_parse from "@pyweb/std/urllib/parse";
import * as urllib_request from "@pyweb/std/urllib/request";
import * as urllib_error from "@pyweb/std/urllib/error";
import * as http_client from "@pyweb/std/http/client";
import * as io from "@pyweb/std/io";
import {
  assertEqual,
  assertFalse,
  assertIn,
  assertIsInstance,
  assertIsNone,
  assertNotIn,
  assertRaises,
  assertRaisesAsync,
  assertTrue,
  subTest,
  TestFailure,
  withEnviron,
} from "./_unittest.ts";

// email.message.Message: the headers urlopen() gives are http.client.HTTPMessage (email has no port here).
const Message = http_client.HTTPMessage;

/** os_helper.TESTFN (with os_helper.FS_NONASCII, as on a UTF-8 file system). */
const FS_NONASCII = "\u00e6";
const TESTFN = `@test_${Deno.pid}_tmp${FS_NONASCII}`;
/** support.TEST_HTTP_URL. */
const TEST_HTTP_URL = "http://www.pythontest.net";
const sep = "/";

/** test.support.control_characters_c0(): the C0 control characters and DEL. */
function control_characters_c0(): string[] {
  return [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), "\x7f"];
}

/** Python's `s.count(sub)`. */
function count(s: string, sub: string): number {
  return s.split(sub).length - 1;
}

/** os.path.exists(path). */
function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** os.path.abspath(path) (the paths here need no normalizing). */
function abspath(path: string): string {
  return path.startsWith("/") ? path : `${Deno.cwd()}/${path}`;
}

/** `self.assertHasAttr(obj, name)` (unittest 3.14). */
function assertHasAttr(obj: unknown, name: string | symbol): void {
  if (!(name in Object(obj))) {
    throw new TestFailure(`${repr(obj)} has no attribute ${String(name)}`);
  }
}

/** `self.assertRaises((TypeError, AttributeError), fn)`: unittest takes a tuple of classes. */
function assertRaisesEither(classes: (abstract new (...a: never[]) => Error)[], fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (classes.some((cls) => e instanceof cls)) return;
    throw new TestFailure(`${classes.map((c) => c.name).join(", ")} not raised (got ${(e as Error)?.name})`);
  }
  throw new TestFailure(`${classes.map((c) => c.name).join(", ")} not raised`);
}

class TestCase {
  #cleanups: (() => unknown)[] = [];
  setUp(): unknown {
    return undefined;
  }
  tearDown(): unknown {
    return undefined;
  }
  addCleanup(fn: () => unknown): void {
    this.#cleanups.push(fn);
  }
  /** `self.enterContext(cm)`: `with` for the rest of the test. */
  enterContext<T extends Disposable | AsyncDisposable>(cm: T): T {
    this.addCleanup(() =>
      Symbol.asyncDispose in cm
        ? (cm as AsyncDisposable)[Symbol.asyncDispose]()
        : (cm as Disposable)[Symbol.dispose]()
    );
    return cm;
  }
  async doCleanups(): Promise<void> {
    while (this.#cleanups.length) await this.#cleanups.pop()!();
  }
}

type TestClass = new () => TestCase;

/** Register each `test*` method of `cls` as unittest collects them; `ignored` names the unportable ones. */
function register(cls: TestClass, ignored: Record<string, string> = {}): void {
  const names: string[] = [];
  for (let p = cls.prototype; p && p !== TestCase.prototype; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) {
      if (n.startsWith("test") && !names.includes(n)) names.push(n);
    }
  }
  for (const name of names) {
    // The environment is the process's, shared with the test files running beside this one: hold its lock.
    Deno.test(`${cls.name}.${name}`, () =>
      withEnviron({}, async () => {
        const t = new cls() as unknown as TestCase & Record<string, () => unknown>;
        try {
          await t.setUp();
          try {
            await t[name]();
          } finally {
            await t.tearDown();
          }
        } finally {
          await t.doCleanups();
        }
      }));
  }
  for (const [name, why] of Object.entries(ignored)) {
    Deno.test({ name: `${cls.name}.${name} (ignored: ${why})`, ignore: true, fn() {} });
  }
}

/** Escape char as RFC 2396 specifies */
function hexescape(char: string): string {
  let hex_repr = char.codePointAt(0)!.toString(16).toUpperCase();
  if (hex_repr.length === 1) {
    hex_repr = `0${hex_repr}`;
  }
  return "%" + hex_repr;
}

type FakeHTTPConnectionClass = typeof http_client.HTTPConnection & {
  buf: Bytes | null;
  fakedata: Uint8Array;
  fakesock: http_client.HTTPSocket;
};

/**
 * The socket http.client reads and writes (`HTTPSocket`, which also stands for Python's `makefile()` objects and
 * counts their references) over a FakeSocket: Deno's side of a connection is `read(p)`, `write(p)`, `close()`.
 */
function socketOver(fake: { read(n: number): Uint8Array; sendall(data: Uint8Array): void; close(): void }) {
  const conn = {
    read(p: Uint8Array): Promise<number | null> {
      const chunk = fake.read(p.length);
      p.set(chunk);
      return Promise.resolve(chunk.length ? chunk.length : null);
    },
    write(p: Uint8Array): Promise<number> {
      fake.sendall(p);
      return Promise.resolve(p.length);
    },
    close() {
      fake.close();
    },
  };
  return new http_client.HTTPSocket(conn as unknown as Deno.Conn, null);
}

function fakehttp(fakedata: Uint8Array, mock_close = false): FakeHTTPConnectionClass {
  class FakeSocket extends io.BytesIO {
    io_refs = 1;

    sendall(data: Uint8Array) {
      FakeHTTPConnection.buf = bytes(data);
    }

    makefile(..._args: unknown[]) {
      this.io_refs += 1;
      return this;
    }

    override read(amt: number | null = null): Bytes {
      if (this.closed) {
        return b``;
      }
      return super.read(amt);
    }

    override readline(length: number | null = null): Bytes {
      if (this.closed) {
        return b``;
      }
      return super.readline(length);
    }

    override close() {
      this.io_refs -= 1;
      if (this.io_refs === 0) {
        super.close();
      }
    }
  }

  class FakeHTTPConnection extends http_client.HTTPConnection {
    // buffer to store data for verification in urlopen tests.
    static buf: Bytes | null = null;
    static fakedata: Uint8Array;
    static fakesock: http_client.HTTPSocket;

    override connect(): Promise<void> {
      this.sock = socketOver(new FakeSocket(FakeHTTPConnection.fakedata));
      FakeHTTPConnection.fakesock = this.sock;
      return Promise.resolve();
    }
  }
  let cls: FakeHTTPConnectionClass = FakeHTTPConnection;
  if (mock_close) {
    // bpo-36918: HTTPConnection destructor calls close() which calls
    // flush(). Problem: flush() calls self.fp.flush() which raises
    // "ValueError: I/O operation on closed file" which is logged as an
    // "Exception ignored in". Override close() to silence this error.
    cls = class extends FakeHTTPConnection {
      override close() {}
    };
  }
  FakeHTTPConnection.fakedata = fakedata;

  return cls;
}

class FakeHTTPMixin extends TestCase {
  fakehttp(fakedata: Uint8Array, mock_close = false) {
    const fake_http_class = fakehttp(fakedata, mock_close);
    class FakeHTTPHandler extends urllib_request.HTTPHandler {
      // `any`: the base method's overloads also take `{ req }`, which TypeScript wants an override to accept.
      // deno-lint-ignore no-explicit-any
      override http_open(req: any) {
        return this.do_open(fake_http_class as unknown as urllib_request.HTTPConnectionClass, req);
      }
    }
    urllib_request.install_opener(urllib_request.build_opener(FakeHTTPHandler));
  }

  unfakehttp() {
    urllib_request.install_opener(null);
  }
}

// ---------------------------------------------------------------------------

/**
 * Test urlopen() opening a temporary file.
 *
 * Try to test as much functionality as possible so as to cut down on reliance
 * on connecting to the Net for testing.
 */
class urlopen_FileTests extends TestCase {
  text!: Bytes;
  pathname!: string;
  quoted_pathname!: string;
  // deno-lint-ignore no-explicit-any
  returned_obj!: any;

  override async setUp() {
    // Create a temp file to use for testing
    this.text = bytes(`test_urllib: ${this.constructor.name}\n`, "ascii");
    const f = await Deno.open(TESTFN, { write: true, create: true, truncate: true });
    try {
      await f.write(this.text);
    } finally {
      f.close();
    }
    this.pathname = TESTFN;
    this.quoted_pathname = urllib_parse.quote(encode(this.pathname));
    this.returned_obj = await urllib_request.urlopen(`file:${this.quoted_pathname}`);
  }

  /** Shut down the open object */
  override async tearDown() {
    this.returned_obj.close();
    await Deno.remove(TESTFN);
  }

  test_interface() {
    // Make sure object returned by urlopen() has the specified methods
    // (`__iter__` is Symbol.asyncIterator: `for await (const line of f)`).
    for (
      const attr of [
        "read",
        "readline",
        "readlines",
        "fileno",
        "close",
        "info",
        "geturl",
        "getcode",
        Symbol.asyncIterator,
      ]
    ) {
      assertHasAttr(this.returned_obj, attr);
    }
  }

  async test_read() {
    assertEqual(this.text, await this.returned_obj.read());
  }

  async test_readline() {
    assertEqual(this.text, await this.returned_obj.readline());
    assertEqual(
      b``,
      await this.returned_obj.readline(),
      "calling readline() after exhausting the file did not return an empty string",
    );
  }

  async test_readlines() {
    const lines_list = await this.returned_obj.readlines();
    assertEqual(lines_list.length, 1, "readlines() returned the wrong number of lines");
    assertEqual(lines_list[0], this.text, "readlines() returned improper text");
  }

  test_close() {
    // Test close() by calling it here and then having it be called again
    // by the tearDown() method for the test
    this.returned_obj.close();
  }

  test_headers() {
    assertIsInstance(this.returned_obj.headers, Message);
  }

  test_url() {
    assertEqual(this.returned_obj.url, "file:" + this.quoted_pathname);
  }

  test_status() {
    assertIsNone(this.returned_obj.status);
  }

  test_info() {
    assertIsInstance(this.returned_obj.info(), Message);
  }

  test_geturl() {
    assertEqual(this.returned_obj.geturl(), "file:" + this.quoted_pathname);
  }

  test_getcode() {
    assertIsNone(this.returned_obj.getcode());
  }

  async test_iter() {
    // Test iterator
    // Don't need to count number of iterations since test would fail the
    // instant it returned anything beyond the first line from the
    // comparison.
    // Use the iterator in the usual implicit way to test for ticket #4608.
    for await (const line of this.returned_obj) {
      assertEqual(line, this.text);
    }
  }

  async test_relativelocalfile() {
    await assertRaisesAsync(ValueError, () => urllib_request.urlopen("./" + this.pathname));
  }

  async test_remote_authority() {
    // Test for GH-90812.
    const url = "file://pythontest.net/foo/bar";
    const e = await assertRaisesAsync(urllib_error.URLError, () => urllib_request.urlopen(url));
    if (Deno.build.os === "windows") {
      assertEqual(e.filename, "\\\\pythontest.net\\foo\\bar");
    } else {
      assertEqual(e.reason, "file:// scheme is supported only on localhost");
    }
  }
}
register(urlopen_FileTests, {
  test_fileno: "os.read() on fileno(): Deno exposes no OS file descriptors (docs/divergences.md)",
});

/** os_helper.EnvironmentVarGuard(): set and unset variables, restored on exit. */
class EnvironmentVarGuard implements Disposable {
  #changed = new Map<string, string | undefined>();
  #remember(k: string) {
    if (!this.#changed.has(k)) this.#changed.set(k, Deno.env.get(k));
  }
  set(k: string, v: string) {
    this.#remember(k);
    Deno.env.set(k, v);
  }
  unset(k: string) {
    this.#remember(k);
    Deno.env.delete(k);
  }
  [Symbol.dispose]() {
    for (const [k, v] of this.#changed) {
      if (v === undefined) Deno.env.delete(k);
      else Deno.env.set(k, v);
    }
  }
}

class ProxyTests extends TestCase {
  env!: EnvironmentVarGuard;

  override setUp() {
    // Records changes to env vars
    this.env = this.enterContext(new EnvironmentVarGuard());
    // Delete all proxy related env vars
    for (const k of Object.keys(Deno.env.toObject())) {
      if (k.toLowerCase().includes("proxy")) {
        this.env.unset(k);
      }
    }
  }

  test_getproxies_environment_keep_no_proxies() {
    this.env.set("NO_PROXY", "localhost");
    const proxies = urllib_request.getproxies_environment();
    // getproxies_environment use lowered case truncated (no '_proxy') keys
    assertEqual("localhost", proxies["no"]);
    // List of no_proxies with space.
    this.env.set("NO_PROXY", "localhost, anotherdomain.com, newdomain.com:1234");
    assertTrue(urllib_request.proxy_bypass_environment("anotherdomain.com"));
    assertTrue(urllib_request.proxy_bypass_environment("anotherdomain.com:8888"));
    assertTrue(urllib_request.proxy_bypass_environment("newdomain.com:1234"));
  }

  test_proxy_cgi_ignore() {
    try {
      this.env.set("HTTP_PROXY", "http://somewhere:3128");
      let proxies = urllib_request.getproxies_environment();
      assertEqual("http://somewhere:3128", proxies["http"]);
      this.env.set("REQUEST_METHOD", "GET");
      proxies = urllib_request.getproxies_environment();
      assertNotIn("http", proxies);
    } finally {
      this.env.unset("REQUEST_METHOD");
      this.env.unset("HTTP_PROXY");
    }
  }

  test_proxy_bypass_environment_host_match() {
    const bypass = urllib_request.proxy_bypass_environment;
    this.env.set("NO_PROXY", "localhost, anotherdomain.com, newdomain.com:1234, .d.o.t");
    assertTrue(bypass("localhost"));
    assertTrue(bypass("LocalHost")); // MixedCase
    assertTrue(bypass("LOCALHOST")); // UPPERCASE
    assertTrue(bypass(".localhost"));
    assertTrue(bypass("newdomain.com:1234"));
    assertTrue(bypass(".newdomain.com:1234"));
    assertTrue(bypass("foo.d.o.t")); // issue 29142
    assertTrue(bypass("d.o.t"));
    assertTrue(bypass("anotherdomain.com:8888"));
    assertTrue(bypass(".anotherdomain.com:8888"));
    assertTrue(bypass("www.newdomain.com:1234"));
    assertFalse(bypass("prelocalhost"));
    assertFalse(bypass("newdomain.com")); // no port
    assertFalse(bypass("newdomain.com:1235")); // wrong port
  }

  test_proxy_bypass_environment_always_match() {
    const bypass = urllib_request.proxy_bypass_environment;
    this.env.set("NO_PROXY", "*");
    assertTrue(bypass("newdomain.com"));
    assertTrue(bypass("newdomain.com:1234"));
    this.env.set("NO_PROXY", "*, anotherdomain.com");
    assertTrue(bypass("anotherdomain.com"));
    assertFalse(bypass("newdomain.com"));
    assertFalse(bypass("newdomain.com:1234"));
  }

  test_proxy_bypass_environment_newline() {
    const bypass = urllib_request.proxy_bypass_environment;
    this.env.set("NO_PROXY", "localhost, anotherdomain.com, newdomain.com:1234");
    assertFalse(bypass("localhost\n"));
    assertFalse(bypass("anotherdomain.com:8888\n"));
    assertFalse(bypass("newdomain.com:1234\n"));
  }
}
register(ProxyTests);

class ProxyTests_withOrderedEnv extends TestCase {
  _saved_env!: Record<string, string>;

  override setUp() {
    // We need to test conditions, where variable order _is_ significant
    // Monkey patch os.environ, start with empty fake environment: Deno.env is the process's, shared with the
    // test files running beside this one, so only what getproxies_environment() reads (the *_proxy variables
    // and REQUEST_METHOD) is taken out, and put back afterwards.
    this._saved_env = Object.create(null);
    for (const [k, v] of Object.entries(Deno.env.toObject())) {
      if (k.toLowerCase().endsWith("_proxy") || k === "REQUEST_METHOD") {
        this._saved_env[k] = v;
        Deno.env.delete(k);
      }
    }
  }

  override tearDown() {
    for (const k of Object.keys(Deno.env.toObject())) {
      if (k.toLowerCase().endsWith("_proxy") || k === "REQUEST_METHOD") Deno.env.delete(k);
    }
    for (const [k, v] of Object.entries(this._saved_env)) Deno.env.set(k, v);
  }

  test_getproxies_environment_prefer_lowercase() {
    // Test lowercase preference with removal
    Deno.env.set("no_proxy", "");
    Deno.env.set("No_Proxy", "localhost");
    assertFalse(urllib_request.proxy_bypass_environment("localhost"));
    assertFalse(urllib_request.proxy_bypass_environment("arbitrary"));
    Deno.env.set("http_proxy", "");
    Deno.env.set("HTTP_PROXY", "http://somewhere:3128");
    let proxies = urllib_request.getproxies_environment();
    assertEqual({}, proxies);
    // Test lowercase preference of proxy bypass and correct matching including ports
    Deno.env.set("no_proxy", "localhost, noproxy.com, my.proxy:1234");
    Deno.env.set("No_Proxy", "xyz.com");
    assertTrue(urllib_request.proxy_bypass_environment("localhost"));
    assertTrue(urllib_request.proxy_bypass_environment("noproxy.com:5678"));
    assertTrue(urllib_request.proxy_bypass_environment("my.proxy:1234"));
    assertFalse(urllib_request.proxy_bypass_environment("my.proxy"));
    assertFalse(urllib_request.proxy_bypass_environment("arbitrary"));
    // Test lowercase preference with replacement
    Deno.env.set("http_proxy", "http://somewhere:3128");
    Deno.env.set("Http_Proxy", "http://somewhereelse:3128");
    proxies = urllib_request.getproxies_environment();
    assertEqual("http://somewhere:3128", proxies["http"]);
  }
}
register(ProxyTests_withOrderedEnv);

/** Test urlopen() opening a fake http connection. */
class urlopen_HttpTests extends FakeHTTPMixin {
  async check_read(ver: Uint8Array) {
    this.fakehttp(b`HTTP/${ver} 200 OK\r\n\r\nHello!`);
    try {
      const fp = await urllib_request.urlopen("http://python.org/");
      assertEqual(await fp.readline(), b`Hello!`);
      assertEqual(await fp.readline(), b``);
      assertEqual(fp.geturl(), "http://python.org/");
      assertEqual(fp.getcode(), 200);
    } finally {
      this.unfakehttp();
    }
  }

  async test_url_fragment() {
    // Issue #11703: geturl() omits fragments in the original URL.
    const url = "http://docs.python.org/library/urllib.html#OK";
    this.fakehttp(b`HTTP/1.1 200 OK\r\n\r\nHello!`);
    try {
      const fp = await urllib_request.urlopen(url);
      assertEqual(fp.geturl(), url);
    } finally {
      this.unfakehttp();
    }
  }

  async test_willclose() {
    this.fakehttp(b`HTTP/1.1 200 OK\r\n\r\nHello!`);
    try {
      const resp = await urllib_request.urlopen("http://www.python.org");
      assertTrue(resp.will_close);
    } finally {
      this.unfakehttp();
    }
  }

  async test_url_path_with_control_char_rejected() {
    for (const char_no of [...Array.from({ length: 0x21 }, (_, i) => i), 0x7f]) {
      const char = String.fromCharCode(char_no);
      const schemeless_url = `//localhost:7777/test${char}/`;
      this.fakehttp(b`HTTP/1.1 200 OK\r\n\r\nHello.`);
      try {
        // We explicitly test urllib.request.urlopen() instead of the top
        // level 'def urlopen()' function defined in this... (quite ugly)
        // test suite.  They use different url opening codepaths.  Plain
        // urlopen uses FancyURLOpener which goes via a codepath that
        // calls urllib.parse.quote() on the URL which makes all of the
        // above attempts at injection within the url _path_ safe.
        const escaped_char_repr = repr(char).replaceAll("\\", "\\\\");
        const InvalidURL = http_client.InvalidURL;
        await assertRaisesAsync(
          InvalidURL,
          () => urllib_request.urlopen(`http:${schemeless_url}`),
          `contain control.*${escaped_char_repr}`,
        );
        await assertRaisesAsync(
          InvalidURL,
          () => urllib_request.urlopen(`https:${schemeless_url}`),
          `contain control.*${escaped_char_repr}`,
        );
      } finally {
        this.unfakehttp();
      }
    }
  }

  async test_url_path_with_newline_header_injection_rejected() {
    this.fakehttp(b`HTTP/1.1 200 OK\r\n\r\nHello.`);
    const host = "localhost:7777?a=1 HTTP/1.1\r\nX-injected: header\r\nTEST: 123";
    const schemeless_url = "//" + host + ":8080/test/?test=a";
    try {
      // We explicitly test urllib.request.urlopen() instead of the top
      // level 'def urlopen()' function defined in this... (quite ugly)
      // test suite.  They use different url opening codepaths.  Plain
      // urlopen uses FancyURLOpener which goes via a codepath that
      // calls urllib.parse.quote() on the URL which makes all of the
      // above attempts at injection within the url _path_ safe.
      const InvalidURL = http_client.InvalidURL;
      await assertRaisesAsync(
        InvalidURL,
        () => urllib_request.urlopen(`http:${schemeless_url}`),
        String.raw`contain control.*\\r.*(found at least . .)`,
      );
      await assertRaisesAsync(
        InvalidURL,
        () => urllib_request.urlopen(`https:${schemeless_url}`),
        String.raw`contain control.*\\n`,
      );
    } finally {
      this.unfakehttp();
    }
  }

  async test_url_host_with_control_char_rejected() {
    for (const char_no of [...Array.from({ length: 0x21 }, (_, i) => i), 0x7f]) {
      const char = String.fromCharCode(char_no);
      const schemeless_url = `//localhost${char}/test/`;
      this.fakehttp(b`HTTP/1.1 200 OK\r\n\r\nHello.`);
      try {
        const escaped_char_repr = repr(char).replaceAll("\\", "\\\\");
        const InvalidURL = http_client.InvalidURL;
        await assertRaisesAsync(
          InvalidURL,
          () => urllib_request.urlopen(`http:${schemeless_url}`),
          `contain control.*${escaped_char_repr}`,
        );
        await assertRaisesAsync(
          InvalidURL,
          () => urllib_request.urlopen(`https:${schemeless_url}`),
          `contain control.*${escaped_char_repr}`,
        );
      } finally {
        this.unfakehttp();
      }
    }
  }

  async test_url_host_with_newline_header_injection_rejected() {
    this.fakehttp(b`HTTP/1.1 200 OK\r\n\r\nHello.`);
    const host = "localhost\r\nX-injected: header\r\n";
    const schemeless_url = "//" + host + ":8080/test/?test=a";
    try {
      const InvalidURL = http_client.InvalidURL;
      await assertRaisesAsync(
        InvalidURL,
        () => urllib_request.urlopen(`http:${schemeless_url}`),
        String.raw`contain control.*\\r`,
      );
      await assertRaisesAsync(
        InvalidURL,
        () => urllib_request.urlopen(`https:${schemeless_url}`),
        String.raw`contain control.*\\n`,
      );
    } finally {
      this.unfakehttp();
    }
  }

  async test_read_0_9() {
    // "0.9" response accepted (but not "simple responses" without
    // a status line)
    await this.check_read(b`0.9`);
  }

  async test_read_1_0() {
    await this.check_read(b`1.0`);
  }

  async test_read_1_1() {
    await this.check_read(b`1.1`);
  }

  async test_read_bogus() {
    // urlopen() should raise OSError for many error codes.
    this.fakehttp(
      b`HTTP/1.1 401 Authentication Required
Date: Wed, 02 Jan 2008 03:03:54 GMT
Server: Apache/1.3.33 (Debian GNU/Linux) mod_ssl/2.8.22 OpenSSL/0.9.7e
Connection: close
Content-Type: text/html; charset=iso-8859-1
`,
      true,
    );
    try {
      const cm = await assertRaisesAsync(
        urllib_error.HTTPError,
        () => urllib_request.urlopen("http://python.org/"),
      );
      cm.close();
    } finally {
      this.unfakehttp();
    }
  }

  async test_invalid_redirect() {
    // urlopen() should raise OSError for many error codes.
    this.fakehttp(
      b`HTTP/1.1 302 Found
Date: Wed, 02 Jan 2008 03:03:54 GMT
Server: Apache/1.3.33 (Debian GNU/Linux) mod_ssl/2.8.22 OpenSSL/0.9.7e
Location: file://guidocomputer.athome.com:/python/license
Connection: close
Content-Type: text/html; charset=iso-8859-1
`,
      true,
    );
    try {
      const msg = "Redirection to url 'file:";
      const cm = await assertRaisesAsync(
        urllib_error.HTTPError,
        () => urllib_request.urlopen("http://python.org/"),
        msg,
      );
      cm.close();
    } finally {
      this.unfakehttp();
    }
  }

  async test_redirect_limit_independent() {
    // Ticket #12923: make sure independent requests each use their
    // own retry limit.
    for (let i = 0; i < urllib_request.HTTPRedirectHandler.max_redirections; i++) {
      this.fakehttp(
        b`HTTP/1.1 302 Found
Location: file://guidocomputer.athome.com:/python/license
Connection: close
`,
        true,
      );
      try {
        const cm = await assertRaisesAsync(
          urllib_error.HTTPError,
          () => urllib_request.urlopen("http://something"),
        );
        cm.close();
      } finally {
        this.unfakehttp();
      }
    }
  }

  async test_empty_socket() {
    // urlopen() raises OSError if the underlying socket does not send any
    // data. (#1680230)
    this.fakehttp(b``);
    try {
      await assertRaisesAsync(OSError, () => urllib_request.urlopen("http://something"));
    } finally {
      this.unfakehttp();
    }
  }

  async test_missing_localfile() {
    // Test for #10836
    const e = await assertRaisesAsync(
      urllib_error.URLError,
      () => urllib_request.urlopen("file://localhost/a/file/which/doesnot/exists.py"),
    );
    assertTrue(e.filename);
    assertTrue(e.reason);
  }

  async test_file_notexists() {
    // tempfile.mkstemp(): a new file, opened.
    const tmp_file = await Deno.makeTempFile();
    const fd = await Deno.open(tmp_file, { read: true, write: true });
    const tmp_file_canon_url = urllib_request.pathname2url(tmp_file, { add_scheme: true });
    const parsed = urllib_parse.urlsplit(tmp_file_canon_url);
    const tmp_fileurl = parsed._replace({ netloc: "localhost" }).geturl();
    try {
      assertTrue(exists(tmp_file));
      {
        await using fobj = await urllib_request.urlopen(tmp_fileurl);
        assertTrue(fobj);
        assertEqual(fobj.url, tmp_file_canon_url);
      }
    } finally {
      fd.close();
      await Deno.remove(tmp_file);
    }
    assertFalse(exists(tmp_file));
    await assertRaisesAsync(urllib_error.URLError, () => urllib_request.urlopen(tmp_fileurl));
  }

  async test_ftp_nohost() {
    const test_ftp_url = "ftp:///path";
    const e = await assertRaisesAsync(urllib_error.URLError, () => urllib_request.urlopen(test_ftp_url));
    assertFalse(e.filename);
    assertTrue(e.reason);
  }

  async test_ftp_nonexisting() {
    const e = await assertRaisesAsync(
      urllib_error.URLError,
      () => urllib_request.urlopen("ftp://localhost/a/file/which/doesnot/exists.py"),
    );
    assertFalse(e.filename);
    assertTrue(e.reason);
  }
}
register(urlopen_HttpTests);

/** Test urlopen() opening a data URL. */
class urlopen_DataTests extends TestCase {
  text!: string;
  image!: Bytes;
  text_url!: string;
  text_url_base64!: string;
  image_url!: string;
  // deno-lint-ignore no-explicit-any
  text_url_resp!: any;
  // deno-lint-ignore no-explicit-any
  text_url_base64_resp!: any;
  // deno-lint-ignore no-explicit-any
  image_url_resp!: any;

  override async setUp() {
    // clear _opener global variable
    this.addCleanup(urllib_request.urlcleanup);

    // text containing URL special- and unicode-characters
    this.text = "test data URLs :;,%=& \u00f6 \u00c4 ";
    // 2x1 pixel RGB PNG image with one black and one white pixel
    this.image = b`\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x02\x00\x00\x00`.concat(
      b`\x01\x08\x02\x00\x00\x00{@\xe8\xdd\x00\x00\x00\x01sRGB\x00\xae`,
      b`\xce\x1c\xe9\x00\x00\x00\x0fIDAT\x08\xd7c\`\`\`\xf8\xff\xff?\x00`,
      b`\x06\x01\x02\xfe\no/\x1e\x00\x00\x00\x00IEND\xaeB\`\x82`,
    );

    this.text_url = "data:text/plain;charset=UTF-8,test%20data%20URLs%20%3A%3B%2C%25%3" +
      "D%26%20%C3%B6%20%C3%84%20";
    this.text_url_base64 = "data:text/plain;charset=ISO-8859-1;base64,dGVzdCBkYXRhIFVSTHMgOjs" +
      "sJT0mIPYgxCA%3D";
    // base64 encoded data URL that contains ignorable spaces,
    // such as "\n", " ", "%0A", and "%20".
    this.image_url = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7\n" +
      "QOjdAAAAAXNSR0IArs4c6QAAAA9JREFUCNdj%0AYGBg%2BP//PwAGAQL%2BCm8 " +
      "vHgAAAABJRU5ErkJggg%3D%3D%0A%20";

    this.text_url_resp = this.enterContext(await urllib_request.urlopen(this.text_url));
    this.text_url_base64_resp = this.enterContext(await urllib_request.urlopen(this.text_url_base64));
    this.image_url_resp = this.enterContext(await urllib_request.urlopen(this.image_url));
  }

  test_interface() {
    // Make sure object returned by urlopen() has the specified methods
    for (
      const attr of [
        "read",
        "readline",
        "readlines",
        "close",
        "info",
        "geturl",
        "getcode",
        Symbol.asyncIterator,
      ]
    ) {
      assertHasAttr(this.text_url_resp, attr);
    }
  }

  async test_info() {
    assertIsInstance(this.text_url_resp.info(), Message);
    assertEqual(this.text_url_base64_resp.info().get_params(), [
      tuple("text/plain", ""),
      tuple("charset", "ISO-8859-1"),
    ]);
    assertEqual(this.image_url_resp.info().get("content-length"), str(this.image.length));
    const r = await urllib_request.urlopen("data:,");
    assertEqual(r.info().get_params(), [tuple("text/plain", ""), tuple("charset", "US-ASCII")]);
    r.close();
  }

  test_geturl() {
    assertEqual(this.text_url_resp.geturl(), this.text_url);
    assertEqual(this.text_url_base64_resp.geturl(), this.text_url_base64);
    assertEqual(this.image_url_resp.geturl(), this.image_url);
  }

  async test_read_text() {
    assertEqual(
      (await this.text_url_resp.read()).decode(
        Object.fromEntries(this.text_url_resp.info().get_params())["charset"],
      ),
      this.text,
    );
  }

  async test_read_text_base64() {
    assertEqual(
      (await this.text_url_base64_resp.read()).decode(
        Object.fromEntries(this.text_url_base64_resp.info().get_params())["charset"],
      ),
      this.text,
    );
  }

  async test_read_image() {
    assertEqual(await this.image_url_resp.read(), this.image);
  }

  async test_missing_comma() {
    await assertRaisesAsync(ValueError, () => urllib_request.urlopen("data:text/plain"));
  }

  async test_invalid_base64_data() {
    // missing padding character
    await assertRaisesAsync(ValueError, () => urllib_request.urlopen("data:;base64,Cg="));
  }

  async test_invalid_mediatype() {
    for (const c0 of control_characters_c0()) {
      await assertRaisesAsync(ValueError, () => urllib_request.urlopen(`data:text/html;${c0},data`));
    }
    for (const c0 of control_characters_c0()) {
      await assertRaisesAsync(
        ValueError,
        () => urllib_request.urlopen(`data:text/html${c0};base64,ZGF0YQ==`),
      );
    }
  }
}
register(urlopen_DataTests);

/** Test urllib.urlretrieve() on local files */
class urlretrieve_FileTests extends TestCase {
  tempFiles!: string[];
  text!: Bytes;

  override async setUp() {
    // clear _opener global variable
    this.addCleanup(urllib_request.urlcleanup);

    // Create a list of temporary files. Each item in the list is a file
    // name (absolute path or relative to the current working directory).
    // All files in this list will be deleted in the tearDown method. Note,
    // this only helps to makes sure temporary files get deleted, but it
    // does nothing about trying to close files that may still be open. It
    // is the responsibility of the developer to properly close files even
    // when exceptional conditions occur.
    this.tempFiles = [];

    // Create a temporary file.
    this.registerFileForCleanUp(TESTFN);
    this.text = b`testing urllib.urlretrieve`;
    let FILE: Deno.FsFile | undefined;
    try {
      FILE = await Deno.open(TESTFN, { write: true, create: true, truncate: true });
      await FILE.write(this.text);
      FILE.close();
    } finally {
      try {
        FILE?.close();
      } catch { /* pass */ }
    }
  }

  override async tearDown() {
    // Delete the temporary files.
    for (const each of this.tempFiles) {
      try {
        await Deno.remove(each);
      } catch { /* pass */ }
    }
  }

  constructLocalFileUrl(filePath: string) {
    filePath = abspath(filePath);
    return urllib_request.pathname2url(filePath, { add_scheme: true });
  }

  /**
   * Creates a new temporary file containing the specified data,
   * registers the file for deletion during the test fixture tear down, and
   * returns the absolute path of the file.
   */
  async createNewTempFile(data: Uint8Array = b``) {
    const newFilePath = await Deno.makeTempFile();
    let newFile: Deno.FsFile | undefined;
    try {
      this.registerFileForCleanUp(newFilePath);
      newFile = await Deno.open(newFilePath, { write: true });
      await newFile.write(data);
      newFile.close();
    } finally {
      try {
        newFile?.close();
      } catch { /* pass */ }
    }
    return newFilePath;
  }

  registerFileForCleanUp(fileName: string) {
    this.tempFiles.push(fileName);
  }

  async test_basic() {
    // Make sure that a local file just gets its own location returned and
    // a headers value is returned.
    const result = await urllib_request.urlretrieve(`file:${TESTFN}`);
    assertEqual(result[0], TESTFN);
    assertIsInstance(
      result[1],
      Message,
      "did not get an email.message.Message instance as second returned value",
    );
  }

  async test_copy() {
    // Test that setting the filename argument works.
    const second_temp = `${TESTFN}.2`;
    this.registerFileForCleanUp(second_temp);
    const result = await urllib_request.urlretrieve(this.constructLocalFileUrl(TESTFN), second_temp);
    assertEqual(second_temp, result[0]);
    assertTrue(exists(second_temp), "copy of the file was not made");
    let text: Uint8Array;
    const FILE = await Deno.open(second_temp, { read: true });
    try {
      text = bytes(await new Response(FILE.readable).arrayBuffer());
    } finally {
      try {
        FILE.close();
      } catch { /* pass */ }
    }
    assertEqual(this.text, text);
  }

  async test_reporthook() {
    // Make sure that the reporthook works.
    const count_holder = [0];
    const hooktester = (block_count: number, block_read_size: number, file_size: number) => {
      assertTrue(Number.isInteger(block_count));
      assertTrue(Number.isInteger(block_read_size));
      assertTrue(Number.isInteger(file_size));
      assertEqual(block_count, count_holder[0]);
      count_holder[0] = count_holder[0] + 1;
    };
    const second_temp = `${TESTFN}.2`;
    this.registerFileForCleanUp(second_temp);
    await urllib_request.urlretrieve(this.constructLocalFileUrl(TESTFN), second_temp, hooktester);
  }

  async test_reporthook_0_bytes() {
    // Test on zero length file. Should call reporthook only 1 time.
    const report: number[][] = [];
    const hooktester = (
      block_count: number,
      block_read_size: number,
      file_size: number,
      _report = report,
    ) => {
      _report.push([block_count, block_read_size, file_size]);
    };
    const srcFileName = await this.createNewTempFile();
    await urllib_request.urlretrieve(this.constructLocalFileUrl(srcFileName), TESTFN, hooktester);
    assertEqual(report.length, 1);
    assertEqual(report[0][2], 0);
  }

  async test_reporthook_5_bytes() {
    // Test on 5 byte file. Should call reporthook only 2 times (once when
    // the "network connection" is established and once when the block is
    // read).
    const report: number[][] = [];
    const hooktester = (
      block_count: number,
      block_read_size: number,
      file_size: number,
      _report = report,
    ) => {
      _report.push([block_count, block_read_size, file_size]);
    };
    const srcFileName = await this.createNewTempFile(b`x`.repeat(5));
    await urllib_request.urlretrieve(this.constructLocalFileUrl(srcFileName), TESTFN, hooktester);
    assertEqual(report.length, 2);
    assertEqual(report[0][2], 5);
    assertEqual(report[1][2], 5);
  }

  async test_reporthook_8193_bytes() {
    // Test on 8193 byte file. Should call reporthook only 3 times (once
    // when the "network connection" is established, once for the next 8192
    // bytes, and once for the last byte).
    const report: number[][] = [];
    const hooktester = (
      block_count: number,
      block_read_size: number,
      file_size: number,
      _report = report,
    ) => {
      _report.push([block_count, block_read_size, file_size]);
    };
    const srcFileName = await this.createNewTempFile(b`x`.repeat(8193));
    await urllib_request.urlretrieve(this.constructLocalFileUrl(srcFileName), TESTFN, hooktester);
    assertEqual(report.length, 3);
    assertEqual(report[0][2], 8193);
    assertEqual(report[0][1], 8192);
    assertEqual(report[1][1], 8192);
    assertEqual(report[2][1], 8192);
  }
}
register(urlretrieve_FileTests);

/** Test urllib.urlretrieve() using fake http connections */
class urlretrieve_HttpTests extends FakeHTTPMixin {
  async test_short_content_raises_ContentTooShortError() {
    this.addCleanup(urllib_request.urlcleanup);

    this.fakehttp(b`HTTP/1.1 200 OK
Date: Wed, 02 Jan 2008 03:03:54 GMT
Server: Apache/1.3.33 (Debian GNU/Linux) mod_ssl/2.8.22 OpenSSL/0.9.7e
Connection: close
Content-Length: 100
Content-Type: text/html; charset=iso-8859-1

FF
`);

    const _reporthook = (_par1: number, _par2: number, _par3: number) => {};

    await assertRaisesAsync(urllib_error.ContentTooShortError, async () => {
      try {
        await urllib_request.urlretrieve(TEST_HTTP_URL, { reporthook: _reporthook });
      } finally {
        this.unfakehttp();
      }
    });
  }

  async test_short_content_raises_ContentTooShortError_without_reporthook() {
    this.addCleanup(urllib_request.urlcleanup);

    this.fakehttp(b`HTTP/1.1 200 OK
Date: Wed, 02 Jan 2008 03:03:54 GMT
Server: Apache/1.3.33 (Debian GNU/Linux) mod_ssl/2.8.22 OpenSSL/0.9.7e
Connection: close
Content-Length: 100
Content-Type: text/html; charset=iso-8859-1

FF
`);
    await assertRaisesAsync(urllib_error.ContentTooShortError, async () => {
      try {
        await urllib_request.urlretrieve(TEST_HTTP_URL);
      } finally {
        this.unfakehttp();
      }
    });
  }
}
register(urlretrieve_HttpTests);

/**
 * Tests for urllib.quote() and urllib.quote_plus()
 *
 * According to RFC 3986 (Uniform Resource Identifiers), to escape a
 * character you write it as '%' + <2 character US-ASCII hex value>.
 * The Python code of ``'%' + hex(ord(<character>))[2:]`` escapes a
 * character properly. Case does not matter on the hex letters.
 *
 * The various character sets specified are:
 *
 * Reserved characters : ";/?:@&=+$,"
 *     Have special meaning in URIs and must be escaped if not being used for
 *     their special meaning
 * Data characters : letters, digits, and "-_.!~*'()"
 *     Unreserved and do not need to be escaped; can be, though, if desired
 * Control characters : 0x00 - 0x1F, 0x7F
 *     Have no use in URIs so must be escaped
 * space : 0x20
 *     Must be escaped
 * Delimiters : '<>#%"'
 *     Must be escaped
 * Unwise : "{}|\^[]`"
 *     Must be escaped
 */
class QuotingTests extends TestCase {
  test_never_quote() {
    // Make sure quote() does not quote letters, digits, and "_,.-"
    const do_not_quote = [
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      "abcdefghijklmnopqrstuvwxyz",
      "0123456789",
      "_.-~",
    ].join("");
    let result = urllib_parse.quote(do_not_quote);
    assertEqual(do_not_quote, result, `using quote(): ${repr(do_not_quote)} != ${repr(result)}`);
    result = urllib_parse.quote_plus(do_not_quote);
    assertEqual(do_not_quote, result, `using quote_plus(): ${repr(do_not_quote)} != ${repr(result)}`);
  }

  test_safe() {
    // Test setting 'safe' parameter does what it should do
    const quote_by_default = "<>";
    let result = urllib_parse.quote(quote_by_default, { safe: quote_by_default });
    assertEqual(quote_by_default, result, `using quote(): ${repr(quote_by_default)} != ${repr(result)}`);
    result = urllib_parse.quote_plus(quote_by_default, { safe: quote_by_default });
    assertEqual(quote_by_default, result, `using quote_plus(): ${repr(quote_by_default)} != ${repr(result)}`);
    // Safe expressed as bytes rather than str
    result = urllib_parse.quote(quote_by_default, { safe: b`<>` });
    assertEqual(quote_by_default, result, `using quote(): ${repr(quote_by_default)} != ${repr(result)}`);
    // "Safe" non-ASCII characters should have no effect
    // (Since URIs are not allowed to have non-ASCII characters)
    result = urllib_parse.quote("a\xfcb", { encoding: "latin-1", safe: "\xfc" });
    let expect = urllib_parse.quote("a\xfcb", { encoding: "latin-1", safe: "" });
    assertEqual(expect, result, `using quote(): ${repr(expect)} != ${repr(result)}`);
    // Same as above, but using a bytes rather than str
    result = urllib_parse.quote("a\xfcb", { encoding: "latin-1", safe: b`\xfc` });
    expect = urllib_parse.quote("a\xfcb", { encoding: "latin-1", safe: "" });
    assertEqual(expect, result, `using quote(): ${repr(expect)} != ${repr(result)}`);
  }

  test_default_quoting() {
    // Make sure all characters that should be quoted are by default sans
    // space (separate test for that).
    let should_quote: string[] | string = Array.from({ length: 32 }, (_, num) => String.fromCharCode(num)); // For 0x00 - 0x1F
    should_quote.push(String.raw`<>#%"{}|\^[]` + "`");
    should_quote.push(String.fromCharCode(127)); // For 0x7F
    should_quote = should_quote.join("");
    for (const char of should_quote) {
      let result = urllib_parse.quote(char);
      assertEqual(
        hexescape(char),
        result,
        `using quote(): ${char} should be escaped to ${hexescape(char)}, not ${result}`,
      );
      result = urllib_parse.quote_plus(char);
      assertEqual(
        hexescape(char),
        result,
        `using quote_plus(): ${char} should be escapes to ${hexescape(char)}, not ${result}`,
      );
    }
    const partial_quote = "ab[]cd";
    const expected = "ab%5B%5Dcd";
    let result = urllib_parse.quote(partial_quote);
    assertEqual(expected, result, `using quote(): ${repr(expected)} != ${repr(result)}`);
    result = urllib_parse.quote_plus(partial_quote);
    assertEqual(expected, result, `using quote_plus(): ${repr(expected)} != ${repr(result)}`);
  }

  test_quoting_space() {
    // Make sure quote() and quote_plus() handle spaces as specified in
    // their unique way
    let result = urllib_parse.quote(" ");
    assertEqual(result, hexescape(" "), `using quote(): ${repr(result)} != ${repr(hexescape(" "))}`);
    result = urllib_parse.quote_plus(" ");
    assertEqual(result, "+", `using quote_plus(): ${repr(result)} != +`);
    const given = "a b cd e f";
    let expect = given.replaceAll(" ", hexescape(" "));
    result = urllib_parse.quote(given);
    assertEqual(expect, result, `using quote(): ${repr(expect)} != ${repr(result)}`);
    expect = given.replaceAll(" ", "+");
    result = urllib_parse.quote_plus(given);
    assertEqual(expect, result, `using quote_plus(): ${repr(expect)} != ${repr(result)}`);
  }

  test_quoting_plus() {
    assertEqual(urllib_parse.quote_plus("alpha+beta gamma"), "alpha%2Bbeta+gamma");
    assertEqual(urllib_parse.quote_plus("alpha+beta gamma", "+"), "alpha+beta+gamma");
    // Test with bytes
    assertEqual(urllib_parse.quote_plus(b`alpha+beta gamma`), "alpha%2Bbeta+gamma");
    // Test with safe bytes
    assertEqual(urllib_parse.quote_plus("alpha+beta gamma", b`+`), "alpha+beta+gamma");
  }

  test_quote_bytes() {
    // Bytes should quote directly to percent-encoded values
    const given = b`\xa2\xd8ab\xff`;
    const expect = "%A2%D8ab%FF";
    let result = urllib_parse.quote(given);
    assertEqual(expect, result, `using quote(): ${repr(expect)} != ${repr(result)}`);
    // Encoding argument should raise type error on bytes input
    assertRaises(TypeError, () => urllib_parse.quote(given, { encoding: "latin-1" }));
    // quote_from_bytes should work the same
    result = urllib_parse.quote_from_bytes(given);
    assertEqual(expect, result, `using quote_from_bytes(): ${repr(expect)} != ${repr(result)}`);
  }

  test_quote_with_unicode() {
    // Characters in Latin-1 range, encoded by default in UTF-8
    let given = "\xa2\xd8ab\xff";
    let expect = "%C2%A2%C3%98ab%C3%BF";
    let result = urllib_parse.quote(given);
    assertEqual(expect, result, `using quote(): ${repr(expect)} != ${repr(result)}`);
    // Characters in Latin-1 range, encoded by with None (default)
    result = urllib_parse.quote(given, { encoding: null, errors: null });
    assertEqual(expect, result, `using quote(): ${repr(expect)} != ${repr(result)}`);
    // Characters in Latin-1 range, encoded with Latin-1
    given = "\xa2\xd8ab\xff";
    expect = "%A2%D8ab%FF";
    result = urllib_parse.quote(given, { encoding: "latin-1" });
    assertEqual(expect, result, `using quote(): ${repr(expect)} != ${repr(result)}`);
    // Characters in BMP, encoded by default in UTF-8
    given = "\u6f22\u5b57"; // "Kanji"
    expect = "%E6%BC%A2%E5%AD%97";
    result = urllib_parse.quote(given);
    assertEqual(expect, result, `using quote(): ${repr(expect)} != ${repr(result)}`);
    // Characters in BMP, encoded with Latin-1
    given = "\u6f22\u5b57";
    assertRaises(UnicodeEncodeError, () => urllib_parse.quote(given, { encoding: "latin-1" }));
    // Characters in BMP, encoded with Latin-1, with replace error handling
    given = "\u6f22\u5b57";
    expect = "%3F%3F"; // "??"
    result = urllib_parse.quote(given, { encoding: "latin-1", errors: "replace" });
    assertEqual(expect, result, `using quote(): ${repr(expect)} != ${repr(result)}`);
    // Characters in BMP, Latin-1, with xmlcharref error handling
    given = "\u6f22\u5b57";
    expect = "%26%2328450%3B%26%2323383%3B"; // "&#28450;&#23383;"
    result = urllib_parse.quote(given, { encoding: "latin-1", errors: "xmlcharrefreplace" });
    assertEqual(expect, result, `using quote(): ${repr(expect)} != ${repr(result)}`);
  }

  test_quote_plus_with_unicode() {
    // Encoding (latin-1) test for quote_plus
    let given = "\xa2\xd8 \xff";
    let expect = "%A2%D8+%FF";
    let result = urllib_parse.quote_plus(given, { encoding: "latin-1" });
    assertEqual(expect, result, `using quote_plus(): ${repr(expect)} != ${repr(result)}`);
    // Errors test for quote_plus
    given = "ab\u6f22\u5b57 cd";
    expect = "ab%3F%3F+cd";
    result = urllib_parse.quote_plus(given, { encoding: "latin-1", errors: "replace" });
    assertEqual(expect, result, `using quote_plus(): ${repr(expect)} != ${repr(result)}`);
  }
}
register(QuotingTests, {
  test_default_safe:
    "reads quote.__defaults__, Python's function introspection (tests/signatures_test.ts checks quote's defaults against inspect.signature)",
});

/**
 * Tests for unquote() and unquote_plus()
 *
 * See the doc string for quoting_Tests for details on quoting and such.
 */
class UnquotingTests extends TestCase {
  test_unquoting() {
    // Make sure unquoting of all ASCII values works
    let escape_list: string[] = [];
    for (let num = 0; num < 128; num++) {
      const given = hexescape(String.fromCharCode(num));
      const expect = String.fromCharCode(num);
      let result = urllib_parse.unquote(given);
      assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);
      result = urllib_parse.unquote_plus(given);
      assertEqual(expect, result, `using unquote_plus(): ${repr(expect)} != ${repr(result)}`);
      escape_list.push(given);
    }
    const escape_string = escape_list.join("");
    escape_list = [];
    const result = urllib_parse.unquote(escape_string);
    assertEqual(count(result, "%"), 1, `using unquote(): not all characters escaped: ${result}`);
  }

  test_unquote_rejects_none_and_tuple() {
    assertRaisesEither([TypeError, AttributeError], () => urllib_parse.unquote(null as never));
    assertRaisesEither([TypeError, AttributeError], () => urllib_parse.unquote(tuple() as never));
  }

  test_unquoting_badpercent() {
    // Test unquoting on bad percent-escapes
    let given = "%xab";
    let expect: string | Bytes = given;
    let result: string | Bytes = urllib_parse.unquote(given);
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);
    given = "%x";
    expect = given;
    result = urllib_parse.unquote(given);
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);
    given = "%";
    expect = given;
    result = urllib_parse.unquote(given);
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);
    // unquote_to_bytes
    given = "%xab";
    expect = bytes(given, "ascii");
    result = urllib_parse.unquote_to_bytes(given);
    assertEqual(expect, result, `using unquote_to_bytes(): ${repr(expect)} != ${repr(result)}`);
    given = "%x";
    expect = bytes(given, "ascii");
    result = urllib_parse.unquote_to_bytes(given);
    assertEqual(expect, result, `using unquote_to_bytes(): ${repr(expect)} != ${repr(result)}`);
    given = "%";
    expect = bytes(given, "ascii");
    result = urllib_parse.unquote_to_bytes(given);
    assertEqual(expect, result, `using unquote_to_bytes(): ${repr(expect)} != ${repr(result)}`);
    assertRaisesEither([TypeError, AttributeError], () => urllib_parse.unquote_to_bytes(null as never));
    assertRaisesEither([TypeError, AttributeError], () => urllib_parse.unquote_to_bytes(tuple() as never));
  }

  test_unquoting_mixed_case() {
    // Test unquoting on mixed-case hex digits in the percent-escapes
    const given = "%Ab%eA";
    const expect = b`\xab\xea`;
    const result = urllib_parse.unquote_to_bytes(given);
    assertEqual(expect, result, `using unquote_to_bytes(): ${repr(expect)} != ${repr(result)}`);
  }

  test_unquoting_parts() {
    // Make sure unquoting works when have non-quoted characters
    // interspersed
    const given = `ab${hexescape("c")}d`;
    const expect = "abcd";
    let result = urllib_parse.unquote(given);
    assertEqual(expect, result, `using quote(): ${repr(expect)} != ${repr(result)}`);
    result = urllib_parse.unquote_plus(given);
    assertEqual(expect, result, `using unquote_plus(): ${repr(expect)} != ${repr(result)}`);
  }

  test_unquoting_plus() {
    // Test difference between unquote() and unquote_plus()
    const given = "are+there+spaces...";
    let expect = given;
    let result = urllib_parse.unquote(given);
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);
    expect = given.replaceAll("+", " ");
    result = urllib_parse.unquote_plus(given);
    assertEqual(expect, result, `using unquote_plus(): ${repr(expect)} != ${repr(result)}`);
  }

  test_unquote_to_bytes() {
    let given: string | Bytes = "br%C3%BCckner_sapporo_20050930.doc";
    let expect = b`br\xc3\xbcckner_sapporo_20050930.doc`;
    let result = urllib_parse.unquote_to_bytes(given);
    assertEqual(expect, result, `using unquote_to_bytes(): ${repr(expect)} != ${repr(result)}`);
    // Test on a string with unescaped non-ASCII characters
    // (Technically an invalid URI; expect those characters to be UTF-8
    // encoded).
    result = urllib_parse.unquote_to_bytes("\u6f22%C3%BC");
    expect = b`\xe6\xbc\xa2\xc3\xbc`; // UTF-8 for "\u6f22\u00fc"
    assertEqual(expect, result, `using unquote_to_bytes(): ${repr(expect)} != ${repr(result)}`);
    // Test with a bytes as input
    given = b`%A2%D8ab%FF`;
    expect = b`\xa2\xd8ab\xff`;
    result = urllib_parse.unquote_to_bytes(given);
    assertEqual(expect, result, `using unquote_to_bytes(): ${repr(expect)} != ${repr(result)}`);
    // Test with a bytes as input, with unescaped non-ASCII bytes
    // (Technically an invalid URI; expect those bytes to be preserved)
    given = b`%A2\xd8ab%FF`;
    expect = b`\xa2\xd8ab\xff`;
    result = urllib_parse.unquote_to_bytes(given);
    assertEqual(expect, result, `using unquote_to_bytes(): ${repr(expect)} != ${repr(result)}`);
  }

  test_unquote_with_unicode() {
    // Characters in the Latin-1 range, encoded with UTF-8
    let given = "br%C3%BCckner_sapporo_20050930.doc";
    let expect = "br\u00fcckner_sapporo_20050930.doc";
    let result = urllib_parse.unquote(given);
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);
    // Characters in the Latin-1 range, encoded with None (default)
    result = urllib_parse.unquote(given, { encoding: null, errors: null });
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);

    // Characters in the Latin-1 range, encoded with Latin-1
    result = urllib_parse.unquote("br%FCckner_sapporo_20050930.doc", { encoding: "latin-1" });
    expect = "br\u00fcckner_sapporo_20050930.doc";
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);

    // Characters in BMP, encoded with UTF-8
    given = "%E6%BC%A2%E5%AD%97";
    expect = "\u6f22\u5b57"; // "Kanji"
    result = urllib_parse.unquote(given);
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);

    // Decode with UTF-8, invalid sequence
    given = "%F3%B1";
    expect = "\ufffd"; // Replacement character
    result = urllib_parse.unquote(given);
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);

    // Decode with UTF-8, invalid sequence, replace errors
    result = urllib_parse.unquote(given, { errors: "replace" });
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);

    // Decode with UTF-8, invalid sequence, ignoring errors
    given = "%F3%B1";
    expect = "";
    result = urllib_parse.unquote(given, { errors: "ignore" });
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);

    // A mix of non-ASCII and percent-encoded characters, UTF-8
    result = urllib_parse.unquote("\u6f22%C3%BC");
    expect = "\u6f22\u00fc";
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);

    // A mix of non-ASCII and percent-encoded characters, Latin-1
    // (Note, the string contains non-Latin-1-representable characters)
    result = urllib_parse.unquote("\u6f22%FC", { encoding: "latin-1" });
    expect = "\u6f22\u00fc";
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);
  }

  test_unquoting_with_bytes_input() {
    // ASCII characters decoded to a string
    let given = b`blueberryjam`;
    let expect = "blueberryjam";
    let result = urllib_parse.unquote(given);
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);

    // A mix of non-ASCII hex-encoded characters and ASCII characters
    given = b`bl\xc3\xa5b\xc3\xa6rsyltet\xc3\xb8y`;
    expect = "bl\u00e5b\u00e6rsyltet\u00f8y";
    result = urllib_parse.unquote(given);
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);

    // A mix of non-ASCII percent-encoded characters and ASCII characters
    given = b`bl%c3%a5b%c3%a6rsyltet%c3%b8j`;
    expect = "bl\u00e5b\u00e6rsyltet\u00f8j";
    result = urllib_parse.unquote(given);
    assertEqual(expect, result, `using unquote(): ${repr(expect)} != ${repr(result)}`);
  }
}
register(UnquotingTests);

/** Tests for urlencode() */
class urlencode_Tests extends TestCase {
  /**
   * Helper method for testing different input types.
   *
   * 'given' must lead to only the pairs:
   *     * 1st, 1
   *     * 2nd, 2
   *     * 3rd, 3
   *
   * Test cannot assume anything about order.  Docs make no guarantee and
   * have possible dictionary input.
   */
  help_inputtype(given: Parameters<typeof urllib_parse.urlencode>[0], test_type: string) {
    const expect_somewhere = ["1st=1", "2nd=2", "3rd=3"];
    const result = urllib_parse.urlencode(given);
    for (const expected of expect_somewhere) {
      assertIn(expected, result, `testing ${test_type}: ${expected} not found in ${result}`);
    }
    assertEqual(count(result, "&"), 2, `testing ${test_type}: expected 2 '&'s; got ${count(result, "&")}`);
    const amp_location = result.indexOf("&");
    if (amp_location < 0) throw new ValueError("substring not found");
    const on_amp_left = result[amp_location - 1];
    const on_amp_right = result[amp_location + 1];
    assertTrue(
      /^\d$/.test(on_amp_left) && /^\d$/.test(on_amp_right),
      `testing ${test_type}: '&' not located in proper place in ${result}`,
    );
    assertEqual(
      result.length,
      (5 * 3) + 2, //5 chars per thing and amps
      `testing ${test_type}: unexpected number of characters: ${result.length} != ${(5 * 3) + 2}`,
    );
  }

  test_using_mapping() {
    // Test passing in a mapping object as an argument.
    this.help_inputtype({ "1st": "1", "2nd": "2", "3rd": "3" }, "using dict as input type");
  }

  test_using_sequence() {
    // Test passing in a sequence of two-item sequences as an argument.
    this.help_inputtype(
      [tuple("1st", "1"), tuple("2nd", "2"), tuple("3rd", "3")],
      "using sequence of two-item tuples as input",
    );
  }

  test_quoting() {
    // Make sure keys and values are quoted using quote_plus()
    let given: Record<string, string> = { "&": "=" };
    let expect = `${hexescape("&")}=${hexescape("=")}`;
    let result = urllib_parse.urlencode(given);
    assertEqual(expect, result);
    given = { "key name": "A bunch of pluses" };
    expect = "key+name=A+bunch+of+pluses";
    result = urllib_parse.urlencode(given);
    assertEqual(expect, result);
  }

  test_doseq() {
    // Test that passing True for 'doseq' parameter works correctly
    const given = { "sequence": ["1", "2", "3"] };
    let expect = `sequence=${urllib_parse.quote_plus(str(["1", "2", "3"]))}`;
    let result = urllib_parse.urlencode(given);
    assertEqual(expect, result);
    result = urllib_parse.urlencode(given, true);
    for (const value of given["sequence"]) {
      expect = `sequence=${value}`;
      assertIn(expect, result);
    }
    assertEqual(count(result, "&"), 2, `Expected 2 '&'s, got ${count(result, "&")}`);
  }

  test_empty_sequence() {
    assertEqual("", urllib_parse.urlencode({}));
    assertEqual("", urllib_parse.urlencode([]));
  }

  test_nonstring_values() {
    assertEqual("a=1", urllib_parse.urlencode({ "a": 1 }));
    assertEqual("a=None", urllib_parse.urlencode({ "a": null }));
  }

  test_nonstring_seq_values() {
    assertEqual("a=1&a=2", urllib_parse.urlencode({ "a": [1, 2] }, true));
    assertEqual("a=None&a=a", urllib_parse.urlencode({ "a": [null, "a"] }, true));
    const data = new Map([["a", 1], ["b", 1]]);
    assertEqual("a=a&a=b", urllib_parse.urlencode({ "a": data }, true));
  }

  test_urlencode_encoding() {
    // ASCII encoding. Expect %3F with errors="replace'
    let given = tuple(tuple("\u00a0", "\u00c1"));
    let expect = "%3F=%3F";
    let result = urllib_parse.urlencode(given, { encoding: "ASCII", errors: "replace" });
    assertEqual(expect, result);

    // Default is UTF-8 encoding.
    given = tuple(tuple("\u00a0", "\u00c1"));
    expect = "%C2%A0=%C3%81";
    result = urllib_parse.urlencode(given);
    assertEqual(expect, result);

    // Latin-1 encoding.
    given = tuple(tuple("\u00a0", "\u00c1"));
    expect = "%A0=%C1";
    result = urllib_parse.urlencode(given, { encoding: "latin-1" });
    assertEqual(expect, result);
  }

  test_urlencode_encoding_doseq() {
    // ASCII Encoding. Expect %3F with errors="replace'
    let given: unknown = tuple(tuple("\u00a0", "\u00c1"));
    let expect = "%3F=%3F";
    let result = urllib_parse.urlencode(given as never, {
      doseq: true,
      encoding: "ASCII",
      errors: "replace",
    });
    assertEqual(expect, result);

    // ASCII Encoding. On a sequence of values.
    given = tuple(tuple("\u00a0", tuple(1, "\u00c1")));
    expect = "%3F=1&%3F=%3F";
    result = urllib_parse.urlencode(given as never, true, { encoding: "ASCII", errors: "replace" });
    assertEqual(expect, result);

    // Utf-8
    given = tuple(tuple("\u00a0", "\u00c1"));
    expect = "%C2%A0=%C3%81";
    result = urllib_parse.urlencode(given as never, true);
    assertEqual(expect, result);

    given = tuple(tuple("\u00a0", tuple(42, "\u00c1")));
    expect = "%C2%A0=42&%C2%A0=%C3%81";
    result = urllib_parse.urlencode(given as never, true);
    assertEqual(expect, result);

    // latin-1
    given = tuple(tuple("\u00a0", "\u00c1"));
    expect = "%A0=%C1";
    result = urllib_parse.urlencode(given as never, true, { encoding: "latin-1" });
    assertEqual(expect, result);

    given = tuple(tuple("\u00a0", tuple(42, "\u00c1")));
    expect = "%A0=42&%A0=%C1";
    result = urllib_parse.urlencode(given as never, true, { encoding: "latin-1" });
    assertEqual(expect, result);
  }

  test_urlencode_bytes() {
    let given: unknown = tuple(tuple(b`\xa0\x24`, b`\xc1\x24`));
    let expect = "%A0%24=%C1%24";
    let result = urllib_parse.urlencode(given as never);
    assertEqual(expect, result);
    result = urllib_parse.urlencode(given as never, true);
    assertEqual(expect, result);

    // Sequence of values
    given = tuple(tuple(b`\xa0\x24`, tuple(42, b`\xc1\x24`)));
    expect = "%A0%24=42&%A0%24=%C1%24";
    result = urllib_parse.urlencode(given as never, true);
    assertEqual(expect, result);
  }

  test_urlencode_encoding_safe_parameter() {
    // Send '$' (\x24) as safe character
    // Default utf-8 encoding

    let given: unknown = tuple(tuple(b`\xa0\x24`, b`\xc1\x24`));
    let result = urllib_parse.urlencode(given as never, { safe: ":$" });
    let expect = "%A0$=%C1$";
    assertEqual(expect, result);

    given = tuple(tuple(b`\xa0\x24`, b`\xc1\x24`));
    result = urllib_parse.urlencode(given as never, { doseq: true, safe: ":$" });
    expect = "%A0$=%C1$";
    assertEqual(expect, result);

    // Safe parameter in sequence
    given = tuple(tuple(b`\xa0\x24`, tuple(b`\xc1\x24`, 0xd, 42)));
    expect = "%A0$=%C1$&%A0$=13&%A0$=42";
    result = urllib_parse.urlencode(given as never, true, { safe: ":$" });
    assertEqual(expect, result);

    // Test all above in latin-1 encoding

    given = tuple(tuple(b`\xa0\x24`, b`\xc1\x24`));
    result = urllib_parse.urlencode(given as never, { safe: ":$", encoding: "latin-1" });
    expect = "%A0$=%C1$";
    assertEqual(expect, result);

    given = tuple(tuple(b`\xa0\x24`, b`\xc1\x24`));
    expect = "%A0$=%C1$";
    result = urllib_parse.urlencode(given as never, { doseq: true, safe: ":$", encoding: "latin-1" });

    given = tuple(tuple(b`\xa0\x24`, tuple(b`\xc1\x24`, 0xd, 42)));
    expect = "%A0$=%C1$&%A0$=13&%A0$=42";
    result = urllib_parse.urlencode(given as never, true, { safe: ":$", encoding: "latin-1" });
    assertEqual(expect, result);
  }
}
register(urlencode_Tests);

/** Test pathname2url() and url2pathname() */
class Pathname_Tests extends TestCase {
  test_basic() {
    // Make sure simple tests pass
    const expected_path = ["parts", "of", "a", "path"].join(sep);
    const expected_url = "parts/of/a/path";
    let result = urllib_request.pathname2url(expected_path);
    assertEqual(expected_url, result, `pathname2url() failed; ${result} != ${expected_url}`);
    result = urllib_request.url2pathname(expected_url);
    assertEqual(expected_path, result, `url2pathame() failed; ${result} != ${expected_path}`);
  }

  test_quoting() {
    // Test automatic quoting and unquoting works for pathnam2url() and
    // url2pathname() respectively
    let given = ["needs", "quot=ing", "here"].join(sep);
    let expect = `needs/${urllib_parse.quote("quot=ing")}/here`;
    let result = urllib_request.pathname2url(given);
    assertEqual(expect, result, `pathname2url() failed; ${expect} != ${result}`);
    expect = given;
    result = urllib_request.url2pathname(result);
    assertEqual(expect, result, `url2pathname() failed; ${expect} != ${result}`);
    given = ["make sure", "using_quote"].join(sep);
    expect = `${urllib_parse.quote("make sure")}/using_quote`;
    result = urllib_request.pathname2url(given);
    assertEqual(expect, result, `pathname2url() failed; ${expect} != ${result}`);
    given = "make+sure/using_unquote";
    expect = ["make+sure", "using_unquote"].join(sep);
    result = urllib_request.url2pathname(given);
    assertEqual(expect, result, `url2pathname() failed; ${expect} != ${result}`);
  }

  test_pathname2url() {
    // Test cases common to Windows and POSIX.
    const fn = urllib_request.pathname2url;
    assertEqual(fn(""), "");
    assertEqual(fn(sep), "///");
    assertEqual(fn("a"), "a");
    assertEqual(fn(`a${sep}b.c`), "a/b.c");
    assertEqual(fn(`${sep}a${sep}b.c`), "///a/b.c");
    assertEqual(fn(`${sep}a${sep}b%#c`), "///a/b%25%23c");
  }

  test_pathname2url_add_scheme() {
    const subtests = [
      ["", "file:"],
      [sep, "file:///"],
      ["a", "file:a"],
      [`a${sep}b.c`, "file:a/b.c"],
      [`${sep}a${sep}b.c`, "file:///a/b.c"],
      [`${sep}a${sep}b%#c`, "file:///a/b%25%23c"],
    ];
    for (const [path, expected_url] of subtests) {
      subTest({ path }, () => {
        assertEqual(urllib_request.pathname2url(path, { add_scheme: true }), expected_url);
      });
    }
  }

  test_pathname2url_posix() {
    const fn = urllib_request.pathname2url;
    assertEqual(fn("//a/b.c"), "////a/b.c");
    assertEqual(fn("///a/b.c"), "/////a/b.c");
    assertEqual(fn("////a/b.c"), "//////a/b.c");
  }

  test_pathname2url_nonascii() {
    // sys.getfilesystemencoding(), sys.getfilesystemencodeerrors() on Linux
    const encoding = "utf-8";
    const errors = "surrogateescape";
    const url = urllib_parse.quote(FS_NONASCII, { encoding, errors });
    assertEqual(urllib_request.pathname2url(FS_NONASCII), url);
  }

  test_url2pathname() {
    // Test cases common to Windows and POSIX.
    const fn = urllib_request.url2pathname;
    assertEqual(fn(""), "");
    assertEqual(fn("/"), `${sep}`);
    assertEqual(fn("///"), `${sep}`);
    assertEqual(fn("////"), `${sep}${sep}`);
    assertEqual(fn("foo"), "foo");
    assertEqual(fn("foo/bar"), `foo${sep}bar`);
    assertEqual(fn("/foo/bar"), `${sep}foo${sep}bar`);
    assertEqual(fn("//localhost/foo/bar"), `${sep}foo${sep}bar`);
    assertEqual(fn("///foo/bar"), `${sep}foo${sep}bar`);
    assertEqual(fn("////foo/bar"), `${sep}${sep}foo${sep}bar`);
    assertEqual(fn("data:blah"), "data:blah");
    assertEqual(fn("data://blah"), `data:${sep}${sep}blah`);
    assertEqual(fn("foo?bar"), "foo");
    assertEqual(fn("foo#bar"), "foo");
    assertEqual(fn("foo?bar=baz"), "foo");
    assertEqual(fn("foo?bar#baz"), "foo");
    assertEqual(fn("foo%3Fbar"), "foo?bar");
    assertEqual(fn("foo%23bar"), "foo#bar");
    assertEqual(fn("foo%3Fbar%3Dbaz"), "foo?bar=baz");
    assertEqual(fn("foo%3Fbar%23baz"), "foo?bar#baz");
  }

  test_url2pathname_require_scheme() {
    const subtests = [
      ["file:", ""],
      ["FILE:", ""],
      ["FiLe:", ""],
      ["file:/", `${sep}`],
      ["file:///", `${sep}`],
      ["file:////", `${sep}${sep}`],
      ["file:foo", "foo"],
      ["file:foo/bar", `foo${sep}bar`],
      ["file:/foo/bar", `${sep}foo${sep}bar`],
      ["file://localhost/foo/bar", `${sep}foo${sep}bar`],
      ["file:///foo/bar", `${sep}foo${sep}bar`],
      ["file:////foo/bar", `${sep}${sep}foo${sep}bar`],
      ["file:data:blah", "data:blah"],
      ["file:data://blah", `data:${sep}${sep}blah`],
    ];
    for (const [url, expected_path] of subtests) {
      subTest({ url }, () => {
        assertEqual(urllib_request.url2pathname(url, { require_scheme: true }), expected_path);
      });
    }
  }

  test_url2pathname_require_scheme_errors() {
    const subtests = [
      "",
      ":",
      "foo",
      "http:foo",
      "localfile:foo",
      "data:foo",
      "data:file:foo",
      "data:file://foo",
    ];
    for (const url of subtests) {
      subTest({ url }, () => {
        assertRaises(urllib_error.URLError, () => urllib_request.url2pathname(url, { require_scheme: true }));
      });
    }
  }

  test_url2pathname_resolve_host() {
    const fn = urllib_request.url2pathname;
    assertEqual(fn("//127.0.0.1/foo/bar", { resolve_host: true }), `${sep}foo${sep}bar`);
    assertEqual(fn(`//${Deno.hostname()}/foo/bar`), `${sep}foo${sep}bar`);
    assertEqual(fn(`//${Deno.hostname()}/foo/bar`, { resolve_host: true }), `${sep}foo${sep}bar`);
  }

  test_url2pathname_posix() {
    const fn = urllib_request.url2pathname;
    assertRaises(urllib_error.URLError, () => fn("//foo/bar"));
    assertRaises(urllib_error.URLError, () => fn("//localhost:/foo/bar"));
    assertRaises(urllib_error.URLError, () => fn("//:80/foo/bar"));
    assertRaises(urllib_error.URLError, () => fn("//:/foo/bar"));
    assertRaises(urllib_error.URLError, () => fn("//c:80/foo/bar"));
    assertRaises(urllib_error.URLError, () => fn("//127.0.0.1/foo/bar"));
  }

  test_url2pathname_nonascii() {
    const encoding = "utf-8";
    const errors = "surrogateescape";
    let url = FS_NONASCII;
    assertEqual(urllib_request.url2pathname(url), FS_NONASCII);
    url = urllib_parse.quote(url, { encoding, errors });
    assertEqual(urllib_request.url2pathname(url), FS_NONASCII);
  }
}
register(Pathname_Tests, {
  test_pathname2url_win: "Windows pathnames (skipUnless win32); we run on POSIX",
  test_url2pathname_win: "Windows pathnames (skipUnless win32); we run on POSIX",
});

/** Testcase to test the various utility functions in the urllib. */
class Utility_Tests extends TestCase {
  /** Test the urllib.request.thishost utility function returns a tuple */
  async test_thishost() {
    assertIsInstance(await urllib_request.thishost(), Tuple);
  }
}
register(Utility_Tests);

/** Unit tests for urllib.request.Request. */
class RequestTests extends TestCase {
  test_default_values() {
    const Request = urllib_request.Request;
    let request = new Request("http://www.python.org");
    assertEqual(request.get_method(), "GET");
    // A dict as data: kw() says the {} is data, where a bare trailing object would be keywords.
    request = new Request("http://www.python.org", kw({ data: {} as never }));
    assertEqual(request.get_method(), "POST");
  }

  test_with_method_arg() {
    const Request = urllib_request.Request;
    let request = new Request("http://www.python.org", { method: "HEAD" });
    assertEqual(request.method, "HEAD");
    assertEqual(request.get_method(), "HEAD");
    request = new Request("http://www.python.org", {} as never, kw({ method: "HEAD" }));
    assertEqual(request.method, "HEAD");
    assertEqual(request.get_method(), "HEAD");
    request = new Request("http://www.python.org", { method: "GET" });
    assertEqual(request.get_method(), "GET");
    request.method = "HEAD";
    assertEqual(request.get_method(), "HEAD");
  }
}
register(RequestTests);
