import os

from flask import Flask
from flask_cors import CORS

from .config import Config, LocalConfig
from .extensions import csrf, db


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_object(config or Config)
    db.init_app(app)
    csrf.init_app(app)
    CORS(app, origins=["https://app.example.com"], supports_credentials=True)  # safe: CWE-942 explicit origin
    from . import api, oauth, password_reset, views

    for bp in (views.bp, oauth.bp, password_reset.bp, api.bp):
        app.register_blueprint(bp)
    csrf.exempt(api.bp)  # expect: CWE-352
    return app


if __name__ == "__main__":
    create_app(LocalConfig).run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")), debug=True)  # expect: CWE-489
