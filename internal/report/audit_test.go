package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/audit"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// testAudit is three commits: the blocked fixture, the soft one and a clean
// one, with a finding of the blocked fixture repeated in the soft commit
// (same fingerprint), which SARIF must report once.
func testAudit() *audit.Document {
	blocked, soft, clean := blockedResult(), softResult(), cleanResult()
	soft.Findings = append(soft.Findings, blocked.Findings[1]) // the SQL injection again
	doc := &audit.Document{Summary: audit.Summary{Range: "main..HEAD", Mode: "security"}, Commits: []audit.Commit{
		{SHA: strings.Repeat("a", 40), ShortSHA: "aaaaaaa", Author: "Alice", Date: "2024-03-03T10:00:00Z", Subject: "Add export", Result: blocked},
		{SHA: strings.Repeat("b", 40), ShortSHA: "bbbbbbb", Author: "Bob", Date: "2024-03-02T10:00:00Z", Subject: "Tweak", Result: soft},
		{SHA: strings.Repeat("c", 40), ShortSHA: "ccccccc", Author: "Carol", Date: "2024-03-01T10:00:00Z", Subject: "Docs", Result: clean},
	}}
	audit.Summarize(&doc.Summary, doc.Commits)
	return doc
}

func writeAudit(t *testing.T, format string, doc *audit.Document, o Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteAudit(&b, format, doc, o); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.String()
}

// TestAuditJSONRoundTrip: what ReadAudit reads back writes the same bytes,
// and the summary computed from the rebuilt results is the same.
func TestAuditJSONRoundTrip(t *testing.T) {
	doc := testAudit()
	first := writeAudit(t, "json", doc, Options{})
	back, err := ReadAudit([]byte(first))
	if err != nil {
		t.Fatal(err)
	}
	if again := writeAudit(t, "json", back, Options{}); again != first {
		t.Errorf("round trip changed the document")
	}
	sum := back.Summary
	audit.Summarize(&sum, back.Commits)
	a, _ := json.Marshal(sum)
	b, _ := json.Marshal(doc.Summary)
	if !bytes.Equal(a, b) {
		t.Errorf("summary of the rebuilt results:\n%s\nwant\n%s", a, b)
	}
	// The rebuilt results render as the originals do, without Raw.
	for i := range back.Commits {
		back.Commits[i].Raw = nil
	}
	if again := writeAudit(t, "json", back, Options{}); again != first {
		t.Errorf("rendering the rebuilt results changed the document")
	}

	var shape map[string]any
	if err := json.Unmarshal([]byte(first), &shape); err != nil {
		t.Fatal(err)
	}
	commits := shape["commits"].([]any)
	c0 := commits[0].(map[string]any)
	for _, k := range []string{"sha", "short_sha", "author", "date", "subject", "result"} {
		if _, ok := c0[k]; !ok {
			t.Errorf("commit has no %q", k)
		}
	}
	if _, ok := c0["result"].(map[string]any)["security_issues"]; !ok {
		t.Errorf("result is not the review result document")
	}
}

func TestParseResultRoundTrip(t *testing.T) {
	for _, tc := range testCases() {
		t.Run(tc.name, func(t *testing.T) {
			want := render2(t, "json", tc.res())
			res, err := ParseResult([]byte(want))
			if err != nil {
				t.Fatal(err)
			}
			if got := render2(t, "json", res); got != want {
				t.Errorf("re-rendered result differs:\n%s\nwant\n%s", got, want)
			}
		})
	}
	for _, bad := range []string{`[]`, `{"mode":"security"}`, `{"mode":"paranoid","security_issues":[]}`, `not json`} {
		if _, err := ParseResult([]byte(bad)); err == nil {
			t.Errorf("ParseResult(%s) accepted it", bad)
		}
	}
}

func TestReadAuditRejects(t *testing.T) {
	for _, bad := range []string{`{}`, `{"summary":{}}`, `{"summary":{},"commits":[{"sha":"abc","result":{}}]}`} {
		if _, err := ReadAudit([]byte(bad)); err == nil {
			t.Errorf("ReadAudit(%s) accepted it", bad)
		}
	}
}

