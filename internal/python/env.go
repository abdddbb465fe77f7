package python

// env is the abstract state at one program point: what each local name may
// hold. A dead env is unreachable (after return, raise, break or abort()).
type env struct {
	vars map[string]*Value
	dead bool
	// narrowed is set once a guard narrowed a pure expression ("§..." keys),
	// so reads of such expressions only look them up when it can matter.
	narrowed bool
}

func newEnv() *env { return &env{vars: make(map[string]*Value, 16)} }

func (e *env) copy() *env {
	c := &env{vars: make(map[string]*Value, len(e.vars)+4), dead: e.dead, narrowed: e.narrowed}
	for k, v := range e.vars {
		c.vars[k] = v
	}
	return c
}

// joinEnv merges the states two paths reach a point with. A dead path
// contributes nothing; a name bound on one path only may still be unbound on
// the other, which the lookup treats as unknown, so it keeps the bound value.
func joinEnv(a, b *env) *env {
	// The result never aliases an input: callers go on to mutate it.
	switch {
	case a == nil || a.dead:
		if b == nil {
			return &env{vars: map[string]*Value{}, dead: true}
		}
		return b.copy()
	case b == nil || b.dead:
		return a.copy()
	}
	out := &env{vars: make(map[string]*Value, len(a.vars)), narrowed: a.narrowed || b.narrowed}
	for k, va := range a.vars {
		if vb, ok := b.vars[k]; ok {
			out.vars[k] = join(va, vb)
		} else {
			out.vars[k] = join(va, unboundValue)
		}
	}
	for k, vb := range b.vars {
		if _, ok := a.vars[k]; !ok {
			out.vars[k] = join(unboundValue, vb)
		}
	}
	return out
}

// unboundValue stands for a name that one path did not bind: whatever it held
// before, or nothing. It carries no taint; lookups fall back to the enclosing
// scopes for names a function never binds.
var unboundValue = &Value{}
