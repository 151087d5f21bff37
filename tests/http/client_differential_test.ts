// Differential test: the same http.client scenarios run through CPython 3.14's http.client
// (tests/http/peers/diff_client.py under the oracle python) and through pyweb, against the same
// raw-socket server (tests/http/peers/scripted_server.py: canned, broken and malicious responses,
// and /echo, which returns the exact request bytes received). Status, reason, version, header
// list, body pieces, connection state and exception class + message must all agree.
import assert from "node:assert/strict";
import { CPYTHON314, findPython, oracleTest } from "../_oracle.ts";
import { PEERS, startPythonPeer } from "./_peers.ts";
import { runScenario, type Scenario, SCENARIOS } from "./_scenarios.ts";

async function runPython(port: number, scenarios: Scenario[]): Promise<unknown[][]> {
  const child = new Deno.Command(findPython()!, {
    args: [PEERS + "diff_client.py"],
    env: { PYTHONPATH: CPYTHON314, PYTHONIOENCODING: "utf-8" },
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(JSON.stringify({ port, scenarios })));
  await w.close();
  const out = await child.output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

oracleTest(
  "http.client differential: CPython 3.14 vs pyweb on scripted, malicious and echo servers",
  async () => {
    const server = await startPythonPeer(PEERS + "scripted_server.py");
    try {
      const expected = await runPython(server.port, SCENARIOS);
      let agree = 0;
      const mismatches: string[] = [];
      for (let i = 0; i < SCENARIOS.length; i++) {
        const sc = SCENARIOS[i];
        const ours = JSON.parse(JSON.stringify(await runScenario(server.port, sc)));
        if (sc.divergent) {
          // gh-150743 caps (100 trailer lines, 100 interim responses) are newer than the oracle.
          assert.notDeepStrictEqual(ours, expected[i], sc.id);
          const last = ours[ours.length - 1] as { error?: string };
          assert.equal(last.error, "HTTPException", sc.id);
          continue;
        }
        try {
          assert.deepStrictEqual(ours, expected[i]);
          agree++;
        } catch {
          mismatches.push(
            `${sc.id}\n  cpython: ${JSON.stringify(expected[i])}\n  pyweb:   ${JSON.stringify(ours)}`,
          );
        }
      }
      const total = SCENARIOS.filter((s) => !s.divergent).length;
      console.log(`http.client differential: ${agree}/${total} scenarios agree`);
      if (mismatches.length) throw new Error(mismatches.slice(0, 15).join("\n"));
    } finally {
      await server.stop();
    }
  },
);
