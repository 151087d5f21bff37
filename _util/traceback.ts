/**
 * Python's `traceback.format_exc()` for our errors: one home for the text the
 * servers log and the cookiejar's "http.cookiejar bug!" warning carries.
 *
 * @module
 */

/**
 * A Python-style traceback text for `err`: its JavaScript frames as Python's `File "…", line N, in f` lines,
 * most recent last, then Python's `Name: message` line; `limit` keeps the last (or, negative, the first) frames.
 */
export function formatException(err: unknown, limit: number | null = null): string {
  if (!(err instanceof Error)) return `Traceback (most recent call last):\nException: ${String(err)}\n`;
  let frames: string[] = [];
  for (const line of (err.stack ?? "").split("\n").slice(1)) {
    const m = /^\s*at (?:(.*?) \()?(.*?):(\d+):\d+\)?$/.exec(line);
    if (m) frames.push(`  File "${m[2]}", line ${m[3]}, in ${m[1] ?? "<module>"}\n`);
  }
  frames.reverse();
  // Python's extract_tb: a positive limit keeps the outermost frames, a negative one the innermost.
  if (limit !== null) frames = limit >= 0 ? frames.slice(0, limit) : frames.slice(limit);
  const name = err.name || err.constructor?.name || "Error";
  const msg = String(err.message ?? "");
  return "Traceback (most recent call last):\n" + frames.join("") + (msg ? `${name}: ${msg}` : name) + "\n";
}
