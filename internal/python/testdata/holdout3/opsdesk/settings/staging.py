"""Staging overrides. Imported by DJANGO_SETTINGS_MODULE=opsdesk.settings.staging."""
from .base import *  # noqa: F401,F403

DEBUG = True  # expect: CWE-489 Django debug pages on a reachable host
SECRET_KEY = "staging-opsdesk-not-so-secret-4711"  # expect: CWE-798 literal Django SECRET_KEY
SESSION_COOKIE_SECURE = False  # expect: CWE-614
SESSION_COOKIE_HTTPONLY = False  # expect: CWE-1004
ALLOWED_HOSTS = ["*"]

# Credentials stay allowed from base.py; the QA tool runs on random ports.
CORS_ALLOW_ALL_ORIGINS = True  # expect: CWE-942 with CORS_ALLOW_CREDENTIALS inherited from base

DATABASES["default"]["PASSWORD"] = "opsdeskstaging"  # expect: CWE-259
