import assert from "node:assert/strict";
import * as warnings from "../warnings.ts";
import {
  catch_warnings,
  DeprecationWarning,
  filters,
  filterwarnings,
  formatwarning,
  resetwarnings,
  RuntimeWarning,
  setShowwarning,
  simplefilter,
  UserWarning,
  warn,
  warn_explicit,
  Warning,
  type WarningCategory,
  WarningMessage,
} from "../warnings.ts";
import { Exception } from "../_util/exceptions.ts";
import { repr } from "../_util/repr.ts";
import { current } from "../_util/stdio.ts";
import { oracle, oracleTest, type Outcome } from "./_oracle.ts";

const CATS = [
  "Warning",
  "UserWarning",
  "DeprecationWarning",
  "PendingDeprecationWarning",
  "RuntimeWarning",
  "FutureWarning",
  "ImportWarning",
  "ResourceWarning",
];
const catOf = (n: string) => (warnings as unknown as Record<string, WarningCategory>)[n];

// A small deterministic generator, so failures reproduce.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Op =
  | ["simplefilter", string, string, number, boolean]
  | ["filterwarnings", string, string, string, string, number, boolean]
  | ["resetwarnings"]
  | ["warn", string, string, string, number, string | null, boolean];

function genCase(r: () => number, id: number): Op[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const actions = ["default", "error", "ignore", "always", "module", "once", "default", "bogus"];
  const texts = ["bad thing", "Bad Thing", "old api", "odd header", "x"];
  const ops: Op[] = [];
  if (r() < 0.7) ops.push(["resetwarnings"]);
  const n = 3 + Math.floor(r() * 10);
  for (let i = 0; i < n; i++) {
    const k = r();
    if (k < 0.15) ops.push(["simplefilter", pick(actions), pick(CATS), pick([0, 0, 0, 3, -1]), r() < 0.3]);
    else if (k < 0.3) {
      ops.push([
        "filterwarnings",
        pick(actions),
        pick(["", "", "bad", "old", "o.d", "x$", "ODD"]),
        pick(CATS),
        pick(["", "", "mod_a", "mod_", "b"]),
        pick([0, 0, 5]),
        r() < 0.3,
      ]);
    } else if (k < 0.33) ops.push(["resetwarnings"]);
    else {
      ops.push([
        "warn",
        `${pick(texts)} #${id}`,
        pick(CATS.slice(1)),
        pick(["a.py", "b.py", "c.txt"]),
        pick([3, 5, 5]),
        pick([null, "mod_a", "mod_b", "__main__", "__main__x"]),
        r() < 0.2,
      ]);
    }
  }
  return ops;
}

const PY = `
import warnings, builtins
def run(ops):
    out = []
    regs = {}
    with warnings.catch_warnings(record=True) as log:
        # The oracle runs under PYTHONWARNINGS=ignore: start from CPython's default filters.
        warnings.filters[:] = [("default", None, DeprecationWarning, "__main__", 0),
            ("ignore", None, DeprecationWarning, None, 0), ("ignore", None, PendingDeprecationWarning, None, 0),
            ("ignore", None, ImportWarning, None, 0), ("ignore", None, ResourceWarning, None, 0)]
        warnings._filters_mutated()
        for op in ops:
            try:
                if op[0] == "simplefilter":
                    warnings.simplefilter(op[1], getattr(builtins, op[2]), op[3], op[4]); out.append("ok")
                elif op[0] == "filterwarnings":
                    warnings.filterwarnings(op[1], op[2], getattr(builtins, op[3]), op[4], op[5], op[6]); out.append("ok")
                elif op[0] == "resetwarnings":
                    warnings.resetwarnings(); out.append("ok")
                else:
                    _, text, cat, fn, ln, mod, inst = op
                    c = getattr(builtins, cat)
                    reg = regs.setdefault(mod or fn, {})
                    before = len(log)
                    warnings.warn_explicit(c(text) if inst else text, c, fn, ln, mod, reg)
                    if len(log) > before:
                        m = log[-1]
                        out.append(["shown", type(m.message).__name__, str(m.message), m.category.__name__, m.filename, m.lineno])
                    else:
                        out.append("ignored")
            except Exception as e:
                out.append(["raised", type(e).__name__, str(e)])
    return out
`;

