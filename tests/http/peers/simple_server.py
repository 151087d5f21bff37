# The CPython side of tests/http/server_simple_diff_test.ts: SimpleHTTPRequestHandler over argv[1] with
# mimetypes limited to CPython's built-in table (no /etc/mime.types), as our port uses.
# Prints "PORTS <port>" and serves until stdin closes.
import functools, mimetypes, sys, threading
from http.server import ThreadingHTTPServer, SimpleHTTPRequestHandler

mimetypes.init(files=[])


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=sys.argv[1]))
threading.Thread(target=server.serve_forever, daemon=True).start()
print("PORTS %d" % server.server_address[1], flush=True)
sys.stdin.read()
