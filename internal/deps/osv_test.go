package deps

import (
	"testing"
)

func TestRangeSemantics(t *testing.T) {
	ev := func(kind, v string) Event {
		switch kind {
		case "i":
			return Event{Introduced: v}
		case "f":
			return Event{Fixed: v}
		case "l":
			return Event{LastAffected: v}
		}
		return Event{Limit: v}
	}
	cases := []struct {
		name     string
		events   []Event
		versions []string
		in, out  []string
	}{
		{name: "introduced 0, fixed", events: []Event{ev("i", "0"), ev("f", "2.20.0")},
			in: []string{"0.1", "2.19.1", "2.20.0rc1", "2.20.0.dev1"}, out: []string{"2.20.0", "2.20.0.post1", "3.0"}},
		{name: "last_affected is inclusive", events: []Event{ev("i", "1.0"), ev("l", "1.4.2")},
			in: []string{"1.0", "1.4.2"}, out: []string{"0.9", "1.4.2+local", "1.4.2.post1", "1.4.3"}},
		{name: "several introduced/fixed pairs, unsorted", events: []Event{ev("i", "3.9.0"), ev("f", "3.19.1"),
			ev("i", "0"), ev("f", "3.8.1"), ev("i", "3.20.0"), ev("f", "3.23.1")},
			in: []string{"3.8.0", "3.9.0", "3.19.0", "3.20.0", "3.23.0"}, out: []string{"3.8.1", "3.8.5", "3.19.1", "3.19.9", "3.23.1", "4.0"}},
		{name: "never fixed", events: []Event{ev("i", "2.0")}, in: []string{"2.0", "99"}, out: []string{"1.9"}},
		{name: "introduced twice", events: []Event{ev("i", "1.0"), ev("i", "1.5"), ev("f", "2.0")},
			in: []string{"1.2", "1.7"}, out: []string{"0.5", "2.0"}},
		{name: "fixed at introduction", events: []Event{ev("i", "1.0"), ev("f", "1.0")}, out: []string{"1.0", "0.9", "1.1"}},
		{name: "limit caps an open range", events: []Event{ev("i", "1.0"), ev("lim", "2.0")},
			in: []string{"1.5"}, out: []string{"2.0", "2.1"}},
		{name: "epochs", events: []Event{ev("i", "0"), ev("f", "1!1.0")}, in: []string{"5.0", "1!0.9"}, out: []string{"1!1.0"}},
		{name: "versions list only", versions: []string{"0.0.1", "1.0"}, in: []string{"0.0.1", "1.0.0"}, out: []string{"0.0.2", "1.0.post1"}},
		{name: "unparsable event dropped", events: []Event{ev("i", "0"), ev("f", "not-a-version"), ev("f", "1.0")},
			in: []string{"0.5"}, out: []string{"1.0"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := &Advisory{ID: "TEST-1", Affected: []Affected{{Package: Package{Ecosystem: "PyPI", Name: "pkg"},
				Ranges: []Range{{Type: "ECOSYSTEM", Events: c.events}}, Versions: c.versions}}}
			m := newMatcher(a, "pkg")
			for _, v := range c.in {
				if !m.affects(MustVersion(v)) {
					t.Errorf("%s not affected, want affected", v)
				}
				if !inAny(m.allIntervals(), MustVersion(v)) {
					t.Errorf("%s outside the affected intervals %v", v, m.allIntervals())
				}
			}
			for _, v := range c.out {
				if m.affects(MustVersion(v)) {
					t.Errorf("%s affected, want not affected", v)
				}
				if inAny(m.allIntervals(), MustVersion(v)) {
					t.Errorf("%s inside the affected intervals %v", v, m.allIntervals())
				}
			}
		})
	}
}

func inAny(ivs []Interval, v Version) bool {
	for _, iv := range ivs {
		if iv.Contains(v) {
			return true
		}
	}
	return false
}

