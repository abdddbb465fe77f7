package python

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// render writes every finding with its whole trace, so two runs compare
// exactly.
func render(reps []analysis.Report) string {
	var b strings.Builder
	for _, r := range reps {
		for _, f := range r.Findings {
			fmt.Fprintf(&b, "%s:%d:%d %s CWE-%d %s %s %s|", f.Path, f.Line, f.Column, f.RuleID, f.CWE, f.Severity, f.Confidence, f.Message)
			for _, s := range f.Trace {
				fmt.Fprintf(&b, " %s:%d:%d %s;", s.Path, s.Line, s.Column, s.Message)
			}
			b.WriteByte('\n')
		}
		for _, n := range r.Notes {
			fmt.Fprintf(&b, "note %s %s\n", n.Path, n.Text)
		}
	}
	return b.String()
}

// batchWithin analyses units and fails when that takes longer than limit,
// which is how a scheduling deadlock would show.
func batchWithin(t *testing.T, e *Engine, units []*analysis.Unit, limit time.Duration) []analysis.Report {
	t.Helper()
	type result struct {
		reps []analysis.Report
		err  error
	}
	done := make(chan result, 1)
	go func() {
		reps, err := e.AnalyzeBatch(context.Background(), units)
		done <- result{reps, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.reps
	case <-time.After(limit):
		buf := make([]byte, 1<<20)
		t.Fatalf("AnalyzeBatch did not finish in %v:\n%s", limit, buf[:runtime.Stack(buf, true)])
		return nil
	}
}

// cyclicProject imports in every shape the scheduler must survive: a
// module-level cycle, a lazy import closing a cycle with a module-level
// one, lazy imports both ways, and a chain of helpers that carries request
// data into sinks across modules.
var cyclicProject = map[string]string{
	"app/__init__.py": "",
	"app/a.py": `import app.b

def quote(x):
    return app.b.wrap(x)

def run(cmd):
    import os
    os.system(cmd)
`,
	"app/b.py": `import app.a

def wrap(x):
    return "'" + x + "'"

def later(x):
    from app import c
    return c.exec_sql(x)
`,
	"app/c.py": `import sqlite3

def exec_sql(q):
    from app import d
    d.touch()
    sqlite3.connect("x.db").execute("SELECT * FROM t WHERE n = '%s'" % q)

def helper(v):
    return v
`,
	"app/d.py": `def touch():
    from app import c
    return c.helper(1)
`,
	"app/views.py": `from flask import Flask, request
from app import a, b

app = Flask(__name__)

@app.route("/run")
def run_view():
    a.run(a.quote(request.args["cmd"]))
    return "ok"

@app.route("/q")
def q_view():
    return str(b.later(request.args.get("q")))
`,
}

// TestBatchSchedulingDeterministic runs the same batches with one, two and
// eight workers, many times over: the reports, traces included, must not
// change, and no run may hang.
func TestBatchSchedulingDeterministic(t *testing.T) {
	var units []*analysis.Unit
	for _, p := range sortedKeys(cyclicProject) {
		units = append(units, &analysis.Unit{Path: p, Content: []byte(cyclicProject[p])})
	}
	sets := map[string][]*analysis.Unit{"cyclic": units}
	if std := stdlibPackages(t, "email", "http", "urllib", "xml", "logging", "json", "importlib", "concurrent", "asyncio",
		"runpy.py", "pkgutil.py", "pydoc.py", "inspect.py", "site.py", "_sitebuiltins.py", "sysconfig.py", "zipimport.py", "shutil.py", "tarfile.py", "zipfile", "modulefinder.py", "dis.py", "opcode.py"); len(std) > 0 {
		sets["stdlib"] = std
	}
	e := mustEngine(t)
	for name, us := range sets {
		t.Run(name, func(t *testing.T) {
			var want string
			for _, procs := range []int{1, 2, 8, 2, 8} {
				prev := runtime.GOMAXPROCS(procs)
				got := render(batchWithin(t, e, us, 2*time.Minute))
				runtime.GOMAXPROCS(prev)
				if want == "" {
					want = got
					continue
				}
				if got != want {
					t.Fatalf("GOMAXPROCS=%d changed the reports:\n%s", procs, firstDiff(want, got))
				}
			}
			if name == "cyclic" {
				reps := batchWithin(t, e, us, time.Minute)
				for _, rule := range []string{"CWE-78", "CWE-89"} {
					if !hasCWE(reps, rule) {
						t.Errorf("the cross-module %s flow was not reported:\n%s", rule, want)
					}
				}
			}
		})
	}
}

func hasCWE(reps []analysis.Report, cwe string) bool {
	for _, r := range reps {
		for _, f := range r.Findings {
			if f.Kind == finding.KindSecurity && fmt.Sprintf("CWE-%d", f.CWE) == cwe {
				return true
			}
		}
	}
	return false
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return "- " + la[i] + "\n+ " + lb[i]
		}
	}
	return fmt.Sprintf("%d lines against %d", len(la), len(lb))
}

