// Port of /work/shared/tutorial/wsgi_graph.py — a form takes a range, the server draws
// y = x ** 2 and serves the picture as SVG at /graph.svg. usage: deno task example:wsgi_graph [port]
import { ValueError } from "@pyweb/std";
import { parse_qs } from "@pyweb/std/urllib/parse";
import { make_server } from "@pyweb/std/wsgi/simple_server";
import type { StartResponse, WSGIEnvironment } from "@pyweb/std/wsgi/types";

const TEMPLATE = (v: { start: number; end: number }) =>
  `<html><head><title>graph</title></head><body>
<form action="/" method="get">from <input name="start" value="${v.start}"> to <input name="end" value="${v.end}">
<input type="submit" value="draw"></form>
<img src="/graph.svg?start=${v.start}&amp;end=${v.end}" alt="graph">
</body></html>`;

/** Python's `'%.1f' % x` (ties round half to even, as CPython does). */
function f1(x: number): string {
  if (Number.isInteger(x * 4) && !Number.isInteger(x * 2)) {
    const lo = Math.floor(x * 10);
    return ((lo % 2 === 0 ? lo : lo + 1) / 10).toFixed(1);
  }
  return x.toFixed(1);
}

/** Python's `int(s)` for a query value: ValueError on anything else. */
function int(s: string): number {
  const t = s.trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(t)) throw new ValueError(`invalid literal for int() with base 10: '${s}'`);
  return Number(t.replaceAll("_", ""));
}

function min(xs: number[]): number {
  if (!xs.length) throw new ValueError("min() iterable argument is empty");
  return Math.min(...xs);
}

function max(xs: number[]): number {
  if (!xs.length) throw new ValueError("max() iterable argument is empty");
  return Math.max(...xs);
}

function plot_svg(xs: number[], ys: number[], width = 400, height = 300, pad = 30): string {
  const [x0, x1, y0, y1] = [min(xs), max(xs), min(ys), max(ys)];
  const sx = (x: number) => pad + (x - x0) * (width - 2 * pad) / ((x1 - x0) || 1);
  const sy = (y: number) => height - pad - (y - y0) * (height - 2 * pad) / ((y1 - y0) || 1);
  const grid = xs.map((x) =>
    `<line x1="${f1(sx(x))}" y1="${pad}" x2="${f1(sx(x))}" y2="${height - pad}" stroke="#ddd"/>`
  )
    .join("");
  const points = xs.map((x, i) => `${f1(sx(x))},${f1(sy(ys[i]))}`).join(" ");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${grid}` +
    `<polyline points="${points}" fill="none" stroke="#1f77b4" stroke-width="2"/></svg>`;
}

export function application(environ: WSGIEnvironment, start_response: StartResponse): Uint8Array[] {
  const query = parse_qs((environ["QUERY_STRING"] as string) ?? "");
  const start = int((query["start"] ?? ["-4"])[0]);
  const end = int((query["end"] ?? ["4"])[0]);
  if (environ["PATH_INFO"] === "/graph.svg") {
    const x: number[] = [];
    for (let n = start; n < end + 1; n++) x.push(n);
    const y = x.map((n) => n ** 2);
    const body = new TextEncoder().encode(plot_svg(x, y));
    start_response("200 OK", [["Content-Type", "image/svg+xml"], ["Content-Length", String(body.length)]]);
    return [body];
  }
  const body = new TextEncoder().encode(TEMPLATE({ start, end }));
  start_response("200 OK", [["Content-Type", "text/html; charset=utf-8"], [
    "Content-Length",
    String(body.length),
  ]]);
  return [body];
}

if (import.meta.main) {
  const port = Deno.args.length > 0 ? parseInt(Deno.args[0], 10) : 8051;
  const httpd = make_server("", port, application);
  await httpd.serve_forever();
}
