"""Output files and zip handling."""
import csv
import os
import zipfile

OUT_DIR = "/srv/pipeline/out"


def write_output(name, rows):
    path = os.path.join(OUT_DIR, name)
    with open(path, "w", newline="") as fh:  # expect: CWE-22 output name from the job spec
        csv.writer(fh).writerows(rows)


def unpack_zip(upload_path, dest):
    with zipfile.ZipFile(upload_path) as zf:
        for info in zf.infolist():
            with zf.open(info) as src, open(os.path.join(dest, info.filename), "wb") as dst:  # expect: CWE-22 zip slip by hand
                dst.write(src.read())


def unpack_zip_v2(upload_path, dest):
    with zipfile.ZipFile(upload_path) as zf:
        zf.extractall(dest)  # safe: CWE-22 zipfile strips .. and absolute names


def unpack_zip_v3(upload_path, dest):
    root = os.path.realpath(dest)
    with zipfile.ZipFile(upload_path) as zf:
        for info in zf.infolist():
            target = os.path.realpath(os.path.join(root, info.filename))
            if not target.startswith(root + os.sep):
                continue
            with zf.open(info) as src, open(target, "wb") as dst:  # safe: CWE-22 realpath prefix check with separator
                dst.write(src.read())
