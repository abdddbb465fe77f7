package python

import (
	"context"
	"os"
	"testing"
)

// bodyLinesReference is the obvious implementation of bodyLines: every line
// any code leaf touches, found by searching. The fast one must agree.
func bodyLinesReference(t *Tree, fn *Function) int {
	body := fn.Body()
	if body == None {
		return 0
	}
	lines := map[int]bool{}
	first := t.FirstNamed(body)
	skip := None
	if first != None && t.Kind(first) == KindExpressionStatement && t.Kind(t.FirstNamed(first)) == KindString {
		skip = first
	}
	var walk func(id NodeID)
	walk = func(id NodeID) {
		if id == skip || t.Kind(id) == KindComment {
			return
		}
		n := t.N(id)
		if n.FirstChild == None && n.End > n.Start {
			for l := t.Line(id); l <= t.EndLine(id); l++ {
				lines[l] = true
			}
			return
		}
		for c := n.FirstChild; c != None; c = t.N(c).NextSibling {
			walk(c)
		}
	}
	walk(body)
	return len(lines)
}

func TestBodyLinesMatchesReference(t *testing.T) {
	srcs := map[string][]byte{"inline.py": []byte("def f(x):\n    \"\"\"Doc\n    string.\"\"\"\n    # comment\n\n    y = (x +\n         1)  # trailing\n    s = '''a\nb'''\n    def g():\n        return 2\n    return y\n")}
	for _, name := range []string{"typing.py", "argparse.py", "subprocess.py"} {
		if b, err := os.ReadFile(stdlibFile(name)); err == nil {
			srcs[name] = b
		}
	}
	p := mustParser(t)
	checked := 0
	for name, src := range srcs {
		tree, err := p.Parse(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		m := newModule(name, tree)
		for _, fn := range m.Funcs {
			if got, want := bodyLines(tree, fn), bodyLinesReference(tree, fn); got != want {
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
