"""Settings shared by every storefront deployment."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # safe: CWE-798 read from the environment

DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"  # safe: CWE-489 from the environment

ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "storefront.catalog",
    "storefront.orders",
    "storefront.accounts",
    "storefront.cms",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "storefront.accounts.middleware.RequestIdMiddleware",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "storefront"),
        "USER": os.environ.get("DB_USER", "storefront"),
        "PASSWORD": os.environ.get("DB_PASSWORD", ""),  # safe: CWE-259 environment
        "HOST": os.environ.get("DB_HOST", "127.0.0.1"),
        "PORT": 5432,
    }
}

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))
WEBHOOK_SECRET = os.environ.get("CARRIER_WEBHOOK_SECRET", "")

SESSION_COOKIE_SECURE = True  # safe: CWE-614
SESSION_COOKIE_HTTPONLY = True  # safe: CWE-1004
CSRF_COOKIE_SECURE = True  # safe: CWE-614

CORS_ALLOWED_ORIGINS = ["https://shop.example.com", "https://m.shop.example.com"]
CORS_ALLOW_CREDENTIALS = True  # safe: CWE-942 explicit origins

REST_FRAMEWORK = {
    "DEFAULT_PAGINATION_CLASS": "storefront.catalog.pagination.StandardPagination",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "PAGE_SIZE": 25,
}

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
