package review

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/baseline"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/pool"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// BatchAnalyzer is an engine that analyses all units together (the Python
// engine, whose summaries cross files). Review prefers it over Analyze.
type BatchAnalyzer interface {
	AnalyzeBatch(ctx context.Context, units []*analysis.Unit) ([]analysis.Report, error)
}

// Request is everything one review needs. The caller reads the units from
// git; review never does I/O of its own.
type Request struct {
	Target   string
	Mode     Mode
	Units    []*analysis.Unit
	Message  *analysis.Message
	Skipped  []Skip
	Engines  []analysis.Analyzer
	Messages []analysis.MessageAnalyzer
	Policy   Policy
	// Redact masks secrets in any text a finding carries (snippets,
	// messages). Nil leaves text as the engines wrote it.
	Redact func(string) string
	// Warnings are passed through to the result (config warnings, ...).
	Warnings []string
	// Concurrency bounds the files analysed at once; 0 means GOMAXPROCS.
	Concurrency int
	// Baseline, when set, accepts known findings: they are suppressed with
	// kind "baseline" and counted in Coverage.Baselined (baselines).
	Baseline *baseline.Set
}

// Policy is how findings turn into a verdict: thresholds and overrides
// belong here, not in the rules.
type Policy struct {
	Threshold float64 // approval threshold; negative means DefaultThreshold(mode)
	Hard      bool
	// Champion is named in the result when an active finding reaches
	// EscalationSeverity, or the risk score reaches EscalationScore (>0).
	Champion           string
	EscalationSeverity finding.Severity
	EscalationScore    float64
	// Compliance limits compliance_impact to these frameworks (nil: all).
	Compliance []string
	// Disabled rule ids are dropped; SeverityOverride changes a rule's
	// severity.
	Disabled         map[string]bool
	SeverityOverride map[string]finding.Severity
	// Ignores suppress rules on paths matching a glob.
	Ignores []PathIgnore
	// MaxChangedLines above which PP809 reports an oversized change (0: 400).
	MaxChangedLines int
}

// PathIgnore suppresses findings of some rules (all when Codes is empty) in
// files whose path matches Glob.
type PathIgnore struct {
	Glob  string
	Codes []string
}

// DefaultThreshold is the approval threshold of a mode: risk at most 0.5 in
// security mode, quality at least 0.7 in code-quality mode.
func DefaultThreshold(m Mode) float64 {
	if m == ModeSecurity {
		return 0.5
	}
	return 0.7
}

// Run reviews a change.
func Run(ctx context.Context, req *Request) (*Result, error) {
	if req.Mode == "" {
		req.Mode = ModeQuality
	}
	res := &Result{Target: req.Target, Mode: req.Mode, Threshold: req.Policy.Threshold, Hard: req.Policy.Hard,
		Warnings: append([]string{}, req.Warnings...)}
	if res.Threshold < 0 {
		res.Threshold = DefaultThreshold(req.Mode)
	}
	cov := &res.Coverage
	cov.Engines = []string{"builtin"}
	cov.FilesSkipped = append([]Skip{}, req.Skipped...)
	cov.Files = []string{}
	cov.Notes = []string{}

	byPath := map[string]*analysis.Unit{}
	for _, u := range req.Units {
		byPath[u.Path] = u
		cov.Files = append(cov.Files, u.Path)
		cov.LinesAdded += u.Lines.Count()
	}
	cov.FilesReviewed = len(req.Units)

	all, notes, err := runEngines(ctx, req)
	if err != nil {
		return nil, err
	}
	cov.Notes = append(cov.Notes, notes...)
	if req.Message != nil {
		cov.MessageReviewed = true
		for _, ma := range req.Messages {
			rep, err := ma.AnalyzeMessage(ctx, req.Message)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", ma.Name(), err)
			}
			for _, f := range rep.Findings {
				f.Scope = finding.ScopeNone
				all = append(all, f)
			}
		}
	}
	if f, ok := oversized(req); ok {
		all = append(all, f)
	}
	if other := otherLanguages(req.Units); other != "" && req.Mode == ModeSecurity {
		cov.Notes = append(cov.Notes, other)
	}

	kept := all[:0]
	for _, f := range all {
		if !req.Mode.Wants(f.Kind) || req.Policy.Disabled[f.RuleID] {
			continue
		}
		if s, ok := req.Policy.SeverityOverride[f.RuleID]; ok {
			f.Severity = s
		}
		if u := byPath[f.Path]; u != nil {
			f.Scope = scopeOf(u, &f)
			suppress(u, &f, req.Policy.Ignores)
		}
		if req.Redact != nil {
			f.Snippet = req.Redact(f.Snippet)
			f.Message = req.Redact(f.Message)
		}
		if f.Engine == "" {
			f.Engine = "builtin"
		}
		kept = append(kept, f)
	}
	// Engines report concurrently: order the findings fully before dedupe
	// keeps the first of equals, so the result does not depend on timing.
	sort.SliceStable(kept, func(i, j int) bool { return findingLess(&kept[i], &kept[j]) })
	res.Findings = dedupe(kept)
	sortFindings(res.Findings)
	finding.AssignFingerprints(res.Findings)
	// Baselines: after fingerprints (computed over every finding of a file),
	// before the score, so accepted findings never count.
	if req.Baseline != nil {
		req.Baseline.Apply(res.Findings)
		for i := range res.Findings {
			if f := &res.Findings[i]; f.Suppressed != nil && f.Suppressed.Kind == baseline.Kind && f.Scope.InChange() {
				cov.Baselined++
			}
		}
		what := "findings"
		if cov.Baselined == 1 {
			what = "finding"
		}
		cov.Notes = append(cov.Notes, fmt.Sprintf("baseline %s: %d %s baselined (accepted earlier, not counted)",
			req.Baseline.Name(), cov.Baselined, what))
	}
	decide(res, &req.Policy)
	return res, nil
}

