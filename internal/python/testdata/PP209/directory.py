import ldap
from flask import request
from ldap.filter import escape_filter_chars

BASE = "ou=people,dc=example,dc=com"


def find_user():
    conn = ldap.initialize("ldap://ldap.example.com")
    user = request.args["user"]
    return conn.search_s(BASE, ldap.SCOPE_SUBTREE, f"(uid={user})")  # want: PP209


def find_user_safe():
    conn = ldap.initialize("ldap://ldap.example.com")
    user = escape_filter_chars(request.args["user"])
    return conn.search_s(BASE, ldap.SCOPE_SUBTREE, f"(uid={user})")  # safe: escaped
