/**
 * Python's `urllib.response`: the small file wrappers that `urlopen()` returns
 * for `file:` and `data:` URLs (and that `HTTPError` builds on).
 *
 * ```python
 * with urllib.request.urlopen("data:,Hello") as f:
 *     print(f.status, f.info()["Content-type"], f.read())
 * ```
 *
 * ```ts
 * import { urlopen } from "@pyweb/std/urllib/request";
 * await using f = await urlopen("data:,Hello");
 * console.log(f.status, f.info().get("Content-type"), await f.read());
 * ```
 *
 * @module
 */

import { Bytes } from "../_util/bytes.ts";
import { OSError, ValueError } from "../_util/exceptions.ts";
import type { HTTPMessage } from "../_util/message.ts";
import { pyrepr, repr, showAsRepr } from "../_util/repr.ts";
import { Signature } from "../_util/signature.ts";
import { iterLines, readLines } from "../_util/stream.ts";

/** What the wrappers read from: a Python-style binary file object. */
export interface ReadableFile {
  /** Read up to `n` bytes (all when `n` is negative or left out). */
  read(n?: number): Promise<Uint8Array>;
  /** Read one line, at most `limit` bytes. */
  readline?(limit?: number): Promise<Uint8Array>;
  /** Close the file. */
  close(): unknown;
  /** True once closed. */
  readonly closed?: boolean;
  /** The file's descriptor, where it has one. */
  fileno?(): number;
}

let nextId = 0x1000;

/** A stable, per-object id used in our reprs in place of CPython's memory address. */
export function objectId(o: object): string {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, id = nextId++);
  return "0x" + id.toString(16).padStart(12, "0");
}
const ids = new WeakMap<object, number>();

const ADDBASE_INIT = new Signature<{ fp: ReadableFile }>("addbase.__init__", ["self", "fp"]);
const ADDBASE_EXIT = new Signature<{ type: unknown; value: unknown; traceback: unknown }>(
  "addbase.__exit__",
  ["self", "type", "value", "traceback"],
);

/**
 * Python's `urllib.response.addbase`: a file wrapper with `read`, `readline`,
 * `readlines`, async iteration, `close` and `await using`.
 *
 * @example
 * ```ts
 * import { addbase } from "@pyweb/std/urllib/response";
 * import { urlopen } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const f = await urlopen("data:,a%0Ab");
 * const wrapped = new addbase(f);
 * assert.deepEqual((await wrapped.readlines()).map((l) => l.decode()), ["a\n", "b"]);
 * wrapped.close();
 * ```
 */
export class addbase implements AsyncIterable<Bytes> {
  /** The wrapped file object. */
  fp: ReadableFile;
  #closed = false;

  /**
   * Wrap `fp`.
   * @param fp the file object to wrap
   */
  constructor(fp: ReadableFile);
  /** Wrap `fp`, given by keyword. */
  constructor(kwargs: { fp: ReadableFile });
  constructor(...args: unknown[]) {
    const { fp } = ADDBASE_INIT.bind(args);
    this.fp = fp;
  }

  /**
   * Python's `fileno()`, the wrapped file's: a `file:` response has one.
   * @returns the descriptor (Deno's resource id)
   * @throws {OSError} when the wrapped file has none (`data:` responses, like CPython's `BytesIO`)
   */
  fileno(): number {
    if (typeof this.fp.fileno === "function") return this.fp.fileno();
    throw new OSError("fileno");
  }

  /** True once `close()` was called (or the wrapped file is closed). */
  get closed(): boolean {
    return this.#closed || this.fp.closed === true;
  }

