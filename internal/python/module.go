package python

import (
	"path"
	"strings"
)

// Param is one parameter of a function.
type Param struct {
	Name        string
	Node        NodeID
	Default     NodeID // None when there is no default
	Annotation  string // the annotation's source text, if any
	Star        bool   // *args
	DoubleStar  bool   // **kwargs
	KeywordOnly bool
}

// Function is a def (or async def) in the analysed code.
type Function struct {
	Node       NodeID // the function_definition
	Name       string
	Qual       string // module.Class.name
	Class      NodeID // the enclosing class_definition, or None
	Parent     *Function
	Params     []Param
	Decorators []NodeID // decorator expressions
	Async      bool
	Module     *Module

	// entry says how the function receives untrusted input; it is decided
	// once, from decorators and parameters, when the module is built.
	entry entryKind
}

type funcState uint8

const (
	fsNew funcState = iota
	fsRunning
	fsDone
)

// Body returns the function's block.
func (f *Function) Body() NodeID { return f.Module.Tree.Child(f.Node, FieldBody) }

// IsMethod reports whether the function is defined directly in a class body.
func (f *Function) IsMethod() bool { return f.Class != None && f.Parent == nil }

// Module is one analysed Python file and what it defines and imports.
type Module struct {
	Path string // repository-relative path
	Name string // dotted module name derived from the path ("app.views")
	Tree *Tree

	// Imports maps a name bound by an import statement to the qualified name
	// it stands for ("sp" → "subprocess", "rq" → "flask.request").
	Imports map[string]string
	// Funcs lists every def, in source order.
	Funcs  []*Function
	byNode map[NodeID]*Function
	// TopFuncs maps module-level function names to their definitions.
	TopFuncs map[string]*Function
	// Classes maps class names to their class_definition nodes; Methods maps
	// "Class.method" to definitions.
	Classes map[string]NodeID
	Methods map[string]*Function
	// frameworks records which web frameworks the module imports.
	frameworks map[string]bool
	// deps are the qualified names an import statement brings in, split by
	// where the statement is: at module level, or inside a function (a lazy
	// import, which does not order module initialisation).
	topDeps, lazyDeps []string
}

// noteImport records the names an import statement brings in.
func (m *Module) noteImport(id NodeID, top bool) {
	t := m.Tree
	var names []string
	modNode := t.Child(id, FieldModuleName)
	if modNode != None {
		mod := dotted(t.Text(modNode))
		if t.Kind(modNode) == KindRelativeImport {
			mod = m.resolveRelative(mod)
		}
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			if t.N(c).Field != FieldName {
				continue
			}
			name := t.Child(c, FieldName)
			if name == None {
				name = c
			}
			names = append(names, joinQual(mod, dotted(t.Text(name))))
		}
		if len(names) == 0 {
			names = append(names, mod)
		}
	} else {
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			if t.N(c).Field != FieldName {
				continue
			}
			name := c
			if t.Kind(c) == KindAliasedImport {
				name = t.Child(c, FieldName)
			}
			names = append(names, dotted(t.Text(name)))
		}
	}
	if top {
		m.topDeps = append(m.topDeps, names...)
	} else {
		m.lazyDeps = append(m.lazyDeps, names...)
	}
}

// importsList returns the imported names, only module-level ones if top.
func (m *Module) importsList(top bool) []string {
	if top {
		return m.topDeps
	}
	return append(append([]string{}, m.topDeps...), m.lazyDeps...)
}

// moduleName turns "src/app/views.py" into "app.views" (dropping a leading
// "src/" and a trailing "__init__").
func moduleName(p string) string {
	p = strings.TrimSuffix(path.Clean(strings.ReplaceAll(p, "\\", "/")), ".py")
	p = strings.TrimPrefix(p, "src/")
	p = strings.TrimSuffix(p, "/__init__")
	return strings.ReplaceAll(strings.Trim(p, "/"), "/", ".")
}

