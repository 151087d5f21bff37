/**
 * Python's `html.parser`: {@link HTMLParser}, CPython 3.14's HTML5-aligned
 * tokenizer. Subclass it and override the `handle_*` methods.
 *
 * ```python
 * from html.parser import HTMLParser
 *
 * class LinkParser(HTMLParser):
 *     def __init__(self):
 *         super().__init__()
 *         self.links = []
 *     def handle_starttag(self, tag, attrs):
 *         if tag == "a":
 *             self.links += [v for k, v in attrs if k == "href"]
 *
 * p = LinkParser()
 * p.feed('<p><a href="/one">1</a> <A HREF=/two>2</A>')
 * p.close()
 * print(p.links)
 * ```
 *
 * ```ts
 * import { print } from "@pyweb/std";
 * import { type Attr, HTMLParser } from "@pyweb/std/html/parser";
 *
 * class LinkParser extends HTMLParser {
 *   links: (string | null)[] = [];
 *   override handle_starttag(tag: string, attrs: Attr[]): void {
 *     if (tag === "a") this.links.push(...attrs.filter(([k]) => k === "href").map(([, v]) => v));
 *   }
 * }
 *
 * const p = new LinkParser();
 * p.feed('<p><a href="/one">1</a> <A HREF=/two>2</A>');
 * p.close();
 * print(p.links);
 * ```
 *
 * Both print `['/one', '/two']`.
 *
 * @module
 */

import { contains, len, truthy, typeName } from "../_util/builtins.ts";
import { classAttrs } from "../_util/classattrs.ts";
import { AttributeError, TypeError } from "../_util/exceptions.ts";
import { Signature } from "../_util/signature.ts";
import { Tuple, tuple } from "../_util/repr.ts";
import { html5 } from "./entities.ts";
import { unescapeAttr, unescapeText } from "./_unescape.ts";
import {
  isAlpha,
  isWS,
  lastValue,
  locateTagEnd,
  matchCharref,
  matchEntityref,
  matchIncompleteCharref,
  pyLower,
  scanValue,
  skipSep,
  tagNameEnd,
} from "./_scan.ts";

export type { Tuple };

/** One attribute of a start tag: `(name, value)`, value `null` when absent. */
export type Attr = [name: string, value: string | null];

/** Keyword arguments of the {@link HTMLParser} constructor. */
export interface HTMLParserOptions {
  /** Convert character references in text to characters (default true). */
  convert_charrefs?: boolean;
  /** Treat `<noscript>` content as raw text, as a browser with scripting does (default false). */
  scripting?: boolean;
}

// How the text is searched for the next interesting position.
const MODE_NORMAL = 0; // [&<]
const MODE_PLAINTEXT = 1; // \z
const MODE_AMP_END = 2; // &|</elem(?=[\t\n\r\f />])
const MODE_END = 3; // </elem(?=[\t\n\r\f />])

const SURROGATE = /[\ud800-\udbff]/;
const DEFAULT_CDATA: readonly string[] = tuple("script", "style", "xmp", "iframe", "noembed", "noframes");
const DEFAULT_RCDATA: readonly string[] = tuple("textarea", "title");

const INIT = new Signature<{ convert_charrefs: unknown; scripting: unknown }>(
  "HTMLParser.__init__",
  ["self", "*", "convert_charrefs", "scripting"],
  { convert_charrefs: true, scripting: false },
);
const INIT_DEFAULTS = { convert_charrefs: true, scripting: false };
const FEED = new Signature<{ data: unknown }>("HTMLParser.feed", ["self", "data"]);
const SET_CDATA_MODE = new Signature<{ elem: unknown; escapable: unknown }>(
  "HTMLParser.set_cdata_mode",
  ["self", "elem", "*", "escapable"],
  { escapable: false },
);
const HANDLE_STARTENDTAG = new Signature<{ tag: unknown; attrs: unknown }>(
  "HTMLParser.handle_startendtag",
  ["self", "tag", "attrs"],
);
const HANDLE_STARTTAG = new Signature<{ tag: unknown; attrs: unknown }>(
  "HTMLParser.handle_starttag",
  ["self", "tag", "attrs"],
);
const HANDLE_ENDTAG = new Signature<{ tag: unknown }>("HTMLParser.handle_endtag", ["self", "tag"]);
const HANDLE_CHARREF = new Signature<{ name: unknown }>("HTMLParser.handle_charref", ["self", "name"]);
const HANDLE_ENTITYREF = new Signature<{ name: unknown }>("HTMLParser.handle_entityref", ["self", "name"]);
const HANDLE_DATA = new Signature<{ data: unknown }>("HTMLParser.handle_data", ["self", "data"]);
const HANDLE_COMMENT = new Signature<{ data: unknown }>("HTMLParser.handle_comment", ["self", "data"]);
const HANDLE_DECL = new Signature<{ decl: unknown }>("HTMLParser.handle_decl", ["self", "decl"]);
const HANDLE_PI = new Signature<{ data: unknown }>("HTMLParser.handle_pi", ["self", "data"]);
const UNKNOWN_DECL = new Signature<{ data: unknown }>("HTMLParser.unknown_decl", ["self", "data"]);

