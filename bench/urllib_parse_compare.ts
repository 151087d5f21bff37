/**
 * Side by side: CPython 3.14's urllib.parse and pyweb's on the same
 * real-looking inputs, in one run; prints time per call and the ratio.
 *
 *   deno run -A bench/urllib_parse_compare.ts [--seconds=0.3] [--only=substring]
 *
 * Each row runs 7 rounds on each side, alternating CPython and pyweb so that both
 * see the same load on the machine. A round times single passes over the 1,000
 * inputs; each side reports its fastest pass (the least disturbed by other load,
 * as `timeit` advises), converted to ns per call. The last line names the
 * smallest ratio.
 *
 * Coverage: every function of `urllib.parse.__all__` (3.14) plus `unwrap`,
 * each in its plain form and, where it takes options, with a keyword; the result
 * classes' public surface (`geturl()`, `hostname`/`port`); and the bytes form of
 * the splitter and of the query parser. Inputs that a row needs in another form
 * (split results, bytes, `<URL:...>` wrappers) are built once, outside the timing,
 * on each side.
 *
 * Left out: `clear_cache()` (no input to time) and the helpers deprecated since
 * 3.8 (`splittype`, `splithost`, ... `to_bytes`). Every call of those goes through
 * `warnings.warn`, so a row would time each side's warnings machinery (filters,
 * the once-per-location registry) rather than URL handling; the parsing behind
 * them is the private `_split*` code, which `urllib.request` exercises.
 *
 * Cache conditions: CPython wraps `urlsplit` in an `lru_cache(maxsize=128)`.
 * The main `urlsplit` rows measure CPython's uncached function
 * (`urlsplit.__wrapped__`) against ours (we keep no cache), over 1,000
 * distinct URLs. The `urlsplit (CPython lru_cache)` row calls the cached
 * public `urlsplit` on the same 1,000 URLs: they cycle through more keys than
 * the cache holds, so every call misses and pays the cache bookkeeping as well,
 * which is what a server seeing many distinct URLs gets. `urlparse`, `urljoin`
 * and `urldefrag` call the uncached internal splitter in CPython too. `quote`'s
 * `safe` tables are cached on both sides (CPython's `_byte_quoter_factory` is an
 * `lru_cache`; ours keeps one table per `safe` string); the rows use a handful
 * of `safe` values, so both sides hit their caches.
 */
import { CPYTHON314, findPython } from "../tests/_oracle.ts";
import * as P from "../urllib/parse.ts";
import { benchData } from "./_urllib_parse_data.ts";

const secondsArg = Deno.args.find((a) => a.startsWith("--seconds="));
const SECONDS = secondsArg ? Number(secondsArg.split("=")[1]) : 0.3;
const data = benchData(1000);

type Row = [name: string, py: string, ts: () => number];

// Inputs some rows need in another form, built outside the timing (the Python side builds the same).
const dicts = data.forms.map((f) => Object.fromEntries(f));
const splits = data.urls.map((u) => P.urlsplit(u));
const parses = data.urls.map((u) => P.urlparse(u));
const enc8 = new TextEncoder();
const btexts = data.texts.map((t) => enc8.encode(t));
const burls = data.urls.map((u) => enc8.encode(u));
const bqueries = data.queries.map((q) => enc8.encode(q));
const wrapped = data.urls.map((u) => "<URL:" + u + ">");

