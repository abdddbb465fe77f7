package baseline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

var created = time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)

// at is one finding of the test rule on a line of app.py.
type at struct {
	line    int
	snippet string
	scope   finding.Scope
}

// reviewed builds findings the way review.Run leaves them: sorted by line,
// fingerprinted over the whole file.
func reviewed(path string, xs ...at) []finding.Finding {
	var fs []finding.Finding
	for _, x := range xs {
		fs = append(fs, finding.Finding{RuleID: "PP201", Path: path, Line: x.line, EndLine: x.line,
			Snippet: x.snippet, Severity: finding.High, CWE: 89, Scope: x.scope})
	}
	finding.AssignFingerprints(fs)
	return fs
}

// set builds a baseline from findings and indexes it.
func set(t *testing.T, fs []finding.Finding) *Set {
	t.Helper()
	var buf bytes.Buffer
	if err := New(fs, "test", created).Write(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := Parse("test.json", buf.Bytes())
	if err != nil {
		t.Fatalf("a baseline New wrote does not parse: %v\n%s", err, buf.String())
	}
	return NewSet(b, "test.json")
}

// newOnes lists the lines of the findings Apply left unsuppressed.
func newOnes(fs []finding.Finding) []int {
	var out []int
	for _, f := range fs {
		if f.Suppressed == nil {
			out = append(out, f.Line)
		}
	}
	return out
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

const sqlLine = `cur.execute("SELECT * FROM t WHERE id = %s" % uid)`

func TestApply(t *testing.T) {
	accepted := reviewed("app.py", at{line: 10, snippet: sqlLine}, at{line: 30, snippet: "os.system(cmd)"})
	for _, tc := range []struct {
		name    string
		now     []finding.Finding
		wantNew []int
	}{
		{"unchanged", reviewed("app.py", at{line: 10, snippet: sqlLine}, at{line: 30, snippet: "os.system(cmd)"}), nil},
		{"moved 20 lines down", reviewed("app.py", at{line: 30, snippet: sqlLine, scope: finding.ScopeAdded},
			at{line: 50, snippet: "os.system(cmd)"}), nil},
		{"re-indented", reviewed("app.py", at{line: 12, snippet: "        " + sqlLine + "  "}), nil},
		{"line content changed", reviewed("app.py", at{line: 10, snippet: strings.Replace(sqlLine, "id", "uid", 1)}), []int{10}},
		{"another rule on the line", func() []finding.Finding {
			fs := reviewed("app.py", at{line: 10, snippet: sqlLine})
			fs[0].RuleID = "PP202"
			fs[0].Fingerprint = ""
			finding.AssignFingerprints(fs)
			return fs
		}(), []int{10}},
		{"renamed file", reviewed("web/app.py", at{line: 10, snippet: sqlLine}), []int{10}},
		{"new finding beside accepted ones", reviewed("app.py", at{line: 10, snippet: sqlLine},
			at{line: 20, snippet: "eval(data)", scope: finding.ScopeAdded}, at{line: 30, snippet: "os.system(cmd)"}), []int{20}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := set(t, accepted)
			n := s.Apply(tc.now)
			if got := newOnes(tc.now); !equalInts(got, tc.wantNew) {
				t.Errorf("new findings on lines %v, want %v", got, tc.wantNew)
			}
			if n != len(tc.now)-len(tc.wantNew) {
				t.Errorf("Apply marked %d, want %d", n, len(tc.now)-len(tc.wantNew))
			}
			for _, f := range tc.now {
				if f.Suppressed != nil && (f.Suppressed.Kind != "baseline" || !strings.Contains(f.Suppressed.Justification, "test.json")) {
					t.Errorf("suppression %+v, want kind baseline naming the file", *f.Suppressed)
				}
			}
		})
	}
}

func TestApplyOccurrences(t *testing.T) {
	two := reviewed("app.py", at{line: 10, snippet: sqlLine}, at{line: 20, snippet: sqlLine})
	if two[0].Fingerprint == two[1].Fingerprint {
		t.Fatal("identical lines share a fingerprint; occurrences are not counted")
	}
	for _, tc := range []struct {
		name    string
		now     []finding.Finding
		wantNew []int
	}{
		{"both still there", reviewed("app.py", at{line: 10, snippet: sqlLine}, at{line: 20, snippet: sqlLine}), nil},
		{"one fixed", reviewed("app.py", at{line: 20, snippet: sqlLine}), nil},
		// A scan has no diff: the third copy in file order is the new one.
		{"third copy, scan", reviewed("app.py", at{line: 10, snippet: sqlLine}, at{line: 20, snippet: sqlLine},
			at{line: 40, snippet: sqlLine}), []int{40}},
		// A review knows which copy the change added, even above the others,
		// where the occurrence index alone would blame the last copy (outside
		// the change, so nothing would be reported at all).
		{"third copy added above", reviewed("app.py", at{line: 5, snippet: sqlLine, scope: finding.ScopeAdded},
			at{line: 11, snippet: sqlLine, scope: finding.ScopeFile}, at{line: 21, snippet: sqlLine, scope: finding.ScopeFile}), []int{5}},
		{"third copy added between", reviewed("app.py", at{line: 10, snippet: sqlLine, scope: finding.ScopeContext},
			at{line: 15, snippet: sqlLine, scope: finding.ScopeAdded}, at{line: 21, snippet: sqlLine, scope: finding.ScopeFile}), []int{15}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set(t, two).Apply(tc.now)
			if got := newOnes(tc.now); !equalInts(got, tc.wantNew) {
				t.Errorf("new findings on lines %v, want %v", got, tc.wantNew)
			}
		})
	}
}

