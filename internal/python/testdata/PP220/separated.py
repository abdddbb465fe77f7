"""Nested quantifiers: dangerous unless each turn is marked off."""
import re

DOTTED = re.compile(r"^[a-z]+(?:\.[a-z]+)*$")  # safe look-alike: "." separates the turns
CSV_LINE = re.compile(r"^(\s*[^,]*,)*\s*$")  # want: PP220
WORDS = re.compile(r"^(\w+\s?)*$")  # want: PP220
TAGS = re.compile(r"^([a-z0-9]+,)*[a-z0-9]+$")  # safe look-alike
