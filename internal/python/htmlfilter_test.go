package python

import "testing"

// TestScriptFilterPatterns checks which regular expressions count as HTML
// filters (PP224): tag and event-handler patterns, not words that contain "on".
func TestScriptFilterPatterns(t *testing.T) {
	for _, c := range []struct {
		pat  string
		want bool
	}{
		{`\son[a-z]+\s*=\s*"[^"]*"`, true},
		{`on\w+=`, true},
		{`\bon[a-zA-Z]+\s*=`, true},
		{`<script.*?>`, true},
		{`json\w+`, false},
		{`(\d+)\s*items`, false},
		{`person[a-z]+`, false},
	} {
		if got := scriptFilter.MatchString(c.pat); got != c.want {
			t.Errorf("%q: %v, want %v", c.pat, got, c.want)
		}
	}
}
