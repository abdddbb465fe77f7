package python

import (
	"unicode"
	"unicode/utf8"
)

// The lexer of the hand-written parser (hparse.go). It produces the token
// stream tree-sitter-python's lexer and external scanner produce for valid
// source: zero-width NEWLINE, INDENT and DEDENT tokens at the positions the
// scanner puts them, comments and line continuations as extras, and string
// starts that the parser then reads itself.

// tkind is a token's class.
type tkind uint8

const (
	tEOF tkind = iota
	tName
	tInt
	tFloat
	tStr  // a string's start: its prefix and opening quote(s)
	tOp   // operator or punctuation; token.op says which
	tConv // "!r" in an f-string replacement field
	tNewline
	tIndent
	tDedent
)

// op identifies an operator token, or a keyword for a tName token.
type op uint8

const (
	opNone op = iota
	opLParen
	opRParen
	opLBrack
	opRBrack
	opLBrace
	opRBrace
	opComma
	opColon
	opSemi
	opDot
	opEllipsis
	opAssign
	opWalrus
	opArrow
	opAt
	opPlus
	opMinus
	opStar
	opDStar
	opSlash
	opDSlash
	opPercent
	opPipe
	opAmp
	opCaret
	opTilde
	opLShift
	opRShift
	opLt
	opGt
	opLe
	opGe
	opEq
	opNe
	opLtGt
	opAugFirst // augmented assignments from here to opAugLast
	opPlusEq
	opMinusEq
	opStarEq
	opSlashEq
	opAtEq
	opDSlashEq
	opPercentEq
	opDStarEq
	opRShiftEq
	opLShiftEq
	opAmpEq
	opCaretEq
	opPipeEq
	opAugLast
)

// Keywords, stored in token.op of tName tokens. 0 is a plain identifier.
const (
	keyNone op = iota
	keyFalse
	keyNoneLit
	keyTrue
	keyAnd
	keyAs
	keyAssert
	keyAsync
	keyAwait
	keyBreak
	keyClass
	keyContinue
	keyDef
	keyDel
	keyElif
	keyElse
	keyExcept
	keyFinally
	keyFor
	keyFrom
	keyGlobal
	keyIf
	keyImport
	keyIn
	keyIs
	keyLambda
	keyNonlocal
	keyNot
	keyOr
	keyPass
	keyRaise
	keyReturn
	keyTry
	keyWhile
	keyWith
	keyYield
)

// keyword returns the keyword id of a name, or keyNone.
func keyword(s []byte) op {
	switch string(s) {
	case "False":
		return keyFalse
	case "None":
		return keyNoneLit
	case "True":
		return keyTrue
	case "and":
		return keyAnd
	case "as":
		return keyAs
	case "assert":
		return keyAssert
	case "async":
		return keyAsync
	case "await":
		return keyAwait
	case "break":
		return keyBreak
	case "class":
		return keyClass
	case "continue":
		return keyContinue
	case "def":
		return keyDef
	case "del":
		return keyDel
	case "elif":
		return keyElif
	case "else":
		return keyElse
	case "except":
		return keyExcept
	case "finally":
		return keyFinally
	case "for":
		return keyFor
	case "from":
		return keyFrom
	case "global":
		return keyGlobal
	case "if":
		return keyIf
	case "import":
		return keyImport
	case "in":
		return keyIn
	case "is":
		return keyIs
	case "lambda":
		return keyLambda
	case "nonlocal":
		return keyNonlocal
	case "not":
		return keyNot
	case "or":
		return keyOr
	case "pass":
		return keyPass
	case "raise":
		return keyRaise
	case "return":
		return keyReturn
	case "try":
		return keyTry
	case "while":
		return keyWhile
	case "with":
		return keyWith
	case "yield":
		return keyYield
	}
	return keyNone
}

type token struct {
	k          tkind
	op         op
	start, end uint32
}

// String-start flags, kept in token.op of tStr tokens.
const (
	sRaw    op = 1 << 0
	sBytes  op = 1 << 1
	sFormat op = 1 << 2
	sTriple op = 1 << 3
)

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9'
}

