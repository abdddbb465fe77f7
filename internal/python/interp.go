package python

import "strings"

// frame interprets one function body (or a module's top level) over abstract
// values. It is a structured abstract interpreter: if/else and try paths are
// analysed separately and joined, loops are iterated to a small fixpoint,
// branches whose condition folds to a constant contribute nothing, and a path
// that returns, raises or aborts ends.
type frame struct {
	a     *batch
	m     *Module
	t     *Tree
	fn    *Function // nil at module level
	outer map[string]*Value
	env   *env
	ret   *Value
	// locals are the names the function binds anywhere (Python scoping: such
	// a name never falls back to an enclosing scope); globals are the names
	// it declares global or nonlocal.
	locals  map[string]bool
	globals map[string]bool
	loops   []*loopCtx
	sum     *summary
	lambdas int // lambdas being evaluated, to bound recursion
	// deferred are this function's findings about unknown data that reach a
	// sink through its parameters only.
	deferred []deferredFinding
	// guards are, per parameter, the classes it is safe for whenever the
	// function returns a true value (guards.go); nil until a return.
	guards  []Class
	rebound map[string]bool // names the function assigns (guards.go)
	// labelled says which parameters started out as the caller's data
	// (a parameter label), as opposed to a request object or a constant.
	labelled []bool
}

type loopCtx struct {
	breaks []*env
	conts  []*env
}

func (f *frame) execBlock(block NodeID) {
	t := f.t
	for c := t.First(block); c != None; c = t.N(c).NextSibling {
		if f.env.dead {
			return
		}
		if !t.N(c).Named {
			continue
		}
		f.a.step()
		f.execStmt(c)
	}
}

func (f *frame) execStmt(id NodeID) {
	t := f.t
	switch t.Kind(id) {
	case KindExpressionStatement:
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			if t.N(c).Named && t.Kind(c) != KindComment {
				f.evalStmtExpr(c)
			}
		}
	case KindReturnStatement:
		v := unknownNil
		e := t.FirstNamed(id)
		if e != None {
			v = f.eval(e)
		} else {
			v = constValue(noneValue)
		}
		f.trackGuard(e, v)
		f.a.onReturn(f, id, v)
		f.ret = join(f.ret, v)
		f.env.dead = true
	case KindRaiseStatement:
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			if t.N(c).Named {
				f.eval(c)
			}
		}
		f.env.dead = true
	case KindIfStatement:
		f.execIf(id)
	case KindForStatement:
		f.execFor(id)
	case KindWhileStatement:
		f.execWhile(id)
	case KindTryStatement:
		f.execTry(id)
	case KindWithStatement:
		f.execWith(id)
	case KindMatchStatement:
		f.execMatch(id)
	case KindBreakStatement:
		if n := len(f.loops); n > 0 {
			f.loops[n-1].breaks = append(f.loops[n-1].breaks, f.env.copy())
		}
		f.env.dead = true
	case KindContinueStatement:
		if n := len(f.loops); n > 0 {
			f.loops[n-1].conts = append(f.loops[n-1].conts, f.env.copy())
		}
		f.env.dead = true
	case KindFunctionDefinition:
		f.defineFunction(id)
	case KindDecoratedDefinition:
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			if t.Kind(c) == KindDecorator {
				d := t.FirstNamed(c)
				f.eval(d)
				f.a.onDecorator(f, d, t.Child(id, FieldDefinition))
			}
		}
		if def := t.Child(id, FieldDefinition); def != None {
			f.execStmt(def)
		}
	case KindClassDefinition:
		f.execClass(id)
	case KindImportStatement, KindImportFromStatement, KindFutureImportStatement:
		f.bindImports(id)
	case KindGlobalStatement, KindNonlocalStatement:
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			if t.Kind(c) == KindIdentifier {
				f.globals[t.Text(c)] = true
			}
		}
	case KindAssertStatement:
		cond := t.FirstNamed(id)
		f.a.onAssert(f, id, cond)
		if cond != None {
			f.test(cond)
			trueEnv, _ := f.refineIn(f.env, cond)
			f.env = trueEnv
		}
	case KindDeleteStatement:
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			if t.Kind(c) == KindIdentifier {
				f.env.del(t.Text(c))
			}
		}
	case KindBlock:
		f.execBlock(id)
	case KindPassStatement, KindComment, KindTypeAliasStatement:
	default:
		// print/exec statements of Python 2 and anything else: evaluate the
		// expressions inside for their calls.
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			if t.N(c).Named {
				f.eval(c)
			}
		}
	}
}

