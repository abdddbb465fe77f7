package secrets

import (
	"fmt"
	"strings"
	"testing"
)

// benchBlocks are realistic clean text: code and configuration that talk
// about passwords, tokens and keys without holding any.
var benchBlocks = []string{
	`import os
from app.auth import get_secret


class TokenCache:
    """Caches access tokens per tenant; refresh tokens rotate upstream."""

    def __init__(self, max_tokens=1024, key_prefix="tok:%d"):
        self.max_tokens = max_tokens
        self.key_prefix = key_prefix
        self._store = {}

    def get(self, key):
        return self._store.get(self.key_prefix + key)


def connect(host="db.internal"):
    password = os.environ["DB_PASSWORD"]
    api_key = get_secret("payments/api-key")
    return Client(host=host, user="app", password=password, api_key=api_key, timeout=30)
`,
	`service:
  name: reports-%d
  replicas: 3
  database:
    host: db.internal
    user: reports
    password: ${DB_PASSWORD}
    password_file: /run/secrets/db_password
  oauth:
    client_id: reports-web
    token_url: https://auth.internal/oauth/token
    scopes: [openid, profile, email]
  features:
    token_count: 4096
    secret_santa_enabled: false
`,
	`{
  "name": "web-%d",
  "version": "1.4.2",
  "lockfileVersion": 3,
  "packages": {
    "node_modules/express": {
      "version": "4.19.2",
      "resolved": "https://registry.npmjs.org/express/-/express-4.19.2.tgz",
      "integrity": "sha512-5T6nhjsT+EOMzuck8JjBHARTHfMht0POzlA60WV2pMD3gyXw2LZnZ+ueGdNxG+0calOJcWKbpFcuzLZ91YWq9Q==",
      "license": "MIT"
    }
  }
}
`,
	`## Configuring authentication (%d)

The service reads its API key from the environment. Never commit keys: set
` + "`API_KEY`" + ` in your shell or in the CI secret store, and rotate the token
when someone leaves the team. Passwords are hashed with Argon2id; the
password_hash column stores the encoded hash, never the password itself.
See the handbook for the key rotation schedule and the token lifetime policy.
`,
	`package store

import (
	"context"
	"os"
)

// Open connects with the password from the environment (shard %d).
func Open(ctx context.Context) (*DB, error) {
	cfg := Config{Host: "db.internal", User: "app", Password: os.Getenv("DB_PASSWORD")}
	key := cacheKey(cfg.Host, cfg.User)
	for i, k := range keys {
		if k == key {
			return pool[i], nil
		}
	}
	return dial(ctx, cfg)
}
`,
	`#!/bin/sh
set -eu
# deploy step %d
export REGISTRY_USER=ci
export REGISTRY_PASSWORD="$(vault kv get -field=password secret/registry)"
docker login -u "$REGISTRY_USER" --password-stdin <<EOF2
$REGISTRY_PASSWORD
EOF2
git push "https://x-access-token:${GITHUB_TOKEN}@github.com/acme/app.git" HEAD:main
`,
}

// benchCorpus builds about size bytes of mixed realistic text; with secrets,
// one fake credential follows every tenth block.
func benchCorpus(size int, secrets bool) []byte {
	var tps []string
	for _, def := range definitions() {
		tps = append(tps, def.truePositives...)
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, benchBlocks[i%len(benchBlocks)], i)
		b.WriteByte('\n')
		if secrets && i%10 == 9 {
			b.WriteString(tps[(i/10)%len(tps)])
			b.WriteByte('\n')
		}
	}
	return []byte(b.String())
}

// BenchmarkSecrets measures Find over about 1 MB of text; compare the
// sub-benchmarks side by side with -count and benchstat.
func BenchmarkSecrets(b *testing.B) {
	d := mustNew(b)
	for _, bc := range []struct {
		name    string
		secrets bool
	}{{"clean", false}, {"mixed", true}} {
		text := benchCorpus(1<<20, bc.secrets)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				d.Find(text)
			}
		})
	}
	text := string(benchCorpus(1<<20, true))
	b.Run("redact-mixed", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			d.Redact(text, RedactOptions{HighEntropy: true})
		}
	})
}

// TestBenchCorpus keeps the benchmark honest: the clean corpus holds no
// secret, the mixed one holds the planted ones.
func TestBenchCorpus(t *testing.T) {
	d := mustNew(t)
	if got := d.Find(benchCorpus(1<<18, false)); len(got) != 0 {
		t.Errorf("clean corpus has %d findings, first %+v", len(got), got[0])
	}
	if got := d.Find(benchCorpus(1<<18, true)); len(got) < 20 {
		t.Errorf("mixed corpus has only %d findings", len(got))
	}
}
