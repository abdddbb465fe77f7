package deps

import (
	"errors"
	"fmt"
	"strings"
)

// Requirement is one dependency declared in a manifest.
type Requirement struct {
	Name       string     // as written
	Key        string     // PEP 503 normalised name
	Extras     []string   //
	Constraint Constraint // nil admits every version
	Marker     string     // environment marker, unevaluated
	URL        string     // direct reference (name @ url, VCS, path): no registry version
	Text       string     // the requirement as written, trimmed
	Line       int        // 1-based line of the name
	EndLine    int        // last line that belongs to it (the version of a lock entry)
	Locked     bool       // from a lock file: the version is exact
}

// Pinned returns the exact version the requirement resolves to, if it names
// one (==V, ===V, or a lock-file entry).
func (r *Requirement) Pinned() (Version, bool) {
	if r.URL != "" {
		return Version{}, false
	}
	return r.Constraint.Pin()
}

// NormalizeName applies PEP 503: lower case, and every run of "-", "_" and
// "." becomes one "-".
func NormalizeName(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	sep := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '-' || c == '_' || c == '.':
			sep = true
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteByte(c)
	}
	return b.String()
}

// ValidName reports whether s is a valid distribution name (PEP 508):
// letters, digits, and "-", "_", "." inside.
func ValidName(s string) bool {
	if s == "" || len(s) > 200 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || i == len(s)-1 || (c != '-' && c != '_' && c != '.')) {
			return false
		}
	}
	return true
}

var errRequirement = errors.New("invalid requirement")

// ParseRequirement parses a PEP 508 requirement: name [extras] (version
// clauses | @ url) [; marker]. Parenthesised clauses ("name (>=1.0)") are
// accepted.
func ParseRequirement(s string) (Requirement, error) {
	text := strings.TrimSpace(s)
	r := Requirement{Text: text}
	rest := text
	// Name.
	i := 0
	for i < len(rest) && isNameByte(rest[i]) {
		i++
	}
	name := rest[:i]
	if !ValidName(name) {
		return Requirement{}, fmt.Errorf("%w %q: it must start with a package name", errRequirement, text)
	}
	r.Name, r.Key = name, NormalizeName(name)
	rest = strings.TrimSpace(rest[i:])
	// Extras.
	if strings.HasPrefix(rest, "[") {
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return Requirement{}, fmt.Errorf("%w %q: unclosed [ of the extras", errRequirement, text)
		}
		for _, e := range strings.Split(rest[1:end], ",") {
			if e = strings.TrimSpace(e); e != "" {
				if !ValidName(e) {
					return Requirement{}, fmt.Errorf("%w %q: bad extra %q", errRequirement, text, e)
				}
				r.Extras = append(r.Extras, e)
			}
		}
		rest = strings.TrimSpace(rest[end+1:])
	}
	// Direct reference.
	if strings.HasPrefix(rest, "@") {
		u := strings.TrimSpace(rest[1:])
		// A marker after a URL needs whitespace before the semicolon.
		if j := strings.Index(u, " ;"); j >= 0 {
			r.Marker = strings.TrimSpace(u[j+2:])
			u = strings.TrimSpace(u[:j])
		} else if j := strings.Index(u, "\t;"); j >= 0 {
			r.Marker = strings.TrimSpace(u[j+2:])
			u = strings.TrimSpace(u[:j])
		}
		if u == "" {
			return Requirement{}, fmt.Errorf("%w %q: empty URL after @", errRequirement, text)
		}
		r.URL = u
		return r, nil
	}
	// Marker.
	if j := strings.IndexByte(rest, ';'); j >= 0 {
		r.Marker = strings.TrimSpace(rest[j+1:])
		rest = strings.TrimSpace(rest[:j])
	}
	if strings.HasPrefix(rest, "(") {
		if !strings.HasSuffix(rest, ")") {
			return Requirement{}, fmt.Errorf("%w %q: unclosed (", errRequirement, text)
		}
		rest = strings.TrimSpace(rest[1 : len(rest)-1])
	}
	if rest != "" {
		set, err := ParseSpecifierSet(rest)
		if err != nil {
			return Requirement{}, fmt.Errorf("%w %q: %v", errRequirement, text, err)
		}
		r.Constraint = Constraint{set}
	}
	return r, nil
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
}
