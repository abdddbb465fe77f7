package deps

import (
	"fmt"
	"testing"
)

func TestSpecifierMatch(t *testing.T) {
	cases := []struct {
		spec, version string
		want          bool
	}{
		// Compatible release (PEP 440: ~=2.2 is >=2.2, ==2.*).
		{"~=2.2", "2.2", true},
		{"~=2.2", "2.9", true},
		{"~=2.2", "3.0", false},
		{"~=2.2", "2.1", false},
		{"~=1.4.5", "1.4.9", true},
		{"~=1.4.5", "1.5.0", false},
		{"~=2.2.post3", "2.2.post4", true},
		{"~=2.2.post3", "2.3", true},
		{"~=2.2.post3", "2.2.post2", false},
		{"~=1.4.5a4", "1.4.5", true},
		{"~=1.4.5a4", "1.4.5a3", false},
		// Version matching with zero padding and local labels.
		{"==1.1", "1.1.0", true},
		{"==1.1", "1.1+local", true},
		{"==1.1+local", "1.1", false},
		{"==1.1+local", "1.1+local", true},
		{"==1.1.post1", "1.1", false},
		{"!=1.1", "1.1.0", false},
		{"!=1.1", "1.1.post1", true},
		// Prefix matching (PEP 440 examples).
		{"==1.1.*", "1.1.post1", true},
		{"==1.1.*", "1.1a1", true},
		{"==1.1.*", "1.1", true},
		{"==1.1.*", "1.10", false},
		{"==1.1.post1.*", "1.1.post1", false}, // invalid spec; see TestParseSpecifierRejects
		{"==1.0.*", "1", true},
		{"==1.*", "1.0.dev1", true},
		{"!=1.1.*", "1.2", true},
		{"!=1.1.*", "1.1.3", false},
		{"==1!1.*", "1.1", false},
		// Inclusive ordered comparisons use the public version.
		{">=1.0", "1.0+local", true},
		{"<=1.0", "1.0+local", true},
		{">=1.0", "1.0rc1", false},
		{"<=2.0", "2.0.post1", false},
		// Exclusive ordered comparisons.
		{"<2.0", "2.0rc1", false},
		{"<2.0", "2.0.dev1", false},
		{"<2.0", "1.9.9", true},
		{"<2.0rc1", "2.0b1", true},
		{">1.7", "1.7.1", true},
		{">1.7", "1.7.post2", false},
		{">1.7", "1.7+local", false},
		{">1.7.post2", "1.7.post3", true},
		{">1.7.post2", "1.7.1", true},
		{">1.7", "1.7.0.1", true},
		// Arbitrary equality.
		{"===1.0", "1.0", true},
		{"===1.0", "1.0.0", false},
		// Epochs.
		{">=1.0", "1!0.5", true},
		{"<1!0.1", "2.0", true},
	}
	for _, c := range cases {
		t.Run(c.spec+" "+c.version, func(t *testing.T) {
			sp, err := ParseSpecifier(c.spec)
			if err != nil {
				if c.want {
					t.Fatalf("ParseSpecifier(%q): %v", c.spec, err)
				}
				return
			}
			if got := sp.Match(MustVersion(c.version)); got != c.want {
				t.Errorf("%s matches %s = %v, want %v", c.spec, c.version, got, c.want)
			}
		})
	}
}

func TestParseSpecifierRejects(t *testing.T) {
	for _, in := range []string{"", "1.0", "=1.0", "==", ">=1.0.*", "~=1", "~=1.*", "==1.0a1.*", "==1.1.post1.*",
		"<1.0+local", ">=1.0+local", "== 1.0 2.0", "==abc", "~=1.0+local"} {
		t.Run(in, func(t *testing.T) {
			if sp, err := ParseSpecifier(in); err == nil {
				t.Errorf("ParseSpecifier(%q) = %s, want an error", in, sp)
			}
		})
	}
}

func TestSpecifierSetContainsPrereleases(t *testing.T) {
	cases := []struct {
		set, version string
		want         bool
	}{
		{">=1.0", "2.0a1", false},
		{">=1.0", "2.0", true},
		{">=1.0a1", "2.0a1", true},
		{">=1.0,<2.0", "1.5", true},
		{">=1.0,<2.0", "2.0", false},
		{">=1.0, !=1.5.*, <2", "1.5.2", false},
		{"", "1.0a1", false},
		{"", "1.0", true},
	}
	for _, c := range cases {
		t.Run(c.set+" "+c.version, func(t *testing.T) {
			set, err := ParseSpecifierSet(c.set)
			if err != nil {
				t.Fatal(err)
			}
			if got := set.Contains(MustVersion(c.version)); got != c.want {
				t.Errorf("Contains = %v, want %v", got, c.want)
			}
		})
	}
}

