// Port of CPython 3.14's Lib/test/test_robotparser.py (RustPython/RustPython cc1e55e), line by line.
// Class attributes stay class attributes (`static`), and each concrete TestCase registers its test methods
// the way unittest collects them, leaving out the ones `__init_subclass__` removes.
import { str, type Tuple, tuple } from "@pyweb/std";
import * as robotparser from "@pyweb/std/urllib/robotparser";
import { BaseHTTPRequestHandler, HTTPServer } from "@pyweb/std/http/server";
import { assertEqual, assertFalse, assertIsInstance, assertTrue, subTest } from "./_unittest.ts";

const { RequestRate } = robotparser;

/** `io.StringIO(text).readlines()`. */
function readlines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

class BaseRobotTest {
  static robots_txt = "";
  static agent = "test_robotparser";
  static good: (string | Tuple<string>)[] = [];
  static bad: (string | Tuple<string>)[] = [];
  static site_maps: string[] | null = null;
  static expected_output: string | null = null;

  parser!: robotparser.RobotFileParser;

  get cls(): typeof BaseRobotTest {
    return this.constructor as typeof BaseRobotTest;
  }

  setUp() {
    const lines = readlines(this.cls.robots_txt);
    this.parser = new robotparser.RobotFileParser();
    this.parser.parse(lines);
  }

  get_agent_and_url(url: string | Tuple<string>): [string, string] {
    if (typeof url !== "string") {
      const [agent, u] = url;
      return [agent, u];
    }
    return [this.cls.agent, url];
  }

  test_good_urls() {
    for (const u of this.cls.good) {
      const [agent, url] = this.get_agent_and_url(u);
      subTest({ url, agent }, () => assertTrue(this.parser.can_fetch(agent, url)));
    }
  }

  test_bad_urls() {
    for (const u of this.cls.bad) {
      const [agent, url] = this.get_agent_and_url(u);
      subTest({ url, agent }, () => assertFalse(this.parser.can_fetch(agent, url)));
    }
  }

  test_site_maps() {
    assertEqual(this.parser.site_maps(), this.cls.site_maps);
  }

  test_string_formatting() {
    assertEqual(str(this.parser), this.cls.expected_output);
  }
}

class BaseRequestRateTest extends BaseRobotTest {
  static request_rate: robotparser.RequestRate | null = null;
  static crawl_delay: number | null = null;

  override get cls(): typeof BaseRequestRateTest {
    return this.constructor as typeof BaseRequestRateTest;
  }

  test_request_rate() {
    const parser = this.parser;
    for (const u of [...this.cls.good, ...this.cls.bad]) {
      const [agent, url] = this.get_agent_and_url(u);
      subTest({ url, agent }, () => {
        assertEqual(parser.crawl_delay(agent), this.cls.crawl_delay);

        const parsed_request_rate = parser.request_rate(agent);
        assertEqual(parsed_request_rate, this.cls.request_rate);
        if (this.cls.request_rate !== null) {
          assertIsInstance(parsed_request_rate, RequestRate);
          assertEqual(parsed_request_rate!.requests, this.cls.request_rate.requests);
          assertEqual(parsed_request_rate!.seconds, this.cls.request_rate.seconds);
        }
      });
    }
  }
}

/** unittest's collection of a concrete TestCase, with `__init_subclass__`'s removals. */
function register(cls: typeof BaseRobotTest) {
  const run = (method: string) => () => {
    const t = new cls() as unknown as Record<string, () => void> & BaseRobotTest;
    t.setUp();
    t[method]();
  };
  const methods = ["test_bad_urls", "test_good_urls", "test_site_maps", "test_string_formatting"];
  if (cls.prototype instanceof BaseRequestRateTest) methods.push("test_request_rate");
  for (const m of methods.sort()) {
    if (m === "test_good_urls" && !cls.good.length) continue;
    if (m === "test_bad_urls" && !cls.bad.length) continue;
    if (m === "test_string_formatting" && cls.expected_output === null) continue;
    Deno.test(`${cls.name}.${m}`, run(m));
  }
}

class UserAgentWildcardTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Disallow: /cyberworld/map/ # This is an infinite virtual URL space
Disallow: /tmp/ # these will soon disappear
Disallow: /foo.html
    `;
  static override good = ["/", "/test.html"];
  static override bad = ["/cyberworld/map/index.html", "/tmp/xxx", "/foo.html"];
}
register(UserAgentWildcardTest);

class SimpleExampleTest extends BaseRobotTest {
  static override robots_txt = `User-Agent: *
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
    `;
  static override good = [
    "/",
    "/publications/",
    tuple("foobot", "/example/page.html"),
    tuple("foobot", "/example/allowed.gif"),
    tuple("barbot", "/"),
    tuple("barbot", "/example/"),
    tuple("barbot", "/example/allowed.gif"),
    tuple("barbot", "/example/disallowed.gif"),
    tuple("barbot", "/publications/"),
    tuple("barbot", "/publications/allowed.gif"),
    tuple("bazbot", "/"),
    tuple("bazbot", "/example/"),
    tuple("bazbot", "/example/allowed.gif"),
    tuple("bazbot", "/example/disallowed.gif"),
    tuple("bazbot", "/publications/"),
    tuple("bazbot", "/publications/allowed.gif"),
    tuple("quxbot", "/"),
    tuple("quxbot", "/example/"),
    tuple("quxbot", "/example/page.html"),
    tuple("quxbot", "/example/allowed.gif"),
    tuple("quxbot", "/example/disallowed.gif"),
    tuple("quxbot", "/publications/"),
    tuple("quxbot", "/publications/allowed.gif"),
  ];
  static override bad = [
    "/example/",
    "/example/page.html",
    "/example/allowed.gif",
    "/example/disallowed.gif",
    "/publications/allowed.gif",
    tuple("foobot", "/"),
    tuple("foobot", "/example/"),
    tuple("foobot", "/example/disallowed.gif"),
    tuple("foobot", "/publications/"),
    tuple("foobot", "/publications/allowed.gif"),
    tuple("barbot", "/example/page.html"),
    tuple("bazbot", "/example/page.html"),
  ];
}
register(SimpleExampleTest);

class CrawlDelayAndCustomAgentTest extends BaseRobotTest {
  static override robots_txt = `# robots.txt for http://www.example.com/

User-agent: *
Crawl-delay: 1
Request-rate: 3/15
Disallow: /cyberworld/map/ # This is an infinite virtual URL space

# Cybermapper knows where to go.
User-agent: cybermapper
Disallow:
    `;
  static override good = ["/", "/test.html", tuple("cybermapper", "/cyberworld/map/index.html")];
  static override bad = ["/cyberworld/map/index.html"];
}
register(CrawlDelayAndCustomAgentTest);

class SitemapTest extends BaseRobotTest {
  static override robots_txt = `# robots.txt for http://www.example.com/

User-agent: *
Sitemap: http://www.gstatic.com/s2/sitemaps/profiles-sitemap.xml
Sitemap: http://www.google.com/hostednews/sitemap_index.xml
Request-rate: 3/15
Disallow: /cyberworld/map/ # This is an infinite virtual URL space

    `;
  static override good = ["/", "/test.html"];
  static override bad = ["/cyberworld/map/index.html"];
  static override site_maps = [
    "http://www.gstatic.com/s2/sitemaps/profiles-sitemap.xml",
    "http://www.google.com/hostednews/sitemap_index.xml",
  ];
}
register(SitemapTest);

class RejectAllRobotsTest extends BaseRobotTest {
  static override robots_txt = `# go away
User-agent: *
Disallow: /
    `;
  static override good = ["/robots.txt"];
  static override bad = ["/cyberworld/map/index.html", "/", "/tmp/"];
}
register(RejectAllRobotsTest);

class EmptyFileTest extends BaseRequestRateTest {
  static override robots_txt = ``;
  static override good = ["/foo"];
  static override expected_output = ``;
}
register(EmptyFileTest);

class CrawlDelayAndRequestRateTest extends BaseRequestRateTest {
  static override robots_txt = `User-agent: figtree
