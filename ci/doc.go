// Package ci holds PatchPatrol's continuous-integration front ends and their
// tests: the GitHub composite action (action.yml at the repository root,
// with its shell in ci/github/run.sh) and the GitLab CI/CD job template
// (ci/gitlab/patchpatrol.gitlab-ci.yml).
//
// It has no Go API. Its tests parse the YAML as the CI services would, check
// the structure the services rely on, and run the shell against throwaway
// repositories with the environment the runners set, using a patchpatrol
// binary built from this module. Nothing here may change the repository it
// runs in.
package ci