func newModule(p string, t *Tree) *Module {
	m := &Module{
		Path: p, Name: moduleName(p), Tree: t,
		Imports: map[string]string{}, byNode: map[NodeID]*Function{},
		TopFuncs: map[string]*Function{}, Classes: map[string]NodeID{}, Methods: map[string]*Function{},
		frameworks: map[string]bool{},
	}
	m.collect()
	for _, f := range m.Funcs {
		f.entry = entryKindOf(f)
	}
	return m
}

// collect records imports, classes and functions in one walk.
func (m *Module) collect() {
	t := m.Tree
	var parents []*Function
	var classes []NodeID
	var walk func(id NodeID)
	walk = func(id NodeID) {
		n := t.N(id)
		switch n.Kind {
		case KindImportStatement:
			m.addImport(id)
			m.noteImport(id, len(parents) == 0)
		case KindImportFromStatement, KindFutureImportStatement:
			m.addFromImport(id)
			m.noteImport(id, len(parents) == 0)
		case KindClassDefinition:
			name := t.Text(t.Child(id, FieldName))
			if len(parents) == 0 && len(classes) == 0 {
				m.Classes[name] = id
			}
			classes = append(classes, id)
			for c := t.First(id); c != None; c = t.N(c).NextSibling {
				walk(c)
			}
			classes = classes[:len(classes)-1]
			return
		case KindFunctionDefinition:
			f := m.newFunction(id, parents, classes)
			parents = append(parents, f)
			for c := t.First(id); c != None; c = t.N(c).NextSibling {
				walk(c)
			}
			parents = parents[:len(parents)-1]
			return
		}
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			walk(c)
		}
	}
	walk(0)
}

func (m *Module) newFunction(id NodeID, parents []*Function, classes []NodeID) *Function {
	t := m.Tree
	f := &Function{Node: id, Name: t.Text(t.Child(id, FieldName)), Class: None, Module: m}
	f.Async = t.HasToken(id, "async")
	if len(parents) > 0 {
		f.Parent = parents[len(parents)-1]
	}
	// The enclosing class counts only when the def sits directly in its body.
	if len(classes) > 0 {
		cls := classes[len(classes)-1]
		if p := t.N(id).Parent; p != None {
			block := p
			if t.Kind(block) == KindDecoratedDefinition {
				block = t.N(block).Parent
			}
			if t.N(block).Parent == cls {
				f.Class = cls
				f.Parent = nil
			}
		}
	}
	switch {
	case f.Class != None:
		cname := t.Text(t.Child(f.Class, FieldName))
		f.Qual = m.Name + "." + cname + "." + f.Name
		m.Methods[cname+"."+f.Name] = f
	case f.Parent != nil:
		f.Qual = f.Parent.Qual + ".<locals>." + f.Name
	default:
		f.Qual = m.Name + "." + f.Name
		if _, dup := m.TopFuncs[f.Name]; !dup && len(classes) == 0 {
			m.TopFuncs[f.Name] = f
		}
	}
	if p := t.N(id).Parent; p != None && t.Kind(p) == KindDecoratedDefinition {
		for c := t.First(p); c != None; c = t.N(c).NextSibling {
			if t.Kind(c) == KindDecorator {
				f.Decorators = append(f.Decorators, t.FirstNamed(c))
			}
		}
	}
	f.Params = m.params(t.Child(id, FieldParameters))
	m.Funcs = append(m.Funcs, f)
	m.byNode[id] = f
	return f
}

