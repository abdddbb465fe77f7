package deps

import (
	"context"
	"sort"
	"strings"
)

// Source looks up the advisories of packages by normalised name.
type Source interface {
	Lookup(ctx context.Context, names []string) Lookup
}

// Lookup is a Source's answer. Found holds every name it could answer for
// (an empty list means no advisories); names it could not answer are in
// Missing with the Reason. Origin says where the answers came from, for the
// coverage notes.
type Lookup struct {
	Found   map[string][]*Advisory
	Missing []string
	Reason  string   // why Missing could not be answered
	Origin  string   // "OSV API", "local advisory database (updated ...)"
	Notes   []string // staleness and similar remarks
}

func newLookup() Lookup { return Lookup{Found: map[string][]*Advisory{}} }

// Memory is a Source over advisories held in memory (tests, imports).
type Memory struct {
	byName map[string][]*Advisory
	origin string
}

// NewMemory indexes advisories by the packages they affect; withdrawn ones
// are left out.
func NewMemory(advs []*Advisory, origin string) *Memory {
	m := &Memory{byName: map[string][]*Advisory{}, origin: origin}
	for _, a := range advs {
		if a.IsWithdrawn() {
			continue
		}
		for _, p := range a.Packages() {
			m.byName[p] = append(m.byName[p], a)
		}
	}
	for _, l := range m.byName {
		sort.Slice(l, func(i, j int) bool { return l[i].ID < l[j].ID })
	}
	return m
}

// Packages lists the package names with advisories, sorted.
func (m *Memory) Packages() []string {
	out := make([]string, 0, len(m.byName))
	for k := range m.byName {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Advisories returns the advisories of one package.
func (m *Memory) Advisories(name string) []*Advisory { return m.byName[name] }

// Lookup answers every name.
func (m *Memory) Lookup(_ context.Context, names []string) Lookup {
	l := newLookup()
	l.Origin = m.origin
	for _, n := range names {
		l.Found[n] = m.byName[n]
	}
	return l
}

// Layered asks Online first (unless it is nil) and Offline for whatever
// Online could not answer. Either may be nil.
type Layered struct {
	Online  Source
	Offline Source
}

// Lookup merges the answers; Missing is what neither could answer.
func (s Layered) Lookup(ctx context.Context, names []string) Lookup {
	out := newLookup()
	missing := names
	var reasons, origins []string
	for _, src := range []Source{s.Online, s.Offline} {
		if src == nil || len(missing) == 0 {
			continue
		}
		l := src.Lookup(ctx, missing)
		for k, v := range l.Found {
			out.Found[k] = v
		}
		if len(l.Found) > 0 && l.Origin != "" {
			origins = append(origins, l.Origin)
			if len(reasons) > 0 {
				out.Notes = append(out.Notes, "used the "+l.Origin+" because "+strings.Join(reasons, "; "))
			}
		}
		out.Notes = append(out.Notes, l.Notes...)
		if l.Reason != "" && len(l.Missing) > 0 {
			reasons = append(reasons, l.Reason)
		}
		missing = l.Missing
	}
	if s.Online == nil && s.Offline == nil {
		reasons = append(reasons, "no advisory source configured")
	}
	out.Missing = missing
	out.Origin = strings.Join(origins, " and ")
	if len(missing) > 0 {
		out.Reason = strings.Join(reasons, "; ")
	}
	return out
}
