package rules

import "github.com/patchpatrol/patchpatrol/internal/finding"

// OversizedChange flags changes too large to review well.
var OversizedChange = &Rule{
	ID: "PP809", Name: "oversized-change", Title: "Change is too large to review well",
	Kind: finding.KindQuality, Category: "maintainability", Severity: finding.Low, Confidence: finding.ConfidenceHigh,
	Engine: EngineChange, Status: Stable, Since: "v0.1.0",
	Remediation: "Split the change into smaller commits that each do one thing.",
	Doc: Doc{
		Flags: "A change that adds more than `max_changed_lines` (default 400) lines in total, " +
			"not counting lock files and generated files.",
		Why:        "Review quality drops sharply with size: large changes get skimmed, and defects in them ship.",
		Example:    "1 commit: +1,250 lines across 38 files",
		Fix:        "4 commits: +310, +280, +355, +305 lines, each with one purpose",
		References: []string{"https://google.github.io/eng-practices/review/developer/small-cls.html"},
	},
}

// changeRules are checks on the change as a whole, implemented by review.
var changeRules = []*Rule{OversizedChange}
