// `deno task demo --serve` stopped with SIGTERM, as a service manager stops it, stops its three
// servers too (issue 16): the task exits and none of its descendant processes is left.

import assert from "node:assert/strict";

const root = decodeURIComponent(new URL("../../", import.meta.url).pathname);

/** The pids below `pid` (Linux /proc). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const e of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(e.name)) continue;
    try {
      const stat = Deno.readTextFileSync(`/proc/${e.name}/stat`);
      parent.set(Number(e.name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch { /* gone */ }
  }
  const out: number[] = [];
  const want = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of parent) {
      if (want.has(pp) && !want.has(p)) {
        want.add(p);
        out.push(p);
        grew = true;
      }
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

Deno.test({
  name: "deno task demo --serve: SIGTERM stops every server it started",
  ignore: Deno.build.os !== "linux",
  fn: async () => {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["task", "demo", "--serve"],
      cwd: root,
      env: { NO_COLOR: "1" },
      stdin: "null",
      stdout: "piped",
      stderr: "null",
    }).spawn();
    const reader = child.stdout.getReader();
    let text = "";
    const deadline = Date.now() + 30_000;
    while (!text.includes("random normal") && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    reader.releaseLock();
    void child.stdout.cancel();
    const below = descendants(child.pid);
    try {
      assert.match(text, /random normal/, "the demo did not start its servers");
      assert.ok(
        below.length >= 4,
        `expected the demo and its three servers, found ${below.length} processes`,
      );
      child.kill("SIGTERM");
      await child.status; // --serve ends this way: its exit status is 0
      let left = below.filter(alive);
      for (let i = 0; i < 50 && left.length; i++) {
        await new Promise((r) => setTimeout(r, 100));
        left = left.filter(alive);
      }
      assert.deepEqual(left, [], "processes left running after SIGTERM");
    } finally {
      for (const p of below.filter(alive)) {
        try {
          Deno.kill(p, "SIGKILL");
        } catch { /* gone */ }
      }
      try {
        child.kill("SIGKILL");
      } catch { /* gone */ }
      await child.status;
    }
  },
});
