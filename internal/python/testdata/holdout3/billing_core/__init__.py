"""Billing service: application factory."""
import os

from flask import Flask
from flask_cors import CORS

from .auth import bp as auth_bp
from .views import bp as invoices_bp
from .webhooks import bp as hooks_bp


def create_app(config_object="billing_core.config.ProductionConfig"):
    app = Flask(__name__)
    app.config.from_object(config_object)
    app.secret_key = os.environ["BILLING_SECRET_KEY"]  # safe: CWE-798 read from the environment
    CORS(app, origins=["https://billing.example.com", "https://admin.example.com"], supports_credentials=True)  # safe: CWE-942 explicit origins
    app.register_blueprint(invoices_bp, url_prefix="/invoices")
    app.register_blueprint(auth_bp)
    app.register_blueprint(hooks_bp, url_prefix="/hooks")
    return app
