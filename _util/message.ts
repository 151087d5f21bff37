/**
 * The part of `email.message.Message` that HTTP code uses, as
 * `http.client.HTTPMessage`, and the header-block parser of
 * `email.parser` (compat32 policy) that `http.client.parse_headers` feeds.
 *
 * Header names keep their case; lookups ignore it. Values are the
 * ISO-8859-1 decoding of the wire bytes, exactly as CPython stores them.
 *
 * @module
 */

import { latin1Decode } from "./bytes.ts";
import { decode } from "./codecs.ts";
import { KeyError } from "./exceptions.ts";
import { pyrepr, pystr, showAsRepr, type Tuple, tuple } from "./repr.ts";

/** An RFC 2231 parameter value: `(charset, language, value)`. */
export type Rfc2231Value = Tuple<string | null> & [string | null, string | null, string];
/** A parameter value as `get_param` returns it. */
export type ParamValue = string | Rfc2231Value;

/** The defects the compat32 parser records, by class name. */
export interface MessageDefect {
  /** Python's defect class name, e.g. `MissingHeaderBodySeparatorDefect`. */
  name: string;
  /** The offending line, where Python keeps it. */
  line?: string;
}

function unquote(s: string): string {
  if (s.length > 1) {
    if (s.startsWith('"') && s.endsWith('"')) {
      return s.slice(1, -1).replace(/\\\\/g, "\\").replace(/\\"/g, '"');
    }
    if (s.startsWith("<") && s.endsWith(">")) return s.slice(1, -1);
  }
  return s;
}

function countQuotes(s: string, end: number): number {
  let q = 0, esc = 0;
  for (let i = 0; i < end; i++) {
    if (s[i] === '"') {
      q++;
      if (i > 0 && s[i - 1] === "\\") esc++;
    }
  }
  return q - esc;
}

/** `email.message._parseparam`: split a header value on `;` outside quotes. */
function parseparam(value: string): string[] {
  let s = ";" + value;
  const out: string[] = [];
  while (s.startsWith(";")) {
    s = s.slice(1);
    let end = s.indexOf(";");
    while (end > 0 && countQuotes(s, end) % 2) end = s.indexOf(";", end + 1);
    if (end < 0) end = s.length;
    let f = s.slice(0, end);
    const i = f.indexOf("=");
    if (i >= 0) f = f.slice(0, i).trim().toLowerCase() + "=" + f.slice(i + 1).trim();
    out.push(f.trim());
    s = s.slice(end);
  }
  return out;
}

function percentDecodeLatin1(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

/** `email.utils.decode_params`: RFC 2231 continuations and charsets. */
function decodeParams(params: [string, string][]): [string, ParamValue][] {
  const out: [string, ParamValue][] = [params[0]];
  const rfc2231 = new Map<string, [number, string, boolean][]>();
  for (const [name, raw] of params.slice(1)) {
    const encoded = name.endsWith("*");
    const value = unquote(raw);
    const m = /^(\w+)\*(?:(\d+)\*?)?$/.exec(name);
    if (!m) {
      out.push([name, `"${quoteParam(value)}"`]);
      continue;
    }
    if (!rfc2231.has(m[1])) rfc2231.set(m[1], []);
    rfc2231.get(m[1])!.push([m[2] === undefined ? -1 : parseInt(m[2], 10), value, encoded]);
  }
  for (const [name, parts] of rfc2231) {
    parts.sort((a, b) => a[0] - b[0]);
    let extended = false;
    const joined = quoteParam(
      parts.map(([, v, enc]) => {
        if (!enc) return v;
        extended = true;
        return percentDecodeLatin1(v);
      }).join(""),
    );
    if (!extended) {
      out.push([name, `"${joined}"`]);
      continue;
    }
    const q = joined.split("'");
    const value = q.length <= 2
      ? tuple(null, null, `"${joined}"`)
      : tuple(q[0], q[1], `"${q.slice(2).join("'")}"`);
    out.push([name, value as Rfc2231Value]);
  }
  return out;
}

function quoteParam(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}

function unquoteValue(v: ParamValue): ParamValue {
  if (typeof v === "string") return unquote(v);
  return tuple(v[0], v[1], unquote(v[2])) as Rfc2231Value;
}

/**
 * Python's `http.client.HTTPMessage` (an `email.message.Message`): an
 * ordered, case-insensitive multi-map of header fields.
 *
 * It follows our mapping convention: `msg["X"]` is `msg.get("X")`,
 * `msg["X"] = v` is `msg.set("X", v)` (which appends, as in Python),
 * `"X" in msg` is `msg.has("X")`, `del msg["X"]` is `msg.delete("X")`
 * (all occurrences), `len(msg)` is `msg.size`, and iteration yields names.
 */
export class HTTPMessage implements Iterable<string> {
  #headers: [string, string][] = [];
  /** Parser defects (Python's `msg.defects`), as class names. */
  defects: MessageDefect[] = [];
  /** The envelope `From ` line, if the block began with one. */
  #unixfrom: string | null = null;
  #payload = "";
  #defaultType = "text/plain";

  /** Number of header fields, duplicates included (Python's `len(msg)`). */
  get size(): number {
    return this.#headers.length;
  }

  /** Iterate over the header names, in order (Python's `iter(msg)`). */
  [Symbol.iterator](): Iterator<string> {
    return this.keys()[Symbol.iterator]();
  }

  /** Python's `msg.get(name, failobj=None)`: the first value of `name`. */
  get(name: string): string | null;
  /** Python's `msg.get(name, failobj)`. */
  get<T>(name: string, failobj: T): string | T;
  get<T>(name: string, failobj: T | null = null): string | T | null {
    const n = name.toLowerCase();
    for (const [k, v] of this.#headers) if (k.toLowerCase() === n) return v;
    return failobj;
  }

  /** Python's `msg[name] = value`: appends a field (existing ones stay). */
  set(name: string, value: string): this {
    this.#headers.push([name, value]);
    return this;
  }

  /** Python's `name in msg`. */
  has(name: string): boolean {
    const n = name.toLowerCase();
    return this.#headers.some(([k]) => k.toLowerCase() === n);
  }

  /** Python's `del msg[name]`: removes every field of that name; true if any was there. */
  delete(name: string): boolean {
    const n = name.toLowerCase();
    const before = this.#headers.length;
    this.#headers = this.#headers.filter(([k]) => k.toLowerCase() !== n);
    return this.#headers.length !== before;
  }

  /** Python's `msg.keys()`: every field name, in order. */
  keys(): string[] {
    return this.#headers.map(([k]) => k);
  }

  /** Python's `msg.values()`. */
  values(): string[] {
    return this.#headers.map(([, v]) => v);
  }

  /** Python's `msg.items()`: `(name, value)` tuples. */
  items(): Tuple<string>[] {
    return this.#headers.map(([k, v]) => tuple(k, v));
  }

  /** Python's `msg.get_all(name, failobj=None)`: every value of `name`. */
  get_all(name: string): string[] | null;
  /** Python's `msg.get_all(name, failobj)`. */
  get_all<T>(name: string, failobj: T): string[] | T;
  get_all<T>(name: string, failobj: T | null = null): string[] | T | null {
    const n = name.toLowerCase();
    const out = this.#headers.filter(([k]) => k.toLowerCase() === n).map(([, v]) => v);
    return out.length ? out : failobj;
  }

  /** Python's `msg.add_header(name, value, **params)`. */
  add_header(name: string, value: string | null, params: Record<string, string | null> = {}): void {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(params)) {
      const key = k.replace(/_/g, "-");
      if (v === null) parts.push(key);
      else parts.push(/[ ()<>@,;:\\"/[\]?=]/.test(v) ? `${key}="${quoteParam(v)}"` : `${key}=${v}`);
    }
    if (value !== null) parts.unshift(value);
    this.#headers.push([name, parts.join("; ")]);
  }

  /** Python's `msg.replace_header(name, value)`: replaces the first field; KeyError if none. */
  replace_header(name: string, value: string): void {
    const n = name.toLowerCase();
    const i = this.#headers.findIndex(([k]) => k.toLowerCase() === n);
    if (i < 0) throw new KeyError(name);
    this.#headers[i] = [this.#headers[i][0], value];
  }

  /** `HTTPMessage.getallmatchingheaders`: kept for compatibility; CPython's returns `[]` for parsed messages too. */
  getallmatchingheaders(name: string): string[] {
    const n = name.toLowerCase() + ":";
    const out: string[] = [];
    let hit = false;
    for (const line of this.keys()) {
      if (line.slice(0, n.length).toLowerCase() === n) hit = true;
      else if (!line.slice(0, 1).trim()) { /* continuation keeps hit */ }
      else hit = false;
      if (hit) out.push(line);
    }
    return out;
  }

  #params(header: string): [string, ParamValue][] | null {
    const value = this.get(header);
    if (value === null) return null;
    const pairs: [string, string][] = parseparam(value).map((p) => {
      const i = p.indexOf("=");
      return i < 0 ? [p.trim(), ""] : [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    });
    return decodeParams(pairs);
  }

  /**
   * Python's `msg.get_params(failobj=None, header='content-type', unquote=True)`.
   *
   * @returns `(name, value)` tuples, the first being the main value with `''`
   */
  get_params(
    failobj: Tuple<unknown>[] | null = null,
    header = "content-type",
    unquote = true,
  ): Tuple<unknown>[] | null {
    const params = this.#params(header);
    if (params === null) return failobj;
    return params.map(([k, v]) => tuple(k, unquote ? unquoteValue(v) : v));
  }

  /**
   * Python's `msg.get_param(param, failobj=None, header='content-type', unquote=True)`.
   *
   * @returns the value (a 3-tuple for RFC 2231 values), `''` for a bare
   *   name, or `failobj` when absent
   */
  get_param<T = null>(
    param: string,
    failobj: T = null as T,
    header = "content-type",
    unquote = true,
  ): ParamValue | T {
    const params = this.#params(header);
    if (params === null) return failobj;
    const p = param.toLowerCase();
    for (const [k, v] of params) {
      if (k.toLowerCase() === p) return unquote ? unquoteValue(v) : v;
    }
    return failobj;
  }

  /** Python's `msg.get_content_type()`: lower-cased `maintype/subtype`, `text/plain` by default. */
  get_content_type(): string {
    const value = this.get("content-type");
    if (value === null) return this.#defaultType;
    const ctype = value.split(";", 1)[0].trim().toLowerCase();
    return ctype.split("/").length === 2 ? ctype : "text/plain";
  }

  /** Python's `msg.get_content_maintype()`. */
  get_content_maintype(): string {
    return this.get_content_type().split("/")[0];
  }

  /** Python's `msg.get_content_subtype()`. */
  get_content_subtype(): string {
    return this.get_content_type().split("/")[1];
  }

  /** Python's `msg.get_default_type()`. */
  get_default_type(): string {
    return this.#defaultType;
  }

  /** Python's `msg.set_default_type(ctype)`. */
  set_default_type(ctype: string): void {
    this.#defaultType = ctype;
  }

  /** Python's `msg.get_content_charset(failobj=None)`: the lower-cased charset parameter. */
  get_content_charset<T = null>(failobj: T = null as T): string | T {
    let charset = this.get_param<symbol>("charset", MISSING);
    if (charset === MISSING) return failobj;
    if (typeof charset !== "string") {
      const [cs, , v] = charset as Rfc2231Value;
      try {
        charset = decode(rawUnicodeEscape(v), cs || "us-ascii");
      } catch {
        charset = v;
      }
    }
    const s = charset as string;
    // deno-lint-ignore no-control-regex
    if (/[^\x00-\x7f]/.test(s)) return failobj;
    return s.toLowerCase();
  }

  /** Python's `msg.get_filename(failobj=None)`, from Content-Disposition. */
  get_filename<T = null>(failobj: T = null as T): string | T {
    let v = this.get_param<symbol>("filename", MISSING, "content-disposition");
    if (v === MISSING) v = this.get_param<symbol>("name", MISSING, "content-type");
    if (v === MISSING) return failobj;
    if (typeof v !== "string") {
      const [cs, , raw] = v as Rfc2231Value;
      try {
        return decode(rawUnicodeEscape(raw), cs ?? "us-ascii", "replace").trim();
      } catch {
        return unquote(raw).trim();
      }
    }
    return (v as string).trim();
  }

  /** Python's `msg.get_boundary(failobj=None)`. */
  get_boundary<T = null>(failobj: T = null as T): string | T {
    const v = this.get_param<symbol>("boundary", MISSING);
    if (v === MISSING) return failobj;
    return (typeof v === "string" ? v : (v as Rfc2231Value)[2]).replace(/\s+$/, "");
  }

  /** Python's `msg.get_unixfrom()`. */
  get_unixfrom(): string | null {
    return this.#unixfrom;
  }

  /** Python's `msg.set_unixfrom(line)`. */
  set_unixfrom(line: string | null): void {
    this.#unixfrom = line;
  }

  /** Python's `msg.get_payload()`: for a parsed header block, what followed a bad line. */
  get_payload(): string {
    return this.#payload;
  }

  /** Python's `msg.set_payload(payload)`. */
  set_payload(payload: string): void {
    this.#payload = payload;
  }

  /** Python's `msg.is_multipart()`: always false here. */
  is_multipart(): boolean {
    return false;
  }

  /**
   * Python's `msg.as_string()`: the fields, a blank line and the payload.
   * Unlike Python's generator it does not refold long lines or RFC 2047-encode
   * non-ASCII values (see docs/divergences.md).
   */
  as_string(): string {
    let s = "";
    for (const [k, v] of this.#headers) s += `${k}: ${v.replace(/\r\n|\r/g, "\n")}\n`;
    return s + "\n" + this.#payload.replace(/\r\n|\r/g, "\n");
  }

  /** Python's `str(msg)`. */
  [pystr](): string {
    return this.as_string();
  }

  /** Python's `repr(msg)`. */
  [pyrepr](): string {
    return `<http.client.HTTPMessage object>`;
  }

  /** Python's `str(msg)`. */
  toString(): string {
    return this.as_string();
  }
}
showAsRepr(HTTPMessage);

const MISSING: unique symbol = Symbol("missing");

// `[\041-\071\073-\176]*:` — a (possibly empty) run of printable non-colon
// characters then a colon; or a continuation line; or an envelope line.
function isHeaderLine(line: string): boolean {
  if (line.startsWith("From ") || line[0] === " " || line[0] === "\t") return true;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c < 0x21 || c > 0x7e) return false;
  }
  return false;
}

/** Split text into lines the way email's feedparser does (`\r\n`, `\r` and `\n` all end a line). */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      let end = i + 1;
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) end++;
      lines.push(text.slice(start, end));
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

function stripEol(line: string): string {
  return line.replace(/(\r\n|\r|\n)$/, "");
}

/**
 * Parse a header block (already decoded as ISO-8859-1, blank line included)
 * into `msg`, as `email.parser.Parser(_class=HTTPMessage).parsestr()` does
 * with the compat32 policy: folding kept in values, a line that is not a
 * header ends the block and becomes the payload, defects recorded.
 */
export function parseHeaderBlock<M extends HTTPMessage>(text: string, msg: M): M {
  const lines = splitLines(text);
  let n = 0;
  const headerLines: string[] = [];
  for (; n < lines.length; n++) {
    const line = lines[n];
    if (!isHeaderLine(line)) {
      if (!/^(\r\n|\r|\n)$/.test(line)) msg.defects.push({ name: "MissingHeaderBodySeparatorDefect" });
      else n++;
      break;
    }
    headerLines.push(line);
  }
  msg.set_payload(lines.slice(n).join(""));
  let last: string[] = [];
  const flush = () => {
    if (!last.length) return;
    const first = last[0];
    const i = first.indexOf(":");
    const name = first.slice(0, i);
    const value = (first.slice(i + 1).replace(/^[ \t]+/, "") + last.slice(1).join("")).replace(
      /[\r\n]+$/,
      "",
    );
    msg.set(name, value);
    last = [];
  };
  headerLines.forEach((line, lineno) => {
    if (line[0] === " " || line[0] === "\t") {
      if (!last.length) msg.defects.push({ name: "FirstHeaderLineIsContinuationDefect", line });
      else last.push(line);
      return;
    }
    flush();
    if (line.startsWith("From ")) {
      if (lineno === 0) msg.set_unixfrom(stripEol(line));
      else if (lineno === headerLines.length - 1) msg.set_payload(line + msg.get_payload());
      else msg.defects.push({ name: "MisplacedEnvelopeHeaderDefect", line });
      return;
    }
    if (line.indexOf(":") === 0) {
      msg.defects.push({ name: "InvalidHeaderDefect" });
      return;
    }
    last = [line];
  });
  flush();
  return msg;
}

/** Python's `s.encode('raw-unicode-escape')` for the Latin-1 text RFC 2231 values hold. */
function rawUnicodeEscape(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x100) out.push(cp);
    else {
      const esc = cp < 0x10000
        ? "\\u" + cp.toString(16).padStart(4, "0")
        : "\\U" + cp.toString(16).padStart(8, "0");
      for (const c of esc) out.push(c.charCodeAt(0));
    }
  }
  return Uint8Array.from(out);
}

