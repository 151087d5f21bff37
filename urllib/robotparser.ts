/**
 * Python's `urllib.robotparser`: answers "may this agent fetch this URL?"
 * from a robots.txt file, with RFC 9309's rules (longest match wins, `Allow`
 * wins ties, `*` and `$` patterns, groups of one agent merged), exactly as
 * CPython 3.14's module does.
 *
 * ```python
 * rp = urllib.robotparser.RobotFileParser()
 * rp.parse(["User-agent: *", "Disallow: /private/", "Allow: /private/ok$"])
 * rp.can_fetch("mybot", "http://example.com/private/ok")   # True
 * ```
 *
 * ```ts
 * import { RobotFileParser } from "@pyweb/std/urllib/robotparser";
 * const rp = new RobotFileParser();
 * rp.parse(["User-agent: *", "Disallow: /private/", "Allow: /private/ok$"]);
 * rp.can_fetch("mybot", "http://example.com/private/ok"); // true
 * ```
 *
 * @module
 */

import { encode } from "../_util/codecs.ts";
import { NamedTuple, namedTuple } from "../_util/namedtuple.ts";
import { pystr } from "../_util/repr.ts";
import { ValueError } from "../_util/exceptions.ts";
import { Signature } from "../_util/signature.ts";
import { truthy } from "../_util/builtins.ts";
import { percentDecode, quoteBytes, urlsplitRaw } from "./_request_url.ts";
import { HTTPError } from "./error.ts";
import { urlopen } from "./request.ts";

/**
 * Python's `RequestRate(requests, seconds)` named tuple.
 *
 * @example
 * ```ts
 * import { RequestRate } from "@pyweb/std/urllib/robotparser";
 * import { repr } from "@pyweb/std";
 * import assert from "node:assert/strict";
 * assert.equal(repr(new RequestRate(3, 20)), "RequestRate(requests=3, seconds=20)");
 * ```
 */
export class RequestRate extends NamedTuple {
  /** How many requests… */
  readonly requests: number;
  /** …per this many seconds. */
  readonly seconds: number;
  /**
   * Create the object, with Python's constructor arguments.
   * @param requests how many requests
   * @param seconds per this many seconds
   */
  constructor(requests: number, seconds: number) {
    super();
    this.requests = requests;
    this.seconds = seconds;
  }
}
namedTuple(RequestRate as unknown as typeof NamedTuple, ["requests", "seconds"]);

const NORMALIZE = new Signature<{ path: string }>("normalize", ["path"]);
const NORMALIZE_URI = new Signature<{ path: string }>("normalize_uri", ["path"]);
const NORMALIZE_PATTERN = new Signature<{ path: string }>("normalize_pattern", ["path"]);
const TRANSLATE_PATTERN = new Signature<{ path: string }>("translate_pattern", ["path"]);
const MERGE_ENTRIES = new Signature<{ e1: Entry; e2: Entry }>("merge_entries", ["e1", "e2"]);
const RULE_LINE_INIT = new Signature<{ path: string; allowance: unknown }>("RuleLine.__init__", [
  "self",
  "path",
  "allowance",
]);
const RULE_LINE_APPLIES_TO = new Signature<{ filename: string }>("RuleLine.applies_to", ["self", "filename"]);
const ENTRY_APPLIES_TO = new Signature<{ useragent: string | null }>("Entry.applies_to", [
  "self",
  "useragent",
]);
const ENTRY_ALLOWANCE = new Signature<{ filename: string }>("Entry.allowance", ["self", "filename"]);
const RFP_INIT = new Signature<{ url: string }>("RobotFileParser.__init__", ["self", "url"], { url: "" });
const RFP_SET_URL = new Signature<{ url: string }>("RobotFileParser.set_url", ["self", "url"]);
const RFP_PARSE = new Signature<{ lines: Iterable<string> }>("RobotFileParser.parse", ["self", "lines"]);
const RFP_CAN_FETCH = new Signature<{ useragent: string; url: string }>("RobotFileParser.can_fetch", [
  "self",
  "useragent",
  "url",
]);
const RFP_CRAWL_DELAY = new Signature<{ useragent: string }>("RobotFileParser.crawl_delay", [
  "self",
  "useragent",
]);
const RFP_REQUEST_RATE = new Signature<{ useragent: string }>("RobotFileParser.request_rate", [
  "self",
  "useragent",
]);

