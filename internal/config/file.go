package config

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// File names PatchPatrol discovers at the repository root.
const (
	FileName      = ".patchpatrol.toml"
	PyprojectName = "pyproject.toml"
)

// maxConfigSize bounds what Load reads; a config file is a few hundred bytes.
const maxConfigSize = 4 << 20

// File is a decoded, validated config file.
type File struct {
	Path  string // as opened
	Name  string // as shown in messages: relative to the root when discovered
	Table string // "patchpatrol", or "tool.patchpatrol" in pyproject.toml

	// Untrusted holds what a repository may not decide for the user: where
	// code is sent and which credentials are used. Settings take it only
	// through ApplyUntrusted.
	Untrusted Untrusted

	values []fileValue // trusted settings, in document order
}

// Untrusted is the part of a repository's config that is applied only when
// the user trusts the repository.
type Untrusted struct {
	BaseURL string
	Env     map[string]string
	// OSVURL is where advisories come from: a repository that chose it
	// could answer "no known vulnerabilities" for its own dependencies.
	OSVURL string
}

type fileValue struct {
	key   string
	value any
	line  int
}

// Source is "config:<Name>".
func (f *File) Source() Source { return ConfigSource(f.Name) }

// Keys lists the settings the file sets, in document order, leaving out
// device and the untrusted keys.
func (f *File) Keys() []string {
	out := make([]string, len(f.values))
	for i, v := range f.values {
		out[i] = v.key
	}
	return out
}

// Lookup returns the validated value of a setting the file sets, normalized
// to its Settings type ([]string, float64, time.Duration, Escalation, ...).
func (f *File) Lookup(key string) (any, bool) {
	for _, v := range f.values {
		if v.key == key {
			return v.value, true
		}
	}
	return nil, false
}

// Line returns the line where the file sets key, or 0.
func (f *File) Line(key string) int {
	for _, v := range f.values {
		if v.key == key {
			return v.line
		}
	}
	return 0
}

// Load reads the config. With an explicitPath (from --config or
// PATCHPATROL_CONFIG; relative paths are relative to the working directory)
// it reads that file, which must exist; a file named pyproject.toml is read
// for its [tool.patchpatrol] table, any other for [patchpatrol]. Otherwise it
// looks in root for .patchpatrol.toml, then pyproject.toml; when both hold
// settings .patchpatrol.toml wins and a warning says so. It returns a nil
// *File when no config is found. Every error is an *Error, or several joined
// with errors.Join.
func Load(root, explicitPath string) (*File, []Warning, error) {
	if explicitPath != "" {
		data, found, err := readConfig(explicitPath, explicitPath)
		if err != nil {
			return nil, nil, err
		}
		if !found {
			return nil, nil, &Error{File: explicitPath, Message: "config file not found: fix the path given with " +
				"--config or " + ConfigPathEnv + ", or drop it to use the repository's " + FileName, Err: fs.ErrNotExist}
		}
		py := filepath.Base(explicitPath) == PyprojectName
		f, warns, err := parseConfig(data, explicitPath, explicitPath, py)
		if err == nil && f == nil {
			warns = append(warns, Warning{File: explicitPath, Key: "tool.patchpatrol",
				Message: "no [tool.patchpatrol] table, nothing configured: add one, or point --config at a " + FileName})
		}
		return f, warns, err
	}

	ppPath := filepath.Join(root, FileName)
	pp, ppFound, err := readConfig(ppPath, FileName)
	if err != nil {
		return nil, nil, err
	}
	pyPath := filepath.Join(root, PyprojectName)
	if ppFound {
		f, warns, err := parseConfig(pp, ppPath, FileName, false)
		// pyproject.toml is read only to say its table is ignored; any
		// problem with it is another tool's business.
		if py, pyFound, rerr := readConfig(pyPath, PyprojectName); rerr == nil && pyFound {
			if line, ok := pyprojectTable(py); ok {
				warns = append(warns, Warning{File: PyprojectName, Line: line, Key: "tool.patchpatrol",
					Message: "ignored because " + FileName + " exists: move these settings into " + FileName +
						" and delete the table"})
			}
		}
		return f, warns, err
	}
	py, pyFound, err := readConfig(pyPath, PyprojectName)
	if err != nil || !pyFound {
		return nil, nil, err
	}
	return parseConfig(py, pyPath, PyprojectName, true)
}

