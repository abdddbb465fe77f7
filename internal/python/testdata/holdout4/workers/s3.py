import json
import os
import pickle

import boto3

s3 = boto3.client("s3")


def fetch_object(bucket, key, dest_dir):
    local = os.path.join(dest_dir, os.path.basename(key))
    s3.download_file(bucket, key, local)
    return local


def read_manifest(bucket, key):
    body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    return json.loads(body)  # safe: CWE-502 JSON


def read_cached_frame(bucket, key):
    body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    return pickle.loads(body)  # expect: CWE-502


def write_cached_frame(bucket, key, frame):
    s3.put_object(Bucket=bucket, Key=key, Body=json.dumps(frame).encode())
