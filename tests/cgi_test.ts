// cgi: differential tests against Python 3.11's cgi module (python3), unit
// tests, a 100 MB upload with bounded memory, and hostile multipart bodies.

import { catch_warnings, simplefilter } from "../warnings.ts";
import assert from "node:assert/strict";
import cgi, {
  BytesIO,
  closelog,
  dolog,
  FieldStorage,
  initlog,
  log,
  logfile,
  MiniFieldStorage,
  nolog,
  parse,
  parse_header,
  parse_multipart,
} from "../cgi.ts";
import { kw } from "../_util/signature.ts";
import { StringIO } from "../io.ts";
import type { FieldItem } from "../cgi.ts";
import { repr } from "../_util/repr.ts";
import { findPython311, fromLatin1, latin1, peerTest, rng, runPython } from "./wsgi/_helpers.ts";

const PEER = new URL("./wsgi/peers/cgi_peer.py", import.meta.url).pathname;
const HINT = "python3 with the cgi module (Python ≤ 3.12), e.g. `apt-get install python3`";

function enc(v: unknown): unknown {
  if (v instanceof FieldStorage || v instanceof MiniFieldStorage) return summ(v);
  if (v instanceof Uint8Array) return { $b: latin1(v) };
  if (Array.isArray(v)) return v.map(enc);
  if (v !== null && typeof v === "object") {
    return Object.entries(v).map(([k, x]) => [k, enc(x)]).sort((a, b) =>
      (a[0] as string) < (b[0] as string) ? -1 : 1
    );
  }
  return v === undefined ? null : v;
}

function summ(item: FieldItem): unknown {
  if (item instanceof MiniFieldStorage) return ["mini", item.name, item.value];
  if (item.list !== null) {
    return [
      "form",
      item.name,
      item.type,
      (item.keys().filter((k) => k !== null) as string[]).sort(),
      item.list.map(summ),
    ];
  }
  return [
    "part",
    item.name,
    item.filename,
    item.type,
    enc(item.type_options),
    item.disposition,
    enc(item.disposition_options),
    enc(item.value),
  ];
}

type Case = Record<string, unknown> & { kind: string };

async function ours(c: Case): Promise<unknown> {
  try {
    if (c.kind === "header") {
      const [key, pdict] = parse_header(c.line as string);
      return { ok: [key, enc(pdict)] };
    }
    if (c.kind === "fs") {
      const fs = await FieldStorage.create({
        fp: new BytesIO(fromLatin1(c.body as string)),
        environ: { ...(c.environ as Record<string, string>) },
        ...(c.opts as Record<string, unknown> ?? {}),
      });
      const out = summ(fs) as unknown[];
      if (fs.list !== null) {
        const keys = (fs.keys().filter((k) => k !== null) as string[]).sort();
        out.push(keys.map((k) => [k, enc(fs.getlist(k)), enc(fs.getfirst(k)), enc(fs.getvalue(k))]));
      }
      fs.close();
      return { ok: out };
    }
    if (c.kind === "multipart") {
      const pdict: Record<string, string | Uint8Array> = { boundary: fromLatin1(c.boundary as string) };
      if ("length" in c) pdict["CONTENT-LENGTH"] = c.length as string;
      const r = await parse_multipart(new BytesIO(fromLatin1(c.body as string)), pdict, c.opts ?? {});
      return {
        ok: Object.entries(r).map(([k, v]) => [k, enc(v)] as [string, unknown]).sort((
          a,
          b,
        ) => (a[0] < b[0] ? -1 : 1)),
      };
    }
    if (c.kind === "parse") {
      const env = { ...(c.environ as Record<string, string>) };
      const o = (c.opts ?? {}) as Record<string, unknown>;
      const r = await parse(
        new BytesIO(fromLatin1(c.body as string)),
        env,
        (o.keep_blank_values as number) ?? 0,
        (o.strict_parsing as number) ?? 0,
        (o.separator as string) ?? "&",
      );
      return {
        ok: [
          Object.entries(r).map(([k, v]) => [k, enc(v)] as [string, unknown]).sort((
            a,
            b,
          ) => (a[0] < b[0] ? -1 : 1)),
          env.QUERY_STRING ?? null,
        ],
      };
    }
    throw new Error("bad case");
  } catch (e) {
    const err = e as Error;
    return { error: err.name, message: err.message };
  }
}

