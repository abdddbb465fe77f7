"""Back-office tools. Only staff reach these routes."""
import ast
import html
import os
import shlex
import subprocess

from flask import Blueprint, abort, g, jsonify, request

from . import db

bp = Blueprint("admin", __name__, url_prefix="/admin")


def current_user():
    return g.user


@bp.route("/users/<int:user_id>", methods=["DELETE"])
def delete_user(user_id):
    user = current_user()
    assert user.is_admin, "admin only"  # expect: CWE-617
    db.delete_user(user_id)
    return "", 204


@bp.route("/users/<int:user_id>/disable", methods=["POST"])
def disable_user(user_id):
    user = current_user()
    if not user.is_admin:
        abort(403)
    assert isinstance(user_id, int)  # safe: CWE-617 internal invariant, not access control
    db.delete_user(user_id)
    return "", 204


@bp.route("/calc")
def calc():
    expr = request.args.get("expr", "0")
    return jsonify(result=eval(expr))  # expect: CWE-94


@bp.route("/calc/v2")
def calc_v2():
    expr = request.args.get("expr", "0")
    return jsonify(result=ast.literal_eval(expr))  # safe: CWE-94 literal_eval


@bp.route("/backup", methods=["POST"])
def backup():
    target = request.form["target"]
    os.system(f"tar czf /backups/{target}.tgz /srv/shop/data")  # expect: CWE-78
    return "", 202


@bp.route("/backup/v2", methods=["POST"])
def backup_v2():
    target = request.form["target"]
    os.system("tar czf /backups/%s.tgz /srv/shop/data" % shlex.quote(target))  # safe: CWE-78 shlex.quote
    return "", 202


@bp.route("/backup/v3", methods=["POST"])
def backup_v3():
    # html.escape does nothing about ; | $ or backticks.
    target = html.escape(request.form["target"])
    subprocess.run(f"tar czf /backups/{target}.tgz /srv/shop/data", shell=True)  # expect: CWE-78
    return "", 202


@bp.route("/ping")
def ping():
    host = request.args["host"]
    out = subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True)  # safe: CWE-78 argv list, no shell
    return jsonify(rc=out.returncode)


@bp.route("/disk")
def disk():
    out = subprocess.check_output("df -h /srv", shell=True, text=True)  # safe: CWE-78 constant command
    return jsonify(df=out)


@bp.route("/logs")
def tail_logs():
    lines = int(request.args.get("n", "50"))
    out = subprocess.check_output(f"tail -n {lines} /var/log/shop/app.log", shell=True, text=True)  # safe: CWE-78 int()
    return jsonify(log=out)


@bp.route("/maintenance", methods=["POST"])
def maintenance():
    db.run_maintenance(request.get_data(as_text=True))
    return "", 204
