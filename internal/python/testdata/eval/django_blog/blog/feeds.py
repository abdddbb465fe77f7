"""Embeddable widgets rendered without a template."""
from django.http import HttpResponse, JsonResponse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe


def widget(request):
    title = request.GET.get("title", "Latest posts")
    return HttpResponse(mark_safe("<h3>%s</h3>" % title))  # expect: CWE-79


def widget_safe(request):
    title = request.GET.get("title", "Latest posts")
    return HttpResponse(format_html("<h3>{}</h3>", title))  # safe: CWE-79


def widget_escaped(request):
    title = conditional_escape(request.GET.get("title", "Latest posts"))
    return HttpResponse(mark_safe("<h3>%s</h3>" % title))  # safe: CWE-79 conditional_escape


def banner(request):
    text = request.COOKIES.get("banner", "")
    return HttpResponse(SafeString("<div class='banner'>" + text + "</div>"))  # expect: CWE-79


def widget_json(request):
    title = request.GET.get("title", "Latest posts")
    return JsonResponse({"title": title})  # safe: CWE-79 JSON
