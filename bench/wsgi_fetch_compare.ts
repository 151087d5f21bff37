// `deno run -A bench/wsgi_fetch_compare.ts [seconds] [rounds]`: wrk against the hello WSGI application,
// one server after the other, each run short (a 1 s warm-up, then 3 s by default; 3 rounds, alternating
// order, the best of each counts).
//
// Keep-alive (wrk's default), issue 16's targets: serve(app) ≥ 0.6× a bare Deno.serve hello and
// ≥ 4× gunicorn (Debian python3-gunicorn) with 2 gthread workers × 4 threads.
// One connection per request (`Connection: close`): make_server (HTTP/1.0, as CPython's) ≥ 1×
// gunicorn's 2 sync workers and ≥ 0.6× a bare Deno accept–answer–close loop.
//
// wrk shares the machine's cores with the server: compare the ratios, not the absolute figures.
import { cpuSeconds, freePort, waitForPort } from "./_net.ts";
import { serve } from "../wsgi/fetch.ts";
import { make_server, WSGIRequestHandler } from "../wsgi/simple_server.ts";
import type { StartResponse, WSGIEnvironment } from "../wsgi/types.ts";

const HELLO = new TextEncoder().encode("Hello, World!");

function app(_environ: WSGIEnvironment, start_response: StartResponse) {
  start_response("200 OK", [["Content-Type", "text/plain"]]);
  return [HELLO];
}

class Quiet extends WSGIRequestHandler {
  override log_message(): void {}
}

const mode = Deno.args[0];
if (mode?.startsWith("--serve")) {
  const port = Number(Deno.args[1]);
  if (mode === "--serve-fetch") {
    await serve(app, { hostname: "127.0.0.1", port, onListen() {} }).finished;
  } else if (mode === "--serve-bare") {
    await Deno.serve(
      { hostname: "127.0.0.1", port, onListen() {} },
      () => new Response(HELLO, { headers: { "Content-Type": "text/plain" } }),
    ).finished;
  } else if (mode === "--serve-make") {
    await make_server("127.0.0.1", port, app, { handler_class: Quiet }).serve_forever();
  } else if (mode === "--serve-loop") {
    // The floor of one connection per request in Deno: accept, read the request head, answer, close.
    const answer = new TextEncoder().encode(
      "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!",
    );
    const listener = Deno.listen({ hostname: "127.0.0.1", port });
    for await (const conn of listener) {
      (async () => {
        const buf = new Uint8Array(8192);
        let seen = "";
        try {
          while (!seen.includes("\r\n\r\n")) {
            const n = await conn.read(buf);
            if (n === null) break;
            seen += new TextDecoder().decode(buf.subarray(0, n));
          }
          await conn.write(answer);
        } catch { /* client gone */ }
        try {
          conn.close();
        } catch { /* closed */ }
      })();
    }
  }
  Deno.exit(0);
}

const seconds = Number(Deno.args[0] ?? 3);
const here = (p: string) => decodeURIComponent(new URL(p, import.meta.url).pathname);
const peers = here("../tests/wsgi/peers/");
const self = here("./wsgi_fetch_compare.ts");

