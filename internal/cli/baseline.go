package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/baseline"
	"github.com/patchpatrol/patchpatrol/internal/config"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/gitx"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// addBaselineFlag adds --baseline to the review commands (options.go).
func addBaselineFlag(cmd *cobra.Command, o *options) {
	cmd.Flags().StringVar(&o.baseline, "baseline", "",
		"report only findings this baseline file does not accept (see `patchpatrol baseline create`; config key baseline)")
}

// loadBaseline reads the baseline the settings name, or returns nil when none
// is set. A path from the config file is relative to root (the repository
// root); one from --baseline or PATCHPATROL_BASELINE to the working directory.
func (a *app) loadBaseline(r *resolved, root string) (*baseline.Set, error) {
	p := r.s.Baseline
	if p == "" {
		return nil, nil
	}
	src := r.s.Sources["baseline"]
	abs := filepath.FromSlash(p)
	if !filepath.IsAbs(abs) {
		if strings.HasPrefix(string(src), "config:") {
			abs = filepath.Join(root, abs)
		} else {
			abs = filepath.Join(a.io.Dir, abs)
		}
	}
	name := p
	if rel, err := filepath.Rel(root, abs); err == nil && filepath.IsLocal(rel) {
		name = filepath.ToSlash(rel)
	}
	set, err := baseline.Load(abs, name)
	if err != nil {
		var be *baseline.Error
		if errors.As(err, &be) {
			be.Path = p
		}
		return nil, &UsageError{Err: fmt.Errorf("%w (set by %s)", err, sourceText(src))}
	}
	return set, nil
}

// scanBaseline is loadBaseline for scan, whose finding paths are relative to
// the working directory while a baseline's are relative to the repository
// root (or to root when it is not in a repository).
func (a *app) scanBaseline(ctx context.Context, r *resolved, root string) (*baseline.Set, error) {
	base := root
	if repo, err := gitx.Open(ctx, root); err == nil {
		base = repo.Root()
	}
	set, err := a.loadBaseline(r, base)
	if set == nil || err != nil {
		return set, err
	}
	if rel, err := filepath.Rel(base, a.io.Dir); err == nil && filepath.IsLocal(rel) {
		set = set.Under(filepath.ToSlash(rel))
	}
	return set, nil
}

// sourceText names where a setting came from, as a user would write it:
// "--baseline", "PATCHPATROL_BASELINE", "`baseline` in .patchpatrol.toml".
func sourceText(src config.Source) string {
	s := string(src)
	switch {
	case strings.HasPrefix(s, "flag:"):
		return strings.TrimPrefix(s, "flag:")
	case strings.HasPrefix(s, "env:"):
		return strings.TrimPrefix(s, "env:")
	case strings.HasPrefix(s, "config:"):
		return "`baseline` in " + strings.TrimPrefix(s, "config:")
	}
	return s
}

// baselineOptions are the flags of `baseline create`.
type baselineOptions struct {
	o        options // mode, config, repo-path, offline
	scan     bool
	output   string
	excludes []string
}

func (a *app) baselineCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "baseline",
		Short: "Accept the findings that exist today, so reviews report only new ones",
		Long: `A baseline file lists accepted findings by fingerprint (rule, path and the
normalized flagged line, so it survives code moving). Reviews, scans and audits
given --baseline FILE (or baseline = "FILE" in .patchpatrol.toml) report only
findings the baseline does not accept, and count the others as baselined.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return &UsageError{Err: fmt.Errorf("unknown baseline command %q: use `patchpatrol baseline create`", args[0])}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return &UsageError{Err: errors.New("baseline needs a command: `patchpatrol baseline create --scan .` accepts every finding in the tree")}
		},
	}
	cmd.AddCommand(a.baselineCreateCmd())
	return cmd
}

func (a *app) baselineCreateCmd() *cobra.Command {
	bo := &baselineOptions{}
	cmd := &cobra.Command{
		Use:   "create [RANGE | --scan [PATH...]]",
		Short: "Write a baseline of the findings in the tree (--scan) or introduced by a range of commits",
		Long: `create writes a baseline (default ` + baseline.DefaultPath + ` at the repository root).

  --scan [PATH...]  every finding in the files under PATH (default: the whole
                    work tree, as ` + "`patchpatrol scan`" + ` reads it). This is "accept
                    everything that exists today". Without RANGE, --scan is the default.
  RANGE             every finding the commits of RANGE introduced (as
                    ` + "`patchpatrol review-commit`" + ` reports them), e.g. main..HEAD.

