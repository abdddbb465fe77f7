package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Kind says which review a finding belongs to.
type Kind string

// Finding kinds. A security review reports Security findings, a code-quality
// review Quality ones; Secret findings belong to both.
const (
	KindSecurity Kind = "security"
	KindQuality  Kind = "quality"
	KindSecret   Kind = "secret"
)

// Scope marks where a finding sits relative to the reviewed change. The diff
// filter marks findings instead of dropping them, so reports can say how many
// problems lie outside the change.
type Scope string

// Scopes, from inside the change outwards.
const (
	ScopeAdded   Scope = "added"   // on a line the change adds or modifies
	ScopeContext Scope = "context" // on an unchanged line inside a hunk
	ScopeFile    Scope = "file"    // elsewhere in a changed file
	ScopeNone    Scope = ""        // not diff-aware (scan, message, whole-change checks)
)

// InChange reports whether a finding counts against the change under review.
func (s Scope) InChange() bool { return s == ScopeAdded || s == ScopeNone }

// Suppression records why a finding does not count. Suppressed findings stay
// in the result so that reports can count them.
type Suppression struct {
	Kind          string `json:"kind"` // inline, nosec, noqa, baseline, config
	Justification string `json:"justification,omitempty"`
}

// Step is one hop of a data-flow trace, from source to sink. Path is empty
// when the step is in the finding's own file.
type Step struct {
	Path    string `json:"file,omitempty"`
	Line    int    `json:"line"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// Finding is one problem found by an engine. Every engine and every reporter
// speaks this type; nothing invents a parallel one.
type Finding struct {
	RuleID     string     `json:"-"` // written first by MarshalJSON
	Title      string     `json:"title,omitempty"`
	Kind       Kind       `json:"kind"`
	Category   string     `json:"category"`
	Severity   Severity   `json:"severity"`
	Confidence Confidence `json:"confidence"`
	CWE        int        `json:"-"` // written as "cwe": "CWE-89" by MarshalJSON
	OWASP      OWASP      `json:"owasp,omitempty"`
	Compliance []string   `json:"compliance,omitempty"`

	Message     string `json:"description"`
	Remediation string `json:"remediation,omitempty"`
	Example     string `json:"example_fix,omitempty"`

	Path      string `json:"file"`
	Line      int    `json:"line"`
	EndLine   int    `json:"end_line"`
	Column    int    `json:"column"`
	EndColumn int    `json:"end_column,omitempty"`
	// Snippet is the flagged source line, already redacted when it held a
	// secret. It feeds the fingerprint and the reports.
	Snippet string `json:"snippet,omitempty"`

	Engine      string       `json:"engine"`
	Fingerprint string       `json:"fingerprint"`
	Scope       Scope        `json:"scope,omitempty"`
	Suppressed  *Suppression `json:"suppressed,omitempty"`
	Trace       []Step       `json:"trace,omitempty"`
}

// CWEID returns "CWE-89", or "" when the finding has no CWE.
func (f *Finding) CWEID() string {
	if f.CWE <= 0 {
		return ""
	}
	return "CWE-" + strconv.Itoa(f.CWE)
}

// Active reports whether the finding counts toward the score: in the change
// and not suppressed.
func (f *Finding) Active() bool { return f.Suppressed == nil && f.Scope.InChange() }

// Location returns "path:line", or the path alone when there is no line.
func (f *Finding) Location() string {
	if f.Line <= 0 {
		return f.Path
	}
	return fmt.Sprintf("%s:%d", f.Path, f.Line)
}

// NormalizeSnippet collapses whitespace so a fingerprint survives
// re-indentation and trailing-space edits.
func NormalizeSnippet(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// ComputeFingerprint hashes the rule, the path and the normalized flagged line,
// plus the occurrence index among identical (rule, path, line) triples, so the
// fingerprint survives code moving up or down while identical lines still get
// distinct fingerprints.
func ComputeFingerprint(ruleID, path, snippet string, occurrence int) string {
	h := sha256.New()
	h.Write([]byte(ruleID))
	h.Write([]byte{0})
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write([]byte(NormalizeSnippet(snippet)))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(occurrence)))
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// AssignFingerprints fills Fingerprint on every finding that lacks one. The
// occurrence index counts identical (rule, path, snippet) triples in slice
// order, so callers should sort findings by position first.
func AssignFingerprints(fs []Finding) {
	seen := make(map[string]int)
	for i := range fs {
		f := &fs[i]
		key := f.RuleID + "\x00" + f.Path + "\x00" + NormalizeSnippet(f.Snippet)
		n := seen[key]
		seen[key] = n + 1
		if f.Fingerprint == "" {
			f.Fingerprint = ComputeFingerprint(f.RuleID, f.Path, f.Snippet, n)
		}
	}
}

// findingJSON is the public JSON shape of a Finding: the field names of the
// original PatchPatrol schema plus what tools need.
type findingJSON struct {
	RuleID string `json:"rule_id"`
	CWE    string `json:"cwe,omitempty"`
	*findingAlias
}

type findingAlias Finding

// MarshalJSON writes the CWE as "CWE-89", as the original schema does.
func (f Finding) MarshalJSON() ([]byte, error) {
	a := findingAlias(f)
	return json.Marshal(findingJSON{RuleID: f.RuleID, CWE: f.CWEID(), findingAlias: &a})
}

// UnmarshalJSON reads what MarshalJSON writes; "cwe" may be "CWE-89" or "89".
func (f *Finding) UnmarshalJSON(b []byte) error {
	var v findingJSON
	v.findingAlias = (*findingAlias)(f)
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	f.RuleID = v.RuleID
	f.CWE = 0
	if c := strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(v.CWE)), "CWE-"); c != "" {
		n, err := strconv.Atoi(c)
		if err != nil || n < 0 {
			return fmt.Errorf("finding %s: bad cwe %q (want CWE-<number>)", f.RuleID, v.CWE)
		}
		f.CWE = n
	}
	return nil
}
