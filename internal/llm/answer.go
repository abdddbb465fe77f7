package llm

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// AnswerSchema is the JSON schema of a model's answer: the original
// PatchPatrol's (score, verdict, severity, comments, security_issues,
// owasp_categories, compliance_impact) plus an optional list of static
// findings the model thinks are false positives. Only score, verdict and
// comments are required and extra fields are allowed, so any model or
// fine-tune that speaks the original's format passes.
const AnswerSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "required": ["score", "verdict", "comments"],
  "properties": {
    "score": {"type": "number", "minimum": 0, "maximum": 1,
      "description": "security mode: risk of the change (0 safe, 1 certainly exploitable); code-quality mode: quality (1 excellent)"},
    "verdict": {"type": "string", "enum": ["approve", "revise", "security_risk"]},
    "severity": {"type": "string", "enum": ["NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL"]},
    "comments": {"type": "array", "items": {"type": "string"}},
    "security_issues": {"type": "array", "items": {
      "type": "object",
      "required": ["description"],
      "properties": {
        "category": {"type": "string"},
        "severity": {"type": "string", "enum": ["LOW", "MEDIUM", "HIGH", "CRITICAL"]},
        "cwe": {"type": "string", "description": "CWE-<number>"},
        "description": {"type": "string"},
        "file": {"type": "string", "description": "path as given in the diff"},
        "line": {"type": "integer", "minimum": 0, "description": "new-side line number as given in the diff"},
        "remediation": {"type": "string"}
      }
    }},
    "owasp_categories": {"type": "array", "items": {"type": "string"}},
    "compliance_impact": {"type": "array", "items": {"type": "string"}},
    "likely_false_positives": {"type": "array", "items": {
      "type": "object",
      "required": ["fingerprint", "reason"],
      "properties": {
        "fingerprint": {"type": "string", "description": "fingerprint of a static finding listed in the prompt"},
        "reason": {"type": "string"}
      }
    }}
  }
}`

// Answer is a validated model answer.
type Answer struct {
	Score          float64         `json:"score"`
	Verdict        string          `json:"verdict"`
	Severity       string          `json:"severity,omitempty"`
	Comments       []string        `json:"comments"`
	Issues         []Issue         `json:"security_issues,omitempty"`
	OWASP          []string        `json:"owasp_categories,omitempty"`
	Compliance     []string        `json:"compliance_impact,omitempty"`
	FalsePositives []FalsePositive `json:"likely_false_positives,omitempty"`
}

// Issue is one problem the model reports.
type Issue struct {
	Category    string `json:"category,omitempty"`
	Severity    string `json:"severity,omitempty"`
	CWE         string `json:"cwe,omitempty"`
	Description string `json:"description"`
	File        string `json:"file,omitempty"`
	Line        int    `json:"line,omitempty"`
	Remediation string `json:"remediation,omitempty"`
}

// FalsePositive is the model's claim that a static finding is wrong. It is
// shown, never acted on.
type FalsePositive struct {
	Fingerprint string `json:"fingerprint"`
	Reason      string `json:"reason"`
}

// Validator checks answers against AnswerSchema. It is immutable and safe
// for concurrent use.
//
// The checks are written out in checkAnswer (schema.go) rather than run by a
// general JSON-schema library: that library's package initialisation alone
// cost 14 ms of every process start, a third of a pre-commit hook's budget.
// A test validates a corpus of answers with both and requires the same
// verdict on each.
type Validator struct{}

// NewValidator returns the answer validator.
func NewValidator() (*Validator, error) { return &Validator{}, nil }

// errNoJSON is returned when an answer holds no JSON object at all.
var errNoJSON = errors.New("the answer holds no JSON object")

// Parse finds the JSON object in a model's text (bare, in a ``` fence, or
// wrapped in prose), normalises what is unambiguous (case of enums, a CWE
// given as a number, a line given as a string, "issues" for
// "security_issues") and validates it against the schema.
func (v *Validator) Parse(text string) (*Answer, error) {
	var firstErr error
	for _, cand := range jsonCandidates(text) {
		doc, err := decodeJSON(cand)
		if err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("invalid JSON: %v", err)
			}
			continue
		}
		obj, ok := doc.(map[string]any)
		if !ok {
			if firstErr == nil {
				firstErr = errors.New("the JSON is not an object")
			}
			continue
		}
		normalize(obj)
		if problems := checkAnswer(obj); len(problems) > 0 {
			return nil, fmt.Errorf("the answer does not match the schema: %s", schemaError(problems))
		}
		b, err := json.Marshal(obj)
		if err != nil {
			return nil, fmt.Errorf("re-encode answer: %w", err)
		}
		var a Answer
		if err := json.Unmarshal(b, &a); err != nil {
			return nil, fmt.Errorf("decode answer: %w", err)
		}
		return &a, nil
	}
	if firstErr == nil {
		firstErr = errNoJSON
	}
	return nil, firstErr
}

