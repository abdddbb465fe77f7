package deps

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// CVSS v3.0 and v3.1 base scores, implemented from the FIRST specification
// (https://www.first.org/cvss/v3.1/specification-document, section 7 and
// Appendix A). Only the base metrics count; temporal and environmental
// metrics in a vector are accepted and ignored.

var errCVSS = errors.New("invalid CVSS vector")

// cvss3Weights are the metric values of section 7.4.
var cvss3Weights = map[string]map[string]float64{
	"AV": {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2},
	"AC": {"L": 0.77, "H": 0.44},
	"UI": {"N": 0.85, "R": 0.62},
	"C":  {"H": 0.56, "L": 0.22, "N": 0},
	"I":  {"H": 0.56, "L": 0.22, "N": 0},
	"A":  {"H": 0.56, "L": 0.22, "N": 0},
}

// CVSS3BaseScore computes the base score of a "CVSS:3.x/AV:.../..." vector.
func CVSS3BaseScore(vector string) (float64, error) {
	vector = strings.TrimSpace(vector)
	parts := strings.Split(vector, "/")
	if len(parts) < 2 || (parts[0] != "CVSS:3.0" && parts[0] != "CVSS:3.1") {
		return 0, fmt.Errorf("%w %q: it must start with CVSS:3.0/ or CVSS:3.1/", errCVSS, vector)
	}
	v31 := parts[0] == "CVSS:3.1"
	m := map[string]string{}
	for _, p := range parts[1:] {
		k, val, ok := strings.Cut(p, ":")
		if !ok || val == "" {
			return 0, fmt.Errorf("%w %q: bad metric %q", errCVSS, vector, p)
		}
		if _, dup := m[k]; dup {
			return 0, fmt.Errorf("%w %q: metric %s given twice", errCVSS, vector, k)
		}
		m[k] = val
	}
	scope := m["S"]
	if scope != "U" && scope != "C" {
		return 0, fmt.Errorf("%w %q: scope S must be U or C", errCVSS, vector)
	}
	w := map[string]float64{}
	for _, metric := range []string{"AV", "AC", "UI", "C", "I", "A"} {
		x, ok := cvss3Weights[metric][m[metric]]
		if !ok {
			return 0, fmt.Errorf("%w %q: missing or bad %s", errCVSS, vector, metric)
		}
		w[metric] = x
	}
	var pr float64
	switch m["PR"] {
	case "N":
		pr = 0.85
	case "L":
		pr = 0.62
		if scope == "C" {
			pr = 0.68
		}
	case "H":
		pr = 0.27
		if scope == "C" {
			pr = 0.5
		}
	default:
		return 0, fmt.Errorf("%w %q: missing or bad PR", errCVSS, vector)
	}
	iss := 1 - (1-w["C"])*(1-w["I"])*(1-w["A"])
	var impact float64
	if scope == "U" {
		impact = 6.42 * iss
	} else {
		impact = 7.52*(iss-0.029) - 3.25*math.Pow(iss-0.02, 15)
	}
	exploitability := 8.22 * w["AV"] * w["AC"] * pr * w["UI"]
	if impact <= 0 {
		return 0, nil
	}
	roundup := roundup30
	if v31 {
		roundup = roundup31
	}
	if scope == "U" {
		return roundup(math.Min(impact+exploitability, 10)), nil
	}
	return roundup(math.Min(1.08*(impact+exploitability), 10)), nil
}

// roundup31 is Appendix A of CVSS v3.1: the smallest number with one
// decimal place that is at least x, computed on integers so that floating
// point noise (4.000000001) does not round up.
func roundup31(x float64) float64 {
	i := int64(math.Round(x * 100000))
	if i%10000 == 0 {
		return float64(i) / 100000
	}
	return float64(i/10000+1) / 10
}

// roundup30 is CVSS v3.0's round-up to one decimal.
func roundup30(x float64) float64 { return math.Ceil(x*10) / 10 }

// SeverityOfScore maps a CVSS base score to the qualitative rating of the
// specification (section 5): 9.0+ critical, 7.0+ high, 4.0+ medium, else
// low (0.0, "none", is reported as low: the advisory still applies).
func SeverityOfScore(score float64) finding.Severity {
	switch {
	case score >= 9.0:
		return finding.Critical
	case score >= 7.0:
		return finding.High
	case score >= 4.0:
		return finding.Medium
	}
	return finding.Low
}

// Rating is how an advisory's severity was decided.
type Rating struct {
	Severity finding.Severity
	Score    float64 // the CVSS base score, when one was computed
	Basis    string  // "CVSS 3.1 9.8", "rated HIGH by the database", "no CVSS score published"
}

// Rate decides an advisory's severity: a CVSS v3 vector (computed with the
// base-score formula) wins; otherwise the database's qualitative rating
// (GitHub's LOW, MODERATE, HIGH, CRITICAL); otherwise MEDIUM. CVSS v4
// vectors need the specification's macro-vector lookup table, which is not
// bundled: a record with only a v4 vector falls back the same way, and the
// basis says so. Malicious-package records are CRITICAL.
func Rate(a *Advisory) Rating {
	if a.IsMalicious() {
		return Rating{Severity: finding.Critical, Basis: "malicious package"}
	}
	sev := append([]OSVSeverity{}, a.Severity...)
	for _, af := range a.Affected {
		sev = append(sev, af.Severity...)
	}
	best := -1.0
	label := ""
	hasV4 := false
	for _, s := range sev {
		switch strings.ToUpper(s.Type) {
		case "CVSS_V3":
			if score, err := CVSS3BaseScore(s.Score); err == nil && score > best {
				best = score
				label = strings.TrimPrefix(strings.SplitN(s.Score, "/", 2)[0], "CVSS:")
			}
		case "CVSS_V4":
			hasV4 = true
		}
	}
	if best >= 0 {
		return Rating{Severity: SeverityOfScore(best), Score: best, Basis: fmt.Sprintf("CVSS %s %.1f", label, best)}
	}
	if a.DatabaseSpecific != nil {
		switch r := strings.ToUpper(strings.TrimSpace(a.DatabaseSpecific.Severity)); r {
		case "CRITICAL":
			return Rating{Severity: finding.Critical, Basis: "rated CRITICAL by the database"}
		case "HIGH":
			return Rating{Severity: finding.High, Basis: "rated HIGH by the database"}
		case "MODERATE", "MEDIUM":
			return Rating{Severity: finding.Medium, Basis: "rated " + r + " by the database"}
		case "LOW":
			return Rating{Severity: finding.Low, Basis: "rated LOW by the database"}
		}
	}
	if hasV4 {
		return Rating{Severity: finding.Medium, Basis: "CVSS v4 vector not scored"}
	}
	return Rating{Severity: finding.Medium, Basis: "no CVSS score published"}
}
