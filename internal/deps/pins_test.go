package deps

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
)

// pin is one generated requirement and what the advisory data says of it.
type pin struct {
	pkg, version string
	adv          string // the advisory the pin was drawn from
	vulnerable   bool
}

// structuralRanges reads a range whose events are written in ascending
// order as introduced/fixed pairs (optionally ending with an open
// introduced or a last_affected): the shape of nearly every PyPA record.
// It is the test's oracle, independent of the matcher's event sort.
type span struct {
	lo       string // "" for introduced "0"
	hi       string // fixed or last_affected; "" when open
	lastAff  bool
	nextIntr string // the next introduced, "" if none
}

func structural(r Range) ([]span, bool) {
	var out []span
	var prev Version
	havePrev := false
	ascending := func(s string) bool {
		v, err := ParseVersion(s)
		if err != nil || (havePrev && v.Compare(prev) <= 0) {
			return false
		}
		prev, havePrev = v, true
		return true
	}
	for i := 0; i < len(r.Events); i++ {
		e := r.Events[i]
		if e.Introduced == "" {
			return nil, false
		}
		sp := span{}
		if e.Introduced != "0" {
			if !ascending(e.Introduced) {
				return nil, false
			}
			sp.lo = e.Introduced
		} else if i != 0 {
			return nil, false
		}
		if i+1 < len(r.Events) {
			n := r.Events[i+1]
			switch {
			case n.Fixed != "":
				sp.hi = n.Fixed
			case n.LastAffected != "":
				sp.hi, sp.lastAff = n.LastAffected, true
			default:
				return nil, false
			}
			if !ascending(sp.hi) {
				return nil, false
			}
			i++
		}
		out = append(out, sp)
	}
	for i := range out {
		if i+1 < len(out) {
			out[i].nextIntr = out[i+1].lo
		}
	}
	return out, len(out) > 0
}

// bump adds one to the last release segment: 2.20.0 → 2.20.1.
func bump(s string) string {
	v := MustVersion(s)
	r := append([]uint64{}, v.Release...)
	r[len(r)-1]++
	return Version{Epoch: v.Epoch, Release: r}.String()
}

