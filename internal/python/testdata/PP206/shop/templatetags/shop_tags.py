"""Template filters and tags get whatever the page passes, often user text."""
from django import template
from django.template.defaultfilters import stringfilter
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
@stringfilter
def highlight(value, term):
    return mark_safe(value.replace(term, "<mark>" + term + "</mark>"))  # want: PP206


@register.filter(name="emphasis")
def emphasis(text):
    return mark_safe(f"<em>{text}</em>")  # want: PP206


@register.simple_tag
def badge(label, colour="grey"):
    return mark_safe('<span class="badge %s">%s</span>' % (colour, label))  # want: PP206


@register.simple_tag(takes_context=True)
def greeting(context):
    name = context["request"].GET.get("name", "")
    return mark_safe("<b>Hello " + name + "</b>")  # want: PP206


@register.filter
def safe_highlight(value, term):
    return mark_safe(escape(value).replace(escape(term), "<mark>" + escape(term) + "</mark>"))  # safe: escaped first


@register.simple_tag
def safe_badge(label):
    return format_html('<span class="badge">{}</span>', label)  # safe: format_html escapes


@register.filter
def stars(count: int):
    return mark_safe("&#9733;" * count)  # safe: an int


@register.simple_tag(takes_context=True)
def page_title(context):
    return mark_safe("<h1>" + escape(context["request"].GET.get("title", "")) + "</h1>")  # safe: escaped


def not_a_filter(value):
    return value.upper()
