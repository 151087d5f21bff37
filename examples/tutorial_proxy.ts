// Port of /work/shared/tutorial/tutorial_proxy.py — a forwarding HTTP proxy that wants Basic proxy
// credentials, for the ProxyHandler tutorial. usage: deno run -A examples/tutorial_proxy.ts [port]
import { BaseHTTPRequestHandler, ThreadingHTTPServer } from "@pyweb/std/http/server";
import { build_opener, ProxyHandler as UrllibProxyHandler } from "@pyweb/std/urllib/request";

const CREDENTIALS = "Basic " + btoa("username:password");

class ProxyHandler extends BaseHTTPRequestHandler {
  async do_GET(): Promise<void> {
    if (this.headers.get("Proxy-Authorization") !== CREDENTIALS) {
      this.send_response(407);
      this.send_header("Proxy-Authenticate", 'Basic realm="proxy"');
      this.send_header("Content-Length", "0");
      this.end_headers();
      return;
    }
    await using upstream = await build_opener(new UrllibProxyHandler({})).open(this.path);
    const body = await upstream.read();
    this.send_response(upstream.status);
    this.send_header("Content-Type", upstream.headers.get("Content-Type", "application/octet-stream"));
    this.send_header("Content-Length", String(body.length));
    this.send_header("Via", "1.1 tutorial-proxy");
    this.end_headers();
    this.wfile.write(body);
  }

  override log_message(_format: string, ..._args: unknown[]): void {}
}

if (import.meta.main) {
  const port = Deno.args.length > 0 ? parseInt(Deno.args[0], 10) : 3128;
  await new ThreadingHTTPServer(["127.0.0.1", port], ProxyHandler).serve_forever();
}
