// wsgi.util, wsgi.headers and wsgi.handlers against CPython 3.14 (the oracle) on generated inputs:
// shift_path_info, request_uri/application_uri, guess_scheme, is_hop_by_hop, Headers operations
// (control-character checks of CVE-2026-0865 included), and the bytes BaseCGIHandler /
// SimpleHandler write for applications that succeed, fail, or misuse start_response.

import assert from "node:assert/strict";
import { b } from "../../_util/bytes.ts";
import { repr, str } from "../../_util/repr.ts";
import { capture, oracle, oracleTest } from "../_oracle.ts";
import { Headers } from "../../wsgi/headers.ts";
import { BaseCGIHandler, format_date_time, SimpleHandler } from "../../wsgi/handlers.ts";
import { BytesIO, StringIO } from "../../io.ts";
import { kw } from "../../_util/signature.ts";
import {
  application_uri,
  FileWrapper,
  guess_scheme,
  is_hop_by_hop,
  request_uri,
  setup_testing_defaults,
  shift_path_info,
} from "../../wsgi/util.ts";
import { rng } from "./_helpers.ts";

oracleTest("wsgi.util: shift_path_info, request_uri, guess_scheme, is_hop_by_hop match CPython", async () => {
  const r = rng(42);
  const segs = ["", "a", "b", ".", "..", "x y", "é", "%41", ";p", "c=d"];
  const cases: Record<string, unknown>[] = [];
  for (let i = 0; i < 300; i++) {
    const n = Math.floor(r() * 5);
    let path = "";
    for (let j = 0; j < n; j++) path += "/" + segs[Math.floor(r() * segs.length)];
    if (r() < 0.1) path = path.slice(1);
    const script = r() < 0.5 ? "" : "/" + segs[Math.floor(r() * segs.length)];
    const env: Record<string, string> = { PATH_INFO: path, SCRIPT_NAME: script };
    if (r() < 0.3) env.HTTP_HOST = "h.example:8080";
    env.SERVER_NAME = "srv";
    env.SERVER_PORT = ["80", "443", "8000"][Math.floor(r() * 3)];
    env.HTTPS = ["on", "off", "1", "yes", ""][Math.floor(r() * 5)];
    if (r() < 0.5) env.QUERY_STRING = "a=1&b=%20";
    cases.push(env);
  }
  const expected = await oracle(
    `
from wsgiref.util import shift_path_info, request_uri, application_uri, guess_scheme, is_hop_by_hop
def run(env):
    env = dict(env)
    env["wsgi.url_scheme"] = guess_scheme(env)
    out = [env["wsgi.url_scheme"], request_uri(env), request_uri(env, False), application_uri(env)]
    names = []
    for _ in range(4):
        names.append(shift_path_info(env))
    out += [names, env["SCRIPT_NAME"], env["PATH_INFO"]]
    out.append([is_hop_by_hop(h) for h in ["Connection", "keep-alive", "TE", "Trailers", "x", "Upgrade", "Content-Type"]])
    return out
`,
    cases,
  );
  let agree = 0;
  for (let i = 0; i < cases.length; i++) {
    const got = capture(() => {
      const env: Record<string, unknown> = { ...cases[i] };
      env["wsgi.url_scheme"] = guess_scheme(env);
      const out: unknown[] = [
        env["wsgi.url_scheme"],
        request_uri(env),
        request_uri(env, false),
        application_uri(env),
      ];
      const names = [];
      for (let k = 0; k < 4; k++) names.push(shift_path_info(env));
      out.push(names, env["SCRIPT_NAME"], env["PATH_INFO"]);
      out.push(
        ["Connection", "keep-alive", "TE", "Trailers", "x", "Upgrade", "Content-Type"].map((h) =>
          is_hop_by_hop(h)
        ),
      );
      return out;
    });
    assert.deepEqual(got, expected[i], JSON.stringify(cases[i]));
    agree++;
  }
  console.log(`wsgi.util differential: ${agree}/${cases.length}`);
});

