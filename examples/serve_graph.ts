// The graph application of examples/wsgi_graph.ts on Deno's own server: one worker per core on one
// port, HTTP/1.1 keep-alive. Where Python would run it under gunicorn or uWSGI.
// usage: deno task serve:wsgi_graph   (deno serve -A --parallel --port 8051 examples/serve_graph.ts)
import { fetch_handler } from "@pyweb/std/wsgi/fetch";
import { application } from "./wsgi_graph.ts";

export default { fetch: fetch_handler(application) } satisfies Deno.ServeDefaultExport;
