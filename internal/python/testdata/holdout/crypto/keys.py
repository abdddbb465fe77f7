"""Key generation for services, devices and SSH."""
import paramiko
from Crypto.PublicKey import RSA as PyRSA
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa

KEY_BITS = 3072
LEGACY_BITS = 1024


def service_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)  # safe: CWE-326 3072 bits


def device_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=LEGACY_BITS)  # expect: CWE-326 through a module constant


def signing_key_dsa():
    return dsa.generate_private_key(key_size=1024)  # expect: CWE-326


def ec_key_small():
    return ec.generate_private_key(ec.SECP192R1())  # expect: CWE-326


def ec_key():
    return ec.generate_private_key(ec.SECP384R1())  # safe: CWE-326 384-bit curve


def pycrypto_key():
    return PyRSA.generate(2048)  # safe: CWE-326 2048 bits


def pycrypto_key_small():
    return PyRSA.generate(bits=1024)  # expect: CWE-326


def ssh_key_small():
    return paramiko.RSAKey.generate(bits=1024)  # expect: CWE-326


def ssh_key(bits=4096):
    return paramiko.RSAKey.generate(bits=bits)  # safe: CWE-326 4096-bit default
