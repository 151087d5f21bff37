/**
 * Address checks that `urllib.parse` needs from Python's `ipaddress`
 * module: does a string parse as `IPv4Address(s)` or `IPv6Address(s)`?
 * The rules mirror CPython's `_ip_int_from_string` exactly (octets without
 * leading zeros, at most 4 hex digits a hextet, one `::`, an IPv4 tail,
 * a non-empty `%scope` without a second `%`).
 *
 * @module
 */

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

/** The value of a dotted-quad IPv4 address as Python's `IPv4Address(s)` parses it, or -1. */
export function parseIPv4(s: string): number {
  if (s.length === 0 || s.length > 15) return -1;
  let value = 0;
  let octets = 0;
  let i = 0;
  const n = s.length;
  while (true) {
    const start = i;
    while (i < n && s.charCodeAt(i) !== 0x2e) {
      if (!isDigit(s.charCodeAt(i))) return -1;
      i++;
    }
    const len = i - start;
    if (len === 0 || len > 3) return -1;
    if (len > 1 && s.charCodeAt(start) === 0x30) return -1;
    const octet = Number(s.slice(start, i));
    if (octet > 255) return -1;
    value = value * 256 + octet;
    octets++;
    if (i === n) break;
    i++; // the dot
    if (octets === 4) return -1;
  }
  return octets === 4 ? value : -1;
}

/** Does `s` parse as Python's `IPv4Address(s)`? */
export function isIPv4(s: string): boolean {
  return s.indexOf("/") < 0 && parseIPv4(s) >= 0;
}

/** Does `s` parse as Python's `IPv6Address(s)` (a `%scope` suffix included)? */
export function isIPv6(s: string): boolean {
  if (s.indexOf("/") >= 0) return false;
  const pct = s.indexOf("%");
  let addr = s;
  if (pct >= 0) {
    const scope = s.slice(pct + 1);
    if (scope.length === 0 || scope.indexOf("%") >= 0) return false;
    addr = s.slice(0, pct);
  }
  if (addr.length === 0 || addr.length > 45) return false;
  const parts = addr.split(":");
  if (parts.length < 3) return false;
  const last = parts[parts.length - 1];
  if (last.indexOf(".") >= 0) {
    if (parseIPv4(last) < 0) return false;
    parts[parts.length - 1] = "0";
    parts.push("0");
  }
  if (parts.length > 9) return false;
  let skip = -1;
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i].length === 0) {
      if (skip >= 0) return false;
      skip = i;
    }
  }
  let hi: number, lo: number;
  if (skip >= 0) {
    hi = skip;
    lo = parts.length - skip - 1;
    if (parts[0].length === 0) {
      hi--;
      if (hi) return false;
    }
    if (parts[parts.length - 1].length === 0) {
      lo--;
      if (lo) return false;
    }
    if (8 - (hi + lo) < 1) return false;
  } else {
    if (parts.length !== 8) return false;
    if (parts[0].length === 0 || parts[7].length === 0) return false;
    hi = 8;
    lo = 0;
  }
  for (let i = 0; i < hi; i++) if (!isHextet(parts[i])) return false;
  for (let i = parts.length - lo; i < parts.length; i++) if (!isHextet(parts[i])) return false;
  return true;
}

function isHextet(p: string): boolean {
  if (p.length === 0 || p.length > 4) return false;
  for (let k = 0; k < p.length; k++) if (!isHex(p.charCodeAt(k))) return false;
  return true;
}
