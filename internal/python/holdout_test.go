package python

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/secrets"
)

// holdoutDir holds the second, blind evaluation corpus: written without
// reading the engine or testdata/eval, labelled with the same convention as
// corpusDir. See testdata/holdout/README.md.
const holdoutDir = "testdata/holdout"

// holdoutCorpus is one loaded corpus: a unit per .py file, the expected
// (file, line, CWE) triples, and every file's lines so misses can quote
// their code.
type holdoutCorpus struct {
	units []*analysis.Unit
	want  map[corpusKey]bool
	lines map[string][]string
}

// loadHoldoutCorpus reads every .py file under dir, in walk order, with
// paths relative to dir. A malformed label is an error, as in TestEvalCorpus.
func loadHoldoutCorpus(dir string) (*holdoutCorpus, error) {
	c := &holdoutCorpus{want: map[corpusKey]bool{}, lines: map[string][]string{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".py" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return fmt.Errorf("relative path of %s: %w", p, err)
		}
		rel = filepath.ToSlash(rel)
		labels, err := corpusParseLabels(b)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		for line, cwes := range labels {
			for _, cwe := range cwes {
				c.want[corpusKey{rel, line, cwe}] = true
			}
		}
		c.units = append(c.units, &analysis.Unit{Path: rel, Content: b})
		c.lines[rel] = strings.Split(string(b), "\n")
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(c.units) == 0 || len(c.want) == 0 {
		return nil, fmt.Errorf("%s holds %d files and %d labels: the corpus is missing", dir, len(c.units), len(c.want))
	}
	return c, nil
}

// holdoutFindings runs exactly what TestEvalCorpus runs: the Python engine
// over all units as one batch, then the secrets detector per unit, keeping
// security and secret findings at any confidence. A finding without a CWE
// is keyed as -1, so it never matches a label.
func holdoutFindings(ctx context.Context, e *Engine, units []*analysis.Unit) (map[corpusKey]bool, error) {
	reps, err := e.AnalyzeBatch(ctx, units)
	if err != nil {
		return nil, fmt.Errorf("analyze batch: %w", err)
	}
	if len(reps) != len(units) {
		return nil, fmt.Errorf("AnalyzeBatch returned %d reports for %d units", len(reps), len(units))
	}
	sec, err := secrets.New(secrets.Options{})
	if err != nil {
		return nil, fmt.Errorf("secrets detector: %w", err)
	}
	got := map[corpusKey]bool{}
	add := func(path string, list []finding.Finding) {
		for _, f := range list {
			if f.Kind != finding.KindSecurity && f.Kind != finding.KindSecret {
				continue
			}
			cwe := f.CWE
			if cwe <= 0 {
				cwe = -1
			}
			got[corpusKey{path, f.Line, cwe}] = true
		}
	}
	for i, u := range units {
		rep, err := sec.Analyze(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("secrets on %s: %w", u.Path, err)
		}
		// Merged as a review merges them: one credential finding per line.
		add(u.Path, review.Dedupe(append(reps[i].Findings, rep.Findings...)))
	}
	return got, nil
}

// holdoutMisses lists false positives and false negatives like
// corpusMisses, each followed by the code on its line, so the log can be
// read without opening the files.
func holdoutMisses(want, got map[corpusKey]bool, lines map[string][]string) string {
	var out []string
	quote := func(k corpusKey) string {
		src := lines[k.path]
		if k.line < 1 || k.line > len(src) {
			return "(no such line)"
		}
		return strings.TrimSpace(src[k.line-1])
	}
	for k := range got {
		if !want[k] {
			out = append(out, fmt.Sprintf("FP CWE-%d %s:%d\t%s", k.cwe, k.path, k.line, quote(k)))
		}
	}
	for k := range want {
		if !got[k] {
			out = append(out, fmt.Sprintf("FN CWE-%d %s:%d\t%s", k.cwe, k.path, k.line, quote(k)))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// TestHoldoutCorpus measures the engine on the blind corpus and reports
// precision and recall per CWE. It fails only below the overall floors in
// testdata/holdout/floors.txt. Set HOLDOUT_OUT=path to also write the table.
func TestHoldoutCorpus(t *testing.T) { runHoldout(t, "holdout", holdoutDir, "HOLDOUT_OUT") }

// runHoldout measures the engine on one labelled corpus directory: it logs
// the table per CWE and the misses with their code, writes the table to the
// file named by outEnv when that variable is set, and fails only below the
// floors in the directory's floors.txt.
func runHoldout(t *testing.T, name, dir, outEnv string) {
	c, err := loadHoldoutCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	floorsPath := filepath.Join(dir, "floors.txt")
	floorsRaw, err := os.ReadFile(floorsPath)
	if err != nil {
		t.Fatalf("read floors: %v", err)
	}
	floorP, floorR, err := corpusParseFloors(floorsRaw)
	if err != nil {
		t.Fatalf("%s: %v", floorsPath, err)
	}

	got, err := holdoutFindings(context.Background(), mustEngine(t), c.units)
	if err != nil {
		t.Fatal(err)
	}
	scores := corpusScore(c.want, got)
	table := corpusTable(scores)
	t.Logf("%s corpus: %d files, %d labels\n%s", name, len(c.units), len(c.want), table)
	if misses := corpusMisses(c.want, got); misses != "" {
		t.Logf("misses:\n%s", holdoutMisses(c.want, got, c.lines))
	}
	if out := os.Getenv(outEnv); out != "" {
		if err := os.WriteFile(out, []byte(table), 0o644); err != nil {
			t.Errorf("write %s %s: %v", outEnv, out, err)
		}
	}
	p, _ := scores[0].precision()
	r, _ := scores[0].recall()
	if p < floorP {
		t.Errorf("%s precision %.3f is below the floor %.2f in %s: find the new false positives in the log above", name, p, floorP, floorsPath)
	}
	if r < floorR {
		t.Errorf("%s recall %.3f is below the floor %.2f in %s: find the new false negatives in the log above", name, r, floorR, floorsPath)
	}
}

func TestLoadHoldoutCorpus(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string
		wantUnits int
		wantKeys  []corpusKey
		wantErr   bool
	}{
		{
			name: "labels across nested files",
			files: map[string]string{
				"a.py":     "import os\nos.system(cmd)  # expect: CWE-78\n",
				"pkg/b.py": "x = 1\nlog.info(q)  # expect: CWE-117, CWE-89\nrun(q)  # safe: CWE-78 quoted\n",
				"notes.md": "# expect: CWE-1 is not Python and is ignored\n",
			},
			wantUnits: 2,
			wantKeys:  []corpusKey{{"a.py", 2, 78}, {"pkg/b.py", 2, 117}, {"pkg/b.py", 2, 89}},
		},
		{
			name:    "malformed label",
			files:   map[string]string{"a.py": "run(q)  # expect: 78\n"},
			wantErr: true,
		},
		{
			name:    "no labels at all",
			files:   map[string]string{"a.py": "x = 1  # safe: CWE-89 constant\n"},
			wantErr: true,
		},
		{
			name:    "no python files",
			files:   map[string]string{"README.md": "# expect: CWE-89\n"},
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, body := range tt.files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			c, err := loadHoldoutCorpus(dir)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if len(c.units) != tt.wantUnits {
				t.Errorf("got %d units, want %d", len(c.units), tt.wantUnits)
			}
			if len(c.want) != len(tt.wantKeys) {
				t.Errorf("got %d labels %v, want %d", len(c.want), c.want, len(tt.wantKeys))
			}
			for _, k := range tt.wantKeys {
				if !c.want[k] {
					t.Errorf("label %+v missing from %v", k, c.want)
				}
			}
			for _, u := range c.units {
				if len(c.lines[u.Path]) == 0 {
					t.Errorf("no lines kept for %s", u.Path)
				}
			}
		})
	}
}

func TestHoldoutMisses(t *testing.T) {
	lines := map[string][]string{"a.py": {"import os", "  os.system(cmd)  # expect: CWE-78", "eval(x)"}}
	tests := []struct {
		name      string
		want, got map[corpusKey]bool
		out       string
	}{
		{
			name: "all found",
			want: map[corpusKey]bool{{"a.py", 2, 78}: true},
			got:  map[corpusKey]bool{{"a.py", 2, 78}: true},
			out:  "",
		},
		{
			name: "miss and false positive quote their code",
			want: map[corpusKey]bool{{"a.py", 2, 78}: true},
			got:  map[corpusKey]bool{{"a.py", 3, 94}: true},
			out:  "FN CWE-78 a.py:2\tos.system(cmd)  # expect: CWE-78\nFP CWE-94 a.py:3\teval(x)",
		},
		{
			name: "line outside the file",
			want: map[corpusKey]bool{},
			got:  map[corpusKey]bool{{"a.py", 9, -1}: true, {"b.py", 1, 89}: true},
			out:  "FP CWE--1 a.py:9\t(no such line)\nFP CWE-89 b.py:1\t(no such line)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := holdoutMisses(tt.want, tt.got, lines); got != tt.out {
				t.Errorf("got\n%q\nwant\n%q", got, tt.out)
			}
		})
	}
}
