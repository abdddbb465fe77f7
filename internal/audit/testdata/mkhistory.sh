#!/usr/bin/env bash
# mkhistory.sh builds a realistic git history for measuring `patchpatrol
# audit`: the Python standard library as it changed from one CPython release
# to the next (the pyenv installs 3.6 ... 3.13 on this machine), replayed as
# about a thousand commits of one to three files each, by nine authors over
# three and a half years, with a merge of a side branch every 30 commits,
# additions and deletions. It is not run by the tests.
#
#   internal/audit/testdata/mkhistory.sh [OUT_DIR]      # default /tmp/pp-history
#   cd /tmp/pp-history && /usr/bin/time -v patchpatrol audit --mode security --offline -n 1000 --format json -o /tmp/audit.json
#
# PYENV_VERSIONS overrides where the releases are found (default
# /root/.pyenv/versions); VERSIONS the releases replayed, oldest first.
set -euo pipefail

out=${1:-/tmp/pp-history}
root=${PYENV_VERSIONS:-/root/.pyenv/versions}
versions=${VERSIONS:-"3.6.15 3.7.16 3.8.18 3.9.18 3.10.13 3.11.7 3.12.1 3.13.0"}
authors=("Ada Lovelace" "Grace Hopper" "Alan Turing" "Barbara Liskov" "Ken Thompson" "Margaret Hamilton" "Guido van Rossum" "Frances Allen" "Dennis Ritchie")

if [ -e "$out" ]; then
	echo "mkhistory: $out exists; remove it first" >&2
	exit 2
fi
mkdir -p "$out"
cd "$out"
export GIT_CONFIG_NOSYSTEM=1 HOME="$out/.home"
mkdir -p "$HOME"
git init -q -b main .
git config user.name "Nobody"
git config user.email "nobody@example.com"
git config commit.gpgsign false
git config gc.auto 0

n=0                # commits so far
ts=1577836800      # 2020-01-01T00:00:00Z

# commit MESSAGE: commits what is staged as the next author, a few hours
# after the previous commit.
commit() {
	local a=${authors[$(((n * 7 + n / 5) % ${#authors[@]}))]}
	local email
	email=$(echo "$a" | tr 'A-Z ' 'a-z.')@example.org
	ts=$((ts + 3600 * (6 + (n * 37) % 48)))
	GIT_AUTHOR_NAME="$a" GIT_AUTHOR_EMAIL="$email" GIT_AUTHOR_DATE="@$ts +0000" \
		GIT_COMMITTER_NAME="$a" GIT_COMMITTER_EMAIL="$email" GIT_COMMITTER_DATE="@$ts +0000" \
		git commit -q --no-verify -m "$1"
	n=$((n + 1))
}

# snapshot VERSION: replaces the work tree's Lib/ with that release's
# standard library (without its tests, IDLE, tkinter and the like).
snapshot() {
	local v=$1 src
	src="$root/$v/lib/python${v%.*}"
	rm -rf Lib
	mkdir -p Lib
	(cd "$src" && find . \( -path ./test -o -path ./idlelib -o -path ./lib2to3 -o -path ./unittest -o -path ./tkinter \
		-o -path ./turtledemo -o -path ./ensurepip -o -path ./site-packages -o -path './config-*' -o -name tests \
		-o -name __pycache__ \) -prune -o -type f -name '*.py' ! -name 'test_*' -print0 | tar --null -T - -cf -) | tar -xf - -C Lib
}

set -- $versions
first=$1
shift
snapshot "$first"
git add -A
commit "Import the standard library of Python $first"

sizes=(1 2 1 2 1 3)
for v in "$@"; do
	snapshot "$v"
	mapfile -t changed < <(git status --porcelain --no-renames -uall -- Lib 2>/dev/null | cut -c4- | sort)
	i=0
	g=0
	while [ $i -lt ${#changed[@]} ]; do
		k=${sizes[$((g % ${#sizes[@]}))]}
		group=("${changed[@]:i:k}")
		i=$((i + k))
		g=$((g + 1))
		msg="lib: update ${group[0]#Lib/}"
		[ ${#group[@]} -gt 1 ] && msg="$msg and $((${#group[@]} - 1)) more"
		msg="$msg to Python $v"
		if [ $((n % 30)) -eq 29 ]; then
			# This group on a side branch, merged with --no-ff. The other
			# changes of the release stay uncommitted in the work tree;
			# they touch other files, so neither checkout nor merge minds.
			git checkout -q -b "side-$n"
			git add -A -- "${group[@]}" 2>/dev/null
			commit "$msg"
			git checkout -q main
			git merge -q --no-ff --no-commit "side-$((n - 1))" >/dev/null 2>&1
			commit "Merge branch 'side-$((n - 1))'"
			continue
		fi
		git add -A -- "${group[@]}" 2>/dev/null
		commit "$msg"
	done
	echo "mkhistory: Python $v: ${#changed[@]} files changed; $n commits so far" >&2
done
echo "mkhistory: $n commits in $out" >&2
