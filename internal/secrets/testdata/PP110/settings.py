"""Django settings for the billing service."""
import os

from vault import get_secret

DEBUG = False
SECRET_KEY = "ymMlopiWfqUyHRSIf8NFmAUNLnY5Yx0y"  # want: PP110
SECRET_KEY_FALLBACK = os.environ.get("SECRET_KEY_FALLBACK", "")

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing",
        "PASSWORD": "jDQl2Kvf8THRXfEuzcrJaBnx",  # want: PP110
        "HOST": "db.internal",
    },
    "replica": {
        "USER": "billing",
        "PASSWORD": os.environ["REPLICA_PASSWORD"],
        "HOST": "replica.internal",
    },
}

EMAIL_HOST_PASSWORD = get_secret("smtp-password")
EMAIL_HOST_USER = "notifications"
API_KEY_HEADER = "X-Api-Key"
PASSWORD_RESET_TIMEOUT = 259200
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]
SESSION_COOKIE_NAME = "billing_session"


class PaymentClient:
    def __init__(self, api_key=None, timeout=10):
        self.api_key = api_key or os.environ["PAYMENT_API_KEY"]
        self.timeout = timeout


client = PaymentClient(api_key="DH5mMDdwin86TkVYCM7l")  # want: PP110
test_client = PaymentClient(api_key="test-key-for-unit-tests")
doc_client = PaymentClient(api_key="<your-api-key>")


def connect(password: str = "chbkER0Af7BOfjtNayviHzm5"):  # want: PP110
    return password


def login(username, password="changeme"):
    return username, password
