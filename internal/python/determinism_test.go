package python

import (
	"fmt"
	"strings"
	"testing"
)

// TestFindingsDoNotDependOnMapOrder analyses the same code many times: Go
// randomises map iteration, so anything that joins a container's elements
// in map order (which source a message names, which elements a bounded
// join summarises) shows up here as runs that disagree.
func TestFindingsDoNotDependOnMapOrder(t *testing.T) {
	e := mustEngine(t)
	src := `from flask import request
import os

def view():
    d = {"k1": request.args["a"], "k2": request.headers["b"], "k3": request.cookies["c"],
         "k4": request.form["d"], "k5": request.values["e"]}
    for v in d.values():
        os.system(v)
    os.system(" ".join(d.values()))
    os.system(str(d))
    q = "SELECT * FROM t WHERE a = '%s'" % d
    rows = {"x": q, "y": "DELETE FROM u WHERE id = " + d["k2"], "z": request.args["f"]}
    return [r for r in rows.values()]
`
	var first string
	for i := 0; i < 30; i++ {
		var b strings.Builder
		for _, f := range analyzeSource(t, e, "app.py", src) {
			fmt.Fprintf(&b, "%d %s %s\n", f.Line, f.RuleID, f.Message)
		}
		if i == 0 {
			first = b.String()
			if first == "" {
				t.Fatal("no findings: the fixture no longer exercises the analyzer")
			}
			continue
		}
		if b.String() != first {
			t.Fatalf("run %d differs from run 0:\n%s\nvs\n%s", i, b.String(), first)
		}
	}
}