// ---------------------------------------------------------------- generators

const NAMES = ["a", "b", "name", "file", "x y", "é", "k;v", 'q"t', "", "multi"];
const TEXTS = [
  "",
  "1",
  "hello world",
  "line1\r\nline2",
  "a\nb",
  "trailing\r",
  "ü€",
  "--not-a-boundary",
  "=&;",
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function randomBytes(r: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) {
    const k = r();
    s += String.fromCharCode(k < 0.05 ? 10 : k < 0.08 ? 13 : Math.floor(r() * 256));
  }
  return s;
}

function utf8(s: string): string {
  return latin1(new TextEncoder().encode(s));
}

function multipartBody(r: () => number, boundary: string): { body: string; fields: number } {
  const nl = r() < 0.85 ? "\r\n" : "\n";
  let body = r() < 0.2 ? "preamble text" + nl : "";
  const n = 1 + Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    body += `--${boundary}${r() < 0.1 ? "  " : ""}${nl}`;
    const name = pick(r, NAMES);
    const isFile = r() < 0.4;
    let disp = `Content-Disposition: form-data; name="${name.replaceAll('"', '\\"')}"`;
    if (isFile) disp += `; filename="${pick(r, ["a.txt", "b b.bin", "ü.png", "", "c;d.txt"])}"`;
    body += utf8(disp) + nl;
    if (r() < 0.4) {
      body += `Content-Type: ${
        pick(r, ["text/plain", "application/octet-stream", "text/plain; charset=utf-8"])
      }${nl}`;
    }
    if (r() < 0.1) body += `Content-Length: 5${nl}`;
    body += nl;
    const size = r();
    if (isFile) body += randomBytes(r, size < 0.7 ? Math.floor(r() * 200) : 900 + Math.floor(r() * 2000));
    else body += utf8(size < 0.9 ? pick(r, TEXTS) : "long ".repeat(300));
    body += nl;
  }
  if (r() < 0.9) body += `--${boundary}--${nl}`;
  if (r() < 0.2) body += "epilogue" + nl;
  return { body, fields: n };
}

