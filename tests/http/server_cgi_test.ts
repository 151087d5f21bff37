// CGIHTTPRequestHandler against CPython's: a shell CGI script prints its environment, argv and stdin;
// both servers serve the same folder and must answer the same requests identically (Date/Server aside).
import { freePort } from "../_oracle.ts";
import assert from "node:assert/strict";
import { CPYTHON314, findPython } from "../_oracle.ts";
import { fromLatin1, needOracle, normalize, rawExchange, waitForPort } from "./peers/_helpers.ts";

const ROOT = decodeURIComponent(new URL("../../", import.meta.url).pathname);

const SCRIPT = `#!/bin/sh
printf 'Content-Type: text/plain\\r\\n\\r\\n'
for v in GATEWAY_INTERFACE SERVER_PROTOCOL SERVER_PORT REQUEST_METHOD PATH_INFO PATH_TRANSLATED SCRIPT_NAME \\
  QUERY_STRING REMOTE_ADDR AUTH_TYPE REMOTE_USER CONTENT_TYPE CONTENT_LENGTH HTTP_REFERER HTTP_ACCEPT \\
  HTTP_USER_AGENT HTTP_COOKIE REMOTE_HOST; do
  eval "printf '%s=[%s]\\n' $v \\"\\\${$v-<unset>}\\""
done
printf 'argv=[%s]\\n' "$*"
if [ -n "$CONTENT_LENGTH" ]; then printf 'stdin=['; head -c "$CONTENT_LENGTH"; printf ']\\n'; fi
`;

Deno.test("CGIHTTPRequestHandler answers like CPython's (environment, argv, stdin, errors)", async () => {
  if (!needOracle()) return;
  const dir = await Deno.makeTempDir({ prefix: "pyweb_cgi_" });
  for (const d of ["cgi-bin", "htbin", "cgi-bin/sub"]) await Deno.mkdir(`${dir}/${d}`, { recursive: true });
  await Deno.writeTextFile(`${dir}/cgi-bin/env.sh`, SCRIPT);
  await Deno.writeTextFile(`${dir}/htbin/env.sh`, SCRIPT);
  await Deno.writeTextFile(`${dir}/cgi-bin/sub/env.sh`, SCRIPT);
  await Deno.writeTextFile(`${dir}/cgi-bin/noexec.sh`, SCRIPT);
  await Deno.writeTextFile(
    `${dir}/cgi-bin/fail.sh`,
    "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\nfailing'\nexit 3\n",
  );
  await Deno.writeTextFile(`${dir}/plain.txt`, "plain\n");
  for (const f of ["cgi-bin/env.sh", "htbin/env.sh", "cgi-bin/sub/env.sh", "cgi-bin/fail.sh"]) {
    await Deno.chmod(`${dir}/${f}`, 0o755);
  }
  // CPython drops to user nobody before running a script: let it in.
  for (const d of ["", "/cgi-bin", "/htbin", "/cgi-bin/sub"]) await Deno.chmod(dir + d, 0o755);
  const [pyPort, ourPort] = [freePort(), freePort()];
  const py = new Deno.Command(findPython()!, {
    args: ["-m", "http.server", String(pyPort), "--cgi", "-b", "127.0.0.1", "-d", dir],
    env: { PYTHONPATH: CPYTHON314 },
    stdout: "null",
    stderr: "null",
  }).spawn();
  const ours = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ROOT + "http/server.ts", String(ourPort), "--cgi", "-b", "127.0.0.1", "-d", dir],
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    await waitForPort(pyPort);
    await waitForPort(ourPort);
    const requests = [
      "GET /cgi-bin/env.sh HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/env.sh?a=b&c=d HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/env.sh?word+other HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/env.sh/extra/path%20x?q HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/sub/env.sh/more HTTP/1.0\r\n\r\n",
      "GET /htbin/env.sh HTTP/1.0\r\n\r\n",
      "GET /cgi-bin//env.sh HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/./env.sh HTTP/1.0\r\n\r\n",
      "GET /x/../cgi-bin/env.sh HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/%2e%2e/cgi-bin/env.sh HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/..%2fplain.txt HTTP/1.0\r\n\r\n",
      // Climbing above the root raises IndexError in is_cgi(): no answer, never the script's source.
      "GET /../cgi-bin/env.sh HTTP/1.0\r\n\r\n",
      "GET /.. HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/missing.sh HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/noexec.sh HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/ HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/sub HTTP/1.0\r\n\r\n",
      "GET /cgi-bin/fail.sh HTTP/1.0\r\n\r\n",
      "GET /plain.txt HTTP/1.0\r\n\r\n",
      "HEAD /cgi-bin/env.sh HTTP/1.0\r\n\r\n",
      "POST /plain.txt HTTP/1.0\r\nContent-Length: 0\r\n\r\n",
      "POST /cgi-bin/env.sh HTTP/1.0\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 11\r\n\r\nhello=world",
      "POST /cgi-bin/env.sh?q=1 HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc",
      "GET /cgi-bin/env.sh HTTP/1.0\r\nAuthorization: Basic dXNlcjpwYXNz\r\nCookie: a=1\r\nCookie: b=2\r\n" +
      "Referer: http://r/\r\nUser-Agent: test-agent\r\nAccept: text/html\r\nAccept: */*\r\n\r\n",
      "GET /cgi-bin/env.sh HTTP/1.0\r\nAuthorization: Bearer token\r\n\r\n",
      "GET /cgi-bin/env.sh HTTP/1.0\r\nAuthorization: Basic !!!\r\n\r\n",
      // base64.decodebytes: missing padding fails, "=" inside is skipped, non-ASCII fails.
      "GET /cgi-bin/env.sh HTTP/1.0\r\nAuthorization: Basic dTp\r\n\r\n",
      "GET /cgi-bin/env.sh HTTP/1.0\r\nAuthorization: Basic d=Tpw\r\n\r\n",
      "GET /cgi-bin/env.sh HTTP/1.0\r\nAuthorization: Basic dT\xe9pw\r\n\r\n",
      "GET /cgi-bin/env.sh HTTP/1.0\r\nContent-Type: text/x; charset=utf-8\r\n\r\n",
    ];
    const failures: string[] = [];
    for (const req of requests) {
      const [a, b] = await Promise.all([rawExchange(pyPort, [req], 1500), rawExchange(ourPort, [req], 1500)]);
      const ta = normalize(fromLatin1(a.data)).replaceAll(`[${pyPort}]`, "[PORT]");
      const tb = normalize(fromLatin1(b.data)).replaceAll(`[${ourPort}]`, "[PORT]")
        .replace(/^Accept-Ranges: bytes\r\n/m, ""); // our documented extra header on files
      if (req.startsWith("GET /cgi-bin/env.sh HTTP")) assert.match(ta, /REQUEST_METHOD=\[GET\]/);
      if (ta !== tb) {
        failures.push(
          `${JSON.stringify(req)}\n  cpython: ${JSON.stringify(ta)}\n  ours:    ${JSON.stringify(tb)}`,
        );
      }
    }
    assert.deepEqual(failures, []);
    console.log(`CGI differential: ${requests.length}/${requests.length} requests agree`);
  } finally {
    py.kill("SIGTERM");
    ours.kill("SIGTERM");
    await py.status;
    await ours.status;
    await Deno.remove(dir, { recursive: true });
  }
});
