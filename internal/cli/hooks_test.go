package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitHooks installs the hooks of .pre-commit-hooks.yaml with the
// real pre-commit into a throwaway repository and commits through them: a
// vulnerable change is blocked by the standard hook and let through by the
// soft one; the commit-msg hook blocks a message that leaks a token; the
// -system variant runs a patchpatrol from PATH. CI installs pre-commit, so
// there the test must run.
func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("installs hooks with pre-commit and go install; skipped with -short")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pre-commit is not installed, and CI must run this test: install it (apt-get install -y pre-commit)")
		}
		t.Skip("pre-commit is not installed")
	}
	root := moduleRoot(t)
	tmp := t.TempDir()
	env := hookEnv(t, tmp)

	// A snapshot of this source tree as a git repository, so the hooks are
	// built from the code under test, committed or not.
	src := filepath.Join(tmp, "patchpatrol-src")
	files := strings.Split(strings.TrimSpace(run(t, root, nil, "git", "ls-files", "-co", "--exclude-standard")), "\n")
	for _, f := range files {
		if f == "" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			continue // deleted in the work tree
		}
		dst := filepath.Join(src, f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(t, src, env, "git", "init", "-q")
	run(t, src, env, "git", "add", "-A")
	run(t, src, env, "git", "commit", "-q", "-m", "snapshot")
	rev := strings.TrimSpace(run(t, src, env, "git", "rev-parse", "HEAD"))

	proj := filepath.Join(tmp, "project")
	if err := os.MkdirAll(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	run(t, proj, env, "git", "init", "-q")
	writeFile(t, proj, "README.md", "# demo\n")
	run(t, proj, env, "git", "add", "README.md")
	run(t, proj, env, "git", "commit", "-q", "-m", "Initial commit")

	config := func(hooks string) {
		writeFile(t, proj, ".pre-commit-config.yaml", "repos:\n  - repo: "+src+"\n    rev: "+rev+"\n    hooks:\n"+hooks)
		run(t, proj, env, "pre-commit", "install", "--hook-type", "pre-commit", "--hook-type", "commit-msg")
	}
	vulnerable := "import subprocess\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.route(\"/run\")\ndef run():\n    subprocess.call(request.args[\"cmd\"], shell=True)\n    return \"ok\"\n"

	// Hard mode: the commit is blocked and nothing is committed.
	config("      - id: patchpatrol-review-changes\n        args: [--mode=security]\n")
	writeFile(t, proj, "app.py", vulnerable)
	run(t, proj, env, "git", "add", "app.py", ".pre-commit-config.yaml")
	out, err := runErr(proj, env, "git", "commit", "-m", "Add the run endpoint")
	if err == nil {
		t.Fatalf("hard hook let a command injection through:\n%s", out)
	}
	for _, want := range []string{"SECURITY RISK", "CWE-78", "Blocked"} {
		if !strings.Contains(out, want) {
			t.Errorf("hard hook output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.TrimSpace(run(t, proj, env, "git", "rev-list", "--count", "HEAD")); n != "1" {
		t.Fatalf("a commit was made through a blocking hook (%s commits)", n)
	}

	// Soft mode: the same change is committed, with the warning shown.
	config("      - id: patchpatrol-changes-soft\n        args: [--mode=security]\n")
	run(t, proj, env, "git", "add", ".pre-commit-config.yaml")
	out = run(t, proj, env, "git", "commit", "-m", "Add the run endpoint")
	if !strings.Contains(out, "Not approved (soft mode") || !strings.Contains(out, "CWE-78") {
		t.Errorf("soft hook output lacks the warning:\n%s", out)
	}

	// The commit-msg hook blocks a message that leaks a token, and never
	// prints it.
	config("      - id: patchpatrol-review-message\n        args: [--mode=security]\n")
	writeFile(t, proj, "notes.txt", "deploy notes\n")
	run(t, proj, env, "git", "add", "notes.txt", ".pre-commit-config.yaml")
	token := "ghp_" + "Zq8wX3vN6tB1mK9pL4rT7yU2iO5aS0dF3gH8"
	out, err = runErr(proj, env, "git", "commit", "-m", "Configure the deploy bot\n\nUse token "+token+" for the API.")
	if err == nil {
		t.Fatalf("commit-msg hook let a token through:\n%s", out)
	}
	if strings.Contains(out, token) {
		t.Errorf("the hook printed the whole token")
	}
	out = run(t, proj, env, "git", "commit", "-m", "Add deploy notes")
	if !strings.Contains(out, "Passed") {
		t.Errorf("clean message not passed:\n%s", out)
	}

	// The -system variant runs the patchpatrol on PATH.
	bin := filepath.Join(tmp, "bin")
	run(t, root, nil, "go", "build", "-o", filepath.Join(bin, "patchpatrol"), "./cmd/patchpatrol")
	sysEnv := append(env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	config("      - id: patchpatrol-review-changes-system\n        args: [--mode=security]\n")
	writeFile(t, proj, "app2.py", vulnerable)
	run(t, proj, sysEnv, "git", "add", "app2.py", ".pre-commit-config.yaml")
	if out, err := runErr(proj, sysEnv, "git", "commit", "-m", "Add a second endpoint"); err == nil || !strings.Contains(out, "Blocked") {
		t.Errorf("system hook did not block (err %v):\n%s", err, out)
	}
}

func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// hookEnv isolates git and pre-commit in tmp, but shares Go's module and
// build caches so installing the hook does not download and compile
// everything again.
func hookEnv(t *testing.T, tmp string) []string {
	t.Helper()
	goenv := func(k string) string { return strings.TrimSpace(run(t, "", nil, "go", "env", k)) }
	home := filepath.Join(tmp, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	env := os.Environ()
	return append(env,
		"HOME="+home, "XDG_CACHE_HOME="+filepath.Join(tmp, "cache"), "PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit"),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=t@example.com",
		"GOMODCACHE="+goenv("GOMODCACHE"), "GOCACHE="+goenv("GOCACHE"), "GOFLAGS=-buildvcs=false", "NO_COLOR=1",
	)
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, err := runErr(dir, env, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

func runErr(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = env
	}
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	err := cmd.Run()
	return b.String(), err
}
