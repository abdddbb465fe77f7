package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// HTML writes one self-contained page: the verdict, score and threshold,
// what was and was not reviewed, every finding with its evidence and fix,
// and the findings that do not count. The page makes no request of any kind
// (no fonts, images, scripts or links to load; a Content-Security-Policy of
// default-src 'none' forbids them) and needs no JavaScript.
//
// Every value comes from the code under review, a model or the user, so the
// page is rendered with html/template and no value is ever marked as trusted
// HTML; control and bidirectional characters are shown as visible markers.
// Options.Color and Options.Quiet are ignored; the page always lists
// everything, with the long lists folded.
type HTML struct{ opts Options }

var _ Reporter = (*HTML)(nil)

//go:embed templates/*.tmpl
var htmlTemplateFS embed.FS

// htmlTemplates parses the page templates once, on first use.
var htmlTemplates = sync.OnceValues(func() (*template.Template, error) {
	funcs := template.FuncMap{
		"lower": strings.ToLower,
		"list":  func(v ...any) []any { return v },
		"div": func(a, b int) int {
			if b == 0 {
				return 0
			}
			return a / b
		},
	}
	return template.New("html").Funcs(funcs).ParseFS(htmlTemplateFS, "templates/*.tmpl")
})

// Write implements Reporter.
func (h *HTML) Write(w io.Writer, res *review.Result) error {
	if res == nil {
		return errNoResult
	}
	page := htmlReviewPage{Tool: htmlTool(h.opts), Review: htmlReviewOf(res, "")}
	if err := htmlExecute(w, "review-page", page); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}

