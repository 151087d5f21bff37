// Serves one request whose handler raises, so a test can read handle_error's stderr block and the log lines.
import { BaseHTTPRequestHandler, HTTPServer } from "../../../http/server.ts";

class Boom extends BaseHTTPRequestHandler {
  do_GET(): void {
    if (this.path.startsWith("/ok")) {
      this.send_response(200);
      this.send_header("Content-Length", "2");
      this.end_headers();
      this.wfile.write(new TextEncoder().encode("ok"));
      return;
    }
    this.log_message("custom %s %d %r", "text", 42, "quote'd");
    throw new TypeError("boom");
  }
}

const server = new HTTPServer(["127.0.0.1", 0], Boom);
console.log("PORTS", server.server_address[1]);
for (let i = 0; i < 3; i++) await server.handle_request();
await server.server_close();
