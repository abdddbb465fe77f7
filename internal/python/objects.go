package python

import (
	"slices"
	"strings"
)

// construct is the instance a call to a class defined in the analysed code
// returns. Fields come from the class's __init__ (self.x = ... in terms of
// its parameters), or, for dataclasses, named tuples and pydantic models,
// from the annotated fields in the class body.
func (a *batch) construct(f *frame, c *call, classQual string) *Value {
	inst := &Value{Qual: classQual + "()"}
	i := strings.LastIndexByte(classQual, '.')
	m := a.module(classQual[:i], f.m)
	if m == nil {
		return inst
	}
	className := classQual[i+1:]
	if init := a.method(classQual, "__init__"); init != nil {
		s := a.analyzeFunc(init)
		if s == nil {
			return inst
		}
		self := &Value{Qual: inst.Qual}
		cc := *c
		cc.recv = self
		args := a.bindArgs(&cc, init)
		a.applySummary(f, &cc, init, s)
		if len(s.attrs) == 0 {
			return inst
		}
		inst.Elems = map[string]*Value{}
		for attr, v := range s.attrs {
			inst.Elems["a:"+attr] = subst(v, args, 0)
		}
		return finishContainer(inst)
	}
	fields := m.recordFields(className)
	if len(fields) == 0 {
		return inst
	}
	inst.Elems = map[string]*Value{}
	for j, name := range fields {
		var v *Value
		if j < len(c.pos) {
			v = c.pos[j]
		}
		if kv, ok := c.kw[name]; ok {
			v = kv
		}
		if v != nil {
			inst.Elems["a:"+name] = v
		}
	}
	if rest, ok := c.kw["**"]; ok {
		inst.Rest = rest
	}
	return finishContainer(inst)
}

// recordFields returns the annotated fields of a class that Python turns
// into constructor parameters: @dataclass classes (and attrs' @define),
// NamedTuple, TypedDict and pydantic BaseModel subclasses.
func (m *Module) recordFields(className string) []string {
	t := m.Tree
	cls, ok := m.Classes[className]
	if !ok {
		return nil
	}
	record := false
	if p := t.N(cls).Parent; p != None && t.Kind(p) == KindDecoratedDefinition {
		txt := t.Text(p)
		head := txt[:strings.Index(txt, "class")]
		if strings.Contains(head, "dataclass") || strings.Contains(head, "define") || strings.Contains(head, "attr.s") || strings.Contains(head, "attrs") {
			record = true
		}
	}
	sup := t.Text(t.Child(cls, FieldSuperclasses))
	if strings.Contains(sup, "NamedTuple") || strings.Contains(sup, "BaseModel") || strings.Contains(sup, "TypedDict") || strings.Contains(sup, "Schema") {
		record = true
	}
	if !record {
		return nil
	}
	var out []string
	body := t.Child(cls, FieldBody)
	for s := t.First(body); s != None; s = t.N(s).NextSibling {
		if t.Kind(s) != KindExpressionStatement {
			continue
		}
		asg := t.FirstNamed(s)
		if t.Kind(asg) != KindAssignment || t.Child(asg, FieldType) == None {
			continue
		}
		if left := t.Child(asg, FieldLeft); t.Kind(left) == KindIdentifier {
			out = append(out, t.Text(left))
		}
	}
	return out
}

// classBases returns the source text of a class's superclasses.
func (m *Module) classBases(className string) string {
	cls, ok := m.Classes[className]
	if !ok {
		return ""
	}
	return m.Tree.Text(m.Tree.Child(cls, FieldSuperclasses))
}

// handlerKinds maps request-handler base classes to the attributes of self
// that carry client data.
var handlerKinds = []struct {
	base  string
	attrs map[string]bool
}{
	{"BaseHTTPRequestHandler", map[string]bool{"path": true, "headers": true, "rfile": true, "requestline": true, "raw_requestline": true}},
	{"SimpleHTTPRequestHandler", map[string]bool{"path": true, "headers": true, "rfile": true, "requestline": true}},
	{"StreamRequestHandler", map[string]bool{"rfile": true, "request": true}},
	{"BaseRequestHandler", map[string]bool{"request": true}},
	{"DatagramRequestHandler", map[string]bool{"rfile": true, "packet": true}},
	{"RequestHandler", map[string]bool{"request": true, "path_args": true, "path_kwargs": true}}, // Tornado
}

// handlerAttr returns the client data behind self.<attr> in a method of a
// request-handler class (http.server, socketserver, Tornado), or nil.
func (a *batch) handlerAttr(f *frame, obj *Value, attr string, line int) *Value {
	if !strings.HasSuffix(obj.Qual, "()") {
		return nil
	}
	q := strings.TrimSuffix(obj.Qual, "()")
	i := strings.LastIndexByte(q, '.')
	if i < 0 {
		return nil
	}
	m := a.module(q[:i], f.m)
	if m == nil {
		return nil
	}
	bases := m.classBases(q[i+1:])
	for _, h := range handlerKinds {
		if strings.Contains(bases, h.base) && h.attrs[attr] {
			if h.base == "RequestHandler" && attr == "request" {
				return &Value{Qual: "@request"}
			}
			return remote("self."+attr, line)
		}
	}
	return nil
}

