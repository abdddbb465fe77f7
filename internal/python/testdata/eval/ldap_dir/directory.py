"""Directory look-ups against the corporate LDAP."""
import ldap
import ldap3
from ldap.dn import escape_dn_chars
from ldap.filter import escape_filter_chars
from ldap3.utils.conv import escape_filter_chars as ldap3_escape

BASE = "ou=people,dc=example,dc=com"
LDAP_URL = "ldaps://ldap.example.com"


def connect():
    conn = ldap.initialize(LDAP_URL)
    conn.simple_bind_s()
    return conn


def find_user(username):
    conn = connect()
    return conn.search_s(BASE, ldap.SCOPE_SUBTREE, f"(uid={username})")  # expect: CWE-90


def find_user_safe(username):
    conn = connect()
    return conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=%s)" % escape_filter_chars(username))  # safe: CWE-90 escaped


def authenticate(username, password):
    conn = ldap.initialize(LDAP_URL)
    conn.simple_bind_s("uid=" + username + "," + BASE, password)  # expect: CWE-90
    return True


def authenticate_safe(username, password):
    conn = ldap.initialize(LDAP_URL)
    conn.simple_bind_s(f"uid={escape_dn_chars(username)},{BASE}", password)  # safe: CWE-90 escaped DN
    return True


def members_of(group):
    server = ldap3.Server(LDAP_URL)
    with ldap3.Connection(server, auto_bind=True) as conn:
        conn.search("ou=groups,dc=example,dc=com", "(&(objectClass=groupOfNames)(cn=" + group + "))", attributes=["member"])  # expect: CWE-90
        return conn.entries


def members_of_safe(group):
    server = ldap3.Server(LDAP_URL)
    with ldap3.Connection(server, auto_bind=True) as conn:
        conn.search("ou=groups,dc=example,dc=com", f"(&(objectClass=groupOfNames)(cn={ldap3_escape(group)}))", attributes=["member"])  # safe: CWE-90
        return conn.entries


def staff_count():
    conn = connect()
    return len(conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(employeeType=staff)"))  # safe: CWE-90 constant filter
