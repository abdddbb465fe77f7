#!/usr/bin/env bash
set -euo pipefail

export REGISTRY_USER=ci
export REGISTRY_PASSWORD='ahGImaHt8RVkGYZC7nqV2VADJHONXO1W'  # want: PP110
export REGISTRY_TOKEN="$(vault kv get -field=token secret/registry)"
export DEPLOY_KEY_PATH="$HOME/.ssh/deploy_key"

docker login -u "$REGISTRY_USER" --password-stdin <<<"$REGISTRY_PASSWORD"
curl -fsS "https://deploy:mVbgZteLc9dAtxJO8TLKsmWg3Yzz@deploy.internal/hooks/release"  # want: PP110
curl -fsS "https://deploy:${DEPLOY_PASSWORD}@deploy.internal/hooks/release"
curl -fsS "https://user:password@example.com/docs"
