"""Security administration console (Flask + Flask-WTF)."""
from flask import Blueprint, Flask, abort, g, jsonify, make_response, request, session
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)
legacy_bp = Blueprint("legacy", __name__)
ROLES = ("viewer", "auditor", "admin")


def current_user():
    return g.user


@app.route("/api/scanner-webhook", methods=["POST"])
@csrf.exempt  # expect: CWE-352
def scanner_webhook():
    return jsonify(ok=True)


csrf.exempt(legacy_bp)  # expect: CWE-352 a whole blueprint exempted


@app.route("/users/<int:uid>", methods=["DELETE"])
def delete_user(uid):
    user = current_user()
    assert user.is_admin, "admin only"  # expect: CWE-617
    return jsonify(deleted=uid)


@app.route("/users/<int:uid>/role", methods=["POST"])
def change_role(uid):
    user = current_user()
    role = request.form.get("role", "viewer")
    assert isinstance(role, str)  # safe: CWE-617 type check, not access control
    if not user.is_admin:
        abort(403)
    if role not in ROLES:
        abort(400)
    return jsonify(uid=uid, role=role)


@app.route("/audit/export")
def audit_export():
    user = current_user()
    assert "auditor" in user.roles or "admin" in user.roles  # expect: CWE-617 role check in an assert
    rows = []
    assert len(rows) <= 1000  # safe: CWE-617 size invariant
    resp = make_response(jsonify(rows=rows))
    resp.headers["X-Frame-Options"] = "DENY"  # safe: CWE-113 constant header
    resp.headers["X-Audit-Count"] = str(len(rows))  # safe: CWE-113 integer
    return resp


@app.route("/impersonate")
def impersonate():
    session["impersonate"] = request.args["as_user"]  # expect: CWE-501
    return jsonify(ok=True)


@app.route("/impersonate/v2")
def impersonate_v2():
    target = int(request.args["as_user_id"])
    session["impersonate_id"] = target  # safe: CWE-501 int()
    return jsonify(ok=True)


@app.route("/view-mode")
def view_mode():
    resp = make_response(jsonify(ok=True))
    resp.set_cookie("admin_view", "compact", secure=True)  # expect: CWE-1004 HttpOnly missing
    resp.set_cookie("admin_theme", "dark", httponly=True)  # expect: CWE-614 Secure missing
    resp.set_cookie("admin_tz", "UTC", secure=True, httponly=True, samesite="Strict")  # safe: CWE-614, CWE-1004
    return resp


app.register_blueprint(legacy_bp, url_prefix="/legacy")
