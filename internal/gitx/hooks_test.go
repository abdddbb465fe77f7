package gitx

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestHooksDir(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first")
	ctx := context.Background()
	if err := os.MkdirAll(filepath.Join(r.dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	openIn := func(dir string) *Repo {
		t.Helper()
		repo, err := Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		return repo
	}
	check := func(name string, repo *Repo, want string) {
		t.Helper()
		got, err := repo.HooksDir(ctx)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got != want {
			t.Errorf("%s: HooksDir = %s, want %s", name, got, want)
		}
	}

	check("default", openIn(r.dir), filepath.Join(r.dir, ".git", "hooks"))
	check("default from a subdirectory", openIn(filepath.Join(r.dir, "sub")), filepath.Join(r.dir, ".git", "hooks"))
	if hp := openIn(r.dir).HooksPath(ctx); hp != "" {
		t.Errorf("HooksPath = %q with core.hooksPath unset", hp)
	}

	// A linked worktree runs the hooks of the common git dir.
	wt := filepath.Join(t.TempDir(), "wt")
	r.git("worktree", "add", "-q", wt)
	check("linked worktree", openIn(wt), filepath.Join(r.dir, ".git", "hooks"))

	// A relative core.hooksPath is relative to the top level of the work tree
	// the hook runs in, wherever the command starts.
	r.git("config", "core.hooksPath", "tools/hooks")
	check("relative core.hooksPath", openIn(filepath.Join(r.dir, "sub")), filepath.Join(r.dir, "tools", "hooks"))
	check("relative core.hooksPath in a worktree", openIn(wt), filepath.Join(wt, "tools", "hooks"))
	if hp := openIn(r.dir).HooksPath(ctx); hp != "tools/hooks" {
		t.Errorf("HooksPath = %q, want tools/hooks", hp)
	}

	abs := filepath.Join(t.TempDir(), "shared hooks")
	r.git("config", "core.hooksPath", abs)
	check("absolute core.hooksPath", openIn(r.dir), abs)
}
