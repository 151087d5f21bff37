// urllib.error: keywords, reprs and HTTPError's empty body (issue 13), checked against CPython 3.14's answers.
import assert from "node:assert/strict";
import { ContentTooShortError, HTTPError, URLError } from "../../urllib/error.ts";
import { repr, str } from "../../_util/repr.ts";
import { kw } from "../../_util/signature.ts";

Deno.test("urllib.error: HTTPError made with fp=null has an fp whose read() gives b'' (gh-98778)", async () => {
  const e = new HTTPError("http://x/", 404, "Not Found", null, null);
  assert.notEqual(e.fp, null);
  assert.equal((await e.fp.read()).length, 0);
  assert.match(repr(e.fp), /^<_io\.BytesIO object at 0x[0-9a-f]+>$/);
  assert.equal((await e.read()).length, 0);
});

Deno.test("urllib.error: HTTPError prints None, not null, in its str and repr", () => {
  const e = new HTTPError("u", 404, null as unknown as string, null, null);
  assert.equal(str(e), "HTTP Error 404: None");
  assert.equal(repr(e), "<HTTPError 404: None>");
  const all = new HTTPError(
    null as unknown as string,
    null as unknown as number,
    null as unknown as string,
    null,
    null,
  );
  assert.equal(str(all), "HTTP Error None: None");
  assert.equal(repr(all), "<HTTPError None: None>");
  // CPython's HTTPError.__init__ does not call URLError's: args stays ().
  assert.deepEqual(e.args, []);
});

Deno.test("urllib.error: URLError and ContentTooShortError reprs are CPython's", () => {
  assert.equal(repr(new URLError("x")), "URLError('x')");
  const withFile = new URLError("x", "f");
  assert.equal(repr(withFile), "URLError('x')");
  assert.equal(withFile.filename, "f");
  assert.equal(str(new URLError(null)), "<urlopen error None>");
  const short = new ContentTooShortError("m", null);
  assert.equal(repr(short), "ContentTooShortError('m')");
  assert.equal(str(short), "<urlopen error m>");
});

Deno.test("urllib.error: constructors take CPython's keywords and raise its TypeErrors", () => {
  const u = new URLError({ reason: "r", filename: "f" });
  assert.equal(u.reason, "r");
  assert.equal(u.filename, "f");
  const h = new HTTPError({ url: "http://x/", code: 500, msg: "boom", hdrs: null, fp: null });
  assert.equal(h.code, 500);
  assert.equal(h.geturl(), "http://x/");
  const mixed = new HTTPError("http://x/", 403, "no", kw({ hdrs: null, fp: null }));
  assert.equal(mixed.reason, "no");
  const c = new ContentTooShortError({ message: "m", content: ["f", null] });
  assert.deepEqual(c.content, ["f", null]);
  // A plain object in the hdrs position is the headers dict, as CPython accepts any mapping there:
  // left last, it is still hdrs, so the missing fp is reported (not an unexpected keyword 'a').
  const ctor = HTTPError as unknown as new (...a: unknown[]) => HTTPError;
  assert.deepEqual(new ctor("u", 404, "nf", { a: "1" }, null).hdrs, { a: "1" });
  assert.throws(() => new ctor("u", 404, "nf", { a: "1" }), {
    name: "TypeError",
    message: "HTTPError.__init__() missing 1 required positional argument: 'fp'",
  });
  assert.throws(() => new URLError({ reason: "r", bogus: 1 } as never), {
    name: "TypeError",
    message: "URLError.__init__() got an unexpected keyword argument 'bogus'",
  });
  assert.throws(() => new (HTTPError as unknown as new () => unknown)(), {
    name: "TypeError",
    message:
      "HTTPError.__init__() missing 5 required positional arguments: 'url', 'code', 'msg', 'hdrs', and 'fp'",
  });
});
