// Port of CPython 3.14's Lib/test/test_urlparse.py (RustPython/RustPython cc1e55e), line by line.
// `@support.subTests` becomes a loop of `subTest`s (outer decorator outermost), `self.skipTest` inside one
// skips that subtest, and a bytes dict (`{b'a': [b'1']}`) is a `Map` with `Bytes` keys, as `parse_qs` returns.
import {
  b,
  type Bytes,
  bytes,
  DeprecationWarning,
  encode,
  eq,
  len,
  str,
  tuple,
  TypeError,
  UnicodeDecodeError,
  UnicodeEncodeError,
  UnicodeError,
  urllib,
  ValueError,
} from "@pyweb/std";
import * as urllib_parse from "@pyweb/std/urllib/parse";
import {
  assertCountEqual,
  assertEndsWith,
  assertEqual,
  assertIn,
  assertIs,
  assertNotEndsWith,
  assertRaises,
  assertRaisesRegex,
  assertSequenceEqual,
  assertTrue,
  assertWarns,
  subTest,
} from "./_unittest.ts";

// deno-lint-ignore no-explicit-any
type Any = any;

const __file__ = decodeURIComponent(new URL(import.meta.url).pathname);

const RFC1808_BASE = "http://a/b/c/d;p?q#f";
const RFC2396_BASE = "http://a/b/c/d;p?q";
const RFC3986_BASE = "http://a/b/c/d;p?q";
const SIMPLE_BASE = "http://a/b/c/d";

/** A dict with bytes keys: a `Map`, as `parse_qs` of bytes returns. */
function bdict(entries: [Bytes, Bytes[]][]): Map<Bytes, Bytes[]> {
  return new Map(entries);
}

/** Python's `bytearray(x)` and `memoryview(x)`: a plain `Uint8Array` copy, and a view. */
function bytearray(x: Uint8Array): Uint8Array {
  return new Uint8Array(x);
}
function memoryview(x: Uint8Array): Uint8Array {
  return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
}

/** Python's `str.isascii()`. */
function isascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

// Each parse_qsl testcase is a two-tuple that contains
// a string with the query and a list with the expected result.

const parse_qsl_test_cases: [string | Bytes, unknown[]][] = [
  ["", []],
  ["&", []],
  ["&&", []],
  ["=", [tuple("", "")]],
  ["=a", [tuple("", "a")]],
  ["a", [tuple("a", "")]],
  ["a=", [tuple("a", "")]],
  ["a=b=c", [tuple("a", "b=c")]],
  ["a%3Db=c", [tuple("a=b", "c")]],
  ["a=b&c=d", [tuple("a", "b"), tuple("c", "d")]],
  ["a=b%26c=d", [tuple("a", "b&c=d")]],
  ["&a=b", [tuple("a", "b")]],
  ["a=a+b&b=b+c", [tuple("a", "a b"), tuple("b", "b c")]],
  ["a=1&a=2", [tuple("a", "1"), tuple("a", "2")]],
  [b``, []],
  [b`&`, []],
  [b`&&`, []],
  [b`=`, [tuple(b``, b``)]],
  [b`=a`, [tuple(b``, b`a`)]],
  [b`a`, [tuple(b`a`, b``)]],
  [b`a=`, [tuple(b`a`, b``)]],
  [b`a=b=c`, [tuple(b`a`, b`b=c`)]],
  [b`a%3Db=c`, [tuple(b`a=b`, b`c`)]],
  [b`a=b&c=d`, [tuple(b`a`, b`b`), tuple(b`c`, b`d`)]],
  [b`a=b%26c=d`, [tuple(b`a`, b`b&c=d`)]],
  [b`&a=b`, [tuple(b`a`, b`b`)]],
  [b`a=a+b&b=b+c`, [tuple(b`a`, b`a b`), tuple(b`b`, b`b c`)]],
  [b`a=1&a=2`, [tuple(b`a`, b`1`), tuple(b`a`, b`2`)]],
  [";a=b", [tuple(";a", "b")]],
  ["a=a+b;b=b+c", [tuple("a", "a b;b=b c")]],
  [b`;a=b`, [tuple(b`;a`, b`b`)]],
  [b`a=a+b;b=b+c`, [tuple(b`a`, b`a b;b=b c`)]],

  ["\u0141=\xE9", [tuple("\u0141", "\xE9")]],
  ["%C5%81=%C3%A9", [tuple("\u0141", "\xE9")]],
  ["%81=%A9", [tuple("\ufffd", "\ufffd")]],
  [b`\xc5\x81=\xc3\xa9`, [tuple(b`\xc5\x81`, b`\xc3\xa9`)]],
  [b`%C5%81=%C3%A9`, [tuple(b`\xc5\x81`, b`\xc3\xa9`)]],
  [b`\x81=\xA9`, [tuple(b`\x81`, b`\xa9`)]],
  [b`%81=%A9`, [tuple(b`\x81`, b`\xa9`)]],
];

// Each parse_qs testcase is a two-tuple that contains
// a string with the query and a dictionary with the expected result.

const parse_qs_test_cases: [string | Bytes, Record<string, string[]> | Map<Bytes, Bytes[]>][] = [
  ["", {}],
  ["&", {}],
  ["&&", {}],
  ["=", { "": [""] }],
  ["=a", { "": ["a"] }],
  ["a", { "a": [""] }],
  ["a=", { "a": [""] }],
  ["a=b=c", { "a": ["b=c"] }],
  ["a%3Db=c", { "a=b": ["c"] }],
  ["a=b&c=d", { "a": ["b"], "c": ["d"] }],
  ["a=b%26c=d", { "a": ["b&c=d"] }],
  ["&a=b", { "a": ["b"] }],
  ["a=a+b&b=b+c", { "a": ["a b"], "b": ["b c"] }],
  ["a=1&a=2", { "a": ["1", "2"] }],
  [b``, bdict([])],
  [b`&`, bdict([])],
  [b`&&`, bdict([])],
  [b`=`, bdict([[b``, [b``]]])],
  [b`=a`, bdict([[b``, [b`a`]]])],
  [b`a`, bdict([[b`a`, [b``]]])],
  [b`a=`, bdict([[b`a`, [b``]]])],
  [b`a=b=c`, bdict([[b`a`, [b`b=c`]]])],
  [b`a%3Db=c`, bdict([[b`a=b`, [b`c`]]])],
  [b`a=b&c=d`, bdict([[b`a`, [b`b`]], [b`c`, [b`d`]]])],
  [b`a=b%26c=d`, bdict([[b`a`, [b`b&c=d`]]])],
  [b`&a=b`, bdict([[b`a`, [b`b`]]])],
  [b`a=a+b&b=b+c`, bdict([[b`a`, [b`a b`]], [b`b`, [b`b c`]]])],
  [b`a=1&a=2`, bdict([[b`a`, [b`1`, b`2`]]])],
  [";a=b", { ";a": ["b"] }],
  ["a=a+b;b=b+c", { "a": ["a b;b=b c"] }],
  [b`;a=b`, bdict([[b`;a`, [b`b`]]])],
  [b`a=a+b;b=b+c`, bdict([[b`a`, [b`a b;b=b c`]]])],
  [b`a=a%E2%80%99b`, bdict([[b`a`, [b`a\xe2\x80\x99b`]]])],

  ["\u0141=\xE9", { "\u0141": ["\xE9"] }],
  ["%C5%81=%C3%A9", { "\u0141": ["\xE9"] }],
  ["%81=%A9", { "\ufffd": ["\ufffd"] }],
  [b`\xc5\x81=\xc3\xa9`, bdict([[b`\xc5\x81`, [b`\xc3\xa9`]]])],
  [b`%C5%81=%C3%A9`, bdict([[b`\xc5\x81`, [b`\xc3\xa9`]]])],
  [b`\x81=\xA9`, bdict([[b`\x81`, [b`\xa9`]]])],
  [b`%81=%A9`, bdict([[b`\x81`, [b`\xa9`]]])],
];

/** `{v: expect[v] for v in expect if len(expect[v][0])}`, for a str dict or a bytes `Map`. */
function withoutBlanks(
  expect: Record<string, string[]> | Map<Bytes, Bytes[]>,
): Record<string, string[]> | Map<Bytes, Bytes[]> {
  if (expect instanceof Map) return new Map([...expect].filter(([, v]) => len(v[0])));
  return Object.fromEntries(Object.entries(expect).filter(([, v]) => len(v[0])));
}

function str_encode(s: string): Bytes {
  return encode(s, "ascii");
}

function tuple_encode(t: readonly string[]): Bytes[] {
  return t.map((x) => str_encode(x));
}

// ---------------------------------------------------------------------------------------------------------
// UrlParseTestCase

function checkRoundtrips(url: Any, parsed: Any, split: Any, url2: Any = null) {
  if (url2 === null) {
    url2 = url;
  }
  let result: Any = urllib.parse.urlparse(url);
  assertSequenceEqual(result, parsed);
  let t: Any = [result.scheme, result.netloc, result.path, result.params, result.query, result.fragment];
  assertSequenceEqual(t, parsed);
  // put it back together and it should be the same
  let result2: Any = urllib.parse.urlunparse(result);
  assertSequenceEqual(result2, url2);
  assertSequenceEqual(result2, result.geturl());

  // the result of geturl() is a fixpoint; we can always parse it
  // again to get the same result:
  let result3: Any = urllib.parse.urlparse(result.geturl());
  assertEqual(result3.geturl(), result.geturl());
  assertSequenceEqual(result3, result);
  assertEqual(result3.scheme, result.scheme);
  assertEqual(result3.netloc, result.netloc);
  assertEqual(result3.path, result.path);
  assertEqual(result3.params, result.params);
  assertEqual(result3.query, result.query);
  assertEqual(result3.fragment, result.fragment);
  assertEqual(result3.username, result.username);
  assertEqual(result3.password, result.password);
  assertEqual(result3.hostname, result.hostname);
  assertEqual(result3.port, result.port);

  // check the roundtrip using urlsplit() as well
  result = urllib.parse.urlsplit(url);
  assertSequenceEqual(result, split);
  t = [result.scheme, result.netloc, result.path, result.query, result.fragment];
  assertSequenceEqual(t, split);
  result2 = urllib.parse.urlunsplit(result);
  assertSequenceEqual(result2, url2);
  assertSequenceEqual(result2, result.geturl());

  // check the fixpoint property of re-parsing the result of geturl()
  result3 = urllib.parse.urlsplit(result.geturl());
  assertEqual(result3.geturl(), result.geturl());
  assertSequenceEqual(result3, result);
  assertEqual(result3.scheme, result.scheme);
  assertEqual(result3.netloc, result.netloc);
  assertEqual(result3.path, result.path);
  assertEqual(result3.query, result.query);
  assertEqual(result3.fragment, result.fragment);
  assertEqual(result3.username, result.username);
  assertEqual(result3.password, result.password);
  assertEqual(result3.hostname, result.hostname);
  assertEqual(result3.port, result.port);
}

Deno.test("UrlParseTestCase.test_qsl", () => {
  for (const [orig, expect] of parse_qsl_test_cases) {
    subTest({ orig, expect }, () => {
      let result: unknown = urllib.parse.parse_qsl(orig, { keep_blank_values: true });
      assertEqual(result, expect);
      const expect_without_blanks = expect.filter((v) => len((v as unknown[])[1]));
      result = urllib.parse.parse_qsl(orig, { keep_blank_values: false });
      assertEqual(result, expect_without_blanks);
    });
  }
});

Deno.test("UrlParseTestCase.test_qs", () => {
  for (const [orig, expect] of parse_qs_test_cases) {
    subTest({ orig, expect }, () => {
      let result: unknown = urllib.parse.parse_qs(orig, { keep_blank_values: true });
      assertEqual(result, expect);
      const expect_without_blanks = withoutBlanks(expect);
      result = urllib.parse.parse_qs(orig, { keep_blank_values: false });
      assertEqual(result, expect_without_blanks);
    });
  }
});

