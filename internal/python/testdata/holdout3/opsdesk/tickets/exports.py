"""Download and clean-up of generated ticket exports."""
import os

from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse

EXPORT_ROOT = "/srv/opsdesk/exports"


def download(request):
    name = request.GET["file"]
    path = os.path.join(EXPORT_ROOT, name)
    return FileResponse(open(path, "rb"), as_attachment=True)  # expect: CWE-22


def download_v2(request):
    name = request.GET["file"]
    path = os.path.realpath(os.path.join(EXPORT_ROOT, name))
    if os.path.commonpath([path, EXPORT_ROOT]) != EXPORT_ROOT:
        raise Http404("no such export")
    return FileResponse(open(path, "rb"), as_attachment=True)  # safe: CWE-22 commonpath check


def delete_export(request):
    name = request.POST["file"]
    for ext in (".csv", ".xlsx"):
        if name.endswith(ext):
            break
    else:
        return HttpResponseBadRequest("unsupported type")
    os.remove(os.path.join(EXPORT_ROOT, name))  # expect: CWE-22 a suffix check does not stop ../
    return JsonResponse({"deleted": True})


def delete_export_v2(request):
    name = os.path.basename(request.POST["file"])
    os.remove(os.path.join(EXPORT_ROOT, name))  # safe: CWE-22 basename
    return JsonResponse({"deleted": True})
