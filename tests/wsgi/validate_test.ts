// wsgi.validate: every misuse CPython's wsgiref.validate rejects, as a table; each row runs
// the same scenario in CPython 3.14 (the oracle) and here, and the exception class and
// message must agree.

import assert from "node:assert/strict";
import { b } from "../../_util/bytes.ts";
import { pyrepr, str, tuple } from "../../_util/repr.ts";
import { oracle, oracleTest } from "../_oracle.ts";
import { setup_testing_defaults } from "../../wsgi/util.ts";
import { validator } from "../../wsgi/validate.ts";
import { catch_warnings, simplefilter } from "../../warnings.ts";
import { kw } from "../../_util/signature.ts";
import type { StartResponse, WSGIApplication, WSGIEnvironment } from "../../wsgi/types.ts";

type Env = Record<string, unknown>;

function env(extra: Env = {}, drop: string[] = []): Env {
  const e: Env = { QUERY_STRING: "" };
  setup_testing_defaults(e);
  Object.assign(e, extra);
  for (const k of drop) delete e[k];
  return e;
}

const sr: StartResponse = () => () => {};

class Named {
  constructor(public name: string) {}
  [pyrepr](): string {
    return this.name;
  }
}

/** Run `app` through the validator and consume its body, as a server would. */
async function drive(
  app: WSGIApplication,
  environ: unknown = env(),
  start: StartResponse = sr,
): Promise<void> {
  const body = await (validator(app) as (...a: unknown[]) => unknown)(environ, start);
  const it = body as AsyncIterable<Uint8Array> & { close(): Promise<void> };
  for await (const _ of it) { /* consume */ }
  await it.close();
}

const ok =
  (status = "200 OK", headers: [string, string][] = [["Content-Type", "text/plain"]]): WSGIApplication =>
  (_e, s) => {
    s(status, headers);
    return [b`x`];
  };

