import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { hexdigest } from "../../_util/hash.ts";

Deno.test("hexdigest matches node:crypto for md5, sha1 and sha256 on every length around the block edges", () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 255;
  for (let len = 0; len < 300; len++) {
    const data = Uint8Array.from({ length: len }, rnd);
    for (const alg of ["md5", "sha1", "sha256"] as const) {
      assert.equal(
        hexdigest(alg, data),
        createHash(alg).update(data).digest("hex"),
        `${alg} of ${len} bytes`,
      );
    }
  }
  const big = new Uint8Array(1 << 20).map((_, i) => i * 31);
  for (const alg of ["md5", "sha1", "sha256"] as const) {
    assert.equal(hexdigest(alg, big), createHash(alg).update(big).digest("hex"));
    assert.equal(
      hexdigest(alg, "Mufasa:testrealm@host.com:Circle Of Life"),
      createHash(alg).update("Mufasa:testrealm@host.com:Circle Of Life").digest("hex"),
    );
  }
});
