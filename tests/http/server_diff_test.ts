// Differential test: the same raw requests go to a CPython 3.14 BaseHTTPRequestHandler (the oracle) and
// to our port of it; status lines, header names and order, bodies and how the connection ends must agree
// (Date and Server values aside).
import assert from "node:assert/strict";
import { BaseHTTPRequestHandler, ThreadingHTTPServer } from "../../http/server.ts";
import { repr } from "../../_util/repr.ts";
import { fromLatin1, needOracle, normalize, PEERS, rawExchange, startPython } from "./peers/_helpers.ts";

class Describe extends BaseHTTPRequestHandler {
  describe(): string {
    let out = `${this.command} ${this.path} ${this.request_version} ${
      this.close_connection ? "True" : "False"
    }\n`;
    for (const [k, v] of this.headers.items()) out += `${k}: ${repr(v)}\n`;
    return out;
  }
  reply(text: string, head = false): void {
    const body = new TextEncoder().encode(text);
    this.send_response(200);
    this.send_header("Content-Type", "text/plain; charset=utf-8");
    this.send_header("Content-Length", String(body.length));
    this.end_headers();
    if (!head) this.wfile.write(body);
  }
  do_GET(): void {
    if (this.path.startsWith("/err/")) {
      this.send_error(parseInt(this.path.slice(5, 8), 10), `msg <${this.path}> & co`);
      return;
    }
    if (this.path.startsWith("/explain/")) {
      this.send_error(400, null, `explain <b>${this.path}</b>`);
      return;
    }
    this.reply(this.describe());
  }
  do_HEAD(): void {
    if (this.path.startsWith("/err/")) {
      this.send_error(parseInt(this.path.slice(5, 8), 10));
      return;
    }
    this.reply(this.describe(), true);
  }
  async do_POST(): Promise<void> {
    const n = parseInt(this.headers.get("Content-Length", "0") || "0", 10);
    const data = await this.rfile.read(n);
    this.reply(this.describe() + repr(data) + "\n");
  }
  override log_message(): void {}
}
class Describe11 extends Describe {
  override protocol_version = "HTTP/1.1";
}

/** [name, protocol (10 or 11), chunks sent with a pause between them]. */
type Case = [string, 10 | 11, string[]];

