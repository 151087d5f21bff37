import assert from "node:assert/strict";
import { BufferError, BytesIO, StringIO, TextIOWrapper, UnsupportedOperation } from "../io.ts";
import { b } from "../_util/bytes.ts";
import { print } from "../_util/repr.ts";
import { ValueError } from "../_util/exceptions.ts";
import { capture, oracle, oracleTest, type Outcome } from "./_oracle.ts";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Op = [string, ...unknown[]];

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function genOps(r: () => number, text: boolean): { init: unknown; newline: unknown; ops: Op[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const pieces = text
    ? ["", "a", "hello\n", "x\r\ny", "\r", "é😀\n", "line1\nline2\n", "\n\n", "tail"]
    : ["", "a", "hello\n", "x\r\ny", "\x00\xff", "line1\nline2\n", "\n\n", "tail"];
  const sizes = [null, -1, 0, 1, 2, 3, 5, 100, -7];
  const ops: Op[] = [];
  const n = 5 + Math.floor(r() * 20);
  for (let i = 0; i < n; i++) {
    const k = r();
    if (k < 0.25) ops.push(["write", pick(pieces)]);
    else if (k < 0.35) ops.push(["read", pick(sizes)]);
    else if (k < 0.4) ops.push([text ? "read" : "read1", pick(sizes)]);
    else if (k < 0.5) ops.push(["readline", pick(sizes)]);
    else if (k < 0.55) ops.push(["readlines", pick([null, 0, 1, 4, -1])]);
    else if (k < 0.7) {
      ops.push(["seek", pick([0, 0, 1, 3, 7, 20, -1]), pick(text ? [0, 0, 0, 1, 2, 3] : [0, 0, 1, 2, 2, 3])]);
    } else if (k < 0.75) ops.push(["seek", 0, pick([1, 2])]);
    else if (k < 0.8) ops.push(["truncate", pick([null, null, 0, 2, 10, -1])]);
    else if (k < 0.87) ops.push(["getvalue"]);
    else if (k < 0.9) ops.push(["list"]);
    else if (k < 0.93) ops.push(["tell"]);
    else if (k < 0.95) ops.push(["write", text ? pick([5, latin1("b")]) : pick([5, "str"])]);
    else if (k < 0.97) ops.push(["readable"]);
    else if (k < 0.985) ops.push(["close"]);
    else ops.push(["read", "x"]);
  }
  const init = r() < 0.5 ? null : text ? pick(pieces) : latin1(pick(pieces));
  const newline = text ? pick(["\n", "\n", null, "", "\r", "\r\n"]) : null;
  return { init, newline, ops };
}

const PY = `
import io
def run(c):
    text, init, newline, ops = c
    f = (io.StringIO(init, newline) if text else io.BytesIO(init))
    out = []
    for op in ops:
        name, *args = op
        try:
            if name == "list":
                r = list(f)
            elif name == "write" and not text and isinstance(args[0], str) and args[0] != "str":
                r = f.write(args[0].encode("latin-1"))
            else:
                r = getattr(f, name)(*args)
            res = ["ok", r]
        except Exception as e:
            res = ["error", type(e).__name__, str(e)]
        try:
            pos = f.tell()
        except Exception as e:
            pos = type(e).__name__
        out.append([res, pos])
    return out
`;

function runOurs(text: boolean, init: unknown, newline: unknown, ops: Op[]): Outcome {
  // deno-lint-ignore no-explicit-any
  const f: any = text
    ? new StringIO(init as string | null, newline as string | null)
    : new BytesIO(init as Uint8Array);
  const out: unknown[] = [];
  for (const [name, ...args] of ops) {
    let res: Outcome | unknown[];
    if (name === "list") res = capture(() => [...f]);
    else if (name === "write" && !text && typeof args[0] === "string" && args[0] !== "str") {
      res = capture(() => f.write(latin1(args[0] as string)));
    } else res = capture(() => f[name](...args));
    res = "ok" in res ? ["ok", res.ok] : ["error", res.error, res.message];
    let pos: unknown;
    try {
      pos = f.tell();
    } catch (e) {
      pos = (e as Error).name;
    }
    out.push([res, pos]);
  }
  return { ok: out };
}

for (const text of [false, true]) {
  const kind = text ? "StringIO" : "BytesIO";
  oracleTest(`io.${kind}: random operation sequences give CPython's results and positions`, async () => {
    const r = rng(text ? 41 : 14);
    const cases = Array.from({ length: 400 }, () => genOps(r, text));
    const want = await oracle(PY, cases.map((c) => [text, c.init, c.newline, c.ops]));
    cases.forEach((c, i) => {
      const got = runOurs(text, c.init, c.newline, c.ops);
      assert.deepEqual(got, want[i], `case ${i}: ${JSON.stringify([c.init, c.newline, c.ops])}`);
    });
  });
}

oracleTest("io: constructor and argument errors match CPython", async () => {
  const cases = [
    ["BytesIO", ["x"]],
    ["BytesIO", [5]],
    ["StringIO", [5]],
    ["StringIO", ["", "x"]],
    ["StringIO", [latin1("x")]],
  ];
  const want = await oracle(
    `
import io
def run(c):
    name, args = c
    getattr(io, name)(*args)
`,
    cases,
  );
  const got = cases.map(([name, args]) =>
    capture(() => {
      // deno-lint-ignore no-explicit-any
      const C: any = name === "BytesIO" ? BytesIO : StringIO;
      new C(...(args as unknown[]));
      return null;
    })
  );
  assert.deepEqual(got, want);
});

Deno.test("io.BytesIO: using closes it, and a closed file raises CPython's ValueError", () => {
  let f: BytesIO;
  {
    using g = new BytesIO(b`abc`);
    f = g;
    assert.equal(f.closed, false);
  }
  assert.equal(f.closed, true);
  assert.throws(
    () => f.read(),
    (e) => e instanceof ValueError && e.message === "I/O operation on closed file.",
  );
  assert.throws(() => f.fileno(), UnsupportedOperation);
});

Deno.test("io.BytesIO: getbuffer is a view; resizing while exported raises BufferError", () => {
  const f = new BytesIO(b`abcdef`);
  const view = f.getbuffer();
  view[0] = 0x41;
  assert.deepEqual(f.getvalue(), b`Abcdef`);
  assert.throws(() => f.write(b`x`), BufferError);
  assert.throws(() => f.truncate(1), BufferError);
  view.release();
  f.write(b`x`);
  assert.deepEqual(f.getvalue(), b`xbcdef`);
  {
    using _v = f.getbuffer();
    assert.throws(() => f.close(), BufferError);
  }
  f.close();
});

Deno.test("io.BytesIO: the old async reading style still works", async () => {
  const f = new BytesIO(b`a\nb\n`);
  assert.deepEqual(await f.readline(), b`a\n`);
  const lines = [];
  for await (const line of f) lines.push(line);
  assert.deepEqual(lines, [b`b\n`]);
});

Deno.test("io.StringIO: print(..., file=f) and positions in code points", () => {
  const f = new StringIO();
  print("é😀", 1, { file: f });
  assert.equal(f.getvalue(), "é😀 1\n");
  assert.equal(f.tell(), 5);
  f.seek(1);
  assert.equal(f.read(1), "😀");
});

oracleTest("io.TextIOWrapper: reads and writes over a BytesIO as CPython", async () => {
  const cases = [
    ["latin-1", null, latin1("h\xe9llo\r\nx\ry\n"), "readline"],
    ["latin-1", null, latin1("h\xe9llo\r\nx\ry\n"), "read"],
    ["utf-8", "", latin1("a\r\nb\rc\n"), "readlines"],
    ["utf-8", null, latin1("\xff"), "read"],
    ["ascii", null, latin1("\xff"), "read"],
  ];
  const want = await oracle(
    `
import io
def run(c):
    enc, nl, data, op = c
    return getattr(io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline=nl), op)()
`,
    cases,
  );
  const got = cases.map(([enc, nl, data, op]) =>
    capture(() => {
      const t = new TextIOWrapper(new BytesIO(data as Uint8Array), {
        encoding: enc as string,
        newline: nl as null,
      });
      return op === "read" ? t.read() : op === "readline" ? t.readline() : t.readlines();
    })
  );
  assert.deepEqual(got, want);
  const raw = new BytesIO();
  const t = new TextIOWrapper(raw, { encoding: "utf-8", newline: "\r\n" });
  t.write("a\nb");
  t.flush();
  assert.deepEqual(raw.getvalue(), b`a\r\nb`);
  assert.throws(() => t.write(b`x` as unknown as string), TypeError);
});
