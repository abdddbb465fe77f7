import os


def load_config():
    return {
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL", "sqlite:///billing.db"),
        "SESSION_COOKIE_SECURE": True,  # safe: CWE-614
        "SESSION_COOKIE_HTTPONLY": True,  # safe: CWE-1004
        "SESSION_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_ENABLED": True,  # safe: CWE-352
        "DEBUG": os.environ.get("FLASK_DEBUG") == "1",  # safe: CWE-489 opt-in through the environment
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD", ""),  # safe: CWE-259 from the environment
        "EXPORT_ROOT": os.environ.get("EXPORT_ROOT", "/srv/billing/exports"),
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
    }
