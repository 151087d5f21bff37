# The CPython side of tests/wsgi/simple_server_test.ts: the same WSGI
# applications as tests/wsgi/_apps.ts, served by wsgiref.simple_server on a
# free 127.0.0.1 port (printed on stdout). Errors are logged to stderr.
import io, json, os, sys
from wsgiref.simple_server import make_server, WSGIRequestHandler
from wsgiref.util import FileWrapper
from wsgiref.validate import validator

OS_KEYS = set(os.environ)


def describe(v):
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return v
    if isinstance(v, tuple):
        return list(v)
    return "<%s>" % type(v).__name__


def environ_app(environ, start_response):
    out = {k: describe(v) for k, v in environ.items() if k not in OS_KEYS}
    out["wsgi.input"] = "<input>"
    out["wsgi.errors"] = "<errors>"
    out["wsgi.file_wrapper"] = "<file_wrapper>"
    body = json.dumps(out, sort_keys=True).encode()
    start_response("200 OK", [("Content-Type", "application/json")])
    return [body]


def app(environ, start_response):
    path = environ["PATH_INFO"]
    if path == "/hello":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"Hello world"]
    if path.startswith("/environ"):
        return environ_app(environ, start_response)
    if path == "/stream":
        def gen():
            start_response("200 OK", [("Content-Type", "text/plain")])
            for i in range(3):
                yield b"chunk %d\n" % i
        return gen()
    if path == "/write":
        write = start_response("200 OK", [("Content-Type", "text/plain")])
        write(b"written ")
        write(b"directly")
        return []
    if path == "/write_then_iter":
        write = start_response("200 OK", [("Content-Type", "text/plain")])
        write(b"first ")
        return [b"second"]
    if path == "/raise_before":
        raise ValueError("before start_response")
    if path == "/raise_after":
        start_response("200 OK", [("Content-Type", "text/plain")])
        raise ValueError("after start_response")
    if path == "/raise_in_iter":
        def gen():
            start_response("200 OK", [("Content-Type", "text/plain")])
            yield b"partial"
            raise ValueError("in the body")
        return gen()
    if path == "/large":
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return [bytes([i % 251]) * 65536 for i in range(16)]
    if path == "/large_one":
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return [b"x" * (1 << 20)]
    if path == "/file":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return environ["wsgi.file_wrapper"](io.BytesIO(b"file contents " * 1000), 4096)
    if path == "/bad_status":
        start_response("200", [("Content-Type", "text/plain")])
        return [b"x"]
    if path == "/bad_status_digits":
        start_response("2x0 OK", [("Content-Type", "text/plain")])
        return [b"x"]
    if path == "/bad_status_ctrl":
        start_response("200 OK\r\nX-Injected: 1", [("Content-Type", "text/plain")])
        return [b"x"]
    if path == "/bad_header_value":
        start_response("200 OK", [("X-Bad", "a\r\nb")])
        return [b"x"]
    if path == "/bad_header_type":
        start_response("200 OK", [("X-Num", 5)])
        return [b"x"]
    if path == "/hop":
        start_response("200 OK", [("Connection", "keep-alive")])
        return [b"x"]
    if path == "/str_body":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return ["text"]
    if path == "/no_start":
        return [b"x"]
    if path == "/none":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return None
    if path == "/content_length":
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "5")])
        return [b"he", b"llo"]
    if path == "/empty":
        start_response("204 No Content", [])
        return []
    if path == "/two_chunks":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"one ", b"two"]
    if path == "/echo":
        n = int(environ.get("CONTENT_LENGTH") or 0)
        data = environ["wsgi.input"].read(n)
        start_response("200 OK", [("Content-Type", "application/octet-stream")])
        return [data]
    if path == "/exc_info":
        start_response("200 OK", [("Content-Type", "text/plain")])
        try:
            raise RuntimeError("replace")
        except RuntimeError:
            start_response("500 Oops", [("Content-Type", "text/plain")], sys.exc_info())
        return [b"replaced"]
    if path == "/double_start":
        start_response("200 OK", [("Content-Type", "text/plain")])
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"x"]
    if path == "/headers":
        start_response("201 Created", [("Content-Type", "text/plain"), ("X-A", "1"), ("x-a", "2"),
                                       ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"), ("Date", "fixed")])
        return [b"hdrs"]
    if path == "/validated":
        return validator(inner_valid)(environ, start_response)
    if path == "/validated_bad":
        return validator(inner_bad)(environ, start_response)
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not found: " + path.encode("latin-1")]


def inner_valid(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"valid"]


def inner_bad(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Bad Name", "x")])
    return [b"x"]


class Handler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


server = make_server("127.0.0.1", 0, app, handler_class=Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
