package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/audit"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// AuditFormats lists the formats of an audit report, in help order.
func AuditFormats() []string {
	return []string{"text", "json", "markdown", "sarif", "html", "gitlab"}
}

// WriteAudit renders an audit document in one format. json writes the
// public audit format (the summary, then every commit with the review result
// document that `review-commit --format json` writes); sarif writes one run
// whose results are deduplicated by fingerprint across commits.
func WriteAudit(w io.Writer, format string, doc *audit.Document, o Options) error {
	if doc == nil {
		return errors.New("no audit to report: run the audit before writing a report")
	}
	normalizeSummary(&doc.Summary)
	switch f := strings.ToLower(strings.TrimSpace(format)); f {
	case "json":
		return writeAuditJSON(w, doc)
	case "text", "markdown":
		bw := bufio.NewWriter(w)
		if f == "text" {
			writeAuditText(bw, doc, o)
		} else {
			writeAuditMarkdown(bw, doc, o)
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("write %s audit report: %w", f, err)
		}
		return nil
	case "sarif":
		log, err := auditSARIF(doc, o, catalogLookup)
		if err != nil {
			return err
		}
		return encodeJSON(w, log, "sarif")
	case "gitlab":
		return WriteAuditGitLab(w, doc)
	case "html":
		return WriteAuditHTML(w, doc, o)
	}
	return fmt.Errorf("unknown audit format %q: use %s", format, strings.Join(AuditFormats(), ", "))
}

// normalizeSummary turns nil tables into empty ones, so JSON never says null.
func normalizeSummary(s *audit.Summary) {
	for _, m := range []*map[string]int{&s.FindingsBySeverity, &s.FindingsByCWE, &s.FindingsByOWASP,
		&s.FindingsByFile, &s.FindingsByAuthor, &s.FindingsByRule} {
		if *m == nil {
			*m = map[string]int{}
		}
	}
	s.Trend = nonNil(s.Trend)
	for i := range s.Trend {
		if s.Trend[i].BySeverity == nil {
			s.Trend[i].BySeverity = map[string]int{}
		}
	}
	s.RiskiestCommits = nonNil(s.RiskiestCommits)
	s.RiskiestFiles = nonNil(s.RiskiestFiles)
	s.TopCWEs = nonNil(s.TopCWEs)
	s.Engines = nonNil(s.Engines)
	s.Notes = nonNil(s.Notes)
}

// auditJSONDoc is the public audit format; see audit.Document.
type auditJSONDoc struct {
	Summary audit.Summary     `json:"summary"`
	Commits []auditJSONCommit `json:"commits"`
}

// auditJSONCommit writes the commit's fields, then its result document.
type auditJSONCommit struct {
	audit.Commit
	Result any `json:"result"`
}

func writeAuditJSON(w io.Writer, doc *audit.Document) error {
	out := auditJSONDoc{Summary: doc.Summary, Commits: make([]auditJSONCommit, 0, len(doc.Commits))}
	for _, c := range doc.Commits {
		jc := auditJSONCommit{Commit: c}
		switch {
		case len(c.Raw) > 0:
			jc.Result = c.Raw
		case c.Result != nil:
			d, err := jsonDocument(c.Result)
			if err != nil {
				return fmt.Errorf("commit %s: %w", c.ShortSHA, err)
			}
			jc.Result = d
		default:
			return fmt.Errorf("commit %s has no review result to report", c.ShortSHA)
		}
		out.Commits = append(out.Commits, jc)
	}
	return encodeJSON(w, out, "json")
}

