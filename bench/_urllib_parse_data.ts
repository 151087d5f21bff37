/**
 * Real-looking inputs shared by the urllib.parse benchmarks: URLs with
 * userinfo, ports, IPv6 hosts, long paths, queries and fragments, relative
 * references, form queries and non-ASCII text, from a fixed seed.
 */

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTS = [
  "www.python.org",
  "docs.python.org:443",
  "api.github.com",
  "en.wikipedia.org",
  "user:secret@example.com:8080",
  "[2001:db8::1]:8443",
  "localhost:8000",
  "cdn.jsdelivr.net",
  "news.ycombinator.com",
  "blog.example.co.kr",
];
const SEGMENTS = [
  "wiki",
  "Python_(programming_language)",
  "repos",
  "denoland",
  "deno",
  "issues",
  "3",
  "library",
  "urllib.parse.html",
  "search",
  "index.html",
  "img",
  "2024",
  "06",
  "post-title-with-words",
  "v1",
  "users",
  "12345",
  "files",
  "report%20final.pdf",
];
const KEYS = ["q", "page", "lang", "sort", "utm_source", "utm_medium", "id", "ref", "filter", "limit"];
const VALUES = [
  "python+urllib",
  "2",
  "en",
  "desc",
  "newsletter",
  "email",
  "12345",
  "main",
  "a%26b",
  "50",
  "",
  "%ED%8C%8C",
];
const FRAGMENTS = ["", "", "section-2", "top", "L10-L20", "urllib.parse.urlsplit"];
const RELATIVE = [
  "../img/a.png",
  "page2.html",
  "/abs/path",
  "?q=1",
  "#frag",
  "../../x/y?z=1",
  "./",
  "sub/dir/",
];
const TEXTS = [
  "파이썬 웹/프로그래밍",
  "hello world",
  "/path/with spaces/and?query=1&x=y",
  "naïve café – résumé",
  "simple-ascii_path/segment",
  "a+b=c&d=e",
  "日本語のテキスト",
  "emoji 😀 test",
];

export interface BenchData {
  urls: string[];
  relative: string[];
  queries: string[];
  texts: string[];
  quoted: string[];
  forms: [string, string][][];
}

/** The same inputs on every run. */
export function benchData(n = 1000): BenchData {
  const r = prng(20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const urls: string[] = [], queries: string[] = [], forms: [string, string][][] = [];
  for (let i = 0; i < n; i++) {
    const segs = 1 + Math.floor(r() * 5);
    let path = "";
    for (let k = 0; k < segs; k++) path += "/" + pick(SEGMENTS);
    const nq = Math.floor(r() * 5);
    const q: string[] = [];
    const form: [string, string][] = [];
    for (let k = 0; k < nq; k++) {
      const key = pick(KEYS), value = pick(VALUES);
      q.push(key + "=" + value);
      form.push([key, decodeURIComponent(value.replace(/\+/g, " "))]);
    }
    const query = q.join("&");
    const frag = pick(FRAGMENTS);
    urls.push(
      pick(["https", "http", "https", "ftp"]) + "://" + pick(HOSTS) + path + (query ? "?" + query : "") +
        (frag ? "#" + frag : ""),
    );
    queries.push(query || "a=1&b=2");
    forms.push(form.length ? form : [["a", "1"]]);
  }
  const texts = Array.from({ length: n }, (_, i) => TEXTS[i % TEXTS.length] + " " + i);
  const quoted = texts.map((t) => encodeURIComponent(t).replace(/%2F/g, "/"));
  return { urls, relative: Array.from({ length: n }, () => pick(RELATIVE)), queries, texts, quoted, forms };
}
