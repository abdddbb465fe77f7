package config

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// positionsOf decodes src (which must be valid) and indexes it.
func positionsOf(t *testing.T, src string) *positions {
	t.Helper()
	var m map[string]any
	md, err := toml.Decode(src, &m)
	if err != nil {
		t.Fatalf("invalid test input: %v", err)
	}
	return indexPositions(src, md.Keys())
}

// p builds a path: strings are keys, ints are element indices.
func p(parts ...any) []seg {
	var out []seg
	for _, x := range parts {
		switch v := x.(type) {
		case string:
			out = append(out, keySeg(v))
		case int:
			out = append(out, idxSeg(v))
		}
	}
	return out
}

func TestIndexPositions(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want map[string]int // displayPath → line
		path [][]seg
	}{
		{
			name: "tables and keys",
			src:  "# c\n[a]\nx = 1\n\n[a.b]\ny = \"s\" # c\n",
			path: [][]seg{p("a"), p("a", "x"), p("a", "b"), p("a", "b", "y")},
			want: map[string]int{"a": 2, "a.x": 3, "a.b": 5, "a.b.y": 6},
		},
		{
			name: "dotted keys record their parents",
			src:  "[a]\n\nb.c.d = true\nb.c.e = 1\n",
			path: [][]seg{p("a", "b"), p("a", "b", "c"), p("a", "b", "c", "d"), p("a", "b", "c", "e")},
			want: map[string]int{"a.b": 3, "a.b.c": 3, "a.b.c.d": 3, "a.b.c.e": 4},
		},
		{
			name: "inline tables",
			src:  "[a]\nt = { x = 1, y = { z = \"}\" } }\nu = 2\n",
			path: [][]seg{p("a", "t"), p("a", "t", "x"), p("a", "t", "y", "z"), p("a", "u")},
			want: map[string]int{"a.t": 2, "a.t.x": 2, "a.t.y.z": 2, "a.u": 3},
		},
		{
			name: "multi-line inline table (TOML 1.1)",
			src:  "t = {\n  x = 1, # one\n  y = 2,\n}\nz = 3\n",
			path: [][]seg{p("t", "x"), p("t", "y"), p("z")},
			want: map[string]int{"t.x": 2, "t.y": 3, "z": 5},
		},
		{
			name: "arrays of tables get indices",
			src:  "[[r]]\np = 1\n[[r]]\np = 2\n[r.sub]\nq = 3\n[[r]]\n[[r.list]]\nk = 4\n[[r.list]]\nk = 5\n",
			path: [][]seg{p("r", 0), p("r", 0, "p"), p("r", 1, "p"), p("r", 1, "sub", "q"), p("r", 2),
				p("r", 2, "list", 0, "k"), p("r", 2, "list", 1, "k"), p("r")},
			want: map[string]int{"r[0]": 1, "r[0].p": 2, "r[1].p": 4, "r[1].sub.q": 6, "r[2]": 7,
				"r[2].list[0].k": 9, "r[2].list[1].k": 11, "r": 1},
		},
		{
			name: "array elements and inline arrays of tables",
			src:  "l = [\n  \"a\",\n  # note\n  \"b\", [1,\n 2],\n]\nt = [{ x = 1 },\n  { x = 2 }]\n",
			path: [][]seg{p("l", 0), p("l", 1), p("l", 2), p("l", 2, 1), p("t", 0, "x"), p("t", 1, "x")},
			want: map[string]int{"l[0]": 2, "l[1]": 4, "l[2]": 4, "l[2][1]": 5, "t[0].x": 7, "t[1].x": 8},
		},
		{
			name: "strings that look like TOML",
			src: "a = \"\"\"\n[fake]\nb = 1\n\"\"\"\nc = '''\nx = 'y'\n''''\nd = \"q\\\"[x]\"\n" +
				"e = \"\"\"line \\\n  continued \"\" \\\"\"\" end\"\"\"\nf = 1\n",
			path: [][]seg{p("a"), p("c"), p("d"), p("e"), p("f"), p("fake")},
			want: map[string]int{"a": 1, "c": 5, "d": 8, "e": 9, "f": 11, "fake": 0},
		},
		{
			name: "quoted keys",
			src:  "[\"p.q\".'r s']\n\"t\\u0061b\" = 1\n'lit\\' = 2\n\"\" = 3\n",
			path: [][]seg{p("p.q", "r s"), p("p.q", "r s", "tab"), p("p.q", "r s", "lit\\"), p("p.q", "r s", "")},
			want: map[string]int{"\"p.q\".\"r s\"": 1, "\"p.q\".\"r s\".tab": 2, "\"p.q\".\"r s\".\"lit\\\\\"": 3,
				"\"p.q\".\"r s\".\"\"": 4},
		},
		{
			name: "escapes in keys",
			src:  "\"a\\tb\\\\c\\\"d\\x41\\U0001F600\\e\\b\\f\\r\\n\" = 1\nz = \"\\u00e9\"\n",
			path: [][]seg{p("a\tb\\c\"dA\U0001F600\x1b\b\f\r\n"), p("z")},
			want: map[string]int{`"a\tb\\c\"dA😀\x1b\b\f\r\n"`: 1, "z": 2},
		},
		{
			name: "CRLF and BOM",
			src:  "\xef\xbb\xbf[a]\r\nx = 1\r\n\r\ny = [\r\n 1,\r\n]\r\n",
			path: [][]seg{p("a"), p("a", "x"), p("a", "y"), p("a", "y", 0)},
			want: map[string]int{"a": 1, "a.x": 2, "a.y": 4, "a.y[0]": 5},
		},
		{
			name: "dates and odd numbers",
			src:  "d = 1979-05-27 07:32:00Z\nt = 07:32\nn = [inf, -nan, 0x1F, 1_000]\nz = 1\n",
			path: [][]seg{p("d"), p("t"), p("n", 3), p("z")},
			want: map[string]int{"d": 1, "t": 2, "n[3]": 3, "z": 4},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pos := positionsOf(t, tc.src)
			if pos == nil {
				t.Fatal("scan disagreed with the decoder")
			}
			for _, path := range tc.path {
				name := displayPath(path)
				want, ok := tc.want[name]
				if !ok {
					t.Fatalf("test case lacks a line for %s", name)
				}
				if got := pos.line(path); got != want {
					t.Errorf("line(%s) = %d, want %d", name, got, want)
				}
			}
		})
	}
}

