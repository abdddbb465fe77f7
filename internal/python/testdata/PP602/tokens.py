import jwt

KEY = "loaded-elsewhere"


def claims(token):
    return jwt.decode(token, options={"verify_signature": False})  # want: PP602


def claims_safe(token, key):
    return jwt.decode(token, key, algorithms=["HS256"])  # safe


def claims_none(token, key):
    return jwt.decode(token, key, algorithms=["none", "HS256"])  # want: PP602
