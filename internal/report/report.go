package report

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// Options tune a reporter. Machine formats (json, sarif) ignore Color, Verbose
// and Quiet; markdown ignores Color and Quiet.
type Options struct {
	Color       bool   // ANSI colour in the text format
	Verbose     bool   // list traces, findings outside the change, skipped files
	Quiet       bool   // text: only the issue lines and the closing line
	ToolVersion string // written into SARIF and the markdown footer
}

// Reporter writes one review result in one format.
type Reporter interface {
	Write(w io.Writer, res *review.Result) error
}

// ruleLookup finds catalog metadata for a finding's rule id; nil when the id
// is not in the catalog (an AI engine's "AI-SEC", say).
type ruleLookup func(id string) *rules.Rule

// Formats lists the accepted format names, in help order.
func Formats() []string { return []string{"text", "json", "sarif", "markdown", "gitlab", "html"} }

// New returns the reporter for a format name (case-insensitive).
func New(format string, o Options) (Reporter, error) {
	return newReporter(format, o, catalogLookup)
}

func newReporter(format string, o Options, lookup ruleLookup) (Reporter, error) {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "text":
		return &Text{opts: o}, nil
	case "json":
		return &JSON{opts: o}, nil
	case "sarif":
		return &SARIF{opts: o, lookup: lookup}, nil
	case "markdown":
		return &Markdown{opts: o}, nil
	case "gitlab": // GitLab Code Quality (gitlab.go)
		return &GitLab{opts: o}, nil
	case "html": // one self-contained page (html.go)
		return &HTML{opts: o}, nil
	}
	return nil, fmt.Errorf("unknown format %q: use %s", format, formatList())
}

// formatList is Formats() as prose: "text, json, sarif, markdown, gitlab or html".
func formatList() string {
	f := Formats()
	return strings.Join(f[:len(f)-1], ", ") + " or " + f[len(f)-1]
}

// catalogLookup accepts a catalog rule only when its id is exactly the
// finding's rule id: rules.Lookup also resolves names and aliases, and a SARIF
// result must name the same id as its rule entry.
func catalogLookup(id string) *rules.Rule {
	if r := rules.Lookup(id); r != nil && r.ID == id {
		return r
	}
	return nil
}

var errNoResult = errors.New("no review result to report: run the review before writing a report")

// isQuality reports whether the result is a code-quality review; anything
// else is reported as a security review.
func isQuality(r *review.Result) bool { return r.Mode == review.ModeQuality }

// outcome is how the review ended, for closing lines and headings.
type outcome int

const (
	outcomeApproved outcome = iota
	outcomeSoft             // not approved, soft mode: the commit goes ahead
	outcomeBlocked          // not approved, hard mode
)

func outcomeOf(r *review.Result) outcome {
	switch {
	case r.Blocked():
		return outcomeBlocked
	case !r.Approved:
		return outcomeSoft
	}
	return outcomeApproved
}

// verdictWords returns the symbol and words of the verdict, as the original
// PatchPatrol printed them.
func verdictWords(r *review.Result) (symbol, words string) {
	switch r.Verdict {
	case review.Approve:
		if isQuality(r) {
			return "✓", "APPROVE"
		}
		return "✓", "APPROVED"
	case review.Revise:
		return "✎", "REVISE"
	case review.SecurityRisk:
		return "🔒", "SECURITY RISK"
	case "":
		return "?", "NO VERDICT"
	}
	return "?", strings.ToUpper(oneLine(string(r.Verdict)))
}

// counts are the numbers every format reports.
type counts struct {
	active, suppressed, outside []finding.Finding
}

