package deps

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Ecosystem is the OSV ecosystem of PyPI packages.
const Ecosystem = "PyPI"

// Advisory is an OSV record, reduced to what matching and reporting need
// (https://ossf.github.io/osv-schema/). Only PyPI entries of "affected"
// are kept.
type Advisory struct {
	ID               string          `json:"id" yaml:"id"`
	Aliases          []string        `json:"aliases,omitempty" yaml:"aliases"`
	Summary          string          `json:"summary,omitempty" yaml:"summary"`
	Details          string          `json:"details,omitempty" yaml:"details"`
	Modified         string          `json:"modified,omitempty" yaml:"modified"`
	Published        string          `json:"published,omitempty" yaml:"published"`
	Withdrawn        string          `json:"withdrawn,omitempty" yaml:"withdrawn"`
	Severity         []OSVSeverity   `json:"severity,omitempty" yaml:"severity"`
	Affected         []Affected      `json:"affected,omitempty" yaml:"affected"`
	DatabaseSpecific *DatabaseFields `json:"database_specific,omitempty" yaml:"database_specific"`
}

// OSVSeverity is a severity entry: type CVSS_V2, CVSS_V3, CVSS_V4 or
// Ubuntu, and its vector or rating.
type OSVSeverity struct {
	Type  string `json:"type" yaml:"type"`
	Score string `json:"score" yaml:"score"`
}

// DatabaseFields keeps the qualitative rating some databases add (GitHub:
// LOW, MODERATE, HIGH, CRITICAL).
type DatabaseFields struct {
	Severity string `json:"severity,omitempty" yaml:"severity"`
}

// Affected is one affected package with its ranges and versions.
type Affected struct {
	Package  Package       `json:"package" yaml:"package"`
	Ranges   []Range       `json:"ranges,omitempty" yaml:"ranges"`
	Versions []string      `json:"versions,omitempty" yaml:"versions"`
	Severity []OSVSeverity `json:"severity,omitempty" yaml:"severity"`
}

// Package names an affected package.
type Package struct {
	Ecosystem string `json:"ecosystem" yaml:"ecosystem"`
	Name      string `json:"name" yaml:"name"`
}

// Range is an OSV range; only ECOSYSTEM ranges are evaluated (GIT ranges
// name commits, SEMVER ranges are not PyPI's).
type Range struct {
	Type   string  `json:"type" yaml:"type"`
	Events []Event `json:"events" yaml:"events"`
}

// Event is one of introduced, fixed, last_affected or limit.
type Event struct {
	Introduced   string `json:"introduced,omitempty" yaml:"introduced"`
	Fixed        string `json:"fixed,omitempty" yaml:"fixed"`
	LastAffected string `json:"last_affected,omitempty" yaml:"last_affected"`
	Limit        string `json:"limit,omitempty" yaml:"limit"`
}

// maxDetails bounds the details kept per advisory; messages use the first
// sentence.
const maxDetails = 600

var errAdvisory = errors.New("invalid OSV record")

// ParseAdvisory reads one OSV record in JSON or YAML (by content: JSON
// starts with "{"), keeps its PyPI entries and normalises package names.
// A record without an id is an error; one without PyPI entries is returned
// with no Affected.
func ParseAdvisory(data []byte) (*Advisory, error) {
	var a Advisory
	trimmed := bytes.TrimSpace(data)
	if bytes.HasPrefix(trimmed, []byte("{")) {
		if err := json.Unmarshal(trimmed, &a); err != nil {
			return nil, fmt.Errorf("%w: %v", errAdvisory, err)
		}
	} else if err := decodeYAML(trimmed, &a); err != nil {
		return nil, fmt.Errorf("%w: %v", errAdvisory, err)
	}
	if strings.TrimSpace(a.ID) == "" {
		return nil, fmt.Errorf("%w: no id", errAdvisory)
	}
	a.trim()
	return &a, nil
}

// decodeYAML decodes into v, turning a decoder panic into an error so no
// input can crash the caller.
func decodeYAML(data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml decoder failed: %v", r)
		}
	}()
	return yaml.Unmarshal(data, v)
}

// trim keeps the PyPI entries and ECOSYSTEM ranges, normalises names and
// shortens the details.
func (a *Advisory) trim() {
	var keep []Affected
	for _, af := range a.Affected {
		if !strings.EqualFold(strings.TrimSpace(af.Package.Ecosystem), Ecosystem) {
			continue
		}
		af.Package.Ecosystem = Ecosystem
		af.Package.Name = NormalizeName(strings.TrimSpace(af.Package.Name))
		var ranges []Range
		for _, r := range af.Ranges {
			if strings.EqualFold(r.Type, "ECOSYSTEM") {
				ranges = append(ranges, r)
			}
		}
		af.Ranges = ranges
		keep = append(keep, af)
	}
	a.Affected = keep
	if len(a.Details) > maxDetails {
		a.Details = a.Details[:maxDetails]
	}
}

