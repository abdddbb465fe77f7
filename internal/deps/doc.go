// Package deps checks Python dependency manifests for vulnerable, malicious
// and typo-squatted packages.
//
// It takes in analysis Units (changed files read from git) and recognises
// the manifests among them: requirements*.txt and the files they include
// with -r/-c, constraints*.txt, pyproject.toml ([project] dependencies and
// optional groups, [dependency-groups], [build-system] requires, Poetry and
// uv sections), poetry.lock, uv.lock, Pipfile, Pipfile.lock and setup.cfg.
// Each requirement keeps its file and line. Versions and specifiers follow
// PEP 440, names PEP 503. Advisories come from a Source: the OSV API (with a
// cache in the user's cache directory), a local store filled by
// `patchpatrol db update`, or both; ranges are evaluated with the OSV
// schema's ECOSYSTEM semantics. It gives out findings of the PP9xx rules
// (vulnerable pin, vulnerable range, malicious package, likely typo-squat)
// and coverage notes that say when advisory data could not be had.
//
// It must never read the work tree or run git, never block a review on the
// network (every request has a short deadline and a failure only becomes a
// note), never send anything but package names to the advisory service, and
// never panic on any input.
package deps
