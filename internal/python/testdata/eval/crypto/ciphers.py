"""Field-level encryption for customer records."""
import os

from Crypto.Cipher import AES, ARC4, DES, Blowfish
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305


def encrypt_des(key, data):
    return DES.new(key, DES.MODE_CBC, iv=os.urandom(8)).encrypt(data)  # expect: CWE-327


def encrypt_rc4(key, data):
    return ARC4.new(key).encrypt(data)  # expect: CWE-327


def encrypt_blowfish(key, data):
    return Blowfish.new(key, Blowfish.MODE_CBC, iv=os.urandom(8)).encrypt(data)  # expect: CWE-327


def encrypt_aes_ecb(key, data):
    return AES.new(key, AES.MODE_ECB).encrypt(data)  # expect: CWE-327


def encrypt_aes_gcm(key, data):
    cipher = AES.new(key, AES.MODE_GCM)  # safe: CWE-327
    ct, tag = cipher.encrypt_and_digest(data)
    return cipher.nonce + tag + ct


def encrypt_hazmat_ecb(key, data):
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # expect: CWE-327
    return enc.update(data) + enc.finalize()


def encrypt_3des(key, data):
    enc = Cipher(algorithms.TripleDES(key), modes.CBC(os.urandom(8))).encryptor()  # expect: CWE-327
    return enc.update(data) + enc.finalize()


def encrypt_hazmat_gcm(key, data):
    iv = os.urandom(12)
    enc = Cipher(algorithms.AES(key), modes.GCM(iv)).encryptor()  # safe: CWE-327
    ct = enc.update(data) + enc.finalize()
    return iv + enc.tag + ct


def encrypt_aead(key, data):
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, data, None)  # safe: CWE-327


def encrypt_chacha(key, data):
    nonce = os.urandom(12)
    return nonce + ChaCha20Poly1305(key).encrypt(nonce, data, None)  # safe: CWE-327


def encrypt_fernet(key, data):
    return Fernet(key).encrypt(data)  # safe: CWE-327
