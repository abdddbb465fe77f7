#!/usr/bin/env bash
# PatchPatrol in GitHub Actions (called by action.yml; runnable by hand).
#
# Works out which commits to audit, runs `patchpatrol audit` on them, and
# writes the outcome as step outputs. Everything comes from the environment:
#
#   PP_BIN          the patchpatrol binary (default: patchpatrol on PATH)
#   PP_MODE         security (default) or code-quality
#   PP_HARD         true: exit 1 when the audit does not approve
#   PP_THRESHOLD    approval threshold (default: the configured one)
#   PP_FORMAT       report format (default sarif)
#   PP_OUTPUT       report file (default: patchpatrol.sarif, or by format)
#   PP_RANGE        commits to audit; default, in this order:
#                     PP_PR_BASE..PP_PR_HEAD         a pull request's commits
#                     PP_PUSH_BEFORE..PP_PUSH_AFTER  a push's commits
#                     origin/PP_DEFAULT_BRANCH..HEAD a new branch (before is all zeros)
#                     HEAD~1..HEAD                   otherwise (HEAD for a root commit)
#   PP_ARGS         more arguments for `patchpatrol audit`, split on whitespace
#   PP_DEFER_EXIT   true: exit 0 once the report is written and leave the
#                   verdict in the exit-code output, so that the SARIF upload
#                   runs before a later step fails the job (action.yml does this)
#
# Outputs (appended to $GITHUB_OUTPUT when set): range, report-file,
# sarif-file (when the format is sarif), repo-root, exit-code, blocked.
#
# A pull request's range is base..head (two dots): the commits the pull
# request adds, not the base branch's new commits (base...head would list
# both sides to `git log`).
set -uo pipefail

bin=${PP_BIN:-patchpatrol}
mode=${PP_MODE:-security}
format=${PP_FORMAT:-sarif}
hard=${PP_HARD:-false}
threshold=${PP_THRESHOLD:-}
range=${PP_RANGE:-}
defer=${PP_DEFER_EXIT:-false}

say() { printf 'patchpatrol: %s\n' "$*" >&2; }

output() {
  say "output $1=$2"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

is_true() {
  case "${1,,}" in
    true | 1 | yes | on) return 0 ;;
  esac
  return 1
}

is_zero_sha() { [[ $1 =~ ^0+$ ]]; }

has_commit() { git rev-parse -q --verify "$1^{commit}" >/dev/null 2>&1; }

# missing COMMIT: stop with what to do.
missing() {
  say "commit $1 is not in this clone."
  if [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = true ]; then
    say "the clone is shallow: check out with full history (actions/checkout with fetch-depth: 0)."
  fi
  exit 2
}

# fallback_range HEAD: the commits of a branch whose base is not known.
fallback_range() {
  local head=$1 def=${PP_DEFAULT_BRANCH:-}
  if [ -n "$def" ] && has_commit "refs/remotes/origin/$def" &&
    [ "$(git rev-parse "refs/remotes/origin/$def^{commit}")" != "$(git rev-parse "$head^{commit}")" ] &&
    git merge-base "refs/remotes/origin/$def" "$head" >/dev/null 2>&1; then
    echo "origin/$def..$head"
  elif has_commit "$head~1"; then
    echo "$head~1..$head"
  else
    echo "$head"
  fi
}

resolve_range() {
  if [ -n "$range" ]; then
    echo "$range"
    return
  fi
  local base=${PP_PR_BASE:-} head=${PP_PR_HEAD:-}
  if [ -n "$base" ] && [ -n "$head" ]; then
    has_commit "$base" || missing "$base"
    has_commit "$head" || missing "$head"
    echo "$base..$head"
    return
  fi
  local before=${PP_PUSH_BEFORE:-} after=${PP_PUSH_AFTER:-}
  if [ -n "$after" ]; then
    has_commit "$after" || missing "$after"
    if [ -n "$before" ] && ! is_zero_sha "$before"; then
      if has_commit "$before"; then
        echo "$before..$after"
        return
      fi
      say "the push's previous head $before is not in this clone (a force push?); auditing the branch instead"
    fi
    fallback_range "$after"
    return
  fi
  fallback_range HEAD
}

git rev-parse --git-dir >/dev/null 2>&1 || {
  say "$(pwd) is not a git repository: check out the repository first (actions/checkout with fetch-depth: 0)"
  exit 2
}
range=$(resolve_range) || exit $?

out=${PP_OUTPUT:-}
if [ -z "$out" ]; then
  case "$format" in
    sarif) out=patchpatrol.sarif ;;
    gitlab) out=gl-code-quality-report.json ;;
    markdown) out=patchpatrol.md ;;
    text) out=patchpatrol.txt ;;
    *) out=patchpatrol.$format ;;
  esac
fi
case "$out" in
  /*) ;;
  *) out="$(pwd)/$out" ;;
esac
rm -f -- "$out"

cmd=("$bin" audit "$range" --format "$format" --output "$out" --mode "$mode")
if is_true "$hard"; then
  cmd+=(--hard)
fi
if [ -n "$threshold" ]; then
  cmd+=(--threshold "$threshold")
fi
if [ -n "${PP_ARGS:-}" ]; then
  read -r -a extra <<<"$PP_ARGS"
  cmd+=("${extra[@]}")
fi

say "auditing $range"
say "running: ${cmd[*]}"
"${cmd[@]}"
code=$?

output range "$range"
output repo-root "$(git rev-parse --show-toplevel)"
output exit-code "$code"
if [ "$code" -eq 1 ]; then
  output blocked true
else
  output blocked false
fi
if [ -s "$out" ]; then
  output report-file "$out"
  if [ "$format" = sarif ]; then
    output sarif-file "$out"
  fi
else
  say "no report was written (exit code $code)"
  exit "$((code == 0 ? 2 : code))"
fi

if is_true "$defer"; then
  if [ "$code" -ne 0 ]; then
    say "exit code $code: the report is kept for upload; a later step fails the job"
  fi
  exit 0
fi
exit "$code"
