/**
 * Seeded generator of URL-ish strings and urllib.parse calls for the
 * differential test: random schemes, userinfo, IPv6/IPvFuture hosts, good
 * and bad ports, `%` escapes, `?&=;#`, backslashes, C0 controls, tabs and
 * newlines, NFKC hazards, non-ASCII text and a few lone surrogates.
 */

/** mulberry32: a small seeded PRNG. */
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

export class Gen {
  r: () => number;
  constructor(seed: number) {
    this.r = prng(seed);
  }
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  hextet(): string {
    const len = this.chance(0.05) ? 5 : 1 + this.int(4);
    let s = "";
    for (let i = 0; i < len; i++) s += this.pick([..."0123456789abcdefABCDEF"]);
    if (this.chance(0.02)) s += "g";
    return s;
  }

  ipv4(): string {
    const oct = () =>
      this.pick(["0", "1", "10", "127", "255", "256", "01", "999", "", "1a", String(this.int(256))]);
    const n = this.chance(0.85) ? 4 : this.pick([3, 5]);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(this.chance(0.8) ? String(this.int(256)) : oct());
    return parts.join(".");
  }

  ipv6(): string {
    const k = this.int(9);
    const parts: string[] = [];
    for (let i = 0; i < k; i++) parts.push(this.hextet());
    let s: string;
    if (this.chance(0.6) || k < 8) {
      const at = this.int(k + 1);
      s = parts.slice(0, at).join(":") + "::" + parts.slice(at).join(":");
    } else s = parts.join(":");
    if (this.chance(0.1)) s += ":" + this.ipv4();
    if (this.chance(0.05)) s = s.replace("::", ":::");
    if (this.chance(0.05)) s += "::";
    if (this.chance(0.1)) s += "%" + this.pick(["eth0", "", "1", "a%b", "tESt", "x/y"]);
    return s;
  }

  host(): string {
    const c = this.int(22);
    switch (c) {
      case 0:
        return "[" + this.ipv6() + "]";
      case 1:
        return "[" + this.pick(["::1", "fe80::1%eth0", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8", "2001:db8::"]) +
          "]";
      case 2:
        return "[v" + this.pick(["1", "F", "1a", "", "g", "1."]) + this.pick([".", ""]) +
          this.pick(["fe", "", "x:y", "a.b", "!$&"]) + "]";
      case 3:
        return "[" + this.ipv4() + "]";
      case 4:
        return this.pick(["[::1", "::1]", "a[::1]", "[::1]x", "[::1]]", "[[::1]", "x[", "]", "[]", "[:]"]);
      case 5:
        return this.ipv4();
      case 6:
        return this.pick(["\u2100", "a\uff03b", "ex\u2048ample", "\uff0f", "x\u00aay", "\u2488", "\ufe6b"]);
      case 7:
        return this.pick(["ÉXAMPLE.com", "İ.com", "ΣΑΣ", "straße.de", "ｅｘａｍｐｌｅ", "한국.kr", "\u1e9e"]);
      case 8:
        return this.pick(["xn--9ca", "%41", "a%zz", "", "a b", "a\\b", "h@st"]);
      default:
        return this.pick(["example.com", "EXAMPLE.COM", "a", "www.python.org", "localhost", "h-1.x"]);
    }
  }

  port(): string {
    if (this.chance(0.5)) return "";
    return ":" + this.pick([
      "",
      "80",
      "080",
      "0",
      "65535",
      "65536",
      "-1",
      "abc",
      "\u0663",
      "99999999999",
      " 80",
      "8\t0",
      "00000000000000000080",
      "1_0",
      "+1",
      "８０",
      String(this.int(70000)),
    ]);
  }

  userinfo(): string {
    if (this.chance(0.6)) return "";
    return this.pick(["user@", "user:pass@", ":@", "u%40x:p@", "a@b@", "é:ß@", "User:P:W@", "[::1]@", "u:@"]);
  }

  scheme(): string {
    return this.pick([
      "http",
      "https",
      "HTTP",
      "ftp",
      "file",
      "git+ssh",
      "svn+ssh",
      "mailto",
      "tel",
      "sip",
      "news",
      "x-y.z",
      "1abc",
      "a_b",
      "javascript",
      "itms-services",
      "ws",
      "h\ttp",
      "é",
      "data",
      "s",
      "",
    ]);
  }

  segment(): string {
    return this.pick([
      "",
      "a",
      "b",
      "..",
      ".",
      "b;p",
      "c;x=1;y",
      "%2e%2E",
      "%zz",
      "%",
      "%4",
      "%41",
      "%C3%A9",
      "%ff",
      "é",
      "\\",
      " ",
      "a b",
      "~u",
      "+",
      "%2F",
      "@",
      ":",
      "[x]",
      "\u2100",
    ]);
  }

  query(): string {
    const n = this.int(5);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const k = this.pick([
        "a",
        "b",
        "",
        "a+b",
        "%41",
        "k%zz",
        "é",
        "__proto__",
        "constructor",
        "x%20y",
        "%E9",
      ]);
      const v = this.pick(["1", "", "x+y", "%2B", "%", "%ff%fe", "a=b", "é", "%C3%A9", "v;w"]);
      const eq = this.chance(0.85) ? "=" : "";
      parts.push(k + eq + (eq ? v : ""));
    }
    return parts.join(this.pick(["&", "&", "&", ";", "&&", "&;"]));
  }

  noise(s: string): string {
    if (!this.chance(0.25)) return s;
    const chars = ["\t", "\n", "\r", "\x00", "\x01", "\x1f", " ", "\x7f", "\x0b", "\u3000"];
    const k = 1 + this.int(3);
    for (let i = 0; i < k; i++) {
      const at = this.int(s.length + 1);
      s = s.slice(0, at) + this.pick(chars) + s.slice(at);
    }
    if (this.chance(0.3)) s = this.pick([" ", "\x00", "\t ", "\x1f"]) + s;
    return s;
  }

  url(): string {
    if (this.chance(0.08)) {
      return this.pick([
        "",
        "#",
        "?",
        "//",
        "///",
        ":",
        "a:",
        "//[::1]",
        "?a=1#",
        "#f",
        "..",
        "../g",
        "/",
        ";x",
        "g?y#s",
      ]);
    }
    let s = "";
    const form = this.int(10);
    if (form < 6) {
      s = this.scheme() + this.pick(["://", "://", ":", ":/", "://", ":////"]) + this.userinfo() +
        this.host() +
        this.port();
    } else if (form < 8) {
      s = "//" + this.userinfo() + this.host() + this.port();
    } else if (form < 9) {
      s = this.scheme() + ":";
    }
    const segs = this.int(4);
    for (let i = 0; i < segs; i++) s += this.pick(["/", "/", "/", "\\", "//"]) + this.segment();
    if (form === 9 && this.chance(0.5)) s = s.replace(/^\//, "");
    if (this.chance(0.4)) s += "?" + this.query();
    if (this.chance(0.3)) s += "#" + this.pick(["", "f", "a#b", "x?y", "%23", "é", " s"]);
    if (this.chance(0.01)) s += "\ud800";
    return this.noise(s);
  }
}

/** Latin-1 bytes of a string whose code units are < 256 (others are dropped to "?"). */
export function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i] = c < 256 ? c : 0x3f;
  }
  return out;
}