// ReadAudit reads an audit document written by WriteAudit's json format.
// Each commit's Result is rebuilt from its result document and Raw keeps the
// document as read, so writing it back changes nothing.
func ReadAudit(data []byte) (*audit.Document, error) {
	var in struct {
		Summary *audit.Summary `json:"summary"`
		Commits []struct {
			audit.Commit
			Result json.RawMessage `json:"result"`
		} `json:"commits"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, fmt.Errorf("not a PatchPatrol audit document: %w", err)
	}
	if in.Summary == nil || in.Commits == nil {
		return nil, errors.New(`not a PatchPatrol audit document: expected "summary" and "commits" (write one with ` + "`patchpatrol audit --format json`)")
	}
	doc := &audit.Document{Summary: *in.Summary, Commits: make([]audit.Commit, 0, len(in.Commits))}
	for i, c := range in.Commits {
		if !isFullID(c.SHA) {
			return nil, fmt.Errorf("commit %d: %q is not a full commit id", i+1, c.SHA)
		}
		res, err := ParseResult(c.Result)
		if err != nil {
			return nil, fmt.Errorf("commit %s: %w", c.SHA, err)
		}
		cm := c.Commit
		cm.Result, cm.Raw = res, c.Result
		doc.Commits = append(doc.Commits, cm)
	}
	return doc, nil
}

func isFullID(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// ParseResult rebuilds a review result from the JSON reporter's document.
// The findings come back in the order active, suppressed, outside the change,
// which is the order the JSON reporter splits them into, so rendering the
// rebuilt result writes the same document. Hard is known only through
// "blocked": an approved result reads back as soft.
func ParseResult(data []byte) (*review.Result, error) {
	var d jsonReport
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("not a PatchPatrol result document: %w", err)
	}
	mode, err := review.ParseMode(d.Mode)
	if err != nil || (d.SecurityIssues == nil) == (d.QualityIssues == nil) {
		return nil, errors.New(`not a PatchPatrol result document: expected "mode" and one of "security_issues" or "quality_issues" (write one with --format json)`)
	}
	active := d.SecurityIssues
	if active == nil {
		active = d.QualityIssues
	}
	res := &review.Result{Target: d.Target, Mode: mode, Score: d.Score, Verdict: review.Verdict(d.Verdict),
		Severity: d.Severity, Threshold: d.Threshold, Approved: d.Approved, Hard: d.Blocked,
		Comments: d.Comments, OWASP: d.OWASPCategories, Compliance: d.ComplianceImpact,
		Coverage: d.Coverage, Champion: d.SecurityChampion, Warnings: d.Warnings}
	res.Findings = make([]finding.Finding, 0, len(*active)+len(d.SuppressedIssues)+len(d.OutsideChange))
	res.Findings = append(res.Findings, *active...)
	res.Findings = append(res.Findings, d.SuppressedIssues...)
	res.Findings = append(res.Findings, d.OutsideChange...)
	return res, nil
}

// --- text -------------------------------------------------------------------

func writeAuditText(w io.Writer, doc *audit.Document, o Options) {
	s := &doc.Summary
	if !o.Quiet {
		fmt.Fprintf(w, "PatchPatrol audit: %s review of %s", nonEmpty(s.Mode, "security"), oneLine(nonEmpty(s.Range, "HEAD")))
		if s.Shard != "" {
			fmt.Fprintf(w, " (shard %s)", s.Shard)
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "Commits: %d analyzed, %d with findings", s.CommitsAnalyzed, s.CommitsWithFindings)
		if s.CommitsSkipped > 0 {
			fmt.Fprintf(w, ", %d skipped", s.CommitsSkipped)
		}
		fmt.Fprintf(w, "; %d %s, %.2f per commit\n", s.FindingsTotal, plural(s.FindingsTotal, "issue", "issues"), s.IssuesPerCommit)
		fmt.Fprintf(w, "By severity: %s\n", severityCounts(s.FindingsBySeverity))
		table := func(title string, rows []audit.Count) {
			if len(rows) == 0 {
				return
			}
			parts := make([]string, len(rows))
			for i, r := range rows {
				parts[i] = fmt.Sprintf("%s %d", quietSeverity(oneLine(r.Key)), r.Count)
			}
			fmt.Fprintf(w, "%s: %s\n", title, strings.Join(parts, ", "))
		}
		table("Top CWEs", s.TopCWEs)
		table("OWASP", top(s.FindingsByOWASP))
		table("Riskiest files", s.RiskiestFiles)
		table("Authors", top(s.FindingsByAuthor))
		table("Rules", top(s.FindingsByRule))
		if len(s.Trend) > 0 {
			fmt.Fprintf(w, "Trend by %s:\n", s.TrendBucket)
			for _, p := range s.Trend {
				fmt.Fprintf(w, "  %s  %3d %s  %s\n", p.Period, p.Commits, plural(p.Commits, "commit ", "commits"), severityCounts(p.BySeverity))
			}
		}
		if len(s.RiskiestCommits) > 0 {
			fmt.Fprintln(w, "Riskiest commits:")
			for _, rc := range s.RiskiestCommits {
				fmt.Fprintf(w, "  %s  score %.2f  %d %s, worst %s  %s (%s)\n", rc.ShortSHA, rc.Score, rc.Findings,
					plural(rc.Findings, "issue", "issues"), strings.ToLower(rc.Severity), quietSeverity(oneLine(rc.Subject)), quietSeverity(oneLine(rc.Author)))
			}
		}
		fmt.Fprintln(w)
	}
	for _, c := range doc.Commits {
		if c.Result == nil {
			continue
		}
		active := c.Result.Active()
		if len(active) == 0 && !o.Verbose {
			continue
		}
		if !o.Quiet {
			fmt.Fprintf(w, "%s %s %s: %s (%s)\n", c.ShortSHA, dateOnly(c.Date), quietSeverity(oneLine(c.Author)),
				quietSeverity(oneLine(c.Subject)), commitOutcome(c.Result, len(active)))
		}
		for i := range active {
			f := &active[i]
			fmt.Fprintf(w, "  %s %s %s %s: %s\n", f.Severity, c.ShortSHA, ruleID(f), location(f), quietSeverity(message(f)))
		}
	}
	if !o.Quiet {
		for _, n := range s.Notes {
			fmt.Fprintf(w, "Note: %s\n", quietSeverity(oneLine(n)))
		}
	}
	fmt.Fprintln(w, auditClosingLine(s))
}

func auditClosingLine(s *audit.Summary) string {
	line := fmt.Sprintf("audit: %d %s analyzed, %d with findings, %d %s", s.CommitsAnalyzed,
		plural(s.CommitsAnalyzed, "commit", "commits"), s.CommitsWithFindings, s.FindingsTotal, plural(s.FindingsTotal, "issue", "issues"))
	if s.Baselined > 0 {
		line += fmt.Sprintf(", %d baselined", s.Baselined)
	}
	if s.Suppressed > 0 {
		line += fmt.Sprintf(", %d suppressed", s.Suppressed)
	}
	if s.CommitsSkipped > 0 {
		line += fmt.Sprintf(", %d commits skipped", s.CommitsSkipped)
	}
	return line
}

func commitOutcome(r *review.Result, active int) string {
	state := "approved"
	switch outcomeOf(r) {
	case outcomeBlocked:
		state = "blocked"
	case outcomeSoft:
		state = "not approved"
	}
	return fmt.Sprintf("%s, score %.2f, %d %s", state, r.Score, active, plural(active, "issue", "issues"))
}

// severityCounts is "critical 1, high 2, medium 0, low 3": lower-case, so
// that only issue lines carry the severity words.
func severityCounts(m map[string]int) string {
	parts := make([]string, 0, 4)
	for _, sev := range []finding.Severity{finding.Critical, finding.High, finding.Medium, finding.Low} {
		parts = append(parts, fmt.Sprintf("%s %d", strings.ToLower(sev.String()), m[sev.String()]))
	}
	return strings.Join(parts, ", ")
}

// top ranks a table as the summary's ranked lists are.
func top(m map[string]int) []audit.Count {
	out := make([]audit.Count, 0, len(m))
	for k, n := range m {
		out = append(out, audit.Count{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	if len(out) > audit.TopN {
		out = out[:audit.TopN]
	}
	return out
}

func dateOnly(d string) string {
	if len(d) >= 10 {
		return d[:10]
	}
	return d
}

// --- markdown ---------------------------------------------------------------

func writeAuditMarkdown(w io.Writer, doc *audit.Document, o Options) {
	s := &doc.Summary
	fmt.Fprintf(w, "## PatchPatrol audit: %d %s, %d with findings\n\n", s.CommitsAnalyzed,
		plural(s.CommitsAnalyzed, "commit", "commits"), s.CommitsWithFindings)
	fmt.Fprintf(w, "%s review of `%s`", mdEscape(nonEmpty(s.Mode, "security")), strings.ReplaceAll(oneLine(nonEmpty(s.Range, "HEAD")), "`", "'"))
	if s.Shard != "" {
		fmt.Fprintf(w, " (shard %s)", mdEscape(s.Shard))
	}
	fmt.Fprintf(w, " · %d %s · %.2f per commit", s.FindingsTotal, plural(s.FindingsTotal, "issue", "issues"), s.IssuesPerCommit)
	if s.Baselined > 0 {
		fmt.Fprintf(w, " · %d baselined", s.Baselined)
	}
	if s.Suppressed > 0 {
		fmt.Fprintf(w, " · %d suppressed", s.Suppressed)
	}
	fmt.Fprintln(w)

	fmt.Fprintln(w, "\n| Severity | Issues |\n|---|---:|")
	for _, sev := range []finding.Severity{finding.Critical, finding.High, finding.Medium, finding.Low} {
		fmt.Fprintf(w, "| %s | %d |\n", sev, s.FindingsBySeverity[sev.String()])
	}
	table := func(title string, rows []audit.Count) {
		if len(rows) == 0 {
			return
		}
		fmt.Fprintf(w, "\n| %s | Issues |\n|---|---:|\n", title)
		for _, r := range rows {
			fmt.Fprintf(w, "| %s | %d |\n", mdEscape(r.Key), r.Count)
		}
	}
	table("CWE", s.TopCWEs)
	table("OWASP category", top(s.FindingsByOWASP))
	table("File", s.RiskiestFiles)
	table("Author", top(s.FindingsByAuthor))
	if len(s.Trend) > 0 {
		fmt.Fprintf(w, "\n| %s | Commits | Critical | High | Medium | Low |\n|---|---:|---:|---:|---:|---:|\n", strings.ToUpper(s.TrendBucket[:1])+s.TrendBucket[1:])
		for _, p := range s.Trend {
			fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %d |\n", mdEscape(p.Period), p.Commits, p.BySeverity["CRITICAL"],
				p.BySeverity["HIGH"], p.BySeverity["MEDIUM"], p.BySeverity["LOW"])
		}
	}
	if len(s.RiskiestCommits) > 0 {
		fmt.Fprintln(w, "\n### Riskiest commits\n\n| Commit | Score | Issues | Worst | Subject | Author |\n|---|---:|---:|---|---|---|")
		for _, rc := range s.RiskiestCommits {
			fmt.Fprintf(w, "| `%s` | %.2f | %d | %s | %s | %s |\n", rc.ShortSHA, rc.Score, rc.Findings, mdEscape(rc.Severity),
				mdEscape(rc.Subject), mdEscape(rc.Author))
		}
	}
	var rows []string
	for _, c := range doc.Commits {
		if c.Result == nil {
			continue
		}
		active := c.Result.Active()
		for i := range active {
			f := &active[i]
			rows = append(rows, fmt.Sprintf("| `%s` | %s | %s | %s | %s |", c.ShortSHA, f.Severity, mdEscape(ruleID(f)),
				mdEscape(location(f)), mdEscape(message(f))))
		}
	}
	if len(rows) > 0 {
		fmt.Fprintln(w, "\n### Issues\n\n| Commit | Severity | Rule | Location | Issue |\n|---|---|---|---|---|")
		for _, r := range rows {
			fmt.Fprintln(w, r)
		}
	}
	if len(s.Notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range s.Notes {
			fmt.Fprintf(w, "> **Note:** %s\n", mdEscape(n))
		}
	}
	version := ""
	if o.ToolVersion != "" {
		version = " " + mdEscape(o.ToolVersion)
	}
	fmt.Fprintf(w, "\n<sub>PatchPatrol%s · %s</sub>\n", version, mdEscape(auditClosingLine(s)))
}

// --- SARIF ------------------------------------------------------------------

// auditSARIFLog is the audit's SARIF log: one run for every commit.
type auditSARIFLog struct {
	Schema  string          `json:"$schema"`
	Version string          `json:"version"`
	Runs    []auditSARIFRun `json:"runs"`
}

type auditSARIFRun struct {
	Tool        sarifTool          `json:"tool"`
	Invocations []sarifInvocation  `json:"invocations"`
	Results     []auditSARIFResult `json:"results"`
	// Properties are the run's totals. Merging logs reads them as a map and
	// writes them back sorted by key, so auditSARIFProps lists its fields
	// in key order and both encode alike.
	Properties any `json:"properties"`
}

// auditSARIFResult is a result with the commit that introduced it.
type auditSARIFResult struct {
	sarifResult
	Properties auditSARIFResultProps `json:"properties"`
}

type auditSARIFResultProps struct {
	Commit     string `json:"commit,omitempty"`
	Confidence string `json:"confidence"`
	Engine     string `json:"engine,omitempty"`
	Severity   string `json:"severity"`
}

// auditSARIFProps: fields in key order (see auditSARIFRun.Properties).
type auditSARIFProps struct {
	CommitsAnalyzed     int    `json:"commitsAnalyzed"`
	CommitsWithFindings int    `json:"commitsWithFindings"`
	FindingsTotal       int    `json:"findingsTotal"`
	Mode                string `json:"mode"`
	Range               string `json:"range"`
}

// auditSARIF builds one run with the active and suppressed findings of every
// commit, one result per fingerprint.
func auditSARIF(doc *audit.Document, o Options, lookup ruleLookup) (*auditSARIFLog, error) {
	type cand struct {
		f   finding.Finding
		sha string
	}
	var cands []cand
	for _, c := range doc.Commits {
		if c.Result == nil {
			continue
		}
		cs := countsOf(c.Result)
		for _, f := range append(append([]finding.Finding{}, cs.active...), cs.suppressed...) {
			cands = append(cands, cand{f: f, sha: c.SHA})
		}
	}
	fs := make([]finding.Finding, len(cands))
	for i := range cands {
		fs[i] = cands[i].f
	}
	ruleList, index := sarifRules(fs, lookup)
	results := make([]auditSARIFResult, len(cands))
	for i := range cands {
		r := sarifResultOf(&cands[i].f, index[ruleID(&cands[i].f)])
		results[i] = auditSARIFResult{sarifResult: r, Properties: auditSARIFResultProps{Commit: cands[i].sha,
			Confidence: r.Properties.Confidence, Engine: r.Properties.Engine, Severity: r.Properties.Severity}}
	}
	results = dedupeSARIF(results)
	reindexRules(results, ruleList)
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, n := range doc.Summary.Notes {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "note", Message: sarifText{Text: n}})
	}
	s := &doc.Summary
	run := auditSARIFRun{
		Tool: sarifTool{Driver: sarifDriver{Name: toolName, Version: o.ToolVersion,
			InformationURI: toolInfoURI, Rules: ruleList}},
		Invocations: []sarifInvocation{inv},
		Results:     results,
		Properties: auditSARIFProps{CommitsAnalyzed: s.CommitsAnalyzed, CommitsWithFindings: s.CommitsWithFindings,
			FindingsTotal: s.FindingsTotal, Mode: s.Mode, Range: s.Range},
	}
	return &auditSARIFLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []auditSARIFRun{run}}, nil
}

