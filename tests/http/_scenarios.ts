// The http.client scenarios shared by the differential test: each is a list of steps that
// tests/http/peers/diff_client.py runs through CPython and runScenario() runs through pyweb.
import { BytesIO, StringIO } from "../../io.ts";
import {
  HTTPConnection,
  type HTTPResponse,
  type RequestBody,
  type RequestHeaders,
} from "../../http/client.ts";
import { str } from "../../_util/repr.ts";

export type BodySpec =
  | { str: string }
  | { bytes: string }
  | { chunks: string[] }
  | { gen: string[] }
  | { file: string }
  | { textfile: string }
  | { int: number }
  | null;

export type ValueSpec = string | { int: number } | { bytes: string };

export type Step =
  | {
    op: "request";
    method: string;
    url: string;
    body?: BodySpec;
    headers?: [string, ValueSpec][];
    encode_chunked?: boolean;
    continue?: boolean;
  }
  | {
    op: "putrequest";
    method: string;
    url: string;
    skip_host?: boolean;
    skip_accept_encoding?: boolean;
    continue?: boolean;
  }
  | { op: "putheader"; name: string; values: ValueSpec[]; continue?: boolean }
  | { op: "endheaders"; body?: BodySpec; encode_chunked?: boolean; continue?: boolean }
  | { op: "getresponse"; continue?: boolean }
  | { op: "read"; mode: string; continue?: boolean }
  | { op: "close"; continue?: boolean };

