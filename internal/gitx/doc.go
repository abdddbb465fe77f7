// Package gitx reads a repository through the git command line (os/exec,
// never a Go reimplementation of git): the staged change exactly as `git
// commit` would record it, a commit and its diff against the first parent,
// blob contents from the index or a commit, and where the commit message is.
//
// It takes in a directory and git revisions, and gives out diff.File values
// parsed by internal/diff, Commit metadata and Blob contents. Every command
// runs with the caller's environment (so GIT_INDEX_FILE from a hook is
// honoured), GIT_OPTIONAL_LOCKS=0, LC_ALL=C, and -c settings that make the
// output independent of the user's diff and colour configuration.
//
// It must never modify the index, the work tree, refs or config: only
// read-only commands run (rev-parse, diff-index --cached, diff-tree, show -s,
// cat-file, config --get, hash-object without -w). It never reads files of
// the work tree, and every command is killed when its context is cancelled.
package gitx
