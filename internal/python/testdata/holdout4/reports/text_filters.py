"""Text helpers for report descriptions and chart labels."""
import re

import nh3

SERIES_RE = re.compile(r"^(\w+\s*)*:\s*\d+$")  # expect: CWE-1333
LABEL_RE = re.compile(r"^[\w ]{1,64}:\s*\d+$")  # safe: CWE-1333 no nested quantifier
CORP_EMAIL_RE = re.compile(r"^([a-z0-9]+\.?)+@corp\.example$")  # expect: CWE-1333
CORP_EMAIL_RE_V2 = re.compile(r"^[a-z0-9]+(?:\.[a-z0-9]+){0,5}@corp\.example$")  # safe: CWE-1333 bounded, no nesting


def strip_scripts(html_text):
    return re.sub(r"<script[^>]*>.*?</script>", "", html_text, flags=re.IGNORECASE | re.DOTALL)  # expect: CWE-116


def clean_description(html_text):
    return nh3.clean(html_text, tags={"b", "i", "p", "ul", "li"})  # safe: CWE-116 real sanitiser


def parse_series(line):
    m = LABEL_RE.match(line)
    return m.group(0) if m else None


def collapse_whitespace(text_value):
    return re.sub(r"\s+", " ", text_value).strip()  # safe: CWE-1333 simple pattern


def plain_text(html_text):
    return nh3.clean(html_text, tags=set())  # safe: CWE-116 real sanitiser


def escape_for_html(text_value):
    import html

    return html.escape(text_value)  # safe: CWE-116 escaping


CSV_FIELD_RE = re.compile(r'^(?:[^,"]*|"(?:[^"]|"")*")$')  # safe: CWE-1333 alternation without nested quantified group
