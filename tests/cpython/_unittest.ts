/**
 * unittest's assertions, once, with Python's `==` (`eq` from _util/builtins.ts), for the ports of CPython's own
 * test files in tests/cpython/. Each port keeps CPython's inputs and assertions in order; these helpers keep
 * CPython's names so a port reads like its original.
 *
 * @module
 */

import { contains, eq, truthy } from "../../_util/builtins.ts";
import { repr, str } from "../../_util/repr.ts";
import { catch_warnings, simplefilter, type Warning, type WarningCategory } from "../../warnings.ts";

/** A failed assertion, as unittest's `AssertionError` (`self.failureException`). */
export class TestFailure extends Error {
  override name = "AssertionError";
}

function fail(standard: string, msg?: string): never {
  throw new TestFailure(msg === undefined ? standard : `${standard} : ${msg}`);
}

/** `self.assertEqual(first, second, msg)`. */
export function assertEqual(first: unknown, second: unknown, msg?: string): void {
  if (!eq(first, second)) fail(`${repr(first)} != ${repr(second)}`, msg);
}

/** `self.assertNotEqual(first, second, msg)`. */
export function assertNotEqual(first: unknown, second: unknown, msg?: string): void {
  if (eq(first, second)) fail(`${repr(first)} == ${repr(second)}`, msg);
}

/** `self.assertTrue(x, msg)`. */
export function assertTrue(x: unknown, msg?: string): void {
  if (!truthy(x)) fail(`${repr(x)} is not true`, msg);
}

/** `self.assertFalse(x, msg)`. */
export function assertFalse(x: unknown, msg?: string): void {
  if (truthy(x)) fail(`${repr(x)} is not false`, msg);
}

/** `self.assertIs(a, b)`. */
export function assertIs(a: unknown, b: unknown, msg?: string): void {
  if (!Object.is(a, b) && !(a == null && b == null)) fail(`${repr(a)} is not ${repr(b)}`, msg);
}

/** `self.assertIsNone(x)`. */
export function assertIsNone(x: unknown, msg?: string): void {
  if (x !== null && x !== undefined) fail(`${repr(x)} is not None`, msg);
}

/** `self.assertIsNotNone(x)`. */
export function assertIsNotNone(x: unknown, msg?: string): void {
  if (x === null || x === undefined) fail("unexpectedly None", msg);
}

/** `self.assertIn(member, container)`. */
export function assertIn(member: unknown, container: unknown, msg?: string): void {
  if (!contains(container, member)) fail(`${repr(member)} not found in ${repr(container)}`, msg);
}

/** `self.assertNotIn(member, container)`. */
export function assertNotIn(member: unknown, container: unknown, msg?: string): void {
  if (contains(container, member)) fail(`${repr(member)} unexpectedly found in ${repr(container)}`, msg);
}

/** `self.assertIsInstance(obj, cls)`. */
export function assertIsInstance(
  obj: unknown,
  cls: abstract new (...a: never[]) => unknown,
  msg?: string,
): void {
  if (!(obj instanceof cls)) fail(`${repr(obj)} is not an instance of ${cls.name}`, msg);
}

type ErrorClass = abstract new (...a: never[]) => Error;

function check(cls: ErrorClass, e: unknown, pattern?: RegExp | string): Error {
  if (!(e instanceof cls)) {
    if (e instanceof TestFailure) throw e;
    fail(`${cls.name} not raised (got ${(e as Error)?.name ?? repr(e)}: ${(e as Error)?.message})`);
  }
  if (pattern !== undefined) {
    const re = typeof pattern === "string" ? new RegExp(pattern) : pattern;
    if (!re.test(String(e.message))) fail(`"${re.source}" does not match "${e.message}"`);
  }
  return e;
}

/** `self.assertRaises(cls, fn)`; returns the exception (the context manager's `cm.exception`). */
export function assertRaises<E extends ErrorClass>(cls: E, fn: () => unknown): InstanceType<E> {
  try {
    fn();
  } catch (e) {
    return check(cls, e) as InstanceType<E>;
  }
  fail(`${cls.name} not raised`);
}