// [name, Python scenario (body of `def scenario():`), our scenario]
const TABLE: [string, string, () => Promise<unknown>][] = [
  ["valid", "drive(ok())", () => drive(ok())],
  ["environ is a list", "drive(ok(), [])", () => drive(ok(), [])],
  ...[
    "REQUEST_METHOD",
    "SERVER_NAME",
    "SERVER_PORT",
    "wsgi.version",
    "wsgi.input",
    "wsgi.errors",
    "wsgi.multithread",
    "wsgi.multiprocess",
    "wsgi.run_once",
  ].map((k): [string, string, () => Promise<unknown>] => [
    `missing ${k}`,
    `drive(ok(), env(drop=[${JSON.stringify(k)}]))`,
    () => drive(ok(), env({}, [k])),
  ]),
  [
    "HTTP_CONTENT_TYPE",
    "drive(ok(), env(HTTP_CONTENT_TYPE='x'))",
    () => drive(ok(), env({ HTTP_CONTENT_TYPE: "x" })),
  ],
  [
    "HTTP_CONTENT_LENGTH",
    "drive(ok(), env(HTTP_CONTENT_LENGTH='1'))",
    () => drive(ok(), env({ HTTP_CONTENT_LENGTH: "1" })),
  ],
  ["int CGI value", "drive(ok(), env(SERVER_PORT=80))", () => drive(ok(), env({ SERVER_PORT: 80 }))],
  [
    "wsgi.version a list",
    "drive(ok(), env(**{'wsgi.version': [1, 0]}))",
    () => drive(ok(), env({ "wsgi.version": [1, 0] })),
  ],
  [
    "no url_scheme",
    "drive(ok(), env(drop=['wsgi.url_scheme']))",
    () => drive(ok(), env({}, ["wsgi.url_scheme"])),
  ],
  [
    "ftp scheme",
    "drive(ok(), env(**{'wsgi.url_scheme': 'ftp'}))",
    () => drive(ok(), env({ "wsgi.url_scheme": "ftp" })),
  ],
  [
    "input without readline",
    "drive(ok(), env(**{'wsgi.input': Named('INPUT', ['read', 'readlines', '__iter__'])}))",
    () => {
      const o = Object.assign(new Named("INPUT"), { read() {}, readlines() {}, [Symbol.asyncIterator]() {} });
      return drive(ok(), env({ "wsgi.input": o }));
    },
  ],
  [
    "errors without flush",
    "drive(ok(), env(**{'wsgi.errors': Named('ERR', ['write', 'writelines'])}))",
    () =>
      drive(ok(), env({ "wsgi.errors": Object.assign(new Named("ERR"), { write() {}, writelines() {} }) })),
  ],
  ["SCRIPT_NAME relative", "drive(ok(), env(SCRIPT_NAME='x'))", () => drive(ok(), env({ SCRIPT_NAME: "x" }))],
  ["PATH_INFO relative", "drive(ok(), env(PATH_INFO='x'))", () => drive(ok(), env({ PATH_INFO: "x" }))],
  [
    "negative CONTENT_LENGTH",
    "drive(ok(), env(CONTENT_LENGTH='-1'))",
    () => drive(ok(), env({ CONTENT_LENGTH: "-1" })),
  ],
  [
    "bad CONTENT_LENGTH",
    "drive(ok(), env(CONTENT_LENGTH='1x'))",
    () => drive(ok(), env({ CONTENT_LENGTH: "1x" })),
  ],
  [
    "no SCRIPT_NAME, no PATH_INFO",
    "drive(ok(), env(drop=['SCRIPT_NAME', 'PATH_INFO']))",
    () => drive(ok(), env({}, ["SCRIPT_NAME", "PATH_INFO"])),
  ],
  ["no SCRIPT_NAME", "drive(ok(), env(drop=['SCRIPT_NAME']))", () => drive(ok(), env({}, ["SCRIPT_NAME"]))],
  ["no PATH_INFO", "drive(ok(), env(drop=['PATH_INFO']))", () => drive(ok(), env({}, ["PATH_INFO"]))],
  ["SCRIPT_NAME /", "drive(ok(), env(SCRIPT_NAME='/'))", () => drive(ok(), env({ SCRIPT_NAME: "/" }))],
  ["status int", "drive(ok(200))", () => drive(ok(200 as unknown as string))],
  ["status short code", "drive(ok('20 OK'))", () => drive(ok("20 OK"))],
  ["status < 100", "drive(ok('099 Low'))", () => drive(ok("099 Low"))],
  ["status not a number", "drive(ok('abc OK'))", () => drive(ok("abc OK"))],
  ["status empty", "drive(ok(''))", () => drive(ok(""))],
  ["status glued", "drive(ok('200OK'))", () => drive(ok("200OK"))],
  [
    "headers a tuple",
    "drive(ok('200 OK', (('Content-Type', 'text/plain'),)))",
    () => drive(ok("200 OK", tuple(tuple("Content-Type", "text/plain")) as never)),
  ],
  [
    "header item not a sequence",
    "drive(ok('200 OK', ['Content-Type']))",
    () => drive(ok("200 OK", ["Content-Type"] as never)),
  ],
  [
    "header item of 3",
    "drive(ok('200 OK', [('Content-Type', 'text/plain', 'x')]))",
    () => drive(ok("200 OK", [["Content-Type", "text/plain", "x"]] as never)),
  ],
  ["header name int", "drive(ok('200 OK', [(5, 'x')]))", () => drive(ok("200 OK", [[5, "x"]] as never))],
  ["header value int", "drive(ok('200 OK', [('X-A', 5)]))", () => drive(ok("200 OK", [["X-A", 5]] as never))],
  [
    "Status header",
    "drive(ok('200 OK', [('Status', '200')]))",
    () => drive(ok("200 OK", [["Status", "200"]])),
  ],
  ["colon in name", "drive(ok('200 OK', [('X:A', '1')]))", () => drive(ok("200 OK", [["X:A", "1"]]))],
  ["newline in name", "drive(ok('200 OK', [('X\\nA', '1')]))", () => drive(ok("200 OK", [["X\nA", "1"]]))],
  [
    "space in name",
    "drive(ok('200 OK', [('Bad Name', '1')]))",
    () => drive(ok("200 OK", [["Bad Name", "1"]])),
  ],
  ["name ends with -", "drive(ok('200 OK', [('X-', '1')]))", () => drive(ok("200 OK", [["X-", "1"]]))],
  ["name ends with _", "drive(ok('200 OK', [('X_', '1')]))", () => drive(ok("200 OK", [["X_", "1"]]))],
  [
    "control char in value",
    "drive(ok('200 OK', [('X-A', 'a\\x01b')]))",
    () => drive(ok("200 OK", [["X-A", "a\x01b"]])),
  ],
  [
    "CRLF in value",
    "drive(ok('200 OK', [('X-A', 'a\\r\\nb')]))",
    () => drive(ok("200 OK", [["X-A", "a\r\nb"]])),
  ],
  ["no Content-Type", "drive(ok('200 OK', [('X-A', '1')]))", () => drive(ok("200 OK", [["X-A", "1"]]))],
  [
    "Content-Type in 204",
    "drive(ok('204 No Content', [('Content-Type', 'x')]))",
    () => drive(ok("204 No Content", [["Content-Type", "x"]])),
  ],
  ["304 without Content-Type", "drive(ok('304 Not Modified', []))", () => drive(ok("304 Not Modified", []))],
  [
    "exc_info a str",
    "def app(e, s):\n        s('200 OK', [('Content-Type', 'text/plain')], 'x')\n        return [b'x']\n    drive(app)",
    () =>
      drive((_e, s) => {
        s("200 OK", [["Content-Type", "text/plain"]], "x" as never);
        return [b`x`];
      }),
  ],
  [
    "start_response with one argument",
    "def app(e, s):\n        s('200 OK')\n        return [b'x']\n    drive(app)",
    () =>
      drive((_e, s) => {
        (s as unknown as (x: string) => void)("200 OK");
        return [b`x`];
      }),
  ],
  [
    "three arguments to the app",
    "validator(ok())(env(), sr, 1)",
    () => Promise.resolve().then(() => (validator(ok()) as (...a: unknown[]) => unknown)(env(), sr, 1)),
  ],
  [
    "body is a str",
    "def app(e, s):\n        s('200 OK', [('Content-Type', 'text/plain')])\n        return 'text'\n    drive(app)",
    () =>
      drive((_e, s) => {
        s("200 OK", [["Content-Type", "text/plain"]]);
        return "text" as never;
      }),
  ],
  [
    "body is bytes",
    "def app(e, s):\n        s('200 OK', [('Content-Type', 'text/plain')])\n        return b'text'\n    drive(app)",
    () =>
      drive((_e, s) => {
        s("200 OK", [["Content-Type", "text/plain"]]);
        return b`text` as never;
      }),
  ],
  [
    "body is None",
    "def app(e, s):\n        s('200 OK', [('Content-Type', 'text/plain')])\n        return None\n    drive(app)",
    () =>
      drive((_e, s) => {
        s("200 OK", [["Content-Type", "text/plain"]]);
        return null as never;
      }),
  ],
  [
    "body yields a str",
    "def app(e, s):\n        s('200 OK', [('Content-Type', 'text/plain')])\n        return ['x']\n    drive(app)",
    () =>
      drive((_e, s) => {
        s("200 OK", [["Content-Type", "text/plain"]]);
        return ["x"] as never;
      }),
  ],
  [
    "iterating before start_response",
    "def app(e, s):\n        return [b'x']\n    drive(app)",
    () => drive(() => [b`x`]),
  ],
  [
    "read after close",
    "it = validator(ok())(env(), sr)\n    it.close()\n    next(it)",
    async () => {
      const it = (validator(ok()) as (...a: unknown[]) => unknown)(env(), sr) as {
        close(): Promise<void>;
        next(): Promise<unknown>;
      };
      await it.close();
      await it.next();
    },
  ],
  [
    "write() with a str",
    "def app(e, s):\n        w = s('200 OK', [('Content-Type', 'text/plain')])\n        w('x')\n        return []\n    drive(app)",
    () =>
      drive((_e, s) => {
        const w = s("200 OK", [["Content-Type", "text/plain"]]);
        w("x" as never);
        return [];
      }),
  ],
  [
    "input.read() without size",
    "def app(e, s):\n        e['wsgi.input'].read()\n        return []\n    drive(app)",
    () =>
      drive(async (e: WSGIEnvironment) => {
        await (e["wsgi.input"] as { read(): Promise<unknown> }).read();
        return [];
      }),
  ],
  [
    "input.close()",
    "def app(e, s):\n        e['wsgi.input'].close()\n        return []\n    drive(app)",
    () =>
      drive((e: WSGIEnvironment) => {
        (e["wsgi.input"] as { close(): void }).close();
        return [];
      }),
  ],
  [
    "errors.write(bytes)",
    "def app(e, s):\n        e['wsgi.errors'].write(b'x')\n        return []\n    drive(app)",
    () =>
      drive((e: WSGIEnvironment) => {
        (e["wsgi.errors"] as { write(x: unknown): void }).write(b`x`);
        return [];
      }),
  ],
  [
    "errors.close()",
    "def app(e, s):\n        e['wsgi.errors'].close()\n        return []\n    drive(app)",
    () =>
      drive((e: WSGIEnvironment) => {
        (e["wsgi.errors"] as { close(): void }).close();
        return [];
      }),
  ],
  [
    "warning: no QUERY_STRING",
    "drive(ok(), env(drop=['QUERY_STRING']))",
    () => drive(ok(), env({}, ["QUERY_STRING"])),
  ],
  [
    "warning: unknown method",
    "drive(ok(), env(REQUEST_METHOD='BREW'))",
    () => drive(ok(), env({ REQUEST_METHOD: "BREW" })),
  ],
  ["warning: status without space", "drive(ok('200\\tOK'))", () => drive(ok("200\tOK"))],
];

