// Unit tests of http.cookiejar with vectors from CPython's test_http_cookiejar, and hostile inputs.
import assert from "node:assert/strict";
import {
  Cookie,
  CookieJar,
  type CookieRequest,
  DefaultCookiePolicy,
  http2time,
  iso2time,
  join_header_words,
  parse_ns_headers,
  reach,
  split_header_words,
  time2isoz,
  time2netscape,
} from "../../http/cookiejar.ts";
import { HTTPMessage } from "../../_util/message.ts";
import { repr } from "../../_util/repr.ts";

class Req implements CookieRequest {
  headers: Record<string, string> = {};
  #url: URL;
  constructor(public url: string, public unverifiable = false, origin?: string) {
    this.#url = new URL(url);
    this.origin_req_host = origin ?? this.#url.hostname;
  }
  origin_req_host: string;
  get_full_url(): string {
    return this.url;
  }
  get host(): string {
    return this.#url.host;
  }
  get type(): string {
    return this.#url.protocol.slice(0, -1);
  }
  has_header(k: string): boolean {
    return k in this.headers;
  }
  get_header(k: string, d: string | null = null): string | null {
    return this.headers[k] ?? d;
  }
  add_unredirected_header(k: string, v: string): void {
    this.headers[k] = v;
  }
}

/** CPython's `interact_netscape`: send a request, get Set-Cookie headers back; returns the Cookie header sent. */
function interact(jar: CookieJar, url: string, ...setCookies: string[]): string {
  const req = new Req(url);
  jar.add_cookie_header(req);
  const cookie = req.headers["Cookie"] ?? "";
  const msg = new HTTPMessage();
  for (const s of setCookies) msg.set("Set-Cookie", s);
  jar.extract_cookies({ info: () => msg }, req);
  return cookie;
}

function interact2965(jar: CookieJar, url: string, ...setCookies: string[]): string {
  const req = new Req(url);
  jar.add_cookie_header(req);
  const cookie = req.headers["Cookie"] ?? "";
  const msg = new HTTPMessage();
  for (const s of setCookies) msg.set("Set-Cookie2", s);
  jar.extract_cookies({ info: () => msg }, req);
  return cookie;
}

Deno.test("http.cookiejar: date helpers (DateTimeTests)", () => {
  assert.equal(time2isoz(0), "1970-01-01 00:00:00Z");
  assert.equal(time2isoz(500000), "1970-01-06 18:53:20Z");
  assert.equal(time2netscape(0), "Thu, 01-Jan-1970 00:00:00 GMT");
  assert.equal(time2netscape(1500000000), "Fri, 14-Jul-2017 02:40:00 GMT");
  const tests = [
    "Thu, 03 Feb 1994 00:00:00 GMT",
    "Thursday, 03-Feb-94 00:00:00 GMT",
    "Thursday, 03-Feb-1994 00:00:00 GMT",
    "03 Feb 1994 00:00:00 GMT",
    "03-Feb-94 00:00:00 GMT",
    "03-Feb-1994 00:00:00 GMT",
    "03-Feb-1994 00:00 GMT",
    "03-Feb-1994 00:00",
    "02-Feb-1994 24:00",
    "03-Feb-94",
    "03-Feb-1994",
    "03 Feb 1994",
    "  03   Feb   1994  0:00  ",
    "  03-Feb-1994  ",
  ];
  for (const s of tests) {
    assert.equal(http2time(s), 760233600, s);
    assert.equal(http2time(s.toLowerCase()), 760233600, s);
    assert.equal(http2time(s.toUpperCase()), 760233600, s);
  }
  for (
    const bad of [
      "",
      "Garbage",
      "Mandag 16. September 1996",
      "01-00-1980",
      "01-13-1980",
      "00-01-1980",
      "32-01-1980",
      "01-01-1980 25:00:00",
      "01-01-1980 00:61:00",
      "01-01-1980 00:00:62",
      "08-Oct-3697739",
      "08-01-3697739",
      "09 Feb 19942632 22:23:32 GMT",
      "Wed, 09 Feb 1994834 22:23:32 GMT",
    ]
  ) {
    assert.equal(http2time(bad), null, bad);
    assert.equal(iso2time(bad), null, bad);
  }
  for (
    const s of [
      "1994-02-03 00:00:00 -0000",
      "1994-02-03 00:00:00 +0000",
      "1994-02-03 00:00:00",
      "1994-02-03",
      "1994-02-03T00:00:00",
      "19940203",
      "1994-02-02 24:00:00",
      "19940203T000000Z",
      "  1994-02-03 ",
      "  1994-02-03T00:00:00  ",
    ]
  ) assert.equal(iso2time(s), 760233600, s);
  assert.equal(iso2time("1994-02-03 00:00:00 +0100"), 760233600 - 3600);
});

