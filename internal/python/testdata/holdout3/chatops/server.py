"""Slack slash-command endpoint."""
import hashlib
import hmac
import logging
import os
import time

from flask import Flask, abort, jsonify, request

from .commands import COMMANDS, ServiceCommands

app = Flask(__name__)
log = logging.getLogger("chatops")
SIGNING_SECRET = os.environ.get("SLACK_SIGNING_SECRET", "").encode()


def verify_slack(req):
    ts = req.headers.get("X-Slack-Request-Timestamp", "0")
    if abs(time.time() - int(ts)) > 300:
        return False
    base = b"v0:" + ts.encode() + b":" + req.get_data()
    expected = "v0=" + hmac.new(SIGNING_SECRET, base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, req.headers.get("X-Slack-Signature", ""))


@app.route("/slack/command", methods=["POST"])
def slash():
    if not verify_slack(request):
        abort(403)
    text = request.form.get("text", "")
    verb, _, arg = text.partition(" ")
    log.info("chatops %s by %s", verb, request.form.get("user_name"))  # expect: CWE-117
    if verb in COMMANDS:
        out = COMMANDS[verb](arg)
    else:
        out = ServiceCommands().run(verb, arg)
    return jsonify(response_type="ephemeral", text=out[:3000])
