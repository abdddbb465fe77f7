package python

// rebound lists, for the whole batch, the attribute names that code stores
// anywhere but on self in an __init__: obj.limit = ..., self.limit = ... in
// a setter, obj.a, obj.b = .... A field with such a name may hold something
// else than what __init__ left in it by the time a method reads it, so a
// method trusts __init__'s value only for the others. It reads syntax only,
// once, before the analysis.
type rebound map[string]bool

func reboundAttrs(mods []*Module) rebound {
	out := rebound{}
	for _, m := range mods {
		t := m.Tree
		for id := NodeID(0); int(id) < len(t.Nodes); id++ {
			switch t.Kind(id) {
			case KindAssignment, KindAugmentedAssignment:
			default:
				continue
			}
			var targets []NodeID
			collectTargets(t, t.Child(id, FieldLeft), &targets)
			for _, tg := range targets {
				obj := t.Child(tg, FieldObject)
				if t.Kind(obj) == KindIdentifier && initSelf(m, id, t.Text(obj)) {
					continue
				}
				out[t.Text(t.Child(tg, FieldAttribute))] = true
			}
		}
	}
	return out
}

// collectTargets appends the attribute targets of an assignment's left side.
func collectTargets(t *Tree, id NodeID, out *[]NodeID) {
	switch t.Kind(id) {
	case KindAttribute:
		*out = append(*out, id)
	case KindPatternList, KindTuplePattern, KindExpressionList, KindTuple, KindList, KindListPattern, KindParenthesizedExpression:
		var kids []NodeID
		for _, c := range t.NamedChildren(id, kids) {
			collectTargets(t, c, out)
		}
	}
}

// initSelf reports whether node sits in an __init__ method whose first
// parameter is name.
func initSelf(m *Module, node NodeID, name string) bool {
	t := m.Tree
	def := t.Ancestor(node, KindFunctionDefinition)
	if def == None || t.Text(t.Child(def, FieldName)) != "__init__" {
		return false
	}
	fn := m.funcAt(def)
	return fn != nil && fn.IsMethod() && len(fn.Params) > 0 && fn.Params[0].Name == name
}
