import assert from "node:assert/strict";
import {
  HTTPMessage,
  parseHeaderBlock,
  parseHeaderLines,
  readHeaderLines,
  readHeaders,
} from "../../_util/message.ts";
import { contains, len } from "../../_util/builtins.ts";
import { TypeError as PyTypeError } from "../../_util/exceptions.ts";
import { BufferedReader, BufferedWriter } from "../../_util/stream.ts";
import { HTTPException, LineTooLong, MAXHEADERS, MAXLINE } from "../../http/_exceptions.ts";
import { normalize, oracle, oracleTest } from "../_oracle.ts";

const limits = {
  maxLine: MAXLINE,
  maxHeaders: MAXHEADERS,
  lineTooLong: () => new LineTooLong("header line"),
  tooMany: () => new HTTPException(`got more than ${MAXHEADERS} headers`),
};

function source(data: Uint8Array, chunk = 7) {
  let off = 0;
  return {
    read(p: Uint8Array): Promise<number | null> {
      if (off >= data.length) return Promise.resolve(null);
      const n = Math.min(chunk, p.length, data.length - off);
      p.set(data.subarray(off, off + n));
      off += n;
      return Promise.resolve(n);
    },
  };
}

const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function randomBlock(rng: () => number): string {
  const atoms = [
    "Host: a",
    'Content-Type: text/html; charset="UTF-8"',
    "content-type: multipart/form-data; boundary=xyz ",
    "X:",
    "X :y",
    ":v",
    " cont",
    "\tmore",
    "From me",
    "bad line",
    "Set-Cookie: a=1",
    "set-cookie: b=2",
    "K: caf\xc3\xa9",
    "A: 1\rB: 2",
    "Content-Type: text/plain; title*=utf-8''%E2%82%AC; name*0=a; name*1*=%41",
    'Content-Type: text/plain; q="a\\"b;c"; empty; =v',
    'Content-Disposition: attachment; filename="x y.txt"',
    "Content-Type: TEXT",
    'Content-Type: text/html; charset=""',
  ];
  const n = Math.floor(rng() * 6);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(atoms[Math.floor(rng() * atoms.length)]);
  const eol = rng() < 0.8 ? "\r\n" : "\n";
  return lines.map((l) => l + eol).join("") + eol + (rng() < 0.3 ? "tail" : "");
}

