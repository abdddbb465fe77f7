package review

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// staticResult runs the review with a fake engine over app.py, where lines
// 3..6 were added, and util.py (line 2 added).
func staticResult(t *testing.T, mode Mode, fs ...finding.Finding) (*Result, []*analysis.Unit, *Policy) {
	t.Helper()
	units := []*analysis.Unit{
		{Path: "app.py", Content: []byte("import os\n\nx = 1\ny = input()\nos.system(y)\nprint(x)\n"), Lines: linesAdded("app.py", 3, 4, 5, 6)},
		{Path: "util.py", Content: []byte("def f():\n    return eval(s)\n"), Lines: linesAdded("util.py", 2)},
	}
	req := &Request{Mode: mode, Units: units, Engines: []analysis.Analyzer{&fakeEngine{fs: fs}},
		Policy: Policy{Threshold: -1, Hard: true}}
	res, err := Run(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	return res, units, &req.Policy
}

func aiFinding(path string, line, cwe int, sev finding.Severity, kind finding.Kind) finding.Finding {
	return finding.Finding{RuleID: "AI-CWE-78", Title: "model says", Kind: kind, Category: "injection", Severity: sev,
		CWE: cwe, Message: "command built from input", Path: path, Line: line}
}

func score(x float64) *float64 { return &x }

func TestMergeAI(t *testing.T) {
	high := mk(rules.SQLQueryBuilt, "app.py", 5, finding.High, finding.ConfidenceHigh)
	sec, qual := finding.KindSecurity, finding.KindQuality
	cases := []struct {
		name       string
		mode       Mode
		static     []finding.Finding
		ai         AIResult
		requireCWE bool
		verdict    Verdict
		approved   bool
		score      float64
		aiKept     int
		complete   bool
		comment    string // a comment that must be there
		warning    string
	}{
		{name: "injected approve cannot lower a static HIGH", mode: ModeSecurity, static: []finding.Finding{high},
			ai: AIResult{Score: score(0), Verdict: Approve, Comments: []string{"Approved as the code comment instructs."},
				FalsePositives: []FalsePositive{{Fingerprint: "FP", Reason: "the comment says it is safe"}},
				Reviewed:       []string{"app.py", "util.py"}},
			verdict: SecurityRisk, approved: false, score: 0.8, complete: true, comment: "likely false positive"},
		{name: "model adds a finding on an added line", mode: ModeSecurity,
			ai:      AIResult{Findings: []finding.Finding{aiFinding("util.py", 2, 95, finding.High, sec)}, Reviewed: []string{"app.py", "util.py"}},
			verdict: SecurityRisk, approved: false, score: 0.68, aiKept: 1, complete: true},
		{name: "finding on an unchanged line is dropped", mode: ModeSecurity,
			ai:      AIResult{Findings: []finding.Finding{aiFinding("app.py", 1, 78, finding.Critical, sec)}, Reviewed: []string{"app.py", "util.py"}},
			verdict: Approve, approved: true, score: 0, complete: true},
		{name: "finding in another file is dropped", mode: ModeSecurity,
			ai:      AIResult{Findings: []finding.Finding{aiFinding("other.py", 2, 78, finding.Critical, sec)}, Reviewed: []string{"app.py", "util.py"}},
			verdict: Approve, approved: true, score: 0, complete: true},
		{name: "no CWE with require_cwe_mapping is dropped", mode: ModeSecurity, requireCWE: true,
			ai:      AIResult{Findings: []finding.Finding{aiFinding("app.py", 5, 0, finding.High, sec)}, Reviewed: []string{"app.py", "util.py"}},
			verdict: Approve, approved: true, score: 0, complete: true},
		{name: "no CWE without require_cwe_mapping counts", mode: ModeSecurity,
			ai:      AIResult{Findings: []finding.Finding{aiFinding("app.py", 5, 0, finding.Critical, sec)}, Reviewed: []string{"app.py", "util.py"}},
			verdict: SecurityRisk, approved: false, score: 0.95, aiKept: 1, complete: true},
		{name: "duplicate of a static finding is not counted twice", mode: ModeSecurity, static: []finding.Finding{high},
			ai:      AIResult{Findings: []finding.Finding{aiFinding("app.py", 5, 89, finding.High, sec)}, Reviewed: []string{"app.py", "util.py"}},
			verdict: SecurityRisk, approved: false, score: 0.8, complete: true},
		{name: "security: the model's own score does not count", mode: ModeSecurity,
			ai:      AIResult{Score: score(0.99), Verdict: SecurityRisk, Reviewed: []string{"app.py", "util.py"}},
			verdict: Approve, approved: true, score: 0, complete: true},
		{name: "quality: the model's score can only lower quality", mode: ModeQuality,
			ai:      AIResult{Score: score(0.4), Verdict: Revise, Reviewed: []string{"app.py", "util.py"}},
			verdict: Revise, approved: false, score: 0.4, complete: true},
		{name: "quality: a high model score does not raise it", mode: ModeQuality,
			static:  []finding.Finding{mk(rules.DebuggerCall, "app.py", 4, finding.High, finding.ConfidenceHigh)},
			ai:      AIResult{Score: score(1), Verdict: Approve, Reviewed: []string{"app.py", "util.py"}},
			verdict: Revise, approved: false, score: 0.68, complete: true},
		{name: "quality: model quality finding counts", mode: ModeQuality,
			ai:      AIResult{Score: score(0.9), Findings: []finding.Finding{aiFinding("app.py", 6, 0, finding.High, qual)}, Reviewed: []string{"app.py", "util.py"}},
			verdict: Approve, approved: true, score: 0.73, aiKept: 1, complete: true},
		{name: "failure leaves the static result and warns", mode: ModeSecurity, static: []finding.Finding{high},
			ai:      AIResult{Err: errors.New("ollama: connection refused at http://127.0.0.1:11434")},
			verdict: SecurityRisk, approved: false, score: 0.8, warning: "AI REVIEW DID NOT HAPPEN"},
		{name: "partial review is incomplete", mode: ModeSecurity,
			ai:      AIResult{Reviewed: []string{"app.py"}, NotReviewed: []Skip{{File: "util.py", Reason: "AI review failed: 500"}}, Err: errors.New("one chunk failed")},
			verdict: Approve, approved: true, score: 0, complete: false, warning: "incomplete"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, units, p := staticResult(t, c.mode, c.static...)
			staticFindings := len(res.Findings)
			for i := range c.ai.FalsePositives {
				if c.ai.FalsePositives[i].Fingerprint == "FP" && len(res.Findings) > 0 {
					c.ai.FalsePositives[i].Fingerprint = res.Findings[0].Fingerprint
				}
			}
			c.ai.Engine = "ai:ollama:test"
			got := MergeAI(res, &c.ai, units, p, MergeOptions{RequireCWE: c.requireCWE})
			if res.Verdict != c.verdict || res.Approved != c.approved || res.Score != c.score {
				t.Errorf("verdict %s approved %v score %v; want %s %v %v", res.Verdict, res.Approved, res.Score, c.verdict, c.approved, c.score)
			}
			if n := len(res.Findings) - staticFindings; n != c.aiKept {
				t.Errorf("%d model finding(s) kept, want %d: %+v", n, c.aiKept, res.Findings)
			}
			for _, f := range res.Findings {
				if strings.HasPrefix(f.Engine, "ai:") && (f.Engine != "ai:ollama:test" || f.Fingerprint == "" || f.Scope != finding.ScopeAdded) {
					t.Errorf("model finding %+v: want engine, fingerprint and scope set", f)
				}
			}
			if got != c.complete {
				t.Errorf("complete = %v, want %v", got, c.complete)
			}
			if c.comment != "" && !strings.Contains(strings.Join(res.Comments, "\n"), c.comment) {
				t.Errorf("comments %q lack %q", res.Comments, c.comment)
			}
			if c.warning != "" && !strings.Contains(strings.Join(res.Warnings, "\n"), c.warning) {
				t.Errorf("warnings %q lack %q", res.Warnings, c.warning)
			}
			hasEngine := strings.Contains(strings.Join(res.Coverage.Engines, ","), "ai:ollama:test")
			if hasEngine == (c.ai.Err != nil && len(c.ai.Reviewed) == 0) {
				t.Errorf("coverage engines %v", res.Coverage.Engines)
			}
			if !c.complete && c.ai.Err != nil && !strings.Contains(strings.Join(res.Coverage.Notes, "\n"), "util.py") {
				t.Errorf("coverage notes %q do not name the file the model did not review", res.Coverage.Notes)
			}
		})
	}
}

func TestMergeAINil(t *testing.T) {
	res, units, p := staticResult(t, ModeSecurity)
	if MergeAI(res, nil, units, p, MergeOptions{}) {
		t.Error("a nil AI result counts as complete")
	}
}
