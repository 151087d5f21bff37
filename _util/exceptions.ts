/**
 * Python's built-in exception classes, as our own named `Error` subclasses.
 *
 * Every class keeps Python's name (`err.name`), hierarchy (`instanceof`) and
 * `args`; `repr(err)` and `String(err)` follow Python's `repr()` and `str()`.
 * Our `TypeError` also extends the global `TypeError`, so code that checks
 * either one catches it.
 *
 * @module
 */

import { errors, pyrepr, pystr, repr } from "./repr.ts";

/**
 * Python's `BaseException`: the root of every error we raise. Code that
 * catches "everything" the way Python's `except Exception:` does lets the
 * direct subclasses that are not an {@link Exception} through:
 * {@link SystemExit} and {@link KeyboardInterrupt}.
 */
export class BaseException extends Error {
  /** The constructor arguments, as Python's `args` tuple. */
  args: unknown[];
  /** Build the exception; the first argument becomes the JS `message`. */
  constructor(...args: unknown[]) {
    super(args.length === 1 ? pyStrOf(args[0]) : args.length ? pyStrOf(args) : "");
    this.args = args;
    this.name = new.target.name;
  }
  /** Python's `str(exc)`. */
  [pystr](): string {
    return exceptionStr(this.args);
  }
  /** Python's `repr(exc)`. */
  [pyrepr](): string {
    return exceptionRepr(this.name, this.args);
  }
  /** Python's `str(exc)`. */
  override toString(): string {
    return this[pystr]();
  }
}

function pyStrOf(v: unknown): string {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return "(" + v.map((x) => repr(x)).join(", ") + ")";
  return repr(v);
}

function exceptionStr(args: unknown[]): string {
  if (args.length === 0) return "";
  if (args.length === 1) return pyStrOf(args[0]);
  return "(" + args.map((x) => repr(x)).join(", ") + ")";
}

function exceptionRepr(name: string, args: unknown[]): string {
  return `${name}(${args.map((x) => repr(x)).join(", ")})`;
}

/** Python's `Exception`: the base of every ordinary error (what `except Exception:` catches). */
export class Exception extends BaseException {}

/**
 * Python's `SystemExit(code)`: raised to leave the program; not an
 * {@link Exception}, so servers do not report it through `handle_error()`
 * but let it end `serve_forever()`.
 */
export class SystemExit extends BaseException {
  /** Python's `code`: `null` without arguments, the argument, or the `args` tuple. */
  code: unknown;
  /** Same arguments as Python's constructor. */
  constructor(...args: unknown[]) {
    super(...args);
    this.code = args.length === 0 ? null : args.length === 1 ? args[0] : args;
  }
}
/** Python's `KeyboardInterrupt` (Ctrl-C): not an {@link Exception}. */
export class KeyboardInterrupt extends BaseException {}

/**
 * Is `e` what Python's `except Exception:` catches? Everything except our
 * {@link BaseException}s that are not {@link Exception}s (`SystemExit`,
 * `KeyboardInterrupt`): a plain JS error counts as an `Exception`.
 */
export function isException(e: unknown): boolean {
  return !(e instanceof BaseException) || e instanceof Exception;
}

/** Python's `ValueError`. */
export class ValueError extends Exception {}
/** Python's `LookupError`. */
export class LookupError extends Exception {}
/** Python's `KeyError`; `str()` shows the key's repr, as Python does. */
export class KeyError extends LookupError {
  /** Python's `str(exc)`. */
  override [pystr](): string {
    return this.args.length === 1 ? repr(this.args[0]) : super[pystr]();
  }
}
/** Python's `IndexError`. */
export class IndexError extends LookupError {}
/** Python's `AttributeError`. */
export class AttributeError extends Exception {}
/** Python's `RuntimeError`. */
export class RuntimeError extends Exception {}
/** Python's `NotImplementedError`. */
export class NotImplementedError extends RuntimeError {}
/** Python's `EOFError`. */
export class EOFError extends Exception {}
/** Python's `AssertionError`. */
export class AssertionError extends Exception {}
/** Python's `OverflowError`. */
export class OverflowError extends Exception {}

/**
 * Python's `TypeError`. It extends the global `TypeError` (so `instanceof
 * TypeError` holds either way) and carries Python's `args` and repr.
 */
export class TypeError extends globalThis.TypeError {
  /** The constructor arguments, as Python's `args` tuple. */
  args: unknown[];
  /** Build the exception; the first argument becomes the JS `message`. */
  constructor(...args: unknown[]) {
    super(exceptionStr(args));
    this.args = args;
    this.name = new.target.name;
  }
  /** Python's `str(exc)`. */
  [pystr](): string {
    return exceptionStr(this.args);
  }
  /** Python's `repr(exc)`. */
  [pyrepr](): string {
    return exceptionRepr(this.name, this.args);
  }
}

