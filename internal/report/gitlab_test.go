package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/patchpatrol/patchpatrol/internal/audit"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

const gitlabSchemaPath = "testdata/gitlab-codequality.schema.json"

// gitlabIssues decodes a report, failing the test when it is not an array of
// issues.
func gitlabIssues(t *testing.T, out string) []gitlabIssue {
	t.Helper()
	var issues []gitlabIssue
	if err := json.Unmarshal([]byte(out), &issues); err != nil {
		t.Fatalf("not a JSON array of issues: %v\n%s", err, out)
	}
	return issues
}

func gitlabSchemaErr(report string) error {
	f, err := os.Open(filepath.FromSlash(gitlabSchemaPath))
	if err != nil {
		return err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	const id = "https://patchpatrol.invalid/gitlab-codequality.schema.json"
	c := jsonschema.NewCompiler()
	if err := c.AddResource(id, doc); err != nil {
		return err
	}
	sch, err := c.Compile(id)
	if err != nil {
		return fmt.Errorf("compile schema: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(report))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return sch.Validate(inst)
}

func renderAudit(t *testing.T, doc *audit.Document) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteAuditGitLab(&buf, doc); err != nil {
		t.Fatalf("WriteAuditGitLab: %v", err)
	}
	return buf.String()
}

// auditDoc is three commits, newest first: the newest repeats one finding
// of the oldest (same fingerprint), the middle one was read back without a
// live result.
func auditDoc() *audit.Document {
	newest := softResult()
	newest.Target = "commit 9e8d7c6"
	again := blockedResult().Findings[1] // PP201 in app/db.py, fingerprint 3f2a9c01d4e5b6a7c8d9
	newest.Findings = append(newest.Findings, again)
	return &audit.Document{
		Summary: audit.Summary{Range: "v1.0..HEAD", Mode: "security", CommitsAnalyzed: 3},
		Commits: []audit.Commit{
			{SHA: "9e8d7c6b5a493827161504f3e2d1c0b9a8978675", ShortSHA: "9e8d7c6", Author: "Ana", Subject: "reset links", Result: newest},
			{SHA: "5555555555555555555555555555555555555555", ShortSHA: "5555555", Author: "Bo", Subject: "read back"},
			{SHA: "4f1c2ab000000000000000000000000000000000", ShortSHA: "4f1c2ab", Author: "Cy", Subject: "export", Result: blockedResult()},
		},
	}
}

// TestGitLabGolden compares the gitlab format of every fixture, and of an
// audit, with testdata/<case>.gitlab.golden. Refresh with:
// go test ./internal/report -update
func TestGitLabGolden(t *testing.T) {
	type golden struct {
		name string
		out  func(t *testing.T) string
	}
	var cases []golden
	for _, tc := range testCases() {
		cases = append(cases, golden{tc.name, func(t *testing.T) string {
			return render(t, "gitlab", Options{ToolVersion: "0.1.0-test"}, tc.res())
		}})
	}
	cases = append(cases, golden{"audit", func(t *testing.T) string { return renderAudit(t, auditDoc()) }})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.out(t)
			path := filepath.Join("testdata", c.name+".gitlab.golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v; run: go test ./internal/report -update", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s; review the change, then run: go test ./internal/report -update\n--- got\n%s\n--- want\n%s",
					path, got, want)
			}
		})
	}
}

// TestGitLabSchema checks every report against GitLab's documented fields.
func TestGitLabSchema(t *testing.T) {
	for _, tc := range testCases() {
		t.Run(tc.name, func(t *testing.T) {
			if err := gitlabSchemaErr(render(t, "gitlab", Options{}, tc.res())); err != nil {
				t.Error(err)
			}
		})
	}
	t.Run("audit", func(t *testing.T) {
		if err := gitlabSchemaErr(renderAudit(t, auditDoc())); err != nil {
			t.Error(err)
		}
	})
	t.Run("zero result", func(t *testing.T) {
		if err := gitlabSchemaErr(render(t, "gitlab", Options{}, &review.Result{})); err != nil {
			t.Error(err)
		}
	})
}

