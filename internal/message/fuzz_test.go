package message

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
)

// FuzzAnalyzeMessage feeds arbitrary bytes, invalid UTF-8 included, through
// every rule. It must never panic, and what it reports must hold together:
// lines inside the input, lengths in runes, snippets valid and short.
func FuzzAnalyzeMessage(f *testing.F) {
	seeds := []string{
		"",
		"\n",
		"Add retry\n\nBody\n",
		"WIP: x\n",
		"fixup!",
		"feat(): \n",
		"# only a comment\n",
		"Subject\n# ------------------------ >8 ------------------------\ndiff\n",
		"SQL injection via q, not fixed yet: ' OR 1=1 --\n",
		"Subject\r\n\r\n" + strings.Repeat("é", 150) + "\r\n",
		"\xff\xfe\xfd\n\n\xc3\x28 " + strings.Repeat("\xe2\x82", 90),
		"Subject\n\n```\n" + strings.Repeat("y", 200) + "\n",
		"Subject\n\nSigned-off-by: \n \n",
		"x\n\nA: b\n\tc\n",
	}
	for _, s := range seeds {
		f.Add(s, "", true)
	}
	f.Add("; c\n#1 Subject\n", ";", false)
	f.Fuzz(func(t *testing.T, text, commentChar string, conventional bool) {
		c := New(Options{Conventional: conventional, CommentChar: commentChar, MaxSubject: 20, MaxBody: 30})
		rep, err := c.AnalyzeMessage(context.Background(), &analysis.Message{Text: text, Source: "fuzz"})
		if err != nil {
			t.Fatal(err)
		}
		nlines := strings.Count(text, "\n") + 1
		for _, fd := range rep.Findings {
			if fd.Line < 1 || fd.Line > nlines {
				t.Errorf("%s at line %d of a %d-line input", fd.RuleID, fd.Line, nlines)
			}
			if !utf8.ValidString(fd.Snippet) || utf8.RuneCountInString(fd.Snippet) > maxSnippet {
				t.Errorf("%s snippet %q is invalid or too long", fd.RuleID, fd.Snippet)
			}
			if fd.Message == "" || fd.Path != "fuzz" {
				t.Errorf("malformed finding %+v", fd)
			}
			lines := strings.Split(text, "\n")
			raw := strings.TrimRight(lines[fd.Line-1], " \t\r\n")
			n := utf8.RuneCountInString(raw)
			switch fd.RuleID {
			case "PP702":
				if n <= 20 {
					t.Errorf("PP702 on a %d-rune subject %q", n, raw)
				}
			case "PP705":
				if n <= 30 {
					t.Errorf("PP705 on a %d-rune line %q", n, raw)
				}
			}
		}
		for _, l := range Clean(text, commentChar) {
			if l.Number < 1 || l.Number > nlines {
				t.Errorf("Clean line number %d outside 1..%d", l.Number, nlines)
			}
			if strings.HasSuffix(l.Text, " ") || strings.HasSuffix(l.Text, "\r") {
				t.Errorf("Clean left trailing whitespace in %q", l.Text)
			}
		}
	})
}
