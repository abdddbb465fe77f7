package secrets

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/fixture"
)

// TestFixtures runs testdata/<ID>/ through a detector with every rule loaded
// (so overlap resolution is exercised as in production) and compares the
// findings of that directory's rule with the want annotations.
func TestFixtures(t *testing.T) {
	d, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, def := range definitions() {
		id := def.rule.ID
		t.Run(id, func(t *testing.T) {
			fixture.RunDir(t, filepath.Join("testdata", id), map[string]bool{id: true},
				func(t *testing.T, path string, content []byte) []finding.Finding {
					rep, err := d.Analyze(context.Background(), &analysis.Unit{Path: filepath.ToSlash(path), Content: content})
					if err != nil {
						t.Fatal(err)
					}
					return rep.Findings
				})
		})
	}
}
