package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/audit"
	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// htmlChartRows caps the rows of a ranked chart; the tables beside the
// charts list every row.
const htmlChartRows = 10

// WriteAuditHTML writes an audit Document as one self-contained HTML page:
// summary figures, what was and was not reviewed, charts drawn as inline SVG
// (findings over time by severity, top CWEs, riskiest files, findings by
// severity), ranked tables, the riskiest commits, and every commit's review
// folded in a <details> element. Like the HTML reporter it loads nothing,
// needs no JavaScript and escapes everything it prints. Options.ToolVersion
// is written in the footer; the other options are ignored.
func WriteAuditHTML(w io.Writer, doc *audit.Document, o Options) error {
	if doc == nil {
		return errNoAudit // declared in gitlab.go, shared by the audit writers
	}
	if err := htmlExecute(w, "audit-page", htmlAuditPageOf(doc, o)); err != nil {
		return fmt.Errorf("write html audit report: %w", err)
	}
	return nil
}

// htmlAuditPage is the data of the audit page.
type htmlAuditPage struct {
	Tool      string
	Range     string
	Mode      string
	Shard     string
	Engines   []string
	Cards     []htmlCard
	Coverage  htmlAuditCoverage
	Notes     []string
	Severity  svgChart
	SevRows   []htmlCount
	Trend     svgChart
	TrendHead []string // severity columns of the trend table
	TrendRows []htmlTrendRow
	Bucket    string
	CWE       svgChart
	CWERows   []htmlCount
	Files     svgChart
	FileRows  []htmlCount
	OWASPRows []htmlCount
	RuleRows  []htmlCount
	Authors   []htmlCount
	Risky     []htmlRiskyRow
	Commits   []htmlCommit
}

type htmlCard struct {
	Label, Value, Class string
}

// htmlAuditCoverage adds up what the commits' reviews covered.
type htmlAuditCoverage struct {
	Status        string
	StatusClass   string
	Caveats       []string
	FilesReviewed int
	FilesSkipped  int
	SkipReasons   []htmlCount
	NotReviewed   int // commits in the document without a review result
	NothingInside int // commits whose review covered no file and no message
}

type htmlTrendRow struct {
	Period  string
	Commits int
	Counts  []int
	Total   int
}

type htmlRiskyRow struct {
	Anchor        string // "#commit-3", or "" when the commit is not on the page
	ShortSHA      string
	Subject       string
	Author        string
	Score         string
	Findings      int
	Severity      string
	SeverityClass string
}

type htmlCommit struct {
	ID            string
	SHA           string
	ShortSHA      string
	Author        string
	Email         string
	Date          string
	Subject       string
	Findings      int
	Severity      string
	SeverityClass string
	Verdict       string
	VerdictClass  string
	Review        *htmlReview // nil when the commit has no review result
}

