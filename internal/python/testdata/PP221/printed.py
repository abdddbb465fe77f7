"""Secrets written with print() end up in the service's logs."""


def signup(email, password):
    print(f"signup {email} password={password}")  # want: PP221
    print(f"signup {email}")  # safe look-alike
