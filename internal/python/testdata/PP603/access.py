def delete_all(request):
    assert request.user.is_staff  # want: PP603
    return purge()


def compute(values):
    assert len(values) > 0  # safe: not an access check
    return sum(values)


def purge():
    return None


def purge(request, user_id, owner_id):
    assert request.user.is_superuser  # want: PP603
    assert user_id > 0  # safe: a data invariant against a number
    assert owner_id >= -1  # safe: a data invariant against a number
    assert owner_id == request.user.id  # want: PP603
    return user_id


def admin_only(current_user):
    assert current_user.has_role("admin")  # want: PP603
    return True
