import logging
import sys

log = logging.getLogger(__name__)


def load(path):
    print("loading", path)  # want: PP802
    with open(path) as fh:
        return fh.read()


def load_logged(path):
    log.debug("loading %s", path)  # safe look-alike: logging
    with open(path) as fh:
        return fh.read()


def report(rows, out=sys.stdout):
    out.write("%d rows\n" % len(rows))  # safe: explicit stream
    print(f"{len(rows)} rows", file=sys.stderr)  # want: PP802


def main():
    print("usage: loader PATH")  # safe: a command-line entry point


if __name__ == "__main__":
    print(load(sys.argv[1]))  # safe: __main__ block
