package deps

import (
	"path"
	"strings"
)

// Kind is a manifest format.
type Kind string

// Manifest formats.
const (
	KindRequirements Kind = "requirements" // requirements*.txt and -r includes
	KindConstraints  Kind = "constraints"  // constraints*.txt and -c includes
	KindPyproject    Kind = "pyproject.toml"
	KindPoetryLock   Kind = "poetry.lock"
	KindUVLock       Kind = "uv.lock"
	KindPipfile      Kind = "Pipfile"
	KindPipfileLock  Kind = "Pipfile.lock"
	KindSetupCfg     Kind = "setup.cfg"
)

// ManifestKind recognises a manifest by its file name; ok is false for any
// other file. Files included with -r or -c are recognised by the including
// file instead (see Analyzer.AnalyzeBatch).
func ManifestKind(p string) (Kind, bool) {
	base := path.Base(strings.ReplaceAll(p, "\\", "/"))
	lower := strings.ToLower(base)
	switch {
	case base == "pyproject.toml":
		return KindPyproject, true
	case base == "poetry.lock":
		return KindPoetryLock, true
	case base == "uv.lock":
		return KindUVLock, true
	case base == "Pipfile":
		return KindPipfile, true
	case base == "Pipfile.lock":
		return KindPipfileLock, true
	case base == "setup.cfg":
		return KindSetupCfg, true
	case strings.HasPrefix(lower, "requirements") && strings.HasSuffix(lower, ".txt"):
		return KindRequirements, true
	case strings.HasPrefix(lower, "constraints") && strings.HasSuffix(lower, ".txt"):
		return KindConstraints, true
	}
	return "", false
}

// IsManifest reports whether p names a manifest by itself.
func IsManifest(p string) bool {
	_, ok := ManifestKind(p)
	return ok
}

// Include is a -r/-c line of a requirements file, or "file:" in setup.cfg.
type Include struct {
	Path       string // as written
	Constraint bool   // -c: constrains versions, adds no requirement
	Line       int
}

// Manifest is a parsed manifest.
type Manifest struct {
	Path         string
	Kind         Kind
	Requirements []Requirement
	Includes     []Include
	// Problems are lines that could not be read, as "line N: reason"; the
	// rest of the manifest is still checked.
	Problems []string
}

// ParseManifest reads a manifest of the given kind. It never fails: what
// cannot be read is listed in Problems.
func ParseManifest(p string, kind Kind, content []byte) *Manifest {
	m := &Manifest{Path: p, Kind: kind}
	src := string(content)
	switch kind {
	case KindRequirements, KindConstraints:
		parseRequirementsTxt(m, src)
	case KindPyproject:
		parsePyproject(m, src)
	case KindPoetryLock, KindUVLock:
		parseLock(m, src)
	case KindPipfile:
		parsePipfile(m, src)
	case KindPipfileLock:
		parsePipfileLock(m, content)
	case KindSetupCfg:
		parseSetupCfg(m, src)
	}
	return m
}

