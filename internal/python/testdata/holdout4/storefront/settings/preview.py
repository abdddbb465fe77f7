"""Settings for per-branch preview environments."""
import os

from .base import *  # noqa: F401,F403

DEBUG = os.environ.get("PREVIEW_DEBUG") == "yes"  # safe: CWE-489 environment
ALLOWED_HOSTS = ["*"]

# Preview front-ends run on random subdomains, so allow them all.
CORS_ALLOW_ALL_ORIGINS = True  # expect: CWE-942
CORS_ALLOW_CREDENTIALS = True
SESSION_COOKIE_HTTPONLY = False  # expect: CWE-1004
