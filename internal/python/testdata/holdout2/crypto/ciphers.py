import os

from Crypto.Cipher import AES, DES3, ARC4
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)  # safe: CWE-327 AES-GCM


def seal_card_number(key: bytes, pan: str) -> bytes:
    cipher = AES.new(key, AES.MODE_ECB)  # expect: CWE-327 ECB leaks equal blocks
    data = pan.encode().ljust(16, b"\0")
    return cipher.encrypt(data)


def seal_card_number_v2(key: bytes, pan: str) -> bytes:
    cipher = AES.new(key, AES.MODE_GCM)  # safe: CWE-327 GCM
    ct, tag = cipher.encrypt_and_digest(pan.encode())
    return cipher.nonce + tag + ct


def legacy_bank_file(key: bytes, iv: bytes, data: bytes) -> bytes:
    return DES3.new(key, DES3.MODE_CBC, iv).encrypt(data)  # expect: CWE-327 Triple DES


def legacy_stream(key: bytes, data: bytes) -> bytes:
    return ARC4.new(key).encrypt(data)  # expect: CWE-327 RC4


def block_cipher(key: bytes):
    return Cipher(algorithms.AES(key), modes.ECB())  # expect: CWE-327 ECB mode


def block_cipher_ctr(key: bytes, nonce: bytes):
    return Cipher(algorithms.AES(key), modes.CTR(nonce))  # safe: CWE-327 AES-CTR


def token_box(key: bytes) -> Fernet:
    return Fernet(key)  # safe: CWE-327 Fernet (AES-CBC + HMAC)