function cases(): Case[] {
  const r = rng(20261123);
  const out: Case[] = [];
  const headers = [
    "text/plain",
    "text/html; charset=utf-8",
    'form-data; name="a"; filename="b.txt"',
    'form-data; name="a;b"; filename="c\\"d.txt"',
    "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
    'attachment; filename="x\\\\y"',
    'a; b=1; c="2"; D=3',
    "a;;b=1",
    "a; b",
    "a; b=",
    'a; b="',
    'a; b=""',
    "",
    ";",
    "  spaced  ;  x = y ",
    'a; b="x;y"; c=z',
    'a; b="x\\";y"; c=z',
  ];
  for (const line of headers) out.push({ kind: "header", line });
  for (let i = 0; i < 60; i++) {
    let line = pick(r, ["text/plain", "form-data", "attachment", ""]);
    const k = Math.floor(r() * 4);
    for (let j = 0; j < k; j++) {
      line += pick(r, [";", "; ", " ;"]) + pick(r, ["name", "Filename", "a", "B"]) +
        pick(r, ["=", "= ", ""]) + pick(r, ['"v"', "v", '"v;w"', '"a\\"b"', '""', "x y"]);
    }
    out.push({ kind: "header", line });
  }
  // url-encoded: GET query strings and POST bodies
  const qss = ["a=1&b=2&a=3", "a=1;b=2", "a&b=&c=3", "x=%20y+z&%E2%82%AC=1", "", "a=1&&b=2", "=v", "k=v=w"];
  for (const qs of qss) {
    for (const keep of [0, 1]) {
      out.push({
        kind: "fs",
        body: "",
        environ: { REQUEST_METHOD: "GET", QUERY_STRING: qs },
        opts: { keep_blank_values: keep },
      });
      out.push({
        kind: "fs",
        body: qs,
        environ: {
          REQUEST_METHOD: "POST",
          CONTENT_TYPE: "application/x-www-form-urlencoded",
          CONTENT_LENGTH: String(qs.length),
        },
        opts: { keep_blank_values: keep },
      });
    }
    out.push({
      kind: "fs",
      body: "",
      environ: { REQUEST_METHOD: "GET", QUERY_STRING: qs },
      opts: { separator: ";" },
    });
    out.push({
      kind: "fs",
      body: "",
      environ: { REQUEST_METHOD: "GET", QUERY_STRING: qs },
      opts: { strict_parsing: 1 },
    });
    out.push({
      kind: "fs",
      body: "",
      environ: { REQUEST_METHOD: "GET", QUERY_STRING: qs },
      opts: { max_num_fields: 2 },
    });
    out.push({
      kind: "parse",
      body: qs,
      environ: {
        REQUEST_METHOD: "POST",
        CONTENT_TYPE: "application/x-www-form-urlencoded",
        CONTENT_LENGTH: String(qs.length),
        QUERY_STRING: "q=1",
      },
    });
    out.push({
      kind: "parse",
      body: "",
      environ: { REQUEST_METHOD: "GET", QUERY_STRING: qs },
      opts: { keep_blank_values: 1 },
    });
  }
  out.push({
    kind: "fs",
    body: "a=1&b=2",
    environ: { REQUEST_METHOD: "POST", CONTENT_LENGTH: "7", QUERY_STRING: "c=3" },
  });
  out.push({
    kind: "fs",
    body: "plain body",
    environ: { REQUEST_METHOD: "POST", CONTENT_TYPE: "text/plain" },
  });
  out.push({
    kind: "fs",
    body: "plain body",
    environ: { REQUEST_METHOD: "PUT", CONTENT_TYPE: "text/plain", CONTENT_LENGTH: "10" },
  });
  // multipart
  for (let i = 0; i < 120; i++) {
    const boundary = pick(r, [
      "X",
      "----WebKitFormBoundary7MA4YWxkTrZu0gW",
      "a'b()+_,-./:=?",
      "b".repeat(70),
    ]);
    const { body } = multipartBody(r, boundary);
    const environ: Record<string, string> = {
      REQUEST_METHOD: "POST",
      CONTENT_TYPE: `multipart/form-data; boundary=${r() < 0.8 ? boundary : `"${boundary}"`}`,
    };
    if (r() < 0.8) environ.CONTENT_LENGTH = String(body.length);
    if (r() < 0.15) environ.QUERY_STRING = "q=1&r=2";
    const opts: Record<string, unknown> = {};
    if (r() < 0.15) opts.max_num_fields = Math.floor(r() * 4);
    if (r() < 0.1) opts.keep_blank_values = 1;
    out.push({ kind: "fs", body, environ, opts });
    if (i % 3 === 0) out.push({ kind: "multipart", body, boundary, length: String(body.length) });
    if (i % 5 === 0) out.push({ kind: "multipart", body, boundary });
  }
  // Nested multipart/mixed inside form-data
  const inner = '--I\r\nContent-Disposition: file; filename="f1.txt"\r\n\r\none\r\n--I\r\n' +
    'Content-Disposition: file; filename="f2.txt"\r\n\r\ntwo\r\n--I--\r\n';
  const nested =
    `--O\r\nContent-Disposition: form-data; name="files"\r\nContent-Type: multipart/mixed; boundary=I\r\n\r\n${inner}\r\n--O--\r\n`;
  out.push({
    kind: "fs",
    body: nested,
    environ: { REQUEST_METHOD: "POST", CONTENT_TYPE: "multipart/form-data; boundary=O" },
  });
  // Bad and hostile
  const bad = '--X\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--X--\r\n';
  for (
    const ct of [
      "multipart/form-data",
      "multipart/form-data; boundary=",
      'multipart/form-data; boundary="a b "',
      "multipart/form-data; boundary=é",
    ]
  ) {
    out.push({ kind: "fs", body: bad, environ: { REQUEST_METHOD: "POST", CONTENT_TYPE: ct } });
  }
  out.push({
    kind: "fs",
    body: "no boundary at all\r\n",
    environ: { REQUEST_METHOD: "POST", CONTENT_TYPE: "multipart/form-data; boundary=X" },
  });
  out.push({
    kind: "fs",
    body: '--X\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
    environ: { REQUEST_METHOD: "POST", CONTENT_TYPE: "multipart/form-data; boundary=X" },
  });
  let many = "";
  for (let i = 0; i < 50; i++) many += `--X\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n${i}\r\n`;
  many += "--X--\r\n";
  out.push({
    kind: "fs",
    body: many,
    environ: { REQUEST_METHOD: "POST", CONTENT_TYPE: "multipart/form-data; boundary=X" },
    opts: { max_num_fields: 10 },
  });
  out.push({
    kind: "fs",
    body: many,
    environ: { REQUEST_METHOD: "POST", CONTENT_TYPE: "multipart/form-data; boundary=X" },
  });
  out.push({
    kind: "fs",
    body: "a=1&b=2&c=3",
    environ: {
      REQUEST_METHOD: "POST",
      CONTENT_TYPE: "application/x-www-form-urlencoded",
      CONTENT_LENGTH: "11",
    },
    opts: { max_num_fields: 2 },
  });
  return out;
}

