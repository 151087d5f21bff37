// Child process for server_hello_memory_test.ts: a keep-alive hello server, ours (`ours`: a
// BaseHTTPRequestHandler on HTTPServer) or Deno's (`deno`: Deno.serve), on a free port; prints the port,
// stops on SIGTERM.
import { BaseHTTPRequestHandler, HTTPServer } from "../../../http/server.ts";

const HELLO = new TextEncoder().encode("Hello World!");
Deno.addSignalListener("SIGTERM", () => Deno.exit(0));
if (Deno.args[0] === "deno") {
  Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: ({ port }) => console.log(port) },
    () => new Response(HELLO, { headers: { "Content-Type": "text/plain" } }),
  );
} else {
  class Hello extends BaseHTTPRequestHandler {
    override protocol_version = "HTTP/1.1";
    do_GET(): void {
      this.send_response(200);
      this.send_header("Content-Type", "text/plain");
      this.send_header("Content-Length", String(HELLO.length));
      this.end_headers();
      this.wfile.write(HELLO);
    }
    override log_message(): void {}
  }
  const server = new HTTPServer(["127.0.0.1", 0], Hello);
  console.log(server.server_address[1]);
  await server.serve_forever();
}
