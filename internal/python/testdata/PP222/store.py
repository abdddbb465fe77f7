from flask import make_response


def remember(user, password):
    resp = make_response("ok")
    resp.set_cookie("password", password, secure=True, httponly=True)  # want: PP222
    resp.set_cookie("session", user.session_token, secure=True, httponly=True)  # safe: a session token belongs in a cookie
    return resp


def dump(path, password):
    with open(path, "w") as fh:
        fh.write(password)  # want: PP222
        fh.write("configured\n")  # safe
