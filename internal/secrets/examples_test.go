package secrets

import (
	"context"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// TestExamples runs every detector's true and false positives through a
// detector loaded with that rule alone: each true positive holds exactly one
// secret, each false positive none.
func TestExamples(t *testing.T) {
	for _, def := range definitions() {
		id := def.rule.ID
		t.Run(id, func(t *testing.T) {
			d, err := New(Options{Rules: []string{id}})
			if err != nil {
				t.Fatal(err)
			}
			if len(def.truePositives) < 3 || len(def.falsePositives) < 3 {
				t.Errorf("%s needs at least 3 true and 3 false positives", id)
			}
			for _, tp := range def.truePositives {
				got := d.Find([]byte(tp))
				if len(got) != 1 || got[0].RuleID != id {
					t.Errorf("true positive not found exactly once: %q\n  got %+v", tp, got)
				}
			}
			for _, fp := range def.falsePositives {
				if got := d.Find([]byte(fp)); len(got) != 0 {
					t.Errorf("false positive reported: %q\n  got %+v (%q)", fp, got, fp[got[0].Start:got[0].End])
				}
			}
		})
	}
}

// TestNoRawSecretInFindings checks, for every true positive, that no field
// of a finding holds the raw secret, with all rules loaded.
func TestNoRawSecretInFindings(t *testing.T) {
	all, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, def := range definitions() {
		for i, tp := range def.truePositives {
			t.Run(def.rule.ID+"/"+string(rune('a'+i)), func(t *testing.T) {
				matches := all.Find([]byte(tp))
				if len(matches) == 0 {
					t.Fatalf("nothing found in %q", tp)
				}
				rep, err := all.Analyze(context.Background(), &analysis.Unit{Path: "config/settings.py", Content: []byte(tp)})
				if err != nil {
					t.Fatal(err)
				}
				msg, err := all.AnalyzeMessage(context.Background(), &analysis.Message{Text: "fix deploy\n\n" + tp, Source: "commit abc123"})
				if err != nil {
					t.Fatal(err)
				}
				fs := append(rep.Findings, msg.Findings...)
				if len(fs) != 2*len(matches) {
					t.Fatalf("got %d findings for %d matches in file and message", len(fs), len(matches))
				}
				for _, m := range matches {
					secret := tp[m.Start:m.End]
					for _, f := range fs {
						for field, v := range map[string]string{"Message": f.Message, "Snippet": f.Snippet,
							"Remediation": f.Remediation, "Title": f.Title, "Example": f.Example, "Path": f.Path} {
							if strings.Contains(v, secret) {
								t.Errorf("%s %s holds the raw secret: %q", f.RuleID, field, v)
							}
						}
						if f.Engine != "builtin" || f.Kind != finding.KindSecret || f.CWE != 798 || f.Line < 1 || f.Column < 1 {
							t.Errorf("finding metadata: %+v", f)
						}
					}
				}
			})
		}
	}
}

// TestEveryRuleHasADetector keeps the catalog and the engine in step.
func TestEveryRuleHasADetector(t *testing.T) {
	have := map[string]bool{}
	for _, d := range definitions() {
		if d.rule.Engine != rules.EngineSecrets {
			t.Errorf("%s is not a secrets rule", d.rule.ID)
		}
		if have[d.rule.ID] {
			t.Errorf("two detectors for %s", d.rule.ID)
		}
		have[d.rule.ID] = true
	}
	for _, r := range rules.All() {
		if r.Engine == rules.EngineSecrets && r.Status != rules.Removed && !have[r.ID] {
			t.Errorf("rule %s has no detector", r.ID)
		}
	}
}