func TestApplySkipsSuppressedAndKeepsTheirKind(t *testing.T) {
	// One copy was suppressed in the code when the baseline was made; the
	// other was accepted. Both stay as they are, and a third copy is new.
	base := reviewed("app.py", at{line: 10, snippet: sqlLine}, at{line: 20, snippet: sqlLine})
	base[0].Suppressed = &finding.Suppression{Kind: "nosec"}
	s := set(t, base)
	if s.Len() != 1 {
		t.Fatalf("baseline holds %d fingerprints, want 1 (suppressed findings are not recorded)", s.Len())
	}
	now := reviewed("app.py", at{line: 10, snippet: sqlLine}, at{line: 20, snippet: sqlLine}, at{line: 30, snippet: sqlLine})
	now[0].Suppressed = &finding.Suppression{Kind: "nosec"}
	if n := s.Apply(now); n != 1 {
		t.Errorf("Apply marked %d, want 1", n)
	}
	if now[0].Suppressed.Kind != "nosec" {
		t.Errorf("the nosec suppression became %q", now[0].Suppressed.Kind)
	}
	if got := newOnes(now); !equalInts(got, []int{30}) {
		t.Errorf("new findings on lines %v, want [30]", got)
	}
}

func TestApplyUnder(t *testing.T) {
	// The baseline has repository paths; a scan run in src/ reports app.py.
	s := set(t, reviewed("src/app.py", at{line: 10, snippet: sqlLine}, at{line: 20, snippet: sqlLine}))
	for _, tc := range []struct {
		dir     string
		now     []finding.Finding
		wantNew []int
	}{
		{"src", reviewed("app.py", at{line: 10, snippet: sqlLine}, at{line: 20, snippet: sqlLine}, at{line: 30, snippet: sqlLine}), []int{30}},
		{"./src/", reviewed("app.py", at{line: 10, snippet: sqlLine}), nil},
		{"lib", reviewed("app.py", at{line: 10, snippet: sqlLine}), []int{10}},
		{".", reviewed("app.py", at{line: 10, snippet: sqlLine}), []int{10}},
		{".", reviewed("src/app.py", at{line: 10, snippet: sqlLine}), nil},
	} {
		s.Under(tc.dir).Apply(tc.now)
		if got := newOnes(tc.now); !equalInts(got, tc.wantNew) {
			t.Errorf("Under(%q): new findings on lines %v, want %v", tc.dir, got, tc.wantNew)
		}
	}
}

func TestMatch(t *testing.T) {
	fs := reviewed("app.py", at{line: 10, snippet: sqlLine})
	s := set(t, fs)
	if !s.Match(&fs[0]) {
		t.Error("Match is false for a recorded finding")
	}
	other := reviewed("app.py", at{line: 10, snippet: "eval(x)"})
	if s.Match(&other[0]) {
		t.Error("Match is true for a finding on another line content")
	}
	if (*Set)(nil).Match(&fs[0]) {
		t.Error("a nil Set matches")
	}
}

