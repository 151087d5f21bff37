// The graph application of examples/wsgi_graph.ts on Deno's own server: one worker per core on one
// port, HTTP/1.1 keep-alive. Where Python would run it under gunicorn or uWSGI.
// The tutorial port draws the seed's bare SVG line (so it prints what wsgi_graph.py prints); served for real,
// the plot gets what matplotlib draws by default — axes, ticks, tick labels and a title — and, as the
// matplotlib seed did with `plt.savefig(buf)`, the figure is kept in an io.BytesIO.
// usage: deno task serve:wsgi_graph   (deno serve -A --parallel --port 8051 examples/serve_graph.ts)
import { encode } from "@pyweb/std";
import { BytesIO } from "@pyweb/std/io";
import { parse_qs } from "@pyweb/std/urllib/parse";
import { fetch_handler } from "@pyweb/std/wsgi/fetch";
import type { StartResponse, WSGIEnvironment } from "@pyweb/std/wsgi/types";
import { line_svg } from "./_plot.ts";
import { application } from "./wsgi_graph.ts";

/** An integer query value as Python's `int()` reads it, or null (the tutorial app then answers as it does). */
function integer(s: string): number | null {
  const t = s.trim();
  return /^[+-]?\d+$/.test(t) ? parseInt(t, 10) : null;
}

/** wsgi_graph's application, with /graph.svg drawn on axes. */
export function graph_with_axes(environ: WSGIEnvironment, start_response: StartResponse): Uint8Array[] {
  if (environ["PATH_INFO"] !== "/graph.svg") return application(environ, start_response);
  const query = parse_qs((environ["QUERY_STRING"] as string | undefined) ?? "");
  const start = integer(query["start"]?.[0] ?? "-4");
  const end = integer(query["end"]?.[0] ?? "4");
  if (start === null || end === null) return application(environ, start_response);
  const x: number[] = [];
  for (let n = start; n < end + 1; n++) x.push(n);
  const y = x.map((n) => n ** 2);
  using buf = new BytesIO();
  buf.write(encode(line_svg(x, y, { width: 400, height: 300, title: "y = x ** 2" }), "utf-8"));
  const body = buf.getvalue();
  start_response("200 OK", [["Content-Type", "image/svg+xml"], ["Content-Length", String(body.length)]]);
  return [body];
}

export default { fetch: fetch_handler(graph_with_axes) } satisfies Deno.ServeDefaultExport;
