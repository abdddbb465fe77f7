package python

import (
	"slices"
	"strings"
)

// Class is a set of sink classes: the kinds of dangerous operation that
// untrusted data must not reach. A value records, per class, whether it may
// still be dangerous there; sanitizers clear only the classes they protect.
type Class uint32

// Sink classes.
const (
	ClassSQL Class = 1 << iota
	ClassShell
	ClassCode
	ClassPath
	ClassHTML
	ClassRedirect
	ClassSSRF
	ClassLDAP
	ClassXPath
	ClassDeserialize
	ClassLog
	ClassHeader
	ClassRegex
	ClassTemplate
	ClassNoSQL
	ClassTrust
	ClassXML
	ClassInfo   // exception details in responses
	ClassCookie // values of cookies the server sets

	AllClasses Class = 1<<iota - 1

	// requestClasses are where request data is dangerous: everywhere but
	// ClassInfo, which is about the server's own exception details.
	requestClasses = AllClasses &^ ClassInfo
)

// localClasses are the sinks that data from local sources (command line,
// environment, console input) is checked against: a command-line tool that
// opens the file it is given is doing its job, one that runs it as a shell
// command is not.
const localClasses = ClassSQL | ClassShell | ClassCode | ClassDeserialize | ClassTemplate | ClassNoSQL

// Labels name where tainted data came from: a remote source (a web request,
// a socket), a local source (argv, environment, input()), or parameter i of
// the function being summarised (up to maxParams of them).
const maxParams = 14

// Taint maps each label to the classes for which data from it is still
// dangerous. The zero Taint is clean.
//
// Most values carry no parameter label, and values are the interpreter's
// most frequent allocation, so the parameter labels sit behind a pointer:
// nil when none is set, otherwise an array that is never written after it
// is shared (every operation that changes it builds a new one), and that
// always holds some class.
type Taint struct {
	remote, local Class
	params        *paramClasses
}

type paramClasses [maxParams]Class

// paramOnly[i] is the parameter part of paramTaint(i); read only.
var paramOnly = func() (t [maxParams]paramClasses) {
	for i := range t {
		t[i][i] = AllClasses
	}
	return t
}()

// Clean reports whether no label is dangerous anywhere.
func (t *Taint) Clean() bool { return t.remote == 0 && t.local == 0 && t.params == nil }

// Join merges two taints (union).
func (t Taint) Join(o Taint) Taint { return t.joinMasked(o, AllClasses) }

// joinMasked adds o's classes within mask, label by label.
func (t Taint) joinMasked(o Taint, mask Class) Taint {
	t.remote |= o.remote & mask
	t.local |= o.local & mask
	t.params = orParams(t.params, o.params, mask)
	return t
}

// orParams is a | (b & mask), label by label; it returns a itself when b
// adds nothing, and b itself when a is empty and the mask keeps all of b.
func orParams(a, b *paramClasses, mask Class) *paramClasses {
	if b == nil || a == b {
		return a
	}
	var out *paramClasses
	for i, c := range b {
		add := c & mask
		var cur Class
		if a != nil {
			cur = a[i]
		}
		if cur|add == cur {
			continue
		}
		if out == nil {
			if a == nil && coversParams(b, mask) {
				return b
			}
			out = new(paramClasses)
			if a != nil {
				*out = *a
			}
		}
		out[i] |= add
	}
	if out == nil {
		return a
	}
	return out
}

func coversParams(b *paramClasses, mask Class) bool {
	for _, c := range b {
		if c&^mask != 0 {
			return false
		}
	}
	return true
}

// Remove clears classes cs for every label (a sanitizer).
func (t Taint) Remove(cs Class) Taint {
	t.remote &^= cs
	t.local &^= cs
	if p := t.params; p != nil {
		changed, left := false, false
		for _, c := range p {
			changed = changed || c&cs != 0
			left = left || c&^cs != 0
		}
		switch {
		case !left:
			t.params = nil
		case changed:
			n := *p
			for i := range n {
				n[i] &^= cs
			}
			t.params = &n
		}
	}
	return t
}

