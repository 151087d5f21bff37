// The tutorial programs that use urllib.request, run as Python originals and as
// our ports against the same Python tutorial site, proxy and CGI server: same output.
import assert from "node:assert/strict";
import { findPython, oracleTest, SHARED } from "../_oracle.ts";
import { freePort, type Peer, startPython } from "./_peers.ts";

const TUTORIAL = SHARED + "tutorial";
const EXAMPLES = new URL("../../examples/", import.meta.url).pathname;

async function run(cmd: string, args: string[], cwd: string): Promise<string> {
  const out = await new Deno.Command(cmd, { args, cwd, stdout: "piped", stderr: "piped" }).output();
  const text = new TextDecoder().decode(out.stdout);
  if (!out.success) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${text}\n${new TextDecoder().decode(out.stderr)}`);
  }
  return text;
}

async function listFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const e of Deno.readDir(dir)) {
    const data = await Deno.readFile(`${dir}/${e.name}`);
    out[e.name] = Array.from(data.subarray(0, 64)).join(",") + `:${data.length}`;
  }
  return out;
}

async function withPeers(fn: (site: number, proxy: number, cgi: number) => Promise<void>): Promise<void> {
  const py3 = "python3";
  const peers: Peer[] = [];
  try {
    const site = freePort(), proxy = freePort(), cgi = freePort();
    peers.push(await startPython(py3, [`${TUTORIAL}/tutorial_site.py`, String(site)], site));
    peers.push(await startPython(py3, [`${TUTORIAL}/tutorial_proxy.py`, String(proxy)], proxy));
    peers.push(
      await startPython(py3, ["-m", "http.server", String(cgi), "--cgi", "--bind", "127.0.0.1"], cgi, {
        cwd: TUTORIAL,
      }),
    );
    await fn(site, proxy, cgi);
  } finally {
    for (const p of peers) await p.stop();
  }
}

oracleTest(
  "tutorial ports print what the Python programs print (urllib_request_tour, download_image, cgi_client, image_list)",
  async () => {
    assert.ok(findPython());
    await withPeers(async (site, proxy, cgi) => {
      const work = await Deno.makeTempDir();
      try {
        await Deno.mkdir(`${work}/py`);
        await Deno.mkdir(`${work}/ts`);
        const deno = Deno.execPath();
        const pairs: [string, string[], string, string[]][] = [
          ["urllib_request_tour.py", [String(site), String(proxy)], "urllib_request_tour.ts", [
            String(site),
            String(proxy),
          ]],
          ["download_image.py", [`127.0.0.1:${site}`], "download_image.ts", [`127.0.0.1:${site}`]],
          ["cgi_client.py", [String(cgi)], "cgi_client.ts", [String(cgi)]],
          ["image_list.py", [`http://127.0.0.1:${site}/`], "image_list.ts", [`http://127.0.0.1:${site}/`]],
        ];
        for (const [pyFile, pyArgs, tsFile, tsArgs] of pairs) {
          const [expected, actual] = await Promise.all([
            run("python3", [`${TUTORIAL}/${pyFile}`, ...pyArgs], `${work}/py`),
            run(deno, ["run", "-A", `${EXAMPLES}${tsFile}`, ...tsArgs], `${work}/ts`),
          ]);
          assert.ok(expected.length > 0);
          assert.equal(actual, expected, tsFile);
        }
        assert.deepEqual(await listFiles(`${work}/ts/DOWNLOAD`), await listFiles(`${work}/py/DOWNLOAD`));
      } finally {
        await Deno.remove(work, { recursive: true });
      }
    });
  },
);
