// urllib.robotparser: RFC 9309 examples, and thousands of generated robots.txt
// files, URLs and agents compared with CPython 3.14's module (RFC 9309 rewrite).
import assert from "node:assert/strict";
import { Entry, RequestRate, RobotFileParser, RuleLine } from "../../urllib/robotparser.ts";
import { oracle, oracleTest } from "../_oracle.ts";
import { makeCases, ourAnswer, PY_CODE, type RobotsCase, VECTORS } from "./_robots_gen.ts";
import { repr } from "../../_util/repr.ts";

function parsed(text: string): RobotFileParser {
  const rp = new RobotFileParser();
  rp.parse(text.split("\n"));
  return rp;
}

// [robots.txt, agent, url, allowed] — from RFC 9309's examples and rules.
const RFC_TABLE: [string, string, string, boolean][] = [];
const rfc51 = `User-Agent: *
Disallow: *.gif$
Disallow: /example/
Allow: /publications/

User-Agent: foobot
Disallow:/
Allow:/example/page.html
Allow:/example/allowed.gif

User-Agent: barbot
User-Agent: bazbot
Disallow: /example/page.html

User-Agent: quxbot

EOF`;
for (
  const [agent, url, ok] of [
    ["foobot", "/example/page.html", true],
    ["foobot", "/example/allowed.gif", true],
    ["foobot", "/example/other.html", false],
    ["foobot", "/", false],
    ["FooBot", "/example/page.html", true],
    ["barbot", "/example/page.html", false],
    ["bazbot", "/example/page.html", false],
    ["barbot", "/example/allowed.gif", true],
    ["quxbot", "/example/page.html", true],
    ["quxbot", "/a.gif", true],
    ["otherbot", "/a.gif", false],
    ["otherbot", "/a.gif?x", true],
    ["otherbot", "/example/x", false],
    ["otherbot", "/publications/x", true],
    ["otherbot", "/robots.txt", true],
    ["foobot", "/robots.txt", true],
  ] as [string, string, boolean][]
) RFC_TABLE.push([rfc51, agent, url, ok]);
const longest = "User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif";
RFC_TABLE.push([longest, "foobot", "/example/page/", true]);
RFC_TABLE.push([longest, "foobot", "/example/page/disallowed.gif", false]);
RFC_TABLE.push([longest, "foobot", "/example/page/disallowed.gif2", false]);
const tie = "User-agent: *\nDisallow: /folder\nAllow: /folder";
RFC_TABLE.push([tie, "x", "/folder/page", true]);
const tie2 = "User-agent: *\nAllow: /page\nDisallow: /*.html";
RFC_TABLE.push([tie2, "x", "/page.html", false]);
RFC_TABLE.push([tie2, "x", "/page.htm", true]);
const exact = "User-agent: *\nDisallow: /\nAllow: /this/path/exactly$";
RFC_TABLE.push([exact, "x", "/this/path/exactly", true]);
RFC_TABLE.push([exact, "x", "/this/path/exactly/not", false]);
const merged =
  "user-agent: ExampleBot\ndisallow: /foo\ndisallow: /bar\n\nuser-agent: ExampleBot\ndisallow: /baz";
for (const u of ["/foo", "/bar", "/baz"]) RFC_TABLE.push([merged, "ExampleBot", u, false]);
RFC_TABLE.push([merged, "ExampleBot", "/qux", true]);
const groups =
  "user-agent: a\ndisallow: /c\n\nuser-agent: b\ndisallow: /d\n\nuser-agent: e\nuser-agent: f\n" +
  "disallow: /g\n\nuser-agent: h\n";
RFC_TABLE.push([groups, "a", "/c", false], [groups, "a", "/d", true], [groups, "b", "/d", false]);
RFC_TABLE.push([groups, "e", "/g", false], [groups, "f", "/g", false], [groups, "h", "/g", true]);
const enc = "User-agent: *\nDisallow: /foo/bar?baz=https://foo.bar\nDisallow: /foo/bar/\u30c4\n" +
  "Disallow: /foo/bar/%62%61%7A\nDisallow: /a%3cd";
