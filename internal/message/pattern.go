package message

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A patternSet is an alternation split into its alternatives, each compiled
// on its own and gated by literals. Go's regexp runs a large alternation at
// every byte of the input, which made PP708 cost milliseconds per message;
// a gated alternative runs only when the case-folded text contains one of the
// literals that every match of it must contain, so an ordinary message costs
// a few substring searches. The gates are derived from the parsed pattern,
// not written by hand, so they cannot drift from it.
//
// A set compiles on first use, so programs that never review a message do
// not pay for it at start-up.
type patternSet struct {
	once  sync.Once
	exprs []string
	ps    []gatedPattern
}

type gatedPattern struct {
	re   *regexp.Regexp
	gate []string // folded literals; nil means the alternative always runs
}

// newPatternSet holds case-insensitive alternatives.
func newPatternSet(alts ...string) *patternSet {
	exprs := make([]string, len(alts))
	for i, a := range alts {
		exprs[i] = "(?i)" + a
	}
	return &patternSet{exprs: exprs}
}

// newCaseSensitiveSet holds alternatives as written.
func newCaseSensitiveSet(alts ...string) *patternSet {
	return &patternSet{exprs: alts}
}

// compiled returns the gated alternatives, compiling them once.
func (s *patternSet) compiled() []gatedPattern {
	s.once.Do(func() {
		s.ps = make([]gatedPattern, len(s.exprs))
		for i, e := range s.exprs {
			s.ps[i] = newGated(e)
		}
	})
	return s.ps
}

func newGated(expr string) gatedPattern {
	g := gatedPattern{re: regexp.MustCompile(expr)}
	if t, err := syntax.Parse(expr, syntax.Perl); err == nil {
		g.gate = required(t)
	}
	return g
}

// required returns folded literals at least one of which occurs in every
// match of re, or nil when it cannot tell.
func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{fold(string(re.Rune))}
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if r := required(sub); r != nil && (best == nil || shortest(r) > shortest(best)) {
				best = r
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			r := required(sub)
			if r == nil {
				return nil
			}
			all = append(all, r...)
		}
		return all
	}
	return nil
}

func shortest(ss []string) int {
	n := -1
	for _, s := range ss {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// fold maps every rune to the smallest rune of its case-folding orbit, the
// equivalence regexp's (?i) uses, so folded text contains a folded literal
// whenever the text matches it in any case.
func fold(s string) string {
	return strings.Map(foldRune, s)
}

func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	min := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < min {
			min = f
		}
	}
	return min
}

// mayMatch reports whether the gate lets folded text through.
func (g gatedPattern) mayMatch(folded string) bool {
	if g.gate == nil {
		return true
	}
	for _, lit := range g.gate {
		if strings.Contains(folded, lit) {
			return true
		}
	}
	return false
}

// findAll returns the submatch indices of up to n matches of each
// alternative, ordered by position.
func (s *patternSet) findAll(text, folded string, n int) [][]int {
	var out [][]int
	for _, g := range s.compiled() {
		if g.mayMatch(folded) {
			out = append(out, g.re.FindAllStringSubmatchIndex(text, n)...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// match reports whether any alternative matches text.
func (s *patternSet) match(text, folded string) bool {
	for _, g := range s.compiled() {
		if g.mayMatch(folded) && g.re.MatchString(text) {
			return true
		}
	}
	return false
}
