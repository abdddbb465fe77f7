package deps

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/fixture"
)

// TestFixtures runs every rule's fixtures through the analyzer, with the
// real advisory data as the source. Each file is one whole-file unit.
func TestFixtures(t *testing.T) {
	for _, id := range []string{"PP901", "PP902", "PP903", "PP904"} {
		t.Run(id, func(t *testing.T) {
			var src Source
			if id != "PP904" {
				_, mem := realDB(t)
				src = mem
			}
			a := New(Options{Source: src, Allow: []string{"my_internal_lib"}})
			fixture.RunDir(t, filepath.Join("testdata", id), map[string]bool{id: true},
				func(t *testing.T, path string, content []byte) []finding.Finding {
					rep, err := a.Analyze(context.Background(), &analysis.Unit{Path: filepath.ToSlash(path), Content: content})
					if err != nil {
						t.Fatal(err)
					}
					return rep.Findings
				})
		})
	}
}
