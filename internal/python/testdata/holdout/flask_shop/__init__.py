"""Application factory for the shop front end."""
import os

from flask import Flask
from flask_cors import CORS
from flask_wtf.csrf import CSRFProtect

from .config import load_config

csrf = CSRFProtect()

API_ORIGINS = ["https://shop.example.com", "https://admin.example.com"]


def create_app(profile=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(load_config(profile or os.environ.get("SHOP_PROFILE", "production")))
    app.config.from_prefixed_env(prefix="SHOP")
    csrf.init_app(app)

    from . import views_account, views_catalog, views_files, views_reports, webhooks
    from .services import fetcher, render

    CORS(views_catalog.bp, origins=API_ORIGINS, supports_credentials=True)  # safe: CWE-942 explicit origin list
    CORS(render.bp, origins="*")  # safe: CWE-942 wildcard without credentials
    CORS(fetcher.bp, supports_credentials=True)  # expect: CWE-942 flask-cors defaults origins to "*" and reflects the caller

    for module in (views_account, views_catalog, views_files, views_reports, webhooks, fetcher, render):
        app.register_blueprint(module.bp)

    csrf.exempt(webhooks.bp)  # safe: CWE-352 HMAC-signed webhooks, no cookie authentication
    csrf.exempt(views_account.bp)  # expect: CWE-352 cookie-authenticated account forms

    if app.config.get("ENV_NAME") == "local":
        app.config["DEBUG"] = os.environ.get("SHOP_DEBUG") == "1"  # safe: CWE-489 opt-in from the environment
    app.config["TEMPLATES_AUTO_RELOAD"] = True
    return app
