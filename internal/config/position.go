package config

import (
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// The TOML decoder reports positions only for syntax errors and keeps one
// position per key name, so elements of an array of tables share one. To put
// line numbers on value errors and unknown keys, this file scans the source a
// second time, after the decoder has accepted it, and records the line of
// every key, table header and array element under its full path, with array
// indices. The scan is trusted only when the keys it saw, in order, are
// exactly the keys the decoder lists (MetaData.Keys); otherwise every lookup
// returns 0, so a message has no line rather than a wrong one.

// seg is one step of a path: a key, or an element index when idx >= 0.
type seg struct {
	key string
	idx int
}

func keySeg(k string) seg { return seg{key: k, idx: -1} }
func idxSeg(i int) seg    { return seg{idx: i} }

func keySegs(keys ...string) []seg {
	out := make([]seg, len(keys))
	for i, k := range keys {
		out[i] = keySeg(k)
	}
	return out
}

// join returns a fresh path: base followed by more, never sharing base's
// backing array.
func join(base []seg, more ...seg) []seg {
	out := make([]seg, 0, len(base)+len(more))
	out = append(out, base...)
	return append(out, more...)
}

// encodePath gives a map key that no two different paths share: keys are
// length-prefixed, so any byte may appear in them.
func encodePath(p []seg) string {
	var b strings.Builder
	for _, s := range p {
		if s.idx >= 0 {
			b.WriteByte('i')
			b.WriteString(strconv.Itoa(s.idx))
			b.WriteByte(';')
			continue
		}
		b.WriteByte('k')
		b.WriteString(strconv.Itoa(len(s.key)))
		b.WriteByte(':')
		b.WriteString(s.key)
	}
	return b.String()
}

// displayPath renders a path the way a user would write it in TOML, with
// element indices: rules.ignore[1].path.
func displayPath(p []seg) string {
	var b strings.Builder
	for i, s := range p {
		if s.idx >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.idx))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(quoteKey(s.key))
	}
	return b.String()
}

func quoteKey(k string) string {
	if k == "" {
		return `""`
	}
	for i := 0; i < len(k); i++ {
		if !isBareKeyByte(k[i]) {
			return strconv.Quote(k)
		}
	}
	return k
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// positions maps paths to 1-based lines. A nil *positions knows no lines.
type positions struct {
	lines map[string]int
}

func (p *positions) line(path []seg) int {
	if p == nil {
		return 0
	}
	return p.lines[encodePath(path)]
}

// indexPositions scans src, which the TOML decoder has accepted, and returns
// the line of every path, or nil when the scan does not agree with the
// decoder's list of keys.
func indexPositions(src string, keys []toml.Key) *positions {
	s := &scanner{
		src:    stripBOM(src),
		line:   1,
		lines:  make(map[string]int),
		arrays: make(map[string]int),
	}
	s.document()
	if s.bad || len(s.order) != len(keys) {
		return nil
	}
	for i, k := range keys {
		if !equalKeys(s.order[i], k) {
			return nil
		}
	}
	return &positions{lines: s.lines}
}

func equalKeys(a []string, b toml.Key) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// stripBOM drops a byte-order mark the way the decoder does, so both count
// the same lines.
func stripBOM(s string) string {
	switch {
	case strings.HasPrefix(s, "\xff\xfe"), strings.HasPrefix(s, "\xfe\xff"):
		return s[2:]
	case strings.HasPrefix(s, "\xef\xbb\xbf"):
		return s[3:]
	}
	return s
}

// scanner walks valid TOML. On anything it does not expect it sets bad and
// stops; it never reads past the end of src.
type scanner struct {
	src  string
	i    int
	line int

	table     []seg    // current table, with element indices
	tableKeys []string // current table, as the decoder names it
	arrays    map[string]int
	lines     map[string]int
	order     [][]string // keys in the order the decoder lists them
	bad       bool
}

func (s *scanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) at(prefix string) bool { return strings.HasPrefix(s.src[s.i:], prefix) }

// adv moves n bytes forward, counting newlines.
func (s *scanner) adv(n int) {
	for ; n > 0 && s.i < len(s.src); n-- {
		if s.src[s.i] == '\n' {
			s.line++
		}
		s.i++
	}
}

func (s *scanner) fail() { s.bad = true }

func (s *scanner) skipSpace() {
	for c := s.peek(); c == ' ' || c == '\t'; c = s.peek() {
		s.adv(1)
	}
}

func (s *scanner) skipComment() {
	if s.peek() != '#' {
		return
	}
	for !s.eof() && s.peek() != '\n' {
		s.adv(1)
	}
}

// skipTrivia skips blanks, newlines and comments.
func (s *scanner) skipTrivia() {
	for !s.eof() {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.adv(1)
		case '#':
			s.skipComment()
		default:
			return
		}
	}
}

