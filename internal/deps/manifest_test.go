package deps

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// describe writes a requirement as "line[-end] key constraint [url] [locked]".
func describeReq(r Requirement) string {
	s := fmt.Sprintf("%d", r.Line)
	if r.EndLine != r.Line {
		s += fmt.Sprintf("-%d", r.EndLine)
	}
	s += " " + r.Key
	if c := r.Constraint.String(); c != "" {
		s += " " + c
	}
	if r.URL != "" {
		s += " url"
	}
	if r.Locked {
		s += " locked"
	}
	return s
}

func TestParseManifestFormats(t *testing.T) {
	cases := []struct {
		file     string
		kind     Kind
		want     []string
		includes []string
		problems int
	}{
		{
			file: "requirements/requirements-dev.txt", kind: KindRequirements,
			want: []string{"7 requests ==2.19.0", "8 django >=3.2,<4.0", "9 flask ~=2.0.1", "10-11 urllib3 ==1.24.1",
				"12 click url", "15 pyyaml"},
			includes: []string{"-r requirements.txt@2", "-c constraints.txt@3"},
			problems: 2,
		},
		{
			file: "requirements/constraints.txt", kind: KindConstraints,
			want:     []string{"1 jinja2 ==2.10"},
			includes: []string{"-c more-constraints.txt@2"},
		},
		{
			file: "pyproject/pyproject.toml", kind: KindPyproject,
			want: []string{"2 setuptools >=40.8.0", "2 wheel", "9 requests >=2.0", "10 pyyaml ==5.3", "11 jinja2 <3",
				"15 sphinx >=4", "17 pytest ==6.2.4", "21 ruff ==0.1.0", "37 mypy ==0.910",
				"25 django >=2.2,<3", "26 pillow ==8.1.0", "27 mylib url", "28 lxml ==4.6.2 || >=4.9,<5", "34 black ==22.1.0"},
		},
		{
			file: "poetry/poetry.lock", kind: KindPoetryLock,
			want: []string{"4-5 certifi ==2020.12.5 locked", "26-27 pillow ==8.1.0 locked"},
		},
		{
			file: "uv/uv.lock", kind: KindUVLock,
			want: []string{"13-14 idna ==2.9 locked"},
		},
		{
			file: "pipfile/Pipfile", kind: KindPipfile,
			want: []string{"7 requests ==2.19.0", "8 flask", "9 django >=2.2,<3", "10 mylib url", "13 pytest >=6"},
		},
		{
			file: "pipfile/Pipfile.lock", kind: KindPipfileLock,
			want: []string{"19-25 requests ==2.19.0 locked", "31-34 urllib3 ==1.24.1 locked", "38-40 pytest ==6.2.4 locked"},
		},
		{
			file: "setupcfg/setup.cfg", kind: KindSetupCfg,
			want:     []string{"8 requests >=2.0,<3", "10 pyyaml ==5.3", "11 setuptools >=40", "11 wheel", "15 pytest ==6.2.4"},
			includes: []string{"requirements-docs.txt@16"},
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			content, err := os.ReadFile(filepath.Join("testdata", "manifests", c.file))
			if err != nil {
				t.Fatal(err)
			}
			if k, ok := ManifestKind(c.file); !ok || k != c.kind {
				t.Errorf("ManifestKind = %q, %v; want %q", k, ok, c.kind)
			}
			m := ParseManifest(c.file, c.kind, content)
			var got []string
			for _, r := range m.Requirements {
				got = append(got, describeReq(r))
			}
			if !sameSet(got, c.want) {
				t.Errorf("requirements:\n got %q\nwant %q", got, c.want)
			}
			var incs []string
			for _, inc := range m.Includes {
				s := inc.Path + "@" + fmt.Sprint(inc.Line)
				if m.Kind == KindRequirements || m.Kind == KindConstraints {
					s = map[bool]string{true: "-c ", false: "-r "}[inc.Constraint] + s
				}
				incs = append(incs, s)
			}
			if !reflect.DeepEqual(incs, c.includes) {
				t.Errorf("includes = %q, want %q", incs, c.includes)
			}
			if len(m.Problems) != c.problems {
				t.Errorf("problems = %q, want %d", m.Problems, c.problems)
			}
		})
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		if seen[x] == 0 {
			return false
		}
		seen[x]--
	}
	return true
}

func TestManifestKind(t *testing.T) {
	cases := map[string]Kind{
		"requirements.txt": KindRequirements, "deps/requirements-dev.txt": KindRequirements, "Requirements_test.TXT": KindRequirements,
		"constraints.txt": KindConstraints, "a/b/pyproject.toml": KindPyproject, "poetry.lock": KindPoetryLock,
		"uv.lock": KindUVLock, "Pipfile": KindPipfile, "Pipfile.lock": KindPipfileLock, "setup.cfg": KindSetupCfg,
		"requirements.in": "", "app.py": "", "pipfile": "", "requirements.txt.bak": "", "setup.py": "",
	}
	for p, want := range cases {
		t.Run(p, func(t *testing.T) {
			got, ok := ManifestKind(p)
			if got != want || ok != (want != "") {
				t.Errorf("ManifestKind(%q) = %q, %v; want %q", p, got, ok, want)
			}
		})
	}
}

