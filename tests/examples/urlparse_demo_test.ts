/**
 * examples/urlparse_demo.ts is the line-for-line port of
 * shared/tutorial/urlparse_demo.py: both must print the same bytes.
 */
import assert from "node:assert/strict";
import { CPYTHON314, findPython, oracleTest, SHARED } from "../_oracle.ts";

const here = new URL(".", import.meta.url);

oracleTest("examples/urlparse_demo.ts prints exactly what urlparse_demo.py prints", async () => {
  const py = await new Deno.Command(findPython()!, {
    args: [SHARED + "tutorial/urlparse_demo.py"],
    env: { PYTHONPATH: CPYTHON314, PYTHONIOENCODING: "utf-8" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(py.success, new TextDecoder().decode(py.stderr));
  const ts = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", decodeURIComponent(new URL("../../examples/urlparse_demo.ts", here).pathname)],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(ts.success, new TextDecoder().decode(ts.stderr));
  assert.deepEqual(ts.stdout, py.stdout);
});
