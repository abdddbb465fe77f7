"""Role checks used by the internal tools."""


def can_export(role):
    # Roles come from the identity provider.
    return role in {"admin", "analyst"}


def is_admin(access_level):
    return access_level == "admin‮ ⁦# analysts too⁩ ⁦"  # expect: CWE-838


def greeting(locale):
    # Localised strings: ordinary non-ASCII text, no bidirectional controls.
    return {"fr": "Bienvenue, équipe", "de": "Willkommen, Team", "ar": "مرحبا"}.get(locale, "Welcome")  # safe: CWE-838 plain Unicode


def arrow():
    return "→"  # safe: CWE-838 plain Unicode
