package deps

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// Options configure an Analyzer.
type Options struct {
	// Source answers advisory lookups; nil checks typo-squats only.
	Source Source
	// Allow lists names never reported as typo-squats (any spelling).
	Allow []string
	// Popular replaces the bundled list of popular names (tests).
	Popular []string
}

// Status says how the last batch went, for the coverage block and for
// --require-advisories.
type Status struct {
	Checked     int    // requirements checked against advisories
	Unavailable int    // requirements whose advisories could not be had
	Reason      string // why, when Unavailable > 0
	Origin      string // where the advisories came from
}

// Analyzer is the dependency engine.
type Analyzer struct {
	src   Source
	squat *SquatDetector

	mu     sync.Mutex
	status Status
}

var _ analysis.Analyzer = (*Analyzer)(nil)

// New returns an Analyzer; it does no I/O.
func New(o Options) *Analyzer {
	return &Analyzer{src: o.Source, squat: NewSquatDetector(o.Popular, o.Allow)}
}

// Name implements analysis.Analyzer.
func (a *Analyzer) Name() string { return "deps" }

// Status returns the totals of every batch analysed so far.
func (a *Analyzer) Status() Status {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.status
}

// Analyze checks one file (without the files it includes).
func (a *Analyzer) Analyze(ctx context.Context, u *analysis.Unit) (analysis.Report, error) {
	reps, err := a.AnalyzeBatch(ctx, []*analysis.Unit{u})
	if err != nil {
		return analysis.Report{}, err
	}
	return reps[0], nil
}

// parsed is one manifest of the batch.
type parsed struct {
	unit  *analysis.Unit
	m     *Manifest
	reqs  []*Requirement // the requirements in the change
	lines []string
	pins  map[string]Version // exact pins from the -c files it includes
}

