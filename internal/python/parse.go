package python

import (
	"bytes"
	"context"
	"errors"
	"runtime"
	"slices"
	"unsafe"

	sitter "github.com/tree-sitter/go-tree-sitter"
	tspython "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

// grammar maps tree-sitter's symbol and field ids to Kind and Field. It is
// built once per Parser and never changes afterwards.
type grammar struct {
	lang   *sitter.Language
	syms   []symInfo // by symbol id
	fields []Field   // by field id
}

const errorSymbol = 0xFFFF // ts_builtin_sym_error

// dropped are the punctuation tokens the flattener leaves out when they fill
// no field: nothing reads them (their parent's kind and fields say all they
// do), and they are a third of all nodes.
var dropped = map[string]bool{"(": true, ")": true, ",": true, ".": true, ":": true, "[": true, "]": true, "{": true, "}": true, ";": true}

func newGrammar() (*grammar, error) {
	lang := sitter.NewLanguage(tspython.Language())
	if lang == nil {
		return nil, errors.New("load the tree-sitter Python grammar")
	}
	byName := make(map[string]Kind, kindCount)
	for k := KindError; k < kindCount; k++ {
		byName[kindNames[k]] = k
	}
	g := &grammar{lang: lang}
	count := lang.NodeKindCount()
	g.syms = make([]symInfo, count)
	for id := uint32(0); id < count; id++ {
		named := lang.NodeKindIsNamed(uint16(id))
		name := lang.NodeKindForId(uint16(id))
		s := symInfo{kind: KindOther}
		if k, ok := byName[name]; ok && named {
			s.kind = k
		}
		if named {
			s.named = 1
			if name == "line_continuation" {
				// Nothing reads continuations, and tree-sitter keeps
				// them or swallows them as whitespace depending on
				// its state: they are left out.
				s.drop = 1
			}
		} else if dropped[name] {
			s.drop = 1
		}
		g.syms[id] = s
	}
	fieldByName := make(map[string]Field, fieldCount)
	for f := Field(1); f < fieldCount; f++ {
		fieldByName[fieldNames[f]] = f
	}
	fc := lang.FieldCount()
	g.fields = make([]Field, fc+1)
	for id := uint32(1); id <= fc; id++ {
		g.fields[id] = fieldByName[lang.FieldNameForId(uint16(id))]
	}
	return g, nil
}

// Parser parses Python source into Trees. It is safe for concurrent use: it
// keeps a bounded pool of tree-sitter parsers, which are not.
//
// It drives tree-sitter's C API directly (one call to parse, one to flatten)
// instead of the Go binding's Parser, whose input callback copies the rest of
// the file on every read and whose allocator calls back into Go; the grammar
// and the runtime are the official bindings'.
type Parser struct {
	g         *grammar
	lang      unsafe.Pointer
	pool      chan *cparser
	scratches chan *hscratch // one per concurrent parse at most
}

// scratch returns the hand-written parser's working memory for one parse;
// the caller offers it back to p.scratches.
func (p *Parser) scratch() *hscratch {
	select {
	case s := <-p.scratches:
		return s
	default:
		return new(hscratch)
	}
}

// NewParser loads the grammar.
func NewParser() (*Parser, error) {
	g, err := newGrammar()
	if err != nil {
		return nil, err
	}
	n := runtime.GOMAXPROCS(0)
	return &Parser{g: g, lang: tspython.Language(), pool: make(chan *cparser, 2*n), scratches: make(chan *hscratch, n)}, nil
}

// Close frees the pooled C parsers. The Parser must not be used afterwards.
func (p *Parser) Close() {
	for {
		select {
		case c := <-p.pool:
			c.close()
		default:
			return
		}
	}
}

func (p *Parser) acquire() (*cparser, error) {
	select {
	case c := <-p.pool:
		return c, nil
	default:
		return newCParser(p.lang)
	}
}

func (p *Parser) release(c *cparser) {
	select {
	case p.pool <- c:
	default:
		c.close()
	}
}

// Parse parses src. Syntax errors do not fail the parse: the tree holds what
// parsed, and Tree.ErrorLines says where recovery happened. It fails only
// when ctx ends or the parser cannot run.
func (p *Parser) Parse(ctx context.Context, src []byte) (*Tree, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	lines := bytes.Count(src, []byte{'\n'}) + 1
	punct := make([]uint64, (lines+63)/64)
	scratch := p.scratch()
	nodes, ok := hparse(src, punct, scratch)
	select {
	case p.scratches <- scratch:
	default:
	}
	if ok {
		return newTree(src, nodes, punct), nil
	}
	return p.parseTreeSitter(ctx, src, punct)
}

// parseTreeSitter parses src with tree-sitter: the reference for the
// hand-written parser, and the parser of everything it leaves alone.
func (p *Parser) parseTreeSitter(ctx context.Context, src []byte, punct []uint64) (*Tree, error) {
	c, err := p.acquire()
	if err != nil {
		return nil, err
	}
	nodes, err := c.parse(ctx, src, p.g, punct)
	if err != nil {
		p.release(c)
		return nil, err
	}
	t := newTree(src, slices.Clone(nodes), punct) // nodes belong to c
	p.release(c)
	return t, nil
}
