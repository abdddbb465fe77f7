package python

import (
	"fmt"
	"slices"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// TestKindsOption checks that an engine asked for one kind of finding gives
// exactly the findings of that kind an engine asked for both gives.
func TestKindsOption(t *testing.T) {
	src := `import os
from flask import request

def view():
    try:
        os.system(request.args["cmd"])
    except:
        pass
    print("done")  # TODO: use logging
`
	engine := func(kinds ...finding.Kind) *Engine {
		e, err := New(Options{Kinds: kinds})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(e.Close)
		return e
	}
	describe := func(fs []finding.Finding, keep finding.Kind) []string {
		var out []string
		for _, f := range fs {
			if f.Kind == keep {
				out = append(out, fmt.Sprintf("%d %s", f.Line, f.RuleID))
			}
		}
		slices.Sort(out)
		return out
	}
	all := analyzeSource(t, engine(), "app.py", src)
	for _, k := range []finding.Kind{finding.KindSecurity, finding.KindQuality} {
		want := describe(all, k)
		if len(want) == 0 {
			t.Fatalf("the fixture gives no %s findings", k)
		}
		got := analyzeSource(t, engine(k), "app.py", src)
		if d := describe(got, k); !slices.Equal(d, want) {
			t.Errorf("%s only: %v, want %v", k, d, want)
		}
		for _, f := range got {
			if f.Kind != k {
				t.Errorf("%s only: also gave %s %s on line %d", k, f.Kind, f.RuleID, f.Line)
			}
		}
	}
}

// TestPythonRuleKinds keeps the Kinds option complete: every rule the Python
// engine reports is a security or a code-quality rule.
func TestPythonRuleKinds(t *testing.T) {
	for _, r := range rules.All() {
		if r.Engine == rules.EnginePython && r.Kind != finding.KindSecurity && r.Kind != finding.KindQuality {
			t.Errorf("%s is a %s rule of the Python engine; Options.Kinds cannot select it", r.ID, r.Kind)
		}
	}
}
