"""String helpers."""
import re


def one_line(value):
    return value.replace("\r", "\\r").replace("\n", "\\n")


def slug(value):
    return re.sub(r"[^a-z0-9-]+", "-", value.lower()).strip("-")


def shout(value):
    return value.upper() + "!"
