"""Settings object loaded by the admin dashboard (Flask)."""
import os


class Config:
    SECRET_KEY = os.environ.get("DASHBOARD_SECRET_KEY")  # safe: CWE-798
    DEBUG = False  # safe: CWE-489
    SESSION_COOKIE_SECURE = True  # safe: CWE-614
    SESSION_COOKIE_HTTPONLY = True  # safe: CWE-1004
    WTF_CSRF_ENABLED = True  # safe: CWE-352


class LegacyConfig(Config):
    SECRET_KEY = "dashboard-flask-secret-7d1e9c"  # expect: CWE-798
    SQLALCHEMY_DATABASE_URI = "postgresql://dash@db.internal/dash"
    MAIL_PASSWORD = "Mail-Relay-Pass-31"  # expect: CWE-259
    WTF_CSRF_ENABLED = False  # expect: CWE-352
