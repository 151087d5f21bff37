# Runs http.client scenarios (JSON on stdin: {"port": N, "scenarios": [...]}) and prints the
# outcome of every step as JSON. tests/http/_scenarios.ts runs the same scenarios through pyweb;
# tests/http/client_differential_test.ts compares the two.
import http.client
import io
import json
import sys


def b(s):
    return s.encode("latin-1")


def j(v):
    if isinstance(v, (bytes, bytearray)):
        return {"$b": bytes(v).decode("latin-1")}
    return v


def body_of(spec):
    if spec is None:
        return None
    kind, value = next(iter(spec.items()))
    if kind == "str":
        return value
    if kind == "bytes":
        return b(value)
    if kind == "chunks":
        return [b(x) for x in value]
    if kind == "gen":
        return (b(x) for x in value)
    if kind == "file":
        return io.BytesIO(b(value))
    if kind == "textfile":
        return io.StringIO(value)
    if kind == "int":
        return value
    raise ValueError(kind)


def value_of(v):
    if isinstance(v, dict):
        if "int" in v:
            return v["int"]
        if "bytes" in v:
            return b(v["bytes"])
    return v


def response_info(r):
    return {
        "status": r.status,
        "reason": r.reason,
        "version": r.version,
        "headers": [list(x) for x in r.getheaders()],
        "will_close": r.will_close,
        "length": r.length,
        "chunked": r.chunked,
        "charset": r.msg.get_param("charset"),
        "content_type": r.msg.get_content_type(),
        "getheader_dup": r.getheader("set-cookie"),
        "defects": [type(d).__name__ for d in r.msg.defects],
    }


def read_all(r, mode):
    out = []
    if mode == "all":
        out.append(j(r.read()))
    elif mode.startswith("n:"):
        n = int(mode[2:])
        for _ in range(100000):
            d = r.read(n)
            out.append(j(d))
            if not d:
                break
    elif mode == "lines":
        for _ in range(100000):
            d = r.readline()
            out.append(j(d))
            if not d:
                break
    elif mode.startswith("read1:"):
        n = int(mode[6:])
        for _ in range(100000):
            d = r.read1(n)
            out.append(j(d))
            if not d:
                break
    elif mode.startswith("readinto:"):
        n = int(mode[9:])
        for _ in range(100000):
            buf = bytearray(n)
            k = r.readinto(buf)
            out.append(j(bytes(buf[:k])))
            if not k:
                break
    elif mode == "peek":
        p = r.peek()
        out.append(j(r.read(len(p))))
        out.append(j(r.read()))
    elif mode == "iter":
        for line in r:
            out.append(j(line))
    return {"data": out, "isclosed": r.isclosed(), "closed": r.closed, "length": r.length}


def run(port, sc):
    results = []
    opts = sc.get("conn", {})
    host = opts.get("host", "127.0.0.1")
    cls = http.client.HTTPConnection
    if opts.get("default_port_is_server"):
        cls = type("C", (http.client.HTTPConnection,), {"default_port": port})
    kwargs = {}
    if "timeout" in opts:
        kwargs["timeout"] = opts["timeout"]
    try:
        if opts.get("hostport"):
            conn = cls("%s:%d" % (host, port), **kwargs)
        else:
            conn = cls(host, port, **kwargs)
    except Exception as e:
        return [{"error": type(e).__name__, "message": str(e)}]
    resp = None
    for step in sc["steps"]:
        op = step["op"]
        try:
            if op == "request":
                kw = {}
                if step.get("encode_chunked"):
                    kw["encode_chunked"] = True
                conn.request(step["method"], step["url"], body_of(step.get("body")),
                             {k: value_of(v) for k, v in step.get("headers", [])}, **kw)
                results.append({"ok": op})
            elif op == "putrequest":
                conn.putrequest(step["method"], step["url"], skip_host=step.get("skip_host", False),
                                skip_accept_encoding=step.get("skip_accept_encoding", False))
                results.append({"ok": op})
            elif op == "putheader":
                conn.putheader(step["name"], *[value_of(v) for v in step["values"]])
                results.append({"ok": op})
            elif op == "endheaders":
                kw = {}
                if step.get("encode_chunked"):
                    kw["encode_chunked"] = True
                conn.endheaders(body_of(step.get("body")), **kw)
                results.append({"ok": op})
            elif op == "getresponse":
                resp = conn.getresponse()
                results.append(response_info(resp))
            elif op == "read":
                results.append(read_all(resp, step["mode"]))
            elif op == "close":
                conn.close()
                results.append({"ok": op})
        except Exception as e:
            results.append({"error": type(e).__name__, "message": str(e)})
            if not step.get("continue"):
                break
    conn.close()
    return results


def main():
    spec = json.load(sys.stdin)
    out = [run(spec["port"], sc) for sc in spec["scenarios"]]
    sys.stdout.write(json.dumps(out))


if __name__ == "__main__":
    main()
