"""Active Directory lookups for the helpdesk bot (ldap3)."""
import os

from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.dn import escape_rdn
from ldap3.utils.conv import escape_filter_chars


def _conn():
    return Connection(Server(os.environ["AD_URL"], use_ssl=True), os.environ["AD_BIND_USER"], os.environ["AD_BIND_PASSWORD"], auto_bind=True)


def handle_command(message):
    """message is the text a chat user typed after '/whois'."""
    who = message.strip()
    conn = _conn()
    conn.search("dc=corp,dc=example,dc=com", f"(|(sAMAccountName={who})(mail={who}))", SUBTREE, attributes=["displayName"])  # expect: CWE-90 chat text in the filter
    return [str(e.displayName) for e in conn.entries]


def handle_command_v2(message):
    who = escape_filter_chars(message.strip())
    conn = _conn()
    conn.search("dc=corp,dc=example,dc=com", f"(|(sAMAccountName={who})(mail={who}))", SUBTREE, attributes=["displayName"])  # safe: CWE-90 escaped
    return [str(e.displayName) for e in conn.entries]


def members_of(group_name):
    conn = _conn()
    base = f"cn={escape_rdn(group_name)},ou=groups,dc=corp,dc=example,dc=com"
    conn.search(base, "(objectClass=group)", SUBTREE, attributes=["member"])  # safe: CWE-90 RDN escaped
    return [str(m) for e in conn.entries for m in e.member]
