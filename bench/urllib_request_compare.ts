// urllib.request and urllib.robotparser side by side with CPython 3.14's, against the same nginx:
//   1. N sequential urlopen() GETs of a small file (a new connection each, as urllib does) -> requests/s,
//      next to a bare Deno.connect loop doing the same (connect, one fixed GET with Connection: close,
//      read to EOF, close): the runtime's limit. CPU µs per request for each.
//   2. urlretrieve() of a large file to disk                                                -> MB/s
//   3. RobotFileParser: parse a 300-line robots.txt, then can_fetch() on 20,000 URLs         -> checks/s
// usage: deno run -A bench/urllib_request_compare.ts [requests=3000] [megabytes=128] [rounds=3]
// The GET loops run `rounds` times, interleaved and warmed up alike; the best round is reported.
// Needs nginx (Debian nginx-light) and python3; keep runs short on small machines.
import process from "node:process";
import { urlopen, urlretrieve } from "../urllib/request.ts";
import { RobotFileParser } from "../urllib/robotparser.ts";
import { CPYTHON314, findPython } from "../tests/_oracle.ts";
import { startNginx } from "../tests/http/_peers.ts";

const N = Number(Deno.args[0] ?? 3000);
const MB = Number(Deno.args[1] ?? 128);
const ROUNDS = Number(Deno.args[2] ?? 3);
const WARM = 200;

const root = await Deno.makeTempDir({ prefix: "pyweb_bench_" });
await Deno.writeTextFile(`${root}/small.txt`, "x".repeat(512));
{
  const f = await Deno.open(`${root}/big.bin`, { write: true, create: true });
  const block = new Uint8Array(1 << 20).map((_, i) => (i * 31) & 255);
  for (let i = 0; i < MB; i++) await f.write(block);
  f.close();
}
const robots: string[] = [];
for (let i = 0; i < 50; i++) {
  robots.push(`User-agent: bot${i}`, `Disallow: /private${i}/`, `Allow: /private${i}/public*`);
  robots.push(`Disallow: /*.tmp$`, `Disallow: /search?q=*&page=${i}`, "");
}
robots.push("User-agent: *", "Disallow: /cgi-bin/", "Allow: /cgi-bin/ok$");
const urls: string[] = [];
for (let i = 0; i < 20000; i++) {
  urls.push(`http://example.com/private${i % 60}/public${i % 7}/page${i}.tmp?x=${i}`);
}
await Deno.writeTextFile(`${root}/robots.json`, JSON.stringify({ robots, urls }));

const ng = await startNginx(root);
const base = `http://127.0.0.1:${ng.port}`;

/** One timed loop: requests/s and CPU µs per request (user + system of this process). */
interface Loop {
  rps: number;
  cpu: number;
}

async function timeLoop(one: () => Promise<void>): Promise<Loop> {
  for (let i = 0; i < WARM; i++) await one();
  const cpu = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  const c0 = cpu();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await one();
  return { rps: N / ((performance.now() - t0) / 1000), cpu: (cpu() - c0) / N };
}

const REQUEST = new TextEncoder().encode(
  `GET /small.txt HTTP/1.1\r\nHost: 127.0.0.1:${ng.port}\r\nConnection: close\r\n\r\n`,
);

/** The runtime's limit for urllib's pattern: connect, one fixed GET, read to EOF, close. */
function bare(): Promise<Loop> {
  const buf = new Uint8Array(1 << 16);
  return timeLoop(async () => {
    const conn = await Deno.connect({ hostname: "127.0.0.1", port: ng.port });
    conn.setNoDelay(true);
    await conn.write(REQUEST);
    let end = 0;
    for (;;) {
      const n = await conn.read(buf.subarray(end));
      if (n === null) break;
      end += n;
    }
    conn.close();
    if (end < 512) throw new Error("bad body");
  });
}

function opens(): Promise<Loop> {
  return timeLoop(async () => {
    const f = await urlopen(`${base}/small.txt`);
    if ((await f.read()).length !== 512) throw new Error("bad body");
    f.close();
  });
}

