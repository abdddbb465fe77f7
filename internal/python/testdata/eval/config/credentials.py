"""Cloud clients used by the reporting jobs."""
import os

import boto3
import psycopg2
import redis
import stripe

STRIPE_API_KEY = "sk_live_51Hx8i01NjStaCMY9I56MuQkFRidA"  # expect: CWE-798
stripe.api_key = os.environ.get("STRIPE_API_KEY", "")  # safe: CWE-798

PASSWORD_MIN_LENGTH = 12  # safe: CWE-259 a policy number
PASSWORD_FIELD = "password"  # safe: CWE-259 a form field name
VAULT_SECRET_NAME = "reporting/db-password"  # safe: CWE-259 the name of a secret, not its value
TOKEN_URL = "https://auth.example.com/oauth/token"  # safe: CWE-798 a URL


def s3_client():
    return boto3.client("s3", aws_access_key_id="AKIAZ7QK3M5T2XW4P6RB", aws_secret_access_key="b9Xq2Lm7Rt4Vw8Yz1Ac5De3Fg6Hj0Kn2Pr9Su7Wx")  # expect: CWE-798


def s3_client_v2():
    return boto3.client("s3")  # safe: CWE-798 default credential chain


def warehouse():
    return psycopg2.connect(host="warehouse.internal", user="reporting", password="R3porting#2022")  # expect: CWE-259


def warehouse_v2():
    return psycopg2.connect(host="warehouse.internal", user="reporting", password=os.environ["WAREHOUSE_PASSWORD"])  # safe: CWE-259


def cache():
    return redis.Redis(host="cache.internal", password="")  # safe: CWE-259 empty password means none configured


def login(username, password="admin123"):  # expect: CWE-259
    return username, password


def is_break_glass(password):
    return password == "Emergency-Access-77"  # expect: CWE-259


def is_blank(password):
    return password == ""  # safe: CWE-259 empty check
