import os


class Config:
    SECRET_KEY = os.environ.get("AUTHGATE_SECRET_KEY")  # safe: CWE-798 environment
    SESSION_COOKIE_SECURE = True  # safe: CWE-614
    SESSION_COOKIE_HTTPONLY = True  # safe: CWE-1004
    SESSION_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_ENABLED = True  # safe: CWE-352
    SQLALCHEMY_DATABASE_URI = os.environ.get("AUTHGATE_DB", "sqlite:///authgate.db")
    OAUTH_CLIENT_ID = os.environ.get("OAUTH_CLIENT_ID", "")
    OAUTH_CLIENT_SECRET = os.environ.get("OAUTH_CLIENT_SECRET", "")  # safe: CWE-798 environment


class ProductionConfig(Config):
    PREFERRED_URL_SCHEME = "https"


class LocalConfig(Config):
    WTF_CSRF_ENABLED = False  # expect: CWE-352
    SESSION_COOKIE_SECURE = False  # expect: CWE-614


class StagingConfig(Config):
    WTF_CSRF_ENABLED = True  # safe: CWE-352
    WTF_CSRF_TIME_LIMIT = 3600
    SESSION_COOKIE_SECURE = True  # safe: CWE-614
