package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ from the current output")

// variant is one format with one set of options, as a golden file suffix.
type variant struct {
	name   string
	format string
	opts   Options
}

func variants() []variant {
	const v = "0.1.0-test"
	return []variant{
		{"text", "text", Options{ToolVersion: v}},
		{"text-verbose", "text", Options{Verbose: true, ToolVersion: v}},
		{"text-quiet", "text", Options{Quiet: true, ToolVersion: v}},
		{"json", "json", Options{ToolVersion: v}},
		{"sarif", "sarif", Options{ToolVersion: v}},
		{"markdown", "markdown", Options{ToolVersion: v}},
		{"markdown-verbose", "markdown", Options{Verbose: true, ToolVersion: v}},
		{"html", "html", Options{ToolVersion: v}}, // html.go; the audit page is tested in html_test.go
	}
}

func render(t *testing.T, format string, o Options, res *review.Result) string {
	t.Helper()
	rep, err := newReporter(format, o, testLookup)
	if err != nil {
		t.Fatalf("newReporter(%q): %v", format, err)
	}
	var buf bytes.Buffer
	if err := rep.Write(&buf, res); err != nil {
		t.Fatalf("%s: Write: %v", format, err)
	}
	return buf.String()
}

// TestGolden compares every format and option set on every fixture with
// testdata/<case>.<variant>.golden. Refresh with: go test ./internal/report -update
func TestGolden(t *testing.T) {
	for _, tc := range testCases() {
		for _, v := range variants() {
			t.Run(tc.name+"/"+v.name, func(t *testing.T) {
				got := render(t, v.format, v.opts, tc.res())
				path := filepath.Join("testdata", tc.name+"."+v.name+".golden")
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
}

// TestDeterministic renders each fixture twice and expects identical bytes.
func TestDeterministic(t *testing.T) {
	for _, tc := range testCases() {
		for _, v := range variants() {
			t.Run(tc.name+"/"+v.name, func(t *testing.T) {
				if a, b := render(t, v.format, v.opts, tc.res()), render(t, v.format, v.opts, tc.res()); a != b {
					t.Error("two renderings of the same result differ")
				}
			})
		}
	}
}

func TestNew(t *testing.T) {
	cases := []struct {
		name, format string
		want         any
		err          string
	}{
		{"text", "text", (*Text)(nil), ""},
		{"json", "json", (*JSON)(nil), ""},
		{"sarif", "sarif", (*SARIF)(nil), ""},
		{"markdown", "markdown", (*Markdown)(nil), ""},
		{"gitlab", "gitlab", (*GitLab)(nil), ""},
		{"html", "html", (*HTML)(nil), ""},
		{"upper case and spaces", " SARIF ", (*SARIF)(nil), ""},
		{"unknown", "x", nil, `unknown format "x": use text, json, sarif, markdown, gitlab or html`},
		{"empty", "", nil, `unknown format "": use text, json, sarif, markdown, gitlab or html`},
		{"pdf is not a format", "pdf", nil, `unknown format "pdf": use text, json, sarif, markdown, gitlab or html`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := New(c.format, Options{})
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Fatalf("New(%q) error = %v, want %q", c.format, err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("New(%q): %v", c.format, err)
			}
			if got, want := typeName(rep), typeName(c.want); got != want {
				t.Errorf("New(%q) = %s, want %s", c.format, got, want)
			}
		})
	}
	for _, f := range Formats() {
		if _, err := New(f, Options{}); err != nil {
			t.Errorf("Formats lists %q but New rejects it: %v", f, err)
		}
	}
}

func typeName(v any) string {
	switch v.(type) {
	case *Text:
		return "Text"
	case *JSON:
		return "JSON"
	case *SARIF:
		return "SARIF"
	case *Markdown:
		return "Markdown"
	case *GitLab:
		return "GitLab"
	case *HTML:
		return "HTML"
	}
	return "unknown"
}

// TestGrepCountsIssues checks the contract of the original weekly report
// script: in text output, the lines matching CRITICAL or HIGH are exactly the
// active HIGH and CRITICAL issues, plus the header when it carries one.
func TestGrepCountsIssues(t *testing.T) {
	grep := regexp.MustCompile(`CRITICAL|HIGH`)
	opts := []struct {
		name string
		o    Options
	}{
		{"plain", Options{}}, {"verbose", Options{Verbose: true}}, {"quiet", Options{Quiet: true}},
		{"color", Options{Color: true}}, {"color verbose", Options{Color: true, Verbose: true}},
	}
	for _, tc := range testCases() {
		for _, op := range opts {
			t.Run(tc.name+"/"+op.name, func(t *testing.T) {
				res := tc.res()
				out := render(t, "text", op.o, res)
				got := 0
				for _, line := range strings.Split(out, "\n") {
					if grep.MatchString(line) {
						got++
					}
				}
				want := 0
				for _, f := range res.Active() {
					if f.Severity >= finding.High {
						want++
					}
				}
				if !op.o.Quiet && !isQuality(res) && res.Severity >= finding.High {
					want++ // "| Severity: HIGH" in the header
				}
				if got != want {
					t.Errorf("%d lines match CRITICAL|HIGH, want %d:\n%s", got, want, out)
				}
			})
		}
	}
	// The fixtures must make this test able to fail: a MEDIUM issue found
	// with HIGH confidence, a justification and a comment that say HIGH, and
	// a CRITICAL finding outside the change.
	res := blockedResult()
	out := render(t, "text", Options{Verbose: true}, res)
	for _, want := range []string{"MEDIUM CWE-328", "confidence high", "not a high-value secret",
		"Two high-severity paths", "· critical PP105"} {
		if !strings.Contains(out, want) {
			t.Errorf("blocked text output lacks %q; the grep test lost its teeth:\n%s", want, out)
		}
	}
}

func TestTextShape(t *testing.T) {
	for _, tc := range testCases() {
		for _, o := range []Options{{}, {Verbose: true}, {Quiet: true}} {
			res := tc.res()
			out := render(t, "text", o, res)
			t.Run(tc.name+"/"+optName(o), func(t *testing.T) {
				lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
				last := lines[len(lines)-1]
				closing := regexp.MustCompile(`^(✗ Blocked|⚠ Not approved \(soft mode, commit allowed\)|✓ Approved): reviewed \d+ files?`)
				if !closing.MatchString(last) {
					t.Errorf("last line is not a closing line: %q", last)
				}
				for _, l := range lines[:len(lines)-1] {
					if closing.MatchString(l) {
						t.Errorf("closing line appears before the end: %q", l)
					}
				}
				if res.Coverage.MessageReviewed != strings.Contains(last, "and the commit message") {
					t.Errorf("closing line %q and MessageReviewed=%v disagree", last, res.Coverage.MessageReviewed)
				}
				for _, l := range lines {
					if strings.Contains(l, "→") && regexp.MustCompile(`CRITICAL|HIGH|MEDIUM|LOW`).MatchString(l) {
						t.Errorf("remediation line carries a severity word: %q", l)
					}
				}
				if o.Quiet {
					if want := len(res.Active()) + 1; len(lines) != want {
						t.Errorf("quiet output has %d lines, want %d (issues + closing line):\n%s", len(lines), want, out)
					}
				}
				if len(res.Warnings) > 0 && !o.Quiet && !strings.HasPrefix(out, "warning: ") {
					t.Errorf("warnings do not come first:\n%s", out)
				}
			})
		}
	}
}

func TestColorOnlyWhenAsked(t *testing.T) {
	for _, tc := range testCases() {
		for _, f := range Formats() {
			for _, o := range []Options{{}, {Verbose: true}, {Quiet: true}, {Color: true}, {Color: true, Quiet: true}} {
				t.Run(tc.name+"/"+f+"/"+optName(o), func(t *testing.T) {
					out := render(t, f, o, tc.res())
					has := strings.Contains(out, "\x1b[")
					want := o.Color && f == "text"
					if has != want {
						t.Errorf("format %s, Color=%v: escape codes present = %v, want %v", f, o.Color, has, want)
					}
				})
			}
		}
	}
}

// TestSecretsNotReExpanded puts the raw secret in a file at the finding's path
// in the working directory: a reporter that read the source for context
// would print it. Each format must show only the masked value it was given,
// byte for byte.
func TestSecretsNotReExpanded(t *testing.T) {
	const raw = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	const masked = `AWS_SECRET = "wJal<redacted>"`
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "app"), 0o755); err != nil {
		t.Fatal(err)
	}
	src := "import os\n\n\nAWS_SECRET = \"" + raw + "\"\n"
	if err := os.WriteFile(filepath.Join(dir, "app", "settings.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	res := blockedResult()
	for i := range res.Findings {
		if res.Findings[i].RuleID == "PP105" {
			res.Findings[i].Snippet = masked
			res.Findings[i].Message = "AWS secret access key wJal<redacted> assigned to AWS_SECRET"
		}
	}
	for _, f := range Formats() {
		for _, o := range []Options{{}, {Verbose: true}, {Color: true, Verbose: true}} {
			t.Run(f+"/"+optName(o), func(t *testing.T) {
				out := render(t, f, o, res)
				for _, part := range []string{raw, raw[4:], "EXAMPLEKEY"} {
					if strings.Contains(out, part) {
						t.Fatalf("%s output contains the raw secret (%q):\n%s", f, part, out)
					}
				}
				switch f {
				case "json":
					// Finding.MarshalJSON escapes < and > as \u003c; compare values.
					var doc struct {
						Issues []finding.Finding `json:"security_issues"`
					}
					if err := json.Unmarshal([]byte(out), &doc); err != nil {
						t.Fatal(err)
					}
					if len(doc.Issues) == 0 || doc.Issues[0].Snippet != masked {
						t.Errorf("json does not carry the masked snippet verbatim:\n%s", out)
					}
				case "text", "sarif":
					if !strings.Contains(out, "wJal<redacted>") {
						t.Errorf("%s does not carry the masked message verbatim", f)
					}
				case "markdown":
					if !strings.Contains(out, `wJal\<redacted\>`) {
						t.Errorf("markdown does not carry the masked message, escaped")
					}
				}
			})
		}
	}
}

// TestJSONContract checks the public field names, that lists are never null,
// and that the issue list is named after the mode.
func TestJSONContract(t *testing.T) {
	common := []string{"mode", "target", "score", "verdict", "severity", "threshold", "approved", "blocked",
		"comments", "owasp_categories", "compliance_impact", "suppressed_issues", "outside_change", "warnings", "coverage"}
	lists := []string{"comments", "owasp_categories", "compliance_impact", "suppressed_issues", "outside_change", "warnings"}
	coverageKeys := []string{"files_reviewed", "files", "files_skipped", "engines", "message_reviewed", "lines_added",
		"suppressed", "outside_change", "notes"}
	empty := &review.Result{Mode: review.ModeSecurity}
	emptyQuality := &review.Result{Mode: review.ModeQuality}
	cases := []struct {
		name      string
		res       *review.Result
		issues    string
		champion  bool
		nIssues   int
		severity  string
		score     float64
		suppr     int
		outside   int
		blocked   bool
		verdict   string
		firstRule string
	}{
		{"clean", cleanResult(), "security_issues", false, 0, "NONE", 0, 0, 0, false, "approve", ""},
		{"blocked", blockedResult(), "security_issues", true, 4, "CRITICAL", 0.8, 2, 3, true, "security_risk", "PP105"},
		{"soft", softResult(), "security_issues", false, 1, "MEDIUM", 0.55, 0, 0, false, "revise", "PP301"},
		{"quality", qualityResult(), "quality_issues", false, 2, "HIGH", 0.55, 0, 1, true, "revise", "PP105"},
		{"zero value", empty, "security_issues", false, 0, "NONE", 0, 0, 0, false, "", ""},
		{"zero value quality", emptyQuality, "quality_issues", false, 0, "NONE", 0, 0, 0, false, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := render(t, "json", Options{}, c.res)
			var doc map[string]json.RawMessage
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("invalid JSON: %v\n%s", err, out)
			}
			want := append(append([]string{}, common...), c.issues)
			if c.champion {
				want = append(want, "security_champion")
			}
			if len(doc) != len(want) {
				t.Errorf("%d top-level keys, want %d: %s", len(doc), len(want), out)
			}
			for _, k := range append(want, lists...) {
				v, ok := doc[k]
				if !ok {
					t.Errorf("missing key %q", k)
					continue
				}
				if string(v) == "null" {
					t.Errorf("key %q is null", k)
				}
			}
			other := map[string]string{"security_issues": "quality_issues", "quality_issues": "security_issues"}[c.issues]
			if _, ok := doc[other]; ok {
				t.Errorf("both %s and %s present", c.issues, other)
			}
			var cov map[string]json.RawMessage
			if err := json.Unmarshal(doc["coverage"], &cov); err != nil {
				t.Fatal(err)
			}
			for _, k := range coverageKeys {
				if v, ok := cov[k]; !ok || string(v) == "null" {
					t.Errorf("coverage.%s missing or null", k)
				}
			}
			var typed struct {
				Severity   string           `json:"severity"`
				Score      float64          `json:"score"`
				Blocked    bool             `json:"blocked"`
				Verdict    string           `json:"verdict"`
				Suppressed []map[string]any `json:"suppressed_issues"`
				Outside    []map[string]any `json:"outside_change"`
			}
			if err := json.Unmarshal([]byte(out), &typed); err != nil {
				t.Fatal(err)
			}
			var issues []finding.Finding
			if err := json.Unmarshal(doc[c.issues], &issues); err != nil {
				t.Fatalf("%s does not read back as findings: %v", c.issues, err)
			}
			if len(issues) != c.nIssues || typed.Severity != c.severity || typed.Score != c.score ||
				len(typed.Suppressed) != c.suppr || len(typed.Outside) != c.outside || typed.Blocked != c.blocked ||
				typed.Verdict != c.verdict {
				t.Errorf("got %d issues, severity %s, score %v, %d suppressed, %d outside, blocked %v, verdict %q",
					len(issues), typed.Severity, typed.Score, len(typed.Suppressed), len(typed.Outside), typed.Blocked, typed.Verdict)
			}
			if c.firstRule != "" && issues[0].RuleID != c.firstRule {
				t.Errorf("first issue is %s, want %s (order as given)", issues[0].RuleID, c.firstRule)
			}
			for _, s := range typed.Suppressed {
				if _, ok := s["suppressed"].(map[string]any); !ok {
					t.Errorf("suppressed issue lacks its suppression: %v", s)
				}
			}
			for _, o := range typed.Outside {
				if sc := o["scope"]; sc != "context" && sc != "file" {
					t.Errorf("outside finding has scope %v", sc)
				}
			}
		})
	}
}

func TestScoreRounding(t *testing.T) {
	res := cleanResult()
	res.Score, res.Threshold = 0.456789, 1.0/3
	out := render(t, "json", Options{}, res)
	for _, want := range []string{`"score": 0.46,`, `"threshold": 0.33,`} {
		if !strings.Contains(out, want) {
			t.Errorf("json lacks %s:\n%s", want, out)
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f+"/nil result", func(t *testing.T) {
			rep, _ := New(f, Options{})
			if err := rep.Write(&bytes.Buffer{}, nil); !errors.Is(err, errNoResult) {
				t.Errorf("Write(nil) = %v, want errNoResult", err)
			}
		})
		t.Run(f+"/writer fails", func(t *testing.T) {
			rep, _ := newReporter(f, Options{}, testLookup)
			if err := rep.Write(failWriter{}, blockedResult()); err == nil {
				t.Error("Write to a failing writer returned nil")
			}
		})
		for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
			t.Run(f+"/non-finite score", func(t *testing.T) {
				res := cleanResult()
				res.Score = bad
				rep, _ := newReporter(f, Options{}, testLookup)
				err := rep.Write(&bytes.Buffer{}, res)
				machine := f == "json" || f == "sarif"
				if machine && (err == nil || !strings.Contains(err.Error(), "not a finite number")) {
					t.Errorf("score %v: err = %v, want a clear error", bad, err)
				}
				if !machine && err != nil {
					t.Errorf("score %v: %v", bad, err)
				}
			})
		}
		t.Run(f+"/zero result", func(t *testing.T) {
			rep, _ := newReporter(f, Options{Verbose: true}, testLookup)
			if err := rep.Write(&bytes.Buffer{}, &review.Result{}); err != nil {
				t.Errorf("zero Result: %v", err)
			}
		})
	}
}

