"""Passwords passed positionally to login()."""
import ftplib
import os
import smtplib


def mailer():
    server = smtplib.SMTP_SSL("smtp.example.com", 465)
    server.login("alerts@example.com", "Gr33n!Apples#2024")  # want: PP601
    return server


def mailer_env():
    server = smtplib.SMTP_SSL("smtp.example.com", 465)
    server.login("alerts@example.com", os.environ["SMTP_PASSWORD"])  # safe look-alike: from the environment
    return server


def ftp():
    conn = ftplib.FTP("ftp.example.com")
    conn.login("anonymous", "")  # safe look-alike: anonymous login, empty password
    return conn
