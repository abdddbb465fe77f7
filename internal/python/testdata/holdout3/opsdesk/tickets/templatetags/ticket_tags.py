"""Template tags for the ticket pages."""
from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def search_banner(context):
    term = context["request"].GET.get("q", "")
    return mark_safe(f"<p class='banner'>Results for <b>{term}</b></p>")  # expect: CWE-79 request data marked safe


@register.simple_tag(takes_context=True)
def search_banner_v2(context):
    term = context["request"].GET.get("q", "")
    return format_html("<p class='banner'>Results for <b>{}</b></p>", term)  # safe: CWE-79 format_html escapes


@register.simple_tag(takes_context=True)
def page_links(context):
    request = context["request"]
    page = int(request.GET.get("page", "1"))
    links = [f'<a href="?page={n}">{n}</a>' for n in range(max(1, page - 2), page + 3)]
    return mark_safe(" ".join(links))  # safe: CWE-79 only integers


@register.filter
def badge(value):
    return mark_safe('<span class="badge">%s</span>' % escape(value))  # safe: CWE-79 escaped