const roundtrips: [string, string[], string[]][] = [
  ["path/to/file", ["", "", "path/to/file", "", "", ""], ["", "", "path/to/file", "", ""]],
  ["/path/to/file", ["", "", "/path/to/file", "", "", ""], ["", "", "/path/to/file", "", ""]],
  ["//path/to/file", ["", "path", "/to/file", "", "", ""], ["", "path", "/to/file", "", ""]],
  ["////path/to/file", ["", "", "//path/to/file", "", "", ""], ["", "", "//path/to/file", "", ""]],
  ["/////path/to/file", ["", "", "///path/to/file", "", "", ""], ["", "", "///path/to/file", "", ""]],
  ["scheme:path/to/file", ["scheme", "", "path/to/file", "", "", ""], ["scheme", "", "path/to/file", "", ""]],
  [
    "scheme:/path/to/file",
    ["scheme", "", "/path/to/file", "", "", ""],
    ["scheme", "", "/path/to/file", "", ""],
  ],
  ["scheme://path/to/file", ["scheme", "path", "/to/file", "", "", ""], [
    "scheme",
    "path",
    "/to/file",
    "",
    "",
  ]],
  [
    "scheme:////path/to/file",
    ["scheme", "", "//path/to/file", "", "", ""],
    ["scheme", "", "//path/to/file", "", ""],
  ],
  [
    "scheme://///path/to/file",
    ["scheme", "", "///path/to/file", "", "", ""],
    ["scheme", "", "///path/to/file", "", ""],
  ],
  ["file:tmp/junk.txt", ["file", "", "tmp/junk.txt", "", "", ""], ["file", "", "tmp/junk.txt", "", ""]],
  ["file:///tmp/junk.txt", ["file", "", "/tmp/junk.txt", "", "", ""], ["file", "", "/tmp/junk.txt", "", ""]],
  ["file:////tmp/junk.txt", ["file", "", "//tmp/junk.txt", "", "", ""], [
    "file",
    "",
    "//tmp/junk.txt",
    "",
    "",
  ]],
  [
    "file://///tmp/junk.txt",
    ["file", "", "///tmp/junk.txt", "", "", ""],
    ["file", "", "///tmp/junk.txt", "", ""],
  ],
  ["http:tmp/junk.txt", ["http", "", "tmp/junk.txt", "", "", ""], ["http", "", "tmp/junk.txt", "", ""]],
  [
    "http://example.com/tmp/junk.txt",
    ["http", "example.com", "/tmp/junk.txt", "", "", ""],
    ["http", "example.com", "/tmp/junk.txt", "", ""],
  ],
  [
    "http:///example.com/tmp/junk.txt",
    ["http", "", "/example.com/tmp/junk.txt", "", "", ""],
    ["http", "", "/example.com/tmp/junk.txt", "", ""],
  ],
  [
    "http:////example.com/tmp/junk.txt",
    ["http", "", "//example.com/tmp/junk.txt", "", "", ""],
    ["http", "", "//example.com/tmp/junk.txt", "", ""],
  ],
  [
    "imap://mail.python.org/mbox1",
    ["imap", "mail.python.org", "/mbox1", "", "", ""],
    ["imap", "mail.python.org", "/mbox1", "", ""],
  ],
  [
    "mms://wms.sys.hinet.net/cts/Drama/09006251100.asf",
    ["mms", "wms.sys.hinet.net", "/cts/Drama/09006251100.asf", "", "", ""],
    ["mms", "wms.sys.hinet.net", "/cts/Drama/09006251100.asf", "", ""],
  ],
  [
    "nfs://server/path/to/file.txt",
    ["nfs", "server", "/path/to/file.txt", "", "", ""],
    ["nfs", "server", "/path/to/file.txt", "", ""],
  ],
  [
    "svn+ssh://svn.zope.org/repos/main/ZConfig/trunk/",
    ["svn+ssh", "svn.zope.org", "/repos/main/ZConfig/trunk/", "", "", ""],
    ["svn+ssh", "svn.zope.org", "/repos/main/ZConfig/trunk/", "", ""],
  ],
  [
    "git+ssh://git@github.com/user/project.git",
    ["git+ssh", "git@github.com", "/user/project.git", "", "", ""],
    ["git+ssh", "git@github.com", "/user/project.git", "", ""],
  ],
  [
    "itms-services://?action=download-manifest&url=https://example.com/app",
    ["itms-services", "", "", "", "action=download-manifest&url=https://example.com/app", ""],
    ["itms-services", "", "", "action=download-manifest&url=https://example.com/app", ""],
  ],
  [
    "+scheme:path/to/file",
    ["", "", "+scheme:path/to/file", "", "", ""],
    ["", "", "+scheme:path/to/file", "", ""],
  ],
  [
    "sch_me:path/to/file",
    ["", "", "sch_me:path/to/file", "", "", ""],
    ["", "", "sch_me:path/to/file", "", ""],
  ],
  [
    "schème:path/to/file",
    ["", "", "schème:path/to/file", "", "", ""],
    ["", "", "schème:path/to/file", "", ""],
  ],
];

Deno.test("UrlParseTestCase.test_roundtrips", () => {
  for (const bytes of [false, true]) {
    for (let [url, parsed, split] of roundtrips as Any[]) {
      subTest({ bytes, url, parsed, split }, () => {
        if (bytes) {
          if (!isascii(url)) {
            return; // self.skipTest('non-ASCII bytes')
          }
          url = str_encode(url);
          parsed = tuple_encode(parsed);
          split = tuple_encode(split);
        }
        checkRoundtrips(url, parsed, split);
      });
    }
  }
});

Deno.test("UrlParseTestCase.test_roundtrips_normalization", () => {
  const cases: [string, string, string[], string[]][] = [
    ["///path/to/file", "/path/to/file", ["", "", "/path/to/file", "", "", ""], [
      "",
      "",
      "/path/to/file",
      "",
      "",
    ]],
    [
      "scheme:///path/to/file",
      "scheme:/path/to/file",
      ["scheme", "", "/path/to/file", "", "", ""],
      ["scheme", "", "/path/to/file", "", ""],
    ],
    [
      "file:/tmp/junk.txt",
      "file:///tmp/junk.txt",
      ["file", "", "/tmp/junk.txt", "", "", ""],
      ["file", "", "/tmp/junk.txt", "", ""],
    ],
    [
      "http:/tmp/junk.txt",
      "http:///tmp/junk.txt",
      ["http", "", "/tmp/junk.txt", "", "", ""],
      ["http", "", "/tmp/junk.txt", "", ""],
    ],
    [
      "https:/tmp/junk.txt",
      "https:///tmp/junk.txt",
      ["https", "", "/tmp/junk.txt", "", "", ""],
      ["https", "", "/tmp/junk.txt", "", ""],
    ],
  ];
  for (const bytes of [false, true]) {
    for (let [url, url2, parsed, split] of cases as Any[]) {
      subTest({ bytes, url, url2, parsed, split }, () => {
        if (bytes) {
          url = str_encode(url);
          url2 = str_encode(url2);
          parsed = tuple_encode(parsed);
          split = tuple_encode(split);
        }
        checkRoundtrips(url, parsed, split, url2);
      });
    }
  }
});

Deno.test("UrlParseTestCase.test_http_roundtrips", () => {
  const cases: [string, string[], string[]][] = [
    ["://www.python.org", ["www.python.org", "", "", "", ""], ["www.python.org", "", "", ""]],
    ["://www.python.org#abc", ["www.python.org", "", "", "", "abc"], ["www.python.org", "", "", "abc"]],
    ["://www.python.org?q=abc", ["www.python.org", "", "", "q=abc", ""], ["www.python.org", "", "q=abc", ""]],
    ["://www.python.org/#abc", ["www.python.org", "/", "", "", "abc"], ["www.python.org", "/", "", "abc"]],
    ["://a/b/c/d;p?q#f", ["a", "/b/c/d", "p", "q", "f"], ["a", "/b/c/d;p", "q", "f"]],
  ];
  for (const bytes of [false, true]) {
    for (const scheme of ["http", "https"]) {
      for (const [url, parsed, split] of cases) {
        subTest(
          { bytes, scheme, url, parsed, split },
          () => test_http_roundtrips(bytes, scheme, url, parsed, split),
        );
      }
    }
  }

  function test_http_roundtrips(bytes: boolean, scheme: Any, url: Any, parsed: Any, split: Any) {
    // urllib.parse.urlsplit treats 'http:' as an optimized special case,
    // so we test both 'http:' and 'https:' in all the following.
    // Three cheers for white box knowledge!
    if (bytes) {
      scheme = str_encode(scheme);
      url = str_encode(url);
      parsed = tuple_encode(parsed);
      split = tuple_encode(split);
    }
    url = bytes ? scheme.concat(url) : scheme + url;
    parsed = [scheme, ...parsed];
    split = [scheme, ...split];
    checkRoundtrips(url, parsed, split);
  }
});

function checkJoin(base: string, relurl: string, expected: string, { relroundtrip = true } = {}) {
  subTest({ base, relurl }, () => {
    assertEqual(urllib.parse.urljoin(base, relurl), expected);
    const baseb = encode(base, "ascii");
    let relurlb = encode(relurl, "ascii");
    const expectedb = encode(expected, "ascii");
    assertEqual(urllib.parse.urljoin(baseb, relurlb), expectedb);

    if (relroundtrip) {
      relurl = urllib.parse.urlunsplit(urllib.parse.urlsplit(relurl));
      assertEqual(urllib.parse.urljoin(base, relurl), expected);
      relurlb = urllib.parse.urlunsplit(urllib.parse.urlsplit(relurlb));
      assertEqual(urllib.parse.urljoin(baseb, relurlb), expectedb);
    }
  });
}

Deno.test("UrlParseTestCase.test_unparse_parse", () => {
  for (const bytes of [false, true]) {
    for (
      let u of ["Python", "./Python", "x-newscheme://foo.com/stuff", "x://y", "x:/y", "x:/", "/"] as Any[]
    ) {
      subTest({ bytes, u }, () => {
        if (bytes) {
          u = str_encode(u);
        }
        assertEqual(urllib.parse.urlunsplit(urllib.parse.urlsplit(u)), u);
        assertEqual(urllib.parse.urlunparse(urllib.parse.urlparse(u)), u);
      });
    }
  }
});

Deno.test("UrlParseTestCase.test_RFC1808", () => {
  // "normal" cases from RFC 1808:
  checkJoin(RFC1808_BASE, "g:h", "g:h");
  checkJoin(RFC1808_BASE, "g", "http://a/b/c/g");
  checkJoin(RFC1808_BASE, "./g", "http://a/b/c/g");
  checkJoin(RFC1808_BASE, "g/", "http://a/b/c/g/");
  checkJoin(RFC1808_BASE, "/g", "http://a/g");
  checkJoin(RFC1808_BASE, "//g", "http://g");
  checkJoin(RFC1808_BASE, "g?y", "http://a/b/c/g?y");
  checkJoin(RFC1808_BASE, "g?y/./x", "http://a/b/c/g?y/./x");
  checkJoin(RFC1808_BASE, "#s", "http://a/b/c/d;p?q#s");
  checkJoin(RFC1808_BASE, "g#s", "http://a/b/c/g#s");
  checkJoin(RFC1808_BASE, "g#s/./x", "http://a/b/c/g#s/./x");
  checkJoin(RFC1808_BASE, "g?y#s", "http://a/b/c/g?y#s");
  checkJoin(RFC1808_BASE, "g;x", "http://a/b/c/g;x");
  checkJoin(RFC1808_BASE, "g;x?y#s", "http://a/b/c/g;x?y#s");
  checkJoin(RFC1808_BASE, ".", "http://a/b/c/");
  checkJoin(RFC1808_BASE, "./", "http://a/b/c/");
  checkJoin(RFC1808_BASE, "..", "http://a/b/");
  checkJoin(RFC1808_BASE, "../", "http://a/b/");
  checkJoin(RFC1808_BASE, "../g", "http://a/b/g");
  checkJoin(RFC1808_BASE, "../..", "http://a/");
  checkJoin(RFC1808_BASE, "../../", "http://a/");
  checkJoin(RFC1808_BASE, "../../g", "http://a/g");

  // "abnormal" cases from RFC 1808:
  checkJoin(RFC1808_BASE, "", "http://a/b/c/d;p?q#f");
  checkJoin(RFC1808_BASE, "g.", "http://a/b/c/g.");
  checkJoin(RFC1808_BASE, ".g", "http://a/b/c/.g");
  checkJoin(RFC1808_BASE, "g..", "http://a/b/c/g..");
  checkJoin(RFC1808_BASE, "..g", "http://a/b/c/..g");
  checkJoin(RFC1808_BASE, "./../g", "http://a/b/g");
  checkJoin(RFC1808_BASE, "./g/.", "http://a/b/c/g/");
  checkJoin(RFC1808_BASE, "g/./h", "http://a/b/c/g/h");
  checkJoin(RFC1808_BASE, "g/../h", "http://a/b/c/h");

  // RFC 1808 and RFC 1630 disagree on these (according to RFC 1808),
  // so we'll not actually run these tests (which expect 1808 behavior).
  //checkJoin(RFC1808_BASE, 'http:g', 'http:g')
  //checkJoin(RFC1808_BASE, 'http:', 'http:')

  // XXX: The following tests are no longer compatible with RFC3986
  // checkJoin(RFC1808_BASE, '../../../g', 'http://a/../g')
  // checkJoin(RFC1808_BASE, '../../../../g', 'http://a/../../g')
  // checkJoin(RFC1808_BASE, '/./g', 'http://a/./g')
  // checkJoin(RFC1808_BASE, '/../g', 'http://a/../g')
});

Deno.test("UrlParseTestCase.test_RFC2368", () => {
  // Issue 11467: path that starts with a number is not parsed correctly
  assertEqual(
    urllib.parse.urlparse("mailto:1337@example.org"),
    tuple("mailto", "", "1337@example.org", "", "", ""),
  );
});