// TestGitLabSchemaRejects makes sure the schema check is not vacuous.
func TestGitLabSchemaRejects(t *testing.T) {
	good := render(t, "gitlab", Options{}, blockedResult())
	cases := []struct{ name, old, new string }{
		{"no check_name", `"check_name": "PP105",`, ``},
		{"no fingerprint", `"fingerprint": "9b8c7d6e5f4a3b2c1d0e",`, ``},
		{"severity not GitLab's", `"severity": "blocker"`, `"severity": "CRITICAL"`},
		{"line zero", `"begin": 4,`, `"begin": 0,`},
		{"line as text", `"begin": 4,`, `"begin": "4",`},
		{"absolute path", `"path": "app/settings.py"`, `"path": "/app/settings.py"`},
		{"empty description", `"description": "hashlib.md5 hashes a session token (CWE-328)"`, `"description": ""`},
		{"object, not array", "[\n", "{\"issues\": [\n"},
	}
	if err := gitlabSchemaErr(good); err != nil {
		t.Fatalf("the unmodified report fails: %v", err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(good, c.old) {
				t.Fatalf("fixture report lacks %q:\n%s", c.old, good)
			}
			bad := strings.Replace(good, c.old, c.new, 1)
			if c.name == "object, not array" {
				bad = strings.TrimSuffix(strings.TrimSpace(bad), "]") + "]}"
			}
			if err := gitlabSchemaErr(bad); err == nil {
				t.Errorf("schema accepted a report with %s", c.name)
			}
		})
	}
}

// TestGitLabActiveOnly: exactly the active findings are issues, each with
// the finding's own fingerprint, in the review's order.
func TestGitLabActiveOnly(t *testing.T) {
	for _, tc := range testCases() {
		t.Run(tc.name, func(t *testing.T) {
			res := tc.res()
			out := render(t, "gitlab", Options{}, res)
			if strings.HasPrefix(out, "\uFEFF") || !strings.HasPrefix(out, "[") {
				t.Errorf("report does not start with '[' (GitLab refuses a byte order mark): %q", out[:min(len(out), 8)])
			}
			issues := gitlabIssues(t, out)
			active := res.Active()
			if len(issues) != len(active) {
				t.Fatalf("%d issues, want %d active findings", len(issues), len(active))
			}
			for i, f := range active {
				is := issues[i]
				if is.Fingerprint != f.Fingerprint || is.CheckName != f.RuleID || is.Location.Path != f.Path {
					t.Errorf("issue %d = %s %s %s, want %s %s %s", i, is.CheckName, is.Location.Path, is.Fingerprint,
						f.RuleID, f.Path, f.Fingerprint)
				}
				if want := max(f.Line, 1); is.Location.Lines.Begin != want {
					t.Errorf("issue %d begins at line %d, want %d", i, is.Location.Lines.Begin, want)
				}
			}
			for _, f := range res.Findings {
				if !f.Active() && strings.Contains(out, f.Fingerprint) {
					t.Errorf("inactive finding %s (%s) is in the report", f.Fingerprint, f.Scope)
				}
			}
		})
	}
	if out := render(t, "gitlab", Options{}, cleanResult()); out != "[]\n" {
		t.Errorf("clean result = %q, want an empty array", out)
	}
}

func TestGitLabSeverity(t *testing.T) {
	cases := []struct {
		sev  finding.Severity
		want string
	}{
		{finding.Critical, "blocker"}, {finding.High, "critical"}, {finding.Medium, "major"},
		{finding.Low, "minor"}, {finding.None, "info"}, {finding.Severity(42), "info"},
	}
	for _, c := range cases {
		t.Run(c.sev.String(), func(t *testing.T) {
			if got := gitlabSeverity(c.sev); got != c.want {
				t.Errorf("gitlabSeverity(%s) = %s, want %s", c.sev, got, c.want)
			}
		})
	}
}

func TestGitLabCategories(t *testing.T) {
	cases := []struct {
		name     string
		kind     finding.Kind
		category string
		want     string
	}{
		{"security", finding.KindSecurity, "injection", "Security"},
		{"secret in a quality review", finding.KindSecret, "secrets", "Security"},
		{"likely bug", finding.KindQuality, "error-handling", "Bug Risk"},
		{"commit message", finding.KindQuality, "commit-message", "Clarity"},
		{"complexity", finding.KindQuality, "Complexity", "Complexity"},
		{"anything else", finding.KindQuality, "maintainability", "Style"},
		{"no kind", "", "", "Style"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := gitlabCategories(&finding.Finding{Kind: c.kind, Category: c.category})
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("categories = %v, want [%s]", got, c.want)
			}
		})
	}
}

