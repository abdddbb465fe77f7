package deps

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/diff"
	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// findingsAt lists "line RULE" for a report.
func findingsAt(rep analysis.Report) []string {
	var out []string
	for _, f := range rep.Findings {
		out = append(out, itoa(f.Line)+" "+f.RuleID)
	}
	return out
}

func TestPipfileLockFindings(t *testing.T) {
	_, mem := realDB(t)
	content, err := os.ReadFile(filepath.Join("testdata", "manifests", "pipfile", "Pipfile.lock"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := New(Options{Source: mem}).Analyze(context.Background(), &analysis.Unit{Path: "Pipfile.lock", Content: content})
	if err != nil {
		t.Fatal(err)
	}
	// requests 2.19.0 and urllib3 1.24.1 have advisories; pytest 6.2.4 none.
	want := []string{"19 PP901", "31 PP901"}
	if got := findingsAt(rep); !sameSet(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	for _, f := range rep.Findings {
		if f.EndLine <= f.Line {
			t.Errorf("%d: a lock entry's finding must span name to version, got end %d", f.Line, f.EndLine)
		}
		if f.CWE != 1395 || f.OWASP != finding.A06 || !strings.Contains(f.Remediation, "Upgrade") {
			t.Errorf("finding metadata: %+v", f)
		}
	}
}

// TestIncludes checks that a file named by -r is read as a requirements
// file whatever its name, and that a -c constraint pinning a name keeps the
// unpinned requirement from being reported twice.
func TestIncludes(t *testing.T) {
	_, mem := realDB(t)
	units := []*analysis.Unit{
		{Path: "requirements.txt", Content: []byte("-r deps/base.in\n-c constraints/pins.txt\nrequests\nflask\n")},
		{Path: "deps/base.in", Content: []byte("-r ../more.in\npyyaml==5.3\n")},
		{Path: "more.in", Content: []byte("jinja2==2.10\n")},
		{Path: "constraints/pins.txt", Content: []byte("requests==2.19.0\n")},
		{Path: "unrelated.in", Content: []byte("pyyaml==5.3\n")},
	}
	reps, err := New(Options{Source: mem}).AnalyzeBatch(context.Background(), units)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"4 PP902"}, {"2 PP901"}, {"1 PP901"}, {"1 PP901"}, nil}
	for i, u := range units {
		if got := findingsAt(reps[i]); !sameSet(got, want[i]) {
			t.Errorf("%s: findings %q, want %q", u.Path, got, want[i])
		}
	}
}

// TestDiffAware checks that only requirements on changed lines are
// reported, and that a version bump on a lock file's version line counts.
func TestDiffAware(t *testing.T) {
	_, mem := realDB(t)
	lock := "[[package]]\nname = \"requests\"\nversion = \"2.19.0\"\n\n[[package]]\nname = \"pyyaml\"\nversion = \"5.3\"\n"
	reqs := "requests==2.19.0\npyyaml==5.3\nreqeusts==2.31.0\n"
	added := func(lines ...int) *diff.Lines {
		h := diff.Hunk{}
		for _, n := range lines {
			h.Lines = append(h.Lines, diff.Line{Kind: diff.Add, New: n})
		}
		return diff.NewLines(&diff.File{Hunks: []diff.Hunk{h}})
	}
	cases := []struct {
		name, path, content string
		lines               *diff.Lines
		want                []string
	}{
		{"version bump in a lock file", "poetry.lock", lock, added(7), []string{"6 PP901"}},
		{"untouched lock file", "poetry.lock", lock, added(), nil},
		{"one changed requirement", "requirements.txt", reqs, added(2), []string{"2 PP901"}},
		{"a new typo-squat", "requirements.txt", reqs, added(3), []string{"3 PP904"}},
		{"whole file (scan)", "requirements.txt", reqs, nil, []string{"1 PP901", "2 PP901", "3 PP904"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := New(Options{Source: mem}).Analyze(context.Background(), &analysis.Unit{Path: c.path, Content: []byte(c.content), Lines: c.lines})
			if err != nil {
				t.Fatal(err)
			}
			if got := findingsAt(rep); !sameSet(got, c.want) {
				t.Errorf("findings %q, want %q", got, c.want)
			}
		})
	}
}

// failing is a Source that answers nothing.
type failing struct{ reason string }

func (f failing) Lookup(_ context.Context, names []string) Lookup {
	return Lookup{Found: map[string][]*Advisory{}, Missing: names, Reason: f.reason}
}

func TestUnavailableAdvisories(t *testing.T) {
	a := New(Options{Source: failing{"OSV API unreachable: connection refused"}})
	rep, err := a.Analyze(context.Background(), &analysis.Unit{Path: "requirements.txt", Content: []byte("requests==2.19.0\nreqeusts==1.0\nflask\n")})
	if err != nil {
		t.Fatal(err)
	}
	// Typo-squats need no advisories: the rest of the review stands.
	if got := findingsAt(rep); !sameSet(got, []string{"2 PP904"}) {
		t.Errorf("findings %q", got)
	}
	if len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0].Text, "3 changed requirement(s) not checked") ||
		!strings.Contains(rep.Notes[0].Text, "connection refused") {
		t.Errorf("notes %+v", rep.Notes)
	}
	if st := a.Status(); st.Unavailable != 3 || st.Checked != 0 || st.Reason == "" {
		t.Errorf("status %+v", st)
	}
}

func TestNotAManifest(t *testing.T) {
	a := New(Options{Source: failing{"unused"}})
	rep, err := a.Analyze(context.Background(), &analysis.Unit{Path: "app.py", Content: []byte("import requests\n")})
	if err != nil || len(rep.Findings) != 0 || len(rep.Notes) != 0 {
		t.Errorf("app.py: %+v, %v", rep, err)
	}
	if st := a.Status(); st.Unavailable != 0 {
		t.Errorf("status %+v", st)
	}
}

func TestOneLineArrayMerges(t *testing.T) {
	_, mem := realDB(t)
	src := "[project]\nname = \"x\"\ndependencies = [\"requests==2.19.0\", \"pyyaml==5.3\"]\n"
	rep, err := New(Options{Source: mem}).Analyze(context.Background(), &analysis.Unit{Path: "pyproject.toml", Content: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 1 || !strings.Contains(rep.Findings[0].Message, "requests 2.19.0") || !strings.Contains(rep.Findings[0].Message, "pyyaml 5.3") {
		t.Errorf("want one finding naming both requirements, got %+v", rep.Findings)
	}
}

func TestLayered(t *testing.T) {
	_, mem := realDB(t)
	l := Layered{Online: failing{"OSV API unreachable"}, Offline: mem}.Lookup(context.Background(), []string{"requests"})
	if len(l.Missing) != 0 || len(l.Found["requests"]) == 0 {
		t.Errorf("offline fallback: %+v", l)
	}
	if len(l.Notes) != 1 || !strings.Contains(l.Notes[0], "OSV API unreachable") {
		t.Errorf("notes %q", l.Notes)
	}
	l = Layered{Online: failing{"down"}, Offline: failing{"no local advisory database"}}.Lookup(context.Background(), []string{"requests"})
	if len(l.Missing) != 1 || !strings.Contains(l.Reason, "down") || !strings.Contains(l.Reason, "no local advisory database") {
		t.Errorf("both failing: %+v", l)
	}
	l = Layered{}.Lookup(context.Background(), []string{"requests"})
	if len(l.Missing) != 1 {
		t.Errorf("no sources: %+v", l)
	}
}
