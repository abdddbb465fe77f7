package python

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/pathglob"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

var (
	todoRE = regexp.MustCompile(`\b(TODO|FIXME|XXX|HACK)\b`)
	// todoLeadRE accepts any case when the marker opens the comment and is
	// followed by a colon or an owner: "# todo: ...", "# Fixme(ana) ...".
	todoLeadRE   = regexp.MustCompile(`(?i)^#+\s*(todo|fixme|xxx|hack)\s*[:(]`)
	debuggerCall = map[string]bool{
		"builtins.breakpoint": true, "pdb.set_trace": true, "pdb.post_mortem": true, "pdb.pm": true, "pdb.run": true,
		"ipdb.set_trace": true, "ipdb.post_mortem": true, "pudb.set_trace": true, "pudb.start": true, "pdbpp.set_trace": true,
		"debugpy.breakpoint": true, "debugpy.wait_for_client": true, "rpdb.set_trace": true, "web_pdb.set_trace": true,
		"IPython.embed": true, "IPython.core.debugger.set_trace": true, "celery.contrib.rdb.set_trace": true,
		"remote_pdb.set_trace": true, "wdb.set_trace": true, "trepan.api.debug": true,
		"pytest.set_trace": true, "pdb.Pdb().set_trace": true, "sys.breakpointhook": true,
		"code.interact": true, "ptpython.repl.embed": true, "ptpython.embed": true, "pydevd.settrace": true,
		"pydevd_pycharm.settrace": true, "ipdb.pm": true, "pdb.runcall": true,
	}
	mutableCalls = map[string]bool{
		"builtins.list": true, "builtins.dict": true, "builtins.set": true, "builtins.bytearray": true,
		"collections.defaultdict": true, "collections.OrderedDict": true, "collections.Counter": true, "collections.deque": true,
	}
)

// staticQual resolves a callee without flow information: imports, builtins.
func (m *Module) staticQual(id NodeID) string {
	t := m.Tree
	switch t.Kind(id) {
	case KindIdentifier:
		name := t.Text(id)
		if q, ok := m.Imports[name]; ok {
			return q
		}
		if _, ok := m.TopFuncs[name]; ok {
			return m.Name + "." + name
		}
		if builtinNames[name] {
			return "builtins." + name
		}
	case KindAttribute:
		if base := m.staticQual(t.Child(id, FieldObject)); base != "" {
			return base + "." + t.Text(t.Child(id, FieldAttribute))
		}
	case KindCall:
		// __import__("pdb").set_trace() and importlib.import_module("pdb").
		switch q := m.staticQual(t.Child(id, FieldFunction)); q {
		case "builtins.__import__", "importlib.import_module":
			if s, ok := t.StringValue(t.FirstNamed(t.Child(id, FieldArguments))); ok {
				return s
			}
		case "":
		default:
			return q + "()" // an instance: pdb.Pdb().set_trace
		}
	case KindParenthesizedExpression:
		return m.staticQual(t.Unparen(id))
	}
	return ""
}

