// Port of CPython 3.14's Lib/test/test_urllib_response.py (RustPython/RustPython cc1e55e), line by line.
// `socket.socket(AF_INET, SOCK_STREAM)` is http.client's socket (`HTTPSocket`) over a TCP connection to a listener
// on 127.0.0.1 (Deno has no unconnected socket), and `sock.makefile('rb')` is its read buffer (`sock.reader`).
import * as urllib_response from "@pyweb/std/urllib/response";
import { type BufferedReader, type HTTPMessage, HTTPSocket } from "@pyweb/std/http/client";
import { assertEqual, assertTrue } from "./_unittest.ts";

// test_headers is a dict, where urlopen() gives an HTTPMessage: any mapping does.
type Headers = HTTPMessage;

class TestResponse {
  listener!: Deno.Listener;
  peer!: Deno.Conn;
  sock!: HTTPSocket;
  fp!: BufferedReader;
  test_headers!: Record<string, string>;

  async setUp() {
    this.listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    const [conn, peer] = await Promise.all([
      Deno.connect({ hostname: "127.0.0.1", port: (this.listener.addr as Deno.NetAddr).port }),
      this.listener.accept(),
    ]);
    this.peer = peer;
    this.sock = new HTTPSocket(conn, null);
    this.fp = this.sock.reader;
    this.test_headers = { "Host": "www.python.org", "Connection": "close" };
  }

  test_addclosehook() {
    let closehook_called = false;

    const closehook_fn = () => {
      closehook_called = true;
    };

    const closehook = new urllib_response.addclosehook(this.fp, closehook_fn);
    closehook.close();

    assertTrue(this.fp.closed);
    assertTrue(closehook_called);
  }

  test_addinfo() {
    const info = new urllib_response.addinfo(this.fp, this.test_headers as unknown as Headers);
    assertEqual(info.info(), this.test_headers);
    assertEqual(info.headers, this.test_headers);
    info.close();
  }

  test_addinfourl() {
    const url = "http://www.python.org";
    const code = 200;
    const infourl = new urllib_response.addinfourl(
      this.fp,
      this.test_headers as unknown as Headers,
      url,
      code,
    );
    assertEqual(infourl.info(), this.test_headers);
    assertEqual(infourl.geturl(), url);
    assertEqual(infourl.getcode(), code);
    assertEqual(infourl.headers, this.test_headers);
    assertEqual(infourl.url, url);
    assertEqual(infourl.status, code);
    infourl.close();
  }

  tearDown() {
    this.sock.close();
    this.peer.close();
    this.listener.close();
  }
}

Deno.test({
  name:
    "TestResponse.test_with (ignored: it asserts the CPython-private base class tempfile._TemporaryFileWrapper)",
  ignore: true,
  fn() {},
});

for (const name of ["test_addclosehook", "test_addinfo", "test_addinfourl"] as const) {
  Deno.test(`TestResponse.${name}`, async () => {
    const t = new TestResponse();
    await t.setUp();
    try {
      t[name]();
    } finally {
      t.tearDown();
    }
  });
}