const PY = `
import io, warnings
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator, WSGIWarning
warnings.simplefilter("error", WSGIWarning)

class Named:
    def __init__(self, name, attrs):
        self.name = name
        for a in attrs:
            if a == "__iter__":
                continue
            setattr(self, a, lambda *x: None)
    def __repr__(self):
        return self.name

def env(drop=(), **extra):
    e = {"QUERY_STRING": ""}
    setup_testing_defaults(e)
    e.update(extra)
    for k in drop:
        del e[k]
    return e

def sr(*a):
    return lambda data: None

def ok(status="200 OK", headers=None):
    if headers is None:
        headers = [("Content-Type", "text/plain")]
    def app(e, s):
        s(status, headers)
        return [b"x"]
    return app

def drive(app, environ=None, start=sr):
    it = validator(app)(env() if environ is None else environ, start)
    for _ in it:
        pass
    it.close()

SCENARIOS = {}
`;

oracleTest("wsgi.validate: every misuse is rejected with CPython's exception and message", async () => {
  const code = PY +
    TABLE.map(([name, py], i) =>
      `def scenario_${i}():\n    ${py}\nSCENARIOS[${JSON.stringify(name)}] = scenario_${i}\n`
    )
      .join("") +
    `\ndef run(case):\n    SCENARIOS[case]()\n    return "passed"\n`;
  const expected = await oracle(code, TABLE.map(([name]) => name));
  simplefilter("error");
  const failures: string[] = [];
  try {
    for (let i = 0; i < TABLE.length; i++) {
      let got: unknown;
      try {
        await TABLE[i][2]();
        got = { ok: "passed" };
      } catch (e) {
        got = { error: (e as Error).name, message: str(e) };
      }
      try {
        assert.deepEqual(got, expected[i]);
      } catch {
        failures.push(`${TABLE[i][0]}: ours ${JSON.stringify(got)} python ${JSON.stringify(expected[i])}`);
      }
    }
  } finally {
    simplefilter("default");
  }
  console.log(`validator table: ${TABLE.length - failures.length}/${TABLE.length} rows agree`);
  assert.deepEqual(failures, []);
  assert.ok((expected as { error?: string }[]).filter((x) => x.error).length >= TABLE.length - 2);
});

Deno.test("wsgi.validate: WSGIWarning goes through the one warning call site (printed once by default)", () => {
  {
    using w = catch_warnings({ record: true });
    simplefilter("default");
    const e = env({ REQUEST_METHOD: "BREWONCE" });
    const app = validator((_env, sr) => {
      sr("200 OK", [["Content-Type", "text/plain"]]);
      return [];
    });
    app(e, () => () => {});
    app(env({ REQUEST_METHOD: "BREWONCE" }), () => () => {});
    assert.deepEqual(w.map((m) => `${m.category.name}: ${m.message}`), [
      "WSGIWarning: Unknown REQUEST_METHOD: 'BREWONCE'",
    ]);
  }
  assert.throws(() => validator(kw({ application: () => [], bogus: 1 }) as never), {
    name: "TypeError",
    message: "validator() got an unexpected keyword argument 'bogus'",
  });
});
