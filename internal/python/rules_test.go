package python

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/fixture"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

func mustEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Close)
	return e
}

// TestRuleFixtures runs every Python rule over its fixture directory,
// testdata/<rule id>/. Files in one directory are analysed together as one
// batch, so cross-module flows can be tested; paths are relative to the
// directory, so a fixture can be "app/settings.py" or "tests/test_x.py".
func TestRuleFixtures(t *testing.T) {
	e := mustEngine(t)
	for _, r := range rules.All() {
		if r.Engine != rules.EnginePython || r.Status == rules.Removed {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			dir := filepath.Join("testdata", r.ID)
			var units []*analysis.Unit
			var files []string
			err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(dir, p)
				units = append(units, &analysis.Unit{Path: filepath.ToSlash(rel), Content: b})
				files = append(files, p)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			reps, err := e.AnalyzeBatch(context.Background(), units)
			if err != nil {
				t.Fatal(err)
			}
			wants := 0
			for i, u := range units {
				w, _ := fixture.Parse(u.Content)
				wants += len(w)
				t.Run(u.Path, func(t *testing.T) {
					fixture.Check(t, files[i], u.Content, reps[i].Findings, map[string]bool{r.ID: true})
				})
			}
			if wants == 0 {
				t.Errorf("%s has no line marked want: every rule needs a vulnerable case", dir)
			}
		})
	}
}

// analyzeSource runs the engine over one snippet and returns its findings,
// sorted by line.
func analyzeSource(t testing.TB, e *Engine, path, src string) []finding.Finding {
	t.Helper()
	rep, err := e.Analyze(context.Background(), &analysis.Unit{Path: path, Content: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(rep.Findings, func(i, j int) bool { return rep.Findings[i].Line < rep.Findings[j].Line })
	return rep.Findings
}
