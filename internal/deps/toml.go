package deps

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file is a small TOML reader that keeps the line of every key and
// value, which the manifests need and general decoders do not give. It reads
// the whole TOML 1.0 syntax (tables, arrays of tables, dotted and quoted
// keys, every string form, arrays and inline tables); scalars other than
// strings are kept as raw text. It is lenient where strictness would not
// change a manifest's meaning (duplicate keys: the last wins).

type tomlKind int

const (
	kindString tomlKind = iota
	kindArray
	kindTable
	kindOther
)

type tomlValue struct {
	kind    tomlKind
	str     string // decoded string, or raw text of other scalars
	arr     []*tomlValue
	tbl     *tomlTable
	line    int // where the value starts
	keyLine int // where its key is, for values of a table
}

type tomlTable struct {
	keys []string
	vals map[string]*tomlValue
}

func newTable() *tomlTable { return &tomlTable{vals: map[string]*tomlValue{}} }

func (t *tomlTable) set(k string, v *tomlValue) {
	if _, ok := t.vals[k]; !ok {
		t.keys = append(t.keys, k)
	}
	t.vals[k] = v
}

// get follows a path of keys through tables.
func (t *tomlTable) get(path ...string) *tomlValue {
	cur := &tomlValue{kind: kindTable, tbl: t}
	for _, k := range path {
		if cur == nil || cur.kind != kindTable {
			return nil
		}
		cur = cur.tbl.vals[k]
	}
	return cur
}

// table returns the table at path, or nil.
func (t *tomlTable) table(path ...string) *tomlTable {
	if v := t.get(path...); v != nil && v.kind == kindTable {
		return v.tbl
	}
	return nil
}

// tomlError is a syntax error at a line.
type tomlError struct {
	line int
	msg  string
}

