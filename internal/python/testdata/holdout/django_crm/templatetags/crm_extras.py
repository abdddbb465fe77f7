"""Template tags used by the CRM search pages."""
from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def search_echo(context):
    q = context["request"].GET.get("q", "")
    return mark_safe(f"<em>{q}</em>")  # expect: CWE-79


@register.simple_tag(takes_context=True)
def search_echo_v2(context):
    q = context["request"].GET.get("q", "")
    return format_html("<em>{}</em>", q)  # safe: CWE-79 format_html escapes


@register.simple_tag(takes_context=True)
def search_echo_v3(context):
    q = conditional_escape(context["request"].GET.get("q", ""))
    return mark_safe(f"<em>{q}</em>")  # safe: CWE-79 conditional_escape


@register.simple_tag
def star_rating(stars: int):
    full = "&#9733;" * max(0, min(5, int(stars)))
    return mark_safe(f"<span class='stars'>{full}</span>")  # safe: CWE-79 built from a constant entity and an int
