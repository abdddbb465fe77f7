"""Licence server crypto inherited from the 2014 codebase."""
import hashlib

import rsa
from Crypto.Cipher import AES, DES3
from Crypto.Hash import MD5, SHA1, SHA256
from Crypto.PublicKey import DSA
from cryptography.hazmat.primitives.asymmetric import ec


def licence_keys():
    return rsa.newkeys(512)  # expect: CWE-326


def licence_keys_v2():
    return rsa.newkeys(2048)  # safe: CWE-326


def device_key():
    return ec.generate_private_key(ec.SECP192R1())  # expect: CWE-326


def device_key_v2():
    return ec.generate_private_key(ec.SECP384R1())  # safe: CWE-326


def signer():
    return DSA.generate(1024)  # expect: CWE-326


def password_digest(password):
    return MD5.new(password.encode()).hexdigest()  # expect: CWE-328


def licence_signature(secret, licence_id):
    return SHA1.new(secret + licence_id.encode()).hexdigest()  # expect: CWE-328


def licence_signature_v2(secret, licence_id):
    return SHA256.new(secret + licence_id.encode()).hexdigest()  # safe: CWE-328


def activation_code(user_id, secret):
    return hashlib.sha1(f"{user_id}:{secret}".encode()).hexdigest()[:12]  # expect: CWE-328


def encrypt_licence(key, blob):
    return DES3.new(key, DES3.MODE_CBC, iv=b"\x00" * 8).encrypt(blob)  # expect: CWE-327


def encrypt_licence_v2(key, blob):
    cipher = AES.new(key, AES.MODE_EAX)  # safe: CWE-327
    ct, tag = cipher.encrypt_and_digest(blob)
    return cipher.nonce + tag + ct
