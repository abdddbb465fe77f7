package python

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// holdout2Dir holds the third, blind evaluation corpus: written without
// reading the engine, its fixtures or the other two corpora, labelled with
// the convention of corpusDir. See testdata/holdout2/README.md.
const holdout2Dir = "testdata/holdout2"

// TestHoldout2Corpus measures the engine on the second blind corpus exactly
// as TestHoldoutCorpus does (same loading, findings, scoring and misses) and
// fails only below the overall floors in testdata/holdout2/floors.txt. Set
// HOLDOUT2_OUT=path to also write the table.
func TestHoldout2Corpus(t *testing.T) {
	c, err := loadHoldoutCorpus(holdout2Dir)
	if err != nil {
		t.Fatal(err)
	}
	floorsPath := filepath.Join(holdout2Dir, "floors.txt")
	floorsRaw, err := os.ReadFile(floorsPath)
	if err != nil {
		t.Fatalf("read floors: %v", err)
	}
	floorP, floorR, err := corpusParseFloors(floorsRaw)
	if err != nil {
		t.Fatalf("%s: %v", floorsPath, err)
	}

	got, err := holdoutFindings(context.Background(), mustEngine(t), c.units)
	if err != nil {
		t.Fatal(err)
	}
	scores := corpusScore(c.want, got)
	table := corpusTable(scores)
	t.Logf("holdout2 corpus: %d files, %d labels\n%s", len(c.units), len(c.want), table)
	if misses := corpusMisses(c.want, got); misses != "" {
		t.Logf("misses:\n%s", holdoutMisses(c.want, got, c.lines))
	}
	if out := os.Getenv("HOLDOUT2_OUT"); out != "" {
		if err := os.WriteFile(out, []byte(table), 0o644); err != nil {
			t.Errorf("write HOLDOUT2_OUT %s: %v", out, err)
		}
	}
	p, _ := scores[0].precision()
	r, _ := scores[0].recall()
	if p < floorP {
		t.Errorf("holdout2 precision %.3f is below the floor %.2f in %s: find the new false positives in the log above", p, floorP, floorsPath)
	}
	if r < floorR {
		t.Errorf("holdout2 recall %.3f is below the floor %.2f in %s: find the new false negatives in the log above", r, floorR, floorsPath)
	}
}
