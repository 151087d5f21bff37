import assert from "node:assert/strict";
import { BytesIO, FieldStorage, parse_header } from "../cgi.ts";

function ph(line: string): [string, Record<string, string>] {
  const [key, pdict] = parse_header(line);
  return [key, { ...pdict }];
}

Deno.test("parse_header strips Python whitespace, not JS whitespace", () => {
  assert.deepEqual(ph("a; b=\x1c1\x1c"), ["a", { b: "1" }]);
  assert.deepEqual(ph("a; b=\ufeff1"), ["a", { b: "\ufeff1" }]);
  assert.deepEqual(ph("a; b=1\x85"), ["a", { b: "1" }]);
  assert.deepEqual(ph("a; b=\u20001\u3000"), ["a", { b: "1" }]);
  assert.deepEqual(
    ph('\x1cA\x1c; \x85B\x85=1;\u3000c=\u2000"x"\u2028;\ufeffd=\ufeff2\ufeff'),
    ["A", { b: "1", c: "x", "\ufeffd": "\ufeff2\ufeff" }],
  );
});

Deno.test("print_environ escapes like html.escape(quote=True)", async () => {
  const env = { "<k'\"&>": "a&b<c>\"d'", z: "\u20ac" };
  const code = `import { print_environ } from ${JSON.stringify(new URL("../cgi.ts", import.meta.url).href)};
print_environ(${JSON.stringify(env)});`;
  const { stdout } = await new Deno.Command(Deno.execPath(), {
    args: ["eval", code],
    stdout: "piped",
  }).output();
  assert.equal(
    new TextDecoder().decode(stdout),
    "\n<H3>Shell Environment:</H3>\n<DL>\n" +
      "<DT> &lt;k&#x27;&quot;&amp;&gt; <DD> a&amp;b&lt;c&gt;&quot;d&#x27;\n" +
      "<DT> z <DD> \u20ac\n</DL>\n\n",
  );
});

function splitKeepEnds(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const nl = s.indexOf("\n", i);
    const end = nl < 0 ? s.length : nl + 1;
    out.push(s.slice(i, end));
    i = end;
  }
  return out;
}

Deno.test("TemporaryFile readline/read(n) on a multi-MB upload", async () => {
  const lines: string[] = [];
  for (let i = 0; i < 60000; i++) {
    // Varying lengths, some longer than the 8 KiB chunk, multibyte text.
    // (Long lines are ASCII: cgi reads 64 KiB chunks and decodes each one,
    // as Python does, so a split multibyte character would become U+FFFD.)
    lines.push(`${i}:` + (i % 997 === 0 ? "abcd".repeat(20000) : "é€x😀".repeat(i % 83)) + "\n");
  }
  const content = lines.join("") + "tail without newline é";
  const body = `--B\r\nContent-Disposition: form-data; name="t"\r\n\r\n${content}\r\n` +
    `--B\r\nContent-Disposition: form-data; name="f"; filename="f.bin"\r\n\r\n${content}\r\n--B--\r\n`;
  const data = new TextEncoder().encode(body);
  assert.ok(data.length > 4_000_000);
  const form = await FieldStorage.create({
    fp: new BytesIO(data),
    environ: {
      REQUEST_METHOD: "POST",
      CONTENT_TYPE: "multipart/form-data; boundary=B",
      CONTENT_LENGTH: String(data.length),
    },
  });
  const expected = splitKeepEnds(content);
  // deno-lint-ignore no-explicit-any
  const text = (form.get("t") as any).file;
  // deno-lint-ignore no-explicit-any
  const bin = (form.get("f") as any).file;
  for (const [f, isText] of [[text, true], [bin, false]] as const) {
    f.seek(0);
    const got: string[] = [];
    for (;;) {
      const line = f.readline();
      if (line.length === 0) break;
      got.push(isText ? line : new TextDecoder().decode(line));
    }
    assert.equal(got.length, expected.length);
    const bad = got.findIndex((l, i) => l !== expected[i]);
    assert.equal(
      bad,
      -1,
      `${isText} ${bad} ${JSON.stringify(got[bad]?.slice(0, 80))} ${
        JSON.stringify(expected[bad]?.slice(0, 80))
      } ${got[bad]?.length} ${expected[bad]?.length}`,
    );
    assert.equal(f.readline().length, 0);
  }
  // Text read(n) counts code points and leaves the position after them.
  const cps = [...content];
  text.seek(0);
  let pos = 0;
  for (const n of [0, 1, 5, 7, 3000, 1, 100000, 2, 50000]) {
    assert.equal(text.read(n), cps.slice(pos, pos + n).join(""));
    pos += n;
  }
  assert.equal(text.readline(), splitKeepEnds(cps.slice(pos).join(""))[0]);
  text.seek(0);
  assert.equal(text.read(-1), content);
  assert.equal(text.read(5), "");
  text.seek(0);
  assert.equal(text.read(cps.length + 10), content);
});

Deno.test("multipart with a POST query string (shared parse_qsl options, cached boundaries)", async () => {
  const body = '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n' +
    '--B\r\nContent-Disposition: form-data; name="b"\r\n\r\n2\r\n--B--\r\n';
  const data = new TextEncoder().encode(body);
  const form = await FieldStorage.create({
    fp: new BytesIO(data),
    environ: {
      REQUEST_METHOD: "POST",
      CONTENT_TYPE: "multipart/form-data; boundary=B",
      CONTENT_LENGTH: String(data.length),
      QUERY_STRING: "q=1&e=&z=3",
    },
    keep_blank_values: 1,
  });
  // deno-lint-ignore no-explicit-any
  assert.deepEqual(form.list!.map((x: any) => [x.name, x.value]), [
    ["q", "1"],
    ["e", ""],
    ["z", "3"],
    ["a", "1"],
    ["b", "2"],
  ]);
});
