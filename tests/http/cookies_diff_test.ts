// Differential tests of http.cookies against CPython 3.14 (the oracle).
import assert from "node:assert/strict";
import { BaseCookie, Morsel, SimpleCookie } from "../../http/cookies.ts";
import { repr } from "../../_util/repr.ts";
import { capture, oracle, oracleTest, type Outcome } from "../_oracle.ts";

const FIXED_NOW = 1700000123.25;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  "a",
  "fig",
  "sid",
  "SID",
  "$Version",
  "$Path",
  "$Domain",
  "$",
  "$x",
  "Path",
  "path",
  "DOMAIN",
  "expires",
  "Expires",
  "max-age",
  "Max-Age",
  "secure",
  "Secure",
  "HttpOnly",
  "httponly",
  "version",
  "samesite",
  "SameSite",
  "partitioned",
  "Partitioned",
  "comment",
  "a<b",
  "a,b",
  "a/b",
  "a=b",
  "a:b",
  "x.y",
  "a-b_c",
  "é",
  "a\x01",
  "a b",
  "{x}",
  "a?b",
  "~!#%&'",
  "a`b",
  "key+1",
  "a(b)",
  "a@b",
  "a[b]",
];
const VALUES = [
  "",
  "v",
  "newton",
  "a b",
  '"a b"',
  '"quoted"',
  '"with \\"esc\\""',
  '"\\012"',
  '"\\377"',
  '"\\400"',
  '"\\\\"',
  '"\\',
  '"unterminated',
  '""',
  '"',
  "x=y",
  "==",
  "a;b",
  '"a;b"',
  "Wed, 09 Jun 2021 10:18:14 GMT",
  "Wednesday, 09-Jun-21 10:18:14 GMT",
  "Thu, 01 Jan 1970 00:00:00 GMT",
  "Mon, 1 Jan 2020 00:00 GMT",
  "[x]",
  "{a}",
  "ü",
  "\x7f",
  "a\tb",
  '"\\a\\b"',
  '"tab\there"',
  "/",
  "/path/x",
  ".example.com",
  "Strict",
  "Lax",
  "None",
  "0",
  "3600",
  "-1",
  "a,b",
  "a\\b",
  '"x"y',
  "1e3",
  "$x",
  '"\\0123"',
  "'single'",
  "😀",
  '"\\😀x"',
  '"a\\\n"',
  "\ud800",
];
const SEPS = ["; ", ";", " ", " ; ", ";;", ",", "\t", "\n", "; \r\n", "  "];
const EQ = ["=", " = ", "= ", " =", "=\t"];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function gb<T>(r: () => number, good: readonly T[], bad: readonly T[], p = 0.85): T {
  return r() < p ? pick(r, good) : pick(r, bad);
}

const GOOD_NAMES = ["a", "fig", "sid", "SID", "x.y", "a-b_c", "~!#%&'", "key+1", "a:b"];
const GOOD_VALUES = [
  "v",
  "newton",
  '"a b"',
  '"quoted"',
  '"with \\"esc\\""',
  '"\\377"',
  "x=y",
  '"a;b"',
  "",
  "1",
];
const ATTRS = [
  "Path=/",
  "path=/x",
  "Domain=.example.com",
  "Expires=Wed, 09 Jun 2021 10:18:14 GMT",
  "expires=Wednesday, 09-Nov-94 08:49:37 GMT",
  "Max-Age=10",
  "Secure",
  "HttpOnly",
  "Partitioned",
  "SameSite=Lax",
  "Version=1",
  'Comment="hi there"',
  "$Path=/",
  "$Domain=x",
];

function cookieString(r: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(r() * 5);
  if (r() < 0.1) parts.push(" ");
  for (let i = 0; i < n; i++) {
    if (i > 0 && r() < 0.4) parts.push(gb(r, ATTRS, NAMES.map((x) => x + "=" + pick(r, VALUES))));
    else {
      const name = gb(r, GOOD_NAMES, NAMES);
      if (r() < 0.03) parts.push(name);
      else parts.push(name + gb(r, ["="], EQ, 0.8) + gb(r, GOOD_VALUES, VALUES));
    }
    if (i < n - 1) parts.push(gb(r, ["; "], SEPS, 0.8));
  }
  if (r() < 0.2) parts.push(pick(r, SEPS));
  return parts.join("");
}

