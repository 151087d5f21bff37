import assert from "node:assert/strict";
import * as sysModule from "../sys.ts";
import { exit, stderr, sys, SystemExit } from "../sys.ts";
import { StringIO } from "../io.ts";
import { print, repr } from "../_util/repr.ts";
import { catch_warnings, resetwarnings, UserWarning, warn_explicit } from "../warnings.ts";
import { oracle, oracleTest } from "./_oracle.ts";

Deno.test("sys: sys.stdout = new StringIO() captures print() without a file", () => {
  const saved = sys.stdout;
  const buf = new StringIO();
  sys.stdout = buf;
  try {
    print("hello", 42);
    print("a", "b", { sep: "-", end: "!" });
  } finally {
    sys.stdout = saved;
  }
  assert.equal(buf.getvalue(), "hello 42\na-b!");
});

Deno.test("sys: sys.stderr = new StringIO() captures warnings and the named export follows", () => {
  const buf = new StringIO();
  sys.stderr = buf;
  try {
    assert.equal(sysModule.stderr, buf as unknown, "the named export is a live binding");
    using _ = catch_warnings();
    resetwarnings();
    warn_explicit("odd header", UserWarning, "app.py", 3);
  } finally {
    sys.stderr = sys.__stderr__;
  }
  assert.equal(buf.getvalue(), "app.py:3: UserWarning: odd header\n");
  assert.equal(stderr, sys.__stderr__);
});
Deno.test("sys: argv is the script path, then Deno.args", () => {
  assert.equal(sys.argv[0], new URL(Deno.mainModule).pathname);
  assert.deepEqual(sys.argv.slice(1), Deno.args);
});

Deno.test("sys: exit raises SystemExit with Python's code", () => {
  assert.throws(() => exit(), (e) => e instanceof SystemExit && e.code === null);
  assert.throws(() => sys.exit(2), (e) => e instanceof SystemExit && e.code === 2);
  assert.throws(
    () => exit("bye"),
    (e) => e instanceof SystemExit && e.code === "bye" && repr(e) === "SystemExit('bye')",
  );
});

async function runScript(
  code: string,
  stdin = "",
): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = Deno.makeTempDirSync();
  const file = `${dir}/main.ts`;
  const sysUrl = new URL("../sys.ts", import.meta.url).href;
  const ioUrl = new URL("../io.ts", import.meta.url).href;
  const modUrl = new URL("../mod.ts", import.meta.url).href;
  Deno.writeTextFileSync(
    file,
    `import { sys } from "${sysUrl}";\nimport { BytesIO } from "${ioUrl}";\nimport { print } from "${modUrl}";\n` +
      code,
  );
  try {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--no-lock", file, "arg1", "--flag"],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(stdin));
    await w.close();
    const out = await child.output();
    return {
      code: out.code,
      stdout: new TextDecoder().decode(out.stdout),
      stderr: new TextDecoder().decode(out.stderr),
    };
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

Deno.test("sys: an uncaught SystemExit ends the process with its status, as in Python", async () => {
  const r = await runScript(
    `print(sys.argv.slice(1).join(","));\nsys.stdout.buffer.write(new TextEncoder().encode("raw\\n"));\n` +
      `const line = sys.stdin.readline();\nprint(JSON.stringify(line), JSON.stringify(sys.stdin.read()));\n` +
      `void BytesIO;\nsys.exit(3);\nprint("not reached");\n`,
    "first line\nrest\n",
  );
  assert.equal(r.stdout, 'arg1,--flag\nraw\n"first line\\n" "rest\\n"\n');
  assert.equal(r.code, 3);
  assert.equal(r.stderr, "");
  const m = await runScript(`await Promise.resolve();\nsys.exit("fatal: no config");\n`);
  assert.deepEqual([m.code, m.stderr], [1, "fatal: no config\n"]);
  const z = await runScript(`sys.exit();\n`);
  assert.deepEqual([z.code, z.stderr], [0, ""]);
});

oracleTest(
  "sys: platform, byteorder, maxsize, version_info and getdefaultencoding as CPython's",
  async () => {
    const [want] = await oracle(
      `
import sys
def run(c):
    return [sys.platform, sys.byteorder, sys.getdefaultencoding(), sys.maxsize >= 2**53 - 1]
`,
      [null],
    );
    assert.deepEqual(want, {
      ok: [sys.platform, sys.byteorder, sys.getdefaultencoding(), sys.maxsize === Number.MAX_SAFE_INTEGER],
    });
    assert.equal(
      repr(sys.version_info),
      "sys.version_info(major=3, minor=14, micro=0, releaselevel='final', serial=0)",
    );
    assert.deepEqual([...sys.version_info], [3, 14, 0, "final", 0]);
    assert.equal(sys.version_info.minor, 14);
    assert.ok(sys.version.startsWith("3.14.0 "));
  },
);

Deno.test("sys: sys.stderr = new StringIO() around a make_server request captures its log line", async () => {
  // Python: sys.stderr = io.StringIO(); httpd = make_server("127.0.0.1", 0, demo_app); ... httpd.handle_request()
  const { make_server, demo_app } = await import("../wsgi/simple_server.ts");
  const { urlopen } = await import("../urllib/request.ts");
  const buf = new StringIO();
  sys.stderr = buf;
  try {
    const httpd = make_server("127.0.0.1", 0, demo_app);
    try {
      const handled = httpd.handle_request();
      const resp = await urlopen(`http://127.0.0.1:${httpd.server_port}/hello?x=1`);
      await resp.read();
      resp.close();
      await handled;
    } finally {
      httpd.server_close();
    }
  } finally {
    sys.stderr = sys.__stderr__;
  }
  assert.match(buf.getvalue(), /^127\.0\.0\.1 - - \[[^\]]+\] "GET \/hello\?x=1 HTTP\/1\.1" 200 \d+\n$/);
});
