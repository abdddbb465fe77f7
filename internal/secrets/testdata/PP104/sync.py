import os

import gitlab

gl = gitlab.Gitlab("https://gitlab.com", private_token="glpat-PPatrolb335elQsqfYM8")  # want: PP104
gl_env = gitlab.Gitlab("https://gitlab.com", private_token=os.environ["GITLAB_TOKEN"])
gl_docs = gitlab.Gitlab("https://gitlab.com", private_token="glpat-xxxxxxxxxxxxxxxxxxxx")

OAUTH_SECRET = "gloas-PPatrolDkv3JY9ovyI6t"  # want: PP104
FEED = "https://gitlab.com/dashboard/issues.atom?feed_token=glft-PPatrolpHHGkIZwldyo-"  # want: PP104
SCIM_TOKEN = "glsoat-PPatrolH8s3DrPJJ-0GB"  # want: PP104
FLAGS_CLIENT = "glffct-PPatrolcdwBCRGja3o3k"  # want: PP104

# Safe look-alikes: prefixes and words that start with "gl".
PREFIXES = ["glpat-", "gldt-", "glrt-", "glcbt-"]
glob_pattern = "global-pattern-with-many-characters"
SHORT = "glpat-PPatrol8auBN"