func (m *Manifest) problem(line int, msg string) {
	if len(m.Problems) < 20 {
		m.Problems = append(m.Problems, "line "+itoa(line)+": "+msg)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// add parses a PEP 508 string found at line and records it.
func (m *Manifest) add(text string, line, endLine int) {
	r, err := ParseRequirement(text)
	if err != nil {
		m.problem(line, err.Error())
		return
	}
	r.Line, r.EndLine = line, max(line, endLine)
	m.Requirements = append(m.Requirements, r)
}

// requirements.txt ---------------------------------------------------------

// parseRequirementsTxt reads pip's requirements format: one requirement per
// logical line ("\" continues a line), "#" comments at the start of a line
// or after whitespace, -r/--requirement and -c/--constraint includes,
// editable and URL lines (named by #egg=), per-requirement options such as
// --hash, and global options, which are skipped.
func parseRequirementsTxt(m *Manifest, src string) {
	lines := strings.Split(src, "\n")
	for i := 0; i < len(lines); i++ {
		start := i + 1
		text := strings.TrimSuffix(lines[i], "\r")
		for strings.HasSuffix(text, "\\") && i+1 < len(lines) {
			i++
			text = strings.TrimSuffix(text, "\\") + " " + strings.TrimSuffix(lines[i], "\r")
		}
		end := i + 1
		text = strings.TrimSpace(stripPipComment(text))
		if text == "" {
			continue
		}
		if strings.HasPrefix(text, "-") {
			requirementsOption(m, text, start, end)
			continue
		}
		if looksLikeURLOrPath(text) {
			if name := eggName(text); name != "" {
				m.Requirements = append(m.Requirements, Requirement{Name: name, Key: NormalizeName(name), URL: text, Text: text, Line: start, EndLine: end})
			}
			continue
		}
		m.add(dropPipOptions(text), start, end)
	}
}

// stripPipComment removes a comment: "#" at the start or after whitespace.
func stripPipComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

// dropPipOptions cuts per-requirement options ("--hash=...", "--config-settings").
func dropPipOptions(s string) string {
	if i := strings.Index(s, " --"); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	if i := strings.Index(s, "\t--"); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

func requirementsOption(m *Manifest, text string, start, end int) {
	opt, arg := text, ""
	if i := strings.IndexAny(text, " \t="); i >= 0 {
		opt, arg = text[:i], strings.TrimSpace(strings.TrimLeft(text[i:], " \t="))
	} else if strings.HasPrefix(text, "-r") || strings.HasPrefix(text, "-c") || strings.HasPrefix(text, "-e") {
		opt, arg = text[:2], strings.TrimSpace(text[2:])
	}
	switch opt {
	case "-r", "--requirement", "-c", "--constraint":
		if arg == "" {
			m.problem(start, opt+" needs a file name")
			return
		}
		m.Includes = append(m.Includes, Include{Path: arg, Constraint: opt == "-c" || opt == "--constraint", Line: start})
	case "-e", "--editable":
		if name := eggName(arg); name != "" {
			m.Requirements = append(m.Requirements, Requirement{Name: name, Key: NormalizeName(name), URL: arg, Text: text, Line: start, EndLine: end})
		}
	}
}

func looksLikeURLOrPath(s string) bool {
	if strings.Contains(s, "://") && !strings.Contains(strings.SplitN(s, "://", 2)[0], "@") {
		return true
	}
	return strings.HasPrefix(s, ".") || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "~") ||
		strings.HasPrefix(s, "git+") || strings.HasPrefix(s, "hg+") || strings.HasPrefix(s, "svn+") || strings.HasPrefix(s, "bzr+") ||
		strings.HasSuffix(strings.ToLower(s), ".whl") || strings.HasSuffix(strings.ToLower(s), ".tar.gz") || strings.HasSuffix(strings.ToLower(s), ".zip")
}

// eggName returns the project named by a URL's #egg= fragment.
func eggName(s string) string {
	i := strings.Index(s, "#egg=")
	if i < 0 {
		return ""
	}
	name := s[i+5:]
	if j := strings.IndexAny(name, "&[ \t"); j >= 0 {
		name = name[:j]
	}
	if !ValidName(name) {
		return ""
	}
	return name
}

// setup.cfg ----------------------------------------------------------------

// parseSetupCfg reads install_requires, setup_requires and tests_require in
// [options] and every key of [options.extras_require]. As in setuptools, a
// value spread over indented continuation lines holds one requirement per
// line, and a value on the key's line alone is split at commas. "file:
// path" becomes an include.
func parseSetupCfg(m *Manifest, src string) {
	type item struct {
		text string
		line int
	}
	var items []item
	flush := func() {
		if len(items) == 1 && !strings.HasPrefix(items[0].text, "file:") {
			for _, part := range strings.Split(items[0].text, ",") {
				if part = strings.TrimSpace(part); part != "" {
					m.add(part, items[0].line, items[0].line)
				}
			}
		} else {
			for _, it := range items {
				setupValue(m, it.text, it.line)
			}
		}
		items = nil
	}
	section, key := "", ""
	for i, raw := range strings.Split(src, "\n") {
		n := i + 1
		line := strings.TrimRight(raw, " \t\r")
		trimmed := strings.TrimSpace(stripPipComment(line))
		if trimmed == "" || strings.HasPrefix(trimmed, ";") {
			continue
		}
		if (line[0] == ' ' || line[0] == '\t') && key != "" {
			items = append(items, item{trimmed, n})
			continue
		}
		flush()
		key = ""
		if strings.HasPrefix(trimmed, "[") && strings.HasSuffix(trimmed, "]") {
			section = strings.ToLower(strings.TrimSpace(trimmed[1 : len(trimmed)-1]))
			continue
		}
		k, v, ok := cutAny(trimmed, "=:")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		wanted := section == "options.extras_require" ||
			section == "options" && (k == "install_requires" || k == "setup_requires" || k == "tests_require")
		if !wanted {
			continue
		}
		key = k
		if v = strings.TrimSpace(v); v != "" {
			items = append(items, item{v, n})
		}
	}
	flush()
}

func setupValue(m *Manifest, v string, line int) {
	if strings.HasPrefix(v, "file:") {
		for _, f := range strings.Split(strings.TrimSpace(v[5:]), ",") {
			if f = strings.TrimSpace(f); f != "" {
				m.Includes = append(m.Includes, Include{Path: f, Line: line})
			}
		}
		return
	}
	m.add(v, line, line)
}

// cutAny splits s at the first of the separator bytes.
func cutAny(s, seps string) (string, string, bool) {
	if i := strings.IndexAny(s, seps); i >= 0 {
		return s[:i], s[i+1:], true
	}
	return s, "", false
}
