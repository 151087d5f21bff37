/**
 * The keyword contract, checked against CPython's own signatures.
 *
 * tests/vectors/signatures.json (made by tests/_gen_signatures.py from the oracle) lists every public
 * function, method and constructor of our modules that a caller can pass a keyword to, with its
 * `inspect.signature` and CPython's TypeError messages. For each one this test:
 * - finds our callable under the same name (or its absence named in docs/divergences.md);
 * - compares our signature table with CPython's parameters, kinds and defaults;
 * - calls it with a bogus keyword, with each parameter by keyword before the bogus one, with the first
 *   parameter twice, with too many positional arguments and with none, and requires CPython's exact
 *   TypeError message each time. The calls raise while binding, so no body runs.
 *
 * @module
 */

import { kw, SIGNATURES } from "../_util/signature.ts";
import { repr } from "../_util/repr.ts";
import { TypeError as PyTypeError } from "../_util/exceptions.ts";
import { documentedAbsent, MODULE_FILES } from "./_signatures.ts";

type Param = {
  name: string;
  kind: "posonly" | "pos" | "varpos" | "kwonly" | "varkw";
  default: string | null;
};
type Entry = {
  qualname: string;
  kind: "function" | "method" | "init" | "static" | "classmethod";
  path: string[];
  params: Param[];
  messages: { bogus: string | null; too_many: string | null; missing: string | null };
  signature: string;
};
type Vectors = Record<string, { names: string[]; callables: Entry[] }>;

const here = new URL(".", import.meta.url);
const VECTORS: Vectors = JSON.parse(await Deno.readTextFile(new URL("vectors/signatures.json", here)));
function normDefault(d: string): string {
  return d.startsWith("<") ? "<object>" : d;
}

/** Our table's parameter list in inspect.signature's form, object defaults as `<object>`. */
function ourSignature(qualname: string): string[] {
  return (SIGNATURES.get(qualname) ?? []).map((s) =>
    s.toString((v) => {
      if (
        typeof v === "function" || (v !== null && typeof v === "object" && !Array.isArray(v) &&
          !(v instanceof Uint8Array) && Object.getPrototypeOf(v) !== Object.prototype &&
          Object.getPrototypeOf(v) !== null)
      ) return "<object>";
      return repr(v);
    })
  );
}

function theirSignature(e: Entry): string {
  const parts: string[] = [];
  let star = false;
  let slash = false;
  e.params.forEach((p, i) => {
    if (!slash && p.kind !== "posonly" && i > 0 && e.params[i - 1].kind === "posonly") {
      parts.push("/");
      slash = true;
    }
    if (p.kind === "varpos") {
      parts.push(`*${p.name}`);
      star = true;
      return;
    }
    if (p.kind === "varkw") {
      parts.push(`**${p.name}`);
      return;
    }
    if (p.kind === "kwonly" && !star) {
      parts.push("*");
      star = true;
    }
    parts.push(p.default === null ? p.name : `${p.name}=${normDefault(p.default)}`);
  });
  if (!slash && e.params.length && e.params[e.params.length - 1].kind === "posonly") parts.push("/");
  // A classmethod's `cls` is not part of inspect's view of the bound method; add it back like `self`.
  return `(${parts.join(", ")})`;
}

type Caller = (...args: unknown[]) => unknown;

/** Our callable for an entry, as a function of the arguments after `self`; null when absent. */
function locate(mod: Record<string, unknown>, e: Entry): Caller | null {
  const top = mod[e.path[0]];
  if (top === undefined) return null;
  if (e.path.length === 1) return typeof top === "function" ? (top as Caller) : null;
  const cls = top as
    & { new (...a: unknown[]): unknown; prototype: Record<string, unknown> }
    & Record<string, unknown>;
  const attr = e.path[1];
  if (e.kind === "init") return (...a: unknown[]) => new cls(...a);
  if (e.kind === "static" || e.kind === "classmethod") {
    const f = cls[attr];
    return typeof f === "function" ? (...a: unknown[]) => (f as Caller).apply(cls, a) : null;
  }
  const f = cls.prototype?.[attr];
  if (typeof f !== "function") return null;
  const self = Object.create(cls.prototype);
  return (...a: unknown[]) => (f as Caller).apply(self, a);
}

