// Port of /work/shared/tutorial/my_wsgiserver.py — a WSGI application on the reference server.
// usage: deno task example:my_wsgiserver [port]
import { b } from "@pyweb/std";
import { make_server } from "@pyweb/std/wsgi/simple_server";
import type { StartResponse, WSGIEnvironment } from "@pyweb/std/wsgi/types";

function my_app(_environ: WSGIEnvironment, start_response: StartResponse) {
  const status = "200 OK";
  const headers: [string, string][] = [["Content-Type", "text/plain"]];
  start_response(status, headers);

  const response = [b`This is a sample WSGI Application.`];

  return response;
}

if (import.meta.main) {
  const port = Deno.args.length > 0 ? parseInt(Deno.args[0], 10) : 8888;
  console.log(`Started WSGI Server on port ${port}...`);
  const server = make_server("", port, my_app);
  await server.serve_forever();
}
