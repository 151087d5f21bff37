// Cookie files: ours and CPython's MozillaCookieJar / LWPCookieJar write the same bytes and read each other's.
import assert from "node:assert/strict";
import { Cookie, LoadError, LWPCookieJar, MozillaCookieJar } from "../../http/cookiejar.ts";
import { FileNotFoundError } from "../../_util/exceptions.ts";
import { repr } from "../../_util/repr.ts";
import { oracle, oracleTest } from "../_oracle.ts";

const FIXED_NOW = 1700000123.75;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

async function withFixedNow<T>(f: () => Promise<T>): Promise<T> {
  const real = Date.now;
  Date.now = () => FIXED_NOW * 1000;
  try {
    return await f();
  } finally {
    Date.now = real;
  }
}

type Spec = unknown[];

function genCookie(r: () => number): Spec {
  const domain = pick(r, [
    ".example.com",
    "example.com",
    "www.example.com",
    "host.local",
    ".acme.com",
    "Ex.COM",
  ]);
  const port = pick(r, [null, null, "80", "80,8080"]);
  return [
    pick(r, [0, 0, 1, null]),
    pick(r, ["a", "sid", "name with space", 'q"uote', "é", "x"]),
    pick(r, ["b", "", null, '"quoted"', "a b", "ü", "v=1;2", "x\\y"]),
    port,
    port === null ? false : r() < 0.5,
    domain,
    domain.startsWith("."),
    domain.startsWith(".") && r() < 0.7,
    pick(r, ["/", "/a", "/a b/", "/acme/"]),
    r() < 0.5,
    r() < 0.3,
    pick(r, [
      null,
      Math.floor(FIXED_NOW) + 3600,
      Math.floor(FIXED_NOW) - 3600,
      0,
      2000000000,
      Math.floor(FIXED_NOW),
    ]),
    r() < 0.4,
    pick(r, [null, null, "a comment", ""]),
    pick(r, [null, null, "http://x/"]),
    pick(r, [{}, {}, { HttpOnly: null }, { HTTPOnly: "" }, { foo: "bar", Zed: null, a: "1" }]),
    r() < 0.2,
  ];
}

function makeCookie(s: Spec): Cookie {
  return new (Cookie as unknown as new (...a: unknown[]) => Cookie)(...s);
}

const PY = `
import time, warnings, os
warnings.simplefilter("ignore")
time.time = lambda: ${FIXED_NOW}
from http.cookiejar import Cookie, MozillaCookieJar, LWPCookieJar, LoadError
def _load(cls, path, d, e):
    j = cls()
    try:
        j.load(path, ignore_discard=d, ignore_expires=e)
    except Exception as ex:
        return ["err", type(ex).__name__, str(ex)]
    return repr(j)
def run(c):
    out = []
    for kind, cls in (("moz", MozillaCookieJar), ("lwp", LWPCookieJar)):
        jar = cls()
        for s in c["cookies"]:
            jar.set_cookie(Cookie(*s))
        path = c["dir"] + "/py_%d.%s" % (c["i"], kind)
        try:
            jar.save(path, ignore_discard=c["d"], ignore_expires=c["e"])
            data = open(path, "rb").read()
        except Exception as ex:
            data = ["err", type(ex).__name__, str(ex)]
        out.append(data)
        out.append(_load(cls, c["dir"] + "/ts_%d.%s" % (c["i"], kind), c["d"], c["e"]))
    return out
`;