var unknownNil *Value

// evalStmtExpr evaluates an expression statement: assignments bind, calls to
// functions that never return end the path.
func (f *frame) evalStmtExpr(e NodeID) {
	t := f.t
	switch t.Kind(e) {
	case KindAssignment:
		f.execAssign(e)
	case KindAugmentedAssignment:
		f.execAugAssign(e)
	default:
		f.eval(e)
		if t.Kind(e) == KindCall && f.a.noReturn(f, e) {
			f.env.dead = true
		}
	}
}

func (f *frame) execAssign(id NodeID) {
	t := f.t
	right := t.Child(id, FieldRight)
	var v *Value
	if right == None {
		return // annotation only
	}
	if t.Kind(right) == KindAssignment {
		// a = b = value: evaluate the inner assignment, then bind its value.
		f.execAssign(right)
		inner := right
		for t.Kind(t.Child(inner, FieldRight)) == KindAssignment {
			inner = t.Child(inner, FieldRight)
		}
		v = f.eval(t.Child(inner, FieldRight))
	} else {
		v = f.eval(right)
	}
	left := t.Child(id, FieldLeft)
	f.a.onAssign(f, id, left, right, v)
	f.bind(left, v)
}

func (f *frame) execAugAssign(id NodeID) {
	t := f.t
	left := t.Child(id, FieldLeft)
	right := f.eval(t.Child(id, FieldRight))
	cur := f.eval(left)
	op := strings.TrimSuffix(t.Text(t.Child(id, FieldOperator)), "=")
	v := f.binary(op, cur, right)
	f.a.onAssign(f, id, left, t.Child(id, FieldRight), v)
	f.bind(left, v)
}

// bind assigns v to an assignment target.
func (f *frame) bind(target NodeID, v *Value) {
	t := f.t
	if v == nil {
		v = unknownValue
	}
	switch t.Kind(target) {
	case KindIdentifier:
		f.setVar(t.Text(target), v)
	case KindPatternList, KindTuplePattern, KindListPattern, KindExpressionList, KindTuple, KindList:
		i := 0
		var kids []NodeID
		kids = t.NamedChildren(target, kids)
		for _, c := range kids {
			if t.Kind(c) == KindListSplatPattern || t.Kind(c) == KindListSplat {
				f.bind(t.FirstNamed(c), &Value{Unsafe: v.anyElem().Unsafe, Taint: v.anyElem().Taint, Src: v.anyElem().Src, Rest: v.anyElem()})
				i = -1 << 30
				continue
			}
			if i >= 0 {
				f.bind(c, v.elem(itoa(int64(i))))
			} else {
				f.bind(c, v.anyElem())
			}
			i++
		}
	case KindParenthesizedExpression:
		f.bind(t.FirstNamed(target), v)
	case KindAttribute:
		obj := t.Child(target, FieldObject)
		f.eval(obj)
		f.a.onAttributeStore(f, target, v)
		if path := f.attrPath(target); path != "" {
			f.setVar(path, v)
		}
	case KindSubscript:
		obj := t.Child(target, FieldValue)
		cur := f.eval(obj)
		key := f.constKey(t.Child(target, FieldSubscript))
		f.a.onSubscriptStore(f, target, cur, v)
		if t.Kind(obj) == KindIdentifier || t.Kind(obj) == KindAttribute {
			f.bindPath(obj, withElem(cur, key, v))
		}
	case KindListSplatPattern:
		f.bind(t.FirstNamed(target), v)
	}
}

// bindPath rebinds a name or attribute path to an updated container value.
func (f *frame) bindPath(obj NodeID, v *Value) {
	switch f.t.Kind(obj) {
	case KindIdentifier:
		f.setVar(f.t.Text(obj), v)
	case KindAttribute:
		if p := f.attrPath(obj); p != "" {
			f.setVar(p, v)
		}
	}
}

