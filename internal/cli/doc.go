// Package cli turns command lines into reviews: it parses flags, resolves
// settings (flags > environment > config file > defaults), reads the change
// from git, runs the review, writes the report and maps the outcome to an
// exit code.
//
// It takes in arguments, the environment and standard streams, and gives out
// an exit code. It must never modify the index or the work tree, never exit
// the process itself (main does), and never exit 0 without saying what was
// reviewed.
package cli