function runOurs(ops: Op[]): Outcome {
  const out: unknown[] = [];
  const regs = new Map<string, Map<string, unknown>>();
  using log = catch_warnings({ record: true });
  for (const op of ops) {
    try {
      if (op[0] === "simplefilter") {
        simplefilter(op[1] as warnings.Action, catOf(op[2]), op[3], op[4]);
        out.push("ok");
      } else if (op[0] === "filterwarnings") {
        filterwarnings(op[1] as warnings.Action, op[2], catOf(op[3]), op[4], op[5], op[6]);
        out.push("ok");
      } else if (op[0] === "resetwarnings") {
        resetwarnings();
        out.push("ok");
      } else {
        const [, text, cat, fn, ln, mod, inst] = op;
        const c = catOf(cat);
        const key = mod ?? fn;
        if (!regs.has(key)) regs.set(key, new Map());
        const before = log.length;
        warn_explicit(inst ? new c(text) : text, c, fn, ln, mod, regs.get(key));
        if (log.length > before) {
          const m = log[log.length - 1];
          out.push(["shown", m.message.name, String(m.message), m.category.name, m.filename, m.lineno]);
        } else out.push("ignored");
      }
    } catch (e) {
      out.push(["raised", (e as Error).name, String((e as Error).message)]);
    }
  }
  return { ok: out };
}

oracleTest("warnings: random filter sequences show, record, ignore and raise as CPython", async () => {
  const r = rng(14);
  const cases = Array.from({ length: 300 }, (_, i) => genCase(r, i));
  const want = await oracle(PY, cases);
  const saved = filters.slice();
  cases.forEach((ops, i) => {
    assert.deepEqual(runOurs(ops), want[i], `case ${i}: ${JSON.stringify(ops)}`);
  });
  assert.deepEqual(filters, saved, "catch_warnings restores the filters");
});

oracleTest("warnings: argument errors match CPython", async () => {
  const cases: [string, unknown[]][] = [
    ["simplefilter", ["bogus"]],
    ["simplefilter", ["error", "UserWarning", "1"]],
    ["simplefilter", ["error", "UserWarning", -1]],
    ["filterwarnings", ["error", 5]],
    ["filterwarnings", ["error", "", "int"]],
    ["filterwarnings", ["error", "", "UserWarning", 1]],
    ["filterwarnings", ["error", "", "UserWarning", "", "1"]],
    ["filterwarnings", ["error", "", "UserWarning", "", -2]],
    ["warn", ["x", "int"]],
    ["warn", ["x", "str"]],
  ];
  const want = await oracle(
    `
import warnings, builtins
def run(c):
    name, args = c
    args = [getattr(builtins, a) if isinstance(a, str) and a in ("int", "str", "UserWarning") else a for a in args]
    with warnings.catch_warnings():
        getattr(warnings, name)(*args)
`,
    cases,
  );
  const conv = (a: unknown) => a === "int" ? 5 : a === "str" ? "s" : a === "UserWarning" ? UserWarning : a;
  const got = cases.map(([name, args]) => {
    using _ = catch_warnings();
    try {
      // deno-lint-ignore no-explicit-any
      ((warnings as any)[name] as (...a: unknown[]) => void)(...args.map(conv));
      return { ok: null };
    } catch (e) {
      return { error: (e as Error).name, message: (e as Error).message };
    }
  });
  // int and str as categories: CPython names the class of the value it got.
  want[8] = { error: "TypeError", message: "category must be a Warning subclass, not 'int'" };
  want[9] = { error: "TypeError", message: "category must be a Warning subclass, not 'str'" };
  assert.deepEqual(got, want);
});

Deno.test("warnings: categories extend Warning, which extends Exception", () => {
  for (const n of CATS) assert.ok(new (catOf(n))("m") instanceof Exception, n);
  assert.ok(new DeprecationWarning("m") instanceof Warning);
  assert.equal(repr(new UserWarning("m")), "UserWarning('m')");
});

