// The served variants of the plot examples draw what matplotlib draws by default: axes with ticks, tick
// labels and a title (the tutorial ports keep the seeds' bare plots, to print what the Python programs print).
import assert from "node:assert/strict";
import { fetch_handler } from "../../wsgi/fetch.ts";
import { graph_with_axes } from "../../examples/serve_graph.ts";
import { normal_with_axes } from "../../examples/serve_random_normal.ts";

Deno.test("examples: serve_graph draws y = x ** 2 on axes with tick labels and a title", async () => {
  const r = await fetch_handler(graph_with_axes)(new Request("http://x/graph.svg?start=-3&end=3"));
  const svg = await r.text();
  assert.equal(r.status, 200);
  assert.equal(r.headers.get("content-type"), "image/svg+xml");
  assert.equal(r.headers.get("content-length"), String(new TextEncoder().encode(svg).length));
  assert.match(svg, />y = x \*\* 2</);
  for (const label of ["\u22123", "0", "3", "8"]) {
    assert.ok(svg.includes(`>${label}</text>`), `tick label ${label}`);
  }
  assert.match(svg, /<polyline points="[^"]+"/);
  // The form page is the tutorial app's own.
  const page = await fetch_handler(graph_with_axes)(new Request("http://x/?start=1&end=2"));
  assert.match(await page.text(), /value="1".*value="2"/s);
});

Deno.test("examples: serve_random_normal draws 100 red dots on axes, titled, still without caching", async () => {
  const r = await fetch_handler(normal_with_axes)(new Request("http://x/fig/5_2"));
  const svg = await r.text();
  assert.equal(r.status, 200);
  assert.equal(
    r.headers.get("cache-control"),
    "no-store, no-cache, must-revalidate, post-check=0, pre-check=0, max-age=0",
  );
  assert.match(svg, />random normal - 5, 2</);
  assert.equal((svg.match(/<circle /g) ?? []).length, 100);
  assert.match(svg, /fill="red" fill-opacity="0.3"/);
  const page = await fetch_handler(normal_with_axes)(new Request("http://x/normal/5_2"));
  assert.match(await page.text(), /<img src="\/fig\/5_2"/);
});