func (s *scanner) endOfLine() {
	s.skipSpace()
	s.skipComment()
	switch {
	case s.eof():
	case s.at("\r\n"):
		s.adv(2)
	case s.peek() == '\n':
		s.adv(1)
	default:
		s.fail()
	}
}

func (s *scanner) record(p []seg, line int) { s.lines[encodePath(p)] = line }

func (s *scanner) recordIfAbsent(p []seg, line int) {
	k := encodePath(p)
	if _, ok := s.lines[k]; !ok {
		s.lines[k] = line
	}
}

func (s *scanner) document() {
	for !s.bad {
		s.skipTrivia()
		if s.eof() {
			return
		}
		switch {
		case s.at("[["):
			s.header(true)
		case s.peek() == '[':
			s.header(false)
		default:
			s.keyValue(s.table, s.tableKeys)
		}
		if !s.bad {
			s.endOfLine()
		}
	}
}

func (s *scanner) header(array bool) {
	line := s.line
	if array {
		s.adv(2)
	} else {
		s.adv(1)
	}
	parts := s.key()
	if s.bad {
		return
	}
	s.skipSpace()
	switch {
	case array && s.at("]]"):
		s.adv(2)
	case !array && s.peek() == ']':
		s.adv(1)
	default:
		s.fail()
		return
	}
	var path []seg
	for i, part := range parts {
		path = join(path, keySeg(part))
		if i < len(parts)-1 {
			s.recordIfAbsent(path, line)
			if n, ok := s.arrays[encodePath(path)]; ok && n > 0 {
				path = join(path, idxSeg(n-1))
			}
		}
	}
	if array {
		k := encodePath(path)
		n := s.arrays[k]
		s.arrays[k] = n + 1
		s.recordIfAbsent(path, line)
		path = join(path, idxSeg(n))
	}
	s.recordIfAbsent(path, line)
	s.table = path
	s.tableKeys = parts
	s.order = append(s.order, parts)
}

// keyValue reads `key = value` inside the table at base (decoder name
// baseKeys).
func (s *scanner) keyValue(base []seg, baseKeys []string) {
	line := s.line
	parts := s.key()
	if s.bad {
		return
	}
	s.skipSpace()
	if s.peek() != '=' {
		s.fail()
		return
	}
	s.adv(1)
	s.skipSpace()
	path := base
	for _, part := range parts {
		path = join(path, keySeg(part))
		s.recordIfAbsent(path, line)
	}
	s.record(path, line)
	full := append(append([]string{}, baseKeys...), parts...)
	s.order = append(s.order, full)
	s.value(path, full)
}

// key reads a possibly dotted key and returns its decoded parts.
func (s *scanner) key() []string {
	var parts []string
	for !s.bad {
		s.skipSpace()
		switch c := s.peek(); {
		case c == '"':
			parts = append(parts, s.basicString())
		case c == '\'':
			parts = append(parts, s.literalString())
		default:
			start := s.i
			for !s.eof() && isBareKeyByte(s.peek()) {
				s.adv(1)
			}
			if s.i == start {
				s.fail()
				return nil
			}
			parts = append(parts, s.src[start:s.i])
		}
		s.skipSpace()
		if s.peek() != '.' {
			return parts
		}
		s.adv(1)
	}
	return nil
}

