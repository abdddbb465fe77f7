package python

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
)

const stdlibDir = "/root/.pyenv/versions/3.12.1/lib/python3.12"

// analyzeBounded runs the engine over src and fails when it panics, errors or
// takes longer than limit. The analysis runs on its own goroutine so that a
// run-away input fails the test (and is saved by the fuzzer) instead of
// hanging it.
func analyzeBounded(t testing.TB, e *Engine, path string, src []byte, limit time.Duration) analysis.Report {
	t.Helper()
	type result struct {
		rep analysis.Report
		err error
		pan any
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		var r result
		defer func() {
			r.pan = recover()
			done <- r
		}()
		r.rep, r.err = e.Analyze(context.Background(), &analysis.Unit{Path: path, Content: src})
	}()
	select {
	case r := <-done:
		if r.pan != nil {
			t.Fatalf("%s: panic: %v", path, r.pan)
		}
		if r.err != nil {
			t.Fatalf("%s: %v", path, r.err)
		}
		if d := time.Since(start); d > limit {
			t.Fatalf("%s: analysis took %v, limit %v", path, d, limit)
		}
		return r.rep
	case <-time.After(limit):
		t.Fatalf("%s: analysis still running after %v (%d bytes of input)", path, limit, len(src))
	}
	return analysis.Report{}
}

// TestPathologicalInputs checks that deeply nested or repetitive code stays
// within the step budget instead of running away.
func TestPathologicalInputs(t *testing.T) {
	e := mustEngine(t)
	chain := strings.Repeat("a = a + a\n", 10000)
	cases := []struct {
		name string
		src  string
	}{
		{"nested parentheses", "x = " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + "\n"},
		{"unclosed parentheses", "x = " + strings.Repeat("(", 5000) + "\n"},
		{"chained self-concatenation", "a = 'x'\n" + chain},
		{"chained self-concatenation in a function", "def f(a):\n" + indent(chain) + "    return a\n"},
		{"nested lists", "x = " + strings.Repeat("[", 3000) + strings.Repeat("]", 3000) + "\n"},
		{"nested calls", "x = " + strings.Repeat("f(", 3000) + "1" + strings.Repeat(")", 3000) + "\n"},
		{"deep if nesting", nestedIfs(400)},
		{"long elif chain", elifChain(3000)},
		{"many loops over a growing dict", loops(300)},
		{"container DAG joined on every branch", "def f(x, c):\n" + strings.Repeat("    if c:\n        x = [x, x]\n", 3000) + "    return x\n"},
		{"many constant keys stored", "d = {}\n" + manyStores(10000)},
		{"long constant joins", "s = 'x' * 60000\nparts = [s, s, s, s]\n" + strings.Repeat("s = ''.join(parts)\nparts = [s, s]\n", 200)},
		{"mutual recursion", "def f(x):\n    return g(x + x)\ndef g(x):\n    return f(x + x)\nf(1)\n"},
		{"binary operator chain", "x = " + strings.Repeat("a + ", 20000) + "a\n"},
		{"string concatenation", "x = " + strings.Repeat("'ab' ", 20000) + "\n"},
		{"nul bytes and invalid UTF-8", "x = '\x00\xff\xfe'\n\xff\xfe\n"},
		{"empty", ""},
		{"cyclic inheritance", "class A(B):\n    def f(self):\n        return self.g()\nclass B(A):\n    def g(self):\n        return super().f()\nA().f()\n"},
		{"self inheritance and super chains", "class A(A):\n    def __init__(self):\n        super().__init__()\n        self.x = self.x\nA()\n"},
		{"recursive properties", "class P:\n    @property\n    def a(self):\n        return self.b\n    @property\n    def b(self):\n        return self.a\nP().a\n"},
		{"partial of partial", "import functools\np = functools.partial(print)\n" + strings.Repeat("p = functools.partial(p, 1)\n", 500) + "p()\n"},
		{"recursive validators", "def ok(x):\n    return ok(x) and x.startswith('https://a/')\nif ok(y):\n    pass\n"},
		{"long inheritance chain", longHierarchy(300)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			analyzeBounded(t, e, "p.py", []byte(c.src), 20*time.Second)
		})
	}
}

func longHierarchy(n int) string {
	var b strings.Builder
	b.WriteString("class C0:\n    def __init__(self, v):\n        self.v = v\n    def run(self):\n        return self.v\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "class C%d(C%d):\n    def __init__(self, v):\n        super().__init__(v)\n", i, i-1)
	}
	fmt.Fprintf(&b, "C%d(input()).run()\n", n-1)
	return b.String()
}

func manyStores(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("d['k" + itoa(int64(i)) + "'] = d\n")
	}
	return b.String()
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}

func nestedIfs(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i))
		b.WriteString("if x:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "y = x + x\n")
	return b.String()
}

