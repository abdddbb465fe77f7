package python

// env is the abstract state at one program point: what each local name may
// hold. A dead env is unreachable (after return, raise, break or abort()).
//
// Branches copy the state and joins merge it back, so an env is layered:
// its own bindings sit on a chain of frozen layers that copies share.
// Copying freezes the bindings made so far into a new shared layer, and a
// join of two envs that share a layer only looks at what either changed
// above it. Frozen layers are never written again.
//
// A layer holds its bindings in a short list while there are few, as most
// branches bind only a name or two (a lookup then compares names instead of
// hashing once per layer), and in a map once there are more than
// maxListBindings.
type env struct {
	list  []binding         // bindings made at this layer, while few
	own   map[string]*Value // all of them, once there are more
	base  *env              // frozen layers below, or nil
	depth int               // how many layers are below
	dead  bool
	// narrowed is set once a guard narrowed a pure expression ("§..." keys),
	// so reads of such expressions only look them up when it can matter.
	narrowed bool
}

// maxEnvDepth bounds the chain a lookup walks; a deeper env is flattened
// when it is next copied.
const maxEnvDepth = 6

// maxListBindings is how many bindings a layer keeps in its list before it
// moves them into a map.
const maxListBindings = 8

type binding struct {
	name string
	v    *Value
}

// lookup returns what this layer alone binds name to.
func (e *env) lookup(name string) (*Value, bool) {
	if e.own != nil {
		v, ok := e.own[name]
		return v, ok
	}
	for i := range e.list {
		if e.list[i].name == name {
			return e.list[i].v, true
		}
	}
	return nil, false
}

// size returns how many bindings this layer holds.
func (e *env) size() int {
	if e.own != nil {
		return len(e.own)
	}
	return len(e.list)
}

// layer calls fn with each binding of this layer alone.
func (e *env) layer(fn func(name string, v *Value)) {
	if e.own != nil {
		for k, v := range e.own {
			fn(k, v)
		}
		return
	}
	for _, b := range e.list {
		fn(b.name, b.v)
	}
}

// fromMap makes a layer of the bindings in m, which it takes over.
func fromMap(m map[string]*Value) *env {
	if len(m) > maxListBindings {
		return &env{own: m}
	}
	e := &env{}
	if len(m) > 0 {
		e.list = make([]binding, 0, len(m))
		for k, v := range m {
			e.list = append(e.list, binding{k, v})
		}
	}
	return e
}

// deletedValue marks, in a layer, a name deleted above a layer that binds it.
var deletedValue = &Value{}

func newEnv() *env { return &env{} }

// get returns what name is bound to, and whether it is bound.
func (e *env) get(name string) (*Value, bool) {
	for l := e; l != nil; l = l.base {
		if v, ok := l.lookup(name); ok {
			if v == deletedValue {
				return nil, false
			}
			return v, true
		}
	}
	return nil, false
}

// value returns what name is bound to, or nil.
func (e *env) value(name string) *Value {
	v, _ := e.get(name)
	return v
}

func (e *env) set(name string, v *Value) {
	if e.own != nil {
		e.own[name] = v
		return
	}
	for i := range e.list {
		if e.list[i].name == name {
			e.list[i].v = v
			return
		}
	}
	if len(e.list) < maxListBindings {
		if e.list == nil {
			e.list = make([]binding, 0, 4)
		}
		e.list = append(e.list, binding{name, v})
		return
	}
	e.own = make(map[string]*Value, 2*maxListBindings)
	for _, b := range e.list {
		e.own[b.name] = b.v
	}
	e.own[name] = v
	e.list = nil
}

// remove drops name from this layer alone.
func (e *env) remove(name string) {
	if e.own != nil {
		delete(e.own, name)
		return
	}
	for i := range e.list {
		if e.list[i].name == name {
			e.list = append(e.list[:i], e.list[i+1:]...)
			return
		}
	}
}

func (e *env) del(name string) {
	if e.base == nil {
		e.remove(name)
		return
	}
	e.set(name, deletedValue)
}

