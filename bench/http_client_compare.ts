// http.client side by side: pyweb's HTTPConnection, Deno's fetch, CPython's http.client (and curl
// for the download) against the same nginx on 127.0.0.1.
//   1. N sequential keep-alive GETs of a small file  -> requests/s
//   2. one large download read in 64 KiB pieces        -> MB/s
// usage: deno run -A bench/http_client_compare.ts [requests=2000] [megabytes=256] [rounds=2]
// Each client runs `rounds` times, interleaved with the others; the best round is reported.
// Needs nginx (Debian nginx-light) and python3; keep runs short on small machines.
import { HTTPConnection } from "../http/client.ts";
import { CPYTHON314, findPython } from "../tests/_oracle.ts";
import { startNginx } from "../tests/http/_peers.ts";

const N = Number(Deno.args[0] ?? 2000);
const MB = Number(Deno.args[1] ?? 256);
const ROUNDS = Number(Deno.args[2] ?? 2);
const SIZE = MB << 20;

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

/** This process's CPU time in ms (user + system), a load-independent cost measure. */
function cpuMs(): number {
  try {
    const f = Deno.readTextFileSync("/proc/self/stat").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}
const cpuPerReq = { ours: Infinity, fetch: Infinity };

async function ours(): Promise<[number, number]> {
  const conn = new HTTPConnection("127.0.0.1", ng.port);
  for (let i = 0; i < 200; i++) {
    await conn.request("GET", "/small.txt");
    await (await conn.getresponse()).read();
  }
  const c0 = cpuMs();
  let t0 = performance.now();
  for (let i = 0; i < N; i++) {
    await conn.request("GET", "/small.txt");
    const r = await conn.getresponse();
    if ((await r.read()).length !== 512) throw new Error("bad body");
  }
  const rps = N / ((performance.now() - t0) / 1000);
  cpuPerReq.ours = Math.min(cpuPerReq.ours, (cpuMs() - c0) * 1000 / N);
  await conn.request("GET", "/big.bin");
  const r = await conn.getresponse();
  t0 = performance.now();
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
  return [rps, mbps];
}

let intoMbps = 0;

async function viaFetch(): Promise<[number, number]> {
  for (let i = 0; i < 200; i++) await (await fetch(`${base}/small.txt`)).arrayBuffer();
  const c0 = cpuMs();
  let t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const r = await fetch(`${base}/small.txt`);
    if ((await r.arrayBuffer()).byteLength !== 512) throw new Error("bad body");
  }
  const rps = N / ((performance.now() - t0) / 1000);
  cpuPerReq.fetch = Math.min(cpuPerReq.fetch, (cpuMs() - c0) * 1000 / N);
  t0 = performance.now();
  const r = await fetch(`${base}/big.bin`);
  let got = 0;
  for await (const chunk of r.body!) got += chunk.length;
  if (got !== SIZE) throw new Error("short download");
  return [rps, MB / ((performance.now() - t0) / 1000)];
}

async function cpython(): Promise<[number, number] | null> {
  const py = findPython();
  if (!py) return null;
  const code = `
import http.client, time, sys
port, n, size = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
c = http.client.HTTPConnection("127.0.0.1", port)
for _ in range(200):
    c.request("GET", "/small.txt"); c.getresponse().read()
t = time.perf_counter()
for _ in range(n):
    c.request("GET", "/small.txt")
    assert len(c.getresponse().read()) == 512
rps = n / (time.perf_counter() - t)
c.request("GET", "/big.bin"); r = c.getresponse()
t = time.perf_counter(); got = 0
while True:
    d = r.read(65536)
    if not d: break
    got += len(d)
assert got == size
print(rps, size / 1048576 / (time.perf_counter() - t))
`;
  const out = await new Deno.Command(py, {
    args: ["-c", code, String(ng.port), String(N), String(SIZE)],
    env: { PYTHONPATH: CPYTHON314 },
    stdout: "piped",
    stderr: "inherit",
  }).output();
  const [rps, mbps] = new TextDecoder().decode(out.stdout).trim().split(" ").map(Number);
  return [rps, mbps];
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

try {
  // Warm the page cache and the JIT once, untimed.
  await fetch(`${base}/big.bin`).then((r) => r.body!.cancel());
  let [oRps, oMbps, fRps, fMbps] = [0, 0, 0, 0];
  let py: [number, number] | null = null;
  let c: number | null = null;
  const best = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
  for (let round = 0; round < ROUNDS; round++) {
    const [r1, m1] = await ours();
    [oRps, oMbps] = [Math.max(oRps, r1), Math.max(oMbps, m1)];
    const [r2, m2] = await viaFetch();
    [fRps, fMbps] = [Math.max(fRps, r2), Math.max(fMbps, m2)];
    const p = await cpython();
    if (p) py = py ? [Math.max(py[0], p[0]), Math.max(py[1], p[1])] : p;
    c = best(c, await curl());
  }
  const f = (x: number) => x.toFixed(0).padStart(8);
  console.log(`${N} sequential keep-alive GETs of a 512-byte file from nginx:`);
  console.log(`  pyweb HTTPConnection ${f(oRps)} req/s`);
  console.log(`  Deno fetch           ${f(fRps)} req/s   pyweb/fetch   = ${(oRps / fRps).toFixed(2)}x`);
  if (py) {
    console.log(`  CPython http.client  ${f(py[0])} req/s   pyweb/CPython = ${(oRps / py[0]).toFixed(2)}x`);
  }
  console.log(
    `  CPU time per request in this process (load-independent): pyweb ${
      cpuPerReq.ours.toFixed(0)
    } µs, fetch ${cpuPerReq.fetch.toFixed(0)} µs`,
  );
  console.log(`one ${MB} MB download, read in 64 KiB pieces:`);
  console.log(`  pyweb read(65536)    ${f(oMbps)} MB/s`);
  console.log(`  Deno fetch body      ${f(fMbps)} MB/s   pyweb/fetch   = ${(oMbps / fMbps).toFixed(2)}x`);
  if (py) {
    console.log(`  CPython read(65536)  ${f(py[1])} MB/s   pyweb/CPython = ${(oMbps / py[1]).toFixed(2)}x`);
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
