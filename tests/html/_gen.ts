// A seeded generator of hostile HTML-ish documents for the differential tests.

const TAGS = [
  "a",
  "p",
  "div",
  "img",
  "br",
  "script",
  "style",
  "title",
  "textarea",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
  "plaintext",
  "b",
  "svg",
  "math",
  "SCRIPT",
  "Title",
  "sTyLe",
  "h1",
  "x-y",
  "a\u00e9",
  "i\u0130",
  "sc\u212aipt",
];
const ATTR_NAMES = [
  "href",
  "src",
  "class",
  "ID",
  "data-x",
  "=",
  "x=",
  "a'b",
  '"q',
  "\u00e9",
  "on-click",
  "/",
];
const VALUES = [
  "x",
  "",
  "a b",
  "&amp;",
  "&amp",
  "&ampx",
  "&amp=",
  "&#65;",
  "&#x41",
  "&#65=",
  "&notit;",
  "&lt;&gt;",
  ">",
  "a>b",
  "'",
  '"',
  "&#0;",
  "&#x110000;",
  "&#xD800;",
  "&#128;",
  "=x",
  "\u00e9\u{1F600}",
  "&#",
  "&#x;",
  "&NotEqualTilde;",
  "&copy=3",
];
const TEXT = [
  "hello",
  " ",
  "\n",
  "\r\n",
  "\t",
  "a < b",
  "a > b",
  "&",
  "&amp;",
  "&amp",
  "&ampx",
  "&lt",
  "&#",
  "&#6",
  "&#65",
  "&#65;",
  "&#x41;",
  "&#X41",
  "&#x",
  "&#xg",
  "&#12a;",
  "&a.b",
  "&a-b;",
  "&notit;",
  "&notin;",
  "&#128;",
  "&#0;",
  "&#x10FFFF;",
  "&#xD800;",
  "&#99999999999999;",
  "\u{1F600}",
  "\u00e9",
  "\u0000",
  "]]>",
  "--",
  "->",
  "-->",
  "x;y",
  "&;",
  "& ",
  "&\n",
  "<",
  "<<",
  "</",
  "</>",
  "< p",
  "<3",
  "&NotEqualTilde;",
  "&CounterClockwiseContourIntegral;",
  "&supe",
  "&frac12",
  "&frac12;x",
];
const RAW = [
  "<!--",
  "-->",
  "--!>",
  "-- >",
  "<!-->",
  "<!--->",
  "<!---->",
  "<!",
  "<!>",
  "<![CDATA[",
  "]]>",
  "] ]>",
  "<!DOCTYPE html>",
  "<!doctype",
  "<!DocType x y>",
  "<?xml version='1.0'?>",
  "<?",
  "?>",
  "</ script>",
  "</script",
  "</script>",
  "</SCRIPT >",
  "</script/>",
  "</style>",
  "</title>",
  "</textarea>",
  "</xmp>",
  "</noscript>",
  "</plaintext>",
  "</a b='>'>",
  "</a\u0000>",
  "<a/>",
  "<a />",
  "<a/b>",
  "<a//>",
  "<a\u0000b>",
  "</>",
  "</ >",
  "</1>",
  "<!ELEMENT br EMPTY>",
  "<![if !supportLists]>",
  "<![endif]>",
  "<!-- a -- b -->",
];

/** Build one document from `rand` (a PRNG in [0, 1)). */
export function randomDocument(rand: () => number, maxParts = 30): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const parts: string[] = [];
  const count = 1 + Math.floor(rand() * maxParts);
  for (let k = 0; k < count; k++) {
    const r = rand();
    if (r < 0.3) parts.push(pick(TEXT));
    else if (r < 0.5) parts.push(pick(RAW));
    else if (r < 0.8) {
      // a start tag with attributes
      let t = "<" + pick(TAGS);
      const na = Math.floor(rand() * 4);
      for (let a = 0; a < na; a++) {
        t += pick([" ", "  ", "\n", "/", "\t", " / ", "", "\f", "\r", "\x0b", "\u00a0"]);
        t += pick(ATTR_NAMES);
        const form = rand();
        if (form < 0.25) continue;
        t += pick(["=", " = ", "=\n", "==", "= "]);
        const v = pick(VALUES);
        if (form < 0.5) t += `"${v.replaceAll('"', "")}"`;
        else if (form < 0.75) t += `'${v.replaceAll("'", "")}'`;
        else if (form < 0.95) t += v.replace(/[\s>]/g, "");
        else t += pick(["'unclosed", '"unclosed', "`x`"]);
      }
      t += pick([">", "/>", " >", " />", "", ">", ">", " / >", "\x0b>", "\u00a0/>", "\f>"]);
      parts.push(t);
    } else parts.push("</" + pick(TAGS) + pick([">", " >", "", " x='y'>", "/>"]));
  }
  return parts.join("");
}
