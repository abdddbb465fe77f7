package python

import (
	"regexp"
	"strconv"
	"strings"
)

// eval returns what an expression may evaluate to.
func (f *frame) eval(id NodeID) *Value {
	if id == None {
		return unknownValue
	}
	t := f.t
	f.a.step()
	switch t.Kind(id) {
	case KindIdentifier:
		return f.lookup(t.Text(id))
	case KindString:
		return f.evalString(id)
	case KindConcatenatedString:
		var parts []*Value
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			if t.Kind(c) == KindString {
				parts = append(parts, f.evalString(c))
			}
		}
		return concat(parts...)
	case KindInteger, KindFloat, KindTrue, KindFalse, KindNone:
		if c := t.LiteralValue(id); c != nil {
			return constValue(c)
		}
		return cleanValue
	case KindParenthesizedExpression:
		return f.eval(t.FirstNamed(id))
	case KindBinaryOperator:
		l := f.eval(t.Child(id, FieldLeft))
		r := f.eval(t.Child(id, FieldRight))
		op := t.Text(t.Child(id, FieldOperator))
		if op == "%" {
			if tmpl, ok := l.Str(); ok {
				return f.percentFormat(tmpl, r, t.Child(id, FieldRight))
			}
		}
		return f.binary(op, l, r)
	case KindBooleanOperator:
		return f.evalBoolOp(id)
	case KindNotOperator:
		v := f.eval(t.Child(id, FieldArgument))
		if b, ok := truthy(v.Const); ok && v.Const != nil {
			return constValue(!b)
		}
		return cleanValue
	case KindComparisonOperator:
		return f.evalCompare(id)
	case KindUnaryOperator:
		v := f.eval(t.Child(id, FieldArgument))
		if c := t.LiteralValue(id); c != nil {
			return constValue(c)
		}
		if v.Const != nil {
			return cleanValue
		}
		return cleanValue
	case KindAttribute:
		if p := f.attrPath(id); p != "" {
			if v, ok := f.env.get(p); ok {
				return v
			}
		}
		obj := f.eval(t.Child(id, FieldObject))
		return f.a.attribute(f, id, obj, t.Text(t.Child(id, FieldAttribute)))
	case KindSubscript:
		return f.evalSubscript(id)
	case KindCall:
		return f.evalCall(id)
	case KindList, KindTuple, KindExpressionList, KindPatternList:
		return f.evalSequence(id)
	case KindSet:
		// Elements are kept by position, so that a set of constants is
		// recognised as an allow-list; sets are never subscripted.
		return f.evalSequence(id)
	case KindDictionary:
		return f.evalDict(id)
	case KindListComprehension, KindSetComprehension, KindGeneratorExpression:
		out := &Value{Elems: map[string]*Value{}}
		out.Rest = f.evalComprehension(id, t.Child(id, FieldBody))
		return finishContainer(out)
	case KindDictionaryComprehension:
		out := &Value{Elems: map[string]*Value{}}
		body := t.Child(id, FieldBody)
		out.Rest = f.evalComprehension(id, t.Child(body, FieldValue))
		return finishContainer(out)
	case KindConditionalExpression:
		var kids []NodeID
		kids = t.NamedChildren(id, kids)
		if len(kids) < 3 {
			return unknownValue
		}
		truth, known := f.test(kids[1])
		te, fe := f.refineIn(f.env, kids[1])
		saved := f.env
		var a, b *Value
		if !known || truth {
			f.env = te
			a = f.eval(kids[0])
		}
		if !known || !truth {
			f.env = fe
			b = f.eval(kids[2])
		}
		f.env = saved
		return join(a, b)
	case KindNamedExpression:
		v := f.eval(t.Child(id, FieldValue))
		f.bind(t.Child(id, FieldName), v)
		return v
	case KindAwait, KindListSplat, KindDictionarySplat, KindKeywordArgument, KindParenthesizedListSplat:
		if v := t.Child(id, FieldValue); v != None {
			return f.eval(v)
		}
		return f.eval(t.FirstNamed(id))
	case KindLambda:
		// The body is checked once where the lambda is written, with
		// parameters of unknown value; calls evaluate it again with their
		// arguments.
		f.evalLambda(id, nil)
		return &Value{Qual: "<lambda>", Lambda: id}
	case KindYield:
		if e := t.FirstNamed(id); e != None {
			f.eval(e)
		}
		return unknownValue
	case KindEllipsis, KindSlice, KindType:
		var kids []NodeID
		for _, c := range t.NamedChildren(id, kids) {
			f.eval(c)
		}
		return cleanValue
	}
	var kids []NodeID
	for _, c := range t.NamedChildren(id, kids) {
		f.eval(c)
	}
	return unknownValue
}

