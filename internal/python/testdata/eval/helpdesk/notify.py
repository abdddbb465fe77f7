"""Notifications to agents and external systems."""
import logging
import smtplib
import urllib.request
from email.message import EmailMessage

from flask import Blueprint, jsonify, request

bp = Blueprint("notify", __name__, url_prefix="/notify")
log = logging.getLogger("helpdesk.notify")

SMTP_HOST = "smtp.internal"
CHAT_WEBHOOK = "https://chat.example.com/hooks/helpdesk"


class Notification:
    def __init__(self, target, text):
        self.target = target
        self.text = text


def deliver(note):
    with urllib.request.urlopen(note.target, data=note.text.encode(), timeout=5) as resp:  # expect: CWE-918
        return resp.status


def deliver_chat(text):
    req = urllib.request.Request(CHAT_WEBHOOK, data=text.encode(), method="POST")
    with urllib.request.urlopen(req, timeout=5) as resp:  # safe: CWE-918 constant webhook
        return resp.status


@bp.route("/external", methods=["POST"])
def external():
    body = request.get_json()
    note = Notification(body["callback"], body.get("text", ""))
    return jsonify(status=deliver(note))


@bp.route("/chat", methods=["POST"])
def chat():
    return jsonify(status=deliver_chat(request.form["text"]))  # safe: CWE-918 text is only the body


@bp.route("/email", methods=["POST"])
def email():
    msg = EmailMessage()
    msg["To"] = "support@example.com"
    msg["Subject"] = "New ticket"
    msg.set_content(request.form["body"])
    with smtplib.SMTP(SMTP_HOST) as smtp:
        smtp.send_message(msg)
    log.info("ticket mail from %s sent" % request.form["from"])  # expect: CWE-117
    log.info("ticket mail sent (%d bytes)", len(request.form["body"]))  # safe: CWE-117
    return jsonify(ok=True)
