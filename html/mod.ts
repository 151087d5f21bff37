/**
 * Python's `html` module: {@link escape} and {@link unescape}.
 *
 * ```python
 * import html
 * print(html.escape("<a href='x'>&</a>"))
 * print(html.unescape("&lt;p&gt; &amp;amp &notin; &#x80;"))
 * ```
 *
 * ```ts
 * import * as html from "@pyweb/std/html";
 * console.log(html.escape("<a href='x'>&</a>"));
 * console.log(html.unescape("&lt;p&gt; &amp;amp &notin; &#x80;"));
 * ```
 *
 * Both print `&lt;a href=&#x27;x&#x27;&gt;&amp;&lt;/a&gt;` and `<p> &amp ∉ €`.
 *
 * @module
 */

import { contains, truthy, typeName } from "../_util/builtins.ts";
import { AttributeError, TypeError } from "../_util/exceptions.ts";
import { Signature } from "../_util/signature.ts";
import { unescapeText } from "./_unescape.ts";

// What escape() writes for each character it replaces, by char code.
const WITH_QUOTES: (string | undefined)[] = [];
WITH_QUOTES[0x26] = "&amp;";
WITH_QUOTES[0x3c] = "&lt;";
WITH_QUOTES[0x3e] = "&gt;";
const NO_QUOTES = WITH_QUOTES.slice();
WITH_QUOTES[0x22] = "&quot;";
WITH_QUOTES[0x27] = "&#x27;";

const ESCAPE = new Signature<{ s: unknown; quote: unknown }>("escape", ["s", "quote"], { quote: true });

/**
 * Replace `&`, `<` and `>` with HTML-safe sequences; with `quote` (the
 * default) also `"` and `'`, as Python's `html.escape(s, quote=True)`.
 *
 * @param s the text to escape
 * @param quote also escape `"` (as `&quot;`) and `'` (as `&#x27;`); default true, any value by Python truth;
 *   either parameter may instead come in a trailing keywords object
 * @returns the escaped text
 *
 * @example
 * ```ts
 * import { escape } from "@pyweb/std/html";
 * import assert from "node:assert/strict";
 * assert.equal(escape(`<a title="x">'&'</a>`), "&lt;a title=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
 * assert.equal(escape(`"x" & y`, false), `"x" &amp; y`);
 * assert.equal(escape(`"x"`, { quote: false }), `"x"`);
 * assert.equal(escape({ s: "<'>", quote: 0 }), "&lt;'&gt;");
 * ```
 */
export function escape(s: string, quote?: unknown): string;
/** The text, then `quote` by keyword. */
export function escape(s: string, kwargs: { quote?: unknown }): string;
/** Every parameter by keyword. */
export function escape(kwargs: { s: string; quote?: unknown }): string;
export function escape(...args: unknown[]): string {
  let s = args[0], quote: unknown = true;
  const n = args.length;
  if (!(typeof s === "string" && (n === 1 || (n === 2 && typeof args[1] === "boolean")))) {
    ({ s, quote } = ESCAPE.bind(args));
  } else if (n === 2) quote = args[1];
  if (typeof s !== "string") {
    if (s instanceof Uint8Array) throw new TypeError("a bytes-like object is required, not 'str'");
    throw new AttributeError(`'${typeName(s)}' object has no attribute 'replace'`);
  }
  const q = truthy(quote);
  const table = q ? WITH_QUOTES : NO_QUOTES;
  let out = "";
  let last = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c > 0x3e) continue;
    const r = table[c];
    if (r !== undefined) {
      out += s.slice(last, k) + r;
      last = k + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * Convert all named and numeric character references (`&gt;`, `&#62;`,
 * `&#x3e;`) in `s` to the characters they stand for, with the HTML5 rules for
 * invalid references and names without `;`, as Python's `html.unescape`.
 *
 * @param s the text to unescape
 * @returns the unescaped text
 *
 * @example
 * ```ts
 * import { unescape } from "@pyweb/std/html";
 * import assert from "node:assert/strict";
 * assert.equal(unescape("&lt;b&gt; &amp;amp; &#x2603; &#128;"), "<b> &amp; ☃ €");
 * assert.equal(unescape("&notit; &#0; &#xD800;"), "¬it; \ufffd \ufffd");
 * ```
 */
export function unescape(s: string): string;
/** The text by keyword. */
export function unescape(kwargs: { s: string }): string;
export function unescape(...args: unknown[]): string {
  const s = args.length === 1 && typeof args[0] === "string" ? args[0] : UNESCAPE.bind(args).s;
  if (typeof s !== "string") {
    // CPython: `if '&' not in s: return s`, then a regular expression substitution.
    if (s instanceof Uint8Array) throw new TypeError("a bytes-like object is required, not 'str'");
    if (!contains(s, "&")) return s as string;
    throw new TypeError(`expected string or bytes-like object, got '${typeName(s)}'`);
  }
  return unescapeText(s);
}

const UNESCAPE = new Signature<{ s: unknown }>("unescape", ["s"]);
