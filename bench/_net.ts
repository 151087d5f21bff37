// Shared by the wrk benches: wait for a server's port, and read a process tree's CPU time.
export { freePort } from "../tests/_oracle.ts";

/** Wait until `port` accepts a connection (20 s at most). */
export async function waitForPort(port: number): Promise<boolean> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      (await Deno.connect({ hostname: "127.0.0.1", port })).close();
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return false;
}

/** CPU seconds used so far by `pid` and its descendants (Linux /proc; 0 elsewhere). */
export function cpuSeconds(pid: number): number {
  try {
    const stats = new Map<number, [number, number]>();
    for (const e of Deno.readDirSync("/proc")) {
      if (!/^\d+$/.test(e.name)) continue;
      try {
        const text = Deno.readTextFileSync(`/proc/${e.name}/stat`);
        const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
        stats.set(Number(e.name), [Number(f[1]), Number(f[11]) + Number(f[12])]);
      } catch { /* gone */ }
    }
    const want = new Set([pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [p, [ppid]] of stats) if (want.has(ppid) && !want.has(p)) want.add(p), grew = true;
    }
    let total = 0;
    for (const p of want) total += stats.get(p)?.[1] ?? 0;
    return total / 100;
  } catch {
    return 0;
  }
}