oracleTest("wsgi.headers: Headers operations and control-character checks match CPython", async () => {
  const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat(["\x7f"]);
  const cases: unknown[] = [];
  for (const c of C0) {
    cases.push(["init_name", `X${c}A`, "v"]);
    cases.push(["init_value", "X-A", `v${c}w`]);
    cases.push(["set_value", "X-A", `v${c}w`]);
    cases.push(["add_param", "X-A", `v${c}w`]);
  }
  const ops = [
    ["ops", [["Content-Type", "text/plain"], ["X-A", "1"], ["x-a", "2"]]],
    ["ops", []],
    ["init_bad_type", "not a list"],
    ["init_int", [["X-A", 5]]],
    ["add_header", "Content-Disposition", "attachment", { filename: "bud.gif", x_y: null, q: 'a"b\\c' }],
    ["add_header", "X-Empty", null, { a: "", b: "c d" }],
    ["str_latin1", [["X-A", "é"]]],
    ["str_non_latin1", [["X-A", "€"]]],
  ];
  cases.push(...ops);
  const expected = await oracle(
    `
from wsgiref.headers import Headers
def run(c):
    kind = c[0]
    if kind == "init_name":
        return repr(Headers([(c[1], c[2])]))
    if kind == "init_value":
        return repr(Headers([(c[1], c[2])]))
    if kind == "set_value":
        h = Headers([]); h[c[1]] = c[2]; return str(h)
    if kind == "add_param":
        h = Headers([]); h.add_header(c[1], "x", p=c[2]); return str(h)
    if kind == "ops":
        h = Headers([tuple(p) for p in c[1]])
        out = [len(h), h["x-a"], h.get("missing", "dflt"), h.get_all("X-A"), "x-A" in h, h.keys(), h.values()]
        out.append(h.setdefault("X-New", "n")); out.append(h.setdefault("x-new", "m"))
        h["X-A"] = "3"; out.append(h.items()); del h["x-new"]; del h["absent"]
        out += [str(h), repr(h), bytes(h), len(h)]
        return out
    if kind == "init_bad_type":
        Headers(c[1])
    if kind == "init_int":
        Headers([tuple(p) for p in c[1]])
    if kind == "add_header":
        h = Headers(); h.add_header(c[1], c[2], **c[3]); return [str(h), h.items()]
    if kind == "str_latin1" or kind == "str_non_latin1":
        return bytes(Headers([tuple(p) for p in c[1]]))
`,
    cases,
  );
  let agree = 0;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i] as [string, ...unknown[]];
    const got = capture(() => {
      const kind = c[0];
      if (kind === "init_name" || kind === "init_value") {
        return repr(new Headers([[c[1] as string, c[2] as string]]));
      }
      if (kind === "set_value") {
        const h = new Headers([]);
        h.set(c[1] as string, c[2] as string);
        return String(h);
      }
      if (kind === "add_param") {
        const h = new Headers([]);
        h.add_header(c[1] as string, "x", { p: c[2] as string });
        return String(h);
      }
      if (kind === "ops") {
        const h = new Headers((c[1] as [string, string][]).map((p) => [...p] as [string, string]));
        const out: unknown[] = [
          h.size,
          h.get("x-a"),
          h.get("missing", "dflt"),
          h.get_all("X-A"),
          h.has("x-A"),
          h.keys(),
          h.values(),
        ];
        out.push(h.setdefault("X-New", "n"), h.setdefault("x-new", "m"));
        h.set("X-A", "3");
        out.push(h.items());
        h.delete("x-new");
        h.delete("absent");
        out.push(String(h), repr(h), h.__bytes__(), h.size);
        return out;
      }
      if (kind === "init_bad_type") return void new Headers(c[1] as never);
      if (kind === "init_int") return void new Headers(c[1] as never);
      if (kind === "add_header") {
        const h = new Headers();
        h.add_header(c[1] as string, c[2] as string | null, c[3] as Record<string, string | null>);
        return [String(h), h.items()];
      }
      return new Headers(c[1] as [string, string][]).__bytes__();
    });
    assert.deepEqual(got, expected[i], JSON.stringify(c));
    agree++;
  }
  console.log(`wsgi.headers differential: ${agree}/${cases.length}`);
});

