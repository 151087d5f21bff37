// set_debuglevel(1) output of pyweb's http.client, the port of debug_client.py line for line.
import { HTTPConnection } from "../../../http/client.ts";
import { print } from "../../../_util/repr.ts";

const port = Number(Deno.args[0]);
const conn = new HTTPConnection("127.0.0.1", port);
conn.set_debuglevel(1);
await conn.request("GET", "/k/ok");
const r = await conn.getresponse();
print(r.status, r.reason, await r.read());
await conn.request("GET", "/k/chunked_trailers");
print(await (await conn.getresponse()).read());
await conn.request("GET", "/k/continue");
print(await (await conn.getresponse()).read());
await conn.request("POST", "/echo", "x=1&y=\xe9", {
  "Content-Type": "application/x-www-form-urlencoded",
  "X-N": 5,
});
print(await (await conn.getresponse()).read());
await conn.request("POST", "/echo", [
  new TextEncoder().encode("ab"),
  new Uint8Array(0),
  new TextEncoder().encode("cd"),
]);
print(await (await conn.getresponse()).read());
await conn.request("HEAD", "/k/ok");
const h = await conn.getresponse();
print(await h.read(), h.getheaders());
conn.close();