func (s *scanner) value(path []seg, keys []string) {
	switch c := s.peek(); {
	case s.at(`"""`):
		s.multiline(`"""`, true)
	case c == '"':
		s.basicString()
	case s.at("'''"):
		s.multiline("'''", false)
	case c == '\'':
		s.literalString()
	case c == '[':
		s.array(path, keys)
	case c == '{':
		s.inlineTable(path, keys)
	default:
		start := s.i
		for !s.eof() && !strings.ContainsRune(",]}#\r\n", rune(s.peek())) {
			s.adv(1)
		}
		if strings.TrimSpace(s.src[start:s.i]) == "" {
			s.fail()
		}
	}
}

func (s *scanner) array(path []seg, keys []string) {
	s.adv(1)
	for n := 0; !s.bad; n++ {
		s.skipTrivia()
		if s.peek() == ']' {
			s.adv(1)
			return
		}
		if s.eof() {
			s.fail()
			return
		}
		elem := join(path, idxSeg(n))
		s.recordIfAbsent(elem, s.line)
		s.value(elem, keys)
		s.skipTrivia()
		switch s.peek() {
		case ',':
			s.adv(1)
		case ']':
			s.adv(1)
			return
		default:
			s.fail()
		}
	}
}

func (s *scanner) inlineTable(path []seg, keys []string) {
	s.adv(1)
	for !s.bad {
		s.skipTrivia()
		if s.peek() == '}' {
			s.adv(1)
			return
		}
		if s.eof() {
			s.fail()
			return
		}
		s.keyValue(path, keys)
		s.skipTrivia()
		switch s.peek() {
		case ',':
			s.adv(1)
		case '}':
			s.adv(1)
			return
		default:
			s.fail()
		}
	}
}

// basicString reads "..." and returns its decoded content.
func (s *scanner) basicString() string {
	s.adv(1)
	var b strings.Builder
	for !s.bad {
		switch c := s.peek(); {
		case s.eof(), c == '\n':
			s.fail()
		case c == '"':
			s.adv(1)
			return b.String()
		case c == '\\':
			s.escape(&b)
		default:
			b.WriteByte(c)
			s.adv(1)
		}
	}
	return ""
}

func (s *scanner) escape(b *strings.Builder) {
	s.adv(1)
	c := s.peek()
	s.adv(1)
	digits := 0
	switch c {
	case 'b':
		b.WriteByte('\b')
	case 't':
		b.WriteByte('\t')
	case 'n':
		b.WriteByte('\n')
	case 'f':
		b.WriteByte('\f')
	case 'r':
		b.WriteByte('\r')
	case 'e':
		b.WriteByte(0x1b)
	case '"', '\\':
		b.WriteByte(c)
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		s.fail()
	}
	if digits == 0 {
		return
	}
	if s.i+digits > len(s.src) {
		s.fail()
		return
	}
	n, err := strconv.ParseUint(s.src[s.i:s.i+digits], 16, 32)
	if err != nil {
		s.fail()
		return
	}
	s.adv(digits)
	b.WriteRune(rune(n))
}

// literalString reads '...' and returns its content.
func (s *scanner) literalString() string {
	s.adv(1)
	start := s.i
	for !s.eof() && s.peek() != '\'' && s.peek() != '\n' {
		s.adv(1)
	}
	if s.peek() != '\'' {
		s.fail()
		return ""
	}
	out := s.src[start:s.i]
	s.adv(1)
	return out
}

// multiline skips a multi-line string, basic or literal. Up to two quote
// characters may sit right before the closing delimiter; they belong to the
// content.
func (s *scanner) multiline(delim string, escapes bool) {
	s.adv(3)
	for !s.eof() {
		switch {
		case s.at(delim):
			s.adv(3)
			for k := 0; k < 2 && s.peek() == delim[0]; k++ {
				s.adv(1)
			}
			return
		case escapes && s.peek() == '\\':
			s.adv(2)
		default:
			s.adv(1)
		}
	}
	s.fail()
}
