import random


def test_random_names_are_fine():
    name = "user%d" % random.randint(1, 10000)  # safe: a name in a test
    assert name.startswith("user")
