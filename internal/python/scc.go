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

// waves orders modules for analysis: each wave is a list of strongly
// connected components of the module-level import graph (a component is a
// set of modules that import each other), and every module a component
// imports sits in an earlier wave. Components of one wave are analysed in
// parallel; later waves reuse the finished summaries. Lazy imports inside
// functions do not order initialisation and are left out, which keeps the
// components small.
func waves(a *batch, mods []*Module) [][][]*Module {
	idx := make(map[*Module]int, len(mods))
	for i, m := range mods {
		idx[m] = i
	}
	edges := make([][]int, len(mods))
	for i, m := range mods {
		for _, q := range m.importsList(true) {
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
	comp := tarjan(len(mods), edges)
	ncomp := 0
	for _, c := range comp {
		ncomp = max(ncomp, c+1)
	}
	members := make([][]*Module, ncomp)
	for i, m := range mods {
		members[comp[i]] = append(members[comp[i]], m)
	}
	// Tarjan numbers components so that dependencies come first; a
	// component's level is one more than its deepest dependency's.
	level := make([]int, ncomp)
	for c := 0; c < ncomp; c++ {
		for _, m := range members[c] {
			for _, d := range edges[idx[m]] {
				if dc := comp[d]; dc != c && level[dc]+1 > level[c] {
					level[c] = level[dc] + 1
				}
			}
		}
	}
	maxLevel := 0
	for _, l := range level {
		maxLevel = max(maxLevel, l)
	}
	out := make([][][]*Module, maxLevel+1)
	for c := 0; c < ncomp; c++ {
		ms := members[c]
		sort.Slice(ms, func(i, j int) bool { return ms[i].Path < ms[j].Path })
		out[level[c]] = append(out[level[c]], ms)
	}
	for _, w := range out {
		// Big components first, so the slowest work starts early.
		sort.SliceStable(w, func(i, j int) bool { return len(w[i]) > len(w[j]) })
	}
	return out
}
