"""Thin wrappers around subprocess shared by the CLI tools and the workers."""
import logging
import shlex
import subprocess as sp

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 120


def run_shell(command, cwd=None, timeout=DEFAULT_TIMEOUT):
    """Run a command line through /bin/sh and return its stdout."""
    log.debug("running a %d-character command", len(command))
    done = sp.run(command, shell=True, cwd=cwd, timeout=timeout, capture_output=True, text=True, check=False)  # expect: CWE-78 cli/backup_tool.py passes argparse data
    if done.returncode:
        log.warning("command exited with %d", done.returncode)
    return done.stdout


def run_argv(argv, cwd=None, timeout=DEFAULT_TIMEOUT):
    """Run a program without a shell; callers fix argv[0]."""
    done = sp.run(list(argv), cwd=cwd, timeout=timeout, capture_output=True, text=True, check=False)  # safe: CWE-78 no shell, every caller fixes the program
    return done.stdout


def quoted(*parts):
    """Join parts into one shell-safe string."""
    return " ".join(shlex.quote(str(p)) for p in parts)
