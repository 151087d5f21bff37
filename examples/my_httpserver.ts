// Port of /work/shared/tutorial/my_httpserver.py — the smallest web server.
// usage: deno task example:my_httpserver [port]
import { BaseHTTPRequestHandler, HTTPServer } from "@pyweb/std/http/server";

class MyHandler extends BaseHTTPRequestHandler {
  do_GET() {
    this.wfile.write(new TextEncoder().encode("Hello World!")); // no status line: the tutorial's point is what this sends
  }
}

if (import.meta.main) {
  const port = Deno.args.length > 0 ? parseInt(Deno.args[0], 10) : 8888;
  const server = new HTTPServer(["", port], MyHandler);
  console.log(`Started WebServer on port ${port}...`);
  console.log("Press ^C to quit WebServer");
  await server.serve_forever();
}
