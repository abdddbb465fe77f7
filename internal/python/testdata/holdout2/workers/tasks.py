"""Celery tasks for the billing portal."""
import json
import logging
import os
import subprocess

import requests
from celery import Celery

from .storage import fetch_blob

celery_app = Celery("billing", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
log = logging.getLogger("billing.tasks")

CONVERTERS = {"pdf": "/usr/bin/libreoffice", "png": "/usr/bin/convert"}


@celery_app.task(bind=True, max_retries=3)
def deliver_webhook(self, endpoint_id):
    from .endpoints import load_endpoint

    ep = load_endpoint(endpoint_id)
    try:
        requests.post(ep.url, json=ep.payload, timeout=10, verify=ep.ca_bundle or True)  # safe: CWE-295, CWE-400 verification kept on, timeout set
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=30)


@celery_app.task
def sync_partner_feed(feed_url):
    resp = requests.get(feed_url, timeout=30, verify=False)  # expect: CWE-295 verification off
    return len(resp.content)


@celery_app.task
def convert_document(blob_id, fmt):
    binary = CONVERTERS.get(fmt)
    if binary is None:
        raise ValueError(f"unsupported format {fmt!r}")
    src = fetch_blob(blob_id)
    subprocess.run([binary, "--headless", "--convert-to", fmt, src], check=True, timeout=300)  # safe: CWE-78 program from a fixed dict, argument vector


@celery_app.task
def load_job_state(raw):
    state = json.loads(raw)  # safe: CWE-502 JSON
    log.info("job %s resumed at step %d", state["job"], int(state["step"]))
    return state
