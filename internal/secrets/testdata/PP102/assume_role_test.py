import os

# Output of `aws sts assume-role`, pasted into a test.
CREDENTIALS = {
    "AccessKeyId": "ASIAPPATROLLC2JQNTQ7",
    "SecretAccessKey": "PPatrolaiFJ+5rH31WT3sZGg8PNnAI/QaPce1Edj",  # want: PP102
    "SessionToken": os.environ["AWS_SESSION_TOKEN"],
}

# Safe look-alikes: 40 characters that are not AWS keys.
SIGNATURE = "PPatrolIrxaRF4B9tzLtvmPXymKPD7euvZF6qCTm"
AWS_COMMIT = "af2a080ad8541c11a795e1d763f588b265b23444"
AWS_SECRET_FROM_ENV = os.environ["AWS_SECRET_ACCESS_KEY"]


def boto_kwargs():
    return {
        "aws_access_key_id": os.environ["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": os.environ["AWS_SECRET_ACCESS_KEY"],
    }


def test_client():
    key = "aws_secret_access_key=PPatrol4jBbxj/W+4cKqHNbXeQm1juCRsx0Y8oyd"  # want: PP102
    assert key
