import assert from "node:assert/strict";
import { parse_header } from "../cgi.ts";

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
