/**
 * Small Python-compatibility helpers shared by the wsgi modules: Python type
 * names of JavaScript values, `sys.stderr` as `wsgi.errors`, and error
 * formatting.
 *
 * @module
 */

export { formatException } from "../_util/traceback.ts";
import { TypeError } from "../_util/exceptions.ts";
import { typeName, unpack } from "../_util/builtins.ts";
import { stderrStream } from "../_util/stdio.ts";

/** Control characters not allowed in header names or a status (`[\x00-\x1F\x7F]`). */
export function nameDisallowed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Python's `repr(type(v))`: `<class 'str'>`. */
export function pyTypeRepr(v: unknown): string {
  return `<class '${typeName(v)}'>`;
}

/** Python's `name, value = item` for a header pair, with its errors. */
export function unpack2(item: unknown): [unknown, unknown] {
  if (Array.isArray(item) && item.length === 2) return item as [unknown, unknown];
  return unpack(item, 2) as [unknown, unknown];
}

/** `sys.stderr` as a `wsgi.errors`: writes go to the current `sys.stderr` (Deno's stderr by default). */
export class StderrStream {
  /** Write `s`; the number of characters written. */
  write(s: string): number {
    if (typeof s !== "string") {
      throw new TypeError(`write() argument must be str, not ${typeName(s)}`);
    }
    try {
      stderrStream().write(s);
    } catch { /* stderr closed: drop the text as Python's would fail quietly at exit */ }
    return s.length;
  }
  /** Write every string of `seq`. */
  writelines(seq: Iterable<string>): void {
    for (const x of seq) this.write(x);
  }
  /** Flush the current `sys.stderr`. */
  flush(): void {
    stderrStream().flush?.();
  }
}

/** The shared `sys.stderr` stream. */
export const stderr: StderrStream = new StderrStream();
