/**
 * pyweb: Python's web standard library for Deno.
 *
 * The root exports the porting aids every program uses (`print`, `repr`,
 * `str`, the `b` bytes literal, `tuple`) and Python's built-in exception
 * classes. Each Python module is its own entry point, `@pyweb/std/urllib/parse`
 * for `urllib.parse` and so on.
 *
 * ```python
 * from urllib.parse import urlparse
 * print(urlparse("http://www.python.org:80/a;p?q=1#f"))
 * ```
 *
 * ```ts
 * import { print } from "@pyweb/std";
 * import { urlparse } from "@pyweb/std/urllib/parse";
 * print(urlparse("http://www.python.org:80/a;p?q=1#f"));
 * ```
 *
 * @module
 */

export { print, type PrintOptions, repr, str, Tuple, tuple } from "./_util/repr.ts";
export { b, Bytes } from "./_util/bytes.ts";
export {
  AttributeError,
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
  EOFError,
  Exception,
  FileExistsError,
  FileNotFoundError,
  IndexError,
  IsADirectoryError,
  KeyError,
  LookupError,
  NotADirectoryError,
  NotImplementedError,
  OSError,
  PermissionError,
  RuntimeError,
  TimeoutError,
  TypeError,
  UnicodeDecodeError,
  UnicodeEncodeError,
  UnicodeError,
  ValueError,
} from "./_util/exceptions.ts";
