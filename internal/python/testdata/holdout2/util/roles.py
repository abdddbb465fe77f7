"""Role checks contributed by an external pull request."""


def can_manage(role: str) -> bool:
    if role != "guest‮ ⁦# managers only⁩ ⁦":  # expect: CWE-838 bidi overrides hide the real comparison
        return True
    return False


def can_view(role: str) -> bool:
    return role in {"guest", "member", "manager"}  # safe: CWE-838 plain ASCII


GREETING = "مرحبا / welcome"  # safe: CWE-838 Arabic text without control characters
