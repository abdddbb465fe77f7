"""ldap3 wrapper used by the people directory API."""
import os

from ldap3 import ALL, SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars

SEARCH_BASE = "ou=staff,dc=example,dc=org"


class PeopleDirectory:
    FILTERS = {
        "mail": "(&(objectClass=inetOrgPerson)(mail={value}))",
        "uid": "(&(objectClass=inetOrgPerson)(uid={value}))",
    }

    def __init__(self):
        server = Server(os.environ.get("DIRECTORY_HOST", "ldaps://ldap.example.org"), get_info=ALL)
        self.conn = Connection(server, os.environ["DIRECTORY_BIND_DN"], os.environ["DIRECTORY_BIND_PW"], auto_bind=True)
        self._pending = []

    def queue_term(self, kind, value):
        template = self.FILTERS[kind]
        self._pending.append(template.format(value=value))

    def run_pending(self):
        flt = "(|" + "".join(self._pending) + ")"
        self.conn.search(SEARCH_BASE, flt, SUBTREE, attributes=["cn", "mail"])  # expect: CWE-90 terms queued by another method
        self._pending.clear()
        return [e.entry_to_json() for e in self.conn.entries]

    def by_uid(self, uid):
        self.conn.search(SEARCH_BASE, self.FILTERS["uid"].format(value=escape_filter_chars(uid)), SUBTREE, attributes=["cn"])  # safe: CWE-90 escaped
        return [e.entry_to_json() for e in self.conn.entries]

    def by_department(self, dept):
        base = f"ou={dept},{SEARCH_BASE}"
        self.conn.search(search_base=base, search_filter="(objectClass=inetOrgPerson)", search_scope=SUBTREE)  # expect: CWE-90 base DN from the request
        return len(self.conn.entries)
