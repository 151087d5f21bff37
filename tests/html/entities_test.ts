// html.entities: the generated tables equal CPython 3.14's, key for key and in order.

import assert from "node:assert/strict";
import { codepoint2name, entitydefs, html5, name2codepoint } from "../../html/entities.ts";
import { oracle, oracleTest } from "../_oracle.ts";

Deno.test("html.entities: sizes, null prototypes, spot values", () => {
  for (const t of [html5, name2codepoint, codepoint2name, entitydefs]) {
    assert.equal(Object.getPrototypeOf(t), null);
  }
  assert.equal(Object.keys(html5).length, 2231);
  assert.equal(Object.keys(name2codepoint).length, 252);
  assert.equal(Object.keys(codepoint2name).length, 252);
  assert.equal(Object.keys(entitydefs).length, 252);
  assert.equal(html5["amp"], "&");
  assert.equal(html5["amp;"], "&");
  assert.equal(html5["fjlig;"], "fj");
  assert.equal(name2codepoint["hearts"], 0x2665);
  assert.equal(codepoint2name[0x2665], "hearts");
  assert.equal(entitydefs["nbsp"], "\u00a0");
  assert.equal("constructor" in html5, false);
});

oracleTest("html.entities: identical to CPython 3.14's tables", async () => {
  const [r] = await oracle(
    `import html.entities as e
def run(_):
    return [list(e.html5.items()), list(e.name2codepoint.items()),
            sorted(e.codepoint2name.items()), list(e.entitydefs.items())]`,
    [0],
  );
  assert.ok("ok" in r);
  const [h5, n2c, c2n, defs] = r.ok as [string, unknown][][];
  assert.deepEqual(Object.entries(html5), h5);
  assert.deepEqual(Object.entries(name2codepoint), n2c);
  // integer keys enumerate in ascending order in JavaScript (see docs/divergences.md)
  assert.deepEqual(Object.entries(codepoint2name).map(([k, v]) => [Number(k), v]), c2n);
  assert.deepEqual(Object.entries(entitydefs), defs);
});
