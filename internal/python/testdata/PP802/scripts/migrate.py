print("migrating")  # safe: scripts/ is allowed
