"""Field-level encryption for stored PII and shims for old partner formats."""
import os

from Crypto.Cipher import AES, ARC4, DES3, Blowfish
from Crypto.Util.Padding import pad, unpad
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

NONCE_BYTES = 12
SUPPORTED_MODES = ("GCM", "CBC")


class FieldCipher:
    """AES-GCM with a random nonce per value."""

    def __init__(self, key: bytes):
        if len(key) not in (16, 24, 32):
            raise ValueError("FieldCipher needs a 128, 192 or 256-bit key")
        self._aead = AESGCM(key)  # safe: CWE-327 authenticated AES

    def seal(self, plaintext: bytes, aad: bytes = b"") -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plaintext, aad)

    def open(self, blob: bytes, aad: bytes = b"") -> bytes:
        return self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)


def legacy_export_cipher(key):
    # The billing partner still decrypts 3DES-CBC; tracked in FIN-2231.
    iv = os.urandom(8)
    return iv, DES3.new(key, DES3.MODE_CBC, iv)  # expect: CWE-327


def encrypt_card_token(key, token: bytes):
    cipher = AES.new(key, AES.MODE_ECB)  # expect: CWE-327
    return cipher.encrypt(pad(token, AES.block_size))


def decrypt_card_token(key, blob: bytes):
    mode = AES.MODE_ECB
    return unpad(AES.new(key, mode).decrypt(blob), AES.block_size)  # expect: CWE-327 ECB through a local


def stream_obfuscate(key, data):
    return ARC4.new(key).encrypt(data)  # expect: CWE-327


def blowfish_box(key, iv):
    return Blowfish.new(key, Blowfish.MODE_CBC, iv)  # expect: CWE-327


def hazmat_ecb(key):
    return Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # expect: CWE-327


def disk_cipher(key, iv):
    return Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()  # safe: CWE-327 AES-CBC, not ECB


def stream_cipher(key):
    return ChaCha20Poly1305(key)  # safe: CWE-327 modern AEAD


def gcm_cipher(key, nonce):
    return AES.new(key, AES.MODE_GCM, nonce=nonce)  # safe: CWE-327 GCM


def check_mode(name):
    if name == "ECB":  # safe: CWE-327 the name is rejected
        raise ValueError("ECB is not supported: use GCM")
    if name not in SUPPORTED_MODES:
        raise ValueError(f"unknown mode {name}")
    return name
