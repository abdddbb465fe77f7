package gitx

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/diff"
)

// LogOptions select commits as `git log` does: a range (a revision, A..B,
// A...B, or several revisions separated by spaces; "" means HEAD), a limit,
// author-date bounds, an author pattern and paths.
type LogOptions struct {
	Range  string
	Max    int    // at most this many commits (the newest); 0: no limit
	Since  string // a date git understands (2024-01-31, "2 weeks ago")
	Until  string
	Author string   // a pattern matched against "Name <email>"
	Paths  []string // only commits that touch these paths, and only these paths of them
}

// BadRangeError says that a range names no commits git knows.
type BadRangeError struct {
	Range string
	Git   string // what git said
}

func (e *BadRangeError) Error() string {
	msg := fmt.Sprintf("unknown revision or range %q", e.Range)
	if e.Git != "" {
		msg += " (git: " + e.Git + ")"
	}
	return msg + ": use a range like main..HEAD, a revision like HEAD~20, or leave it out for the last 10 commits on HEAD"
}

// revArgs are the rev-list arguments of o, without the paths.
func (o LogOptions) revArgs() ([]string, error) {
	var args []string
	if o.Max > 0 {
		args = append(args, fmt.Sprintf("--max-count=%d", o.Max))
	}
	if o.Since != "" {
		args = append(args, "--since="+o.Since)
	}
	if o.Until != "" {
		args = append(args, "--until="+o.Until)
	}
	if o.Author != "" {
		args = append(args, "--author="+o.Author)
	}
	revs := strings.Fields(o.Range)
	if len(revs) == 0 {
		revs = []string{"HEAD"}
	}
	for _, rev := range revs {
		// A revision starting with "-" would be read as an option.
		if strings.HasPrefix(rev, "-") && !strings.HasPrefix(rev, "^") || strings.ContainsRune(rev, 0) {
			return nil, &BadRangeError{Range: o.Range}
		}
	}
	return append(args, revs...), nil
}

// RevList lists the full ids of the commits o selects, newest first in
// git log's order (reverse chronological by commit date, parents after
// children). A range git cannot resolve gives a *BadRangeError.
//
// Only ids are held (41 bytes a commit), so listing a long history is cheap;
// CommitPatches then streams the commits themselves.
func (r *Repo) RevList(ctx context.Context, o LogOptions) ([]string, error) {
	revs, err := o.revArgs()
	if err != nil {
		return nil, err
	}
	args := append([]string{"rev-list"}, revs...)
	args = append(args, "--")
	args = append(args, o.Paths...)
	out, err := r.run(ctx, nil, args...)
	if err != nil {
		var ce *CommandError
		if errors.As(err, &ce) && isUnknownRevision(ce.Stderr) {
			return nil, &BadRangeError{Range: nonEmptyRange(o.Range), Git: strings.TrimPrefix(ce.Stderr, "fatal: ")}
		}
		return nil, fmt.Errorf("list the commits of %s: %w", nonEmptyRange(o.Range), err)
	}
	var shas []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if !isObjectID(l) {
				return nil, fmt.Errorf("list the commits of %s: git rev-list printed %q: expected a commit id", nonEmptyRange(o.Range), l)
			}
			shas = append(shas, l)
		}
	}
	return shas, nil
}

func nonEmptyRange(s string) string {
	if strings.TrimSpace(s) == "" {
		return "HEAD"
	}
	return s
}

// isUnknownRevision recognises git's messages for a revision or range it
// cannot resolve (and HEAD in a repository without commits).
func isUnknownRevision(stderr string) bool {
	for _, s := range []string{"unknown revision", "bad revision", "ambiguous argument", "Invalid symmetric difference", "Invalid revision range", "bad object"} {
		if strings.Contains(stderr, s) {
			return true
		}
	}
	return false
}

// CommitPatch is one commit and the change it made: against its first
// parent (for a merge too), or against the empty tree for a root commit.
type CommitPatch struct {
	Commit *Commit
	Files  []diff.File
}

// logFormat prints each commit as a header that starts a line with a NUL
// byte. No line of a patch can start with one (every hunk line starts with
// a space, "+", "-", "@" or "\", and file headers are git's own text), so
// the header is found without ambiguity whatever the files hold.
const logFormat = "--format=%x00%H%x00%h%x00%an%x00%ae%x00%aI%x00%P%x00%s%x00%B%x00"

// logFields is the number of NUL-terminated fields after the leading NUL.
const logFields = 8

