package python

import (
	"math/rand/v2"
	"testing"
	"unsafe"
)

// TestValueSize keeps a Value within the 128-byte allocation size class: the
// interpreter allocates millions of them, and the next class is 144 bytes.
func TestValueSize(t *testing.T) {
	if n := unsafe.Sizeof(Value{}); n > 128 {
		t.Errorf("a Value is %d bytes; reorder or shrink its fields to fit 128", n)
	}
}

// flatTaint is the plain model of a Taint: one class set per label
// (remote, local, then the parameters).
type flatTaint [2 + maxParams]Class

func flatten(t Taint) flatTaint {
	var f flatTaint
	f[0], f[1] = t.remote, t.local
	for i := 0; i < maxParams; i++ {
		f[2+i] = t.Param(i)
	}
	return f
}

// TestTaintMatchesFlatModel drives the compact Taint and the flat model
// through the same random operations: they must agree label by label, the
// parameter array must be nil exactly when no parameter label is set, and no
// operation may write an array another taint holds.
func TestTaintMatchesFlatModel(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	randClass := func() Class {
		switch r.IntN(4) {
		case 0:
			return 0
		case 1:
			return AllClasses
		}
		return Class(r.Uint32()) & AllClasses
	}
	pool := []Taint{{}}
	model := []flatTaint{{}}
	for step := 0; step < 20000; step++ {
		a := r.IntN(len(pool))
		var got Taint
		want := model[a]
		switch r.IntN(5) {
		case 0:
			i := r.IntN(maxParams)
			got = paramTaint(i)
			want = flatTaint{}
			want[2+i] = AllClasses
		case 1:
			b := r.IntN(len(pool))
			got = pool[a].Join(pool[b])
			for l := range want {
				want[l] |= model[b][l]
			}
		case 2:
			b, mask := r.IntN(len(pool)), randClass()
			got = pool[a].joinMasked(pool[b], mask)
			for l := range want {
				want[l] |= model[b][l] & mask
			}
		case 3:
			cs := randClass()
			got = pool[a].Remove(cs)
			for l := range want {
				want[l] &^= cs
			}
		case 4:
			got = pool[a]
			got.remote |= randClass()
			want[0] = got.remote
		}
		if flatten(got) != want {
			t.Fatalf("step %d: got %v, want %v", step, flatten(got), want)
		}
		if (got.params == nil) != (want == flatTaint{want[0], want[1]}) {
			t.Fatalf("step %d: parameter array %v for labels %v", step, got.params, want)
		}
		if got.Clean() != (want == flatTaint{}) {
			t.Fatalf("step %d: Clean() = %v for %v", step, got.Clean(), want)
		}
		pool, model = append(pool, got), append(model, want)
		for i := range pool {
			if flatten(pool[i]) != model[i] {
				t.Fatalf("step %d: taint %d changed under another's operation", step, i)
			}
		}
		if len(pool) > 64 {
			pool, model = pool[32:], model[32:]
		}
	}
	for i := range paramOnly {
		for j, c := range paramOnly[i] {
			if (c != 0) != (i == j) {
				t.Fatalf("paramOnly[%d] was written: %v", i, paramOnly[i])
			}
		}
	}
}

// TestAbsorbsMatchesJoin checks join's shortcut: whenever absorbs says a
// join would give back one operand unchanged, the full field-by-field join
// equals that operand.
func TestAbsorbsMatchesJoin(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	srcs := []*Source{nil, {What: "a", Line: 1}, {What: "b", Line: 2}}
	fns := []*Function{nil, {}, {}}
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	random := func() *Value {
		v := &Value{Unsafe: Class(r.IntN(4)), Built: r.IntN(3) == 0, Norm: r.IntN(6) == 0,
			Src: srcs[r.IntN(len(srcs))], Fn: fns[r.IntN(len(fns))], Lambda: NodeID(r.IntN(2)),
			ParsedFrom: NodeID(r.IntN(2) * r.IntN(2)),
			Frag:       pick("", "", "x", "select"), Prefix: pick("", "", "a", "ab"), Qual: pick("", "", "q", "r")}
		switch r.IntN(4) {
		case 0:
			v.Const = pick("a", "ab")
		case 1:
			v.Const = int64(r.IntN(2))
		}
		v.Taint.remote, v.Taint.local = Class(r.IntN(4)), Class(r.IntN(2))
		if r.IntN(2) == 0 {
			v.Taint = v.Taint.Join(paramTaint(r.IntN(2)))
		}
		return v
	}
	same := func(x, y *Value) bool {
		return x.Const == y.Const && flatten(x.Taint) == flatten(y.Taint) && x.Frag == y.Frag && x.Prefix == y.Prefix &&
			x.Qual == y.Qual && x.Src == y.Src && x.Fn == y.Fn && x.Unsafe == y.Unsafe && x.Built == y.Built &&
			x.Norm == y.Norm && x.ParsedFrom == y.ParsedFrom && x.Lambda == y.Lambda && x.Elems == nil && y.Elems == nil &&
			x.Rest == nil && y.Rest == nil
	}
	hits := 0
	for i := 0; i < 200000; i++ {
		a, b := random(), random()
		work := maxJoinWork
		full := joinFields(a, b, 0, &work)
		if absorbs(a, b, true) {
			hits++
			if !same(full, a) {
				t.Fatalf("absorbs(a, b, true) but join(a, b) = %+v, a = %+v, b = %+v", full, a, b)
			}
		}
		if absorbs(b, a, false) {
			hits++
			if !same(full, b) {
				t.Fatalf("absorbs(b, a, false) but join(a, b) = %+v, a = %+v, b = %+v", full, a, b)
			}
		}
	}
	if hits < 100 {
		t.Fatalf("only %d shortcuts in 200000 random joins: the test no longer exercises absorbs", hits)
	}
}

// TestCarryMatchesDerived checks that carry gives the fields derived sets,
// for plain values, constants, containers and nil.
func TestCarryMatchesDerived(t *testing.T) {
	src := &Source{What: "s", Line: 3}
	tainted := &Value{Unsafe: ClassSQL, Src: src}
	tainted.Taint.remote = ClassSQL
	values := []*Value{nil, cleanValue, unknownValue, constValue("abc"), constValue(int64(7)), tainted,
		{Qual: "os.path", Frag: "x"}, {Built: true, Frag: "select", Taint: paramTaint(2)},
		{Elems: map[string]*Value{"s:a": tainted, "0": constValue("q")}, Rest: &Value{Unsafe: ClassPath}},
		{Elems: map[string]*Value{}, Rest: tainted, Src: &Source{What: "t", Line: 1}}}
	for i, v := range values {
		d, c := v.derived(), v.carry()
		if d.Unsafe != c.Unsafe || flatten(d.Taint) != flatten(c.Taint) || d.Src != c.Src || d.Frag != c.Frag {
			t.Errorf("value %d: derived %+v, carry %+v", i, d, c)
		}
	}
}
