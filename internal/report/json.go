package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// JSON writes the public JSON contract of the original PatchPatrol, plus the
// suppressed and outside-change findings and the coverage block. Field names
// are a contract: change them only with a major version.
type JSON struct{ opts Options }

var _ Reporter = (*JSON)(nil)

// jsonReport is the document. Exactly one of SecurityIssues and QualityIssues
// is set, by mode; lists are never null.
type jsonReport struct {
	Mode             string             `json:"mode"`
	Target           string             `json:"target"`
	Score            float64            `json:"score"`
	Verdict          string             `json:"verdict"`
	Severity         finding.Severity   `json:"severity"`
	Threshold        float64            `json:"threshold"`
	Approved         bool               `json:"approved"`
	Blocked          bool               `json:"blocked"`
	Comments         []string           `json:"comments"`
	SecurityIssues   *[]finding.Finding `json:"security_issues,omitempty"`
	QualityIssues    *[]finding.Finding `json:"quality_issues,omitempty"`
	OWASPCategories  []finding.OWASP    `json:"owasp_categories"`
	ComplianceImpact []string           `json:"compliance_impact"`
	SuppressedIssues []finding.Finding  `json:"suppressed_issues"`
	OutsideChange    []finding.Finding  `json:"outside_change"`
	SecurityChampion string             `json:"security_champion,omitempty"`
	Warnings         []string           `json:"warnings"`
	Coverage         review.Coverage    `json:"coverage"`
}

// Write implements Reporter.
func (j *JSON) Write(w io.Writer, res *review.Result) error {
	if res == nil {
		return errNoResult
	}
	doc, err := jsonDocument(res)
	if err != nil {
		return err
	}
	return encodeJSON(w, doc, "json")
}

func jsonDocument(r *review.Result) (*jsonReport, error) {
	score, err := round2("score", r.Score)
	if err != nil {
		return nil, err
	}
	threshold, err := round2("threshold", r.Threshold)
	if err != nil {
		return nil, err
	}
	c := countsOf(r)
	active := nonNil(c.active)
	doc := &jsonReport{
		Mode:             string(r.Mode),
		Target:           r.Target,
		Score:            score,
		Verdict:          string(r.Verdict),
		Severity:         r.Severity,
		Threshold:        threshold,
		Approved:         r.Approved,
		Blocked:          r.Blocked(),
		Comments:         nonNil(r.Comments),
		OWASPCategories:  nonNil(r.OWASP),
		ComplianceImpact: nonNil(r.Compliance),
		SuppressedIssues: nonNil(c.suppressed),
		OutsideChange:    nonNil(c.outside),
		SecurityChampion: r.Champion,
		Warnings:         nonNil(r.Warnings),
		Coverage:         r.Coverage,
	}
	if isQuality(r) {
		doc.QualityIssues = &active
	} else {
		doc.SecurityIssues = &active
	}
	cv := &doc.Coverage
	cv.Files = nonNil(cv.Files)
	cv.FilesSkipped = nonNil(cv.FilesSkipped)
	cv.Engines = nonNil(cv.Engines)
	cv.Notes = nonNil(cv.Notes)
	return doc, nil
}

// round2 keeps two decimals and refuses NaN and infinities, which JSON
// cannot carry.
func round2(name string, v float64) (float64, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("report: %s %v is not a finite number: the review stage produced a bad score", name, v)
	}
	return math.Round(v*100) / 100, nil
}

// nonNil turns a nil slice into an empty one, so it encodes as [] not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// encodeJSON writes v indented, without HTML escaping, so that masked values
// such as "<redacted>" stay readable.
func encodeJSON(w io.Writer, v any, format string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write %s report: %w", format, err)
	}
	return nil
}
