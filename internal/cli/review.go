package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/diff"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/gitx"
	"github.com/patchpatrol/patchpatrol/internal/pathglob"
	"github.com/patchpatrol/patchpatrol/internal/report"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

type reviewKind int

const (
	kindChanges reviewKind = iota
	kindMessage
	kindComplete
	kindCommit
)

func (a *app) reviewChangesCmd() *cobra.Command {
	o := &options{}
	cmd := &cobra.Command{
		Use:   "review-changes",
		Short: "Review the staged changes: exactly what `git commit` will record",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return a.review(cmd, o, kindChanges, "") },
	}
	addReviewFlags(cmd, o)
	return cmd
}

func (a *app) reviewMessageCmd() *cobra.Command {
	o := &options{}
	cmd := &cobra.Command{
		Use:   "review-message [COMMIT_MSG_FILE]",
		Short: "Review a commit message (default: the repository's COMMIT_EDITMSG)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.review(cmd, o, kindMessage, firstArg(args))
		},
	}
	addReviewFlags(cmd, o)
	return cmd
}

func (a *app) reviewCompleteCmd() *cobra.Command {
	o := &options{}
	cmd := &cobra.Command{
		Use:   "review-complete [COMMIT_MSG_FILE]",
		Short: "Review the staged changes and the commit message together",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.review(cmd, o, kindComplete, firstArg(args))
		},
	}
	addReviewFlags(cmd, o)
	return cmd
}

func (a *app) reviewCommitCmd() *cobra.Command {
	o := &options{}
	cmd := &cobra.Command{
		Use:   "review-commit REV",
		Short: "Review one past commit (soft unless --hard is given)",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return &UsageError{Err: errors.New("review-commit needs one revision, for example `patchpatrol review-commit HEAD`")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return a.review(cmd, o, kindCommit, args[0]) },
	}
	addReviewFlags(cmd, o)
	return cmd
}

func firstArg(args []string) string {
	if len(args) > 0 {
		return args[0]
	}
	return ""
}

// dirOf resolves --repo-path against the working directory; "" is the
// working directory itself.
func (a *app) dirOf(repoPath string) string {
	switch {
	case repoPath == "":
		return a.io.Dir
	case filepath.IsAbs(repoPath):
		return repoPath
	}
	return filepath.Join(a.io.Dir, repoPath)
}

// review runs one review command end to end.
func (a *app) review(cmd *cobra.Command, o *options, kind reviewKind, arg string) error {
	ctx := cmd.Context()
	repo, err := gitx.Open(ctx, a.dirOf(o.repoPath))
	if err != nil {
		return err
	}
	r, err := a.settings(cmd, repo.Root(), o)
	if err != nil {
		return err
	}
	if o.verbose {
		a.explain(r)
	}
	s := r.s
	req := &review.Request{Mode: s.Mode, Warnings: r.warnings}
	req.Policy, req.Warnings = policy(r, req.Warnings)
	if req.Baseline, err = a.loadBaseline(r, repo.Root()); err != nil { // baselines (baseline.go)
		return err
	}
	if kind == kindCommit {
		// A past commit is reviewed soft unless --hard is given, as in the
		// original PatchPatrol: the config's soft_mode is for hooks.
		req.Policy.Hard = r.hardSet
	}
	// The engines (engines.go), shared with audit.
	eng, err := a.newEngines(ctx, repo, s, kind != kindChanges)
	if err != nil {
		return err
	}
	defer eng.close()
	eng.apply(req)
	sec, dep := eng.sec, eng.dep

	nothingStaged := false
	var changed []diff.File // the change as git gave it, for the AI review
	switch kind {
	case kindChanges, kindComplete:
		files, err := repo.StagedDiff(ctx)
		if err != nil {
			return err
		}
		req.Target = "staged changes"
		nothingStaged = len(files) == 0
		changed = files
		if req.Units, req.Skipped, err = loadUnits(ctx, repo, files, ":", s.MaxFileSize, s.Exclude); err != nil {
			return err
		}
	}
	switch kind {
	case kindMessage, kindComplete:
		m, err := a.readMessage(ctx, repo, arg)
		if err != nil {
			return err
		}
		req.Message = m
		if kind == kindMessage {
			req.Target = "commit message"
		} else {
			req.Target = "staged changes and commit message"
		}
	case kindCommit:
		c, err := repo.Commit(ctx, arg)
		if err != nil {
			return err
		}
		files, err := repo.CommitDiff(ctx, c)
		if err != nil {
			return err
		}
		req.Target = fmt.Sprintf("commit %s %s", c.ShortSHA, oneLineSubject(c.Subject))
		changed = files
		if req.Units, req.Skipped, err = loadUnits(ctx, repo, files, c.SHA+":", s.MaxFileSize, s.Exclude); err != nil {
			return err
		}
		req.Message = &analysis.Message{Text: c.Message, Source: "commit " + c.ShortSHA}
	}
	if nothingStaged {
		fmt.Fprintln(a.io.Stderr, "patchpatrol: no staged changes: nothing to review. Stage files with `git add`, or review a commit with `patchpatrol review-commit HEAD`.")
	}
	res, err := review.Run(ctx, req)
	if err != nil {
		return err
	}
	// AI review (ai.go): after the embedded engine, whose result stands.
	var aiErr error
	if r.hasModel && !nothingStaged {
		st := &aiStage{a: a, r: r, o: o, repo: repo, sec: sec, files: changed, units: req.Units}
		if req.Message != nil {
			st.message = req.Message.Text
		}
		dry, err := st.run(ctx, res, &req.Policy)
		var inc *IncompleteError
		switch {
		case dry:
			return nil
		case errors.As(err, &inc):
			aiErr = err
		case err != nil:
			return err
		}
	}
	if nothingStaged {
		res.Coverage.Notes = append(res.Coverage.Notes, "nothing is staged")
		if r.hasModel {
			res.Coverage.Notes = append(res.Coverage.Notes, fmt.Sprintf("AI review with %s was not performed: there is nothing to review", r.model))
		}
	}
	a.result = res
	if err := a.write(res, r, o); err != nil {
		return err
	}
	if aiErr != nil {
		return aiErr
	}
	return advisoriesRequired(dep, s, req.Policy.Hard)
}

