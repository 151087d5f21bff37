/**
 * CPython's private `urllib.parse._split*` helpers and `_to_bytes`, which the deprecated public
 * `splittype()`, `splithost()`, … call after warning. They take and return str, and return Python
 * tuples ({@link Tuple}), as CPython's do.
 *
 * @module
 */

import { reprStr, type Tuple, tuple } from "../_util/repr.ts";
import { UnicodeError } from "../_util/exceptions.ts";

/** Python's `_splittype('type:opaquestring')` → `('type', 'opaquestring')`, the type lower-cased. */
export function _splittype(url: string): Tuple<string | null> {
  // re.compile('([^/:]+):(.*)', re.DOTALL).match(url)
  let i = 0;
  while (i < url.length && url[i] !== "/" && url[i] !== ":") i++;
  if (i > 0 && url[i] === ":") return tuple(url.slice(0, i).toLowerCase(), url.slice(i + 1));
  return tuple(null, url);
}

/** Python's `_splithost('//host[:port]/path')` → `('host[:port]', '/path')`. */
export function _splithost(url: string): Tuple<string | null> {
  // re.compile('//([^/#?]*)(.*)', re.DOTALL).match(url)
  if (!url.startsWith("//")) return tuple(null, url);
  let i = 2;
  while (i < url.length && url[i] !== "/" && url[i] !== "#" && url[i] !== "?") i++;
  let path = url.slice(i);
  if (path && path[0] !== "/") path = "/" + path;
  return tuple(url.slice(2, i), path);
}

/** Python's `_splituser('user[:passwd]@host[:port]')` → `('user[:passwd]', 'host[:port]')`. */
export function _splituser(host: string): Tuple<string | null> {
  const i = host.lastIndexOf("@");
  return i < 0 ? tuple(null, host) : tuple(host.slice(0, i), host.slice(i + 1));
}

/** Python's `_splitpasswd('user:passwd')` → `('user', 'passwd')`. */
export function _splitpasswd(user: string): Tuple<string | null> {
  const i = user.indexOf(":");
  return i < 0 ? tuple(user, null) : tuple(user.slice(0, i), user.slice(i + 1));
}

/** Python's `_splitport('host:port')` → `('host', 'port')`; the port is all ASCII digits, else `None`. */
export function _splitport(host: string): Tuple<string | null> {
  // re.compile('(.*):([0-9]*)', re.DOTALL).fullmatch(host)
  const i = host.lastIndexOf(":");
  if (i >= 0) {
    const port = host.slice(i + 1);
    if (/^[0-9]*$/.test(port)) return tuple(host.slice(0, i), port || null);
  }
  return tuple(host, null);
}

/**
 * Python's `_splitnport(host, defport=-1)`: the port as a number, `defport` when there is none, `None`
 * when it is not a number.
 */
export function _splitnport(host: string, defport: number | null = -1): Tuple<string | number | null> {
  const i = host.lastIndexOf(":");
  if (i < 0) return tuple(host, defport);
  const port = host.slice(i + 1);
  if (port) return tuple(host.slice(0, i), /^[0-9]+$/.test(port) ? Number(port) : null);
  return tuple(host.slice(0, i), defport);
}

/** Python's `_splitquery('/path?query')` → `('/path', 'query')`. */
export function _splitquery(url: string): Tuple<string | null> {
  const i = url.lastIndexOf("?");
  return i < 0 ? tuple(url, null) : tuple(url.slice(0, i), url.slice(i + 1));
}

/** Python's `_splittag('/path#tag')` → `('/path', 'tag')`. */
export function _splittag(url: string): Tuple<string | null> {
  const i = url.lastIndexOf("#");
  return i < 0 ? tuple(url, null) : tuple(url.slice(0, i), url.slice(i + 1));
}

/** Python's `_splitattr('/path;attr1=value1;attr2=value2')` → `('/path', ['attr1=value1', 'attr2=value2'])`. */
export function _splitattr(url: string): Tuple<string | string[]> {
  const words = url.split(";");
  return tuple(words[0], words.slice(1));
}

/** Python's `_splitvalue('attr=value')` → `('attr', 'value')`. */
export function _splitvalue(attr: string): Tuple<string | null> {
  const i = attr.indexOf("=");
  return i < 0 ? tuple(attr, null) : tuple(attr.slice(0, i), attr.slice(i + 1));
}

/** Python's `_to_bytes(url)`: a str URL must be ASCII (it is returned as it is), else `UnicodeError`. */
export function _to_bytes<T>(url: T): T {
  if (typeof url === "string") {
    for (let i = 0; i < url.length; i++) {
      if (url.charCodeAt(i) > 0x7f) {
        throw new UnicodeError("URL " + reprStr(url) + " contains non-ASCII characters");
      }
    }
  }
  return url;
}
