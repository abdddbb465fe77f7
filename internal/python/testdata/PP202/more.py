import shlex
import subprocess

import paramiko
from flask import Flask, request

app = Flask(__name__)


@app.route("/sh")
def via_sh():
    script = request.args["script"]
    subprocess.run(["sh", "-c", script])  # want: PP202
    subprocess.run(["sh", "-c", "ls -la /srv"])  # safe look-alike: constant script
    return "ok"


@app.route("/bash")
def via_bash():
    name = request.args["name"]
    subprocess.check_call(["/bin/bash", "-lc", f"echo {name}"])  # want: PP202
    subprocess.check_call(["/bin/bash", "-lc", f"echo {shlex.quote(name)}"])  # safe look-alike: quoted
    return "ok"


@app.route("/split")
def split_cmd():
    cmd = request.form["cmd"]
    subprocess.run(shlex.split(cmd))  # want: PP202
    subprocess.run(["echo"] + shlex.split(cmd))  # safe: the program is fixed and there is no shell
    return "ok"


@app.route("/ssh")
def remote():
    host_cmd = request.args["cmd"]
    client = paramiko.SSHClient()
    client.connect("build.internal", username="ci")
    client.exec_command("uptime; " + host_cmd)  # want: PP202
    client.exec_command("uptime")  # safe look-alike: constant
    return "ok"
