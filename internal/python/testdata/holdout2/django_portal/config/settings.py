"""Settings for the customer portal (shared by every environment)."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "k3v9#p2@x7!m1q8&z5w0r4t6y^u2e9aLq"  # expect: CWE-798 signing key committed
DEBUG = True  # expect: CWE-489 on in the shared settings module
ALLOWED_HOSTS = ["portal.example.com", "portal-internal.example.com"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "portal",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.RequestIdMiddleware",
    "portal.middleware.AuditMiddleware",
]

ROOT_URLCONF = "config.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "portal",
        "USER": "portal",
        "PASSWORD": os.environ.get("PORTAL_DB_PASSWORD", ""),  # safe: CWE-259 from the environment
        "HOST": os.environ.get("PORTAL_DB_HOST", "localhost"),
    }
}

EMAIL_HOST = "smtp.example.com"
EMAIL_HOST_USER = "portal-mailer"
EMAIL_HOST_PASSWORD = "Tr0ub4dor&3"  # expect: CWE-259 SMTP password committed

CORS_ALLOW_ALL_ORIGINS = True  # expect: CWE-942 any origin, and credentials are allowed below
CORS_ALLOW_CREDENTIALS = True

SESSION_COOKIE_SECURE = False  # expect: CWE-614 session cookie sent over plain HTTP
SESSION_COOKIE_HTTPONLY = True  # safe: CWE-1004
CSRF_COOKIE_SECURE = True  # safe: CWE-614

MEDIA_ROOT = BASE_DIR / "media"
REPORTS_ROOT = BASE_DIR / "reports"
STATIC_URL = "/static/"
