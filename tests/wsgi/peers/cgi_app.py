# A WSGI application run as a CGI script with wsgiref.handlers.CGIHandler (the twin of
# tests/wsgi/_cgi_app.ts). It echoes the request's CGI variables and body.
import json, os, sys
from wsgiref.handlers import CGIHandler

KEEP = {"REQUEST_METHOD", "PATH_INFO", "QUERY_STRING", "CONTENT_TYPE", "CONTENT_LENGTH", "SCRIPT_NAME",
        "HTTP_X_TEST", "SERVER_PROTOCOL"}


def app(environ, start_response):
    path = environ.get("PATH_INFO", "")
    if path == "/fail":
        raise ValueError("boom")
    n = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(n)
    out = {k: v for k, v in environ.items() if k in KEEP}
    out["wsgi"] = [list(environ["wsgi.version"]), environ["wsgi.multithread"], environ["wsgi.multiprocess"],
                   environ["wsgi.run_once"], environ["wsgi.url_scheme"]]
    out["body"] = body.decode("latin-1")
    data = json.dumps(out, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    start_response("200 OK", [("Content-Type", "application/json")])
    return [data]


CGIHandler().run(app)
