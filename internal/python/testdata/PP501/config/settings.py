DEBUG = False  # safe look-alike
