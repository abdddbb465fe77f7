"""Consumes export jobs that the web tier enqueues with the user's options.

Messages on this queue carry form fields verbatim, so they are as untrusted as the request.
"""
import json
import os
import subprocess as sp

import redis

EXPORT_DIR = "/srv/exports"
FORMATS = {"csv": "text/csv", "json": "application/json"}


def process(job):
    fmt = job.get("format", "csv")
    if fmt not in FORMATS:
        return None
    out = os.path.join(EXPORT_DIR, job["file"])
    sp.run(f"exporter --format {fmt} --out {out}", shell=True, check=True)  # expect: CWE-78 job["file"] is user data
    with open(os.path.join(EXPORT_DIR, os.path.basename(job["file"])) + ".done", "w") as fh:  # safe: CWE-22 basename
        fh.write(fmt)
    return out


def run_forever(client):
    while True:
        _, raw = client.blpop("exports")
        process(json.loads(raw))


if __name__ == "__main__":
    run_forever(redis.Redis(host=os.environ.get("REDIS_HOST", "127.0.0.1"), password=os.environ.get("REDIS_PASSWORD")))
