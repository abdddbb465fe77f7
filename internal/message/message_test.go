package message

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
)

func analyze(t *testing.T, o Options, text string) []finding.Finding {
	t.Helper()
	rep, err := New(o).AnalyzeMessage(context.Background(), &analysis.Message{Text: text, Source: "COMMIT_EDITMSG"})
	if err != nil {
		t.Fatal(err)
	}
	return rep.Findings
}

// hits renders findings as "line:rule" for compact comparison.
func hits(fs []finding.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%s", f.Line, f.RuleID))
	}
	return out
}

func TestAnalyzeMessage(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	words := func(n int) string { // n runes of prose: "word word wo…"
		return strings.Repeat("word ", n/5+1)[:n]
	}
	tests := []struct {
		name string
		opts Options
		text string
		want []string
	}{
		{"clean message", Options{}, "Add retry to the webhook sender\n\nDeliveries failed on the first timeout.\n", []string{}},
		{"empty", Options{}, "", []string{"1:PP701"}},
		{"comments only", Options{}, "# a\n# b\n", []string{"1:PP701"}},
		{"empty stops other rules", Options{Conventional: true}, "\n\n", []string{"1:PP701"}},
		{"subject 72 runes", Options{}, "S" + long(71), []string{}},
		{"subject 73 runes", Options{}, "S" + long(72), []string{"1:PP702"}},
		{"subject counted in runes", Options{}, strings.Repeat("é", 72), []string{}},
		{"subject of invalid bytes counted per byte", Options{}, strings.Repeat("\xff", 73), []string{"1:PP702"}},
		{"custom subject limit", Options{MaxSubject: 10}, "Add a retry", []string{"1:PP702"}},
		{"negative limit falls back", Options{MaxSubject: -5}, "S" + long(71), []string{}},
		{"merge subject exempt", Options{}, "Merge branch 'feature/" + long(80) + "' into main", []string{}},
		{"remote-tracking merge exempt", Options{}, "Merge remote-tracking branch 'origin/" + long(80) + "'", []string{}},
		{"merge-like prose is not exempt", Options{}, "Merge the " + long(80) + " tables", []string{"1:PP702"}},
		{"trailing period", Options{}, "Add retry.", []string{"1:PP703"}},
		{"ellipsis", Options{}, "Add retry...", []string{}},
		{"unicode ellipsis", Options{}, "Add retry…", []string{}},
		{"no blank after subject", Options{}, "Add retry\nBody", []string{"2:PP704"}},
		{"comment then body", Options{}, "Add retry\n# c\nBody", []string{"3:PP704"}},
		{"body too long", Options{}, "Add retry\n\n" + words(101), []string{"3:PP705"}},
		{"body at the limit", Options{}, "Add retry\n\n" + words(100), []string{}},
		{"body counted in runes", Options{}, "Add retry\n\n" + strings.Repeat("né ", 33), []string{}},
		{"custom body limit", Options{MaxBody: 20}, "Add retry\n\n" + words(21), []string{"3:PP705"}},
		{"second line long is body", Options{}, "Add retry\n" + words(101), []string{"2:PP704", "2:PP705"}},
		{"indented code exempt", Options{}, "Add retry\n\n    " + words(120), []string{}},
		{"tab code exempt", Options{}, "Add retry\n\n\t" + words(120), []string{}},
		{"three spaces not code", Options{}, "Add retry\n\n   " + words(120), []string{"3:PP705"}},
		{"quote exempt", Options{}, "Add retry\n\n> " + words(120), []string{}},
		{"fence exempt", Options{}, "Add retry\n\n```\n" + words(120) + "\n```\n" + words(120), []string{"6:PP705"}},
		{"unclosed fence exempts the rest", Options{}, "Add retry\n\n~~~\n" + words(120), []string{}},
		{"single token exempt", Options{}, "Add retry\n\n" + long(150), []string{}},
		{"listed token exempt", Options{}, "Add retry\n\n- " + long(150), []string{}},
		{"numbered token exempt", Options{}, "Add retry\n\n12. " + long(150), []string{}},
		{"url exempt", Options{}, "Add retry\n\nSee https://example.com/" + long(120), []string{}},
		{"url in angle brackets exempt", Options{}, "Add retry\n\nSee <https://example.com/" + long(120) + ">", []string{}},
		{"markdown link exempt", Options{}, "Add retry\n\nSee [the docs](https://example.com/" + long(120) + ")", []string{}},
		{"www exempt", Options{}, "Add retry\n\nSee www.example.com/" + long(120), []string{}},
		{"url plus long prose", Options{}, "Add retry\n\n" + words(101) + " https://example.com/x", []string{"3:PP705"}},
		{"scheme-like word is not a url", Options{}, "Add retry\n\n" + words(90) + " note:" + long(20), []string{"3:PP705"}},
		{"trailer exempt", Options{}, "Add retry\n\nBody.\n\nSigned-off-by: " + words(120) + " <a@b.c>", []string{}},
		{"co-authored trailer exempt", Options{}, "Add retry\n\nBody.\n\nCo-authored-by: " + words(120) + " <a@b.c>", []string{}},
		{"trailer continuation exempt", Options{}, "Add retry\n\nBody.\n\nReviewed-by: A <a@b.c>\n " + words(120), []string{}},
		{"trailer-like line mid-body not exempt", Options{}, "Add retry\n\nSigned-off-by: " + words(120) + "\n\nMore body.", []string{"3:PP705"}},
		{"note trailer is prose", Options{}, "Add retry\n\nBody.\n\nNote: " + words(120), []string{"5:PP705"}},
		{"breaking change footer is prose", Options{}, "Add retry\n\nBody.\n\nBREAKING CHANGE: " + words(120), []string{"5:PP705"}},
		{"mixed last paragraph is not a trailer block", Options{}, "Add retry\n\nBody.\n\nSome prose here\nSigned-off-by: " + words(120), []string{"6:PP705"}},
		{"subject paragraph only has no trailers", Options{}, "Signed-off-by: x\n" + "Signed-off-by: " + words(120), []string{"2:PP704", "2:PP705"}},
		{"wip", Options{}, "WIP", []string{"1:PP706"}},
		{"wip quiets other subject rules", Options{Conventional: true}, "WIP: " + words(80) + ".", []string{"1:PP706"}},
		{"wip parenthesised", Options{}, "(wip) exporter", []string{"1:PP706"}},
		{"wip with leading space", Options{}, " wip exporter", []string{"1:PP706"}},
		{"wipe is not wip", Options{}, "Wipe caches", []string{}},
		{"wip_ is a word", Options{}, "wip_branch cleanup", []string{}},
		{"fixup", Options{}, "fixup! Add retry", []string{"1:PP706"}},
		{"fixup bare", Options{}, "fixup!", []string{"1:PP706"}},
		{"fixup needs lower case", Options{}, "Fixup! Add retry", []string{}},
		{"fixup needs bang", Options{}, "fixup Add retry", []string{}},
		{"fixup quiets length", Options{}, "fixup! " + words(80), []string{"1:PP706"}},
		{"body of wip still checked", Options{}, "WIP\n\n" + words(101), []string{"1:PP706", "3:PP705"}},
		{"conventional off", Options{}, "Added a thing", []string{}},
		{"conventional ok", Options{Conventional: true}, "feat: add a thing", []string{}},
		{"conventional bad", Options{Conventional: true}, "Added a thing", []string{"1:PP707"}},
		{"conventional revert exempt", Options{Conventional: true}, "Revert \"feat: add a thing\"", []string{}},
		{"several rules sorted", Options{Conventional: true}, "Added a thing.\nbody " + words(100), []string{"1:PP703", "1:PP707", "2:PP704", "2:PP705"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := hits(analyze(t, tc.opts, tc.text))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestConventional(t *testing.T) {
	tests := []struct {
		subject string
		types   []string
		want    string // substring of the message; "" means no finding
	}{
		{"feat: add x", nil, ""},
		{"fix(parser): handle nil", nil, ""},
		{"feat(api)!: drop v1", nil, ""},
		{"feat!: drop v1", nil, ""},
		{"Fix: case-insensitive type", nil, ""},
		{"revert: feat: add x", nil, ""},
		{"fix(a-b/c): scope with punctuation", nil, ""},
		{"feature: add x", nil, `type "feature" is not one of`},
		{"fix(): empty scope", nil, "scope is empty"},
		{"fix( ): blank scope", nil, "scope is empty"},
		{"fix:no space", nil, "exactly one space"},
		{"fix:  two spaces", nil, "exactly one space"},
		{"fix:", nil, "description after the colon is empty"},
		{"fix:   ", nil, "description after the colon is empty"},
		{"fix add x", nil, "not a Conventional Commit"},
		{"fix(parser: unclosed", nil, "not a Conventional Commit"},
		{"(parser): no type", nil, "not a Conventional Commit"},
		{"fix!(parser): bang before scope", nil, "not a Conventional Commit"},
		{"story: add x", []string{"Story", " bug "}, ""},
		{"feat: add x", []string{"story", "bug"}, `type "feat" is not one of story, bug`},
		{"feat: add x", []string{}, ""},
		{"feat: add x", []string{"", "not a word!"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.subject, func(t *testing.T) {
			fs := analyze(t, Options{Conventional: true, ConventionalTypes: tc.types}, tc.subject)
			var got []finding.Finding
			for _, f := range fs {
				if f.RuleID == "PP707" {
					got = append(got, f)
				}
			}
			switch {
			case tc.want == "" && len(got) > 0:
				t.Errorf("unexpected PP707: %s", got[0].Message)
			case tc.want != "" && len(got) != 1:
				t.Errorf("got %d PP707 findings, want 1 saying %q", len(got), tc.want)
			case tc.want != "" && !strings.Contains(got[0].Message, tc.want):
				t.Errorf("message %q does not say %q", got[0].Message, tc.want)
			}
		})
	}
}

func TestFindingDetails(t *testing.T) {
	subject := "Refactor the session store so that expired sessions are purged by a background job"
	fs := analyze(t, Options{}, "# template\n"+subject+"\n")
	if len(fs) != 1 {
		t.Fatalf("got %v", hits(fs))
	}
	f := fs[0]
	checks := []struct {
		name      string
		got, want any
	}{
		{"rule", f.RuleID, "PP702"},
		{"message", f.Message, "subject is 82 characters; keep it within 72"},
		{"line", f.Line, 2},
		{"column", f.Column, 73},
		{"end column", f.EndColumn, 82},
		{"snippet", f.Snippet, subject},
		{"path", f.Path, "COMMIT_EDITMSG"},
		{"engine", f.Engine, "builtin"},
		{"kind", f.Kind, finding.KindQuality},
		{"category", f.Category, "commit-message"},
		{"severity", f.Severity, finding.Low},
		{"fingerprint set", f.Fingerprint != "", true},
		{"remediation set", f.Remediation != "", true},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestSnippetTruncated(t *testing.T) {
	body := strings.Repeat("ünïcödé ", 60) // 480 runes of prose
	fs := analyze(t, Options{}, "Add retry\n\n"+body+"\xff")
	if len(fs) != 1 || fs[0].RuleID != "PP705" {
		t.Fatalf("got %v", hits(fs))
	}
	s := fs[0].Snippet
	if n := utf8.RuneCountInString(s); n != maxSnippet {
		t.Errorf("snippet is %d runes, want %d", n, maxSnippet)
	}
	if !utf8.ValidString(s) || !strings.HasSuffix(s, "…") {
		t.Errorf("snippet %q is not valid UTF-8 ending in an ellipsis", s)
	}
	if got := fs[0].Message; got != "body line is 481 characters; wrap it within 100" {
		t.Errorf("message %q", got)
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"ééé", 2, "é…"},
		{"a\xffb", 5, "a\uFFFDb"},
		{"abc", 0, "abc"},
		{"", 3, ""},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%q/%d", tc.in, tc.n), func(t *testing.T) {
			if got := truncate(tc.in, tc.n); got != tc.want {
				t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
			}
		})
	}
}

func TestAnalyzeMessageErrors(t *testing.T) {
	c := New(Options{})
	t.Run("nil message", func(t *testing.T) {
		if _, err := c.AnalyzeMessage(context.Background(), nil); err == nil {
			t.Error("nil message accepted")
		}
	})
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := c.AnalyzeMessage(ctx, &analysis.Message{Text: "Add retry", Source: "x"})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("name", func(t *testing.T) {
		if c.Name() != "message" {
			t.Errorf("Name() = %q", c.Name())
		}
	})
}

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		wantErr string
	}{
		{"zero", Options{}, ""},
		{"full", Options{MaxSubject: 50, MaxBody: 72, Conventional: true, ConventionalTypes: []string{"feat", "user-story"}, CommentChar: ";"}, ""},
		{"negative subject", Options{MaxSubject: -1}, "max subject length -1 is negative"},
		{"negative body", Options{MaxBody: -1}, "max body line length -1 is negative"},
		{"bad type", Options{ConventionalTypes: []string{"feat", "new feature"}}, `conventional type "new feature"`},
		{"empty type", Options{ConventionalTypes: []string{""}}, `conventional type ""`},
		{"blank comment char", Options{CommentChar: " "}, "comment char"},
		{"newline comment char", Options{CommentChar: "#\n"}, "comment char"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.opts.Validate()
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("err = %v, want %q", err, tc.wantErr)
			}
		})
	}
}

