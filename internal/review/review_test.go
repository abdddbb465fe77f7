package review

import (
	"context"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/diff"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// fakeEngine reports the findings it is given for the file they name.
type fakeEngine struct{ fs []finding.Finding }

func (e *fakeEngine) Name() string { return "fake" }
func (e *fakeEngine) Analyze(_ context.Context, u *analysis.Unit) (analysis.Report, error) {
	var rep analysis.Report
	for _, f := range e.fs {
		if f.Path == u.Path {
			rep.Findings = append(rep.Findings, f)
		}
	}
	return rep, nil
}

func mk(r *rules.Rule, path string, line int, sev finding.Severity, conf finding.Confidence) finding.Finding {
	f := r.NewFinding(path, line, 1, "")
	f.Severity, f.Confidence = sev, conf
	return f
}

// linesAdded builds a diff index where the given lines were added.
func linesAdded(path string, added ...int) *diff.Lines {
	f := &diff.File{NewPath: path}
	h := diff.Hunk{}
	for _, n := range added {
		h.Lines = append(h.Lines, diff.Line{Kind: diff.Add, New: n})
	}
	f.Hunks = []diff.Hunk{h}
	return diff.NewLines(f)
}

func TestScore(t *testing.T) {
	H, M, L, C := finding.High, finding.Medium, finding.Low, finding.Critical
	ch, cm, cl := finding.ConfidenceHigh, finding.ConfidenceMedium, finding.ConfidenceLow
	cases := []struct {
		name string
		mode Mode
		fs   []finding.Finding
		want float64
	}{
		{"security clean", ModeSecurity, nil, 0},
		{"one high-confidence HIGH", ModeSecurity, []finding.Finding{mk(rules.SQLQueryBuilt, "a.py", 1, H, ch)}, 0.8},
		{"a CRITICAL of low confidence", ModeSecurity, []finding.Finding{mk(rules.SQLQueryBuilt, "a.py", 1, C, cl)}, 0.95},
		{"one MEDIUM medium-confidence", ModeSecurity, []finding.Finding{mk(rules.SQLQueryBuilt, "a.py", 1, M, cm)}, 0.34},
		{"two HIGH", ModeSecurity, []finding.Finding{mk(rules.SQLQueryBuilt, "a.py", 1, H, ch), mk(rules.SQLQueryBuilt, "a.py", 2, H, ch)}, 0.96},
		{"LOW low-confidence", ModeSecurity, []finding.Finding{mk(rules.SQLQueryBuilt, "a.py", 1, L, cl)}, 0.06},
		{"quality clean", ModeQuality, nil, 1},
		{"quality one HIGH", ModeQuality, []finding.Finding{mk(rules.DebuggerCall, "a.py", 1, H, ch)}, 0.68},
		{"quality one MEDIUM", ModeQuality, []finding.Finding{mk(rules.BareExcept, "a.py", 1, M, ch)}, 0.84},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Score(c.mode, c.fs); got != c.want {
				t.Errorf("Score = %v, want %v", got, c.want)
			}
		})
	}
}

func TestVerdicts(t *testing.T) {
	cases := []struct {
		name     string
		mode     Mode
		fs       []finding.Finding
		hard     bool
		approved bool
		verdict  Verdict
		blocked  bool
	}{
		{"clean security", ModeSecurity, nil, true, true, Approve, false},
		{"HIGH blocks in hard mode", ModeSecurity, []finding.Finding{mk(rules.SQLQueryBuilt, "a.py", 1, finding.High, finding.ConfidenceHigh)}, true, false, SecurityRisk, true},
		{"HIGH warns in soft mode", ModeSecurity, []finding.Finding{mk(rules.SQLQueryBuilt, "a.py", 1, finding.High, finding.ConfidenceHigh)}, false, false, SecurityRisk, false},
		{"MEDIUMs only: revise", ModeSecurity, []finding.Finding{
			mk(rules.WeakHash, "a.py", 1, finding.Medium, finding.ConfidenceHigh),
			mk(rules.WeakHash, "a.py", 2, finding.Medium, finding.ConfidenceHigh)}, true, false, Revise, true},
		{"one MEDIUM approved", ModeSecurity, []finding.Finding{mk(rules.WeakHash, "a.py", 1, finding.Medium, finding.ConfidenceMedium)}, true, true, Approve, false},
		{"quality revise", ModeQuality, []finding.Finding{
			mk(rules.DebuggerCall, "a.py", 1, finding.High, finding.ConfidenceHigh),
			mk(rules.DebuggerCall, "a.py", 2, finding.High, finding.ConfidenceHigh)}, true, false, Revise, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := run(t, c.mode, Policy{Threshold: -1, Hard: c.hard}, c.fs, nil)
			if res.Approved != c.approved || res.Verdict != c.verdict || res.Blocked() != c.blocked {
				t.Errorf("approved=%v verdict=%s blocked=%v score=%v; want %v %s %v", res.Approved, res.Verdict, res.Blocked(), res.Score, c.approved, c.verdict, c.blocked)
			}
		})
	}
}

