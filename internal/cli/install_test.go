package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/hooks"
)

// isolateHookGit gives the test a git of its own: no system or global
// config of the developer (GIT_CONFIG_GLOBAL points at an empty file in the
// test's directory), a fixed identity, and none of the GIT_* variables of a
// shell or hook running the tests. gitx captures os.Environ, so these tests
// set the process environment and cannot run in parallel.
func isolateHookGit(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "GIT_") {
			t.Setenv(k, "")
			os.Unsetenv(k)
		}
	}
	tmp, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(tmp, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	global := filepath.Join(home, "gitconfig")
	if err := os.WriteFile(global, []byte("[init]\n\tdefaultBranch = main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{
		"HOME": home, "XDG_CONFIG_HOME": filepath.Join(home, ".config"), "XDG_CACHE_HOME": filepath.Join(home, ".cache"),
		"GIT_CONFIG_GLOBAL": global, "GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME": "Test Author", "GIT_AUTHOR_EMAIL": "author@example.com",
		"GIT_COMMITTER_NAME": "Test Author", "GIT_COMMITTER_EMAIL": "author@example.com",
		"NO_COLOR": "1", "PATCHPATROL_OSV_URL": "http://127.0.0.1:1", "OLLAMA_HOST": "127.0.0.1:1",
	} {
		t.Setenv(k, v)
	}
	return tmp
}

// hookGit runs git in dir and returns its combined output and error.
func hookGit(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	err := cmd.Run()
	return b.String(), err
}

func mustGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := hookGit(dir, args...)
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// newHookRepo makes a repository with one commit in dir.
func newHookRepo(t *testing.T, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	mustGit(t, dir, "init", "-q")
	writeHookFile(t, filepath.Join(dir, "README.md"), "# demo\n", 0o644)
	mustGit(t, dir, "add", "README.md")
	mustGit(t, dir, "commit", "-q", "-m", "Initial commit")
	return dir
}

func writeHookFile(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
}

func readHookFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ppRun runs the CLI in-process in dir.
func ppRun(dir string, args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = Run(context.Background(), args, IO{Stdin: bytes.NewReader(nil), Stdout: &o, Stderr: &e, Getenv: os.Getenv, Dir: dir})
	return o.String(), e.String(), code
}

func mustPPRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, errOut, code := ppRun(dir, args...)
	if code != 0 {
		t.Fatalf("patchpatrol %s exited %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// commitThroughFake stages a file and commits in dir; the fake patchpatrol
// the hooks run fails, so the commit must fail with its output.
func commitThroughFake(t *testing.T, dir, file string) {
	t.Helper()
	writeHookFile(t, filepath.Join(dir, file), "x = 1\n", 0o644)
	mustGit(t, dir, "add", file)
	out, err := hookGit(dir, "commit", "-m", "Add "+file)
	if err == nil {
		t.Fatalf("git commit in %s succeeded: git did not run the installed hook\n%s", dir, out)
	}
	if !strings.Contains(out, "fake patchpatrol ran: review-changes --mode security --hard") {
		t.Fatalf("git commit in %s did not run the fake through the hook:\n%s", dir, out)
	}
	mustGit(t, dir, "reset", "-q")
}

func TestInstallLocations(t *testing.T) {
	tmp := isolateHookGit(t)
	// A fake patchpatrol in a directory whose name needs quoting: it says it
	// ran and fails, so a commit shows whether git ran the hook.
	fake := filepath.Join(tmp, `fake "pp" it's`, "patchpatrol")
	writeHookFile(t, fake, "#!/bin/sh\necho \"fake patchpatrol ran: $*\" >&2\nexit 1\n", 0o755)
	install := func(t *testing.T, dir string, extra ...string) string {
		t.Helper()
		return mustPPRun(t, dir, append([]string{"install", "--mode", "security", "--hard", "--command", fake}, extra...)...)
	}
	checkHook := func(t *testing.T, path string) {
		t.Helper()
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatalf("no hook at %s: %v", path, err)
		}
		if fi.Mode().Perm() != 0o755 {
			t.Errorf("%s has mode %v, want 0755", path, fi.Mode().Perm())
		}
		if v, ok := hooks.Managed([]byte(readHookFile(t, path))); !ok || v != version() {
			t.Errorf("%s lacks the marker of %s (got %q)", path, version(), v)
		}
	}
	absent := func(t *testing.T, path string) {
		t.Helper()
		if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s exists; the hook went to the wrong directory", path)
		}
	}

	t.Run("default hooks directory", func(t *testing.T) {
		repo := newHookRepo(t, filepath.Join(tmp, "default"))
		out := install(t, repo)
		hook := filepath.Join(repo, ".git", "hooks", "pre-commit")
		checkHook(t, hook)
		if !strings.Contains(out, "installed pre-commit hook "+hook) {
			t.Errorf("install output does not say where the hook went:\n%s", out)
		}
		absent(t, filepath.Join(repo, ".git", "hooks", "commit-msg"))
		commitThroughFake(t, repo, "a.py")

		// Installing again changes nothing and says so.
		before := readHookFile(t, hook)
		if out := install(t, repo); !strings.Contains(out, "already installed and up to date") {
			t.Errorf("second install output:\n%s", out)
		}
		if readHookFile(t, hook) != before {
			t.Error("a second identical install changed the hook")
		}
		// Other settings update the hook in place, without --force.
		out = mustPPRun(t, repo, "install", "--mode", "code-quality", "--threshold", "0.9", "--command", fake)
		if !strings.Contains(out, "updated pre-commit hook") || !strings.Contains(readHookFile(t, hook), "review-changes --mode code-quality --threshold 0.9\n") {
			t.Errorf("reinstall with other settings did not update the hook:\n%s\n%s", out, readHookFile(t, hook))
		}
		if !strings.Contains(out, "follow soft_mode") {
			t.Errorf("install without --hard does not say the hook may only warn:\n%s", out)
		}
		if bs, _ := hooks.Backups(filepath.Dir(hook), "pre-commit"); len(bs) != 0 {
			t.Errorf("updating our own hook made backups: %v", bs)
		}
	})

	t.Run("relative core.hooksPath from a subdirectory", func(t *testing.T) {
		repo := newHookRepo(t, filepath.Join(tmp, "relative"))
		mustGit(t, repo, "config", "core.hooksPath", ".githooks")
		sub := filepath.Join(repo, "src", "pkg")
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		out := install(t, sub)
		checkHook(t, filepath.Join(repo, ".githooks", "pre-commit"))
		absent(t, filepath.Join(repo, ".git", "hooks", "pre-commit"))
		absent(t, filepath.Join(sub, ".githooks"))
		if !strings.Contains(out, "core.hooksPath") {
			t.Errorf("install does not mention core.hooksPath:\n%s", out)
		}
		commitThroughFake(t, repo, "b.py")
	})

	t.Run("absolute core.hooksPath", func(t *testing.T) {
		repo := newHookRepo(t, filepath.Join(tmp, "absolute"))
		shared := filepath.Join(tmp, "shared hooks", "git")
		mustGit(t, repo, "config", "core.hooksPath", shared)
		install(t, tmp, "--repo-path", repo)
		checkHook(t, filepath.Join(shared, "pre-commit"))
		absent(t, filepath.Join(repo, ".git", "hooks", "pre-commit"))
		commitThroughFake(t, repo, "c.py")
	})

	t.Run("linked worktree", func(t *testing.T) {
		repo := newHookRepo(t, filepath.Join(tmp, "main"))
		wt := filepath.Join(tmp, "linked wt")
		mustGit(t, repo, "worktree", "add", "-q", "-b", "linked", wt)
		install(t, wt, "--hook", "all")
		// Hooks live in the common git dir, shared by every worktree.
		checkHook(t, filepath.Join(repo, ".git", "hooks", "pre-commit"))
		checkHook(t, filepath.Join(repo, ".git", "hooks", "commit-msg"))
		absent(t, filepath.Join(repo, ".git", "worktrees", "linked wt", "hooks"))
		commitThroughFake(t, wt, "d.py")
		commitThroughFake(t, repo, "e.py")
		// And uninstall from the worktree finds them.
		out := mustPPRun(t, wt, "uninstall")
		if strings.Count(out, "removed ") != 2 {
			t.Errorf("uninstall from the worktree:\n%s", out)
		}
		absent(t, filepath.Join(repo, ".git", "hooks", "pre-commit"))
	})
}

func TestInstallForeignHooks(t *testing.T) {
	tmp := isolateHookGit(t)
	repo := newHookRepo(t, filepath.Join(tmp, "repo"))
	hooksDir := filepath.Join(repo, ".git", "hooks")
	preCommit := filepath.Join(hooksDir, "pre-commit")
	commitMsg := filepath.Join(hooksDir, "commit-msg")
	foreign := "#!/bin/sh\necho team hook\n"
	writeHookFile(t, preCommit, foreign, 0o755)

	// Refused without --force; --hook all installs nothing, not half.
	out, errOut, code := ppRun(repo, "install", "--hook", "all", "--command", "patchpatrol")
	if code != ExitUsage {
		t.Fatalf("install over a foreign hook exited %d, want %d\n%s%s", code, ExitUsage, out, errOut)
	}
	for _, want := range []string{preCommit, "did not write", "--force", "nothing was installed"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("refusal lacks %q:\n%s", want, errOut)
		}
	}
	if readHookFile(t, preCommit) != foreign {
		t.Fatal("the foreign hook was changed")
	}
	if _, err := os.Stat(commitMsg); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a refused --hook all still installed commit-msg")
	}

	// --force keeps it as a backup, says so, and never overwrites a backup.
	oldBackup := filepath.Join(hooksDir, "pre-commit.patchpatrol-backup")
	writeHookFile(t, oldBackup, "#!/bin/sh\necho older\n", 0o755)
	out = mustPPRun(t, repo, "install", "--hook", "all", "--force", "--command", "patchpatrol")
	backup := filepath.Join(hooksDir, "pre-commit.patchpatrol-backup.2")
	if !strings.Contains(out, "kept as "+backup) {
		t.Errorf("forced install does not name the backup %s:\n%s", backup, out)
	}
	if readHookFile(t, backup) != foreign || readHookFile(t, oldBackup) != "#!/bin/sh\necho older\n" {
		t.Fatal("backups are wrong")
	}
	if _, ok := hooks.Managed([]byte(readHookFile(t, preCommit))); !ok {
		t.Fatal("our pre-commit hook was not installed")
	}
	if _, ok := hooks.Managed([]byte(readHookFile(t, commitMsg))); !ok {
		t.Fatal("our commit-msg hook was not installed")
	}
	// A forced install over our own hooks is an update, not another backup.
	mustPPRun(t, repo, "install", "--hook", "all", "--force", "--command", "patchpatrol")
	if bs, _ := hooks.Backups(hooksDir, "pre-commit"); len(bs) != 2 {
		t.Errorf("backups after a second forced install: %v", bs)
	}

	// A foreign commit-msg hook appears; uninstall leaves it alone, restores
	// pre-commit from the newest backup, and mentions the older one.
	if err := os.Remove(commitMsg); err != nil {
		t.Fatal(err)
	}
	writeHookFile(t, commitMsg, "#!/bin/sh\nexit 0\n", 0o755)
	out = mustPPRun(t, repo, "uninstall")
	for _, want := range []string{"put back the hook it replaced (from " + backup, "left commit-msg hook " + commitMsg + " alone", "older backups", oldBackup} {
		if !strings.Contains(out, want) {
			t.Errorf("uninstall output lacks %q:\n%s", want, out)
		}
	}
	if readHookFile(t, preCommit) != foreign {
		t.Error("uninstall did not restore the previous pre-commit hook")
	}
	if readHookFile(t, commitMsg) != "#!/bin/sh\nexit 0\n" {
		t.Error("uninstall touched a foreign commit-msg hook")
	}

	// Idempotent: nothing of ours left, exit 0, and it says so.
	if err := os.Remove(commitMsg); err != nil {
		t.Fatal(err)
	}
	out = mustPPRun(t, repo, "uninstall", "--hook", "commit-msg")
	if !strings.Contains(out, "no commit-msg hook is installed") {
		t.Errorf("uninstall with nothing installed:\n%s", out)
	}
	out = mustPPRun(t, repo, "uninstall")
	if !strings.Contains(out, "left pre-commit hook") || readHookFile(t, preCommit) != foreign {
		t.Errorf("second uninstall:\n%s", out)
	}
}

