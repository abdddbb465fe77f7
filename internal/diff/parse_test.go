package diff

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// Golden files: testdata/<case>.diff is real git output (rebuilt by
// TestGenerateDiffs with -gen-diffs) and testdata/<case>.diff.json is what
// Parse makes of it (rebuilt with -update, then reviewed by hand).
var (
	update   = flag.Bool("update", false, "rewrite testdata/*.diff.json from Parse")
	genDiffs = flag.Bool("gen-diffs", false, "rebuild testdata/*.diff with real git in throwaway repositories")
)

func TestGolden(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("testdata", "*.diff"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no testdata/*.diff files")
	}
	for _, path := range cases {
		name := strings.TrimSuffix(filepath.Base(path), ".diff")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files, perr := Parse(bytes.NewReader(in))
			if perr == nil {
				checkInvariants(t, files)
			}
			got := renderGolden(files, perr)
			if *update {
				if err := os.WriteFile(path+".json", got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path + ".json")
			if err != nil {
				t.Fatalf("%v: run `go test ./internal/diff -update` and review the result", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Parse(%s) differs from %s.json at %s\nrun `go test ./internal/diff -update` if the change is intended, and review the diff",
					path, path, firstDiff(got, want))
			}
		})
	}
}

// renderGolden writes files as JSON, one hunk line per row ([kind, old,
// new, text]) so the golden files read like the diff they come from. A
// parse error is written as {"error": "..."}.
func renderGolden(files []File, err error) []byte {
	var b bytes.Buffer
	js := func(v any) string {
		var out bytes.Buffer
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return fmt.Sprintf("%q", fmt.Sprint(v)) // unreachable for strings
		}
		return strings.TrimSuffix(out.String(), "\n")
	}
	if err != nil {
		fmt.Fprintf(&b, "{\"error\": %s}\n", js(err.Error()))
		return b.Bytes()
	}
	b.WriteString("[")
	for i, f := range files {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  {\n    \"OldPath\": %s,\n    \"NewPath\": %s,\n    \"Status\": %s,\n",
			js(f.OldPath), js(f.NewPath), js(f.Status))
		fmt.Fprintf(&b, "    \"OldMode\": %s,\n    \"NewMode\": %s,\n    \"Binary\": %t,\n    \"Hunks\": [",
			js(f.OldMode), js(f.NewMode), f.Binary)
		for j, h := range f.Hunks {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n      {\"OldStart\": %d, \"OldLines\": %d, \"NewStart\": %d, \"NewLines\": %d, \"Section\": %s,\n       \"Lines\": [",
				h.OldStart, h.OldLines, h.NewStart, h.NewLines, js(h.Section))
			for k, l := range h.Lines {
				if k > 0 {
					b.WriteString(",")
				}
				fmt.Fprintf(&b, "\n        [%s, %d, %d, %s]", js(string(rune(l.Kind))), l.Old, l.New, js(l.Text))
			}
			b.WriteString("]}")
		}
		b.WriteString("]\n  }")
	}
	b.WriteString("\n]\n")
	return b.Bytes()
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("json line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return "(no line differs)"
}

// TestGoldenCoverage checks that the golden files exercise what Parse must
// handle, so a regenerated set cannot silently lose a case.
func TestGoldenCoverage(t *testing.T) {
	seen := map[string]bool{}
	cases, _ := filepath.Glob(filepath.Join("testdata", "*.diff"))
	for _, path := range cases {
		in, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files, err := Parse(bytes.NewReader(in))
		if err != nil {
			seen["error"] = true
			continue
		}
		for _, f := range files {
			seen[string(f.Status)] = true
			if f.Binary {
				seen["binary"] = true
			}
			if f.IsSubmodule() {
				seen["submodule"] = true
			}
			if f.IsSymlink() {
				seen["symlink"] = true
			}
			if f.OldMode != "" && f.NewMode != "" && f.OldMode != f.NewMode {
				seen["mode change"] = true
			}
			if strings.ContainsAny(f.Path(), " \t\n\"\\") || strings.ContainsFunc(f.Path(), func(r rune) bool { return r > 127 }) {
				seen["special path"] = true
			}
			for _, h := range f.Hunks {
				if h.Section != "" {
					seen["section"] = true
				}
			}
		}
	}
	for _, want := range []string{"added", "modified", "deleted", "renamed", "copied", "binary",
		"submodule", "symlink", "mode change", "special path", "section", "error"} {
		if !seen[want] {
			t.Errorf("no golden case has a %s file", want)
		}
	}
}

func TestParseTable(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []File
		wantErr string // substring of the error; "" means no error
	}{
		{name: "empty input", in: "", want: nil},
		{name: "only a commit header", in: "commit 0123456789abcdef0123456789abcdef01234567\nAuthor: A <a@b>\n\n    empty commit\n", want: nil},
		{
			name: "hunk without counts and section",
			in:   "diff --git a/f.py b/f.py\nindex 1..2 100644\n--- a/f.py\n+++ b/f.py\n@@ -1 +1 @@ def f():\n-a\n+b\n",
			want: []File{{OldPath: "f.py", NewPath: "f.py", Status: Modified, OldMode: "100644", NewMode: "100644",
				Hunks: []Hunk{{OldStart: 1, OldLines: 1, NewStart: 1, NewLines: 1, Section: "def f():",
					Lines: []Line{{Kind: Delete, Old: 1, Text: "a"}, {Kind: Add, New: 1, Text: "b"}}}}}},
		},
		{
			name: "numbering follows the sample in diff.go",
			in: "diff --git a/h.py b/h.py\n--- a/h.py\n+++ b/h.py\n@@ -10,3 +10,4 @@ def handler():\n" +
				"     x = 1\n-    y = 2\n+    y = 3\n+    z = 4\n     return x\n",
			want: []File{{OldPath: "h.py", NewPath: "h.py", Status: Modified,
				Hunks: []Hunk{{OldStart: 10, OldLines: 3, NewStart: 10, NewLines: 4, Section: "def handler():",
					Lines: []Line{
						{Kind: Context, Old: 10, New: 10, Text: "    x = 1"},
						{Kind: Delete, Old: 11, Text: "    y = 2"},
						{Kind: Add, New: 11, Text: "    y = 3"},
						{Kind: Add, New: 12, Text: "    z = 4"},
						{Kind: Context, Old: 12, New: 13, Text: "    return x"},
					}}}}},
		},
		{
			name: "CRLF content and CRLF diff lines lose the CR",
			in:   "diff --git a/w.txt b/w.txt\r\n--- a/w.txt\r\n+++ b/w.txt\r\n@@ -1,2 +1,2 @@\r\n a\r\n-b\r\n+c\r\n",
			want: []File{{OldPath: "w.txt", NewPath: "w.txt", Status: Modified,
				Hunks: []Hunk{{OldStart: 1, OldLines: 2, NewStart: 1, NewLines: 2,
					Lines: []Line{{Kind: Context, Old: 1, New: 1, Text: "a"}, {Kind: Delete, Old: 2, Text: "b"}, {Kind: Add, New: 2, Text: "c"}}}}}},
		},
		{
			name: "no-prefix path that starts with a/ is kept whole",
			in:   "diff --git a/x.txt a/x.txt\nnew file mode 100644\nindex 0000000..e69de29\n",
			want: []File{{NewPath: "a/x.txt", Status: Added, NewMode: "100644"}},
		},
		{
			name: "quoted names on the diff --git line only",
			in:   "diff --git \"a/tab\\there\" \"b/tab\\there\"\nnew file mode 100755\nindex 0000000..e69de29\n",
			want: []File{{NewPath: "tab\there", Status: Added, NewMode: "100755"}},
		},
		{
			name: "one side quoted, the other bare",
			in:   "diff --git a/plain \"b/caf\\303\\251\"\nsimilarity index 100%\nrename from plain\nrename to \"caf\\303\\251\"\n",
			want: []File{{OldPath: "plain", NewPath: "café", Status: Renamed}},
		},
		{
			name: "names taken from ---/+++ when the diff --git line is ambiguous",
			in:   "diff --git a/x b/y\n--- a/x\n+++ b/y\n@@ -1 +1 @@\n-p\n+q\n",
			want: []File{{OldPath: "x", NewPath: "y", Status: Modified,
				Hunks: []Hunk{{OldStart: 1, OldLines: 1, NewStart: 1, NewLines: 1,
					Lines: []Line{{Kind: Delete, Old: 1, Text: "p"}, {Kind: Add, New: 1, Text: "q"}}}}}},
		},
		{
			name: "unknown extended header line is skipped",
			in:   "diff --git a/f b/f\nsome future header\nold mode 100644\nnew mode 100755\n",
			want: []File{{OldPath: "f", NewPath: "f", Status: Modified, OldMode: "100644", NewMode: "100755"}},
		},
		{
			name: "no newline marker after the last line",
			in:   "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n",
			want: []File{{OldPath: "f", NewPath: "f", Status: Modified,
				Hunks: []Hunk{{OldStart: 1, OldLines: 1, NewStart: 1, NewLines: 1,
					Lines: []Line{{Kind: Delete, Old: 1, Text: "a"}, {Kind: Add, New: 1, Text: "a"}}}}}},
		},
		{
			name: "hunk lines that look like headers are content",
			in:   "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n--- a/f\n+++ b/f\n diff --git a/x b/x\n",
			want: []File{{OldPath: "f", NewPath: "f", Status: Modified,
				Hunks: []Hunk{{OldStart: 1, OldLines: 2, NewStart: 1, NewLines: 2,
					Lines: []Line{{Kind: Delete, Old: 1, Text: "-- a/f"}, {Kind: Add, New: 1, Text: "++ b/f"},
						{Kind: Context, Old: 2, New: 2, Text: "diff --git a/x b/x"}}}}}},
		},
		{
			name: "format-patch signature after a mode-only change",
			in:   "diff --git a/f b/f\nold mode 100644\nnew mode 100755\n-- \n2.39.5\n\n",
			want: []File{{OldPath: "f", NewPath: "f", Status: Modified, OldMode: "100644", NewMode: "100755"}},
		},
		{name: "combined diff", in: "diff --cc f.txt\nindex 1,2..3\n", wantErr: "diff line 1: combined diff"},
		{name: "combined hunk", in: "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@@ -1,1 -1,1 +1,1 @@@\n", wantErr: "diff line 4: combined diff"},
		{name: "unmerged path", in: "* Unmerged path f.txt\n", wantErr: "diff line 1: unmerged path \"f.txt\": resolve the merge conflict"},
		{name: "unmerged path after a file", in: "diff --git a/g b/g\nold mode 100644\nnew mode 100755\n* Unmerged path f.txt\n", wantErr: "diff line 4: unmerged path"},
		{name: "plain unified diff", in: "--- x\n+++ y\n@@ -1 +1 @@\n-a\n+b\n", wantErr: "diff line 1: unified diff without a `diff --git` line"},
		{name: "truncated hunk", in: "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n", wantErr: "diff line 6: diff ends inside the hunk at line 4: expected 2 more old and 2 more new lines"},
		{name: "too many lines", in: "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n+c\n", wantErr: "diff line 7: expected a `@@` hunk header or the next `diff --git` line"},
		{name: "add beyond the new count", in: "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,2 +1 @@\n+b\n+c\n", wantErr: "diff line 6: hunk at line 4 has more lines than its header says"},
		{name: "bad hunk line", in: "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1 @@\n*a\n", wantErr: "diff line 5: expected a hunk line starting with"},
		{name: "hunk header without closing @@", in: "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1\n", wantErr: "diff line 4: bad hunk header \"@@ -1 +1\": no closing `@@`"},
		{name: "hunk header with letters", in: "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -x +1 @@\n", wantErr: "diff line 4: bad hunk header"},
		{name: "hunk line 0 with a count", in: "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -0,1 +1 @@\n", wantErr: "line 0 with a non-zero count"},
		{name: "huge line number", in: "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -99999999999 +1 @@\n", wantErr: "is not a line number"},
		{name: "hunks out of order", in: "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -5 +5 @@\n-a\n+b\n@@ -1 +1 @@\n-a\n+b\n", wantErr: "diff line 7: hunk \"@@ -1 +1 @@\" overlaps or precedes the previous hunk"},
		{name: "missing +++", in: "diff --git a/f b/f\n--- a/f\n@@ -1 +1 @@\n", wantErr: "diff line 3: expected a `+++ ` line"},
		{name: "ends after ---", in: "diff --git a/f b/f\n--- a/f\n", wantErr: "diff line 3: diff ends after `--- `"},
		{name: "marker without a line", in: "diff --git a/f b/f\n--- a/f\n+++ b/f\n\\ No newline at end of file\n", wantErr: "diff line 4: `\\ No newline at end of file` must follow a hunk line"},
		{name: "garbage in the header", in: "diff --git a/f b/f\n*** junk\n", wantErr: "diff line 2: expected an extended header line"},
		{name: "names cannot be told apart", in: "diff --git a/x b/y\nindex 1..2 100644\n", wantErr: "diff line 1: cannot tell the file names"},
		{name: "bad escape in a quoted name", in: "diff --git \"a/\\q\" \"b/\\q\"\nnew file mode 100644\n", wantErr: "diff line 1: cannot tell the file names"},
		{name: "bad quoted rename", in: "diff --git a/x b/y\nrename from \"x\nrename to y\n", wantErr: "diff line 2: bad file name in"},
		{name: "bad binary patch line", in: "diff --git a/f b/f\nGIT binary patch\nliteral 3\nnot base85!\n", wantErr: "diff line 4: expected a base85 data line"},
		{name: "text after binary note", in: "diff --git a/f b/f\nBinary files a/f and b/f differ\n+x\n", wantErr: "diff line 3: expected the next `diff --git` line"},
		{name: "rename and copy together", in: "diff --git a/x b/y\nrename from x\ncopy to y\n", wantErr: "diff line 1: file section has both rename and copy lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				var pe *ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("Parse error = %v, want a *ParseError containing %q", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Parse error = %q, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Parse =\n%s\nwant\n%s", renderGolden(got, nil), renderGolden(tt.want, nil))
			}
			checkInvariants(t, got)
		})
	}
}

func TestUnquoteC(t *testing.T) {
	tests := []struct {
		name, in, want string
		n              int
		wantErr        bool
	}{
		{name: "plain", in: `"abc"`, want: "abc", n: 5},
		{name: "utf-8 octal", in: `"caf\303\251.txt" rest`, want: "café.txt", n: 17},
		{name: "controls", in: `"\a\b\f\n\r\t\v"`, want: "\a\b\f\n\r\t\v", n: 16},
		{name: "quote and backslash", in: `"q\"b\\"`, want: `q"b\`, n: 8},
		{name: "octal 377", in: `"\377"`, want: "\xff", n: 6},
		{name: "unterminated", in: `"abc`, wantErr: true},
		{name: "short octal", in: `"\30"`, wantErr: true},
		{name: "octal above 377", in: `"\400"`, wantErr: true},
		{name: "unknown escape", in: `"\x41"`, wantErr: true},
		{name: "trailing backslash", in: `"\`, wantErr: true},
		{name: "not quoted", in: `abc`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n, err := unquoteC(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("unquoteC(%q) = %q, want an error", tt.in, got)
				}
				return
			}
			if err != nil || got != tt.want || n != tt.n {
				t.Fatalf("unquoteC(%q) = %q, %d, %v; want %q, %d", tt.in, got, n, err, tt.want, tt.n)
			}
		})
	}
}

func TestGitHeaderPath(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{name: "prefixed", in: "a/x.py b/x.py", want: "x.py", ok: true},
		{name: "prefixed with spaces", in: "a/my file b/x b/my file b/x", want: "my file b/x", ok: true},
		{name: "no prefix", in: "x.py x.py", want: "x.py", ok: true},
		{name: "no prefix with spaces", in: "my file my file", want: "my file", ok: true},
		{name: "no prefix in a dir named a", in: "a/x a/x", want: "a/x", ok: true},
		{name: "mnemonic", in: "i/src/x.go w/src/x.go", want: "src/x.go", ok: true},
		{name: "quoted both", in: `"a/sp\"q" "b/sp\"q"`, want: `sp"q`, ok: true},
		{name: "bare then quoted", in: `a/x y "b/x y"`, want: "x y", ok: true},
		{name: "quoted then bare", in: `"a/x\ty" b/x	y`, want: "x\ty", ok: true},
		{name: "prefix slash only", in: "a/ b/", ok: false},
		{name: "empty prefix", in: "/x /x", want: "/x", ok: true},
		{name: "different names", in: "a/x b/y", ok: false},
		{name: "one name", in: "a/x", ok: false},
		{name: "empty", in: "", ok: false},
	}
	// Lines built to make a split search quadratic must still come back
	// at once (a quadratic search takes minutes on these).
	tests = append(tests,
		struct {
			name, in, want string
			ok             bool
		}{name: "many spaces and slashes", in: "a/" + strings.Repeat(" /", 200000), ok: false},
		struct {
			name, in, want string
			ok             bool
		}{name: "many quotes", in: "a/x" + strings.Repeat(` "`, 200000) + `"`, ok: false},
		struct {
			name, in, want string
			ok             bool
		}{name: "long real path", in: "a/" + strings.Repeat("d /", 100000) + "f b/" + strings.Repeat("d /", 100000) + "f", want: strings.Repeat("d /", 100000) + "f", ok: true},
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := gitHeaderPath(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Fatalf("gitHeaderPath(%q) = %q, %t; want %q, %t", clip(tt.in), clip(got), ok, clip(tt.want), tt.ok)
			}
		})
	}
}

// TestParseReaderErrors checks that a failing reader is reported, wrapped.
func TestParseReaderErrors(t *testing.T) {
	boom := errors.New("boom")
	r := iotest.TimeoutReader(strings.NewReader("diff --git a/f b/f\n"))
	_, err := Parse(r)
	if err == nil {
		t.Fatal("Parse of a failing reader succeeded")
	}
	_, err = Parse(iotest.ErrReader(boom))
	if !errors.Is(err, boom) {
		t.Fatalf("Parse error = %v, want it to wrap %v", err, boom)
	}
}

func BenchmarkParse(b *testing.B) {
	in, err := os.ReadFile(filepath.Join("testdata", "modified.diff"))
	if err != nil {
		b.Fatal(err)
	}
	big := bytes.Repeat(in, 200)
	b.SetBytes(int64(len(big)))
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(big)); err != nil {
			b.Fatal(err)
		}
	}
}

// --- generating the .diff files with real git --------------------------------

// genRepo is a throwaway repository with a fixed identity and clock, and
// none of the developer's configuration.
type genRepo struct {
	t   *testing.T
	dir string
	env []string
}

func newGenRepo(t *testing.T) *genRepo {
	t.Helper()
	home := t.TempDir()
	r := &genRepo{t: t, dir: t.TempDir()}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") && !strings.HasPrefix(kv, "HOME=") && !strings.HasPrefix(kv, "XDG_CONFIG_HOME=") {
			r.env = append(r.env, kv)
		}
	}
	r.env = append(r.env, "HOME="+home, "XDG_CONFIG_HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C", "TZ=UTC",
		"GIT_AUTHOR_NAME=Pat Patrol", "GIT_AUTHOR_EMAIL=pat@example.com", "GIT_AUTHOR_DATE=2024-01-02T03:04:05Z",
		"GIT_COMMITTER_NAME=Pat Patrol", "GIT_COMMITTER_EMAIL=pat@example.com", "GIT_COMMITTER_DATE=2024-01-02T03:04:05Z")
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *genRepo) run(args ...string) (string, error) {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = r.dir, r.env
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err := cmd.Run()
	if err != nil {
		err = fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return out.String(), err
}

func (r *genRepo) git(args ...string) string {
	r.t.Helper()
	out, err := r.run(args...)
	if err != nil {
		r.t.Fatal(err)
	}
	return out
}

func (r *genRepo) write(name, content string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

func (r *genRepo) commit(msg string) {
	r.t.Helper()
	r.git("add", "-A")
	r.git("commit", "-q", "--allow-empty", "-m", msg)
}

func numbered(from, to int, format string) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, format+"\n", i)
	}
	return b.String()
}

const pyBefore = `import os


def handler(request):
    x = 1
    y = 2
    return x


class Service:
    def run(self):
        a = 1
        b = 2
        c = 3
        d = 4
        e = 5
        return a


def tail():
    pass
`

func genCases() []struct {
	name string
	run  func(r *genRepo) string
} {
	return []struct {
		name string
		run  func(r *genRepo) string
	}{
		{"modified", func(r *genRepo) string {
			r.write("lib.txt", numbered(1, 40, "line %d"))
			r.commit("base")
			r.write("lib.txt", strings.Replace(strings.Replace(numbered(1, 40, "line %d"), "line 5\n", "line five\nline 5b\n", 1), "line 30\n", "", 1))
			return r.git("diff")
		}},
		{"python_section", func(r *genRepo) string {
			r.write(".gitattributes", "*.py diff=python\n")
			r.write("svc.py", pyBefore)
			r.commit("base")
			r.write("svc.py", strings.Replace(strings.Replace(pyBefore, "    y = 2\n", "    y = 3\n    z = 4\n", 1), "        e = 5\n", "        e = 6\n", 1))
			return r.git("diff")
		}},
		{"added_deleted", func(r *genRepo) string {
			r.write("old.txt", "gone\nsoon\n")
			r.commit("base")
			r.write("new.txt", "hello\nworld\n")
			r.git("rm", "-q", "old.txt")
			r.git("add", "new.txt")
			return r.git("diff", "--cached")
		}},
		{"rename_pure", func(r *genRepo) string {
			r.write("src/a.txt", numbered(1, 5, "a%d"))
			r.commit("base")
			r.git("mv", "src/a.txt", "src/b.txt")
			return r.git("diff", "--cached", "-M")
		}},
		{"rename_edit", func(r *genRepo) string {
			r.write("old name.txt", numbered(1, 20, "row %d"))
			r.commit("base")
			r.git("mv", "old name.txt", "new name.txt")
			r.write("new name.txt", strings.Replace(numbered(1, 20, "row %d"), "row 10\n", "row ten\n", 1))
			r.git("add", "-A")
			return r.git("diff", "--cached", "-M")
		}},
		{"copy", func(r *genRepo) string {
			r.write("orig.txt", numbered(1, 20, "c%d"))
			r.commit("base")
			r.write("copy.txt", numbered(1, 20, "c%d"))
			r.write("copy2.txt", strings.Replace(numbered(1, 20, "c%d"), "c3\n", "c three\n", 1))
			r.git("add", "-A")
			return r.git("diff", "--cached", "-C", "--find-copies-harder")
		}},
		{"mode", func(r *genRepo) string {
			r.write("run.sh", "echo hi\n")
			r.write("tool.sh", "echo a\n")
			r.commit("base")
			r.git("update-index", "--chmod=+x", "run.sh")
			r.write("tool.sh", "echo b\n")
			r.git("add", "tool.sh")
			r.git("update-index", "--chmod=+x", "tool.sh")
			return r.git("diff", "--cached")
		}},
		{"binary", func(r *genRepo) string {
			r.write("img.bin", "\x00\x01\x02binary\x00")
			r.commit("base")
			r.write("img.bin", "\x00\x01\x03binary\x00")
			r.write("new.bin", "\x00new\x00")
			r.git("add", "-A")
			return r.git("diff", "--cached")
		}},
		{"binary_patch", func(r *genRepo) string {
			r.write("img.bin", "\x00\x01\x02binary\x00")
			r.write("gone.bin", "\x00gone\x00")
			r.commit("base")
			r.write("img.bin", "\x00\x01\x03binary\x00"+strings.Repeat("z", 80))
			r.write("new.bin", "\x00new\x00")
			r.git("rm", "-q", "gone.bin")
			r.git("add", "-A")
			return r.git("diff", "--cached", "--binary")
		}},
		{"submodule", func(r *genRepo) string {
			r.write("README", "top\n")
			r.commit("base")
			r.git("update-index", "--add", "--cacheinfo", "160000,1111111111111111111111111111111111111111,libs/sub")
			r.git("commit", "-q", "-m", "add sub")
			r.git("update-index", "--cacheinfo", "160000,2222222222222222222222222222222222222222,libs/sub")
			r.git("update-index", "--add", "--cacheinfo", "160000,3333333333333333333333333333333333333333,other")
			return r.git("diff", "--cached")
		}},
		{"symlink", func(r *genRepo) string {
			if err := os.Symlink("target-a", filepath.Join(r.dir, "link")); err != nil {
				r.t.Skipf("no symlinks: %v", err)
			}
			if err := os.Symlink("somewhere", filepath.Join(r.dir, "was-link")); err != nil {
				r.t.Fatal(err)
			}
			r.commit("base")
			for _, name := range []string{"link", "was-link"} {
				if err := os.Remove(filepath.Join(r.dir, name)); err != nil {
					r.t.Fatal(err)
				}
			}
			if err := os.Symlink("target-b", filepath.Join(r.dir, "link")); err != nil {
				r.t.Fatal(err)
			}
			if err := os.Symlink("elsewhere", filepath.Join(r.dir, "new-link")); err != nil {
				r.t.Fatal(err)
			}
			r.write("was-link", "now a file\n")
			r.git("add", "-A")
			return r.git("diff", "--cached")
		}},
		{"quoted", func(r *genRepo) string {
			r.write("base.txt", "x\n")
			r.commit("base")
			for _, name := range []string{"café.txt", "with space.txt", "tab\there.txt", `quo"te.txt`, `back\slash.txt`, "new\nline.txt", "dir with space/ünï.txt"} {
				r.write(name, "content of "+name+"\n")
			}
			r.git("add", "-A")
			return r.git("-c", "core.quotePath=true", "diff", "--cached")
		}},
		{"quoted_raw_utf8", func(r *genRepo) string {
			r.write("base.txt", "x\n")
			r.commit("base")
			r.write("café.txt", "crème\n")
			r.write("tab\there.txt", "t\n")
			r.git("add", "-A")
			return r.git("-c", "core.quotePath=false", "diff", "--cached")
		}},
		{"quoted_rename", func(r *genRepo) string {
			r.write("naïve file.txt", numbered(1, 10, "q%d"))
			r.commit("base")
			r.git("mv", "naïve file.txt", "renamed \"q\" file.txt")
			return r.git("diff", "--cached", "-M")
		}},
		{"noprefix", func(r *genRepo) string {
			r.write("a/x.txt", "1\n")
			r.write("b/y.txt", "2\n")
			r.write("a/mv.txt", numbered(1, 10, "m%d"))
			r.commit("base")
			r.write("a/x.txt", "1b\n")
			r.write("b/y.txt", "2b\n")
			r.git("mv", "a/mv.txt", "b/mv.txt")
			r.write("top file.txt", "t\n")
			r.git("add", "-A")
			return r.git("diff", "--cached", "-M", "--no-prefix")
		}},
		{"mnemonic", func(r *genRepo) string {
			r.write("x.txt", "1\n2\n")
			r.commit("base")
			r.write("x.txt", "1\n3\n")
			return r.git("-c", "diff.mnemonicPrefix=true", "diff")
		}},
		{"no_newline", func(r *genRepo) string {
			r.write("both.txt", "a\nb")
			r.write("gain.txt", "a\nb")
			r.write("lose.txt", "a\nb\n")
			r.commit("base")
			r.write("both.txt", "a\nc")
			r.write("gain.txt", "a\nb\n")
			r.write("lose.txt", "a\nb")
			return r.git("diff")
		}},
		{"empty_files", func(r *genRepo) string {
			r.write("empty-gone", "")
			r.write("fill-me", "")
			r.write("empty-me", "had text\n")
			r.commit("base")
			r.git("rm", "-q", "empty-gone")
			r.write("fill-me", "now text\n")
			r.write("empty-me", "")
			r.write("empty-new", "")
			r.git("add", "-A")
			return r.git("diff", "--cached", "--no-renames")
		}},
		{"whole_delete", func(r *genRepo) string {
			r.write("f.txt", "1\n2\n3\n")
			r.commit("base")
			r.write("f.txt", "")
			return r.git("diff")
		}},
		{"crlf", func(r *genRepo) string {
			r.write("win.txt", "one\r\ntwo\r\nthree\r\n")
			r.write("mixed.txt", "unix\n")
			r.commit("base")
			r.write("win.txt", "one\r\n2\r\nthree\r\n")
			r.write("mixed.txt", "unix\r\n")
			return r.git("diff")
		}},
		{"suppress_blank_empty", func(r *genRepo) string {
			r.write("f.txt", "a\n\nb\n\nc\n")
			r.commit("base")
			r.write("f.txt", "a\n\nB\n\nc\n")
			return r.git("-c", "diff.suppressBlankEmpty=true", "diff")
		}},
		{"show", func(r *genRepo) string {
			r.write("f.txt", "1\n")
			r.commit("base")
			r.write("f.txt", "2\n")
			r.write("g.txt", "new\n")
			r.git("add", "-A")
			r.git("commit", "-q", "-m", "change f\n\nThe body quotes a diff:\n\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n")
			return r.git("show", "HEAD")
		}},
		{"log", func(r *genRepo) string {
			r.write("f.txt", "1\n")
			r.commit("first")
			r.write("f.txt", "2\n")
			r.commit("second")
			r.git("update-index", "--chmod=+x", "f.txt")
			r.git("commit", "-q", "-m", "mode only")
			return r.git("log", "-p", "-3")
		}},
		{"format_patch", func(r *genRepo) string {
			r.write("f.txt", "1\n2\n")
			r.commit("base")
			r.write("f.txt", "1\n3\n")
			r.commit("three")
			return r.git("format-patch", "-1", "--stdout")
		}},
		{"combined", func(r *genRepo) string {
			r.write("f.txt", "base\n")
			r.commit("base")
			r.git("checkout", "-q", "-b", "side")
			r.write("f.txt", "side\n")
			r.commit("side")
			r.git("checkout", "-q", "main")
			r.write("f.txt", "main\n")
			r.commit("main")
			if _, err := r.run("merge", "-q", "side"); err == nil {
				r.t.Fatal("merge unexpectedly had no conflict")
			}
			r.write("f.txt", "resolved\n")
			r.commit("merge")
			return r.git("show", "HEAD")
		}},
	}
}

// TestGenerateDiffs rebuilds testdata/*.diff from real git:
//
//	go test ./internal/diff -run TestGenerateDiffs -gen-diffs && go test ./internal/diff -update
//
// then review the .diff.json changes by hand. The output depends on the git
// version (format-patch prints it), so only regenerate on purpose.
func TestGenerateDiffs(t *testing.T) {
	if !*genDiffs {
		t.Skip("run with -gen-diffs to rebuild testdata/*.diff with git")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatalf("git not found: %v", err)
	}
	for _, c := range genCases() {
		t.Run(c.name, func(t *testing.T) {
			out := c.run(newGenRepo(t))
			if err := os.WriteFile(filepath.Join("testdata", c.name+".diff"), []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}