async function wrk(port: number, close: boolean, duration = seconds): Promise<number | null> {
  const args = ["-t2", "-c32", `-d${duration}s`];
  if (close) args.push("-H", "Connection: close");
  const out = await new Deno.Command("wrk", {
    args: [...args, `http://127.0.0.1:${port}/`],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  const m = /Requests\/sec:\s+([\d.]+)/.exec(text);
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(text);
  if (errors) console.log(`  (${errors[0].trim()})`);
  return m ? Number(m[1]) : null;
}

/** Server CPU µs per request of each measured run (less sensitive to a busy machine than req/s). */
const cpuPerRequest = new Map<string, number>();

async function measure(name: string, cmd: string, args: string[], close: boolean): Promise<number | null> {
  const port = freePort();
  const child = new Deno.Command(cmd, {
    args: args.map((a) => a.replace("{port}", String(port))),
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    if (!(await waitForPort(port))) {
      console.log(`${name}: did not start`);
      return null;
    }
    await wrk(port, close, 1); // warm-up (JIT, connection pools), not counted
    const cpu0 = cpuSeconds(child.pid);
    const rps = await wrk(port, close);
    const cpu = cpuSeconds(child.pid) - cpu0;
    const perReq = rps ? cpu / (rps * seconds) * 1e6 : 0;
    if (perReq) cpuPerRequest.set(name, Math.min(cpuPerRequest.get(name) ?? Infinity, perReq));
    console.log(
      `  ${name.padEnd(40)} ${rps === null ? "failed" : rps.toFixed(0).padStart(8) + " req/s"}` +
        (perReq ? `  ${perReq.toFixed(1).padStart(6)} µs server CPU/request` : ""),
    );
    return rps;
  } finally {
    try {
      child.kill();
    } catch { /* gone */ }
    await child.status;
  }
}

const deno = Deno.execPath();
const gunicorn = (
  ...a: string[]
) => ["-m", "gunicorn", ...a, "-b", "127.0.0.1:{port}", "--chdir", peers, "hello_app:app"];

const rounds = Number(Deno.args[1] ?? 3);
type Run = [name: string, cmd: string, args: string[], close: boolean];
const keepAlive: Run[] = [
  ["pyweb serve(app) on Deno.serve", deno, ["run", "-A", self, "--serve-fetch", "{port}"], false],
  ["bare Deno.serve hello", deno, ["run", "-A", self, "--serve-bare", "{port}"], false],
  [
    "gunicorn 2 gthread workers x 4 threads",
    "/usr/bin/python3",
    gunicorn("-k", "gthread", "-w", "2", "--threads", "4"),
    false,
  ],
];
const perConnection: Run[] = [
  ["pyweb make_server (HTTP/1.0)", deno, ["run", "-A", self, "--serve-make", "{port}"], true],
  ["gunicorn 2 sync workers", "/usr/bin/python3", gunicorn("-w", "2"), true],
  ["bare Deno accept-answer-close loop", deno, ["run", "-A", self, "--serve-loop", "{port}"], true],
];
const best = new Map<string, number>();
for (let r = 0; r < rounds; r++) {
  for (
    const [title, runs] of [["keep-alive", keepAlive], [
      "one connection per request (Connection: close)",
      perConnection,
    ]] as const
  ) {
    console.log(
      `wrk -t2 -c32 -d${seconds}s, hello application, ${title}${rounds > 1 ? `, round ${r + 1}` : ""}:`,
    );
    for (const [name, cmd, args, close] of r % 2 ? [...runs].reverse() : runs) {
      const rps = await measure(name, cmd, args, close);
      if (rps !== null) best.set(name, Math.max(best.get(name) ?? 0, rps));
    }
  }
}
const [fetchRps, bareRps, gthreadRps, makeRps, syncRps, loopRps] = [...keepAlive, ...perConnection].map((
  [name],
) => best.get(name) ?? null);

const ratio = (a: number | null, b: number | null, target: number, label: string) => {
  if (a === null || b === null) return console.log(`${label}: n/a`);
  const r = a / b;
  console.log(
    `${label.padEnd(42)} ${r.toFixed(2)}x  (target ${target}x${r >= target ? ", met" : ", not met"})`,
  );
};
console.log(rounds > 1 ? `ratios (best of ${rounds} rounds):` : "ratios:");
ratio(fetchRps, bareRps, 0.6, "serve(app) / bare Deno.serve");
ratio(fetchRps, gthreadRps, 4, "serve(app) / gunicorn gthread");
ratio(makeRps, syncRps, 1, "make_server / gunicorn sync");
ratio(makeRps, loopRps, 0.6, "make_server / bare accept-answer-close loop");
const cpuRatio = (a: string, b: string, label: string) => {
  const x = cpuPerRequest.get(a), y = cpuPerRequest.get(b);
  if (x && y) console.log(`${label.padEnd(42)} ${(y / x).toFixed(2)}x`);
};
console.log("the same ratios from server CPU per request (requests per CPU second):");
cpuRatio(keepAlive[0][0], keepAlive[1][0], "serve(app) / bare Deno.serve");
cpuRatio(keepAlive[0][0], keepAlive[2][0], "serve(app) / gunicorn gthread");
cpuRatio(perConnection[0][0], perConnection[1][0], "make_server / gunicorn sync");
cpuRatio(perConnection[0][0], perConnection[2][0], "make_server / bare accept-answer-close loop");
