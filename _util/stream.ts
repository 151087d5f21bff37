/**
 * Buffered byte streams over sockets, pipes and files: the bottom of the
 * HTTP/1.1 layer that `http.client`, `http.server` and `wsgi` share.
 *
 * {@link BufferedReader} gives Python's `rfile` / `fp` methods (`readline`
 * with a limit, `read(n)`, `read1`, `peek`, `readinto`) over anything with
 * Deno's `read(p)`; {@link BufferedWriter} gives `wfile.write()` that may be
 * called without `await`: writes are queued in order and coalesced, so a
 * status line, headers and a small body go out in one write; `await flush()`
 * waits for the socket (backpressure) and surfaces a vanished peer.
 *
 * @module
 */

import { Bytes, concatBytes, latin1Bytes, latin1Decode } from "./bytes.ts";
import { fromDenoError, TimeoutError, UnsupportedOperation, ValueError } from "./exceptions.ts";

/**
 * Python's `readlines(hint=-1)` over a file's `readline()`: every line to the end, or stop once `hint` bytes
 * were read when `hint` is positive.
 */
export async function readLines<T extends Uint8Array>(readline: () => Promise<T>, hint = -1): Promise<T[]> {
  const out: T[] = [];
  let total = 0;
  for (;;) {
    const line = await readline();
    if (!line.length) return out;
    out.push(line);
    total += line.length;
    if (hint > 0 && total >= hint) return out;
  }
}

/** Python's `for line in f` over a file's `readline()`: the lines up to the first empty one. */
export async function* iterLines<T extends Uint8Array>(readline: () => Promise<T>): AsyncGenerator<T> {
  for (;;) {
    const line = await readline();
    if (!line.length) return;
    yield line;
  }
}

/** Anything readable the Deno way: `read(p)` resolves to a count or `null` at EOF. */
export interface ByteSource {
  /** Read into `p`; resolve to the number of bytes read, or `null` at end of stream. */
  read(p: Uint8Array): Promise<number | null>;
}

/** Anything writable the Deno way. */
export interface ByteSink {
  /** Write some of `p`; resolve to the number of bytes written. */
  write(p: Uint8Array): Promise<number>;
}

/** Deno's internal descriptor (`fd`, on accepted TCP connections) or resource id (`rid`) of a resource. */
function internalId(obj: object, which: "fd" | "rid"): number | null {
  const key = `Deno.internal.${which}`;
  for (const sym of Object.getOwnPropertySymbols(obj)) {
    if (sym.description === key) {
      const v = (obj as Record<symbol, unknown>)[sym];
      if (typeof v === "number" && v >= 0) return v;
    }
  }
  return null;
}

const stableIds = new WeakMap<object, number>();
let nextStableId = 1 << 20;

/**
 * A socket's `fileno()`: the OS descriptor when Deno exposes one (accepted
 * TCP connections), else its Deno resource id, else a stable positive id
 * of our own (see docs/divergences.md).
 *
 * @param sock the listener or connection
 * @returns a non-negative number, the same for the socket's whole life
 */
export function socketFileno(sock: object): number {
  const own = internalId(sock, "fd") ?? internalId(sock, "rid");
  if (own !== null) return own;
  let id = stableIds.get(sock);
  if (id === undefined) stableIds.set(sock, id = nextStableId++);
  return id;
}

/**
 * `fileno()` of a stream's source or sink: its own `fileno()`, else Deno's
 * descriptor or resource id; `io.UnsupportedOperation` when it has none.
 */
function filenoOf(obj: unknown): number {
  if (obj !== null && typeof obj === "object") {
    const own = (obj as { fileno?: unknown }).fileno;
    if (typeof own === "function") return own.call(obj);
    const id = internalId(obj, "fd") ?? internalId(obj, "rid");
    if (id !== null) return id;
  }
  throw new UnsupportedOperation("fileno");
}

const EMPTY = new Bytes(0);
/** Settled Promises to hand back from a method that answered at once (one object each, shared). */
export const RESOLVED: Promise<void> = Promise.resolve();
/** `Promise.resolve(true)`, shared. */
export const TRUE: Promise<boolean> = Promise.resolve(true);
/** `Promise.resolve(false)`, shared. */
export const FALSE: Promise<boolean> = Promise.resolve(false);
/**
 * Buffers of closed readers and writers, for the next one that asks for the same size: a fresh 64 KiB
 * array costs about 9 µs in Deno (16 KiB, about 2 µs), which a connection per request (urllib's way)
 * paid twice. Only arrays nothing else can see come here; a few at most.
 */
