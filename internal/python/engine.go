package python

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/pool"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// Options configure the Python engine.
type Options struct {
	MaxFunctionLines int      // PP807 threshold; 0 means 60
	MaxComplexity    int      // PP808 threshold; 0 means 10
	AllowPrintIn     []string // path globs where print() is fine (PP802)
	// StepBudget bounds the interpreter's work per file, in evaluation steps
	// per byte of source (0 means 200, with a floor of one million steps).
	StepBudget int
	// Taint adds the project's own sources and sanitizers.
	Taint TaintConfig
	// Kinds are the kinds of finding to produce: finding.KindSecurity (the
	// interpreter, its taint and pattern rules) and finding.KindQuality (the
	// code-quality checks). Empty means both. A review in one mode drops the
	// other kind anyway, so the engine need not compute it.
	Kinds []finding.Kind

	taint taintTables // Taint, compiled by New
}

func (o Options) wants(k finding.Kind) bool {
	return len(o.Kinds) == 0 || slices.Contains(o.Kinds, k)
}

func (o Options) budget(size int) int {
	per := o.StepBudget
	if per <= 0 {
		per = 200
	}
	return max(1_000_000, per*size)
}

// Engine is the embedded Python analyzer.
type Engine struct {
	parser *Parser
	opts   Options
}

var _ analysis.Analyzer = (*Engine)(nil)

// New builds the engine.
func New(opts Options) (*Engine, error) {
	taint, err := opts.Taint.compile()
	if err != nil {
		return nil, fmt.Errorf("python engine: %w", err)
	}
	p, err := NewParser()
	if err != nil {
		return nil, fmt.Errorf("python engine: %w", err)
	}
	if opts.MaxFunctionLines <= 0 {
		opts.MaxFunctionLines = 60
	}
	if opts.MaxComplexity <= 0 {
		opts.MaxComplexity = 10
	}
	if opts.AllowPrintIn == nil {
		opts.AllowPrintIn = rules.DefaultAllowPrintIn
	}
	opts.taint = taint
	return &Engine{parser: p, opts: opts}, nil
}

// Close releases the parsers.
func (e *Engine) Close() { e.parser.Close() }

// Name implements analysis.Analyzer.
func (e *Engine) Name() string { return "python" }

// Analyze parses one Python file and runs every Python rule over it. Files
// that are not Python give an empty report.
func (e *Engine) Analyze(ctx context.Context, u *analysis.Unit) (analysis.Report, error) {
	if u.Language() != "python" {
		return analysis.Report{}, nil
	}
	reps, err := e.AnalyzeBatch(ctx, []*analysis.Unit{u})
	if err != nil {
		return analysis.Report{}, err
	}
	return reps[0], nil
}

// AnalyzeBatch analyses several Python files together, so calls between them
// use each other's summaries. The reports are in the order of units.
//
// Files are parsed over a pool of workers, one per CPU. The modules are then
// interpreted component by component (modules that import each other), as
// many at once as there are workers, each component once the ones it imports
// have finished; each batch keeps its own summaries (a callee in a module
// no lower component owns is summarised again where needed), and all report
// into one order-independent collector of findings.
func (e *Engine) AnalyzeBatch(ctx context.Context, units []*analysis.Unit) ([]analysis.Report, error) {
	reps := make([]analysis.Report, len(units))
	mods := make([]*Module, len(units))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(units)))
	err := pool.Each(ctx, len(units), workers, func(i int) error {
		u := units[i]
		if u.Language() != "python" {
			return nil
		}
		tree, err := e.parser.Parse(ctx, u.Content)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			reps[i].Notes = append(reps[i].Notes, analysis.Note{Path: u.Path, Text: "not analysed: " + err.Error()})
			return nil
		}
		if len(tree.ErrorLines) > 0 {
			reps[i].Notes = append(reps[i].Notes, analysis.Note{Path: u.Path,
				Text: fmt.Sprintf("syntax error near line %s; analysed what parsed", joinInts(tree.ErrorLines, 5))})
		}
		mods[i] = newModule(u.Path, tree)
		return nil
	})
	if err != nil {
		return nil, err
	}
	wantQuality := e.opts.wants(finding.KindQuality)
	if !e.opts.wants(finding.KindSecurity) {
		// Code quality alone: the checks read each tree on its own.
		err := pool.Each(ctx, len(mods), workers, func(i int) error {
			if mods[i] != nil && wantQuality {
				reps[i].Findings = e.quality(mods[i])
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		return reps, nil
	}
	var live []*Module
	byName := map[string]*Module{}
	for _, m := range mods {
		if m != nil {
			live = append(live, m)
			if _, dup := byName[m.Name]; !dup {
				byName[m.Name] = m
			}
		}
	}
	out := newCollector()
	quality := make([][]finding.Finding, len(units))
	index := map[*Module]int{}
	for i, m := range mods {
		if m != nil {
			index[m] = i
		}
	}
	suffix := suffixIndex(live)
	routes := routeConverters(live)
	reb := reboundAttrs(live)
	last := newBatch(ctx, e.opts, live, byName, out)
	last.suffix, last.routes, last.rebound = suffix, routes, reb
	comps := components(last, live)
	shared := &store{of: map[*Module]*component{}, slots: make(chan struct{}, workers)}
	for _, c := range comps {
		for _, m := range c.mods {
			shared.of[m] = c
		}
	}
	// A component starts once the components it imports at module level
	// have finished; the slots bound how many run at once. Goroutines queue
	// for a slot in the order started, earlier and bigger components first.
	var wg sync.WaitGroup
	for _, c := range comps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range c.deps {
				select {
				case <-d.done:
				case <-ctx.Done():
					return
				}
			}
			select {
			case shared.slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			// A fresh batch per component keeps each component's analysis
			// independent of which worker ran what before.
			a := newBatch(ctx, e.opts, live, byName, out)
			a.shared, a.self, a.suffix, a.routes, a.rebound = shared, c, suffix, routes, reb
			for _, m := range c.mods {
				i := index[m]
				complete := a.run(m)
				qs := trojanSource(m)
				if wantQuality {
					qs = append(e.quality(m), qs...)
				}
				if !complete && ctx.Err() == nil {
					reps[i].Notes = append(reps[i].Notes, analysis.Note{Path: m.Path,
						Text: "analysis stopped at its time budget; findings may be incomplete"})
				}
				quality[i] = qs
			}
			c.finish(a)
			<-shared.slots
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	batches := []*batch{last}
	// Findings about unknown data that only reach a sink through parameters
	// stand for functions no call site decided: entry points and public
	// APIs.
	for _, d := range out.uncalled() {
		batches[0].report(d.mod, d.node, d.spec.rule, d.sev, d.conf, d.msg, nil)
	}
	for i, m := range mods {
		if m != nil {
			reps[i].Findings = append(out.of(m), quality[i]...)
		}
	}
	return reps, nil
}

func joinInts(xs []int, limit int) string {
	var b strings.Builder
	for i, x := range xs {
		if i == limit {
			fmt.Fprintf(&b, " and %d more", len(xs)-limit)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d", x)
	}
	return b.String()
}