Crawl-delay: 3
Request-rate: 9/30
Disallow: /tmp
Disallow: /a%3cd.html
Disallow: /a%2fb.html
Disallow: /%7ejoe/index.html
    `;
  static override agent = "figtree";
  static override good = [tuple("figtree", "/foo.html")];
  static override bad = [
    "/tmp",
    "/tmp.html",
    "/tmp/a.html",
    "/a%3cd.html",
    "/a%3Cd.html",
    "/a%2fb.html",
    "/~joe/index.html",
  ];
  static override request_rate = new RequestRate(9, 30);
  static override crawl_delay = 3;
}
register(CrawlDelayAndRequestRateTest);

class DifferentAgentTest extends CrawlDelayAndRequestRateTest {
  static override agent = "FigTree Robot libwww-perl/5.04";
}
register(DifferentAgentTest);

class InvalidRequestRateTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Disallow: /tmp/
Disallow: /a%3Cd.html
Disallow: /a/b.html
Disallow: /%7ejoe/index.html
Crawl-delay: 3
Request-rate: 9/banana
    `;
  static override good = ["/tmp"];
  static override bad = [
    "/tmp/",
    "/tmp/a.html",
    "/a%3cd.html",
    "/a%3Cd.html",
    "/a/b.html",
    "/%7Ejoe/index.html",
  ];
  static crawl_delay = 3;
}
register(InvalidRequestRateTest);

class InvalidCrawlDelayTest extends BaseRobotTest {
  static override robots_txt = `User-Agent: *
Disallow: /.
Crawl-delay: pears
    `;
  static override good = ["/foo.html"];
  static override bad = [];
}
register(InvalidCrawlDelayTest);

class AnotherInvalidRequestRateTest extends BaseRobotTest {
  static override robots_txt = `User-agent: Googlebot
Allow: /folder1/myfile.html
Disallow: /folder1/
Request-rate: whale/banana
    `;
  static override agent = "Googlebot";
  static override good = ["/folder1/myfile.html"];
  static override bad = ["/folder1/anotherfile.html"];
}
register(AnotherInvalidRequestRateTest);

class UserAgentOrderingTest extends BaseRobotTest {
  static override robots_txt = `User-agent: Googlebot
Disallow: /
Allow: /folder1/

User-agent: Googlebot-Mobile
Allow: /
Disallow: /folder1/
    `;
  static override agent = "Googlebot";
  static override good = ["/folder1/myfile.html"];
  static override bad = ["/something.jpg"];
}
register(UserAgentOrderingTest);

class UserAgentGoogleMobileTest extends UserAgentOrderingTest {
  static override agent = "Googlebot-mobile";
  static override good = ["/something.jpg"];
  static override bad = ["/folder1/myfile.html"];
}
register(UserAgentGoogleMobileTest);

class LongestMatchTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Allow: /example/page/
Disallow: /example/page/disallowed.gif
Allow: /example/
    `;
  static override good = ["/example/", "/example/page/"];
  static override bad = ["/example/page/disallowed.gif"];
}
register(LongestMatchTest);

class LongestMatchWildcardTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Allow: /example/page/
Disallow: *.gif
Allow: /example/
    `;
  static override good = ["/example/", "/example/page/"];
  static override bad = ["/example/page/disallowed.gif", "/x.gif"];
}
register(LongestMatchWildcardTest);

class AllowWinsEqualMatchTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Disallow: /spam
Allow: /spam
Disallow: /spam
    `;
  static override good = ["/spam", "/spam/"];
}
register(AllowWinsEqualMatchTest);

class AllowWinsEqualFullMatchTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Disallow: /spam
Allow: /spam$
Disallow: /spam
Disallow: /eggs$
Allow: /eggs
Disallow: /eggs$
    `;
  static override good = ["/spam", "/eggs", "/eggs/"];
  static override bad = ["/spam/"];
}
register(AllowWinsEqualFullMatchTest);

class AllowWinsEqualMatchWildcardTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Disallow: /spam
Allow: *am
Disallow: /spam
Disallow: *gs
Allow: /eggs
Disallow: *gs
    `;
  static override good = ["/spam", "/eggs", "/spam/", "/eggs/"];
}
register(AllowWinsEqualMatchWildcardTest);

class MergeGroupsTest extends BaseRobotTest {
  static override robots_txt = `User-agent: spambot
Disallow: /some/path

