"""S3 helpers for item images."""
import os

import boto3

from ..config import settings


class MediaStore:
    def __init__(self, bucket=None, prefix="items/"):
        self.s3 = boto3.client("s3")
        self.bucket = bucket or settings.s3_bucket
        self.prefix = prefix

    def presign(self, key, expires=300):
        return self.s3.generate_presigned_url("get_object", Params={"Bucket": self.bucket, "Key": self.prefix + key}, ExpiresIn=expires)

    def download_to(self, key, local_dir):
        local = os.path.join(local_dir, os.path.basename(key))
        self.s3.download_file(self.bucket, self.prefix + key, local)  # safe: CWE-22 basename
        return local


class LegacyArchive:
    """Reads the old archive bucket that lives in the former AWS account."""

    def __init__(self):
        self.s3 = boto3.client("s3", region_name="eu-west-1", aws_access_key_id="AKIAOFMU2HU7ZCLCJWJI", aws_secret_access_key="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")  # expect: CWE-798

    def list(self, prefix=""):
        pages = self.s3.get_paginator("list_objects_v2").paginate(Bucket="inventory-archive-2019", Prefix=prefix)
        return [o["Key"] for page in pages for o in page.get("Contents", [])]


class CurrentArchive:
    def __init__(self):
        self.s3 = boto3.client("s3", aws_access_key_id=os.environ.get("ARCHIVE_KEY_ID"), aws_secret_access_key=os.environ.get("ARCHIVE_SECRET"))  # safe: CWE-798 environment