// maxLambdaDepth bounds lambdas calling lambdas (f = lambda x: f(x)).
const maxLambdaDepth = 4

// evalLambda evaluates a lambda's body with its parameters bound to the
// call's arguments (nil: values not known) and returns what it gives.
func (f *frame) evalLambda(id NodeID, c *call) *Value {
	if f.lambdas >= maxLambdaDepth {
		return unknownValue
	}
	f.lambdas++
	defer func() { f.lambdas-- }()
	t := f.t
	saved := f.env
	f.env = saved.copy()
	defer func() { f.env = saved }()
	pi := 0
	for _, p := range f.m.params(t.Child(id, FieldParameters)) {
		var v *Value
		if p.Default != None {
			v = f.eval(p.Default)
		}
		if c != nil {
			switch {
			case p.Star:
				var rest *Value
				for ; pi < len(c.pos); pi++ {
					rest = join(rest, c.pos[pi])
				}
				v = finishContainer(&Value{Elems: map[string]*Value{}, Rest: rest})
			case p.DoubleStar:
				v = finishContainer(&Value{Elems: map[string]*Value{}, Rest: joinArgs(&call{kw: c.kw})})
			case c.kw[p.Name] != nil:
				v = c.kw[p.Name]
			case pi < len(c.pos) && !p.KeywordOnly:
				v = c.pos[pi]
				pi++
			}
		}
		if v == nil {
			v = unknownValue
		}
		f.env.set(p.Name, v)
	}
	return f.eval(t.Child(id, FieldBody))
}

// orElem turns a splat's value into what its elements hold.
func (v *Value) orElem(k Kind) *Value {
	if k == KindListSplat || k == KindDictionarySplat {
		return v.anyElem()
	}
	return v
}

func finishContainer(v *Value) *Value {
	d := v.carry()
	v.Unsafe, v.Taint, v.Src = d.Unsafe, d.Taint, d.Src
	return v
}

func (f *frame) lookup(name string) *Value {
	if v, ok := f.env.get(name); ok {
		return v
	}
	if f.fn != nil && !f.globals[name] && f.isLocal(name) {
		return unknownValue // bound on another path, or later in a loop
	}
	if f.outer != nil {
		if v, ok := f.outer[name]; ok {
			return v
		}
	}
	if f.fn != nil {
		if v := f.a.global(f.m, name); v != nil {
			return v
		}
	}
	if q, ok := f.m.Imports[name]; ok {
		if v := f.a.importedValue(q, f.m); v != nil {
			return v
		}
		return f.a.named(q, "")
	}
	if fn := f.m.TopFuncs[name]; fn != nil {
		return &Value{Fn: fn, Qual: fn.Qual}
	}
	if _, ok := f.m.Classes[name]; ok {
		return &Value{Qual: joinQual(f.m.Name, name)}
	}
	if builtinNames[name] {
		return f.a.named("builtins", name)
	}
	return unknownValue
}

func (f *frame) isLocal(name string) bool {
	if f.locals == nil {
		f.locals = f.a.localNames(f.m, f.fn)
	}
	return f.locals[name]
}

