"""A code object compiled from constant source runs only that source."""
from flask import Flask, request

app = Flask(__name__)


@app.get("/precompiled")
def precompiled():
    code = compile("result = sum(range(10))", "<builtin>", "exec")
    scope = {}
    exec(code, {}, scope)  # safe: constant code object
    return str(scope)


@app.get("/user-code")
def user_code():
    code = compile(request.args["src"], "<user>", "exec")  # want: PP203
    exec(code)  # want: PP203
    return "ok"
