from Crypto.Cipher import AES, DES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def legacy(key, data):
    return DES.new(key, DES.MODE_CBC).encrypt(data)  # want: PP304


def ecb(key, data):
    return AES.new(key, AES.MODE_ECB).encrypt(data)  # want: PP304


def gcm(key, data):
    return AES.new(key, AES.MODE_GCM).encrypt_and_digest(data)  # safe: GCM


def ecb_cryptography(key):
    return Cipher(algorithms.AES(key), modes.ECB())  # want: PP304


def gcm_cryptography(key, iv):
    return Cipher(algorithms.AES(key), modes.GCM(iv))  # safe
