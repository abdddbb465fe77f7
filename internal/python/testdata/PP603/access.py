def delete_all(request):
    assert request.user.is_staff  # want: PP603
    return purge()


def compute(values):
    assert len(values) > 0  # safe: not an access check
    return sum(values)


def purge():
    return None
