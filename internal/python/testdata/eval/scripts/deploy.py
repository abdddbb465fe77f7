"""Pushes a build to the app servers over SSH."""
import os

import paramiko

HOSTS = ["app1.internal", "app2.internal"]
DEPLOY_USER = "deploy"
DEPLOY_PASSWORD = "D3ploy!Winter2024"  # expect: CWE-259


def connect(host):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # expect: CWE-295
    client.connect(host, username=DEPLOY_USER, password=DEPLOY_PASSWORD)
    return client


def connect_v2(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())  # safe: CWE-295
    client.connect(host, username=DEPLOY_USER, key_filename=os.path.expanduser("~/.ssh/deploy_ed25519"))
    return client


def connect_v3(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host, username="deploy", password=os.environ["DEPLOY_PASSWORD"])  # safe: CWE-259 from environment
    return client


def connect_legacy(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host, username="root", password="toor1234")  # expect: CWE-259
    return client
