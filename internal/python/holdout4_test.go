package python

import "testing"

// holdout4Dir holds the fifth evaluation corpus, written blind (without
// reading the engine, its fixtures or the other four corpora) and labelled
// with the convention of corpusDir. See testdata/holdout4/README.md.
const holdout4Dir = "testdata/holdout4"

// TestHoldout4Corpus measures the engine on the fifth corpus exactly as
// TestHoldoutCorpus does and fails only below the floors in
// testdata/holdout4/floors.txt. Set HOLDOUT4_OUT=path to also write the table.
func TestHoldout4Corpus(t *testing.T) { runHoldout(t, "holdout4", holdout4Dir, "HOLDOUT4_OUT") }
