import hashlib
import logging
import secrets

from flask import Blueprint, jsonify, request
from werkzeug.security import generate_password_hash

from .extensions import ResetToken, User, db

bp = Blueprint("reset", __name__)
log = logging.getLogger(__name__)


def make_token():
    return secrets.token_urlsafe(32)  # safe: CWE-330 secrets


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()  # safe: CWE-328 SHA-256


def send_reset_mail(email, link):
    from .mail import send  # noqa: WPS433 - imported lazily to keep startup fast

    send(to=email, subject="Reset your password", body=f"Open {link} within 30 minutes.")


@bp.route("/reset/request", methods=["POST"])
def request_reset():
    email = request.form.get("email", "").strip().lower()
    user = User.query.filter_by(email=email).first()  # safe: CWE-89 ORM
    if user is not None:
        token = make_token()
        db.session.add(ResetToken(user_id=user.id, digest=_digest(token)))
        db.session.commit()
        log.info("reset token %s issued for user %s", token, user.id)  # expect: CWE-532
        send_reset_mail(user.email, f"https://app.example.com/reset/{token}")
    clean = email.replace("\r", "").replace("\n", "")
    log.info("password reset requested for %s", clean)  # safe: CWE-117 CR/LF removed
    return jsonify(ok=True)


@bp.route("/reset/confirm", methods=["POST"])
def confirm_reset():
    token = request.form.get("token", "")
    new_password = request.form.get("password", "")
    row = ResetToken.query.filter_by(digest=_digest(token)).first()
    if row is None:
        log.warning("unknown reset token %s", token)  # expect: CWE-532, CWE-117
        return jsonify(error="invalid or expired link"), 400
    user = db.session.get(User, row.user_id)
    user.password_hash = generate_password_hash(new_password)
    db.session.delete(row)
    db.session.commit()
    log.info("password changed for user %s", user.id)  # safe: CWE-532 no secret logged
    return jsonify(ok=True)