func oneLineSubject(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return fmt.Sprintf("%q", s)
}

// policy turns settings into the review policy, warning about rule ids the
// catalog does not know.
func policy(r *resolved, warnings []string) (review.Policy, []string) {
	s := r.s
	p := review.Policy{
		Threshold: s.Threshold, Hard: !s.SoftMode,
		Champion: s.Team.SecurityChampion, Compliance: s.Security.ComplianceFrameworks,
		MaxChangedLines: s.Quality.MaxChangedLines,
		Disabled:        map[string]bool{}, SeverityOverride: map[string]finding.Severity{},
	}
	if e := s.Team.EscalationThreshold; e.IsScore {
		p.EscalationScore = e.Score
	} else {
		p.EscalationSeverity = e.Severity
	}
	if p.Champion != "" && p.EscalationSeverity == finding.None && p.EscalationScore == 0 {
		p.EscalationSeverity = finding.High
	}
	for _, id := range s.Rules.Disable {
		if rule := rules.Lookup(id); rule != nil {
			p.Disabled[rule.ID] = true
		} else {
			warnings = append(warnings, fmt.Sprintf("rules.disable: unknown rule %q (see `patchpatrol rules`)", id))
		}
	}
	for id, sev := range s.Rules.Severity {
		if rule := rules.Lookup(id); rule != nil {
			p.SeverityOverride[rule.ID] = sev
		} else {
			warnings = append(warnings, fmt.Sprintf("rules.severity: unknown rule %q", id))
		}
	}
	for _, ig := range s.Rules.Ignore {
		p.Ignores = append(p.Ignores, review.PathIgnore{Glob: ig.Path, Codes: ig.Rules})
	}
	return p, warnings
}

