"""Permission helpers for the staff console."""
from django.core.exceptions import PermissionDenied


def delete_tenant(user, tenant):
    assert user.is_superuser, "only superusers may delete tenants"  # expect: CWE-617 stripped under -O
    tenant.delete()


def edit_document(user, doc, changes):
    assert doc.owner_id == user.id  # expect: CWE-617 ownership check as an assert
    for key, value in changes.items():
        setattr(doc, key, value)
    doc.save()


def approve_refund(user, refund):
    if not user.has_perm("billing.approve_refund"):
        raise PermissionDenied("missing billing.approve_refund")
    assert refund.amount_cents > 0, "refund must be positive"  # safe: CWE-617 data invariant, not access control
    refund.approve(by=user)
