"""functools.partial binds arguments that a later call passes on."""
import functools
import subprocess
from functools import partial

from flask import Flask, request

app = Flask(__name__)
_shell = functools.partial(subprocess.run, shell=True, check=True)
_argv = partial(subprocess.run, check=True)


@app.post("/stamp")
def stamp():
    mark = request.form["mark"]
    _shell("pdftk in.pdf stamp " + mark + ".pdf output out.pdf")  # want: PP202
    _argv(["pdftk", "in.pdf", "stamp", mark + ".pdf", "output", "out.pdf"])  # safe: argument vector, no shell
    _shell("pdftk in.pdf stamp default.pdf output out.pdf")  # safe: constant command
    return "ok"
