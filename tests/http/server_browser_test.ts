// Headless Chromium renders our directory listing of hostile names: a non-trivial screenshot is
// produced, and the DOM shows every name as text (no injected element, no script run).
import assert from "node:assert/strict";
import { SimpleHTTPRequestHandler, ThreadingHTTPServer } from "../../http/server.ts";
import type { ServerAddress } from "../../socketserver.ts";
import { have, inCI } from "./peers/_helpers.ts";
import { HOSTILE_FILES, makeHostileTree } from "./peers/hostile_tree.ts";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function chromium(args: string[], profile: string): Promise<Deno.CommandOutput> {
  return await new Deno.Command("chromium", {
    args: [...FLAGS, `--user-data-dir=${profile}`, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
}

Deno.test("directory listing with hostile names renders in headless Chromium", async () => {
  if (!have("chromium")) {
    if (inCI) throw new Error("chromium is needed: apt-get install chromium");
    return;
  }
  const [root, www] = await makeHostileTree();
  class Files extends SimpleHTTPRequestHandler {
    constructor(r: Deno.Conn, a: ServerAddress, s: ThreadingHTTPServer) {
      super(r, a, s, { directory: www });
    }
    override log_message(): void {}
  }
  const server = new ThreadingHTTPServer(["127.0.0.1", 0], Files);
  const serving = server.serve_forever(0.05);
  try {
    const url = `http://127.0.0.1:${server.server_address[1]}/`;
    const png = `${root}/listing.png`;
    const shot = await chromium(["--screenshot=" + png, "--window-size=1200,800", url], `${root}/profile1`);
    assert.ok(shot.success, new TextDecoder().decode(shot.stderr));
    const data = await Deno.readFile(png);
    assert.deepEqual([...data.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG");
    const view = new DataView(data.buffer, data.byteOffset);
    assert.equal(view.getUint32(16), 1200, "width");
    assert.equal(view.getUint32(20), 800, "height");
    assert.ok(data.length > 5000, `a non-trivial image (${data.length} bytes)`);
    if (Deno.env.get("PYWEB_KEEP_SCREENSHOT")) {
      await Deno.copyFile(png, Deno.env.get("PYWEB_KEEP_SCREENSHOT")!);
    }

    const dom = await chromium(["--dump-dom", url], `${root}/profile2`);
    const html = new TextDecoder().decode(dom.stdout);
    assert.match(html, /<title>Directory listing for \/<\/title>/);
    assert.ok(!/<script>alert|<img src/.test(html), "no element injected");
    assert.ok(
      html.includes("&lt;script&gt;alert(1)&lt;%2Fscript&gt;.txt") &&
        html.includes("&lt;img src=x onerror=alert(1)&gt;.txt"),
      "the hostile name is shown as text",
    );
    const topLevel = new Set(Object.keys(HOSTILE_FILES).map((n) => n.split("/")[0]));
    const items = html.match(/<li>/g)?.length ?? 0;
    assert.equal(items, topLevel.size + 3, "every entry listed (plus empty/, link-to-dir, link-to-file)");
    assert.ok(html.includes("café ☕.txt") && html.includes("日本語/"));
  } finally {
    await server.shutdown();
    await serving;
    await server.server_close();
    await Deno.remove(root, { recursive: true });
  }
});
