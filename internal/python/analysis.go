package python

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// batch runs the interpreter over a set of modules. Several batches may run
// in parallel over the same modules (which are read-only): each keeps its own
// function summaries and module states, and all report into one collector.
// Nothing in a batch outlives the AnalyzeBatch call that made it.
type batch struct {
	ctx    context.Context
	opts   Options
	mods   []*Module
	byName map[string]*Module
	modEnv map[*Module]*env
	funcs  map[*Function]*funcInfo
	suffix map[string][]*Module // dotted-name suffix → modules, built on first use
	out    *collector
	// shared holds what other components finished; self is this batch's
	// component, and only those before it are visible to it.
	shared *store
	self   *component
	key    []byte // scratch for module
	// baseOf remembers each class's analysed bases (bases).
	baseOf map[classRef][]classRef
	// names holds the values of named things and their attributes (named).
	names  map[[2]string]*Value
	routes routeConv // URL patterns' converters over the whole batch (read-only)
	// rebound are attribute names stored outside __init__ (read-only).
	rebound rebound
	// argDests are each module's constrained argparse options (argparse.go).
	argDests map[*Module]map[string]bool
	steps    int
	budget   int
	depth    int
}

// funcInfo is one batch's knowledge of a function.
type funcInfo struct {
	state   funcState
	summary *summary
}

type findKey struct {
	mod  *Module
	rule string
	node NodeID
}

// collector gathers the findings of every batch. The same finding may be
// reported by several batches (a function analysed for its summary by
// another worker); merging keeps the most severe, then most confident, then
// the lexically first message, so the result does not depend on scheduling.
type collector struct {
	mu       sync.Mutex
	found    map[findKey]*finding.Finding
	called   map[*Function]bool
	deferred map[*Function][]deferredFinding
}

func newCollector() *collector {
	return &collector{found: map[findKey]*finding.Finding{}, called: map[*Function]bool{},
		deferred: map[*Function][]deferredFinding{}}
}

// defer records a function's deferred findings (once: every batch computes
// the same ones).
func (c *collector) deferFindings(fn *Function, ds []deferredFinding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.deferred[fn]; !ok {
		c.deferred[fn] = ds
	}
}

func (c *collector) markCalled(fn *Function) {
	c.mu.Lock()
	c.called[fn] = true
	c.mu.Unlock()
}

// uncalled returns the deferred findings of functions no call site reached.
func (c *collector) uncalled() []deferredFinding {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []deferredFinding
	for fn, ds := range c.deferred {
		if !c.called[fn] {
			out = append(out, ds...)
		}
	}
	return out
}

func (c *collector) add(k findKey, f *finding.Finding) {
	c.mu.Lock()
	defer c.mu.Unlock()
	old, ok := c.found[k]
	if !ok || preferred(f, old) {
		c.found[k] = f
	}
}

func preferred(a, b *finding.Finding) bool {
	if a.Severity != b.Severity {
		return a.Severity > b.Severity
	}
	if a.Confidence != b.Confidence {
		return a.Confidence > b.Confidence
	}
	if a.Message != b.Message {
		return a.Message < b.Message
	}
	if len(a.Trace) != len(b.Trace) {
		return len(a.Trace) < len(b.Trace)
	}
	// Equal otherwise: the first differing step decides, so that which
	// batch reported first never shows.
	for i := range a.Trace {
		x, y := &a.Trace[i], &b.Trace[i]
		switch {
		case x.Path != y.Path:
			return x.Path < y.Path
		case x.Line != y.Line:
			return x.Line < y.Line
		case x.Column != y.Column:
			return x.Column < y.Column
		case x.Message != y.Message:
			return x.Message < y.Message
		}
	}
	return false
}

// of returns the findings reported in module m, sorted by position.
func (c *collector) of(m *Module) []finding.Finding {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []finding.Finding
	for k, f := range c.found {
		if k.mod == m {
			out = append(out, *f)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.RuleID < b.RuleID
	})
	return out
}

// errBudget ends the analysis of a file that would take too long.
type errBudget struct{}

func newBatch(ctx context.Context, opts Options, mods []*Module, byName map[string]*Module, out *collector) *batch {
	return &batch{ctx: ctx, opts: opts, mods: mods, byName: byName, modEnv: map[*Module]*env{},
		funcs: map[*Function]*funcInfo{}, out: out}
}

// store gives batches the results of finished components. A batch sees
// only components of lower levels than its own, waiting for any that is not
// finished yet, so what it sees depends on the import graph alone, never on
// scheduling.
type store struct {
	of map[*Module]*component // read-only
	// slots bounds the batches running at once: a batch holds one while it
	// runs and gives it back while it waits.
	slots chan struct{}
}

