package python

import (
	"bytes"
	"math"
	"strings"
)

// The hand-written parser. For source it accepts, it builds exactly the tree
// tree-sitter-python builds (the same kinds, fields, ranges and comment
// placement; TestHandParserMatchesTreeSitter checks every file of several
// CPython standard libraries), several times faster. On anything it does not
// handle — a syntax error, Python 2 statements, match statements, type
// parameter lists, non-ASCII names — it gives up and the caller parses with
// tree-sitter, whose error recovery it does not try to copy.

// hnode is a node under construction. Children are linked through next.
type hnode struct {
	kind        Kind
	field       Field
	named       bool
	start, end  uint32
	first, next int32
}

// hparser holds one parse. Every parse function that builds an element
// pushes exactly one node on stack (followed by any extras the lexer pushed
// after it) and returns its index in nodes.
type hparser struct {
	src         []byte
	pos         int   // the lexer's position: the end of tok
	tok         token // the lookahead
	prevEnd     uint32
	depth       int // bracket depth: newlines and indentation do not count inside
	fdepth      int // f-string replacement fields open
	atLineStart bool
	lastColon   bool
	indents     []int
	nodes       []hnode
	stack       []int32
	punct       []uint64
	rowPos, row int    // a cursor for the line of a position
	nest        int    // how deep the recursive descent is
	commaList   bool   // the current line's statements hold an unbracketed comma list
	listEnd     uint32 // where the last one ended
	trailing    bool   // and one of them ended with a comma
	bare        bool   // a statement on the line is a bare comma list (`a, b`)
	typeTried   bool   // one starts with `type` and is not a type alias
	// splat makes the next atom read `*name` as a list_splat, the reading
	// tree-sitter gives a splat in an expression list, a subscript or a
	// display's only element: `*a.b` is then an attribute of `*a`.
	splat bool
}

// maxNest bounds the parser's recursion; deeper source is left to
// tree-sitter, whose parser does not recurse.
const maxNest = 1000

func (p *hparser) enter() {
	p.nest++
	if p.nest > maxNest {
		p.bail()
	}
}

type bailout struct{}

func (p *hparser) bail() { panic(bailout{}) }

func (p *hparser) skipSpaces(i int) int {
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t') {
		i++
	}
	return i
}

// peek returns the two bytes after the lookahead and the spaces that follow
// it, 0 past the end, for the few places that must look further ahead.
func (p *hparser) peek() (byte, byte) {
	i := p.skipSpaces(int(p.tok.end))
	var a, b byte
	if i < len(p.src) {
		a = p.src[i]
	}
	if i+1 < len(p.src) {
		b = p.src[i+1]
	}
	return a, b
}

// hscratch is the memory a parse works in, kept between parses.
type hscratch struct {
	nodes   []hnode
	stack   []int32
	indents []int
}

// hparse parses src. ok is false when the hand-written parser does not
// handle it; punct is then left clear. scratch may be nil.
func hparse(src []byte, punct []uint64, scratch *hscratch) (nodes []Node, ok bool) {
	nodes, at := hparseAt(src, punct, scratch)
	return nodes, at < 0
}

// hparseAt is hparse that says where it gave up: the offset of the
// lookahead then, or -1 when it did not.
func hparseAt(src []byte, punct []uint64, scratch *hscratch) (nodes []Node, at int) {
	if len(src) >= math.MaxInt32/2 {
		return nil, 0
	}
	if scratch == nil {
		scratch = new(hscratch)
	}
	if want := len(src)/5 + 16; cap(scratch.nodes) < want {
		scratch.nodes = make([]hnode, 0, want)
	}
	p := &hparser{
		src:         src,
		punct:       punct,
		indents:     append(scratch.indents[:0], 0),
		atLineStart: true,
		nodes:       scratch.nodes[:0],
		stack:       scratch.stack[:0],
	}
	defer func() {
		// Keep what grew for the next parse.
		scratch.nodes, scratch.stack, scratch.indents = p.nodes[:0], p.stack[:0], p.indents[:0]
	}()
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(bailout); !is {
				panic(r)
			}
			clear(punct)
			nodes, at = nil, int(p.tok.start)
		}
	}()
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		p.pos = 3 // a byte-order mark: whitespace to tree-sitter
	}
	root := p.module()
	return p.emit(root), -1
}

// --- nodes ---

func (p *hparser) push(kind Kind, named bool, start, end uint32) int32 {
	p.nodes = append(p.nodes, hnode{kind: kind, named: named, start: start, end: end, first: -1, next: -1})
	id := int32(len(p.nodes) - 1)
	p.stack = append(p.stack, id)
	return id
}

// unpush takes id, pushed last apart from extras, off the stack.
func (p *hparser) unpush(id int32) {
	for i := len(p.stack) - 1; i >= 0; i-- {
		if p.stack[i] == id {
			p.stack = append(p.stack[:i], p.stack[i+1:]...)
			return
		}
	}
}

func (p *hparser) extra(kind Kind, i, j int) { p.push(kind, true, uint32(i), uint32(j)) }

func (p *hparser) isExtra(id int32) bool {
	k := p.nodes[id].kind
	return k == KindComment || k == KindLineContinuation
}

func (p *hparser) setField(id int32, f Field) { p.nodes[id].field = f }

// close makes the nodes pushed since mark the children of a new node that
// spans from start to the end of the last token consumed. Extras after that
// end stay outside, after the new node, as tree-sitter leaves them.
func (p *hparser) close(kind Kind, mark int, start uint32) int32 {
	return p.closeNamed(kind, true, mark, start)
}

func (p *hparser) closeNamed(kind Kind, named bool, mark int, start uint32) int32 {
	end := p.prevEnd
	top := len(p.stack)
	k := top
	for k > mark && p.isExtra(p.stack[k-1]) && p.nodes[p.stack[k-1]].start >= end {
		k--
	}
	p.nodes = append(p.nodes, hnode{kind: kind, named: named, start: start, end: end, first: -1, next: -1})
	id := int32(len(p.nodes) - 1)
	if k > mark {
		p.nodes[id].first = p.stack[mark]
		for i := mark; i < k-1; i++ {
			p.nodes[p.stack[i]].next = p.stack[i+1]
		}
		p.nodes[p.stack[k-1]].next = -1
		n := copy(p.stack[mark+1:], p.stack[k:top])
		p.stack = p.stack[:mark+1+n]
	} else {
		p.stack = append(p.stack, 0)
		copy(p.stack[mark+1:], p.stack[mark:top])
	}
	p.stack[mark] = id
	return id
}

// emit writes the tree in pre-order with parent and next-sibling links (a
// first child is the node after its parent).
func (p *hparser) emit(root int32) []Node {
	out := make([]Node, 0, len(p.nodes))
	node := func(id int32, parent NodeID) Node {
		h := &p.nodes[id]
		return Node{Kind: h.kind, Field: h.field, Named: h.named, Start: h.start, End: h.end, Parent: parent, NextSibling: None}
	}
	out = append(out, node(root, None))
	type level struct {
		parent, prev NodeID
		next         int32
	}
	stk := make([]level, 1, 64)
	stk[0] = level{parent: 0, prev: None, next: p.nodes[root].first}
	for len(stk) > 0 {
		top := &stk[len(stk)-1]
		c := top.next
		if c < 0 {
			stk = stk[:len(stk)-1]
			continue
		}
		top.next = p.nodes[c].next
		id := NodeID(len(out))
		out = append(out, node(c, top.parent))
		if top.prev != None {
			out[top.prev].NextSibling = id
		}
		top.prev = id
		if f := p.nodes[c].first; f >= 0 {
			stk = append(stk, level{parent: id, prev: None, next: f})
		}
	}
	return out
}

// markRow records that the line holding pos has punctuation the tree leaves
// out.
func (p *hparser) markRow(pos uint32) {
	if int(pos) < p.rowPos {
		p.rowPos, p.row = 0, 0
	}
	p.row += bytes.Count(p.src[p.rowPos:pos], []byte{'\n'})
	p.rowPos = int(pos)
	if w := p.row / 64; w < len(p.punct) {
		p.punct[w] |= 1 << (p.row % 64)
	}
}

// --- tokens ---

func (p *hparser) advance() {
	p.prevEnd = p.tok.end
	p.lastColon = p.tok.k == tOp && p.tok.op == opColon
	p.scan()
}

// leaf turns the lookahead into an anonymous node and consumes it.
func (p *hparser) leaf() int32 {
	id := p.push(KindOther, false, p.tok.start, p.tok.end)
	p.advance()
	return id
}

func (p *hparser) leafField(f Field) int32 {
	id := p.leaf()
	p.nodes[id].field = f
	return id
}

