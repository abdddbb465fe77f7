package review

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/baseline"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// TestBaseline checks that Run applies a baseline after fingerprinting and
// before scoring: accepted findings are suppressed with kind "baseline",
// counted, and do not move the score.
func TestBaseline(t *testing.T) {
	withSnippet := func(f finding.Finding, s string) finding.Finding {
		f.Snippet = s
		return f
	}
	old := withSnippet(mk(rules.SQLQueryBuilt, "a.py", 10, finding.High, finding.ConfidenceHigh), "cur.execute(q % uid)")
	// Today: the accepted finding moved to line 40 (an added line) and a new
	// one sits on line 41.
	moved := withSnippet(mk(rules.SQLQueryBuilt, "a.py", 40, finding.High, finding.ConfidenceHigh), "    cur.execute(q % uid)")
	added := withSnippet(mk(rules.SQLQueryBuilt, "a.py", 41, finding.High, finding.ConfidenceHigh), "cur.execute(q % name)")

	accepted := run(t, ModeSecurity, Policy{Threshold: -1}, []finding.Finding{old}, nil)
	set := baseline.NewSet(baseline.New(accepted.Findings, "test", time.Time{}), "base.json")

	review := func(fs []finding.Finding, b *baseline.Set) *Result {
		t.Helper()
		units := []*analysis.Unit{{Path: "a.py", Content: []byte(strings.Repeat("x = 1\n", 60)), Lines: linesAdded("a.py", 40, 41)}}
		res, err := Run(context.Background(), &Request{Mode: ModeSecurity, Units: units,
			Engines: []analysis.Analyzer{&fakeEngine{fs}}, Policy: Policy{Threshold: -1}, Baseline: b})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}

	res := review([]finding.Finding{moved, added}, set)
	if got := len(res.Active()); got != 1 || res.Active()[0].Line != 41 {
		t.Fatalf("active findings %+v, want only line 41", res.Active())
	}
	if res.Coverage.Baselined != 1 || res.Coverage.Suppressed != 1 {
		t.Errorf("coverage baselined %d, suppressed %d; want 1 and 1", res.Coverage.Baselined, res.Coverage.Suppressed)
	}
	if s := res.SuppressedFindings(); len(s) != 1 || s[0].Suppressed.Kind != "baseline" || s[0].Line != 40 {
		t.Errorf("suppressed %+v, want line 40 with kind baseline", s)
	}
	if !hasNote(res, "baseline base.json: 1 finding baselined") {
		t.Errorf("notes %q lack the baseline count", res.Coverage.Notes)
	}
	if res.Score != 0.8 {
		t.Errorf("score %.2f, want 0.80 (one HIGH; the baselined one must not count)", res.Score)
	}

	// Only accepted findings: approved; the same change without the baseline
	// is not.
	if res := review([]finding.Finding{moved}, set); !res.Approved || res.Score != 0 {
		t.Errorf("only a baselined finding: approved %v, score %.2f; want approved with 0", res.Approved, res.Score)
	}
	if res := review([]finding.Finding{moved}, nil); res.Approved || res.Coverage.Baselined != 0 || hasNote(res, "baseline") {
		t.Errorf("without a baseline: approved %v, baselined %d, notes %q", res.Approved, res.Coverage.Baselined, res.Coverage.Notes)
	}
}

func hasNote(res *Result, s string) bool {
	for _, n := range res.Coverage.Notes {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}
