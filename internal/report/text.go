package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// Text prints the terminal summary in the layout of the original PatchPatrol.
//
// Every active issue is one line that carries its severity word, and nothing
// else does except the header's "Severity:", so the original weekly report's
// `grep -c "CRITICAL\|HIGH"` still counts issues. The output always ends with
// one closing line: what was reviewed and skipped, and the outcome.
type Text struct{ opts Options }

var _ Reporter = (*Text)(nil)

// ANSI SGR sequences; used only when Options.Color is set.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiDim     = "\x1b[2m"
	ansiRed     = "\x1b[1;31m"
	ansiGreen   = "\x1b[1;32m"
	ansiYellow  = "\x1b[1;33m"
	ansiMagenta = "\x1b[1;35m"
	ansiCyan    = "\x1b[36m"
)

// painter colours text when enabled and passes it through otherwise.
type painter bool

func (p painter) paint(code, s string) string {
	if !p || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (p painter) severity(s finding.Severity) string {
	code := ansiCyan
	switch s {
	case finding.Critical:
		code = ansiMagenta
	case finding.High:
		code = ansiRed
	case finding.Medium:
		code = ansiYellow
	}
	return p.paint(code, s.String())
}

// Write implements Reporter.
func (t *Text) Write(w io.Writer, res *review.Result) error {
	if res == nil {
		return errNoResult
	}
	bw := bufio.NewWriter(w)
	t.write(bw, res)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write text report: %w", err)
	}
	return nil
}

func (t *Text) write(w io.Writer, r *review.Result) {
	p := painter(t.opts.Color)
	c := countsOf(r)
	if t.opts.Quiet {
		for i := range c.active {
			fmt.Fprintln(w, t.issueLine(p, &c.active[i]))
		}
		fmt.Fprintln(w, closingLine(p, r, c))
		return
	}
	// sections are separated by one blank line.
	first := true
	section := func() {
		if !first {
			fmt.Fprintln(w)
		}
		first = false
	}

	if len(r.Warnings) > 0 {
		section()
		for _, warn := range r.Warnings {
			fmt.Fprintf(w, "%s %s\n", p.paint(ansiYellow, "warning:"), quietSeverity(oneLine(warn)))
		}
	}

	section()
	fmt.Fprintln(w, header(p, r))
	if t.opts.Verbose {
		fmt.Fprintf(w, "Target: %s · mode: %s · threshold: %.2f · engines: %s · lines added: %d\n",
			quietSeverity(oneLine(r.Target)), oneLine(string(r.Mode)), r.Threshold,
			oneLine(strings.Join(r.Coverage.Engines, ", ")), r.Coverage.LinesAdded)
	}

	if len(r.Comments) > 0 {
		section()
		fmt.Fprintln(w, "Comments:")
		for i, cm := range r.Comments {
			fmt.Fprintf(w, "  %d. %s\n", i+1, quietSeverity(oneLine(cm)))
		}
	}

	section()
	kind := "Security issues"
	if isQuality(r) {
		kind = "Quality issues"
	}
	if len(c.active) == 0 {
		fmt.Fprintf(w, "No %s in the change.\n", strings.ToLower(kind))
	} else {
		fmt.Fprintf(w, "%s (%d):\n", kind, len(c.active))
		for i := range c.active {
			f := &c.active[i]
			fmt.Fprintln(w, t.issueLine(p, f))
			if rem := quietSeverity(oneLine(f.Remediation)); rem != "" {
				fmt.Fprintf(w, "      %s\n", p.paint(ansiDim, "→ "+rem))
			}
			if t.opts.Verbose {
				writeTrace(w, f)
			}
		}
	}

	if len(c.suppressed) > 0 || len(c.outside) > 0 {
		section()
		if len(c.suppressed) > 0 {
			fmt.Fprintln(w, suppressedLine(c.suppressed, t.opts.Verbose))
		}
		if len(c.outside) > 0 {
			t.writeOutside(w, c.outside)
		}
	}

	var tail []string
	if len(r.OWASP) > 0 {
		names := make([]string, len(r.OWASP))
		for i, o := range r.OWASP {
			names[i] = oneLine(string(o))
		}
		tail = append(tail, "OWASP Top 10: "+quietSeverity(strings.Join(names, ", ")))
	}
	if len(r.Compliance) > 0 {
		tail = append(tail, "Compliance impact: "+quietSeverity(oneLine(strings.Join(r.Compliance, ", "))))
	}
	if ch := oneLine(r.Champion); ch != "" {
		tail = append(tail, fmt.Sprintf("Security champion: %s — an issue reached %s severity",
			p.paint(ansiBold, ch), strings.ToLower(r.Severity.String())))
	}
	if len(tail) > 0 {
		section()
		for _, l := range tail {
			fmt.Fprintln(w, l)
		}
	}

	var notes []string
	if t.opts.Verbose {
		for _, s := range r.Coverage.FilesSkipped {
			notes = append(notes, "skipped "+skipText(s))
		}
	}
	for _, n := range r.Coverage.Notes {
		notes = append(notes, "note: "+quietSeverity(oneLine(n)))
	}
	section()
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
	fmt.Fprintln(w, closingLine(p, r, c))
}