// readConfig reads a config file; found is false when it does not exist.
func readConfig(path, name string) (data []byte, found bool, err error) {
	fh, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, &Error{File: name, Message: fmt.Sprintf("cannot read config: %v: check its permissions", err), Err: err}
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, false, &Error{File: name, Message: fmt.Sprintf("cannot read config: %v", err), Err: err}
	}
	if st.IsDir() {
		return nil, false, &Error{File: name, Message: "is a directory, not a config file: remove it or point --config at a file"}
	}
	data, err = io.ReadAll(io.LimitReader(fh, maxConfigSize+1))
	if err != nil {
		return nil, false, &Error{File: name, Message: fmt.Sprintf("cannot read config: %v", err), Err: err}
	}
	if len(data) > maxConfigSize {
		return nil, false, &Error{File: name, Message: fmt.Sprintf("config file is larger than %d MiB: is this the right file?", maxConfigSize>>20)}
	}
	return data, true, nil
}

// pyprojectTable reports whether a pyproject.toml holds [tool.patchpatrol]
// and on which line.
func pyprojectTable(data []byte) (int, bool) {
	raw, md, err := decode(data)
	if err != nil {
		return 0, false
	}
	tool, _ := raw["tool"].(map[string]any)
	if _, ok := tool["patchpatrol"]; !ok {
		return 0, false
	}
	return indexPositions(string(data), md.Keys()).line(keySegs("tool", "patchpatrol")), true
}

// decode parses TOML into generic values. The decoder recovers its own
// panics; the recover here turns any other into an error, so no input can
// crash the caller.
func decode(data []byte) (raw map[string]any, md toml.MetaData, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("toml decoder failed: %v", r)
		}
	}()
	md, err = toml.Decode(string(data), &raw)
	return raw, md, err
}

// node is the schema tree built from specs: a table with children, or a
// setting.
type node struct {
	children map[string]*node
	spec     *spec
}

func buildSchema() *node {
	root := &node{children: make(map[string]*node)}
	for i := range specs {
		parts := strings.Split(specs[i].key, ".")
		n := root
		for _, p := range parts[:len(parts)-1] {
			c, ok := n.children[p]
			if !ok {
				c = &node{children: make(map[string]*node)}
				n.children[p] = c
			}
			n = c
		}
		n.children[parts[len(parts)-1]] = &node{spec: &specs[i]}
	}
	return root
}

// loader validates one file and collects its warnings and errors.
type loader struct {
	name   string
	prefix []seg // path of the PatchPatrol table in the file
	schema *node
	pos    *positions
	warns  []Warning
	errs   []*Error
}

func (l *loader) warn(p []seg, msg string) {
	l.warns = append(l.warns, Warning{File: l.name, Line: l.pos.line(p), Key: displayPath(p), Message: msg})
}

// fail records an error at path p (full) for the setting rel (below the
// PatchPatrol table); line falls back to fallback's when p has none.
func (l *loader) fail(p, fallback, rel []seg, msg string, cause error) {
	line := l.pos.line(p)
	if line == 0 {
		line = l.pos.line(fallback)
	}
	key := displayPath(rel)
	if len(rel) == 0 {
		key = displayPath(p)
	}
	l.errs = append(l.errs, &Error{File: l.name, Line: line, Key: key, Message: msg, Err: cause})
}

