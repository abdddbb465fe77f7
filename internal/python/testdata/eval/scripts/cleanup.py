"""Collects stale uploads into an archive before deleting them."""
import os
import tempfile


def stage_list(paths):
    name = tempfile.mktemp(suffix=".txt")  # expect: CWE-377
    with open(name, "w") as fh:
        fh.write("\n".join(paths))
    return name


def stage_list_v2(paths):
    fd, name = tempfile.mkstemp(suffix=".txt")  # safe: CWE-377
    with os.fdopen(fd, "w") as fh:
        fh.write("\n".join(paths))
    return name


def lock():
    with open("/tmp/cleanup.lock", "w") as fh:  # expect: CWE-377
        fh.write(str(os.getpid()))


def scratch():
    with tempfile.TemporaryDirectory() as d:  # safe: CWE-377
        with open(os.path.join(d, "list.txt"), "w") as fh:
            fh.write("scratch")


def describe():
    return "files are staged under /tmp before upload"  # safe: CWE-377 just text


if __name__ == "__main__":
    print(stage_list(["a"]), stage_list_v2(["b"]))
    lock()
    scratch()
