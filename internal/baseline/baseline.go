package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// Version is the format version this package writes and reads.
const Version = 1

// Tool is the value of the "tool" field.
const Tool = "patchpatrol"

// DefaultPath is where `patchpatrol baseline create` writes, relative to the
// repository root.
const DefaultPath = ".patchpatrol-baseline.json"

// createHint is the fix named by every error about an unusable file.
const createHint = "`patchpatrol baseline create --scan .`"

// maxSnippet bounds the informational snippet kept per entry, in runes.
const maxSnippet = 160

// File is a baseline file:
//
//	{"version": 1, "tool": "patchpatrol", "created": "2026-05-01T10:00:00Z",
//	 "source": "scan of .",
//	 "findings": [{"fingerprint": "3f9c0d1e2a4b5c6d7e8f", "rule_id": "PP201",
//	   "file": "app/views.py", "line": 23, "snippet": "cur.execute(q % uid)",
//	   "severity": "HIGH", "cwe": "CWE-89"}]}
//
// Only "version", "tool" and each fingerprint are read for matching; line,
// snippet, severity and cwe are there for people reviewing the file.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Created  string  `json:"created"`          // RFC 3339, UTC
	Source   string  `json:"source,omitempty"` // what was reviewed to create it
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	RuleID      string `json:"rule_id"`
	File        string `json:"file"`
	Line        int    `json:"line,omitempty"`    // informational: where it was when accepted
	Snippet     string `json:"snippet,omitempty"` // informational, already redacted
	Severity    string `json:"severity,omitempty"`
	CWE         string `json:"cwe,omitempty"`
}

// Error is a baseline file that cannot be used. Its message names the file,
// the problem and how to fix it.
type Error struct {
	Path    string
	Problem string // includes the fix
	Err     error
}

func (e *Error) Error() string { return "baseline " + e.Path + ": " + e.Problem }
func (e *Error) Unwrap() error { return e.Err }

// New builds a baseline from reviewed findings: every unsuppressed finding
// that has a file and a fingerprint (findings about a commit message or the
// change as a whole have no file and are not recorded), once per fingerprint,
// sorted by file, line and rule so the file diffs well under version control.
func New(fs []finding.Finding, source string, created time.Time) *File {
	b := &File{Version: Version, Tool: Tool, Created: created.UTC().Format(time.RFC3339), Source: source,
		Findings: []Entry{}}
	b.Add(fs)
	return b
}

// Add records more findings, skipping fingerprints already recorded.
func (b *File) Add(fs []finding.Finding) {
	seen := make(map[string]bool, len(b.Findings))
	for _, e := range b.Findings {
		seen[e.Fingerprint] = true
	}
	for i := range fs {
		f := &fs[i]
		if f.Suppressed != nil || f.Path == "" || f.Fingerprint == "" || seen[f.Fingerprint] {
			continue
		}
		seen[f.Fingerprint] = true
		b.Findings = append(b.Findings, Entry{Fingerprint: f.Fingerprint, RuleID: f.RuleID, File: f.Path,
			Line: f.Line, Snippet: shorten(finding.NormalizeSnippet(f.Snippet)), Severity: f.Severity.String(),
			CWE: f.CWEID()})
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := &b.Findings[i], &b.Findings[j]
		switch {
		case x.File != y.File:
			return x.File < y.File
		case x.Line != y.Line:
			return x.Line < y.Line
		case x.RuleID != y.RuleID:
			return x.RuleID < y.RuleID
		}
		return x.Fingerprint < y.Fingerprint
	})
}

func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxSnippet {
		return s
	}
	r := []rune(s)
	return string(r[:maxSnippet-1]) + "…"
}

// Write encodes the baseline as indented JSON.
func (b *File) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(b)
}

// WriteFile writes the baseline to path through a temporary file in the same
// directory, so a failed write never leaves a truncated baseline behind.
func (b *File) WriteFile(path string) error {
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".patchpatrol-baseline-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Read reads and validates a baseline file. Every failure is an *Error.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, &Error{Path: path, Err: err, Problem: "file does not exist: create it with " + createHint +
				" (or `patchpatrol baseline create RANGE`), or fix the path"}
		case isDir(path):
			return nil, &Error{Path: path, Err: err, Problem: "is a directory, not a baseline file: name the JSON file " +
				createHint + " wrote (default " + DefaultPath + ")"}
		}
		return nil, &Error{Path: path, Err: err, Problem: fmt.Sprintf("cannot be read (%v): check its permissions", unwrapPath(err))}
	}
	return Parse(path, data)
}

// Parse validates the content of a baseline file; path only names it in
// errors.
func Parse(path string, data []byte) (*File, error) {
	recreate := "recreate it with " + createHint
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{Path: path, Problem: "file is empty: " + recreate}
	}
	var b File
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&b); err != nil {
		return nil, &Error{Path: path, Err: err, Problem: "not valid baseline JSON (" + jsonProblem(data, err) + "): " + recreate}
	}
	if dec.More() {
		return nil, &Error{Path: path, Problem: "unexpected content after the JSON object: " + recreate}
	}
	switch {
	case b.Version == 0:
		return nil, &Error{Path: path, Problem: `no "version": not a PatchPatrol baseline; ` + recreate}
	case b.Version > Version:
		return nil, &Error{Path: path, Problem: fmt.Sprintf("format version %d is newer than this PatchPatrol reads (%d): upgrade PatchPatrol, or %s",
			b.Version, Version, recreate)}
	case b.Version != Version:
		return nil, &Error{Path: path, Problem: fmt.Sprintf("format version %d is not supported (this PatchPatrol reads version %d): %s",
			b.Version, Version, recreate)}
	case b.Tool != Tool:
		return nil, &Error{Path: path, Problem: fmt.Sprintf(`"tool" is %q, not %q: not a PatchPatrol baseline; %s`, b.Tool, Tool, recreate)}
	}
	if b.Findings == nil {
		b.Findings = []Entry{}
	}
	for i, e := range b.Findings {
		if !validFingerprint(e.Fingerprint) {
			what := fmt.Sprintf("fingerprint %q is not 20 lower-case hex digits", e.Fingerprint)
			if e.Fingerprint == "" {
				what = "has no fingerprint"
			}
			return nil, &Error{Path: path, Problem: fmt.Sprintf("findings[%d] (%s %s): %s; fix or delete the entry, or %s",
				i, orDash(e.RuleID), orDash(e.File), what, recreate)}
		}
	}
	return &b, nil
}

// validFingerprint accepts what finding.ComputeFingerprint writes.
func validFingerprint(s string) bool {
	if len(s) != 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// jsonProblem says where and what the JSON error is: "line 3, column 5:
// invalid character '}'" or "wrong type for findings.line: want number".
func jsonProblem(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(data, syn.Offset)
		return fmt.Sprintf("line %d, column %d: %s", line, col, syn.Error())
	case errors.As(err, &typ):
		line, col := position(data, typ.Offset)
		field := typ.Field
		if field == "" {
			field = "the document"
		}
		return fmt.Sprintf("line %d, column %d: %s is %s, want %s", line, col, field, typ.Value, typ.Type)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "it ends before the JSON object does"
	}
	return err.Error()
}

// position turns the offset encoding/json reports (just past the offending
// byte) into the 1-based line and column of that byte.
func position(data []byte, off int64) (int, int) {
	off--
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := 1 + bytes.Count(before, []byte{'\n'})
	col := int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// unwrapPath drops the *PathError's repetition of the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}
