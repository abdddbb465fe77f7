package deps

import (
	"testing"
)

// FuzzParseVersion checks that parsing never panics and that a parsed
// version's normal form parses back to an equal version.
func FuzzParseVersion(f *testing.F) {
	for _, s := range []string{"1.0", "v1!2.3.4a5.post6.dev7+abc.8", "1.0-1", "1.0RC2", "01.0", "1.0+", "9999999999999999999", "1..2", "1.0a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseVersion(s)
		if err != nil {
			return
		}
		w, err := ParseVersion(v.String())
		if err != nil {
			t.Fatalf("normal form %q of %q does not parse: %v", v.String(), s, err)
		}
		if v.Compare(w) != 0 || w.String() != v.String() {
			t.Fatalf("%q → %q → %q", s, v.String(), w.String())
		}
	})
}

// FuzzParseRequirement checks that requirement lines and whole requirements
// files never panic, and that every requirement read has a valid name and
// a line inside the file.
func FuzzParseRequirement(f *testing.F) {
	for _, s := range []string{"requests==2.19.0", "name[extra] (>=1.0) ; python_version < '3'", "pip @ https://x/y.zip",
		"-r other.txt\n-c c.txt\nflask \\\n  ==1.0 --hash=sha256:00\n", "-e git+https://x#egg=y", "a==1.*,!=1.2.*,~=1.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if r, err := ParseRequirement(s); err == nil && !ValidName(r.Name) {
			t.Fatalf("requirement %q has an invalid name %q", s, r.Name)
		}
		lines := 1
		for i := 0; i < len(s); i++ {
			if s[i] == '\n' {
				lines++
			}
		}
		for _, kind := range []Kind{KindRequirements, KindSetupCfg} {
			m := ParseManifest("x", kind, []byte(s))
			for _, r := range m.Requirements {
				if r.Line < 1 || r.Line > lines || r.EndLine < r.Line || r.EndLine > lines {
					t.Fatalf("%s: requirement %q at lines %d-%d of %d", kind, r.Text, r.Line, r.EndLine, lines)
				}
			}
		}
	})
}

// FuzzParseManifestTOML checks the TOML and JSON manifest readers never
// panic on any input.
func FuzzParseManifestTOML(f *testing.F) {
	for _, s := range []string{"[project]\ndependencies = [\"a==1\"]\n", "[[package]]\nname = \"a\"\nversion = \"1\"\n",
		"[packages]\na = {version = \"==1\"}\n", "a = \"\"\"\nx\\\n y\"\"\"\n", `{"default": {"a": {"version": "==1"}}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, kind := range []Kind{KindPyproject, KindPoetryLock, KindPipfile, KindPipfileLock} {
			ParseManifest("x", kind, []byte(s))
		}
	})
}
