"""Log search and highlighting."""
import re

import nh3

SCRIPT_BLOCK = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.I | re.S)  # expect: CWE-116 regex used as an HTML filter
WORDS = re.compile(r"^(\w+\s?)*$")  # expect: CWE-1333 nested quantifier
HOSTNAME = re.compile(r"^([a-z0-9]+-?)+\.example\.com$")  # expect: CWE-1333 nested quantifier
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # safe: CWE-1333 separator is mandatory, no ambiguity
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # safe: CWE-1333


def strip_scripts(body):
    return SCRIPT_BLOCK.sub("", body)


def strip_handlers(body):
    return re.sub(r"\son[a-z]+\s*=\s*\"[^\"]*\"", "", body, flags=re.I)  # expect: CWE-116 event-handler filter


def collapse_whitespace(body):
    return re.sub(r"\s+", " ", body)  # safe: CWE-116 whitespace normalisation, not an HTML filter


def sanitize_snippet(body):
    return nh3.clean(body, tags={"b", "i", "em", "strong"})  # safe: CWE-116 HTML sanitiser


class Highlighter:
    def __init__(self, terms):
        self.pattern = re.compile("|".join(terms), re.I)  # expect: CWE-730 terms from the request

    def mark(self, text):
        return self.pattern.sub(lambda m: "**" + m.group(0) + "**", text)


class SafeHighlighter:
    def __init__(self, terms):
        self.pattern = re.compile("|".join(map(re.escape, terms)), re.I)  # safe: CWE-730 escaped

    def mark(self, text):
        return self.pattern.sub(lambda m: "**" + m.group(0) + "**", text)


def grep(lines, pattern):
    return [line for line in lines if (m := re.search(pattern, line)) and m.start() >= 0]  # expect: CWE-730 pattern from the caller (a request)


def grep_literal(lines, needle):
    return [line for line in lines if re.search(re.escape(needle), line)]  # safe: CWE-730 escaped