// final returns m's finished component when this batch may use it, or nil
// when m is analysed here instead.
func (a *batch) final(m *Module) *component {
	if a.shared == nil {
		return nil
	}
	c := a.shared.of[m]
	if c == nil || !c.before(a.self) {
		return nil
	}
	select {
	case <-c.done:
		return c
	default:
	}
	// Waits only ever go to earlier components, so giving the slot back
	// while waiting cannot deadlock.
	<-a.shared.slots
	select {
	case <-c.done:
	case <-a.ctx.Done():
	}
	select {
	case a.shared.slots <- struct{}{}:
	case <-a.ctx.Done():
	}
	if a.ctx.Err() != nil {
		panic(errBudget{})
	}
	return c
}

// finish publishes a finished batch's results for the component it owned.
func (c *component) finish(a *batch) {
	c.envs = map[*Module]*env{}
	c.funcs = map[*Function]*summary{}
	own := map[*Module]bool{}
	for _, m := range c.mods {
		own[m] = true
		if e := a.modEnv[m]; e != nil {
			c.envs[m] = e
		}
	}
	for fn, fi := range a.funcs {
		if own[fn.Module] && fi.state == fsDone {
			c.funcs[fn] = fi.summary
		}
	}
	close(c.done)
}

// module finds an analysed module by a dotted name as an import writes it:
// exactly, relative to the importing module's package, or by a unique
// suffix (scripts that import siblings by their bare name).
func (a *batch) module(name string, from *Module) *Module {
	if strings.HasSuffix(name, ")") {
		return nil // an instance ("app.Client()"), never a module: spare the lookups
	}
	if m := a.byName[name]; m != nil {
		return m
	}
	if from != nil {
		if i := strings.LastIndexByte(from.Name, '.'); i > 0 {
			// The key is built in a reused buffer: a map lookup by a
			// converted byte slice does not allocate.
			a.key = append(append(append(a.key[:0], from.Name[:i]...), '.'), name...)
			if m := a.byName[string(a.key)]; m != nil {
				return m
			}
		}
	}
	if a.suffix == nil {
		a.suffix = suffixIndex(a.mods)
	}
	if ms := a.suffix[name]; len(ms) == 1 {
		return ms[0]
	}
	return nil
}

// suffixIndex maps every dotted-name suffix of the modules' names ("views"
// and "app.views" for "src.app.views") to the modules that end with it.
func suffixIndex(mods []*Module) map[string][]*Module {
	idx := map[string][]*Module{}
	for _, m := range mods {
		parts := strings.Split(m.Name, ".")
		for i := 1; i < len(parts); i++ {
			k := strings.Join(parts[i:], ".")
			idx[k] = append(idx[k], m)
		}
	}
	return idx
}

// importedValue is what a qualified name from an import refers to when it is
// a module-level name of an analysed module: its value there.
func (a *batch) importedValue(q string, from *Module) *Value {
	i := strings.LastIndexByte(q, '.')
	if i <= 0 {
		return nil
	}
	m := a.module(q[:i], from)
	if m == nil || m == from {
		return nil
	}
	name := q[i+1:]
	if fn := m.TopFuncs[name]; fn != nil {
		return &Value{Fn: fn, Qual: fn.Qual}
	}
	if _, ok := m.Classes[name]; ok {
		return &Value{Qual: m.Name + "." + name}
	}
	return a.global(m, name)
}

func (a *batch) info(fn *Function) *funcInfo {
	fi := a.funcs[fn]
	if fi == nil {
		fi = &funcInfo{}
		a.funcs[fn] = fi
	}
	return fi
}

// step counts work so every file's analysis stays bounded, and honours
// cancellation.
func (a *batch) step() {
	a.steps++
	if a.steps > a.budget {
		panic(errBudget{})
	}
	if a.steps&0xfff == 0 && a.ctx.Err() != nil {
		panic(errBudget{})
	}
}

// run interprets a module's top level, then every function in it. It
// returns false when the work budget ran out.
func (a *batch) run(m *Module) (complete bool) {
	a.steps = 0
	a.budget = a.opts.budget(len(m.Tree.Src))
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(errBudget); !ok {
				panic(r)
			}
			complete = false
		}
	}()
	a.runTop(m)
	for _, fn := range m.Funcs {
		a.analyzeFunc(fn)
	}
	return true
}

