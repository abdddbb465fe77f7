"""Operations portal: the on-call engineer's web console."""
import logging
import os

import psycopg2
from flask import Flask, jsonify, request

from lib import net, sqlutil
from lib.shell import run_argv, run_quoted, run_shell
from lib.text import one_line, shout, slug

app = Flask(__name__)
app.debug = True  # expect: CWE-489
log = logging.getLogger("ops")


def db():
    return psycopg2.connect(os.environ["OPS_DSN"])


@app.route("/dig")
def dig():
    host = request.args["host"]
    return jsonify(out=run_shell("dig +short " + host).stdout)


@app.route("/dig/v2")
def dig_v2():
    host = request.args["host"]
    return jsonify(out=run_argv(["dig", "+short", host]).stdout)


@app.route("/dig/v3")
def dig_v3():
    return jsonify(out=run_quoted("dig", "+short", request.args["host"]).stdout)


@app.route("/uptime")
def uptime():
    return jsonify(out=run_shell("uptime").stdout)


@app.route("/service-status")
def service_status():
    unit = slug(request.args["unit"])
    return jsonify(out=run_shell("systemctl is-active " + unit).stdout)


@app.route("/probe")
def probe():
    return jsonify(net.fetch_json(request.args["url"]))


@app.route("/metric")
def metric():
    return jsonify(net.metric(request.args["name"]))


@app.route("/counts")
def counts():
    conn = db()
    table = request.args.get("table", "events")
    if table not in ("events", "alerts", "pages"):
        table = "events"
    return jsonify(total=sqlutil.count_rows(conn, table), open=sqlutil.count_where(conn, "alerts", "state", request.args.get("state", "open")))


@app.route("/grep")
def grep():
    return jsonify(ids=sqlutil.grep_rows(db(), "events", request.args["q"]))


@app.route("/note", methods=["POST"])
def note():
    text = request.form["text"]
    log.info("note: " + one_line(text))  # safe: CWE-117 CR/LF escaped
    log.info("note: " + shout(text))  # expect: CWE-117
    return jsonify(ok=True)
