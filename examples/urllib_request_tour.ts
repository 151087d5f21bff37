// Seed: "urlopen()을 이용한 다양한 처리" — GET, POST, a Request with headers, and the
// auth, cookie and proxy handlers. usage: urllib_request_tour.ts [site_port] [proxy_port]
import { print } from "@pyweb/std";
import * as urllib_request from "@pyweb/std/urllib/request";
import { HTTPError } from "@pyweb/std/urllib/error";
import { urlencode } from "@pyweb/std/urllib/parse";

const port = Deno.args.length > 0 ? parseInt(Deno.args[0]) : 8000;
const proxy_port = Deno.args.length > 1 ? parseInt(Deno.args[1]) : 3128;
const base = `http://127.0.0.1:${port}`;

let f = await urllib_request.urlopen(base + "/index.html");
print(f.status, f.getheader("Content-Type"), (await f.read(500)).length);

const data = new TextEncoder().encode(urlencode({ language: "python", framework: "django" }));
f = await urllib_request.urlopen(base + "/echo", data);
print((await f.read()).decode());

const req = new urllib_request.Request(base + "/echo", { data: new TextEncoder().encode("query=python") });
req.add_header("Content-Type", "text/plain");
print(req.get_method(), req.full_url, req.header_items());
print((await (await urllib_request.urlopen(req)).read(300)).decode());

try {
  await urllib_request.urlopen(base + "/parrot.spam");
} catch (e) {
  if (!(e instanceof HTTPError)) throw e;
  print("HTTPError", e.code, e.reason);
}

try {
  await urllib_request.urlopen(base + "/login.html");
} catch (e) {
  if (!(e instanceof HTTPError)) throw e;
  print("HTTPError", e.code, e.reason, e.headers.get("WWW-Authenticate"));
}

const auth_handler = new urllib_request.HTTPBasicAuthHandler();
auth_handler.add_password("PDQ Application", base + "/login.html", "lowell", "opppennner!");
let opener = urllib_request.build_opener(auth_handler);
urllib_request.install_opener(opener);
print((await (await urllib_request.urlopen(base + "/login.html")).read()).decode());

const cookie_handler = new urllib_request.HTTPCookieProcessor();
opener = urllib_request.build_opener(cookie_handler);
for (let i = 0; i < 3; i++) {
  print((await (await opener.open(base + "/cookie")).read()).decode());
}
print([...cookie_handler.cookiejar].map((c) => c.name + "=" + c.value));

const proxy_handler = new urllib_request.ProxyHandler({ http: `http://127.0.0.1:${proxy_port}/` });
const proxy_auth_handler = new urllib_request.ProxyBasicAuthHandler();
proxy_auth_handler.add_password("proxy", `127.0.0.1:${proxy_port}`, "username", "password");
opener = urllib_request.build_opener(proxy_handler, proxy_auth_handler);
const u = await opener.open(base + "/index.html");
print(u.status, u.getheader("Via"));