// Remote returns the classes in which remote data is dangerous.
func (t *Taint) Remote() Class { return t.remote }

// Local returns the classes in which local data is dangerous.
func (t *Taint) Local() Class { return t.local & localClasses }

// Param returns the classes in which parameter i is dangerous.
func (t *Taint) Param(i int) Class {
	if t.params == nil || i < 0 || i >= maxParams {
		return 0
	}
	return t.params[i]
}

// anyParam reports whether some parameter is dangerous in a class of cs.
func (t *Taint) anyParam(cs Class) bool {
	if t.params != nil {
		for _, c := range t.params {
			if c&cs != 0 {
				return true
			}
		}
	}
	return false
}

// paramTaint returns a taint for parameter i.
func paramTaint(i int) Taint {
	var t Taint
	if i >= 0 && i < maxParams {
		t.params = &paramOnly[i]
	}
	return t
}

// Source describes where tainted data entered, for messages and traces.
type Source struct {
	What string // "Flask request.args", "sys.argv", ...
	Line int
	// Structured is set for parsed JSON (request.json, json.loads of request
	// data): its values may be dicts or lists, not only strings.
	Structured bool
	// Upload is set for uploaded files (request.files, FastAPI's
	// UploadFile): streams of the client's bytes, not paths.
	Upload bool
}

// Value is what the analyzer knows about an expression's value. Values are
// immutable once built; the interpreter shares them freely. They are its
// most frequent allocation: the fields are ordered so that a Value fills
// one 128-byte size class (TestValueSize).
type Value struct {
	// Const is the value when it is a known constant: string, int64, float64,
	// bool, or noneValue. nil means not known.
	Const any
	// Taint says which untrusted origins reach the value, per class.
	Taint Taint
	// Frag is the concatenation of the constant text fragments of a built
	// string (capped), so rules can recognise SQL or a URL's host.
	Frag string
	// Prefix is the leading constant text of a string, when known.
	Prefix string
	// Qual is the qualified name of what the value refers to: a module
	// ("subprocess"), a function ("os.system"), or an instance, written with
	// trailing parentheses ("sqlite3.connect()").
	Qual string
	// Elems holds container elements with constant keys (dict keys, tuple and
	// list indices as "0", "1", ...). Rest holds what any other key gives.
	Elems map[string]*Value
	Rest  *Value
	// Src is the first untrusted source, for messages.
	Src *Source
	// Fn is the function a value refers to, when it is one defined in the
	// analysed code (a def or a lambda).
	Fn *Function
	// Unsafe holds the classes for which some non-constant part of the value
	// is not known to be safe (parameters, unknown calls, tainted data).
	Unsafe Class
	// Built is set for strings assembled at run time (f-string, %, format, +,
	// join) from at least one non-constant part.
	Built bool
	// Norm is set on paths that went through realpath/abspath/normpath or
	// Path.resolve(), so a prefix check on them is meaningful.
	Norm bool
	// ParsedFrom is the argument node of the urlparse() call that produced
	// this value (0 when none), so a netloc check can narrow the URL itself.
	ParsedFrom NodeID
	// Lambda is the lambda expression a value refers to (0 when none); a
	// call to it evaluates the body with the arguments bound.
	Lambda NodeID
}

// Normalized reports whether v is a normalised path.
func (v *Value) Normalized() bool { return v != nil && v.Norm }

type noneType struct{}

var noneValue = noneType{}

// Shared immutable values.
var (
	unknownValue = &Value{Unsafe: AllClasses}
	cleanValue   = &Value{} // non-constant but safe: a number, a bool, a length
)

// Shared immutable constants: the most frequent ones (defaults, implicit
// returns, flags) need no allocation.
var (
	noneConst  = &Value{Const: noneValue}
	trueConst  = &Value{Const: true}
	falseConst = &Value{Const: false}
	emptyConst = &Value{Const: ""}
	zeroConst  = &Value{Const: int64(0)}
	oneConst   = &Value{Const: int64(1)}
)

