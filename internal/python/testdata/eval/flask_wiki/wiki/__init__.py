import os

from flask import Flask
from flask_cors import CORS
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["WIKI_SECRET"]  # safe: CWE-798
    app.config["DEBUG"] = os.environ.get("WIKI_DEBUG") == "1"  # safe: CWE-489
    csrf.init_app(app)
    CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)  # expect: CWE-942

    from . import admin, auth, media, pages, search

    for mod in (admin, auth, media, pages, search):
        app.register_blueprint(mod.bp)
    return app
