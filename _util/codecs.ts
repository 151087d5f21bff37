/**
 * Python's codecs, as far as the web modules need them: `str.encode()` and
 * `bytes.decode()` with Python's codec names and error handlers.
 *
 * UTF-8, ASCII and Latin-1 are implemented here with Python's exact error
 * reporting; UTF-16 and every single-byte code page that `TextDecoder`
 * knows (cp1252, iso8859-2, koi8-r, …) encode through a reverse table;
 * multi-byte Asian codecs decode through `TextDecoder` only.
 *
 * @module
 */

import { LookupError, UnicodeDecodeError, UnicodeEncodeError } from "./exceptions.ts";

/** A codec name resolved to Python's canonical spelling and our implementation. */
interface Codec {
  /** The name Python uses in error messages (`'utf-8'`, `'latin-1'`, …). */
  name: string;
  kind: "utf-8" | "ascii" | "latin-1" | "utf-16" | "utf-16-le" | "utf-16-be" | "table" | "decoder";
  /** The WHATWG label for `TextDecoder`, where one is used. */
  label?: string;
}

const ALIASES: Record<string, Codec> = {};
function alias(names: string[], codec: Codec) {
  for (const n of names) ALIASES[n] = codec;
}
alias(["utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4"], {
  name: "utf-8",
  kind: "utf-8",
});
alias(["ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "ansi_x3_4_1968", "iso646_us", "cp367"], {
  name: "ascii",
  kind: "ascii",
});
alias(["latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100"], {
  name: "latin-1",
  kind: "latin-1",
});
alias(["utf_16", "utf16", "u16"], { name: "utf-16", kind: "utf-16" });
alias(["utf_16_le", "utf_16le", "utf16le"], { name: "utf-16-le", kind: "utf-16-le" });
alias(["utf_16_be", "utf_16be", "utf16be"], { name: "utf-16-be", kind: "utf-16-be" });

const cache = new Map<string, Codec>();

/** Python's `encodings.normalize_encoding` followed by its alias lookup. */
export function lookup(encoding: string): Codec {
  const hit = cache.get(encoding);
  if (hit) return hit;
  const norm = encoding.trim().toLowerCase().replace(/[\s-]+/g, "_");
  let codec = ALIASES[norm];
  if (!codec) {
    const m = /^(?:cp|windows_)(125\d)$/.exec(norm);
    const iso = /^iso_?8859_(\d+)$/.exec(norm);
    let label: string | undefined;
    let name = norm;
    if (m) {
      label = "windows-" + m[1];
      name = "cp" + m[1];
    } else if (iso) {
      label = "iso-8859-" + iso[1];
      name = "iso8859-" + iso[1];
    } else label = norm.replace(/_/g, "-");
    let known: string | undefined;
    try {
      known = new TextDecoder(label).encoding;
    } catch {
      throw new LookupError(`unknown encoding: ${encoding}`);
    }
    codec = {
      name: name.replace(/_/g, "-"),
      kind: SINGLE_BYTE.has(known) ? "table" : "decoder",
      label: known,
    };
  }
  cache.set(encoding, codec);
  return codec;
}

const SINGLE_BYTE = new Set([
  "ibm866",
  "iso-8859-2",
  "iso-8859-3",
  "iso-8859-4",
  "iso-8859-5",
  "iso-8859-6",
  "iso-8859-7",
  "iso-8859-8",
  "iso-8859-8-i",
  "iso-8859-10",
  "iso-8859-13",
  "iso-8859-14",
  "iso-8859-15",
  "iso-8859-16",
  "koi8-r",
  "koi8-u",
  "macintosh",
  "windows-874",
  "windows-1250",
  "windows-1251",
  "windows-1252",
  "windows-1253",
  "windows-1254",
  "windows-1255",
  "windows-1256",
  "windows-1257",
  "windows-1258",
  "x-mac-cyrillic",
]);

const tables = new Map<string, { dec: string[]; enc: Map<number, number> }>();
function table(label: string) {
  let t = tables.get(label);
  if (!t) {
    const dec: string[] = [];
    const enc = new Map<number, number>();
    const td = new TextDecoder(label);
    for (let b = 0; b < 256; b++) {
      let ch = td.decode(new Uint8Array([b]));
      // WHATWG fills the holes of the Windows code pages with C1 controls; Python leaves them undefined.
      if (label.startsWith("windows-") && b >= 0x80 && b < 0xa0 && ch.charCodeAt(0) === b) ch = "\ufffd";
      dec.push(ch);
      if (ch !== "\ufffd") enc.set(ch.codePointAt(0)!, b);
    }
    t = { dec, enc };
    tables.set(label, t);
  }
  return t;
}

const utf8Encoder = new TextEncoder();
const utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder("utf-8", { ignoreBOM: true });

