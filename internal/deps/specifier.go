package deps

import (
	"errors"
	"fmt"
	"strings"
)

// Specifier is one PEP 440 version clause, such as ">=1.4" or "==2.*".
type Specifier struct {
	Op       string  // ~=, ==, !=, <=, >=, <, >, ===
	Version  Version // unset for === with a non-version string
	Wildcard bool    // ==V.* or !=V.*
	Text     string  // the version text as written (=== compares it)
}

// SpecifierSet is a conjunction of clauses; the empty set admits every
// version.
type SpecifierSet []Specifier

var errSpecifier = errors.New("invalid PEP 440 specifier")

// ParseSpecifierSet parses comma-separated clauses (">=1.0, !=1.3.*, <2").
// Whitespace around operators and versions is allowed; an empty string is
// the empty set.
func ParseSpecifierSet(s string) (SpecifierSet, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	var set SpecifierSet
	for _, part := range strings.Split(s, ",") {
		sp, err := ParseSpecifier(part)
		if err != nil {
			return nil, err
		}
		set = append(set, sp)
	}
	return set, nil
}

// ParseSpecifier parses one clause and checks it against the rules of PEP
// 440: ~= needs two release segments, wildcards only follow a release after
// == or !=, local labels only with == and !=, and ordered comparisons take
// neither.
func ParseSpecifier(s string) (Specifier, error) {
	s = strings.TrimSpace(s)
	var op string
	for _, o := range []string{"===", "~=", "==", "!=", "<=", ">=", "<", ">"} {
		if strings.HasPrefix(s, o) {
			op = o
			break
		}
	}
	if op == "" {
		return Specifier{}, fmt.Errorf("%w %q: start it with an operator such as == or >=", errSpecifier, s)
	}
	text := strings.TrimSpace(s[len(op):])
	if text == "" || strings.ContainsAny(text, " \t,;") {
		return Specifier{}, fmt.Errorf("%w %q: missing or malformed version", errSpecifier, s)
	}
	sp := Specifier{Op: op, Text: text}
	if op == "===" {
		if v, err := ParseVersion(text); err == nil {
			sp.Version = v
		}
		return sp, nil
	}
	vt := text
	if strings.HasSuffix(vt, ".*") {
		if op != "==" && op != "!=" {
			return Specifier{}, fmt.Errorf("%w %q: a .* wildcard is allowed only after == or !=", errSpecifier, s)
		}
		sp.Wildcard = true
		vt = strings.TrimSuffix(vt, ".*")
	}
	v, err := ParseVersion(vt)
	if err != nil {
		return Specifier{}, fmt.Errorf("%w %q: %v", errSpecifier, s, err)
	}
	if strings.HasPrefix(strings.ToLower(vt), "v") && sp.Wildcard {
		return Specifier{}, fmt.Errorf("%w %q", errSpecifier, s)
	}
	switch {
	case sp.Wildcard && (v.PreKind != "" || v.HasPost || v.HasDev || len(v.Local) > 0):
		return Specifier{}, fmt.Errorf("%w %q: a wildcard may only follow a release such as 1.4.*", errSpecifier, s)
	case len(v.Local) > 0 && op != "==" && op != "!=":
		return Specifier{}, fmt.Errorf("%w %q: a local version label is allowed only with == or !=", errSpecifier, s)
	case op == "~=" && len(v.Release) < 2:
		return Specifier{}, fmt.Errorf("%w %q: ~= needs at least two release segments, such as ~=1.4", errSpecifier, s)
	}
	sp.Version = v
	return sp, nil
}

// String writes the clause in normalised form.
func (sp Specifier) String() string {
	if sp.Op == "===" {
		return sp.Op + sp.Text
	}
	s := sp.Op + sp.Version.String()
	if sp.Wildcard {
		s += ".*"
	}
	return s
}

// String writes the set as comma-separated clauses.
func (set SpecifierSet) String() string {
	parts := make([]string, len(set))
	for i, sp := range set {
		parts[i] = sp.String()
	}
	return strings.Join(parts, ",")
}