peerTest(
  "cgi: differential against Python 3.11's cgi (headers, url-encoded, multipart)",
  findPython311,
  HINT,
  async (py) => {
    const all = cases();
    const expected = await runPython(py, await Deno.readTextFile(PEER), all) as unknown[];
    let agree = 0;
    const mismatches: string[] = [];
    for (let i = 0; i < all.length; i++) {
      const got = await ours(all[i]);
      try {
        assert.deepEqual(got, expected[i]);
        agree++;
      } catch {
        mismatches.push(
          `case ${i} ${JSON.stringify(all[i]).slice(0, 300)}\n ours: ${
            JSON.stringify(got).slice(0, 400)
          }\n py:   ${JSON.stringify(expected[i]).slice(0, 400)}`,
        );
      }
    }
    console.log(`cgi differential: ${agree}/${all.length} cases agree`);
    assert.equal(mismatches.length, 0, mismatches.map((m) => m.slice(0, 1500)).join("\n"));
  },
);

Deno.test("cgi: FieldStorage mapping API and reprs", async () => {
  const form = await FieldStorage.create({ environ: { REQUEST_METHOD: "GET", QUERY_STRING: "a=1&b=2&a=3" } });
  assert.equal(repr(form.get("b")), "MiniFieldStorage('b', '2')");
  assert.equal(
    repr(form),
    "FieldStorage(None, None, [MiniFieldStorage('a', '1'), MiniFieldStorage('b', '2'), MiniFieldStorage('a', '3')])",
  );
  assert.deepEqual(form.getlist("a"), ["1", "3"]);
  assert.equal(form.getfirst("a"), "1");
  assert.equal(form.getvalue("zz", "dflt"), "dflt");
  assert.equal(form.size, 2);
  assert.deepEqual([...form], ["a", "b"]);
  assert.throws(() => form.get("zz"), { name: "KeyError" });
  const single = await FieldStorage.create({
    fp: new BytesIO(new TextEncoder().encode("raw")),
    environ: { REQUEST_METHOD: "POST", CONTENT_TYPE: "text/plain" },
  });
  assert.throws(() => single.get("x"), { name: "TypeError", message: "not indexable" });
  assert.throws(() => single.__bool__(), { name: "TypeError", message: "Cannot be converted to bool." });
  assert.equal(single.value, "raw");
  single.close();
});

