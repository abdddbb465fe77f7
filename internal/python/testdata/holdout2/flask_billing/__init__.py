"""Billing portal: application factory."""
import logging
import os

from flask import Flask
from flask_cors import CORS
from flask_wtf.csrf import CSRFProtect

from .config import load_config

csrf = CSRFProtect()
log = logging.getLogger(__name__)


def create_app(overrides=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(load_config())
    if overrides:
        app.config.update(overrides)
    app.secret_key = os.environ["BILLING_SECRET_KEY"]  # safe: CWE-798 read from the environment
    csrf.init_app(app)
    CORS(app, origins=["https://billing.example.com", "https://admin.example.com"], supports_credentials=True)  # safe: CWE-942 explicit origin list

    from .views import admin, auth, exports, invoices, reports

    app.register_blueprint(auth.bp)
    app.register_blueprint(invoices.bp, url_prefix="/invoices")
    app.register_blueprint(exports.bp, url_prefix="/exports")
    app.register_blueprint(reports.bp, url_prefix="/reports")
    app.register_blueprint(admin.bp, url_prefix="/admin")
    # The admin SPA could not refresh its token after idle timeouts; exempt it for now.
    csrf.exempt(admin.bp)  # expect: CWE-352 cookie-authenticated admin forms lose CSRF protection
    log.info("billing app created with %d blueprints", len(app.blueprints))
    return app