// header is the verdict line: "🔒 SECURITY RISK | Score: 0.80 | Severity:
// HIGH" in security mode, "✎ REVISE | Score: 0.55" in code-quality mode.
func header(p painter, r *review.Result) string {
	sym, words := verdictWords(r)
	code := ansiRed
	switch r.Verdict {
	case review.Approve:
		code = ansiGreen
	case review.Revise:
		code = ansiYellow
	}
	h := fmt.Sprintf("%s | Score: %.2f", p.paint(code, sym+" "+words), r.Score)
	if !isQuality(r) {
		h += " | Severity: " + p.severity(r.Severity)
	}
	return h
}

// issueLine is one active issue on one line:
// "  HIGH CWE-89 [injection] app.py:23 message (PP201, confidence high)".
// The confidence and any severity word in the message are lower case, so a
// MEDIUM issue found with HIGH confidence is not counted as a HIGH one.
func (t *Text) issueLine(p painter, f *finding.Finding) string {
	parts := []string{"  " + p.severity(f.Severity)}
	if id := f.CWEID(); id != "" {
		parts = append(parts, id)
	}
	if cat := quietSeverity(oneLine(f.Category)); cat != "" {
		parts = append(parts, "["+cat+"]")
	}
	parts = append(parts, p.paint(ansiBold, location(f)), quietSeverity(message(f)))
	return strings.Join(parts, " ") + fmt.Sprintf(" (%s, confidence %s)",
		oneLine(ruleID(f)), strings.ToLower(f.Confidence.Normalize().String()))
}

// writeTrace prints a data-flow trace under its issue, source first.
func writeTrace(w io.Writer, f *finding.Finding) {
	for _, s := range f.Trace {
		at := "?"
		switch {
		case s.Line > 0 && s.Column > 0:
			at = fmt.Sprintf("%d:%d", s.Line, s.Column)
		case s.Line > 0:
			at = fmt.Sprintf("%d", s.Line)
		}
		fmt.Fprintf(w, "      ↳ line %s: %s\n", at, quietSeverity(oneLine(s.Message)))
	}
}

// suppressedLine summarises suppressed findings without severity words:
// "2 suppressed (1 inline, 1 nosec): PP201 at a.py:3 — reason; PP105 at b.py:9".
// A baseline may accept hundreds of findings: they are counted, and listed
// only when verbose.
func suppressedLine(fs []finding.Finding, verbose bool) string {
	items := make([]string, 0, len(fs))
	baselined := 0
	for i := range fs {
		f := &fs[i]
		if !verbose && f.Suppressed != nil && f.Suppressed.Kind == "baseline" {
			baselined++
			continue
		}
		item := oneLine(ruleID(f)) + " at " + location(f)
		if f.Suppressed != nil {
			if j := quietSeverity(oneLine(f.Suppressed.Justification)); j != "" {
				item += " — " + j
			}
		}
		items = append(items, item)
	}
	head := fmt.Sprintf("%d suppressed (%s)", len(fs), suppressionKinds(fs))
	switch {
	case baselined == 0:
		return head + ": " + strings.Join(items, "; ")
	case len(items) == 0:
		return head + "; run with -v to list them"
	}
	return head + ": " + strings.Join(items, "; ") + fmt.Sprintf("; %d baselined (-v lists them)", baselined)
}

// writeOutside counts findings on lines the change did not touch, and lists
// them with -v, with a "·" prefix and lower-case severity so they do not
// inflate the issue count.
func (t *Text) writeOutside(w io.Writer, fs []finding.Finding) {
	n := len(fs)
	what := fmt.Sprintf("%d more %s on %s this change did not touch", n,
		plural(n, "finding", "findings"), plural(n, "a line", "lines"))
	if !t.opts.Verbose {
		fmt.Fprintf(w, "%s; run with -v to list %s\n", what, plural(n, "it", "them"))
		return
	}
	fmt.Fprintln(w, what+":")
	for i := range fs {
		f := &fs[i]
		scope := string(f.Scope)
		if f.Suppressed != nil {
			scope += ", suppressed"
		}
		fmt.Fprintf(w, "  · %s %s %s %s (%s)\n", strings.ToLower(f.Severity.String()), oneLine(ruleID(f)),
			location(f), quietSeverity(message(f)), oneLine(scope))
	}
}

// closingLine is the last line of every text report.
func closingLine(p painter, r *review.Result, c counts) string {
	var lead, code string
	switch outcomeOf(r) {
	case outcomeBlocked:
		lead, code = "✗ Blocked", ansiRed
	case outcomeSoft:
		lead, code = "⚠ Not approved (soft mode, commit allowed)", ansiYellow
	default:
		lead, code = "✓ Approved", ansiGreen
	}
	return p.paint(code, lead+":") + " " + reviewedPhrase(&r.Coverage) + "; " + issuesPhrase(c)
}
