// Differential tests of http.cookiejar against CPython 3.14 (the oracle).
import assert from "node:assert/strict";
import {
  CookieJar,
  type CookieRequest,
  DefaultCookiePolicy,
  type DefaultCookiePolicyOptions,
  http2time,
  iso2time,
  join_header_words,
  parse_ns_headers,
  split_header_words,
} from "../../http/cookiejar.ts";
import { HTTPMessage } from "../../_util/message.ts";
import { repr } from "../../_util/repr.ts";
import { capture, oracle, oracleTest, type Outcome } from "../_oracle.ts";

export const FIXED_NOW = 1700000123.75;

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

export function withFixedNow<T>(f: () => T): T {
  const real = Date.now;
  Date.now = () => FIXED_NOW * 1000;
  try {
    return f();
  } finally {
    Date.now = real;
  }
}

function compare(cases: unknown[], ours: Outcome[], theirs: Outcome[]): void {
  let bad = 0;
  const msgs: string[] = [];
  for (let i = 0; i < cases.length; i++) {
    const a = JSON.stringify(ours[i]), b = JSON.stringify(theirs[i]);
    if (a !== b) {
      bad++;
      if (msgs.length < 6) msgs.push(`case ${JSON.stringify(cases[i])}\n ours:   ${a}\n python: ${b}`);
    }
  }
  assert.equal(bad, 0, `${bad}/${cases.length} differ\n` + msgs.join("\n"));
}

// ---------------------------------------------------------------------------
// Dates

const PY_PRELUDE = `
import time, warnings
warnings.simplefilter("ignore")
time.time = lambda: ${FIXED_NOW}
import http.cookiejar as cj
from http.cookiejar import *
from http.cookiejar import http2time, iso2time, split_header_words, join_header_words, parse_ns_headers, lwp_cookie_str, time2isoz, time2netscape
`;

/** Pick from `good` mostly, from `bad` sometimes. */
function gb<T>(r: () => number, good: readonly T[], bad: readonly T[], p = 0.85): T {
  return r() < p ? pick(r, good) : pick(r, bad);
}

function dateStrings(r: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.55) {
      out.push(
        gb(r, ["", ""], [" ", "\t"]) +
          gb(r, ["Wed, ", "Wednesday, ", "", "Thu,", "Mon, ", "FRI, ", "sunday "], [
            "Satur, ",
            "Wed,,",
            "We, ",
          ]) +
          gb(r, ["09", "9", "31", "1", "28"], ["00", "123", "32"]) +
          gb(r, [" ", "-", "/"], ["  ", "\t", "_", "."]) +
          gb(r, ["Feb", "feb", "FEB", "Jun", "Dec", "02", "2", "11"], [
            "13",
            "0",
            "Jxx",
            "1_0",
            "february",
            "Sept",
          ]) +
          gb(r, [" ", "-", "/"], ["  ", "_", "."]) +
          gb(r, ["1994", "94", "02", "2023", "2038", "70", "69", "9999"], [
            "1969",
            "10000",
            "0",
            "123",
            "12345",
          ]) +
          gb(r, ["", " 22:23:32", " 22:23", " 2:3", ":22:23:32", " 2:23:32", " 24:00:00"], [
            " 23:60:00",
            " 22:23:61",
            " 22:23:32.5",
            " 22:2",
            " 222:23",
          ]) +
          gb(r, [
            "",
            " GMT",
            " gmt",
            " UTC",
            " Z",
            " +0100",
            " -0800",
            " +01",
            " -123",
            "+0100",
            " GMT (GMT)",
            " (CET)",
          ], [
            " PST",
            " AM",
            " pm",
            " AMT",
            " +01:00",
            " -08:0",
            " 12345",
            " +",
          ]) + gb(r, ["", " ", "\n", "  \n"], [" x", ")", " (x y)", "\n\n"]),
      );
    } else if (x < 0.9) {
      const sep = gb(r, ["-", "/", ""], ["_", " "]);
      out.push(
        gb(r, ["", " "], ["\t", "x"]) +
          gb(r, ["1994", "2023", "2038", "1970"], ["1969", "19940", "0000", "199"]) +
          sep + gb(r, ["02", "2", "12", "11"], ["13", "00", ""]) + gb(r, [sep], ["", "-"]) +
          gb(r, ["03", "3", "31", "28"], ["0", "311", "32"]) +
          gb(r, ["", " 14:15:29", "T14:15:29", "t141529", " 1415", "-14:15", " 14:15", "  14:15:29"], [
            " 14:15:29.123",
            " 14:15:29.",
            ":14:15:2",
            " 25:15",
            " 14:15:29.12345678",
          ]) +
          gb(r, ["", "Z", "z", " -0100", " +01:00", " +1", "+0130", " UTC".slice(0, 0)], [
            " -01::00",
            " GMT",
            " 12345",
            " +01:0",
          ]) + gb(r, ["", " ", "\n"], ["x", "\n\n"]),
      );
    } else {
      // Noise made of date characters.
      const chars = "0123456789 -/:,.+()TZGMadefgjnoprtuvWySF\n";
      let t = "";
      const len = Math.floor(r() * 30);
      for (let k = 0; k < len; k++) t += chars[Math.floor(r() * chars.length)];
      out.push(t);
    }
  }
  return out;
}