/** Python's `normalize(path)`: percent-decode, then quote again (UTF-8, surrogateescape). */
export function normalize(path: string): string;
/** `normalize({ path })`. */
export function normalize(kwargs: { path: string }): string;
export function normalize(...args: unknown[]): string {
  return normalizeImpl(NORMALIZE.bind(args).path);
}

function normalizeImpl(path: string): string {
  // Fast path: nothing to decode or quote (letters, digits, "_.-~/" only).
  let i = 0;
  for (; i < path.length; i++) {
    const c = path.charCodeAt(i);
    // a-z, A-Z, "-", ".", "/", 0-9, "_", "~"
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 45 && c <= 57) || c === 95 || c === 126)) {
      break;
    }
  }
  if (i === path.length) return path;
  return quoteBytes(percentDecode(encode(path, "utf-8", "surrogateescape")), "/");
}

function replaceRuns(s: string, stops: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    if (stops.includes(s[i])) {
      out += s[i++];
      continue;
    }
    let j = i;
    while (j < s.length && !stops.includes(s[j])) j++;
    out += normalizeImpl(s.slice(i, j));
    i = j;
  }
  return out;
}

/** Python's `normalize_uri(path)`: normalize the path and each query key and value. */
export function normalize_uri(path: string): string;
/** `normalize_uri({ path })`. */
export function normalize_uri(kwargs: { path: string }): string;
export function normalize_uri(...args: unknown[]): string {
  return normalizeUri(NORMALIZE_URI.bind(args).path);
}

function normalizeUri(path: string): string {
  const q = path.indexOf("?");
  if (q < 0) return normalizeImpl(path);
  return normalizeImpl(path.slice(0, q)) + "?" + replaceRuns(path.slice(q + 1), "=&");
}

/** Python's `normalize_pattern(path)`: like `normalize_uri`, keeping `*` and `$`. */
export function normalize_pattern(path: string): string;
/** `normalize_pattern({ path })`. */
export function normalize_pattern(kwargs: { path: string }): string;
export function normalize_pattern(...args: unknown[]): string {
  return normalizePattern(NORMALIZE_PATTERN.bind(args).path);
}

function normalizePattern(path: string): string {
  const q = path.indexOf("?");
  if (q < 0) return replaceRuns(path, "*$");
  return replaceRuns(path.slice(0, q), "*$") + "?" + replaceRuns(path.slice(q + 1), "=&*$");
}

/** Python's `re.escape` (3.7+): a backslash before each regex-special character. */
function reEscape(s: string): string {
  return s.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, (c) => "\\" + c);
}

/**
 * Python's `translate_pattern(path)`: a robots.txt pattern with `*` as the text of a Python regular
 * expression (`re` syntax, atomic groups for the inner parts), as `RuleLine` compiles it in CPython.
 * Our `RuleLine` matches patterns without a regex; this is the same function for code that calls it.
 *
 * @example
 * ```ts
 * import { translate_pattern } from "@pyweb/std/urllib/robotparser";
 * import assert from "node:assert/strict";
 * assert.equal(translate_pattern("/a*b*.gif"), "/a(?>.*?b).*\\.gif");
 * ```
 */
export function translate_pattern(path: string): string;
/** `translate_pattern({ path })`. */
export function translate_pattern(kwargs: { path: string }): string;
export function translate_pattern(...args: unknown[]): string {
  const { path } = TRANSLATE_PATTERN.bind(args);
  const parts = path.split("*").map(reEscape);
  for (let i = 1; i < parts.length - 1; i++) parts[i] = `(?>.*?${parts[i]})`;
  parts[parts.length - 1] = `.*${parts[parts.length - 1]}`;
  return parts.join("");
}

/**
 * One `Allow:` or `Disallow:` line (Python's `RuleLine`).
 *
 * @example
 * ```ts
 * import { RuleLine } from "@pyweb/std/urllib/robotparser";
 * import assert from "node:assert/strict";
 * const rule = new RuleLine("/a*b$", false);
 * assert.equal(rule.applies_to("/axxb"), 6);
 * assert.equal(rule.applies_to("/axxbc"), 0);
 * ```
 */
export class RuleLine {
  /** The normalised path pattern, without a trailing `$`. */
  path: string;
  /** True for `Allow`. */
  allowance: boolean;
  /** True when the pattern ended with `$`. */
  fullmatch: boolean;
  #parts: string[] | null;

