from app import login


def test_login():
    password = "test-pass-123"  # want: PP601
    assert login("alice", password)
