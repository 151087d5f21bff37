// BufferedWriter: writeLatin1 (ISO-8859-1 straight into the coalescing buffer, all or nothing) and cork().
import assert from "node:assert/strict";
import { BufferedReader, BufferedWriter } from "../../_util/stream.ts";

function collector(): { sink: { write(p: Uint8Array): Promise<number> }; bytes(): number[] } {
  const got: number[] = [];
  return {
    sink: {
      write(p: Uint8Array) {
        got.push(...p);
        return Promise.resolve(p.length);
      },
    },
    bytes: () => got,
  };
}

Deno.test("BufferedWriter.writeLatin1 writes Latin-1 text (one string or the concatenation of an array)", async () => {
  const c = collector();
  const w = new BufferedWriter(c.sink);
  assert.equal(w.writeLatin1("ab\xe9"), true);
  assert.equal(w.writeLatin1(["X: 1\r\n", "\xff\r\n"]), true);
  assert.equal(w.writeLatin1([]), true);
  await w.flush();
  assert.deepEqual(c.bytes(), [0x61, 0x62, 0xe9, ...new TextEncoder().encode("X: 1\r\n"), 0xff, 13, 10]);
  assert.equal(w.written, 12);
});

Deno.test("BufferedWriter.writeLatin1 writes nothing when a code unit is above U+00FF", async () => {
  for (const big of [false, true]) {
    const c = collector();
    const w = new BufferedWriter(c.sink);
    w.write(new Uint8Array([1]));
    const pad = big ? "x".repeat(20000) : "ok\r\n";
    assert.equal(w.writeLatin1([pad, "\u0100"]), false);
    assert.equal(w.pending, 1);
    assert.equal(w.writeLatin1("z"), true);
    await w.flush();
    assert.deepEqual(c.bytes(), [1, 0x7a]);
  }
});

Deno.test("BufferedWriter.cork holds writes until flush (one sink write) or uncork (the usual drain)", async () => {
  const writes: number[] = [];
  const sink = {
    write(p: Uint8Array) {
      writes.push(p.length);
      return Promise.resolve(p.length);
    },
  };
  const settle = async () => {
    for (let i = 0; i < 50; i++) await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
  };
  const w = new BufferedWriter(sink);
  w.cork();
  w.write(new Uint8Array(3));
  w.write(new Uint8Array(4));
  await settle();
  assert.deepEqual(writes, [], "nothing is sent while corked");
  await w.flush();
  assert.deepEqual(writes, [7], "flush sends everything at once, in one write");
  w.cork();
  w.write(new Uint8Array(5));
  await settle();
  assert.deepEqual(writes, [7]);
  w.uncork();
  await settle();
  assert.deepEqual(writes, [7, 5], "uncork lets the drain run without a flush");
  w.uncork(); // not corked: nothing happens
  w.write(new Uint8Array(2));
  await settle();
  assert.deepEqual(writes, [7, 5, 2], "uncorked writes drain as before");
  w.cork();
  w.write(new Uint8Array(6));
  w.uncork();
  w.uncork(); // twice: nothing more happens
  await w.flush();
  assert.deepEqual(writes, [7, 5, 2, 6]);
});

Deno.test("BufferedReader: a repeated line or head decodes to the same text; one that differs, to its own", async () => {
  // A keep-alive client repeating its request, then changing one byte at a time, in Latin-1 and ASCII.
  const heads = [
    "GET /a HTTP/1.1\r\nHost: h\r\n\r\n",
    "GET /a HTTP/1.1\r\nHost: h\r\n\r\n",
    "GET /b HTTP/1.1\r\nHost: h\r\n\r\n",
    "GET /b HTTP/1.1\r\nHost: \xe9\r\n\r\n",
    "GET /b HTTP/1.1\r\nHost: \xe8\r\n\r\n",
    "GET /\xe9 HTTP/1.1\r\nHost: \xe8\r\n\r\n",
    "GET /\xe9 HTTP/1.1\r\nHost: \xe8\r\n\r\n",
    "GET /\xe9 HTTP/1.0\r\nX: 1\n\n",
    "GET /\xe9 HTTP/1.0\r\nX: 2\n\n",
    "GET /\xe9 HTTP/1.0x\nX: 2\r\n\n",
  ];
  const bytes = Uint8Array.from(heads.join(""), (c) => c.charCodeAt(0));
  let fed = false;
  const reader = new BufferedReader({
    read(p: Uint8Array) {
      if (fed) return Promise.resolve(null);
      fed = true;
      p.set(bytes);
      return Promise.resolve(bytes.length);
    },
  });
  assert.equal(await reader.fillIfEmpty(), true);
  for (const head of heads) {
    const line = reader.readlineLatin1Buffered(65537);
    assert.equal(line, head.slice(0, head.indexOf("\n") + 1));
    const rest = reader.peekHead(65536, 100);
    assert.equal(rest, head.slice(line!.length));
    reader.skip(rest!.length);
  }
});