// compacted returns a copy without the listed versions that its own
// ECOSYSTEM ranges already cover, and without listed versions that are not
// PEP 440 (no pin can equal them). Matching is unchanged; stores and caches
// hold the compact form, which is far smaller for records that list every
// affected release.
func (a *Advisory) compacted() *Advisory {
	c := *a
	c.Affected = make([]Affected, len(a.Affected))
	for i, af := range a.Affected {
		var ranges [][]event
		for _, r := range af.Ranges {
			evs, _ := sortedEvents(r)
			ranges = append(ranges, evs)
		}
		var keep []string
		for _, s := range af.Versions {
			v, err := ParseVersion(s)
			if err != nil {
				continue
			}
			covered := false
			for _, evs := range ranges {
				if rangeAffects(evs, v) {
					covered = true
					break
				}
			}
			if !covered {
				keep = append(keep, s)
			}
		}
		af.Versions = keep
		c.Affected[i] = af
	}
	return &c
}

// Packages returns the normalised names of the packages the advisory
// affects.
func (a *Advisory) Packages() []string {
	var out []string
	for _, af := range a.Affected {
		if af.Package.Name != "" && !contains(out, af.Package.Name) {
			out = append(out, af.Package.Name)
		}
	}
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// IsWithdrawn reports a withdrawn advisory, which matches nothing.
func (a *Advisory) IsWithdrawn() bool { return strings.TrimSpace(a.Withdrawn) != "" }

// IsMalicious reports an OSV malicious-package record (MAL- id).
func (a *Advisory) IsMalicious() bool { return strings.HasPrefix(a.ID, "MAL-") }

// ModifiedTime parses the modified timestamp (zero when absent or bad).
func (a *Advisory) ModifiedTime() time.Time {
	t, _ := time.Parse(time.RFC3339Nano, strings.TrimSpace(a.Modified))
	return t
}

// event is a parsed range event; zero marks introduced "0".
type event struct {
	kind int // evIntroduced, evLastAffected, evFixed, evLimit (sort order at equal versions)
	v    Version
	zero bool
}

const (
	evIntroduced = iota
	evLastAffected
	evFixed
	evLimit
)

// sortedEvents parses and sorts a range's events by version, "0" first.
// Events whose version is not PEP 440 are dropped and counted.
func sortedEvents(r Range) ([]event, int) {
	var evs []event
	bad := 0
	for _, e := range r.Events {
		var kind int
		var text string
		switch {
		case e.Introduced != "":
			kind, text = evIntroduced, e.Introduced
		case e.Fixed != "":
			kind, text = evFixed, e.Fixed
		case e.LastAffected != "":
			kind, text = evLastAffected, e.LastAffected
		case e.Limit != "":
			kind, text = evLimit, e.Limit
		default:
			continue
		}
		if kind == evIntroduced && strings.TrimSpace(text) == "0" {
			evs = append(evs, event{kind: kind, zero: true})
			continue
		}
		v, err := ParseVersion(text)
		if err != nil {
			bad++
			continue
		}
		evs = append(evs, event{kind: kind, v: v})
	}
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i], evs[j]
		if a.zero != b.zero {
			return a.zero
		}
		if c := a.v.Compare(b.v); c != 0 || a.zero {
			return c < 0
		}
		return a.kind < b.kind
	})
	return evs, bad
}

// rangeAffects evaluates one ECOSYSTEM range for v as the OSV schema
// specifies: walk the events in version order; an introduced event at or
// below v marks it affected, a fixed event at or below v, or a last_affected
// event below v, marks it unaffected; the last event that applies wins.
// Limit events cap the range: v must be below some limit.
func rangeAffects(evs []event, v Version) bool {
	affected := false
	limited, belowLimit := false, false
	for _, e := range evs {
		switch e.kind {
		case evIntroduced:
			if e.zero || v.Compare(e.v) >= 0 {
				affected = true
			}
		case evFixed:
			if v.Compare(e.v) >= 0 {
				affected = false
			}
		case evLastAffected:
			if v.Compare(e.v) > 0 {
				affected = false
			}
		case evLimit:
			limited = true
			if v.Compare(e.v) < 0 {
				belowLimit = true
			}
		}
	}
	return affected && (!limited || belowLimit)
}

