// Unit tests of http.cookiejar with vectors from CPython's test_http_cookiejar, and hostile inputs.
import assert from "node:assert/strict";
import {
  Absent,
  Cookie,
  CookieJar,
  type CookieRequest,
  DAYS,
  deepvalues,
  DEFAULT_HTTP_PORT,
  DefaultCookiePolicy,
  domain_match,
  EPOCH_YEAR,
  ESCAPED_CHAR_RE,
  FileCookieJar,
  HEADER_TOKEN_RE,
  http2time,
  HTTP_PATH_SAFE,
  HTTPONLY_ATTR,
  HTTPONLY_PREFIX,
  iso2time,
  ISO_DATE_RE,
  join_header_words,
  LOOSE_HTTP_DATE_RE,
  LWPCookieJar,
  MISSING_FILENAME_TEXT,
  MONTHS_LOWER,
  MozillaCookieJar,
  NETSCAPE_HEADER_TEXT,
  NETSCAPE_MAGIC_RGX,
  parse_ns_headers,
  reach,
  request_host,
  request_port,
  split_header_words,
  STRICT_DATE_RE,
  time2isoz,
  time2netscape,
  timegm,
  unmatched,
  uppercase_escaped_char,
  UTC_ZONES,
} from "../../http/cookiejar.ts";
import { HTTPMessage } from "../../_util/message.ts";
import { repr } from "../../_util/repr.ts";
import { len } from "../../_util/builtins.ts";
import { kw } from "../../_util/signature.ts";
import { TypeError as PyTypeError, ValueError } from "../../_util/exceptions.ts";

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

// ---------------------------------------------------------------------------
// Issue 13: keywords, path-likes, class attributes and public names (expected values from CPython 3.14)

const pyError = (cls: new (...a: never[]) => Error, message: string) => (e: unknown) =>
  e instanceof cls && (e as Error).message === message;

Deno.test("http.cookiejar: new CookieJar({ policy }) takes the policy (it used to take the keywords object)", () => {
  const policy = new DefaultCookiePolicy({ blocked_domains: ["blocked.example"] });
  for (const jar of [new CookieJar({ policy }), new CookieJar(kw({ policy })), new CookieJar(policy)]) {
    assert.equal(jar._policy, policy);
    interact(jar, "http://blocked.example/", "a=1");
    interact(jar, "http://www.acme.com/", "b=2");
    assert.deepEqual([...jar].map((c) => c.name), ["b"]);
    assert.equal(len(jar), 1);
  }
  assert.ok(new CookieJar()._policy instanceof DefaultCookiePolicy);
  assert.throws(
    () => new CookieJar({ polcy: policy } as never),
    pyError(
      PyTypeError,
      "CookieJar.__init__() got an unexpected keyword argument 'polcy'. Did you mean 'policy'?",
    ),
  );
});

Deno.test("http.cookiejar: DefaultCookiePolicy takes every switch by keyword, positionally, or both", () => {
  const p = new DefaultCookiePolicy({
    blocked_domains: [".ads.example"],
    strict_ns_domain: DefaultCookiePolicy.DomainStrict,
    rfc2965: true,
    secure_protocols: ["https"],
  });
  assert.equal(repr(p.blocked_domains()), "('.ads.example',)");
  assert.equal(p.allowed_domains(), null);
  assert.equal(p.strict_ns_domain, 3);
  assert.equal(p.rfc2965, true);
  assert.equal(p.netscape, true);
  assert.deepEqual([...p.secure_protocols], ["https"]);
  const q = new DefaultCookiePolicy(null, ["a.com"], { netscape: false });
  assert.equal(repr(q.allowed_domains()), "('a.com',)");
  assert.equal(q.netscape, false);
  assert.equal(repr(new DefaultCookiePolicy().secure_protocols), "('https', 'wss')");
  q.set_blocked_domains({ blocked_domains: [".b.com"] });
  assert.equal(q.is_blocked("www.b.com"), true);
  assert.equal(q.is_blocked({ domain: "c.com" } as never), false);
  // strict_ns_domain by keyword has its effect: DomainStrictNoDots refuses www.acme.com's cookie for .acme.com
  const jar = new CookieJar(
    new DefaultCookiePolicy({ strict_ns_domain: DefaultCookiePolicy.DomainStrictNoDots }),
  );
  interact(jar, "http://x.www.acme.com/", "a=1; domain=.acme.com");
  assert.equal(len(jar), 0);
  assert.throws(
    () => new DefaultCookiePolicy({ strict: true } as never),
    pyError(PyTypeError, "DefaultCookiePolicy.__init__() got an unexpected keyword argument 'strict'"),
  );
});

