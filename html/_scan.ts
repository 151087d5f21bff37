// Hand-written scanners for html.parser's regular expressions: each walks the
// string with charCodeAt, never backtracks more than one bounded step, and
// returns exactly what CPython's `re` would match.

/** `\t \n \r \f` or space: the only whitespace the HTML5 tokenizer knows. */
export function isWS(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

/** ASCII letter. */
export function isAlpha(c: number): boolean {
  return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

/** End of a tag name `[^\t\n\r\f />]*` from `p`. */
export function tagNameEnd(s: string, p: number, n: number): number {
  while (p < n) {
    const c = s.charCodeAt(p);
    if (c === 0x3e || c === 0x2f || isWS(c)) break;
    p++;
  }
  return p;
}

/**
 * The value part of an attribute, `[\t\n\r\f ]*=[\t\n\r\f ]*(value)`, at `p`
 * (just after the name). Returns -1 when it does not match, else the end of
 * the match; `valueStart` / `valueEnd` are left in {@link lastValue}.
 */
export const lastValue = { start: 0, end: 0 };
export function scanValue(s: string, p: number, n: number): number {
  let q = p;
  while (q < n && isWS(s.charCodeAt(q))) q++;
  if (q >= n || s.charCodeAt(q) !== 0x3d /* = */) return -1;
  q++;
  const afterEq = q;
  while (q < n && isWS(s.charCodeAt(q))) q++;
  if (q < n) {
    const c = s.charCodeAt(q);
    if (c === 0x27 || c === 0x22) {
      const close = s.indexOf(c === 0x27 ? "'" : '"', q + 1);
      if (close >= 0) {
        lastValue.start = q;
        lastValue.end = close + 1;
        return close + 1;
      }
      // An unclosed quote: the regex backtracks over the whitespace after
      // '='; with at least one space the bare value matches empty there.
      if (q === afterEq) return -1;
      q--;
      lastValue.start = q;
      lastValue.end = q;
      return q;
    }
  }
  const start = q;
  while (q < n) {
    const c = s.charCodeAt(q);
    if (c === 0x3e || isWS(c)) break;
    q++;
  }
  lastValue.start = start;
  lastValue.end = q;
  return q;
}

/** Python's `locatetagend` matched at `p` (a letter): the end of the match. */
export function locateTagEnd(s: string, p: number, n: number): number {
  p = tagNameEnd(s, p + 1, n);
  // [\t\n\r\f /]*
  while (p < n) {
    const c = s.charCodeAt(p);
    if (c === 0x2f || isWS(c)) p++;
    else break;
  }
  for (;;) {
    if (p >= n) return p;
    let c = s.charCodeAt(p);
    if (c === 0x3e) return p + 1;
    // the lookbehind (?<=['"\t\n\r\f /])
    const b = s.charCodeAt(p - 1);
    if (!(b === 0x27 || b === 0x22 || b === 0x2f || isWS(b))) return p;
    // attribute name: first char [^\t\n\r\f />] (c is not '>' here, and the
    // separator loop above ate '/' and whitespace), then [^\t\n\r\f /=>]*
    p++;
    while (p < n) {
      c = s.charCodeAt(p);
      if (c === 0x3e || c === 0x2f || c === 0x3d || isWS(c)) break;
      p++;
    }
    const v = scanValue(s, p, n);
    if (v >= 0) p = v;
    while (p < n) {
      c = s.charCodeAt(p);
      if (c === 0x2f || isWS(c)) p++;
      else break;
    }
  }
}

/** `(?:[\t\n\r\f ]|/(?!>))*` from `p`. */
export function skipSep(s: string, p: number, n: number): number {
  while (p < n) {
    const c = s.charCodeAt(p);
    if (isWS(c)) p++;
    else if (c === 0x2f && (p + 1 >= n || s.charCodeAt(p + 1) !== 0x3e)) p++;
    else break;
  }
  return p;
}

/**
 * Python's `charref` regex `&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]` at
 * `i` (which holds `&#`): the end of the match or -1.
 */
export function matchCharref(s: string, i: number, n: number): number {
  let p = i + 2;
  if (p >= n) return -1;
  const c = s.charCodeAt(p);
  if (c >= 0x30 && c <= 0x39) {
    while (p < n && s.charCodeAt(p) >= 0x30 && s.charCodeAt(p) <= 0x39) p++;
  } else if ((c | 0x20) === 0x78) {
    p++;
    const start = p;
    while (p < n && isHex(s.charCodeAt(p))) p++;
    if (p === start) return -1;
  } else return -1;
  if (p >= n || isHex(s.charCodeAt(p))) return -1;
  return p + 1;
}

/** Python's `incomplete_charref` `&#(?:[0-9]|[xX][0-9a-fA-F])` at `i`. */
export function matchIncompleteCharref(s: string, i: number, n: number): boolean {
  if (i + 2 >= n) return false;
  const c = s.charCodeAt(i + 2);
  if (c >= 0x30 && c <= 0x39) return true;
  return (c | 0x20) === 0x78 && i + 3 < n && isHex(s.charCodeAt(i + 3));
}

/**
 * Python's `entityref` regex `&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]` at `i`
 * (an `&`): the end of the match (the name is `s.slice(i + 1, end - 1)`) or -1.
 */
export function matchEntityref(s: string, i: number, n: number): number {
  let p = i + 1;
  if (p >= n || !isAlpha(s.charCodeAt(p))) return -1;
  p++;
  while (p < n) {
    const c = s.charCodeAt(p);
    if (isAlnum(c) || c === 0x2d || c === 0x2e) p++;
    else break;
  }
  if (p < n) return p + 1; // the next char is neither alnum nor '-' / '.'
  // At the end of the buffer: backtrack to the last '-' or '.' of the name.
  for (let q = p - 1; q > i + 1; q--) {
    const c = s.charCodeAt(q);
    if (c === 0x2d || c === 0x2e) return q + 1;
  }
  return -1;
}

/** Python's `str.lower()`, with an ASCII fast path. */
export function pyLower(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x80) return s.toLowerCase();
    if (c >= 0x41 && c <= 0x5a) return s.toLowerCase();
  }
  return s;
}
