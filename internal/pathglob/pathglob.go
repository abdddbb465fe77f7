// Package pathglob matches slash-separated, repository-relative paths
// against the globs users write in configuration (exclude, rules.ignore,
// quality.allow_print_in) and on the command line (--exclude). One matcher
// serves them all, so a glob means the same thing everywhere:
//
//   - "*", "?" and "[...]" work as in path.Match, within one path segment;
//   - "**" spans any number of directories, none included ("src/**/*.py"
//     matches src/a.py and src/a/b/c.py);
//   - a pattern without "/" matches a file or directory name at any depth,
//     as in .gitignore: "*.min.js" any minified script, "node_modules"
//     everything in any node_modules directory;
//   - a leading "/" anchors the pattern at the root ("/setup.py" is only the
//     top-level setup.py), as in .gitignore.
package pathglob

import (
	"path"
	"strings"
)

// Match reports whether the slash path p matches pattern. A malformed
// pattern matches nothing; Valid says why it is malformed.
func Match(pattern, p string) bool {
	if anchored, ok := strings.CutPrefix(pattern, "/"); ok {
		return match(anchored, p)
	}
	if !strings.Contains(pattern, "/") {
		name := strings.ReplaceAll(pattern, "**", "*")
		for _, seg := range strings.Split(p, "/") {
			if ok, _ := path.Match(name, seg); ok {
				return true
			}
		}
		return false
	}
	return match(pattern, p)
}

// Valid reports whether pattern is well formed (balanced brackets, no
// trailing backslash).
func Valid(pattern string) bool {
	for _, part := range strings.Split(pattern, "**") {
		if _, err := path.Match(part, ""); err != nil {
			return false
		}
	}
	return true
}

func match(pattern, p string) bool {
	prefix, suffix, found := strings.Cut(pattern, "**")
	if !found {
		ok, _ := path.Match(pattern, p)
		return ok
	}
	suffix = strings.TrimPrefix(suffix, "/")
	segs := strings.Split(p, "/")
	start := 0
	if prefix != "" {
		dir, ok := strings.CutSuffix(prefix, "/")
		if !ok {
			// "foo**" inside a segment: the rest of the path may follow.
			return strings.HasPrefix(p, prefix) && (suffix == "" || match("**/"+suffix, p[len(prefix):]))
		}
		n := strings.Count(dir, "/") + 1
		if n > len(segs) {
			return false
		}
		if ok, _ := path.Match(dir, strings.Join(segs[:n], "/")); !ok {
			return false
		}
		start = n
	}
	if suffix == "" {
		return start < len(segs) // "tests/**" is what lies below tests/
	}
	for i := start; i < len(segs); i++ {
		if match(suffix, strings.Join(segs[i:], "/")) {
			return true
		}
	}
	return false
}
