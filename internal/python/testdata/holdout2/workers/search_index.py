"""Search index maintenance: Flask endpoint plus the Celery task it enqueues."""
import logging
import pickle

import boto3
import psycopg2
from celery import shared_task
from flask import Blueprint, jsonify, request

bp = Blueprint("search_index", __name__)
log = logging.getLogger("search_index")

INDEXABLE = {"articles", "products", "faq"}


@shared_task
def rebuild_index(collection):
    conn = psycopg2.connect("dbname=search")
    with conn.cursor() as cur:
        cur.execute(f"REFRESH MATERIALIZED VIEW search_{collection}")  # expect: CWE-89 collection comes straight from the query string (see rebuild)
    conn.commit()


@shared_task
def rebuild_index_checked(collection):
    if collection not in INDEXABLE:
        raise ValueError("unknown collection")
    conn = psycopg2.connect("dbname=search")
    with conn.cursor() as cur:
        cur.execute(f"REFRESH MATERIALIZED VIEW search_{collection}")  # safe: CWE-89 checked against INDEXABLE
    conn.commit()


@bp.post("/search/rebuild")
def rebuild():
    collection = request.args.get("collection", "articles")
    rebuild_index.delay(collection)
    rebuild_index_checked.delay(collection)
    return jsonify(queued=True)


def drain_reindex_queue(queue_url):
    sqs = boto3.client("sqs")
    msgs = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
    for m in msgs:
        job = pickle.loads(bytes.fromhex(m["Body"]))  # expect: CWE-502 queue messages unpickled; any producer with queue access controls them
        rebuild_index_checked.delay(job["collection"])
        sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=m["ReceiptHandle"])
