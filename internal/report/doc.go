// Package report turns a *review.Result into text for people and data for
// tools: a terminal summary (text), the public JSON contract (json), SARIF
// 2.1.0 for code-scanning services (sarif), a pull-request comment
// (markdown) and a self-contained page that loads nothing (html; the audit
// page is WriteAuditHTML, its charts are inline SVG drawn in svg.go).
//
// It takes in a finished Result and an io.Writer and gives out bytes; one
// Reporter per format, chosen by New. It must never read the work tree or
// the repository (a report shows what review decided, nothing else from the
// source), never print a value that the secrets stage did not already mask,
// never change the Result it is given, and never drop a finding silently:
// suppressed findings and findings outside the change are always counted.
package report
