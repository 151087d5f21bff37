/**
 * Python's `warnings` module: warn, filter, record and silence warnings.
 *
 * ```python
 * import warnings
 * with warnings.catch_warnings(record=True) as w:
 *     warnings.simplefilter("always")
 *     warnings.warn("old call", DeprecationWarning)
 * print(w[0].category.__name__, w[0].message)
 * ```
 *
 * ```ts
 * import { catch_warnings, DeprecationWarning, simplefilter, warn } from "@pyweb/std/warnings";
 * import { print } from "@pyweb/std";
 * {
 *   using w = catch_warnings({ record: true });
 *   simplefilter("always");
 *   warn("old call", DeprecationWarning);
 *   print(w[0].category.name, w[0].message); // DeprecationWarning old call
 * }
 * ```
 *
 * A warning's module (what a filter's `module` regex matches) is
 * `"__main__"` for the program's main module (`Deno.mainModule`), the
 * Python name for ours (`urllib.request`, `wsgiref.validate`, `http.server`),
 * and for any other file its path relative to the main module's folder,
 * dotted and without extension (`lib/util.ts` → `lib.util`), or its base name.
 * Its filename and line number come from the JavaScript stack at
 * `stacklevel`. See docs/divergences.md.
 *
 * @module
 */

import { typeName } from "./_util/builtins.ts";
import { Exception, RuntimeError, TypeError, ValueError } from "./_util/exceptions.ts";
import { repr, str } from "./_util/repr.ts";
import { Signature } from "./_util/signature.ts";
import { isFileLike, stderrStream } from "./_util/stdio.ts";

/** Python's `Warning`: the base class of every warning category. */
export class Warning extends Exception {}
/** Python's `UserWarning`: the default category of {@link warn}. */
export class UserWarning extends Warning {}
/** Python's `DeprecationWarning`: a deprecated feature, for developers. */
export class DeprecationWarning extends Warning {}
/** Python's `PendingDeprecationWarning`: a feature to be deprecated later. */
export class PendingDeprecationWarning extends Warning {}
/** Python's `SyntaxWarning`: dubious syntax. */
export class SyntaxWarning extends Warning {}
/** Python's `RuntimeWarning`: dubious runtime behaviour. */
export class RuntimeWarning extends Warning {}
/** Python's `FutureWarning`: a deprecated feature, for end users. */
export class FutureWarning extends Warning {}
/** Python's `ImportWarning`: a probable mistake in a module import. */
export class ImportWarning extends Warning {}
/** Python's `UnicodeWarning`: a Unicode-related problem. */
export class UnicodeWarning extends Warning {}
/** Python's `BytesWarning`: a `bytes`/`bytearray` related problem. */
export class BytesWarning extends Warning {}
/** Python's `ResourceWarning`: a resource was not released. */
export class ResourceWarning extends Warning {}
/** Python's `EncodingWarning`: a text file opened without an encoding. */
export class EncodingWarning extends Warning {}

/** A warning category: {@link Warning} or one of its subclasses. */
// deno-lint-ignore no-explicit-any
export type WarningCategory = new (...args: any[]) => Warning;

/** A filter action, as Python spells it. */
export type Action = "default" | "error" | "ignore" | "always" | "all" | "module" | "once";

/** One entry of {@link filters}: `[action, message regex, category, module regex, lineno]`, Python's tuple. */
export type Filter = [Action, RegExp | null, WarningCategory, RegExp | null, number];

const ACTIONS = new Set(["error", "ignore", "always", "all", "default", "module", "once"]);

function isCategory(c: unknown): c is WarningCategory {
  return typeof c === "function" && (c === Warning || c.prototype instanceof Warning);
}

function issubclass(c: WarningCategory, base: WarningCategory): boolean {
  return c === base || c.prototype instanceof base;
}

/** Python's `warnings.filters`: the active filters, first match wins. */
export let filters: Filter[] = [
  ["default", null, DeprecationWarning, /__main__$/y, 0],
  ["ignore", null, DeprecationWarning, null, 0],
  ["ignore", null, PendingDeprecationWarning, null, 0],
  ["ignore", null, ImportWarning, null, 0],
  ["ignore", null, ResourceWarning, null, 0],
];
/** Python's `warnings.defaultaction`: the action when no filter matches. */
export const defaultaction: Action = "default";
let filtersVersion = 1;
const onceregistry = new Map<string, unknown>();
const registries = new Map<string, Map<string, unknown>>();

