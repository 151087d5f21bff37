/**
 * Shared helpers of the wsgi and cgi tests: run a Python peer with JSON in
 * and out, and find the interpreters.
 */

import { freePort } from "../_oracle.ts";
export { freePort };
import { findPython, SHARED } from "../_oracle.ts";

const inCI = Deno.env.get("CI") === "true";

/** python3 (3.11 here) still has the `cgi` module; null when missing. */
export function findPython311(): string | null {
  for (const c of [Deno.env.get("PYWEB_PYTHON_CGI") ?? "", "python3.11", "python3.12", "python3"]) {
    if (!c) continue;
    try {
      const out = new Deno.Command(c, {
        args: ["-W", "ignore", "-c", "import cgi"],
        stdout: "null",
        stderr: "null",
      }).outputSync();
      if (out.success) return c;
    } catch { /* not here */ }
  }
  return null;
}

/** The CPython 3.14 oracle command (python3.13 + shared/cpython314), or null. */
export function oraclePython(): string | null {
  return findPython();
}

/** PYTHONPATH that makes the oracle run CPython 3.14's web modules. */
export const ORACLE_PATH: string = SHARED + "cpython314";

/**
 * Register a test that needs `python` (found by `find`): skipped locally
 * without it, failing under CI=true with an install hint.
 */
export function peerTest(
  name: string,
  find: () => string | null,
  hint: string,
  fn: (python: string) => Promise<void>,
): void {
  const py = find();
  if (!py && inCI) {
    Deno.test(name, () => {
      throw new Error(`peer missing: ${hint}`);
    });
    return;
  }
  Deno.test({ name, ignore: !py, fn: () => fn(py!) });
}

/** Run `code` (which reads JSON cases from stdin and prints JSON) with `python`. */
export async function runPython(
  python: string,
  code: string,
  input: unknown,
  env: Record<string, string> = {},
): Promise<unknown> {
  const child = new Deno.Command(python, {
    args: ["-W", "ignore", "-c", code],
    env: { PYTHONIOENCODING: "utf-8", ...env },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(JSON.stringify(input)));
  await w.close();
  const out = await child.output();
  if (!out.success) throw new Error("python failed:\n" + new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

/** Bytes as latin-1 text (how bytes travel in JSON here). */
export function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** Latin-1 text back to bytes. */
export function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Send raw bytes, read the whole response (until the server closes, at most 10 s). */
export async function exchange(port: number, request: Uint8Array): Promise<Uint8Array> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    let off0 = 0;
    while (off0 < request.length) off0 += await conn.write(request.subarray(off0));
    await conn.closeWrite();
    const parts: Uint8Array[] = [];
    const buf = new Uint8Array(65536);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((r) => timer = setTimeout(() => r(null), 10_000));
    try {
      for (let i = 0; i < 100_000; i++) {
        const n = await Promise.race([conn.read(buf), timeout]);
        if (n === null) break;
        parts.push(buf.slice(0, n));
      }
    } catch {
      /* reset by peer: keep what arrived */
    } finally {
      clearTimeout(timer);
    }
    const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    let off = 0;
    for (const p of parts) out.set(p, off), off += p.length;
    return out;
  } finally {
    try {
      conn.close();
    } catch { /* closed */ }
  }
}

/** Wait until `port` accepts connections (at most 20 s). */
export async function waitForPort(port: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      const c = await Deno.connect({ hostname: "127.0.0.1", port });
      c.close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`nothing listens on ${port}`);
}

/** Start a program that serves on `port`; stop it with the returned function. */
export async function startProgram(
  cmd: string,
  args: string[],
  port: number,
  opts: { cwd?: string; env?: Record<string, string> } = {},
): Promise<() => Promise<void>> {
  const child = new Deno.Command(cmd, {
    args,
    cwd: opts.cwd,
    env: opts.env,
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    await waitForPort(port);
  } catch (e) {
    child.kill();
    await child.status;
    throw e;
  }
  return async () => {
    try {
      child.kill();
    } catch { /* gone */ }
    await child.status;
  };
}

/** Split a raw response into its head (status line and headers) and body. */
export function splitResponse(raw: Uint8Array): [string, Uint8Array] {
  const text = latin1(raw);
  const i = text.indexOf("\r\n\r\n");
  return i < 0 ? [text, new Uint8Array(0)] : [text.slice(0, i), raw.subarray(i + 4)];
}