function cases(): Case[] {
  const out: Case[] = [];
  const both = (name: string, chunks: string[]) => {
    out.push([name + " @1.0", 10, chunks]);
    out.push([name + " @1.1", 11, chunks]);
  };
  // Request lines: versions, word counts, whitespace, methods.
  const lines = [
    "GET / HTTP/1.0",
    "GET / HTTP/1.1",
    "GET /a/b?c=d#e HTTP/1.1",
    "GET / HTTP/1",
    "GET / HTTP/1.1.1",
    "GET / HTTP/a.b",
    "GET / HTTP/01.01",
    "GET / HTTP/0.9",
    "GET / HTTP/2.0",
    "GET / HTTP/3.0",
    "GET / HTTP/1.10",
    "GET / http/1.1",
    "GET / HTTP/1.00000000001",
    "GET / HTTP/12345678901.1",
    "GET / HTTP/1.\xb2",
    "GET / HTTP/+1.1",
    "GET / HTTP/1.-1",
    "GET / HTTP/ 1.1",
    "GET / extra HTTP/1.1",
    "GET / extra HTTP/1.0 ",
    "GET",
    "/",
    "   ",
    "",
    "GET  /spaced\t HTTP/1.1",
    "GET\x0b/vt\x0cHTTP/1.1",
    "GET\x1c/fs\x1dHTTP/1.1",
    "GET\x85/nel\xa0HTTP/1.1",
    "FOO / HTTP/1.1",
    "get / HTTP/1.1",
    "PATCH /p HTTP/1.1",
    "GET //evil.com/%2e%2e HTTP/1.1",
    "GET ///x//y HTTP/1.1",
    "GET //// HTTP/1.1",
    "GET /caf\xe9/\x01\x7f HTTP/1.1",
    "GET /%00/%ff HTTP/1.1",
    "GET /err/404 HTTP/1.1",
    "GET /err/418 HTTP/1.1",
    "GET /err/599 HTTP/1.1",
    "GET /err/204 HTTP/1.1",
    "GET /err/304 HTTP/1.1",
    "GET /err/100 HTTP/1.1",
    "GET /err/404/<script>alert(1)</script> HTTP/1.1",
    "GET /explain/<x>&amp; HTTP/1.1",
    "HEAD /err/404 HTTP/1.1",
    "HEAD /x HTTP/1.1",
    "OPTIONS * HTTP/1.1",
    "CONNECT example.com:443 HTTP/1.1",
    "GET http://example.com/abs HTTP/1.1",
  ];
  for (const l of lines) both(`line ${JSON.stringify(l)}`, [l + "\r\nHost: x\r\n\r\n"]);
  for (const l of lines.slice(0, 6)) both(`bare LF ${JSON.stringify(l)}`, [l + "\nHost: x\n\n"]);
  // HTTP/0.9.
  both("0.9 GET", ["GET /nine\r\n"]);
  both("0.9 GET bare LF", ["GET /nine\n"]);
  both("0.9 POST", ["POST /nine\r\n"]);
  both("0.9 HEAD", ["HEAD /nine\r\n"]);
  both("0.9 GET //x", ["GET //x\r\n"]);
  both("0.9 GET with would-be headers", ["GET /nine\r\nHost: x\r\n\r\n"]);
  // Headers.
  const hdr = (name: string, headers: string) => both(name, ["GET /h HTTP/1.1\r\n" + headers + "\r\n"]);
  hdr("no headers", "");
  hdr("folding", "X-Fold: a\r\n b\r\n\tc\r\nHost: x\r\n");
  hdr("duplicates", "X-Dup: 1\r\nX-Dup: 2\r\nx-dup: 3\r\n");
  hdr("no colon", "Host: x\r\nNoColon\r\nAfter: y\r\n");
  hdr("first is continuation", " cont\r\nHost: x\r\n");
  hdr("empty name", ": v\r\nHost: x\r\n");
  hdr("space before colon", "Host : x\r\nA\t: b\r\n");
  hdr("latin1 value", "X-L: caf\xe9 \xff\r\n");
  hdr("control chars", "X-C: a\x01b\x7fc\r\n");
  hdr("empty value", "X-E:\r\nX-F: \r\n");
  hdr("From line", "From nobody\r\nHost: x\r\n");
  hdr("CR only", "A: 1\rB: 2\r\n");
  hdr("connection close", "Connection: close\r\n");
  hdr("connection keep-alive", "Connection: keep-alive\r\n");
  hdr("connection Keep-Alive caps", "Connection: Keep-Alive\r\n");
  hdr("connection both", "Connection: keep-alive\r\nConnection: close\r\n");
  hdr("99 headers", Array.from({ length: 99 }, (_, i) => `H${i}: v\r\n`).join(""));
  hdr("100 headers", Array.from({ length: 100 }, (_, i) => `H${i}: v\r\n`).join(""));
  hdr("200 headers", Array.from({ length: 200 }, (_, i) => `H${i}: v\r\n`).join(""));
  hdr("long header 65000", "X-Long: " + "a".repeat(65000) + "\r\n");
  hdr("long header 65537", "X-Long: " + "a".repeat(65537) + "\r\n");
  // Request line length limits.
  both("line 65536", ["GET /" + "a".repeat(65536 - 16) + " HTTP/1.0\r\n\r\n"]);
  both("line 65537", ["GET /" + "a".repeat(65537 - 16) + " HTTP/1.0\r\n\r\n"]);
  both("line 70000", ["GET /" + "a".repeat(70000) + " HTTP/1.0\r\n\r\n"]);
  // Bodies.
  both("POST body", ["POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"]);
  both("POST split body", ["POST /p HTTP/1.1\r\nContent-Length: 10\r\n\r\nhello", "world"]);
  both("POST short body", ["POST /p HTTP/1.0\r\nContent-Length: 3\r\n\r\nabcdef"]);
  both("POST 1.0 close", ["POST /p HTTP/1.0\r\nContent-Length: 2\r\n\r\nok"]);
  both("POST binary", ["POST /p HTTP/1.1\r\nContent-Length: 4\r\nConnection: close\r\n\r\n\x00\xff\r\n"]);
  // Expect: 100-continue.
  both("expect 1.1", ["POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", "abc"]);
  both("expect 1.0", ["POST /e HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", "abc"]);
  both("expect caps", ["POST /e HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\n", "z"]);
  both("expect other", ["POST /e HTTP/1.1\r\nExpect: something\r\nContent-Length: 1\r\n\r\nz"]);
  // Keep-alive and pipelining.
  both("pipelined two", ["GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n"]);
  both("pipelined three, close last", [
    "GET /1 HTTP/1.1\r\n\r\nHEAD /2 HTTP/1.1\r\n\r\nGET /3 HTTP/1.1\r\nConnection: close\r\n\r\n",
  ]);
  both("pipelined then bad", ["GET /1 HTTP/1.1\r\n\r\nBAD\r\n\r\nGET /3 HTTP/1.1\r\n\r\n"]);
  both("pipelined post", ["POST /1 HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /2 HTTP/1.1\r\n\r\n"]);
  both("two writes", ["GET /1 HTTP/1.1\r\n\r\n", "GET /2 HTTP/1.1\r\nConnection: close\r\n\r\n"]);
  both("1.0 keep-alive then more", [
    "GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    "GET /2 HTTP/1.0\r\n\r\n",
  ]);
  both("blank line first", ["\r\nGET / HTTP/1.1\r\n\r\n"]);
  both("partial then close", ["GET / HTTP/1.1\r\nHost"]);
  out.push(...generated(160));
  return out;
}

