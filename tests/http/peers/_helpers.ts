// Helpers shared by the http.server tests: start CPython peers, talk raw TCP, normalize responses.
import { CPYTHON314, findPython, haveOracle } from "../../_oracle.ts";
import type { HTTPServer } from "../../../http/server.ts";

export const TUTORIAL: string = decodeURIComponent(
  new URL("../../../../shared/tutorial/", import.meta.url).pathname,
);
export const PEERS: string = decodeURIComponent(new URL(".", import.meta.url).pathname);
export const inCI = Deno.env.get("CI") === "true";

/** A running Python subprocess that printed a line with its ports. */
export interface PyPeer {
  ports: number[];
  child: Deno.ChildProcess;
  stop(): Promise<void>;
}

/** Start `python script args…` (the oracle python unless `python` is given); wait for a `PORTS a b` line. */
export async function startPython(
  script: string,
  args: string[] = [],
  opts: { cwd?: string; python?: string; env?: Record<string, string>; portsPrefix?: string } = {},
): Promise<PyPeer> {
  const py = opts.python ?? findPython()!;
  const env: Record<string, string> = { PYTHONUNBUFFERED: "1", ...opts.env };
  if (!opts.python) env.PYTHONPATH = CPYTHON314;
  const child = new Deno.Command(py, {
    args: [script, ...args],
    cwd: opts.cwd,
    env,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  const prefix = opts.portsPrefix ?? "PORTS ";
  const deadline = Date.now() + 10000;
  while (!text.includes("\n") && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  const line = text.split("\n").find((l) => l.startsWith(prefix)) ?? "";
  const ports = line.slice(prefix.length).trim().split(/\s+/).map(Number);
  // Keep draining stdout/stderr so the child never blocks on a full pipe.
  const drainOut = (async () => {
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch { /* closed */ }
  })();
  const errChunks: Uint8Array[] = [];
  const drainErr = (async () => {
    for await (const c of child.stderr) errChunks.push(c);
  })();
  return {
    ports,
    child,
    async stop() {
      try {
        await child.stdin.close();
      } catch { /* closed */ }
      try {
        child.kill("SIGTERM");
      } catch { /* exited */ }
      await child.status;
      await drainOut;
      await drainErr;
    },
  };
}

/** Wait until something accepts TCP connections on `port`. */
export async function waitForPort(port: number, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
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

export type Ending = "closed" | "reset" | "open";

/**
 * Send `chunks` (with a short pause between them) and read until the server
 * closes, resets, or stays silent for `idleMs` (then "open").
 */
export async function rawExchange(
  port: number,
  chunks: (Uint8Array | string)[],
  idleMs = 400,
): Promise<{ data: Uint8Array; end: Ending }> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  const parts: Uint8Array[] = [];
  let end: Ending = "open";
  const reading = (async () => {
    const buf = new Uint8Array(65536);
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      // A busy machine may take a while for the first byte; after that, silence means "open".
      const wait = parts.length ? idleMs : Math.max(idleMs, 1500);
      const t = new Promise<"idle">((r) => timer = setTimeout(() => r("idle"), wait));
      let n: number | null | "idle";
      try {
        n = await Promise.race([conn.read(buf), t]);
      } catch {
        end = "reset";
        clearTimeout(timer);
        return;
      }
      clearTimeout(timer);
      if (n === "idle") {
        end = "open";
        return;
      }
      if (n === null) {
        end = "closed";
        return;
      }
      parts.push(buf.slice(0, n));
    }
  })();
  try {
    for (const [i, c] of chunks.entries()) {
      if (i > 0) await new Promise((r) => setTimeout(r, 30));
      const data = typeof c === "string" ? latin1(c) : c;
      let off = 0;
      while (off < data.length) off += await conn.write(data.subarray(off));
    }
  } catch { /* the server closed early */ }
  await reading;
  try {
    conn.close();
  } catch { /* closed */ }
  // A read still pending after "idle" rejects once closed; that is fine.
  const total = parts.reduce((a, p) => a + p.length, 0);
  const data = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    data.set(p, o);
    o += p.length;
  }
  return { data, end };
}

export function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function fromLatin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** Blank out the values that legitimately differ: Date, Server, Last-Modified-free version strings. */
export function normalize(text: string): string {
  return text
    .replace(/^Date: [^\r\n]*/gm, "Date: <date>")
    .replace(/^Server: [^\r\n]*/gm, "Server: <server>");
}

/** Skip (locally) or fail (CI) when the oracle is missing. */
export function needOracle(): boolean {
  if (haveOracle()) return true;
  if (inCI) throw new Error("CPython oracle missing: install pyenv 3.13.0 and ../shared/cpython314");
  return false;
}

/** Is a command on PATH? */
export function have(cmd: string): boolean {
  try {
    return new Deno.Command("sh", { args: ["-c", `command -v ${cmd}`], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch {
    return false;
  }
}

/** Serve `server` (polling for shutdown every 50 ms) while `fn` runs against its port, then shut it down and close it. */
export async function withServer(
  server: HTTPServer,
  fn: (port: number) => Promise<void>,
): Promise<void> {
  const serving = server.serve_forever(0.05);
  try {
    await fn(server.server_address[1]);
  } finally {
    await server.shutdown();
    await serving;
    await server.server_close();
  }
}

/** A process's peak resident memory (VmHWM) in MB, from /proc. */
export function peakRssMB(pid: number): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync(`/proc/${pid}/status`))![1]) / 1024;
}

/**
 * Run `deno run -A ...args`, a server that prints its port first, while `fn` runs against it (`port` reads
 * the port from that first output); then stop it (SIGTERM) and wait for it.
 */
export async function withDenoPeer<T>(
  args: string[],
  port: (firstOutput: string) => number,
  fn: (port: number, pid: number) => Promise<T>,
  stderr: "null" | "inherit" = "inherit",
): Promise<T> {
  const child = new Deno.Command(Deno.execPath(), { args: ["run", "-A", ...args], stdout: "piped", stderr })
    .spawn();
  const reader = child.stdout.getReader();
  try {
    const { value } = await reader.read();
    return await fn(port(new TextDecoder().decode(value)), child.pid);
  } finally {
    child.kill("SIGTERM");
    reader.releaseLock();
    await child.stdout.cancel().catch(() => {});
    await child.status;
  }
}
