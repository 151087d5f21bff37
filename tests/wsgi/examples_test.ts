// The ported tutorial programs (examples/my_wsgiserver.ts, wsgi_graph.ts, random_normal.ts,
// cgi-bin/script.ts) against their Python originals in shared/tutorial: same requests, same
// responses (Date/Server aside; the random scatter compared by structure).

import { denoForNobody } from "../../examples/_nobody.ts";
import assert from "node:assert/strict";
import { SHARED } from "../_oracle.ts";
import {
  exchange,
  findPython311,
  freePort,
  latin1,
  ORACLE_PATH,
  oraclePython,
  peerTest,
  splitResponse,
  startProgram,
} from "./_helpers.ts";

const TUTORIAL = SHARED + "tutorial/";
const EXAMPLES = decodeURIComponent(new URL("../../examples/", import.meta.url).pathname);
const HINT = "CPython 3.13 (pyenv) with ../shared/cpython314 and ../shared/tutorial beside the repo";
const enc = new TextEncoder();

function pyEnv(): Record<string, string> {
  return { PYTHONPATH: ORACLE_PATH, PYTHONWARNINGS: "ignore" };
}

function normalizeHead(head: string): string {
  return head
    .replace(/^(Date|Last-Modified): \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/gm, "$1: <date>")
    .replace(/^Server: (WSGIServer|BaseHTTP|SimpleHTTP)\/[\d.]+ \S+$/gm, "Server: <server>");
}

async function both(
  python: string,
  pyScript: string,
  tsScript: string,
  requests: string[],
  check: (req: string, py: [string, Uint8Array], ts: [string, Uint8Array]) => void,
): Promise<void> {
  const pyPort = freePort();
  const stopPy = await startProgram(python, [TUTORIAL + pyScript, String(pyPort)], pyPort, { env: pyEnv() });
  let stopTs: (() => Promise<void>) | null = null;
  try {
    const tsPort = freePort();
    stopTs = await startProgram(Deno.execPath(), ["run", "-A", EXAMPLES + tsScript, String(tsPort)], tsPort);
    for (const req of requests) {
      const data = enc.encode(req);
      const [py, ts] = await Promise.all([exchange(pyPort, data), exchange(tsPort, data)]);
      const [ph, pb] = splitResponse(py);
      const [th, tb] = splitResponse(ts);
      check(req, [normalizeHead(ph), pb], [normalizeHead(th), tb]);
    }
  } finally {
    await stopPy();
    if (stopTs) await stopTs();
  }
}

function same(req: string, py: [string, Uint8Array], ts: [string, Uint8Array]): void {
  assert.equal(ts[0], py[0], `head of ${JSON.stringify(req)}`);
  assert.equal(latin1(ts[1]), latin1(py[1]), `body of ${JSON.stringify(req)}`);
}

peerTest("examples: my_wsgiserver.ts answers like my_wsgiserver.py", oraclePython, HINT, async (python) => {
  await both(python, "my_wsgiserver.py", "my_wsgiserver.ts", [
    "GET / HTTP/1.0\r\n\r\n",
    "GET /anything?x=1 HTTP/1.1\r\nHost: h\r\n\r\n",
    "HEAD / HTTP/1.0\r\n\r\n",
    "POST / HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc",
  ], same);
});

peerTest(
  "examples: wsgi_graph.ts serves the same form and SVG as wsgi_graph.py",
  oraclePython,
  HINT,
  async (python) => {
    await both(python, "wsgi_graph.py", "wsgi_graph.ts", [
      "GET / HTTP/1.0\r\n\r\n",
      "GET /?start=-10&end=10 HTTP/1.0\r\n\r\n",
      "GET /graph.svg HTTP/1.0\r\n\r\n",
      "GET /graph.svg?start=-10&end=10 HTTP/1.0\r\n\r\n",
      "GET /graph.svg?start=0&end=16 HTTP/1.0\r\n\r\n",
      "GET /graph.svg?start=-7&end=9 HTTP/1.0\r\n\r\n",
      "GET /graph.svg?start=3&end=3 HTTP/1.0\r\n\r\n",
      "GET /graph.svg?start=-33&end=100 HTTP/1.0\r\n\r\n",
      "GET /graph.svg?start=5&end=1 HTTP/1.0\r\n\r\n",
      "GET /?start=abc HTTP/1.0\r\n\r\n",
    ], same);
  },
);

