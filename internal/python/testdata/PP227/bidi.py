ACCESS = "user"


def check(access_level):
    if access_level != "user‮ ⁦# Check if admin⁩ ⁦":  # want: PP227
        return True
    return False


def plain(level):
    return level != "user"  # safe: no control characters
