// `deno run -A bench/wsgi_compare.ts [seconds]`: wrk against CPython's wsgiref.simple_server,
// gunicorn (Debian python3-gunicorn, 2 sync workers) and our make_server, all serving the same
// hello application, one after the other; prints requests/second and ratios. Runs are short.
import { cpuSeconds, freePort, waitForPort } from "./_net.ts";
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

if (Deno.args[0] === "--serve") {
  await make_server("127.0.0.1", Number(Deno.args[1]), app, { handler_class: Quiet }).serve_forever();
  Deno.exit(0);
}

const seconds = Number(Deno.args[0] ?? 3);
const here = (p: string) => decodeURIComponent(new URL(p, import.meta.url).pathname);
const peers = here("../tests/wsgi/peers/");

function oraclePython(): string {
  const home = Deno.env.get("HOME") ?? "/root";
  const root = Deno.env.get("PYENV_ROOT") ?? `${home}/.pyenv`;
  return Deno.env.get("PYWEB_PYTHON") ?? `${root}/versions/3.13.0/bin/python3`;
}

async function wrk(port: number): Promise<number | null> {
  const out = await new Deno.Command("wrk", {
    args: ["-t2", "-c32", `-d${seconds}s`, `http://127.0.0.1:${port}/`],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  const m = /Requests\/sec:\s+([\d.]+)/.exec(text);
  const errors = /Non-2xx or 3xx responses: (\d+)|Socket errors: .*/.exec(text);
  if (errors) console.log(`  (${errors[0].trim()})`);
  return m ? Number(m[1]) : null;
}

async function measure(
  name: string,
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<number | null> {
  const port = freePort();
  const child = new Deno.Command(cmd, {
    args: args.map((a) => a.replace("{port}", String(port))),
    env,
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    if (!(await waitForPort(port))) {
      console.log(`${name}: did not start`);
      return null;
    }
    const cpu0 = cpuSeconds(child.pid);
    const rps = await wrk(port);
    const cpu = cpuSeconds(child.pid) - cpu0;
    const perReq = rps ? (cpu / (rps * seconds)) * 1e6 : 0;
    console.log(
      `${name.padEnd(28)} ${rps === null ? "failed" : rps.toFixed(0).padStart(8) + " req/s"}` +
        (perReq ? `  ${perReq.toFixed(0).padStart(5)} µs CPU/request` : ""),
    );
    return rps;
  } finally {
    try {
      child.kill();
    } catch { /* gone */ }
    await child.status;
  }
}

const rounds = Number(Deno.args[1] ?? 2);
console.log(
  `wrk -t2 -c32 -d${seconds}s, hello application, one connection per request (HTTP/1.0 servers); ` +
    `best of ${rounds} alternating rounds`,
);
const servers: [string, string, string[]][] = [
  ["CPython wsgiref.simple_server", oraclePython(), [peers + "hello_app.py", "{port}"]],
  [
    "gunicorn (2 sync workers)",
    "/usr/bin/python3",
    ["-m", "gunicorn", "-w", "2", "-b", "127.0.0.1:{port}", "--chdir", peers, "hello_app:app"],
  ],
  ["pyweb make_server", Deno.execPath(), ["run", "-A", here("./wsgi_compare.ts"), "--serve", "{port}"]],
];
const best = new Map<string, number>();
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? [...servers].reverse() : servers;
  for (const [name, cmd, args] of order) {
    const rps = await measure(name, cmd, args);
    if (rps !== null) best.set(name, Math.max(best.get(name) ?? 0, rps));
  }
}
const [wsgiref, gunicorn, ours] = servers.map(([name]) => best.get(name) ?? null);
console.log("best:");
for (const [name] of servers) {
  console.log(`  ${name.padEnd(28)} ${(best.get(name) ?? 0).toFixed(0).padStart(8)} req/s`);
}
if (ours) {
  if (wsgiref) console.log(`pyweb / wsgiref:  ${(ours / wsgiref).toFixed(2)}x`);
  if (gunicorn) console.log(`pyweb / gunicorn: ${(ours / gunicorn).toFixed(2)}x`);
}
