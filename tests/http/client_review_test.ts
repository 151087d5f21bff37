// Review fixes for http.client: each case asserts the exact result CPython 3.14's
// http.client gives (checked against the oracle by hand).
import assert from "node:assert/strict";
import { RemoteDisconnected } from "../../http/client.ts";

Deno.test("RemoteDisconnected.line is repr('') like CPython", () => {
  const e = new RemoteDisconnected("x");
  assert.equal(e.line, "''");
});