// AnalyzeBatch checks every manifest among units, looking up the advisories
// of all their changed requirements at once. Files named by a -r, -c or
// "file:" include of another unit are read as requirements files whatever
// their names. The returned reports line up with units.
func (a *Analyzer) AnalyzeBatch(ctx context.Context, units []*analysis.Unit) ([]analysis.Report, error) {
	reports := make([]analysis.Report, len(units))
	kinds := make([]Kind, len(units))
	byPath := map[string]int{}
	for i, u := range units {
		byPath[u.Path] = i
		if k, ok := ManifestKind(u.Path); ok {
			kinds[i] = k
		}
	}
	manifests := make([]*Manifest, len(units))
	// Parse, following includes to a fixed point.
	for changed := true; changed; {
		changed = false
		for i, u := range units {
			if kinds[i] == "" || manifests[i] != nil {
				continue
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			manifests[i] = ParseManifest(u.Path, kinds[i], u.Content)
			for _, inc := range manifests[i].Includes {
				j, ok := byPath[path.Clean(path.Join(path.Dir(u.Path), inc.Path))]
				if ok && kinds[j] == "" {
					kinds[j] = KindRequirements
					if inc.Constraint {
						kinds[j] = KindConstraints
					}
					changed = true
				}
			}
		}
	}

	var batch []*parsed
	want := map[string]bool{}
	for i, m := range manifests {
		if m == nil {
			continue
		}
		u := units[i]
		p := &parsed{unit: u, m: m, lines: strings.Split(string(u.Content), "\n"), pins: map[string]Version{}}
		for _, inc := range m.Includes {
			j, ok := byPath[path.Clean(path.Join(path.Dir(u.Path), inc.Path))]
			if !ok || !inc.Constraint || manifests[j] == nil {
				continue
			}
			for _, r := range manifests[j].Requirements {
				if v, ok := r.Pinned(); ok {
					p.pins[r.Key] = v
				}
			}
		}
		for k := range m.Requirements {
			r := &m.Requirements[k]
			if u.Lines != nil && u.Lines.Scope(r.Line, r.EndLine) != finding.ScopeAdded {
				continue
			}
			p.reqs = append(p.reqs, r)
			if r.URL == "" {
				want[r.Key] = true
			}
		}
		for _, prob := range m.Problems {
			reports[i].Notes = append(reports[i].Notes, analysis.Note{Path: u.Path, Text: "could not read " + prob})
		}
		batch = append(batch, p)
	}
	if len(batch) == 0 {
		return reports, nil
	}

	var look Lookup
	if a.src != nil && len(want) > 0 {
		names := make([]string, 0, len(want))
		for n := range want {
			names = append(names, n)
		}
		sort.Strings(names)
		look = a.src.Lookup(ctx, names)
	}
	missing := map[string]bool{}
	for _, n := range look.Missing {
		missing[n] = true
	}

	st := Status{Origin: look.Origin}
	matchers := map[string][]*matcher{}
	for bi, p := range batch {
		idx := byPath[p.unit.Path]
		unavailable := 0
		for _, r := range p.reqs {
			if f, ok := a.squatFinding(p, r); ok {
				reports[idx].Findings = append(reports[idx].Findings, f)
			}
			if r.URL != "" {
				continue
			}
			if a.src == nil || missing[r.Key] {
				unavailable++
				continue
			}
			st.Checked++
			ms, ok := matchers[r.Key]
			if !ok {
				ms = prepare(r.Key, look.Found[r.Key])
				matchers[r.Key] = ms
			}
			reports[idx].Findings = append(reports[idx].Findings, advisoryFindings(p, r, ms)...)
		}
		if unavailable > 0 && a.src != nil {
			st.Unavailable += unavailable
			reason := look.Reason
			if reason == "" {
				reason = "no advisory source answered"
			}
			reports[idx].Notes = append(reports[idx].Notes, analysis.Note{Path: p.unit.Path,
				Text: fmt.Sprintf("%d changed requirement(s) not checked for known vulnerabilities: %s", unavailable, reason)})
			st.Reason = reason
		}
		if bi == 0 {
			for _, n := range look.Notes {
				reports[idx].Notes = append(reports[idx].Notes, analysis.Note{Path: p.unit.Path, Text: n})
			}
		}
	}
	for i := range reports {
		reports[i].Findings = mergeSameLine(reports[i].Findings)
	}
	a.mu.Lock()
	a.status.Checked += st.Checked
	a.status.Unavailable += st.Unavailable
	if st.Reason != "" {
		a.status.Reason = st.Reason
	}
	if st.Origin != "" {
		a.status.Origin = st.Origin
	}
	a.mu.Unlock()
	return reports, nil
}

// mergeSameLine joins findings of one rule on one line (several
// requirements written on one line, as in a one-line TOML array): review
// keeps one finding per rule and line, so each must say everything.
func mergeSameLine(fs []finding.Finding) []finding.Finding {
	type key struct {
		rule string
		line int
	}
	at := map[key]int{}
	var out []finding.Finding
	for _, f := range fs {
		k := key{f.RuleID, f.Line}
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, f)
			continue
		}
		o := &out[i]
		o.Message += " | " + f.Message
		o.Remediation += " " + f.Remediation
		o.Severity = max(o.Severity, f.Severity)
		o.Confidence = max(o.Confidence, f.Confidence)
		o.EndLine = max(o.EndLine, f.EndLine)
	}
	return out
}

// snippet returns the requirement's first line, trimmed.
func (p *parsed) snippet(r *Requirement) string {
	if r.Line >= 1 && r.Line <= len(p.lines) {
		return strings.TrimSpace(strings.TrimSuffix(p.lines[r.Line-1], "\r"))
	}
	return r.Text
}

func (p *parsed) newFinding(rule *rules.Rule, r *Requirement, msg string) finding.Finding {
	f := rule.NewFinding(p.unit.Path, r.Line, 1, msg)
	f.EndLine = max(r.Line, r.EndLine)
	f.Snippet = p.snippet(r)
	return f
}