// optName names an option set for subtest names: "color+verbose".
func optName(o Options) string {
	var parts []string
	for _, p := range []struct {
		on   bool
		name string
	}{{o.Color, "color"}, {o.Verbose, "verbose"}, {o.Quiet, "quiet"}} {
		if p.on {
			parts = append(parts, p.name)
		}
	}
	if len(parts) == 0 {
		return "plain"
	}
	return strings.Join(parts, "+")
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestHostileText feeds text with newlines, ANSI escapes, a bidi override,
// pipes, backticks and markdown links through every format.
func TestHostileText(t *testing.T) {
	res := softResult()
	f := &res.Findings[0]
	f.Message = "line one\nline two \x1b[31mred\x1b[0m | `code` [click](https://evil.example) <img src=x> \u202Egnp.exe"
	f.Path = "accounts/re|set`.py"
	f.Remediation = "fix\r\nit"
	res.Comments = []string{"multi\nline"}
	res.Warnings = []string{"warn\x07bell"}

	t.Run("text", func(t *testing.T) {
		out := render(t, "text", Options{Verbose: true}, res)
		if strings.ContainsAny(out, "\x1b\x07\r\u202E") {
			t.Errorf("text output carries control or bidi characters: %q", out)
		}
		n := 0
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "  MEDIUM ") {
				n++
				if !strings.Contains(l, "line one line two") {
					t.Errorf("message not joined onto one line: %q", l)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d issue lines, want 1:\n%s", n, out)
		}
	})
	t.Run("markdown", func(t *testing.T) {
		out := render(t, "markdown", Options{Verbose: true}, res)
		var row string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "| MEDIUM ") {
				row = l
			}
		}
		if row == "" {
			t.Fatalf("no table row:\n%s", out)
		}
		if cells := len(regexp.MustCompile(`(^|[^\\])\|`).FindAllString(row, -1)); cells != 6 {
			t.Errorf("row has %d unescaped pipes, want 6: %s", cells, row)
		}
		for _, bad := range []string{`[^\\]\]\(https://`, `[^\\]<img`, "[^\\\\]`code", "\x1b", "\u202E"} {
			if regexp.MustCompile(bad).MatchString(out) {
				t.Errorf("markdown carries live %q: %s", bad, row)
			}
		}
	})
	for _, format := range []string{"json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			out := render(t, format, Options{}, res)
			if !json.Valid([]byte(out)) {
				t.Errorf("invalid JSON:\n%s", out)
			}
		})
	}
	t.Run("sarif schema", func(t *testing.T) {
		validateSARIF(t, render(t, "sarif", Options{}, res))
	})
}

