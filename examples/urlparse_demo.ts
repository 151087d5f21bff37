// Seed: "urllib.parse 모듈" — take a URL apart and put it back together.
import { print } from "@pyweb/std";
import { parse_qs, quote, unquote, urlencode, urljoin, urlparse, urlunparse } from "@pyweb/std/urllib/parse";

const result = urlparse("http://www.python.org:80/guido/python.html;philosophy?overall=3#n10");
print(result);
print(result.scheme, result.netloc, result.hostname, result.port);

const url = "http://www.example.com:80/services?category=2&kind=patents#n10";
const parts = urlparse(url);
print(parts.path, parse_qs(parts.query), parts.fragment);
print(urlunparse(["http", "www.example.com", "", "", "", ""]));
print(urljoin("http://blog.example.com/search/index.html", "../img/a b.png"));
print(urlencode({ "@number": 1234, "@type": "issue", "@action": "show" }));
print(quote("파이썬 웹/프로그래밍"), unquote("%ED%8C%8C%EC%9D%B4%EC%8D%AC"));
