package deps

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// advisoryDBDir finds the PyPA advisory data: ../shared/data/pypa-advisory-db
// relative to the module root (the directory holding go.mod).
func advisoryDBDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found; cannot locate ../shared/data/pypa-advisory-db")
		}
		dir = parent
	}
	db := filepath.Join(dir, "..", "shared", "data", "pypa-advisory-db", "vulns")
	if _, err := os.Stat(db); err != nil {
		t.Skipf("the PyPA advisory data is not at %s (CI has it at ../shared/data relative to the repository root); skipping the tests that need real advisories", db)
	}
	return db
}

type loaded struct {
	advs  []*Advisory
	stats ImportStats
	err   error
}

var loadOnce sync.Once
var loadResult loaded

// realDB returns every advisory of the PyPA data (and the OSV malicious-
// package records in testdata/mal), loaded once.
func realDB(t testing.TB) ([]*Advisory, *Memory) {
	t.Helper()
	dir := advisoryDBDir(t)
	loadOnce.Do(func() {
		advs, st, err := ImportDir(context.Background(), dir)
		if err == nil {
			mal, _, merr := ImportDir(context.Background(), filepath.Join("testdata", "mal"))
			err = merr
			advs = append(advs, mal...)
		}
		loadResult = loaded{advs: advs, stats: st, err: err}
	})
	if loadResult.err != nil {
		t.Fatalf("load advisories: %v", loadResult.err)
	}
	return loadResult.advs, NewMemory(loadResult.advs, "test data")
}
