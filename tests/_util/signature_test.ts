import assert from "node:assert/strict";
import { isKeywords, kw, Signature } from "../../_util/signature.ts";
import { TypeError } from "../../_util/exceptions.ts";

// Messages below are CPython 3.14's for the same def lines (checked with the oracle).
const URLJOIN = new Signature<{ base: string; url: string; allow_fragments: boolean }>(
  "urljoin",
  ["base", "url", "allow_fragments"],
  { allow_fragments: true },
);
const INIT = new Signature<{ url: string; data: unknown; headers: unknown; method: unknown }>(
  "Request.__init__",
  ["self", "url", "data", "headers", "method"],
  { data: null, headers: {}, method: null },
  ["headers"],
);
const VARIADIC = new Signature<
  { a: number; b: number; args: unknown[]; c: number; kw: Record<string, unknown> }
>(
  "f",
  ["a", "/", "b", "*args", "c", "**kw"],
  { b: 1, c: 3 },
);
const KWONLY = new Signature<{ a: number; key: unknown }>("g", ["a", "*", "key"], {});

function raises(fn: () => unknown, message: string) {
  assert.throws(fn, (e: unknown) => e instanceof TypeError && (e as Error).message === message);
}

Deno.test("Signature.bind takes positional, keyword and mixed forms alike", () => {
  const want = { base: "a", url: "b", allow_fragments: false };
  assert.deepEqual(URLJOIN.bind(["a", "b", false]), want);
  assert.deepEqual(URLJOIN.bind(["a", { url: "b", allow_fragments: false }]), want);
  assert.deepEqual(URLJOIN.bind([{ base: "a", url: "b", allow_fragments: false }]), want);
  assert.deepEqual(URLJOIN.bind([kw({ base: "a", url: "b", allow_fragments: false })]), want);
  assert.deepEqual(URLJOIN.bind(["a", "b"]), { base: "a", url: "b", allow_fragments: true });
});

Deno.test("Signature.bind treats undefined as not given", () => {
  assert.deepEqual(URLJOIN.bind(["a", "b", undefined]), { base: "a", url: "b", allow_fragments: true });
  assert.deepEqual(URLJOIN.bind(["a", "b", { allow_fragments: undefined }]), {
    base: "a",
    url: "b",
    allow_fragments: true,
  });
});

Deno.test("Signature.bind raises CPython's TypeError messages", () => {
  raises(
    () => URLJOIN.bind(["a", "b", true, 4]),
    "urljoin() takes from 2 to 3 positional arguments but 4 were given",
  );
  raises(() => URLJOIN.bind(["a", { bogus: 1 }]), "urljoin() got an unexpected keyword argument 'bogus'");
  raises(() => URLJOIN.bind(["a", "b", { url: "c" }]), "urljoin() got multiple values for argument 'url'");
  raises(() => URLJOIN.bind([]), "urljoin() missing 2 required positional arguments: 'base' and 'url'");
  raises(() => URLJOIN.bind(["a"]), "urljoin() missing 1 required positional argument: 'url'");
  raises(
    () => INIT.bind([1, 2, 3, 4, 5]),
    "Request.__init__() takes from 2 to 5 positional arguments but 6 were given",
  );
  raises(() => KWONLY.bind([1]), "g() missing 1 required keyword-only argument: 'key'");
  raises(
    () => KWONLY.bind([1, 2, { key: 3 }]),
    "g() takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were given",
  );
  raises(
    () => new Signature("h", ["a", "b", "c"]).bind([]),
    "h() missing 3 required positional arguments: 'a', 'b', and 'c'",
  );
  raises(
    () => new Signature("p", ["a", "/"]).bind([{ a: 1 }]),
    "p() got some positional-only arguments passed as keyword arguments: 'a'",
  );
});

Deno.test("Signature.bind keeps a plain object at a mapping position as the mapping; kw() marks keywords", () => {
  const headers = { "Content-Type": "text/plain" };
  assert.equal(INIT.bind(["u", null, headers]).headers, headers);
  assert.deepEqual(INIT.bind(["u", null, kw({ headers, method: "PUT" })]).method, "PUT");
  assert.deepEqual(INIT.bind([{ url: "u", method: "PUT" }]).method, "PUT");
  assert.ok(
    isKeywords(kw({})) && isKeywords({}) && !isKeywords(Object.create(null)) && !isKeywords(new Map()),
  );
});