func constValue(c any) *Value {
	switch c {
	case noneValue:
		return noneConst
	case true:
		return trueConst
	case false:
		return falseConst
	case "":
		return emptyConst
	case int64(0):
		return zeroConst
	case int64(1):
		return oneConst
	}
	v := &Value{Const: c}
	if s, ok := c.(string); ok {
		v.Prefix = s
		v.Frag = capFrag(s)
	}
	return v
}

// joinFrag is capFrag(a + " " + b), without building the part it would cut;
// an empty side adds nothing, not even the separator.
func joinFrag(a, b string) string {
	switch {
	case b == "":
		return capFrag(a) // nothing to separate: no allocation
	case a == "":
		return capFrag(b)
	}
	if len(a) >= maxFrag {
		return a[:maxFrag]
	}
	if n := len(a) + 1 + len(b); n > maxFrag {
		b = b[:maxFrag-len(a)-1]
	}
	return a + " " + b
}

// maxFrag caps Value.Frag.
const maxFrag = 512

func capFrag(s string) string {
	if len(s) > maxFrag {
		return s[:maxFrag]
	}
	return s
}

// maxConstLen bounds the constant strings the analyzer folds; a longer
// result (a = a + a, ten thousand times) is kept as a safe non-constant.
const maxConstLen = 1 << 16

// maxElems bounds how many constant keys a container tracks; further keys
// share the container's Rest.
const maxElems = 512

// IsConst reports whether the value is a known constant.
func (v *Value) IsConst() bool { return v != nil && v.Const != nil }

// Str returns the constant string value.
func (v *Value) Str() (string, bool) {
	if v == nil {
		return "", false
	}
	s, ok := v.Const.(string)
	return s, ok
}

// Tainted reports whether untrusted data may reach the value dangerously for
// class c (remote data for every class, local data for the code-execution
// classes).
func (v *Value) Tainted(c Class) bool {
	if v == nil {
		return false
	}
	return v.Taint.Remote()&c != 0 || v.Taint.Local()&c != 0
}

// Dangerous reports whether the value may be unsafe for class c at all.
func (v *Value) Dangerous(c Class) bool { return v != nil && (v.Unsafe&c != 0 || v.Tainted(c)) }

// maxJoinDepth bounds how deep join merges nested containers; below it the
// elements are summarised (their taint kept, their keys forgotten), so values
// built as DAGs (x = [x, x] on every path) cannot make a join exponential.
const maxJoinDepth = 6

// maxJoinWork bounds the container elements one join merges one by one; past
// it, the remaining nested containers are summarised.
const maxJoinWork = 1024

// join merges the values two control-flow paths may give.
func join(a, b *Value) *Value {
	work := maxJoinWork
	return joinDepth(a, b, 0, &work)
}

func joinDepth(a, b *Value, depth int, work *int) *Value {
	switch {
	case a == nil:
		return b
	case b == nil, a == b, absorbs(a, b, true):
		return a
	case absorbs(b, a, false):
		return b
	}
	return joinFields(a, b, depth, work)
}

