// handle_one_request() runs as steps (synchronous while the request is buffered): the hooks a subclass may
// override keep CPython's contract, whether they answer at once or with a Promise; and the status and header
// lines remembered between responses are always the ones asked for.
import assert from "node:assert/strict";
import { BaseHTTPRequestHandler, HTTPServer } from "../../http/server.ts";
import { HTTPMessage } from "../../http/client.ts";
import { TimeoutError } from "../../_util/exceptions.ts";
import { fromLatin1, rawExchange, withServer } from "./peers/_helpers.ts";

/** A 200 response with `text` as its body. */
function answer(handler: BaseHTTPRequestHandler, text: string): void {
  const body = new TextEncoder().encode(text);
  handler.send_response(200);
  handler.send_header("Content-Length", body.length);
  handler.end_headers();
  handler.wfile.write(body);
}

const GET = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`;

/** The responses' status lines and bodies on one keep-alive connection. */
async function exchange(port: number, requests: string[]): Promise<{ text: string; end: string }> {
  const { data, end } = await rawExchange(port, requests);
  return { text: fromLatin1(data), end };
}

Deno.test("handle_one_request: a parse_request() override may answer with a boolean, at once", async () => {
  class Sync extends BaseHTTPRequestHandler {
    override protocol_version = "HTTP/1.1";
    // Parses the request line itself and answers true at once, as a Python override would; the headers
    // stay unread, so the connection closes after the response.
    override parse_request(): Promise<boolean> {
      const line = new TextDecoder().decode(this.raw_requestline).trim();
      const [command, path, version] = line.split(" ");
      this.requestline = line;
      this.command = command;
      this.path = path;
      this.request_version = version;
      this.headers = new HTTPMessage();
      this.close_connection = true;
      return true as unknown as Promise<boolean>; // a plain boolean, as a Python override returns
    }
    do_GET(): void {
      answer(this, `path=${this.path}`);
    }
    override log_message(): void {}
  }
  await withServer(new HTTPServer(["127.0.0.1", 0], Sync), async (port) => {
    const { text, end } = await exchange(port, [GET("/a")]);
    assert.match(text, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(text, /\r\n\r\npath=\/a$/);
    assert.equal(end, "closed");
  });
});

Deno.test("handle_one_request: parse_request() answering false ends the connection without a response", async () => {
  let calls = 0;
  class Refuse extends BaseHTTPRequestHandler {
    override protocol_version = "HTTP/1.1";
    override parse_request(): Promise<boolean> {
      calls++;
      return false as unknown as Promise<boolean>;
    }
    do_GET(): void {
      throw new Error("not dispatched");
    }
    override log_message(): void {}
  }
  await withServer(new HTTPServer(["127.0.0.1", 0], Refuse), async (port) => {
    const { text, end } = await exchange(port, [GET("/"), GET("/")]);
    assert.equal(text, "");
    assert.equal(end, "closed");
    assert.equal(calls, 1);
  });
});

Deno.test("handle_one_request: an async parse_request() override is awaited before dispatch", async () => {
  class Rewrite extends BaseHTTPRequestHandler {
    override protocol_version = "HTTP/1.1";
    override async parse_request(): Promise<boolean> {
      const ok = await super.parse_request();
      await new Promise((r) => setTimeout(r, 5));
      this.path = "/rewritten" + this.path;
      return ok;
    }
    do_GET(): void {
      answer(this, this.path);
    }
    override log_message(): void {}
  }
  await withServer(new HTTPServer(["127.0.0.1", 0], Rewrite), async (port) => {
    const { text, end } = await exchange(port, [GET("/one"), GET("/two")]);
    assert.match(text, /\/rewritten\/one/);
    assert.match(text, /\/rewritten\/two$/);
    assert.equal(end, "open");
  });
});

Deno.test("handle_one_request: TimeoutError from a handler is logged as CPython's and closes the connection", async () => {
  const logged: string[] = [];
  class Slow extends BaseHTTPRequestHandler {
    override protocol_version = "HTTP/1.1";
    async do_GET(): Promise<void> {
      await Promise.resolve();
      throw new TimeoutError("timed out");
    }
    override log_message(format: string, ...args: unknown[]): void {
      logged.push(format.replace("%r", String(args[0])));
    }
  }
  await withServer(new HTTPServer(["127.0.0.1", 0], Slow), async (port) => {
    const { text, end } = await exchange(port, [GET("/"), GET("/")]);
    assert.equal(text, "");
    assert.equal(end, "closed");
  });
  assert.equal(logged.length, 1);
  assert.match(logged[0], /^Request timed out: /);
});

Deno.test("send_response_only/send_header: remembered lines are always the ones asked for", async () => {
  let n = 0;
  const errors: string[] = [];
  class Lines extends BaseHTTPRequestHandler {
    override protocol_version = "HTTP/1.1";
    do_GET(): void {
      n++;
      if (this.path === "/teapot") this.send_response(418, "Short and stout");
      else this.send_response(200);
      for (let i = 0; i < 2; i++) {
        // Not Latin-1: CPython raises as it buffers, every time, and nothing is buffered.
        try {
          this.send_header("X-Euro", "\u20ac");
        } catch (e) {
          errors.push((e as Error).name);
        }
      }
      this.send_header("X-Count", n);
      this.send_header("X-Long", "v".repeat(300 + n));
      this.send_header("Content-Length", 0);
      this.end_headers();
    }
    override log_message(): void {}
  }
  await withServer(new HTTPServer(["127.0.0.1", 0], Lines), async (port) => {
    const { text } = await exchange(port, [GET("/"), GET("/teapot"), GET("/"), GET("/")]);
    const heads = text.split("\r\n\r\n").filter((h) => h);
    assert.equal(heads.length, 4);
    const status = heads.map((h) => h.split("\r\n")[0]);
    assert.deepEqual(status, [
      "HTTP/1.1 200 OK",
      "HTTP/1.1 418 Short and stout",
      "HTTP/1.1 200 OK",
      "HTTP/1.1 200 OK",
    ]);
    heads.forEach((h, i) => {
      assert.ok(h.includes(`\r\nX-Count: ${i + 1}\r\n`), h);
      assert.ok(h.includes(`\r\nX-Long: ${"v".repeat(300 + i + 1)}\r\n`));
      assert.ok(!h.includes("X-Euro"));
    });
  });
  assert.deepEqual(errors, Array(8).fill("UnicodeEncodeError"));
});

Deno.test("handle_one_request: repeated and changed requests on one connection each parse as sent", async () => {
  // The reader hands back the same strings for a repeated line or head, and the handler reuses what it made
  // of them; a request that differs in one byte must still be seen as it is.
  const seen: string[] = [];
  class Record extends BaseHTTPRequestHandler {
    override protocol_version = "HTTP/1.1";
    do_GET(): void {
      seen.push(`${this.requestline}|${this.path}|${[...this.headers.items()].join(";")}`);
      answer(this, "ok");
    }
    override log_message(): void {}
  }
  const requests = [
    GET("/a"),
    GET("/a"),
    GET("/b"),
    "GET /b HTTP/1.1\r\nHost: y\r\n\r\n",
    "GET /b HTTP/1.1\r\nHost: y\r\nX: 1\r\n\r\n",
    GET("/a"),
  ];
  await withServer(new HTTPServer(["127.0.0.1", 0], Record), async (port) => {
    await exchange(port, requests);
  });
  assert.deepEqual(seen, [
    "GET /a HTTP/1.1|/a|Host,x",
    "GET /a HTTP/1.1|/a|Host,x",
    "GET /b HTTP/1.1|/b|Host,x",
    "GET /b HTTP/1.1|/b|Host,y",
    "GET /b HTTP/1.1|/b|Host,y;X,1",
    "GET /a HTTP/1.1|/a|Host,x",
  ]);
});