Deno.test("cgi: create() accepts Python's positional arguments", async () => {
  const body = new TextEncoder().encode("x=1");
  const form = await FieldStorage.create(new BytesIO(body), null, new Uint8Array(0), {
    REQUEST_METHOD: "POST",
    CONTENT_TYPE: "application/x-www-form-urlencoded",
    CONTENT_LENGTH: "3",
  });
  assert.equal(form.getvalue("x"), "1");
  await assert.rejects(() => FieldStorage.create({ nope: 1 } as never), {
    name: "TypeError",
    message: "FieldStorage.__init__() got an unexpected keyword argument 'nope'",
  });
});

Deno.test("cgi: parse_header is linear on 1 MB hostile input", () => {
  const hostile = 'a; b="' + ";".repeat(1 << 20);
  const [key, pdict] = parse_header(hostile);
  assert.equal(key, "a");
  assert.equal(pdict["b"], '"' + ";".repeat(1 << 20));
  const many = "a" + "; x=1".repeat(200_000);
  assert.equal(parse_header(many)[1]["x"], "1");
});

Deno.test("cgi: huge part headers and a missing boundary give clear errors", async () => {
  const huge = '--X\r\nContent-Disposition: form-data; name="a"\r\nX-Junk: ' + "j".repeat(200_000) +
    "\r\n\r\nv\r\n--X--\r\n";
  await assert.rejects(
    () =>
      FieldStorage.create({
        fp: new BytesIO(new TextEncoder().encode(huge)),
        environ: { REQUEST_METHOD: "POST", CONTENT_TYPE: "multipart/form-data; boundary=X" },
      }),
    { name: "ValueError", message: "Multipart part headers exceed 65536 bytes" },
  );
  await assert.rejects(
    () =>
      FieldStorage.create({
        fp: new BytesIO(new TextEncoder().encode("x")),
        environ: { REQUEST_METHOD: "POST", CONTENT_TYPE: "multipart/form-data" },
      }),
    { name: "ValueError", message: "Invalid boundary in multipart form: b''" },
  );
  // Thousands of fields: linear time, and max_num_fields stops them.
  let many = "";
  for (let i = 0; i < 5000; i++) {
    many += `--X\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n${i}\r\n`;
  }
  many += "--X--\r\n";
  const env = { REQUEST_METHOD: "POST", CONTENT_TYPE: "multipart/form-data; boundary=X" };
  const form = await FieldStorage.create({ fp: new BytesIO(new TextEncoder().encode(many)), environ: env });
  assert.equal(form.size, 5000);
  await assert.rejects(
    () =>
      FieldStorage.create({
        fp: new BytesIO(new TextEncoder().encode(many)),
        environ: env,
        max_num_fields: 100,
      }),
    { name: "ValueError", message: "Max number of fields exceeded" },
  );
});

Deno.test("cgi: a 100 MB upload parses with bounded memory (spills to a temp file)", async () => {
  // Each size runs in its own process; peak RSS (VmHWM) must not grow with the upload.
  const script = new URL("./wsgi/_cgi_upload.ts", import.meta.url).pathname;
  const run = async (mib: number) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--no-check", script, String(mib)],
      stdout: "piped",
      stderr: "inherit",
    }).output();
    return JSON.parse(new TextDecoder().decode(out.stdout)) as { ok: boolean; size: number; hwm: number };
  };
  const small = await run(1);
  const big = await run(100);
  assert.ok(small.ok && big.ok);
  assert.equal(big.size, 100 * 1024 * 1024);
  const grown = (big.hwm - small.hwm) / 1024;
  console.log(
    `100 MB upload: peak RSS ${(big.hwm / 1024).toFixed(1)} MB (1 MB upload: ${
      (small.hwm / 1024).toFixed(1)
    } MB)`,
  );
  assert.ok(grown < 32, `peak RSS grew by ${grown.toFixed(1)} MB`);
});