const LOAD_PY = `
import time
time.time = lambda: ${FIXED_NOW}
from http.cookies import SimpleCookie, BaseCookie, Morsel, CookieError
def _try(f):
    try:
        return ["ok", f()]
    except Exception as e:
        return ["err", type(e).__name__, str(e)]
def _state(C):
    out = [repr(C), _try(lambda: C.output()), _try(lambda: C.output(attrs=["path", "secure"], header="Cookie:", sep="|")),
           _try(lambda: C.js_output())]
    for k, m in C.items():
        out.append([k, m.key, m.value, m.coded_value, [[a, repr(v)] for a, v in m.items()], repr(m),
                    _try(lambda: m.OutputString(["domain", "expires", "httponly"])),
                    _try(lambda: m.output(["path", "secure", "samesite"], "X-Cookie:")), _try(lambda: str(m)),
                    _try(lambda: m.js_output(["path"]))])
    return out
def run(c):
    C = BaseCookie() if c["base"] else SimpleCookie()
    err = _try(lambda: C.load(c["s"]))
    return [err, _state(C)]
`;

type Any = Record<string, unknown>;

function tryIt(f: () => unknown): unknown[] {
  try {
    return ["ok", f() ?? null];
  } catch (e) {
    return ["err", (e as Error).name, (e as Error).message];
  }
}

function state(C: BaseCookie): unknown[] {
  const out: unknown[] = [
    repr(C),
    tryIt(() => C.output()),
    tryIt(() => C.output({ attrs: ["path", "secure"], header: "Cookie:", sep: "|" })),
    tryIt(() => C.js_output()),
  ];
  for (const k of C) {
    const m = C.get(k)!;
    out.push([
      k,
      m.key,
      m.value,
      m.coded_value,
      m.items().map(([a, v]) => [a, repr(v)]),
      repr(m),
      tryIt(() => m.OutputString(["domain", "expires", "httponly"])),
      tryIt(() => m.output(["path", "secure", "samesite"], "X-Cookie:")),
      tryIt(() => String(m)),
      tryIt(() => m.js_output(["path"])),
    ]);
  }
  return out;
}

function withFixedNow<T>(f: () => T): T {
  const real = Date.now;
  Date.now = () => FIXED_NOW * 1000;
  try {
    return f();
  } finally {
    Date.now = real;
  }
}

function compare(cases: Any[], ours: Outcome[], theirs: Outcome[]): number {
  let bad = 0;
  const msgs: string[] = [];
  for (let i = 0; i < cases.length; i++) {
    const a = JSON.stringify(ours[i]), b = JSON.stringify(theirs[i]);
    if (a !== b) {
      bad++;
      if (msgs.length < 5) msgs.push(`case ${JSON.stringify(cases[i])}\n ours:   ${a}\n python: ${b}`);
    }
  }
  assert.equal(bad, 0, `${bad}/${cases.length} differ\n` + msgs.join("\n"));
  return cases.length;
}

