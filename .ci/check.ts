// `deno task check`: every static check CI runs, over every entry point in deno.json.
const config = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
const entries: string[] = Object.values(config.exports as Record<string, string>);

const steps: [string, string[]][] = [
  ["fmt", ["fmt", "--check"]],
  ["lint", ["lint"]],
  ["type check", ["check", "."]],
  ["doc lint", ["doc", "--lint", ...entries]],
  ["publish dry run", ["publish", "--dry-run", "--allow-dirty"]],
];
let failed = 0;
for (const [name, args] of steps) {
  console.log(`== ${name}: deno ${args.join(" ")}`);
  const { success } = await new Deno.Command(Deno.execPath(), { args, stdout: "inherit", stderr: "inherit" })
    .output();
  if (!success) {
    console.log(`!! ${name} failed`);
    failed++;
  }
}
Deno.exit(failed ? 1 : 0);
