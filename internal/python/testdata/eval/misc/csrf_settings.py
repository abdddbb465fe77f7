"""Blueprint registration for the mobile API (Flask-WTF)."""
from flask import Blueprint, Flask, jsonify, request
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)
mobile = Blueprint("mobile", __name__, url_prefix="/mobile")
hooks = Blueprint("hooks", __name__, url_prefix="/hooks")


@mobile.route("/address", methods=["POST"])
def change_address():
    return jsonify(saved=request.form.get("line1", ""))


@hooks.route("/ping", methods=["POST"])
def ping():
    return jsonify(ok=True)


csrf.exempt(mobile)  # expect: CWE-352
app.register_blueprint(mobile)
app.register_blueprint(hooks)


@app.before_request
def protect_hooks():
    if request.blueprint == "hooks":
        csrf.protect()  # safe: CWE-352 explicit protection
