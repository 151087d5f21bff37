// deno bench -A bench/http_cookies_bench.ts — compare with the CPython numbers printed by the snippet below.
//
// PYTHONPATH=../shared/cpython314 python3.13 -m timeit -s 'from http.cookies import SimpleCookie; h = ...' 'SimpleCookie(h)'
import { SimpleCookie } from "../http/cookies.ts";
import {
  CookieJar,
  type CookieRequest,
  http2time,
  parse_ns_headers,
  split_header_words,
} from "../http/cookiejar.ts";
import { HTTPMessage } from "../_util/message.ts";

const HEADER = 'sid=abc123; theme=dark; lang="en-US"; tracking="a\\"b\\\\c"; $Path=/; cart=1,2,3; visits=42';
const SET_COOKIE =
  "sid=abc123; Path=/; Domain=.example.com; Expires=Wed, 09 Jun 2038 10:18:14 GMT; Secure; HttpOnly";

Deno.bench("SimpleCookie(header) load", () => {
  new SimpleCookie(HEADER);
});

const C = new SimpleCookie(HEADER);
C.get("sid")!.set("path", "/").set("max-age", 3600).set("samesite", "Lax");
Deno.bench("SimpleCookie.output()", () => {
  C.output();
});

Deno.bench("http2time (loose)", () => {
  http2time("Wednesday, 09-Jun-38 10:18:14 GMT");
});

Deno.bench("parse_ns_headers", () => {
  parse_ns_headers([SET_COOKIE]);
});

Deno.bench("split_header_words", () => {
  split_header_words(['a="b"; Version="1"; Path="/acme"; Port="80,8080"; Discard']);
});

const req: CookieRequest = {
  get_full_url: () => "http://www.example.com/acme/login",
  host: "www.example.com",
  type: "https",
  unverifiable: false,
  origin_req_host: "www.example.com",
  has_header: () => false,
  get_header: (_k, d = null) => d,
  add_unredirected_header: () => {},
};
const msg = new HTTPMessage();
for (let i = 0; i < 5; i++) msg.set("Set-Cookie", `c${i}=v${i}; ` + SET_COOKIE.slice(11));
Deno.bench("CookieJar extract_cookies (5 cookies) + add_cookie_header", () => {
  const jar = new CookieJar();
  jar.extract_cookies({ info: () => msg }, req);
  jar.add_cookie_header(req);
});