/** The TypeError message of a call, awaiting a promise; a different outcome is described instead. */
async function outcome(call: () => unknown): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const r = call();
    if (r instanceof Promise) {
      const late = new Promise<string>((ok) =>
        timer = setTimeout(() => ok("<still running after 100 ms>"), 100)
      );
      r.catch(() => {});
      const first = await Promise.race([r.then(() => "<no error>"), late]);
      return first;
    }
    return "<no error>";
  } catch (e) {
    if (e instanceof PyTypeError) return e.message;
    return `<${(e as Error)?.constructor?.name}: ${(e as Error)?.message}>`;
  } finally {
    clearTimeout(timer);
  }
}

function positionalCount(e: Entry): number {
  return e.params.filter((p) => p.kind === "posonly" || p.kind === "pos").length;
}

/** Check one callable; returns the problems found. */
export async function checkCallable(
  mod: Record<string, unknown>,
  module: string,
  e: Entry,
): Promise<string[]> {
  const problems: string[] = [];
  const call = locate(mod, e);
  if (call === null) {
    if (documentedAbsent(module, e.path[0]) || documentedAbsent(module, e.path.join("."))) return [];
    return [`${e.qualname}: missing`];
  }
  const method = e.kind === "method" || e.kind === "init" || e.kind === "classmethod";
  const own = method ? e.params.slice(1) : e.params;
  const entry = method ? { ...e, params: own } : e;
  const theirs = (method ? "(self" + (own.length ? ", " : "") : "(") + theirSignature(entry).slice(1);
  const ours = ourSignature(e.qualname);
  if (!ours.includes(theirs)) {
    problems.push(`${e.qualname}: table ${ours.length ? ours.join(" | ") : "(none)"}, CPython ${theirs}`);
  }
  const hasVarKw = own.some((p) => p.kind === "varkw");
  if (e.messages.bogus !== null) {
    const got = await outcome(() => call(kw({ bogus: 1 })));
    if (got !== e.messages.bogus) {
      problems.push(`${e.qualname}(bogus=1): ${got}; CPython: ${e.messages.bogus}`);
    }
  }
  if (!hasVarKw) {
    for (const p of own) {
      if (p.kind !== "pos" && p.kind !== "kwonly") continue;
      const want = e.messages.bogus;
      const got = await outcome(() => call(kw({ [p.name]: 0, bogus: 1 })));
      if (got !== want) problems.push(`${e.qualname}(${p.name}=0, bogus=1): ${got}; CPython: ${want}`);
    }
    const first = own[0];
    if (first && first.kind === "pos") {
      const want = `${e.qualname}() got multiple values for argument '${first.name}'`;
      const got = await outcome(() => call(0, kw({ [first.name]: 0 })));
      if (got !== want) problems.push(`${e.qualname}(0, ${first.name}=0): ${got}; CPython: ${want}`);
    }
  }
  if (e.messages.too_many !== null) {
    const n = positionalCount(entry) + 1;
    const got = await outcome(() => call(...Array(n).fill(0)));
    if (got !== e.messages.too_many) {
      problems.push(`${e.qualname}(too many): ${got}; CPython: ${e.messages.too_many}`);
    }
  }
  if (e.messages.missing !== null) {
    const got = await outcome(() => call());
    if (got !== e.messages.missing) problems.push(`${e.qualname}(): ${got}; CPython: ${e.messages.missing}`);
  }
  return problems;
}

for (const [module, { callables }] of Object.entries(VECTORS)) {
  Deno.test({
    name: `signatures: every ${module} callable takes CPython's keywords and raises its TypeErrors`,
    // A callable that does not bind first may start work before failing: that is a problem reported below,
    // not a leak to hide the report behind.
    sanitizeOps: false,
    sanitizeResources: false,
  }, async () => {
    const mod = await import(new URL(MODULE_FILES[module], here).href) as Record<string, unknown>;
    const problems: string[] = [];
    for (const e of callables) problems.push(...await checkCallable(mod, module, e));
    if (problems.length) {
      throw new Error(
        `${problems.length} problems in ${callables.length} callables:\n` + problems.join("\n"),
      );
    }
  });
}
