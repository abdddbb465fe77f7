package review

import (
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

func TestCombine(t *testing.T) {
	high := finding.Finding{RuleID: "PP201", Kind: finding.KindSecurity, Severity: finding.High, Confidence: finding.ConfidenceHigh,
		CWE: 89, OWASP: finding.A03, Path: "b.py", Line: 3, Fingerprint: "f1"}
	med := finding.Finding{RuleID: "PP301", Kind: finding.KindSecurity, Severity: finding.Medium, Confidence: finding.ConfidenceHigh,
		Path: "a.py", Line: 1, Fingerprint: "f2"}
	part := func(target string, fs ...finding.Finding) *Result {
		r := &Result{Target: target, Mode: ModeSecurity, Threshold: 0.5, Findings: fs,
			Coverage: Coverage{FilesReviewed: 1, Files: []string{fs[0].Path}, Engines: []string{"builtin"}}}
		decide(r, &Policy{Threshold: 0.5})
		return r
	}
	a, b := part("scan of src (shard 1/2)", high), part("scan of src (shard 2/2)", med)
	if !b.Approved {
		t.Fatalf("a lone MEDIUM should be approved")
	}
	res, err := Combine([]*Result{b, a, b}, false) // b twice: its finding is kept once
	if err != nil {
		t.Fatal(err)
	}
	if res.Target != "scan of src" || len(res.Findings) != 2 || res.Findings[0].Path != "a.py" {
		t.Errorf("combined %q with %d findings: %+v", res.Target, len(res.Findings), res.Findings)
	}
	// 1 - (1-0.8)(1-0.4) = 0.88
	if res.Score != 0.88 || res.Approved || res.Verdict != SecurityRisk || res.Severity != finding.High {
		t.Errorf("score %.2f approved %v verdict %s severity %s", res.Score, res.Approved, res.Verdict, res.Severity)
	}
	if res.Coverage.FilesReviewed != 3 || res.Blocked() {
		t.Errorf("files %d, blocked %v", res.Coverage.FilesReviewed, res.Blocked())
	}
	if hard, _ := Combine([]*Result{a, b}, true); !hard.Blocked() {
		t.Errorf("hard combine does not block")
	}
	q := part("x", med)
	q.Mode = ModeQuality
	if _, err := Combine([]*Result{a, q}, false); err == nil || !strings.Contains(err.Error(), "one kind") {
		t.Errorf("mixed modes: %v", err)
	}
}
