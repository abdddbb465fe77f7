package report

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

const schemaPath = "testdata/sarif-schema-2.1.0.json"

// validateSARIF checks a log against the official SARIF 2.1.0 schema (see
// testdata/sarif-schema-2.1.0.SOURCE.md), with format assertions.
func validateSARIF(t *testing.T, log string) {
	t.Helper()
	if err := sarifSchemaErr(log); err != nil {
		t.Errorf("sarif output does not match the SARIF 2.1.0 schema: %v", err)
	}
}

func sarifSchemaErr(log string) error {
	f, err := os.Open(filepath.FromSlash(schemaPath))
	if err != nil {
		return err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaURI, doc); err != nil {
		return err
	}
	sch, err := c.Compile(sarifSchemaURI)
	if err != nil {
		return fmt.Errorf("compile schema: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(log))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return sch.Validate(inst)
}

func TestSARIFSchema(t *testing.T) {
	for _, tc := range testCases() {
		t.Run(tc.name, func(t *testing.T) {
			validateSARIF(t, render(t, "sarif", Options{ToolVersion: "0.1.0-test"}, tc.res()))
		})
	}
	t.Run("no version", func(t *testing.T) {
		validateSARIF(t, render(t, "sarif", Options{}, blockedResult()))
	})
	t.Run("zero result", func(t *testing.T) {
		validateSARIF(t, render(t, "sarif", Options{}, &review.Result{}))
	})
}

// TestSARIFSchemaRejects makes sure the validator is not vacuous: logs that
// break the schema in known ways must fail it.
func TestSARIFSchemaRejects(t *testing.T) {
	good := render(t, "sarif", Options{}, blockedResult())
	cases := []struct{ name, old, new string }{
		{"bad version", `"version": "2.1.0"`, `"version": "2.2.0"`},
		{"bad level", `"level": "error"`, `"level": "fatal"`},
		{"bad suppression kind", `"kind": "inSource"`, `"kind": "inline"`},
		{"line zero", `"startLine": 23`, `"startLine": 0`},
		{"unknown result property", `"ruleIndex": 0,`, `"ruleIndex": 0, "severityScore": 3,`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(good, c.old) {
				t.Fatalf("fixture output lacks %s", c.old)
			}
			bad := strings.Replace(good, c.old, c.new, 1)
			if sarifSchemaErr(bad) == nil {
				t.Errorf("schema accepted a log with %s", c.name)
			}
		})
	}
	if err := sarifSchemaErr(good); err != nil {
		t.Errorf("the unmodified log fails: %v", err)
	}
}

// TestSARIFCatalog runs one finding of every rule in the real catalog through
// the schema, so a rule whose documentation breaks SARIF fails here.
func TestSARIFCatalog(t *testing.T) {
	res := cleanResult()
	for i, r := range rules.All() {
		f := r.NewFinding("pkg/mod.py", i+1, 1, "")
		f.Fingerprint = fmt.Sprintf("fp%03d", i)
		f.Scope = finding.ScopeAdded
		res.Findings = append(res.Findings, f)
	}
	res.Findings = append(res.Findings, blockedResult().Findings...)
	out := render2(t, "sarif", res)
	validateSARIF(t, out)
	log := decodeSARIF(t, out)
	for _, r := range rules.All() {
		if _, ok := log.rule(r.ID); !ok {
			t.Errorf("catalog rule %s has no rule entry", r.ID)
		}
	}
}

// render2 renders with the real catalog, as New does.
func render2(t *testing.T, format string, res *review.Result) string {
	t.Helper()
	rep, err := New(format, Options{ToolVersion: "0.1.0-test"})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.Write(&b, res); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// decoded is the part of a SARIF log the semantic tests read.
type decoded struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID                   string `json:"id"`
					Name                 string `json:"name"`
					ShortDescription     struct{ Text string }
					Help                 struct{ Text, Markdown string }
					DefaultConfiguration struct{ Level string }
					Properties           struct {
						Tags             []string `json:"tags"`
						SecuritySeverity string   `json:"security-severity"`
						Precision        string   `json:"precision"`
					}
				} `json:"rules"`
			}
		}
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Notifications       []struct {
				Level   string
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		}
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					}
					Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			PartialFingerprints map[string]string
			CodeFlows           []any
			Suppressions        []struct{ Kind, Justification string }
		}
		Properties map[string]any
	}
}