// parseConfig decodes and validates one file. For a pyproject.toml without
// [tool.patchpatrol] it returns a nil *File.
func parseConfig(data []byte, path, name string, pyproject bool) (*File, []Warning, error) {
	raw, md, err := decode(data)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, nil, &Error{File: name, Line: syntaxLine(string(data), pe.Position),
				Message: "invalid TOML: " + pe.Message + ": fix the syntax", Err: err}
		}
		return nil, nil, &Error{File: name, Message: "invalid TOML: " + err.Error(), Err: err}
	}
	l := &loader{name: name, schema: buildSchema(), pos: indexPositions(string(data), md.Keys())}

	var table any
	var present bool
	if pyproject {
		l.prefix = keySegs("tool", "patchpatrol")
		tool, _ := raw["tool"].(map[string]any)
		table, present = tool["patchpatrol"]
		if !present {
			for _, k := range slices.Sorted(maps.Keys(tool)) {
				if suggest(k, []string{"patchpatrol"}) != "" {
					l.warn(keySegs("tool", k), "not read by PatchPatrol (did you mean `tool.patchpatrol`?)")
				}
			}
			return nil, l.sortedWarnings(), nil
		}
	} else {
		l.prefix = keySegs("patchpatrol")
		for _, k := range slices.Sorted(maps.Keys(raw)) {
			if k != "patchpatrol" {
				l.unknownTop(k, raw[k])
			}
		}
		table, present = raw["patchpatrol"]
	}

	f := &File{Path: path, Name: name, Table: displayPath(l.prefix)}
	if present {
		if m, ok := table.(map[string]any); ok {
			l.walk(f, l.schema, m, l.prefix, nil)
		} else {
			l.fail(l.prefix, nil, nil, fmt.Sprintf("must be a table, [%s], got %s", displayPath(l.prefix), describe(table)), nil)
		}
	}
	slices.SortStableFunc(f.values, func(a, b fileValue) int { return cmp.Compare(a.line, b.line) })
	warns := l.sortedWarnings()
	if len(l.errs) > 0 {
		slices.SortStableFunc(l.errs, func(a, b *Error) int { return cmpLine(a.Line, b.Line) })
		if len(l.errs) == 1 {
			return nil, warns, l.errs[0]
		}
		errs := make([]error, len(l.errs))
		for i, e := range l.errs {
			errs[i] = e
		}
		return nil, warns, errors.Join(errs...)
	}
	return f, warns, nil
}

// cmpLine orders by line, unknown lines last.
func cmpLine(a, b int) int {
	if a == 0 {
		a = int(^uint(0) >> 1)
	}
	if b == 0 {
		b = int(^uint(0) >> 1)
	}
	return cmp.Compare(a, b)
}

func (l *loader) sortedWarnings() []Warning {
	slices.SortStableFunc(l.warns, func(a, b Warning) int { return cmpLine(a.Line, b.Line) })
	return l.warns
}

// unknownTop handles a key outside [patchpatrol] in .patchpatrol.toml.
func (l *loader) unknownTop(k string, v any) {
	p := keySegs(k)
	switch {
	case k == "tool":
		if tool, ok := v.(map[string]any); ok {
			if _, ok := tool["patchpatrol"]; ok {
				l.warn(keySegs("tool", "patchpatrol"), "ignored: in "+FileName+" the table is [patchpatrol]; "+
					"[tool.patchpatrol] belongs in "+PyprojectName)
				return
			}
		}
	case l.schema.children[k] != nil:
		l.warn(p, "ignored: settings belong in the [patchpatrol] table; move it below [patchpatrol]")
		return
	}
	if s := suggest(k, []string{"patchpatrol"}); s != "" {
		l.warn(p, "unknown key, ignored (did you mean `patchpatrol`?)")
		return
	}
	l.warn(p, "unknown key, ignored: PatchPatrol reads only the [patchpatrol] table")
}