// runEngines runs every file engine over every unit, batch engines once and
// the others over a bounded pool of workers.
func runEngines(ctx context.Context, req *Request) ([]finding.Finding, []string, error) {
	var mu sync.Mutex
	var all []finding.Finding
	var notes []string
	collect := func(rep analysis.Report, path string) {
		mu.Lock()
		defer mu.Unlock()
		for _, f := range rep.Findings {
			if f.Path == "" {
				f.Path = path
			}
			all = append(all, f)
		}
		for _, n := range rep.Notes {
			notes = append(notes, n.Path+": "+n.Text)
		}
	}
	workers := req.Concurrency
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Engines run side by side: the Python engine's later waves leave
	// cores free that the secrets detector can use.
	errs := make([]error, len(req.Engines))
	var engines sync.WaitGroup
	for i, eng := range req.Engines {
		engines.Add(1)
		go func() {
			defer engines.Done()
			errs[i] = runEngine(ctx, eng, req.Units, workers, collect)
		}()
	}
	engines.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	sort.Strings(notes)
	return all, notes, nil
}

// runEngine runs one engine over the units: a batch engine in one call, the
// others over a bounded pool of workers.
func runEngine(ctx context.Context, eng analysis.Analyzer, units []*analysis.Unit, workers int, collect func(analysis.Report, string)) error {
	if b, ok := eng.(BatchAnalyzer); ok {
		reps, err := b.AnalyzeBatch(ctx, units)
		if err != nil {
			return fmt.Errorf("%s: %w", eng.Name(), err)
		}
		for i, rep := range reps {
			collect(rep, units[i].Path)
		}
		return nil
	}
	return pool.Each(ctx, len(units), workers, func(i int) error {
		u := units[i]
		rep, err := eng.Analyze(ctx, u)
		if err != nil {
			return fmt.Errorf("%s: %s: %w", eng.Name(), u.Path, err)
		}
		collect(rep, u.Path)
		return nil
	})
}

// scopeOf marks a finding against its file's changed lines: added when its
// range or any step of its data-flow trace in the same file touches an added
// line.
func scopeOf(u *analysis.Unit, f *finding.Finding) finding.Scope {
	if u.Lines == nil {
		return finding.ScopeNone
	}
	s := u.Lines.Scope(f.Line, f.EndLine)
	if s == finding.ScopeAdded {
		return s
	}
	for _, st := range f.Trace {
		if st.Path == "" && st.Line > 0 && u.Lines.Added(st.Line) {
			return finding.ScopeAdded
		}
	}
	return s
}

