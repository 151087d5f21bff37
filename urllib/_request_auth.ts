// Private helpers for urllib.request's authentication handlers: the
// linear-time scan that replaces AbstractBasicAuthHandler.rx, and hashing.

import { hexdigest } from "../_util/hash.ts";

/** One `(scheme, quote, realm)` match of Python's `AbstractBasicAuthHandler.rx`. */
export interface RealmMatch {
  scheme: string;
  quote: string;
  realm: string;
}

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t";
}

function tryAt(s: string, p: number): [RealmMatch, number] | null {
  let i = p;
  while (isSpace(s[i])) i++;
  const t0 = i;
  while (i < s.length && !isSpace(s[i]) && s[i] !== ",") i++;
  if (i === t0) return null;
  const scheme = s.slice(t0, i);
  if (!isSpace(s[i])) return null;
  while (isSpace(s[i])) i++;
  if (s.slice(i, i + 6).toLowerCase() !== "realm=") return null;
  i += 6;
  const q = s[i];
  if (q === '"' || q === "'") {
    let k = i + 1;
    while (k < s.length && s[k] !== '"' && s[k] !== "'") k++;
    if (s[k] === q) return [{ scheme, quote: q, realm: s.slice(i + 1, k) }, k + 1];
    return [{ scheme, quote: "", realm: "" }, i];
  }
  let k = i;
  while (k < s.length && s[k] !== '"' && s[k] !== "'") k++;
  return [{ scheme, quote: "", realm: s.slice(i, k) }, k];
}

/**
 * Every match of `(?:^|,)[ \t]*([^ \t,]+)[ \t]+realm=(["']?)([^"']*)\2` (case-
 * insensitive), as Python's `rx.finditer(header)` yields them, in linear time.
 */
export function findRealms(s: string): RealmMatch[] {
  const out: RealmMatch[] = [];
  let p = 0;
  while (p <= s.length) {
    let m: [RealmMatch, number] | null = null;
    if (p === 0) m = tryAt(s, 0);
    if (m === null && s[p] === ",") m = tryAt(s, p + 1);
    if (m !== null) {
      out.push(m[0]);
      p = m[1];
    } else {
      const next = s.indexOf(",", p + 1);
      if (next < 0) break;
      p = next;
    }
  }
  return out;
}

export { hexdigest };

/** `n` random bytes (Python's `os.urandom`). */
export function urandom(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}
