package diff

import "github.com/patchpatrol/patchpatrol/internal/finding"

// Lines indexes one file's new side once: which lines the change added and
// which are hunk context. It answers Scope for any line in O(1).
type Lines struct {
	added   map[int]bool
	context map[int]bool
}

// NewLines indexes f's hunks.
func NewLines(f *File) *Lines {
	l := &Lines{added: map[int]bool{}, context: map[int]bool{}}
	for _, h := range f.Hunks {
		for _, ln := range h.Lines {
			switch ln.Kind {
			case Add:
				l.added[ln.New] = true
			case Context:
				l.context[ln.New] = true
			}
		}
	}
	return l
}

// AllLines returns an index in which every line counts as added, for files
// reviewed whole (a new file under scan, or a file without a diff).
func AllLines() *Lines { return nil }

// Scope marks a finding's line range: added when any line of it was added,
// context when it touches hunk context, file otherwise. A nil *Lines treats
// every line as added.
func (l *Lines) Scope(line, endLine int) finding.Scope {
	if l == nil {
		return finding.ScopeAdded
	}
	if endLine < line {
		endLine = line
	}
	if endLine-line > 10000 {
		endLine = line + 10000
	}
	ctx := false
	for n := line; n <= endLine; n++ {
		if l.added[n] {
			return finding.ScopeAdded
		}
		if l.context[n] {
			ctx = true
		}
	}
	if ctx {
		return finding.ScopeContext
	}
	return finding.ScopeFile
}

// Added reports whether line n was added or modified by the change.
func (l *Lines) Added(n int) bool { return l == nil || l.added[n] }

// Count returns the number of added lines (0 for a nil index).
func (l *Lines) Count() int {
	if l == nil {
		return 0
	}
	return len(l.added)
}