func TestIndexPositionsDegrades(t *testing.T) {
	src := "[a]\nx = 1\n"
	var m map[string]any
	md, err := toml.Decode(src, &m)
	if err != nil {
		t.Fatal(err)
	}
	if indexPositions(src, md.Keys()) == nil {
		t.Fatal("agreeing scan rejected")
	}
	if indexPositions(src, md.Keys()[:1]) != nil {
		t.Error("scan kept although the decoder listed other keys")
	}
	if indexPositions(src, []toml.Key{{"a"}, {"a", "y"}}) != nil {
		t.Error("scan kept although a key differs")
	}
	var nilPos *positions
	if nilPos.line(p("a")) != 0 {
		t.Error("nil positions knows a line")
	}
}

func TestDisplayPath(t *testing.T) {
	cases := []struct {
		name string
		path []seg
		want string
	}{
		{"plain", p("patchpatrol", "threshold"), "patchpatrol.threshold"},
		{"index", p("rules", "ignore", 1, "rules", 0), "rules.ignore[1].rules[0]"},
		{"quoted", p("a b", "c.d", ""), `"a b"."c.d".""`},
		{"empty", nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := displayPath(tc.path); got != tc.want {
				t.Errorf("displayPath = %q, want %q", got, tc.want)
			}
		})
	}
	if encodePath(p("a.b")) == encodePath(p("a", "b")) || encodePath(p("a", 1)) == encodePath(p("a", "1")) {
		t.Error("encodePath collides")
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"threshold", "soft_mode", "security", "ai", "env", "exclude"}
	cases := []struct {
		in, want string
	}{
		{"thresold", "threshold"},
		{"threshlod", "threshold"}, // swap
		{"Threshold", "threshold"},
		{"softmode", "soft_mode"},
		{"securty", "security"},
		{"excludes", "exclude"},
		{"a", "ai"},
		{"xy", ""},
		{"colour", ""},
		{"", ""},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			if got := suggest(tc.in, keys); got != tc.want {
				t.Errorf("suggest(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
