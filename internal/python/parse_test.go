package python

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	sitter "github.com/tree-sitter/go-tree-sitter"
	tspython "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

func mustParser(t testing.TB) *Parser {
	t.Helper()
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGrammarNames(t *testing.T) {
	lang := sitter.NewLanguage(tspython.Language())
	for k := KindError + 1; k < kindCount; k++ {
		if lang.IdForNodeKind(kindNames[k], true) == 0 {
			t.Errorf("kind %q is not a named node of the grammar", kindNames[k])
		}
	}
	for f := Field(1); f < fieldCount; f++ {
		if lang.FieldIdForName(fieldNames[f]) == 0 {
			t.Errorf("field %q is not in the grammar", fieldNames[f])
		}
	}
}

// TestFlattenMatchesBindings walks the same tree through the official Go
// bindings and through the C flattener and requires identical results.
func TestFlattenMatchesBindings(t *testing.T) {
	src := []byte("import os\n\ndef f(a, b=1, *c, **d):\n    x = a + b  # c\n    return f\"{x!r:>10}\" if x else \\\n      os.path.join(a, 'b')\n\nclass C(B, metaclass=M):\n    @dec\n    async def g(self): await h()\nif (\n  broken\n")
	p := mustParser(t)
	tree, err := p.parseTreeSitter(context.Background(), src, make([]uint64, 1))
	if err != nil {
		t.Fatal(err)
	}
	tp := sitter.NewParser()
	defer tp.Close()
	if err := tp.SetLanguage(sitter.NewLanguage(tspython.Language())); err != nil {
		t.Fatal(err)
	}
	ts := tp.Parse(src, nil)
	defer ts.Close()
	c := ts.Walk()
	defer c.Close()
	i, dropSeen := 0, 0
	var walk func(parent NodeID)
	walk = func(parent NodeID) {
		n := c.Node()
		if !n.IsMissing() && c.FieldName() == "" && n.ChildCount() == 0 && (!n.IsNamed() && dropped[n.Kind()] || n.Kind() == "line_continuation") {
			dropSeen++
			return
		}
		id := NodeID(i)
		i++
		if int(id) >= len(tree.Nodes) {
			t.Fatalf("flattened tree has only %d nodes", len(tree.Nodes))
		}
		got := tree.N(id)
		want := n.GrammarName()
		if n.IsError() {
			want = "ERROR"
		}
		if got.Kind != KindOther && got.Kind.String() != n.Kind() && !(got.Kind == KindError && n.IsError()) {
			t.Errorf("node %d: kind %s, bindings say %s (%s)", id, got.Kind, n.Kind(), want)
		}
		if uint(got.Start) != n.StartByte() || uint(got.End) != n.EndByte() {
			t.Errorf("node %d (%s): bytes %d-%d, bindings say %d-%d", id, n.Kind(), got.Start, got.End, n.StartByte(), n.EndByte())
		}
		if got.Parent != parent {
			t.Errorf("node %d (%s): parent %d, want %d", id, n.Kind(), got.Parent, parent)
		}
		if got.Named != n.IsNamed() || got.Missing != n.IsMissing() {
			t.Errorf("node %d (%s): named/missing flags differ", id, n.Kind())
		}
		if fn := c.FieldName(); fn != got.Field.String() && !(fn == "" && got.Field == FieldNone) {
			t.Errorf("node %d (%s): field %q, bindings say %q", id, n.Kind(), got.Field, fn)
		}
		if int(n.StartPosition().Row)+1 != tree.Line(id) || int(n.StartPosition().Column)+1 != tree.Column(id) {
			t.Errorf("node %d (%s): position %d:%d, bindings say %d:%d", id, n.Kind(), tree.Line(id), tree.Column(id),
				n.StartPosition().Row+1, n.StartPosition().Column+1)
		}
		if c.GotoFirstChild() {
			for {
				walk(id)
				if !c.GotoNextSibling() {
					break
				}
			}
			c.GotoParent()
		}
	}
	walk(None)
	if i != len(tree.Nodes) {
		t.Errorf("bindings saw %d nodes, flattener %d", i, len(tree.Nodes))
	}
	if len(tree.ErrorLines) == 0 {
		t.Error("syntax error not recorded")
	}
	// The links agree with the parents: each node's children, in order,
	// are exactly the later nodes that name it as their parent.
	for id := range tree.Nodes {
		var viaLinks, viaParents []NodeID
		for c := tree.First(NodeID(id)); c != None; c = tree.N(c).NextSibling {
			viaLinks = append(viaLinks, c)
		}
		for c := range tree.Nodes {
			if tree.N(NodeID(c)).Parent == NodeID(id) {
				viaParents = append(viaParents, NodeID(c))
			}
		}
		if fmt.Sprint(viaLinks) != fmt.Sprint(viaParents) {
			t.Errorf("node %d: children by links %v, by parents %v", id, viaLinks, viaParents)
		}
	}
	if dropSeen == 0 {
		t.Error("no punctuation was left out")
	}
	for id := range tree.Nodes {
		if n := tree.N(NodeID(id)); !n.Named && dropped[tree.Text(NodeID(id))] && n.Field == FieldNone && !n.Missing {
			t.Errorf("node %d: punctuation %q kept", id, tree.Text(NodeID(id)))
		}
	}
}

func TestParseCancelled(t *testing.T) {
	p := mustParser(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Parse(ctx, []byte("x = 1\n")); err == nil {
		t.Fatal("cancelled parse succeeded")
	}
	// The parser must still work afterwards.
	tree, err := p.Parse(context.Background(), []byte("x = 1\n"))
	if err != nil || tree.Kind(0) != KindModule {
		t.Fatalf("parse after cancel: %v", err)
	}
}

func TestLineText(t *testing.T) {
	p := mustParser(t)
	tree, err := p.Parse(context.Background(), []byte("a = 1\r\nb = 2\nc"))
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"a = 1", "b = 2", "c"} {
		if got := tree.LineText(i + 1); got != want {
			t.Errorf("line %d = %q, want %q", i+1, got, want)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile(stdlibFile("typing.py"))
	if err != nil {
		b.Skip("no CPython standard library here:", err)
	}
	p := mustParser(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := p.Parse(context.Background(), src); err != nil {
			b.Fatal(err)
		}
	}
}

func stdlibFile(name string) string {
	for _, v := range []string{"3.11.7", "3.12.1", "3.13.0"} {
		p := "/root/.pyenv/versions/" + v + "/lib/python" + strings.Join(strings.Split(v, ".")[:2], ".") + "/" + name
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return name
}
