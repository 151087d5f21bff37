// Seed: "CGIHTTPServer 예시" (cgi_client.py) — POST a form to a CGI script.
// Run the server first, from shared/tutorial: python3 -m http.server 8888 --cgi
import { print } from "@pyweb/std";
import * as urllib_request from "@pyweb/std/urllib/request";
import { urlencode } from "@pyweb/std/urllib/parse";

const port = Deno.args.length > 0 ? parseInt(Deno.args[0]) : 8888;
// One addition to the original: an optional script name, so `deno task demo` can post to the
// TypeScript port of the script (examples/cgi-bin/script.ts) instead of the Python one.
const script = Deno.args.length > 1 ? Deno.args[1] : "script.py";
const url = `http://127.0.0.1:${port}/cgi-bin/${script}`;
const data = {
  language: "python",
  framework: "django",
  email: "lowell2735@gmail.com",
};

const encData = new TextEncoder().encode(urlencode(data));

const f = await urllib_request.urlopen(url, encData);
print((await f.read()).decode());
