package deps

import (
	"cmp"
	"strings"
	"testing"
)

func TestParseVersionNormalises(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1.0", "1.0"},
		{"v1.0", "1.0"},
		{" 1.0 ", "1.0"},
		{"1!2.0", "1!2.0"},
		{"0!1.0", "1.0"},
		{"1.0a1", "1.0a1"},
		{"1.0alpha1", "1.0a1"},
		{"1.0-beta.2", "1.0b2"},
		{"1.0c1", "1.0rc1"},
		{"1.0pre1", "1.0rc1"},
		{"1.0preview1", "1.0rc1"},
		{"1.0RC1", "1.0rc1"},
		{"1.0a", "1.0a0"},
		{"1.0-1", "1.0.post1"},
		{"1.0post", "1.0.post0"},
		{"1.0.rev2", "1.0.post2"},
		{"1.0-r3", "1.0.post3"},
		{"1.0.dev", "1.0.dev0"},
		{"1.0-dev_4", "1.0.dev4"},
		{"1.0+Ubuntu-1", "1.0+ubuntu.1"},
		{"1.0+abc_007", "1.0+abc.7"},
		{"01.002.0003", "1.2.3"},
		{"1.0a1.post2.dev3+local.4", "1.0a1.post2.dev3+local.4"},
		{"2024.10.10", "2024.10.10"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			v, err := ParseVersion(c.in)
			if err != nil {
				t.Fatalf("ParseVersion(%q): %v", c.in, err)
			}
			if got := v.String(); got != c.want {
				t.Errorf("ParseVersion(%q) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestParseVersionRejects(t *testing.T) {
	for _, in := range []string{"", "abc", "1.0.", ".1", "1..0", "1.0+", "1.0+local+more", "1.0-", "1.0 beta",
		"1.0p1", "1.0.x", "1!", "!1.0", "1.0a1b2", "99999999999999999999.0", strings.Repeat("1.", 200) + "1"} {
		t.Run(in, func(t *testing.T) {
			if v, err := ParseVersion(in); err == nil {
				t.Errorf("ParseVersion(%q) = %s, want an error", in, v)
			}
		})
	}
}

// TestVersionOrderPEP440 checks the ordering example of PEP 440 ("Summary of
// permitted suffixes and relative ordering"), with local versions and
// epochs added at their places.
func TestVersionOrderPEP440(t *testing.T) {
	order := []string{
		"1.dev0",
		"1.0.dev456",
		"1.0a1",
		"1.0a2.dev456",
		"1.0a12.dev456",
		"1.0a12",
		"1.0b1.dev456",
		"1.0b2",
		"1.0b2.post345.dev456",
		"1.0b2.post345",
		"1.0rc1.dev456",
		"1.0rc1",
		"1.0",
		"1.0+abc.5",
		"1.0+abc.7",
		"1.0+5",
		"1.0.post456.dev34",
		"1.0.post456",
		"1.0.15",
		"1.1.dev1",
		"2.0",
		"1!0.1",
	}
	vs := make([]Version, len(order))
	for i, s := range order {
		v, err := ParseVersion(s)
		if err != nil {
			t.Fatalf("ParseVersion(%q): %v", s, err)
		}
		vs[i] = v
	}
	for i := range vs {
		for j := range vs {
			want := cmp.Compare(i, j)
			if got := vs[i].Compare(vs[j]); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", order[i], order[j], got, want)
			}
		}
	}
}

func TestVersionEquality(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"1.0", "1.0.0", 0},
		{"1.0", "1", 0},
		{"1.0.0.0", "1", 0},
		{"1.0a1", "1.0.0a1", 0},
		{"1.0+local", "1.0", 1},
		{"1.0+1", "1.0+a", 1},
		{"1.0+a.1", "1.0+a", 1},
		{"1.0+009", "1.0+9", 0},
		{"1.0+10", "1.0+9", 1},
		{"1!1.0", "2.0", 1},
		{"1.0.post1", "1.0.post1.dev1", 1},
		{"1.0.dev1", "1.0a1", -1},
		{"1.0rc1", "1.0c1", 0},
		{"1.10", "1.9", 1},
		{"0.7.10", "0.7.9", 1},
	}
	for _, c := range cases {
		t.Run(c.a+" vs "+c.b, func(t *testing.T) {
			got := MustVersion(c.a).Compare(MustVersion(c.b))
			if got != c.want {
				t.Errorf("Compare = %d, want %d", got, c.want)
			}
			if back := MustVersion(c.b).Compare(MustVersion(c.a)); back != -c.want {
				t.Errorf("reverse Compare = %d, want %d", back, -c.want)
			}
		})
	}
}

func TestVersionPredicates(t *testing.T) {
	cases := []struct {
		in        string
		pre, post bool
	}{
		{"1.0", false, false},
		{"1.0a1", true, false},
		{"1.0.dev1", true, false},
		{"1.0.post1", false, true},
		{"1.0.post1.dev1", true, true},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			v := MustVersion(c.in)
			if v.IsPrerelease() != c.pre || v.HasPost != c.post {
				t.Errorf("IsPrerelease %v HasPost %v, want %v %v", v.IsPrerelease(), v.HasPost, c.pre, c.post)
			}
		})
	}
}
