"""Configuration objects for the shop, selected by profile name."""
import os
from dataclasses import dataclass, field


class BaseConfig:
    SECRET_KEY = os.environ.get("SHOP_SECRET_KEY")  # safe: CWE-798 read from the environment
    SESSION_COOKIE_SECURE = True  # safe: CWE-614 secure session cookie
    SESSION_COOKIE_HTTPONLY = True  # safe: CWE-1004 httponly session cookie
    WTF_CSRF_ENABLED = True  # safe: CWE-352 protection on
    DEBUG = False  # safe: CWE-489 debug off
    PASSWORD_MIN_LENGTH = 12  # safe: CWE-259 a number, not a password
    PASSWORD_RESET_PATH = "/account/reset-password"  # safe: CWE-259 a URL path
    DATABASE = "/srv/shop/shop.sqlite3"
    UPLOAD_ROOT = "/srv/shop/uploads"
    REPORT_DIR = "/srv/shop/reports"
    CATALOG_TOKEN = os.environ.get("CATALOG_TOKEN", "")


class StagingConfig(BaseConfig):
    SECRET_KEY = "stg-4f9c1e7a2b8d6e0f3a5c9b1d77e2"  # expect: CWE-798
    SMTP_PASSWORD = "Wint3r!sComing#42"  # expect: CWE-259
    WTF_CSRF_CHECK_DEFAULT = False  # expect: CWE-352


@dataclass(frozen=True)
class MailSettings:
    host: str = "smtp.example.com"
    port: int = 587
    user: str = "shop-notify"
    password: str = field(default_factory=lambda: os.environ["SMTP_PASSWORD"])  # safe: CWE-259 from the environment


PROFILES = {"production": BaseConfig, "staging": StagingConfig}


def load_config(profile):
    try:
        return PROFILES[profile]
    except KeyError:
        raise RuntimeError(f"unknown profile {profile!r}: use one of {sorted(PROFILES)}") from None
