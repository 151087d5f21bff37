// The random-normal application of examples/random_normal.ts on Deno's own server: one worker per
// core on one port, HTTP/1.1 keep-alive. Where Python would run it under gunicorn or uWSGI.
// The tutorial port draws the seed's bare dots (so it prints what random_normal.py prints); served for real,
// /fig/<mean>_<var> gets what matplotlib draws by default — axes, ticks, tick labels and a title — kept in an
// io.BytesIO as the matplotlib seed kept its figure.
// usage: deno task serve:random_normal   (deno serve -A --parallel --port 5000 examples/serve_random_normal.ts)
import { encode } from "@pyweb/std";
import { BytesIO } from "@pyweb/std/io";
import { fetch_handler } from "@pyweb/std/wsgi/fetch";
import type { StartResponse, WSGIEnvironment } from "@pyweb/std/wsgi/types";
import { scatter_svg } from "./_plot.ts";
import { application } from "./random_normal.ts";

/** Python's `random.gauss(mu, sigma)` (Box–Muller; the random numbers differ from CPython's). */
function gauss(mu: number, sigma: number): number {
  const u = 1 - Math.random();
  const v = Math.random();
  return mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** random_normal's application, with /fig/<mean>_<var> drawn on axes (still no-cache). */
export function normal_with_axes(environ: WSGIEnvironment, start_response: StartResponse) {
  const m = /^\/fig\/(\d+)_(\d+)$/.exec(environ["PATH_INFO"] as string);
  if (!m) return application(environ, start_response);
  // The tutorial app sets the no-cache headers; let it answer, then swap in the plot with axes.
  const [mean, vari] = [parseInt(m[1], 10), parseInt(m[2], 10)];
  const xs = Array.from({ length: 100 }, () => gauss(mean, vari));
  const ys = Array.from({ length: 100 }, () => gauss(mean, vari));
  using buf = new BytesIO();
  const svg = scatter_svg(xs, ys, {
    width: 300,
    height: 300,
    title: `random normal - ${mean}, ${vari}`,
    color: "red",
    alpha: 0.3,
    radius: 6,
  });
  buf.write(encode(svg, "utf-8"));
  const body = buf.getvalue();
  const bare = application(environ, start_response) as Iterable<Uint8Array> & { close?: () => void };
  bare.close?.();
  return [body];
}

export default { fetch: fetch_handler(normal_with_axes) } satisfies Deno.ServeDefaultExport;
