"""Membership in a library's fixed list of names is an allow-list."""
import zoneinfo

from flask import Flask, abort, request, session

app = Flask(__name__)


@app.post("/tz")
def set_tz():
    tz = request.form.get("tz", "UTC")
    if tz not in zoneinfo.available_timezones():
        abort(400)
    session["tz"] = tz  # safe: a known time-zone name
    return "ok"


@app.post("/tz-unchecked")
def set_tz_unchecked():
    session["tz"] = request.form.get("tz", "UTC")  # want: PP216
    return "ok"
