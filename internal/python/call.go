package python

import (
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// call is one evaluated call expression.
type call struct {
	node, fnNode NodeID
	callee       *Value
	recv         *Value // the receiver of a method call, or nil
	method       string // the attribute name of a method call
	qual         string // the callee's qualified name, when known
	pos          []*Value
	posNodes     []NodeID
	kw           map[string]*Value
	kwNodes      map[string]NodeID
	starred      bool // *args or **kwargs present
	// spread, in a call a scheduler will make, is any element of an
	// argument tuple whose length is not known.
	spread *Value
}

// partialMark marks the value functools.partial returns.
const partialMark = "partial"

// bindPartial puts the arguments a functools.partial bound before the call's
// own, and its keywords where the call gives none.
func (c *call) bindPartial() {
	bound := c.callee.Elems
	var pos []*Value
	var nodes []NodeID
	for i := 0; ; i++ {
		v, ok := bound["p:"+itoa(int64(i))]
		if !ok {
			break
		}
		pos = append(pos, v)
		nodes = append(nodes, c.node)
	}
	c.pos = append(pos, c.pos...)
	c.posNodes = append(nodes, c.posNodes...)
	for k, v := range bound {
		name, ok := strings.CutPrefix(k, "k:")
		if !ok {
			continue
		}
		if c.kw == nil {
			c.kw, c.kwNodes = map[string]*Value{}, map[string]NodeID{}
		}
		if _, given := c.kw[name]; !given {
			c.kw[name] = v
			c.kwNodes[name] = c.node
		}
	}
}

// posNodesOr returns the node of positional argument i, or of the keyword
// argument name.
func (c *call) posNodesOr(i int, name string) NodeID {
	_, n := c.arg(i, name)
	return n
}

// arg returns positional argument i, or the keyword argument name.
func (c *call) arg(i int, name string) (*Value, NodeID) {
	if name != "" {
		if v, ok := c.kw[name]; ok {
			return v, c.kwNodes[name]
		}
	}
	if i >= 0 && i < len(c.pos) {
		return c.pos[i], c.posNodes[i]
	}
	return nil, None
}

// kwConst returns the constant value of a keyword argument.
func (c *call) kwConst(name string) (any, bool) {
	if v, ok := c.kw[name]; ok && v.Const != nil {
		return v.Const, true
	}
	return nil, false
}

// name is the callee's last name segment: "execute" for cur.execute.
func (c *call) name() string {
	if c.method != "" {
		return c.method
	}
	q := c.qual
	if i := strings.LastIndexByte(q, '.'); i >= 0 {
		return q[i+1:]
	}
	return q
}

func (f *frame) evalCall(id NodeID) *Value {
	t := f.t
	if f.env.narrowed {
		if k := f.pureKey(id); k != "" {
			if v, ok := f.env.get(k); ok {
				return v // narrowed by a guard
			}
		}
	}
	c := &call{node: id, fnNode: t.Child(id, FieldFunction)}
	if t.Kind(c.fnNode) == KindAttribute {
		c.method = t.Text(t.Child(c.fnNode, FieldAttribute))
		if p := f.attrPath(c.fnNode); p != "" {
			if v, ok := f.env.get(p); ok {
				c.callee = v
			}
		}
		c.recv = f.eval(t.Child(c.fnNode, FieldObject))
		if c.callee == nil {
			c.callee = f.a.attribute(f, c.fnNode, c.recv, c.method)
		}
	} else {
		c.callee = f.eval(c.fnNode)
	}
	c.qual = c.callee.Qual
	args := t.Child(id, FieldArguments)
	if t.Kind(args) == KindGeneratorExpression {
		c.pos = append(c.pos, f.eval(args))
		c.posNodes = append(c.posNodes, args)
	} else {
		for a := t.First(args); args != None && a != None; a = t.N(a).NextSibling {
			n := t.N(a)
			if !n.Named || n.Kind == KindComment {
				continue
			}
			switch n.Kind {
			case KindKeywordArgument:
				if c.kw == nil {
					c.kw, c.kwNodes = map[string]*Value{}, map[string]NodeID{}
				}
				name := t.Text(t.Child(a, FieldName))
				val := t.Child(a, FieldValue)
				c.kw[name] = f.eval(val)
				c.kwNodes[name] = val
			case KindListSplat, KindDictionarySplat:
				v := f.eval(t.FirstNamed(a))
				c.starred = true
				if n.Kind == KindListSplat {
					c.pos = append(c.pos, v.anyElem())
					c.posNodes = append(c.posNodes, a)
				} else {
					if c.kw == nil {
						c.kw, c.kwNodes = map[string]*Value{}, map[string]NodeID{}
					}
					if !f.splatKeywords(c, v, a) {
						c.kw["**"] = v.anyElem()
						c.kwNodes["**"] = a
					}
				}
			default:
				c.pos = append(c.pos, f.eval(a))
				c.posNodes = append(c.posNodes, a)
			}
		}
	}
	if c.callee.Elems[partialMark] != nil {
		c.bindPartial()
	}
	f.a.checkCall(f, c)
	f.a.scheduledCall(f, c)
	if c.callee.Lambda > 0 && f.t.Kind(c.callee.Lambda) == KindLambda {
		return f.evalLambda(c.callee.Lambda, c)
	}
	v := f.a.callResult(f, c)
	f.mutate(c)
	return v
}

// splatKeywords spreads f(**opts) into keyword arguments when opts is a dict
// whose keys are all known strings, so that rules see the flags a constant
// options dict passes. Explicit keywords win, as they do at run time (a
// duplicate would be a TypeError).
func (f *frame) splatKeywords(c *call, v *Value, node NodeID) bool {
	if v == nil || v.Elems == nil || v.Rest != nil || len(v.Elems) == 0 {
		return false
	}
	for k := range v.Elems {
		if !strings.HasPrefix(k, "s:") {
			return false
		}
	}
	for k, e := range v.Elems {
		name := k[2:]
		if _, dup := c.kw[name]; !dup {
			c.kw[name] = e
			c.kwNodes[name] = node
		}
	}
	return true
}

// mutate records what a mutating method does to its receiver: items.append(x)
// makes items hold x, d.update(other) copies other's entries.
func (f *frame) mutate(c *call) {
	if c.recv == nil || len(c.pos) == 0 {
		return
	}
	obj := f.t.Child(c.fnNode, FieldObject)
	if f.attrPath(obj) == "" {
		return
	}
	var next *Value
	switch c.method {
	case "append", "add", "appendleft", "put", "put_nowait", "insert":
		next = withElem(c.recv, "", c.pos[len(c.pos)-1])
	case "extend", "extendleft", "update":
		src := c.pos[0]
		next = c.recv
		if src.Elems != nil && c.method == "update" {
			var buf [16]string
			for _, k := range elemKeys(src.Elems, buf[:0]) { // past maxElems, the later keys join the rest
				next = withElem(next, k, src.Elems[k])
			}
			if src.Rest != nil {
				next = withElem(next, "", src.Rest)
			}
		} else {
			next = withElem(next, "", src.anyElem())
		}
	case "setdefault":
		if len(c.pos) == 2 {
			key := ""
			if s, ok := c.pos[0].Str(); ok {
				key = "s:" + s
			}
			next = withElem(c.recv, key, join(c.recv.elem(key), c.pos[1]))
		}
	}
	if next != nil && next != c.recv {
		next.Qual = c.recv.Qual
		f.bindPath(obj, next)
	}
}

// callResult is what a call returns.
func (a *batch) callResult(f *frame, c *call) *Value {
	q := c.qual
	if v := a.configuredCall(f, c); v != nil {
		return v
	}
	// Functions and methods defined in the analysed code.
	if fn := a.resolveFunc(f, c); fn != nil {
		if c.recv != nil && c.recv.Qual == superQual {
			if self := f.selfArg(); self != nil {
				c.recv = self
			}
		}
		if s := a.analyzeFunc(fn); s != nil {
			v := a.applySummary(f, c, fn, s)
			f.inheritFields(c, fn, s)
			return v
		}
		return a.unknownCall(c)
	}
	if cls := a.localClass(q); cls != "" {
		return a.construct(f, c, cls)
	}
	if v := a.requestCall(f, c); v != nil {
		return v
	}
	if v := a.libraryCall(f, c); v != nil {
		return v
	}
	if c.recv != nil {
		if v := a.methodCall(f, c); v != nil {
			return v
		}
	}
	return a.unknownCall(c)
}

// unknownCall is the result of a call the analyzer knows nothing about: not a
// constant, of unknown safety, and — for a method of a tainted object — as
// tainted as the object.
func (a *batch) unknownCall(c *call) *Value {
	var recv carried
	if c.recv != nil {
		recv = c.recv.carry()
	}
	base := a.named(c.qual, "()")
	if recv.Taint.Clean() && recv.Src == nil && (c.callee == nil || c.callee.Taint.Clean()) {
		return base // nothing tainted flows in: the result depends on the name alone
	}
	out := &Value{Unsafe: base.Unsafe, Qual: base.Qual}
	if c.recv != nil {
		// Methods of tainted objects: request.args.get(...), upload.read().
		out.Taint, out.Src = recv.Taint, recv.Src
	}
	if c.callee != nil && !c.callee.Taint.Clean() {
		// Calling request data: Starlette's request.json() and friends.
		d := c.callee.carry()
		out.Taint = out.Taint.Join(d.Taint)
		if out.Src == nil {
			out.Src = d.Src
		}
	}
	return out
}

// resolveFunc finds the analysed function a call reaches, if any.
func (a *batch) resolveFunc(f *frame, c *call) *Function {
	if c.callee.Fn != nil {
		return c.callee.Fn
	}
	q := c.qual
	if q == "" {
		return nil
	}
	// super().method(...): the method of a base class.
	if c.recv != nil && c.recv.Qual == superQual && f.fn != nil && f.fn.IsMethod() {
		return a.lookupMethod(classOf(f.fn), c.method, true)
	}
	// self.method(...) or obj.method(...) on an instance of a local class.
	if c.recv != nil && strings.HasSuffix(c.recv.Qual, "()") {
		if fn := a.method(strings.TrimSuffix(c.recv.Qual, "()"), c.method); fn != nil {
			return fn
		}
	}
	// A function imported from another analysed module, or Class.method.
	if i := strings.LastIndexByte(q, '.'); i > 0 {
		if m := a.module(q[:i], f.m); m != nil {
			return m.TopFuncs[q[i+1:]]
		}
		if fn := a.method(q[:i], q[i+1:]); fn != nil {
			return fn
		}
	}
	return nil
}

// superQual is the value of super() in a method.
const superQual = "builtins.super()"

// selfArg is the value of the method's self parameter, or nil outside a
// method.
func (f *frame) selfArg() *Value {
	if f.fn == nil || !f.fn.IsMethod() || f.fn.isStatic() || len(f.fn.Params) == 0 {
		return nil
	}
	return f.lookup(f.fn.Params[0].Name)
}

// inheritFields copies the fields a base class's __init__ sets onto self,
// when __init__ runs on this method's self: super().__init__(...) or
// Base.__init__(self, ...).
func (f *frame) inheritFields(c *call, fn *Function, s *summary) {
	if fn.Name != "__init__" || len(s.attrs) == 0 || f.fn == nil || !f.fn.IsMethod() || f.fn.isStatic() || len(f.fn.Params) == 0 {
		return
	}
	self := f.fn.Params[0].Name
	onSelf := c.recv != nil && c.recv == f.selfArg()
	if !onSelf && len(c.posNodes) > 0 && f.t.Kind(c.posNodes[0]) == KindIdentifier && f.t.Text(c.posNodes[0]) == self {
		onSelf = true
	}
	if !onSelf {
		return
	}
	args := f.a.bindArgs(c, fn)
	for attr, v := range s.attrs {
		key := self + "." + attr
		if _, set := f.env.get(key); !set {
			f.env.set(key, subst(v, args, 0))
		}
	}
}

// method finds Class.name for a class qualified name in an analysed module,
// on the class or inherited from an analysed base.
func (a *batch) method(classQual, name string) *Function {
	c, ok := a.findClass(classQual, nil)
	if !ok {
		return nil
	}
	return a.lookupMethod(c, name, false)
}

func (a *batch) localClass(q string) string {
	i := strings.LastIndexByte(q, '.')
	if i < 0 {
		return ""
	}
	if m := a.module(q[:i], nil); m != nil {
		if _, ok := m.Classes[q[i+1:]]; ok {
			return m.Name + "." + q[i+1:]
		}
	}
	return ""
}

// applySummary maps a call's arguments onto the callee's parameters, reports
// sinks the callee reaches with tainted arguments, and returns the callee's
// return value in terms of the arguments.
func (a *batch) applySummary(f *frame, c *call, fn *Function, s *summary) *Value {
	a.out.markCalled(fn)
	args := a.bindArgs(c, fn)
	for _, ps := range s.sinks {
		if ps.param >= len(args) || args[ps.param] == nil {
			continue
		}
		arg := args[ps.param]
		if ps.elem != "" {
			arg = arg.elem(ps.elem)
		}
		// The trace is built only for what is reported or passed on.
		var built []finding.Step
		trace := func() []finding.Step {
			if built == nil {
				built = append([]finding.Step{stepAt(f.m, ps.mod, c.node, "passed to "+fn.Name+"()")}, ps.trace...)
			}
			return built
		}
		if ps.unknown {
			// A sink that reports unknown data: this call decides.
			if !ps.spec.taints(arg) && arg.Const == nil && arg.Unsafe&ps.class != 0 {
				if sev, conf, msg, ok := unknownReport(ps.spec, &Value{Built: true}); ok {
					a.report(ps.mod, ps.node, ps.spec.rule, sev, conf, msg+" (through "+fn.Name+"())", trace())
				}
			}
		} else if ps.spec.taints(arg) {
			a.reportTaint(f, ps.mod, ps.node, ps.spec, ps.class, arg, trace())
		}
		for i := 0; i < maxParams; i++ {
			if arg.Taint.Param(i)&ps.class != 0 {
				f.sum.sinks = append(f.sum.sinks, paramSink{param: i, class: ps.class, spec: ps.spec, mod: ps.mod,
					node: ps.node, trace: trace(), unknown: ps.unknown})
				if ps.unknown && f.fn != nil {
					if sev, conf, msg, ok := unknownReport(ps.spec, &Value{Built: true}); ok {
						f.deferred = append(f.deferred, deferredFinding{mod: ps.mod, node: ps.node, spec: ps.spec, msg: msg, sev: sev, conf: conf})
					}
				}
			}
		}
	}
	return subst(s.ret, args, 0)
}

// bindArgs returns, for each parameter of fn, the value the call passes.
func (a *batch) bindArgs(c *call, fn *Function) []*Value {
	args := make([]*Value, len(fn.Params))
	pi := 0
	if fn.IsMethod() && !fn.isStatic() {
		if c.recv != nil && strings.HasSuffix(c.recv.Qual, "()") || fn.isClassMethod() {
			if len(args) > 0 {
				args[0] = c.recv
			}
			pi = 1
		}
	}
	for i, v := range c.pos {
		j := pi + i
		if j >= len(fn.Params) {
			break
		}
		if fn.Params[j].Star {
			for k := i; k < len(c.pos); k++ {
				args[j] = join(args[j], c.pos[k])
			}
			break
		}
		args[j] = v
	}
	for name, v := range c.kw {
		for j, p := range fn.Params {
			if p.Name == name && !p.Star && !p.DoubleStar {
				args[j] = v
			}
		}
	}
	t := fn.Module.Tree
	for j, p := range fn.Params {
		if args[j] == nil && p.Default != None {
			if cv := t.LiteralValue(p.Default); cv != nil {
				args[j] = constValue(cv)
			} else {
				args[j] = cleanValue
			}
		}
		if args[j] == nil && (p.Star || p.DoubleStar) && c.starred {
			args[j] = unknownValue
		}
	}
	return args
}

// subst rewrites a summary value: each parameter label becomes what the
// matching argument carries, restricted to the classes the parameter still
// reaches the value in.
func subst(ret *Value, args []*Value, depth int) *Value {
	if ret == nil {
		return unknownValue
	}
	if ret.Taint.params == nil && ret.Elems == nil && ret.Rest == nil && ret.Lambda == 0 && ret.ParsedFrom == 0 {
		return ret // no parameter reaches it: the copy below would equal it
	}
	out := &Value{Const: ret.Const, Unsafe: ret.Unsafe, Built: ret.Built, Frag: ret.Frag, Prefix: ret.Prefix,
		Qual: ret.Qual, Fn: ret.Fn, Src: ret.Src, Norm: ret.Norm}
	out.Taint.remote, out.Taint.local = ret.Taint.remote, ret.Taint.local
	for i := 0; i < maxParams && i < len(args); i++ {
		mask := ret.Taint.Param(i)
		if mask == 0 {
			continue
		}
		arg := args[i]
		if arg == nil {
			arg = unknownValue
		}
		out.Const = nil
		d := arg.carry()
		out.Unsafe |= d.Unsafe & mask
		out.Taint = out.Taint.joinMasked(d.Taint, mask)
		if out.Src == nil {
			out.Src = d.Src
		}
		if arg.Frag != "" && !strings.Contains(out.Frag, arg.Frag) {
			out.Frag = capFrag(out.Frag + " " + arg.Frag)
		}
	}
	if depth < 4 && (ret.Elems != nil || ret.Rest != nil) {
		out.Elems = map[string]*Value{}
		for k, e := range ret.Elems {
			out.Elems[k] = subst(e, args, depth+1)
		}
		if ret.Rest != nil {
			out.Rest = subst(ret.Rest, args, depth+1)
		}
	}
	return out
}

// stepAt is a trace step at node of module m, as seen from a finding in
// module sink (the path is written only when they differ).
func stepAt(m, sink *Module, node NodeID, msg string) finding.Step {
	st := finding.Step{Line: m.Tree.Line(node), Column: m.Tree.Column(node), Message: msg}
	if m != sink {
		st.Path = m.Path
	}
	return st
}
