import re

EMAIL = re.compile(r"^([a-zA-Z0-9]+)*@example\.com$")  # want: PP220
WORDS = re.compile(r"^(\w+\s?)*$")  # want: PP220
SIMPLE = re.compile(r"^[a-zA-Z0-9]+@example\.com$")  # safe
BOUNDED = re.compile(r"^(\d{1,3}\.){3}\d{1,3}$")  # safe: bounded repetition


def valid(name):
    return re.match(r"(a|b+)+c", name)  # want: PP220
