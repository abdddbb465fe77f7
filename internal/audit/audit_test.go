package audit

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{in: "", want: ""},
		{in: "1/1", want: "1/1"},
		{in: "2/4", want: "2/4"},
		{in: " 3/3 ", want: "3/3"},
		{in: "3/2", err: "--shard 3/2: i must be in 1..n"},
		{in: "0/2", err: "i must be in 1..n"},
		{in: "1/0", err: "n must be at least 1"},
		{in: "x", err: "expected i/n"},
		{in: "1/2/3", err: "expected i/n"},
		{in: "-1/2", err: "i must be in 1..n"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			sh, err := ParseShard(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || sh.String() != tc.want {
				t.Fatalf("got %q, %v; want %q", sh.String(), err, tc.want)
			}
		})
	}
}

// Every key lands in exactly one shard, the split is stable and not lopsided.
func TestShardHas(t *testing.T) {
	const n = 4
	counts := make([]int, n)
	for k := 0; k < 1000; k++ {
		key := fmt.Sprintf("%040x", k*7919)
		in := 0
		for i := 1; i <= n; i++ {
			if (Shard{Index: i, Count: n}).Has(key) {
				in++
				counts[i-1]++
			}
		}
		if in != 1 {
			t.Fatalf("%s is in %d shards", key, in)
		}
		if !(Shard{}).Has(key) {
			t.Fatalf("the whole job lacks %s", key)
		}
	}
	for i, c := range counts {
		if c < 150 || c > 350 {
			t.Errorf("shard %d has %d of 1000 keys", i+1, c)
		}
	}
}

func commitWith(sha, date, author string, score float64, fs ...finding.Finding) Commit {
	return Commit{SHA: sha, ShortSHA: sha[:7], Author: author, Date: date, Subject: "s " + sha[:3],
		Result: &review.Result{Mode: review.ModeSecurity, Score: score, Findings: fs, Coverage: review.Coverage{Engines: []string{"builtin"}}}}
}

func TestSummarize(t *testing.T) {
	high := finding.Finding{RuleID: "PP201", CWE: 89, OWASP: finding.A03, Severity: finding.High, Path: "a.py", Scope: finding.ScopeAdded}
	low := finding.Finding{RuleID: "PP301", CWE: 328, Severity: finding.Low, Path: "b.py", Scope: finding.ScopeAdded}
	outside := high
	outside.Scope = finding.ScopeFile
	based := high
	based.Suppressed = &finding.Suppression{Kind: "baseline"}
	nosec := low
	nosec.Suppressed = &finding.Suppression{Kind: "nosec"}
	msg := finding.Finding{RuleID: "PP103", CWE: 798, Severity: finding.Critical, Path: "commit ccccccc"}
	cs := []Commit{
		commitWith(strings.Repeat("a", 40), "2024-01-01T10:00:00Z", "Ann", 0.8, high, low, outside),
		commitWith(strings.Repeat("b", 40), "2024-01-01T23:30:00-02:00", "Ben", 0.1, low, based, nosec),
		commitWith(strings.Repeat("c", 40), "2024-01-03T10:00:00Z", "Ann", 0.95, msg),
		commitWith(strings.Repeat("d", 40), "2024-01-02T10:00:00Z", "Ben", 0),
	}
	SortCommits(cs)
	var order []string
	for _, c := range cs {
		order = append(order, c.SHA[:1])
	}
	// b is 2024-01-02T01:30Z in UTC, so it sorts after d.
	if got := strings.Join(order, ""); got != "cdba" {
		t.Errorf("order %s, want cdba", got)
	}
	var s Summary
	s.Mode = "security"
	Summarize(&s, cs)
	if s.CommitsAnalyzed != 4 || s.CommitsWithFindings != 3 || s.FindingsTotal != 4 || s.Baselined != 1 || s.Suppressed != 1 {
		t.Errorf("counts %+v", s)
	}
	if s.FindingsBySeverity["HIGH"] != 1 || s.FindingsBySeverity["LOW"] != 2 || s.FindingsBySeverity["CRITICAL"] != 1 || s.FindingsBySeverity["MEDIUM"] != 0 {
		t.Errorf("by severity %v", s.FindingsBySeverity)
	}
	if s.FindingsByFile[CommitMessage] != 1 || s.FindingsByFile["b.py"] != 2 || s.FindingsByAuthor["Ann"] != 3 {
		t.Errorf("by file %v, by author %v", s.FindingsByFile, s.FindingsByAuthor)
	}
	if s.IssuesPerCommit != 1 {
		t.Errorf("issues per commit %v", s.IssuesPerCommit)
	}
	if len(s.RiskiestCommits) != 3 || s.RiskiestCommits[0].ShortSHA != "ccccccc" || s.RiskiestCommits[2].ShortSHA != "bbbbbbb" {
		t.Errorf("riskiest %+v", s.RiskiestCommits)
	}
	if s.TrendBucket != "day" || len(s.Trend) != 3 || s.Trend[1].Period != "2024-01-02" || s.Trend[1].Commits != 2 {
		t.Errorf("trend %+v", s.Trend)
	}
	if len(s.TopCWEs) == 0 || s.TopCWEs[0].Key != "CWE-328" {
		t.Errorf("top CWEs %+v", s.TopCWEs)
	}
}

func TestPeriods(t *testing.T) {
	d := time.Date(2026, 11, 25, 23, 0, 0, 0, time.FixedZone("x", -3600))
	if got := periodOf(d, "day"); got != "2026-11-26" {
		t.Errorf("day %s", got)
	}
	if got := periodOf(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), "week"); got != "2026-W53" {
		t.Errorf("week %s, want 2026-W53 (ISO)", got)
	}
	long := []Commit{{Date: "2024-01-01T00:00:00Z"}, {Date: "2024-06-01T00:00:00Z"}}
	if trendBucket(long) != "week" || trendBucket(long[:1]) != "day" {
		t.Errorf("bucket of five months is not week")
	}
}
