package python

import (
	"sort"
	"strings"
)

// tarjan returns, for each of n nodes, the index of its strongly connected
// component; components are numbered in reverse topological order (a
// component's dependencies get lower numbers).
func tarjan(n int, edges [][]int) []int {
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	comp := make([]int, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	next, ncomp := 0, 0
	// An explicit stack keeps deep import chains from overflowing.
	type frame struct{ v, edge int }
	for root := 0; root < n; root++ {
		if index[root] >= 0 {
			continue
		}
		work := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(work) > 0 {
			top := &work[len(work)-1]
			v := top.v
			if top.edge < len(edges[v]) {
				w := edges[v][top.edge]
				top.edge++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					work = append(work, frame{w, 0})
				} else if onStack[w] && index[w] < low[v] {
					low[v] = index[w]
				}
				continue
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = ncomp
					if w == v {
						break
					}
				}
				ncomp++
			}
			work = work[:len(work)-1]
			if len(work) > 0 {
				if p := work[len(work)-1].v; low[v] < low[p] {
					low[p] = low[v]
				}
			}
		}
	}
	return comp
}

// component is a strongly connected set of modules of the module-level
// import graph (modules that import each other), analysed together by one
// batch. Its level is one more than its deepest dependency's; lazy imports
// inside functions do not order initialisation and are left out, which keeps
// components small.
type component struct {
	mods []*Module
	// rank numbers the component's strongly connected set in the full
	// import graph (lazy imports included) so that whatever a component
	// imports, directly or not, has a lower rank unless the two import each
	// other through some chain.
	rank  int
	level int
	deps  []*component
	// done is closed once envs and funcs hold the component's final module
	// states and summaries; they are read-only afterwards.
	done  chan struct{}
	envs  map[*Module]*env
	funcs map[*Function]*summary
}

// before is the order in which batches see each other's results: a batch
// uses the finished results of components before its own, waiting for them
// if need be, and analyses the others' modules itself. Imports, direct or
// lazy, point to earlier components wherever they do not close a cycle; as
// every wait goes to an earlier component, no set of batches can wait for
// each other, and what a batch sees depends on the import graph alone.
func (c *component) before(d *component) bool {
	if c.rank != d.rank {
		return c.rank < d.rank
	}
	return c.level < d.level
}

// components splits the modules into components, ordered for scheduling:
// earlier components first, then bigger ones, so the slowest work starts
// early.
func components(a *batch, mods []*Module) []*component {
	idx := make(map[*Module]int, len(mods))
	for i, m := range mods {
		idx[m] = i
	}
	edges := importEdges(a, mods, idx, true)
	full := tarjan(len(mods), importEdges(a, mods, idx, false))
	comp := tarjan(len(mods), edges)
	ncomp := 0
	for _, c := range comp {
		ncomp = max(ncomp, c+1)
	}
	out := make([]*component, ncomp)
	for c := range out {
		out[c] = &component{done: make(chan struct{})}
	}
	for i, m := range mods {
		out[comp[i]].mods = append(out[comp[i]].mods, m)
		// Every module of a component lies in the same component of the
		// full graph, which has more edges.
		out[comp[i]].rank = full[i]
	}
	// Tarjan numbers components so that dependencies come first.
	for c, oc := range out {
		seen := map[*component]bool{}
		for _, m := range oc.mods {
			for _, d := range edges[idx[m]] {
				dc := out[comp[d]]
				if comp[d] == c || seen[dc] {
					continue
				}
				seen[dc] = true
				oc.deps = append(oc.deps, dc)
				oc.level = max(oc.level, dc.level+1)
			}
		}
	}
	for _, c := range out {
		sort.Slice(c.mods, func(i, j int) bool { return c.mods[i].Path < c.mods[j].Path })
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].before(out[j]) || out[j].before(out[i]) {
			return out[i].before(out[j])
		}
		if len(out[i].mods) != len(out[j].mods) {
			return len(out[i].mods) > len(out[j].mods)
		}
		return out[i].mods[0].Path < out[j].mods[0].Path
	})
	return out
}

// importEdges lists, for each module, the analysed modules it imports: at
// module level only when top is set, else also inside functions.
func importEdges(a *batch, mods []*Module, idx map[*Module]int, top bool) [][]int {
	edges := make([][]int, len(mods))
	for i, m := range mods {
		for _, q := range m.importsList(top) {
			for d := q; d != ""; {
				if dm := a.module(d, m); dm != nil {
					if dm != m {
						edges[i] = append(edges[i], idx[dm])
					}
					break
				}
				j := strings.LastIndexByte(d, '.')
				if j < 0 {
					break
				}
				d = d[:j]
			}
		}
	}
	return edges
}
