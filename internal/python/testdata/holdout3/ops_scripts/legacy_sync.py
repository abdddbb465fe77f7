#!/usr/bin/env python3
"""Pushes nightly exports to a partner that still runs plain FTP."""
import os
import sys
import telnetlib
from ftplib import FTP, FTP_TLS

FTP_HOST = "ftp.legacy-partner.example"
FTP_USER = "exports"
FTP_PASSWORD = "partnerftp2018"  # expect: CWE-259


def push(path):
    ftp = FTP(FTP_HOST, FTP_USER, FTP_PASSWORD)  # expect: CWE-319 plain FTP
    with open(path, "rb") as fh:
        ftp.storbinary("STOR " + os.path.basename(path), fh)
    ftp.quit()


def push_v2(path):
    ftp = FTP_TLS(FTP_HOST, FTP_USER, os.environ["PARTNER_FTP_PASSWORD"])  # safe: CWE-319, CWE-259 FTPS, password from the environment
    ftp.prot_p()
    with open(path, "rb") as fh:
        ftp.storbinary("STOR " + os.path.basename(path), fh)
    ftp.quit()


def bounce_switch_port(port):
    tn = telnetlib.Telnet("10.20.0.5", 23, timeout=10)  # expect: CWE-319 telnet
    tn.read_until(b"login: ")
    tn.write(b"netops\n")
    tn.read_until(b"Password: ")
    tn.write(os.environ["SWITCH_PASSWORD"].encode() + b"\n")
    tn.write(f"interface {int(port)}\nshutdown\nno shutdown\n".encode())
    tn.close()


if __name__ == "__main__":
    push_v2(sys.argv[1])
