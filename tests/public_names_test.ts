/**
 * Every public name of CPython's modules is ours too, or docs/divergences.md says why not.
 *
 * tests/vectors/public_names.json lists, for each module, `__all__` plus every other non-underscore name the oracle's
 * module defines (made as tests/_gen_signatures.py describes), and under `_attributes` the class attributes and
 * underscored names that CPython's docs and tests use. A name we lack must be named in docs/divergences.md as
 * `` `module.name` `` with its reason.
 *
 * @module
 */

import { documentedAbsent, MODULE_FILES } from "./_signatures.ts";

const here = new URL(".", import.meta.url);
const { _attributes: ATTRIBUTES, ...NAMES } = JSON.parse(
  await Deno.readTextFile(new URL("vectors/public_names.json", here)),
) as Record<string, Record<string, string[]>> & Record<string, string[]>;

for (const [module, names] of Object.entries(NAMES as Record<string, string[]>)) {
  Deno.test(`public names: ${module} exports every name CPython's has, or documents why not`, async () => {
    const mod = await import(new URL(MODULE_FILES[module], here).href) as Record<string, unknown>;
    const missing = names.filter((n) => !(n in mod) && !documentedAbsent(module, n));
    const attrs = ((ATTRIBUTES as Record<string, string[]>)[module] ?? []).filter((path) => {
      const [cls, attr] = path.split(".");
      const c = mod[cls] as Record<string, unknown> | undefined;
      if (c === undefined) return !documentedAbsent(module, cls);
      const proto = (c as { prototype?: object }).prototype;
      return !(attr in c || (proto !== undefined && attr in proto)) && !documentedAbsent(module, path);
    });
    const problems = [...missing, ...attrs];
    if (problems.length) {
      throw new Error(`${module} lacks ${problems.length} of CPython's public names: ${problems.join(", ")}`);
    }
  });
}