  /**
   * Create the object, with Python's constructor arguments.
   * @param path the rule's value
   * @param allowance true for `Allow:`
   * @throws {ValueError} when `$` appears before the end
   */
  constructor(path: string, allowance: boolean);
  /** `new RuleLine(path, { allowance })` and `new RuleLine({ path, allowance })`. */
  constructor(...args: [string, { allowance: boolean }] | [{ path: string; allowance: boolean }]);
  constructor(...args: unknown[]) {
    let { path, allowance } = RULE_LINE_INIT.bind(args);
    if (path === "" && !truthy(allowance)) allowance = true;
    path = path.replace(/\*{2,}/g, "*").replace(/\$[$*]+/g, "$");
    path = normalizePattern(path);
    this.fullmatch = path.endsWith("$");
    path = path.replace(/\$+$/, "");
    if (path.includes("$")) throw new ValueError("$ not at the end of path");
    this.#parts = path.includes("*") ? path.split("*") : null;
    this.path = path;
    this.allowance = allowance as boolean;
  }

  /**
   * The matched length plus one, or 0 when the rule does not match.
   * @param filename the normalised path and query
   * @returns the match score
   */
  applies_to(filename: string): number;
  /** `applies_to({ filename })`. */
  applies_to(kwargs: { filename: string }): number;
  applies_to(...args: unknown[]): number {
    return this._applies_to(RULE_LINE_APPLIES_TO.bind(args).filename);
  }

  /** `applies_to` without argument binding, for {@link Entry.allowance}'s loop. */
  _applies_to(filename: string): number {
    const parts = this.#parts;
    if (parts === null) {
      if (this.fullmatch) return filename === this.path ? this.path.length + 1 : 0;
      return filename.startsWith(this.path) ? this.path.length + 1 : 0;
    }
    // A pattern a*b*c: the first part anchors at 0, middle parts take their
    // first occurrence (atomic), the last part its last (or, with $, the end).
    if (!filename.startsWith(parts[0])) return 0;
    let pos = parts[0].length;
    for (let i = 1; i < parts.length - 1; i++) {
      const k = filename.indexOf(parts[i], pos);
      if (k < 0) return 0;
      pos = k + parts[i].length;
    }
    const last = parts[parts.length - 1];
    if (this.fullmatch) {
      if (filename.length - last.length < pos || !filename.endsWith(last)) return 0;
      return filename.length + 1;
    }
    const k = filename.lastIndexOf(last);
    if (k < pos) return 0;
    return k + last.length + 1;
  }

  /** Python's `str(rule)`. */
  [pystr](): string {
    return (this.allowance ? "Allow" : "Disallow") + ": " + this.path + (this.fullmatch ? "$" : "");
  }
  /** Python's `str(rule)`. */
  toString(): string {
    return this[pystr]();
  }
}

/**
 * One group of robots.txt (Python's `Entry`): user agents and their rules.
 *
 * @example
 * ```ts
 * import { Entry, RuleLine } from "@pyweb/std/urllib/robotparser";
 * import assert from "node:assert/strict";
 * const e = new Entry();
 * e.useragents.push("FooBot");
 * e.rulelines.push(new RuleLine("/x", false));
 * assert.equal(e.applies_to("foobot/1.0"), true);
 * assert.equal(e.allowance("/xy"), false);
 * ```
 */
export class Entry {
  /** The group's `User-agent` values. */
  useragents: string[] = [];
  /** The group's rules. */
  rulelines: RuleLine[] = [];
  /** `Crawl-delay`, or `null`. */
  delay: number | null = null;
  /** `Request-rate`, or `null`. */
  req_rate: RequestRate | null = null;

  /**
   * Does this group apply to `useragent`? (substring match of the product token)
   * @param useragent the agent, or `null` for "*"
   * @returns true if it applies
   */
  applies_to(useragent: string | null): boolean;
  /** `applies_to({ useragent })`. */
  applies_to(kwargs: { useragent: string | null }): boolean;
  applies_to(...args: unknown[]): boolean {
    return this._applies_to(ENTRY_APPLIES_TO.bind(args).useragent);
  }

