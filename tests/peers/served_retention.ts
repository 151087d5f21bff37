// Child process for socketserver_test.ts (run with --v8-flags=--expose-gc): serve N connections
// one after another with TCPServer, then, while the server is still serving, collect garbage and
// print how many of the served connections and handlers are still reachable, as JSON.
import { StreamRequestHandler, TCPServer } from "../../socketserver.ts";

const N = Number(Deno.args[0] ?? 500);
const conns: WeakRef<object>[] = [];
const handlers: WeakRef<object>[] = [];

class Echo extends StreamRequestHandler {
  override async handle(): Promise<void> {
    conns.push(new WeakRef(this.request));
    handlers.push(new WeakRef(this));
    this.wfile.write(await this.rfile.readline());
  }
}

const server = new TCPServer(["127.0.0.1", 0], Echo);
const serving = server.serve_forever(0.05);
const port = server.server_address[1];
const line = new TextEncoder().encode("ping\n");
const buf = new Uint8Array(16);
for (let i = 0; i < N; i++) {
  const c = await Deno.connect({ hostname: "127.0.0.1", port });
  await c.write(line);
  while ((await c.read(buf)) !== null) { /* until the server closes */ }
  c.close();
}
// Let the last handler finish, then collect (a WeakRef is cleared after the turn that made it).
await new Promise((r) => setTimeout(r, 200));
const gc = (globalThis as { gc?: () => void }).gc!;
gc();
await new Promise((r) => setTimeout(r, 0));
gc();
const alive = (refs: WeakRef<object>[]) => refs.filter((r) => r.deref() !== undefined).length;
console.log(JSON.stringify({ served: conns.length, conns: alive(conns), handlers: alive(handlers) }));
await server.shutdown();
await serving;
await server.server_close();