// joinFields builds the join of two values field by field.
func joinFields(a, b *Value, depth int, work *int) *Value {
	out := &Value{
		Unsafe: a.Unsafe | b.Unsafe,
		Taint:  a.Taint.Join(b.Taint),
		Built:  a.Built || b.Built,
		Src:    a.Src,
	}
	if out.Src == nil {
		out.Src = b.Src
	}
	if a.Const != nil && a.Const == b.Const {
		out.Const = a.Const
	}
	out.Frag = joinFrag(a.Frag, b.Frag)
	out.Prefix = commonPrefix(a.Prefix, b.Prefix)
	if a.Qual == b.Qual {
		out.Qual = a.Qual
	}
	if a.Fn == b.Fn {
		out.Fn = a.Fn
	}
	if a.Lambda == b.Lambda {
		out.Lambda = a.Lambda
	}
	*work -= len(a.Elems) + len(b.Elems)
	if (depth >= maxJoinDepth || *work < 0 && depth > 0) && (a.Elems != nil || b.Elems != nil || a.Rest != nil || b.Rest != nil) {
		da, db := a.derived(), b.derived()
		out.Unsafe |= da.Unsafe | db.Unsafe
		out.Taint = out.Taint.Join(da.Taint).Join(db.Taint)
		out.Rest = &Value{Unsafe: out.Unsafe, Taint: out.Taint, Src: out.Src}
		out.Elems = map[string]*Value{}
		return out
	}
	if a.Elems != nil || b.Elems != nil {
		// In key order: once the work runs out, the elements joined later
		// are summarised, and which ones must not depend on map order.
		out.Elems = make(map[string]*Value, max(len(a.Elems), len(b.Elems)))
		var buf [16]string
		for _, k := range elemKeys(a.Elems, buf[:0]) {
			out.Elems[k] = joinDepth(a.Elems[k], b.elem(k), depth+1, work)
		}
		for _, k := range elemKeys(b.Elems, buf[:0]) {
			if _, done := out.Elems[k]; !done {
				out.Elems[k] = joinDepth(a.elem(k), b.Elems[k], depth+1, work)
			}
		}
	}
	if a.Rest != nil || b.Rest != nil {
		out.Rest = joinDepth(a.Rest, b.Rest, depth+1, work)
	}
	if out.Elems != nil || out.Rest != nil {
		// "request.get_json() or {}": the opaque side may hold any key.
		for _, side := range []*Value{a, b} {
			if side.Elems == nil && side.Rest == nil && side.Const == nil && (side.Unsafe != 0 || !side.Taint.Clean()) {
				out.Rest = joinDepth(out.Rest, side.derived(), depth+1, work)
			}
		}
	}
	return out
}

// absorbs reports whether the join of x with y, x being the first operand
// when first is set, would equal x field by field, so the join may return x
// itself instead of a copy (values are immutable). It answers false for
// containers, whose joins go element by element.
func absorbs(x, y *Value, first bool) bool {
	return x.Elems == nil && x.Rest == nil && y.Elems == nil && y.Rest == nil &&
		y.Unsafe&^x.Unsafe == 0 && y.Taint.remote&^x.Taint.remote == 0 && y.Taint.local&^x.Taint.local == 0 &&
		(x.Const == nil || x.Const == y.Const) && (!y.Built || x.Built) &&
		y.Frag == "" && len(x.Frag) <= maxFrag && (x.Prefix == "" || strings.HasPrefix(y.Prefix, x.Prefix)) &&
		(x.Qual == "" || x.Qual == y.Qual) && (x.Fn == nil || x.Fn == y.Fn) && (x.Lambda == 0 || x.Lambda == y.Lambda) &&
		!x.Norm && x.ParsedFrom == 0 &&
		(first && (x.Src != nil || y.Src == nil) || !first && (x.Src == y.Src || y.Src == nil)) &&
		orParams(x.Taint.params, y.Taint.params, AllClasses) == x.Taint.params
}

func commonPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:n]
}

// elem returns what element k of a container holds. k is a constant key
// ("s:name" for strings, "0" for indices) or "" for a key that is not known,
// which may select any element. A known container without the key and
// without unknown stores yields nothing dangerous.
func (v *Value) elem(k string) *Value {
	if v == nil {
		return nil
	}
	if k == "" {
		return v.anyElem()
	}
	if e, ok := v.Elems[k]; ok {
		return e
	}
	if v.Elems != nil || v.Rest != nil {
		if v.Rest != nil {
			return v.Rest
		}
		return cleanValue
	}
	return v.derived()
}

// anyElem returns the join of everything an element of v may hold. For a value
// that is not a known container, its elements carry its own taint.
func (v *Value) anyElem() *Value {
	if v == nil {
		return nil
	}
	if v.Elems == nil && v.Rest == nil {
		return v.derived()
	}
	var out *Value
	var buf [16]string
	for _, k := range elemKeys(v.Elems, buf[:0]) { // Frag and Src keep the first
		out = join(out, v.Elems[k])
	}
	if v.Rest != nil {
		out = join(out, v.Rest)
	}
	if out == nil {
		return cleanValue
	}
	return out
}