Deno.test("UrlParseTestCase.test_RFC2396", () => {
  // cases from RFC 2396

  checkJoin(RFC2396_BASE, "g:h", "g:h");
  checkJoin(RFC2396_BASE, "g", "http://a/b/c/g");
  checkJoin(RFC2396_BASE, "./g", "http://a/b/c/g");
  checkJoin(RFC2396_BASE, "g/", "http://a/b/c/g/");
  checkJoin(RFC2396_BASE, "/g", "http://a/g");
  checkJoin(RFC2396_BASE, "//g", "http://g");
  checkJoin(RFC2396_BASE, "g?y", "http://a/b/c/g?y");
  checkJoin(RFC2396_BASE, "#s", "http://a/b/c/d;p?q#s");
  checkJoin(RFC2396_BASE, "g#s", "http://a/b/c/g#s");
  checkJoin(RFC2396_BASE, "g?y#s", "http://a/b/c/g?y#s");
  checkJoin(RFC2396_BASE, "g;x", "http://a/b/c/g;x");
  checkJoin(RFC2396_BASE, "g;x?y#s", "http://a/b/c/g;x?y#s");
  checkJoin(RFC2396_BASE, ".", "http://a/b/c/");
  checkJoin(RFC2396_BASE, "./", "http://a/b/c/");
  checkJoin(RFC2396_BASE, "..", "http://a/b/");
  checkJoin(RFC2396_BASE, "../", "http://a/b/");
  checkJoin(RFC2396_BASE, "../g", "http://a/b/g");
  checkJoin(RFC2396_BASE, "../..", "http://a/");
  checkJoin(RFC2396_BASE, "../../", "http://a/");
  checkJoin(RFC2396_BASE, "../../g", "http://a/g");
  checkJoin(RFC2396_BASE, "", RFC2396_BASE);
  checkJoin(RFC2396_BASE, "g.", "http://a/b/c/g.");
  checkJoin(RFC2396_BASE, ".g", "http://a/b/c/.g");
  checkJoin(RFC2396_BASE, "g..", "http://a/b/c/g..");
  checkJoin(RFC2396_BASE, "..g", "http://a/b/c/..g");
  checkJoin(RFC2396_BASE, "./../g", "http://a/b/g");
  checkJoin(RFC2396_BASE, "./g/.", "http://a/b/c/g/");
  checkJoin(RFC2396_BASE, "g/./h", "http://a/b/c/g/h");
  checkJoin(RFC2396_BASE, "g/../h", "http://a/b/c/h");
  checkJoin(RFC2396_BASE, "g;x=1/./y", "http://a/b/c/g;x=1/y");
  checkJoin(RFC2396_BASE, "g;x=1/../y", "http://a/b/c/y");
  checkJoin(RFC2396_BASE, "g?y/./x", "http://a/b/c/g?y/./x");
  checkJoin(RFC2396_BASE, "g?y/../x", "http://a/b/c/g?y/../x");
  checkJoin(RFC2396_BASE, "g#s/./x", "http://a/b/c/g#s/./x");
  checkJoin(RFC2396_BASE, "g#s/../x", "http://a/b/c/g#s/../x");

  // XXX: The following tests are no longer compatible with RFC3986
  // checkJoin(RFC2396_BASE, '../../../g', 'http://a/../g')
  // checkJoin(RFC2396_BASE, '../../../../g', 'http://a/../../g')
  // checkJoin(RFC2396_BASE, '/./g', 'http://a/./g')
  // checkJoin(RFC2396_BASE, '/../g', 'http://a/../g')
});

Deno.test("UrlParseTestCase.test_RFC3986", () => {
  checkJoin(RFC3986_BASE, "?y", "http://a/b/c/d;p?y");
  checkJoin(RFC3986_BASE, ";x", "http://a/b/c/;x");
  checkJoin(RFC3986_BASE, "g:h", "g:h");
  checkJoin(RFC3986_BASE, "g", "http://a/b/c/g");
  checkJoin(RFC3986_BASE, "./g", "http://a/b/c/g");
  checkJoin(RFC3986_BASE, "g/", "http://a/b/c/g/");
  checkJoin(RFC3986_BASE, "/g", "http://a/g");
  checkJoin(RFC3986_BASE, "//g", "http://g");
  checkJoin(RFC3986_BASE, "?y", "http://a/b/c/d;p?y");
  checkJoin(RFC3986_BASE, "g?y", "http://a/b/c/g?y");
  checkJoin(RFC3986_BASE, "#s", "http://a/b/c/d;p?q#s");
  checkJoin(RFC3986_BASE, "g#s", "http://a/b/c/g#s");
  checkJoin(RFC3986_BASE, "g?y#s", "http://a/b/c/g?y#s");
  checkJoin(RFC3986_BASE, ";x", "http://a/b/c/;x");
  checkJoin(RFC3986_BASE, "g;x", "http://a/b/c/g;x");
  checkJoin(RFC3986_BASE, "g;x?y#s", "http://a/b/c/g;x?y#s");
  checkJoin(RFC3986_BASE, "", "http://a/b/c/d;p?q");
  checkJoin(RFC3986_BASE, ".", "http://a/b/c/");
  checkJoin(RFC3986_BASE, "./", "http://a/b/c/");
  checkJoin(RFC3986_BASE, "..", "http://a/b/");
  checkJoin(RFC3986_BASE, "../", "http://a/b/");
  checkJoin(RFC3986_BASE, "../g", "http://a/b/g");
  checkJoin(RFC3986_BASE, "../..", "http://a/");
  checkJoin(RFC3986_BASE, "../../", "http://a/");
  checkJoin(RFC3986_BASE, "../../g", "http://a/g");
  checkJoin(RFC3986_BASE, "../../../g", "http://a/g");

  // Abnormal Examples

  // The 'abnormal scenarios' are incompatible with RFC2986 parsing
  // Tests are here for reference.

  checkJoin(RFC3986_BASE, "../../../g", "http://a/g");
  checkJoin(RFC3986_BASE, "../../../../g", "http://a/g");
  checkJoin(RFC3986_BASE, "/./g", "http://a/g");
  checkJoin(RFC3986_BASE, "/../g", "http://a/g");
  checkJoin(RFC3986_BASE, "g.", "http://a/b/c/g.");
  checkJoin(RFC3986_BASE, ".g", "http://a/b/c/.g");
  checkJoin(RFC3986_BASE, "g..", "http://a/b/c/g..");
  checkJoin(RFC3986_BASE, "..g", "http://a/b/c/..g");
  checkJoin(RFC3986_BASE, "./../g", "http://a/b/g");
  checkJoin(RFC3986_BASE, "./g/.", "http://a/b/c/g/");
  checkJoin(RFC3986_BASE, "g/./h", "http://a/b/c/g/h");
  checkJoin(RFC3986_BASE, "g/../h", "http://a/b/c/h");
  checkJoin(RFC3986_BASE, "g;x=1/./y", "http://a/b/c/g;x=1/y");
  checkJoin(RFC3986_BASE, "g;x=1/../y", "http://a/b/c/y");
  checkJoin(RFC3986_BASE, "g?y/./x", "http://a/b/c/g?y/./x");
  checkJoin(RFC3986_BASE, "g?y/../x", "http://a/b/c/g?y/../x");
  checkJoin(RFC3986_BASE, "g#s/./x", "http://a/b/c/g#s/./x");
  checkJoin(RFC3986_BASE, "g#s/../x", "http://a/b/c/g#s/../x");
  //checkJoin(RFC3986_BASE, 'http:g','http:g') # strict parser
  checkJoin(RFC3986_BASE, "http:g", "http://a/b/c/g"); //relaxed parser

  // Test for issue9721
  checkJoin("http://a/b/c/de", ";x", "http://a/b/c/;x");
});

Deno.test("UrlParseTestCase.test_urljoins", () => {
  checkJoin(SIMPLE_BASE, "g:h", "g:h");
  checkJoin(SIMPLE_BASE, "g", "http://a/b/c/g");
  checkJoin(SIMPLE_BASE, "./g", "http://a/b/c/g");
  checkJoin(SIMPLE_BASE, "g/", "http://a/b/c/g/");
  checkJoin(SIMPLE_BASE, "/g", "http://a/g");
  checkJoin(SIMPLE_BASE, "//g", "http://g");
  checkJoin(SIMPLE_BASE, "?y", "http://a/b/c/d?y");
  checkJoin(SIMPLE_BASE, "g?y", "http://a/b/c/g?y");
  checkJoin(SIMPLE_BASE, "g?y/./x", "http://a/b/c/g?y/./x");
  checkJoin(SIMPLE_BASE, ".", "http://a/b/c/");
  checkJoin(SIMPLE_BASE, "./", "http://a/b/c/");
  checkJoin(SIMPLE_BASE, "..", "http://a/b/");
  checkJoin(SIMPLE_BASE, "../", "http://a/b/");
  checkJoin(SIMPLE_BASE, "../g", "http://a/b/g");
  checkJoin(SIMPLE_BASE, "../..", "http://a/");
  checkJoin(SIMPLE_BASE, "../../g", "http://a/g");
  checkJoin(SIMPLE_BASE, "./../g", "http://a/b/g");
  checkJoin(SIMPLE_BASE, "./g/.", "http://a/b/c/g/");
  checkJoin(SIMPLE_BASE, "g/./h", "http://a/b/c/g/h");
  checkJoin(SIMPLE_BASE, "g/../h", "http://a/b/c/h");
  checkJoin(SIMPLE_BASE, "http:g", "http://a/b/c/g");
  checkJoin(SIMPLE_BASE, "http:g?y", "http://a/b/c/g?y");
  checkJoin(SIMPLE_BASE, "http:g?y/./x", "http://a/b/c/g?y/./x");
  checkJoin("http:///", "..", "http:///");
  checkJoin("", "http://a/b/c/g?y/./x", "http://a/b/c/g?y/./x");
  checkJoin("", "http://a/./g", "http://a/./g");
  checkJoin("svn://pathtorepo/dir1", "dir2", "svn://pathtorepo/dir2");
  checkJoin("svn+ssh://pathtorepo/dir1", "dir2", "svn+ssh://pathtorepo/dir2");
  checkJoin("ws://a/b", "g", "ws://a/g");
  checkJoin("wss://a/b", "g", "wss://a/g");

  // XXX: The following tests are no longer compatible with RFC3986
  // checkJoin(SIMPLE_BASE, '../../../g','http://a/../g')
  // checkJoin(SIMPLE_BASE, '/./g','http://a/./g')

  // test for issue22118 duplicate slashes
  checkJoin(SIMPLE_BASE + "/", "foo", SIMPLE_BASE + "/foo");

  // Non-RFC-defined tests, covering variations of base and trailing
  // slashes
  checkJoin("http://a/b/c/d/e/", "../../f/g/", "http://a/b/c/f/g/");
  checkJoin("http://a/b/c/d/e", "../../f/g/", "http://a/b/f/g/");
  checkJoin("http://a/b/c/d/e/", "/../../f/g/", "http://a/f/g/");
  checkJoin("http://a/b/c/d/e", "/../../f/g/", "http://a/f/g/");
  checkJoin("http://a/b/c/d/e/", "../../f/g", "http://a/b/c/f/g");
  checkJoin("http://a/b/", "../../f/g/", "http://a/f/g/");

  // issue 23703: don't duplicate filename
  checkJoin("a", "b", "b");

  // Test with empty (but defined) components.
  checkJoin(RFC1808_BASE, "", "http://a/b/c/d;p?q#f");
  checkJoin(RFC1808_BASE, "#", "http://a/b/c/d;p?q#", { relroundtrip: false });
  checkJoin(RFC1808_BASE, "#z", "http://a/b/c/d;p?q#z");
  checkJoin(RFC1808_BASE, "?", "http://a/b/c/d;p?", { relroundtrip: false });
  checkJoin(RFC1808_BASE, "?#z", "http://a/b/c/d;p?#z", { relroundtrip: false });
  checkJoin(RFC1808_BASE, "?y", "http://a/b/c/d;p?y");
  checkJoin(RFC1808_BASE, ";", "http://a/b/c/;");
  checkJoin(RFC1808_BASE, ";?y", "http://a/b/c/;?y");
  checkJoin(RFC1808_BASE, ";#z", "http://a/b/c/;#z");
  checkJoin(RFC1808_BASE, ";x", "http://a/b/c/;x");
  checkJoin(RFC1808_BASE, "/w", "http://a/w");
  checkJoin(RFC1808_BASE, "//", "http://a/b/c/d;p?q#f");
  checkJoin(RFC1808_BASE, "//#z", "http://a/b/c/d;p?q#z");
  checkJoin(RFC1808_BASE, "//?y", "http://a/b/c/d;p?y");
  checkJoin(RFC1808_BASE, "//;x", "http://;x");
  checkJoin(RFC1808_BASE, "///w", "http://a/w");
  checkJoin(RFC1808_BASE, "//v", "http://v");
  // For backward compatibility with RFC1630, the scheme name is allowed
  // to be present in a relative reference if it is the same as the base
  // URI scheme.
  checkJoin(RFC1808_BASE, "http:", "http://a/b/c/d;p?q#f");
  checkJoin(RFC1808_BASE, "http:#", "http://a/b/c/d;p?q#", { relroundtrip: false });
  checkJoin(RFC1808_BASE, "http:#z", "http://a/b/c/d;p?q#z");
  checkJoin(RFC1808_BASE, "http:?", "http://a/b/c/d;p?", { relroundtrip: false });
  checkJoin(RFC1808_BASE, "http:?#z", "http://a/b/c/d;p?#z", { relroundtrip: false });
  checkJoin(RFC1808_BASE, "http:?y", "http://a/b/c/d;p?y");
  checkJoin(RFC1808_BASE, "http:;", "http://a/b/c/;");
  checkJoin(RFC1808_BASE, "http:;?y", "http://a/b/c/;?y");
  checkJoin(RFC1808_BASE, "http:;#z", "http://a/b/c/;#z");
  checkJoin(RFC1808_BASE, "http:;x", "http://a/b/c/;x");
  checkJoin(RFC1808_BASE, "http:/w", "http://a/w");
  checkJoin(RFC1808_BASE, "http://", "http://a/b/c/d;p?q#f");
  checkJoin(RFC1808_BASE, "http://#z", "http://a/b/c/d;p?q#z");
  checkJoin(RFC1808_BASE, "http://?y", "http://a/b/c/d;p?y");
  checkJoin(RFC1808_BASE, "http://;x", "http://;x");
  checkJoin(RFC1808_BASE, "http:///w", "http://a/w");
  checkJoin(RFC1808_BASE, "http://v", "http://v");
  // Different scheme is not ignored.
  checkJoin(RFC1808_BASE, "https:", "https:", { relroundtrip: false });
  checkJoin(RFC1808_BASE, "https:#", "https:#", { relroundtrip: false });
  checkJoin(RFC1808_BASE, "https:#z", "https:#z", { relroundtrip: false });
  checkJoin(RFC1808_BASE, "https:?", "https:?", { relroundtrip: false });
  checkJoin(RFC1808_BASE, "https:?y", "https:?y", { relroundtrip: false });
  checkJoin(RFC1808_BASE, "https:;", "https:;");
  checkJoin(RFC1808_BASE, "https:;x", "https:;x");
});