oracleTest("http.cookies: load() of generated Cookie headers matches CPython", async () => {
  const r = rng(20261123);
  const cases: Any[] = [];
  for (let i = 0; i < 3000; i++) cases.push({ s: cookieString(r), base: r() < 0.15 });
  // Fixed cases from CPython's test_http_cookies and the module docstring.
  for (
    const s of [
      "chips=ahoy; vienna=finger",
      'keebler="E=everybody; L=\\"Loves\\"; fudge=\\012;";',
      'keebler="E=everybody; L=\\"Loves\\"; fudge=;";',
      'keebler=E=everybody; L=\\"Loves\\"; fudge=\\012;',
      'Customer="WILE_E_COYOTE"; Version=1; Path=/acme',
      'Customer="WILE_E_COYOTE"; Path=/acme; Domain=www.example.com; Version=1',
      "eggs  =  scrambled  ;  secure  ;  path  =  bar   ; foo=foo   ",
      'a="b=\\"c\\"; d=e"',
      "a=b; Expires=Wed, 09 Jun 2021 10:18:14 GMT; Secure; HttpOnly; Partitioned",
      "a=b; expires=Wednesday, 09-Nov-94 08:49:37 GMT",
      "foo=bar; SameSite=Strict; Max-Age=10",
      "a=b; $Path=/; $Domain=x",
      "$Version=1; a=b; $Path=/x",
      "bad key=b",
      'a=\\"',
      'a="\\\\\\\\\\\\""',
      "a=b; path",
      "secure; a=b",
      'x="\\"; y=1',
      "a=\x00",
      'a="\\000"',
    ]
  ) {
    cases.push({ s, base: false }, { s, base: true });
  }
  const theirs = await oracle(LOAD_PY, cases);
  const ours = cases.map((c) =>
    withFixedNow(() =>
      capture(() => {
        const C = c.base ? new BaseCookie() : new SimpleCookie();
        const err = tryIt(() => C.load(c.s as string));
        return [err, state(C)];
      })
    )
  );
  compare(cases, ours, theirs);
  // The generator must reach loaded cookies, rejected strings and CookieErrors alike.
  let loaded = 0, empty = 0, errors = 0;
  for (const o of ours) {
    const [err, st] = (o as { ok: [unknown[], unknown[]] }).ok;
    if (err[0] === "err") errors++;
    else if (st.length > 4) loaded++;
    else empty++;
  }
  console.log(
    `load: ${cases.length} cases; loaded ${loaded}, nothing loaded ${empty}, CookieError ${errors}`,
  );
  assert.ok(loaded > cases.length / 4 && empty > 100 && errors > 100);
});

const ATTR_KEYS = [
  "expires",
  "Expires",
  "path",
  "comment",
  "Comment",
  "domain",
  "max-age",
  "secure",
  "httponly",
  "version",
  "samesite",
  "partitioned",
  "PARTITIONED",
  "bogus",
  "path\n",
  "",
];
// Values: strings, ints, booleans, null and a float; typed for the oracle as [type, value].
const ATTR_VALUES: [string, unknown][] = [
  ["s", ""],
  ["s", "/"],
  ["s", "a b"],
  ["s", "x\r\ny"],
  ["s", "tab\t"],
  ["s", "é"],
  ["s", "\x7f"],
  ["s", 'q"uote'],
  ["s", "a;b"],
  ["i", 0],
  ["i", 1],
  ["i", 3600],
  ["i", -86400],
  ["i", 86400 * 400],
  ["b", true],
  ["b", false],
  ["n", null],
  ["f", 1.5],
  ["s", "Strict"],
  ["s", "0"],
];
const SET_VALUES: [string, unknown][] = [
  ["s", "newton"],
  ["s", "a b"],
  ["s", ""],
  ["s", '"'],
  ["s", "\\"],
  ["s", "é€"],
  ["s", "x\ny"],
  ["s", "a;b,c"],
  ["s", "\x00"],
  ["s", "ÿ"],
  ["i", 7],
  ["b", true],
  ["n", null],
  ["s", "(){}[]<>@/?="],
  ["s", "\x7f"],
  ["s", "~`!#$%^&*"],
  ["f", 2.5],
  ["s", "\ud800"],
  ["s", "😀 x"],
];

function pyVal([t, v]: [string, unknown]): string {
  if (t === "s") return JSON.stringify(v);
  if (t === "i") return String(v);
  if (t === "b") return v ? "True" : "False";
  if (t === "n") return "None";
  return String(v);
}