// named turns the lookahead into a named leaf of the given kind.
func (p *hparser) named(kind Kind) int32 {
	id := p.push(kind, true, p.tok.start, p.tok.end)
	p.advance()
	return id
}

// drop consumes punctuation that the tree leaves out.
func (p *hparser) drop() {
	p.markRow(p.tok.start)
	p.advance()
}

func (p *hparser) isOp(o op) bool  { return p.tok.k == tOp && p.tok.op == o }
func (p *hparser) isKw(k op) bool  { return p.tok.k == tName && p.tok.op == k }
func (p *hparser) isName() bool    { return p.tok.k == tName && p.tok.op == keyNone }
func (p *hparser) expectDrop(o op) { p.expect(o); p.drop() }

func (p *hparser) expect(o op) {
	if !p.isOp(o) {
		p.bail()
	}
}

func (p *hparser) expectKw(k op) int32 {
	if !p.isKw(k) {
		p.bail()
	}
	return p.leaf()
}

func (p *hparser) ident() int32 {
	if !p.isName() {
		p.bail()
	}
	return p.named(KindIdentifier)
}

// canStartExpr reports whether the lookahead can begin an expression.
func (p *hparser) canStartExpr() bool {
	switch p.tok.k {
	case tName:
		switch p.tok.op {
		case keyNone, keyNoneLit, keyTrue, keyFalse, keyNot, keyLambda, keyAwait:
			return true
		}
	case tInt, tFloat, tStr:
		return true
	case tOp:
		switch p.tok.op {
		case opLParen, opLBrack, opLBrace, opMinus, opPlus, opTilde, opEllipsis, opStar:
			return true
		}
	}
	return false
}

// --- statements ---

func (p *hparser) module() int32 {
	p.scan()
	for p.tok.k != tEOF {
		p.statement()
	}
	start := uint32(len(p.src))
	if len(p.stack) > 0 {
		start = p.nodes[p.stack[0]].start
	}
	p.prevEnd = uint32(len(p.src))
	p.nodes = append(p.nodes, hnode{kind: KindModule, named: true, start: start, end: uint32(len(p.src)), first: -1, next: -1})
	id := int32(len(p.nodes) - 1)
	if len(p.stack) > 0 {
		p.nodes[id].first = p.stack[0]
		for i := 0; i < len(p.stack)-1; i++ {
			p.nodes[p.stack[i]].next = p.stack[i+1]
		}
	}
	return id
}

func (p *hparser) statement() {
	p.enter()
	defer func() { p.nest-- }()
	mark, start := len(p.stack), p.tok.start
	switch p.tok.k {
	case tName:
		switch p.tok.op {
		case keyIf:
			p.ifStatement(mark, start)
			return
		case keyWhile:
			p.whileStatement(mark, start)
			return
		case keyFor:
			p.forStatement(mark, start)
			return
		case keyTry:
			p.tryStatement(mark, start)
			return
		case keyWith:
			p.withStatement(mark, start)
			return
		case keyDef:
			p.functionDefinition(mark, start)
			return
		case keyClass:
			p.classDefinition(mark, start)
			return
		case keyAsync:
			p.leaf()
			switch {
			case p.isKw(keyDef):
				p.functionDefinition(mark, start)
			case p.isKw(keyFor):
				p.forStatement(mark, start)
			case p.isKw(keyWith):
				p.withStatement(mark, start)
			default:
				p.bail()
			}
			return
		}
	case tOp:
		if p.tok.op == opAt {
			p.decorated(mark, start)
			return
		}
	case tNewline, tIndent, tDedent, tEOF:
		p.bail()
	}
	if p.isWord("match") && p.attempt(func() { p.matchStatement(mark, start) }) {
		return
	}
	p.simpleStatements()
}

// --- match statements ---

func (p *hparser) isWord(w string) bool {
	return p.tok.k == tName && string(p.src[p.tok.start:p.tok.end]) == w
}

func (p *hparser) matchStatement(mark int, start uint32) {
	p.leaf() // match
	for {
		p.setField(p.expr(), FieldSubject)
		if !p.isOp(opComma) {
			break
		}
		p.drop()
		if p.isOp(opColon) {
			break
		}
	}
	p.colon()
	if p.tok.k != tIndent {
		p.bail()
	}
	// The block begins with the indent, so comments before the first case
	// are inside it.
	bmark, bstart := len(p.stack), p.tok.start
	p.advance()
	for p.tok.k != tDedent {
		if !p.isWord("case") {
			p.bail()
		}
		p.setField(p.caseClause(), FieldAlternative)
	}
	p.advance()
	p.setField(p.close(KindBlock, bmark, bstart), FieldBody)
	p.close(KindMatchStatement, mark, start)
}

func (p *hparser) caseClause() int32 {
	mark, start := len(p.stack), p.tok.start
	p.leaf() // case
	for {
		p.casePattern()
		if !p.isOp(opComma) {
			break
		}
		p.drop()
		if p.isOp(opColon) || p.isKw(keyIf) {
			break
		}
	}
	if p.isKw(keyIf) {
		m2, s2 := len(p.stack), p.tok.start
		p.leaf()
		p.expr()
		p.setField(p.close(KindIfClause, m2, s2), FieldGuard)
	}
	p.colon()
	p.setField(p.suite(), FieldConsequence)
	return p.close(KindCaseClause, mark, start)
}

func (p *hparser) casePattern() int32 {
	p.enter()
	defer func() { p.nest-- }()
	mark, start := len(p.stack), p.tok.start
	if a, b := p.peek(); p.isName() && a == '=' && b != '=' {
		p.ident()
		p.leaf() // =
		p.simplePattern()
		p.close(KindKeywordPattern, mark, start)
		return p.close(KindCasePattern, mark, start)
	}
	p.unionPattern()
	id := p.close(KindCasePattern, mark, start)
	if p.isKw(keyAs) {
		p.leaf()
		p.ident()
		p.close(KindAsPattern, mark, start)
		id = p.close(KindCasePattern, mark, start)
	}
	return id
}

func (p *hparser) unionPattern() {
	mark, start := len(p.stack), p.tok.start
	p.simplePattern()
	if !p.isOp(opPipe) {
		return
	}
	for p.isOp(opPipe) {
		p.leaf()
		p.simplePattern()
	}
	p.close(KindUnionPattern, mark, start)
}

// patterns reads case patterns up to closing.
func (p *hparser) patterns(closing op) {
	for !p.isOp(closing) {
		p.casePattern()
		if !p.isOp(opComma) {
			break
		}
		p.drop()
	}
	p.shut(closing)
}

func (p *hparser) simplePattern() {
	mark, start := len(p.stack), p.tok.start
	switch p.tok.k {
	case tName:
		switch p.tok.op {
		case keyNoneLit:
			p.named(KindNone)
			return
		case keyTrue:
			p.named(KindTrue)
			return
		case keyFalse:
			p.named(KindFalse)
			return
		case keyNone:
		default:
			p.bail()
		}
		if p.isWord("_") {
			p.leaf()
			return
		}
		p.dottedName()
		if p.isOp(opLParen) {
			p.open()
			p.patterns(opRParen)
			p.close(KindClassPattern, mark, start)
		}
	case tInt, tFloat:
		p.patternNumber(mark, start)
	case tStr:
		p.atom()
	case tOp:
		switch p.tok.op {
		case opMinus:
			p.leaf()
			if p.tok.k != tInt && p.tok.k != tFloat {
				p.bail()
			}
			p.patternNumber(mark, start)
		case opLBrack:
			p.open()
			p.patterns(opRBrack)
			p.close(KindListPattern, mark, start)
		case opLParen:
			p.open()
			p.patterns(opRParen)
			p.close(KindTuplePattern, mark, start)
		case opLBrace:
			p.open()
			for !p.isOp(opRBrace) {
				if p.isOp(opDStar) || p.isOp(opStar) {
					p.splatPattern()
				} else {
					k := len(p.stack)
					p.simplePattern()
					if len(p.stack) != k+1 {
						p.bail() // a key of two nodes ("-1")
					}
					p.setField(p.stack[k], FieldKey)
					p.expect(opColon)
					p.drop()
					p.setField(p.casePattern(), FieldValue)
				}
				if !p.isOp(opComma) {
					break
				}
				p.drop()
			}
			p.shut(opRBrace)
			p.close(KindDictPattern, mark, start)
		case opStar, opDStar:
			p.splatPattern()
		default:
			p.bail()
		}
	default:
		p.bail()
	}
}

