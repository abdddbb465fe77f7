// Package review runs the engines over a change and turns their findings into
// one Result: it marks each finding against the diff, applies suppressions,
// dedupes, fingerprints, scores, and decides the verdict.
//
// It takes in a Request (units read from git by the caller, a commit message,
// a policy) and gives out a *Result. It never reads the work tree or runs git
// itself, never prints, and never drops a finding silently: suppressed and
// out-of-change findings stay in the Result, marked.
package review