// evalString evaluates a string literal; an f-string concatenates its
// literal parts and the values of its interpolations.
func (f *frame) evalString(id NodeID) *Value {
	t := f.t
	if s, ok := t.StringValue(id); ok {
		return constValue(s)
	}
	raw := strings.ContainsRune(t.stringPrefix(id), 'r')
	var parts []*Value
	for c := t.First(id); c != None; c = t.N(c).NextSibling {
		switch t.Kind(c) {
		case KindStringContent:
			var b strings.Builder
			t.appendContent(&b, c, raw)
			parts = append(parts, constValue(b.String()))
		case KindInterpolation:
			v := f.eval(t.Child(c, FieldExpression))
			if spec := t.Child(c, FieldFormatSpecifier); spec != None {
				if numericSpec(strings.TrimPrefix(t.Text(spec), ":")) {
					v = cleanValue
				}
				// Nested replacement fields inside the spec are evaluated for
				// their calls.
				for s := t.First(spec); s != None; s = t.N(s).NextSibling {
					if t.Kind(s) == KindFormatExpression {
						f.eval(t.Child(s, FieldExpression))
					}
				}
			}
			if v.Const != nil {
				v = constValue(constString(v.Const))
			}
			parts = append(parts, v)
		}
	}
	if len(parts) == 0 {
		return constValue("")
	}
	return concat(parts...)
}

// numericSpec reports whether a format spec forces a number (":d", ":.2f").
func numericSpec(spec string) bool {
	if spec == "" || strings.Contains(spec, "{") {
		return false
	}
	switch spec[len(spec)-1] {
	case 'd', 'f', 'F', 'e', 'E', 'g', 'G', 'x', 'X', 'o', 'b', '%', 'n', 'c':
		return true
	}
	return false
}

// binary evaluates an arithmetic or string operator.
func (f *frame) binary(op string, l, r *Value) *Value {
	if l.Const != nil && r.Const != nil {
		if c := foldBinary(op, l.Const, r.Const); c != nil {
			return constValue(c)
		}
	}
	if op == "%" && strings.HasSuffix(l.Qual, "Markup()") {
		// Markup("<b>%s</b>") % x escapes x: the result is markup.
		return &Value{Qual: l.Qual}
	}
	switch op {
	case "+":
		if l.isStringish() || r.isStringish() {
			return concat(l, r)
		}
		if l.Elems != nil || r.Elems != nil || l.Rest != nil || r.Rest != nil {
			if n, ok := sequenceLen(l); ok {
				// [a, b] + rest keeps a and b in place; rest follows them.
				out := &Value{Elems: make(map[string]*Value, n+len(r.Elems))}
				for k, e := range l.Elems {
					out.Elems[k] = e
				}
				if m, ok := sequenceLen(r); ok && n+m <= maxElems {
					for i := 0; i < m; i++ {
						out.Elems[itoa(int64(n+i))] = r.Elems[itoa(int64(i))]
					}
				} else {
					out.Rest = r.anyElem()
				}
				return finishContainer(out)
			}
			out := &Value{Elems: map[string]*Value{}, Rest: join(l.anyElem(), r.anyElem())}
			return finishContainer(out)
		}
		if l.isNumber() || r.isNumber() {
			return cleanValue
		}
		return mixed(l, r)
	case "%":
		if l.isNumber() {
			return cleanValue
		}
		return concat(l, r)
	case "*":
		if l.isStringish() {
			return l.derived()
		}
		if r.isStringish() {
			return r.derived()
		}
		if l.Elems != nil || l.Rest != nil {
			return l
		}
		return cleanValue
	case "/":
		// pathlib's "/" joins paths: the result carries both sides.
		if strings.HasPrefix(l.Qual, "pathlib.") || l.Qual == "@path" {
			out := mixed(l, r)
			out.Qual = "@path"
			if rs, ok := r.Str(); ok && l.Prefix != "" && out.Unsafe == 0 && out.Taint.Clean() {
				// A fixed directory joined with a fixed name.
				out.Prefix = capFrag(strings.TrimSuffix(l.Prefix, "/") + "/" + rs)
			}
			return out
		}
		return cleanValue
	}
	return cleanValue
}

// sequenceLen returns the length of a list or tuple whose elements are all
// known by position ("0", "1", ...), with no unknown part.
func sequenceLen(v *Value) (int, bool) {
	if v == nil || v.Elems == nil || v.Rest != nil {
		return 0, false
	}
	for i := 0; i < len(v.Elems); i++ {
		if _, ok := v.Elems[itoa(int64(i))]; !ok {
			return 0, false
		}
	}
	return len(v.Elems), true
}

func (v *Value) isStringish() bool {
	if _, ok := v.Str(); ok {
		return true
	}
	return v.Built || v.Frag != ""
}