func htmlAuditPageOf(doc *audit.Document, o Options) htmlAuditPage {
	s := &doc.Summary
	p := htmlAuditPage{
		Tool: htmlTool(o), Range: htmlLine(nonEmpty(s.Range, "(range not recorded)")), Mode: htmlLine(nonEmpty(s.Mode, "security")),
		Shard: htmlLine(s.Shard), Engines: htmlLines(s.Engines), Notes: htmlLines(s.Notes),
		Bucket: htmlLine(nonEmpty(s.TrendBucket, "period")),
	}
	p.Cards = []htmlCard{
		{Label: "commits analysed", Value: strconv.Itoa(s.CommitsAnalyzed)},
		{Label: "commits with findings", Value: strconv.Itoa(s.CommitsWithFindings)},
		{Label: "commits skipped", Value: strconv.Itoa(s.CommitsSkipped)},
		{Label: "findings", Value: strconv.Itoa(s.FindingsTotal)},
		{Label: "findings per commit", Value: htmlScore(s.IssuesPerCommit)},
		{Label: "suppressed", Value: strconv.Itoa(s.Suppressed)},
		{Label: "baselined", Value: strconv.Itoa(s.Baselined)},
	}
	if s.CommitsSkipped > 0 {
		p.Cards[2].Class = "partial"
	}

	// Commits first: the riskiest-commit table links to them.
	anchors := map[string]string{}
	for i := range doc.Commits {
		c := htmlCommitOf(&doc.Commits[i], i+1)
		p.Commits = append(p.Commits, c)
		if sha := doc.Commits[i].SHA; sha != "" {
			if _, dup := anchors[sha]; !dup {
				anchors[sha] = "#" + c.ID
			}
		}
	}
	p.Coverage = htmlAuditCoverageOf(doc)

	p.SevRows = htmlSeverityRank(s.FindingsBySeverity)
	var sevItems []svgItem
	for _, r := range p.SevRows {
		sevItems = append(sevItems, svgItem{Label: r.Key, Value: r.Count, Class: r.Class})
	}
	p.Severity = svgHorizontalBars("chart-severity", "Findings by severity", sevItems, false, "No findings")

	series, keys := htmlTrendSeries(s.Trend)
	for _, sr := range series {
		p.TrendHead = append(p.TrendHead, sr.Name)
	}
	trend := append([]audit.TrendPoint(nil), s.Trend...)
	sort.SliceStable(trend, func(i, j int) bool { return trend[i].Period < trend[j].Period })
	var bars []svgStack
	for _, t := range trend {
		row := htmlTrendRow{Period: htmlLine(t.Period), Commits: t.Commits}
		bySev := map[string]int{}
		for k, v := range t.BySeverity {
			bySev[strings.ToUpper(strings.TrimSpace(k))] += v
		}
		for _, k := range keys {
			n := bySev[k]
			row.Counts = append(row.Counts, n)
			if n > 0 {
				row.Total += n
			}
		}
		p.TrendRows = append(p.TrendRows, row)
		bars = append(bars, svgStack{Label: row.Period, Values: row.Counts})
	}
	p.Trend = svgStackedBars("chart-trend", "Findings per "+p.Bucket+" by severity", series, bars, "No findings in this range")

	p.CWERows = htmlRank(s.FindingsByCWE)
	top := htmlCounts(s.TopCWEs)
	if len(top) == 0 {
		top = p.CWERows
	}
	p.CWE = svgHorizontalBars("chart-cwe", "Top CWEs", htmlItems(top), false, "No findings with a CWE")

	p.FileRows = htmlRank(s.FindingsByFile)
	files := htmlCounts(s.RiskiestFiles)
	if len(files) == 0 {
		files = p.FileRows
	}
	p.Files = svgHorizontalBars("chart-files", "Riskiest files", htmlItems(files), true, "No findings in any file")

	p.OWASPRows = htmlRank(s.FindingsByOWASP)
	p.RuleRows = htmlRank(s.FindingsByRule)
	p.Authors = htmlRank(s.FindingsByAuthor)

	for _, r := range s.RiskiestCommits {
		sev, _ := finding.ParseSeverity(r.Severity)
		p.Risky = append(p.Risky, htmlRiskyRow{
			Anchor: anchors[r.SHA], ShortSHA: htmlLine(nonEmpty(r.ShortSHA, htmlShortSHA(r.SHA))), Subject: htmlLine(r.Subject),
			Author: htmlLine(r.Author), Score: htmlScore(r.Score), Findings: r.Findings,
			Severity: htmlLine(nonEmpty(r.Severity, "NONE")), SeverityClass: htmlSeverityClass(sev),
		})
	}
	return p
}

// htmlAuditCoverageOf adds up the coverage of every commit's review and says
// plainly which commits were not reviewed, or reviewed nothing.
func htmlAuditCoverageOf(doc *audit.Document) htmlAuditCoverage {
	var cv htmlAuditCoverage
	reasons := map[string]int{}
	for i := range doc.Commits {
		r := doc.Commits[i].Result
		if r == nil {
			cv.NotReviewed++
			continue
		}
		cv.FilesReviewed += r.Coverage.FilesReviewed
		cv.FilesSkipped += len(r.Coverage.FilesSkipped)
		for _, sk := range r.Coverage.FilesSkipped {
			reasons[htmlLine(nonEmpty(sk.Reason, "no reason given"))]++
		}
		if r.Coverage.FilesReviewed == 0 && !r.Coverage.MessageReviewed {
			cv.NothingInside++
		}
	}
	cv.SkipReasons = htmlRank(reasons)
	s := &doc.Summary
	if s.CommitsSkipped > 0 {
		cv.Caveats = append(cv.Caveats, fmt.Sprintf("%d %s not reviewed (see the notes); findings in %s are unknown.",
			s.CommitsSkipped, plural(s.CommitsSkipped, "commit was", "commits were"), plural(s.CommitsSkipped, "it", "them")))
	}
	if cv.NotReviewed > 0 {
		cv.Caveats = append(cv.Caveats, fmt.Sprintf("%d %s on this page %s no review result.",
			cv.NotReviewed, plural(cv.NotReviewed, "commit", "commits"), plural(cv.NotReviewed, "has", "have")))
	}
	if cv.NothingInside > 0 {
		cv.Caveats = append(cv.Caveats, fmt.Sprintf("The review of %d %s covered no file and no commit message.",
			cv.NothingInside, plural(cv.NothingInside, "commit", "commits")))
	}
	if cv.FilesSkipped > 0 {
		cv.Caveats = append(cv.Caveats, fmt.Sprintf("%d changed %s skipped (reasons below).",
			cv.FilesSkipped, plural(cv.FilesSkipped, "file was", "files were")))
	}
	if s.Shard != "" {
		cv.Caveats = append(cv.Caveats, "This is shard "+htmlLine(s.Shard)+" of the audit: it covers only part of the range.")
	}
	if len(s.Engines) == 0 {
		cv.Caveats = append(cv.Caveats, "No engine is recorded as having run.")
	}
	switch {
	case len(doc.Commits) == 0 && s.CommitsAnalyzed == 0:
		cv.Status, cv.StatusClass = "nothing reviewed", "none"
		cv.Caveats = append([]string{"No commit was reviewed: this audit says nothing about the code."}, cv.Caveats...)
	case len(cv.Caveats) > 0:
		cv.Status, cv.StatusClass = "partial", "partial"
	default:
		cv.Status, cv.StatusClass = "complete", "ok"
	}
	return cv
}

