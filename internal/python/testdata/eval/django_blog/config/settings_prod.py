"""Production settings: everything sensitive comes from the environment."""
import os

from .settings import *

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # safe: CWE-798
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"  # safe: CWE-489
DATABASES["default"]["PASSWORD"] = os.environ["DB_PASSWORD"]  # safe: CWE-259
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")  # safe: CWE-259
SESSION_COOKIE_SECURE = True  # safe: CWE-614
CSRF_COOKIE_SECURE = True  # safe: CWE-614
SESSION_COOKIE_HTTPONLY = True  # safe: CWE-1004
CORS_ALLOWED_ORIGINS = ["https://blog.example.com"]  # safe: CWE-942
CORS_ALLOW_CREDENTIALS = True