/**
 * Python's `warnings.WarningMessage`: one warning as {@link showwarning}
 * receives it and `catch_warnings({ record: true })` records it.
 */
export class WarningMessage {
  /** The warning instance. */
  message: Warning;
  /** Its category (class). */
  category: WarningCategory;
  /** The file the warning is attributed to. */
  filename: string;
  /** The line number in that file. */
  lineno: number;
  /** Where to write it (`null`: `sys.stderr`). */
  file: { write(s: string): unknown } | null;
  /** The source line, or `null` to look it up. */
  line: string | null;
  /** The object that caused a `ResourceWarning`. */
  source: unknown;
  /**
   * One warning, as Python's `WarningMessage(...)`.
   * @param message the warning instance
   * @param category its class
   * @param filename the file it is attributed to
   * @param lineno the line in that file
   * @param file where to write it
   * @param line the source line
   * @param source the object that caused it
   */
  constructor(
    message: Warning,
    category: WarningCategory,
    filename: string,
    lineno: number,
    file: { write(s: string): unknown } | null = null,
    line: string | null = null,
    source: unknown = null,
  ) {
    this.message = message;
    this.category = category;
    this.filename = filename;
    this.lineno = lineno;
    this.file = file;
    this.line = line;
    this.source = source;
  }
  /** Python's `str()` of a `WarningMessage`. */
  toString(): string {
    return `{message : ${repr(this.message)}, category : ${repr(this.category?.name ?? null)}, filename : ${
      repr(this.filename)
    }, lineno : ${this.lineno}, line : ${repr(this.line)}}`;
  }
}

// ---------------------------------------------------------------- the stack

const PKG_ROOT = new URL("./", import.meta.url).href;

interface Frame {
  url: string;
  lineno: number;
}

const FRAME_RE = /(?:\(|\s)((?:file|https?|jsr|npm|data|blob|ext):[^\s()]*?):(\d+):\d+\)?$/;

function callerFrame(stacklevel: number): Frame | null {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = Math.max(stacklevel, 1) + 2;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = saved;
  const lines = stack.split("\n").slice(1).filter((l) => l.trimStart().startsWith("at "));
  // lines[0] is callerFrame, lines[1] the public function, lines[stacklevel + 1] the frame wanted.
  const line = lines[Math.max(stacklevel, 1) + 1];
  if (line === undefined) return null;
  const m = FRAME_RE.exec(line.trimEnd());
  if (!m) return { url: "<unknown>", lineno: 0 };
  return { url: m[1], lineno: Number(m[2]) };
}

function filenameOf(url: string): string {
  if (url.startsWith("file://")) {
    try {
      return decodeURIComponent(new URL(url).pathname);
    } catch {
      return url;
    }
  }
  return url;
}

function stripExt(p: string): string {
  return p.replace(/\.(?:[cm]?[jt]sx?)$/, "");
}

function moduleOf(url: string): string {
  let main: string | undefined;
  try {
    main = Deno.mainModule;
  } catch { /* no main module */ }
  if (url === main) return "__main__";
  if (url.startsWith(PKG_ROOT)) {
    let rel = stripExt(url.slice(PKG_ROOT.length)).replace(/\/mod$/, "");
    if (rel === "mod") rel = "builtins";
    if (rel.startsWith("wsgi/")) rel = "wsgiref/" + rel.slice(5);
    return rel.replaceAll("/", ".");
  }
  if (main !== undefined) {
    const dir = main.slice(0, main.lastIndexOf("/") + 1);
    if (url.startsWith(dir)) return stripExt(url.slice(dir.length)).replaceAll("/", ".");
  }
  const base = url.slice(url.lastIndexOf("/") + 1);
  return stripExt(base) || "<unknown>";
}

// ----------------------------------------------------------------- warning

const WARN = new Signature<{
  message: unknown;
  category: unknown;
  stacklevel: number;
  source: unknown;
  skip_file_prefixes: readonly string[];
}>(
  "warn",
  ["message", "category", "stacklevel", "source", "*", "skip_file_prefixes"],
  { category: null, stacklevel: 1, source: null, skip_file_prefixes: [] },
);