  /** `applies_to` without argument binding. */
  _applies_to(useragent: string | null): boolean {
    if (useragent === null || useragent === undefined) return this.useragents.includes("*");
    const ua = useragent.split("/")[0].toLowerCase();
    for (const agent of this.useragents) {
      if (agent !== "*" && ua.includes(agent.toLowerCase())) return true;
    }
    return false;
  }

  /**
   * May the agent fetch `filename`? Longest match wins, `Allow` wins ties.
   * @param filename the normalised path and query
   * @returns true when allowed
   */
  allowance(filename: string): boolean;
  /** `allowance({ filename })`. */
  allowance(kwargs: { filename: string }): boolean;
  allowance(...args: unknown[]): boolean {
    return this._allowance(ENTRY_ALLOWANCE.bind(args).filename);
  }

  /** `allowance` without argument binding. */
  _allowance(filename: string): boolean {
    let best = -1;
    let allowance = true;
    for (const line of this.rulelines) {
      const m = line._applies_to(filename);
      if (m) {
        if (m > best) {
          best = m;
          allowance = line.allowance;
        } else if (m === best && !allowance) {
          allowance = line.allowance;
        }
      }
    }
    return allowance;
  }

  /** Python's `str(entry)`. */
  [pystr](): string {
    if (!this.useragents.length) return "";
    const ret = this.useragents.map((a) => `User-agent: ${a}`);
    if (this.delay !== null) ret.push(`Crawl-delay: ${this.delay}`);
    if (this.req_rate !== null) ret.push(`Request-rate: ${this.req_rate.requests}/${this.req_rate.seconds}`);
    if (this.rulelines.length) ret.push(...this.rulelines.map(String));
    else ret.push("Allow:");
    return ret.join("\n");
  }
  /** Python's `str(entry)`. */
  toString(): string {
    return this[pystr]();
  }
}

/** Python's `merge_entries(e1, e2)`: two groups of the same agent become one. */
export function merge_entries(e1: Entry, e2: Entry): Entry;
/** `merge_entries({ e1, e2 })`. */
export function merge_entries(kwargs: { e1: Entry; e2: Entry }): Entry;
export function merge_entries(...args: unknown[]): Entry {
  const { e1, e2 } = MERGE_ENTRIES.bind(args);
  return mergeEntries(e1, e2);
}

function mergeEntries(e1: Entry, e2: Entry): Entry {
  const entry = new Entry();
  const in2 = new Set(e2.useragents);
  entry.useragents = e1.useragents.filter((a) => in2.has(a));
  entry.rulelines = [...e1.rulelines, ...e2.rulelines];
  entry.delay = e2.delay === null ? e1.delay : e2.delay;
  entry.req_rate = e2.req_rate === null ? e1.req_rate : e2.req_rate;
  return entry;
}

function isDigits(s: string): boolean {
  // Python's str.isdigit() on ASCII-range text; other Unicode digits are rare in robots.txt
  return s.length > 0 && /^\p{Nd}+$/u.test(s);
}

function pyInt(s: string): number {
  return parseInt(s.trim().replace(/\p{Nd}/gu, (d) => String(Number.parseInt(d, 10) || digitValue(d))), 10);
}

function digitValue(d: string): number {
  const cp = d.codePointAt(0)!;
  // Unicode Nd digits come in contiguous runs of ten starting at a zero.
  for (let z = cp; z > cp - 10; z--) {
    if (!/\p{Nd}/u.test(String.fromCodePoint(z - 1))) return cp - z;
  }
  return 0;
}

// deno-lint-ignore no-control-regex
const PY_WS = /[\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

function pyStrip(s: string): string {
  let i = 0, j = s.length;
  while (i < j && PY_WS.test(s[i])) i++;
  while (j > i && PY_WS.test(s[j - 1])) j--;
  return s.slice(i, j);
}

function splitLinesPy(text: string): string[] {
  // str.splitlines(): \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029
  // deno-lint-ignore no-control-regex
  return text.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/).filter((_, i, a) =>
    i < a.length - 1 || a[i] !== ""
  );
}