// identRune returns the length of the non-ASCII rune at the start of b when
// it may start (first) or continue an identifier, and 0 otherwise. Letters,
// letter numbers, marks, digits and connector punctuation approximate
// Unicode's XID classes, which tree-sitter uses.
func identRune(b []byte, first bool) int {
	if len(b) == 0 || b[0] < 0x80 {
		return 0
	}
	r, l := utf8.DecodeRune(b)
	switch {
	case r == utf8.RuneError:
		return 0
	case unicode.IsLetter(r) || unicode.Is(unicode.Nl, r):
		return l
	case !first && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r)):
		return l
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// scan reads the token that follows p.pos into p.tok, pushing the comments
// and line continuations before it as extras. Layout tokens are zero-width
// and leave p.pos where it was.
func (p *hparser) scan() {
	src := p.src
	n := len(src)
	for {
		if p.depth == 0 && p.atLineStart {
			if p.layout() {
				return
			}
			continue
		}
		i := p.pos
		for i < n && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f' || src[i] == '\r') {
			if src[i] == '\r' && (i+1 >= n || src[i+1] != '\n') {
				p.bail()
			}
			i++
		}
		if i >= n || src[i] == '\n' {
			if p.depth > 0 {
				if i >= n {
					p.bail()
				}
				p.pos = i + 1
				continue
			}
			// The end of a logical line: a NEWLINE here, or an INDENT
			// after a block's colon.
			at := uint32(p.pos)
			if p.lastColon {
				ind, _, _ := p.indentAfter(p.pos)
				if ind <= p.indents[len(p.indents)-1] {
					p.bail() // an empty block
				}
				p.indents = append(p.indents, ind)
				p.tok = token{k: tIndent, start: at, end: at}
			} else {
				p.tok = token{k: tNewline, start: at, end: at}
			}
			p.atLineStart = true
			return
		}
		switch c := src[i]; {
		case c == '#':
			j := i
			for j < n && src[j] != '\n' {
				j++
			}
			p.extra(KindComment, i, j)
			p.pos = j
			continue
		case c == '\\':
			j := i + 1
			if j < n && src[j] == '\r' {
				j++
			}
			if j >= n || src[j] != '\n' {
				p.bail()
			}
			// Line continuations are left out of the tree, as by the
			// flattener: tree-sitter keeps some as nodes and swallows
			// others as whitespace, and nothing reads them.
			p.pos = j + 1
			if p.depth == 0 && p.nextIsBlank(j+1) {
				p.bail() // the scanner would end the line here
			}
			continue
		}
		p.lexToken(i)
		return
	}
}

// nextIsBlank reports whether the line starting at i holds nothing but
// whitespace or a comment.
func (p *hparser) nextIsBlank(i int) bool {
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t' || p.src[i] == '\f') {
		i++
	}
	return i >= len(p.src) || p.src[i] == '\n' || p.src[i] == '\r' || p.src[i] == '#'
}

// indentAfter scans from i, which is at the end of a line's last token,
// the way the external scanner does: over blank lines, comment lines and
// continuations to the next token. It returns that token's indentation
// (0 at the end of the file), the indentation of the first comment line on
// the way (-1 if none), and where that comment starts.
func (p *hparser) indentAfter(i int) (indent, commentIndent, commentAt int) {
	src := p.src
	n := len(src)
	commentIndent, commentAt = -1, -1
	for {
		if i >= n {
			return 0, commentIndent, commentAt
		}
		switch src[i] {
		case '\n':
			indent = 0
			i++
		case ' ':
			indent++
			i++
		case '\r', '\f':
			indent = 0
			i++
		case '\t':
			indent += 8
			i++
		case '#':
			if commentIndent < 0 {
				commentIndent, commentAt = indent, i
			}
			for i < n && src[i] != '\n' {
				i++
			}
			indent = 0
		case '\\':
			p.bail() // a continuation at the start of a line
		default:
			return indent, commentIndent, commentAt
		}
	}
}

