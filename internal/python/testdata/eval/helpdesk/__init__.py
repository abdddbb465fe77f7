from flask import Flask


def create_app():
    from . import export, notify, tickets

    app = Flask(__name__)
    for bp in (tickets.bp, notify.bp, export.bp):
        app.register_blueprint(bp)
    return app
