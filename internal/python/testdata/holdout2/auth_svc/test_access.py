import pytest

from auth_svc.access import approve_refund, delete_tenant


class FakeUser:
    def __init__(self, superuser=False, perms=()):
        self.is_superuser = superuser
        self.id = 7
        self._perms = set(perms)

    def has_perm(self, perm):
        return perm in self._perms


def test_superuser_can_delete(tenant_factory):
    tenant = tenant_factory()
    user = FakeUser(superuser=True)
    delete_tenant(user, tenant)
    assert user.is_superuser  # safe: CWE-617 assertion in a test
    assert tenant.deleted


def test_refund_needs_permission(refund_factory):
    with pytest.raises(Exception):
        approve_refund(FakeUser(), refund_factory(amount_cents=100))
