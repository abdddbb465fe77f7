import os

import requests

# A token copied from the browser while debugging the staging API.
STAGING_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXRjaHBhdHJvbC1maXh0dXJlcyIsInN1YiI6InN2Yy1rMWxpa2MiLCJpYXQiOjE3MTc3NTAwMDAsImV4cCI6MTg5MzQ1NjAwMH0.PPatrolGqRJeCE4kBIBkxCJpFHSAV6bBUr8pGT0ohm3"  # want: PP109

# Safe look-alikes.
# The jwt.io documentation example (subject 1234567890):
DOC_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.PPatrolGqRJeCE4kBIBkxCJpFHSAV6bBUr8pGT0ohm3"
# Unsigned, and a header without "alg":
UNSIGNED = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXRjaHBhdHJvbC1maXh0dXJlcyIsInN1YiI6InN2Yy1rMWxpa2MiLCJpYXQiOjE3MTc3NTAwMDAsImV4cCI6MTg5MzQ1NjAwMH0."
NO_ALG = "eyJ0eXAiOiJKV1QifQ.eyJpc3MiOiJwYXRjaHBhdHJvbC1maXh0dXJlcyIsInN1YiI6InN2Yy1rMWxpa2MiLCJpYXQiOjE3MTc3NTAwMDAsImV4cCI6MTg5MzQ1NjAwMH0.PPatrolGqRJeCE4kBIBkxCJpFHSAV6bBUr8pGT0ohm3"
CURSOR = "eyJmb28iOiJiYXIifQ"  # base64 JSON page cursor, not a token


def test_me():
    headers = {"Authorization": "Bearer " + os.environ["STAGING_TOKEN"]}
    assert requests.get("https://staging.internal/api/me", headers=headers).ok


def test_service():
    headers = {"Authorization": "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXRjaHBhdHJvbC1maXh0dXJlcyIsInN1YiI6InN2Yy14MHp2NGIiLCJpYXQiOjE3MTc3NTAwMDAsImV4cCI6MTg5MzQ1NjAwMH0.PPatrolh6L_9npcVY1Edik6zrVrtbgbr0iQvT3586TEH9A8sZRibIETcTFrO3xs_GHgt_O_X9nb4fBb4qEDoHn"}  # want: PP109
    assert headers