function mulberry(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function ours(block: string) {
  // Both paths: bytes lines then parse (parse_headers' shape), and the text fast path the client
  // and server use; they must agree with each other and with CPython.
  let fast: HTTPMessage | Error;
  try {
    fast = await readHeaders(new BufferedReader(source(enc(block)), 16), limits, HTTPMessage);
  } catch (e) {
    fast = e as Error;
  }
  // Lookups on a message just parsed (its fields still in the parsed text), before anything else.
  const lookups = fast instanceof HTTPMessage
    ? [
      fast.get("x"),
      fast.get("HOST"),
      fast.has("From"),
      fast.size,
      fast.get_all("Set-Cookie"),
      fast.get_all("content-TYPE"),
    ]
    : null;
  const r = new BufferedReader(source(enc(block)), 16);
  try {
    const m = parseHeaderLines(await readHeaderLines(r, limits), HTTPMessage);
    assert.ok(fast instanceof HTTPMessage, `fast path raised ${fast} on ${JSON.stringify(block)}`);
    assert.deepEqual(fast.items().map((x) => [...x]), m.items().map((x) => [...x]));
    assert.equal(fast.get_payload(), m.get_payload());
    assert.deepEqual(fast.defects, m.defects);
    return {
      ok: [
        lookups,
        m.items().map((x) => [...x]),
        m.get_payload(),
        m.defects.map((d) => d.name),
        m.get_content_type(),
        m.get_content_charset(),
        m.get_params()?.map((x) => [...x].map((v) => Array.isArray(v) ? [...v] : v)) ?? null,
        m.get_param("charset"),
        m.get_filename(),
        m.get_boundary(),
        m.get_all("set-cookie"),
        new TextDecoder("latin1").decode(await r.read()) === "" ? "" : "rest",
      ],
    };
  } catch (e) {
    if ((e as Error).name === "AssertionError") throw e;
    assert.ok(fast instanceof Error && fast.name === (e as Error).name, "both paths raise the same error");
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

const PY = `
# email's parser also parses a multipart payload; header blocks have none, so its body defects are left out.
import http.client, io
def run(c):
    fp = io.BytesIO(c.encode("latin-1"))
    m = http.client.parse_headers(fp)
    return [[m.get("x"), m.get("HOST"), "From" in m, len(m), m.get_all("Set-Cookie"), m.get_all("content-TYPE")],
            m.items(), m.get_payload(), [type(d).__name__ for d in m.defects if type(d).__name__ not in ("StartBoundaryNotFoundDefect", "MultipartInvariantViolationDefect")], m.get_content_type(),
            m.get_content_charset(), m.get_params(), m.get_param("charset"), m.get_filename(), m.get_boundary(),
            m.get_all("set-cookie"), "" if fp.read() == b"" else "rest"]
`;

oracleTest("parse_headers and HTTPMessage agree with CPython on 3,000 generated header blocks", async () => {
  const rng = mulberry(42);
  const blocks = Array.from({ length: 3000 }, () => randomBlock(rng));
  blocks.push(
    "A: " + "x".repeat(MAXLINE) + "\r\n\r\n",
    "A: b\r\n".repeat(101) + "\r\n",
    "A: b\r\n".repeat(99) + "\r\n",
  );
  const want = await oracle(PY, blocks);
  for (let i = 0; i < blocks.length; i++) {
    const got = await ours(blocks[i]);
    const w = want[i] as { ok?: unknown[] };
    if (w.ok && (got as { ok?: unknown[] }).ok) {
      const g = (got as { ok: unknown[] }).ok;
      const norm = (x: unknown) => JSON.parse(JSON.stringify(x));
      assert.deepEqual(norm(g), norm(w.ok), `block ${JSON.stringify(blocks[i])}`);
    } else assert.deepEqual(got, want[i], `block ${JSON.stringify(blocks[i])}`);
  }
});

Deno.test("BufferedReader.readlineLatin1 returns what readline returns, as ISO-8859-1 text", async () => {
  const data = "caf\xe9\xff\r\n" + "x".repeat(300) + "\n\x80\x9f tail";
  const a = new BufferedReader(source(enc(data), 5), 8);
  const b = new BufferedReader(source(enc(data), 5), 8);
  // The synchronous form, on a reader that gets everything in one read, and on one that trickles.
  const c = new BufferedReader(source(enc(data), 1 << 16), 1 << 16);
  const d = new BufferedReader(source(enc(data), 5), 8);
  assert.equal(c.readlineLatin1Buffered(), null, "nothing is buffered before the first read");
  await c.peek();
  for (const limit of [-1, 4, -1, 1000, -1, -1]) {
    const want = String.fromCharCode(...await a.readline(limit));
    assert.equal(await b.readlineLatin1(limit), want);
    assert.equal(c.readlineLatin1Buffered(limit) ?? await c.readlineLatin1(limit), want);
    assert.equal(d.readlineLatin1Buffered(limit) ?? await d.readlineLatin1(limit), want);
  }
  assert.equal(c.readlineLatin1Buffered(), null, "at EOF there is no buffered line");
  assert.equal(await c.readlineLatin1(), "");
});

Deno.test("BufferedReader: readline limits, read(n), read1, peek over tiny chunks", async () => {
  const r = new BufferedReader(source(enc("line one\nline two\r\nrest of it"), 3), 4);
  assert.equal(new TextDecoder().decode(await r.readline()), "line one\n");
  assert.equal(new TextDecoder().decode(await r.readline(4)), "line");
  assert.equal(new TextDecoder().decode(await r.readline()), " two\r\n");
  assert.equal(new TextDecoder().decode(await r.peek(2)).slice(0, 2), "re");
  assert.equal(new TextDecoder().decode(await r.read(4)), "rest");
  assert.equal((await r.read1(100)).length > 0, true);
  await r.read();
  assert.equal((await r.read()).length, 0);
  assert.equal((await r.readline()).length, 0);
});

Deno.test("BufferedWriter coalesces same-tick writes and keeps peer errors for flush()", async () => {
  const writes: number[] = [];
  const w = new BufferedWriter({
    write(p: Uint8Array) {
      writes.push(p.length);
      return Promise.resolve(p.length);
    },
  });
  w.write("HTTP/1.0 200 OK\r\n");
  w.write("A: b\r\n\r\n");
  w.write("body");
  await w.flush();
  assert.deepEqual(writes, [29]);
  const broken = new BufferedWriter({ write: () => Promise.reject(new Deno.errors.BrokenPipe("gone")) });
  broken.write("x");
  await assert.rejects(() => broken.flush(), (e: Error) => e.name === "BrokenPipeError");
  assert.throws(() => broken.write("y"), (e: Error) => e.name === "BrokenPipeError");
});

// The email.message.Message reading API that CPython's HTTPMessage inherits, on generated messages
// (header block, blank line, payload), parsed by both sides and asked the same questions.
const API_HEADERS = [
  "X-A: 1",
  "x-a: 2",
  "Content-Type: text/html; charset=\"ISO-8859-1\"; title*=us-ascii'en'This%20is%20%2A%2A%2Afun%2A%2A%2A",
  'Content-Type: multipart/mixed; boundary="==b=="',
  "Content-Type: image/PNG; name=pic.png",
  "Content-Type: bogus",
  'Content-Disposition: attachment; filename="x y.txt"',
  "Content-Disposition: INLINE",
  "Content-Disposition: attachment; filename*=utf-8''caf%C3%A9.txt",
  "Content-Transfer-Encoding: base64",
  "Content-Transfer-Encoding: quoted-printable",
  "Content-Transfer-Encoding: 8bit",
  "Content-Type: text/plain; charset*=utf-8''UTF-8",
];
const API_PAYLOADS = [
  "",
  "aGVsbG8gd29ybGQ=\n",
  "aGVsbG8gd29y\nbGQ\n",
  "caf=C3=A9 soft=\nbreak =3d end\n",
  "caf\xe9 plain\n",
  "not base64 !!\n",
  "line one  \nline two=20\n",
  "a= \nb=\r\nc==d=4g=a1=",
];

function apiCases(): string[] {
  const rng = mulberry(7);
  const out: string[] = [];
  for (let i = 0; i < 600; i++) {
    const n = Math.floor(rng() * 4);
    const lines: string[] = [];
    for (let j = 0; j < n; j++) lines.push(API_HEADERS[Math.floor(rng() * API_HEADERS.length)]);
    // email's feedparser parses a multipart payload; a header block has none, so keep payloads single-part.
    const multipart = lines.some((l) => /multipart/i.test(l));
    const payload = multipart ? "" : API_PAYLOADS[Math.floor(rng() * API_PAYLOADS.length)];
    out.push(lines.map((l) => l + "\n").join("") + "\n" + payload);
  }
  return out;
}

const API_PY = `
import email.parser, http.client
def run(text):
    m = email.parser.Parser(_class=http.client.HTTPMessage).parsestr(text)
    return [m.get_charset(), m.get_content_type(), m.get_content_maintype(), m.get_content_subtype(),
            m.get_default_type(), m.get_params(), m.get_params(header="content-disposition"),
            m.get_params(failobj="none", header="x-missing"), m.get_param("charset"),
            m.get_param("filename", header="content-disposition"), m.get_param("title", unquote=False),
            m.get_param("name", failobj=0), m.get_filename(), m.get_filename(failobj="f"), m.get_boundary(),
            m.get_content_charset(), m.get_content_charset(failobj="cs"), m.get_charsets(), m.get_charsets("x"),
            m.get_content_disposition(), m.get_all("x-a"), m.get_all("missing", failobj=[]), m.keys(),
            m.values(), m.items(), m.get("X-A"), m.get("missing", "dflt"), m.is_multipart(), len(m),
            "x-a" in m, m["content-type"], m.get_payload(), m.get_payload(decode=True),
            len(list(m.walk())), m.getallmatchingheaders("x-a"), changed(text)]
def changed(text):
    # Changes to messages just parsed: each kind of change first, then what reads see.
    p = lambda: email.parser.Parser(_class=http.client.HTTPMessage).parsestr(text)
    a = p(); a["Z"] = "1"; del a["x-a"]
    b = p(); del b["content-type"]
    c = p(); c.add_header("X-B", "v", q="1")
    d = p()
    try:
        d.replace_header("X-A", "r")
    except KeyError:
        pass
    return [a.items(), len(a), a.get("z"), "x-a" in a, b.keys(), b.get_all("x-a"), c.items(), d.get_all("x-a"),
            str(p())]
`;

function apiOurs(text: string): unknown {
  const m = parseHeaderBlock(text, new HTTPMessage());
  return [
    m.get_charset(),
    m.get_content_type(),
    m.get_content_maintype(),
    m.get_content_subtype(),
    m.get_default_type(),
    m.get_params(),
    m.get_params({ header: "content-disposition" }),
    m.get_params({ failobj: "none", header: "x-missing" }),
    m.get_param("charset"),
    m.get_param("filename", { header: "content-disposition" }),
    m.get_param("title", { unquote: false }),
    m.get_param("name", { failobj: 0 }),
    m.get_filename(),
    m.get_filename({ failobj: "f" }),
    m.get_boundary(),
    m.get_content_charset(),
    m.get_content_charset({ failobj: "cs" }),
    m.get_charsets(),
    m.get_charsets("x"),
    m.get_content_disposition(),
    m.get_all("x-a"),
    m.get_all("missing", { failobj: [] }),
    m.keys(),
    m.values(),
    m.items(),
    m.get("X-A"),
    m.get("missing", "dflt"),
    m.is_multipart(),
    len(m),
    contains(m, "x-a"),
    m.__getitem__("content-type"),
    m.get_payload(),
    m.get_payload({ decode: true }),
    [...m.walk()].length,
    m.getallmatchingheaders("x-a"),
    changed(text),
  ].map(normalize);
}

function changed(text: string): unknown[] {
  const p = () => parseHeaderBlock(text, new HTTPMessage());
  const a = p();
  a.__setitem__("Z", "1");
  a.__delitem__("x-a");
  const b = p();
  b.__delitem__("content-type");
  const c = p();
  c.add_header("X-B", "v", { q: "1" });
  const d = p();
  try {
    d.replace_header("X-A", "r");
  } catch { /* KeyError, as in Python */ }
  return [
    a.items(),
    len(a),
    a.get("z"),
    contains(a, "x-a"),
    b.keys(),
    b.get_all("x-a"),
    c.items(),
    d.get_all("x-a"),
    String(p()),
  ].map(
    normalize,
  );
}

oracleTest(
  "HTTPMessage's email.message.Message reading API agrees with CPython on 600 generated messages",
  async () => {
    const cases = apiCases();
    const want = await oracle(API_PY, cases);
    const json = (x: unknown) => JSON.parse(JSON.stringify(x));
    for (let i = 0; i < cases.length; i++) {
      assert.deepEqual(json({ ok: apiOurs(cases[i]) }), json(want[i]), `message ${JSON.stringify(cases[i])}`);
    }
  },
);

Deno.test("HTTPMessage: keyword calls bind like CPython's Message methods", () => {
  const m = parseHeaderBlock("Content-Type: text/plain; charset=utf-8\n\n", new HTTPMessage());
  assert.equal(m.get({ name: "content-type" }), "text/plain; charset=utf-8");
  assert.equal(m.get_param({ param: "charset" }), "utf-8");
  assert.throws(
    () => m.get_param("charset", { bogus: 1 } as never),
    (e: Error) =>
      e instanceof PyTypeError &&
      e.message === "Message.get_param() got an unexpected keyword argument 'bogus'",
  );
  assert.throws(
    () => (m.getallmatchingheaders as (...a: unknown[]) => unknown)("a", { name: "b" }),
    (e: Error) => e.message === "HTTPMessage.getallmatchingheaders() got multiple values for argument 'name'",
  );
  assert.throws(
    () => m.get_payload(0 as never),
    (e: Error) => e.message === "Expected list, got <class 'str'>",
  );
  m.add_header("Content-Disposition", "attachment", { filename: "a b.txt", size_hint: null });
  assert.equal(m.get("content-disposition"), 'attachment; filename="a b.txt"; size-hint');
  m.replace_header({ _name: "content-type", _value: "text/html" });
  assert.equal(m.get_content_type(), "text/html");
  m.set_default_type({ ctype: "message/rfc822" });
  assert.equal(m.get_default_type(), "message/rfc822");
});

Deno.test("HTTPMessage.add_header quotes parameters as email.message._formatparam does", () => {
  const m = new HTTPMessage();
  m.add_header("X", "v", {
    a: "1",
    b: "",
    c: null,
    d: "\u20ac x",
    e: 'a"b',
    f_g: "x y",
    t: ["iso-8859-1", "en", "caf\xe9"],
    u: [null, null, "a b"],
    w: [null, "en", "a b"],
    z: ["latin-1", null, "\xe9"],
  });
  m.add_header("Y", null, { a: "1" });
  // What CPython 3.14 gives for the same calls.
  assert.deepEqual(m.items().map((t) => [...t]), [
    [
      "X",
      `v; a="1"; b; c; d*=utf-8''%E2%82%AC%20x; e="a\\"b"; f-g="x y"; t*=iso-8859-1'en'caf%E9; u*=a%20b; w*=None'en'a%20b; z*=latin-1''%E9`,
    ],
    ["Y", 'a="1"'],
  ]);
});

Deno.test("header parsing calls set_unixfrom and set_payload as email's feedparser does (a subclass sees them)", () => {
  // CPython 3.14 (parse_headers with such a subclass): set_unixfrom('From x'), set_raw per field, set_payload('').
  const calls: string[] = [];
  class Watched extends HTTPMessage {
    override set_unixfrom(...args: unknown[]): void {
      calls.push(`set_unixfrom ${JSON.stringify(args)}`);
      (super.set_unixfrom as (...a: unknown[]) => void)(...args);
    }
    override set_payload(...args: unknown[]): void {
      calls.push(`set_payload ${JSON.stringify(args)}`);
      (super.set_payload as (...a: unknown[]) => void)(...args);
    }
  }
  const m = parseHeaderBlock("From x\r\nA: 1\r\nB: 2\r\n\r\n", new Watched());
  assert.deepEqual(calls, ['set_unixfrom ["From x"]', 'set_payload [""]']);
  assert.deepEqual(m.items().map((t) => [...t]), [["A", "1"], ["B", "2"]]);
  assert.equal(m.get_unixfrom(), "From x");
});

Deno.test("parseHeaderBlock: the same block again gives its own message, equal and independent; defects every time", () => {
  const pairs = (m: HTTPMessage) => [...m.items()].map(([k, v]) => [k, v]);
  const text = "GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n\r\n";
  const from = text.indexOf("\n") + 1;
  const a = parseHeaderBlock(text, new HTTPMessage(), from);
  const b = parseHeaderBlock(text, new HTTPMessage(), from);
  assert.deepEqual(pairs(b), [["Host", "h"], ["X-A", "1"]]);
  a.set("X-B", "2");
  a.delete("Host");
  assert.deepEqual(pairs(b), [["Host", "h"], ["X-A", "1"]]);
  assert.deepEqual(pairs(parseHeaderBlock(text, new HTTPMessage(), from)), [["Host", "h"], ["X-A", "1"]]);
  // Another start in the same text is another block.
  assert.deepEqual(pairs(parseHeaderBlock(text, new HTTPMessage(), 0)), []);
  // A block with a defect, or an envelope line, is parsed anew each time: its defects are recorded each time.
  for (const bad of [" lead: 1\r\nA: 1\r\n\r\n", "From x\r\nA: 1\r\n\r\n", "A: 1\r\nno colon\r\n"]) {
    const first = parseHeaderBlock(bad, new HTTPMessage());
    const again = parseHeaderBlock(bad, new HTTPMessage());
    assert.deepEqual(again.defects, first.defects);
    assert.deepEqual(pairs(again), pairs(first));
    assert.equal(again.get_payload(), first.get_payload());
    assert.equal(again.get_unixfrom(), first.get_unixfrom());
  }
  // The payload after the blank line comes back each time.
  const withBody = "A: 1\r\n\r\nbody";
  parseHeaderBlock(withBody, new HTTPMessage());
  assert.equal(parseHeaderBlock(withBody, new HTTPMessage()).get_payload(), "body");
});
