"""Unpacks a vendor bundle downloaded by the pipeline."""
import os
import sys
import tarfile
import zipfile

DEST = "/opt/vendor"


def unpack_tar(archive):
    with tarfile.open(archive) as tar:
        tar.extractall(DEST)  # expect: CWE-22


def unpack_tar_filtered(archive):
    with tarfile.open(archive) as tar:
        tar.extractall(DEST, filter="data")  # safe: CWE-22 data filter


def unpack_zip_by_hand(archive):
    with zipfile.ZipFile(archive) as zf:
        for name in zf.namelist():
            with open(os.path.join(DEST, name), "wb") as out:  # expect: CWE-22
                out.write(zf.read(name))


def unpack_zip_checked(archive):
    root = os.path.realpath(DEST)
    with zipfile.ZipFile(archive) as zf:
        for name in zf.namelist():
            target = os.path.realpath(os.path.join(root, name))
            if os.path.commonpath([root, target]) != root:
                raise ValueError(f"unsafe member {name}")
            with open(target, "wb") as out:  # safe: CWE-22 realpath + commonpath
                out.write(zf.read(name))


if __name__ == "__main__":
    unpack_tar(sys.argv[1])
    unpack_tar_filtered(sys.argv[1])
    unpack_zip_by_hand(sys.argv[2])
    unpack_zip_checked(sys.argv[2])