// rangeIntervals returns the versions a range affects as intervals, from
// the same walk as rangeAffects.
func rangeIntervals(evs []event) []Interval {
	var out []Interval
	var open *Bound
	for _, e := range evs {
		switch e.kind {
		case evIntroduced:
			if open == nil {
				if e.zero {
					open = &Bound{Inf: true}
				} else {
					open = &Bound{V: e.v, Inclusive: true}
				}
			}
		case evFixed:
			if open != nil {
				out = append(out, Interval{Lo: *open, Hi: Bound{V: e.v}})
				open = nil
			}
		case evLastAffected:
			if open != nil {
				out = append(out, Interval{Lo: *open, Hi: Bound{V: e.v, Inclusive: true}})
				open = nil
			}
		}
	}
	if open != nil {
		out = append(out, Interval{Lo: *open, Hi: Bound{Inf: true}})
	}
	var limits []Interval
	for _, e := range evs {
		if e.kind == evLimit {
			limits = append(limits, Interval{Lo: Bound{Inf: true}, Hi: Bound{V: e.v}})
		}
	}
	if len(limits) > 0 {
		// Below the highest limit.
		top := limits[len(limits)-1]
		var capped []Interval
		for _, iv := range out {
			if z := iv.intersect(top); !z.Empty() {
				capped = append(capped, z)
			}
		}
		out = capped
	}
	return out
}

// matcher is an advisory prepared for one package: parsed ranges, affected
// intervals and listed versions.
type matcher struct {
	adv       *Advisory
	ranges    [][]event
	intervals []Interval // of the ranges only; allIntervals adds the listed versions
	// rawVersions are parsed into versions and listed on first use.
	rawVersions    []string
	versionsLoaded bool
	listedLoaded   bool
	versions       []Version
	listed         map[string]bool // canonical keys of versions
	withPoints     []Interval
	fixes          []Version // every fixed version, for remediation
	rating         Rating
	lastAff        []Version // every last_affected version
}

// newMatcher prepares the advisory's entries for the package key.
func newMatcher(a *Advisory, pkg string) *matcher {
	m := &matcher{adv: a, listed: map[string]bool{}, rating: Rate(a)}
	for _, af := range a.Affected {
		if af.Package.Name != pkg {
			continue
		}
		for _, r := range af.Ranges {
			evs, _ := sortedEvents(r)
			m.ranges = append(m.ranges, evs)
			m.intervals = append(m.intervals, rangeIntervals(evs)...)
			for _, e := range evs {
				switch e.kind {
				case evFixed:
					m.fixes = append(m.fixes, e.v)
				case evLastAffected:
					m.lastAff = append(m.lastAff, e.v)
				}
			}
		}
		m.rawVersions = append(m.rawVersions, af.Versions...)
	}
	return m
}

// loadListed indexes the listed versions by canonical key on first use:
// most pins are decided by the ranges, and the lists are long.
func (m *matcher) loadListed() {
	if m.listedLoaded {
		return
	}
	m.listedLoaded = true
	for _, s := range m.rawVersions {
		if k, ok := canonicalKey(s); ok {
			m.listed[k] = true
		}
	}
}

// loadVersions parses the listed versions, for interval arithmetic.
func (m *matcher) loadVersions() {
	if m.versionsLoaded {
		return
	}
	m.versionsLoaded = true
	for _, s := range m.rawVersions {
		if v, err := ParseVersion(s); err == nil {
			m.versions = append(m.versions, v)
		}
	}
}

// canonicalKey is Version.key of a version string, without parsing the
// common plain releases ("1.2.0" → "1.2").
func canonicalKey(s string) (string, bool) {
	plain := s != ""
	for i := 0; i < len(s) && plain; i++ {
		plain = s[i] >= '0' && s[i] <= '9' || s[i] == '.' && i > 0 && i < len(s)-1 && s[i-1] != '.'
	}
	if plain && (len(s) == 1 || s[0] != '0' || s[1] == '.') && !strings.Contains(s, ".0") {
		return s, true
	}
	v, err := ParseVersion(s)
	if err != nil {
		return "", false
	}
	return v.key(), true
}

// allIntervals returns the affected intervals of the ranges and one point
// interval per listed version.
func (m *matcher) allIntervals() []Interval {
	m.loadVersions()
	if m.withPoints == nil {
		m.withPoints = append([]Interval{}, m.intervals...)
		for _, v := range m.versions {
			m.withPoints = append(m.withPoints, Interval{Lo: Bound{V: v, Inclusive: true}, Hi: Bound{V: v, Inclusive: true}})
		}
	}
	return m.withPoints
}

// affects reports whether the advisory affects version v: v is listed, or
// some range affects it.
func (m *matcher) affects(v Version) bool {
	for _, evs := range m.ranges {
		if rangeAffects(evs, v) {
			return true
		}
	}
	m.loadListed()
	return m.listed[v.key()]
}

// empty reports an advisory with nothing to match for the package.
func (m *matcher) empty() bool { return len(m.ranges) == 0 && len(m.rawVersions) == 0 }
