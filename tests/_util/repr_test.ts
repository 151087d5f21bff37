import assert from "node:assert/strict";
import { b, Bytes, print, repr, str, tuple } from "../../mod.ts";
import { decode, encode } from "../../_util/codecs.ts";
import { capture, oracle, oracleTest } from "../_oracle.ts";
import {
  FileNotFoundError,
  KeyError,
  OSError,
  UnicodeEncodeError,
  ValueError,
} from "../../_util/exceptions.ts";

const STRINGS = [
  "",
  "plain",
  "a'b",
  'a"b',
  "a'b\"c",
  "\\",
  "\x00\x1f\x7f\x80\x9f\xa0\xad",
  "tab\there\nnl\rcr",
  "é한글😀",
  "\u200b\u2028\u2029\u3000\ufeff",
  "\ud800",
  "\udfff x",
  "\u{e0001}\u{10ffff}",
  "\u0378",
];

oracleTest("repr of str and bytes matches CPython", async () => {
  const bytes = [new Uint8Array([0, 39, 34, 92, 9, 10, 13, 127, 128, 255]), new Uint8Array([39]), b`plain`];
  const want = await oracle("def run(c):\n    return repr(c)", [...STRINGS, ...bytes]);
  const got = [...STRINGS, ...bytes].map((s) => capture(() => repr(s)));
  assert.deepEqual(got, want);
});

oracleTest("codecs: encode/decode results and errors match CPython", async () => {
  const encCases: [string, string, string][] = [];
  for (const s of ["abc", "é", "éé€", "a\ud800b", "\udc80\udcff", "x😀y", "€"]) {
    for (const e of ["utf-8", "ascii", "latin-1", "cp1252", "utf-16-le"]) {
      for (
        const err of [
          "strict",
          "ignore",
          "replace",
          "xmlcharrefreplace",
          "backslashreplace",
          "surrogateescape",
        ]
      ) {
        encCases.push([s, e, err]);
      }
    }
  }
  const want = await oracle("def run(c):\n    return c[0].encode(c[1], c[2])", encCases);
  const got = encCases.map(([s, e, err]) => capture(() => encode(s, e, err)));
  assert.deepEqual(got, want);

  const decCases: [Uint8Array, string, string][] = [];
  const inputs = [[0x61], [0xff], [0x61, 0xc3], [0xc3, 0x61], [0xed, 0xa0, 0x80], [0xf0, 0x90, 0x80], [
    0xe2,
    0x82,
    0xac,
  ], [0x80, 0x81, 0x8d, 0x9d]];
  for (const bs of inputs) {
    for (const e of ["utf-8", "ascii", "latin-1", "cp1252"]) {
      for (const err of ["strict", "ignore", "replace", "surrogateescape", "backslashreplace"]) {
        decCases.push([new Uint8Array(bs), e, err]);
      }
    }
  }
  const want2 = await oracle("def run(c):\n    return c[0].decode(c[1], c[2])", decCases);
  const got2 = decCases.map(([bs, e, err]) => capture(() => decode(bs, e, err)));
  assert.deepEqual(got2, want2);
});

Deno.test("repr of containers, tuples and None", () => {
  assert.equal(repr([1, "a", null, true, tuple("x")]), "[1, 'a', None, True, ('x',)]");
  const d = Object.create(null);
  d["__proto__"] = ["1"];
  d.constructor = 2;
  assert.equal(repr(d), "{'__proto__': ['1'], 'constructor': 2}");
  assert.equal(repr(new Map([["k", 1.5]])), "{'k': 1.5}");
  assert.equal(repr(new Set()), "set()");
  assert.equal(repr(tuple()), "()");
  assert.equal(str("x"), "x");
  assert.equal(repr(1e-7), "1e-07");
});

Deno.test("exceptions: names, hierarchy, str and repr", () => {
  const e = new ValueError("Invalid IPv6 URL");
  assert.equal(e.name, "ValueError");
  assert.equal(repr(e), "ValueError('Invalid IPv6 URL')");
  assert.equal(str(new KeyError("k")), "'k'");
  const os = new OSError(2, "No such file or directory", "x");
  assert.equal(str(os), "[Errno 2] No such file or directory: 'x'");
  assert.ok(new UnicodeEncodeError("ascii", "é", 0, 1, "ordinal not in range(128)") instanceof ValueError);
});

Deno.test("bytes literal and decode", () => {
  const x = b`caf\xc3\xa9 ${"é"} ${b`\x00`}`;
  assert.ok(x instanceof Bytes);
  assert.equal(x.decode(), "café é \x00");
  assert.equal(repr(x), "b'caf\\xc3\\xa9 \\xc3\\xa9 \\x00'");
  assert.throws(() => b`é`, TypeError);
});

Deno.test("print formats like Python and honours sep/end", () => {
  const chunks: string[] = [];
  const file = {
    writeSync(p: Uint8Array) {
      chunks.push(new TextDecoder().decode(p));
      return p.length;
    },
  };
  print("a", 1, null, ["x"], { sep: "|", end: "!\n", file });
  assert.equal(chunks.join(""), "a|1|None|['x']!\n");
});

oracleTest("OSError(errno, …) picks CPython's subclass, args and str", async () => {
  const cases: unknown[][] = [];
  for (const e of [2, 13, 17, 20, 21, 32, 103, 104, 110, 111, 5]) {
    cases.push([e, "msg"], [e, "msg", "file.txt"]);
  }
  cases.push(["just text"], [2], []);
  const want = await oracle(
    "def run(c):\n    e = OSError(*c)\n    return [type(e).__name__, repr(e), str(e), list(e.args)]",
    cases,
  );
  const got = cases.map((c) =>
    capture(() => {
      const e = new OSError(...c);
      return [e.name, repr(e), str(e), e.args];
    })
  );
  assert.deepEqual(got, want);
  assert.ok(new OSError(2, "x") instanceof FileNotFoundError);
});
