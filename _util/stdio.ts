/**
 * The current `sys.stdin`/`sys.stdout`/`sys.stderr`, in one place without
 * imports, so `print()`, warnings and logging can find what `sys.ts` (or a
 * user assigning `sys.stderr = new StringIO()`) put there.
 *
 * A `null` slot means "Deno's own stream": writers fall back to
 * `Deno.stdout`/`Deno.stderr` synchronously.
 *
 * @module
 */

/** Something text can be written to: Python's text file protocol, the part we use. */
export interface TextSink {
  /** Write `s`; Python returns the number of characters. */
  write(s: string): unknown;
  /** Flush buffered output, if the sink buffers. */
  flush?(): unknown;
}

/** The streams `sys` currently holds; `null` until something sets them. */
export const current: { stdin: unknown; stdout: TextSink | null; stderr: TextSink | null } = {
  stdin: null,
  stdout: null,
  stderr: null,
};

const encoder = new TextEncoder();

/** Write `text` to a Deno stream synchronously, all of it. */
export function writeAllSync(out: { writeSync(p: Uint8Array): number }, text: string): void {
  const data = encoder.encode(text);
  let off = 0;
  while (off < data.length) off += out.writeSync(data.subarray(off));
}

const denoStderr: TextSink = {
  write(s: string) {
    writeAllSync(Deno.stderr, s);
    return s.length;
  },
};
const denoStdout: TextSink = {
  write(s: string) {
    writeAllSync(Deno.stdout, s);
    return s.length;
  },
};

/** The current `sys.stderr`, or Deno's. */
export function stderrStream(): TextSink {
  return current.stderr ?? denoStderr;
}

/** The current `sys.stdout`, or Deno's. */
export function stdoutStream(): TextSink {
  return current.stdout ?? denoStdout;
}

/** Has `f` a `write` method? */
export function isFileLike(f: unknown): f is TextSink {
  return f !== null && typeof f === "object" && typeof (f as TextSink).write === "function";
}

/** Write text to the current `sys.stderr` (Deno's stderr by default), ignoring a closed stderr. */
export function writeStderr(text: string): void {
  try {
    stderrStream().write(text);
  } catch { /* stderr closed */ }
}
