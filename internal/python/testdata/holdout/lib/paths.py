"""Path helpers that keep user-supplied names inside a base directory."""
import os
from pathlib import Path


class UnsafePath(ValueError):
    """Raised when a name would leave its base directory."""


def resolve_under(base, *parts):
    """Join parts under base and refuse anything that escapes it."""
    root = os.path.realpath(base)
    candidate = os.path.realpath(os.path.join(root, *parts))
    if not candidate.startswith(root + os.sep):
        raise UnsafePath(f"{candidate} is outside {root}")
    return candidate


def within(base: Path, name: str) -> Path:
    """Like resolve_under, for pathlib callers."""
    root = base.resolve()
    target = (root / name).resolve()
    if not target.is_relative_to(root):
        raise UnsafePath(name)
    return target


def strip_dots(name):
    """Remove parent references. Not enough on its own: "....//" survives."""
    return name.replace("../", "").replace("..\\", "")