// runTop interprets a module's top level once per batch, leaving its final
// state as the module's globals.
func (a *batch) runTop(m *Module) {
	if _, done := a.modEnv[m]; done || a.final(m) != nil {
		return
	}
	fr := &frame{a: a, m: m, t: m.Tree, env: newEnv(), globals: map[string]bool{}, sum: &summary{}}
	a.modEnv[m] = fr.env // visible while it runs, for calls back into the module
	fr.execBlock(0)
	a.modEnv[m] = fr.env
	if fr.env.dead {
		live := *fr.env
		live.dead = false
		a.modEnv[m] = &live
	}
}

// global returns a module-level name's value as the module's top level left
// it, or nil. A module another worker owns has its top level interpreted
// here on first use.
func (a *batch) global(m *Module, name string) *Value {
	if c := a.final(m); c != nil {
		if e := c.envs[m]; e != nil {
			return e.value(name)
		}
		return nil
	}
	if _, ok := a.modEnv[m]; !ok {
		a.runTop(m)
	}
	if e := a.modEnv[m]; e != nil {
		return e.value(name)
	}
	return nil
}

func (a *batch) setGlobal(m *Module, name string, v *Value) {
	if a.final(m) != nil {
		return // a lower level's module: its state is final
	}
	if e := a.modEnv[m]; e != nil {
		e.set(name, join(e.value(name), v))
	}
}

// summary is what a function does with its parameters: which of them reach
// its return value (as param labels in ret) and which reach a sink.
type summary struct {
	ret   *Value
	sinks []paramSink
	// attrs are the attributes a method leaves on self ("self.x = ...")
	// in terms of its parameters; __init__'s make a new instance's fields.
	attrs map[string]*Value
	// guards are, per parameter, the classes it is safe for when the
	// function returns a true value (a validator); nil for most functions.
	guards []Class
}

// deferredFinding is a finding about data of unknown origin that reaches a
// sink only through a function's parameters. It is reported when no call
// site in the batch decides it (the function is an entry point or a public
// API), or by the call sites that pass unknown data.
type deferredFinding struct {
	mod  *Module
	node NodeID
	spec *sinkSpec
	msg  string
	sev  finding.Severity
	conf finding.Confidence
}

type paramSink struct {
	param int
	class Class
	spec  *sinkSpec
	mod   *Module
	node  NodeID // the sink call
	trace []finding.Step
	// elem, when set, is the element of the parameter that reaches the
	// sink ("0" for the program of an argument vector).
	elem string
	// unknown marks a sink the parameter reaches with data of unknown
	// origin: the finding waits for the call sites, which decide whether the
	// argument is a constant, safe, or unknown too.
	unknown bool
}

// analyzeFunc interprets a function with symbolic parameters, once, and
// stores its summary. Recursion ends at a function already running: its
// summary is then unknown at that call.
func (a *batch) analyzeFunc(fn *Function) *summary {
	if c := a.final(fn.Module); c != nil {
		return c.funcs[fn] // nil when its analysis did not finish
	}
	fi := a.info(fn)
	switch fi.state {
	case fsDone:
		return fi.summary
	case fsRunning:
		return nil
	}
	// Nested functions are analysed when their parent defines them; if a call
	// reaches one first, it is analysed without the parent's names.
	return a.runFunc(fn, nil)
}

func (a *batch) analyzeNested(fn *Function, parent *frame) {
	if a.info(fn).state != fsNew {
		return
	}
	outer := make(map[string]*Value, parent.env.size()+8)
	if parent.outer != nil {
		for k, v := range parent.outer {
			outer[k] = v
		}
	}
	parent.env.each(func(k string, v *Value) {
		outer[k] = v
	})
	a.runFunc(fn, outer)
}