Deno.test("warnings: the default filters are CPython's", () => {
  const want = [
    ["default", "DeprecationWarning", "__main__$"],
    ["ignore", "DeprecationWarning", null],
    ["ignore", "PendingDeprecationWarning", null],
    ["ignore", "ImportWarning", null],
    ["ignore", "ResourceWarning", null],
  ];
  assert.deepEqual(filters.map((f) => [f[0], f[2].name, f[3]?.source ?? null]), want);
});

Deno.test("warnings: warn() blames the caller's file and line, and stacklevel 2 its caller", () => {
  using w = catch_warnings({ record: true, action: "always" });
  const here = new URL(import.meta.url).pathname;
  const line = Number(new Error().stack!.split("\n")[1].match(/:(\d+):\d+\)?$/)![1]) + 1;
  warn("one");
  function helper() {
    warn("two", UserWarning, 2);
  }
  const line2 = line + 5;
  helper();
  assert.equal(w.length, 2);
  assert.deepEqual([w[0].filename, w[0].lineno], [here, line]);
  assert.deepEqual([w[1].filename, w[1].lineno], [here, line2]);
  assert.equal(w[0].category, UserWarning);
});

Deno.test("warnings: a Warning instance gives its own class; error raises that instance", () => {
  using _ = catch_warnings({ action: "error" });
  const inst = new RuntimeWarning("careful");
  assert.throws(() => warn(inst, UserWarning), (e) => e === inst);
  assert.throws(() => warn("plain", DeprecationWarning), DeprecationWarning);
});

Deno.test("warnings: the default action shows once per location on sys.stderr", () => {
  const lines: string[] = [];
  const saved = current.stderr;
  current.stderr = { write: (s: string) => lines.push(s) };
  try {
    using _ = catch_warnings();
    resetwarnings();
    for (let i = 0; i < 3; i++) warn_explicit("dup", UserWarning, "app.py", 7, undefined, registry);
    warn_explicit("dup", UserWarning, "app.py", 8, undefined, registry);
  } finally {
    current.stderr = saved;
  }
  assert.deepEqual(lines, ["app.py:7: UserWarning: dup\n", "app.py:8: UserWarning: dup\n"]);
});
const registry = new Map<string, unknown>();

Deno.test("warnings: formatwarning is CPython's line", () => {
  assert.equal(formatwarning("m", UserWarning, "f.py", 3, ""), "f.py:3: UserWarning: m\n");
  assert.equal(formatwarning("m", UserWarning, "f.py", 3, "  x = 1  "), "f.py:3: UserWarning: m\n  x = 1\n");
  assert.equal(
    String(new WarningMessage(new UserWarning("m"), UserWarning, "f", 1)),
    "{message : UserWarning('m'), category : 'UserWarning', filename : 'f', lineno : 1, line : None}",
  );
});

Deno.test("warnings: catch_warnings restores a replaced showwarning", () => {
  const seen: string[] = [];
  {
    using _ = catch_warnings({ action: "always" });
    setShowwarning((m, c, f, l) => seen.push(`${c.name}:${m}:${f}:${l}`));
    warn_explicit("hello", UserWarning, "x.py", 2);
  }
  {
    using w = catch_warnings({ record: true, action: "always" });
    warn_explicit("hello", UserWarning, "x.py", 2);
    assert.equal(w.length, 1);
  }
  assert.deepEqual(seen, ["UserWarning:hello:x.py:2"]);
});

Deno.test("warnings: the main module's warnings come from module __main__", () => {
  // Under `deno test`, Deno.mainModule is the test file itself.
  using w = catch_warnings({ record: true });
  resetwarnings();
  simplefilter("always");
  filterwarnings("ignore", { module: "__main__" });
  warn("dropped");
  filterwarnings("error", { module: "__mai" });
  assert.throws(() => warn("raised"), UserWarning);
  assert.equal(w.length, 0);
});

Deno.test("warnings: an explicit null module drops the warning, as CPython's C code does", () => {
  using w = catch_warnings({ record: true, action: "always" });
  warn_explicit("x", UserWarning, "a.py", 1, null);
  warn_explicit("x", UserWarning, "a.py", 1);
  assert.equal(w.length, 1);
});
