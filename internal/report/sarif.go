package report

import (
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// SARIF writes a SARIF 2.1.0 log with one run, for GitHub code scanning and
// other SARIF consumers. It carries the active findings and the suppressed
// ones (marked with suppressions), not the findings outside the change.
type SARIF struct {
	opts   Options
	lookup ruleLookup
}

var _ Reporter = (*SARIF)(nil)

const (
	sarifVersion   = "2.1.0"
	sarifSchemaURI = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
	toolName       = "PatchPatrol"
	toolInfoURI    = "https://github.com/patchpatrol/patchpatrol"
	srcRoot        = "%SRCROOT%"
	fingerprintKey = "patchpatrol/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	Properties  sarifRunProps     `json:"properties"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name,omitempty"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifHelp       `json:"help"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
	Precision        string   `json:"precision"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	CodeFlows           []sarifCodeFlow    `json:"codeFlows,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          sarifResultProps   `json:"properties"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifCodeFlow struct {
	ThreadFlows []sarifThreadFlow `json:"threadFlows"`
}

type sarifThreadFlow struct {
	Locations []sarifFlowLocation `json:"locations"`
}

type sarifFlowLocation struct {
	Location sarifLocation `json:"location"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifResultProps struct {
	Severity   string `json:"severity"`
	Confidence string `json:"confidence"`
	Engine     string `json:"engine,omitempty"`
}

type sarifRunProps struct {
	Mode          string  `json:"mode"`
	Target        string  `json:"target"`
	Score         float64 `json:"score"`
	Verdict       string  `json:"verdict"`
	Severity      string  `json:"severity"`
	Threshold     float64 `json:"threshold"`
	Approved      bool    `json:"approved"`
	Blocked       bool    `json:"blocked"`
	FilesReviewed int     `json:"filesReviewed"`
	FilesSkipped  int     `json:"filesSkipped"`
	Suppressed    int     `json:"suppressed"`
	OutsideChange int     `json:"outsideChange"`
}

// Write implements Reporter.
func (s *SARIF) Write(w io.Writer, res *review.Result) error {
	if res == nil {
		return errNoResult
	}
	log, err := s.log(res)
	if err != nil {
		return err
	}
	return encodeJSON(w, log, "sarif")
}

func (s *SARIF) log(r *review.Result) (*sarifLog, error) {
	score, err := round2("score", r.Score)
	if err != nil {
		return nil, err
	}
	threshold, err := round2("threshold", r.Threshold)
	if err != nil {
		return nil, err
	}
	lookup := s.lookup
	if lookup == nil {
		lookup = catalogLookup
	}
	c := countsOf(r)
	// Active findings first, then suppressed ones, each in the review's order.
	fs := append(append([]finding.Finding{}, c.active...), c.suppressed...)

	ruleList, index := sarifRules(fs, lookup)
	results := make([]sarifResult, 0, len(fs))
	for i := range fs {
		results = append(results, sarifResultOf(&fs[i], index[ruleID(&fs[i])]))
	}

	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, warn := range r.Warnings {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "warning", Message: sarifText{Text: warn}})
	}
	for _, sk := range r.Coverage.FilesSkipped {
		text := "skipped " + sk.File
		if sk.Reason != "" {
			text += ": " + sk.Reason
		}
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "note", Message: sarifText{Text: text}})
	}

	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{Name: toolName, Version: s.opts.ToolVersion,
			InformationURI: toolInfoURI, Rules: ruleList}},
		Invocations: []sarifInvocation{inv},
		Results:     results,
		Properties: sarifRunProps{
			Mode: string(r.Mode), Target: r.Target, Score: score, Verdict: string(r.Verdict),
			Severity: r.Severity.String(), Threshold: threshold, Approved: r.Approved, Blocked: r.Blocked(),
			FilesReviewed: r.Coverage.FilesReviewed, FilesSkipped: len(r.Coverage.FilesSkipped),
			Suppressed: len(c.suppressed), OutsideChange: len(c.outside),
		},
	}
	return &sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{run}}, nil
}

// sarifRules returns one rule entry per rule id referenced by fs, sorted by
// id, and each id's index. Catalog rules carry their documentation; ids the
// catalog does not know (an AI engine's "AI-SEC") get an entry built from the
// first finding that names them.
func sarifRules(fs []finding.Finding, lookup ruleLookup) ([]sarifRule, map[string]int) {
	first := map[string]*finding.Finding{}
	var ids []string
	for i := range fs {
		id := ruleID(&fs[i])
		if _, ok := first[id]; !ok {
			first[id] = &fs[i]
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	list := make([]sarifRule, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		index[id] = i
		if r := lookup(id); r != nil {
			list[i] = catalogRule(r)
		} else {
			list[i] = findingRule(id, first[id])
		}
	}
	return list, index
}

func catalogRule(r *rules.Rule) sarifRule {
	return sarifRule{
		ID:                   r.ID,
		Name:                 r.Name,
		ShortDescription:     sarifText{Text: r.Title},
		FullDescription:      sarifText{Text: nonEmpty(strings.TrimSpace(r.Doc.Flags), r.Title)},
		Help:                 sarifHelp{Text: ruleHelpText(r), Markdown: ruleHelpMarkdown(r)},
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
		Properties:           ruleProps(r.Kind, r.CWEID(), r.OWASP, r.Severity, r.Confidence),
	}
}

func findingRule(id string, f *finding.Finding) sarifRule {
	short := nonEmpty(oneLine(f.Title), message(f))
	text := message(f)
	md := mdEscape(text)
	if rem := oneLine(f.Remediation); rem != "" {
		text += "\n\nRemediation: " + rem
		md += "\n\n**Remediation:** " + mdEscape(rem)
	}
	if f.Engine != "" {
		text += "\n\nReported by the " + oneLine(f.Engine) + " engine; this rule is not in the PatchPatrol catalog."
		md += "\n\n_Reported by the " + mdEscape(f.Engine) + " engine; this rule is not in the PatchPatrol catalog._"
	}
	return sarifRule{
		ID:                   id,
		ShortDescription:     sarifText{Text: short},
		FullDescription:      sarifText{Text: message(f)},
		Help:                 sarifHelp{Text: text, Markdown: md},
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(f.Severity)},
		Properties:           ruleProps(f.Kind, f.CWEID(), f.OWASP, f.Severity, f.Confidence),
	}
}

// ruleHelpText is the rule's documentation as plain text, in the headings of
// docs/rules.md.
func ruleHelpText(r *rules.Rule) string {
	var b strings.Builder
	b.WriteString(r.Title + "\n")
	section := func(head, body string) {
		if body = strings.TrimSpace(body); body != "" {
			fmt.Fprintf(&b, "\n%s:\n%s\n", head, body)
		}
	}
	section("What it flags", r.Doc.Flags)
	section("Why it matters", r.Doc.Why)
	section("Example", r.Doc.Example)
	section("Safe alternative", strings.TrimSpace(r.Remediation+"\n\n"+strings.Trim(r.Doc.Fix, "\n")))
	if len(r.Doc.References) > 0 {
		b.WriteString("\nReferences:\n")
		for _, ref := range r.Doc.References {
			b.WriteString("- " + ref + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// ruleHelpMarkdown is the same documentation as GitHub renders it.
func ruleHelpMarkdown(r *rules.Rule) string {
	lang := "python"
	if r.Engine == rules.EngineMessage {
		lang = "text"
	}
	code := func(s string) string {
		s = strings.Trim(s, "\n")
		if s == "" {
			return ""
		}
		return codeFence(s, lang)
	}
	var b strings.Builder
	b.WriteString("**" + r.Title + "**\n")
	section := func(head string, bodies ...string) {
		var parts []string
		for _, p := range bodies {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) > 0 {
			fmt.Fprintf(&b, "\n## %s\n\n%s\n", head, strings.Join(parts, "\n\n"))
		}
	}
	section("What it flags", r.Doc.Flags)
	section("Why it matters", r.Doc.Why)
	section("Example", code(r.Doc.Example))
	section("Safe alternative", r.Remediation, code(r.Doc.Fix))
	var refs []string
	for _, ref := range r.Doc.References {
		refs = append(refs, "- "+ref)
	}
	section("References", strings.Join(refs, "\n"))
	return strings.TrimRight(b.String(), "\n")
}

// codeFence wraps code in a fence longer than any backtick run inside it.
func codeFence(code, lang string) string {
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	return fence + lang + "\n" + code + "\n" + fence
}

func ruleProps(kind finding.Kind, cwe string, owasp finding.OWASP, sev finding.Severity, conf finding.Confidence) sarifRuleProps {
	var p sarifRuleProps
	security := kind == finding.KindSecurity || kind == finding.KindSecret
	switch {
	case security:
		p.Tags = append(p.Tags, "security")
		if kind == finding.KindSecret {
			p.Tags = append(p.Tags, "secret")
		}
		p.SecuritySeverity = securitySeverity(sev)
	case kind == finding.KindQuality:
		p.Tags = append(p.Tags, "quality")
	}
	if cwe != "" {
		p.Tags = append(p.Tags, "external/cwe/"+strings.ToLower(cwe))
	}
	if o, ok := finding.ParseOWASP(string(owasp)); ok {
		p.Tags = append(p.Tags, "owasp-"+strings.ToLower(o.ID()[:3]))
	}
	p.Tags = nonNil(p.Tags)
	p.Precision = strings.ToLower(conf.Normalize().String())
	return p
}

// securitySeverity is GitHub's 0–10 score for a severity; code scanning
// maps >9.0 to critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
func securitySeverity(s finding.Severity) string {
	switch s {
	case finding.Critical:
		return "9.5"
	case finding.High:
		return "8.0"
	case finding.Medium:
		return "5.5"
	case finding.Low:
		return "3.0"
	}
	return ""
}

func sarifLevel(s finding.Severity) string {
	switch {
	case s >= finding.High:
		return "error"
	case s == finding.Medium:
		return "warning"
	}
	return "note"
}

func sarifResultOf(f *finding.Finding, ruleIndex int) sarifResult {
	res := sarifResult{
		RuleID:    ruleID(f),
		RuleIndex: ruleIndex,
		Level:     sarifLevel(f.Severity),
		Message:   sarifText{Text: message(f)},
		Properties: sarifResultProps{Severity: f.Severity.String(),
			Confidence: f.Confidence.Normalize().String(), Engine: f.Engine},
	}
	if f.Path != "" {
		res.Locations = []sarifLocation{{PhysicalLocation: physical(f.Path, region(f))}}
	}
	if f.Fingerprint != "" {
		res.PartialFingerprints = map[string]string{fingerprintKey: f.Fingerprint}
	}
	if len(f.Trace) > 0 {
		var locs []sarifFlowLocation
		for _, st := range f.Trace {
			loc := sarifLocation{Message: &sarifText{Text: nonEmpty(st.Message, "step")}}
			if f.Path != "" && st.Line > 0 {
				rg := &sarifRegion{StartLine: st.Line}
				if st.Column > 0 {
					rg.StartColumn = st.Column
				}
				loc.PhysicalLocation = physical(f.Path, rg)
			}
			locs = append(locs, sarifFlowLocation{Location: loc})
		}
		res.CodeFlows = []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{{Locations: locs}}}}
	}
	if f.Suppressed != nil {
		res.Suppressions = []sarifSuppression{{Kind: suppressionKind(f.Suppressed.Kind),
			Justification: f.Suppressed.Justification}}
	}
	return res
}

// suppressionKind maps PatchPatrol's suppression kinds to SARIF's: comments
// in the code are inSource, baselines and config files are external.
func suppressionKind(k string) string {
	switch strings.ToLower(strings.TrimSpace(k)) {
	case "inline", "nosec", "noqa", "comment":
		return "inSource"
	}
	return "external"
}

func region(f *finding.Finding) *sarifRegion {
	if f.Line <= 0 {
		return nil
	}
	rg := &sarifRegion{StartLine: f.Line}
	if f.Column > 0 {
		rg.StartColumn = f.Column
	}
	if f.EndLine >= f.Line {
		rg.EndLine = f.EndLine
	}
	if f.EndColumn > 0 && (f.EndLine > f.Line || f.EndColumn > f.Column) {
		if rg.EndLine == 0 {
			rg.EndLine = f.Line
		}
		rg.EndColumn = f.EndColumn
	}
	return rg
}

// physical locates a repository-relative path under %SRCROOT%. The path is
// escaped as a URI reference ("a b.py" becomes "a%20b.py").
func physical(path string, rg *sarifRegion) *sarifPhysical {
	p := strings.ReplaceAll(path, "\\", "/")
	art := sarifArtifact{URIBaseID: srcRoot}
	if strings.HasPrefix(p, "/") {
		art = sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	} else {
		art.URI = (&url.URL{Path: strings.TrimPrefix(p, "./")}).String()
	}
	return &sarifPhysical{ArtifactLocation: art, Region: rg}
}

func nonEmpty(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}
