package python

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// compareHand parses src with both parsers. It returns "" when the
// hand-written parser gives up or both trees are identical, and otherwise a
// description of the first difference. skip reports that tree-sitter itself
// found a syntax error, so there is nothing to compare against.
func compareHand(t testing.TB, p *Parser, src []byte) (diff string, bailed, skip bool) {
	t.Helper()
	lines := bytes.Count(src, []byte{'\n'}) + 1
	ref, err := p.parseTreeSitter(context.Background(), src, make([]uint64, (lines+63)/64))
	if err != nil {
		t.Fatal(err)
	}
	if len(ref.ErrorLines) > 0 {
		return "", false, true
	}
	punct := make([]uint64, (lines+63)/64)
	nodes, at := hparseAt(src, punct, nil)
	if at >= 0 {
		if os.Getenv("PP_PARSE_BAILS") != "" {
			at = min(at, len(src))
			line := bytes.Count(src[:at], []byte{'\n'}) + 1
			ls := bytes.LastIndexByte(src[:at], '\n') + 1
			t.Logf("gave up at line %d: %q | %q", line, strings.SplitN(string(src[at:]), "\n", 2)[0], strings.SplitN(string(src[ls:]), "\n", 2)[0])
		}
		return "", true, false
	}
	got := newTree(src, nodes, punct)
	show := func(tr *Tree, i int) string {
		if i >= len(tr.Nodes) {
			return "(none)"
		}
		n := tr.Nodes[i]
		name := n.Kind.String()
		if !n.Named {
			name = "'" + tr.Text(NodeID(i)) + "'"
		}
		path := ""
		for a := n.Parent; a != None; a = tr.Nodes[a].Parent {
			path = tr.Nodes[a].Kind.String() + "/" + path
		}
		return fmt.Sprintf("%s%s field=%s [%d,%d) parent=%d first=%d next=%d line %d %q", path, name, n.Field, n.Start, n.End, n.Parent, tr.First(NodeID(i)), n.NextSibling, tr.Line(NodeID(i)), trunc(tr.Text(NodeID(i))))
	}
	shallow := func(n Node) Node { n.Parent, n.NextSibling = 0, 0; return n }
	for i := 0; i < len(ref.Nodes) || i < len(got.Nodes); i++ {
		if i >= len(ref.Nodes) || i >= len(got.Nodes) || shallow(ref.Nodes[i]) != shallow(got.Nodes[i]) {
			return fmt.Sprintf("node %d\n  want %s\n  got  %s", i, show(ref, i), show(got, i)), false, false
		}
	}
	for i := range ref.Nodes {
		if ref.Nodes[i] != got.Nodes[i] {
			return fmt.Sprintf("node %d\n  want %s\n  got  %s", i, show(ref, i), show(got, i)), false, false
		}
	}
	if !slices.Equal(ref.punct, got.punct) {
		for w := range ref.punct {
			if ref.punct[w] != got.punct[w] {
				return fmt.Sprintf("punctuation lines differ near line %d: want %b got %b", w*64+1, ref.punct[w], got.punct[w]), false, false
			}
		}
	}
	return "", false, false
}

