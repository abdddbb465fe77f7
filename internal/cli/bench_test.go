package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkReviewStaged times review-changes in security mode on a staged
// change of 10 Python files and 500 lines, in process (git commands
// included): "edit" stages changes to committed files, the usual pre-commit
// case; "first-commit" stages them in a repository without a commit yet,
// where git needs two more commands.
func BenchmarkReviewStaged(b *testing.B) {
	for _, first := range []bool{false, true} {
		name := "edit"
		if first {
			name = "first-commit"
		}
		b.Run(name, func(b *testing.B) { benchReviewStaged(b, first) })
	}
}

func benchReviewStaged(b *testing.B, firstCommit bool) {
	dir := b.TempDir()
	env := []string{"HOME=" + dir, "GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME=b", "GIT_AUTHOR_EMAIL=b@example.com",
		"GIT_COMMITTER_NAME=b", "GIT_COMMITTER_EMAIL=b@example.com", "PATH=" + os.Getenv("PATH")}
	if out, err := runErr(dir, env, "git", "init", "-q"); err != nil {
		b.Fatal(err, out)
	}
	write := func(n int) {
		for i := 0; i < 10; i++ {
			var sb strings.Builder
			sb.WriteString("import sqlite3\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n")
			lines := 5
			for k := 0; lines+7 <= n; k++ {
				fmt.Fprintf(&sb, "@app.route('/r%d')\ndef handler_%d():\n    v = request.args.get('v', '')\n    if v.isdigit():\n        return str(int(v) * %d)\n    return 'ok'\n\n", k, k, k)
				lines += 7
			}
			for ; lines < n; lines++ {
				sb.WriteString("# padding\n")
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("mod%d.py", i)), []byte(sb.String()), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		if out, err := runErr(dir, env, "git", "add", "."); err != nil {
			b.Fatal(err, out)
		}
	}
	if !firstCommit {
		// The committed files are half as long; the change adds the rest.
		write(25)
		if out, err := runErr(dir, env, "git", "commit", "-qm", "base"); err != nil {
			b.Fatal(err, out)
		}
	}
	write(50)
	getenv := func(k string) string {
		for _, kv := range env {
			if strings.HasPrefix(kv, k+"=") {
				return kv[len(k)+1:]
			}
		}
		return ""
	}
	b.ResetTimer()
	for b.Loop() {
		code := Run(context.Background(), []string{"review-changes", "--mode", "security", "-q"},
			IO{Stdout: io.Discard, Stderr: io.Discard, Getenv: getenv, Dir: dir})
		if code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