func TestInstallBadInput(t *testing.T) {
	tmp := isolateHookGit(t)
	repo := newHookRepo(t, filepath.Join(tmp, "repo"))
	notRepo := filepath.Join(tmp, "plain")
	if err := os.MkdirAll(notRepo, 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		dir  string
		args []string
		want []string
	}{
		{"unknown hook", repo, []string{"install", "--hook", "pre-push", "--command", "patchpatrol"}, []string{"pre-push", "pre-commit, commit-msg or all"}},
		{"uninstall unknown hook", repo, []string{"uninstall", "--hook", "post-merge"}, []string{"post-merge", "pre-commit, commit-msg or all"}},
		{"bad mode", repo, []string{"install", "--mode", "strict", "--command", "patchpatrol"}, []string{"strict", "--mode security"}},
		{"threshold out of range", repo, []string{"install", "--threshold", "1.5", "--command", "patchpatrol"}, []string{"--threshold", "between 0 and 1"}},
		{"threshold not a number", repo, []string{"install", "--threshold", "high"}, []string{"threshold"}},
		{"soft and hard", repo, []string{"install", "--soft", "--hard", "--command", "patchpatrol"}, []string{"soft", "hard"}},
		{"relative command", repo, []string{"install", "--command", "bin/patchpatrol"}, []string{"relative path", "absolute path"}},
		{"command with arguments", repo, []string{"install", "--command", "patchpatrol --hard"}, []string{"without arguments"}},
		{"missing absolute command", repo, []string{"install", "--command", filepath.Join(tmp, "nope", "patchpatrol")}, []string{"no executable file"}},
		{"positional argument", repo, []string{"install", "pre-commit"}, []string{"takes no arguments", "--hook"}},
		{"not a repository", notRepo, []string{"install", "--command", "patchpatrol"}, []string{"not a git repository", "--repo-path"}},
		{"uninstall outside a repository", notRepo, []string{"uninstall"}, []string{"not a git repository"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := ppRun(c.dir, c.args...)
			if code != ExitUsage {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, ExitUsage, out, errOut)
			}
			for _, w := range c.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
		})
	}
	if _, err := os.Stat(filepath.Join(repo, ".git", "hooks", "pre-commit")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a failed install wrote a hook")
	}

	// In-process, this executable is the test binary in go test's go-build
	// directory: install must refuse it as it refuses `go run` binaries.
	exe, err := os.Executable()
	if err != nil || !temporaryGoBinary(exe) {
		t.Skipf("the test binary %s is not in a go-build directory", exe)
	}
	_, errOut, code := ppRun(repo, "install")
	if code != ExitUsage || !strings.Contains(errOut, "go run") || !strings.Contains(errOut, "go install") || !strings.Contains(errOut, "--command patchpatrol") {
		t.Errorf("install from a temporary go binary: exit %d\n%s", code, errOut)
	}
}

