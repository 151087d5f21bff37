# A CPython test server for the urllib.request differential tests: redirects,
# Basic/Digest authentication, errors, cookies and a forwarding proxy.
# usage: python3 scenario_server.py PORT_FILE [CERTFILE KEYFILE]
# (binds 127.0.0.1:0, writes the port; serves HTTPS when given a certificate)
import base64
import hashlib
import sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlsplit, parse_qs

USER, PASSWD = 'joe', 'secret'
NONCE = 'dcd98b7102dd2f0e8b11d0f600bfb0c093'
OPAQUE = '5ccc069c403ebaf9f0171e9517f40e41'
HASHES = {'MD5': hashlib.md5, 'SHA': hashlib.sha1, 'SHA-256': hashlib.sha256}


def parse_digest(value):
    out = {}
    for part in value[len('Digest '):].split(','):
        if '=' in part:
            k, v = part.strip().split('=', 1)
            out[k] = v.strip('"')
    return out


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def reply(self, code, body='', headers=()):
        self.read_body()
        data = body.encode('utf-8')
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header('Content-Type', 'text/plain; charset=utf-8')
        self.send_header('Content-Length', str(len(data)))
        self.send_header('Connection', 'close')
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(data)
        self.close_connection = True

    def read_body(self):
        if hasattr(self, 'body'):
            return self.body
        length = int(self.headers.get('Content-Length', 0) or 0)
        body = self.rfile.read(length).decode('latin-1') if length else ''
        if self.headers.get('Transfer-Encoding') == 'chunked':
            parts = []
            while True:
                n = int(self.rfile.readline().strip(), 16)
                if n == 0:
                    self.rfile.readline()
                    break
                parts.append(self.rfile.read(n).decode('latin-1'))
                self.rfile.readline()
            body = ''.join(parts)
        self.body = body
        return body

    def echo(self, extra=''):
        body = self.read_body()
        lines = [self.command + ' ' + self.path + extra + getattr(self, 'via', '')]
        for name in ('Host', 'Content-Type', 'Content-Length', 'Transfer-Encoding', 'Authorization',
                     'Proxy-Authorization', 'Cookie', 'X-Test', 'Accept-Encoding', 'Connection'):
            if name in self.headers:
                value = self.headers[name]
                if value.startswith('Digest '):
                    value = 'Digest (varies)'
                lines.append('%s: %s' % (name, value))
        lines.append('body: ' + body)
        self.reply(200, '\n'.join(lines) + '\n')

    def check_digest(self, auth, realm, alg='MD5', qop='auth'):
        if not auth.startswith('Digest '):
            return False
        d = parse_digest(auth)
        H = lambda s: HASHES[alg](s.encode()).hexdigest()
        ha1 = H('%s:%s:%s' % (USER, realm, PASSWD))
        ha2 = H('%s:%s' % (self.command, d.get('uri', '')))
        if qop:
            expect = H(':'.join([ha1, NONCE, d.get('nc', ''), d.get('cnonce', ''), 'auth', ha2]))
        else:
            expect = H('%s:%s:%s' % (ha1, NONCE, ha2))
        return d.get('response') == expect and d.get('username') == USER

    def handle_proxy(self):
        auth = self.headers.get('Proxy-Authorization')
        host = urlsplit(self.path).hostname or ''
        if host.startswith('pdigest'):
            if not self.check_digest(auth or '', 'proxyrealm'):
                chal = 'Digest realm="proxyrealm", nonce="%s", algorithm=MD5, qop="auth"' % NONCE
                return self.reply(407, 'proxy digest required', [('Proxy-Authenticate', chal)])
        elif host.startswith('auth'):
            want = 'Basic ' + base64.b64encode(b'proxyuser:proxypass').decode()
            if auth != want:
                return self.reply(407, 'proxy auth required', [('Proxy-Authenticate', 'Basic realm="proxy"')])
        full = self.path
        parts = urlsplit(full)
        self.path = (parts.path or '/') + ('?' + parts.query if parts.query else '')
        self.via = ' (via proxy to %s)' % parts.netloc
        self.do_request()

    def do_request(self):
        if self.path.startswith('http://') and not hasattr(self, 'via'):
            return self.handle_proxy()
        url = urlsplit(self.path)
        path, q = url.path, parse_qs(url.query)
        parts = path.strip('/').split('/')
        head = parts[0]
        if head == 'redirect':
            code = int(parts[1])
            target = q.get('to', ['/echo'])[0]
            return self.reply(code, 'moved', [('Location', target)])
        if head == 'uri':
            return self.reply(302, 'moved', [('URI', q.get('to', ['/echo'])[0])])
        if head == 'noloc':
            return self.reply(302, 'no location')
        if head == 'loop':
            return self.reply(302, 'loop', [('Location', '/loop')])
        if head == 'chain':
            n = int(parts[1])
            if n <= 0:
                return self.echo()
            return self.reply(302, 'chain', [('Location', '/chain/%d' % (n - 1))])
        if head == 'status':
            code = int(parts[1])
            return self.reply(code, 'error body %d' % code, [('X-Error', 'yes')])
        if head == 'basic':
            realm = q.get('realm', ['r'])[0]
            challenge = q.get('challenge', ['Basic realm="%s"' % realm])
            want = 'Basic ' + base64.b64encode(('%s:%s' % (USER, PASSWD)).encode()).decode()
            if self.headers.get('Authorization') != want:
                return self.reply(401, 'login required', [('WWW-Authenticate', c) for c in challenge])
            return self.echo()
        if head == 'digest':
            alg = q.get('alg', ['MD5'])[0]
            qop = q.get('qop', ['auth'])[0]
            auth = self.headers.get('Authorization', '')
            if auth.startswith('Digest '):
                d = parse_digest(auth)
                H = lambda s: HASHES[alg](s.encode()).hexdigest()
                ha1 = H('%s:%s:%s' % (USER, 'digestrealm', PASSWD))
                ha2 = H('%s:%s' % (self.command, d.get('uri', '')))
                if qop:
                    expect = H(':'.join([ha1, NONCE, d.get('nc', ''), d.get('cnonce', ''), 'auth', ha2]))
                else:
                    expect = H('%s:%s:%s' % (ha1, NONCE, ha2))
                if d.get('response') == expect and d.get('username') == USER:
                    return self.echo(' digest ok nc=%s alg=%s' % (d.get('nc'), d.get('algorithm')))
            chal = 'Digest realm="digestrealm", nonce="%s", algorithm=%s, opaque="%s"' % (NONCE, alg, OPAQUE)
            if qop:
                chal += ', qop="%s"' % qop
            return self.reply(401, 'digest required', [('WWW-Authenticate', chal)])
        if head == 'robots.txt':
            return self.reply(200, 'User-agent: *\nDisallow: /private\nAllow: /private/ok$\nCrawl-delay: 4\n')
        if head == 'robots':
            code = int(parts[1])
            return self.reply(code, 'User-agent: *\nDisallow: /\n')
        if head == 'hang':
            import time
            time.sleep(3)
            return self.echo()
        if head == 'setcookie':
            return self.reply(200, 'set', [('Set-Cookie', c) for c in q.get('c', [])])
        if head == 'big':
            n = int(parts[1])
            data = bytes(i % 251 for i in range(n))
            self.send_response(200)
            self.send_header('Content-Length', str(n))
            self.send_header('Content-Type', 'application/octet-stream')
            self.end_headers()
            self.wfile.write(data)
            self.close_connection = True
            return
        if head == 'chunked':
            n = int(parts[1])
            self.send_response(200)
            self.send_header('Transfer-Encoding', 'chunked')
            self.end_headers()
            data = bytes(i % 251 for i in range(n))
            for i in range(0, n, 3000):
                piece = data[i:i + 3000]
                self.wfile.write(b'%x\r\n%s\r\n' % (len(piece), piece))
            self.wfile.write(b'0\r\n\r\n')
            self.close_connection = True
            return
        if head == 'short':
            self.send_response(200)
            self.send_header('Content-Length', '20000')
            self.end_headers()
            self.wfile.write(b'x' * 10000)
            self.wfile.flush()
            self.close_connection = True
            return
        return self.echo()

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = do_PATCH = do_request

    def do_CONNECT(self):
        # A tunnelling proxy: 'auth*' hosts want Basic proxy credentials, as above.
        import select
        import socket
        host, _, port = self.path.rpartition(':')
        if host.startswith('auth'):
            want = 'Basic ' + base64.b64encode(b'proxyuser:proxypass').decode()
            if self.headers.get('Proxy-Authorization') != want:
                return self.reply(407, 'proxy auth required', [('Proxy-Authenticate', 'Basic realm="proxy"')])
            host = '127.0.0.1'
        try:
            upstream = socket.create_connection((host, int(port)), timeout=10)
        except OSError:
            return self.reply(502, 'bad gateway')
        self.send_response(200, 'Connection established')
        self.end_headers()
        self.wfile.flush()
        sockets = [self.connection, upstream]
        try:
            while True:
                readable, _, _ = select.select(sockets, [], [], 10)
                if not readable:
                    break
                done = False
                for s in readable:
                    data = s.recv(65536)
                    if not data:
                        done = True
                        break
                    (upstream if s is self.connection else self.connection).sendall(data)
                if done:
                    break
        finally:
            upstream.close()
            self.close_connection = True


if __name__ == '__main__':
    srv = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    srv.daemon_threads = True
    if len(sys.argv) > 3:
        import ssl
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(sys.argv[2], sys.argv[3])
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    with open(sys.argv[1], 'w') as f:
        f.write(str(srv.server_address[1]))
    srv.serve_forever()