func (a *batch) runFunc(fn *Function, outer map[string]*Value) *summary {
	if a.depth > 24 {
		return nil
	}
	fi := a.info(fn)
	fi.state = fsRunning
	a.depth++
	defer func() { a.depth-- }()
	m := fn.Module
	fr := &frame{a: a, m: m, t: m.Tree, fn: fn, outer: outer, env: newEnv(), globals: map[string]bool{}, sum: &summary{}}
	fr.labelled = make([]bool, len(fn.Params))
	for i, p := range fn.Params {
		v := a.paramValue(fr, fn, i, p)
		fr.env.set(p.Name, v)
		fr.labelled[i] = v.Taint.Param(i) != 0
	}
	a.onParams(fr, fn)
	fr.execBlock(fn.Body())
	ret := fr.ret
	if ret == nil || !fr.env.dead {
		ret = join(ret, constValue(noneValue))
	}
	if fn.Async || isGenerator(m.Tree, fn) {
		ret = ret.derived()
	}
	fi.summary = &summary{ret: ret, sinks: fr.sum.sinks}
	for _, g := range fr.guards {
		if g != 0 {
			fi.summary.guards = fr.guards
			break
		}
	}
	if fn.IsMethod() && len(fn.Params) > 0 && !fn.isStatic() {
		prefix := fn.Params[0].Name + "."
		fr.env.each(func(k string, v *Value) {
			if attr, ok := strings.CutPrefix(k, prefix); ok && !strings.Contains(attr, ".") {
				if fi.summary.attrs == nil {
					fi.summary.attrs = map[string]*Value{}
				}
				fi.summary.attrs[attr] = v
			}
		})
	}
	fi.state = fsDone
	a.out.deferFindings(fn, fr.deferred)
	return fi.summary
}

func isGenerator(t *Tree, fn *Function) bool {
	found := false
	var walk func(id NodeID)
	walk = func(id NodeID) {
		if found {
			return
		}
		switch t.Kind(id) {
		case KindYield:
			found = true
			return
		case KindFunctionDefinition, KindClassDefinition, KindLambda:
			if id != fn.Node {
				return
			}
		}
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			walk(c)
		}
	}
	walk(fn.Node)
	return found
}

// localNames returns the names a function binds anywhere in its own body
// (not in nested functions or classes).
func (a *batch) localNames(m *Module, fn *Function) map[string]bool {
	t := m.Tree
	out := map[string]bool{}
	for _, p := range fn.Params {
		out[p.Name] = true
	}
	var target func(id NodeID)
	target = func(id NodeID) {
		switch t.Kind(id) {
		case KindIdentifier:
			out[t.Text(id)] = true
		case KindPatternList, KindTuplePattern, KindListPattern, KindTuple, KindList, KindListSplatPattern, KindParenthesizedExpression, KindExpressionList:
			for c := t.First(id); c != None; c = t.N(c).NextSibling {
				target(c)
			}
		}
	}
	var walk func(id NodeID)
	walk = func(id NodeID) {
		switch t.Kind(id) {
		case KindFunctionDefinition, KindClassDefinition:
			if id != fn.Node {
				out[t.Text(t.Child(id, FieldName))] = true
				return
			}
		case KindLambda, KindListComprehension, KindSetComprehension, KindDictionaryComprehension, KindGeneratorExpression:
			return
		case KindAssignment, KindAugmentedAssignment:
			target(t.Child(id, FieldLeft))
		case KindForStatement, KindForInClause:
			target(t.Child(id, FieldLeft))
		case KindNamedExpression:
			target(t.Child(id, FieldName))
		case KindAsPattern:
			if al := t.Child(id, FieldAlias); al != None {
				target(t.FirstNamed(al))
			}
		case KindAliasedImport:
			out[t.Text(t.Child(id, FieldAlias))] = true
		case KindImportStatement, KindImportFromStatement:
			for c := t.First(id); c != None; c = t.N(c).NextSibling {
				if t.N(c).Field == FieldName && t.Kind(c) == KindDottedName {
					name := t.Text(c)
					if t.Kind(id) == KindImportStatement {
						name, _, _ = strings.Cut(name, ".")
					}
					out[name] = true
				}
			}
		}
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			walk(c)
		}
	}
	walk(fn.Node)
	return out
}

// report records a finding; the same rule at the same node keeps the most
// severe and most confident report.
func (a *batch) report(m *Module, node NodeID, rule *rules.Rule, sev finding.Severity, conf finding.Confidence, msg string, trace []finding.Step) {
	t := m.Tree
	k := findKey{m, rule.ID, node}
	f := rule.NewFinding(m.Path, t.Line(node), t.Column(node), msg)
	f.EndLine = t.EndLine(node)
	if f.EndLine-f.Line > 20 {
		f.EndLine = f.Line
	}
	f.Severity = sev
	f.Confidence = conf
	f.Engine = "builtin"
	f.Snippet = t.LineText(f.Line)
	f.Trace = trace
	a.out.add(k, &f)
}

// describe renders an expression for messages, shortened.
func describe(t *Tree, id NodeID) string {
	s := strings.Join(strings.Fields(t.Text(id)), " ")
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

func srcText(s *Source) string {
	if s == nil {
		return "untrusted input"
	}
	if s.Line > 0 {
		return fmt.Sprintf("%s (line %d)", s.What, s.Line)
	}
	return s.What
}