// walk validates table m against schema node n; p is its full path in the
// file and rel its path below the PatchPatrol table.
func (l *loader) walk(f *File, n *node, m map[string]any, p, rel []seg) {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		v := m[k]
		cp, crel := join(p, keySeg(k)), join(rel, keySeg(k))
		child, ok := n.children[k]
		if !ok {
			l.unknown(n, k, cp)
			continue
		}
		if child.spec == nil {
			sub, ok := v.(map[string]any)
			if !ok {
				l.fail(cp, nil, crel, fmt.Sprintf("must be a table, [%s], got %s", displayPath(cp), describe(v)), nil)
				continue
			}
			l.walk(f, child, sub, cp, crel)
			continue
		}
		l.setting(f, child.spec, v, cp, crel)
	}
}

func (l *loader) unknown(n *node, k string, p []seg) {
	keys := slices.Sorted(maps.Keys(n.children))
	if s := suggest(k, keys); s != "" {
		l.warn(p, "unknown key, ignored (did you mean `"+s+"`?)")
		return
	}
	// A key valid elsewhere: say which table it belongs in.
	for i := range specs {
		parts := strings.Split(specs[i].key, ".")
		for j, part := range parts {
			if part == k {
				home := displayPath(join(l.prefix, keySegs(parts[:j]...)...))
				l.warn(p, "unknown key here, ignored: `"+k+"` belongs in ["+home+"]")
				return
			}
		}
	}
	l.warn(p, "unknown key, ignored")
}

func (l *loader) setting(f *File, sp *spec, v any, p, rel []seg) {
	if sp.elemKeys != nil {
		if tables, ok := tablesOf(v); ok {
			for i, t := range tables {
				for _, k := range slices.Sorted(maps.Keys(t)) {
					if slices.Contains(sp.elemKeys, k) {
						continue
					}
					msg := "unknown key, ignored"
					if s := suggest(k, sp.elemKeys); s != "" {
						msg += " (did you mean `" + s + "`?)"
					}
					l.warn(join(p, idxSeg(i), keySeg(k)), msg)
				}
			}
		}
	}
	pv, err := sp.parse(v)
	if err != nil {
		var sub []seg
		var ve *valueError
		if errors.As(err, &ve) {
			sub = ve.sub
		}
		l.fail(join(p, sub...), p, join(rel, sub...), err.Error(), err)
		return
	}
	switch {
	case sp.apply == nil: // device
		l.warn(p, "ignored: PatchPatrol runs models through their own servers, so there is no device to choose; remove the key")
	case sp.key == "baseline" && !isLocalPath(pv):
		l.fail(p, nil, rel, fmt.Sprintf("must be a relative path inside the repository, got %s", describe(v)), nil)
	case sp.key == "base_url":
		f.Untrusted.BaseURL, _ = pv.(string)
		l.warn(p, "ignored: a repository may not choose where code is sent; it is used only with --trust-repo-config")
	case sp.key == "dependencies.osv_url":
		f.Untrusted.OSVURL, _ = pv.(string)
		l.warn(p, "ignored: a repository may not choose where its advisories come from; it is used only with --trust-repo-config (or set PATCHPATROL_OSV_URL)")
	case sp.key == "env":
		f.Untrusted.Env, _ = pv.(map[string]string)
		l.warn(p, "repository-provided credentials are ignored unless the repository is trusted (--trust-repo-config): "+
			"set GEMINI_API_KEY or your provider's key in your environment instead, and rotate any real key committed here")
	default:
		f.values = append(f.values, fileValue{key: sp.key, value: pv, line: l.pos.line(p)})
	}
}

// isLocalPath reports whether v is a relative path that stays inside the
// repository: a repository must not point PatchPatrol at files elsewhere.
func isLocalPath(v any) bool {
	s, _ := v.(string)
	return filepath.IsLocal(filepath.FromSlash(s))
}

// syntaxLine is the line of a syntax error. The decoder counts a newline as
// the start of the next line, so an error found at the end of line 1 (an
// unclosed "[patchpatrol") reads as line 2; counting the newlines before the
// error's offset puts it where the user must look.
func syntaxLine(src string, p toml.Position) int {
	src = stripBOM(src)
	if p.Len <= 0 || p.Start < 0 || p.Start > len(src) {
		return p.Line
	}
	return 1 + strings.Count(src[:p.Start], "\n")
}
