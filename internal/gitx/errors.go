package gitx

import (
	"fmt"
	"strings"
)

// NotARepoError says that a directory is not inside a git work tree.
type NotARepoError struct {
	Dir string
	Err error // what git or the file system said
}

func (e *NotARepoError) Error() string {
	return fmt.Sprintf("not a git repository: %s: run inside a repository or pass --repo-path", e.Dir)
}

func (e *NotARepoError) Unwrap() error { return e.Err }

// GitNotFoundError says that no git executable is on PATH.
type GitNotFoundError struct{ Err error }

func (e *GitNotFoundError) Error() string {
	return fmt.Sprintf("git not found: install git and put it on PATH: %v", e.Err)
}

func (e *GitNotFoundError) Unwrap() error { return e.Err }

// BadRevisionError says that a revision names no commit.
type BadRevisionError struct{ Rev string }

func (e *BadRevisionError) Error() string {
	return fmt.Sprintf("unknown revision %q: check the name with `git log --oneline`", e.Rev)
}

// CommandError is a git command that failed: its arguments (without the
// fixed -c settings), the first line of its standard error, and the exit
// error.
type CommandError struct {
	Args   []string
	Stderr string
	Err    error
}

func (e *CommandError) Error() string {
	msg := "git " + strings.Join(e.Args, " ")
	if e.Stderr != "" {
		msg += ": " + e.Stderr
	}
	return msg + ": " + e.Err.Error()
}

func (e *CommandError) Unwrap() error { return e.Err }

// firstLine returns the first non-empty line of s, trimmed.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}
