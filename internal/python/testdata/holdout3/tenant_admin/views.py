"""Tenant administration pages."""
import sqlite3
import uuid

from flask import Flask, abort, jsonify, make_response, request
from markupsafe import Markup, escape
from werkzeug.utils import secure_filename

from .sql_helpers import count_rows
from .state import set_schema

app = Flask(__name__)
PLANS = ("basic", "team", "enterprise")


def get_db():
    return sqlite3.connect("/srv/tenants/admin.db")


@app.route("/tenants/<tenant>/usage")
def usage(tenant):
    set_schema(tenant)
    try:
        return jsonify(users=count_rows(get_db(), "users"))
    finally:
        set_schema("public")


@app.route("/tenants/lookup")
def lookup():
    raw = request.args.get("id", "")
    try:
        key = str(uuid.UUID(raw))
    except ValueError:
        key = raw
    row = get_db().execute(f"SELECT name FROM tenants WHERE id = '{key}'").fetchone()  # expect: CWE-89 the except branch keeps the raw value
    return jsonify(name=row and row[0])


@app.route("/tenants/lookup/v2")
def lookup_v2():
    raw = request.args.get("id", "")
    try:
        key = str(uuid.UUID(raw))
    except ValueError:
        abort(400)
    row = get_db().execute(f"SELECT name FROM tenants WHERE id = '{key}'").fetchone()  # safe: CWE-89 uuid or abort
    return jsonify(name=row and row[0])


@app.route("/tenants/page")
def page():
    try:
        limit = int(request.args.get("limit", "20"))
    except ValueError:
        limit = 20
    rows = get_db().execute(f"SELECT name FROM tenants ORDER BY name LIMIT {limit}").fetchall()  # safe: CWE-89 int or constant on every path
    return jsonify(names=[r[0] for r in rows])


@app.route("/plans/pick")
def pick_plan():
    chosen = "basic"
    for cand in request.args.getlist("plan"):
        if cand in PLANS:
            chosen = cand
            break
    row = get_db().execute(f"SELECT price FROM plans WHERE name = '{chosen}'").fetchone()  # safe: CWE-89 only allow-listed values are assigned
    return jsonify(price=row and row[0])


@app.route("/tenants/first")
def first_named():
    chosen = ""
    for cand in request.args.getlist("name"):
        if not cand:
            continue
        chosen = cand
        break
    row = get_db().execute(f"SELECT id FROM tenants WHERE name = '{chosen}'").fetchone()  # expect: CWE-89 loop with continue/break keeps the request value
    return jsonify(id=row and row[0])


@app.route("/tenants/purge-preview")
def purge_preview():
    name = request.args.get("name", "")
    if 7 * 3 > 100:
        get_db().execute(f"DELETE FROM tenants WHERE name = '{name}'")  # safe: CWE-89 dead branch
    return jsonify(would_delete=name)


@app.route("/tenants/demo")
def demo():
    name = request.args.get("name", "")
    name = "acme-demo"
    row = get_db().execute(f"SELECT id FROM tenants WHERE name = '{name}'").fetchone()  # safe: CWE-89 overwritten with a constant
    return jsonify(id=row and row[0])


@app.route("/tenants/filter")
def filtered():
    filters = {"plan": "basic", "region": request.args.get("region", "")}
    basic = get_db().execute(f"SELECT id FROM tenants WHERE plan = '{filters['plan']}'").fetchall()  # safe: CWE-89 other key holds a constant
    regional = get_db().execute(f"SELECT id FROM tenants WHERE region = '{filters['region']}'").fetchall()  # expect: CWE-89
    return jsonify(basic=len(basic), regional=len(regional))


@app.route("/tenants/by-region")
def by_region():
    if (region := request.args.get("region")) is not None:
        rows = get_db().execute("SELECT id FROM tenants WHERE region = '%s'" % region).fetchall()  # expect: CWE-89 walrus
        return jsonify(ids=[r[0] for r in rows])
    return jsonify(ids=[])


@app.route("/tenants/bulk")
def bulk():
    names = [n.strip() for n in request.args.get("names", "").split(",") if n]
    in_list = ",".join(f"'{n}'" for n in names)
    rows = get_db().execute(f"SELECT id FROM tenants WHERE name IN ({in_list})").fetchall()  # expect: CWE-89 comprehension keeps the values
    ids = [int(x) for x in request.args.get("ids", "").split(",") if x.isdigit()]
    more = get_db().execute(f"SELECT name FROM tenants WHERE id IN ({','.join(str(i) for i in ids)})").fetchall()  # safe: CWE-89 integers only
    return jsonify(ids=[r[0] for r in rows], names=[r[0] for r in more])


@app.route("/tenants/<tenant>/banner")
def banner(tenant):
    note = request.args.get("note", "")
    return Markup(f"<div class='banner'>{tenant}: {note}</div>")  # expect: CWE-79 Markup around an f-string


@app.route("/tenants/<tenant>/banner/v2")
def banner_v2(tenant):
    note = request.args.get("note", "")
    return Markup("<div class='banner'>{}: {}</div>").format(tenant, note)  # safe: CWE-79 Markup.format escapes its arguments


@app.route("/tenants/<tenant>/welcome")
def welcome(tenant):
    html = "<h1>Welcome</h1>"
    html, greeting = f"<p>{escape(tenant)}</p>", html
    return html, 200  # safe: CWE-79 tuple assignment leaves the escaped value in html


@app.route("/tenants/<tenant>/export")
def export(tenant):
    resp = make_response(b"id,name\n")
    resp.headers["Content-Disposition"] = f'attachment; filename="{tenant}.csv"'  # expect: CWE-113 path value in a header
    resp.headers["Content-Type"] = "text/csv"
    return resp


@app.route("/tenants/<tenant>/export/v2")
def export_v2(tenant):
    resp = make_response(b"id,name\n")
    resp.headers["Content-Disposition"] = f'attachment; filename="{secure_filename(tenant)}.csv"'  # safe: CWE-113 secure_filename
    return resp