func oversized(req *Request) (finding.Finding, bool) {
	limit := req.Policy.MaxChangedLines
	if limit <= 0 {
		limit = 400
	}
	added, files := 0, 0
	for _, u := range req.Units {
		if u.Lines == nil || generated(u.Path) {
			continue
		}
		if n := u.Lines.Count(); n > 0 {
			added += n
			files++
		}
	}
	if added <= limit {
		return finding.Finding{}, false
	}
	f := rules.OversizedChange.NewFinding("", 0, 0,
		fmt.Sprintf("the change adds %d lines across %d files (limit %d); consider splitting it", added, files, limit))
	f.Engine = "builtin"
	return f, true
}

// generated reports lock files and other machine-written files that do not
// count toward the size of a change.
func generated(p string) bool {
	base := p[strings.LastIndexByte(p, '/')+1:]
	switch base {
	case "poetry.lock", "uv.lock", "Pipfile.lock", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "go.sum", "Cargo.lock":
		return true
	}
	return strings.HasSuffix(base, ".min.js") || strings.HasSuffix(base, "_pb2.py") || strings.Contains(p, "/migrations/")
}

// otherLanguages says which reviewed files only the secrets detector read.
func otherLanguages(units []*analysis.Unit) string {
	var names []string
	for _, u := range units {
		if u.Language() == "" {
			names = append(names, u.Path)
		}
	}
	if len(names) == 0 {
		return ""
	}
	shown := names
	if len(shown) > 5 {
		shown = shown[:5]
	}
	s := fmt.Sprintf("%d file(s) checked for secrets only, with no code analyzer for their language: %s", len(names), strings.Join(shown, ", "))
	if len(names) > 5 {
		s += fmt.Sprintf(" and %d more", len(names)-5)
	}
	return s
}

// dedupe keeps one finding per rule and location, and one credential finding
// per line when the password rule and the secrets detector both fire.
func dedupe(fs []finding.Finding) []finding.Finding {
	type key struct {
		path, group string
		line        int
	}
	best := map[key]int{}
	var out []finding.Finding
	for _, f := range fs {
		group := f.RuleID
		if f.CWE == 259 || f.CWE == 798 || f.CWE == 321 {
			group = "credential"
		}
		k := key{f.Path, group, f.Line}
		if i, ok := best[k]; ok {
			o := &out[i]
			if better(&f, o) {
				*o = f
			}
			continue
		}
		best[k] = len(out)
		out = append(out, f)
	}
	return out
}

// Dedupe orders findings and merges duplicates exactly as a review does, so
// that measurements of the engines (the corpus tests) see what a user sees.
func Dedupe(fs []finding.Finding) []finding.Finding {
	kept := append([]finding.Finding(nil), fs...)
	sort.SliceStable(kept, func(i, j int) bool { return findingLess(&kept[i], &kept[j]) })
	return dedupe(kept)
}

func better(a, b *finding.Finding) bool {
	if a.Active() != b.Active() {
		return a.Active()
	}
	if a.Severity != b.Severity {
		return a.Severity > b.Severity
	}
	if ca, cb := a.Confidence.Normalize(), b.Confidence.Normalize(); ca != cb {
		return ca > cb
	}
	// A hard-coded password (CWE-259) names the weakness more precisely than
	// the generic hard-coded credential (CWE-798) the secrets detector sees.
	return a.CWE == 259 && b.CWE == 798
}

func sortFindings(fs []finding.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.RuleID < b.RuleID
	})
}

// findingLess is a total order on findings for deterministic output.
func findingLess(a, b *finding.Finding) bool {
	switch {
	case a.Path != b.Path:
		return a.Path < b.Path
	case a.Line != b.Line:
		return a.Line < b.Line
	case a.Column != b.Column:
		return a.Column < b.Column
	case a.RuleID != b.RuleID:
		return a.RuleID < b.RuleID
	case a.Severity != b.Severity:
		return a.Severity > b.Severity
	case a.Confidence != b.Confidence:
		return a.Confidence > b.Confidence
	case a.Engine != b.Engine:
		return a.Engine < b.Engine
	}
	return a.Message < b.Message
}
