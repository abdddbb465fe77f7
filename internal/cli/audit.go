package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/audit"
	"github.com/patchpatrol/patchpatrol/internal/gitx"
	"github.com/patchpatrol/patchpatrol/internal/report"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// defaultAuditCount is how many commits an audit reviews when nothing
// selects them: the last ten on HEAD.
const defaultAuditCount = 10

// auditOptions are audit's flags on top of the review flags.
type auditOptions struct {
	options
	max                  int
	since, until, author string
	shard                string
	jobs                 int
}

func (a *app) auditCmd() *cobra.Command {
	o := &auditOptions{}
	cmd := &cobra.Command{
		Use:   "audit [RANGE] [-- PATHS...]",
		Short: "Review every commit of a range of history and report on them together",
		Long: `audit reviews each commit of a range as review-commit would (a merge against
its first parent, a root commit against the empty tree), several at a time,
and writes one report: commits analyzed, findings by severity, CWE, OWASP
category, file and author, the trend per day or week, and the riskiest
commits.

RANGE is anything git log takes (main..HEAD, v1.2.0..v1.3.0, HEAD~50); without
RANGE, -n, --since or --until it is the last 10 commits on HEAD. Paths after
"--" keep only the commits that touch them, and only their changes to them.

--shard i/n reviews only the commits whose id hashes to shard i of n, so n CI
jobs can split a long history; "patchpatrol merge" joins their JSON reports
into the report of the whole range.

Like review-commit, an audit is soft unless --hard is given: with --hard it
exits 1 when any commit is not approved.`,
		Args: func(cmd *cobra.Command, args []string) error {
			revs := args
			if dash := cmd.ArgsLenAtDash(); dash >= 0 {
				revs = args[:dash]
			}
			if len(revs) > 1 {
				return &UsageError{Err: fmt.Errorf("audit takes one range, got %q: write it as one argument, such as main..HEAD, and put paths after --", strings.Join(revs, " "))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			rng, paths := "", []string(nil)
			if dash := cmd.ArgsLenAtDash(); dash >= 0 {
				paths = args[dash:]
				args = args[:dash]
			}
			if len(args) == 1 {
				rng = args[0]
			}
			return a.audit(cmd, o, rng, paths)
		},
	}
	addReviewFlags(cmd, &o.options)
	f := cmd.Flags()
	f.IntVarP(&o.max, "max-count", "n", 0, "review at most this many commits, the newest (default 10 when no range, --since or --until is given)")
	f.StringVar(&o.since, "since", "", "only commits authored after this date (2024-01-31, 2024-01-31T12:00:00Z, \"2 weeks ago\")")
	f.StringVar(&o.until, "until", "", "only commits authored before this date")
	f.StringVar(&o.author, "author", "", "only commits whose author (name or e-mail) matches this pattern")
	f.StringVar(&o.shard, "shard", "", "review only shard i of n (1-based, such as 2/4); merge the shards' JSON with `patchpatrol merge`")
	f.IntVarP(&o.jobs, "jobs", "j", 0, "commits reviewed at once (default: the number of CPUs)")
	return cmd
}

// dateArg accepts the dates git understands that are not ambiguous: ISO
// dates and times, and relative ones such as "2 weeks ago" or "yesterday".
var (
	isoDate      = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$`)
	relativeDate = regexp.MustCompile(`^(\d+|an?|one)[ .]+(second|minute|hour|day|week|month|year)s?[ .]+ago$`)
)

func checkDate(flag, v string) error {
	s := strings.ToLower(strings.TrimSpace(v))
	if s == "" || isoDate.MatchString(s) || relativeDate.MatchString(s) {
		return nil
	}
	switch s {
	case "now", "today", "yesterday", "noon", "midnight":
		return nil
	}
	return &UsageError{Err: fmt.Errorf("--%s %q: not a date: use a date like 2024-01-31 (or 2024-01-31T12:00:00Z) or a relative one like \"2 weeks ago\"", flag, v)}
}

// auditJob is one commit on its way through the workers.
type auditJob struct {
	index int // position in the list of commits
	cp    gitx.CommitPatch
}

// auditOutcome is what a worker leaves for one commit.
type auditOutcome struct {
	commit  audit.Commit
	skipped string // why the commit could not be reviewed; "" when it was
	ok      bool
}

func (a *app) audit(cmd *cobra.Command, o *auditOptions, rng string, paths []string) error {
	ctx := cmd.Context()
	sh, err := audit.ParseShard(o.shard)
	if err != nil {
		return &UsageError{Err: err}
	}
	switch {
	case o.max < 0:
		return &UsageError{Err: fmt.Errorf("-n %d: the number of commits must be positive", o.max)}
	case o.jobs < 0:
		return &UsageError{Err: fmt.Errorf("--jobs %d: must be positive (0: the number of CPUs)", o.jobs)}
	case o.dryRun:
		return &UsageError{Err: errors.New("audit does not support --dry-run: see what a model would be sent for one commit with `patchpatrol review-commit REV --model M --dry-run`")}
	}
	if err := checkDate("since", o.since); err != nil {
		return err
	}
	if err := checkDate("until", o.until); err != nil {
		return err
	}
	if strings.HasPrefix(rng, "-") {
		return &UsageError{Err: fmt.Errorf("%q is not a range: use a range like main..HEAD", rng)}
	}
	repo, err := gitx.Open(ctx, a.dirOf(o.repoPath))
	if err != nil {
		return err
	}
	r, err := a.settings(cmd, repo.Root(), &o.options)
	if err != nil {
		return err
	}
	if o.verbose {
		a.explain(r)
	}
	s := r.s
	base := &review.Request{Mode: s.Mode}
	var warnings []string
	base.Policy, warnings = policy(r, r.warnings)
	// Past commits are reviewed soft unless --hard is given, as review-commit does.
	base.Policy.Hard = r.hardSet
	if base.Baseline, err = a.loadBaseline(r, repo.Root()); err != nil { // baselines (baseline.go)
		return err
	}
	eng, err := a.newEngines(ctx, repo, s, true)
	if err != nil {
		return err
	}
	defer eng.close()
	eng.apply(base)

	sel := gitx.LogOptions{Range: rng, Max: o.max, Since: o.since, Until: o.until, Author: o.author, Paths: paths}
	defaulted := rng == "" && o.max == 0 && o.since == "" && o.until == ""
	if defaulted {
		sel.Max = defaultAuditCount
	}
	all, err := repo.RevList(ctx, sel)
	if err != nil {
		var br *gitx.BadRangeError
		if errors.As(err, &br) {
			if has, herr := repo.HasHead(ctx); herr == nil && !has {
				return &UsageError{Err: errors.New("nothing to audit: the repository has no commits yet; review staged changes with `patchpatrol review-changes`")}
			}
			return &UsageError{Err: err}
		}
		return err
	}
	var shas []string
	for _, id := range all {
		if sh.Has(id) {
			shas = append(shas, id)
		}
	}

	workers := o.jobs
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	bar := a.newAuditBar(len(shas))
	outcomes, err := a.auditCommits(ctx, repo, r, &o.options, eng, base, warnings, shas, paths, workers, bar)
	bar.done()
	if err != nil {
		return err
	}

	doc := &audit.Document{Summary: audit.Summary{Range: describeSelection(sel), Mode: string(s.Mode), Shard: sh.String()}}
	var skippedNotes []string
	var incomplete []string
	for i := range outcomes {
		oc := &outcomes[i]
		switch {
		case oc.skipped != "":
			doc.Summary.CommitsSkipped++
			skippedNotes = append(skippedNotes, fmt.Sprintf("commit %s not reviewed: %s", oc.commit.ShortSHA, oc.skipped))
		case oc.ok:
			doc.Commits = append(doc.Commits, oc.commit)
			if r.hasModel && !hasAIEngine(oc.commit.Result) {
				incomplete = append(incomplete, oc.commit.ShortSHA)
			}
		}
	}
	notes := auditNotes(r, sel, defaulted, len(all))
	notes = append(notes, skippedNotes...)
	sort.Strings(notes)
	doc.Summary.Notes = notes
	audit.SortCommits(doc.Commits)
	audit.Summarize(&doc.Summary, doc.Commits)
	for i := range doc.Commits {
		if res := doc.Commits[i].Result; res.Blocked() {
			a.result = res // decides the exit code: 1 in hard mode
			break
		}
	}
	if err := a.writeAudit(doc, r, &o.options); err != nil {
		return err
	}
	hard := base.Policy.Hard
	switch {
	case hard && doc.Summary.CommitsSkipped > 0:
		return &IncompleteError{Err: fmt.Errorf("%d commit(s) could not be reviewed (see the notes): the audit is incomplete", doc.Summary.CommitsSkipped)}
	case hard && s.RequireAI && len(incomplete) > 0:
		return &IncompleteError{Err: fmt.Errorf("the AI review is required (--require-ai or require_ai) but is incomplete for %d commit(s) (%s): "+
			"fix the model connection (`patchpatrol test-connection`) or drop --require-ai", len(incomplete), strings.Join(firstN(incomplete, 5), ", "))}
	}
	return advisoriesRequired(eng.dep, s, hard)
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func hasAIEngine(res *review.Result) bool {
	for _, e := range res.Coverage.Engines {
		if strings.HasPrefix(e, "ai:") {
			return true
		}
	}
	return false
}

// auditNotes says what the audit covered. They depend only on the
// selection and the settings, never on the shard, so every shard writes the
// same notes and merged shards keep one copy.
func auditNotes(r *resolved, sel gitx.LogOptions, defaulted bool, total int) []string {
	var notes []string
	if defaulted {
		notes = append(notes, fmt.Sprintf("no range given: the last %d commits on HEAD were selected; pass a range (main..HEAD), -n or --since for more", defaultAuditCount))
	}
	if total == 0 {
		notes = append(notes, "no commits matched the selection")
	}
	if len(sel.Paths) > 0 {
		notes = append(notes, "only changes to "+strings.Join(sel.Paths, ", ")+" were reviewed")
	}
	if r.hasModel {
		notes = append(notes, fmt.Sprintf("every commit was reviewed by the embedded engine and by the AI model %s; each commit's coverage says whether its AI review completed", r.model))
	} else {
		notes = append(notes, "reviewed by the embedded engine only (no AI model configured)")
	}
	return notes
}

// describeSelection writes the selection as git arguments: "HEAD -n 10",
// "main..HEAD --since 2024-01-01 -- src".
func describeSelection(sel gitx.LogOptions) string {
	parts := []string{strings.TrimSpace(sel.Range)}
	if parts[0] == "" {
		parts[0] = "HEAD"
	}
	if sel.Max > 0 {
		parts = append(parts, fmt.Sprintf("-n %d", sel.Max))
	}
	for _, x := range []struct{ flag, v string }{{"--since", sel.Since}, {"--until", sel.Until}, {"--author", sel.Author}} {
		if x.v != "" {
			parts = append(parts, x.flag+" "+quoteArg(x.v))
		}
	}
	if len(sel.Paths) > 0 {
		parts = append(parts, "--")
		for _, p := range sel.Paths {
			parts = append(parts, quoteArg(p))
		}
	}
	return strings.Join(parts, " ")
}

func quoteArg(s string) string {
	if s == "" || strings.ContainsAny(s, " \t\"'\\") {
		return fmt.Sprintf("%q", s)
	}
	return s
}

// auditCommits streams the commits through a bounded pool of workers. The
// reader runs at most a few commits ahead of the workers, and each worker
// keeps only the review result of its commit (findings and coverage), never
// the file contents, so memory stays bounded however long the history.
func (a *app) auditCommits(ctx context.Context, repo *gitx.Repo, r *resolved, o *options, eng *engines,
	base *review.Request, warnings []string, shas, paths []string, workers int, bar *auditBar) ([]auditOutcome, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	outcomes := make([]auditOutcome, len(shas))
	jobs := make(chan auditJob, workers)
	var (
		mu       sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
		cancel()
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range jobs {
				oc, err := a.auditOne(ctx, repo, r, o, eng, base, warnings, job.cp)
				if err != nil {
					fail(err)
					continue
				}
				outcomes[job.index] = oc
				bar.add(1)
			}
		}()
	}
	i := 0
	err := repo.CommitPatches(ctx, shas, paths, func(cp gitx.CommitPatch) error {
		select {
		case jobs <- auditJob{index: i, cp: cp}:
			i++
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err != nil {
		if ctx.Err() != nil && errors.Is(err, context.Canceled) {
			return nil, context.Canceled
		}
		return nil, fmt.Errorf("audit: %w", err)
	}
	return outcomes, nil
}

// auditOne reviews one commit as review-commit does. A commit whose review
// fails for a reason of its own is reported as skipped; an interruption or a
// failing git stops the audit.
func (a *app) auditOne(ctx context.Context, repo *gitx.Repo, r *resolved, o *options, eng *engines,
	base *review.Request, warnings []string, cp gitx.CommitPatch) (auditOutcome, error) {
	c := cp.Commit
	s := r.s
	entry := audit.Commit{SHA: c.SHA, ShortSHA: c.ShortSHA, Author: c.Author, Email: c.AuthorEmail,
		Date: c.Date.Format(time.RFC3339), Subject: c.Subject}
	req := *base // engines, policy, baseline and redaction are shared
	req.Warnings = append([]string{}, warnings...)
	req.Target = fmt.Sprintf("commit %s %s", c.ShortSHA, oneLineSubject(c.Subject))
	units, skipped, err := loadUnits(ctx, repo, cp.Files, c.SHA+":", s.MaxFileSize, s.Exclude)
	if err != nil {
		if ctx.Err() != nil {
			return auditOutcome{}, ctx.Err()
		}
		return auditOutcome{}, fmt.Errorf("commit %s: %w", c.ShortSHA, err)
	}
	req.Units, req.Skipped = units, skipped
	req.Message = &analysis.Message{Text: c.Message, Source: "commit " + c.ShortSHA}
	res, err := review.Run(ctx, &req)
	if err != nil {
		if ctx.Err() != nil {
			return auditOutcome{}, ctx.Err()
		}
		return auditOutcome{commit: entry, skipped: err.Error()}, nil
	}
	if r.hasModel {
		st := &aiStage{a: a, r: r, o: o, repo: repo, sec: eng.sec, files: cp.Files, units: units, message: c.Message}
		if _, err := st.run(ctx, res, &req.Policy); err != nil {
			var inc *IncompleteError
			if !errors.As(err, &inc) {
				return auditOutcome{}, fmt.Errorf("commit %s: %w", c.ShortSHA, err)
			}
		}
	}
	entry.Result = res
	return auditOutcome{commit: entry, ok: true}, nil
}

// writeAudit renders the audit to stdout or --output.
func (a *app) writeAudit(doc *audit.Document, r *resolved, o *options) error {
	return a.writeAuditAs(doc, r.s.Format, o)
}

func (a *app) writeAuditAs(doc *audit.Document, format string, o *options) error {
	color := a.io.IsTerminal && !o.noColor && a.io.Getenv("NO_COLOR") == "" && o.output == ""
	opts := report.Options{Color: color, Verbose: o.verbose, Quiet: o.quiet, ToolVersion: version()}
	w, closeOut, err := a.openOutput(o.output)
	if err != nil {
		return err
	}
	werr := report.WriteAudit(w, format, doc, opts)
	if cerr := closeOut(); werr == nil && cerr != nil {
		werr = fmt.Errorf("write %s: %w", o.output, cerr)
	}
	if werr != nil {
		if strings.HasPrefix(werr.Error(), "unknown audit format") {
			return &UsageError{Err: werr}
		}
		return fmt.Errorf("write %s audit report: %w", format, werr)
	}
	if o.output != "" {
		s := &doc.Summary
		fmt.Fprintf(a.io.Stderr, "patchpatrol: audit: %d commit(s) analyzed, %d with findings, %d issue(s): %s report written to %s\n",
			s.CommitsAnalyzed, s.CommitsWithFindings, s.FindingsTotal, format, o.output)
	}
	return nil
}

// openOutput opens --output (relative to the working directory), or returns
// standard output.
func (a *app) openOutput(output string) (io.Writer, func() error, error) {
	if output == "" {
		return a.io.Stdout, func() error { return nil }, nil
	}
	p := output
	if !filepath.IsAbs(p) {
		p = filepath.Join(a.io.Dir, p)
	}
	f, err := os.Create(p)
	if err != nil {
		return nil, nil, &UsageError{Err: fmt.Errorf("write report: %w", err)}
	}
	return f, f.Close, nil
}

// auditBar draws a progress bar on standard error when it is a terminal,
// and nothing otherwise.
type auditBar struct {
	w     io.Writer
	total int
	start time.Time

	mu   sync.Mutex
	n    int
	last time.Time
}

func (a *app) newAuditBar(total int) *auditBar {
	f, ok := a.io.Stderr.(*os.File)
	if !ok || !isatty.IsTerminal(f.Fd()) || total == 0 {
		return nil
	}
	p := &auditBar{w: f, total: total, start: time.Now()}
	p.draw()
	return p
}

// add counts n more commits done; nil draws nothing.
func (p *auditBar) add(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n += n
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond || p.n == p.total {
		p.last = now
		p.draw()
	}
}

func (p *auditBar) draw() {
	fmt.Fprint(p.w, "\r"+auditProgressLine(p.n, p.total, time.Since(p.start), 30))
}

// done ends the bar's line.
func (p *auditBar) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.draw()
	fmt.Fprintln(p.w)
}

// auditProgressLine is "[#######.......]  120/1000 commits  41.2/s".
func auditProgressLine(n, total int, elapsed time.Duration, width int) string {
	filled := 0
	if total > 0 {
		filled = n * width / total
	}
	rate := 0.0
	if secs := elapsed.Seconds(); secs > 0 {
		rate = float64(n) / secs
	}
	return fmt.Sprintf("[%s%s] %*d/%d commits  %.1f/s", strings.Repeat("#", filled), strings.Repeat(".", width-filled),
		len(fmt.Sprint(total)), n, total, rate)
}
