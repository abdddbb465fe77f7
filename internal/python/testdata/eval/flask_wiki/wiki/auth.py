"""Login against the company directory."""
import logging

import ldap3
from flask import Blueprint, abort, redirect, request, session
from ldap3.utils.dn import escape_rdn

bp = Blueprint("auth", __name__, url_prefix="/auth")
log = logging.getLogger("wiki.auth")

SERVER = ldap3.Server("ldaps://ldap.example.com")
PEOPLE = "ou=people,dc=example,dc=com"


@bp.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    conn = ldap3.Connection(SERVER, user=f"uid={user},{PEOPLE}", password=request.form["password"])  # expect: CWE-90
    if not conn.bind():
        abort(401)
    session["uid"] = user  # safe: CWE-501 set after a successful bind
    return redirect("/")


@bp.route("/login/v2", methods=["POST"])
def login_v2():
    user = request.form["user"]
    conn = ldap3.Connection(SERVER, user=f"uid={escape_rdn(user)},{PEOPLE}", password=request.form["password"])  # safe: CWE-90 escape_rdn
    if not conn.bind():
        log.warning("bind failed for " + user)  # expect: CWE-117
        abort(401)
    session["uid"] = user
    return redirect("/")


@bp.route("/lookup")
def lookup():
    mail = request.args["mail"]
    conn = ldap3.Connection(SERVER, auto_bind=True)
    conn.search(search_base=PEOPLE, search_filter=f"(mail={mail})", attributes=["cn"])  # expect: CWE-90
    return {"found": len(conn.entries)}


@bp.route("/sudo", methods=["POST"])
def sudo():
    session["uid"] = request.form["as_user"]  # expect: CWE-501
    return redirect("/")
