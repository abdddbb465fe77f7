package finding

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSeverityRoundTrip(t *testing.T) {
	for _, s := range []Severity{None, Low, Medium, High, Critical} {
		got, err := ParseSeverity(strings.ToLower(s.String()))
		if err != nil || got != s {
			t.Errorf("ParseSeverity(%q) = %v, %v; want %v", s.String(), got, err, s)
		}
	}
	if _, err := ParseSeverity("severe"); err == nil {
		t.Error("ParseSeverity(severe) succeeded; want error")
	}
	if !(Critical > High && High > Medium && Medium > Low && Low > None) {
		t.Error("severities are not ordered")
	}
}

func TestFindingJSONRoundTrip(t *testing.T) {
	f := Finding{RuleID: "PP201", Kind: KindSecurity, Category: "injection", Severity: High,
		Confidence: ConfidenceHigh, CWE: 89, OWASP: A03, Message: "sql", Path: "a.py", Line: 3, EndLine: 3,
		Column: 5, Engine: "builtin", Fingerprint: "abc"}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"rule_id":"PP201"`, `"cwe":"CWE-89"`, `"severity":"HIGH"`, `"confidence":"HIGH"`,
		`"owasp":"A03:2021-Injection"`, `"file":"a.py"`, `"description":"sql"`} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON %s lacks %s", s, want)
		}
	}
	if !strings.HasPrefix(s, `{"rule_id":"PP201","cwe":"CWE-89"`) {
		t.Errorf("JSON should start with rule_id and cwe: %s", s)
	}
	var back Finding
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.CWE != 89 || back.RuleID != "PP201" || back.Severity != High || back.Path != "a.py" {
		t.Errorf("round trip lost data: %+v", back)
	}
	if err := json.Unmarshal([]byte(`{"rule_id":"X","cwe":"CWE-abc"}`), &back); err == nil {
		t.Error("bad cwe accepted")
	}
}

func TestFingerprintSurvivesMoves(t *testing.T) {
	a := []Finding{{RuleID: "PP201", Path: "a.py", Line: 3, Snippet: "  cur.execute(q)"}}
	b := []Finding{{RuleID: "PP201", Path: "a.py", Line: 40, Snippet: "cur.execute(q)   "}}
	AssignFingerprints(a)
	AssignFingerprints(b)
	if a[0].Fingerprint != b[0].Fingerprint {
		t.Error("fingerprint changed when the line moved and was re-indented")
	}
	two := []Finding{{RuleID: "PP201", Path: "a.py", Line: 3, Snippet: "x"}, {RuleID: "PP201", Path: "a.py", Line: 9, Snippet: "x"}}
	AssignFingerprints(two)
	if two[0].Fingerprint == two[1].Fingerprint {
		t.Error("identical lines got the same fingerprint")
	}
	other := []Finding{{RuleID: "PP201", Path: "b.py", Line: 3, Snippet: "  cur.execute(q)"}}
	AssignFingerprints(other)
	if other[0].Fingerprint == a[0].Fingerprint {
		t.Error("fingerprint ignores the path")
	}
}

func TestParseOWASP(t *testing.T) {
	cases := map[string]OWASP{"A03": A03, "a03:2021": A03, "A10:2021-Server-Side Request Forgery": A10}
	for in, want := range cases {
		if got, ok := ParseOWASP(in); !ok || got != want {
			t.Errorf("ParseOWASP(%q) = %q, %v", in, got, ok)
		}
	}
	for _, bad := range []string{"", "A11", "B03", "A03:2017"} {
		if _, ok := ParseOWASP(bad); ok {
			t.Errorf("ParseOWASP(%q) accepted", bad)
		}
	}
	if A03.ID() != "A03:2021" || A03.Name() != "Injection" {
		t.Errorf("ID/Name: %q %q", A03.ID(), A03.Name())
	}
}