// Each benchmark is one pass over its list; the Python side mirrors the same pass. A pass sums what it keeps
// in a local and folds that into `sink` once: a module-level `let` that grows past 2^30 holds a boxed double,
// and adding to it on every call would time a heap allocation per call that the Python side does not make.
let sink = 0;
const rows: Row[] = [
  ["urlsplit", "for u in urls: us(u)", () => {
    let kept = 0;
    for (const u of data.urls) kept += P.urlsplit(u).netloc.length;
    sink ^= kept;
    return data.urls.length;
  }],
  ["urlsplit (CPython lru_cache)", "for u in urls: P.urlsplit(u)", () => {
    let kept = 0;
    for (const u of data.urls) kept += P.urlsplit(u).netloc.length;
    sink ^= kept;
    return data.urls.length;
  }],
  ["urlsplit (scheme= keyword)", "for u in urls: us(u, scheme='http')", () => {
    let kept = 0;
    for (const u of data.urls) kept += P.urlsplit(u, { scheme: "http" }).netloc.length;
    sink ^= kept;
    return data.urls.length;
  }],
  ["urlsplit (bytes)", "for u in burls: us(u)", () => {
    let kept = 0;
    for (const u of burls) kept += P.urlsplit(u).netloc.length;
    sink ^= kept;
    return burls.length;
  }],
  ["urlparse", "for u in urls: P.urlparse(u)", () => {
    let kept = 0;
    for (const u of data.urls) kept += P.urlparse(u).path.length;
    sink ^= kept;
    return data.urls.length;
  }],
  ["urlparse (allow_fragments=)", "for u in urls: P.urlparse(u, allow_fragments=False)", () => {
    let kept = 0;
    for (const u of data.urls) kept += P.urlparse(u, { allow_fragments: false }).path.length;
    sink ^= kept;
    return data.urls.length;
  }],
  ["urlunsplit", "for s in splits: P.urlunsplit(s)", () => {
    let kept = 0;
    for (const s of splits) kept += P.urlunsplit(s).length;
    sink ^= kept;
    return splits.length;
  }],
  ["urlunparse", "for p in parses: P.urlunparse(p)", () => {
    let kept = 0;
    for (const p of parses) kept += P.urlunparse(p).length;
    sink ^= kept;
    return parses.length;
  }],
  ["SplitResult.geturl()", "for s in splits: s.geturl()", () => {
    let kept = 0;
    for (const s of splits) kept += s.geturl().length;
    sink ^= kept;
    return splits.length;
  }],
  ["SplitResult .hostname .port", "for s in splits: s.hostname; s.port", () => {
    let kept = 0;
    for (const s of splits) kept += (s.hostname?.length ?? 0) + (s.port ?? 0);
    sink ^= kept;
    return splits.length;
  }],
  ["urljoin", "for u, r in zip(urls, rel): P.urljoin(u, r)", () => {
    let kept = 0;
    const { urls, relative } = data;
    for (let i = 0; i < urls.length; i++) kept += P.urljoin(urls[i], relative[i]).length;
    sink ^= kept;
    return urls.length;
  }],
  ["urljoin (allow_fragments=)", "for u, r in zip(urls, rel): P.urljoin(u, r, allow_fragments=False)", () => {
    let kept = 0;
    const { urls, relative } = data;
    for (let i = 0; i < urls.length; i++) {
      kept += P.urljoin(urls[i], relative[i], { allow_fragments: false }).length;
    }
    sink ^= kept;
    return urls.length;
  }],
  ["urljoin (absolute url)", "for u, v in zip(urls, nexts): P.urljoin(u, v)", () => {
    let kept = 0;
    const { urls } = data;
    for (let i = 0; i < urls.length; i++) kept += P.urljoin(urls[i], urls[(i + 1) % urls.length]).length;
    sink ^= kept;
    return urls.length;
  }],
  ["urldefrag", "for u in urls: P.urldefrag(u)", () => {
    let kept = 0;
    for (const u of data.urls) kept += P.urldefrag(u).url.length;
    sink ^= kept;
    return data.urls.length;
  }],
  ["parse_qsl", "for q in queries: P.parse_qsl(q)", () => {
    let kept = 0;
    for (const q of data.queries) kept += P.parse_qsl(q).length;
    sink ^= kept;
    return data.queries.length;
  }],
  ["parse_qsl (keyword)", "for q in queries: P.parse_qsl(q, keep_blank_values=True)", () => {
    let kept = 0;
    for (const q of data.queries) kept += P.parse_qsl(q, { keep_blank_values: true }).length;
    sink ^= kept;
    return data.queries.length;
  }],
  ["parse_qsl (bytes)", "for q in bqueries: P.parse_qsl(q)", () => {
    let kept = 0;
    for (const q of bqueries) kept += P.parse_qsl(q).length;
    sink ^= kept;
    return bqueries.length;
  }],
  ["parse_qs", "for q in queries: P.parse_qs(q)", () => {
    let kept = 0;
    for (const q of data.queries) kept += P.parse_qs(q) === null ? 0 : 1;
    sink ^= kept;
    return data.queries.length;
  }],
  ["parse_qs (keyword)", "for q in queries: P.parse_qs(q, keep_blank_values=True)", () => {
    let kept = 0;
    for (const q of data.queries) kept += P.parse_qs(q, { keep_blank_values: true }) === null ? 0 : 1;
    sink ^= kept;
    return data.queries.length;
  }],
  ["parse_qs (max_num_fields=)", "for q in queries: P.parse_qs(q, max_num_fields=100)", () => {
    let kept = 0;
    for (const q of data.queries) kept += P.parse_qs(q, { max_num_fields: 100 }) === null ? 0 : 1;
    sink ^= kept;
    return data.queries.length;
  }],
  ["quote", "for t in texts: P.quote(t)", () => {
    let kept = 0;
    for (const t of data.texts) kept += P.quote(t).length;
    sink ^= kept;
    return data.texts.length;
  }],
  ["quote (safe= keyword)", "for t in texts: P.quote(t, safe='')", () => {
    let kept = 0;
    for (const t of data.texts) kept += P.quote(t, { safe: "" }).length;
    sink ^= kept;
    return data.texts.length;
  }],
  ["quote (bytes)", "for b in btexts: P.quote(b)", () => {
    let kept = 0;
    for (const b of btexts) kept += P.quote(b).length;
    sink ^= kept;
    return btexts.length;
  }],
  ["quote_plus", "for t in texts: P.quote_plus(t)", () => {
    let kept = 0;
    for (const t of data.texts) kept += P.quote_plus(t).length;
    sink ^= kept;
    return data.texts.length;
  }],
  ["quote_plus (safe= keyword)", "for t in texts: P.quote_plus(t, safe='/')", () => {
    let kept = 0;
    for (const t of data.texts) kept += P.quote_plus(t, { safe: "/" }).length;
    sink ^= kept;
    return data.texts.length;
  }],
  ["quote_from_bytes", "for b in btexts: P.quote_from_bytes(b)", () => {
    let kept = 0;
    for (const b of btexts) kept += P.quote_from_bytes(b).length;
    sink ^= kept;
    return btexts.length;
  }],
  ["quote_from_bytes (safe= keyword)", "for b in btexts: P.quote_from_bytes(b, safe='')", () => {
    let kept = 0;
    for (const b of btexts) kept += P.quote_from_bytes(b, { safe: "" }).length;
    sink ^= kept;
    return btexts.length;
  }],
  ["unquote", "for t in quoted: P.unquote(t)", () => {
    let kept = 0;
    for (const t of data.quoted) kept += P.unquote(t).length;
    sink ^= kept;
    return data.quoted.length;
  }],
  ["unquote (encoding= keyword)", "for t in quoted: P.unquote(t, encoding='utf-8')", () => {
    let kept = 0;
    for (const t of data.quoted) kept += P.unquote(t, { encoding: "utf-8" }).length;
    sink ^= kept;
    return data.quoted.length;
  }],
  ["unquote_plus", "for t in quoted: P.unquote_plus(t)", () => {
    let kept = 0;
    for (const t of data.quoted) kept += P.unquote_plus(t).length;
    sink ^= kept;
    return data.quoted.length;
  }],
  ["unquote_plus (errors= keyword)", "for t in quoted: P.unquote_plus(t, errors='strict')", () => {
    let kept = 0;
    for (const t of data.quoted) kept += P.unquote_plus(t, { errors: "strict" }).length;
    sink ^= kept;
    return data.quoted.length;
  }],
  ["unquote_to_bytes", "for t in quoted: P.unquote_to_bytes(t)", () => {
    let kept = 0;
    for (const t of data.quoted) kept += P.unquote_to_bytes(t).length;
    sink ^= kept;
    return data.quoted.length;
  }],
  ["urlencode", "for f in forms: P.urlencode(f)", () => {
    let kept = 0;
    for (const f of data.forms) kept += P.urlencode(f).length;
    sink ^= kept;
    return data.forms.length;
  }],
  ["urlencode (dict, doseq)", "for d in dicts: P.urlencode(d, doseq=True)", () => {
    let kept = 0;
    for (const d of dicts) kept += P.urlencode(d, { doseq: true }).length;
    sink ^= kept;
    return dicts.length;
  }],
  ["urlencode (quote_via=quote)", "for f in forms: P.urlencode(f, quote_via=P.quote)", () => {
    let kept = 0;
    for (const f of data.forms) kept += P.urlencode(f, { quote_via: P.quote }).length;
    sink ^= kept;
    return data.forms.length;
  }],
  ["unwrap", "for u in wrapped: P.unwrap(u)", () => {
    let kept = 0;
    for (const u of wrapped) kept += P.unwrap(u).length;
    sink ^= kept;
    return wrapped.length;
  }],
];
const onlyArg = Deno.args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const selected = onlyArg ? rows.filter(([name]) => name.includes(onlyArg)) : rows;