// patternNumber reads a number in a pattern, after an optional minus pushed since
// mark, and a complex_pattern when `+` or `-` and a number follow.
func (p *hparser) patternNumber(mark int, start uint32) {
	if p.tok.k == tInt {
		p.named(KindInteger)
	} else {
		p.named(KindFloat)
	}
	if p.isOp(opPlus) || p.isOp(opMinus) {
		p.leaf()
		switch p.tok.k {
		case tInt:
			p.named(KindInteger)
		case tFloat:
			p.named(KindFloat)
		default:
			p.bail()
		}
		p.close(KindComplexPattern, mark, start)
	}
}

func (p *hparser) splatPattern() {
	mark, start := len(p.stack), p.tok.start
	p.leaf()
	if p.isWord("_") {
		p.leaf()
	} else {
		p.ident()
	}
	p.close(KindSplatPattern, mark, start)
}

func (p *hparser) simpleStatements() {
	p.commaList, p.trailing, p.bare, p.typeTried = false, false, false, false
	for {
		p.simpleStatement()
		if !p.isOp(opSemi) {
			break
		}
		p.drop()
		if p.tok.k == tNewline {
			break
		}
	}
	if p.tok.k != tNewline {
		p.bail()
	}
	if p.typeTried {
		// tree-sitter's reading as a type alias, where a newline is not a
		// token before the `=`, may go on into the next line
		// (`type()\n() = 0`).
		if c := p.nextLineStart(); c != 0 && strings.IndexByte("([{.=|,*:", c) >= 0 {
			p.bail()
		}
	}
	if p.commaList && p.listEnd == p.prevEnd {
		// After `a, b` at the end of a line, tree-sitter may read a next
		// line that starts with a bracket as a call or subscript of `b`
		// (`a, 0\n(0).A = 0` becomes one assignment to a pattern list): a
		// version of its parse reads the list as assignment targets, where
		// a newline is not a token. A next line that starts with '.' could
		// continue one too.
		// After a bare list with a trailing comma, any line that can start
		// a target (`typ,\nz = 0`) may be read as more of the list.
		next := p.nextCode()
		if c := byteAt(p.src, next); c == '(' || c == '[' || c == '.' || p.bare && p.trailing && !startsStatement(p.src[next:]) {
			p.bail()
		}
	}
	p.advance()
}

// nextCode returns the offset of the next code after p.pos, past blank
// space and comments, or len(p.src).
func (p *hparser) nextCode() int {
	for i := p.pos; i < len(p.src); i++ {
		switch c := p.src[i]; c {
		case ' ', '\t', '\r', '\f', '\n':
		case '#':
			for i < len(p.src) && p.src[i] != '\n' {
				i++
			}
		default:
			return i
		}
	}
	return len(p.src)
}

// nextLineStart returns the first byte of the next line that holds code, or
// 0 at the end of the file.
func (p *hparser) nextLineStart() byte { return byteAt(p.src, p.nextCode()) }

func byteAt(b []byte, i int) byte {
	if i < len(b) {
		return b[i]
	}
	return 0
}

// mayBeTarget reports whether an expression of kind k may be (part of) a
// pattern: anything but the kinds that never are.
func mayBeTarget(k Kind) bool {
	switch k {
	case KindCall, KindString, KindConcatenatedString, KindInteger, KindFloat, KindTrue, KindFalse, KindNone,
		KindBinaryOperator, KindComparisonOperator, KindBooleanOperator, KindNotOperator, KindUnaryOperator,
		KindLambda, KindConditionalExpression, KindAwait, KindDictionary, KindSet, KindListComprehension,
		KindDictionaryComprehension, KindSetComprehension, KindGeneratorExpression:
		return false
	}
	return true
}

// startsStatement reports whether src starts with what can only begin a
// statement, never an expression or a target: a statement keyword, a
// decorator, or the end of the file.
func startsStatement(src []byte) bool {
	if len(src) == 0 || src[0] == '@' {
		return true
	}
	n := 0
	for n < len(src) && isIdentChar(src[n]) {
		n++
	}
	switch string(src[:n]) {
	case "def", "class", "if", "elif", "else", "for", "while", "try", "except", "finally", "with",
		"return", "pass", "break", "continue", "raise", "import", "from", "global", "nonlocal",
		"del", "assert":
		return true
	}
	return false
}

func (p *hparser) atStatementEnd() bool {
	return p.tok.k == tNewline || p.isOp(opSemi)
}

func (p *hparser) simpleStatement() {
	mark, start := len(p.stack), p.tok.start
	if p.tok.k != tName {
		p.expressionStatement(mark, start)
		return
	}
	switch p.tok.op {
	case keyPass:
		p.leaf()
		p.close(KindPassStatement, mark, start)
	case keyBreak:
		p.leaf()
		p.close(KindBreakStatement, mark, start)
	case keyContinue:
		p.leaf()
		p.close(KindContinueStatement, mark, start)
	case keyReturn:
		p.leaf()
		if !p.atStatementEnd() {
			p.expressions()
		}
		p.close(KindReturnStatement, mark, start)
	case keyDel:
		p.leaf()
		p.expressions()
		p.close(KindDeleteStatement, mark, start)
	case keyRaise:
		p.leaf()
		if !p.atStatementEnd() && !p.isKw(keyFrom) {
			p.expressions()
		}
		if p.isKw(keyFrom) {
			p.leaf()
			p.setField(p.expr(), FieldCause)
		}
		p.close(KindRaiseStatement, mark, start)
	case keyGlobal, keyNonlocal:
		kind := KindGlobalStatement
		if p.tok.op == keyNonlocal {
			kind = KindNonlocalStatement
		}
		p.leaf()
		for {
			p.ident()
			if !p.isOp(opComma) {
				break
			}
			p.drop()
		}
		p.close(kind, mark, start)
	case keyAssert:
		p.leaf()
		for {
			p.expr()
			if !p.isOp(opComma) {
				break
			}
			p.drop()
		}
		p.close(KindAssertStatement, mark, start)
	case keyImport:
		p.leaf()
		p.importList(false)
		p.close(KindImportStatement, mark, start)
	case keyFrom:
		p.fromImport(mark, start)
	default:
		if p.isName() {
			switch string(p.src[p.tok.start:p.tok.end]) {
			case "type":
				// tree-sitter reads `type <type> = <type>` as a type
				// alias even when it is `type(x).attr = value`.
				if a, _ := p.peek(); isIdentChar(a) || a != 0 && strings.IndexByte("([{'\"", a) >= 0 {
					if p.attempt(func() { p.typeAlias(mark, start) }) {
						return
					}
					p.typeTried = true // whether the next line may continue it: simpleStatements
				}
			case "print", "exec":
				// tree-sitter may read a Python 2 statement here.
				if a, _ := p.peek(); a != '(' {
					p.bail()
				}
			}
		}
		p.expressionStatement(mark, start)
	}
}

// typeAlias reads `type <type> = <type>` up to the end of the statement.
func (p *hparser) typeAlias(mark int, start uint32) {
	p.leaf()
	p.setField(p.typeNode(), FieldLeft)
	p.expect(opAssign)
	p.leaf()
	p.setField(p.typeNode(), FieldRight)
	if !p.atStatementEnd() {
		p.bail()
	}
	p.close(KindTypeAliasStatement, mark, start)
}

func (p *hparser) dottedName() int32 {
	mark, start := len(p.stack), p.tok.start
	p.ident()
	for p.isOp(opDot) {
		p.drop()
		p.ident()
	}
	return p.close(KindDottedName, mark, start)
}

// importList reads `name [as alias], ...`, each filling the name field.
func (p *hparser) importList(parens bool) {
	for {
		mark, start := len(p.stack), p.tok.start
		item := p.dottedName()
		if p.isKw(keyAs) {
			p.setField(item, FieldName)
			p.leaf()
			p.setField(p.ident(), FieldAlias)
			item = p.close(KindAliasedImport, mark, start)
		}
		p.setField(item, FieldName)
		if !p.isOp(opComma) {
			return
		}
		p.drop()
		if parens && p.isOp(opRParen) || !parens && p.atStatementEnd() {
			return
		}
	}
}

func (p *hparser) fromImport(mark int, start uint32) {
	p.leaf() // from
	if p.isWord("__future__") {
		p.leaf()
		p.expectKw(keyImport)
		p.importNames()
		p.close(KindFutureImportStatement, mark, start)
		return
	}
	if p.isOp(opDot) || p.isOp(opEllipsis) {
		m2, s2 := len(p.stack), p.tok.start
		for p.isOp(opDot) || p.isOp(opEllipsis) {
			p.drop()
		}
		p.close(KindImportPrefix, m2, s2)
		if p.isName() {
			p.dottedName()
		}
		p.setField(p.close(KindRelativeImport, m2, s2), FieldModuleName)
	} else {
		p.setField(p.dottedName(), FieldModuleName)
	}
	p.expectKw(keyImport)
	if p.isOp(opStar) {
		m3, s3 := len(p.stack), p.tok.start
		p.leaf()
		p.close(KindWildcardImport, m3, s3)
	} else {
		p.importNames()
	}
	p.close(KindImportFromStatement, mark, start)
}