  /**
   * Python's `read(n=-1)`.
   * @param n how many bytes at most; all when negative
   * @returns the bytes read (empty at end of file)
   */
  async read(n: number = -1): Promise<Bytes> {
    if (this.#closed) throw new ValueError("I/O operation on closed file.");
    return toBytes(await this.fp.read(n));
  }

  /**
   * Python's `readline(limit=-1)`.
   * @param limit the longest line to return; no limit when negative
   * @returns one line, its `\n` included
   */
  async readline(limit: number = -1): Promise<Bytes> {
    if (this.#closed) throw new ValueError("I/O operation on closed file.");
    if (this.fp.readline) return toBytes(await this.fp.readline(limit));
    const parts: number[] = [];
    while (limit < 0 || parts.length < limit) {
      const c = await this.fp.read(1);
      if (!c.length) break;
      parts.push(c[0]);
      if (c[0] === 10) break;
    }
    return new Bytes(parts);
  }

  /**
   * Python's `readlines(hint=-1)`.
   * @param hint stop once this many bytes were read; no limit when not positive
   * @returns the lines
   */
  readlines(hint: number = -1): Promise<Bytes[]> {
    return readLines(() => this.readline(), hint);
  }

  /** Iterate over the lines (Python's `for line in f`). */
  [Symbol.asyncIterator](): AsyncGenerator<Bytes> {
    return iterLines(() => this.readline());
  }

  /** Close the wrapper and the wrapped file. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      const r = this.fp.close();
      if (r instanceof Promise) r.catch(() => {});
    } catch {
      // closing twice or closing a vanished stream is not an error here
    }
  }

  /**
   * Python's `__enter__()`, what `with f:` calls first. `using f = …` calls nothing on entry, so a port that
   * needs CPython's check writes `using f = wrapper.__enter__()`.
   * @returns this wrapper
   * @throws {ValueError} when the wrapped file is closed
   */
  __enter__(): this {
    if (this.fp.closed === true) throw new ValueError("I/O operation on closed file");
    return this;
  }

  /**
   * Python's `__exit__(type, value, traceback)`: close (what `using` does at the end of the block).
   * @param type the exception class, or `null`
   * @param value the exception, or `null`
   * @param traceback the traceback, or `null`
   */
  __exit__(type: unknown, value: unknown, traceback: unknown): void;
  /** Python's `__exit__`, with keyword arguments. */
  __exit__(kwargs: { type: unknown; value: unknown; traceback: unknown }): void;
  __exit__(...args: unknown[]): void {
    ADDBASE_EXIT.bind(args);
    this.close();
  }

  /** `await using f = …` closes the file at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    this.close();
    return Promise.resolve();
  }

  /** `using f = …` closes the file at the end of the block. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** Python's repr, with a stable id in place of the memory address. */
  [pyrepr](): string {
    return `<${this.constructor.name} at ${objectId(this)} whose fp = ${repr(this.fp)}>`;
  }
}

function toBytes(u: Uint8Array): Bytes {
  return u instanceof Bytes ? u : new Bytes(u.buffer as ArrayBuffer, u.byteOffset, u.length);
}

const ADDCLOSEHOOK_INIT = new Signature<
  // deno-lint-ignore no-explicit-any
  { fp: ReadableFile; closehook: (...args: any[]) => unknown; hookargs: unknown[] }
>("addclosehook.__init__", ["self", "fp", "closehook", "*hookargs"]);

/**
 * Python's `urllib.response.addclosehook(fp, closehook, *hookargs)`: calls
 * `closehook(...hookargs)` once, when closed.
 *
 * @example
 * ```ts
 * import { addclosehook } from "@pyweb/std/urllib/response";
 * import { urlopen } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const seen: string[] = [];
 * const f = new addclosehook(await urlopen("data:,x"), (s: string) => seen.push(s), "closed");
 * f.close();
 * f.close();
 * assert.deepEqual(seen, ["closed"]);
 * ```
 */
export class addclosehook extends addbase {
  /** The hook, or `null` once it ran. */
  closehook: ((...args: never[]) => unknown) | null;
  /** The hook's arguments, or `null` once it ran. */
  hookargs: unknown[] | null;

  /**
   * Create the object, with Python's constructor arguments.
   * @param fp the file object to wrap
   * @param closehook called on close
   * @param hookargs arguments for the hook
   */
  // deno-lint-ignore no-explicit-any
  constructor(fp: ReadableFile, closehook: (...args: any[]) => unknown, ...hookargs: unknown[]);
  /** Create the object, with keyword arguments. */
  // deno-lint-ignore no-explicit-any
  constructor(kwargs: { fp: ReadableFile; closehook: (...args: any[]) => unknown });
  constructor(...args: unknown[]) {
    const { fp, closehook, hookargs } = ADDCLOSEHOOK_INIT.bind(args);
    super(fp);
    this.closehook = closehook;
    this.hookargs = hookargs;
  }

  /** Run the hook (once), then close. */
  override close(): void {
    try {
      const hook = this.closehook as ((...a: unknown[]) => unknown) | null;
      const args = this.hookargs ?? [];
      if (hook) {
        this.closehook = null;
        this.hookargs = null;
        hook(...args);
      }
    } finally {
      super.close();
    }
  }
}

const ADDINFO_INIT = new Signature<{ fp: ReadableFile; headers: HTTPMessage }>(
  "addinfo.__init__",
  ["self", "fp", "headers"],
  {},
  ["headers"],
);

/**
 * Python's `urllib.response.addinfo(fp, headers)`: adds `info()`.
 *
 * @example
 * ```ts
 * import { addinfo } from "@pyweb/std/urllib/response";
 * import { urlopen } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * const f = await urlopen("data:text/html,<p>");
 * const w = new addinfo(f, f.info());
 * assert.equal(w.info().get("Content-type"), "text/html");
 * w.close();
 * ```
 */
export class addinfo extends addbase {
  /** The response headers. */
  headers: HTTPMessage;
  /**
   * Create the object, with Python's constructor arguments.
   * @param fp the file object to wrap
   * @param headers the headers `info()` returns
   */
  constructor(fp: ReadableFile, headers: HTTPMessage);
  /** Create the object, with keyword arguments. */
  constructor(kwargs: { fp: ReadableFile; headers: HTTPMessage });
  constructor(...args: unknown[]) {
    const { fp, headers } = ADDINFO_INIT.bind(args);
    super(fp);
    this.headers = headers;
  }
  /**
   * Python's `info()`.
   * @returns the headers
   */
  info(): HTTPMessage {
    return this.headers;
  }
}

const ADDINFOURL_INIT = new Signature<
  { fp: ReadableFile; headers: HTTPMessage; url: string; code: number | null }
>("addinfourl.__init__", ["self", "fp", "headers", "url", "code"], { code: null }, ["headers"]);

/**
 * Python's `urllib.response.addinfourl(fp, headers, url, code=None)`: what
 * `urlopen()` returns for `file:` and `data:` URLs.
 *
 * @example
 * ```ts
 * import { urlopen } from "@pyweb/std/urllib/request";
 * import assert from "node:assert/strict";
 * await using f = await urlopen("data:,hi");
 * assert.equal(f.geturl(), "data:,hi");
 * assert.equal(f.status, null);
 * assert.equal((await f.read()).decode(), "hi");
 * ```
 */
export class addinfourl extends addinfo {
  /** The URL of the resource. */
  url: string;
  /** The status code, or `null` for non-HTTP URLs. */
  code: number | null;
  /**
   * Create the object, with Python's constructor arguments.
   * @param fp the file object to wrap
   * @param headers the headers
   * @param url the URL
   * @param code the status code
   */
  constructor(fp: ReadableFile, headers: HTTPMessage, url: string, code?: number | null);
  /** Create the object, with keyword arguments after any positional ones. */
  constructor(fp: ReadableFile, headers: HTTPMessage, kwargs: { url: string; code?: number | null });
  /** Create the object, with keyword arguments. */
  constructor(kwargs: { fp: ReadableFile; headers: HTTPMessage; url: string; code?: number | null });
  constructor(...args: unknown[]) {
    const { fp, headers, url, code } = ADDINFOURL_INIT.bind(args);
    super(fp, headers);
    this.url = url;
    this.code = code;
  }
  /** The status code (Python's `status` property). */
  get status(): number | null {
    return this.code;
  }
  /**
   * Python's `getcode()`.
   * @returns the status code
   */
  getcode(): number | null {
    return this.code;
  }
  /**
   * Python's `geturl()`.
   * @returns the URL
   */
  geturl(): string {
    return this.url;
  }
}

for (const C of [addbase, addclosehook, addinfo, addinfourl]) showAsRepr(C);
