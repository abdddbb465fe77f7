package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestInstalledHooksCommit builds the real binary, installs its hooks with
// `install` (the binary's own path, in a directory whose name needs quoting)
// and commits through them with the real git: a SQL injection is blocked
// with the finding shown, a safe change is committed, and the commit-msg hook
// blocks what its mode is configured to block.
func TestInstalledHooksCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the patchpatrol binary; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	// Build before isolating git: the build uses the developer's Go caches.
	root := moduleRoot(t)
	binDir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(binDir, "my tools", "patchpatrol")
	build := exec.Command("go", "build", "-buildvcs=false", "-o", bin, "./cmd/patchpatrol")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	tmp := isolateHookGit(t)
	repo := newHookRepo(t, filepath.Join(tmp, "project"))
	ppBin := func(args ...string) string {
		t.Helper()
		out, err := runHookProgram(repo, bin, args...)
		if err != nil {
			t.Fatalf("patchpatrol %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return out
	}
	commits := func() string {
		return strings.TrimSpace(mustGit(t, repo, "rev-list", "--count", "HEAD"))
	}

	out := ppBin("install", "--hook", "all", "--mode", "security", "--hard")
	for _, want := range []string{"installed pre-commit hook", "installed commit-msg hook", bin} {
		if !strings.Contains(out, want) {
			t.Errorf("install output lacks %q:\n%s", want, out)
		}
	}

	// A Flask request parameter formatted into SQL: blocked.
	writeHookFile(t, filepath.Join(repo, "users.py"), `import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/user")
def user():
    name = request.args["name"]
    cursor = sqlite3.connect("app.db").cursor()
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    return str(cursor.fetchall())
`, 0o644)
	mustGit(t, repo, "add", "users.py")
	out, err = hookGit(repo, "commit", "-m", "Add the user lookup endpoint")
	if err == nil {
		t.Fatalf("the pre-commit hook let a SQL injection through:\n%s", out)
	}
	for _, want := range []string{"CWE-89", "PP201", "users.py:12", "Blocked"} {
		if !strings.Contains(out, want) {
			t.Errorf("blocked commit output lacks %q:\n%s", want, out)
		}
	}
	if n := commits(); n != "1" {
		t.Fatalf("%s commits after a blocked commit, want 1", n)
	}

	// The parameterized query: committed.
	writeHookFile(t, filepath.Join(repo, "users.py"), `import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.route("/user")
def user():
    name = request.args["name"]
    cursor = sqlite3.connect("app.db").cursor()
    cursor.execute("SELECT * FROM users WHERE name = ?", (name,))
    return str(cursor.fetchall())
`, 0o644)
	mustGit(t, repo, "add", "users.py")
	out, err = hookGit(repo, "commit", "-m", "Add the user lookup endpoint")
	if err != nil {
		t.Fatalf("a safe change was blocked: %v\n%s", err, out)
	}
	if !strings.Contains(out, "Approved") || commits() != "2" {
		t.Errorf("safe commit: %s commits, output:\n%s", commits(), out)
	}

	// commit-msg in security mode: a token in the message blocks the commit
	// and is never printed whole.
	writeHookFile(t, filepath.Join(repo, "notes.txt"), "deploy notes\n", 0o644)
	mustGit(t, repo, "add", "notes.txt")
	token := "ghp_" + "Zq8wX3vN6tB1mK9pL4rT7yU2iO5aS0dF3gH8"
	out, err = hookGit(repo, "commit", "-m", "Configure the deploy bot\n\nUse token "+token+" for the API.")
	if err == nil {
		t.Fatalf("the commit-msg hook let a token through:\n%s", out)
	}
	if strings.Contains(out, token) {
		t.Error("the hook printed the whole token")
	}
	if !strings.Contains(out, "CRITICAL") || commits() != "2" {
		t.Errorf("token commit: %s commits, output:\n%s", commits(), out)
	}

	// Reinstalled in code-quality mode, the same hook updates in place and
	// blocks an empty message.
	out = ppBin("install", "--hook", "commit-msg", "--mode", "code-quality", "--hard")
	if !strings.Contains(out, "updated commit-msg hook") {
		t.Errorf("reinstall output:\n%s", out)
	}
	writeHookFile(t, filepath.Join(repo, "notes.txt"), "deploy notes, v2\n", 0o644)
	mustGit(t, repo, "add", "notes.txt")
	out, err = hookGit(repo, "commit", "--allow-empty-message", "-m", "")
	if err == nil || !strings.Contains(out, "PP701") || commits() != "2" {
		t.Fatalf("empty message in code-quality hard mode: err %v, %s commits, output:\n%s", err, commits(), out)
	}
	if out, err = hookGit(repo, "commit", "-m", "Update the deploy notes"); err != nil || commits() != "3" {
		t.Fatalf("good message: %v, %s commits\n%s", err, commits(), out)
	}

	// A binary that has gone away blocks with a message, not silently.
	if err := os.Rename(bin, bin+".moved"); err != nil {
		t.Fatal(err)
	}
	writeHookFile(t, filepath.Join(repo, "more.txt"), "more\n", 0o644)
	mustGit(t, repo, "add", "more.txt")
	out, err = hookGit(repo, "commit", "-m", "Add more notes")
	if err == nil || !strings.Contains(out, "missing or not executable") || !strings.Contains(out, "--no-verify") || commits() != "3" {
		t.Fatalf("missing binary: err %v, %s commits, output:\n%s", err, commits(), out)
	}
	if err := os.Rename(bin+".moved", bin); err != nil {
		t.Fatal(err)
	}

	// Uninstall removes both hooks; the next commit runs no review.
	out = ppBin("uninstall")
	if strings.Count(out, "removed ") != 2 {
		t.Errorf("uninstall output:\n%s", out)
	}
	if out, err = hookGit(repo, "commit", "-m", "Add more notes"); err != nil || strings.Contains(out, "Approved") {
		t.Errorf("commit after uninstall: %v\n%s", err, out)
	}
}

// runHookProgram runs a program in dir and returns its combined output.
func runHookProgram(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}