Deno.test("cgi: parse() keywords after a positional environ are read (strict_parsing, keep_blank_values, separator)", async () => {
  // CPython: cgi.parse(None, env, strict_parsing=1) raises ValueError: bad query field: 'c'
  await assert.rejects(
    () => parse(null, { REQUEST_METHOD: "GET", QUERY_STRING: "a=1&b=&c" }, { strict_parsing: 1 }),
    {
      name: "ValueError",
      message: "bad query field: 'c'",
    },
  );
  assert.deepEqual(
    { ...await parse(null, { REQUEST_METHOD: "GET", QUERY_STRING: "a=1&b=" }, { keep_blank_values: 1 }) },
    { a: ["1"], b: [""] },
  );
  assert.deepEqual(
    { ...await parse(null, { REQUEST_METHOD: "GET", QUERY_STRING: "a=1;b=2&c=3" }, { separator: ";" }) },
    { a: ["1"], b: ["2&c=3"] },
  );
  assert.deepEqual({ ...await parse(null, { REQUEST_METHOD: "GET", QUERY_STRING: "a=1&b=&c" }) }, {
    a: ["1"],
  });
  await assert.rejects(
    () => parse(null, { REQUEST_METHOD: "GET", QUERY_STRING: "" }, { bogus: 1 } as never),
    {
      name: "TypeError",
      message: "parse() got an unexpected keyword argument 'bogus'",
    },
  );
});

Deno.test("cgi: FieldStorage keywords after a positional environ are read (max_num_fields)", async () => {
  const env = { REQUEST_METHOD: "GET", QUERY_STRING: "a=1&b=2" };
  await assert.rejects(() => FieldStorage.create(null, null, new Uint8Array(0), env, { max_num_fields: 1 }), {
    name: "ValueError",
    message: "Max number of fields exceeded",
  });
  const form = await FieldStorage.create(null, null, new Uint8Array(0), env, { keep_blank_values: 1 });
  assert.deepEqual(form.keys(), ["a", "b"]);
  assert.throws(() => new FieldStorage(null, kw({ fp: null })), {
    name: "TypeError",
    message: "FieldStorage.__init__() got multiple values for argument 'fp'",
  });
  assert.equal(form.getvalue("zz", kw({ default: 7 })), 7);
  assert.deepEqual(form.getvalue("zz", { a: 1 }), { a: 1 }, "a plain object default is the default (a dict)");
});

Deno.test("cgi: a field's file raises ValueError after the form is closed, as Python's file objects do", async () => {
  // test_cgi.test_fieldstorage_as_context_manager
  const fs = await FieldStorage.create({
    fp: new BytesIO(new TextEncoder().encode("x".repeat(10))),
    environ: { REQUEST_METHOD: "PUT" },
  });
  let content: unknown;
  {
    using ctx = fs;
    content = ctx.file!.read();
    assert.equal(ctx.file!.closed, false);
  }
  assert.equal(fs.file!.closed, true);
  assert.equal(content, "x".repeat(10));
  assert.throws(() => fs.file!.read(), { name: "ValueError", message: /^I\/O operation on closed file$/ });
  // A file upload: BytesIO below 1000 bytes, a BufferedRandom temporary file above; each with Python's message.
  for (
    const [n, messages] of [
      [10, [
        "I/O operation on closed file.",
        "I/O operation on closed file.",
        "I/O operation on closed file.",
      ]],
      [2000, ["read of closed file", "readline of closed file", "seek of closed file"]],
    ] as const
  ) {
    const body = new TextEncoder().encode(
      `--X\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\n${"y".repeat(n)}\r\n--X--\r\n`,
    );
    const form = await FieldStorage.create({
      fp: new BytesIO(body),
      environ: {
        REQUEST_METHOD: "POST",
        CONTENT_TYPE: "multipart/form-data; boundary=X",
        CONTENT_LENGTH: String(body.length),
      },
    });
    const f = form.get("f") as FieldStorage;
    assert.equal((f.file!.read() as Uint8Array).length, n);
    form.close();
    assert.throws(() => f.file!.read(), { name: "ValueError", message: messages[0] });
    assert.throws(() => f.file!.readline(), { name: "ValueError", message: messages[1] });
    assert.throws(() => f.value, { name: "ValueError", message: messages[2] });
  }
});

