// Package rules is PatchPatrol's rule catalog: one registry of plain values,
// each with its id, name, CWE, OWASP 2021 category, default severity and
// confidence, compliance impact, remediation and documentation.
//
// It takes in nothing and gives out rule metadata. Engines refer to their rules
// by the exported variables (rules.SQLStringBuilt) and never invent ids;
// reviewers look rules up by id or alias. The package must never hold the
// detection logic itself or any mutable state: All returns the same list on
// every call, and docs/rules.md is generated from it with
// `go generate ./internal/rules`.
package rules

//go:generate go run gendoc.go -o ../../docs/rules.md
