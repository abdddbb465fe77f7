package deps

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Version is a PEP 440 version: [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local].
// The zero value is not a valid version; use ParseVersion.
type Version struct {
	Epoch   uint64
	Release []uint64
	PreKind string // "", "a", "b" or "rc"
	PreNum  uint64
	HasPost bool
	Post    uint64
	HasDev  bool
	Dev     uint64
	Local   []string // lower-case segments; numeric ones compare as numbers

	// postMax marks a bound that sorts after every post-release and local
	// version of the same release and pre-release; localMax one that sorts
	// after every local version of its public version. Only specifiers
	// build them.
	postMax  bool
	localMax bool
}

// versionPattern is the permissive form of PEP 440, Appendix B: every
// spelling a tool must accept and normalise (v prefix, alpha/beta/c/pre/
// preview, rev/r, implicit numbers, "-N" post-releases, "-", "_" or "."
// separators).
var versionPattern = regexp.MustCompile(`(?i)^v?` +
	`(?:([0-9]+)!)?` + // epoch
	`([0-9]+(?:\.[0-9]+)*)` + // release
	`(?:[-_.]?(alpha|beta|preview|pre|rc|a|b|c)[-_.]?([0-9]+)?)?` + // pre-release
	`(?:-([0-9]+)|[-_.]?(post|rev|r)[-_.]?([0-9]+)?)?` + // post-release
	`(?:[-_.]?(dev)[-_.]?([0-9]+)?)?` + // development release
	`(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$`) // local version

// errVersion is wrapped by every ParseVersion error.
var errVersion = errors.New("invalid PEP 440 version")

// maxVersionLen bounds what ParseVersion reads: no real version is longer.
const maxVersionLen = 256

// ParseVersion parses and normalises a PEP 440 version.
func ParseVersion(s string) (Version, error) {
	s = strings.TrimSpace(s)
	if len(s) > maxVersionLen {
		return Version{}, fmt.Errorf("%w: longer than %d characters", errVersion, maxVersionLen)
	}
	if v, ok := parsePlainRelease(s); ok {
		return v, nil
	}
	m := versionPattern.FindStringSubmatch(s)
	if m == nil {
		return Version{}, fmt.Errorf("%w: %q", errVersion, s)
	}
	var v Version
	var err error
	num := func(t string) uint64 {
		if t == "" || err != nil {
			return 0
		}
		n, e := strconv.ParseUint(t, 10, 64)
		if e != nil {
			err = fmt.Errorf("%w: number %s is too large", errVersion, t)
		}
		return n
	}
	v.Epoch = num(m[1])
	for _, part := range strings.Split(m[2], ".") {
		v.Release = append(v.Release, num(part))
	}
	if m[3] != "" {
		switch strings.ToLower(m[3]) {
		case "a", "alpha":
			v.PreKind = "a"
		case "b", "beta":
			v.PreKind = "b"
		default: // c, rc, pre, preview
			v.PreKind = "rc"
		}
		v.PreNum = num(m[4])
	}
	switch {
	case m[5] != "":
		v.HasPost, v.Post = true, num(m[5])
	case m[6] != "":
		v.HasPost, v.Post = true, num(m[7])
	}
	if m[8] != "" {
		v.HasDev, v.Dev = true, num(m[9])
	}
	if m[10] != "" {
		for _, seg := range strings.FieldsFunc(strings.ToLower(m[10]), func(r rune) bool { return r == '.' || r == '-' || r == '_' }) {
			if isDigits(seg) {
				seg = strings.TrimLeft(seg, "0")
				if seg == "" {
					seg = "0"
				}
			}
			v.Local = append(v.Local, seg)
		}
	}
	if err != nil {
		return Version{}, err
	}
	return v, nil
}

// parsePlainRelease is the fast path of ParseVersion for the common form
// N(.N)* with nothing else; ok is false for anything more, which the full
// grammar then reads.
func parsePlainRelease(s string) (Version, bool) {
	if s == "" || len(s) > 64 {
		return Version{}, false
	}
	n := 1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			if i == 0 || i == len(s)-1 || s[i-1] == '.' {
				return Version{}, false
			}
			n++
		case c < '0' || c > '9':
			return Version{}, false
		}
	}
	rel := make([]uint64, 0, n)
	var cur uint64
	digits := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			rel = append(rel, cur)
			cur, digits = 0, 0
			continue
		}
		if digits++; digits > 18 {
			return Version{}, false // let the full parser report the overflow
		}
		cur = cur*10 + uint64(s[i]-'0')
	}
	return Version{Release: rel}, true
}

