package llm

import (
	"fmt"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/diff"
)

// piece is the smallest unit a chunk is built from: one hunk of one file (or
// a slice of a very long hunk), rendered and already redacted.
type piece struct {
	path   string
	text   string
	tokens int
}

// Chunk is one model call's share of the change.
type Chunk struct {
	Files   []string // files with at least one piece here, in order
	Message bool     // the commit message is in this chunk
	pieces  []piece
	System  string
	Prompt  string
	Tokens  int // estimated prompt tokens, system included
}

// renderHunk writes one hunk with a marker and the new line number on every
// line, the form the prompt explains.
func renderHunk(b *strings.Builder, h *diff.Hunk) {
	fmt.Fprintf(b, "@@ -%d,%d +%d,%d @@ %s\n", h.OldStart, h.OldLines, h.NewStart, h.NewLines, h.Section)
	for _, l := range h.Lines {
		switch l.Kind {
		case diff.Add:
			fmt.Fprintf(b, "+%5d | %s\n", l.New, l.Text)
		case diff.Delete:
			fmt.Fprintf(b, "-      | %s\n", l.Text)
		default:
			fmt.Fprintf(b, " %5d | %s\n", l.New, l.Text)
		}
	}
}

// hunkSep separates hunks while a file is redacted as one text, so a
// secret is judged with all of the file's changed lines around it.
const hunkSep = "\n\x00\x00hunk\x00\x00\n"

// filePieces renders f's hunks, redacts them together and returns one piece
// per hunk, with the number of replacements.
func filePieces(f *diff.File, redact func(string) (string, int)) ([]piece, int) {
	texts := make([]string, len(f.Hunks))
	for i := range f.Hunks {
		var b strings.Builder
		renderHunk(&b, &f.Hunks[i])
		texts[i] = b.String()
	}
	n := 0
	if redact != nil {
		joined, count := redact(strings.Join(texts, hunkSep))
		n = count
		if parts := strings.Split(joined, hunkSep); len(parts) == len(texts) {
			texts = parts
		} else {
			// A redaction spanned hunks: keep the file whole.
			texts = []string{strings.ReplaceAll(joined, hunkSep, "\n")}
		}
	}
	path := f.Path()
	out := make([]piece, 0, len(texts))
	for _, t := range texts {
		out = append(out, piece{path: path, text: t, tokens: EstimateTokens(t)})
	}
	return out, n
}

// splitPiece cuts a piece that alone exceeds budget into slices of whole
// lines; a single line over budget cannot be cut and reports false.
func splitPiece(p piece, budget int) ([]piece, bool) {
	lines := strings.SplitAfter(p.text, "\n")
	var out []piece
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			t := cur.String()
			out = append(out, piece{path: p.path, text: t, tokens: EstimateTokens(t)})
			cur.Reset()
		}
	}
	for _, l := range lines {
		if EstimateTokens(l) > budget {
			return nil, false
		}
		if EstimateTokens(cur.String()+l) > budget {
			flush()
		}
		cur.WriteString(l)
	}
	flush()
	return out, true
}

// header is what a piece adds to a chunk when its file is new there.
func fileHeader(path string, status diff.Status) string {
	return fmt.Sprintf("### FILE: %s (%s)\n", path, status)
}

// pack groups pieces into chunks of at most budget tokens, keeping a file's
// hunks together when they fit and in order always.
func pack(pieces []piece, budget int, headers map[string]string) [][]piece {
	var chunks [][]piece
	var cur []piece
	used := 0
	seen := map[string]bool{}
	for _, p := range pieces {
		cost := p.tokens
		if !seen[p.path] {
			cost += EstimateTokens(headers[p.path])
		}
		if used+cost > budget && len(cur) > 0 {
			chunks = append(chunks, cur)
			cur, used, seen = nil, 0, map[string]bool{}
			cost = p.tokens + EstimateTokens(headers[p.path])
		}
		cur = append(cur, p)
		seen[p.path] = true
		used += cost
	}
	if len(cur) > 0 {
		chunks = append(chunks, cur)
	}
	return chunks
}

// diffText renders a chunk's pieces with a header before each file's first
// piece.
func diffText(pieces []piece, headers map[string]string) (string, []string) {
	var b strings.Builder
	var files []string
	last := ""
	for _, p := range pieces {
		if p.path != last {
			b.WriteString(headers[p.path])
			files = append(files, p.path)
			last = p.path
		}
		b.WriteString(p.text)
	}
	return b.String(), files
}
