package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// Status is the life-cycle stage of a rule. IDs are never reused: a retired
// rule stays in the catalog as Removed.
type Status string

// Rule statuses, as in Ruff.
const (
	Stable     Status = "stable"
	Preview    Status = "preview"
	Deprecated Status = "deprecated"
	Removed    Status = "removed"
)

// Engine names the analyzer that implements a rule; fixtures live in
// internal/<engine>/testdata/<rule id>/.
type Engine string

// Engines with rules in the catalog.
const (
	EnginePython  Engine = "python"
	EngineSecrets Engine = "secrets"
	EngineMessage Engine = "message"
	EngineChange  Engine = "review"
	EngineDeps    Engine = "deps"
)

// Doc is the documentation of a rule. Every rule fills every heading; the
// registry test checks it.
type Doc struct {
	Flags      string   // what it flags
	Why        string   // why it matters
	Example    string   // code that is flagged
	Fix        string   // the safe alternative, as code
	References []string // links
}

// Rule is one check. It is a plain value: metadata next to the name of the
// engine that implements it.
type Rule struct {
	ID         string // PPnnn, never reused
	Name       string // kebab-case, names the flagged pattern, never the fix
	Title      string // one line, sentence case, no period
	Kind       finding.Kind
	Category   string // injection, cryptography, secrets, configuration, ...
	Severity   finding.Severity
	Confidence finding.Confidence
	CWE        int
	OWASP      finding.OWASP
	// Compliance overrides the frameworks derived from the OWASP category.
	Compliance  []string
	Remediation string // one sentence: what to do instead
	Engine      Engine
	Status      Status
	Since       string
	// Aliases are equivalent rule codes of other tools (Bandit's B608, Ruff's
	// S608), honoured by "# nosec B608" and "# noqa: S608".
	Aliases []string
	Doc     Doc
}

// CWEID returns "CWE-89", or "" for rules without a CWE.
func (r *Rule) CWEID() string {
	if r.CWE <= 0 {
		return ""
	}
	return fmt.Sprintf("CWE-%d", r.CWE)
}

// ComplianceImpact returns the frameworks a finding of this rule affects.
func (r *Rule) ComplianceImpact() []string {
	if r.Compliance != nil {
		return r.Compliance
	}
	return complianceByOWASP(r.OWASP)
}

// complianceByOWASP maps an OWASP category to the frameworks whose controls it
// touches: PCI-DSS 6.2.4 (injection and common attacks), 3.x/4.x (cryptography),
// 8.x (authentication), 10.x (logging); SOC2 CC6/CC7/CC8; HIPAA 164.312; GDPR
// Art. 32 (security of processing).
func complianceByOWASP(o finding.OWASP) []string {
	switch o {
	case finding.A01, finding.A02, finding.A03, finding.A07:
		return []string{finding.SOC2, finding.PCI, finding.GDPR, finding.HIPAA}
	case finding.A09:
		return []string{finding.SOC2, finding.PCI, finding.HIPAA}
	case finding.A05, finding.A06, finding.A08, finding.A10:
		return []string{finding.SOC2, finding.PCI}
	case finding.A04:
		return []string{finding.SOC2}
	}
	return nil
}

// NewFinding returns a finding of this rule with its metadata filled in. The
// engine fills the location and may adjust the message, severity or
// confidence.
func (r *Rule) NewFinding(path string, line, column int, message string) finding.Finding {
	if message == "" {
		message = r.Title
	}
	return finding.Finding{
		RuleID:      r.ID,
		Title:       r.Title,
		Kind:        r.Kind,
		Category:    r.Category,
		Severity:    r.Severity,
		Confidence:  r.Confidence.Normalize(),
		CWE:         r.CWE,
		OWASP:       r.OWASP,
		Compliance:  r.ComplianceImpact(),
		Message:     message,
		Remediation: r.Remediation,
		Example:     r.Doc.Fix,
		Path:        path,
		Line:        line,
		EndLine:     line,
		Column:      column,
	}
}

// All returns every rule in the catalog, ordered by id. It is one list,
// assembled from the family tables; nothing registers itself.
func All() []*Rule {
	var all []*Rule
	for _, fam := range families() {
		all = append(all, fam...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return all
}

// Lookup finds a rule by id, name or alias (case-insensitive), or returns nil.
func Lookup(key string) *Rule {
	k := strings.ToUpper(strings.TrimSpace(key))
	for _, r := range All() {
		if r.ID == k || strings.ToUpper(r.Name) == k {
			return r
		}
		for _, a := range r.Aliases {
			if strings.ToUpper(a) == k {
				return r
			}
		}
	}
	return nil
}

// Matches reports whether a code from a suppression comment ("CWE-89",
// "PP201", "sql-string-built", "B608", "S608") names this rule.
func (r *Rule) Matches(code string) bool {
	c := strings.ToUpper(strings.TrimSpace(code))
	if c == "" {
		return false
	}
	if c == r.ID || c == strings.ToUpper(r.Name) || (r.CWE > 0 && c == strings.ToUpper(r.CWEID())) {
		return true
	}
	for _, a := range r.Aliases {
		if strings.ToUpper(a) == c {
			return true
		}
	}
	return false
}

var idPattern = regexp.MustCompile(`^PP[1-9][0-9]{2}$`)
var namePattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Validate checks one rule's metadata, like analysis.Validate.
func (r *Rule) Validate() error {
	var problems []string
	if !idPattern.MatchString(r.ID) {
		problems = append(problems, "id must look like PP201")
	}
	if !namePattern.MatchString(r.Name) {
		problems = append(problems, "name must be kebab-case")
	}
	if r.Title == "" || strings.HasSuffix(r.Title, ".") {
		problems = append(problems, "title must be set and must not end with a period")
	}
	switch r.Kind {
	case finding.KindSecurity, finding.KindSecret:
		if r.CWE <= 0 {
			problems = append(problems, "security rules need a CWE")
		}
		if _, ok := finding.ParseOWASP(string(r.OWASP)); !ok {
			problems = append(problems, "security rules need an OWASP 2021 category")
		}
	case finding.KindQuality:
	default:
		problems = append(problems, "kind must be security, secret or quality")
	}
	if r.Severity < finding.Low || r.Severity > finding.Critical {
		problems = append(problems, "severity must be LOW..CRITICAL")
	}
	if r.Category == "" {
		problems = append(problems, "category is empty")
	}
	if r.Remediation == "" {
		problems = append(problems, "remediation is empty")
	}
	switch r.Engine {
	case EnginePython, EngineSecrets, EngineMessage, EngineChange, EngineDeps:
	default:
		problems = append(problems, fmt.Sprintf("unknown engine %q", r.Engine))
	}
	switch r.Status {
	case Stable, Preview, Deprecated, Removed:
	default:
		problems = append(problems, fmt.Sprintf("unknown status %q", r.Status))
	}
	if r.Since == "" {
		problems = append(problems, "since is empty")
	}
	d := r.Doc
	for heading, text := range map[string]string{"what it flags": d.Flags, "why it matters": d.Why,
		"example": d.Example, "safe alternative": d.Fix} {
		if strings.TrimSpace(text) == "" {
			problems = append(problems, "doc heading "+heading+" is empty")
		}
	}
	if len(d.References) == 0 {
		problems = append(problems, "doc has no references")
	}
	if len(problems) == 0 {
		return nil
	}
	sort.Strings(problems)
	return fmt.Errorf("rule %s (%s): %s", r.ID, r.Name, strings.Join(problems, "; "))
}