/** Python's `UnicodeError`. */
export class UnicodeError extends ValueError {}

/** Python's `UnicodeEncodeError(encoding, object, start, end, reason)`. */
export class UnicodeEncodeError extends UnicodeError {
  /** The codec's name, as Python spells it (`'utf-8'`, `'ascii'`, …). */
  encoding: string;
  /** The string being encoded. */
  object: string;
  /** Index (in code points) of the first character that failed. */
  start: number;
  /** Index just past the last character that failed. */
  end: number;
  /** Why it failed, e.g. `"ordinal not in range(128)"`. */
  reason: string;
  /** Same arguments as Python's constructor. */
  constructor(encoding: string, object: string, start: number, end: number, reason: string) {
    super(encoding, object, start, end, reason);
    this.encoding = encoding;
    this.object = object;
    this.start = start;
    this.end = end;
    this.reason = reason;
    this.message = this[pystr]();
  }
  /** Python's `str(exc)`. */
  override [pystr](): string {
    const cps = Array.from(this.object);
    if (this.end - this.start === 1) {
      const cp = (cps[this.start] ?? "\0").codePointAt(0)!;
      const ch = cp <= 0xff
        ? "\\x" + cp.toString(16).padStart(2, "0")
        : cp <= 0xffff
        ? "\\u" + cp.toString(16).padStart(4, "0")
        : "\\U" + cp.toString(16).padStart(8, "0");
      return `'${this.encoding}' codec can't encode character '${ch}' in position ${this.start}: ${this.reason}`;
    }
    return `'${this.encoding}' codec can't encode characters in position ${this.start}-${
      this.end - 1
    }: ${this.reason}`;
  }
}

/** Python's `UnicodeDecodeError(encoding, object, start, end, reason)`. */
export class UnicodeDecodeError extends UnicodeError {
  /** The codec's name. */
  encoding: string;
  /** The bytes being decoded. */
  object: Uint8Array;
  /** Offset of the first byte that failed. */
  start: number;
  /** Offset just past the last byte that failed. */
  end: number;
  /** Why it failed, e.g. `"invalid start byte"`. */
  reason: string;
  /** Same arguments as Python's constructor. */
  constructor(encoding: string, object: Uint8Array, start: number, end: number, reason: string) {
    super(encoding, object, start, end, reason);
    this.encoding = encoding;
    this.object = object;
    this.start = start;
    this.end = end;
    this.reason = reason;
    this.message = this[pystr]();
  }
  /** Python's `str(exc)`. */
  override [pystr](): string {
    if (this.end - this.start === 1) {
      const hex = (this.object[this.start] ?? 0).toString(16).padStart(2, "0");
      return `'${this.encoding}' codec can't decode byte 0x${hex} in position ${this.start}: ${this.reason}`;
    }
    return `'${this.encoding}' codec can't decode bytes in position ${this.start}-${
      this.end - 1
    }: ${this.reason}`;
  }
}

/**
 * Python's `OSError(errno, strerror[, filename])`. With two or more
 * arguments `errno`, `strerror` and `filename` are set and `str()` reads
 * `[Errno 2] No such file or directory: 'x'`.
 */
export class OSError extends Exception {
  /** The numeric error code, or `null`. */
  errno: number | null = null;
  /** The error text, or `null`. */
  strerror: string | null = null;
  /** The file name involved, or `null`. */
  filename: unknown = null;
  /**
   * Same arguments as Python's constructor. As in Python, `new OSError(2, …)`
   * gives the subclass for that errno (`FileNotFoundError`, …), and a
   * filename is kept out of `args`.
   */
  constructor(...args: unknown[]) {
    super(...args);
    if (args.length >= 2 && args.length <= 5) {
      this.errno = typeof args[0] === "number" ? args[0] : null;
      this.strerror = args[1] == null ? null : String(args[1]);
      if (args.length >= 3) this.filename = args[2];
      this.args = args.slice(0, 2);
    }
    this.message = this[pystr]();
    const sub = new.target === OSError && this.errno !== null ? errnoClass(this.errno) : undefined;
    if (sub) return new sub(...args);
  }
  /** Python's `str(exc)`. */
  override [pystr](): string {
    if (this.errno !== null || this.strerror !== null) {
      const base = `[Errno ${this.errno}] ${this.strerror}`;
      return this.filename != null ? `${base}: ${repr(this.filename)}` : base;
    }
    return super[pystr]();
  }
}
/** Python's `TimeoutError` (an `OSError`). */
export class TimeoutError extends OSError {}
/** Python's `ConnectionError` (an `OSError`). */
export class ConnectionError extends OSError {}
/** Python's `ConnectionRefusedError`. */
export class ConnectionRefusedError extends ConnectionError {}
/** Python's `ConnectionResetError`. */
export class ConnectionResetError extends ConnectionError {}
/** Python's `ConnectionAbortedError`. */
export class ConnectionAbortedError extends ConnectionError {}
/** Python's `BrokenPipeError`. */
export class BrokenPipeError extends ConnectionError {}
/** Python's `FileNotFoundError`. */
export class FileNotFoundError extends OSError {}
/** Python's `FileExistsError`. */
export class FileExistsError extends OSError {}
/** Python's `PermissionError`. */
export class PermissionError extends OSError {}
/** Python's `IsADirectoryError`. */
export class IsADirectoryError extends OSError {}
/** Python's `NotADirectoryError`. */
export class NotADirectoryError extends OSError {}
/**
 * Python's `io.UnsupportedOperation` (an `OSError`; CPython's is also a
 * `ValueError`): e.g. `fileno()` of a stream with no descriptor.
 */
