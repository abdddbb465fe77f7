package llm

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// decodeJSON reads exactly one JSON value, keeping numbers as json.Number
// so that integers and bounds are checked without float rounding.
func decodeJSON(s string) (any, error) {
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return v, nil
}

// checkAnswer validates a decoded answer against AnswerSchema and returns
// one message per violation, each starting with the JSON pointer of the
// offending value ("/score: ..."). Properties the schema does not name are
// allowed, as the schema allows them.
func checkAnswer(obj map[string]any) []string {
	var p problems
	for _, k := range []string{"score", "verdict", "comments"} {
		if _, ok := obj[k]; !ok {
			p.add("", "missing property %q", k)
		}
	}
	if v, ok := obj["score"]; ok {
		if n, isNum := number(v); !isNum {
			p.add("/score", "must be a number, got %s", kind(v))
		} else if n < 0 || n > 1 {
			p.add("/score", "must be between 0 and 1, got %v", v)
		}
	}
	p.enum(obj, "verdict", "/verdict", "approve", "revise", "security_risk")
	p.enum(obj, "severity", "/severity", "NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL")
	for _, k := range []string{"comments", "owasp_categories", "compliance_impact"} {
		p.strings(obj, k, "/"+k)
	}
	p.objects(obj, "security_issues", func(at string, it map[string]any) {
		if _, ok := it["description"]; !ok {
			p.add(at, "missing property %q", "description")
		}
		for _, k := range []string{"category", "cwe", "description", "file", "remediation"} {
			p.str(it, k, at+"/"+k)
		}
		p.enum(it, "severity", at+"/severity", "LOW", "MEDIUM", "HIGH", "CRITICAL")
		if v, ok := it["line"]; ok {
			if n, isInt := integer(v); !isInt {
				p.add(at+"/line", "must be an integer, got %s", kind(v))
			} else if n < 0 {
				p.add(at+"/line", "must be at least 0, got %d", n)
			}
		}
	})
	p.objects(obj, "likely_false_positives", func(at string, it map[string]any) {
		for _, k := range []string{"fingerprint", "reason"} {
			if _, ok := it[k]; !ok {
				p.add(at, "missing property %q", k)
			}
			p.str(it, k, at+"/"+k)
		}
	})
	return p
}

type problems []string

func (p *problems) add(at, format string, args ...any) {
	if at == "" {
		at = "/"
	}
	*p = append(*p, at+": "+fmt.Sprintf(format, args...))
}

func (p *problems) str(obj map[string]any, key, at string) {
	if v, ok := obj[key]; ok {
		if _, isStr := v.(string); !isStr {
			p.add(at, "must be a string, got %s", kind(v))
		}
	}
}

func (p *problems) enum(obj map[string]any, key, at string, allowed ...string) {
	v, ok := obj[key]
	if !ok {
		return
	}
	s, isStr := v.(string)
	if !isStr {
		p.add(at, "must be a string, got %s", kind(v))
		return
	}
	for _, a := range allowed {
		if s == a {
			return
		}
	}
	p.add(at, "must be one of %s, got %q", strings.Join(allowed, ", "), s)
}

func (p *problems) strings(obj map[string]any, key, at string) {
	v, ok := obj[key]
	if !ok {
		return
	}
	l, isList := v.([]any)
	if !isList {
		p.add(at, "must be an array, got %s", kind(v))
		return
	}
	for i, e := range l {
		if _, isStr := e.(string); !isStr {
			p.add(fmt.Sprintf("%s/%d", at, i), "must be a string, got %s", kind(e))
		}
	}
}

func (p *problems) objects(obj map[string]any, key string, each func(at string, it map[string]any)) {
	v, ok := obj[key]
	if !ok {
		return
	}
	l, isList := v.([]any)
	if !isList {
		p.add("/"+key, "must be an array, got %s", kind(v))
		return
	}
	for i, e := range l {
		at := fmt.Sprintf("/%s/%d", key, i)
		m, isObj := e.(map[string]any)
		if !isObj {
			p.add(at, "must be an object, got %s", kind(e))
			continue
		}
		each(at, m)
	}
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case float64:
		return n, true
	}
	return 0, false
}

// integer accepts JSON numbers with an integral value, as JSON Schema's
// "integer" does (2.0 is an integer).
func integer(v any) (int64, bool) {
	switch n := v.(type) {
	case json.Number:
		if i, err := n.Int64(); err == nil {
			return i, true
		}
		f, err := n.Float64()
		if err == nil && f == float64(int64(f)) {
			return int64(f), true
		}
	case float64:
		if n == float64(int64(n)) {
			return int64(n), true
		}
	}
	return 0, false
}

// kind names a JSON value's type for messages.
func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number, float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}