func (v *Value) isNumber() bool {
	switch v.Const.(type) {
	case int64, float64, bool:
		return true
	}
	return false
}

// mixed combines two values whose type is unknown: the result carries both
// taints but is not known to be a built string.
func mixed(l, r *Value) *Value {
	ld, rd := l.derived(), r.derived()
	out := &Value{Unsafe: ld.Unsafe | rd.Unsafe, Taint: ld.Taint.Join(rd.Taint), Src: ld.Src}
	if out.Src == nil {
		out.Src = rd.Src
	}
	return out
}

func (f *frame) evalBoolOp(id NodeID) *Value {
	t := f.t
	left := t.Child(id, FieldLeft)
	l := f.eval(left)
	op := t.Text(t.Child(id, FieldOperator))
	lt, lknown := truthy(l.Const)
	if l.Const != nil && lknown {
		if (op == "and" && !lt) || (op == "or" && lt) {
			return l
		}
	}
	// The right side runs only when the left did not decide: refine by it.
	te, fe := f.refineIn(f.env, left)
	saved := f.env
	if op == "and" {
		f.env = te
	} else {
		f.env = fe
	}
	r := f.eval(t.Child(id, FieldRight))
	f.env = saved
	if l.Const != nil && lknown {
		return r
	}
	return join(l, r)
}

func (f *frame) evalCompare(id NodeID) *Value {
	t := f.t
	var operands []NodeID
	operands = t.NamedChildren(id, operands)
	vals := make([]*Value, len(operands))
	for i, o := range operands {
		vals[i] = f.eval(o)
	}
	ops := comparisonOps(t, id)
	f.a.onCompare(f, id, operands, vals)
	if len(ops) == 1 && len(vals) == 2 && vals[0].Const != nil && vals[1].Const != nil {
		if r, ok := compareConst(ops[0], vals[0].Const, vals[1].Const); ok {
			return constValue(r)
		}
	}
	return cleanValue
}

// comparisonOps returns the operators of a comparison in order, joining the
// two-token ones ("not in", "is not").
func comparisonOps(t *Tree, id NodeID) []string {
	var ops []string
	prevNot, prevIs := false, false
	for c := t.First(id); c != None; c = t.N(c).NextSibling {
		if t.N(c).Named {
			prevNot, prevIs = false, false
			continue
		}
		tok := t.Text(c)
		switch {
		case tok == "in" && prevNot:
			ops[len(ops)-1] = "not in"
		case tok == "not" && prevIs:
			ops[len(ops)-1] = "is not"
		case tok == "not in" || tok == "is not":
			ops = append(ops, tok)
		default:
			ops = append(ops, tok)
		}
		prevNot = tok == "not"
		prevIs = tok == "is"
	}
	return ops
}

func (f *frame) evalSubscript(id NodeID) *Value {
	t := f.t
	if f.env.narrowed {
		if k := f.pureKey(id); k != "" {
			if v, ok := f.env.get(k); ok {
				return v // narrowed by a guard
			}
		}
	}
	obj := f.eval(t.Child(id, FieldValue))
	var subs []NodeID
	subs = t.ChildrenByField(id, FieldSubscript, subs)
	isSlice := false
	key := ""
	for _, s := range subs {
		f.eval(s)
		if t.Kind(s) == KindSlice {
			isSlice = true
		}
	}
	if len(subs) == 1 && !isSlice {
		key = f.constKey(subs[0])
		if key == "" {
			// A key that is a name bound to a constant.
			if v := f.eval(subs[0]); v.Const != nil {
				switch c := v.Const.(type) {
				case string:
					key = "s:" + c
				case int64:
					key = itoa(c)
				}
			}
		}
	}
	if strings.HasPrefix(obj.Qual, "typing.") || obj.Qual == "builtins.list" || obj.Qual == "builtins.dict" {
		return &Value{Qual: obj.Qual}
	}
	if isSlice {
		if s, ok := obj.Str(); ok {
			_ = s
			return cleanValue
		}
		if v := constSlice(obj, t.Text(subs[0])); v != nil {
			return v
		}
		if obj.Elems != nil || obj.Rest != nil {
			return finishContainer(&Value{Elems: map[string]*Value{}, Rest: obj.anyElem()})
		}
		return obj.derived()
	}
	return f.a.subscript(f, id, obj, key)
}

