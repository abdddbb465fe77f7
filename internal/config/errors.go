package config

import (
	"strconv"
	"strings"
)

// Error is a configuration problem: a TOML syntax error, a value of the wrong
// type or out of range, a bad environment variable or flag value, or a config
// file that cannot be read.
//
// Key is the setting's dotted key below [patchpatrol] ("threshold",
// "security.compliance_frameworks", "rules.ignore[1].path"), the environment
// variable ("PATCHPATROL_THRESHOLD") or the flag ("--threshold"). File is
// empty for environment and flag errors; Line is 0 when unknown.
type Error struct {
	File    string
	Line    int
	Key     string
	Message string
	Err     error // the underlying cause, if any
}

// Error renders `.patchpatrol.toml:12: threshold: must be a number between 0
// and 1, got "high"`, leaving out the parts that are unknown.
func (e *Error) Error() string {
	return location(e.File, e.Line, e.Key) + e.Message
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Warning is something in a config file that PatchPatrol ignores: an unknown
// key, a key it accepts but does not use, or settings it will not apply from
// a repository. Key is the full dotted key as written in the file
// ("patchpatrol.security.enforce_owasp", "tool.patchpatrol.threshold").
type Warning struct {
	File    string
	Line    int
	Key     string
	Message string
}

// String renders `.patchpatrol.toml:7: patchpatrol.thresold: unknown key,
// ignored (did you mean "threshold"?)`.
func (w Warning) String() string {
	return location(w.File, w.Line, w.Key) + w.Message
}

func location(file string, line int, key string) string {
	var b strings.Builder
	if file != "" {
		b.WriteString(file)
		if line > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(line))
		}
		b.WriteString(": ")
	}
	if key != "" {
		b.WriteString(key)
		b.WriteString(": ")
	}
	return b.String()
}