func TestParseAdvisory(t *testing.T) {
	yamlRec := []byte(`id: PYSEC-0000-1
aliases:
- CVE-0000-1
details: Something.
affected:
- package:
    name: Some_Package
    ecosystem: PyPI
  ranges:
  - type: GIT
    repo: https://example.com/x
    events:
    - introduced: abc123
  - type: ECOSYSTEM
    events:
    - introduced: "0"
    - fixed: 1.10
  versions:
  - 1.0
  - 1.2.0
- package:
    name: other
    ecosystem: npm
modified: 2021-01-01T00:00:00Z
`)
	a, err := ParseAdvisory(yamlRec)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Affected) != 1 || a.Affected[0].Package.Name != "some-package" {
		t.Fatalf("affected = %+v", a.Affected)
	}
	af := a.Affected[0]
	if len(af.Ranges) != 1 || af.Ranges[0].Events[1].Fixed != "1.10" || af.Versions[0] != "1.0" {
		t.Errorf("YAML numbers must stay strings as written: %+v", af)
	}
	m := newMatcher(a, "some-package")
	if !m.affects(MustVersion("1.9")) || m.affects(MustVersion("1.10")) {
		t.Error("fixed 1.10 must not read as 1.1")
	}
	for name, bad := range map[string]string{"no id": "details: x\n", "not yaml": "\t: : [", "json": `{"id": 5}`, "empty json id": `{"id": ""}`} {
		t.Run(name, func(t *testing.T) {
			if _, err := ParseAdvisory([]byte(bad)); err == nil {
				t.Errorf("ParseAdvisory(%q) succeeded", bad)
			}
		})
	}
}

// TestRealAdvisoriesLoad checks the PyPA data loads whole and holds the
// cases the matcher must handle.
func TestRealAdvisoriesLoad(t *testing.T) {
	advs, mem := realDB(t)
	if len(advs) < 2600 {
		t.Errorf("%d advisories loaded, want the whole data set (>2600)", len(advs))
	}
	if loadResult.stats.Invalid != 0 {
		t.Errorf("invalid records: %v", loadResult.stats.Problems)
	}
	if loadResult.stats.Withdrawn == 0 {
		t.Error("the data holds withdrawn records; none were seen")
	}
	lastAffected, multi := 0, 0
	for _, a := range advs {
		for _, af := range a.Affected {
			for _, r := range af.Ranges {
				n := 0
				for _, e := range r.Events {
					if e.LastAffected != "" {
						lastAffected++
					}
					if e.Introduced != "" {
						n++
					}
				}
				if n > 1 {
					multi++
				}
			}
		}
	}
	if lastAffected == 0 || multi == 0 {
		t.Errorf("last_affected ranges %d, multi-introduced ranges %d: want both present", lastAffected, multi)
	}
	if len(mem.Advisories("requests")) == 0 {
		t.Error("no advisories for requests")
	}
}

func TestCanonicalKey(t *testing.T) {
	for _, s := range []string{"1", "1.0", "1.0.0", "1.2.0", "1.20", "1.02", "01.2", "0.1", "0.0.1", "10.0.1", "1.0a1", "1.0.post0", "2.0.0.0", "0", "1.10.0"} {
		t.Run(s, func(t *testing.T) {
			k, ok := canonicalKey(s)
			if !ok || k != MustVersion(s).key() {
				t.Errorf("canonicalKey(%q) = %q, %v; want %q", s, k, ok, MustVersion(s).key())
			}
		})
	}
	if _, ok := canonicalKey("0.7.10p1"); ok {
		t.Error("a non-PEP 440 version got a key")
	}
}

// TestCompactedMatchesTheSame checks that dropping listed versions the
// ranges cover changes no answer, on every real advisory and a grid of
// versions drawn from it.
func TestCompactedMatchesTheSame(t *testing.T) {
	advs, _ := realDB(t)
	dropped := 0
	for _, a := range advs {
		c := a.compacted()
		for i, af := range a.Affected {
			dropped += len(af.Versions) - len(c.Affected[i].Versions)
			full, small := newMatcher(a, af.Package.Name), newMatcher(c, af.Package.Name)
			var probe []string
			probe = append(probe, af.Versions...)
			for _, r := range af.Ranges {
				for _, e := range r.Events {
					probe = append(probe, e.Introduced, e.Fixed, e.LastAffected)
				}
			}
			for _, s := range probe {
				v, err := ParseVersion(s)
				if err != nil {
					continue
				}
				for _, w := range []Version{v, MustVersion(bump(v.String()))} {
					if full.affects(w) != small.affects(w) {
						t.Fatalf("%s %s: full %v, compact %v", a.ID, w, full.affects(w), small.affects(w))
					}
				}
			}
		}
	}
	if dropped == 0 {
		t.Error("nothing was compacted")
	}
	t.Logf("%d listed versions covered by ranges dropped", dropped)
}
