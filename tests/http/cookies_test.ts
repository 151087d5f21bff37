// Unit tests of http.cookies with vectors from CPython's test_http_cookies.
import assert from "node:assert/strict";
import { BaseCookie, CookieError, Morsel, SimpleCookie } from "../../http/cookies.ts";
import { repr, str } from "../../_util/repr.ts";

Deno.test("http.cookies: CPython test_basic vectors", () => {
  const cases: [string, Record<string, string>, string, string][] = [
    [
      "chips=ahoy; vienna=finger",
      { chips: "ahoy", vienna: "finger" },
      "<SimpleCookie: chips='ahoy' vienna='finger'>",
      "Set-Cookie: chips=ahoy\nSet-Cookie: vienna=finger",
    ],
    [
      'keebler="E=mc2; L=\\"Loves\\"; fudge=;"',
      { keebler: 'E=mc2; L="Loves"; fudge=;' },
      `<SimpleCookie: keebler='E=mc2; L="Loves"; fudge=;'>`,
      'Set-Cookie: keebler="E=mc2; L=\\"Loves\\"; fudge=;"',
    ],
    ["keebler=E=mc2", { keebler: "E=mc2" }, "<SimpleCookie: keebler='E=mc2'>", "Set-Cookie: keebler=E=mc2"],
    [
      "key:term=value:term",
      { "key:term": "value:term" },
      "<SimpleCookie: key:term='value:term'>",
      "Set-Cookie: key:term=value:term",
    ],
    [
      "a=b; c=[; d=r; f=h",
      { a: "b", c: "[", d: "r", f: "h" },
      "<SimpleCookie: a='b' c='[' d='r' f='h'>",
      "Set-Cookie: a=b\nSet-Cookie: c=[\nSet-Cookie: d=r\nSet-Cookie: f=h",
    ],
  ];
  for (const [data, dict, rep, out] of cases) {
    const C = new SimpleCookie();
    C.load(data);
    assert.equal(repr(C), rep);
    assert.equal(C.output({ sep: "\n" }), out);
    for (const [k, v] of Object.entries(dict)) assert.equal(C.get(k)!.value, v);
  }
});

Deno.test("http.cookies: load from a mapping, str(), attributes", () => {
  const C = new SimpleCookie({ fig: "newton", number: 7 });
  assert.equal(str(C), "Set-Cookie: fig=newton\r\nSet-Cookie: number=7");
  C.get("fig")!.set("path", "/cookie");
  assert.equal(C.output({ header: "Cookie:" }), "Cookie: fig=newton; Path=/cookie\r\nCookie: number=7");
  assert.equal(C.output({ attrs: [], header: "Cookie:" }), "Cookie: fig=newton\r\nCookie: number=7");
  assert.equal(C.has("fig"), true);
  assert.equal(C.size, 2);
  assert.deepEqual([...C], ["fig", "number"]);
  assert.equal(C.delete("number"), true);
  assert.equal(C.size, 1);
});

Deno.test("http.cookies: control characters are rejected (CVE-2026-0672, CVE-2026-3644)", () => {
  const M = new Morsel();
  assert.throws(() => M.set("path", "/\r\nX: y"), CookieError);
  assert.throws(() => M.setdefault("path", "\n"), CookieError);
  assert.throws(() => M.update({ domain: "a\x00" }), CookieError);
  assert.throws(() => M.set("k", "v\n", "v"), CookieError);
  const C = new SimpleCookie();
  assert.throws(() => C.set("a\n", "b"), CookieError);
  assert.throws(() => C.load('a="\\012"'), CookieError);
  const B = new BaseCookie();
  assert.throws(() => B.set("a", "b\x7f"), CookieError);
});

Deno.test("http.cookies: js_output quotes the cookie", () => {
  const C = new SimpleCookie();
  C.set("a", "</script><script>alert(1)</script>");
  const js = C.js_output();
  assert.ok(js.includes('decodeURIComponent("a%3D%22%3C%2Fscript%3E'));
  assert.ok(!js.includes("<script>alert"));
});

Deno.test("http.cookies: hostile 1 MB inputs finish", () => {
  const MB = 1 << 20;
  const inputs = [
    "a=" + "=".repeat(MB),
    "a" + "=b".repeat(MB / 2) + '"',
    ";".repeat(MB),
    "a=b;".repeat(MB / 4),
    'a="' + "\\".repeat(MB) + '"',
    'a="' + "\\\\".repeat(MB / 2),
    'a="' + '\\"'.repeat(MB / 2),
    "a=" + "Wed, 09 Jun 2021 10:18:14 GM".repeat(MB / 28),
    "a=b; expires=" + "Wednesday, ".repeat(MB / 11),
    "$".repeat(MB) + "=x",
    "a" + " ".repeat(MB) + "=",
    "a= " + " ".repeat(MB) + '"',
    '"'.repeat(MB),
    "a=" + '"x"'.repeat(MB / 3),
  ];
  for (const s of inputs) {
    const C = new SimpleCookie();
    try {
      C.load(s);
    } catch (e) {
      assert.ok(e instanceof CookieError);
    }
    assert.ok(C.size >= 0);
  }
});

Deno.test("http.cookies: value_decode / value_encode are overridable", () => {
  class UpperCookie extends BaseCookie {
    override value_decode(val: string): [string, string] {
      return [val.toUpperCase(), val];
    }
    override value_encode(val: unknown): [string, string] {
      const s = String(val);
      return [s, s.split("").reverse().join("")];
    }
  }
  const C = new UpperCookie("a=xyz");
  assert.equal(C.get("a")!.value, "XYZ");
  assert.equal(C.get("a")!.coded_value, "xyz");
  C.set("b", "abc");
  assert.equal(C.get("b")!.value, "abc");
  assert.equal(str(C), "Set-Cookie: a=xyz\r\nSet-Cookie: b=cba");
  assert.equal(repr(C), "<UpperCookie: a='XYZ' b='abc'>");
  // A Morsel assigned directly is stored as it is.
  const M = new Morsel();
  M.set("z", "1", "1");
  C.set("other", M);
  assert.equal(C.get("other"), M);
  assert.equal(repr(M), "<Morsel: z=1>");
});

Deno.test("http.cookies: update, setdefault, pop, __eq__", () => {
  const C = new SimpleCookie();
  C.update({ a: "1", b: "x y" });
  assert.equal(str(C), 'Set-Cookie: a=1\r\nSet-Cookie: b="x y"');
  assert.equal(C.setdefault("a", "zzz").value, "1");
  assert.equal(C.setdefault("c", "3").value, "3");
  assert.equal((C.pop("c") as Morsel).value, "3");
  assert.throws(() => C.pop("c"), (e: Error) => e.name === "KeyError");
  const m1 = new Morsel(), m2 = new Morsel();
  m1.set("secure", true);
  m2.set("secure", 1);
  assert.ok(m1.__eq__(m2));
});
