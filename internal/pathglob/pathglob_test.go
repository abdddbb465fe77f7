package pathglob

import "testing"

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		pat, p string
		want   bool
	}{
		{"tests/**", "tests/a/b.py", true},
		{"tests/**", "tests/a.py", true},
		{"tests/**", "tests", false},
		{"tests/**", "src/tests.py", false},
		{"tests/**", "src/tests/a.py", false},
		{"**/tests/**", "src/tests/a.py", true},
		{"*.py", "a/b/c.py", true},
		{"*.min.js", "static/app.min.js", true},
		{"setup.py", "pkg/setup.py", true},
		{"/setup.py", "setup.py", true},
		{"/setup.py", "pkg/setup.py", false},
		{"/docs/**", "docs/a.md", true},
		{"/docs/**", "x/docs/a.md", false},
		{"**/test_*.py", "a/test_x.py", true},
		{"**/test_*.py", "test_x.py", true},
		{"**/test_*.py", "a/b/test_x.py", true},
		{"**/test_*.py", "a/b/x_test.py", false},
		{"src/*.py", "src/a.py", true},
		{"src/*.py", "src/a/b.py", false},
		{"src/**/*.py", "src/a.py", true},
		{"src/**/*.py", "src/a/b/c.py", true},
		{"src/**/*.py", "lib/src/a.py", false},
		{"src/*/migrations/**", "src/app/migrations/0001.py", true},
		{"src/*/migrations/**", "src/migrations/0001.py", false},
		{"**/management/commands/**", "shop/management/commands/load.py", true},
		{"a/**/b/**/c.py", "a/x/b/y/z/c.py", true},
		{"a/**/b/**/c.py", "a/x/c.py", false},
		{"vendor**", "vendored/x.py", true},
		{"node_modules", "web/node_modules/x/index.js", true},
		{"node_modules", "web/node_modules.txt", false},
		{"[", "[", false},
	} {
		if got := Match(c.pat, c.p); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.pat, c.p, got, c.want)
		}
	}
}

func TestValid(t *testing.T) {
	for pat, want := range map[string]bool{"tests/**": true, "*.py": true, "[a-z]*.py": true, "[": false, "src/**/[": false, `a\`: false} {
		if got := Valid(pat); got != want {
			t.Errorf("Valid(%q) = %v, want %v", pat, got, want)
		}
	}
}
