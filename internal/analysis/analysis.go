// Package analysis defines what every engine takes in and implements: a Unit
// (one changed file, read from git) or a Message (a commit message), and the
// Analyzer interfaces over them.
//
// It sits between diff and the engines. Engines (python, secrets, message)
// import it; review runs them through these interfaces and never imports an
// engine. It must never read the work tree or run git.
package analysis

import (
	"context"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/diff"
	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// Unit is one changed file: its full post-change content (the staged or
// committed blob, never the work tree) and the index of lines the change
// touched.
type Unit struct {
	Path    string      // repository-relative, slash-separated
	Content []byte      // the whole post-change file
	Lines   *diff.Lines // changed lines; nil means the whole file is in scope
}

// Language guesses the unit's language from its path.
func (u *Unit) Language() string {
	p := strings.ToLower(u.Path)
	switch {
	case strings.HasSuffix(p, ".py"), strings.HasSuffix(p, ".pyw"), strings.HasSuffix(p, ".pyi"):
		return "python"
	}
	// Python dependency manifests, read by the deps engine.
	base := u.Path[strings.LastIndexByte(u.Path, '/')+1:]
	lower := strings.ToLower(base)
	switch {
	case base == "pyproject.toml", base == "poetry.lock", base == "uv.lock", base == "Pipfile", base == "Pipfile.lock",
		base == "setup.cfg", strings.HasSuffix(lower, ".txt") && (strings.HasPrefix(lower, "requirements") || strings.HasPrefix(lower, "constraints")):
		return "python-dependencies"
	}
	return ""
}

// Message is a commit message under review.
type Message struct {
	Text   string
	Source string // the file it came from, or "commit <sha>"
}

// Note is something an engine wants the coverage block to say about a file,
// such as a syntax error it worked around.
type Note struct {
	Path string
	Text string
}

// Report is what an engine returns for one unit.
type Report struct {
	Findings []finding.Finding
	Notes    []Note
}

// Analyzer is one engine over changed files.
type Analyzer interface {
	Name() string
	Analyze(ctx context.Context, u *Unit) (Report, error)
}

// MessageAnalyzer is an engine over commit messages.
type MessageAnalyzer interface {
	Name() string
	AnalyzeMessage(ctx context.Context, m *Message) (Report, error)
}
