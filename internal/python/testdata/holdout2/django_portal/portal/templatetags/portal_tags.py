from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(needs_autoescape=True)
def nl2br(value, autoescape=True):
    """Used on ticket bodies written by customers."""
    esc = conditional_escape if autoescape else (lambda x: x)
    return mark_safe(esc(value).replace("\n", "<br>"))  # safe: CWE-79 escaped first


@register.filter
def highlight(value, term):
    """Used on search results: {{ customer.name|highlight:term }}, term is the search box text."""
    return mark_safe(value.replace(term, f"<mark>{term}</mark>"))  # expect: CWE-79 customer name and search term are never escaped


@register.simple_tag
def profile_link(user):
    return format_html('<a href="/users/{}/">{}</a>', user.pk, user.get_full_name())  # safe: CWE-79 format_html