export interface Scenario {
  id: string;
  conn?: { timeout?: number; host?: string; hostport?: boolean; default_port_is_server?: boolean };
  steps: Step[];
  /** Cases where pyweb intentionally differs (a newer CPython security fix); see docs/divergences.md. */
  divergent?: boolean;
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const J = (v: Uint8Array): { $b: string } => ({ $b: String.fromCharCode(...v) });

function bodyOf(spec: BodySpec | undefined): RequestBody {
  if (spec === null || spec === undefined) return null;
  if ("str" in spec) return spec.str;
  if ("bytes" in spec) return latin1(spec.bytes);
  if ("chunks" in spec) return spec.chunks.map(latin1);
  if ("gen" in spec) {
    const items = spec.gen;
    return (function* () {
      for (const x of items) yield latin1(x);
    })();
  }
  if ("file" in spec) return new BytesIO(latin1(spec.file));
  if ("textfile" in spec) return new StringIO(spec.textfile);
  if ("int" in spec) return spec.int as unknown as RequestBody;
  throw new Error("bad body spec");
}

function valueOf(v: ValueSpec): string | number | Uint8Array {
  if (typeof v === "string") return v;
  if ("int" in v) return v.int;
  return latin1(v.bytes);
}

function responseInfo(r: HTTPResponse): unknown {
  return {
    status: r.status,
    reason: r.reason,
    version: r.version,
    headers: r.getheaders().map((t) => [...t]),
    will_close: r.will_close,
    length: r.length,
    chunked: r.chunked,
    charset: r.msg!.get_param("charset"),
    content_type: r.msg!.get_content_type(),
    getheader_dup: r.getheader("set-cookie"),
    defects: r.msg!.defects.map((d) => d.name),
  };
}

async function readAll(r: HTTPResponse, mode: string): Promise<unknown> {
  const out: unknown[] = [];
  if (mode === "all") out.push(J(await r.read()));
  else if (mode.startsWith("n:")) {
    const n = Number(mode.slice(2));
    for (let i = 0; i < 100000; i++) {
      const d = await r.read(n);
      out.push(J(d));
      if (!d.length) break;
    }
  } else if (mode === "lines") {
    for (let i = 0; i < 100000; i++) {
      const d = await r.readline();
      out.push(J(d));
      if (!d.length) break;
    }
  } else if (mode.startsWith("read1:")) {
    const n = Number(mode.slice(6));
    for (let i = 0; i < 100000; i++) {
      const d = await r.read1(n);
      out.push(J(d));
      if (!d.length) break;
    }
  } else if (mode.startsWith("readinto:")) {
    const n = Number(mode.slice(9));
    for (let i = 0; i < 100000; i++) {
      const buf = new Uint8Array(n);
      const k = await r.readinto(buf);
      out.push(J(buf.subarray(0, k)));
      if (!k) break;
    }
  } else if (mode === "peek") {
    const p = await r.peek();
    out.push(J(await r.read(p.length)));
    out.push(J(await r.read()));
  } else if (mode === "iter") {
    for await (const line of r) out.push(J(line));
  }
  return { data: out, isclosed: r.isclosed(), closed: r.closed, length: r.length };
}

function errorOf(e: unknown): { error: string; message: string } {
  if (e instanceof Error) return { error: e.name, message: str(e) };
  return { error: "unknown", message: String(e) };
}

/** Run one scenario through pyweb, in diff_client.py's result shape. */
export async function runScenario(port: number, sc: Scenario): Promise<unknown[]> {
  const results: unknown[] = [];
  const opts = sc.conn ?? {};
  const host = opts.host ?? "127.0.0.1";
  let Cls = HTTPConnection;
  if (opts.default_port_is_server) {
    Cls = class C extends HTTPConnection {
      static override default_port = port;
    };
  }
  const kw = opts.timeout !== undefined ? { timeout: opts.timeout } : {};
  let conn: HTTPConnection;
  try {
    conn = opts.hostport ? new Cls(`${host}:${port}`, kw) : new Cls(host, port, kw);
  } catch (e) {
    return [errorOf(e)];
  }
  let resp: HTTPResponse | null = null;
  try {
    for (const step of sc.steps) {
      try {
        switch (step.op) {
          case "request":
            await conn.request(
              step.method,
              step.url,
              bodyOf(step.body),
              (step.headers ?? []).map(([k, v]) => [k, valueOf(v)]) as RequestHeaders,
              step.encode_chunked ? { encode_chunked: true } : {},
            );
            results.push({ ok: step.op });
            break;
          case "putrequest":
            conn.putrequest(step.method, step.url, {
              skip_host: step.skip_host ?? false,
              skip_accept_encoding: step.skip_accept_encoding ?? false,
            });
            results.push({ ok: step.op });
            break;
          case "putheader":
            conn.putheader(step.name, ...step.values.map(valueOf));
            results.push({ ok: step.op });
            break;
          case "endheaders":
            await conn.endheaders(bodyOf(step.body), step.encode_chunked ? { encode_chunked: true } : {});
            results.push({ ok: step.op });
            break;
          case "getresponse":
            resp = await conn.getresponse();
            results.push(responseInfo(resp));
            break;
          case "read":
            results.push(await readAll(resp!, step.mode));
            break;
          case "close":
            conn.close();
            results.push({ ok: step.op });
            break;
        }
      } catch (e) {
        results.push(errorOf(e));
        if (!step.continue) break;
      }
    }
  } finally {
    conn.close();
    resp?.close();
  }
  return results;
}

const READ_MODES = [
  "all",
  "n:1",
  "n:3",
  "n:7",
  "n:64",
  "lines",
  "read1:4",
  "read1:100",
  "readinto:5",
  "peek",
  "iter",
];

const RESPONSE_CASES = [
  "ok",
  "multiline",
  "chunked",
  "chunked_ext",
  "chunked_trailers",
  "chunked_hex_prefix",
  "chunked_underscore",
  "chunked_upper",
  "chunked_bad_size",
  "chunked_short",
  "chunked_no_trailer_eof",
  "chunked_long_size",
  "chunked_negative",
  "continue",
  "continue_headers_flood",
  "early_hints",
  "switching",
  "too_many_headers",
  "exactly_99_headers",
  "long_header",
  "long_status",
  "bad_status_code",
  "status_99",
  "status_1000",
  "status_plus",
  "status_underscore",
  "status_no_reason",
  "status_spaces",
  "status_lf_only",
  "status_latin1",
  "bad_version",
  "only_version",
  "http2",
  "http09",
  "http10_close",
  "http10_keepalive",
  "http10_conn_keepalive",
  "http10_proxy_keepalive",
  "no_length_11",
  "close",
  "empty",
  "short_body",
  "huge_length",
  "length_negative",
  "length_nonnumeric",
  "length_and_chunked",
  "no_content",
  "not_modified",
  "folded",
  "duplicates",
  "no_colon",
  "charset",
  "empty_reason_ws",
  "lf_headers",
  "trailing_garbage",
];

/** Cases where pyweb applies gh-150743 (newer than the 3.14 oracle): they must differ. */
export const DIVERGENT_CASES = ["chunked_many_trailers", "continue_many"];

const ECHO_REQUESTS: Omit<Extract<Step, { op: "request" }>, "op">[] = [
  { method: "GET", url: "/echo" },
  { method: "GET", url: "" },
  { method: "HEAD", url: "/echo" },
  { method: "DELETE", url: "/echo?x=1&y=%20" },
  { method: "OPTIONS", url: "*" },
  { method: "POST", url: "/echo" },
  { method: "PUT", url: "/echo" },
  { method: "PATCH", url: "/echo" },
  { method: "post", url: "/echo" },
  { method: "POST", url: "/echo", body: { str: "a=1&b=2" } },
  { method: "POST", url: "/echo", body: { str: "caf\u00e9 \u00ff" } },
  { method: "POST", url: "/echo", body: { str: "snowman \u2603" } },
  { method: "POST", url: "/echo", body: { str: "" } },
  { method: "PUT", url: "/echo", body: { bytes: "***filecontents***" } },
  { method: "PUT", url: "/echo", body: { bytes: "\x00\x01\xff\r\n" } },
  { method: "GET", url: "/echo", body: { bytes: "body on GET" } },
  { method: "POST", url: "/echo", body: { chunks: ["ab", "", "cde", "f"] } },
  { method: "POST", url: "/echo", body: { gen: ["one", "two"] } },
  { method: "POST", url: "/echo", body: { file: "x".repeat(20000) } },
  { method: "POST", url: "/echo", body: { textfile: "text file \u00e9" } },
  { method: "POST", url: "/echo", body: { file: "" } },
  { method: "POST", url: "/echo", body: { chunks: ["ab", "cd"] }, headers: [["Content-Length", "4"]] },
  {
    method: "POST",
    url: "/echo",
    body: { chunks: ["ab", "cd"] },
    headers: [["Transfer-Encoding", "chunked"]],
    encode_chunked: true,
  },
  {
    method: "POST",
    url: "/echo",
    body: { bytes: "xyz" },
    headers: [["Transfer-Encoding", "chunked"]],
    encode_chunked: true,
  },
  { method: "POST", url: "/echo", body: { int: 5 } },
  { method: "POST", url: "/echo", body: { chunks: ["ok"] }, headers: [["content-length", "2"]] },
  {
    method: "GET",
    url: "/echo",
    headers: [["Content-type", "application/x-www-form-urlencoded"], ["Accept", "text/plain"]],
  },
  { method: "GET", url: "/echo", headers: [["Host", "example.com"]] },
  { method: "GET", url: "/echo", headers: [["HOST", "x"], ["accept-encoding", "gzip"]] },
  { method: "GET", url: "/echo", headers: [["X-Int", { int: 42 }], ["X-Bytes", { bytes: "b\xe9" }]] },
  { method: "GET", url: "/echo", headers: [["X-Latin", "caf\u00e9"]] },
  { method: "GET", url: "/echo", headers: [["X-Fold", "a\r\n b"]] },
  { method: "GET", url: "/echo", headers: [["X-Empty", ""]] },
  { method: "GET", url: "http://example.com/echo" },
  { method: "GET", url: "http://example.com:8080/echo" },
  { method: "GET", url: "http://[::1]:8080/echo" },
  { method: "GET", url: "http://[fe80::1%25eth0]:8080/echo" },
  { method: "GET", url: "https://user@h.example/echo" },
  { method: "GET", url: "httpfoo/echo" },
  { method: "GET", url: "/\u00e9" },
  { method: "GET", url: "/a b" },
  { method: "GET", url: "/a\r\nX: y" },
  { method: "GET", url: "/a\x7f" },
  { method: "GET\r\n", url: "/echo" },
  { method: "G\x00T", url: "/echo" },
  { method: "GET /x", url: "/echo" },
  { method: "G\u00c9T", url: "/echo" },
  { method: "GET", url: "/echo", headers: [["Bad:Name", "v"]] },
  { method: "GET", url: "/echo", headers: [[" lead", "v"]] },
  { method: "GET", url: "/echo", headers: [["", "v"]] },
  { method: "GET", url: "/echo", headers: [["X-A", "v\r\nInjected: 1"]] },
  { method: "GET", url: "/echo", headers: [["X-A", "v\rb"]] },
  { method: "GET", url: "/echo", headers: [["X-A", "v\nb"]] },
  { method: "GET", url: "/echo", headers: [["X-A", "\u2603"]] },
  { method: "GET", url: "/echo", headers: [["X-\u00e9", "v"]] },
  { method: "GET", url: "/echo", headers: [["X-A\r\nB", "v"]] },
];

function generated(): Scenario[] {
  const out: Scenario[] = [];
  for (const name of RESPONSE_CASES) {
    for (const mode of READ_MODES) {
      out.push({
        id: `resp:${name}:${mode}`,
        conn: { timeout: 5 },
        steps: [{ op: "request", method: "GET", url: `/c/${name}` }, { op: "getresponse" }, {
          op: "read",
          mode,
        }],
      });
    }
    out.push({
      id: `resp:${name}:HEAD`,
      conn: { timeout: 5 },
      steps: [{ op: "request", method: "HEAD", url: `/c/${name}` }, { op: "getresponse" }, {
        op: "read",
        mode: "all",
      }],
    });
  }
  for (const name of DIVERGENT_CASES) {
    out.push({
      id: `resp:${name}:all`,
      divergent: true,
      conn: { timeout: 5 },
      steps: [{ op: "request", method: "GET", url: `/c/${name}` }, { op: "getresponse" }, {
        op: "read",
        mode: "all",
      }],
    });
  }
  ECHO_REQUESTS.forEach((req, i) => {
    for (
      const conn of [{ timeout: 5 }, { timeout: 5, default_port_is_server: true }, {
        timeout: 5,
        hostport: true,
      }]
    ) {
      out.push({
        id: `echo:${i}:${JSON.stringify(conn)}`,
        conn,
        steps: [{ op: "request", ...req }, { op: "getresponse" }, { op: "read", mode: "all" }],
      });
    }
  });
  // Keep-alive: several requests on one connection, with and without reading in between.
  const seq = ["ok", "chunked", "chunked_trailers", "continue", "http10_keepalive", "no_content", "ok"];
  out.push({
    id: "keepalive:sequence",
    conn: { timeout: 5 },
    steps: seq.flatMap((name): Step[] => [
      { op: "request", method: "GET", url: `/k/${name}` },
      { op: "getresponse" },
      { op: "read", mode: "all" },
    ]),
  });
  out.push({
    id: "keepalive:reconnect_after_close",
    conn: { timeout: 5 },
    steps: ["close", "ok", "http10_close", "ok", "no_length_11", "chunked"].flatMap((name): Step[] => [
      { op: "request", method: "GET", url: `/k/${name}` },
      { op: "getresponse" },
      { op: "read", mode: "all" },
    ]),
  });
  out.push({
    id: "state:request_before_read",
    conn: { timeout: 5 },
    steps: [
      { op: "request", method: "GET", url: "/k/ok" },
      { op: "getresponse" },
      { op: "request", method: "GET", url: "/k/ok", continue: true },
      { op: "getresponse", continue: true },
      { op: "read", mode: "all" },
      { op: "getresponse" },
      { op: "read", mode: "all" },
    ],
  });
  out.push({
    id: "state:getresponse_twice",
    conn: { timeout: 5 },
    steps: [
      { op: "request", method: "GET", url: "/c/ok" },
      { op: "getresponse" },
      { op: "getresponse", continue: true },
      { op: "read", mode: "all" },
      { op: "getresponse", continue: true },
    ],
  });
  out.push({
    id: "state:putheader_before_putrequest",
    conn: { timeout: 5 },
    steps: [{ op: "putheader", name: "X", values: ["1"], continue: true }, {
      op: "endheaders",
      continue: true,
    }, {
      op: "getresponse",
    }],
  });
  out.push({
    id: "state:putrequest_twice",
    conn: { timeout: 5 },
    steps: [
      { op: "putrequest", method: "GET", url: "/echo" },
      { op: "putrequest", method: "GET", url: "/echo", continue: true },
      { op: "putheader", name: "X-Multi", values: ["a", "b", { int: 3 }] },
      { op: "endheaders" },
      { op: "getresponse" },
      { op: "read", mode: "all" },
    ],
  });
  out.push({
    id: "state:bad_status_then_request",
    conn: { timeout: 5 },
    steps: [
      { op: "request", method: "GET", url: "/c/bad_status_code" },
      { op: "getresponse", continue: true },
      { op: "request", method: "GET", url: "/c/ok", continue: true },
      { op: "close" },
      { op: "request", method: "GET", url: "/c/ok" },
      { op: "getresponse" },
      { op: "read", mode: "all" },
    ],
  });
  for (
    const [skip_host, skip_accept_encoding] of [[false, false], [true, false], [false, true], [
      true,
      true,
    ]] as const
  ) {
    out.push({
      id: `putrequest:${skip_host}:${skip_accept_encoding}`,
      conn: { timeout: 5 },
      steps: [
        { op: "putrequest", method: "POST", url: "/echo", skip_host, skip_accept_encoding },
        { op: "putheader", name: "Content-Length", values: [{ int: 3 }] },
        { op: "endheaders", body: { bytes: "abc" } },
        { op: "getresponse" },
        { op: "read", mode: "all" },
      ],
    });
  }
  out.push({
    id: "endheaders:encode_chunked",
    conn: { timeout: 5 },
    steps: [
      { op: "putrequest", method: "POST", url: "/echo" },
      { op: "putheader", name: "Transfer-Encoding", values: ["chunked"] },
      { op: "endheaders", body: { chunks: ["hello", "", "world!"] }, encode_chunked: true },
      { op: "getresponse" },
      { op: "read", mode: "all" },
    ],
  });
  out.push({
    id: "slow:trickle",
    conn: { timeout: 5 },
    steps: [{ op: "request", method: "GET", url: "/slow" }, { op: "getresponse" }, {
      op: "read",
      mode: "n:6",
    }],
  });
  out.push({
    id: "timeout:hang",
    conn: { timeout: 0.3 },
    steps: [{ op: "request", method: "GET", url: "/hang" }, { op: "getresponse" }],
  });
  for (const host of ["127.0.0.1:x", "127.0.0.1:", "[127.0.0.1]", "127.0.0.1\n", "127.0.0.1 "]) {
    out.push({ id: `ctor:${JSON.stringify(host)}`, conn: { host, hostport: false, timeout: 5 }, steps: [] });
  }
  return out;
}

export const SCENARIOS: Scenario[] = generated();
