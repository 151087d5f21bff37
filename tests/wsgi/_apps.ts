// The TypeScript twins of tests/wsgi/peers/wsgi_apps.py, served by our
// wsgi.simple_server in the differential test.

import { b } from "../../_util/bytes.ts";
import { Tuple, tuple } from "../../_util/repr.ts";
import { BytesIO } from "../../io.ts";
import { RuntimeError, ValueError } from "../../_util/exceptions.ts";
import { validator } from "../../wsgi/validate.ts";
import type { StartResponse, WSGIApplication, WSGIBody, WSGIEnvironment } from "../../wsgi/types.ts";
import type { FileWrapper } from "../../wsgi/util.ts";

const OS_KEYS = new Set(Object.keys(Deno.env.toObject()));
const enc = new TextEncoder();

function describe(v: unknown): unknown {
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Tuple) return [...v];
  return `<${typeof v}>`;
}

function environApp(environ: WSGIEnvironment, start_response: StartResponse): WSGIBody {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(environ)) if (!OS_KEYS.has(k)) out[k] = describe(v);
  out["wsgi.input"] = "<input>";
  out["wsgi.errors"] = "<errors>";
  out["wsgi.file_wrapper"] = "<file_wrapper>";
  const sorted = Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
  start_response("200 OK", [["Content-Type", "application/json"]]);
  return [enc.encode(JSON.stringify(sorted))];
}

const innerValid: WSGIApplication = (_e, start_response) => {
  start_response("200 OK", [["Content-Type", "text/plain"]]);
  return [b`valid`];
};
const innerBad: WSGIApplication = (_e, start_response) => {
  start_response("200 OK", [["Content-Type", "text/plain"], ["Bad Name", "x"]]);
  return [b`x`];
};

/** The test application: one behaviour per path. */
export const app: WSGIApplication = async (environ, start_response) => {
  const path = environ["PATH_INFO"] as string;
  switch (path) {
    case "/hello":
      start_response("200 OK", [["Content-Type", "text/plain"]]);
      return [b`Hello world`];
    case "/stream":
      return (async function* () {
        start_response("200 OK", [["Content-Type", "text/plain"]]);
        for (let i = 0; i < 3; i++) yield enc.encode(`chunk ${i}\n`);
      })();
    case "/write": {
      const write = start_response("200 OK", [["Content-Type", "text/plain"]]);
      write(b`written `);
      await write(b`directly`);
      return [];
    }
    case "/write_then_iter": {
      const write = start_response("200 OK", [["Content-Type", "text/plain"]]);
      write(b`first `);
      return [b`second`];
    }
    case "/raise_before":
      throw new ValueError("before start_response");
    case "/raise_after":
      start_response("200 OK", [["Content-Type", "text/plain"]]);
      throw new ValueError("after start_response");
    case "/raise_in_iter":
      return (function* () {
        start_response("200 OK", [["Content-Type", "text/plain"]]);
        yield b`partial`;
        throw new ValueError("in the body");
      })();
    case "/large": {
      start_response("200 OK", [["Content-Type", "application/octet-stream"]]);
      return Array.from({ length: 16 }, (_, i) => new Uint8Array(65536).fill(i % 251));
    }
    case "/large_one":
      start_response("200 OK", [["Content-Type", "application/octet-stream"]]);
      return [new Uint8Array(1 << 20).fill(120)];
    case "/file": {
      start_response("200 OK", [["Content-Type", "text/plain"]]);
      const Wrapper = environ["wsgi.file_wrapper"] as typeof FileWrapper;
      return new Wrapper(new BytesIO(enc.encode("file contents ".repeat(1000))), 4096);
    }
    case "/bad_status":
      start_response("200", [["Content-Type", "text/plain"]]);
      return [b`x`];
    case "/bad_status_digits":
      start_response("2x0 OK", [["Content-Type", "text/plain"]]);
      return [b`x`];
    case "/bad_status_ctrl":
      start_response("200 OK\r\nX-Injected: 1", [["Content-Type", "text/plain"]]);
      return [b`x`];
    case "/bad_header_value":
      start_response("200 OK", [["X-Bad", "a\r\nb"]]);
      return [b`x`];
    case "/bad_header_type":
      start_response("200 OK", [["X-Num", 5 as unknown as string]]);
      return [b`x`];
    case "/hop":
      start_response("200 OK", [["Connection", "keep-alive"]]);
      return [b`x`];
    case "/str_body":
      start_response("200 OK", [["Content-Type", "text/plain"]]);
      return ["text"] as unknown as Uint8Array[];
    case "/no_start":
      return [b`x`];
    case "/none":
      start_response("200 OK", [["Content-Type", "text/plain"]]);
      return null as unknown as Uint8Array[];
    case "/content_length":
      start_response("200 OK", [["Content-Type", "text/plain"], ["Content-Length", "5"]]);
      return [b`he`, b`llo`];
    case "/empty":
      start_response("204 No Content", []);
      return [];
    case "/two_chunks":
      start_response("200 OK", [["Content-Type", "text/plain"]]);
      return [b`one `, b`two`];
    case "/echo": {
      const n = Number(environ["CONTENT_LENGTH"] || 0);
      const data = await (environ["wsgi.input"] as BytesIO).read(n);
      start_response("200 OK", [["Content-Type", "application/octet-stream"]]);
      return [data];
    }
    case "/exc_info": {
      start_response("200 OK", [["Content-Type", "text/plain"]]);
      try {
        throw new RuntimeError("replace");
      } catch (e) {
        start_response("500 Oops", [["Content-Type", "text/plain"]], tuple(RuntimeError, e, null));
      }
      return [b`replaced`];
    }
    case "/double_start":
      start_response("200 OK", [["Content-Type", "text/plain"]]);
      start_response("200 OK", [["Content-Type", "text/plain"]]);
      return [b`x`];
    case "/headers":
      start_response("201 Created", [
        ["Content-Type", "text/plain"],
        ["X-A", "1"],
        ["x-a", "2"],
        ["Set-Cookie", "a=1"],
        ["Set-Cookie", "b=2"],
        ["Date", "fixed"],
      ]);
      return [b`hdrs`];
    case "/validated":
      return validator(innerValid)(environ, start_response);
    case "/validated_bad":
      return validator(innerBad)(environ, start_response);
  }
  if (path.startsWith("/environ")) return environApp(environ, start_response);
  start_response("404 Not Found", [["Content-Type", "text/plain"]]);
  const bytes = new Uint8Array([...path].map((c) => c.charCodeAt(0)));
  return [new Uint8Array([...b`not found: `, ...bytes])];
};
