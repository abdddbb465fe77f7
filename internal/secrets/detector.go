package secrets

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

var (
	_ analysis.Analyzer        = (*Detector)(nil)
	_ analysis.MessageAnalyzer = (*Detector)(nil)
)

// Options selects the detectors to load.
type Options struct {
	// Rules are the rule ids (or names) to load; nil loads every PP1xx rule,
	// an empty non-nil slice loads none.
	Rules []string
}

// Detector finds secrets in text. It holds no mutable state and is safe for
// concurrent use.
type Detector struct {
	defs []*definition
}

// New returns a detector with the rules in opts. An id that is not a
// secrets rule is an error.
func New(opts Options) (*Detector, error) {
	all := definitions()
	if opts.Rules == nil {
		return &Detector{defs: all}, nil
	}
	byID := map[string]*definition{}
	var ids []string
	for _, d := range all {
		byID[d.rule.ID] = d
		ids = append(ids, d.rule.ID)
	}
	want := map[string]bool{}
	for _, key := range opts.Rules {
		r := rules.Lookup(key)
		if r == nil || byID[r.ID] == nil {
			return nil, fmt.Errorf("unknown secrets rule %q: use one of %s", key, strings.Join(ids, ", "))
		}
		want[r.ID] = true
	}
	d := &Detector{}
	for _, def := range all {
		if want[def.rule.ID] {
			d.defs = append(d.defs, def)
		}
	}
	return d, nil
}

// Name implements analysis.Analyzer.
func (d *Detector) Name() string { return "secrets" }

// binarySniffLen is how much of a file is checked for a NUL byte, as git does.
const binarySniffLen = 8000

// Analyze reports the secrets in a changed file, on every line (the review
// stage marks which lines the change touched). Binary content (a NUL byte
// in the first 8000 bytes) gives an empty report.
func (d *Detector) Analyze(ctx context.Context, u *analysis.Unit) (analysis.Report, error) {
	if u == nil {
		return analysis.Report{}, nil
	}
	if err := ctx.Err(); err != nil {
		return analysis.Report{}, fmt.Errorf("secrets: scan %s: %w", u.Path, err)
	}
	if bytes.IndexByte(u.Content[:min(len(u.Content), binarySniffLen)], 0) >= 0 {
		return analysis.Report{}, nil
	}
	s, hits := d.run(u.Content)
	return analysis.Report{Findings: d.findings(u.Path, describe(u.Path), s, hits)}, nil
}

// AnalyzeMessage reports the secrets in a commit message; findings carry
// m.Source as their path.
func (d *Detector) AnalyzeMessage(ctx context.Context, m *analysis.Message) (analysis.Report, error) {
	if m == nil {
		return analysis.Report{}, nil
	}
	if err := ctx.Err(); err != nil {
		return analysis.Report{}, fmt.Errorf("secrets: scan message %s: %w", m.Source, err)
	}
	s, hits := d.run([]byte(m.Text))
	return analysis.Report{Findings: d.findings(m.Source, "the commit message", s, hits)}, nil
}

// Match is one secret in a text.
type Match struct {
	RuleID     string
	Start, End int // byte offsets of the secret in the text
	Line       int // 1-based line of Start
	Column     int // 1-based byte column of Start
}

// Find returns the secrets in text, ordered by offset. Where matches of
// several rules overlap, only the most specific is kept.
func (d *Detector) Find(text []byte) []Match {
	s, hits := d.run(text)
	out := make([]Match, 0, len(hits))
	for _, h := range hits {
		line, col := s.position(h.start)
		out = append(out, Match{RuleID: h.def.rule.ID, Start: h.start, End: h.end, Line: line, Column: col})
	}
	return out
}

// run applies every loaded detector and resolves overlaps.
func (d *Detector) run(text []byte) (*scan, []hit) {
	s := newScan(text)
	var hits []hit
	emit := func(h hit) { hits = append(hits, h) }
	for _, def := range d.defs {
		def.find(s, def, emit)
	}
	return s, resolve(dedupe(hits))
}

// dedupe drops repeated hits of one rule on one span (a name holding two
// keywords is visited twice).
func dedupe(hits []hit) []hit {
	if len(hits) < 2 {
		return hits
	}
	type key struct {
		id         string
		start, end int
	}
	seen := make(map[key]bool, len(hits))
	out := hits[:0]
	for _, h := range hits {
		k := key{h.def.rule.ID, h.start, h.end}
		if !seen[k] {
			seen[k] = true
			out = append(out, h)
		}
	}
	return out
}

// maxSnippet bounds the snippet of a long (minified) line.
const maxSnippet = 200