/** What {@link parse_headers} reads from: a buffered reader with Python's `readline(limit)`. */
export interface LineReader {
  /** Read up to and including `\n`, at most `limit` bytes. */
  readline(limit?: number): Promise<Uint8Array>;
}

/** A {@link LineReader} that can also hand back a line as ISO-8859-1 text without allocating bytes. */
export interface TextLineReader extends LineReader {
  /** `readline(limit)` decoded as ISO-8859-1. */
  readlineLatin1(limit?: number): Promise<string>;
  /** The same line at once when it is buffered in full, else `null` (nothing consumed). */
  readlineLatin1Buffered?(limit?: number): string | null;
}

/** The limits of `http.client._read_headers`. */
export interface HeaderLimits {
  /** Longest line (`_MAXLINE`, 65536); a longer one raises `lineTooLong()`. */
  maxLine: number;
  /** Most lines (`_MAXHEADERS`, 100); more raises `tooMany()`. */
  maxHeaders: number;
  /** The error for an over-long line. */
  lineTooLong: () => Error;
  /** The error for too many lines. */
  tooMany: () => Error;
}

/**
 * `http.client._read_headers`: read header lines up to and including the
 * blank line (or EOF), enforcing the line-length and count limits.
 */
export async function readHeaderLines(fp: LineReader, limits: HeaderLimits): Promise<Uint8Array[]> {
  const lines: Uint8Array[] = [];
  for (;;) {
    const line = await fp.readline(limits.maxLine + 1);
    if (line.length > limits.maxLine) throw limits.lineTooLong();
    lines.push(line);
    if (lines.length > limits.maxHeaders) throw limits.tooMany();
    if (
      line.length === 0 || (line.length === 1 && line[0] === 10) ||
      (line.length === 2 && line[0] === 13 && line[1] === 10)
    ) return lines;
  }
}