User-agent: spambot
Disallow: /another/path
    `;
  static override agent = "spambot";
  static override bad = ["/some/path", "/another/path"];
}
register(MergeGroupsTest);

class UserAgentStartsGroupTest extends BaseRobotTest {
  static override robots_txt = `User-agent: spambot
Disallow: /some/path
User-agent: eggsbot
Disallow: /another/path
    `;
  static override good = [
    tuple("spambot", "/"),
    tuple("spambot", "/another/path"),
    tuple("eggsbot", "/"),
    tuple("eggsbot", "/some/path"),
  ];
  static override bad = [tuple("spambot", "/some/path"), tuple("eggsbot", "/another/path")];
  static override expected_output = `User-agent: spambot
Disallow: /some/path

User-agent: eggsbot
Disallow: /another/path`;
}
register(UserAgentStartsGroupTest);

class IgnoreEmptyLinesTest extends BaseRobotTest {
  static override robots_txt = `User-agent: spambot

User-agent: eggsbot
Disallow: /some/path

Disallow: /another/path
    `;
  static override good = [tuple("spambot", "/"), tuple("eggsbot", "/")];
  static override bad = [
    tuple("spambot", "/some/path"),
    tuple("spambot", "/another/path"),
    tuple("eggsbot", "/some/path"),
    tuple("eggsbot", "/another/path"),
  ];
  static override expected_output = `User-agent: spambot
User-agent: eggsbot
Disallow: /some/path
Disallow: /another/path`;
}
register(IgnoreEmptyLinesTest);

class IgnoreRulesWithoutUserAgentTest extends BaseRobotTest {
  static override robots_txt = `Disallow: /some/path

User-agent: *
Disallow: /another/path
    `;
  static override good = ["/", "/some/path"];
  static override bad = ["/another/path"];
  static override expected_output = `User-agent: *
Disallow: /another/path`;
}
register(IgnoreRulesWithoutUserAgentTest);

class EmptyGroupTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Disallow: /some/path

User-agent: spambot
    `;
  static override agent = "spambot";
  static override good = ["/", "/some/path"];
  static override expected_output = `User-agent: *
Disallow: /some/path

User-agent: spambot
Allow:`;
}
register(EmptyGroupTest);

class WeirdPathTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Disallow: /a$$$
Disallow: /b$z
Disallow: /c***
Disallow: /d***z
Disallow: /e*$**$$
Disallow: /f*$**$$z
Disallow: /g$*$$**
Disallow: /h$*$$**z
    `;
  static override good = [
    "/ax",
    "/a$$",
    "/b",
    "/bz",
    "/b$z",
    "/d",
    "/f",
    "/fz",
    "/f$$$z",
    "/fx$y$$z",
    "/gx",
    "/g$$$",
    "/g$x$$y",
    "/h",
    "/hz",
    "/h$$$z",
    "/h$x$$yz",
  ];
  static override bad = ["/a", "/c", "/cxy", "/dz", "/dxyz", "/dxzy", "/e", "/exy", "/e$$", "/ex$y$", "/g"];
  static override expected_output = `User-agent: *
Disallow: /a$
Disallow: /c*
Disallow: /d*z
Disallow: /e*$
Disallow: /g$`;
}
register(WeirdPathTest);

class PathWithManyWildcardsTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Disallow: /*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b
    `;
  static override good = ["/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"];
  static override bad = ["/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"];
}
register(PathWithManyWildcardsTest);

class DisallowQueryStringTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Disallow: /some/path?name=value
Disallow: /another/path?
Disallow: /yet/one/path?name=value&more
    `;
  static override good = [
    "/some/path",
    "/some/path?",
    "/some/path%3Fname=value",
    "/some/path?name%3Dvalue",
    "/another/path",
    "/another/path%3F",
    "/yet/one/path?name=value%26more",
    "/some/pathxname=value",
  ];
  static override bad = [
    "/some/path?name=value/another/path?",
    "/another/path?name=value",
    "/yet/one/path?name=value&more",
  ];
}
register(DisallowQueryStringTest);

class PercentEncodingTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Disallow: /a1/Z-._~ # unreserved characters
Disallow: /a2/%5A%2D%2E%5F%7E # percent-encoded unreserved characters
Disallow: /u1/%F0%9F%90%8D # percent-encoded ASCII Unicode character
Disallow: /u2/%f0%9f%90%8d
Disallow: /u3/\u{1f40d} # raw non-ASCII Unicode character
Disallow: /v1/%F0 # percent-encoded non-ASCII octet
Disallow: /v2/%f0
Disallow: /v3/\udcf0 # raw non-ASCII octet
Disallow: /p1%xy # raw percent
Disallow: /p2%
Disallow: /p3%25xy # percent-encoded percent
Disallow: /p4%2525xy # double percent-encoded percent
Disallow: /john%20smith # space
Disallow: /john doe
Disallow: /trailingspace%20
Disallow: /question%3Fq=v # not query
Disallow: /hash%23f # not fragment
Disallow: /dollar%24
Disallow: /asterisk%2A
Disallow: /sub/dir
Disallow: /slash%2F
Disallow: /query/question?q=%3F
Disallow: /query/raw/question?q=?
Disallow: /query/eq?q%3Dv
Disallow: /query/amp?q=v%26a
`;
  static override good: (string | Tuple<string>)[] = [
    "/u1/%F0",
    "/u1/%f0",
    "/u2/%F0",
    "/u2/%f0",
    "/u3/%F0",
    "/u3/%f0",
    "/p1%2525xy",
    "/p2%f0",
    "/p3%2525xy",
    "/p4%xy",
    "/p4%25xy",
    "/question?q=v",
    "/dollar",
    "/asterisk",
    "/query/eq?q=v",
    "/query/amp?q=v&a",
  ];
  static override bad: (string | Tuple<string>)[] = [
    "/a1/Z-._~",
    "/a1/%5A%2D%2E%5F%7E",
    "/a2/Z-._~",
    "/a2/%5A%2D%2E%5F%7E",
    "/u1/%F0%9F%90%8D",
    "/u1/%f0%9f%90%8d",
    "/u1/\u{1f40d}",
    "/u2/%F0%9F%90%8D",
    "/u2/%f0%9f%90%8d",
    "/u2/\u{1f40d}",
    "/u3/%F0%9F%90%8D",
    "/u3/%f0%9f%90%8d",
    "/u3/\u{1f40d}",
    "/v1/%F0",
    "/v1/%f0",
    "/v1/\udcf0",
    "/v1/\u{1f40d}",
    "/v2/%F0",
    "/v2/%f0",
    "/v2/\udcf0",
    "/v2/\u{1f40d}",
    "/v3/%F0",
    "/v3/%f0",
    "/v3/\udcf0",
    "/v3/\u{1f40d}",
    "/p1%xy",
    "/p1%25xy",
    "/p2%",
    "/p2%25",
    "/p2%2525",
    "/p2%xy",
    "/p3%xy",
    "/p3%25xy",
    "/p4%2525xy",
    "/john%20smith",
    "/john smith",
    "/john%20doe",
    "/john doe",
    "/trailingspace%20",
    "/trailingspace ",
    "/question%3Fq=v",
    "/hash#f",
    "/hash%23f",
    "/dollar$",
    "/dollar%24",
    "/asterisk*",
    "/asterisk%2A",
    "/sub/dir",
    "/sub%2Fdir",
    "/slash%2F",
    "/slash/",
    "/query/question?q=?",
    "/query/question?q=%3F",
    "/query/raw/question?q=?",
    "/query/raw/question?q=%3F",
    "/query/eq?q%3Dv",
    "/query/amp?q=v%26a",
  ];
  static {
    // other reserved characters
    for (const c of ":/#[]@!$&'()*+,;=") {
      const hex = c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0");
      this.robots_txt += `Disallow: /raw${c}\nDisallow: /pc%${hex}\n`;
      this.bad.push(`/raw${c}`);
      this.bad.push(`/raw%${hex}`);
      this.bad.push(`/pc${c}`);
      this.bad.push(`/pc%${hex}`);
    }
  }
}
register(PercentEncodingTest);

class DefaultEntryTest extends BaseRequestRateTest {
  static override robots_txt = `User-agent: *
Crawl-delay: 1
Request-rate: 3/15
Disallow: /cyberworld/map/
    `;
  static override good = ["/", "/test.html"];
  static override bad = ["/cyberworld/map/index.html"];
  static override request_rate = new RequestRate(3, 15);
  static override crawl_delay = 1;
}
register(DefaultEntryTest);

