package review

import (
	"fmt"
	"sort"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// AIResult is what a model added to a review, in review's vocabulary. The
// CLI fills it from the AI stage; review never talks to a model.
type AIResult struct {
	// Engine names the model in findings and coverage: "ai:ollama:qwen2.5-coder:7b".
	Engine string
	// Findings are the model's issues as it reported them (path, line, CWE,
	// severity, text). MergeAI decides which count.
	Findings []finding.Finding
	// Score is the model's own score, nil when it gave none: the risk in
	// security mode, the quality in code-quality mode.
	Score    *float64
	Verdict  Verdict
	Comments []string
	// FalsePositives are static findings the model believes are wrong.
	FalsePositives []FalsePositive
	// Reviewed are the files the model reviewed whole; NotReviewed the files
	// of the change it did not, and why.
	Reviewed        []string
	NotReviewed     []Skip
	MessageReviewed bool
	// Notes go to the coverage block as they are (redaction count, cache).
	Notes []string
	// Err is set when the AI review failed; with nothing reviewed the
	// embedded result stands unchanged, with a loud warning.
	Err error
}

// FalsePositive is a model's claim that a static finding is wrong. It is
// shown next to the finding and never changes the verdict.
type FalsePositive struct {
	Fingerprint string
	Reason      string
}

// MergeOptions tune MergeAI.
type MergeOptions struct {
	// RequireCWE keeps only model findings that carry a CWE
	// ([patchpatrol.security] require_cwe_mapping).
	RequireCWE bool
	// Redact masks secrets in the snippets of kept model findings.
	Redact func(string) string
}

// MergeAI folds a model's review into a result the embedded engine made.
// The rules, documented in the README:
//
//   - Static findings always stand; the model cannot remove, suppress or
//     downgrade them. A "likely false positive" mark is shown as a comment.
//   - A model finding is kept only when it names a file of the change and a
//     line the change adds (and carries a CWE when RequireCWE is set); it
//     counts with MEDIUM confidence and engine ai.Engine.
//   - Scores: security risk = max(static risk, risk of all kept findings);
//     code-quality quality = min(static quality, quality of all kept
//     findings, the model's own score). The model's own score does not count
//     in security mode (it names nothing a reviewer could check).
//   - The verdict is the stricter of the static verdict and the merged one,
//     and the result is approved only when both are: the model can only make
//     the outcome stricter.
//
// It returns whether the AI review covered every file it was meant to.
func MergeAI(res *Result, ai *AIResult, units []*analysis.Unit, p *Policy, o MergeOptions) bool {
	if ai == nil {
		return false
	}
	cov := &res.Coverage
	name := strings.TrimPrefix(ai.Engine, "ai:")
	if ai.Err != nil && len(ai.Reviewed) == 0 && !ai.MessageReviewed {
		msg := fmt.Sprintf("AI REVIEW DID NOT HAPPEN: AI review with %s was not performed: %v; the embedded engine's result stands", name, ai.Err)
		res.Warnings = append(res.Warnings, msg)
		cov.Notes = append(cov.Notes, "AI review with "+name+" was not performed: the result is the embedded engine's alone")
		cov.Notes = append(cov.Notes, notReviewedNotes(name, ai, units)...)
		return false
	}

	staticScore, staticApproved, staticVerdict := res.Score, res.Approved, res.Verdict
	byPath := map[string]*analysis.Unit{}
	for _, u := range units {
		byPath[u.Path] = u
	}
	kept, dropped := filterAI(res, ai, byPath, o)
	res.Findings = append(res.Findings, kept...)
	sortFindings(res.Findings)
	finding.AssignFingerprints(res.Findings)

	// Recompute from scratch: decide counts and lists what it sees.
	cov.Suppressed, cov.OutsideChange = 0, 0
	res.OWASP, res.Compliance, res.Severity, res.Champion, res.Comments = nil, nil, finding.None, "", nil
	decide(res, p)
	if res.Mode == ModeSecurity {
		res.Score = max(res.Score, staticScore)
	} else {
		if ai.Score != nil {
			res.Score = min(res.Score, round2(clamp01(*ai.Score)))
		}
		res.Score = min(res.Score, staticScore)
	}
	if res.Mode == ModeSecurity {
		res.Approved = res.Score <= res.Threshold
	} else {
		res.Approved = res.Score >= res.Threshold
	}
	res.Approved = res.Approved && staticApproved
	res.Verdict = Approve
	switch {
	case res.Approved:
	case res.Mode == ModeSecurity && res.Severity >= finding.High:
		res.Verdict = SecurityRisk
	default:
		res.Verdict = Revise
	}
	if verdictRank(staticVerdict) > verdictRank(res.Verdict) {
		res.Verdict = staticVerdict
	}
	if p.Champion != "" && res.Champion == "" && p.EscalationScore > 0 && res.Mode == ModeSecurity && res.Score >= p.EscalationScore {
		res.Champion = p.Champion
	}

	for _, c := range ai.Comments {
		if c = strings.TrimSpace(c); c != "" {
			res.Comments = append(res.Comments, "AI ("+name+"): "+c)
		}
	}
	res.Comments = append(res.Comments, falsePositiveComments(res, ai, name)...)

	cov.Engines = appendOnce(cov.Engines, ai.Engine)
	if ai.MessageReviewed {
		cov.MessageReviewed = true
	}
	cov.Notes = append(cov.Notes, fmt.Sprintf("AI review with %s: %d file(s) reviewed, %d finding(s) kept", name, len(ai.Reviewed), len(kept)))
	if s := droppedNote(name, dropped); s != "" {
		cov.Notes = append(cov.Notes, s)
	}
	cov.Notes = append(cov.Notes, ai.Notes...)
	cov.Notes = append(cov.Notes, notReviewedNotes(name, ai, units)...)
	if ai.Err != nil {
		res.Warnings = append(res.Warnings, fmt.Sprintf("AI review (%s) is incomplete: %v", name, ai.Err))
	}
	return ai.Err == nil && complete(ai, units)
}

// complete reports whether the model reviewed every file that has added
// lines; a rename or a deletion leaves nothing for it to read.
func complete(ai *AIResult, units []*analysis.Unit) bool {
	done := map[string]bool{}
	for _, f := range ai.Reviewed {
		done[f] = true
	}
	for _, u := range units {
		if !done[u.Path] && (u.Lines == nil || u.Lines.Count() > 0) {
			return false
		}
	}
	return true
}

// filterAI keeps the model findings that point into the change, and counts
// the others by reason.
func filterAI(res *Result, ai *AIResult, byPath map[string]*analysis.Unit, o MergeOptions) ([]finding.Finding, map[string]int) {
	dropped := map[string]int{}
	type at struct {
		path string
		line int
		cwe  int
	}
	static := map[at]bool{}
	for _, f := range res.Findings {
		static[at{f.Path, f.Line, f.CWE}] = true
	}
	var kept []finding.Finding
	for _, f := range ai.Findings {
		u := byPath[f.Path]
		switch {
		case f.Path == "" || f.Line <= 0:
			dropped["without a file and line"]++
			continue
		case u == nil:
			dropped["in a file outside the change"]++
			continue
		case u.Lines != nil && !u.Lines.Added(f.Line):
			dropped["on a line the change does not add"]++
			continue
		case o.RequireCWE && f.CWE <= 0:
			dropped["without a CWE (require_cwe_mapping)"]++
			continue
		case !res.Mode.Wants(f.Kind):
			dropped["of another mode"]++
			continue
		case static[at{f.Path, f.Line, f.CWE}] && f.CWE > 0:
			dropped["already reported by the embedded engine"]++
			continue
		}
		f.Engine = ai.Engine
		f.Scope = finding.ScopeAdded
		f.Suppressed = nil
		f.Fingerprint = ""
		if f.Confidence == 0 {
			f.Confidence = finding.ConfidenceMedium
		}
		if f.Severity == finding.None {
			f.Severity = finding.Medium
		}
		if f.Snippet == "" {
			f.Snippet = lineOf(u.Content, f.Line)
		}
		if o.Redact != nil {
			f.Snippet = o.Redact(f.Snippet)
			f.Message = o.Redact(f.Message)
		}
		if f.EndLine < f.Line {
			f.EndLine = f.Line
		}
		kept = append(kept, f)
	}
	return kept, dropped
}

func lineOf(content []byte, n int) string {
	lines := strings.Split(string(content), "\n")
	if n <= 0 || n > len(lines) {
		return ""
	}
	return strings.TrimRight(lines[n-1], "\r")
}

func falsePositiveComments(res *Result, ai *AIResult, name string) []string {
	var out []string
	for _, fp := range ai.FalsePositives {
		for i := range res.Findings {
			f := &res.Findings[i]
			if f.Fingerprint != fp.Fingerprint || strings.HasPrefix(f.Engine, "ai:") {
				continue
			}
			out = append(out, fmt.Sprintf("AI (%s) considers %s at %s a likely false positive: %s (the finding still counts; suppress it with a justification if the model is right)",
				name, f.RuleID, f.Location(), oneLineText(fp.Reason)))
			break
		}
	}
	return out
}

func droppedNote(name string, dropped map[string]int) string {
	if len(dropped) == 0 {
		return ""
	}
	var parts []string
	total := 0
	for why, n := range dropped {
		parts = append(parts, fmt.Sprintf("%d %s", n, why))
		total += n
	}
	sort.Strings(parts)
	return fmt.Sprintf("AI review with %s: %d finding(s) not counted: %s", name, total, strings.Join(parts, ", "))
}

// notReviewedNotes lists every file of the change the model did not review,
// grouped by reason.
func notReviewedNotes(name string, ai *AIResult, units []*analysis.Unit) []string {
	reason := map[string]string{}
	for _, s := range ai.NotReviewed {
		reason[s.File] = s.Reason
	}
	done := map[string]bool{}
	for _, f := range ai.Reviewed {
		done[f] = true
	}
	groups := map[string][]string{}
	var order []string
	for _, u := range units {
		if done[u.Path] {
			continue
		}
		why := reason[u.Path]
		if why == "" {
			why = "not sent to the model"
			if ai.Err != nil {
				why = "AI review failed: " + ai.Err.Error()
			}
		}
		if groups[why] == nil {
			order = append(order, why)
		}
		groups[why] = append(groups[why], u.Path)
	}
	var out []string
	for _, why := range order {
		out = append(out, fmt.Sprintf("not reviewed by %s (%s): %s", name, oneLineText(why), strings.Join(groups[why], ", ")))
	}
	return out
}

func verdictRank(v Verdict) int {
	switch v {
	case Revise:
		return 1
	case SecurityRisk:
		return 2
	}
	return 0
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func oneLineText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 240 {
		s = s[:240] + "..."
	}
	return s
}
