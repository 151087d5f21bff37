// http.client side by side: a bare Deno.connect loop (the runtime's limit), pyweb's HTTPConnection, Deno's
// fetch, CPython's http.client (and curl for the download) against the same nginx on 127.0.0.1.
//   1. N sequential keep-alive GETs of a 512-byte file -> requests/s, and CPU time per request
//   2. one large download read in 64 KiB pieces          -> MB/s
// usage: deno run -A bench/http_client_compare.ts [requests=20000] [megabytes=256] [rounds=3]
// Each client runs `rounds` times, interleaved with the others and warmed up alike; the best round is
// reported, with the ratio pyweb/bare loop of each round (the two run back to back). CPU time per request
// (user + system of the process) hardly depends on what else the machine runs: on a shared machine it is
// the steadier guide. Needs nginx (Debian nginx-light) and python3.
import process from "node:process";
import { HTTPConnection } from "../http/client.ts";
import { CPYTHON314, findPython } from "../tests/_oracle.ts";
import { startNginx } from "../tests/http/_peers.ts";

const N = Number(Deno.args[0] ?? 20000);
const MB = Number(Deno.args[1] ?? 256);
const ROUNDS = Number(Deno.args[2] ?? 3);
const SIZE = MB << 20;
/** Untimed requests before each timed loop, the same for every client. */
const WARM = 500;

const root = await Deno.makeTempDir({ prefix: "pyweb_bench_" });
await Deno.writeTextFile(`${root}/small.txt`, "x".repeat(512));
{
  // A real (non-sparse) file so every client reads the same page-cached bytes.
  const f = await Deno.open(`${root}/big.bin`, { write: true, create: true });
  const block = new Uint8Array(1 << 20);
  for (let i = 0; i < block.length; i++) block[i] = (i * 31) & 255;
  for (let i = 0; i < MB; i++) await f.write(block);
  f.close();
}
const ng = await startNginx(root);
const base = `http://127.0.0.1:${ng.port}`;

/** This process's CPU time in µs (user + system). */
function cpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** One timed loop: requests/s and CPU µs per request. */
interface Loop {
  rps: number;
  cpu: number;
}

/** Time `n` runs of `one()`, after `WARM` untimed ones. */
async function timeLoop(one: () => Promise<void>, n = N): Promise<Loop> {
  for (let i = 0; i < WARM; i++) await one();
  const c0 = cpuUs();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await one();
  const secs = (performance.now() - t0) / 1000;
  return { rps: n / secs, cpu: (cpuUs() - c0) / n };
}

const latin1 = new TextDecoder("latin1");
const REQUEST = new TextEncoder().encode(`GET /small.txt HTTP/1.1\r\nHost: 127.0.0.1:${ng.port}\r\n\r\n`);

/**
 * The runtime's limit: one `Deno.connect`, a fixed GET written in one write, the response read into one
 * reused buffer until the blank line and then to Content-Length. No parsing beyond that.
 */
async function bare(): Promise<Loop> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port: ng.port });
  conn.setNoDelay(true);
  const buf = new Uint8Array(1 << 16);
  const one = async () => {
    await conn.write(REQUEST);
    let end = 0, bodyStart = -1, total = -1;
    for (;;) {
      const n = await conn.read(buf.subarray(end));
      if (n === null) throw new Error("closed");
      end += n;
      if (bodyStart < 0) {
        for (let i = 3; i < end; i++) {
          if (buf[i] === 10 && buf[i - 1] === 13 && buf[i - 2] === 10 && buf[i - 3] === 13) {
            bodyStart = i + 1;
            break;
          }
        }
        if (bodyStart < 0) continue;
        // Content-Length, as nginx spells it.
        const head = latin1.decode(buf.subarray(0, bodyStart));
        const at = head.indexOf("Content-Length: ") + 16;
        total = bodyStart + parseInt(head.slice(at, head.indexOf("\r", at)), 10);
      }
      if (end >= total) break;
    }
    if (end - bodyStart !== 512) throw new Error("bad body");
  };
  try {
    return await timeLoop(one);
  } finally {
    conn.close();
  }
}

let intoMbps = 0;

async function ours(): Promise<[Loop, number]> {
  const conn = new HTTPConnection("127.0.0.1", ng.port);
  const loop = await timeLoop(async () => {
    await conn.request("GET", "/small.txt");
    const r = await conn.getresponse();
    if ((await r.read()).length !== 512) throw new Error("bad body");
  });
  await conn.request("GET", "/big.bin");
  const r = await conn.getresponse();
  let t0 = performance.now();
  let got = 0;
  for (;;) {
    const p = await r.read(65536);
    if (!p.length) break;
    got += p.length;
  }
  if (got !== SIZE) throw new Error("short download");
  const mbps = MB / ((performance.now() - t0) / 1000);
  // The same download through readinto() and one reused buffer (Python's way to avoid a new
  // bytes object per piece).
  await conn.request("GET", "/big.bin");
  const r2 = await conn.getresponse();
  const buf = new Uint8Array(65536);
  t0 = performance.now();
  got = 0;
  for (;;) {
    const n = await r2.readinto(buf);
    if (!n) break;
    got += n;
  }
  if (got !== SIZE) throw new Error("short download");
  intoMbps = Math.max(intoMbps, MB / ((performance.now() - t0) / 1000));
  conn.close();
  return [loop, mbps];
}

