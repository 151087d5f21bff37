# The CPython side of tests/http/server_diff_test.ts: one ThreadingHTTPServer per protocol version with
# the handler the test mirrors in TypeScript. Prints "PORTS <http/1.0 port> <http/1.1 port>" and serves
# until stdin closes. Run under the oracle (python3.13 with ../shared/cpython314 first on the path).
import sys, threading
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler


class Describe(BaseHTTPRequestHandler):
    def describe(self):
        out = "%s %s %s %s\n" % (self.command, self.path, self.request_version, self.close_connection)
        for k, v in self.headers.items():
            out += "%s: %r\n" % (k, v)
        return out

    def reply(self, text, head=False):
        body = text.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def do_GET(self):
        if self.path.startswith("/err/"):
            self.send_error(int(self.path[5:8]), "msg <%s> & co" % self.path)
            return
        if self.path.startswith("/explain/"):
            self.send_error(400, None, "explain <b>%s</b>" % self.path)
            return
        self.reply(self.describe())

    def do_HEAD(self):
        if self.path.startswith("/err/"):
            self.send_error(int(self.path[5:8]))
            return
        self.reply(self.describe(), head=True)

    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0) or 0)
        data = self.rfile.read(n)
        self.reply(self.describe() + repr(data) + "\n")

    def log_message(self, format, *args):
        pass


class Describe11(Describe):
    protocol_version = "HTTP/1.1"


servers = [ThreadingHTTPServer(("127.0.0.1", 0), Describe), ThreadingHTTPServer(("127.0.0.1", 0), Describe11)]
for s in servers:
    threading.Thread(target=s.serve_forever, daemon=True).start()
print("PORTS %d %d" % (servers[0].server_address[1], servers[1].server_address[1]), flush=True)
sys.stdin.read()
