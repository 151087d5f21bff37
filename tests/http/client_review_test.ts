// Review fixes for http.client: each case asserts the exact result CPython 3.14's
// http.client gives (checked against the oracle by hand).
import assert from "node:assert/strict";
import { HTTPConnection, RemoteDisconnected } from "../../http/client.ts";

const str = (b: Uint8Array): string => String.fromCharCode(...b);

Deno.test("RemoteDisconnected.line is repr('') like CPython", () => {
  const e = new RemoteDisconnected("x");
  assert.equal(e.line, "''");
});

Deno.test("putheader rejects non-int, non-string values like CPython", () => {
  const c = new HTTPConnection("a", 80);
  c.putrequest("GET", "/");
  const bad: [unknown, string][] = [
    [1.5, "float"],
    [{}, "dict"],
    [null, "NoneType"],
    [[1], "list"],
  ];
  for (const [v, name] of bad) {
    assert.throws(
      () => c.putheader("X", v as string),
      (e: Error) =>
        e instanceof TypeError && e.message === `expected string or bytes-like object, got '${name}'`,
    );
  }
  c.putheader("X", 1);
  c.putheader("X", true as unknown as number);
  c.putheader("X", 1e21);
  assert.deepEqual(c._buffer.slice(-3).map(str), ["X: 1", "X: True", "X: 1000000000000000000000"]);
});