func (d *Detector) findings(path, where string, s *scan, hits []hit) []finding.Finding {
	if len(hits) == 0 {
		return nil
	}
	// A found value may repeat elsewhere, even inside the name it is
	// assigned to (abc…pass=abc…): messages and snippets mask every repeat.
	values := make([]string, len(hits))
	for k, h := range hits {
		values[k] = string(s.text[h.start:h.end])
	}
	idx := newValueIndex(values)
	out := make([]finding.Finding, 0, len(hits))
	for _, h := range hits {
		r := h.def.rule
		line, col := s.position(h.start)
		endLine, _ := s.position(max(h.start, h.end-1))
		endLn, endCol := s.position(h.end)
		secret := string(s.text[h.start:h.end])
		msg, _ := idx.replace(message(h, secret, endLine-line+1, where), Mask)
		f := r.NewFinding(path, line, col, msg)
		f.EndLine = endLine
		if endLn == endLine {
			f.EndColumn = endCol
		}
		f.Engine = "builtin"
		if h.severity != finding.None {
			f.Severity = h.severity
		}
		if h.confidence != finding.ConfidenceUnset {
			f.Confidence = h.confidence
		}
		f.Snippet = snippet(s, h, hits, idx)
		out = append(out, f)
	}
	return out
}

// message says what was found and where, with the value masked.
func message(h hit, secret string, lines int, where string) string {
	switch h.def.priority {
	case prioGeneric:
		return fmt.Sprintf("%s in %s (%d characters, %.1f bits/char)", h.what, where, len(secret), shannon(secret))
	case prioKeyBlock:
		unit := "lines"
		if lines == 1 {
			unit = "line"
		}
		return fmt.Sprintf("%s (%d %s) in %s", h.what, lines, unit, where)
	}
	return fmt.Sprintf("%s %s in %s", h.what, Mask(secret), where)
}

// snippet returns the line of h with every secret on it masked, cut to
// maxSnippet bytes around h when the line is long.
func snippet(s *scan, h hit, hits []hit, idx *valueIndex) string {
	ls, le := s.lineBounds(h.start)
	var b strings.Builder
	at := ls
	focus := 0
	// hits are ordered and disjoint, so their ends are ordered too.
	first := sort.Search(len(hits), func(k int) bool { return hits[k].end > ls })
	for _, o := range hits[first:] {
		if o.start >= le {
			break
		}
		from, to := max(o.start, ls), min(o.end, le)
		if from < at {
			continue
		}
		between, _ := idx.replace(string(s.text[at:from]), Mask)
		b.WriteString(between)
		if o.start == h.start && o.end == h.end {
			focus = b.Len()
		}
		b.WriteString(Mask(string(s.text[o.start:o.end])))
		at = to
	}
	rest, _ := idx.replace(string(s.text[at:le]), Mask)
	b.WriteString(rest)
	line := strings.TrimRight(b.String(), "\r")
	if len(line) <= maxSnippet {
		return line
	}
	from := max(0, focus-maxSnippet/2)
	to := min(len(line), from+maxSnippet)
	from = max(0, to-maxSnippet)
	cut := strings.ToValidUTF8(line[from:to], "")
	if from > 0 {
		cut = "…" + cut
	}
	if to < len(line) {
		cut += "…"
	}
	return cut
}

// describe names the kind of file for messages.
func describe(p string) string {
	base := strings.ToLower(path.Base(strings.ReplaceAll(p, "\\", "/")))
	ext := path.Ext(base)
	switch {
	case base == ".env" || strings.HasPrefix(base, ".env.") || ext == ".env":
		return "a .env file"
	case base == "dockerfile" || strings.HasPrefix(base, "dockerfile.") || ext == ".dockerfile":
		return "a Dockerfile"
	}
	switch ext {
	case ".py", ".pyw", ".pyi":
		return "Python source"
	case ".js", ".mjs", ".cjs", ".jsx":
		return "JavaScript source"
	case ".ts", ".tsx":
		return "TypeScript source"
	case ".go":
		return "Go source"
	case ".rb":
		return "Ruby source"
	case ".java", ".kt", ".scala":
		return "JVM source"
	case ".php":
		return "PHP source"
	case ".cs":
		return "C# source"
	case ".rs":
		return "Rust source"
	case ".yml", ".yaml":
		return "a YAML file"
	case ".json":
		return "a JSON file"
	case ".toml":
		return "a TOML file"
	case ".ini", ".cfg", ".conf", ".properties":
		return "a config file"
	case ".xml":
		return "an XML file"
	case ".sh", ".bash", ".zsh":
		return "a shell script"
	case ".tf", ".tfvars", ".hcl":
		return "a Terraform file"
	case ".md", ".markdown", ".rst", ".adoc":
		return "documentation"
	case ".pem", ".key", ".p8":
		return "a key file"
	case ".ipynb":
		return "a notebook"
	}
	return "a text file"
}
