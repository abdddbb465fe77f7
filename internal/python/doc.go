// Package python is the embedded Python analyzer. It takes in analysis.Units
// (a changed .py file's staged content and its changed lines) and gives out
// findings for the PP2xx–PP6xx security rules and the PP8xx quality rules of
// the catalog in internal/rules, plus notes for files it could analyse only
// in part (syntax errors recovered from, the step budget reached).
//
// Each file is parsed once into a flat Go tree with tree-sitter-python's
// node kinds, fields and ranges. A hand-written parser (hparse.go, hlex.go)
// builds that tree for source it accepts, several times faster than
// tree-sitter; everything else (syntax errors, Python 2 statements, type
// parameter lists, constructs tree-sitter reads differently by context) is
// parsed by tree-sitter, whose error recovery it does not copy.
// TestHandParserMatchesTreeSitter holds the two to identical trees. An
// abstract interpreter then runs module top levels and every function over
// abstract values (constants, per-class taint from request, local and
// parameter sources, containers with per-key elements), keeping
// interprocedural summaries so flows through helpers, methods and other
// files of the same batch are followed. Pattern rules and quality rules read
// the same tree; Options.Kinds limits the work to the kind of finding a
// review keeps (the interpreter for security, the quality checks for code
// quality). Results depend on neither scheduling nor Go's map order
// (TestFindingsDoNotDependOnMapOrder).
//
// It must never read the work tree or run processes, never panic on any
// input, and never run longer than its step budget per file: the budget and
// ctx bound every analysis, and FuzzAnalyze checks both.
package python