async function viaFetch(): Promise<[Loop, number]> {
  const loop = await timeLoop(async () => {
    const r = await fetch(`${base}/small.txt`);
    if ((await r.arrayBuffer()).byteLength !== 512) throw new Error("bad body");
  });
  const t0 = performance.now();
  const r = await fetch(`${base}/big.bin`);
  let got = 0;
  for await (const chunk of r.body!) got += chunk.length;
  if (got !== SIZE) throw new Error("short download");
  return [loop, MB / ((performance.now() - t0) / 1000)];
}

async function cpython(): Promise<[Loop, number] | null> {
  const py = findPython();
  if (!py) return null;
  const code = `
import http.client, time, sys
port, n, size, warm = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
c = http.client.HTTPConnection("127.0.0.1", port)
for _ in range(warm):
    c.request("GET", "/small.txt"); c.getresponse().read()
t, cpu = time.perf_counter(), time.process_time()
for _ in range(n):
    c.request("GET", "/small.txt")
    assert len(c.getresponse().read()) == 512
rps, cpu = n / (time.perf_counter() - t), (time.process_time() - cpu) * 1e6 / n
c.request("GET", "/big.bin"); r = c.getresponse()
t = time.perf_counter(); got = 0
while True:
    d = r.read(65536)
    if not d: break
    got += len(d)
assert got == size
print(rps, cpu, size / 1048576 / (time.perf_counter() - t))
`;
  const out = await new Deno.Command(py, {
    args: ["-c", code, String(ng.port), String(N), String(SIZE), String(WARM)],
    env: { PYTHONPATH: CPYTHON314 },
    stdout: "piped",
    stderr: "inherit",
  }).output();
  const [rps, cpu, mbps] = new TextDecoder().decode(out.stdout).trim().split(" ").map(Number);
  return [{ rps, cpu }, mbps];
}

async function curl(): Promise<number | null> {
  try {
    const out = await new Deno.Command("curl", {
      args: ["-s", "-o", "/dev/null", "-w", "%{speed_download}", `${base}/big.bin`],
      stdout: "piped",
    }).output();
    return Number(new TextDecoder().decode(out.stdout)) / (1 << 20);
  } catch {
    return null;
  }
}

/** The best of several loops: highest rate, lowest CPU per request. */
function best(a: Loop | null, b: Loop): Loop {
  return a === null ? b : { rps: Math.max(a.rps, b.rps), cpu: Math.min(a.cpu, b.cpu) };
}

try {
  // Warm the page cache and the JIT once, untimed.
  await fetch(`${base}/big.bin`).then((r) => r.body!.cancel());
  let b: Loop | null = null, o: Loop | null = null, fe: Loop | null = null, py: Loop | null = null;
  let [oMbps, fMbps, pyMbps] = [0, 0, 0];
  let c: number | null = null;
  const perRound: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const lb = await bare();
    b = best(b, lb);
    const [lo, m1] = await ours();
    [o, oMbps] = [best(o, lo), Math.max(oMbps, m1)];
    perRound.push(`${(lo.rps / lb.rps).toFixed(2)}x`);
    const [lf, m2] = await viaFetch();
    [fe, fMbps] = [best(fe, lf), Math.max(fMbps, m2)];
    const p = await cpython();
    if (p) [py, pyMbps] = [best(py, p[0]), Math.max(pyMbps, p[1])];
    const cu = await curl();
    if (cu !== null) c = Math.max(c ?? 0, cu);
  }
  const f = (x: number) => x.toFixed(0).padStart(8);
  const us = (l: Loop) => `${l.cpu.toFixed(1).padStart(6)} µs CPU/req`;
  const [B, O, F] = [b!, o!, fe!];
  console.log(`${N} sequential keep-alive GETs of a 512-byte file from nginx (best of ${ROUNDS} rounds):`);
  console.log(`  bare Deno.connect loop ${f(B.rps)} req/s ${us(B)}`);
  console.log(
    `  pyweb HTTPConnection   ${f(O.rps)} req/s ${us(O)}   pyweb/bare loop = ${(O.rps / B.rps).toFixed(2)}x` +
      ` (per round: ${perRound.join(" ")}; CPU bare/pyweb = ${(B.cpu / O.cpu).toFixed(2)}x)`,
  );
  console.log(
    `  Deno fetch             ${f(F.rps)} req/s ${us(F)}   pyweb/fetch     = ${(O.rps / F.rps).toFixed(2)}x`,
  );
  if (py) {
    console.log(
      `  CPython http.client    ${f(py.rps)} req/s ${us(py)}   pyweb/CPython   = ${
        (O.rps / py.rps).toFixed(2)
      }x`,
    );
  }
  console.log(`one ${MB} MB download, read in 64 KiB pieces:`);
  console.log(`  pyweb read(65536)    ${f(oMbps)} MB/s`);
  console.log(`  Deno fetch body      ${f(fMbps)} MB/s   pyweb/fetch   = ${(oMbps / fMbps).toFixed(2)}x`);
  if (py) {
    console.log(`  CPython read(65536)  ${f(pyMbps)} MB/s   pyweb/CPython = ${(oMbps / pyMbps).toFixed(2)}x`);
  }
  if (c) console.log(`  curl -o /dev/null    ${f(c)} MB/s   pyweb/curl    = ${(oMbps / c).toFixed(2)}x`);
  console.log(
    `  pyweb readinto(64 KiB buffer) ${f(intoMbps)} MB/s` +
      (c ? `   pyweb readinto/curl = ${(intoMbps / c).toFixed(2)}x` : ""),
  );
} finally {
  await ng.stop();
  await Deno.remove(root, { recursive: true });
}
