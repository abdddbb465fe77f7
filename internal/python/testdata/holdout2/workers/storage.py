import os
import tempfile
import uuid

import boto3

BUCKET = os.environ.get("BLOB_BUCKET", "billing-blobs")


def fetch_blob(blob_id):
    key = str(uuid.UUID(blob_id))
    fd, path = tempfile.mkstemp(prefix="blob-")  # safe: CWE-377 mkstemp
    os.close(fd)
    boto3.client("s3").download_file(BUCKET, key, path)
    return path


def write_marker(job_id):
    with open("/tmp/billing-worker.marker", "w") as fh:  # expect: CWE-377 fixed path in /tmp
        fh.write(str(job_id))