// TestParseManifestBroken checks that broken manifests give problems, not
// failures, and keep what can be read.
func TestParseManifestBroken(t *testing.T) {
	cases := []struct {
		name, file, src string
		reqs            int
	}{
		{"toml syntax", "pyproject.toml", "[project]\ndependencies = [\"requests==2.0\",\n", 0},
		{"toml unclosed string", "pyproject.toml", "[project]\nname = \"x\n", 0},
		{"lock bad version", "poetry.lock", "[[package]]\nname = \"a\"\nversion = \"not a version\"\n", 0},
		{"json truncated", "Pipfile.lock", "{\"default\": {\"requests\": {\"version\": \"==1.0\"", 0},
		{"json not an object", "Pipfile.lock", "[1, 2]", 0},
		{"pipfile bad spec", "Pipfile", "[packages]\nrequests = \">>1\"\nflask = \"*\"\n", 1},
		{"requirements bad line", "requirements.txt", "requests==1.0\n===\nflask\n", 2},
		{"empty -r", "requirements.txt", "-r\nflask\n", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kind, _ := ManifestKind(c.file)
			m := ParseManifest(c.file, kind, []byte(c.src))
			if len(m.Problems) == 0 {
				t.Errorf("no problem reported for %q", c.src)
			}
			if len(m.Requirements) != c.reqs {
				t.Errorf("%d requirements, want %d", len(m.Requirements), c.reqs)
			}
			for _, p := range m.Problems {
				if !strings.HasPrefix(p, "line ") {
					t.Errorf("problem %q does not name a line", p)
				}
			}
		})
	}
}

func TestParseTOMLLines(t *testing.T) {
	src := "a = 1\n" +
		"[t]\n" +
		"s = \"x\\u0041\" # comment\n" +
		"m = \"\"\"\nline1\\\n   line2\"\"\"\n" +
		"l = '''\nraw\\n'''\n" +
		"arr = [\n  \"one\",\n  'two', # c\n]\n" +
		"dotted.key = \"v\"\n" +
		"inline = { x = \"y\", z = [1, 2] }\n" +
		"[[aot]]\nn = \"first\"\n[[aot]]\nn = \"second\"\n" +
		"[aot.sub]\nk = \"in second\"\n" +
		"\"quoted key\" = \"q\"\n"
	root, err := parseTOML(src)
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, v *tomlValue, str string, line int) {
		t.Helper()
		if v == nil {
			t.Fatalf("%s: missing", name)
		}
		if v.str != str || v.line != line {
			t.Errorf("%s = %q at line %d, want %q at line %d", name, v.str, v.line, str, line)
		}
	}
	check("t.s", root.get("t", "s"), "xA", 3)
	check("t.m", root.get("t", "m"), "line1line2", 4)
	check("t.l", root.get("t", "l"), "raw\\n", 7)
	arr := root.get("t", "arr")
	if arr == nil || len(arr.arr) != 2 {
		t.Fatalf("t.arr = %+v", arr)
	}
	check("t.arr[0]", arr.arr[0], "one", 10)
	check("t.arr[1]", arr.arr[1], "two", 11)
	check("t.dotted.key", root.get("t", "dotted", "key"), "v", 13)
	check("t.inline.x", root.get("t", "inline", "x"), "y", 14)
	aot := root.get("aot")
	if aot == nil || len(aot.arr) != 2 {
		t.Fatalf("aot = %+v", aot)
	}
	check("aot[1].n", aot.arr[1].tbl.vals["n"], "second", 18)
	check("aot[1].sub.k", aot.arr[1].tbl.get("sub", "k"), "in second", 20)
	check("aot[1].quoted key", aot.arr[1].tbl.get("sub", "quoted key"), "q", 21)
	check("a", root.get("a"), "1", 1)
}

func TestParseTOMLRejects(t *testing.T) {
	for name, src := range map[string]string{
		"missing =":        "a 1\n",
		"two values":       "a = 1 2\n",
		"unclosed array":   "a = [1, 2\n",
		"unclosed table":   "[a\n",
		"bad escape":       "a = \"\\q\"\n",
		"newline in str":   "a = \"x\ny\"\n",
		"table over value": "a = 1\n[a]\n",
		"deep":             "a = " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n",
		"aot over table":   "[a]\n[[a]]\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := parseTOML(src); err == nil {
				t.Errorf("parseTOML(%q) succeeded", src)
			}
		})
	}
}