// htmlExecute renders a page into memory first, so a template error never
// leaves half a page behind, then writes it.
func htmlExecute(w io.Writer, name string, data any) error {
	t, err := htmlTemplates()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func htmlTool(o Options) string {
	if v := htmlLine(o.ToolVersion); v != "" {
		return "PatchPatrol " + v
	}
	return "PatchPatrol"
}

// htmlReviewPage is the data of the single-review page.
type htmlReviewPage struct {
	Tool   string
	Review htmlReview
}

// htmlReview is one review result prepared for the templates: every string
// made visible-safe, every number formatted. An audit page renders one per
// commit, with IDs prefixed so they stay unique.
type htmlReview struct {
	Prefix        string // id prefix: "" on its own page, "c3-" in an audit
	Target        string
	Mode          string
	Kind          string // "Security" or "Quality"
	VerdictWords  string
	VerdictClass  string // approve, revise, risk, none
	Outcome       string
	OutcomeClass  string // ok, soft, blocked
	ScoreName     string // "risk" or "quality"
	Score         string
	Threshold     string
	Rule          string // "approved when risk ≤ 0.50"
	Severity      string
	SeverityClass string
	Gauge         svgChart
	Warnings      []string
	Coverage      htmlCoverage
	Findings      []htmlFinding
	BySeverity    []htmlCount
	Suppressed    []htmlFinding
	Outside       []htmlFinding
	Comments      []string
	OWASP         []string
	Compliance    []string
	Champion      string
	Closing       string // the text report's closing line, without the symbol
}

// htmlCoverage says what was and was not reviewed. Caveats are the reasons
// a reader should not take the verdict for more than it covers.
type htmlCoverage struct {
	Status          string // "complete", "partial" or "nothing reviewed"
	StatusClass     string // ok, partial, none
	Phrase          string
	FilesReviewed   int
	Files           []string
	Skipped         []htmlSkip
	Engines         []string
	MessageReviewed bool
	LinesAdded      int
	Notes           []string
	Caveats         []string
	Suppressed      int
	Outside         int
}

type htmlSkip struct{ File, Reason string }

type htmlCount struct {
	Key   string
	Count int
	Class string
}

// htmlFinding is one finding, every field ready to print.
type htmlFinding struct {
	ID            string
	Severity      string
	SeverityClass string
	Confidence    string
	Rule          string
	Title         string
	Message       string
	CWE           string
	OWASP         string
	Category      string
	Kind          string
	Engine        string
	Compliance    string
	Location      string
	Column        string
	Snippet       string
	Trace         []htmlStep
	Remediation   string
	Example       string
	Fingerprint   string
	Scope         string
	Why           string // why a finding does not count: suppression or scope
}

type htmlStep struct{ At, Message string }

// htmlReviewOf prepares a result for the templates; prefix keeps ids unique
// when several results share a page.
func htmlReviewOf(r *review.Result, prefix string) htmlReview {
	c := countsOf(r)
	_, words := verdictWords(r)
	v := htmlReview{
		Prefix: prefix, Target: htmlLine(nonEmpty(r.Target, "the change")), Mode: htmlLine(nonEmpty(string(r.Mode), "security")),
		Kind: "Security", VerdictWords: htmlLine(words), ScoreName: "risk",
		Score: htmlScore(r.Score), Threshold: htmlScore(r.Threshold),
		Severity: r.Severity.String(), SeverityClass: htmlSeverityClass(r.Severity),
		Warnings: htmlLines(r.Warnings), Comments: htmlLines(r.Comments), Compliance: htmlLines(r.Compliance),
		Champion: htmlLine(r.Champion),
		Closing:  htmlLine(reviewedPhrase(&r.Coverage) + "; " + issuesPhrase(c)),
	}
	switch r.Verdict {
	case review.Approve:
		v.VerdictClass = "approve"
	case review.Revise:
		v.VerdictClass = "revise"
	case review.SecurityRisk:
		v.VerdictClass = "risk"
	default:
		v.VerdictClass = "none"
	}
	switch outcomeOf(r) {
	case outcomeBlocked:
		v.Outcome, v.OutcomeClass = "Blocked: the commit is stopped (hard mode)", "blocked"
	case outcomeSoft:
		v.Outcome, v.OutcomeClass = "Not approved (soft mode, commit allowed)", "soft"
	default:
		v.Outcome, v.OutcomeClass = "Approved", "ok"
	}
	if isQuality(r) {
		v.Kind, v.ScoreName = "Quality", "quality"
		v.Rule = "approved when quality ≥ " + v.Threshold
	} else {
		v.Rule = "approved when risk ≤ " + v.Threshold
	}
	v.Gauge = svgGauge(prefix+"gauge", "Score "+v.Score+" against threshold "+v.Threshold, r.Score, r.Threshold, isQuality(r))
	for _, o := range r.OWASP {
		v.OWASP = append(v.OWASP, htmlLine(string(o)))
	}
	v.Coverage = htmlCoverageOf(r, c)
	for i := range c.active {
		v.Findings = append(v.Findings, htmlFindingOf(&c.active[i], fmt.Sprintf("%sf%d", prefix, i+1)))
	}
	v.BySeverity = htmlSeverityCounts(c.active)
	for i := range c.suppressed {
		v.Suppressed = append(v.Suppressed, htmlFindingOf(&c.suppressed[i], fmt.Sprintf("%ss%d", prefix, i+1)))
	}
	for i := range c.outside {
		v.Outside = append(v.Outside, htmlFindingOf(&c.outside[i], fmt.Sprintf("%so%d", prefix, i+1)))
	}
	return v
}

// htmlCoverageOf fills the coverage block and its caveats. A green verdict on
// something that was not reviewed is the worst thing this page could show,
// so every gap is said in words next to the verdict.
func htmlCoverageOf(r *review.Result, c counts) htmlCoverage {
	cv := &r.Coverage
	out := htmlCoverage{
		Phrase: htmlLine(reviewedPhrase(cv)), FilesReviewed: cv.FilesReviewed, Files: htmlLines(cv.Files),
		Engines: htmlLines(cv.Engines), MessageReviewed: cv.MessageReviewed, LinesAdded: cv.LinesAdded,
		Notes: htmlLines(cv.Notes), Suppressed: len(c.suppressed), Outside: len(c.outside),
	}
	for _, s := range cv.FilesSkipped {
		out.Skipped = append(out.Skipped, htmlSkip{File: htmlLine(s.File), Reason: htmlLine(nonEmpty(s.Reason, "no reason given"))})
	}
	switch {
	case cv.FilesReviewed == 0 && !cv.MessageReviewed:
		out.Status, out.StatusClass = "nothing reviewed", "none"
		out.Caveats = append(out.Caveats, "No file and no commit message was reviewed: this result says nothing about the code.")
	case len(cv.FilesSkipped) > 0 || len(cv.Notes) > 0 || len(cv.Engines) == 0:
		out.Status, out.StatusClass = "partial", "partial"
	default:
		out.Status, out.StatusClass = "complete", "ok"
	}
	if n := len(cv.FilesSkipped); n > 0 {
		out.Caveats = append(out.Caveats, fmt.Sprintf("%d %s not reviewed; problems in %s are unknown.",
			n, plural(n, "file was", "files were"), plural(n, "it", "them")))
	}
	if len(cv.Notes) > 0 {
		out.Caveats = append(out.Caveats, "Parts of the review were incomplete: read the notes.")
	}
	if len(cv.Engines) == 0 {
		out.Caveats = append(out.Caveats, "No engine is recorded as having run.")
	}
	return out
}

func htmlFindingOf(f *finding.Finding, id string) htmlFinding {
	h := htmlFinding{
		ID: id, Severity: f.Severity.String(), SeverityClass: htmlSeverityClass(f.Severity),
		Confidence: f.Confidence.Normalize().String(), Rule: htmlLine(ruleID(f)), Title: htmlLine(f.Title),
		Message: htmlMessage(f), CWE: f.CWEID(), OWASP: htmlLine(string(f.OWASP)), Category: htmlLine(f.Category),
		Kind: htmlLine(string(f.Kind)), Engine: htmlLine(f.Engine), Compliance: htmlLine(strings.Join(f.Compliance, ", ")),
		Location: htmlLocation(f), Snippet: htmlBlock(f.Snippet), Remediation: htmlLine(f.Remediation),
		Example: htmlBlock(f.Example), Fingerprint: htmlLine(f.Fingerprint),
	}
	if f.Column > 0 {
		h.Column = strconv.Itoa(f.Column)
	}
	if h.Title == h.Message {
		h.Title = ""
	}
	switch {
	case f.Suppressed != nil:
		h.Why = "suppressed (" + htmlLine(nonEmpty(f.Suppressed.Kind, "unknown")) + ")"
		if j := htmlLine(f.Suppressed.Justification); j != "" {
			h.Why += ": " + j
		}
		if !f.Scope.InChange() {
			h.Why += "; outside the change"
		}
	case !f.Scope.InChange():
		h.Why = "outside the change (" + htmlLine(string(f.Scope)) + ")"
	}
	if f.Scope != finding.ScopeNone {
		h.Scope = htmlLine(string(f.Scope))
	}
	for _, s := range f.Trace {
		at := "line ?"
		switch {
		case s.Line > 0 && s.Column > 0:
			at = fmt.Sprintf("line %d:%d", s.Line, s.Column)
		case s.Line > 0:
			at = fmt.Sprintf("line %d", s.Line)
		}
		if p := htmlLine(s.Path); p != "" {
			at = p + " " + at
		}
		h.Trace = append(h.Trace, htmlStep{At: at, Message: htmlLine(s.Message)})
	}
	return h
}

// htmlMessage is message with visible markers instead of U+FFFD.
func htmlMessage(f *finding.Finding) string {
	for _, s := range []string{f.Message, f.Title} {
		if t := htmlLine(s); t != "" {
			return t
		}
	}
	return htmlLine(ruleID(f)) + " finding"
}

// htmlLocation is location with visible markers instead of U+FFFD.
func htmlLocation(f *finding.Finding) string {
	if f.Path == "" {
		return location(f)
	}
	if f.Line <= 0 {
		return htmlLine(f.Path)
	}
	return htmlLine(f.Path) + ":" + strconv.Itoa(f.Line)
}

// htmlSeverities are the severities from worst to least, for counts.
var htmlSeverities = [...]finding.Severity{finding.Critical, finding.High, finding.Medium, finding.Low}

// htmlSeverityCounts counts findings by severity, worst first, leaving out
// severities with none; findings of an unknown severity are counted too.
func htmlSeverityCounts(fs []finding.Finding) []htmlCount {
	n := map[finding.Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	var out []htmlCount
	for _, s := range htmlSeverities {
		if n[s] > 0 {
			out = append(out, htmlCount{Key: s.String(), Count: n[s], Class: htmlSeverityClass(s)})
		}
		delete(n, s)
	}
	other := 0
	for _, k := range n {
		other += k
	}
	if other > 0 {
		out = append(out, htmlCount{Key: "OTHER", Count: other, Class: "sev-none"})
	}
	return out
}

func htmlSeverityClass(s finding.Severity) string {
	switch s {
	case finding.Critical:
		return "sev-critical"
	case finding.High:
		return "sev-high"
	case finding.Medium:
		return "sev-medium"
	case finding.Low:
		return "sev-low"
	}
	return "sev-none"
}

// htmlScore formats a score or threshold with two decimals; a value that is
// not a number is shown as such instead of failing the report.
func htmlScore(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "n/a"
	}
	return strconv.FormatFloat(f, 'f', 2, 64)
}

// htmlLine is untrusted text for one line of a page. html/template escapes
// markup; this collapses whitespace and makes invisible characters visible.
func htmlLine(s string) string { return htmlVisible(s, false) }

// htmlBlock is untrusted multi-line text (a snippet, an example fix): lines
// and indentation are kept, everything else as htmlLine.
func htmlBlock(s string) string { return strings.TrimRight(htmlVisible(s, true), "\n ") }

func htmlLines(ss []string) []string {
	var out []string
	for _, s := range ss {
		if l := htmlLine(s); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// htmlVisible replaces control and format characters (ANSI escapes, bidi
// overrides as used by Trojan Source, zero-width characters) with a visible
// marker such as ⟨U+202E⟩ (html/template writes the plus as &#43;), so a
// reviewer sees them instead of being misled by them. Single-line text also
// has its whitespace collapsed.
func htmlVisible(s string, multiline bool) string {
	if multiline {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			b.WriteRune(r)
			continue
		}
		if !multiline && unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch {
		case r == ' ':
			b.WriteRune(r)
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), isBidi(r), unicode.IsSpace(r):
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
