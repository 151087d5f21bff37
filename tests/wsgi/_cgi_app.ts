// A WSGI application run as a CGI script with our CGIHandler (the twin of
// tests/wsgi/peers/cgi_app.py). It echoes the request's CGI variables and body.
import { CGIHandler } from "../../wsgi/handlers.ts";
import type { InputStream, WSGIApplication } from "../../wsgi/types.ts";
import type { Tuple } from "../../_util/repr.ts";
import { ValueError } from "../../_util/exceptions.ts";

const KEEP = new Set([
  "REQUEST_METHOD",
  "PATH_INFO",
  "QUERY_STRING",
  "CONTENT_TYPE",
  "CONTENT_LENGTH",
  "SCRIPT_NAME",
  "HTTP_X_TEST",
  "SERVER_PROTOCOL",
]);

const app: WSGIApplication = async (environ, start_response) => {
  if (environ["PATH_INFO"] === "/fail") throw new ValueError("boom");
  const n = Number(environ["CONTENT_LENGTH"] || 0);
  const body = await (environ["wsgi.input"] as InputStream).read(n);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(environ).sort()) if (KEEP.has(k)) out[k] = environ[k];
  out["body"] = String.fromCharCode(...body);
  out["wsgi"] = [
    [...(environ["wsgi.version"] as Tuple<number>)],
    environ["wsgi.multithread"],
    environ["wsgi.multiprocess"],
    environ["wsgi.run_once"],
    environ["wsgi.url_scheme"],
  ];
  const sorted = Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
  start_response("200 OK", [["Content-Type", "application/json"]]);
  return [new TextEncoder().encode(JSON.stringify(sorted))];
};

await new CGIHandler().run(app);
