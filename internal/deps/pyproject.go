package deps

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strings"
)

// tomlRoot parses a TOML manifest, recording a syntax error as a problem.
func tomlRoot(m *Manifest, src string) *tomlTable {
	root, err := parseTOML(src)
	if err != nil {
		var te *tomlError
		if errors.As(err, &te) {
			m.problem(te.line, "invalid TOML: "+te.msg)
		} else {
			m.problem(0, "invalid TOML: "+err.Error())
		}
		return nil
	}
	return root
}

// addList records every string of an array of PEP 508 requirements.
func (m *Manifest) addList(v *tomlValue) {
	if v == nil || v.kind != kindArray {
		return
	}
	for _, e := range v.arr {
		if e.kind == kindString {
			m.add(e.str, e.line, e.line)
		}
	}
}

// parsePyproject reads [project] dependencies and optional-dependencies,
// [dependency-groups] (PEP 735), [build-system] requires, the dependency
// tables of [tool.poetry] (main, dev and every group) and uv's dependency
// lists.
func parsePyproject(m *Manifest, src string) {
	root := tomlRoot(m, src)
	if root == nil {
		return
	}
	m.addList(root.get("build-system", "requires"))
	m.addList(root.get("project", "dependencies"))
	if opt := root.table("project", "optional-dependencies"); opt != nil {
		for _, k := range opt.keys {
			m.addList(opt.vals[k])
		}
	}
	if groups := root.table("dependency-groups"); groups != nil {
		for _, k := range groups.keys {
			m.addList(groups.vals[k])
		}
	}
	for _, k := range []string{"dev-dependencies", "constraint-dependencies", "override-dependencies"} {
		m.addList(root.get("tool", "uv", k))
	}
	poetryTable(m, root.table("tool", "poetry", "dependencies"))
	poetryTable(m, root.table("tool", "poetry", "dev-dependencies"))
	if groups := root.table("tool", "poetry", "group"); groups != nil {
		for _, g := range groups.keys {
			if gt := groups.table(g); gt != nil {
				poetryTable(m, gt.table("dependencies"))
			}
		}
	}
}

// poetryTable reads name = "constraint", name = { version = ..., ... } and
// name = [ { version = ..., markers = ... }, ... ]; "python" is the
// interpreter, not a package.
func poetryTable(m *Manifest, t *tomlTable) {
	if t == nil {
		return
	}
	for _, name := range t.keys {
		if strings.EqualFold(name, "python") {
			continue
		}
		v := t.vals[name]
		if !ValidName(name) {
			m.problem(v.keyLine, "bad package name "+name)
			continue
		}
		r := Requirement{Name: name, Key: NormalizeName(name), Line: v.keyLine, EndLine: v.keyLine}
		var constraints []string
		switch v.kind {
		case kindString:
			constraints = []string{v.str}
		case kindTable:
			c, direct := poetrySpec(v.tbl)
			if direct != "" {
				r.URL = direct
			}
			constraints = append(constraints, c)
		case kindArray:
			for _, e := range v.arr {
				if e.kind == kindTable {
					c, direct := poetrySpec(e.tbl)
					if direct != "" {
						r.URL = direct
					}
					constraints = append(constraints, c)
				}
			}
		}
		r.Text = name + " = " + strings.Join(constraints, " || ")
		var cons Constraint
		ok := true
		for _, c := range constraints {
			pc, err := ParsePoetryConstraint(c)
			if err != nil {
				m.problem(v.keyLine, err.Error())
				ok = false
				break
			}
			if pc == nil {
				cons = nil
				break
			}
			cons = append(cons, pc...)
		}
		if !ok {
			continue
		}
		r.Constraint = cons
		m.Requirements = append(m.Requirements, r)
	}
}

// poetrySpec returns a table's version constraint ("*" when it has none)
// and its direct source (git, path, url), if any.
func poetrySpec(t *tomlTable) (string, string) {
	c := "*"
	if v := t.vals["version"]; v != nil && v.kind == kindString {
		c = v.str
	}
	for _, k := range []string{"git", "path", "url", "file"} {
		if v := t.vals[k]; v != nil && v.kind == kindString {
			return c, v.str
		}
	}
	return c, ""
}

// parseLock reads the [[package]] entries of poetry.lock and uv.lock: name
// and exact version, from a package index. Entries from git, a path, a URL
// or the project itself have no index version and are skipped.
func parseLock(m *Manifest, src string) {
	root := tomlRoot(m, src)
	if root == nil {
		return
	}
	pkgs := root.get("package")
	if pkgs == nil || pkgs.kind != kindArray {
		return
	}
	for _, e := range pkgs.arr {
		if e.kind != kindTable {
			continue
		}
		t := e.tbl
		name, version := t.vals["name"], t.vals["version"]
		if name == nil || name.kind != kindString || version == nil || version.kind != kindString {
			continue
		}
		if src := t.vals["source"]; src != nil && src.kind == kindTable && !indexSource(src.tbl) {
			continue
		}
		lockEntry(m, name.str, version.str, name.keyLine, version.keyLine)
	}
}

// indexSource reports whether a lock entry's source is a package index:
// poetry's type "legacy" or "pypi" (or none), uv's registry.
func indexSource(t *tomlTable) bool {
	if v := t.vals["type"]; v != nil && v.kind == kindString {
		return v.str == "legacy" || v.str == "pypi" || v.str == ""
	}
	_, registry := t.vals["registry"]
	if registry {
		return true
	}
	for _, k := range []string{"git", "path", "directory", "editable", "virtual", "url"} {
		if _, ok := t.vals[k]; ok {
			return false
		}
	}
	return true
}

