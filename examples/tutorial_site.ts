// Port of /work/shared/tutorial/tutorial_site.py — the local site every tutorial program talks to:
// static files from ./site, plus a few dynamic pages for the client tutorials.
// usage: deno task example:tutorial_site [port]   (TUTORIAL_SITE=<dir> overrides the site folder)
import { HTTPStatus } from "@pyweb/std/http";
import { SimpleCookie } from "@pyweb/std/http/cookies";
import { type ServerAddress, SimpleHTTPRequestHandler, ThreadingHTTPServer } from "@pyweb/std/http/server";

const SITE = Deno.env.get("TUTORIAL_SITE") ??
  decodeURIComponent(new URL("site", import.meta.url).pathname);
const STORE = new Map<string, string>();

class TutorialHandler extends SimpleHTTPRequestHandler {
  constructor(request: Deno.Conn, client_address: ServerAddress, server: ThreadingHTTPServer) {
    super(request, client_address, server, { directory: SITE });
  }

  send_text(status: number, text: string, extra: [string, string][] = []): void {
    const body = new TextEncoder().encode(text);
    this.send_response(status);
    this.send_header("Content-Type", "text/plain; charset=utf-8");
    this.send_header("Content-Length", String(body.length));
    for (const [name, value] of extra) this.send_header(name, value);
    this.end_headers();
    this.wfile.write(body);
  }

  override async do_GET(): Promise<void> {
    if (this.path === "/login.html") {
      const auth = this.headers.get("Authorization", "");
      if (auth !== "Basic " + btoa("lowell:opppennner!")) {
        this.send_text(HTTPStatus.UNAUTHORIZED, "login required", [
          ["WWW-Authenticate", 'Basic realm="PDQ Application"'],
        ]);
        return;
      }
      this.send_text(HTTPStatus.OK, "welcome, lowell");
    } else if (this.path === "/cookie") {
      const cookie = new SimpleCookie(this.headers.get("Cookie", ""));
      const visits = cookie.has("visits") ? parseInt(cookie.get("visits")!.value!, 10) + 1 : 1;
      const out = new SimpleCookie();
      out.set("visits", String(visits));
      out.get("visits")!.set("path", "/");
      this.send_text(HTTPStatus.OK, `visits=${visits}`, [["Set-Cookie", out.get("visits")!.OutputString()]]);
    } else if (this.path.startsWith("/file")) {
      if (!STORE.has(this.path)) {
        this.send_error(HTTPStatus.NOT_FOUND, "no such file");
        return;
      }
      this.send_text(HTTPStatus.OK, STORE.get(this.path)!);
    } else {
      await super.do_GET();
    }
  }

  async do_POST(): Promise<void> {
    const length = parseInt(this.headers.get("Content-Length", "0"), 10);
    const body = (await this.rfile.read(length)).decode("utf-8");
    this.send_text(HTTPStatus.OK, "you posted: " + body);
  }

  async do_PUT(): Promise<void> {
    const length = parseInt(this.headers.get("Content-Length", "0"), 10);
    STORE.set(this.path, (await this.rfile.read(length)).decode("utf-8"));
    this.send_text(HTTPStatus.OK, `stored ${length} bytes at ${this.path}`);
  }

  override log_message(_format: string, ..._args: unknown[]): void {}
}

if (import.meta.main) {
  const port = Deno.args.length > 0 ? parseInt(Deno.args[0], 10) : 8000;
  await new ThreadingHTTPServer(["127.0.0.1", port], TutorialHandler).serve_forever();
}
