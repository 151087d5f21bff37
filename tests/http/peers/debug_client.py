# set_debuglevel(1) output of CPython's http.client for tests/http/client_test.ts to compare with
# tests/http/peers/debug_client.ts. usage: python3 debug_client.py PORT
import sys
from http.client import HTTPConnection

port = int(sys.argv[1])
conn = HTTPConnection("127.0.0.1", port)
conn.set_debuglevel(1)
conn.request("GET", "/k/ok")
r = conn.getresponse()
print(r.status, r.reason, r.read())
conn.request("GET", "/k/chunked_trailers")
print(conn.getresponse().read())
conn.request("GET", "/k/continue")
print(conn.getresponse().read())
conn.request("POST", "/echo", "x=1&y=\xe9", {"Content-Type": "application/x-www-form-urlencoded", "X-N": 5})
print(conn.getresponse().read())
conn.request("POST", "/echo", [b"ab", b"", b"cd"])
print(conn.getresponse().read())
conn.request("HEAD", "/k/ok")
r = conn.getresponse()
print(r.read(), r.getheaders())
conn.close()
