package python

// Validators defined in the analysed code: a function that returns a true
// value only after checking a parameter (def is_safe(url): return
// url.startswith("https://docs.example.com/")) narrows the argument at a
// call site used as a condition, as the check written inline would.

// trackGuard records, at a return statement of value v, which classes each
// parameter is safe for when this return gives a true value. A return of a
// false constant says nothing; the guard of the function is what every
// other return agrees on.
func (f *frame) trackGuard(e NodeID, v *Value) {
	fn := f.fn
	if fn == nil || len(fn.Params) == 0 || e == None {
		return
	}
	if v.Const != nil {
		if truth, known := truthy(v.Const); known && !truth {
			return
		}
	}
	if f.guards == nil {
		f.guards = make([]Class, len(fn.Params))
		for i := range f.guards {
			f.guards[i] = AllClasses
		}
	}
	te := f.env
	switch f.t.Kind(f.t.Unparen(e)) {
	case KindComparisonOperator, KindBooleanOperator, KindNotOperator, KindCall:
		te, _ = f.refineIn(f.env, e)
	}
	for i, p := range fn.Params {
		if p.Star || p.DoubleStar || i >= len(f.labelled) || !f.labelled[i] || f.rebinds(p.Name) {
			f.guards[i] = 0
			continue
		}
		safe := Class(0)
		if cur := te.value(p.Name); cur != nil {
			safe = AllClasses &^ cur.Taint.Param(i)
		}
		f.guards[i] &= safe
	}
}

// rebinds reports whether the function assigns name anywhere in its own
// body, so that its value at a return is not the caller's argument.
func (f *frame) rebinds(name string) bool {
	if f.rebound == nil {
		f.rebound = map[string]bool{}
		t := f.t
		body := f.fn.Body()
		end := t.subtreeEnd(body)
		for id := body; id < end; id++ {
			switch t.Kind(id) {
			case KindAssignment, KindAugmentedAssignment, KindForStatement, KindNamedExpression:
				left := t.Child(id, FieldLeft)
				if t.Kind(id) == KindNamedExpression {
					left = t.Child(id, FieldName)
				}
				var targets []NodeID
				collectNames(t, left, &targets)
				for _, n := range targets {
					f.rebound[t.Text(n)] = true
				}
			case KindAsPattern, KindGlobalStatement, KindNonlocalStatement:
				// with ... as name, except ... as name: rare on parameters;
				// treat the names inside as rebound.
				var targets []NodeID
				collectNames(t, id, &targets)
				for _, n := range targets {
					f.rebound[t.Text(n)] = true
				}
			}
		}
	}
	return f.rebound[name]
}

// collectNames appends the identifiers of an assignment target.
func collectNames(t *Tree, id NodeID, out *[]NodeID) {
	switch t.Kind(id) {
	case KindIdentifier:
		*out = append(*out, id)
	case KindPatternList, KindTuplePattern, KindListPattern, KindTuple, KindList, KindParenthesizedExpression, KindExpressionList,
		KindAsPattern, KindGlobalStatement, KindNonlocalStatement, KindListSplatPattern:
		var kids []NodeID
		for _, c := range t.NamedChildren(id, kids) {
			collectNames(t, c, out)
		}
	}
}

// userGuard narrows the arguments of a call to an analysed validator on the
// branch where it returned a true value. It returns e itself when the call
// is no such validator.
func (f *frame) userGuard(e *env, call NodeID) *env {
	t := f.t
	callee := f.evalIn(e, t.Child(call, FieldFunction))
	fn := callee.Fn
	if fn == nil {
		return e
	}
	s := f.a.analyzeFunc(fn)
	if s == nil || len(s.guards) == 0 {
		return e
	}
	first := 0
	if fn.IsMethod() && !fn.isStatic() && t.Kind(t.Child(call, FieldFunction)) == KindAttribute {
		first = 1 // obj.check(x): x fills the second parameter
	}
	var args []NodeID
	args = t.NamedChildren(t.Child(call, FieldArguments), args)
	out := e
	for j, arg := range args {
		if t.Kind(arg) == KindKeywordArgument || t.Kind(arg) == KindListSplat || t.Kind(arg) == KindDictionarySplat {
			break
		}
		i := first + j
		if i < len(s.guards) && s.guards[i] != 0 {
			out = f.narrow(out, arg, s.guards[i])
		}
	}
	return out
}
