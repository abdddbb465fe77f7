"""Syncs CRM contacts with the directory (python-ldap)."""
import ldap
from django.http import JsonResponse
from ldap.filter import filter_format

BASE = "ou=contacts,dc=example,dc=com"


def conn():
    c = ldap.initialize("ldaps://ldap.example.com")
    c.simple_bind_s()
    return c


def find_by_company(request):
    company = request.GET["company"]
    res = conn().search_s(BASE, ldap.SCOPE_ONELEVEL, "(&(objectClass=contact)(o=" + company + "))", ["mail"])  # expect: CWE-90
    return JsonResponse({"count": len(res)})


def find_by_company_v2(request):
    company = request.GET["company"]
    res = conn().search_s(BASE, ldap.SCOPE_ONELEVEL, filter_format("(&(objectClass=contact)(o=%s))", [company]), ["mail"])  # safe: CWE-90 filter_format escapes
    return JsonResponse({"count": len(res)})


def delete_contact(request):
    cn = request.POST["cn"]
    conn().delete_s(f"cn={cn},{BASE}")  # expect: CWE-90
    return JsonResponse({"ok": True})


def rename_contact(request):
    cn = request.POST["cn"]
    if not cn.isalnum():
        return JsonResponse({"error": "bad cn"}, status=400)
    conn().modrdn_s(f"cn={cn},{BASE}", "cn=" + cn + "-old")  # safe: CWE-90 isalnum guard
    return JsonResponse({"ok": True})
