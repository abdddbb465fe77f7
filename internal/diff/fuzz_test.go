package diff

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds Parse arbitrary bytes: it must never panic, every error
// must be a *ParseError pointing into the input, and every parsed file must
// be numbered consistently.
//
//	go test ./internal/diff -run '^$' -fuzz FuzzParse -fuzztime 30s
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.diff"))
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@ s\n a\n-b\n+c\n\\ No newline at end of file\n"))
	f.Add([]byte("diff --git \"a/\\303\\251\" \"b/\\303\\251\"\nGIT binary patch\nliteral 3\nKcmZ?wbN~PV\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		files, err := Parse(bytes.NewReader(data))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if lines := bytes.Count(data, []byte("\n")) + 1; pe.Line < 1 || pe.Line > lines+1 {
				t.Fatalf("error names line %d of a %d-line input", pe.Line, lines)
			}
			if files != nil {
				t.Fatalf("Parse returned files with an error")
			}
			return
		}
		checkInvariants(t, files)
	})
}

// checkInvariants asserts what every parsed file must satisfy: a known
// status with the matching empty path, hunk counts equal to the lines they
// hold, and line numbers that fit their kind and increase through the file.
func checkInvariants(t *testing.T, files []File) {
	t.Helper()
	for i, f := range files {
		switch f.Status {
		case Added:
			if f.OldPath != "" || f.NewPath == "" {
				t.Fatalf("file %d: added with paths %q → %q", i, f.OldPath, f.NewPath)
			}
		case Deleted:
			if f.NewPath != "" || f.OldPath == "" {
				t.Fatalf("file %d: deleted with paths %q → %q", i, f.OldPath, f.NewPath)
			}
		case Modified, Renamed, Copied:
			if f.OldPath == "" || f.NewPath == "" {
				t.Fatalf("file %d: %s with paths %q → %q", i, f.Status, f.OldPath, f.NewPath)
			}
		default:
			t.Fatalf("file %d: unknown status %q", i, f.Status)
		}
		if f.Binary && len(f.Hunks) > 0 {
			t.Fatalf("file %d: binary with %d hunks", i, len(f.Hunks))
		}
		lastOld, lastNew := 0, 0
		for j, h := range f.Hunks {
			var oldN, newN int
			for k, l := range h.Lines {
				where := func() string { return fmt.Sprintf("file %d hunk %d line %d", i, j, k) }
				switch l.Kind {
				case Context:
					if l.Old <= lastOld || l.New <= lastNew {
						t.Fatalf("%s: context line %d/%d does not follow %d/%d", where(), l.Old, l.New, lastOld, lastNew)
					}
					lastOld, lastNew = l.Old, l.New
					oldN++
					newN++
				case Delete:
					if l.New != 0 || l.Old <= lastOld {
						t.Fatalf("%s: deleted line %d/%d after old line %d", where(), l.Old, l.New, lastOld)
					}
					lastOld = l.Old
					oldN++
				case Add:
					if l.Old != 0 || l.New <= lastNew {
						t.Fatalf("%s: added line %d/%d after new line %d", where(), l.Old, l.New, lastNew)
					}
					lastNew = l.New
					newN++
				default:
					t.Fatalf("%s: unknown line kind %q", where(), l.Kind)
				}
				if bytes.ContainsAny([]byte(l.Text), "\n") {
					t.Fatalf("%s: text holds a newline: %q", where(), l.Text)
				}
			}
			if oldN != h.OldLines || newN != h.NewLines {
				t.Fatalf("file %d hunk %d: header says %d/%d lines, hunk holds %d/%d", i, j, h.OldLines, h.NewLines, oldN, newN)
			}
			if len(h.Lines) > 0 && h.Lines[0].Kind != Add && h.Lines[0].Old != h.OldStart {
				t.Fatalf("file %d hunk %d: first old line %d, header starts at %d", i, j, h.Lines[0].Old, h.OldStart)
			}
		}
		added := f.AddedLines()
		for k := 1; k < len(added); k++ {
			if added[k] <= added[k-1] {
				t.Fatalf("file %d: AddedLines not increasing: %v", i, added)
			}
		}
	}
}