// layout runs at the start of a line, outside brackets: it emits the DEDENT
// tokens the line needs, or pushes the comment line before it as an extra
// (returning false to be called again), or finds the line's first token.
func (p *hparser) layout() bool {
	indent, cindent, cat := p.indentAfter(p.pos)
	cur := p.indents[len(p.indents)-1]
	if indent < cur && cindent < cur {
		p.indents = p.indents[:len(p.indents)-1]
		at := uint32(p.pos)
		p.tok = token{k: tDedent, start: at, end: at}
		return true
	}
	if cat >= 0 {
		j := cat
		for j < len(p.src) && p.src[j] != '\n' {
			j++
		}
		p.extra(KindComment, cat, j)
		p.pos = j
		return false
	}
	i := p.pos
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t' || p.src[i] == '\f' || p.src[i] == '\r' || p.src[i] == '\n') {
		if p.src[i] == '\r' && (i+1 >= len(p.src) || p.src[i+1] != '\n') {
			p.bail()
		}
		i++
	}
	if i >= len(p.src) {
		at := uint32(len(p.src))
		p.tok = token{k: tEOF, start: at, end: at}
		return true
	}
	if indent != cur {
		p.bail() // an unexpected indent, or a dedent to no enclosing level
	}
	p.atLineStart = false
	p.lexToken(i)
	return true
}

// lexToken reads the token starting at i.
func (p *hparser) lexToken(i int) {
	src := p.src
	n := len(src)
	c := src[i]
	start := uint32(i)
	switch {
	case isIdentStart(c) || c >= 0x80 && identRune(src[i:], true) > 0:
		j := i
		if c >= 0x80 {
			j += identRune(src[i:], true)
		} else {
			j++
		}
		for j < n {
			if isIdentChar(src[j]) {
				j++
			} else if l := identRune(src[j:], false); l > 0 {
				j += l
			} else {
				break
			}
		}
		if j < n && (src[j] == '"' || src[j] == '\'') && j-i <= 3 && p.stringStart(i, j) {
			return
		}
		if j < n && src[j] >= 0x80 {
			p.bail()
		}
		p.tok = token{k: tName, op: keyword(src[i:j]), start: start, end: uint32(j)}
		p.pos = j
		return
	case c == '"' || c == '\'':
		if p.stringStart(i, i) {
			return
		}
		p.bail()
	case isDigit(c) || c == '.' && i+1 < n && isDigit(src[i+1]):
		p.number(i)
		return
	case c >= 0x80 || c == 0 || c == '`' || c == '$' || c == '?':
		p.bail()
	}
	o, l := p.operator(i)
	if o == opNone {
		if c == '!' && p.fdepth > 0 && i+1 < n && src[i+1] >= 'a' && src[i+1] <= 'z' {
			p.tok = token{k: tConv, start: start, end: start + 2}
			p.pos = i + 2
			return
		}
		p.bail()
	}
	p.tok = token{k: tOp, op: o, start: start, end: start + uint32(l)}
	p.pos = i + l
}

// stringStart reads a string's prefix src[i:j] and its opening quotes.
func (p *hparser) stringStart(i, j int) bool {
	var flags op
	for _, c := range p.src[i:j] {
		switch c {
		case 'f', 'F':
			flags |= sFormat
		case 'r', 'R':
			flags |= sRaw
		case 'b', 'B':
			flags |= sBytes
		case 'u', 'U':
		default:
			return false
		}
	}
	q := p.src[j]
	end := j + 1
	if end+1 < len(p.src) && p.src[end] == q && p.src[end+1] == q {
		flags |= sTriple
		end += 2
	}
	p.tok = token{k: tStr, op: flags, start: uint32(i), end: uint32(end)}
	p.pos = end
	return true
}

