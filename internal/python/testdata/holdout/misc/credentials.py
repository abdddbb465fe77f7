"""Clients for third-party services."""
import os
import smtplib

import boto3
import psycopg2
import redis
import requests
from slack_sdk import WebClient

DEFAULT_ADMIN_PASSWORD = "Adm1n!Welcome-77"  # expect: CWE-259
PASSWORD_PROMPT = "Password: "  # safe: CWE-259 a prompt
PASSWORD_FIELD = "password"  # safe: CWE-259 a form field name
STRIPE_KEY = os.environ.get("STRIPE_KEY")  # safe: CWE-798 from the environment
SERVICE_HEADERS = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTcxNzE3MTcxN30.Zk3q9Lr2VbX8mT4nPw7sYc1HdJ5uGe0AiQ6oKf2xNzE"}  # expect: CWE-798


def s3():
    return boto3.client("s3", aws_access_key_id="AKIA4N7Q2ZKRVJ3LXW5T", aws_secret_access_key="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")  # expect: CWE-798


def s3_v2():
    return boto3.client("s3")  # safe: CWE-798 credentials from the default chain


def weather(city):
    return requests.get("https://api.weather.example/v1/now", params={"q": city, "api_key": "f3a9c2e17b6d4058a1e2c3b4d5e6f708"}, timeout=5)  # expect: CWE-798


def weather_v2(city):
    return requests.get("https://api.weather.example/v1/now", params={"q": city, "api_key": os.environ["WEATHER_KEY"]}, timeout=5)  # safe: CWE-798 from the environment


def mailer():
    server = smtplib.SMTP_SSL("smtp.example.com", 465)
    server.login("alerts@example.com", "Gr33n!Apples#2024")  # expect: CWE-259
    return server


def mailer_v2():
    server = smtplib.SMTP_SSL("smtp.example.com", 465)
    server.login("alerts@example.com", os.environ["SMTP_PASSWORD"])  # safe: CWE-259 from the environment
    return server


def check_admin(candidate):
    return candidate == "letmein-Ops-77"  # expect: CWE-259


def cache():
    return redis.Redis(host="cache.internal", password=os.environ["REDIS_PASSWORD"])  # safe: CWE-259 from the environment


def reporting_db():
    return psycopg2.connect("postgresql://report:R3p0rt!ng-2024@db.internal:5432/reports")  # expect: CWE-259


def slack():
    return WebClient(token=os.environ["SLACK_BOT_TOKEN"])  # safe: CWE-798 from the environment


def form_errors():
    return {"password": "This field is required.", "password_confirm": "Passwords do not match."}  # safe: CWE-259 validation messages