oracleTest(
  "http.cookiejar: Mozilla and LWP files are byte-identical to CPython's and load both ways",
  async () => {
    const dir = await Deno.makeTempDir();
    try {
      const r = rng(77);
      const cases: Record<string, unknown>[] = [];
      for (let i = 0; i < 300; i++) {
        const n = Math.floor(r() * 5);
        const cookies: Spec[] = [];
        for (let k = 0; k < n; k++) cookies.push(genCookie(r));
        cases.push({ i, dir, cookies, d: r() < 0.5, e: r() < 0.5 });
      }
      // Our files first, so CPython can load them.
      const ourBytes: (Uint8Array | string)[][] = [];
      for (const c of cases) {
        const row: (Uint8Array | string)[] = [];
        for (const [kind, Cls] of [["moz", MozillaCookieJar], ["lwp", LWPCookieJar]] as const) {
          const jar = new Cls();
          for (const s of c.cookies as Spec[]) jar.set_cookie(makeCookie(s));
          const path = `${dir}/ts_${c.i}.${kind}`;
          try {
            await withFixedNow(() =>
              jar.save(path, { ignore_discard: c.d as boolean, ignore_expires: c.e as boolean })
            );
            row.push(await Deno.readFile(path));
          } catch (e) {
            row.push(`${(e as Error).name}: ${(e as Error).message}`);
          }
        }
        ourBytes.push(row);
      }
      const theirs = await oracle(PY, cases);
      let bad = 0, loaded = 0;
      const msgs: string[] = [];
      const latin1 = (u: Uint8Array) => Array.from(u, (b) => String.fromCharCode(b)).join("");
      for (let i = 0; i < cases.length; i++) {
        const t = theirs[i];
        assert.ok("ok" in t, JSON.stringify(t));
        const [pyMoz, pyLoadTsMoz, pyLwp, pyLoadTsLwp] = t.ok as unknown[];
        for (
          const [k, pyData, pyLoad, Cls] of [[0, pyMoz, pyLoadTsMoz, MozillaCookieJar], [
            1,
            pyLwp,
            pyLoadTsLwp,
            LWPCookieJar,
          ]] as const
        ) {
          const ours = ourBytes[i][k];
          const theirData = (pyData as { $b?: string }).$b;
          if (typeof ours === "string" || theirData === undefined || latin1(ours) !== theirData) {
            bad++;
            if (msgs.length < 4) {
              msgs.push(
                `case ${i} file ${k}: ours ${
                  typeof ours === "string" ? ours : JSON.stringify(latin1(ours))
                }\n python ${JSON.stringify(pyData)}`,
              );
            }
            continue;
          }
          // Load CPython's file with ours; CPython loaded ours. Same bytes, so the jars must match.
          const jar = new Cls();
          let got: unknown;
          try {
            await withFixedNow(() =>
              jar.load(`${dir}/py_${i}.${k ? "lwp" : "moz"}`, cases[i].d as boolean, cases[i].e as boolean)
            );
            got = repr(jar);
          } catch (e) {
            // The messages name the file: CPython read ts_N, we read py_N.
            got = ["err", (e as Error).name, (e as Error).message.replace("/py_", "/ts_")];
          }
          const theirLoad = typeof pyLoad === "string" ? pyLoad : pyLoad;
          if (JSON.stringify(got) !== JSON.stringify(theirLoad)) {
            bad++;
            if (msgs.length < 4) {
              msgs.push(
                `case ${i} load ${k}: ours ${JSON.stringify(got)}\n python ${JSON.stringify(theirLoad)}`,
              );
            }
          } else if (typeof got === "string" && got.includes("Cookie(")) loaded++;
        }
      }
      assert.equal(bad, 0, msgs.join("\n"));
      assert.ok(loaded > 200, `only ${loaded} non-empty loads`);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
);

Deno.test("http.cookiejar: file errors", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const jar = new MozillaCookieJar();
    await assert.rejects(() => jar.load(`${dir}/missing.txt`), FileNotFoundError);
    await assert.rejects(() => jar.load(), /a filename was not supplied/);
    await Deno.writeTextFile(`${dir}/bad.txt`, "not a cookie file\n");
    await assert.rejects(() => jar.load(`${dir}/bad.txt`), LoadError);
    await assert.rejects(() => new LWPCookieJar().load(`${dir}/bad.txt`), LoadError);
    await Deno.writeTextFile(`${dir}/short.txt`, "# Netscape HTTP Cookie File\nexample.com\tFALSE\t/\n");
    await assert.rejects(
      () => jar.load(`${dir}/short.txt`),
      (e: Error) => e instanceof LoadError && e.message.includes("invalid Netscape format cookies file"),
    );
    // revert keeps the old cookies when loading fails.
    const j2 = new MozillaCookieJar(`${dir}/bad.txt`);
    j2.set_cookie(
      makeCookie([
        0,
        "a",
        "b",
        null,
        false,
        "x.com",
        false,
        false,
        "/",
        false,
        false,
        null,
        true,
        null,
        null,
        {},
        false,
      ]),
    );
    await assert.rejects(() => j2.revert(), LoadError);
    assert.equal(j2.size, 1);
    // Saved files are private.
    await j2.save(`${dir}/saved.txt`, { ignore_discard: true });
    if (Deno.build.os !== "windows") assert.equal((await Deno.stat(`${dir}/saved.txt`)).mode! & 0o777, 0o600);
    await j2.revert(`${dir}/saved.txt`, { ignore_discard: true });
    assert.equal([...j2][0].name, "a");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

const FILE_TEXTS = [
  "# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t2000000000\ta\tb\n",
  "# HTTP Cookie File\r\n.example.com\tTRUE\t/\tTRUE\t\ta\tb\r\n#HttpOnly_www.x.com\tFALSE\t/p\tFALSE\t2000000000\t\tnv\r\n",
  "# Netscape HTTP Cookie File\n# comment\n$ dollar\n   \n\nx.com\tFALSE\t/\tFALSE\t1\told\t1\n",
  "# Netscape HTTP Cookie File\nx.com\tTRUE\t/\tFALSE\t2000000000\ta\tb\n",
  "# Netscape HTTP Cookie File\nx.com\tFALSE\t/\tFALSE\tabc\ta\tb\n",
  "# Netscape HTTP Cookie File\nx.com\tFALSE\t/\tFALSE\t1e10\ta\tb\nx.com\tFALSE\t/\tFALSE\t2000000000.9\tc\td\n",
  "# Netscape HTTP Cookie File\nx.com\tFALSE\t/\tFALSE\t2000000000\ta\tb\textra\n",
  "# Netscape HTTP Cookie File\rx.com\tFALSE\t/\tFALSE\t2000000000\ta\tb",
  '#LWP-Cookies-2.0\nSet-Cookie3: a=b; path="/"; domain=.x.com; path_spec; domain_dot; expires="2033-05-18 03:33:20Z"; version=0\n',
  '#LWP-Cookies-1.0\nSet-Cookie3: a=b; path="/"; domain=x.com; discard; Secure; Foo=bar; version=1\nignored line\n',
  '#LWP-Cookies-2.0\nSet-Cookie3: a=b; path="/"; version=0\n',
  '#LWP-Cookies-2.0\nSet-Cookie3: a=b; domain=x.com; expires="1994-02-03 14:15:29.5"; version=0\n',
  "#LWP-Cookies-2.0\nSet-Cookie3: a=b; domain=x.com; port_spec; version=0\n",
  "#LWP-Cookies-2.0\nSet-Cookie3: a=b; domain=x.com; expires=garbage; version=x\n",
  '#LWP-Cookies-2.0\nSet-Cookie3: a=b; domain=x.com, c=d; domain=y.com; expires="2033-05-18 03:33:20Z"\n',
  '#LWP-Cookies-2.0\nSet-Cookie3: a; domain=x.com; port="80, 81"; port_spec; comment="hi \\"there\\""\n',
  "",
];

oracleTest("http.cookiejar: hand-written cookie files load as in CPython", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const cases = FILE_TEXTS.flatMap((text, i) =>
      [0, 1].flatMap((k) => [true, false].map((d) => ({ path: `${dir}/f${i}`, kind: k, d, text })))
    );
    for (let i = 0; i < FILE_TEXTS.length; i++) await Deno.writeTextFile(`${dir}/f${i}`, FILE_TEXTS[i]);
    const theirs = await oracle(
      PY + `
def run(c):
    return _load(MozillaCookieJar if c["kind"] == 0 else LWPCookieJar, c["path"], c["d"], c["d"])
`,
      cases,
    );
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      const jar = c.kind === 0 ? new MozillaCookieJar() : new LWPCookieJar();
      let got: unknown;
      try {
        await withFixedNow(() => jar.load(c.path, c.d, c.d));
        got = repr(jar);
      } catch (e) {
        got = ["err", (e as Error).name, (e as Error).message];
      }
      assert.deepEqual(got, (theirs[i] as { ok: unknown }).ok, JSON.stringify(c));
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
