// http.client against real servers: nginx (keep-alive on one socket, large bodies, PUT byte for
// byte via its DAV module, HEAD, 404), CPython's http.server (HTTP/1.0 answers), and TLS with a
// test CA and a localhost leaf made by openssl (CPython's http.server --tls-cert), directly and
// through a CONNECT proxy. Every peer runs on 127.0.0.1 on a free port and is stopped at the end.
import assert from "node:assert/strict";
import {
  create_default_context,
  HTTPConnection,
  HTTPSConnection,
  SSLCertVerificationError,
} from "../../http/client.ts";
import { CPYTHON314, findPython } from "../_oracle.ts";
import { have, needs, PEERS, peerTest, startNginx, startPythonModule, startPythonPeer } from "./_peers.ts";

const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);

async function sha256(parts: Uint8Array[]): Promise<string> {
  let n = 0;
  for (const p of parts) n += p.length;
  const all = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    all.set(p, off);
    off += p.length;
  }
  return Array.from(
    new Uint8Array(await crypto.subtle.digest("SHA-256", all)),
    (b) => b.toString(16).padStart(2, "0"),
  )
    .join("");
}

async function makeSite(): Promise<{ root: string; big: Uint8Array }> {
  const root = await Deno.makeTempDir({ prefix: "pyweb_site_" });
  await Deno.writeTextFile(`${root}/small.txt`, "hello from nginx\n");
  const big = new Uint8Array(24 << 20);
  for (let i = 0; i < big.length; i += 65536) crypto.getRandomValues(big.subarray(i, i + 65536));
  await Deno.writeFile(`${root}/big.bin`, big);
  await Deno.mkdir(`${root}/up`);
  return { root, big };
}

const needNginx = (): string | null => needs.nginx();

peerTest("nginx: 200 keep-alive requests on one socket, HEAD, 404 and a 24 MB body", needNginx, async () => {
  const { root, big } = await makeSite();
  const ng = await startNginx(root, "", "add_header X-Conn $connection always;");
  try {
    const conn = new HTTPConnection("127.0.0.1", ng.port, { timeout: 10 });
    const connIds = new Set<string>();
    for (let i = 0; i < 200; i++) {
      await conn.request("GET", "/small.txt");
      const r = await conn.getresponse();
      assert.equal(r.status, 200);
      assert.equal(r.reason, "OK");
      assert.equal(r.version, 11);
      assert.equal(r.will_close, false);
      assert.equal(latin1(await r.read()), "hello from nginx\n");
      connIds.add(r.getheader("X-Conn")!);
    }
    assert.equal(connIds.size, 1, "every request went over the same TCP connection");
    await conn.request("HEAD", "/small.txt");
    const h = await conn.getresponse();
    assert.equal(h.getheader("Content-Length"), "17");
    assert.equal((await h.read()).length, 0);
    await conn.request("GET", "/missing");
    const nf = await conn.getresponse();
    assert.equal(nf.status, 404);
    assert.equal(nf.reason, "Not Found");
    assert.match(latin1(await nf.read()), /404 Not Found/);
    await conn.request("GET", "/big.bin");
    const r = await conn.getresponse();
    assert.equal(r.length, big.length);
    const parts: Uint8Array[] = [];
    for (;;) {
      const p = await r.read(65536);
      if (!p.length) break;
      parts.push(p);
    }
    assert.equal(await sha256(parts), await sha256([big]));
    assert.equal(connIds.has(r.getheader("X-Conn")!), true);
    conn.close();
  } finally {
    await ng.stop();
    await Deno.remove(root, { recursive: true });
  }
});