const spares: Uint8Array[] = [];
/** At most this many bytes wait in {@link spares}. */
const SPARE_BYTES = 1 << 20;
let spareBytes = 0;

/** A spare array of exactly `size` bytes (its old contents left in place), or a new one. */
function takeBuffer(size: number): Uint8Array {
  for (let i = spares.length - 1; i >= 0; i--) {
    if (spares[i].length === size) {
      const b = spares[i];
      spares[i] = spares[spares.length - 1];
      spares.pop();
      spareBytes -= b.length;
      return b;
    }
  }
  return new Uint8Array(size);
}

/** Keep `b` for a later {@link takeBuffer}; the caller no longer refers to it. */
function giveBuffer(b: Uint8Array): void {
  if (spareBytes + b.length <= SPARE_BYTES && b.length >= 2048 && b.byteOffset === 0) {
    spares.push(b);
    spareBytes += b.length;
  }
}

/** The read buffer of a reader whose own went back to {@link spares}. */
const NO_BUFFER = new Uint8Array(0);

/** ASCII is its own UTF-8: this decodes an ASCII block faster than a loop in JS. */
const asciiDecoder = new TextDecoder();
/** `read(n)` up to this size allocates its result once and reads into it directly. */
const DIRECT_READ = 1 << 20;

/** Race a promise against `timeout` seconds, failing with Python's `TimeoutError('timed out')`. */
export function withTimeout<T>(p: Promise<T>, timeout: number | null): Promise<T> {
  if (timeout === null || timeout === undefined || !Number.isFinite(timeout)) return p;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const t = new Promise<never>((_, reject) => {
    // At its deadline a socket's poll() still reports data that has arrived; a timer here can fire before
    // the event loop delivered such data (or ran the in-process peer that sends it, which a thread would
    // have done meanwhile), so the deadline gives the loop a few more turns before it times out: enough for
    // an in-process peer that connects and sends over several turns on a loaded machine (each turn costs
    // microseconds when nothing is pending).
    let turns = 8;
    const expire = () => {
      if (turns-- > 0) timer = setTimeout(expire, 0);
      else reject(new TimeoutError("timed out"));
    };
    timer = setTimeout(expire, Math.max(0, timeout * 1000));
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Are `buf[start:end]` the character codes of `text`? */
function sameText(buf: Uint8Array, start: number, end: number, text: string): boolean {
  if (text.length !== end - start) return false;
  for (let i = start, k = 0; i < end; i++, k++) if (buf[i] !== text.charCodeAt(k)) return false;
  return true;
}

/**
 * A read buffer over a {@link ByteSource}, with Python's `BufferedReader`
 * methods. `timeout` (seconds, or `null` for none) bounds each wait on the
 * source, like a socket timeout.
 */
export class BufferedReader {
  #src: ByteSource;
  #buf: Uint8Array;
  #start = 0;
  #end = 0;
  #eof = false;
  #pending: Promise<number | null> | null = null;
  #pendingInto: Uint8Array | null = null;
  /** A read of ours into the buffer is in flight (the fast path of #fill). */
  #reading = false;
  /** Seconds to wait for data before `TimeoutError`; `null` waits forever. */
  timeout: number | null = null;
  /** True once `close()` was called. */
  closed = false;

  /** Wrap `src` with a buffer of `size` bytes (grown when a line needs more). */
  constructor(src: ByteSource, size = 65536) {
    this.#src = src;
    this.#buf = takeBuffer(size);
  }

  /** Bytes already buffered and not yet consumed. */
  get buffered(): number {
    return this.#end - this.#start;
  }

  /** True once the source reported end of stream and the buffer is empty. */
  get atEOF(): boolean {
    return this.#eof && this.#start === this.#end;
  }

  async #rawRead(into: Uint8Array): Promise<number | null> {
    if (!this.#pending) {
      this.#pendingInto = into;
      this.#pending = this.#src.read(into);
    }
    const p = this.#pending;
    let n: number | null;
    try {
      n = await withTimeout(p, this.timeout);
    } catch (e) {
      if (e instanceof TimeoutError) throw e; // the read stays pending; a later call resumes it
      this.#pending = null;
      if (e instanceof Deno.errors.Interrupted || e instanceof Deno.errors.BadResource) return null;
      throw fromDenoError(e);
    }
    const target = this.#pendingInto!;
    this.#pending = null;
    this.#pendingInto = null;
    if (n !== null && target !== into) {
      // A read that timed out earlier finished into another array: hand its bytes over.
      into.set(target.subarray(0, n));
    }
    return n;
  }

  /** Read more from the source into the buffer; false at EOF. */
  #fill(): Promise<boolean> {
    if (this.#eof) return FALSE;
    const into = this.#room();
    // The usual case, no deadline and no read left over: the source's own promise and two callbacks
    // made once per reader, so waiting for a request holds no frame of ours.
    if (this.timeout === null && !this.#pending) {
      this.#reading = true;
      return this.#src.read(into).then(this.#filled, this.#readFailed);
    }
    return this.#rawRead(into).then(this.#filled);
  }

  #filled = (n: number | null): boolean => {
    this.#reading = false;
    if (n === null || n === 0) {
      this.#eof = true;
      return false;
    }
    this.#end += n;
    return true;
  };

  #readFailed = (e: unknown): boolean => {
    this.#reading = false;
    if (e instanceof Deno.errors.Interrupted || e instanceof Deno.errors.BadResource) {
      return this.#filled(null);
    }
    throw fromDenoError(e);
  };

  /**
   * Wait until something is buffered (or the source ends) without consuming
   * it: a server waits for a connection's next request here, holding only
   * the source's pending read.
   *
   * @returns false at end of stream
   */
  fillIfEmpty(): Promise<boolean> {
    return this.#end > this.#start ? TRUE : this.#fill();
  }

  /** Make room after the buffered bytes and return it (the whole buffer, no new view, when it is empty). */
  #room(): Uint8Array {
    if (this.#buf === NO_BUFFER) this.#buf = takeBuffer(8192); // closed and read again
    if (this.#start === this.#end) {
      this.#start = this.#end = 0;
      return this.#buf;
    }
    if (this.#end === this.#buf.length) {
      const used = this.#end - this.#start;
      if (this.#start > 0 && used < this.#buf.length / 2) {
        this.#buf.copyWithin(0, this.#start, this.#end);
      } else {
        const bigger = new Uint8Array(Math.max(this.#buf.length * 2, 4096));
        bigger.set(this.#buf.subarray(this.#start, this.#end));
        this.#buf = bigger;
      }
      this.#start = 0;
      this.#end = used;
    }
    return this.#buf.subarray(this.#end);
  }

  /** `n` bytes when that many are buffered (consumed), else `null` and nothing is consumed. */
  takeBuffered(n: number): Bytes | null {
    return this.#end - this.#start >= n ? this.#take(n) : null;
  }

  #take(n: number): Bytes {
    const out = new Bytes(n);
    out.set(this.#buf.subarray(this.#start, this.#start + n));
    this.#start += n;
    return out;
  }

  /**
   * The length of the next line if it is already buffered: up to and
   * including the next `\n` at or after `from`, or `limit` bytes when
   * `limit >= 0` and that many are buffered; -1 when more must be read.
   */
  #bufferedLine(limit: number, from: number): number {
    const buf = this.#buf;
    const stop = limit >= 0 ? Math.min(this.#end, this.#start + limit) : this.#end;
    // A plain loop: no view allocation, and never scans past the buffered bytes.
    for (let i = from; i < stop; i++) if (buf[i] === 10) return i + 1 - this.#start;
    return limit >= 0 && this.#end - this.#start >= limit ? limit : -1;
  }

  /**
   * Make the next line buffered and return its length: up to and including
   * the next `\n`, at most `limit` bytes when `limit >= 0`; 0 at EOF.
   */
  async #lineLength(limit: number): Promise<number> {
    let scanFrom = this.#start;
    for (;;) {
      const n = this.#bufferedLine(limit, scanFrom);
      if (n >= 0) return n;
      const offset = this.#end - this.#start;
      if (!(await this.#fill())) return this.#end - this.#start;
      scanFrom = this.#start + offset;
    }
  }

  /**
   * Python's `readline(limit=-1)`: up to and including the next `\n`, at
   * most `limit` bytes when `limit >= 0`; empty at EOF.
   */
  readline(limit = -1): Promise<Bytes> {
    const n = this.#bufferedLine(limit, this.#start);
    if (n >= 0) return Promise.resolve(this.#take(n));
    return this.#lineLength(limit).then(this.#takeBound);
  }

  #takeBound = (n: number): Bytes => this.#take(n);
  #takeLatin1Bound = (n: number): string => this.#takeLatin1(n);

  /**
   * `readline(limit)` decoded as ISO-8859-1, straight from the buffer: the
   * header parsers use it so that a header line costs one string and no
   * byte-array allocation.
   */
  readlineLatin1(limit = -1): Promise<string> {
    const n = this.#bufferedLine(limit, this.#start);
    if (n >= 0) return Promise.resolve(this.#takeLatin1(n));
    return this.#lineLength(limit).then(this.#takeLatin1Bound);
  }

  /**
   * {@link readlineLatin1} without waiting: the line when it is already
   * buffered in full (or `limit` bytes of it are), else `null` and nothing
   * is consumed. Header parsers try it first: most header blocks arrive in
   * one read, and a synchronous line costs no promise.
   */
  readlineLatin1Buffered(limit = -1): string | null {
    const n = this.#bufferedLine(limit, this.#start);
    return n < 0 ? null : this.#takeLatin1(n);
  }

  /**
   * The head at the reading position, decoded as ISO-8859-1, when all of it is buffered: up to and including
   * the first blank line (`\r\n` or `\n`), after a first line (a status or request line) that is never taken
   * for the blank one when `firstLine` is set. `null` when more must be read, a line is longer than
   * `maxLine` bytes, or there are more than `maxLines` lines besides the first line (the blank one counted);
   * the caller then reads line by line, which raises the limits' errors. Nothing is consumed: {@link skip}
   * what was used (the head's length in bytes is the string's).
   */
  peekHead(maxLine: number, maxLines: number, firstLine = false): string | null {
    const buf = this.#buf;
    const start = this.#start, end = this.#end;
    let lines = firstLine ? -1 : 0;
    let lineStart = start;
    let high = 0; // every byte OR-ed: below 0x80, the head is ASCII
    for (let i = start; i < end; i++) {
      const c = buf[i];
      high |= c;
      if (i - lineStart >= maxLine) return null;
      if (c !== 10) continue;
      if (++lines > maxLines) return null;
      if (lines > 0 && (i === lineStart || (i === lineStart + 1 && buf[lineStart] === 13))) {
        const memo = this.#headMemo;
        if (sameText(buf, start, i + 1, memo)) return memo;
        return this.#headMemo = high < 0x80
          ? asciiDecoder.decode(buf.subarray(start, i + 1))
          : latin1Decode(buf, start, i + 1);
      }
      lineStart = i + 1;
    }
    return null;
  }

  /** Consume `n` buffered bytes (`n` at most {@link buffered}) without looking at them. */
  skip(n: number): void {
    this.#start += n;
  }

  #takeLatin1(n: number): string {
    const start = this.#start, memo = this.#lineMemo;
    this.#start += n;
    if (sameText(this.#buf, start, start + n, memo)) return memo;
    return this.#lineMemo = latin1Decode(this.#buf, start, start + n);
  }

  // The last line and the last head decoded from this buffer (a request line, a request's header block): a
  // keep-alive client that repeats them gets the same strings back, compared in place, not decoded anew.
  #lineMemo = "";
  #headMemo = "";

  /** Python's `read(n=-1)`: `n` bytes (fewer only at EOF), or everything to EOF. */
  async read(n = -1): Promise<Bytes> {
    if (n === 0) return EMPTY;
    if (n < 0) {
      const parts: Uint8Array[] = [];
      if (this.buffered) parts.push(this.#take(this.buffered));
      while (await this.#fill()) parts.push(this.#take(this.buffered));
      return concatBytes(parts);
    }
    if (this.buffered >= n) return this.#take(n);
    if (n <= this.#buf.length >> 1) {
      // Small: read into the buffer, as much as the source has. Reading exactly the missing bytes would
      // fill the read completely, and the runtime then keeps the socket marked readable: the next read
      // would cost a system call that finds nothing (EAGAIN) before waiting.
      while (this.buffered < n && await this.#fill());
      return this.#take(Math.min(n, this.buffered));
    }
    if (n <= DIRECT_READ) {
      // One allocation: what is buffered, then the source read straight into the result.
      const out = new Bytes(n);
      let got = this.#end - this.#start;
      out.set(this.#buf.subarray(this.#start, this.#end));
      this.#start = this.#end = 0;
      while (got < n && !this.#eof) {
        const r = await this.#rawRead(out.subarray(got));
        if (r === null || r === 0) this.#eof = true;
        else got += r;
      }
      return got === n ? out : new Bytes(out.subarray(0, got));
    }
    // Large reads go straight into growing chunks: a huge n alone never allocates n bytes.
    const parts: Uint8Array[] = [];
    let got = 0;
    if (this.buffered) {
      got = this.buffered;
      parts.push(this.#take(got));
    }
    let chunk = Math.max(this.#buf.length, 65536);
    while (got < n && !this.#eof) {
      if (n - got <= this.#buf.length) {
        if (!(await this.#fill())) break;
        const k = Math.min(this.buffered, n - got);
        parts.push(this.#take(k));
        got += k;
        continue;
      }
      const into = new Uint8Array(Math.min(chunk, n - got));
      let filled = 0;
      while (filled < into.length) {
        const r = await this.#rawRead(into.subarray(filled));
        if (r === null || r === 0) {
          this.#eof = true;
          break;
        }
        filled += r;
      }
      parts.push(into.subarray(0, filled));
      got += filled;
      chunk = Math.min(chunk * 2, 1 << 24);
    }
    return parts.length === 1 && parts[0] instanceof Bytes ? parts[0] : concatBytes(parts);
  }

  /** Python's `read1(n=-1)`: what is buffered, or one read from the source if nothing is. */
  async read1(n = -1): Promise<Bytes> {
    if (n === 0) return EMPTY;
    if (this.buffered === 0) await this.#fill();
    return this.#take(n < 0 ? this.buffered : Math.min(n, this.buffered));
  }

  /**
   * Python's `peek(n)`: the buffered bytes without consuming them, after one
   * read from the source if nothing is buffered. Like CPython's C
   * `BufferedReader`, `n` is ignored: the result may be shorter or longer.
   */
  async peek(_n = 1): Promise<Bytes> {
    if (this.buffered === 0) await this.#fill();
    return new Bytes(this.#buf.subarray(this.#start, this.#end));
  }

  /** Python's `readinto(b)`: fill `b` as far as possible; the count read. */
  async readinto(b: Uint8Array): Promise<number> {
    // Straight into the caller's buffer: no allocation, whatever the size.
    let got = Math.min(this.#end - this.#start, b.length);
    b.set(this.#buf.subarray(this.#start, this.#start + got));
    this.#start += got;
    while (got < b.length && !this.#eof) {
      const r = await this.#rawRead(b.subarray(got));
      if (r === null || r === 0) this.#eof = true;
      else got += r;
    }
    return got;
  }

  /** Python's `readlines()`: every remaining line. */
  readlines(): Promise<Bytes[]> {
    return readLines(() => this.readline());
  }

  /** Iterate over lines, Python's `for line in f`. */
  [Symbol.asyncIterator](): AsyncIterator<Bytes> {
    return iterLines(() => this.readline());
  }

  /**
   * Python's `fileno()`: the source's descriptor (a connection's socket).
   *
   * @throws `ValueError` once closed; `io.UnsupportedOperation` when the source has none
   */
  fileno(): number {
    if (this.closed) throw new ValueError("I/O operation on closed file");
    return filenoOf(this.#src);
  }

  /** Mark the reader closed (the source is owned by whoever created it). */
  close(): void {
    this.closed = true;
    // Hand the buffer on when nothing can see it any more (every result is a copy): no read pending into
    // it (one that timed out still is, and so is one of #fill's), nothing unread in it. A later read gets a
    // fresh buffer.
    if (!this.#pending && !this.#reading && this.#start === this.#end && this.#buf !== NO_BUFFER) {
      giveBuffer(this.#buf);
      this.#buf = NO_BUFFER;
      this.#start = this.#end = 0;
    }
  }
}

const COALESCE = 64 * 1024;
/** The coalescing buffer's first size: a status line and headers fit, and it costs far less than 16 KiB. */
const FIRST = 2048;
/** How many microtask hops a drain waits for more writes before it writes (flush() cuts it short). */
const DRAIN_HOPS = 16;
/** Writes up to this size are copied into the coalescing buffer; larger ones are queued as copies of their own. */
const SMALL = 16 * 1024;

const textEncoder = new TextEncoder();

function isLatin1(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

/** Large writes up to this size leave their copy for reuse by the next large write. */
const BIG_POOL = 4 * 1024 * 1024;

/**
 * A queued piece: bytes to write, and which reusable buffer they live in
 * (`"small"`: the coalescing buffer; `"big"`: the large-write copy).
 */
interface Piece {
  data: Uint8Array;
  pooled: false | "small" | "big";
  /** The whole reusable array `data` is the start of. */
  buffer: Uint8Array;
}

/**
 * An ordered write queue over a {@link ByteSink}: Python's `wfile`.
 *
 * `write()` returns at once (as Python's buffered `wfile.write` does);
 * queued writes made in the same event-loop turn go out as one socket write: small
 * writes are copied into a coalescing buffer that is reused once written,
 * so a status line, headers and a small body cost one copy each and no
 * allocation. A peer that vanished never causes an unhandled rejection: the
 * error is kept and raised by the next `write()` or `flush()`.
 */
export class BufferedWriter {
  #sink: ByteSink;
  #queue: Piece[] = [];
  #queued = 0;
  #cur: Uint8Array | null = null;
  #curLen = 0;
  #spare: Uint8Array | null = null;
  #bigSpare: Uint8Array | null = null;
  #draining: Promise<void> | null = null;
  /** Microtask hops waited so far before the drain starts; -1 when no drain is scheduled. */
  #hops = -1;
  #error: Error | null = null;
  #sinkWrites = 0;
  #beforeSecondWrite: (() => void) | null;
  /** True once `close()` was called. */
  closed = false;
  /** Total bytes handed to `write()`. */
  written = 0;

  /**
   * Wrap `sink`. `beforeSecondWrite` runs once, just before the second write
   * to the sink: servers set TCP_NODELAY there, so a response that goes out
   * in one write (the usual connection-per-request exchange) costs no extra
   * system call, while later writes are never held back by Nagle's algorithm.
   */
  constructor(sink: ByteSink, beforeSecondWrite: (() => void) | null = null) {
    this.#sink = sink;
    this.#beforeSecondWrite = beforeSecondWrite;
  }

  /** The error that stopped writing, if any (the peer went away, …). */
  get error(): Error | null {
    return this.#error;
  }

  /** Bytes queued and not yet written. */
  get pending(): number {
    return this.#queued;
  }

  /** Move the coalescing buffer's bytes to the queue. */
  #seal(): void {
    if (this.#cur && this.#curLen) {
      this.#queue.push({ data: this.#cur.subarray(0, this.#curLen), pooled: "small", buffer: this.#cur });
      this.#cur = null;
      this.#curLen = 0;
    }
  }

  /** Room for `n` more bytes (n ≤ SMALL) in the coalescing buffer, or a sealed buffer and a fresh one. */
  #reserve(n: number): Uint8Array {
    const cur = this.#cur;
    if (!cur) {
      // Start small: a connection that answers once and closes should not pay for zeroing 16 KiB; the
      // buffer grows for longer responses (to COALESCE) and is then reused.
      const spare = this.#spare;
      this.#spare = null;
      return this.#cur = spare && spare.length >= n ? spare : takeBuffer(n <= FIRST ? FIRST : SMALL);
    }
    if (this.#curLen + n <= cur.length) return cur;
    if (this.#curLen + n <= COALESCE) {
      // Grow towards COALESCE rather than split: one socket write for the whole response.
      const grown = new Uint8Array(Math.min(COALESCE, Math.max(cur.length * 2, this.#curLen + n)));
      grown.set(cur.subarray(0, this.#curLen));
      return this.#cur = grown;
    }
    this.#seal();
    return this.#reserve(n);
  }

  #check(): void {
    if (this.#error) throw this.#error;
    if (this.closed) throw new ValueError("write to closed file");
  }

  /**
   * Python's `wfile.write(data)`: queue `data` and return its length.
   *
   * @throws the kept error (e.g. `BrokenPipeError`) once the peer is gone;
   *   `ValueError` after `close()`
   */
  write(data: Uint8Array | string): number {
    this.#check();
    const bytes = typeof data === "string" ? textEncoder.encode(data) : data;
    const n = bytes.length;
    if (n === 0) return 0;
    // Copy either way: the caller may reuse its buffer, as Python code does with bytearrays.
    if (n <= SMALL) {
      this.#reserve(n).set(bytes, this.#curLen);
      this.#curLen += n;
    } else {
      this.#seal();
      // Streaming a file writes same-sized chunks: reuse the last one's copy once it is written.
      const big = this.#bigSpare;
      let copy: Uint8Array;
      if (big && big.length >= n) {
        this.#bigSpare = null;
        big.set(bytes);
        copy = big.subarray(0, n);
      } else copy = bytes.slice();
      this.#queue.push({ data: copy, pooled: n <= BIG_POOL ? "big" : false, buffer: copy });
    }
    this.#queuedMore(n);
    return n;
  }

  /**
   * `write()` of text as ISO-8859-1 bytes, encoded straight into the coalescing buffer (status lines and
   * headers; an array is written as its concatenation). All or nothing: a code unit above U+00FF writes
   * nothing and returns false, so the caller can raise Python's `UnicodeEncodeError` its own way.
   *
   * @returns true when written
   */
  writeLatin1(text: string | readonly string[]): boolean {
    this.#check();
    const parts = typeof text === "string" ? [text] : text;
    let n = 0;
    for (let k = 0; k < parts.length; k++) n += parts[k].length;
    if (n === 0) return true;
    if (n > SMALL) {
      const joined = parts.join("");
      if (!isLatin1(joined)) return false;
      this.write(latin1Bytes(joined));
      return true;
    }
    const buf = this.#reserve(n);
    let at = this.#curLen;
    // A loop over the code units: for lines this short it beats TextEncoder.encodeInto, which also
    // allocates a view and a result object per call. #curLen moves only once everything fits.
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      for (let i = 0; i < part.length; i++) {
        const c = part.charCodeAt(i);
        if (c > 0xff) return false;
        buf[at++] = c;
      }
    }
    this.#curLen = at;
    this.#queuedMore(n);
    return true;
  }

  #queuedMore(n: number): void {
    this.#queued += n;
    this.written += n;
    if (!this.#corked) this.#scheduleDrain();
  }

  #scheduleDrain(): void {
    if (!this.#draining && this.#hops < 0) {
      this.#hops = 0;
      RESOLVED.then(this.#hop);
    }
  }

  /** While corked, writes only buffer: no drain is scheduled until {@link uncork} or {@link flush}. */
  #corked = false;

  /**
   * Hold writes in the buffer, as Node's `writable.cork()` does: a caller about to write a whole message and
   * flush it (a request head, a server's synchronous handler) then schedules no microtask hop waiting for
   * more writes to join. {@link flush} sends at once; {@link uncork} lets the usual coalescing drain start.
   */
  cork(): void {
    this.#corked = true;
  }

  /** End {@link cork}: what was written meanwhile drains as usual, after a few microtask hops. */
  uncork(): void {
    if (!this.#corked) return;
    this.#corked = false;
    if (this.#queued > 0) this.#scheduleDrain();
  }

  // Let later writes join the first socket write, including those made after awaiting already-settled
  // promises (a handler that awaits between its headers and its body): wait a bounded number of
  // microtask hops, or less when flush() asks for the bytes now.
  #hop = (): void => {
    if (this.#hops < 0) return; // flush() started the drain already
    if (++this.#hops < DRAIN_HOPS) RESOLVED.then(this.#hop);
    else this.#startDrain();
  };

  #startDrain(): void {
    this.#hops = -1;
    if (!this.#draining) this.#draining = this.#pump() ?? null;
  }

  // The piece being written (its bytes, the reusable array they start, which pool that array goes back
  // to) and how much of it went out; fields rather than an object, so a response costs no piece.
  #data: Uint8Array | null = null;
  #dataBuffer: Uint8Array | null = null;
  #dataPool: Piece["pooled"] = false;
  #off = 0;

  // The last view of a coalescing buffer handed to the sink: responses of the same length (a server's
  // usual case) reuse it rather than make a new one each time. The sink is done with it once its write settled.
  #view: Uint8Array | null = null;
  #viewBase: Uint8Array | null = null;

  #viewOf(buf: Uint8Array, n: number): Uint8Array {
    if (this.#viewBase === buf && this.#view!.length === n) return this.#view!;
    this.#viewBase = buf;
    return this.#view = buf.subarray(0, n);
  }

  /**
   * Write the next piece (or the rest of one). The drain is a chain of the sink's promises and two
   * callbacks made once per writer, so a response in flight holds no frame of ours; it ends (the
   * chain resolves) when the queue is empty.
   */
  #pump(): Promise<void> | undefined {
    if (!this.#data) {
      const piece = this.#queue.shift();
      if (piece) {
        this.#data = piece.data;
        this.#dataBuffer = piece.buffer;
        this.#dataPool = piece.pooled;
      } else if (this.#cur && this.#curLen) {
        this.#data = this.#viewOf(this.#cur, this.#curLen);
        this.#dataBuffer = this.#cur;
        this.#dataPool = "small";
        this.#cur = null;
        this.#curLen = 0;
      } else {
        this.#draining = null;
        return;
      }
      this.#off = 0;
    }
    if (++this.#sinkWrites === 2 && this.#beforeSecondWrite) this.#beforeSecondWrite();
    const data = this.#data;
    let written: Promise<number>;
    try {
      written = this.#sink.write(this.#off ? data.subarray(this.#off) : data);
    } catch (e) {
      return this.#failed(e);
    }
    return written.then(this.#sent, this.#failed);
  }

  #sent = (n: number): Promise<void> | undefined => {
    const data = this.#data!, buf = this.#dataBuffer!;
    this.#off += n;
    if (this.#off < data.length) return this.#pump();
    this.#data = this.#dataBuffer = null;
    this.#queued -= data.length;
    // The socket is done with it: reuse the coalescing buffer for later writes.
    if (this.#dataPool === "small") {
      if (!this.#spare) this.#spare = buf;
    } else if (this.#dataPool === "big" && (!this.#bigSpare || this.#bigSpare.length < buf.length)) {
      this.#bigSpare = buf.length === buf.buffer.byteLength ? buf : new Uint8Array(buf.buffer as ArrayBuffer);
    }
    return this.#pump();
  };

  #failed = (e: unknown): undefined => {
    this.#error = fromDenoError(e);
    this.#data = this.#dataBuffer = null;
    this.#queue = [];
    this.#cur = null;
    this.#curLen = 0;
    this.#queued = 0;
    this.#draining = null;
  };

  /**
   * Python's `fileno()`: the sink's descriptor (a connection's socket).
   *
   * @throws `ValueError` once closed; `io.UnsupportedOperation` when the sink has none
   */
  fileno(): number {
    if (this.closed) throw new ValueError("I/O operation on closed file");
    return filenoOf(this.#sink);
  }

  /** Python's `flush()`: wait until everything queued is written (uncorking); raises the kept error. */
  flush(): Promise<void> {
    if (this.#corked) {
      this.#corked = false;
      if (this.#queued > 0) this.#startDrain();
    } else if (this.#hops >= 0) this.#startDrain();
    if (this.#draining) return this.#draining.then(this.#afterDrain);
    return this.#error ? Promise.reject(this.#error) : RESOLVED;
  }

  // After a drain: writes made meanwhile started another one (wait for it too), or the kept error.
  #afterDrain = (): Promise<void> | void => {
    if (this.#hops >= 0 || this.#draining) return this.flush();
    if (this.#error) throw this.#error;
  };

  /** Flush (ignoring a vanished peer) and refuse further writes. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flush();
    } catch { /* the peer is gone; nothing more to do */ }
    this.closed = true;
    this.release();
  }

  /**
   * Let another writer reuse the coalescing buffer once nothing is being written from it (the connection
   * is done with this writer). Writing later still works, with a fresh buffer.
   */
  release(): void {
    if (this.#draining || this.#queue.length || this.#curLen) return;
    const spare = this.#spare;
    this.#spare = null;
    if (spare) giveBuffer(spare);
  }
}
