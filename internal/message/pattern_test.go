package message

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp/syntax"
	"sort"
	"strings"
	"testing"
)

func TestRequired(t *testing.T) {
	tests := []struct {
		expr string
		want []string // nil: no gate, the pattern always runs
	}{
		{`(?i)abc`, []string{"ABC"}},
		{`abc`, []string{"ABC"}},
		{`(?i)\bsqli\b`, []string{"SQLI"}},
		{`(?i)\bnot\s+(?:fixed|patched)\b`, []string{"FIXED", "PATCHED"}},
		{`(?i)(?:\.\./){2,}`, []string{"../"}},
		{`(?i)<\s*script\b`, []string{"SCRIPT"}},
		{`(?i)a?`, nil},
		{`(?i)a*b`, []string{"B"}},
		{`(?i)[ab]c?`, nil},
		{`(?i)x|y*`, nil},
		{`(?i)(x)+`, []string{"X"}},
		{`\w+`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			re, err := syntax.Parse(tc.expr, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			got := required(re)
			sort.Strings(got)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("required(%s) = %q, want %q", tc.expr, got, tc.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"abcXYZ", "ABCXYZ"},
		{"../", "../"},
		{"\u212a", "K"}, // Kelvin sign folds with k
		{"\u017f", "S"}, // long s folds with s
		{"é", "É"},
		{"\xff", "\uFFFD"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := fold(tc.in); got != tc.want {
				t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestGatesKeepResults checks on every message the tests know that a gated
// pattern set finds exactly what its alternatives find without gates.
func TestGatesKeepResults(t *testing.T) {
	texts := []string{"\u212aNOWN ISSUE: \u017fQL injection, not fixed yet", "Still vulnerable to xſs"}
	for _, tc := range append(append([]disclosureCase{}, disclosing...), quiet...) {
		texts = append(texts, tc.msg)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	sets := map[string]*patternSet{"unfixed": unfixedPat, "todo": todoPat, "weakness": weaknessPat, "cve": cvePat,
		"payload": payloadPat, "strong": howToStrongPat, "howto": howToPat, "outcome": outcomePat,
		"fix": fixParagraphPat, "hypothetical": hypotheticalPat}
	gated := 0
	for name, ps := range sets {
		for _, g := range ps.compiled() {
			if g.gate != nil {
				gated++
			}
		}
		t.Run(name, func(t *testing.T) {
			for _, text := range texts {
				folded := fold(text)
				var want [][]int
				for _, g := range ps.compiled() {
					want = append(want, g.re.FindAllStringSubmatchIndex(text, -1)...)
				}
				sort.SliceStable(want, func(i, j int) bool { return want[i][0] < want[j][0] })
				got := ps.findAll(text, folded, -1)
				if len(got) != len(want) || (len(got) > 0 && !reflect.DeepEqual(got, want)) {
					t.Errorf("gates changed the matches in %q: got %v, want %v", strings.SplitN(text, "\n", 2)[0], got, want)
				}
				if ps.match(text, folded) != (len(want) > 0) {
					t.Errorf("match disagrees with findAll on %q", text)
				}
			}
		})
	}
	if gated == 0 {
		t.Error("no pattern has a gate")
	}
}
