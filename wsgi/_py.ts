/**
 * Small Python-compatibility helpers shared by the wsgi modules: Python type
 * names of JavaScript values, byte/text streams (BytesIO, StringIO,
 * sys.stderr), latin-1 `quote`, and error formatting.
 *
 * @module
 */

export { formatException } from "../_util/traceback.ts";
import { BytesIO } from "../_util/bytesio.ts";

/** `io.BytesIO` as `wsgi.input`. */
export { BytesIO as BytesInput };
import { TypeError } from "../_util/exceptions.ts";
import { typeName, unpack } from "../_util/builtins.ts";

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

const enc = new TextEncoder();

/** Python's `io.StringIO` as a `wsgi.errors`: collects text. */
export class StringErrors {
  #parts: string[] = [];
  /** Append `s`; the number of characters written. */
  write(s: string): number {
    if (typeof s !== "string") {
      throw new TypeError(`string argument expected, got '${typeName(s)}'`);
    }
    this.#parts.push(s);
    return s.length;
  }
  /** Write every string of `seq`. */
  writelines(seq: Iterable<string>): void {
    for (const s of seq) this.write(s);
  }
  /** Nothing to flush. */
  flush(): void {}
  /** Everything written so far. */
  getvalue(): string {
    return this.#parts.join("");
  }
}

/** `sys.stderr` as a `wsgi.errors`: synchronous writes to the process's stderr. */
export class StderrStream {
  /** Write `s`; the number of characters written. */
  write(s: string): number {
    if (typeof s !== "string") {
      throw new TypeError(`write() argument must be str, not ${typeName(s)}`);
    }
    const data = enc.encode(s);
    let off = 0;
    try {
      while (off < data.length) off += Deno.stderr.writeSync(data.subarray(off));
    } catch { /* stderr closed: drop the text as Python's would fail quietly at exit */ }
    return s.length;
  }
  /** Write every string of `seq`. */
  writelines(seq: Iterable<string>): void {
    for (const s of seq) this.write(s);
  }
  /** Writes are unbuffered. */
  flush(): void {}
}

/** The shared `sys.stderr` stream. */
export const stderr: StderrStream = new StderrStream();