Deno.test("UrlParseTestCase.test_urljoins_relative_base", () => {
  // According to RFC 3986, Section 5.1, a base URI must conform to
  // the absolute-URI syntax rule (Section 4.3). But urljoin() lacks
  // a context to establish missed components of the relative base URI.
  // It still has to return a sensible result for backwards compatibility.
  // The following tests are figments of the imagination and artifacts
  // of the current implementation that are not based on any standard.
  checkJoin("", "", "");
  checkJoin("", "//", "//", { relroundtrip: false });
  checkJoin("", "//v", "//v");
  checkJoin("", "//v/w", "//v/w");
  checkJoin("", "/w", "/w");
  checkJoin("", "///w", "///w", { relroundtrip: false });
  checkJoin("", "w", "w");

  checkJoin("//", "", "//");
  checkJoin("//", "//", "//");
  checkJoin("//", "//v", "//v");
  checkJoin("//", "//v/w", "//v/w");
  checkJoin("//", "/w", "///w");
  checkJoin("//", "///w", "///w");
  checkJoin("//", "w", "///w");

  checkJoin("//a", "", "//a");
  checkJoin("//a", "//", "//a");
  checkJoin("//a", "//v", "//v");
  checkJoin("//a", "//v/w", "//v/w");
  checkJoin("//a", "/w", "//a/w");
  checkJoin("//a", "///w", "//a/w");
  checkJoin("//a", "w", "//a/w");

  for (const scheme of ["", "http:"]) {
    checkJoin("http:", scheme + "", "http:");
    checkJoin("http:", scheme + "//", "http:");
    checkJoin("http:", scheme + "//v", "http://v");
    checkJoin("http:", scheme + "//v/w", "http://v/w");
    checkJoin("http:", scheme + "/w", "http:/w");
    checkJoin("http:", scheme + "///w", "http:/w");
    checkJoin("http:", scheme + "w", "http:/w");

    checkJoin("http://", scheme + "", "http://");
    checkJoin("http://", scheme + "//", "http://");
    checkJoin("http://", scheme + "//v", "http://v");
    checkJoin("http://", scheme + "//v/w", "http://v/w");
    checkJoin("http://", scheme + "/w", "http:///w");
    checkJoin("http://", scheme + "///w", "http:///w");
    checkJoin("http://", scheme + "w", "http:///w");

    checkJoin("http://a", scheme + "", "http://a");
    checkJoin("http://a", scheme + "//", "http://a");
    checkJoin("http://a", scheme + "//v", "http://v");
    checkJoin("http://a", scheme + "//v/w", "http://v/w");
    checkJoin("http://a", scheme + "/w", "http://a/w");
    checkJoin("http://a", scheme + "///w", "http://a/w");
    checkJoin("http://a", scheme + "w", "http://a/w");
  }

  checkJoin("/b/c", "", "/b/c");
  checkJoin("/b/c", "//", "/b/c");
  checkJoin("/b/c", "//v", "//v");
  checkJoin("/b/c", "//v/w", "//v/w");
  checkJoin("/b/c", "/w", "/w");
  checkJoin("/b/c", "///w", "/w");
  checkJoin("/b/c", "w", "/b/w");

  checkJoin("///b/c", "", "///b/c");
  checkJoin("///b/c", "//", "///b/c");
  checkJoin("///b/c", "//v", "//v");
  checkJoin("///b/c", "//v/w", "//v/w");
  checkJoin("///b/c", "/w", "///w");
  checkJoin("///b/c", "///w", "///w");
  checkJoin("///b/c", "w", "///b/w");
});

Deno.test("UrlParseTestCase.test_RFC2732", () => {
  const cases: [string, string, number | null][] = [
    ["http://Test.python.org:5432/foo/", "test.python.org", 5432],
    ["http://12.34.56.78:5432/foo/", "12.34.56.78", 5432],
    ["http://[::1]:5432/foo/", "::1", 5432],
    ["http://[dead:beef::1]:5432/foo/", "dead:beef::1", 5432],
    ["http://[dead:beef::]:5432/foo/", "dead:beef::", 5432],
    [
      "http://[dead:beef:cafe:5417:affe:8FA3:deaf:feed]:5432/foo/",
      "dead:beef:cafe:5417:affe:8fa3:deaf:feed",
      5432,
    ],
    ["http://[::12.34.56.78]:5432/foo/", "::12.34.56.78", 5432],
    ["http://[::ffff:12.34.56.78]:5432/foo/", "::ffff:12.34.56.78", 5432],
    ["http://Test.python.org/foo/", "test.python.org", null],
    ["http://12.34.56.78/foo/", "12.34.56.78", null],
    ["http://[::1]/foo/", "::1", null],
    ["http://[dead:beef::1]/foo/", "dead:beef::1", null],
    ["http://[dead:beef::]/foo/", "dead:beef::", null],
    [
      "http://[dead:beef:cafe:5417:affe:8FA3:deaf:feed]/foo/",
      "dead:beef:cafe:5417:affe:8fa3:deaf:feed",
      null,
    ],
    ["http://[::12.34.56.78]/foo/", "::12.34.56.78", null],
    ["http://[::ffff:12.34.56.78]/foo/", "::ffff:12.34.56.78", null],
    ["http://Test.python.org:/foo/", "test.python.org", null],
    ["http://12.34.56.78:/foo/", "12.34.56.78", null],
    ["http://[::1]:/foo/", "::1", null],
    ["http://[dead:beef::1]:/foo/", "dead:beef::1", null],
    ["http://[dead:beef::]:/foo/", "dead:beef::", null],
    [
      "http://[dead:beef:cafe:5417:affe:8FA3:deaf:feed]:/foo/",
      "dead:beef:cafe:5417:affe:8fa3:deaf:feed",
      null,
    ],
    ["http://[::12.34.56.78]:/foo/", "::12.34.56.78", null],
    ["http://[::ffff:12.34.56.78]:/foo/", "::ffff:12.34.56.78", null],
  ];
  for (const bytes of [false, true]) {
    for (const [url, hostname, port] of cases) {
      subTest({ bytes, url, hostname, port }, () => test_RFC2732(bytes, url, hostname, port));
    }
  }

  function test_RFC2732(bytes: boolean, url: Any, hostname: Any, port: number | null) {
    if (bytes) {
      url = str_encode(url);
      hostname = str_encode(hostname);
    }
    const urlparsed = urllib.parse.urlparse(url);
    assertEqual(tuple(urlparsed.hostname, urlparsed.port), tuple(hostname, port));
  }
});

Deno.test("UrlParseTestCase.test_RFC2732_invalid", () => {
  for (const bytes of [false, true]) {
    for (
      const invalid_url of [
        "http://::12.34.56.78]/",
        "http://[::1/foo/",
        "ftp://[::1/foo/bad]/bad",
        "http://[::1/foo/bad]/bad",
        "http://[::ffff:12.34.56.78",
      ]
    ) {
      subTest({ bytes, invalid_url }, () => test_RFC2732_invalid(bytes, invalid_url));
    }
  }

  function test_RFC2732_invalid(bytes: boolean, invalid_url: Any) {
    if (bytes) {
      invalid_url = str_encode(invalid_url);
    }
    assertRaises(ValueError, () => urllib.parse.urlparse(invalid_url));
  }
});