/**
 * Python's `urllib.robotparser.RobotFileParser(url='')`.
 *
 * @example
 * ```ts
 * import { RobotFileParser } from "@pyweb/std/urllib/robotparser";
 * import assert from "node:assert/strict";
 * const rp = new RobotFileParser();
 * rp.parse([
 *   "User-agent: *",
 *   "Disallow: /cgi-bin/",
 *   "Allow: /cgi-bin/public",
 *   "Crawl-delay: 2",
 *   "Sitemap: http://example.com/sitemap.xml",
 * ]);
 * assert.equal(rp.can_fetch("bot", "http://example.com/cgi-bin/x"), false);
 * assert.equal(rp.can_fetch("bot", "http://example.com/cgi-bin/public/y"), true);
 * assert.equal(rp.crawl_delay("bot"), 2);
 * assert.deepEqual(rp.site_maps(), ["http://example.com/sitemap.xml"]);
 * ```
 */
export class RobotFileParser {
  /** The groups, in file order. */
  entries: Entry[] = [];
  /** Lower-cased agent → its (merged) group. */
  groups: Map<string, Entry> = new Map();
  /** `Sitemap:` values. */
  sitemaps: string[] = [];
  /** Always `null` since the RFC 9309 rewrite (kept for Python compatibility). */
  default_entry: Entry | null = null;
  /** Set when robots.txt answered 401 or 403. */
  disallow_all = false;
  /** Set when robots.txt answered another 4xx. */
  allow_all = false;
  /** The robots.txt URL. */
  url = "";
  /** Its host. */
  host = "";
  /** Its path. */
  path = "";
  /** When it was last read or parsed (seconds since the epoch), 0 before. */
  last_checked = 0;

  /**
   * Create the object, with Python's constructor arguments.
   * @param url the robots.txt URL
   */
  constructor(url?: string);
  /** `new RobotFileParser({ url })`. */
  constructor(kwargs: { url?: string });
  constructor(...args: unknown[]) {
    const { url } = RFP_INIT.bind(args);
    this.#setUrl(url);
  }

  /**
   * Python's `mtime()`.
   * @returns when robots.txt was last fetched (seconds), 0 if never
   */
  mtime(): number {
    return this.last_checked;
  }

  /** Python's `modified()`: record "fetched now". */
  modified(): void {
    this.last_checked = Date.now() / 1000;
  }

  /**
   * Python's `set_url(url)`.
   * @param url the robots.txt URL
   */
  set_url(url: string): void;
  /** `set_url({ url })`. */
  set_url(kwargs: { url: string }): void;
  set_url(...args: unknown[]): void {
    const { url } = RFP_SET_URL.bind(args);
    this.#setUrl(url);
  }

