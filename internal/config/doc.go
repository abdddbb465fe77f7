// Package config reads PatchPatrol's settings and resolves them by precedence:
// flags > environment > config file > defaults.
//
// It takes in a repository root (to discover .patchpatrol.toml, or
// pyproject.toml with a [tool.patchpatrol] table), an optional explicit config
// path, an environment lookup function and the values of command-line flags.
// It gives out a validated *File, warnings (unknown keys with "did you mean"
// suggestions, ignored keys) and *Settings holding every effective value with
// the Source it came from. Every failure is an *Error naming the file, line
// and key, or the environment variable, and saying what to write instead.
//
// Repository config is untrusted for endpoints and credentials: base_url and
// [patchpatrol.env] stay in File.Untrusted and reach Settings only through
// ApplyUntrusted, which the CLI calls only with --trust-repo-config.
//
// It must never apply credentials from a repository, read os.Getenv directly
// (the caller passes getenv), resolve rule ids against the catalog (review
// does), write any file, or panic on any input.
package config
