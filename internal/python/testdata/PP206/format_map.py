"""str.format_map fills a template from a mapping."""
from django.http import HttpResponse
from django.utils.html import escape

WIDGET = "<div class='w'><h3>{title}</h3><p>{body}</p></div>"


def widget(request):
    ctx = {"title": request.GET.get("title", ""), "body": "static"}
    return HttpResponse(WIDGET.format_map(ctx))  # want: PP206


def widget_escaped(request):
    ctx = {"title": escape(request.GET.get("title", "")), "body": "static"}
    return HttpResponse(WIDGET.format_map(ctx))  # safe: escaped


def widget_other_key(request):
    ctx = {"title": "Fixed", "body": "static", "note": request.GET.get("note", "")}
    return HttpResponse(WIDGET.format_map(ctx))  # safe: the tainted key is not in the template