const OPS_PY = LOAD_PY.replace("def run(c):", "def _unused(c):") + `
def run(c):
    C = SimpleCookie()
    log = []
    for op in c["ops"]:
        kind = op[0]
        if kind == "set":
            log.append(_try(lambda: C.__setitem__(op[1], eval(op[2]))))
        elif kind == "attr":
            log.append(_try(lambda: C[op[1]].__setitem__(op[2], eval(op[3])) if op[1] in C else None))
        elif kind == "mset":
            log.append(_try(lambda: C[op[1]].set(op[2], eval(op[3]), eval(op[4])) if op[1] in C else None))
        elif kind == "upd":
            log.append(_try(lambda: C[op[1]].update({op[2]: eval(op[3])}) if op[1] in C else None))
        elif kind == "sdef":
            log.append(_try(lambda: C[op[1]].setdefault(op[2], eval(op[3])) if op[1] in C else None))
        elif kind == "load":
            log.append(_try(lambda: C.load(op[1])))
    return [log, _state(C)]
`;

function evalPy(src: string): unknown {
  if (src === "True") return true;
  if (src === "False") return false;
  if (src === "None") return null;
  return JSON.parse(src);
}

oracleTest("http.cookies: generated assignments, attributes and Morsel.set match CPython", async () => {
  const r = rng(7);
  const cases: Any[] = [];
  for (let i = 0; i < 1500; i++) {
    const ops: unknown[] = [];
    const n = 1 + Math.floor(r() * 6);
    const names = ["fig", "sugar", "a", "Path", "a b", "x\x01", "é", "$v", "~"];
    for (let j = 0; j < n; j++) {
      const name = pick(r, names.slice(0, 4));
      const x = r();
      if (x < 0.35) ops.push(["set", pick(r, names), pyVal(pick(r, SET_VALUES))]);
      else if (x < 0.7) ops.push(["attr", name, pick(r, ATTR_KEYS), pyVal(pick(r, ATTR_VALUES))]);
      else if (x < 0.78) {
        ops.push(["mset", name, pick(r, names), pyVal(pick(r, SET_VALUES)), pyVal(pick(r, SET_VALUES))]);
      } else if (x < 0.86) ops.push(["upd", name, pick(r, ATTR_KEYS), pyVal(pick(r, ATTR_VALUES))]);
      else if (x < 0.93) ops.push(["sdef", name, pick(r, ATTR_KEYS), pyVal(pick(r, ATTR_VALUES))]);
      else ops.push(["load", cookieString(r)]);
    }
    cases.push({ ops });
  }
  const theirs = await oracle(OPS_PY, cases);
  const ours = cases.map((c) =>
    withFixedNow(() =>
      capture(() => {
        const C = new SimpleCookie();
        const log: unknown[] = [];
        for (const op of c.ops as string[][]) {
          const m = op[0] !== "set" && op[0] !== "load" ? C.get(op[1]) : null;
          switch (op[0]) {
            case "set":
              log.push(tryIt(() => void C.set(op[1], evalPy(op[2]))));
              break;
            case "attr":
              log.push(tryIt(() => void m?.set(op[2], evalPy(op[3]))));
              break;
            case "mset":
              log.push(tryIt(() => void m?.set(op[2], evalPy(op[3]), evalPy(op[4]))));
              break;
            case "upd":
              log.push(tryIt(() => m?.update({ [op[2]]: evalPy(op[3]) })));
              break;
            case "sdef":
              log.push(tryIt(() => m ? m.setdefault(op[2], evalPy(op[3])) : null));
              break;
            case "load":
              log.push(tryIt(() => C.load(op[1])));
              break;
          }
        }
        return [log, state(C)];
      })
    )
  );
  compare(cases, ours, theirs);
});

Deno.test("http.cookies: Morsel basics", () => {
  const M = new Morsel();
  assert.equal(M.key, null);
  assert.equal(repr(M), "<Morsel: None=None>");
  M.set("fig", "newton", "newton");
  assert.equal(repr(M), "<Morsel: fig=newton>");
  assert.equal(M.isReservedKey("Max-Age"), true);
  const c = M.copy();
  assert.equal(c.__eq__(M), true);
  c.set("path", "/");
  assert.equal(c.__eq__(M), false);
});