Deno.test("http.cookiejar: header words (HeaderTests)", () => {
  assert.equal(
    repr(split_header_words(['Basic realm="\\"foo\\bar\\""'])),
    `[[('Basic', None), ('realm', '"foobar"')]]`,
  );
  assert.equal(repr(split_header_words(["foo"])), "[[('foo', None)]]");
  assert.equal(repr(split_header_words(["foo=bar"])), "[[('foo', 'bar')]]");
  assert.equal(repr(split_header_words(["   foo   "])), "[[('foo', None)]]");
  assert.equal(repr(split_header_words(["foo, bar"])), "[[('foo', None)], [('bar', None)]]");
  assert.equal(repr(split_header_words(['foo="\\"bar\\""'])), `[[('foo', '"bar"')]]`);
  assert.equal(
    repr(split_header_words(['foo="bar"; port="80,81"; discard, bar=baz'])),
    "[[('foo', 'bar'), ('port', '80,81'), ('discard', None)], [('bar', 'baz')]]",
  );
  assert.equal(join_header_words([[["foo", null], ["bar", "baz"]]]), "foo; bar=baz");
  assert.equal(join_header_words([[["foo", null]], [["bar", "baz"]]]), "foo, bar=baz");
  assert.equal(join_header_words([[["foo", ""]]]), 'foo=""');
  assert.equal(join_header_words([[["foo", 'a"b\\c']]]), 'foo="a\\"b\\\\c"');
  assert.equal(
    repr(parse_ns_headers(["foo=bar; path=/; domain"])),
    "[[('foo', 'bar'), ('path', '/'), ('domain', None), ('version', '0')]]",
  );
  assert.equal(
    repr(parse_ns_headers(['foo=bar; expires="Foo Bar 2012"'])),
    "[[('foo', 'bar'), ('expires', None), ('version', '0')]]",
  );
  assert.equal(repr(parse_ns_headers(["foo=bar; Version=1"])), "[[('foo', 'bar'), ('version', '1')]]");
  assert.equal(reach("www.acme.com"), ".acme.com");
  assert.equal(reach("acme.com"), "acme.com");
  assert.equal(reach("acme.local"), ".local");
});

Deno.test("http.cookiejar: domain_return_ok matches on dot boundaries (CVE-2018-20852)", () => {
  const pol = new DefaultCookiePolicy();
  const cases: [string, string, boolean][] = [
    ["http://foo.bar.com/", "blah.com", false],
    ["http://foo.bar.com/", "rhubarb.blah.com", false],
    ["http://foo.bar.com/", "rhubarb.foo.bar.com", false],
    ["http://foo.bar.com/", ".foo.bar.com", true],
    ["http://foo.bar.com/", "foo.bar.com", true],
    ["http://foo.bar.com/", ".bar.com", true],
    ["http://foo.bar.com/", "bar.com", true],
    ["http://foo.bar.com/", "com", true],
    ["http://foo.com/", "rhubarb.foo.com", false],
    ["http://foo.com/", ".foo.com", true],
    ["http://foo.com/", "foo.com", true],
    ["http://foo.com/", "com", true],
    ["http://foo/", "rhubarb.foo", false],
    ["http://foo/", ".foo", true],
    ["http://foo/", "foo", true],
    ["http://foo/", "foo.local", true],
    ["http://foo/", ".local", true],
    ["http://barfoo.com", ".foo.com", false],
    ["http://barfoo.com", "foo.com", false],
  ];
  for (const [url, domain, ok] of cases) {
    assert.equal(pol.domain_return_ok(domain, new Req(url)), ok, `${url} ${domain}`);
  }
});

