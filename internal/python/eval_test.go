package python

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/secrets"
)

// corpusDir holds the evaluation corpus: Python files written without
// reading the engine, labelled "# expect: CWE-89" on every vulnerable line.
// See testdata/eval/README.md.
const corpusDir = "testdata/eval"

var (
	// corpusExpectRE finds a label; corpusListRE reads the CWE list at its
	// start. Free text may follow the list ("# expect: CWE-89 via a global").
	corpusExpectRE = regexp.MustCompile(`#\s*expect:(.*)$`)
	corpusListRE   = regexp.MustCompile(`^\s*(CWE-\d+(?:\s*,\s*CWE-\d+)*)(?:\s|$)`)
	corpusCWERE    = regexp.MustCompile(`CWE-(\d+)`)
)

// corpusKey is one (file, line, CWE) triple, expected or reported.
type corpusKey struct {
	path string
	line int
	cwe  int
}

// corpusTally counts one CWE's outcome.
type corpusTally struct{ tp, fp, fn int }

func (c corpusTally) precision() (float64, bool) {
	if c.tp+c.fp == 0 {
		return 0, false
	}
	return float64(c.tp) / float64(c.tp+c.fp), true
}

func (c corpusTally) recall() (float64, bool) {
	if c.tp+c.fn == 0 {
		return 0, false
	}
	return float64(c.tp) / float64(c.tp+c.fn), true
}

// corpusParseLabels returns line → expected CWEs for one file. A comment
// that says "expect:" without a well-formed CWE list is an error, so a typo
// cannot silently turn a vulnerable line into a safe one.
func corpusParseLabels(content []byte) (map[int][]int, error) {
	out := map[int][]int{}
	for i, line := range strings.Split(string(content), "\n") {
		m := corpusExpectRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		list := corpusListRE.FindStringSubmatch(m[1])
		if list == nil {
			return nil, fmt.Errorf("line %d: malformed label %q (want `# expect: CWE-89` or `# expect: CWE-89, CWE-117`)", i+1, strings.TrimSpace(m[0]))
		}
		seen := map[int]bool{}
		for _, id := range corpusCWERE.FindAllStringSubmatch(list[1], -1) {
			n, err := strconv.Atoi(id[1])
			if err != nil || n <= 0 {
				return nil, fmt.Errorf("line %d: bad CWE %q", i+1, id[0])
			}
			if seen[n] {
				return nil, fmt.Errorf("line %d: CWE-%d listed twice", i+1, n)
			}
			seen[n] = true
			out[i+1] = append(out[i+1], n)
		}
	}
	return out, nil
}

// corpusParseFloors reads floors.txt: "precision X" and "recall Y", each a
// number in [0, 1], once each; blank lines and # comments are ignored.
func corpusParseFloors(content []byte) (precision, recall float64, err error) {
	got := map[string]float64{}
	for i, line := range strings.Split(string(content), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 2 {
			return 0, 0, fmt.Errorf("line %d: want `precision 0.80` or `recall 0.40`, got %q", i+1, line)
		}
		key := fields[0]
		if key != "precision" && key != "recall" {
			return 0, 0, fmt.Errorf("line %d: unknown key %q (want precision or recall)", i+1, key)
		}
		if _, dup := got[key]; dup {
			return 0, 0, fmt.Errorf("line %d: %s given twice", i+1, key)
		}
		v, perr := strconv.ParseFloat(fields[1], 64)
		if perr != nil || v < 0 || v > 1 {
			return 0, 0, fmt.Errorf("line %d: %s must be a number between 0 and 1, got %q", i+1, key, fields[1])
		}
		got[key] = v
	}
	p, okP := got["precision"]
	r, okR := got["recall"]
	if !okP || !okR {
		return 0, 0, fmt.Errorf("floors need both precision and recall")
	}
	return p, r, nil
}

// corpusScore compares expected and reported triples per CWE. The zero key
// collects TP/FP/FN over every CWE (micro average).
func corpusScore(want, got map[corpusKey]bool) map[int]*corpusTally {
	out := map[int]*corpusTally{0: {}}
	at := func(cwe int) *corpusTally {
		if out[cwe] == nil {
			out[cwe] = &corpusTally{}
		}
		return out[cwe]
	}
	for k := range got {
		if want[k] {
			at(k.cwe).tp++
			out[0].tp++
		} else {
			at(k.cwe).fp++
			out[0].fp++
		}
	}
	for k := range want {
		if !got[k] {
			at(k.cwe).fn++
			out[0].fn++
		}
	}
	return out
}

func corpusRatio(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%.2f", v)
}

