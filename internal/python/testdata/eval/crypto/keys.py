"""Key generation for service identities."""
from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa


def service_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)  # expect: CWE-326


def service_key_v2():
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)  # safe: CWE-326


def signing_key():
    return dsa.generate_private_key(key_size=1024)  # expect: CWE-326


def signing_key_v2():
    return dsa.generate_private_key(key_size=2048)  # safe: CWE-326


def legacy_key():
    return RSA.generate(1024)  # expect: CWE-326


def legacy_key_v2():
    return RSA.generate(bits=4096)  # safe: CWE-326


def device_key():
    return ec.generate_private_key(ec.SECP256R1())  # safe: CWE-326
