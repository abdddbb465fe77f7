package review

import (
	"fmt"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// Mode is what a review looks for.
type Mode string

// Review modes.
const (
	ModeQuality  Mode = "code-quality"
	ModeSecurity Mode = "security"
)

// String implements pflag.Value.
func (m *Mode) String() string { return string(*m) }

// Set implements pflag.Value and rejects unknown modes.
func (m *Mode) Set(s string) error {
	v, err := ParseMode(s)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Type implements pflag.Value.
func (m *Mode) Type() string { return "mode" }

// ParseMode accepts "security", "code-quality" (and "quality").
func ParseMode(s string) (Mode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "security":
		return ModeSecurity, nil
	case "code-quality", "quality", "code_quality":
		return ModeQuality, nil
	}
	return "", fmt.Errorf("unknown mode %q: use --mode security or --mode code-quality", s)
}

// Wants reports whether findings of kind k belong in a review of mode m.
// Secrets belong to both: a committed credential is never good quality.
func (m Mode) Wants(k finding.Kind) bool {
	switch k {
	case finding.KindSecret:
		return true
	case finding.KindSecurity:
		return m == ModeSecurity
	case finding.KindQuality:
		return m == ModeQuality
	}
	return false
}

// Verdict is the review's decision.
type Verdict string

// Verdicts.
const (
	Approve      Verdict = "approve"
	Revise       Verdict = "revise"
	SecurityRisk Verdict = "security_risk"
)

// Skip is a file the review did not analyse, and why.
type Skip struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// Coverage says exactly what was and was not reviewed. It is always filled.
type Coverage struct {
	FilesReviewed   int      `json:"files_reviewed"`
	Files           []string `json:"files"`
	FilesSkipped    []Skip   `json:"files_skipped"`
	Engines         []string `json:"engines"`
	MessageReviewed bool     `json:"message_reviewed"`
	LinesAdded      int      `json:"lines_added"`
	Suppressed      int      `json:"suppressed"`
	Baselined       int      `json:"baselined,omitempty"` // of Suppressed: accepted by the baseline file
	OutsideChange   int      `json:"outside_change"`
	Notes           []string `json:"notes"`
}

// Result is the outcome of one review.
type Result struct {
	Target     string           // what was reviewed: "staged changes", "commit abc1234", ...
	Mode       Mode             //
	Score      float64          // risk in security mode, quality in code-quality mode
	Verdict    Verdict          //
	Severity   finding.Severity // highest active severity; None when clean
	Threshold  float64          //
	Approved   bool             //
	Hard       bool             // hard mode: not approved blocks
	Comments   []string         //
	Findings   []finding.Finding
	OWASP      []finding.OWASP
	Compliance []string
	Coverage   Coverage
	// Champion is named when an active finding reaches the team's escalation
	// severity.
	Champion string
	Warnings []string
}

// Blocked reports whether the result stops the commit: not approved in hard mode.
func (r *Result) Blocked() bool { return r.Hard && !r.Approved }

// Active returns the findings that count: in the change, not suppressed.
func (r *Result) Active() []finding.Finding {
	var out []finding.Finding
	for _, f := range r.Findings {
		if f.Active() {
			out = append(out, f)
		}
	}
	return out
}

// SuppressedFindings returns the in-change findings that a comment, baseline
// or config suppressed.
func (r *Result) SuppressedFindings() []finding.Finding {
	var out []finding.Finding
	for _, f := range r.Findings {
		if f.Suppressed != nil && f.Scope.InChange() {
			out = append(out, f)
		}
	}
	return out
}

// Outside returns the unsuppressed findings on lines the change did not touch.
func (r *Result) Outside() []finding.Finding {
	var out []finding.Finding
	for _, f := range r.Findings {
		if !f.Scope.InChange() {
			out = append(out, f)
		}
	}
	return out
}