RFC_TABLE.push([enc, "x", "/foo/bar?baz=https://foo.bar", false]);
RFC_TABLE.push([enc, "x", "/foo/bar?baz=https%3A%2F%2Ffoo.bar", false]);
RFC_TABLE.push([enc, "x", "/foo/bar/%E3%83%84", false]);
RFC_TABLE.push([enc, "x", "/foo/bar/\u30c4", false]);
RFC_TABLE.push([enc, "x", "/foo/bar/baz", false]);
RFC_TABLE.push([enc, "x", "/a%3Cd", false]);
RFC_TABLE.push([enc, "x", "/a<d", false]);
const star = "User-agent: *\nDisallow: /*/private/*.php$\nDisallow: /tmp*";
RFC_TABLE.push([star, "x", "/u/private/x.php", false], [star, "x", "/u/private/x.php?y", true]);
RFC_TABLE.push([star, "x", "/tmpfile", false], [star, "x", "/tm", true]);
const noblank = "User-agent: a\nDisallow: /x\nUser-agent: b\nDisallow: /y";
RFC_TABLE.push([noblank, "a", "/y", true], [noblank, "b", "/x", true], [noblank, "b", "/y", false]);

Deno.test("robotparser: RFC 9309 examples (longest match, allow wins ties, * and $, encoding, groups)", () => {
  for (const [text, agent, url, ok] of RFC_TABLE) {
    assert.equal(parsed(text).can_fetch(agent, "http://example.com" + url), ok, `${agent} ${url}\n${text}`);
  }
});

Deno.test("robotparser: crawl-delay, request-rate, sitemaps, str and read-state", () => {
  const rp = parsed(
    "User-agent: figtree\nCrawl-delay: 3\nRequest-rate: 9/30\nDisallow: /tmp\n" +
      "Sitemap: http://x/s.xml\nUser-agent: *\nDisallow: /",
  );
  assert.equal(rp.crawl_delay("figtree"), 3);
  assert.equal(repr(rp.request_rate("FigTree/1.0")), "RequestRate(requests=9, seconds=30)");
  assert.ok(rp.request_rate("figtree") instanceof RequestRate);
  assert.equal(rp.crawl_delay("other"), null);
  assert.deepEqual(rp.site_maps(), ["http://x/s.xml"]);
  assert.equal(
    String(rp),
    "User-agent: figtree\nCrawl-delay: 3\nRequest-rate: 9/30\nDisallow: /tmp\n\nUser-agent: *\nDisallow: /",
  );
  const fresh = new RobotFileParser("http://example.com/robots.txt");
  assert.equal(fresh.can_fetch("x", "/"), false);
  assert.equal(fresh.crawl_delay("x"), null);
  assert.equal(fresh.host, "example.com");
  assert.equal(fresh.path, "/robots.txt");
  assert.equal(String(new RuleLine("", false)), "Allow: ");
  assert.throws(() => new RuleLine("/a$b", true), { name: "ValueError" });
  assert.equal(new Entry().applies_to(null), false);
});

Deno.test("robotparser: hostile input stays linear", () => {
  const lines = ["User-agent: *", "Disallow: /" + "*a".repeat(5000) + "$"];
  const rp = new RobotFileParser();
  rp.parse(lines);
  assert.equal(rp.can_fetch("x", "/" + "a".repeat(200000) + "b"), true);
  assert.equal(rp.can_fetch("x", "/" + "a".repeat(200000)), false);
});

Deno.test("robotparser matches CPython 3.14's committed answers (tests/vectors/robotparser.json)", async () => {
  const vectors: (RobotsCase & { expected: unknown })[] = JSON.parse(await Deno.readTextFile(VECTORS));
  assert.ok(vectors.length >= 500);
  for (const v of vectors) assert.deepEqual(ourAnswer(v), v.expected, JSON.stringify(v.lines));
});

oracleTest("robotparser matches CPython 3.14 on generated robots.txt files, URLs and agents", async () => {
  const cases = makeCases(9309, 3000);
  const theirs = await oracle(PY_CODE, cases);
  let agree = 0;
  const diffs: string[] = [];
  cases.forEach((c, i) => {
    const ours = ourAnswer(c);
    if (JSON.stringify(ours) === JSON.stringify(theirs[i])) agree++;
    else if (diffs.length < 5) {
      diffs.push(`${JSON.stringify(c)}\n ours ${JSON.stringify(ours)}\n py   ${JSON.stringify(theirs[i])}`);
    }
  });
  if (diffs.length) console.log(diffs.join("\n"));
  console.log(
    `robotparser differential: ${agree}/${cases.length} files agree (${cases.length * 12} answers)`,
  );
  assert.equal(agree, cases.length);
});