func (a *Analyzer) squatFinding(p *parsed, r *Requirement) (finding.Finding, bool) {
	s, ok := a.squat.Check(r.Key)
	if !ok {
		return finding.Finding{}, false
	}
	f := p.newFinding(rules.TyposquatDependency, r, fmt.Sprintf("%s looks like a typo-squat of the popular package %s: %s", r.Name, s.Target, s.Reason))
	f.Remediation = fmt.Sprintf("Check the name: if %s was meant, depend on it instead. If %s is the package you want, add it to "+
		"[patchpatrol.dependencies] allow.", s.Target, r.Name)
	return f, true
}

// prepare builds the matchers of a package's advisories, leaving out
// withdrawn ones and ones with nothing to match.
func prepare(key string, advs []*Advisory) []*matcher {
	var ms []*matcher
	for _, adv := range advs {
		if adv.IsWithdrawn() {
			continue
		}
		if m := newMatcher(adv, key); !m.empty() {
			ms = append(ms, m)
		}
	}
	return ms
}

// advisoryFindings matches one requirement against its package's
// advisories.
func advisoryFindings(p *parsed, r *Requirement, ms []*matcher) []finding.Finding {
	if len(ms) == 0 {
		return nil
	}
	if v, ok := r.Pinned(); ok {
		return pinnedFindings(p, r, v, ms)
	}
	if v, ok := p.pins[r.Key]; ok {
		// A constraints file pins it: the constraint's line reports it.
		_ = v
		return nil
	}
	return rangeFindings(p, r, ms)
}

// affecting returns the advisories that affect version v, split into
// vulnerabilities and malicious-package records.
func affecting(v Version, ms []*matcher) (hit, mal []*matcher) {
	for _, m := range ms {
		if m.affects(v) {
			if m.adv.IsMalicious() {
				mal = append(mal, m)
			} else {
				hit = append(hit, m)
			}
		}
	}
	return hit, mal
}

func pinnedFindings(p *parsed, r *Requirement, v Version, ms []*matcher) []finding.Finding {
	hit, mal := affecting(v, ms)
	var out []finding.Finding
	if len(mal) > 0 {
		f := p.newFinding(rules.MaliciousDependency, r, fmt.Sprintf("%s %s is a known malicious package: %s",
			r.Name, v, describeAdvisories(mal, 3)))
		out = append(out, f)
	}
	if len(hit) > 0 {
		sev, basis := worst(hit)
		f := p.newFinding(rules.VulnerableDependencyPinned, r, fmt.Sprintf("%s %s is affected by %s (%s): %s",
			r.Name, v, countOf(len(hit), "known vulnerability", "known vulnerabilities"), basis, describeAdvisories(hit, 3)))
		f.Severity = sev
		if fix, ok := fixedVersion(v, ms); ok {
			f.Remediation = fmt.Sprintf("Upgrade %s to %s or later (fixes %s), and regenerate any lock file.", r.Name, fix, idList(hit, 6))
		} else {
			f.Remediation = fmt.Sprintf("No release of %s is known to fix %s: remove the dependency or replace it with a maintained alternative.", r.Name, idList(hit, 6))
		}
		out = append(out, f)
	}
	return out
}

