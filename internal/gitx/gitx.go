package gitx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/diff"
)

// Repo is one git work tree. Its environment is captured when it is opened.
type Repo struct {
	root   string   // absolute path of the work tree's top level
	gitDir string   // absolute git dir of this work tree (.git/worktrees/x for a linked one)
	git    string   // the git executable
	env    []string // environment of every command
	// objectFormat is "sha1" or "sha256" (git rev-parse --show-object-format).
	objectFormat string
}

// configArgs pin the settings that would change what git prints, whatever
// the user's, the repository's or the system's config says.
var configArgs = [...]string{
	"-c", "core.quotePath=true",
	"-c", "color.ui=never",
	"-c", "diff.noprefix=false",
	"-c", "diff.mnemonicPrefix=false",
	"-c", "log.showSignature=false",
}

// diffArgs make a patch that internal/diff parses whatever the config:
// a/ and b/ prefixes, no colour, no external diff or textconv, and
// submodules as "Subproject commit" lines.
var diffArgs = [...]string{
	"-p", "-M", "--no-color", "--no-ext-diff", "--no-textconv",
	"--submodule=short", "--ignore-submodules=none",
	"--src-prefix=a/", "--dst-prefix=b/",
}

// waitDelay bounds how long a killed git may hold its pipes open.
const waitDelay = 2 * time.Second

// Open finds the repository that contains dir. It fails with a
// *NotARepoError when dir is not inside a work tree, and with a
// *GitNotFoundError when git is not installed.
func Open(ctx context.Context, dir string) (*Repo, error) {
	gitPath, err := exec.LookPath("git")
	if err != nil {
		return nil, &GitNotFoundError{Err: err}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, &NotARepoError{Dir: dir, Err: err}
	}
	if fi, err := os.Stat(abs); err != nil {
		return nil, &NotARepoError{Dir: dir, Err: err}
	} else if !fi.IsDir() {
		return nil, &NotARepoError{Dir: dir, Err: errors.New("not a directory")}
	}
	r := &Repo{git: gitPath, env: commandEnv(os.Environ()), root: abs}
	out, err := r.runIn(ctx, abs, nil, "rev-parse", "--show-toplevel", "--absolute-git-dir", "--show-object-format")
	if err != nil {
		var ce *CommandError
		if errors.As(err, &ce) && strings.Contains(ce.Stderr, "not a git repository") {
			return nil, &NotARepoError{Dir: dir, Err: err}
		}
		return nil, fmt.Errorf("open repository %s: %w", dir, err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 3 || lines[0] == "" || lines[1] == "" {
		return nil, fmt.Errorf("open repository %s: git rev-parse printed %q: expected the top level, the git dir and the hash", dir, out)
	}
	r.root = filepath.Clean(filepath.FromSlash(lines[0]))
	r.gitDir = filepath.Clean(filepath.FromSlash(lines[1]))
	r.objectFormat = lines[2]
	return r, nil
}

// commandEnv is the caller's environment (GIT_INDEX_FILE, GIT_DIR and the
// like included) with optional locks off, so that no command refreshes and
// rewrites the index, and messages in English, so that errors can be read.
func commandEnv(base []string) []string {
	env := make([]string, 0, len(base)+3)
	env = append(env, base...)
	return append(env, "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C", "GIT_TERMINAL_PROMPT=0")
}

// Root returns the absolute path of the work tree's top level.
func (r *Repo) Root() string { return r.root }

// run runs git in the work tree's top level and returns its standard output.
func (r *Repo) run(ctx context.Context, stdin io.Reader, args ...string) ([]byte, error) {
	return r.runIn(ctx, r.root, stdin, args...)
}

func (r *Repo) runIn(ctx context.Context, dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := r.command(ctx, dir, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, r.commandError(ctx, args, stderr.String(), err)
	}
	return stdout.Bytes(), nil
}

func (r *Repo) command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	full := make([]string, 0, len(configArgs)+len(args))
	full = append(full, configArgs[:]...)
	full = append(full, args...)
	cmd := exec.CommandContext(ctx, r.git, full...)
	cmd.Dir, cmd.Env, cmd.WaitDelay = dir, r.env, waitDelay
	return cmd
}

func (r *Repo) commandError(ctx context.Context, args []string, stderr string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("git %s: %w", strings.Join(args, " "), ctx.Err())
	}
	return &CommandError{Args: args, Stderr: firstLine(stderr), Err: err}
}

// exitCode returns the exit status of a failed command, or -1.
func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}

