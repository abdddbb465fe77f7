import io
import logging

from flask import Blueprint, abort, current_app, jsonify, make_response, redirect, render_template, render_template_string, request, session, url_for
from flask_login import current_user, login_required
from markupsafe import escape

from .extensions import User, csrf, db

bp = Blueprint("views", __name__)
log = logging.getLogger(__name__)
THEMES = ("light", "dark", "contrast")


def build_pdf():
    return io.BytesIO(b"%PDF-1.4\n%stub\n").getvalue()


@bp.route("/")
def index():
    return render_template("index.html")  # safe: CWE-79 autoescaped template


@bp.route("/hello")
def hello():
    name = request.args.get("name", "there")
    return f"<p>Hello {escape(name)}</p>"  # safe: CWE-79 escaped


@bp.route("/welcome")
def welcome():
    name = request.args.get("name", "there")
    return "<p>Welcome back, " + name + "</p>"  # expect: CWE-79


@bp.route("/notice")
def notice():
    msg = request.args.get("msg", "")
    return render_template_string("<div class='notice'>{{ msg }}</div>", msg=msg)  # safe: CWE-1336, CWE-79 constant template, autoescaped


@bp.route("/notice-legacy")
def notice_legacy():
    msg = request.args.get("msg", "")
    html = render_template_string("<div class='notice'>%s</div>" % msg)  # expect: CWE-1336
    return jsonify(html=html)


@bp.route("/report.pdf")
def report_pdf():
    fname = request.args.get("filename", "report.pdf")
    resp = make_response(build_pdf())
    resp.headers["Content-Type"] = "application/pdf"
    resp.headers["Content-Disposition"] = f"attachment; filename={fname}"  # expect: CWE-113
    return resp


@bp.route("/report-v2.pdf")
def report_pdf_v2():
    fname = request.args.get("filename", "report.pdf").replace("\r", "").replace("\n", "")
    resp = make_response(build_pdf())
    resp.headers["Content-Disposition"] = f"attachment; filename={fname}"  # safe: CWE-113 CR/LF removed
    return resp


@bp.route("/report-v3.pdf")
def report_pdf_v3():
    year = int(request.args.get("year", "2024"))
    resp = make_response(build_pdf())
    resp.headers.set("Content-Disposition", f"attachment; filename=report-{year}.pdf")  # safe: CWE-113 int()
    return resp


@bp.route("/profile", methods=["POST"])
@login_required
def update_profile():
    display = request.form.get("display_name", "")[:80]
    current_user.display_name = display
    db.session.commit()
    session["display_name"] = display  # expect: CWE-501
    theme = request.form.get("theme", "light")
    session["theme"] = theme if theme in THEMES else "light"  # safe: CWE-501 allow-list
    session["user_id"] = current_user.id  # safe: CWE-501 server value
    return redirect(url_for("views.index"))


@bp.route("/ref")
def track_referral():
    resp = redirect(url_for("views.index"))
    resp.set_cookie("ref", request.args.get("ref", ""), secure=True, httponly=True)  # expect: CWE-20
    return resp


@bp.route("/admin/users/<int:user_id>/delete", methods=["POST"])
@login_required
def delete_user(user_id):
    assert current_user.has_role("admin"), "admins only"  # expect: CWE-617
    db.session.delete(db.session.get(User, user_id))
    db.session.commit()
    return jsonify(ok=True)


@bp.route("/admin/users/<int:user_id>/disable", methods=["POST"])
@login_required
def disable_user(user_id):
    if not current_user.has_role("admin"):
        abort(403)
    user = db.session.get(User, user_id)
    assert user is not None, "user vanished"  # safe: CWE-617 not an access check
    user.roles = ""
    db.session.commit()
    return jsonify(ok=True)


@bp.route("/api/v1/heartbeat", methods=["POST"])
@csrf.exempt  # expect: CWE-352
def heartbeat():
    current_app.logger.debug("heartbeat")
    return jsonify(ok=True)