oracleTest("http.cookiejar: http2time and iso2time on generated dates match CPython", async () => {
  const r = rng(99);
  const texts = dateStrings(r, 4000);
  texts.push(
    "Wed, 09 Feb 1994 22:23:32 GMT",
    "Mon, 01 Jxx 2020 00:00:00 GMT",
    "Tuesday, 08-Feb-94 14:15:29 GMT",
    "Tuesday, 08-Feb-1994 14:15:29 GMT",
    "08-Feb-94 14:15:29 GMT",
    "08-Feb-1994 14:15:29 GMT",
    "1994-02-03 14:15:29 -0100",
    "1994-02-03 14:15:29",
    "1994-02-03",
    "1994-02-03T14:15:29",
    "19940203T141529Z",
    "19940203",
    "01 Jan " + "1".repeat(5000),
    // Long hostile strings (the bpo-38804 shapes and friends).
    "1994-02-03 14:15:29." + "1".repeat(20000),
    "1994-02-03 14:15:29." + "1".repeat(20000) + "Z",
    " ".repeat(20000) + "01 Jan 1994",
    "01 Jan 1994" + " ".repeat(20000) + "GMT",
    "01 Jan 1994" + " ".repeat(20000) + "GMTx",
    "0".repeat(20000),
    "Wed" + "a".repeat(20000) + " 01 Jan 1994",
    "1994-02-03" + " ".repeat(20000) + "x",
    "01-01-1980 00:00:00" + "\t".repeat(20000) + "(" + "a".repeat(20000) + ")",
    "1".repeat(3) + "-".repeat(20000),
    "",
    " ",
    "Thu, 01 Jan 1970 00:00:00 GMT\n",
  );
  const cases = texts.flatMap((t) => [{ f: "http2time", t }, { f: "iso2time", t }]);
  const theirs = await oracle(
    PY_PRELUDE + `
def run(c):
    return (http2time if c["f"] == "http2time" else iso2time)(c["t"])
`,
    cases,
  );
  const ours = cases.map((c) =>
    withFixedNow(() => capture(() => (c.f === "http2time" ? http2time : iso2time)(c.t)))
  );
  compare(cases, ours, theirs);
  // The generator must reach every kind of outcome.
  const kinds = { number: 0, none: 0, error: 0 };
  for (const o of ours) {
    if ("error" in o) kinds.error++;
    else if (o.ok === null) kinds.none++;
    else kinds.number++;
  }
  console.log(`dates: ${cases.length} cases`, kinds);
  assert.ok(kinds.number > cases.length / 10 && kinds.none > cases.length / 5 && kinds.error > 10);
});

// ---------------------------------------------------------------------------
// Header words