/** Python's `tag in elements`, for the class attributes a subclass may set to any container. */
function isIn(tag: string, elements: unknown): boolean {
  return Array.isArray(elements) ? elements.includes(tag) : contains(elements, tag);
}

/** The tuple class of attribute pairs (a `Tuple`). */
class AttrPair extends Tuple<string | null> {}
function makeAttr(name: string, value: string | null): Attr {
  // Array's constructor given two items builds [name, value]; a class of its
  // own keeps V8's allocation feedback monomorphic (several times faster).
  return new AttrPair(name, value) as unknown as Attr;
}

/** Code points in `s[a:b]` (surrogate pairs count once, as in Python). */
function cpCount(s: string, a: number, b: number): number {
  let n = b - a;
  for (let k = a; k + 1 < b; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        k++;
      }
    }
  }
  return n;
}

/** Length of `s` in code points (Python's `len`). */
function cpLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = s.length;
  for (let k = 0; k + 1 < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        k++;
      }
    }
  }
  return n;
}

/**
 * `html.parser.html5_entities`: html.entities' `html5` table (CPython imports it under this name).
 *
 * @example
 * ```ts
 * import { html5_entities } from "@pyweb/std/html/parser";
 * import assert from "node:assert/strict";
 * assert.equal(html5_entities["amp;"], "&");
 * ```
 */
export const html5_entities: Record<string, string> = html5;

/**
 * Find tags and other markup and call handler methods, as Python's
 * `html.parser.HTMLParser` (CPython 3.14, with the HTML5 tokenizer rules for
 * comments, CDATA, raw text, RCDATA, `<plaintext>` and end of input).
 *
 * Subclass it and override the `handle_*` methods; feed it text with
 * {@link HTMLParser.feed} (as often and in chunks as small as you like) and
 * finish with {@link HTMLParser.close}. Everything is synchronous.
 *
 * @example
 * ```ts
 * import { type Attr, HTMLParser } from "@pyweb/std/html/parser";
 * import assert from "node:assert/strict";
 *
 * class Collector extends HTMLParser {
 *   events: unknown[][] = [];
 *   override handle_starttag(tag: string, attrs: Attr[]): void {
 *     this.events.push(["start", tag, attrs.map((a) => [...a])]);
 *   }
 *   override handle_endtag(tag: string): void {
 *     this.events.push(["end", tag]);
 *   }
 *   override handle_data(data: string): void {
 *     this.events.push(["data", data]);
 *   }
 * }
 * const p = new Collector();
 * p.feed('<P Class=x checked>a &amp; b</p');
 * p.feed(">");
 * p.close();
 * assert.deepEqual(p.events, [
 *   ["start", "p", [["class", "x"], ["checked", null]]],
 *   ["data", "a & b"],
 *   ["end", "p"],
 * ]);
 * ```
 */