// sliceBounds matches a slice with literal bounds and no step: "1:3", ":-1".
var sliceBounds = regexp.MustCompile(`^\s*(-?\d*)\s*:\s*(-?\d*)\s*$`)

// constSlice is seq[i:j] for a sequence of known length with literal bounds:
// exactly the elements the slice keeps, so parts[:3] of a list whose first
// three items are constants holds only constants.
func constSlice(seq *Value, text string) *Value {
	if seq.Elems == nil || seq.Rest != nil || isMapping(seq) {
		return nil
	}
	m := sliceBounds.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	n := int64(len(seq.Elems))
	for i := int64(0); i < n; i++ {
		if _, ok := seq.Elems[itoa(i)]; !ok {
			return nil
		}
	}
	bound := func(s string, def int64) int64 {
		if s == "" {
			return def
		}
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return def
		}
		if v < 0 {
			v += n
		}
		return max(0, min(n, v))
	}
	lo, hi := bound(m[1], 0), bound(m[2], n)
	out := &Value{Elems: map[string]*Value{}}
	for i := lo; i < hi; i++ {
		out.Elems[itoa(i-lo)] = seq.Elems[itoa(i)]
	}
	return finishContainer(out)
}

func (f *frame) evalSequence(id NodeID) *Value {
	t := f.t
	out := &Value{Elems: map[string]*Value{}}
	i := 0
	star := false
	var kids []NodeID
	for _, c := range t.NamedChildren(id, kids) {
		v := f.eval(c)
		if k := t.Kind(c); k == KindListSplat || k == KindParenthesizedListSplat {
			out.Rest = join(out.Rest, v.anyElem())
			star = true
			continue
		}
		if star {
			out.Rest = join(out.Rest, v)
			continue
		}
		out.Elems[itoa(int64(i))] = v
		i++
	}
	return finishContainer(out)
}

func (f *frame) evalDict(id NodeID) *Value {
	t := f.t
	f.a.checkDictPasswords(f, id)
	out := &Value{Elems: map[string]*Value{}}
	for c := t.First(id); c != None; c = t.N(c).NextSibling {
		switch t.Kind(c) {
		case KindPair:
			kn := t.Child(c, FieldKey)
			kv := f.eval(kn)
			v := f.eval(t.Child(c, FieldValue))
			if s, ok := kv.Str(); ok {
				out.Elems["s:"+s] = v
			} else if n, ok := kv.Const.(int64); ok {
				out.Elems[itoa(n)] = v
			} else {
				out.Rest = join(out.Rest, v)
			}
		case KindDictionarySplat:
			v := f.eval(t.FirstNamed(c))
			for k, e := range v.Elems {
				out.Elems[k] = e
			}
			if v.Rest != nil || v.Elems == nil {
				out.Rest = join(out.Rest, v.anyElem())
			}
		}
	}
	return finishContainer(out)
}

// evalComprehension binds the for clauses in a scope of its own and returns
// what the body may produce.
func (f *frame) evalComprehension(id, body NodeID) *Value {
	t := f.t
	saved := f.env
	f.env = saved.copy()
	for c := t.First(id); c != None; c = t.N(c).NextSibling {
		switch t.Kind(c) {
		case KindForInClause:
			iter := f.eval(t.Child(c, FieldRight))
			f.bind(t.Child(c, FieldLeft), iterElem(iter))
		case KindIfClause:
			cond := t.FirstNamed(c)
			f.eval(cond)
			te, _ := f.refineIn(f.env, cond)
			f.env = te
		}
	}
	v := f.eval(body)
	// Names bound by a walrus inside the comprehension leak to the enclosing
	// scope; the loop variables do not.
	f.env.each(func(k string, val *Value) {
		if _, had := saved.get(k); !had && f.walrusTarget(id, k) {
			saved.set(k, val)
		}
	})
	f.env = saved
	return v
}