oracleTest(
  "http.cookiejar: split_header_words, join_header_words, parse_ns_headers match CPython",
  async () => {
    const r = rng(5);
    const atoms = [
      "foo",
      "=",
      ";",
      ",",
      " ",
      '"',
      "\\",
      "bar=baz",
      'q="a\\"b"',
      'port="80,81"',
      "discard",
      "expires=Wed, 09 Feb 1994 22:23:32 GMT",
      "Expires=garbage",
      "Version=1",
      'version="1"',
      "max-age=10",
      "Path=/",
      "domain=.x.com",
      "\t",
      "\n",
      "é",
      "\u00a0",
      "text/html",
      'charset="iso-8859-1"',
      '"\\\n"',
      "a=",
      "=b",
      "x y",
    ];
    const cases: unknown[] = [];
    for (let i = 0; i < 2500; i++) {
      const n = 1 + Math.floor(r() * 8);
      const vals: string[] = [];
      const k = 1 + Math.floor(r() * 2);
      for (let j = 0; j < k; j++) {
        let s = "";
        for (let a = 0; a < n; a++) s += pick(r, atoms);
        vals.push(s);
      }
      cases.push({ f: "split", v: vals }, { f: "ns", v: vals });
    }
    const joinVals = ["a", "", "a b", 'q"', "\\", "iso-8859/1", "tok!#$%&'*+-.^_`|~09AZaz", "é", null];
    for (let i = 0; i < 500; i++) {
      const lists: unknown[] = [];
      const n = Math.floor(r() * 3);
      for (let j = 0; j < n; j++) {
        const m = Math.floor(r() * 3);
        const pairs: unknown[] = [];
        for (let k = 0; k < m; k++) pairs.push([pick(r, ["k", "text/plain", "a b"]), pick(r, joinVals)]);
        lists.push(pairs);
      }
      cases.push({ f: "join", v: lists });
    }
    const theirs = await oracle(
      PY_PRELUDE + `
def run(c):
    if c["f"] == "split": return split_header_words(c["v"])
    if c["f"] == "ns": return parse_ns_headers(c["v"])
    return join_header_words(c["v"])
`,
      cases,
    );
    const ours = (cases as { f: string; v: unknown }[]).map((c) =>
      withFixedNow(() =>
        capture(() => {
          if (c.f === "split") return split_header_words(c.v as string[]);
          if (c.f === "ns") return parse_ns_headers(c.v as string[]);
          return join_header_words(c.v as [string, string | null][][]);
        })
      )
    );
    compare(cases, ours, theirs);
  },
);

// ---------------------------------------------------------------------------
// Extract and return cookies

interface ReqSpec {
  url: string;
  host: string;
  type: string;
  unverifiable: boolean;
  origin: string;
  headers: Record<string, string>;
}

class FakeRequest implements CookieRequest {
  headers: Record<string, string>;
  constructor(public spec: ReqSpec) {
    this.headers = { ...spec.headers };
  }
  get_full_url(): string {
    return this.spec.url;
  }
  get host(): string {
    return this.spec.host;
  }
  get type(): string {
    return this.spec.type;
  }
  get unverifiable(): boolean {
    return this.spec.unverifiable;
  }
  get origin_req_host(): string {
    return this.spec.origin;
  }
  has_header(k: string): boolean {
    return k in this.headers;
  }
  get_header(k: string, d: string | null = null): string | null {
    return k in this.headers ? this.headers[k] : d;
  }
  header_items(): [string, string][] {
    return Object.entries(this.headers);
  }
  add_unredirected_header(k: string, v: string): void {
    this.headers[k] = v;
  }
}

const HOSTS = [
  "www.example.com",
  "example.com",
  "a.b.example.com",
  "WWW.Example.COM",
  "example.co.uk",
  "www.example.co.uk",
  "localhost",
  "host",
  "foo.local",
  "192.168.1.10",
  "10.0.0.1",
  "pythonicexample.com",
  "www.acme.com",
  "[::1]",
];
const PORTS = ["", "", ":80", ":8080", ":443", ":abc"];
const SCHEMES = ["http", "http", "https", "wss", "ftp"];
const PATHS = [
  "/",
  "",
  "/a",
  "/a/",
  "/a/b/c.html",
  "/acme/login",
  "/acme/",
  "/anybad/",
  "/any",
  "/x y/ü",
  "/%7euser/",
  "/a;p?q=1#f",
  "/blah/rhubarb",
];

