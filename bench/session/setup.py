#!/usr/bin/env python3
"""Prepares the benchmark: a pro tenant and key (admin API) and many started sessions on the default
template (six phases: five advances each). Prints the API key; writes the session ids to a file."""
import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

base, operator_secret, sessions, ids_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]


def call(method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


admin = {"X-Operator-Secret": operator_secret}
tenant = call("POST", "/admin/tenants", {"name": "Benchmark", "tier": "pro"}, admin)
key = call("POST", "/admin/tenants/%s/keys" % tenant["id"], None, admin)["apiKey"]
auth = {"X-API-Key": key}


def started_session(n):
    session = call("POST", "/sessions", {"question": "Design a URL shortener", "candidateRef": "bench-%d" % n}, auth)
    call("POST", "/sessions/%s/start" % session["id"], None, auth)
    return session["id"]


with ThreadPoolExecutor(8) as pool:
    ids = list(pool.map(started_session, range(sessions)))
with open(ids_file, "w") as out:
    out.write("\n".join(ids) + "\n")
print(key)