/** Keyword arguments of {@link warn}. */
export interface WarnOptions {
  /** The warning's class; default {@link UserWarning}. */
  category?: WarningCategory | null;
  /** Which caller to blame: 1 the caller of `warn`, 2 its caller, … */
  stacklevel?: number;
  /** The object that caused a `ResourceWarning`. */
  source?: unknown;
  /** Stack frames from files under these prefixes are skipped (and stacklevel counts from outside them). */
  skip_file_prefixes?: readonly string[];
}

/**
 * Python's `warnings.warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=())`.
 *
 * The filters decide what happens: shown once per location on `sys.stderr`
 * (`default`), raised (`error`), dropped (`ignore`), recorded by
 * {@link catch_warnings}, …
 *
 * @param message the text, or a {@link Warning} instance (whose class is then the category)
 * @param category the warning class; default {@link UserWarning}
 * @param stacklevel which frame to attribute the warning to
 * @returns nothing; raises the warning under an `error` filter
 *
 * @example
 * ```ts
 * // Python: warnings.warn("use g() instead", DeprecationWarning, stacklevel=2)
 * import { catch_warnings, DeprecationWarning, warn } from "@pyweb/std/warnings";
 * import assert from "node:assert/strict";
 * using w = catch_warnings({ record: true, action: "always" });
 * warn("use g() instead", DeprecationWarning, 2);
 * assert.equal(String(w[0].message), "use g() instead");
 * ```
 */
export function warn(message: unknown, category?: WarningCategory | null, stacklevel?: number): void;
/** `warn` with keyword arguments after the category. */
export function warn(
  message: unknown,
  category: WarningCategory | null | undefined,
  kwargs: WarnOptions,
): void;
/** `warn` with keyword arguments. */
export function warn(message: unknown, kwargs: WarnOptions): void;
export function warn(...args: unknown[]): void {
  const a = WARN.bind(args);
  let category = a.category as WarningCategory | null;
  if (a.message instanceof Warning) category = a.message.constructor as WarningCategory;
  if (category === null || category === undefined) category = UserWarning;
  if (!isCategory(category)) {
    throw new TypeError(`category must be a Warning subclass, not '${typeNameOf(category)}'`);
  }
  const stacklevel = Number(a.stacklevel);
  const skip = [...(a.skip_file_prefixes ?? [])];
  let frame: Frame | null;
  if (skip.length) {
    // Walk the stack, skipping frames under the prefixes, as CPython does for stacklevel > 1.
    const level = Math.max(stacklevel, 2);
    let found: Frame | null = null;
    let count = 0;
    for (let depth = 1; depth < 200; depth++) {
      const f = callerFrame(depth);
      if (f === null) break;
      if (depth > 1 && skip.some((p) => filenameOf(f.url).startsWith(p))) continue;
      if (++count === level) {
        found = f;
        break;
      }
    }
    frame = found;
  } else {
    frame = callerFrame(stacklevel);
  }
  let filename: string, lineno: number, module: string;
  if (frame === null) {
    filename = "<sys>";
    lineno = 0;
    module = "sys";
  } else {
    filename = filenameOf(frame.url);
    lineno = frame.lineno;
    module = moduleOf(frame.url);
  }
  warnExplicitImpl(a.message, category, filename, lineno, module, registryFor(module), a.source);
}

/** Python's `type(v).__name__`, where a class (a category that is not a Warning) is a `type`. */
function typeNameOf(v: unknown): string {
  return typeof v === "function" ? "type" : typeName(v);
}

function registryFor(module: string): Map<string, unknown> {
  let r = registries.get(module);
  if (!r) registries.set(module, r = new Map());
  return r;
}

const WARN_EXPLICIT = new Signature<{
  message: unknown;
  category: unknown;
  filename: string;
  lineno: number;
  module: string | null | undefined;
  registry: Map<string, unknown> | null;
  module_globals: unknown;
  source: unknown;
}>(
  "warn_explicit",
  ["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"],
  { module: undefined, registry: null, module_globals: null, source: null },
  ["registry", "module_globals"],
);

/** Keyword arguments of {@link warn_explicit}. */
export interface WarnExplicitOptions {
  /**
   * The module name the filters' `module` regex matches; default the filename
   * without `.py`. An explicit `null` drops the warning, as CPython's C code does.
   */
  module?: string | null;
  /** The per-module registry of warnings already shown (a `Map`); default a fresh one. */
  registry?: Map<string, unknown> | null;
  /** Accepted for compatibility; unused. */
  module_globals?: unknown;
  /** The object that caused a `ResourceWarning`. */
  source?: unknown;
}

