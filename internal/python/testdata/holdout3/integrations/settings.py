"""Integration settings. Secrets should come from the environment."""
import os

AWS_REGION = "eu-west-1"
AWS_ACCESS_KEY_ID = "AKIA4QWZ7NPL3HXR2KDM"  # expect: CWE-798 AWS access key id
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY", "")  # safe: CWE-798 from the environment
PARTNER_API_TOKEN = "pt_9f8Kq2LmX7vR4nB1cZ6tY3wE"  # expect: CWE-798 high-entropy token literal
CRM_TOKEN = os.environ.get("CRM_TOKEN", "")  # safe: CWE-798 from the environment
CACHE_KEY_PREFIX = "integrations:v3:"  # safe: CWE-798 not a credential
TOKEN_HEADER = "X-Partner-Token"  # safe: CWE-798 a header name
