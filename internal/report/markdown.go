package report

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// Markdown writes a pull-request comment: the verdict and score, a table of
// the issues in the change, remediation folded in <details>, counts of the
// findings that do not count, and a coverage footer. All text that came from
// the code, a model or the user is escaped.
type Markdown struct{ opts Options }

var _ Reporter = (*Markdown)(nil)

// Write implements Reporter.
func (m *Markdown) Write(w io.Writer, res *review.Result) error {
	if res == nil {
		return errNoResult
	}
	bw := bufio.NewWriter(w)
	m.write(bw, res)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write markdown report: %w", err)
	}
	return nil
}

func (m *Markdown) write(w io.Writer, r *review.Result) {
	c := countsOf(r)
	sym, words := verdictWords(r)
	if isQuality(r) {
		fmt.Fprintf(w, "## %s PatchPatrol: %s — quality score %.2f\n\n", sym, words, r.Score)
	} else {
		fmt.Fprintf(w, "## %s PatchPatrol: %s — score %.2f, severity %s\n\n", sym, words, r.Score, r.Severity)
	}
	status := "**Approved**"
	switch outcomeOf(r) {
	case outcomeBlocked:
		status = "**Blocked**: the commit is stopped (hard mode)"
	case outcomeSoft:
		status = "**Not approved** (soft mode, commit allowed)"
	}
	fmt.Fprintf(w, "%s · %s review of %s · threshold %.2f\n", status, mdEscape(string(r.Mode)),
		mdEscape(nonEmpty(r.Target, "the change")), r.Threshold)

	for _, warn := range r.Warnings {
		fmt.Fprintf(w, "\n> **Warning:** %s\n", mdEscape(warn))
	}

	kind := "Security issues"
	if isQuality(r) {
		kind = "Quality issues"
	}
	if len(c.active) == 0 {
		fmt.Fprintf(w, "\nNo %s in the change.\n", strings.ToLower(kind))
	} else {
		fmt.Fprintf(w, "\n### %s in the change (%d)\n\n", kind, len(c.active))
		writeTable(w, c.active)
		writeRemediation(w, c.active)
	}

	if len(r.Comments) > 0 {
		fmt.Fprint(w, "\n### Comments\n\n")
		for i, cm := range r.Comments {
			fmt.Fprintf(w, "%d. %s\n", i+1, mdEscape(cm))
		}
	}

	var facts []string
	if len(r.OWASP) > 0 {
		names := make([]string, len(r.OWASP))
		for i, o := range r.OWASP {
			names[i] = string(o)
		}
		facts = append(facts, "**OWASP Top 10:** "+mdEscape(strings.Join(names, ", ")))
	}
	if len(r.Compliance) > 0 {
		facts = append(facts, "**Compliance impact:** "+mdEscape(strings.Join(r.Compliance, ", ")))
	}
	if ch := oneLine(r.Champion); ch != "" {
		facts = append(facts, "**Security champion:** "+mention(ch))
	}
	if len(facts) > 0 {
		fmt.Fprintf(w, "\n%s\n", strings.Join(facts, " · "))
	}

	var notCounted []string
	if n := len(c.suppressed); n > 0 {
		notCounted = append(notCounted, fmt.Sprintf("%d suppressed (%s)", n, mdEscape(suppressionKinds(c.suppressed))))
	}
	if n := len(c.outside); n > 0 {
		notCounted = append(notCounted, fmt.Sprintf("%d more %s on %s this change did not touch", n,
			plural(n, "finding", "findings"), plural(n, "a line", "lines")))
	}
	if len(notCounted) > 0 {
		fmt.Fprintf(w, "\n**Not counted:** %s\n", strings.Join(notCounted, " · "))
		if m.opts.Verbose {
			writeFolded(w, "Suppressed findings", c.suppressed)
			writeFolded(w, "Findings outside the change", c.outside)
		}
	}

	footer := []string{"PatchPatrol"}
	if v := oneLine(m.opts.ToolVersion); v != "" {
		footer[0] += " " + mdEscape(v)
	}
	footer = append(footer, mdEscape(reviewedPhrase(&r.Coverage)))
	if len(r.Coverage.Engines) > 0 {
		footer = append(footer, "engines: "+mdEscape(strings.Join(r.Coverage.Engines, ", ")))
	}
	for _, n := range r.Coverage.Notes {
		footer = append(footer, "note: "+mdEscape(n))
	}
	fmt.Fprintf(w, "\n---\n<sub>%s</sub>\n", strings.Join(footer, " · "))
}

func writeTable(w io.Writer, fs []finding.Finding) {
	fmt.Fprintln(w, "| Severity | Rule | CWE | Location | Description |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- |")
	for i := range fs {
		f := &fs[i]
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", f.Severity, mdEscape(ruleID(f)),
			nonEmpty(f.CWEID(), "—"), mdEscape(location(f)), mdEscape(message(f)))
	}
}

// writeRemediation folds how to fix each rule into one <details> block, once
// per rule and remediation.
func writeRemediation(w io.Writer, fs []finding.Finding) {
	type fix struct{ rule, where, text string }
	var fixes []fix
	seen := map[string]bool{}
	for i := range fs {
		f := &fs[i]
		rem := oneLine(f.Remediation)
		key := ruleID(f) + "\x00" + rem
		if rem == "" || seen[key] {
			continue
		}
		seen[key] = true
		fixes = append(fixes, fix{ruleID(f), location(f), rem})
	}
	if len(fixes) == 0 {
		return
	}
	fmt.Fprintf(w, "\n<details>\n<summary>How to fix (%d)</summary>\n\n", len(fixes))
	for _, x := range fixes {
		fmt.Fprintf(w, "- **%s** (%s): %s\n", mdEscape(x.rule), mdEscape(x.where), mdEscape(x.text))
	}
	fmt.Fprintln(w, "\n</details>")
}

func writeFolded(w io.Writer, title string, fs []finding.Finding) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(w, "\n<details>\n<summary>%s (%d)</summary>\n\n", title, len(fs))
	fmt.Fprintln(w, "| Severity | Rule | Location | Description | Why not counted |")
	fmt.Fprintln(w, "| --- | --- | --- | --- | --- |")
	for i := range fs {
		f := &fs[i]
		why := "outside the change (" + string(f.Scope) + ")"
		if f.Suppressed != nil {
			why = "suppressed (" + f.Suppressed.Kind + ")"
			if j := oneLine(f.Suppressed.Justification); j != "" {
				why += ": " + j
			}
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", f.Severity, mdEscape(ruleID(f)), mdEscape(location(f)),
			mdEscape(message(f)), mdEscape(why))
	}
	fmt.Fprintln(w, "\n</details>")
}

// mdEscape makes untrusted text one line of inert markdown: pipes cannot
// break a table, backticks cannot open code, brackets cannot make links or
// images, and angle brackets cannot open HTML.
func mdEscape(s string) string {
	s = oneLine(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if strings.ContainsRune("\\`|*_[]<>~&#!", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// handle matches a GitHub user or team ("@org/security-team") or an e-mail
// address: these are printed as they are, so the mention notifies.
var handle = regexp.MustCompile(`^@?[A-Za-z0-9][A-Za-z0-9_./@-]*$`)

func mention(s string) string {
	if handle.MatchString(s) {
		return s
	}
	return mdEscape(s)
}