func (p *hparser) importNames() {
	if p.isOp(opLParen) {
		p.open()
		p.importList(true)
		p.shut(opRParen)
		return
	}
	p.importList(false)
}

// expressions reads `_expressions`: one expression, or an expression_list.
func (p *hparser) expressions() int32 {
	mark, start := len(p.stack), p.tok.start
	first := p.listFirst()
	if !p.isOp(opComma) {
		return first
	}
	p.commaList = true
	for p.isOp(opComma) {
		p.drop()
		if !p.canStartExpr() {
			p.trailing = p.trailing || p.atStatementEnd()
			break
		}
		p.starExpr()
	}
	p.listEnd = p.prevEnd
	return p.close(KindExpressionList, mark, start)
}

// listFirst reads the first element of an expression list. A splat with
// trailers that stands alone (`*f().x`) is left to tree-sitter, which reads
// it as a splat of the whole there.
func (p *hparser) listFirst() int32 {
	star := p.isOp(opStar)
	first := p.starExpr()
	if star && !p.isOp(opComma) && p.nodes[first].kind != KindListSplat {
		p.bail()
	}
	return first
}

// exprList reads comma-separated (possibly starred) expressions without
// wrapping them; it reports whether there was more than one or a trailing
// comma, and whether an element was starred.
func (p *hparser) exprList() (multi, star bool) {
	star = p.isOp(opStar)
	p.listFirst()
	for p.isOp(opComma) {
		multi = true
		p.commaList = true
		p.drop()
		if !p.canStartExpr() {
			p.trailing = p.trailing || p.atStatementEnd()
			break
		}
		star = star || p.isOp(opStar)
		p.starExpr()
	}
	if multi {
		p.listEnd = p.prevEnd
	}
	return multi, star
}

func isAugmented(t token) bool { return t.k == tOp && t.op > opAugFirst && t.op < opAugLast }

func (p *hparser) expressionStatement(mark int, start uint32) {
	if p.isKw(keyYield) {
		p.yieldExpr()
		p.close(KindExpressionStatement, mark, start)
		return
	}
	multi, star := p.exprList()
	switch {
	case p.isOp(opAssign) || isAugmented(p.tok):
		p.assignment(mark, start, multi)
	case p.isOp(opColon):
		if multi {
			p.bail()
		}
		left := p.stack[mark]
		p.toPattern(left)
		p.setField(left, FieldLeft)
		p.drop()
		p.setField(p.typeNode(), FieldType)
		if p.isOp(opAssign) {
			p.leaf()
			p.setField(p.rhs(), FieldRight)
		}
		p.close(KindAssignment, mark, start)
	case multi && star:
		// A bare list of expressions (`a, *b.c`): tree-sitter reads `*b.c`
		// in it as a splat of the whole.
		p.bail()
	case multi:
		// Whether the next line may continue it (simpleStatements): only if
		// every element may be an assignment target, or tree-sitter's
		// reading of it as one has already failed.
		p.bare = true
		for _, id := range p.stack[mark:] {
			if !p.isExtra(id) && !mayBeTarget(p.nodes[id].kind) {
				p.bare = false
			}
		}
	}
	p.close(KindExpressionStatement, mark, start)
}

// assignment finishes `left = right` or `left op= right` whose left side
// was pushed since mark.
func (p *hparser) assignment(mark int, start uint32, multi bool) int32 {
	var left int32
	if multi {
		for _, id := range p.stack[mark:] {
			if !p.isExtra(id) {
				p.toPattern(id)
			}
		}
		left = p.close(KindPatternList, mark, start)
	} else {
		left = p.stack[mark]
		p.toPattern(left)
	}
	p.setField(left, FieldLeft)
	kind := KindAssignment
	if p.isOp(opAssign) {
		p.leaf()
	} else {
		kind = KindAugmentedAssignment
		p.leafField(FieldOperator)
	}
	p.setField(p.rhs(), FieldRight)
	return p.close(kind, mark, start)
}

// rhs reads `_right_hand_side`.
func (p *hparser) rhs() int32 {
	mark, start := len(p.stack), p.tok.start
	if p.isKw(keyYield) {
		return p.yieldExpr()
	}
	multi, _ := p.exprList()
	if p.isOp(opAssign) || isAugmented(p.tok) {
		return p.assignment(mark, start, multi)
	}
	if multi {
		return p.close(KindExpressionList, mark, start)
	}
	return p.stack[mark]
}

// onSplat reports whether id is an attribute, subscript or call of `*name`
// (the trailers-on-splat reading of `*a.b`).
func (p *hparser) onSplat(id int32) bool {
	for r := id; r >= 0; r = p.nodes[r].first {
		switch p.nodes[r].kind {
		case KindListSplat:
			return r != id
		case KindAttribute, KindSubscript, KindCall:
			continue
		}
		return false
	}
	return false
}

// toPattern turns an expression parsed as the target of an assignment or
// loop into the pattern tree-sitter builds there.
func (p *hparser) toPattern(id int32) {
	n := &p.nodes[id]
	switch n.kind {
	case KindIdentifier:
		return
	case KindAttribute, KindSubscript:
		if p.onSplat(id) {
			p.bail() // `*a.b = ...`: read differently as a target
		}
		return
	case KindTuple:
		n.kind = KindTuplePattern
	case KindList:
		n.kind = KindListPattern
	case KindListSplat:
		n.kind = KindListSplatPattern
		for c := n.first; c >= 0; c = p.nodes[c].next {
			if p.nodes[c].named && !p.isExtra(c) {
				switch p.nodes[c].kind {
				case KindIdentifier, KindAttribute, KindSubscript:
				default:
					p.bail()
				}
			}
		}
		return
	default:
		p.bail()
	}
	for c := n.first; c >= 0; c = p.nodes[c].next {
		if p.nodes[c].named && !p.isExtra(c) {
			p.toPattern(c)
		}
	}
}

func (p *hparser) yieldExpr() int32 {
	mark, start := len(p.stack), p.tok.start
	p.leaf()
	if p.isKw(keyFrom) {
		p.leaf()
		p.expr()
	} else if p.canStartExpr() {
		p.expressions()
	}
	return p.close(KindYield, mark, start)
}

// --- compound statements ---

func (p *hparser) colon() { p.expectDrop(opColon) }

// suite reads a block: an indented one, or simple statements on the line.
func (p *hparser) suite() int32 {
	if p.tok.k == tIndent {
		p.advance()
		mark, start := len(p.stack), p.tok.start
		for p.tok.k != tDedent {
			p.statement()
		}
		p.advance()
		return p.close(KindBlock, mark, start)
	}
	mark, start := len(p.stack), p.tok.start
	p.simpleStatements()
	return p.close(KindBlock, mark, start)
}

func (p *hparser) ifStatement(mark int, start uint32) {
	p.leaf()
	p.setField(p.expr(), FieldCondition)
	p.colon()
	p.setField(p.suite(), FieldConsequence)
	for p.isKw(keyElif) {
		m2, s2 := len(p.stack), p.tok.start
		p.leaf()
		p.setField(p.expr(), FieldCondition)
		p.colon()
		p.setField(p.suite(), FieldConsequence)
		p.setField(p.close(KindElifClause, m2, s2), FieldAlternative)
	}
	if p.isKw(keyElse) {
		p.setField(p.elseClause(), FieldAlternative)
	}
	p.close(KindIfStatement, mark, start)
}

func (p *hparser) elseClause() int32 {
	mark, start := len(p.stack), p.tok.start
	p.leaf()
	p.colon()
	p.setField(p.suite(), FieldBody)
	return p.close(KindElseClause, mark, start)
}

func (p *hparser) whileStatement(mark int, start uint32) {
	p.leaf()
	p.setField(p.expr(), FieldCondition)
	p.colon()
	p.setField(p.suite(), FieldBody)
	if p.isKw(keyElse) {
		p.setField(p.elseClause(), FieldAlternative)
	}
	p.close(KindWhileStatement, mark, start)
}

func (p *hparser) forStatement(mark int, start uint32) {
	p.expectKw(keyFor)
	p.targets(FieldLeft)
	p.expectKw(keyIn)
	p.setField(p.expressions(), FieldRight)
	p.colon()
	p.setField(p.suite(), FieldBody)
	if p.isKw(keyElse) {
		p.setField(p.elseClause(), FieldAlternative)
	}
	p.close(KindForStatement, mark, start)
}

