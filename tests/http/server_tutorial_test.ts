// The Python tutorial clients in shared/tutorial run against CPython's servers and against our ports
// (examples/tutorial_site.ts, examples/tutorial_proxy.ts, `http/server.ts --cgi`); their output must match.
import { freePort } from "../_oracle.ts";
import assert from "node:assert/strict";
import { CPYTHON314, findPython } from "../_oracle.ts";
import { needOracle, TUTORIAL, waitForPort } from "./peers/_helpers.ts";

const ROOT = decodeURIComponent(new URL("../../", import.meta.url).pathname);

interface Proc {
  child: Deno.ChildProcess;
  stop(): Promise<void>;
}

function start(cmd: string, args: string[], env: Record<string, string> = {}, cwd?: string): Proc {
  const child = new Deno.Command(cmd, { args, env, cwd, stdin: "null", stdout: "null", stderr: "null" })
    .spawn();
  return {
    child,
    async stop() {
      try {
        child.kill("SIGTERM");
      } catch { /* exited */ }
      await child.status;
    },
  };
}

async function client(script: string, args: string[], cwd?: string): Promise<string> {
  const out = await new Deno.Command(findPython()!, {
    args: [TUTORIAL + script, ...args],
    env: { PYTHONPATH: CPYTHON314 },
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
}

Deno.test("tutorial clients: same output against tutorial_site.py/tutorial_proxy.py and our ports", async () => {
  if (!needOracle()) return;
  const py = findPython()!;
  const [pySite, ourSite, pyProxy, ourProxy] = [freePort(), freePort(), freePort(), freePort()];
  const pyEnv = { PYTHONPATH: CPYTHON314 };
  const procs = [
    start(py, [TUTORIAL + "tutorial_site.py", String(pySite)], pyEnv),
    start(Deno.execPath(), ["run", "-A", ROOT + "examples/tutorial_site.ts", String(ourSite)]),
    start(py, [TUTORIAL + "tutorial_proxy.py", String(pyProxy)], pyEnv),
    start(Deno.execPath(), ["run", "-A", ROOT + "examples/tutorial_proxy.ts", String(ourProxy)]),
  ];
  const dirs: string[] = [];
  try {
    for (const p of [pySite, ourSite, pyProxy, ourProxy]) await waitForPort(p);
    const same = (a: string, b: string, what: string) =>
      assert.equal(b.replaceAll(String(ourSite), "PORT"), a.replaceAll(String(pySite), "PORT"), what);

    same(
      await client("image_list.py", [`http://127.0.0.1:${pySite}/`]),
      await client("image_list.py", [`http://127.0.0.1:${ourSite}/`]),
      "image_list.py",
    );

    const [d1, d2] = [await Deno.makeTempDir(), await Deno.makeTempDir()];
    dirs.push(d1, d2);
    const a = await client("download_image.py", [`127.0.0.1:${pySite}`], d1);
    const b = await client("download_image.py", [`127.0.0.1:${ourSite}`], d2);
    same(a, b, "download_image.py");
    assert.match(a, /Downloading\.\.\./);
    const files = [...Deno.readDirSync(`${d1}/DOWNLOAD`)].map((e) => e.name).sort();
    assert.deepEqual([...Deno.readDirSync(`${d2}/DOWNLOAD`)].map((e) => e.name).sort(), files);
    for (const f of files) {
      assert.deepEqual(Deno.readFileSync(`${d2}/DOWNLOAD/${f}`), Deno.readFileSync(`${d1}/DOWNLOAD/${f}`), f);
    }

    same(
      await client("httplib_session.py", [String(pySite)]),
      await client("httplib_session.py", [String(ourSite)]),
      "httplib_session.py",
    );

    // The tour through our site and our proxy, against CPython's site and proxy.
    const tourPy = await client("urllib_request_tour.py", [String(pySite), String(pyProxy)]);
    const tourOurs = await client("urllib_request_tour.py", [String(ourSite), String(ourProxy)]);
    assert.equal(
      tourOurs.replaceAll(String(ourSite), "PORT").replaceAll(String(ourProxy), "PROXY"),
      tourPy.replaceAll(String(pySite), "PORT").replaceAll(String(pyProxy), "PROXY"),
      "urllib_request_tour.py",
    );
  } finally {
    for (const p of procs) await p.stop();
    for (const d of dirs) await Deno.remove(d, { recursive: true });
  }
});

Deno.test("cgi_client.py: same output from `python -m http.server --cgi` and `http/server.ts --cgi`", async () => {
  if (!needOracle()) return;
  const [pyPort, ourPort] = [freePort(), freePort()];
  // The Python server runs without the 3.14 path so that cgi-bin/script.py (python3 = 3.11, which
  // still has `cgi`) does not inherit it.
  const procs = [
    start(findPython()!, ["-m", "http.server", String(pyPort), "--cgi", "-b", "127.0.0.1"], {}, TUTORIAL),
    start(
      Deno.execPath(),
      ["run", "-A", ROOT + "http/server.ts", String(ourPort), "--cgi", "-b", "127.0.0.1"],
      {},
      TUTORIAL,
    ),
  ];
  try {
    await waitForPort(pyPort);
    await waitForPort(ourPort);
    const a = await client("cgi_client.py", [String(pyPort)]);
    const b = await client("cgi_client.py", [String(ourPort)]);
    assert.match(a, /Welcome, CGI Scripts/);
    assert.match(a, /email is lowell2735@gmail.com/);
    assert.equal(b, a);
  } finally {
    for (const p of procs) await p.stop();
  }
});