Deno.test("UrlParseTestCase.test_urldefrag", () => {
  const cases: [string, string, string][] = [
    ["http://python.org#frag", "http://python.org", "frag"],
    ["http://python.org", "http://python.org", ""],
    ["http://python.org/#frag", "http://python.org/", "frag"],
    ["http://python.org/", "http://python.org/", ""],
    ["http://python.org/?q#frag", "http://python.org/?q", "frag"],
    ["http://python.org/?q", "http://python.org/?q", ""],
    ["http://python.org/p#frag", "http://python.org/p", "frag"],
    ["http://python.org/p?q", "http://python.org/p?q", ""],
    [RFC1808_BASE, "http://a/b/c/d;p?q", "f"],
    [RFC2396_BASE, "http://a/b/c/d;p?q", ""],
    ["http://a/b/c;p?q#f", "http://a/b/c;p?q", "f"],
    ["http://a/b/c;p?q#", "http://a/b/c;p?q", ""],
    ["http://a/b/c;p?q", "http://a/b/c;p?q", ""],
    ["http://a/b/c;p?#f", "http://a/b/c;p?", "f"],
    ["http://a/b/c;p#f", "http://a/b/c;p", "f"],
    ["http://a/b/c;?q#f", "http://a/b/c;?q", "f"],
    ["http://a/b/c?q#f", "http://a/b/c?q", "f"],
    ["http:///b/c;p?q#f", "http:///b/c;p?q", "f"],
    ["http:b/c;p?q#f", "http:b/c;p?q", "f"],
    ["http:;?q#f", "http:;?q", "f"],
    ["http:?q#f", "http:?q", "f"],
    ["//a/b/c;p?q#f", "//a/b/c;p?q", "f"],
    ["://a/b/c;p?q#f", "://a/b/c;p?q", "f"],
  ];
  for (const bytes of [false, true]) {
    for (const [url, defrag, frag] of cases) {
      subTest({ bytes, url, defrag, frag }, () => test_urldefrag(bytes, url, defrag, frag));
    }
  }

  function test_urldefrag(bytes: boolean, url: Any, defrag: Any, frag: Any) {
    if (bytes) {
      url = str_encode(url);
      defrag = str_encode(defrag);
      frag = str_encode(frag);
    }
    const result = urllib.parse.urldefrag(url);
    const hash = typeof url === "string" ? "#" : b`#`;
    assertEqual(result.geturl(), typeof url === "string" ? url.replace(/#+$/, "") : url.rstrip(hash));
    assertEqual(result, tuple(defrag, frag));
    assertEqual(result.url, defrag);
    assertEqual(result.fragment, frag);
  }
});

Deno.test("UrlParseTestCase.test_urlsplit_scoped_IPv6", () => {
  let p: Any = urllib.parse.urlsplit("http://[FE80::822a:a8ff:fe49:470c%tESt]:1234");
  assertEqual(p.hostname, "fe80::822a:a8ff:fe49:470c%tESt");
  assertEqual(p.netloc, "[FE80::822a:a8ff:fe49:470c%tESt]:1234");

  p = urllib.parse.urlsplit(b`http://[FE80::822a:a8ff:fe49:470c%tESt]:1234`);
  assertEqual(p.hostname, b`fe80::822a:a8ff:fe49:470c%tESt`);
  assertEqual(p.netloc, b`[FE80::822a:a8ff:fe49:470c%tESt]:1234`);
});

Deno.test("UrlParseTestCase.test_urlsplit_attributes", () => {
  let url: Any = "HTTP://WWW.PYTHON.ORG/doc/#frag";
  let p: Any = urllib.parse.urlsplit(url);
  assertEqual(p.scheme, "http");
  assertEqual(p.netloc, "WWW.PYTHON.ORG");
  assertEqual(p.path, "/doc/");
  assertEqual(p.query, "");
  assertEqual(p.fragment, "frag");
  assertEqual(p.username, null);
  assertEqual(p.password, null);
  assertEqual(p.hostname, "www.python.org");
  assertEqual(p.port, null);
  // geturl() won't return exactly the original URL in this case
  // since the scheme is always case-normalized
  // We handle this by ignoring the first 4 characters of the URL
  assertEqual(p.geturl().slice(4), url.slice(4));

  url = "http://User:Pass@www.python.org:080/doc/?query=yes#frag";
  p = urllib.parse.urlsplit(url);
  assertEqual(p.scheme, "http");
  assertEqual(p.netloc, "User:Pass@www.python.org:080");
  assertEqual(p.path, "/doc/");
  assertEqual(p.query, "query=yes");
  assertEqual(p.fragment, "frag");
  assertEqual(p.username, "User");
  assertEqual(p.password, "Pass");
  assertEqual(p.hostname, "www.python.org");
  assertEqual(p.port, 80);
  assertEqual(p.geturl(), url);

  // Addressing issue1698, which suggests Username can contain
  // "@" characters.  Though not RFC compliant, many ftp sites allow
  // and request email addresses as usernames.

  url = "http://User@example.com:Pass@www.python.org:080/doc/?query=yes#frag";
  p = urllib.parse.urlsplit(url);
  assertEqual(p.scheme, "http");
  assertEqual(p.netloc, "User@example.com:Pass@www.python.org:080");
  assertEqual(p.path, "/doc/");
  assertEqual(p.query, "query=yes");
  assertEqual(p.fragment, "frag");
  assertEqual(p.username, "User@example.com");
  assertEqual(p.password, "Pass");
  assertEqual(p.hostname, "www.python.org");
  assertEqual(p.port, 80);
  assertEqual(p.geturl(), url);

  // And check them all again, only with bytes this time
  url = b`HTTP://WWW.PYTHON.ORG/doc/#frag`;
  p = urllib.parse.urlsplit(url);
  assertEqual(p.scheme, b`http`);
  assertEqual(p.netloc, b`WWW.PYTHON.ORG`);
  assertEqual(p.path, b`/doc/`);
  assertEqual(p.query, b``);
  assertEqual(p.fragment, b`frag`);
  assertEqual(p.username, null);
  assertEqual(p.password, null);
  assertEqual(p.hostname, b`www.python.org`);
  assertEqual(p.port, null);
  assertEqual(p.geturl().slice(4), url.slice(4));

  url = b`http://User:Pass@www.python.org:080/doc/?query=yes#frag`;
  p = urllib.parse.urlsplit(url);
  assertEqual(p.scheme, b`http`);
  assertEqual(p.netloc, b`User:Pass@www.python.org:080`);
  assertEqual(p.path, b`/doc/`);
  assertEqual(p.query, b`query=yes`);
  assertEqual(p.fragment, b`frag`);
  assertEqual(p.username, b`User`);
  assertEqual(p.password, b`Pass`);
  assertEqual(p.hostname, b`www.python.org`);
  assertEqual(p.port, 80);
  assertEqual(p.geturl(), url);

  url = b`http://User@example.com:Pass@www.python.org:080/doc/?query=yes#frag`;
  p = urllib.parse.urlsplit(url);
  assertEqual(p.scheme, b`http`);
  assertEqual(p.netloc, b`User@example.com:Pass@www.python.org:080`);
  assertEqual(p.path, b`/doc/`);
  assertEqual(p.query, b`query=yes`);
  assertEqual(p.fragment, b`frag`);
  assertEqual(p.username, b`User@example.com`);
  assertEqual(p.password, b`Pass`);
  assertEqual(p.hostname, b`www.python.org`);
  assertEqual(p.port, 80);
  assertEqual(p.geturl(), url);

  // Verify an illegal port raises ValueError
  url = b`HTTP://WWW.PYTHON.ORG:65536/doc/#frag`;
  p = urllib.parse.urlsplit(url);
  assertRaisesRegex(ValueError, "out of range", () => p.port);
});

Deno.test("UrlParseTestCase.test_urlsplit_remove_unsafe_bytes", () => {
  // Remove ASCII tabs and newlines from input
  let url: Any =
    "http\t://www.python\n.org\t/java\nscript:\talert('msg\r\n')/?query\n=\tsomething#frag\nment";
  let p: Any = urllib.parse.urlsplit(url);
  assertEqual(p.scheme, "http");
  assertEqual(p.netloc, "www.python.org");
  assertEqual(p.path, "/javascript:alert('msg')/");
  assertEqual(p.query, "query=something");
  assertEqual(p.fragment, "fragment");
  assertEqual(p.username, null);
  assertEqual(p.password, null);
  assertEqual(p.hostname, "www.python.org");
  assertEqual(p.port, null);
  assertEqual(p.geturl(), "http://www.python.org/javascript:alert('msg')/?query=something#fragment");

  // Remove ASCII tabs and newlines from input as bytes.
  url = b`http\t://www.python\n.org\t/java\nscript:\talert('msg\r\n')/?query\n=\tsomething#frag\nment`;
  p = urllib.parse.urlsplit(url);
  assertEqual(p.scheme, b`http`);
  assertEqual(p.netloc, b`www.python.org`);
  assertEqual(p.path, b`/javascript:alert('msg')/`);
  assertEqual(p.query, b`query=something`);
  assertEqual(p.fragment, b`fragment`);
  assertEqual(p.username, null);
  assertEqual(p.password, null);
  assertEqual(p.hostname, b`www.python.org`);
  assertEqual(p.port, null);
  assertEqual(p.geturl(), b`http://www.python.org/javascript:alert('msg')/?query=something#fragment`);

  // with scheme as cache-key
  url = "http://www.python.org/java\nscript:\talert('msg\r\n')/?query\n=\tsomething#frag\nment";
  const scheme = "ht\ntp";
  for (let _ = 0; _ < 2; _++) {
    p = urllib.parse.urlsplit(url, { scheme: scheme });
    assertEqual(p.scheme, "http");
    assertEqual(p.geturl(), "http://www.python.org/javascript:alert('msg')/?query=something#fragment");
  }
});

Deno.test("UrlParseTestCase.test_urlsplit_strip_url", () => {
  const noise = bytes(Array.from({ length: 0x20 + 1 }, (_, i) => i));
  const base_url = "http://User:Pass@www.python.org:080/doc/?query=yes#frag";

  let url: Any = noise.decode("utf-8") + base_url;
  let p: Any = urllib.parse.urlsplit(url);
  assertEqual(p.scheme, "http");
  assertEqual(p.netloc, "User:Pass@www.python.org:080");
  assertEqual(p.path, "/doc/");
  assertEqual(p.query, "query=yes");
  assertEqual(p.fragment, "frag");
  assertEqual(p.username, "User");
  assertEqual(p.password, "Pass");
  assertEqual(p.hostname, "www.python.org");
  assertEqual(p.port, 80);
  assertEqual(p.geturl(), base_url);

  url = noise.concat(encode(base_url, "utf-8"));
  p = urllib.parse.urlsplit(url);
  assertEqual(p.scheme, b`http`);
  assertEqual(p.netloc, b`User:Pass@www.python.org:080`);
  assertEqual(p.path, b`/doc/`);
  assertEqual(p.query, b`query=yes`);
  assertEqual(p.fragment, b`frag`);
  assertEqual(p.username, b`User`);
  assertEqual(p.password, b`Pass`);
  assertEqual(p.hostname, b`www.python.org`);
  assertEqual(p.port, 80);
  assertEqual(p.geturl(), encode(base_url, "utf-8"));

  // Test that trailing space is preserved as some applications rely on
  // this within query strings.
  const query_spaces_url = "https://www.python.org:88/doc/?query=    ";
  p = urllib.parse.urlsplit(noise.decode("utf-8") + query_spaces_url);
  assertEqual(p.scheme, "https");
  assertEqual(p.netloc, "www.python.org:88");
  assertEqual(p.path, "/doc/");
  assertEqual(p.query, "query=    ");
  assertEqual(p.port, 88);
  assertEqual(p.geturl(), query_spaces_url);

  p = urllib.parse.urlsplit("www.pypi.org ");
  // That "hostname" gets considered a "path" due to the
  // trailing space and our existing logic...  YUCK...
  // and re-assembles via geturl aka unurlsplit into the original.
  // django.core.validators.URLValidator (at least through v3.2) relies on
  // this, for better or worse, to catch it in a ValidationError via its
  // regular expressions.
  // Here we test the basic round trip concept of such a trailing space.
  assertEqual(urllib.parse.urlunsplit(p), "www.pypi.org ");

  // with scheme as cache-key
  url = "//www.python.org/";
  const scheme = noise.decode("utf-8") + "https" + noise.decode("utf-8");
  for (let _ = 0; _ < 2; _++) {
    p = urllib.parse.urlsplit(url, { scheme: scheme });
    assertEqual(p.scheme, "https");
    assertEqual(p.geturl(), "https://www.python.org/");
  }
});

Deno.test("UrlParseTestCase.test_attributes_bad_port", () => {
  /** Check handling of invalid ports. */
  for (const bytes of [false, true]) {
    for (const parse of [urllib.parse.urlsplit, urllib.parse.urlparse]) {
      for (const port of ["foo", "1.5", "-1", "0x10", "-0", "1_1", " 1", "1 ", "६"]) {
        subTest({ bytes, parse: parse.name, port }, () => test_attributes_bad_port(bytes, parse, port));
      }
    }
  }

  function test_attributes_bad_port(bytes: boolean, parse: Any, port: string) {
    let netloc: Any = "www.example.net:" + port;
    let url: Any = "http://" + netloc + "/";
    if (bytes) {
      if (!(isascii(netloc) && isascii(port))) {
        return; // self.skipTest('non-ASCII bytes')
      }
      netloc = str_encode(netloc);
      url = str_encode(url);
    }
    const p = parse(url);
    assertEqual(p.netloc, netloc);
    assertRaises(ValueError, () => p.port);
  }
});

Deno.test("UrlParseTestCase.test_attributes_bad_scheme", () => {
  /** Check handling of invalid schemes. */
  for (const bytes of [false, true]) {
    for (const parse of [urllib.parse.urlsplit, urllib.parse.urlparse]) {
      for (const scheme of [".", "+", "-", "0", "http&", "६http"]) {
        subTest({ bytes, parse: parse.name, scheme }, () => test_attributes_bad_scheme(bytes, parse, scheme));
      }
    }
  }

  function test_attributes_bad_scheme(bytes: boolean, parse: Any, scheme: string) {
    let url: Any = scheme + "://www.example.net";
    if (bytes) {
      if (!isascii(url)) {
        return; // self.skipTest('non-ASCII bytes')
      }
      url = encode(url, "ascii");
    }
    const p = parse(url);
    assertEqual(p.scheme, bytes ? b`` : "");
  }
});

Deno.test("UrlParseTestCase.test_attributes_without_netloc", () => {
  // This example is straight from RFC 3261.  It looks like it
  // should allow the username, hostname, and port to be filled
  // in, but doesn't.  Since it's a URI and doesn't use the
  // scheme://netloc syntax, the netloc and related attributes
  // should be left empty.
  let uri: Any = "sip:alice@atlanta.com;maddr=239.255.255.1;ttl=15";
  let p: Any = urllib.parse.urlsplit(uri);
  assertEqual(p.netloc, "");
  assertEqual(p.username, null);
  assertEqual(p.password, null);
  assertEqual(p.hostname, null);
  assertEqual(p.port, null);
  assertEqual(p.geturl(), uri);

  p = urllib.parse.urlparse(uri);
  assertEqual(p.netloc, "");
  assertEqual(p.username, null);
  assertEqual(p.password, null);
  assertEqual(p.hostname, null);
  assertEqual(p.port, null);
  assertEqual(p.geturl(), uri);

  // You guessed it, repeating the test with bytes input
  uri = b`sip:alice@atlanta.com;maddr=239.255.255.1;ttl=15`;
  p = urllib.parse.urlsplit(uri);
  assertEqual(p.netloc, b``);
  assertEqual(p.username, null);
  assertEqual(p.password, null);
  assertEqual(p.hostname, null);
  assertEqual(p.port, null);
  assertEqual(p.geturl(), uri);

  p = urllib.parse.urlparse(uri);
  assertEqual(p.netloc, b``);
  assertEqual(p.username, null);
  assertEqual(p.password, null);
  assertEqual(p.hostname, null);
  assertEqual(p.port, null);
  assertEqual(p.geturl(), uri);
});

Deno.test("UrlParseTestCase.test_noslash", () => {
  // Issue 1637: http://foo.com?query is legal
  assertEqual(
    urllib.parse.urlparse("http://example.com?blahblah=/foo"),
    tuple("http", "example.com", "", "", "blahblah=/foo", ""),
  );
  assertEqual(
    urllib.parse.urlparse(b`http://example.com?blahblah=/foo`),
    tuple(b`http`, b`example.com`, b``, b``, b`blahblah=/foo`, b``),
  );
});

Deno.test("UrlParseTestCase.test_withoutscheme", () => {
  // Test urlparse without scheme
  // Issue 754016: urlparse goes wrong with IP:port without scheme
  // RFC 1808 specifies that netloc should start with //, urlparse expects
  // the same, otherwise it classifies the portion of url as path.
  assertEqual(urllib.parse.urlparse("path"), tuple("", "", "path", "", "", ""));
  assertEqual(urllib.parse.urlparse("//www.python.org:80"), tuple("", "www.python.org:80", "", "", "", ""));
  assertEqual(
    urllib.parse.urlparse("http://www.python.org:80"),
    tuple("http", "www.python.org:80", "", "", "", ""),
  );
  // Repeat for bytes input
  assertEqual(urllib.parse.urlparse(b`path`), tuple(b``, b``, b`path`, b``, b``, b``));
  assertEqual(
    urllib.parse.urlparse(b`//www.python.org:80`),
    tuple(b``, b`www.python.org:80`, b``, b``, b``, b``),
  );
  assertEqual(
    urllib.parse.urlparse(b`http://www.python.org:80`),
    tuple(b`http`, b`www.python.org:80`, b``, b``, b``, b``),
  );
});

Deno.test("UrlParseTestCase.test_portseparator", () => {
  // Issue 754016 makes changes for port separator ':' from scheme separator
  assertEqual(urllib.parse.urlparse("http:80"), tuple("http", "", "80", "", "", ""));
  assertEqual(urllib.parse.urlparse("https:80"), tuple("https", "", "80", "", "", ""));
  assertEqual(urllib.parse.urlparse("path:80"), tuple("path", "", "80", "", "", ""));
  assertEqual(urllib.parse.urlparse("http:"), tuple("http", "", "", "", "", ""));
  assertEqual(urllib.parse.urlparse("https:"), tuple("https", "", "", "", "", ""));
  assertEqual(
    urllib.parse.urlparse("http://www.python.org:80"),
    tuple("http", "www.python.org:80", "", "", "", ""),
  );
  // As usual, need to check bytes input as well
  assertEqual(urllib.parse.urlparse(b`http:80`), tuple(b`http`, b``, b`80`, b``, b``, b``));
  assertEqual(urllib.parse.urlparse(b`https:80`), tuple(b`https`, b``, b`80`, b``, b``, b``));
  assertEqual(urllib.parse.urlparse(b`path:80`), tuple(b`path`, b``, b`80`, b``, b``, b``));
  assertEqual(urllib.parse.urlparse(b`http:`), tuple(b`http`, b``, b``, b``, b``, b``));
  assertEqual(urllib.parse.urlparse(b`https:`), tuple(b`https`, b``, b``, b``, b``, b``));
  assertEqual(
    urllib.parse.urlparse(b`http://www.python.org:80`),
    tuple(b`http`, b`www.python.org:80`, b``, b``, b``, b``),
  );
});

Deno.test("UrlParseTestCase.test_usingsys", () => {
  // Issue 3314: sys module is used in the error
  assertRaises(TypeError, () => urllib.parse.urlencode("foo"));
});

Deno.test("UrlParseTestCase.test_anyscheme", () => {
  // Issue 7904: s3://foo.com/stuff has netloc "foo.com".
  assertEqual(urllib.parse.urlparse("s3://foo.com/stuff"), tuple("s3", "foo.com", "/stuff", "", "", ""));
  assertEqual(
    urllib.parse.urlparse("x-newscheme://foo.com/stuff"),
    tuple("x-newscheme", "foo.com", "/stuff", "", "", ""),
  );
  assertEqual(
    urllib.parse.urlparse("x-newscheme://foo.com/stuff?query#fragment"),
    tuple("x-newscheme", "foo.com", "/stuff", "", "query", "fragment"),
  );
  assertEqual(
    urllib.parse.urlparse("x-newscheme://foo.com/stuff?query"),
    tuple("x-newscheme", "foo.com", "/stuff", "", "query", ""),
  );

  // And for bytes...
  assertEqual(
    urllib.parse.urlparse(b`s3://foo.com/stuff`),
    tuple(b`s3`, b`foo.com`, b`/stuff`, b``, b``, b``),
  );
  assertEqual(
    urllib.parse.urlparse(b`x-newscheme://foo.com/stuff`),
    tuple(b`x-newscheme`, b`foo.com`, b`/stuff`, b``, b``, b``),
  );
  assertEqual(
    urllib.parse.urlparse(b`x-newscheme://foo.com/stuff?query#fragment`),
    tuple(b`x-newscheme`, b`foo.com`, b`/stuff`, b``, b`query`, b`fragment`),
  );
  assertEqual(
    urllib.parse.urlparse(b`x-newscheme://foo.com/stuff?query`),
    tuple(b`x-newscheme`, b`foo.com`, b`/stuff`, b``, b`query`, b``),
  );
});

Deno.test("UrlParseTestCase.test_default_scheme", () => {
  for (const func of [urllib.parse.urlparse, urllib.parse.urlsplit] as Any[]) {
    subTest({ func: func.name }, () => test_default_scheme(func));
  }

  function test_default_scheme(func: Any) {
    // Exercise the scheme parameter of urlparse() and urlsplit()
    let result = func("http://example.net/", "ftp");
    assertEqual(result.scheme, "http");
    result = func(b`http://example.net/`, b`ftp`);
    assertEqual(result.scheme, b`http`);
    assertEqual(func("path", "ftp").scheme, "ftp");
    assertEqual(func("path", { scheme: "ftp" }).scheme, "ftp");
    assertEqual(func(b`path`, { scheme: b`ftp` }).scheme, b`ftp`);
    assertEqual(func("path").scheme, "");
    assertEqual(func(b`path`).scheme, b``);
    assertEqual(func(b`path`, "").scheme, b``);
  }
});

Deno.test("UrlParseTestCase.test_parse_fragments", () => {
  const cases: [string, string, string][] = [
    ["http:#frag", "path", "frag"],
    ["//example.net#frag", "path", "frag"],
    ["index.html#frag", "path", "frag"],
    [";a=b#frag", "params", "frag"],
    ["?a=b#frag", "query", "frag"],
    ["#frag", "path", "frag"],
    ["abc#@frag", "path", "@frag"],
    ["//abc#@frag", "path", "@frag"],
    ["//abc:80#@frag", "path", "@frag"],
    ["//abc#@frag:80", "path", "@frag:80"],
  ];
  for (const [url, attr, expected_frag] of cases) {
    for (const func of [urllib.parse.urlparse, urllib.parse.urlsplit] as Any[]) {
      subTest(
        { url, attr, expected_frag, func: func.name },
        () => test_parse_fragments(url, attr, expected_frag, func),
      );
    }
  }

  function test_parse_fragments(url: string, attr: string, expected_frag: string, func: Any) {
    // Exercise the allow_fragments parameter of urlparse() and urlsplit()
    if (attr === "params" && func === urllib.parse.urlsplit) {
      attr = "path";
    }
    let result = func(url, { allow_fragments: false });
    assertEqual(result.fragment, "");
    assertEndsWith(result[attr], "#" + expected_frag);
    assertEqual(func(url, "", false).fragment, "");

    result = func(url, { allow_fragments: true });
    assertEqual(result.fragment, expected_frag);
    assertNotEndsWith(result[attr], expected_frag);
    assertEqual(func(url, "", true).fragment, expected_frag);
    assertEqual(func(url).fragment, expected_frag);
  }
});

Deno.test("UrlParseTestCase.test_mixed_types_rejected", () => {
  // Several functions that process either strings or ASCII encoded bytes
  // accept multiple arguments. Check they reject mixed type input
  const parse: Any = urllib.parse;
  assertRaisesRegex(TypeError, "Cannot mix str", () => parse.urlparse("www.python.org", b`http`));
  assertRaisesRegex(TypeError, "Cannot mix str", () => parse.urlparse(b`www.python.org`, "http"));
  assertRaisesRegex(TypeError, "Cannot mix str", () => parse.urlsplit("www.python.org", b`http`));
  assertRaisesRegex(TypeError, "Cannot mix str", () => parse.urlsplit(b`www.python.org`, "http"));
  assertRaisesRegex(
    TypeError,
    "Cannot mix str",
    () => parse.urlunparse(tuple(b`http`, "www.python.org", "", "", "", "")),
  );
  assertRaisesRegex(
    TypeError,
    "Cannot mix str",
    () => parse.urlunparse(tuple("http", b`www.python.org`, "", "", "", "")),
  );
  assertRaisesRegex(
    TypeError,
    "Cannot mix str",
    () => parse.urlunsplit(tuple(b`http`, "www.python.org", "", "", "")),
  );
  assertRaisesRegex(
    TypeError,
    "Cannot mix str",
    () => parse.urlunsplit(tuple("http", b`www.python.org`, "", "", "")),
  );
  assertRaisesRegex(
    TypeError,
    "Cannot mix str",
    () => parse.urljoin("http://python.org", b`http://python.org`),
  );
  assertRaisesRegex(
    TypeError,
    "Cannot mix str",
    () => parse.urljoin(b`http://python.org`, "http://python.org"),
  );
});

Deno.test("UrlParseTestCase.test_result_pairs", () => {
  for (
    const result_type of [
      urllib.parse.DefragResult,
      urllib.parse.SplitResult,
      urllib.parse.ParseResult,
    ] as Any[]
  ) {
    subTest({ result_type: result_type.name }, () => test_result_pairs(result_type));
  }

  function test_result_pairs(result_type: Any) {
    // Check encoding and decoding between result pairs
    const str_type = result_type;
    const num_args = len(str_type._fields);
    const bytes_type = str_type._encoded_counterpart;
    assertIs(bytes_type._decoded_counterpart, str_type);
    const str_args = tuple(...Array(num_args).fill(""));
    const bytes_args = tuple(...Array.from({ length: num_args }, () => b``));
    const str_result = new str_type(...str_args);
    const bytes_result = new bytes_type(...bytes_args);
    const encoding = "ascii";
    const errors = "strict";
    assertEqual(str_result, str_args);
    assertEqual(bytes_result.decode(), str_args);
    assertEqual(bytes_result.decode(), str_result);
    assertEqual(bytes_result.decode(encoding), str_args);
    assertEqual(bytes_result.decode(encoding), str_result);
    assertEqual(bytes_result.decode(encoding, errors), str_args);
    assertEqual(bytes_result.decode(encoding, errors), str_result);
    assertEqual(bytes_result, bytes_args);
    assertEqual(str_result.encode(), bytes_args);
    assertEqual(str_result.encode(), bytes_result);
    assertEqual(str_result.encode(encoding), bytes_args);
    assertEqual(str_result.encode(encoding), bytes_result);
    assertEqual(str_result.encode(encoding, errors), bytes_args);
    assertEqual(str_result.encode(encoding, errors), bytes_result);
  }
});

Deno.test("UrlParseTestCase.test_parse_qs_encoding", () => {
  let result: unknown = urllib.parse.parse_qs("key=\u0141%E9", { encoding: "latin-1" });
  assertEqual(result, { "key": ["\u0141\xE9"] });
  result = urllib.parse.parse_qs("key=\u0141%C3%A9", { encoding: "utf-8" });
  assertEqual(result, { "key": ["\u0141\xE9"] });
  result = urllib.parse.parse_qs("key=\u0141%C3%A9", { encoding: "ascii" });
  assertEqual(result, { "key": ["\u0141\ufffd\ufffd"] });
  result = urllib.parse.parse_qs("key=\u0141%E9-", { encoding: "ascii" });
  assertEqual(result, { "key": ["\u0141\ufffd-"] });
  result = urllib.parse.parse_qs("key=\u0141%E9-", { encoding: "ascii", errors: "ignore" });
  assertEqual(result, { "key": ["\u0141-"] });
});

Deno.test("UrlParseTestCase.test_parse_qsl_encoding", () => {
  let result: unknown = urllib.parse.parse_qsl("key=\u0141%E9", { encoding: "latin-1" });
  assertEqual(result, [tuple("key", "\u0141\xE9")]);
  result = urllib.parse.parse_qsl("key=\u0141%C3%A9", { encoding: "utf-8" });
  assertEqual(result, [tuple("key", "\u0141\xE9")]);
  result = urllib.parse.parse_qsl("key=\u0141%C3%A9", { encoding: "ascii" });
  assertEqual(result, [tuple("key", "\u0141\ufffd\ufffd")]);
  result = urllib.parse.parse_qsl("key=\u0141%E9-", { encoding: "ascii" });
  assertEqual(result, [tuple("key", "\u0141\ufffd-")]);
  result = urllib.parse.parse_qsl("key=\u0141%E9-", { encoding: "ascii", errors: "ignore" });
  assertEqual(result, [tuple("key", "\u0141-")]);
});

Deno.test("UrlParseTestCase.test_parse_qsl_max_num_fields", () => {
  assertRaises(
    ValueError,
    () => urllib.parse.parse_qsl(Array(11).fill("a=a").join("&"), { max_num_fields: 10 }),
  );
  urllib.parse.parse_qsl(Array(10).fill("a=a").join("&"), { max_num_fields: 10 });
});

Deno.test("UrlParseTestCase.test_parse_qs_separator", () => {
  const cases: [string | Bytes, Record<string, string[]> | Map<Bytes, Bytes[]>][] = [
    [";", {}],
    [";;", {}],
    [";a=b", { "a": ["b"] }],
    ["a=a+b;b=b+c", { "a": ["a b"], "b": ["b c"] }],
    ["a=1;a=2", { "a": ["1", "2"] }],
    [b`;`, bdict([])],
    [b`;;`, bdict([])],
    [b`;a=b`, bdict([[b`a`, [b`b`]]])],
    [b`a=a+b;b=b+c`, bdict([[b`a`, [b`a b`]], [b`b`, [b`b c`]]])],
    [b`a=1;a=2`, bdict([[b`a`, [b`1`, b`2`]]])],
  ];
  for (const [orig, expect] of cases) {
    subTest({ orig, expect }, () => {
      const result = urllib.parse.parse_qs(orig, { separator: ";" });
      assertEqual(result, expect);
      const result_bytes = urllib.parse.parse_qs(orig, { separator: b`;` });
      assertEqual(result_bytes, expect);
    });
  }
});

Deno.test("UrlParseTestCase.test_parse_qsl_separator", () => {
  const cases: [string | Bytes, unknown[]][] = [
    [";", []],
    [";;", []],
    [";a=b", [tuple("a", "b")]],
    ["a=a+b;b=b+c", [tuple("a", "a b"), tuple("b", "b c")]],
    ["a=1;a=2", [tuple("a", "1"), tuple("a", "2")]],
    [b`;`, []],
    [b`;;`, []],
    [b`;a=b`, [tuple(b`a`, b`b`)]],
    [b`a=a+b;b=b+c`, [tuple(b`a`, b`a b`), tuple(b`b`, b`b c`)]],
    [b`a=1;a=2`, [tuple(b`a`, b`1`), tuple(b`a`, b`2`)]],
  ];
  for (const [orig, expect] of cases) {
    subTest({ orig, expect }, () => {
      const result = urllib.parse.parse_qsl(orig, { separator: ";" });
      assertEqual(result, expect);
      const result_bytes = urllib.parse.parse_qsl(orig, { separator: b`;` });
      assertEqual(result_bytes, expect);
    });
  }
});

Deno.test("UrlParseTestCase.test_parse_qsl_bytes", () => {
  assertEqual(urllib.parse.parse_qsl(b`a=b`), [tuple(b`a`, b`b`)]);
  assertEqual(urllib.parse.parse_qsl(bytearray(b`a=b`)), [tuple(b`a`, b`b`)]);
  assertEqual(urllib.parse.parse_qsl(memoryview(b`a=b`)), [tuple(b`a`, b`b`)]);
});

Deno.test("UrlParseTestCase.test_parse_qsl_false_value", () => {
  const parse: Any = urllib.parse;
  const kwargs = { keep_blank_values: true, strict_parsing: true };
  for (const x of ["", b``, null, memoryview(b``)]) {
    assertEqual(parse.parse_qsl(x, kwargs), []);
    assertRaises(ValueError, () => parse.parse_qsl(x, { separator: 1 }));
  }
  for (const x of [0, 0.0, [], {}]) {
    let cm = assertWarns(DeprecationWarning, () => {
      assertEqual(parse.parse_qsl(x, kwargs), []);
    });
    assertEqual(cm.filename, __file__);
    cm = assertWarns(DeprecationWarning, () => {
      assertEqual(parse.parse_qs(x, kwargs), {});
    });
    assertEqual(cm.filename, __file__);
    assertRaises(ValueError, () => parse.parse_qsl(x, { separator: 1 }));
  }
});

/** Python's `object()`: an instance of no particular class. */
class PyObject {}

Deno.test("UrlParseTestCase.test_parse_qsl_errors", () => {
  const parse: Any = urllib.parse;
  assertRaises(TypeError, () => parse.parse_qsl([...b`a=b`]));
  assertRaises(TypeError, () => parse.parse_qsl(b`a=b`[Symbol.iterator]()));
  assertRaises(TypeError, () => parse.parse_qsl(1));
  assertRaises(TypeError, () => parse.parse_qsl(new PyObject()));

  for (const separator of ["", b``, null, 0, 1, 0.0, 1.5]) {
    assertRaises(ValueError, () => parse.parse_qsl("a=b", { separator: separator }));
  }
  assertRaises(UnicodeEncodeError, () => parse.parse_qsl(b`a=b`, { separator: "\xa6" }));
  assertRaises(UnicodeDecodeError, () => parse.parse_qsl("a=b", { separator: b`\xa6` }));
});

Deno.test("UrlParseTestCase.test_urlencode_sequences", () => {
  // Other tests incidentally urlencode things; test non-covered cases:
  // Sequence and object values.
  let result = urllib.parse.urlencode({ "a": [1, 2], "b": tuple(3, 4, 5) }, true);
  // we cannot rely on ordering here
  assertTrue(eq(new Set(result.split("&")), new Set(["a=1", "a=2", "b=3", "b=4", "b=5"])));

  class Trivial {
    __str__() {
      return "trivial";
    }
  }

  result = urllib.parse.urlencode({ "a": new Trivial() }, true);
  assertEqual(result, "a=trivial");
});

Deno.test("UrlParseTestCase.test_urlencode_quote_via", () => {
  let result = urllib.parse.urlencode({ "a": "some value" });
  assertEqual(result, "a=some+value");
  result = urllib.parse.urlencode({ "a": "some value/another" }, { quote_via: urllib.parse.quote });
  assertEqual(result, "a=some%20value%2Fanother");
  result = urllib.parse.urlencode({ "a": "some value/another" }, {
    safe: "/",
    quote_via: urllib.parse.quote,
  });
  assertEqual(result, "a=some%20value/another");
});

Deno.test("UrlParseTestCase.test_quote_from_bytes", () => {
  const parse: Any = urllib.parse;
  assertRaises(TypeError, () => parse.quote_from_bytes("foo"));
  let result = urllib.parse.quote_from_bytes(b`archaeological arcana`);
  assertEqual(result, "archaeological%20arcana");
  result = urllib.parse.quote_from_bytes(b``);
  assertEqual(result, "");
  result = urllib.parse.quote_from_bytes(b`A`.repeat(10_000));
  assertEqual(result, "A".repeat(10_000));
  result = urllib.parse.quote_from_bytes(b`z\x01/ `.repeat(253_183));
  assertEqual(result, "z%01/%20".repeat(253_183));
});

Deno.test("UrlParseTestCase.test_unquote_to_bytes", () => {
  let result = urllib.parse.unquote_to_bytes("abc%20def");
  assertEqual(result, b`abc def`);
  result = urllib.parse.unquote_to_bytes("");
  assertEqual(result, b``);
});

Deno.test("UrlParseTestCase.test_quote_errors", () => {
  assertRaises(TypeError, () => urllib.parse.quote(b`foo`, { encoding: "utf-8" }));
  assertRaises(TypeError, () => urllib.parse.quote(b`foo`, { errors: "strict" }));
});

Deno.test("UrlParseTestCase.test_issue14072", () => {
  let p1 = urllib.parse.urlsplit("tel:+31-641044153");
  assertEqual(p1.scheme, "tel");
  assertEqual(p1.path, "+31-641044153");
  let p2 = urllib.parse.urlsplit("tel:+31641044153");
  assertEqual(p2.scheme, "tel");
  assertEqual(p2.path, "+31641044153");
  // assert the behavior for urlparse
  p1 = urllib.parse.urlparse("tel:+31-641044153");
  assertEqual(p1.scheme, "tel");
  assertEqual(p1.path, "+31-641044153");
  p2 = urllib.parse.urlparse("tel:+31641044153");
  assertEqual(p2.scheme, "tel");
  assertEqual(p2.path, "+31641044153");
});

Deno.test("UrlParseTestCase.test_invalid_bracketed_hosts", () => {
  const urlsplit = urllib.parse.urlsplit;
  assertRaises(ValueError, () => urlsplit("Scheme://user@[192.0.2.146]/Path?Query"));
  assertRaises(ValueError, () => urlsplit("Scheme://user@[important.com:8000]/Path?Query"));
  assertRaises(ValueError, () => urlsplit("Scheme://user@[v123r.IP]/Path?Query"));
  assertRaises(ValueError, () => urlsplit("Scheme://user@[v12ae]/Path?Query"));
  assertRaises(ValueError, () => urlsplit("Scheme://user@[v.IP]/Path?Query"));
  assertRaises(ValueError, () => urlsplit("Scheme://user@[v123.]/Path?Query"));
  assertRaises(ValueError, () => urlsplit("Scheme://user@[v]/Path?Query"));
  assertRaises(ValueError, () => urlsplit("Scheme://user@[0439:23af::2309::fae7:1234]/Path?Query"));
  assertRaises(
    ValueError,
    () => urlsplit("Scheme://user@[0439:23af:2309::fae7:1234:2342:438e:192.0.2.146]/Path?Query"),
  );
  assertRaises(ValueError, () => urlsplit("Scheme://user@]v6a.ip[/Path"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[v6a.ip]"));
  assertRaises(ValueError, () => urlsplit("scheme://[v6a.ip].suffix"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[v6a.ip]/"));
  assertRaises(ValueError, () => urlsplit("scheme://[v6a.ip].suffix/"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[v6a.ip]?"));
  assertRaises(ValueError, () => urlsplit("scheme://[v6a.ip].suffix?"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[::1]"));
  assertRaises(ValueError, () => urlsplit("scheme://[::1].suffix"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[::1]/"));
  assertRaises(ValueError, () => urlsplit("scheme://[::1].suffix/"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[::1]?"));
  assertRaises(ValueError, () => urlsplit("scheme://[::1].suffix?"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[::1]:a"));
  assertRaises(ValueError, () => urlsplit("scheme://[::1].suffix:a"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[::1]:a1"));
  assertRaises(ValueError, () => urlsplit("scheme://[::1].suffix:a1"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[::1]:1a"));
  assertRaises(ValueError, () => urlsplit("scheme://[::1].suffix:1a"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[::1]:"));
  assertRaises(ValueError, () => urlsplit("scheme://[::1].suffix:/"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[::1]:?"));
  assertRaises(ValueError, () => urlsplit("scheme://user@prefix.[v6a.ip]"));
  assertRaises(ValueError, () => urlsplit("scheme://user@[v6a.ip].suffix"));
  assertRaises(ValueError, () => urlsplit("scheme://[v6a.ip"));
  assertRaises(ValueError, () => urlsplit("scheme://v6a.ip]"));
  assertRaises(ValueError, () => urlsplit("scheme://]v6a.ip["));
  assertRaises(ValueError, () => urlsplit("scheme://]v6a.ip"));
  assertRaises(ValueError, () => urlsplit("scheme://v6a.ip["));
  assertRaises(ValueError, () => urlsplit("scheme://prefix.[v6a.ip"));
  assertRaises(ValueError, () => urlsplit("scheme://v6a.ip].suffix"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix]v6a.ip[suffix"));
  assertRaises(ValueError, () => urlsplit("scheme://prefix]v6a.ip"));
  assertRaises(ValueError, () => urlsplit("scheme://v6a.ip[suffix"));
});

Deno.test("UrlParseTestCase.test_splitting_bracketed_hosts", () => {
  const p1 = urllib.parse.urlsplit("scheme://user@[v6a.ip]:1234/path?query");
  assertEqual(p1.hostname, "v6a.ip");
  assertEqual(p1.username, "user");
  assertEqual(p1.path, "/path");
  assertEqual(p1.port, 1234);
  const p2 = urllib.parse.urlsplit("scheme://user@[0439:23af:2309::fae7%test]/path?query");
  assertEqual(p2.hostname, "0439:23af:2309::fae7%test");
  assertEqual(p2.username, "user");
  assertEqual(p2.path, "/path");
  assertIs(p2.port, null);
  const p3 = urllib.parse.urlsplit("scheme://user@[0439:23af:2309::fae7:1234:192.0.2.146%test]/path?query");
  assertEqual(p3.hostname, "0439:23af:2309::fae7:1234:192.0.2.146%test");
  assertEqual(p3.username, "user");
  assertEqual(p3.path, "/path");
});

Deno.test("UrlParseTestCase.test_port_casting_failure_message", () => {
  const message = "Port could not be cast to integer value as 'oracle'";
  const p1 = urllib.parse.urlparse("http://Server=sde; Service=sde:oracle");
  assertRaisesRegex(ValueError, message, () => p1.port);

  const p2 = urllib.parse.urlsplit("http://Server=sde; Service=sde:oracle");
  assertRaisesRegex(ValueError, message, () => p2.port);
});

Deno.test("UrlParseTestCase.test_telurl_params", () => {
  let p1 = urllib.parse.urlparse("tel:123-4;phone-context=+1-650-516");
  assertEqual(p1.scheme, "tel");
  assertEqual(p1.path, "123-4");
  assertEqual(p1.params, "phone-context=+1-650-516");

  p1 = urllib.parse.urlparse("tel:+1-201-555-0123");
  assertEqual(p1.scheme, "tel");
  assertEqual(p1.path, "+1-201-555-0123");
  assertEqual(p1.params, "");

  p1 = urllib.parse.urlparse("tel:7042;phone-context=example.com");
  assertEqual(p1.scheme, "tel");
  assertEqual(p1.path, "7042");
  assertEqual(p1.params, "phone-context=example.com");

  p1 = urllib.parse.urlparse("tel:863-1234;phone-context=+1-914-555");
  assertEqual(p1.scheme, "tel");
  assertEqual(p1.path, "863-1234");
  assertEqual(p1.params, "phone-context=+1-914-555");
});

Deno.test({
  name:
    "UrlParseTestCase.test_Quoter_repr (ignored: urllib.parse._Quoter and _ALWAYS_SAFE are CPython-private " +
    "helpers with no public role)",
  ignore: true,
  fn() {},
});

Deno.test("UrlParseTestCase.test_clear_cache_for_code_coverage", () => {
  urllib.parse.clear_cache();
});

Deno.test({
  name: "UrlParseTestCase.test_urllib_parse_getattr_failure (ignored: a JavaScript module namespace has no " +
    "__getattr__; a missing name reads as undefined, and TypeScript rejects it at compile time)",
  ignore: true,
  fn() {},
});

Deno.test("UrlParseTestCase.test_all", () => {
  const expected: string[] = [];
  const undocumented = new Set([
    "splitattr",
    "splithost",
    "splitnport",
    "splitpasswd",
    "splitport",
    "splitquery",
    "splittag",
    "splittype",
    "splituser",
    "splitvalue",
    "ResultBase",
    "clear_cache",
    "to_bytes",
    "unwrap",
  ]);
  const module = urllib_parse as Record<string, unknown>;
  for (const name of Object.keys(module).sort()) {
    if (name.startsWith("_") || undocumented.has(name)) {
      continue;
    }
    const object = module[name];
    // getattr(object, '__module__', None) == 'urllib.parse': the functions and classes the module defines
    if (typeof object === "function") {
      expected.push(name);
    }
  }
  assertCountEqual(urllib.parse.__all__, expected);
});

Deno.test("UrlParseTestCase.test_urlsplit_normalization", () => {
  // Certain characters should never occur in the netloc,
  // including under normalization.
  // Ensure that ALL of them are detected and cause an error
  const illegal_chars = "/:#?@";
  // unicodedata.decomposition(c) names the characters c decomposes to; String.normalize("NFKD") gives them
  // fully decomposed, and none of illegal_chars decomposes further.
  const denorm_chars: string[] = [];
  for (let cp = 128; cp < 0x10ffff; cp++) {
    const c = String.fromCodePoint(cp);
    const d = c.normalize("NFKD");
    if (d !== c && [...illegal_chars].some((i) => d.includes(i)) && !illegal_chars.includes(c)) {
      denorm_chars.push(c);
    }
  }
  // Sanity check that we found at least one such character
  assertIn("\u2100", denorm_chars);
  assertIn("\uFF03", denorm_chars);

  // bpo-36742: Verify port separators are ignored when they
  // existed prior to decomposition
  urllib.parse.urlsplit("http://\u30d5\u309a:80");
  assertRaises(ValueError, () => urllib.parse.urlsplit("http://\u30d5\u309a\ufe1380"));

  for (const scheme of ["http", "https", "ftp"]) {
    for (const netloc of ["netloc{}false.netloc", "n{}user@netloc"]) {
      for (const c of denorm_chars) {
        const url = `${scheme}://${netloc.replace("{}", c)}/path`;
        subTest({ url, char: c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0") }, () => {
          assertRaises(ValueError, () => urllib.parse.urlsplit(url));
        });
      }
    }
  }
});

// ---------------------------------------------------------------------------------------------------------
// Utility_Tests: Testcase to test the various utility functions in the urllib.
// In Python 2 this test class was in test_urllib.

Deno.test("Utility_Tests.test_splittype", () => {
  const splittype = urllib.parse._splittype;
  assertEqual(splittype("type:opaquestring"), tuple("type", "opaquestring"));
  assertEqual(splittype("opaquestring"), tuple(null, "opaquestring"));
  assertEqual(splittype(":opaquestring"), tuple(null, ":opaquestring"));
  assertEqual(splittype("type:"), tuple("type", ""));
  assertEqual(splittype("type:opaque:string"), tuple("type", "opaque:string"));
});

Deno.test("Utility_Tests.test_splithost", () => {
  const splithost = urllib.parse._splithost;
  assertEqual(
    splithost("//www.example.org:80/foo/bar/baz.html"),
    tuple("www.example.org:80", "/foo/bar/baz.html"),
  );
  assertEqual(splithost("//www.example.org:80"), tuple("www.example.org:80", ""));
  assertEqual(splithost("/foo/bar/baz.html"), tuple(null, "/foo/bar/baz.html"));

  // bpo-30500: # starts a fragment.
  assertEqual(splithost("//127.0.0.1#@host.com"), tuple("127.0.0.1", "/#@host.com"));
  assertEqual(splithost("//127.0.0.1#@host.com:80"), tuple("127.0.0.1", "/#@host.com:80"));
  assertEqual(splithost("//127.0.0.1:80#@host.com"), tuple("127.0.0.1:80", "/#@host.com"));

  // Empty host is returned as empty string.
  assertEqual(splithost("///file"), tuple("", "/file"));

  // Trailing semicolon, question mark and hash symbol are kept.
  assertEqual(splithost("//example.net/file;"), tuple("example.net", "/file;"));
  assertEqual(splithost("//example.net/file?"), tuple("example.net", "/file?"));
  assertEqual(splithost("//example.net/file#"), tuple("example.net", "/file#"));
});

Deno.test("Utility_Tests.test_splituser", () => {
  const splituser = urllib.parse._splituser;
  assertEqual(splituser("User:Pass@www.python.org:080"), tuple("User:Pass", "www.python.org:080"));
  assertEqual(splituser("@www.python.org:080"), tuple("", "www.python.org:080"));
  assertEqual(splituser("www.python.org:080"), tuple(null, "www.python.org:080"));
  assertEqual(splituser("User:Pass@"), tuple("User:Pass", ""));
  assertEqual(
    splituser("User@example.com:Pass@www.python.org:080"),
    tuple("User@example.com:Pass", "www.python.org:080"),
  );
});

Deno.test("Utility_Tests.test_splitpasswd", () => {
  // Some of the password examples are not sensible, but it is added to
  // confirming to RFC2617 and addressing issue4675.
  const splitpasswd = urllib.parse._splitpasswd;
  assertEqual(splitpasswd("user:ab"), tuple("user", "ab"));
  assertEqual(splitpasswd("user:a\nb"), tuple("user", "a\nb"));
  assertEqual(splitpasswd("user:a\tb"), tuple("user", "a\tb"));
  assertEqual(splitpasswd("user:a\rb"), tuple("user", "a\rb"));
  assertEqual(splitpasswd("user:a\fb"), tuple("user", "a\fb"));
  assertEqual(splitpasswd("user:a\vb"), tuple("user", "a\vb"));
  assertEqual(splitpasswd("user:a:b"), tuple("user", "a:b"));
  assertEqual(splitpasswd("user:a b"), tuple("user", "a b"));
  assertEqual(splitpasswd("user 2:ab"), tuple("user 2", "ab"));
  assertEqual(splitpasswd("user+1:a+b"), tuple("user+1", "a+b"));
  assertEqual(splitpasswd("user:"), tuple("user", ""));
  assertEqual(splitpasswd("user"), tuple("user", null));
  assertEqual(splitpasswd(":ab"), tuple("", "ab"));
});

Deno.test("Utility_Tests.test_splitport", () => {
  const splitport = urllib.parse._splitport;
  assertEqual(splitport("parrot:88"), tuple("parrot", "88"));
  assertEqual(splitport("parrot"), tuple("parrot", null));
  assertEqual(splitport("parrot:"), tuple("parrot", null));
  assertEqual(splitport("127.0.0.1"), tuple("127.0.0.1", null));
  assertEqual(splitport("parrot:cheese"), tuple("parrot:cheese", null));
  assertEqual(splitport("[::1]:88"), tuple("[::1]", "88"));
  assertEqual(splitport("[::1]"), tuple("[::1]", null));
  assertEqual(splitport(":88"), tuple("", "88"));
});

Deno.test("Utility_Tests.test_splitnport", () => {
  const splitnport = urllib.parse._splitnport;
  assertEqual(splitnport("parrot:88"), tuple("parrot", 88));
  assertEqual(splitnport("parrot"), tuple("parrot", -1));
  assertEqual(splitnport("parrot", 55), tuple("parrot", 55));
  assertEqual(splitnport("parrot:"), tuple("parrot", -1));
  assertEqual(splitnport("parrot:", 55), tuple("parrot", 55));
  assertEqual(splitnport("127.0.0.1"), tuple("127.0.0.1", -1));
  assertEqual(splitnport("127.0.0.1", 55), tuple("127.0.0.1", 55));
  assertEqual(splitnport("parrot:cheese"), tuple("parrot", null));
  assertEqual(splitnport("parrot:cheese", 55), tuple("parrot", null));
  assertEqual(splitnport("parrot: +1_0 "), tuple("parrot", null));
});

Deno.test("Utility_Tests.test_splitquery", () => {
  // Normal cases are exercised by other tests; ensure that we also
  // catch cases with no port specified (testcase ensuring coverage)
  const splitquery = urllib.parse._splitquery;
  assertEqual(splitquery("http://python.org/fake?foo=bar"), tuple("http://python.org/fake", "foo=bar"));
  assertEqual(splitquery("http://python.org/fake?foo=bar?"), tuple("http://python.org/fake?foo=bar", ""));
  assertEqual(splitquery("http://python.org/fake"), tuple("http://python.org/fake", null));
  assertEqual(splitquery("?foo=bar"), tuple("", "foo=bar"));
});

Deno.test("Utility_Tests.test_splittag", () => {
  const splittag = urllib.parse._splittag;
  assertEqual(splittag("http://example.com?foo=bar#baz"), tuple("http://example.com?foo=bar", "baz"));
  assertEqual(splittag("http://example.com?foo=bar#"), tuple("http://example.com?foo=bar", ""));
  assertEqual(splittag("#baz"), tuple("", "baz"));
  assertEqual(splittag("http://example.com?foo=bar"), tuple("http://example.com?foo=bar", null));
  assertEqual(splittag("http://example.com?foo=bar#baz#boo"), tuple("http://example.com?foo=bar#baz", "boo"));
});

Deno.test("Utility_Tests.test_splitattr", () => {
  const splitattr = urllib.parse._splitattr;
  assertEqual(splitattr("/path;attr1=value1;attr2=value2"), tuple("/path", ["attr1=value1", "attr2=value2"]));
  assertEqual(splitattr("/path;"), tuple("/path", [""]));
  assertEqual(splitattr(";attr1=value1;attr2=value2"), tuple("", ["attr1=value1", "attr2=value2"]));
  assertEqual(splitattr("/path"), tuple("/path", []));
});

Deno.test("Utility_Tests.test_splitvalue", () => {
  // Normal cases are exercised by other tests; test pathological cases
  // with no key/value pairs. (testcase ensuring coverage)
  const splitvalue = urllib.parse._splitvalue;
  assertEqual(splitvalue("foo=bar"), tuple("foo", "bar"));
  assertEqual(splitvalue("foo="), tuple("foo", ""));
  assertEqual(splitvalue("=bar"), tuple("", "bar"));
  assertEqual(splitvalue("foobar"), tuple("foobar", null));
  assertEqual(splitvalue("foo=bar=baz"), tuple("foo", "bar=baz"));
});

Deno.test("Utility_Tests.test_to_bytes", () => {
  const result = urllib.parse._to_bytes("http://www.python.org");
  assertEqual(result, "http://www.python.org");
  assertRaises(UnicodeError, () => urllib.parse._to_bytes("http://www.python.org/medi\u00e6val"));
});

Deno.test("Utility_Tests.test_unwrap", () => {
  for (
    const wrapped_url of [
      "<URL:scheme://host/path>",
      "<scheme://host/path>",
      "URL:scheme://host/path",
      "scheme://host/path",
    ]
  ) {
    subTest({ wrapped_url }, () => {
      const url = urllib.parse.unwrap(wrapped_url);
      assertEqual(url, "scheme://host/path");
    });
  }
});

// ---------------------------------------------------------------------------------------------------------
// DeprecationTest

Deno.test("DeprecationTest.test_splittype_deprecation", () => {
  const cm = assertWarns(DeprecationWarning, () => urllib.parse.splittype(""));
  assertEqual(
    str(cm.warning),
    "urllib.parse.splittype() is deprecated as of 3.8, " +
      "use urllib.parse.urlparse() instead",
  );
});

Deno.test("DeprecationTest.test_splithost_deprecation", () => {
  const cm = assertWarns(DeprecationWarning, () => urllib.parse.splithost(""));
  assertEqual(
    str(cm.warning),
    "urllib.parse.splithost() is deprecated as of 3.8, " +
      "use urllib.parse.urlparse() instead",
  );
});

Deno.test("DeprecationTest.test_splituser_deprecation", () => {
  const cm = assertWarns(DeprecationWarning, () => urllib.parse.splituser(""));
  assertEqual(
    str(cm.warning),
    "urllib.parse.splituser() is deprecated as of 3.8, " +
      "use urllib.parse.urlparse() instead",
  );
});

Deno.test("DeprecationTest.test_splitpasswd_deprecation", () => {
  const cm = assertWarns(DeprecationWarning, () => urllib.parse.splitpasswd(""));
  assertEqual(
    str(cm.warning),
    "urllib.parse.splitpasswd() is deprecated as of 3.8, " +
      "use urllib.parse.urlparse() instead",
  );
});

Deno.test("DeprecationTest.test_splitport_deprecation", () => {
  const cm = assertWarns(DeprecationWarning, () => urllib.parse.splitport(""));
  assertEqual(
    str(cm.warning),
    "urllib.parse.splitport() is deprecated as of 3.8, " +
      "use urllib.parse.urlparse() instead",
  );
});

Deno.test("DeprecationTest.test_splitnport_deprecation", () => {
  const cm = assertWarns(DeprecationWarning, () => urllib.parse.splitnport(""));
  assertEqual(
    str(cm.warning),
    "urllib.parse.splitnport() is deprecated as of 3.8, " +
      "use urllib.parse.urlparse() instead",
  );
});

Deno.test("DeprecationTest.test_splitquery_deprecation", () => {
  const cm = assertWarns(DeprecationWarning, () => urllib.parse.splitquery(""));
  assertEqual(
    str(cm.warning),
    "urllib.parse.splitquery() is deprecated as of 3.8, " +
      "use urllib.parse.urlparse() instead",
  );
});

Deno.test("DeprecationTest.test_splittag_deprecation", () => {
  const cm = assertWarns(DeprecationWarning, () => urllib.parse.splittag(""));
  assertEqual(
    str(cm.warning),
    "urllib.parse.splittag() is deprecated as of 3.8, " +
      "use urllib.parse.urlparse() instead",
  );
});

Deno.test("DeprecationTest.test_splitattr_deprecation", () => {
  const cm = assertWarns(DeprecationWarning, () => urllib.parse.splitattr(""));
  assertEqual(
    str(cm.warning),
    "urllib.parse.splitattr() is deprecated as of 3.8, " +
      "use urllib.parse.urlparse() instead",
  );
});

Deno.test("DeprecationTest.test_splitvalue_deprecation", () => {
  const cm = assertWarns(DeprecationWarning, () => urllib.parse.splitvalue(""));
  assertEqual(
    str(cm.warning),
    "urllib.parse.splitvalue() is deprecated as of 3.8, " +
      "use urllib.parse.parse_qsl() instead",
  );
});

Deno.test("DeprecationTest.test_to_bytes_deprecation", () => {
  const cm = assertWarns(DeprecationWarning, () => urllib.parse.to_bytes(""));
  assertEqual(str(cm.warning), "urllib.parse.to_bytes() is deprecated as of 3.8");
});