// MustVersion parses a version known to be valid (tables, tests); an invalid
// one yields the zero Version, which sorts below every real version.
func MustVersion(s string) Version {
	v, _ := ParseVersion(s)
	return v
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String returns the normalised form of PEP 440.
func (v Version) String() string {
	var b strings.Builder
	if v.Epoch != 0 {
		b.WriteString(strconv.FormatUint(v.Epoch, 10))
		b.WriteByte('!')
	}
	for i, n := range v.Release {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strconv.FormatUint(n, 10))
	}
	if v.PreKind != "" {
		b.WriteString(v.PreKind)
		b.WriteString(strconv.FormatUint(v.PreNum, 10))
	}
	if v.HasPost {
		b.WriteString(".post")
		b.WriteString(strconv.FormatUint(v.Post, 10))
	}
	if v.HasDev {
		b.WriteString(".dev")
		b.WriteString(strconv.FormatUint(v.Dev, 10))
	}
	if len(v.Local) > 0 {
		b.WriteByte('+')
		b.WriteString(strings.Join(v.Local, "."))
	}
	return b.String()
}

// key is a canonical string: two versions have the same key exactly when
// they compare equal (trailing zeros of the release do not count).
func (v Version) key() string {
	r := v.Release
	for len(r) > 1 && r[len(r)-1] == 0 {
		r = r[:len(r)-1]
	}
	v.Release = r
	return v.String()
}

// IsZero reports whether v is the zero Version (not a parsed one).
func (v Version) IsZero() bool { return len(v.Release) == 0 }

// IsPrerelease reports a pre-release or development release.
func (v Version) IsPrerelease() bool { return v.PreKind != "" || v.HasDev }

// Public returns v without its local label.
func (v Version) Public() Version {
	v.Local = nil
	return v
}

// Base returns the epoch and release of v only.
func (v Version) Base() Version {
	return Version{Epoch: v.Epoch, Release: v.Release}
}

// Compare orders versions as PEP 440 does: -1, 0 or +1. Release segments
// compare with zero padding (1.0 == 1.0.0); a development release sorts
// before the pre-releases of its release, pre-releases before the final
// release, post-releases after it, and a local version after its public one.
func (v Version) Compare(w Version) int {
	if c := cmp.Compare(v.Epoch, w.Epoch); c != 0 {
		return c
	}
	n := max(len(v.Release), len(w.Release))
	for i := 0; i < n; i++ {
		var a, b uint64
		if i < len(v.Release) {
			a = v.Release[i]
		}
		if i < len(w.Release) {
			b = w.Release[i]
		}
		if c := cmp.Compare(a, b); c != 0 {
			return c
		}
	}
	if c := cmpPre(v, w); c != 0 {
		return c
	}
	if c := cmpKey(postKey(v), postKey(w)); c != 0 {
		return c
	}
	if c := cmpKey(devKey(v), devKey(w)); c != 0 {
		return c
	}
	if v.localMax || w.localMax {
		return cmp.Compare(b2i(v.localMax), b2i(w.localMax))
	}
	return cmpLocal(v.Local, w.Local)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Equal reports v == w in PEP 440 order (1.0 equals 1.0.0).
func (v Version) Equal(w Version) bool { return v.Compare(w) == 0 }

// Less reports v < w.
func (v Version) Less(w Version) bool { return v.Compare(w) < 0 }

// key is a component with infinities: rank -1 (below every value), 0 (a
// value n) or 1 (above every value).
type key struct {
	rank int
	n    uint64
}

func cmpKey(a, b key) int {
	if a.rank != b.rank {
		return cmp.Compare(a.rank, b.rank)
	}
	return cmp.Compare(a.n, b.n)
}

func preRank(k string) uint64 {
	switch k {
	case "a":
		return 0
	case "b":
		return 1
	}
	return 2
}

// cmpPre compares the pre-release components: a bare development release
// (1.0.dev1) sorts before every pre-release of 1.0, and no pre-release sorts
// after every pre-release.
func cmpPre(v, w Version) int {
	rank := func(x Version) int {
		switch {
		case x.PreKind == "" && !x.HasPost && x.HasDev && !x.postMax:
			return -1
		case x.PreKind == "":
			return 1
		}
		return 0
	}
	rv, rw := rank(v), rank(w)
	if rv != rw {
		return cmp.Compare(rv, rw)
	}
	if rv != 0 {
		return 0
	}
	if c := cmp.Compare(preRank(v.PreKind), preRank(w.PreKind)); c != 0 {
		return c
	}
	return cmp.Compare(v.PreNum, w.PreNum)
}

func postKey(v Version) key {
	switch {
	case v.postMax:
		return key{rank: 1}
	case v.HasPost:
		return key{n: v.Post}
	}
	return key{rank: -1}
}

func devKey(v Version) key {
	if v.HasDev {
		return key{n: v.Dev}
	}
	return key{rank: 1}
}

// cmpLocal compares local labels: none sorts first; segments compare in
// turn, numbers as numbers and above any alphanumeric segment; a label that
// is a prefix of another sorts first.
func cmpLocal(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return cmp.Compare(len(a), len(b))
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		an, bn := isDigits(a[i]), isDigits(b[i])
		switch {
		case an && bn:
			if c := cmp.Compare(len(a[i]), len(b[i])); c != 0 {
				return c // normalised digits: longer is larger
			}
			if c := strings.Compare(a[i], b[i]); c != 0 {
				return c
			}
		case an:
			return 1
		case bn:
			return -1
		default:
			if c := strings.Compare(a[i], b[i]); c != 0 {
				return c
			}
		}
	}
	return cmp.Compare(len(a), len(b))
}
