// docs/porting.md shows each tutorial program beside its port. This test keeps the guide true: every
// code block must equal the file it names. Regenerate the blocks after changing an example with
//   deno run -A tests/examples/porting_doc_test.ts
import assert from "node:assert/strict";

const root = new URL("../../", import.meta.url);
const DOC = new URL("docs/porting.md", root);
const TUTORIAL = new URL("../shared/tutorial/", root);
const MARK = "## The tutorial, program by program";

interface Program {
  name: string;
  title: string;
  python: string; // under shared/tutorial/
  ts: string; // under examples/
  note: string;
}

const PROGRAMS: Program[] = [
  {
    name: "urlparse_demo",
    title: "urllib.parse",
    python: "urlparse_demo.py",
    ts: "urlparse_demo.ts",
    note:
      "Pure functions, so no `await`. A tuple argument becomes an array; the result prints as Python's named tuple.",
  },
  {
    name: "image_list",
    title: "urlopen and an HTMLParser subclass",
    python: "image_list.py",
    ts: "image_list.ts",
    note:
      "`handle_starttag` is overridden as in Python; `hasattr(self, 'result')` becomes a field check. `urlopen` and `read` are awaited, `feed` is not.",
  },
  {
    name: "download_image",
    title: "HTTPConnection, urljoin, urlunparse, urlretrieve",
    python: "download_image.py",
    ts: "download_image.ts",
    note: "`os.path` and `os.makedirs` become `node:path` and `Deno.mkdir`; the rest is the same calls.",
  },
  {
    name: "httplib_session",
    title: "GET, 404, HEAD, POST and PUT with http.client",
    python: "httplib_session.py",
    ts: "httplib_session.ts",
    note: "Headers are a plain object, passed positionally after the body, as in Python.",
  },
  {
    name: "urllib_request_tour",
    title: "Request, HTTPError, auth, cookie and proxy handlers",
    python: "urllib_request_tour.py",
    ts: "urllib_request_tour.ts",
    note:
      "`except HTTPError as e` becomes an `instanceof` check; `e.headers['WWW-Authenticate']` becomes `e.headers.get(...)` (an `HTTPMessage`).",
  },
  {
    name: "my_httpserver",
    title: "the smallest BaseHTTPRequestHandler",
    python: "my_httpserver.py",
    ts: "my_httpserver.ts",
    note: '`self.wfile.write(b"...")` needs no `await`; `serve_forever()` is awaited.',
  },
  {
    name: "cgi_client",
    title: "a form posted to a CGI script",
    python: "cgi_client.py",
    ts: "cgi_client.ts",
    note:
      "Run it against `deno run -A http/server.ts 8888 --cgi` from `examples/` (or Python's server). The port takes an optional script name so the demo can post to the TypeScript script below.",
  },
  {
    name: "cgi-bin/script",
    title: "the CGI script",
    python: "cgi-bin/script.py",
    ts: "cgi-bin/script.ts",
    note: "Reading stdin is asynchronous, so `cgi.FieldStorage()` becomes `await cgi.FieldStorage.create()`.",
  },
  {
    name: "my_wsgiserver",
    title: "the smallest WSGI application",
    python: "my_wsgiserver.py",
    ts: "my_wsgiserver.ts",
    note: "Header pairs are arrays; the body is a list of bytes literals.",
  },
  {
    name: "wsgi_graph",
    title: "a WSGI app with a form and an SVG plot",
    python: "wsgi_graph.py",
    ts: "wsgi_graph.ts",
    note:
      "`TEMPLATE % {...}` becomes a template function; `parse_qs` returns a plain object, indexed as in Python.",
  },
  {
    name: "random_normal",
    title: "routes, a no-cache middleware, a scatter plot",
    python: "random_normal.py",
    ts: "random_normal.ts",
    note: "The middleware wraps `start_response` exactly as the Python one does.",
  },
  {
    name: "tutorial_site",
    title: "the tutorial site (SimpleHTTPRequestHandler, cookies, auth)",
    python: "tutorial_site.py",
    ts: "tutorial_site.ts",
    note:
      "`super().__init__(*args, directory=SITE, **kwargs)` becomes a `directory` keyword in the constructor.",
  },
  {
    name: "tutorial_proxy",
    title: "a forwarding proxy that wants Basic credentials",
    python: "tutorial_proxy.py",
    ts: "tutorial_proxy.ts",
    note: "`with build_opener(...).open(self.path) as upstream:` becomes `await using upstream = await ...`.",
  },
];

function fence(lang: string, code: string): string {
  return "```" + lang + "\n" + code.replace(/\n+$/, "") + "\n```";
}

async function render(): Promise<string> {
  const parts: string[] = [];
  for (const p of PROGRAMS) {
    const python = await Deno.readTextFile(new URL(p.python, TUTORIAL));
    const ts = await Deno.readTextFile(new URL("examples/" + p.ts, root));
    const task = p.name.includes("/") ? "" : `\`deno task example:${p.name}\`\n\n`;
    parts.push(
      `### ${p.name}: ${p.title}\n\n${p.note}\n\n${task}Python (\`shared/tutorial/${p.python}\`):\n\n${
        fence("python", python)
      }\n\nTypeScript (\`examples/${p.ts}\`):\n\n${fence("ts ignore", ts)}\n`,
    );
  }
  return parts.join("\n");
}

async function expected(): Promise<string> {
  const doc = await Deno.readTextFile(DOC);
  const head = doc.slice(0, doc.indexOf(MARK) + MARK.length);
  const intro = doc.slice(head.length).split("\n### ")[0];
  return head + intro.replace(/\n+$/, "\n\n") + await render();
}

const haveTutorial = (() => {
  try {
    return Deno.statSync(TUTORIAL).isDirectory;
  } catch {
    return false;
  }
})();

Deno.test({
  name: "docs/porting.md shows every tutorial program and its port exactly as they are",
  ignore: !haveTutorial && Deno.env.get("CI") !== "true",
  async fn() {
    const doc = await Deno.readTextFile(DOC);
    assert.ok(doc.includes(MARK));
    const want = await expected();
    assert.ok(
      doc === want,
      "docs/porting.md is out of date; run: deno run -A tests/examples/porting_doc_test.ts",
    );
    for (const p of PROGRAMS) {
      const ts = await Deno.readTextFile(new URL("examples/" + p.ts, root));
      assert.ok(doc.includes(ts.replace(/\n+$/, "")), `${p.ts} appears whole in the guide`);
    }
  },
});

if (import.meta.main) {
  await Deno.writeTextFile(DOC, await expected());
  console.log("docs/porting.md regenerated");
}
