"""Settings for the blog as deployed on the shared VM."""
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "q7#vk2!m9p$w4z@x1n&c8r^t0y*b5h(e)j_s+a=d3f6g"  # expect: CWE-798
DEBUG = True  # expect: CWE-489
ALLOWED_HOSTS = ["blog.example.com"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "blog",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "blog",
        "USER": "blog",
        "PASSWORD": "Blog!Pass2023",  # expect: CWE-259
        "HOST": "db.internal",
        "PORT": "5432",
    }
}

SESSION_COOKIE_SECURE = False  # expect: CWE-614
CSRF_COOKIE_SECURE = False  # expect: CWE-614
SESSION_COOKIE_HTTPONLY = False  # expect: CWE-1004

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
PASSWORD_RESET_TIMEOUT = 3600  # safe: CWE-259 not a password
MEDIA_ROOT = BASE_DIR / "media"
