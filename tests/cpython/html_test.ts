// Port of CPython 3.14's Lib/test/test_html.py (RustPython/RustPython cc1e55e), line by line.
import * as html from "@pyweb/std/html";
import { assertEqual } from "./_unittest.ts";

/** Python's `"%d" % n`-style formats used by the test, for the few specifiers it needs. */
function pyFormat(format: string, num: number): string {
  return format.replace(/%(0(\d+))?([dxX])/, (_m, _z, width, conv) => {
    let s = conv === "d" ? BigInt(num).toString() : num.toString(16);
    if (conv === "X") s = s.toUpperCase();
    return width ? s.padStart(Number(width), "0") : s;
  });
}

Deno.test("HtmlTests.test_escape", () => {
  assertEqual(
    html.escape("'<script>\"&foo;\"</script>'"),
    "&#x27;&lt;script&gt;&quot;&amp;foo;&quot;&lt;/script&gt;&#x27;",
  );
  assertEqual(
    html.escape("'<script>\"&foo;\"</script>'", false),
    "'&lt;script&gt;\"&amp;foo;\"&lt;/script&gt;'",
  );
});

Deno.test("HtmlTests.test_unescape", () => {
  const numeric_formats = ["&#%d", "&#%d;", "&#x%x", "&#x%x;"];
  const errmsg = (text: string, expected: string) =>
    `unescape(${JSON.stringify(text)}) should have returned ${JSON.stringify(expected)}`;
  const check = (text: string, expected: string) => {
    assertEqual(html.unescape(text), expected, errmsg(text, expected));
  };
  const check_num = (num: number, expected: string) => {
    for (const format of numeric_formats) {
      const text = pyFormat(format, num);
      assertEqual(html.unescape(text), expected, errmsg(text, expected));
    }
  };
  // check text with no character references
  check("no character references", "no character references");
  // check & followed by invalid chars
  check("&\n&\t& &&", "&\n&\t& &&");
  // check & followed by numbers and letters
  check("&0 &9 &a &0; &9; &a;", "&0 &9 &a &0; &9; &a;");
  // check incomplete entities at the end of the string
  for (const x of ["&", "&#", "&#x", "&#X", "&#y", "&#xy", "&#Xy"]) {
    check(x, x);
    check(x + ";", x + ";");
  }
  // check several combinations of numeric character references,
  // possibly followed by different characters
  const formats = [
    "&#%d",
    "&#%07d",
    "&#%d;",
    "&#%07d;",
    "&#x%x",
    "&#x%06x",
    "&#x%x;",
    "&#x%06x;",
    "&#x%X",
    "&#x%06X",
    "&#X%x;",
    "&#X%06x;",
  ];
  const nums = [65, 97, 34, 38, 0x2603, 0x101234];
  const chars = ["A", "a", '"', "&", "\u2603", "\u{101234}"];
  nums.forEach((num, i) => {
    const char = chars[i];
    for (const s of formats) {
      check(pyFormat(s, num), char);
      for (const end of [" ", "X"]) check(pyFormat(s + end, num), char + end);
    }
  });
  // check invalid code points
  for (const cp of [0xD800, 0xDB00, 0xDC00, 0xDFFF, 0x110000]) check_num(cp, "\uFFFD");
  // check more invalid code points
  for (const cp of [0x1, 0xb, 0xe, 0x7f, 0xfffe, 0xffff, 0x10fffe, 0x10ffff]) check_num(cp, "");
  // check invalid numbers
  [0x0d, 0x80, 0x95, 0x9d].forEach((num, i) => check_num(num, "\r\u20ac\u2022\x9d"[i]));
  // check small numbers
  check_num(0, "\uFFFD");
  check_num(9, "\t");
  // check a big number
  check_num(1000000000000000000, "\uFFFD");
  // check that multiple trailing semicolons are handled correctly
  for (const e of ["&quot;;", "&#34;;", "&#x22;;", "&#X22;;"]) check(e, '";');
  // check that semicolons in the middle don't create problems
  for (const e of ["&quot;quot;", "&#34;quot;", "&#x22;quot;", "&#X22;quot;"]) check(e, '"quot;');
  // check triple adjacent charrefs
  for (const e of ["&quot", "&#34", "&#x22", "&#X22"]) {
    check(e.repeat(3), '"""');
    check((e + ";").repeat(3), '"""');
  }
  // check that the case is respected
  for (const e of ["&amp", "&amp;", "&AMP", "&AMP;"]) check(e, "&");
  for (const e of ["&Amp", "&Amp;"]) check(e, e);
  // check that non-existent named entities are returned unchanged
  check("&svadilfari;", "&svadilfari;");
  // the following examples are in the html5 specs
  check("&notit", "¬it");
  check("&notit;", "¬it;");
  check("&notin", "¬in");
  check("&notin;", "∉");
  // a similar example with a long name
  check("&notReallyAnExistingNamedCharacterReference;", "¬ReallyAnExistingNamedCharacterReference;");
  // longest valid name
  check("&CounterClockwiseContourIntegral;", "∳");
  // check a charref that maps to two unicode chars
  check("&acE;", "\u223E\u0333");
  check("&acE", "&acE");
  // see #12888
  check("&#123; ".repeat(1050), "{ ".repeat(1050));
  // see #15156
  check("&Eacuteric&Eacute;ric&alphacentauri&alpha;centauri", "ÉricÉric&alphacentauriαcentauri");
  check("&co;", "&co;");
});
