package report

import (
	"fmt"

	"github.com/patchpatrol/patchpatrol/internal/audit"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// htmlAuditDoc is an audit of six commits as the audit stage would hand it over,
// newest first: a blocked commit, a soft one, a clean one, one the audit
// could not review (no Result), one whose review covered nothing, and a
// quality finding. The summary is written out by hand so that the golden
// file does not move when the aggregation does.
func htmlAuditDoc() *audit.Document {
	nothing := &review.Result{Target: "commit 0badc0f", Mode: review.ModeSecurity, Verdict: review.Approve,
		Threshold: 0.5, Approved: true, Coverage: review.Coverage{Engines: []string{"builtin"},
			FilesSkipped: []review.Skip{{File: "assets/banner.png", Reason: "binary"}}}}
	return &audit.Document{
		Summary: audit.Summary{
			Range: "v1.2.0..main", Mode: "security", CommitsAnalyzed: 5, CommitsWithFindings: 2, CommitsSkipped: 1,
			FindingsTotal: 5, IssuesPerCommit: 1,
			FindingsBySeverity: map[string]int{"CRITICAL": 1, "HIGH": 2, "MEDIUM": 2, "LOW": 0},
			FindingsByCWE:      map[string]int{"CWE-89": 1, "CWE-798": 1, "CWE-862": 1, "CWE-328": 2},
			FindingsByOWASP: map[string]int{"A01:2021-Broken Access Control": 1, "A02:2021-Cryptographic Failures": 2,
				"A03:2021-Injection": 1, "A07:2021-Identification and Authentication Failures": 1},
			FindingsByFile: map[string]int{"app/db.py": 1, "app/settings.py": 1, "app/views/admin export.py": 1,
				"app/auth.py": 1, "accounts/reset.py": 1},
			FindingsByAuthor: map[string]int{"Ada Lovelace": 4, "Grace Hopper": 1},
			FindingsByRule:   map[string]int{"PP105": 1, "PP201": 1, "AI-SEC": 1, "PP301": 2},
			TrendBucket:      "week",
			Trend: []audit.TrendPoint{
				{Period: "2026-W46", Commits: 2, BySeverity: map[string]int{"CRITICAL": 0, "HIGH": 0, "MEDIUM": 1, "LOW": 0}},
				{Period: "2026-W47", Commits: 1, BySeverity: map[string]int{"CRITICAL": 0, "HIGH": 0, "MEDIUM": 0, "LOW": 0}},
				{Period: "2026-W48", Commits: 2, BySeverity: map[string]int{"CRITICAL": 1, "HIGH": 2, "MEDIUM": 1, "LOW": 0}},
			},
			RiskiestCommits: []audit.RiskyCommit{
				{SHA: "c0ffee0000000000000000000000000000000001", ShortSHA: "c0ffee0", Subject: "Add admin export",
					Author: "Ada Lovelace", Score: 0.8, Findings: 4, Severity: "CRITICAL"},
				{SHA: "4f1c2ab000000000000000000000000000000002", ShortSHA: "4f1c2ab", Subject: "Sign reset links",
					Author: "Grace Hopper", Score: 0.55, Findings: 1, Severity: "MEDIUM"},
			},
			RiskiestFiles: []audit.Count{{Key: "accounts/reset.py", Count: 1}, {Key: "app/auth.py", Count: 1},
				{Key: "app/db.py", Count: 1}, {Key: "app/settings.py", Count: 1}, {Key: "app/views/admin export.py", Count: 1}},
			TopCWEs: []audit.Count{{Key: "CWE-328", Count: 2}, {Key: "CWE-798", Count: 1}, {Key: "CWE-862", Count: 1},
				{Key: "CWE-89", Count: 1}},
			Baselined: 0, Suppressed: 2, Engines: []string{"ai", "builtin"},
			Notes: []string{"commit 7e57ab1: diff too large (12 MB), not reviewed"},
		},
		Commits: []audit.Commit{
			{SHA: "c0ffee0000000000000000000000000000000001", ShortSHA: "c0ffee0", Author: "Ada Lovelace",
				Email: "ada@example.com", Date: "2026-11-25T10:04:00Z", Subject: "Add admin export", Result: blockedResult()},
			{SHA: "0badc0f000000000000000000000000000000005", ShortSHA: "0badc0f", Author: "Ada Lovelace",
				Date: "2026-11-24T09:00:00Z", Subject: "Update banner", Result: nothing},
			{SHA: "7e57ab1000000000000000000000000000000004", ShortSHA: "7e57ab1", Author: "Grace Hopper",
				Date: "2026-11-18T16:30:00Z", Subject: "Vendor the data dump"},
			{SHA: "a11c1ea000000000000000000000000000000003", ShortSHA: "a11c1ea", Author: "Grace Hopper",
				Date: "2026-11-12T08:15:00Z", Subject: "Tidy models", Result: cleanResult()},
			{SHA: "4f1c2ab000000000000000000000000000000002", ShortSHA: "4f1c2ab", Author: "Grace Hopper",
				Date: "2026-11-11T13:45:00Z", Subject: "Sign reset links", Result: softResult()},
		},
	}
}

// htmlEmptyAuditDoc is an audit of a range without commits.
func htmlEmptyAuditDoc() *audit.Document {
	return &audit.Document{Summary: audit.Summary{Range: "main..main", Mode: "security", TrendBucket: "day"}}
}

// htmlManyAuditDoc has a long daily trend, many files and many CWEs: the
// charts must thin their labels and keep every coordinate finite.
func htmlManyAuditDoc() *audit.Document {
	doc := htmlEmptyAuditDoc()
	s := &doc.Summary
	s.Range, s.CommitsAnalyzed, s.Engines = "HEAD~400..HEAD", 400, []string{"builtin"}
	s.FindingsBySeverity, s.FindingsByFile, s.FindingsByCWE = map[string]int{}, map[string]int{}, map[string]int{}
	for i := 0; i < 120; i++ {
		p := audit.TrendPoint{Period: fmt.Sprintf("2026-%02d-%02d", 1+i/28, 1+i%28), Commits: 1 + i%3,
			BySeverity: map[string]int{"CRITICAL": i % 7 / 6, "HIGH": i % 3, "MEDIUM": (i * 7) % 5, "LOW": i % 2}}
		s.Trend = append(s.Trend, p)
		for k, v := range p.BySeverity {
			s.FindingsBySeverity[k] += v
			s.FindingsTotal += v
		}
	}
	for i := 0; i < 40; i++ {
		key := fmt.Sprintf("services/very/deep/package/path/number/%02d/handlers_module.py", i)
		s.FindingsByFile[key] = 40 - i
		s.RiskiestFiles = append(s.RiskiestFiles, audit.Count{Key: key, Count: 40 - i})
		s.FindingsByCWE[fmt.Sprintf("CWE-%d", 100+i)] = 1 + i%4
	}
	return doc
}