Deno.test("CgiTests.test_log", () => {
  // test_cgi.py's test_log, with the module object for Python's module-variable assignments.
  using warned = catch_warnings({ record: true });
  simplefilter("always");
  try {
    cgi.log("Testing");
    assert.deepEqual(warned.map((m) => `${m.category.name}: ${m.message}`), [
      "DeprecationWarning: cgi.log() is deprecated as of 3.10. Use logging instead",
    ]);
    assert.equal(cgi.log, nolog, "no log file: log becomes nolog");

    const logfp = new StringIO();
    cgi.logfp = logfp;
    cgi.initlog("%s", "Testing initlog 1");
    cgi.log("%s", "Testing log 2");
    assert.equal(logfp.getvalue(), "Testing initlog 1\nTesting log 2\n");
    assert.equal(log, dolog, "the named export is a live view");
    cgi.logfp = null;
    cgi.logfile = "/dev/null";
    cgi.initlog("%s", "Testing log 3");
    cgi.log("Testing log 4");
    assert.equal(logfile, "/dev/null");
    closelog();
    assert.equal(cgi.logfile, "");
    assert.equal(cgi.logfp, null);
    assert.equal(cgi.log, initlog);
    assert.equal(warned.length, 3);
  } finally {
    closelog();
  }
  assert.throws(() => dolog(kw({ fmt: "%s", bogus: 1 }) as never), {
    name: "TypeError",
    message: "dolog() got an unexpected keyword argument 'bogus'",
  });
});

Deno.test("cgi: maxlen on the module object is FieldStorage.maxlen", () => {
  const before = FieldStorage.maxlen;
  try {
    cgi.maxlen = 10;
    assert.equal(FieldStorage.maxlen, 10);
  } finally {
    cgi.maxlen = before;
  }
});

function ph(line: string): [string, Record<string, string>] {
  const [key, pdict] = parse_header(line);
  return [key, { ...pdict }];
}

Deno.test("cgi: parse_header strips Python whitespace, not JS whitespace", () => {
  assert.deepEqual(ph("a; b=\x1c1\x1c"), ["a", { b: "1" }]);
  assert.deepEqual(ph("a; b=\ufeff1"), ["a", { b: "\ufeff1" }]);
  assert.deepEqual(ph("a; b=1\x85"), ["a", { b: "1" }]);
  assert.deepEqual(ph("a; b=\u20001\u3000"), ["a", { b: "1" }]);
  assert.deepEqual(
    ph('\x1cA\x1c; \x85B\x85=1;\u3000c=\u2000"x"\u2028;\ufeffd=\ufeff2\ufeff'),
    ["A", { b: "1", c: "x", "\ufeffd": "\ufeff2\ufeff" }],
  );
});

Deno.test("cgi: print_environ escapes like html.escape(quote=True)", async () => {
  const env = { "<k'\"&>": "a&b<c>\"d'", z: "\u20ac" };
  const code = `import { print_environ } from ${JSON.stringify(new URL("../cgi.ts", import.meta.url).href)};
print_environ(${JSON.stringify(env)});`;
  const { stdout } = await new Deno.Command(Deno.execPath(), {
    args: ["eval", code],
    stdout: "piped",
  }).output();
  assert.equal(
    new TextDecoder().decode(stdout),
    "\n<H3>Shell Environment:</H3>\n<DL>\n" +
      "<DT> &lt;k&#x27;&quot;&amp;&gt; <DD> a&amp;b&lt;c&gt;&quot;d&#x27;\n" +
      "<DT> z <DD> \u20ac\n</DL>\n\n",
  );
});

function splitKeepEnds(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const nl = s.indexOf("\n", i);
    const end = nl < 0 ? s.length : nl + 1;
    out.push(s.slice(i, end));
    i = end;
  }
  return out;
}