Without --mode, findings of both modes (security and code-quality) are recorded,
so the baseline serves every review; with --mode, only that mode's.`,
		RunE: func(cmd *cobra.Command, args []string) error { return a.baselineCreate(cmd, bo, args) },
	}
	f := cmd.Flags()
	f.BoolVar(&bo.scan, "scan", false, "record every finding in the files under the given paths (default: the whole tree)")
	f.StringVarP(&bo.output, "output", "o", "", "write the baseline to this file (default "+baseline.DefaultPath+" at the repository root)")
	f.StringVar(&bo.o.mode, "mode", "", "record only this mode's findings: security or code-quality (default: both)")
	f.StringVar(&bo.o.repoPath, "repo-path", "", "git repository (default: the current directory)")
	f.StringVar(&bo.o.config, "config", "", "config file (default: .patchpatrol.toml or pyproject.toml [tool.patchpatrol] at the repository root)")
	f.BoolVar(&bo.o.offline, "offline", false, "check dependencies against the local advisory database only")
	f.StringArrayVar(&bo.excludes, "exclude", nil, "with --scan: skip paths matching this glob (repeatable)")
	return cmd
}

// baselineCreate writes a baseline from a scan or from a range of commits.
func (a *app) baselineCreate(cmd *cobra.Command, bo *baselineOptions, args []string) error {
	ctx := cmd.Context()
	dir := a.dirOf(bo.o.repoPath)
	rangeMode := !bo.scan && len(args) > 0
	repo, repoErr := gitx.Open(ctx, dir)
	if repoErr != nil && rangeMode {
		return repoErr
	}
	if rangeMode && len(bo.excludes) > 0 {
		return &UsageError{Err: errors.New("--exclude applies to --scan only: drop it, or use `patchpatrol baseline create --scan PATH... --exclude GLOB`")}
	}
	// Paths in a baseline are relative to the repository root (the
	// directory itself outside a repository), as reviews report them.
	base := dir
	if repoErr == nil {
		base = repo.Root()
	}
	r, err := a.settings(cmd, base, &bo.o)
	if err != nil {
		return err
	}
	pol, warnings := policy(r, r.warnings)
	for _, w := range warnings {
		fmt.Fprintln(a.io.Stderr, "patchpatrol: warning: "+w)
	}
	modes := []review.Mode{r.s.Mode}
	if r.s.Sources["mode"] == config.SourceDefault {
		modes = []review.Mode{review.ModeSecurity, review.ModeQuality}
	}
	s := r.s
	// One set of engines per mode: the dependency engine runs in security
	// mode only, and the Python engine computes only its mode's findings.
	engs := make([]*engines, len(modes))
	for i, m := range modes {
		ms := *s
		ms.Mode = m
		e, err := a.newEngines(ctx, nil, &ms, false)
		if err != nil {
			return err
		}
		defer e.close()
		engs[i] = e
	}
	run := func(target string, units []*analysis.Unit, skipped []review.Skip) ([]*review.Result, error) {
		var out []*review.Result
		for i, m := range modes {
			req := &review.Request{Mode: m, Target: target, Units: units, Skipped: skipped, Policy: pol}
			engs[i].apply(req)
			res, err := review.Run(ctx, req)
			if err != nil {
				return nil, err
			}
			out = append(out, res)
		}
		return out, nil
	}

	var b *baseline.File
	var what string
	if rangeMode {
		rng := strings.Join(args, " ")
		shas, err := repo.RevList(ctx, gitx.LogOptions{Range: rng})
		var bad *gitx.BadRangeError
		switch {
		case errors.As(err, &bad):
			return &UsageError{Err: fmt.Errorf("unknown revision or range %q (git: %s): use a range like main..HEAD, "+
				"or `patchpatrol baseline create --scan` to accept every finding in the tree", rng, bad.Git)}
		case err != nil:
			return err
		case len(shas) == 0:
			return &UsageError{Err: fmt.Errorf("%s names no commits: use a range like main..HEAD, "+
				"or `patchpatrol baseline create --scan` to accept every finding in the tree", rng)}
		}
		b = baseline.New(nil, "commits "+rng, time.Now())
		for _, sha := range shas {
			c, err := repo.Commit(ctx, sha)
			if err != nil {
				return err
			}
			files, err := repo.CommitDiff(ctx, c)
			if err != nil {
				return err
			}
			units, skipped, err := loadUnits(ctx, repo, files, c.SHA+":", s.MaxFileSize, s.Exclude)
			if err != nil {
				return err
			}
			results, err := run("commit "+c.ShortSHA, units, skipped)
			if err != nil {
				return err
			}
			for _, res := range results {
				b.Add(introduced(res.Findings))
			}
		}
		what = fmt.Sprintf("introduced by %d %s in %s", len(shas), plural(len(shas), "commit", "commits"), rng)
	} else {
		paths := args
		if len(paths) == 0 {
			paths = []string{"."}
		}
		// Walk from the base so the paths come out relative to it.
		rel := make([]string, len(paths))
		for i, p := range paths {
			abs := p
			if !filepath.IsAbs(abs) {
				abs = filepath.Join(a.io.Dir, p)
			}
			rel[i] = abs
			if rp, err := filepath.Rel(base, abs); err == nil && filepath.IsLocal(rp) {
				rel[i] = rp
			}
		}
		walker := &app{io: a.io}
		walker.io.Dir = base
		files, skipped, err := walker.collect(ctx, rel, append(append([]string{}, bo.excludes...), s.Exclude...))
		if err != nil {
			return err
		}
		units, more, err := readFiles(ctx, files, s.MaxFileSize)
		if err != nil {
			return err
		}
		skipped = append(skipped, more...)
		results, err := run("scan of "+strings.Join(paths, " "), units, skipped)
		if err != nil {
			return err
		}
		b = baseline.New(nil, "scan of "+strings.Join(paths, " "), time.Now())
		for _, res := range results {
			b.Add(res.Findings)
		}
		what = fmt.Sprintf("in %d %s scanned", len(units), plural(len(units), "file", "files"))
		if len(skipped) > 0 {
			what += fmt.Sprintf(" (%d skipped)", len(skipped))
		}
	}

	out := filepath.Join(base, baseline.DefaultPath)
	if bo.output != "" {
		out = bo.output
		if !filepath.IsAbs(out) {
			out = filepath.Join(a.io.Dir, out)
		}
	}
	if err := b.WriteFile(out); err != nil {
		return &UsageError{Err: fmt.Errorf("write baseline %s: %w: choose a writable path with -o", out, err)}
	}
	shown := out
	if rp, err := filepath.Rel(base, out); err == nil && filepath.IsLocal(rp) {
		shown = filepath.ToSlash(rp)
	}
	modeNames := make([]string, len(modes))
	for i, m := range modes {
		modeNames[i] = string(m)
	}
	n := len(b.Findings)
	fmt.Fprintf(a.io.Stdout, "patchpatrol: wrote %s: %d %s accepted%s, %s (%s)\n", shown, n,
		plural(n, "finding", "findings"), bySeverity(b.Findings), what, strings.Join(modeNames, " and "))
	fmt.Fprintf(a.io.Stdout, "Review with --baseline %s, or set baseline = %q in .patchpatrol.toml, to report only new findings.\n", shown, shown)
	return nil
}

