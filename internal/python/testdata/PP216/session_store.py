from flask import Flask, request, session

app = Flask(__name__)


@app.route("/role", methods=["POST"])
def set_role():
    session["role"] = request.form["role"]  # want: PP216
    return "ok"


@app.route("/role-safe", methods=["POST"])
def set_role_safe():
    role = request.form["role"]
    if role in {"viewer", "editor"}:
        session["role"] = role  # safe: allow-listed
    session["visits"] = int(request.form.get("n", "0"))  # safe: an integer
    return "ok"