peerTest(
  "nginx: PUT bodies arrive byte for byte (bytes, text, file, chunked iterable)",
  needNginx,
  async () => {
    const { root } = await makeSite();
    const ng = await startNginx(
      root,
      "",
      "location /up/ { dav_methods PUT DELETE; create_full_put_path on; client_max_body_size 64m; }",
    );
    try {
      const conn = new HTTPConnection("127.0.0.1", ng.port, { timeout: 10 });
      const all = Uint8Array.from({ length: 256 * 40 }, (_, i) => i & 255);
      const put = async (
        name: string,
        body: Parameters<HTTPConnection["request"]>[2],
        expected: Uint8Array,
      ) => {
        await conn.request("PUT", `/up/${name}`, body);
        const r = await conn.getresponse();
        await r.read();
        assert.ok(r.status === 201 || r.status === 204, `PUT ${name}: ${r.status}`);
        assert.deepEqual(await Deno.readFile(`${root}/up/${name}`), expected);
        await conn.request("GET", `/up/${name}`);
        assert.deepEqual(new Uint8Array(await (await conn.getresponse()).read()), expected);
      };
      await put("bytes.bin", all, all);
      await put(
        "text.txt",
        "***filecontents*** caf\u00e9",
        Uint8Array.from("***filecontents*** caf\u00e9", (c) => c.charCodeAt(0)),
      );
      const f = await Deno.makeTempFile();
      await Deno.writeFile(f, all);
      const file = await Deno.open(f);
      await put("file.bin", file, all);
      file.close();
      await Deno.remove(f);
      await put("chunks.bin", [all.subarray(0, 1000), all.subarray(1000)], all);
      conn.close();
    } finally {
      await ng.stop();
      await Deno.remove(root, { recursive: true });
    }
  },
);

peerTest(
  "CPython http.server: HTTP/1.0 responses, reconnect per request, 404 reason",
  needs.python,
  async () => {
    const { root } = await makeSite();
    const srv = await startPythonModule((
      port,
    ) => ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root]);
    try {
      const conn = new HTTPConnection("127.0.0.1", srv.port, { timeout: 10 });
      for (let i = 0; i < 3; i++) {
        await conn.request("GET", "/small.txt");
        const r = await conn.getresponse();
        assert.equal(r.version, 10);
        assert.equal(r.will_close, true);
        assert.equal(latin1(await r.read()), "hello from nginx\n");
        assert.equal(conn.sock, null, "the socket went to the response");
      }
      await conn.request("GET", "/nope");
      const nf = await conn.getresponse();
      assert.equal(nf.status, 404);
      assert.equal(nf.reason, "File not found");
      assert.equal(nf.msg!.get_content_charset(), "utf-8");
      await nf.read();
      await conn.request("HEAD", "/");
      const h = await conn.getresponse();
      assert.equal(h.status, 200);
      assert.equal((await h.read()).length, 0);
      conn.close();
    } finally {
      await srv.stop();
      await Deno.remove(root, { recursive: true });
    }
  },
);

async function openssl(args: string[], cwd: string): Promise<void> {
  const out = await new Deno.Command("openssl", { args, cwd, stdout: "null", stderr: "piped" }).output();
  if (!out.success) throw new Error(`openssl ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
}

/** A test CA and two leaves it signed: localhost/127.0.0.1, and other.example only. */
async function makeCerts(dir: string): Promise<void> {
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  await openssl([
    "req",
    "-x509",
    ...ec,
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "2",
    "-subj",
    "/CN=pyweb test CA",
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign",
  ], dir);
  for (const [name, san] of [["leaf", "DNS:localhost,IP:127.0.0.1"], ["other", "DNS:other.example"]]) {
    await Deno.writeTextFile(
      `${dir}/${name}.ext`,
      `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`,
    );
    await openssl(
      ["req", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`],
      dir,
    );
    await openssl([
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      `${name}.pem`,
      "-days",
      "2",
      "-extfile",
      `${name}.ext`,
    ], dir);
  }
}

const needTls = (): string | null => needs.python() ?? needs.openssl();

