/**
 * `http.client`'s exception classes. They live here because `http.server`
 * and `wsgi` raise and catch them too; `http/client.ts` re-exports them.
 *
 * @module
 */

import { ConnectionResetError, Exception, TypeError } from "../_util/exceptions.ts";
import { Signature } from "../_util/signature.ts";
import { pyrepr, pystr, repr } from "../_util/repr.ts";

const UNKNOWN_PROTOCOL_INIT = new Signature<{ version: string }>("UnknownProtocol.__init__", [
  "self",
  "version",
]);
const INCOMPLETE_READ_INIT = new Signature<{ partial: Uint8Array; expected: number | null }>(
  "IncompleteRead.__init__",
  ["self", "partial", "expected"],
  { expected: null },
);
const BAD_STATUS_LINE_INIT = new Signature<{ line: string }>("BadStatusLine.__init__", ["self", "line"]);
const LINE_TOO_LONG_INIT = new Signature<{ line_type: string }>("LineTooLong.__init__", [
  "self",
  "line_type",
]);
const REMOTE_DISCONNECTED_INIT = new Signature<{ pos: unknown[]; kw: Record<string, unknown> }>(
  "RemoteDisconnected.__init__",
  ["self", "*pos", "**kw"],
);

/** Python's `http.client.HTTPException`, the base of the module's errors (alias `error`). */
export class HTTPException extends Exception {}
/** Python's `http.client.NotConnected`. */
export class NotConnected extends HTTPException {}
/** Python's `http.client.InvalidURL`. */
export class InvalidURL extends HTTPException {}
/** Python's `http.client.UnknownProtocol(version)`. */
export class UnknownProtocol extends HTTPException {
  /** The status line's version field. */
  version: string;
  /**
   * Build the exception.
   *
   * @param version the unknown protocol version
   */
  constructor(version: string);
  /** `UnknownProtocol({ version })`. */
  constructor(kwargs: { version: string });
  constructor(...args: unknown[]) {
    const { version } = UNKNOWN_PROTOCOL_INIT.bind(args);
    super(version);
    this.version = version;
  }
}
/** Python's `http.client.UnknownTransferEncoding`. */
export class UnknownTransferEncoding extends HTTPException {}
/** Python's `http.client.UnimplementedFileMode`. */
export class UnimplementedFileMode extends HTTPException {}
/** Python's `http.client.IncompleteRead(partial, expected=None)`. */
export class IncompleteRead extends HTTPException {
  /** The bytes read before the body ended. */
  partial: Uint8Array;
  /** How many more bytes were expected, or `null`. */
  expected: number | null;
  /**
   * Build the exception.
   *
   * @param partial what was read
   * @param expected how many more bytes were expected
   */
  constructor(partial: Uint8Array, expected?: number | null);
  /** `IncompleteRead(partial, { expected })`. */
  constructor(partial: Uint8Array, kwargs: { expected?: number | null });
  /** `IncompleteRead({ partial, expected })`. */
  constructor(kwargs: { partial: Uint8Array; expected?: number | null });
  constructor(...args: unknown[]) {
    const { partial, expected } = INCOMPLETE_READ_INIT.bind(args);
    super(partial);
    this.partial = partial;
    this.expected = expected;
    this.message = this.toString();
  }
  /** Python's repr: `IncompleteRead(5 bytes read, 3 more expected)`. */
  override [pyrepr](): string {
    const e = this.expected !== null ? `, ${this.expected} more expected` : "";
    return `IncompleteRead(${this.partial.length} bytes read${e})`;
  }
  /** Python's `str()`, which is its repr. */
  override [pystr](): string {
    return this[pyrepr]();
  }
  /** Python's `str()`, which is its repr. */
  override toString(): string {
    return this[pyrepr]();
  }
}
/** Python's `http.client.ImproperConnectionState`. */
export class ImproperConnectionState extends HTTPException {}
/** Python's `http.client.CannotSendRequest`. */
export class CannotSendRequest extends ImproperConnectionState {}
/** Python's `http.client.CannotSendHeader`. */
export class CannotSendHeader extends ImproperConnectionState {}
/** Python's `http.client.ResponseNotReady`. */
export class ResponseNotReady extends ImproperConnectionState {}
/** Python's `http.client.BadStatusLine(line)`. */
export class BadStatusLine extends HTTPException {
  /** The offending line (its repr when the line was empty, as in Python). */
  line: string;
  /**
   * Build the exception.
   *
   * @param line the status line that could not be parsed
   */
  constructor(line: string);
  /** `BadStatusLine({ line })`. */
  constructor(kwargs: { line: string });
  constructor(...args: unknown[]) {
    const { line } = BAD_STATUS_LINE_INIT.bind(args);
    const l = line ? line : repr(line);
    super(l);
    this.line = l;
  }
}
/** Python's `http.client.LineTooLong(line_type)`: "got more than 65536 bytes when reading …". */
export class LineTooLong extends HTTPException {
  /**
   * Build the exception.
   *
   * @param line_type what was being read, e.g. `"header line"`
   */
  constructor(line_type: string);
  /** `LineTooLong({ line_type })`. */
  constructor(kwargs: { line_type: string });
  constructor(...args: unknown[]) {
    const { line_type } = LINE_TOO_LONG_INIT.bind(args);
    super(`got more than ${MAXLINE} bytes when reading ${line_type}`);
  }
}
/**
 * Python's `http.client.RemoteDisconnected`: both a `ConnectionResetError`
 * and (in Python) a `BadStatusLine`; here it extends `ConnectionResetError`
 * and reports `BadStatusLine` through `Symbol.hasInstance`.
 */
export class RemoteDisconnected extends ConnectionResetError {
  /** Kept for Python's `BadStatusLine.line`. */
  line: string;
  /**
   * Build the exception.
   *
   * @param args the message, as in Python
   */
  constructor(...args: unknown[]) {
    const { pos, kw } = REMOTE_DISCONNECTED_INIT.bind(args);
    // Python hands `**kw` to ConnectionResetError, which takes none.
    for (const _ in kw) throw new TypeError("RemoteDisconnected() takes no keyword arguments");
    super(...pos);
    // Python calls `BadStatusLine.__init__(self, "")`, so `line` is `repr("")`.
    this.line = "''";
  }
}
const badStatusHasInstance = Function.prototype[Symbol.hasInstance];
Object.defineProperty(BadStatusLine, Symbol.hasInstance, {
  value(this: typeof BadStatusLine, v: unknown): boolean {
    if (v instanceof RemoteDisconnected && this === BadStatusLine) return true;
    return badStatusHasInstance.call(this, v);
  },
});
Object.defineProperty(HTTPException, Symbol.hasInstance, {
  value(this: typeof HTTPException, v: unknown): boolean {
    if (v instanceof RemoteDisconnected && this === HTTPException) return true;
    return badStatusHasInstance.call(this, v);
  },
});

/** `http.client._MAXLINE`: the longest status, header or chunk-size line. */
export const MAXLINE = 65536;
/** `http.client._MAXHEADERS`: the most header lines in one block. */
export const MAXHEADERS = 100;
