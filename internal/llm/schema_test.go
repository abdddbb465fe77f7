package llm

import (
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestCheckAnswerAgreesWithSchema validates a corpus of answers with the
// hand-written checks and with a general JSON-schema validator compiled from
// AnswerSchema (linked into this test only), and requires the same verdict.
func TestCheckAnswerAgreesWithSchema(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(AnswerSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("answer.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("answer.json")
	if err != nil {
		t.Fatal(err)
	}
	answers := []string{
		`{"score": 0.2, "verdict": "approve", "comments": []}`,
		`{"score": 0, "verdict": "revise", "comments": ["a"], "severity": "NONE", "extra": {"x": 1}}`,
		`{"score": 1, "verdict": "security_risk", "comments": ["x"], "security_issues": [{"description": "d", "line": 3, "cwe": "CWE-89", "severity": "HIGH", "file": "a.py", "category": "c", "remediation": "r"}]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "security_issues": [{"description": "d", "line": 2.0}]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "likely_false_positives": [{"fingerprint": "f", "reason": "r"}]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "owasp_categories": ["A03"], "compliance_impact": ["PCI-DSS"]}`,
		// Invalid ones.
		`{"verdict": "approve", "comments": []}`,
		`{"score": 0.5, "comments": []}`,
		`{"score": 0.5, "verdict": "approve"}`,
		`{"score": 1.5, "verdict": "approve", "comments": []}`,
		`{"score": -0.1, "verdict": "approve", "comments": []}`,
		`{"score": "0.5", "verdict": "approve", "comments": []}`,
		`{"score": 0.5, "verdict": "maybe", "comments": []}`,
		`{"score": 0.5, "verdict": 1, "comments": []}`,
		`{"score": 0.5, "verdict": "approve", "comments": "x"}`,
		`{"score": 0.5, "verdict": "approve", "comments": [1]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "severity": "SEVERE"}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "security_issues": {}}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "security_issues": ["x"]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "security_issues": [{"line": 1}]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "security_issues": [{"description": "d", "line": -1}]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "security_issues": [{"description": "d", "line": 1.5}]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "security_issues": [{"description": "d", "severity": "NONE"}]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "security_issues": [{"description": 5}]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "security_issues": [{"description": "d", "file": null}]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "owasp_categories": [null]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "likely_false_positives": [{"fingerprint": "f"}]}`,
		`{"score": 0.5, "verdict": "approve", "comments": [], "likely_false_positives": [{"fingerprint": 1, "reason": "r"}]}`,
	}
	for _, a := range answers {
		v, err := decodeJSON(a)
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		ours := checkAnswer(v.(map[string]any))
		theirs := schema.Validate(v)
		if (len(ours) == 0) != (theirs == nil) {
			t.Errorf("%s\n  checkAnswer: %v\n  JSON schema: %v", a, ours, theirs)
		}
		for _, p := range ours {
			if !strings.HasPrefix(p, "/") {
				t.Errorf("%s: problem %q does not start with a JSON pointer", a, p)
			}
		}
	}
}

func TestDecodeJSONRejectsTrailingData(t *testing.T) {
	if _, err := decodeJSON(`{"a": 1} {"b": 2}`); err == nil {
		t.Error("two values accepted")
	}
	if _, err := decodeJSON(`{"a": 1}  `); err != nil {
		t.Errorf("trailing space rejected: %v", err)
	}
}
