// Child process for server_memory_test.ts: serve a directory with SimpleHTTPRequestHandler on a
// free port, print the port, and stop on SIGTERM.
import { SimpleHTTPRequestHandler, ThreadingHTTPServer } from "../../../http/server.ts";
import type { ServerAddress } from "../../../socketserver.ts";

const dir = Deno.args[0];
class Files extends SimpleHTTPRequestHandler {
  constructor(r: Deno.Conn, a: ServerAddress, s: ThreadingHTTPServer) {
    super(r, a, s, { directory: dir });
  }
  override log_message(): void {}
}
const server = new ThreadingHTTPServer(["127.0.0.1", 0], Files);
Deno.addSignalListener("SIGTERM", () => server.shutdown());
console.log(server.server_address[1]);
await server.serve_forever();
await server.server_close();
