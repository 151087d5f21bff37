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

import { Bytes, latin1Decode } from "./bytes.ts";
import { decode, encode } from "./codecs.ts";
import { KeyError, TypeError } from "./exceptions.ts";
import { decodeBase64 } from "./base64.ts";
import { truthy } from "./builtins.ts";
import { type Keywords, NO_MORE, Signature } from "./signature.ts";
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

/** `email.utils.encode_rfc2231(s, charset, language)`: `charset'language'%XX…`, quoted with nothing safe. */
function encodeRfc2231(s: string, charset: string | null, language: string | null): string {
  let out = "";
  for (const b of encode(s, charset ?? "ascii")) {
    const ch = String.fromCharCode(b);
    out += /[A-Za-z0-9_.~-]/.test(ch) ? ch : "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  if (charset === null && language === null) return out;
  // Python formats "%s'%s'%s" % (charset, language or '', s): a missing charset prints as None.
  return `${charset ?? "None"}'${language ?? ""}'${out}`;
}

/** `email.message._formatparam(param, value)` as `add_header` calls it (always quoting). */
function formatParam(param: string, value: unknown): string {
  if (value === null || value === undefined) return param;
  if (Array.isArray(value)) {
    const [charset, language, v] = value as [string | null, string | null, string];
    return `${param}*=${encodeRfc2231(String(v), charset, language)}`;
  }
  const s = String(value);
  if (!s.length) return param;
  // deno-lint-ignore no-control-regex
  if (/[^\x00-\x7f]/.test(s)) return `${param}*=${encodeRfc2231(s, "utf-8", "")}`;
  return `${param}="${quoteParam(s)}"`;
}

function quoteParam(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}

function unquoteValue(v: ParamValue): ParamValue {
  if (typeof v === "string") return unquote(v);
  return tuple(v[0], v[1], unquote(v[2])) as Rfc2231Value;
}

const GET = new Signature<{ name: string; failobj: unknown }>("Message.get", ["self", "name", "failobj"], {
  failobj: null,
});
const GET_ALL = new Signature<{ name: string; failobj: unknown }>(
  "Message.get_all",
  ["self", "name", "failobj"],
  { failobj: null },
);
const GET_PARAMS = new Signature<{ failobj: unknown; header: string; unquote: unknown }>(
  "Message.get_params",
  ["self", "failobj", "header", "unquote"],
  { failobj: null, header: "content-type", unquote: true },
);
const GET_PARAM = new Signature<{ param: string; failobj: unknown; header: string; unquote: unknown }>(
  "Message.get_param",
  ["self", "param", "failobj", "header", "unquote"],
  { failobj: null, header: "content-type", unquote: true },
);
const FAILOBJ = (name: string) =>
  new Signature<{ failobj: unknown }>(`Message.${name}`, ["self", "failobj"], { failobj: null });
const GET_FILENAME = FAILOBJ("get_filename");
const GET_BOUNDARY = FAILOBJ("get_boundary");
const GET_CONTENT_CHARSET = FAILOBJ("get_content_charset");
const GET_CHARSETS = FAILOBJ("get_charsets");
const GET_PAYLOAD = new Signature<{ i: unknown; decode: unknown }>(
  "Message.get_payload",
  ["self", "i", "decode"],
  { i: null, decode: false },
);
const ADD_HEADER = new Signature<{ _name: string; _value: string | null; _params: Record<string, unknown> }>(
  "Message.add_header",
  ["self", "_name", "_value", "**_params"],
);
const REPLACE_HEADER = new Signature<{ _name: string; _value: string }>(
  "Message.replace_header",
  ["self", "_name", "_value"],
);
const SET_DEFAULT_TYPE = new Signature<{ ctype: string }>("Message.set_default_type", ["self", "ctype"]);
const SET_UNIXFROM = new Signature<{ unixfrom: string | null }>("Message.set_unixfrom", ["self", "unixfrom"]);
const SET_PAYLOAD = new Signature<{ payload: string; charset: unknown }>(
  "Message.set_payload",
  ["self", "payload", "charset"],
  { charset: null },
);
const AS_STRING = new Signature<{ unixfrom: unknown; maxheaderlen: number; policy: unknown }>(
  "Message.as_string",
  ["self", "unixfrom", "maxheaderlen", "policy"],
  { unixfrom: false, maxheaderlen: 0, policy: null },
);
const GETALLMATCHINGHEADERS = new Signature<{ name: string }>(
  "HTTPMessage.getallmatchingheaders",
  ["self", "name"],
);
const NAME = (q: string) => new Signature<{ name: string }>(q, ["self", "name"]);
const CONTAINS = NAME("Message.__contains__");
const GETITEM = NAME("Message.__getitem__");
const DELITEM = NAME("Message.__delitem__");
const SETITEM = new Signature<{ name: string; val: string }>("Message.__setitem__", ["self", "name", "val"]);

// The lowered forms of the names looked up last, direct-mapped: a server asks for the same few names
// ("Connection", "Expect", "Content-Length") on every request, and lowering one allocates a new string.
const lowered = { names: new Array<string>(8).fill(""), lower: new Array<string>(8).fill("") };

/** `name.lower()`, the same string again for a name looked up recently. */
function lowerName(name: string): string {
  const slot = (name.length + name.charCodeAt(0)) & 7;
  if (lowered.names[slot] === name) return lowered.lower[slot];
  const n = name.toLowerCase();
  lowered.names[slot] = name;
  lowered.lower[slot] = n;
  return n;
}

/**
 * Python's `k.lower() == n` for an already lowered `n`, without lowering a name of another length: only
 * U+0130 (which lowers to two code units) changes a string's length when lowered.
 */
function sameName(k: string, n: string): boolean {
  return (k.length === n.length || k.includes("\u0130")) && k.toLowerCase() === n;
}

/**
 * {@link sameName} for a name the parser found, `text[start:end]`: printable ASCII (`isHeaderLine` lets
 * nothing else before the colon), so Python's `lower()` of it is the ASCII one, compared in place.
 */
function sameNameAt(text: string, start: number, end: number, n: string): boolean {
  if (end - start !== n.length) return false;
  for (let i = 0; i < n.length; i++) {
    let c = text.charCodeAt(start + i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== n.charCodeAt(i)) return false;
  }
  return true;
}

/** A parsed field's value: `text[colon + 1:end]` after the blanks that follow the colon. */
function valueAt(text: string, colon: number, end: number): string {
  let a = colon + 1;
  while (a < end && (text.charCodeAt(a) === 0x20 || text.charCodeAt(a) === 0x09)) a++;
  return text.slice(a, end);
}

/** No fields in the parsed form: shared, never written. */
const NO_FIELDS: readonly number[] = Object.freeze([]);

/** Hand a parsed block's fields to a message (set up by HTTPMessage's static block: it reaches private fields). */
let adoptFields: (msg: HTTPMessage, text: string, at: readonly number[]) => void;

/** Append the fields at offsets `at` into `text` (see HTTPMessage's `#text`) to `into` as pairs. */
function cutFields(text: string, at: readonly number[], into: [string, string][]): [string, string][] {
  for (let i = 0; i < at.length; i += 3) {
    into.push([text.slice(at[i], at[i + 1]), valueAt(text, at[i + 1], at[i + 2])]);
  }
  return into;
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
  /**
   * The fields as `[name, value]` pairs; `null` while they are still in the parsed form ({@link #text}), as
   * a new message's are (none yet).
   */
  #headers: [string, string][] | null = null;
  /**
   * A parsed block not yet cut into strings: the text the parser read and, per field, three offsets into it
   * (name start, its colon, value end; the value starts after the blanks that follow the colon). Lookups compare names in place and cut out only the
   * values asked for (a response's head is mostly asked for two or three); anything else turns the fields
   * into `#headers` first ({@link #pairs}).
   */
  #text = "";
  #at: readonly number[] = NO_FIELDS;

  static {
    adoptFields = (msg, text, at) => {
      if (msg.#headers === null && msg.#at.length === 0) {
        msg.#text = text;
        msg.#at = at;
      } else cutFields(text, at, msg.#pairs());
    };
  }

  /** The fields as pairs, cut out of the parsed form if they are still in it. */
  #pairs(): [string, string][] {
    let h = this.#headers;
    if (h === null) {
      h = this.#headers = cutFields(this.#text, this.#at, []);
      this.#text = "";
      this.#at = NO_FIELDS;
    }
    return h;
  }
  /** Parser defects (Python's `msg.defects`), as class names. */
  defects: MessageDefect[] = [];
  /** The envelope `From ` line, if the block began with one. */
  #unixfrom: string | null = null;
  #payload = "";
  #defaultType = "text/plain";

  /** Number of header fields, duplicates included (Python's `len(msg)`). */
  get size(): number {
    return this.#headers === null ? this.#at.length / 3 : this.#headers.length;
  }

  /** Python's `len(msg)`: the number of fields, duplicates included. */
  __len__(): number {
    return this.size;
  }

  /** Python's `name in msg`. */
  __contains__(name: string): boolean;
  /** `__contains__({ name })`. */
  __contains__(kwargs: { name: string }): boolean;
  __contains__(...args: unknown[]): boolean {
    return this.has(CONTAINS.bind(args).name);
  }

  /** Python's `msg[name]`: the first value, or `null` (`None`), never a KeyError. */
  __getitem__(name: string): string | null;
  /** `__getitem__({ name })`. */
  __getitem__(kwargs: { name: string }): string | null;
  __getitem__(...args: unknown[]): string | null {
    const { name } = GETITEM.bind(args);
    return this.#get(name, null);
  }

  /** Python's `msg[name] = val`: appends a field. */
  __setitem__(name: string, val: string): void;
  /** `__setitem__(name, { val })`. */
  __setitem__(name: string, kwargs: { val: string }): void;
  __setitem__(...args: unknown[]): void {
    const { name, val } = SETITEM.bind(args);
    this.#pairs().push([name, val]);
  }

  /** Python's `del msg[name]`: removes every field of that name (no error if none). */
  __delitem__(name: string): void;
  /** `__delitem__({ name })`. */
  __delitem__(kwargs: { name: string }): void;
  __delitem__(...args: unknown[]): void {
    this.delete(DELITEM.bind(args).name);
  }

  /** Python's `iter(msg)`: the field names. */
  __iter__(): Iterator<string> {
    return this.keys()[Symbol.iterator]();
  }

  /** Iterate over the header names, in order (Python's `iter(msg)`). */
  [Symbol.iterator](): Iterator<string> {
    return this.keys()[Symbol.iterator]();
  }

  /** In the parsed form, the offset in `#at` of the first field named `n` (lowered) from field offset `i`, or -1. */
  #fieldAt(n: string, i: number): number {
    const text = this.#text, at = this.#at;
    for (; i < at.length; i += 3) if (sameNameAt(text, at[i], at[i + 1], n)) return i;
    return -1;
  }

  /** The value of the parsed field at offset `i` of `#at`. */
  #valueAt(i: number): string {
    return valueAt(this.#text, this.#at[i + 1], this.#at[i + 2]);
  }

  #get<T>(name: string, failobj: T): string | T {
    const n = lowerName(name);
    const h = this.#headers;
    if (h === null) {
      const i = this.#fieldAt(n, 0);
      return i < 0 ? failobj : this.#valueAt(i);
    }
    for (let i = 0; i < h.length; i++) if (sameName(h[i][0], n)) return h[i][1];
    return failobj;
  }

  /** Python's `msg.get(name, failobj=None)`: the first value of `name`. */
  get(name: string): string | null;
  /** Python's `msg.get(name, failobj)`. */
  get<T>(name: string, failobj: T): string | T;
  /** `msg.get(name, { failobj })`. */
  get<T>(name: string, kwargs: { failobj?: T }): string | T;
  /** `msg.get({ name, failobj })`. */
  get<T>(kwargs: { name: string; failobj?: T }): string | T;
  get(...args: unknown[]): unknown {
    // The common call, one name, binds the same as the table does.
    if (args.length === 1 && typeof args[0] === "string") return this.#get(args[0], null);
    const { name, failobj } = GET.bind(args);
    return this.#get(name, failobj);
  }

  /** Python's `msg[name] = value`: appends a field (existing ones stay). */
  set(name: string, value: string): this {
    this.#pairs().push([name, value]);
    return this;
  }

  /** Python's `name in msg`. */
  has(name: string): boolean {
    const n = lowerName(name);
    if (this.#headers === null) return this.#fieldAt(n, 0) >= 0;
    return this.#headers.some(([k]) => sameName(k, n));
  }

  /** Python's `del msg[name]`: removes every field of that name; true if any was there. */
  delete(name: string): boolean {
    const n = lowerName(name);
    const h = this.#pairs();
    this.#headers = h.filter(([k]) => !sameName(k, n));
    return this.#headers.length !== h.length;
  }

  /** Python's `msg.keys()`: every field name, in order. */
  keys(): string[] {
    return this.#pairs().map(([k]) => k);
  }

  /** Python's `msg.values()`. */
  values(): string[] {
    return this.#pairs().map(([, v]) => v);
  }

  /** Python's `msg.items()`: `(name, value)` tuples. */
  items(): Tuple<string>[] {
    return this.#pairs().map(([k, v]) => tuple(k, v));
  }

  /** Python's `msg.raw_items()`: the `(name, value)` pairs as stored (the same as `items()` here). */
  raw_items(): Tuple<string>[] {
    return this.items();
  }

  #getAll<T>(name: string, failobj: T): string[] | T {
    const n = lowerName(name);
    const out: string[] = [];
    if (this.#headers === null) {
      for (let i = this.#fieldAt(n, 0); i >= 0; i = this.#fieldAt(n, i + 3)) out.push(this.#valueAt(i));
    } else for (const [k, v] of this.#headers) if (sameName(k, n)) out.push(v);
    return out.length ? out : failobj;
  }

  /** Python's `msg.get_all(name, failobj=None)`: every value of `name`. */
  get_all(name: string): string[] | null;
  /** Python's `msg.get_all(name, failobj)`. */
  get_all<T>(name: string, failobj: T): string[] | T;
  /** `msg.get_all(name, { failobj })`. */
  get_all<T>(name: string, kwargs: { failobj?: T }): string[] | T;
  /** `msg.get_all({ name, failobj })`. */
  get_all<T>(kwargs: { name: string; failobj?: T }): string[] | T;
  get_all(...args: unknown[]): unknown {
    if (args.length === 1 && typeof args[0] === "string") return this.#getAll(args[0], null);
    const { name, failobj } = GET_ALL.bind(args);
    return this.#getAll(name, failobj);
  }

  /**
   * Python's `msg.add_header(_name, _value, **_params)`: `add_header("Content-Disposition",
   * "attachment", { filename: "a.txt" })`. A `_` in a parameter name becomes `-`; a `null` or empty
   * value adds the bare name; a value is quoted, or RFC 2231-encoded when it is not ASCII (UTF-8) or is a
   * `[charset, language, value]` triple.
   */
  add_header(
    _name: string,
    _value: string | null,
    _params?: Record<string, string | null | readonly [string | null, string | null, string]>,
  ): void;
  add_header(...args: unknown[]): void {
    const { _name, _value, _params } = ADD_HEADER.bind(args);
    const parts: string[] = [];
    for (const [k, v] of Object.entries(_params)) parts.push(formatParam(k.replace(/_/g, "-"), v));
    if (_value !== null) parts.unshift(_value);
    this.#pairs().push([_name, parts.join("; ")]);
  }

  /** Python's `msg.replace_header(_name, _value)`: replaces the first field; KeyError if none. */
  replace_header(_name: string, _value: string): void;
  /** `replace_header(_name, { _value })` and `replace_header({ _name, _value })`. */
  replace_header(...args: [string, { _value: string }] | [{ _name: string; _value: string }]): void;
  replace_header(...args: unknown[]): void {
    const { _name, _value } = REPLACE_HEADER.bind(args);
    const n = lowerName(_name);
    const h = this.#pairs();
    const i = h.findIndex(([k]) => sameName(k, n));
    if (i < 0) throw new KeyError(_name);
    h[i] = [h[i][0], _value];
  }

  /** `HTTPMessage.getallmatchingheaders`: kept for compatibility; CPython's returns `[]` for parsed messages too. */
  getallmatchingheaders(name: string): string[];
  /** `getallmatchingheaders({ name })`. */
  getallmatchingheaders(kwargs: { name: string }): string[];
  getallmatchingheaders(...args: unknown[]): string[] {
    const { name } = GETALLMATCHINGHEADERS.bind(args);
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
    const value = this.#get(header, null);
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
  get_params<T = null>(failobj?: T, header?: string, unquote?: boolean): Tuple<unknown>[] | T;
  /** `get_params({ failobj, header, unquote })`, keywords after any positional ones. */
  get_params<T = null>(
    ...args: [...unknown[], { failobj?: T; header?: string; unquote?: boolean }]
  ): Tuple<unknown>[] | T;
  get_params(...args: unknown[]): unknown {
    const { failobj, header, unquote } = GET_PARAMS.bind(args);
    const params = this.#params(header);
    if (params === null) return failobj;
    const uq = truthy(unquote);
    return params.map(([k, v]) => tuple(k, uq ? unquoteValue(v) : v));
  }

  #getParam<T>(param: string, failobj: T, header: string, unquote: boolean): ParamValue | T {
    const params = this.#params(header);
    if (params === null) return failobj;
    const p = param.toLowerCase();
    for (const [k, v] of params) {
      if (k.toLowerCase() === p) return unquote ? unquoteValue(v) : v;
    }
    return failobj;
  }

  /**
   * Python's `msg.get_param(param, failobj=None, header='content-type', unquote=True)`.
   *
   * @returns the value (a 3-tuple for RFC 2231 values), `''` for a bare
   *   name, or `failobj` when absent
   */
  get_param<T = null>(param: string, failobj?: T, header?: string, unquote?: boolean): ParamValue | T;
  /** `get_param(param, { failobj, header, unquote })`, keywords after any positional ones. */
  get_param<T = null>(
    param: string,
    ...args: [...unknown[], { failobj?: T; header?: string; unquote?: boolean }]
  ): ParamValue | T;
  /** `get_param({ param, failobj, header, unquote })`. */
  get_param<T = null>(
    kwargs: { param: string; failobj?: T; header?: string; unquote?: boolean },
  ): ParamValue | T;
  get_param(...args: unknown[]): unknown {
    const { param, failobj, header, unquote } = GET_PARAM.bind(args);
    return this.#getParam(param, failobj, header, truthy(unquote));
  }

  /** Python's `msg.get_content_type()`: lower-cased `maintype/subtype`, `text/plain` by default. */
  get_content_type(): string {
    const value = this.#get("content-type", null);
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
  set_default_type(ctype: string): void;
  /** `set_default_type({ ctype })`. */
  set_default_type(kwargs: { ctype: string }): void;
  set_default_type(...args: unknown[]): void {
    const { ctype } = SET_DEFAULT_TYPE.bind(args);
    this.#defaultType = ctype;
  }

  /** Python's `msg.get_charset()`: the `Charset` set by `set_charset`; a parsed message has none. */
  get_charset(): null {
    return null;
  }

  #contentCharset<T>(failobj: T): string | T {
    let charset = this.#getParam<symbol>("charset", MISSING, "content-type", true);
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

  /** Python's `msg.get_content_charset(failobj=None)`: the lower-cased charset parameter. */
  get_content_charset<T = null>(failobj?: T): string | T;
  /** `get_content_charset({ failobj })`. */
  get_content_charset<T = null>(kwargs: { failobj?: T }): string | T;
  get_content_charset(...args: unknown[]): unknown {
    const { failobj } = GET_CONTENT_CHARSET.bind(args);
    return this.#contentCharset(failobj);
  }

  /** Python's `msg.get_charsets(failobj=None)`: one charset per part; a header block is one part. */
  get_charsets<T = null>(failobj?: T): (string | T)[];
  /** `get_charsets({ failobj })`. */
  get_charsets<T = null>(kwargs: { failobj?: T }): (string | T)[];
  get_charsets(...args: unknown[]): unknown[] {
    const { failobj } = GET_CHARSETS.bind(args);
    return [this.#contentCharset(failobj)];
  }

  /** Python's `msg.get_content_disposition()`: `inline`, `attachment`, … lower-cased, or `null`. */
  get_content_disposition(): string | null {
    const value = this.#get("content-disposition", null);
    if (value === null) return null;
    const i = value.indexOf(";");
    return (i < 0 ? value : value.slice(0, i)).trim().toLowerCase();
  }

  /** Python's `msg.get_filename(failobj=None)`, from Content-Disposition. */
  get_filename<T = null>(failobj?: T): string | T;
  /** `get_filename({ failobj })`. */
  get_filename<T = null>(kwargs: { failobj?: T }): string | T;
  get_filename(...args: unknown[]): unknown {
    const { failobj } = GET_FILENAME.bind(args);
    let v = this.#getParam<symbol>("filename", MISSING, "content-disposition", true);
    if (v === MISSING) v = this.#getParam<symbol>("name", MISSING, "content-type", true);
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
  get_boundary<T = null>(failobj?: T): string | T;
  /** `get_boundary({ failobj })`. */
  get_boundary<T = null>(kwargs: { failobj?: T }): string | T;
  get_boundary(...args: unknown[]): unknown {
    const { failobj } = GET_BOUNDARY.bind(args);
    const v = this.#getParam<symbol>("boundary", MISSING, "content-type", true);
    if (v === MISSING) return failobj;
    return (typeof v === "string" ? v : (v as Rfc2231Value)[2]).replace(/\s+$/, "");
  }

  /** Python's `msg.get_unixfrom()`. */
  get_unixfrom(): string | null {
    return this.#unixfrom;
  }

  /** Python's `msg.set_unixfrom(unixfrom)`. */
  set_unixfrom(unixfrom: string | null): void;
  /** `set_unixfrom({ unixfrom })`. */
  set_unixfrom(kwargs: { unixfrom: string | null }): void;
  set_unixfrom(...args: unknown[]): void {
    const { unixfrom } = SET_UNIXFROM.bind(args);
    this.#unixfrom = unixfrom;
  }

  /**
   * Python's `msg.get_payload(i=None, decode=False)`: for a parsed header block, what followed a bad
   * line. With `decode`, the bytes, undone from a `base64` or `quoted-printable`
   * Content-Transfer-Encoding. A header block is never multipart, so an index `i` raises TypeError.
   */
  get_payload(i?: null, decode?: false): string;
  /** `get_payload(i, true)` or `get_payload({ decode: true })`: bytes. */
  get_payload(i: null | undefined, decode: true): Bytes;
  /** `get_payload({ i, decode })`. */
  get_payload(kwargs: { i?: null; decode?: boolean }): string | Bytes;
  get_payload(...args: unknown[]): string | Bytes {
    const { i, decode } = GET_PAYLOAD.bind(args);
    if (i !== null) throw new TypeError("Expected list, got <class 'str'>");
    const payload = this.#payload;
    if (!truthy(decode)) return payload;
    const bpayload = rawUnicodeEscape(payload);
    const cte = this.#get("content-transfer-encoding", "").toLowerCase();
    if (cte === "quoted-printable") return decodeQuotedPrintable(bpayload);
    if (cte === "base64") return decodeB(bpayload);
    return new Bytes(bpayload);
  }

  /** Python's `msg.set_payload(payload, charset=None)` (the charset is accepted and not applied). */
  set_payload(payload: string, charset?: unknown): void;
  /** `set_payload(payload, { charset })` and `set_payload({ payload, charset })`. */
  set_payload(...args: [string, { charset?: unknown }] | [{ payload: string; charset?: unknown }]): void;
  set_payload(a?: unknown, b?: unknown): void {
    const more = arguments.length > 2 ? Array.prototype.slice.call(arguments, 2) : NO_MORE;
    this.#payload = SET_PAYLOAD.valuesOf(more, a, b)[0] as string;
  }

  /** Python's `msg.is_multipart()`: always false here. */
  is_multipart(): boolean {
    return false;
  }

  /** Python's `msg.walk()`: this message and its parts; a header block has no parts. */
  *walk(): Generator<this> {
    yield this;
  }

  /**
   * Python's `msg.as_string(unixfrom=False, maxheaderlen=0, policy=None)`: the fields, a blank line
   * and the payload. Unlike Python's generator it does not refold long lines or RFC 2047-encode
   * non-ASCII values (see docs/divergences.md).
   */
  as_string(unixfrom?: boolean, maxheaderlen?: number, policy?: unknown): string;
  /** `as_string({ unixfrom, maxheaderlen, policy })`, keywords after any positional ones. */
  as_string(...args: [...unknown[], Keywords | { unixfrom?: boolean; maxheaderlen?: number }]): string;
  as_string(...args: unknown[]): string {
    const { unixfrom } = AS_STRING.bind(args);
    return this.#asString(truthy(unixfrom));
  }

  #asString(unixfrom: boolean): string {
    let s = unixfrom && this.#unixfrom !== null ? this.#unixfrom + "\n" : "";
    for (const [k, v] of this.#pairs()) s += `${k}: ${v.replace(/\r\n|\r/g, "\n")}\n`;
    return s + "\n" + this.#payload.replace(/\r\n|\r/g, "\n");
  }

  /** Python's `str(msg)`. */
  [pystr](): string {
    return this.#asString(false);
  }

  /** Python's `repr(msg)`. */
  [pyrepr](): string {
    return `<http.client.HTTPMessage object>`;
  }

  /** Python's `str(msg)`. */
  toString(): string {
    return this.#asString(false);
  }
}
showAsRepr(HTTPMessage);

/** `email._encoded_words.decode_b` (its value; the defects are not recorded). */
function decodeB(encoded: Uint8Array): Bytes {
  const joined = encoded.filter((c) => c !== 10 && c !== 13);
  const tries = [joined];
  const pad = joined.length % 4;
  if (pad) tries.unshift(Uint8Array.from([...joined, ...Array(4 - pad).fill(61)]));
  tries.push(Uint8Array.from([...joined, 61, 61]));
  for (const t of tries) {
    try {
      return decodeBase64(t);
    } catch { /* next */ }
  }
  return new Bytes(joined);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** `quopri.decodestring`, which is `binascii.a2b_qp`: `=XX` escapes and `=` soft line breaks. */
function decodeQuotedPrintable(data: Uint8Array): Bytes {
  const out: number[] = [];
  const n = data.length;
  let i = 0;
  while (i < n) {
    const c = data[i];
    if (c !== 61) {
      out.push(c);
      i++;
      continue;
    }
    i++;
    if (i >= n) break;
    const d = data[i];
    if (d === 10 || d === 13) {
      // A soft line break: skip to just past the end of the line.
      while (i < n && data[i] !== 10) i++;
      if (i < n) i++;
    } else if (d === 61) {
      out.push(61);
      i++;
    } else if (i + 1 < n && hexValue(d) >= 0 && hexValue(data[i + 1]) >= 0) {
      out.push(hexValue(d) * 16 + hexValue(data[i + 1]));
      i += 2;
    } else out.push(61);
  }
  return new Bytes(out);
}

const MISSING: unique symbol = Symbol("missing");

/** Where the line starting at `i` ends: just past its `\r\n`, `\r` or `\n` (email's feedparser splits at each), or at the text's end. */
function lineEnd(text: string, i: number): number {
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return i + 1;
    if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
  }
  return n;
}

/** Is `text[start:end]` a line holding nothing but its end (`\r\n`, `\n` or `\r`)? */
function isBlankLine(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (end - start === 1) return c === 0x0a || c === 0x0d;
  return end - start === 2 && c === 0x0d && text.charCodeAt(start + 1) === 0x0a;
}

/** The length of the line `text[start:end]` without its line end (`\r\n`, `\r` or `\n`). */
function lineLength(text: string, start: number, end: number): number {
  let z = end;
  if (z > start && text.charCodeAt(z - 1) === 0x0a) z--;
  if (z > start && text.charCodeAt(z - 1) === 0x0d) z--;
  return z - start;
}

/** Where {@link parseHeaderBlock} gathers a block's field offsets before copying them out at their size. */
const fieldScratch: number[] = [];

/**
 * Record at `fieldScratch[k]` the field whose lines are `text[first:last]`, its colon at `colon`, as
 * compat32's `header_source_parse` cuts it: the name before the colon; the value from the blanks after the
 * colon to the end of the last continuation line, line ends stripped off its end. Returns the next `k`.
 */
function pushField(text: string, first: number, colon: number, last: number, k: number): number {
  let a = colon + 1, z = last;
  while (a < z && (text.charCodeAt(a) === 0x20 || text.charCodeAt(a) === 0x09)) a++;
  while (z > a && (text.charCodeAt(z - 1) === 0x0a || text.charCodeAt(z - 1) === 0x0d)) z--;
  const at = fieldScratch;
  at[k] = first;
  at[k + 1] = colon;
  at[k + 2] = z;
  return k + 3;
}

/**
 * Parse the header block `text[from:]` (decoded as ISO-8859-1; its blank line, if any, last) into `msg`, as
 * `email.parser.Parser(_class=HTTPMessage).parsestr()` does with the compat32 policy: lines end at `\r\n`,
 * `\r` or `\n`; folding is kept in values; the first line that is not a header line ends the block, and
 * starts the payload unless it is blank; defects are recorded in CPython's order. One pass, and no string
 * per line: the fields stay offsets into `text` until something needs them as strings (see HTTPMessage's
 * `#text`), so `text` may hold more before `from` (a status line) at no cost.
 */
export function parseHeaderBlock<M extends HTTPMessage>(text: string, msg: M, from = 0): M {
  const n = text.length;
  const memo = lastBlock;
  if (text === memo.text && from === memo.from) {
    // The block parsed last (a reader hands back the same string for a repeated head): its fields again.
    if (memo.at.length) adoptFields(msg, text, memo.at);
    msg.set_payload(memo.payload === n ? "" : text.slice(memo.payload));
    return msg;
  }
  const defectsBefore = msg.defects.length;
  let payload = n; // where the payload starts
  let unixfrom: string | null = null;
  // The field being gathered: its first line starts at `first` (-1: none), its colon is at `colon`, its
  // last line ends at `last`.
  let first = -1, colon = -1, last = -1;
  // An envelope line after the first line, until the next line tells whether it was the last header line
  // (then it starts the payload) or not (a defect).
  let envelope = -1, envelopeEnd = -1;
  let k = 0;
  for (let i = from; i < n;) {
    const c = text.charCodeAt(i);
    const continued = c === 0x20 || c === 0x09;
    const isEnvelope = !continued && c === 0x46 && text.startsWith("From ", i);
    // A field line: `[\041-\071\073-\176]*:`, printable non-colon characters then a colon (`at`); -1 when the
    // line is none of the three kinds of header line. Each character is looked at once: the line's end is
    // searched from where the name stopped.
    let at = i, j = i;
    if (!continued && !isEnvelope) {
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x3a || d < 0x21 || d > 0x7e) break;
      }
      at = j < n && text.charCodeAt(j) === 0x3a ? j : -1;
    }
    const e = lineEnd(text, j);
    if (at < 0) {
      // Not a header line: the block ends. feedparser notes the missing blank line before it parses the
      // header lines, so that defect comes first.
      if (isBlankLine(text, i, e)) payload = e;
      else {
        msg.defects.unshift({ name: "MissingHeaderBodySeparatorDefect" });
        payload = i;
      }
      break;
    }
    if (envelope >= 0) {
      msg.defects.push({ name: "MisplacedEnvelopeHeaderDefect", line: text.slice(envelope, envelopeEnd) });
      envelope = -1;
    }
    if (continued) {
      if (first < 0) {
        msg.defects.push({ name: "FirstHeaderLineIsContinuationDefect", line: text.slice(i, e) });
      } else last = e;
    } else {
      if (first >= 0) k = pushField(text, first, colon, last, k);
      first = -1;
      if (isEnvelope) {
        if (i === from) unixfrom = text.slice(i, i + lineLength(text, i, e));
        else {
          envelope = i;
          envelopeEnd = e;
        }
      } else if (at === i) msg.defects.push({ name: "InvalidHeaderDefect" });
      else {
        first = i;
        colon = at;
        last = e;
      }
    }
    i = e;
  }
  if (first >= 0) k = pushField(text, first, colon, last, k);
  let payloadText = text.slice(payload);
  if (envelope >= 0) payloadText = text.slice(envelope, envelopeEnd) + payloadText;
  // In feedparser's order, through the methods it calls (a subclass may override them): the envelope line,
  // the fields (set_raw, which HTTPMessage does not expose), the payload.
  if (unixfrom !== null) msg.set_unixfrom(unixfrom);
  const at = k ? fieldScratch.slice(0, k) : NO_FIELDS;
  if (k) adoptFields(msg, text, at);
  msg.set_payload(payloadText);
  // Remembered only when the block is all fields: no envelope line, no defect.
  if (unixfrom === null && envelope < 0 && msg.defects.length === defectsBefore) {
    memo.text = text;
    memo.from = from;
    memo.at = at;
    memo.payload = payload;
  }
  return msg;
}

// The last header block parseHeaderBlock() read that was all fields: its text, where it began, the fields'
// offsets (never written once parsed, so messages share them) and where its payload starts.
const lastBlock = { text: "", from: -1, at: NO_FIELDS, payload: 0 };

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
  /**
   * The head (to the blank line) decoded as ISO-8859-1 when it is all buffered and within the limits, else
   * `null`; nothing consumed (as `BufferedReader.peekHead` gives it).
   */
  peekHead?(maxLine: number, maxLines: number): string | null;
  /** Consume `n` buffered bytes. */
  skip?(n: number): void;
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
  const whole = readHeadersBuffered(fp, limits, cls);
  if (whole) return whole;
  const lines: string[] = [];
  for (;;) {
    const line = fp.readlineLatin1Buffered?.(limits.maxLine + 1) ??
      await fp.readlineLatin1(limits.maxLine + 1);
    if (line.length > limits.maxLine) throw limits.lineTooLong();
    lines.push(line);
    if (lines.length > limits.maxHeaders) throw limits.tooMany();
    if (line === "" || line === "\r\n" || line === "\n") return parseHeaderBlock(lines.join(""), new cls());
  }
}

/**
 * {@link readHeaders} without waiting: the parsed headers when the whole block is already buffered (a
 * head usually arrives in one read) and within the limits, else `null` with nothing consumed.
 */
export function readHeadersBuffered<M extends HTTPMessage>(
  fp: LineReader | TextLineReader,
  limits: HeaderLimits,
  cls: new () => M,
): M | null {
  const r = fp as TextLineReader;
  const text = r.peekHead?.(limits.maxLine, limits.maxHeaders) ?? null;
  if (text === null) return null;
  r.skip!(text.length);
  return parseHeaderBlock(text, new cls());
}

/** `http.client._parse_header_lines`: decode as ISO-8859-1 and parse into a new `cls`. */
export function parseHeaderLines<M extends HTTPMessage>(
  lines: Uint8Array[],
  cls: new () => M,
): M {
  return parseHeaderBlock(lines.map((l) => latin1Decode(l)).join(""), new cls());
}
