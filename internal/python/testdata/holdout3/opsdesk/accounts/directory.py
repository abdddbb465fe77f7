"""python-ldap helper used by the account views."""
import os

import ldap
from django.conf import settings
from ldap.dn import escape_dn_chars
from ldap.filter import escape_filter_chars

BASE_DN = "ou=people,dc=corp,dc=example"
GROUPS_DN = "ou=groups,dc=corp,dc=example"


class DirectoryClient:
    def __init__(self, uri=None):
        self.conn = ldap.initialize(uri or settings.LDAP_URI)
        self.conn.simple_bind_s("cn=opsdesk,ou=services,dc=corp,dc=example", os.environ["OPSDESK_LDAP_PW"])

    def find_user(self, login):
        flt = "(&(objectClass=person)(sAMAccountName=%(login)s))" % {"login": login}
        return self.conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, flt, ["mail", "cn"])  # expect: CWE-90 % with a dict

    def find_user_v2(self, login):
        flt = "(&(objectClass=person)(sAMAccountName={login}))".format_map({"login": escape_filter_chars(login)})
        return self.conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, flt, ["mail", "cn"])  # safe: CWE-90 escaped before format_map

    def members(self, group_cn):
        base = "cn=%s,%s" % (group_cn, GROUPS_DN)
        return self.conn.search_s(base, ldap.SCOPE_BASE, "(objectClass=group)", ["member"])  # expect: CWE-90 base DN from the caller

    def members_v2(self, group_cn):
        base = "cn=%s,%s" % (escape_dn_chars(group_cn), GROUPS_DN)
        return self.conn.search_s(base, ldap.SCOPE_BASE, "(objectClass=group)", ["member"])  # safe: CWE-90 escape_dn_chars