// quality runs the code-quality rules in one walk over the tree.
func (e *Engine) quality(m *Module) []finding.Finding {
	t := m.Tree
	var out []finding.Finding
	add := func(r *rules.Rule, node NodeID, msg string) {
		f := r.NewFinding(m.Path, t.Line(node), t.Column(node), msg)
		f.Engine = "builtin"
		f.Snippet = t.LineText(f.Line)
		out = append(out, f)
	}
	printOK := e.printAllowed(m.Path)
	for i := range t.Nodes {
		id := NodeID(i)
		switch t.Nodes[i].Kind {
		case KindCall:
			q := m.staticQual(t.Child(id, FieldFunction))
			if debuggerCall[q] {
				add(rules.DebuggerCall, id, fmt.Sprintf("%s() left in the code stops the program waiting for a debugger", strings.TrimPrefix(q, "builtins.")))
			}
			if q == "builtins.print" && !printOK && !inMainBlock(t, id) && !inMainFunction(t, id) {
				add(rules.PrintInLibrary, id, "print() in library code; use logging so callers can control output")
			}
		case KindExceptClause:
			typ := exceptType(t, id)
			if typ == None {
				add(rules.BareExcept, id, "bare except: also catches KeyboardInterrupt and SystemExit")
			}
			if swallows(t, id) && (typ == None || broadException(t, typ)) {
				add(rules.ExceptionSwallowed, id, "the exception is caught and ignored: failures here will go unnoticed")
			}
		case KindFunctionDefinition:
			fn := m.funcAt(id)
			if fn == nil {
				continue
			}
			for _, p := range fn.Params {
				if p.Default != None && isMutableDefault(m, p.Default) {
					add(rules.MutableDefault, p.Default, fmt.Sprintf("default %s for %s is created once and shared by every call", describe(t, p.Default), p.Name))
				}
			}
			if n := bodyLines(t, fn); n > e.opts.MaxFunctionLines {
				add(rules.FunctionTooLong, t.Child(id, FieldName), fmt.Sprintf("%s() has %d lines of code (limit %d)", fn.Name, n, e.opts.MaxFunctionLines))
			}
			if c := complexity(t, fn); c > e.opts.MaxComplexity {
				add(rules.FunctionTooComplex, t.Child(id, FieldName), fmt.Sprintf("%s() has cyclomatic complexity %d (limit %d)", fn.Name, c, e.opts.MaxComplexity))
			}
		case KindLambda:
			for _, p := range m.params(t.Child(id, FieldParameters)) {
				if p.Default != None && isMutableDefault(m, p.Default) {
					add(rules.MutableDefault, p.Default, fmt.Sprintf("default %s for %s is created once and shared by every call", describe(t, p.Default), p.Name))
				}
			}
		case KindComment:
			if !hasMarker(t.Text(id)) {
				continue
			}
			loc := todoRE.FindStringIndex(t.Text(id))
			if loc == nil {
				loc = todoLeadRE.FindStringSubmatchIndex(t.Text(id))
				if loc != nil {
					loc = loc[2:4]
				}
			}
			if loc != nil {
				word := t.Text(id)[loc[0]:loc[1]]
				add(rules.TodoComment, id, fmt.Sprintf("%s comment added: %s", word, describe(t, id)))
			}
		}
	}
	return out
}

func (e *Engine) printAllowed(p string) bool {
	for _, g := range e.opts.AllowPrintIn {
		if pathglob.Match(g, p) {
			return true
		}
	}
	return false
}

// hasMarker reports whether a comment may hold a TODO-style marker (any
// case), so that the regular expressions only run on the few that might.
func hasMarker(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		var rest string
		switch s[i] | 0x20 {
		case 't':
			rest = "odo"
		case 'f':
			rest = "ixme"
		case 'x':
			rest = "xx"
		case 'h':
			rest = "ack"
		default:
			continue
		}
		if len(s)-i-1 >= len(rest) && strings.EqualFold(s[i+1:i+1+len(rest)], rest) {
			return true
		}
	}
	return false
}

// inMainBlock reports whether id is inside `if __name__ == "__main__":`.
func inMainBlock(t *Tree, id NodeID) bool {
	for p := t.N(id).Parent; p != None; p = t.N(p).Parent {
		if t.Kind(p) == KindIfStatement {
			c := strings.ReplaceAll(t.Text(t.Child(p, FieldCondition)), "'", "\"")
			if strings.Contains(c, "__name__") && strings.Contains(c, "\"__main__\"") {
				return true
			}
		}
	}
	return false
}

// inMainFunction reports whether id is inside a command-line entry point:
// a function named main or cli, or one decorated as a click/typer command.
func inMainFunction(t *Tree, id NodeID) bool {
	for p := t.N(id).Parent; p != None; p = t.N(p).Parent {
		if t.Kind(p) != KindFunctionDefinition {
			continue
		}
		switch t.Text(t.Child(p, FieldName)) {
		case "main", "cli", "_main", "run_cli":
			return true
		}
		if dd := t.N(p).Parent; dd != None && t.Kind(dd) == KindDecoratedDefinition {
			txt := t.Text(dd)
			if strings.Contains(txt, ".command") || strings.Contains(txt, "@click.") || strings.Contains(txt, "@app.command") {
				return true
			}
		}
	}
	return false
}

func exceptType(t *Tree, clause NodeID) NodeID {
	for c := t.First(clause); c != None; c = t.N(c).NextSibling {
		n := t.N(c)
		if n.Named && n.Kind != KindBlock && n.Kind != KindComment {
			if n.Kind == KindAsPattern {
				return t.FirstNamed(c)
			}
			return c
		}
	}
	return None
}

func broadException(t *Tree, typ NodeID) bool {
	typ = t.Unparen(typ)
	switch t.Kind(typ) {
	case KindTuple, KindExpressionList:
		var kids []NodeID
		for _, k := range t.NamedChildren(typ, kids) {
			if broadException(t, k) {
				return true
			}
		}
		return false
	}
	switch t.Text(typ) {
	case "Exception", "BaseException", "builtins.Exception", "builtins.BaseException":
		return true
	}
	return false
}

