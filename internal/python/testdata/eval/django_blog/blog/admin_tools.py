"""Staff utilities behind the admin login."""
import shlex
import subprocess

from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse


@staff_member_required
def reindex(request):
    index = request.POST["index"]
    subprocess.call("search-admin reindex " + index, shell=True)  # expect: CWE-78
    return JsonResponse({"ok": True})


@staff_member_required
def reindex_safe(request):
    index = request.POST["index"]
    subprocess.call("search-admin reindex " + shlex.quote(index), shell=True)  # safe: CWE-78 shlex.quote
    return JsonResponse({"ok": True})


@staff_member_required
def reindex_argv(request):
    index = request.POST["index"]
    subprocess.call(["search-admin", "reindex", index])  # safe: CWE-78 argv list
    return JsonResponse({"ok": True})


@staff_member_required
def run_tool(request):
    tool = request.POST["tool"]
    subprocess.call([tool, "--version"])  # expect: CWE-78 tainted program name
    return JsonResponse({"ok": True})


@staff_member_required
def run_tool_safe(request):
    tool = request.POST["tool"]
    if tool not in ("pg_dump", "redis-cli", "search-admin"):
        return JsonResponse({"error": "unknown tool"}, status=400)
    subprocess.call([tool, "--version"])  # safe: CWE-78 allow-listed program
    return JsonResponse({"ok": True})


@staff_member_required
def evaluate_setting(request):
    expr = request.body.decode()
    value = eval(expr, {"__builtins__": {}})  # expect: CWE-94
    return JsonResponse({"value": repr(value)})


@staff_member_required
def run_snippet(request):
    code = request.POST["code"]
    exec(compile(code, "<admin>", "exec"), {})  # expect: CWE-94
    return JsonResponse({"ok": True})
