/**
 * Python's `sys` module, the parts a web program uses: `argv`, the standard
 * streams, `exit`, and facts about the interpreter.
 *
 * ```python
 * import io, sys
 * saved, sys.stderr = sys.stderr, io.StringIO()
 * print("to the log", file=sys.stderr)
 * captured, sys.stderr = sys.stderr.getvalue(), saved
 * print(sys.argv[1:], captured)
 * ```
 *
 * ```ts
 * import { sys } from "@pyweb/std/sys";
 * import { StringIO } from "@pyweb/std/io";
 * import { print } from "@pyweb/std";
 * const saved = sys.stderr;
 * const buf = new StringIO();
 * sys.stderr = buf;
 * print("to the log", { file: sys.stderr });
 * sys.stderr = saved;
 * print(sys.argv.slice(1), buf.getvalue());
 * ```
 *
 * A module namespace cannot be assigned to, so the replaceable attributes
 * live on the {@link sys} object; the named exports (`stdout`, `argv`, …)
 * are live bindings that follow it. `print()`, `warnings` and our modules'
 * logging write to the current `sys.stdout`/`sys.stderr`.
 *
 * @module
 */

import { asBytes, Bytes } from "./_util/bytes.ts";
import { SystemExit } from "./_util/exceptions.ts";

export { SystemExit };
import { pyrepr, repr, str, Tuple, tuple } from "./_util/repr.ts";
import { Signature } from "./_util/signature.ts";
import { current, type TextSink, writeAllSync } from "./_util/stdio.ts";

export type { TextSink };
import { TextIOWrapper } from "./io.ts";