// targets reads a loop's targets up to `in`, filling field.
func (p *hparser) targets(field Field) {
	mark, start := len(p.stack), p.tok.start
	first := p.target()
	if !p.isOp(opComma) {
		p.setField(first, field)
		return
	}
	for p.isOp(opComma) {
		p.drop()
		if p.isKw(keyIn) {
			break
		}
		p.target()
	}
	p.setField(p.close(KindPatternList, mark, start), field)
}

func (p *hparser) target() int32 {
	if p.isOp(opStar) {
		mark, start := len(p.stack), p.tok.start
		p.leaf()
		p.primary()
		id := p.close(KindListSplat, mark, start)
		p.toPattern(id)
		return id
	}
	id := p.primary()
	p.toPattern(id)
	return id
}

func (p *hparser) tryStatement(mark int, start uint32) {
	p.leaf()
	p.colon()
	p.setField(p.suite(), FieldBody)
	for p.isKw(keyExcept) {
		m2, s2 := len(p.stack), p.tok.start
		if int(p.tok.end) < len(p.src) && p.src[p.tok.end] == '*' {
			p.exceptGroup(m2, s2)
			continue
		}
		p.leaf()
		if p.isOp(opStar) {
			p.bail() // `except *E`: an error to tree-sitter
		}
		if !p.isOp(opColon) {
			m3, s3 := len(p.stack), p.tok.start
			v := p.expr()
			if p.isKw(keyAs) {
				p.leaf()
				p.asTarget()
				v = p.close(KindAsPattern, m3, s3)
			} else if p.isOp(opComma) {
				p.bail() // Python 2
			}
			p.setField(v, FieldValue)
		}
		p.colon()
		p.suite()
		p.close(KindExceptClause, m2, s2)
	}
	if p.isKw(keyElse) {
		p.elseClause()
	}
	if p.isKw(keyFinally) {
		m2, s2 := len(p.stack), p.tok.start
		p.leaf()
		p.colon()
		p.suite()
		p.close(KindFinallyClause, m2, s2)
	}
	p.close(KindTryStatement, mark, start)
}

// exceptGroup reads an except_group_clause, whose keyword is the single
// token `except*`.
func (p *hparser) exceptGroup(mark int, start uint32) {
	p.push(KindOther, false, start, p.tok.end+1)
	p.pos = int(p.tok.end) + 1
	p.prevEnd = p.tok.end + 1
	p.lastColon = false
	p.scan()
	m3, s3 := len(p.stack), p.tok.start
	p.expr()
	if p.isKw(keyAs) {
		p.leaf()
		p.asTarget()
		p.close(KindAsPattern, m3, s3)
	}
	p.colon()
	p.suite()
	p.close(KindExceptGroupClause, mark, start)
}

// asTarget reads the target after `as` in an as_pattern.
func (p *hparser) asTarget() {
	mark, start := len(p.stack), p.tok.start
	p.expr()
	p.setField(p.close(KindOther, mark, start), FieldAlias) // as_pattern_target
}

func (p *hparser) withStatement(mark int, start uint32) {
	p.expectKw(keyWith)
	m2, s2 := len(p.stack), p.tok.start
	if p.isOp(opLParen) && p.attempt(p.parenthesizedWithItems) {
		p.close(KindWithClause, m2, s2)
		p.colon()
		p.setField(p.suite(), FieldBody)
		p.close(KindWithStatement, mark, start)
		return
	}
	for {
		p.withItem()
		if !p.isOp(opComma) {
			break
		}
		p.drop()
	}
	p.close(KindWithClause, m2, s2)
	p.colon()
	p.setField(p.suite(), FieldBody)
	p.close(KindWithStatement, mark, start)
}

// parenthesizedWithItems reads `(item, item, ...)` followed by `:`, the form
// tree-sitter reads as a parenthesised with_clause. A single item without a
// comma is not taken.
func (p *hparser) parenthesizedWithItems() {
	p.open()
	items, comma := 0, false
	for !p.isOp(opRParen) {
		p.withItem()
		items++
		if !p.isOp(opComma) {
			break
		}
		comma = true
		p.drop()
	}
	p.shut(opRParen)
	if !p.isOp(opColon) || items < 2 && !comma {
		p.bail()
	}
}

func (p *hparser) withItem() {
	mark, start := len(p.stack), p.tok.start
	v := p.expr()
	if p.isKw(keyAs) {
		p.leaf()
		p.asTarget()
		v = p.close(KindAsPattern, mark, start)
	}
	p.setField(v, FieldValue)
	p.close(KindWithItem, mark, start)
}

// attempt runs f, and when f gives up, puts the parser back where it was and
// reports false.
func (p *hparser) attempt(f func()) (ok bool) {
	saved := *p
	nodes, stack := len(p.nodes), len(p.stack)
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(bailout); !is {
				panic(r)
			}
			ns, ss, ps := p.nodes[:nodes], p.stack[:stack], p.punct
			*p = saved
			p.nodes, p.stack, p.punct = ns, ss, ps
			ok = false
		}
	}()
	f()
	return true
}

func (p *hparser) functionDefinition(mark int, start uint32) {
	p.expectKw(keyDef)
	p.setField(p.ident(), FieldName)
	if p.isOp(opLBrack) {
		p.bail() // type parameters
	}
	m2, s2 := len(p.stack), p.tok.start
	p.expect(opLParen)
	p.open()
	p.params(false)
	p.shut(opRParen)
	p.setField(p.close(KindParameters, m2, s2), FieldParameters)
	if p.isOp(opArrow) {
		p.leaf()
		p.setField(p.typeNode(), FieldReturnType)
	}
	p.colon()
	p.setField(p.suite(), FieldBody)
	p.close(KindFunctionDefinition, mark, start)
}

// params reads a parameter list up to `)` (or `:` for a lambda).
func (p *hparser) params(lambda bool) {
	end := func() bool {
		return lambda && p.isOp(opColon) || !lambda && p.isOp(opRParen)
	}
	for !end() {
		mark, start := len(p.stack), p.tok.start
		switch {
		case p.isOp(opStar) || p.isOp(opDStar):
			kind := KindListSplatPattern
			if p.tok.op == opDStar {
				kind = KindDictionarySplatPattern
			}
			p.leaf()
			if kind == KindListSplatPattern && (p.isOp(opComma) || end()) {
				p.close(KindKeywordSeparator, mark, start)
				break
			}
			p.ident()
			p.close(kind, mark, start)
			if !lambda && p.isOp(opColon) {
				p.drop()
				p.setField(p.typeNode(), FieldType)
				p.close(KindTypedParameter, mark, start)
			}
		case p.isOp(opSlash):
			p.leaf()
			p.close(KindPositionalSeparator, mark, start)
		default:
			name := p.ident()
			switch {
			case !lambda && p.isOp(opColon):
				p.drop()
				p.setField(p.typeNode(), FieldType)
				if p.isOp(opAssign) {
					p.setField(name, FieldName)
					p.leaf()
					p.setField(p.expr(), FieldValue)
					p.close(KindTypedDefaultParameter, mark, start)
				} else {
					p.close(KindTypedParameter, mark, start)
				}
			case p.isOp(opAssign):
				p.setField(name, FieldName)
				p.leaf()
				p.setField(p.expr(), FieldValue)
				p.close(KindDefaultParameter, mark, start)
			}
		}
		if !p.isOp(opComma) {
			break
		}
		p.drop()
	}
}

func (p *hparser) classDefinition(mark int, start uint32) {
	p.leaf()
	p.setField(p.ident(), FieldName)
	if p.isOp(opLBrack) {
		p.bail() // type parameters
	}
	if p.isOp(opLParen) {
		p.setField(p.arguments(false, true), FieldSuperclasses)
	}
	p.colon()
	p.setField(p.suite(), FieldBody)
	p.close(KindClassDefinition, mark, start)
}

func (p *hparser) decorated(mark int, start uint32) {
	for p.isOp(opAt) {
		m2, s2 := len(p.stack), p.tok.start
		p.leaf()
		p.expr()
		if p.tok.k != tNewline {
			p.bail()
		}
		p.advance()
		p.close(KindDecorator, m2, s2)
	}
	m2, s2 := len(p.stack), p.tok.start
	switch {
	case p.isKw(keyDef):
		p.functionDefinition(m2, s2)
	case p.isKw(keyClass):
		p.classDefinition(m2, s2)
	case p.isKw(keyAsync):
		p.leaf()
		p.functionDefinition(m2, s2)
	default:
		p.bail()
	}
	p.setField(p.stack[m2], FieldDefinition)
	p.close(KindDecoratedDefinition, mark, start)
}

