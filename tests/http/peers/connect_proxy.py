# A CONNECT proxy for tunnel tests. It answers CONNECT with 200 and a header X-Connect-Request
# holding the exact request head it received (base64), then relays bytes both ways. A CONNECT to
# host "deny.example" gets 407. usage: python3 connect_proxy.py  (prints its port)
import base64
import socket
import threading


def pipe(a, b):
    try:
        while True:
            data = a.recv(65536)
            if not data:
                break
            b.sendall(data)
    except OSError:
        pass
    finally:
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def serve(conn):
    buf = b""
    try:
        while b"\r\n\r\n" not in buf:
            data = conn.recv(65536)
            if not data:
                conn.close()
                return
            buf += data
        head, _, rest = buf.partition(b"\r\n\r\n")
        head += b"\r\n\r\n"
        method, target = head.split(b" ")[:2]
        host, _, port = target.rpartition(b":")
        if method != b"CONNECT" or host == b"deny.example":
            conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"x\"\r\n"
                         b"Content-Length: 0\r\n\r\n")
            conn.close()
            return
        upstream = socket.create_connection(("127.0.0.1", int(port)))
        conn.sendall(b"HTTP/1.1 200 Connection established\r\nX-Connect-Request: "
                     + base64.b64encode(head) + b"\r\n\r\n")
        if rest:
            upstream.sendall(rest)
        t = threading.Thread(target=pipe, args=(upstream, conn), daemon=True)
        t.start()
        pipe(conn, upstream)
        t.join(5)
    except OSError:
        pass
    finally:
        conn.close()


def main():
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    print(srv.getsockname()[1], flush=True)
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
