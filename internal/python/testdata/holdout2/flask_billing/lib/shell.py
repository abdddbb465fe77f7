import shlex
import subprocess


def run_pdf_tool(args_text):
    """Run the wkhtmltopdf wrapper; args_text is appended to the command line."""
    return subprocess.run("/opt/billing/bin/render-pdf " + args_text, shell=True, capture_output=True, timeout=120)  # expect: CWE-78 views/exports.py passes a request value


def run_pdf_tool_quoted(source, target):
    cmd = "/opt/billing/bin/render-pdf {} {}".format(shlex.quote(source), shlex.quote(target))
    return subprocess.run(cmd, shell=True, capture_output=True, timeout=120)  # safe: CWE-78 every value shlex-quoted