func elifChain(n int) string {
	var b strings.Builder
	b.WriteString("def f(x, y):\n    if x == 0:\n        y = y + y\n")
	for i := 1; i < n; i++ {
		b.WriteString("    elif x == " + itoa(int64(i)) + ":\n        y = y + y\n")
	}
	b.WriteString("    return y\n")
	return b.String()
}

func loops(n int) string {
	var b strings.Builder
	b.WriteString("def f(d, k):\n")
	for i := 0; i < n; i++ {
		b.WriteString("    for x in d:\n        d[k] = d[x] + d[k]\n        while d:\n            d = {k: d}\n")
	}
	return b.String()
}

// FuzzAnalyze feeds arbitrary bytes to the engine as a Python file: it must
// not panic, must not fail, and must return within a bounded time.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte("import os\nos.system(input())\n"))
	f.Add([]byte("from flask import request\n@app.route('/')\ndef v():\n    q = request.args['q']\n    cur.execute(f'SELECT {q}')\n"))
	f.Add([]byte("class C:\n    def m(self, x=[]):\n        try:\n            pass\n        except:\n            pass\n"))
	f.Add([]byte("match x:\n    case {'a': [b, *c]} if b:\n        eval(c)\n    case _:\n        pass\n"))
	f.Add([]byte("x = (" + strings.Repeat("(", 200) + "\n"))
	f.Add([]byte("def f(a, /, b, *, c=lambda: (yield)):\n    global g\n    async with a as (b, c): await b\n"))
	f.Add([]byte("s = '%(a)s %' % {'a': b}\nt = '{0[}'.format(x)\nu = f'{x!r:{y}}'\n"))
	for _, name := range []string{"typing.py", "argparse.py"} {
		if src, err := os.ReadFile(stdlibFile(name)); err == nil {
			f.Add(src[:min(len(src), 4096)])
		}
	}
	e, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(e.Close)
	f.Fuzz(func(t *testing.T, src []byte) {
		analyzeBounded(t, e, "fuzz.py", src, 10*time.Second)
	})
}

// TestStdlibParses runs the full engine over every .py file of the CPython
// standard library: no error, no panic, no file left unparsed.
func TestStdlibParses(t *testing.T) {
	if testing.Short() {
		t.Skip("long: every file of the standard library")
	}
	if _, err := os.Stat(stdlibDir); err != nil {
		t.Skip("no CPython standard library here:", err)
	}
	var files []string
	err := filepath.WalkDir(stdlibDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "site-packages" || d.Name() == "lib2to3" && strings.Contains(p, "tests")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".py") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	e := mustEngine(t)
	p := mustParser(t)
	var syntaxErrs, budget int
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(stdlibDir, f)
		tree, err := p.Parse(context.Background(), src)
		if err != nil {
			t.Errorf("%s: parse: %v", rel, err)
			continue
		}
		if len(tree.ErrorLines) > 0 {
			syntaxErrs++
		}
		rep, err := e.Analyze(context.Background(), &analysis.Unit{Path: rel, Content: src})
		if err != nil {
			t.Errorf("%s: analyze: %v", rel, err)
			continue
		}
		for _, n := range rep.Notes {
			if strings.Contains(n.Text, "budget") {
				budget++
			}
		}
	}
	t.Logf("%d files, %d with syntax the grammar recovered from (test data for bad syntax, Python 2 files), %d stopped at the step budget",
		len(files), syntaxErrs, budget)
	// The standard library's own bad-syntax test files are the only ones
	// expected to need recovery; anything more means the grammar regressed.
	if syntaxErrs > len(files)/50 {
		t.Errorf("%d of %d files did not parse cleanly", syntaxErrs, len(files))
	}
}

// BenchmarkAnalyze runs the full engine over a few large standard-library
// files and reports throughput.
func BenchmarkAnalyze(b *testing.B) {
	var srcs [][]byte
	var total int64
	for _, name := range []string{"typing.py", "argparse.py", "subprocess.py", "tarfile.py", "email/_header_value_parser.py"} {
		src, err := os.ReadFile(stdlibFile(name))
		if err != nil {
			b.Skip("no CPython standard library here:", err)
		}
		srcs = append(srcs, src)
		total += int64(len(src))
	}
	e := mustEngine(b)
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		for i, src := range srcs {
			if _, err := e.Analyze(context.Background(), &analysis.Unit{Path: "lib/m" + itoa(int64(i)) + ".py", Content: src}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkAnalyzeBatchStdlib analyses the whole standard library as one
// batch (parse, import graph, interpretation on every core), the work of
// `patchpatrol scan` without the secrets detector and the report. Run it
// with -benchtime=1x or 3x: one iteration takes seconds.
func BenchmarkAnalyzeBatchStdlib(b *testing.B) {
	if _, err := os.Stat(stdlibDir); err != nil {
		b.Skip("no CPython standard library here:", err)
	}
	units, total := readPython(b, stdlibDir, stdlibDir)
	e := mustEngine(b)
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		if _, err := e.AnalyzeBatch(context.Background(), units); err != nil {
			b.Fatal(err)
		}
	}
}