// sarifKey orders results: location, rule, fingerprint, commit.
type sarifKey struct {
	uri                    string
	line, col              int
	rule, fingerprint, sha string
}

func keyOf(r *auditSARIFResult) sarifKey {
	k := sarifKey{rule: r.RuleID, fingerprint: r.PartialFingerprints[fingerprintKey], sha: r.Properties.Commit}
	if len(r.Locations) > 0 && r.Locations[0].PhysicalLocation != nil {
		pl := r.Locations[0].PhysicalLocation
		k.uri = pl.ArtifactLocation.URI
		if pl.Region != nil {
			k.line, k.col = pl.Region.StartLine, pl.Region.StartColumn
		}
	}
	return k
}

func (a sarifKey) less(b sarifKey) bool {
	switch {
	case a.uri != b.uri:
		return a.uri < b.uri
	case a.line != b.line:
		return a.line < b.line
	case a.col != b.col:
		return a.col < b.col
	case a.rule != b.rule:
		return a.rule < b.rule
	case a.fingerprint != b.fingerprint:
		return a.fingerprint < b.fingerprint
	}
	return a.sha < b.sha
}

// dedupeSARIF keeps one result per fingerprint: the least by sarifKey, a
// choice that depends only on the set of results, so merged shards keep the
// same one as the whole audit. Results without a fingerprint all stay. The
// results come back sorted by sarifKey.
func dedupeSARIF(rs []auditSARIFResult) []auditSARIFResult {
	sort.SliceStable(rs, func(i, j int) bool { return keyOf(&rs[i]).less(keyOf(&rs[j])) })
	seen := map[string]bool{}
	out := rs[:0]
	for _, r := range rs {
		fp := r.PartialFingerprints[fingerprintKey]
		if fp != "" {
			if seen[fp] {
				continue
			}
			seen[fp] = true
		}
		out = append(out, r)
	}
	return nonNil(out)
}

