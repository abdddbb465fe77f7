from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def search_echo(context):
    q = context["request"].GET.get("q", "")
    return mark_safe(f"Results for <b>{q}</b>")  # expect: CWE-79


@register.simple_tag(takes_context=True)
def search_echo_v2(context):
    q = context["request"].GET.get("q", "")
    return format_html("Results for <b>{}</b>", q)  # safe: CWE-79 format_html


@register.simple_tag
def icon(name):
    return mark_safe(f'<i class="icon icon-{escape(name)}"></i>')  # safe: CWE-79 escaped


@register.simple_tag
def divider():
    return mark_safe('<hr class="divider">')  # safe: CWE-79 constant
