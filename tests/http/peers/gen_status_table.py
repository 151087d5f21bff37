# Regenerates tests/vectors/http_status.json from the oracle (CPython 3.14's http module):
#   PYTHONPATH=../shared/cpython314 python3.13 tests/http/peers/gen_status_table.py > tests/vectors/http_status.json
import http, json
print(json.dumps({
    "status": [[n, m.value, m.phrase, m.description, repr(m), str(m)] for n, m in http.HTTPStatus.__members__.items()],
    "method": [[m.name, m.value, m.description, repr(m), str(m)] for m in http.HTTPMethod],
}, indent=0))
