# A raw-socket HTTP/1.1 test server for http.client tests: canned (often broken or malicious)
# responses chosen by path (/c/<name> then close, /k/<name> keep-alive), and /echo, which answers with the exact bytes of the request it got.
# usage: python3 scripted_server.py   (prints the port it listens on, then serves until killed)
import socket
import sys
import threading
import time


def chunked(*parts, trailers=b""):
    out = b""
    for p in parts:
        out += b"%X\r\n%s\r\n" % (len(p), p)
    return out + b"0\r\n" + trailers + b"\r\n"


OK = b"HTTP/1.1 200 OK\r\n"
CASES = {
    "ok": OK + b"Content-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n\r\nhello",
    "multiline": OK + b"Content-Length: 17\r\n\r\nline1\nline2\nline3",
    "chunked": OK + b"Transfer-Encoding: chunked\r\n\r\n" + chunked(b"hello ", b"chunked\n", b"world\nbye"),
    "chunked_ext": OK + b"Transfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n0;last\r\n\r\n",
    "chunked_trailers": OK + b"Transfer-Encoding: chunked\r\n\r\n"
    + chunked(b"abc", trailers=b"X-Trailer: 1\r\nX-Other: 2\r\n"),
    "chunked_hex_prefix": OK + b"Transfer-Encoding: chunked\r\n\r\n0x3\r\nabc\r\n0\r\n\r\n",
    "chunked_underscore": OK + b"Transfer-Encoding: chunked\r\n\r\n1_0\r\n0123456789abcdef\r\n0\r\n\r\n",
    "chunked_upper": OK + b"Transfer-Encoding: CHUNKED\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n",
    "chunked_bad_size": (OK + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n", True),
    "chunked_short": (OK + b"Transfer-Encoding: chunked\r\n\r\n64\r\nonly ten b", True),
    "chunked_no_trailer_eof": (OK + b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n", True),
    "chunked_many_trailers": OK + b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n"
    + b"".join(b"T%d: x\r\n" % i for i in range(150)) + b"\r\n",
    "chunked_long_size": (OK + b"Transfer-Encoding: chunked\r\n\r\n" + b"0" * 70000 + b"1\r\n", True),
    "chunked_negative": (OK + b"Transfer-Encoding: chunked\r\n\r\n-1\r\nrest of stream", True),
    "continue": b"HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n" + OK + b"Content-Length: 2\r\n\r\nok",
    "continue_many": (b"HTTP/1.1 100 Continue\r\n\r\n" * 150 + OK + b"Content-Length: 2\r\n\r\nok", True),
    "continue_headers_flood": (b"HTTP/1.1 100 Continue\r\n" + b"X-Flood: 1\r\n" * 200 + b"\r\n", True),
    "early_hints": b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" + OK + b"Content-Length: 2\r\n\r\nok",
    "switching": b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
    "too_many_headers": (OK + b"".join(b"H%d: v\r\n" % i for i in range(120)) + b"\r\n", True),
    "exactly_99_headers": OK + b"".join(b"H%d: v\r\n" % i for i in range(99)) + b"Content-Length: 0\r\n\r\n",
    "long_header": (OK + b"X-Long: " + b"a" * 70000 + b"\r\n\r\n", True),
    "long_status": (b"HTTP/1.1 200 " + b"O" * 70000 + b"\r\n\r\n", True),
    "bad_status_code": (b"HTTP/1.1 abc OK\r\n\r\n", True),
    "status_99": (b"HTTP/1.1 099 Low\r\n\r\n", True),
    "status_1000": (b"HTTP/1.1 1000 High\r\n\r\n", True),
    "status_plus": b"HTTP/1.1 +200 Plus\r\nContent-Length: 0\r\n\r\n",
    "status_underscore": b"HTTP/1.1 2_01 Under\r\nContent-Length: 0\r\n\r\n",
    "status_no_reason": b"HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n",
    "status_spaces": b"HTTP/1.1   404    Not   Found   \r\nContent-Length: 0\r\n\r\n",
    "status_lf_only": b"HTTP/1.1 200 OK\nContent-Length: 3\n\nabc",
    "status_latin1": b"HTTP/1.1 200 \xc9t\xe9\r\nX-Val: caf\xe9\r\nContent-Length: 0\r\n\r\n",
    "bad_version": (b"HTPT/1.1 200 OK\r\n\r\n", True),
    "only_version": (b"HTTP/1.1\r\n\r\n", True),
    "http2": (b"HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n", True),
    "http09": (b"HTTP/0.9 200 OK\r\nContent-Length: 2\r\n\r\nok", True),
    "http10_close": (b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil close", True),
    "http10_keepalive": b"HTTP/1.0 200 OK\r\nKeep-Alive: timeout=5\r\nContent-Length: 2\r\n\r\nka",
    "http10_conn_keepalive": b"HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nka",
    "http10_proxy_keepalive": b"HTTP/1.0 200 OK\r\nProxy-Connection: keep-alive\r\nContent-Length: 2\r\n\r\nka",
    "no_length_11": (OK + b"Content-Type: text/plain\r\n\r\nread until the server closes", True),
    "close": (OK + b"Connection: close\r\nContent-Length: 4\r\n\r\nbye!", True),
    "empty": (b"", True),
    "short_body": (OK + b"Content-Length: 10\r\n\r\nhello", True),
    "huge_length": (OK + b"Content-Length: 1000000000000\r\n\r\n" + b"x" * 100, True),
    "length_negative": (OK + b"Content-Length: -5\r\n\r\nneg", True),
    "length_nonnumeric": (OK + b"Content-Length: ten\r\n\r\nnan body", True),
    "length_and_chunked": OK + b"Content-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(b"wins"),
    "no_content": b"HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n",
    "not_modified": b"HTTP/1.1 304 Not Modified\r\nETag: x\r\n\r\n",
    "folded": OK + b"X-Folded: one\r\n two\r\n\tthree\r\nContent-Length: 0\r\n\r\n",
    "duplicates": OK + b"Set-Cookie: a=1\r\nset-cookie: b=2\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 0\r\n\r\n",
    "no_colon": OK + b"X-Good: 1\r\nthis line has no colon\r\nX-After: 2\r\nContent-Length: 0\r\n\r\n",
    "charset": OK + b"Content-Type: text/html; charset=\"ISO-8859-1\"; q=1\r\nContent-Length: 0\r\n\r\n",
    "empty_reason_ws": b"HTTP/1.1 500 \r\nContent-Length: 0\r\n\r\n",
    "lf_headers": b"HTTP/1.1 200 OK\nX-A: 1\nContent-Length: 2\n\nok",
    "trailing_garbage": OK + b"Content-Length: 2\r\n\r\nokEXTRA",
}


def send_slow(conn, data, pause=0.02, piece=7):
    for i in range(0, len(data), piece):
        conn.sendall(data[i:i + piece])
        time.sleep(pause)


SLOW = OK + b"Content-Length: 40\r\n\r\n" + b"0123456789" * 4


def read_request(conn, buf):
    """Read one request; return (raw bytes, method, path, rest of buffer) or None at EOF."""
    while b"\r\n\r\n" not in buf:
        data = conn.recv(65536)
        if not data:
            return None
        buf += data
    head, _, rest = buf.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    method, path = lines[0].split(b" ")[:2]
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(b":")
        headers[k.strip().lower()] = v.strip()
    raw = head + b"\r\n\r\n"
    if headers.get(b"transfer-encoding", b"").lower() == b"chunked":
        body = b""
        while True:
            while b"\r\n" not in rest:
                data = conn.recv(65536)
                if not data:
                    return None
                rest += data
            line, _, rest = rest.partition(b"\r\n")
            size = int(line.split(b";")[0], 16)
            need = size + 2
            while len(rest) < need:
                data = conn.recv(65536)
                if not data:
                    return None
                rest += data
            body += line + b"\r\n" + rest[:need]
            rest = rest[need:]
            if size == 0:
                break
        raw += body
    else:
        n = int(headers.get(b"content-length", b"0") or 0)
        while len(rest) < n:
            data = conn.recv(65536)
            if not data:
                return None
            rest += data
        raw += rest[:n]
        rest = rest[n:]
    return raw, method.decode(), path.decode(), rest


def serve(conn):
    buf = b""
    try:
        while True:
            got = read_request(conn, buf)
            if got is None:
                return
            raw, method, path, buf = got
            if "/echo" in path:
                conn.sendall(OK + b"Content-Length: %d\r\n\r\n" % len(raw) + raw)
                continue
            if path == "/slow":
                send_slow(conn, SLOW)
                continue
            if path == "/hang":
                while conn.recv(65536):
                    pass
                return
            name = path.rsplit("/", 1)[-1]
            case = CASES.get(name, (b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", False))
            data, close = case if isinstance(case, tuple) else (case, False)
            # /c/<name> closes after the response (so bodies without a length end); /k/<name> keeps
            # the connection open unless the case itself must close.
            close = close or not path.startswith("/k/")
            if method == "HEAD" and name == "ok":
                data = OK + b"Content-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n\r\n"
            conn.sendall(data)
            if close:
                return
    except OSError:
        pass
    finally:
        try:
            conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        conn.close()


def main():
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(64)
    print(srv.getsockname()[1], flush=True)
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
