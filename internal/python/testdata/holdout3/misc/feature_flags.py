"""Feature flag checks for the admin console."""


def can_view_billing(user):
    access_level = user.get("access_level", "user")
    if access_level != "user‮ ⁦# Check if admin⁩ ⁦":  # expect: CWE-838 bidirectional control characters
        return True
    return False


def can_edit_billing(user):
    access_level = user.get("access_level", "user")
    if access_level == "admin":  # safe: CWE-838 plain text
        return True
    return False