export class HTMLParser {
  /**
   * Elements whose content is raw text (RAWTEXT): only their end tag ends them. Python's class
   * attribute: a subclass overrides it as `static override` or as a field, and an instance's own
   * value wins.
   */
  static CDATA_CONTENT_ELEMENTS: readonly string[] = DEFAULT_CDATA;
  /** Elements whose content is escapable raw text (RCDATA): references expand, tags do not (class attribute). */
  static RCDATA_CONTENT_ELEMENTS: readonly string[] = DEFAULT_RCDATA;
  /** This parser's raw-text elements: its own value, else its class's. */
  declare CDATA_CONTENT_ELEMENTS: readonly string[];
  /** This parser's escapable raw-text elements: its own value, else its class's. */
  declare RCDATA_CONTENT_ELEMENTS: readonly string[];
  /** Whether character references in text are converted (the constructor keyword). */
  convert_charrefs: boolean;
  /** Whether `<noscript>` content is raw text (the constructor keyword). */
  scripting: boolean;
  /** The text received but not parsed yet. */
  rawdata: string = "";
  /** The name of the last start tag seen (`"???"` before the first). */
  lasttag: string = "???";
  /** The element whose raw-text content is being read, or `null`. */
  cdata_elem: string | null = null;
  /** Current line number (from 1), as `getpos()[0]`. */
  lineno: number = 1;

  #mode = MODE_NORMAL;
  #escapable = true;
  #supportCdata = true;
  #pending: string[] = [];
  #pendingLen = 0;
  #threshold = 1;
  #starttagText: string | null = null;
  // Positions. The column is counted in code points lazily: #offBase code
  // points lie before #anchor on the current line, and #s[#anchor:#pos] is
  // not counted yet (only getpos() and the end of goahead() count it).
  #s = ""; // the string goahead() scans (then the rest of it)
  #pos = 0;
  #anchor = 0;
  #offBase = 0;
  #nl = -1; // next '\n' at or after a position scanned, or the length
  #nextEnd = -2; // cached position of the raw-text end tag (-1: none, -2: unknown)

  /**
   * Create a parser; Python's `HTMLParser(*, convert_charrefs=True, scripting=False)`.
   *
   * @param options `convert_charrefs` (default true) and `scripting` (default false)
   */
  constructor(options?: HTMLParserOptions) {
    const { convert_charrefs, scripting } = options === undefined && arguments.length === 0
      ? INIT_DEFAULTS
      : INIT.bind(arguments);
    this.convert_charrefs = convert_charrefs as boolean; // stored as given, read by Python truth
    this.scripting = scripting as boolean;
    this.reset();
  }

  /**
   * Reset the instance; loses all unprocessed data.
   *
   * @returns nothing
   */
  reset(): void {
    this.rawdata = "";
    this.lasttag = "???";
    this.cdata_elem = null;
    this.#mode = MODE_NORMAL;
    this.#supportCdata = true;
    this.#escapable = true;
    this.#pending = [];
    this.#pendingLen = 0;
    this.#threshold = 1;
    this.lineno = 1;
    this.#s = "";
    this.#pos = this.#anchor = this.#offBase = 0;
  }

