def test_staff(client):
    assert client.user.is_staff  # safe: a test