func (f *frame) walrusTarget(id NodeID, name string) bool {
	t := f.t
	found := false
	var walk func(n NodeID)
	walk = func(n NodeID) {
		if found {
			return
		}
		if t.Kind(n) == KindNamedExpression && t.Text(t.Child(n, FieldName)) == name {
			found = true
			return
		}
		for c := t.First(n); c != None; c = t.N(c).NextSibling {
			walk(c)
		}
	}
	walk(id)
	return found
}

// percentFormat evaluates "template" % args, mapping each conversion to its
// argument; %d, %i, %f and friends force numbers, which are safe.
func (f *frame) percentFormat(tmpl string, args *Value, argsNode NodeID) *Value {
	var parts []*Value
	argIdx := 0
	single := !(f.t.Kind(f.t.Unparen(argsNode)) == KindTuple) && args.Elems == nil
	if f.t.Kind(f.t.Unparen(argsNode)) == KindDictionary {
		single = false
	}
	lit := strings.Builder{}
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		if c != '%' {
			lit.WriteByte(c)
			continue
		}
		if i+1 < len(tmpl) && tmpl[i+1] == '%' {
			lit.WriteByte('%')
			i++
			continue
		}
		// %[(name)][flags][width][.precision][length]type
		j := i + 1
		name := ""
		if j < len(tmpl) && tmpl[j] == '(' {
			end := strings.IndexByte(tmpl[j:], ')')
			if end < 0 {
				break
			}
			name = tmpl[j+1 : j+end]
			j += end + 1
		}
		for j < len(tmpl) && strings.IndexByte("#0- +*.0123456789hlL", tmpl[j]) >= 0 {
			j++
		}
		if j >= len(tmpl) {
			break
		}
		conv := tmpl[j]
		i = j
		parts = append(parts, constValue(lit.String()))
		lit.Reset()
		var v *Value
		switch {
		case name != "":
			v = args.elem("s:" + name)
		case single:
			v = args
		default:
			v = args.elem(itoa(int64(argIdx)))
			argIdx++
		}
		if strings.IndexByte("diouxXeEfFgGc", conv) >= 0 {
			v = cleanValue
		} else if v.Const != nil {
			v = constValue(constString(v.Const))
		}
		parts = append(parts, v)
	}
	parts = append(parts, constValue(lit.String()))
	return concat(parts...)
}

// formatMethod evaluates "template".format(*args, **kwargs).
func formatMethod(tmpl string, args []*Value, kw map[string]*Value) *Value {
	var parts []*Value
	auto := 0
	lit := strings.Builder{}
	for i := 0; i < len(tmpl); i++ {
		c := tmpl[i]
		if c == '{' && i+1 < len(tmpl) && tmpl[i+1] == '{' {
			lit.WriteByte('{')
			i++
			continue
		}
		if c == '}' && i+1 < len(tmpl) && tmpl[i+1] == '}' {
			lit.WriteByte('}')
			i++
			continue
		}
		if c != '{' {
			lit.WriteByte(c)
			continue
		}
		end := strings.IndexByte(tmpl[i:], '}')
		if end < 0 {
			lit.WriteString(tmpl[i:])
			break
		}
		field := tmpl[i+1 : i+end]
		i += end
		spec := ""
		if k := strings.IndexByte(field, ':'); k >= 0 {
			field, spec = field[:k], field[k+1:]
		}
		if k := strings.IndexByte(field, '!'); k >= 0 {
			field = field[:k]
		}
		root := field
		if k := strings.IndexAny(field, ".["); k >= 0 {
			root = field[:k]
		}
		var v *Value
		switch {
		case root == "":
			if auto < len(args) {
				v = args[auto]
			}
			auto++
		case root[0] >= '0' && root[0] <= '9':
			if n, err := strconv.Atoi(root); err == nil && n < len(args) {
				v = args[n]
			}
		default:
			v = kw[root]
		}
		if v == nil {
			v = unknownValue
		}
		if root != field {
			v = v.derived()
		}
		if numericSpec(spec) {
			v = cleanValue
		} else if v.Const != nil {
			v = constValue(constString(v.Const))
		}
		parts = append(parts, constValue(lit.String()), v)
		lit.Reset()
	}
	parts = append(parts, constValue(lit.String()))
	return concat(parts...)
}
