"""Build console: a grab bag of helpers that move request values around before using them."""
import os
import sqlite3
import subprocess
from dataclasses import dataclass, field

from flask import Blueprint, abort, request

bp = Blueprint("console", __name__, url_prefix="/console")
WORKSPACE = "/srv/builds"
SORTS = frozenset({"started", "finished", "status"})
LAST_BRANCH = "main"


@dataclass
class Job:
    name: str
    target: str = "build"
    flags: list = field(default_factory=list)


@dataclass
class Settings:
    log_path: str = "/var/log/builds/console.log"


def db():
    return sqlite3.connect(os.path.join(WORKSPACE, "builds.db"))


def valid_sort(value):
    return value in SORTS


@bp.get("/report")
def report():
    user, kind = request.args["user"], "summary"
    subprocess.run("buildreport --kind " + kind, shell=True, check=True)  # safe: CWE-78 kind is the constant half of the tuple
    subprocess.run("buildreport --user " + user, shell=True, check=True)  # expect: CWE-78
    return {"ok": True}


@bp.get("/search")
def search():
    if (q := request.args.get("q")):
        rows = db().execute("SELECT id FROM builds WHERE title LIKE '%" + q + "%'").fetchall()  # expect: CWE-89 bound with the walrus operator
        return {"ids": [r[0] for r in rows]}
    return {"ids": []}


@bp.post("/job")
def job():
    j = Job(name=request.form["name"], flags=request.form.getlist("flag"))
    subprocess.run("make -C /srv/builds " + j.target, shell=True, check=True)  # safe: CWE-78 target keeps its constant default
    subprocess.run("make -C /srv/builds " + j.name, shell=True, check=True)  # expect: CWE-78
    return {"ok": True}


@bp.get("/log")
def tail_log():
    s = Settings()
    s.log_path = request.args.get("path", s.log_path)
    s.log_path = "/var/log/builds/console.log"
    with open(s.log_path) as fh:  # safe: CWE-22 the attribute was overwritten with a constant
        return {"tail": fh.readlines()[-20:]}


@bp.post("/branch")
def set_branch():
    global LAST_BRANCH
    LAST_BRANCH = request.form["branch"]
    return {"ok": True}


@bp.post("/checkout")
def checkout():
    os.system("git -C /srv/builds/repo checkout " + LAST_BRANCH)  # expect: CWE-78 set from the request in set_branch
    return {"ok": True}


@bp.get("/ls")
def ls():
    cmd = "ls -la "
    cmd += request.args.get("dir", ".")
    return {"out": subprocess.check_output(cmd, shell=True).decode()}  # expect: CWE-78 built with +=


@bp.get("/artifacts")
def artifacts():
    sizes = {}
    for name in request.args.getlist("f"):
        sizes[name] = os.path.getsize(os.path.join(WORKSPACE, "artifacts", name))  # expect: CWE-22
    return sizes


@bp.get("/builds")
def builds():
    ids = [int(i) for i in request.args.getlist("id")]
    sql = "SELECT id, status FROM builds WHERE id IN (%s)" % ",".join(map(str, ids))
    return {"rows": db().execute(sql).fetchall()}  # safe: CWE-89 every id went through int()


@bp.get("/sorted")
def sorted_builds():
    sort = request.args.get("sort", "started")
    if not valid_sort(sort):
        abort(400)
    return {"rows": db().execute(f"SELECT id FROM builds ORDER BY {sort}").fetchall()}  # safe: CWE-89 validated by valid_sort


@bp.get("/context")
def context():
    ctx = {"who": request.args.get("who", ""), "what": "status"}
    ctx["where"] = "local"
    out = subprocess.check_output(f"buildctl {ctx['what']} --scope {ctx['where']}", shell=True)  # safe: CWE-78 other dict keys hold constants
    return {"out": out.decode(), "who": len(ctx["who"])}


@bp.get("/argv")
def argv():
    parts = ["git", "log", "--oneline", request.args.get("rev", "HEAD")]
    head = " ".join(parts[:3])
    out = subprocess.check_output(head, shell=True)  # safe: CWE-78 the slice holds only the constant elements
    full = subprocess.check_output(" ".join(parts), shell=True)  # expect: CWE-78
    return {"short": out.decode(), "full": full.decode()}


def make_counter():
    total = 0

    def add(n):
        nonlocal total
        total += n
        return total

    return add


@bp.get("/count")
def count():
    add = make_counter()
    n = add(len(request.args.get("s", "")))
    return f"<p>{n} characters</p>"  # safe: CWE-79 an int from len()