// withElem returns container c with element key set to v; key "" means a
// key that is not a constant, which may overwrite any element.
func withElem(c *Value, key string, v *Value) *Value {
	out := &Value{Elems: map[string]*Value{}, Qual: "", Src: nil}
	if c != nil {
		out.Qual = c.Qual
		for k, e := range c.Elems {
			out.Elems[k] = e
		}
		out.Rest = c.Rest
		if c.Elems == nil && c.Rest == nil && c.Const == nil && (c.Unsafe != 0 || !c.Taint.Clean()) {
			// An opaque container: its other elements carry its taint.
			out.Rest = c.derived()
		}
	}
	if _, had := out.Elems[key]; key != "" && !had && len(out.Elems) >= maxElems {
		// Too many constant keys to track: this one joins the rest.
		out.Rest = join(out.Rest, v)
	} else if key == "" {
		out.Rest = join(out.Rest, v)
		for k, e := range out.Elems {
			out.Elems[k] = join(e, v)
		}
	} else {
		out.Elems[key] = v
	}
	d := out.carry()
	out.Unsafe, out.Taint, out.Src = d.Unsafe, d.Taint, d.Src
	return out
}

func (f *frame) setVar(name string, v *Value) {
	if f.fn == nil || f.globals[name] {
		// Module level, or a global declaration: the module's state changes.
		f.env.set(name, v)
		if f.fn != nil {
			f.a.setGlobal(f.m, name, v)
		}
		return
	}
	f.env.set(name, v)
}

// attrPath returns "self.x" style paths for attribute chains rooted at a
// name, so that stores and loads of object fields are tracked like variables.
func (f *frame) attrPath(id NodeID) string {
	t := f.t
	switch t.Kind(id) {
	case KindIdentifier:
		return t.Text(id)
	case KindAttribute:
		// Fast path: "a.b.c" written plainly is its own path (no copy).
		if txt := t.Text(id); plainDotted(txt) {
			return txt
		}
		base := f.attrPath(t.Child(id, FieldObject))
		if base == "" {
			return ""
		}
		return base + "." + t.Text(t.Child(id, FieldAttribute))
	}
	return ""
}

// constKey returns the constant key of a subscript as a string, or "".
func (f *frame) constKey(sub NodeID) string {
	if sub == None {
		return ""
	}
	if c := f.t.LiteralValue(sub); c != nil {
		if _, isStr := c.(string); isStr {
			return "s:" + c.(string)
		}
		if n, ok := c.(int64); ok {
			return itoa(n)
		}
	}
	return ""
}

func (f *frame) execIf(id NodeID) {
	t := f.t
	type clause struct{ cond, body NodeID }
	clauses := []clause{{t.Child(id, FieldCondition), t.Child(id, FieldConsequence)}}
	elseBody := None
	for c := t.First(id); c != None; c = t.N(c).NextSibling {
		if t.N(c).Field != FieldAlternative {
			continue
		}
		switch t.Kind(c) {
		case KindElifClause:
			clauses = append(clauses, clause{t.Child(c, FieldCondition), t.Child(c, FieldConsequence)})
		case KindElseClause:
			elseBody = t.Child(c, FieldBody)
		}
	}
	cur := f.env
	var out *env
	for _, cl := range clauses {
		f.env = cur
		truth, known := f.test(cl.cond)
		te, fe := f.refineIn(f.env, cl.cond)
		if known && !truth {
			cur = fe
			continue
		}
		f.env = te.copy() // te may be the very env the else path starts from
		f.execBlock(cl.body)
		out = joinEnv(out, f.env)
		if known && truth {
			f.env = out
			return
		}
		cur = fe
	}
	if elseBody != None {
		f.env = cur
		f.execBlock(elseBody)
		cur = f.env
	}
	f.env = joinEnv(out, cur)
}

// iterElem is what a for loop binds on each turn over iter: enumerate()
// pairs a clean index with the iterable's elements.
func iterElem(iter *Value) *Value {
	if iter.Qual == "builtins.enumerate()" {
		return finishContainer(&Value{Elems: map[string]*Value{"0": cleanValue, "1": iter.anyElem()}})
	}
	return iter.anyElem()
}

func (f *frame) execFor(id NodeID) {
	t := f.t
	iter := f.eval(t.Child(id, FieldRight))
	elem := iterElem(iter)
	left := t.Child(id, FieldLeft)
	entry := f.env
	lc := &loopCtx{}
	f.loops = append(f.loops, lc)
	state := entry.copy()
	var bodyOut *env
	for i := 0; i < 2; i++ {
		f.env = state.copy()
		f.bind(left, elem)
		f.execBlock(t.Child(id, FieldBody))
		bodyOut = f.env
		for _, c := range lc.conts {
			bodyOut = joinEnv(bodyOut, c)
		}
		lc.conts = nil
		state = joinEnv(entry, bodyOut)
	}
	f.loops = f.loops[:len(f.loops)-1]
	exit := joinEnv(entry, bodyOut)
	f.env = exit
	if alt := t.Child(id, FieldAlternative); alt != None {
		f.execBlock(t.Child(alt, FieldBody))
	}
	for _, b := range lc.breaks {
		f.env = joinEnv(f.env, b)
	}
}