Deno.test("http.cookiejar: path prefix match on a / boundary (bpo-35647)", () => {
  const jar = new CookieJar(new DefaultCookiePolicy());
  const strict = new DefaultCookiePolicy({ strict_ns_set_path: true });
  interact(jar, "http://bar.com", "spam=eggs; Path=/foo");
  const cookie = jar._cookies.get("bar.com")!.get("/foo")!.get("spam")!;
  for (
    const [path, ok] of [["/foo", true], ["/foo/", true], ["/foo/bar", true], ["/", false], [
      "/foobad/foo",
      false,
    ]] as [
      string,
      boolean,
    ][]
  ) {
    const url = `http://bar.com${path}`;
    const h = interact(jar, url);
    assert.equal(h.includes("spam=eggs"), ok, path);
    assert.equal(strict.set_ok_path(cookie, new Req(url)), ok, path);
  }
});

Deno.test("http.cookiejar: Netscape example from CPython's LWPCookieTests", () => {
  const jar = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));
  interact(
    jar,
    "http://www.acme.com/",
    "CUSTOMER=WILE_E_COYOTE; path=/ ; expires=Wednesday, 09-Nov-99 23:12:40 GMT",
  );
  let h = interact(jar, "http://www.acme.com/foo/bar");
  assert.equal(h, "");
  const jar2 = new CookieJar();
  interact(
    jar2,
    "http://www.acme.com/",
    "CUSTOMER=WILE_E_COYOTE; path=/ ; expires=Wednesday, 09-Nov-29 23:12:40 GMT",
  );
  interact(jar2, "http://www.acme.com/", "PART_NUMBER=ROCKET_LAUNCHER_0001; path=/");
  h = interact(jar2, "http://www.acme.com/foo/bar");
  assert.equal(h, "CUSTOMER=WILE_E_COYOTE; PART_NUMBER=ROCKET_LAUNCHER_0001");
  interact(jar2, "http://www.acme.com/", "SHIPPING=FEDEX; path=/foo");
  assert.equal(
    interact(jar2, "http://www.acme.com/"),
    "CUSTOMER=WILE_E_COYOTE; PART_NUMBER=ROCKET_LAUNCHER_0001",
  );
  assert.equal(
    interact(jar2, "http://www.acme.com/foo/bar"),
    "SHIPPING=FEDEX; CUSTOMER=WILE_E_COYOTE; PART_NUMBER=ROCKET_LAUNCHER_0001",
  );
});

Deno.test("http.cookiejar: RFC 2965 example (ack, Version=1)", () => {
  const jar = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));
  interact2965(jar, "http://www.acme.com/acme/login", 'Customer="WILE_E_COYOTE"; Version="1"; Path="/acme"');
  const h = interact2965(
    jar,
    "http://www.acme.com/acme/pickitem",
    'Part_Number="Rocket_Launcher_0001"; Version="1"; Path="/acme"',
  );
  assert.equal(h, '$Version=1; Customer=WILE_E_COYOTE; $Path="/acme"');
  const req = new Req("http://www.acme.com/acme/shipping");
  jar.add_cookie_header(req);
  assert.equal(
    req.headers["Cookie"],
    '$Version=1; Customer=WILE_E_COYOTE; $Path="/acme"; Part_Number=Rocket_Launcher_0001; $Path="/acme"',
  );
  assert.equal(req.headers["Cookie2"], undefined);
  assert.equal(jar.size, 2);
  jar.clear_session_cookies();
  assert.equal(jar.size, 0);
});

