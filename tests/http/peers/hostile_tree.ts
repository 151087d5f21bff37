// Builds the directory with hostile names that the listing and traversal tests serve.
export const HOSTILE_FILES: Record<string, string> = {
  "<script>alert(1)<%2Fscript>.txt": "xss\n",
  "<img src=x onerror=alert(1)>.txt": "xss2\n",
  "100%.txt": "percent\n",
  "%41%2e.txt": "encoded-looking\n",
  "a b.txt": "space\n",
  "café ☕.txt": "unicode\n",
  "日本語.html": "<p>nihongo</p>\n",
  "..foo": "dots\n",
  "...": "three dots\n",
  ".hidden": "hidden\n",
  "x&y.html": "<b>amp</b>\n",
  '"quoted".txt': "quote\n",
  "back\\slash.txt": "backslash\n",
  "a#b.txt": "hash\n",
  "q?.txt": "question\n",
  "CAPS.TXT": "caps\n",
  "c:..txt": "colon\n",
  "data.json": "{}\n",
  "style.css": "body{}\n",
  "app.js": "1\n",
  "img.png": "png\n",
  "arch.tar.gz": "gz\n",
  "noext": "none\n",
  "upper.PNG": "png\n",
  "sub dir/inner.txt": "inner\n",
  "sub dir/index.htm": "<p>index htm</p>\n",
  "日本語/ファイル.txt": "file\n",
  "evil.com/x.txt": "evil\n",
  "plain/one.txt": "one\n",
};

/** Create the tree under a new temp dir; returns [root, served] where served = root/www. */
export async function makeHostileTree(): Promise<[string, string]> {
  const root = await Deno.makeTempDir({ prefix: "pyweb_srv_" });
  const www = `${root}/www`;
  await Deno.mkdir(www);
  for (const [name, body] of Object.entries(HOSTILE_FILES)) {
    const p = `${www}/${name}`;
    const dir = p.slice(0, p.lastIndexOf("/"));
    await Deno.mkdir(dir, { recursive: true });
    await Deno.writeTextFile(p, body);
  }
  await Deno.mkdir(`${www}/empty`);
  await Deno.symlink(`${www}/plain`, `${www}/link-to-dir`);
  await Deno.symlink(`${www}/data.json`, `${www}/link-to-file`);
  // Something outside the served directory that traversal must never reach.
  await Deno.writeTextFile(`${root}/secret.txt`, "TOP SECRET\n");
  const old = new Date("2020-01-02T03:04:05Z");
  for await (const e of Deno.readDir(www)) {
    if (e.isFile) await Deno.utime(`${www}/${e.name}`, old, old);
  }
  return [root, www];
}
