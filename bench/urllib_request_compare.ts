// urllib.request and urllib.robotparser side by side with CPython 3.14's, against the same nginx:
//   1. N sequential urlopen() GETs of a small file (a new connection each, as urllib does) -> requests/s
//   2. urlretrieve() of a large file to disk                                                -> MB/s
//   3. RobotFileParser: parse a 300-line robots.txt, then can_fetch() on 20,000 URLs         -> checks/s
// usage: deno run -A bench/urllib_request_compare.ts [requests=1000] [megabytes=128]
// Needs nginx (Debian nginx-light) and python3; keep runs short on small machines.
import { urlopen, urlretrieve } from "../urllib/request.ts";
import { RobotFileParser } from "../urllib/robotparser.ts";
import { CPYTHON314, findPython } from "../tests/_oracle.ts";
import { startNginx } from "../tests/http/_peers.ts";

const N = Number(Deno.args[0] ?? 1000);
const MB = Number(Deno.args[1] ?? 128);

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

async function ours(): Promise<[number, number, number]> {
  let t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const f = await urlopen(`${base}/small.txt`);
    if ((await f.read()).length !== 512) throw new Error("bad body");
    f.close();
  }
  const rps = N / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  await urlretrieve(`${base}/big.bin`, `${root}/ours.bin`);
  const mbps = MB / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  const rp = new RobotFileParser();
  rp.parse(robots);
  let allowed = 0;
  for (let i = 0; i < urls.length; i++) if (rp.can_fetch(`bot${i % 60}`, urls[i])) allowed++;
  const cps = urls.length / ((performance.now() - t0) / 1000);
  if (allowed === 0) throw new Error("nothing allowed");
  return [rps, mbps, cps];
}

async function cpython(): Promise<[number, number, number] | null> {
  const py = findPython();
  if (!py) return null;
  const code = `
import json, sys, time, urllib.request, urllib.robotparser
base, root, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
t0 = time.perf_counter()
for _ in range(n):
    with urllib.request.urlopen(base + '/small.txt') as f:
        assert len(f.read()) == 512
rps = n / (time.perf_counter() - t0)
t0 = time.perf_counter()
urllib.request.urlretrieve(base + '/big.bin', root + '/py.bin')
secs = time.perf_counter() - t0
d = json.load(open(root + '/robots.json'))
t0 = time.perf_counter()
rp = urllib.robotparser.RobotFileParser()
rp.parse(d['robots'])
allowed = sum(1 for i, u in enumerate(d['urls']) if rp.can_fetch('bot%d' % (i % 60), u))
cps = len(d['urls']) / (time.perf_counter() - t0)
print(json.dumps([rps, secs, cps]))
`;
  const out = await new Deno.Command(py, {
    args: ["-c", code, base, root, String(N)],
    env: { PYTHONPATH: CPYTHON314 },
    stdout: "piped",
  }).output();
  const [rps, secs, cps] = JSON.parse(new TextDecoder().decode(out.stdout));
  return [rps, MB / secs, cps];
}

try {
  const a = await ours();
  const p = await cpython();
  const row = (name: string, unit: string, x: number, y: number | undefined) =>
    console.log(
      `${name.padEnd(34)} pyweb ${x.toFixed(0).padStart(8)} ${unit}` +
        (y === undefined
          ? ""
          : `   CPython ${y.toFixed(0).padStart(8)} ${unit}   ratio ${(x / y).toFixed(2)}x`),
    );
  row(`urlopen small GET (${N})`, "req/s", a[0], p?.[0]);
  row(`urlretrieve ${MB} MB`, "MB/s", a[1], p?.[1]);
  row("robotparser can_fetch (20,000)", "checks/s", a[2], p?.[2]);
} finally {
  await ng.stop();
  await Deno.remove(root, { recursive: true });
}