// reindexRules points every result at its rule's index in rules.
func reindexRules(rs []auditSARIFResult, rules []sarifRule) {
	index := make(map[string]int, len(rules))
	for i, r := range rules {
		index[r.ID] = i
	}
	for i := range rs {
		rs[i].RuleIndex = index[rs[i].RuleID]
	}
}

// MergeSARIF merges SARIF logs written by PatchPatrol (audits, reviews or
// scans, sharded or not) into one log with one run: the rules of every run,
// the results deduplicated by fingerprint as an audit deduplicates them
// across commits, and the run properties combined (counts added, values that
// differ between logs dropped).
func MergeSARIF(w io.Writer, logs [][]byte, toolVersion string) error {
	var rules []sarifRule
	seenRule := map[string]bool{}
	var results []auditSARIFResult
	var notes []sarifNotification
	seenNote := map[string]bool{}
	success := true
	var props []map[string]json.RawMessage
	version := toolVersion
	for i, data := range logs {
		var in struct {
			Version string `json:"version"`
			Runs    []struct {
				Tool        sarifTool                  `json:"tool"`
				Invocations []sarifInvocation          `json:"invocations"`
				Results     []auditSARIFResult         `json:"results"`
				Properties  map[string]json.RawMessage `json:"properties"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(data, &in); err != nil {
			return fmt.Errorf("SARIF log %d: %w", i+1, err)
		}
		if in.Version != sarifVersion {
			return fmt.Errorf("SARIF log %d: version %q: only SARIF %s is supported", i+1, in.Version, sarifVersion)
		}
		for _, run := range in.Runs {
			if run.Tool.Driver.Name != toolName {
				return fmt.Errorf("SARIF log %d: a run of %q: only PatchPatrol's logs can be merged", i+1, run.Tool.Driver.Name)
			}
			if version == "" {
				version = run.Tool.Driver.Version
			}
			for _, r := range run.Tool.Driver.Rules {
				if !seenRule[r.ID] {
					seenRule[r.ID] = true
					rules = append(rules, r)
				}
			}
			for _, inv := range run.Invocations {
				success = success && inv.ExecutionSuccessful
				for _, n := range inv.Notifications {
					k := n.Level + "\x00" + n.Message.Text
					if !seenNote[k] {
						seenNote[k] = true
						notes = append(notes, n)
					}
				}
			}
			results = append(results, run.Results...)
			props = append(props, run.Properties)
		}
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	sort.SliceStable(notes, func(i, j int) bool {
		if notes[i].Level != notes[j].Level {
			return notes[i].Level < notes[j].Level
		}
		return notes[i].Message.Text < notes[j].Message.Text
	})
	results = dedupeSARIF(results)
	reindexRules(results, rules)
	merged, err := mergeProps(props)
	if err != nil {
		return err
	}
	run := auditSARIFRun{
		Tool: sarifTool{Driver: sarifDriver{Name: toolName, Version: version, InformationURI: toolInfoURI,
			Rules: nonNil(rules)}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: success, Notifications: notes}},
		Results:     results,
		Properties:  merged,
	}
	return encodeJSON(w, auditSARIFLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []auditSARIFRun{run}}, "sarif")
}

// mergeProps adds the whole-number counts of the runs' properties, ANDs
// "approved", ORs "blocked", and keeps any other value only when every run
// has the same one.
func mergeProps(props []map[string]json.RawMessage) (map[string]any, error) {
	out := map[string]any{}
	keys := map[string]bool{}
	for _, p := range props {
		for k := range p {
			keys[k] = true
		}
	}
	for k := range keys {
		var vals []json.RawMessage
		for _, p := range props {
			if v, ok := p[k]; ok {
				vals = append(vals, v)
			}
		}
		if len(vals) != len(props) {
			continue // not in every run: not a property of the merged run
		}
		switch k {
		case "approved", "blocked":
			acc := k == "approved"
			for _, v := range vals {
				var b bool
				if err := json.Unmarshal(v, &b); err != nil {
					return nil, fmt.Errorf("SARIF run property %s: %w", k, err)
				}
				if k == "approved" {
					acc = acc && b
				} else {
					acc = acc || b
				}
			}
			out[k] = acc
			continue
		}
		if sum, ok := sumInts(vals); ok && isCount(k) {
			out[k] = sum
			continue
		}
		same := true
		for _, v := range vals[1:] {
			if !bytes.Equal(bytes.TrimSpace(v), bytes.TrimSpace(vals[0])) {
				same = false
			}
		}
		if same {
			out[k] = json.RawMessage(bytes.TrimSpace(vals[0]))
		}
	}
	return out, nil
}

// isCount names the run properties that count things and add up.
func isCount(k string) bool {
	switch k {
	case "commitsAnalyzed", "commitsWithFindings", "findingsTotal", "filesReviewed", "filesSkipped", "suppressed", "outsideChange":
		return true
	}
	return false
}

func sumInts(vals []json.RawMessage) (int64, bool) {
	var sum int64
	for _, v := range vals {
		var n int64
		if err := json.Unmarshal(v, &n); err != nil {
			return 0, false
		}
		sum += n
	}
	return sum, true
}