// CommitPatches streams the commits named by shas, in that order, with their
// changes, through one `git log --no-walk --stdin -p` process, and calls fn
// for each. With paths, only the changes to those paths are included. fn may
// block (to bound how far reading runs ahead); an error from fn stops the
// stream and is returned. Memory holds one commit's patch at a time.
func (r *Repo) CommitPatches(ctx context.Context, shas, paths []string, fn func(CommitPatch) error) error {
	if len(shas) == 0 {
		return nil
	}
	for _, s := range shas {
		if !isObjectID(s) {
			return fmt.Errorf("read commits: %q is not a full commit id", s)
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	args := []string{"log", "--no-walk=unsorted", "--stdin", "--root", "--diff-merges=first-parent",
		"--no-show-signature", "--no-notes", "--encoding=UTF-8", logFormat}
	args = append(args, diffArgs[:]...)
	args = append(args, "--")
	args = append(args, paths...)
	cmd := r.command(ctx, r.root, args...)
	var stdin bytes.Buffer
	for _, s := range shas {
		stdin.WriteString(s + "\n")
	}
	cmd.Stdin = &stdin
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git log: %w", err)
	}
	var stderr strings.Builder
	cmd.Stderr = &limitedWriter{w: &stderr, n: 4096}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start git log: %w", err)
	}
	br := bufio.NewReaderSize(stdout, 256<<10)
	n := 0
	streamErr := readPatches(br, func(cp CommitPatch) error {
		if n >= len(shas) || cp.Commit.SHA != shas[n] {
			return fmt.Errorf("git log printed commit %s where %s was expected", cp.Commit.SHA, shaAt(shas, n))
		}
		n++
		return fn(cp)
	})
	if streamErr != nil {
		cancel() // stop git; Wait below reaps it
	}
	_, _ = io.Copy(io.Discard, br)
	waitErr := cmd.Wait()
	switch {
	case streamErr != nil:
		return streamErr
	case ctx.Err() != nil:
		return fmt.Errorf("git log: %w", ctx.Err())
	case waitErr != nil:
		return &CommandError{Args: args, Stderr: firstLine(stderr.String()), Err: waitErr}
	case n != len(shas):
		return fmt.Errorf("git log printed %d of %d commits", n, len(shas))
	}
	return nil
}

func shaAt(shas []string, i int) string {
	if i < len(shas) {
		return shas[i]
	}
	return "no more commits"
}

// readPatches splits git log's output into commits and parses each patch.
func readPatches(br *bufio.Reader, fn func(CommitPatch) error) error {
	first, err := br.ReadByte()
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read git log: %w", err)
	}
	if first != 0 {
		return fmt.Errorf("read git log: output does not start with a commit header")
	}
	for {
		c, err := readHeader(br)
		if err != nil {
			return err
		}
		var patch bytes.Buffer
		more := false
		for {
			b, err := br.Peek(1)
			if err == io.EOF {
				break
			}
			if err != nil {
				return fmt.Errorf("read git log: %w", err)
			}
			if b[0] == 0 {
				_, _ = br.ReadByte()
				more = true
				break
			}
			if err := copyLine(&patch, br); err != nil {
				return fmt.Errorf("read git log: %w", err)
			}
		}
		files, err := diff.Parse(&patch)
		if err != nil {
			return fmt.Errorf("diff of commit %s: parse `git log -p`: %w", c.ShortSHA, err)
		}
		if err := fn(CommitPatch{Commit: c, Files: files}); err != nil {
			return err
		}
		if !more {
			return nil
		}
	}
}

// copyLine copies one line, however long, with its newline; the last line
// may lack one.
func copyLine(w *bytes.Buffer, br *bufio.Reader) error {
	for {
		part, err := br.ReadSlice('\n')
		w.Write(part)
		switch {
		case err == nil, err == io.EOF:
			return nil
		case !errors.Is(err, bufio.ErrBufferFull):
			return err
		}
	}
}

// readHeader reads the fields of one commit header (the leading NUL is
// already read).
func readHeader(br *bufio.Reader) (*Commit, error) {
	var f [logFields]string
	for i := range f {
		s, err := br.ReadString(0)
		if err != nil {
			return nil, fmt.Errorf("read git log: commit header field %d: %w", i+1, unexpectedEOF(err))
		}
		f[i] = s[:len(s)-1]
	}
	if !isObjectID(f[0]) {
		return nil, fmt.Errorf("read git log: %q is not a commit id", f[0])
	}
	date, err := time.Parse(time.RFC3339, f[4])
	if err != nil {
		return nil, fmt.Errorf("read commit %s: author date: %w", f[0], err)
	}
	return &Commit{SHA: f[0], ShortSHA: f[1], Author: f[2], AuthorEmail: f[3], Date: date,
		Parents: strings.Fields(f[5]), Subject: f[6], Message: f[7]}, nil
}
