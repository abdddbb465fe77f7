"""Outbound clients for the ops tooling, configured the safe way."""
import ftplib
import logging
import os
import socket
import ssl

import httpx
import paramiko
import requests
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from Crypto.Cipher import AES

log = logging.getLogger(__name__)
CA_BUNDLE = os.environ.get("OPS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
STATUS_URL = "https://status.internal.example/api/summary"


def status_summary():
    return requests.get(STATUS_URL, verify=True, timeout=5).json()  # safe: CWE-295, CWE-400


def status_summary_ca():
    return requests.get(STATUS_URL, verify=CA_BUNDLE, timeout=5).json()  # safe: CWE-295 CA bundle


def status_summary_httpx():
    with httpx.Client(verify=CA_BUNDLE, timeout=5) as client:  # safe: CWE-295
        return client.get(STATUS_URL).json()


def strict_context():
    ctx = ssl.create_default_context()
    ctx.check_hostname = True  # safe: CWE-295
    ctx.verify_mode = ssl.CERT_REQUIRED  # safe: CWE-295
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3  # safe: CWE-295
    return ctx


def post_event(payload):
    with requests.Session() as s:
        return s.post(STATUS_URL, json=payload, timeout=(3, 10)).status_code  # safe: CWE-400 session with timeout


def head_status():
    return requests.head(STATUS_URL, timeout=2).status_code  # safe: CWE-400


def upload_backup(path):
    with ftplib.FTP_TLS("backup.internal.example") as ftps:  # safe: CWE-319 FTPS
        ftps.login("backup", os.environ["BACKUP_FTP_PASSWORD"])
        ftps.prot_p()
        with open(path, "rb") as fh:
            ftps.storbinary(f"STOR {os.path.basename(path)}", fh)


def run_remote(host, command_args):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username="ops", key_filename=os.path.expanduser("~/.ssh/ops_ed25519"), timeout=10)  # safe: CWE-319 SSH
    _, out, _ = client.exec_command(" ".join(command_args))
    return out.read()


def sftp_get(host, remote, local):
    transport = paramiko.Transport((host, 22))  # safe: CWE-319 SFTP
    transport.connect(username="ops", pkey=paramiko.Ed25519Key.from_private_key_file(os.path.expanduser("~/.ssh/ops_ed25519")))
    with paramiko.SFTPClient.from_transport(transport) as sftp:
        sftp.get(remote, os.path.join("/srv/ops/incoming", os.path.basename(remote)))
    transport.close()


def ops_keys():
    signing = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # safe: CWE-326
    agreement = ec.generate_private_key(ec.SECP384R1())  # safe: CWE-326
    return signing, agreement


def seal(key, nonce, data):
    return ChaCha20Poly1305(key).encrypt(nonce, data, None)  # safe: CWE-327


def seal_gcm(key, data):
    cipher = AES.new(key, AES.MODE_GCM)  # safe: CWE-327
    ct, tag = cipher.encrypt_and_digest(data)
    return cipher.nonce + tag + ct


def local_listener(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", port))  # safe: CWE-605 loopback
    sock.listen()
    return sock


def configured_listener(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((os.environ.get("OPS_LISTEN_ADDR", "127.0.0.1"), port))  # safe: CWE-605 configured
    sock.listen()
    return sock


def report_login(user, password):
    log.info("ops login for %s", user)  # safe: CWE-532 password not logged
    log.debug("ops login password length %d", len(password))  # safe: CWE-532 length only


def save_user_record(path, user, password_hash):
    with open(path, "a") as fh:
        fh.write(f"{user}:{password_hash}\n")  # safe: CWE-312 hash, not the password


def save_username(path, user):
    with open(path, "w") as fh:
        fh.write(user)  # safe: CWE-312 not a secret
