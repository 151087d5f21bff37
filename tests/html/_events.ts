// Shared helpers for the html.parser tests: an event recorder in the shape of
// ../shared/corpora/html_expected.jsonl, and the same recorder for the oracle.

import { type Attr, HTMLParser, type HTMLParserOptions } from "../../html/parser.ts";

/** One recorded event: `[kind, ...args, [line, col]]` (start tags add their text). */
export type Event = unknown[];

/** Records every handler call with getpos() (and get_starttag_text() for start tags). */
export class EventCollector extends HTMLParser {
  events: Event[] = [];
  constructor(options?: HTMLParserOptions) {
    super(options);
  }
  #pos(): number[] {
    return [...this.getpos()];
  }
  override handle_starttag(tag: string, attrs: Attr[]): void {
    this.events.push(["start", tag, attrs.map((a) => [a[0], a[1]]), this.get_starttag_text(), this.#pos()]);
  }
  override handle_startendtag(tag: string, attrs: Attr[]): void {
    this.events.push([
      "startend",
      tag,
      attrs.map((a) => [a[0], a[1]]),
      this.get_starttag_text(),
      this.#pos(),
    ]);
  }
  override handle_endtag(tag: string): void {
    this.events.push(["end", tag, this.#pos()]);
  }
  override handle_data(data: string): void {
    this.events.push(["data", data, this.#pos()]);
  }
  override handle_comment(data: string): void {
    this.events.push(["comment", data, this.#pos()]);
  }
  override handle_decl(data: string): void {
    this.events.push(["decl", data, this.#pos()]);
  }
  override handle_pi(data: string): void {
    this.events.push(["pi", data, this.#pos()]);
  }
  override handle_charref(name: string): void {
    this.events.push(["charref", name, this.#pos()]);
  }
  override handle_entityref(name: string): void {
    this.events.push(["entityref", name, this.#pos()]);
  }
  override unknown_decl(data: string): void {
    this.events.push(["unknown_decl", data, this.#pos()]);
  }
}

/** Parse `chunks` (fed one by one, then close()) and return the events. */
export function parseEvents(chunks: string[], convert_charrefs: boolean, scripting = false): Event[] {
  const p = new EventCollector({ convert_charrefs, scripting });
  for (const c of chunks) p.feed(c);
  p.close();
  return p.events;
}

/**
 * Python for the oracle: `run([chunks, convert_charrefs, scripting])` returns
 * the events as EventCollector records them. 3.13's `re` lacks 3.14's `\z`
 * (used for <plaintext>); it is read as `\Z`, which means the same there.
 */
export const ORACLE_CODE = `
import re as _re
import html.parser as _hp
class _ReShim:
    def __getattr__(self, name): return getattr(_re, name)
    @staticmethod
    def compile(p, flags=0):
        if isinstance(p, str) and p.endswith(r'\\z'): p = p[:-2] + r'\\Z'
        return _re.compile(p, flags)
_hp.re = _ReShim()
class _C(_hp.HTMLParser):
    def __init__(self, **kw):
        super().__init__(**kw); self.events = []
    def handle_starttag(self, tag, attrs):
        self.events.append(["start", tag, [list(a) for a in attrs], self.get_starttag_text(), list(self.getpos())])
    def handle_startendtag(self, tag, attrs):
        self.events.append(["startend", tag, [list(a) for a in attrs], self.get_starttag_text(), list(self.getpos())])
    def handle_endtag(self, tag): self.events.append(["end", tag, list(self.getpos())])
    def handle_data(self, d): self.events.append(["data", d, list(self.getpos())])
    def handle_comment(self, d): self.events.append(["comment", d, list(self.getpos())])
    def handle_decl(self, d): self.events.append(["decl", d, list(self.getpos())])
    def handle_pi(self, d): self.events.append(["pi", d, list(self.getpos())])
    def handle_charref(self, d): self.events.append(["charref", d, list(self.getpos())])
    def handle_entityref(self, d): self.events.append(["entityref", d, list(self.getpos())])
    def unknown_decl(self, d): self.events.append(["unknown_decl", d, list(self.getpos())])
def run(case):
    chunks, cc, scripting = case
    p = _C(convert_charrefs=cc, scripting=scripting)
    for c in chunks: p.feed(c)
    p.close()
    return p.events
`;

/** Join adjacent data events (keeping the first one's position). */
export function joinData(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === "data" && last && last[0] === "data") {
      out[out.length - 1] = ["data", (last[1] as string) + (e[1] as string), last[2]];
    } else out.push(e);
  }
  return out;
}

/** Split `s` into chunks at code point boundaries, sizes drawn from `rand`. */
export function chunkify(s: string, rand: () => number, maxLen: number): string[] {
  const cps = Array.from(s);
  const out: string[] = [];
  let k = 0;
  while (k < cps.length) {
    const len = 1 + Math.floor(rand() * maxLen);
    out.push(cps.slice(k, k + len).join(""));
    k += len;
  }
  return out;
}

/** A small seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
