"""Deploy key generation for the build farm."""
import os

import paramiko
from Crypto.PublicKey import DSA

KEY_DIR = os.path.expanduser("~/.deploy-keys")


def make_deploy_key(name):
    key = paramiko.RSAKey.generate(bits=1024)  # expect: CWE-326
    path = os.path.join(KEY_DIR, name)
    key.write_private_key_file(path)
    os.chmod(path, 0o600)  # safe: CWE-732
    return key.get_base64()


def make_deploy_key_v2(name):
    key = paramiko.RSAKey.generate(bits=4096)  # safe: CWE-326
    path = os.path.join(KEY_DIR, name)
    key.write_private_key_file(path)
    os.chmod(path, 0o600)  # safe: CWE-732
    return key.get_base64()


def make_signing_dsa():
    return DSA.generate(2048)  # safe: CWE-326


def show_key_info(name):
    api_token = os.environ.get("BUILDFARM_API_TOKEN", "")
    print(f"key {name} registered with token {api_token}")  # expect: CWE-532
    print(f"key {name} registered")  # safe: CWE-532