  #setUrl(url: string): void {
    this.url = url;
    const parts = urlsplitRaw(url, "");
    this.host = parts[1] ?? "";
    this.path = parts[2];
  }

  /** Fetch robots.txt with `urlopen` and parse it (401/403 disallow all, other 4xx allow all). */
  async read(): Promise<void> {
    let f;
    try {
      f = await urlopen(this.url);
    } catch (err) {
      if (!(err instanceof HTTPError)) throw err;
      if (err.code === 401 || err.code === 403) this.disallow_all = true;
      else if (err.code >= 400 && err.code < 500) this.allow_all = true;
      err.close();
      return;
    }
    try {
      const raw = await f.read();
      this.#parse(splitLinesPy(raw.decode("utf-8", "surrogateescape")));
    } finally {
      f.close();
    }
  }

  /**
   * Python's `_add_entry(entry)`: append a group and merge it into {@link groups} under each of its
   * agents (lower-cased).
   *
   * @param entry the group
   */
  _add_entry(entry: Entry): void {
    this.entries.push(entry);
    for (const a of entry.useragents) {
      const agent = a.toLowerCase();
      const prev = this.groups.get(agent);
      this.groups.set(agent, prev === undefined ? entry : mergeEntries(prev, entry));
    }
  }

  /**
   * Python's `parse(lines)`.
   * @param lines the lines of robots.txt
   */
  parse(lines: Iterable<string>): void;
  /** `parse({ lines })`. */
  parse(kwargs: { lines: Iterable<string> }): void;
  parse(...args: unknown[]): void {
    const { lines } = RFP_PARSE.bind(args);
    this.#parse(lines);
  }

  #parse(lines: Iterable<string>): void {
    let state = 0;
    let entry = new Entry();
    this.modified();
    for (let line of lines) {
      const i = line.indexOf("#");
      if (i >= 0) line = line.slice(0, i);
      line = pyStrip(line);
      if (!line) continue;
      const c = line.indexOf(":");
      if (c < 0) continue;
      const key = pyStrip(line.slice(0, c)).toLowerCase();
      const value = pyStrip(line.slice(c + 1));
      if (key === "user-agent") {
        if (state === 2) {
          this._add_entry(entry);
          entry = new Entry();
        }
        entry.useragents.push(value);
        state = 1;
      } else if (key === "disallow" || key === "allow") {
        if (state !== 0) {
          state = 2;
          try {
            entry.rulelines.push(new RuleLine(value, key === "allow"));
          } catch (e) {
            if (!(e instanceof ValueError)) throw e;
          }
        }
      } else if (key === "crawl-delay") {
        if (state !== 0) {
          if (isDigits(pyStrip(value))) entry.delay = pyInt(value);
          state = 2;
        }
      } else if (key === "request-rate") {
        if (state !== 0) {
          const numbers = value.split("/");
          if (numbers.length === 2 && isDigits(pyStrip(numbers[0])) && isDigits(pyStrip(numbers[1]))) {
            entry.req_rate = new RequestRate(pyInt(numbers[0]), pyInt(numbers[1]));
          }
          state = 2;
        }
      } else if (key === "sitemap") {
        this.sitemaps.push(value);
      }
    }
    if (state !== 0) this._add_entry(entry);
  }

  /** CPython's `_find_entry(useragent)`: the entry that applies to `useragent`, else the default entry, else null. */
  _find_entry(useragent: string): Entry | null {
    const exact = this.groups.get(useragent.toLowerCase());
    if (exact !== undefined) return exact;
    for (const entry of this.groups.values()) if (entry._applies_to(useragent)) return entry;
    return this.groups.get("*") ?? null;
  }

  /**
   * Python's `can_fetch(useragent, url)`.
   * @param useragent the crawler's name
   * @param url the URL (absolute or a path)
   * @returns true when the agent may fetch it
   */
  can_fetch(useragent: string, url: string): boolean;
  /** `can_fetch(useragent, { url })` and `can_fetch({ useragent, url })`. */
  can_fetch(...args: [string, { url: string }] | [{ useragent: string; url: string }]): boolean;
  can_fetch(...args: unknown[]): boolean {
    const { useragent, url } = RFP_CAN_FETCH.bind(args);
    if (this.disallow_all) return false;
    if (this.allow_all) return true;
    if (!this.last_checked) return false;
    const [, , path, query, fragment] = urlsplitRaw(url, "");
    let u = path;
    if (query !== null) u += "?" + query;
    if (fragment !== null) u += "#" + fragment;
    u = normalizeUri(u);
    if (!u) u = "/";
    if (u === "/robots.txt") return true;
    const entry = this._find_entry(useragent);
    if (entry === null) return true;
    return entry._allowance(u);
  }

  /**
   * Python's `crawl_delay(useragent)`.
   * @param useragent the crawler's name
   * @returns the `Crawl-delay` of its group, or `null`
   */
  crawl_delay(useragent: string): number | null;
  /** `crawl_delay({ useragent })`. */
  crawl_delay(kwargs: { useragent: string }): number | null;
  crawl_delay(...args: unknown[]): number | null {
    const { useragent } = RFP_CRAWL_DELAY.bind(args);
    if (!this.mtime()) return null;
    return this._find_entry(useragent)?.delay ?? null;
  }

  /**
   * Python's `request_rate(useragent)`.
   * @param useragent the crawler's name
   * @returns the `Request-rate` of its group, or `null`
   */
  request_rate(useragent: string): RequestRate | null;
  /** `request_rate({ useragent })`. */
  request_rate(kwargs: { useragent: string }): RequestRate | null;
  request_rate(...args: unknown[]): RequestRate | null {
    const { useragent } = RFP_REQUEST_RATE.bind(args);
    if (!this.mtime()) return null;
    return this._find_entry(useragent)?.req_rate ?? null;
  }

  /**
   * Python's `site_maps()`.
   * @returns the `Sitemap:` URLs, or `null` when there are none
   */
  site_maps(): string[] | null {
    return this.sitemaps.length ? this.sitemaps : null;
  }

  /** Python's `str(parser)`: the groups, as robots.txt text. */
  [pystr](): string {
    const entries = this.default_entry ? [...this.entries, this.default_entry] : this.entries;
    return entries.map(String).filter((s) => s).join("\n\n");
  }
  /** Python's `str(parser)`. */
  toString(): string {
    return this[pystr]();
  }
}
