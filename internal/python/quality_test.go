package python

import (
	"context"
	"os"
	"testing"

	sitter "github.com/tree-sitter/go-tree-sitter"
	tspython "github.com/tree-sitter/tree-sitter-python/bindings/go"
)

// bodyLinesReference is the obvious implementation of bodyLines: every line
// any code leaf touches, found by searching. The fast one must agree.
// bodyLinesReference counts the same lines on the official Go bindings'
// tree, which keeps every token: the lines any non-comment leaf of the body
// touches, outside the docstring.
func bodyLinesReference(full *sitter.Tree, tree *Tree, fn *Function) int {
	body := fn.Body()
	if body == None {
		return 0
	}
	b := full.RootNode().DescendantForByteRange(uint(tree.N(body).Start), uint(tree.N(body).End))
	for b != nil && b.Kind() != "block" {
		b = b.Parent()
	}
	if b == nil {
		return -1
	}
	lines := map[uint]bool{}
	var skip *sitter.Node
	if first := b.NamedChild(0); first != nil && first.Kind() == "expression_statement" && first.NamedChild(0) != nil && first.NamedChild(0).Kind() == "string" {
		skip = first
	}
	var walk func(n *sitter.Node)
	walk = func(n *sitter.Node) {
		if (skip != nil && n.Id() == skip.Id()) || n.Kind() == "comment" {
			return
		}
		if n.ChildCount() == 0 && n.EndByte() > n.StartByte() {
			end := n.EndPosition().Row
			if n.EndPosition().Column == 0 && end > n.StartPosition().Row {
				end-- // a token ending in a newline
			}
			for l := n.StartPosition().Row; l <= end; l++ {
				lines[l] = true
			}
			return
		}
		for i := uint(0); i < n.ChildCount(); i++ {
			walk(n.Child(i))
		}
	}
	walk(b)
	return len(lines)
}

func TestBodyLinesMatchesReference(t *testing.T) {
	srcs := map[string][]byte{"inline.py": []byte("def f(x):\n    \"\"\"Doc\n    string.\"\"\"\n    # comment\n\n    y = (x +\n         1\n    )  # trailing\n    s = '''a\nb'''\n    def g():\n        return 2\n    return y\n")}
	for _, name := range []string{"typing.py", "argparse.py", "subprocess.py", "test/test_exceptions.py"} {
		if b, err := os.ReadFile(stdlibFile(name)); err == nil {
			srcs[name] = b
		}
	}
	p := mustParser(t)
	tp := sitter.NewParser()
	defer tp.Close()
	if err := tp.SetLanguage(sitter.NewLanguage(tspython.Language())); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for name, src := range srcs {
		tree, err := p.Parse(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		full := tp.Parse(src, nil)
		defer full.Close()
		m := newModule(name, tree)
		for _, fn := range m.Funcs {
			if got, want := bodyLines(tree, fn), bodyLinesReference(full, tree, fn); got != want {
				t.Errorf("%s: %s(): bodyLines = %d, reference %d", name, fn.Name, got, want)
			}
			checked++
		}
	}
	if checked < 5 {
		t.Fatalf("only %d functions checked", checked)
	}
}

func TestSafePattern(t *testing.T) {
	cases := []struct {
		pat, mode string
		want      Class
	}{
		{`[a-z0-9-]{1,40}`, "fullmatch", AllClasses},
		{`[a-z0-9-]{1,40}`, "match", 0},
		{`[a-z0-9-]{1,40}$`, "match", AllClasses},
		{`^[a-z0-9-]{1,40}$`, "search", AllClasses},
		{`[a-z0-9-]{1,40}$`, "search", 0},
		{`v\d+\.\d+\.\d+`, "fullmatch", AllClasses &^ ClassPath},
		{`[A-Za-z0-9.-]+`, "fullmatch", AllClasses &^ ClassPath},
		{`/[A-Za-z0-9/_.-]*`, "fullmatch", AllClasses &^ (ClassPath | ClassRedirect | ClassSSRF)},
		{`.*`, "fullmatch", 0},
		{`[^<>]+`, "fullmatch", 0},
		{`[a-z ]+`, "fullmatch", AllClasses &^ (ClassShell | ClassSQL | ClassLDAP | ClassXPath | ClassNoSQL | ClassHeader | ClassLog)},
		{`[a-z'"]+`, "fullmatch", 0},
		{`(?:ab|cd)+`, "fullmatch", AllClasses},
		{`[a-z`, "fullmatch", 0},
	}
	for _, c := range cases {
		if got := safePattern(c.pat, c.mode); got != c.want {
			t.Errorf("safePattern(%q, %s) = %b, want %b", c.pat, c.mode, got, c.want)
		}
	}
}