func (f *frame) execWhile(id NodeID) {
	t := f.t
	cond := t.Child(id, FieldCondition)
	entry := f.env
	truth, known := f.test(cond)
	if known && !truth {
		if alt := t.Child(id, FieldAlternative); alt != None {
			f.execBlock(t.Child(alt, FieldBody))
		}
		return
	}
	lc := &loopCtx{}
	f.loops = append(f.loops, lc)
	state := entry.copy()
	var bodyOut *env
	for i := 0; i < 2; i++ {
		te, _ := f.refineIn(state, cond)
		f.env = te.copy()
		f.execBlock(t.Child(id, FieldBody))
		bodyOut = f.env
		for _, c := range lc.conts {
			bodyOut = joinEnv(bodyOut, c)
		}
		lc.conts = nil
		state = joinEnv(entry, bodyOut)
		f.env = state
		f.test(cond)
	}
	f.loops = f.loops[:len(f.loops)-1]
	if known && truth {
		// while True: only a break leaves the loop.
		f.env = &env{dead: true}
	} else {
		_, fe := f.refineIn(state, cond)
		f.env = fe.copy()
		if alt := t.Child(id, FieldAlternative); alt != None {
			f.execBlock(t.Child(alt, FieldBody))
		}
	}
	for _, b := range lc.breaks {
		f.env = joinEnv(f.env, b)
	}
}

func (f *frame) execTry(id NodeID) {
	t := f.t
	entry := f.env.copy()
	f.execBlock(t.Child(id, FieldBody))
	bodyOut := f.env
	// An exception may leave the body at any point: handlers start from what
	// the entry and the end of the body may hold.
	handlerIn := joinEnv(entry, bodyOut)
	if handlerIn.dead {
		handlerIn = entry
	}
	var out *env
	var elseClause, finallyClause NodeID = None, None
	for c := t.First(id); c != None; c = t.N(c).NextSibling {
		switch t.Kind(c) {
		case KindExceptClause, KindExceptGroupClause:
			f.env = handlerIn.copy()
			for h := t.First(c); h != None; h = t.N(h).NextSibling {
				switch t.Kind(h) {
				case KindAsPattern:
					f.eval(t.FirstNamed(h))
					if alias := t.Child(h, FieldAlias); alias != None {
						f.bind(t.FirstNamed(alias), exceptionDetails(t.Line(alias)))
					}
				case KindBlock:
					f.execBlock(h)
				default:
					if t.N(h).Named && t.N(h).Field != FieldNone {
						f.eval(h)
					}
				}
			}
			out = joinEnv(out, f.env)
		case KindElseClause:
			elseClause = c
		case KindFinallyClause:
			finallyClause = c
		}
	}
	if elseClause != None {
		f.env = bodyOut
		f.execBlock(t.Child(elseClause, FieldBody))
		bodyOut = f.env
	}
	out = joinEnv(out, bodyOut)
	f.env = out
	if finallyClause != None {
		wasDead := f.env.dead
		if wasDead {
			f.env = handlerIn.copy()
		}
		for c := t.First(finallyClause); c != None; c = t.N(c).NextSibling {
			if t.Kind(c) == KindBlock {
				f.execBlock(c)
			}
		}
		if wasDead {
			f.env.dead = true
		}
	}
}

func (f *frame) execWith(id NodeID) {
	t := f.t
	for c := t.First(id); c != None; c = t.N(c).NextSibling {
		if t.Kind(c) != KindWithClause {
			continue
		}
		for item := t.First(c); item != None; item = t.N(item).NextSibling {
			if t.Kind(item) != KindWithItem {
				continue
			}
			val := t.Child(item, FieldValue)
			if t.Kind(val) == KindAsPattern {
				v := f.eval(t.FirstNamed(val))
				if alias := t.Child(val, FieldAlias); alias != None {
					f.bind(t.FirstNamed(alias), f.a.enterContext(v))
				}
			} else {
				f.eval(val)
			}
		}
	}
	f.execBlock(t.Child(id, FieldBody))
}

