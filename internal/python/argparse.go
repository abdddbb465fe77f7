package python

import "strings"

// argparse options whose values the parser constrains: choices=[...] of
// constants, type=int or float, and the boolean and counting actions. The
// attribute of the parsed namespace for such an option holds no text of the
// user's choosing.

// constrainedArgs returns the destinations of m's constrained options,
// computed once per batch.
func (a *batch) constrainedArgs(m *Module) map[string]bool {
	if a.argDests == nil {
		a.argDests = map[*Module]map[string]bool{}
	}
	if d, ok := a.argDests[m]; ok {
		return d
	}
	d := map[string]bool{}
	a.argDests[m] = d
	t := m.Tree
	for id := NodeID(0); int(id) < len(t.Nodes); id++ {
		if t.Kind(id) != KindCall {
			continue
		}
		fnNode := t.Child(id, FieldFunction)
		if t.Kind(fnNode) != KindAttribute || t.Text(t.Child(fnNode, FieldAttribute)) != "add_argument" {
			continue
		}
		var args []NodeID
		args = t.NamedChildren(t.Child(id, FieldArguments), args)
		dest, long := "", ""
		constrained := false
		for _, arg := range args {
			if t.Kind(arg) != KindKeywordArgument {
				if s, ok := t.StringValue(arg); ok {
					switch {
					case strings.HasPrefix(s, "--"):
						if long == "" {
							long = s[2:]
						}
					case !strings.HasPrefix(s, "-") && dest == "":
						dest = s
					}
				}
				continue
			}
			val := t.Child(arg, FieldValue)
			switch t.Text(t.Child(arg, FieldName)) {
			case "dest":
				if s, ok := t.StringValue(val); ok {
					dest = s
				}
			case "choices":
				constrained = constrained || literalChoices(t, val)
			case "type":
				switch t.Text(val) {
				case "int", "float", "bool":
					constrained = true
				}
			case "action":
				switch s, _ := t.StringValue(val); s {
				case "store_true", "store_false", "count", "version", "help":
					constrained = true
				}
			}
		}
		if dest == "" {
			dest = long
		}
		if constrained && dest != "" {
			d[strings.ReplaceAll(dest, "-", "_")] = true
		}
	}
	return d
}

// literalChoices reports whether a choices= value is a literal list, tuple
// or set of constants.
func literalChoices(t *Tree, id NodeID) bool {
	switch t.Kind(id) {
	case KindList, KindTuple, KindSet:
	default:
		return false
	}
	var elems []NodeID
	elems = t.NamedChildren(id, elems)
	for _, e := range elems {
		if t.LiteralValue(e) == nil {
			return false
		}
	}
	return len(elems) > 0
}

// parsedArgs reports whether a value is the namespace argparse returns.
func parsedArgs(v *Value) bool {
	return strings.HasSuffix(v.Qual, ".parse_args()") || strings.HasSuffix(v.Qual, ".parse_known_args()") ||
		strings.HasSuffix(v.Qual, ".parse_intermixed_args()")
}
