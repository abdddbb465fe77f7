package message

import (
	"reflect"
	"testing"
)

func TestClean(t *testing.T) {
	cut := "# ------------------------ >8 ------------------------"
	tests := []struct {
		name        string
		text        string
		commentChar string
		want        []Line
	}{
		{"empty", "", "", nil},
		{"only newlines", "\n\n\n", "", nil},
		{"only whitespace", " \t\n\r\n  ", "", nil},
		{"subject only", "Add retry\n", "", []Line{{"Add retry", 1}}},
		{"no trailing newline", "Add retry\n\nBody line", "", []Line{{"Add retry", 1}, {"", 2}, {"Body line", 3}}},
		{"comments removed, numbers kept", "# template\nAdd retry\n# between\n\nBody\n# end\n", "",
			[]Line{{"Add retry", 2}, {"", 4}, {"Body", 5}}},
		{"comment must start the line", " # not a comment\n", "", []Line{{" # not a comment", 1}}},
		{"hash inside a line stays", "Fix #123 in parser\n", "", []Line{{"Fix #123 in parser", 1}}},
		{"leading blank lines dropped", "\n\n  \nSubject\n", "", []Line{{"Subject", 4}}},
		{"trailing blank lines dropped", "Subject\n\n\n \n", "", []Line{{"Subject", 1}}},
		{"blank runs collapse to the first", "Subject\n\n\n\nBody\n", "", []Line{{"Subject", 1}, {"", 2}, {"Body", 5}}},
		{"comment between blanks collapses", "Subject\n\n# c\n\nBody\n", "", []Line{{"Subject", 1}, {"", 2}, {"Body", 5}}},
		{"trailing whitespace trimmed", "Subject  \t\n\nBody \n", "", []Line{{"Subject", 1}, {"", 2}, {"Body", 3}}},
		{"leading whitespace kept", "Subject\n\n    code\n", "", []Line{{"Subject", 1}, {"", 2}, {"    code", 3}}},
		{"CRLF", "Subject\r\n\r\nBody\r\n# c\r\n", "", []Line{{"Subject", 1}, {"", 2}, {"Body", 3}}},
		{"scissors drops the rest", "Subject\n\nBody\n" + cut + "\n# Do not modify\ndiff --git a/x b/x\n+long line\n", "",
			[]Line{{"Subject", 1}, {"", 2}, {"Body", 3}}},
		{"scissors with CRLF", "Subject\r\n" + cut + "\r\ndiff\r\n", "", []Line{{"Subject", 1}}},
		{"scissors at the top", cut + "\nSubject\n", "", nil},
		{"scissors without newline", "Subject\n" + cut, "", []Line{{"Subject", 1}}},
		{"scissors needs exact text", "Subject\n\n# ----- >8 -----\nBody\n", "", []Line{{"Subject", 1}, {"", 2}, {"Body", 4}}},
		{"indented scissors is not a cut", "Subject\n\n " + cut + "\nBody\n", "",
			[]Line{{"Subject", 1}, {"", 2}, {" " + cut, 3}, {"Body", 4}}},
		{"custom comment char", "; template\n#123 Fix cart\n\n# kept\n", ";", []Line{{"#123 Fix cart", 2}, {"", 3}, {"# kept", 4}}},
		{"custom scissors", "Subject\n; ------------------------ >8 ------------------------\nBody\n", ";", []Line{{"Subject", 1}}},
		{"default scissors ignored with custom char", "Subject\n" + cut + "\nBody\n", ";",
			[]Line{{"Subject", 1}, {cut, 2}, {"Body", 3}}},
		{"multi-byte comment string", "// note\nSubject\n", "//", []Line{{"Subject", 2}}},
		{"auto means hash", "# c\nSubject\n", "auto", []Line{{"Subject", 2}}},
		{"blank comment char means hash", "# c\nSubject\n", " ", []Line{{"Subject", 2}}},
		{"newline comment char means hash", "# c\nSubject\n", "\n", []Line{{"Subject", 2}}},
		{"invalid utf-8 kept", "Fix \xff\xfe parser\n", "", []Line{{"Fix \xff\xfe parser", 1}}},
		{"lone CR is not a line break", "Subject\rmore\n", "", []Line{{"Subject\rmore", 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Clean(tc.text, tc.commentChar)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Clean(%q, %q)\n got %+v\nwant %+v", tc.text, tc.commentChar, got, tc.want)
			}
		})
	}
}
