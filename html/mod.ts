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

import { checkKwargs } from "../_util/kwargs.ts";
import { unescapeText } from "./_unescape.ts";

// What escape() writes for each character it replaces, by char code.
const WITH_QUOTES: (string | undefined)[] = [];
WITH_QUOTES[0x26] = "&amp;";
WITH_QUOTES[0x3c] = "&lt;";
WITH_QUOTES[0x3e] = "&gt;";
const NO_QUOTES = WITH_QUOTES.slice();
WITH_QUOTES[0x22] = "&quot;";
WITH_QUOTES[0x27] = "&#x27;";

/**
 * Replace `&`, `<` and `>` with HTML-safe sequences; with `quote` (the
 * default) also `"` and `'`, as Python's `html.escape(s, quote=True)`.
 *
 * @param s the text to escape
 * @param quote also escape `"` (as `&quot;`) and `'` (as `&#x27;`); default true
 * @returns the escaped text
 *
 * @example
 * ```ts
 * import { escape } from "@pyweb/std/html";
 * import assert from "node:assert/strict";
 * assert.equal(escape(`<a title="x">'&'</a>`), "&lt;a title=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
 * assert.equal(escape(`"x" & y`, false), `"x" &amp; y`);
 * assert.equal(escape(`"x"`, { quote: false }), `"x"`);
 * ```
 */
export function escape(s: string, quote?: boolean | { quote?: boolean }): string {
  const q = quote === undefined || quote === null
    ? true
    : typeof quote === "object"
    ? (checkKwargs("escape", quote, ["quote"]).quote ?? true)
    : Boolean(quote);
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
export function unescape(s: string): string {
  return unescapeText(s);
}
