// examples/httplib_session.ts against shared/tutorial/tutorial_site.py (run by the oracle python
// on a free port): the port must print exactly what the Python original prints.
import assert from "node:assert/strict";
import { CPYTHON314, findPython, SHARED } from "../_oracle.ts";
import { needs, peerTest, startPythonModule } from "./_peers.ts";

const TUTORIAL = SHARED + "tutorial/";
const EXAMPLE = decodeURIComponent(new URL("../../examples/httplib_session.ts", import.meta.url).pathname);

peerTest("examples/httplib_session.ts prints what httplib_session.py prints", needs.python, async () => {
  const site = await startPythonModule((port) => [TUTORIAL + "tutorial_site.py", String(port)], TUTORIAL);
  try {
    const py = await new Deno.Command(findPython()!, {
      args: [TUTORIAL + "httplib_session.py", String(site.port)],
      env: { PYTHONPATH: CPYTHON314, PYTHONIOENCODING: "utf-8" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(py.success, new TextDecoder().decode(py.stderr));
    const ours = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", EXAMPLE, String(site.port)],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(ours.success, new TextDecoder().decode(ours.stderr));
    const expected = new TextDecoder().decode(py.stdout);
    assert.match(expected, /^200 OK\n404 File not found\n/);
    assert.equal(new TextDecoder().decode(ours.stdout), expected);
  } finally {
    await site.stop();
  }
});
