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