  /**
   * Feed some text to the parser. Call it as often as you want, with as
   * little or as much text as you want; it parses as far as it can and keeps
   * the rest for the next call (linear time whatever the chunking).
   *
   * @param data the next piece of the document (or, by keyword, `{ data }`)
   * @returns nothing
   */
  feed(data: string | { data: string }): void {
    if (arguments.length !== 1 || typeof data !== "string") {
      data = FEED.bind(arguments).data as string;
      if (typeof data !== "string") {
        len(data); // CPython's first step: `object of type 'int' has no len()`
        throw new TypeError(`can only concatenate str (not "${typeName(data)}") to str`);
      }
    }
    // CPython counts code points; only whether the threshold is reached matters
    const need = this.#threshold - this.#pendingLen;
    this.#pendingLen += data.length >= 2 * need ? need : cpLength(data);
    if (this.#pendingLen < this.#threshold) {
      this.#pending.push(data);
      return;
    }
    if (this.#pending.length === 0) this.rawdata += data;
    else {
      this.#pending.push(data);
      this.rawdata += this.#pending.join("");
      this.#pending = [];
    }
    this.#pendingLen = 0;
    const n = this.rawdata.length;
    this.#goahead(false);
    if (this.rawdata.length < n) this.#threshold = 1;
    else this.#threshold = cpLength(this.rawdata);
  }

  /**
   * Handle all buffered data as if followed by the end of the document:
   * pending comments and declarations are closed, incomplete tags dropped.
   *
   * @returns nothing
   */
  close(): void {
    if (this.#pending.length) {
      this.rawdata += this.#pending.join("");
      this.#pending = [];
      this.#pendingLen = 0;
    }
    this.#goahead(true);
  }

  /**
   * The current line number and column, as Python's `getpos()`.
   *
   * @returns the tuple `(line, column)`; columns count code points
   */
  getpos(): Tuple<number> & [number, number] {
    return tuple(this.lineno, this.offset);
  }

  /** The current column (in code points, from 0), as `getpos()[1]`. */
  get offset(): number {
    if (this.#anchor < this.#pos) {
      this.#offBase += cpCount(this.#s, this.#anchor, this.#pos);
      this.#anchor = this.#pos;
    }
    return this.#offBase;
  }
  set offset(value: number) {
    this.#offBase = value;
    this.#anchor = this.#pos;
  }

  /**
   * The source text of the most recent start tag, `'<...>'`.
   *
   * @returns the text of the last start tag, or `null`
   */
  get_starttag_text(): string | null {
    return this.#starttagText;
  }

  /**
   * Enter raw-text mode for `elem`: until `</elem` only data is reported.
   * With `escapable`, character references still expand (RCDATA).
   *
   * @param elem the element name
   * @param options `escapable` (default false)
   * @returns nothing
   */
  set_cdata_mode(elem: string, options?: { escapable?: unknown }): void;
  /** Every parameter by keyword. */
  set_cdata_mode(kwargs: { elem: string; escapable?: unknown }): void;
  set_cdata_mode(...args: unknown[]): void {
    const { elem: name, escapable: e } = SET_CDATA_MODE.bind(args);
    if (typeof name !== "string") {
      throw new AttributeError(`'${typeName(name)}' object has no attribute 'lower'`);
    }
    const escapable = truthy(e);
    this.cdata_elem = pyLower(name);
    this.#nextEnd = -2;
    this.#escapable = escapable;
    if (this.cdata_elem === "plaintext") this.#mode = MODE_PLAINTEXT;
    else if (escapable && !truthy(this.convert_charrefs)) this.#mode = MODE_AMP_END;
    else this.#mode = MODE_END;
  }

  /**
   * Leave raw-text mode.
   *
   * @returns nothing
   */
  clear_cdata_mode(): void {
    this.#mode = MODE_NORMAL;
    this.cdata_elem = null;
    this.#escapable = true;
    this.#nextEnd = -2;
  }

  /**
   * Whether `<![CDATA[` starts a CDATA section (the default) or a bogus
   * comment; meant to be called from `handle_starttag`/`handle_endtag`
   * depending on the adjusted current node (Python's private method).
   *
   * @param flag true to enable CDATA sections
   * @returns nothing
   */
  _set_support_cdata(flag: boolean = true): void {
    this.#supportCdata = flag;
  }

  /**
   * Called for `<tag ...>`; `attrs` lists `(name, value)` pairs, names
   * lower-cased, value `null` for an attribute without one.
   *
   * @param _tag the lower-cased tag name
   * @param _attrs the attributes in source order
   * @returns nothing
   */
  handle_starttag(_tag: string, _attrs: Attr[]): void {
    if (arguments.length !== 2 || typeof _tag !== "string") HANDLE_STARTTAG.bind(arguments);
  }

  /**
   * Called for `</tag>`.
   *
   * @param _tag the lower-cased tag name
   * @returns nothing
   */
  handle_endtag(_tag: string): void {
    if (arguments.length !== 1 || typeof _tag !== "string") HANDLE_ENDTAG.bind(arguments);
  }

  /**
   * Called for an XHTML-style empty tag `<tag ... />`; by default calls
   * `handle_starttag` then `handle_endtag`.
   *
   * @param tag the lower-cased tag name
   * @param attrs the attributes in source order
   * @returns nothing
   */
  handle_startendtag(tag: string, attrs: Attr[]): void {
    if (arguments.length !== 2 || typeof tag !== "string") {
      ({ tag, attrs } = HANDLE_STARTENDTAG.bind(arguments) as { tag: string; attrs: Attr[] });
    }
    this.handle_starttag(tag, attrs);
    this.handle_endtag(tag);
  }

  /**
   * Called for text (and, with `convert_charrefs`, its references already expanded).
   *
   * @param _data the text
   * @returns nothing
   */
  handle_data(_data: string): void {
    if (arguments.length !== 1 || typeof _data !== "string") HANDLE_DATA.bind(arguments);
  }

  /**
   * Called for `<!--comment-->` (and bogus comments such as `<!x>` or `</ x>`).
   *
   * @param _data the text between the delimiters
   * @returns nothing
   */
  handle_comment(_data: string): void {
    if (arguments.length !== 1 || typeof _data !== "string") HANDLE_COMMENT.bind(arguments);
  }

  /**
   * Called for `<!DOCTYPE ...>`.
   *
   * @param _decl the text between `<!` and `>`
   * @returns nothing
   */
  handle_decl(_decl: string): void {
    if (arguments.length !== 1 || typeof _decl !== "string") HANDLE_DECL.bind(arguments);
  }

  /**
   * Called for a processing instruction `<?...>`.
   *
   * @param _data the text between `<?` and `>`
   * @returns nothing
   */
  handle_pi(_data: string): void {
    if (arguments.length !== 1 || typeof _data !== "string") HANDLE_PI.bind(arguments);
  }

  /**
   * Called for `&#NNN;` and `&#xNN;` when `convert_charrefs` is false.
   *
   * @param _name the reference without `&#` and `;` (`"62"`, `"x3e"`)
   * @returns nothing
   */
  handle_charref(_name: string): void {
    if (arguments.length !== 1 || typeof _name !== "string") HANDLE_CHARREF.bind(arguments);
  }

  /**
   * Called for `&name;` when `convert_charrefs` is false.
   *
   * @param _name the entity name
   * @returns nothing
   */
  handle_entityref(_name: string): void {
    if (arguments.length !== 1 || typeof _name !== "string") HANDLE_ENTITYREF.bind(arguments);
  }

  /**
   * Called for a CDATA section `<![CDATA[...]]>` (with `"CDATA[..."`) and
   * other unrecognised declarations.
   *
   * @param _data the text between `<!` and `]]>`
   * @returns nothing
   */
  unknown_decl(_data: string): void {
    if (arguments.length !== 1 || typeof _data !== "string") UNKNOWN_DECL.bind(arguments);
  }

  // ---- positions -------------------------------------------------------

  /** `_markupbase.updatepos`: advance line/column over `s[i:j]`; returns j. */
  #updatepos(i: number, j: number): number {
    if (i >= j) return j;
    const s = this.#s;
    let nl = this.#nl;
    if (nl < i) {
      nl = s.indexOf("\n", i);
      if (nl < 0) nl = s.length;
    }
    if (nl >= j) {
      this.#nl = nl;
      this.#pos = j;
      return j;
    }
    let lines = 0, last = nl;
    while (nl < j) {
      lines++;
      last = nl;
      nl = s.indexOf("\n", nl + 1);
      if (nl < 0) nl = s.length;
    }
    this.#nl = nl;
    this.lineno += lines;
    this.#offBase = 0;
    this.#anchor = last + 1;
    this.#pos = j;
    return j;
  }