async function ours(): Promise<[number, number]> {
  let t0 = performance.now();
  await urlretrieve(`${base}/big.bin`, `${root}/ours.bin`);
  const mbps = MB / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  const rp = new RobotFileParser();
  rp.parse(robots);
  let allowed = 0;
  for (let i = 0; i < urls.length; i++) if (rp.can_fetch(`bot${i % 60}`, urls[i])) allowed++;
  const cps = urls.length / ((performance.now() - t0) / 1000);
  if (allowed === 0) throw new Error("nothing allowed");
  return [mbps, cps];
}

async function cpython(): Promise<[Loop, number, number] | null> {
  const py = findPython();
  if (!py) return null;
  const code = `
import json, sys, time, urllib.request, urllib.robotparser
base, root, n, warm = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
for _ in range(warm):
    with urllib.request.urlopen(base + '/small.txt') as f:
        f.read()
t0, c0 = time.perf_counter(), time.process_time()
for _ in range(n):
    with urllib.request.urlopen(base + '/small.txt') as f:
        assert len(f.read()) == 512
rps, cpu = n / (time.perf_counter() - t0), (time.process_time() - c0) * 1e6 / n
t0 = time.perf_counter()
urllib.request.urlretrieve(base + '/big.bin', root + '/py.bin')
secs = time.perf_counter() - t0
d = json.load(open(root + '/robots.json'))
t0 = time.perf_counter()
rp = urllib.robotparser.RobotFileParser()
rp.parse(d['robots'])
allowed = sum(1 for i, u in enumerate(d['urls']) if rp.can_fetch('bot%d' % (i % 60), u))
cps = len(d['urls']) / (time.perf_counter() - t0)
print(json.dumps([rps, cpu, secs, cps]))
`;
  const out = await new Deno.Command(py, {
    args: ["-c", code, base, root, String(N), String(WARM)],
    env: { PYTHONPATH: CPYTHON314 },
    stdout: "piped",
  }).output();
  const [rps, cpu, secs, cps] = JSON.parse(new TextDecoder().decode(out.stdout));
  return [{ rps, cpu }, MB / secs, cps];
}

const best = (a: Loop | null, b: Loop): Loop =>
  a === null ? b : { rps: Math.max(a.rps, b.rps), cpu: Math.min(a.cpu, b.cpu) };

try {
  let b: Loop | null = null, o: Loop | null = null, py: Loop | null = null;
  const perRound: string[] = [];
  let p: [Loop, number, number] | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const lb = await bare();
    const lo = await opens();
    perRound.push(`${(lo.rps / lb.rps).toFixed(2)}x`);
    [b, o] = [best(b, lb), best(o, lo)];
    const pr = await cpython();
    if (pr) {
      py = best(py, pr[0]);
      p = pr;
    }
  }
  const a = await ours();
  const us = (l: Loop) => `${l.cpu.toFixed(1).padStart(6)} µs CPU/req`;
  console.log(`${N} sequential GETs of a 512-byte file, a new connection each (best of ${ROUNDS} rounds):`);
  console.log(`  bare Deno.connect loop ${b!.rps.toFixed(0).padStart(8)} req/s ${us(b!)}`);
  console.log(
    `  pyweb urlopen          ${o!.rps.toFixed(0).padStart(8)} req/s ${us(o!)}   pyweb/bare loop = ${
      (o!.rps / b!.rps).toFixed(2)
    }x (per round: ${perRound.join(" ")})`,
  );
  if (py) {
    console.log(
      `  CPython urlopen        ${py.rps.toFixed(0).padStart(8)} req/s ${us(py)}   pyweb/CPython   = ${
        (o!.rps / py.rps).toFixed(2)
      }x`,
    );
  }
  const row = (name: string, unit: string, x: number, y: number | undefined) =>
    console.log(
      `${name.padEnd(34)} pyweb ${x.toFixed(0).padStart(8)} ${unit}` +
        (y === undefined
          ? ""
          : `   CPython ${y.toFixed(0).padStart(8)} ${unit}   ratio ${(x / y).toFixed(2)}x`),
    );
  row(`urlretrieve ${MB} MB`, "MB/s", a[0], p?.[1]);
  row("robotparser can_fetch (20,000)", "checks/s", a[1], p?.[2]);
} finally {
  await ng.stop();
  await Deno.remove(root, { recursive: true });
}
