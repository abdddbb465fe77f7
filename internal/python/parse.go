package python

import (
	"context"
	"errors"
	"runtime"
	"unsafe"

	sitter "github.com/tree-sitter/go-tree-sitter"
	tspython "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

// grammar maps tree-sitter's symbol and field ids to Kind and Field. It is
// built once per Parser and never changes afterwards.
type grammar struct {
	lang    *sitter.Language
	kinds   []Kind
	isNamed []bool
	fields  []Field
}

const errorSymbol = 0xFFFF // ts_builtin_sym_error

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
	g.kinds = make([]Kind, count)
	g.isNamed = make([]bool, count)
	for id := uint32(0); id < count; id++ {
		g.isNamed[id] = lang.NodeKindIsNamed(uint16(id))
		name := lang.NodeKindForId(uint16(id))
		if k, ok := byName[name]; ok && lang.NodeKindIsNamed(uint16(id)) {
			g.kinds[id] = k
		} else {
			g.kinds[id] = KindOther
		}
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

func (g *grammar) kind(sym uint16) Kind {
	if sym == errorSymbol {
		return KindError
	}
	if int(sym) < len(g.kinds) {
		return g.kinds[sym]
	}
	return KindOther
}

func (g *grammar) named(sym uint16) bool {
	if sym == errorSymbol {
		return true
	}
	return int(sym) < len(g.isNamed) && g.isNamed[sym]
}

func (g *grammar) field(id uint16) Field {
	if int(id) < len(g.fields) {
		return g.fields[id]
	}
	return FieldNone
}

// Parser parses Python source into Trees. It is safe for concurrent use: it
// keeps a bounded pool of tree-sitter parsers, which are not.
//
// It drives tree-sitter's C API directly (one call to parse, one to flatten)
// instead of the Go binding's Parser, whose input callback copies the rest of
// the file on every read and whose allocator calls back into Go; the grammar
// and the runtime are the official bindings'.
type Parser struct {
	g    *grammar
	lang unsafe.Pointer
	pool chan *cparser
}

// NewParser loads the grammar.
func NewParser() (*Parser, error) {
	g, err := newGrammar()
	if err != nil {
		return nil, err
	}
	return &Parser{g: g, lang: tspython.Language(), pool: make(chan *cparser, 2*runtime.GOMAXPROCS(0))}, nil
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
	c, err := p.acquire()
	if err != nil {
		return nil, err
	}
	raw, err := c.parse(ctx, src)
	if err != nil {
		p.release(c)
		return nil, err
	}
	t := newTree(src, raw, p.g) // copies raw, which belongs to c
	p.release(c)
	return t, nil
}