function futureDate(delta: number): string {
  return new Date((FIXED_NOW + delta) * 1000).toUTCString();
}

function genRequest(r: () => number, host?: string): ReqSpec {
  const h = host ?? pick(r, HOSTS);
  const scheme = gb(r, ["http", "https"], SCHEMES, 0.8);
  const port = gb(r, [""], PORTS, 0.7);
  const path = gb(r, ["/", "/acme/login", "/acme/", "/a/b/c.html", "/a/"], PATHS, 0.7);
  const hostPort = h + port;
  const originPool = [h.toLowerCase(), "www.example.com", "example.com", "other.org", "acme.com"];
  const headers: Record<string, string> = {};
  if (r() < 0.05) headers["Cookie"] = "preset=1";
  let url = `${scheme}://${hostPort}${path}`;
  if (r() < 0.03) {
    url = `${scheme}:///${path}`;
    headers["Host"] = hostPort;
  }
  return {
    url,
    host: hostPort,
    type: scheme,
    unverifiable: r() < 0.2,
    origin: r() < 0.7 ? h.toLowerCase().replace(/^\[|\]$/g, "") : pick(r, originPool),
    headers,
  };
}

function genSetCookie(r: () => number): string {
  const names = ["a", "sid", "$dollar", "SID", "x y", "", "b"];
  const values = ["1", "b", '"quoted"', "a,b", "with space", "", "é", "v=w"];
  const attrs = [
    "Path=/",
    "Path=/a",
    "path=/a/b",
    "Path=/acme",
    "Path=/any",
    "Path=",
    "Path",
    "Domain=example.com",
    "Domain=.example.com",
    "domain=.com",
    "Domain=co.uk",
    "domain=.co.uk",
    "Domain=.example.co.uk",
    "Domain=localhost",
    "domain=.local",
    "Domain=192.168.1.10",
    "Domain=.168.1.10",
    "Domain",
    "Domain=",
    "Domain=acme.com",
    "Domain=.acme.com",
    "Secure",
    "secure=1",
    "HttpOnly",
    `Expires=${futureDate(-86400)}`,
    `expires=${futureDate(86400 * 30)}`,
    `expires="${futureDate(3600)}"`,
    "Expires=garbage",
    "Expires=Mon, 01 Jxx 2020 00:00:00 GMT",
    "Max-Age=0",
    "max-age=3600",
    "Max-Age=abc",
    "Max-Age",
    "Max-Age=-5",
    "Version=1",
    'Version="1"',
    "version=abc",
    "Port",
    'Port="80,8080"',
    "port=80",
    "Port=443",
    "port=8080, 80",
    "Comment=foo",
    "CommentURL=http://x",
    "Discard",
    "SameSite=Lax",
  ];
  const parts: string[] = [];
  if (r() < 0.9) parts.push(gb(r, ["a", "sid", "b"], names) + "=" + gb(r, ["1", "b"], values));
  else parts.push(pick(r, names));
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    parts.push(
      gb(
        r,
        ["Path=/", "Domain=.example.com", "Domain=example.com", "max-age=3600", "Secure", "Version=1"],
        attrs,
        0.4,
      ),
    );
  }
  return parts.join(pick(r, ["; ", ";", " ; "]));
}

function genSetCookie2(r: () => number): string {
  const parts = [`${pick(r, ["a", "sid", "c2"])}="${pick(r, ["b", "x y", "1"])}"`];
  const attrs = [
    'Version="1"',
    "Version=1",
    'Path="/acme"',
    "Path=/",
    'Domain=".example.com"',
    "Domain=example.com",
    'Domain=".acme.com"',
    'Port="80,8080"',
    "Port",
    "Max-Age=100",
    "Max-Age=0",
    "Discard",
    'Comment="x"',
    "Secure",
    `Expires=${futureDate(100)}`,
  ];
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) parts.push(pick(r, attrs));
  return parts.join("; ");
}

