package python

import "testing"

// holdout3Dir holds the fourth evaluation corpus, written blind (without
// reading the engine, its fixtures or the other three corpora) and labelled
// with the convention of corpusDir. See testdata/holdout3/README.md.
const holdout3Dir = "testdata/holdout3"

// TestHoldout3Corpus measures the engine on the fourth corpus exactly as
// TestHoldoutCorpus does and fails only below the floors in
// testdata/holdout3/floors.txt. Set HOLDOUT3_OUT=path to also write the table.
func TestHoldout3Corpus(t *testing.T) { runHoldout(t, "holdout3", holdout3Dir, "HOLDOUT3_OUT") }