func rangeFindings(p *parsed, r *Requirement, ms []*matcher) []finding.Finding {
	spec := r.Constraint.Intervals()
	var hit, mal, top []*matcher
	for _, m := range ms {
		if len(intersectSets(spec, m.allIntervals())) == 0 {
			continue
		}
		if m.adv.IsMalicious() {
			mal = append(mal, m)
			continue
		}
		hit = append(hit, m)
		if topAffected(spec, m.allIntervals()) {
			top = append(top, m)
		}
	}
	var out []finding.Finding
	what := r.Name
	if !r.Constraint.Any() {
		what = r.Name + r.Constraint.String()
	}
	if len(mal) > 0 {
		out = append(out, p.newFinding(rules.MaliciousDependency, r, fmt.Sprintf("%s allows versions published as malicious: %s",
			what, describeAdvisories(mal, 3))))
	}
	if len(hit) == 0 {
		return out
	}
	var f finding.Finding
	if len(top) > 0 {
		sev, basis := worst(top)
		f = p.newFinding(rules.VulnerableDependencyRange, r, fmt.Sprintf("%s allows only vulnerable versions at its top: the newest version it admits is affected by %s (%s): %s",
			what, countOf(len(top), "known vulnerability", "known vulnerabilities"), basis, describeAdvisories(top, 3)))
		f.Severity = sev
		f.Confidence = finding.ConfidenceMedium
	} else {
		f = p.newFinding(rules.VulnerableDependencyRange, r, fmt.Sprintf("%s admits versions affected by %s: %s",
			what, countOf(len(hit), "known vulnerability", "known vulnerabilities"), describeAdvisories(hit, 3)))
	}
	if c, ok := floorWithin(spec, ms); ok {
		f.Remediation = fmt.Sprintf("Raise the lower bound to %s>=%s: the range then admits no version with a known advisory.", r.Name, c)
	} else if floor, incl, ok := safeFloor(ms); ok {
		op := ">"
		if incl {
			op = ">="
		}
		f.Remediation = fmt.Sprintf("Require %s%s%s: no lower version is free of every known advisory.", r.Name, op, floor)
	} else {
		f.Remediation = fmt.Sprintf("No release of %s is free of every known advisory: pin a version you have checked, or replace the dependency.", r.Name)
	}
	return append(out, f)
}

// topAffected reports whether the highest versions the specifier admits
// are affected: the version a resolver would pick is vulnerable.
func topAffected(spec, affected []Interval) bool {
	if len(spec) == 0 {
		return false
	}
	topIv := spec[0]
	for _, iv := range spec[1:] {
		if higherBound(iv.Hi, topIv.Hi) {
			topIv = iv
		}
	}
	for _, a := range affected {
		z := a.intersect(topIv)
		if z.Empty() {
			continue
		}
		if topIv.Hi.Inf {
			if a.Hi.Inf {
				return true
			}
			continue
		}
		if z.Hi.Inf == topIv.Hi.Inf && z.Hi.V.Equal(topIv.Hi.V) && z.Hi.Inclusive == topIv.Hi.Inclusive {
			return true
		}
	}
	return false
}

// higherBound reports whether upper bound a is above b.
func higherBound(a, b Bound) bool {
	switch {
	case a.Inf:
		return !b.Inf
	case b.Inf:
		return false
	}
	c := a.V.Compare(b.V)
	return c > 0 || (c == 0 && a.Inclusive && !b.Inclusive)
}

// safeFloor is the lowest version at and above which no advisory of the
// package applies, from the last event of each range and the listed
// versions; ok is false when some range is never fixed.
func safeFloor(ms []*matcher) (v Version, inclusive, ok bool) {
	have := false
	raise := func(c Version, incl bool) {
		if !have || c.Compare(v) > 0 || (c.Equal(v) && !incl && inclusive) {
			v, inclusive, have = c, incl, true
		}
	}
	for _, m := range ms {
		if m.adv.IsMalicious() {
			continue
		}
		for _, evs := range m.ranges {
			var last *event
			for i := range evs {
				if evs[i].kind != evLimit {
					last = &evs[i]
				}
			}
			if last == nil {
				continue
			}
			switch last.kind {
			case evIntroduced:
				return Version{}, false, false
			case evFixed:
				raise(last.v, true)
			case evLastAffected:
				raise(last.v, false)
			}
		}
		m.loadVersions()
		for _, lv := range m.versions {
			raise(lv, false)
		}
	}
	return v, inclusive, have
}

