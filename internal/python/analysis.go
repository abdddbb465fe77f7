package python

import (
	"context"
	"fmt"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// analysis runs the interpreter over a set of modules and collects findings.
// One analysis serves one batch of files; nothing in it outlives the batch.
type batch struct {
	ctx     context.Context
	opts    Options
	mods    []*Module
	byName  map[string]*Module
	modEnv  map[*Module]*env
	found   map[findKey]int
	results map[*Module][]finding.Finding
	steps   int
	budget  int
	depth   int
}

type findKey struct {
	mod  *Module
	rule string
	node NodeID
}

// errBudget ends the analysis of a file that would take too long.
type errBudget struct{}

func newBatch(ctx context.Context, opts Options, mods []*Module) *batch {
	a := &batch{ctx: ctx, opts: opts, mods: mods, byName: map[string]*Module{}, modEnv: map[*Module]*env{},
		found: map[findKey]int{}, results: map[*Module][]finding.Finding{}}
	for _, m := range mods {
		a.byName[m.Name] = m
	}
	return a
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
	fr := &frame{a: a, m: m, t: m.Tree, env: newEnv(), globals: map[string]bool{}, sum: &summary{}}
	a.modEnv[m] = fr.env
	fr.execBlock(0)
	a.modEnv[m] = fr.env
	if fr.env.dead {
		a.modEnv[m] = &env{vars: fr.env.vars}
	}
	for _, fn := range m.Funcs {
		a.analyzeFunc(fn)
	}
	return true
}

// global returns a module-level name's value as the module's top level left
// it, or nil.
func (a *batch) global(m *Module, name string) *Value {
	if e := a.modEnv[m]; e != nil {
		return e.vars[name]
	}
	return nil
}

func (a *batch) setGlobal(m *Module, name string, v *Value) {
	if e := a.modEnv[m]; e != nil {
		e.vars[name] = join(e.vars[name], v)
	}
}

// summary is what a function does with its parameters: which of them reach
// its return value (as param labels in ret) and which reach a sink.
type summary struct {
	ret   *Value
	sinks []paramSink
}

type paramSink struct {
	param int
	class Class
	spec  *sinkSpec
	mod   *Module
	node  NodeID // the sink call
	trace []finding.Step
}

// analyzeFunc interprets a function with symbolic parameters, once, and
// stores its summary. Recursion ends at a function already running: its
// summary is then unknown at that call.
func (a *batch) analyzeFunc(fn *Function) *summary {
	switch fn.state {
	case fsDone:
		return fn.summary
	case fsRunning:
		return nil
	}
	if fn.Parent != nil && fn.summary == nil {
		// Nested functions are analysed when their parent defines them; if a
		// call reaches one first, analyse it without the parent's names.
		return a.runFunc(fn, nil)
	}
	return a.runFunc(fn, nil)
}

func (a *batch) analyzeNested(fn *Function, parent *frame) {
	if fn.state != fsNew {
		return
	}
	outer := make(map[string]*Value, len(parent.env.vars))
	if parent.outer != nil {
		for k, v := range parent.outer {
			outer[k] = v
		}
	}
	for k, v := range parent.env.vars {
		outer[k] = v
	}
	a.runFunc(fn, outer)
}

func (a *batch) runFunc(fn *Function, outer map[string]*Value) *summary {
	if a.depth > 24 {
		return nil
	}
	fn.state = fsRunning
	a.depth++
	m := fn.Module
	fr := &frame{a: a, m: m, t: m.Tree, fn: fn, outer: outer, env: newEnv(), globals: map[string]bool{}, sum: &summary{}}
	if fn.entry == entryUnknown {
		fn.entry = a.entryKind(fn)
	}
	for i, p := range fn.Params {
		fr.env.vars[p.Name] = a.paramValue(fr, fn, i, p)
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
	fn.summary = &summary{ret: ret, sinks: fr.sum.sinks}
	fn.state = fsDone
	a.depth--
	return fn.summary
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
		for c := t.N(id).FirstChild; c != None; c = t.N(c).NextSibling {
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
			for c := t.N(id).FirstChild; c != None; c = t.N(c).NextSibling {
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
			for c := t.N(id).FirstChild; c != None; c = t.N(c).NextSibling {
				if t.N(c).Field == FieldName && t.Kind(c) == KindDottedName {
					name := t.Text(c)
					if t.Kind(id) == KindImportStatement {
						name, _, _ = strings.Cut(name, ".")
					}
					out[name] = true
				}
			}
		}
		for c := t.N(id).FirstChild; c != None; c = t.N(c).NextSibling {
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
	if i, ok := a.found[k]; ok {
		old := &a.results[m][i]
		if sev > old.Severity || (sev == old.Severity && conf > old.Confidence) {
			a.results[m][i] = f
		}
		return
	}
	a.found[k] = len(a.results[m])
	a.results[m] = append(a.results[m], f)
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