Deno.test("http.cookiejar: FileCookieJar({ filename, delayload, policy }) and path-like file names", async () => {
  const policy = new DefaultCookiePolicy();
  const j = new MozillaCookieJar({ filename: "c.txt", delayload: 1 as never, policy });
  assert.equal(j.filename, "c.txt");
  assert.equal(j.delayload, true);
  assert.equal(j._policy, policy);
  const k = new LWPCookieJar("d.lwp", { policy });
  assert.equal(k.filename, "d.lwp");
  assert.equal(k._policy, policy);
  assert.equal(new FileCookieJar().filename, null);
  // os.fspath: str and bytes as they are, __fspath__ called, anything else CPython's TypeError.
  class P {
    constructor(readonly v: unknown) {}
    __fspath__() {
      return this.v as string;
    }
  }
  assert.equal(new FileCookieJar(new P("x.txt")).filename, "x.txt");
  assert.deepEqual(new FileCookieJar(new Uint8Array([0x79])).filename, new Uint8Array([0x79]));
  assert.throws(
    () => new FileCookieJar(5 as never),
    pyError(PyTypeError, "expected str, bytes or os.PathLike object, not int"),
  );
  assert.throws(
    () => new MozillaCookieJar(1.5 as never),
    pyError(PyTypeError, "expected str, bytes or os.PathLike object, not float"),
  );
  assert.throws(
    () => new FileCookieJar(new P(5)),
    pyError(PyTypeError, "expected P.__fspath__() to return str or bytes, not int"),
  );
  // save/load/revert take a path-like too, and their keywords.
  const path = await Deno.makeTempFile();
  try {
    const jar = new MozillaCookieJar();
    interact(jar, "http://www.acme.com/", "a=1; path=/");
    await jar.save(new P(path), { ignore_discard: true });
    const back = new MozillaCookieJar(new P(path));
    await back.load({ ignore_discard: true });
    assert.deepEqual([...back].map((c) => c.name), ["a"]);
    await back.revert(kw({ filename: new P(path), ignore_discard: false }));
    assert.equal(len(back), 0);
    await assert.rejects(
      () => back.load(7 as never),
      pyError(PyTypeError, "expected str, bytes or os.PathLike object, not int"),
    );
    await assert.rejects(
      () => back.save({ bogus: 1 } as never),
      pyError(PyTypeError, "MozillaCookieJar.save() got an unexpected keyword argument 'bogus'"),
    );
  } finally {
    await Deno.remove(path);
  }
});

Deno.test("http.cookiejar: class attributes of DefaultCookiePolicy and CookieJar", () => {
  assert.equal(DefaultCookiePolicy.DomainStrictNoDots, 1);
  assert.equal(DefaultCookiePolicy.DomainStrictNonDomain, 2);
  assert.equal(DefaultCookiePolicy.DomainRFC2965Match, 4);
  assert.equal(DefaultCookiePolicy.DomainLiberal, 0);
  assert.equal(DefaultCookiePolicy.DomainStrict, 3);
  const p = new DefaultCookiePolicy();
  assert.equal(p.DomainStrict, 3);
  class Mine extends DefaultCookiePolicy {
    static override DomainStrict = 7;
  }
  assert.equal(new Mine().DomainStrict, 7);
  assert.equal(p.DomainStrict, 3);
  assert.ok(CookieJar.magic_re.test("#LWP-Cookies-2.0"));
  assert.equal(new CookieJar().non_word_re, CookieJar.non_word_re);
});

