"""Only the first line of a value reaches the log."""
import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.post("/export")
def export():
    who = request.form.get("who", "")
    log.info("export for %s", who.splitlines()[0] if who else "")  # safe: one line, no line breaks
    log.info("export by %s", who.split("\n")[0])  # want: PP211
    log.info("export from %s", who)  # want: PP211
    return "ok"