Deno.test("isKeywords: object literals and kw() objects, never dicts, bytes, arrays, Maps or class instances", () => {
  class Options {
    safe = "";
  }
  const dict = Object.create(null);
  dict.constructor = ["a dict value under that key"];
  const yes = [
    {},
    { safe: "" },
    { constructor: 1, safe: "" },
    kw({ safe: "" }),
    Object.create({ inherited: 1 }),
  ];
  const no = [
    null,
    "s",
    1,
    Object.create(null),
    dict,
    new Map([["safe", ""]]),
    new Uint8Array(1),
    [1],
    new Options(),
    new Date(0),
  ];
  yes.forEach((v, i) => assert.ok(isKeywords(v), `yes[${i}]`));
  no.forEach((v, i) => assert.ok(!isKeywords(v), `no[${i}]`));
});

Deno.test("Signature.bind collects *args and **kwargs, positional-only names included", () => {
  const r = VARIADIC.bind([1, 2, 3, 4, { c: 5, a: 9, z: 1 }]);
  assert.deepEqual([r.a, r.b, r.args, r.c], [1, 2, [3, 4], 5]);
  assert.deepEqual({ ...r.kw }, { a: 9, z: 1 });
});

Deno.test("Signature.toString prints inspect.signature's form", () => {
  const show = (v: unknown) => v === null ? "None" : v === true ? "True" : JSON.stringify(v);
  assert.equal(URLJOIN.toString(show), "(base, url, allow_fragments=True)");
  assert.equal(VARIADIC.toString(show), "(a, /, b=1, *args, c=3, **kw)");
  assert.equal(KWONLY.toString(show), "(a, *, key)");
  assert.equal(INIT.toString(show), "(self, url, data=None, headers={}, method=None)");
});

Deno.test("Signature.bind suggests the closest keyword as CPython 3.13+ does", () => {
  const JAR = new Signature<{ policy: unknown }>("CookieJar.__init__", ["self", "policy"], { policy: null });
  raises(
    () => JAR.bind([{ polcy: 1 }]),
    "CookieJar.__init__() got an unexpected keyword argument 'polcy'. Did you mean 'policy'?",
  );
  raises(
    () => JAR.bind([{ POLICY: 1 }]),
    "CookieJar.__init__() got an unexpected keyword argument 'POLICY'", // too far for a suggestion, as in CPython
  );
  raises(() => JAR.bind([{ bogus: 1 }]), "CookieJar.__init__() got an unexpected keyword argument 'bogus'");
  raises(
    () => URLJOIN.bind(["a", "b", { allow_fragment: false }]),
    "urljoin() got an unexpected keyword argument 'allow_fragment'. Did you mean 'allow_fragments'?",
  );
});

Deno.test("Signature.valuesOf binds every call as values() does (random calls of tables of 1 to 3 parameters)", () => {
  const tables = [
    new Signature<{ timestamp: unknown }>("H.date_time_string", ["self", "timestamp"], { timestamp: null }),
    new Signature<{ keyword: unknown; value: unknown }>("H.send_header", ["self", "keyword", "value"]),
    new Signature<{ code: unknown; size: unknown }>("H.log_request", ["self", "code", "size"], {
      code: "-",
      size: "-",
    }),
    URLJOIN,
  ];
  const pool: (() => unknown)[] = [
    () => 1,
    () => "x",
    () => undefined,
    () => null,
    () => ({}),
    () => ({ code: 5 }),
    () => ({ value: "v" }),
    () => ({ url: "u", allow_fragments: false }),
    () => ({ bogus: 1 }),
    () => kw({ size: 2 }),
    () => [1],
  ];
  let seed = 17;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const outcome = (f: () => readonly unknown[]) => {
    try {
      return { ok: [...f()] };
    } catch (e) {
      return { err: `${(e as Error).name}: ${(e as Error).message}` };
    }
  };
  for (const table of tables) {
    const total = table.names.length;
    for (let k = 0; k < 3000; k++) {
      const args = Array.from({ length: rnd(total + 3) }, () => pool[rnd(pool.length)]());
      const fixed = args.slice(0, total);
      const more = args.slice(total);
      const want = outcome(() => table.values(args.slice()));
      const got = outcome(() => table.valuesOf(more, fixed[0], fixed[1], fixed[2]));
      assert.deepEqual(got, want, `${table.qualname} ${Deno.inspect(args)}`);
    }
  }
});
