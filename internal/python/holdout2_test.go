package python

import "testing"

// holdout2Dir holds the third evaluation corpus, written blind (without
// reading the engine, its fixtures or the other two corpora) and labelled
// with the convention of corpusDir. See testdata/holdout2/README.md.
const holdout2Dir = "testdata/holdout2"

// TestHoldout2Corpus measures the engine on the third corpus exactly as
// TestHoldoutCorpus does and fails only below the floors in
// testdata/holdout2/floors.txt. Set HOLDOUT2_OUT=path to also write the table.
func TestHoldout2Corpus(t *testing.T) { runHoldout(t, "holdout2", holdout2Dir, "HOLDOUT2_OUT") }
