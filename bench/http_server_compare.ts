// Benchmark: wrk against CPython's http.server, Deno.serve, nginx (1 worker) and our http.server.
//
//   deno run -A bench/http_server_compare.ts [--duration=2] [--rounds=3] [--large-mb=64] [--sustain=0]
//
// 1. hello (HTTP/1.1 keep-alive, same handler): CPython ThreadingHTTPServer, Deno.serve, a bare Deno.listen
//    loop (the runtime's floor for a server that owns its sockets) and our HTTPServer; requests per second,
//    CPU per request and each process's peak resident memory (VmHWM) after the same load.
//    `--sustain=30` then loads each Deno server alone for 30 s and samples its peak resident memory.
// 2. static files: nginx (worker_processes 1) vs our SimpleHTTPRequestHandler, small and large file.
// Every server runs in its own process; handlers do not log (log_message is a no-op on both sides).
// Targets are measured in alternating rounds and the best round is kept, so a busy machine hurts all
// alike; the server's CPU time per request (from /proc) is printed too, as a load-independent figure.
// Run with `--serve=<kind> <dir>` this file is itself one of the servers.
import {
  BaseHTTPRequestHandler,
  HTTPServer,
  SimpleHTTPRequestHandler,
  ThreadingHTTPServer,
} from "../http/server.ts";
import type { ServerAddress } from "../socketserver.ts";

const HELLO = new TextEncoder().encode("Hello World!");

class Hello extends BaseHTTPRequestHandler {
  override protocol_version = "HTTP/1.1";
  do_GET(): void {
    this.send_response(200);
    this.send_header("Content-Type", "text/plain");
    this.send_header("Content-Length", String(HELLO.length));
    this.end_headers();
    this.wfile.write(HELLO);
  }
  override log_message(): void {}
}

const PY_HELLO = `
import sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
class Hello(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "12")
        self.end_headers()
        self.wfile.write(b"Hello World!")
    def log_message(self, *a):
        pass
s = ThreadingHTTPServer(("127.0.0.1", 0), Hello)
print("PORT", s.server_address[1], flush=True)
s.serve_forever()
`;

async function serve(kind: string, dir: string): Promise<void> {
  Deno.addSignalListener("SIGTERM", () => Deno.exit(0));
  if (kind === "deno") {
    const server = Deno.serve({
      hostname: "127.0.0.1",
      port: 0,
      onListen: ({ port }) => console.log("PORT", port),
    }, () => new Response(HELLO, { headers: { "Content-Type": "text/plain" } }));
    await server.finished;
    return;
  }
  if (kind === "bare") {
    // The runtime's floor for a server that owns its sockets: a bare Deno.listen loop per connection that
    // reads to the blank line and writes one fixed keep-alive response, nothing parsed, nothing logged.
    const resp = new TextEncoder().encode(
      `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${HELLO.length}\r\n\r\nHello World!`,
    );
    const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
    console.log("PORT", (listener.addr as Deno.NetAddr).port);
    for await (const conn of listener) bareConnection(conn, resp);
    return;
  }
  if (kind === "ours") {
    const server = new HTTPServer(["127.0.0.1", 0], Hello);
    console.log("PORT", server.server_address[1]);
    await server.serve_forever();
    return;
  }
  class Files extends SimpleHTTPRequestHandler {
    override protocol_version = "HTTP/1.1";
    constructor(r: Deno.Conn, a: ServerAddress, s: HTTPServer) {
      super(r, a, s, { directory: dir });
    }
    override log_message(): void {}
  }
  const server = new ThreadingHTTPServer(["127.0.0.1", 0], Files);
  console.log("PORT", server.server_address[1]);
  await server.serve_forever();
}

