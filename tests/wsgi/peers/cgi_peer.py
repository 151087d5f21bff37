# The oracle side of tests/cgi_test.ts: runs Python 3.11's cgi module on the
# cases read from stdin (JSON) and prints a JSON summary of each result.
import io, json, sys, warnings
warnings.simplefilter("ignore")
import cgi


def b(s):
    return s.encode("latin-1")


def enc(v):
    if isinstance(v, (cgi.FieldStorage, cgi.MiniFieldStorage)):
        return summ(v)
    if isinstance(v, bytes):
        return {"$b": v.decode("latin-1")}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return sorted([[k, enc(x)] for k, x in v.items()])
    return v


def summ(item):
    if isinstance(item, cgi.MiniFieldStorage):
        return ["mini", item.name, item.value]
    if item.list is not None:
        return ["form", item.name, item.type, sorted(k for k in item.keys() if k is not None),
                [summ(x) for x in item.list]]
    return ["part", item.name, item.filename, item.type, enc(item.type_options), item.disposition,
            enc(item.disposition_options), enc(item.value)]


def run(case):
    kind = case["kind"]
    if kind == "header":
        key, pdict = cgi.parse_header(case["line"])
        return [key, enc(pdict)]
    if kind == "fs":
        kw = dict(case.get("opts", {}))
        fs = cgi.FieldStorage(fp=io.BytesIO(b(case["body"])), environ=case["environ"], **kw)
        out = summ(fs)
        if fs.list is not None:
            keys = sorted(k for k in fs.keys() if k is not None)
            out.append([[k, enc(fs.getlist(k)), enc(fs.getfirst(k)), enc(fs.getvalue(k))] for k in keys])
        return out
    if kind == "multipart":
        pdict = {"boundary": b(case["boundary"])}
        if "length" in case:
            pdict["CONTENT-LENGTH"] = case["length"]
        r = cgi.parse_multipart(io.BytesIO(b(case["body"])), pdict, **case.get("opts", {}))
        return sorted([k, enc(v)] for k, v in r.items())
    if kind == "parse":
        env = dict(case["environ"])
        r = cgi.parse(io.BytesIO(b(case["body"])), env, **case.get("opts", {}))
        return [sorted([k, enc(v)] for k, v in r.items()), env.get("QUERY_STRING")]
    raise ValueError(kind)


out = []
for c in json.load(sys.stdin):
    try:
        out.append({"ok": run(c)})
    except Exception as e:
        out.append({"error": type(e).__name__, "message": str(e)})
sys.stdout.write(json.dumps(out))
