// urllib.robotparser's public and test-used names, and its keyword calls, as CPython 3.14 spells them:
// `RobotFileParser._add_entry`, `_find_entry`, `translate_pattern`, `merge_entries`, and each
// parameter by keyword.
import assert from "node:assert/strict";
import {
  Entry,
  merge_entries,
  normalize,
  normalize_pattern,
  normalize_uri,
  RobotFileParser,
  RuleLine,
  translate_pattern,
} from "../../urllib/robotparser.ts";
import { oracle, oracleTest } from "../_oracle.ts";

function entry(agents: string[], rules: [string, boolean][], delay: number | null = null): Entry {
  const e = new Entry();
  e.useragents.push(...agents);
  for (const [path, allow] of rules) e.rulelines.push(new RuleLine(path, allow));
  e.delay = delay;
  return e;
}

Deno.test("RobotFileParser._add_entry adds a group and merges groups of the same agent", () => {
  const rp = new RobotFileParser();
  rp._add_entry(entry(["FooBot"], [["/private", false]], 3));
  rp._add_entry(entry(["foobot", "BarBot"], [["/private/ok", true]]));
  rp.modified();
  assert.equal(rp.entries.length, 2);
  assert.deepEqual([...rp.groups.keys()], ["foobot", "barbot"]);
  assert.equal(rp.can_fetch("FooBot", "/private/x"), false);
  assert.equal(rp.can_fetch("FooBot", "/private/ok/y"), true);
  assert.equal(rp.crawl_delay("foobot"), 3, "the merged group keeps the first group's delay");
  assert.equal(rp.can_fetch("BarBot", "/private/x"), true);
  assert.equal(rp._find_entry("barbot/2.0"), rp.groups.get("barbot"));
  assert.equal(rp._find_entry("other"), null);
});

Deno.test("robotparser callables take their parameters by keyword", () => {
  const rp = new RobotFileParser({ url: "http://example.com/robots.txt" });
  assert.equal(rp.host, "example.com");
  rp.set_url({ url: "http://other.example/robots.txt" });
  assert.equal(rp.path, "/robots.txt");
  rp.parse({ lines: ["User-agent: *", "Disallow: /x", "Crawl-delay: 5", "Request-rate: 3/20"] });
  assert.equal(rp.can_fetch({ useragent: "bot", url: "/x/1" }), false);
  assert.equal(rp.can_fetch("bot", { url: "/y" }), true);
  assert.equal(rp.crawl_delay({ useragent: "bot" }), 5);
  assert.equal(String(rp.request_rate({ useragent: "bot" })), "RequestRate(requests=3, seconds=20)");
  const rule = new RuleLine("/a*b", { allowance: false });
  assert.equal(rule.applies_to({ filename: "/axb" }), 5);
  const e = entry(["A"], [["/", false]]);
  assert.equal(e.applies_to({ useragent: "a/1.0" }), true);
  assert.equal(e.allowance({ filename: "/z" }), false);
  assert.deepEqual(merge_entries({ e1: e, e2: entry(["A"], []) }).useragents, ["A"]);
  assert.equal(normalize({ path: "/%7Ea b" }), "/~a%20b");
  assert.equal(normalize_uri({ path: "/a b?c d=e f" }), "/a%20b?c%20d=e%20f");
  assert.equal(normalize_pattern({ path: "/a b*$" }), "/a%20b*$");
  assert.throws(
    () => rp.can_fetch("bot", { uri: "/" } as never),
    (err: Error) =>
      err.message ===
        "RobotFileParser.can_fetch() got an unexpected keyword argument 'uri'. Did you mean 'url'?",
  );
});

oracleTest("translate_pattern gives CPython's regular expression text", async () => {
  const patterns = ["/a*b*.gif", "*", "a**", "/x y*&~#-", "/(x)[y]{z}?+|^$\\", "/caf%C3%A9*", "**/*?q=*"];
  const want = await oracle(
    "from urllib.robotparser import translate_pattern\ndef run(p):\n    return translate_pattern(p)\n",
    patterns,
  );
  assert.deepEqual(patterns.map((p) => ({ ok: translate_pattern(p) })), want);
});
