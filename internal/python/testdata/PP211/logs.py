import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    log.warning("failed login for %s", user)  # want: PP211
    logging.info("attempt: " + user)  # want: PP211
    clean = user.replace("\r", "").replace("\n", "")
    log.warning("failed login for %s", clean)  # safe: line breaks removed
    log.info("attempt by %r", repr(user))  # safe: repr
    log.info("constant message")  # safe
    return "no", 403
