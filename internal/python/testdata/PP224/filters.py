import re

SCRIPT = re.compile(r"<script.*?>.*?</script>", re.I)  # want: PP224


def clean(body):
    return re.sub(r"on\w+=\"[^\"]*\"", "", body)  # want: PP224


def collapse(body):
    return re.sub(r"\s+", " ", body)  # safe


def strip_handlers(body):
    return re.sub(r"\son[a-z]+\s*=\s*\"[^\"]*\"", "", body, flags=re.I)  # want: PP224


def json_keys(text):
    return re.findall(r"json\w+", text)  # safe: not an HTML filter
