from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template import Context, Template
from django.utils.html import escape

from .models import Page

PAGE_TEMPLATE = Template("<article><h1>{{ title }}</h1>{{ body|linebreaks }}</article>")


def page(request, slug):
    p = get_object_or_404(Page, slug=slug, published=True)
    return HttpResponse(PAGE_TEMPLATE.render(Context({"title": p.title, "body": p.body})))  # safe: CWE-79, CWE-1336 constant autoescaped template


def preview(request):
    body = request.POST.get("body", "")
    tpl = Template(body)  # expect: CWE-1336
    return JsonResponse({"html": tpl.render(Context({"user": request.user}))})


def preview_v2(request):
    body = request.POST.get("body", "")
    html = PAGE_TEMPLATE.render(Context({"title": "Preview", "body": body}))  # safe: CWE-1336 data only
    return JsonResponse({"html": html})


def search(request):
    q = request.GET.get("q", "")
    results = Page.objects.filter(title__icontains=q, published=True)
    items = "".join(f"<li>{escape(p.title)}</li>" for p in results)
    return HttpResponse(f"<h2>{escape(q)}</h2><ul>{items}</ul>")  # safe: CWE-79 escaped


def search_legacy(request):
    q = request.GET.get("q", "")
    parts = ["<h2>Search</h2>", "<p>You searched for: ", q, "</p>"]
    return HttpResponse("".join(parts))  # expect: CWE-79


def search_count(request):
    q = request.GET.get("q", "")
    n = Page.objects.filter(title__icontains=q).count()
    return HttpResponse(f"<p>{n} pages found</p>")  # safe: CWE-79 only a count
