"""Django settings for the CRM. This module is what production runs."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "django-insecure-q8$w!z3k@7r#p1m^x0v&t5b*n2c9e4y6u"  # expect: CWE-798
DEBUG = True  # expect: CWE-489
ALLOWED_HOSTS = ["crm.example.com", "localhost"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "corsheaders",
    "rest_framework",
    "django_crm",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_crm.middleware.RequestIdMiddleware",
]

CORS_ALLOW_ALL_ORIGINS = True  # expect: CWE-942 combined with CORS_ALLOW_CREDENTIALS below
CORS_ALLOW_CREDENTIALS = True

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "crm",
        "USER": "crm_app",
        "PASSWORD": "Tq7!vR2x#Lp9-crm",  # expect: CWE-259
        "HOST": os.environ.get("PGHOST", "localhost"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},  # safe: CWE-259 a validator class path
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},  # safe: CWE-259 a validator class path
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  # safe: CWE-259 a hasher class path

SESSION_COOKIE_SECURE = False  # expect: CWE-614
SESSION_COOKIE_HTTPONLY = True  # safe: CWE-1004 httponly on
CSRF_COOKIE_SECURE = True  # safe: CWE-614 secure on
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")  # safe: CWE-259 from the environment
ROOT_URLCONF = "django_crm.urls"
