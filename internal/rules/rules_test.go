package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRegistry checks every rule like analysis.Validate: well-formed unique
// ids and names, every doc heading, CWE and OWASP for security rules, and a
// fixture directory beside the engine that implements the rule.
func TestRegistry(t *testing.T) {
	ids := map[string]bool{}
	names := map[string]bool{}
	aliases := map[string]string{}
	for _, r := range All() {
		t.Run(r.ID, func(t *testing.T) {
			if err := r.Validate(); err != nil {
				t.Error(err)
			}
			if ids[r.ID] {
				t.Errorf("duplicate id %s", r.ID)
			}
			ids[r.ID] = true
			if names[r.Name] {
				t.Errorf("duplicate name %s", r.Name)
			}
			names[r.Name] = true
			for _, a := range r.Aliases {
				if other, ok := aliases[a]; ok {
					t.Errorf("alias %s used by %s and %s", a, other, r.ID)
				}
				aliases[a] = r.ID
			}
			if r.Status == Removed {
				return
			}
			dir := filepath.Join("..", string(r.Engine), "testdata", r.ID)
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				t.Errorf("no fixture directory %s", dir)
			}
			if Lookup(r.ID) != r || Lookup(r.Name) != r {
				t.Errorf("Lookup does not find %s by id and name", r.ID)
			}
		})
	}
}

// TestGenerated fails when docs/rules.md is stale, with the command to fix it.
func TestGenerated(t *testing.T) {
	want := Markdown()
	got, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules.md"))
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("docs/rules.md is missing or stale; run: go generate ./internal/rules")
	}
}

func TestMatches(t *testing.T) {
	r := &Rule{ID: "PP201", Name: "sql-string-built", CWE: 89, Aliases: []string{"B608", "S608"}}
	for _, c := range []string{"PP201", "pp201", "CWE-89", "cwe-89", "B608", "s608", "sql-string-built"} {
		if !r.Matches(c) {
			t.Errorf("Matches(%q) = false", c)
		}
	}
	for _, c := range []string{"", "PP202", "CWE-8", "B60", "89"} {
		if r.Matches(c) {
			t.Errorf("Matches(%q) = true", c)
		}
	}
}
