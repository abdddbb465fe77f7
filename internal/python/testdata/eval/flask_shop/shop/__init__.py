"""Application factory for the storefront and its partner API."""
import os

from flask import Flask
from flask_cors import CORS
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()


def create_app():
    app = Flask(__name__)
    app.secret_key = os.environ["SHOP_SECRET_KEY"]  # safe: CWE-798 read from the environment
    app.config["SESSION_COOKIE_SECURE"] = True  # safe: CWE-614
    app.config["SESSION_COOKIE_HTTPONLY"] = True  # safe: CWE-1004
    app.config["WTF_CSRF_ENABLED"] = True  # safe: CWE-352
    csrf.init_app(app)
    CORS(app, origins=["https://shop.example.com"], supports_credentials=True)  # safe: CWE-942 explicit origin

    from . import account, admin, audit, catalog, files, orders, reports, webhooks

    for module in (account, admin, audit, catalog, files, orders, reports, webhooks):
        app.register_blueprint(module.bp)
    return app


def create_public_feed():
    """Read-only product feed consumed by price comparison sites."""
    feed = Flask("public_feed")
    CORS(feed, origins="*")  # safe: CWE-942 wildcard without credentials
    return feed


def create_partner_app():
    partner = Flask("partner")
    partner.secret_key = os.environ.get("PARTNER_SECRET_KEY", "")  # safe: CWE-798
    partner.config["SESSION_COOKIE_SECURE"] = False  # expect: CWE-614
    partner.config["SESSION_COOKIE_HTTPONLY"] = False  # expect: CWE-1004
    partner.config["WTF_CSRF_ENABLED"] = False  # expect: CWE-352
    CORS(partner, origins="*", supports_credentials=True)  # expect: CWE-942
    return partner
