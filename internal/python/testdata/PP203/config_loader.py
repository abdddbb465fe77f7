"""Plain script helpers: evaluating strings that are not constants."""
import builtins
from importlib import import_module


def parse_setting(raw):
    return eval(raw)  # want: PP203


def parse_setting_safe(raw):
    import ast

    return ast.literal_eval(raw)  # safe look-alike


def apply_hook(source_text, scope):
    exec(source_text, scope)  # want: PP203


def hook_constant(scope):
    exec("x = 1", scope)  # safe: constant code


def load_backend(path):
    return import_module(path)  # safe: __import__/import_module are reported only for request data


def dynamic(expr):
    fn = builtins.eval
    return fn(expr)  # want: PP203


def shadowed(expr):
    def eval(text):
        return text.upper()

    return eval(expr)  # safe: a local function named eval


def overwritten(expr):
    expr = "0"
    return eval(expr)  # safe: overwritten with a constant


def numeric(expr):
    return eval(str(int(expr)))  # safe: int() leaves only a number


def run_file(path):
    with open(path) as fh:
        exec(fh.read())  # want: PP203


def run_file_compiled(path):
    source = open(path).read()
    code = compile(source, path, "exec")  # want: PP203
    return code


def plugin_from_argv():
    import sys

    return import_module(sys.argv[1])  # safe: a command-line tool loads the plugin it is given
