/**
 * The socket under an `HTTPConnection`: a Deno connection with one shared
 * read buffer and a write queue, reference-counted like Python's socket
 * and its `makefile()` objects (a response keeps reading after its
 * connection object let go of the socket).
 *
 * @module
 */

import { BufferedReader, BufferedWriter, withTimeout } from "../_util/stream.ts";
import { OSError } from "../_util/exceptions.ts";
import { pyrepr, showAsRepr } from "../_util/repr.ts";

let nextId = 3;

/** Python's `socket.socket` as far as `http.client` uses it. */
export class HTTPSocket {
  /** The Deno connection (TCP or TLS). */
  readonly conn: Deno.Conn;
  /** The read buffer every response on this socket reads through (Python's `makefile('rb')`). */
  readonly reader: BufferedReader;
  /** The ordered write queue. */
  readonly writer: BufferedWriter;
  /** A small number standing for the socket in `fileno()` (Deno exposes no descriptors). */
  readonly id: number;
  #io = 0;
  #ownerClosed = false;
  #closed = false;
  #timeout: number | null;

  /**
   * Wrap a connection.
   *
   * @param conn the connection
   * @param timeout seconds each read or write may wait, or `null`
   */
  constructor(conn: Deno.Conn, timeout: number | null) {
    this.conn = conn;
    // 64 KiB to start (it grows for long lines); a 1 MiB buffer per connection dominated short requests.
    this.reader = new BufferedReader(conn, 1 << 16);
    this.writer = new BufferedWriter(conn);
    this.#timeout = timeout;
    this.reader.timeout = timeout;
    this.id = nextId++;
  }

  /** Seconds a read or write may wait (`settimeout`). */
  get timeout(): number | null {
    return this.#timeout;
  }
  set timeout(t: number | null) {
    this.#timeout = t;
    this.reader.timeout = t;
  }

  /** True once the connection was closed. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Take a reference for a reader (Python's `makefile()`): a response reading from this socket. */
  ref(): this {
    this.#io++;
    return this;
  }

  /** Drop a reader's reference; the connection closes when the socket was closed and no reader is left. */
  unref(): void {
    this.#io--;
    if (this.#ownerClosed && this.#io <= 0) this.#close();
  }

  /**
   * Close the socket object (idempotent, as in Python): the connection
   * closes now, or when the last reader lets go of it.
   */
  release(): void {
    if (this.#ownerClosed) return;
    this.#ownerClosed = true;
    if (this.#io <= 0) this.#close();
  }

  /** Python's `sock.sendall(data)`: queue `data` without waiting. */
  queue(data: Uint8Array): void {
    if (this.#closed) throw new OSError(9, "Bad file descriptor");
    this.writer.write(data);
  }

  /** {@link queue} then {@link flush}, corked: no wait for more writes to join (a request head sent alone). */
  queueAndFlush(data: Uint8Array): Promise<void> {
    this.writer.cork();
    try {
      this.queue(data);
    } catch (e) {
      this.writer.uncork();
      throw e;
    }
    return this.flush(); // uncorks: the head goes out at once
  }

  /** Wait until everything queued is written (bounded by the timeout). */
  flush(): Promise<void> {
    return withTimeout(this.writer.flush(), this.#timeout);
  }

  /** Queue `data` and wait for it, pausing for the peer when much is queued. */
  async sendall(data: Uint8Array): Promise<void> {
    this.queue(data);
    if (this.writer.pending >= 256 * 1024) await this.flush();
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.reader.close();
    this.writer.release();
    try {
      this.conn.close();
    } catch { /* already closed by the peer or a TLS upgrade */ }
  }

  /**
   * Python's `sock.close()`: drop this reference. As with a Python socket
   * and its `makefile()` objects, a response still reading keeps the
   * connection open until it is done.
   */
  close(): void {
    this.release();
  }

  /** Python's `sock.settimeout(t)`. */
  settimeout(t: number | null): void {
    this.timeout = t;
  }

  /** Python's `sock.gettimeout()`. */
  gettimeout(): number | null {
    return this.#timeout;
  }

  /** Close now, whatever the references. */
  forceClose(): void {
    this.#ownerClosed = true;
    this.#io = 0;
    this.#close();
  }

  /** `<socket fd=N>`, a short repr. */
  [pyrepr](): string {
    return `<socket.socket fd=${this.#closed ? -1 : this.id}>`;
  }
}
showAsRepr(HTTPSocket);

/**
 * The file `HTTPResponse` reads from (Python's `self.fp`): our {@link BufferedReader}, or whatever a
 * socket's `makefile("rb")` returned (an `io.BytesIO` under a fake socket); each method may answer at
 * once or with a Promise.
 */
export interface ResponseFile {
  /** `readline(limit)`. */
  readline(limit?: number): Uint8Array | Promise<Uint8Array>;
  /** `read(n)`; no argument reads to the end. */
  read(n?: number): Uint8Array | Promise<Uint8Array>;
  /** `readinto(b)`. */
  readinto?(b: Uint8Array): number | Promise<number>;
  /** `read1(n)`. */
  read1?(n?: number): Uint8Array | Promise<Uint8Array>;
  /** `peek(n)`. */
  peek?(n?: number): Uint8Array | Promise<Uint8Array>;
  /** `close()`. */
  close?(): unknown;
  /** `fileno()`. */
  fileno?(): number;
}

/**
 * Any object with Python's socket methods that `http.client` calls, set as `conn.sock` or returned by
 * `_create_connection()` (CPython's own tests plug a `FakeSocket` this way): `sendall(data)` sends,
 * `makefile("rb")` gives the file a response reads, `close()` closes.
 */
export interface PySocket {
  /** `sendall(data)`: send every byte (may return a Promise). */
  sendall(data: Uint8Array): unknown;
  /** `makefile(mode)`: the file `HTTPResponse` reads (`mode` is `"rb"`). */
  makefile(mode: string, bufsize?: number): ResponseFile;
  /** `close()`. */
  close?(): unknown;
}

/** True for a Python-style socket object that is not our {@link HTTPSocket}. */
export function isPySocket(sock: unknown): sock is PySocket {
  return sock !== null && typeof sock === "object" && !(sock instanceof HTTPSocket) &&
    typeof (sock as PySocket).sendall === "function" && typeof (sock as PySocket).makefile === "function";
}