// --- types ---

// typeNode reads an annotation into a `type` node, with tree-sitter's
// special forms for `Name[...]` at its start.
func (p *hparser) typeNode() int32 { return p.typeTerm(false) }

// typeTerm reads a type; operand true reads the right operand of `|` in a
// union, which leaves further `|` to the union.
func (p *hparser) typeTerm(operand bool) int32 {
	mark, start := len(p.stack), p.tok.start
	if p.isOp(opStar) || p.isOp(opDStar) {
		// `*Ts` is a splat_type (PEP 646); `*tuple[int, str]` is a
		// subscript of the splat `*tuple`.
		splatType := func() {
			p.leaf()
			p.ident()
			p.close(KindSplatType, mark, start)
			if !p.isOp(opComma) && !p.isOp(opRParen) && !p.isOp(opRBrack) && !p.isOp(opColon) && !p.isOp(opAssign) && p.tok.k != tNewline {
				p.bail()
			}
		}
		if !p.attempt(splatType) {
			if !p.isOp(opStar) {
				p.bail()
			}
			p.splat = true
			if e := p.expr(); p.nodes[e].kind == KindAttribute || p.atStatementEnd() {
				// tree-sitter: a member_type of the splat_type; and at the
				// end of an annotation without a value (`x: *a[0]`), a
				// splat of the whole.
				p.bail()
			}
		}
		return p.close(KindType, mark, start)
	}
	if a, _ := p.peek(); !p.isName() || a != '[' {
		p.expr()
		return p.close(KindType, mark, start)
	}
	p.ident()
	m2, s2 := len(p.stack), p.tok.start
	p.open()
	for {
		p.typeNode()
		if !p.isOp(opComma) {
			break
		}
		p.drop()
		if p.isOp(opRBrack) {
			break
		}
	}
	p.shut(opRBrack)
	p.close(KindTypeParameter, m2, s2)
	p.close(KindGenericType, mark, start)
	t := p.close(KindType, mark, start)
	if operand {
		return t
	}
	for {
		switch {
		case p.isOp(opPipe):
			p.leaf()
			p.typeTerm(true)
			p.close(KindUnionType, mark, start)
		case p.isOp(opDot):
			p.drop()
			p.ident()
			p.close(KindMemberType, mark, start)
		default:
			return t
		}
		t = p.close(KindType, mark, start)
	}
}

// --- expressions ---

func (p *hparser) expr() int32 { return p.exprCond(true) }

// exprCond reads an `expression`; cond false leaves a following `if` alone
// (comprehension clauses).
func (p *hparser) exprCond(cond bool) int32 {
	p.enter()
	defer func() { p.nest-- }()
	mark, start := len(p.stack), p.tok.start
	if p.isKw(keyLambda) {
		p.leaf()
		if !p.isOp(opColon) {
			m2, s2 := len(p.stack), p.tok.start
			p.params(true)
			p.setField(p.close(KindLambdaParameters, m2, s2), FieldParameters)
		}
		p.colon()
		p.setField(p.exprCond(cond), FieldBody)
		return p.close(KindLambda, mark, start)
	}
	left := p.orTest()
	if cond && p.isKw(keyIf) {
		p.leaf()
		p.orTest()
		p.expectKw(keyElse)
		p.expr()
		return p.close(KindConditionalExpression, mark, start)
	}
	if p.isOp(opWalrus) && p.nodes[left].kind == KindIdentifier {
		p.setField(left, FieldName)
		p.leaf()
		p.setField(p.expr(), FieldValue)
		return p.close(KindNamedExpression, mark, start)
	}
	return left
}

// starExpr reads an expression that may be starred.
func (p *hparser) starExpr() int32 { return p.starred(starName, opNone) }

// How tree-sitter reads a splat of more than a name. In an argument list,
// or in a display of more than one element, `*a.b`, `*a[i]` and `*f()`
// splat the whole; in an expression list, a subscript and as a display's
// only element, they are an attribute, subscript or call of `*a`.
const (
	starName   = iota // `*a` and its trailers (p.splat)
	starWhole         // the whole expression
	starFirst         // the whole, unless it is the only element of a display closed by the given op
	starStrict        // only `*name`: the arguments of print(), which tree-sitter reads either way
)

func (p *hparser) starred(mode int, closing op) int32 {
	if !p.isOp(opStar) {
		return p.expr()
	}
	if mode == starName {
		p.splat = true
		return p.expr()
	}
	mark, start := len(p.stack), p.tok.start
	p.leaf()
	if e := p.expr(); p.nodes[e].kind != KindIdentifier && (mode == starStrict || mode == starFirst && p.isOp(closing)) {
		p.bail()
	}
	return p.close(KindListSplat, mark, start)
}

// displayFirst reads the first element of a display closed by closing.
func (p *hparser) displayFirst(closing op) int32 {
	if !p.isOp(opStar) {
		return p.expr()
	}
	var first int32
	if p.attempt(func() { first = p.starred(starFirst, closing) }) {
		return first
	}
	return p.starred(starName, opNone)
}

func (p *hparser) orTest() int32 {
	mark, start := len(p.stack), p.tok.start
	left := p.andTest()
	for p.isKw(keyOr) {
		p.setField(left, FieldLeft)
		p.leafField(FieldOperator)
		p.setField(p.andTest(), FieldRight)
		left = p.close(KindBooleanOperator, mark, start)
	}
	return left
}

func (p *hparser) andTest() int32 {
	mark, start := len(p.stack), p.tok.start
	left := p.notTest()
	for p.isKw(keyAnd) {
		p.setField(left, FieldLeft)
		p.leafField(FieldOperator)
		p.setField(p.notTest(), FieldRight)
		left = p.close(KindBooleanOperator, mark, start)
	}
	return left
}

func (p *hparser) notTest() int32 {
	if !p.isKw(keyNot) {
		return p.comparison()
	}
	mark, start := len(p.stack), p.tok.start
	p.enter()
	defer func() { p.nest-- }()
	p.leaf()
	p.setField(p.notTest(), FieldArgument)
	return p.close(KindNotOperator, mark, start)
}

func (p *hparser) isComparison() bool {
	switch p.tok.k {
	case tOp:
		switch p.tok.op {
		case opLt, opGt, opLe, opGe, opEq, opNe, opLtGt:
			return true
		}
	case tName:
		switch p.tok.op {
		case keyIn, keyNot, keyIs:
			return true
		}
	}
	return false
}

func (p *hparser) comparison() int32 {
	mark, start := len(p.stack), p.tok.start
	left := p.binary(0)
	if !p.isComparison() {
		return left
	}
	for p.isComparison() {
		switch {
		case p.isKw(keyNot):
			m2, s2 := len(p.stack), p.tok.start
			p.leaf()
			p.expectKw(keyIn)
			p.setField(p.closeNamed(KindOther, false, m2, s2), FieldOperators)
		case p.isKw(keyIs):
			m2, s2 := len(p.stack), p.tok.start
			is := p.leaf()
			if p.isKw(keyNot) {
				p.leaf()
				p.setField(p.closeNamed(KindOther, false, m2, s2), FieldOperators)
			} else {
				p.setField(is, FieldOperators)
			}
		default:
			p.leafField(FieldOperators)
		}
		p.binary(0)
	}
	return p.close(KindComparisonOperator, mark, start)
}

// binaryPrec is tree-sitter-python's precedence of a binary operator, or 0.
func binaryPrec(t token) int {
	if t.k != tOp {
		return 0
	}
	switch t.op {
	case opPipe:
		return 14
	case opAmp:
		return 15
	case opCaret:
		return 16
	case opLShift, opRShift:
		return 17
	case opPlus, opMinus:
		return 18
	case opStar, opAt, opSlash, opPercent, opDSlash:
		return 19
	case opDStar:
		return 21
	}
	return 0
}

func (p *hparser) binary(min int) int32 {
	mark, start := len(p.stack), p.tok.start
	left := p.unary()
	for {
		prec := binaryPrec(p.tok)
		if prec == 0 || prec < min {
			return left
		}
		p.setField(left, FieldLeft)
		p.leafField(FieldOperator)
		next := prec + 1
		if prec == 21 {
			next = 21
		}
		p.setField(p.binary(next), FieldRight)
		left = p.close(KindBinaryOperator, mark, start)
	}
}

