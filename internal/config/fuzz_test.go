package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad writes arbitrary bytes as .patchpatrol.toml. Load must not panic,
// must return a File or an *Error, and every line it names must exist.
func FuzzLoad(f *testing.F) {
	seeds := []string{
		"",
		"[patchpatrol]\nthreshold = 0.8\n",
		"[patchpatrol]\nthreshold = \"high\"\n",
		"[patchpatrol]\nsecurity.compliance_frameworks = [\"soc2\", \"x\"]\n",
		"[patchpatrol]\nteam = { escalation_threshold = 0.5 }\nai = {\n timeout = \"1s\",\n}\n",
		"[[patchpatrol.rules.ignore]]\npath = \"a\"\nrules = [\"PP1\"]\n[[patchpatrol.rules.ignore]]\npaths = 1\n",
		"[patchpatrol.rules.severity]\nPP201 = \"LOW\"\n\"CWE-79\" = \"high\"\n",
		"a = \"\"\"\n[patchpatrol]\n\"\"\"\n[patchpatrol]\nmode = '''x'''\n",
		"\xef\xbb\xbf[patchpatrol]\r\nthresold = 1\r\n",
		"[tool.patchpatrol]\n[patchpatrl]\n[patchpatrol.env]\nk = \"v\"\n",
	}
	for _, name := range []string{"original-basic.toml", "original-security.toml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, string(b))
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		root := t.TempDir()
		if err := os.WriteFile(filepath.Join(root, FileName), data, 0o644); err != nil {
			t.Fatal(err)
		}
		file, warns, err := Load(root, "")
		lines := strings.Count(stripBOM(string(data)), "\n") + 1
		if err != nil {
			if file != nil {
				t.Fatal("Load returned both a File and an error")
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			if ce.Line < 0 || ce.Line > lines {
				t.Fatalf("error on line %d of a %d-line file: %v", ce.Line, lines, ce)
			}
		} else if file == nil {
			t.Fatal("no File and no error for an existing .patchpatrol.toml")
		}
		for _, w := range warns {
			if w.Line < 0 || w.Line > lines {
				t.Fatalf("warning on line %d of a %d-line file: %v", w.Line, lines, w)
			}
		}
		if file != nil {
			s := Defaults()
			s.ApplyFile(file)
			s.ApplyUntrusted(file)
			for _, k := range file.Keys() {
				if s.Sources[k] != file.Source() {
					t.Fatalf("key %s not applied", k)
				}
			}
		}
	})
}

// FuzzPositions checks that the line scanner understands every document the
// TOML decoder accepts; where it does not, messages lose their line numbers.
func FuzzPositions(f *testing.F) {
	seeds := []string{
		"a = 1\n",
		"[a]\nb.c = { d = [1, {e = 'x'}] }\n[[f]]\n[[f.g]]\nh = \"\"\"\n[x]\n\"\"\"\n",
		"t = {\n  x = 1, # c\n}\n",
		"'q k'.\"r\\u0041\" = 2024-01-01T00:00:00Z\n",
		"s = '''a''''\nu = \"\"\"\\\n\"\"\"\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, md, err := decode([]byte(src))
		if err != nil {
			return
		}
		if indexPositions(src, md.Keys()) == nil {
			t.Fatalf("scanner disagrees with the decoder on %q", src)
		}
	})
}
