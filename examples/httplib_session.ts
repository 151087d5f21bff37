// Seed: "http method에 따른 요청 방법" — GET, a 404, HEAD, POST and PUT over one HTTPConnection.
// Port of shared/tutorial/httplib_session.py: `deno task example:httplib_session 8000`
import { print } from "@pyweb/std";
import { HTTPConnection } from "@pyweb/std/http/client";
import { urlencode } from "@pyweb/std/urllib/parse";

const [host, port] = ["127.0.0.1", Deno.args.length > 0 ? parseInt(Deno.args[0]) : 8000];

let conn = new HTTPConnection(host, port);
await conn.request("GET", "/index.html");
const r1 = await conn.getresponse();
print(r1.status, r1.reason);
// deno-lint-ignore no-unused-vars
const data1 = await r1.read(); // read it all before the next request on this connection
await conn.request("GET", "/parrot.spam");
const r2 = await conn.getresponse();
print(r2.status, r2.reason);
// deno-lint-ignore no-unused-vars
const data2 = await r2.read();
conn.close();

conn = new HTTPConnection(host, port);
await conn.request("HEAD", "/index.html");
let res = await conn.getresponse();
print(res.status, res.reason);
const data = await res.read();
print(data.length, data.length === 0);
conn.close();

const params = urlencode({ "@number": 12524, "@type": "issue", "@action": "show" });
const headers = { "Content-type": "application/x-www-form-urlencoded", "Accept": "text/plain" };
conn = new HTTPConnection(host, port);
await conn.request("POST", "/echo", params, headers);
const response = await conn.getresponse();
print(response.status, response.reason);
print((await response.read()).decode());
conn.close();

conn = new HTTPConnection(host, port);
const BODY = "***filecontents***";
await conn.request("PUT", "/file", BODY);
res = await conn.getresponse();
print(res.status, res.reason);
print((await res.read()).decode());
conn.close();