// floorWithin is the lowest fixed version, admitted by the range, at and
// above which the range holds no affected version: the bound to raise the
// range's floor to.
func floorWithin(spec []Interval, ms []*matcher) (Version, bool) {
	var affected []Interval
	var cands []Version
	for _, m := range ms {
		if m.adv.IsMalicious() {
			continue
		}
		affected = append(affected, m.allIntervals()...)
		cands = append(cands, m.fixes...)
	}
	cands = uniqueSorted(cands)
	for _, c := range cands {
		above := intersectSets(spec, []Interval{{Lo: Bound{V: c, Inclusive: true}, Hi: Bound{Inf: true}}})
		if len(above) == 0 {
			continue
		}
		if len(intersectSets(above, affected)) == 0 {
			return c, true
		}
	}
	return Version{}, false
}

// fixedVersion is the lowest fixed version above v that no advisory of the
// package affects.
func fixedVersion(v Version, ms []*matcher) (Version, bool) {
	var cands []Version
	for _, m := range ms {
		if m.adv.IsMalicious() {
			continue
		}
		for _, f := range m.fixes {
			if f.Compare(v) > 0 {
				cands = append(cands, f)
			}
		}
	}
	cands = uniqueSorted(cands)
	for _, c := range cands {
		clean := true
		for _, m := range ms {
			if !m.adv.IsMalicious() && m.affects(c) {
				clean = false
				break
			}
		}
		if clean {
			return c, true
		}
	}
	return Version{}, false
}

// uniqueSorted sorts versions and drops duplicates.
func uniqueSorted(vs []Version) []Version {
	sort.Slice(vs, func(i, j int) bool { return vs[i].Less(vs[j]) })
	out := vs[:0]
	for i, v := range vs {
		if i == 0 || !v.Equal(out[len(out)-1]) {
			out = append(out, v)
		}
	}
	return out
}

// worst returns the highest severity of the advisories and its basis.
func worst(ms []*matcher) (finding.Severity, string) {
	best := Rating{Severity: finding.None}
	for _, m := range ms {
		r := m.rating
		if r.Severity > best.Severity || (r.Severity == best.Severity && r.Score > best.Score) {
			best = r
		}
	}
	return best.Severity, best.Severity.String() + ": " + best.Basis
}

// describeAdvisories lists up to n advisories with aliases and a summary,
// then the ids of the rest.
func describeAdvisories(ms []*matcher, n int) string {
	sorted := append([]*matcher{}, ms...)
	sort.SliceStable(sorted, func(i, j int) bool {
		ri, rj := sorted[i].rating, sorted[j].rating
		if ri.Severity != rj.Severity {
			return ri.Severity > rj.Severity
		}
		return sorted[i].adv.ID < sorted[j].adv.ID
	})
	var parts []string
	for i, m := range sorted {
		if i == n {
			break
		}
		s := m.adv.ID
		if len(m.adv.Aliases) > 0 {
			s += " (" + strings.Join(m.adv.Aliases, ", ") + ")"
		}
		if sum := summary(m.adv); sum != "" {
			s += " " + sum
		}
		parts = append(parts, s)
	}
	out := strings.Join(parts, "; ")
	if len(sorted) > n {
		out += "; and " + idList(sorted[n:], 8)
	}
	return out
}

// idList writes up to n ids, then how many more.
func idList(ms []*matcher, n int) string {
	var ids []string
	for i, m := range ms {
		if i == n {
			ids = append(ids, fmt.Sprintf("%d more", len(ms)-n))
			break
		}
		ids = append(ids, m.adv.ID)
	}
	return strings.Join(ids, ", ")
}

// summary is the advisory's summary, or the first sentence of its details,
// quoted and shortened.
func summary(a *Advisory) string {
	s := strings.TrimSpace(a.Summary)
	if s == "" {
		s = strings.TrimSpace(a.Details)
		if i := strings.Index(s, ". "); i > 0 {
			s = s[:i]
		}
		if i := strings.IndexByte(s, '\n'); i > 0 {
			s = s[:i]
		}
	}
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "**", "")), " ")
	if r := []rune(s); len(r) > 100 {
		s = strings.TrimSpace(string(r[:97])) + "..."
	} else {
		s = strings.TrimSuffix(s, ".")
	}
	if s == "" {
		return ""
	}
	return "\"" + s + "\""
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
