"""Release bot settings."""
import os

GITHUB_TOKEN = "ghp_R8k2Vd7Qm1Xz4Lp9Tn6Ws3Hj0Yc5Bf2Ga8Ue"  # expect: CWE-798
GITLAB_TOKEN = os.getenv("GITLAB_TOKEN", "")  # safe: CWE-798
SLACK_WEBHOOK = os.environ["SLACK_WEBHOOK"]  # safe: CWE-798
TOKEN_HEADER = "Authorization"  # safe: CWE-798 a header name
TOKEN_TTL_SECONDS = 3600  # safe: CWE-798
REGISTRY_PASSWORD = "Regi$try-Push-2024"  # expect: CWE-259
PASSWORD_PROMPT = "Password: "  # safe: CWE-259 a prompt


def auth_header():
    return {TOKEN_HEADER: "token " + (GITLAB_TOKEN or GITHUB_TOKEN)}
