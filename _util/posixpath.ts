/**
 * The `posixpath` functions the web modules use (`normpath`, `splitext`),
 * with Python's exact results.
 *
 * @module
 */

/** Python's `posixpath.normpath(path)`. */
export function normpath(path: string): string {
  if (path === "") return ".";
  let initial = path.startsWith("/") ? 1 : 0;
  if (initial && path.startsWith("//") && !path.startsWith("///")) initial = 2;
  const comps: string[] = [];
  for (const comp of path.split("/")) {
    if (comp === "" || comp === ".") continue;
    if (comp !== ".." || (!initial && !comps.length) || (comps.length && comps[comps.length - 1] === "..")) {
      comps.push(comp);
    } else if (comps.length) comps.pop();
  }
  const joined = "/".repeat(initial) + comps.join("/");
  return joined || ".";
}

/** Python's `posixpath.splitext(p)`: leading dots of the last component are not an extension. */
export function splitext(p: string): [string, string] {
  const sep = p.lastIndexOf("/");
  const dot = p.lastIndexOf(".");
  if (dot > sep) {
    let f = sep + 1;
    while (f < dot && p[f] === ".") f++;
    if (f < dot) return [p.slice(0, dot), p.slice(dot)];
  }
  return [p, ""];
}
