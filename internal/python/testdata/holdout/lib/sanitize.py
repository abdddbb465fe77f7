"""Small value cleaners used before logging and header writes."""
import re

_CRLF = re.compile(r"[\r\n]+")
_NOT_SLUG = re.compile(r"[^a-z0-9-]")


def one_line(value):
    """Collapse CR and LF so a value cannot start a new log record or header."""
    return _CRLF.sub(" ", str(value))


def clip(value, limit=80):
    """Shorten a value for display. This is not an escape."""
    return str(value)[:limit]


def slug(value):
    """Lower-case letters, digits and hyphens only."""
    return _NOT_SLUG.sub("", str(value).lower())