// HasHead reports whether HEAD names a commit; it is false before the first
// commit of a repository.
func (r *Repo) HasHead(ctx context.Context) (bool, error) {
	_, err := r.run(ctx, nil, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
	if err == nil {
		return true, nil
	}
	var ce *CommandError
	if errors.As(err, &ce) && exitCode(ce.Err) == 1 && ce.Stderr == "" {
		return false, nil
	}
	return false, fmt.Errorf("look up HEAD: %w", err)
}

// Empty-tree ids of the two object formats git knows.
const (
	emptyTreeSHA1   = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
	emptyTreeSHA256 = "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321"
)

// emptyTree returns the id of the empty tree in this repository's hash
// (it differs between SHA-1 and SHA-256), asking git only for an object
// format it does not know. hash-object without -w writes nothing.
func (r *Repo) emptyTree(ctx context.Context) (string, error) {
	switch r.objectFormat {
	case "sha1":
		return emptyTreeSHA1, nil
	case "sha256":
		return emptyTreeSHA256, nil
	}
	out, err := r.run(ctx, strings.NewReader(""), "hash-object", "-t", "tree", "--stdin")
	if err != nil {
		return "", fmt.Errorf("hash the empty tree: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// StagedDiff returns exactly what `git commit` would record: the index
// (GIT_INDEX_FILE when set, as in hooks of `git commit -a`) against HEAD, or
// against the empty tree before the first commit, with renames detected.
// Intent-to-add entries are left out, as commit leaves them out.
//
// It runs one git command in the common case: the diff against HEAD, falling
// back to the empty tree only when HEAD does not resolve yet.
func (r *Repo) StagedDiff(ctx context.Context) ([]diff.File, error) {
	args := func(base string) []string {
		a := append([]string{"diff-index", "--cached", "--ita-invisible-in-index"}, diffArgs[:]...)
		return append(a, base, "--")
	}
	files, err := r.parseDiff(ctx, "staged diff", args("HEAD"))
	if err == nil {
		return files, nil
	}
	if hasHead, herr := r.HasHead(ctx); herr != nil || hasHead {
		return nil, err
	}
	base, err := r.emptyTree(ctx)
	if err != nil {
		return nil, fmt.Errorf("staged diff: %w", err)
	}
	return r.parseDiff(ctx, "staged diff", args(base))
}

// CommitDiff returns the change c made: against its first parent (for a
// merge too), or against the empty tree for a root commit.
func (r *Repo) CommitDiff(ctx context.Context, c *Commit) ([]diff.File, error) {
	if c == nil || c.SHA == "" {
		return nil, errors.New("commit diff: no commit given")
	}
	var base string
	if len(c.Parents) > 0 {
		base = c.Parents[0]
	} else {
		var err error
		if base, err = r.emptyTree(ctx); err != nil {
			return nil, fmt.Errorf("diff of commit %s: %w", c.ShortSHA, err)
		}
	}
	args := append([]string{"diff-tree", "-r"}, diffArgs[:]...)
	args = append(args, base, c.SHA, "--")
	return r.parseDiff(ctx, "diff of commit "+c.ShortSHA, args)
}

func (r *Repo) parseDiff(ctx context.Context, what string, args []string) ([]diff.File, error) {
	out, err := r.run(ctx, nil, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	files, err := diff.Parse(bytes.NewReader(out))
	if err != nil {
		return nil, fmt.Errorf("%s: parse `git %s`: %w", what, args[0], err)
	}
	return files, nil
}

// Commit is one commit's metadata. Message is the whole message as git
// stores it (subject, blank line, body; normally ending in a newline).
type Commit struct {
	SHA, ShortSHA       string
	Author, AuthorEmail string
	Date                time.Time // author date
	Subject, Message    string
	Parents             []string // full SHAs, first parent first
}

// Commit resolves rev to a commit and reads its metadata. A rev that names
// no commit gives a *BadRevisionError.
func (r *Repo) Commit(ctx context.Context, rev string) (*Commit, error) {
	if rev == "" || strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, "\x00\n") {
		return nil, &BadRevisionError{Rev: rev}
	}
	out, err := r.run(ctx, nil, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		var ce *CommandError
		if errors.As(err, &ce) && exitCode(ce.Err) == 1 {
			return nil, &BadRevisionError{Rev: rev}
		}
		return nil, fmt.Errorf("resolve %q: %w", rev, err)
	}
	sha := strings.TrimSpace(string(out))
	const format = "format:%H%x00%h%x00%an%x00%ae%x00%aI%x00%P%x00%s%x00%B"
	out, err = r.run(ctx, nil, "show", "-s", "--no-show-signature", "--no-notes", "--encoding=UTF-8",
		"--format="+format, sha)
	if err != nil {
		return nil, fmt.Errorf("read commit %s: %w", sha, err)
	}
	f := strings.SplitN(string(out), "\x00", 8)
	if len(f) != 8 {
		return nil, fmt.Errorf("read commit %s: git show printed %d fields: expected 8", sha, len(f))
	}
	date, err := time.Parse(time.RFC3339, f[4])
	if err != nil {
		return nil, fmt.Errorf("read commit %s: author date: %w", sha, err)
	}
	return &Commit{
		SHA: f[0], ShortSHA: f[1], Author: f[2], AuthorEmail: f[3], Date: date,
		Parents: strings.Fields(f[5]), Subject: f[6], Message: f[7],
	}, nil
}

// MessagePath returns the absolute path of COMMIT_EDITMSG, where a
// commit-msg hook finds the message; in a linked worktree it lies in that
// worktree's git dir.
func (r *Repo) MessagePath(ctx context.Context) (string, error) {
	out, err := r.run(ctx, nil, "rev-parse", "--git-path", "COMMIT_EDITMSG")
	if err != nil {
		return "", fmt.Errorf("find the commit message file: %w", err)
	}
	p := filepath.FromSlash(strings.TrimSuffix(string(out), "\n"))
	if !filepath.IsAbs(p) {
		p = filepath.Join(r.root, p)
	}
	return filepath.Clean(p), nil
}

// CommentChar returns the string that starts comment lines in a commit
// message: core.commentChar (or core.commentString, whichever is set last),
// "#" when unset, unreadable or "auto".
func (r *Repo) CommentChar(ctx context.Context) string {
	out, err := r.run(ctx, nil, "config", "--get-regexp", `^core\.comment(char|string)$`)
	if err != nil {
		return "#"
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	_, val, _ := strings.Cut(lines[len(lines)-1], " ")
	if val == "" || val == "auto" {
		return "#"
	}
	return val
}