/**
 * `http.client.parse_headers` in one step for the hot paths: read the header
 * block with the same limits as {@link readHeaderLines} and parse it into a
 * new `cls`, decoding each line straight from the read buffer.
 */
export async function readHeaders<M extends HTTPMessage>(
  fp: LineReader | TextLineReader,
  limits: HeaderLimits,
  cls: new () => M,
): Promise<M> {
  if (!("readlineLatin1" in fp)) return parseHeaderLines(await readHeaderLines(fp, limits), cls);
  let text = "";
  let count = 0;
  for (;;) {
    const line = fp.readlineLatin1Buffered?.(limits.maxLine + 1) ??
      await fp.readlineLatin1(limits.maxLine + 1);
    if (line.length > limits.maxLine) throw limits.lineTooLong();
    text += line;
    if (++count > limits.maxHeaders) throw limits.tooMany();
    if (line === "" || line === "\r\n" || line === "\n") return parseHeaderBlock(text, new cls());
  }
}

/** `http.client._parse_header_lines`: decode as ISO-8859-1 and parse into a new `cls`. */
export function parseHeaderLines<M extends HTTPMessage>(
  lines: Uint8Array[],
  cls: new () => M,
): M {
  return parseHeaderBlock(lines.map((l) => latin1Decode(l)).join(""), new cls());
}
