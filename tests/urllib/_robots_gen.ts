// Generated robots.txt files, URLs and agents for the robotparser differential
// test, and the CPython code that answers them. Run this file to regenerate
// tests/vectors/robotparser.json (CPython 3.14's answers, for machines without Python):
//   deno run -A tests/urllib/_robots_gen.ts
import { oracle } from "../_oracle.ts";
import { RobotFileParser } from "../../urllib/robotparser.ts";

export function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

const PATHS = [
  "/",
  "/a",
  "/a/",
  "/a/b",
  "/a/b/c",
  "/*",
  "*.php$",
  "/a$",
  "/a/*/c",
  "/**",
  "/a$$",
  "/%7Ea",
  "/~a",
  "/A",
  "/a?b=c",
  "/a?*",
  "/\u00e4",
  "/%C3%A4",
  "/%c3%a4",
  "$",
  "/*$",
  "/a*b*c",
  "/a b",
  "/x/%2F/y",
  "/p?q=1&r=2",
  "/a%",
  "/a%zz",
  "",
  "/*.gif$",
  "/a/b$",
  "/a*",
  "*",
  "/$",
  "/%24",
  "/a?b=c$",
];
const AGENTS = ["*", "FooBot", "foobot", "Foo", "BarBot/1.0", "googlebot-news", "bar", "Ünicode", "a b"];
const URLS = [
  "/",
  "/a",
  "/a/",
  "/a/b",
  "/a/b/c",
  "/a/x/c",
  "/ab",
  "/abc",
  "/axbxc",
  "/x.php",
  "/x.php?y",
  "/A",
  "/~a",
  "/%7ea",
  "/%7Ea",
  "/\u00e4",
  "/%c3%a4",
  "/a?b=c",
  "/a?b=c&d",
  "/a?",
  "/a b",
  "/a%20b",
  "/x/%2F/y",
  "/x///y",
  "/p?q=1&r=2",
  "/p?r=2&q=1",
  "/robots.txt",
  "/robots.txt?x",
  "",
  "/%24",
  "/$",
  "/a.gif",
  "/a/b.gif#f",
  "http://example.com",
  "http://example.com/a/b?x#y",
  "https://Example.COM:8080/A/b",
  "//host/a",
  "a/b",
  "/a%",
  "/a%zz",
  "/a/b/c/d/e/f/g",
];

function makeRobots(r: () => number): string[] {
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const lines: string[] = [];
  const n = 1 + Math.floor(r() * 10);
  for (let i = 0; i < n; i++) {
    const k = r();
    if (k < 0.25) {
      lines.push(`${pick(["User-agent", "user-agent", "USER-AGENT", "User-Agent "])}: ${pick(AGENTS)}`);
    } else if (k < 0.5) lines.push(`Disallow: ${pick(PATHS)}`);
    else if (k < 0.72) lines.push(`${pick(["Allow", "allow"])}:${pick([" ", "", "  "])}${pick(PATHS)}`);
    else if (k < 0.77) lines.push(`Crawl-delay: ${pick(["1", "10", "x", " 5 ", "1.5", ""])}`);
    else if (k < 0.82) lines.push(`Request-rate: ${pick(["1/5", "3/20", "x/1", "1/", " 2 / 9 "])}`);
    else if (k < 0.85) lines.push(`Sitemap: http://example.com/${pick(["s.xml", "a b.xml"])}`);
    else if (k < 0.9) lines.push("");
    else if (k < 0.93) lines.push(`# comment ${pick(PATHS)}`);
    else if (k < 0.96) lines.push(`Disallow: ${pick(PATHS)} # trailing`);
    else lines.push(pick(["garbage", "Disallow /nocolon", "Unknown: x", "  \t", "Allow"]));
  }
  return lines;
}

export interface RobotsCase {
  lines: string[];
  queries: [string, string][];
}

/** `n` generated cases from `seed`. */
export function makeCases(seed: number, n: number): RobotsCase[] {
  const r = rng(seed);
  const cases: RobotsCase[] = [];
  for (let i = 0; i < n; i++) {
    const lines = makeRobots(r);
    const queries: [string, string][] = [];
    for (let q = 0; q < 6; q++) {
      queries.push([AGENTS[Math.floor(r() * AGENTS.length)], URLS[Math.floor(r() * URLS.length)]]);
    }
    cases.push({ lines, queries });
  }
  return cases;
}

/** CPython's side: `run(case)` for the oracle harness. */
export const PY_CODE = `
import urllib.robotparser
def run(c):
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(c['lines'])
    out = [rp.can_fetch(a, u) for a, u in c['queries']]
    out += [rp.crawl_delay(a) for a, u in c['queries'][:2]]
    out += [list(rp.request_rate(a)) if rp.request_rate(a) else None for a, u in c['queries'][:2]]
    out += [rp.site_maps(), str(rp)]
    return out
`;

/** Our side, in the oracle's outcome shape. */
export function ourAnswer(c: RobotsCase): unknown {
  try {
    const rp = new RobotFileParser();
    rp.parse(c.lines);
    const out: unknown[] = c.queries.map(([a, u]) => rp.can_fetch(a, u));
    out.push(...c.queries.slice(0, 2).map(([a]) => rp.crawl_delay(a)));
    out.push(
      ...c.queries.slice(0, 2).map(([a]) => {
        const rr = rp.request_rate(a);
        return rr ? [...rr] : null;
      }),
    );
    out.push(rp.site_maps(), String(rp));
    return { ok: out };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

export const VECTORS: string = new URL("../vectors/robotparser.json", import.meta.url).pathname;

if (import.meta.main) {
  const cases = makeCases(2026, 600);
  const answers = await oracle(PY_CODE, cases);
  await Deno.writeTextFile(
    VECTORS,
    JSON.stringify(cases.map((c, i) => ({ ...c, expected: answers[i] }))) + "\n",
  );
  console.log(`wrote ${cases.length} cases to ${VECTORS}`);
}