func decodeSARIF(t *testing.T, out string) *decoded {
	t.Helper()
	var d decoded
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(d.Runs))
	}
	return &d
}

func (d *decoded) rule(id string) (int, bool) {
	for i, r := range d.Runs[0].Tool.Driver.Rules {
		if r.ID == id {
			return i, true
		}
	}
	return -1, false
}

func TestSARIFContent(t *testing.T) {
	res := blockedResult()
	d := decodeSARIF(t, render(t, "sarif", Options{ToolVersion: "1.2.3"}, res))
	run := d.Runs[0]
	if run.Tool.Driver.Name != "PatchPatrol" || run.Tool.Driver.Version != "1.2.3" {
		t.Errorf("driver = %s %s", run.Tool.Driver.Name, run.Tool.Driver.Version)
	}
	if want := len(res.Active()) + len(res.SuppressedFindings()); len(run.Results) != want {
		t.Errorf("%d results, want %d (active + suppressed, not outside)", len(run.Results), want)
	}
	rulesList := run.Tool.Driver.Rules
	for i, r := range run.Results {
		if r.RuleIndex < 0 || r.RuleIndex >= len(rulesList) || rulesList[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %d does not point at %s", i, r.RuleIndex, r.RuleID)
		}
		if r.PartialFingerprints["patchpatrol/v1"] == "" {
			t.Errorf("result %d lacks its fingerprint", i)
		}
		if loc := r.Locations[0].PhysicalLocation; loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") {
			t.Errorf("result %d: location %+v is not relative to %%SRCROOT%%", i, loc.ArtifactLocation)
		}
	}
	seen := map[string]bool{}
	for _, r := range rulesList {
		if seen[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		seen[r.ID] = true
	}
	for _, f := range res.Outside() {
		for _, r := range run.Results {
			if r.PartialFingerprints["patchpatrol/v1"] == f.Fingerprint {
				t.Errorf("outside-change finding %s at %s is in the SARIF results", f.RuleID, f.Location())
			}
		}
	}

	byFP := map[string]int{}
	for i, r := range run.Results {
		byFP[r.PartialFingerprints["patchpatrol/v1"]] = i
	}
	cases := []struct {
		name, fp, level, uri, supKind, supWhy string
		line, col, endLine, endCol            int
		flows                                 int
	}{
		{"critical secret", "9b8c7d6e5f4a3b2c1d0e", "error", "app/settings.py", "", "", 4, 14, 4, 0, 0},
		{"sql with trace", "3f2a9c01d4e5b6a7c8d9", "error", "app/db.py", "", "", 23, 9, 23, 58, 1},
		{"ai finding, path with a space", "0f1e2d3c4b5a69788796", "error", "app/views/admin%20export.py", "", "", 57, 0, 0, 0, 0},
		{"medium", "a1b2c3d4e5f60718293a", "warning", "app/auth.py", "", "", 31, 14, 31, 0, 0},
		{"nosec", "5566778899aabbccddee", "error", "app/report.py", "inSource", "table name comes from a constant", 9, 0, 9, 0, 0},
		{"inline", "ffeeddccbbaa99887766", "warning", "app/cache.py", "inSource", "cache key, not a HIGH-value secret", 14, 0, 14, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			i, ok := byFP[c.fp]
			if !ok {
				t.Fatalf("no result with fingerprint %s", c.fp)
			}
			r := run.Results[i]
			loc := r.Locations[0].PhysicalLocation
			if r.Level != c.level || loc.ArtifactLocation.URI != c.uri || loc.Region.StartLine != c.line ||
				loc.Region.StartColumn != c.col || loc.Region.EndLine != c.endLine || loc.Region.EndColumn != c.endCol ||
				len(r.CodeFlows) != c.flows {
				t.Errorf("got level %s uri %s region %+v flows %d", r.Level, loc.ArtifactLocation.URI, loc.Region, len(r.CodeFlows))
			}
			if c.supKind == "" {
				if len(r.Suppressions) != 0 {
					t.Errorf("active finding has suppressions %+v", r.Suppressions)
				}
			} else if len(r.Suppressions) != 1 || r.Suppressions[0].Kind != c.supKind || r.Suppressions[0].Justification != c.supWhy {
				t.Errorf("suppressions = %+v", r.Suppressions)
			}
		})
	}

	ruleCases := []struct {
		id, level, sev, precision string
		tags                      []string
		helpHas                   string
	}{
		{"PP201", "error", "8.0", "high", []string{"security", "external/cwe/cwe-89", "owasp-a03"}, "## Why it matters"},
		{"PP105", "error", "9.5", "high", []string{"security", "secret", "external/cwe/cwe-798", "owasp-a07"}, "os.environ"},
		{"PP301", "warning", "5.5", "high", []string{"security", "external/cwe/cwe-328", "owasp-a02"}, "hashlib.sha256"},
		{"AI-SEC", "error", "8.0", "medium", []string{"security", "external/cwe/cwe-862", "owasp-a01"}, "not in the PatchPatrol catalog"},
	}
	for _, c := range ruleCases {
		t.Run("rule "+c.id, func(t *testing.T) {
			i, ok := d.rule(c.id)
			if !ok {
				t.Fatalf("no rule entry for %s", c.id)
			}
			r := rulesList[i]
			if r.DefaultConfiguration.Level != c.level || r.Properties.SecuritySeverity != c.sev ||
				r.Properties.Precision != c.precision || strings.Join(r.Properties.Tags, ",") != strings.Join(c.tags, ",") {
				t.Errorf("got level %s security-severity %s precision %s tags %v", r.DefaultConfiguration.Level,
					r.Properties.SecuritySeverity, r.Properties.Precision, r.Properties.Tags)
			}
			if !strings.Contains(r.Help.Markdown, c.helpHas) {
				t.Errorf("help markdown lacks %q:\n%s", c.helpHas, r.Help.Markdown)
			}
			if r.ShortDescription.Text == "" || r.Help.Text == "" {
				t.Error("empty description or help text")
			}
		})
	}

	inv := run.Invocations
	if len(inv) != 1 || !inv[0].ExecutionSuccessful || len(inv[0].Notifications) != 2 {
		t.Errorf("invocations = %+v, want one, successful, with the warning and the skipped file", inv)
	}
	for k, want := range map[string]any{"verdict": "security_risk", "score": 0.8, "blocked": true, "outsideChange": 3.0} {
		if got := run.Properties[k]; got != want {
			t.Errorf("run property %s = %v, want %v", k, got, want)
		}
	}
}

