"""Permission checks for destructive project operations."""
from dataclasses import dataclass


class PermissionDenied(Exception):
    pass


@dataclass
class Ctx:
    user_id: int
    role: str


def delete_project(request, project):
    assert request.user.is_authenticated  # expect: CWE-617
    assert project.owner_id == request.user.id, "not your project"  # expect: CWE-617
    project.delete()


def delete_project_v2(request, project):
    if not request.user.is_authenticated or project.owner_id != request.user.id:  # safe: CWE-617 an explicit check
        raise PermissionDenied("not your project")
    project.delete()


def refund(user, order):
    assert user.has_perm("billing.refund")  # expect: CWE-617
    order.refund()


def rotate_keys(ctx: Ctx, keyring):
    assert ctx.role in {"admin", "security"}  # expect: CWE-617
    keyring.rotate()


def paginate(items, page, per_page=20):
    assert page >= 1, "pages start at 1"  # safe: CWE-617 argument sanity, not access control
    assert isinstance(items, list)  # safe: CWE-617 type sanity
    start = (page - 1) * per_page
    return items[start:start + per_page]
