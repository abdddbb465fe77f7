"""Production settings."""
import os

from .base import *  # noqa: F401,F403

DEBUG = False  # safe: CWE-489
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SESSION_COOKIE_SECURE = True  # safe: CWE-614
SESSION_COOKIE_HTTPONLY = True  # safe: CWE-1004
CSRF_COOKIE_SECURE = True  # safe: CWE-614
CORS_ALLOW_ALL_ORIGINS = False  # safe: CWE-942
EMAIL_HOST_PASSWORD = os.environ.get("SMTP_PASSWORD", "")  # safe: CWE-259 environment