func htmlCommitOf(c *audit.Commit, n int) htmlCommit {
	h := htmlCommit{
		ID: fmt.Sprintf("commit-%d", n), SHA: htmlLine(c.SHA), ShortSHA: htmlLine(nonEmpty(c.ShortSHA, htmlShortSHA(c.SHA))),
		Author: htmlLine(c.Author), Email: htmlLine(c.Email), Date: htmlLine(c.Date), Subject: htmlLine(c.Subject),
		Severity: "NONE", SeverityClass: "sev-none", Verdict: "not reviewed", VerdictClass: "none",
	}
	if c.Result == nil {
		return h
	}
	rv := htmlReviewOf(c.Result, fmt.Sprintf("c%d-", n))
	h.Review = &rv
	h.Findings = len(rv.Findings)
	h.Severity, h.SeverityClass = rv.Severity, rv.SeverityClass
	h.Verdict, h.VerdictClass = rv.VerdictWords, rv.VerdictClass
	return h
}

func htmlShortSHA(sha string) string {
	if r := []rune(sha); len(r) > 12 {
		return string(r[:12])
	}
	return sha
}

// htmlTrendSeries returns the severity series of the trend chart, worst
// first (stacked from the bottom), and the upper-case keys they read. A
// severity key the audit wrote that is not one of the four is added as its
// own series rather than dropped.
func htmlTrendSeries(trend []audit.TrendPoint) ([]svgSeries, []string) {
	var series []svgSeries
	var keys []string
	known := map[string]bool{}
	for _, s := range htmlSeverities {
		series = append(series, svgSeries{Name: s.String(), Class: htmlSeverityClass(s)})
		keys = append(keys, s.String())
		known[s.String()] = true
	}
	extra := map[string]bool{}
	for _, t := range trend {
		for k, v := range t.BySeverity {
			if k = strings.ToUpper(strings.TrimSpace(k)); !known[k] && v > 0 {
				extra[k] = true
			}
		}
	}
	var others []string
	for k := range extra {
		others = append(others, k)
	}
	sort.Strings(others)
	for _, k := range others {
		series = append(series, svgSeries{Name: htmlLine(nonEmpty(k, "(none)")), Class: "sev-none"})
		keys = append(keys, k)
	}
	return series, keys
}

// htmlSeverityRank orders severity counts worst first, then any other keys.
func htmlSeverityRank(m map[string]int) []htmlCount {
	n := map[string]int{}
	for k, v := range m {
		n[strings.ToUpper(strings.TrimSpace(k))] += v
	}
	var out []htmlCount
	for _, s := range htmlSeverities {
		if v := n[s.String()]; v != 0 {
			out = append(out, htmlCount{Key: s.String(), Count: v, Class: htmlSeverityClass(s)})
		}
		delete(n, s.String())
	}
	for _, c := range htmlRank(n) {
		c.Class = "sev-none"
		out = append(out, c)
	}
	return out
}

// htmlRank turns a count map into rows, most first, ties by key; rows with
// a zero count are left out.
func htmlRank(m map[string]int) []htmlCount {
	var out []htmlCount
	for k, v := range m {
		if v != 0 {
			out = append(out, htmlCount{Key: htmlLine(nonEmpty(k, "(none)")), Count: v})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}

func htmlCounts(cs []audit.Count) []htmlCount {
	var out []htmlCount
	for _, c := range cs {
		out = append(out, htmlCount{Key: htmlLine(nonEmpty(c.Key, "(none)")), Count: c.Count})
	}
	return out
}

func htmlItems(cs []htmlCount) []svgItem {
	var out []svgItem
	for i, c := range cs {
		if i == htmlChartRows {
			break
		}
		out = append(out, svgItem{Label: c.Key, Value: c.Count, Class: c.Class})
	}
	return out
}