// Match reports whether v satisfies the clause, with the rules of PEP 440:
// == and != ignore the candidate's local label unless the clause has one;
// a prefix match pads the candidate's release with zeros; <V does not admit
// a pre-release of V and >V neither a post-release nor a local version of V
// unless V is one; <= and >= compare public versions.
func (sp Specifier) Match(v Version) bool {
	switch sp.Op {
	case "===":
		return strings.EqualFold(strings.TrimSpace(sp.Text), v.String())
	case "==":
		return sp.equal(v)
	case "!=":
		return !sp.equal(v)
	case "~=":
		prefix := Specifier{Op: "==", Wildcard: true, Version: Version{Epoch: sp.Version.Epoch,
			Release: sp.Version.Release[:len(sp.Version.Release)-1]}}
		return v.Public().Compare(sp.Version) >= 0 && prefix.equal(v)
	case "<=":
		return v.Public().Compare(sp.Version) <= 0
	case ">=":
		return v.Public().Compare(sp.Version) >= 0
	case "<":
		if v.Compare(sp.Version) >= 0 {
			return false
		}
		if !sp.Version.IsPrerelease() && v.IsPrerelease() && v.Base().Equal(sp.Version.Base()) {
			return false
		}
		return true
	case ">":
		if v.Compare(sp.Version) <= 0 {
			return false
		}
		if !sp.Version.HasPost && v.HasPost && v.Base().Equal(sp.Version.Base()) {
			return false
		}
		if len(v.Local) > 0 && v.Base().Equal(sp.Version.Base()) {
			return false
		}
		return true
	}
	return false
}

func (sp Specifier) equal(v Version) bool {
	if !sp.Wildcard {
		if len(sp.Version.Local) == 0 {
			v = v.Public()
		}
		return v.Compare(sp.Version) == 0
	}
	if v.Epoch != sp.Version.Epoch {
		return false
	}
	// Prefix match on the release: the candidate is padded with zeros to
	// the prefix's length; anything after the release is ignored.
	for i, want := range sp.Version.Release {
		var got uint64
		if i < len(v.Release) {
			got = v.Release[i]
		}
		if got != want {
			return false
		}
	}
	return true
}

// Allows reports whether every clause admits v, whatever its pre-release
// status.
func (set SpecifierSet) Allows(v Version) bool {
	for _, sp := range set {
		if !sp.Match(v) {
			return false
		}
	}
	return true
}

// Contains is Allows with PEP 440's default for pre-releases: a pre-release
// or development release is admitted only when a clause names one.
func (set SpecifierSet) Contains(v Version) bool {
	if v.IsPrerelease() && !set.mentionsPrerelease() {
		return false
	}
	return set.Allows(v)
}

func (set SpecifierSet) mentionsPrerelease() bool {
	for _, sp := range set {
		if sp.Op != "!=" && !sp.Version.IsZero() && sp.Version.IsPrerelease() {
			return true
		}
	}
	return false
}

// Pin returns the exact version the set pins (== without a wildcard, or
// === with a version), if any.
func (set SpecifierSet) Pin() (Version, bool) {
	for _, sp := range set {
		if (sp.Op == "==" && !sp.Wildcard) || (sp.Op == "===" && !sp.Version.IsZero()) {
			return sp.Version, true
		}
	}
	return Version{}, false
}

// Interval is a range of versions; a bound with Inf set is unbounded.
type Interval struct {
	Lo, Hi Bound
}

// Bound is one end of an Interval.
type Bound struct {
	V         Version
	Inf       bool // -inf for Lo, +inf for Hi
	Inclusive bool
}

// Everything is the interval of all versions.
var everything = Interval{Lo: Bound{Inf: true}, Hi: Bound{Inf: true}}

// Empty reports whether no version lies in the interval. Versions are
// treated as dense: between two distinct versions there is always another.
func (iv Interval) Empty() bool {
	if iv.Lo.Inf || iv.Hi.Inf {
		return false
	}
	c := iv.Lo.V.Compare(iv.Hi.V)
	return c > 0 || (c == 0 && !(iv.Lo.Inclusive && iv.Hi.Inclusive))
}

// Contains reports whether v lies in the interval.
func (iv Interval) Contains(v Version) bool {
	if !iv.Lo.Inf {
		c := v.Compare(iv.Lo.V)
		if c < 0 || (c == 0 && !iv.Lo.Inclusive) {
			return false
		}
	}
	if !iv.Hi.Inf {
		c := v.Compare(iv.Hi.V)
		if c > 0 || (c == 0 && !iv.Hi.Inclusive) {
			return false
		}
	}
	return true
}

