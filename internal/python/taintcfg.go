package python

import (
	"fmt"
	"sort"
	"strings"
)

// classNames are the sink-class names that configuration uses for
// sanitizers: [patchpatrol.taint.sanitizers] "myapp.clean_sql" = ["sql"].
var classNames = map[string]Class{
	"sql": ClassSQL, "shell": ClassShell, "code": ClassCode, "path": ClassPath, "html": ClassHTML,
	"redirect": ClassRedirect, "ssrf": ClassSSRF, "ldap": ClassLDAP, "xpath": ClassXPath,
	"deserialization": ClassDeserialize, "log": ClassLog, "header": ClassHeader, "regex": ClassRegex,
	"template": ClassTemplate, "nosql": ClassNoSQL, "trust": ClassTrust, "xml": ClassXML, "cookie": ClassCookie,
	"all": AllClasses,
}

// SinkClassNames lists the names a sanitizer may protect, for help texts and
// validation messages.
func SinkClassNames() []string {
	out := make([]string, 0, len(classNames))
	for k := range classNames {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TaintConfig is the project's own taint vocabulary, added to the built-in
// one: functions whose results are untrusted request data, and functions
// whose results are safe for some sinks.
type TaintConfig struct {
	// Sources are qualified names ("myapp.web.current_payload"). A call to
	// one returns remote (request) data; a module-level object with the
	// name ("myframework.request") is a request object whose attributes
	// hold client data.
	Sources []string
	// Sanitizers map qualified names to the sink classes their result is
	// safe for (names from SinkClassNames).
	Sanitizers map[string][]string
}

// taintTables is a TaintConfig compiled for lookups.
type taintTables struct {
	sources    map[string]bool
	sanitizers map[string]Class
}

func (c TaintConfig) compile() (taintTables, error) {
	t := taintTables{}
	for _, s := range c.Sources {
		s = strings.TrimSpace(s)
		if !validQual(s) {
			return t, fmt.Errorf("taint source %q: use a dotted Python name such as \"myapp.web.current_payload\"", s)
		}
		if t.sources == nil {
			t.sources = map[string]bool{}
		}
		t.sources[s] = true
	}
	for name, classes := range c.Sanitizers {
		if !validQual(name) {
			return t, fmt.Errorf("taint sanitizer %q: use a dotted Python name such as \"myapp.security.clean\"", name)
		}
		var cs Class
		for _, n := range classes {
			c, ok := classNames[strings.ToLower(strings.TrimSpace(n))]
			if !ok {
				return t, fmt.Errorf("taint sanitizer %q: unknown sink class %q; use one of %s", name, n, strings.Join(SinkClassNames(), ", "))
			}
			cs |= c
		}
		if cs == 0 {
			return t, fmt.Errorf("taint sanitizer %q: list the sink classes it protects, e.g. [\"sql\"] or [\"all\"]", name)
		}
		if t.sanitizers == nil {
			t.sanitizers = map[string]Class{}
		}
		t.sanitizers[name] = cs
	}
	return t, nil
}

// validQual accepts dotted identifiers: "a", "a.b_c.D".
func validQual(s string) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return false
		}
		for i, r := range part {
			if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}
