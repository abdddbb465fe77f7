import sqlite3

from flask import Flask, request

app = Flask(__name__)
DB = "app.db"
TABLE = "users"


def get_db():
    return sqlite3.connect(DB)


@app.route("/user")
def user_fstring():
    uid = request.args.get("id")
    cur = get_db().cursor()
    cur.execute(f"SELECT * FROM users WHERE id = {uid}")  # want: PP201
    return "ok"


@app.route("/user2")
def user_percent():
    name = request.form["name"]
    cur = get_db().cursor()
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)  # want: PP201
    return "ok"


@app.route("/user3")
def user_format_then_execute():
    name = request.args.get("name", "")
    query = "SELECT * FROM users WHERE name = '{}'".format(name)
    conn = get_db()
    conn.execute(query)  # want: PP201
    return "ok"


@app.route("/user4")
def user_concat():
    order = request.args["order"]
    sql = "SELECT * FROM users ORDER BY " + order
    get_db().cursor().execute(sql)  # want: PP201
    return "ok"


@app.route("/safe1")
def safe_parameterized():
    uid = request.args.get("id")
    cur = get_db().cursor()
    cur.execute("SELECT * FROM users WHERE id = ?", (uid,))  # safe look-alike: parameterized
    return "ok"


@app.route("/safe2")
def safe_int():
    uid = int(request.args.get("id", "0"))
    cur = get_db().cursor()
    cur.execute(f"SELECT * FROM users WHERE id = {uid}")  # safe look-alike: int() sanitizes
    return "ok"


@app.route("/safe3")
def safe_constant():
    cur = get_db().cursor()
    cur.execute(f"SELECT * FROM {TABLE} WHERE id = %d" % 42)  # safe: constants only
    return "ok"


@app.route("/safe4")
def safe_overwritten():
    name = request.args.get("name")
    name = "admin"
    cur = get_db().cursor()
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)  # safe: overwritten with a constant
    return "ok"


@app.route("/safe5")
def safe_dead_branch():
    name = "guest"
    if 7 * 3 > 100:
        name = request.args.get("name")
    cur = get_db().cursor()
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)  # safe: the tainted branch is dead
    return "ok"


@app.route("/safe6")
def safe_allow_list():
    column = request.args.get("sort", "id")
    if column not in {"id", "name", "created"}:
        column = "id"
    cur = get_db().cursor()
    cur.execute(f"SELECT * FROM users ORDER BY {column}")  # safe: validated by an allow-list
    return "ok"


@app.route("/safe7")
def safe_other_key():
    params = {"a": request.args.get("a"), "b": "fixed"}
    cur = get_db().cursor()
    cur.execute("SELECT * FROM t WHERE b = '%s'" % params["b"])  # safe: the other key is a constant
    return "ok"


@app.route("/vuln8")
def vuln_same_key():
    params = {"a": request.args.get("a"), "b": "fixed"}
    cur = get_db().cursor()
    cur.execute("SELECT * FROM t WHERE a = '%s'" % params["a"])  # want: PP201
    return "ok"


@app.route("/safe9")
def safe_percent_d():
    uid = request.args.get("id")
    cur = get_db().cursor()
    cur.execute("SELECT * FROM users WHERE id = %d" % int(uid))  # safe: %d of int()
    return "ok"


def helper_unknown(table, uid):
    cur = get_db().cursor()
    cur.execute("SELECT * FROM %s WHERE id = ?" % table, (uid,))  # want: PP201 (medium: origin unknown)


class Executor:
    def execute(self, job):
        return job


def not_sql(job_name):
    Executor().execute(f"job-{job_name}")  # safe: not a database call and not SQL text