const POLICIES: DefaultCookiePolicyOptions[] = [
  {},
  { rfc2965: true },
  { rfc2965: true, rfc2109_as_netscape: false },
  { rfc2965: true, hide_cookie2: true },
  { netscape: false, rfc2965: true },
  { strict_domain: true },
  { strict_ns_domain: DefaultCookiePolicy.DomainStrict },
  { strict_ns_domain: DefaultCookiePolicy.DomainRFC2965Match },
  { strict_ns_domain: DefaultCookiePolicy.DomainStrictNoDots | DefaultCookiePolicy.DomainRFC2965Match },
  { strict_ns_set_initial_dollar: true, strict_ns_set_path: true },
  { strict_ns_unverifiable: true, rfc2965: true, strict_rfc2965_unverifiable: false },
  { blocked_domains: [".example.com", "192.168.1.10"] },
  { allowed_domains: ["example.com", ".example.co.uk", "acme.com"] },
  { secure_protocols: ["https"] },
];

const JAR_PY = PY_PRELUDE + `
class Req:
    def __init__(self, d):
        self.url = d["url"]; self.host = d["host"]; self.type = d["type"]
        self.unverifiable = d["unverifiable"]; self.origin_req_host = d["origin"]
        self.headers = dict(d["headers"])
    def get_full_url(self): return self.url
    def has_header(self, k): return k in self.headers
    def get_header(self, k, default=None): return self.headers.get(k, default)
    def header_items(self): return list(self.headers.items())
    def add_unredirected_header(self, k, v): self.headers[k] = v
class Msg:
    def __init__(self, pairs): self.pairs = pairs
    def get_all(self, name, failobj=None):
        r = [v for k, v in self.pairs if k.lower() == name.lower()]
        return r or failobj
class Resp:
    def __init__(self, pairs): self.m = Msg(pairs)
    def info(self): return self.m
def run(c):
    jar = CookieJar(DefaultCookiePolicy(**c["policy"]))
    log = []
    for st in c["steps"]:
        req = Req(st["req"])
        try:
            if st["op"] == "extract":
                jar.extract_cookies(Resp(st["headers"]), req)
                log.append(repr(jar))
            else:
                jar.add_cookie_header(req)
                log.append(sorted(req.headers.items()))
        except Exception as e:
            log.append(["err", type(e).__name__, str(e)])
    log.append([len(jar), str(jar)])
    return log
`;

interface JarCase {
  policy: DefaultCookiePolicyOptions;
  steps: { op: string; req: ReqSpec; headers?: [string, string][] }[];
}