async function bareConnection(conn: Deno.Conn, resp: Uint8Array): Promise<void> {
  const buf = new Uint8Array(8192);
  let have = 0;
  try {
    for (;;) {
      const n = await conn.read(buf.subarray(have));
      if (n === null) break;
      have += n;
      for (;;) {
        let end = -1;
        for (let i = 3; i < have; i++) {
          if (buf[i] === 10 && buf[i - 1] === 13 && buf[i - 2] === 10 && buf[i - 3] === 13) {
            end = i + 1;
            break;
          }
        }
        if (end < 0) break;
        buf.copyWithin(0, end, have);
        have -= end;
        await conn.write(resp);
      }
    }
  } catch { /* the client reset the connection */ }
  try {
    conn.close();
  } catch { /* already closed */ }
}

interface Proc {
  port: number;
  pid: number | null;
  stop(): Promise<void>;
}

async function spawn(cmd: string, args: string[]): Promise<Proc> {
  // Both CPython and we print a traceback per connection wrk resets at the end of a run: keep stderr quiet.
  const child = new Deno.Command(cmd, { args, stdout: "piped", stderr: "null", stdin: "null" }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!/PORT \d+\n/.test(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`${cmd} exited before listening`);
    text += value;
  }
  const port = Number(/PORT (\d+)/.exec(text)![1]);
  return {
    port,
    pid: child.pid,
    async stop() {
      child.kill("SIGTERM");
      await child.status;
      await reader.cancel().catch(() => {});
    },
  };
}

