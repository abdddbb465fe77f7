package review

import (
	"regexp"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/pathglob"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

var (
	// # patchpatrol: ignore[CWE-89, PP201] the ORM escapes this
	inlineRE = regexp.MustCompile(`patchpatrol:\s*ignore(?:\[([^\]]*)\])?(.*)`)
	// # nosec, # nosec B608, # nosec: B608 B602
	nosecRE = regexp.MustCompile(`(?:#|//)\s*nosec\b:?\s*([A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*)?(.*)`)
	// # noqa: S608, E501 (a bare "# noqa" names no rule and suppresses nothing here)
	noqaRE = regexp.MustCompile(`(?:#|//)\s*noqa:\s*([A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*)`)
)

// suppress marks f as suppressed when a comment on its lines (or, for
// PatchPatrol's own marker, the comment line above) or a path ignore from the
// configuration says so. Suppressed findings stay in the result.
func suppress(u *analysis.Unit, f *finding.Finding, ignores []PathIgnore) {
	rule := rules.Lookup(f.RuleID)
	matches := func(code string) bool {
		if rule != nil && rule.ID == f.RuleID {
			return rule.Matches(code)
		}
		c := strings.ToUpper(strings.TrimSpace(code))
		return c == f.RuleID || (f.CWE > 0 && c == f.CWEID())
	}
	for _, ig := range ignores {
		if !pathglob.Match(ig.Glob, u.Path) {
			continue
		}
		if len(ig.Codes) == 0 {
			f.Suppressed = &finding.Suppression{Kind: "config", Justification: "ignored for " + ig.Glob + " in the configuration"}
			return
		}
		for _, c := range ig.Codes {
			if matches(c) {
				f.Suppressed = &finding.Suppression{Kind: "config", Justification: c + " ignored for " + ig.Glob + " in the configuration"}
				return
			}
		}
	}
	if f.Line <= 0 {
		return
	}
	end := f.EndLine
	if end < f.Line {
		end = f.Line
	}
	if end-f.Line > 50 {
		end = f.Line + 50
	}
	lo := max(1, f.Line-1)
	for i, text := range lineRange(u.Content, lo, end) {
		lineNo := lo + i
		if lineNo == f.Line-1 {
			// Only a comment-only line above can carry PatchPatrol's marker.
			trimmed := strings.TrimSpace(text)
			if !strings.HasPrefix(trimmed, "#") && !strings.HasPrefix(trimmed, "//") {
				continue
			}
			if s := inline(text, matches); s != nil {
				f.Suppressed = s
				return
			}
			continue
		}
		if s := inline(text, matches); s != nil {
			f.Suppressed = s
			return
		}
		if m := nosecRE.FindStringSubmatch(text); m != nil {
			codes := splitCodes(m[1])
			if len(codes) == 0 {
				f.Suppressed = &finding.Suppression{Kind: "nosec", Justification: strings.TrimSpace(m[2])}
				return
			}
			for _, c := range codes {
				if matches(c) {
					f.Suppressed = &finding.Suppression{Kind: "nosec", Justification: "# nosec " + c}
					return
				}
			}
		}
		if m := noqaRE.FindStringSubmatch(text); m != nil {
			for _, c := range splitCodes(m[1]) {
				if matches(c) {
					f.Suppressed = &finding.Suppression{Kind: "noqa", Justification: "# noqa: " + c}
					return
				}
			}
		}
	}
}

func inline(text string, matches func(string) bool) *finding.Suppression {
	m := inlineRE.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	reason := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(m[2]), ":-—"))
	if m[1] == "" {
		return &finding.Suppression{Kind: "inline", Justification: reason}
	}
	for _, c := range splitCodes(m[1]) {
		if matches(c) {
			return &finding.Suppression{Kind: "inline", Justification: reason}
		}
	}
	return nil
}

func splitCodes(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
}

// lineRange returns lines first..last (1-based, inclusive) of content.
func lineRange(content []byte, first, last int) []string {
	if first < 1 {
		first = 1
	}
	var out []string
	line := 1
	start := 0
	for i := 0; i <= len(content); i++ {
		if i == len(content) || content[i] == '\n' {
			if line >= first && line <= last {
				out = append(out, strings.TrimRight(string(content[start:i]), "\r"))
			}
			if line > last {
				break
			}
			line++
			start = i + 1
		}
	}
	return out
}