/** Seeded random requests assembled from hostile pieces (mulberry32, fixed seed: reproducible). */
function generated(n: number): Case[] {
  let seed = 0x5eed1234;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const methods = ["GET", "GET", "HEAD", "POST", "PUT", "get", "G\x00T", "OPTIONS", "\xe9"];
  const paths = [
    "/",
    "//x",
    "/a?b=c",
    "/%zz",
    "/\xe9\xff",
    "*",
    "http://h/p",
    "/err/404",
    "/err/204",
    "/explain/<i>",
  ];
  const versions = [
    "HTTP/1.0",
    "HTTP/1.1",
    "HTTP/1.1",
    "HTTP/0.9",
    "HTTP/2",
    "HTTP/1.x",
    "",
    "HTTP/1.1 junk",
    "HTTP/1.01",
  ];
  const seps = [" ", " ", " ", "  ", "\t", "\x0b", "\xa0", "\x1f"];
  const eols = ["\r\n", "\r\n", "\n"];
  const headerPool = [
    "Host: x",
    "Connection: close",
    "Connection: keep-alive",
    "Expect: 100-continue",
    "X: y",
    " folded continuation",
    "Bad Header Line",
    ": empty name",
    "X-Bin: \x00\x7f\x80\xff",
    "\xff: v",
    "Dup: 1",
    "Dup: 2",
  ];
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const eol = pick(eols);
    const method = pick(methods), version = pick(versions);
    let req = method + pick(seps) + pick(paths) + (version ? pick(seps) + version : "") + eol;
    const headers: string[] = [];
    for (let k = Math.floor(rnd() * 5); k > 0; k--) headers.push(pick(headerPool));
    let body = "";
    if (method === "POST" || method === "PUT") {
      body = "b".repeat(Math.floor(rnd() * 20));
      headers.push(`Content-Length: ${body.length}`);
    }
    if (rnd() < 0.2) headers.push("X-Long: " + "L".repeat(Math.floor(rnd() * 70000)));
    req += headers.map((h) => h + eol).join("") + eol + body;
    if (rnd() < 0.25) req += "GET /second HTTP/1.1" + eol + eol; // pipelined follow-up
    out.push([`generated #${i}`, rnd() < 0.5 ? 10 : 11, [req]]);
  }
  return out;
}

Deno.test("differential: raw requests against CPython's BaseHTTPRequestHandler", async () => {
  if (!needOracle()) return;
  const py = await startPython(PEERS + "diff_server.py");
  const ours10 = new ThreadingHTTPServer(["127.0.0.1", 0], Describe);
  const ours11 = new ThreadingHTTPServer(["127.0.0.1", 0], Describe11);
  const s10 = ours10.serve_forever(0.05), s11 = ours11.serve_forever(0.05);
  try {
    assert.equal(py.ports.length, 2, "python peer did not report its ports");
    const all = cases();
    const failures: string[] = [];
    let agree = 0;
    const batch = 12;
    for (let i = 0; i < all.length; i += batch) {
      await Promise.all(
        all.slice(i, i + batch).map(async ([name, proto, chunks]) => {
          const [pyPort, ourPort] = proto === 10
            ? [py.ports[0], ours10.server_address[1]]
            : [py.ports[1], ours11.server_address[1]];
          // A server that closes with unread input sends a reset, and a reset may discard response
          // bytes the client had not read yet (on either side, depending on timing). Such a case is
          // retried; it agrees if any attempt gives identical answers.
          let last = "";
          for (let attempt = 0; attempt < 4; attempt++) {
            const [theirs, mine] = await Promise.all([
              rawExchange(pyPort, chunks, 300),
              rawExchange(ourPort, chunks, 300),
            ]);
            const a = normalize(fromLatin1(theirs.data)), b = normalize(fromLatin1(mine.data));
            const endA = theirs.end === "reset" ? "closed" : theirs.end;
            const endB = mine.end === "reset" ? "closed" : mine.end;
            if (a === b && endA === endB) {
              agree++;
              return;
            }
            last = `${name}\n  cpython (${theirs.end}): ${
              JSON.stringify(a.slice(0, 600))
            }\n  ours    (${mine.end}): ${JSON.stringify(b.slice(0, 600))}`;
            const slow = (x: { end: string; data: Uint8Array }) => x.end === "open" && !x.data.length;
            if (theirs.end !== "reset" && mine.end !== "reset" && !slow(theirs) && !slow(mine)) break;
          }
          failures.push(last);
        }),
      );
    }
    console.log(`http.server differential: ${agree}/${all.length} cases agree`);
    assert.deepEqual(failures, []);
  } finally {
    await ours10.shutdown();
    await ours11.shutdown();
    await s10;
    await s11;
    await ours10.server_close();
    await ours11.server_close();
    await py.stop();
  }
});
