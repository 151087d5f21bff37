// Starting and stopping the real peers the http.client tests talk to.
import { freePort } from "../_oracle.ts";
export { freePort };
import { CPYTHON314, findPython } from "../_oracle.ts";

export const inCI = Deno.env.get("CI") === "true";
export const PEERS = decodeURIComponent(new URL("./peers/", import.meta.url).pathname);

/** A started subprocess with its port; `stop()` kills it and waits. */
export interface Peer {
  port: number;
  stop(): Promise<void>;
}

async function readFirstLine(
  stream: ReadableStream<Uint8Array>,
): Promise<[string, ReadableStreamDefaultReader<Uint8Array>]> {
  const reader = stream.getReader();
  let text = "";
  const deadline = Date.now() + 15000;
  while (!text.includes("\n") && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  return [text.split("\n")[0].trim(), reader];
}

/** Wait until something accepts TCP connections on `port`. */
export async function waitForPort(port: number, ms = 15000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const c = await Deno.connect({ hostname: "127.0.0.1", port });
      c.close();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function python(): string {
  const py = findPython();
  if (!py) throw new Error("no CPython found: install python3.13 (pyenv) or set PYWEB_PYTHON");
  return py;
}

/** Run a Python peer that prints its port on its first line. */
export async function startPythonPeer(script: string, args: string[] = []): Promise<Peer> {
  const child = new Deno.Command(python(), {
    args: ["-u", script, ...args],
    env: { PYTHONPATH: CPYTHON314, PYTHONDONTWRITEBYTECODE: "1" },
    stdout: "piped",
    stderr: "null",
    stdin: "null",
  }).spawn();
  const [line, reader] = await readFirstLine(child.stdout);
  const port = Number(line);
  if (!port) {
    child.kill("SIGKILL");
    await child.status;
    throw new Error(`peer ${script} did not start`);
  }
  // Keep draining stdout so the child never blocks on a full pipe.
  const drain = (async () => {
    try {
      while (!(await reader.read()).done) { /* discard */ }
    } catch { /* closed */ }
  })();
  return {
    port,
    async stop() {
      try {
        child.kill("SIGKILL");
      } catch { /* already gone */ }
      await child.status;
      await drain;
    },
  };
}

/** Start CPython's own server module (e.g. `http.server`) on a free port with `args`. */
export async function startPythonModule(args: (port: number) => string[], cwd?: string): Promise<Peer> {
  const port = freePort();
  const child = new Deno.Command(python(), {
    args: args(port),
    cwd,
    env: { PYTHONPATH: CPYTHON314, PYTHONDONTWRITEBYTECODE: "1" },
    stdout: "null",
    stderr: "null",
    stdin: "null",
  }).spawn();
  try {
    await waitForPort(port);
  } catch (e) {
    child.kill("SIGKILL");
    await child.status;
    throw e;
  }
  return {
    port,
    async stop() {
      try {
        child.kill("SIGKILL");
      } catch { /* already gone */ }
      await child.status;
    },
  };
}

/** Is a program on PATH (or at an absolute path)? */
export function have(cmd: string): string | null {
  for (const dir of [...(Deno.env.get("PATH") ?? "").split(":"), "/usr/sbin", "/sbin"]) {
    const p = cmd.startsWith("/") ? cmd : `${dir}/${cmd}`;
    try {
      if (Deno.statSync(p).isFile) return p;
    } catch { /* not here */ }
  }
  return null;
}

/**
 * Start nginx with its own config in a temp dir (`daemon off`, own pid file
 * and logs) serving `root`; `extra` is added to the server block.
 */
export async function startNginx(
  root: string,
  extra = "",
  serverExtra = "",
): Promise<Peer & { dir: string }> {
  const bin = have("nginx");
  if (!bin) throw new Error("nginx missing: apt-get install nginx-light");
  const dir = await Deno.makeTempDir({ prefix: "pyweb_nginx_" });
  const port = freePort();
  // As root, nginx would hand requests to "nobody", who cannot read our 0700 temp dirs.
  const user = Deno.uid() === 0 ? "user root;" : "";
  const conf = `
${user}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 100000;
  sendfile on;
  ${extra}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    ${serverExtra}
  }
}
`;
  await Deno.writeTextFile(`${dir}/nginx.conf`, conf);
  const child = new Deno.Command(bin, {
    args: ["-p", dir, "-c", `${dir}/nginx.conf`],
    stdout: "null",
    stderr: "piped",
    stdin: "null",
  }).spawn();
  const errText = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
  const errDrain = (async () => {
    let s = "";
    try {
      for (;;) {
        const { value, done } = await errText.read();
        if (done) break;
        s += value;
      }
    } catch { /* closed */ }
    return s;
  })();
  try {
    await waitForPort(port, 10000);
  } catch (e) {
    child.kill("SIGKILL");
    await child.status;
    throw new Error(`nginx did not start: ${await errDrain} ${e}`);
  }
  return {
    port,
    dir,
    async stop() {
      try {
        child.kill("SIGQUIT");
      } catch { /* gone */ }
      const t = setTimeout(() => {
        try {
          child.kill("SIGKILL");
        } catch { /* gone */ }
      }, 3000);
      await child.status;
      clearTimeout(t);
      await errDrain;
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

/** Register a test that needs a peer program: skipped locally without it, failing under CI=true. */
export function peerTest(
  name: string,
  need: () => string | null,
  fn: () => Promise<void>,
  opts: { sanitizeOps?: boolean; sanitizeResources?: boolean } = {},
): void {
  const missing = need();
  if (missing && inCI) {
    Deno.test(name, () => {
      throw new Error(`peer missing: ${missing}`);
    });
    return;
  }
  Deno.test({ name, ignore: missing !== null, fn, ...opts });
}

/** What each peer needs, as an install hint (or null when present). */
export const needs = {
  python: (): string | null => findPython() ? null : "install python3.13 (pyenv) or set PYWEB_PYTHON",
  nginx: (): string | null => have("nginx") ? null : "apt-get install nginx-light (see .ci/peers.sh)",
  openssl: (): string | null => have("openssl") ? null : "apt-get install openssl",
  curl: (): string | null => have("curl") ? null : "apt-get install curl",
};