Deno.test("http.cookiejar: Cookie repr, str and jar clear", () => {
  const c = new Cookie(
    0,
    "a",
    "b",
    null,
    false,
    "Example.COM",
    false,
    false,
    "/",
    false,
    false,
    10,
    false,
    null,
    null,
    {
      HttpOnly: null,
    },
  );
  assert.equal(
    repr(c),
    "Cookie(version=0, name='a', value='b', port=None, port_specified=False, domain='example.com', " +
      "domain_specified=False, domain_initial_dot=False, path='/', path_specified=False, secure=False, " +
      "expires=10, discard=False, comment=None, comment_url=None, rest={'HttpOnly': None}, rfc2109=False)",
  );
  assert.equal(String(c), "<Cookie a=b for example.com/>");
  assert.ok(c.is_expired());
  assert.ok(!c.is_expired(5));
  const jar = new CookieJar();
  jar.set_cookie(c);
  assert.equal(String(jar), "<CookieJar[<Cookie a=b for example.com/>]>");
  assert.throws(() => jar.clear("example.com", "/", "nope"), (e: Error) => e.name === "KeyError");
  assert.throws(() => jar.clear(null, null, "a"), /domain and path must be given/);
  jar.clear("example.com");
  assert.equal(jar.size, 0);
});

Deno.test("http.cookiejar: hostile 1 MB inputs finish (bpo-38804 and friends)", () => {
  const MB = 1 << 20;
  const dates = [
    "01 Jan 1970" + " ".repeat(MB) + "x",
    "0".repeat(MB),
    "1".repeat(MB) + "-Jan-1970",
    "01 " + "a".repeat(MB),
    "01 Jan " + "1".repeat(MB),
    "01 Jan 1970 " + "1".repeat(MB),
    "01 Jan 1970 12:00 " + "(".repeat(MB),
    "Wed" + "a".repeat(MB),
    "Wed," + " ".repeat(MB) + "01",
    "1994-02-03 14:15:29." + "1".repeat(MB),
    "1994-02-03 14:15:29." + "1".repeat(MB) + "x",
    "1994-02-03" + " ".repeat(MB) + "x",
    "1994" + "-".repeat(MB),
    "1994-02-03 14:15:29 " + "+".repeat(MB),
    " ".repeat(MB),
    "01-01-1980 00:00:00" + " ".repeat(MB) + "GMT(" + "a".repeat(MB),
  ];
  for (const d of dates) {
    for (const f of [http2time, iso2time]) {
      try {
        const t = f(d);
        assert.ok(t === null || typeof t === "number");
      } catch (e) {
        assert.equal((e as Error).name, "ValueError");
      }
    }
  }
  const headers = [
    ";".repeat(MB),
    "=".repeat(MB),
    '"'.repeat(MB),
    "a=" + '"'.repeat(MB),
    'a="' + "\\".repeat(MB),
    "a=b; ".repeat(MB / 5),
    "a" + "=b".repeat(MB / 2),
    'a="' + " a=b".repeat(MB / 4) + "\\\n",
    "a=b; expires=" + "Wednesday, ".repeat(MB / 11),
    "a=b; max-age=" + "9".repeat(MB),
    "a=b; path=/" + "%".repeat(MB),
    "a=b; domain=" + ".".repeat(MB),
    "a=b," + " ,".repeat(MB / 2),
  ];
  for (const h of headers) {
    // extract_cookies runs split_header_words (Set-Cookie2) and parse_ns_headers (Set-Cookie) on them.
    const jar = new CookieJar(new DefaultCookiePolicy({ rfc2965: true }));
    const msg = new HTTPMessage();
    msg.set("Set-Cookie", h);
    msg.set("Set-Cookie2", h);
    jar.extract_cookies({ info: () => msg }, new Req("http://www.example.com/a/b"));
    const req = new Req("http://www.example.com/a/b");
    jar.add_cookie_header(req);
    assert.ok(jar.size >= 0);
  }
  // Many cookies in one jar.
  const jar = new CookieJar();
  const msg = new HTTPMessage();
  for (let i = 0; i < 20000; i++) msg.set("Set-Cookie", `c${i}=v${i}; Path=/p${i % 7}`);
  jar.extract_cookies({ info: () => msg }, new Req("http://www.example.com/"));
  assert.equal(jar.size, 20000);
  const req = new Req("http://www.example.com/p3/x");
  jar.add_cookie_header(req);
  assert.ok(req.headers["Cookie"].length > 1000);
});
