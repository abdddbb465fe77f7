package python

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"testing"
)

// TestEnvMatchesFlatModel drives layered envs and plain maps through the
// same random binds, deletes and copies, across the switch from a layer's
// list to its map: every env must agree with its model on every name, in
// get, all and each, and a copy must not see what the original binds after
// it (nor the other way round).
func TestEnvMatchesFlatModel(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	names := make([]string, 24)
	for i := range names {
		names[i] = fmt.Sprintf("n%d", i)
	}
	vals := make([]*Value, 8)
	for i := range vals {
		vals[i] = constValue(int64(i))
	}
	envs := []*env{newEnv()}
	models := []map[string]*Value{{}}
	check := func(step, i int) {
		e, m := envs[i], models[i]
		for _, n := range names {
			v, ok := e.get(n)
			if mv, mok := m[n]; ok != mok || v != mv {
				t.Fatalf("step %d, env %d: get(%s) = %v %v, want %v %v", step, i, n, v, ok, mv, mok)
			}
		}
		if all := e.all(); !maps.Equal(all, m) {
			t.Fatalf("step %d, env %d: all() = %v, want %v", step, i, all, m)
		}
		seen := map[string]*Value{}
		e.each(func(k string, v *Value) { seen[k] = v })
		if !maps.Equal(seen, m) {
			t.Fatalf("step %d, env %d: each() gave %v, want %v", step, i, seen, m)
		}
	}
	for step := 0; step < 5000; step++ {
		i := r.IntN(len(envs))
		switch op := r.IntN(10); {
		case op < 6:
			n, v := names[r.IntN(len(names))], vals[r.IntN(len(vals))]
			envs[i].set(n, v)
			models[i][n] = v
		case op < 8:
			n := names[r.IntN(len(names))]
			envs[i].del(n)
			delete(models[i], n)
		case op < 9:
			envs = append(envs, envs[i].copy())
			models = append(models, maps.Clone(models[i]))
		default:
			envs = append(envs, envs[i].flat())
			models = append(models, maps.Clone(models[i]))
		}
		for j := range envs {
			check(step, j)
		}
		if len(envs) > 12 {
			envs, models = envs[6:], models[6:]
		}
	}
}