func lockEntry(m *Manifest, name, version string, nameLine, versionLine int) {
	if !ValidName(name) {
		m.problem(nameLine, "bad package name "+name)
		return
	}
	v, err := ParseVersion(version)
	if err != nil {
		m.problem(versionLine, err.Error())
		return
	}
	first, last := nameLine, versionLine
	if last < first {
		first, last = last, first
	}
	m.Requirements = append(m.Requirements, Requirement{
		Name: name, Key: NormalizeName(name), Text: name + "==" + version, Line: first, EndLine: last, Locked: true,
		Constraint: Constraint{SpecifierSet{{Op: "==", Version: v, Text: version}}},
	})
}

// parsePipfile reads [packages], [dev-packages] and pipenv's custom
// package categories: name = "*" | "==1.0" | { version = "...", ... }.
func parsePipfile(m *Manifest, src string) {
	root := tomlRoot(m, src)
	if root == nil {
		return
	}
	for _, cat := range root.keys {
		switch cat {
		case "source", "requires", "scripts", "pipenv":
			continue
		}
		t := root.table(cat)
		if t == nil {
			continue
		}
		for _, name := range t.keys {
			v := t.vals[name]
			spec, direct := "*", ""
			switch v.kind {
			case kindString:
				spec = v.str
			case kindTable:
				if ver := v.tbl.vals["version"]; ver != nil && ver.kind == kindString {
					spec = ver.str
				}
				for _, k := range []string{"git", "path", "file", "ref"} {
					if s := v.tbl.vals[k]; s != nil && s.kind == kindString {
						direct = s.str
						break
					}
				}
			default:
				continue
			}
			pipenvRequirement(m, name, spec, direct, v.keyLine, v.keyLine)
		}
	}
}

// pipenvRequirement records name with a Pipfile version ("*" or PEP 440
// clauses).
func pipenvRequirement(m *Manifest, name, spec, direct string, line, endLine int) {
	if !ValidName(name) {
		m.problem(line, "bad package name "+name)
		return
	}
	r := Requirement{Name: name, Key: NormalizeName(name), URL: direct, Line: line, EndLine: endLine, Text: name + spec}
	if s := strings.TrimSpace(spec); s != "" && s != "*" {
		set, err := ParseSpecifierSet(s)
		if err != nil {
			m.problem(line, err.Error())
			return
		}
		r.Constraint = Constraint{set}
	}
	m.Requirements = append(m.Requirements, r)
}

// parsePipfileLock reads Pipfile.lock: every category object ("default",
// "develop", custom ones) maps a name to { "version": "==1.0", ... }.
// Lines come from the decoder's offsets.
func parsePipfileLock(m *Manifest, content []byte) {
	lineAt := lineIndex(content)
	dec := json.NewDecoder(bytes.NewReader(content))
	fail := func(err error) {
		m.problem(lineAt(int(dec.InputOffset())), "invalid JSON: "+err.Error())
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		if err == nil {
			err = errors.New("not an object")
		}
		fail(err)
		return
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			fail(err)
			return
		}
		cat, _ := tok.(string)
		if cat == "_meta" {
			if err := skipJSON(dec); err != nil {
				fail(err)
				return
			}
			continue
		}
		if err := pipfileLockCategory(m, dec, lineAt); err != nil {
			fail(err)
			return
		}
	}
}

func pipfileLockCategory(m *Manifest, dec *json.Decoder, lineAt func(int) int) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		if _, isDelim := tok.(json.Delim); isDelim {
			return finishJSON(dec, tok)
		}
		return nil
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		name, _ := tok.(string)
		nameLine := lineAt(int(dec.InputOffset()))
		tok, err = dec.Token()
		if err != nil {
			return err
		}
		if tok != json.Delim('{') {
			if err := finishJSON(dec, tok); err != nil {
				return err
			}
			continue
		}
		version, versionLine, direct := "", nameLine, false
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return err
			}
			k, _ := kt.(string)
			switch k {
			case "version":
				vt, err := dec.Token()
				if err != nil {
					return err
				}
				version, _ = vt.(string)
				versionLine = lineAt(int(dec.InputOffset()))
				if err := finishJSON(dec, vt); err != nil {
					return err
				}
			case "git", "path", "file", "editable":
				direct = true
				if err := skipJSON(dec); err != nil {
					return err
				}
			default:
				if err := skipJSON(dec); err != nil {
					return err
				}
			}
		}
		if _, err := dec.Token(); err != nil { // }
			return err
		}
		if version == "" || direct {
			continue
		}
		v := strings.TrimPrefix(strings.TrimSpace(version), "==")
		lockEntry(m, name, v, nameLine, versionLine)
	}
	_, err = dec.Token() // }
	return err
}

// skipJSON reads and discards one value.
func skipJSON(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	return finishJSON(dec, tok)
}

// finishJSON discards the rest of a value whose first token was tok.
func finishJSON(dec *json.Decoder, tok json.Token) error {
	d, ok := tok.(json.Delim)
	if !ok || d == '}' || d == ']' {
		return nil
	}
	depth := 1
	for depth > 0 {
		t, err := dec.Token()
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		if err != nil {
			return err
		}
		if d, ok := t.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}

// lineIndex returns a function from a byte offset to its 1-based line. An
// offset just past a token maps to the token's line.
func lineIndex(content []byte) func(int) int {
	var starts []int
	for i, c := range content {
		if c == '\n' {
			starts = append(starts, i)
		}
	}
	return func(off int) int {
		if off > 0 {
			off-- // the last byte of the token just read
		}
		return sort.SearchInts(starts, off) + 1
	}
}