func countsOf(r *review.Result) counts {
	return counts{active: r.Active(), suppressed: r.SuppressedFindings(), outside: r.Outside()}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// reviewedPhrase says what was reviewed: "reviewed 3 files and the commit
// message, skipped 1 (logo.png: binary)". At most three skips are named.
func reviewedPhrase(c *review.Coverage) string {
	var b strings.Builder
	fmt.Fprintf(&b, "reviewed %d %s", c.FilesReviewed, plural(c.FilesReviewed, "file", "files"))
	if c.MessageReviewed {
		b.WriteString(" and the commit message")
	}
	fmt.Fprintf(&b, ", skipped %d", len(c.FilesSkipped))
	if len(c.FilesSkipped) > 0 {
		const named = 3
		var parts []string
		for i, s := range c.FilesSkipped {
			if i == named {
				parts = append(parts, fmt.Sprintf("+%d more", len(c.FilesSkipped)-named))
				break
			}
			parts = append(parts, skipText(s))
		}
		b.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	return b.String()
}

func skipText(s review.Skip) string {
	if s.Reason == "" {
		return oneLine(s.File)
	}
	return oneLine(s.File) + ": " + quietSeverity(oneLine(s.Reason))
}

// issuesPhrase says how many findings count, and how many do not:
// "2 issues in the change, 1 suppressed, 3 outside the change", or "no issues".
func issuesPhrase(c counts) string {
	if len(c.active)+len(c.suppressed)+len(c.outside) == 0 {
		return "no issues"
	}
	parts := []string{"no issues in the change"}
	if n := len(c.active); n > 0 {
		parts[0] = fmt.Sprintf("%d %s in the change", n, plural(n, "issue", "issues"))
	}
	if n := len(c.suppressed); n > 0 {
		parts = append(parts, fmt.Sprintf("%d suppressed", n))
	}
	if n := len(c.outside); n > 0 {
		parts = append(parts, fmt.Sprintf("%d outside the change", n))
	}
	return strings.Join(parts, ", ")
}

// suppressionKinds summarises suppressions by kind, most common first:
// "1 inline, 1 nosec".
func suppressionKinds(fs []finding.Finding) string {
	n := map[string]int{}
	for _, f := range fs {
		k := "unknown"
		if f.Suppressed != nil && strings.TrimSpace(f.Suppressed.Kind) != "" {
			k = oneLine(f.Suppressed.Kind)
		}
		n[k]++
	}
	kinds := make([]string, 0, len(n))
	for k := range n {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if n[kinds[i]] != n[kinds[j]] {
			return n[kinds[i]] > n[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%d %s", n[k], k)
	}
	return strings.Join(parts, ", ")
}

// location is "path:line", or a placeholder for findings without a file
// (commit-message and whole-change checks).
func location(f *finding.Finding) string {
	if f.Path == "" {
		if f.Line > 0 {
			return fmt.Sprintf("line %d", f.Line)
		}
		return "(no file)"
	}
	return oneLine(f.Location())
}

// ruleID names a finding's rule, even when an engine left it empty.
func ruleID(f *finding.Finding) string {
	if strings.TrimSpace(f.RuleID) == "" {
		return "UNKNOWN"
	}
	return f.RuleID
}

// message is a finding's one-line description, falling back to its title and
// then its rule.
func message(f *finding.Finding) string {
	for _, s := range []string{f.Message, f.Title} {
		if t := oneLine(s); t != "" {
			return t
		}
	}
	return ruleID(f) + " finding"
}

// oneLine makes untrusted text safe for one terminal or table line: runs of
// whitespace collapse to one space, and control characters (ANSI escapes
// included) and bidirectional overrides (Trojan Source) become U+FFFD.
func oneLine(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), isBidi(r), r == unicode.ReplacementChar:
			r = unicode.ReplacementChar
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

func isBidi(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}

// severityWord matches the severity words in prose: any upper-case word that
// contains CRITICAL or HIGH ("HIGHLY" too, since grep matches substrings), and
// MEDIUM or LOW as whole words (so ALLOWED_HOSTS is left alone).
var severityWord = regexp.MustCompile(`[A-Z0-9_]*(?:CRITICAL|HIGH)[A-Z0-9_]*|\b(?:MEDIUM|LOW)\b`)

// quietSeverity lower-cases severity words in prose, so that only issue lines
// and the header carry them and `grep -c "CRITICAL\|HIGH"` counts issues.
// Paths and rule ids are never passed through it.
func quietSeverity(s string) string {
	return severityWord.ReplaceAllStringFunc(s, strings.ToLower)
}