Deno.test("http.cookiejar: public names CPython's module has (DEFAULT_HTTP_PORT, deepvalues, timegm, ...)", () => {
  assert.equal(DEFAULT_HTTP_PORT, "80");
  assert.equal(
    MISSING_FILENAME_TEXT,
    "a filename was not supplied (nor was the CookieJar instance initialised with one)",
  );
  assert.equal(NETSCAPE_HEADER_TEXT.split("\n")[0], "# Netscape HTTP Cookie File");
  assert.equal(HTTPONLY_ATTR, "HTTPOnly");
  assert.equal(HTTPONLY_PREFIX, "#HttpOnly_");
  assert.equal(EPOCH_YEAR, 1970);
  assert.deepEqual(DAYS, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
  assert.equal(MONTHS_LOWER[11], "dec");
  assert.equal("GMT" in UTC_ZONES && UTC_ZONES.GMT, null);
  assert.equal(HTTP_PATH_SAFE, "%/;:@&=+$,!~*'()");
  assert.ok(NETSCAPE_MAGIC_RGX.test("# HTTP Cookie File"));
  assert.ok(STRICT_DATE_RE.test("Wed, 09 Jun 2021 10:18:14 GMT"));
  assert.ok(LOOSE_HTTP_DATE_RE.test("09-Jun-2021 10:18:14 GMT"));
  assert.ok(ISO_DATE_RE.test("1994-02-03 14:15:29 -0100"));
  assert.equal(unmatched(HEADER_TOKEN_RE.exec(" foo=bar")!), "=bar");
  assert.equal(uppercase_escaped_char(ESCAPED_CHAR_RE.exec("/a%7eb")!), "%7E");
  assert.equal(timegm([2020, 2, 30, 0, 0, 0]), 1583020800);
  assert.throws(() => timegm([2020, 13, 1, 0, 0, 0]), pyError(ValueError, "month must be in 1..12"));
  assert.deepEqual([...deepvalues({ a: { x: 1, y: new Map([["z", 2]]) }, b: 3 })], [1, 2, 3]);
  assert.ok(new Absent() instanceof Absent);
  // The helpers take their parameter by keyword; a plain object where a request goes is a request.
  const req = new Req("http://www.Acme.com:8080/a b");
  assert.equal(request_host(kw({ request: req })), "www.acme.com");
  // A plain object where a request goes is a (duck-typed) request, not keywords.
  assert.equal(request_port({ host: "www.acme.com:8080" } as CookieRequest), "8080");
  assert.equal(request_port(req), "8080");
  assert.equal(http2time({ text: "09-Jun-2021 10:18:14 GMT" }), 1623233894);
  assert.equal(domain_match("x.y.com", { B: ".y.com" }), true);
  assert.throws(
    () => http2time({ txt: "x" } as never),
    pyError(PyTypeError, "http2time() got an unexpected keyword argument 'txt'. Did you mean 'text'?"),
  );
});

Deno.test("http.cookiejar: Cookie takes its 17 parameters by keyword, positionally, or mixed; rest is a dict", () => {
  const c = new Cookie(
    0,
    "n",
    "v",
    null,
    false,
    "Example.com",
    false,
    false,
    "/",
    false,
    false,
    null,
    true,
    null,
    null,
    {
      HttpOnly: null,
    },
    { rfc2109: true },
  );
  assert.equal(c.domain, "example.com");
  assert.equal(c.rfc2109, true);
  assert.equal(c.has_nonstandard_attr({ name: "HttpOnly" }), true);
  assert.equal(c.get_nonstandard_attr("x", kw({ default: 5 })), 5);
  assert.deepEqual(c.get_nonstandard_attr("x", { a: 1 }), { a: 1 }); // a dict default is the default
  c.set_nonstandard_attr({ name: "x", value: 1 });
  assert.equal(c.get_nonstandard_attr("x"), 1);
  assert.equal(c.is_expired({ now: 0 }), false);
  assert.throws(
    () => new (Cookie as unknown as new (...a: unknown[]) => Cookie)(0, "n"),
    pyError(
      PyTypeError,
      "Cookie.__init__() missing 14 required positional arguments: 'value', 'port', 'port_specified', 'domain', " +
        "'domain_specified', 'domain_initial_dot', 'path', 'path_specified', 'secure', 'expires', 'discard', " +
        "'comment', 'comment_url', and 'rest'",
    ),
  );
  const jar = new CookieJar();
  jar.set_cookie(c);
  jar.clear({ domain: "example.com", path: "/", name: "n" });
  assert.equal(len(jar), 0);
});