// classAttr is the value a module-level class's body assigned to attr, read
// through the class (Class.ATTR, cls.ATTR) or an instance (self.ATTR) when
// no instance field shadows it. Only constants and containers count: an
// instance may rebind anything else.
func (a *batch) classAttr(f *frame, obj *Value, attr string) *Value {
	q := strings.TrimSuffix(obj.Qual, "()")
	i := strings.LastIndexByte(q, '.')
	if i <= 0 || q == "" || strings.HasPrefix(q, "@") {
		return nil
	}
	m := a.module(q[:i], f.m)
	if m == nil {
		return nil
	}
	cls := q[i+1:]
	if _, ok := m.Classes[cls]; !ok {
		return nil
	}
	var v *Value
	if m == f.m && f.fn == nil {
		v = f.env.value(cls + "." + attr)
	} else {
		v = a.global(m, cls+"."+attr)
	}
	if v == nil || (v.Const == nil && v.Elems == nil) {
		return nil
	}
	return v
}

// classRef is a class defined in the analysed code.
type classRef struct {
	m    *Module
	name string
}

func (c classRef) qual() string { return joinQual(c.m.Name, c.name) }

// findClass resolves a class's qualified name ("app.models.Order").
func (a *batch) findClass(classQual string, from *Module) (classRef, bool) {
	i := strings.LastIndexByte(classQual, '.')
	if i < 0 {
		return classRef{}, false
	}
	m := a.module(classQual[:i], from)
	if m == nil {
		return classRef{}, false
	}
	if _, ok := m.Classes[classQual[i+1:]]; !ok {
		return classRef{}, false
	}
	return classRef{m, classQual[i+1:]}, true
}

// bases resolves a class's superclasses that are defined in the analysed
// code, left to right: names and dotted names bound in its module, directly
// or by an import.
func (a *batch) bases(c classRef) []classRef {
	if bs, ok := a.baseOf[c]; ok {
		return bs
	}
	bs := a.findBases(c)
	if a.baseOf == nil {
		a.baseOf = map[classRef][]classRef{}
	}
	a.baseOf[c] = bs
	return bs
}

func (a *batch) findBases(c classRef) []classRef {
	t := c.m.Tree
	node, ok := c.m.Classes[c.name]
	if !ok {
		return nil
	}
	var out []classRef
	var args []NodeID
	for _, b := range t.NamedChildren(t.Child(node, FieldSuperclasses), args) {
		if k := t.Kind(b); k != KindIdentifier && k != KindAttribute {
			continue // metaclass=..., generics
		}
		text := t.Text(b)
		head, rest, _ := strings.Cut(text, ".")
		if rest == "" {
			if _, local := c.m.Classes[head]; local {
				out = append(out, classRef{c.m, head})
				continue
			}
		}
		q, ok := c.m.Imports[head]
		if !ok {
			continue
		}
		if rest != "" {
			q += "." + rest
		}
		if r, ok := a.findClass(q, c.m); ok {
			out = append(out, r)
		}
	}
	return out
}

// lookupMethod finds name on class c or, depth first and left to right as
// Python's method resolution order mostly does, on its analysed bases.
// skipSelf starts the search at the bases (super()).
func (a *batch) lookupMethod(c classRef, name string, skipSelf bool) *Function {
	var buf [8]classRef
	seen := buf[:0] // hierarchies are shallow: a list beats a map
	var walk func(c classRef, depth int, self bool) *Function
	walk = func(c classRef, depth int, self bool) *Function {
		if slices.Contains(seen, c) || depth > 8 {
			return nil
		}
		seen = append(seen, c)
		if !self {
			if fn := c.m.Methods[c.name+"."+name]; fn != nil {
				return fn
			}
		}
		for _, b := range a.bases(c) {
			if fn := walk(b, depth+1, false); fn != nil {
				return fn
			}
		}
		return nil
	}
	return walk(c, 0, skipSelf)
}

// classOf returns the class a method is defined in.
func classOf(fn *Function) classRef {
	t := fn.Module.Tree
	return classRef{fn.Module, t.Text(t.Child(fn.Class, FieldName))}
}

// propertyValue evaluates obj.attr when attr is a @property (or
// functools.cached_property) of obj's class in the analysed code: the
// getter's summary applied to obj. It returns nil otherwise.
func (a *batch) propertyValue(f *frame, node NodeID, obj *Value, attr string) *Value {
	if !strings.HasSuffix(obj.Qual, "()") || strings.HasPrefix(obj.Qual, "@") {
		return nil
	}
	fn := a.method(strings.TrimSuffix(obj.Qual, "()"), attr)
	if fn == nil || !fn.hasDecorator("property", "cached_property") {
		return nil
	}
	s := a.analyzeFunc(fn)
	if s == nil {
		return nil
	}
	c := &call{node: node, fnNode: node, callee: &Value{Fn: fn, Qual: fn.Qual}, recv: obj, method: attr, qual: fn.Qual}
	return a.applySummary(f, c, fn, s)
}
