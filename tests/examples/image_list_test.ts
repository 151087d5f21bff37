/**
 * examples/image_list.ts ports shared/tutorial/image_list.py: the same
 * ImageParser must find the same images, and the program must print the same
 * bytes for the same URL (the tutorial site served by CPython's http.server).
 */
import { freePort } from "../_oracle.ts";
import assert from "node:assert/strict";
import { parse_image } from "../../examples/image_list.ts";
import { CPYTHON314, findPython, oracle, oracleTest, SHARED } from "../_oracle.ts";

const here = new URL(".", import.meta.url);
const SITE = SHARED + "tutorial/site/";

function pages(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const e of Deno.readDirSync(dir)) {
      if (e.isDirectory) walk(dir + e.name + "/");
      else if (e.name.endsWith(".html")) out.push([dir + e.name, Deno.readTextFileSync(dir + e.name)]);
    }
  };
  walk(SITE);
  const vectors = decodeURIComponent(new URL("../vectors/html_pages/", here).pathname);
  walk(vectors);
  return out.sort();
}

oracleTest("ImageParser finds the images Python's finds on the tutorial site and sample pages", async () => {
  const list = pages();
  const expected = await oracle(
    `import sys
sys.path.insert(0, ${JSON.stringify(SHARED + "tutorial")})
from image_list import parse_image
def run(data):
    try:
        return sorted(parse_image(data))
    except AttributeError:
        return "no images"`,
    list.map(([, text]) => text),
  );
  let withImages = 0;
  for (let k = 0; k < list.length; k++) {
    let ours: unknown;
    try {
      ours = [...parse_image(list[k][1])].sort();
      withImages++;
    } catch {
      ours = "no images";
    }
    assert.deepEqual({ ok: ours }, expected[k], list[k][0]);
  }
  assert.ok(withImages >= 2);
});

oracleTest("examples/image_list.ts prints what image_list.py prints for the same URL", async () => {
  const py = findPython()!;
  const env = { PYTHONPATH: CPYTHON314, PYTHONIOENCODING: "utf-8" };
  const port = freePort();
  const server = new Deno.Command(py, {
    args: ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", SITE],
    env,
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    const url = `http://127.0.0.1:${port}/`;
    for (let k = 0; k < 100; k++) {
      try {
        await (await fetch(url)).body?.cancel();
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    for (const target of [url, url + "sub/"]) {
      const a = await new Deno.Command(py, {
        args: [SHARED + "tutorial/image_list.py", target],
        env,
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.ok(a.success, new TextDecoder().decode(a.stderr));
      const b = await new Deno.Command(Deno.execPath(), {
        args: [
          "run",
          "-A",
          decodeURIComponent(new URL("../../examples/image_list.ts", here).pathname),
          target,
        ],
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.ok(b.success, new TextDecoder().decode(b.stderr));
      assert.equal(new TextDecoder().decode(b.stdout), new TextDecoder().decode(a.stdout));
    }
  } finally {
    server.kill();
    await server.status;
  }
});