class StringFormattingTest extends BaseRobotTest {
  static override robots_txt = `User-agent: *
Crawl-delay: 1
Request-rate: 3/15
Disallow: /cyberworld/map/ # This is an infinite virtual URL space

# Cybermapper knows where to go.
User-agent: cybermapper
Disallow: /some/path
    `;
  static override expected_output = `User-agent: *
Crawl-delay: 1
Request-rate: 3/15
Disallow: /cyberworld/map/

User-agent: cybermapper
Disallow: /some/path`;
}
register(StringFormattingTest);

Deno.test("ConstructedStringFormattingTest.test_empty", () => {
  const parser = new robotparser.RobotFileParser();
  assertEqual(str(parser), "");
});

Deno.test("ConstructedStringFormattingTest.test_group_without_rules", () => {
  const parser = new robotparser.RobotFileParser();
  let entry = new robotparser.Entry();
  entry.useragents = ["spambot"];
  parser._add_entry(entry);
  entry = new robotparser.Entry();
  entry.useragents = ["hambot"];
  entry.rulelines = [new robotparser.RuleLine("/ham", false)];
  parser._add_entry(entry);
  entry = new robotparser.Entry();
  entry.useragents = ["eggsbot"];
  parser._add_entry(entry);
  assertEqual(
    str(parser),
    `User-agent: spambot
Allow:

User-agent: hambot
Disallow: /ham

User-agent: eggsbot
Allow:`,
  );
});

Deno.test("ConstructedStringFormattingTest.test_group_without_user_agent", () => {
  const parser = new robotparser.RobotFileParser();
  let entry = new robotparser.Entry();
  entry.rulelines = [new robotparser.RuleLine("/ham", false)];
  parser._add_entry(entry);
  entry = new robotparser.Entry();
  entry.useragents = ["spambot"];
  entry.rulelines = [new robotparser.RuleLine("/spam", false)];
  parser._add_entry(entry);
  entry = new robotparser.Entry();
  entry.rulelines = [new robotparser.RuleLine("/eggs", false)];
  parser._add_entry(entry);
  assertEqual(
    str(parser),
    `User-agent: spambot
Disallow: /spam`,
  );
});

// BaseLocalNetworkTestCase: the server runs in this process on 127.0.0.1 (CPython: a thread), polled every
// 10 ms as CPython's `kwargs={'poll_interval': 0.01}` asks.
type RobotServer = HTTPServer & { return_code?: number | null };

async function withServer(
  RobotHandler: typeof BaseHTTPRequestHandler,
  fn: (server: RobotServer) => Promise<void>,
): Promise<void> {
  const server: RobotServer = new HTTPServer(["127.0.0.1", 0], RobotHandler);
  const serving = server.serve_forever({ poll_interval: 0.01 });
  try {
    await fn(server);
  } finally {
    await server.shutdown();
    await serving;
    server.server_close();
  }
}

const SAMPLE_ROBOTS_TXT = new Uint8Array([
  ...new TextEncoder().encode("User-agent: test_robotparser\nDisallow: /utf8/"),
  0xf0,
  0x9f,
  0x90,
  0x8d,
  ...new TextEncoder().encode("\nDisallow: /non-utf8/"),
  0xf0,
  ...new TextEncoder().encode("\nDisallow: //[spam]/path\n"),
]);

class LocalRobotHandler extends BaseHTTPRequestHandler {
  do_GET() {
    this.send_response(200);
    this.end_headers();
    this.wfile.write(SAMPLE_ROBOTS_TXT);
  }

  override log_message(_format: string, ..._args: unknown[]) {}
}

