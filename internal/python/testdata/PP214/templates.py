from flask import Flask, render_template_string, request
from jinja2 import Environment

app = Flask(__name__)


@app.route("/greet")
def greet():
    msg = request.args.get("msg", "")
    return render_template_string("<p>" + msg + "</p>")  # want: PP214


@app.route("/greet-safe")
def greet_safe():
    return render_template_string("<p>{{ msg }}</p>", msg=request.args.get("msg", ""))  # safe: data as a variable


@app.route("/env")
def env_render():
    env = Environment()
    return env.from_string(request.form["tpl"]).render()  # want: PP214
