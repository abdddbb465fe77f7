"""Staff sign-in and people search against the corporate directory."""
import html
import os

import ldap
from flask import Blueprint, abort, request
from ldap.dn import escape_dn_chars
from ldap.filter import escape_filter_chars
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars as l3_escape

bp = Blueprint("staff", __name__, url_prefix="/staff")
LDAP_URL = os.environ.get("LDAP_URL", "ldaps://ldap.example.com")
BASE = "ou=people,dc=example,dc=com"


def _conn():
    conn = ldap.initialize(LDAP_URL)
    conn.simple_bind_s("cn=svc-portal,dc=example,dc=com", os.environ["LDAP_SVC_PASSWORD"])  # safe: CWE-90, CWE-259 constant DN, password from the environment
    return conn


@bp.post("/login")
def staff_login():
    user = request.form["user"]
    conn = _conn()
    hits = conn.search_s(BASE, ldap.SCOPE_SUBTREE, f"(&(objectClass=person)(uid={user}))")  # expect: CWE-90
    if not hits:
        abort(401)
    conn.simple_bind_s(hits[0][0], request.form["password"])  # safe: CWE-90 DN returned by the directory
    return {"ok": True}


@bp.post("/login/v2")
def staff_login_v2():
    user = escape_filter_chars(request.form["user"])
    conn = _conn()
    hits = conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(&(objectClass=person)(uid=%s))" % user)  # safe: CWE-90 escape_filter_chars
    if not hits:
        abort(401)
    return {"ok": True}


@bp.post("/bind")
def direct_bind():
    user = request.form["user"]
    conn = ldap.initialize(LDAP_URL)
    conn.simple_bind_s("uid=%s,%s" % (user, BASE), request.form["password"])  # expect: CWE-90 DN built from input
    return {"ok": True}


@bp.post("/bind/v2")
def direct_bind_v2():
    conn = ldap.initialize(LDAP_URL)
    conn.simple_bind_s("uid=%s,%s" % (escape_dn_chars(request.form["user"]), BASE), request.form["password"])  # safe: CWE-90 escape_dn_chars
    return {"ok": True}


@bp.get("/search")
def directory_search():
    dept = request.args.get("dept", "")
    c = Connection(Server(LDAP_URL), auto_bind=True)
    c.search(BASE, f"(department={dept})", SUBTREE, attributes=["cn", "mail"])  # expect: CWE-90
    people = [e.entry_to_json() for e in c.entries]
    c.search(f"ou={dept},{BASE}", "(objectClass=person)", SUBTREE)  # expect: CWE-90 base DN from input
    c.search(BASE, f"(department={l3_escape(dept)})", SUBTREE, attributes=["cn"])  # safe: CWE-90 ldap3 escape_filter_chars
    c.search(BASE, "(cn=%s)" % html.escape(request.args.get("cn", "")), SUBTREE)  # expect: CWE-90 html.escape leaves * ( ) intact
    return {"people": people}
