// Start and stop the Python peers the urllib tests use.
import { freePort } from "../_oracle.ts";
export { freePort };
import { CPYTHON314, findPython } from "../_oracle.ts";

export interface Peer {
  port: number;
  stop(): Promise<void>;
}

async function waitForPort(portFile: string, child: Deno.ChildProcess): Promise<number> {
  for (let i = 0; i < 200; i++) {
    try {
      const t = (await Deno.readTextFile(portFile)).trim();
      if (t) return Number(t);
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill();
  await child.status;
  throw new Error("peer did not start");
}

/** Start tests/urllib/peers/scenario_server.py on a free port (HTTPS with a certificate and key). */
export async function startScenarioServer(tls?: { cert: string; key: string }): Promise<Peer> {
  const py = findPython();
  if (!py) throw new Error("no python");
  const dir = await Deno.makeTempDir();
  const portFile = dir + "/port";
  const script = new URL("./peers/scenario_server.py", import.meta.url).pathname;
  const child = new Deno.Command(py, {
    args: tls ? [script, portFile, tls.cert, tls.key] : [script, portFile],
    stdout: "null",
    stderr: "null",
    env: { PYTHONPATH: CPYTHON314 },
  }).spawn();
  const port = await waitForPort(portFile, child);
  return {
    port,
    async stop() {
      try {
        child.kill("SIGKILL");
      } catch {
        // already gone
      }
      await child.status;
      await Deno.remove(dir, { recursive: true });
    },
  };
}

/** Start a Python program (argv) that listens on `port`; wait until it accepts connections. */
export async function startPython(
  py: string,
  args: string[],
  port: number,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Peer> {
  const child = new Deno.Command(py, {
    args,
    stdout: "null",
    stderr: "null",
    cwd: options.cwd,
    env: options.env,
  })
    .spawn();
  for (let i = 0; i < 300; i++) {
    try {
      const c = await Deno.connect({ hostname: "127.0.0.1", port });
      c.close();
      return {
        port,
        async stop() {
          try {
            child.kill("SIGKILL");
          } catch {
            // already gone
          }
          await child.status;
        },
      };
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  child.kill("SIGKILL");
  await child.status;
  throw new Error(`${args.join(" ")} did not start`);
}
