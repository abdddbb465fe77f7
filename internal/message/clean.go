package message

import "strings"

// Line is one line of a cleaned commit message. Number is the 1-based line
// of the original text it came from, so an editor can jump to it; a blank
// line that stands for a run of blank lines carries the number of the first.
type Line struct {
	Text   string
	Number int
}

// scissors is what follows the comment string on the line above the diff of
// a verbose commit (`git commit -v`); git drops it and everything below.
const scissors = " ------------------------ >8 ------------------------"

// DefaultCommentChar is git's default core.commentChar.
const DefaultCommentChar = "#"

// Clean returns the message git would record from text under its default
// "strip" cleanup, with the original line numbers:
//
//   - everything from the scissors line of a verbose commit on is dropped;
//   - lines starting with commentChar ("#" when empty or "auto") are removed;
//   - trailing whitespace, including the CR of CRLF line endings, is removed;
//   - runs of blank lines become one, and leading and trailing blank lines go.
//
// An empty result means git would abort the commit for an empty message.
func Clean(text, commentChar string) []Line {
	cc := normalizeCommentChar(commentChar)
	cut := cc + scissors
	var out []Line
	pendingBlank := 0 // number of the first blank line of the current run, 0 if none
	for i, n := 0, 1; i <= len(text); n++ {
		j := strings.IndexByte(text[i:], '\n')
		var raw string
		if j < 0 {
			raw = text[i:]
			j = len(text) - i
		} else {
			raw = text[i : i+j]
		}
		i += j + 1
		if strings.TrimSuffix(raw, "\r") == cut {
			break
		}
		if strings.HasPrefix(raw, cc) {
			continue
		}
		line := strings.TrimRight(raw, " \t\r\n")
		if line == "" {
			if pendingBlank == 0 {
				pendingBlank = n
			}
			continue
		}
		if pendingBlank != 0 && len(out) > 0 {
			out = append(out, Line{Number: pendingBlank})
		}
		pendingBlank = 0
		out = append(out, Line{Text: line, Number: n})
	}
	return out
}

// normalizeCommentChar returns the comment string git would use. "auto" is
// resolved by git when it writes the template, almost always to "#".
func normalizeCommentChar(c string) string {
	if c == "" || c == "auto" || strings.ContainsAny(c, "\r\n") || strings.TrimSpace(c) == "" {
		return DefaultCommentChar
	}
	return c
}