func (f *frame) execMatch(id NodeID) {
	t := f.t
	var subjects []NodeID
	subjects = t.ChildrenByField(id, FieldSubject, subjects)
	var subj *Value
	for _, s := range subjects {
		subj = join(subj, f.eval(s))
	}
	entry := f.env
	var out *env
	body := t.Child(id, FieldBody)
	exhaustive := false
	for c := t.First(body); c != None; c = t.N(c).NextSibling {
		if t.Kind(c) != KindCaseClause {
			continue
		}
		f.env = entry.copy()
		// Bind capture names in the pattern to the subject's elements.
		for p := t.First(c); p != None; p = t.N(p).NextSibling {
			if t.Kind(p) == KindCasePattern {
				f.bindPattern(p, subj)
				if txt := strings.TrimSpace(t.Text(p)); txt == "_" {
					exhaustive = true
				}
			}
		}
		f.execBlock(t.Child(c, FieldConsequence))
		out = joinEnv(out, f.env)
	}
	if !exhaustive {
		out = joinEnv(out, entry)
	}
	if out == nil {
		out = entry
	}
	f.env = out
}

func (f *frame) bindPattern(p NodeID, subj *Value) {
	t := f.t
	var walk func(id NodeID)
	walk = func(id NodeID) {
		switch t.Kind(id) {
		case KindIdentifier:
			if name := t.Text(id); name != "_" {
				parent := t.N(id).Parent
				if t.Kind(parent) == KindDottedName {
					return // a constant pattern like Color.RED
				}
				f.setVar(name, subj.anyElem())
			}
			return
		}
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			walk(c)
		}
	}
	walk(p)
}

func (f *frame) execClass(id NodeID) {
	t := f.t
	if sup := t.Child(id, FieldSuperclasses); sup != None {
		f.eval(sup)
	}
	name := t.Text(t.Child(id, FieldName))
	// Class bodies run at definition time; their assignments become class
	// attributes. Methods are analysed as functions of their own.
	saved := f.env
	f.env = saved.copy()
	f.execBlock(t.Child(id, FieldBody))
	body := f.env
	f.env = saved
	f.setVar(name, &Value{Qual: joinQual(f.m.Name, name)})
	if f.fn != nil {
		return
	}
	// A module-level class's attributes are module state under
	// "Class.ATTR", so that Class.ATTR, cls.ATTR and self.ATTR (an
	// allow-list, a constant default) resolve to what the body assigned.
	body.each(func(k string, v *Value) {
		if old, ok := saved.get(k); (ok && old == v) || v == nil || v.Fn != nil || strings.Contains(k, ".") {
			return
		}
		f.setVar(name+"."+k, v)
	})
}

func (f *frame) defineFunction(id NodeID) {
	fn := f.m.funcAt(id)
	if fn == nil {
		return
	}
	// Defaults are evaluated at definition time in the enclosing scope.
	for _, p := range fn.Params {
		if p.Default != None {
			f.eval(p.Default)
		}
	}
	if fn.Class != None {
		return // methods are bound through their class
	}
	f.setVar(fn.Name, &Value{Fn: fn, Qual: fn.Qual})
	if fn.Parent != nil {
		// A nested function sees the enclosing function's names as they are
		// when it is defined.
		f.a.analyzeNested(fn, f)
	}
}

func (f *frame) bindImports(id NodeID) {
	t := f.t
	if f.fn == nil {
		return // module-level imports are in Module.Imports
	}
	for c := t.First(id); c != None; c = t.N(c).NextSibling {
		if t.N(c).Field != FieldName {
			continue
		}
		switch t.Kind(c) {
		case KindDottedName:
			name := dotted(t.Text(c))
			if t.Kind(id) == KindImportStatement {
				first := name
				if i := strings.IndexByte(name, '.'); i >= 0 {
					first = name[:i]
				}
				f.setVar(first, &Value{Qual: first})
			} else {
				f.setVar(name, &Value{Qual: f.m.Imports[name]})
			}
		case KindAliasedImport:
			alias := t.Text(t.Child(c, FieldAlias))
			f.setVar(alias, &Value{Qual: f.m.Imports[alias]})
		}
	}
}

// plainDotted reports whether s is identifiers joined by dots, with nothing
// else (no spaces, comments, calls or subscripts).
func plainDotted(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '.' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80) {
			return false
		}
		if c == '.' && s[i+1] == '.' {
			return false
		}
	}
	return true
}
