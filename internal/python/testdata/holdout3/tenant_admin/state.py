"""Process-wide tenant selection (one request at a time per worker)."""
_current_schema = "public"


def set_schema(name):
    global _current_schema
    _current_schema = name


def current_schema():
    return _current_schema
