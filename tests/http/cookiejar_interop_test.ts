// Interop: cookie files shared with curl (a real client) over loopback, checked against CPython too.
import assert from "node:assert/strict";
import { type CookieRequest, MozillaCookieJar } from "../../http/cookiejar.ts";
import { HTTPMessage } from "../../_util/message.ts";
import { repr } from "../../_util/repr.ts";
import { haveOracle, oracle } from "../_oracle.ts";

const inCI = Deno.env.get("CI") === "true";

function haveCurl(): boolean {
  try {
    return new Deno.Command("curl", { args: ["--version"], stdout: "null", stderr: "null" }).outputSync()
      .success;
  } catch {
    return false;
  }
}

const SET_COOKIES = [
  "a=1; Path=/; Max-Age=3600",
  "b=two; Path=/; Expires=Wed, 09 Jun 2100 10:18:14 GMT",
  "c=3; Path=/sub; Max-Age=3600",
  "h=4; HttpOnly; Path=/; Max-Age=3600",
  'q="x y"; Path=/; Max-Age=3600',
  "s=session; Path=/",
];

function startServer(): Deno.HttpServer<Deno.NetAddr> {
  return Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
    const url = new URL(req.url);
    if (url.pathname === "/set") {
      const headers = new Headers();
      for (const c of SET_COOKIES) headers.append("Set-Cookie", c);
      return new Response("set", { headers });
    }
    return new Response(req.headers.get("Cookie") ?? "");
  });
}

function request(url: string): CookieRequest & { headers: Record<string, string> } {
  const u = new URL(url);
  const headers: Record<string, string> = {};
  return {
    headers,
    get_full_url: () => url,
    host: u.host,
    type: u.protocol.slice(0, -1),
    unverifiable: false,
    origin_req_host: u.hostname,
    has_header: (k) => k in headers,
    get_header: (k, d = null) => headers[k] ?? d,
    add_unredirected_header: (k, v) => void (headers[k] = v),
  };
}

async function curl(...args: string[]): Promise<string> {
  const out = await new Deno.Command("curl", { args: ["-s", "--max-time", "10", ...args], stdout: "piped" })
    .output();
  assert.ok(out.success, "curl failed");
  return new TextDecoder().decode(out.stdout);
}

Deno.test({
  name: "http.cookiejar: curl reads our cookies.txt, we (and CPython) read curl's",
  ignore: !haveCurl() && !inCI,
  async fn() {
    if (!haveCurl()) throw new Error("curl missing: run .ci/peers.sh (apt-get install curl)");
    const server = startServer();
    const dir = await Deno.makeTempDir();
    try {
      const base = `http://127.0.0.1:${server.addr.port}`;
      // 1. Our jar takes the server's cookies, saves them; curl sends them back.
      const res = await fetch(`${base}/set`);
      await res.body?.cancel();
      const msg = new HTTPMessage();
      for (const c of res.headers.getSetCookie()) msg.set("Set-Cookie", c);
      const jar = new MozillaCookieJar(`${dir}/ours.txt`);
      jar.extract_cookies({ info: () => msg }, request(`${base}/set`));
      assert.equal(jar.size, 6);
      await jar.save({ ignore_discard: true });
      // CPython's format writes an empty expiry for a session cookie, a line curl skips: `s` is not sent.
      const sent = (await curl("-b", `${dir}/ours.txt`, `${base}/echo`)).split("; ").sort();
      assert.deepEqual(sent, ["a=1", "b=two", "h=4", 'q="x y"']);
      const sentSub = (await curl("-b", `${dir}/ours.txt`, `${base}/sub/x`)).split("; ").sort();
      assert.deepEqual(sentSub, ["a=1", "b=two", "c=3", "h=4", 'q="x y"']);

      // 2. curl stores the cookies in its own file; we load it (session cookies have expiry 0 there).
      await curl("-c", `${dir}/curl.txt`, "-o", "/dev/null", `${base}/set`);
      const theirs = new MozillaCookieJar();
      await theirs.load(`${dir}/curl.txt`, { ignore_discard: true, ignore_expires: true });
      const loadedRepr = repr(theirs);
      const got = [...theirs].map((c) => `${c.name}=${c.value}@${c.domain}${c.path}`).sort();
      assert.deepEqual(got, [
        "a=1@127.0.0.1/",
        "b=two@127.0.0.1/",
        "c=3@127.0.0.1/sub",
        "h=4@127.0.0.1/",
        'q="x y"@127.0.0.1/',
        "s=session@127.0.0.1/",
      ]);
      assert.ok([...theirs].find((c) => c.name === "h")!.has_nonstandard_attr("HTTPOnly"));
      // curl's session cookies carry expiry 0, which CPython's jar (and ours) treats as expired: `s` stays home.
      const req = request(`${base}/echo`);
      theirs.add_cookie_header(req);
      assert.deepEqual(req.headers["Cookie"].split("; ").sort(), [
        "a=1",
        "b=two",
        "h=4",
        'q="x y"',
      ]);

      // 3. CPython loads curl's file the same way.
      if (haveOracle()) {
        const [py] = await oracle(
          `
from http.cookiejar import MozillaCookieJar
def run(c):
    j = MozillaCookieJar()
    j.load(c["path"], ignore_discard=True, ignore_expires=True)
    return repr(j)
`,
          [{ path: `${dir}/curl.txt` }],
        );
        assert.deepEqual(py, { ok: loadedRepr });
      } else if (inCI) throw new Error("CPython oracle missing");
    } finally {
      await server.shutdown();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