func TestSARIFQualityRule(t *testing.T) {
	d := decodeSARIF(t, render(t, "sarif", Options{}, qualityResult()))
	i, ok := d.rule("PP801")
	if !ok {
		t.Fatal("no PP801 rule")
	}
	r := d.Runs[0].Tool.Driver.Rules[i]
	if r.Properties.SecuritySeverity != "" || strings.Join(r.Properties.Tags, ",") != "quality" {
		t.Errorf("quality rule: security-severity %q tags %v; want none and [quality]", r.Properties.SecuritySeverity, r.Properties.Tags)
	}
	if _, ok := d.rule("PP899"); ok {
		t.Error("a rule referenced only by an outside-change finding is listed")
	}
}

func TestSuppressionKind(t *testing.T) {
	cases := map[string]string{"inline": "inSource", "nosec": "inSource", "NOQA": "inSource",
		"baseline": "external", "config": "external", "": "external", "something-new": "external"}
	for in, want := range cases {
		t.Run(in, func(t *testing.T) {
			if got := suppressionKind(in); got != want {
				t.Errorf("suppressionKind(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestPhysicalURI(t *testing.T) {
	cases := []struct{ name, path, uri, base string }{
		{"relative", "app/db.py", "app/db.py", "%SRCROOT%"},
		{"dot slash", "./app/db.py", "app/db.py", "%SRCROOT%"},
		{"space", "a b/c.py", "a%20b/c.py", "%SRCROOT%"},
		{"percent", "100%.py", "100%25.py", "%SRCROOT%"},
		{"hash", "a#b.py", "a%23b.py", "%SRCROOT%"},
		{"backslash", `app\db.py`, "app/db.py", "%SRCROOT%"},
		{"absolute", "/tmp/x.py", "file:///tmp/x.py", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := physical(c.path, nil)
			if p.ArtifactLocation.URI != c.uri || p.ArtifactLocation.URIBaseID != c.base {
				t.Errorf("physical(%q) = %+v, want uri %q base %q", c.path, p.ArtifactLocation, c.uri, c.base)
			}
		})
	}
}
