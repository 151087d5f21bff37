// `deno task demo` runs every ported tutorial program against our servers and exits 0; with
// `--serve` the graph page renders in headless Chromium with the plot visible.
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";

const demo = decodeURIComponent(new URL("../../examples/demo.ts", import.meta.url).pathname);
const inCI = Deno.env.get("CI") === "true";

Deno.test("deno task demo runs every tutorial program and stops every server", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", demo],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  assert.ok(out.success, text + new TextDecoder().decode(out.stderr));
  // One line each program prints, as its Python original prints it.
  for (
    const line of [
      "ParseResult(scheme='http', netloc='www.python.org:80', path='/guido/python.html', params='philosophy', query='overall=3', fragment='n10')",
      "img/photo.jpg",
      "Downloading... ",
      "404 File not found",
      "stored 18 bytes at /file",
      "welcome, lowell",
      "['visits=3']",
      "200 1.1 tutorial-proxy",
      "Welcome, CGI Scripts",
      "email is lowell2735@gmail.com",
      "This is a sample WSGI Application.",
      '<img src="/graph.svg?start=-3&amp;end=3" alt="graph">',
      "<h2>This is random normal image</h2>",
      "All tutorial programs ran; every server is stopped.",
    ]
  ) assert.ok(text.includes(line), `demo output lacks ${JSON.stringify(line)}:\n${text}`);
});

/** Decode an 8-bit RGB/RGBA, non-interlaced PNG (what Chromium writes) into RGBA pixels. */
function decodePng(data: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let off = 8, width = 0, height = 0, channels = 0;
  const idat: Uint8Array[] = [];
  while (off < data.length) {
    const len = view.getUint32(off);
    const type = new TextDecoder().decode(data.subarray(off + 4, off + 8));
    const body = data.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") {
      width = view.getUint32(off + 8);
      height = view.getUint32(off + 12);
      assert.equal(body[8], 8, "8-bit depth");
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      assert.ok(channels, "RGB or RGBA");
      assert.equal(body[12], 0, "not interlaced");
    } else if (type === "IDAT") idat.push(body);
    off += 12 + len;
  }
  const raw = new Uint8Array(inflateSync(Buffer.concat(idat)));
  const stride = width * channels;
  const pix = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pix[y * stride + x - channels] : 0;
      const b = y > 0 ? pix[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pix[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pix[y * stride + x] = v & 255;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) rgba[i * 4 + k] = pix[i * channels + k];
    rgba[i * 4 + 3] = channels === 4 ? pix[i * channels + 3] : 255;
  }
  return { width, height, rgba };
}

function haveChromium(): boolean {
  try {
    return new Deno.Command("chromium", { args: ["--version"], stdout: "null", stderr: "null" }).outputSync()
      .success;
  } catch {
    return false;
  }
}

Deno.test("demo --serve: the graph page renders its plot in headless Chromium", async () => {
  if (!haveChromium()) {
    if (inCI) throw new Error("chromium is needed: apt-get install chromium (.ci/peers.sh installs it)");
    return;
  }
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", demo, "--serve"],
    stdout: "piped",
    stderr: "null",
    stdin: "null",
  }).spawn();
  const tmp = await Deno.makeTempDir({ prefix: "pyweb-demo-shot-" });
  try {
    // Read until the demo has printed its three URLs, the random normal one last (bounded in time): each is
    // its own write, so they may come in separate reads.
    const reader = child.stdout.getReader();
    let text = "";
    const deadline = Date.now() + 30_000;
    while (!/random normal\s+\S+\n/.test(text) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    reader.releaseLock();
    const url = /graph \(WSGI\)\s+(\S+)/.exec(text)?.[1];
    assert.ok(url, "the demo printed the graph URL:\n" + text);
    assert.match(text, /tutorial site\s+http:\/\/127\.0\.0\.1:\d+\//);
    assert.match(text, /random normal\s+http:\/\/127\.0\.0\.1:\d+\/normal\/0_1/);

    const png = `${tmp}/graph.png`;
    const shot = await new Deno.Command("chromium", {
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${tmp}/profile`,
        `--screenshot=${png}`,
        "--window-size=1200,800",
        url,
      ],
      stdout: "null",
      stderr: "piped",
    }).output();
    assert.ok(shot.success, new TextDecoder().decode(shot.stderr));
    const { width, height, rgba } = decodePng(await Deno.readFile(png));
    assert.equal(width, 1200);
    assert.equal(height, 800);
    // The plot's polyline is drawn in #1f77b4; count pixels close to it.
    let blue = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      if (
        Math.abs(rgba[i] - 0x1f) < 40 && Math.abs(rgba[i + 1] - 0x77) < 40 &&
        Math.abs(rgba[i + 2] - 0xb4) < 40
      ) {
        blue++;
      }
    }
    assert.ok(blue > 300, `the plot line is visible (${blue} plot-coloured pixels)`);
    if (Deno.env.get("PYWEB_KEEP_SCREENSHOT")) {
      await Deno.copyFile(png, Deno.env.get("PYWEB_KEEP_SCREENSHOT")!);
    }
  } finally {
    let running = true;
    try {
      child.kill("SIGINT");
    } catch {
      running = false; // it ended by itself: the failure above (if any) says why
    }
    await child.stdout.cancel().catch(() => {});
    const status = await child.status;
    if (running) assert.ok(status.success || status.signal === "SIGINT", "the demo stopped on Ctrl-C");
    await Deno.remove(tmp, { recursive: true });
  }
});