const ROUNDS = 7;

/** ns per call of the fastest single pass of `fn` over its inputs during `ms` milliseconds. */
function roundOurs(fn: () => number, ms: number): number {
  let best = Infinity;
  const end = performance.now() + ms;
  while (true) {
    const t0 = performance.now();
    const n = fn();
    const t1 = performance.now();
    best = Math.min(best, ((t1 - t0) * 1e6) / n);
    if (t1 > end) return best;
  }
}

// The Python side is a server: one line in (row name, seconds), one line out (ns per call of its
// fastest pass in that time).
const PY = `
import json, sys, time
import urllib.parse as P
d = json.loads(sys.stdin.readline())
urls, rel, queries, texts, quoted = d["urls"], d["relative"], d["queries"], d["texts"], d["quoted"]
forms = [[tuple(p) for p in f] for f in d["forms"]]
dicts = [dict(f) for f in forms]
us = P.urlsplit.__wrapped__
splits = [us(u) for u in urls]
parses = [P.urlparse(u) for u in urls]
btexts = [t.encode() for t in texts]
burls = [u.encode() for u in urls]
bqueries = [q.encode() for q in queries]
wrapped = ["<URL:" + u + ">" for u in urls]
nexts = urls[1:] + urls[:1]
ROWS = {name: (compile(body, name, "exec"), n) for name, body, n in d["rows"]}
env = dict(globals())
for line in sys.stdin:
    name, seconds = json.loads(line)
    code, n = ROWS[name]
    best = float("inf")
    end = time.perf_counter() + seconds
    while True:
        t0 = time.perf_counter()
        exec(code, env)
        t1 = time.perf_counter()
        best = min(best, t1 - t0)
        if t1 > end:
            break
    sys.stdout.write(json.dumps(best * 1e9 / n) + "\\n")
    sys.stdout.flush()
`;