// loadUnits reads the post-change content of each changed file from git
// (rev is ":" for the index, "<sha>:" for a commit) and lists what it skips.
func loadUnits(ctx context.Context, repo *gitx.Repo, files []diff.File, rev string, maxSize int64, exclude []string) ([]*analysis.Unit, []review.Skip, error) {
	var skipped []review.Skip
	var specs []string
	var keep []*diff.File
	for i := range files {
		f := &files[i]
		p := f.Path()
		switch {
		case f.Status == diff.Deleted:
			skipped = append(skipped, review.Skip{File: p, Reason: "deleted"})
		case f.IsSubmodule():
			skipped = append(skipped, review.Skip{File: p, Reason: "submodule"})
		case f.IsSymlink():
			skipped = append(skipped, review.Skip{File: p, Reason: "symlink"})
		case f.Binary:
			skipped = append(skipped, review.Skip{File: p, Reason: "binary"})
		case excluded(p, exclude):
			skipped = append(skipped, review.Skip{File: p, Reason: "excluded by config"})
		default:
			specs = append(specs, rev+p)
			keep = append(keep, f)
		}
	}
	if len(specs) == 0 {
		return nil, skipped, nil
	}
	blobs, err := repo.Blobs(ctx, specs, maxSize)
	if err != nil {
		return nil, nil, err
	}
	var units []*analysis.Unit
	for i, b := range blobs {
		f := keep[i]
		p := f.Path()
		switch {
		case b.TooLarge:
			skipped = append(skipped, review.Skip{File: p, Reason: fmt.Sprintf("larger than max_file_size (%d > %d bytes)", b.Size, maxSize)})
		case b.Missing:
			reason := b.Reason
			if reason == "" {
				reason = "not found in git"
			}
			skipped = append(skipped, review.Skip{File: p, Reason: reason})
		case isBinary(b.Data):
			skipped = append(skipped, review.Skip{File: p, Reason: "binary"})
		default:
			units = append(units, &analysis.Unit{Path: p, Content: b.Data, Lines: diff.NewLines(f)})
		}
	}
	return units, skipped, nil
}

// isBinary uses git's heuristic: a NUL byte in the first 8000 bytes.
func isBinary(b []byte) bool {
	if len(b) > 8000 {
		b = b[:8000]
	}
	return bytes.IndexByte(b, 0) >= 0
}

func excluded(p string, globs []string) bool {
	for _, g := range globs {
		if pathglob.Match(g, p) {
			return true
		}
	}
	return false
}

// readMessage reads the commit message file given, or the repository's
// COMMIT_EDITMSG.
func (a *app) readMessage(ctx context.Context, repo *gitx.Repo, file string) (*analysis.Message, error) {
	p := file
	if p == "" {
		mp, err := repo.MessagePath(ctx)
		if err != nil {
			return nil, err
		}
		p = mp
	} else if !filepath.IsAbs(p) {
		p = filepath.Join(a.io.Dir, p)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			if file == "" {
				return nil, &UsageError{Err: fmt.Errorf("no commit message to review: %s does not exist yet; pass the message file (as a commit-msg hook does) or run `git commit` first", p)}
			}
			return nil, &UsageError{Err: fmt.Errorf("commit message file %s does not exist: pass the path git gives the commit-msg hook", file)}
		}
		return nil, &UsageError{Err: fmt.Errorf("read commit message: %w", err)}
	}
	src := p
	if rel, err := filepath.Rel(repo.Root(), p); err == nil && !strings.HasPrefix(rel, "..") {
		src = filepath.ToSlash(rel)
	}
	return &analysis.Message{Text: string(b), Source: src}, nil
}

// write renders the result in the chosen format to stdout or --output.
func (a *app) write(res *review.Result, r *resolved, o *options) error {
	color := a.io.IsTerminal && !o.noColor && a.io.Getenv("NO_COLOR") == "" && o.output == ""
	rep, err := report.New(r.s.Format, report.Options{Color: color, Verbose: o.verbose, Quiet: o.quiet, ToolVersion: version()})
	if err != nil {
		return &UsageError{Err: err}
	}
	var w io.Writer = a.io.Stdout
	if o.output != "" {
		p := o.output
		if !filepath.IsAbs(p) {
			p = filepath.Join(a.io.Dir, p)
		}
		f, err := os.Create(p)
		if err != nil {
			return &UsageError{Err: fmt.Errorf("write report: %w", err)}
		}
		defer f.Close()
		w = f
	}
	if err := rep.Write(w, res); err != nil {
		return fmt.Errorf("write %s report: %w", r.s.Format, err)
	}
	if o.output != "" {
		fmt.Fprintf(a.io.Stderr, "patchpatrol: %s: %s report written to %s\n", verdictLine(res), r.s.Format, o.output)
	}
	return nil
}

func verdictLine(res *review.Result) string {
	state := "approved"
	switch {
	case res.Blocked():
		state = "blocked"
	case !res.Approved:
		state = "not approved (soft mode)"
	}
	return fmt.Sprintf("%s, score %.2f, %d file(s) reviewed, %d skipped", state, res.Score,
		res.Coverage.FilesReviewed, len(res.Coverage.FilesSkipped))
}