Deno.test("LocalNetworkTestCase.testRead", async () => {
  await withServer(LocalRobotHandler, async (server) => {
    // Test that reading a weird robots.txt doesn't fail.
    const addr = server.server_address;
    const url = `http://127.0.0.1:${addr[1]}`;
    const robots_url = url + "/robots.txt";
    const parser = new robotparser.RobotFileParser();
    parser.set_url(robots_url);
    await parser.read();
    // And it can even interpret the weird paths in some reasonable way.
    const agent = "test_robotparser";
    assertTrue(parser.can_fetch(agent, robots_url));
    assertTrue(parser.can_fetch(agent, url + "/utf8/"));
    assertFalse(parser.can_fetch(agent, url + "/utf8/\u{1f40d}"));
    assertFalse(parser.can_fetch(agent, url + "/utf8/%F0%9F%90%8D"));
    assertTrue(parser.can_fetch(agent, url + "/non-utf8/"));
    assertFalse(parser.can_fetch(agent, url + "/non-utf8/%F0"));
    assertFalse(parser.can_fetch(agent, url + "/non-utf8/\u{1f40d}"));
    assertFalse(parser.can_fetch(agent, url + "/%2F[spam]/path"));
  });
});

class ErrorRobotHandler extends BaseHTTPRequestHandler {
  do_GET() {
    this.send_error((this.server as RobotServer).return_code!);
  }

  override log_message(_format: string, ..._args: unknown[]) {}
}

/** HttpErrorsTestCase: one server per test, `return_code` reset in setUp as CPython does. */
function httpErrorsTest(name: string, fn: (server: RobotServer) => Promise<void>) {
  Deno.test(`HttpErrorsTestCase.${name}`, async () => {
    await withServer(ErrorRobotHandler, async (server) => {
      // Make sure that a valid code is set in the test.
      server.return_code = null;
      await fn(server);
    });
  });
}

httpErrorsTest("testUnauthorized", async (server) => {
  server.return_code = 401;
  const addr = server.server_address;
  const url = `http://127.0.0.1:${addr[1]}`;
  const robots_url = url + "/robots.txt";
  const parser = new robotparser.RobotFileParser();
  parser.set_url(url);
  await parser.read();
  assertFalse(parser.can_fetch("*", robots_url));
  assertFalse(parser.can_fetch("*", url + "/some/file.html"));
});

httpErrorsTest("testForbidden", async (server) => {
  server.return_code = 403;
  const addr = server.server_address;
  const url = `http://127.0.0.1:${addr[1]}`;
  const robots_url = url + "/robots.txt";
  const parser = new robotparser.RobotFileParser();
  parser.set_url(url);
  await parser.read();
  assertFalse(parser.can_fetch("*", robots_url));
  assertFalse(parser.can_fetch("*", url + "/some/file.html"));
});

httpErrorsTest("testNotFound", async (server) => {
  server.return_code = 404;
  const addr = server.server_address;
  const url = `http://127.0.0.1:${addr[1]}`;
  const robots_url = url + "/robots.txt";
  const parser = new robotparser.RobotFileParser();
  parser.set_url(url);
  await parser.read();
  assertTrue(parser.can_fetch("*", robots_url));
  assertTrue(parser.can_fetch("*", url + "/path/file.html"));
});

httpErrorsTest("testTeapot", async (server) => {
  server.return_code = 418;
  const addr = server.server_address;
  const url = `http://127.0.0.1:${addr[1]}`;
  const robots_url = url + "/robots.txt";
  const parser = new robotparser.RobotFileParser();
  parser.set_url(url);
  await parser.read();
  assertTrue(parser.can_fetch("*", robots_url));
  assertTrue(parser.can_fetch("*", url + "/pot-1?milk-type=Cream"));
});

httpErrorsTest("testServiceUnavailable", async (server) => {
  server.return_code = 503;
  const addr = server.server_address;
  const url = `http://127.0.0.1:${addr[1]}`;
  const robots_url = url + "/robots.txt";
  const parser = new robotparser.RobotFileParser();
  parser.set_url(url);
  await parser.read();
  assertFalse(parser.can_fetch("*", robots_url));
  assertFalse(parser.can_fetch("*", url + "/path/file.html"));
});

// NetworkTestCase reads robots.txt from www.pythontest.net: the real internet, which our tests never use.
for (const name of ["test_basic", "test_can_fetch", "test_read_404"]) {
  Deno.test({
    name: `NetworkTestCase.${name} (ignored: needs the real internet, www.pythontest.net)`,
    ignore: true,
    fn() {},
  });
}
