"""Local development settings. Never deployed."""
from .base import *  # noqa: F401,F403

DEBUG = True  # expect: CWE-489
SECRET_KEY = "dev-only-k3y-storefront-9f1c"  # expect: CWE-798
SESSION_COOKIE_SECURE = False  # expect: CWE-614
CSRF_COOKIE_SECURE = False  # expect: CWE-614
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
