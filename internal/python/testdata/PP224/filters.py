import re

SCRIPT = re.compile(r"<script.*?>.*?</script>", re.I)  # want: PP224


def clean(body):
    return re.sub(r"on\w+=\"[^\"]*\"", "", body)  # want: PP224


def collapse(body):
    return re.sub(r"\s+", " ", body)  # safe
