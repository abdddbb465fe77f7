"""Small wrappers around subprocess used by several tools."""
import shlex
import subprocess


def run_shell(command):
    return subprocess.run(command, shell=True, capture_output=True, text=True)  # expect: CWE-78


def run_argv(argv):
    return subprocess.run(argv, capture_output=True, text=True)  # safe: CWE-78 argv list; callers fix argv[0]


def run_quoted(program, *args):
    return subprocess.run(program + " " + " ".join(shlex.quote(a) for a in args), shell=True, capture_output=True, text=True)  # safe: CWE-78 constant program, quoted arguments