func (p *hparser) unary() int32 {
	p.enter()
	defer func() { p.nest-- }()
	mark, start := len(p.stack), p.tok.start
	switch {
	case p.isOp(opMinus) || p.isOp(opPlus) || p.isOp(opTilde):
		p.leafField(FieldOperator)
		p.setField(p.binary(21), FieldArgument)
		return p.close(KindUnaryOperator, mark, start)
	case p.isKw(keyAwait):
		p.leaf()
		p.binary(21)
		return p.close(KindAwait, mark, start)
	}
	return p.primary()
}

func (p *hparser) primary() int32 {
	mark, start := len(p.stack), p.tok.start
	id := p.atom()
	for p.tok.k == tOp {
		switch p.tok.op {
		case opDot:
			p.setField(id, FieldObject)
			p.drop()
			p.setField(p.ident(), FieldAttribute)
			id = p.close(KindAttribute, mark, start)
		case opLParen:
			p.setField(id, FieldFunction)
			// `print(...)` may be a Python 2 print statement to
			// tree-sitter, which changes how it reads splats.
			plain := true
			if n := &p.nodes[id]; n.kind == KindIdentifier {
				switch string(p.src[n.start:n.end]) {
				case "print", "exec":
					plain = false
				}
			}
			p.setField(p.arguments(true, plain), FieldArguments)
			id = p.close(KindCall, mark, start)
		case opLBrack:
			p.setField(id, FieldValue)
			p.subscripts()
			id = p.close(KindSubscript, mark, start)
		default:
			return id
		}
	}
	return id
}

func (p *hparser) atom() int32 {
	splat := p.splat
	p.splat = false
	switch p.tok.k {
	case tName:
		switch p.tok.op {
		case keyNone:
			return p.named(KindIdentifier)
		case keyNoneLit:
			return p.named(KindNone)
		case keyTrue:
			return p.named(KindTrue)
		case keyFalse:
			return p.named(KindFalse)
		}
	case tInt:
		return p.named(KindInteger)
	case tFloat:
		return p.named(KindFloat)
	case tStr:
		mark, start := len(p.stack), p.tok.start
		first := p.stringLit()
		if p.tok.k != tStr {
			return first
		}
		for p.tok.k == tStr {
			p.stringLit()
		}
		return p.close(KindConcatenatedString, mark, start)
	case tOp:
		switch p.tok.op {
		case opLParen:
			return p.parens()
		case opLBrack:
			return p.brackets()
		case opLBrace:
			return p.braces()
		case opEllipsis:
			return p.named(KindEllipsis)
		case opStar:
			if splat {
				mark, start := len(p.stack), p.tok.start
				p.leaf()
				p.ident()
				return p.close(KindListSplat, mark, start)
			}
		}
	}
	p.bail()
	return -1
}

func (p *hparser) open() {
	p.depth++
	p.drop()
}

func (p *hparser) shut(o op) {
	p.expect(o)
	p.depth--
	p.drop()
}

func (p *hparser) isCompFor() bool { return p.isKw(keyFor) || p.isKw(keyAsync) }

// elements reads the rest of a comma-separated collection up to closing.
func (p *hparser) elements(closing op) {
	for p.isOp(opComma) {
		p.drop()
		if p.isOp(closing) {
			break
		}
		if p.isKw(keyYield) {
			p.yieldExpr()
		} else {
			p.starred(starWhole, opNone)
		}
	}
}

func (p *hparser) parens() int32 {
	mark, start := len(p.stack), p.tok.start
	p.open()
	if p.isOp(opRParen) {
		p.shut(opRParen)
		return p.close(KindTuple, mark, start)
	}
	if p.isKw(keyYield) {
		p.yieldExpr()
		if p.isOp(opComma) {
			p.bail()
		}
		p.shut(opRParen)
		return p.close(KindParenthesizedExpression, mark, start)
	}
	starred := p.isOp(opStar)
	first := p.displayFirst(opRParen)
	switch {
	case p.isCompFor():
		p.setField(first, FieldBody)
		p.comprehension()
		p.shut(opRParen)
		return p.close(KindGeneratorExpression, mark, start)
	case p.isOp(opRParen):
		if starred {
			p.bail() // a parenthesized splat
		}
		p.shut(opRParen)
		return p.close(KindParenthesizedExpression, mark, start)
	}
	p.elements(opRParen)
	p.shut(opRParen)
	return p.close(KindTuple, mark, start)
}

func (p *hparser) brackets() int32 {
	mark, start := len(p.stack), p.tok.start
	p.open()
	if p.isOp(opRBrack) {
		p.shut(opRBrack)
		return p.close(KindList, mark, start)
	}
	first := p.displayFirst(opRBrack)
	if p.isCompFor() {
		p.setField(first, FieldBody)
		p.comprehension()
		p.shut(opRBrack)
		return p.close(KindListComprehension, mark, start)
	}
	p.elements(opRBrack)
	p.shut(opRBrack)
	return p.close(KindList, mark, start)
}

func (p *hparser) dictItem() int32 {
	mark, start := len(p.stack), p.tok.start
	if p.isOp(opDStar) {
		p.leaf()
		p.expr()
		return p.close(KindDictionarySplat, mark, start)
	}
	p.setField(p.expr(), FieldKey)
	p.expect(opColon)
	p.drop()
	p.setField(p.expr(), FieldValue)
	return p.close(KindPair, mark, start)
}

func (p *hparser) braces() int32 {
	mark, start := len(p.stack), p.tok.start
	p.open()
	if p.isOp(opRBrace) {
		p.shut(opRBrace)
		return p.close(KindDictionary, mark, start)
	}
	if p.isOp(opDStar) {
		p.dictItem()
		return p.dictRest(mark, start)
	}
	m2, s2 := len(p.stack), p.tok.start
	first := p.displayFirst(opRBrace)
	if p.isOp(opColon) {
		p.setField(first, FieldKey)
		p.drop()
		p.setField(p.expr(), FieldValue)
		pair := p.close(KindPair, m2, s2)
		if p.isCompFor() {
			p.setField(pair, FieldBody)
			p.comprehension()
			p.shut(opRBrace)
			return p.close(KindDictionaryComprehension, mark, start)
		}
		return p.dictRest(mark, start)
	}
	if p.isCompFor() {
		p.setField(first, FieldBody)
		p.comprehension()
		p.shut(opRBrace)
		return p.close(KindSetComprehension, mark, start)
	}
	p.elements(opRBrace)
	p.shut(opRBrace)
	return p.close(KindSet, mark, start)
}

func (p *hparser) dictRest(mark int, start uint32) int32 {
	for p.isOp(opComma) {
		p.drop()
		if p.isOp(opRBrace) {
			break
		}
		p.dictItem()
	}
	p.shut(opRBrace)
	return p.close(KindDictionary, mark, start)
}

// comprehension reads for-in and if clauses.
func (p *hparser) comprehension() {
	for {
		mark, start := len(p.stack), p.tok.start
		switch {
		case p.isCompFor():
			if p.isKw(keyAsync) {
				p.leaf()
			}
			p.expectKw(keyFor)
			p.targets(FieldLeft)
			p.expectKw(keyIn)
			for {
				p.setField(p.exprCond(false), FieldRight)
				if !p.isOp(opComma) {
					break
				}
				// A comma between the iterables fills the right field
				// too, so it is kept; a trailing one is not.
				comma := p.leafField(FieldRight)
				if !p.canStartExpr() {
					p.unpush(comma)
					p.markRow(p.nodes[comma].start)
					break
				}
			}
			p.close(KindForInClause, mark, start)
		case p.isKw(keyIf):
			p.leaf()
			p.exprCond(false)
			p.close(KindIfClause, mark, start)
		default:
			return
		}
	}
}

// arguments reads a call's argument list, or the generator expression that
// is a call's only argument.
func (p *hparser) arguments(genexp, plain bool) int32 {
	mark, start := len(p.stack), p.tok.start
	p.open()
	if p.isOp(opRParen) {
		p.shut(opRParen)
		return p.close(KindArgumentList, mark, start)
	}
	first := p.argument(plain)
	if genexp && p.isCompFor() && p.nodes[first].kind != KindKeywordArgument &&
		p.nodes[first].kind != KindListSplat && p.nodes[first].kind != KindDictionarySplat {
		p.setField(first, FieldBody)
		p.comprehension()
		p.shut(opRParen)
		return p.close(KindGeneratorExpression, mark, start)
	}
	for p.isOp(opComma) {
		p.drop()
		if p.isOp(opRParen) {
			break
		}
		p.argument(plain)
	}
	p.shut(opRParen)
	return p.close(KindArgumentList, mark, start)
}

