// Package baseline records the findings a team has accepted, so that reviews
// report only new ones.
//
// It takes in reviewed findings (to write a baseline) or a baseline file (to
// read one), and gives out a Set that marks accepted findings as suppressed
// with kind "baseline". A baselined finding stays in the result, counted, as
// every suppressed finding does.
//
// Matching is by fingerprint: rule, path and normalized flagged line, plus
// the occurrence index among identical lines of a file. A finding that moves
// within its file keeps its fingerprint; a changed line, another rule or
// another path is a new finding. The package depends only on finding; it
// never runs git, reads the work tree (other than the file it is given) or
// prints.
package baseline
