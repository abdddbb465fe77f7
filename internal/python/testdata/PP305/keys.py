from cryptography.hazmat.primitives.asymmetric import ec, rsa


def weak():
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)  # want: PP305


def strong():
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)  # safe


def small_curve():
    return ec.generate_private_key(ec.SECP192R1())  # want: PP305


def good_curve():
    return ec.generate_private_key(ec.SECP256R1())  # safe


def signing_key_default(size=1024):
    return rsa.generate_private_key(public_exponent=65537, key_size=size)  # want: PP305


def signing_key_strong(size=3072):
    return rsa.generate_private_key(public_exponent=65537, key_size=size)  # safe: 3072-bit default
