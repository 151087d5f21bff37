// Port of /work/shared/tutorial/random_normal.py — /fig/<mean>_<var> draws a scatter of normal
// samples, /normal/<m>_<v> is a page that shows it, and every response carries no-cache headers.
// usage: deno task example:random_normal [port]
import { format_date_time } from "@pyweb/std/wsgi/handlers";
import { make_server } from "@pyweb/std/wsgi/simple_server";
import type { HeaderPair, StartResponse, WSGIApplication, WSGIEnvironment } from "@pyweb/std/wsgi/types";

const PAGE = (v: { mean: number; var: number; width: number; height: number }) =>
  `<html>
  <head>
    <title>random normal - ${v.mean}, ${v.var} </title>
  </head>
  <body>
    <h2>This is random normal image</h2>
    <img src="/fig/${v.mean}_${v.var}" alt="Image Placeholder" width=${v.width} height=${v.height}>
  </body>
</html>`;

/** Python's `random.gauss(mu, sigma)` (Box–Muller; the random numbers differ from CPython's). */
function gauss(mu: number, sigma: number): number {
  const u = 1 - Math.random();
  const v = Math.random();
  return mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Python's `'%.1f' % x` (ties round half to even, as CPython does). */
function f1(x: number): string {
  if (Number.isInteger(x * 4) && !Number.isInteger(x * 2)) {
    const lo = Math.floor(x * 10);
    return ((lo % 2 === 0 ? lo : lo + 1) / 10).toFixed(1);
  }
  return x.toFixed(1);
}

function nocache(app: WSGIApplication): WSGIApplication {
  return function no_cache(environ, start_response) {
    function start(status: string, headers: HeaderPair[]) {
      headers.push(
        ["Last-Modified", format_date_time(Date.now() / 1000)],
        ["Cache-Control", "no-store, no-cache, must-revalidate, post-check=0, pre-check=0, max-age=0"],
        ["Pragma", "no-cache"],
        ["Expires", "-1"],
      );
      return start_response(status, headers);
    }
    return app(environ, start as StartResponse);
  };
}

function scatter_svg(xs: number[], ys: number[], size = 300): string {
  const all = [...xs, ...ys];
  const [lo, hi] = [Math.min(...all), Math.max(...all)];
  const s = (v: number) => 10 + (v - lo) * (size - 20) / ((hi - lo) || 1);
  const dots = xs.map((x, i) =>
    `<circle cx="${f1(s(x))}" cy="${f1(size - s(ys[i]))}" r="6" fill="red" fill-opacity="0.3"/>`
  )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${dots}</svg>`;
}

export const application: WSGIApplication = nocache(
  function application(environ: WSGIEnvironment, start_response: StartResponse) {
    const path = environ["PATH_INFO"] as string;
    let m = /^\/fig\/(\d+)_(\d+)$/.exec(path);
    if (m) {
      const [mean, vari] = [parseInt(m[1], 10), parseInt(m[2], 10)];
      const xs = Array.from({ length: 100 }, () => gauss(mean, vari));
      const ys = Array.from({ length: 100 }, () => gauss(mean, vari));
      const body = new TextEncoder().encode(scatter_svg(xs, ys));
      start_response("200 OK", [["Content-Type", "image/svg+xml"]]);
      return [body];
    }
    m = /^\/normal\/(\d+)_(\d+)$/.exec(path);
    if (m) {
      const body = new TextEncoder().encode(
        PAGE({ mean: parseInt(m[1], 10), var: parseInt(m[2], 10), width: 800, height: 600 }),
      );
      start_response("200 OK", [["Content-Type", "text/html; charset=utf-8"]]);
      return [body];
    }
    start_response("404 Not Found", [["Content-Type", "text/plain"]]);
    return [new TextEncoder().encode("not found")];
  },
);

if (import.meta.main) {
  const port = Deno.args.length > 0 ? parseInt(Deno.args[0], 10) : 5000;
  await make_server("", port, application).serve_forever();
}
