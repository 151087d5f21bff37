# The hello application of bench/wsgi_compare.ts. As a program it serves the app with
# wsgiref.simple_server on the given port; gunicorn imports `app` from it.
import sys


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"Hello, World!"]


if __name__ == "__main__":
    from wsgiref.simple_server import make_server, WSGIRequestHandler

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    make_server("127.0.0.1", int(sys.argv[1]), app, handler_class=Quiet).serve_forever()
