"""Passwords in LDAP binds and constant-time comparisons."""
import hmac
import os

import ldap


def bind_service():
    c = ldap.initialize("ldaps://ldap.example.com")
    c.simple_bind_s("cn=portal,ou=services,dc=example,dc=com", "Portal#Svc2019")  # want: PP601
    return c


def bind_service_env():
    c = ldap.initialize("ldaps://ldap.example.com")
    c.simple_bind_s("cn=portal,ou=services,dc=example,dc=com", os.environ["LDAP_PASSWORD"])  # safe look-alike
    return c


def metrics_auth(name, password):
    return name == "metrics" and hmac.compare_digest(password, "metrics-pull-8842")  # want: PP601


def token_auth(token, expected):
    return hmac.compare_digest(token, expected)  # safe look-alike: nothing constant