func TestNew(t *testing.T) {
	fs := reviewed("b.py", at{line: 3, snippet: "eval(x)"})
	fs = append(fs, reviewed("a.py", at{line: 9, snippet: "token = «REDACTED:aws»" + strings.Repeat("x", 300)})...)
	fs = append(fs, finding.Finding{RuleID: "PP809", Fingerprint: "0123456789abcdef0123"}) // no file: not recorded
	b := New(fs, "scan of .", created)
	b.Add(fs) // again: nothing new
	if len(b.Findings) != 2 {
		t.Fatalf("%d entries, want 2: %+v", len(b.Findings), b.Findings)
	}
	e := b.Findings[0]
	if e.File != "a.py" || e.RuleID != "PP201" || e.Line != 9 || e.Severity != "HIGH" || e.CWE != "CWE-89" {
		t.Errorf("first entry %+v, want a.py:9 PP201 HIGH CWE-89 (sorted by file)", e)
	}
	if n := len([]rune(e.Snippet)); n != maxSnippet {
		t.Errorf("snippet has %d runes, want it cut to %d", n, maxSnippet)
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"version": 1`, `"tool": "patchpatrol"`, `"created": "2026-05-01T10:00:00Z"`, `"fingerprint": "`, `"rule_id": "PP201"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("written baseline lacks %s:\n%s", want, buf.String())
		}
	}
	empty := New(nil, "scan of .", created)
	buf.Reset()
	_ = empty.Write(&buf)
	if !strings.Contains(buf.String(), `"findings": []`) {
		t.Errorf("an empty baseline writes %s; want an empty list, not null", buf.String())
	}
}

func TestWriteFileAndLoad(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, DefaultPath)
	fs := reviewed("app.py", at{line: 10, snippet: sqlLine})
	if err := New(fs, "scan of .", created).WriteFile(p); err != nil {
		t.Fatal(err)
	}
	s, err := Load(p, DefaultPath)
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 1 || !s.Match(&fs[0]) || s.Name() != DefaultPath {
		t.Errorf("loaded set: len %d, match %v, name %q", s.Len(), s.Match(&fs[0]), s.Name())
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	good := `{"version": 1, "tool": "patchpatrol", "created": "2026-05-01T10:00:00Z", "findings": [
  {"fingerprint": "0123456789abcdef0123", "rule_id": "PP201", "file": "a.py"}]}`
	for _, tc := range []struct {
		name, content string // content "" with name "missing" is not written
		want          []string
	}{
		{"missing", "", []string{"does not exist", "patchpatrol baseline create", "fix the path"}},
		{"empty", " \n", []string{"empty", "patchpatrol baseline create"}},
		{"malformed", "{\"version\": 1,\n  \"tool\": }", []string{"not valid baseline JSON", "line 2, column 11", "patchpatrol baseline create"}},
		{"truncated", `{"version": 1, "findings": [`, []string{"not valid baseline JSON", "ends before"}},
		{"wrong type", `{"version": "1"}`, []string{"line 1, column 15", "version is string, want int"}},
		{"no version", `{"tool": "patchpatrol", "findings": []}`, []string{`no "version"`, "not a PatchPatrol baseline"}},
		{"newer version", `{"version": 2, "tool": "patchpatrol", "findings": []}`, []string{"format version 2 is newer", "upgrade PatchPatrol"}},
		{"negative version", `{"version": -1, "tool": "patchpatrol", "findings": []}`, []string{"format version -1 is not supported"}},
		{"other tool", `{"version": 1, "tool": "gitleaks", "findings": []}`, []string{`"tool" is "gitleaks"`}},
		{"no fingerprint", `{"version": 1, "tool": "patchpatrol", "findings": [{"rule_id": "PP201", "file": "a.py"}]}`,
			[]string{"findings[0] (PP201 a.py): has no fingerprint"}},
		{"bad fingerprint", `{"version": 1, "tool": "patchpatrol", "findings": [{"fingerprint": "XYZ"}]}`,
			[]string{`findings[0] (- -): fingerprint "XYZ" is not 20 lower-case hex digits`}},
		{"trailing content", good + "\n{}", []string{"unexpected content after the JSON object"}},
		{"a list", `[]`, []string{"not valid baseline JSON", "want baseline.File"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name+".json")
			if tc.name != "missing" {
				if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Read(p)
			if err == nil {
				t.Fatalf("Read succeeded; want an error containing %q", tc.want)
			}
			var be *Error
			if !asError(err, &be) {
				t.Fatalf("error %T is not a *baseline.Error", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "baseline "+p+": ") {
				t.Errorf("error %q does not start by naming the file", msg)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
		})
	}
	t.Run("directory", func(t *testing.T) {
		_, err := Read(dir)
		if err == nil || !strings.Contains(err.Error(), "is a directory") {
			t.Errorf("Read(dir) = %v, want an error saying it is a directory", err)
		}
	})
	t.Run("good", func(t *testing.T) {
		p := filepath.Join(dir, "good.json")
		if err := os.WriteFile(p, []byte(good), 0o644); err != nil {
			t.Fatal(err)
		}
		b, err := Read(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Findings) != 1 || b.Findings[0].Fingerprint != "0123456789abcdef0123" {
			t.Errorf("read %+v", b)
		}
	})
}

func asError(err error, target **Error) bool {
	e, ok := err.(*Error)
	if ok {
		*target = e
	}
	return ok
}
