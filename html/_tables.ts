// The html.entities tables, parsed once from the generated JSON data, and the
// lookup structures html.unescape and html.parser need.

import { CODEPOINT2NAME_JSON, HTML5_JSON, NAME2CODEPOINT_JSON } from "./_entities_data.ts";

/** A null-prototype object from an array of pairs, in order. */
function dict<V>(pairs: [string | number, V][]): Record<string, V> {
  const d = Object.create(null) as Record<string, V>;
  for (const [k, v] of pairs) d[k] = v;
  return d;
}

const html5Pairs = JSON.parse(HTML5_JSON) as [string, string][];

/** `html5` as a Map, for fast lookups (never touched by users). */
export const HTML5_MAP: Map<string, string> = new Map(html5Pairs);
/** `html.entities.html5` */
export const html5: Record<string, string> = dict(html5Pairs);
/** `html.entities.name2codepoint` */
export const name2codepoint: Record<string, number> = dict(JSON.parse(NAME2CODEPOINT_JSON));
/** `html.entities.codepoint2name` (keys are code points as decimal strings) */
export const codepoint2name: Record<number, string> = dict(JSON.parse(CODEPOINT2NAME_JSON));
/** `html.entities.entitydefs` */
export const entitydefs: Record<string, string> = dict(
  Object.entries(name2codepoint).map(([k, v]) => [k, String.fromCodePoint(v)]),
);