// all returns every binding, flattened into a new map.
func (e *env) all() map[string]*Value {
	if e.base == nil {
		m := make(map[string]*Value, e.size())
		e.layer(func(k string, v *Value) {
			if v != deletedValue {
				m[k] = v
			}
		})
		return m
	}
	var chain [maxEnvDepth + 2]*env
	layers := chain[:0]
	for l := e; l != nil; l = l.base {
		layers = append(layers, l)
	}
	m := make(map[string]*Value, layers[len(layers)-1].size()+8)
	for i := len(layers) - 1; i >= 0; i-- {
		layers[i].layer(func(k string, v *Value) {
			if v == deletedValue {
				delete(m, k)
			} else {
				m[k] = v
			}
		})
	}
	return m
}

// each calls fn with every binding.
func (e *env) each(fn func(name string, v *Value)) {
	if e.base == nil {
		e.layer(func(k string, v *Value) {
			if v != deletedValue {
				fn(k, v)
			}
		})
		return
	}
	// Layer by layer from the top, without building the flattened map: a
	// binding counts unless a layer above binds or deletes its name.
	for l := e; l != nil; l = l.base {
		l.layer(func(k string, v *Value) {
			for u := e; u != l; u = u.base {
				if _, ok := u.lookup(k); ok {
					return
				}
			}
			if v != deletedValue {
				fn(k, v)
			}
		})
	}
}

// freeze moves the bindings made at e into a frozen layer below it, which
// copies of e then share.
func (e *env) freeze() {
	if e.size() == 0 {
		return
	}
	if e.depth >= maxEnvDepth {
		e.base = fromMap(e.all())
		e.depth = 1
		e.own, e.list = nil, nil
		return
	}
	e.base = &env{list: e.list, own: e.own, base: e.base, depth: e.depth}
	e.depth++
	e.own, e.list = nil, nil
}

func (e *env) copy() *env {
	e.freeze()
	return &env{base: e.base, depth: e.depth, dead: e.dead, narrowed: e.narrowed}
}

// flat returns an env with e's bindings in one layer that shares nothing,
// for publishing to other goroutines.
func (e *env) flat() *env {
	out := fromMap(e.all())
	out.dead, out.narrowed = e.dead, e.narrowed
	return out
}

// shared returns the deepest frozen layer below both a and b, or nil.
func shared(a, b *env) *env {
	for x := a.base; x != nil; x = x.base {
		for y := b.base; y != nil; y = y.base {
			if x == y {
				return x
			}
		}
	}
	return nil
}

// joinEnv merges the states two paths reach a point with. A dead path
// contributes nothing; a name bound on one path only may still be unbound on
// the other, which the lookup treats as unknown, so it keeps the bound value.
func joinEnv(a, b *env) *env {
	// The result never shares a writable layer with an input: callers go
	// on to mutate it.
	switch {
	case a == nil || a.dead:
		if b == nil {
			return &env{dead: true}
		}
		return b.copy()
	case b == nil || b.dead:
		return a.copy()
	}
	common := shared(a, b)
	out := &env{base: common, narrowed: a.narrowed || b.narrowed}
	if common != nil {
		out.depth = common.depth + 1
	}
	// Only names some layer above the shared one binds can differ.
	merge := func(from *env) {
		for l := from; l != common; l = l.base {
			l.layer(func(k string, _ *Value) {
				if _, done := out.lookup(k); done {
					return
				}
				va, oka := a.get(k)
				vb, okb := b.get(k)
				switch {
				case oka && okb:
					out.set(k, join(va, vb))
				case oka:
					out.set(k, join(va, unboundValue))
				case okb:
					out.set(k, join(unboundValue, vb))
				default:
					out.set(k, deletedValue)
				}
			})
		}
	}
	merge(a)
	merge(b)
	if common == nil {
		// Without a shared layer, deletions have nothing to hide.
		var gone []string
		out.layer(func(k string, v *Value) {
			if v == deletedValue {
				gone = append(gone, k)
			}
		})
		for _, k := range gone {
			out.remove(k)
		}
	}
	return out
}

// unboundValue stands for a name that one path did not bind: whatever it held
// before, or nothing. It carries no taint; lookups fall back to the enclosing
// scopes for names a function never binds.
var unboundValue = &Value{}