// TestIntervalsAgreeWithMatch checks that a clause's intervals hold exactly
// the versions Match admits, on a grid of versions around the boundaries.
func TestIntervalsAgreeWithMatch(t *testing.T) {
	var grid []Version
	for _, base := range []string{"0.9", "1.0", "1.0.1", "1.1", "1.4", "1.4.5", "2.0", "2.2", "3.0"} {
		for _, suffix := range []string{"", ".dev0", ".dev3", "a1", "b2.dev1", "rc1", ".post1", ".post1.dev2", "+loc"} {
			grid = append(grid, MustVersion(base+suffix))
		}
	}
	// The exceptions Intervals documents.
	skip := func(sp Specifier, v Version) bool {
		sameBase := v.Base().Equal(sp.Version.Base())
		return sp.Op == ">" && sp.Version.IsPrerelease() && sameBase && (v.HasPost || len(v.Local) > 0) ||
			sp.Op == "<" && sp.Version.HasPost && sameBase && v.IsPrerelease()
	}
	specs := []string{">=1.0", ">1.0", "<=1.4.5", "<2.0", "<2.0rc1", "<2.0.post1", "==1.4.5+loc", "!=1.4.5", ">1.0.dev0", ">1.0.post1", "==1.4.5", "==1.4.*", "!=1.4.*",
		"!=2.0", "~=1.4", "~=1.4.5", "~=2.2.post1", "<1.0.1.dev0", ">2.0a1", "===1.1"}
	for _, s := range specs {
		sp, err := ParseSpecifier(s)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(s, func(t *testing.T) {
			ivs := sp.Intervals()
			for _, v := range grid {
				if skip(sp, v) {
					continue
				}
				in := false
				for _, iv := range ivs {
					if iv.Contains(v) {
						in = true
					}
				}
				if in != sp.Match(v) {
					t.Errorf("%s: intervals say %v, Match says %v for %s (intervals %v)", s, in, sp.Match(v), v, ivs)
				}
			}
		})
	}
}

func TestPoetryConstraint(t *testing.T) {
	cases := []struct {
		in   string
		want string
	}{
		{"^1.2.3", ">=1.2.3,<2"},
		{"^0.2.3", ">=0.2.3,<0.3"},
		{"^0.0.3", ">=0.0.3,<0.0.4"},
		{"^0.0", ">=0.0,<0.1"},
		{"^0", ">=0,<1"},
		{"^1.2", ">=1.2,<2"},
		{"~1.2.3", ">=1.2.3,<1.3"},
		{"~1.2", ">=1.2,<1.3"},
		{"~1", ">=1,<2"},
		{"~=1.2", "~=1.2"},
		{"1.2.3", "==1.2.3"},
		{"1.2.*", "==1.2.*"},
		{">=1.2, <2.0", ">=1.2,<2.0"},
		{">= 1.2 < 2.0", ">=1.2,<2.0"},
		{"^1.0 || ^2.0", ">=1.0,<2 || >=2.0,<3"},
		{"*", ""},
		{"", ""},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParsePoetryConstraint(c.in)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != c.want {
				t.Errorf("ParsePoetryConstraint(%q) = %q, want %q", c.in, got.String(), c.want)
			}
		})
	}
	for _, bad := range []string{"^x", "~", ">>1", "1.0 ^^2"} {
		t.Run("invalid "+bad, func(t *testing.T) {
			if c, err := ParsePoetryConstraint(bad); err == nil {
				t.Errorf("ParsePoetryConstraint(%q) = %v, want an error", bad, c)
			}
		})
	}
}

func ExampleSpecifierSet_Contains() {
	set, _ := ParseSpecifierSet(">=2.0, !=2.3.*, <3")
	for _, v := range []string{"1.9", "2.2.1", "2.3.4", "2.9", "3.0a1"} {
		fmt.Println(v, set.Contains(MustVersion(v)))
	}
	// Output:
	// 1.9 false
	// 2.2.1 true
	// 2.3.4 false
	// 2.9 true
	// 3.0a1 false
}
