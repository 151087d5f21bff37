// One HTTPServer program with allow_reuse_port, as a Python user would write it: several processes of it
// share one port (SO_REUSEPORT; Deno needs --unstable-net). Each answers with its own pid.
// usage: deno run -A --unstable-net tests/peers/reuse_port_server.ts <port>
import { BaseHTTPRequestHandler, HTTPServer } from "../../http/server.ts";

class ReusingServer extends HTTPServer {
  static override allow_reuse_port = true;
}

class WhoAmI extends BaseHTTPRequestHandler {
  do_GET() {
    const body = new TextEncoder().encode(String(Deno.pid));
    this.send_response(200);
    this.send_header("Content-Length", String(body.length));
    this.end_headers();
    this.wfile.write(body);
  }
  override log_message() {}
}

const httpd = new ReusingServer(["127.0.0.1", Number(Deno.args[0])], WhoAmI);
console.log("ready");
await httpd.serve_forever();
