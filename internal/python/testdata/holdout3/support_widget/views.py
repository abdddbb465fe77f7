"""Support widget served into customer pages (Django)."""
from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.template import Context, Template
from django.utils.decorators import method_decorator
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views import View
from django.views.decorators.csrf import csrf_exempt

WIDGET = "<div class='support-widget'><h3>{title}</h3><p>{subtitle}</p></div>"


class WidgetView(View):
    def get(self, request):
        ctx = {"title": request.GET.get("title", "Support"), "subtitle": "We reply within a day"}
        return HttpResponse(WIDGET.format_map(ctx))  # expect: CWE-79 str.format_map with request data


class SafeWidgetView(View):
    def get(self, request):
        ctx = {"title": escape(request.GET.get("title", "Support")), "subtitle": "We reply within a day"}
        return HttpResponse(WIDGET.format_map(ctx))  # safe: CWE-79 escaped before format_map


@method_decorator(csrf_exempt, name="dispatch")  # expect: CWE-352 method_decorator(csrf_exempt)
class TicketIntakeView(View):
    def post(self, request):
        return JsonResponse({"queued": True})


class FaqView(View):
    @property
    def answer_html(self):
        return mark_safe(self.request.GET.get("answer", ""))  # expect: CWE-79 mark_safe on request data in a property

    def get(self, request):
        return render(request, "support/faq.html", {"answer": self.answer_html})


def custom_reply(request):
    tpl = Template(request.POST["template"])  # expect: CWE-1336 Django Template from the request
    return JsonResponse({"text": tpl.render(Context({"name": "customer"}))})


def canned_reply(request):
    tpl = Template("Hello {{ name }}, thanks for contacting support.")  # safe: CWE-1336 constant template
    return JsonResponse({"text": tpl.render(Context({"name": request.POST.get("name", "")}))})


def handoff(request):
    dest = request.GET.get("to") or "/support/"
    return HttpResponsePermanentRedirect(dest)  # expect: CWE-601


def handoff_v2(request):
    dest = request.GET.get("to") or "/support/"
    if not url_has_allowed_host_and_scheme(dest, allowed_hosts=set(settings.ALLOWED_HOSTS)):
        dest = "/support/"
    return HttpResponsePermanentRedirect(dest)  # safe: CWE-601 checked
