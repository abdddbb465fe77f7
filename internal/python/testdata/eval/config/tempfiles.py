"""Export helpers that stage files before upload."""
import os
import tempfile


def write_export(rows):
    with open("/tmp/export.csv", "w") as fh:  # expect: CWE-377
        fh.writelines(rows)


def write_export_v2(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:  # safe: CWE-377
        fh.writelines(rows)
        return fh.name


def spool_path(job_id):
    return tempfile.mktemp(prefix=f"job-{job_id}-")  # expect: CWE-377


def spool_dir():
    return tempfile.mkdtemp(prefix="spool-")  # safe: CWE-377


def debug_dump(data):
    with open(os.path.join("/tmp", "debug-dump.json"), "w") as fh:  # expect: CWE-377
        fh.write(data)
