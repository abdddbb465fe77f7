"""Configuration classes loaded with app.config.from_object()."""
import os


class BaseConfig:
    DEBUG = False  # safe: CWE-489 off
    SESSION_COOKIE_SECURE = True  # safe: CWE-614 on
    SESSION_COOKIE_HTTPONLY = True  # safe: CWE-1004 on
    WTF_CSRF_ENABLED = True  # safe: CWE-352 on
    SQLALCHEMY_DATABASE_URI = os.environ.get("BILLING_DB_URL", "sqlite:///billing.db")
    PDF_ROOT = "/srv/billing/pdf"


class ProductionConfig(BaseConfig):
    PREFERRED_URL_SCHEME = "https"


class StagingConfig(BaseConfig):
    # The staging load balancer terminates TLS on a different port and the
    # team turned this off "temporarily" while debugging redirects.
    SESSION_COOKIE_SECURE = False  # expect: CWE-614 session cookie sent over plain HTTP


class PartnerEmbedConfig(BaseConfig):
    # Partner portals post forms into an iframe; they could not send the token.
    WTF_CSRF_ENABLED = False  # expect: CWE-352 CSRF protection disabled
