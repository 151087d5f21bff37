/**
 * What the generated signature and public-name tests share: our entry point per Python module, and whether
 * docs/divergences.md documents an absence.
 *
 * @module
 */

const here = new URL(".", import.meta.url);
const DIVERGENCES = await Deno.readTextFile(new URL("../docs/divergences.md", here));

/** Python module → our entry point. */
export const MODULE_FILES: Record<string, string> = {
  "urllib.parse": "../urllib/parse.ts",
  "urllib.request": "../urllib/request.ts",
  "urllib.error": "../urllib/error.ts",
  "urllib.response": "../urllib/response.ts",
  "urllib.robotparser": "../urllib/robotparser.ts",
  "http": "../http/mod.ts",
  "http.client": "../http/client.ts",
  "http.server": "../http/server.ts",
  "http.cookies": "../http/cookies.ts",
  "http.cookiejar": "../http/cookiejar.ts",
  "html": "../html/mod.ts",
  "html.parser": "../html/parser.ts",
  "html.entities": "../html/entities.ts",
  "wsgiref.simple_server": "../wsgi/simple_server.ts",
  "wsgiref.util": "../wsgi/util.ts",
  "wsgiref.headers": "../wsgi/headers.ts",
  "wsgiref.validate": "../wsgi/validate.ts",
  "wsgiref.handlers": "../wsgi/handlers.ts",
  "wsgiref.types": "../wsgi/types.ts",
  "socketserver": "../socketserver.ts",
  "cgi": "../cgi.ts",
};

/**
 * Does docs/divergences.md say that `module.name` is left out? The name (or `module.name`, or `name()`) must
 * appear in backticks in the section whose heading lists the module (or its package, `wsgiref`).
 */
export function documentedAbsent(module: string, name: string): boolean {
  const forms = [name, `${name}()`, `${module}.${name}`].map((f) => "`" + f + "`");
  return SECTIONS.some(([heading, body]) => {
    const items = heading.split(",").map((x) => x.trim());
    const covers = items.includes(module) ||
      items.includes(module.split(".")[0]) && module.startsWith("wsgiref");
    return covers && forms.some((f) => body.includes(f));
  });
}

const SECTIONS: [string, string][] = DIVERGENCES.split(/^## /m).slice(1).map((part) => {
  const nl = part.indexOf("\n");
  return [part.slice(0, nl), part.slice(nl)];
});