/** A binary standard stream: Python's `sys.stdout.buffer` (writes go out synchronously). */
export class StdBinaryWriter {
  #out: { writeSync(p: Uint8Array): number };
  #fd: number;
  /**
   * A writer for one Deno standard stream.
   * @param out the Deno stream
   * @param fd its file descriptor number
   */
  constructor(out: { writeSync(p: Uint8Array): number }, fd: number) {
    this.#out = out;
    this.#fd = fd;
  }
  /** Python's `closed`: false. */
  get closed(): boolean {
    return false;
  }
  /**
   * Write bytes now.
   *
   * @param b the bytes
   * @returns how many were written
   */
  write(b: Uint8Array): number {
    const data = b instanceof Uint8Array ? b : asBytes(new Uint8Array(b as ArrayBuffer));
    let off = 0;
    while (off < data.length) off += this.#out.writeSync(data.subarray(off));
    return data.length;
  }
  /** Nothing is buffered. */
  flush(): void {}
  /** The file descriptor. */
  fileno(): number {
    return this.#fd;
  }
  /** Whether the stream is a terminal. */
  isatty(): boolean {
    try {
      return (this.#out as { isTerminal?(): boolean }).isTerminal?.() ?? false;
    } catch {
      return false;
    }
  }
}

/** `sys.stdin.buffer`: standard input read synchronously. */
export class StdBinaryReader {
  #pending: Uint8Array = new Uint8Array(0);
  #eof = false;
  /** Python's `closed`: false. */
  get closed(): boolean {
    return false;
  }
  #more(): boolean {
    if (this.#eof) return false;
    const chunk = new Uint8Array(65536);
    const n = Deno.stdin.readSync(chunk);
    if (n === null || n === 0) {
      this.#eof = true;
      return false;
    }
    const joined = new Uint8Array(this.#pending.length + n);
    joined.set(this.#pending);
    joined.set(chunk.subarray(0, n), this.#pending.length);
    this.#pending = joined;
    return true;
  }
  #take(n: number): Bytes {
    const out = new Bytes(this.#pending.subarray(0, n));
    this.#pending = this.#pending.slice(n);
    return out;
  }
  /**
   * Read up to `size` bytes (all, to end of input, with -1).
   *
   * @param size how many bytes at most
   * @returns the bytes
   */
  read(size: number | null = -1): Bytes {
    const n = size ?? -1;
    while ((n < 0 || this.#pending.length < n) && this.#more());
    return this.#take(n < 0 ? this.#pending.length : Math.min(n, this.#pending.length));
  }
  /**
   * Read one line of bytes.
   *
   * @param size how many bytes at most
   * @returns the line, with its `\n`
   */
  readline(size: number | null = -1): Bytes {
    const n = size ?? -1;
    let nl = this.#pending.indexOf(10);
    while (nl < 0 && (n < 0 || this.#pending.length < n) && this.#more()) nl = this.#pending.indexOf(10);
    let end = nl < 0 ? this.#pending.length : nl + 1;
    if (n >= 0) end = Math.min(end, n);
    return this.#take(end);
  }
  /** The file descriptor, 0. */
  fileno(): number {
    return 0;
  }
}

function scriptPath(): string {
  try {
    const main = Deno.mainModule;
    return main.startsWith("file:") ? decodeURIComponent(new URL(main).pathname) : main;
  } catch {
    return "";
  }
}

function platformName(): string {
  const os = Deno.build.os;
  return os === "windows" ? "win32" : os;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Python's `sys.version_info` type: a tuple with named fields. */
export class VersionInfo extends Tuple<number | string> {
  /** 3 */
  declare readonly major: number;
  /** 14 */
  declare readonly minor: number;
  /** 0 */
  declare readonly micro: number;
  /** `"final"` */
  declare readonly releaselevel: string;
  /** 0 */
  declare readonly serial: number;
  /** Python's repr. */
  override [pyrepr](): string {
    return `sys.version_info(major=${this.major}, minor=${this.minor}, micro=${this.micro}, releaselevel=${
      repr(this.releaselevel)
    }, serial=${this.serial})`;
  }
}

function versionInfo(): VersionInfo {
  const t = tuple(3, 14, 0, "final", 0);
  Object.setPrototypeOf(t, VersionInfo.prototype);
  const names = ["major", "minor", "micro", "releaselevel", "serial"];
  names.forEach((n, i) => Object.defineProperty(t, n, { value: t[i], enumerable: false }));
  return t as unknown as VersionInfo;
}

/** Python's `sys.argv`: the script's path, then the arguments (`Deno.args`). */
export let argv: string[] = [scriptPath(), ...Deno.args];
/** Python's `sys.stdin`: standard input as text. */
export let stdin: TextIOWrapper = new TextIOWrapper(new StdBinaryReader(), { encoding: "utf-8" });
/** Python's `sys.stdout`: standard output as text; replace it through {@link sys}. */
export let stdout: TextIOWrapper = new TextIOWrapper(new StdBinaryWriter(Deno.stdout, 1), {
  encoding: "utf-8",
  line_buffering: true,
});
/** Python's `sys.stderr`: standard error as text; replace it through {@link sys}. */
export let stderr: TextIOWrapper = new TextIOWrapper(new StdBinaryWriter(Deno.stderr, 2), {
  encoding: "utf-8",
  errors: "backslashreplace",
  line_buffering: true,
});
/** Python's `sys.__stdout__`: the original standard output. */
export const __stdout__: TextIOWrapper = stdout;
/** Python's `sys.__stderr__`: the original standard error. */
export const __stderr__: TextIOWrapper = stderr;
/** Python's `sys.__stdin__`: the original standard input. */
export const __stdin__: TextIOWrapper = stdin;
current.stdin = stdin;
current.stdout = stdout;
current.stderr = stderr;

/**
 * Python's `sys.version_info`: the CPython version whose behaviour pyweb
 * ports, `(3, 14, 0, 'final', 0)`, with named fields.
 */
export const version_info: VersionInfo = versionInfo();
/** Python's `sys.version`: the ported CPython version and the Deno it runs on. */
export const version: string = `3.14.0 (pyweb, Deno ${Deno.version.deno}) [V8 ${Deno.version.v8}]`;
/** Python's `sys.platform`: `"linux"`, `"darwin"`, `"win32"`, … */
export const platform: string = platformName();
/**
 * Python's `sys.maxsize`: the largest exact integer here, `Number.MAX_SAFE_INTEGER`
 * (Python's is 2**63 - 1 on 64-bit machines).
 */
export const maxsize: number = Number.MAX_SAFE_INTEGER;
/** Python's `sys.byteorder`: `"little"` or `"big"`. */
export const byteorder: "little" | "big" = littleEndian ? "little" : "big";
/** Python's `sys.executable`: the Deno binary. */
export const executable: string = (() => {
  try {
    return Deno.execPath();
  } catch {
    return "";
  }
})();

/**
 * Python's `sys.getdefaultencoding()`: `"utf-8"`.
 *
 * @returns `"utf-8"`
 *
 * @example
 * ```ts
 * // Python: sys.getdefaultencoding()
 * import { getdefaultencoding } from "@pyweb/std/sys";
 * import assert from "node:assert/strict";
 * assert.equal(getdefaultencoding(), "utf-8");
 * ```
 */
export function getdefaultencoding(): string {
  return "utf-8";
}

const EXIT = new Signature<{ status: unknown }>("exit", ["status", "/"], { status: null });

/**
 * Python's `sys.exit(status=None)`: raise {@link SystemExit}. Uncaught, it
 * ends the process with that status (`null` 0, a number itself, anything
 * else printed to `sys.stderr` with status 1).
 *
 * @param status the exit status or message
 * @returns never; it always throws
 *
 * @example
 * ```ts
 * // Python: try: sys.exit(2)
 * //         except SystemExit as e: e.code
 * import { exit, SystemExit } from "@pyweb/std/sys";
 * import assert from "node:assert/strict";
 * assert.throws(() => exit(2), (e) => e instanceof SystemExit && e.code === 2);
 * ```
 */
export function exit(status?: unknown): never;
export function exit(...args: unknown[]): never {
  const { status } = EXIT.bind(args);
  throw status === null || status === undefined ? new SystemExit() : new SystemExit(status);
}

/** What an uncaught {@link SystemExit} does: Python's `handle_system_exit`. */
function handleSystemExit(e: SystemExit): never {
  const code = e.code;
  if (code === null || code === undefined) Deno.exit(0);
  if (typeof code === "number" && Number.isInteger(code)) Deno.exit(code);
  try {
    (current.stderr ?? stderr).write(str(code) + "\n");
  } catch {
    writeAllSync(Deno.stderr, str(code) + "\n");
  }
  Deno.exit(1);
}

if (typeof globalThis.addEventListener === "function") {
  globalThis.addEventListener("error", (ev: Event) => {
    const err = (ev as ErrorEvent).error;
    if (err instanceof SystemExit) {
      ev.preventDefault();
      handleSystemExit(err);
    }
  });
  globalThis.addEventListener("unhandledrejection", (ev: Event) => {
    const err = (ev as PromiseRejectionEvent).reason;
    if (err instanceof SystemExit) {
      ev.preventDefault();
      handleSystemExit(err);
    }
  });
}

/**
 * Python's `sys` module as one object whose attributes can be replaced:
 * `sys.stderr = new StringIO()` captures what `print(…, { file: sys.stderr })`,
 * warnings and our servers' logs write, as in Python.
 */
export class Sys {
  /** Python's `sys.argv`. */
  get argv(): string[] {
    return argv;
  }
  set argv(v: string[]) {
    argv = v;
  }
  /** Python's `sys.stdin`. */
  get stdin(): TextIOWrapper {
    return stdin;
  }
  set stdin(v: unknown) {
    stdin = v as TextIOWrapper;
    current.stdin = v;
  }
  /** Python's `sys.stdout`: typed as our text stream; it holds whatever was assigned. */
  get stdout(): TextIOWrapper {
    return stdout;
  }
  set stdout(v: TextSink) {
    stdout = v as TextIOWrapper;
    current.stdout = v;
  }
  /** Python's `sys.stderr`: typed as our text stream; it holds whatever was assigned. */
  get stderr(): TextIOWrapper {
    return stderr;
  }
  set stderr(v: TextSink) {
    stderr = v as TextIOWrapper;
    current.stderr = v;
  }
  /** Python's `sys.__stdin__`. */
  readonly __stdin__: TextIOWrapper = __stdin__;
  /** Python's `sys.__stdout__`. */
  readonly __stdout__: TextIOWrapper = __stdout__;
  /** Python's `sys.__stderr__`. */
  readonly __stderr__: TextIOWrapper = __stderr__;
  /** Python's `sys.version`. */
  readonly version: string = version;
  /** Python's `sys.version_info`. */
  readonly version_info: VersionInfo = version_info;
  /** Python's `sys.platform`. */
  readonly platform: string = platform;
  /** Python's `sys.maxsize` (here `Number.MAX_SAFE_INTEGER`). */
  readonly maxsize: number = maxsize;
  /** Python's `sys.byteorder`. */
  readonly byteorder: "little" | "big" = byteorder;
  /** Python's `sys.executable`. */
  readonly executable: string = executable;
  /** Python's `sys.exit(status=None)`. */
  readonly exit: typeof exit = exit;
  /** Python's `sys.getdefaultencoding()`. */
  readonly getdefaultencoding: typeof getdefaultencoding = getdefaultencoding;
  /** Python's `SystemExit`, for `catch (e) { if (e instanceof sys.SystemExit) … }`. */
  readonly SystemExit: typeof SystemExit = SystemExit;
}

/**
 * Python's `sys`: `sys.argv`, `sys.stdout`, `sys.stderr = new StringIO()`, `sys.exit(1)`.
 *
 * @example
 * ```ts
 * // Python: sys.stderr = io.StringIO(); print("x", file=sys.stderr); sys.stderr = sys.__stderr__
 * import { sys } from "@pyweb/std/sys";
 * import { StringIO } from "@pyweb/std/io";
 * import { print } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * sys.stderr = new StringIO();
 * print("x", { file: sys.stderr });
 * const text = (sys.stderr as unknown as StringIO).getvalue();
 * sys.stderr = sys.__stderr__;
 * assert.equal(text, "x\n");
 * ```
 */
export const sys: Sys = new Sys();
