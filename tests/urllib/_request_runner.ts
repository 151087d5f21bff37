// Shared by the urllib.request differential tests: run one case with our
// urllib.request and report the outcome in the same shape as the Python side
// (PY_RUNNER below). Also runnable as a script (cases on stdin, outcomes on
// stdout) for cases that need their own process environment.
import * as ur from "../../urllib/request.ts";
import { HTTPError } from "../../urllib/error.ts";

export interface HandlerSpec {
  kind: string;
  realm?: string | null;
  uri?: string;
  user?: string;
  passwd?: string;
  proxies?: Record<string, string> | null;
  prior?: boolean;
  mgr?: string;
  cafile?: string;
}

export interface Case {
  url: string;
  data?: string | null;
  /** The body as a list of chunks (sent with chunked transfer coding). */
  dataIter?: string[];
  method?: string | null;
  headers?: [string, string][];
  handlers?: HandlerSpec[];
  timeout?: number | null;
  env?: Record<string, string>;
  read?: number;
  sequence?: string[];
  /** A documented, intended difference from CPython 3.14 (the test checks our side alone). */
  divergence?: string;
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (const c of b) s += String.fromCharCode(c);
  return s;
}

function enc(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

export function buildOpener(specs: HandlerSpec[]): ur.OpenerDirector {
  const hs: ur.BaseHandler[] = [];
  for (const h of specs) {
    const mgr = h.mgr === "default"
      ? new ur.HTTPPasswordMgrWithDefaultRealm()
      : h.mgr === "prior"
      ? new ur.HTTPPasswordMgrWithPriorAuth()
      : null;
    const add = (x: { add_password: (...a: never[]) => void }) => {
      if (h.user === undefined) return;
      // deno-lint-ignore no-explicit-any
      const f = x.add_password as any;
      if (h.mgr === "prior") f(h.realm ?? null, h.uri, h.user, h.passwd, h.prior ?? false);
      else f(h.realm ?? null, h.uri, h.user, h.passwd);
    };
    let x: ur.BaseHandler;
    switch (h.kind) {
      case "basic":
        x = new ur.HTTPBasicAuthHandler(mgr);
        break;
      case "digest":
        x = new ur.HTTPDigestAuthHandler(mgr);
        break;
      case "proxy_basic":
        x = new ur.ProxyBasicAuthHandler(mgr);
        break;
      case "proxy_digest":
        x = new ur.ProxyDigestAuthHandler(mgr);
        break;
      case "proxy":
        x = new ur.ProxyHandler(h.proxies ?? null);
        break;
      case "https":
        x = new ur.HTTPSHandler(null, { cafile: h.cafile });
        break;
      case "cookies":
        x = new ur.HTTPCookieProcessor();
        break;
      default:
        throw new Error("unknown handler " + h.kind);
    }
    add(x as unknown as { add_password: (...a: never[]) => void });
    hs.push(x);
  }
  return ur.build_opener(...hs);
}

export async function runCase(c: Case): Promise<unknown> {
  try {
    const opener = buildOpener(c.handlers ?? []);
    const urls = c.sequence ?? [c.url];
    const outs: unknown[] = [];
    for (const url of urls) {
      const req = new ur.Request(url, {
        data: c.dataIter ? c.dataIter.map(enc) : c.data == null ? null : enc(c.data),
        headers: c.headers ?? [],
        method: c.method ?? null,
      });
      const f = await opener.open(req, { timeout: c.timeout ?? 10 });
      try {
        outs.push([
          "ok",
          f.status ?? null,
          f.geturl(),
          latin1(await f.read(c.read ?? -1)),
          f.headers.get("Content-Type") ?? f.headers.get("Content-type") ?? null,
        ]);
      } finally {
        f.close();
      }
    }
    return outs.length === 1 ? outs[0] : outs;
  } catch (e) {
    if (e instanceof HTTPError) {
      const body = latin1(await e.read());
      e.close();
      return ["HTTPError", e.code, String(e), e.reason, e.geturl(), body, e.headers?.get("X-Error") ?? null];
    }
    if (e instanceof Error) return ["error", e.name, String(e.message)];
    return ["error", "?", String(e)];
  }
}

/** The same runner in Python, for the oracle. */
export const PY_RUNNER = `
import os, urllib.request, urllib.error, warnings
warnings.simplefilter('ignore')
def build(specs):
    hs = []
    for h in specs:
        mgr = {'default': urllib.request.HTTPPasswordMgrWithDefaultRealm, 'prior': urllib.request.HTTPPasswordMgrWithPriorAuth}.get(h.get('mgr'))
        mgr = mgr() if mgr else None
        k = h['kind']
        if k == 'basic': x = urllib.request.HTTPBasicAuthHandler(mgr)
        elif k == 'digest': x = urllib.request.HTTPDigestAuthHandler(mgr)
        elif k == 'proxy_basic': x = urllib.request.ProxyBasicAuthHandler(mgr)
        elif k == 'proxy_digest': x = urllib.request.ProxyDigestAuthHandler(mgr)
        elif k == 'proxy': x = urllib.request.ProxyHandler(h.get('proxies'))
        elif k == 'cookies': x = urllib.request.HTTPCookieProcessor()
        elif k == 'https':
            import ssl
            x = urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=h['cafile']))
        if 'user' in h:
            if h.get('mgr') == 'prior': x.add_password(h.get('realm'), h['uri'], h['user'], h['passwd'], h.get('prior', False))
            else: x.add_password(h.get('realm'), h['uri'], h['user'], h['passwd'])
        hs.append(x)
    return urllib.request.build_opener(*hs)
def run(c):
    saved = dict(os.environ)
    os.environ.update(c.get('env') or {})
    try:
        opener = build(c.get('handlers') or [])
        outs = []
        for url in c.get('sequence') or [c['url']]:
            data = c.get('data')
            data = None if data is None else data.encode('latin-1')
            if c.get('dataIter') is not None: data = [x.encode('latin-1') for x in c['dataIter']]
            req = urllib.request.Request(url, data, dict(c.get('headers') or []), method=c.get('method'))
            with opener.open(req, timeout=c.get('timeout') or 10) as f:
                outs.append(['ok', f.status, f.geturl(), f.read(c.get('read', -1)).decode('latin-1'), f.headers.get('Content-Type')])
        return outs[0] if len(outs) == 1 else outs
    except urllib.error.HTTPError as e:
        body = e.read().decode('latin-1')
        e.close()
        return ['HTTPError', e.code, str(e), e.reason, e.geturl(), body, e.headers.get('X-Error') if e.headers is not None else None]
    except Exception as e:
        return ['error', type(e).__name__, str(e)]
    finally:
        os.environ.clear()
        os.environ.update(saved)
`;

if (import.meta.main) {
  const cases: Case[] = JSON.parse(
    new TextDecoder().decode(await new Response(Deno.stdin.readable).arrayBuffer()),
  );
  const out = [];
  for (const c of cases) out.push(await runCase(c));
  console.log(JSON.stringify(out));
}
