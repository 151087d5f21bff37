// Side-by-side speed of html.parser implementations on the same pages, in one run:
// CPython 3.14's html.parser (the oracle interpreter), pyweb's HTMLParser and npm:htmlparser2.
// Each one records every event in an array, as a real handler would.
//
//   deno run -A bench/html_parser_compare.ts [page.html ...]
//
// Without arguments it uses the pages under tests/vectors/html_pages/ and the tutorial site.
import { Parser } from "npm:htmlparser2@9.1.0";
import { type Attr, HTMLParser } from "../html/parser.ts";
import { CPYTHON314, findPython, SHARED } from "../tests/_oracle.ts";

const here = new URL(".", import.meta.url);
function defaultPages(): string[] {
  const dir = decodeURIComponent(new URL("../tests/vectors/html_pages/", here).pathname);
  const out = [...Deno.readDirSync(dir)].filter((e) => e.name.endsWith(".html")).map((e) => dir + e.name);
  for (const p of ["tutorial/site/index.html", "tutorial/site/sub/index.html"]) out.push(SHARED + p);
  return out.sort();
}
const files = Deno.args.length ? Deno.args : defaultPages();
const pages = files.map((f) => Deno.readTextFileSync(f));
const totalBytes = pages.reduce((n, p) => n + new TextEncoder().encode(p).length, 0);
const MB = totalBytes / 1e6;
const ROUNDS = 8; // rounds of ~250 ms each, the implementations taking turns; the best round counts
const ROUND_MS = 250;

class Recorder extends HTMLParser {
  events: unknown[] = [];
  override handle_starttag(tag: string, attrs: Attr[]): void {
    this.events.push(["start", tag, attrs]);
  }
  override handle_endtag(tag: string): void {
    this.events.push(["end", tag]);
  }
  override handle_startendtag(tag: string, attrs: Attr[]): void {
    this.events.push(["startend", tag, attrs]);
  }
  override handle_data(data: string): void {
    this.events.push(["data", data]);
  }
  override handle_comment(data: string): void {
    this.events.push(["comment", data]);
  }
  override handle_decl(data: string): void {
    this.events.push(["decl", data]);
  }
  override handle_pi(data: string): void {
    this.events.push(["pi", data]);
  }
  override handle_charref(data: string): void {
    this.events.push(["charref", data]);
  }
  override handle_entityref(data: string): void {
    this.events.push(["entityref", data]);
  }
  override unknown_decl(data: string): void {
    this.events.push(["unknown_decl", data]);
  }
}

function pyweb(): number {
  let n = 0;
  for (const page of pages) {
    const p = new Recorder();
    p.feed(page);
    p.close();
    n += p.events.length;
  }
  return n;
}

function htmlparser2(): number {
  let n = 0;
  for (const page of pages) {
    const events: unknown[] = [];
    const p = new Parser({
      onopentag(name, attribs) {
        events.push(["start", name, attribs]);
      },
      onclosetag(name) {
        events.push(["end", name]);
      },
      ontext(data) {
        events.push(["data", data]);
      },
      oncomment(data) {
        events.push(["comment", data]);
      },
      onprocessinginstruction(name, data) {
        events.push(["pi", name, data]);
      },
    }, { decodeEntities: true });
    p.write(page);
    p.end();
    n += events.length;
  }
  return n;
}

type Result = { mbps: number; events: number };

/** One round of `fn` for about ROUND_MS; returns MB/s. */
function round(fn: () => number, out: Result): void {
  let runs = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ROUND_MS) {
    out.events = fn();
    runs++;
    t = performance.now();
  }
  out.mbps = Math.max(out.mbps, (MB * runs) / ((t - t0) / 1000));
}

async function cpython(): Promise<Result | null> {
  const py = findPython();
  if (!py) return null;
  const code = `
import sys, json, time
from html.parser import HTMLParser
class R(HTMLParser):
    def __init__(self):
        super().__init__(); self.events = []
    def handle_starttag(self, t, a): self.events.append(("start", t, a))
    def handle_endtag(self, t): self.events.append(("end", t))
    def handle_startendtag(self, t, a): self.events.append(("startend", t, a))
    def handle_data(self, d): self.events.append(("data", d))
    def handle_comment(self, d): self.events.append(("comment", d))
    def handle_decl(self, d): self.events.append(("decl", d))
    def handle_pi(self, d): self.events.append(("pi", d))
    def handle_charref(self, d): self.events.append(("charref", d))
    def handle_entityref(self, d): self.events.append(("entityref", d))
    def unknown_decl(self, d): self.events.append(("unknown_decl", d))
pages = [open(f, encoding="utf-8").read() for f in json.loads(sys.argv[1])]
def once():
    n = 0
    for page in pages:
        p = R(); p.feed(page); p.close(); n += len(p.events)
    return n
once()
best = 0
for r in range(${ROUNDS}):
    runs = 0; t0 = time.perf_counter(); t = t0
    while t - t0 < ${ROUND_MS / 1000}:
        n = once(); runs += 1; t = time.perf_counter()
    best = max(best, runs / (t - t0))
print(json.dumps({"rate": best, "events": n}))
`;
  const out = await new Deno.Command(py, {
    args: ["-c", code, JSON.stringify(files)],
    env: { PYTHONPATH: CPYTHON314 },
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!out.success) return null;
  const r = JSON.parse(new TextDecoder().decode(out.stdout));
  return { mbps: MB * r.rate, events: r.events };
}

console.log(`${files.length} pages, ${MB.toFixed(2)} MB; best of ${ROUNDS} rounds of ${ROUND_MS} ms each`);
const py = await cpython();
const ours: Result = { mbps: 0, events: 0 }, h2: Result = { mbps: 0, events: 0 };
pyweb(); // warm up
htmlparser2();
for (let r = 0; r < ROUNDS; r++) {
  round(pyweb, ours);
  round(htmlparser2, h2);
}
const row = (name: string, r: Result) =>
  console.log(
    `${name.padEnd(26)} ${r.mbps.toFixed(1).padStart(8)} MB/s  ${String(r.events).padStart(8)} events`,
  );
if (py) row("CPython 3.14 html.parser", py);
else console.log("CPython 3.14 html.parser  (no python found)");
row("pyweb HTMLParser", ours);
row("npm:htmlparser2", h2);
if (py) console.log(`pyweb / CPython     = ${(ours.mbps / py.mbps).toFixed(2)}x`);
console.log(`pyweb / htmlparser2 = ${(ours.mbps / h2.mbps).toFixed(2)}x`);