const py = findPython();
if (!py) {
  console.error("CPython not found (install python3.13 with pyenv or set PYWEB_PYTHON)");
  Deno.exit(1);
}
// One pass of each row on our side gives its input count (and checks it runs).
const lengths = new Map(selected.map(([name, , fn]) => [name, fn()]));
const child = new Deno.Command(py, {
  args: ["-c", PY],
  env: { PYTHONPATH: CPYTHON314 },
  stdin: "piped",
  stdout: "piped",
  stderr: "inherit",
}).spawn();
const w = child.stdin.getWriter();
const enc = new TextEncoder();
const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
let buffered = "";
async function readLine(): Promise<string> {
  while (!buffered.includes("\n")) {
    const { value, done } = await lines.read();
    if (done) throw new Error("CPython side stopped");
    buffered += value;
  }
  const i = buffered.indexOf("\n");
  const line = buffered.slice(0, i);
  buffered = buffered.slice(i + 1);
  return line;
}
await w.write(enc.encode(
  JSON.stringify({ ...data, rows: selected.map(([name, body]) => [name, body, lengths.get(name)]) }) + "\n",
));
async function roundPython(name: string, seconds: number): Promise<number> {
  await w.write(enc.encode(JSON.stringify([name, seconds]) + "\n"));
  return Number(await readLine());
}

console.log(
  `urllib.parse, ns per call (1,000 real-looking inputs; per row ${ROUNDS} alternating CPython/pyweb rounds ` +
    `of ${(SECONDS / ROUNDS).toFixed(2)}s each; fastest pass over the inputs kept)`,
);
console.log("function".padEnd(34) + "CPython 3.14".padStart(14) + "pyweb".padStart(10) + "ratio".padStart(9));
const ratios: number[] = [];
for (const [name, , fn] of selected) {
  const warm = performance.now();
  while (performance.now() - warm < 50) fn(); // let the JIT settle
  await roundPython(name, 0.05); // and CPython's caches
  let theirs = Infinity, ours = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    theirs = Math.min(theirs, await roundPython(name, SECONDS / ROUNDS));
    ours = Math.min(ours, roundOurs(fn, (SECONDS * 1000) / ROUNDS));
  }
  ratios.push(theirs / ours);
  console.log(
    name.padEnd(34) + theirs.toFixed(0).padStart(14) + ours.toFixed(0).padStart(10) +
      ((theirs / ours).toFixed(1) + "×").padStart(9),
  );
}
const worst = Math.min(...ratios);
console.log(`smallest ratio: ${worst.toFixed(1)}× (${selected[ratios.indexOf(worst)][0]})`);
await w.close();
await lines.cancel();
await child.status;
if (sink === -1) console.log(sink);
