"""List each module's public names as CPython has them, for tests/public_names_test.ts.

A module's names are its `__all__` plus every other non-underscore, non-module name it defines. `_attributes`
adds the class attributes and underscored names that CPython's docs and tests use.

Run: PYTHONPATH=../shared/cpython314 python3.13 tests/_gen_public_names.py > /tmp/a.json
     python3 tests/_gen_public_names.py cgi > /tmp/b.json   (cgi from the 3.11 that still has it)
and merge the two objects into tests/vectors/public_names.json.
"""
import importlib, json, sys, types, warnings
warnings.simplefilter("ignore")

MODULES = sys.argv[1:] or ["urllib.parse", "urllib.request", "urllib.error", "urllib.response",
                           "urllib.robotparser", "http", "http.client", "http.server", "http.cookies",
                           "http.cookiejar", "html", "html.parser", "html.entities", "wsgiref.simple_server",
                           "wsgiref.util", "wsgiref.headers", "wsgiref.validate", "wsgiref.handlers",
                           "wsgiref.types", "socketserver"]
ATTRIBUTES = {
    "http.cookies": ["Morsel._reserved", "Morsel._flags"],
    "urllib.robotparser": ["RobotFileParser._add_entry"],
    "http.client": ["HTTPConnection._http_vsn", "HTTPConnection._http_vsn_str", "HTTPConnection.response_class",
                    "HTTPConnection.default_port", "HTTPConnection.debuglevel", "HTTPSConnection.default_port"],
    "http.server": ["BaseHTTPRequestHandler.protocol_version", "BaseHTTPRequestHandler.error_message_format",
                    "BaseHTTPRequestHandler.server_version", "BaseHTTPRequestHandler.responses",
                    "SimpleHTTPRequestHandler.extensions_map", "CGIHTTPRequestHandler.cgi_directories"],
    "urllib.request": ["Request.method", "HTTPRedirectHandler.max_repeats", "HTTPRedirectHandler.max_redirections",
                       "BaseHandler.handler_order"],
    "wsgiref.handlers": ["BaseHandler.origin_server", "BaseHandler.wsgi_version", "BaseHandler.http_version",
                         "BaseHandler.error_status"],
    "socketserver": ["TCPServer.allow_reuse_address", "TCPServer.allow_reuse_port", "TCPServer.request_queue_size",
                     "BaseServer.timeout", "StreamRequestHandler.disable_nagle_algorithm"],
}

out = {}
for m in MODULES:
    mod = importlib.import_module(m)
    names = set(getattr(mod, "__all__", []))
    for n in dir(mod):
        if n.startswith("_"):
            continue
        v = getattr(mod, n)
        if isinstance(v, types.ModuleType):
            continue
        home = getattr(v, "__module__", None)
        if home == m or (home is None and not callable(v) and m != "http"):
            names.add(n)
    out[m] = sorted(names)
if not sys.argv[1:]:
    out["_attributes"] = ATTRIBUTES
json.dump(out, sys.stdout, indent=1, sort_keys=True)
print()
