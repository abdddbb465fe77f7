"""Settings of the nightly export job."""
import os

import boto3

# Pasted while debugging a permissions problem.
AWS_ACCESS_KEY_ID = "AKIAPPATROL37HPOLVIS"  # want: PP101

# Safe look-alikes.
AWS_ACCESS_KEY_ID_DOCS = "AKIAIOSFODNN7EXAMPLE"  # AWS's documented example
AWS_ACCESS_KEY_ID_TEMPLATE = "AKIAXXXXXXXXXXXXXXXX"
AWS_ACCESS_KEY_ID_FROM_ENV = os.environ["AWS_ACCESS_KEY_ID"]
KEY_ID_PREFIXES = ("AKIA", "ASIA", "ABIA", "ACCA")
NOT_A_KEY_ID = "AKIAPPATROL37HPOLVISQX"  # 22 characters
LOWER_CASE = "akiappatrol37hpolvis"


def export_client():
    return boto3.client(
        "s3",
        aws_access_key_id="ASIAPPATROLLC2JQNTQ7",  # want: PP101
        aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
        aws_session_token=os.environ.get("AWS_SESSION_TOKEN"),
    )


def looks_like_key_id(value: str) -> bool:
    return value[:4] in KEY_ID_PREFIXES and len(value) == 20