// introduced returns the findings a commit introduced (active in it) and
// every other unsuppressed copy of the same rule and line in the same file:
// a copy added above an older one takes the older one's occurrence index, so
// the baseline must hold the whole group for the count to come out right.
func introduced(fs []finding.Finding) []finding.Finding {
	key := func(f *finding.Finding) string {
		return f.RuleID + "\x00" + f.Path + "\x00" + finding.NormalizeSnippet(f.Snippet)
	}
	keys := map[string]bool{}
	for i := range fs {
		if fs[i].Active() {
			keys[key(&fs[i])] = true
		}
	}
	var out []finding.Finding
	for i := range fs {
		if fs[i].Suppressed == nil && keys[key(&fs[i])] {
			out = append(out, fs[i])
		}
	}
	return out
}

// bySeverity summarises entries: " (1 CRITICAL, 2 HIGH)", or "" when empty.
func bySeverity(es []baseline.Entry) string {
	n := map[string]int{}
	for _, e := range es {
		n[e.Severity]++
	}
	if len(n) == 0 {
		return ""
	}
	names := make([]string, 0, len(n))
	for k := range n {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return sevRank(names[i]) > sevRank(names[j]) })
	parts := make([]string, len(names))
	for i, k := range names {
		parts[i] = fmt.Sprintf("%d %s", n[k], k)
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

func sevRank(s string) int {
	v, err := finding.ParseSeverity(s)
	if err != nil {
		return -1
	}
	return int(v)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
