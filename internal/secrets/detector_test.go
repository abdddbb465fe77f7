package secrets

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
)

const (
	fakeGitHub = "ghp_PPatrolU8k0lKEOiJSTZJ6mcNM0mM3SxwDMg"
	fakeAWSID  = "AKIAPPATROL37HPOLVIS"
	fakeAWSKey = "PPatrolX9/WfRRb7yjiSdA9XBGEgBWwv8G69DGVy"
	fakeStripe = "sk_test_PPatrol67R64dho0PxJ1D5OJ"
	fakeValue  = "4WWlGG3vWxz9VFOLQuVXiZFf"
)

func mustNew(t testing.TB, ids ...string) *Detector {
	t.Helper()
	opts := Options{}
	if ids != nil {
		opts.Rules = ids
	}
	d, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func defByID(t testing.TB, id string) *definition {
	t.Helper()
	for _, d := range definitions() {
		if d.rule.ID == id {
			return d
		}
	}
	t.Fatalf("no detector %s", id)
	return nil
}

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		rules   []string
		loaded  int
		wantErr string
	}{
		{"nil loads all", nil, 10, ""},
		{"empty loads none", []string{}, 0, ""},
		{"one id", []string{"PP103"}, 1, ""},
		{"lower-case id and a name", []string{"pp101", "github-token"}, 2, ""},
		{"duplicates", []string{"PP110", "PP110"}, 1, ""},
		{"unknown id", []string{"PP199"}, 0, `unknown secrets rule "PP199"`},
		{"blank", []string{""}, 0, "unknown secrets rule"},
		{"another engine's id", []string{"PP201"}, 0, "unknown secrets rule"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := New(Options{Rules: tt.rules})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "PP101") {
					t.Fatalf("New(%q) error = %v, want %q listing the valid ids", tt.rules, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(d.defs) != tt.loaded {
				t.Errorf("loaded %d rules, want %d", len(d.defs), tt.loaded)
			}
			if d.Name() != "secrets" {
				t.Errorf("Name() = %q", d.Name())
			}
		})
	}
}

func TestFindPositions(t *testing.T) {
	d := mustNew(t)
	text := "# config\r\nname = \"app\"\r\n  GITHUB_TOKEN=" + fakeGitHub + "\r\nother = 1\n"
	got := d.Find([]byte(text))
	if len(got) != 1 {
		t.Fatalf("got %+v", got)
	}
	m := got[0]
	if m.RuleID != "PP103" || m.Line != 3 || m.Column != 16 || text[m.Start:m.End] != fakeGitHub {
		t.Errorf("match = %+v (%q)", m, text[m.Start:m.End])
	}
	if got := d.Find(nil); len(got) != 0 {
		t.Errorf("Find(nil) = %+v", got)
	}
}

// TestMostSpecificWins checks overlap resolution between rules.
func TestMostSpecificWins(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"vendor token under a generic name", `token = "` + fakeGitHub + `"`, []string{"PP103"}},
		{"aws secret under a generic name", `aws_secret_access_key = "` + fakeAWSKey + `"`, []string{"PP102"}},
		{"jwt under a generic name", `id_token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJwYXRjaHBhdHJvbC1maXh0dXJlcyIsInN1YiI6InN2Yy1rMWxpa2MiLCJpYXQiOjE3MTc3NTAwMDAsImV4cCI6MTg5MzQ1NjAwMH0.PPatrolGqRJeCE4kBIBkxCJpFHSAV6bBUr8pGT0ohm3"`, []string{"PP109"}},
		{"token as a URL password", `https://x-access-token:` + fakeGitHub + `@github.com/o/r`, []string{"PP103"}},
		{"key id and secret side by side", fakeAWSID + "," + fakeAWSKey, []string{"PP101", "PP102"}},
		{"two values on two lines", "password = \"" + fakeValue + "\"\napi_key = \"hPB14Q7ZWQ7N4koNImpQNkYT\"", []string{"PP110", "PP110"}},
	}
	d := mustNew(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			for _, m := range d.Find([]byte(tt.text)) {
				ids = append(ids, m.RuleID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %v, want %v", ids, tt.want)
			}
		})
	}
}

