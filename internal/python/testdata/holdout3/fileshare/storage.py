"""Per-user file areas."""
import os
import shutil
from pathlib import Path

STORE = Path("/srv/fileshare")


class UserSpace:
    def __init__(self, user):
        self.root = STORE / user
        self._opened = False

    def __enter__(self):
        self.root.mkdir(parents=True, exist_ok=True)  # safe: CWE-22 user name validated by a strict fullmatch in api._user
        self._opened = True
        return self

    def __exit__(self, *exc):
        self._opened = False
        return False

    def read(self, rel):
        return (self.root / rel).read_bytes()  # expect: CWE-22 relative path from the request

    def read_checked(self, rel):
        p = (self.root / rel).resolve()
        if self.root.resolve() not in p.parents:
            raise PermissionError(rel)
        return p.read_bytes()  # safe: CWE-22 resolved path must stay under the root

    def rename(self, src, dst):
        shutil.move(str(self.root / src), str(self.root / os.path.basename(dst)))  # expect: CWE-22 source not sanitised

    def delete(self, rel):
        (self.root / rel).unlink()  # expect: CWE-22

    def delete_checked(self, rel):
        (self.root / os.path.basename(rel)).unlink()  # safe: CWE-22 basename
