package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// TestBaselinedText checks that a baseline's findings are counted in one
// line and listed only with -v: a baseline may accept hundreds.
func TestBaselinedText(t *testing.T) {
	var fs []finding.Finding
	for i := 1; i <= 3; i++ {
		fs = append(fs, finding.Finding{RuleID: "PP201", Kind: finding.KindSecurity, Severity: finding.High,
			Path: "a.py", Line: 10 * i, Suppressed: &finding.Suppression{Kind: "baseline", Justification: "accepted in the baseline b.json"}})
	}
	inline := finding.Finding{RuleID: "PP105", Kind: finding.KindSecurity, Severity: finding.Low, Path: "b.py", Line: 9,
		Suppressed: &finding.Suppression{Kind: "inline", Justification: "fixed input"}}
	for _, tc := range []struct {
		name    string
		fs      []finding.Finding
		verbose bool
		want    string
		notWant string
	}{
		{"only baselined", fs, false, "\n3 suppressed (3 baseline); run with -v to list them\n", "a.py:10"},
		{"mixed", append([]finding.Finding{inline}, fs...), false,
			"\n4 suppressed (3 baseline, 1 inline): PP105 at b.py:9 — fixed input; 3 baselined (-v lists them)\n", "a.py:20"},
		{"verbose", fs, true, "3 suppressed (3 baseline): PP201 at a.py:10 — accepted in the baseline b.json; PP201 at a.py:20", "-v lists"},
		{"no baseline", []finding.Finding{inline}, false, "\n1 suppressed (1 inline): PP105 at b.py:9 — fixed input\n", "baselined"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := &review.Result{Target: "staged changes", Mode: review.ModeSecurity, Verdict: review.Approve, Approved: true,
				Threshold: 0.5, Findings: tc.fs}
			var buf bytes.Buffer
			if err := (&Text{opts: Options{Verbose: tc.verbose}}).Write(&buf, res); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if !strings.Contains(out, tc.want) {
				t.Errorf("text report lacks %q:\n%s", tc.want, out)
			}
			if strings.Contains(out, tc.notWant) {
				t.Errorf("text report has %q:\n%s", tc.notWant, out)
			}
		})
	}
}

// TestBaselinedOtherFormats checks the count in markdown and JSON and the
// SARIF suppression kind.
func TestBaselinedOtherFormats(t *testing.T) {
	f := finding.Finding{RuleID: "PP201", Kind: finding.KindSecurity, Severity: finding.High, Path: "a.py", Line: 10,
		Fingerprint: "0123456789abcdef0123", Suppressed: &finding.Suppression{Kind: "baseline", Justification: "accepted in the baseline b.json"}}
	res := &review.Result{Target: "staged changes", Mode: review.ModeSecurity, Verdict: review.Approve, Approved: true,
		Threshold: 0.5, Findings: []finding.Finding{f}, Coverage: review.Coverage{Suppressed: 1, Baselined: 1}}
	for format, want := range map[string][]string{
		"markdown": {"**Not counted:** 1 suppressed (1 baseline)"},
		"json":     {`"baselined": 1`, `"kind": "baseline"`},
		"sarif":    {`"kind": "external"`, `"justification": "accepted in the baseline b.json"`},
	} {
		rep, err := New(format, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := rep.Write(&buf, res); err != nil {
			t.Fatal(fmt.Errorf("%s: %w", format, err))
		}
		for _, w := range want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s report lacks %s:\n%s", format, w, buf.String())
			}
		}
	}
}
