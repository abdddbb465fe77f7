// Package diff parses git's unified diffs into plain data (files, hunks,
// lines with old and new numbers) and indexes each file's changed lines, so
// later stages can mark every finding as inside or outside the change.
//
// It takes in diff text and gives out []File and *Lines. It never runs git,
// never reads the work tree, and never drops a finding: filtering marks.
package diff
