"""Input validators shared by the web apps."""
import re

# Accepts dotted.names like "billing.invoice.created"
EVENT_NAME = re.compile(r"^([a-z]+\.?)+$")  # expect: CWE-1333 nested quantifier backtracks on long near-matches
EVENT_NAME_V2 = re.compile(r"^[a-z]+(?:\.[a-z]+)*$")  # safe: CWE-1333 each repetition starts with a literal dot

SKU = re.compile(r"^[A-Z]{2,4}-\d{4,8}$")  # safe: CWE-1333 no nested quantifiers
CSV_LINE = re.compile(r"^(\s*[^,]*,)*\s*$")  # expect: CWE-1333 quantified group with quantified body


def is_event_name(value: str) -> bool:
    return len(value) <= 200 and EVENT_NAME_V2.fullmatch(value) is not None


def split_tags(value: str) -> list:
    return [t for t in re.split(r"[,\s]+", value) if t]  # safe: CWE-1333, CWE-730 constant pattern without nesting