// Applications for the handler test, in both languages.
const HANDLER_APPS: [
  string,
  string,
  (e: Record<string, unknown>, s: (...a: unknown[]) => unknown) => unknown,
][] = [
  [
    "ok",
    "s('200 OK', [('Content-Type', 'text/plain')]); return [b'hi']",
    (_e, s) => (s("200 OK", [["Content-Type", "text/plain"]]), [b`hi`]),
  ],
  [
    "two",
    "s('200 OK', [('Content-Type', 'text/plain')]); return [b'a', b'b']",
    (_e, s) => (s("200 OK", [["Content-Type", "text/plain"]]), [b`a`, b`b`]),
  ],
  ["empty", "s('304 Not Modified', []); return []", (_e, s) => (s("304 Not Modified", []), [])],
  ["raise", "raise ValueError('x')", () => {
    throw new Error("x");
  }],
  ["status3", "s('200', []); return []", (_e, s) => (s("200", []), [])],
  ["statusctl", "s('200 OK\\n', []); return []", (_e, s) => (s("200 OK\n", []), [])],
  ["status_nospace", "s('200_OK', []); return []", (_e, s) => (s("200_OK", []), [])],
  ["status_type", "s(b'200 OK', []); return []", (_e, s) => (s(b`200 OK`, []), [])],
  [
    "hop",
    "s('200 OK', [('Keep-Alive', '1')]); return []",
    (_e, s) => (s("200 OK", [["Keep-Alive", "1"]]), []),
  ],
  [
    "nonlatin",
    "s('200 OK', [('X-A', '\\u20ac')]); return [b'x']",
    (_e, s) => (s("200 OK", [["X-A", "\u20ac"]]), [b`x`]),
  ],
  [
    "date_server",
    "s('200 OK', [('Date', 'D'), ('Server', 'S')]); return [b'x']",
    (_e, s) => (s("200 OK", [["Date", "D"], ["Server", "S"]]), [b`x`]),
  ],
];

oracleTest("wsgi.handlers: BaseCGIHandler and SimpleHandler write what CPython's write", async () => {
  const cases = HANDLER_APPS.flatMap(([name]) => [[name, "cgi"], [name, "simple"], [name, "simple09"]]);
  const expected = await oracle(
    `
import io
from wsgiref.handlers import BaseCGIHandler, SimpleHandler
APPS = {${
      HANDLER_APPS.map(([n, py]) =>
        `${JSON.stringify(n)}: (lambda e, s: (lambda: (${"exec_app"}(${JSON.stringify(py)}, e, s)))())`
      ).join(", ")
    }}
def exec_app(src, e, s):
    ns = {"e": e, "s": s}
    exec("def f(e, s):\\n    " + src.replace("; ", "\\n    "), ns)
    return ns["f"](e, s)
def run(c):
    name, kind = c
    out, err = io.BytesIO(), io.StringIO()
    env = {"SERVER_PROTOCOL": "HTTP/0.9" if kind == "simple09" else "HTTP/1.0"}
    cls = BaseCGIHandler if kind == "cgi" else SimpleHandler
    h = cls(io.BytesIO(), out, err, env)
    h.os_environ = {}
    h.run(APPS[name])
    text = out.getvalue()
    import re
    text = re.sub(rb"Date: [^\\r]*GMT\\r\\n", b"Date: <date>\\r\\n", text)
    return [text, "Traceback" in err.getvalue()]
`,
    cases,
  );
  let agree = 0;
  for (let i = 0; i < cases.length; i++) {
    const [name, kind] = cases[i];
    const app = HANDLER_APPS.find(([n]) => n === name)![2];
    const chunks: Uint8Array[] = [];
    const errors = new StringIO();
    const stdout = { write: (d: Uint8Array) => (chunks.push(d.slice()), d.length) };
    const env = { SERVER_PROTOCOL: kind === "simple09" ? "HTTP/0.9" : "HTTP/1.0" };
    const h = kind === "cgi"
      ? new BaseCGIHandler(new BytesIO(), stdout, errors, env)
      : new SimpleHandler(new BytesIO(), stdout, errors, env);
    h.os_environ = {};
    const got = await (async () => {
      try {
        await h.run(app as never);
        let text = "";
        for (const c of chunks) for (const x of c) text += String.fromCharCode(x);
        text = text.replace(/Date: [^\r]*GMT\r\n/, "Date: <date>\r\n");
        return { ok: [{ $b: text }, errors.getvalue().includes("Traceback")] };
      } catch (e) {
        return { error: (e as Error).name, message: str(e) };
      }
    })();
    assert.deepEqual(got, expected[i], `${name} ${kind}`);
    agree++;
  }
  console.log(`wsgi.handlers differential: ${agree}/${cases.length}`);
});

