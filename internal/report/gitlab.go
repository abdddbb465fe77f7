package report

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/audit"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// GitLab writes a GitLab Code Quality report: a JSON array of issues in the
// subset of the Code Climate format that GitLab reads from a job's
// `artifacts: reports: codequality:` file. Only active findings are written
// (in the change, not suppressed): the report lists what the change
// introduces, as the merge-request widget expects.
//
// Every issue carries the fields GitLab documents as required —
// description, check_name, fingerprint, severity, location.path and
// location.lines.begin — plus Code Climate's type, categories and
// location.lines.end, which GitLab ignores and other Code Climate readers use.
//
// Severity mapping (GitLab's scale is info, minor, major, critical, blocker):
//
//	CRITICAL → blocker   HIGH → critical   MEDIUM → major   LOW → minor
//	no severity (an engine that left it unset) → info
//
// The fingerprint is the finding's own fingerprint (rule, path, normalized
// line, occurrence), so an issue keeps its identity when code moves and GitLab
// can tell new issues from resolved ones between pipelines. GitLab keeps one
// issue per fingerprint, so fingerprints are made unique within the array.
type GitLab struct{ opts Options }

var _ Reporter = (*GitLab)(nil)

// gitlabIssue is one Code Climate issue as GitLab reads it.
type gitlabIssue struct {
	Type        string         `json:"type"`
	CheckName   string         `json:"check_name"`
	Description string         `json:"description"`
	Categories  []string       `json:"categories"`
	Severity    string         `json:"severity"`
	Fingerprint string         `json:"fingerprint"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// gitlabNoFile is the location.path of a finding that has no file (a check
// of the change as a whole): GitLab requires a path on every issue.
const gitlabNoFile = "(no file)"

// Write implements Reporter.
func (g *GitLab) Write(w io.Writer, res *review.Result) error {
	if res == nil {
		return errNoResult
	}
	b := newGitLabBuilder()
	b.addResult(res, "")
	return encodeJSON(w, b.issues, "gitlab")
}

var errNoAudit = errors.New("no audit document to report: run the audit before writing a report")

// WriteAuditGitLab writes one GitLab Code Quality report for a whole audit:
// the active findings of every audited commit, in the document's commit order
// (newest first). A finding with the same fingerprint in several commits (a
// line removed and added again, say) is one issue in GitLab's eyes, so it is
// written once, from the first commit that has it. Commits without a live
// review result (read back from JSON) contribute nothing.
func WriteAuditGitLab(w io.Writer, doc *audit.Document) error {
	if doc == nil {
		return errNoAudit
	}
	b := newGitLabBuilder()
	for i := range doc.Commits {
		c := &doc.Commits[i]
		if c.Result == nil {
			continue
		}
		b.addResult(c.Result, nonEmpty(c.ShortSHA, c.SHA))
	}
	return encodeJSON(w, b.issues, "gitlab")
}

// gitlabBuilder collects issues and keeps their fingerprints unique.
type gitlabBuilder struct {
	issues []gitlabIssue  // never nil: an empty report is [] not null
	seen   map[string]int // fingerprint → the result (1, 2, ...) that wrote it
	result int            // the result being added
}

func newGitLabBuilder() *gitlabBuilder {
	return &gitlabBuilder{issues: []gitlabIssue{}, seen: map[string]int{}}
}

// addResult appends the active findings of one review. commit, when set,
// names the commit in each description (an audit). Within one result two
// findings are two issues even when their fingerprints collide (an engine
// that reused one): the later one gets a derived fingerprint. Across results
// (commits of an audit) a fingerprint already written is the same issue and
// is skipped.
func (b *gitlabBuilder) addResult(r *review.Result, commit string) {
	b.result++
	for _, f := range r.Active() {
		base := gitlabFingerprint(&f)
		if by, ok := b.seen[base]; ok && by < b.result {
			continue
		}
		fp := base
		for n := 2; b.seen[fp] != 0; n++ {
			fp = gitlabDerive(base, n)
		}
		b.seen[fp] = b.result
		b.issues = append(b.issues, gitlabIssueOf(&f, fp, commit))
	}
}

func gitlabIssueOf(f *finding.Finding, fp, commit string) gitlabIssue {
	desc := message(f)
	if cwe := f.CWEID(); cwe != "" && !strings.Contains(desc, cwe) {
		desc += " (" + cwe + ")"
	}
	if commit != "" {
		desc += " [commit " + oneLine(commit) + "]"
	}
	begin := f.Line
	if begin < 1 {
		begin = 1 // GitLab needs a line; a finding without one points at the file
	}
	end := f.EndLine
	if end < begin {
		end = begin
	}
	return gitlabIssue{
		Type:        "issue",
		CheckName:   ruleID(f),
		Description: desc,
		Categories:  gitlabCategories(f),
		Severity:    gitlabSeverity(f.Severity),
		Fingerprint: fp,
		Location:    gitlabLocation{Path: gitlabPath(f.Path), Lines: gitlabLines{Begin: begin, End: end}},
	}
}

// gitlabFingerprint is the finding's fingerprint, or, when an engine left it
// empty, one computed the same way from what the finding says.
func gitlabFingerprint(f *finding.Finding) string {
	if fp := strings.TrimSpace(f.Fingerprint); fp != "" {
		return fp
	}
	text := f.Snippet
	if strings.TrimSpace(text) == "" {
		text = message(f) + "\x00" + strconv.Itoa(f.Line)
	}
	return finding.ComputeFingerprint(ruleID(f), f.Path, text, 0)
}

// gitlabDerive makes the n-th fingerprint for findings that share base.
func gitlabDerive(base string, n int) string {
	h := sha256.Sum256([]byte(base + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(h[:])[:20]
}

// gitlabSeverity maps a PatchPatrol severity onto GitLab's five levels.
func gitlabSeverity(s finding.Severity) string {
	switch s {
	case finding.Critical:
		return "blocker"
	case finding.High:
		return "critical"
	case finding.Medium:
		return "major"
	case finding.Low:
		return "minor"
	}
	return "info"
}

// gitlabCategories names the Code Climate category of a finding: Security
// for security findings and secrets; for quality findings the category that
// fits the rule's own (Bug Risk for likely bugs, Complexity, Clarity for
// commit messages), else Style.
func gitlabCategories(f *finding.Finding) []string {
	switch f.Kind {
	case finding.KindSecurity, finding.KindSecret:
		return []string{"Security"}
	}
	switch strings.ToLower(strings.TrimSpace(f.Category)) {
	case "correctness", "error-handling", "debugging", "bug-risk":
		return []string{"Bug Risk"}
	case "complexity":
		return []string{"Complexity"}
	case "performance":
		return []string{"Performance"}
	case "duplication":
		return []string{"Duplication"}
	case "commit-message":
		return []string{"Clarity"}
	}
	return []string{"Style"}
}

// gitlabPath is the repository-relative path GitLab links to: forward
// slashes, no leading "./".
func gitlabPath(p string) string {
	p = strings.ReplaceAll(strings.TrimSpace(p), "\\", "/")
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	if p == "" {
		return gitlabNoFile
	}
	return p
}