/** `self.assertRaisesRegex(cls, pattern, fn)`. */
export function assertRaisesRegex<E extends ErrorClass>(
  cls: E,
  pattern: RegExp | string,
  fn: () => unknown,
): InstanceType<E> {
  try {
    fn();
  } catch (e) {
    return check(cls, e, pattern) as InstanceType<E>;
  }
  fail(`${cls.name} not raised`);
}

/** `assertRaises` for a call that must be awaited. */
export async function assertRaisesAsync<E extends ErrorClass>(
  cls: E,
  fn: () => Promise<unknown>,
  pattern?: RegExp | string,
): Promise<InstanceType<E>> {
  try {
    await fn();
  } catch (e) {
    return check(cls, e, pattern) as InstanceType<E>;
  }
  fail(`${cls.name} not raised`);
}

/** `with self.subTest(**params):` — runs `fn`, prefixing a failure with the parameters. */
export function subTest(params: Record<string, unknown>, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof Error) {
      e.message = `(${Object.entries(params).map(([k, v]) => `${k}=${repr(v)}`).join(", ")}) ${e.message}`;
    }
    throw e;
  }
}

/** `self.fail(msg)`. */
export function failTest(msg?: string): never {
  throw new TestFailure(msg ?? "AssertionError");
}

/** `self.assertIsNot(a, b)`. */
export function assertIsNot(a: unknown, b: unknown, msg?: string): void {
  if (Object.is(a, b)) fail(`unexpectedly identical: ${repr(a)}`, msg);
}

/** `self.assertRegex(text, regex, msg)` (Python's `re.search`). */
export function assertRegex(text: string, regex: RegExp | string, msg?: string): void {
  const re = typeof regex === "string" ? new RegExp(regex) : regex;
  if (!re.test(text)) fail(`Regex didn't match: '${re.source}' not found in ${repr(text)}`, msg);
}

/** `self.assertStartsWith(s, prefix)` (3.14). */
export function assertStartsWith(s: string, prefix: string, msg?: string): void {
  if (!s.startsWith(prefix)) fail(`${repr(s)} doesn't start with ${repr(prefix)}`, msg);
}

/** `self.assertDictEqual(d1, d2)`. */
export function assertDictEqual(d1: unknown, d2: unknown, msg?: string): void {
  assertEqual(d1, d2, msg);
}

/** `self.assertEndsWith(s, suffix)` (3.14): strings or bytes. */
export function assertEndsWith(s: string | Uint8Array, suffix: string | Uint8Array, msg?: string): void {
  let ok: boolean;
  if (typeof s === "string" && typeof suffix === "string") ok = s.endsWith(suffix);
  else if (s instanceof Uint8Array && suffix instanceof Uint8Array) {
    ok = s.length >= suffix.length && eq(s.subarray(s.length - suffix.length), suffix);
  } else fail(`Expected ${repr(s)} and ${repr(suffix)} of the same type`, msg);
  if (!ok) fail(`${repr(s)} doesn't end with ${repr(suffix)}`, msg);
}

/** `mock.ANY`: equal to everything. */
export const ANY = {
  __eq__: (_other: unknown): boolean => true,
  __repr__: (): string => "<ANY>",
};

/**
 * `with self.assertWarnsRegex(category, regex): …` — runs `fn` (awaiting it) while recording warnings with
 * the "always" filter, and requires one of `category` whose message matches `regex`.
 */
export async function assertWarnsRegex(
  category: abstract new (...a: never[]) => Error,
  regex: RegExp | string,
  fn: () => unknown,
): Promise<void> {
  const re = typeof regex === "string" ? new RegExp(regex) : regex;
  using w = catch_warnings({ record: true, action: "always" });
  await fn();
  for (const m of w) {
    if (m.category === category || m.category.prototype instanceof category) {
      if (re.test(str(m.message))) return;
    }
  }
  fail(`"${re.source}" does not match any ${category.name} warning`);
}