func (p *hparser) argument(plain bool) int32 {
	mark, start := len(p.stack), p.tok.start
	switch {
	case p.isOp(opStar):
		if plain {
			return p.starred(starWhole, opNone)
		}
		return p.starred(starStrict, opNone)
	case p.isOp(opDStar):
		p.leaf()
		p.expr()
		return p.close(KindDictionarySplat, mark, start)
	}
	e := p.expr()
	if p.isOp(opAssign) && p.nodes[e].kind == KindIdentifier {
		p.setField(e, FieldName)
		p.leaf()
		p.setField(p.expr(), FieldValue)
		return p.close(KindKeywordArgument, mark, start)
	}
	return e
}

func (p *hparser) subscripts() {
	p.open()
	for {
		p.setField(p.subscriptItem(), FieldSubscript)
		if !p.isOp(opComma) {
			break
		}
		p.drop()
		if p.isOp(opRBrack) {
			break
		}
	}
	p.shut(opRBrack)
}

func (p *hparser) subscriptItem() int32 {
	mark, start := len(p.stack), p.tok.start
	if !p.isOp(opColon) {
		e := p.starExpr()
		if !p.isOp(opColon) {
			return e
		}
	}
	p.drop()
	if !p.isOp(opColon) && !p.isOp(opComma) && !p.isOp(opRBrack) {
		p.expr()
	}
	if p.isOp(opColon) {
		p.drop()
		if !p.isOp(opComma) && !p.isOp(opRBrack) {
			p.expr()
		}
	}
	return p.close(KindSlice, mark, start)
}

// --- strings ---

// escapeLen returns the length of the escape sequence at src[i] ('\\'), or 0
// when tree-sitter's escape_sequence token does not match there.
func escapeLen(src []byte, i int) int {
	n := len(src)
	if i+1 >= n {
		return 0
	}
	hex := func(k int) int {
		if i+2+k > n {
			return 0
		}
		for _, c := range src[i+2 : i+2+k] {
			if !isHex(c) {
				return 0
			}
		}
		return 2 + k
	}
	switch c := src[i+1]; c {
	case 'u':
		return hex(4)
	case 'U':
		return hex(8)
	case 'x':
		return hex(2)
	case '\n':
		return 2
	case '\r':
		if i+2 < n && src[i+2] == '\n' {
			return 3
		}
		return 0
	case '\'', '"', 'a', 'b', 'f', 'r', 'n', 't', 'v', '\\':
		return 2
	case 'N':
		if i+2 < n && src[i+2] == '{' {
			j := i + 3
			for j < n && src[j] != '}' {
				j++
			}
			if j < n && j > i+3 {
				return j + 1 - i
			}
		}
		return 0
	default:
		if isDigit(c) {
			l := 2
			for l < 4 && i+l < n && isDigit(src[i+l]) {
				l++
			}
			return l
		}
	}
	return 0
}

// stringLit reads one string literal starting at the lookahead (a tStr
// token) and consumes it. Its content is cut into tokens exactly as the
// external scanner cuts it, because the cuts show: a raw string's
// backslash pairs directly before the closing quote belong to string_end.
func (p *hparser) stringLit() int32 {
	t := p.tok
	mark := len(p.stack)
	flags := t.op
	q := p.src[t.end-1]
	triple := flags&sTriple != 0
	p.push(KindStringStart, true, t.start, t.end)
	src := p.src
	n := len(src)
	i := int(t.end)
	cmark, cstart := -1, 0
	open := func(at int) {
		if cmark < 0 {
			cmark, cstart = len(p.stack), at
		}
	}
	shut := func(at int) {
		if cmark >= 0 {
			p.prevEnd = uint32(at)
			p.close(KindStringContent, cmark, uint32(cstart))
			cmark = -1
		}
	}
	for {
		if i >= n {
			p.bail()
		}
		if flags&sFormat != 0 && (src[i] == '{' || src[i] == '}') {
			if i+1 < n && src[i+1] == src[i] {
				open(i)
				p.push(KindEscapeInterpolation, true, uint32(i), uint32(i+2))
				i += 2
				continue
			}
			if src[i] == '}' {
				p.bail()
			}
			shut(i)
			i = p.interpolation(i, KindInterpolation)
			continue
		}
		// One call of the scanner for string content, from i.
		j, has, skipped := i, false, false
		content, end := -1, -1 // the content token's end, or the string end's
	scanner:
		for j < n {
			c := src[j]
			switch {
			case flags&sFormat != 0 && (c == '{' || c == '}'):
				if has {
					content = j
				}
				break scanner
			case c == '\\':
				if flags&sRaw != 0 {
					j++
					if j < n && (src[j] == q || src[j] == '\\') {
						j++
					}
					if j < n && src[j] == '\r' {
						j++
						if j < n && src[j] == '\n' {
							j++
						}
					} else if j < n && src[j] == '\n' {
						j++
					}
					continue
				}
				if flags&sBytes != 0 && j+1 < n && (src[j+1] == 'N' || src[j+1] == 'u' || src[j+1] == 'U') {
					j += 2
					skipped = true
					continue
				}
				if has {
					content = j
				}
				break scanner
			case c == q:
				if triple {
					if j+2 < n && src[j+1] == q && src[j+2] == q {
						if has {
							content = j
						} else {
							end = j + 3
						}
					} else if j+1 < n && src[j+1] == q {
						content = j + 2
					} else {
						content = j + 1
					}
					break scanner
				}
				if has {
					content = j
				} else {
					end = j + 1
				}
				break scanner
			case c == '\n' && !triple, c == 0:
				p.bail()
			}
			j++
			has = true
		}
		if skipped {
			// \N, \u and \U in bytes: tree-sitter's scanner and lexer
			// disagree on them in ways not worth copying.
			p.bail()
		}
		switch {
		case end >= 0:
			shut(i)
			p.push(KindStringEnd, true, uint32(i), uint32(end))
			return p.endString(mark, t.start, end)
		case content >= 0:
			open(i)
			i = content
		case j < n && src[j] == '\\' && flags&sRaw == 0:
			open(j)
			i = p.escape(j)
		case src[i] == '\\':
			// The scanner found nothing to return (a raw string's
			// backslashes before a brace): the grammar's own tokens
			// take over at i.
			open(i)
			i = p.escape(i)
		case j < n && j == i:
			// a brace at i: handled at the top of the loop
		default:
			p.bail()
		}
	}
}

// escape pushes the escape sequence, or the lone backslash, at src[i] and
// returns the offset after it.
func (p *hparser) escape(i int) int {
	if l := escapeLen(p.src, i); l > 0 {
		p.push(KindEscapeSequence, true, uint32(i), uint32(i+l))
		return i + l
	}
	p.push(KindOther, false, uint32(i), uint32(i+1))
	return i + 1
}

func (p *hparser) endString(mark int, start uint32, end int) int32 {
	p.prevEnd = uint32(end)
	p.pos = end
	id := p.close(KindString, mark, start)
	p.lastColon = false
	p.scan()
	return id
}

// interpolation reads a replacement field (or, in a format specifier, a
// format_expression) whose `{` is at src[i], and returns the offset after
// its `}`.
func (p *hparser) interpolation(i int, kind Kind) int {
	mark, start := len(p.stack), uint32(i)
	p.markRow(start)
	p.depth++
	p.fdepth++
	p.pos = i + 1
	p.lastColon = false
	p.scan()
	m2, s2 := len(p.stack), p.tok.start
	var e int32
	if p.isKw(keyYield) {
		e = p.yieldExpr()
	} else {
		e = p.starExpr()
		if p.isOp(opComma) {
			for p.isOp(opComma) {
				p.drop()
				if !p.canStartExpr() {
					break
				}
				p.starExpr()
			}
			e = p.close(KindExpressionList, m2, s2)
		}
	}
	p.setField(e, FieldExpression)
	if p.isOp(opAssign) {
		p.leaf()
	}
	if p.tok.k == tConv {
		p.setField(p.named(KindTypeConversion), FieldTypeConversion)
	}
	var end int
	if p.isOp(opColon) {
		fmark, fstart := len(p.stack), p.tok.start
		p.markRow(fstart)
		j := int(p.tok.end)
		for {
			if j >= len(p.src) || p.src[j] == '\n' {
				p.bail()
			}
			if p.src[j] == '{' {
				j = p.interpolation(j, KindFormatExpression)
				continue
			}
			if p.src[j] == '}' {
				break
			}
			j++
		}
		p.prevEnd = uint32(j)
		p.setField(p.close(KindFormatSpecifier, fmark, fstart), FieldFormatSpecifier)
		end = j
	} else {
		p.expect(opRBrace)
		end = int(p.tok.start)
	}
	p.markRow(uint32(end))
	p.depth--
	p.fdepth--
	p.prevEnd = uint32(end + 1)
	p.close(kind, mark, start)
	return end + 1
}
