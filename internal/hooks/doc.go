// Package hooks writes and removes PatchPatrol's native git hooks: small
// POSIX sh scripts in a repository's hooks directory that run the
// patchpatrol binary (`review-changes` for pre-commit, `review-message` for
// commit-msg).
//
// It takes in a hooks directory (the CLI asks git for it with `git rev-parse
// --git-path hooks`, which honours core.hooksPath and linked worktrees), a
// hook name and the rendered script, and gives out what it did: created,
// updated, unchanged or replaced a hook, removed or restored one, or left one
// alone.
//
// Every script it writes carries a marker line near the top:
//
//	# installed by patchpatrol v0.1.0; managed - do not edit
//
// A hook without that line belongs to someone else. Install refuses to
// overwrite it unless forced, and then keeps it as <hook>.patchpatrol-backup
// (or .patchpatrol-backup.2, .3, … when that name is taken: a backup is never
// overwritten). Uninstall removes only hooks with the marker, restores the
// newest backup when there is one, and leaves every other hook alone.
//
// Hooks are written to a temporary file in the same directory, made
// executable (0755) and renamed into place, so git never runs a half-written
// script. The package never runs git or the hooks, never reads outside the
// hooks directory, and keeps no state between calls.
package hooks