/**
 * Python's `warnings.warn_explicit(message, category, filename, lineno, module=None, registry=None, ...)`:
 * a warning with its location given instead of taken from the stack.
 *
 * @param message the text, or a {@link Warning} instance
 * @param category the warning class
 * @param filename the file it is attributed to
 * @param lineno the line in that file
 * @returns nothing; raises the warning under an `error` filter
 *
 * @example
 * ```ts
 * // Python: warnings.warn_explicit("odd header", UserWarning, "app.py", 12)
 * import { catch_warnings, UserWarning, warn_explicit } from "@pyweb/std/warnings";
 * import assert from "node:assert/strict";
 * using w = catch_warnings({ record: true });
 * warn_explicit("odd header", UserWarning, "app.py", 12);
 * assert.deepEqual([w[0].filename, w[0].lineno], ["app.py", 12]);
 * ```
 */
export function warn_explicit(
  message: unknown,
  category: WarningCategory | null,
  filename: string,
  lineno: number,
  module?: string | null,
  registry?: Map<string, unknown> | null,
): void;
/** `warn_explicit` with keyword arguments. */
export function warn_explicit(
  message: unknown,
  category: WarningCategory | null,
  filename: string,
  lineno: number,
  kwargs: WarnExplicitOptions,
): void;
export function warn_explicit(...args: unknown[]): void {
  const a = WARN_EXPLICIT.bind(args);
  warnExplicitImpl(
    a.message,
    a.category as WarningCategory,
    a.filename,
    a.lineno,
    a.module,
    a.registry,
    a.source,
  );
}

function warnExplicitImpl(
  message: unknown,
  category: WarningCategory,
  filename: string,
  lineno: number,
  module: string | null | undefined,
  registry: Map<string, unknown> | null,
  source: unknown,
): void {
  // CPython's C implementation (what CPython runs): an explicit module=None drops the warning.
  if (module === null) return;
  if (registry !== null && registry !== undefined && !(registry instanceof Map)) {
    throw new TypeError("'registry' must be a dict or None");
  }
  lineno = Math.trunc(Number(lineno));
  if (module === undefined) {
    module = filename || "<unknown>";
    if (module.slice(-3).toLowerCase() === ".py") module = module.slice(0, -3);
  }
  const reg = registry ?? null;
  let text: string;
  let warning: Warning;
  if (message instanceof Warning) {
    text = str(message);
    category = message.constructor as WarningCategory;
    warning = message;
  } else {
    if (typeof category !== "function") {
      throw new TypeError(`'${typeNameOf(category)}' object is not callable`);
    }
    text = typeof message === "string" ? message : str(message);
    warning = new category(message);
  }
  const key = keyOf(text, category, lineno);
  if (reg !== null && alreadyWarned(reg, key, false)) return;
  let action: string = defaultaction;
  let item: Filter | null = null;
  for (const f of filters) {
    const [act, msg, cat, mod, ln] = f;
    if (
      (msg === null || matches(msg, text)) && issubclass(category, cat) &&
      (mod === null || matches(mod, module)) && (ln === 0 || lineno === ln)
    ) {
      action = act;
      item = f;
      break;
    }
  }
  if (action === "error") throw warning;
  if (action === "ignore") return;
  let seen = false;
  if (action !== "always" && action !== "all") {
    if (reg !== null) reg.set(key, true);
    if (action === "once") {
      // With a registry, CPython's C code keeps "once" in it (like "module"); without, in the once-registry.
      seen = alreadyWarned(reg ?? onceregistry, keyOf(text, category, null), true);
    } else if (action === "module") {
      if (reg !== null) seen = alreadyWarned(reg, keyOf(text, category, null), true);
    } else if (action !== "default") {
      throw new RuntimeError(
        `Unrecognized action (${repr(action)}) in warnings.filters:\n ${filterRepr(item)}`,
      );
    }
  }
  if (seen) return;
  showwarnmsg(new WarningMessage(warning, category, filename, lineno, null, null, source));
}