func TestAnalyze(t *testing.T) {
	d := mustNew(t)
	ctx := context.Background()
	t.Run("findings carry location, severity and a masked snippet", func(t *testing.T) {
		content := "import stripe\n\nstripe.api_key = \"" + fakeStripe + "\"  # test mode\n"
		rep, err := d.Analyze(ctx, &analysis.Unit{Path: "billing/api.py", Content: []byte(content)})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) != 1 {
			t.Fatalf("got %+v", rep.Findings)
		}
		f := rep.Findings[0]
		want := finding.Finding{RuleID: "PP106", Severity: finding.Low, Confidence: finding.ConfidenceHigh,
			Path: "billing/api.py", Line: 3, EndLine: 3, Column: 19, EndColumn: 19 + len(fakeStripe)}
		if f.RuleID != want.RuleID || f.Severity != want.Severity || f.Confidence != want.Confidence ||
			f.Path != want.Path || f.Line != want.Line || f.EndLine != want.EndLine || f.Column != want.Column ||
			f.EndColumn != want.EndColumn {
			t.Errorf("finding = %+v\nwant %+v", f, want)
		}
		if f.Snippet != `stripe.api_key = "sk_t****************"  # test mode` {
			t.Errorf("snippet = %q", f.Snippet)
		}
		if !strings.Contains(f.Message, "Stripe test-mode secret key sk_t") || !strings.Contains(f.Message, "Python source") {
			t.Errorf("message = %q", f.Message)
		}
		if f.Engine != "builtin" || f.Kind != finding.KindSecret || f.OWASP != finding.A07 {
			t.Errorf("metadata = %+v", f)
		}
	})
	t.Run("live key is critical", func(t *testing.T) {
		rep, _ := d.Analyze(ctx, &analysis.Unit{Path: ".env", Content: []byte("STRIPE_SECRET_KEY=sk_live_PPatrolZC9LQAnpMjQWBVNVj\n")})
		if len(rep.Findings) != 1 || rep.Findings[0].Severity != finding.Critical {
			t.Fatalf("got %+v", rep.Findings)
		}
		if !strings.Contains(rep.Findings[0].Message, "a .env file") {
			t.Errorf("message = %q", rep.Findings[0].Message)
		}
	})
	t.Run("every secret on the line is masked in each snippet", func(t *testing.T) {
		rep, _ := d.Analyze(ctx, &analysis.Unit{Path: "keys.csv", Content: []byte("ci," + fakeAWSID + "," + fakeAWSKey + "\n")})
		if len(rep.Findings) != 2 {
			t.Fatalf("got %+v", rep.Findings)
		}
		for _, f := range rep.Findings {
			if f.Snippet != "ci,AKIA****************,****************" {
				t.Errorf("%s snippet = %q", f.RuleID, f.Snippet)
			}
		}
	})
	t.Run("a value repeated inside its own name is masked there too", func(t *testing.T) {
		content := "x" + fakeValue + "_password = \"" + fakeValue + "\"\n"
		rep, _ := d.Analyze(ctx, &analysis.Unit{Path: "a.py", Content: []byte(content)})
		if len(rep.Findings) != 1 {
			t.Fatalf("got %+v", rep.Findings)
		}
		f := rep.Findings[0]
		if strings.Contains(f.Message, fakeValue) || strings.Contains(f.Snippet, fakeValue) {
			t.Errorf("raw value in %q / %q", f.Message, f.Snippet)
		}
	})
	t.Run("a multi-line key spans its lines", func(t *testing.T) {
		rep, _ := d.Analyze(ctx, &analysis.Unit{Path: "id_rsa", Content: []byte("\n" + defByID(t, "PP108").truePositives[0])})
		if len(rep.Findings) != 1 {
			t.Fatalf("got %+v", rep.Findings)
		}
		f := rep.Findings[0]
		if f.RuleID != "PP108" || f.Line != 2 || f.EndLine != 5 || !strings.Contains(f.Message, "(4 lines)") {
			t.Errorf("finding = %+v", f)
		}
	})
	t.Run("a long line gives a bounded snippet", func(t *testing.T) {
		line := "var cfg={" + strings.Repeat(`"a":1,`, 2000) + `"token":"` + fakeGitHub + `",` + strings.Repeat(`"b":2,`, 2000) + "}"
		rep, _ := d.Analyze(ctx, &analysis.Unit{Path: "app.min.js", Content: []byte(line)})
		if len(rep.Findings) != 1 {
			t.Fatalf("got %d findings", len(rep.Findings))
		}
		s := rep.Findings[0].Snippet
		if len(s) > maxSnippet+8 || !strings.Contains(s, "ghp_****") || !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") {
			t.Errorf("snippet (%d bytes) = %q", len(s), s)
		}
	})
	t.Run("binary content is skipped", func(t *testing.T) {
		content := append([]byte("PNG\x00\x01"), []byte("token = \""+fakeGitHub+"\"")...)
		rep, err := d.Analyze(ctx, &analysis.Unit{Path: "logo.png", Content: content})
		if err != nil || len(rep.Findings) != 0 || len(rep.Notes) != 0 {
			t.Errorf("got %+v, %v", rep, err)
		}
	})
	t.Run("a NUL after the sniffed prefix does not make it binary", func(t *testing.T) {
		content := "token = \"" + fakeGitHub + "\"\n" + strings.Repeat("x", binarySniffLen) + "\x00"
		rep, _ := d.Analyze(ctx, &analysis.Unit{Path: "a.txt", Content: []byte(content)})
		if len(rep.Findings) != 1 {
			t.Errorf("got %d findings", len(rep.Findings))
		}
	})
	t.Run("empty and nil units", func(t *testing.T) {
		for _, u := range []*analysis.Unit{nil, {Path: "empty.py"}} {
			rep, err := d.Analyze(ctx, u)
			if err != nil || len(rep.Findings) != 0 {
				t.Errorf("Analyze(%+v) = %+v, %v", u, rep, err)
			}
		}
	})
	t.Run("a cancelled context is an error", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		_, err := d.Analyze(cctx, &analysis.Unit{Path: "a.py", Content: []byte("x = 1")})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v", err)
		}
		_, err = d.AnalyzeMessage(cctx, &analysis.Message{Text: "x", Source: "commit 1"})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("message err = %v", err)
		}
	})
}

func TestAnalyzeMessage(t *testing.T) {
	d := mustNew(t)
	m := &analysis.Message{Text: "Rotate deploy token\n\nold one was " + fakeGitHub + "\n", Source: "commit 1a2b3c4"}
	rep, err := d.AnalyzeMessage(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 1 {
		t.Fatalf("got %+v", rep.Findings)
	}
	f := rep.Findings[0]
	if f.Path != "commit 1a2b3c4" || f.Line != 3 || !strings.Contains(f.Message, "the commit message") {
		t.Errorf("finding = %+v", f)
	}
	if rep, _ := d.AnalyzeMessage(context.Background(), nil); len(rep.Findings) != 0 {
		t.Error("nil message reported findings")
	}
}

func TestDescribe(t *testing.T) {
	tests := map[string]string{
		"app/settings.py": "Python source", ".env": "a .env file", "deploy/.env.production": "a .env file",
		"k8s/secret.yaml": "a YAML file", "Dockerfile": "a Dockerfile", `C:\repo\main.go`: "Go source",
		"README.md": "documentation", "LICENSE": "a text file", "": "a text file",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := describe(in); got != want {
				t.Errorf("describe(%q) = %q, want %q", in, got, want)
			}
		})
	}
}
