// wsgi.handlers.CGIHandler: a WSGI application run as a CGI script (process environment,
// stdin, stdout) prints what CPython's CGIHandler prints for the same request.

import assert from "node:assert/strict";
import { ORACLE_PATH, oraclePython, peerTest } from "./_helpers.ts";

const PY_APP = new URL("./peers/cgi_app.py", import.meta.url).pathname;
const TS_APP = new URL("./_cgi_app.ts", import.meta.url).pathname;

async function runScript(cmd: string, args: string[], env: Record<string, string>, stdin: string) {
  const child = new Deno.Command(cmd, {
    args,
    clearEnv: true,
    env: { PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin", HOME: Deno.env.get("HOME") ?? "/root", ...env },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(stdin));
  await w.close();
  const out = await child.output();
  return { stdout: new TextDecoder().decode(out.stdout), stderr: new TextDecoder().decode(out.stderr) };
}

const REQUESTS: [Record<string, string>, string][] = [
  [{ REQUEST_METHOD: "GET", PATH_INFO: "/a/b", QUERY_STRING: "x=1", SERVER_PROTOCOL: "HTTP/1.1" }, ""],
  [
    {
      REQUEST_METHOD: "POST",
      PATH_INFO: "/caf\u00e9",
      CONTENT_TYPE: "application/x-www-form-urlencoded",
      CONTENT_LENGTH: "7",
      HTTP_X_TEST: "\u00fcml",
      SCRIPT_NAME: "/cgi-bin/app",
      HTTPS: "on",
    },
    "a=1&b=2",
  ],
  [{ REQUEST_METHOD: "GET", PATH_INFO: "/fail" }, ""],
];

peerTest(
  "wsgi.handlers: CGIHandler output matches CPython's",
  oraclePython,
  "CPython 3.13 with ../shared/cpython314",
  async (py) => {
    for (const [env, body] of REQUESTS) {
      const [a, b] = await Promise.all([
        runScript(py, [PY_APP], { ...env, PYTHONPATH: ORACLE_PATH, PYTHONIOENCODING: "utf-8" }, body),
        runScript(Deno.execPath(), ["run", "-A", "--no-check", TS_APP], env, body),
      ]);
      assert.equal(b.stdout, a.stdout, JSON.stringify(env));
      if (env.PATH_INFO === "/fail") {
        assert.ok(a.stderr.includes("ValueError: boom"));
        assert.ok(b.stderr.includes("ValueError: boom"), b.stderr);
      }
    }
  },
);
