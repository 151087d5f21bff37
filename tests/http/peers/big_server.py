# Streams large generated bodies for memory and throughput tests, from one reused 1 MiB buffer.
#   GET /<n>          -> Content-Length: n, n bytes
#   GET /chunked/<n>  -> Transfer-Encoding: chunked, n bytes in 1 MiB chunks
# usage: python3 big_server.py   (prints its port; serves until killed)
import socket
import threading

BLOCK = bytes(range(256)) * 4096  # 1 MiB


def serve(conn):
    try:
        buf = b""
        while b"\r\n\r\n" not in buf:
            data = conn.recv(65536)
            if not data:
                return
            buf += data
        path = buf.split(b" ", 2)[1].decode()
        chunked = path.startswith("/chunked/")
        n = int(path.rsplit("/", 1)[1])
        view = memoryview(BLOCK)
        if chunked:
            conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        else:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % n)
        left = n
        while left > 0:
            k = min(left, len(BLOCK))
            if chunked:
                conn.sendall(b"%X\r\n" % k)
            conn.sendall(view[:k])
            if chunked:
                conn.sendall(b"\r\n")
            left -= k
        if chunked:
            conn.sendall(b"0\r\n\r\n")
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