function runJarCase(c: JarCase): unknown {
  const jar = new CookieJar(new DefaultCookiePolicy(c.policy));
  const log: unknown[] = [];
  for (const st of c.steps) {
    const req = new FakeRequest(st.req);
    try {
      if (st.op === "extract") {
        const msg = new HTTPMessage();
        for (const [k, v] of st.headers!) msg.set(k, v);
        jar.extract_cookies({ info: () => msg }, req);
        log.push(repr(jar));
      } else {
        jar.add_cookie_header(req);
        log.push(Object.entries(req.headers).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
      }
    } catch (e) {
      log.push(["err", (e as Error).name, (e as Error).message]);
    }
  }
  log.push([jar.size, String(jar)]);
  return log;
}

oracleTest(
  "http.cookiejar: extract_cookies / add_cookie_header on generated traffic match CPython",
  async () => {
    const r = rng(424242);
    const cases: JarCase[] = [];
    for (let i = 0; i < 2500; i++) {
      const policy = POLICIES[i % POLICIES.length];
      const host = pick(r, HOSTS);
      const steps: JarCase["steps"] = [];
      const n = 2 + Math.floor(r() * 4);
      for (let j = 0; j < n; j++) {
        const sub = pick(r, ["www.", "a.", ""]);
        const req = genRequest(
          r,
          r() < 0.8 ? host : r() < 0.5 ? sub + host.replace(/^www\./, "") : undefined,
        );
        if (r() < 0.55) {
          const headers: [string, string][] = [];
          const k = 1 + Math.floor(r() * 3);
          for (let m = 0; m < k; m++) {
            if (r() < 0.25) headers.push(["Set-Cookie2", genSetCookie2(r)]);
            else headers.push(["Set-Cookie", genSetCookie(r)]);
          }
          steps.push({ op: "extract", req, headers });
        } else steps.push({ op: "add", req });
      }
      cases.push({ policy, steps });
    }
    const theirs = await oracle(JAR_PY, cases);
    const ours = cases.map((c) => withFixedNow(() => capture(() => runJarCase(c))));
    compare(cases, ours, theirs);
    let stored = 0, sent = 0, sent2 = 0, errors = 0;
    for (const o of ours) {
      const log = (o as { ok: unknown[] }).ok;
      stored += (log[log.length - 1] as number[])[0];
      for (const e of log) {
        const s = JSON.stringify(e);
        if (s.includes('["Cookie",') && !s.includes("preset=1")) sent++;
        if (s.includes('["Cookie2",')) sent2++;
        if (s.startsWith('["err"')) errors++;
      }
    }
    console.log(
      `jar: ${cases.length} sessions; cookies kept ${stored}, Cookie headers ${sent}, Cookie2 ${sent2}, errors ${errors}`,
    );
    assert.ok(stored > 1000 && sent > 300 && sent2 > 20);
  },
);

// ---------------------------------------------------------------------------
// Policy methods and request helpers, called directly

const POLICY_PY = JAR_PY + `
from http.cookiejar import request_host, eff_request_host, request_path, request_port, is_third_party, reach, domain_match, user_domain_match, is_HDN, liberal_is_HDN, escape_path
NAMES = ["set_ok", "set_ok_version", "set_ok_verifiability", "set_ok_name", "set_ok_path", "set_ok_domain", "set_ok_port",
         "return_ok", "return_ok_version", "return_ok_verifiability", "return_ok_secure", "return_ok_expires", "return_ok_port", "return_ok_domain"]
def _t(f):
    try:
        return f()
    except Exception as e:
        return ["err", type(e).__name__, str(e)]
def run(c):
    pol = DefaultCookiePolicy(**c["policy"])
    pol._now = int(time.time())
    ck = Cookie(*c["cookie"])
    req = Req(c["req"])
    out = [_t(lambda: getattr(pol, n)(ck, req)) for n in NAMES]
    out.append(_t(lambda: pol.domain_return_ok(ck.domain, req)))
    out.append(_t(lambda: pol.path_return_ok(ck.path, req)))
    out.append(_t(lambda: [request_host(req), list(eff_request_host(req)), request_path(req), request_port(req), is_third_party(req)]))
    a, b = c["pair"]
    out.append([reach(a), domain_match(a, b), user_domain_match(a, b), is_HDN(a), liberal_is_HDN(a), _t(lambda: escape_path(a))])
    jar = CookieJar(pol)
    out.append(_t(lambda: (jar.set_cookie_if_ok(ck, req), repr(jar))[1]))
    jar.set_cookie(ck)
    out.append(_t(lambda: (jar.clear_expired_cookies(), len(jar))[1]))
    out.append(_t(lambda: (jar.clear_session_cookies(), len(jar))[1]))
    return out
`;

oracleTest(
  "http.cookiejar: policy checks and request helpers on generated cookies match CPython",
  async () => {
    const { Cookie, request_host, eff_request_host, request_path, request_port, is_third_party, reach } =
      await import(
        "../../http/cookiejar.ts"
      );
    const { domain_match, user_domain_match, is_HDN, liberal_is_HDN, escape_path } = await import(
      "../../http/cookiejar.ts"
    );
    const r = rng(31337);
    const domains = [
      ".example.com",
      "example.com",
      "www.example.com",
      ".com",
      ".co.uk",
      ".example.co.uk",
      "localhost.local",
      ".local",
      "192.168.1.10",
      ".168.1.10",
      "host",
      ".acme.com",
      "pythonicexample.com",
    ];
    const strs = [...domains, "", ".", "a..b", "x.local", "1.2.3.4", "/a b/%7e/%zz", "é.com", "/\ud800"];
    const cases: unknown[] = [];
    for (let i = 0; i < 3000; i++) {
      const domain = pick(r, domains);
      const port = pick(r, [null, null, "80", "80,8080", "443", "abc,80"]);
      const now = Math.floor(FIXED_NOW);
      const cookie = [
        pick(r, [0, 0, 1]),
        pick(r, ["a", "$a", "sid"]),
        pick(r, ["b", null, "x y"]),
        port,
        port !== null && r() < 0.7,
        domain,
        r() < 0.7,
        domain.startsWith(".") && r() < 0.5,
        pick(r, ["/", "/acme", "/acme/", "/a/b", "/any", "/x%20y"]),
        r() < 0.5,
        r() < 0.3,
        pick(r, [null, now + 100, now - 100, now]),
        r() < 0.5,
        null,
        null,
        {},
        false,
      ];
      cases.push({
        policy: POLICIES[i % POLICIES.length],
        cookie,
        req: r() < 0.6 ? genRequest(r, domain.startsWith(".") ? "www" + domain : domain) : genRequest(r),
        pair: [pick(r, strs), pick(r, strs)],
      });
    }
    const theirs = await oracle(POLICY_PY, cases);
    const names = [
      "set_ok",
      "set_ok_version",
      "set_ok_verifiability",
      "set_ok_name",
      "set_ok_path",
      "set_ok_domain",
      "set_ok_port",
      "return_ok",
      "return_ok_version",
      "return_ok_verifiability",
      "return_ok_secure",
      "return_ok_expires",
      "return_ok_port",
      "return_ok_domain",
    ] as const;
    const t = (f: () => unknown) => {
      try {
        return f();
      } catch (e) {
        return ["err", (e as Error).name, (e as Error).message];
      }
    };
    const ours =
      (cases as { policy: DefaultCookiePolicyOptions; cookie: unknown[]; req: ReqSpec; pair: string[] }[])
        .map((c) =>
          withFixedNow(() =>
            capture(() => {
              const pol = new DefaultCookiePolicy(c.policy);
              pol._now = Math.floor(Date.now() / 1000);
              const ck = new (Cookie as unknown as new (...a: unknown[]) => InstanceType<typeof Cookie>)(
                ...c.cookie,
              );
              const req = new FakeRequest(c.req);
              const out: unknown[] = names.map((n) => t(() => pol[n](ck, req)));
              out.push(t(() => pol.domain_return_ok(ck.domain, req)));
              out.push(t(() => pol.path_return_ok(ck.path, req)));
              out.push(
                t(() => [
                  request_host(req),
                  [...eff_request_host(req)],
                  request_path(req),
                  request_port(req),
                  is_third_party(req),
                ]),
              );
              const [a, b] = c.pair;
              out.push([
                reach(a),
                domain_match(a, b),
                user_domain_match(a, b),
                is_HDN(a),
                liberal_is_HDN(a),
                t(() => escape_path(a)),
              ]);
              const jar = new CookieJar(pol);
              out.push(t(() => (jar.set_cookie_if_ok(ck, req), repr(jar))));
              jar.set_cookie(ck);
              out.push(t(() => (jar.clear_expired_cookies(), jar.size)));
              out.push(t(() => (jar.clear_session_cookies(), jar.size)));
              return out;
            })
          )
        );
    compare(cases, ours, theirs);
    let accepted = 0, returned = 0;
    for (const o of ours) {
      const v = (o as { ok: unknown[] }).ok;
      if (v[0] === true) {
        accepted++;
      }
      if (v[7] === true) returned++;
    }
    console.log(`policy: ${cases.length} cases; set_ok true ${accepted}, return_ok true ${returned}`);
    assert.ok(accepted > 300 && returned > 300);
  },
);
