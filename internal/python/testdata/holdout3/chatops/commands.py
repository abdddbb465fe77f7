"""Commands the ops chat bot can run on the jump host."""
import os
import shlex
import subprocess

ALLOWED_SERVICES = ("api", "worker", "scheduler")

COMMANDS = {
    "ping": lambda arg: os.popen("ping -c 1 " + arg).read(),  # expect: CWE-78 lambda in a dispatch table
    "dig": lambda arg: subprocess.run(["dig", "+short", arg], capture_output=True, text=True).stdout,  # safe: CWE-78 argument vector
    "uptime": lambda _arg: subprocess.run("uptime", shell=True, capture_output=True, text=True).stdout,  # safe: CWE-78 constant command
}


class ServiceCommands:
    def run(self, verb, arg):
        method = getattr(self, "cmd_" + verb, None)
        if method is None:
            return "unknown command"
        return method(arg)

    def cmd_restart(self, service):
        if service not in ALLOWED_SERVICES:
            return "unknown service"
        return subprocess.run(f"systemctl restart app-{service}", shell=True, capture_output=True, text=True).stdout  # safe: CWE-78 allow-listed service

    def cmd_logs(self, service):
        return subprocess.check_output(f"journalctl -u app-{service} -n 50", shell=True, text=True)  # expect: CWE-78 reached through getattr dispatch

    def cmd_grep(self, needle):
        return subprocess.check_output("grep -F -- " + shlex.quote(needle) + " /var/log/app/app.log | tail -n 20", shell=True, text=True)  # safe: CWE-78 shlex.quote

    def cmd_deploy(self, ref):
        steps = []

        def step(cmd):
            steps.append(cmd)

        step("git fetch --all")
        step(f"git checkout {ref}")
        step("make deploy")
        return subprocess.run(" && ".join(steps), shell=True, capture_output=True, text=True).stdout  # expect: CWE-78 list filled by a nested function, then joined

    def cmd_status(self, _arg):
        steps = ["systemctl is-active app-api", "systemctl is-active app-worker"]
        return subprocess.run(" && ".join(steps), shell=True, capture_output=True, text=True).stdout  # safe: CWE-78 constant steps
