/**
 * Python's `html.entities`: the HTML 4 and HTML5 named character reference
 * tables, generated from CPython 3.14's own data.
 *
 * ```python
 * from html.entities import html5, name2codepoint, codepoint2name, entitydefs
 * print(html5["notin;"], name2codepoint["eacute"], codepoint2name[233], entitydefs["amp"])
 * ```
 *
 * ```ts
 * import { print } from "@pyweb/std";
 * import { codepoint2name, entitydefs, html5, name2codepoint } from "@pyweb/std/html/entities";
 * print(html5["notin;"], name2codepoint["eacute"], codepoint2name[233], entitydefs["amp"]);
 * ```
 *
 * Both print `∉ 233 eacute &`. The tables are null-prototype objects.
 *
 * @module
 */

import * as t from "./_tables.ts";

/**
 * Maps the 2,231 HTML5 named character references to their text. Keys keep
 * their `;` (`"amp;"`); the legacy names that work without it appear both
 * ways (`"amp"` and `"amp;"`).
 *
 * @example
 * ```ts
 * import { html5 } from "@pyweb/std/html/entities";
 * import assert from "node:assert/strict";
 * assert.equal(html5["gt;"], ">");
 * assert.equal(html5["NotEqualTilde;"], "\u2242\u0338");
 * assert.equal(Object.keys(html5).length, 2231);
 * ```
 */
export const html5: Record<string, string> = t.html5;

/**
 * Maps the 252 HTML 4 entity names to their Unicode code points.
 *
 * @example
 * ```ts
 * import { name2codepoint } from "@pyweb/std/html/entities";
 * import assert from "node:assert/strict";
 * assert.equal(name2codepoint["eacute"], 0xe9);
 * ```
 */
export const name2codepoint: Record<string, number> = t.name2codepoint;

/**
 * Maps code points to HTML 4 entity names (the inverse of {@link name2codepoint}).
 *
 * @example
 * ```ts
 * import { codepoint2name } from "@pyweb/std/html/entities";
 * import assert from "node:assert/strict";
 * assert.equal(codepoint2name[0x3c], "lt");
 * ```
 */
export const codepoint2name: Record<number, string> = t.codepoint2name;

/**
 * Maps the HTML 4 entity names to the characters they stand for.
 *
 * @example
 * ```ts
 * import { entitydefs } from "@pyweb/std/html/entities";
 * import assert from "node:assert/strict";
 * assert.equal(entitydefs["copy"], "\u00a9");
 * ```
 */
export const entitydefs: Record<string, string> = t.entitydefs;
