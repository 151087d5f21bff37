// Unit tests of http.cookies with vectors from CPython's test_http_cookies.
import assert from "node:assert/strict";
import { BaseCookie, CookieError, Morsel, SimpleCookie } from "../../http/cookies.ts";
import { repr, str } from "../../_util/repr.ts";
import { eq, len, NotImplemented, truthy } from "../../_util/builtins.ts";
import { kw } from "../../_util/signature.ts";
import { AttributeError, TypeError as PyTypeError, ValueError } from "../../_util/exceptions.ts";

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

// ---------------------------------------------------------------------------
// Issue 13: keywords, protocols, class attributes (expected values from CPython 3.14)

Deno.test("http.cookies: morsel == dict(morsel), with dicts and Maps, as CPython's __eq__", () => {
  const M = new Morsel();
  M.set("a", "b", "b");
  M.set("path", "/");
  const asDict = Object.fromEntries(M.items() as unknown as [string, unknown][]);
  assert.equal(eq(M, asDict), true);
  assert.equal(eq(asDict, M), true);
  assert.equal(eq(M, new Map(Object.entries(asDict))), true);
  assert.equal(eq(M, {}), false);
  assert.equal(eq(M, "Set-Cookie: a=b; Path=/"), false);
  // Morsel to Morsel also compares key, value and coded value.
  const N = M.copy();
  assert.equal(eq(M, N), true);
  N.set("a", "c", "c");
  assert.equal(eq(M, N), false);
  assert.equal(M.__eq__(42), NotImplemented);
  // A cookie compares as the dict of its Morsels.
  const C = new SimpleCookie("a=b");
  assert.equal(eq(C, { a: C.get("a") }), true);
  assert.equal(eq(C, { a: "b" }), false);
  assert.equal(eq(C, new SimpleCookie("a=b")), true);
});

Deno.test("http.cookies: Morsel.update() and update(0) raise CPython's TypeError; a dict is the mapping", () => {
  const M = new Morsel();
  const raises = (f: () => unknown, cls: new (...a: never[]) => Error, msg: string) =>
    assert.throws(f, (e: unknown) => e instanceof cls && (e as Error).message === msg);
  raises(
    () => (M.update as (...a: unknown[]) => void)(),
    PyTypeError,
    "Morsel.update() missing 1 required positional argument: 'values'",
  );
  raises(() => M.update(0 as never), PyTypeError, "'int' object is not iterable");
  raises(() => M.update(null as never), PyTypeError, "'NoneType' object is not iterable");
  raises(
    () => M.update("ab" as never),
    ValueError,
    "dictionary update sequence element #0 has length 1; 2 is required",
  );
  raises(
    () => M.update([1] as never),
    PyTypeError,
    "cannot convert dictionary update sequence element #0 to a sequence",
  );
  M.update({ Path: "/", domain: "x.example" });
  assert.equal(M.get("path"), "/");
  M.update(kw({ values: [["comment", "hi"]] }));
  assert.equal(M.get("comment"), "hi");
  M.update(new Map([["max-age", 5]]));
  assert.equal(M.get("max-age"), 5);
  raises(() => M.update({ bogus: 1 }), CookieError, "Invalid attribute 'bogus'");
});

Deno.test("http.cookies: read-only Morsel properties raise AttributeError, not a JS TypeError", () => {
  const M = new Morsel();
  M.set("k", "v", "v");
  for (const name of ["key", "value", "coded_value"] as const) {
    assert.throws(
      () => {
        (M as unknown as Record<string, unknown>)[name] = "x";
      },
      (e: unknown) =>
        e instanceof AttributeError && !(e instanceof globalThis.TypeError) &&
        e.message === `property '${name}' of 'Morsel' object has no setter`,
    );
  }
  assert.equal(M.key, "k");
  class MyMorsel extends Morsel {}
  assert.throws(
    () => {
      (new MyMorsel() as unknown as Record<string, unknown>).key = "x";
    },
    (e: unknown) =>
      e instanceof AttributeError && e.message === "property 'key' of 'MyMorsel' object has no setter",
  );
});