/** One differential case: call `f(*a, **k)`; `qv` selects `quote_via=quote` for urlencode. */
export interface Case {
  f: string;
  a: unknown[];
  k?: Record<string, unknown>;
  qv?: string;
}

function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** The calls made for one generated URL. */
export function casesFor(g: Gen, url: string): Case[] {
  const out: Case[] = [];
  const other = g.url();
  const asciiish = g.chance(0.7);
  const bytesUrl = asciiish ? latin1([...url].filter((c) => c.charCodeAt(0) < 128).join("")) : latin1(url);
  const schemeArg = g.pick(["", "http", "HTTPS", " ftp\t", "x", "é"]);
  const allow = g.chance(0.7);
  // splitting
  out.push({ f: "urlsplit", a: [url] });
  out.push({ f: "urlparse", a: [url] });
  if (g.chance(0.5)) out.push({ f: g.pick(["urlsplit", "urlparse"]), a: [url, schemeArg, allow] });
  if (g.chance(0.3)) {
    out.push({
      f: g.pick(["urlsplit", "urlparse"]),
      a: [url],
      k: { scheme: schemeArg, allow_fragments: allow },
    });
  }
  if (g.chance(0.5)) out.push({ f: g.pick(["urlsplit", "urlparse"]), a: [bytesUrl] });
  if (g.chance(0.1)) out.push({ f: "urlsplit", a: [bytesUrl, g.pick(["", "x"])] });
  if (g.chance(0.2)) out.push({ f: "urlparse", a: [bytesUrl, latin1(schemeArg), allow] });
  // joining
  out.push({ f: "urljoin", a: [other, url] });
  if (g.chance(0.5)) {
    out.push({
      f: "urljoin",
      a: [url, g.pick(["../g", "g?y", "#s", "?", "#", "", "//h/p", "./", ".", "..", "g;x", "http:g", other])],
    });
  }
  if (g.chance(0.2)) out.push({ f: "urljoin", a: [url, other, false] });
  if (g.chance(0.1)) out.push({ f: "urljoin", a: [latin1(other), bytesUrl] });
  out.push({ f: "urldefrag", a: [url] });
  if (g.chance(0.1)) out.push({ f: "urldefrag", a: [bytesUrl] });
  // unsplitting (from a split of a clean URL, mutated)
  if (g.chance(0.4)) {
    const parts = [
      g.scheme(),
      g.pick(["", "h", "u@h:1", "[::1]"]),
      g.pick(["", "p", "/p", "//p", "a/b"]),
      g.pick(["", "q=1"]),
      g.pick(["", "f"]),
    ];
    out.push({ f: "urlunsplit", a: [parts] });
    out.push({ f: "urlunparse", a: [[...parts.slice(0, 3), g.pick(["", "x"]), ...parts.slice(3)]] });
    if (g.chance(0.2)) out.push({ f: "urlunsplit", a: [parts.map((p) => latin1(p))] });
  }
  // query strings
  const qs = g.chance(0.5) ? g.query() : url;
  const qk: Record<string, unknown> = {};
  if (g.chance(0.3)) qk.keep_blank_values = true;
  if (g.chance(0.15)) qk.strict_parsing = true;
  if (g.chance(0.15)) qk.max_num_fields = g.int(5);
  if (g.chance(0.15)) qk.separator = g.pick([";", "&", "&&", "", "é"]);
  if (g.chance(0.15)) qk.encoding = g.pick(["latin-1", "ascii", "utf-8"]);
  if (g.chance(0.1)) {
    qk.errors = g.pick(["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]);
  }
  out.push({ f: g.pick(["parse_qs", "parse_qsl"]), a: [qs], k: qk });
  if (g.chance(0.2)) {
    const bk = { ...qk };
    delete bk.encoding;
    delete bk.errors;
    out.push({ f: g.pick(["parse_qs", "parse_qsl"]), a: [bytesUrl], k: bk });
  }
  // quoting
  const qtext = g.chance(0.5) ? url : other;
  const quoteK: Record<string, unknown> = {};
  if (g.chance(0.4)) quoteK.safe = g.pick(["", "/", ":/?&=", "é~", "%", " "]);
  if (g.chance(0.2)) quoteK.encoding = g.pick(["latin-1", "ascii", "utf-8"]);
  if (g.chance(0.2)) {
    quoteK.errors = g.pick(["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace"]);
  }
  out.push({ f: g.pick(["quote", "quote_plus"]), a: [qtext], k: quoteK });
  if (g.chance(0.2)) {
    out.push({
      f: g.pick(["quote", "quote_plus"]),
      a: [utf8Bytes(qtext)],
      k: { safe: g.pick(["", "/", ":"]) },
    });
  }
  if (g.chance(0.2)) out.push({ f: "quote_from_bytes", a: [latin1(qtext), g.pick(["/", "", latin1(":é")])] });
  const uk: Record<string, unknown> = {};
  if (g.chance(0.3)) uk.encoding = g.pick(["latin-1", "ascii", "utf-8"]);
  if (g.chance(0.3)) {
    uk.errors = g.pick(["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]);
  }
  out.push({ f: g.pick(["unquote", "unquote_plus"]), a: [qtext], k: uk });
  if (g.chance(0.3)) out.push({ f: "unquote_to_bytes", a: [g.chance(0.5) ? qtext : latin1(qtext)] });
  if (g.chance(0.1)) out.push({ f: "unquote", a: [latin1(qtext)], k: uk });
  // urlencode
  if (g.chance(0.4)) {
    const n = g.int(4);
    const pairs: unknown[] = [];
    for (let i = 0; i < n; i++) {
      const key = g.pick<unknown>(["a", "é", "a b", "@n", 1, latin1("k&"), qtext.slice(0, 8)]);
      const val = g.pick<unknown>(["1", "x y", "é", 1234, true, null, ["1", "2"], [], latin1("b+"), qtext, [
        latin1("c"),
        5,
      ]]);
      pairs.push([key, val]);
    }
    const ek: Record<string, unknown> = {};
    if (g.chance(0.5)) ek.doseq = true;
    if (g.chance(0.3)) ek.safe = g.pick(["/", "", "@ "]);
    if (g.chance(0.2)) ek.encoding = g.pick(["latin-1", "ascii"]);
    if (g.chance(0.2)) ek.errors = g.pick(["strict", "ignore", "replace"]);
    out.push({ f: "urlencode", a: [pairs], k: ek, qv: g.chance(0.3) ? "quote" : undefined });
  }
  return out;
}
