package gitx

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// isolate gives the test a git environment of its own: an empty HOME, no
// system config, a fixed identity and clock, and none of the GIT_*
// variables of the shell or hook that runs the tests. Repo captures the
// environment when it is opened, so tests that use it cannot run in
// parallel.
func isolate(tb testing.TB) {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Skipf("git not installed: %v", err)
	}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "GIT_") {
			tb.Setenv(k, "")
			os.Unsetenv(k)
		}
	}
	home := tb.TempDir()
	for k, v := range map[string]string{
		"HOME": home, "XDG_CONFIG_HOME": home, "GIT_CONFIG_NOSYSTEM": "1", "TZ": "UTC",
		"GIT_AUTHOR_NAME": "Pat Patrol", "GIT_AUTHOR_EMAIL": "pat@example.com", "GIT_AUTHOR_DATE": "2024-01-02T03:04:05Z",
		"GIT_COMMITTER_NAME": "Pat Patrol", "GIT_COMMITTER_EMAIL": "pat@example.com", "GIT_COMMITTER_DATE": "2024-01-02T03:04:05Z",
	} {
		tb.Setenv(k, v)
	}
}

// testRepo is a throwaway repository driven by the real git.
type testRepo struct {
	tb  testing.TB
	dir string
}

func newTestRepo(tb testing.TB) *testRepo {
	tb.Helper()
	isolate(tb)
	dir, err := filepath.EvalSymlinks(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	r := &testRepo{tb: tb, dir: dir}
	r.git("init", "-q", "-b", "main")
	return r
}

// gitEnv runs git with extra environment and returns its output.
func (r *testRepo) gitEnv(env []string, args ...string) string {
	r.tb.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), env...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		r.tb.Fatalf("git %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return out.String()
}

func (r *testRepo) git(args ...string) string {
	r.tb.Helper()
	return r.gitEnv(nil, args...)
}

func (r *testRepo) write(name, content string) {
	r.tb.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.tb.Fatal(err)
	}
}

func (r *testRepo) commit(msg string) string {
	r.tb.Helper()
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", msg)
	return strings.TrimSpace(r.git("rev-parse", "HEAD"))
}

func (r *testRepo) open() *Repo {
	r.tb.Helper()
	repo, err := Open(context.Background(), r.dir)
	if err != nil {
		r.tb.Fatalf("Open(%s): %v", r.dir, err)
	}
	return repo
}
