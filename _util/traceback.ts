/**
 * Python's `traceback.format_exc()` for our errors: one home for the text the
 * servers log and the cookiejar's "http.cookiejar bug!" warning carries.
 *
 * @module
 */

/** A Python-style traceback text for `err` (JavaScript frames, Python's last line). */
export function formatException(err: unknown, limit: number | null = null): string {
  if (err instanceof Error) {
    let frames = (err.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
    if (limit !== null) frames = limit >= 0 ? frames.slice(-limit || frames.length) : frames.slice(0, -limit);
    if (limit === 0) frames = [];
    const last = err.message === "" ? err.name : `${err.name}: ${err.message}`;
    return "Traceback (most recent call last):\n" +
      frames.reverse().map((l) => "  " + l.trim() + "\n").join("") + last + "\n";
  }
  return `Exception: ${String(err)}\n`;
}