  // ---- the tokenizer ---------------------------------------------------

  /** Start of `</elem` followed by `[\t\n\r\f />]` at or after `from`, or -1. */
  #findEndOf(s: string, from: number, n: number): number {
    const elem = this.cdata_elem ?? "";
    const m = elem.length;
    let p = s.indexOf("</", from);
    while (p >= 0) {
      const q = p + 2;
      if (q + m >= n) return -1;
      let k = 0;
      for (; k < m; k++) {
        const a = s.charCodeAt(q + k), b = elem.charCodeAt(k);
        if (a !== b && !(isAlpha(a) && (a | 0x20) === (b | 0x20))) break;
      }
      if (k === m) {
        const c = s.charCodeAt(q + m);
        if (c === 0x2f || c === 0x3e || isWS(c)) return p;
      }
      p = s.indexOf("</", p + 1);
    }
    return -1;
  }

  /** Do code points `i` .. `i+3` of the buffer all exist (`i + 3 < n`)? */
  #fourFrom(s: string, i: number, n: number): boolean {
    const r = n - i;
    if (r !== 4) return r > 4;
    // "&#" and two units: fewer than four code points if they are one pair
    const c = s.charCodeAt(i + 2), d = s.charCodeAt(i + 3);
    return !(c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff);
  }

  /** Unit index of `max(i, n - 34)` in code points. */
  #back34(s: string, i: number, n: number): number {
    let k = n;
    for (let t = 0; t < 34 && k > i; t++) {
      k--;
      if (k > i) {
        const c = s.charCodeAt(k);
        if (c >= 0xdc00 && c <= 0xdfff) {
          const b = s.charCodeAt(k - 1);
          if (b >= 0xd800 && b <= 0xdbff) k--;
        }
      }
    }
    return k;
  }

  #goahead(end: boolean): void {
    const s = this.rawdata;
    if (this.#anchor < this.#pos) this.#offBase += cpCount(this.#s, this.#anchor, this.#pos);
    this.#s = s;
    this.#pos = this.#anchor = 0;
    this.#nl = -1;
    const n = s.length;
    let i = 0;
    let nextLt = -1, nextAmp = -1;
    this.#nextEnd = -2;
    while (i < n) {
      let j: number;
      if (truthy(this.convert_charrefs) && !this.cdata_elem) {
        j = s.indexOf("<", i);
        if (j < 0) {
          // Text up to the end: hold it back if it may end in a reference cut in half.
          const from = this.#back34(s, i, n);
          let amp = -1;
          for (let k = n - 1; k >= from; k--) {
            if (s.charCodeAt(k) === 0x26) {
              amp = k;
              break;
            }
          }
          if (amp >= 0) {
            let closed = false;
            for (let k = amp; k < n; k++) {
              const c = s.charCodeAt(k);
              if (c === 0x3b || isWS(c)) {
                closed = true;
                break;
              }
            }
            if (!closed) break;
          }
          j = n;
        }
      } else {
        const mode = this.#mode;
        if (mode === MODE_NORMAL) {
          if (nextLt < i) {
            nextLt = s.indexOf("<", i);
            if (nextLt < 0) nextLt = n;
          }
          if (nextAmp < i) {
            nextAmp = s.indexOf("&", i);
            if (nextAmp < 0) nextAmp = n;
          }
          j = nextLt < nextAmp ? nextLt : nextAmp;
        } else if (mode === MODE_PLAINTEXT) {
          j = n;
        } else {
          let e = this.#nextEnd;
          if (e !== -1 && e < i) this.#nextEnd = e = this.#findEndOf(s, i, n);
          j = e < 0 ? n : e;
          if (mode === MODE_AMP_END) {
            if (nextAmp < i) {
              nextAmp = s.indexOf("&", i);
              if (nextAmp < 0) nextAmp = n;
            }
            if (nextAmp < j) j = nextAmp;
          }
          if (j === n) {
            if (this.cdata_elem) break;
          }
        }
      }
      if (i < j) {
        if (truthy(this.convert_charrefs) && this.#escapable) this.handle_data(unescapeText(s.slice(i, j)));
        else this.handle_data(s.slice(i, j));
      }
      i = this.#updatepos(i, j);
      if (i === n) break;
      const c = s.charCodeAt(i);
      if (c === 0x3c /* < */) {
        const c1 = i + 1 < n ? s.charCodeAt(i + 1) : -1;
        let k: number;
        if (isAlpha(c1)) k = this.#parseStarttag(s, i, n);
        else if (c1 === 0x2f /* / */) k = this.#parseEndtag(s, i, n);
        else if (c1 === 0x21 /* ! */) {
          if (s.startsWith("<!--", i)) k = this.#parseComment(s, i, n);
          else k = this.#parseHtmlDeclaration(s, i, n);
        } else if (c1 === 0x3f /* ? */) k = this.#parsePi(s, i, n);
        else if (i + 1 < n || end) {
          this.handle_data("<");
          k = i + 1;
        } else break;
        if (k < 0) {
          if (!end) break;
          this.#eofMarkup(s, i, n);
          k = n;
        }
        i = this.#updatepos(i, k);
        // a handler may have changed the mode; the caches stay valid
      } else if (c === 0x26 /* & */ && i + 1 < n && s.charCodeAt(i + 1) === 0x23 /* # */) {
        const m = matchCharref(s, i, n);
        if (m >= 0) {
          this.handle_charref(s.slice(i + 2, m - 1));
          i = this.#updatepos(i, s.charCodeAt(m - 1) === 0x3b ? m : m - 1);
          continue;
        }
        if (matchIncompleteCharref(s, i, n)) {
          if (end) {
            this.handle_charref(s.slice(i + 2));
            i = this.#updatepos(i, n);
          }
          break;
        } else if (this.#fourFrom(s, i, n)) {
          this.handle_data("&#");
          i = this.#updatepos(i, i + 2);
        } else break;
      } else if (c === 0x26 /* & */) {
        const m = matchEntityref(s, i, n);
        if (m >= 0) {
          this.handle_entityref(s.slice(i + 1, m - 1));
          i = this.#updatepos(i, s.charCodeAt(m - 1) === 0x3b ? m : m - 1);
          continue;
        }
        if (i + 1 < n && isAlpha(s.charCodeAt(i + 1))) {
          if (end) {
            this.handle_entityref(s.slice(i + 1));
            i = this.#updatepos(i, n);
          }
          break;
        } else if (i + 1 < n) {
          this.handle_data("&");
          i = this.#updatepos(i, i + 1);
        } else break;
      } else {
        throw new Error("interesting.search() lied");
      }
    }
    if (end && i < n) {
      if (truthy(this.convert_charrefs) && this.#escapable) this.handle_data(unescapeText(s.slice(i, n)));
      else this.handle_data(s.slice(i, n));
      i = this.#updatepos(i, n);
    }
    if (this.#anchor < i) this.#offBase += cpCount(s, this.#anchor, i);
    this.rawdata = i === 0 ? s : s.slice(i);
    this.#s = this.rawdata;
    this.#pos = this.#anchor = 0;
  }

  /** close(): what an unterminated construct at `i` becomes at the end of input. */
  #eofMarkup(s: string, i: number, n: number): void {
    const c1 = s.charCodeAt(i + 1);
    if (isAlpha(c1)) return; // an incomplete start tag is dropped
    if (c1 === 0x2f) {
      if (i + 2 === n) this.handle_data("</");
      else if (!isAlpha(s.charCodeAt(i + 2))) this.handle_comment(s.slice(i + 2));
      return;
    }
    if (s.startsWith("<!--", i)) {
      let j = n;
      const body = n - (i + 4);
      if (body >= 3 && s.endsWith("--!")) j -= 3;
      else if (body >= 2 && s.endsWith("--")) j -= 2;
      else if (body >= 1 && s.endsWith("-")) j -= 1;
      this.handle_comment(s.slice(i + 4, j));
    } else if (this.#supportCdata && s.startsWith("<![CDATA[", i)) {
      this.unknown_decl(s.slice(i + 3));
    } else if (isDoctype(s, i)) {
      this.handle_decl(s.slice(i + 2));
    } else if (c1 === 0x21) {
      this.handle_comment(s.slice(i + 2));
    } else if (c1 === 0x3f) {
      this.handle_pi(s.slice(i + 2));
    }
  }

  #parseHtmlDeclaration(s: string, i: number, n: number): number {
    if (this.#supportCdata && s.startsWith("<![CDATA[", i)) {
      const j = s.indexOf("]]>", i + 9);
      if (j < 0) return -1;
      this.unknown_decl(s.slice(i + 3, j));
      return j + 3;
    }
    if (isDoctype(s, i)) {
      const gt = s.indexOf(">", i + 9);
      if (gt < 0) return -1;
      this.handle_decl(s.slice(i + 2, gt));
      return gt + 1;
    }
    return this.#parseBogusComment(s, i, n);
  }

  #parseComment(s: string, i: number, n: number): number {
    let p = i + 4;
    // an empty comment is closed abruptly by the first ">" or "->"
    if (p < n && s.charCodeAt(p) === 0x2d) p++;
    if (p < n && s.charCodeAt(p) === 0x3e) {
      this.handle_comment("");
      return p + 1;
    }
    // --!?>
    let d = s.indexOf("--", i + 4);
    while (d >= 0) {
      const c = d + 2 < n ? s.charCodeAt(d + 2) : -1;
      if (c === 0x3e) {
        this.handle_comment(s.slice(i + 4, d));
        return d + 3;
      }
      if (c === 0x21 && d + 3 < n && s.charCodeAt(d + 3) === 0x3e) {
        this.handle_comment(s.slice(i + 4, d));
        return d + 4;
      }
      d = s.indexOf("--", d + 1);
    }
    return -1;
  }

  #parseBogusComment(s: string, i: number, _n: number): number {
    const pos = s.indexOf(">", i + 2);
    if (pos < 0) return -1;
    this.handle_comment(s.slice(i + 2, pos));
    return pos + 1;
  }

  #parsePi(s: string, i: number, _n: number): number {
    const j = s.indexOf(">", i + 2);
    if (j < 0) return -1;
    this.handle_pi(s.slice(i + 2, j));
    return j + 1;
  }

  // One pass does the work of CPython's locatetagend (is the tag complete?)
  // and of tagfind/attrfind (its name and attributes): the two grammars
  // differ only in a "/" just before ">", which ends the tag either way.
  #parseStarttag(s: string, i: number, n: number): number {
    this.#starttagText = null;
    // no ">" ahead: the tag cannot be complete (skip building its attributes)
    if (s.indexOf(">", i + 2) < 0) return -1;
    const nameEnd = tagNameEnd(s, i + 2, n);
    const attrs: Attr[] = [];
    let k = skipSep(s, nameEnd, n);
    let selfClosing = false;
    for (;;) {
      if (k >= n) return -1;
      let c = s.charCodeAt(k);
      if (c === 0x3e /* > */) break;
      if (c === 0x2f /* "/>" (skipSep stops at "/" only there) */) {
        selfClosing = true;
        k++;
        break;
      }
      // the lookbehind (?<=['"\t\n\r\f /]) fails after a name whose value did
      // not match (an unclosed quote): the tag is not complete yet
      const b = s.charCodeAt(k - 1);
      if (!(b === 0x27 || b === 0x22 || b === 0x2f || isWS(b))) return -1;
      let p = k + 1;
      while (p < n) {
        c = s.charCodeAt(p);
        if (c === 0x3e || c === 0x2f || c === 0x3d || isWS(c)) break;
        p++;
      }
      const name = pyLower(s.slice(k, p));
      let value: string | null = null;
      const v = scanValue(s, p, n);
      if (v >= 0) {
        let a = lastValue.start, z = lastValue.end;
        if (z - a >= 2) {
          const q = s.charCodeAt(a);
          if ((q === 0x27 || q === 0x22) && s.charCodeAt(z - 1) === q) {
            a++;
            z--;
          }
        }
        value = s.slice(a, z);
        if (value) value = unescapeAttr(value);
        p = v;
      }
      attrs.push(makeAttr(name, value));
      k = skipSep(s, p, n);
    }
    const endpos = k + 1;
    this.#starttagText = s.slice(i, endpos);
    const tag = pyLower(s.slice(i + 1, nameEnd));
    this.lasttag = tag;
    if (selfClosing) {
      this.handle_startendtag(tag, attrs);
    } else {
      this.handle_starttag(tag, attrs);
      if (
        isIn(tag, this.CDATA_CONTENT_ELEMENTS) || (truthy(this.scripting) && tag === "noscript") ||
        tag === "plaintext"
      ) {
        this.set_cdata_mode(tag, { escapable: false });
      } else if (isIn(tag, this.RCDATA_CONTENT_ELEMENTS)) {
        this.set_cdata_mode(tag, { escapable: true });
      }
    }
    return endpos;
  }

  #parseEndtag(s: string, i: number, n: number): number {
    if (s.indexOf(">", i + 2) < 0) return -1;
    const c2 = i + 2 < n ? s.charCodeAt(i + 2) : -1;
    if (!isAlpha(c2)) {
      if (c2 === 0x3e) return i + 3; // "</>" is ignored
      return this.#parseBogusComment(s, i, n);
    }
    const j = locateTagEnd(s, i + 2, n);
    if (s.charCodeAt(j - 1) !== 0x3e) return -1;
    this.handle_endtag(pyLower(s.slice(i + 2, tagNameEnd(s, i + 3, n))));
    this.clear_cdata_mode();
    return j;
  }
}
classAttrs(HTMLParser, ["CDATA_CONTENT_ELEMENTS", "RCDATA_CONTENT_ELEMENTS"]);

/** Is `s[i:i+9].lower() == '<!doctype'`? */
function isDoctype(s: string, i: number): boolean {
  if (i + 9 > s.length) return false;
  const w = "doctype";
  for (let k = 0; k < 7; k++) {
    if ((s.charCodeAt(i + 2 + k) | 0x20) !== w.charCodeAt(k)) return false;
  }
  return s.charCodeAt(i + 1) === 0x21;
}