func (e *tomlError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

type tomlParser struct {
	src   string
	pos   int
	line  int
	depth int
}

const tomlMaxDepth = 64

// parseTOML reads a document into its root table.
func parseTOML(src string) (root *tomlTable, err error) {
	src = strings.TrimPrefix(src, "\ufeff")
	p := &tomlParser{src: src, line: 1}
	root = newTable()
	cur := root
	for {
		p.skipSpaceNewlinesComments()
		if p.pos >= len(p.src) {
			return root, nil
		}
		line := p.line
		if p.src[p.pos] == '[' {
			array := strings.HasPrefix(p.src[p.pos:], "[[")
			if array {
				p.pos += 2
			} else {
				p.pos++
			}
			p.skipSpace()
			path, err := p.key()
			if err != nil {
				return nil, err
			}
			p.skipSpace()
			closing := "]"
			if array {
				closing = "]]"
			}
			if !strings.HasPrefix(p.src[p.pos:], closing) {
				return nil, p.errorf("expected %s after the table name", closing)
			}
			p.pos += len(closing)
			if err := p.endOfLine(); err != nil {
				return nil, err
			}
			if cur, err = p.header(root, path, array, line); err != nil {
				return nil, err
			}
			continue
		}
		if err := p.keyValue(cur); err != nil {
			return nil, err
		}
		if err := p.endOfLine(); err != nil {
			return nil, err
		}
	}
}

func (p *tomlParser) errorf(format string, args ...any) error {
	return &tomlError{line: p.line, msg: fmt.Sprintf(format, args...)}
}

// header creates or finds the table a [header] or [[header]] names.
func (p *tomlParser) header(root *tomlTable, path []string, array bool, line int) (*tomlTable, error) {
	t := root
	for i, k := range path {
		last := i == len(path)-1
		v, ok := t.vals[k]
		switch {
		case !ok && last && array:
			tbl := newTable()
			t.set(k, &tomlValue{kind: kindArray, line: line, keyLine: line, arr: []*tomlValue{{kind: kindTable, tbl: tbl, line: line, keyLine: line}}})
			return tbl, nil
		case !ok:
			nv := &tomlValue{kind: kindTable, tbl: newTable(), line: line, keyLine: line}
			t.set(k, nv)
			t = nv.tbl
		case v.kind == kindTable:
			if last && array {
				return nil, &tomlError{line: line, msg: fmt.Sprintf("%s is a table, not an array of tables", strings.Join(path, "."))}
			}
			t = v.tbl
		case v.kind == kindArray && len(v.arr) > 0 && v.arr[len(v.arr)-1].kind == kindTable:
			if last && array {
				tbl := newTable()
				v.arr = append(v.arr, &tomlValue{kind: kindTable, tbl: tbl, line: line, keyLine: line})
				return tbl, nil
			}
			t = v.arr[len(v.arr)-1].tbl
		default:
			return nil, &tomlError{line: line, msg: fmt.Sprintf("%s is already a value, not a table", strings.Join(path[:i+1], "."))}
		}
	}
	return t, nil
}

// keyValue reads key = value into t, creating the tables of a dotted key.
func (p *tomlParser) keyValue(t *tomlTable) error {
	line := p.line
	path, err := p.key()
	if err != nil {
		return err
	}
	p.skipSpace()
	if p.pos >= len(p.src) || p.src[p.pos] != '=' {
		return p.errorf("expected = after the key %s", strings.Join(path, "."))
	}
	p.pos++
	p.skipSpace()
	v, err := p.value()
	if err != nil {
		return err
	}
	v.keyLine = line
	for _, k := range path[:len(path)-1] {
		sub, ok := t.vals[k]
		if !ok {
			sub = &tomlValue{kind: kindTable, tbl: newTable(), line: line, keyLine: line}
			t.set(k, sub)
		} else if sub.kind != kindTable {
			return &tomlError{line: line, msg: fmt.Sprintf("%s is already a value, not a table", k)}
		}
		t = sub.tbl
	}
	t.set(path[len(path)-1], v)
	return nil
}

// key reads a bare, quoted or dotted key.
func (p *tomlParser) key() ([]string, error) {
	var path []string
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errorf("expected a key")
		}
		switch c := p.src[p.pos]; {
		case c == '"' || c == '\'':
			if strings.HasPrefix(p.src[p.pos:], `"""`) || strings.HasPrefix(p.src[p.pos:], `'''`) {
				return nil, p.errorf("a key cannot be a multi-line string")
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			path = append(path, v.str)
		default:
			start := p.pos
			for p.pos < len(p.src) && isBareKeyByte(p.src[p.pos]) {
				p.pos++
			}
			if start == p.pos {
				return nil, p.errorf("expected a key, found %q", string(c))
			}
			path = append(path, p.src[start:p.pos])
		}
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == '.' {
			p.pos++
			continue
		}
		return path, nil
	}
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// value reads any value.
func (p *tomlParser) value() (*tomlValue, error) {
	if p.pos >= len(p.src) {
		return nil, p.errorf("expected a value")
	}
	line := p.line
	switch c := p.src[p.pos]; c {
	case '"', '\'':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &tomlValue{kind: kindString, str: s, line: line}, nil
	case '[':
		return p.array()
	case '{':
		return p.inlineTable()
	}
	start := p.pos
	for p.pos < len(p.src) && !strings.ContainsRune(",]}\n#\r", rune(p.src[p.pos])) {
		p.pos++
	}
	raw := strings.TrimSpace(p.src[start:p.pos])
	if raw == "" {
		return nil, p.errorf("expected a value")
	}
	if strings.ContainsAny(raw, " \t") && !dateTimeWithSpace(raw) {
		return nil, p.errorf("unexpected space in the value %q", raw)
	}
	return &tomlValue{kind: kindOther, str: raw, line: line}, nil
}

// dateTimeWithSpace reports a TOML date-time written with a space:
// 1979-05-27 07:32:00Z.
func dateTimeWithSpace(s string) bool {
	date, rest, ok := strings.Cut(s, " ")
	if !ok || len(date) != 10 || date[4] != '-' || date[7] != '-' || rest == "" || rest[0] < '0' || rest[0] > '9' {
		return false
	}
	return !strings.ContainsAny(rest, " \t")
}

func (p *tomlParser) enter() error {
	p.depth++
	if p.depth > tomlMaxDepth {
		return p.errorf("nested deeper than %d levels", tomlMaxDepth)
	}
	return nil
}

func (p *tomlParser) array() (*tomlValue, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	v := &tomlValue{kind: kindArray, line: p.line}
	p.pos++ // [
	for {
		p.skipSpaceNewlinesComments()
		if p.pos >= len(p.src) {
			return nil, p.errorf("unclosed array")
		}
		if p.src[p.pos] == ']' {
			p.pos++
			return v, nil
		}
		elem, err := p.value()
		if err != nil {
			return nil, err
		}
		v.arr = append(v.arr, elem)
		p.skipSpaceNewlinesComments()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == ']' {
			p.pos++
			return v, nil
		}
		return nil, p.errorf("expected , or ] in an array")
	}
}

func (p *tomlParser) inlineTable() (*tomlValue, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	v := &tomlValue{kind: kindTable, tbl: newTable(), line: p.line}
	p.pos++ // {
	for {
		p.skipSpaceNewlinesComments()
		if p.pos >= len(p.src) {
			return nil, p.errorf("unclosed inline table")
		}
		if p.src[p.pos] == '}' {
			p.pos++
			return v, nil
		}
		if err := p.keyValue(v.tbl); err != nil {
			return nil, err
		}
		p.skipSpaceNewlinesComments()
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			p.pos++
			return v, nil
		}
		return nil, p.errorf("expected , or } in an inline table")
	}
}

