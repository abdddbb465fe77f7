package cli

import (
	"slices"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/config"
	"github.com/patchpatrol/patchpatrol/internal/python"
)

// The config layer validates sanitizer classes by name without importing
// the engine; the two vocabularies must stay the same.
func TestTaintClassNamesAgree(t *testing.T) {
	got := slices.Sorted(slices.Values(config.TaintClassNames))
	want := python.SinkClassNames()
	if !slices.Equal(got, want) {
		t.Errorf("config.TaintClassNames = %v, python.SinkClassNames() = %v", got, want)
	}
}