func TestQuietSeverity(t *testing.T) {
	cases := []struct{ in, want string }{
		{"HIGH risk", "high risk"},
		{"a HIGHLY rated CRITICAL_PATH", "a highly rated critical_path"},
		{"LOW and MEDIUM", "low and medium"},
		{"ALLOWED_HOSTS and FLOW stay", "ALLOWED_HOSTS and FLOW stay"},
		{"high stays high", "high stays high"},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := quietSeverity(c.in); got != c.want {
				t.Errorf("quietSeverity(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestOneLine(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "abc", "abc"},
		{"whitespace runs", "  a \n\t b  ", "a b"},
		{"ansi escape", "\x1b[31mred", "\uFFFD[31mred"},
		{"bidi override", "a\u202Eb", "a\uFFFDb"},
		{"empty", "", ""},
		{"only spaces", " \n ", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := oneLine(c.in); got != c.want {
				t.Errorf("oneLine(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestMDEscape(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"pipe", "a|b", `a\|b`},
		{"backtick", "`x`", "\\`x\\`"},
		{"link", "[a](b)", `\[a\](b)`},
		{"html", "<b>", `\<b\>`},
		{"newline", "a\nb", "a b"},
		{"plain", "user_service.py:23", `user\_service.py:23`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := mdEscape(c.in); got != c.want {
				t.Errorf("mdEscape(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