// str reads any of the four string forms.
func (p *tomlParser) str() (string, error) {
	q := p.src[p.pos]
	multi := strings.HasPrefix(p.src[p.pos:], strings.Repeat(string(q), 3))
	if multi {
		p.pos += 3
		// A newline right after the opening delimiter is trimmed.
		if strings.HasPrefix(p.src[p.pos:], "\r\n") {
			p.pos += 2
			p.line++
		} else if p.pos < len(p.src) && p.src[p.pos] == '\n' {
			p.pos++
			p.line++
		}
	} else {
		p.pos++
	}
	var b strings.Builder
	for {
		if p.pos >= len(p.src) {
			return "", p.errorf("unclosed string")
		}
		c := p.src[p.pos]
		switch {
		case c == q && multi && strings.HasPrefix(p.src[p.pos:], strings.Repeat(string(q), 3)):
			// Up to two more quotes may belong to the content.
			n := 3
			for n < 5 && p.pos+n < len(p.src) && p.src[p.pos+n] == q {
				n++
			}
			b.WriteString(strings.Repeat(string(q), n-3))
			p.pos += n
			return b.String(), nil
		case c == q && !multi:
			p.pos++
			return b.String(), nil
		case c == '\n':
			if !multi {
				return "", p.errorf("newline in a single-line string")
			}
			p.line++
			b.WriteByte(c)
			p.pos++
		case c == '\\' && q == '"':
			if err := p.escape(&b, multi); err != nil {
				return "", err
			}
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
}

// escape reads one escape sequence of a basic string.
func (p *tomlParser) escape(b *strings.Builder, multi bool) error {
	p.pos++ // backslash
	if p.pos >= len(p.src) {
		return p.errorf("unfinished escape")
	}
	c := p.src[p.pos]
	simple := map[byte]byte{'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', '"': '"', '\\': '\\', 'e': 0x1b}
	if r, ok := simple[c]; ok {
		b.WriteByte(r)
		p.pos++
		return nil
	}
	switch c {
	case 'u', 'U', 'x':
		n := map[byte]int{'u': 4, 'U': 8, 'x': 2}[c]
		if p.pos+1+n > len(p.src) {
			return p.errorf("short \\%c escape", c)
		}
		code, err := strconv.ParseUint(p.src[p.pos+1:p.pos+1+n], 16, 32)
		if err != nil || !utf8.ValidRune(rune(code)) {
			return p.errorf("bad \\%c escape", c)
		}
		b.WriteRune(rune(code))
		p.pos += 1 + n
		return nil
	}
	if multi {
		// A line-ending backslash trims the newline and the whitespace
		// that follows.
		j := p.pos
		for j < len(p.src) && (p.src[j] == ' ' || p.src[j] == '\t' || p.src[j] == '\r') {
			j++
		}
		if j < len(p.src) && p.src[j] == '\n' {
			p.pos = j
			for p.pos < len(p.src) && strings.IndexByte(" \t\r\n", p.src[p.pos]) >= 0 {
				if p.src[p.pos] == '\n' {
					p.line++
				}
				p.pos++
			}
			return nil
		}
	}
	return p.errorf("unknown escape \\%c", c)
}

func (p *tomlParser) skipSpace() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

func (p *tomlParser) skipComment() {
	if p.pos < len(p.src) && p.src[p.pos] == '#' {
		for p.pos < len(p.src) && p.src[p.pos] != '\n' {
			p.pos++
		}
	}
}

func (p *tomlParser) skipSpaceNewlinesComments() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\r':
			p.pos++
		case '\n':
			p.pos++
			p.line++
		case '#':
			p.skipComment()
		default:
			return
		}
	}
}

// endOfLine accepts whitespace and a comment up to the end of the line.
func (p *tomlParser) endOfLine() error {
	p.skipSpace()
	p.skipComment()
	if p.pos < len(p.src) && p.src[p.pos] == '\r' {
		p.pos++
	}
	if p.pos >= len(p.src) {
		return nil
	}
	if p.src[p.pos] != '\n' {
		return p.errorf("unexpected %q after a value; one key = value per line", string(p.src[p.pos]))
	}
	p.pos++
	p.line++
	return nil
}
