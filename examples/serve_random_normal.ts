// The random-normal application of examples/random_normal.ts on Deno's own server: one worker per
// core on one port, HTTP/1.1 keep-alive. Where Python would run it under gunicorn or uWSGI.
// usage: deno task serve:random_normal   (deno serve -A --parallel --port 5000 examples/serve_random_normal.ts)
import { fetch_handler } from "@pyweb/std/wsgi/fetch";
import { application } from "./random_normal.ts";

export default { fetch: fetch_handler(application) } satisfies Deno.ServeDefaultExport;
