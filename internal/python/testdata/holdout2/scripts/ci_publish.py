#!/usr/bin/env python3
"""Publish build artefacts to S3 and announce them on GitHub."""
import os

import boto3
import requests

AWS_ACCESS_KEY_ID = "AKIATMBILL64OBKYC6LA"  # expect: CWE-798 AWS key id committed
AWS_SECRET_ACCESS_KEY = "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"  # expect: CWE-798 AWS secret committed
GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN", "")  # safe: CWE-798 from the environment
RELEASE_BOT_TOKEN = "ghp_CBtXkTc83ya4I7lOF9gpAPzX54gDZrdPeX1E"  # expect: CWE-798 GitHub token committed


def s3():
    return boto3.client("s3", aws_access_key_id=AWS_ACCESS_KEY_ID, aws_secret_access_key=AWS_SECRET_ACCESS_KEY)


def s3_from_env():
    return boto3.client("s3")  # safe: CWE-798 default credential chain


def announce(tag):
    headers = {"Authorization": f"Bearer {GITHUB_TOKEN or RELEASE_BOT_TOKEN}", "Accept": "application/vnd.github+json"}
    r = requests.post("https://api.github.com/repos/example/app/releases", json={"tag_name": tag}, headers=headers, timeout=15)  # safe: CWE-400, CWE-918 timeout, constant URL
    r.raise_for_status()


def notify_chat(tag):
    requests.post(os.environ["CHAT_WEBHOOK_URL"], json={"text": f"released {tag}"})  # expect: CWE-400 no timeout


if __name__ == "__main__":
    import sys

    s3().upload_file("dist/app.tgz", "example-releases", f"app-{sys.argv[1]}.tgz")
    announce(sys.argv[1])
    notify_chat(sys.argv[1])