function unknownHandler(errors: string): never {
  throw new LookupError(`unknown error handler name '${errors}'`);
}

/** Can `codec` encode code point `cp` (before any error handler)? Returns the bytes or null. */
function encodeOne(codec: Codec, cp: number, out: number[]): boolean {
  switch (codec.kind) {
    case "ascii":
      if (cp >= 0x80) return false;
      out.push(cp);
      return true;
    case "latin-1":
      if (cp >= 0x100) return false;
      out.push(cp);
      return true;
    case "table": {
      const b = table(codec.label!).enc.get(cp);
      if (b === undefined) return false;
      out.push(b);
      return true;
    }
    case "utf-8":
      if (cp >= 0xd800 && cp <= 0xdfff) return false;
      if (cp < 0x80) out.push(cp);
      else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
      else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      else {
        out.push(
          0xf0 | (cp >> 18),
          0x80 | ((cp >> 12) & 63),
          0x80 | ((cp >> 6) & 63),
          0x80 | (cp & 63),
        );
      }
      return true;
    default: {
      if (cp >= 0xd800 && cp <= 0xdfff) return false;
      const be = codec.kind === "utf-16-be";
      const units = cp >= 0x10000 ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + (cp & 0x3ff)] : [cp];
      for (const u of units) be ? out.push(u >> 8, u & 255) : out.push(u & 255, u >> 8);
      return true;
    }
  }
}

/**
 * Python's `s.encode(encoding, errors)`.
 *
 * @param s the text
 * @param encoding a Python codec name (default `"utf-8"`)
 * @param errors `strict` (default), `ignore`, `replace`, `xmlcharrefreplace`,
 *   `backslashreplace`, `surrogateescape` or `surrogatepass`
 * @throws UnicodeEncodeError, LookupError as Python does
 */
export function encode(s: string, encoding = "utf-8", errors = "strict"): Uint8Array {
  const codec = lookup(encoding);
  if (codec.kind === "utf-8" && s.isWellFormed()) return utf8Encoder.encode(s);
  if (codec.kind === "decoder") {
    throw new LookupError(`encoding '${codec.name}' can only decode here`);
  }
  const cps: number[] = [];
  for (const ch of s) cps.push(ch.codePointAt(0)!);
  const out: number[] = codec.kind === "utf-16" ? [0xff, 0xfe] : [];
  const kind = codec.kind === "utf-16" ? { ...codec, kind: "utf-16-le" as const } : codec;
  for (let i = 0; i < cps.length; i++) {
    if (encodeOne(kind, cps[i], out)) continue;
    let end = i + 1;
    const tmp: number[] = [];
    // CPython's UTF-16 encoder reports one character at a time, the others the whole run.
    const single = kind.kind === "utf-16-le" || kind.kind === "utf-16-be";
    while (!single && end < cps.length && !encodeOne(kind, cps[end], tmp)) end++;
    const reason = codec.kind === "ascii"
      ? "ordinal not in range(128)"
      : codec.kind === "latin-1"
      ? "ordinal not in range(256)"
      : codec.kind === "table"
      ? "character maps to <undefined>"
      : "surrogates not allowed";
    const errName = codec.kind === "table" ? "charmap" : codec.name;
    const fail = () => {
      throw new UnicodeEncodeError(errName, s, i, end, reason);
    };
    const text = (t: string) => {
      for (const c of t) encodeOne(kind, c.charCodeAt(0), out);
    };
    for (let j = i; j < end; j++) {
      const cp = cps[j];
      switch (errors) {
        case "strict":
          fail();
          break;
        case "ignore":
          break;
        case "replace":
          text("?");
          break;
        case "xmlcharrefreplace":
          text(`&#${cp};`);
          break;
        case "backslashreplace":
          text(
            cp < 0x100
              ? "\\x" + cp.toString(16).padStart(2, "0")
              : cp < 0x10000
              ? "\\u" + cp.toString(16).padStart(4, "0")
              : "\\U" + cp.toString(16).padStart(8, "0"),
          );
          break;
        case "surrogateescape":
          if (cp >= 0xdc80 && cp <= 0xdcff && codec.kind !== "utf-16-le" && codec.kind !== "utf-16-be") {
            out.push(cp - 0xdc00);
          } else fail();
          break;
        case "surrogatepass":
          if (codec.kind === "utf-8" && cp >= 0xd800 && cp <= 0xdfff) {
            out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
          } else fail();
          break;
        default:
          unknownHandler(errors);
      }
    }
    i = end - 1;
  }
  return Uint8Array.from(out);
}