// intersect returns the common part of two intervals (possibly empty).
func (iv Interval) intersect(o Interval) Interval {
	out := iv
	if !o.Lo.Inf {
		if out.Lo.Inf {
			out.Lo = o.Lo
		} else if c := o.Lo.V.Compare(out.Lo.V); c > 0 || (c == 0 && !o.Lo.Inclusive) {
			out.Lo = o.Lo
		}
	}
	if !o.Hi.Inf {
		if out.Hi.Inf {
			out.Hi = o.Hi
		} else if c := o.Hi.V.Compare(out.Hi.V); c < 0 || (c == 0 && !o.Hi.Inclusive) {
			out.Hi = o.Hi
		}
	}
	return out
}

// intersectSets returns the pairwise intersections of two unions of
// intervals, leaving out the empty ones.
func intersectSets(a, b []Interval) []Interval {
	var out []Interval
	for _, x := range a {
		for _, y := range b {
			if z := x.intersect(y); !z.Empty() {
				out = append(out, z)
			}
		}
	}
	return out
}

// familyFloor is the lowest version of a release: its first development
// release (1.4 → 1.4.dev0).
func familyFloor(epoch uint64, release []uint64) Version {
	return Version{Epoch: epoch, Release: release, HasDev: true}
}

// withLocals is the upper end of v's local versions: v itself when it has
// a local label, else a bound above every v+label.
func withLocals(v Version) Version {
	if len(v.Local) > 0 {
		return v
	}
	v.localMax = true
	return v
}

// nextRelease increments the last segment: 1.4 → 1.5.
func nextRelease(release []uint64) []uint64 {
	out := append([]uint64{}, release...)
	out[len(out)-1]++
	return out
}

// Intervals returns the versions the clause admits as a union of intervals.
// It is exact for the clauses real manifests use; for two exotic ones it
// admits slightly more than Match: the pre-releases of V's release under <V
// when V is a post-release, and the post-releases and local versions of V's
// release under >V when V is a pre-release.
func (sp Specifier) Intervals() []Interval {
	v := sp.Version
	lo := func(b Version, incl bool) Interval {
		return Interval{Lo: Bound{V: b, Inclusive: incl}, Hi: Bound{Inf: true}}
	}
	hi := func(b Version, incl bool) Interval {
		return Interval{Lo: Bound{Inf: true}, Hi: Bound{V: b, Inclusive: incl}}
	}
	between := func(a Version, aIncl bool, b Version, bIncl bool) Interval {
		return Interval{Lo: Bound{V: a, Inclusive: aIncl}, Hi: Bound{V: b, Inclusive: bIncl}}
	}
	switch sp.Op {
	case "===":
		if v.IsZero() {
			return nil
		}
		return []Interval{between(v, true, v, true)}
	case ">=":
		return []Interval{lo(v, true)}
	case ">":
		if !v.HasPost && !v.HasDev {
			m := v.Public()
			m.postMax = true
			return []Interval{lo(m, false)}
		}
		return []Interval{lo(v, false)}
	case "<=":
		return []Interval{hi(withLocals(v), true)}
	case "<":
		if !v.IsPrerelease() && !v.HasPost {
			return []Interval{hi(familyFloor(v.Epoch, v.Release), false)}
		}
		return []Interval{hi(v, false)}
	case "==":
		if sp.Wildcard {
			return []Interval{between(familyFloor(v.Epoch, v.Release), true, familyFloor(v.Epoch, nextRelease(v.Release)), false)}
		}
		return []Interval{between(v, true, withLocals(v), true)}
	case "!=":
		if sp.Wildcard {
			return []Interval{hi(familyFloor(v.Epoch, v.Release), false), lo(familyFloor(v.Epoch, nextRelease(v.Release)), true)}
		}
		return []Interval{hi(v, false), lo(withLocals(v), false)}
	case "~=":
		prefix := v.Release[:len(v.Release)-1]
		return []Interval{between(v, true, familyFloor(v.Epoch, nextRelease(prefix)), false)}
	}
	return nil
}

// Intervals returns the versions the whole set admits.
func (set SpecifierSet) Intervals() []Interval {
	out := []Interval{everything}
	for _, sp := range set {
		out = intersectSets(out, sp.Intervals())
	}
	return out
}

// Constraint is what a requirement allows: a union of specifier sets (PEP
// 508 gives one; Poetry's "||" gives several). A nil Constraint admits
// every version.
type Constraint []SpecifierSet

