from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from Crypto.PublicKey import RSA as PyCryptoRSA

DEFAULT_RSA_BITS = 3072


def new_signing_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=DEFAULT_RSA_BITS)  # safe: CWE-326 3072 bits


def new_device_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)  # expect: CWE-326 1024-bit RSA


def new_legacy_dsa():
    return dsa.generate_private_key(key_size=1024)  # expect: CWE-326 1024-bit DSA


def new_ecdh_key():
    return ec.generate_private_key(ec.SECP256R1())  # safe: CWE-326 P-256


def new_tiny_ec():
    return ec.generate_private_key(ec.SECP192R1())  # expect: CWE-326 192-bit curve


def pycrypto_key():
    return PyCryptoRSA.generate(2048)  # safe: CWE-326 2048 bits


def export(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