/** `self.assertGreater(a, b)`. */
export function assertGreater(a: number, b: number, msg?: string): void {
  if (!(a > b)) fail(`${repr(a)} not greater than ${repr(b)}`, msg);
}

/** `self.assertCountEqual(first, second)`: the same elements, each as many times, in any order. */
export function assertCountEqual(first: Iterable<unknown>, second: Iterable<unknown>, msg?: string): void {
  const a = [...first];
  const rest = [...second];
  for (const x of a) {
    const i = rest.findIndex((y) => eq(x, y));
    if (i < 0) fail(`Element counts were not equal: ${repr(x)} missing from ${repr([...second])}`, msg);
    rest.splice(i, 1);
  }
  if (rest.length) fail(`Element counts were not equal: unexpected ${repr(rest)}`, msg);
}

const ENV_LOCK = `${Deno.env.get("TMPDIR") ?? "/tmp"}/pyweb-cpython-tests-environ.lock`;

/**
 * `os_helper.EnvironmentVarGuard()` (or a setUp's `os.environ[...] = ...` undone by its cleanup): set `vars`, run
 * `fn`, restore them. `deno test --parallel` runs test files side by side in one process, which shares one
 * environment, so every test that changes it or depends on it holds a file lock while it runs (an empty `vars`
 * just waits for the environment to be left alone).
 */
export async function withEnviron(
  vars: Record<string, string>,
  fn: () => Promise<void> | void,
): Promise<void> {
  using lock = await Deno.open(ENV_LOCK, { create: true, write: true });
  await lock.lock(true);
  const old = Object.fromEntries(Object.keys(vars).map((k) => [k, Deno.env.get(k)]));
  for (const [k, v] of Object.entries(vars)) Deno.env.set(k, v);
  try {
    await fn();
  } finally {
    for (const [k, v] of Object.entries(old)) v === undefined ? Deno.env.delete(k) : Deno.env.set(k, v);
    await lock.unlock();
  }
}

function items(x: unknown): unknown[] {
  if (typeof x === "string") return [...x];
  return [...(x as Iterable<unknown>)];
}

/** `self.assertSequenceEqual(seq1, seq2)`: equal, or the same items in sequences of different types. */
export function assertSequenceEqual(seq1: unknown, seq2: unknown, msg?: string): void {
  if (eq(seq1, seq2)) return;
  const a = items(seq1), b = items(seq2);
  if (a.length === b.length && a.every((x, i) => eq(x, b[i]))) return;
  fail(`Sequences differ: ${repr(seq1)} != ${repr(seq2)}`, msg);
}

function endsWith(s: unknown, suffix: string | Uint8Array): boolean {
  if (typeof s === "string" && typeof suffix === "string") return s.endsWith(suffix);
  if (s instanceof Uint8Array && suffix instanceof Uint8Array) {
    return s.length >= suffix.length && suffix.every((c, i) => s[s.length - suffix.length + i] === c);
  }
  throw new TypeError(`Expected ${repr(s)} to be a str or bytes matching ${repr(suffix)}`);
}

/** `self.assertNotEndsWith(s, suffix)` (3.14). */
export function assertNotEndsWith(s: unknown, suffix: string | Uint8Array, msg?: string): void {
  if (endsWith(s, suffix)) fail(`${repr(s)} ends with ${repr(suffix)}`, msg);
}

/** What `with self.assertWarns(cls) as cm:` leaves in `cm`. */
export interface WarnsContext {
  warning: Warning;
  filename: string;
  lineno: number;
}

/** `with self.assertWarns(category) as cm: fn()`; returns `cm`. */
export function assertWarns(category: WarningCategory, fn: () => unknown): WarnsContext {
  using w = catch_warnings({ record: true });
  simplefilter("always");
  fn();
  for (const m of w) {
    if (m.message instanceof category) return { warning: m.message, filename: m.filename, lineno: m.lineno };
  }
  fail(`${category.name} not triggered`);
}
