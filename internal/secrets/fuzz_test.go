package secrets

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
)

// FuzzDetect checks that no input panics, that matches are well-formed and
// ordered, that no finding field holds a found secret, and that Redact
// leaves none of them in its output.
func FuzzDetect(f *testing.F) {
	for _, def := range definitions() {
		for _, s := range def.truePositives {
			f.Add(s)
		}
		for _, s := range def.falsePositives {
			f.Add(s)
		}
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "PP1*", "*"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	d, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		matches := d.Find([]byte(text))
		prevEnd := 0
		for _, m := range matches {
			if m.Start < prevEnd || m.End <= m.Start || m.End > len(text) || m.Line < 1 || m.Column < 1 {
				t.Fatalf("bad match %+v (text length %d)", m, len(text))
			}
			prevEnd = m.End
			if line := 1 + strings.Count(text[:m.Start], "\n"); line != m.Line {
				t.Fatalf("match %+v: line %d", m, line)
			}
		}
		rep, err := d.Analyze(context.Background(), &analysis.Unit{Path: "f.txt", Content: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range []RedactOptions{{}, {HighEntropy: true}} {
			out, n := d.Redact(text, o)
			if n < len(matches) {
				t.Fatalf("Redact counted %d, Find found %d", n, len(matches))
			}
			for _, m := range matches {
				secret := text[m.Start:m.End]
				if strings.Contains(out, secret) {
					t.Fatalf("%s secret %q survives Redact: %q", m.RuleID, secret, out)
				}
			}
		}
		for _, fd := range rep.Findings {
			for _, m := range matches {
				secret := text[m.Start:m.End]
				if strings.Contains(fd.Message, secret) || strings.Contains(fd.Snippet, secret) {
					t.Fatalf("finding %s holds secret %q: %q / %q", fd.RuleID, secret, fd.Message, fd.Snippet)
				}
			}
		}
		for _, m := range matches {
			if secret := text[m.Start:m.End]; Mask(secret) == secret {
				t.Fatalf("Mask returned its input %q", secret)
			}
		}
	})
}