// Any reports whether the constraint admits every version.
func (c Constraint) Any() bool {
	if len(c) == 0 {
		return true
	}
	for _, s := range c {
		if len(s) == 0 {
			return true
		}
	}
	return false
}

// Pin returns the exact version when the constraint is one pinned set.
func (c Constraint) Pin() (Version, bool) {
	if len(c) != 1 {
		return Version{}, false
	}
	return c[0].Pin()
}

// Intervals returns the union of the sets' intervals.
func (c Constraint) Intervals() []Interval {
	if c.Any() {
		return []Interval{everything}
	}
	var out []Interval
	for _, s := range c {
		out = append(out, s.Intervals()...)
	}
	return out
}

// Allows reports whether some set admits v.
func (c Constraint) Allows(v Version) bool {
	if c.Any() {
		return true
	}
	for _, s := range c {
		if s.Allows(v) {
			return true
		}
	}
	return false
}

// String writes the sets joined with " || ".
func (c Constraint) String() string {
	parts := make([]string, len(c))
	for i, s := range c {
		parts[i] = s.String()
	}
	return strings.Join(parts, " || ")
}

// ParsePoetryConstraint converts a Poetry version constraint to PEP 440
// sets: "^1.2.3" (>=1.2.3,<2.0.0; the first non-zero segment is the one
// that may not change), "~1.2.3" (>=1.2.3,<1.3.0), "1.2.*", "*", bare
// versions (exact), PEP 440 clauses, clauses separated by commas or spaces,
// and alternatives joined with "||".
func ParsePoetryConstraint(s string) (Constraint, error) {
	var out Constraint
	for _, alt := range strings.Split(s, "||") {
		alt = strings.TrimSpace(alt)
		if alt == "" || alt == "*" {
			return nil, nil
		}
		var set SpecifierSet
		for _, tok := range poetryClauses(alt) {
			clauses, err := poetryClause(tok)
			if err != nil {
				return nil, err
			}
			set = append(set, clauses...)
		}
		out = append(out, set)
	}
	return out, nil
}

// poetryClauses splits "a, b" and "a b" and keeps "> = 1" style spacing
// joined to its operator.
func poetryClauses(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		fields := strings.Fields(part)
		for i := 0; i < len(fields); i++ {
			f := fields[i]
			if strings.Trim(f, "<>=!~^") == "" && i+1 < len(fields) {
				f += fields[i+1]
				i++
			}
			out = append(out, f)
		}
	}
	return out
}

func poetryClause(tok string) ([]Specifier, error) {
	switch {
	case tok == "*":
		return nil, nil
	case strings.HasPrefix(tok, "^"):
		v, err := ParseVersion(tok[1:])
		if err != nil {
			return nil, fmt.Errorf("%w %q: %v", errSpecifier, tok, err)
		}
		idx := len(v.Release) - 1
		for i, n := range v.Release {
			if n != 0 {
				idx = i
				break
			}
		}
		upper := append([]uint64{}, v.Release[:idx+1]...)
		upper[idx]++
		return []Specifier{{Op: ">=", Version: v, Text: v.String()},
			{Op: "<", Version: Version{Epoch: v.Epoch, Release: upper}, Text: Version{Epoch: v.Epoch, Release: upper}.String()}}, nil
	case strings.HasPrefix(tok, "~") && !strings.HasPrefix(tok, "~="):
		v, err := ParseVersion(tok[1:])
		if err != nil {
			return nil, fmt.Errorf("%w %q: %v", errSpecifier, tok, err)
		}
		idx := 0
		if len(v.Release) >= 2 {
			idx = 1
		}
		upper := append([]uint64{}, v.Release[:idx+1]...)
		upper[idx]++
		return []Specifier{{Op: ">=", Version: v, Text: v.String()},
			{Op: "<", Version: Version{Epoch: v.Epoch, Release: upper}, Text: Version{Epoch: v.Epoch, Release: upper}.String()}}, nil
	case strings.IndexAny(tok[:1], "<>=!~") == 0:
		sp, err := ParseSpecifier(tok)
		if err != nil {
			return nil, err
		}
		return []Specifier{sp}, nil
	}
	sp, err := ParseSpecifier("==" + tok)
	if err != nil {
		return nil, err
	}
	return []Specifier{sp}, nil
}
