"""Dump every public callable of pyweb's modules, as CPython sees it, for tests/signatures_test.ts.

For each function, method and constructor that a caller can pass a keyword to, it records the
qualname, the parameters (kind, default repr) and CPython's TypeError messages for a bogus keyword,
too many positional arguments and no arguments at all. It also lists each module's public names.

Run: PYTHONPATH=../shared/cpython314 python3.13 tests/_gen_signatures.py > tests/vectors/signatures.json
(cgi comes from the python3 that still has it: python3 tests/_gen_signatures.py cgi)
"""
import importlib, inspect, json, sys, re, warnings
warnings.simplefilter("ignore")

MODULES = ["urllib.parse", "urllib.request", "urllib.error", "urllib.response", "urllib.robotparser",
           "http", "http.client", "http.server", "http.cookies", "http.cookiejar", "html", "html.parser",
           "html.entities", "wsgiref.simple_server", "wsgiref.util", "wsgiref.headers", "wsgiref.validate",
           "wsgiref.handlers", "wsgiref.types", "socketserver"]
if sys.argv[1:] == ["cgi"]:
    MODULES = ["cgi"]

KINDS = {inspect.Parameter.POSITIONAL_ONLY: "posonly", inspect.Parameter.POSITIONAL_OR_KEYWORD: "pos",
         inspect.Parameter.VAR_POSITIONAL: "varpos", inspect.Parameter.KEYWORD_ONLY: "kwonly",
         inspect.Parameter.VAR_KEYWORD: "varkw"}

def norm(r):
    r = re.sub(r"environ\(\{.*?\}\)", "<os.environ>", r)
    return re.sub(r"<(.*?) at 0x[0-9a-f]+>", r"<\1>", r)

def message(fn, args, kwargs):
    try:
        fn(*args, **kwargs)
    except TypeError as e:
        return str(e)
    except BaseException as e:
        return None
    return None

def describe(fn, qualname, kind):
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    params = list(sig.parameters.values())
    nameable = [p for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY, p.VAR_KEYWORD)]
    first = 1 if kind in ("method", "init") else 0
    if not nameable[first:] if kind in ("method", "init") else not nameable:
        return None
    out = []
    for p in params:
        out.append({"name": p.name, "kind": KINDS[p.kind],
                    "default": None if p.default is p.empty else norm(repr(p.default))})
    selfargs = [None] if first else []
    npos = sum(1 for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
    has_varpos = any(p.kind == p.VAR_POSITIONAL for p in params)
    has_varkw = any(p.kind == p.VAR_KEYWORD for p in params)
    raw = fn
    msgs = {
        "bogus": None if has_varkw else message(raw, selfargs, {"bogus": 1}),
        "too_many": None if has_varpos else message(raw, selfargs + [0] * (npos - first + 1), {}),
        "missing": message(raw, selfargs, {}) if any(
            p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
            for p in params[first:]) else None,
    }
    return {"qualname": qualname, "kind": kind, "params": out, "messages": msgs,
            "signature": norm(str(sig))}

result = {}
for m in MODULES:
    mod = importlib.import_module(m)
    names = sorted(n for n in dir(mod) if not n.startswith("_"))
    entries = []
    for name in names:
        obj = getattr(mod, name)
        if getattr(obj, "__module__", None) != m:
            continue
        if inspect.isfunction(obj):
            d = describe(obj, obj.__qualname__, "function")
            if d: d["path"] = [name]; entries.append(d)
        elif inspect.isclass(obj):
            for attr, v in vars(obj).items():
                if attr.startswith("_") and attr != "__init__":
                    continue
                if isinstance(v, staticmethod):
                    d = describe(v.__func__, v.__func__.__qualname__, "static")
                elif isinstance(v, classmethod):
                    d = describe(v.__func__, v.__func__.__qualname__, "method")
                    if d: d["kind"] = "classmethod"
                elif inspect.isfunction(v):
                    d = describe(v, v.__qualname__, "init" if attr == "__init__" else "method")
                else:
                    continue
                if d: d["path"] = [name, attr]; entries.append(d)
    result[m] = {"names": names, "callables": entries}
json.dump(result, sys.stdout, indent=1, sort_keys=True)
print()
