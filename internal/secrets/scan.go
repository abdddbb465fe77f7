package secrets

import (
	"bytes"
	"regexp"
	"sort"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// scan is one pass of Find over a text. It computes the lower-cased copy and
// the line index lazily, so text without any keyword costs only the keyword
// searches.
type scan struct {
	text       []byte
	lower      []byte
	lineStarts []int
}

func newScan(text []byte) *scan { return &scan{text: text} }

// folded returns the ASCII lower-cased text, computed once.
func (s *scan) folded() []byte {
	if s.lower == nil {
		s.lower = make([]byte, len(s.text))
		for i, c := range s.text {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			s.lower[i] = c
		}
	}
	return s.lower
}

// each calls fn with the offset of every occurrence of kw in hay.
func each(hay []byte, kw string, fn func(i int)) {
	k := []byte(kw)
	for off := 0; off < len(hay); {
		j := bytes.Index(hay[off:], k)
		if j < 0 {
			return
		}
		fn(off + j)
		off += j + 1
	}
}

// awsKeyPrefixes are the access key id prefixes: AKIA, ASIA, ABIA, ACCA.
var awsKeyPrefixes = [...]string{"AKIA", "ASIA", "ABIA", "ACCA"}

// eachAWSPrefix calls fn at every AWS access key id prefix, in one pass.
func eachAWSPrefix(text []byte, fn func(i int)) {
	for off := 0; off+4 <= len(text); {
		j := bytes.IndexByte(text[off:len(text)-3], 'A')
		if j < 0 {
			return
		}
		i := off + j
		for _, p := range awsKeyPrefixes {
			if string(text[i:i+4]) == p {
				fn(i)
				break
			}
		}
		off = i + 1
	}
}

// maxLineReach bounds how far lineBounds looks for the ends of a line, so a
// minified file that is one long line costs no more than many short ones.
const maxLineReach = 4096

// lineBounds returns the start and end (exclusive, before the newline) of the
// line holding offset i, cut to maxLineReach bytes on either side.
func (s *scan) lineBounds(i int) (int, int) {
	lo := max(0, i-maxLineReach)
	start := lo
	if k := bytes.LastIndexByte(s.text[lo:i], '\n'); k >= 0 {
		start = lo + k + 1
	}
	hi := min(len(s.text), i+maxLineReach)
	end := hi
	if k := bytes.IndexByte(s.text[i:hi], '\n'); k >= 0 {
		end = i + k
	}
	return start, end
}

// linesAround returns the span of the lines from n lines above the line of
// offset i to n lines below it.
func (s *scan) linesAround(i, n int) (int, int) {
	start, end := s.lineBounds(i)
	for k := 0; k < n && start > 0; k++ {
		start, _ = s.lineBounds(start - 1)
	}
	for k := 0; k < n && end < len(s.text); k++ {
		_, end = s.lineBounds(end + 1)
	}
	return start, end
}

// position returns the 1-based line and byte column of offset i.
func (s *scan) position(i int) (line, col int) {
	if s.lineStarts == nil {
		s.lineStarts = []int{0}
		for j, c := range s.text {
			if c == '\n' {
				s.lineStarts = append(s.lineStarts, j+1)
			}
		}
	}
	n := sort.Search(len(s.lineStarts), func(k int) bool { return s.lineStarts[k] > i }) - 1
	if n < 0 {
		n = 0
	}
	return n + 1, i - s.lineStarts[n] + 1
}

// hit is a secret found in the text, before overlap resolution.
type hit struct {
	def        *definition
	start, end int // the secret's byte span
	what       string
	severity   finding.Severity   // 0: the rule's default
	confidence finding.Confidence // 0: the rule's default
}

// prefixed finds vendor tokens that start with a fixed anchor. At each
// occurrence of anchor (case-sensitive), the character before must not be a
// token character, re must match at the occurrence (it starts with ^), and
// the match must not run on into more token characters.
type prefixed struct {
	anchor  string
	back    int // the token starts this many bytes before the anchor
	re      func() *regexp.Regexp
	maxLen  int
	tokenCh func(byte) bool
	// accept judges the match; it returns what was found (for the message)
	// and may lower the severity, or reject with ok false.
	accept func(tok string) (what string, sev finding.Severity, ok bool)
}

func (p *prefixed) find(s *scan, d *definition, emit func(hit)) {
	each(s.text, p.anchor, func(i int) { p.at(s, d, i, emit) })
}

// at tries the token whose anchor is at offset i.
func (p *prefixed) at(s *scan, d *definition, i int, emit func(hit)) {
	start := i - p.back
	if start < 0 || (start > 0 && p.tokenCh(s.text[start-1])) {
		return
	}
	end := min(len(s.text), start+p.maxLen)
	m := p.re().FindIndex(s.text[start:end])
	if m == nil || m[0] != 0 {
		return
	}
	stop := start + m[1]
	if stop < len(s.text) && p.tokenCh(s.text[stop]) {
		return
	}
	what, sev, ok := p.accept(string(s.text[start:stop]))
	if !ok {
		return
	}
	emit(hit{def: d, start: start, end: stop, what: what, severity: sev})
}

// resolve keeps, among overlapping hits, the most specific one (lowest
// priority number, then the longest, then the first), and returns the kept
// hits ordered by offset.
func resolve(hits []hit) []hit {
	if len(hits) < 2 {
		return hits
	}
	sort.SliceStable(hits, func(a, b int) bool {
		ha, hb := hits[a], hits[b]
		if ha.def.priority != hb.def.priority {
			return ha.def.priority < hb.def.priority
		}
		if la, lb := ha.end-ha.start, hb.end-hb.start; la != lb {
			return la > lb
		}
		return ha.start < hb.start
	})
	var kept []hit
	for _, h := range hits {
		// kept is sorted by start; find the neighbours of h.
		k := sort.Search(len(kept), func(j int) bool { return kept[j].start >= h.start })
		if k < len(kept) && kept[k].start < h.end {
			continue
		}
		if k > 0 && kept[k-1].end > h.start {
			continue
		}
		kept = append(kept, hit{})
		copy(kept[k+1:], kept[k:])
		kept[k] = h
	}
	return kept
}