// stdlibPackages reads the named packages and modules of the standard
// library as one batch, with paths relative to the library, so their
// imports resolve.
func stdlibPackages(t testing.TB, names ...string) []*analysis.Unit {
	var units []*analysis.Unit
	for _, n := range names {
		us, _ := readPython(t, filepath.Join(stdlibDir, n), stdlibDir)
		units = append(units, us...)
	}
	return units
}

// readPython reads every .py file below root (or root itself), skipping
// site-packages, with paths relative to base; it returns them and their size.
func readPython(t testing.TB, root, base string) ([]*analysis.Unit, int64) {
	var units []*analysis.Unit
	var total int64
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "site-packages" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".py") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(base, p)
		units = append(units, &analysis.Unit{Path: filepath.ToSlash(rel), Content: src})
		total += int64(len(src))
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return units, total
}

// TestComponentOrder checks the order batches see each other in on random
// import graphs: strict, and every import that does not close a cycle
// points to an earlier component.
func TestComponentOrder(t *testing.T) {
	e := mustEngine(t)
	for seed := 1; seed <= 40; seed++ {
		n := 3 + seed%9
		files := map[string]string{}
		r := uint32(seed * 2654435761)
		next := func(k int) int { r = r*1664525 + 1013904223; return int(r>>8) % k }
		for i := 0; i < n; i++ {
			var b strings.Builder
			for j := 0; j < 3; j++ {
				d := next(n)
				if d == i {
					continue
				}
				if next(2) == 0 {
					fmt.Fprintf(&b, "import m%d\n", d)
				} else {
					fmt.Fprintf(&b, "def f%d():\n    import m%d\n", j, d)
				}
			}
			files[fmt.Sprintf("m%d.py", i)] = b.String()
		}
		var units []*analysis.Unit
		for _, p := range sortedKeys(files) {
			units = append(units, &analysis.Unit{Path: p, Content: []byte(files[p])})
		}
		var mods []*Module
		byName := map[string]*Module{}
		for _, u := range units {
			tree, err := e.parser.Parse(context.Background(), u.Content)
			if err != nil {
				t.Fatal(err)
			}
			m := newModule(u.Path, tree)
			mods = append(mods, m)
			byName[m.Name] = m
		}
		a := newBatch(context.Background(), e.opts, mods, byName, newCollector())
		comps := components(a, mods)
		of := map[*Module]*component{}
		for _, c := range comps {
			for _, m := range c.mods {
				of[m] = c
			}
			if c.before(c) {
				t.Fatalf("seed %d: a component is before itself", seed)
			}
			for _, d := range c.deps {
				if !d.before(c) {
					t.Fatalf("seed %d: a module-level import is not before its importer", seed)
				}
			}
		}
		for i, x := range comps {
			for _, y := range comps[i+1:] {
				if y.before(x) {
					t.Fatalf("seed %d: scheduling order disagrees with before", seed)
				}
			}
		}
		// reach[x][y]: x imports y, directly or not, lazily or not.
		reach := map[*component]map[*component]bool{}
		for _, m := range mods {
			for _, q := range m.importsList(false) {
				if d := a.module(q, m); d != nil && of[d] != of[m] {
					if reach[of[m]] == nil {
						reach[of[m]] = map[*component]bool{}
					}
					reach[of[m]][of[d]] = true
				}
			}
		}
		for changed := true; changed; {
			changed = false
			for x, ys := range reach {
				for y := range ys {
					for z := range reach[y] {
						if z != x && !ys[z] {
							ys[z] = true
							changed = true
						}
					}
				}
			}
		}
		for x, ys := range reach {
			for y := range ys {
				if !reach[y][x] && !y.before(x) {
					t.Fatalf("seed %d: an import that closes no cycle points to a later component", seed)
				}
			}
		}
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestPreferredIsTotal: when two batches report the same finding with
// different traces, which one is kept must not depend on which came first.
func TestPreferredIsTotal(t *testing.T) {
	base := finding.Finding{Severity: finding.High, Confidence: finding.ConfidenceMedium, Message: "m"}
	traces := [][]finding.Step{
		nil,
		{{Line: 3, Message: "passed to f()"}},
		{{Line: 4, Message: "passed to f()"}},
		{{Line: 3, Column: 2, Message: "passed to f()"}},
		{{Path: "b.py", Line: 3, Message: "passed to f()"}},
		{{Line: 3, Message: "passed to g()"}},
		{{Line: 3, Message: "passed to f()"}, {Line: 9, Message: "sink"}},
	}
	for i, x := range traces {
		for j, y := range traces {
			a, b := base, base
			a.Trace, b.Trace = x, y
			ab, ba := preferred(&a, &b), preferred(&b, &a)
			if i == j && (ab || ba) {
				t.Errorf("trace %d is preferred over itself", i)
			}
			if i != j && ab == ba {
				t.Errorf("traces %d and %d: preferred both ways or neither (%v)", i, j, ab)
			}
		}
	}
}
