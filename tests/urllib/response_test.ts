// urllib.response: the wrappers' constructors take CPython's keywords; fileno() reaches the wrapped file.
import assert from "node:assert/strict";
import { addbase, addclosehook, addinfo, addinfourl } from "../../urllib/response.ts";
import { HTTPMessage } from "../../_util/message.ts";
import { BytesIO } from "../../io.ts";
import { b } from "../../_util/bytes.ts";

class File {
  closed = false;
  #data = new BytesIO(b`ab\ncd`);
  read(n?: number) {
    return Promise.resolve(this.#data.read(n));
  }
  close() {
    this.closed = true;
  }
  fileno() {
    return 7;
  }
}

Deno.test("urllib.response: constructors take keywords, alone or after positional arguments", async () => {
  const headers = new HTTPMessage();
  const u = new addinfourl({ fp: new File(), headers, url: "http://x/", code: 200 });
  assert.equal(u.geturl(), "http://x/");
  assert.equal(u.status, 200);
  assert.equal((await u.readline()).decode(), "ab\n");
  const mixed = new addinfourl(new File(), headers, { url: "http://y/" });
  assert.equal(mixed.getcode(), null);
  assert.equal(new addinfo({ fp: new File(), headers }).info(), headers);
  assert.equal(new addbase({ fp: new File() }).closed, false);
  const seen: unknown[] = [];
  const hooked = new addclosehook({ fp: new File(), closehook: () => seen.push("closed") });
  hooked.close();
  assert.deepEqual(seen, ["closed"]);
  assert.throws(
    () => new (addinfourl as unknown as new (...a: unknown[]) => unknown)(new File(), headers, "u", 200, 1),
    {
      name: "TypeError",
      message: "addinfourl.__init__() takes from 4 to 5 positional arguments but 6 were given",
    },
  );
  assert.throws(() => new addbase({ bogus: 1 } as never), {
    name: "TypeError",
    message: "addbase.__init__() got an unexpected keyword argument 'bogus'",
  });
});

Deno.test("urllib.response: fileno() is the wrapped file's", () => {
  assert.equal(new addbase(new File()).fileno(), 7);
  class NoFd {
    read() {
      return Promise.resolve(new Uint8Array(0));
    }
    close() {}
  }
  assert.throws(() => new addbase(new NoFd()).fileno(), { name: "OSError" });
});

Deno.test("urllib.response: addbase is a context manager (__enter__ refuses a closed file, __exit__ closes)", () => {
  // CPython's test_urllib_response.test_with, without its check of the private tempfile base class.
  const fp = new File();
  const base = new addbase(fp);
  const f = () => {
    using _spam = base.__enter__();
  };
  assert.equal(fp.closed, false);
  f();
  assert.equal(fp.closed, true);
  assert.throws(f, { name: "ValueError" });
});