Deno.test("cgi: TemporaryFile readline/read(n) on a multi-MB upload", async () => {
  const lines: string[] = [];
  for (let i = 0; i < 60000; i++) {
    // Varying lengths, some longer than the 8 KiB chunk, multibyte text.
    // (Long lines are ASCII: cgi reads 64 KiB chunks and decodes each one,
    // as Python does, so a split multibyte character would become U+FFFD.)
    lines.push(`${i}:` + (i % 997 === 0 ? "abcd".repeat(20000) : "é€x😀".repeat(i % 83)) + "\n");
  }
  const content = lines.join("") + "tail without newline é";
  const body = `--B\r\nContent-Disposition: form-data; name="t"\r\n\r\n${content}\r\n` +
    `--B\r\nContent-Disposition: form-data; name="f"; filename="f.bin"\r\n\r\n${content}\r\n--B--\r\n`;
  const data = new TextEncoder().encode(body);
  assert.ok(data.length > 4_000_000);
  const form = await FieldStorage.create({
    fp: new BytesIO(data),
    environ: {
      REQUEST_METHOD: "POST",
      CONTENT_TYPE: "multipart/form-data; boundary=B",
      CONTENT_LENGTH: String(data.length),
    },
  });
  const expected = splitKeepEnds(content);
  // deno-lint-ignore no-explicit-any
  const text = (form.get("t") as any).file;
  // deno-lint-ignore no-explicit-any
  const bin = (form.get("f") as any).file;
  for (const [f, isText] of [[text, true], [bin, false]] as const) {
    f.seek(0);
    const got: string[] = [];
    for (;;) {
      const line = f.readline();
      if (line.length === 0) break;
      got.push(isText ? line : new TextDecoder().decode(line));
    }
    assert.equal(got.length, expected.length);
    const bad = got.findIndex((l, i) => l !== expected[i]);
    assert.equal(
      bad,
      -1,
      `${isText} ${bad} ${JSON.stringify(got[bad]?.slice(0, 80))} ${
        JSON.stringify(expected[bad]?.slice(0, 80))
      } ${got[bad]?.length} ${expected[bad]?.length}`,
    );
    assert.equal(f.readline().length, 0);
  }
  // Text read(n) counts code points and leaves the position after them.
  const cps = [...content];
  text.seek(0);
  let pos = 0;
  for (const n of [0, 1, 5, 7, 3000, 1, 100000, 2, 50000]) {
    assert.equal(text.read(n), cps.slice(pos, pos + n).join(""));
    pos += n;
  }
  assert.equal(text.readline(), splitKeepEnds(cps.slice(pos).join(""))[0]);
  text.seek(0);
  assert.equal(text.read(-1), content);
  assert.equal(text.read(5), "");
  text.seek(0);
  assert.equal(text.read(cps.length + 10), content);
});

Deno.test("cgi: multipart with a POST query string (shared parse_qsl options, cached boundaries)", async () => {
  const body = '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n' +
    '--B\r\nContent-Disposition: form-data; name="b"\r\n\r\n2\r\n--B--\r\n';
  const data = new TextEncoder().encode(body);
  const form = await FieldStorage.create({
    fp: new BytesIO(data),
    environ: {
      REQUEST_METHOD: "POST",
      CONTENT_TYPE: "multipart/form-data; boundary=B",
      CONTENT_LENGTH: String(data.length),
      QUERY_STRING: "q=1&e=&z=3",
    },
    keep_blank_values: 1,
  });
  // deno-lint-ignore no-explicit-any
  assert.deepEqual(form.list!.map((x: any) => [x.name, x.value]), [
    ["q", "1"],
    ["e", ""],
    ["z", "3"],
    ["a", "1"],
    ["b", "2"],
  ]);
});

Deno.test("cgi: importing the module warns DeprecationWarning as Python 3.11's does", async () => {
  const root = new URL("../", import.meta.url);
  const code = `
    import { catch_warnings, simplefilter } from "${new URL("warnings.ts", root)}";
    using w = catch_warnings({ record: true });
    simplefilter("always");
    await import("${new URL("cgi.ts", root)}");
    console.log(JSON.stringify(w.map((m) => [m.category.name, String(m.message)])));`;
  const out = await new Deno.Command(Deno.execPath(), { args: ["eval", code], stderr: "inherit" }).output();
  assert.deepEqual(JSON.parse(new TextDecoder().decode(out.stdout)), [
    ["DeprecationWarning", "'cgi' is deprecated and slated for removal in Python 3.13"],
  ]);
});
