package review

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// Scoring, documented in the README:
//
// Each active finding (in the change, not suppressed) has a weight
// w = severity weight × confidence weight, with severity weights CRITICAL
// 0.95, HIGH 0.8, MEDIUM 0.4, LOW 0.1 and confidence weights HIGH 1.0,
// MEDIUM 0.85, LOW 0.6. A CRITICAL finding is never discounted.
//
// Security mode: risk = 1 − Π(1 − w), so no findings give 0.0, one
// high-confidence HIGH gives 0.80, a CRITICAL at least 0.95. Approved iff
// risk ≤ threshold (default 0.5).
//
// Code-quality mode: quality = Π(1 − p), with p = w × 0.4 for quality
// findings (a HIGH costs 0.32, a MEDIUM 0.16, a LOW 0.04) and p = w for
// committed secrets. Approved iff quality ≥ threshold (default 0.7).
func weight(f *finding.Finding) float64 {
	var sev float64
	switch f.Severity {
	case finding.Critical:
		return 0.95
	case finding.High:
		sev = 0.8
	case finding.Medium:
		sev = 0.4
	case finding.Low:
		sev = 0.1
	}
	switch f.Confidence.Normalize() {
	case finding.ConfidenceHigh:
		return sev
	case finding.ConfidenceLow:
		return sev * 0.6
	}
	return sev * 0.85
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// Score computes the score of a set of findings in a mode.
func Score(m Mode, fs []finding.Finding) float64 {
	keep := 1.0
	for i := range fs {
		f := &fs[i]
		if !f.Active() {
			continue
		}
		w := weight(f)
		if m == ModeQuality && f.Kind == finding.KindQuality {
			w *= 0.4
		}
		keep *= 1 - w
	}
	if m == ModeSecurity {
		return round2(1 - keep)
	}
	return round2(keep)
}

// decide fills the score, verdict, severity, lists and comments.
func decide(res *Result, p *Policy) {
	active := res.Active()
	res.Score = Score(res.Mode, res.Findings)
	for _, f := range res.Findings {
		if f.Suppressed != nil && f.Scope.InChange() {
			res.Coverage.Suppressed++
		}
		if !f.Scope.InChange() {
			res.Coverage.OutsideChange++
		}
	}
	owasp := map[finding.OWASP]bool{}
	comp := map[string]bool{}
	allowed := map[string]bool{}
	for _, c := range p.Compliance {
		allowed[strings.ToUpper(c)] = true
	}
	for _, f := range active {
		if f.Severity > res.Severity {
			res.Severity = f.Severity
		}
		if f.OWASP != "" {
			owasp[f.OWASP] = true
		}
		for _, c := range f.Compliance {
			if len(allowed) == 0 || allowed[strings.ToUpper(c)] {
				comp[c] = true
			}
		}
	}
	for _, o := range finding.OWASPTop10() {
		if owasp[o] {
			res.OWASP = append(res.OWASP, o)
		}
	}
	for _, c := range finding.ComplianceFrameworks() {
		if comp[c] {
			res.Compliance = append(res.Compliance, c)
		}
	}
	if res.Mode == ModeSecurity {
		res.Approved = res.Score <= res.Threshold
	} else {
		res.Approved = res.Score >= res.Threshold
	}
	switch {
	case res.Approved:
		res.Verdict = Approve
	case res.Mode == ModeSecurity && res.Severity >= finding.High:
		res.Verdict = SecurityRisk
	default:
		res.Verdict = Revise
	}
	if p.Champion != "" {
		escalate := p.EscalationSeverity > finding.None && res.Severity >= p.EscalationSeverity
		if p.EscalationScore > 0 && res.Mode == ModeSecurity && res.Score >= p.EscalationScore {
			escalate = true
		}
		if escalate {
			res.Champion = p.Champion
		}
	}
	res.Comments = comments(res, active)
}

// comments summarises the active findings by rule, most severe first.
func comments(res *Result, active []finding.Finding) []string {
	if len(active) == 0 {
		what := "security issues"
		if res.Mode == ModeQuality {
			what = "quality issues"
		}
		files := fmt.Sprintf("%d reviewed file(s)", res.Coverage.FilesReviewed)
		if res.Coverage.MessageReviewed {
			files += " and the commit message"
		}
		return []string{fmt.Sprintf("No %s found in %s.", what, files)}
	}
	type group struct {
		title string
		sev   finding.Severity
		locs  []string
	}
	groups := map[string]*group{}
	var order []string
	for _, f := range active {
		g := groups[f.RuleID]
		if g == nil {
			title := f.Title
			if title == "" {
				title = f.Message
			}
			g = &group{title: title}
			groups[f.RuleID] = g
			order = append(order, f.RuleID)
		}
		if f.Severity > g.sev {
			g.sev = f.Severity
		}
		if loc := f.Location(); loc != "" {
			g.locs = append(g.locs, loc)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return groups[order[i]].sev > groups[order[j]].sev })
	var out []string
	for _, id := range order {
		g := groups[id]
		s := g.title
		if f := firstOf(active, id); f != nil && f.CWEID() != "" {
			s += " (" + f.CWEID() + ")"
		}
		switch n := len(g.locs); {
		case n == 0:
		case n <= 3:
			s += ": " + strings.Join(g.locs, ", ")
		default:
			s += fmt.Sprintf(": %s and %d more", strings.Join(g.locs[:3], ", "), n-3)
		}
		out = append(out, s)
	}
	return out
}

func firstOf(fs []finding.Finding, id string) *finding.Finding {
	for i := range fs {
		if fs[i].RuleID == id {
			return &fs[i]
		}
	}
	return nil
}
