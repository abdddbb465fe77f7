package python

import (
	"os"
	"testing"
)

// TestDbg prints the findings for one file, for debugging rules:
//
//	F=/abs/path/x.py P=app/x.py go test ./internal/python -run TestDbg -v
func TestDbg(t *testing.T) {
	if os.Getenv("F") == "" {
		t.Skip("set F to a Python file to print its findings")
	}
	src, err := os.ReadFile(os.Getenv("F"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range analyzeSource(t, mustEngine(t), os.Getenv("P"), string(src)) {
		t.Logf("%d:%d %s %s/%s %s", f.Line, f.Column, f.RuleID, f.Severity, f.Confidence, f.Message)
		for _, s := range f.Trace {
			t.Logf("      %s:%d %s", s.Path, s.Line, s.Message)
		}
	}
}