Deno.test("wsgi.handlers: format_date_time and setup_testing_defaults", () => {
  assert.equal(format_date_time(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  const env: Record<string, unknown> = { HTTPS: "on" };
  setup_testing_defaults(env);
  assert.equal(env.SERVER_PORT, "443");
  assert.equal(env["wsgi.url_scheme"], "https");
});

Deno.test("wsgi.util: FileWrapper is its own iterator, as CPython's (iter(w) is w, list(w), next(w))", () => {
  const file = (text: string) => {
    let data = new TextEncoder().encode(text);
    return {
      read(n: number) {
        const c = data.subarray(0, n);
        data = data.subarray(n);
        return c;
      },
    };
  };
  const w = new FileWrapper(file("abcdefg"), 3);
  assert.equal(w[Symbol.iterator](), w);
  assert.equal(w.__iter__(), w);
  const first = w.next();
  assert.equal(first.done, false);
  assert.equal(latin1Of(first.value as Uint8Array), "abc");
  assert.deepEqual(
    [...w].map((c) => latin1Of(c)),
    ["def", "g"],
    "list(w) continues from where next() left off",
  );
  assert.equal(w.next().done, true);
  // Keywords, by the table: FileWrapper(filelike, blksize=2) and FileWrapper(filelike=f) via kw().
  assert.deepEqual([...new FileWrapper(file("abcde"), { blksize: 2 })].map((c) => latin1Of(c)), [
    "ab",
    "cd",
    "e",
  ]);
  assert.equal([...new FileWrapper(kw({ filelike: file("x".repeat(9000)) }))][0].length, 8192);
  assert.throws(() => new FileWrapper(file(""), kw({ bogus: 1 }) as never), {
    name: "TypeError",
    message: "FileWrapper.__init__() got an unexpected keyword argument 'bogus'",
  });
});

Deno.test("wsgi.util: FileWrapper yields the str chunks of a text read(), as CPython does", async () => {
  // CPython: list(FileWrapper(io.StringIO("hello world"), 4)) == ['hell', 'o wo', 'rld']
  const textFile = () => {
    let rest = "hello world";
    let closed = false;
    return {
      read(n: number) {
        const c = rest.slice(0, n);
        rest = rest.slice(n);
        return c;
      },
      close() {
        closed = true;
      },
      get closed() {
        return closed;
      },
    };
  };
  assert.deepEqual([...new FileWrapper(textFile() as never, 4)], ["hell", "o wo", "rld"]);
  const chunks: unknown[] = [];
  for await (const c of new FileWrapper(textFile() as never, 4)) chunks.push(c);
  assert.deepEqual(chunks, ["hell", "o wo", "rld"]);
  const f = textFile();
  const w = new FileWrapper(f as never);
  w.close!();
  assert.equal(f.closed, true, "close is the file's close");
  // An async read() is for `for await`; the sync protocol says so instead of yielding nothing.
  const asyncFile = { read: (_n: number) => Promise.resolve(new Uint8Array(0)) };
  assert.throws(() => new FileWrapper(asyncFile).next(), { name: "TypeError" });
});

Deno.test("wsgi.util and wsgi.headers: keywords are read by each function's table", () => {
  const env: Record<string, unknown> = { PATH_INFO: "/p", QUERY_STRING: "q=1" };
  setup_testing_defaults(env);
  assert.equal(request_uri(env, { include_query: false }), "http://127.0.0.1/p");
  assert.equal(request_uri(kw({ environ: env })), "http://127.0.0.1/p?q=1");
  assert.equal(request_uri(env, 0), "http://127.0.0.1/p", "include_query is Python-truthy");
  assert.equal(guess_scheme({ HTTPS: "on" }), "https", "a plain object is the environ");
  assert.equal(is_hop_by_hop({ header_name: "TE" }), true);
  assert.throws(() => request_uri(env, kw({ environ: env })), {
    name: "TypeError",
    message: "request_uri() got multiple values for argument 'environ'",
  });
  const h = new Headers({ headers: [["A", "1"]] });
  assert.equal(h.get("a"), "1");
  assert.equal(h.get("zz", kw({ default: 5 })), 5);
  assert.deepEqual(h.get("zz", { x: 1 }), { x: 1 }, "a plain object default is the default");
  assert.equal(h.setdefault({ name: "B", value: "2" }), "2");
  h.add_header("C", null, { file_name: "a b" });
  h.add_header(kw({ _name: "D", _value: "v", q: null }));
  assert.deepEqual(h.get_all({ name: "c" }), ['file-name="a b"']);
  assert.equal(h.get("d"), "v; q");
});

function latin1Of(b: Uint8Array): string {
  return String.fromCharCode(...b);
}