func TestNewDefaults(t *testing.T) {
	c := New(Options{ConventionalTypes: []string{" Feat ", "feat", "bad type"}, CommentChar: "auto"})
	if c.maxSubject != DefaultMaxSubject || c.maxBody != DefaultMaxBody || c.commentChar != "#" {
		t.Errorf("defaults not applied: %+v", c)
	}
	if !reflect.DeepEqual(c.types, []string{"feat"}) {
		t.Errorf("types = %v, want [feat]", c.types)
	}
	if d := New(Options{}); !reflect.DeepEqual(d.types, DefaultConventionalTypes()) {
		t.Errorf("default types = %v", d.types)
	}
}

func BenchmarkAnalyzeMessage(b *testing.B) {
	text := "feat(export): stream rows instead of building a list\n\n" +
		strings.Repeat("The export used to build the whole result in memory, which failed for large tenants.\n", 20) +
		"\n    Traceback (most recent call last): MemoryError\n\nSigned-off-by: A Person <a@example.com>\n" +
		"# Please enter the commit message for your changes.\n"
	c := New(Options{Conventional: true})
	m := &analysis.Message{Text: text, Source: "COMMIT_EDITMSG"}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.AnalyzeMessage(ctx, m); err != nil {
			b.Fatal(err)
		}
	}
}