// params reads a parameters (or lambda_parameters) node.
func (m *Module) params(ps NodeID) []Param {
	t := m.Tree
	if ps == None {
		return nil
	}
	var out []Param
	kwOnly := false
	for c := t.First(ps); c != None; c = t.N(c).NextSibling {
		n := t.N(c)
		p := Param{Node: c, Default: None, KeywordOnly: kwOnly}
		switch n.Kind {
		case KindIdentifier:
			p.Name = t.Text(c)
		case KindDefaultParameter:
			p.Name = t.Text(t.Child(c, FieldName))
			p.Default = t.Child(c, FieldValue)
		case KindTypedParameter:
			inner := t.FirstNamed(c)
			switch t.Kind(inner) {
			case KindListSplatPattern:
				p.Star = true
				kwOnly = true
				inner = t.FirstNamed(inner)
			case KindDictionarySplatPattern:
				p.DoubleStar = true
				inner = t.FirstNamed(inner)
			}
			p.Name = t.Text(inner)
			p.Annotation = t.Text(t.Child(c, FieldType))
		case KindTypedDefaultParameter:
			p.Name = t.Text(t.Child(c, FieldName))
			p.Annotation = t.Text(t.Child(c, FieldType))
			p.Default = t.Child(c, FieldValue)
		case KindListSplatPattern:
			p.Name = t.Text(t.FirstNamed(c))
			p.Star = true
			kwOnly = true
		case KindDictionarySplatPattern:
			p.Name = t.Text(t.FirstNamed(c))
			p.DoubleStar = true
		case KindKeywordSeparator:
			kwOnly = true
			continue
		default:
			continue
		}
		out = append(out, p)
	}
	return out
}

func (m *Module) addImport(id NodeID) {
	t := m.Tree
	for c := t.First(id); c != None; c = t.N(c).NextSibling {
		if t.N(c).Field != FieldName {
			continue
		}
		switch t.Kind(c) {
		case KindDottedName:
			// "import os.path" binds "os".
			full := t.Text(c)
			first := full
			if i := strings.IndexByte(full, '.'); i >= 0 {
				first = full[:i]
			}
			m.Imports[first] = first
			m.noteFramework(full)
		case KindAliasedImport:
			full := dotted(t.Text(t.Child(c, FieldName)))
			m.Imports[t.Text(t.Child(c, FieldAlias))] = full
			m.noteFramework(full)
		}
	}
}

func (m *Module) addFromImport(id NodeID) {
	t := m.Tree
	modNode := t.Child(id, FieldModuleName)
	mod := dotted(t.Text(modNode))
	if t.Kind(modNode) == KindRelativeImport {
		mod = m.resolveRelative(mod)
	}
	m.noteFramework(mod)
	for c := t.First(id); c != None; c = t.N(c).NextSibling {
		if t.N(c).Field != FieldName {
			continue
		}
		switch t.Kind(c) {
		case KindDottedName:
			name := dotted(t.Text(c))
			m.Imports[name] = joinQual(mod, name)
		case KindAliasedImport:
			name := dotted(t.Text(t.Child(c, FieldName)))
			m.Imports[t.Text(t.Child(c, FieldAlias))] = joinQual(mod, name)
		}
	}
}

// resolveRelative turns ".utils" in package a.b into "a.b.utils".
func (m *Module) resolveRelative(rel string) string {
	dots := len(rel) - len(strings.TrimLeft(rel, "."))
	rest := rel[dots:]
	pkg := m.Name
	isInit := strings.HasSuffix(strings.TrimSuffix(m.Path, ".py"), "__init__")
	if !isInit {
		if i := strings.LastIndexByte(pkg, '.'); i >= 0 {
			pkg = pkg[:i]
		} else {
			pkg = ""
		}
	}
	for i := 1; i < dots; i++ {
		if j := strings.LastIndexByte(pkg, '.'); j >= 0 {
			pkg = pkg[:j]
		} else {
			pkg = ""
		}
	}
	return joinQual(pkg, rest)
}

func joinQual(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "." + b
}

// dotted removes whitespace and comments that may sit inside a dotted name.
func dotted(s string) string {
	if !strings.ContainsAny(s, " \t\n\\#") {
		return s
	}
	var b strings.Builder
	for _, part := range strings.Split(s, ".") {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strings.TrimSpace(part))
	}
	return b.String()
}

func (m *Module) noteFramework(mod string) {
	root := mod
	if i := strings.IndexByte(mod, '.'); i >= 0 {
		root = mod[:i]
	}
	switch root {
	case "flask", "django", "fastapi", "starlette", "pyramid", "aiohttp", "tornado", "rest_framework", "sanic", "bottle", "falcon", "quart", "werkzeug":
		m.frameworks[root] = true
	}
}

// funcAt returns the Function defined by a function_definition node.
func (m *Module) funcAt(id NodeID) *Function { return m.byNode[id] }
