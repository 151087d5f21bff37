// html.escape / html.unescape: unit vectors and a differential test against
// CPython 3.14 over every HTML5 name, numeric edge cases and random strings.

import assert from "node:assert/strict";
import { escape, unescape } from "../../html/mod.ts";
import { b, kw } from "../../mod.ts";
import { html5 } from "../../html/entities.ts";
import { capture, oracle, oracleTest } from "../_oracle.ts";
import { prng } from "./_events.ts";

Deno.test("html.escape", () => {
  assert.equal(
    escape(`'<script>"&foo;"</script>'`),
    "&#x27;&lt;script&gt;&quot;&amp;foo;&quot;&lt;/script&gt;&#x27;",
  );
  assert.equal(escape(`'<script>"&foo;"</script>'`, false), `'&lt;script&gt;"&amp;foo;"&lt;/script&gt;'`);
  assert.equal(escape(`"'`, { quote: false }), `"'`);
  assert.equal(escape("plain"), "plain");
  assert.throws(() => escape("x", { foo: 1 } as never), {
    name: "TypeError",
    message: "escape() got an unexpected keyword argument 'foo'",
  });
});

Deno.test("html.escape / unescape: by position, keyword and mixed give CPython's result", () => {
  // CPython 3.14: escape(s, quote=False / NaN / []) and unescape(s=...).
  const s = `<'"&>`;
  const noQuotes = `&lt;'"&amp;&gt;`, quoted = "&lt;&#x27;&quot;&amp;&gt;";
  for (const q of [false, 0, [], ""]) {
    assert.equal(escape(s, q), noQuotes);
    assert.equal(escape(s, { quote: q }), noQuotes);
    assert.equal(escape({ s, quote: q }), noQuotes);
    assert.equal(escape(s, kw({ quote: q })), noQuotes);
  }
  for (const q of [true, NaN, 1, "x"]) {
    assert.equal(escape(s, q), quoted);
    assert.equal(escape({ s, quote: q }), quoted);
  }
  assert.equal(escape({ s }), quoted);
  assert.equal(unescape({ s: "&lt;&notit;&#x41" }), "<¬it;A");
  assert.equal(unescape(kw({ s: "&lt;" })), "<");
  const calls: [() => unknown, string, string][] = [
    [() => escape(1 as never), "AttributeError", "'int' object has no attribute 'replace'"],
    [() => escape(b`a` as never), "TypeError", "a bytes-like object is required, not 'str'"],
    [() => escape("a", { s: "b" } as never), "TypeError", "escape() got multiple values for argument 's'"],
    [() => (escape as () => string)(), "TypeError", "escape() missing 1 required positional argument: 's'"],
    [
      () => unescape({ text: "a" } as never),
      "TypeError",
      "unescape() got an unexpected keyword argument 'text'",
    ],
    [() => unescape(["&"] as never), "TypeError", "expected string or bytes-like object, got 'list'"],
  ];
  for (const [call, name, message] of calls) assert.throws(call, { name, message });
  assert.deepEqual(unescape([1] as never), [1]); // CPython: no '&' in it, returned as is
});

Deno.test("html.unescape: CPython's test_html cases", () => {
  const check = (text: string, expected: string) => assert.equal(unescape(text), expected, text);
  check("no character references", "no character references");
  check("&\n&\t& &&", "&\n&\t& &&");
  check("&0 &9 &a &0; &9; &a;", "&0 &9 &a &0; &9; &a;");
  for (const x of ["&", "&#", "&#x", "&#X", "&#y", "&#xy", "&#Xy"]) {
    check(x, x);
    check(x + ";", x + ";");
  }
  for (
    const [n, c] of [[0, "\ufffd"], [0x0d, "\r"], [0x80, "\u20ac"], [0x81, "\x81"], [0x9f, "\u0178"]] as const
  ) {
    for (const s of [`&#${n}`, `&#${n};`, `&#x${n.toString(16)}`, `&#X${n.toString(16).toUpperCase()};`]) {
      check(s, c);
      check(s + "x", c + "x");
    }
  }
  check("&#xd800;", "\ufffd");
  check("&#1114112;", "\ufffd");
  check("&#99999999999999999999999999999;", "\ufffd");
  check("&#x1;&#xb;&#xfffe;&#x10ffff;", "");
  check("&#x1F600;", "\u{1F600}");
  check("&amp &amp; &ampx &ampx; &notit; &notin;", "& & &x &x; \u00acit; \u2209");
  check("&NotEqualTilde;&NotEqualTilde", "\u2242\u0338&NotEqualTilde");
  check("&" + "a".repeat(40), "&" + "a".repeat(40));
});

oracleTest("html.unescape / html.escape: differential vs CPython 3.14", async () => {
  const cases: string[] = [];
  for (const name of Object.keys(html5)) {
    const bare = name.endsWith(";") ? name.slice(0, -1) : name;
    cases.push(
      "&" + name,
      "&" + bare + "x;",
      "&" + bare + "=",
      "x&" + bare + "\u{1F600}y",
      "&&" + bare + " &",
    );
  }
  const nums = [
    0,
    1,
    8,
    9,
    0xb,
    0xd,
    0xe,
    0x1f,
    0x20,
    0x7e,
    0x7f,
    0x80,
    0x8d,
    0x9f,
    0xa0,
    0xd7ff,
    0xd800,
    0xdbff,
    0xdc00,
    0xdfff,
    0xe000,
    0xfdcf,
    0xfdd0,
    0xfdef,
    0xfdf0,
    0xfffd,
    0xfffe,
    0xffff,
    0x10000,
    0x1fffe,
    0x1ffff,
    0x10fffd,
    0x10fffe,
    0x10ffff,
    0x110000,
    0xffffffff,
    2 ** 53,
  ];
  for (const n of nums) {
    cases.push(`&#${n};`, `&#${n}`, `&#x${n.toString(16)};`, `&#X${n.toString(16)}z`, `&#000${n};`);
  }
  cases.push("&#" + "9".repeat(400) + ";", "&#x" + "f".repeat(400));
  const rand = prng(42);
  const pool = [
    "&",
    "#",
    ";",
    "x",
    "X",
    "a",
    "m",
    "p",
    "1",
    "0",
    "f",
    "n",
    "o",
    "t",
    " ",
    "\n",
    "<",
    "=",
    "\u{1F600}",
    "é",
    "\r",
    "\t",
  ];
  for (let k = 0; k < 3000; k++) {
    let s = "";
    const len = 1 + Math.floor(rand() * 40);
    for (let j = 0; j < len; j++) s += pool[Math.floor(rand() * pool.length)];
    cases.push(s);
  }
  const expected = await oracle(
    `import html\ndef run(s): return [html.unescape(s), html.escape(s), html.escape(s, False)]`,
    cases,
  );
  for (let k = 0; k < cases.length; k++) {
    const s = cases[k];
    assert.deepEqual(
      capture(() => [unescape(s), escape(s), escape(s, false)]),
      expected[k],
      JSON.stringify(s),
    );
  }
});
