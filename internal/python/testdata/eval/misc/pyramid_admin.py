"""Pyramid admin views of the wiki."""
from pyramid.httpexceptions import HTTPForbidden
from pyramid.view import view_config


@view_config(route_name="purge", request_method="POST", renderer="json")
def purge(request):
    assert request.has_permission("admin"), "forbidden"  # expect: CWE-617
    return {"purged": True}


@view_config(route_name="purge_v2", request_method="POST", renderer="json")
def purge_v2(request):
    if not request.has_permission("admin"):
        raise HTTPForbidden()
    return {"purged": True}


@view_config(route_name="impersonate", request_method="POST", renderer="json")
def impersonate(request):
    request.session["acting_as"] = request.json_body["user"]  # expect: CWE-501
    return {"ok": True}


@view_config(route_name="page_size", request_method="POST", renderer="json")
def page_size(request):
    request.session["page_size"] = min(int(request.params.get("n", "20")), 100)  # safe: CWE-501 int()
    return {"ok": True}
