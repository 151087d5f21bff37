// `deno task demo`: start our ports of the tutorial site and proxy on free local ports, run every
// ported tutorial program against them, print what each prints, then stop everything.
// `deno task demo --serve` keeps the site, the graph app and the random-normal app running.
// Nothing outside this machine is contacted.

import { urlopen } from "@pyweb/std/urllib/request";
import { denoForNobody } from "./_nobody.ts";

const here = new URL(".", import.meta.url);
const path = (name: string) => decodeURIComponent(new URL(name, here).pathname);
const deno = Deno.execPath();

/** A free TCP port on 127.0.0.1 (bound and released at once). */
function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/** Wait until something accepts connections on `port` (at most 15 s). */
/** Wait until `port` answers; false if `child` exited first (say, another program took the port). */
async function waitForPort(port: number, name: string, child: Deno.ChildProcess): Promise<boolean> {
  let exited = false;
  child.status.then(() => exited = true);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && !exited) {
    try {
      const c = await Deno.connect({ hostname: "127.0.0.1", port });
      c.close();
      return !exited;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  if (exited) return false;
  throw new Error(`${name} did not start on port ${port}`);
}

interface Server {
  name: string;
  port: number;
  child: Deno.ChildProcess;
}
const servers: Server[] = [];

/** Start an example that serves on a port it takes as its first argument. */
async function startServer(
  name: string,
  script: string,
  args: string[] = [],
  cwd?: string,
  env?: Record<string, string>,
): Promise<Server> {
  // A free port can be taken by another program before our server binds it: then try another one.
  for (let attempt = 1;; attempt++) {
    const port = freePort();
    const child = new Deno.Command(deno, {
      args: ["run", "-A", path(script), String(port), ...args],
      cwd,
      env,
      stdin: "null",
      stdout: "null",
      stderr: "piped",
    }).spawn();
    const server = { name, port, child };
    servers.push(server);
    if (await waitForPort(port, name, child)) return server;
    servers.splice(servers.indexOf(server), 1);
    await child.stderr.cancel().catch(() => {});
    if (attempt === 3) throw new Error(`${name} exited before it served (3 ports tried)`);
  }
}

/** Clean-ups to run once every server has stopped. */
const cleanups: (() => Promise<void>)[] = [];

async function stopAll(): Promise<void> {
  for (const s of servers.splice(0)) {
    try {
      s.child.kill("SIGTERM");
    } catch { /* already gone */ }
    await s.child.stderr.cancel().catch(() => {});
    await s.child.status;
  }
  for (const fn of cleanups.splice(0)) await fn();
}

let failures = 0;

/** Run an example to completion and print its output under a heading. */
async function run(title: string, script: string, args: string[] = [], cwd?: string): Promise<void> {
  console.log(`\n=== ${title}: deno run -A examples/${script} ${args.join(" ")}`.trimEnd());
  const out = await new Deno.Command(deno, {
    args: ["run", "-A", path(script), ...args],
    cwd,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  await Deno.stdout.write(out.stdout);
  if (!out.success) {
    failures++;
    await Deno.stderr.write(out.stderr);
    console.log(`!!! ${script} exited with code ${out.code}`);
  }
}

/** GET a page from one of our servers with our urlopen and show its status and first lines. */
async function show(title: string, url: string, lines = 6): Promise<void> {
  console.log(`\n=== ${title}: GET ${url}`);
  try {
    const f = await urlopen(url);
    const text: string = (await f.read()).decode("utf-8");
    console.log(f.status, f.headers.get("Content-Type"));
    const body = text.split("\n").slice(0, lines).map((l) => l.length > 160 ? l.slice(0, 160) + "…" : l);
    console.log(body.join("\n"));
  } catch (e) {
    failures++;
    console.log(`!!! ${e}`);
  }
}

const serve = Deno.args.includes("--serve");
const work = await Deno.makeTempDir({ prefix: "pyweb-demo-" });

// SIGTERM (a service manager) and SIGINT (Ctrl-C) stop every child server and wait for it, then
// this program.
const listeners = (["SIGINT", "SIGTERM"] as const).map((sig) => [sig, () => void stop(sig)] as const);
for (const [sig, fn] of listeners) Deno.addSignalListener(sig, fn);
async function stop(sig: Deno.Signal): Promise<never> {
  await stopAll();
  await Deno.remove(work, { recursive: true }).catch(() => {});
  Deno.exit(serve ? 0 : sig === "SIGINT" ? 130 : 143); // a signal is how --serve is meant to end
}

try {
  if (serve) {
    const site = await startServer("tutorial site", "tutorial_site.ts");
    const graph = await startServer("graph app", "wsgi_graph.ts");
    const normal = await startServer("random-normal app", "random_normal.ts");
    console.log("Serving the tutorial (Ctrl-C or SIGTERM stops every server):");
    console.log(`  tutorial site      http://127.0.0.1:${site.port}/`);
    console.log(`  graph (WSGI)       http://127.0.0.1:${graph.port}/?start=-4&end=4`);
    console.log(`  random normal      http://127.0.0.1:${normal.port}/normal/0_1`);
    await new Promise<never>(() => {}); // until a signal stops everything
  } else {
    await run("urllib.parse", "urlparse_demo.ts");

    const site = await startServer("tutorial site", "tutorial_site.ts");
    const proxy = await startServer("tutorial proxy", "tutorial_proxy.ts");
    const siteUrl = `http://127.0.0.1:${site.port}/`;
    await run("html.parser + urlopen: image list", "image_list.ts", [siteUrl]);
    await run(
      "http.client + urlretrieve: image download",
      "download_image.ts",
      [`127.0.0.1:${site.port}`],
      work,
    );
    await run("http.client session", "httplib_session.ts", [String(site.port)]);
    await run("urllib.request tour (auth, cookies, proxy)", "urllib_request_tour.ts", [
      String(site.port),
      String(proxy.port),
    ]);

    // As root, the server runs script.ts as nobody (as CPython's does): give nobody a deno it can reach.
    const nobody = await denoForNobody();
    try {
      const cgi = await startServer(
        "CGI server",
        "../http/server.ts",
        ["--cgi", "-b", "127.0.0.1"],
        path("."),
        nobody.env,
      );
      await run("CGI form post", "cgi_client.ts", [String(cgi.port), "script.ts"]);
    } finally {
      cleanups.push(nobody.cleanup);
    }

    const hello = await startServer("WSGI hello", "my_wsgiserver.ts");
    await show("WSGI hello (make_server)", `http://127.0.0.1:${hello.port}/`);
    const graph = await startServer("WSGI graph", "wsgi_graph.ts");
    await show("WSGI graph form", `http://127.0.0.1:${graph.port}/?start=-3&end=3`);
    await show("WSGI graph plot", `http://127.0.0.1:${graph.port}/graph.svg?start=-3&end=3`, 1);
    const normal = await startServer("random-normal app", "random_normal.ts");
    await show("random normal page", `http://127.0.0.1:${normal.port}/normal/0_1`);
    await show("random normal plot", `http://127.0.0.1:${normal.port}/fig/0_1`, 1);
  }
} finally {
  await stopAll();
  await Deno.remove(work, { recursive: true }).catch(() => {});
  for (const [sig, fn] of listeners) Deno.removeSignalListener(sig, fn);
}
if (failures) {
  console.log(`\n${failures} demo step(s) failed`);
  Deno.exit(1);
}
console.log("\nAll tutorial programs ran; every server is stopped.");
