"""Key material and field encryption."""
import hashlib
import hmac
import os

from Crypto.Cipher import AES, DES3
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def new_signing_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)  # safe: CWE-326


def legacy_device_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)  # expect: CWE-326


def sensor_key():
    return ec.generate_private_key(ec.SECP192R1())  # expect: CWE-326


def api_key_pair():
    return ec.generate_private_key(ec.SECP256R1())  # safe: CWE-326


def encrypt_field(key, plaintext):
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, None)  # safe: CWE-327 AES-GCM


def encrypt_block_legacy(key, block):
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # expect: CWE-327
    return enc.update(block) + enc.finalize()


def decrypt_partner_file(key, data):
    cipher = DES3.new(key, DES3.MODE_CBC, iv=data[:8])  # expect: CWE-327
    return cipher.decrypt(data[8:])


def encrypt_stream(key, data):
    cipher = AES.new(key, AES.MODE_CTR, nonce=os.urandom(8))  # safe: CWE-327 AES-CTR
    return cipher.nonce + cipher.encrypt(data)


def hash_password(password, salt):
    return hashlib.scrypt(password.encode(), salt=salt, n=2 ** 14, r=8, p=1)  # safe: CWE-328 scrypt


def legacy_password_matches(password, stored_hex):
    return hmac.compare_digest(hashlib.sha1(password.encode()).hexdigest(), stored_hex)  # expect: CWE-328


def file_checksum(path):
    h = hashlib.md5(usedforsecurity=False)  # safe: CWE-328 usedforsecurity=False
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()