// number reads an integer or float literal as tree-sitter's token rules do.
func (p *hparser) number(i int) {
	src := p.src
	n := len(src)
	j := i
	// Decimal digits are runs of /[0-9]+_?/: an underscore may only follow
	// a digit, and a run starts with one.
	decimal := func() {
		for j < n && isDigit(src[j]) {
			for j < n && isDigit(src[j]) {
				j++
			}
			if j < n && src[j] == '_' {
				j++
			}
		}
	}
	// Prefixed digits (0x, 0o, 0b) are runs of /_?[digits]+/: an
	// underscore may only precede a digit.
	prefixed := func(ok func(byte) bool) {
		for {
			k := j
			if k < n && src[k] == '_' {
				k++
			}
			if k >= n || !ok(src[k]) {
				return
			}
			for j = k; j < n && ok(src[j]); j++ {
			}
		}
	}
	kind := tInt
	base := func(c byte) func(byte) bool {
		switch c | 0x20 {
		case 'x':
			return isHex
		case 'o':
			return func(c byte) bool { return c >= '0' && c <= '7' }
		case 'b':
			return func(c byte) bool { return c == '0' || c == '1' }
		}
		return nil
	}
	var isDigitOf func(byte) bool
	if j+2 < n && src[j] == '0' {
		isDigitOf = base(src[j+1])
	}
	if isDigitOf != nil && (isDigitOf(src[j+2]) || src[j+2] == '_' && j+3 < n && isDigitOf(src[j+3])) {
		j += 2
		prefixed(isDigitOf)
		if j < n && src[j]|0x20 == 'l' {
			j++
		}
	} else {
		decimal()
		if j < n && src[j] == '.' && !(j+1 < n && src[j+1] == '.' && j+2 < n && src[j+2] == '.') {
			kind = tFloat
			j++
			decimal()
		}
		if j < n && src[j]|0x20 == 'e' {
			k := j + 1
			if k < n && (src[k] == '+' || src[k] == '-') {
				k++
			}
			if k < n && isDigit(src[k]) {
				kind = tFloat
				j = k
				decimal()
			}
		}
		if j < n && src[j]|0x20 == 'j' {
			j++
		} else if kind == tInt && j < n && src[j]|0x20 == 'l' {
			j++
		}
	}
	if j < n && (isIdentChar(src[j]) || src[j] >= 0x80) {
		p.bail()
	}
	p.tok = token{k: kind, start: uint32(i), end: uint32(j)}
	p.pos = j
}

// operator returns the operator at i and its length.
func (p *hparser) operator(i int) (op, int) {
	src := p.src
	at := func(k int) byte {
		if i+k < len(src) {
			return src[i+k]
		}
		return 0
	}
	c1, c2 := at(1), at(2)
	switch src[i] {
	case '(':
		return opLParen, 1
	case ')':
		return opRParen, 1
	case '[':
		return opLBrack, 1
	case ']':
		return opRBrack, 1
	case '{':
		return opLBrace, 1
	case '}':
		return opRBrace, 1
	case ',':
		return opComma, 1
	case ';':
		return opSemi, 1
	case '~':
		return opTilde, 1
	case ':':
		if c1 == '=' {
			return opWalrus, 2
		}
		return opColon, 1
	case '.':
		if c1 == '.' && c2 == '.' {
			return opEllipsis, 3
		}
		return opDot, 1
	case '=':
		if c1 == '=' {
			return opEq, 2
		}
		return opAssign, 1
	case '!':
		if c1 == '=' {
			return opNe, 2
		}
	case '@':
		if c1 == '=' {
			return opAtEq, 2
		}
		return opAt, 1
	case '+':
		if c1 == '=' {
			return opPlusEq, 2
		}
		return opPlus, 1
	case '-':
		if c1 == '=' {
			return opMinusEq, 2
		}
		if c1 == '>' {
			return opArrow, 2
		}
		return opMinus, 1
	case '*':
		if c1 == '*' {
			if c2 == '=' {
				return opDStarEq, 3
			}
			return opDStar, 2
		}
		if c1 == '=' {
			return opStarEq, 2
		}
		return opStar, 1
	case '/':
		if c1 == '/' {
			if c2 == '=' {
				return opDSlashEq, 3
			}
			return opDSlash, 2
		}
		if c1 == '=' {
			return opSlashEq, 2
		}
		return opSlash, 1
	case '%':
		if c1 == '=' {
			return opPercentEq, 2
		}
		return opPercent, 1
	case '|':
		if c1 == '=' {
			return opPipeEq, 2
		}
		return opPipe, 1
	case '&':
		if c1 == '=' {
			return opAmpEq, 2
		}
		return opAmp, 1
	case '^':
		if c1 == '=' {
			return opCaretEq, 2
		}
		return opCaret, 1
	case '<':
		switch c1 {
		case '<':
			if c2 == '=' {
				return opLShiftEq, 3
			}
			return opLShift, 2
		case '=':
			return opLe, 2
		case '>':
			return opLtGt, 2
		}
		return opLt, 1
	case '>':
		switch c1 {
		case '>':
			if c2 == '=' {
				return opRShiftEq, 3
			}
			return opRShift, 2
		case '=':
			return opGe, 2
		}
		return opGt, 1
	}
	return opNone, 0
}
