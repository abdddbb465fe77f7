// Package audit reviews every commit of a range of history and aggregates the
// results into one team report: counts by severity, CWE, OWASP category, file
// and author, a trend over time, and the riskiest commits and files.
//
// Data flows one way: gitx lists the commits, review decides each one, audit
// aggregates, and report renders the Document.
package audit

import (
	"encoding/json"

	"github.com/patchpatrol/patchpatrol/internal/review"
)

// Document is the whole audit: the summary first, then one entry per commit,
// newest first by author date, ties by commit id (SortCommits), so that
// merged shards list their commits exactly as the whole audit does. Its JSON
// shape is the public audit format:
//
//	{"summary": {"commits_analyzed": N, "commits_with_findings": M, ...},
//	 "commits": [{"sha": "...", "short_sha": "...", "author": "...",
//	              "date": "...", "subject": "...", "result": {...}}]}
//
// where "result" is the review result document that `review-commit --format
// json` writes for the same commit.
type Document struct {
	Summary Summary  `json:"summary"`
	Commits []Commit `json:"commits"`
}

// Commit is one audited commit and its review.
type Commit struct {
	SHA      string `json:"sha"`
	ShortSHA string `json:"short_sha"`
	Author   string `json:"author"`
	Email    string `json:"email,omitempty"`
	Date     string `json:"date"` // author date, RFC 3339
	Subject  string `json:"subject"`
	// Result is the commit's review. It is rendered with the JSON reporter's
	// result document. A document read back from JSON (merge) has a Result
	// rebuilt from that document, which carries everything the summary and
	// the reporters need.
	Result *review.Result `json:"-"`
	// Raw is the "result" document exactly as it was read (merge); when set,
	// the JSON reporter writes it back unchanged instead of rendering Result,
	// so merged shards reproduce the whole audit byte for byte.
	Raw json.RawMessage `json:"-"`
}

// Count is one row of a ranked table: a key (a CWE, a file, an author ...)
// and how many active findings it has.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// TrendPoint is the number of active findings by severity in one period
// (a day "2026-11-25" or an ISO week "2026-W48").
type TrendPoint struct {
	Period     string         `json:"period"`
	Commits    int            `json:"commits"`
	BySeverity map[string]int `json:"by_severity"`
}

// RiskyCommit ranks a commit by the risk of its active findings.
type RiskyCommit struct {
	SHA      string  `json:"sha"`
	ShortSHA string  `json:"short_sha"`
	Subject  string  `json:"subject"`
	Author   string  `json:"author"`
	Score    float64 `json:"score"`
	Findings int     `json:"findings"`
	Severity string  `json:"severity"` // highest active severity
}

// Summary aggregates the active findings of every audited commit. Findings a
// baseline accepted are counted in Baselined, not in the other tables.
type Summary struct {
	Range               string         `json:"range"`
	Mode                string         `json:"mode"`
	CommitsAnalyzed     int            `json:"commits_analyzed"`
	CommitsWithFindings int            `json:"commits_with_findings"`
	CommitsSkipped      int            `json:"commits_skipped"` // listed in Notes, never silently
	FindingsTotal       int            `json:"findings_total"`
	FindingsBySeverity  map[string]int `json:"findings_by_severity"`
	FindingsByCWE       map[string]int `json:"findings_by_cwe"`
	FindingsByOWASP     map[string]int `json:"findings_by_owasp"`
	FindingsByFile      map[string]int `json:"findings_by_file"`
	FindingsByAuthor    map[string]int `json:"findings_by_author"`
	FindingsByRule      map[string]int `json:"findings_by_rule"`
	IssuesPerCommit     float64        `json:"issues_per_commit"`
	TrendBucket         string         `json:"trend_bucket"` // "day" or "week"
	Trend               []TrendPoint   `json:"trend"`
	RiskiestCommits     []RiskyCommit  `json:"riskiest_commits"`
	RiskiestFiles       []Count        `json:"riskiest_files"`
	TopCWEs             []Count        `json:"top_cwes"`
	Baselined           int            `json:"baselined"`
	Suppressed          int            `json:"suppressed"`
	Shard               string         `json:"shard,omitempty"` // "i/n" when sharded
	Engines             []string       `json:"engines"`
	Notes               []string       `json:"notes"`
}
