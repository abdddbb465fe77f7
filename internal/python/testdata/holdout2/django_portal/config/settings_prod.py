import os

from .settings import *  # noqa: F401,F403

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # safe: CWE-798 from the environment
DEBUG = False  # safe: CWE-489
CORS_ALLOW_ALL_ORIGINS = False  # safe: CWE-942
CORS_ALLOWED_ORIGINS = ["https://portal.example.com", "https://app.example.com"]
CORS_ALLOW_CREDENTIALS = True  # safe: CWE-942 explicit origins
SESSION_COOKIE_SECURE = True  # safe: CWE-614
EMAIL_HOST_PASSWORD = os.environ["EMAIL_HOST_PASSWORD"]  # safe: CWE-259 from the environment