// TestHandParserMatchesTreeSitter requires the hand-written parser to build
// exactly tree-sitter's tree, or to give up, on snippets that cover the
// grammar and on every Python file of the directories in PP_PARSE_CORPUS
// (colon-separated; CI points it at the standard libraries under pyenv).
func TestHandParserMatchesTreeSitter(t *testing.T) {
	p := mustParser(t)
	defer p.Close()
	for _, src := range handSnippets {
		diff, bailed, skip := compareHand(t, p, []byte(src))
		if diff != "" {
			t.Errorf("%q:\n%s", src, diff)
		}
		if bailed || skip {
			t.Errorf("%q: the hand-written parser gave up (bailed %v, tree-sitter error %v)", src, bailed, skip)
		}
	}
	for _, src := range handBails {
		punct := make([]uint64, 1+len(src)/64)
		if _, ok := hparse([]byte(src), punct, nil); ok {
			t.Errorf("%q: the hand-written parser did not leave this to tree-sitter", src)
		}
	}
	dirs := os.Getenv("PP_PARSE_CORPUS")
	if dirs == "" {
		if _, err := os.Stat(stdlibDir); err != nil {
			return
		}
		dirs = stdlibDir
	}
	files, bails, skips, bytesAll, bytesBailed := 0, 0, 0, 0, 0
	var bailedFiles []string
	for _, dir := range strings.Split(dirs, ":") {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".py") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			files++
			bytesAll += len(src)
			diff, bailed, skip := compareHand(t, p, src)
			switch {
			case diff != "":
				t.Errorf("%s: %s", path, diff)
			case bailed:
				bails++
				bytesBailed += len(src)
				bailedFiles = append(bailedFiles, path)
			case skip:
				skips++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d files: %d handled, %d left to tree-sitter (%.1f%% of bytes), %d with tree-sitter errors", files, files-bails-skips, bails, 100*float64(bytesBailed)/float64(bytesAll), skips)
	if os.Getenv("PP_PARSE_BAILS") != "" {
		for _, f := range bailedFiles {
			t.Log("left to tree-sitter:", f)
		}
	}
}

var handSnippets = []string{
	"a, b\nc = 1\n",
	"x = 1,\ny = 2\n",
	"if x:\n    f(a), b,\n\n    # c\ndef g(): pass\n",
	"a.b, c.d  # c\nelse_ = 1\n",
	"a, b,\n",
	"x, y = z\n(c)\n",
	"f(a), b,\n# c\n\nz.y = 0\n",
	"self.f(x),\nself.g(y)\n",
	"type(x).y = 1\ntype(x)\nz = 1\n",
	"A: *A=0\nx: *a[b] = 1\ndef f(a: *A=1): pass\nx: *A\n",
	"x = 1_000 + 0x_ff + 0b1_0 + 1_.5 + 1e1_0 + 1_j + 0o7_7L + 1_\n",
	"x, y = f(a,\n  b)\n[c] = d\n",
	"",
	"\n  \n",
	"# only\n",
	"x = 1",
	"\xef\xbb\xbfx = 1\n",
	"x = 1  # c\nif a:\n    b(1, *c)\n    # trailing\n# outer\nelse:\n  pass\n\n",
	"def f():\n    x\n    # t1\n  # t2\n# t3\n\nclass A(B, metaclass=M):\n    if a: pass  # c\n    elif b:\n        y = (1  # in\n        )\n    x = [\n     1,\n    ]\n# end\n",
	"def f():\n    x\n    # trailing",
	"def f():\n\tif x:\n\t\treturn 1\n\treturn 2\n",
	"# lead\n\nwith open(f) as g, (a):\n    pass\ntry:\n    pass\nexcept (A, B) as e:  # c\n    pass\nexcept E as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
	"@dec  # cc\n@d2.x(1)\ndef f(a, *b: int, c=1, d: int = 2, *, e, **k) -> X:\n    # first\n    return a if b else c\n",
	"def g(a, /, b, *, c): pass\nlambda: 0\nlambda x, *y, z=1, **k: (x, y)\nasync def h():\n    async with a as b: pass\n    async for i in x: await i\n",
	"x = \"a\\nb\\\\q\\d\" + b'\\x41' + r\"\\n\" f\"{a!r:>{w}} {{z}} {b=}\" u''\n",
	"s = '''a\nb''' + \"\"\"c\\\"\"\"\" + r'\\\\' + rb'\\'' + f'{x:{y}.{z}f}' + f\"{'a' if b else 'c'}\" + rf'\\{x}'\n",
	"if a not in b is not c: del a, b\nfrom ...a.b import (c as d, e,)\nfrom . import *\nimport a.b as c, d\nfrom __future__ import annotations\n",
	"a, *b = c = d[1:2, ::3], e\nx: int = {k: v for k, v in y if k} | {1, *s} | {**m, \"a\": 1}\n",
	"f(a, *b, c=lambda x, *y: x, **d)[0].e += -1 ** 2\ng(x for x in y)\nz = [i async for i in aiter()]\n",
	"r = not a and b or c\nq = (yield)\nn = 0x_1F + 1.5e3j + .5 + 1_0 + 1e5 + 0o7 + 0b1\nt = (), (1,), [], {}, ...\n",
	"def f(x: list[int], y: int | None = None, *a: \"s\", **k: Dict[str, A.b]) -> Optional[int]: pass\n",
	"a: list[int] | None\nb: typing.List[int]\nc: Callable[[int], str]\nd: int | None\ne: type[A] | type[B] | None = x\nf: X[int].y\n",
	"global a, b\nnonlocal c\nassert x, 'm'\nraise E from e\nraise\nreturn\nwhile x:\n    break\nelse:\n    continue\n",
	"for (a, b), c in d:\n    pass\nfor x in a, b:\n    pass\nx = [y for y in a, b]\n",
	"x = a if b else c if d else e\ny = (z := 3)\nprint(*a, sep='')\nf(*a.b, *c())\nx = [*a, *b.c]\n",
	"x = a + \\\n  b\ny = 'a' \\\n  'b'\n",
	"with (open(a) as f, open(b) as g,):\n    pass\nwith (a, b):\n    pass\nwith (a) as b, c:\n    pass\n",
	"x = {**a, 'b': 1}\ny = {a: b for a, b in c}\nz = {a for a in b if c if d}\nw = (a for a in b)\nv = [[*a, b]]\n",
	"class A:\n    x: int = 1\n    def f(self) -> 'A': ...\n\n\nclass B(A): pass\n",
	"if x:\n    pass\n# c1\n    # c2\nelif y:\n    pass\n",
	"def f():\n    return (\n        a  # x\n    )  # y\n# z\n",
	"type(m).foo = 1\ntype(m).a.b = x, y\ntype X = int\ntype(self).n -= 1\ntype = 3\n",
	"try:\n    pass\nexcept* ValueError as e:\n    pass\nexcept* (A, B):\n    pass\n",
	"def f():\n    áóí = 20\n    return 10 + áóí / 0\n",
	"match x, y:  # m\n    # first\n    case 1 | 2:\n        pass\n    case [a, *rest] if a > 0:\n        pass\n    case {\"k\": v, **kw}:\n        pass\n    case Point(x=0, y=yy) as p:\n        pass\n    case -1 | 1.5 | -2+3j | \"s\" \"t\" | None | a.b:\n        pass\n    case (a, b) | [c, d]:\n        pass\n    case _:\n        pass\n    # last\n",
	"match = 1\nmatch(x)\nmatch.x = 2\n",
	"def func1(*args: *Ts): pass\nx: *Ts\ny: tuple[*Ts]\ndef func2(*args: *tuple[int, str]): pass\n",
	"x = [*a.b]\ny = {*f()}\nz = A[*tuple[int, ...]]\nw = *a.b, c\nreturn *f(), *g.h\nv = [*a.b, c]\nprint(x, *a)\n",
}

var handBails = []string{
	"a = b, 0\n().c\n",
	"ty, 0\n(0).a = 0\n",
	"0, *a.b\n",
	"a, b,\nz = 0\n",
	"a.b, c[0],\nz.y = 0\n",
	"(a, b),\nz = 0\n",
	"f(a).b, c,\nz = 0\n",
	"a, b\n.5\n",
	"a, 0  # c\n(0).A = 0\n",
	"0000000000._\n",
	"x: *a.b = 1\n",
	"A: *A[0]\n",
	"type()\n() = 0\n",
	"type(x).y\n[0] = 1\n",
	"1__2\n",
	"0x1__2\n",
	"del a, b\n(0).A = 0\n",
	"x = y = a, b\n[0].c = 1\n",
	"match x:\n    case y   ",
	"x = b'\\N{x}'\n",
	"typ,\nz = 0\n",
	"x = " + strings.Repeat("(", 2000) + "1" + strings.Repeat(")", 2000) + "\n",
	"x = " + strings.Repeat("-", 2000) + "1\n",
	"print 'x'\n",

	"def f[T](x: T) -> T: pass\n",
	"x = (\n",
}

// BenchmarkParseStdlib parses the standard library file by file on one
// core, with the parser the analyzer uses (hand-written, falling back to
// tree-sitter) and with tree-sitter alone.
func BenchmarkParseStdlib(b *testing.B) {
	if _, err := os.Stat(stdlibDir); err != nil {
		b.Skip("no CPython standard library here:", err)
	}
	units, total := readPython(b, stdlibDir, stdlibDir)
	p := mustParser(b)
	defer p.Close()
	ctx := context.Background()
	b.Run("parser", func(b *testing.B) {
		b.SetBytes(total)
		for b.Loop() {
			for _, u := range units {
				if _, err := p.Parse(ctx, u.Content); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("tree-sitter", func(b *testing.B) {
		b.SetBytes(total)
		for b.Loop() {
			for _, u := range units {
				punct := make([]uint64, 1+bytes.Count(u.Content, []byte{'\n'})/64)
				if _, err := p.parseTreeSitter(ctx, u.Content, punct); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// FuzzHandParser requires the hand-written parser never to fail other than
// by giving up, and to build tree-sitter's tree whenever it does not give up
// on source tree-sitter parses without error.
func FuzzHandParser(f *testing.F) {
	for _, s := range handSnippets {
		f.Add([]byte(s))
	}
	for _, s := range handBails {
		f.Add([]byte(s))
	}
	p := mustParser(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		if diff, _, _ := compareHand(t, p, src); diff != "" {
			t.Errorf("%q:\n%s", src, diff)
		}
	})
}