/** CPython's `already_warned`: clear a stale registry, report (and maybe record) `key`. */
function alreadyWarned(registry: Map<string, unknown>, key: string, set: boolean): boolean {
  if (registry.get("version") !== filtersVersion) {
    registry.clear();
    registry.set("version", filtersVersion);
  } else if (registry.get(key)) {
    return true;
  }
  if (set) registry.set(key, true);
  return false;
}

const categoryIds = new Map<WarningCategory, number>();
function keyOf(text: string, category: WarningCategory, lineno: number | null): string {
  let id = categoryIds.get(category);
  if (id === undefined) categoryIds.set(category, id = categoryIds.size);
  return JSON.stringify([text, id, lineno]);
}

function matches(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

function filterRepr(f: Filter | null): string {
  if (!f) return "None";
  const [a, m, c, mod, ln] = f;
  return `(${repr(a)}, ${m ? `re.compile(${repr(m.source)})` : "None"}, <class '${c.name}'>, ${
    mod ? `re.compile(${repr(mod.source)})` : "None"
  }, ${ln})`;
}

// ------------------------------------------------------------------ showing

/** A `showwarning` function: Python's `showwarning(message, category, filename, lineno, file, line)`. */
export type ShowWarning = (
  message: Warning,
  category: WarningCategory,
  filename: string,
  lineno: number,
  file?: { write(s: string): unknown } | null,
  line?: string | null,
) => void;

let showImpl: ((msg: WarningMessage) => void) | null = null; // a recorder, while catch_warnings records
let showHook: ShowWarning | null = null; // the user's showwarning, while one is set

function showwarnmsg(msg: WarningMessage): void {
  if (showHook !== null) {
    showHook(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line);
    return;
  }
  if (showImpl !== null) {
    showImpl(msg);
    return;
  }
  writeWarning(msg);
}

function writeWarning(msg: WarningMessage): void {
  const file = msg.file ?? stderrStream();
  if (file === null || file === undefined) return;
  const text = formatImpl(msg);
  try {
    if (isFileLike(file)) file.write(text);
  } catch (e) {
    if (!(e instanceof Error && e.name === "OSError")) throw e;
  }
}

function sourceLine(filename: string, lineno: number): string | null {
  if (lineno <= 0 || filename.startsWith("<")) return null;
  try {
    const path = filename.startsWith("/") ? filename : null;
    if (path === null) return null;
    if (Deno.permissions.querySync({ name: "read", path }).state !== "granted") return null;
    const lines = Deno.readTextFileSync(path).split("\n");
    return lines[lineno - 1] ?? null;
  } catch {
    return null;
  }
}

function formatImpl(msg: WarningMessage): string {
  let s = `${msg.filename}:${msg.lineno}: ${msg.category.name}: ${str(msg.message)}\n`;
  let line = msg.line;
  if (line === null || line === undefined) line = sourceLine(msg.filename, msg.lineno);
  if (line) s += `  ${line.trim()}\n`;
  return s;
}

const FORMATWARNING = new Signature<{
  message: unknown;
  category: WarningCategory;
  filename: string;
  lineno: number;
  line: string | null;
}>("formatwarning", ["message", "category", "filename", "lineno", "line"], { line: null });

/**
 * Python's `warnings.formatwarning(message, category, filename, lineno, line=None)`:
 * `file:line: Category: message\n`, then the source line indented when it
 * is given or can be read.
 *
 * @param message the warning or its text
 * @param category the warning class
 * @param filename the file
 * @param lineno the line number
 * @param line the source line; `null` reads it from the file when allowed
 * @returns the formatted warning
 *
 * @example
 * ```ts
 * // Python: warnings.formatwarning("m", UserWarning, "f.py", 3, "x = 1")
 * import { formatwarning, UserWarning } from "@pyweb/std/warnings";
 * import assert from "node:assert/strict";
 * assert.equal(formatwarning("m", UserWarning, "f.py", 3, "x = 1"), "f.py:3: UserWarning: m\n  x = 1\n");
 * ```
 */
export function formatwarning(
  message: unknown,
  category: WarningCategory,
  filename: string,
  lineno: number,
  line?: string | null,
): string;
export function formatwarning(...args: unknown[]): string {
  const a = FORMATWARNING.bind(args);
  return formatImpl(new WarningMessage(a.message as Warning, a.category, a.filename, a.lineno, null, a.line));
}

const SHOWWARNING = new Signature<{
  message: unknown;
  category: WarningCategory;
  filename: string;
  lineno: number;
  file: { write(s: string): unknown } | null;
  line: string | null;
}>("showwarning", ["message", "category", "filename", "lineno", "file", "line"], { file: null, line: null });

/**
 * Python's `warnings.showwarning(message, category, filename, lineno, file=None, line=None)`:
 * write {@link formatwarning}'s text to `file`, or to the current `sys.stderr`.
 *
 * To replace it (Python's `warnings.showwarning = fn`), pass a function to
 * {@link setShowwarning}; {@link catch_warnings} restores the previous one.
 *
 * @param message the warning
 * @param category the warning class
 * @param filename the file
 * @param lineno the line number
 * @param file where to write; default `sys.stderr`
 * @param line the source line
 *
 * @example
 * ```ts
 * // Python: warnings.showwarning("m", UserWarning, "f.py", 3, file=buf, line="")
 * import { showwarning, UserWarning } from "@pyweb/std/warnings";
 * import { StringIO } from "@pyweb/std/io";
 * import assert from "node:assert/strict";
 * const buf = new StringIO();
 * showwarning("m", UserWarning, "f.py", 3, buf, "");
 * assert.equal(buf.getvalue(), "f.py:3: UserWarning: m\n");
 * ```
 */
export function showwarning(
  message: unknown,
  category: WarningCategory,
  filename: string,
  lineno: number,
  file?: { write(s: string): unknown } | null,
  line?: string | null,
): void;
export function showwarning(...args: unknown[]): void {
  const a = SHOWWARNING.bind(args);
  writeWarning(new WarningMessage(a.message as Warning, a.category, a.filename, a.lineno, a.file, a.line));
}

/**
 * Python's `warnings.showwarning = fn`: make `fn` show every warning that
 * passes the filters (a module's functions cannot be assigned to in
 * JavaScript). `null` brings back {@link showwarning}.
 *
 * @param fn the replacement, called as `showwarning` is
 *
 * @example
 * ```ts
 * // Python: warnings.showwarning = lambda m, c, f, l, *a: seen.append(str(m))
 * import { catch_warnings, setShowwarning, warn } from "@pyweb/std/warnings";
 * import assert from "node:assert/strict";
 * const seen: string[] = [];
 * using _ = catch_warnings({ action: "always" });
 * setShowwarning((m) => seen.push(String(m)));
 * warn("hi");
 * assert.deepEqual(seen, ["hi"]);
 * ```
 */
export function setShowwarning(fn: ShowWarning | null): void {
  if (fn !== null && typeof fn !== "function") {
    throw new TypeError("warnings.showwarning() must be set to a function or method");
  }
  showHook = fn === showwarning ? null : fn;
}

// ------------------------------------------------------------------ filters

function checkAction(action: unknown): Action {
  if (typeof action !== "string" || !ACTIONS.has(action)) {
    throw new ValueError(`invalid action: ${repr(action)}`);
  }
  return action as Action;
}

function checkLineno(lineno: unknown): number {
  if (typeof lineno !== "number" || !Number.isInteger(lineno)) throw new TypeError("lineno must be an int");
  if (lineno < 0) throw new ValueError("lineno must be an int >= 0");
  return lineno;
}

/** Python's regex syntax for the common cases, matched at the start (Python's `re.match`). */
function compile(pattern: string, ignoreCase: boolean): RegExp {
  const src = pattern.replace(/\\A/g, "^").replace(/\\Z/g, "$").replace(/\(\?P</g, "(?<").replace(
    /\(\?P=(\w+)\)/g,
    "\\k<$1>",
  );
  return new RegExp(src, ignoreCase ? "iuy" : "uy");
}

function addFilter(item: Filter, append: boolean): void {
  const same = (f: Filter) =>
    f[0] === item[0] && f[1]?.source === item[1]?.source && f[1]?.flags === item[1]?.flags &&
    f[2] === item[2] && f[3]?.source === item[3]?.source && f[4] === item[4];
  if (!append) {
    const i = filters.findIndex(same);
    if (i >= 0) filters.splice(i, 1);
    filters.unshift(item);
  } else if (!filters.some(same)) {
    filters.push(item);
  }
  filtersMutated();
}

function filtersMutated(): void {
  filtersVersion++;
}

const FILTERWARNINGS = new Signature<{
  action: Action;
  message: string;
  category: WarningCategory;
  module: string;
  lineno: number;
  append: boolean;
}>(
  "filterwarnings",
  ["action", "message", "category", "module", "lineno", "append"],
  { message: "", category: Warning, module: "", lineno: 0, append: false },
);

/** Keyword arguments of {@link filterwarnings}. */
export interface FilterwarningsOptions {
  /** A regex the start of the warning's text must match (case-insensitive); default any. */
  message?: string;
  /** The class the warning must be (a subclass of); default {@link Warning}. */
  category?: WarningCategory;
  /** A regex the start of the warning's module name must match; default any. */
  module?: string;
  /** The line the warning must come from; 0 (default) any. */
  lineno?: number;
  /** Add at the end instead of the front. */
  append?: boolean;
}

/**
 * Python's `warnings.filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False)`.
 *
 * Actions: `"default"` (once per location), `"error"` (raise), `"ignore"`,
 * `"always"`, `"module"` (once per module), `"once"` (once in all).
 * `message` and `module` are regular expressions matched at the start.
 *
 * @param action what to do with matching warnings
 * @param message a regex for the warning's text
 * @param category the warning class to match
 * @param module a regex for the module name
 * @param lineno the line to match, 0 for any
 * @param append add at the end rather than the front
 *
 * @example
 * ```ts
 * // Python: warnings.filterwarnings("error", message="bad", category=UserWarning)
 * import { catch_warnings, filterwarnings, UserWarning, warn } from "@pyweb/std/warnings";
 * import assert from "node:assert/strict";
 * using _ = catch_warnings();
 * filterwarnings("error", "bad", UserWarning);
 * assert.throws(() => warn("bad thing"), UserWarning);
 * ```
 */
export function filterwarnings(
  action: Action,
  message?: string,
  category?: WarningCategory,
  module?: string,
  lineno?: number,
  append?: boolean,
): void;
/** `filterwarnings` with keyword arguments. */
export function filterwarnings(action: Action, kwargs: FilterwarningsOptions): void;
/** `filterwarnings` with every argument by keyword. */
export function filterwarnings(kwargs: { action: Action } & FilterwarningsOptions): void;
export function filterwarnings(...args: unknown[]): void {
  const a = FILTERWARNINGS.bind(args);
  const action = checkAction(a.action);
  if (typeof a.message !== "string") throw new TypeError("message must be a string");
  if (!isCategory(a.category)) throw new TypeError("category must be a Warning subclass");
  if (typeof a.module !== "string") throw new TypeError("module must be a string");
  const lineno = checkLineno(a.lineno);
  addFilter([
    action,
    a.message ? compile(a.message, true) : null,
    a.category,
    a.module ? compile(a.module, false) : null,
    lineno,
  ], Boolean(a.append));
}

const SIMPLEFILTER = new Signature<{
  action: Action;
  category: WarningCategory;
  lineno: number;
  append: boolean;
}>("simplefilter", ["action", "category", "lineno", "append"], {
  category: Warning,
  lineno: 0,
  append: false,
});

/**
 * Python's `warnings.simplefilter(action, category=Warning, lineno=0, append=False)`:
 * a filter for every message and module.
 *
 * @param action what to do with matching warnings
 * @param category the warning class to match
 * @param lineno the line to match, 0 for any
 * @param append add at the end rather than the front
 *
 * @example
 * ```ts
 * // Python: warnings.simplefilter("ignore")
 * import { catch_warnings, simplefilter, warn } from "@pyweb/std/warnings";
 * import assert from "node:assert/strict";
 * using w = catch_warnings({ record: true });
 * simplefilter("ignore");
 * warn("quiet");
 * assert.equal(w.length, 0);
 * ```
 */
export function simplefilter(
  action: Action,
  category?: WarningCategory,
  lineno?: number,
  append?: boolean,
): void;
/** `simplefilter` with keyword arguments. */
export function simplefilter(
  action: Action,
  kwargs: { category?: WarningCategory; lineno?: number; append?: boolean },
): void;
export function simplefilter(...args: unknown[]): void {
  const a = SIMPLEFILTER.bind(args);
  const action = checkAction(a.action);
  const lineno = checkLineno(a.lineno);
  if (!isCategory(a.category)) throw new TypeError("category must be a Warning subclass");
  addFilter([action, null, a.category, null, lineno], Boolean(a.append));
}

/**
 * Python's `warnings.resetwarnings()`: remove every filter (so the default
 * action, `"default"`, applies to all warnings).
 *
 * @example
 * ```ts
 * // Python: warnings.resetwarnings()
 * import { catch_warnings, filters, resetwarnings } from "@pyweb/std/warnings";
 * import assert from "node:assert/strict";
 * using _ = catch_warnings();
 * resetwarnings();
 * assert.equal(filters.length, 0);
 * ```
 */
export function resetwarnings(): void {
  filters.length = 0;
  filtersMutated();
}

// --------------------------------------------------------- catch_warnings

/** Keyword arguments of {@link catch_warnings}. */
export interface CatchWarningsOptions {
  /** Record warnings in the returned list instead of showing them. */
  record?: boolean;
  /** Accepted for compatibility (Python's module to patch); unused. */
  module?: unknown;
  /** If given, `simplefilter(action, category, lineno, append)` on entry. */
  action?: Action | null;
  /** The category for `action`. */
  category?: WarningCategory;
  /** The line number for `action`. */
  lineno?: number;
  /** Whether `action`'s filter is appended. */
  append?: boolean;
}

const CATCH_WARNINGS = new Signature<{
  record: boolean;
  module: unknown;
  action: Action | null;
  category: WarningCategory;
  lineno: number;
  append: boolean;
}>(
  "catch_warnings.__init__",
  ["self", "*", "record", "module", "action", "category", "lineno", "append"],
  { record: false, module: null, action: null, category: Warning, lineno: 0, append: false },
);

/**
 * What {@link catch_warnings} returns: the list of recorded
 * {@link WarningMessage}s (empty unless `record` is true), which puts the
 * filters and `showwarning` back when disposed.
 */
export class WarningsRecorder extends Array<WarningMessage> implements Disposable {
  /** Derived arrays (`map`, `filter`) are plain arrays. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  #saved: { filters: Filter[]; showImpl: typeof showImpl; showHook: ShowWarning | null } | null = null;
  /** @internal */
  _enter(record: boolean): void {
    this.#saved = { filters, showImpl, showHook };
    filters = filters.slice();
    filtersMutated();
    if (record) {
      showHook = null;
      showImpl = (m) => {
        this.push(m);
      };
    }
  }
  /** Python's `__exit__`: restore the filters and `showwarning`. */
  [Symbol.dispose](): void {
    const s = this.#saved;
    if (s === null) throw new RuntimeError(`Cannot exit catch_warnings without entering first`);
    filters = s.filters;
    filtersMutated();
    showImpl = s.showImpl;
    showHook = s.showHook;
    this.#saved = null;
  }
  /** Python's `__exit__`, for code that does not use `using`. */
  __exit__(..._exc: unknown[]): void {
    this[Symbol.dispose]();
  }
}

/**
 * Python's `with warnings.catch_warnings(record=False, *, action=None, ...) as w:`:
 * save the filters and `showwarning` now, and put them back when the result
 * is disposed, so `using w = catch_warnings({ record: true })` is the `with`
 * block. With `record: true`, warnings that pass the filters are appended to
 * `w` as {@link WarningMessage}s instead of being shown.
 *
 * @param kwargs `record`, and `action`/`category`/`lineno`/`append` for a simplefilter on entry
 * @returns the list of recorded warnings, disposable
 *
 * @example
 * ```ts
 * // Python: with warnings.catch_warnings(record=True) as w:
 * //             warnings.simplefilter("always"); warnings.warn("x")
 * import { catch_warnings, simplefilter, UserWarning, warn } from "@pyweb/std/warnings";
 * import assert from "node:assert/strict";
 * {
 *   using w = catch_warnings({ record: true });
 *   simplefilter("always");
 *   warn("x");
 *   assert.equal(w.length, 1);
 *   assert.equal(w[0].category, UserWarning);
 * }
 * ```
 */
export function catch_warnings(kwargs?: CatchWarningsOptions): WarningsRecorder;
export function catch_warnings(...args: unknown[]): WarningsRecorder {
  const a = CATCH_WARNINGS.bind(args);
  const w = new WarningsRecorder();
  w._enter(Boolean(a.record));
  if (a.action !== null && a.action !== undefined) {
    simplefilter(a.action, a.category, a.lineno, a.append);
  }
  return w;
}