Deno.test("http.cookies: Morsel._reserved, _reserved_defaults and _flags are class attributes", () => {
  assert.equal(Morsel._reserved["max-age"], "Max-Age");
  assert.equal(Morsel._reserved["partitioned"], "Partitioned");
  assert.deepEqual([...Morsel._flags].sort(), ["httponly", "partitioned", "secure"]);
  assert.equal(Morsel._reserved_defaults["path"], "");
  const M = new Morsel();
  assert.equal(M._reserved, Morsel._reserved);
  assert.equal(len(M), 10);
  // A subclass that extends _reserved gets a new attribute, as in CPython.
  class Extra extends Morsel {
    static override _reserved: Record<string, string> = { ...Morsel._reserved, priority: "Priority" };
  }
  const E = new Extra();
  E.set("id", "1", "1");
  E.set("priority", "High");
  assert.equal(E.isReservedKey("PRIORITY"), true);
  assert.equal(E.OutputString(), "id=1; Priority=High");
  assert.throws(() => M.set("priority", "High"), CookieError);
});

Deno.test("http.cookies: every parameter by keyword, plain objects are dicts where Python takes a mapping", () => {
  // SimpleCookie(input) and load(rawdata): a plain object is the mapping; kw() marks keywords.
  const C = new SimpleCookie({ fig: "newton" });
  assert.equal(C.get("fig")!.value, "newton");
  const D = new SimpleCookie(kw({ input: "a=1; b=2" }));
  assert.deepEqual(D.keys(), ["a", "b"]);
  D.load({ c: "3" });
  D.load(kw({ rawdata: "d=4" }));
  assert.deepEqual(D.keys(), ["a", "b", "c", "d"]);
  assert.equal(truthy(new SimpleCookie()), false);
  // A dict as a value is a value (str() of it), not keywords.
  assert.equal(new BaseCookie().value_encode({ x: 1 })[0], "{'x': 1}");
  assert.equal(len(D), 4);
  // output(attrs=None, header=..., sep=...) positionally, by keyword, and mixed.
  D.get("a")!.set("path", "/");
  assert.equal(D.output(null, "Cookie:", "|"), "Cookie: a=1; Path=/|Cookie: b=2|Cookie: c=3|Cookie: d=4");
  assert.equal(D.output([], { sep: "," }), "Set-Cookie: a=1,Set-Cookie: b=2,Set-Cookie: c=3,Set-Cookie: d=4");
  assert.equal(D.get("a")!.output({ header: "X:" }), "X: a=1; Path=/");
  assert.equal(D.get("a")!.OutputString({ attrs: ["path"] }), "a=1; Path=/");
  assert.throws(
    () => D.output({ bogus: 1 } as never),
    (e: unknown) =>
      e instanceof PyTypeError &&
      e.message === "BaseCookie.output() got an unexpected keyword argument 'bogus'",
  );
  assert.throws(
    () => D.get("a")!.output({ bogus: 1 } as never),
    (e: unknown) =>
      e instanceof PyTypeError && e.message === "Morsel.output() got an unexpected keyword argument 'bogus'",
  );
  // Morsel.set: two arguments are M[K] = V; three (or keywords) are Python's set(key, val, coded_val).
  const M = new Morsel();
  M.set({ key: "k", val: "v w", coded_val: '"v w"' });
  assert.equal(M.coded_value, '"v w"');
  M.set("k2", { val: "x", coded_val: "x" });
  assert.equal(M.key, "k2");
  assert.equal(M.setdefault({ key: "Path", val: "/p" }), "");
  assert.equal(M.isReservedKey({ K: "Max-Age" }), true);
  assert.throws(
    () => (M.set as (...a: unknown[]) => unknown)(),
    (e: unknown) =>
      e instanceof PyTypeError &&
      e.message === "Morsel.set() missing 3 required positional arguments: 'key', 'val', and 'coded_val'",
  );
});
