import os

import psycopg2
import pymysql
from sqlalchemy import create_engine

DB_PASSWORD = "Tr0ub4dor&3"  # want: PP601
DB_PASSWORD_ENV = os.environ["DB_PASSWORD"]  # safe look-alike: from the environment
ADMIN_PASSWORD = os.getenv("ADMIN_PASSWORD", "")  # safe: empty default
PASSWORD_FIELD = "password"  # safe: a field name
PASSWORD_MIN_LENGTH = 12  # safe: not a string
password_prompt = "Enter your password: "  # safe: a prompt
SMTP_PASS = "changeme"  # safe: placeholder


def connect():
    return psycopg2.connect(host="db", user="app", password="s3cr3t-Pa55")  # want: PP601


def connect_env():
    return psycopg2.connect(host="db", user="app", password=os.environ["PGPASSWORD"])  # safe look-alike


def connect_mysql():
    return pymysql.connect(host="db", user="root", passwd="hunter2hunter2")  # want: PP601


def connect_url():
    return create_engine("postgresql://app@db/app", connect_args={"password": "xK9#mPq2"})  # want: PP601


class Settings:
    smtp_password = "Summer2024!"  # want: PP601
    smtp_password_file = "/run/secrets/smtp"  # safe: a path


def login(user, password="letmein123"):  # want: PP601
    return user, password


def login_default_none(user, password=None):  # safe look-alike
    return user, password


def check(user_password):
    if user_password == "0p3n-s3same":  # want: PP601
        return True
    return user_password == ""  # safe: empty string


def config():
    creds = {
        "username": "svc",
        "password": "P@ssw0rd-svc-01",  # want: PP601
    }
    return creds


def config_template():
    creds = {"username": "svc", "password": "${SVC_PASSWORD}"}  # safe: placeholder
    return creds


def errors():
    msg = {"password": "Password is required"}  # safe: a message, not a password
    return msg


PASSWORD_CHARS = "abcdefghijkmnpqrstuvwxyz23456789"  # safe: an alphabet, not a password
password_reset_link = "https://example.com/reset"  # safe: a link
NOPASSWORD = "no-password-required"  # safe: describes a setting
password_enabled = "false"  # safe: a flag


def reset_admin(user):
    user.set_password("Adm1n-reset-2024")  # known-miss: PP601 positional arguments of set_password() are not checked
