import sqlite3

import pandas as pd
from django.db import connection
from django.views import View
from flask import Flask, request
from psycopg2 import sql as pgsql

app = Flask(__name__)
LOOKUP = "SELECT * FROM users WHERE name = '%s'"
SORTABLE = {"name": "name", "age": "age"}


def db():
    return sqlite3.connect("app.db")


@app.route("/template-in-constant")
def template_in_constant():
    name = request.args.get("name")
    db().cursor().execute(LOOKUP % name)  # want: PP201
    return "ok"


@app.route("/augmented")
def augmented():
    sql = "SELECT * FROM t"
    sql += " WHERE id = " + request.args["id"]
    db().execute(sql)  # want: PP201
    return "ok"


@app.route("/joined")
def joined():
    q = " ".join(["SELECT", request.args["col"], "FROM t"])
    db().execute(q)  # want: PP201
    return "ok"


@app.route("/str-call")
def str_call():
    db().execute("SELECT * FROM t WHERE id=" + str(request.args["id"]))  # want: PP201
    return "ok"


@app.route("/to-dict")
def to_dict():
    params = request.args.to_dict()
    db().execute("SELECT * FROM t WHERE a='%s'" % params["a"])  # want: PP201
    return "ok"


@app.route("/sort")
def sort_lookup():
    col = SORTABLE.get(request.args.get("sort"), "name")
    db().execute(f"SELECT * FROM t ORDER BY {col}")  # safe look-alike: mapped through a constant dict
    return "ok"


@app.route("/composed")
def composed():
    conn = db()
    table = request.args["t"]
    conn.cursor().execute(pgsql.SQL("SELECT * FROM {}").format(pgsql.Identifier(table)))  # safe look-alike: psycopg2.sql
    return "ok"


@app.route("/in-list")
def in_list():
    ids = request.args.getlist("id")
    marks = ",".join(["?"] * len(ids))
    db().execute(f"SELECT * FROM t WHERE id IN ({marks})", ids)  # safe: placeholders only
    return "ok"


@app.route("/pandas")
def pandas_query():
    region = request.args.get("region")
    frame = pd.read_sql(f"SELECT * FROM sales WHERE region = '{region}'", db())  # want: PP201
    return frame.to_json()


@app.route("/pandas-params")
def pandas_params():
    region = request.args.get("region")
    frame = pd.read_sql("SELECT * FROM sales WHERE region = ?", db(), params=(region,))  # safe look-alike
    return frame.to_json()


@app.route("/format-keyword")
def format_keyword():
    tmpl = "SELECT * FROM t WHERE x = '{x}'"
    db().execute(tmpl.format(x=request.args["x"]))  # want: PP201
    return "ok"


@app.route("/format-other-keyword")
def format_other_keyword():
    tmpl = "SELECT * FROM t WHERE x = '{x}' -- {note}"
    db().execute(tmpl.format(x="fixed", note=42), ())  # safe: constants only
    return "ok"


class SearchView(View):
    def get(self, request):
        term = request.GET["q"]
        with connection.cursor() as c:
            c.execute("SELECT * FROM t WHERE x LIKE '%%%s%%'" % term)  # want: PP201
        return None

    def post(self, request):
        term = request.POST["q"]
        with connection.cursor() as c:
            c.execute("SELECT * FROM t WHERE x LIKE %s", ["%" + term + "%"])  # safe look-alike
        return None
