"""Class-based views: exports, conversions, letters and the customer timeline."""
import os
import subprocess

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template import Context, Template, engines
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

EXPORT_ROOT = "/srv/crm/exports"
CONVERT_FORMATS = ("pdf", "docx", "txt")


class ExportDownloadView(LoginRequiredMixin, View):
    def get(self, request, *args, **kwargs):
        filename = request.GET.get("file", "")
        path = os.path.join(EXPORT_ROOT, str(request.user.pk), filename)
        try:
            return FileResponse(open(path, "rb"), as_attachment=True)  # expect: CWE-22
        except FileNotFoundError:
            raise Http404


class SafeExportDownloadView(LoginRequiredMixin, View):
    def get(self, request, *args, **kwargs):
        filename = os.path.basename(request.GET.get("file", ""))
        user_dir = os.path.join(EXPORT_ROOT, str(request.user.pk))
        try:
            fh = open(os.path.join(user_dir, filename), "rb")  # safe: CWE-22 basename
        except (FileNotFoundError, IsADirectoryError):
            raise Http404
        return FileResponse(fh, as_attachment=True)


@method_decorator(csrf_exempt, name="dispatch")  # expect: CWE-352
class QuickNoteView(LoginRequiredMixin, View):
    def post(self, request, customer_id):
        text = request.POST.get("text", "")
        with connection.cursor() as cur:
            cur.execute("INSERT INTO crm_note (customer_id, author_id, body) VALUES (%s, %s, %s)", [customer_id, request.user.pk, text])  # safe: CWE-89 parameterised
        return HttpResponse(status=204)


class ConvertView(LoginRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        fmt = request.POST.get("format", "pdf")
        src = os.path.join(EXPORT_ROOT, str(request.user.pk), "latest.odt")
        subprocess.run(f"soffice --headless --convert-to {fmt} {src}", shell=True, check=True)  # expect: CWE-78
        return HttpResponse(status=202)


class ConvertSafeView(LoginRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        fmt = request.POST.get("format", "pdf")
        if fmt not in CONVERT_FORMATS:
            return HttpResponseBadRequest("unsupported format")
        src = os.path.join(EXPORT_ROOT, str(request.user.pk), "latest.odt")
        subprocess.run(f"soffice --headless --convert-to {fmt} {src}", shell=True, check=True)  # safe: CWE-78 allow-listed format
        return HttpResponse(status=202)


class LetterPreviewView(LoginRequiredMixin, View):
    def get(self, request):
        greeting = request.GET.get("greeting", "Dear customer")
        tpl = Template("<p>" + greeting + ",</p>{% include 'crm/letter_body.html' %}")  # expect: CWE-1336
        return JsonResponse({"html": tpl.render(Context({"user": request.user}))})


class LetterPreviewSafeView(LoginRequiredMixin, View):
    def get(self, request):
        tpl = engines["django"].from_string("<p>{{ greeting }},</p>")  # safe: CWE-1336 constant template
        return HttpResponse(tpl.render({"greeting": request.GET.get("greeting", "")}))  # safe: CWE-79 autoescaped variable


class CustomerTimelineView(LoginRequiredMixin, View):
    def get(self, request, *args, **kwargs):
        ref = self.kwargs["ref"]
        with connection.cursor() as cur:
            cur.execute("SELECT kind, at FROM crm_event WHERE customer_ref = '%s' ORDER BY at" % ref)  # expect: CWE-89
            events = cur.fetchall()
        return JsonResponse({"events": events})


class CustomerTimelineSafeView(LoginRequiredMixin, View):
    def get(self, request, *args, **kwargs):
        with connection.cursor() as cur:
            cur.execute("SELECT kind, at FROM crm_event WHERE customer_ref = %s ORDER BY at", [self.kwargs["ref"]])  # safe: CWE-89 parameterised
            events = cur.fetchall()
        return JsonResponse({"events": events})