// corpusTable renders the per-CWE table, overall last. CWE 0 (a security
// finding with no CWE) is shown as "none".
func corpusTable(scores map[int]*corpusTally) string {
	var cwes []int
	for c := range scores {
		if c != 0 {
			cwes = append(cwes, c)
		}
	}
	sort.Ints(cwes)
	var b strings.Builder
	row := func(name string, t corpusTally) {
		p, okP := t.precision()
		r, okR := t.recall()
		fmt.Fprintf(&b, "%-10s %5d %5d %5d %9s %7s\n", name, t.tp, t.fp, t.fn, corpusRatio(p, okP), corpusRatio(r, okR))
	}
	fmt.Fprintf(&b, "%-10s %5s %5s %5s %9s %7s\n", "CWE", "TP", "FP", "FN", "precision", "recall")
	for _, c := range cwes {
		name := "CWE-" + strconv.Itoa(c)
		if c < 0 {
			name = "none"
		}
		row(name, *scores[c])
	}
	row("overall", *scores[0])
	return b.String()
}

// corpusMisses lists FP and FN locations per CWE, for whoever improves the
// engine next.
func corpusMisses(want, got map[corpusKey]bool) string {
	var lines []string
	for k := range got {
		if !want[k] {
			lines = append(lines, fmt.Sprintf("FP CWE-%d %s:%d", k.cwe, k.path, k.line))
		}
	}
	for k := range want {
		if !got[k] {
			lines = append(lines, fmt.Sprintf("FN CWE-%d %s:%d", k.cwe, k.path, k.line))
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestEvalCorpus runs the engine over the whole corpus as one batch and
// reports precision and recall per CWE. It fails only when the overall
// numbers fall below testdata/eval/floors.txt, so it guards against
// regressions without demanding classes the engine does not cover yet. Set
// EVAL_OUT=path to also write the table to a file.
func TestEvalCorpus(t *testing.T) {
	var units []*analysis.Unit
	want := map[corpusKey]bool{}
	err := filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".py" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		rel, err := filepath.Rel(corpusDir, p)
		if err != nil {
			return fmt.Errorf("relative path of %s: %w", p, err)
		}
		rel = filepath.ToSlash(rel)
		labels, err := corpusParseLabels(b)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		for line, cwes := range labels {
			for _, c := range cwes {
				want[corpusKey{rel, line, c}] = true
			}
		}
		units = append(units, &analysis.Unit{Path: rel, Content: b})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(units) == 0 || len(want) == 0 {
		t.Fatalf("%s holds %d files and %d labels: the corpus is missing", corpusDir, len(units), len(want))
	}
	floorsPath := filepath.Join(corpusDir, "floors.txt")
	floorsRaw, err := os.ReadFile(floorsPath)
	if err != nil {
		t.Fatalf("read floors: %v", err)
	}
	floorP, floorR, err := corpusParseFloors(floorsRaw)
	if err != nil {
		t.Fatalf("%s: %v", floorsPath, err)
	}

	e := mustEngine(t)
	reps, err := e.AnalyzeBatch(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	if len(reps) != len(units) {
		t.Fatalf("AnalyzeBatch returned %d reports for %d units", len(reps), len(units))
	}
	// The secrets detector runs beside the Python engine in every review,
	// so hard-coded credentials (CWE-798) are judged on both.
	sec, err := secrets.New(secrets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, u := range units {
		rep, err := sec.Analyze(context.Background(), u)
		if err != nil {
			t.Fatal(err)
		}
		// Merged as a review merges them: one credential finding per line.
		reps[i].Findings = review.Dedupe(append(reps[i].Findings, rep.Findings...))
	}
	got := map[corpusKey]bool{}
	for i, rep := range reps {
		for _, f := range rep.Findings {
			if f.Kind != finding.KindSecurity && f.Kind != finding.KindSecret {
				continue
			}
			cwe := f.CWE
			if cwe <= 0 {
				cwe = -1 // reported without a CWE: never matches a label
			}
			got[corpusKey{units[i].Path, f.Line, cwe}] = true
		}
	}

	scores := corpusScore(want, got)
	table := corpusTable(scores)
	t.Logf("evaluation corpus: %d files, %d labels\n%s", len(units), len(want), table)
	if misses := corpusMisses(want, got); misses != "" {
		t.Logf("misses:\n%s", misses)
	}
	if out := os.Getenv("EVAL_OUT"); out != "" {
		if err := os.WriteFile(out, []byte(table), 0o644); err != nil {
			t.Errorf("write EVAL_OUT %s: %v", out, err)
		}
	}
	p, _ := scores[0].precision()
	r, _ := scores[0].recall()
	if p < floorP {
		t.Errorf("overall precision %.3f is below the floor %.2f in %s: find the new false positives in the log above", p, floorP, floorsPath)
	}
	if r < floorR {
		t.Errorf("overall recall %.3f is below the floor %.2f in %s: find the new false negatives in the log above", r, floorR, floorsPath)
	}
}

func TestCorpusParseLabels(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    map[int][]int
		wantErr bool
	}{
		{name: "one", src: "x = 1\ncur.execute(q)  # expect: CWE-89\n", want: map[int][]int{2: {89}}},
		{name: "several", src: "log.info(q)  # expect: CWE-89, CWE-117", want: map[int][]int{1: {89, 117}}},
		{name: "trailing text", src: "cur.execute(q)  # expect: CWE-89 via a global", want: map[int][]int{1: {89}}},
		{name: "no space after colon", src: "run(q)  #expect:CWE-78", want: map[int][]int{1: {78}}},
		{name: "safe marker is not a label", src: "run(q)  # safe: CWE-78 quoted", want: map[int][]int{}},
		{name: "unlabelled", src: "x = 1\n", want: map[int][]int{}},
		{name: "bare number", src: "run(q)  # expect: 78", wantErr: true},
		{name: "empty list", src: "run(q)  # expect:", wantErr: true},
		{name: "lower case", src: "run(q)  # expect: cwe-78", wantErr: true},
		{name: "glued text", src: "run(q)  # expect: CWE-78x", wantErr: true},
		{name: "zero", src: "run(q)  # expect: CWE-0", wantErr: true},
		{name: "duplicate", src: "run(q)  # expect: CWE-78, CWE-78", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := corpusParseLabels([]byte(tt.src))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCorpusParseFloors(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		p, r    float64
		wantErr bool
	}{
		{name: "both", src: "precision 0.80\nrecall 0.35\n", p: 0.80, r: 0.35},
		{name: "comments and blanks", src: "# measured today\n\nrecall 0.5\nprecision 1\n", p: 1, r: 0.5},
		{name: "missing recall", src: "precision 0.8\n", wantErr: true},
		{name: "empty", src: "", wantErr: true},
		{name: "unknown key", src: "precision 0.8\nrecall 0.3\nf1 0.4\n", wantErr: true},
		{name: "duplicate", src: "precision 0.8\nprecision 0.7\nrecall 0.3\n", wantErr: true},
		{name: "above one", src: "precision 1.2\nrecall 0.3\n", wantErr: true},
		{name: "negative", src: "precision 0.8\nrecall -0.1\n", wantErr: true},
		{name: "not a number", src: "precision high\nrecall 0.3\n", wantErr: true},
		{name: "extra field", src: "precision 0.8 0.9\nrecall 0.3\n", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r, err := corpusParseFloors([]byte(tt.src))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if !tt.wantErr && (p != tt.p || r != tt.r) {
				t.Errorf("got precision %v recall %v, want %v %v", p, r, tt.p, tt.r)
			}
		})
	}
}

func TestCorpusScore(t *testing.T) {
	want := map[corpusKey]bool{{"a.py", 1, 89}: true, {"a.py", 2, 78}: true, {"b.py", 3, 79}: true}
	got := map[corpusKey]bool{{"a.py", 1, 89}: true, {"a.py", 2, 89}: true, {"b.py", 3, 79}: true, {"b.py", 9, -1}: true}
	s := corpusScore(want, got)
	checks := []struct {
		name string
		cwe  int
		want corpusTally
	}{
		{name: "sql hit and wrong-cwe fp", cwe: 89, want: corpusTally{tp: 1, fp: 1}},
		{name: "command missed", cwe: 78, want: corpusTally{fn: 1}},
		{name: "xss hit", cwe: 79, want: corpusTally{tp: 1}},
		{name: "finding without cwe", cwe: -1, want: corpusTally{fp: 1}},
		{name: "overall", cwe: 0, want: corpusTally{tp: 2, fp: 2, fn: 1}},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if s[c.cwe] == nil || *s[c.cwe] != c.want {
				t.Errorf("CWE %d: got %+v, want %+v", c.cwe, s[c.cwe], c.want)
			}
		})
	}
	if p, ok := s[0].precision(); !ok || p != 0.5 {
		t.Errorf("overall precision = %v, %v; want 0.5", p, ok)
	}
	if _, ok := (corpusTally{}).recall(); ok {
		t.Error("recall of an empty tally must be undefined")
	}
}