export class UnsupportedOperation extends OSError {}
/** Python's `socket.gaierror`: a host name that does not resolve (an `OSError`). */
export class gaierror extends OSError {}

const GAI_ERRNO: Record<string, number> = {
  "Name or service not known": -2,
  "Temporary failure in name resolution": -3,
  "Non-recoverable failure in name resolution": -4,
  "No address associated with hostname": -5,
};

/** The `OSError` subclass CPython picks for an errno, if any. */
function errnoClass(errno: number): (new (...args: unknown[]) => OSError) | undefined {
  switch (errno) {
    case 2:
      return FileNotFoundError;
    case 13:
      return PermissionError;
    case 17:
      return FileExistsError;
    case 20:
      return NotADirectoryError;
    case 21:
      return IsADirectoryError;
    case 32:
      return BrokenPipeError;
    case 103:
      return ConnectionAbortedError;
    case 104:
      return ConnectionResetError;
    case 110:
      return TimeoutError;
    case 111:
      return ConnectionRefusedError;
  }
  return undefined;
}

/**
 * Turn an error thrown by a Deno API into the matching Python `OSError`
 * subclass (a `Deno.errors.NotFound` becomes `FileNotFoundError`, …).
 * Errors that are already ours pass through unchanged.
 */
export function fromDenoError(err: unknown, filename?: string): Error {
  if (err instanceof BaseException || err instanceof TypeError) return err;
  if (!(err instanceof Error)) return new OSError(String(err));
  const dns = /^failed to lookup address information: (.*)$/.exec(err.message);
  if (dns) return new gaierror(GAI_ERRNO[dns[1]] ?? -2, dns[1]);
  const msg = err.message.replace(/ \(os error \d+\)$/, "").replace(/:.*$/, "");
  const withFile = (cls: new (...a: unknown[]) => OSError, errno: number, text: string) =>
    filename === undefined ? new cls(errno, text) : new cls(errno, text, filename);
  const E = Deno.errors;
  if (err instanceof E.NotFound) return withFile(FileNotFoundError, 2, "No such file or directory");
  if (err instanceof E.PermissionDenied || err instanceof E.NotCapable) {
    return withFile(PermissionError, 13, "Permission denied");
  }
  if (err instanceof E.AlreadyExists) return withFile(FileExistsError, 17, "File exists");
  if (err instanceof E.IsADirectory) return withFile(IsADirectoryError, 21, "Is a directory");
  if (err instanceof E.NotADirectory) return withFile(NotADirectoryError, 20, "Not a directory");
  if (err instanceof E.ConnectionRefused) return new ConnectionRefusedError(111, "Connection refused");
  if (err instanceof E.ConnectionReset) return new ConnectionResetError(104, "Connection reset by peer");
  if (err instanceof E.ConnectionAborted) {
    return new ConnectionAbortedError(103, "Software caused connection abort");
  }
  if (err instanceof E.BrokenPipe) return new BrokenPipeError(32, "Broken pipe");
  if (err instanceof E.TimedOut) return new TimeoutError("timed out");
  if (err instanceof E.AddrInUse) return new OSError(98, "Address already in use");
  if (err instanceof E.AddrNotAvailable) return new OSError(99, "Cannot assign requested address");
  return new OSError(msg || err.message);
}

// str()/repr() raise our TypeError for a `__str__`/`__repr__` that returns a non-string.
errors.TypeError = TypeError;