// derived returns a non-constant value carrying v's taint and unsafety: what
// a method result, an attribute or a slice of v holds.
func (v *Value) derived() *Value {
	if v == nil {
		return unknownValue
	}
	if v.Const == nil && v.Elems == nil && v.Rest == nil && v.Qual == "" && v.Fn == nil && !v.Built {
		return v
	}
	c := v.carry()
	if c == (carried{}) {
		return cleanValue // a constant other than a string
	}
	return &Value{Unsafe: c.Unsafe, Taint: c.Taint, Src: c.Src, Frag: c.Frag}
}

// carried is what derived() carries, for callers that only read it.
type carried struct {
	Unsafe Class
	Taint  Taint
	Src    *Source
	Frag   string
}

// carry returns the fields derived() would set, without allocating.
func (v *Value) carry() carried {
	switch {
	case v == nil:
		return carried{Unsafe: unknownValue.Unsafe}
	case v.Const != nil:
		if s, ok := v.Const.(string); ok {
			return carried{Frag: capFrag(s)}
		}
		return carried{}
	}
	out := carried{Unsafe: v.Unsafe, Taint: v.Taint, Src: v.Src, Frag: v.Frag}
	for _, e := range v.Elems {
		out.Unsafe |= e.Unsafe
		out.Taint = out.Taint.Join(e.Taint)
		out.Src = earlierSource(out.Src, e.Src)
	}
	if v.Rest != nil {
		out.Unsafe |= v.Rest.Unsafe
		out.Taint = out.Taint.Join(v.Rest.Taint)
		if out.Src == nil {
			out.Src = v.Rest.Src
		}
	}
	return out
}

// elemKeys returns the keys of a container's elements in order, in buf when
// it has room: what joins them must not depend on Go's map order.
func elemKeys(m map[string]*Value, buf []string) []string {
	for k := range m {
		buf = append(buf, k)
	}
	if len(buf) > 1 {
		slices.Sort(buf)
	}
	return buf
}

// earlierSource picks the source a message names among the elements of a
// container, independent of their order: the first in the file.
func earlierSource(a, b *Source) *Source {
	switch {
	case a == nil:
		return b
	case b == nil || a.Line < b.Line || a.Line == b.Line && a.What <= b.What:
		return a
	}
	return b
}

// sanitize returns v with classes cs made safe.
func (v *Value) sanitize(cs Class) *Value {
	if v == nil {
		return nil
	}
	if cs == AllClasses {
		return cleanValue
	}
	d := v.carry()
	return &Value{Unsafe: d.Unsafe &^ cs, Taint: d.Taint.Remove(cs), Src: d.Src, Frag: d.Frag}
}

// concat joins string parts left to right, as an f-string, %, format or +
// would.
func concat(parts ...*Value) *Value {
	out := &Value{}
	var b strings.Builder
	allConst := true
	prefixOpen := true
	long := false
	write := func(s string) {
		if b.Len()+len(s) > maxConstLen {
			long = true
			return
		}
		b.WriteString(s)
	}
	for _, p := range parts {
		if p == nil {
			p = unknownValue
		}
		if p.Const != nil {
			s, ok := p.Str()
			if !ok {
				s = constString(p.Const)
			}
			write(s)
			if prefixOpen {
				out.Prefix = capFrag(out.Prefix + s)
			}
			continue
		}
		allConst = false
		if prefixOpen {
			out.Prefix = capFrag(out.Prefix + p.Prefix)
			prefixOpen = false
		}
		d := p.carry()
		write(" ")
		write(p.Frag)
		write(" ")
		out.Unsafe |= d.Unsafe
		out.Taint = out.Taint.Join(d.Taint)
		if out.Src == nil {
			out.Src = d.Src
		}
	}
	if allConst {
		if long {
			// Too long to fold: safe, but no longer a known constant.
			return &Value{Frag: capFrag(b.String()), Prefix: out.Prefix}
		}
		return constValue(b.String())
	}
	out.Built = true
	out.Frag = capFrag(b.String())
	return out
}

func constString(c any) string {
	switch x := c.(type) {
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case noneType:
		return "None"
	case int64:
		return itoa(x)
	case float64:
		return ftoa(x)
	}
	return ""
}
