#!/bin/sh
set -eu
# mirror the repository to the backup organisation
git clone --mirror "https://x-access-token:gho_PPatrolfBHgqK2kbBBsjurjsUtyOpHBCu5IL@github.com/acme/tool.git" tool  # want: PP103
git clone --mirror "https://x-access-token:${GITHUB_TOKEN}@github.com/acme/tool.git" tool-ok
export GH_TOKEN="ghu_PPatroli0GAtbfFEGXspwkvLwDgXHeueFnkx"  # want: PP103
export GH_TOKEN_FILE="$HOME/.config/gh/token"
