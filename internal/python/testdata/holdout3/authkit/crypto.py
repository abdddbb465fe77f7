"""Encryption helpers for exported files and legacy interop."""
import os

from Crypto.Cipher import AES, DES
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

def encrypt_export(key, data):
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, data, None)  # safe: CWE-327 AES-GCM


def encrypt_legacy(key, block_aligned):
    cipher = AES.new(key, AES.MODE_ECB)  # expect: CWE-327 ECB
    return cipher.encrypt(block_aligned)


def encrypt_mainframe(key8, data):
    return DES.new(key8, DES.MODE_CBC, iv=b"\0" * 8).encrypt(data)  # expect: CWE-327 DES


def encrypt_partner(key, iv, data):
    enc = Cipher(algorithms.TripleDES(key), modes.CBC(iv)).encryptor()  # expect: CWE-327 Triple DES
    return enc.update(data) + enc.finalize()


def encrypt_stream(key, nonce, data):
    enc = Cipher(algorithms.AES(key), modes.CTR(nonce)).encryptor()  # safe: CWE-327 AES-CTR
    return enc.update(data) + enc.finalize()


def signing_key(size=1024):
    return rsa.generate_private_key(public_exponent=65537, key_size=size)  # expect: CWE-326 1024-bit default


def bootstrap_signing_key():
    return signing_key()


def signing_key_v2():
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)  # safe: CWE-326 3072 bits


def device_key():
    return ec.generate_private_key(ec.SECP192R1())  # expect: CWE-326 192-bit curve


def device_key_v2():
    return ec.generate_private_key(ec.SECP256R1())  # safe: CWE-326 P-256


def dsa_key():
    return dsa.generate_private_key(key_size=1024)  # expect: CWE-326
