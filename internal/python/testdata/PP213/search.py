import re

from flask import request


def search(text):
    q = request.args["q"]
    return re.search(q, text)  # want: PP213


def search_safe(text):
    return re.search(re.escape(request.args["q"]), text)  # safe: escaped


def compile_const():
    return re.compile(r"^[a-z]+$")  # safe: constant
