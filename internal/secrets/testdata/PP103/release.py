import os

from github import Github

gh = Github("ghs_PPatrolbz5hNJwToQl8O6APHwG7LDEZfJH00")  # want: PP103
refresh_token = "ghr_PPatroliUprq7w7uSze0frUHsnBccFAwfOen"  # want: PP103
FINE_GRAINED = "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"  # want: PP103

# Safe look-alikes.
gh_docs = Github("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
gh_env = Github(os.environ["GITHUB_TOKEN"])
gh_placeholder = Github("ghp_<your-token>")
TOKEN_PREFIXES = ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")
SHORT = "ghp_PPatrolU8k0lKEOiJSTZJ6mcNM0mM3Sx"