peerTest(
  "HTTPS: test CA + localhost leaf; verification, hostname checks, CONNECT tunnel, CPython agrees",
  needTls,
  async () => {
    const dir = await Deno.makeTempDir({ prefix: "pyweb_tls_" });
    await makeCerts(dir);
    const { root } = await makeSite();
    const https = (cert: string) => (port: number) => [
      "-m",
      "http.server",
      String(port),
      "--bind",
      "127.0.0.1",
      "--directory",
      root,
      "--tls-cert",
      `${dir}/${cert}.pem`,
      "--tls-key",
      `${dir}/${cert}.key`,
    ];
    const good = await startPythonModule(https("leaf"));
    const other = await startPythonModule(https("other"));
    const proxy = await startPythonPeer(PEERS + "connect_proxy.py");
    try {
      const cafile = `${dir}/ca.pem`;
      const get = async (conn: HTTPConnection, path = "/small.txt") => {
        try {
          await conn.request("GET", path);
          const r = await conn.getresponse();
          return [r.status, r.reason, latin1(await r.read())];
        } finally {
          conn.close();
        }
      };
      const ok = [200, "OK", "hello from nginx\n"];
      const ctx = create_default_context({ cafile });
      assert.deepEqual(
        await get(new HTTPSConnection("localhost", good.port, { context: ctx, timeout: 10 })),
        ok,
      );
      assert.deepEqual(
        await get(new HTTPSConnection("127.0.0.1", good.port, { context: { cafile }, timeout: 10 })),
        ok,
      );
      assert.deepEqual(await get(new HTTPSConnection(`localhost:${good.port}`, { context: { cafile } })), ok);
      // Not trusted without the test CA: CPython's reason, verify_code and verify_message too.
      const failures: string[] = [];
      const describe = (e: unknown) => {
        assert.ok(e instanceof SSLCertVerificationError);
        failures.push(`${e.library} ${e.reason} ${e.verify_code} ${e.verify_message}`);
        return true;
      };
      await assert.rejects(get(new HTTPSConnection("localhost", good.port, { timeout: 10 })), describe);
      // The other leaf is valid for other.example only.
      await assert.rejects(
        get(new HTTPSConnection("127.0.0.1", other.port, { context: { cafile }, timeout: 10 })),
        (e) => describe(e) && /IP address mismatch/.test((e as Error).message),
      );

      const loose = create_default_context({ cafile });
      loose.check_hostname = false;
      assert.deepEqual(
        await get(new HTTPSConnection("127.0.0.1", other.port, { context: loose, timeout: 10 })),
        ok,
      );
      // Through a CONNECT proxy: TLS to localhost inside the tunnel.
      const tunnelled = new HTTPSConnection("127.0.0.1", proxy.port, { context: ctx, timeout: 10 });
      tunnelled.set_tunnel("localhost", good.port);
      assert.deepEqual(await get(tunnelled), ok);
      // CPython with the same CA sees the same.
      const py = await new Deno.Command(findPython()!, {
        args: [
          "-c",
          `import http.client, ssl, sys
ctx = ssl.create_default_context(cafile=sys.argv[1])
c = http.client.HTTPSConnection("localhost", int(sys.argv[2]), context=ctx, timeout=10)
c.request("GET", "/small.txt"); r = c.getresponse(); print(r.status, r.reason, repr(r.read()))
for host, port, context in [("localhost", sys.argv[2], None), ("127.0.0.1", sys.argv[3], ctx)]:
    c = http.client.HTTPSConnection(host, int(port), context=context, timeout=10)
    try:
        c.request("GET", "/small.txt")
    except ssl.SSLCertVerificationError as e:
        print(type(e).__name__, e.library, e.reason, e.verify_code, e.verify_message)`,
          cafile,
          String(good.port),
          String(other.port),
        ],
        env: { PYTHONPATH: CPYTHON314 },
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.equal(
        new TextDecoder().decode(py.stdout),
        "200 OK b'hello from nginx\\n'\n" + failures.map((f) => `SSLCertVerificationError ${f}\n`).join(""),
      );
    } finally {
      await proxy.stop();
      await good.stop();
      await other.stop();
      await Deno.remove(dir, { recursive: true });
      await Deno.remove(root, { recursive: true });
    }
  },
);

Deno.test("interop peers present", () => {
  // Under CI=true a missing nginx fails the tests above with an install hint; report what is here.
  console.log(`nginx: ${have("nginx") ?? "missing"}, openssl: ${have("openssl") ?? "missing"}`);
});