/** Length and validity of the UTF-8 sequence at `i`: [length, reason-if-invalid, bad-length]. */
function utf8At(b: Uint8Array, i: number): [number, string | null, number] {
  const c = b[i];
  if (c < 0x80) return [1, null, 0];
  let need: number, lo = 0x80, hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    if (c === 0xf4) hi = 0x8f;
  } else return [1, "invalid start byte", 1];
  for (let k = 1; k <= need; k++) {
    if (i + k >= b.length) return [k, "unexpected end of data", k];
    const d = b[i + k];
    if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return [k, "invalid continuation byte", k];
  }
  return [need + 1, null, 0];
}

function decodeUtf8(b: Uint8Array, errors: string): string {
  if (errors === "replace") return utf8Lenient.decode(b);
  try {
    return utf8Strict.decode(b);
  } catch {
    // fall through to the slow path, which reports or handles the error
  }
  let out = "";
  let start = 0;
  for (let i = 0; i < b.length;) {
    const [len, reason, bad] = utf8At(b, i);
    if (reason === null) {
      i += len;
      continue;
    }
    out += utf8Strict.decode(b.subarray(start, i));
    switch (errors) {
      case "strict":
        throw new UnicodeDecodeError("utf-8", b, i, i + bad, reason);
      case "ignore":
        break;
      case "surrogateescape":
        for (let k = 0; k < bad; k++) out += String.fromCharCode(0xdc00 + b[i + k]);
        break;
      case "backslashreplace":
        for (let k = 0; k < bad; k++) out += "\\x" + b[i + k].toString(16).padStart(2, "0");
        break;
      case "surrogatepass": {
        const c = b[i];
        if (
          c === 0xed && i + 2 < b.length && b[i + 1] >= 0xa0 && b[i + 1] <= 0xbf && (b[i + 2] & 0xc0) === 0x80
        ) {
          out += String.fromCharCode(((c & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63));
          i += 3;
          start = i;
          continue;
        }
        throw new UnicodeDecodeError("utf-8", b, i, i + bad, reason);
      }
      default:
        unknownHandler(errors);
    }
    i += bad;
    start = i;
  }
  return out + utf8Strict.decode(b.subarray(start));
}

function decodeBytewise(b: Uint8Array, codec: Codec, errors: string, map: (c: number) => string | null) {
  let out = "";
  let chunk: number[] = [];
  const flush = () => {
    if (chunk.length) out += String.fromCharCode(...chunk);
    chunk = [];
  };
  for (let i = 0; i < b.length; i++) {
    const ch = map(b[i]);
    if (ch !== null) {
      if (ch.length === 1) {
        chunk.push(ch.charCodeAt(0));
        if (chunk.length > 8192) flush();
      } else {
        flush();
        out += ch;
      }
      continue;
    }
    flush();
    const reason = codec.kind === "ascii" ? "ordinal not in range(128)" : "character maps to <undefined>";
    switch (errors) {
      case "strict":
        throw new UnicodeDecodeError(codec.kind === "table" ? "charmap" : codec.name, b, i, i + 1, reason);
      case "ignore":
        break;
      case "replace":
        out += "\ufffd";
        break;
      case "surrogateescape":
        out += String.fromCharCode(0xdc00 + b[i]);
        break;
      case "backslashreplace":
        out += "\\x" + b[i].toString(16).padStart(2, "0");
        break;
      default:
        unknownHandler(errors);
    }
  }
  flush();
  return out;
}

/**
 * Python's `b.decode(encoding, errors)`.
 *
 * @param b the bytes
 * @param encoding a Python codec name (default `"utf-8"`)
 * @param errors `strict` (default), `replace`, `ignore`, `surrogateescape`,
 *   `backslashreplace` (`surrogatepass` for UTF-8)
 * @throws UnicodeDecodeError, LookupError as Python does
 */
export function decode(b: Uint8Array, encoding = "utf-8", errors = "strict"): string {
  const codec = lookup(encoding);
  switch (codec.kind) {
    case "utf-8":
      return decodeUtf8(b, errors);
    case "ascii":
      return decodeBytewise(b, codec, errors, (c) => c < 0x80 ? String.fromCharCode(c) : null);
    case "latin-1":
      return decodeBytewise(b, codec, errors, (c) => String.fromCharCode(c));
    case "table": {
      const dec = table(codec.label!).dec;
      return decodeBytewise(b, codec, errors, (c) => dec[c] === "\ufffd" ? null : dec[c]);
    }
    default: {
      const label = codec.kind === "utf-16" || codec.kind === "utf-16-le"
        ? "utf-16le"
        : codec.kind === "utf-16-be"
        ? "utf-16be"
        : codec.label!;
      const fatal = errors === "strict";
      try {
        return new TextDecoder(label, { fatal, ignoreBOM: codec.kind !== "utf-16" }).decode(b);
      } catch {
        throw new UnicodeDecodeError(codec.name, b, 0, b.length, "illegal multibyte sequence");
      }
    }
  }
}
