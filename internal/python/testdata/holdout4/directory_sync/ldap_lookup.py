"""Directory lookups for the people search page."""
import ldap
from ldap.dn import escape_dn_chars
from ldap.filter import escape_filter_chars

BASE_DN = "ou=people,dc=corp,dc=example"


class Directory:
    def __init__(self, uri, base_dn=BASE_DN):
        self.conn = ldap.initialize(uri)
        self.conn.set_option(ldap.OPT_NETWORK_TIMEOUT, 5)
        self.base = base_dn

    def find_user(self, uid):
        flt = f"(&(objectClass=person)(uid={uid}))"
        return self.conn.search_s(self.base, ldap.SCOPE_SUBTREE, flt, ["cn", "mail"])  # expect: CWE-90

    def find_user_v2(self, uid):
        flt = f"(&(objectClass=person)(uid={escape_filter_chars(uid)}))"
        return self.conn.search_s(self.base, ldap.SCOPE_SUBTREE, flt, ["cn", "mail"])  # safe: CWE-90 escaped

    def team_members(self, team):
        base = f"ou={team},ou=teams,dc=corp,dc=example"
        return self.conn.search_s(base, ldap.SCOPE_ONELEVEL, "(objectClass=person)", ["cn"])  # expect: CWE-90

    def team_members_v2(self, team):
        base = f"ou={escape_dn_chars(team)},ou=teams,dc=corp,dc=example"
        return self.conn.search_s(base, ldap.SCOPE_ONELEVEL, "(objectClass=person)", ["cn"])  # safe: CWE-90 escape_dn_chars


def group_members(conn, group):
    conn.search("ou=groups,dc=corp,dc=example", "(&(objectClass=groupOfNames)(cn=" + group + "))", attributes=["member"])  # expect: CWE-90
    return [str(m) for e in conn.entries for m in e.member]


def group_members_v2(conn, group):
    from ldap3.utils.conv import escape_filter_chars as esc3

    conn.search("ou=groups,dc=corp,dc=example", f"(&(objectClass=groupOfNames)(cn={esc3(group)}))", attributes=["member"])  # safe: CWE-90 escaped
    return [str(m) for e in conn.entries for m in e.member]


def by_employee_number(conn, number):
    flt = f"(employeeNumber={int(number)})"
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, flt, ["cn"])  # safe: CWE-90 int()


def all_active(conn):
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(&(objectClass=person)(!(nsAccountLock=TRUE)))", ["uid"])  # safe: CWE-90 constant filter


def by_department(conn, dept):
    departments = {"eng": "Engineering", "ops": "Operations", "fin": "Finance"}
    flt = f"(department={departments.get(dept, 'Engineering')})"
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, flt, ["uid"])  # safe: CWE-90 constant map