func run(t *testing.T, mode Mode, p Policy, fs []finding.Finding, lines map[string]*diff.Lines) *Result {
	t.Helper()
	contents := map[string]string{}
	for _, f := range fs {
		if f.Path != "" {
			contents[f.Path] += ""
		}
	}
	var units []*analysis.Unit
	for p := range contents {
		units = append(units, &analysis.Unit{Path: p, Content: []byte(strings.Repeat("x = 1\n", 60)), Lines: lines[p]})
	}
	res, err := Run(context.Background(), &Request{Mode: mode, Units: units, Engines: []analysis.Analyzer{&fakeEngine{fs}}, Policy: p})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestScopeAndTrace(t *testing.T) {
	inChange := mk(rules.SQLQueryBuilt, "a.py", 10, finding.High, finding.ConfidenceHigh)
	outside := mk(rules.SQLQueryBuilt, "a.py", 30, finding.High, finding.ConfidenceHigh)
	viaTrace := mk(rules.OSCommandBuilt, "a.py", 40, finding.High, finding.ConfidenceHigh)
	viaTrace.Trace = []finding.Step{{Line: 5, Message: "source"}, {Line: 40, Message: "sink"}}
	res := run(t, ModeSecurity, Policy{Threshold: -1}, []finding.Finding{inChange, outside, viaTrace},
		map[string]*diff.Lines{"a.py": linesAdded("a.py", 5, 10)})
	got := map[int]finding.Scope{}
	for _, f := range res.Findings {
		got[f.Line] = f.Scope
	}
	if got[10] != finding.ScopeAdded || got[30] != finding.ScopeFile || got[40] != finding.ScopeAdded {
		t.Errorf("scopes = %v", got)
	}
	if len(res.Active()) != 2 || res.Coverage.OutsideChange != 1 {
		t.Errorf("active %d, outside %d", len(res.Active()), res.Coverage.OutsideChange)
	}
}

func TestSuppressions(t *testing.T) {
	src := strings.Join([]string{
		"import os",                                            // 1
		"cur.execute(q)  # nosec",                              // 2
		"cur.execute(q)  # nosec B608",                         // 3
		"cur.execute(q)  # nosec B602",                         // 4 (another rule: not suppressed)
		"cur.execute(q)  # noqa: S608",                         // 5
		"cur.execute(q)  # noqa",                               // 6 (bare noqa: not honoured)
		"# patchpatrol: ignore[CWE-89] table name is constant", // 7
		"cur.execute(q)",                                       // 8
		"cur.execute(q)  # patchpatrol: ignore[PP202]",         // 9 (wrong rule)
		"x = 1",                                 // 10
		"cur.execute(q)  # patchpatrol: ignore", // 11
	}, "\n")
	var fs []finding.Finding
	for _, l := range []int{2, 3, 4, 5, 6, 8, 9, 11} {
		fs = append(fs, mk(rules.SQLQueryBuilt, "a.py", l, finding.High, finding.ConfidenceHigh))
	}
	u := &analysis.Unit{Path: "a.py", Content: []byte(src)}
	res, err := Run(context.Background(), &Request{Mode: ModeSecurity, Units: []*analysis.Unit{u},
		Engines: []analysis.Analyzer{&fakeEngine{fs}}, Policy: Policy{Threshold: -1}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{2: "nosec", 3: "nosec", 4: "", 5: "noqa", 6: "", 8: "inline", 9: "", 11: "inline"}
	for _, f := range res.Findings {
		kind := ""
		if f.Suppressed != nil {
			kind = f.Suppressed.Kind
		}
		if kind != want[f.Line] {
			t.Errorf("line %d: suppression %q, want %q", f.Line, kind, want[f.Line])
		}
		if f.Line == 8 && f.Suppressed != nil && f.Suppressed.Justification != "table name is constant" {
			t.Errorf("justification %q", f.Suppressed.Justification)
		}
	}
	if res.Coverage.Suppressed != 5 {
		t.Errorf("suppressed count %d, want 5", res.Coverage.Suppressed)
	}
}

func TestPathIgnore(t *testing.T) {
	fs := []finding.Finding{mk(rules.HardcodedPassword, "tests/test_login.py", 3, finding.High, finding.ConfidenceMedium),
		mk(rules.SQLQueryBuilt, "tests/test_login.py", 4, finding.High, finding.ConfidenceHigh)}
	res := run(t, ModeSecurity, Policy{Threshold: -1, Ignores: []PathIgnore{{Glob: "tests/**", Codes: []string{"CWE-259"}}}}, fs, nil)
	for _, f := range res.Findings {
		if (f.RuleID == rules.HardcodedPassword.ID) != (f.Suppressed != nil) {
			t.Errorf("%s suppressed=%v", f.RuleID, f.Suppressed)
		}
	}
}

func TestDedupeCredential(t *testing.T) {
	pw := mk(rules.HardcodedPassword, "a.py", 3, finding.High, finding.ConfidenceMedium)
	secret := rules.HardcodedPassword.NewFinding("a.py", 3, 1, "")
	secret.RuleID, secret.CWE, secret.Severity, secret.Kind = "PP110", 798, finding.Critical, finding.KindSecret
	res := run(t, ModeSecurity, Policy{Threshold: -1}, []finding.Finding{pw, secret}, nil)
	if len(res.Findings) != 1 || res.Findings[0].RuleID != "PP110" {
		t.Errorf("dedupe kept %+v", res.Findings)
	}
}

func TestModeFilterAndChampion(t *testing.T) {
	fs := []finding.Finding{mk(rules.SQLQueryBuilt, "a.py", 1, finding.High, finding.ConfidenceHigh),
		mk(rules.BareExcept, "a.py", 2, finding.Medium, finding.ConfidenceHigh)}
	sec := run(t, ModeSecurity, Policy{Threshold: -1, Champion: "@sec", EscalationSeverity: finding.High, Compliance: []string{"pci-dss"}}, fs, nil)
	if len(sec.Findings) != 1 || sec.Findings[0].RuleID != rules.SQLQueryBuilt.ID {
		t.Errorf("security mode kept %v", sec.Findings)
	}
	if sec.Champion != "@sec" {
		t.Errorf("champion not named")
	}
	if len(sec.Compliance) != 1 || sec.Compliance[0] != finding.PCI {
		t.Errorf("compliance %v, want only PCI-DSS", sec.Compliance)
	}
	q := run(t, ModeQuality, Policy{Threshold: -1, Champion: "@sec", EscalationSeverity: finding.Critical}, fs, nil)
	if len(q.Findings) != 1 || q.Findings[0].RuleID != rules.BareExcept.ID || q.Champion != "" {
		t.Errorf("quality mode kept %v champion %q", q.Findings, q.Champion)
	}
}

func TestOversizedChange(t *testing.T) {
	var added []int
	for i := 1; i <= 450; i++ {
		added = append(added, i)
	}
	u := &analysis.Unit{Path: "big.py", Content: []byte("x = 1\n"), Lines: linesAdded("big.py", added...)}
	lock := &analysis.Unit{Path: "poetry.lock", Content: []byte("x"), Lines: linesAdded("poetry.lock", added...)}
	res, err := Run(context.Background(), &Request{Mode: ModeQuality, Units: []*analysis.Unit{u, lock}, Policy: Policy{Threshold: -1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].RuleID != rules.OversizedChange.ID || !strings.Contains(res.Findings[0].Message, "450 lines across 1 files") {
		t.Fatalf("findings %+v", res.Findings)
	}
	res, _ = Run(context.Background(), &Request{Mode: ModeQuality, Units: []*analysis.Unit{u}, Policy: Policy{Threshold: -1, MaxChangedLines: 1000}})
	if len(res.Findings) != 0 {
		t.Errorf("limit 1000 still reports")
	}
}

func TestCoverageAlwaysFilled(t *testing.T) {
	res, err := Run(context.Background(), &Request{Mode: ModeSecurity, Skipped: []Skip{{File: "logo.png", Reason: "binary"}}, Policy: Policy{Threshold: -1}})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Coverage
	if c.Files == nil || c.Notes == nil || len(c.Engines) == 0 || len(c.FilesSkipped) != 1 {
		t.Errorf("coverage %+v", c)
	}
	if !res.Approved || len(res.Comments) != 1 {
		t.Errorf("empty review: approved=%v comments=%v", res.Approved, res.Comments)
	}
}