// TestGitLabFingerprintsUnique: GitLab keeps one issue per fingerprint, so
// colliding and missing fingerprints must still give one issue per finding,
// the same way on every run.
func TestGitLabFingerprintsUnique(t *testing.T) {
	mk := func(line int, fp, snippet string) finding.Finding {
		return finding.Finding{RuleID: "PP301", Kind: finding.KindSecurity, Severity: finding.Medium,
			Message: "weak hash", Path: "./pkg\\hash.py", Line: line, Fingerprint: fp, Snippet: snippet, Scope: finding.ScopeAdded}
	}
	res := &review.Result{Mode: review.ModeSecurity, Findings: []finding.Finding{
		mk(3, "aaaaaaaaaaaaaaaaaaaa", "x"), mk(9, "aaaaaaaaaaaaaaaaaaaa", "x"), mk(12, "aaaaaaaaaaaaaaaaaaaa", "x"),
		mk(20, "", "md5(a)"), mk(21, "", ""), mk(22, "", ""),
		{RuleID: "AI-SEC", Kind: finding.KindSecurity, Message: "whole change", Scope: finding.ScopeNone},
	}}
	out := render(t, "gitlab", Options{}, res)
	issues := gitlabIssues(t, out)
	if len(issues) != len(res.Findings) {
		t.Fatalf("%d issues for %d findings:\n%s", len(issues), len(res.Findings), out)
	}
	seen := map[string]int{}
	for i, is := range issues {
		if is.Fingerprint == "" {
			t.Errorf("issue %d has no fingerprint", i)
		}
		if j, dup := seen[is.Fingerprint]; dup {
			t.Errorf("issues %d and %d share fingerprint %s", j, i, is.Fingerprint)
		}
		seen[is.Fingerprint] = i
	}
	if issues[0].Fingerprint != "aaaaaaaaaaaaaaaaaaaa" {
		t.Errorf("first of the colliding findings lost its own fingerprint: %s", issues[0].Fingerprint)
	}
	if want := finding.ComputeFingerprint("PP301", "./pkg\\hash.py", "md5(a)", 0); issues[3].Fingerprint != want {
		t.Errorf("missing fingerprint not computed from the snippet: %s, want %s", issues[3].Fingerprint, want)
	}
	if p := issues[0].Location.Path; p != "pkg/hash.py" {
		t.Errorf("path = %q, want pkg/hash.py (relative, forward slashes)", p)
	}
	last := issues[len(issues)-1]
	if last.Location.Path != gitlabNoFile || last.Location.Lines.Begin != 1 || last.Severity != "info" || last.CheckName != "AI-SEC" {
		t.Errorf("finding without file, line or severity = %+v", last)
	}
	if again := render(t, "gitlab", Options{}, res); again != out {
		t.Error("fingerprints differ between two runs")
	}
	if err := gitlabSchemaErr(out); err != nil {
		t.Error(err)
	}
}

// TestWriteAuditGitLab: one issue per fingerprint across commits, the newest
// commit's copy kept; commits without a live result add nothing.
func TestWriteAuditGitLab(t *testing.T) {
	doc := auditDoc()
	issues := gitlabIssues(t, renderAudit(t, doc))
	want := len(doc.Commits[0].Result.Active()) + len(doc.Commits[2].Result.Active()) - 1 // the repeated PP201
	if len(issues) != want {
		t.Fatalf("%d issues, want %d", len(issues), want)
	}
	count := map[string]int{}
	for _, is := range issues {
		count[is.Fingerprint]++
	}
	for fp, n := range count {
		if n > 1 {
			t.Errorf("fingerprint %s written %d times", fp, n)
		}
	}
	var repeated *gitlabIssue
	for i := range issues {
		if issues[i].Fingerprint == "3f2a9c01d4e5b6a7c8d9" {
			repeated = &issues[i]
		}
	}
	if repeated == nil || !strings.HasSuffix(repeated.Description, "[commit 9e8d7c6]") {
		t.Errorf("repeated finding not kept from the newest commit: %+v", repeated)
	}
	if err := WriteAuditGitLab(&bytes.Buffer{}, nil); !errors.Is(err, errNoAudit) {
		t.Errorf("nil document: %v, want errNoAudit", err)
	}
	if out := renderAudit(t, &audit.Document{}); out != "[]\n" {
		t.Errorf("empty audit = %q, want []", out)
	}
	if err := WriteAuditGitLab(failWriter{}, doc); err == nil {
		t.Error("writing to a failing writer returned nil")
	}
}
