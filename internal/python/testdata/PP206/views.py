from flask import Flask, Markup, make_response, render_template, request
from jinja2 import Environment, Template, select_autoescape
from markupsafe import escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    return f"<h1>Hello {name}</h1>"  # want: PP206


@app.route("/hello-safe")
def hello_safe():
    name = request.args.get("name", "")
    return f"<h1>Hello {escape(name)}</h1>"  # safe: escaped


@app.route("/hello-template")
def hello_template():
    return render_template("hello.html", name=request.args.get("name"))  # safe: autoescaped template


@app.route("/resp")
def resp():
    body = "<p>" + request.args["q"] + "</p>"
    return make_response(body)  # want: PP206


@app.route("/json")
def json_resp():
    return {"q": request.args["q"]}  # safe: a JSON response


@app.route("/markup")
def markup():
    return Markup("<b>%s</b>" % request.args["x"])  # want: PP206


@app.route("/jinja")
def jinja_raw():
    tpl = Template("<p>{{ msg }}</p>")
    return tpl.render(msg=request.args["msg"])  # want: PP206


@app.route("/jinja-safe")
def jinja_escaped():
    env = Environment(autoescape=select_autoescape())
    return env.from_string("<p>{{ msg }}</p>").render(msg=request.args["msg"])  # safe: autoescape on


@app.route("/text")
def plain_text():
    return make_response(request.args["q"], {"Content-Type": "text/plain"})  # safe: a text/plain response