func TestHookCommand(t *testing.T) {
	for path, want := range map[string]bool{
		"/tmp/go-build1234567/b001/exe/patchpatrol":        true,
		"/var/folders/x/T/go-build99/b001/exe/patchpatrol": true,
		"/home/me/gotmp/go-build42/b001/cli.test":          true,
		"/usr/local/bin/patchpatrol":                       false,
		"/home/me/go/bin/patchpatrol":                      false,
		"/home/me/src/go-build-tools/bin/patchpatrol":      false,
		"/home/me/go-build/patchpatrol":                    false,
	} {
		if got := temporaryGoBinary(filepath.FromSlash(path)); got != want {
			t.Errorf("temporaryGoBinary(%s) = %v, want %v", path, got, want)
		}
	}

	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	real := filepath.Join(dir, "real bin", "patchpatrol")
	writeHookFile(t, real, "#!/bin/sh\n", 0o755)
	link := filepath.Join(dir, "patchpatrol-link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip(err)
	}
	noPath := func(string) (string, error) { return "", exec.ErrNotFound }
	onPath := func(s string) (string, error) { return "/usr/bin/" + s, nil }
	exeIs := func(p string) func() (string, error) { return func() (string, error) { return p, nil } }

	got, warns, err := hookCommand("", false, exeIs(link), noPath)
	if err != nil || got != real || len(warns) != 0 {
		t.Errorf("executable via a link: %q %v %v; want %s, resolved", got, warns, err, real)
	}
	if _, _, err := hookCommand("", false, exeIs("/tmp/go-build77/b001/exe/patchpatrol"), noPath); err == nil ||
		!strings.Contains(err.Error(), "go build") || !strings.Contains(err.Error(), "--command patchpatrol") {
		t.Errorf("go run binary: %v, want a refusal naming the fix", err)
	}
	if _, _, err := hookCommand("", false, func() (string, error) { return "", errors.New("no /proc") }, noPath); err == nil ||
		!strings.Contains(err.Error(), "--command") {
		t.Errorf("unknown executable: %v, want a hint to use --command", err)
	}
	// --command wins over the executable, even a temporary one.
	got, warns, err = hookCommand("patchpatrol", true, exeIs("/tmp/go-build77/b001/exe/patchpatrol"), onPath)
	if err != nil || got != "patchpatrol" || len(warns) != 0 {
		t.Errorf("--command patchpatrol: %q %v %v", got, warns, err)
	}
	got, warns, err = hookCommand("patchpatrol", true, nil, noPath)
	if err != nil || got != "patchpatrol" || len(warns) != 1 || !strings.Contains(warns[0], "not on PATH") {
		t.Errorf("--command not on PATH: %q %v %v; want it kept with a warning", got, warns, err)
	}
	if got, _, err = hookCommand(real, true, nil, noPath); err != nil || got != real {
		t.Errorf("--command absolute: %q %v", got, err)
	}
	if _, _, err = hookCommand(filepath.Join(dir, "real bin"), true, nil, noPath); err == nil {
		t.Error("--command accepted a directory")
	}
}
