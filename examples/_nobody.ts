/**
 * CGI scripts as `nobody`: a server running as root runs its CGI scripts as user `nobody`, as CPython's
 * `CGIHTTPRequestHandler` does. Our tutorial script is a Deno program, so when we are root, `nobody` needs a
 * `deno` it can reach (ours may live under /root) and a cache folder it can write. This prepares both in a
 * temporary folder and says how to remove it.
 *
 * @module
 */

/** The environment a CGI server needs for `nobody` to run Deno scripts, and how to clean up after it. */
export interface NobodyDeno {
  /** `PATH` and `DENO_DIR` for the server (empty when we are not root). */
  env: Record<string, string>;
  /** Remove the temporary folders. */
  cleanup(): Promise<void>;
}

/** Prepare a `deno` and a `DENO_DIR` that `nobody` can use, when this process runs as root. */
export async function denoForNobody(): Promise<NobodyDeno> {
  if (Deno.uid() !== 0) return { env: {}, cleanup: () => Promise.resolve() };
  const bin = await Deno.makeTempDir({ prefix: "pyweb_nobody_deno_" });
  const cache = await Deno.makeTempDir({ prefix: "pyweb_nobody_deno_dir_" });
  await Deno.chmod(bin, 0o755);
  await Deno.chmod(cache, 0o777);
  const exe = await Deno.realPath(Deno.execPath());
  try {
    await Deno.link(exe, `${bin}/deno`);
  } catch {
    await Deno.copyFile(exe, `${bin}/deno`);
    await Deno.chmod(`${bin}/deno`, 0o755);
  }
  return {
    env: { PATH: `${bin}:${Deno.env.get("PATH") ?? ""}`, DENO_DIR: cache },
    async cleanup() {
      for (const dir of [bin, cache]) await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}