peerTest(
  "examples: random_normal.ts has random_normal.py's routes, headers and output format",
  oraclePython,
  HINT,
  async (python) => {
    await both(python, "random_normal.py", "random_normal.ts", [
      "GET /normal/3_4 HTTP/1.0\r\n\r\n",
      "GET /normal/0_1 HTTP/1.0\r\n\r\n",
      "GET /nothing HTTP/1.0\r\n\r\n",
      "GET /fig/x_1 HTTP/1.0\r\n\r\n",
      "GET /fig/5_2 HTTP/1.0\r\n\r\n",
    ], (req, py, ts) => {
      const noLength = (h: string) =>
        req.startsWith("GET /fig/5_2") ? h.replace(/Content-Length: \d+/, "") : h;
      assert.equal(noLength(ts[0]), noLength(py[0]), `head of ${req}`);
      assert.ok(ts[0].includes("Cache-Control: no-store, no-cache, must-revalidate"));
      if (!req.startsWith("GET /fig/5_2")) {
        assert.equal(latin1(ts[1]), latin1(py[1]), `body of ${req}`);
        return;
      }
      // The scatter: same SVG shape, 100 circles each, coordinates in [10, 290] with one decimal.
      const shape = (svg: string) => svg.replace(/c([xy])="-?\d+\.\d"/g, 'c$1="N"');
      const p = latin1(py[1]), t = latin1(ts[1]);
      assert.equal(shape(t), shape(p));
      const coords = [...t.matchAll(/c[xy]="(-?\d+\.\d)"/g)].map((m) => Number(m[1]));
      assert.equal(coords.length, 200);
      assert.ok(coords.every((c) => c >= 10 && c <= 290));
    });
  },
);

const CGI_BODY = "language=python&framework=django&email=lowell2735%40gmail.com";

peerTest(
  "examples: cgi-bin/script.ts under our CGIHTTPRequestHandler prints what script.py prints",
  findPython311,
  "python3 with the cgi module (≤ 3.12)",
  async (python3) => {
    // Python's server runs the tutorial's script.py; ours runs script.ts (a Deno executable).
    const pyPort = freePort();
    const stopPy = await startProgram(
      python3,
      ["-m", "http.server", "--cgi", "-b", "127.0.0.1", String(pyPort)],
      pyPort,
      {
        cwd: TUTORIAL,
        env: { PYTHONWARNINGS: "ignore" },
      },
    );
    let stopTs: (() => Promise<void>) | null = null;
    // As root our server runs script.ts as nobody (as CPython's does): give nobody a deno it can reach.
    const nobody = await denoForNobody();
    try {
      const tsPort = freePort();
      const server = decodeURIComponent(new URL("../../http/server.ts", import.meta.url).pathname);
      stopTs = await startProgram(
        Deno.execPath(),
        ["run", "-A", server, "--cgi", "-b", "127.0.0.1", String(tsPort)],
        tsPort,
        {
          cwd: EXAMPLES,
          env: nobody.env,
        },
      );
      const post = (script: string) =>
        enc.encode(
          `POST /cgi-bin/${script} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
            `Content-Length: ${CGI_BODY.length}\r\nConnection: close\r\n\r\n${CGI_BODY}`,
        );
      const [py, ts] = await Promise.all([
        exchange(pyPort, post("script.py")),
        exchange(tsPort, post("script.ts")),
      ]);
      const [ph, pb] = splitResponse(py);
      const [th, tb] = splitResponse(ts);
      assert.equal(normalizeHead(th), normalizeHead(ph));
      assert.equal(latin1(tb), latin1(pb));
      assert.ok(latin1(ts).includes("\nemail is lowell2735@gmail.com\n"), JSON.stringify(latin1(ts)));
    } finally {
      await stopPy();
      if (stopTs) await stopTs();
      await nobody.cleanup();
    }
  },
);
