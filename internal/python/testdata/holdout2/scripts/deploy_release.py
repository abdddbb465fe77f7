#!/usr/bin/env python3
"""Push a release bundle to the legacy appliances."""
import ftplib
import logging
import os
import subprocess
import sys
import telnetlib

import paramiko

log = logging.getLogger("deploy_release")

APPLIANCES = ["10.20.0.11", "10.20.0.12"]


def upload_ftp(host, bundle):
    ftp = ftplib.FTP(host, "deploy", os.environ["APPLIANCE_FTP_PASSWORD"])  # expect: CWE-319 plain FTP sends the password in clear
    with open(bundle, "rb") as fh:
        ftp.storbinary("STOR release.tgz", fh)
    ftp.quit()


def upload_ftps(host, bundle):
    ftp = ftplib.FTP_TLS(host, "deploy", os.environ["APPLIANCE_FTP_PASSWORD"])  # safe: CWE-319 FTPS
    ftp.prot_p()
    with open(bundle, "rb") as fh:
        ftp.storbinary("STOR release.tgz", fh)
    ftp.quit()


def restart_service(host):
    tn = telnetlib.Telnet(host, 23, timeout=10)  # expect: CWE-319 telnet session
    tn.write(b"service appliance restart\n")
    tn.close()


def restart_service_ssh(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username="deploy", key_filename=os.path.expanduser("~/.ssh/deploy_ed25519"))
    client.exec_command("sudo systemctl restart appliance")
    client.close()


def build(version):
    subprocess.run(["git", "archive", "--format=tar.gz", "-o", "release.tgz", version], check=True)  # safe: CWE-78 argument vector


if __name__ == "__main__":
    version = sys.argv[1]
    build(version)
    for h in APPLIANCES:
        upload_ftps(h, "release.tgz")
        restart_service_ssh(h)
