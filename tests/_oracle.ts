/**
 * The CPython oracle for differential tests.
 *
 * `oracle(code, cases)` runs every case through CPython 3.14's web modules
 * (python3.13 with ../shared/cpython314 first on its path) in one process,
 * JSON in and JSON out; `capture(fn)` gives our result in the same shape, so
 * a test compares values, exception classes and messages directly.
 *
 * Under CI=true a missing interpreter or shared/ folder fails the test that
 * needs it; elsewhere such tests are skipped with a note.
 */

import { NamedTuple } from "../_util/namedtuple.ts";

const here = new URL(".", import.meta.url);
/** Absolute path of the `shared/` folder beside the repository. */
export const SHARED: string = decodeURIComponent(new URL("../../shared/", here).pathname);
/** Absolute path of the CPython 3.14 web modules. */
export const CPYTHON314: string = SHARED + "cpython314";
const inCI = Deno.env.get("CI") === "true";

function version(py: string): [number, number] | null {
  try {
    const out = new Deno.Command(py, {
      args: ["-c", "import sys; print(sys.version_info[0], sys.version_info[1])"],
      stdout: "piped",
      stderr: "null",
    }).outputSync();
    if (!out.success) return null;
    const [maj, min] = new TextDecoder().decode(out.stdout).trim().split(" ").map(Number);
    return [maj, min];
  } catch {
    return null;
  }
}

let cached: string | null | undefined;
/** The newest CPython ≥ 3.12 here, preferring 3.13 (what ../shared/cpython314 expects). */
export function findPython(): string | null {
  if (cached !== undefined) return cached;
  const home = Deno.env.get("HOME") ?? "/root";
  const roots = [Deno.env.get("PYENV_ROOT"), `${home}/.pyenv`].filter(Boolean) as string[];
  const candidates = [Deno.env.get("PYWEB_PYTHON") ?? ""];
  for (const r of roots) {
    for (const v of ["3.13.0", "3.13", "3.14", "3.12.1", "3.12"]) {
      candidates.push(`${r}/versions/${v}/bin/python3`);
    }
    try {
      for (const e of Deno.readDirSync(`${r}/versions`)) {
        if (/^3\.1[2-9]/.test(e.name)) candidates.push(`${r}/versions/${e.name}/bin/python3`);
      }
    } catch { /* no pyenv here */ }
  }
  candidates.push("python3.13", "python3.14", "python3.12", "python3");
  for (const c of candidates) {
    if (!c) continue;
    const v = version(c);
    if (v && v[0] === 3 && v[1] >= 12) return (cached = c);
  }
  return (cached = null);
}

/** Is the oracle present (interpreter and the 3.14 modules)? */
export function haveOracle(): boolean {
  if (findPython() === null) return false;
  try {
    return Deno.statSync(CPYTHON314).isDirectory;
  } catch {
    return false;
  }
}

/**
 * Register a test that needs the oracle: skipped without it on a developer's
 * machine, failing with instructions under CI=true.
 */
export function oracleTest(name: string, fn: () => Promise<void> | void): void {
  const present = haveOracle();
  if (!present && inCI) {
    Deno.test(name, () => {
      throw new Error(
        "CPython oracle missing: install python3.13 (pyenv) or set PYWEB_PYTHON, and keep shared/ beside the repo",
      );
    });
    return;
  }
  Deno.test({ name, ignore: !present, fn });
}

/** One oracle answer: a value, or the exception CPython raised. */
export type Outcome = { ok: unknown } | { error: string; message: string };

const PRELUDE = `
import sys, json
def _enc(o):
    if isinstance(o, (bytes, bytearray)): return {"$b": bytes(o).decode("latin-1")}
    if isinstance(o, tuple) or isinstance(o, list): return [_enc(x) for x in o]
    if isinstance(o, dict): return {"$d": [[_enc(k), _enc(v)] for k, v in o.items()]}
    if o is None or isinstance(o, (bool, int, float, str)): return o
    return {"$repr": repr(o)}
def _dec(o):
    if isinstance(o, list): return [_dec(x) for x in o]
    if isinstance(o, dict):
        if "$b" in o: return o["$b"].encode("latin-1")
        return {k: _dec(v) for k, v in o.items()}
    return o
`;
const POSTLUDE = `
_out = []
for _c in _dec(json.load(sys.stdin)):
    try:
        _out.append({"ok": _enc(run(_c))})
    except Exception as _e:
        _out.append({"error": type(_e).__name__, "message": str(_e)})
sys.stdout.write(json.dumps(_out))
`;

/** Encode a value for the oracle: bytes as `{"$b": latin-1 text}`, recursively. */
export function toWire(v: unknown): unknown {
  if (v instanceof Uint8Array) {
    let s = "";
    for (const c of v) s += String.fromCharCode(c);
    return { $b: s };
  }
  if (Array.isArray(v)) return v.map(toWire);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x)]));
  }
  return v;
}

/**
 * Run `cases` through CPython: `code` must define `run(case)`; its return
 * value comes back JSON-shaped (tuples as arrays, bytes as `{"$b": …}`,
 * dicts as `{"$d": [[k, v], …]}` to keep their order).
 */
export async function oracle(code: string, cases: unknown[]): Promise<Outcome[]> {
  const py = findPython();
  if (!py) throw new Error("no CPython oracle on this machine");
  const child = new Deno.Command(py, {
    args: ["-c", PRELUDE + code + POSTLUDE],
    env: { PYTHONPATH: CPYTHON314, PYTHONIOENCODING: "utf-8", PYTHONWARNINGS: "ignore" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(JSON.stringify(cases.map(toWire))));
  await w.close();
  const out = await child.output();
  if (!out.success) throw new Error("oracle failed:\n" + new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

/** Our value in the oracle's JSON shape (see {@link oracle}). */
export function normalize(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Uint8Array) return toWire(v);
  if (v instanceof NamedTuple) return [...v].map(normalize);
  if (Array.isArray(v)) return v.map(normalize);
  if (v instanceof Map) return { $d: [...v].map(([k, x]) => [normalize(k), normalize(x)]) };
  if (v !== null && typeof v === "object") {
    const proto = Object.getPrototypeOf(v);
    if (proto === null || proto === Object.prototype) {
      return { $d: Object.entries(v).map(([k, x]) => [k, normalize(x)]) };
    }
  }
  return v;
}

/** Run `fn` and report its outcome in the oracle's shape. */
export function capture(fn: () => unknown): Outcome {
  try {
    return { ok: normalize(fn()) };
  } catch (e) {
    if (e instanceof Error) return { error: e.name, message: String(e.message) };
    return { error: "unknown", message: String(e) };
  }
}

/** A free TCP port on 127.0.0.1 (the one helper every test that starts a server uses). */
export function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}
