#!/usr/bin/env bash
# Install the real peers the interop tests talk to, when they are missing.
set -u
need=()
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
{ command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null 2>&1 || need+=(nginx-light)  # http.client interop + benches
command -v chromium >/dev/null 2>&1 || need+=(chromium)  # listing render test, demo screenshot test
command -v wrk >/dev/null 2>&1 || need+=(wrk)  # bench/http_server_compare.ts, bench/wsgi_fetch_compare.ts
/usr/bin/python3 -c "import gunicorn" >/dev/null 2>&1 || need+=(python3-gunicorn)  # bench/wsgi_compare.ts, bench/wsgi_fetch_compare.ts (sync, gthread)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 ||
    echo "warning: could not install ${need[*]}"
fi
exit 0
