package message

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/fixture"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// annotationRE matches a fixture annotation: a git comment line naming the
// line it is about (see doc.go).
var annotationRE = regexp.MustCompile(`^(\S+) (want-line (\d+)|known-miss-line (\d+)|options):(.*)$`)

// messageFixture is one parsed fixture file.
type messageFixture struct {
	opts        Options
	synthesized []byte // the shared harness's view: "want:" on the target lines
	annotations []int  // line numbers of annotation lines
	wants       map[string]int
}

// parseFixture reads the annotations of one fixture and rewrites them into
// the `want:` / `known-miss:` form fixture.Check understands, each on the
// line it targets.
func parseFixture(content string) (messageFixture, error) {
	lines := strings.Split(content, "\n")
	fx := messageFixture{wants: map[string]int{}}
	prefix := ""
	for _, l := range lines {
		m := annotationRE.FindStringSubmatch(strings.TrimSuffix(l, "\r"))
		if m == nil || m[2] != "options" {
			continue
		}
		prefix = m[1]
		for _, f := range strings.Fields(m[5]) {
			k, v, _ := strings.Cut(f, "=")
			var err error
			switch k {
			case "conventional":
				fx.opts.Conventional = true
			case "max-subject":
				fx.opts.MaxSubject, err = strconv.Atoi(v)
			case "max-body":
				fx.opts.MaxBody, err = strconv.Atoi(v)
			case "comment-char":
				fx.opts.CommentChar = v
			case "types":
				fx.opts.ConventionalTypes = strings.Split(v, ",")
			default:
				err = fmt.Errorf("unknown option %q", k)
			}
			if err != nil {
				return fx, fmt.Errorf("options: %v", err)
			}
		}
	}
	cc := normalizeCommentChar(fx.opts.CommentChar)
	if prefix != "" && prefix != cc {
		return fx, fmt.Errorf("options line starts with %q, not the comment char %q", prefix, cc)
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		m := annotationRE.FindStringSubmatch(strings.TrimSuffix(l, "\r"))
		if m == nil {
			continue
		}
		if m[1] != cc {
			return fx, fmt.Errorf("line %d: annotation starts with %q, not the comment char %q, so git would keep it", i+1, m[1], cc)
		}
		fx.annotations = append(fx.annotations, i+1)
		if m[2] == "options" {
			continue
		}
		target, marker := m[3], "want: "
		if target == "" {
			target, marker = m[4], "known-miss: "
		}
		n, _ := strconv.Atoi(target)
		if n < 1 || n > len(lines) {
			return fx, fmt.Errorf("line %d: target line %d is outside the file (%d lines)", i+1, n, len(lines))
		}
		ids := strings.TrimSpace(m[5])
		if marker == "want: " {
			for _, id := range regexp.MustCompile(`PP\d{3}`).FindAllString(ids, -1) {
				fx.wants[id]++
			}
		}
		out[n-1] += " " + marker + ids
	}
	fx.synthesized = []byte(strings.Join(out, "\n"))
	return fx, nil
}

// TestFixtures runs every PP7xx rule's fixture directory. Each file is one
// commit message; all rules are compared, so every line without a want-line
// annotation asserts that nothing at all is reported there.
func TestFixtures(t *testing.T) {
	n := 0
	for _, r := range rules.All() {
		if r.Engine != rules.EngineMessage {
			continue
		}
		n++
		t.Run(r.ID, func(t *testing.T) {
			dir := filepath.Join("testdata", r.ID)
			files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no fixtures in %s", dir)
			}
			wants, safe := 0, 0
			for _, path := range files {
				content, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				fx, err := parseFixture(string(content))
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				wants += fx.wants[r.ID]
				if fx.wants[r.ID] == 0 {
					safe++
				}
				t.Run(filepath.Base(path), func(t *testing.T) {
					checkFixture(t, path, string(content), fx)
				})
			}
			if wants == 0 {
				t.Errorf("%s has no fixture that wants %s", dir, r.ID)
			}
			if safe == 0 {
				t.Errorf("%s has no safe look-alike (a fixture where %s must stay quiet)", dir, r.ID)
			}
		})
	}
	if n != 8 {
		t.Errorf("found %d message rules, want 8 (PP701-PP708)", n)
	}
}

func checkFixture(t *testing.T, path, content string, fx messageFixture) {
	t.Helper()
	if err := fx.opts.Validate(); err != nil {
		t.Fatalf("fixture options: %v", err)
	}
	for _, l := range Clean(content, fx.opts.CommentChar) {
		for _, a := range fx.annotations {
			if l.Number == a {
				t.Fatalf("annotation line %d survived cleanup and would be part of the message", a)
			}
		}
	}
	rep, err := New(fx.opts).AnalyzeMessage(context.Background(), &analysis.Message{Text: content, Source: path})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Path != path || f.Engine != "builtin" || f.Message == "" || f.Line < 1 || f.Fingerprint == "" {
			t.Errorf("malformed finding %+v", f)
		}
		if utf8.RuneCountInString(f.Snippet) > maxSnippet {
			t.Errorf("snippet of %s is %d runes", f.RuleID, utf8.RuneCountInString(f.Snippet))
		}
	}
	fixture.Check(t, path, fx.synthesized, rep.Findings, nil)
}

func TestParseFixture(t *testing.T) {
	tests := []struct {
		name    string
		content string
		wantErr string
		want    string
	}{
		{"want", "Subject.\n# want-line 1: PP703\n", "", " want: PP703\n\n"},
		{"known miss", "Subject\n\nbody\n# known-miss-line 3: PP708 reason\n", "", "\n\n known-miss: PP708 reason\n\n"},
		{"target outside", "Subject\n# want-line 9: PP702\n", "outside the file", ""},
		{"wrong prefix", "Subject\n; want-line 1: PP702\n", "not the comment char", ""},
		{"custom comment char", "Subject.\n; options: comment-char=;\n; want-line 1: PP703\n", "", " want: PP703\n\n\n"},
		{"unknown option", "Subject\n# options: colour\n", "unknown option", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fx, err := parseFixture(tc.content)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := string(fx.synthesized); got != tc.want {
				t.Errorf("synthesized %q, want %q", got, tc.want)
			}
		})
	}
}