async function wrk(url: string, seconds: number, connections = 32): Promise<{ rps: number; mbps: number }> {
  const out = await new Deno.Command("wrk", {
    args: ["-t1", `-c${connections}`, `-d${seconds}s`, url],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? 0);
  const t = /Transfer\/sec:\s+([\d.]+)(\w+)/.exec(text);
  const unit: Record<string, number> = { B: 1 / 1e6, KB: 1 / 1024, MB: 1, GB: 1024 };
  const mbps = t ? Number(t[1]) * (unit[t[2]] ?? 1) : 0;
  if (/Non-2xx/.test(text)) console.error(text);
  return { rps, mbps };
}

async function startNginx(dir: string): Promise<Proc & { tmp: string }> {
  const tmp = await Deno.makeTempDir({ prefix: "pyweb_nginx_" });
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  const conf = `worker_processes 1;
daemon off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  types { text/plain txt; application/octet-stream bin; }
  server { listen 127.0.0.1:${port}; root ${dir}; }
}
`;
  await Deno.writeTextFile(`${tmp}/nginx.conf`, conf);
  const child = new Deno.Command("nginx", {
    args: ["-c", `${tmp}/nginx.conf`, "-p", tmp],
    stdout: "null",
    stderr: "inherit",
  })
    .spawn();
  for (let i = 0; i < 100; i++) {
    try {
      (await Deno.connect({ hostname: "127.0.0.1", port })).close();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    pid: null,
    tmp,
    async stop() {
      child.kill("SIGQUIT");
      await child.status;
      await Deno.remove(tmp, { recursive: true });
    },
  };
}

function python(): string {
  const home = Deno.env.get("HOME") ?? "/root";
  for (const p of [Deno.env.get("PYWEB_PYTHON"), `${home}/.pyenv/versions/3.13.0/bin/python3`, "python3"]) {
    if (p) return p;
  }
  return "python3";
}

/** Peak resident memory of a process in MB (VmHWM, from /proc on Linux); null elsewhere. */
function peakRssMB(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync(`/proc/${pid}/status`));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) the process has used so far, from /proc (Linux); null elsewhere. */
function cpuSeconds(pid: number): number | null {
  try {
    const f = Deno.readTextFileSync(`/proc/${pid}/stat`).split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

interface Sample {
  rps: number;
  mbps: number;
  cpuUsPerReq: number | null;
}

/** Run wrk `rounds` times against every target in turn (alternating, so load noise hits all alike); keep the best. */
async function compare(
  targets: { name: string; url: string; pid: number | null }[],
  seconds: number,
  rounds: number,
  connections: number,
): Promise<Map<string, Sample>> {
  const best = new Map<string, Sample>();
  for (const t of targets) await wrk(t.url, 1, connections); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const t of targets) {
      const c0 = t.pid ? cpuSeconds(t.pid) : null;
      const res = await wrk(t.url, seconds, connections);
      const c1 = t.pid ? cpuSeconds(t.pid) : null;
      const cpu = c0 !== null && c1 !== null && res.rps > 0 ? ((c1 - c0) * 1e6) / (res.rps * seconds) : null;
      const prev = best.get(t.name);
      if (!prev || res.rps > prev.rps) best.set(t.name, { rps: res.rps, mbps: res.mbps, cpuUsPerReq: cpu });
      else if (cpu !== null && (prev.cpuUsPerReq === null || cpu < prev.cpuUsPerReq)) prev.cpuUsPerReq = cpu;
    }
  }
  return best;
}

function line(label: string, name: string, s: Sample, rssMB: number | null = null): string {
  const cpu = s.cpuUsPerReq === null ? "" : `  ${s.cpuUsPerReq.toFixed(1).padStart(7)} µs CPU/req`;
  const rss = rssMB === null ? "" : `  ${rssMB.toFixed(0).padStart(4)} MB peak RSS`;
  return `${label.padEnd(20)} ${name.padEnd(28)} ${s.rps.toFixed(0).padStart(8)} req/s ${
    s.mbps.toFixed(0).padStart(6)
  } MB/s${cpu}${rss}`;
}

/**
 * `--sustain=S`: each Deno server alone under wrk -c32 for S seconds (one after the other, so none
 * shares the machine with another's load); its peak resident memory every few seconds. V8's young
 * generation grows with what survives its scavenges, so the figure depends on how long the load lasts:
 * this shows where each one settles.
 */
async function sustained(self: string, deno: string, seconds: number): Promise<void> {
  console.log(`peak resident memory under wrk -t1 -c32, ${seconds}s of load each:`);
  for (const kind of ["deno", "bare", "ours"]) {
    const p = await spawn(deno, ["run", "-A", self, `--serve=${kind}`, "/"]);
    try {
      const load = wrk(`http://127.0.0.1:${p.port}/`, seconds);
      const samples: string[] = [];
      for (let t = 0; t < seconds;) {
        const step = Math.min(5, seconds - t);
        await new Promise((r) => setTimeout(r, step * 1000));
        t += step;
        samples.push(`${t}s ${peakRssMB(p.pid)?.toFixed(0)}`);
      }
      const { rps } = await load;
      console.log(
        `  ${kind.padEnd(5)} ${rps.toFixed(0).padStart(7)} req/s  peak RSS (MB) at ${samples.join(", ")}`,
      );
    } finally {
      await p.stop();
    }
  }
  console.log();
}

async function main(): Promise<void> {
  const flags = Object.fromEntries(Deno.args.map((a) => a.replace(/^--/, "").split("=")));
  const seconds = Number(flags.duration ?? 2);
  const rounds = Number(flags.rounds ?? 3);
  const largeMb = Number(flags["large-mb"] ?? 64);
  const sustain = Number(flags.sustain ?? 0);
  const self = new URL(import.meta.url).pathname;
  const deno = Deno.execPath();

  console.log(`wrk -t1, HTTP/1.1 keep-alive, ${rounds} alternating rounds of ${seconds}s, best round kept\n`);
  const hello: [string, string, string[]][] = [
    ["CPython ThreadingHTTPServer", python(), ["-c", PY_HELLO]],
    ["Deno.serve", deno, ["run", "-A", self, "--serve=deno", "/"]],
    ["bare Deno.listen loop", deno, ["run", "-A", self, "--serve=bare", "/"]],
    ["pyweb HTTPServer", deno, ["run", "-A", self, "--serve=ours", "/"]],
  ];
  const procs: (Proc & { name: string })[] = [];
  try {
    for (const [name, cmd, args] of hello) procs.push({ name, ...(await spawn(cmd, args)) });
    const res = await compare(
      procs.map((p) => ({ name: p.name, url: `http://127.0.0.1:${p.port}/`, pid: p.pid })),
      seconds,
      rounds,
      32,
    );
    const rss = new Map(procs.map((p) => [p.name, peakRssMB(p.pid)]));
    for (const p of procs) console.log(line("hello (32 conns)", p.name, res.get(p.name)!, rss.get(p.name)!));
    const ours = res.get("pyweb HTTPServer")!,
      d = res.get("Deno.serve")!,
      bare = res.get("bare Deno.listen loop")!,
      c = res.get("CPython ThreadingHTTPServer")!;
    console.log(
      `hello: pyweb / Deno.serve = ${(ours.rps / d.rps).toFixed(2)}x req/s` +
        (ours.cpuUsPerReq && d.cpuUsPerReq
          ? ` (${(d.cpuUsPerReq / ours.cpuUsPerReq).toFixed(2)}x by CPU per request)`
          : "") +
        `, pyweb / bare loop = ${(ours.rps / bare.rps).toFixed(2)}x, pyweb / CPython = ${
          (ours.rps / c.rps).toFixed(1)
        }x`,
    );
    const [mo, md, mb] = ["pyweb HTTPServer", "Deno.serve", "bare Deno.listen loop"].map((n) => rss.get(n));
    if (mo && md && mb) {
      console.log(
        `hello: peak resident memory after ${1 + rounds * seconds}s of load: pyweb / Deno.serve = ${
          (mo / md).toFixed(2)
        }x, pyweb / bare loop = ${(mo / mb).toFixed(2)}x\n`,
      );
    }
  } finally {
    for (const p of procs) await p.stop();
  }

  if (sustain > 0) await sustained(self, deno, sustain);

  const dir = await Deno.makeTempDir({ prefix: "pyweb_bench_" });
  await Deno.chmod(dir, 0o755); // nginx workers run as nobody
  try {
    await Deno.writeFile(`${dir}/small.txt`, new TextEncoder().encode("x".repeat(1024)));
    const f = await Deno.open(`${dir}/large.bin`, { write: true, create: true });
    const mb = new Uint8Array(1 << 20).fill(97);
    for (let i = 0; i < largeMb; i++) await f.write(mb);
    f.close();
    await Deno.chmod(`${dir}/small.txt`, 0o644);
    await Deno.chmod(`${dir}/large.bin`, 0o644);
    const nginx = await startNginx(dir);
    const mine = await spawn(deno, ["run", "-A", self, "--serve=files", dir]);
    try {
      for (
        const [file, conns, label] of [
          ["small.txt", 32, "small file (1 KiB)"],
          ["large.bin", 4, `large file (${largeMb} MiB)`],
        ] as [string, number, string][]
      ) {
        const res = await compare(
          [
            { name: "nginx (1 worker)", url: `http://127.0.0.1:${nginx.port}/${file}`, pid: null },
            {
              name: "pyweb SimpleHTTPRequestHandler",
              url: `http://127.0.0.1:${mine.port}/${file}`,
              pid: mine.pid,
            },
          ],
          seconds,
          rounds,
          conns,
        );
        const n = res.get("nginx (1 worker)")!, o = res.get("pyweb SimpleHTTPRequestHandler")!;
        console.log(line(label, "nginx (1 worker)", n));
        console.log(line(label, "pyweb SimpleHTTPRequestHandler", o));
        console.log(
          file === "small.txt"
            ? `${label}: pyweb / nginx = ${(o.rps / n.rps).toFixed(2)}x req/s\n`
            : `${label}: pyweb / nginx = ${(o.mbps / n.mbps).toFixed(2)}x MB/s\n`,
        );
      }
    } finally {
      await mine.stop();
      await nginx.stop();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) {
  const serveFlag = Deno.args.find((a) => a.startsWith("--serve="));
  if (serveFlag) await serve(serveFlag.slice(8), Deno.args[Deno.args.indexOf(serveFlag) + 1] ?? ".");
  else await main();
}