func TestAuditSARIF(t *testing.T) {
	doc := testAudit()
	out := writeAudit(t, "sarif", doc, Options{ToolVersion: "v9.9.9"})
	validateSARIF(t, out)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID       string            `json:"ruleId"`
				RuleIndex    int               `json:"ruleIndex"`
				Fingerprints map[string]string `json:"partialFingerprints"`
				Properties   map[string]string `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want one", len(log.Runs))
	}
	run := log.Runs[0]
	// Expected: every active and suppressed finding of every commit, one per
	// fingerprint.
	fps := map[string]bool{}
	for _, c := range doc.Commits {
		for _, f := range append(c.Result.Active(), c.Result.SuppressedFindings()...) {
			fps[f.Fingerprint] = true
		}
	}
	if len(run.Results) != len(fps) {
		t.Errorf("%d results, want %d (one per fingerprint)", len(run.Results), len(fps))
	}
	seen := map[string]bool{}
	for _, r := range run.Results {
		fp := r.Fingerprints["patchpatrol/v1"]
		if seen[fp] {
			t.Errorf("fingerprint %s reported twice", fp)
		}
		seen[fp] = true
		if r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s points at the wrong rule %d", r.RuleID, r.RuleIndex)
		}
		if len(r.Properties["commit"]) != 40 {
			t.Errorf("result %s has no commit: %v", r.RuleID, r.Properties)
		}
	}
}

// TestMergeSARIF: logs of parts merge into the log of the whole.
func TestMergeSARIF(t *testing.T) {
	doc := testAudit()
	whole := writeAudit(t, "sarif", doc, Options{ToolVersion: "v1"})
	var parts [][]byte
	for i := range doc.Commits {
		part := &audit.Document{Summary: audit.Summary{Range: doc.Summary.Range, Mode: doc.Summary.Mode},
			Commits: []audit.Commit{doc.Commits[i]}}
		audit.Summarize(&part.Summary, part.Commits)
		parts = append(parts, []byte(writeAudit(t, "sarif", part, Options{ToolVersion: "v1"})))
	}
	// In reverse order: the result does not depend on it.
	parts[0], parts[2] = parts[2], parts[0]
	var b bytes.Buffer
	if err := MergeSARIF(&b, parts, ""); err != nil {
		t.Fatal(err)
	}
	if b.String() != whole {
		t.Errorf("merged SARIF differs from the whole:\n%s\nwant\n%s", b.String(), whole)
	}
	validateSARIF(t, b.String())
	if err := MergeSARIF(&b, [][]byte{[]byte(`{"version":"1.0","runs":[]}`)}, ""); err == nil {
		t.Errorf("merged a SARIF 1.0 log")
	}
}

func TestAuditTextAndMarkdown(t *testing.T) {
	doc := testAudit()
	text := writeAudit(t, "text", doc, Options{})
	for _, want := range []string{
		"PatchPatrol audit: security review of main..HEAD",
		"Commits: 3 analyzed, 2 with findings",
		"Riskiest commits:",
		"HIGH aaaaaaa PP201 app/db.py:23",
		"audit: 3 commits analyzed, 2 with findings",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	// Only issue lines carry severity words, so grep -c counts issues.
	n := 0
	for _, c := range doc.Commits {
		for _, f := range c.Result.Active() {
			if f.Severity.String() == "CRITICAL" || f.Severity.String() == "HIGH" {
				n++
			}
		}
	}
	got := 0
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "CRITICAL") || strings.Contains(l, "HIGH") {
			got++
		}
	}
	if got != n {
		t.Errorf("%d lines carry CRITICAL or HIGH, want %d:\n%s", got, n, text)
	}
	quiet := writeAudit(t, "text", doc, Options{Quiet: true})
	if strings.Contains(quiet, "Riskiest") || !strings.Contains(quiet, "audit: 3 commits") {
		t.Errorf("quiet text:\n%s", quiet)
	}
	md := writeAudit(t, "markdown", doc, Options{ToolVersion: "v1"})
	for _, want := range []string{"## PatchPatrol audit: 3 commits, 2 with findings", "| CWE-89 |", "### Riskiest commits", "`aaaaaaa`"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if err := WriteAudit(&bytes.Buffer{}, "yaml", doc, Options{}); err == nil || !strings.Contains(err.Error(), "unknown audit format") {
		t.Errorf("yaml: %v", err)
	}
	if err := WriteAudit(&bytes.Buffer{}, "json", nil, Options{}); err == nil {
		t.Errorf("nil document accepted")
	}
}

// TestAuditSummary checks the tables on the fixtures.
func TestAuditSummary(t *testing.T) {
	s := testAudit().Summary
	blocked, soft := blockedResult(), softResult()
	want := len(blocked.Active()) + len(soft.Active()) + 1
	if s.FindingsTotal != want || s.CommitsWithFindings != 2 || s.CommitsAnalyzed != 3 {
		t.Errorf("totals %d/%d/%d, want %d findings, 2 commits with findings of 3", s.FindingsTotal, s.CommitsWithFindings, s.CommitsAnalyzed, want)
	}
	sum := 0
	for _, n := range s.FindingsBySeverity {
		sum += n
	}
	if sum != s.FindingsTotal {
		t.Errorf("by severity adds up to %d, want %d", sum, s.FindingsTotal)
	}
	if s.FindingsByAuthor["Alice"] != len(blocked.Active()) || s.FindingsByAuthor["Carol"] != 0 {
		t.Errorf("by author %v", s.FindingsByAuthor)
	}
	if len(s.RiskiestCommits) != 2 || s.RiskiestCommits[0].ShortSHA != "aaaaaaa" {
		t.Errorf("riskiest %+v", s.RiskiestCommits)
	}
	if s.TrendBucket != "day" || len(s.Trend) != 3 || s.Trend[0].Period != "2024-03-01" {
		t.Errorf("trend %s %+v", s.TrendBucket, s.Trend)
	}
	if s.Suppressed != len(blocked.SuppressedFindings())+len(soft.SuppressedFindings()) {
		t.Errorf("suppressed %d", s.Suppressed)
	}
	_ = review.ModeSecurity
}
