print("seeding")  # safe: a scripts directory inside the package
