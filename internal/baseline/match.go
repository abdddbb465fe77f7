package baseline

import (
	"path"
	"sort"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// Kind is the suppression kind of a baselined finding.
const Kind = "baseline"

// probeSlack is how many occurrence indexes past a group's size Apply still
// looks up: a baseline built from several commits may skip an index (one copy
// of a line was suppressed in the code, or fixed and later re-added).
const probeSlack = 16

// Set is a loaded baseline, ready to match findings.
type Set struct {
	name   string // how justifications name the file
	fps    map[string]bool
	prefix string // see Under
}

// NewSet indexes a baseline by fingerprint. name is how justifications refer
// to the file (usually its path relative to the repository root).
func NewSet(b *File, name string) *Set {
	s := &Set{name: name, fps: make(map[string]bool, len(b.Findings))}
	for _, e := range b.Findings {
		s.fps[e.Fingerprint] = true
	}
	return s
}

// Load reads path and indexes it; name is as for NewSet. Every failure is an
// *Error naming the file and the fix.
func Load(path, name string) (*Set, error) {
	b, err := Read(path)
	if err != nil {
		return nil, err
	}
	return NewSet(b, name), nil
}

// Under returns a Set for findings whose paths are relative to dir, a
// slash-separated directory relative to where the baseline's paths start (a
// scan run from a subdirectory of the repository). "" or "." is the same
// directory.
func (s *Set) Under(dir string) *Set {
	c := *s
	c.prefix = ""
	if d := path.Clean(dir); d != "." {
		c.prefix = d
	}
	return &c
}

// pathOf is a finding's path as the baseline records it.
func (s *Set) pathOf(p string) string {
	if s.prefix == "" || path.IsAbs(p) {
		return p
	}
	return path.Join(s.prefix, p)
}

// Len is the number of accepted fingerprints.
func (s *Set) Len() int { return len(s.fps) }

// Name is how justifications refer to the baseline file.
func (s *Set) Name() string { return s.name }

// Match reports whether the baseline holds f's exact fingerprint (as f
// carries it; Under does not apply). Reviews use Apply, which also decides
// which of several identical findings are the new ones.
func (s *Set) Match(f *finding.Finding) bool {
	return s != nil && f.Fingerprint != "" && s.fps[f.Fingerprint]
}

// Apply marks the findings the baseline accepts as suppressed with kind
// "baseline" and returns how many it marked. fs must carry fingerprints
// (finding.AssignFingerprints), computed over every finding of each file,
// as review.Run does.
//
// Findings are matched in groups of identical (rule, path, normalized line)
// triples. A group accepts as many findings as the baseline holds
// occurrences of it: two identical lines in the baseline accept two, and a
// third identical line is new. Which of the group are new is decided by the
// change, not by position: findings on lines the change did not touch are
// accepted first, then those whose exact fingerprint is in the baseline,
// then in file order. So a copy of an accepted line added above the original
// is reported where it was added, not at the original.
func (s *Set) Apply(fs []finding.Finding) int {
	if s == nil || len(s.fps) == 0 {
		return 0
	}
	type group struct {
		rule, path, snippet string
		size                int   // every finding of the triple, suppressed or not
		open                []int // the unsuppressed ones, in slice order
	}
	groups := map[string]*group{}
	var order []*group
	exact := map[int]bool{} // findings whose own fingerprint is in the baseline
	for i := range fs {
		f := &fs[i]
		if f.Fingerprint == "" {
			continue
		}
		norm := finding.NormalizeSnippet(f.Snippet)
		key := f.RuleID + "\x00" + f.Path + "\x00" + norm
		g := groups[key]
		if g == nil {
			g = &group{rule: f.RuleID, path: s.pathOf(f.Path), snippet: norm}
			groups[key] = g
			order = append(order, g)
		}
		// The occurrence index is the finding's rank in its group, as
		// finding.AssignFingerprints counts it.
		if s.fps[finding.ComputeFingerprint(g.rule, g.path, g.snippet, g.size)] {
			exact[i] = true
		}
		g.size++
		if f.Suppressed == nil {
			g.open = append(g.open, i)
		}
	}
	marked := 0
	for _, g := range order {
		if len(g.open) == 0 {
			continue
		}
		accepted := 0
		for occ := 0; occ < g.size+probeSlack && accepted < len(g.open); occ++ {
			if s.fps[finding.ComputeFingerprint(g.rule, g.path, g.snippet, occ)] {
				accepted++
			}
		}
		if accepted == 0 {
			continue
		}
		cand := append([]int(nil), g.open...)
		sort.SliceStable(cand, func(a, b int) bool {
			x, y := &fs[cand[a]], &fs[cand[b]]
			if ux, uy := untouched(x), untouched(y); ux != uy {
				return ux
			}
			if mx, my := exact[cand[a]], exact[cand[b]]; mx != my {
				return mx
			}
			return false
		})
		for _, i := range cand[:accepted] {
			fs[i].Suppressed = &finding.Suppression{Kind: Kind, Justification: "accepted in the baseline " + s.name}
			marked++
		}
	}
	return marked
}

// untouched reports a finding on lines a diff-aware review saw but the change
// did not add.
func untouched(f *finding.Finding) bool {
	return f.Scope == finding.ScopeContext || f.Scope == finding.ScopeFile
}