// swallows reports whether an except clause's body only passes or continues.
func swallows(t *Tree, clause NodeID) bool {
	for c := t.First(clause); c != None; c = t.N(c).NextSibling {
		if t.Kind(c) != KindBlock {
			continue
		}
		any := false
		for s := t.First(c); s != None; s = t.N(s).NextSibling {
			switch t.Kind(s) {
			case KindComment:
			case KindPassStatement, KindContinueStatement:
				any = true
			case KindExpressionStatement:
				// "..." or a lone string (a comment written as one).
				if k := t.Kind(t.FirstNamed(s)); k != KindEllipsis && k != KindString {
					return false
				}
				any = true
			default:
				if t.N(s).Named {
					return false
				}
			}
		}
		return any
	}
	return false
}

func isMutableDefault(m *Module, d NodeID) bool {
	t := m.Tree
	switch t.Kind(d) {
	case KindList, KindDictionary, KindSet, KindListComprehension, KindDictionaryComprehension, KindSetComprehension:
		return true
	case KindCall:
		return mutableCalls[m.staticQual(t.Child(d, FieldFunction))]
	}
	return false
}

// bodyLines counts the lines of a function body that hold code: not blank,
// not comments, not the docstring. It walks the body's leaves once, in
// source order, moving a line cursor forward instead of searching. A line
// no leaf covers holds code only if it holds punctuation the flattener left
// out (a closing bracket on its own line).
func bodyLines(t *Tree, fn *Function) int {
	body := fn.Body()
	if body == None {
		return 0
	}
	var skipFrom, skipTo NodeID = -1, -1
	docFirst, docLast := -1, -1 // line indexes of the docstring
	if first := t.FirstNamed(body); first != None && t.Kind(first) == KindExpressionStatement && t.Kind(t.FirstNamed(first)) == KindString {
		skipFrom, skipTo = first, t.subtreeEnd(first)
		docFirst, docLast = t.Line(first)-1, t.EndLine(first)-1
	}
	count := 0
	// gap counts the uncovered lines from..to (inclusive) that hold
	// left-out punctuation.
	gap := func(from, to int) {
		for l := from; l <= to; l++ {
			if (l < docFirst || l > docLast) && punctuationLine(t, l) {
				count++
			}
		}
	}
	end := t.subtreeEnd(body)
	line := t.lineOf(t.N(body).Start) - 1 // index into lineStarts
	lastCounted := line - 1
	for id := body; id < end; id++ {
		if id >= skipFrom && id < skipTo {
			continue
		}
		n := &t.Nodes[id]
		if t.First(id) != None || n.End <= n.Start || n.Kind == KindComment {
			continue
		}
		for line+1 < len(t.lineStarts) && t.lineStarts[line+1] <= n.Start {
			line++
		}
		first := line
		for line+1 < len(t.lineStarts) && t.lineStarts[line+1] < n.End {
			line++
		}
		gap(lastCounted+1, first-1)
		for l := max(first, lastCounted+1); l <= line; l++ {
			count++
		}
		lastCounted = max(lastCounted, line)
	}
	gap(lastCounted+1, t.EndLine(body)-1)
	return count
}

// punctuationLine reports whether the line at index l holds punctuation the
// flattener left out of the tree.
func punctuationLine(t *Tree, l int) bool {
	return l >= 0 && l/64 < len(t.punct) && t.punct[l/64]&(1<<(l%64)) != 0
}

// complexity is McCabe's cyclomatic complexity of a function, not counting
// nested functions and classes.
func complexity(t *Tree, fn *Function) int {
	c := 1
	var walk func(id NodeID)
	walk = func(id NodeID) {
		switch t.Kind(id) {
		case KindFunctionDefinition, KindClassDefinition, KindLambda:
			if id != fn.Node {
				return
			}
		case KindIfStatement, KindElifClause, KindForStatement, KindWhileStatement, KindExceptClause,
			KindExceptGroupClause, KindWithStatement, KindAssertStatement, KindConditionalExpression,
			KindIfClause, KindCaseClause, KindForInClause:
			c++
		case KindBooleanOperator:
			c++
		}
		for ch := t.First(id); ch != None; ch = t.N(ch).NextSibling {
			walk(ch)
		}
	}
	walk(fn.Node)
	return c
}