// schemaError keeps the validator's message short enough to quote back to
// the model.
func schemaError(problems []string) string {
	if len(problems) > 5 {
		problems = append(problems[:5:5], fmt.Sprintf("and %d more", len(problems)-5))
	}
	return strings.Join(problems, "; ")
}

// jsonCandidates lists the texts that may be the answer, most likely first:
// the whole text, the contents of ``` fences, then the first balanced {...}.
func jsonCandidates(text string) []string {
	t := strings.TrimSpace(text)
	var out []string
	if strings.HasPrefix(t, "{") {
		out = append(out, t)
	}
	rest := t
	for {
		i := strings.Index(rest, "```")
		if i < 0 {
			break
		}
		body := rest[i+3:]
		if nl := strings.IndexByte(body, '\n'); nl >= 0 && !strings.Contains(body[:nl], "{") {
			body = body[nl+1:] // the info string: ```json
		}
		j := strings.Index(body, "```")
		if j < 0 {
			break
		}
		if c := strings.TrimSpace(body[:j]); strings.HasPrefix(c, "{") {
			out = append(out, c)
		}
		rest = body[j+3:]
	}
	if obj := balancedObject(t); obj != "" {
		out = append(out, obj)
	}
	return out
}

// balancedObject returns the first {...} of s whose braces balance outside
// JSON strings, or "".
func balancedObject(s string) string {
	start := strings.IndexByte(s, '{')
	for start >= 0 {
		depth, inStr, esc := 0, false, false
		for i := start; i < len(s); i++ {
			c := s[i]
			switch {
			case inStr && esc:
				esc = false
			case inStr && c == '\\':
				esc = true
			case inStr && c == '"':
				inStr = false
			case inStr:
			case c == '"':
				inStr = true
			case c == '{':
				depth++
			case c == '}':
				depth--
				if depth == 0 {
					return s[start : i+1]
				}
			}
		}
		next := strings.IndexByte(s[start+1:], '{')
		if next < 0 {
			return ""
		}
		start += 1 + next
	}
	return ""
}

// normalize repairs what has one reading only.
func normalize(obj map[string]any) {
	if _, ok := obj["security_issues"]; !ok {
		if issues, ok := obj["issues"]; ok {
			obj["security_issues"] = issues
		}
	}
	if s, ok := obj["verdict"].(string); ok {
		v := strings.ToLower(strings.TrimSpace(s))
		v = strings.NewReplacer(" ", "_", "-", "_").Replace(v)
		switch v {
		case "approved", "approve":
			v = "approve"
		case "revise", "needs_revision", "request_changes", "changes_requested", "reject", "rejected":
			v = "revise"
		case "security_risk", "securityrisk", "insecure":
			v = "security_risk"
		}
		obj["verdict"] = v
	}
	if s, ok := obj["severity"].(string); ok {
		obj["severity"] = strings.ToUpper(strings.TrimSpace(s))
	}
	if c, ok := obj["comments"].(string); ok {
		obj["comments"] = []any{c}
	}
	issues, _ := obj["security_issues"].([]any)
	for _, it := range issues {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if s, ok := m["severity"].(string); ok {
			m["severity"] = strings.ToUpper(strings.TrimSpace(s))
		}
		switch c := m["cwe"].(type) {
		case json.Number:
			m["cwe"] = "CWE-" + c.String()
		case float64:
			m["cwe"] = "CWE-" + strconv.Itoa(int(c))
		case string:
			cs := strings.ToUpper(strings.TrimSpace(c))
			if _, err := strconv.Atoi(cs); err == nil {
				cs = "CWE-" + cs
			}
			m["cwe"] = cs
		case nil:
			delete(m, "cwe")
		}
		if s, ok := m["line"].(string); ok {
			if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
				m["line"] = json.Number(strconv.Itoa(n))
			}
		}
		if m["line"] == nil {
			delete(m, "line")
		}
		if m["file"] == nil {
			delete(m, "file")
		}
	}
}

// CWENumber returns n for "CWE-n", 0 otherwise.
func CWENumber(s string) int {
	s = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(s)), "CWE-")
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}