// TestGeneratedPins draws pins from the real advisory data: for every
// structural ECOSYSTEM range, its introduced version and the highest listed
// version inside it (vulnerable), and its fixed version and the next
// release after it (not vulnerable, unless the next range starts there).
// Every vulnerable pin must be reported with its advisory; no pin at or
// above a fix may be matched to that advisory; and a safe pin of a package
// whose every range is structural and affects it nowhere must not be
// reported at all.
func TestGeneratedPins(t *testing.T) {
	advs, mem := realDB(t)
	var pins []pin
	skipped, ranges := 0, 0
	structuralPkg := map[string]bool{}
	spansByPkg := map[string][]span{}
	listed := map[string][]Version{}
	for _, a := range advs {
		if a.IsWithdrawn() || a.IsMalicious() {
			continue
		}
		for _, af := range a.Affected {
			pkg := af.Package.Name
			if _, seen := structuralPkg[pkg]; !seen {
				structuralPkg[pkg] = true
			}
			for _, s := range af.Versions {
				if v, err := ParseVersion(s); err == nil {
					listed[pkg] = append(listed[pkg], v)
				}
			}
			for _, r := range af.Ranges {
				ranges++
				spans, ok := structural(r)
				if !ok {
					skipped++
					structuralPkg[pkg] = false
					continue
				}
				spansByPkg[pkg] = append(spansByPkg[pkg], spans...)
				for _, sp := range spans {
					if sp.lo != "" {
						pins = append(pins, pin{pkg, sp.lo, a.ID, true})
					}
					// The highest listed version inside the span.
					var best *Version
					for _, s := range af.Versions {
						v, err := ParseVersion(s)
						if err != nil || (sp.lo != "" && v.Less(MustVersion(sp.lo))) {
							continue
						}
						if sp.hi != "" {
							c := v.Compare(MustVersion(sp.hi))
							if c > 0 || (c == 0 && !sp.lastAff) {
								continue
							}
						}
						if best == nil || best.Less(v) {
							vv := v
							best = &vv
						}
					}
					if best != nil {
						pins = append(pins, pin{pkg, best.String(), a.ID, true})
					}
					if sp.hi == "" {
						continue
					}
					if sp.lastAff {
						pins = append(pins, pin{pkg, sp.hi, a.ID, true})
					} else {
						pins = append(pins, pin{pkg, sp.hi, a.ID, false})
					}
					if up := bump(sp.hi); sp.nextIntr == "" || MustVersion(up).Less(MustVersion(sp.nextIntr)) {
						pins = append(pins, pin{pkg, up, a.ID, false})
					}
				}
			}
		}
	}
	if len(pins) < 5000 {
		t.Fatalf("only %d pins generated", len(pins))
	}
	// cleanByOracle reports a version no structural span (nor listed
	// version) of the package affects.
	cleanByOracle := func(pkg string, v Version) bool {
		if !structuralPkg[pkg] {
			return false
		}
		for _, lv := range listed[pkg] {
			if lv.Equal(v) {
				return false
			}
		}
		for _, sp := range spansByPkg[pkg] {
			if sp.lo != "" && v.Less(MustVersion(sp.lo)) {
				continue
			}
			if sp.hi == "" {
				return false
			}
			c := v.Compare(MustVersion(sp.hi))
			if c < 0 || (c == 0 && sp.lastAff) {
				return false
			}
		}
		return true
	}

	// Matcher level: the advisory itself.
	missed, wrong, excused := 0, 0, 0
	cache := map[string]*matcher{}
	for _, p := range pins {
		m := cache[p.adv+"\x00"+p.pkg]
		if m == nil {
			for _, a := range mem.Advisories(p.pkg) {
				if a.ID == p.adv {
					m = newMatcher(a, p.pkg)
				}
			}
			if m == nil {
				t.Fatalf("advisory %s for %s not in the source", p.adv, p.pkg)
			}
			cache[p.adv+"\x00"+p.pkg] = m
		}
		inOtherRange := false
		got := m.affects(MustVersion(p.version))
		if !p.vulnerable && got {
			// The same advisory may list the version or cover it with
			// another range; only then is a match right.
			m.loadVersions()
			for _, lv := range m.versions {
				if lv.Equal(MustVersion(p.version)) {
					inOtherRange = true
				}
			}
			for _, evs := range m.ranges {
				if rangeAffects(evs, MustVersion(p.version)) {
					inOtherRange = true
				}
			}
			if inOtherRange {
				excused++
			} else {
				wrong++
				t.Errorf("%s==%s (at or above a fix of %s) matched %s", p.pkg, p.version, p.adv, p.adv)
			}
		}
		if p.vulnerable && !got {
			missed++
			t.Errorf("%s==%s not matched to %s", p.pkg, p.version, p.adv)
		}
	}

	// Analyzer level: one requirements file per package, every pin a line.
	byPkg := map[string][]pin{}
	for _, p := range pins {
		byPkg[p.pkg] = append(byPkg[p.pkg], p)
	}
	names := make([]string, 0, len(byPkg))
	for k := range byPkg {
		names = append(names, k)
	}
	sort.Strings(names)
	a := New(Options{Source: mem})
	var units []*analysis.Unit
	for i, pkg := range names {
		var b strings.Builder
		for _, p := range byPkg[pkg] {
			fmt.Fprintf(&b, "%s==%s\n", pkg, p.version)
		}
		units = append(units, &analysis.Unit{Path: fmt.Sprintf("p%d/requirements.txt", i), Content: []byte(b.String())})
	}
	reps, err := a.AnalyzeBatch(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	vulnFound, vulnTotal, safeClean, safeChecked := 0, 0, 0, 0
	for i, pkg := range names {
		lines := map[int]bool{}
		for _, f := range reps[i].Findings {
			if f.RuleID == "PP901" {
				lines[f.Line] = true
			}
		}
		for j, p := range byPkg[pkg] {
			if p.vulnerable {
				vulnTotal++
				if lines[j+1] {
					vulnFound++
				} else {
					t.Errorf("%s==%s (vulnerable by %s) not reported", pkg, p.version, p.adv)
				}
				continue
			}
			if cleanByOracle(pkg, MustVersion(p.version)) {
				safeChecked++
				if lines[j+1] {
					t.Errorf("%s==%s is above every affected range of %s, but was reported", pkg, p.version, pkg)
				} else {
					safeClean++
				}
			}
		}
	}
	safe := len(pins) - vulnTotal
	t.Logf("%d packages, %d ranges (%d not in the structural shape, left out), %d pins: %d vulnerable, %d at or above a fix",
		len(names), ranges, skipped, len(pins), vulnTotal, safe)
	t.Logf("vulnerable pins reported: %d/%d; matched to their advisory: %d/%d; fixed pins matched to the advisory they were drawn from: %d (%d more are listed in it or lie in another of its ranges)",
		vulnFound, vulnTotal, vulnTotal-missed, vulnTotal, wrong, excused)
	t.Logf("fixed pins of packages clean by the oracle: %d checked, %d not reported", safeChecked, safeClean)
}
