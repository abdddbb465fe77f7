def test_load():
    print("debug output in a test")  # safe: tests are allowed
